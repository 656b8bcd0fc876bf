import logging
from dataclasses import replace

from wordprint.clustering.scores import nearest_neighbours
from wordprint.corpus.samples import document_id, samples
from wordprint.io.files import read_matrix, write_csv
from wordprint.io.profiles import read_profiles
from wordprint.workflow.step import run
from wordprint.io.tokens import StreamedTokens
from wordprint.features.sampling import resample
from wordprint.uncertainty import neighbour_intervals


def intervals(inp, par):
    """(sample, neighbour) -> bootstrap interval of their distance in the report's setting."""
    u, sampling = par.uncertainty, par.sampling
    corpus = samples(par.documents, read_profiles(inp.profiles), **par.samples)
    corpus = resample(corpus, **sampling)
    if sampling["method"] != "consecutive":
        # Resampled from their tokens and the table's rows: every document's word counts (the
        # job's largest data, some 1.2 MB per novel) can go.
        corpus = [replace(s, counts={}) for s in corpus]
    ids, words, table = read_matrix(inp.table)
    if ids != [s.id for s in corpus]:
        raise RuntimeError(f"{inp.table} does not list the samples of the profiles")
    views = list(dict.fromkeys((s.document.id, s.view) for s in corpus))
    tokens = StreamedTokens(
        {d.id: f for d, f in zip(par.documents, inp.sources)},
        views,
        settings=par.profile_settings,
        documents={d.id: d for d in par.documents},
        cache_dir=par.cache,
        encoded=True,
    )
    _, _, distances = read_matrix(inp.report)
    found = nearest_neighbours(ids, distances, documents=[document_id(i) for i in ids])
    pairs = [(ids.index(sample), ids.index(neighbour)) for sample, _, neighbour, _ in found]
    low, high = neighbour_intervals(
        corpus,
        words,
        table,
        tokens,
        pairs,
        measure=par.interval["measure"],
        sampling_size=sampling["size"] if sampling["method"] == "consecutive" else 0,
        **u,
    )
    logging.info("tokens of %d of %d documents from the token cache", tokens.from_cache,
                 len({doc for doc, _ in views}))
    return {
        (ids[i], ids[j]): (None if lo != lo else lo, None if hi != hi else hi)
        for (i, j), lo, hi in zip(pairs, low.tolist(), high.tolist())
    }


def main():
    inp, par = snakemake.input, snakemake.params
    ci = intervals(inp, par) if par.uncertainty["replicates"] else {}
    rows = []
    for setting, path in zip(par.settings, inp.distances):
        ids, _, distances = read_matrix(path)
        documents = [document_id(i) for i in ids]
        shown = setting == par.interval
        for row in nearest_neighbours(ids, distances, documents=documents):
            interval = ci.get((row[0], row[2]), (None, None)) if shown else (None, None)
            rows.append([setting["measure"], setting["mfw"], *row, *interval])
    header = ["measure", "mfw", "sample", "rank", "neighbour", "distance"]
    write_csv(snakemake.output[0], header + ["distance_low", "distance_high"], rows)


run(main, log_path=snakemake.log[0])
