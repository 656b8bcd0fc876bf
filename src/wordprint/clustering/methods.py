"""Flat clusters of a distance matrix by a method's name: R's hierarchical linkages cut into
``k`` clusters, or k-medoids.

Clustering methods (``METHODS``): R's hierarchical linkages (:data:`wordprint.clustering.hierarchy.LINKAGES`,
the tree cut into ``k`` flat clusters) and ``kmedoids``, partitioning around medoids (PAM,
Kaufman & Rousseeuw 1990) with FasterPAM (Schubert & Rousseeuw 2021), as Evert et al. (2017)
cluster.

References
----------
Kaufman, L. & Rousseeuw, P. J. (1990). Finding Groups in Data: An Introduction to Cluster
Analysis. New York: Wiley.

Schubert, E. & Rousseeuw, P. J. (2021). Fast and eager k-medoids clustering: O(k) runtime
improvement of the PAM, CLARA, and CLARANS algorithms. Information Systems 101, 101804.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from wordprint.clustering.hierarchy import LINKAGES, flat_clusters, hierarchical
from wordprint.clustering.kmedoids import k_medoids

__all__ = ["METHODS", "cluster_labels"]


def _hierarchical_method(name: str) -> Callable[[np.ndarray, int], np.ndarray]:
    return lambda d, k: flat_clusters(hierarchical(d, method=name), k=k)


#: Clustering methods by name: ``method(distances, k)`` gives cluster numbers from 1.
METHODS: dict[str, Callable[[np.ndarray, int], np.ndarray]] = {
    **{name: _hierarchical_method(name) for name in LINKAGES},
    "kmedoids": lambda d, k: k_medoids(d, k=k).clusters,
}

def cluster_labels(distances: np.ndarray, *, method: str, k: int) -> np.ndarray:
    """Flat clusters (numbered from 1) of a distance matrix by a :data:`METHODS` name.

    Examples
    --------
    >>> D = np.array([[0, 1, 9, 9], [1, 0, 9, 9], [9, 9, 0, 1], [9, 9, 1, 0]], dtype=float)
    >>> cluster_labels(D, method="kmedoids", k=2).tolist()
    [1, 1, 2, 2]
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    n = len(distances)
    return np.asarray(METHODS[method](np.asarray(distances, dtype=float), max(1, min(k, n))))
