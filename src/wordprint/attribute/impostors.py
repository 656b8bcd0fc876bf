"""Authorship verification with the General Impostors method, its calibration and PAN scores.

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

A raw score is not a probability. Two calibrations on known texts are offered, both fitted on
the scores of :func:`known_scores` (leave-one-out over the known texts, as stylo's
``imposters.optimize()``): a logistic regression (scores -> probability of same author), and
stylo's grey zone ``(p1, p2)``: scores inside it become 0.5 ("no answer"), which the PAN
measure c@1 rewards over a wrong answer.

Scores (:data:`PAN_METRICS`) follow the PAN authorship-verification evaluator
(pan-webis-de/pan-code, ``clef22/authorship-verification/pan22_verif_evaluator.py``): AUC,
c@1, F0.5u, F1 on answered problems and the complement of the Brier score; a prediction of
exactly 0.5 is a non-answer.

References
----------
Koppel, M. & Winter, Y. (2014). Determining if two documents are written by the same author.
Journal of the Association for Information Science and Technology 65(1), 178-187.

Kestemont, M., Stover, J., Koppel, M., Karsdorp, F. & Daelemans, W. (2016). Authenticating the
writings of Julius Caesar. Expert Systems with Applications 63, 86-96.

Peñas, A. & Rodrigo, A. (2011). A simple measure to assess non-response. Proceedings of the
49th Annual Meeting of the ACL, 1415-1424.

Bevendorff, J., Stein, B., Hagen, M. & Potthast, M. (2019). Generalizing unmasking for short
texts. Proceedings of NAACL-HLT 2019, 654-659.

Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly
Weather Review 78(1), 1-3.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import numpy as np

# scikit-learn (0.6 s to import) is imported where it is used: the workflow imports this module
# when it starts, to plan its jobs.

from wordprint.measures.distances import MEASURES, MeasureName, cross_distances

GreyZoneRule = Literal["widest", "stylo"]

# --- General Impostors ------------------------------------------------------------------------


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


# --- calibration ------------------------------------------------------------------------------


def grey_zone_rescale(scores: np.ndarray, *, p1: float, p2: float) -> np.ndarray:
    """stylo's rescaling: below p1 -> p1 * s, within [p1, p2] -> 0.5, above p2 -> p2 + (1-p2) s.

    A 0.5 is a non-answer for c@1 and F0.5u. The formula is stylo's (``imposters.optimize``),
    kept as it is although it can flip an answer: a score below p1 comes out above 0.5 when
    p1 > 0.707, and a score above p2 comes out below 0.5 when p2 < 0.5.

    References
    ----------
    Eder, M. (2018). stylo blog, "Authorship verification with the package stylo"; stylo
    ``R/imposters.optimize.R``. Kestemont et al. (2016), see the module references.

    Examples
    --------
    >>> grey_zone_rescale(np.array([0.2, 0.45, 0.8]), p1=0.3, p2=0.6).round(2).tolist()
    [0.06, 0.5, 0.92]
    """
    if not 0 <= p1 <= p2 <= 1:
        raise ValueError(f"need 0 <= p1 <= p2 <= 1, got p1={p1}, p2={p2}")
    s = _probabilities(scores, "scores")
    return np.where(s < p1, p1 * s, np.where(s <= p2, 0.5, p2 + (1 - p2) * s))


def optimize_grey_zone(
    scores: np.ndarray,
    same_author: np.ndarray,
    *,
    step: float = 0.01,
    rule: GreyZoneRule = "widest",
) -> dict[str, float]:
    """The grey zone (p1, p2) that maximises c@1 of the rescaled scores, by grid search.

    As stylo's ``imposters.optimize()``: p1 runs over 0, step, ..., 1 and p2 over p1,
    p1 + step, ..., 1 (``step`` is stylo's ``parameter.incr``), each pair scored by c@1 of
    :func:`grey_zone_rescale`. Several pairs usually tie for the best c@1; ``rule`` picks one:

    - ``widest``: the best pair with the widest zone (largest p2 - p1, then smallest p1);
      always one of the best pairs.
    - ``stylo``: stylo's own choice, for parity. It stores the c@1 of (p1, p2) in row
      (p2 - p1) / step + 1 and column p1 / step + 1 of a matrix, then takes p1 from the
      smallest and p2 from the largest row *or* column index of all best cells; as the row
      index is an offset from p1, not p2 itself, the pair it returns need not be among the
      best (see the example: the best zone is (0.3, 0.7) with c@1 0.889, stylo's rule gives
      (0.1, 0.4) with c@1 0.5).

    Returns ``p1``, ``p2``, ``c_at_1`` (of the chosen pair) and ``best_c_at_1``.

    References
    ----------
    stylo ``R/imposters.optimize.R`` (Eder); Peñas, A. & Rodrigo, A. (2011), see the module
    references.

    Examples
    --------
    >>> s = np.array([0.9, 0.8, 0.4, 0.1, 0.2, 0.5])
    >>> y = np.array([1, 1, 1, 0, 0, 0])
    >>> zone = optimize_grey_zone(s, y, step=0.1)
    >>> zone["p1"], zone["p2"], round(zone["c_at_1"], 4)
    (0.3, 0.7, 0.8889)
    >>> zone = optimize_grey_zone(s, y, step=0.1, rule="stylo")
    >>> zone["p1"], zone["p2"], zone["c_at_1"]
    (0.1, 0.4, 0.5)
    """
    s = _probabilities(scores, "scores")
    y = _binary(same_author, len(s))
    if not 0 < step <= 0.5:
        raise ValueError(f"step must be in (0, 0.5], got {step}")
    if rule not in ("widest", "stylo"):
        raise ValueError(f"unknown rule {rule!r}; choose one of widest, stylo")
    # R's seq(): p1 = i * step, p2 = p1 + k * step, in the same floating-point arithmetic
    keys = [
        (i, k)
        for i in range(int(np.floor(1 / step + 1e-10)) + 1)
        for k in range(int(np.floor((1 - i * step) / step + 1e-10)) + 1)
    ]
    p1s = np.array([i * step for i, _ in keys])[:, None]
    p2s = np.minimum(np.array([i * step + k * step for i, k in keys]), 1.0)[:, None]
    # every pair at once: c@1 of grey_zone_rescale(s, p1, p2), one row per pair
    rescaled = np.where(s < p1s, p1s * s, np.where(s <= p2s, 0.5, p2s + (1 - p2s) * s))
    answered = rescaled != 0.5
    nc = (answered & ((rescaled > 0.5) == (y == 1))).sum(axis=1)
    nu = (~answered).sum(axis=1)
    table = (nc + nu * nc / len(s)) / len(s)
    best = float(table.max())
    optima = [keys[j] for j in np.flatnonzero(np.isclose(table, best, rtol=0, atol=1e-12))]
    if rule == "widest":
        i, k = max(optima, key=lambda key: (key[1], -key[0]))
        p1, p2 = i * step, min(i * step + k * step, 1.0)
    else:
        pooled = [index for key in optima for index in key]
        p1, p2 = min(pooled) * step, max(pooled) * step
    return {
        "p1": round(p1, 10),
        "p2": round(p2, 10),
        "c_at_1": c_at_1(y, grey_zone_rescale(s, p1=p1, p2=p2)),
        "best_c_at_1": best,
    }


def fit_logistic(
    scores: np.ndarray, same_author: np.ndarray, *, C: float = 1.0
) -> dict[str, float]:
    """Logistic calibration P(same author | score) = 1 / (1 + exp(-(intercept + slope * s))).

    scikit-learn's ``LogisticRegression`` with L2 penalty ``C`` (the default 1.0 keeps the fit
    finite when same- and different-author scores do not overlap). Returns ``intercept`` and
    ``slope`` for :func:`logistic_probability`.

    References
    ----------
    Platt, J. (1999). Probabilistic outputs for support vector machines and comparisons to
    regularized likelihood methods. Advances in Large Margin Classifiers, 61-74.

    Examples
    --------
    >>> fit = fit_logistic(np.array([0.9, 0.8, 0.7, 0.2, 0.1, 0.3]), np.array([1, 1, 1, 0, 0, 0]))
    >>> fit["slope"] > 0
    True
    """
    s = _probabilities(scores, "scores")
    y = _binary(same_author, len(s))
    if len(set(y.tolist())) < 2:
        raise ValueError("same_author must contain both same-author and different-author pairs")
    if not C > 0:
        raise ValueError(f"C must be positive, got {C}")
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C).fit(s[:, None], y)
    return {"intercept": float(model.intercept_[0]), "slope": float(model.coef_[0, 0])}


def logistic_probability(scores: np.ndarray, *, intercept: float, slope: float) -> np.ndarray:
    """Probabilities from a :func:`fit_logistic` calibration.

    References
    ----------
    Platt, J. (1999), see :func:`fit_logistic`.

    Examples
    --------
    >>> logistic_probability(np.array([0.5]), intercept=-1.0, slope=2.0).tolist()
    [0.5]
    """
    s = np.asarray(scores, dtype=float)
    return 1.0 / (1.0 + np.exp(-(intercept + slope * s)))


# --- PAN evaluation measures ------------------------------------------------------------------


def auc(same_author: np.ndarray, predictions: np.ndarray) -> float:
    """Area under the ROC curve of the raw predictions (scikit-learn's ``roc_auc_score``).

    References
    ----------
    Fawcett, T. (2006). An introduction to ROC analysis. Pattern Recognition Letters 27(8),
    861-874.

    Examples
    --------
    >>> auc(np.array([1, 0, 1, 0]), np.array([0.9, 0.2, 0.5, 0.6]))
    0.75
    """
    p = _probabilities(predictions, "predictions")
    y = _binary(same_author, len(p))
    if len(set(y.tolist())) < 2:
        raise ValueError("AUC needs both same-author and different-author problems")
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p))


def c_at_1(same_author: np.ndarray, predictions: np.ndarray) -> float:
    """c@1 = (nc + nu * nc / n) / n: unanswered problems (exactly 0.5) earn the accuracy rate.

    References
    ----------
    Peñas, A. & Rodrigo, A. (2011). A simple measure to assess non-response. Proceedings of
    the 49th Annual Meeting of the ACL, 1415-1424.

    Examples
    --------
    >>> c_at_1(np.array([1, 0, 1, 0]), np.array([0.9, 0.2, 0.5, 0.6]))
    0.625
    """
    p = _probabilities(predictions, "predictions")
    y = _binary(same_author, len(p))
    answered = p != 0.5
    nc = int(((p > 0.5) == (y == 1))[answered].sum())
    n, nu = len(p), int((~answered).sum())
    return (nc + nu * nc / n) / n


def f05u(same_author: np.ndarray, predictions: np.ndarray) -> float:
    """F0.5u = 1.25 TP / (1.25 TP + 0.25 (FN + unanswered) + FP); same author is positive.

    Non-answers (exactly 0.5) count as false negatives at a quarter weight. The PAN 2020
    evaluator binarised before counting non-answers, so it never saw one; PAN 2022 fixed this
    and we follow the fix.

    References
    ----------
    Bevendorff, J., Stein, B., Hagen, M. & Potthast, M. (2019). Generalizing unmasking for
    short texts. Proceedings of NAACL-HLT 2019, 654-659.

    Examples
    --------
    >>> f05u(np.array([1, 0, 1, 0]), np.array([0.9, 0.2, 0.5, 0.6]))
    0.5
    """
    p = _probabilities(predictions, "predictions")
    y = _binary(same_author, len(p))
    answered = p != 0.5
    yes = answered & (p > 0.5)
    tp = int((yes & (y == 1)).sum())
    fp = int((yes & (y == 0)).sum())
    fn = int((answered & (p < 0.5) & (y == 1)).sum())
    nu = int((~answered).sum())
    denominator = 1.25 * tp + 0.25 * (fn + nu) + fp
    return 1.25 * tp / denominator if denominator else 0.0


def f1_answered(same_author: np.ndarray, predictions: np.ndarray) -> float:
    """F1 of the answered problems (non-answers, exactly 0.5, are left out), as PAN.

    References
    ----------
    van Rijsbergen, C. J. (1979). Information Retrieval (2nd ed.). Butterworths.

    Examples
    --------
    >>> round(f1_answered(np.array([1, 0, 1, 0]), np.array([0.9, 0.2, 0.5, 0.6])), 4)
    0.6667
    """
    p = _probabilities(predictions, "predictions")
    y = _binary(same_author, len(p))
    answered = p != 0.5
    yes = p > 0.5
    tp = int((answered & yes & (y == 1)).sum())
    fp = int((answered & yes & (y == 0)).sum())
    fn = int((answered & ~yes & (y == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def brier(same_author: np.ndarray, predictions: np.ndarray) -> float:
    """Complement of the Brier score, 1 - mean((p - y)^2), so that higher is better (as PAN).

    References
    ----------
    Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly
    Weather Review 78(1), 1-3.

    Examples
    --------
    >>> round(brier(np.array([1, 0, 1, 0]), np.array([0.9, 0.2, 0.5, 0.6])), 3)
    0.835
    """
    p = _probabilities(predictions, "predictions")
    y = _binary(same_author, len(p))
    return float(1.0 - np.mean((p - y) ** 2))


PAN_METRICS: dict[str, Callable[[np.ndarray, np.ndarray], float]] = {
    "auc": auc,
    "c_at_1": c_at_1,
    "f05u": f05u,
    "f1": f1_answered,
    "brier": brier,
}


def pan_evaluation(same_author: np.ndarray, predictions: np.ndarray) -> dict[str, float]:
    """Every measure of :data:`PAN_METRICS` and their mean (``overall``), as PAN 2022 ranks.

    References
    ----------
    Kestemont, M. et al. (2021). Overview of the cross-domain authorship verification task at
    PAN 2021. CLEF 2021 Working Notes.

    Examples
    --------
    >>> pan_evaluation(np.array([1, 0]), np.array([1.0, 0.0]))["overall"]
    1.0
    """
    out = {name: float(f(same_author, predictions)) for name, f in PAN_METRICS.items()}
    out["overall"] = float(np.mean(list(out.values())))
    return out


# --- validation helpers -------------------------------------------------------------------------


def _options(iterations: int, feature_share: float, impostor_share: float, measure: str) -> None:
    if int(iterations) != iterations or iterations < 1:
        raise ValueError(f"iterations must be a positive integer, got {iterations}")
    for name, share in (("feature_share", feature_share), ("impostor_share", impostor_share)):
        if not 0 < share <= 1:
            raise ValueError(f"{name} must be in (0, 1], got {share}")
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")


def _probabilities(values: np.ndarray, name: str) -> np.ndarray:
    p = np.asarray(values, dtype=float).ravel()
    if len(p) == 0 or not np.isfinite(p).all() or (p < 0).any() or (p > 1).any():
        raise ValueError(f"{name} must be a non-empty array of values in [0, 1]")
    return p


def _binary(same_author: np.ndarray, n: int) -> np.ndarray:
    y = np.asarray(same_author).ravel().astype(float)
    if len(y) != n or not np.isin(y, (0.0, 1.0)).all():
        raise ValueError(f"same_author must hold {n} values of 0/1 (or booleans)")
    return y
