"""Supervised authorship attribution: classifiers by name, cross-validation, scores.

Input is a documents x features table of relative frequencies (as :mod:`wordprint.measures.distances`)
with one string label (author) per document. Every classifier is fitted on a training table
only and then scores a test table, so nothing learnt (z-score means and deviations, centroids,
shrinkage, support vectors) ever sees a test document: cross-validation has no leakage.

Classifiers (:data:`CLASSIFIERS`)
---------------------------------
- ``delta``: Burrows's Delta as stylo's ``classify()``/``perform.delta``: the test text goes to
  the author of its *nearest training text*; any registered distance measure, z-scores from the
  training set (stylo's ``classify()`` default, ``z.scores.of.all.samples = FALSE``). Score: the
  distance to the author's nearest text (lower is better).
- ``delta_centroid``: Burrows's (2002) own procedure: distance to each author's centroid (mean
  profile of the author's training texts). Score: that distance (lower is better).
- ``knn``: the ``k`` nearest training texts vote (any registered measure); ties go to the class
  with the nearer nearest text. Score: the class's share of the ``k`` votes (higher is better).
  With ``k = 1`` it is ``delta``.
- ``svm``: a linear support vector machine (scikit-learn ``SVC(kernel="linear")``, libsvm as R's
  e1071 that stylo's ``perform.svm`` calls, cost 1, one-vs-one) on z-scores of the training set
  (e1071 scales by default). Score, as stylo: the mean of the one-vs-one decision values that
  involve the class, signed towards it (higher is better). The prediction is libsvm's
  one-vs-one vote (what e1071's ``predict`` returns), ties broken by that score; stylo ranks by
  the mean decision value alone, which on ``lee`` at 100 MFW (leave-one-out) misattributes 2
  texts that the vote gets right.
- ``nsc``: nearest shrunken centroids (Tibshirani et al. 2002) with scikit-learn's
  ``NearestCentroid(shrink_threshold=..., priors="empirical")`` on relative frequencies (the
  method standardises internally; stylo's ``perform.nsc`` calls R's pamr at threshold 1).
  Score: the posterior probability exp(-delta_k / 2) / sum_l exp(-delta_l / 2) of Tibshirani
  et al. (higher is better).

z-scores and stylo's ``crossv()``
---------------------------------
stylo's ``crossv()`` and ``perform.delta()`` default to z-scores over the training and the
test texts together (``z.scores.both.sets = TRUE``); a test text then shifts the statistics it
is scored with. We take them from the training fold only; on ``lee`` both choices give the
published leave-one-out result (26/28, the same two errors; see ``tests/test_distances.py``).

Scores
------
Accuracy, and macro-averaged precision, recall and F1 over every class that occurs as a true
or a predicted label, a class never predicted counting precision 0 and F1 0 (scikit-learn's
``average="macro"`` with ``zero_division=0``). This reproduces the numbers Eder published for
stylo (blog post "performance measures", 2021). The current stylo ``performance.measures()``
(``drop_test_classes = TRUE``) instead drops classes that were never predicted, with their
documents, which changes the scores whenever a class gets no prediction (Glasgow in the
one-text-per-author ``lee`` test).

References
----------
Burrows, J. (2002). 'Delta': a measure of stylistic difference and a guide to likely
authorship. Literary and Linguistic Computing 17(3), 267-287.

Tibshirani, R., Hastie, T., Narasimhan, B. & Chu, G. (2002). Diagnosis of multiple cancer
types by shrunken centroids of gene expression. PNAS 99(10), 6567-6572.

Cortes, C. & Vapnik, V. (1995). Support-vector networks. Machine Learning 20, 273-297.

Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for computational
text analysis. The R Journal 8(1), 107-121.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

# scikit-learn (0.6 s to import) is imported where it is used: the workflow imports this module
# when it starts, to plan its jobs.

from wordprint.measures.distances import MEASURES, MeasureName, cross_distances, z_score

ClassifierName = Literal["delta", "delta_centroid", "knn", "svm", "nsc"]
CVName = Literal["loo", "kfold"]


@dataclass(frozen=True)
class Options:
    """Classifier options; each classifier reads the ones it needs."""

    measure: str = "burrows"
    k: int = 1
    cost: float = 1.0
    shrink_threshold: float = 1.0


# A classifier maps (X_train, y_train as class indices, n_classes, X_test, options) to the
# n_test x n_classes score table and the lexsort keys that rank classes (last key first).
ScoreFunction = Callable[
    [np.ndarray, np.ndarray, int, np.ndarray, Options], tuple[np.ndarray, tuple[np.ndarray, ...]]
]


@dataclass(frozen=True)
class Classifier:
    function: ScoreFunction
    description: str
    higher_is_better: bool
    reference: str


def _delta(Xtr, ytr, n_classes, Xte, o):
    D = cross_distances(Xte, Xtr, measure=o.measure)
    scores = np.full((len(Xte), n_classes), np.inf)
    for c in range(n_classes):
        scores[:, c] = D[:, ytr == c].min(axis=1)
    return scores, (scores,)


def _delta_centroid(Xtr, ytr, n_classes, Xte, o):
    centroids = np.vstack([Xtr[ytr == c].mean(axis=0) for c in range(n_classes)])
    # Statistics from the training texts, not from the centroids: the mean of z-scores is
    # the z-score of the mean, so this is Burrows's distance to the author's mean z-profile.
    stats = {}
    if MEASURES[o.measure].uses_z_scores:
        stats = {"mean": Xtr.mean(axis=0), "std": Xtr.std(axis=0, ddof=1)}
    scores = cross_distances(Xte, centroids, measure=o.measure, **stats)
    return scores, (scores,)


def _knn(Xtr, ytr, n_classes, Xte, o):
    D = cross_distances(Xte, Xtr, measure=o.measure)
    k = min(o.k, len(Xtr))
    nearest = np.argsort(D, axis=1, kind="stable")[:, :k]
    votes = np.zeros((len(Xte), n_classes))
    for j in range(k):
        np.add.at(votes, (np.arange(len(Xte)), ytr[nearest[:, j]]), 1.0)
    closest = np.full((len(Xte), n_classes), np.inf)
    for c in range(n_classes):
        closest[:, c] = D[:, ytr == c].min(axis=1)
    return votes / k, (closest, -votes)


def _svm(Xtr, ytr, n_classes, Xte, o):
    mean, std = Xtr.mean(axis=0), Xtr.std(axis=0, ddof=1)
    from sklearn.svm import SVC

    model = SVC(kernel="linear", C=o.cost, decision_function_shape="ovo")
    model.fit(z_score(Xtr, mean=mean, std=std), ytr)
    dec = model.decision_function(z_score(Xte, mean=mean, std=std))
    scores = np.zeros((len(Xte), n_classes))
    votes = np.zeros((len(Xte), n_classes))
    if n_classes == 2:
        # scikit-learn's binary decision value is positive for the second class
        scores[:, 1], scores[:, 0] = dec, -dec
        return scores, (-scores,)
    # one-vs-one columns in pair order (0,1), (0,2), ..., positive towards the first class
    pair = 0
    for i in range(n_classes):
        for j in range(i + 1, n_classes):
            scores[:, i] += dec[:, pair]
            scores[:, j] -= dec[:, pair]
            votes[:, i] += dec[:, pair] > 0
            votes[:, j] += dec[:, pair] <= 0
            pair += 1
    scores /= n_classes - 1
    # libsvm's one-vs-one vote decides (as e1071's predict), the mean decision value breaks ties
    return scores, (-scores, -votes)


def _nsc(Xtr, ytr, n_classes, Xte, o):
    from sklearn.neighbors import NearestCentroid

    model = NearestCentroid(shrink_threshold=o.shrink_threshold or None, priors="empirical")
    with warnings.catch_warnings():
        # a word absent from every training text has zero within-class spread; harmless here
        warnings.filterwarnings("ignore", message=".*zero standard deviation.*")
        model.fit(Xtr, ytr)
        log_proba = model.predict_log_proba(Xte)
    # scikit-learn's probabilities are softmax(-delta); Tibshirani et al.'s softmax(-delta / 2)
    half = log_proba / 2.0
    posterior = np.exp(half - half.max(axis=1, keepdims=True))
    posterior /= posterior.sum(axis=1, keepdims=True)
    return posterior, (-posterior,)


_BURROWS = (
    "Burrows, J. (2002). 'Delta': a measure of stylistic difference and a guide to likely "
    "authorship. Literary and Linguistic Computing 17(3), 267-287."
)

CLASSIFIERS: dict[str, Classifier] = {
    "delta": Classifier(
        _delta,
        "nearest training text (stylo's classify/perform.delta); score = distance",
        False,
        f"{_BURROWS} Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R. "
        "The R Journal 8(1), 107-121.",
    ),
    "delta_centroid": Classifier(
        _delta_centroid, "nearest author centroid; score = distance", False, _BURROWS
    ),
    "knn": Classifier(
        _knn,
        "k nearest training texts vote; score = vote share",
        True,
        "Cover, T. & Hart, P. (1967). Nearest neighbor pattern classification. IEEE "
        "Transactions on Information Theory 13(1), 21-27.",
    ),
    "svm": Classifier(
        _svm,
        "linear SVM on training z-scores; score = mean one-vs-one decision value",
        True,
        "Cortes, C. & Vapnik, V. (1995). Support-vector networks. Machine Learning 20, 273-297.",
    ),
    "nsc": Classifier(
        _nsc,
        "nearest shrunken centroids; score = posterior probability",
        True,
        "Tibshirani, R., Hastie, T., Narasimhan, B. & Chu, G. (2002). Diagnosis of multiple "
        "cancer types by shrunken centroids of gene expression. PNAS 99(10), 6567-6572.",
    ),
}


# --- fitting and predicting ----------------------------------------------------------------------


def predict(
    X_train: np.ndarray,
    labels_train: Sequence[str],
    X_test: np.ndarray,
    *,
    classifier: ClassifierName = "delta",
    measure: MeasureName = "burrows",
    k: int = 1,
    cost: float = 1.0,
    shrink_threshold: float = 1.0,
) -> dict:
    """Fit ``classifier`` on the training documents and score every test document.

    Only the training table is used to fit (z-scores, centroids, shrinkage, the SVM); test
    rows are scored one by one and never influence each other. ``measure`` applies to
    ``delta``, ``delta_centroid`` and ``knn``, ``k`` to ``knn``, ``cost`` to ``svm`` and
    ``shrink_threshold`` to ``nsc`` (0 = no shrinkage).

    Returns
    -------
    dict
        ``classes`` (training classes, sorted), ``scores`` (n_test x n_classes),
        ``higher_is_better``, and per test document ``predicted``, ``score``, ``runner_up`` and
        ``runner_up_score`` (the second-ranked class and its score).

    References
    ----------
    See the module references and ``CLASSIFIERS[name].reference``.

    Examples
    --------
    >>> X = np.array([[0.10, 0.20], [0.12, 0.18], [0.30, 0.05], [0.28, 0.07]])
    >>> out = predict(X, ["a", "a", "b", "b"], np.array([[0.11, 0.19]]))
    >>> out["predicted"], out["runner_up"]
    (['a'], ['b'])
    """
    options = _options(classifier, measure, k, cost, shrink_threshold)
    X_train, X_test = _table(X_train, "X_train"), _table(X_test, "X_test")
    if X_train.shape[1] != X_test.shape[1]:
        raise ValueError(
            f"X_train and X_test must have the same features (columns), got "
            f"{X_train.shape[1]} and {X_test.shape[1]}"
        )
    labels_train = _labels(labels_train, len(X_train), "labels_train")
    classes, y = np.unique(labels_train, return_inverse=True)
    if len(classes) < 2:
        raise ValueError(f"the training set needs at least 2 classes, got {list(classes)}")
    entry = CLASSIFIERS[classifier]
    scores, keys = entry.function(X_train, y, len(classes), X_test, options)
    order = np.lexsort(keys, axis=-1)  # stable: ties keep the sorted class order
    rows = np.arange(len(X_test))
    best, second = order[:, 0], order[:, 1]
    return {
        "classes": [str(c) for c in classes],
        "scores": scores,
        "higher_is_better": entry.higher_is_better,
        "predicted": [str(classes[i]) for i in best],
        "score": scores[rows, best],
        "runner_up": [str(classes[i]) for i in second],
        "runner_up_score": scores[rows, second],
    }


def attribute(
    X_known: np.ndarray,
    labels_known: Sequence[str],
    X_questioned: np.ndarray,
    *,
    ids: Sequence[str] | None = None,
    classifier: ClassifierName = "delta",
    measure: MeasureName = "burrows",
    k: int = 1,
    cost: float = 1.0,
    shrink_threshold: float = 1.0,
) -> list[dict]:
    """Train on the known documents and attribute each questioned one (the Federalist case).

    Returns one row per questioned document: ``id``, ``predicted``, ``score``, ``runner_up``,
    ``runner_up_score`` (``csv.DictWriter`` writes them as they are). Options as
    :func:`predict`.

    References
    ----------
    Mosteller, F. & Wallace, D. L. (1964). Inference and Disputed Authorship: The Federalist.
    Addison-Wesley.

    Examples
    --------
    >>> X = np.array([[0.10, 0.20], [0.12, 0.18], [0.30, 0.05], [0.28, 0.07]])
    >>> attribute(X, ["a", "a", "b", "b"], np.array([[0.29, 0.06]]), ids=["q"])[0]["predicted"]
    'b'
    """
    X_questioned = _table(X_questioned, "X_questioned")
    ids = _ids(ids, len(X_questioned))
    out = predict(
        X_known,
        labels_known,
        X_questioned,
        classifier=classifier,
        measure=measure,
        k=k,
        cost=cost,
        shrink_threshold=shrink_threshold,
    )
    return [
        {
            "id": ids[i],
            "predicted": out["predicted"][i],
            "score": float(out["score"][i]),
            "runner_up": out["runner_up"][i],
            "runner_up_score": float(out["runner_up_score"][i]),
        }
        for i in range(len(ids))
    ]


# --- cross-validation ----------------------------------------------------------------------------


def folds(
    labels: Sequence[str], *, cv: CVName = "loo", n_folds: int = 10, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) index arrays: leave-one-out, or stratified k-fold shuffled with ``seed``.

    References
    ----------
    Kohavi, R. (1995). A study of cross-validation and bootstrap for accuracy estimation and
    model selection. Proceedings of IJCAI 1995, 1137-1143.

    Examples
    --------
    >>> [test.tolist() for _, test in folds(["a", "a", "b"], cv="loo")]
    [[0], [1], [2]]
    """
    labels = _labels(labels, None, "labels")
    if cv == "loo":
        from sklearn.model_selection import LeaveOneOut

        splitter = LeaveOneOut()
    elif cv == "kfold":
        if n_folds < 2:
            raise ValueError(f"n_folds must be at least 2, got {n_folds}")
        if n_folds > len(labels):
            raise ValueError(f"n_folds ({n_folds}) exceeds the number of documents ({len(labels)})")
        from sklearn.model_selection import StratifiedKFold

        splitter = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    else:
        raise ValueError(f"unknown cv {cv!r}; choose one of loo, kfold")
    with warnings.catch_warnings():
        # a class smaller than n_folds is simply absent from some test folds
        warnings.filterwarnings("ignore", message=".*least populated class.*")
        return list(splitter.split(np.zeros((len(labels), 1)), labels))


