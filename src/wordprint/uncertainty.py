"""Bootstrap confidence intervals: how far a statistic would move with other text of the same kind.

Every interval here is a seeded **percentile bootstrap** interval (Efron & Tibshirani 1993,
ch. 13): the statistic is recomputed on ``replicates`` resampled versions of the text and the
interval is the central ``level`` share of those values.

What is resampled
-----------------
Words in running text are not independent draws: a topic word comes in bursts, MATTR and MTLD
read windows and runs of tokens, a sentence spans many words. Resampling single words would
break all of that and give intervals that are too narrow (Lijffijt et al. 2016). So a text is
cut into consecutive **segments** of about ``segment`` tokens (``round(N / segment)`` equal
parts) and each replicate draws as many segments, with replacement, from the same text: the
non-overlapping block bootstrap (Carlstein 1986; Künsch 1989 for blocks of a dependent
sequence). A replicate never mixes documents: a side of a comparison that holds several
documents resamples the segments of each document separately (a stratified bootstrap), so the
intervals say how much a value would move with other passages of the same documents, not with
other documents. A random bag of words (``sampling.method: random``) has no order left; its
words are resampled one by one (multinomially, Efron 1979).

Each statistic is written through sums over the segments, so that a replicate is a weighted
sum (each segment weighted by how often it is drawn), vectorised with numpy, and the
unresampled text gives back the point estimate exactly:

- **MATTR**: the mean TTR of the windows, each window belonging to the segment where it
  starts (Künsch's blocks of windows; windows reaching into the next segment go with it);
- **MTLD**: the factors completed in each segment (the forward pass and the backward pass
  separately; the partial factor of each pass belongs to the segment where it ends);
- **Yule's K**: ``sum(f^2)`` over types of the resampled counts is ``w' G w`` with ``G`` the
  segments' Gram matrix of type counts and ``w`` how often each segment is drawn;
- **mean word length**: characters / tokens; **mean sentence length**: the tokens of the
  sentences that start in a segment / their number;
- **relative frequencies** (Delta distances, keyness): counts / tokens of the drawn segments.

Segments should be longer than the dependence they keep: MATTR's windows (500 tokens by
default) as long as a segment make neighbouring segments share text, and MATTR's intervals
somewhat narrow; where texts are long, a ``segment`` of a few windows is better.

Distances between resampled texts are larger than between the texts themselves (noise only
adds distance), so their replicates are centred on the observed distance before the interval
is read (:func:`distance_intervals`).

TTR and the hapax share get no interval: they count *distinct* types, and a replicate that
repeats a segment adds no new types, so every replicate would fall below the estimate. MATTR,
MTLD and Yule's K are the length-robust diversity measures that take their place.

A text of fewer than :data:`MIN_SEGMENTS` segments gets no interval (``None``; empty cells):
the spread of a handful of segments says little about the text's variability. Lower
``segment`` to resample shorter texts.

Determinism
-----------
Each text (or sample) draws from its own random stream, derived from the ``seed`` and a key
that names it (:func:`generator`), so the same seed gives the same numbers on every run and
adding a document changes no other's interval.

References
----------
Efron, B. (1979). Bootstrap methods: another look at the jackknife. The Annals of Statistics
7(1), 1-26.

Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.

Carlstein, E. (1986). The use of subseries values for estimating the variance of a general
statistic from a stationary sequence. The Annals of Statistics 14(3), 1171-1179.

Künsch, H. R. (1989). The jackknife and the bootstrap for general stationary observations. The
Annals of Statistics 17(3), 1217-1241.

Lijffijt, J., Nevalainen, T., Säily, T., Papapetrou, P., Puolamäki, K. & Mannila, H. (2016).
Significance testing of word frequencies in corpora. Digital Scholarship in the Humanities
31(2), 374-397.

Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches to
Social Science (CASS), Lancaster University.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypedDict

import numpy as np

from wordprint.text.tokenize import TokenIds
from wordprint.describe.vocabulary import MtldPass, _mtld_passes, _occurrences, _type_order

# scipy.sparse, wordprint.measures.distances and wordprint.compare.keyness (scipy.stats) are imported where they
# are used: the per-document step imports this module and starts faster without them.
if TYPE_CHECKING:  # pragma: no cover
    from wordprint.corpus.samples import Sample

__all__ = [
    "MIN_SEGMENTS",
    "VOCABULARY_INTERVALS",
    "UncertaintySettings",
    "bag_replicates",
    "corpus_replicates",
    "distance_intervals",
    "generator",
    "interval_columns",
    "interval_note",
    "log_ratio_intervals",
    "neighbour_intervals",
    "percentile_interval",
    "resampling_weights",
    "segment_bounds",
    "segment_replicates",
    "vocabulary_intervals",
]

#: Fewest segments a text is resampled from; shorter texts get no interval.
MIN_SEGMENTS = 5

#: The statistics of results/tables/vocabulary.csv that get an interval (see the module notes
#: for why TTR and the hapax share do not).
VOCABULARY_INTERVALS = ("mattr", "mtld", "yules_k", "mean_word_length", "mean_sentence_length")

# Mixed into every stream's seed, so that the bootstrap never reuses the stream of another
# seeded step (the random bags of wordprint.features.sampling use the same seed and sample ids).
_STREAM = 0x75_6E_63_65  # "unce"


class UncertaintySettings(TypedDict):
    """The config's ``uncertainty`` block (see config/README.md)."""

    replicates: int  # 0: no intervals
    segment: int  # tokens per resampled segment
    level: float  # e.g. 0.95
    seed: int


