"""Attributing the questioned samples: every classifier and MFW setting, and their verdicts.

:func:`attribution_rows` trains each classifier on all known samples and attributes each
questioned one (:func:`wordprint.attribute.classify.attribute`) at every MFW setting;
:func:`attribution_summary` says, per questioned sample, which share of those settings names
each author.

References
----------
Mosteller, F. & Wallace, D. L. (1964). Inference and Disputed Authorship: The Federalist.
Addison-Wesley.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

import numpy as np

from wordprint.attribute.classify import SCORE_MEANINGS, ClassifierName, Options, attribute
from wordprint.corpus.samples import document_id, view_of

#: Columns of the questioned tables, written even when nothing is questioned.
QUESTIONED_COLUMNS = [
    "id", "document", "view", "classifier", "mfw", "predicted", "score", "runner_up",
    "runner_up_score", "score_is",
]
SUMMARY_COLUMNS = ["id", "document", "view", "author", "settings", "of", "share", "majority"]


def attribution_rows(
    known: Mapping[int, np.ndarray],
    labels: Sequence[str],
    questioned: Mapping[int, np.ndarray],
    *,
    ids: Sequence[str],
    classifiers: Sequence[ClassifierName] = ("delta", "delta_centroid", "svm", "nsc"),
    options: Options = Options(),
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
            found = attribute(
                known[n], labels, questioned[n], ids=ids, classifier=classifier,
                **asdict(options),
            )
            rows.extend(
                {
                    "id": r["id"],
                    "document": document_id(r["id"]),
                    "view": view_of(r["id"]),
                    "classifier": classifier,
                    "mfw": n,
                    "predicted": r["predicted"],
                    "score": r["score"],
                    "runner_up": r["runner_up"],
                    "runner_up_score": r["runner_up_score"],
                    "score_is": SCORE_MEANINGS[classifier],
                }
                for r in found
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
