"""The evaluation grid: which features, normalisation, measure, MFW and clustering recover the
authors best?

Evert et al. (2017) score each combination of a Delta measure, a normalisation of the feature
vectors and a number of most frequent words (MFW) by how well a clustering of the distances
agrees with the known authors (adjusted Rand index), and draw the score against the number of
MFW. This module runs such a grid over tables held in memory, so that one workflow job does
every cell (a Snakemake job costs about half a second to start, the cells milliseconds each).

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

Clustering methods (``METHODS``): R's hierarchical linkages (:data:`wordprint.cluster.hierarchy.LINKAGES`,
the tree cut into ``k`` flat clusters) and ``kmedoids``, partitioning around medoids (PAM,
Kaufman & Rousseeuw 1990) with FasterPAM (Schubert & Rousseeuw 2021), as Evert et al. (2017)
cluster.

References
----------
Evert, S., Proisl, T., Jannidis, F., Reger, I., Pielström, S., Schöch, C. & Vitt, T. (2017).
Understanding and explaining Delta measures for authorship attribution. Digital Scholarship in
the Humanities 32(suppl. 2), ii4-ii16.

Kaufman, L. & Rousseeuw, P. J. (1990). Finding Groups in Data: An Introduction to Cluster
Analysis. New York: Wiley.

Schubert, E. & Rousseeuw, P. J. (2021). Fast and eager k-medoids clustering: O(k) runtime
improvement of the PAM, CLARA, and CLARANS algorithms. Information Systems 101, 101804.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from wordprint.corpus.samples import Sample
from wordprint.cluster.hierarchy import LINKAGES, SCORES, flat_clusters, hierarchical, score_samples
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
from wordprint.features.mfw import function_words, relative_frequencies, select_words
from wordprint.cluster.maps import k_medoids

#: Normalisations by name: (function, acts on z-scores only).
NORMALISATIONS: dict[str, tuple[Callable[[np.ndarray], np.ndarray] | None, bool]] = {
    "none": (None, False),
    "binarize": (binarize, False),
    "l1": (l1, False),
    "l2": (l2, False),
    "clamp": (clamp, True),
    "ternarize": (ternarize, True),
}


def _hierarchical_method(name: str) -> Callable[[np.ndarray, int], np.ndarray]:
    return lambda d, k: flat_clusters(hierarchical(d, method=name), k=k)


#: Clustering methods by name: ``method(distances, k)`` gives cluster numbers from 1.
METHODS: dict[str, Callable[[np.ndarray, int], np.ndarray]] = {
    **{name: _hierarchical_method(name) for name in LINKAGES},
    "kmedoids": lambda d, k: k_medoids(d, k=k).clusters,
}

GRID_COLUMNS = (
    "view",
    "feature_set",
    "normalisation",
    "measure",
    "mfw",
    "features",
    "method",
    "k",
    *SCORES,
)


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


def feature_table(
    counts: Sequence[Mapping[str, int]],
    *,
    totals: Sequence[int],
    n: int,
    culling: float = 0.0,
    start_at: int = 0,
    drop_pronouns: bool = False,
    only_function_words: bool = False,
) -> tuple[list[str], np.ndarray]:
    """The ``n`` most frequent features after stylo's selection, and their relative frequencies.

    Ranked by mean relative frequency, culled (a feature kept when at least ``culling`` of the
    documents use it), pronouns dropped, restricted to the shipped function words when asked,
    then ``start_at`` top features skipped (see :func:`wordprint.features.mfw.select_words`). Each
    count is divided by the document's total in ``totals``. The selection of a smaller ``n`` is
    a prefix of a larger one, so one table at the largest ``n`` serves every setting.

    Examples
    --------
    >>> docs = [{"the": 5, "he": 3, "war": 2}, {"the": 4, "she": 2, "of": 4}]
    >>> words, table = feature_table(docs, totals=[10, 10], n=2, drop_pronouns=True)
    >>> words, table.tolist()
    (['the', 'of'], [[0.5, 0.0], [0.4, 0.4]])
    """
    if n < 1:
        raise ValueError(f"n (the number of features) must be at least 1, got {n}")
    if start_at < 0:
        raise ValueError(f"start_at must be 0 or more, got {start_at}")
    ranked = select_words(counts, n=sys.maxsize, min_share=culling, drop_pronouns=drop_pronouns)
    if only_function_words:
        keep = set(function_words())
        ranked = [w for w in ranked if w in keep]
    chosen = ranked[start_at : start_at + n]
    return chosen, relative_frequencies(counts, chosen, totals=totals)


def evaluation_grid(
    tables: Mapping[str, np.ndarray],
    *,
    labels: Sequence[str],
    keep: Sequence[bool],
    documents: Sequence[str],
    mfw: Sequence[int],
    measures: Sequence[str],
    normalisations: Sequence[str] = ("none",),
    methods: Sequence[str] = ("ward.D",),
    k: int,
    view: str = "full",
) -> tuple[list[str], list[list]]:
    """Score every (feature set, normalisation, measure, MFW, method) against the labels.

    Parameters
    ----------
    tables : mapping of str to ndarray
        Per feature set, the samples x features table of relative frequencies at the largest
        MFW setting, columns in rank order (:func:`feature_table`); smaller settings use its
        first columns.
    labels, keep, documents : sequences, one entry per sample
        The known label, whether the sample is scored (``full`` views only), its document
        (nearest neighbours are looked for among other documents).
    mfw, measures, normalisations, methods : sequences of settings
        Pairs that :func:`applicable` rejects are left out.
    k : int
        Number of flat clusters (at most the number of samples).
    view : str
        The ``view`` column: which samples were scored.

    Returns
    -------
    (header, rows)
        Columns :data:`GRID_COLUMNS`: the settings, ``features`` (how many the table had:
        fewer than ``mfw`` when the corpus has fewer), ``k`` (clusters among the scored
        samples) and :data:`wordprint.cluster.hierarchy.SCORES`.

    References
    ----------
    Evert et al. (2017) (see module references). Hubert, L. & Arabie, P. (1985). Comparing
    partitions. Journal of Classification 2(1), 193-218.

    Examples
    --------
    >>> X = np.array([[0.30, 0.10], [0.31, 0.11], [0.10, 0.30], [0.11, 0.31]])
    >>> header, rows = evaluation_grid({"words": X}, labels=list("aabb"), keep=[True] * 4,
    ...     documents=list("wxyz"), mfw=[2], measures=["cosine"], k=2)
    >>> dict(zip(header, rows[0]))["ari"]
    1.0
    """
    for name, values in (("normalisations", normalisations), ("methods", methods)):
        registry = NORMALISATIONS if name == "normalisations" else METHODS
        unknown = [v for v in values if v not in registry]
        if unknown:
            raise ValueError(f"unknown {name} {unknown}; choose from {', '.join(registry)}")
    rows = []
    for feature_set, table in tables.items():
        table = np.asarray(table, dtype=float)
        for n in sorted(mfw):
            X = table[:, : min(n, table.shape[1])]
            if X.shape[1] == 0:
                continue
            for normalisation in normalisations:
                for measure in measures:
                    if not applicable(measure, normalisation):
                        continue
                    D = normalised_distances(X, measure=measure, normalisation=normalisation)
                    for method in methods:
                        clusters = cluster_labels(D, method=method, k=k)
                        scores = score_samples(
                            labels, clusters, D, keep=keep, documents=documents
                        )
                        scored = len({int(c) for c, kept in zip(clusters, keep) if kept})
                        rows.append(
                            [view, feature_set, normalisation, measure, n, X.shape[1], method,
                             scored, *(scores[s] for s in SCORES)]
                        )
    return list(GRID_COLUMNS), rows


def score_lines(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    score: str = "ari",
    method: str | None = None,
    measure_labels: Mapping[str, str] | None = None,
) -> dict[str, list]:
    """The grid's rows for a score-by-MFW figure: columns ``measure`` (the line), ``mfw``, score.

    Rows of one clustering ``method`` (default: the first in the table). A line is a measure;
    its name gains the normalisation and feature set when the table has several of them.

    Examples
    --------
    >>> header = ["feature_set", "normalisation", "measure", "mfw", "method", "ari"]
    >>> rows = [["words", "none", "burrows", 100, "ward.D", 0.5],
    ...         ["words", "l2", "burrows", 100, "ward.D", 0.9]]
    >>> score_lines(header, rows, measure_labels={"burrows": "Classic Delta"})
    {'measure': ['Classic Delta', 'Classic Delta, l2'], 'mfw': [100, 100], 'ari': [0.5, 0.9]}
    """
    col = {name: i for i, name in enumerate(header)}
    for name in ("feature_set", "normalisation", "measure", "mfw", "method", score):
        if name not in col:
            raise ValueError(f"the table has no column {name!r}")
    if method is None and rows:
        method = str(rows[0][col["method"]])
    chosen = [r for r in rows if r[col["method"]] == method]
    several = {
        name: len({r[col[name]] for r in chosen}) > 1 for name in ("feature_set", "normalisation")
    }
    shown = measure_labels or {}
    out: dict[str, list] = {"measure": [], "mfw": [], score: []}
    for r in chosen:
        name = shown.get(str(r[col["measure"]]), str(r[col["measure"]]))
        if several["normalisation"] and r[col["normalisation"]] != "none":
            name += f", {r[col['normalisation']]}"
        if several["feature_set"]:
            name += f" ({r[col['feature_set']]})"
        out["measure"].append(name)
        out["mfw"].append(int(r[col["mfw"]]))
        out[score].append(float(r[col[score]]))
    return out


def with_feature_set(corpus: Sequence[Sample], profiles: Mapping[str, Any], feature_set: str) -> list[Sample]:
    """The samples with the counts of another feature set (``words``: unchanged).

    Feature sets other than words are counted per document view by the profile step (under
    ``features``, see :func:`wordprint.count.profile.profile_view`); each sample's token total becomes
    its number of such features (n-grams), the denominator of its relative frequencies.

    Examples
    --------
    >>> with_feature_set([], {}, "words")
    []
    """
    if feature_set == "words":
        return list(corpus)
    result = []
    for s in corpus:
        view = profiles[s.document.id]["views"][s.view]
        counts = view.get("features", {}).get(feature_set)
        if counts is None:
            raise ValueError(
                f"the profile of {s.id!r} has no counts of {feature_set!r}: list it in the "
                "config's 'features' so the profile step counts it"
            )
        result.append(replace(s, counts=counts, tokens=sum(counts.values()), segments=()))
    return result