def interval_columns(statistic: str) -> tuple[str, str]:
    """The names of a statistic's interval columns: ``("mattr_low", "mattr_high")``.

    Examples
    --------
    >>> interval_columns("log_ratio")
    ('log_ratio_low', 'log_ratio_high')
    """
    return f"{statistic}_low", f"{statistic}_high"


def interval_note(settings: UncertaintySettings, low: Sequence[float | None] | None) -> str:
    """A figure note saying what its error bars are, or ``""`` when it has none.

    Examples
    --------
    >>> interval_note({"replicates": 200, "segment": 500, "level": 0.95, "seed": 1}, [0.1])
    'whiskers: 95% bootstrap intervals (200 replicates, segments of 500 tokens)'
    >>> interval_note({"replicates": 0, "segment": 500, "level": 0.95, "seed": 1}, None)
    ''
    """
    shown = low is not None and any(v is not None and v == v for v in low)
    if not settings.get("replicates") or not shown:
        return ""
    return (
        f"whiskers: {100 * settings['level']:g}% bootstrap intervals "
        f"({settings['replicates']} replicates, segments of {settings['segment']} tokens)"
    )


def generator(seed: int, key: str) -> np.random.Generator:
    """The random stream of one text: numpy's PCG64 seeded with ``seed`` and a hash of ``key``.

    Examples
    --------
    >>> a = generator(1, "dawsey-2018").integers(1000, size=3)
    >>> b = generator(1, "dawsey-2018").integers(1000, size=3)
    >>> bool((a == b).all()), bool((a == generator(2, "dawsey-2018").integers(1000, size=3)).all())
    (True, False)
    """
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return np.random.default_rng([int(seed), _STREAM, int.from_bytes(digest[:8], "big")])


def _check_settings(replicates: int, segment: int, level: float) -> None:
    if isinstance(replicates, bool) or not isinstance(replicates, (int, np.integer)):
        raise ValueError(f"replicates must be a whole number, got {replicates!r}")
    if replicates < 0:
        raise ValueError(f"replicates must be 0 (no intervals) or more, got {replicates}")
    if isinstance(segment, bool) or not isinstance(segment, (int, np.integer)) or segment < 1:
        raise ValueError(f"segment must be a positive number of tokens, got {segment!r}")
    if not 0 < level < 1:
        raise ValueError(f"level must lie strictly between 0 and 1 (e.g. 0.95), got {level!r}")


# --- the bootstrap itself -----------------------------------------------------------------------


def segment_bounds(n: int, *, segment: int) -> np.ndarray:
    """Where the consecutive segments of an ``n``-token text start, and ``n`` at the end.

    The text is cut into ``round(n / segment)`` (at least 1) parts of equal size, give or take
    a token, so no short remainder is left over.

    Examples
    --------
    >>> segment_bounds(10, segment=4).tolist()  # 10 / 4 = 2.5 -> 3 parts
    [0, 3, 6, 10]
    >>> segment_bounds(3, segment=500).tolist()
    [0, 3]
    """
    if n < 0:
        raise ValueError(f"n must be a number of tokens, got {n}")
    if segment < 1:
        raise ValueError(f"segment must be a positive number of tokens, got {segment}")
    parts = max(1, int(n / segment + 0.5))
    return (np.arange(parts + 1, dtype=np.int64) * n) // parts


def resampling_weights(rng: np.random.Generator, segments: int, replicates: int) -> np.ndarray:
    """How often each of ``segments`` segments is drawn in each replicate (``replicates`` rows).

    Each row is one bootstrap draw of ``segments`` segments with replacement, i.e. a
    multinomial count vector summing to ``segments``.

    Examples
    --------
    >>> w = resampling_weights(np.random.default_rng(0), 4, 3)
    >>> w.shape, w.sum(axis=1).tolist()
    ((3, 4), [4, 4, 4])
    """
    if segments < 1:
        raise ValueError(f"segments must be at least 1, got {segments}")
    return rng.multinomial(segments, np.full(segments, 1.0 / segments), size=replicates)


