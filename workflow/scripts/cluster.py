from wordprint.clustering.hierarchy import cluster_analysis, cluster_rows
from wordprint.corpus.samples import documents_of, view_of
from wordprint.measures.distances import distance_matrix
from wordprint.io.files import read_matrix, write_csv, write_matrix
from wordprint.workflow.step import run


def main():
    par, out = snakemake.params, snakemake.output
    # Outputs come setting by setting: for each MFW table, one file per measure.
    outputs = iter(zip(out.distances, out.clusters, out.linkage))
    for source in snakemake.input:
        ids, _, table = read_matrix(source)
        docs = documents_of(ids, par.documents)
        labels = [d.field(par.label_column) for d in docs]
        views = [view_of(i) for i in ids]
        for measure in par.measures:
            matrix, clusters, tree = next(outputs)
            distances = distance_matrix(table, measure=measure)
            write_matrix(matrix, ids, ids, distances)
            result = cluster_analysis(distances, method=par.linkage, k=par.k)
            write_csv(clusters, *cluster_rows(ids, views, [d.group for d in docs], labels, result))
            merges = [f"merge_{i + 1}" for i in range(len(result["linkage"]))]
            write_matrix(tree, merges, ["left", "right", "height", "size"], result["linkage"])
    settings = len(snakemake.input) * len(par.measures)
    return f"distances, trees and {par.k} flat clusters of {settings} settings"


run(main, log_path=snakemake.log[0])
