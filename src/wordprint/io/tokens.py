"""Documents' tokens for the corpus-wide bootstraps: cached by the profile step, read one text at a time.

The profile step tokenises every view of a document; it keeps those tokens beside the cached
profile (:func:`write_tokens`), keyed by the document's content and the settings that shape its
tokens. A job that needs running text again (the neighbours' bootstrap) reads them back
(:class:`StreamedTokens`) instead of decoding, cleaning and splitting quotations anew, which
was most of that job's time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from wordprint.corpus.documents import Document
from wordprint.corpus.samples import sample_id
from wordprint.io.files import atomic_file
from wordprint.count.profile import PROFILE_VERSION, document_settings, sample_tokens
from wordprint.io.shards import cache_file, cache_key
from wordprint.text.tokenize import TokenIds

# The settings a document's cached tokens depend on: those of its views' texts, and which views
# are kept (a profile also depends on e.g. the n-gram feature sets).
log = logging.getLogger(__name__)

# The archive member recording the cache key an entry was written under.
_KEY = "__key__"

TOKEN_SETTINGS = (
    "pattern", "lowercase", "short_quotes", "part", "split", "views", "language", "tei",
)


def token_cache_path(cache_dir: str | Path, sha256: str, settings: Mapping[str, Any]) -> Path:
    """Where the tokens of a text with content ``sha256`` under ``settings`` are cached."""
    shaping = {k: settings[k] for k in TOKEN_SETTINGS if k in settings}
    key = cache_key(sha256, shaping, version=PROFILE_VERSION)
    return cache_file(cache_dir, "tokens", key, suffix=".npz")


def write_tokens(path: str | Path, views: Mapping[str, tuple[TokenIds, str]], *,
                 key: str | None = None) -> None:
    """Each view's tokens (:class:`TokenIds`) and text in a numpy archive (.npz), written
    atomically.

    Per view, ``<view>.types`` holds the types as UTF-8 JSON bytes, ``<view>.ids`` each
    token's type number in the smallest unsigned integer type that holds it, and
    ``<view>.text`` the cleaned text as UTF-8 bytes (for the sentences, which only the
    vocabulary statistics need): a job reads a novel's 160,000 numbers as one array instead of
    parsing them from text, and reads only the members it asks for. ``__key__`` records the
    cache key (by default the file's name, :func:`token_cache_path`), checked when read back
    (:func:`cached_tokens`).
    """
    key = Path(path).name.split(".")[0] if key is None else key
    arrays: dict[str, np.ndarray] = {_KEY: np.frombuffer(key.encode("ascii"), dtype=np.uint8)}
    for view, (encoded, text) in views.items():
        types = json.dumps(encoded.types, ensure_ascii=False).encode("utf-8")
        arrays[f"{view}.types"] = np.frombuffer(types, dtype=np.uint8)
        arrays[f"{view}.ids"] = encoded.ids.astype(np.min_scalar_type(max(len(encoded.types), 1)))
        arrays[f"{view}.text"] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    with atomic_file(path) as fh:
        np.savez(fh, **arrays)


def read_tokens(
    path: str | Path, *, encoded: bool = False, texts: bool = False
) -> dict[str, Any]:
    """The views' tokens written by :func:`write_tokens`: lists, or :class:`TokenIds`; with
    ``texts``, each view as a pair (tokens, text)."""
    with np.load(path) as archive:
        views = sorted({name.rsplit(".", 1)[0] for name in archive.files if name != _KEY})
        found = {
            view: TokenIds(json.loads(archive[f"{view}.types"].tobytes()), archive[f"{view}.ids"])
            for view in views
        }
        if not encoded:
            found = {view: list(tokens) for view, tokens in found.items()}
        if texts:
            found = {
                view: (tokens, archive[f"{view}.text"].tobytes().decode("utf-8"))
                for view, tokens in found.items()
            }
    return found


# What a damaged archive raises: cut off, overwritten, or not an archive at all.
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError)


def cached_tokens(path: str | Path, **options: bool) -> dict[str, Any] | None:
    """:func:`read_tokens` of a cache entry, or None when it is missing, damaged or was written
    under another key (a file copied or renamed into another document's place); the caller
    then builds the tokens again, and the entry's problem is logged. (An entry written before
    keys were recorded has none and is used.)"""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        with np.load(path) as archive:
            stored = archive[_KEY].tobytes().decode("ascii") if _KEY in archive.files else None
        if stored is None or stored == path.name.split(".")[0]:
            return read_tokens(path, **options)
        problem = f"it was written under another key ({stored})"
    except (*DAMAGED, OSError) as err:
        problem = f"it is damaged ({type(err).__name__}: {err})"
    log.warning("the token cache entry %s is not used (%s): the tokens are built again",
                path, problem)
    return None


class StreamedTokens(Mapping[str, list[str]]):
    """:func:`wordprint.count.profile.sample_tokens` of files, holding one document at a time.

    ``sources`` maps document ids to their raw files, ``samples`` lists the (document, view)
    pairs wanted. A document's tokens are fetched when one of its views is first asked for:
    from the token cache under ``cache_dir`` when the profile step left them there, otherwise
    by reading, cleaning and tokenising the file. Only the latest document's views are kept:
    read in document order, a corpus of any size holds one text in memory (the neighbours'
    bootstrap held every text at once: 945 MiB for the 26 novels of British fiction, 7.9 GiB
    for 260). With ``encoded``, each view is a :class:`wordprint.text.tokenize.TokenIds`, as the
    bootstraps want it, rather than a list.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_bytes(b'He said "no way" to them.')
    >>> settings = {"pattern": "words", "lowercase": True, "short_quotes": "quoted"}
    >>> tokens = StreamedTokens({"a": folder / "a.txt"}, [("a", "full"), ("a", "own")],
    ...                         settings=settings)
    >>> list(tokens), tokens["a (own)"]
    (['a', 'a (own)'], ['he', 'said', 'to', 'them'])
    """

    def __init__(
        self,
        sources: Mapping[str, str | Path],
        samples: Sequence[tuple[str, str]],
        *,
        settings: Mapping[str, Any],
        documents: Mapping[str, Document] | None = None,
        cache_dir: str | Path | None = None,
        encoded: bool = False,
    ) -> None:
        self._sources, self._settings, self._documents = sources, settings, documents
        self._cache_dir, self._encoded = cache_dir, encoded
        self._samples = {sample_id(doc, view): (doc, view) for doc, view in samples}
        self._document: str | None = None
        self._tokens: dict[str, list[str]] = {}
        self.from_cache = 0  # documents served by the token cache (for the job's log)

    def __getitem__(self, key: str) -> list[str]:
        doc, _ = self._samples[key]
        if doc != self._document:
            self._tokens = {}  # let the previous text go before reading the next
            self._tokens = self._read(doc)
            self._document = doc
        return self._tokens[key]

    def _read(self, doc: str) -> dict[str, list[str]]:
        views = [view for d, view in self._samples.values() if d == doc]
        raw = Path(self._sources[doc]).read_bytes()
        if self._cache_dir is not None:
            own = (document_settings(self._settings, self._documents[doc])
                   if self._documents else self._settings)
            sha = hashlib.sha256(raw).hexdigest()
            path = token_cache_path(self._cache_dir, sha, own)
            cached = cached_tokens(path, encoded=self._encoded)
            if cached is not None:
                # The count step caches the views that have words: a missing one has none.
                none = TokenIds([], np.zeros(0, dtype=np.int64)) if self._encoded else []
                self.from_cache += 1
                return {sample_id(doc, view): cached.get(view, none) for view in views}
        tokens = sample_tokens(
            {doc: raw},
            [(doc, view) for view in views],
            settings=self._settings,
            documents=self._documents,
        )
        return {k: TokenIds.of(v) for k, v in tokens.items()} if self._encoded else tokens

    def __iter__(self) -> Iterator[str]:
        return iter(self._samples)

    def __len__(self) -> int:
        return len(self._samples)
