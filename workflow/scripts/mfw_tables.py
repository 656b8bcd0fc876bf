import logging

from wordprint.corpus import samples
from wordprint.features import most_frequent_words, relative_frequencies
from wordprint.io.files import write_matrix
from wordprint.io.profiles import read_profiles
from wordprint.io.step import run


def main():
    corpus = samples(
        snakemake.params.documents, read_profiles(snakemake.input), **snakemake.params.samples
    )
    counts = [s.counts for s in corpus]
    ranking = most_frequent_words(counts, n=max(snakemake.params.mfw))
    for n, path in zip(snakemake.params.mfw, snakemake.output):
        if n > len(ranking):
            logging.warning(
                "mfw %d exceeds the corpus vocabulary: using all %d words", n, len(ranking)
            )
        words = ranking[:n]
        table = relative_frequencies(counts, words, totals=[s.tokens for s in corpus])
        write_matrix(path, [s.id for s in corpus], words, table)


run(main, log_path=snakemake.log[0])
