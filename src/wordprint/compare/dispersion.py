"""Dispersion: how evenly a term is spread over the parts of a corpus (Gries's DP).

Input is a term's frequency in each corpus part and the parts' sizes in tokens; for many terms
at once, a parts x terms matrix of counts. DP compares the share of the term's occurrences in
each part with the share of the corpus the part makes up:

    DP = 1/2 * sum_i |v_i / f - s_i|

with ``v_i`` the term's count in part i, ``f`` its total count and ``s_i`` the part's share of
all tokens. DP is 0 when the term is spread exactly in proportion to part sizes and approaches 1
when it is concentrated in a small part. Its maximum is ``1 - min(s_i)`` (all occurrences in
the smallest part), so DP_norm = DP / (1 - min(s_i)) reaches 1 exactly (Lijffijt & Gries 2012;
Gries 2008 divided by ``1 - 1/n``, which is the same only when all parts are equally large).

Scaling follows Gries: higher means *less* evenly dispersed. R's ``tlda`` defaults to the
reverse ("conventional") scaling, ``1 - DP``. A term that never occurs has no dispersion: its
DP is NaN.

References
----------
Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora. International Journal of
Corpus Linguistics 13(4), 403-437.

Lijffijt, J. & Gries, S. Th. (2012). Correction to Stefan Th. Gries' "Dispersions and adjusted
frequencies in corpora". International Journal of Corpus Linguistics 17(1), 147-149.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import numpy as np

MeasureName = Literal["dp", "dp_norm"]


def _inputs(counts, part_sizes) -> tuple[np.ndarray, np.ndarray]:
    counts = np.asarray(counts, dtype=float)
    sizes = np.asarray(part_sizes, dtype=float)
    if sizes.ndim != 1 or sizes.size < 2:
        raise ValueError(
            f"part_sizes must be a 1-D array with one size per corpus part (at least 2 parts), "
            f"got shape {sizes.shape}"
        )
    if not np.isfinite(sizes).all() or (sizes <= 0).any():
        raise ValueError("part_sizes must all be positive (the token count of each part)")
    if counts.ndim not in (1, 2) or counts.shape[0] != sizes.size:
        raise ValueError(
            f"counts must be parts x terms (or one count per part), with {sizes.size} rows to "
            f"match part_sizes; got shape {counts.shape}"
        )
    if not np.isfinite(counts).all() or (counts < 0).any():
        raise ValueError("counts must be non-negative finite frequencies")
    if (counts > (sizes if counts.ndim == 1 else sizes[:, None])).any():
        raise ValueError(
            "a count exceeds the size of its part: counts must be parts x terms, "
            "with part_sizes in tokens"
        )
    return counts, sizes


def _dp(counts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    shares = sizes / sizes.sum()
    if counts.ndim == 2:
        shares = shares[:, None]
    totals = counts.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        observed = counts / totals
    values = 0.5 * np.abs(observed - shares).sum(axis=0)
    return np.where(totals > 0, values, np.nan)


def dp(counts, part_sizes) -> np.ndarray | float:
    """Gries's DP (deviation of proportions) of each term over the corpus parts.

    ``counts`` is parts x terms (or a 1-D array of one term's count per part), ``part_sizes``
    the parts' token counts. Returns one DP per term (a float for a 1-D input), NaN for a term
    that never occurs.

    References
    ----------
    Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora. International
    Journal of Corpus Linguistics 13(4), 403-437.

    Examples
    --------
    >>> round(float(dp([2, 1, 0], [10, 10, 10])), 4)
    0.3333
    >>> dp([[3, 0], [3, 4]], [100, 100]).tolist()
    [0.0, 0.5]
    """
    counts, sizes = _inputs(counts, part_sizes)
    values = _dp(counts, sizes)
    return float(values) if counts.ndim == 1 else values


def dp_norm(counts, part_sizes) -> np.ndarray | float:
    """DP divided by its maximum ``1 - min(s_i)``, so that it spans 0 to 1 exactly.

    The correction of Lijffijt & Gries (2012): the largest DP a term can reach is when all its
    occurrences fall in the smallest part. Same inputs and outputs as :func:`dp`.

    References
    ----------
    Lijffijt, J. & Gries, S. Th. (2012). Correction to Stefan Th. Gries' "Dispersions and
    adjusted frequencies in corpora". International Journal of Corpus Linguistics 17(1),
    147-149.

    Examples
    --------
    >>> round(float(dp_norm([2, 1, 0], [10, 10, 10])), 4)
    0.5
    """
    counts, sizes = _inputs(counts, part_sizes)
    values = _dp(counts, sizes) / (1.0 - sizes.min() / sizes.sum())
    return float(values) if counts.ndim == 1 else values


MEASURES: dict[str, Callable[..., np.ndarray | float]] = {"dp": dp, "dp_norm": dp_norm}


def dispersion(counts, part_sizes, *, measure: MeasureName = "dp") -> np.ndarray | float:
    """Dispersion of each term by a measure named in ``MEASURES`` (``dp`` or ``dp_norm``).

    Examples
    --------
    >>> float(dispersion([5, 5], [50, 50], measure="dp_norm"))
    0.0
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {sorted(MEASURES)}, got {measure!r}")
    return MEASURES[measure](counts, part_sizes)
