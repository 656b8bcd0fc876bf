from wordprint.distances import distance_matrix
from wordprint.io.files import read_matrix, write_matrix
from wordprint.io.step import run


def main():
    ids, _, table = read_matrix(snakemake.input[0])
    for measure, path in zip(snakemake.params.measures, snakemake.output):
        write_matrix(path, ids, ids, distance_matrix(table, measure=measure))


run(main, log_path=snakemake.log[0])
