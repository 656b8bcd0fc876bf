"""The attribution stage over a corpus: who is known, who is questioned, and the tables.

The classifiers (:mod:`wordprint.attribute.classify`), General Impostors (:mod:`wordprint.attribute.impostors`)
and rolling Delta (:mod:`wordprint.attribute.rolling`) work on feature tables. This module decides which
rows of a corpus's MFW tables they see and shapes their results into the stage's tables.

Roles
-----
The catalog column ``role`` (the config's ``attribution.role_column``) says what each
document is for: ``known`` documents train the classifiers and are cross-validated, labelled
by ``label_column`` (the author); ``questioned`` documents are attributed; any other value
(``joint``, ``unknown``, empty) leaves the document out of both. A catalog without the column
makes every document known. Ids listed in ``attribution.questioned`` are questioned whatever
the column says, so a catalog without roles can still ask about one text.

Known samples are the ``full`` view of known documents (every segment of it when texts are
sampled); questioned samples are the views in ``attribution.views`` of questioned documents.
A known document's other views never train: its own words are nearly the same text as its
full view.

Leakage
-------
Everything fitted (z-scores, centroids, the SVM, shrunken centroids, impostors' z-scores, the
calibration) comes from training texts only; the classifiers guarantee it per fold. When texts
are cut into several samples, cross-validation leaves out whole *documents* (grouped folds),
so no segment is judged against segments of its own text. The MFW list itself is ranked on
the whole corpus, questioned texts included, as in stylo: it is unsupervised and uses no label.

References
----------
Mosteller, F. & Wallace, D. L. (1964). Inference and Disputed Authorship: The Federalist.
Addison-Wesley.

Koppel, M. & Winter, Y. (2014). Determining if two documents are written by the same author.
Journal of the Association for Information Science and Technology 65(1), 178-187.

Eder, M. (2016). Rolling stylometry. Digital Scholarship in the Humanities 31(3), 457-469.

Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for computational
text analysis. The R Journal 8(1), 107-121.
"""

from __future__ import annotations

import hashlib
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

# scikit-learn (0.6 s to import) is imported where it is used: the workflow imports this module
# when it starts, to plan its jobs.

from wordprint.attribute.classify import CLASSIFIERS, ClassifierName, CVName, evaluate, folds
from wordprint.attribute.classify import predict as _predict
from wordprint.measures.distances import MeasureName
from wordprint.corpus.samples import document_id, view_of
from wordprint.attribute.impostors import (
    PAN_METRICS,
    fit_logistic,
    impostors_score,
    known_scores,
    logistic_probability,
    pan_evaluation,
)
from wordprint.io.catalog import Document
from wordprint.workflow.params import escaped_repr
from wordprint.count.profile import DocumentError, clean_document
from wordprint.text.quotes import split_quotations
from wordprint.attribute.rolling import (
    AuthorDistance,
    char_spans_to_token_spans,
    rolling_delta,
    token_offsets,
)
from wordprint.text.tokenize import words

#: Short names of the classifiers for figures and tables.
CLASSIFIER_LABELS: dict[str, str] = {
    "delta": "Delta (nearest text)",
    "delta_centroid": "Delta (author centroid)",
    "knn": "k nearest neighbours",
    "svm": "linear SVM",
    "nsc": "nearest shrunken centroids",
}

#: What each classifier's score is (see :data:`wordprint.attribute.classify.CLASSIFIERS`).
SCORE_MEANINGS: dict[str, str] = {
    "delta": "distance to the nearest text of the author (lower is closer)",
    "delta_centroid": "distance to the author's centroid (lower is closer)",
    "knn": "share of the k nearest texts (higher is closer)",
    "svm": "mean one-vs-one decision value (higher is closer)",
    "nsc": "posterior probability (higher is closer)",
}


#: Columns of the questioned tables, written even when nothing is questioned.
QUESTIONED_COLUMNS = [
    "id", "document", "view", "classifier", "mfw", "predicted", "score", "runner_up",
    "runner_up_score", "score_is",
]
SUMMARY_COLUMNS = ["id", "document", "view", "author", "settings", "of", "share", "majority"]


# --- the plan: which documents play which role ------------------------------------------------


@escaped_repr
@dataclass(frozen=True)
class Plan:
    """What the attribution stage does with a corpus (see :func:`plan_attribution`)."""

    enabled: bool
    roles: dict[str, str] = field(default_factory=dict)  # document id -> known / questioned / ...
    labels: dict[str, str] = field(default_factory=dict)  # known document id -> label (author)
    questioned: tuple[str, ...] = ()  # questioned document ids, catalog order
    views: tuple[str, ...] = ("full",)  # views of questioned documents that are attributed
    candidates: tuple[str, ...] = ()  # authors each questioned sample is verified against
    impostors: bool = False
    rolling: tuple[str, ...] = ()  # documents rolled along
    rolling_candidates: tuple[str, ...] = ()
    rolling_references: tuple[str, ...] = ()  # known documents of the rolling candidates

    @property
    def palette(self) -> list[str]:
        """Every known author, candidates first: the colour order of the stage's figures."""
        authors = sorted(set(self.labels.values()))
        return list(dict.fromkeys([*self.candidates, *self.rolling_candidates, *authors]))


