"""wordprint.describe.views: a view's vocabulary statistics and intervals from its token ids.

describe_view must give the numbers of vocabulary_profile and vocabulary_intervals on the list
of strings. Those now share the fast MTLD passes, so the references here are independent:
the set loop that read the passes before (and the paper's procedure), statistics counted with
Counter and sliding windows, and intervals recomputed from the drawn segments' tokens.
"""

import random
from collections import Counter

import numpy as np
import pytest

from wordprint import uncertainty as U
from wordprint.uncertainty import vocabulary as uncertainty_vocabulary
from wordprint.describe import vocabulary as V
from wordprint.describe.views import describe_view
from wordprint.text.tokenize import TokenIds
from wordprint.uncertainty import vocabulary_intervals
from wordprint.describe.vocabulary import PROFILE_KEYS, MtldPass, vocabulary_profile

FICTION = "corpora/british-fiction/texts"  # in the test corpora (the `shared` fixture)
SETTINGS = {"replicates": 200, "segment": 500, "level": 0.95, "seed": 1}


# --- references --------------------------------------------------------------------------------


def set_pass(tokens, threshold):
    """One MTLD pass read with a set of the run's types (wordprint's loop before numpy): the
    positions where factors end and the partial factor of the rest."""
    ends, seen, count = [], set(), 0
    for position, token in enumerate(tokens):
        count += 1
        seen.add(token)
        if len(seen) / count < threshold:
            ends.append(position)
            seen.clear()
            count = 0
    return ends, (1.0 - len(seen) / count) / (1.0 - threshold) if count else 0.0


def reference_passes(previous, following, threshold):
    """A stand-in for vocabulary._mtld_passes made of set loops (the ids rebuilt from the
    previous occurrences), so that vocabulary_intervals can serve as an independent reference."""
    ids = []
    for before in previous.tolist():
        ids.append(ids[before] if before >= 0 else len(ids))
    return tuple(
        MtldPass(np.array(ends, dtype=np.int64), partial)
        for ends, partial in (set_pass(ids, threshold), set_pass(ids[::-1], threshold))
    )


def sliding_mattr(tokens, window):
    """MATTR with a Counter slid over the text (the TTR when no window fits)."""
    n = len(tokens)
    if n <= window:
        return len(set(tokens)) / n
    inside = Counter(tokens[:window])
    total = len(inside)
    for i in range(window, n):
        inside[tokens[i]] += 1
        inside[tokens[i - window]] -= 1
        if not inside[tokens[i - window]]:
            del inside[tokens[i - window]]
        total += len(inside)
    return total / ((n - window + 1) * window)


def counted_stats(tokens, sentence_lengths, window, threshold):
    """The statistics of vocabulary_profile, each counted the plain way."""
    n, counts = len(tokens), Counter(tokens)
    forward, backward = (len(ends) + partial for ends, partial in
                         (set_pass(tokens, threshold), set_pass(tokens[::-1], threshold)))
    return {
        "tokens": n,
        "types": len(counts),
        "ttr": len(counts) / n,
        "mattr": sliding_mattr(tokens, window),
        "mtld": float(n) if forward == 0 else (n / forward + n / backward) / 2,
        "yules_k": 1e4 * (sum(f * f for f in counts.values()) - n) / n**2,
        "hapax_share": sum(f == 1 for f in counts.values()) / len(counts),
        "mean_word_length": sum(map(len, tokens)) / n,
        "mean_sentence_length": sum(sentence_lengths) / len(sentence_lengths),
    }


def assert_same_as_references(tokens, lengths, monkeypatch, *, window=500, threshold=0.72,
                              settings=SETTINGS, key="doc"):
    """describe_view of TokenIds.of(tokens) against the list functions and the counts."""
    got = describe_view(TokenIds.of(tokens), lengths, mattr_window=window,
                        mtld_threshold=threshold, uncertainty=settings, key=key)
    stats = got["stats"]
    assert list(stats) == list(PROFILE_KEYS)
    assert stats == vocabulary_profile(tokens, lengths, mattr_window=window,
                                       mtld_threshold=threshold)
    expected = counted_stats(tokens, lengths, window, threshold)
    for name in PROFILE_KEYS:
        assert type(stats[name]) is type(expected[name]), name
        # MATTR, MTLD and the frequency sums are exact integers before the same divisions
        assert stats[name] == pytest.approx(expected[name], rel=1e-12, abs=0), name
    with monkeypatch.context() as m:
        m.setattr(uncertainty_vocabulary, "_mtld_passes", reference_passes)
        assert got["intervals"] == vocabulary_intervals(
            tokens, lengths, mattr_window=window, mtld_threshold=threshold, **settings, key=key
        )
    return got


