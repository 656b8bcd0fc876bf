"""Gries's DP and DP_norm: the published toy examples and hand computations."""

from collections import Counter

import numpy as np
import pytest

from wordprint.compare.dispersion import MEASURES, dispersion, dp, dp_norm

# Gries (2008: 406, 410)'s toy corpus: 50 letters in 5 parts of 10 (the same corpus is the
# reference fixture of Wordless's dispersion tests).
GRIES_2008 = ("b a m n i b e u p k | b a s a t b e w q n | b c a g a b e s t a | "
              "b a g h a b e a a t | b a h a a b e a x a")


def _gries_matrix() -> tuple[list[str], np.ndarray, np.ndarray]:
    parts = [part.split() for part in GRIES_2008.split("|")]
    letters = sorted({t for part in parts for t in part})
    counts = np.array([[Counter(part)[w] for w in letters] for part in parts])
    return letters, counts, np.array([len(part) for part in parts])


def test_gries_2008_toy_corpus():
    letters, counts, sizes = _gries_matrix()
    assert sizes.tolist() == [10] * 5
    column = {w: counts[:, i] for i, w in enumerate(letters)}
    assert column["a"].tolist() == [1, 2, 3, 4, 5]  # 15 occurrences
    assert column["b"].tolist() == [2, 2, 2, 2, 2]
    values = dict(zip(letters, dp(counts, sizes)))
    # "a": observed 1/15 .. 5/15 against expected 1/5 each:
    #   |1/15 - 3/15| + |2/15 - 3/15| + 0 + |4/15 - 3/15| + |5/15 - 3/15| = 6/15 -> DP = 0.2
    assert values["a"] == pytest.approx(0.2)
    # "b" and "e" are spread exactly evenly: 0.
    assert values["b"] == pytest.approx(0.0) and values["e"] == pytest.approx(0.0)
    # "x" occurs once, in part 5: |1 - 1/5| + 4 * 1/5 = 1.6 -> DP = 0.8, DP_norm = 0.8/0.8 = 1
    assert values["x"] == pytest.approx(0.8)
    normed = dict(zip(letters, dp_norm(counts, sizes)))
    assert normed["x"] == pytest.approx(1.0)
    assert normed["a"] == pytest.approx(0.2 / 0.8)  # 0.25


def test_lijffijt_gries_2012_table_1():
    # Lijffijt & Gries (2012: 148, Table 1): three equally large parts, one holding 2/3 of the
    # occurrences, another the remaining 1/3:
    #   DP = (|2/3 - 1/3| + |1/3 - 1/3| + |0 - 1/3|) / 2 = 1/3,  DP_norm = (1/3) / (1 - 1/3) = 0.5
    assert dp([2, 1, 0], [100, 100, 100]) == pytest.approx(1 / 3)
    assert dp_norm([2, 1, 0], [100, 100, 100]) == pytest.approx(0.5)


def test_unequal_parts_by_hand():
    # Parts of 9, 10, 10, 10, 11 tokens: expected shares 0.18, 0.2, 0.2, 0.2, 0.22.
    # Counts 1..5 (15 in all): observed 0.0667, 0.1333, 0.2, 0.2667, 0.3333.
    #   |diffs| = 0.1133 + 0.0667 + 0 + 0.0667 + 0.1133 = 0.36 -> DP = 0.18
    #   DP_norm = 0.18 / (1 - 0.18) = 0.219512
    sizes = [9, 10, 10, 10, 11]
    assert dp([1, 2, 3, 4, 5], sizes) == pytest.approx(0.18)
    assert dp_norm([1, 2, 3, 4, 5], sizes) == pytest.approx(0.18 / 0.82)


def test_proportional_spread_is_zero_and_concentration_in_smallest_part_is_maximal():
    sizes = np.array([1000, 3000, 6000])
    # In proportion to part sizes: DP = 0 whatever the sizes.
    assert dp([5, 15, 30], sizes) == pytest.approx(0.0)
    # Everything in the smallest part (share 0.1): DP = (0.9 + 0.3 + 0.6) / 2 = 0.9 = 1 - 0.1,
    # so DP_norm = 1; Gries's (2008) first normalisation 0.9 / (1 - 1/3) = 1.35 would overshoot.
    assert dp([7, 0, 0], sizes) == pytest.approx(0.9)
    assert dp_norm([7, 0, 0], sizes) == pytest.approx(1.0)


def test_matrix_matches_columns_and_bounds_hold():
    rng = np.random.default_rng(11)
    sizes = rng.integers(200, 2000, size=6)
    counts = rng.integers(0, 20, size=(6, 40))
    counts[:, 0] = 0  # a term that never occurs
    values, normed = dp(counts, sizes), dp_norm(counts, sizes)
    assert np.isnan(values[0]) and np.isnan(normed[0])
    for j in range(1, 40):
        assert values[j] == pytest.approx(dp(counts[:, j], sizes))
    assert ((values[1:] >= 0) & (values[1:] <= 1)).all()
    assert ((normed[1:] >= 0) & (normed[1:] <= 1 + 1e-12)).all()
    assert dispersion(counts, sizes, measure="dp_norm") == pytest.approx(normed, nan_ok=True)
    assert set(MEASURES) == {"dp", "dp_norm"}


def test_a_term_that_never_occurs_has_no_dispersion():
    assert np.isnan(dp([0, 0, 0], [10, 10, 10]))


@pytest.mark.parametrize(
    "counts, sizes, message",
    [
        ([1, 2], [10], "at least 2 parts"),
        ([1, 2, 3], [10, 10], "parts x terms"),
        ([1, 2], [10, 0], "positive"),
        ([-1, 2], [10, 10], "non-negative"),
        ([11, 2], [10, 10], "exceeds"),
    ],
)
def test_bad_arguments_are_named(counts, sizes, message):
    with pytest.raises(ValueError, match=message):
        dp(counts, sizes)


def test_unknown_measure():
    with pytest.raises(ValueError, match="measure must be one of"):
        dispersion([1, 2], [10, 10], measure="juilland")
