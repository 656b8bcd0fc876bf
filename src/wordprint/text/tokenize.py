"""Word tokens and sentences with nltk's data-free tools.

Words come from a regular expression (:class:`nltk.tokenize.RegexpTokenizer`); sentences from a
Punkt model (Kiss & Strunk 2006) trained, unsupervised, on the document itself, so nothing is
downloaded and abbreviations are learnt from the text at hand.

The named patterns (``TOKEN_PATTERNS``) run on the regular-expression engine nltk itself uses
(the ``regex`` package), compiled once and called directly, and on the standard library's
``re`` for ASCII text, where both engines agree character for character: the tokens are
exactly those of ``RegexpTokenizer`` (tests/unit/text/test_tokenize.py checks this), only without
its per-call wrapping. A regular expression from the config keeps ``RegexpTokenizer`` and nltk's
wall-clock limit against catastrophic backtracking.

nltk is imported on first use, not with this module: importing it costs over a second (it pulls
in scipy.stats and scikit-learn), which every workflow job importing :mod:`wordprint.count.profile`
for its error type would otherwise pay.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import numpy as np
import regex

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize import RegexpTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Named token patterns; the config may also give its own regular expression.
TOKEN_PATTERNS: dict[str, str] = {
    # Letters, keeping word-internal apostrophes and hyphens: "workers'" -> "workers",
    # "don't" and "self-criticism" stay one token. Digits and punctuation are not words.
    "words": r"[^\W\d_]+(?:['-][^\W\d_]+)*",
    # Runs of letters only, as stylo's default splitting: "don't" -> "don", "t".
    "letters": r"[^\W\d_]+",
}

PatternName = Literal["words", "letters"]

# The same patterns for ASCII text, where a letter ([^\W\d_]) is one of A-Z and a-z: spelt
# out, the standard library's engine matches them faster.
_ASCII_PATTERNS: dict[str, str] = {
    "words": r"[A-Za-z]+(?:['-][A-Za-z]+)*",
    "letters": r"[A-Za-z]+",
}

# RegexpTokenizer's default flags.
_FLAGS = re.UNICODE | re.MULTILINE | re.DOTALL

# Where one token of a named pattern would run across a boundary at the position matched (its
# lookbehind sees the characters before it): between two letters, and for "words" also between
# a letter and an apostrophe or hyphen followed by a letter, or after a letter and one of them.
_ACROSS: dict[str, str] = {
    "words": r"(?<=[^\W\d_])(?:[^\W\d_]|['-][^\W\d_])|(?<=[^\W\d_]['-])[^\W\d_]",
    "letters": r"(?<=[^\W\d_])[^\W\d_]",
}


class _Named(NamedTuple):
    for_ascii: re.Pattern[str]  # for ASCII text
    for_any: regex.Pattern[str]  # for any text
    across: regex.Pattern[str]  # matches at a position inside a token


@functools.cache
def _named(pattern: str) -> _Named:
    """A named pattern compiled for ASCII text (``re``) and for any text (``regex``).

    ``regex`` is the engine of nltk's ``RegexpTokenizer`` (through ``nltk.redos``), so its
    matches are the tokenizer's. On ASCII text ``re`` matches the same with the letters spelt
    out: both engines read ``\\w`` as ``[A-Za-z0-9_]`` and ``\\d`` as ``[0-9]`` there (they
    differ beyond ASCII, e.g. on combining marks and superscript digits, which is why
    non-ASCII text uses ``regex``).
    """
    source = TOKEN_PATTERNS[pattern]
    return _Named(
        re.compile(_ASCII_PATTERNS[pattern]),
        regex.compile(source, _FLAGS),
        regex.compile(_ACROSS[pattern], _FLAGS),
    )


def _nltk_redos() -> Any:
    try:  # recent nltk (3.10) runs every regular expression under a wall-clock limit
        from nltk import redos
    except ImportError:  # pragma: no cover - older nltk has no limit
        return None
    return redos


@contextmanager
def _without_clock_limit() -> Iterator[None]:
    """Run nltk's regular expressions without its wall-clock limit (5 s per call).

    The limit stops catastrophic backtracking (ReDoS), which the named patterns and Punkt's own
    expressions cannot do: they are linear. Kept, it fails a correct match over a large document
    (about 10 MB of prose), on a slow machine a smaller one, so whether a run finished would
    depend on the machine. A regular expression from the config keeps the limit.
    """
    redos = _nltk_redos()
    if redos is None:  # pragma: no cover
        yield
        return
    saved = redos.DEFAULT_TIMEOUT
    redos.DEFAULT_TIMEOUT = None
    try:
        yield
    finally:
        redos.DEFAULT_TIMEOUT = saved


def _limit(pattern: str) -> AbstractContextManager[None]:
    """No wall-clock limit for a named pattern; nltk's for a regular expression of the config."""
    return _without_clock_limit() if pattern in TOKEN_PATTERNS else nullcontext()


