import random
import re
from fractions import Fraction

import pytest

from wordprint.describe.vocabulary import (
    PROFILE_KEYS,
    STATISTICS,
    hapax_share,
    hapax_token_share,
    mattr,
    mean_sentence_length,
    mean_word_length,
    mtld,
    type_token_ratio,
    vocabulary_profile,
    yules_k,
)


def random_tokens(rng: random.Random, n_max: int = 80, v_max: int = 15) -> list[str]:
    n, v = rng.randint(1, n_max), rng.randint(1, v_max)
    return [f"w{rng.randrange(v)}" for _ in range(n)]


def federalist_tokens(shared, number: int) -> list[str]:
    # A self-contained tokenisation, so the pinned values below depend on nothing else here.
    path = shared / "corpora" / "federalist" / "texts" / f"federalist_{number:02d}.txt"
    return re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower())


# --- TTR ---------------------------------------------------------------------------------


def test_ttr_hand_computed():
    # the cat and the hat: 4 types (the, cat, and, hat) / 5 tokens
    assert type_token_ratio(["the", "cat", "and", "the", "hat"]) == 0.8
    assert type_token_ratio(["a"]) == 1.0
    assert type_token_ratio(("a", "a", "a", "a")) == 0.25


# --- MATTR -------------------------------------------------------------------------------


def test_mattr_hand_computed():
    # a b a c c d, window 3: windows aba (2/3), bac (3/3), acc (2/3), ccd (2/3)
    # MATTR = (2 + 3 + 2 + 2) / 3 / 4 = 3 / 4
    assert mattr(list("abaccd"), window=3) == pytest.approx(0.75, abs=1e-15)
    # a a b b, window 2: aa 1/2, ab 1, bb 1/2 -> (0.5 + 1 + 0.5) / 3 = 2/3
    assert mattr(list("aabb"), window=2) == pytest.approx(2 / 3, abs=1e-15)


def test_mattr_window_one_is_one():
    # every 1-token window has one type in one token
    assert mattr(list("aaabbbab"), window=1) == 1.0


def test_mattr_window_at_least_length_is_ttr():
    rng = random.Random(7)
    for _ in range(200):
        tokens = random_tokens(rng)
        for window in (len(tokens), len(tokens) + 1, 10 * len(tokens) + 500):
            assert mattr(tokens, window=window) == type_token_ratio(tokens)


def naive_mattr(tokens: list[str], window: int) -> Fraction:
    # The definition, window by window, in exact arithmetic.
    windows = [tokens[i : i + window] for i in range(len(tokens) - window + 1)]
    return sum(Fraction(len(set(w)), window) for w in windows) / len(windows)


def test_mattr_sliding_counter_equals_definition():
    rng = random.Random(11)
    for _ in range(300):
        tokens = random_tokens(rng)
        window = rng.randint(1, len(tokens))
        assert mattr(tokens, window=window) == pytest.approx(
            float(naive_mattr(tokens, window)), rel=1e-13
        )


def test_mattr_matches_lexicalrichness_on_federalist_10(shared):
    # lexicalrichness 0.5.1, LexicalRichness(tokens, preprocessor=None, tokenizer=None)
    # .mattr(window_size=100) on the same 3008 tokens gives 0.6509315916122517 (computed in a
    # throwaway venv; lexical_diversity 0.1.1 mattr(tokens, 100) gives the same).
    tokens = federalist_tokens(shared, 10)
    assert len(tokens) == 3008
    assert mattr(tokens, window=100) == pytest.approx(0.6509315916122517, rel=1e-12)


# --- MTLD --------------------------------------------------------------------------------


