"""Intervals of the Log Ratio of a term between two sides of a corpus (Hardie 2014), by a
stratified block bootstrap of each side's documents."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from wordprint.uncertainty.bootstrap import (
    MIN_SEGMENTS,
    _check_settings,
    generator,
    percentile_interval,
    resampling_weights,
    segment_bounds,
)


def _side_segments(
    texts: Mapping[str, Sequence[str]],
    index: Mapping[str, int],
    width: int,
    *,
    replicates: int,
    segment: int,
    seed: int,
) -> tuple[Any, np.ndarray, np.ndarray]:
    """One side's segments x terms counts (sparse, by column), how often each replicate draws
    each segment (replicates x segments; every text's segments from its own stream), and the
    replicates' token totals."""
    from scipy import sparse

    blocks, weights, totals = [], [], np.zeros(replicates)
    for key, tokens in texts.items():
        bounds = segment_bounds(len(tokens), segment=segment)
        g = len(bounds) - 1
        block = np.repeat(np.arange(g), np.diff(bounds))
        ids = np.fromiter((index.get(t, -1) for t in tokens), np.int64, len(tokens))
        keep = ids >= 0
        blocks.append(
            sparse.csr_matrix(
                (np.ones(int(keep.sum())), (block[keep], ids[keep])), shape=(g, width)
            )
        )
        drawn = resampling_weights(generator(seed, key), g, replicates).astype(float)
        weights.append(drawn)
        totals += drawn @ np.diff(bounds).astype(float)
    counts = sparse.vstack(blocks, format="csc") if blocks else sparse.csc_matrix((0, width))
    return counts, np.hstack(weights) if weights else np.zeros((replicates, 0)), totals


#: Terms per pass of :func:`log_ratio_intervals`: replicates x terms arrays stay small.
_CELLS_PER_PASS = 4_000_000


def log_ratio_intervals(
    terms: Sequence[str],
    target: Mapping[str, Sequence[str]],
    reference: Mapping[str, Sequence[str]],
    *,
    replicates: int = 200,
    segment: int = 500,
    level: float = 0.95,
    seed: int = 1,
) -> tuple[np.ndarray, np.ndarray]:
    """Block-bootstrap percentile intervals of each term's Log Ratio (Hardie 2014).

    ``target`` and ``reference`` map each side's texts (by a name, e.g. the sample id, which
    keys its random stream) to their tokens. Every replicate resamples the segments of each
    text separately, sums each side's counts and tokens, and computes
    ``log2((a / N_a) / (b / N_b))`` with a zero count taken as 0.5, as
    :func:`wordprint.compare.keyness.log_ratio` does. Returns ``(low, high)``, one value per term;
    NaN for every term when a side has fewer than :data:`MIN_SEGMENTS` segments in all or
    ``replicates`` is 0.

    References
    ----------
    Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches
    to Social Science (CASS), Lancaster University.

    Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.

    Examples
    --------
    >>> a = {"t": ["we", "x", "x", "x"] * 1000}  # 'we' is 1/4 of the target
    >>> b = {"r": ["we", "y", "y", "y", "y", "y", "y", "y"] * 500}  # and 1/8 of the reference
    >>> low, high = log_ratio_intervals(["we"], a, b, replicates=20, segment=400)
    >>> float(low[0]), float(high[0])  # every segment alike: log2(2) exactly
    (1.0, 1.0)
    """
    _check_settings(replicates, segment, level)
    nothing = np.full(len(terms), np.nan)
    if replicates == 0 or not len(terms):
        return nothing, nothing.copy()
    from wordprint.compare.keyness import LOG_RATIO_ZERO

    index = {t: i for i, t in enumerate(terms)}
    kw = {"replicates": replicates, "segment": segment, "seed": seed}
    counts_a, weights_a, total_a = _side_segments(target, index, len(terms), **kw)
    counts_b, weights_b, total_b = _side_segments(reference, index, len(terms), **kw)
    if min(weights_a.shape[1], weights_b.shape[1]) < MIN_SEGMENTS:
        return nothing, nothing.copy()
    low, high = np.empty(len(terms)), np.empty(len(terms))
    step = max(1, _CELLS_PER_PASS // replicates)
    for start in range(0, len(terms), step):
        part = slice(start, start + step)
        a = (counts_a[:, part].T @ weights_a.T).T  # replicates x terms
        b = (counts_b[:, part].T @ weights_b.T).T
        ratio = (np.where(a > 0, a, LOG_RATIO_ZERO) / total_a[:, None]) / (
            np.where(b > 0, b, LOG_RATIO_ZERO) / total_b[:, None]
        )
        values = np.where((a > 0) | (b > 0), np.log2(ratio), 0.0)
        low[part], high[part] = percentile_interval(values, level=level)
    return low, high
