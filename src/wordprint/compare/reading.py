"""Reading aids of a comparison: lines in context, collocates, shared words, vocabulary growth.

- **KWIC** (:func:`kwic_rows`) and **collocations** (:func:`collocation_rows`) of the top key
  terms, each read in the side where it is key;
- **vocabulary overlap** (:func:`overlap_row`) of the two sides;
- **vocabulary growth** (:func:`growth_rows`) of every sample compared.

Where we differ
---------------
- **Collocations** are counted as nltk's ``BigramCollocationFinder.from_words`` counts them
  (see :func:`wordprint.compare.concordance.collocations`), but only for pairs that contain one
  of the terms asked for and never across a document boundary, so that a side of a million
  tokens costs one pass per term rather than one finder per term.

References
----------
Sinclair, J. (1991). Corpus, Concordance, Collocation. Oxford University Press.

Baayen, R. H. (2001). Word Frequency Distributions. Kluwer Academic Publishers.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from wordprint.compare.concordance import kwic, vocabulary_growth, vocabulary_overlap
from wordprint.compare.sides import SideData
from wordprint.corpus.samples import document_id, view_of


def kwic_rows(
    tokens: Mapping[str, Sequence[str]],
    terms: Sequence[str],
    *,
    lines: int,
    context: int,
    key_in: str = "",
) -> list[dict[str, Any]]:
    """A few keyword-in-context lines per term, spread evenly over all its occurrences.

    ``tokens`` maps sample ids to token lists (a side's texts, in order); each term gets
    ``lines`` lines taken at evenly spaced ranks among its occurrences in all of them, so they
    come from the beginning, middle and end of the side rather than its first text.

    References
    ----------
    Sinclair, J. (1991). Corpus, Concordance, Collocation. Oxford University Press.

    Examples
    --------
    >>> rows = kwic_rows({"a": "the state the party the".split()}, ["the"], lines=2, context=1)
    >>> [(r["position"], r["left"], r["right"]) for r in rows]
    [(0, '', 'state'), (4, 'party', '')]
    """
    if lines < 1:
        raise ValueError(f"lines must be a positive number of lines, got {lines}")
    rows = []
    for term in terms:
        found = [
            (sid, line) for sid, toks in tokens.items() for line in kwic(toks, term, window=context)
        ]
        if not found:
            continue
        picks = sorted({round(x) for x in np.linspace(0, len(found) - 1, min(lines, len(found)))})
        for k in picks:
            sid, line = found[k]
            rows.append(
                {
                    "term": term,
                    "key_in": key_in,
                    "document": document_id(sid),
                    "view": view_of(sid),
                    "position": line.position,
                    "left": line.left,
                    "keyword": line.keyword,
                    "right": line.right,
                }
            )
    return rows


def collocation_rows(
    tokens: Mapping[str, Sequence[str]],
    terms: Sequence[str],
    *,
    window: int,
    min_freq: int = 2,
    limit: int | None = 10,
    key_in: str = "",
) -> list[dict[str, Any]]:
    """Collocates of each term within ``window`` tokens either side, strongest (LL) first.

    Counts and scores are those of :func:`wordprint.compare.concordance.collocations` with
    ``window_size = window + 1`` on the side's texts, except that no window spans two texts:
    a pair (x, term) is a collocate on the term's left, (term, x) on its right, kept when seen
    at least ``min_freq`` times, scored by nltk's ``likelihood_ratio`` (Dunning 1993) and
    ``pmi`` (Church & Hanks 1990, log base 2), ``limit`` per term.

    References
    ----------
    Church, K. W. & Hanks, P. (1990). Word association norms, mutual information, and
    lexicography. Computational Linguistics 16(1), 22-29.

    Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
    Computational Linguistics 19(1), 61-74.

    Examples
    --------
    >>> rows = collocation_rows({"a": "the soviet state and the soviet union".split()},
    ...                         ["soviet"], window=1)
    >>> [(r["collocate"], r["collocate_side"], r["frequency"]) for r in rows]
    [('the', 'left', 2)]
    """
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 1:
        raise ValueError(f"window (tokens each side) must be a positive integer, got {window!r}")
    if isinstance(min_freq, bool) or not isinstance(min_freq, (int, np.integer)) or min_freq < 1:
        raise ValueError(f"min_freq must be a positive integer, got {min_freq!r}")
    from nltk.collocations import BigramCollocationFinder  # nltk: 1.7 s, only when used
    from nltk.metrics.association import BigramAssocMeasures
    from nltk.probability import FreqDist

    unigrams = FreqDist()
    for toks in tokens.values():
        unigrams.update(toks)
    rows = []
    for term in terms:
        pairs: Counter[tuple[str, str]] = Counter()
        for toks in tokens.values():
            for i, token in enumerate(toks):
                if token != term:
                    continue
                # nltk counts (w1, w2) once for each w2 within window tokens after w1, so
                # (term, term) is counted from its first member only.
                pairs.update((term, x) for x in toks[i + 1 : i + 1 + window])
                pairs.update((x, term) for x in toks[max(0, i - window) : i] if x != term)
        kept = FreqDist({p: c for p, c in pairs.items() if c >= min_freq})
        finder = BigramCollocationFinder(unigrams, kept, window_size=window + 1)
        found = []
        for (w1, w2), count in finder.ngram_fd.items():
            right = w1 == term
            found.append(
                {
                    "term": term,
                    "key_in": key_in,
                    "collocate": w2 if right else w1,
                    "collocate_side": "right" if right else "left",
                    "frequency": int(count),
                    "log_likelihood": float(
                        finder.score_ngram(BigramAssocMeasures.likelihood_ratio, w1, w2)
                    ),
                    "pmi": float(finder.score_ngram(BigramAssocMeasures.pmi, w1, w2)),
                }
            )
        found.sort(key=lambda r: (-r["log_likelihood"], r["collocate"], r["collocate_side"]))
        rows.extend(found[:limit])
    return rows


def overlap_row(target: SideData, reference: SideData, *, top: int = 20) -> dict[str, Any]:
    """Shared and unique types of the two sides, the Jaccard index, and the most frequent
    types only one side uses (``word (count)``, joined by ``; ``).

    Types depend on text length: a side ten times longer has many more types, so compare
    Jaccard indices only between comparisons of similar sizes.

    References
    ----------
    Jaccard, P. (1912). The distribution of the flora in the alpine zone. New Phytologist
    11(2), 37-50.

    Examples
    --------
    >>> a = SideData("A", (), {"the": 3, "state": 1}, 4, (), (), "documents")
    >>> b = SideData("B", (), {"the": 2, "party": 2}, 4, (), (), "documents")
    >>> row = overlap_row(a, b)
    >>> row["shared"], row["jaccard"], row["top_only_target"]
    (1, 0.3333333333333333, 'state (1)')
    """
    overlap = vocabulary_overlap(target.counts, reference.counts)

    def most_frequent(words_: list[str], counts: Mapping[str, int]) -> str:
        ranked = sorted(words_, key=lambda w: (-counts[w], w))[:top]
        return "; ".join(f"{w} ({counts[w]})" for w in ranked)

    return {
        "target": target.label,
        "reference": reference.label,
        "tokens_target": target.tokens,
        "tokens_reference": reference.tokens,
        "types_target": len(target.counts),
        "types_reference": len(reference.counts),
        "shared": len(overlap.shared),
        "only_target": len(overlap.only_a),
        "only_reference": len(overlap.only_b),
        "jaccard": overlap.jaccard,
        "top_only_target": most_frequent(overlap.only_a, target.counts),
        "top_only_reference": most_frequent(overlap.only_b, reference.counts),
    }


def growth_rows(
    tokens: Mapping[str, Sequence[str]],
    *,
    groups: Mapping[str, str] | None = None,
    points: int = 1000,
    min_step: int = 100,
) -> list[dict[str, Any]]:
    """Vocabulary growth curves (types after every ``step`` tokens) of each sample.

    One step for all curves: ``min_step`` tokens, or more so that the longest text gives at
    most about ``points`` points. Rows: ``id`` (sample), ``document``, ``view``, ``group``
    (from ``groups``, document id -> group; empty without it), ``tokens``, ``types``.

    References
    ----------
    Baayen, R. H. (2001). Word Frequency Distributions. Kluwer Academic Publishers.

    Examples
    --------
    >>> [(r["tokens"], r["types"]) for r in growth_rows({"a": "a b a c".split()}, min_step=2)]
    [(2, 2), (4, 3)]
    """
    longest = max((len(t) for t in tokens.values()), default=0)
    step = max(min_step, math.ceil(longest / points))
    rows = []
    for sid, toks in tokens.items():
        curve = vocabulary_growth(toks, step=step)
        for n, types in zip(curve["tokens"], curve["types"]):
            rows.append(
                {
                    "id": sid,
                    "document": document_id(sid),
                    "view": view_of(sid),
                    "group": (groups or {}).get(document_id(sid), ""),
                    "tokens": int(n),
                    "types": int(types),
                }
            )
    return rows
