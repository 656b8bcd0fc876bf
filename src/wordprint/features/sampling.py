"""Length-fair samples: cut long texts into equal-size segments or draw equal-size bags of words.

A 175,000-word book and a 4,000-word essay do not give equally reliable frequencies; comparing
equal-size samples keeps the comparison from being dominated by length (stylo's ``sampling``:
"normal.sampling" = consecutive segments, "random.sampling" = bags of words drawn at random).
Delta becomes unreliable below about 2,500-5,000 words per sample (Eder 2015), so samples under
a threshold are reported.

References
----------
Eder, M. (2015). Does size matter? Authorship attribution, small samples, big problem. Digital
Scholarship in the Humanities 30(2), 167-182.
Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for computational
text analysis. The R Journal 8(1), 107-121.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Literal

import numpy as np

from wordprint.corpus.samples import Sample, sample_id

Method = Literal["none", "consecutive", "random"]

# Eder (2015): below roughly 2,500-5,000 words Delta's attributions degrade quickly.
RELIABLE_SAMPLE_SIZE = 5000


def random_bag(counts: Mapping[str, int], *, size: int, rng: np.random.Generator) -> dict[str, int]:
    """``size`` tokens drawn without replacement from a document's tokens, as counts.

    Drawing from the counts (multivariate hypergeometric) is the same as shuffling the tokens
    and taking the first ``size``, without needing the token sequence.

    Examples
    --------
    >>> bag = random_bag({"a": 5, "b": 5}, size=4, rng=np.random.default_rng(0))
    >>> sum(bag.values())
    4
    """
    words = sorted(counts)
    drawn = rng.multivariate_hypergeometric([counts[w] for w in words], size)
    return {w: int(n) for w, n in zip(words, drawn) if n}


def _rng(seed: int, sample: str) -> np.random.Generator:
    # Each sample has its own stream, so adding a document never changes another's bags.
    digest = hashlib.sha256(sample.encode("utf-8")).digest()
    return np.random.default_rng([seed, int.from_bytes(digest[:8], "big")])


def resample(
    corpus: Sequence[Sample],
    *,
    method: Method = "none",
    size: int = RELIABLE_SAMPLE_SIZE,
    samples: int = 1,
    seed: int = 1,
) -> list[Sample]:
    """The corpus as equal-size samples.

    ``random``: ``samples`` bags of ``size`` tokens from each text. ``consecutive``: the text's
    consecutive segments of ``size`` tokens (counted by the per-document step, see
    :func:`wordprint.count.profile.profile_view`; at most ``samples`` of them, evenly spread, or all
    when ``samples`` is 0). A text shorter than
    ``size`` stays whole (see :func:`short_samples`).
    """
    if method == "none":
        return list(corpus)
    if method not in ("random", "consecutive"):
        raise ValueError(f"unknown sampling method {method!r}; choose none, consecutive or random")
    if size < 1 or samples < 0:
        raise ValueError(
            f"sampling size must be positive and samples not negative ({size}, {samples})"
        )
    result = []
    for s in corpus:
        if method == "random":
            if s.tokens <= size:
                result.append(s)
                continue
            rng = _rng(seed, s.id)
            bags = [random_bag(s.counts, size=size, rng=rng) for _ in range(max(samples, 1))]
        else:
            bags = list(s.segments)
            if not bags:
                result.append(s)
                continue
            if samples and len(bags) > samples:
                bags = [bags[i] for i in np.linspace(0, len(bags) - 1, samples).round().astype(int)]
        for k, bag in enumerate(bags, start=1):
            number = None if len(bags) == 1 else k
            result.append(
                replace(
                    s,
                    id=sample_id(s.document.id, s.view, number),
                    counts=bag,
                    tokens=size,
                    segment=number,
                )
            )
    return result


def short_samples(
    corpus: Sequence[Sample], *, min_tokens: int = RELIABLE_SAMPLE_SIZE
) -> list[tuple[str, int]]:
    """Samples shorter than ``min_tokens`` word tokens, with their length (Eder 2015)."""
    return [(s.id, s.tokens) for s in corpus if s.tokens < min_tokens]
