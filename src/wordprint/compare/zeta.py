"""Craig's Zeta: words one set of texts uses consistently and the other avoids.

Zeta compares document proportions, not frequencies: each text is cut into equal-size segments
(:func:`segment_tokens`), and for every word we count the share of target segments that contain
it and the share of reference segments that contain it. A word in every target segment and no
reference segment is a perfect marker of the target (zeta 1); the reverse is a perfect marker of
the reference (-1). Because presence is binary, one burst of a word in one passage counts no more
than a single use, which is what makes Zeta robust to topic-bound repetition.

Where we differ
---------------
- **Scale.** ``scale="difference"`` (default) gives ``p_target - p_reference`` in [-1, 1], 0 for
  no preference, as pyzeta's ``sd0`` and Schöch et al. (2018). ``scale="craig"`` adds 1, giving
  Craig & Kinney's ``p_target + (1 - p_reference)`` in [0, 2] with 1 for no preference, the
  values stylo's ``oppose()`` (``craig.zeta``: ``(primary - secondary) / 100 + 1``) and
  scattertext's ``CraigsZetaScorer`` report.
- **Pooling segments.** By default every segment weighs the same. stylo's ``oppose()`` first
  takes each text's proportion of segments, then averages over texts, so each text weighs the
  same; pass ``target_texts`` and ``reference_texts`` (the text of each segment) to do that.
  The two agree when every text gives the same number of segments.
- **Rare words.** stylo drops words occurring at most ``rare.occurrences.threshold`` (2) times in
  the whole corpus; ``min_freq=3`` reproduces that (counted over the segments passed, so the
  dropped remainders do not count).

References
----------
Burrows, J. (2007). All the way through: testing for authorship in different frequency strata.
Literary and Linguistic Computing 22(1), 27-47.

Craig, H. & Kinney, A. F. (eds.) (2009). Shakespeare, Computers, and the Mystery of Authorship.
Cambridge University Press (chapter 2, "Methods").

Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for computational
text analysis. The R Journal 8(1), 107-121.

Schöch, C., Schlör, D., Zehe, A., Gebhard, H., Becker, M. & Hotho, A. (2018). Burrows' Zeta:
exploring and evaluating variants and parameters. Digital Humanities 2018, Mexico City.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import numpy as np
from scipy import sparse

Scale = Literal["difference", "craig"]
# Added to p_target - p_reference for each scale.
_SHIFTS: dict[str, float] = {"difference": 0.0, "craig": 1.0}

Segment = Sequence[str] | Mapping[str, int]


def segment_tokens(tokens: Sequence[str], *, size: int) -> tuple[list[list[str]], list[str]]:
    """Consecutive, non-overlapping segments of ``size`` tokens, and the leftover tokens.

    The last ``len(tokens) % size`` tokens do not fill a segment; they are returned separately
    (stylo's ``oppose()`` drops them) so the caller can report how much text was left out.

    Examples
    --------
    >>> segment_tokens(list("abcdefg"), size=3)
    ([['a', 'b', 'c'], ['d', 'e', 'f']], ['g'])
    """
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"size (tokens per segment) must be a positive integer, got {size!r}")
    tokens = list(tokens)
    full = len(tokens) - len(tokens) % size
    segments = [tokens[i : i + size] for i in range(0, full, size)]
    return segments, tokens[full:]


def _types_and_count(segment: Segment) -> tuple[set[str], dict[str, float]]:
    if isinstance(segment, Mapping):
        counts = {w: n for w, n in segment.items() if n > 0}
    else:
        counts = {}
        for word in segment:
            counts[word] = counts.get(word, 0) + 1
    return set(counts), counts


def _presence(segments: Sequence[Segment], index: dict[str, int]) -> sparse.csr_matrix:
    # Segments x vocabulary matrix of 0/1: does the segment contain the word?
    rows, cols = [], []
    for i, segment in enumerate(segments):
        present = [index[w] for w in _types_and_count(segment)[0] if w in index]
        rows.extend([i] * len(present))
        cols.extend(present)
    data = np.ones(len(rows))
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(segments), len(index)))


def _proportions(presence: sparse.csr_matrix, texts: Sequence[str] | None, name: str) -> np.ndarray:
    n = presence.shape[0]
    if texts is None:
        return np.asarray(presence.sum(axis=0)).ravel() / n
    if len(texts) != n:
        raise ValueError(f"{name} has {len(texts)} labels but there are {n} segments")
    labels, which = np.unique(np.asarray(list(texts), dtype=object), return_inverse=True)
    # Row t of `mean` averages the segments of text t; the texts then weigh equally.
    per_text = np.bincount(which, minlength=len(labels)).astype(float)
    mean = sparse.csr_matrix((1.0 / per_text[which], (which, np.arange(n))), shape=(len(labels), n))
    return np.asarray((mean @ presence).mean(axis=0)).ravel()


def zeta(
    target_segments: Sequence[Segment],
    reference_segments: Sequence[Segment],
    *,
    scale: Scale = "difference",
    min_freq: int = 1,
    target_texts: Sequence[str] | None = None,
    reference_texts: Sequence[str] | None = None,
) -> dict[str, np.ndarray]:
    """Craig's Zeta of every word in either set of segments, highest (target markers) first.

    Each segment is a list of tokens or a mapping word -> count. Returns a table (dict of
    columns, ready for ``pandas.DataFrame``): ``term``, ``segments_target`` and
    ``segments_reference`` (how many segments contain the word), ``p_target`` and
    ``p_reference`` (the proportions), and ``zeta`` (``p_target - p_reference``, plus 1 on the
    ``craig`` scale). Words occurring fewer than ``min_freq`` times in all segments together are
    left out. Ties in zeta are broken alphabetically.

    Segments should be of equal size (see :func:`segment_tokens`): a longer segment is more
    likely to contain any word.

    References
    ----------
    Burrows, J. (2007). All the way through: testing for authorship in different frequency
    strata. Literary and Linguistic Computing 22(1), 27-47.

    Craig, H. & Kinney, A. F. (eds.) (2009). Shakespeare, Computers, and the Mystery of
    Authorship. Cambridge University Press.

    Examples
    --------
    >>> table = zeta([["the", "war"], ["a", "war"]], [["the", "peace"], ["a", "peace"]])
    >>> table["term"].tolist(), table["zeta"].tolist()
    (['war', 'a', 'the', 'peace'], [1.0, 0.0, 0.0, -1.0])
    """
    if scale not in _SHIFTS:
        raise ValueError(f"scale must be one of {sorted(_SHIFTS)}, got {scale!r}")
    if isinstance(min_freq, bool) or not isinstance(min_freq, (int, np.integer)) or min_freq < 1:
        raise ValueError(f"min_freq must be a positive integer, got {min_freq!r}")
    for name, segments in (
        ("target_segments", target_segments),
        ("reference_segments", reference_segments),
    ):
        if len(segments) == 0:
            raise ValueError(f"{name} is empty: Zeta needs at least one segment on each side")
    totals: dict[str, float] = {}
    for segment in (*target_segments, *reference_segments):
        for word, count in _types_and_count(segment)[1].items():
            totals[word] = totals.get(word, 0) + count
    vocabulary = sorted(w for w, n in totals.items() if n >= min_freq)
    index = {w: i for i, w in enumerate(vocabulary)}
    target = _presence(target_segments, index)
    reference = _presence(reference_segments, index)
    p_target = _proportions(target, target_texts, "target_texts")
    p_reference = _proportions(reference, reference_texts, "reference_texts")
    scores = p_target - p_reference + _SHIFTS[scale]
    # Vocabulary is alphabetical, so a stable sort on -zeta breaks ties alphabetically.
    order = np.argsort(-scores, kind="stable")
    return {
        "term": np.asarray(vocabulary, dtype=object)[order],
        "segments_target": np.asarray(target.sum(axis=0)).ravel().astype(int)[order],
        "segments_reference": np.asarray(reference.sum(axis=0)).ravel().astype(int)[order],
        "p_target": p_target[order],
        "p_reference": p_reference[order],
        "zeta": scores[order],
    }


def segments_of_texts(
    texts: Mapping[str, Iterable[str]], *, size: int
) -> tuple[list[list[str]], list[str], dict[str, int]]:
    """Cut every text into segments of ``size`` tokens, keeping track of where they came from.

    Returns the segments, the text id of each segment (for ``target_texts`` /
    ``reference_texts`` in :func:`zeta`), and the number of leftover tokens dropped per text.
    A text shorter than ``size`` gives no segment (stylo's ``oppose()`` stops with an error).

    Examples
    --------
    >>> segments_of_texts({"A": list("abcdefg"), "B": list("xy")}, size=3)
    ([['a', 'b', 'c'], ['d', 'e', 'f']], ['A', 'A'], {'A': 1, 'B': 2})
    """
    segments: list[list[str]] = []
    ids: list[str] = []
    dropped: dict[str, int] = {}
    for text_id, tokens in texts.items():
        text_segments, leftover = segment_tokens(list(tokens), size=size)
        segments.extend(text_segments)
        ids.extend([text_id] * len(text_segments))
        dropped[text_id] = len(leftover)
    return segments, ids, dropped
