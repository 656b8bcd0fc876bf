"""Hierarchical clustering: the tree (R's linkages), its flat cuts and leaf order, as tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np
from scipy.cluster import hierarchy
from scipy.spatial.distance import squareform

from wordprint.clustering.mds import classical_mds

Linkage = Literal["ward.D", "ward.D2", "average", "complete", "single"]


def _condensed(distances: np.ndarray) -> np.ndarray:
    return squareform(np.asarray(distances, dtype=float), checks=False)


def _ward_d(condensed: np.ndarray) -> np.ndarray:
    # R's hclust "ward.D" applies Ward's update to the distances as given (stylo's default on
    # Delta). scipy's "ward" is R's "ward.D2", which squares them first; so ward.D on d is
    # scipy's ward on sqrt(d), with merge heights squared back.
    Z = hierarchy.linkage(np.sqrt(condensed), method="ward")
    Z[:, 2] **= 2
    return Z


LINKAGES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "ward.D": _ward_d,
    "ward.D2": lambda d: hierarchy.linkage(d, method="ward"),
    "average": lambda d: hierarchy.linkage(d, method="average"),
    "complete": lambda d: hierarchy.linkage(d, method="complete"),
    "single": lambda d: hierarchy.linkage(d, method="single"),
}


def hierarchical(distances: np.ndarray, *, method: Linkage = "ward.D") -> np.ndarray:
    """Agglomerative clustering of a square distance matrix; returns a scipy linkage matrix.

    ``method`` takes R's names: ``ward.D`` (Ward 1963 applied to unsquared distances, as R's
    ``hclust`` and stylo), ``ward.D2`` (Ward on squared distances, Murtagh & Legendre 2014,
    scipy's ``ward``), ``average``, ``complete``, ``single``.

    References
    ----------
    Murtagh, F. & Legendre, P. (2014). Ward's hierarchical agglomerative clustering method:
    which algorithms implement Ward's criterion? Journal of Classification 31, 274-295.

    Examples
    --------
    >>> D = np.array([[0, 1, 4], [1, 0, 4], [4, 4, 0]], dtype=float)
    >>> hierarchical(D, method="average")[:, :3].tolist()
    [[0.0, 1.0, 1.0], [2.0, 3.0, 4.0]]
    """
    if method not in LINKAGES:
        raise ValueError(f"unknown linkage {method!r}; choose one of {', '.join(LINKAGES)}")
    return LINKAGES[method](_condensed(distances))


def flat_clusters(linkage_matrix: np.ndarray, *, k: int) -> np.ndarray:
    """Cut a tree into at most ``k`` clusters; cluster numbers start at 1."""
    return hierarchy.fcluster(linkage_matrix, t=k, criterion="maxclust")


def leaf_order(linkage_matrix: np.ndarray) -> list[int]:
    """Documents in the order of the dendrogram's leaves."""
    return [int(i) for i in hierarchy.leaves_list(linkage_matrix)]


def cluster_analysis(
    distances: np.ndarray, *, method: Linkage = "ward.D", k: int
) -> dict[str, np.ndarray]:
    """Tree, flat clusters, leaf positions and a 2-D classical MDS map of one distance matrix."""
    tree = hierarchical(distances, method=method)
    position = np.empty(len(distances), dtype=int)
    position[leaf_order(tree)] = np.arange(len(distances))
    return {
        "linkage": tree,
        "clusters": flat_clusters(tree, k=min(k, len(distances))),
        "leaf_position": position,
        "mds": classical_mds(distances),
    }


def cluster_rows(
    ids: Sequence[str],
    views: Sequence[str],
    groups: Sequence[str],
    labels: Sequence[str],
    result: dict[str, np.ndarray],
) -> tuple[list[str], list[list]]:
    """The per-sample table of a :func:`cluster_analysis` result."""
    header = ["id", "view", "group", "label", "cluster", "leaf_position", "mds_1", "mds_2"]
    rows = [
        [i, v, g, lab, int(c), int(p), float(x), float(y)]
        for i, v, g, lab, c, p, (x, y) in zip(
            ids, views, groups, labels, result["clusters"], result["leaf_position"], result["mds"]
        )
    ]
    return header, rows


def merge_rows(ids: Sequence[str], linkage_matrix: np.ndarray) -> tuple[list[str], list[list]]:
    """A dendrogram as a table: each merge with the names of what it joins and its height.

    Leaves are named by document id, earlier merges ``merge_<k>`` (numbered from 1).
    """
    n = len(ids)
    names = list(ids) + [f"merge_{k + 1}" for k in range(len(linkage_matrix))]
    rows = [
        [f"merge_{k + 1}", names[int(left)], names[int(right)], float(height), int(size)]
        for k, (left, right, height, size) in enumerate(linkage_matrix)
    ]
    assert len(names) == 2 * n - 1
    return ["merge", "left", "right", "height", "size"], rows