def plan_attribution(
    settings: Mapping[str, Any],
    documents: Sequence[Document],
    *,
    label_column: str,
    views: Sequence[str],
    mfw: Sequence[int],
) -> Plan:
    """Check the ``attribution`` settings against the catalog and decide what runs.

    ``enabled: auto`` turns the stage on when the catalog has the role column or
    ``questioned`` names documents; ``true`` also cross-validates a catalog without roles
    (every document known); ``false`` turns it off. Impostors run when there are questioned
    samples and at least two authors have two or more known documents (the calibration needs
    them). Raises ``ValueError`` naming the key and the fix for anything the catalog cannot
    fill: an unknown id, an author without known documents, a view the run does not profile,
    an MFW setting the run does not compute.

    Examples
    --------
    >>> docs = [Document(i, a, "", "", a, "x.txt", "file", "x.txt", {"role": r})
    ...         for i, a, r in [("a1", "A", "known"), ("a2", "A", "known"),
    ...                         ("b1", "B", "known"), ("b2", "B", "known"),
    ...                         ("q", "?", "questioned"), ("j", "A and B", "joint")]]
    >>> plan = plan_attribution({}, docs, label_column="author", views=["full"], mfw=[100])
    >>> plan.enabled, plan.questioned, plan.candidates, plan.impostors
    (True, ('q',), ('A', 'B'), True)
    """
    s = _defaults(settings)
    column, ids = s["role_column"], [d.id for d in documents]
    has_column = any(column in d.extra for d in documents)
    unknown = [i for i in s["questioned"] if i not in ids]
    if unknown:
        raise ValueError(
            f"attribution.questioned names {', '.join(map(repr, unknown))}, not in the catalog; "
            "list catalog ids"
        )
    enabled = s["enabled"]
    if enabled == "auto":
        enabled = has_column or bool(s["questioned"])
    if not enabled:
        return Plan(enabled=False)
    roles = {}
    for d in documents:
        role = d.field(column).strip().lower() if has_column else "known"
        roles[d.id] = "questioned" if d.id in s["questioned"] else role
    labels = {}
    for d in documents:
        if roles[d.id] == "known":
            label = d.field(label_column).strip()
            if not label:
                raise ValueError(
                    f"document {d.id!r} is known but its {label_column!r} (label_column) is "
                    "empty; fill it in or give the document another role"
                )
            labels[d.id] = label
    if len(set(labels.values())) < 2:
        raise ValueError(
            f"attribution needs known documents of at least 2 authors ({label_column!r}), got "
            f"{sorted(set(labels.values()))}; mark documents 'known' in the catalog column "
            f"{column!r} or turn the stage off with attribution.enabled: false"
        )
    per_author = Counter(labels.values())
    if sum(n >= s["min_documents"] for n in per_author.values()) < 2:
        raise ValueError(
            f"cross-validation needs at least 2 authors with attribution.min_documents "
            f"({s['min_documents']}) or more known documents; the catalog has "
            f"{dict(sorted(per_author.items()))}. Lower min_documents or add known documents"
        )
    bad_views = [v for v in s["views"] if v not in views]
    if bad_views:
        raise ValueError(
            f"attribution.views names {bad_views}, which the run does not profile (config "
            f"'views' is {list(views)}); add them to 'views' or drop them"
        )
    authors = sorted(set(labels.values()))
    for key in ("impostors", "rolling"):
        bad = [a for a in s[key]["candidates"] if a not in authors]
        if bad:
            raise ValueError(
                f"attribution.{key}.candidates names {bad}, who have no known documents; "
                f"choose among {authors}"
            )
        if s[key]["mfw"] is not None and s[key]["mfw"] not in mfw:
            raise ValueError(
                f"attribution.{key}.mfw is {s[key]['mfw']}, which the run does not compute "
                f"(config 'mfw' is {list(mfw)}); choose one of those"
            )
    missing = [i for i in s["rolling"]["documents"] if i not in ids]
    if missing:
        raise ValueError(
            f"attribution.rolling.documents names {', '.join(map(repr, missing))}, not in the "
            "catalog; list catalog ids"
        )
    if s["rolling"]["view"] not in views:
        raise ValueError(
            f"attribution.rolling.view is {s['rolling']['view']!r}, which the run does not "
            f"profile (config 'views' is {list(views)})"
        )
    questioned = tuple(i for i in ids if roles[i] == "questioned")
    calibratable = sum(n >= 2 for n in per_author.values()) >= 2
    rolling_candidates = tuple(s["rolling"]["candidates"] or authors)
    return Plan(
        enabled=True,
        roles=roles,
        labels=labels,
        questioned=questioned,
        views=tuple(s["views"]),
        candidates=tuple(s["impostors"]["candidates"] or authors),
        impostors=bool(s["impostors"]["enabled"] and questioned and calibratable),
        rolling=tuple(s["rolling"]["documents"]),
        rolling_candidates=rolling_candidates,
        rolling_references=tuple(
            i for i in ids if i in labels and labels[i] in rolling_candidates
        ),
    )


_DEFAULTS: dict[str, Any] = {
    "enabled": "auto",
    "role_column": "role",
    "questioned": [],
    "views": ["full"],
    "min_documents": 2,
    "impostors": {"enabled": True, "candidates": [], "mfw": None},
    "rolling": {"documents": [], "candidates": [], "view": "full", "mfw": None},
}


