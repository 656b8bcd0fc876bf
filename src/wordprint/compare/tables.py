"""The tables of a comparison: key terms (keyness with dispersion) and Craig's Zeta.

- **keyness** (:func:`keyness_table`): every statistic of :func:`wordprint.compare.keyness.keyness`,
  p-values adjusted over all terms tested, a ``significant`` flag, and Gries's DP of each term
  within each side (over the side's parts, :class:`wordprint.compare.sides.SideData`);
- **top terms** (:func:`top_terms`): the strongest terms key in each side;
- **Zeta** (:func:`zeta_table`): Craig's Zeta on equal-size segments, and :func:`extremes`,
  its words at either end.

Tables are dicts of equal-length columns (numpy arrays or lists).

Where we differ
---------------
- **Which terms are tested.** Terms used fewer than ``min_freq`` times on both sides together
  are left out of the table and of the p-value adjustment: with Holm's correction over a few
  thousand terms they could never reach significance, and leaving them out of the family makes
  the test of the others less strict (Rayson & Garside 2000 filter the same way).
- **DP** is left empty where the term does not occur on that side (it is undefined there).

References
----------
Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling. Workshop on
Comparing Corpora, ACL 2000, 1-6.

Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora. International Journal of
Corpus Linguistics 13(4), 403-437.

Craig, H. & Kinney, A. F. (eds.) (2009). Shakespeare, Computers, and the Mystery of Authorship.
Cambridge University Press.

Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches to
Social Science (CASS), Lancaster University.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

import numpy as np

from wordprint.compare.dispersion import dp
from wordprint.compare.keyness import P_ADJUSTMENTS, adjust_p_values, keyness
from wordprint.compare.sides import ComparisonError, SideData
from wordprint.compare.zeta import segments_of_texts, zeta

Table = dict[str, Any]
SortStatistic = Literal["log_likelihood", "chi_square", "log_ratio", "log_odds_z", "log_odds_dirichlet"]


# --- keyness --------------------------------------------------------------------------------------


def _magnitude(column: str) -> Callable[[Table], np.ndarray]:
    return lambda table: np.abs(np.asarray(table[column], dtype=float))


#: Statistics a keyness table can be sorted by -> the strength of keyness they give each term
#: (the absolute value of signed statistics, so both directions rank together).
SORT_STATISTICS: dict[str, Callable[[Table], np.ndarray]] = {
    "log_likelihood": _magnitude("log_likelihood"),
    "chi_square": _magnitude("chi_square"),
    "log_ratio": _magnitude("log_ratio"),
    "log_odds_z": _magnitude("log_odds_z"),
    "log_odds_dirichlet": _magnitude("log_odds_dirichlet"),
}

#: Display names of the statistics, for figures and the report.
STATISTIC_LABELS: dict[str, str] = {
    "log_likelihood": "log-likelihood G2",
    "chi_square": "chi-square",
    "log_ratio": "Log Ratio",
    "log_odds_z": "log-odds z-score (informative Dirichlet prior)",
    "log_odds_dirichlet": "log-odds ratio (informative Dirichlet prior)",
}

#: Display names of the p-value adjustments.
CORRECTION_LABELS: dict[str, str] = {
    "holm": "Holm",
    "bonferroni": "Bonferroni",
    "fdr_bh": "Benjamini-Hochberg",
}


def _dispersion(side: SideData, terms: Sequence[str]) -> list[float | None]:
    if len(side.parts) < 2:  # one part: every term is as evenly spread as it can be
        return [0.0 if side.counts.get(t, 0) else None for t in terms]
    matrix = np.array([[part.get(t, 0) for t in terms] for part in side.parts], dtype=float)
    values = dp(matrix.reshape(len(side.parts), len(terms)), side.part_sizes)
    return [None if math.isnan(v) else float(v) for v in np.atleast_1d(values)]


def keyness_table(
    target: SideData,
    reference: SideData,
    *,
    min_freq: int = 5,
    alpha: float = 0.05,
    correction: str = "holm",
    sort_by: str = "log_likelihood",
) -> Table:
    """One row per term used at least ``min_freq`` times on both sides together, strongest first.

    Columns: ``rank``; ``term``; ``key_in`` (the label of the side that uses the term
    relatively more, empty for a tie); every column of :func:`wordprint.compare.keyness.keyness`
    (frequencies, per-million rates, ``sign``, ``log_likelihood`` and its ``p_value``,
    ``chi_square``, ``log_ratio``, ``percent_diff``, ``log_odds_dirichlet``, ``log_odds_z``),
    with ``p_adjusted`` (``correction`` over every row) and ``significant``
    (``p_adjusted < alpha``) after ``p_value``; ``dp_target`` and ``dp_reference`` (Gries's DP
    over each side's parts, None where the term is absent); and ``sorted_by`` and
    ``p_adjustment``, which name the settings. Rows are sorted by ``sort_by``'s strength (its
    absolute value for signed statistics), ties by term.

    References
    ----------
    Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling. Workshop on
    Comparing Corpora, ACL 2000, 1-6.

    Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian
    Journal of Statistics 6(2), 65-70.

    Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora. International
    Journal of Corpus Linguistics 13(4), 403-437.

    Examples
    --------
    >>> t = SideData("A", ("a",), {"we": 30, "they": 2}, 1000, ({"we": 30, "they": 2},), (1000,),
    ...              "segments")
    >>> r = SideData("B", ("b",), {"we": 5, "they": 40}, 1000, ({"we": 5, "they": 40},), (1000,),
    ...              "segments")
    >>> table = keyness_table(t, r, min_freq=1)
    >>> table["term"], table["key_in"], table["significant"].tolist()
    (['they', 'we'], ['B', 'A'], [True, True])
    """
    if sort_by not in SORT_STATISTICS:
        raise ValueError(f"sort_by must be one of {sorted(SORT_STATISTICS)}, got {sort_by!r}")
    if correction not in P_ADJUSTMENTS:
        raise ValueError(f"correction must be one of {sorted(P_ADJUSTMENTS)}, got {correction!r}")
    if not 0 < alpha <= 1:
        raise ValueError(f"alpha must be in (0, 1], got {alpha}")
    if isinstance(min_freq, bool) or not isinstance(min_freq, (int, np.integer)) or min_freq < 1:
        raise ValueError(f"min_freq must be a positive integer, got {min_freq!r}")
    vocabulary = sorted(set(target.counts) | set(reference.counts))
    a = np.array([target.counts.get(t, 0) for t in vocabulary], dtype=float)
    b = np.array([reference.counts.get(t, 0) for t in vocabulary], dtype=float)
    keep = a + b >= min_freq
    terms = [t for t, k in zip(vocabulary, keep) if k]
    stats = keyness(a[keep], b[keep], target.tokens, reference.tokens, terms=terms)
    p_adjusted = adjust_p_values(stats["p_value"], method=correction)
    strength = SORT_STATISTICS[sort_by](stats)
    # Vocabulary is alphabetical, so a stable sort on -strength breaks ties by term.
    order = np.argsort(-strength, kind="stable")
    key_in = {1: target.label, -1: reference.label, 0: ""}
    n = len(terms)
    table: Table = {
        "rank": list(range(1, n + 1)),
        "term": [terms[i] for i in order],
        "key_in": [key_in[int(stats["sign"][i])] for i in order],
    }
    for column, values in stats.items():
        if column == "term":
            continue
        table[column] = np.asarray(values)[order]
        if column in ("freq_target", "freq_reference"):
            table[column] = table[column].astype(int)
        if column == "p_value":
            table["p_adjusted"] = p_adjusted[order]
            table["significant"] = p_adjusted[order] < alpha
    table["dp_target"] = _dispersion(target, table["term"])
    table["dp_reference"] = _dispersion(reference, table["term"])
    table["sorted_by"] = [sort_by] * n
    table["p_adjustment"] = [correction] * n
    return table


def top_terms(table: Table, *, n: int) -> tuple[list[str], list[str]]:
    """The first ``n`` terms key in the target and the first ``n`` key in the reference.

    ``table`` is a :func:`keyness_table`, already sorted strongest first.

    Examples
    --------
    >>> top_terms({"term": ["a", "b", "c", "d"], "sign": [1, -1, 1, 1]}, n=2)
    (['a', 'c'], ['b'])
    """
    if n < 0:
        raise ValueError(f"n must be 0 or more, got {n}")
    signs = [int(s) for s in table["sign"]]
    target = [t for t, s in zip(table["term"], signs) if s > 0][:n]
    reference = [t for t, s in zip(table["term"], signs) if s < 0][:n]
    return target, reference


# --- Zeta -----------------------------------------------------------------------------------------


def zeta_table(
    target_tokens: Mapping[str, Sequence[str]],
    reference_tokens: Mapping[str, Sequence[str]],
    *,
    size: int,
    min_freq: int = 3,
    labels: tuple[str, str] = ("target", "reference"),
) -> tuple[Table, int, int]:
    """Craig's Zeta of the two sides' texts cut into segments of ``size`` tokens.

    Returns the table of :func:`wordprint.compare.zeta.zeta` (every segment weighs the same) and the
    number of segments on each side. Raises :class:`ComparisonError` when a side has no text
    as long as one segment.

    References
    ----------
    Craig, H. & Kinney, A. F. (eds.) (2009). Shakespeare, Computers, and the Mystery of
    Authorship. Cambridge University Press.

    Examples
    --------
    >>> table, nt, nr = zeta_table({"a": "x y x z".split()}, {"b": "y w y w".split()}, size=2,
    ...                            min_freq=1)
    >>> table["term"].tolist()[:2], nt, nr
    (['x', 'z'], 2, 2)
    """
    cut = []
    for label, texts in zip(labels, (target_tokens, reference_tokens)):
        segments, _, _ = segments_of_texts(texts, size=size)
        if not segments:
            longest = max((len(t) for t in texts.values()), default=0)
            raise ComparisonError(
                f"Zeta: the {label} side has no text of {size} tokens (its longest has "
                f"{longest}). Lower keyness.segment_size in the config."
            )
        cut.append(segments)
    table = zeta(cut[0], cut[1], min_freq=min_freq)
    return table, len(cut[0]), len(cut[1])


def extremes(values: Sequence[float], *, n: int) -> np.ndarray:
    """A mask of the ``n`` highest and the ``n`` lowest values (fewer if there are fewer).

    Ties keep their order: for a Zeta table, sorted highest first, that is its first and last
    ``n`` rows.

    Examples
    --------
    >>> extremes([0.9, 0.5, 0.0, -0.2, -0.8], n=1).tolist()
    [True, False, False, False, True]
    """
    if n < 0:
        raise ValueError(f"n must be 0 or more, got {n}")
    values = np.asarray(values, dtype=float)
    order = np.argsort(-values, kind="stable")
    mask = np.zeros(values.size, dtype=bool)
    if n:
        mask[order[:n]] = True
        mask[order[-n:]] = True
    return mask
