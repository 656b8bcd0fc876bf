import logging

from wordprint.corpus import samples
from wordprint.evaluate import evaluation_grid, feature_table, with_feature_set
from wordprint.io.files import write_csv
from wordprint.io.profiles import read_profiles
from wordprint.io.step import run
from wordprint.sampling import resample


def main():
    par = snakemake.params
    profiles = read_profiles(snakemake.input)
    corpus = samples(par.documents, profiles, **par.samples)
    rows = []
    for feature_set in par.features:
        sets = resample(with_feature_set(corpus, profiles, feature_set), **par.sampling)
        # Pronouns and function words select words only; culling and start_at any feature.
        selection = dict(par.selection)
        if feature_set != "words":
            selection.update(drop_pronouns=False, only_function_words=False)
        counts, totals = [s.counts for s in sets], [s.tokens for s in sets]
        names, table = feature_table(counts, totals=totals, n=max(par.mfw), **selection)
        logging.info("%s: %d samples, %d features", feature_set, len(sets), len(names))
        header, grid = evaluation_grid(
            {feature_set: table},
            labels=[s.document.field(par.label_column) for s in sets],
            keep=[s.view == "full" for s in sets],
            documents=[s.document.id for s in sets],
            mfw=par.mfw,
            measures=par.measures,
            normalisations=par.normalisations,
            methods=par.methods,
            k=par.k,
        )
        rows += grid
    write_csv(snakemake.output[0], header, rows)


run(main, log_path=snakemake.log[0])