def cross_validate(
    X: np.ndarray,
    labels: Sequence[str],
    *,
    ids: Sequence[str] | None = None,
    classifier: ClassifierName = "delta",
    cv: CVName = "loo",
    n_folds: int = 10,
    seed: int = 0,
    measure: MeasureName = "burrows",
    k: int = 1,
    cost: float = 1.0,
    shrink_threshold: float = 1.0,
) -> dict:
    """Cross-validated attribution: each document predicted by a model fitted without its fold.

    Everything fitted (z-score means and deviations, centroids, the SVM, shrunken centroids)
    comes from the training folds only. ``cv="loo"`` is leave-one-out (stylo's
    ``crossv(cv.mode = "leaveoneout")``); ``cv="kfold"`` is stratified k-fold with ``n_folds``
    folds shuffled by ``seed`` (same seed, same folds, same numbers).

    Returns
    -------
    dict
        ``predictions``: one row per document (``id``, ``fold``, ``true``, ``predicted``,
        ``score``, ``runner_up``, ``runner_up_score``, ``correct``); plus everything
        :func:`evaluate` returns (``metrics``, ``per_class``, ``confusion``).

    References
    ----------
    Eder, M. & Rybicki, J. (2013). Do birds of a feather really flock together, or how to
    choose training samples for authorship attribution. Literary and Linguistic Computing
    28(2), 229-236.

    Examples
    --------
    >>> X = np.array([[0.10, 0.20], [0.12, 0.18], [0.11, 0.21], [0.30, 0.05], [0.28, 0.07],
    ...               [0.31, 0.06]])
    >>> cross_validate(X, ["a", "a", "a", "b", "b", "b"])["metrics"]["accuracy"]
    1.0
    """
    X = _table(X, "X")
    labels = _labels(labels, len(X), "labels")
    ids = _ids(ids, len(X))
    rows: list[dict | None] = [None] * len(X)
    for f, (train, test) in enumerate(folds(labels, cv=cv, n_folds=n_folds, seed=seed)):
        out = predict(
            X[train],
            labels[train],
            X[test],
            classifier=classifier,
            measure=measure,
            k=k,
            cost=cost,
            shrink_threshold=shrink_threshold,
        )
        for j, i in enumerate(test):
            rows[i] = {
                "id": ids[i],
                "fold": f,
                "true": str(labels[i]),
                "predicted": out["predicted"][j],
                "score": float(out["score"][j]),
                "runner_up": out["runner_up"][j],
                "runner_up_score": float(out["runner_up_score"][j]),
                "correct": out["predicted"][j] == labels[i],
            }
    predictions = [r for r in rows if r is not None]
    result = {"predictions": predictions}
    result.update(evaluate([r["true"] for r in predictions], [r["predicted"] for r in predictions]))
    return result


