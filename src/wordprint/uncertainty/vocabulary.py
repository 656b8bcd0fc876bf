"""Intervals of one document's vocabulary statistics (MATTR, MTLD, Yule's K, mean word and
sentence length) by the block bootstrap of its tokens."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from wordprint.describe.vocabulary import (
    MtldPass,
    _mtld_passes,
    _occurrences,
    _type_order,
)
from wordprint.text.tokenize import TokenIds
from wordprint.uncertainty.bootstrap import (
    MIN_SEGMENTS,
    _check_settings,
    _interval_or_none,
    _ratio,
    generator,
    resampling_weights,
    segment_bounds,
)

#: The statistics of results/tables/vocabulary.csv that get an interval (see the module notes
#: for why TTR and the hapax share do not).
VOCABULARY_INTERVALS = ("mattr", "mtld", "yules_k", "mean_word_length", "mean_sentence_length")


def _window_types(ids: np.ndarray, window: int, previous: np.ndarray | None = None) -> np.ndarray:
    """The number of types in each window of ``window`` tokens (N - window + 1 values).

    Token j is a new type in the windows starting at i with ``j - window < i <= j`` and
    ``previous[j] < i`` (as :func:`wordprint.describe.vocabulary.mattr` counts them): one difference
    array and a cumulative sum, O(N). ``previous`` is each token's previous occurrence
    (:func:`wordprint.describe.vocabulary._occurrences`), when the caller has it.
    """
    n = len(ids)
    if previous is None:
        previous = _occurrences(ids)[0]
    windows = n - window + 1
    j = np.arange(n, dtype=np.int64)
    first = np.maximum(previous + 1, j - window + 1)
    last = np.minimum(j, n - window)
    ok = first <= last
    diff = np.bincount(first[ok], minlength=windows + 1)
    diff -= np.bincount(last[ok] + 1, minlength=windows + 1)
    return np.cumsum(diff)[:windows]


# Dense types x replicates cells per pass of _replicate_square_sums (32 MB of float64).
_CELLS_PER_PASS_K = 4_000_000


def _replicate_square_sums(
    block: np.ndarray, ids: np.ndarray, types: int, weights: np.ndarray
) -> np.ndarray:
    """Each replicate's sum over types of its squared frequency (the sum in Yule's K).

    A replicate's frequency of type t is sum_g w_g c_gt over the segments g. The frequencies
    are computed for a few replicates at a time (segments x types sparse counts times the
    weights), so memory grows with the text's types, not with the square of its segments.
    ``block`` is each token's segment, in text order (non-decreasing). Every frequency and
    square is a whole number below 2^53, so the sums are exact, in any order.

    Examples
    --------
    >>> block, ids = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 0])  # segments "a b", "a a"
    >>> _replicate_square_sums(block, ids, 2, np.array([[2.0, 0.0], [1.0, 1.0]])).tolist()
    [8.0, 10.0]
    """
    from scipy import sparse

    ids = np.asarray(ids, dtype=np.int64)  # no overflow in the pairs below
    g = int(block.max()) + 1 if len(block) else 0
    # Tokens by type, then by position, so by segment: each run of one (type, segment) pair is
    # a count, in the order of a types x segments CSR matrix (scipy has nothing to sort).
    order = _type_order(ids)
    pairs = ids[order] * g + block[order]
    firsts = np.flatnonzero(np.concatenate([[True], pairs[1:] != pairs[:-1]]))
    counts = np.diff(np.append(firsts, len(pairs))).astype(float)
    rows, columns = np.divmod(pairs[firsts], max(g, 1))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=types))])
    by_type = sparse.csr_matrix((counts, columns, indptr), shape=(types, g))
    result = np.empty(len(weights))
    step = max(1, _CELLS_PER_PASS_K // max(types, 1))
    for start in range(0, len(weights), step):
        frequencies = by_type @ weights[start : start + step].T  # types x replicates
        result[start : start + step] = np.einsum("tr,tr->r", frequencies, frequencies)
    return result


def vocabulary_intervals(
    tokens: Sequence[str],
    sentence_lengths: Sequence[int],
    *,
    mattr_window: int = 500,
    mtld_threshold: float = 0.72,
    replicates: int = 200,
    segment: int = 500,
    level: float = 0.95,
    seed: int = 1,
    key: str = "",
) -> dict[str, tuple[float | None, float | None]]:
    """Block-bootstrap percentile intervals of a text's vocabulary statistics.

    For each statistic of :data:`VOCABULARY_INTERVALS` (MATTR with window ``mattr_window``,
    MTLD with threshold ``mtld_threshold``, Yule's K, mean word length, mean sentence length),
    its ``(low, high)`` interval at ``level``, from ``replicates`` resamplings of the text's
    consecutive segments of about ``segment`` tokens (see the module notes). ``(None, None)``
    when the text has fewer than :data:`MIN_SEGMENTS` segments or ``replicates`` is 0, for
    MATTR when the text is no longer than the window (MATTR is then its TTR), and for mean
    sentence length without sentences. The random stream is :func:`generator` of ``seed`` and
    ``key`` (the caller's name for the text). ``tokens`` may be a
    :class:`wordprint.text.tokenize.TokenIds`; :func:`wordprint.describe.views.describe_view` gives the
    same intervals together with the statistics, sharing the work.

    References
    ----------
    Künsch, H. R. (1989). The jackknife and the bootstrap for general stationary
    observations. The Annals of Statistics 17(3), 1217-1241.

    Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.

    Examples
    --------
    >>> ci = vocabulary_intervals(["the"] * 3000, [10] * 300, mattr_window=100)
    >>> [round(x, 6) for x in ci["mattr"]], ci["mean_sentence_length"]  # constant: zero width
    ([0.01, 0.01], (10.0, 10.0))
    >>> vocabulary_intervals("a short text".split(), [3])["mtld"]
    (None, None)
    """
    _check_settings(replicates, segment, level)
    if replicates == 0 or len(segment_bounds(len(tokens), segment=segment)) - 1 < MIN_SEGMENTS:
        return _no_intervals()
    numbered = tokens if isinstance(tokens, TokenIds) else TokenIds.of(tokens)
    ids = np.asarray(numbered.ids, dtype=np.int64)
    previous, following = _occurrences(ids)
    return _intervals_of_ids(
        ids,
        np.fromiter(map(len, numbered.types), dtype=np.int64, count=len(numbered.types)),
        sentence_lengths,
        _mtld_passes(previous, following, mtld_threshold),
        _window_types(ids, mattr_window, previous) if len(ids) > mattr_window else None,
        replicates=replicates,
        segment=segment,
        level=level,
        seed=seed,
        key=key,
    )


def _no_intervals() -> dict[str, tuple[float | None, float | None]]:
    return {name: (None, None) for name in VOCABULARY_INTERVALS}


def _intervals_of_ids(
    ids: np.ndarray,
    type_lengths: np.ndarray,
    sentence_lengths: Sequence[int],
    mtld_passes: tuple[MtldPass, MtldPass],
    window_types: np.ndarray | None,
    *,
    replicates: int,
    segment: int,
    level: float,
    seed: int,
    key: str,
) -> dict[str, tuple[float | None, float | None]]:
    """:func:`vocabulary_intervals` of a text of type numbers ``ids``, with the characters of
    each type, its two MTLD passes (:func:`wordprint.describe.vocabulary._mtld_passes`) and the types in
    each MATTR window (:func:`_window_types`; None when the text is no longer than the window).
    """
    _check_settings(replicates, segment, level)
    result = _no_intervals()
    n = len(ids)
    bounds = segment_bounds(n, segment=segment)
    g = len(bounds) - 1
    if replicates == 0 or g < MIN_SEGMENTS:
        return result
    weights = resampling_weights(generator(seed, key), g, replicates).astype(float)
    sizes = np.diff(bounds).astype(float)
    block = np.repeat(np.arange(g), np.diff(bounds))

    def per_segment(values: np.ndarray | None = None, where: np.ndarray = block) -> np.ndarray:
        return np.bincount(where, weights=values, minlength=g).astype(float)

    n_star = weights @ sizes

    if window_types is not None:
        # Blocks of windows (Künsch 1989): each window belongs to the segment where it starts.
        window = n + 1 - len(window_types)
        ttrs = window_types / window
        starts = block[: len(ttrs)]
        rep = _ratio(weights @ per_segment(ttrs, starts), weights @ per_segment(None, starts))
        result["mattr"] = _interval_or_none(rep, level)

    passes = []
    # Factors completed in each segment, forward and backward; each pass's partial factor
    # belongs to the segment where that pass ends (the last one forward, the first backward).
    for (ends, partial), partial_at in zip(mtld_passes, (g - 1, 0)):
        positions = ends
        if partial_at == 0:  # the backward pass counts positions from the end
            positions = n - 1 - positions
        factors = per_segment(None, block[positions])
        factors[partial_at] += partial
        f_star = weights @ factors
        # No factor at all (every token distinct): MTLD is N, as wordprint.describe.vocabulary.mtld.
        passes.append(np.where(f_star > 0, n_star / np.where(f_star > 0, f_star, 1.0), n_star))
    result["mtld"] = _interval_or_none((passes[0] + passes[1]) / 2.0, level)

    squares = _replicate_square_sums(block, ids, len(type_lengths), weights)
    result["yules_k"] = _interval_or_none(1e4 * (squares - n_star) / n_star**2, level)

    chars = type_lengths[ids].astype(float)
    rep = _ratio(weights @ per_segment(chars), n_star)
    result["mean_word_length"] = _interval_or_none(rep, level)

    lengths = np.asarray(sentence_lengths, dtype=float)
    if len(lengths):
        starts = np.concatenate([[0.0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        where = np.minimum(np.searchsorted(bounds, starts, side="right") - 1, g - 1)
        rep = _ratio(weights @ per_segment(lengths, where), weights @ per_segment(None, where))
        result["mean_sentence_length"] = _interval_or_none(rep, level)
    return result


# --- relative frequencies: Delta distances ------------------------------------------------------
