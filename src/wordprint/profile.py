"""The per-document step: raw bytes -> cleaned views -> tokens -> counts and vocabulary statistics.

The result is plain JSON-able data, cached by the content's SHA-256 and the settings (see
:func:`wordprint.shards.cache_key`), so a document is profiled once however often the corpus
around it changes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypedDict

from wordprint.corpus import sample_id
from wordprint.features import feature_counts
from wordprint.gutenberg import strip_gutenberg
from wordprint.quotes import split_quotations
from wordprint.split import PRESETS as SPLIT_PRESETS
from wordprint.split import book_part
from wordprint.text import DecodeError, decode_text, normalise
from wordprint.tokenize import has_words, sentence_splitter, words, words_and_sentence_lengths
from wordprint.uncertainty import vocabulary_intervals
from wordprint.vocabulary import vocabulary_profile

if TYPE_CHECKING:  # pragma: no cover - nltk is imported when a document is profiled
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Bump when the per-document computation changes, so cached profiles are recomputed.
# 4: binary formats refused by their signature; mixed encodings keep their UTF-8.
PROFILE_VERSION = "4"

VIEWS = ("full", "own", "quoted")


class ProfileSettings(TypedDict, total=False):
    pattern: str
    lowercase: bool
    mattr_window: int
    mtld_threshold: float
    views: list[str]  # which of VIEWS to profile
    short_quotes: str  # "quoted" or "own": where quotations of one to three words go
    segment_size: int  # > 0: also count consecutive segments of this many tokens
    part: str  # the section of a book this document is (see clean_document)
    split: dict[str, Any] | None  # how the book is cut into sections
    features: list[str]  # feature sets besides words, e.g. ["char:3", "word:2"] (FEATURE_SETS)
    uncertainty: dict[str, Any]  # bootstrap intervals of the statistics (wordprint.uncertainty)


def profile_settings(config: Mapping[str, Any]) -> ProfileSettings:
    """The per-document settings of a run, from its (validated) configuration.

    Feature sets besides words, the book-splitting options and the bootstrap intervals
    (``uncertainty`` with replicates) enter only when configured, so cached profiles of runs
    that do not use them stay valid.
    """
    sampling = config.get("sampling", {})
    settings: ProfileSettings = {
        "pattern": config["tokenizer"]["pattern"],
        "lowercase": config["tokenizer"]["lowercase"],
        "mattr_window": config["vocabulary"]["mattr_window"],
        "mtld_threshold": config["vocabulary"]["mtld_threshold"],
        "views": config["views"],
        "short_quotes": config["quotes"]["short_quotes"],
        "segment_size": sampling.get("size", 0) if sampling.get("method") == "consecutive" else 0,
    }
    features = [f for f in config.get("features", ["words"]) if f != "words"]
    if features:
        settings["features"] = features
    split = config.get("split", "none")
    split = SPLIT_PRESETS.get(split) if isinstance(split, str) else split
    if split:
        settings["split"] = split
    uncertainty = config.get("uncertainty", {})
    if uncertainty.get("replicates"):
        keys = ("replicates", "segment", "level", "seed")
        settings["uncertainty"] = {k: uncertainty[k] for k in keys}
    return settings


class DocumentError(ValueError):
    """A document that cannot be analysed; the message names it and the fix."""


def profile_view(
    text: str,
    settings: ProfileSettings,
    *,
    splitter: PunktSentenceTokenizer | None = None,
    tokens_out: list[str] | None = None,
) -> dict[str, Any]:
    """Counts and vocabulary statistics of one view of a document (and of its segments).

    The view's tokens are appended to ``tokens_out`` when it is given.
    """
    tokens, lengths = words_and_sentence_lengths(
        text, pattern=settings["pattern"], lowercase=settings["lowercase"], splitter=splitter
    )
    if tokens_out is not None:
        tokens_out.extend(tokens)
    counts = Counter(tokens)
    stats = vocabulary_profile(
        tokens,
        lengths,
        mattr_window=settings["mattr_window"],
        mtld_threshold=settings["mtld_threshold"],
        counts=counts,
    )
    result = {"tokens": len(tokens), "stats": stats, "counts": _ordered(counts)}
    if settings.get("uncertainty"):
        # Seeded by the text itself, so a cached profile is the same under any document id.
        result["intervals"] = vocabulary_intervals(
            tokens,
            lengths,
            mattr_window=settings["mattr_window"],
            mtld_threshold=settings["mtld_threshold"],
            key=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            **settings["uncertainty"],
        )
    # Other feature sets (word and character n-grams) under their names; words stay "counts".
    extra = [name for name in settings.get("features", []) if name != "words"]
    if extra:
        result["features"] = {
            name: _ordered(feature_counts(text, tokens, feature_set=name)) for name in extra
        }
    size = settings.get("segment_size", 0)
    if size:
        result["segments"] = [
            _ordered(Counter(tokens[i : i + size])) for i in range(0, len(tokens) - size + 1, size)
        ]
    return result


def _ordered(counts: Counter) -> dict[str, int]:
    # Most frequent first, ties alphabetical: a deterministic order for the cache and outputs.
    # Two stable sorts (alphabetical, then by count, descending) without a Python key function.
    items = sorted(counts.items())
    items.sort(key=itemgetter(1), reverse=True)
    return dict(items)


def clean_document(
    raw: bytes,
    *,
    doc_id: str,
    short_quotes: str = "quoted",
    part: str = "",
    split: Mapping[str, Any] | None = None,
) -> tuple[dict[str, str], dict[str, Any]]:
    """Decode and clean one document into its views (normalised text) and a cleaning report.

    Views: ``full`` (the text without Project Gutenberg boilerplate), ``own`` (quotations,
    footnote markers and citations removed) and ``quoted`` (the quotations only). Quotations
    are found before normalisation, which folds curly quotes into straight ones. With ``part``
    the document is one section of a book, cut at the headings described by ``split`` (the
    options of :func:`wordprint.split.book_part`).
    Raises :class:`DocumentError` naming the document when it is not text or lacks the part.
    """
    try:
        decoded = decode_text(raw)
    except DecodeError as err:
        raise DocumentError(
            f"document {doc_id!r}: cannot be read as text: {err}. Save it as plain text "
            "(UTF-8) or fix its 'source' in the catalog."
        ) from None
    text, encoding = decoded.text, decoded.encoding
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
    quotes = split_quotations(body, short_quotes=short_quotes)
    cleaning = {
        "encoding": encoding,
        "characters": len(text),
        "gutenberg": gutenberg,
        "quotations": quotes.report,
        "warnings": list(decoded.warnings) + list(quotes.report["warnings"]),
    }
    views = {"full": quotes.full, "own": quotes.own, "quoted": quotes.quoted}
    return {name: normalise(view) for name, view in views.items()}, cleaning


def profile_document(
    raw: bytes,
    *,
    doc_id: str,
    settings: ProfileSettings,
    tokens_out: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """Clean, tokenise and count one document, view by view.

    With ``tokens_out``, each profiled view's tokens are stored in it under the view's name
    (the token cache of :mod:`wordprint.io.tokens`).
    Raises :class:`DocumentError` naming the document when it is not text or has no words.
    """
    texts, cleaning = clean_document(
        raw,
        doc_id=doc_id,
        short_quotes=settings["short_quotes"],
        part=settings.get("part", ""),
        split=settings.get("split"),
    )
    result: dict[str, Any] = {
        "id": doc_id,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "cleaning": cleaning,
        "views": {},
    }
    splitter = sentence_splitter(texts["full"])  # trained once, used for every view
    for name in settings["views"]:
        try:
            if not has_words(texts[name], pattern=settings["pattern"]):
                if name != "full":
                    continue  # a document without quotations has no "quoted" view
                raise DocumentError(
                    f"document {doc_id!r}: its text has no words after cleaning (empty, "
                    "whitespace, numbers or punctuation only). Check the file or remove its row."
                )
            kept = None if tokens_out is None else tokens_out.setdefault(name, [])
            result["views"][name] = profile_view(
                texts[name], settings, splitter=splitter, tokens_out=kept
            )
        except TimeoutError:  # nltk's limit, kept for a regular expression from the config
            raise DocumentError(
                f"document {doc_id!r}: the config's tokenizer pattern {settings['pattern']!r} "
                f"ran into nltk's time limit on this text ({len(texts[name]):,} characters): it "
                "may backtrack catastrophically. Simplify it, or use 'words' or 'letters'."
            ) from None
    return result


def sample_tokens(
    raws: Mapping[str, bytes],
    samples: Sequence[tuple[str, str]],
    *,
    settings: Mapping[str, Any],
    parts: Mapping[str, str] | None = None,
) -> dict[str, list[str]]:
    """Tokens of each (document, view) sample, by sample id, cleaned as the profile step does.

    ``raws`` maps document ids to raw bytes; ``settings`` are the profile settings
    (``pattern``, ``lowercase``, ``short_quotes`` and, for books cut into documents,
    ``split``), and ``parts`` each document's catalog ``part``, if any. Each document is
    cleaned once (:func:`wordprint.profile.clean_document`) and each view tokenised with
    :func:`wordprint.tokenize.words`, so the tokens add up to the counts in the profile.

    Examples
    --------
    >>> settings = {"pattern": "words", "lowercase": True, "short_quotes": "quoted"}
    >>> sample_tokens({"d": b'He said "no way" to them.'}, [("d", "full"), ("d", "own")],
    ...               settings=settings)
    {'d': ['he', 'said', 'no', 'way', 'to', 'them'], 'd (own)': ['he', 'said', 'to', 'them']}
    """
    parts = parts or {}
    texts: dict[str, dict[str, str]] = {}
    result: dict[str, list[str]] = {}
    for doc, view in samples:
        if doc not in texts:
            texts[doc] = clean_document(
                raws[doc],
                doc_id=doc,
                short_quotes=settings.get("short_quotes", "quoted"),
                part=parts.get(doc, ""),
                split=settings.get("split"),
            )[0]
        result[sample_id(doc, view)] = words(
            texts[doc][view],
            pattern=settings.get("pattern", "words"),
            lowercase=settings.get("lowercase", True),
        )
    return result
