import logging

from wordprint.corpus.samples import documents_of, samples, view_of
from wordprint.evaluate.grid import evaluation_grid, with_feature_set
from wordprint.features.mfw import feature_table
from wordprint.io.files import read_matrix, write_csv
from wordprint.io.profiles import read_profiles
from wordprint.workflow.step import run
from wordprint.features.sampling import resample


def feature_rows(par, profiles, corpus, feature_set):
    """Sample ids and the table of another feature set (n-grams), from the profiles."""
    sets = resample(with_feature_set(corpus, profiles, feature_set), **par.sampling)
    # Pronouns and function words select words only; culling and start_at any feature.
    selection = {**par.selection, "drop_pronouns": False, "only_function_words": False}
    counts, totals = [s.counts for s in sets], [s.tokens for s in sets]
    _, table = feature_table(counts, totals=totals, n=max(par.mfw), **selection)
    return [s.id for s in sets], table


def main():
    par, inputs = snakemake.params, snakemake.input
    profiles = corpus = None
    rows = []
    for feature_set in par.features:
        if feature_set == "words":
            ids, _, table = read_matrix(inputs.words)  # every setting takes a prefix
            table = table[:, : max(par.mfw)]
        else:
            if profiles is None:
                profiles = read_profiles(inputs.profiles)
                corpus = samples(par.documents, profiles, **par.samples)
            ids, table = feature_rows(par, profiles, corpus, feature_set)
        logging.info("%s: %d samples, %d features", feature_set, *table.shape)
        sampled = documents_of(ids, par.documents)
        header, grid = evaluation_grid(
            {feature_set: table},
            labels=[d.field(par.label_column) for d in sampled],
            keep=[view_of(i) == "full" for i in ids],
            documents=[d.id for d in sampled],
            mfw=par.mfw,
            measures=par.measures,
            normalisations=par.normalisations,
            methods=par.methods,
            k=par.k,
        )
        rows += grid
    write_csv(snakemake.output[0], header, rows)


run(main, log_path=snakemake.log[0])
