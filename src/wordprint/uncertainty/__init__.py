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

from wordprint.uncertainty.bootstrap import (
    MIN_SEGMENTS,
    UncertaintySettings,
    generator,
    interval_columns,
    interval_note,
    percentile_interval,
    resampling_weights,
    segment_bounds,
)
from wordprint.uncertainty.distances import (
    bag_replicates,
    corpus_replicates,
    distance_intervals,
    neighbour_intervals,
    segment_replicates,
)
from wordprint.uncertainty.keyness import log_ratio_intervals
from wordprint.uncertainty.vocabulary import VOCABULARY_INTERVALS, vocabulary_intervals

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
