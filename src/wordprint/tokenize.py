"""Word tokens and sentences with nltk's data-free tools.

Words come from a regular expression (:class:`nltk.tokenize.RegexpTokenizer`); sentences from a
Punkt model (Kiss & Strunk 2006) trained, unsupervised, on the document itself, so nothing is
downloaded and abbreviations are learnt from the text at hand.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

# Named token patterns; the config may also give its own regular expression.
TOKEN_PATTERNS: dict[str, str] = {
    # Letters, keeping word-internal apostrophes and hyphens: "workers'" -> "workers",
    # "don't" and "self-criticism" stay one token. Digits and punctuation are not words.
    "words": r"[^\W\d_]+(?:['-][^\W\d_]+)*",
    # Runs of letters only, as stylo's default splitting: "don't" -> "don", "t".
    "letters": r"[^\W\d_]+",
}

PatternName = Literal["words", "letters"]


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
    trainer.train(text[:PUNKT_TRAINING_CHARS], finalize=True)
    return PunktSentenceTokenizer(trainer.get_params())


def sentences(text: str, *, splitter: PunktSentenceTokenizer | None = None) -> list[str]:
    """Sentences of ``text``, split by ``splitter`` or by a Punkt model trained on ``text``.

    Examples
    --------
    >>> sentences("He wrote in 1936. The book appeared in 1937. It was banned.")
    ['He wrote in 1936.', 'The book appeared in 1937.', 'It was banned.']
    """
    return (splitter or sentence_splitter(text)).tokenize(text)


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
    starts = [start for start, _ in word_tokenizer(pattern=pattern).span_tokenize(text)]
    ends = [end for _, end in (splitter or sentence_splitter(text)).span_tokenize(text)]
    counts = np.diff(np.searchsorted(starts, [0, *ends]))
    return [int(n) for n in counts if n]
