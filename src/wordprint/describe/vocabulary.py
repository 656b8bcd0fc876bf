"""Vocabulary statistics of one document: size, lexical diversity, word and sentence length.

Every statistic takes the document's word tokens (already lowercased, in text order) as a
sequence of strings; mean sentence length takes the number of word tokens in each sentence.
:func:`vocabulary_profile` computes them all at once, in one fixed order, for the per-document
step of the pipeline; :data:`STATISTICS` names the token-based ones.

Plain TTR falls as a text grows, so it cannot compare an essay with a novel. MATTR, MTLD and
Yule's K are the length-robust measures (Covington & McFall 2010; McCarthy & Jarvis 2010;
Tweedie & Baayen 1998). All run in time linear in the number of tokens: a 200,000-token novel
takes a fraction of a second.

An empty token list (or sentence list) raises :class:`ValueError`; the caller adds the
document's id to the message.

References
----------
Covington, M. A. & McFall, J. D. (2010). Cutting the Gordian knot: the moving-average
type-token ratio (MATTR). Journal of Quantitative Linguistics 17(2), 94-100.

McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: a validation study of
sophisticated approaches to lexical diversity assessment. Behavior Research Methods 42(2),
381-392.

Tweedie, F. J. & Baayen, R. H. (1998). How variable may a constant be? Measures of lexical
richness in perspective. Computers and the Humanities 32(5), 323-352.

Yule, G. U. (1944). The Statistical Study of Literary Vocabulary. Cambridge University Press.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import NamedTuple

import numpy as np

PROFILE_KEYS = (
    "tokens",
    "types",
    "ttr",
    "mattr",
    "mtld",
    "yules_k",
    "hapax_share",
    "mean_word_length",
    "mean_sentence_length",
)


def _check_tokens(tokens: Sequence[str]) -> None:
    if isinstance(tokens, str):
        # A string is a sequence of characters: almost certainly a caller's mistake.
        raise ValueError("tokens must be a sequence of word tokens, not one string")
    if len(tokens) == 0:
        raise ValueError(
            "tokens is empty: vocabulary statistics need at least one word token "
            "(the text is empty or has no words after cleaning)"
        )


def _check_window(window: int) -> None:
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise ValueError(f"window must be a positive integer (tokens per window), got {window!r}")


def _check_threshold(threshold: float) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise ValueError(f"threshold must be a number strictly between 0 and 1, got {threshold!r}")
    if not 0.0 < threshold < 1.0:
        raise ValueError(
            f"threshold must be strictly between 0 and 1 (usually 0.72), got {threshold!r}"
        )


def type_token_ratio(tokens: Sequence[str]) -> float:
    """Type-token ratio: distinct word types divided by word tokens, V / N.

    TTR falls as a text grows (more tokens, ever fewer new types), so it only compares texts of
    equal length; use :func:`mattr` or :func:`mtld` otherwise.

    References
    ----------
    Tweedie, F. J. & Baayen, R. H. (1998). How variable may a constant be? Measures of lexical
    richness in perspective. Computers and the Humanities 32(5), 323-352.

    Examples
    --------
    >>> type_token_ratio(["the", "cat", "and", "the", "hat"])
    0.8
    """
    _check_tokens(tokens)
    return len(set(tokens)) / len(tokens)


def mattr(tokens: Sequence[str], *, window: int = 500) -> float:
    """Moving-average type-token ratio (MATTR) over windows of ``window`` tokens.

    The TTR of tokens 1..w, 2..w+1, ..., (N-w+1)..N, averaged over the N - w + 1 windows
    (Covington & McFall 2010). Computed without sliding a window: a token adds one type to
    exactly those windows that contain it but not its previous occurrence, so the number of
    types summed over all windows is a sum over tokens, vectorised with numpy in O(N log N).
    The sum is an exact integer, the same as a sliding count gives.

    When the text is shorter than the window (N < w) there is no full window and MATTR falls
    back to the plain TTR of the whole text, as lexical_diversity and TAALED do (lexicalrichness
    raises instead). At N = w both are the same single window. The MATTR of a text shorter than
    the window is therefore its TTR and not comparable with that of long texts.

    Parameters
    ----------
    tokens : sequence of str
        Word tokens in text order.
    window : int
        Window size in tokens (Covington & McFall used 500).

    References
    ----------
    Covington, M. A. & McFall, J. D. (2010). Cutting the Gordian knot: the moving-average
    type-token ratio (MATTR). Journal of Quantitative Linguistics 17(2), 94-100.

    Examples
    --------
    >>> mattr(["a", "b", "a", "c"], window=2)  # windows ab, ba, ac: all TTR 1
    1.0
    >>> round(mattr(["a", "a", "b", "b"], window=2), 4)  # aa 0.5, ab 1, bb 0.5
    0.6667
    """
    _check_tokens(tokens)
    _check_window(window)
    if len(tokens) <= window:
        return len(set(tokens)) / len(tokens)
    return _mattr(_occurrences(_numbered(tokens))[0], window)


def _type_numbers(tokens: Sequence[Hashable], types: Iterable[Hashable]) -> np.ndarray:
    """Each token's position in ``types`` (every token's type must be there)."""
    index = {t: i for i, t in enumerate(types)}
    return np.fromiter(map(index.__getitem__, tokens), dtype=np.int64, count=len(tokens))


def _numbered(tokens: Sequence[Hashable]) -> np.ndarray:
    """Each token's type number, the types numbered in order of first use."""
    return _type_numbers(tokens, dict.fromkeys(tokens))


