"""The PAN authorship-verification measures: AUC, c@1, F0.5u, F1 and the Brier complement.

A verifier answers each problem ("did this candidate write this text?") with a score in [0, 1]:
above 0.5 "yes", below "no", and exactly 0.5 no answer. The measures (:data:`PAN_METRICS`)
follow the PAN authorship-verification evaluator (pan-webis-de/pan-code,
``clef22/authorship-verification/pan22_verif_evaluator.py``): AUC, c@1, F0.5u, F1 on answered
problems and the complement of the Brier score, and their mean (:func:`pan_evaluation`).

References
----------
Peñas, A. & Rodrigo, A. (2011). A simple measure to assess non-response. Proceedings of the
49th Annual Meeting of the ACL, 1415-1424.

Bevendorff, J., Stein, B., Hagen, M. & Potthast, M. (2019). Generalizing unmasking for short
texts. Proceedings of NAACL-HLT 2019, 654-659.

Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. Monthly
Weather Review 78(1), 1-3.

Kestemont, M. et al. (2021). Overview of the cross-domain authorship verification task at
PAN 2021. CLEF 2021 Working Notes.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

# scikit-learn (0.6 s to import) is imported where it is used: the workflow imports this module
# when it starts, to plan its jobs.


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


# --- checks shared with the calibration ----------------------------------------------------------


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
