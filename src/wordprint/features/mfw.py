"""Corpus-wide feature tables: the most frequent words (MFW) and their relative frequencies.

Also stylo's feature-selection options (culling, MFW ranges, pronoun deletion, ``start.at``),
the shipped English function-word and pronoun lists, and the registry of feature sets (words,
word n-grams, character n-grams) that decides what is counted in each document.
"""

from __future__ import annotations

import functools
import re
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import overload

import numpy as np

from wordprint.count.ngrams import char_ngram_counts, word_ngram_counts


def most_frequent_words(
    counts: Sequence[Mapping[str, int]], *, n: int, start_at: int = 0
) -> list[str]:
    """The ``n`` words with the highest mean relative frequency across documents.

    Each document weighs the same whatever its length (as stylo's ``make.frequency.list`` with
    relative frequencies). Ties are broken alphabetically so the list is deterministic.
    ``start_at`` skips the top words (stylo's ``start.at``, counted from 0 here).

    Examples
    --------
    >>> most_frequent_words([{"the": 3, "a": 1}, {"a": 2, "of": 2}], n=2)
    ['a', 'the']
    """
    if n < 1:
        raise ValueError(f"n (the number of most frequent words) must be at least 1, got {n}")
    if start_at < 0:
        raise ValueError(f"start_at must be 0 or more, got {start_at}")
    mean: dict[str, float] = {}
    for doc in counts:
        total = sum(doc.values())
        for word, count in doc.items():
            mean[word] = mean.get(word, 0.0) + count / total
    ranked = sorted(mean, key=lambda w: (-mean[w], w))
    return ranked[start_at : start_at + n]


def relative_frequencies(
    counts: Sequence[Mapping[str, int]], vocabulary: Sequence[str], *, totals: Sequence[int]
) -> np.ndarray:
    """Documents x words table of relative frequencies: each count over the document's token total.

    Dividing by the document's whole token count (not by the total of the selected words) is
    what stylo and pydelta do.

    Examples
    --------
    >>> relative_frequencies([{"the": 3, "a": 1}], ["the", "of"], totals=[4]).tolist()
    [[0.75, 0.0]]
    """
    table = np.zeros((len(counts), len(vocabulary)))
    for i, (doc, total) in enumerate(zip(counts, totals, strict=True)):
        table[i] = [doc.get(word, 0) / total for word in vocabulary]
    return table


# --- culling, MFW ranges, pronouns (stylo's feature-selection options) -------------------------


def cull(
    counts: Sequence[Mapping[str, int]], vocabulary: Sequence[str], *, min_share: float
) -> list[str]:
    """The words of ``vocabulary`` that occur in at least ``min_share`` of the documents.

    This is stylo's culling (``perform.culling``; Hoover 2004): a word survives culling at
    level c % if it occurs at least once in c % of the texts or more (``>=``), so
    ``min_share=0.2`` is stylo's ``culling = 20`` and ``min_share=1.0`` keeps only the words
    every document uses. The order of ``vocabulary`` is kept.

    References
    ----------
    Hoover, D. L. (2004). Testing Burrows's Delta. Literary and Linguistic Computing 19(4),
    453-475.

    Examples
    --------
    >>> cull([{"the": 2, "war": 1}, {"the": 1}], ["the", "war"], min_share=0.6)
    ['the']
    """
    if not 0.0 <= min_share <= 1.0:
        raise ValueError(
            f"min_share must be between 0 and 1 (stylo's culling / 100), got {min_share}"
        )
    if not counts:
        raise ValueError("counts must hold at least one document")
    needed = min_share * len(counts) - 1e-9  # tolerance: 0.7 * 10 is 7.000000000000001
    documents: Counter[str] = Counter()  # each word's number of documents, in one pass
    for doc in counts:
        documents.update(w for w, c in doc.items() if c > 0)
    return [w for w in vocabulary if documents[w] >= needed]


def mfw_range(minimum: int, maximum: int, step: int) -> list[int]:
    """The MFW settings from ``minimum`` to ``maximum`` (included when reached) by ``step``.

    stylo's ``mfw.min``, ``mfw.max`` and ``mfw.incr`` (R's ``seq(mfw.min, mfw.max, mfw.incr)``):
    a bootstrap consensus tree is built from one tree per setting.

    References
    ----------
    Eder, M. (2017). Visualization in stylometry: cluster analysis using networks. Digital
    Scholarship in the Humanities 32(1), 50-64.

    Examples
    --------
    >>> mfw_range(100, 500, 100)
    [100, 200, 300, 400, 500]
    >>> mfw_range(100, 250, 100)
    [100, 200]
    """
    if minimum < 1:
        raise ValueError(f"minimum (mfw.min) must be at least 1, got {minimum}")
    if maximum < minimum:
        raise ValueError(f"maximum (mfw.max) must be at least minimum={minimum}, got {maximum}")
    if step < 1:
        raise ValueError(f"step (mfw.incr) must be at least 1, got {step}")
    return list(range(minimum, maximum + 1, step))