def _type_order(ids: np.ndarray) -> np.ndarray:
    """The positions of a text of type numbers sorted by type, then by position."""
    # numpy sorts 16-bit integers stably by radix sort, several times faster: most texts have
    # fewer than 65,536 types.
    small = len(ids) and 0 <= ids.min() and ids.max() < 1 << 16
    return np.argsort(ids.astype(np.uint16) if small else ids, kind="stable")


def _occurrences(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each token of a text of type numbers, the position of the previous and of the next
    token of the same type: -1 and N where there is none."""
    n = len(ids)
    order = _type_order(ids)
    same = ids[order[1:]] == ids[order[:-1]]
    before, after = order[:-1][same], order[1:][same]
    previous = np.full(n, -1, dtype=np.int64)
    previous[after] = before
    following = np.full(n, n, dtype=np.int64)
    following[before] = after
    return previous, following


def _mattr(previous: np.ndarray, window: int) -> float:
    """MATTR of a text longer than the window, from :func:`_occurrences`'s previous ones."""
    n = len(previous)
    # Token j is a new type in the windows starting at i (0 <= i <= N - w) with
    # j - w < i <= j and previous[j] < i.
    j = np.arange(n, dtype=np.int64)
    first = np.maximum(previous + 1, j - window + 1)  # >= 0: previous >= -1
    last = np.minimum(j, n - window)
    total_types = int(np.maximum(last - first + 1, 0).sum())  # an exact integer
    windows = n - window + 1
    return total_types / (windows * window)


class MtldPass(NamedTuple):
    """One MTLD pass: where its factors end (positions in the pass's reading order) and the
    partial factor of the tokens after the last one (0 when the text ends on a factor)."""

    ends: np.ndarray
    partial: float

    @property
    def factors(self) -> float:
        """Full factors plus the partial factor."""
        return len(self.ends) + self.partial


# _mtld_passes follows runs started every _MTLD_SPACING tokens side by side in numpy steps, at
# most _MTLD_ROUNDS steps and while at least _MTLD_FEWEST runs are left, and leaves a factor
# longer than _MTLD_SPACING to be read token by token (so memory stays linear in the text).
_MTLD_SPACING = 2048
_MTLD_ROUNDS = 128
_MTLD_FEWEST = 8


def _factor_limits(threshold: float, width: int) -> np.ndarray:
    """For each run length c = 1..width, the most types a run of c tokens can have and still
    close a factor: the largest k with ``k / c < threshold``, compared as floats exactly as the
    pass compares them (``k / c`` is non-decreasing in k, so the k that close are 0..limit)."""
    c = np.arange(1, width + 1, dtype=np.int64)
    k = np.floor(threshold * c).astype(np.int64)  # the product may be off by one either way
    k = np.where(k / c < threshold, k, k - 1)
    return np.where((k + 1) / c < threshold, k + 1, k)


def _read_factors(
    previous: np.ndarray,
    start: int,
    stop: int,
    threshold: float,
    known: Mapping[int, int],
    ends: list[int],
) -> int:
    """Read a pass token by token from the factor start ``start``, appending the ends of its
    factors to ``ends``, until a factor is followed by a start in ``known`` or the text ends at
    ``stop``. Returns the start after the last factor read (token j is a new type of the run
    that starts at s iff previous[j] < s)."""
    types = count = 0
    position = start
    while position < stop:
        block = previous[position : min(position + 4096, stop)].tolist()
        for before in block:
            count += 1
            if before < start:
                # A new type never lowers the TTR ((t + 1) / (c + 1) >= t / c, and rounding
                # keeps the order), so only a repeated one can close the factor.
                types += 1
            # "Falls below" (strict): koRpus, TAALED and lexical_diversity do the same.
            elif types / count < threshold:
                ends.append(start + count - 1)
                start, types, count = start + count, 0, 0
                if start in known:
                    return start
        position += len(block)
    return start


def _follow_runs(joined: np.ndarray, n: int, threshold: float) -> dict[int, int]:
    """Where the factors end of runs started every ``_MTLD_SPACING`` tokens of both passes (the
    halves of ``joined``, see :func:`_mtld_passes`), followed in numpy steps: start -> end,
    the half's stop when the run reaches it without closing a factor."""
    limits = _factor_limits(threshold, _MTLD_SPACING)
    views: dict[int, np.ndarray] = {}

    def ends_of(starts: np.ndarray, stops: np.ndarray, width: int) -> np.ndarray:
        # -1 where the factor is longer than _MTLD_SPACING
        if width not in views:
            views[width] = np.lib.stride_tricks.sliding_window_view(joined, width)
        new = views[width][starts] < starts[:, None]
        closes = np.cumsum(new, axis=1, dtype=np.int32) <= limits[:width]
        first = closes.argmax(axis=1)  # 0 when none closes
        ends = starts + first
        hit = closes[np.arange(len(starts)), first] & (ends < stops)
        ends = np.where(hit, ends, stops)
        longer = ~hit & (starts + width < stops)  # the factor goes on past the window
        if longer.any():
            wider = min(2 * width, _MTLD_SPACING)
            ends[longer] = ends_of(starts[longer], stops[longer], wider) if wider > width else -1
        return ends

    known: dict[int, int] = {}
    starts = np.arange(0, n, _MTLD_SPACING, dtype=np.int64)
    starts = np.concatenate([starts, starts + n])
    reached = np.zeros(2 * n + 1, dtype=bool)
    reached[starts] = True
    width = min(64, _MTLD_SPACING)
    for _ in range(_MTLD_ROUNDS):
        if len(starts) < _MTLD_FEWEST:
            break  # a numpy step costs as much as reading a few factors token by token
        stops = np.where(starts < n, n, 2 * n)
        ends = ends_of(starts, stops, width)
        found = ends >= 0
        known.update(zip(starts[found].tolist(), ends[found].tolist()))
        closed = found & (ends < stops)
        if closed.any():  # next step's window: 1.5 times the mean factor, in steps of 16
            width = 16 * math.ceil(1.5 * float((ends - starts)[closed].mean() + 1) / 16)
            width = min(width, _MTLD_SPACING)
        after = ends[closed] + 1
        after = after[after < stops[closed]]
        # a run that reaches a start another run has taken follows it from there
        starts = np.unique(after[~reached[after]])
        reached[starts] = True
    return known


def _mtld_passes(
    previous: np.ndarray, following: np.ndarray, threshold: float
) -> tuple[MtldPass, MtldPass]:
    """The forward and the backward MTLD pass of a text, from :func:`_occurrences`.

    The same factors as reading the text with a set of the run's types (the pass of
    :func:`mtld`), found with numpy. A factor's end depends only on where it starts: token j is
    a new type of the run that starts at s iff ``previous[j] < s``, so the run's number of
    types over the next tokens is a cumulative sum, and its end the first token where that
    number is within the limit (:func:`_factor_limits`). Only the run from the first token is
    known to be the pass's, so runs started every ``_MTLD_SPACING`` tokens are followed too,
    all in the same numpy steps (:func:`_follow_runs`); within a few dozen factors each falls
    onto a start of the pass's own factors, from where both go the same way. The pass is then
    read from those ends; a start no run reached, and a short text, token by token.
    """
    n = len(previous)
    # Both passes in one array: the backward pass reads the reversed text, where the previous
    # occurrence of a token is its next one in the text, at 2n - 1 - following (after n).
    reversed_previous = np.where(following < n, 2 * n - 1 - following, -1)[::-1]
    # _MTLD_SPACING more values, never part of a factor, so that every window is a view
    padding = np.zeros(_MTLD_SPACING, dtype=np.int64)
    joined = np.concatenate([previous, reversed_previous, padding])
    # numpy steps over a handful of runs cost more than reading a short text
    known = _follow_runs(joined, n, threshold) if n >= 4 * _MTLD_SPACING else {}
    passes = []
    for begin in (0, n):
        stop, start, ends = begin + n, begin, []
        while start < stop:
            end = known.get(start)
            if end is None:  # no run came this way
                start = _read_factors(joined, start, stop, threshold, known, ends)
                if start not in known:  # read to the end of the text
                    break
            elif end < stop:
                ends.append(end)
                start = end + 1
            else:  # the text ends before this run closes a factor
                break
        partial = 0.0
        if start < stop:
            types, count = int(np.count_nonzero(joined[start:stop] < start)), stop - start
            partial = (1.0 - types / count) / (1.0 - threshold)
        passes.append(MtldPass(np.array(ends, dtype=np.int64) - begin, partial))
    return passes[0], passes[1]


def _mtld(n: int, forward: MtldPass, backward: MtldPass) -> float:
    """MTLD of a text of ``n`` tokens from its two passes (see :func:`mtld`)."""
    if forward.factors == 0.0:
        # Only when every token is distinct (then the backward pass has no factor either).
        return float(n)
    return (n / forward.factors + n / backward.factors) / 2.0


def mtld(tokens: Sequence[str], *, threshold: float = 0.72) -> float:
    """Measure of textual lexical diversity (MTLD): the mean length of a run of tokens whose TTR
    stays at or above ``threshold``.

    As in McCarthy & Jarvis (2010): read the text token by token, keeping the TTR of the
    current run (the *factor*). When it falls below the threshold, count one factor and start a
    new run at the next token. At the end of the text, the unfinished run counts as the partial
    factor ``(1 - TTR_rest) / (1 - threshold)`` (0 if the text ended exactly on a factor).
    One pass gives ``N / factors``; MTLD is the mean of the forward pass and the pass over the
    reversed text. O(N): the passes are found with numpy from each token's previous occurrence
    (:func:`_mtld_passes`), the same factors as reading the text with a set.

    Conventions where implementations differ (checked against their source):

    - A factor ends when the TTR is *strictly* below the threshold ("falls below"), as in
      koRpus (``mtld.sub.nodata``), TAALED and lexical_diversity; lexicalrichness ends it at
      ``<=``. The two differ only when a run's TTR hits the threshold exactly (e.g. 18 types
      in 25 tokens at 0.72).
    - The final value is the mean of the two passes' MTLDs, ``(N/f_fw + N/f_bw) / 2``, as the
      paper describes and lexicalrichness, lexical_diversity and TAALED's ``mtldo`` compute.
      koRpus divides N by the mean factor count instead, ``N / ((f_fw + f_bw) / 2)``, which is
      never larger.
    - A full factor may be of any length; lexical_diversity and TAALED require at least 10
      tokens (koRpus's ``min.tokens`` only applies to MTLD-MA), which the paper does not.
    - If every token is distinct the TTR never leaves 1, no factor is ever counted and N / 0 is
      undefined. We return N, the length of the one unfinished run (its factor is at least N
      tokens long), as lexicalrichness does; koRpus returns infinity and lexical_diversity 0.

    MTLD is unstable on short texts: McCarthy & Jarvis validated it on texts of 100 tokens
    and more.

    Parameters
    ----------
    tokens : sequence of str
        Word tokens in text order.
    threshold : float
        The factor TTR threshold, strictly between 0 and 1 (McCarthy & Jarvis: 0.72).

    References
    ----------
    McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: a validation study of
    sophisticated approaches to lexical diversity assessment. Behavior Research Methods 42(2),
    381-392.

    Examples
    --------
    >>> mtld(["a", "a", "b", "b", "c", "c"])  # three 2-token factors each way
    2.0
    >>> mtld(["a", "b", "c"])  # all distinct: no factor ends, MTLD is N
    3.0
    """
    _check_tokens(tokens)
    _check_threshold(threshold)
    return _mtld(len(tokens), *_mtld_passes(*_occurrences(_numbered(tokens)), threshold))


def _yules_k(counts: Counter[str], n: int) -> float:
    # sum over types of f^2 equals sum_m m^2 V_m (V_m = number of types occurring m times).
    sum_squares = sum(f * f for f in counts.values())
    return 1e4 * (sum_squares - n) / (n * n)


def yules_k(tokens: Sequence[str]) -> float:
    """Yule's characteristic K: ``K = 10^4 * (sum_m m^2 V_m - N) / N^2``.

    ``V_m`` is the number of types occurring exactly m times and N the number of tokens. K is
    the chance (times 10^4) that two tokens drawn at random are the same word, corrected for
    text length; higher K means a more repetitive vocabulary. It depends only on the frequency
    spectrum, not on the order of the tokens, and is 0 when every token is distinct. Same
    formula as koRpus ``K.ld`` and lexicalrichness ``yulek``.

    References
    ----------
    Yule, G. U. (1944). The Statistical Study of Literary Vocabulary. Cambridge University
    Press.

    Tweedie, F. J. & Baayen, R. H. (1998). How variable may a constant be? Measures of lexical
    richness in perspective. Computers and the Humanities 32(5), 323-352.

    Examples
    --------
    >>> yules_k(["a", "a", "b", "c"])  # 10^4 * ((2^2 + 1 + 1) - 4) / 4^2
    1250.0
    """
    _check_tokens(tokens)
    return _yules_k(Counter(tokens), len(tokens))


def _hapaxes(counts: Counter[str]) -> int:
    return sum(1 for f in counts.values() if f == 1)


def hapax_share(tokens: Sequence[str]) -> float:
    """Hapax legomena (types occurring exactly once) as a share of all types, V_1 / V.

    References
    ----------
    Tweedie, F. J. & Baayen, R. H. (1998). How variable may a constant be? Measures of lexical
    richness in perspective. Computers and the Humanities 32(5), 323-352.

    Examples
    --------
    >>> hapax_share(["a", "a", "b", "c"])  # b and c of the types a, b, c
    0.6666666666666666
    """
    _check_tokens(tokens)
    counts = Counter(tokens)
    return _hapaxes(counts) / len(counts)


def hapax_token_share(tokens: Sequence[str]) -> float:
    """Hapax legomena as a share of all tokens, V_1 / N.

    Baayen's estimate of the probability that the next token is a new type (the slope of the
    vocabulary growth curve at N).

    References
    ----------
    Baayen, R. H. (2001). Word Frequency Distributions. Kluwer Academic Publishers.

    Examples
    --------
    >>> hapax_token_share(["a", "a", "b", "c"])
    0.5
    """
    _check_tokens(tokens)
    return _hapaxes(Counter(tokens)) / len(tokens)


def mean_word_length(tokens: Sequence[str]) -> float:
    """Mean word length in characters (Unicode code points) per word token.

    A token's characters are counted as the tokenizer left them (an internal apostrophe or
    hyphen counts). Mean word length is one of the oldest stylometric markers (Mendenhall 1887).

    References
    ----------
    Mendenhall, T. C. (1887). The characteristic curves of composition. Science 9(214),
    237-249.

    Examples
    --------
    >>> mean_word_length(["the", "cat", "sat", "down"])
    3.25
    """
    _check_tokens(tokens)
    return sum(map(len, tokens)) / len(tokens)


def mean_sentence_length(sentence_lengths: Sequence[int]) -> float:
    """Mean sentence length in word tokens.

    Parameters
    ----------
    sentence_lengths : sequence of int
        The number of word tokens in each sentence (non-negative).

    References
    ----------
    Yule, G. U. (1939). On sentence-length as a statistical characteristic of style in prose,
    with application to two cases of disputed authorship. Biometrika 30(3/4), 363-390.

    Examples
    --------
    >>> mean_sentence_length([12, 20, 7])
    13.0
    """
    if len(sentence_lengths) == 0:
        raise ValueError(
            "sentence_lengths is empty: mean sentence length needs at least one sentence"
        )
    if any(n < 0 for n in sentence_lengths):
        raise ValueError("sentence_lengths must be non-negative word counts, one per sentence")
    return sum(sentence_lengths) / len(sentence_lengths)


# Statistics of a token list by name. Each takes the tokens and its own keyword options
# (``window`` for mattr, ``threshold`` for mtld).
STATISTICS: dict[str, Callable[..., float]] = {
    "ttr": type_token_ratio,
    "mattr": mattr,
    "mtld": mtld,
    "yules_k": yules_k,
    "hapax_share": hapax_share,
    "hapax_token_share": hapax_token_share,
    "mean_word_length": mean_word_length,
}


def vocabulary_profile(
    tokens: Sequence[str],
    sentence_lengths: Sequence[int],
    *,
    mattr_window: int = 500,
    mtld_threshold: float = 0.72,
    counts: Mapping[str, int] | None = None,
) -> dict[str, float]:
    """All vocabulary statistics of one document, in the fixed order of :data:`PROFILE_KEYS`.

    Keys: ``tokens`` and ``types`` (ints), ``ttr``, ``mattr`` (window ``mattr_window``),
    ``mtld`` (threshold ``mtld_threshold``), ``yules_k``, ``hapax_share`` (hapaxes per type),
    ``mean_word_length`` (characters per token) and ``mean_sentence_length`` (tokens per
    sentence). Each value is the one the function of the same name returns. Linear in the
    number of tokens; the frequency counts are made once (or taken from ``counts``, the
    caller's ``Counter(tokens)``).

    Raises
    ------
    ValueError
        If ``tokens`` or ``sentence_lengths`` is empty, or an option is out of range.

    Examples
    --------
    >>> p = vocabulary_profile(["a", "a", "b", "c"], [2, 2], mattr_window=2)
    >>> list(p) == list(PROFILE_KEYS)
    True
    >>> p["types"], p["ttr"], p["yules_k"], p["mean_sentence_length"]
    (3, 0.75, 1250.0, 2.0)
    """
    _check_tokens(tokens)
    _check_window(mattr_window)
    _check_threshold(mtld_threshold)
    if counts is None:
        counts = Counter(tokens)
    n, v = len(tokens), len(counts)
    previous, following = _occurrences(_type_numbers(tokens, counts))
    return {
        "tokens": n,
        "types": v,
        "ttr": v / n,
        "mattr": v / n if n <= mattr_window else _mattr(previous, mattr_window),
        "mtld": _mtld(n, *_mtld_passes(previous, following, mtld_threshold)),
        "yules_k": _yules_k(counts, n),
        "hapax_share": _hapaxes(counts) / v,
        "mean_word_length": mean_word_length(tokens),
        "mean_sentence_length": mean_sentence_length(sentence_lengths),
    }
