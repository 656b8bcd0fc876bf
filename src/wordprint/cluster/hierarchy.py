"""Hierarchical clustering, flat cuts, classical MDS and cluster-quality scores."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np
from scipy import linalg
from scipy.cluster import hierarchy
from scipy.spatial.distance import squareform

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


def purity(labels: Sequence[str], clusters: Sequence[int]) -> float:
    """Share of documents whose cluster's majority label is their own (Manning et al. 2008, 16.3)."""
    from sklearn import metrics

    table = metrics.cluster.contingency_matrix(labels, clusters)
    return float(table.max(axis=0).sum() / table.sum())


def nearest_neighbour_accuracy(
    distances: np.ndarray, labels: Sequence[str], *, documents: Sequence[str] | None = None
) -> float:
    """Leave-one-out 1-NN accuracy: share of samples whose nearest other sample shares its label.

    With ``documents`` (the document of each sample), samples of the same document are never
    each other's neighbours, so segments of one text cannot vouch for each other.
    """
    D = np.array(distances, dtype=float)
    if documents is not None:
        documents = np.asarray(documents)
        D[documents[:, None] == documents[None, :]] = np.inf
    np.fill_diagonal(D, np.inf)
    nearest = D.argmin(axis=1)
    labels = np.asarray(labels)
    return float((labels[nearest] == labels).mean())


def cluster_scores(labels: Sequence[str], clusters: Sequence[int]) -> dict[str, float]:
    """Agreement of a flat clustering with known labels.

    ARI (Hubert & Arabie 1985), homogeneity, completeness and V-measure (Rosenberg & Hirschberg
    2007), purity. All are 1.0 for a perfect clustering.
    """
    from sklearn import metrics

    h, c, v = metrics.homogeneity_completeness_v_measure(labels, clusters)
    return {
        "ari": float(metrics.adjusted_rand_score(labels, clusters)),
        "homogeneity": float(h),
        "completeness": float(c),
        "v_measure": float(v),
        "purity": purity(labels, clusters),
    }


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


SCORES = ("ari", "homogeneity", "completeness", "v_measure", "purity", "nn_accuracy")


def score_samples(
    labels: Sequence[str],
    clusters: Sequence[int],
    distances: np.ndarray,
    *,
    keep: Sequence[bool],
    documents: Sequence[str],
) -> dict[str, float]:
    """All :data:`SCORES` over the samples marked in ``keep``.

    Only ``full`` views are scored: a document's ``own`` view is not independent evidence. The
    nearest neighbour of a sample is looked for among other documents' samples.
    """
    rows = np.flatnonzero(keep)
    labels = [labels[i] for i in rows]
    scores = cluster_scores(labels, [clusters[i] for i in rows])
    scores["nn_accuracy"] = nearest_neighbour_accuracy(
        np.asarray(distances)[np.ix_(rows, rows)], labels, documents=[documents[i] for i in rows]
    )
    return scores


def nearest_neighbours(
    ids: Sequence[str], distances: np.ndarray, *, documents: Sequence[str], k: int = 5
) -> list[tuple[str, int, str, float]]:
    """For each sample, its ``k`` nearest samples of other documents: (sample, rank, neighbour, distance)."""
    D = np.array(distances, dtype=float)
    same = np.asarray(documents)[:, None] == np.asarray(documents)[None, :]
    D[same] = np.inf
    rows = []
    for i, sample in enumerate(ids):
        order = np.argsort(D[i], kind="stable")
        for rank, j in enumerate(order[: min(k, int(np.isfinite(D[i]).sum()))], start=1):
            rows.append((sample, rank, ids[j], float(D[i, j])))
    return rows