#: The languages wordprint ships function-word and pronoun lists for (data/*_<code>.txt).
WORD_LIST_LANGUAGES = ("en", "de", "fr", "it", "es", "la", "pl")


@functools.cache
def _word_list(kind: str, language: str) -> tuple[str, ...]:
    # Package data (pyproject: [tool.setuptools.package-data]); "#" starts a comment line.
    if language not in WORD_LIST_LANGUAGES:
        raise ValueError(
            f"wordprint has no {kind.replace('_', '-')} list for language {language!r}; it ships "
            f"{', '.join(WORD_LIST_LANGUAGES)}. Leave the option off for this corpus."
        )
    name = f"{kind}_{language}.txt"
    text = resources.files("wordprint").joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    # An elided form ("l'", "dell'") is listed as written; its token is the word without the
    # apostrophe, as the tokenizer cuts it off (elisions split, or the 'letters' pattern).
    words = (line.rstrip("'") for line in lines if line and not line.startswith("#"))
    return tuple(dict.fromkeys(words))


def _lists(kind: str, languages: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for code in languages for w in _word_list(kind, code)))


def function_words(language: str = "en") -> tuple[str, ...]:
    """The shipped function-word list of ``language`` (``data/function_words_<code>.txt``), in
    file order; elided forms without their apostrophe (``l'`` -> ``l``).

    English: about 300 closed-class words by grammatical class (determiners, pronouns,
    prepositions, conjunctions, auxiliaries and modals, closed adverbs), including all 70 words
    of Mosteller & Wallace (1964). German, French, Italian, Spanish, Latin and Polish: the
    closed classes of a reference grammar of each (named in each file's header), written for
    wordprint. Each file's header says how it was assembled.

    References
    ----------
    Mosteller, F. & Wallace, D. L. (1964). Inference and Disputed Authorship: The Federalist.
    Reading, MA: Addison-Wesley.

    Examples
    --------
    >>> "upon" in function_words() and "revolution" not in function_words()
    True
    >>> "l" in function_words("fr") and "daß" in function_words("de")
    True
    """
    return _word_list("function_words", language)


def pronouns(language: str = "en") -> tuple[str, ...]:
    """The shipped personal pronouns of ``language`` (``data/pronouns_<code>.txt``), in file
    order.

    All forms of the personal pronouns that refer to people (not "it" and its equivalents),
    with the Early Modern English second-person forms and pronoun contractions; for English a
    superset of stylo's list.

    References
    ----------
    Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for
    computational text analysis. The R Journal 8(1), 107-121 (``stylo.pronouns``).

    Examples
    --------
    >>> "thee" in pronouns() and "it" not in pronouns()
    True
    >>> "sie" in pronouns("de") and "es" not in pronouns("de")
    True
    """
    return _word_list("pronouns", language)


@overload
def delete_pronouns(
    counts: Mapping[str, int], *, languages: Sequence[str] = ...
) -> dict[str, int]: ...
@overload
def delete_pronouns(counts: Sequence[str], *, languages: Sequence[str] = ...) -> list[str]: ...
def delete_pronouns(
    counts: Mapping[str, int] | Sequence[str], *, languages: Sequence[str] = ("en",)
) -> dict[str, int] | list[str]:
    """Drop the personal pronouns of ``languages`` (see :func:`pronouns`) from a document's
    counts or a word list.

    stylo's ``delete.pronouns``: the pronoun columns are removed from the frequency table
    after relative frequencies were computed, so keep dividing by the document's full token
    total (see :func:`relative_frequencies`) to match it.

    References
    ----------
    Hoover, D. L. (2004). Testing Burrows's Delta. Literary and Linguistic Computing 19(4),
    453-475 (deleting personal pronouns).

    Examples
    --------
    >>> delete_pronouns({"she": 4, "the": 9})
    {'the': 9}
    >>> delete_pronouns(["the", "he", "of"])
    ['the', 'of']
    """
    drop = set(_lists("pronouns", languages))
    if isinstance(counts, Mapping):
        return {w: c for w, c in counts.items() if w not in drop}
    return [w for w in counts if w not in drop]