def word_tokenizer(*, pattern: str = "words") -> RegexpTokenizer:
    """A tokenizer for a named pattern (see ``TOKEN_PATTERNS``) or a regular expression."""
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERNS.get(pattern, pattern))


def _lower(tokens: list[str], lowercase: bool) -> list[str]:
    return [t.lower() for t in tokens] if lowercase else tokens


def words(text: str, *, pattern: str = "words", lowercase: bool = True) -> list[str]:
    """Word tokens of ``text``.

    Examples
    --------
    >>> words("Trotsky's 1936 book: self-criticism, don't!")
    ["trotsky's", 'book', 'self-criticism', "don't"]
    """
    if pattern in TOKEN_PATTERNS:
        ascii_re, any_re, _ = _named(pattern)
        if text.isascii():
            # ASCII case folding keeps every character's class and position.
            return ascii_re.findall(text.lower() if lowercase else text)
        return _lower(any_re.findall(text), lowercase)
    tokens = word_tokenizer(pattern=pattern).tokenize(text)  # under nltk's time limit
    return _lower(tokens, lowercase)


# Punkt's abbreviation list saturates long before the end of a novel, and training costs
# about 2.5 s per million characters, so it learns from the first 200,000 characters.
PUNKT_TRAINING_CHARS = 200_000

# Punkt's token types (lower case, numbers as "##number##") and token properties remembered
# across documents, up to this many of each (then forgotten): a novel has some 20,000 distinct
# raw tokens.
_TYPE_CACHE_SIZE = 100_000
# Boundary decisions remembered by one splitter (a novel has some 7,000 distinct contexts).
_DECISION_CACHE_SIZE = 500_000


@functools.cache
def _punkt_classes() -> tuple[type, type, type]:
    """Punkt's trainer, and Punkt's token and sentence tokenizer with memoised pure steps.

    Both subclasses only remember results that depend on nothing but their argument, so the
    model, the boundaries and the sentences are those of nltk's classes:

    - a token's *type* (``PunktToken._get_type``: lower case, numbers replaced by a regular
      expression) and whether it is an ellipsis, an initial or alphabetic (regular expressions
      matched against it) depend only on the token's text;
    - whether a candidate boundary is a sentence break (``text_contains_sentbreak``) depends
      only on its context (the words around the period) and the trained model, and the same
      contexts recur within a document and across its views.
    """
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktToken, PunktTrainer

    types: dict[str, str] = {}

    def remembered(name: str) -> property:
        # A property of PunktToken that reads only the token's text (a regular expression
        # matched against it), remembered by that text.
        compute = getattr(PunktToken, name).fget
        known: dict[str, Any] = {}

        def get(token: PunktToken) -> Any:
            try:
                return known[token.tok]
            except KeyError:
                if len(known) >= _TYPE_CACHE_SIZE:
                    known.clear()
                value = known[token.tok] = compute(token)
                return value

        return property(get, doc=getattr(PunktToken, name).__doc__)

    class CachedToken(PunktToken):
        __slots__ = ()

        def _get_type(self, tok: str) -> str:
            typ = types.get(tok)
            if typ is None:
                if len(types) >= _TYPE_CACHE_SIZE:
                    types.clear()
                typ = types[tok] = super()._get_type(tok)
            return typ

        is_ellipsis = remembered("is_ellipsis")
        is_initial = remembered("is_initial")
        is_alpha = remembered("is_alpha")

    class CachedPunkt(PunktSentenceTokenizer):
        def __init__(self, params: Any) -> None:
            super().__init__(params, token_cls=CachedToken)
            self._decisions: dict[str, bool] = {}

        def text_contains_sentbreak(self, text: str) -> bool:
            decision = self._decisions.get(text)
            if decision is None:
                if len(self._decisions) >= _DECISION_CACHE_SIZE:
                    self._decisions.clear()  # one splitter serves a whole shard of texts
                decision = self._decisions[text] = super().text_contains_sentbreak(text)
            return decision

    return PunktTrainer, CachedToken, CachedPunkt


def sentence_splitter(text: str) -> PunktSentenceTokenizer:
    """A Punkt model (Kiss & Strunk 2006) trained, unsupervised, on ``text`` itself.

    It learns from the first ``PUNKT_TRAINING_CHARS`` characters; a document's views (own
    words, quotations) reuse the model trained on the whole document. The splitter remembers
    its decision for each boundary context, so splitting a second view costs less.

    References
    ----------
    Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary detection.
    Computational Linguistics 32(4), 485-525.
    """
    trainer_class, token_class, splitter_class = _punkt_classes()
    trainer = trainer_class(token_cls=token_class)
    with _without_clock_limit():
        trainer.train(text[:PUNKT_TRAINING_CHARS], finalize=True)
    return splitter_class(trainer.get_params())


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


