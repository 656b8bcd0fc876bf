"""Fetch Project Gutenberg texts once, check them against a lock file, and cache them.

A book ``n`` is read from ``<base>/cache/epub/<n>/pg<n>.txt``, the layout of Project Gutenberg's
own plain-text cache, where ``base`` is the live site (``https://www.gutenberg.org/``), another
``http(s)://`` mirror, a ``file://`` URL or a plain folder (``../shared/corpora/gutenberg``).
The raw bytes are stored as ``<cache_dir>/gutenberg/pg<n>.txt`` and never fetched again while
that file exists. A lock mapping (book -> ``{"sha256", "url"}``) pins each text: a fresh copy
whose SHA-256 differs from the lock is refused, so an edition changed upstream cannot slip into
an analysis unnoticed.

Only the standard library is used (``urllib``). Writes are atomic (temporary file in the same
folder, then ``os.replace``): an interrupted download leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import http.client
import json
import re
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

from wordprint import __version__
from wordprint.io.files import atomic_write_bytes
from wordprint.text.decode import looks_like_html
from wordprint.text.tei import is_tei

DEFAULT_BASE = "https://www.gutenberg.org/"
DEFAULT_MAX_BYTES = 50_000_000  # the largest Gutenberg plain texts are around 10 MB
DEFAULT_DEADLINE = 600.0  # seconds for a whole download, retries included
USER_AGENT = f"wordprint/{__version__} (corpus download, one request per book)"
# HTTP statuses worth another try: timeouts, rate limits and server errors.
_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


class DownloadError(RuntimeError):
    """A text could not be fetched or was refused; the message names the book, URL and fix."""


class ChecksumMismatchError(DownloadError):
    """A text whose SHA-256 differs from the one recorded in the lock."""


@dataclass(frozen=True)
class FetchResult:
    """One fetched (or cached) book.

    ``lock`` is the caller's lock with this book's entry added or refreshed; the caller keeps it
    and writes it with :func:`write_lock`.
    """

    book: int
    path: Path
    url: str
    sha256: str
    size: int
    from_cache: bool
    lock: dict[str, dict[str, str]] = field(default_factory=dict)


def book_path(book: int) -> str:
    """Path of a book's plain text relative to a mirror base."""
    return f"cache/epub/{book}/pg{book}.txt"


def _base_kind(base: str) -> str:
    scheme = urlparse(base).scheme.lower()
    if scheme in ("http", "https"):
        return "http"
    if scheme == "file":
        return "file"
    if scheme == "" or len(scheme) == 1:  # a path, possibly with a Windows drive letter
        return "folder"
    raise ValueError(
        f"base must be an http:// or https:// URL, a file:// URL or a folder path, not {base!r}"
    )


def source_url(book: int, base: str = DEFAULT_BASE) -> str:
    """The URL a book is read from (a ``file://`` URL for a folder base).

    Examples
    --------
    >>> source_url(18)
    'https://www.gutenberg.org/cache/epub/18/pg18.txt'
    >>> source_url(18, "http://mirror.example/gutenberg")
    'http://mirror.example/gutenberg/cache/epub/18/pg18.txt'
    """
    if _base_kind(base) == "folder":
        return (Path(base).expanduser().resolve() / book_path(book)).as_uri()
    return urljoin(base if base.endswith("/") else base + "/", book_path(book))


