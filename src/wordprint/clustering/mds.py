"""Classical multidimensional scaling: a map of documents from their distances."""

from __future__ import annotations

import numpy as np
from scipy import linalg

__all__ = ["classical_mds"]


def classical_mds(distances: np.ndarray, *, dimensions: int = 2) -> np.ndarray:
    """Classical (Torgerson 1952) MDS of a distance matrix, as R's ``cmdscale`` used by stylo.

    The coordinates are the top eigenvectors of the double-centred squared distances, scaled by
    the square roots of their eigenvalues (a negative eigenvalue, from distances no Euclidean
    map can hold, gives a flat axis). This is scikit-learn's ``ClassicalMDS`` (equal in the
    tests) in a few lines of scipy: the map's job then does not import scikit-learn (1.3 s).
    Each axis is oriented so its largest absolute coordinate is positive, which makes the map
    deterministic (eigenvectors have no sign of their own).

    References
    ----------
    Torgerson, W. S. (1952). Multidimensional scaling: I. Theory and method. Psychometrika
    17(4), 401-419.
    """
    n = len(distances)
    if n <= dimensions:
        return np.zeros((n, dimensions))
    B = np.asarray(distances, dtype=float) ** 2
    B -= B.mean(axis=0)
    B -= B.mean(axis=1, keepdims=True)
    B *= -0.5
    values, vectors = linalg.eigh(B, subset_by_index=[n - dimensions, n - 1])
    coords = vectors[:, ::-1] * np.sqrt(np.maximum(values[::-1], 0.0))
    signs = np.sign(coords[np.abs(coords).argmax(axis=0), range(dimensions)])
    return coords * np.where(signs == 0, 1, signs)