def evaluate(true: Sequence[str], predicted: Sequence[str]) -> dict:
    """Accuracy, macro precision/recall/F1, per-class scores and the confusion matrix.

    Classes are every label that occurs as true or predicted, sorted; a class never predicted
    has precision 0 and F1 0 (the convention that reproduces stylo's published numbers; see
    the module notes). Returns ``metrics`` (``accuracy``, ``macro_precision``,
    ``macro_recall``, ``macro_f1``, ``n``), ``per_class`` (rows: ``class``, ``precision``,
    ``recall``, ``f1``, ``support``) and ``confusion`` (``classes`` and ``matrix``: rows are
    true classes, columns predicted).

    References
    ----------
    Sokolova, M. & Lapalme, G. (2009). A systematic analysis of performance measures for
    classification tasks. Information Processing and Management 45(4), 427-437.

    Examples
    --------
    >>> evaluate(["a", "a", "b"], ["a", "b", "b"])["metrics"]["macro_f1"]
    0.6666666666666666
    """
    true, predicted = list(map(str, true)), list(map(str, predicted))
    if len(true) != len(predicted) or not true:
        raise ValueError(
            f"true and predicted must be non-empty and of equal length, got {len(true)} and "
            f"{len(predicted)}"
        )
    classes = sorted(set(true) | set(predicted))
    from sklearn import metrics

    p, r, f, support = metrics.precision_recall_fscore_support(
        true, predicted, labels=classes, zero_division=0
    )
    return {
        "metrics": {
            "accuracy": float(metrics.accuracy_score(true, predicted)),
            "macro_precision": float(np.mean(p)),
            "macro_recall": float(np.mean(r)),
            "macro_f1": float(np.mean(f)),
            "n": len(true),
        },
        "per_class": [
            {
                "class": c,
                "precision": float(p[i]),
                "recall": float(r[i]),
                "f1": float(f[i]),
                "support": int(support[i]),
            }
            for i, c in enumerate(classes)
        ],
        "confusion": {
            "classes": classes,
            "matrix": metrics.confusion_matrix(true, predicted, labels=classes).tolist(),
        },
    }


