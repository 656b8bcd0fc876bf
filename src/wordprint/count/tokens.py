"""Word tokens numbered by type in compiled code: :func:`token_ids`.

``token_ids(text)`` is exactly ``TokenIds.of(words(text))``, the same types in the same order
and the same ids, for the named patterns (``TOKEN_PATTERNS``), but splits and numbers the
tokens in polars (Rust) instead of building a Python string for each token.

It relies on no Unicode table of polars' regular-expression engine. Every character of the text
is classed by the engine of :func:`wordprint.text.tokenize.words` (the ``regex`` package): a letter
(``[^\\W\\d_]``), an apostrophe or hyphen, or neither. Characters of the last kind become
spaces, as do apostrophes and hyphens that are not between two letters (the ``letters``
pattern: all of them), so that the tokens are exactly the runs between spaces: polars only
replaces listed characters, splits at spaces and numbers the pieces. Python's ``str.lower``
lowercases the text at once; where that could differ from lowercasing each token, as ``words``
does (the Greek capital sigma, whose lower case depends on the letters around it), the text
takes the Python path, as do texts shorter than ``COMPILED_FROM`` characters.

polars is imported on first use (about 0.2 s).
"""

from __future__ import annotations

import functools
import itertools
import re
import string
from typing import TYPE_CHECKING

import numpy as np
import regex

from wordprint.text.tokenize import _FLAGS, TOKEN_PATTERNS, TokenIds, words

if TYPE_CHECKING:  # pragma: no cover
    import polars as pl

# Below this many characters the Python path is faster: polars costs some 0.6 ms a call
# (measured: even at 20,000 characters, 1.7x faster at 50,000, 3x on a novel).
COMPILED_FROM = 20_000

# What a named pattern makes of a character: a letter ([^\W\d_] on the engine of ``words``),
# for "words" also an apostrophe or hyphen, which a token holds between two letters.
_LETTER = regex.compile(r"[^\W\d_]", _FLAGS)
_JOINERS = {"words": "'-", "letters": ""}

# Once every other character is a space: a run of two or more spaces, apostrophes and hyphens.
# None of its apostrophes and hyphens is between two letters (in a token), and a lone one is
# (the text is padded with spaces), so one space for each run leaves exactly the tokens, one
# space apart. Only ASCII characters: polars' engine matches them as ``re`` would.
_BETWEEN_TOKENS = r"[ '-]{2,}"

_ASCII = re.compile(r"[\x00-\x7f]+")


@functools.cache
def _ascii_table(pattern: str, lowercase: bool) -> dict[int, str]:
    """ASCII text to lower case (if asked) with every character outside tokens as a space."""
    keep = string.ascii_letters + _JOINERS[pattern]
    table = {c: " " for c in range(128) if chr(c) not in keep}
    if lowercase:
        table.update({ord(c): c.lower() for c in string.ascii_uppercase})
    return str.maketrans(table)


@functools.lru_cache(maxsize=100_000)
def _is_letter(char: str) -> bool:
    return _LETTER.match(char) is not None


def _lowers_alike(char: str) -> bool:
    """Whether lowercasing a whole text gives ``char`` the lower case that lowercasing each
    token does (as ``words`` does), and of the same kind (letter or not)."""
    if char == "\u03a3":  # Greek capital sigma: σ, or ς at the end of a word (Final_Sigma),
        return False  # as seen in the token, not in the text; Python's only such case
    letter = _is_letter(char)
    # A lower case of another kind would move a token boundary. (İ -> i + combining dot
    # above is fine: both are letters, so only the token's length changes.)
    return all(_is_letter(c) == letter and c not in "'-" for c in char.lower())


