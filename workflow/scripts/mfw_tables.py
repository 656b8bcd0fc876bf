import logging

from wordprint.corpus import samples
from wordprint.features import most_frequent_words, relative_frequencies
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
    counts = [s.counts for s in corpus]
    ranking = most_frequent_words(counts, n=max(par.mfw))
    for n, path in zip(par.mfw, snakemake.output.tables):
        if n > len(ranking):
            logging.warning(
                "mfw %d exceeds the corpus vocabulary: using all %d words", n, len(ranking)
            )
        words = ranking[:n]
        table = relative_frequencies(counts, words, totals=[s.tokens for s in corpus])
        write_matrix(path, [s.id for s in corpus], words, table)


run(main, log_path=snakemake.log[0])
