from wordprint import plot
from wordprint.plot import merge_height_label
from wordprint.clustering.hierarchy import merge_rows
from wordprint.measures.distances import MEASURES
from wordprint.io.figures import save_figure
from wordprint.io.files import read_csv, read_matrix, write_csv, write_matrix
from wordprint.workflow.step import run


def draw(i, mfw, kinds):
    """The figures of the i-th setting of this job (MFW ``mfw``): those of ``kinds``."""
    inp, out = snakemake.input, snakemake.output
    measure = MEASURES[snakemake.wildcards.measure].label
    linkage = snakemake.params.linkage
    setting = f"{mfw} MFW, {linkage} linkage"
    ids, _, distances = read_matrix(inp.distances[i])
    header, table = read_csv(inp.clusters[i])
    column = {name: [row[j] for row in table] for j, name in enumerate(header)}
    groups = column["group"]
    tree = read_matrix(inp.linkage[i])[2]
    order = sorted(range(len(ids)), key=lambda j: int(column["leaf_position"][j]))
    mds = [[float(x), float(y)] for x, y in zip(column["mds_1"], column["mds_2"])]
    figures = {
        "dendrogram": lambda: plot.dendrogram_figure(
            tree,
            ids,
            groups,
            title=f"{measure}, {setting}",
            distance_label=merge_height_label(measure, linkage),
        ),
        "mds": lambda: plot.mds_figure(
            mds,
            ids,
            groups,
            title=f"Classical MDS of {measure}, {mfw} MFW",
            axis_labels=("MDS dimension 1", "MDS dimension 2"),
        ),
        "heatmap": lambda: plot.heatmap_figure(
            distances,
            ids,
            groups,
            order=order,
            title=f"{measure}, {setting}",
            measure_label=measure,
        ),
    }
    for kind in kinds:  # only the figures the config's analyses ask for
        save_figure(
            figures[kind](),
            out[kind][i][: -len(".png")],
            metadata={"Title": f"{kind}: {measure}, {setting}"},
        )
    write_csv(out.dendrogram_csv[i], *merge_rows(ids, tree))
    if "mds" in kinds:
        write_csv(
            out.mds_csv[i],
            ["id", "group", "mds_1", "mds_2"],
            [[d, g, x, y] for d, g, (x, y) in zip(ids, groups, mds)],
        )
    if "heatmap" in kinds:
        write_matrix(
            out.heatmap_csv[i],
            [ids[j] for j in order],
            [ids[j] for j in order],
            distances[order][:, order],
        )


def main():
    for i, mfw in enumerate(snakemake.params.mfw):
        draw(i, mfw, snakemake.params.kinds)
    return f"{len(snakemake.params.mfw) * len(snakemake.params.kinds)} figures"


run(main, log_path=snakemake.log[0])
