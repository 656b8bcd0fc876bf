import logging

from wordprint import plot
from wordprint.corpus import samples
from wordprint.distances import MEASURES
from wordprint.evaluate import feature_table
from wordprint.io.figures import save_figure
from wordprint.io.files import write_csv
from wordprint.io.profiles import read_profiles
from wordprint.io.step import run
from wordprint.robustness import figure_rows, grid_settings, robustness_map
from wordprint.sampling import resample


def main():
    par, out = snakemake.params, snakemake.output
    grid, ref = par.grid, par.reference
    corpus = samples(par.documents, read_profiles(snakemake.input), **par.samples)
    corpus = resample(corpus, **par.sampling)
    counts, totals = [s.counts for s in corpus], [s.tokens for s in corpus]
    n = max([*grid["mfw"], ref["mfw"]])
    _, table = feature_table(counts, totals=totals, n=n, **par.selection)
    settings = grid_settings(grid["mfw"], grid["measures"], grid["normalisations"])
    reference = (ref["mfw"], ref["measure"], "none")
    logging.info("%d samples, %d settings, reference %s", len(corpus), len(settings), reference)
    header, rows = robustness_map(
        table,
        settings=settings,
        reference=reference,
        documents=[s.document.id for s in corpus],
        views=[s.view for s in corpus],
        labels=[s.document.field(par.label_column) for s in corpus],
        reference_view=ref["view"],
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
