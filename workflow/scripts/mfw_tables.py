import logging

from wordprint.corpus import samples
from wordprint.evaluate import feature_table
from wordprint.io.files import write_csv, write_matrix
from wordprint.io.profiles import read_profiles
from wordprint.io.step import run
from wordprint.sampling import resample, short_samples


def main():
    par = snakemake.params
    corpus = samples(par.documents, read_profiles(snakemake.input), **par.samples)
    corpus = resample(corpus, **par.sampling)
    short = short_samples(corpus, min_tokens=par.warn_below)
    for sample, tokens in short:
        logging.warning(
            "%s has %d tokens, below %d: Delta is unreliable there (Eder 2015)",
            sample,
            tokens,
            par.warn_below,
        )
    write_csv(snakemake.output.short, ["id", "tokens"], short)
    counts, totals = [s.counts for s in corpus], [s.tokens for s in corpus]
    ranking, table = feature_table(counts, totals=totals, n=max(par.mfw), **par.selection)
    for n, path in zip(par.mfw, snakemake.output.tables):
        if n > len(ranking):
            logging.warning(
                "mfw %d exceeds the words left after selection: using all %d", n, len(ranking)
            )
        write_matrix(path, [s.id for s in corpus], ranking[:n], table[:, :n])


run(main, log_path=snakemake.log[0])
