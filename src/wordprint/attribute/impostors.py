"""Authorship verification with the General Impostors method: the score of one problem, and
the scores of the known texts that calibrate it.

The question is not "which of these authors?" but "did this candidate write the questioned
text?". General Impostors (Koppel & Winter 2014) answers with a score in [0, 1]: over
``iterations`` runs, each on a random share of the features and a random share of the
impostor texts (authors known not to have written it), the share of runs in which the
questioned text's nearest text is one of the candidate's. We follow stylo's ``imposters()``
(method "GI"): the nearest text among the candidate's texts and the sampled impostors, by any
registered distance, on ``feature_share`` = 50 % of the features (kept in rank order) and
``impostor_share`` = 50 % of the impostors per run.

Where we differ from stylo: z-scores (for the Deltas) come from the texts compared against in
each run (candidate + sampled impostors), as :func:`wordprint.measures.distances.cross_distances`;
stylo's ``perform.delta`` also includes the questioned text. stylo draws from R's generator, so
scores match stylo's only in distribution, not digit for digit.

The raw score is not a probability: :mod:`wordprint.attribute.calibration` calibrates it on
the known texts (:func:`known_scores`), and :mod:`wordprint.attribute.verification` verifies
the questioned texts of a corpus.

References
----------
Koppel, M. & Winter, Y. (2014). Determining if two documents are written by the same author.
Journal of the Association for Information Science and Technology 65(1), 178-187.

Kestemont, M., Stover, J., Koppel, M., Karsdorp, F. & Daelemans, W. (2016). Authenticating the
writings of Julius Caesar. Expert Systems with Applications 63, 86-96.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from wordprint.measures.distances import MEASURES, MeasureName, cross_distances


def impostors_score(
    questioned: np.ndarray,
    candidate: np.ndarray,
    impostors: np.ndarray,
    *,
    iterations: int = 100,
    feature_share: float = 0.5,
    impostor_share: float = 0.5,
    measure: MeasureName = "burrows",
    seed: int = 0,
) -> float:
    """General Impostors score: share of runs in which a candidate text is nearest.

    ``questioned`` is one text's feature vector; ``candidate`` and ``impostors`` are tables
    (texts x the same features; a single candidate text may be a vector). Each run draws
    ``round(feature_share * n_features)`` features and ``round(impostor_share * n_impostors)``
    impostors (at least one of each) without replacement, then asks whether the questioned
    text's nearest text (``measure``) is one of the candidate's. Same ``seed``, same score.

    References
    ----------
    Koppel, M. & Winter, Y. (2014). Determining if two documents are written by the same
    author. JASIST 65(1), 178-187.

    Examples
    --------
    >>> C = np.array([[0.10, 0.20, 0.05, 0.30]])
    >>> I = np.array([[0.30, 0.05, 0.20, 0.10], [0.25, 0.10, 0.15, 0.15]])
    >>> impostors_score(C[0], C, I, iterations=10)
    1.0
    """
    _options(iterations, feature_share, impostor_share, measure)
    candidate, impostors = np.atleast_2d(candidate), np.atleast_2d(impostors)
    questioned = np.asarray(questioned, dtype=float)
    if questioned.ndim != 1:
        raise ValueError(f"questioned must be one text's feature vector, got {questioned.shape}")
    n = questioned.shape[0]
    for name, table in (("candidate", candidate), ("impostors", impostors)):
        if table.shape[1] != n or len(table) == 0:
            raise ValueError(f"{name} must hold texts with {n} features, got {table.shape}")
    return _score(
        questioned,
        candidate,
        impostors,
        iterations,
        feature_share,
        impostor_share,
        measure,
        np.random.default_rng(seed),
    )


def _score(q, candidate, impostors, iterations, feature_share, impostor_share, measure, rng):
    n_features = max(1, round(feature_share * q.shape[0]))
    n_impostors = max(1, round(impostor_share * len(impostors)))
    wins = 0
    for _ in range(iterations):
        # sorted: Eder's Delta weighs features by rank
        f = np.sort(rng.choice(q.shape[0], size=n_features, replace=False))
        chosen = rng.choice(len(impostors), size=n_impostors, replace=False)
        reference = np.vstack([candidate[:, f], impostors[chosen][:, f]])
        d = cross_distances(q[None, f], reference, measure=measure)[0]
        wins += int(np.argmin(d) < len(candidate))
    return wins / iterations


def known_scores(
    X: np.ndarray,
    labels: Sequence[str],
    *,
    ids: Sequence[str] | None = None,
    iterations: int = 100,
    feature_share: float = 0.5,
    impostor_share: float = 0.5,
    measure: MeasureName = "burrows",
    seed: int = 0,
) -> dict:
    """Impostors scores of every known text against every author, leaving the text out.

    As stylo's ``imposters.optimize()``: authors with a single text are dropped; each remaining
    text is in turn the questioned text, and each author (without that text) the candidate,
    with all other authors' texts as impostors. One random generator seeded with ``seed`` runs
    through all problems in order, so the same seed gives the same scores.

    Returns
    -------
    dict
        ``rows``: one per (text, candidate) problem: ``id``, ``author``, ``candidate``,
        ``same_author``, ``score``; and the arrays ``scores`` and ``same_author``.

    References
    ----------
    Koppel, M. & Winter, Y. (2014), see the module references.

    Examples
    --------
    >>> X = np.array([[0.10, 0.20], [0.11, 0.19], [0.30, 0.05], [0.29, 0.06]])
    >>> out = known_scores(X, ["a", "a", "b", "b"], iterations=5)
    >>> out["same_author"].tolist()
    [True, False, True, False, False, True, False, True]
    """
    _options(iterations, feature_share, impostor_share, measure)
    X = np.asarray(X, dtype=float)
    labels = np.asarray([str(x) for x in labels])
    if X.ndim != 2 or len(labels) != len(X):
        raise ValueError(
            f"X must be a texts x features table with one label per text, got {X.shape} and "
            f"{len(labels)} labels"
        )
    ids = [str(i) for i in (ids if ids is not None else range(len(X)))]
    if len(ids) != len(X):
        raise ValueError(f"ids must hold one id per text ({len(X)}), got {len(ids)}")
    authors, counts = np.unique(labels, return_counts=True)
    authors = authors[counts > 1]
    if len(authors) < 2:
        raise ValueError("known_scores needs at least 2 authors with 2 or more texts each")
    rng = np.random.default_rng(seed)
    rows = []
    for i in np.flatnonzero(np.isin(labels, authors)):
        keep = np.isin(labels, authors) & (np.arange(len(X)) != i)
        for author in authors:
            score = _score(
                X[i],
                X[keep & (labels == author)],
                X[keep & (labels != author)],
                iterations,
                feature_share,
                impostor_share,
                measure,
                rng,
            )
            rows.append(
                {
                    "id": ids[i],
                    "author": str(labels[i]),
                    "candidate": str(author),
                    "same_author": bool(labels[i] == author),
                    "score": score,
                }
            )
    return {
        "rows": rows,
        "scores": np.array([r["score"] for r in rows]),
        "same_author": np.array([r["same_author"] for r in rows]),
    }


def _options(iterations: int, feature_share: float, impostor_share: float, measure: str) -> None:
    if int(iterations) != iterations or iterations < 1:
        raise ValueError(f"iterations must be a positive integer, got {iterations}")
    for name, share in (("feature_share", feature_share), ("impostor_share", impostor_share)):
        if not 0 < share <= 1:
            raise ValueError(f"{name} must be in (0, 1], got {share}")
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
