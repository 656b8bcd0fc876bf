"""How well clusters and neighbours agree with the known labels: ARI, homogeneity, completeness,
V-measure, purity and nearest-neighbour accuracy."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["SCORES", "cluster_scores", "nearest_neighbour_accuracy", "nearest_neighbours",
           "purity", "score_samples"]

SCORES = ("ari", "homogeneity", "completeness", "v_measure", "purity", "nn_accuracy")


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