def test_mtld_hand_computed_with_partial_factor():
    # Threshold 0.72. Tokens: a a b c d b (N = 6).
    # Forward:  a (1/1 = 1.0)  a (1/2 = 0.5 < 0.72) -> factor 1, restart
    #           b (1/1)  c (2/2)  d (3/3)  b (3/4 = 0.75 >= 0.72)  -> end of text
    #           partial factor (1 - 0.75) / (1 - 0.72) = 0.25 / 0.28 = 25/28
    #           factors = 1 + 25/28 = 53/28; MTLD_fw = 6 / (53/28) = 168/53
    # Backward: b d c b a a
    #           b (1/1)  d (2/2)  c (3/3)  b (3/4 = 0.75)  a (4/5 = 0.8)
    #           a (4/6 = 0.667 < 0.72) -> factor 1, text ends on it: no partial factor
    #           factors = 1; MTLD_bw = 6 / 1 = 6
    # MTLD = (168/53 + 6) / 2 = 243/53 = 4.5849...
    # (koRpus's N / mean factor count would give 6 / ((53/28 + 1) / 2) = 336/81 = 4.148.)
    assert mtld(list("aabcdb")) == pytest.approx(243 / 53, rel=1e-14)


def test_mtld_full_factors_only():
    # a a | b b | c c: each pair has TTR 1/2 < 0.72, three factors each way: MTLD = 6 / 3 = 2
    assert mtld(list("aabbcc")) == 2.0


def test_mtld_factor_ends_strictly_below_threshold():
    # Threshold 0.75. Tokens: a b c a d.
    # Forward: a b c (TTR 1) a (3/4 = 0.75, not below: the factor goes on) d (4/5 = 0.8);
    #   partial factor (1 - 0.8) / (1 - 0.75) = 0.8 -> MTLD_fw = 5 / 0.8 = 6.25
    # Backward: d a c b (TTR 1) a (4/5 = 0.8): the same partial factor -> 6.25
    # MTLD = 6.25. (Ending factors at "<=", as lexicalrichness does, would close a factor at
    # the first 0.75 and give (5 / 1 + 6.25) / 2 = 5.625.)
    assert mtld(list("abcad"), threshold=0.75) == pytest.approx(6.25, rel=1e-14)


def test_mtld_all_distinct_tokens_is_length():
    # No run's TTR ever leaves 1, so no factor is counted (N / 0): MTLD is N by convention.
    for n in (1, 2, 10, 500):
        assert mtld([f"w{i}" for i in range(n)]) == float(n)


def test_mtld_is_the_same_for_the_reversed_text():
    # It averages a forward and a backward pass, so reversing the text swaps them.
    rng = random.Random(3)
    for _ in range(200):
        tokens = random_tokens(rng)
        assert mtld(tokens) == pytest.approx(mtld(tokens[::-1]), rel=1e-14)


def naive_mtld_pass(tokens: list[str], threshold: float) -> float:
    # The paper's procedure read literally: the TTR of the whole current run at each token.
    factors, start = 0.0, 0
    for end in range(1, len(tokens) + 1):
        run = tokens[start:end]
        if len(set(run)) / len(run) < threshold:
            factors += 1
            start = end
    rest = tokens[start:]
    if rest:
        factors += (1 - len(set(rest)) / len(rest)) / (1 - threshold)
    return factors


def test_mtld_equals_literal_procedure():
    rng = random.Random(5)
    for _ in range(300):
        tokens = random_tokens(rng)
        if len(set(tokens)) == len(tokens):
            continue
        threshold = rng.choice([0.5, 0.66, 0.72, 0.75, 0.9])
        n = len(tokens)
        fw = naive_mtld_pass(tokens, threshold)
        bw = naive_mtld_pass(tokens[::-1], threshold)
        expected = (n / fw + n / bw) / 2
        assert mtld(tokens, threshold=threshold) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        # lexical_diversity 0.1.1 (K. Kyle), lex_div.mtld(tokens, min=1), the same tokens.
        # min=1 turns off its 10-token minimum factor length, which the paper does not have.
        (1, 69.27769109727971),
        (10, 55.38540508288439),
    ],
)
def test_mtld_matches_lexical_diversity_on_federalist(shared, number, expected):
    # Cross-checked in a throwaway venv over all 85 papers: equal on 75; on the other 10 the
    # text ends on a token that closes a factor, which lexical_diversity counts as a partial
    # factor (1 - TTR) / (1 - 0.72) slightly above 1, where the paper counts one full factor.
    # lexicalrichness 0.5.1 gives 55.35657359874658 for paper 10: it ends factors at TTR
    # <= 0.72, and runs of our two passes over this text hit exactly 0.72 (18/25, 36/50, ...)
    # 19 times.
    assert mtld(federalist_tokens(shared, number)) == pytest.approx(expected, rel=1e-12)


