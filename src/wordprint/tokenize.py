"""Word tokens and sentences with nltk's data-free tools.

Words come from a regular expression (:class:`nltk.tokenize.RegexpTokenizer`); sentences from a
Punkt model (Kiss & Strunk 2006) trained, unsupervised, on the document itself, so nothing is
downloaded and abbreviations are learnt from the text at hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Literal

import numpy as np
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

try:  # recent nltk (3.10) runs every regular expression under a wall-clock limit
    from nltk import redos as _redos
except ImportError:  # pragma: no cover - older nltk has no limit
    _redos = None

# Named token patterns; the config may also give its own regular expression.
TOKEN_PATTERNS: dict[str, str] = {
    # Letters, keeping word-internal apostrophes and hyphens: "workers'" -> "workers",
    # "don't" and "self-criticism" stay one token. Digits and punctuation are not words.
    "words": r"[^\W\d_]+(?:['-][^\W\d_]+)*",
    # Runs of letters only, as stylo's default splitting: "don't" -> "don", "t".
    "letters": r"[^\W\d_]+",
}

PatternName = Literal["words", "letters"]


@contextmanager
def _without_clock_limit() -> Iterator[None]:
    """Run nltk's regular expressions without its wall-clock limit (5 s per call).

    The limit stops catastrophic backtracking (ReDoS), which the named patterns and Punkt's own
    expressions cannot do: they are linear. Kept, it fails a correct match over a large document
    (about 10 MB of prose), on a slow machine a smaller one, so whether a run finished would
    depend on the machine. A regular expression from the config keeps the limit.
    """
    if _redos is None:
        yield
        return
    saved = _redos.DEFAULT_TIMEOUT
    _redos.DEFAULT_TIMEOUT = None
    try:
        yield
    finally:
        _redos.DEFAULT_TIMEOUT = saved


def _limit(pattern: str) -> AbstractContextManager[None]:
    """No wall-clock limit for a named pattern; nltk's for a regular expression of the config."""
    return _without_clock_limit() if pattern in TOKEN_PATTERNS else nullcontext()


def word_tokenizer(*, pattern: str = "words") -> RegexpTokenizer:
    """A tokenizer for a named pattern (see ``TOKEN_PATTERNS``) or a regular expression."""
    return RegexpTokenizer(TOKEN_PATTERNS.get(pattern, pattern))


def words(text: str, *, pattern: str = "words", lowercase: bool = True) -> list[str]:
    """Word tokens of ``text``.

    Examples
    --------
    >>> words("Trotsky's 1936 book: self-criticism, don't!")
    ["trotsky's", 'book', 'self-criticism', "don't"]
    """
    with _limit(pattern):
        tokens = word_tokenizer(pattern=pattern).tokenize(text)
    return [t.lower() for t in tokens] if lowercase else tokens


# Punkt's abbreviation list saturates long before the end of a novel, and training costs
# about 2.5 s per million characters, so it learns from the first 200,000 characters.
PUNKT_TRAINING_CHARS = 200_000


def sentence_splitter(text: str) -> PunktSentenceTokenizer:
    """A Punkt model (Kiss & Strunk 2006) trained, unsupervised, on ``text`` itself.

    It learns from the first ``PUNKT_TRAINING_CHARS`` characters; a document's views (own
    words, quotations) reuse the model trained on the whole document.

    References
    ----------
    Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary detection.
    Computational Linguistics 32(4), 485-525.
    """
    trainer = PunktTrainer()
    with _without_clock_limit():
        trainer.train(text[:PUNKT_TRAINING_CHARS], finalize=True)
    return PunktSentenceTokenizer(trainer.get_params())


def sentences(text: str, *, splitter: PunktSentenceTokenizer | None = None) -> list[str]:
    """Sentences of ``text``, split by ``splitter`` or by a Punkt model trained on ``text``.

    Examples
    --------
    >>> sentences("He wrote in 1936. The book appeared in 1937. It was banned.")
    ['He wrote in 1936.', 'The book appeared in 1937.', 'It was banned.']
    """
    splitter = splitter or sentence_splitter(text)
    with _without_clock_limit():
        return splitter.tokenize(text)


def sentence_lengths(
    text: str, *, pattern: str = "words", splitter: PunktSentenceTokenizer | None = None
) -> list[int]:
    """Number of word tokens in each sentence that has at least one.

    Words are found once in the whole text and counted between sentence boundaries, rather than
    tokenising every sentence again.

    Examples
    --------
    >>> sentence_lengths("One two three. Four five. 1936.")
    [3, 2]
    """
    with _limit(pattern):
        starts = [start for start, _ in word_tokenizer(pattern=pattern).span_tokenize(text)]
    splitter = splitter or sentence_splitter(text)
    with _without_clock_limit():
        ends = [end for _, end in splitter.span_tokenize(text)]
    counts = np.diff(np.searchsorted(starts, [0, *ends]))
    return [int(n) for n in counts if n]