def zipf_tokens(rng, n, types):
    return [f"w{min(int(rng.paretovariate(1.0)), types)}" * rng.randint(1, 2) for _ in range(n)]


def sentences_of(n, length=20):
    return [length] * (n // length) + ([n % length] if n % length else [])


# --- the MTLD passes ----------------------------------------------------------------------------


def passes_of(tokens, threshold):
    forward, backward = V._mtld_passes(*V._occurrences(TokenIds.of(tokens).ids), threshold)
    return (forward.ends.tolist(), forward.partial), (backward.ends.tolist(), backward.partial)


THRESHOLDS = [0.72, 18 / 25, 0.5, 0.9, 0.1, 1 / 3, 0.999]


def test_factor_limits_are_the_float_comparisons():
    for threshold in THRESHOLDS:
        limits = V._factor_limits(threshold, 600).tolist()
        for c in range(1, 601):
            assert limits[c - 1] == max(k for k in range(c + 1) if k / c < threshold)


def test_mtld_passes_are_the_set_loops():
    # Short texts are read token by token; texts of 4 * _MTLD_SPACING tokens and more follow
    # runs side by side in numpy.
    rng = random.Random(11)
    for _ in range(100):
        n = rng.choice([rng.randint(1, 120), rng.randint(1, 120), rng.randint(8192, 12000)])
        tokens = zipf_tokens(rng, n, rng.randint(1, 3000))
        threshold = rng.choice(THRESHOLDS)
        assert passes_of(tokens, threshold) == (
            set_pass(tokens, threshold), set_pass(tokens[::-1], threshold)
        )


def test_mtld_passes_when_runs_do_not_meet_or_factors_outgrow_the_window(monkeypatch):
    # Tiny spacing: runs outgrow the widest window, stop after a few rounds or when few are
    # left, and the pass is read token by token between the ends they found.
    rng = random.Random(12)
    for spacing, fewest, rounds in ((4, 1, 3), (8, 3, 1), (16, 8, 128), (32, 1, 128)):
        monkeypatch.setattr(V, "_MTLD_SPACING", spacing)
        monkeypatch.setattr(V, "_MTLD_FEWEST", fewest)
        monkeypatch.setattr(V, "_MTLD_ROUNDS", rounds)
        for _ in range(60):
            tokens = zipf_tokens(rng, rng.randint(1, 1500), rng.randint(1, 400))
            threshold = rng.choice(THRESHOLDS)
            assert passes_of(tokens, threshold) == (
                set_pass(tokens, threshold), set_pass(tokens[::-1], threshold)
            )


@pytest.mark.parametrize(
    "tokens",
    [
        ["the"] * 20000,  # a factor every 2 tokens
        [f"w{i % 3}" for i in range(20000)],  # runs that never meet: abc abc ...
        [f"w{i % 7}" for i in range(20000)],
        [f"w{i}" for i in range(10000)],  # every token distinct: no factor at all
        [f"w{i % 5000}" for i in range(20000)],  # factors longer than the widest window
        [f"w{i}" for i in range(9000)] + ["x", "x"] * 3000,
    ],
    ids=["one type", "period 3", "period 7", "all distinct", "period 5000", "distinct, then x"],
)
def test_mtld_passes_on_degenerate_texts(tokens):
    assert passes_of(tokens, 0.72) == (set_pass(tokens, 0.72), set_pass(tokens[::-1], 0.72))


def test_mtld_is_the_papers_procedure_by_hand():
    # Hand-computed in test_vocabulary: a a b c d b -> MTLD 243/53 (a full and a partial
    # factor forward, one factor backward).
    d = describe_view(TokenIds.of(list("aabcdb")), [6])
    assert d["stats"]["mtld"] == pytest.approx(243 / 53, rel=1e-14)
    assert describe_view(TokenIds.of(list("abc")), [3])["stats"]["mtld"] == 3.0  # no factor


# --- describe_view: the same numbers as the list functions --------------------------------------


def test_statistics_by_hand():
    # a b a c c d: 4 types in 6 tokens; MATTR window 3: (2 + 3 + 2 + 2) / 12 = 3/4;
    # Yule's K: 10^4 (2^2 + 1 + 2^2 + 1 - 6) / 36; hapaxes b, d of 4 types; 6 characters.
    stats = describe_view(TokenIds.of(list("abaccd")), [4, 2], mattr_window=3)["stats"]
    assert (stats["tokens"], stats["types"], stats["ttr"]) == (6, 4, 4 / 6)
    assert stats["mattr"] == 0.75
    assert stats["yules_k"] == 1e4 * 4 / 36
    assert stats["hapax_share"] == 0.5
    assert stats["mean_word_length"] == 1.0
    assert stats["mean_sentence_length"] == 3.0
    # characters are code points: "naïve" (5) and "café" (4), NFC
    assert describe_view(TokenIds.of(["naïve", "café"]), [2])["stats"]["mean_word_length"] == 4.5


EDGE_CASES = {
    "window longer than the text": (zipf_tokens(random.Random(1), 300, 80), 500),
    "window the length of the text": (zipf_tokens(random.Random(2), 500, 80), 500),
    "window of one token": (zipf_tokens(random.Random(3), 700, 80), 1),
    "every token distinct": ([f"w{i}" for i in range(3000)], 100),
    "one type repeated": (["the"] * 3000, 100),
    "one token": (["alone"], 500),
    "fewer than MIN_SEGMENTS segments": (zipf_tokens(random.Random(4), 2000, 300), 100),
    "exactly MIN_SEGMENTS segments": (zipf_tokens(random.Random(5), 2500, 300), 100),
    "words of many lengths": (zipf_tokens(random.Random(6), 12000, 2500), 500),
}


@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_the_same_numbers_as_the_list_functions(case, monkeypatch):
    tokens, window = EDGE_CASES[case]
    got = assert_same_as_references(tokens, sentences_of(len(tokens)), monkeypatch,
                                    window=window)
    segments = len(U.segment_bounds(len(tokens), segment=SETTINGS["segment"])) - 1
    resampled = segments >= U.MIN_SEGMENTS
    assert (got["intervals"]["mtld"][0] is not None) == resampled
    assert (got["intervals"]["mattr"][0] is not None) == (resampled and len(tokens) > window)


def test_other_thresholds_seeds_and_segments(monkeypatch):
    rng = random.Random(8)
    for _ in range(12):
        n = rng.randint(1500, 9000)
        tokens = zipf_tokens(rng, n, rng.randint(50, 2000))
        settings = {"replicates": rng.choice([1, 7, 50]), "segment": rng.choice([100, 300]),
                    "level": rng.choice([0.5, 0.9]), "seed": rng.randint(0, 9)}
        assert_same_as_references(tokens, sentences_of(n, rng.randint(1, 40)), monkeypatch,
                                  window=rng.choice([10, 200]),
                                  threshold=rng.choice(THRESHOLDS), settings=settings,
                                  key=f"key{rng.randint(0, 9)}")


def test_hand_computed_intervals():
    # Five segments of 100 tokens, each of one word repeated (its length g + 1): a replicate's
    # mean word length is the drawn segments' mean of g + 1, its Yule's K that of the drawn
    # segments' counts, its mean sentence length the drawn sentences' mean (sentences of 10 and
    # 40 tokens alternate between segments, so each segment starts its own).
    words = ["a", "bb", "ccc", "dddd", "eeeee"]
    tokens = [w for w in words for _ in range(100)]
    lengths = [10] * 10 + [50, 50] + [10] * 10 + [50, 50] + [10] * 10
    settings = {"replicates": 300, "segment": 100, "level": 0.9, "seed": 4}
    ci = describe_view(TokenIds.of(tokens), lengths, uncertainty=settings, key="k")["intervals"]
    weights = U.resampling_weights(U.generator(4, "k"), 5, 300)
    word_length = weights @ np.arange(1, 6) / 5
    yule = [1e4 * (sum((100 * w) ** 2 for w in row) - 500) / 500**2 for row in weights]
    per_segment = np.array([10, 2, 10, 2, 10])  # sentences starting in each segment
    sentence_length = [500 / (row @ per_segment) for row in weights]
    for name, values in (("mean_word_length", word_length), ("yules_k", yule),
                         ("mean_sentence_length", sentence_length)):
        low, high = U.percentile_interval(values, level=0.9)
        assert ci[name] == pytest.approx((float(low), float(high)), rel=1e-12), name


def test_empty_sentence_lengths(monkeypatch):
    # describe_view raises as vocabulary_profile does; the intervals alone skip the statistic
    tokens = zipf_tokens(random.Random(9), 3000, 500)
    with pytest.raises(ValueError, match="sentence_lengths is empty"):
        vocabulary_profile(tokens, [])
    with pytest.raises(ValueError, match="sentence_lengths is empty"):
        describe_view(TokenIds.of(tokens), [], uncertainty=SETTINGS)
    with monkeypatch.context() as m:
        m.setattr(uncertainty_vocabulary, "_mtld_passes", reference_passes)
        expected = vocabulary_intervals(tokens, [], **SETTINGS, key="k")
    assert expected["mean_sentence_length"] == (None, None) and expected["mtld"][0] is not None
    assert vocabulary_intervals(TokenIds.of(tokens), [], **SETTINGS, key="k") == expected


def test_intervals_only_with_replicates():
    tokens = TokenIds.of(zipf_tokens(random.Random(10), 3000, 500))
    lengths = sentences_of(3000)
    assert set(describe_view(tokens, lengths)) == {"stats"}
    assert set(describe_view(tokens, lengths, uncertainty={**SETTINGS, "replicates": 0})) == {
        "stats"
    }
    short = describe_view(tokens[:1000], lengths[:50], uncertainty=SETTINGS)["intervals"]
    assert set(short.values()) == {(None, None)}  # 2 segments of 500: too few
    # missing settings take vocabulary_intervals' defaults
    assert describe_view(tokens, lengths, uncertainty={"seed": 1}, key="k")["intervals"] == (
        describe_view(tokens, lengths, uncertainty=SETTINGS, key="k")["intervals"]
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"mattr_window": 0}, "window"),
        ({"mtld_threshold": 1.0}, "threshold"),
        ({"uncertainty": {**SETTINGS, "replicates": -1}}, "replicates"),
        ({"uncertainty": {**SETTINGS, "level": 1.0}}, "level"),
        ({"uncertainty": {**SETTINGS, "segment": 0}}, "segment"),
        ({"uncertainty": {**SETTINGS, "replicate": 5}}, "unknown uncertainty settings"),
    ],
)
def test_bad_options_raise(kwargs, message):
    with pytest.raises(ValueError, match=message):
        describe_view(TokenIds.of(["a", "b"]), [2], **kwargs)


