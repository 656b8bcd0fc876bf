from wordprint.corpus.samples import samples, vocabulary_rows
from wordprint.io.files import write_csv
from wordprint.io.profiles import read_profiles
from wordprint.workflow.step import run


def main():
    inp, par = snakemake.input, snakemake.params
    profiles = read_profiles(inp.counts)
    corpus = samples(par.documents, profiles, **par.samples)
    write_csv(snakemake.output[0], *vocabulary_rows(corpus, profiles, read_profiles(inp.descriptions)))


run(main, log_path=snakemake.log[0])
