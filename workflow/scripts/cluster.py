from wordprint.cluster import cluster_analysis, cluster_rows
from wordprint.corpus import documents_of, view_of
from wordprint.io.files import read_matrix, write_csv, write_matrix
from wordprint.io.step import run


def main():
    outputs = zip(snakemake.input, snakemake.output.clusters, snakemake.output.linkage)
    for source, table, tree in outputs:
        ids, _, distances = read_matrix(source)
        result = cluster_analysis(distances, method=snakemake.params.linkage, k=snakemake.params.k)
        docs = documents_of(ids, snakemake.params.documents)
        labels = [d.field(snakemake.params.label_column) for d in docs]
        views = [view_of(i) for i in ids]
        write_csv(table, *cluster_rows(ids, views, [d.group for d in docs], labels, result))
        merges = [f"merge_{i + 1}" for i in range(len(result["linkage"]))]
        write_matrix(tree, merges, ["left", "right", "height", "size"], result["linkage"])


run(main, log_path=snakemake.log[0])
