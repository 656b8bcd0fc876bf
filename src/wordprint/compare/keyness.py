"""Keyness: which terms a target corpus uses more, or less, than a reference corpus.

Every measure takes the same four inputs, vectorised over terms: ``a`` (each term's count in the
target), ``b`` (its count in the reference) and the two sides' token totals ``total_a`` and
``total_b``. The totals are the sides' whole token counts, not the sums of ``a`` and ``b``, so a
caller may pass only some terms (a frequency band, a word list). :func:`keyness` gathers all
measures into one table, a dict from column name to a numpy array, which
``pandas.DataFrame(table).to_csv(...)`` or :mod:`csv` writes directly.

The 2 x 2 contingency table behind every term::

                  target         reference       total
    term          a              b               a + b
    other tokens  total_a - a    total_b - b     N - a - b
    total         total_a        total_b         N = total_a + total_b

Zero frequencies
----------------
No column is infinite or NaN when a term is absent from one side (or both):

- ``log_likelihood``: 0 * ln 0 is taken as 0 (its limit), as the UCREL LL wizard does.
- ``log_ratio``: a zero count is replaced by 0.5 before normalising (Hardie 2014).
- ``percent_diff``: a zero reference frequency is replaced by 1e-18 in the denominator, as the
  UCREL significance and effect-size spreadsheet does following Gabrielatos & Marchi (2012).
  The result for such a term (about 1e20 times the target's relative frequency) only says
  "present in the target, absent from the reference": filter or sort by another column.
- A term absent from both sides gets each measure's null value (0, p = 1).

Where we differ
---------------
- **Log-likelihood: 2 or 4 cells.** The default is the 2-cell sum of Rayson & Garside (2000),
  used by the UCREL log-likelihood wizard: ``G2 = 2 (a ln(a/E1) + b ln(b/E2))``. The 4-cell
  version (``ll_cells=4``) adds the two "other tokens" cells and is the full G-test of
  independence of Dunning (1993); AntConc 4 defaults to it (Anthony, AntConc group, 2023), and
  so does R's ``keyperm``. The two differ little when the term is rare.
- **Chi-square** is Pearson's on the 2 x 2 table without Yates's correction, as Rayson & Garside
  (2000) and Kilgarriff (2001) compare it; pass ``yates=True`` for the corrected value
  (quanteda's default). ``p_value`` is always that of the log-likelihood.
- **Log-odds ratio with an informative Dirichlet prior** follows Monroe et al. (2008): prior
  counts ``alpha_w = alpha0 * (a + b) / N`` (the combined corpus's shares, scaled to a total
  prior size ``alpha0``; by default ``alpha0 = N``, the empirical-Bayes prior of R's tidylo), and
  the approximate variance ``1/(a + alpha_w) + 1/(b + alpha_w)``. scattertext's
  ``LogOddsRatioInformativeDirichletPrior`` scales the prior separately for each side (by the
  side's size) and adds the two "other tokens" terms to the variance, so its z-scores differ
  slightly.

References
----------
Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
Computational Linguistics 19(1), 61-74.

Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling. In Proceedings of
the Workshop on Comparing Corpora (ACL 2000), 1-6.

Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches to
Social Science (CASS), Lancaster University.

Gabrielatos, C. & Marchi, A. (2012). Keyness: appropriate metrics and practical issues. CADS
International Conference, University of Bologna.

Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' words: lexical feature selection
and evaluation for identifying the content of political conflict. Political Analysis 16(4),
372-403.

Kilgarriff, A. (2001). Comparing corpora. International Journal of Corpus Linguistics 6(1),
97-133.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np

Table = dict[str, np.ndarray]
AdjustMethod = Literal["bonferroni", "holm", "fdr_bh"]
Direction = Literal["both", "target", "reference"]

# The %DIFF denominator for a term absent from the reference (Gabrielatos & Marchi 2012).
PERCENT_DIFF_ZERO = 1e-18
# Hardie (2014): a zero frequency counts as 0.5 in Log Ratio.
LOG_RATIO_ZERO = 0.5


def _inputs(a, b, total_a: float, total_b: float) -> tuple[np.ndarray, np.ndarray, float, float]:
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.ndim != 1 or a.shape != b.shape:
        raise ValueError(
            f"a and b must be 1-D arrays of the same length (one count per term), "
            f"got shapes {a.shape} and {b.shape}"
        )
    for name, total in (("total_a", total_a), ("total_b", total_b)):
        if not np.isfinite(total) or total <= 0:
            raise ValueError(f"{name} (a side's token count) must be positive, got {total}")
    for name, counts, total in (("a", a, total_a), ("b", b, total_b)):
        if not np.isfinite(counts).all() or (counts < 0).any():
            raise ValueError(f"{name} must hold non-negative finite counts")
        if (counts > total).any():
            raise ValueError(
                f"a count in {name} exceeds its side's token total {total}: pass each side's "
                f"whole token count as total_{name}"
            )
    return a, b, float(total_a), float(total_b)


def _x_log_x_over(x: np.ndarray, expected: np.ndarray) -> np.ndarray:
    # x ln(x / E), with 0 ln 0 = 0; x > 0 implies E > 0 for every cell used here.
    safe = np.where(x > 0, x, 1.0) / np.where(expected > 0, expected, 1.0)
    return np.where(x > 0, x * np.log(safe), 0.0)


def _ll_two_cells(a, b, total_a, total_b):
    n = total_a + total_b
    return 2.0 * (_x_log_x_over(a, total_a * (a + b) / n) + _x_log_x_over(b, total_b * (a + b) / n))


def _ll_four_cells(a, b, total_a, total_b):
    n = total_a + total_b
    rest = n - a - b
    return _ll_two_cells(a, b, total_a, total_b) + 2.0 * (
        _x_log_x_over(total_a - a, total_a * rest / n)
        + _x_log_x_over(total_b - b, total_b * rest / n)
    )


_LL_CELLS: dict[int, Callable[..., np.ndarray]] = {2: _ll_two_cells, 4: _ll_four_cells}


def log_likelihood(a, b, total_a: float, total_b: float, *, cells: Literal[2, 4] = 2) -> np.ndarray:
    """Log-likelihood G2 of each term's 2 x 2 table (unsigned; see :func:`direction`).

    ``cells=2`` (default) is the UCREL wizard's sum over the term's own row,
    ``2 (a ln(a/E1) + b ln(b/E2))`` with ``E1 = total_a (a + b) / N`` and
    ``E2 = total_b (a + b) / N``; ``cells=4`` adds the two "other tokens" cells (Dunning's full
    G-test, AntConc 4's default). Under independence both are approximately chi-square with
    1 degree of freedom: 3.84 is p = 0.05, 6.63 is p = 0.01.

    References
    ----------
    Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling. Workshop on
    Comparing Corpora, ACL 2000, 1-6.

    Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
    Computational Linguistics 19(1), 61-74.

    Examples
    --------
    >>> round(float(log_likelihood([52], [57], 50_000, 75_000)[0]), 2)
    2.65
    """
    if cells not in _LL_CELLS:
        raise ValueError(f"cells must be one of {sorted(_LL_CELLS)}, got {cells!r}")
    return _LL_CELLS[cells](*_inputs(a, b, total_a, total_b))


def chi_square(a, b, total_a: float, total_b: float, *, yates: bool = False) -> np.ndarray:
    """Pearson's chi-square of each term's 2 x 2 table, optionally with Yates's correction.

    ``N (ad - bc)^2 / ((a + b)(c + d) total_a total_b)`` with ``c = total_a - a`` and
    ``d = total_b - b``; Yates replaces ``|ad - bc|`` by ``max(0, |ad - bc| - N / 2)``. A table
    with an empty row (the term absent, or the only type) gets 0.

    References
    ----------
    Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling. Workshop on
    Comparing Corpora, ACL 2000, 1-6.

    Examples
    --------
    >>> round(float(chi_square([10], [5], 1000, 2000)[0]), 4)
    7.5377
    """
    a, b, total_a, total_b = _inputs(a, b, total_a, total_b)
    n = total_a + total_b
    c, d = total_a - a, total_b - b
    gap = np.abs(a * d - b * c)
    if yates:
        gap = np.maximum(gap - n / 2.0, 0.0)
    denominator = (a + b) * (c + d) * total_a * total_b
    return np.divide(n * gap**2, denominator, out=np.zeros_like(a), where=denominator > 0)


def log_ratio(a, b, total_a: float, total_b: float) -> np.ndarray:
    """Hardie's Log Ratio: log2 of the ratio of the two relative frequencies.

    A zero count is replaced by 0.5 before normalising (Hardie 2014), so a term absent from
    one side gets a finite value; a term absent from both gets 0. Each point is a doubling:
    1 means twice as frequent in the target, -2 a quarter as frequent.

    References
    ----------
    Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches
    to Social Science (CASS), Lancaster University.

    Examples
    --------
    >>> log_ratio([10, 0], [5, 4], 1000, 2000).tolist()
    [2.0, -2.0]
    """
    a, b, total_a, total_b = _inputs(a, b, total_a, total_b)
    ratio = (np.where(a > 0, a, LOG_RATIO_ZERO) / total_a) / (
        np.where(b > 0, b, LOG_RATIO_ZERO) / total_b
    )
    return np.where((a > 0) | (b > 0), np.log2(ratio), 0.0)


def percent_diff(a, b, total_a: float, total_b: float) -> np.ndarray:
    """%DIFF: the difference of relative frequencies as a percentage of the reference's.

    ``100 (a/total_a - b/total_b) / (b/total_b)``, ranging from -100 (absent from the target)
    upwards. A zero reference frequency is replaced by 1e-18 in the denominator (Gabrielatos &
    Marchi 2012; the UCREL spreadsheet), giving a huge but finite value.

    References
    ----------
    Gabrielatos, C. & Marchi, A. (2012). Keyness: appropriate metrics and practical issues.
    CADS International Conference, University of Bologna.

    Examples
    --------
    >>> percent_diff([10, 0], [5, 4], 1000, 2000).tolist()
    [300.0, -100.0]
    """
    a, b, total_a, total_b = _inputs(a, b, total_a, total_b)
    rel_a, rel_b = a / total_a, b / total_b
    return 100.0 * (rel_a - rel_b) / np.where(b > 0, rel_b, PERCENT_DIFF_ZERO)


def log_odds_dirichlet(
    a, b, total_a: float, total_b: float, *, alpha0: float | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds ratio with an informative Dirichlet prior, and its z-score ("Fightin' Words").

    With prior counts ``alpha_w = alpha0 (a + b) / N`` (the combined corpus's shares scaled to
    a prior of total size ``alpha0``, by default ``N``):

    ``delta = ln((a + alpha_w) / (total_a + alpha0 - a - alpha_w))
    - ln((b + alpha_w) / (total_b + alpha0 - b - alpha_w))``,
    ``z = delta / sqrt(1 / (a + alpha_w) + 1 / (b + alpha_w))``.

    A larger ``alpha0`` shrinks rare terms' log-odds harder towards 0. Returns
    ``(delta, z)``; terms absent from both sides get (0, 0).

    References
    ----------
    Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' words: lexical feature
    selection and evaluation for identifying the content of political conflict. Political
    Analysis 16(4), 372-403.

    Examples
    --------
    >>> delta, z = log_odds_dirichlet([10, 0], [5, 0], 1000, 2000, alpha0=3000)
    >>> [round(float(x), 4) for x in delta], [round(float(x), 4) for x in z]
    ([0.4485, 0.0], [1.4952, 0.0])
    """
    a, b, total_a, total_b = _inputs(a, b, total_a, total_b)
    n = total_a + total_b
    alpha0 = n if alpha0 is None else float(alpha0)
    if not np.isfinite(alpha0) or alpha0 <= 0:
        raise ValueError(f"alpha0 (the prior's total size) must be positive, got {alpha0}")
    alpha_w = alpha0 * (a + b) / n
    present = (a + b) > 0
    # The denominators are positive unless the term is every token of both sides.
    ok = present & (total_a + alpha0 - a - alpha_w > 0) & (total_b + alpha0 - b - alpha_w > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((a + alpha_w) / (total_a + alpha0 - a - alpha_w)) - np.log(
            (b + alpha_w) / (total_b + alpha0 - b - alpha_w)
        )
        z = delta / np.sqrt(1.0 / (a + alpha_w) + 1.0 / (b + alpha_w))
    return np.where(ok, delta, 0.0), np.where(ok, z, 0.0)


def direction(a, b, total_a: float, total_b: float) -> np.ndarray:
    """+1 where the term is relatively more frequent in the target, -1 where less, 0 if equal.

    The UCREL wizard's "+" (overuse) and "-" (underuse) in the target.

    Examples
    --------
    >>> direction([10, 1, 2], [5, 8, 4], 1000, 2000).tolist()
    [1, -1, 0]
    """
    a, b, total_a, total_b = _inputs(a, b, total_a, total_b)
    # Cross-multiplied so that equal relative frequencies compare exactly.
    return np.sign(a * total_b - b * total_a).astype(int)


def keyness(
    a,
    b,
    total_a: float,
    total_b: float,
    *,
    terms: Sequence[str] | None = None,
    ll_cells: Literal[2, 4] = 2,
    yates: bool = False,
    alpha0: float | None = None,
) -> Table:
    """A keyness table: one row per term, every measure of this module as a column.

    Columns, in order: ``term`` (if ``terms`` is given), ``freq_target``, ``freq_reference``,
    ``per_million_target``, ``per_million_reference``, ``sign`` (+1 key in the target, -1 in
    the reference, see :func:`direction`), ``log_likelihood`` (G2, ``ll_cells`` cells),
    ``p_value`` (chi-square, 1 df, of G2), ``chi_square`` (Pearson, ``yates``),
    ``log_ratio`` (Hardie), ``percent_diff`` (%DIFF), ``log_odds_dirichlet`` and
    ``log_odds_z`` (Monroe et al., prior size ``alpha0``). No value is infinite or NaN.

    References
    ----------
    See the module docstring: Rayson & Garside (2000), Dunning (1993), Hardie (2014),
    Gabrielatos & Marchi (2012), Monroe et al. (2008).

    Examples
    --------
    >>> table = keyness([52, 0], [57, 9], 50_000, 75_000, terms=["the", "soviet"])
    >>> table["term"].tolist(), table["sign"].tolist()
    (['the', 'soviet'], [1, -1])
    >>> [round(float(x), 2) for x in table["log_likelihood"]]
    [2.65, 9.19]
    """
    a, b, total_a, total_b = _inputs(a, b, total_a, total_b)
    if ll_cells not in _LL_CELLS:
        raise ValueError(f"ll_cells must be one of {sorted(_LL_CELLS)}, got {ll_cells!r}")
    table: Table = {}
    if terms is not None:
        if len(terms) != len(a):
            raise ValueError(f"terms has {len(terms)} entries but a and b have {len(a)}")
        table["term"] = np.asarray(list(terms), dtype=object)
    from scipy.stats import chi2  # here: the workflow imports this module at start-up (0.5 s)

    ll = _LL_CELLS[ll_cells](a, b, total_a, total_b)
    delta, z = log_odds_dirichlet(a, b, total_a, total_b, alpha0=alpha0)
    table.update(
        freq_target=a,
        freq_reference=b,
        per_million_target=a / total_a * 1e6,
        per_million_reference=b / total_b * 1e6,
        sign=direction(a, b, total_a, total_b),
        log_likelihood=ll,
        p_value=chi2.sf(ll, df=1),
        chi_square=chi_square(a, b, total_a, total_b, yates=yates),
        log_ratio=log_ratio(a, b, total_a, total_b),
        percent_diff=percent_diff(a, b, total_a, total_b),
        log_odds_dirichlet=delta,
        log_odds_z=z,
    )
    return table


# --- multiple comparisons ------------------------------------------------------------------------


def _bonferroni(p: np.ndarray) -> np.ndarray:
    return np.minimum(p * p.size, 1.0)


def _holm(p: np.ndarray) -> np.ndarray:
    # Step-down: the i-th smallest p (from 0) times (m - i), kept monotone, capped at 1.
    m = p.size
    order = np.argsort(p, kind="stable")
    stepped = np.maximum.accumulate(p[order] * (m - np.arange(m)))
    adjusted = np.empty_like(p)
    adjusted[order] = np.minimum(stepped, 1.0)
    return adjusted


def _fdr_bh(p: np.ndarray) -> np.ndarray:
    from scipy.stats import false_discovery_control

    return false_discovery_control(p, method="bh")


P_ADJUSTMENTS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "bonferroni": _bonferroni,
    "holm": _holm,
    "fdr_bh": _fdr_bh,
}


def adjust_p_values(p, *, method: AdjustMethod) -> np.ndarray:
    """p-values adjusted for testing many terms at once.

    ``bonferroni`` and ``holm`` (Holm 1979, uniformly more powerful) control the family-wise
    error rate; ``fdr_bh`` (Benjamini & Hochberg 1995, via
    :func:`scipy.stats.false_discovery_control`) the false discovery rate. The family is every
    p-value passed: adjust over all terms tested before filtering the table.

    References
    ----------
    Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian
    Journal of Statistics 6(2), 65-70.

    Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate: a practical and
    powerful approach to multiple testing. Journal of the Royal Statistical Society B 57(1),
    289-300.

    Examples
    --------
    >>> adjust_p_values([0.01, 0.04, 0.03], method="holm").tolist()
    [0.03, 0.06, 0.06]
    """
    if method not in P_ADJUSTMENTS:
        raise ValueError(f"method must be one of {sorted(P_ADJUSTMENTS)}, got {method!r}")
    p = np.asarray(p, dtype=float)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D array of p-values, got shape {p.shape}")
    if not ((p >= 0) & (p <= 1)).all():
        raise ValueError("p-values must lie between 0 and 1")
    if p.size == 0:
        return p.copy()
    return P_ADJUSTMENTS[method](p)


def filter_table(
    table: Table,
    *,
    min_freq: float = 0,
    alpha: float | None = None,
    p_column: str = "p_value",
    direction: Direction = "both",
    sort_by: str = "log_likelihood",
    descending: bool = True,
    limit: int | None = None,
) -> Table:
    """Rows of a :func:`keyness` table that pass the filters, sorted by one statistic.

    Keeps terms whose combined frequency (``freq_target + freq_reference``) is at least
    ``min_freq``, whose ``p_column`` is below ``alpha`` (if given; add an adjusted column with
    :func:`adjust_p_values` first and name it here), and that are key in the chosen
    ``direction`` (``target``: sign +1, ``reference``: sign -1). Rows are sorted by the
    ``sort_by`` column (stable, so ties keep their order) and cut to ``limit`` rows.

    Examples
    --------
    >>> table = keyness([30, 1, 0], [2, 40, 3], 10_000, 10_000, terms=["we", "they", "us"])
    >>> filter_table(table, direction="reference", min_freq=5)["term"].tolist()
    ['they']
    >>> filter_table(table, sort_by="log_ratio", limit=2)["term"].tolist()
    ['we', 'us']
    """
    for name in ("freq_target", "freq_reference", "sign", p_column, sort_by):
        if name not in table:
            raise ValueError(f"unknown column {name!r}; the table has {sorted(table)}")
    if direction not in ("both", "target", "reference"):
        raise ValueError(f"direction must be 'both', 'target' or 'reference', got {direction!r}")
    if alpha is not None and not 0 < alpha <= 1:
        raise ValueError(f"alpha must be in (0, 1], got {alpha}")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, got {limit}")
    keep = table["freq_target"] + table["freq_reference"] >= min_freq
    if alpha is not None:
        keep &= table[p_column] < alpha
    if direction != "both":
        keep &= table["sign"] == (1 if direction == "target" else -1)
    rows = np.flatnonzero(keep)
    values = np.asarray(table[sort_by], dtype=float)[rows]
    rows = rows[np.argsort(-values if descending else values, kind="stable")][:limit]
    return {name: column[rows] for name, column in table.items()}
