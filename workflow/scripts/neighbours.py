from wordprint.cluster import nearest_neighbours
from wordprint.corpus import document_id
from wordprint.io.files import read_matrix, write_csv
from wordprint.io.step import run


def main():
    rows = []
    for setting, path in zip(snakemake.params.settings, snakemake.input):
        ids, _, distances = read_matrix(path)
        documents = [document_id(i) for i in ids]
        for row in nearest_neighbours(ids, distances, documents=documents):
            rows.append([setting["measure"], setting["mfw"], *row])
    write_csv(
        snakemake.output[0], ["measure", "mfw", "sample", "rank", "neighbour", "distance"], rows
    )


run(main, log_path=snakemake.log[0])
