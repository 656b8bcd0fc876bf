from wordprint.cluster import SCORES, score_samples
from wordprint.corpus import document_id
from wordprint.io.files import read_csv, read_matrix, write_csv
from wordprint.io.step import run


def main():
    rows = []
    inputs = zip(snakemake.params.settings, snakemake.input.clusters, snakemake.input.distances)
    for setting, clusters_path, distances_path in inputs:
        header, table = read_csv(clusters_path)
        column = {name: [row[i] for row in table] for i, name in enumerate(header)}
        clusters = [int(c) for c in column["cluster"]]
        full = [view == "full" for view in column["view"]]
        documents = [document_id(i) for i in column["id"]]
        distances = read_matrix(distances_path)[2]
        scores = score_samples(column["label"], clusters, distances, keep=full, documents=documents)
        k = len({c for c, keep in zip(clusters, full) if keep})
        row = [setting["measure"], setting["mfw"], snakemake.params.linkage, k]
        rows.append(row + [scores[s] for s in SCORES])
    write_csv(snakemake.output[0], ["measure", "mfw", "linkage", "k", *SCORES], rows)


run(main, log_path=snakemake.log[0])