def _check_args(book, base, retries, backoff, max_bytes, timeout) -> None:
    if isinstance(book, bool) or not isinstance(book, int) or book < 1:
        raise ValueError(
            f"book must be a positive integer (a Project Gutenberg number), not {book!r}"
        )
    if not isinstance(base, str) or not base:
        raise ValueError(f"base must be a non-empty URL or folder path, not {base!r}")
    _base_kind(base)
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise ValueError(f"retries must be an integer >= 0, not {retries!r}")
    for name, value in (("backoff", backoff), ("timeout", timeout)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError(f"{name} must be a number of seconds >= 0, not {value!r}")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ValueError(f"max_bytes must be a positive integer, not {max_bytes!r}")


def _too_large(book: int, url: str, size: int, max_bytes: int) -> DownloadError:
    return DownloadError(
        f"refused Project Gutenberg book {book} from {url}: it has more than {max_bytes:,} bytes "
        f"({size:,} so far). Pass a larger max_bytes if this text really is that long."
    )


def _past_deadline(book: int, url: str, deadline: float, total: int) -> DownloadError:
    return DownloadError(
        f"gave up downloading Project Gutenberg book {book} from {url}: it took more than "
        f"{deadline:g} s ({total:,} bytes received), so the server is too slow or stalling. "
        "Nothing was cached; try again later, use another mirror or a local folder, or raise "
        "'download_deadline' in the config."
    )


def _read_http(book: int, url: str, *, max_bytes: int, timeout: float,
               ends: float | None = None, deadline: float = 0.0) -> bytes:
    if ends is not None:
        timeout = max(0.01, min(timeout, ends - time.monotonic()))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        declared = response.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            raise _too_large(book, url, int(declared), max_bytes)
        chunks, total = [], 0
        # read1 returns what has arrived: a server trickling bytes cannot hold a read past
        # the deadline (read(n) waits for n bytes).
        while chunk := response.read1(1 << 16):
            total += len(chunk)
            if total > max_bytes:
                raise _too_large(book, url, total, max_bytes)
            chunks.append(chunk)
            if ends is not None and time.monotonic() > ends:
                raise _past_deadline(book, url, deadline, total)
    data = b"".join(chunks)
    # urllib returns a short body without complaint when the connection drops.
    if declared is not None and declared.isdigit() and len(data) != int(declared):
        raise http.client.IncompleteRead(data, int(declared) - len(data))
    return data


def _read_local(book: int, url: str, *, max_bytes: int) -> bytes:
    path = Path(urllib.request.url2pathname(urlparse(url).path))
    if not path.is_file():
        raise DownloadError(
            f"Project Gutenberg book {book} is not in the local mirror: {path} does not exist. "
            "Check the book number, and that the mirror folder holds cache/epub/<n>/pg<n>.txt."
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise _too_large(book, url, size, max_bytes)
    return path.read_bytes()


def _download(book: int, url: str, *, retries: int, backoff: float, max_bytes: int,
              timeout: float, deadline: float = DEFAULT_DEADLINE) -> bytes:
    """The bytes at ``url``, retrying transient network failures with exponential backoff,
    all within ``deadline`` seconds."""
    if url.startswith("file:"):
        return _read_local(book, url, max_bytes=max_bytes)
    ends = time.monotonic() + deadline
    last: Exception | None = None
    for attempt in range(retries + 1):
        if attempt:
            pause = backoff * 2 ** (attempt - 1)
            if time.monotonic() + pause > ends:
                raise _past_deadline(book, url, deadline, 0) from last
            time.sleep(pause)
        try:
            return _read_http(book, url, max_bytes=max_bytes, timeout=timeout, ends=ends,
                              deadline=deadline)
        except urllib.error.HTTPError as err:
            if err.code == 404:
                raise DownloadError(
                    f"Project Gutenberg book {book} was not found at {url} (HTTP 404). Check the "
                    "book number in the catalog, and that the base is a mirror laid out as "
                    "cache/epub/<n>/pg<n>.txt."
                ) from err
            if err.code not in _RETRY_STATUS:
                raise DownloadError(
                    f"could not download Project Gutenberg book {book} from {url}: HTTP "
                    f"{err.code} {err.reason}."
                ) from err
            last = err
        except (OSError, http.client.HTTPException) as err:  # URLError, resets, timeouts
            last = err
    raise DownloadError(
        f"could not download Project Gutenberg book {book} from {url} after {retries + 1} "
        f"attempts ({type(last).__name__}: {last}). Check the network connection, or point "
        "base at a reachable mirror or a local folder with the same layout."
    ) from last


def _is_html(data: bytes) -> bool:
    return not is_tei(data[:2000]) and looks_like_html(data[:4096])


# The line that ends a Project Gutenberg text (wordprint.text.gutenberg's end markers).
_START = re.compile(rb"^[ \t]*\*+[ \t]*START\s+OF\s+(?:THE\s+|THIS\s+)?(?:COPYRIGHTED\s+)?"
                    rb"PROJECT\s+GUTENBERG", re.IGNORECASE | re.MULTILINE)
_END = re.compile(rb"^[ \t]*\**[ \t]*END\s+OF\s+(?:THE\s+|THIS\s+)?(?:COPYRIGHTED\s+)?"
                  rb"PROJECT\s+GUTENBERG", re.IGNORECASE | re.MULTILINE)


def _is_cut_off(data: bytes) -> bool:
    """A Project Gutenberg text (it has the "*** START OF" line) without its "*** END OF"
    line: the transfer stopped early (a server closing the connection without a
    Content-Length, a mirror holding a partial file)."""
    return _START.search(data) is not None and _END.search(data) is None


def _entry(lock: dict | None, book: int) -> dict | None:
    if not lock:
        return None
    return lock.get(str(book)) or lock.get(book)  # type: ignore[call-overload]


def fetch_gutenberg(
    book: int,
    *,
    base: str = DEFAULT_BASE,
    cache_dir: str | Path,
    lock: dict | None = None,
    retries: int = 3,
    backoff: float = 1.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 60.0,
    deadline: float = DEFAULT_DEADLINE,
) -> FetchResult:
    """Fetch Project Gutenberg book ``book`` into the cache, or serve it from there.

    Parameters
    ----------
    book : int
        The Project Gutenberg number.
    base : str
        An ``http(s)://`` or ``file://`` URL, or a folder, laid out as ``cache/epub/<n>/pg<n>.txt``.
    cache_dir : str or Path
        The text is cached as ``cache_dir/gutenberg/pg<n>.txt``; when present, nothing is fetched.
    lock : dict, optional
        Book (as a string) -> ``{"sha256": ..., "url": ...}``. A text whose SHA-256 differs from
        its entry raises :class:`ChecksumMismatchError` and is not cached. Not modified; the
        updated copy is ``FetchResult.lock``.
    retries : int
        Further attempts after a failed HTTP download (connection errors, cut transfers,
        timeouts, HTTP 408/429/5xx), waiting ``backoff * 2**k`` seconds before the k-th.
        A 404, an HTML page or an oversized text fails at once.
    backoff : float
        Seconds before the first retry.
    max_bytes : int
        Larger texts are refused.
    timeout : float
        Seconds to wait on the network for each attempt.
    deadline : float
        Seconds for the whole download, retries included: a server that trickles its bytes
        is given up after this long (:class:`DownloadError`).

    Returns
    -------
    FetchResult
        ``path``, ``url``, ``sha256`` and ``size`` of the raw bytes, ``from_cache``, ``lock``.

    Raises
    ------
    DownloadError
        The text could not be fetched, or was refused (HTML page, too large, not in the mirror,
        cut off before its "*** END OF" line, slower than ``deadline``).
    ChecksumMismatchError
        The text differs from the one pinned in the lock.

    Examples
    --------
    >>> lock = read_lock("resources/gutenberg.lock.json")  # doctest: +SKIP
    >>> result = fetch_gutenberg(61, cache_dir="resources", lock=lock)  # doctest: +SKIP
    >>> write_lock("resources/gutenberg.lock.json", result.lock)  # doctest: +SKIP
    """
    _check_args(book, base, retries, backoff, max_bytes, timeout)
    if isinstance(deadline, bool) or not isinstance(deadline, (int, float)) or deadline <= 0:
        raise ValueError(f"deadline must be a number of seconds > 0, not {deadline!r}")
    url = source_url(book, base)
    target = Path(cache_dir) / "gutenberg" / f"pg{book}.txt"
    pinned = _entry(lock, book)

    if target.is_file():
        data = target.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if pinned and pinned.get("sha256") != digest:
            raise ChecksumMismatchError(
                f"the cached text of Project Gutenberg book {book} ({target}) has SHA-256 "
                f"{digest}, but the lock records {pinned.get('sha256')} (from "
                f"{pinned.get('url')}). Delete the cached file to fetch the text again, or delete "
                f"the lock entry for book {book} to accept the cached text."
            )
        url = pinned.get("url", url) if pinned else url
        from_cache = True
    else:
        data = _download(book, url, retries=retries, backoff=backoff, max_bytes=max_bytes,
                         timeout=timeout, deadline=deadline)
        if _is_cut_off(data):
            raise DownloadError(
                f"the text of Project Gutenberg book {book} from {url} is incomplete: it has the "
                "'*** START OF' line but not the '*** END OF' line, so the transfer was cut off "
                f"({len(data):,} bytes received). Nothing was cached or pinned; try again, or "
                "use another mirror or a local folder with the whole text."
            )
        if _is_html(data):
            raise DownloadError(
                f"{url} answered with an HTML page, not the plain text of Project Gutenberg book "
                f"{book} (an error, rate-limit or login page served with status 200). Nothing "
                "was cached; try again later, or use another mirror or a local folder."
            )
        digest = hashlib.sha256(data).hexdigest()
        if pinned and pinned.get("sha256") != digest:
            raise ChecksumMismatchError(
                f"Project Gutenberg book {book} downloaded from {url} has SHA-256 {digest}, but "
                f"the lock records {pinned.get('sha256')} (from {pinned.get('url')}): the text "
                "has changed at its source or the mirror serves another edition. Nothing was "
                f"cached. To accept the new text, delete the lock entry for book {book}; to keep "
                "the pinned one, use a mirror that still serves it."
            )
        atomic_write_bytes(target, data)
        from_cache = False

    updated = {str(k): dict(v) for k, v in (lock or {}).items()}
    # A pinned entry stays as it was: fetching the same bytes from a mirror changes nothing.
    updated.setdefault(str(book), {"sha256": digest, "url": url})
    return FetchResult(book=book, path=target, url=url, sha256=digest, size=len(data),
                       from_cache=from_cache, lock=updated)


def read_lock(path: str | Path) -> dict[str, dict[str, str]]:
    """The lock mapping stored at ``path`` (JSON); an empty one when the file does not exist."""
    path = Path(path)
    if not path.is_file():
        return {}
    try:
        lock = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise DownloadError(f"the lock file {path} is not valid JSON ({err}); fix it or delete it "
                         "(the texts will then be pinned again)") from err
    ok = isinstance(lock, dict) and all(
        isinstance(v, dict) and isinstance(v.get("sha256"), str) and isinstance(v.get("url"), str)
        for v in lock.values()
    )
    if not ok:
        raise DownloadError(f"the lock file {path} must map each book number to "
                         '{"sha256": ..., "url": ...}; fix it or delete it')
    return lock


def write_lock(path: str | Path, lock: dict) -> None:
    """Write the lock mapping as JSON with sorted keys, atomically."""
    data = {str(k): {"sha256": v["sha256"], "url": v["url"]} for k, v in lock.items()}
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def locked_lock(path: str | Path) -> Iterator[dict]:
    """Read the lock, let the caller update it, write it back; one process at a time.

    Parallel download jobs share one lock file, so its read-modify-write is serialised with an
    advisory ``flock`` on a guard file in the temporary folder (nothing is left beside the
    catalog).
    """
    path = Path(path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"wordprint-lock-{key}.flock", "w") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)
        lock = read_lock(path)
        before = json.dumps(lock, sort_keys=True)
        yield lock
        if json.dumps(lock, sort_keys=True) != before:
            write_lock(path, lock)
