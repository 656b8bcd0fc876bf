import logging

from wordprint import plot
from wordprint.corpus.samples import documents_of, samples, view_of
from wordprint.features.sampling import resample
from wordprint.io.profiles import read_profiles
from wordprint.measures.distances import MEASURES
from wordprint.io.figures import save_figure
from wordprint.io.files import read_matrix, write_csv
from wordprint.workflow.step import run
from wordprint.evaluate.robustness import figure_rows, grid_settings, robustness_map, view_table


def main():
    par, out = snakemake.params, snakemake.output
    grid, ref = par.grid, par.reference
    ids, _, table = read_matrix(snakemake.input.words)  # the word table; the grid takes a prefix
    largest = max([*grid["mfw"], ref["mfw"]])
    table = table[:, :largest]
    sampled = documents_of(ids, par.documents)
    views = [view_of(i) for i in ids]
    known = set(par.known)  # only known documents' labels are nearest answers
    reference_table = None
    if len(set(views)) > 1:
        # The word table's MFW are ranked on every view: the reference view's answers take
        # the MFW of its samples alone, as a run of that view only would.
        chosen = {**par.samples, "views": [ref["view"]]}
        corpus = resample(samples(par.documents, read_profiles(snakemake.input.profiles),
                                  **chosen), **par.sampling)
        reference_table = view_table(corpus, [i for i, v in zip(ids, views) if v == ref["view"]],
                                     n=largest, selection=par.selection)
    settings = grid_settings(grid["mfw"], grid["measures"], grid["normalisations"])
    reference = (ref["mfw"], ref["measure"], "none")
    logging.info("%d samples, %d settings, reference %s", len(ids), len(settings), reference)
    header, rows = robustness_map(
        table,
        settings=settings,
        reference=reference,
        documents=[d.id for d in sampled],
        views=views,
        labels=[d.field(par.label_column) for d in sampled],
        known=[d.id in known for d in sampled],
        reference_view=ref["view"],
        reference_table=reference_table,
        k=par.k,
        linkage=par.linkage,
        threshold=par.threshold,
        min_jaccard=par.min_jaccard,
    )
    write_csv(out.table, header, rows)

    order, shares, counted = figure_rows(header, rows)
    group = {d.id: d.group for d in par.documents}
    panels = {"nearest": f"Nearest document's {par.label_column}", "cluster": "Cluster-mates"}
    measure = MEASURES[ref["measure"]].label
    fig = plot.robustness_figure(
        order,
        [group[d] for d in order],
        {panels[c]: v for c, v in shares.items()},
        settings=counted,
        threshold=par.threshold,
        title=f"Robustness of the findings of {measure} at {ref['mfw']} MFW",
    )
    save_figure(fig, out.png[: -len(".png")], metadata={"Title": "Robustness map"})
    col = {name: i for i, name in enumerate(header)}
    status = {(r[col["document"]], r[col["conclusion"]]): r[col["status"]] for r in rows}
    write_csv(
        out.csv,
        ["row", "document", "group", "conclusion", "share", "settings", "status"],
        [
            [i + 1, d, group[d], c, shares[c][i], counted[i], status[d, c]]
            for i, d in enumerate(order)
            for c in shares
        ],
    )


run(main, log_path=snakemake.log[0])