def select_words(
    counts: Sequence[Mapping[str, int]],
    *,
    n: int,
    min_share: float = 0.0,
    drop_pronouns: bool = False,
    start_at: int = 0,
    languages: Sequence[str] = ("en",),
) -> list[str]:
    """The MFW list as stylo builds it: rank, cull, delete pronouns (of the corpus's
    ``languages``), skip ``start_at``, take ``n``.

    The order of the steps is stylo's (``stylo()``'s main loop): culling and pronoun deletion
    act on the whole ranked word list, and ``start_at`` (counted from 0 here, from 1 in stylo)
    and ``n`` then apply to what survived. Fewer than ``n`` words come back when fewer survive.

    Examples
    --------
    >>> docs = [{"the": 5, "he": 3, "war": 1}, {"the": 4, "she": 2, "of": 2}]
    >>> select_words(docs, n=2, drop_pronouns=True)
    ['the', 'of']
    >>> select_words(docs, n=5, min_share=1.0)
    ['the']
    """
    if n < 1:
        raise ValueError(f"n (the number of most frequent words) must be at least 1, got {n}")
    if start_at < 0:
        raise ValueError(f"start_at must be 0 or more, got {start_at}")
    ranked = most_frequent_words(counts, n=sys.maxsize)
    if min_share > 0:
        ranked = cull(counts, ranked, min_share=min_share)
    if drop_pronouns:
        ranked = delete_pronouns(ranked, languages=languages)
    return ranked[start_at : start_at + n]


def function_word_table(
    counts: Sequence[Mapping[str, int]],
    *,
    totals: Sequence[int],
    languages: Sequence[str] = ("en",),
) -> tuple[list[str], np.ndarray]:
    """Relative frequencies of the shipped function words of ``languages``
    (:func:`function_words`).

    Returns the function words that occur in the corpus, ranked by mean relative frequency
    (most frequent first, ties alphabetical, as :func:`most_frequent_words`; rank order matters
    to Eder's Delta), and the documents x words table, each count divided by the document's
    whole token total.

    References
    ----------
    Mosteller, F. & Wallace, D. L. (1964). Inference and Disputed Authorship: The Federalist.
    Reading, MA: Addison-Wesley.

    Examples
    --------
    >>> words, table = function_word_table([{"the": 3, "war": 1}, {"upon": 2, "war": 2}],
    ...                                    totals=[4, 4])
    >>> words, table.tolist()
    (['the', 'upon'], [[0.75, 0.0], [0.0, 0.5]])
    """
    if any(t <= 0 for t in totals):
        raise ValueError("totals must be positive token counts, one per document")
    if len(totals) != len(counts):
        raise ValueError(f"totals has {len(totals)} entries, expected {len(counts)}")
    keep = set(_lists("function_words", languages))
    mean: dict[str, float] = {}
    for doc, total in zip(counts, totals):
        for word, count in doc.items():
            if word in keep and count > 0:
                mean[word] = mean.get(word, 0.0) + count / total
    vocabulary = sorted(mean, key=lambda w: (-mean[w], w))
    return vocabulary, relative_frequencies(counts, vocabulary, totals=totals)


# --- feature sets: what is counted in each document -------------------------------------------

FEATURE_SET_PATTERN = r"^(words|(word|char|char_wb):[1-9][0-9]*)$"
"""Allowed feature-set names, for the config schema: ``words``, ``word:N``, ``char:N``,
``char_wb:N`` (N >= 1)."""


@dataclass(frozen=True)
class FeatureKind:
    """A kind of feature: ``count(text, tokens, n)`` gives one document's Counter."""

    count: Callable[[str, Sequence[str], int], Counter[str]]
    label: str  # with {n}: "character {n}-grams within words"
    reference: str


_STYLO = (
    "Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for "
    "computational text analysis. The R Journal 8(1), 107-121."
)

