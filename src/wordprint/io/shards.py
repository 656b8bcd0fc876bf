"""Which shard a document belongs to, and the cache key of its per-document work.

A shard is a batch of documents processed by one job (a job costs about half a second of start-up,
so one job per document would cost more than the work). The shard is a stable hash of the
document id, so adding a document changes exactly one shard; a cluster can use one shard per
document.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


def shard_of(doc_id: str, shards: int) -> int:
    """Stable shard number of ``doc_id`` among ``shards`` shards.

    Examples
    --------
    >>> shard_of("dawsey", 1)
    0
    >>> shard_of("dawsey", 4)
    1
    """
    if shards < 1:
        raise ValueError(f"shards must be at least 1, got {shards}")
    digest = hashlib.sha256(doc_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % shards


def cache_key(content_sha256: str, settings: dict[str, Any], *, version: str) -> str:
    """Key of a document's cached profile: its content, the settings that shape it, the code version."""
    blob = json.dumps([content_sha256, settings, version], sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def cache_file(cache_dir: str | Path, kind: str, key: str, *, suffix: str = ".json.gz") -> Path:
    """Where a cache entry of ``kind`` (``profiles``, ``tokens``) with ``key`` lives.

    Examples
    --------
    >>> cache_file("cache", "tokens", "ab12").as_posix()
    'cache/tokens/ab/ab12.json.gz'
    """
    return Path(cache_dir) / kind / key[:2] / f"{key}{suffix}"
