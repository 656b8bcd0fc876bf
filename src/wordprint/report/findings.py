"""The answer an analysis gives, in numbers: what the report's first section says.

From the distances and flat clusters of the report's setting: how well the clusters agree with
the known labels (ARI, Hubert & Arabie 1985), how many texts have a nearest neighbour with their
own label, which texts do not, and where the highlighted texts (questioned, compared) sit.
Documents whose label is unknown (questioned ones) are left out of the scores: they are what the
analysis asks about, not evidence for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from wordprint.clustering.scores import cluster_scores, nearest_neighbours
from wordprint.corpus.samples import document_id, view_of

__all__ = ["Findings", "findings"]


@dataclass(frozen=True)
class Findings:
    documents: int  # documents scored (full views with a known label)
    labels: int  # distinct known labels among them
    ari: float | None  # agreement of the flat clusters with the labels; None below 2 labels
    same_label: int  # documents whose nearest other document has their label
    strays: list[tuple[str, str, str, str, float]] = field(default_factory=list)
    # (document, its label, nearest other document, that one's label, distance)
    highlighted: list[tuple[str, int, str, str, float]] = field(default_factory=list)
    # (sample, rank, neighbour, neighbour's label, distance): the 3 nearest of each


def findings(
    ids: Sequence[str],
    labels: Sequence[str],
    clusters: Sequence[int],
    distances: np.ndarray,
    *,
    known: Sequence[bool],
    highlight: Sequence[str] = (),
) -> Findings:
    """The findings of one setting. ``ids`` are the samples (rows of ``distances``), ``labels``
    and ``clusters`` theirs, ``known`` whether a sample's label counts (False for questioned
    documents); ``highlight`` lists documents whose samples' nearest neighbours are reported.

    Examples
    --------
    >>> D = np.array([[0, 1, 4, 5], [1, 0, 4, 5], [4, 4, 0, 1], [5, 5, 1, 0]], dtype=float)
    >>> f = findings(["a1", "a2", "b1", "q"], ["A", "A", "B", "?"], [1, 1, 2, 2], D,
    ...              known=[True, True, True, False], highlight=["q"])
    >>> f.documents, f.labels, f.same_label, f.strays
    (3, 2, 2, [('b1', 'B', 'a1', 'A', 4.0)])
    >>> f.highlighted[0]
    ('q', 1, 'b1', 'B', 1.0)
    """
    D = np.asarray(distances, dtype=float)
    documents = [document_id(i) for i in ids]
    full = [view_of(i) == "full" for i in ids]
    scored = [i for i in range(len(ids)) if full[i] and known[i]]
    label = dict(zip(ids, labels))
    ari = None
    if len({labels[i] for i in scored}) >= 2:
        ari = cluster_scores([labels[i] for i in scored], [clusters[i] for i in scored])["ari"]
    # Nearest neighbours among the scored documents only (no other view of the same text).
    sub = [ids[i] for i in scored]
    nearest = nearest_neighbours(sub, D[np.ix_(scored, scored)],
                                 documents=[documents[i] for i in scored], k=1)
    strays = [(s, label[s], n, label[n], d) for s, _, n, d in nearest if label[n] != label[s]]
    # The highlighted samples' three nearest whole texts of other documents.
    wanted = set(highlight)
    shown = []
    for i in (i for i in range(len(ids)) if documents[i] in wanted):
        others = [j for j in range(len(ids)) if full[j] and documents[j] != documents[i]]
        for rank, j in enumerate(sorted(others, key=lambda j: D[i, j])[:3], start=1):
            shown.append((ids[i], rank, ids[j], labels[j], float(D[i, j])))
    return Findings(
        documents=len(scored),
        labels=len({labels[i] for i in scored}),
        ari=ari,
        same_label=len(nearest) - len(strays),
        strays=strays,
        highlighted=shown,
    )