def _defaults(settings: Mapping[str, Any]) -> dict[str, Any]:
    out = {**_DEFAULTS, **settings}
    for key in ("impostors", "rolling"):
        out[key] = {**_DEFAULTS[key], **settings.get(key, {})}
    return out


def split_samples(
    ids: Sequence[str],
    plan: Plan,
) -> dict[str, list]:
    """Rows of an MFW table (sample ids) that are known and questioned, per :class:`Plan`.

    Returns ``known`` and ``questioned`` (row indices), ``labels`` and ``documents`` of the
    known rows (for grouped cross-validation). Raises
    :class:`~wordprint.count.profile.DocumentError` when a questioned document has none of the
    views asked for.

    Examples
    --------
    >>> plan = Plan(True, {"a": "known", "b": "known", "q": "questioned"},
    ...             {"a": "A", "b": "B"}, ("q",), ("full", "own"))
    >>> split_samples(["a", "a (own)", "b", "q", "q (own)"], plan)
    {'known': [0, 2], 'labels': ['A', 'B'], 'documents': ['a', 'b'], 'questioned': [3, 4]}
    """
    known, questioned = [], []
    for i, sample in enumerate(ids):
        doc, view = document_id(sample), view_of(sample)
        role = plan.roles.get(doc, "")
        if role == "known" and view == "full":
            known.append(i)
        elif role == "questioned" and view in plan.views:
            questioned.append(i)
    missing = sorted(set(plan.questioned) - {document_id(ids[i]) for i in questioned})
    if missing:
        raise DocumentError(
            f"questioned document(s) {', '.join(map(repr, missing))} have none of the views in "
            f"attribution.views {list(plan.views)} (a view other than full exists only for "
            "documents with at least quotes.min_share of their words quoted, whose quotations "
            "cite their sources: quotes.min_cited); add full to attribution.views"
        )
    return {
        "known": known,
        "labels": [plan.labels[document_id(ids[i])] for i in known],
        "documents": [document_id(ids[i]) for i in known],
        "questioned": questioned,
    }


def _predict_quietly(*args: Any, **kwargs: Any) -> dict:
    # scikit-learn warns that many classes with few texts each "could represent a regression
    # problem"; one text per author is common in attribution.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*unique classes is greater than 50%.*")
        return _predict(*args, **kwargs)


# --- cross-validation ---------------------------------------------------------------------------


def grouped_folds(
    labels: Sequence[str],
    groups: Sequence[str],
    *,
    cv: CVName = "loo",
    n_folds: int = 10,
    seed: int = 1,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) folds that never split a document (group) between train and test.

    With one sample per document these are :func:`wordprint.attribute.classify.folds` (leave-one-out or
    stratified k-fold). With several, leave-one-document-out (``loo``) or scikit-learn's
    ``StratifiedGroupKFold`` shuffled by ``seed`` (``kfold``).

    References
    ----------
    Kohavi, R. (1995). A study of cross-validation and bootstrap for accuracy estimation and
    model selection. Proceedings of IJCAI 1995, 1137-1143.

    Examples
    --------
    >>> [t.tolist() for _, t in grouped_folds(["A", "A", "A", "B"], ["a1", "a1", "a2", "b1"])]
    [[0, 1], [2], [3]]
    """
    labels, groups = list(map(str, labels)), list(map(str, groups))
    if len(labels) != len(groups):
        raise ValueError(
            f"groups must hold one document per sample ({len(labels)}), got {len(groups)}"
        )
    if len(set(groups)) == len(groups):
        return folds(labels, cv=cv, n_folds=n_folds, seed=seed)
    X = np.zeros((len(labels), 1))
    if cv == "loo":
        from sklearn.model_selection import LeaveOneGroupOut

        return list(LeaveOneGroupOut().split(X, labels, groups))
    if cv != "kfold":
        raise ValueError(f"unknown cv {cv!r}; choose one of loo, kfold")
    if not 2 <= n_folds <= len(set(groups)):
        raise ValueError(
            f"n_folds must be between 2 and the number of documents ({len(set(groups))}), "
            f"got {n_folds}"
        )
    from sklearn.model_selection import StratifiedGroupKFold

    splitter = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*least populated class.*")
        return list(splitter.split(X, labels, groups))


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
    options: Mapping[str, Any] | None = None,
) -> dict[str, list[dict]]:
    """Cross-validate every classifier on every MFW table of the known samples.

    ``tables`` maps each MFW setting to the known samples' table (rows in the order of
    ``labels``, ``ids`` and ``documents``). Authors with fewer than ``min_documents`` known
    documents are left out (a text whose author has no other text cannot be attributed
    correctly, and would only lower every score alike). Folds come from
    :func:`grouped_folds`; each document is predicted by a model fitted without it.
    ``options`` are passed to :func:`wordprint.attribute.classify.predict` (``measure``, ``k``,
    ``cost``, ``shrink_threshold``).

    Returns
    -------
    dict
        ``crossval``: one row per classifier and MFW (accuracy, macro precision, recall, F1);
        ``predictions``: one row per classifier, MFW and sample; ``confusion``: one row per
        classifier, MFW, true and predicted author (with zero counts, so it pivots into full
        matrices).

    References
    ----------
    Eder, M. & Rybicki, J. (2013). Do birds of a feather really flock together, or how to
    choose training samples for authorship attribution. Literary and Linguistic Computing
    28(2), 229-236.

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
    splits = grouped_folds(y, [documents[i] for i in keep], cv=cv, n_folds=n_folds, seed=seed)
    out: dict[str, list[dict]] = {"crossval": [], "predictions": [], "confusion": []}
    for classifier in classifiers:
        for n, table in tables.items():
            X = np.asarray(table, dtype=float)[keep]
            rows: list[dict | None] = [None] * len(keep)
            for f, (train, test) in enumerate(splits):
                result = _predict_quietly(
                    X[train], [y[i] for i in train], X[test], classifier=classifier,
                    **(options or {}),
                )
                for j, i in enumerate(test):
                    rows[i] = {
                        "classifier": classifier,
                        "mfw": n,
                        "id": ids[keep[i]],
                        "fold": f,
                        "true": y[i],
                        "predicted": result["predicted"][j],
                        "correct": result["predicted"][j] == y[i],
                        "score": float(result["score"][j]),
                        "runner_up": result["runner_up"][j],
                        "runner_up_score": float(result["runner_up_score"][j]),
                    }
            done = [r for r in rows if r is not None]
            scores = evaluate([r["true"] for r in done], [r["predicted"] for r in done])
            m = scores["metrics"]
            out["crossval"].append(
                {
                    "classifier": classifier,
                    "mfw": n,
                    "cv": cv,
                    "folds": len(splits),
                    "samples": m["n"],
                    "authors": len(set(y)),
                    "accuracy": m["accuracy"],
                    "macro_precision": m["macro_precision"],
                    "macro_recall": m["macro_recall"],
                    "macro_f1": m["macro_f1"],
                }
            )
            out["predictions"].extend(done)
            classes, matrix = scores["confusion"]["classes"], scores["confusion"]["matrix"]
            out["confusion"].extend(
                {"classifier": classifier, "mfw": n, "true": t, "predicted": p,
                 "count": matrix[a][b]}
                for a, t in enumerate(classes)
                for b, p in enumerate(classes)
            )
    return out


