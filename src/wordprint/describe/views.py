"""Vocabulary statistics of one document's view from its token ids, with their intervals.

The per-document step keeps a view's tokens as :class:`wordprint.text.tokenize.TokenIds` (its types
and each token's type number); :func:`describe_view` computes from them what
:func:`wordprint.describe.vocabulary.vocabulary_profile` and
:func:`wordprint.uncertainty.vocabulary_intervals` compute from a list of strings, the same
numbers, with numpy on the type numbers and each piece of work done once: the frequencies of
the types (types, TTR, hapaxes, Yule's K, mean word length), each token's previous and next
occurrence (MATTR's windows, both MTLD passes), and the MTLD passes (the point MTLD and the
factors of each resampled segment).

The references of each statistic are those of :func:`describe_view`; the bootstrap's are in
:mod:`wordprint.uncertainty`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from wordprint.text.tokenize import TokenIds
from wordprint.uncertainty.vocabulary import _intervals_of_ids, _window_types
from wordprint.uncertainty.bootstrap import _check_settings
from wordprint.describe.vocabulary import (
    _check_threshold,
    _check_tokens,
    _check_window,
    _mtld,
    _mtld_passes,
    _occurrences,
    mean_sentence_length,
)

__all__ = ["describe_view"]

# The keys of the ``uncertainty`` settings, with vocabulary_intervals' defaults.
_UNCERTAINTY = {"replicates": 200, "segment": 500, "level": 0.95, "seed": 1}


def describe_view(
    tokens: TokenIds,
    sentence_lengths: Sequence[int],
    *,
    mattr_window: int = 500,
    mtld_threshold: float = 0.72,
    uncertainty: Mapping[str, Any] | None = None,
    key: str = "",
) -> dict[str, Any]:
    """The vocabulary statistics of a view's tokens and, if asked for, their intervals.

    Returns ``{"stats": ..., "intervals": ...}``: ``stats`` is
    :func:`wordprint.describe.vocabulary.vocabulary_profile` of the tokens (in the order of
    :data:`wordprint.describe.vocabulary.PROFILE_KEYS`) and ``intervals``
    :func:`wordprint.uncertainty.vocabulary_intervals` with the settings of ``uncertainty``
    (``replicates``, ``segment``, ``level``, ``seed``; missing ones take that function's
    defaults) and the random stream of ``key``. ``intervals`` is only there when
    ``uncertainty`` has replicates. The numbers are those functions' on ``list(tokens)``,
    equal floats (MATTR, MTLD and the frequency sums are exact integers before one division,
    as there), from the type numbers instead of the strings:

    - types, hapaxes, Yule's K (``sum f^2``) and mean word length (the types' lengths times
      their frequencies) from one ``np.bincount`` of the ids;
    - MATTR (Covington & McFall 2010) from the number of types in each window, which MATTR's
      interval resamples too;
    - MTLD (McCarthy & Jarvis 2010): the forward and the backward pass run once, in numpy
      (:func:`wordprint.describe.vocabulary._mtld_passes`), for the point value and for the factors
      that each resampled segment completes.

    ``tokens.types`` may hold types that no token uses (a slice of a longer text's ids); they
    count for nothing. Types must be distinct strings, as :meth:`TokenIds.of` numbers them.

    Raises
    ------
    ValueError
        If ``tokens`` or ``sentence_lengths`` is empty, or an option is out of range.

    References
    ----------
    Covington, M. A. & McFall, J. D. (2010). Cutting the Gordian knot: the moving-average
    type-token ratio (MATTR). Journal of Quantitative Linguistics 17(2), 94-100.

    McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: a validation study of
    sophisticated approaches to lexical diversity assessment. Behavior Research Methods 42(2),
    381-392.

    Yule, G. U. (1944). The Statistical Study of Literary Vocabulary. Cambridge University
    Press.

    Examples
    --------
    >>> d = describe_view(TokenIds.of(["a", "a", "b", "c"]), [2, 2], mattr_window=2)
    >>> s = d["stats"]
    >>> s["types"], s["ttr"], s["yules_k"], s["mean_sentence_length"], "intervals" in d
    (3, 0.75, 1250.0, 2.0, False)
    >>> text = TokenIds.of(["the", "cat", "sat", "on", "the", "mat"] * 1000)
    >>> settings = {"replicates": 50, "segment": 600, "level": 0.95, "seed": 1}
    >>> ci = describe_view(text, [6] * 1000, uncertainty=settings)["intervals"]
    >>> ci["mean_word_length"], ci["mean_sentence_length"]  # every segment alike: no width
    ((2.8333333333333335, 2.8333333333333335), (6.0, 6.0))
    """
    _check_tokens(tokens)
    _check_window(mattr_window)
    _check_threshold(mtld_threshold)
    settings = None
    if uncertainty is not None:
        unknown = set(uncertainty) - set(_UNCERTAINTY)
        if unknown:
            raise ValueError(
                f"unknown uncertainty settings {sorted(unknown)}: expected {list(_UNCERTAINTY)}"
            )
        settings = {**_UNCERTAINTY, **uncertainty}
        _check_settings(settings["replicates"], settings["segment"], settings["level"])
    ids = np.asarray(tokens.ids, dtype=np.int64)  # the cache keeps the smallest integer type
    n = len(ids)
    frequencies = np.bincount(ids, minlength=len(tokens.types))
    used = frequencies[frequencies > 0]
    v = len(used)
    lengths = np.fromiter(map(len, tokens.types), dtype=np.int64, count=len(tokens.types))
    previous, following = _occurrences(ids)
    passes = _mtld_passes(previous, following, mtld_threshold)
    window_types = _window_types(ids, mattr_window, previous) if n > mattr_window else None
    if window_types is None:
        mattr = v / n  # no full window: the TTR, as vocabulary.mattr
    else:  # the types summed over the windows: an exact integer, as vocabulary.mattr's
        mattr = int(window_types.sum()) / (len(window_types) * mattr_window)
    # Python integers, so the divisions are vocabulary_profile's
    sum_squares = int(np.dot(used, used))
    characters = int(np.dot(lengths, frequencies))
    result: dict[str, Any] = {
        "stats": {
            "tokens": n,
            "types": v,
            "ttr": v / n,
            "mattr": mattr,
            "mtld": _mtld(n, *passes),
            "yules_k": 1e4 * (sum_squares - n) / (n * n),
            "hapax_share": int(np.count_nonzero(used == 1)) / v,
            "mean_word_length": characters / n,
            "mean_sentence_length": mean_sentence_length(sentence_lengths),
        }
    }
    if settings is not None and settings["replicates"]:
        result["intervals"] = _intervals_of_ids(
            ids, lengths, sentence_lengths, passes, window_types, **settings, key=key
        )
    return result
