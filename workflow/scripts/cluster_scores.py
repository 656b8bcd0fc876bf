from wordprint.cluster import cluster_scores, nearest_neighbour_accuracy
from wordprint.io.files import read_csv, read_matrix, write_csv
from wordprint.io.step import run

SCORES = ["ari", "homogeneity", "completeness", "v_measure", "purity", "nn_accuracy"]


def main():
    rows = []
    inputs = zip(snakemake.params.settings, snakemake.input.clusters, snakemake.input.distances)
    for setting, clusters_path, distances_path in inputs:
        header, table = read_csv(clusters_path)
        labels = [r[header.index("label")] for r in table]
        clusters = [int(r[header.index("cluster")]) for r in table]
        scores = cluster_scores(labels, clusters)
        scores["nn_accuracy"] = nearest_neighbour_accuracy(read_matrix(distances_path)[2], labels)
        k = len(set(clusters))
        rows.append([setting["measure"], setting["mfw"], snakemake.params.linkage, k,
                     *(scores[s] for s in SCORES)])
    write_csv(snakemake.output[0], ["measure", "mfw", "linkage", "k", *SCORES], rows)


run(main, log_path=snakemake.log[0])
