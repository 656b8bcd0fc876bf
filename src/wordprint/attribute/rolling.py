"""Rolling Delta: how close each stretch of one text is to each candidate author.

A window of ``size`` tokens slides along the text in steps of ``step`` tokens; each window's
relative frequencies of the given feature words are compared with each candidate author's
reference texts by any registered distance measure. Plotted along the text, the curves show
where the style changes hands (Rybicki, Hoover & Kestemont 2014; Eder 2016).

Choices, checked against stylo's ``rolling.delta()`` (``R/rolling.delta.R``)
----------------------------------------------------------------------------------
- **Distance to an author** is the distance to the author's centroid (``to="centroid"``, the
  mean profile of the author's reference samples): stylo computes exactly this and labels its
  axis "Delta(centroid, window)". ``to="nearest"`` takes the distance to the author's nearest
  reference sample instead (as stylo's ``classify()`` does for attribution).
- **z-scores** (for the Deltas) use the mean and standard deviation of all reference samples
  together, the usual Delta set-up, so one window's distances to different authors are on one
  scale. stylo's script standardises each author by that author's own deviations, and then,
  through a slip in the code, adds up the raw frequency differences instead of the
  standardised ones (its Delta is in effect a Manhattan distance over the words that vary);
  we do not copy that.
- The measures without z-scores that still use corpus statistics (``argamon_linear``,
  ``entropy``) take them from the compared table: the author centroids for ``to="centroid"``,
  the reference samples for ``to="nearest"``.
- **Windows** are as stylo's: starts at 0, step, 2 step, ... while the window fits; a tail
  shorter than ``size`` is not analysed. stylo also cuts its reference texts into windows of
  the same size; :func:`window_frequencies` with ``step=size`` does that.

References
----------
Rybicki, J., Hoover, D. L. & Kestemont, M. (2014). Collaborative authorship: Conrad, Ford and
rolling delta. Literary and Linguistic Computing 29(3), 422-431.

Eder, M. (2016). Rolling stylometry. Digital Scholarship in the Humanities 31(3), 457-469.

Burrows, J. (2002). 'Delta': a measure of stylistic difference and a guide to likely
authorship. Literary and Linguistic Computing 17(3), 267-287.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Literal

import numpy as np

from wordprint.measures.distances import MEASURES, MeasureName, cross_distances
from wordprint.text.tokenize import word_tokenizer

AuthorDistance = Literal["centroid", "nearest"]


def window_spans(n_tokens: int, *, size: int, step: int) -> np.ndarray:
    """Start and end (exclusive) token offsets of every full window, one row per window.

    References
    ----------
    Eder, M. (2016). Rolling stylometry. Digital Scholarship in the Humanities 31(3), 457-469.

    Examples
    --------
    >>> window_spans(10, size=4, step=3).tolist()
    [[0, 4], [3, 7], [6, 10]]
    """
    if int(size) != size or size < 1:
        raise ValueError(f"size must be a positive number of tokens, got {size}")
    if int(step) != step or step < 1:
        raise ValueError(f"step must be a positive number of tokens, got {step}")
    if n_tokens < size:
        raise ValueError(
            f"the text has {n_tokens} tokens, fewer than one window of size {size}; "
            "choose a smaller size"
        )
    starts = np.arange(0, n_tokens - size + 1, step)
    return np.column_stack([starts, starts + size])


def window_frequencies(
    tokens: Sequence[str], features: Sequence[str], *, size: int, step: int
) -> tuple[np.ndarray, np.ndarray]:
    """Token spans of the windows and their relative frequencies of ``features``.

    Each row is a window's count of each feature word divided by the window's length (its
    whole token count, as :func:`wordprint.features.mfw.relative_frequencies`).

    Returns
    -------
    spans : numpy.ndarray
        windows x 2 (start, end) token offsets, see :func:`window_spans`.
    table : numpy.ndarray
        windows x features relative frequencies.

    References
    ----------
    Eder, M. (2016). Rolling stylometry. Digital Scholarship in the Humanities 31(3), 457-469.

    Examples
    --------
    >>> spans, table = window_frequencies("a b a c a b".split(), ["a", "b"], size=4, step=2)
    >>> spans.tolist(), table.tolist()
    ([[0, 4], [2, 6]], [[0.5, 0.25], [0.5, 0.25]])
    """
    if len(set(features)) != len(features) or not features:
        raise ValueError("features must be a non-empty list of distinct words")
    spans = window_spans(len(tokens), size=size, step=step)
    index = {word: j for j, word in enumerate(features)}
    # one column per feature; tokens that are not features go to an extra, dropped column
    codes = np.array([index.get(t, len(features)) for t in tokens], dtype=np.int64)
    table = np.vstack(
        [np.bincount(codes[a:b], minlength=len(features) + 1)[:-1] for a, b in spans]
    )
    return spans, table / float(size)


def rolling_delta(
    tokens: Sequence[str],
    features: Sequence[str],
    reference: np.ndarray,
    reference_labels: Sequence[str],
    *,
    size: int = 5000,
    step: int = 1000,
    measure: MeasureName = "burrows",
    to: AuthorDistance = "centroid",
) -> dict:
    """Distance of every window of a text to every candidate author.

    ``reference`` holds the relative frequencies of ``features`` (same column order) in the
    authors' reference samples, one row per sample, labelled by ``reference_labels``. stylo's
    defaults are windows of 5,000 tokens in steps of 1,000. See the module notes for what
    "distance to an author" and the z-scores are.

    Returns
    -------
    dict
        ``start``, ``end`` (token offsets of each window, end exclusive), ``middle`` (where
        stylo plots the window), ``authors`` (sorted) and ``distances`` (windows x authors).

    References
    ----------
    Rybicki, J., Hoover, D. L. & Kestemont, M. (2014). Collaborative authorship: Conrad, Ford
    and rolling delta. Literary and Linguistic Computing 29(3), 422-431.

    Examples
    --------
    >>> ref = np.array([[0.5, 0.1], [0.4, 0.2], [0.1, 0.5], [0.2, 0.4]])
    >>> out = rolling_delta("a a b a x b b b".split(), ["a", "b"], ref, ["A", "A", "B", "B"],
    ...                     size=4, step=4)
    >>> out["start"].tolist(), out["authors"], out["distances"].argmin(axis=1).tolist()
    ([0, 4], ['A', 'B'], [0, 1])
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    if to not in ("centroid", "nearest"):
        raise ValueError(f"unknown to {to!r}; choose one of centroid, nearest")
    reference = np.asarray(reference, dtype=float)
    if reference.ndim != 2 or reference.shape[1] != len(features):
        raise ValueError(
            f"reference must be a samples x features table with {len(features)} columns, "
            f"got shape {reference.shape}"
        )
    labels = np.asarray([str(x) for x in reference_labels])
    if len(labels) != len(reference):
        raise ValueError(
            f"reference_labels must hold one label per reference sample ({len(reference)}), "
            f"got {len(labels)}"
        )
    spans, windows = window_frequencies(tokens, features, size=size, step=step)
    authors = sorted(set(labels.tolist()))
    uses_z = MEASURES[measure].uses_z_scores
    if uses_z and len(reference) < 2:
        raise ValueError("z-scores need at least 2 reference samples")
    stats = {"mean": reference.mean(axis=0), "std": reference.std(axis=0, ddof=1)} if uses_z else {}
    if to == "centroid":
        centroids = np.vstack([reference[labels == a].mean(axis=0) for a in authors])
        distances = cross_distances(windows, centroids, measure=measure, **stats)
    else:
        D = cross_distances(windows, reference, measure=measure, **stats)
        distances = np.column_stack([D[:, labels == a].min(axis=1) for a in authors])
    return {
        "start": spans[:, 0],
        "end": spans[:, 1],
        "middle": spans.mean(axis=1),
        "authors": authors,
        "distances": distances,
    }


