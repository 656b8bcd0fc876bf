"""General Impostors verification of a corpus's questioned samples, calibrated on its known ones.

For each questioned sample and candidate author, :func:`verification` asks General Impostors
(:mod:`wordprint.attribute.impostors`) whether the candidate wrote it, and answers "yes", "no"
or nothing through the grey zone and the logistic fit calibrated on the known texts
(:mod:`wordprint.attribute.calibration`).

Leakage
-------
Everything fitted (the impostors' z-scores, the calibration) comes from known texts only; when
texts are cut into several samples, the calibration uses one sample per document, so that a
document's samples are never each other's evidence.

References
----------
Koppel, M. & Winter, Y. (2014). Determining if two documents are written by the same author.
Journal of the Association for Information Science and Technology 65(1), 178-187.

Kestemont, M., Stover, J., Koppel, M., Karsdorp, F. & Daelemans, W. (2016). Authenticating the
writings of Julius Caesar. Expert Systems with Applications 63, 86-96.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from wordprint.attribute.calibration import calibrate, grey_zone_scores, logistic_probability
from wordprint.attribute.impostors import impostors_score, known_scores
from wordprint.corpus.samples import document_id, view_of
from wordprint.measures.distances import MeasureName


def problem_seed(seed: int, *keys: str) -> int:
    """A seed of its own for one verification problem, stable whatever else is verified.

    Examples
    --------
    >>> problem_seed(1, "federalist-49", "Madison") == problem_seed(1, "federalist-49", "Madison")
    True
    """
    digest = hashlib.sha256("\x1f".join([str(seed), *keys]).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


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
    :func:`wordprint.attribute.impostors.known_scores`) and evaluated by
    :func:`wordprint.attribute.calibration.calibrate`. A grey-zone score of exactly 0.5 is no
    answer; above 0.5 the answer is "yes" (the candidate wrote it),
    below "no".

    Returns
    -------
    dict
        ``rows`` (one per questioned sample and candidate), ``known`` (the known-text problems)
        and ``calibration`` (:func:`~wordprint.attribute.calibration.calibrate`'s result).

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
