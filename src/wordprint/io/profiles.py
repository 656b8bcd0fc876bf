"""Profile a shard of documents, serving each from the content-keyed cache when it can."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from wordprint.io.catalog import Document
from wordprint.io.files import read_json, write_json
from wordprint.io.tokens import token_cache_path, write_tokens
from wordprint.profile import PROFILE_VERSION, ProfileSettings, profile_document
from wordprint.shards import cache_file, cache_key

log = logging.getLogger(__name__)


def profile_shard(
    documents: Sequence[Document],
    sources: Sequence[str | Path],
    *,
    settings: ProfileSettings,
    cache_dir: str | Path,
) -> Iterator[dict[str, Any]]:
    """Profiles of ``documents`` (raw bytes in the files ``sources``), each computed once and
    cached, one at a time (the shard job writes each as it comes)."""
    for document, source in zip(documents, sources, strict=True):
        raw = Path(source).read_bytes()
        # One section of a book: the part belongs to the cache key.
        part = {"part": document.field("part")} if document.field("part") else {}
        doc_settings = {**settings, **part}
        sha = hashlib.sha256(raw).hexdigest()
        key = cache_key(sha, doc_settings, version=PROFILE_VERSION)
        cached = cache_file(cache_dir, "profiles", key)
        if cached.is_file():
            log.info("%s: from cache %s", document.id, cached)
            profile = read_json(cached)
        else:
            log.info("%s: profiling %d bytes", document.id, len(raw))
            tokens: dict[str, list[str]] = {}
            profile = profile_document(
                raw, doc_id=document.id, settings=doc_settings, tokens_out=tokens
            )
            write_tokens(token_cache_path(cache_dir, sha, doc_settings), tokens)
            write_json(cached, profile)  # last: a cached profile implies cached tokens
        profile["id"] = document.id  # the same text may sit in the catalog under two ids
        yield profile


def read_profiles(paths: Sequence[str | Path]) -> dict[str, dict[str, Any]]:
    """All documents' profiles from the shard files, by document id."""
    return {p["id"]: p for path in paths for p in read_json(path)}
