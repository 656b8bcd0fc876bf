from wordprint.corpus import samples, vocabulary_rows
from wordprint.io.files import write_csv
from wordprint.io.profiles import read_profiles
from wordprint.io.step import run


def main():
    profiles = read_profiles(snakemake.input)
    header, rows = vocabulary_rows(
        samples(snakemake.params.documents, profiles, **snakemake.params.samples), profiles
    )
    write_csv(snakemake.output[0], header, rows)


run(main, log_path=snakemake.log[0])
