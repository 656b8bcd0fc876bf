"""Supervised authorship attribution: the classifiers by name, fitted and applied.

Input is a documents x features table of relative frequencies (as :mod:`wordprint.measures.distances`)
with one string label (author) per document. Every classifier is fitted on a training table
only and then scores a test table, so nothing learnt (z-score means and deviations, centroids,
shrinkage, support vectors) ever sees a test document: cross-validation
(:mod:`wordprint.attribute.validation`) has no leakage.

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
  Score: the *discriminant share* exp(-delta_k / 2) / sum_l exp(-delta_l / 2) of the
  discriminant scores delta_k (higher is better). Tibshirani et al. (2002, eq. 6) call it the
  estimated posterior probability, which it would be if the features were independent and
  Gaussian with the pooled within-class spread; word frequencies are neither, and the gaps
  between the delta_k grow with the number of features, so the share is near 1 for almost any
  text: on stylo's ``lee`` novels at 300 MFW, leave-one-out accuracy is 0.86, yet the mean
  share is 0.99997 and the four misattributed novels get 0.999-1.000. It ranks the authors
  and is **not a probability**: the cross-validated accuracy says how far to trust the
  attribution, General Impostors' calibrated probability whether the author wrote it.


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
    # scikit-learn's probabilities are softmax(-delta); Tibshirani et al.'s softmax(-delta / 2),
    # which is no calibrated probability (module notes): the discriminant share.
    half = log_proba / 2.0
    share = np.exp(half - half.max(axis=1, keepdims=True))
    share /= share.sum(axis=1, keepdims=True)
    return share, (-share,)


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
        "nearest shrunken centroids; score = discriminant share (not a probability)",
        True,
        "Tibshirani, R., Hastie, T., Narasimhan, B. & Chu, G. (2002). Diagnosis of multiple "
        "cancer types by shrunken centroids of gene expression. PNAS 99(10), 6567-6572.",
    ),
}


#: Short names of the classifiers for figures and tables.
CLASSIFIER_LABELS: dict[str, str] = {
    "delta": "Delta (nearest text)",
    "delta_centroid": "Delta (author centroid)",
    "knn": "k nearest neighbours",
    "svm": "linear SVM",
    "nsc": "nearest shrunken centroids",
}

#: What each classifier's score is (see :data:`CLASSIFIERS`).
SCORE_MEANINGS: dict[str, str] = {
    "delta": "distance to the nearest text of the author (lower is closer)",
    "delta_centroid": "distance to the author's centroid (lower is closer)",
    "knn": "share of the k nearest texts (higher is closer)",
    "svm": "mean one-vs-one decision value (higher is closer)",
    "nsc": "discriminant share, softmax of -delta/2 (Tibshirani et al. 2002); not a calibrated "
           "probability (higher is closer)",
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
    with warnings.catch_warnings():
        # scikit-learn warns that many classes with few texts each "could represent a
        # regression problem"; one text per author is common in attribution.
        warnings.filterwarnings("ignore", message=".*unique classes is greater than 50%.*")
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
