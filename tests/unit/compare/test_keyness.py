"""Keyness measures: a 2 x 2 table by hand, the UCREL LL wizard's worked example, zero counts."""

import math

import numpy as np
import pytest
from scipy.stats import chi2_contingency

from wordprint.compare.keyness import (
    adjust_p_values,
    chi_square,
    direction,
    filter_table,
    keyness,
    log_likelihood,
    log_odds_dirichlet,
    log_ratio,
    percent_diff,
)

# One term: 10 of 1,000 target tokens, 5 of 2,000 reference tokens (N = 3,000).
#   E1 = 1000 * 15 / 3000 = 5,  E2 = 2000 * 15 / 3000 = 10
#   other tokens: c = 990, d = 1995,  E3 = 1000 * 2985 / 3000 = 995,  E4 = 2000 * 2985 / 3000 = 1990
A, B, TA, TB = [10.0], [5.0], 1000, 2000


def test_log_likelihood_two_cells_by_hand():
    # 2 (10 ln(10/5) + 5 ln(5/10)) = 2 (10 ln 2 - 5 ln 2) = 10 ln 2 = 6.931472
    assert log_likelihood(A, B, TA, TB)[0] == pytest.approx(10 * math.log(2))


def test_log_likelihood_four_cells_by_hand():
    # 10 ln 2 + 2 (990 ln(990/995) + 1995 ln(1995/1990))
    #   = 6.931472 + 2 (-4.987406 + 5.006266) = 6.969192
    expected = 10 * math.log(2) + 2 * (990 * math.log(990 / 995) + 1995 * math.log(1995 / 1990))
    assert log_likelihood(A, B, TA, TB, cells=4)[0] == pytest.approx(expected)
    assert expected == pytest.approx(6.969192, abs=1e-6)
    # The 4-cell G2 is the G-test of independence on the full 2 x 2 table.
    table = [[10, 5], [990, 1995]]
    assert expected == pytest.approx(chi2_contingency(table, correction=False,
                                                      lambda_="log-likelihood")[0])


def test_chi_square_by_hand():
    # N (ad - bc)^2 / ((a+b)(c+d) total_a total_b)
    #   = 3000 (10*1995 - 5*990)^2 / (15 * 2985 * 1000 * 2000)
    #   = 3000 * 15000^2 / 8.955e10 = 7.537688
    assert chi_square(A, B, TA, TB)[0] == pytest.approx(7.537688, abs=1e-6)
    # Yates: |ad - bc| - N/2 = 15000 - 1500 = 13500 -> 3000 * 13500^2 / 8.955e10 = 6.105528
    assert chi_square(A, B, TA, TB, yates=True)[0] == pytest.approx(6.105528, abs=1e-6)
    table = [[10, 5], [990, 1995]]
    scipy_value = chi2_contingency(table, correction=False)[0]
    assert chi_square(A, B, TA, TB)[0] == pytest.approx(scipy_value)
    assert chi_square(A, B, TA, TB, yates=True)[0] == pytest.approx(chi2_contingency(table)[0])


def test_effect_sizes_by_hand():
    # relative frequencies 10/1000 = 0.01 and 5/2000 = 0.0025, a ratio of 4
    assert log_ratio(A, B, TA, TB)[0] == pytest.approx(2.0)  # log2 4
    assert percent_diff(A, B, TA, TB)[0] == pytest.approx(300.0)  # 100 (0.01 - 0.0025) / 0.0025
    assert direction(A, B, TA, TB)[0] == 1


def test_log_odds_dirichlet_by_hand():
    # alpha0 = 3000 = N, so alpha_w = 3000 * 15 / 3000 = 15 and alpha_0 = 3000:
    #   delta = ln(25 / (1000 + 3000 - 10 - 15)) - ln(20 / (2000 + 3000 - 5 - 15))
    #         = ln(25 / 3975) - ln(20 / 4980) = -5.068904 - (-5.517453) = 0.448549
    #   var = 1/25 + 1/20 = 0.09, z = 0.448549 / 0.3 = 1.495162
    delta, z = log_odds_dirichlet(A, B, TA, TB, alpha0=3000)
    assert delta[0] == pytest.approx(math.log(25 / 3975) - math.log(20 / 4980))
    assert delta[0] == pytest.approx(0.448549, abs=1e-6)
    assert z[0] == pytest.approx(1.495162, abs=1e-6)
    # alpha0 defaults to N, the empirical-Bayes prior.
    default_delta, _ = log_odds_dirichlet(A, B, TA, TB)
    assert default_delta[0] == pytest.approx(delta[0])