# --- attributing the questioned samples ---------------------------------------------------------


def attribution_rows(
    known: Mapping[int, np.ndarray],
    labels: Sequence[str],
    questioned: Mapping[int, np.ndarray],
    *,
    ids: Sequence[str],
    classifiers: Sequence[ClassifierName] = ("delta", "delta_centroid", "svm", "nsc"),
    options: Mapping[str, Any] | None = None,
) -> list[dict]:
    """Train on all known samples and attribute each questioned one, per classifier and MFW.

    ``known[n]`` and ``questioned[n]`` are the two tables at ``n`` MFW; ``ids`` name the
    questioned rows. One row per sample, classifier and MFW: the predicted author, the score
    and the runner-up with its score, and what the score means.

    References
    ----------
    Mosteller, F. & Wallace, D. L. (1964). Inference and Disputed Authorship: The Federalist.
    Addison-Wesley.

    Examples
    --------
    >>> K = np.array([[.10, .20], [.12, .18], [.30, .05], [.28, .07]])
    >>> rows = attribution_rows({2: K}, list("aabb"), {2: np.array([[.29, .06]])}, ids=["q"],
    ...                         classifiers=["delta"])
    >>> rows[0]["predicted"], rows[0]["runner_up"]
    ('b', 'a')
    """
    rows = []
    for classifier in classifiers:
        for n in known:
            result = _predict_quietly(
                known[n], labels, questioned[n], classifier=classifier, **(options or {})
            )
            for j, sample in enumerate(ids):
                rows.append(
                    {
                        "id": sample,
                        "document": document_id(sample),
                        "view": view_of(sample),
                        "classifier": classifier,
                        "mfw": n,
                        "predicted": result["predicted"][j],
                        "score": float(result["score"][j]),
                        "runner_up": result["runner_up"][j],
                        "runner_up_score": float(result["runner_up_score"][j]),
                        "score_is": SCORE_MEANINGS[classifier],
                    }
                )
    return rows


def attribution_summary(rows: Sequence[Mapping[str, Any]]) -> list[dict]:
    """Per questioned sample, the share of settings (classifier x MFW) naming each author.

    Rows come in the order the samples first appear, authors by decreasing share (ties by
    name); ``majority`` marks the author named most often (every tied author).

    Examples
    --------
    >>> rows = [{"id": "q", "predicted": p} for p in ["M", "M", "H"]]
    >>> [(r["author"], r["settings"], round(r["share"], 2)) for r in attribution_summary(rows)]
    [('M', 2, 0.67), ('H', 1, 0.33)]
    """
    by_sample: dict[str, Counter] = {}
    for r in rows:
        by_sample.setdefault(r["id"], Counter())[r["predicted"]] += 1
    out = []
    for sample, counts in by_sample.items():
        total, top = sum(counts.values()), max(counts.values())
        for author, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(
                {
                    "id": sample,
                    "document": document_id(sample),
                    "view": view_of(sample),
                    "author": author,
                    "settings": n,
                    "of": total,
                    "share": n / total,
                    "majority": n == top,
                }
            )
    return out


# --- General Impostors verification -------------------------------------------------------------


