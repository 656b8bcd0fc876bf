"""Count, or describe, a shard of documents, serving each from the content-keyed cache when it can.

Counting (:func:`profile_shard`) leaves each document's numbered tokens and view texts in the
token cache; describing (:func:`describe_shard`: sentences, vocabulary statistics and their
intervals) reads them back from there, so it never decodes or cleans a text again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from wordprint.corpus.documents import Document
from wordprint.io.files import read_json, write_json
from wordprint.io.catalog import DEFAULT_MAX_DOCUMENT_BYTES, too_large
from wordprint.io.tokens import cached_tokens, token_cache_path, write_tokens
from wordprint.count.profile import (
    PROFILE_VERSION,
    DescribeSettings,
    DocumentError,
    ProfileSettings,
    describe_document,
    document_settings,
    language_of,
    profile_document,
)
from wordprint.text.sentences import model_digest, splitter
from wordprint.io.shards import cache_file, cache_key

log = logging.getLogger(__name__)

# What reading a damaged gzip-compressed JSON file raises (cut off, overwritten, not gzip).
_DAMAGED = (gzip.BadGzipFile, zlib.error, EOFError, ValueError)
# Warnings in a document's cleaning report that the console shows too.
CONSOLE_WARNINGS = ("not valid UTF-8", "mixed encodings", "most of its letters are")


class CorruptFileError(DocumentError):
    """A result file of an earlier step that cannot be read (cut off or overwritten)."""


def read_shard(path: str | Path) -> Any:
    """The JSON of a result shard, or :class:`CorruptFileError` naming it and the fix."""
    try:
        return read_json(path)
    except _DAMAGED as err:
        raise CorruptFileError(
            f"the result file {path} is damaged ({type(err).__name__}: {err}), probably cut off "
            "by a full disk or a crash. Delete it and rerun the workflow: it is made again."
        ) from None


def _read_entry(path: Path, key: str, sha256: str | None = None) -> Any | None:
    """A cache entry (a dict with its ``cache_key``), or None when it is missing, damaged or
    written under another key or for other content; the problem is logged and the caller
    builds the entry again."""
    if not path.is_file():
        return None
    try:
        entry = read_json(path)
    except (*_DAMAGED, OSError) as err:
        problem = f"it is damaged ({type(err).__name__}: {err})"
    else:
        stored = entry.pop("cache_key", None) if isinstance(entry, dict) else None
        if stored == key and (sha256 is None or entry.get("sha256") == sha256):
            return entry
        problem = (f"it was written for other content or settings (key {stored})"
                   if isinstance(entry, dict) else "it is not a cache entry")
    if problem.endswith("(key None)"):  # written before entries recorded their key
        log.info("the cache entry %s predates cache keys: it is built again", path)
    else:
        log.warning("the cache entry %s is not used (%s): it is built again", path, problem)
    return None


def profile_shard(
    documents: Sequence[Document],
    sources: Sequence[str | Path],
    *,
    settings: ProfileSettings,
    cache_dir: str | Path,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
) -> Iterator[dict[str, Any]]:
    """Profiles of ``documents`` (raw bytes in the files ``sources``), each computed once and
    cached, one at a time (the shard job writes each as it comes).

    A cache entry is used only when it was written under this key for this content (its
    recorded ``cache_key`` and ``sha256``); a damaged, foreign or outdated one is built again,
    and logged. A document over ``max_bytes`` is refused (:class:`DocumentError`)."""
    for document, source in zip(documents, sources, strict=True):
        size = Path(source).stat().st_size
        if size > max_bytes:
            raise DocumentError(
                f"document {document.id!r}: " + too_large(f"its text ({source})", size, max_bytes)
            )
        raw = Path(source).read_bytes()
        # The document's part of a book and its language belong to its cache key.
        doc_settings = document_settings(settings, document)
        sha = hashlib.sha256(raw).hexdigest()
        key = cache_key(sha, doc_settings, version=PROFILE_VERSION)
        cached = cache_file(cache_dir, "profiles", key)
        profile = _read_entry(cached, key, sha)
        if profile is not None:
            log.info("%s: from cache %s", document.id, cached)
        else:
            log.info("%s: profiling %d bytes", document.id, len(raw))
            tokens: dict[str, Any] = {}
            profile = profile_document(
                raw, doc_id=document.id, settings=doc_settings, tokens_out=tokens
            )
            write_tokens(token_cache_path(cache_dir, sha, doc_settings), tokens)
            # Last: a cached profile implies cached tokens. Compact: JSON's C encoder, 10x
            # faster than an indented layout on a novel's 20,000 counts.
            write_json(cached, {**profile, "cache_key": key}, compact=True)
        profile["id"] = document.id  # the same text may sit in the catalog under two ids
        for warning in profile["cleaning"]["warnings"]:
            if warning.startswith(CONSOLE_WARNINGS):  # how it was read, what was not split
                log.warning("document %s: %s", document.id, warning)
        yield profile


def describe_shard(
    profiles: Sequence[dict[str, Any]],
    documents: Sequence[Document],
    *,
    settings: ProfileSettings,
    describe: DescribeSettings,
    models: Mapping[str, dict[str, Any]],
    cache_dir: str | Path,
) -> Iterator[dict[str, Any]]:
    """Vocabulary statistics (and intervals) of every profiled view of ``documents``, whose
    counting ``profiles`` (:func:`profile_shard`, same order) say which views they have and
    where their tokens are cached; sentences are split with the Punkt model of the document's
    language (``models``: language code -> model, :mod:`wordprint.text.sentences`). Each
    document's result is cached, one at a time."""
    splitters: dict[str, Any] = {}  # each model loaded once, only when a document needs it
    digests = {code: model_digest(model) for code, model in models.items()}
    default = settings.get("languages", {}).get("default", "en")
    for document, profile in zip(documents, profiles, strict=True):
        code = language_of(document, default) if len(models) > 1 else next(iter(models))
        own = document_settings(settings, document)
        tokens = token_cache_path(cache_dir, profile["sha256"], own)
        views = sorted(profile["views"])
        # The tokens' own key stands for the text and every setting that shaped them.
        key = cache_key(tokens.stem, {**describe, "views": views, "punkt": digests[code]},
                        version=PROFILE_VERSION)
        cached = cache_file(cache_dir, "descriptions", key)
        described = _read_entry(cached, key)
        if described is not None:
            log.info("%s: from cache %s", document.id, cached)
        else:
            texts = cached_tokens(tokens, encoded=True, texts=True)
            if texts is None:
                raise DocumentError(
                    f"document {document.id!r}: its tokens are missing from the cache or "
                    f"damaged ({tokens}). Rerun the workflow: the counting step puts them back."
                )
            log.info("%s: describing %s", document.id, ", ".join(views))
            if code not in splitters:
                splitters[code] = splitter(models[code])
            described = describe_document(
                {view: texts[view] for view in views},
                doc_id=document.id,
                splitter=splitters[code],
                pattern=settings["pattern"],
                settings=describe,
            )
            write_json(cached, {**described, "cache_key": key}, compact=True)
        described["id"] = document.id
        yield described


def read_profiles(paths: Sequence[str | Path]) -> dict[str, dict[str, Any]]:
    """All documents' profiles from the shard files, by document id."""
    return {p["id"]: p for path in paths for p in read_shard(path)}
