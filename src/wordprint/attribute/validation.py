"""Cross-validated attribution: folds, each document predicted without it, and the scores.

:func:`folds` cuts the known samples into (train, test) folds that never split a document;
:func:`cross_validate` predicts every sample with one classifier fitted on the other folds
(:func:`wordprint.attribute.classify.predict`) and scores the predictions (:func:`evaluate`);
:func:`cross_validation` does that for every classifier and MFW setting of a run and lays the
results out as the stage's tables.

Leakage
-------
Everything fitted (z-scores, centroids, the SVM, shrunken centroids) comes from training texts
only; the classifiers guarantee it per fold. When texts are cut into several samples,
cross-validation leaves out whole *documents* (grouped folds), so no segment is judged against
segments of its own text. The MFW list itself is ranked on the whole corpus, questioned texts
included, as in stylo: it is unsupervised and uses no label.

z-scores and stylo's ``crossv()``
---------------------------------
stylo's ``crossv()`` and ``perform.delta()`` default to z-scores over the training and the
test texts together (``z.scores.both.sets = TRUE``); a test text then shifts the statistics it
is scored with. We take them from the training fold only; on ``lee`` both choices give the
published leave-one-out result (26/28, the same two errors; see
``tests/unit/measures/test_distances.py``).

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
Kohavi, R. (1995). A study of cross-validation and bootstrap for accuracy estimation and model
selection. Proceedings of IJCAI 1995, 1137-1143.

Eder, M. & Rybicki, J. (2013). Do birds of a feather really flock together, or how to choose
training samples for authorship attribution. Literary and Linguistic Computing 28(2), 229-236.

Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for computational
text analysis. The R Journal 8(1), 107-121.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Literal

import numpy as np

# scikit-learn (0.6 s to import) is imported where it is used: the workflow imports this module
# when it starts, to plan its jobs.

from wordprint.attribute.classify import (
    ClassifierName,
    Options,
    _ids,
    _labels,
    _table,
    predict,
)
from wordprint.measures.distances import MeasureName

CVName = Literal["loo", "kfold"]


def folds(
    labels: Sequence[str],
    *,
    groups: Sequence[str] | None = None,
    cv: CVName = "loo",
    n_folds: int = 10,
    seed: int = 1,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) index arrays that never split a document (group) between train and test.

    ``groups`` names the document of each sample (default: each sample its own document).
    With one sample per document: leave-one-out (``loo``, stylo's
    ``crossv(cv.mode = "leaveoneout")``) or stratified k-fold shuffled by ``seed`` (``kfold``).
    With several: leave-one-document-out, or scikit-learn's ``StratifiedGroupKFold`` shuffled
    by ``seed``. Same seed, same folds.

    References
    ----------
    Kohavi, R. (1995). A study of cross-validation and bootstrap for accuracy estimation and
    model selection. Proceedings of IJCAI 1995, 1137-1143.

    Examples
    --------
    >>> [test.tolist() for _, test in folds(["a", "a", "b"], cv="loo")]
    [[0], [1], [2]]
    >>> [t.tolist() for _, t in folds(["A", "A", "A", "B"], groups=["a1", "a1", "a2", "b1"])]
    [[0, 1], [2], [3]]
    """
    labels = _labels(labels, None, "labels")
    if groups is not None:
        groups = [str(g) for g in groups]
        if len(groups) != len(labels):
            raise ValueError(
                f"groups must hold one document per sample ({len(labels)}), got {len(groups)}"
            )
    grouped = groups is not None and len(set(groups)) < len(groups)
    if cv not in ("loo", "kfold"):
        raise ValueError(f"unknown cv {cv!r}; choose one of loo, kfold")
    documents = len(set(groups)) if grouped else len(labels)
    if cv == "kfold" and not 2 <= n_folds <= documents:
        raise ValueError(
            f"n_folds must be between 2 and the number of documents ({documents}), got {n_folds}"
        )
    from sklearn import model_selection

    if cv == "loo":
        splitter = model_selection.LeaveOneGroupOut() if grouped else model_selection.LeaveOneOut()
    else:
        kind = model_selection.StratifiedGroupKFold if grouped else model_selection.StratifiedKFold
        splitter = kind(n_splits=n_folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        # a class smaller than n_folds is simply absent from some test folds
        warnings.filterwarnings("ignore", message=".*least populated class.*")
        return list(splitter.split(np.zeros((len(labels), 1)), labels, groups if grouped else None))


def cross_validate(
    X: np.ndarray,
    labels: Sequence[str],
    *,
    ids: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    classifier: ClassifierName = "delta",
    cv: CVName = "loo",
    n_folds: int = 10,
    seed: int = 1,
    measure: MeasureName = "burrows",
    k: int = 1,
    cost: float = 1.0,
    shrink_threshold: float = 1.0,
) -> dict:
    """Cross-validated attribution: each sample predicted by a model fitted without its fold.

    Everything fitted (z-score means and deviations, centroids, the SVM, shrunken centroids)
    comes from the training folds only. Folds are :func:`folds` (``documents`` names each
    sample's document, so that a document's samples are left out together); options as
    :func:`wordprint.attribute.classify.predict`.

    Returns
    -------
    dict
        ``predictions``: one row per sample (``id``, ``fold``, ``true``, ``predicted``,
        ``correct``, ``score``, ``runner_up``, ``runner_up_score``); ``folds``, their number;
        plus everything :func:`evaluate` returns (``metrics``, ``per_class``, ``confusion``).

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
    splits = folds(labels, groups=documents, cv=cv, n_folds=n_folds, seed=seed)
    rows: list[dict | None] = [None] * len(X)
    for f, (train, test) in enumerate(splits):
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
                "correct": bool(out["predicted"][j] == labels[i]),
                "score": float(out["score"][j]),
                "runner_up": out["runner_up"][j],
                "runner_up_score": float(out["runner_up_score"][j]),
            }
    predictions = [r for r in rows if r is not None]
    result = {"predictions": predictions, "folds": len(splits)}
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


def cross_validation(
    tables: Mapping[int, np.ndarray],
    labels: Sequence[str],
    *,
    ids: Sequence[str],
    documents: Sequence[str] | None = None,
    classifiers: Sequence[ClassifierName] = ("delta", "delta_centroid", "svm", "nsc"),
    cv: CVName = "loo",
    n_folds: int = 10,
    seed: int = 1,
    min_documents: int = 2,
    options: Options = Options(),
) -> dict[str, list[dict]]:
    """Cross-validate every classifier on every MFW table of the known samples.

    ``tables`` maps each MFW setting to the known samples' table (rows in the order of
    ``labels``, ``ids`` and ``documents``). Authors with fewer than ``min_documents`` known
    documents are left out (a text whose author has no other text cannot be attributed
    correctly, and would only lower every score alike). Each classifier and table is
    :func:`cross_validate`; ``options`` are the classifiers' options.

    Returns
    -------
    dict
        ``crossval``: one row per classifier and MFW (accuracy, macro precision, recall, F1);
        ``predictions``: one row per classifier, MFW and sample; ``confusion``: one row per
        classifier, MFW, true and predicted author (with zero counts, so it pivots into full
        matrices).

    Examples
    --------
    >>> X = np.array([[.10, .20], [.12, .18], [.11, .21], [.30, .05], [.28, .07], [.31, .06]])
    >>> out = cross_validation({2: X}, list("aaabbb"), ids=list("123456"), classifiers=["delta"])
    >>> out["crossval"][0]["accuracy"], len(out["predictions"]), len(out["confusion"])
    (1.0, 6, 4)
    """
    labels = [str(x) for x in labels]
    documents = list(documents) if documents is not None else list(ids)
    per_author = Counter(label for label, _ in set(zip(labels, documents)))
    keep = [i for i, label in enumerate(labels) if per_author[label] >= min_documents]
    if len({labels[i] for i in keep}) < 2:
        raise ValueError(
            f"cross-validation needs at least 2 authors with {min_documents} or more known "
            f"documents; got {dict(per_author)}"
        )
    y = [labels[i] for i in keep]
    samples = {"ids": [ids[i] for i in keep], "documents": [documents[i] for i in keep]}
    out: dict[str, list[dict]] = {"crossval": [], "predictions": [], "confusion": []}
    for classifier in classifiers:
        for n, table in tables.items():
            result = cross_validate(
                np.asarray(table, dtype=float)[keep], y, **samples, classifier=classifier,
                cv=cv, n_folds=n_folds, seed=seed, **asdict(options),
            )
            m = result["metrics"]
            out["crossval"].append(
                {
                    "classifier": classifier,
                    "mfw": n,
                    "cv": cv,
                    "folds": result["folds"],
                    "samples": m["n"],
                    "authors": len(set(y)),
                    "accuracy": m["accuracy"],
                    "macro_precision": m["macro_precision"],
                    "macro_recall": m["macro_recall"],
                    "macro_f1": m["macro_f1"],
                }
            )
            out["predictions"].extend(
                {"classifier": classifier, "mfw": n, **r} for r in result["predictions"]
            )
            classes, matrix = result["confusion"]["classes"], result["confusion"]["matrix"]
            out["confusion"].extend(
                {"classifier": classifier, "mfw": n, "true": t, "predicted": p,
                 "count": matrix[a][b]}
                for a, t in enumerate(classes)
                for b, p in enumerate(classes)
            )
    return out
