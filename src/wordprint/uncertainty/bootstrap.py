"""The block bootstrap every interval of wordprint uses: segments, resampling weights, seeded
streams and percentile intervals (see :mod:`wordprint.uncertainty` for the method)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypedDict

import numpy as np

#: Fewest segments a text is resampled from; shorter texts get no interval.
MIN_SEGMENTS = 5


# Mixed into every stream's seed, so that the bootstrap never reuses the stream of another
# seeded step (the random bags of wordprint.features.sampling use the same seed and sample ids).
_STREAM = 0x75_6E_63_65  # "unce"


class UncertaintySettings(TypedDict):
    """The config's ``uncertainty`` block (see docs/guide/configuration.md)."""

    replicates: int  # 0: no intervals
    segment: int  # tokens per resampled segment
    level: float  # e.g. 0.95
    seed: int


def interval_columns(statistic: str) -> tuple[str, str]:
    """The names of a statistic's interval columns: ``("mattr_low", "mattr_high")``.

    Examples
    --------
    >>> interval_columns("log_ratio")
    ('log_ratio_low', 'log_ratio_high')
    """
    return f"{statistic}_low", f"{statistic}_high"


def interval_note(settings: UncertaintySettings, low: Sequence[float | None] | None) -> str:
    """A figure note saying what its error bars are, or ``""`` when it has none.

    Examples
    --------
    >>> interval_note({"replicates": 200, "segment": 500, "level": 0.95, "seed": 1}, [0.1])
    'whiskers: 95% bootstrap intervals (200 replicates, segments of 500 tokens)'
    >>> interval_note({"replicates": 0, "segment": 500, "level": 0.95, "seed": 1}, None)
    ''
    """
    shown = low is not None and any(v is not None and v == v for v in low)
    if not settings.get("replicates") or not shown:
        return ""
    return (
        f"whiskers: {100 * settings['level']:g}% bootstrap intervals "
        f"({settings['replicates']} replicates, segments of {settings['segment']} tokens)"
    )


def generator(seed: int, key: str) -> np.random.Generator:
    """The random stream of one text: numpy's PCG64 seeded with ``seed`` and a hash of ``key``.

    Examples
    --------
    >>> generator(1, "dawsey-2018").integers(1000, size=3).tolist()  # the same on every run
    [944, 486, 798]
    >>> generator(2, "dawsey-2018").integers(1000, size=3).tolist()
    [50, 444, 241]
    """
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return np.random.default_rng([int(seed), _STREAM, int.from_bytes(digest[:8], "big")])


def _check_settings(replicates: int, segment: int, level: float) -> None:
    if isinstance(replicates, bool) or not isinstance(replicates, (int, np.integer)):
        raise ValueError(f"replicates must be a whole number, got {replicates!r}")
    if replicates < 0:
        raise ValueError(f"replicates must be 0 (no intervals) or more, got {replicates}")
    if isinstance(segment, bool) or not isinstance(segment, (int, np.integer)) or segment < 1:
        raise ValueError(f"segment must be a positive number of tokens, got {segment!r}")
    if not 0 < level < 1:
        raise ValueError(f"level must lie strictly between 0 and 1 (e.g. 0.95), got {level!r}")


# --- the bootstrap itself -----------------------------------------------------------------------


def segment_bounds(n: int, *, segment: int) -> np.ndarray:
    """Where the consecutive segments of an ``n``-token text start, and ``n`` at the end.

    The text is cut into ``round(n / segment)`` (at least 1) parts of equal size, give or take
    a token, so no short remainder is left over.

    Examples
    --------
    >>> segment_bounds(10, segment=4).tolist()  # 10 / 4 = 2.5 -> 3 parts
    [0, 3, 6, 10]
    >>> segment_bounds(3, segment=500).tolist()
    [0, 3]
    """
    if n < 0:
        raise ValueError(f"n must be a number of tokens, got {n}")
    if segment < 1:
        raise ValueError(f"segment must be a positive number of tokens, got {segment}")
    parts = max(1, int(n / segment + 0.5))
    return (np.arange(parts + 1, dtype=np.int64) * n) // parts