# --- marking character spans (e.g. quotations) on the token axis ------------------------------


def token_offsets(text: str, *, pattern: str = "words") -> list[tuple[int, int]]:
    """Character (start, end) of every token, as :func:`wordprint.text.tokenize.words` finds them.

    References
    ----------
    Bird, S., Klein, E. & Loper, E. (2009). Natural Language Processing with Python. O'Reilly
    (nltk's ``RegexpTokenizer.span_tokenize``).

    Examples
    --------
    >>> token_offsets("He said: 'no, never'.")
    [(0, 2), (3, 7), (10, 12), (14, 19)]
    """
    return [(int(a), int(b)) for a, b in word_tokenizer(pattern=pattern).span_tokenize(text)]


def char_spans_to_token_spans(
    spans: Sequence[tuple[int, int]], offsets: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Map character spans (start, end exclusive) to token spans (first, last + 1).

    A token belongs to a span if any of its characters does; a span that covers no token maps
    to an empty span (k, k) at the next token. ``offsets`` are the tokens' character spans in
    text order (:func:`token_offsets`), so quotation spans from
    :func:`wordprint.text.quotes.split_quotations` can be marked on a rolling-Delta plot, whose x
    axis counts tokens.

    References
    ----------
    Eder, M. (2016). Rolling stylometry. Digital Scholarship in the Humanities 31(3), 457-469.

    Examples
    --------
    >>> offsets = token_offsets("He said: 'no, never'.")
    >>> char_spans_to_token_spans([(9, 21), (7, 9)], offsets)
    [(2, 4), (2, 2)]
    """
    starts = [a for a, _ in offsets]
    ends = [b for _, b in offsets]
    if any(b < a for a, b in offsets) or starts != sorted(starts) or ends != sorted(ends):
        raise ValueError("offsets must be (start, end) token spans in text order")
    out = []
    for a, b in spans:
        if b < a:
            raise ValueError(f"a span must have start <= end, got ({a}, {b})")
        first = bisect.bisect_right(ends, a)  # first token ending after the span starts
        last = bisect.bisect_left(starts, b)  # first token starting at or after the span ends
        out.append((first, max(first, last)))
    return out