def _ranges(chars: list[str]) -> str:
    """Sorted characters as a bracket expression's ranges, each as ``\\x{...}``."""
    points = [ord(c) for c in chars]
    parts = []
    for _step, run in itertools.groupby(enumerate(points), lambda ip: ip[1] - ip[0]):
        run = [p for _, p in run]
        parts.append(f"\\x{{{run[0]:x}}}" + (f"-\\x{{{run[-1]:x}}}" if len(run) > 1 else ""))
    return "".join(parts)


def _spaced(text: str, pattern: str, lowercase: bool) -> pl.Series | None:
    """``text`` (lowercased if asked) as one polars string of its tokens, one space apart and
    with a space at each end, or None where the Python path must tokenise it."""
    import polars as pl

    if text.isascii():
        source = text.translate(_ascii_table(pattern, lowercase))
        return pl.Series([f" {source} "]).str.replace_all(_BETWEEN_TOKENS, " ")
    others = set(_ASCII.sub("", text))  # distinct non-ASCII characters
    if any("\ud800" <= c <= "\udfff" for c in others):
        return None  # a lone surrogate is not UTF-8: polars cannot hold it
    if lowercase:
        if not all(map(_lowers_alike, others)):
            return None
        text = text.lower()
        others = set(_ASCII.sub("", "".join(others).lower()))
    # The letters listed one by one: polars' engine uses no Unicode class of its own. A run of
    # two or more non-letters, or one that is not an apostrophe or hyphen, becomes one space.
    letters = "A-Za-z" + _ranges(sorted(c for c in others if _is_letter(c)))
    joiners = re.escape(_JOINERS[pattern])  # a hyphen inside brackets would make a range
    outside = f"[^{letters}]{{2,}}|[^{letters}{joiners}]"
    return pl.Series([f" {text} "]).str.replace_all(outside, " ")


def token_ids(text: str, *, pattern: str = "words", lowercase: bool = True) -> TokenIds:
    """Exactly ``TokenIds.of(words(text, pattern=pattern, lowercase=lowercase))``, faster.

    The same types in the same order (of first use) and the same ids; ``result.counts()`` gives
    each type's count. A regular expression of the config (not a named pattern) and short texts
    take the Python path.

    Examples
    --------
    >>> t = token_ids("Don't, don't -- DON'T 'stop' self-help." * 1000)
    >>> t.types, t.ids[:5].tolist(), t.counts().tolist()
    (["don't", 'stop', 'self-help'], [0, 0, 0, 1, 2], [3000, 1000, 1000])
    """
    spaced = None
    if pattern in TOKEN_PATTERNS and len(text) >= COMPILED_FROM:
        spaced = _spaced(text, pattern, lowercase)
    if spaced is None:
        return TokenIds.of(words(text, pattern=pattern, lowercase=lowercase))
    tokens = spaced.str.split(" ").explode()[1:-1]  # "" before the first space, after the last
    if tokens.is_empty():
        return TokenIds([], np.zeros(0, dtype=np.int64))
    return _numbered(tokens)


def _numbered(tokens: pl.Series) -> TokenIds:
    """Non-empty ``tokens`` as ``TokenIds.of`` numbers them (types in order of first use)."""
    import polars as pl

    # A new set of categories numbers the types as the cast meets them, in order of first use,
    # in one pass. polars promises neither that nor the API (unstable), so it is checked: each
    # id is at most one more than the largest before it. Else: two passes (10% slower).
    try:
        ids = tokens.cast(pl.Categorical(pl.Categories.random())).to_physical().to_numpy()
    except AttributeError:  # a polars without Categories
        ids = None
    if ids is not None:
        ids = ids.astype(np.int64)
        rise = np.diff(np.maximum.accumulate(ids), prepend=-1)
        if rise[0] == 1 and rise.max() <= 1:
            return TokenIds(tokens.gather(np.flatnonzero(rise)).to_list(), ids)
    types = tokens.unique(maintain_order=True)
    ids = tokens.cast(pl.Enum(types)).to_physical().to_numpy()
    return TokenIds(types.to_list(), ids.astype(np.int64))