def resampling_weights(rng: np.random.Generator, segments: int, replicates: int) -> np.ndarray:
    """How often each of ``segments`` segments is drawn in each replicate (``replicates`` rows).

    Each row is one bootstrap draw of ``segments`` segments with replacement, i.e. a
    multinomial count vector summing to ``segments``.

    Examples
    --------
    >>> w = resampling_weights(np.random.default_rng(0), 4, 3)
    >>> w.shape, w.sum(axis=1).tolist()
    ((3, 4), [4, 4, 4])
    """
    if segments < 1:
        raise ValueError(f"segments must be at least 1, got {segments}")
    return rng.multinomial(segments, np.full(segments, 1.0 / segments), size=replicates)


def percentile_interval(
    replicates: np.ndarray | Sequence[float],
    *,
    level: float = 0.95,
    axis: int = 0,
    centre: np.ndarray | Sequence[float] | float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The bootstrap percentile interval of each column of ``replicates`` (along ``axis``).

    With B replicates and ``alpha = 1 - level``, the interval runs from the k-th smallest to
    the k-th largest replicate, ``k = floor((B + 1) alpha / 2)`` (at least 1): Efron &
    Tibshirani's rule for percentiles that are not whole ranks (1993, sect. 12.5). NaN
    replicates (a statistic undefined in that replicate) are left out of B; a column of NaN
    only gives NaN.

    ``centre`` (the point estimates, one per column) first shifts each column of replicates
    so that their mean is the estimate: the replicates keep their spread and lose their
    bootstrap bias, ``mean(replicates) - estimate`` (Efron & Tibshirani 1993, ch. 10). Use it
    for a statistic that resampling pushes one way, such as a distance.

    References
    ----------
    Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall,
    ch. 10, 12-13.

    Examples
    --------
    >>> lo, hi = percentile_interval([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], level=0.8)
    >>> float(lo), float(hi)  # k = floor(12 * 0.1) = 1: the smallest and the largest
    (1.0, 9.0)
    >>> lo, hi = percentile_interval(np.arange(1.0, 40.0), level=0.9)
    >>> float(lo), float(hi)  # B = 39, k = floor(40 * 0.05) = 2
    (2.0, 38.0)
    >>> lo, hi = percentile_interval([2.0, 3.0, 4.0], level=0.5, centre=1.0)
    >>> float(lo), float(hi)  # the replicates' mean 3 is moved to 1
    (0.0, 2.0)
    """
    if not 0 < level < 1:
        raise ValueError(f"level must lie strictly between 0 and 1 (e.g. 0.95), got {level!r}")
    values = np.moveaxis(np.asarray(replicates, dtype=float), axis, 0)
    if values.shape[0] == 0:
        raise ValueError("percentile_interval needs at least one replicate")
    b = (~np.isnan(values)).sum(axis=0)
    if centre is not None:
        with np.errstate(invalid="ignore"):
            mean = np.nanmean(np.where(b > 0, values, 0.0), axis=0)
        values = values + (np.asarray(centre, dtype=float) - mean)
    ordered = np.sort(values, axis=0)  # NaN last
    # (the small constant keeps e.g. 40 * 0.05 = 1.9999999999999996 from rounding down to 1)
    k = np.maximum(np.floor((b + 1) * (1.0 - level) / 2.0 + 1e-9).astype(np.int64), 1)
    low_rank = np.minimum(k, np.maximum(b, 1)) - 1
    high_rank = np.maximum(b - k, 0)
    low = np.take_along_axis(ordered, low_rank[None, ...], axis=0)[0]
    high = np.take_along_axis(ordered, high_rank[None, ...], axis=0)[0]
    none = b == 0
    return np.where(none, np.nan, low), np.where(none, np.nan, high)


def _interval_or_none(replicates: np.ndarray, level: float) -> tuple[float | None, float | None]:
    low, high = percentile_interval(replicates, level=level)
    if np.isnan(low) or np.isnan(high):
        return None, None
    return float(low), float(high)


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        safe = np.where(denominator > 0, denominator, 1.0)
        return np.where(denominator > 0, numerator / safe, np.nan)


# --- vocabulary statistics ----------------------------------------------------------------------