def test_empty_tokens_raise():
    with pytest.raises(ValueError, match="tokens is empty"):
        describe_view(TokenIds.of([]), [1])


def test_cached_ids_slices_and_other_numberings():
    # The token cache stores ids in the smallest unsigned type; a slice keeps all the types
    # of the whole text; any numbering of the types gives the same numbers.
    tokens = zipf_tokens(random.Random(13), 9000, 3000)
    whole = TokenIds.of(tokens)
    options = {"mattr_window": 100, "uncertainty": SETTINGS, "key": "k"}
    expected = describe_view(whole, sentences_of(9000), **options)
    cached = TokenIds(whole.types, whole.ids.astype(np.uint16))
    assert describe_view(cached, sentences_of(9000), **options) == expected
    order = list(reversed(whole.types))
    renumbered = TokenIds(order, np.array([order.index(t) for t in whole.types])[whole.ids])
    assert describe_view(renumbered, sentences_of(9000), **options) == expected
    part = whole[1000:7000]
    assert len(part.types) > len(set(part))  # types no token of the slice uses
    assert describe_view(part, sentences_of(6000), **options) == describe_view(
        TokenIds.of(list(part)), sentences_of(6000), **options
    )


# --- real texts ---------------------------------------------------------------------------------

NOVELS = ["Austen_Emma.txt", "Dickens_Hard.txt", "Sterne_Tristram.txt"]


@pytest.mark.parametrize("name", NOVELS)
def test_novels(shared, name, monkeypatch):
    from wordprint.text.decode import normalise
    from wordprint.text.tokenize import sentence_lengths, words

    # The first 250,000 characters (some 45,000 tokens): long enough for the numpy passes.
    text = normalise((shared / FICTION / name).read_text(encoding="utf-8"))[:250_000]
    tokens = words(text)
    assert len(tokens) > 4 * V._MTLD_SPACING
    assert passes_of(tokens, 0.72) == (set_pass(tokens, 0.72), set_pass(tokens[::-1], 0.72))
    got = assert_same_as_references(tokens, sentence_lengths(text), monkeypatch, key=name)
    assert all(low is not None for low, _ in got["intervals"].values())
