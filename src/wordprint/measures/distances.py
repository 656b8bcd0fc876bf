"""Stylometric distances: the Delta family and general measures, one registry by name.

Input is a documents x features table of relative frequencies (each row one document's counts
of the most frequent words divided by its total token count), columns in MFW rank order (most
frequent first: Eder's Delta weighs by rank). Every Delta applies its own normalisation to the
raw table, so ``distance_matrix(X, measure="burrows")`` is all a caller needs. Everything is
matrix algebra or scipy's ``cdist``: no Python loop over document pairs.

Definitions follow the R package stylo (``R/dist.*.R``, ``R/perform.delta.R``, version 0.7.x)
for parity with its published numbers, checked against pydelta (``delta/deltas.py``) and Evert
et al. (2017).

Where we differ
---------------
- **Scaling.** As stylo, only ``burrows`` and ``argamon_quadratic`` divide by the number of
  features; ``manhattan``, ``euclidean``, ``eder`` and ``eder_simple`` do not. pydelta divides
  its Manhattan distance, and so its Eder and Eder's Simple Delta, by the number of features.
- **Eder's weights.** stylo multiplies the z-score of the word of rank i (of n) by
  (n - i + 2) / n, i.e. (n+1)/n, n/n, ..., 2/n (``(1+n:1)/n`` in R); pydelta's ``eder_std``
  uses (n - i + 1) / n, i.e. n/n, ..., 1/n. We follow stylo.
- **Argamon's Quadratic Delta.** stylo's ``dist.argamon`` is the Euclidean distance of z-scores
  divided by the number of features n; Argamon (2008) and pydelta (``quadratic``) use the
  squared Euclidean distance without division. We follow stylo: pydelta's value is
  ``(n * ours) ** 2``, a monotone transform with the same nearest neighbours.
- **Argamon's Linear Delta** is not in stylo; we follow Argamon (2008) and pydelta: Manhattan
  distance after dividing each feature by its Laplace spread (mean absolute deviation from the
  median), without division by n.
- **Zero-variance features.** stylo's ``scale()`` gives NaN for a constant column and R's
  ``dist()`` then drops the column and rescales the sum by n / (n - dropped); pydelta gives
  NaN. We set such z-scores (and Laplace-scaled values) to 0, so the feature adds nothing and
  the sum is not rescaled: Burrows's Delta is then (sum over informative features) / n.
- **Canberra.** Terms where both documents have 0 are skipped and the sum rescaled by
  n / (terms used), as R's ``dist(method = "canberra")`` that stylo calls; scipy and pydelta
  count those terms as 0 without rescaling.
- **Test against training sets.** ``cross_distances`` takes every corpus statistic (means and
  standard deviations, Laplace spreads, column entropies) from the training table, the
  classic choice (Burrows 2002) and the default of stylo's ``classify()``
  (``z.scores.of.all.samples = FALSE``). stylo's ``perform.delta()`` and ``crossv()`` default
  to z-scores over training and test sets together; pass that ``mean`` and ``std`` to get it.
  stylo's ``dist.entropy`` always uses both sets.
- **Units.** stylo's tables hold percentages, ours fractions. All Deltas, ``cosine``,
  ``canberra`` and ``minmax`` are unit-free; ``manhattan`` and ``euclidean`` scale by 100 and
  ``eder_simple`` by 10; ``entropy`` (log(x + 2)) is not scale-invariant at all: pass
  ``100 * X`` to reproduce stylo's entropy distances.
- **Cosine of an all-zero row** is taken as similarity 0 (distance 1); scipy gives NaN.

References
----------
Evert, S., Proisl, T., Jannidis, F., Reger, I., Pielström, S., Schöch, C. & Vitt, T. (2017).
Understanding and explaining Delta measures for authorship attribution. Digital Scholarship
in the Humanities 32(suppl. 2), ii4-ii16.

Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for computational
text analysis. The R Journal 8(1), 107-121.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.spatial.distance import cdist

MeasureName = Literal[
    "burrows",
    "argamon_linear",
    "argamon_quadratic",
    "eder",
    "eder_simple",
    "cosine_delta",
    "manhattan",
    "euclidean",
    "cosine",
    "canberra",
    "minmax",
    "entropy",
]

# z-score parameters (mean, std) of the reference set, or None to estimate them from it.
ZParams = tuple[np.ndarray, np.ndarray] | None

TERNARY_THRESHOLD = 0.43
"""Evert et al. (2017), pydelta ``ternarize``: Phi^-1(2/3) = 0.4307 cuts a standard normal into
three equally likely parts."""


# --- normalisations ----------------------------------------------------------------------------


def z_score(
    X: np.ndarray, *, mean: np.ndarray | None = None, std: np.ndarray | None = None
) -> np.ndarray:
    """Column z-scores: (x - mean) / std, std with ddof=1 as R's ``sd()`` (stylo) and pandas.

    ``mean`` and ``std`` (one value per column, given together) let a test set be scored with a
    training set's parameters. A column whose std is 0 gets z = 0 in every row, test rows
    included: a feature that does not vary in the reference set carries no information (stylo
    would give NaN, see the module notes).

    References
    ----------
    Burrows, J. (2002). 'Delta': a measure of stylistic difference and a guide to likely
    authorship. Literary and Linguistic Computing 17(3), 267-287.

    Examples
    --------
    >>> z_score(np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]])).tolist()
    [[-1.0, 0.0], [0.0, 0.0], [1.0, 0.0]]
    """
    X = np.asarray(X, dtype=float)
    if (mean is None) != (std is None):
        raise ValueError("mean and std must be given together (both or neither)")
    if mean is None or std is None:
        if X.shape[0] < 2:
            raise ValueError(
                f"z-scores need at least 2 documents to estimate a standard deviation, "
                f"got {X.shape[0]}; pass mean and std from a training set"
            )
        mean, std = X.mean(axis=0), X.std(axis=0, ddof=1)
    else:
        mean = _feature_vector(mean, "mean", X.shape[1])
        std = _feature_vector(std, "std", X.shape[1])
        if (std < 0).any():
            raise ValueError("std must be non-negative")
    varies = std > 0
    return np.where(varies, (X - mean) / np.where(varies, std, 1.0), 0.0)


def eder_weights(n_features: int) -> np.ndarray:
    """Eder's rank weights as stylo's ``dist.eder``: (n+1)/n, n/n, ..., 2/n for ranks 1..n.

    References
    ----------
    Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for
    computational text analysis. The R Journal 8(1), 107-121.

    Examples
    --------
    >>> eder_weights(4).tolist()
    [1.25, 1.0, 0.75, 0.5]
    """
    if n_features < 1:
        raise ValueError(f"n_features must be at least 1, got {n_features}")
    return np.arange(n_features + 1, 1, -1) / n_features


def laplace_spread(X: np.ndarray) -> np.ndarray:
    """Per column, the Laplace scale estimate: mean absolute deviation from the median.

    References
    ----------
    Argamon, S. (2008). Interpreting Burrows's Delta: geometric and probabilistic foundations.
    Literary and Linguistic Computing 23(2), 131-147.

    Examples
    --------
    >>> laplace_spread(np.array([[0.0], [1.0], [5.0]])).tolist()
    [1.6666666666666667]
    """
    X = np.asarray(X, dtype=float)
    return np.abs(X - np.median(X, axis=0)).mean(axis=0)


def l1(X: np.ndarray) -> np.ndarray:
    """Each row divided by its sum of absolute values (an all-zero row stays zero).

    References
    ----------
    Evert et al. (2017), section on vector normalisation (see module references).

    Examples
    --------
    >>> l1(np.array([[1.0, -3.0], [0.0, 0.0]])).tolist()
    [[0.25, -0.75], [0.0, 0.0]]
    """
    return _rows_over(np.asarray(X, dtype=float), np.abs(X).sum(axis=1))


def l2(X: np.ndarray) -> np.ndarray:
    """Each row divided by its Euclidean length (an all-zero row stays zero).

    Evert et al. (2017) show this vector-length normalisation is what makes Cosine Delta work.

    References
    ----------
    Evert et al. (2017) (see module references).

    Examples
    --------
    >>> l2(np.array([[3.0, 4.0]])).tolist()
    [[0.6, 0.8]]
    """
    X = np.asarray(X, dtype=float)
    return _rows_over(X, np.sqrt((X * X).sum(axis=1)))


def binarize(X: np.ndarray) -> np.ndarray:
    """1 where a feature occurs (value > 0), else 0 (pydelta ``binarize``).

    References
    ----------
    Evert et al. (2017) (see module references).

    Examples
    --------
    >>> binarize(np.array([[0.0, 0.2]])).tolist()
    [[0.0, 1.0]]
    """
    return (np.asarray(X, dtype=float) > 0).astype(float)


def clamp(Z: np.ndarray, *, lower: float = -1.0, upper: float = 1.0) -> np.ndarray:
    """Clip z-scores to [lower, upper] (pydelta ``clamp``), limiting extreme values.

    References
    ----------
    Evert et al. (2017) (see module references).

    Examples
    --------
    >>> clamp(np.array([-2.5, 0.3, 4.0])).tolist()
    [-1.0, 0.3, 1.0]
    """
    if not lower < upper:
        raise ValueError(f"lower must be below upper, got lower={lower}, upper={upper}")
    return np.clip(np.asarray(Z, dtype=float), lower, upper)


def ternarize(Z: np.ndarray, *, threshold: float = TERNARY_THRESHOLD) -> np.ndarray:
    """Z-scores to -1 (z < -threshold), +1 (z > threshold) or 0, as Evert et al. (2017).

    The default 0.43 makes the three values equally likely under a standard normal. pydelta
    (``ternarize``) leaves a value of exactly +0.43 unchanged; here it becomes 0.

    References
    ----------
    Evert et al. (2017) (see module references).

    Examples
    --------
    >>> ternarize(np.array([-0.5, 0.43, 0.2, 1.7])).tolist()
    [-1.0, 0.0, 0.0, 1.0]
    """
    if threshold < 0:
        raise ValueError(f"threshold must be non-negative, got {threshold}")
    Z = np.asarray(Z, dtype=float)
    return np.sign(Z) * (np.abs(Z) > threshold)


# --- measures: each maps (A, B, z_params) to the len(A) x len(B) distances; B is the reference
# set whose statistics (means, stds, spreads, entropies) normalise both. -----------------------


def _z_pair(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> tuple[np.ndarray, np.ndarray]:
    if z_params is None:
        if B.shape[0] < 2:
            raise ValueError(
                "z-scores need a reference set of at least 2 documents; pass mean and std"
            )
        z_params = (B.mean(axis=0), B.std(axis=0, ddof=1))
    mean, std = z_params
    return z_score(A, mean=mean, std=std), z_score(B, mean=mean, std=std)


def _cosine(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    # Matrix algebra rather than cdist: an all-zero row gets similarity 0 instead of NaN.
    return np.clip(1.0 - l2(A) @ l2(B).T, 0.0, 2.0)


def _burrows(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    ZA, ZB = _z_pair(A, B, z_params)
    return cdist(ZA, ZB, "cityblock") / A.shape[1]


def _argamon_linear(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    spread = laplace_spread(B)
    varies = spread > 0
    scale = np.where(varies, spread, 1.0)
    return cdist(np.where(varies, A / scale, 0.0), np.where(varies, B / scale, 0.0), "cityblock")


def _argamon_quadratic(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    ZA, ZB = _z_pair(A, B, z_params)
    return cdist(ZA, ZB, "euclidean") / A.shape[1]


def _eder(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    ZA, ZB = _z_pair(A, B, z_params)
    w = eder_weights(A.shape[1])
    return cdist(ZA * w, ZB * w, "cityblock")


def _eder_simple(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    return cdist(np.sqrt(A), np.sqrt(B), "cityblock")


def _cosine_delta(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    return _cosine(*_z_pair(A, B, z_params))


def _manhattan(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    return cdist(A, B, "cityblock")


def _euclidean(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    return cdist(A, B, "euclidean")


def _cosine_raw(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    return _cosine(A, B)


def _canberra(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    # scipy counts 0/0 terms as 0; R skips them and rescales the sum to all n features.
    n = A.shape[1]
    both_zero = (A == 0).astype(float) @ (B == 0).astype(float).T
    used = n - both_zero
    return np.where(used > 0, cdist(A, B, "canberra") * n / np.maximum(used, 1.0), 0.0)


def _minmax(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    # min(a, b) = (a + b - |a - b|) / 2 and max(a, b) = (a + b + |a - b|) / 2, so
    # 1 - sum(min) / sum(max) = 2 L1 / (sum(a) + sum(b) + L1): one cdist, no pair loop.
    L1 = cdist(A, B, "cityblock")
    denominator = A.sum(axis=1)[:, None] + B.sum(axis=1)[None, :] + L1
    return np.divide(2.0 * L1, denominator, out=np.zeros_like(L1), where=denominator > 0)


def _entropy(A: np.ndarray, B: np.ndarray, z_params: ZParams) -> np.ndarray:
    # stylo's dist.entropy: each feature's (x + 1) shares across documents give an entropy H;
    # documents are compared on log(x + 2) / H.
    if B.shape[0] < 2:
        raise ValueError("the entropy distance needs a reference set of at least 2 documents")
    shares = (B + 1.0) / (B + 1.0).sum(axis=0)
    H = -(shares * np.log(shares)).sum(axis=0)
    return cdist(np.log(A + 2.0) / H, np.log(B + 2.0) / H, "cityblock")


@dataclass(frozen=True)
class Measure:
    """A registered distance: ``function(A, B, z_params)`` gives the len(A) x len(B) distances
    with B as the reference set (``z_params`` = (mean, std) or None to estimate from B)."""

    function: Callable[[np.ndarray, np.ndarray, ZParams], np.ndarray]
    label: str  # short, for axis titles: "Cosine Delta"
    name: str
    reference: str
    uses_z_scores: bool


_BURROWS = (
    "Burrows, J. (2002). 'Delta': a measure of stylistic difference and a guide to likely "
    "authorship. Literary and Linguistic Computing 17(3), 267-287."
)
_ARGAMON = (
    "Argamon, S. (2008). Interpreting Burrows's Delta: geometric and probabilistic foundations. "
    "Literary and Linguistic Computing 23(2), 131-147."
)
_STYLO = (
    "Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for "
    "computational text analysis. The R Journal 8(1), 107-121."
)
_EVERT = (
    "Evert, S., Proisl, T., Jannidis, F., Reger, I., Pielström, S., Schöch, C. & Vitt, T. "
    "(2017). Understanding and explaining Delta measures for authorship attribution. Digital "
    "Scholarship in the Humanities 32(suppl. 2), ii4-ii16."
)

MEASURES: dict[str, Measure] = {
    "burrows": Measure(
        _burrows,
        "Classic Delta",
        "Burrows's Delta (Classic Delta): mean absolute difference of z-scores",
        _BURROWS,
        True,
    ),
    "argamon_linear": Measure(
        _argamon_linear,
        "Argamon's Linear Delta",
        "Argamon's Linear Delta: Manhattan distance over Laplace spreads",
        _ARGAMON,
        False,
    ),
    "argamon_quadratic": Measure(
        _argamon_quadratic,
        "Argamon's Quadratic Delta",
        "Argamon's Quadratic Delta as stylo: Euclidean distance of z-scores / features",
        f"{_ARGAMON} As implemented in stylo's dist.argamon: {_STYLO}",
        True,
    ),
    "eder": Measure(
        _eder,
        "Eder's Delta",
        "Eder's Delta: Manhattan distance of rank-weighted z-scores",
        f"{_STYLO} {_EVERT}",
        True,
    ),
    "eder_simple": Measure(
        _eder_simple,
        "Eder's Simple Delta",
        "Eder's Simple Delta: Manhattan distance of square-root frequencies",
        f"{_STYLO} {_EVERT}",
        False,
    ),
    "cosine_delta": Measure(
        _cosine_delta,
        "Cosine Delta",
        "Cosine Delta (Würzburg Delta): cosine distance of z-scores",
        "Smith, P. W. H. & Aldridge, W. (2011). Improving authorship attribution: optimizing "
        f"Burrows' Delta method. Journal of Quantitative Linguistics 18(1), 63-88. {_EVERT}",
        True,
    ),
    "manhattan": Measure(
        _manhattan,
        "Manhattan distance",
        "Manhattan distance of relative frequencies",
        f"{_EVERT} {_STYLO}",
        False,
    ),
    "euclidean": Measure(
        _euclidean,
        "Euclidean distance",
        "Euclidean distance of relative frequencies",
        f"{_EVERT} {_STYLO}",
        False,
    ),
    "cosine": Measure(
        _cosine_raw,
        "Cosine distance",
        "Cosine distance of relative frequencies",
        "Salton, G. & McGill, M. J. (1983). Introduction to Modern Information Retrieval. "
        f"McGraw-Hill. {_STYLO}",
        False,
    ),
    "canberra": Measure(
        _canberra,
        "Canberra distance",
        "Canberra distance of relative frequencies",
        "Lance, G. N. & Williams, W. T. (1967). Mixed-data classificatory programs I. "
        f"Agglomerative systems. Australian Computer Journal 1(1), 15-20. {_STYLO}",
        False,
    ),
    "minmax": Measure(
        _minmax,
        "MinMax distance",
        "MinMax (Ruzicka) distance: 1 - sum(min) / sum(max)",
        "Koppel, M. & Winter, Y. (2014). Determining if two documents are written by the same "
        "author. Journal of the Association for Information Science and Technology 65(1), "
        f"178-187. {_STYLO}",
        False,
    ),
    "entropy": Measure(
        _entropy,
        "Entropy distance",
        "Entropy distance (stylo dist.entropy): Manhattan on log(x + 2) / feature entropy",
        f"stylo's dist.entropy, no published source given there: {_STYLO}",
        False,
    ),
}


# --- public entry points -----------------------------------------------------------------------


def distance_matrix(
    X: np.ndarray,
    *,
    measure: MeasureName,
    mean: np.ndarray | None = None,
    std: np.ndarray | None = None,
) -> np.ndarray:
    """Symmetric documents x documents distance matrix with a zero diagonal.

    ``X`` holds relative frequencies (documents x features, non-negative, columns in MFW rank
    order). ``measure`` is a key of :data:`MEASURES`: ``burrows``, ``argamon_linear``,
    ``argamon_quadratic``, ``eder``, ``eder_simple``, ``cosine_delta``, ``manhattan``,
    ``euclidean``, ``cosine``, ``canberra``, ``minmax``, ``entropy``. The corpus statistics come
    from ``X`` itself; ``mean`` and ``std`` (measures using z-scores only) replace the z-score
    parameters, e.g. with a training set's. See the module notes for where we differ from stylo
    and pydelta.

    References
    ----------
    Each measure's reference is in ``MEASURES[name].reference``; the family is analysed in
    Evert, S. et al. (2017). Understanding and explaining Delta measures for authorship
    attribution. Digital Scholarship in the Humanities 32(suppl. 2), ii4-ii16.

    Examples
    --------
    >>> X = np.array([[0.10, 0.15], [0.20, 0.05], [0.30, 0.10]])
    >>> distance_matrix(X, measure="burrows").round(3).tolist()
    [[0.0, 1.5, 1.5], [1.5, 0.0, 1.0], [1.5, 1.0, 0.0]]
    """
    X = _table(X, "X")
    D = _function(measure, mean, std)(X, X, _z_params(mean, std, X.shape[1]))
    # cdist of a table with itself is symmetric up to rounding (cosine); make it exact.
    D = np.maximum((D + D.T) / 2.0, 0.0)
    np.fill_diagonal(D, 0.0)
    return D


def cross_distances(
    A: np.ndarray,
    B: np.ndarray,
    *,
    measure: MeasureName,
    mean: np.ndarray | None = None,
    std: np.ndarray | None = None,
) -> np.ndarray:
    """Distances from each row of ``A`` (test documents) to each row of ``B`` (training set).

    Returns a len(A) x len(B) array. Corpus statistics (means and stds for z-scores, Laplace
    spreads, feature entropies) come from ``B`` only, as Burrows (2002) and stylo's
    ``classify()`` default; pass ``mean`` and ``std`` to z-score both sets with other
    parameters (stylo's ``perform.delta()`` default uses training and test sets together).

    References
    ----------
    Burrows, J. (2002). 'Delta': a measure of stylistic difference and a guide to likely
    authorship. Literary and Linguistic Computing 17(3), 267-287.

    Examples
    --------
    >>> B = np.array([[0.10, 0.15], [0.20, 0.05], [0.30, 0.10]])
    >>> cross_distances(np.array([[0.20, 0.10]]), B, measure="burrows").round(3).tolist()
    [[1.0, 0.5, 0.5]]
    """
    A, B = _table(A, "A"), _table(B, "B")
    if A.shape[1] != B.shape[1]:
        raise ValueError(
            f"A and B must have the same features (columns), got {A.shape[1]} and {B.shape[1]}"
        )
    return np.maximum(_function(measure, mean, std)(A, B, _z_params(mean, std, B.shape[1])), 0.0)


# --- validation helpers ------------------------------------------------------------------------


def _function(
    measure: str, mean: np.ndarray | None, std: np.ndarray | None
) -> Callable[[np.ndarray, np.ndarray, ZParams], np.ndarray]:
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    if (mean is not None or std is not None) and not MEASURES[measure].uses_z_scores:
        z_measures = [name for name, m in MEASURES.items() if m.uses_z_scores]
        raise ValueError(
            f"mean and std apply only to measures using z-scores ({', '.join(z_measures)}), "
            f"not to {measure!r}"
        )
    return MEASURES[measure].function


def _z_params(mean: np.ndarray | None, std: np.ndarray | None, n_features: int) -> ZParams:
    if mean is None and std is None:
        return None
    if mean is None or std is None:
        raise ValueError("mean and std must be given together (both or neither)")
    return _feature_vector(mean, "mean", n_features), _feature_vector(std, "std", n_features)


def _feature_vector(values: np.ndarray, name: str, n_features: int) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    if values.shape != (n_features,):
        raise ValueError(
            f"{name} must hold one value per feature ({n_features}), got shape {values.shape}"
        )
    if not np.isfinite(values).all():
        raise ValueError(f"{name} must be finite")
    return values


def _table(X: np.ndarray, name: str) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError(
            f"{name} must be a non-empty 2-D array (documents x features), got shape {X.shape}"
        )
    if not np.isfinite(X).all():
        raise ValueError(f"{name} must hold finite relative frequencies; found NaN or infinity")
    if (X < 0).any():
        raise ValueError(
            f"{name} must hold relative frequencies (non-negative); found a negative value"
        )
    return X


def _rows_over(X: np.ndarray, norms: np.ndarray) -> np.ndarray:
    return np.divide(X, norms[:, None], out=np.zeros_like(X), where=norms[:, None] > 0)