# --- Yule's K ----------------------------------------------------------------------------


def test_yules_k_hand_computed():
    # a a a b b c: N = 6, frequencies 3, 2, 1 (V_3 = V_2 = V_1 = 1)
    # sum m^2 V_m = 9 + 4 + 1 = 14; K = 10^4 * (14 - 6) / 36 = 2222.22...
    assert yules_k(list("aaabbc")) == pytest.approx(80000 / 36, rel=1e-14)
    # a a b c: sum = 4 + 1 + 1 = 6; K = 10^4 * (6 - 4) / 16 = 1250
    assert yules_k(list("aabc")) == 1250.0


def test_yules_k_zero_when_all_distinct_and_invariant_to_order():
    assert yules_k(list("abcdefg")) == 0.0
    rng = random.Random(9)
    for _ in range(100):
        tokens = random_tokens(rng)
        shuffled = tokens[:]
        rng.shuffle(shuffled)
        assert yules_k(shuffled) == yules_k(tokens)


def test_yules_k_matches_lexicalrichness_on_federalist_10(shared):
    # lexicalrichness 0.5.1 .yulek on the same tokens: 164.85515575486647
    assert yules_k(federalist_tokens(shared, 10)) == pytest.approx(164.85515575486647, rel=1e-12)


# --- hapaxes, word and sentence length ---------------------------------------------------


def test_hapax_shares_hand_computed():
    # a a b c d d e: frequencies a 2, b 1, c 1, d 2, e 1 -> hapaxes b, c, e
    tokens = list("aabcdde")
    assert hapax_share(tokens) == 3 / 5  # of 5 types
    assert hapax_token_share(tokens) == 3 / 7  # of 7 tokens
    assert hapax_share(list("aabb")) == 0.0
    assert hapax_share(list("abc")) == 1.0


def test_mean_word_length_hand_computed():
    # i (1) am (2) here (4): 7 characters / 3 tokens; "don't" is 5 characters as tokenised
    assert mean_word_length(["i", "am", "here"]) == 7 / 3
    assert mean_word_length(["don't", "go"]) == 3.5
    assert mean_word_length(["naïve"]) == 5.0  # code points, not bytes


def test_mean_sentence_length_hand_computed():
    # (3 + 5 + 10) / 3 = 6
    assert mean_sentence_length([3, 5, 10]) == 6.0
    assert mean_sentence_length((7,)) == 7.0


# --- profile and registry ----------------------------------------------------------------


def test_profile_keys_values_and_order():
    tokens = list("aabcdb")
    profile = vocabulary_profile(tokens, [4, 2], mattr_window=3, mtld_threshold=0.72)
    assert list(profile) == list(PROFILE_KEYS)
    assert profile["tokens"] == 6 and isinstance(profile["tokens"], int)
    assert profile["types"] == 4 and isinstance(profile["types"], int)
    # windows aab 2/3, abc 1, bcd 1, cdb 1 -> (2 + 3 + 3 + 3) / 3 / 4 = 11/12
    assert profile["mattr"] == pytest.approx(11 / 12, rel=1e-14)
    assert profile["mtld"] == pytest.approx(243 / 53, rel=1e-14)
    assert profile["ttr"] == 4 / 6
    # frequencies 2, 2, 1, 1: K = 10^4 * (4 + 4 + 1 + 1 - 6) / 36
    assert profile["yules_k"] == pytest.approx(40000 / 36, rel=1e-14)
    assert profile["hapax_share"] == 0.5
    assert profile["mean_word_length"] == 1.0
    assert profile["mean_sentence_length"] == 3.0


