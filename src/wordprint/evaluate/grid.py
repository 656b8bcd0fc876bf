"""The evaluation grid: which features, normalisation, measure, MFW and clustering recover the
authors best?

Evert et al. (2017) score each combination of a Delta measure, a normalisation of the feature
vectors and a number of most frequent words (MFW) by how well a clustering of the distances
agrees with the known authors (adjusted Rand index), and draw the score against the number of
MFW. This module runs such a grid over tables held in memory, so that one workflow job does
every cell (a Snakemake job costs about half a second to start, the cells milliseconds each).

The normalisations are those of :mod:`wordprint.measures.normalised`, the clustering methods
those of :mod:`wordprint.clustering.methods`.

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

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any, Literal

import numpy as np

from wordprint.corpus.samples import Sample
from wordprint.clustering.scores import SCORES, score_samples
from wordprint.clustering.methods import METHODS, cluster_labels
from wordprint.features.mfw import feature_table
from wordprint.measures.normalised import NORMALISATIONS, applicable, normalised_distances

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
    k: int | Literal["auto"],
    view: str = "full",
) -> tuple[list[str], list[list]]:
    """Score every (feature set, normalisation, measure, MFW, method) against the labels.

    Every sample of the tables is clustered (z-scores and trees are of all of them), so the
    tables should hold the samples of one view only (:func:`view_grid` makes them); the
    samples marked in ``keep`` are scored.

    Parameters
    ----------
    tables : mapping of str to ndarray
        Per feature set, the samples x features table of relative frequencies at the largest
        MFW setting, columns in rank order (:func:`feature_table`); smaller settings use its
        first columns.
    labels, keep, documents : sequences, one entry per sample
        The label, whether the sample is scored (its label is known: not a questioned
        document's), its document (nearest neighbours are looked for among other documents).
    mfw, measures, normalisations, methods : sequences of settings
        Pairs that :func:`applicable` rejects are left out.
    k : int or "auto"
        Number of flat clusters (at most the number of samples); ``auto``: the number of
        distinct labels among the scored samples.
    view : str
        The ``view`` column: which view the samples are.

    Returns
    -------
    (header, rows)
        Columns :data:`GRID_COLUMNS`: the settings, ``features`` (how many the table had:
        fewer than ``mfw`` when the corpus has fewer), ``k`` (clusters among the scored
        samples) and :data:`wordprint.clustering.scores.SCORES`.

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
    if k == "auto":
        k = max(1, len({label for label, kept in zip(labels, keep) if kept}))
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


def view_grid(
    corpus: Sequence[Sample],
    *,
    label_column: str,
    known: Collection[str] | None = None,
    feature_set: str = "words",
    selection: Mapping[str, Any] | None = None,
    mfw: Sequence[int],
    measures: Sequence[str],
    normalisations: Sequence[str] = ("none",),
    methods: Sequence[str] = ("ward.D",),
    k: int | Literal["auto"] = "auto",
) -> tuple[list[str], list[list]]:
    """The evaluation grid of each view of the samples, every view on its own samples.

    A view's rows come from its samples alone: their most frequent features (ranked on them by
    :func:`~wordprint.features.mfw.feature_table` with ``selection``), z-scores, trees and
    medoids, so the ``full`` rows are those of a run that profiles the ``full`` view only,
    whatever other views the corpus has. A document's ``own`` words are nearly the same text as
    its ``full`` view: clustered together, they would pull each other into one cluster and
    shift the z-scores and the MFW of the others.

    Samples of documents in ``known`` (default: all) are scored, labelled by the catalog column
    ``label_column``; the others (questioned documents) are clustered but not scored. The
    ``full`` view is scored when it has a known sample, any other view when its known samples
    carry at least 2 labels. ``k`` as :func:`evaluation_grid` (``auto``: the known labels of
    the view).

    Examples
    --------
    >>> from wordprint.corpus.documents import Document
    >>> docs = [Document(i, a, "", "", a, "x.txt", "file", "x.txt") for i, a in
    ...         [("a1", "A"), ("a2", "A"), ("b1", "B"), ("b2", "B")]]
    >>> counts = [{"x": 9, "y": 1}, {"x": 8, "y": 2}, {"x": 1, "y": 9}, {"x": 2, "y": 8}]
    >>> corpus = [Sample(d.id, d, "full", c, 10) for d, c in zip(docs, counts)]
    >>> header, rows = view_grid(corpus, label_column="author", mfw=[2], measures=["cosine"])
    >>> [dict(zip(header, r))[c] for r in rows for c in ("view", "k", "ari")]
    ['full', 2, 1.0]
    """
    known = {s.document.id for s in corpus} if known is None else set(known)
    header, rows = list(GRID_COLUMNS), []
    for view in dict.fromkeys(s.view for s in corpus):
        samples = [s for s in corpus if s.view == view]
        keep = [s.document.id in known for s in samples]
        labels = [s.document.field(label_column) for s in samples]
        scored = {label for label, kept in zip(labels, keep) if kept}
        if not scored or (view != "full" and len(scored) < 2):
            continue
        _, table = feature_table(
            [s.counts for s in samples], totals=[s.tokens for s in samples], n=max(mfw),
            **(selection or {}),
        )
        _, found = evaluation_grid(
            {feature_set: table}, labels=labels, keep=keep,
            documents=[s.document.id for s in samples], mfw=mfw, measures=measures,
            normalisations=normalisations, methods=methods, k=k, view=view,
        )  # fmt: skip
        rows += found
    return header, rows


def score_lines(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    score: str = "ari",
    method: str | None = None,
    view: str | None = None,
    measure_labels: Mapping[str, str] | None = None,
) -> dict[str, list]:
    """The grid's rows for a score-by-MFW figure: columns ``measure`` (the line), ``mfw``, score.

    Rows of one clustering ``method`` (default: the first in the table) and, when the table
    has a ``view`` column, of one ``view`` (default: ``full`` if the table has it, else the
    first). A line is a measure; its name gains the normalisation and feature set when the
    table has several of them.

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
    if "view" in col and chosen:
        views = [str(r[col["view"]]) for r in chosen]
        view = view or ("full" if "full" in views else views[0])
        chosen = [r for r in chosen if r[col["view"]] == view]
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


def score_series(
    table: Mapping[str, Sequence[object]],
    *,
    score: str = "ari",
    x: str = "mfw",
    by: str = "measure",
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Shape a scores table (one row per measure and MFW setting) into one curve per measure.

    ``table`` maps column names to equal-length columns (a dict of lists or a pandas
    DataFrame), for example the cluster-scores table with columns ``measure``, ``mfw``,
    ``ari``. Returns ``{measure: (mfw values ascending, scores)}``, measures in the order
    they first appear. Two rows with the same measure and MFW are an error: filter the table
    first (say, to one linkage).

    References
    ----------
    Evert et al. (2017), figures of ARI against the number of MFW (see module references).

    Examples
    --------
    >>> t = {"measure": ["cosine", "burrows", "cosine"], "mfw": [500, 100, 100],
    ...      "ari": [1.0, 0.5, 0.8]}
    >>> {m: (xs.tolist(), ys.tolist()) for m, (xs, ys) in score_series(t).items()}
    {'cosine': ([100.0, 500.0], [0.8, 1.0]), 'burrows': ([100.0], [0.5])}
    """
    for column in (score, x, by):
        if column not in table:
            raise ValueError(f"table has no column {column!r}")
    names = [str(v) for v in table[by]]
    xs = np.asarray(table[x], dtype=float)
    ys = np.asarray(table[score], dtype=float)
    series: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for name in dict.fromkeys(names):
        rows = np.array([i for i, m in enumerate(names) if m == name])
        order = np.argsort(xs[rows], kind="stable")
        mx, my = xs[rows][order], ys[rows][order]
        if len(np.unique(mx)) != len(mx):
            raise ValueError(f"table has several rows for {by}={name!r} at the same {x}; filter it")
        series[name] = (mx, my)
    return series
