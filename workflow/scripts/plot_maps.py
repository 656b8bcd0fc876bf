from wordprint import plot
from wordprint.cluster import merge_rows
from wordprint.distances import MEASURES
from wordprint.io.figures import save_figure
from wordprint.io.files import read_csv, read_matrix, write_csv, write_matrix
from wordprint.io.step import run


def main():
    out, wc = snakemake.output, snakemake.wildcards
    measure = MEASURES[wc.measure].label
    setting = f"{wc.mfw} MFW, {snakemake.params.linkage} linkage"
    ids, _, distances = read_matrix(snakemake.input.distances)
    header, table = read_csv(snakemake.input.clusters)
    column = {name: [row[i] for row in table] for i, name in enumerate(header)}
    groups = column["group"]
    tree = read_matrix(snakemake.input.linkage)[2]
    order = sorted(range(len(ids)), key=lambda i: int(column["leaf_position"][i]))
    mds = [[float(x), float(y)] for x, y in zip(column["mds_1"], column["mds_2"])]

    kinds = snakemake.params.kinds
    figures = {
        "dendrogram": lambda: plot.dendrogram_figure(
            tree,
            ids,
            groups,
            title=f"{measure}, {setting}",
            distance_label=f"{measure} ({snakemake.params.linkage} linkage)",
        ),
        "mds": lambda: plot.mds_figure(
            mds,
            ids,
            groups,
            title=f"Classical MDS of {measure}, {wc.mfw} MFW",
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
            out[kind][: -len(".png")],
            metadata={"Title": f"{kind}: {measure}, {setting}"},
        )
    write_csv(out.dendrogram_csv, *merge_rows(ids, tree))
    if "mds" in kinds:
        write_csv(
            out.mds_csv,
            ["id", "group", "mds_1", "mds_2"],
            [[i, g, x, y] for i, g, (x, y) in zip(ids, groups, mds)],
        )
    if "heatmap" in kinds:
        write_matrix(
            out.heatmap_csv,
            [ids[i] for i in order],
            [ids[i] for i in order],
            distances[order][:, order],
        )


run(main, log_path=snakemake.log[0])
