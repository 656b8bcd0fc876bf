"""Bootstrap intervals: hand-checked percentiles, zero-width intervals of constant texts, seeds."""

import math
import os
import subprocess
import sys
from collections import Counter

import numpy as np
import pytest

from wordprint import uncertainty as U
from wordprint.uncertainty import vocabulary as uncertainty_vocabulary
from wordprint.corpus.samples import Sample, vocabulary_rows
from wordprint.corpus.documents import Document
from wordprint.count.profile import describe_text, profile_view
from wordprint.workflow.settings import describe_settings, profile_settings
from wordprint.text.sentences import splitter, train_model
from wordprint.text.tokenize import TokenIds, words
from wordprint.describe.vocabulary import _mtld_passes, _occurrences, mattr, mtld, vocabulary_profile


def zipf_text(n: int, seed: int = 0, types: int = 2000) -> list[str]:
    """n tokens drawn from a Zipfian vocabulary: a text-like frequency spectrum."""
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, types + 1)
    ids = rng.choice(types, size=n, p=weights / weights.sum())
    # letters only, so that the tokenizer reads each as one word; frequent words are shorter
    names = ["w" + "".join(chr(97 + i // 26**k % 26) for k in range(1 + (i >= 26) + (i >= 676)))
             for i in range(types)]
    return [names[i] for i in ids]


def sentences_of(n: int, length: int = 20) -> list[int]:
    return [length] * (n // length) + ([n % length] if n % length else [])


SETTINGS = {"replicates": 200, "segment": 500, "level": 0.95, "seed": 1}


# --- percentile intervals -------------------------------------------------------------------------


def test_percentile_interval_follows_efron_and_tibshiranis_rank_rule():
    values = [7.0, 1.0, 3.0, 9.0, 5.0, 2.0, 8.0, 4.0, 6.0]  # B = 9
    # level 0.8: k = floor(10 * 0.1) = 1, the smallest and the largest
    assert [float(v) for v in U.percentile_interval(values, level=0.8)] == [1.0, 9.0]
    # level 0.5: k = floor(10 * 0.25) = 2, the 2nd smallest and the 2nd largest
    assert [float(v) for v in U.percentile_interval(values, level=0.5)] == [2.0, 8.0]
    # B = 39 at 90%: k = floor(40 * 0.05) = 2 exactly (no floating-point slip to 1)
    lo, hi = U.percentile_interval(np.arange(1.0, 40.0), level=0.9)
    assert (float(lo), float(hi)) == (2.0, 38.0)
    # B = 199 at 95%: k = 5, so 5th smallest and 5th largest of 1..199
    lo, hi = U.percentile_interval(np.arange(1.0, 200.0), level=0.95)
    assert (float(lo), float(hi)) == (5.0, 195.0)


def test_percentile_interval_by_column_skips_nan_and_centres():
    reps = np.array([[1.0, np.nan, 4.0], [2.0, np.nan, np.nan], [3.0, np.nan, 6.0]])
    lo, hi = U.percentile_interval(reps, level=0.5)
    assert lo[0] == 1.0 and hi[0] == 3.0  # k = floor(4 * 0.25) = 1
    assert np.isnan(lo[1]) and np.isnan(hi[1])  # nothing to go on
    assert (lo[2], hi[2]) == (4.0, 6.0)  # B = 2 for this column
    # centred: the replicates 1, 2, 3 (mean 2) are moved to mean 10 before the ranks are read
    lo, hi = U.percentile_interval(reps[:, 0], level=0.5, centre=10.0)
    assert (float(lo), float(hi)) == (9.0, 11.0)
    with pytest.raises(ValueError, match="level"):
        U.percentile_interval([1.0], level=1.0)


def test_segments_are_equal_consecutive_parts():
    assert U.segment_bounds(2000, segment=500).tolist() == [0, 500, 1000, 1500, 2000]
    assert U.segment_bounds(2240, segment=500).tolist() == [0, 560, 1120, 1680, 2240]  # 4.48 -> 4
    assert U.segment_bounds(2250, segment=500).tolist()[-2:] == [1800, 2250]  # 4.5 -> 5 parts
    w = U.resampling_weights(np.random.default_rng(0), 5, 1000)
    assert w.shape == (1000, 5) and (w.sum(axis=1) == 5).all()
    assert abs(w.mean() - 1.0) < 0.05  # each segment drawn once on average


# --- vocabulary statistics ------------------------------------------------------------------------


def test_a_constant_text_has_zero_width_intervals():
    tokens, lengths = ["the"] * 3000, [10] * 300
    point = vocabulary_profile(tokens, lengths, mattr_window=100)
    ci = U.vocabulary_intervals(tokens, lengths, mattr_window=100, **SETTINGS, key="x")
    assert set(ci) == set(U.VOCABULARY_INTERVALS)
    for name, (low, high) in ci.items():
        assert low == pytest.approx(point[name], rel=1e-12), name
        assert high == pytest.approx(point[name], rel=1e-12), name
    # MTLD: a factor every 2 tokens; Yule's K: 10^4 (N^2 - N) / N^2
    assert ci["mtld"] == (2.0, 2.0)
    assert ci["yules_k"][0] == pytest.approx(1e4 * (1 - 1 / 3000))


def test_intervals_contain_the_estimate_and_narrow_with_more_text():
    widths = {}
    for n in (3000, 30000):
        tokens = zipf_text(n)
        lengths = sentences_of(n)
        point = vocabulary_profile(tokens, lengths, mattr_window=100)
        ci = U.vocabulary_intervals(tokens, lengths, mattr_window=100, **SETTINGS, key="z")
        for name in ("mattr", "mtld", "yules_k", "mean_word_length"):
            low, high = ci[name]
            assert low < point[name] < high, (n, name, low, point[name], high)
        widths[n] = {name: ci[name][1] - ci[name][0] for name in ci if ci[name][0] is not None}
    for name in ("mattr", "mtld", "yules_k", "mean_word_length"):
        # Ten times the text: about sqrt(10) = 3.2 times narrower.
        assert widths[30000][name] < widths[3000][name] / 2, name


def test_the_segment_sums_reproduce_the_point_estimates():
    # A replicate is a weighted sum over segments; with every weight 1 it is the text itself.
    tokens = zipf_text(5000, seed=3)
    ids = TokenIds.of(tokens).ids
    types = uncertainty_vocabulary._window_types(ids, 100)
    naive = [len(set(tokens[i : i + 100])) for i in range(0, len(tokens) - 99, 97)]
    assert types[::97].tolist() == naive
    assert types.mean() / 100 == pytest.approx(mattr(tokens, window=100), rel=1e-12)
    # The factors each segment completes (and the partial ones) add up to the text's MTLD.
    bounds = U.segment_bounds(len(tokens), segment=500)
    block = np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))
    forward, backward = _mtld_passes(*_occurrences(ids), 0.72)
    factors = [np.bincount(block[p.ends], minlength=len(bounds) - 1).sum() + p.partial
               for p in (forward, backward)]
    n = len(tokens)
    assert (n / factors[0] + n / factors[1]) / 2 == pytest.approx(mtld(tokens), rel=1e-12)


def test_too_short_texts_and_zero_replicates_get_no_interval():
    tokens = zipf_text(2000)  # 4 segments of 500
    assert set(U.vocabulary_intervals(tokens, [20] * 100, **SETTINGS).values()) == {(None, None)}
    off = {**SETTINGS, "replicates": 0}
    long = zipf_text(5000)
    assert set(U.vocabulary_intervals(long, [20] * 250, **off).values()) == {(None, None)}
    # MATTR of a text no longer than its window is its TTR: no interval either
    ci = U.vocabulary_intervals(long, [20] * 250, mattr_window=5000, **SETTINGS)
    assert ci["mattr"] == (None, None) and ci["mtld"][0] is not None
    with pytest.raises(ValueError, match="replicates"):
        U.vocabulary_intervals(long, [20], **{**SETTINGS, "replicates": -1})


def test_the_same_seed_gives_the_same_numbers_another_seed_others():
    tokens, lengths = zipf_text(4000), sentences_of(4000)
    one = U.vocabulary_intervals(tokens, lengths, **SETTINGS, key="doc")
    assert one == U.vocabulary_intervals(tokens, lengths, **SETTINGS, key="doc")
    other_seed = U.vocabulary_intervals(tokens, lengths, **{**SETTINGS, "seed": 2}, key="doc")
    other_text = U.vocabulary_intervals(tokens, lengths, **SETTINGS, key="another")
    assert one["mattr"] != other_seed["mattr"] and one["mattr"] != other_text["mattr"]
    # the bootstrap's stream is not the one wordprint.features.sampling draws random bags from
    from wordprint.features.sampling import _rng

    assert U.generator(1, "doc").integers(10**9) != _rng(1, "doc").integers(10**9)
    # Both streams are the same in every process: fresh interpreters with other hash seeds (a
    # stream keyed by Python's hash() of the key would change with it) draw the same numbers.
    code = ("from wordprint.uncertainty import generator; from wordprint.features.sampling "
            "import _rng; print(generator(1, 'doc').integers(10**9), _rng(1, 'doc').integers(10**9))")
    here = [str(U.generator(1, "doc").integers(10**9)), str(_rng(1, "doc").integers(10**9))]
    for hash_seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONHASHSEED": hash_seed})
        assert run.stdout.split() == here


def test_profiles_carry_intervals_only_when_asked():
    config = {
        "tokenizer": {"pattern": "words", "lowercase": True},
        "vocabulary": {"mattr_window": 100, "mtld_threshold": 0.72},
        "views": ["full"],
        "quotes": {"short_quotes": "quoted"},
        "uncertainty": SETTINGS,
    }
    settings = describe_settings(config)
    assert settings["uncertainty"] == SETTINGS
    assert "uncertainty" not in profile_settings(config)  # counting does not depend on it
    off = describe_settings({**config, "uncertainty": {**SETTINGS, "replicates": 0}})
    assert "uncertainty" not in off  # the cache key of runs without intervals is unchanged
    text = " ".join(f"{' '.join(zipf_text(12, seed=i))}." for i in range(300))
    tokens = TokenIds.of(words(text))
    model = splitter(train_model(text))
    view = describe_text(text, tokens, splitter=model, pattern="words", settings=settings)
    low, high = view["intervals"]["mattr"]
    assert low <= view["stats"]["mattr"] <= high
    again = describe_text(text, tokens, splitter=model, pattern="words", settings=settings)
    assert view["intervals"] == again["intervals"]
    assert "intervals" not in describe_text(
        text, tokens, splitter=model, pattern="words", settings=off
    )
    # vocabulary.csv: each statistic followed by its interval; none for TTR
    doc = Document("d", "A", "T", "2000", "g", "", "file", "")
    counts = profile_view(text, profile_settings(config))
    sample = Sample("d", doc, "full", counts["counts"], counts["tokens"])
    profiles = {"d": {"cleaning": {"encoding": "utf-8"}, "views": {"full": counts}}}
    header, rows = vocabulary_rows([sample], profiles, {"d": {"views": {"full": view}}})
    at = header.index("mattr")
    assert header[at : at + 3] == ["mattr", "mattr_low", "mattr_high"]
    assert "ttr_low" not in header and "mean_sentence_length_high" in header
    assert rows[0][at + 1 : at + 3] == [low, high]


# --- distances ------------------------------------------------------------------------------------


def corpus_of(texts: dict[str, list[str]]) -> list[Sample]:
    result = []
    for name, tokens in texts.items():
        doc = Document(name, "", "", "", "", "", "file", "")
        result.append(Sample(name, doc, "full", dict(Counter(tokens)), len(tokens)))
    return result


def test_distance_intervals_contain_the_distance_and_are_empty_for_unresampled_texts():
    texts = {f"d{i}": zipf_text(5000, seed=i, types=300) for i in range(4)}
    texts["short"] = zipf_text(1000, seed=9, types=300)  # 2 segments: not resampled
    corpus = corpus_of(texts)
    words = [w for w, _ in Counter(t for x in texts.values() for t in x).most_common(50)]
    table = np.array([[s.counts.get(w, 0) / s.tokens for w in words] for s in corpus])
    reps, resampled = U.corpus_replicates(corpus, words, texts, replicates=100, seed=1)
    assert reps.shape == (100, 5, 50) and resampled.tolist() == [True] * 4 + [False]
    # the short text keeps its own frequencies (stored in single precision)
    assert (reps[:, 4, :] == table[4].astype(np.float32)).all()
    pairs = [(0, 1), (1, 2), (0, 4)]
    low, high = U.distance_intervals(
        table, reps, pairs, measure="cosine_delta", resampled=resampled
    )
    from wordprint.measures.distances import distance_matrix

    D = distance_matrix(table, measure="cosine_delta")
    for k, (i, j) in enumerate(pairs[:2]):
        assert 0 <= low[k] < D[i, j] < high[k]
    assert np.isnan(low[2]) and np.isnan(high[2])
    again = U.neighbour_intervals(corpus, words, table, texts, pairs, measure="cosine_delta",
                                  replicates=100, seed=1)
    np.testing.assert_array_equal(again[0], low)


def test_identical_constant_texts_have_zero_width_distance_intervals():
    texts = {f"d{i}": ["a", "b", "c", "d"] * (750 + 250 * i) for i in range(3)}
    texts["other"] = ["a", "a", "b", "e"] * 1000
    corpus = corpus_of(texts)
    words = ["a", "b", "c", "d", "e"]
    table = np.array([[s.counts.get(w, 0) / s.tokens for w in words] for s in corpus])
    reps, _ = U.corpus_replicates(corpus, words, texts, replicates=50, segment=100)
    low, high = U.distance_intervals(table, reps, [(0, 3), (0, 1)], measure="burrows")
    assert high[0] - low[0] == pytest.approx(0.0, abs=1e-12)
    assert low[1] == high[1] == 0.0


def test_sampled_tables_resample_segments_by_blocks_and_bags_by_words():
    from wordprint.features.sampling import resample

    text = zipf_text(10000, seed=5, types=300)
    doc = Document("d", "", "", "", "", "", "file", "")
    segments = [dict(Counter(text[i : i + 3000])) for i in (0, 3000, 6000)]
    whole = Sample("d", doc, "full", dict(Counter(text)), len(text), segments=segments)
    words = ["waaa", "wbaa", "wcaa"]
    # consecutive segments: each is block-resampled from its own tokens
    corpus = resample([whole], method="consecutive", size=3000, samples=0)
    assert [s.id for s in corpus] == ["d [1]", "d [2]", "d [3]"]
    reps, resampled = U.corpus_replicates(corpus, words, {"d": text}, sampling_size=3000,
                                          replicates=20, seed=4)
    assert resampled.all()
    for row, start in enumerate((0, 3000, 6000)):
        own = U.segment_replicates(text[start : start + 3000], words, replicates=20,
                                   segment=500, rng=U.generator(4, corpus[row].id))
        np.testing.assert_array_equal(reps[:, row, :], own)
    # the same from numbered tokens (the token cache's form, as the neighbours job reads them)
    encoded, _ = U.corpus_replicates(corpus, words, {"d": TokenIds.of(text)}, sampling_size=3000,
                                     replicates=20, seed=4)
    np.testing.assert_array_equal(encoded, reps)
    # a random bag has no order left: its words are resampled
    bag = resample([whole], method="random", size=3000, samples=1, seed=2)
    reps, resampled = U.corpus_replicates(bag, words, {"d": text}, replicates=20, seed=4)
    own = U.bag_replicates(bag[0].counts, words, total=3000, replicates=20,
                           rng=U.generator(4, "d"))
    np.testing.assert_array_equal(reps[:, 0, :], own)


def test_random_bags_are_resampled_word_by_word():
    bag = {"a": 300, "b": 100}
    rep = U.bag_replicates(bag, ["a", "b"], total=1000, replicates=4000,
                           rng=np.random.default_rng(0))
    assert rep.shape == (4000, 2)
    # Multinomial shares: mean 0.3 and 0.1, sd sqrt(0.3 * 0.7 / 1000) = 0.0145
    assert rep.mean(axis=0) == pytest.approx([0.3, 0.1], abs=0.002)
    assert rep[:, 0].std() == pytest.approx(math.sqrt(0.21 / 1000), rel=0.05)


# --- keyness --------------------------------------------------------------------------------------


def test_log_ratio_interval_by_hand():
    # Target: 5 segments of 100 tokens, all 10 uses of x in the first. Reference: 5 segments of
    # 100 tokens with 5 x each, so its rate is 1/20 in every replicate. A replicate draws the
    # first segment c ~ Binomial(5, 1/5) times: Log Ratio log2((10c / 500) / (1 / 20)), with
    # c = 0 counted as 0.5 (Hardie 2014). P(c = 0) = 0.328, P(c >= 2) = 0.263, P(c >= 3) = 0.058.
    # At level 0.6 with 1000 replicates the interval is the 200th smallest and 200th largest
    # replicate: c = 0 and c = 2, whatever the seed (both at least 4.5 sd inside).
    target = {"t": ["x"] * 10 + ["y"] * 490}
    reference = {"r": (["x"] * 5 + ["z"] * 95) * 5}
    for seed in (1, 2, 3):
        low, high = U.log_ratio_intervals(["x"], target, reference, replicates=1000,
                                          segment=100, level=0.6, seed=seed)
        assert low[0] == pytest.approx(math.log2((0.5 / 500) / (25 / 500)))  # log2(1/50)
        assert high[0] == pytest.approx(math.log2((20 / 500) / (25 / 500)))  # log2(4/5)
    # the point estimate, c = 1: log2(0.4), lies inside
    assert low[0] < math.log2(0.4) < high[0]


def test_log_ratio_intervals_need_both_sides_long_enough():
    long, short = {"a": ["x", "y"] * 1500}, {"b": ["x", "z"] * 200}
    low, high = U.log_ratio_intervals(["x"], long, short)
    assert np.isnan(low).all() and np.isnan(high).all()
    # a side of several short documents resamples each and counts all their segments
    many = {f"b{i}": ["x", "z", "z", "z"] * 250 for i in range(5)}  # 5 x 2 segments
    low, high = U.log_ratio_intervals(["x", "y"], long, many)
    # x: 1/2 of every target segment, 1/4 of every reference one; y: never in the reference,
    # counted as 0.5 in its 5000 tokens
    expected = [1.0, math.log2(0.5 / (0.5 / 5000))]
    assert low.tolist() == pytest.approx(expected) and high.tolist() == pytest.approx(expected)


def test_comparisons_put_the_interval_after_log_ratio():
    from wordprint.compare.results import KeynessSettings, analyse, keyness_plot_rows
    from wordprint.compare.sides import resolve_comparisons

    docs = [Document(i, "", "", "", g, "", "file", "") for i, g in [("a", "A"), ("b", "B")]]
    c = resolve_comparisons([{"name": "x", "target": {"group": "A"},
                              "reference": {"group": "B"}}], docs, views=["full"])["x"]
    tokens = {"a": ["we", "go", "we", "x"] * 750, "b": ["they", "go", "we", "y"] * 750}
    profiles = {d: {"views": {"full": {"counts": dict(Counter(t)), "tokens": len(t)}}}
                for d, t in tokens.items()}
    settings = KeynessSettings(min_freq=1, alpha=0.05, correction="holm",
                               sort_by="log_likelihood", top=2, segment_size=500,
                               collocation_window=1, collocates=5, kwic_lines=1, kwic_context=1)
    plain = analyse(c, profiles, tokens, settings=settings).keyness
    assert "log_ratio_low" not in plain
    table = analyse(c, profiles, tokens, settings=settings, uncertainty=SETTINGS).keyness
    columns = list(table)
    at = columns.index("log_ratio")
    assert columns[at : at + 3] == ["log_ratio", "log_ratio_low", "log_ratio_high"]
    assert columns[: at + 1] + columns[at + 3 :] == list(plain)
    we = table["term"].index("we")
    # 'we' is 1/2 of every segment of a and 1/4 of b: log2(2) = 1 in every replicate
    assert table["log_ratio_low"][we] == pytest.approx(1.0)
    assert table["log_ratio_high"][we] == pytest.approx(1.0)
    bars = keyness_plot_rows(table, ["we"])
    assert list(bars)[3:6] == ["log_ratio", "log_ratio_low", "log_ratio_high"]


def test_interval_note_says_what_the_whiskers_are():
    assert U.interval_note(SETTINGS, [None, 0.5]) == (
        "whiskers: 95% bootstrap intervals (200 replicates, segments of 500 tokens)"
    )
    assert U.interval_note(SETTINGS, [None, float("nan")]) == ""
    assert U.interval_columns("mattr") == ("mattr_low", "mattr_high")


def test_replicate_square_sums_equal_the_resampled_texts_counts(monkeypatch):
    # Yule's K of a replicate: the sum of squared type counts of the segments it draws. The
    # helper never forms the segments x segments product, and works a few replicates at a time.
    tokens = zipf_text(4000, seed=7, types=200)
    numbered = TokenIds.of(tokens)
    ids, types = numbered.ids, len(numbered.types)
    bounds = U.segment_bounds(len(tokens), segment=500)
    block = np.repeat(np.arange(len(bounds) - 1), np.diff(bounds))
    weights = U.resampling_weights(np.random.default_rng(2), len(bounds) - 1, 30).astype(float)
    expected = []
    for w in weights:
        drawn = Counter()
        for g, times in enumerate(w):
            for _ in range(int(times)):
                drawn.update(tokens[bounds[g] : bounds[g + 1]])
        expected.append(sum(c * c for c in drawn.values()))
    monkeypatch.setattr(uncertainty_vocabulary, "_CELLS_PER_PASS_K", types * 7)  # 7 replicates per pass
    assert uncertainty_vocabulary._replicate_square_sums(block, ids, types, weights).tolist() == expected


def test_replicates_from_the_tables_rows_need_no_counts():
    # Given the samples x words table, bags and texts too short to resample take their own
    # frequencies from its rows: the same replicates with every sample's counts dropped.
    from dataclasses import replace

    from wordprint.features.sampling import resample

    texts = {"long": zipf_text(6000, seed=1, types=300), "short": zipf_text(1200, seed=2)}
    corpus = corpus_of(texts)
    corpus += resample(corpus[:1], method="random", size=2000, samples=1, seed=3)
    words = [w for w, _ in Counter(texts["long"]).most_common(40)]
    table = np.array([[s.counts.get(w, 0) / s.tokens for w in words] for s in corpus])
    expected, resampled = U.corpus_replicates(corpus, words, texts, replicates=30, seed=5)
    assert resampled.tolist() == [True, False, True]
    bare = [replace(s, counts={}) for s in corpus]
    again, _ = U.corpus_replicates(bare, words, texts, replicates=30, seed=5, table=table)
    np.testing.assert_array_equal(again, expected)
