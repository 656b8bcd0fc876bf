"""Measures composed with a normalisation of the feature vectors, as Evert et al. (2017) and
pydelta compose them: :func:`normalised_distances` (normalisation + measure, by name).

Normalisations (``NORMALISATIONS``), applied before the measure:

- ``none``: the measure on the relative frequencies, as everywhere else in wordprint.
- ``binarize``: presence (1) or absence (0) of each feature, then the measure (a z-scoring
  measure z-scores the 0/1 values).
- ``l1``, ``l2``: vector-length normalisation of each document. For the measures that z-score
  (the Deltas but Argamon's Linear and Eder's Simple) it is applied to the document's vector of
  **z-scores**, as Evert et al. (2017) do: Burrows's Delta on L2-normalised z-scores is close to
  Cosine Delta. For the other measures to the vector of relative frequencies.
- ``clamp`` (z-scores clipped to [-1, 1]) and ``ternarize`` (z-scores to -1, 0, +1 at
  |z| > 0.43) act on z-scores, so only the measures that z-score take them; other pairs are
  not defined and are left out of the grid (:func:`applicable`).

The normalised z-scores are handed to the measure as its z-scores (its own z-scoring is
switched off by passing mean 0 and standard deviation 1), so a measure's weighting (Eder's
ranks) and metric (Manhattan, Euclidean, cosine) stay as registered in
:mod:`wordprint.measures.distances`.

References
----------
Evert, S., Proisl, T., Jannidis, F., Reger, I., Pielström, S., Schöch, C. & Vitt, T. (2017).
Understanding and explaining Delta measures for authorship attribution. Digital Scholarship in
the Humanities 32(suppl. 2), ii4-ii16.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from wordprint.measures.distances import (
    MEASURES,
    binarize,
    clamp,
    distance_matrix,
    l1,
    l2,
    ternarize,
    z_score,
)

__all__ = ["NORMALISATIONS", "applicable", "normalised_distances"]

#: Normalisations by name: (function, acts on z-scores only).
NORMALISATIONS: dict[str, tuple[Callable[[np.ndarray], np.ndarray] | None, bool]] = {
    "none": (None, False),
    "binarize": (binarize, False),
    "l1": (l1, False),
    "l2": (l2, False),
    "clamp": (clamp, True),
    "ternarize": (ternarize, True),
}


def applicable(measure: str, normalisation: str) -> bool:
    """Whether the normalisation is defined for the measure (z-score ones need a z-scoring one).

    Examples
    --------
    >>> applicable("burrows", "clamp"), applicable("minmax", "clamp"), applicable("minmax", "l2")
    (True, False, True)
    """
    if normalisation not in NORMALISATIONS:
        raise ValueError(
            f"unknown normalisation {normalisation!r}; choose one of {', '.join(NORMALISATIONS)}"
        )
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    return MEASURES[measure].uses_z_scores or not NORMALISATIONS[normalisation][1]


def normalised_distances(X: np.ndarray, *, measure: str, normalisation: str = "none") -> np.ndarray:
    """Distance matrix of ``measure`` after ``normalisation`` (see the module notes).

    References
    ----------
    Evert et al. (2017), sections on vector normalisation and ternarisation (see module
    references).

    Examples
    --------
    >>> X = np.array([[0.10, 0.15], [0.20, 0.05], [0.30, 0.10]])
    >>> # z-scores: [-1, 1], [0, -1], [1, 0]; clamping changes nothing here
    >>> normalised_distances(X, measure="burrows", normalisation="clamp").round(3).tolist()
    [[0.0, 1.5, 1.5], [1.5, 0.0, 1.0], [1.5, 1.0, 0.0]]
    """
    if not applicable(measure, normalisation):
        raise ValueError(
            f"normalisation {normalisation!r} acts on z-scores, which measure {measure!r} "
            "does not use; choose none, binarize, l1 or l2 for it"
        )
    function, _ = NORMALISATIONS[normalisation]
    X = np.asarray(X, dtype=float)
    if function is None:
        return distance_matrix(X, measure=measure)
    if normalisation == "binarize" or not MEASURES[measure].uses_z_scores:
        return distance_matrix(function(X), measure=measure)
    # Normalised z-scores lie in [-1, 1]: shift them into the non-negative range the measures
    # accept and undo the shift with the measure's own z-scoring (mean 1, std 1).
    Z = function(z_score(X))
    ones = np.ones(X.shape[1])
    return distance_matrix(Z + 1.0, measure=measure, mean=ones, std=ones)