def test_log_odds_prior_shrinks_towards_zero():
    small, _ = log_odds_dirichlet([8], [1], 10_000, 10_000, alpha0=10)
    large, _ = log_odds_dirichlet([8], [1], 10_000, 10_000, alpha0=100_000)
    assert 0 < large[0] < small[0]


def test_ucrel_ll_wizard_worked_example():
    # The worked example for the UCREL log-likelihood wizard (ucrel.lancs.ac.uk/llwizard.html),
    # as given in Lancaster corpus-linguistics teaching material: a word occurring 52 times in
    # corpus 1 (50,000 tokens) and 57 times in corpus 2 (75,000 tokens) gives
    #   Item  O1  %1    O2  %2    LL
    #   Word  52  0.10  57  0.08  + 2.65
    # By hand: E1 = 50000 * 109 / 125000 = 43.6, E2 = 65.4,
    #   LL = 2 (52 ln(52/43.6) + 57 ln(57/65.4)) = 2 (9.161895 - 7.836045) = 2.651710
    table = keyness([52], [57], 50_000, 75_000)
    assert table["log_likelihood"][0] == pytest.approx(2.651710, abs=1e-6)
    assert round(table["log_likelihood"][0], 2) == 2.65
    assert table["sign"][0] == 1
    assert round(table["per_million_target"][0] / 1e4, 2) == 0.10  # per cent
    assert round(table["per_million_reference"][0] / 1e4, 2) == 0.08
    # "The LL must be above 3.84 for the difference to be significant at the p < 0.05 level":
    assert table["p_value"][0] > 0.05
    assert log_likelihood([1], [1], 1, 1)[0] == 0.0


def test_significance_threshold_matches_chi_square_one_df():
    # p = 0.05 at chi-square (1 df) = 3.841459
    table = keyness([20, 0], [5, 0], 10_000, 10_000)
    ll = table["log_likelihood"][0]
    assert (table["p_value"][0] < 0.05) == (ll > 3.841459)


def test_zero_frequency_on_one_side_is_finite():
    a = np.array([0, 7, 0, 3, 0, 12])
    b = np.array([9, 0, 0, 3, 1, 0])
    table = keyness(a, b, 5_000, 8_000, ll_cells=4, terms=list("uvwxyz"))
    for name, column in table.items():
        if name != "term":
            assert np.isfinite(column.astype(float)).all(), name
    # Hardie's 0.5 for the missing side: (7/5000) / (0.5/8000) = 22.4, log2 = 4.485427
    assert table["log_ratio"][1] == pytest.approx(math.log2(22.4))
    # (0.5/5000) / (9/8000) -> log2(0.088889) = -3.491853
    assert table["log_ratio"][0] == pytest.approx(math.log2((0.5 / 5000) / (9 / 8000)))
    # Absent from the target: %DIFF is -100; absent from the reference: 1e-18 denominator.
    assert table["percent_diff"][0] == pytest.approx(-100.0)
    assert table["percent_diff"][1] == pytest.approx(100 * (7 / 5000) / 1e-18)
    # Absent from both sides: every measure at its null value.
    for name in ("log_likelihood", "chi_square", "log_ratio", "percent_diff",
                 "log_odds_dirichlet", "log_odds_z", "sign"):
        assert table[name][2] == 0, name
    assert table["p_value"][2] == 1.0
    assert list(table["sign"]) == [-1, 1, 0, 1, -1, 1]


def test_random_tables_never_give_nan_or_inf():
    rng = np.random.default_rng(7)
    a = rng.poisson(0.7, size=500) * rng.integers(0, 2, size=500)
    b = rng.poisson(0.7, size=500)
    for cells in (2, 4):
        table = keyness(a, b, 20_000, 30_000, ll_cells=cells, yates=True)
        assert all(np.isfinite(col).all() for col in table.values())
        assert (table["log_likelihood"] >= -1e-9).all()
        assert ((table["p_value"] >= 0) & (table["p_value"] <= 1)).all()