#: Feature kinds by name. Character n-grams are taken from the tokens joined by one space (as
#: stylo does), so case, punctuation and digits follow the tokenizer's settings: with the
#: default tokenizer they are lower case, without punctuation.
FEATURE_SETS: dict[str, FeatureKind] = {
    "word": FeatureKind(
        lambda text, tokens, n: word_ngram_counts(tokens, n),
        "word {n}-grams",
        _STYLO,
    ),
    "char": FeatureKind(
        lambda text, tokens, n: char_ngram_counts(" ".join(tokens), n, word_boundaries=False),
        "character {n}-grams",
        _STYLO,
    ),
    "char_wb": FeatureKind(
        lambda text, tokens, n: char_ngram_counts(" ".join(tokens), n, word_boundaries=True),
        "character {n}-grams within words",
        "Pedregosa, F. et al. (2011). Scikit-learn: machine learning in Python. Journal of "
        "Machine Learning Research 12, 2825-2830 (CountVectorizer, analyzer='char_wb').",
    ),
}


def parse_feature_set(name: str) -> tuple[str, int]:
    """Split a feature-set name into its kind and n: ``"char_wb:4"`` -> ``("char_wb", 4)``.

    The names read well in a YAML config: ``words`` (single words, the same as ``word:1``),
    ``word:2`` (word bigrams), ``char:3`` (character trigrams across word boundaries, stylo's
    ``features = "c"``), ``char_wb:4`` (character 4-grams inside space-padded words,
    scikit-learn's ``char_wb``).

    Examples
    --------
    >>> parse_feature_set("words"), parse_feature_set("char_wb:4")
    (('word', 1), ('char_wb', 4))
    """
    match = re.fullmatch(FEATURE_SET_PATTERN, name) if isinstance(name, str) else None
    if match is None:
        kinds = ", ".join(f"{k}:N" for k in FEATURE_SETS)
        raise ValueError(f"unknown feature set {name!r}; use 'words' or one of {kinds} (N >= 1)")
    if name == "words":
        return "word", 1
    kind, n = name.split(":")
    return kind, int(n)


def feature_set_label(name: str) -> str:
    """A readable name for axis titles and captions.

    Examples
    --------
    >>> feature_set_label("words"), feature_set_label("char:3")
    ('words', 'character 3-grams')
    """
    kind, n = parse_feature_set(name)
    return "words" if (kind, n) == ("word", 1) else FEATURE_SETS[kind].label.format(n=n)


def feature_counts(text: str, tokens: Sequence[str], *, feature_set: str = "words") -> Counter[str]:
    """Count one document's features of the named set (see :func:`parse_feature_set`).

    References
    ----------
    Stamatatos, E. (2009). A survey of modern authorship attribution methods. Journal of the
    American Society for Information Science and Technology 60(3), 538-556.

    Examples
    --------
    >>> feature_counts("To be, or not to be", ["to", "be", "or", "not", "to", "be"],
    ...                feature_set="word:2")["to be"]
    2
    """
    kind, n = parse_feature_set(feature_set)
    return FEATURE_SETS[kind].count(text, tokens, n)


def feature_table(
    counts: Sequence[Mapping[str, int]],
    *,
    totals: Sequence[int],
    n: int,
    culling: float = 0.0,
    start_at: int = 0,
    drop_pronouns: bool = False,
    only_function_words: bool = False,
    languages: Sequence[str] = ("en",),
) -> tuple[list[str], np.ndarray]:
    """The ``n`` most frequent features after stylo's selection, and their relative frequencies.

    Ranked by mean relative frequency, culled (a feature kept when at least ``culling`` of the
    documents use it), pronouns dropped, restricted to the shipped function words when asked
    (both in the corpus's ``languages``), then ``start_at`` top features skipped (see :func:`wordprint.features.mfw.select_words`). Each
    count is divided by the document's total in ``totals``. The selection of a smaller ``n`` is
    a prefix of a larger one, so one table at the largest ``n`` serves every setting.

    Examples
    --------
    >>> docs = [{"the": 5, "he": 3, "war": 2}, {"the": 4, "she": 2, "of": 4}]
    >>> words, table = feature_table(docs, totals=[10, 10], n=2, drop_pronouns=True)
    >>> words, table.tolist()
    (['the', 'of'], [[0.5, 0.0], [0.4, 0.4]])
    """
    if n < 1:
        raise ValueError(f"n (the number of features) must be at least 1, got {n}")
    if start_at < 0:
        raise ValueError(f"start_at must be 0 or more, got {start_at}")
    ranked = select_words(counts, n=sys.maxsize, min_share=culling, drop_pronouns=drop_pronouns,
                          languages=languages)
    if only_function_words:
        keep = set(_lists("function_words", languages))
        ranked = [w for w in ranked if w in keep]
    chosen = ranked[start_at : start_at + n]
    return chosen, relative_frequencies(counts, chosen, totals=totals)
