"""Reading aids for key terms: keyword in context, collocates, shared vocabulary, growth curves.

Everything works on a list of tokens as :func:`wordprint.text.tokenize.words` returns them; matching
is exact, so lowercase the tokens and the term alike. Collocations use nltk's data-free
:class:`~nltk.collocations.BigramCollocationFinder` and
:class:`~nltk.metrics.association.BigramAssocMeasures`.

Where we differ
---------------
- **Collocation window.** nltk's ``window_size`` counts the node word itself: 5 pairs each token
  with the 4 tokens after it. A collocate to the left of the term is the pair (collocate,
  term), one to the right (term, collocate); we report the two sides separately. Following
  Church & Hanks (1990), nltk divides co-occurrence counts by ``window_size - 1`` before
  scoring; ``frequency`` here is the raw count of co-occurrences within the window.
- **Log-likelihood** is nltk's ``likelihood_ratio`` (Dunning 1993, the 4-cell G2 of the bigram
  table), PMI its ``pmi`` (log base 2). AntConc's default collocation measure is MI.

References
----------
Church, K. W. & Hanks, P. (1990). Word association norms, mutual information, and
lexicography. Computational Linguistics 16(1), 22-29.

Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
Computational Linguistics 19(1), 61-74.

Sinclair, J. (1991). Corpus, Concordance, Collocation. Oxford University Press.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

AssociationName = Literal["log_likelihood", "pmi"]
Side = Literal["left", "right"]

# nltk's BigramAssocMeasures.likelihood_ratio and .pmi (nltk is imported where they are used:
# the workflow imports this module to plan its jobs, and nltk costs 1.7 s to import).
ASSOCIATION_MEASURES = ("log_likelihood", "pmi")


@dataclass(frozen=True)
class KwicLine:
    """One concordance line: the term at token ``position`` with its left and right context."""

    position: int
    left: str
    keyword: str
    right: str


def kwic(
    tokens: Sequence[str], term: str, *, window: int = 5, limit: int | None = None
) -> list[KwicLine]:
    """Keyword-in-context lines: every occurrence of ``term`` with ``window`` tokens each side.

    Context is cut at the start and end of the text; context tokens are joined by single
    spaces. ``limit`` keeps the first lines in text order. ``dataclasses.asdict`` turns each
    line into a CSV row.

    References
    ----------
    Sinclair, J. (1991). Corpus, Concordance, Collocation. Oxford University Press.

    Examples
    --------
    >>> tokens = "the workers state is a workers state degenerated".split()
    >>> [(line.position, line.left, line.right) for line in kwic(tokens, "workers", window=2)]
    [(1, 'the', 'state is'), (5, 'is a', 'state degenerated')]
    """
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window (tokens each side) must be an integer >= 0, got {window!r}")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of lines or None, got {limit!r}")
    lines = []
    for i, token in enumerate(tokens):
        if token != term:
            continue
        left = " ".join(tokens[max(0, i - window) : i])
        lines.append(KwicLine(i, left, token, " ".join(tokens[i + 1 : i + 1 + window])))
        if limit is not None and len(lines) == limit:
            break
    return lines


@dataclass(frozen=True)
class Collocate:
    """A word co-occurring with the term: on which ``side``, how often, and how strongly."""

    collocate: str
    side: Side
    frequency: int
    log_likelihood: float
    pmi: float


def collocations(
    tokens: Sequence[str],
    term: str,
    *,
    window_size: int = 5,
    min_freq: int = 2,
    sort_by: AssociationName = "log_likelihood",
    limit: int | None = None,
) -> list[Collocate]:
    """Collocates of ``term`` within ``window_size - 1`` tokens on either side, strongest first.

    Pairs are counted by nltk's ``BigramCollocationFinder.from_words(tokens,
    window_size=window_size)`` (``window_size`` 2 means adjacent words only), those seen fewer
    than ``min_freq`` times are dropped, and only pairs containing ``term`` are kept. Each is
    scored by log-likelihood and PMI (``ASSOCIATION_MEASURES``) and sorted by ``sort_by``, ties
    by collocate and side.

    References
    ----------
    Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
    Computational Linguistics 19(1), 61-74.

    Church, K. W. & Hanks, P. (1990). Word association norms, mutual information, and
    lexicography. Computational Linguistics 16(1), 22-29.

    Examples
    --------
    >>> tokens = "the soviet state and the soviet union and the state".split()
    >>> [(c.collocate, c.side, c.frequency) for c in collocations(tokens, "soviet", window_size=2)]
    [('the', 'left', 2)]
    """
    if sort_by not in ASSOCIATION_MEASURES:
        raise ValueError(f"sort_by must be one of {sorted(ASSOCIATION_MEASURES)}, got {sort_by!r}")
    if (
        isinstance(window_size, bool)
        or not isinstance(window_size, (int, np.integer))
        or window_size < 2
    ):
        raise ValueError(f"window_size must be an integer of at least 2, got {window_size!r}")
    if isinstance(min_freq, bool) or not isinstance(min_freq, (int, np.integer)) or min_freq < 1:
        raise ValueError(f"min_freq must be a positive integer, got {min_freq!r}")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of collocates or None, got {limit!r}")
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics.association import BigramAssocMeasures

    finder = BigramCollocationFinder.from_words(tokens, window_size=window_size)
    finder.apply_freq_filter(min_freq)
    finder.apply_ngram_filter(lambda w1, w2: term not in (w1, w2))
    found = []
    for (w1, w2), count in finder.ngram_fd.items():
        # (x, term): x precedes the term; (term, x), including (term, term): x follows.
        side: Side = "right" if w1 == term else "left"
        found.append(
            Collocate(
                collocate=w2 if side == "right" else w1,
                side=side,
                frequency=int(count),
                log_likelihood=float(
                    finder.score_ngram(BigramAssocMeasures.likelihood_ratio, w1, w2)
                ),
                pmi=float(finder.score_ngram(BigramAssocMeasures.pmi, w1, w2)),
            )
        )
    found.sort(key=lambda c: (-getattr(c, sort_by), c.collocate, c.side))
    return found[:limit]


@dataclass(frozen=True)
class VocabularyOverlap:
    """Types shared by two vocabularies, those unique to each (sorted), and their Jaccard index."""

    shared: list[str]
    only_a: list[str]
    only_b: list[str]
    jaccard: float


def vocabulary_overlap(types_a: Iterable[str], types_b: Iterable[str]) -> VocabularyOverlap:
    """Shared and unique types of two texts, and the Jaccard index |A & B| / |A | B|.

    Tokens may be passed instead of types (duplicates are ignored). Two empty vocabularies are
    identical: Jaccard 1, as scipy's ``jaccard`` distance of 0 for two all-zero vectors.

    References
    ----------
    Jaccard, P. (1912). The distribution of the flora in the alpine zone. New Phytologist
    11(2), 37-50.

    Examples
    --------
    >>> overlap = vocabulary_overlap("the state withers".split(), "the state grows".split())
    >>> overlap.shared, overlap.only_a, overlap.only_b, overlap.jaccard
    (['state', 'the'], ['withers'], ['grows'], 0.5)
    """
    a, b = set(types_a), set(types_b)
    union = a | b
    return VocabularyOverlap(
        shared=sorted(a & b),
        only_a=sorted(a - b),
        only_b=sorted(b - a),
        jaccard=len(a & b) / len(union) if union else 1.0,
    )


def vocabulary_growth(tokens: Sequence[str], *, step: int) -> dict[str, np.ndarray]:
    """Number of types seen after every ``step`` tokens: the vocabulary growth curve.

    Returns ``{"tokens": [step, 2 step, ..., n], "types": [...]}``; the last point is always
    the whole text (``n`` tokens), even when ``n`` is not a multiple of ``step``.

    References
    ----------
    Baayen, R. H. (2001). Word Frequency Distributions. Kluwer Academic Publishers.

    Examples
    --------
    >>> curve = vocabulary_growth("a b a c b d a".split(), step=3)
    >>> curve["tokens"].tolist(), curve["types"].tolist()
    ([3, 6, 7], [2, 4, 4])
    """
    if isinstance(step, bool) or not isinstance(step, (int, np.integer)) or step < 1:
        raise ValueError(f"step (tokens between points) must be a positive integer, got {step!r}")
    seen: set[str] = set()
    types_so_far = np.empty(len(tokens), dtype=int)
    for i, token in enumerate(tokens):
        seen.add(token)
        types_so_far[i] = len(seen)
    points = np.arange(step, len(tokens) + 1, step)
    if len(tokens) and (points.size == 0 or points[-1] != len(tokens)):
        points = np.append(points, len(tokens))
    return {"tokens": points, "types": types_so_far[points - 1]}