# --- validation helpers ------------------------------------------------------------------------


def _options(classifier: str, measure: str, k: int, cost: float, shrink: float) -> Options:
    if classifier not in CLASSIFIERS:
        raise ValueError(
            f"unknown classifier {classifier!r}; choose one of {', '.join(CLASSIFIERS)}"
        )
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    if int(k) != k or k < 1:
        raise ValueError(f"k must be a positive integer, got {k}")
    if not cost > 0:
        raise ValueError(f"cost must be positive, got {cost}")
    if not shrink >= 0:
        raise ValueError(f"shrink_threshold must be 0 or more, got {shrink}")
    return Options(measure=measure, k=int(k), cost=float(cost), shrink_threshold=float(shrink))


def _table(X: np.ndarray, name: str) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError(
            f"{name} must be a non-empty 2-D array (documents x features), got shape {X.shape}"
        )
    return X


def _labels(labels: Sequence[str], n: int | None, name: str) -> np.ndarray:
    labels = np.asarray([str(x) for x in labels])
    if n is not None and len(labels) != n:
        raise ValueError(f"{name} must hold one label per document ({n}), got {len(labels)}")
    if len(labels) == 0:
        raise ValueError(f"{name} is empty")
    return labels


def _ids(ids: Sequence[str] | None, n: int) -> list[str]:
    if ids is None:
        return [str(i) for i in range(n)]
    if len(ids) != n:
        raise ValueError(f"ids must hold one id per document ({n}), got {len(ids)}")
    return [str(i) for i in ids]
