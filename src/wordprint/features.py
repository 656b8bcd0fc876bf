"""Corpus-wide feature tables: the most frequent words (MFW) and their relative frequencies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np


def most_frequent_words(
    counts: Sequence[Mapping[str, int]], *, n: int, start_at: int = 0
) -> list[str]:
    """The ``n`` words with the highest mean relative frequency across documents.

    Each document weighs the same whatever its length (as stylo's ``make.frequency.list`` with
    relative frequencies). Ties are broken alphabetically so the list is deterministic.
    ``start_at`` skips the top words (stylo's ``start.at``, counted from 0 here).

    Examples
    --------
    >>> most_frequent_words([{"the": 3, "a": 1}, {"a": 2, "of": 2}], n=2)
    ['a', 'the']
    """
    if n < 1:
        raise ValueError(f"n (the number of most frequent words) must be at least 1, got {n}")
    if start_at < 0:
        raise ValueError(f"start_at must be 0 or more, got {start_at}")
    mean: dict[str, float] = {}
    for doc in counts:
        total = sum(doc.values())
        for word, count in doc.items():
            mean[word] = mean.get(word, 0.0) + count / total
    ranked = sorted(mean, key=lambda w: (-mean[w], w))
    return ranked[start_at : start_at + n]


def relative_frequencies(
    counts: Sequence[Mapping[str, int]], vocabulary: Sequence[str], *, totals: Sequence[int]
) -> np.ndarray:
    """Documents x words table of relative frequencies: each count over the document's token total.

    Dividing by the document's whole token count (not by the total of the selected words) is
    what stylo and pydelta do.

    Examples
    --------
    >>> relative_frequencies([{"the": 3, "a": 1}], ["the", "of"], totals=[4]).tolist()
    [[0.75, 0.0]]
    """
    table = np.zeros((len(counts), len(vocabulary)))
    for i, (doc, total) in enumerate(zip(counts, totals, strict=True)):
        table[i] = [doc.get(word, 0) / total for word in vocabulary]
    return table
