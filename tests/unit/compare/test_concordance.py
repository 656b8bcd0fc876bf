"""KWIC lines, collocates scored by hand, vocabulary overlap and growth."""

import math
from dataclasses import asdict

import pytest

from wordprint.compare.concordance import (
    Collocate,
    KwicLine,
    collocations,
    kwic,
    vocabulary_growth,
    vocabulary_overlap,
)

TOKENS = "the bureaucracy rules the state and the bureaucracy rules".split()


def test_kwic_lines_and_text_edges():
    lines = kwic(TOKENS, "bureaucracy", window=2)
    assert lines == [
        KwicLine(1, "the", "bureaucracy", "rules the"),  # cut at the start of the text
        KwicLine(7, "and the", "bureaucracy", "rules"),  # cut at the end
    ]
    assert asdict(lines[0]) == {"position": 1, "left": "the", "keyword": "bureaucracy",
                                "right": "rules the"}


def test_kwic_window_limit_and_absent_term():
    assert [line.position for line in kwic(TOKENS, "the")] == [0, 3, 6]
    assert [line.position for line in kwic(TOKENS, "the", limit=2)] == [0, 3]
    assert kwic(TOKENS, "state", window=0) == [KwicLine(4, "", "state", "")]
    assert kwic(TOKENS, "trotsky") == []
    assert kwic(TOKENS, "state", window=100)[0].left == "the bureaucracy rules the"
    with pytest.raises(ValueError, match="window"):
        kwic(TOKENS, "the", window=-1)
    with pytest.raises(ValueError, match="limit"):
        kwic(TOKENS, "the", limit=0)


# 8 tokens; "red" and "flag" occur 3 times each, "red flag" twice and "flag red" twice.
RED = "red flag red flag red army blue flag".split()


def test_collocations_scored_by_hand():
    found = collocations(RED, "flag", window_size=2, min_freq=2)
    # (red, flag): red before flag; (flag, red): red after flag. Same counts, so a tie broken
    # by side. The once-only pair (blue, flag) is below min_freq.
    assert [(c.collocate, c.side, c.frequency) for c in found] == [
        ("red", "left", 2), ("red", "right", 2)]
    # PMI = log2(n_ii N / (n_ix n_xi)) = log2(2 * 8 / (3 * 3)) = log2(16/9) = 0.830075
    assert found[0].pmi == pytest.approx(math.log2(16 / 9))
    # Contingency table (pair, red-not-flag, flag-not-red, neither) = (2, 1, 1, 4), N = 8;
    # expected = row total * column total / N = (1.125, 1.875, 1.875, 3.125);
    # G2 = 2 (2 ln(2/1.125) + 2 * 1 ln(1/1.875) + 4 ln(4/3.125))
    #    = 2 (1.150728 - 1.257217 + 0.987440) = 1.761903
    expected = 2 * (2 * math.log(2 / 1.125) + 2 * math.log(1 / 1.875) + 4 * math.log(4 / 3.125))
    assert expected == pytest.approx(1.761903, abs=1e-6)
    assert found[0].log_likelihood == pytest.approx(expected)
    assert found[1].log_likelihood == pytest.approx(expected)


def test_collocations_window_counts_and_scaling():
    # window_size=3: each token pairs with the next 2.
    # Positions: 0 red, 1 flag, 2 red, 3 flag, 4 red, 5 army, 6 blue, 7 flag.
    found = {(c.collocate, c.side): c for c in collocations(RED, "flag", window_size=3,
                                                             min_freq=1)}
    # red before flag within 2 tokens: (0,1), (2,3) -> 2; flag before red: (1,2), (3,4) -> 2;
    # army before flag: (5,7); blue before flag: (6,7); flag before army: (3,5);
    # flag before flag: (1,3) -> 1 each.
    assert {k: c.frequency for k, c in found.items()} == {
        ("red", "left"): 2, ("red", "right"): 2, ("army", "left"): 1, ("army", "right"): 1,
        ("blue", "left"): 1, ("flag", "right"): 1,
    }
    # nltk scales co-occurrence counts by 1/(window_size - 1) (Church & Hanks 1990):
    # PMI(army, flag) = log2((1/2) * 8 / (1 * 3)) = log2(4/3)
    assert found[("army", "left")].pmi == pytest.approx(math.log2(4 / 3))


def test_collocations_sorting_and_limit():
    tokens = ("a b x c x b a x d e f g x b h i x b").split()
    by_ll = collocations(tokens, "x", window_size=2, min_freq=1)
    assert all(isinstance(c, Collocate) for c in by_ll)
    scores = [c.log_likelihood for c in by_ll]
    assert scores == sorted(scores, reverse=True)
    # "x b" (right) occurs 3 times: the strongest collocate.
    assert (by_ll[0].collocate, by_ll[0].side, by_ll[0].frequency) == ("b", "right", 3)
    by_pmi = collocations(tokens, "x", window_size=2, min_freq=1, sort_by="pmi", limit=2)
    assert len(by_pmi) == 2 and by_pmi[0].pmi >= by_pmi[1].pmi
    assert collocations(tokens, "absent") == []


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"window_size": 1}, "window_size"),
        ({"min_freq": 0}, "min_freq"),
        ({"sort_by": "dice"}, "sort_by"),
        ({"limit": 0}, "limit"),
    ],
)
def test_collocations_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        collocations(RED, "flag", **kwargs)


def test_vocabulary_overlap_by_hand():
    overlap = vocabulary_overlap("the party and the state".split(),
                                 "the state and the class".split())
    # A = {the, party, and, state}, B = {the, state, and, class}: 3 shared of 5 -> 0.6
    assert overlap.shared == ["and", "state", "the"]
    assert overlap.only_a == ["party"]
    assert overlap.only_b == ["class"]
    assert overlap.jaccard == pytest.approx(0.6)
    assert vocabulary_overlap(["a"], ["b"]).jaccard == 0.0
    assert vocabulary_overlap({"a", "b"}, ["b", "a", "a"]).jaccard == 1.0
    assert vocabulary_overlap([], []).jaccard == 1.0


def test_vocabulary_growth_by_hand():
    tokens = "a b a c b d a e".split()
    # types after each token: 1 2 2 3 3 4 4 5
    curve = vocabulary_growth(tokens, step=2)
    assert curve["tokens"].tolist() == [2, 4, 6, 8]
    assert curve["types"].tolist() == [2, 3, 4, 5]
    # 8 is not a multiple of 3: the curve still ends at the whole text.
    curve = vocabulary_growth(tokens, step=3)
    assert curve["tokens"].tolist() == [3, 6, 8]
    assert curve["types"].tolist() == [2, 4, 5]
    curve = vocabulary_growth(tokens, step=100)
    assert curve["tokens"].tolist() == [8] and curve["types"].tolist() == [5]
    empty = vocabulary_growth([], step=5)
    assert empty["tokens"].size == 0 and empty["types"].size == 0
    with pytest.raises(ValueError, match="step"):
        vocabulary_growth(tokens, step=0)


def test_vocabulary_growth_never_decreases():
    tokens = ("to be or not to be that is the question whether tis nobler in the mind "
              "to suffer").split()
    types = vocabulary_growth(tokens, step=1)["types"]
    assert (types[1:] >= types[:-1]).all()
    assert types[-1] == len(set(tokens))
