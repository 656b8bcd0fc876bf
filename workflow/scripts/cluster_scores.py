import logging

from wordprint.corpus.samples import documents_of, samples, view_of
from wordprint.evaluate.grid import GRID_COLUMNS, evaluation_grid, view_grid, with_feature_set
from wordprint.io.files import read_matrix, write_csv
from wordprint.io.profiles import read_profiles
from wordprint.workflow.step import run
from wordprint.features.sampling import resample


def main():
    par, inputs = snakemake.params, snakemake.input
    known = set(par.known)  # only known documents' labels score (not questioned ones)
    grid = dict(mfw=par.mfw, measures=par.measures, normalisations=par.normalisations,
                methods=par.methods, k=par.k)
    corpus = None
    rows = []
    for feature_set in par.features:
        ids = table = None
        if feature_set == "words":
            ids, _, table = read_matrix(inputs.words)  # every setting takes a prefix
            if len({view_of(i) for i in ids}) > 1:
                ids = None  # its MFW are ranked on every view: each view is ranked on its own
        if ids is not None:  # the word table of one view: its MFW ranked on its samples alone
            sampled = documents_of(ids, par.documents)
            keep = [d.id in known for d in sampled]
            logging.info("words: %d samples, %d scored", len(ids), sum(keep))
            if not any(keep):
                continue
            _, found = evaluation_grid(
                {feature_set: table[:, : max(par.mfw)]},
                labels=[d.field(par.label_column) for d in sampled],
                keep=keep, documents=[d.id for d in sampled], view=view_of(ids[0]), **grid,
            )  # fmt: skip
        else:
            if corpus is None:
                profiles = read_profiles(inputs.profiles)
                corpus = samples(par.documents, profiles, **par.samples)
            sets = resample(with_feature_set(corpus, profiles, feature_set), **par.sampling)
            # Pronouns and function words select words only; culling and start_at any feature.
            selection = dict(par.selection)
            if feature_set != "words":
                selection.update(drop_pronouns=False, only_function_words=False)
            logging.info("%s: %d samples of the views %s", feature_set, len(sets),
                         ", ".join(dict.fromkeys(s.view for s in sets)))
            _, found = view_grid(
                sets, label_column=par.label_column, known=known, feature_set=feature_set,
                selection=selection, **grid,
            )  # fmt: skip
        rows += found
    write_csv(snakemake.output[0], list(GRID_COLUMNS), rows)


run(main, log_path=snakemake.log[0])
