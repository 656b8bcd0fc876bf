"""Word and character n-grams, counted fast enough for a 350,000-word novel.

Word n-grams are runs of ``n`` consecutive tokens joined by one space ("of the people").
Character n-grams come in the two flavours of the reference tools:

- **across words** (``word_boundaries=False``): every run of ``n`` characters of the text with
  whitespace collapsed to single spaces, so n-grams span word boundaries ("e p" in "the
  people"). This is stylo's ``features = "c"``, which pastes the tokens together with one
  space and slides over the characters (stylo writes the n-gram "t h e" with spaces between
  the characters; we write "the", the counts are the same).
- **within words** (``word_boundaries=True``): scikit-learn's ``analyzer="char_wb"``: each
  whitespace-separated word padded with one space on either side (" the "), n-grams taken
  inside the padded word only; a padded word shorter than ``n`` counts once as it is.

Everything is built with ``zip`` over shifted slices and :class:`collections.Counter`, so the
per-character work runs in C rather than in a Python loop.

References
----------
Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for computational
text analysis. The R Journal 8(1), 107-121.

Pedregosa, F. et al. (2011). Scikit-learn: machine learning in Python. Journal of Machine
Learning Research 12, 2825-2830 (``CountVectorizer(analyzer="char_wb")``).

Stamatatos, E. (2013). On the robustness of authorship attribution based on character n-gram
features. Journal of Law and Policy 21(2), 421-439.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_WHITESPACE = re.compile(r"\s+")


def _check_n(n: int) -> None:
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n (the n-gram size) must be an integer of at least 1, got {n!r}")


def _slides(s: Sequence, n: int) -> zip:
    # zip(s, s[1:], ..., s[n-1:]) yields each window of n consecutive items, in C.
    return zip(*(s[i:] for i in range(n)))


def word_ngrams(tokens: Sequence[str], n: int) -> list[str]:
    """Runs of ``n`` consecutive tokens, each joined by one space, in text order.

    ``n = 1`` gives the tokens themselves. Fewer than ``n`` tokens give no n-gram.

    References
    ----------
    Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for
    computational text analysis. The R Journal 8(1), 107-121 (``make.ngrams``).

    Examples
    --------
    >>> word_ngrams(["the", "revolution", "betrayed"], 2)
    ['the revolution', 'revolution betrayed']
    """
    _check_n(n)
    if n == 1:
        return list(tokens)
    return list(map(" ".join, _slides(list(tokens), n)))


def word_ngram_counts(tokens: Sequence[str], n: int) -> Counter[str]:
    """Counts of :func:`word_ngrams` (without building the list first).

    Examples
    --------
    >>> word_ngram_counts(["a", "b", "a", "b"], 2)
    Counter({'a b': 2, 'b a': 1})
    """
    _check_n(n)
    if n == 1:
        return Counter(tokens)
    return Counter(map(" ".join, _slides(list(tokens), n)))


def char_ngram_counts(text: str, n: int, *, word_boundaries: bool) -> Counter[str]:
    """Counts of the character n-grams of ``text`` (see the module notes for the two flavours).

    Whitespace runs (spaces, tabs, newlines) count as one space in both flavours; text is
    taken as it is (lower-case it first if case should not count).

    References
    ----------
    Stamatatos, E. (2013). On the robustness of authorship attribution based on character
    n-gram features. Journal of Law and Policy 21(2), 421-439.

    Examples
    --------
    >>> char_ngram_counts("to be", 2, word_boundaries=False)
    Counter({'to': 1, 'o ': 1, ' b': 1, 'be': 1})
    >>> sorted(char_ngram_counts("to be", 3, word_boundaries=True).items())
    [(' be', 1), (' to', 1), ('be ', 1), ('to ', 1)]
    """
    _check_n(n)
    if not word_boundaries:
        running = _WHITESPACE.sub(" ", text).strip()
        return Counter(map("".join, _slides(running, n)))
    words = text.split()
    # Pad each word with a space on either side and slide over all padded words at once. A
    # window that crosses from one word into the next holds the closing space of one and the
    # opening space of the other, side by side; no window inside a padded word has two
    # spaces in a row, so dropping every n-gram with "  " leaves exactly the within-word ones.
    padded = " " + "  ".join(words) + " " if words else ""
    counts = Counter(map("".join, _slides(padded, n)))
    for gram in [g for g in counts if "  " in g]:
        del counts[gram]
    # A padded word shorter than n yields no window; scikit-learn counts it once, whole.
    counts.update(f" {w} " for w in words if len(w) + 2 < n)
    return counts


def char_ngrams(text: str, n: int, *, word_boundaries: bool) -> list[str]:
    """The character n-grams of ``text`` in text order (see :func:`char_ngram_counts`).

    With ``word_boundaries=True`` the order is word by word, as scikit-learn's ``char_wb``.

    Examples
    --------
    >>> char_ngrams("to be", 3, word_boundaries=False)
    ['to ', 'o b', ' be']
    >>> char_ngrams("to be", 3, word_boundaries=True)
    [' to', 'to ', ' be', 'be ']
    """
    _check_n(n)
    if not word_boundaries:
        return list(map("".join, _slides(_WHITESPACE.sub(" ", text).strip(), n)))
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        grams.extend(map("".join, _slides(padded, n)) if len(padded) >= n else [padded])
    return grams