def problem_seed(seed: int, *keys: str) -> int:
    """A seed of its own for one verification problem, stable whatever else is verified.

    Examples
    --------
    >>> problem_seed(1, "federalist-49", "Madison") == problem_seed(1, "federalist-49", "Madison")
    True
    """
    digest = hashlib.sha256("\x1f".join([str(seed), *keys]).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def fit_grey_zone(
    scores: np.ndarray, same_author: np.ndarray, *, step: float = 0.01
) -> dict[str, float]:
    """The grey zone (p1, p2) that maximises c@1 when scores in it are left unanswered.

    As stylo's ``imposters.optimize()`` (and :func:`wordprint.attribute.impostors.optimize_grey_zone`):
    p1 and p2 run over 0, step, ..., 1 with p1 <= p2, and each pair is scored by c@1 of the
    answers it gives, "no" below p1, "yes" above p2, none in between. Unlike stylo, the answers
    are never flipped (see :func:`grey_zone_scores`). Of the pairs with the best c@1, the widest
    zone is chosen (then the smallest p1): it answers only where the known texts say it can.
    Each bound is then moved to the middle of the gap between the two known scores around it,
    which changes no answer on the known texts and leaves the widest margin for new ones.

    References
    ----------
    Peñas, A. & Rodrigo, A. (2011). A simple measure to assess non-response. Proceedings of
    the 49th Annual Meeting of the ACL, 1415-1424.

    Kestemont, M., Stover, J., Koppel, M., Karsdorp, F. & Daelemans, W. (2016). Authenticating
    the writings of Julius Caesar. Expert Systems with Applications 63, 86-96.

    Examples
    --------
    >>> s = np.array([0.9, 0.8, 0.4, 0.1, 0.2, 0.5])
    >>> y = np.array([1, 1, 1, 0, 0, 0])
    >>> zone = fit_grey_zone(s, y, step=0.1)
    >>> zone["p1"], zone["p2"], round(zone["c_at_1"], 4)
    (0.3, 0.65, 0.8889)
    """
    s = np.asarray(scores, dtype=float).ravel()
    y = np.asarray(same_author).astype(int).ravel()
    if len(s) != len(y) or len(s) == 0 or (s < 0).any() or (s > 1).any():
        raise ValueError("scores must be values in [0, 1], one per same_author entry")
    if not 0 < step <= 0.5:
        raise ValueError(f"step must be in (0, 0.5], got {step}")
    grid = np.round(np.arange(int(np.floor(1 / step + 1e-10)) + 1) * step, 10)
    grid = np.minimum(grid, 1.0)
    below = s[None, :] < grid[:, None]  # answered "no" at p1 = grid[i]
    above = s[None, :] > grid[:, None]  # answered "yes" at p2 = grid[j]
    no_right, no_n = (below & (y == 0)).sum(axis=1), below.sum(axis=1)
    yes_right, yes_n = (above & (y == 1)).sum(axis=1), above.sum(axis=1)
    nc = no_right[:, None] + yes_right[None, :]
    nu = len(s) - no_n[:, None] - yes_n[None, :]
    table = (nc + nu * nc / len(s)) / len(s)
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
    return {"p1": round(float(p1), 10), "p2": round(float(p2), 10), "c_at_1": best}


def grey_zone_scores(scores: np.ndarray, *, p1: float, p2: float) -> np.ndarray:
    """Scores rescaled around a grey zone: below p1 into [0, 0.5), in it 0.5, above into (0.5, 1].

    0.5 is a non-answer for c@1 and F0.5u. The rescaling is monotone, so a score below p1 is
    always a "no" and one above p2 a "yes"; stylo's (:func:`wordprint.attribute.impostors.
    grey_zone_rescale`, p1 * s below and p2 + (1 - p2) s above) turns a score just below p1
    into a "yes" whenever p1 > 0.707, which known-text calibrations often choose (p1 = 0.76
    for the Federalist at 300 MFW with Classic Delta).

    References
    ----------
    Kestemont, M., Stover, J., Koppel, M., Karsdorp, F. & Daelemans, W. (2016). Authenticating
    the writings of Julius Caesar. Expert Systems with Applications 63, 86-96.

    Examples
    --------
    >>> grey_zone_scores(np.array([0.2, 0.5, 0.8, 0.3]), p1=0.4, p2=0.6).round(4).tolist()
    [0.25, 0.5, 0.75, 0.375]
    """
    if not 0 <= p1 <= p2 <= 1:
        raise ValueError(f"need 0 <= p1 <= p2 <= 1, got p1={p1}, p2={p2}")
    s = np.asarray(scores, dtype=float)
    low = 0.5 * s / (p1 if p1 > 0 else 1.0)
    high = 0.5 + 0.5 * (s - p2) / ((1.0 - p2) if p2 < 1 else 1.0)
    return np.where(s < p1, low, np.where(s <= p2, 0.5, high))


def calibrate(
    scores: np.ndarray,
    same_author: np.ndarray,
    groups: Sequence[str],
    *,
    step: float = 0.01,
) -> dict[str, Any]:
    """Fit both calibrations on known-text impostors scores and evaluate them, PAN style.

    ``scores`` and ``same_author`` are :func:`wordprint.attribute.impostors.known_scores`'s, ``groups``
    the text each problem is about. The grey zone (p1, p2) maximises c@1
    (:func:`fit_grey_zone`); the logistic fit (:func:`wordprint.attribute.impostors.fit_logistic`) maps
    a score to the probability of the same author. Each is evaluated on the problems it was
    fitted on (``in_sample``, what stylo's ``imposters.optimize`` reports) and on held-out
    texts (``held_out``: fitted without the text, applied to its problems, for every text),
    the honest estimate; the raw scores are evaluated as they are.

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


def verification(
    known: np.ndarray,
    labels: Sequence[str],
    questioned: np.ndarray,
    *,
    ids: Sequence[str],
    known_ids: Sequence[str],
    known_documents: Sequence[str] | None = None,
    candidates: Sequence[str],
    iterations: int = 100,
    feature_share: float = 0.5,
    impostor_share: float = 0.5,
    measure: MeasureName = "minmax",
    seed: int = 1,
    step: float = 0.01,
) -> dict[str, Any]:
    """General Impostors for every questioned sample and candidate author, calibrated.

    For each questioned sample and candidate, the candidate's known samples face every other
    known sample as impostors (:func:`wordprint.attribute.impostors.impostors_score`, one seed per
    problem from ``seed``). The calibration is fitted on the known texts (each left out in turn
    and verified against every author with two or more texts,
    :func:`wordprint.attribute.impostors.known_scores`) and evaluated by :func:`calibrate`. A grey-zone
    score of exactly 0.5 is no answer; above 0.5 the answer is "yes" (the candidate wrote it),
    below "no".

    Returns
    -------
    dict
        ``rows`` (one per questioned sample and candidate), ``known`` (the known-text problems)
        and ``calibration`` (:func:`calibrate`'s result).

    References
    ----------
    Koppel, M. & Winter, Y. (2014). Determining if two documents are written by the same
    author. JASIST 65(1), 178-187.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> K = np.vstack([m * rng.uniform(.9, 1.1, (3, 20)) for m in rng.uniform(.01, .05, (3, 20))])
    >>> out = verification(K, list("aaabbbccc"), K[:1] * 1.01, ids=["q"],
    ...                    known_ids=[str(i) for i in range(9)], candidates=["a", "b"],
    ...                    iterations=20, step=0.1)
    >>> [(r["candidate"], r["answer"]) for r in out["rows"]]
    [('a', 'yes'), ('b', 'no')]
    """
    K, Q = np.asarray(known, dtype=float), np.asarray(questioned, dtype=float)
    labels_arr = np.asarray([str(x) for x in labels])
    missing = [c for c in candidates if c not in set(labels_arr.tolist())]
    if missing:
        raise ValueError(f"candidates {missing} have no known samples")
    documents = list(known_documents) if known_documents is not None else list(known_ids)
    if len(set(documents)) != len(documents):
        # several samples per document: a document's samples would be each other's evidence
        # when one is left out, so calibrate on one sample (the first) per document
        first = sorted({d: i for i, d in reversed(list(enumerate(documents)))}.values())
    else:
        first = list(range(len(K)))
    problems = known_scores(
        K[first], labels_arr[first], ids=[known_ids[i] for i in first], iterations=iterations,
        feature_share=feature_share, impostor_share=impostor_share, measure=measure, seed=seed,
    )
    cal = calibrate(
        problems["scores"], problems["same_author"], [r["id"] for r in problems["rows"]],
        step=step,
    )
    rows = []
    for j, sample in enumerate(ids):
        for candidate in candidates:
            own = labels_arr == candidate
            score = impostors_score(
                Q[j], K[own], K[~own], iterations=iterations, feature_share=feature_share,
                impostor_share=impostor_share, measure=measure,
                seed=problem_seed(seed, sample, candidate),
            )
            grey = float(grey_zone_scores(np.array([score]), p1=cal["p1"], p2=cal["p2"])[0])
            rows.append(
                {
                    "id": sample,
                    "document": document_id(sample),
                    "view": view_of(sample),
                    "candidate": candidate,
                    "score": score,
                    "grey_zone_score": grey,
                    "answer": "unanswered" if grey == 0.5 else ("yes" if grey > 0.5 else "no"),
                    "probability": float(
                        logistic_probability(
                            np.array([score]), intercept=cal["intercept"], slope=cal["slope"]
                        )[0]
                    ),
                    "candidate_samples": int(own.sum()),
                    "impostors": int((~own).sum()),
                }
            )
    return {"rows": rows, "known": problems["rows"], "calibration": cal}


# --- rolling Delta ------------------------------------------------------------------------------


def quotation_token_spans(
    text: str, *, pattern: str = "words", short_quotes: Literal["quoted", "own"] = "quoted"
) -> list[tuple[int, int]]:
    """Token spans (first, last + 1) of the quotations in ``text``, for marking a rolling plot.

    Quotations are found by :func:`wordprint.text.quotes.split_quotations` (with the run's
    ``short_quotes`` choice) and mapped onto the tokens of :func:`wordprint.text.tokenize.words`
    with the same ``pattern``; quotations holding no token are dropped.

    References
    ----------
    Eder, M. (2016). Rolling stylometry. Digital Scholarship in the Humanities 31(3), 457-469.

    Examples
    --------
    >>> quotation_token_spans('He said "this is no way to live" and left.')
    [(2, 8)]
    """
    spans = split_quotations(text, short_quotes=short_quotes).spans
    mapped = char_spans_to_token_spans(spans, token_offsets(text, pattern=pattern))
    return [(a, b) for a, b in mapped if b > a]


def rolled_text(
    raw: bytes,
    *,
    doc_id: str,
    settings: Mapping[str, Any],
    view: Literal["full", "own", "quoted"] = "full",
    part: str = "",
) -> tuple[list[str], list[tuple[int, int]]]:
    """Tokens of one view of a document, cleaned as the profiles are, and its quotation spans.

    ``settings`` are the profile settings (``pattern``, ``lowercase``, ``short_quotes``,
    ``split``). Quotation spans (:func:`quotation_token_spans`) are found in the ``full``
    view only; the other views have none to show.

    Examples
    --------
    >>> rolled_text(b'He said "no more of this" and left.', doc_id="d",
    ...             settings={"pattern": "words", "lowercase": True, "short_quotes": "quoted"})
    (['he', 'said', 'no', 'more', 'of', 'this', 'and', 'left'], [(2, 6)])
    """
    texts, _ = clean_document(
        raw, doc_id=doc_id, short_quotes=settings.get("short_quotes", "quoted"), part=part,
        split=settings.get("split"),
    )
    pattern = settings.get("pattern", "words")
    tokens = words(texts[view], pattern=pattern, lowercase=settings.get("lowercase", True))
    spans = []
    if view == "full":
        spans = quotation_token_spans(
            texts[view], pattern=pattern, short_quotes=settings.get("short_quotes", "quoted")
        )
    return tokens, spans


def reference_windows(
    tokens: Sequence[str], features: Sequence[str], *, size: int
) -> np.ndarray:
    """Relative frequencies of ``features`` in consecutive windows of ``size`` tokens.

    As stylo's ``rolling.delta()`` cuts its reference texts; the tail shorter than a window
    is left out, and a text shorter than one window is one sample of its own length.

    Examples
    --------
    >>> reference_windows("a b a b a".split(), ["a", "b"], size=2).tolist()
    [[0.5, 0.5], [0.5, 0.5]]
    >>> reference_windows("a a b".split(), ["a", "b"], size=5).round(2).tolist()
    [[0.67, 0.33]]
    """
    if not tokens:
        raise ValueError("a reference text has no tokens")
    index = {w: j for j, w in enumerate(features)}
    codes = np.array([index.get(t, len(features)) for t in tokens], dtype=np.int64)
    if len(tokens) < size:
        return (np.bincount(codes, minlength=len(features) + 1)[:-1] / len(tokens))[None, :]
    starts = range(0, len(tokens) - size + 1, size)
    table = [np.bincount(codes[a : a + size], minlength=len(features) + 1)[:-1] for a in starts]
    return np.vstack(table) / float(size)


def rolling_table(
    tokens: Sequence[str],
    features: Sequence[str],
    references: Mapping[str, Sequence[str]],
    reference_labels: Mapping[str, str],
    *,
    doc_id: str,
    size: int,
    step: int,
    measure: MeasureName = "burrows",
    to: AuthorDistance = "centroid",
    spans: Sequence[tuple[int, int]] = (),
) -> dict[str, Any]:
    """Rolling Delta along one text, each window's share of quoted tokens, and the spans.

    ``references`` maps each reference document to its tokens and ``reference_labels`` to
    its author; they are cut by :func:`reference_windows`. The windows of the text are compared
    with every author by :func:`wordprint.attribute.rolling.rolling_delta`. ``spans`` are quotation token
    spans (:func:`quotation_token_spans`).

    Returns
    -------
    dict
        ``authors``, ``rows`` (one per window: ``window``, ``start``, ``end``, ``middle``,
        ``quoted_share``, ``nearest``, then one distance column per author),
        ``reference_windows`` (per author) and ``spans``.

    Raises
    ------
    DocumentError
        When the text is shorter than one window.

    References
    ----------
    Rybicki, J., Hoover, D. L. & Kestemont, M. (2014). Collaborative authorship: Conrad, Ford
    and rolling delta. Literary and Linguistic Computing 29(3), 422-431.

    Examples
    --------
    >>> refs = {"a1": "x x y x".split() * 5, "b1": "y y x y".split() * 5}
    >>> out = rolling_table("x x x y y y y y".split(), ["x", "y"], refs, {"a1": "A", "b1": "B"},
    ...                     doc_id="t", size=4, step=4, measure="manhattan")
    >>> [r["nearest"] for r in out["rows"]]
    ['A', 'B']
    """
    if len(tokens) < size:
        raise DocumentError(
            f"document {doc_id!r} has {len(tokens)} tokens, fewer than one rolling window of "
            f"{size}; lower attribution.rolling.size or roll along a longer document"
        )
    tables, labels = [], []
    for doc, toks in references.items():
        table = reference_windows(toks, features, size=size)
        tables.append(table)
        labels += [reference_labels[doc]] * len(table)
    result = rolling_delta(
        tokens, features, np.vstack(tables), labels, size=size, step=step, measure=measure, to=to
    )
    quoted = np.zeros(len(tokens), dtype=bool)
    for a, b in spans:
        quoted[a:b] = True
    authors = result["authors"]
    rows = []
    for w, (a, b) in enumerate(zip(result["start"], result["end"])):
        distances = result["distances"][w]
        rows.append(
            {
                "window": w + 1,
                "start": int(a),
                "end": int(b),
                "middle": float(result["middle"][w]),
                "quoted_share": float(quoted[a:b].mean()),
                "nearest": authors[int(np.argmin(distances))],
                **{author: float(d) for author, d in zip(authors, distances)},
            }
        )
    return {
        "authors": authors,
        "rows": rows,
        "reference_windows": dict(Counter(labels)),
        "spans": [tuple(map(int, s)) for s in spans],
    }


def rolling_plot_rows(result: Mapping[str, Any]) -> list[dict]:
    """The plotted data of a rolling figure, long: one row per curve point and per span.

    Examples
    --------
    >>> rolling_plot_rows({"authors": ["A"], "rows": [{"middle": 2.0, "A": 0.5}],
    ...                    "spans": [(1, 3)]})
    [{'layer': 'distance', 'author': 'A', 'x': 2.0, 'x_end': None, 'y': 0.5}, \
{'layer': 'quotation', 'author': '', 'x': 1, 'x_end': 3, 'y': None}]
    """
    out = [
        {"layer": "distance", "author": a, "x": r["middle"], "x_end": None, "y": r[a]}
        for a in result["authors"]
        for r in result["rows"]
    ]
    out += [
        {"layer": "quotation", "author": "", "x": a, "x_end": b, "y": None}
        for a, b in result["spans"]
    ]
    return out


def classifier_options(settings: Mapping[str, Any]) -> dict[str, Any]:
    """The :func:`wordprint.attribute.classify.predict` options named in the ``attribution`` settings.

    Examples
    --------
    >>> classifier_options({"measure": "cosine_delta", "k": 3, "svm_cost": 1.0,
    ...                     "nsc_threshold": 0.5})
    {'measure': 'cosine_delta', 'k': 3, 'cost': 1.0, 'shrink_threshold': 0.5}
    """
    unknown = [c for c in settings.get("classifiers", ()) if c not in CLASSIFIERS]
    if unknown:
        raise ValueError(f"unknown classifiers {unknown}; choose among {', '.join(CLASSIFIERS)}")
    return {
        "measure": settings.get("measure", "burrows"),
        "k": settings.get("k", 1),
        "cost": settings.get("svm_cost", 1.0),
        "shrink_threshold": settings.get("nsc_threshold", 1.0),
    }


def figure_data(
    summary: Sequence[Mapping[str, str]],
    impostors: Sequence[Mapping[str, str]] = (),
    calibration: Sequence[Mapping[str, str]] = (),
) -> dict[str, Any]:
    """What the questioned-texts figure draws, from the stage's tables as read from CSV.

    ``summary`` is :func:`attribution_summary`'s table, ``impostors`` and ``calibration``
    :func:`verification`'s (optional). Authors are ordered by their total share of settings
    (then name), candidates not named by any setting after them.

    Returns
    -------
    dict
        ``samples``, ``shares`` (author -> share per sample), ``settings`` (settings per
        sample), ``verification`` (candidate -> score per sample, NaN when not verified),
        ``grey_zone`` ((p1, p2) or None) and ``rows`` (the plotted values, long, for the CSV
        beside the figure).

    Examples
    --------
    >>> summary = [{"id": "q", "author": "M", "settings": "3", "of": "4", "share": "0.75"},
    ...            {"id": "q", "author": "H", "settings": "1", "of": "4", "share": "0.25"}]
    >>> data = figure_data(summary)
    >>> data["samples"], data["shares"], data["settings"]
    (['q'], {'M': [0.75], 'H': [0.25]}, 4)
    """
    samples = list(dict.fromkeys(r["id"] for r in summary))
    total: Counter = Counter()
    for r in summary:
        total[r["author"]] += float(r["share"])
    authors = sorted(total, key=lambda a: (-total[a], a))
    share = {(r["id"], r["author"]): float(r["share"]) for r in summary}
    shares = {a: [share.get((s, a), 0.0) for s in samples] for a in authors}
    rows = [
        {"panel": "attribution", "id": s, "author": a, "value": shares[a][k]}
        for a in authors
        for k, s in enumerate(samples)
    ]
    score = {(r["id"], r["candidate"]): float(r["score"]) for r in impostors}
    candidates = list(dict.fromkeys(r["candidate"] for r in impostors))
    verification_scores = {
        c: [score.get((s, c), float("nan")) for s in samples] for c in candidates
    }
    rows += [
        {"panel": "impostors", "id": s, "author": c, "value": score[(s, c)]}
        for c in candidates
        for s in samples
        if (s, c) in score
    ]
    zone = None
    for r in calibration:
        if r["calibration"] == "grey_zone" and r["evaluation"] == "in_sample":
            zone = (float(r["p1"]), float(r["p2"]))
            rows += [{"panel": "grey_zone", "id": "", "author": "", "value": v} for v in zone]
    return {
        "samples": samples,
        "shares": shares,
        "settings": max((int(r["of"]) for r in summary), default=0),
        "verification": verification_scores,
        "grey_zone": zone,
        "rows": rows,
    }