def test_measures_agree_on_direction():
    rng = np.random.default_rng(3)
    a = rng.integers(1, 50, size=200)
    b = rng.integers(1, 50, size=200)
    table = keyness(a, b, 40_000, 60_000)
    sign = table["sign"]
    for name in ("log_ratio", "percent_diff", "log_odds_dirichlet", "log_odds_z"):
        assert (np.sign(table[name]) == sign).all(), name


def test_swapping_sides_mirrors_the_table():
    a, b = np.array([12, 0, 4]), np.array([3, 6, 4])
    forward = keyness(a, b, 1_000, 3_000)
    backward = keyness(b, a, 3_000, 1_000)
    for name in ("log_likelihood", "chi_square", "p_value"):
        assert backward[name] == pytest.approx(forward[name])
    for name in ("log_ratio", "log_odds_dirichlet", "log_odds_z", "sign"):
        assert backward[name] == pytest.approx(-forward[name])


def test_table_columns_and_terms():
    table = keyness([1, 2], [3, 4], 100, 200, terms=["a", "b"])
    assert list(table) == [
        "term", "freq_target", "freq_reference", "per_million_target", "per_million_reference",
        "sign", "log_likelihood", "p_value", "chi_square", "log_ratio", "percent_diff",
        "log_odds_dirichlet", "log_odds_z",
    ]
    assert all(len(col) == 2 for col in table.values())


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        (([1], [1, 2], 10, 10), {}, "same length"),
        (([1], [1], 0, 10), {}, "total_a"),
        (([-1], [1], 10, 10), {}, "non-negative"),
        (([11], [1], 10, 10), {}, "exceeds"),
        (([1], [1], 10, 10), {"ll_cells": 3}, "ll_cells"),
        (([1], [1], 10, 10), {"alpha0": -1}, "alpha0"),
        (([1], [1], 10, 10), {"terms": ["x", "y"]}, "terms"),
    ],
)
def test_bad_arguments_are_named(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        keyness(*args, **kwargs)


def test_adjust_p_values_by_hand():
    p = np.array([0.01, 0.04, 0.03, 0.5])
    # Bonferroni: p * 4, capped at 1
    assert adjust_p_values(p, method="bonferroni") == pytest.approx([0.04, 0.16, 0.12, 1.0])
    # Holm: sorted 0.01, 0.03, 0.04, 0.5 times 4, 3, 2, 1 -> 0.04, 0.09, 0.08, 0.5,
    # made monotone -> 0.04, 0.09, 0.09, 0.5, back in input order:
    assert adjust_p_values(p, method="holm") == pytest.approx([0.04, 0.09, 0.09, 0.5])
    # BH: p(i) * 4 / i -> 0.04, 0.06, 0.0533, 0.5, monotone from the top -> 0.04, 0.0533, 0.0533
    assert adjust_p_values(p, method="fdr_bh") == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.5])
    with pytest.raises(ValueError, match="method"):
        adjust_p_values(p, method="sidak")
    with pytest.raises(ValueError, match="between 0 and 1"):
        adjust_p_values([1.5], method="holm")
    assert adjust_p_values([], method="fdr_bh").size == 0


def test_adjusted_p_values_never_fall_below_raw():
    p = np.random.default_rng(1).uniform(size=300)
    for method in ("bonferroni", "holm", "fdr_bh"):
        adjusted = adjust_p_values(p, method=method)
        assert (adjusted >= p - 1e-12).all() and (adjusted <= 1).all()


def test_filter_table():
    table = keyness([30, 1, 0, 6], [2, 40, 3, 6], 10_000, 10_000, terms=["we", "they", "us", "it"])
    table["p_adjusted"] = adjust_p_values(table["p_value"], method="holm")
    assert filter_table(table)["term"].tolist() == ["they", "we", "us", "it"]
    assert filter_table(table, direction="target")["term"].tolist() == ["we"]
    assert filter_table(table, min_freq=5, direction="reference")["term"].tolist() == ["they"]
    assert filter_table(table, alpha=0.05, p_column="p_adjusted")["term"].tolist() == ["they", "we"]
    assert filter_table(table, sort_by="log_ratio", descending=False, limit=2)["term"].tolist() == [
        "they", "us"]
    assert filter_table(table, min_freq=1000)["term"].tolist() == []
    with pytest.raises(ValueError, match="unknown column"):
        filter_table(table, sort_by="dice")
    with pytest.raises(ValueError, match="direction"):
        filter_table(table, direction="up")