def percentile_interval(
    replicates: np.ndarray | Sequence[float],
    *,
    level: float = 0.95,
    axis: int = 0,
    centre: np.ndarray | Sequence[float] | float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The bootstrap percentile interval of each column of ``replicates`` (along ``axis``).

    With B replicates and ``alpha = 1 - level``, the interval runs from the k-th smallest to
    the k-th largest replicate, ``k = floor((B + 1) alpha / 2)`` (at least 1): Efron &
    Tibshirani's rule for percentiles that are not whole ranks (1993, sect. 12.5). NaN
    replicates (a statistic undefined in that replicate) are left out of B; a column of NaN
    only gives NaN.

    ``centre`` (the point estimates, one per column) first shifts each column of replicates
    so that their mean is the estimate: the replicates keep their spread and lose their
    bootstrap bias, ``mean(replicates) - estimate`` (Efron & Tibshirani 1993, ch. 10). Use it
    for a statistic that resampling pushes one way, such as a distance.

    References
    ----------
    Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall,
    ch. 10, 12-13.

    Examples
    --------
    >>> lo, hi = percentile_interval([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], level=0.8)
    >>> float(lo), float(hi)  # k = floor(12 * 0.1) = 1: the smallest and the largest
    (1.0, 9.0)
    >>> lo, hi = percentile_interval(np.arange(1.0, 40.0), level=0.9)
    >>> float(lo), float(hi)  # B = 39, k = floor(40 * 0.05) = 2
    (2.0, 38.0)
    >>> lo, hi = percentile_interval([2.0, 3.0, 4.0], level=0.5, centre=1.0)
    >>> float(lo), float(hi)  # the replicates' mean 3 is moved to 1
    (0.0, 2.0)
    """
    if not 0 < level < 1:
        raise ValueError(f"level must lie strictly between 0 and 1 (e.g. 0.95), got {level!r}")
    values = np.moveaxis(np.asarray(replicates, dtype=float), axis, 0)
    if values.shape[0] == 0:
        raise ValueError("percentile_interval needs at least one replicate")
    b = (~np.isnan(values)).sum(axis=0)
    if centre is not None:
        with np.errstate(invalid="ignore"):
            mean = np.nanmean(np.where(b > 0, values, 0.0), axis=0)
        values = values + (np.asarray(centre, dtype=float) - mean)
    ordered = np.sort(values, axis=0)  # NaN last
    # (the small constant keeps e.g. 40 * 0.05 = 1.9999999999999996 from rounding down to 1)
    k = np.maximum(np.floor((b + 1) * (1.0 - level) / 2.0 + 1e-9).astype(np.int64), 1)
    low_rank = np.minimum(k, np.maximum(b, 1)) - 1
    high_rank = np.maximum(b - k, 0)
    low = np.take_along_axis(ordered, low_rank[None, ...], axis=0)[0]
    high = np.take_along_axis(ordered, high_rank[None, ...], axis=0)[0]
    none = b == 0
    return np.where(none, np.nan, low), np.where(none, np.nan, high)


def _interval_or_none(replicates: np.ndarray, level: float) -> tuple[float | None, float | None]:
    low, high = percentile_interval(replicates, level=level)
    if np.isnan(low) or np.isnan(high):
        return None, None
    return float(low), float(high)


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        safe = np.where(denominator > 0, denominator, 1.0)
        return np.where(denominator > 0, numerator / safe, np.nan)


# --- vocabulary statistics ----------------------------------------------------------------------


def _window_types(ids: np.ndarray, window: int, previous: np.ndarray | None = None) -> np.ndarray:
    """The number of types in each window of ``window`` tokens (N - window + 1 values).

    Token j is a new type in the windows starting at i with ``j - window < i <= j`` and
    ``previous[j] < i`` (as :func:`wordprint.describe.vocabulary.mattr` counts them): one difference
    array and a cumulative sum, O(N). ``previous`` is each token's previous occurrence
    (:func:`wordprint.describe.vocabulary._occurrences`), when the caller has it.
    """
    n = len(ids)
    if previous is None:
        previous = _occurrences(ids)[0]
    windows = n - window + 1
    j = np.arange(n, dtype=np.int64)
    first = np.maximum(previous + 1, j - window + 1)
    last = np.minimum(j, n - window)
    ok = first <= last
    diff = np.bincount(first[ok], minlength=windows + 1)
    diff -= np.bincount(last[ok] + 1, minlength=windows + 1)
    return np.cumsum(diff)[:windows]


# Dense types x replicates cells per pass of _replicate_square_sums (32 MB of float64).
_CELLS_PER_PASS_K = 4_000_000


def _replicate_square_sums(
    block: np.ndarray, ids: np.ndarray, types: int, weights: np.ndarray
) -> np.ndarray:
    """Each replicate's sum over types of its squared frequency (the sum in Yule's K).

    A replicate's frequency of type t is sum_g w_g c_gt over the segments g. The frequencies
    are computed for a few replicates at a time (segments x types sparse counts times the
    weights), so memory grows with the text's types, not with the square of its segments.
    ``block`` is each token's segment, in text order (non-decreasing). Every frequency and
    square is a whole number below 2^53, so the sums are exact, in any order.

    Examples
    --------
    >>> block, ids = np.array([0, 0, 1, 1]), np.array([0, 1, 0, 0])  # segments "a b", "a a"
    >>> _replicate_square_sums(block, ids, 2, np.array([[2.0, 0.0], [1.0, 1.0]])).tolist()
    [8.0, 10.0]
    """
    from scipy import sparse

    ids = np.asarray(ids, dtype=np.int64)  # no overflow in the pairs below
    g = int(block.max()) + 1 if len(block) else 0
    # Tokens by type, then by position, so by segment: each run of one (type, segment) pair is
    # a count, in the order of a types x segments CSR matrix (scipy has nothing to sort).
    order = _type_order(ids)
    pairs = ids[order] * g + block[order]
    firsts = np.flatnonzero(np.concatenate([[True], pairs[1:] != pairs[:-1]]))
    counts = np.diff(np.append(firsts, len(pairs))).astype(float)
    rows, columns = np.divmod(pairs[firsts], max(g, 1))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=types))])
    by_type = sparse.csr_matrix((counts, columns, indptr), shape=(types, g))
    result = np.empty(len(weights))
    step = max(1, _CELLS_PER_PASS_K // max(types, 1))
    for start in range(0, len(weights), step):
        frequencies = by_type @ weights[start : start + step].T  # types x replicates
        result[start : start + step] = np.einsum("tr,tr->r", frequencies, frequencies)
    return result


def vocabulary_intervals(
    tokens: Sequence[str],
    sentence_lengths: Sequence[int],
    *,
    mattr_window: int = 500,
    mtld_threshold: float = 0.72,
    replicates: int = 200,
    segment: int = 500,
    level: float = 0.95,
    seed: int = 1,
    key: str = "",
) -> dict[str, tuple[float | None, float | None]]:
    """Block-bootstrap percentile intervals of a text's vocabulary statistics.

    For each statistic of :data:`VOCABULARY_INTERVALS` (MATTR with window ``mattr_window``,
    MTLD with threshold ``mtld_threshold``, Yule's K, mean word length, mean sentence length),
    its ``(low, high)`` interval at ``level``, from ``replicates`` resamplings of the text's
    consecutive segments of about ``segment`` tokens (see the module notes). ``(None, None)``
    when the text has fewer than :data:`MIN_SEGMENTS` segments or ``replicates`` is 0, for
    MATTR when the text is no longer than the window (MATTR is then its TTR), and for mean
    sentence length without sentences. The random stream is :func:`generator` of ``seed`` and
    ``key`` (the caller's name for the text). ``tokens`` may be a
    :class:`wordprint.text.tokenize.TokenIds`; :func:`wordprint.describe.views.describe_view` gives the
    same intervals together with the statistics, sharing the work.

    References
    ----------
    Künsch, H. R. (1989). The jackknife and the bootstrap for general stationary
    observations. The Annals of Statistics 17(3), 1217-1241.

    Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.

    Examples
    --------
    >>> ci = vocabulary_intervals(["the"] * 3000, [10] * 300, mattr_window=100)
    >>> [round(x, 6) for x in ci["mattr"]], ci["mean_sentence_length"]  # constant: zero width
    ([0.01, 0.01], (10.0, 10.0))
    >>> vocabulary_intervals("a short text".split(), [3])["mtld"]
    (None, None)
    """
    _check_settings(replicates, segment, level)
    if replicates == 0 or len(segment_bounds(len(tokens), segment=segment)) - 1 < MIN_SEGMENTS:
        return _no_intervals()
    numbered = tokens if isinstance(tokens, TokenIds) else TokenIds.of(tokens)
    ids = np.asarray(numbered.ids, dtype=np.int64)
    previous, following = _occurrences(ids)
    return _intervals_of_ids(
        ids,
        np.fromiter(map(len, numbered.types), dtype=np.int64, count=len(numbered.types)),
        sentence_lengths,
        _mtld_passes(previous, following, mtld_threshold),
        _window_types(ids, mattr_window, previous) if len(ids) > mattr_window else None,
        replicates=replicates,
        segment=segment,
        level=level,
        seed=seed,
        key=key,
    )


def _no_intervals() -> dict[str, tuple[float | None, float | None]]:
    return {name: (None, None) for name in VOCABULARY_INTERVALS}


def _intervals_of_ids(
    ids: np.ndarray,
    type_lengths: np.ndarray,
    sentence_lengths: Sequence[int],
    mtld_passes: tuple[MtldPass, MtldPass],
    window_types: np.ndarray | None,
    *,
    replicates: int,
    segment: int,
    level: float,
    seed: int,
    key: str,
) -> dict[str, tuple[float | None, float | None]]:
    """:func:`vocabulary_intervals` of a text of type numbers ``ids``, with the characters of
    each type, its two MTLD passes (:func:`wordprint.describe.vocabulary._mtld_passes`) and the types in
    each MATTR window (:func:`_window_types`; None when the text is no longer than the window).
    """
    _check_settings(replicates, segment, level)
    result = _no_intervals()
    n = len(ids)
    bounds = segment_bounds(n, segment=segment)
    g = len(bounds) - 1
    if replicates == 0 or g < MIN_SEGMENTS:
        return result
    weights = resampling_weights(generator(seed, key), g, replicates).astype(float)
    sizes = np.diff(bounds).astype(float)
    block = np.repeat(np.arange(g), np.diff(bounds))

    def per_segment(values: np.ndarray | None = None, where: np.ndarray = block) -> np.ndarray:
        return np.bincount(where, weights=values, minlength=g).astype(float)

    n_star = weights @ sizes

    if window_types is not None:
        # Blocks of windows (Künsch 1989): each window belongs to the segment where it starts.
        window = n + 1 - len(window_types)
        ttrs = window_types / window
        starts = block[: len(ttrs)]
        rep = _ratio(weights @ per_segment(ttrs, starts), weights @ per_segment(None, starts))
        result["mattr"] = _interval_or_none(rep, level)

    passes = []
    # Factors completed in each segment, forward and backward; each pass's partial factor
    # belongs to the segment where that pass ends (the last one forward, the first backward).
    for (ends, partial), partial_at in zip(mtld_passes, (g - 1, 0)):
        positions = ends
        if partial_at == 0:  # the backward pass counts positions from the end
            positions = n - 1 - positions
        factors = per_segment(None, block[positions])
        factors[partial_at] += partial
        f_star = weights @ factors
        # No factor at all (every token distinct): MTLD is N, as wordprint.describe.vocabulary.mtld.
        passes.append(np.where(f_star > 0, n_star / np.where(f_star > 0, f_star, 1.0), n_star))
    result["mtld"] = _interval_or_none((passes[0] + passes[1]) / 2.0, level)

    squares = _replicate_square_sums(block, ids, len(type_lengths), weights)
    result["yules_k"] = _interval_or_none(1e4 * (squares - n_star) / n_star**2, level)

    chars = type_lengths[ids].astype(float)
    rep = _ratio(weights @ per_segment(chars), n_star)
    result["mean_word_length"] = _interval_or_none(rep, level)

    lengths = np.asarray(sentence_lengths, dtype=float)
    if len(lengths):
        starts = np.concatenate([[0.0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        where = np.minimum(np.searchsorted(bounds, starts, side="right") - 1, g - 1)
        rep = _ratio(weights @ per_segment(lengths, where), weights @ per_segment(None, where))
        result["mean_sentence_length"] = _interval_or_none(rep, level)
    return result


# --- relative frequencies: Delta distances ------------------------------------------------------


def _segment_counts(
    tokens: Sequence[str], index: Mapping[str, int], bounds: np.ndarray, width: int
) -> np.ndarray:
    """Segments x words: the counts of the words of ``index`` in each segment."""
    g = len(bounds) - 1
    block = np.repeat(np.arange(g), np.diff(bounds))
    if not isinstance(tokens, TokenIds):
        tokens = TokenIds.of(tokens)
    ids = tokens.columns(index)
    keep = ids >= 0
    flat = np.bincount(block[keep] * width + ids[keep], minlength=g * width)
    return flat.reshape(g, width).astype(float)


def segment_replicates(
    tokens: Sequence[str],
    words: Sequence[str],
    *,
    replicates: int,
    segment: int,
    rng: np.random.Generator,
) -> np.ndarray | None:
    """Relative frequencies of ``words`` in ``replicates`` block-bootstrap resamplings of a text.

    Returns a replicates x words array (each row: the drawn segments' counts of each word over
    their token total), or None when the text has fewer than :data:`MIN_SEGMENTS` segments of
    about ``segment`` tokens.

    Examples
    --------
    >>> text = ["a", "b"] * 1000
    >>> rep = segment_replicates(text, ["a", "b"], replicates=3, segment=100,
    ...                          rng=np.random.default_rng(0))
    >>> rep.tolist()
    [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]
    """
    bounds = segment_bounds(len(tokens), segment=segment)
    g = len(bounds) - 1
    if g < MIN_SEGMENTS:
        return None
    index = {w: i for i, w in enumerate(words)}
    counts = _segment_counts(tokens, index, bounds, len(words))
    weights = resampling_weights(rng, g, replicates).astype(float)
    return (weights @ counts) / (weights @ np.diff(bounds).astype(float))[:, None]


def bag_replicates(
    counts: Mapping[str, int],
    words: Sequence[str],
    *,
    total: int,
    replicates: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Relative frequencies of ``words`` in ``replicates`` resamplings of a bag of ``total`` words.

    The bag's words are drawn one by one with replacement (Efron 1979): a multinomial draw of
    ``total`` tokens from the bag's shares of ``words`` and of every other word together.

    References
    ----------
    Efron, B. (1979). Bootstrap methods: another look at the jackknife. The Annals of
    Statistics 7(1), 1-26.

    Examples
    --------
    >>> bag_replicates({"a": 10}, ["a"], total=10, replicates=2, rng=np.random.default_rng(0))
    array([[1.],
           [1.]])
    """
    if total < 1:
        raise ValueError(f"total must be a positive number of tokens, got {total}")
    shares = np.array([counts.get(w, 0) for w in words], dtype=float) / total
    return _bag_draws(shares, total=total, replicates=replicates, rng=rng)


def _bag_draws(
    shares: np.ndarray, *, total: int, replicates: int, rng: np.random.Generator
) -> np.ndarray:
    """:func:`bag_replicates` from the bag's relative frequencies of the words."""
    rest = max(0.0, 1.0 - shares.sum())
    drawn = rng.multinomial(total, np.append(shares, rest) / (shares.sum() + rest), replicates)
    return drawn[:, :-1] / float(total)


def corpus_replicates(
    corpus: Sequence[Sample],
    words: Sequence[str],
    tokens: Mapping[str, Sequence[str]],
    *,
    sampling_size: int = 0,
    replicates: int = 200,
    segment: int = 500,
    seed: int = 1,
    table: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap replicates of a word table: replicates x samples x words relative frequencies.

    ``corpus`` are the table's rows (:class:`wordprint.corpus.samples.Sample`, after
    :func:`wordprint.features.sampling.resample`), ``words`` its columns and ``tokens`` the token
    sequence of each whole view, by its sample id (``"dawsey"``, ``"dawsey (own)"``). A sample
    that is a whole view, or one of its consecutive segments of ``sampling_size`` tokens, is
    block-resampled (:func:`segment_replicates`); a random bag of words is resampled word by
    word (:func:`bag_replicates`). Each sample draws from its own stream (:func:`generator` of
    ``seed`` and its id). Also returns, per sample, whether it was resampled: a text of fewer
    than :data:`MIN_SEGMENTS` segments keeps its own frequencies in every replicate.

    The samples' own frequencies of ``words`` (for the bags and the texts too short to
    resample) are the rows of ``table`` when it is given (the samples x words table itself),
    otherwise computed from their counts: with a table, only consecutive segments
    (``sampling_size``) need the samples' counts, so a job can let every document's counts go.

    Examples
    --------
    >>> from wordprint.corpus.samples import Sample
    >>> from wordprint.corpus.documents import Document
    >>> doc = Document("d", "", "", "", "", "", "file", "")
    >>> text = ["a", "b", "b", "c"] * 750
    >>> corpus = [Sample("d", doc, "full", dict(Counter(text)), len(text))]
    >>> reps, resampled = corpus_replicates(corpus, ["b"], {"d": text}, replicates=2)
    >>> reps.shape, resampled.tolist(), reps[:, 0, 0].tolist()
    ((2, 1, 1), [True], [0.5, 0.5])
    """
    # float32: replicates x samples x words is the job's largest array (200 x 520 x 500 for
    # 260 novels in two views: 208 MB), and single precision is far finer than the intervals.
    result = np.empty((replicates, len(corpus), len(words)), dtype=np.float32)
    resampled = np.zeros(len(corpus), dtype=bool)
    for row, s in enumerate(corpus):
        rng = generator(seed, s.id)
        if table is not None:
            own = np.asarray(table[row], dtype=float)
        else:
            own = np.array([s.counts.get(w, 0) for w in words], dtype=float) / max(s.tokens, 1)
        view = tokens[_view_id(s)]
        text: Sequence[str] | None = None
        if s.segment is None and s.tokens == len(view):
            text = view
        elif sampling_size and s.tokens == sampling_size:
            text = _matching_segment(view, s.counts, sampling_size)
        if text is not None:
            rep = segment_replicates(text, words, replicates=replicates, segment=segment, rng=rng)
        else:
            rep = _bag_draws(own, total=s.tokens, replicates=replicates, rng=rng)
        if rep is None:  # too short to resample
            result[:, row, :] = own
        else:
            result[:, row, :] = rep
            resampled[row] = True
    return result, resampled


def _view_id(sample: Sample) -> str:
    return sample.document.id if sample.view == "full" else f"{sample.document.id} ({sample.view})"


def _matching_segment(
    tokens: Sequence[str], counts: Mapping[str, int], size: int
) -> Sequence[str] | None:
    """The consecutive segment of ``size`` tokens whose counts are ``counts``, if any."""
    wanted = Counter(counts)
    for start in range(0, len(tokens) - size + 1, size):
        piece = tokens[start : start + size]
        if Counter(piece) == wanted:
            return piece
    return None


def distance_intervals(
    table: np.ndarray,
    replicates: np.ndarray,
    pairs: Sequence[tuple[int, int]],
    *,
    measure: str,
    level: float = 0.95,
    resampled: Sequence[bool] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap intervals of the distances between pairs of rows of a word table.

    ``table`` is the samples x words table of relative frequencies and ``replicates`` its
    resamplings, replicates x samples x words (:func:`corpus_replicates`). Each replicate table
    gets its whole distance matrix (:func:`wordprint.measures.distances.distance_matrix` with
    ``measure``, so z-scores and the other corpus statistics are re-estimated in every
    replicate), and each pair ``(i, j)`` of row indices its interval at ``level``.

    Resampling adds noise to both texts' frequencies, and noise only adds distance: the
    replicates' distances lie above the table's (Cosine Delta on 500 MFW of the default
    corpus: by 7% at the median and up to 31% for the closest pairs), so a plain percentile
    interval often misses the distance it is about (30 of 150 neighbour rows there). The
    replicates are therefore centred on the table's distance before the percentile interval
    is taken (``centre`` of :func:`percentile_interval`): the interval shows how far the
    distance moves with other passages of the same texts. Its lower end is at least 0. A pair
    with a row that was not resampled (``resampled`` False) gets NaN.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> table = np.full((3, 4), 0.3) + np.eye(3, 4) * 0.1
    >>> reps = np.abs(table + rng.normal(0.0, 0.01, size=(50, 3, 4)))
    >>> low, high = distance_intervals(table, reps, [(0, 1)], measure="manhattan")
    >>> bool(low[0] < 0.2 < high[0])
    True
    """
    from wordprint.measures.distances import distance_matrix

    reps = np.asarray(replicates)  # each replicate is promoted to float64 on its own
    observed = np.asarray(table, dtype=float)
    if reps.ndim != 3 or reps.shape[1:] != observed.shape:
        raise ValueError(
            f"replicates must be replicates x samples x words {observed.shape}, got {reps.shape}"
        )
    if not len(pairs):
        return np.empty(0), np.empty(0)
    rows = np.array([i for i, _ in pairs], dtype=np.int64)
    cols = np.array([j for _, j in pairs], dtype=np.int64)
    values = np.empty((reps.shape[0], len(pairs)))
    for r, replicate in enumerate(reps):
        values[r] = distance_matrix(replicate.astype(float), measure=measure)[rows, cols]  # type: ignore
    estimate = distance_matrix(observed, measure=measure)[rows, cols]  # type: ignore
    low, high = percentile_interval(values, level=level, centre=estimate)
    low = np.maximum(low, 0.0)  # a distance is never negative (NaN stays NaN)
    if resampled is not None:
        mask = np.asarray(resampled, dtype=bool)
        ok = mask[rows] & mask[cols]
        low, high = np.where(ok, low, np.nan), np.where(ok, high, np.nan)
    return low, high


def neighbour_intervals(
    corpus: Sequence[Sample],
    words: Sequence[str],
    table: np.ndarray,
    tokens: Mapping[str, Sequence[str]],
    pairs: Sequence[tuple[int, int]],
    *,
    measure: str,
    sampling_size: int = 0,
    replicates: int = 200,
    segment: int = 500,
    level: float = 0.95,
    seed: int = 1,
) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap intervals of the ``measure`` distances between pairs of samples of a word table.

    :func:`corpus_replicates` of the table's rows (``corpus``), columns (``words``) and whole
    views' ``tokens``, then :func:`distance_intervals` of ``table`` (the samples x words
    relative frequencies) for ``pairs`` of row indices. NaN for every pair when ``replicates``
    is 0.
    """
    _check_settings(replicates, segment, level)
    if replicates == 0 or not len(pairs):
        return np.full(len(pairs), np.nan), np.full(len(pairs), np.nan)
    reps, resampled = corpus_replicates(
        corpus,
        words,
        tokens,
        sampling_size=sampling_size,
        replicates=replicates,
        segment=segment,
        seed=seed,
        table=table,
    )
    return distance_intervals(
        table, reps, pairs, measure=measure, level=level, resampled=resampled
    )


# --- keyness: Log Ratio ---------------------------------------------------------------------------


def _side_segments(
    texts: Mapping[str, Sequence[str]],
    index: Mapping[str, int],
    width: int,
    *,
    replicates: int,
    segment: int,
    seed: int,
) -> tuple[Any, np.ndarray, np.ndarray]:
    """One side's segments x terms counts (sparse, by column), how often each replicate draws
    each segment (replicates x segments; every text's segments from its own stream), and the
    replicates' token totals."""
    from scipy import sparse

    blocks, weights, totals = [], [], np.zeros(replicates)
    for key, tokens in texts.items():
        bounds = segment_bounds(len(tokens), segment=segment)
        g = len(bounds) - 1
        block = np.repeat(np.arange(g), np.diff(bounds))
        ids = np.fromiter((index.get(t, -1) for t in tokens), np.int64, len(tokens))
        keep = ids >= 0
        blocks.append(
            sparse.csr_matrix(
                (np.ones(int(keep.sum())), (block[keep], ids[keep])), shape=(g, width)
            )
        )
        drawn = resampling_weights(generator(seed, key), g, replicates).astype(float)
        weights.append(drawn)
        totals += drawn @ np.diff(bounds).astype(float)
    counts = sparse.vstack(blocks, format="csc") if blocks else sparse.csc_matrix((0, width))
    return counts, np.hstack(weights) if weights else np.zeros((replicates, 0)), totals


#: Terms per pass of :func:`log_ratio_intervals`: replicates x terms arrays stay small.
_CELLS_PER_PASS = 4_000_000


def log_ratio_intervals(
    terms: Sequence[str],
    target: Mapping[str, Sequence[str]],
    reference: Mapping[str, Sequence[str]],
    *,
    replicates: int = 200,
    segment: int = 500,
    level: float = 0.95,
    seed: int = 1,
) -> tuple[np.ndarray, np.ndarray]:
    """Block-bootstrap percentile intervals of each term's Log Ratio (Hardie 2014).

    ``target`` and ``reference`` map each side's texts (by a name, e.g. the sample id, which
    keys its random stream) to their tokens. Every replicate resamples the segments of each
    text separately, sums each side's counts and tokens, and computes
    ``log2((a / N_a) / (b / N_b))`` with a zero count taken as 0.5, as
    :func:`wordprint.compare.keyness.log_ratio` does. Returns ``(low, high)``, one value per term;
    NaN for every term when a side has fewer than :data:`MIN_SEGMENTS` segments in all or
    ``replicates`` is 0.

    References
    ----------
    Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches
    to Social Science (CASS), Lancaster University.

    Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.

    Examples
    --------
    >>> a = {"t": ["we", "x", "x", "x"] * 1000}  # 'we' is 1/4 of the target
    >>> b = {"r": ["we", "y", "y", "y", "y", "y", "y", "y"] * 500}  # and 1/8 of the reference
    >>> low, high = log_ratio_intervals(["we"], a, b, replicates=20, segment=400)
    >>> float(low[0]), float(high[0])  # every segment alike: log2(2) exactly
    (1.0, 1.0)
    """
    _check_settings(replicates, segment, level)
    nothing = np.full(len(terms), np.nan)
    if replicates == 0 or not len(terms):
        return nothing, nothing.copy()
    from wordprint.compare.keyness import LOG_RATIO_ZERO

    index = {t: i for i, t in enumerate(terms)}
    kw = {"replicates": replicates, "segment": segment, "seed": seed}
    counts_a, weights_a, total_a = _side_segments(target, index, len(terms), **kw)
    counts_b, weights_b, total_b = _side_segments(reference, index, len(terms), **kw)
    if min(weights_a.shape[1], weights_b.shape[1]) < MIN_SEGMENTS:
        return nothing, nothing.copy()
    low, high = np.empty(len(terms)), np.empty(len(terms))
    step = max(1, _CELLS_PER_PASS // replicates)
    for start in range(0, len(terms), step):
        part = slice(start, start + step)
        a = (counts_a[:, part].T @ weights_a.T).T  # replicates x terms
        b = (counts_b[:, part].T @ weights_b.T).T
        ratio = (np.where(a > 0, a, LOG_RATIO_ZERO) / total_a[:, None]) / (
            np.where(b > 0, b, LOG_RATIO_ZERO) / total_b[:, None]
        )
        values = np.where((a > 0) | (b > 0), np.log2(ratio), 0.0)
        low[part], high[part] = percentile_interval(values, level=level)
    return low, high