def _sentence_ends(text: str, splitter: PunktSentenceTokenizer | None) -> list[int]:
    splitter = splitter or sentence_splitter(text)
    with _without_clock_limit():
        return [end for _, end in splitter.span_tokenize(text)]


def _counts_between(starts: Sequence[int], ends: Sequence[int]) -> list[int]:
    # Tokens starting in [0, end_1), [end_1, end_2), ...; sentences without any are left out.
    counts = np.diff(np.searchsorted(starts, [0, *ends]))
    return [int(n) for n in counts if n]


def has_words(text: str, *, pattern: str = "words") -> bool:
    """Whether ``text`` has at least one word token (``words(text) != []``), found cheaply.

    Examples
    --------
    >>> has_words("1936: 12-14."), has_words("1936: a year.")
    (False, True)
    """
    if pattern in TOKEN_PATTERNS:
        ascii_re, any_re, _ = _named(pattern)
        return (ascii_re if text.isascii() else any_re).search(text) is not None
    return bool(words(text, pattern=pattern, lowercase=False))


def _token_starts(text: str, pattern: str) -> list[int]:
    """Start offsets of the tokens of a named pattern."""
    ascii_re, any_re, _ = _named(pattern)
    return [m.start() for m in (ascii_re if text.isascii() else any_re).finditer(text)]


def sentence_lengths(
    text: str, *, pattern: str = "words", splitter: PunktSentenceTokenizer | None = None
) -> list[int]:
    """Number of word tokens in each sentence that has at least one.

    For a named pattern the tokens are counted sentence by sentence (``findall`` between two
    sentence ends, in C), which is exact when no token runs across a sentence end: Punkt's ends
    (after ``.?!`` or closing quotes and brackets, before a space or a dash) never cut one, and
    each end is checked. Otherwise, and for a regular expression of the config, the tokens'
    start offsets are counted between the ends.

    Examples
    --------
    >>> sentence_lengths("One two three. Four five. 1936.")
    [3, 2]
    """
    ends = _sentence_ends(text, splitter)
    if pattern in TOKEN_PATTERNS:
        ascii_re, any_re, across = _named(pattern)
        if all(a <= b for a, b in pairwise(ends)) and not any(across.match(text, e) for e in ends):
            finder = ascii_re if text.isascii() else any_re
            counts = (len(finder.findall(text, a, b)) for a, b in pairwise([0, *ends]))
            return [n for n in counts if n]
        starts = _token_starts(text, pattern)
    else:
        with _limit(pattern):
            starts = [start for start, _ in word_tokenizer(pattern=pattern).span_tokenize(text)]
    return _counts_between(starts, ends)


class TokenIds(Sequence[str]):
    """A token sequence as its types and each token's type number (a numpy array).

    Reads like the list of tokens (length, slices, iteration), but :meth:`columns` looks every
    token up in a word index in one numpy step: the bootstraps count a table's words in each
    segment of a novel without touching its 160,000 strings one by one.

    Examples
    --------
    >>> t = TokenIds.of(["a", "b", "a", "c"])
    >>> t.types, t.ids.tolist(), list(t[1:3]), len(t), t.counts().tolist()
    (['a', 'b', 'c'], [0, 1, 0, 2], ['b', 'a'], 4, [2, 1, 1])
    >>> t.columns({"a": 0, "c": 1}).tolist()
    [0, -1, 0, 1]
    """

    __slots__ = ("types", "ids")

    def __init__(self, types: list[str], ids: np.ndarray) -> None:
        self.types = types  # shared, not copied, by the slices
        self.ids = np.asarray(ids)

    @classmethod
    def of(cls, tokens: Sequence[str]) -> TokenIds:
        """``tokens`` numbered by their types, in order of first use."""
        index: dict[str, int] = {}
        ids = [index.setdefault(t, len(index)) for t in tokens]
        return cls(list(index), np.array(ids, dtype=np.int64))

    def counts(self) -> np.ndarray:
        """Each type's number of tokens, in the order of ``types`` (zero for types unused here)."""
        return np.bincount(self.ids, minlength=len(self.types))

    def columns(self, index: dict[str, int]) -> np.ndarray:
        """Each token's number in ``index`` (a word -> column mapping), -1 for other words."""
        lookup = np.array([index.get(t, -1) for t in self.types], dtype=np.int64)
        return lookup[self.ids]

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, slice):
            return TokenIds(self.types, self.ids[key])
        return self.types[self.ids[key]]

    def __iter__(self) -> Iterator[str]:
        types = self.types
        return (types[i] for i in self.ids.tolist())