def test_profile_keys_are_the_corpus_table_columns():
    # The vocabulary table (wordprint.corpus.samples) reads these keys from every cached profile.
    from wordprint.corpus.samples import VOCABULARY_COLUMNS

    assert tuple(VOCABULARY_COLUMNS) == PROFILE_KEYS


def test_profile_agrees_with_the_single_functions():
    rng = random.Random(13)
    for _ in range(50):
        tokens = random_tokens(rng, n_max=300)
        lengths = [rng.randint(1, 30) for _ in range(rng.randint(1, 10))]
        window = rng.randint(1, 100)
        p = vocabulary_profile(tokens, lengths, mattr_window=window, mtld_threshold=0.7)
        assert p["mattr"] == mattr(tokens, window=window)
        assert p["mtld"] == mtld(tokens, threshold=0.7)
        for name in ("ttr", "yules_k", "hapax_share", "mean_word_length"):
            assert p[name] == pytest.approx(STATISTICS[name](tokens), rel=1e-14)
        assert p["mean_sentence_length"] == mean_sentence_length(lengths)


def test_statistics_registry():
    assert set(STATISTICS) == {
        "ttr",
        "mattr",
        "mtld",
        "yules_k",
        "hapax_share",
        "hapax_token_share",
        "mean_word_length",
    }
    assert STATISTICS["mattr"](list("aabb"), window=2) == pytest.approx(2 / 3)
    assert STATISTICS["mtld"](list("abcad"), threshold=0.75) == pytest.approx(6.25)


# --- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(STATISTICS))
def test_empty_tokens_raise(name):
    with pytest.raises(ValueError, match="tokens is empty"):
        STATISTICS[name]([])


def test_empty_inputs_raise_in_profile():
    with pytest.raises(ValueError, match="tokens is empty"):
        vocabulary_profile([], [3])
    with pytest.raises(ValueError, match="sentence_lengths is empty"):
        vocabulary_profile(["a"], [])
    with pytest.raises(ValueError, match="non-negative"):
        mean_sentence_length([3, -1])


def test_a_string_is_not_a_token_list():
    with pytest.raises(ValueError, match="not one string"):
        type_token_ratio("the cat")


@pytest.mark.parametrize("window", [0, -5, 2.5, True, "500"])
def test_bad_window(window):
    with pytest.raises(ValueError, match="window must be a positive integer"):
        mattr(["a", "b"], window=window)
    with pytest.raises(ValueError, match="window"):
        vocabulary_profile(["a", "b"], [2], mattr_window=window)


@pytest.mark.parametrize("threshold", [0, 1, 1.5, -0.2, float("nan"), "0.72"])
def test_bad_threshold(threshold):
    with pytest.raises(ValueError, match="threshold must be"):
        mtld(["a", "b"], threshold=threshold)
    with pytest.raises(ValueError, match="threshold"):
        vocabulary_profile(["a", "b"], [2], mtld_threshold=threshold)


def test_mattr_is_exactly_the_sum_of_window_types_over_the_windows():
    # The vectorised count gives the same integer as sliding a window (or reading each window),
    # divided the same way: equal floats, not only close ones.
    rng = random.Random(12)
    for _ in range(500):
        tokens = random_tokens(rng, n_max=120, v_max=30)
        window = rng.randint(1, len(tokens) + 2)
        n = len(tokens)
        if n <= window:
            assert mattr(tokens, window=window) == len(set(tokens)) / n
            continue
        total = sum(len(set(tokens[i : i + window])) for i in range(n - window + 1))
        assert mattr(tokens, window=window) == total / ((n - window + 1) * window)


def test_profile_takes_the_callers_counts():
    from collections import Counter

    rng = random.Random(13)
    for _ in range(100):
        tokens = random_tokens(rng)
        window = rng.randint(1, 90)
        assert vocabulary_profile(
            tokens, [1], mattr_window=window, counts=Counter(tokens)
        ) == vocabulary_profile(tokens, [1], mattr_window=window)
