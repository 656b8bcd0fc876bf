"""The per-document steps: raw bytes -> cleaned views -> tokens -> counts; and, only where an
output asks for them, sentences and vocabulary statistics.

Counting (:func:`profile_document`) is what every analysis needs; it splits quotations only when
the run profiles the ``own`` or ``quoted`` view. Describing a view (:func:`describe_text`:
sentence lengths with the corpus's Punkt model, vocabulary statistics and their bootstrap
intervals) costs several times more and runs only when the vocabulary statistics are requested.
Both results are plain JSON-able data, cached by the content's SHA-256 and the settings (see
:func:`wordprint.io.shards.cache_key`), so a document is profiled once however often the corpus
around it changes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypedDict

import regex

from wordprint.corpus.samples import sample_id
from wordprint.count.tokens import token_ids
from wordprint.describe.views import describe_view
from wordprint.features.mfw import feature_counts
from wordprint.text.gutenberg import strip_gutenberg
from wordprint.text.quotes import split_quotations
from wordprint.text.language import LanguageOptions, language_code, options_for, prepare
from wordprint.text.split import book_part
from wordprint.text.tei import TeiError, is_tei, read_tei
from wordprint.text.decode import DecodeError, decode_text, normalise
from wordprint.text.tokenize import TokenIds, has_words, sentence_lengths, words

if TYPE_CHECKING:  # pragma: no cover - nltk is imported when a document is described
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from wordprint.corpus.documents import Document

# Bump when the per-document computation changes, so cached profiles are recomputed.
# 5: counting apart from the descriptions; the token cache keeps each view's text.
# 6: a dash between words separates them (it used to become a hyphen, joining them); TEI input.
PROFILE_VERSION = "6"

VIEWS = ("full", "own", "quoted", "notes")
# The views cut out of a document by splitting its quotations.
QUOTATION_VIEWS = ("own", "quoted")
# The notes of a TEI document (<note>), kept apart from its text.
NOTES_VIEW = "notes"


class ProfileSettings(TypedDict, total=False):
    pattern: str
    lowercase: bool
    views: list[str]  # which of VIEWS to profile
    short_quotes: str  # "quoted" or "own": where quotations of one to three words go
    segment_size: int  # > 0: also count consecutive segments of this many tokens
    part: str  # the section of a book this document is (see clean_document)
    split: dict[str, Any] | None  # how the book is cut into sections
    features: list[str]  # feature sets besides words, e.g. ["char:3", "word:2"] (FEATURE_SETS)
    language: dict[str, str]  # the document's LanguageOptions, when they change anything
    tei: dict[str, bool]  # front and back matter of TEI documents, when either is read


class DescribeSettings(TypedDict, total=False):
    mattr_window: int
    mtld_threshold: float
    uncertainty: dict[str, Any]  # bootstrap intervals of the statistics (wordprint.uncertainty)


class DocumentError(ValueError):
    """A document that cannot be analysed; the message names it and the fix."""


def language_of(document: Document, default: str = "en") -> str:
    """A document's language code: its catalog column ``language`` (for TEI files filled from
    ``xml:lang``), else ``default``.

    >>> from wordprint.corpus.documents import Document
    >>> d = Document("a", "A", "T", "", "g", "a.txt", "file", "a.txt", {"language": "fr-FR"})
    >>> language_of(d), language_of(Document("b", "B", "T", "", "g", "b", "file", "b"), "de")
    ('fr', 'de')
    """
    return language_code(document.field("language")) or language_code(default)


def document_settings(settings: ProfileSettings, document: Document) -> ProfileSettings:
    """The settings one document is counted with: the run's, with the part of a book it is
    and the options of its language (:mod:`wordprint.text.language`), each only when it
    changes something, so that a document's cache key is the same in every run that treats
    it the same. The run's ``languages`` table (``default``: the corpus's language code,
    ``tokenizer``: options for every language, ``by_language``: options for one) is resolved
    here and not passed on.

    >>> from wordprint.corpus.documents import Document
    >>> d = Document("a", "A", "T", "", "g", "a.xml", "file", "a.xml", {"language": "fr"})
    >>> run = {"pattern": "words", "languages": {"default": "en", "tokenizer": {},
    ...                                         "by_language": {}}}
    >>> options = document_settings(run, d)["language"]
    >>> options["elisions"]
    'split'
    >>> document_settings({"pattern": "words"}, d)
    {'pattern': 'words'}
    """
    own = ProfileSettings(**{k: v for k, v in settings.items() if k != "languages"})
    if document.field("part"):
        own["part"] = document.field("part")
    languages = settings.get("languages")
    if languages:
        code = language_of(document, languages["default"])
        overrides = {**languages["tokenizer"], **languages["by_language"].get(code, {})}
        options = options_for(code, overrides)
        if not options.changes_nothing():
            own["language"] = options.as_dict()
    return own


def profile_view(
    text: str, settings: ProfileSettings, *, tokens: TokenIds | None = None
) -> dict[str, Any]:
    """Token total and counts of one view of a document (and of its segments, its n-grams).

    ``tokens`` are the view's tokens, numbered, when the caller has them; otherwise they are
    found and counted in compiled code (:func:`wordprint.count.tokens.token_ids`).
    """
    numbered = tokens
    if numbered is None:
        numbered = token_ids(text, pattern=settings["pattern"], lowercase=settings["lowercase"])
    result = {"tokens": len(numbered), "counts": numbered_counts(numbered)}
    # Other feature sets (word and character n-grams) and segments need the token strings.
    extra = [name for name in settings.get("features", []) if name != "words"]
    size = settings.get("segment_size", 0)
    strings = list(numbered) if extra or size else []
    if extra:
        result["features"] = {
            name: ordered_counts(feature_counts(text, strings, feature_set=name)) for name in extra
        }
    if size:
        result["segments"] = [
            ordered_counts(Counter(strings[i : i + size]))
            for i in range(0, len(strings) - size + 1, size)
        ]
    return result


def numbered_counts(tokens: TokenIds) -> dict[str, int]:
    """Each type's count, in the order of :func:`ordered_counts` (a profile's ``counts``)."""
    return ordered_counts(dict(zip(tokens.types, tokens.counts().tolist())))


def describe_text(
    text: str,
    tokens: TokenIds,
    *,
    splitter: PunktSentenceTokenizer,
    pattern: str,
    settings: DescribeSettings,
) -> dict[str, Any]:
    """Vocabulary statistics of one view (``text``, its numbered ``tokens``) and, with
    ``settings["uncertainty"]``, their bootstrap intervals; sentences split by ``splitter``
    (the corpus's Punkt model, :mod:`wordprint.text.sentences`), words by ``pattern``.
    """
    return describe_view(
        tokens,
        sentence_lengths(text, pattern=pattern, splitter=splitter),
        mattr_window=settings["mattr_window"],
        mtld_threshold=settings["mtld_threshold"],
        uncertainty=settings.get("uncertainty"),
        # Seeded by the text itself, so a cached profile is the same under any document id.
        key=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def ordered_counts(counts: Mapping[str, int]) -> dict[str, int]:
    """``counts`` most frequent first, ties alphabetical: the order of a profile's counts.

    Examples
    --------
    >>> ordered_counts({"b": 1, "c": 2, "a": 1})
    {'c': 2, 'a': 1, 'b': 1}
    """
    # A deterministic order for the cache and outputs: two stable sorts (alphabetical, then by
    # count, descending) without a Python key function.
    items = sorted(counts.items())
    items.sort(key=itemgetter(1), reverse=True)
    return dict(items)


# Letters of scripts written without spaces between words (Han, Hiragana, Katakana).
_UNSPACED_LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_LETTER = regex.compile(r"\p{L}")


def unsegmented_warning(text: str) -> str | None:
    """The warning for a text whose letters are mostly Chinese or Japanese characters, which
    the word pattern cannot split into words (each clause would count as one "word"), or None.

    >>> unsegmented_warning("Call me Ishmael.") is None
    True
    >>> unsegmented_warning("我们是朋友。" * 5)[:40]
    'most of its letters are Chinese or Japan'
    """
    sample = text[:200_000]
    unspaced = len(_UNSPACED_LETTER.findall(sample))
    if unspaced < 20 or unspaced * 2 < len(_LETTER.findall(sample)):
        return None
    return (
        "most of its letters are Chinese or Japanese characters, which the word pattern "
        "cannot split into words: each clause would count as one word. Set the document's "
        "'language' (catalog column or config) to zh or ja, or 'tokenizer.script: characters'"
    )


def clean_document(
    raw: bytes,
    *,
    doc_id: str,
    short_quotes: str = "quoted",
    part: str = "",
    split: Mapping[str, Any] | None = None,
    quotations: bool = True,
    language: LanguageOptions = LanguageOptions(),
    tei: Mapping[str, bool] | None = None,
) -> tuple[dict[str, str], dict[str, Any]]:
    """Decode and clean one document into its views (normalised text) and a cleaning report.

    Views: ``full`` (the text without Project Gutenberg boilerplate), ``own`` (quotations,
    footnote markers and citations removed) and ``quoted`` (the quotations only); without
    ``quotations`` only ``full``, and the report's ``quotations`` is None (splitting them is
    most of the cleaning's cost). Quotations
    are found before normalisation, which folds curly quotes into straight ones. With ``part``
    the document is one section of a book, cut at the headings described by ``split`` (the
    options of :func:`wordprint.text.split.book_part`). A TEI document (:func:`~wordprint.text.tei.is_tei`)
    is its ``<body>`` (``tei``: ``front`` and ``back`` matter too), its notes the view
    ``notes``. Each view is then prepared for tokenising in its ``language``
    (:func:`wordprint.text.language.prepare`).
    Raises :class:`DocumentError` naming the document when it is not text or lacks the part.
    """
    notes = None
    if is_tei(raw):
        try:
            document = read_tei(raw, doc_id=doc_id, **(tei or {}))
        except TeiError as err:
            raise DocumentError(str(err)) from None
        text, encoding, notes, warnings = document.text, "TEI XML", document.notes, ()
    else:
        try:
            decoded = decode_text(raw)
        except DecodeError as err:
            raise DocumentError(
                f"document {doc_id!r}: cannot be read as text: {err}. Save it as plain text "
                "(UTF-8) or fix its 'source' in the catalog."
            ) from None
        text, encoding, warnings = decoded.text, decoded.encoding, decoded.warnings
    body, gutenberg = strip_gutenberg(text)
    if part:
        if not split:
            raise DocumentError(
                f"document {doc_id!r} names part {part!r} of its source, but the config has no "
                "'split' settings: add e.g. 'split: federalist' or a heading pattern."
            )
        try:
            body = book_part(body, part, **split)
        except KeyError as err:
            raise DocumentError(
                f"document {doc_id!r}, column 'part': {err.args[0]}. Fix the part or the "
                "config's split pattern."
            ) from None
    if language.script != "characters":
        unsplit = unsegmented_warning(text)
        if unsplit:
            warnings = (*warnings, unsplit)
    cleaning = {
        "encoding": encoding,
        "characters": len(text),
        "gutenberg": gutenberg,
        "quotations": None,
        "warnings": list(warnings),
    }
    views = {"full": body}
    if quotations:
        quotes = split_quotations(body, short_quotes=short_quotes)
        cleaning["quotations"] = quotes.report
        cleaning["warnings"] += quotes.report["warnings"]
        views = {"full": quotes.full, "own": quotes.own, "quoted": quotes.quoted}
    if notes is not None:
        views[NOTES_VIEW] = notes
    if language.changes_nothing():
        return {name: normalise(view) for name, view in views.items()}, cleaning
    return {name: prepare(normalise(view), language) for name, view in views.items()}, cleaning


def profile_document(
    raw: bytes,
    *,
    doc_id: str,
    settings: ProfileSettings,
    tokens_out: dict[str, tuple[TokenIds, str]] | None = None,
) -> dict[str, Any]:
    """Clean, tokenise and count one document, view by view.

    Quotations are split only when ``settings["views"]`` asks for ``own`` or ``quoted``. With
    ``tokens_out``, each profiled view's numbered tokens and its text are stored in it under
    the view's name (the token cache of :mod:`wordprint.io.tokens`).
    Raises :class:`DocumentError` naming the document when it is not text or has no words.
    """
    texts, cleaning = clean_document(
        raw,
        doc_id=doc_id,
        short_quotes=settings["short_quotes"],
        part=settings.get("part", ""),
        split=settings.get("split"),
        quotations=any(view in QUOTATION_VIEWS for view in settings["views"]),
        language=LanguageOptions(**settings.get("language", {})),
        tei=settings.get("tei"),
    )
    result: dict[str, Any] = {
        "id": doc_id,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "cleaning": cleaning,
        "views": {},
    }
    for name in settings["views"]:
        if name not in texts:
            continue  # only TEI documents have notes
        with _pattern_time_limit(doc_id, settings["pattern"], texts[name]):
            if not has_words(texts[name], pattern=settings["pattern"]):
                if name != "full":
                    continue  # a document without quotations has no "quoted" view
                raise DocumentError(
                    f"document {doc_id!r}: its text has no words after cleaning (empty, "
                    "whitespace, numbers or punctuation only). Check the file or remove its row."
                )
            numbered = token_ids(
                texts[name], pattern=settings["pattern"], lowercase=settings["lowercase"]
            )
            result["views"][name] = profile_view(texts[name], settings, tokens=numbered)
            if tokens_out is not None:
                tokens_out[name] = (numbered, texts[name])
    return result


@contextmanager
def _pattern_time_limit(doc_id: str, pattern: str, text: str) -> Iterator[None]:
    """nltk's time limit, kept for a regular expression from the config, as a DocumentError."""
    try:
        yield
    except TimeoutError:
        raise DocumentError(
            f"document {doc_id!r}: the config's tokenizer pattern {pattern!r} ran into nltk's "
            f"time limit on this text ({len(text):,} characters): it may backtrack "
            "catastrophically. Simplify it, or use 'words' or 'letters'."
        ) from None


def describe_document(
    views: Mapping[str, tuple[TokenIds, str]],
    *,
    doc_id: str,
    splitter: PunktSentenceTokenizer,
    pattern: str,
    settings: DescribeSettings,
) -> dict[str, Any]:
    """:func:`describe_text` of each view of a document: ``views`` maps a view's name to its
    tokens and text (as the token cache keeps them)."""
    described = {}
    for name, (tokens, text) in views.items():
        with _pattern_time_limit(doc_id, pattern, text):
            described[name] = describe_text(
                text, tokens, splitter=splitter, pattern=pattern, settings=settings
            )
    return {"id": doc_id, "views": described}


def sample_tokens(
    raws: Mapping[str, bytes],
    samples: Sequence[tuple[str, str]],
    *,
    settings: Mapping[str, Any],
    documents: Mapping[str, Document] | None = None,
) -> dict[str, list[str]]:
    """Tokens of each (document, view) sample, by sample id, cleaned as the profile step does.

    ``raws`` maps document ids to raw bytes; ``settings`` are the run's profile settings
    (``pattern``, ``lowercase``, ``short_quotes`` and, for books cut into documents,
    ``split``); ``documents`` (by id) give each document's part of a book and language
    (:func:`document_settings`). Each document is cleaned once
    (:func:`wordprint.count.profile.clean_document`) and each view tokenised with
    :func:`wordprint.text.tokenize.words`, so the tokens add up to the counts in the profile.

    Examples
    --------
    >>> settings = {"pattern": "words", "lowercase": True, "short_quotes": "quoted"}
    >>> sample_tokens({"d": b'He said "no way" to them.'}, [("d", "full"), ("d", "own")],
    ...               settings=settings)
    {'d': ['he', 'said', 'no', 'way', 'to', 'them'], 'd (own)': ['he', 'said', 'to', 'them']}
    """
    texts: dict[str, dict[str, str]] = {}
    result: dict[str, list[str]] = {}
    for doc, view in samples:
        if doc not in texts:
            own = document_settings(settings, documents[doc]) if documents else settings
            texts[doc] = clean_document(
                raws[doc],
                doc_id=doc,
                short_quotes=own.get("short_quotes", "quoted"),
                part=own.get("part", ""),
                split=own.get("split"),
                quotations=any(v in QUOTATION_VIEWS for d, v in samples if d == doc),
                language=LanguageOptions(**own.get("language", {})),
                tei=own.get("tei"),
            )[0]
        result[sample_id(doc, view)] = words(
            texts[doc].get(view, ""),
            pattern=settings.get("pattern", "words"),
            lowercase=settings.get("lowercase", True),
        )
    return result
