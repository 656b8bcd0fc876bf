"""Calibrating verification scores on known texts: a grey zone, and a logistic fit.

A General Impostors score (:mod:`wordprint.attribute.impostors`) is not a probability. Two
calibrations are fitted on the scores of the known texts
(:func:`wordprint.attribute.impostors.known_scores`, each text left out in turn):

- the **grey zone** ``(p1, p2)`` (:func:`fit_grey_zone`, :func:`grey_zone_scores`): scores
  inside it become 0.5, no answer, which the PAN measure c@1 rewards over a wrong answer;
  below it the answer is "no", above it "yes";
- a **logistic regression** (:func:`fit_logistic`, :func:`logistic_probability`): a score as
  the probability of the same author.

:func:`calibrate` fits both and evaluates them with the PAN measures
(:mod:`wordprint.attribute.pan_measures`), on the problems they were fitted on and on held-out
texts.

The grey zone: one method, two conventions
------------------------------------------
``convention="pan"`` (the default) is the published convention of Kestemont et al. (2016): the
zone whose answers maximise AUC x c@1, the final score of the PAN 2014 and 2015
author-verification tasks, found by a grid search over p1 <= p2 (their score shifter,
``ruzicka/score_shifting.py``). Where we differ from their code, and why:

- **Answers are never flipped.** Scores below p1 go linearly into [0, 0.5), above p2 into
  (0.5, 1]; Kestemont et al. rescale by the minimum and maximum of the scores at hand, so a
  new text's score would depend on the other texts scored with it.
- **The grid** is 0, step, ..., 1 with p1 = p2 allowed (no zone at all, when abstaining never
  helps); theirs is 0.05, ..., 0.99 with p1 < p2.
- **Ties.** Several zones give the same answers on the known texts. Of the best, the widest is
  chosen (then the smallest p1): it answers only where the known texts say it can. Each bound
  is then moved to the middle of the gap between the two known scores around it, which
  changes no answer on the known texts and leaves the widest margin for new ones (a bound on
  a grid point would decide a new score equal to it by the choice of grid). Their code takes
  the first best grid pair.

``convention="stylo"`` is stylo's ``imposters.optimize()`` as it is, for parity with its
published numbers: the objective is c@1 alone, scores are rescaled p1 * s below p1 and
p2 + (1 - p2) * s above p2 (which turns a score just below p1 into a "yes" whenever
p1 > 0.707, and one above p2 into a "no" when p2 < 0.5), and of the best cells of its matrix
it takes p1 from the smallest and p2 from the largest row *or* column index; as the row index
is an offset from p1, not p2 itself, the pair it returns need not be among the best.

References
----------
Kestemont, M., Stover, J., Koppel, M., Karsdorp, F. & Daelemans, W. (2016). Authenticating the
writings of Julius Caesar. Expert Systems with Applications 63, 86-96. Code: github.com/
mikekestemont/ruzicka, ``code/ruzicka/score_shifting.py``.

Stamatatos, E., Daelemans, W., Verhoeven, B., Potthast, M., Stein, B., Juola, P.,
Sanchez-Perez, M. A. & Barrón-Cedeño, A. (2014). Overview of the author identification task at
PAN 2014. CLEF 2014 Working Notes, CEUR-WS 1180.

Peñas, A. & Rodrigo, A. (2011). A simple measure to assess non-response. Proceedings of the
49th Annual Meeting of the ACL, 1415-1424.

Eder, M. (2018). stylo blog, "Authorship verification with the package stylo"; stylo
``R/imposters.optimize.R``.

Platt, J. (1999). Probabilistic outputs for support vector machines and comparisons to
regularized likelihood methods. Advances in Large Margin Classifiers, 61-74.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np

# scikit-learn (0.6 s to import) is imported where it is used: the workflow imports this module
# when it starts, to plan its jobs.

from wordprint.attribute.pan_measures import (
    PAN_METRICS,
    _binary,
    _probabilities,
    auc,
    c_at_1,
    pan_evaluation,
)

GreyZoneConvention = Literal["pan", "stylo"]

# --- the grey zone ------------------------------------------------------------------------------


def grey_zone_scores(
    scores: np.ndarray, *, p1: float, p2: float, convention: GreyZoneConvention = "pan"
) -> np.ndarray:
    """Scores rescaled around the grey zone [p1, p2]: 0.5 (no answer) inside it.

    ``pan``: below p1 linearly into [0, 0.5), above p2 into (0.5, 1]; the rescaling is
    monotone, so a score below p1 is always a "no" and one above p2 a "yes". ``stylo``: stylo's
    p1 * s below p1 and p2 + (1 - p2) * s above p2, which can flip an answer (see the module
    notes; p1 = 0.76 for the Federalist at 300 MFW with Classic Delta would).

    References
    ----------
    Kestemont, M., Stover, J., Koppel, M., Karsdorp, F. & Daelemans, W. (2016). Authenticating
    the writings of Julius Caesar. Expert Systems with Applications 63, 86-96.

    Examples
    --------
    >>> grey_zone_scores(np.array([0.2, 0.5, 0.8, 0.3]), p1=0.4, p2=0.6).round(4).tolist()
    [0.25, 0.5, 0.75, 0.375]
    >>> s = np.array([0.2, 0.45, 0.8])
    >>> grey_zone_scores(s, p1=0.3, p2=0.6, convention="stylo").round(2).tolist()
    [0.06, 0.5, 0.92]
    """
    if not 0 <= p1 <= p2 <= 1:
        raise ValueError(f"need 0 <= p1 <= p2 <= 1, got p1={p1}, p2={p2}")
    s = _probabilities(scores, "scores")
    if convention == "stylo":
        return np.where(s < p1, p1 * s, np.where(s <= p2, 0.5, p2 + (1 - p2) * s))
    _convention(convention)
    low = 0.5 * s / (p1 if p1 > 0 else 1.0)
    high = 0.5 + 0.5 * (s - p2) / ((1.0 - p2) if p2 < 1 else 1.0)
    return np.where(s < p1, low, np.where(s <= p2, 0.5, high))


def fit_grey_zone(
    scores: np.ndarray,
    same_author: np.ndarray,
    *,
    step: float = 0.01,
    convention: GreyZoneConvention = "pan",
) -> dict[str, float]:
    """The grey zone (p1, p2) that serves the known texts best, by grid search.

    p1 and p2 run over 0, step, ..., 1 with p1 <= p2 (``step`` is stylo's ``parameter.incr``).
    ``pan`` (the default) maximises AUC x c@1 of :func:`grey_zone_scores`, takes the widest of
    the best zones and moves its bounds to the middle of their gaps; ``stylo`` is stylo's
    ``imposters.optimize()`` (see the module notes for both).

    Returns ``p1``, ``p2``, ``c_at_1`` and ``auc`` (of the answers the zone gives on these
    scores) and ``best``, the best value of the convention's objective on the grid (AUC x c@1;
    c@1 for ``stylo``, which may choose a zone that does not reach it).

    References
    ----------
    Kestemont, M., Stover, J., Koppel, M., Karsdorp, F. & Daelemans, W. (2016). Authenticating
    the writings of Julius Caesar. Expert Systems with Applications 63, 86-96.

    Peñas, A. & Rodrigo, A. (2011). A simple measure to assess non-response. Proceedings of
    the 49th Annual Meeting of the ACL, 1415-1424.

    Examples
    --------
    >>> s = np.array([0.9, 0.8, 0.4, 0.1, 0.2, 0.5])
    >>> y = np.array([1, 1, 1, 0, 0, 0])
    >>> zone = fit_grey_zone(s, y, step=0.1)
    >>> zone["p1"], zone["p2"], round(zone["c_at_1"], 4), round(zone["auc"], 4)
    (0.3, 0.65, 0.8889, 0.9444)
    >>> zone = fit_grey_zone(s, y, step=0.1, convention="stylo")
    >>> zone["p1"], zone["p2"], zone["c_at_1"]
    (0.1, 0.4, 0.5)
    """
    s = _probabilities(scores, "scores")
    y = _binary(same_author, len(s))
    if not 0 < step <= 0.5:
        raise ValueError(f"step must be in (0, 0.5], got {step}")
    if convention == "stylo":
        p1, p2, best = _stylo_zone(s, y, step)
    else:
        _convention(convention)
        p1, p2, best = _pan_zone(s, y, step)
    zoned = grey_zone_scores(s, p1=p1, p2=p2, convention=convention)
    both = len(set(y.tolist())) == 2
    return {
        "p1": p1,
        "p2": p2,
        "c_at_1": c_at_1(y, zoned),
        "auc": auc(y, zoned) if both else float("nan"),
        "best": best,
    }


def _pan_zone(s: np.ndarray, y: np.ndarray, step: float) -> tuple[float, float, float]:
    if len(set(y.tolist())) < 2:
        raise ValueError("the grey zone needs both same-author and different-author scores")
    grid = np.minimum(np.round(np.arange(int(np.floor(1 / step + 1e-10)) + 1) * step, 10), 1.0)
    n = len(s)
    # c@1 of every pair (p1, p2) = (grid[i], grid[j]) at once: "no" below p1, "yes" above p2
    below = s[None, :] < grid[:, None]
    above = s[None, :] > grid[:, None]
    no_right, no_n = (below & (y == 0)).sum(axis=1), below.sum(axis=1)
    yes_right, yes_n = (above & (y == 1)).sum(axis=1), above.sum(axis=1)
    nc = no_right[:, None] + yes_right[None, :]
    nu = n - no_n[:, None] - yes_n[None, :]
    c1 = (nc + nu * nc / n) / n
    table = _zoned_auc(s, y, grid) * c1
    table[np.tril_indices(len(grid), k=-1)] = -1.0  # p2 < p1
    best = float(table.max())
    i, j = max(
        zip(*np.nonzero(np.isclose(table, best, rtol=0, atol=1e-12))),
        key=lambda ij: (ij[1] - ij[0], -ij[0]),
    )
    # Any p1 between the same two scores gives the same answers: take the middle of that gap
    # (and of p2's), so a new text's score is judged by the widest margin on both sides.
    p1, p2 = grid[i], grid[j]
    p1 = (s[s < p1].max(initial=0.0) + s[s >= p1].min(initial=1.0)) / 2
    p2 = (s[s <= p2].max(initial=0.0) + s[s > p2].min(initial=1.0)) / 2
    return round(float(p1), 10), round(float(p2), 10), best


def _zoned_auc(s: np.ndarray, y: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """AUC of the zoned scores for every pair (grid[i], grid[j]), as a grid x grid table.

    The rescaling is monotone, so a same-author/different-author pair keeps its order unless
    both scores fall in the zone, where they tie: AUC = (W - D) / (n_same n_different), W the
    Mann-Whitney count of all pairs (a tie counts 1/2) and D the sum of (its count - 1/2) over
    the pairs inside the zone, a dominance sum over the grid.
    """
    same, different = s[y == 1], s[y == 0]
    counts = (same[:, None] > different[None, :]) + 0.5 * (same[:, None] == different[None, :])
    low = np.minimum(same[:, None], different[None, :]).ravel()
    high = np.maximum(same[:, None], different[None, :]).ravel()
    # a pair is inside zone (i, j) when grid[i] <= low and high <= grid[j]: i < a and j >= b
    a = np.searchsorted(grid, low, side="right")
    b = np.searchsorted(grid, high, side="left")
    size = len(grid) + 1
    moved = np.zeros((size, size))
    np.add.at(moved, (a, b), (counts - 0.5).ravel())
    inside = np.cumsum(np.cumsum(moved[::-1], axis=0)[::-1], axis=1)  # sum over a > i, b <= j
    return (counts.sum() - inside[1:, :-1]) / counts.size


def _stylo_zone(s: np.ndarray, y: np.ndarray, step: float) -> tuple[float, float, float]:
    # R's seq(): p1 = i * step, p2 = p1 + k * step, in the same floating-point arithmetic
    keys = [
        (i, k)
        for i in range(int(np.floor(1 / step + 1e-10)) + 1)
        for k in range(int(np.floor((1 - i * step) / step + 1e-10)) + 1)
    ]
    p1s = np.array([i * step for i, _ in keys])[:, None]
    p2s = np.minimum(np.array([i * step + k * step for i, k in keys]), 1.0)[:, None]
    # every pair at once: c@1 of stylo's rescaling, one row per pair
    rescaled = np.where(s < p1s, p1s * s, np.where(s <= p2s, 0.5, p2s + (1 - p2s) * s))
    answered = rescaled != 0.5
    nc = (answered & ((rescaled > 0.5) == (y == 1))).sum(axis=1)
    nu = (~answered).sum(axis=1)
    table = (nc + nu * nc / len(s)) / len(s)
    best = float(table.max())
    optima = [keys[j] for j in np.flatnonzero(np.isclose(table, best, rtol=0, atol=1e-12))]
    # stylo stores (p1, p2) in row k + 1 and column i + 1 of a matrix, then pools the row and
    # column indices of every best cell: p1 from the smallest, p2 from the largest
    pooled = [index for key in optima for index in key]
    return round(min(pooled) * step, 10), round(max(pooled) * step, 10), best


def _convention(convention: str) -> None:
    if convention not in ("pan", "stylo"):
        raise ValueError(f"unknown convention {convention!r}; choose one of pan, stylo")


# --- the logistic fit ---------------------------------------------------------------------------


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


# --- both, fitted and evaluated -------------------------------------------------------------------


def calibrate(
    scores: np.ndarray,
    same_author: np.ndarray,
    groups: Sequence[str],
    *,
    step: float = 0.01,
) -> dict[str, Any]:
    """Fit both calibrations on known-text impostors scores and evaluate them, PAN style.

    ``scores`` and ``same_author`` are :func:`wordprint.attribute.impostors.known_scores`'s,
    ``groups`` the text each problem is about. The grey zone is :func:`fit_grey_zone`'s
    (AUC x c@1, Kestemont et al. 2016); the logistic fit (:func:`fit_logistic`) maps a score
    to the probability of the same author. Each is evaluated on the problems it was fitted on
    (``in_sample``, what stylo's ``imposters.optimize`` reports) and on held-out texts
    (``held_out``: fitted without the text, applied to its problems, for every text), the
    honest estimate; the raw scores are evaluated as they are.

    Returns
    -------
    dict
        ``p1``, ``p2``, ``intercept``, ``slope`` (fitted on all problems) and ``rows``: one per
        calibration (``raw``, ``grey_zone``, ``logistic``) and evaluation, with the PAN
        measures (AUC, c@1, F0.5u, F1, complement of Brier, and their mean ``overall``).

    References
    ----------
    Kestemont, M., Stover, J., Koppel, M., Karsdorp, F. & Daelemans, W. (2016). Authenticating
    the writings of Julius Caesar. Expert Systems with Applications 63, 86-96.

    Peñas, A. & Rodrigo, A. (2011). A simple measure to assess non-response. Proceedings of
    the 49th Annual Meeting of the ACL, 1415-1424.

    Examples
    --------
    >>> s = np.array([0.9, 0.8, 0.7, 0.3, 0.2, 0.1, 0.95, 0.15])
    >>> y = np.array([1, 1, 1, 0, 0, 0, 1, 0])
    >>> out = calibrate(s, y, ["a", "a", "b", "b", "c", "c", "d", "d"], step=0.1)
    >>> [(r["calibration"], r["evaluation"]) for r in out["rows"]][:3]
    [('raw', 'none'), ('grey_zone', 'in_sample'), ('grey_zone', 'held_out')]
    """
    s = np.asarray(scores, dtype=float)
    y = np.asarray(same_author).astype(int)
    groups = np.asarray([str(g) for g in groups])
    zone = fit_grey_zone(s, y, step=step)
    fit = fit_logistic(s, y)
    held = {"grey_zone": np.empty_like(s), "logistic": np.empty_like(s)}
    for g in dict.fromkeys(groups.tolist()):
        out, rest = groups == g, groups != g
        if len(set(y[rest].tolist())) < 2:  # too few texts left to fit
            held["grey_zone"][out] = held["logistic"][out] = 0.5
            continue
        z = fit_grey_zone(s[rest], y[rest], step=step)
        held["grey_zone"][out] = grey_zone_scores(s[out], p1=z["p1"], p2=z["p2"])
        held["logistic"][out] = logistic_probability(s[out], **fit_logistic(s[rest], y[rest]))
    fitted = {
        "grey_zone": grey_zone_scores(s, p1=zone["p1"], p2=zone["p2"]),
        "logistic": logistic_probability(s, **fit),
    }
    params = {"p1": zone["p1"], "p2": zone["p2"], "intercept": fit["intercept"],
              "slope": fit["slope"]}
    rows = [_evaluation_row("raw", "none", y, s, params)]
    for name in ("grey_zone", "logistic"):
        rows.append(_evaluation_row(name, "in_sample", y, fitted[name], params))
        rows.append(_evaluation_row(name, "held_out", y, held[name], params))
    return {**params, "rows": rows}


def _evaluation_row(name: str, evaluation: str, y, predictions, params) -> dict:
    metrics = pan_evaluation(y, np.clip(predictions, 0.0, 1.0))
    return {
        "calibration": name,
        "evaluation": evaluation,
        **params,
        "problems": len(y),
        "same_author": int(np.sum(y)),
        **{m: metrics[m] for m in [*PAN_METRICS, "overall"]},
    }
