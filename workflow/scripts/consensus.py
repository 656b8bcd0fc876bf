import logging

from wordprint import plot
from wordprint.clustering.hierarchy import hierarchical
from wordprint.clustering.consensus import (
    clade_rows,
    consensus_tree,
    link_strengths,
    network_edges,
    network_nodes,
    newick,
)
from wordprint.corpus.samples import documents_of
from wordprint.measures.distances import MEASURES, distance_matrix
from wordprint.io.figures import save_figure
from wordprint.io.files import read_matrix, write_csv, write_text
from wordprint.workflow.step import run


def main():
    par, out = snakemake.params, snakemake.output
    ids, _, table = read_matrix(snakemake.input[0])  # the word table; each setting a prefix
    settings = par.consensus
    matrices = [
        distance_matrix(table[:, :n], measure=m) for n in settings["mfw"] for m in settings["measures"]
    ]
    logging.info("%d trees (%d MFW settings x %d measures)", len(matrices), len(settings["mfw"]), len(settings["measures"]))
    trees = [hierarchical(d, method=settings["linkage"]) for d in matrices]
    groups = [d.group for d in documents_of(ids, par.documents)]
    tree = consensus_tree(trees, ids, p=settings["p"])
    write_text(out.newick, newick(tree) + "\n")
    write_csv(out.nodes, *network_nodes(ids, groups))
    write_csv(out.edges, *network_edges(link_strengths(matrices)))
    measures = ", ".join(MEASURES[m].label for m in settings["measures"])
    mfw = settings["mfw"]
    span = f"{min(mfw)}-{max(mfw)} MFW" if len(mfw) > 1 else f"{mfw[0]} MFW"
    fig = plot.consensus_tree_figure(
        [sorted(c.members) for c in tree.clades],
        [c.support for c in tree.clades],
        ids,
        groups,
        rooted=tree.rooted,
        title="Bootstrap consensus tree",
        note=f"{measures}; {span} ({len(mfw)} settings), {settings['linkage']}; "
        f"{len(trees)} trees, consensus strength {settings['p']:g}",
    )
    save_figure(fig, out.png[: -len(".png")], metadata={"Title": "Bootstrap consensus tree"})
    write_csv(out.csv, *clade_rows(tree))


run(main, log_path=snakemake.log[0])
