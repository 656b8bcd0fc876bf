import logging

from wordprint.corpus.samples import cleaning_rows, samples
from wordprint.features.mfw import feature_table
from wordprint.io.files import write_csv, write_json, write_matrix
from wordprint.io.profiles import read_profiles
from wordprint.workflow.step import run
from wordprint.features.sampling import resample, short_samples


def main():
    par, out = snakemake.params, snakemake.output
    profiles = read_profiles(snakemake.input)
    write_csv(out.cleaning, *cleaning_rows(par.documents, profiles))
    write_json(out.cleaning_json, {d.id: profiles[d.id]["cleaning"] for d in par.documents})
    corpus = samples(par.documents, profiles, **par.samples)
    corpus = resample(corpus, **par.sampling)
    short = short_samples(corpus, min_tokens=par.warn_below)
    if short:
        logging.warning(
            "%d samples have fewer than %d tokens, where Delta is unreliable (Eder 2015): %s",
            len(short),
            par.warn_below,
            ", ".join(f"{sample} ({tokens})" for sample, tokens in short),
        )
    write_csv(out.short, ["id", "tokens"], short)
    counts, totals = [s.counts for s in corpus], [s.tokens for s in corpus]
    ranking, table = feature_table(counts, totals=totals, n=max(par.mfw), **par.selection)
    for n, path in zip(par.mfw, out.tables):
        if n > len(ranking):
            logging.warning(
                "mfw %d exceeds the words left after selection: using all %d", n, len(ranking)
            )
        write_matrix(path, [s.id for s in corpus], ranking[:n], table[:, :n])
    return (f"{len(corpus)} samples; tables of the {', '.join(map(str, par.mfw))} most frequent "
            f"words; {len(short)} samples below {par.warn_below} words")


run(main, log_path=snakemake.log[0])
