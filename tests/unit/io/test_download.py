import csv
import hashlib
import json
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wordprint.io.download import (
    ChecksumMismatchError,
    DownloadError,
    FetchResult,
    fetch_gutenberg,
    read_lock,
    source_url,
    write_lock,
)

TEXT = (b"*** START OF THE PROJECT GUTENBERG EBOOK X ***\r\n\r\nCall me Ishmael.\r\n" * 20
        + b"*** END OF THE PROJECT GUTENBERG EBOOK X ***\r\n")
FAST = {"retries": 2, "backoff": 0.001, "timeout": 5.0}


class _Handler(BaseHTTPRequestHandler):
    """Serves ``server.routes``: path -> (status, body, mode); mode "cut" sends half the body."""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.server.requests.append(self.path)
        status, body, mode = self.server.routes.get(self.path, (404, b"not found", "full"))
        if mode == "flaky" and self.server.requests.count(self.path) == 1:
            status, body = 503, b"busy"
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body) * (2 if mode == "cut" else 1)))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True  # with "cut", the client sees the connection drop

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.routes, httpd.requests = {}, []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def _base(httpd) -> str:
    return f"http://127.0.0.1:{httpd.server_port}/"


def _cache_files(cache_dir: Path) -> list[str]:
    folder = cache_dir / "gutenberg"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_source_url_layout(tmp_path):
    assert source_url(18) == "https://www.gutenberg.org/cache/epub/18/pg18.txt"
    assert source_url(7, "http://m.example/pg/") == "http://m.example/pg/cache/epub/7/pg7.txt"
    assert source_url(7, "file:///srv/mirror") == "file:///srv/mirror/cache/epub/7/pg7.txt"
    assert source_url(7, str(tmp_path)) == (tmp_path / "cache/epub/7/pg7.txt").as_uri()


def test_download_then_cache_hit_makes_no_request(server, tmp_path):
    server.routes["/cache/epub/18/pg18.txt"] = (200, TEXT, "full")
    result = fetch_gutenberg(18, base=_base(server), cache_dir=tmp_path, **FAST)
    assert isinstance(result, FetchResult)
    assert result.path == tmp_path / "gutenberg" / "pg18.txt"
    assert result.path.read_bytes() == TEXT
    assert result.sha256 == hashlib.sha256(TEXT).hexdigest() and result.size == len(TEXT)
    assert result.url == _base(server) + "cache/epub/18/pg18.txt"
    assert result.from_cache is False
    assert result.lock == {"18": {"sha256": result.sha256, "url": result.url}}
    again = fetch_gutenberg(18, base=_base(server), cache_dir=tmp_path, lock=result.lock, **FAST)
    assert again.from_cache is True and again.sha256 == result.sha256
    assert server.requests == ["/cache/epub/18/pg18.txt"]  # one request in all
    assert _cache_files(tmp_path) == ["pg18.txt"]


def test_transient_error_is_retried(server, tmp_path):
    server.routes["/cache/epub/5/pg5.txt"] = (200, TEXT, "flaky")  # 503 first, then the text
    result = fetch_gutenberg(5, base=_base(server), cache_dir=tmp_path, **FAST)
    assert result.path.read_bytes() == TEXT
    assert len(server.requests) == 2


def test_cut_connection_fails_after_retries_and_leaves_no_file(server, tmp_path):
    server.routes["/cache/epub/18/pg18.txt"] = (200, TEXT, "cut")
    with pytest.raises(DownloadError) as err:
        fetch_gutenberg(18, base=_base(server), cache_dir=tmp_path, **FAST)
    message = str(err.value)
    assert "book 18" in message and _base(server) + "cache/epub/18/pg18.txt" in message
    assert "after 3 attempts" in message and "IncompleteRead" in message
    assert len(server.requests) == 3  # the first try and 2 retries
    assert _cache_files(tmp_path) == []  # no partial or temporary file


def test_404_fails_at_once(server, tmp_path):
    with pytest.raises(DownloadError, match=r"book 99999 was not found at .*HTTP 404"):
        fetch_gutenberg(99999, base=_base(server), cache_dir=tmp_path, **FAST)
    assert len(server.requests) == 1
    assert _cache_files(tmp_path) == []


def test_html_page_with_status_200_is_refused(server, tmp_path):
    page = b"\n<!DOCTYPE html>\n<html><body>Too many requests</body></html>"
    server.routes["/cache/epub/18/pg18.txt"] = (200, page, "full")
    with pytest.raises(DownloadError, match="HTML page"):
        fetch_gutenberg(18, base=_base(server), cache_dir=tmp_path, **FAST)
    assert _cache_files(tmp_path) == []


def test_text_larger_than_max_bytes_is_refused(server, tmp_path):
    server.routes["/cache/epub/18/pg18.txt"] = (200, TEXT, "full")
    with pytest.raises(DownloadError, match="max_bytes"):
        fetch_gutenberg(18, base=_base(server), cache_dir=tmp_path, max_bytes=100, **FAST)
    assert len(server.requests) == 1 and _cache_files(tmp_path) == []


def test_checksum_mismatch_against_the_lock(server, tmp_path):
    server.routes["/cache/epub/18/pg18.txt"] = (200, TEXT, "full")
    old = "0" * 64
    lock = {"18": {"sha256": old, "url": "https://www.gutenberg.org/cache/epub/18/pg18.txt"}}
    with pytest.raises(ChecksumMismatchError) as err:
        fetch_gutenberg(18, base=_base(server), cache_dir=tmp_path, lock=lock, **FAST)
    message = str(err.value)
    new = hashlib.sha256(TEXT).hexdigest()
    assert "book 18" in message and _base(server) in message
    assert old in message and new in message
    assert "delete the lock entry for book 18" in message
    assert _cache_files(tmp_path) == []  # the refused text is not cached
    assert lock["18"]["sha256"] == old  # the caller's lock is untouched
    # The documented fix: drop the entry, and the new text is accepted and pinned.
    result = fetch_gutenberg(18, base=_base(server), cache_dir=tmp_path, lock={}, **FAST)
    assert result.lock["18"]["sha256"] == new


def test_cached_file_that_differs_from_the_lock_is_reported(tmp_path):
    cached = tmp_path / "gutenberg" / "pg18.txt"
    cached.parent.mkdir()
    cached.write_bytes(b"edited by hand")
    lock = {"18": {"sha256": hashlib.sha256(TEXT).hexdigest(), "url": "u"}}
    with pytest.raises(ChecksumMismatchError, match="Delete the cached file"):
        fetch_gutenberg(18, base="http://127.0.0.1:9/", cache_dir=tmp_path, lock=lock, **FAST)


def _catalog_sha(mirror: Path, book: int) -> str:
    with open(mirror / "catalog.csv", newline="", encoding="utf-8") as fh:
        return next(r["sha256"] for r in csv.DictReader(fh) if r["gutenberg_id"] == str(book))


@pytest.mark.parametrize("as_url", [True, False])
def test_local_mirror_as_file_url_or_folder(shared, tmp_path, as_url):
    mirror = shared / "corpora" / "gutenberg"
    base = mirror.as_uri() if as_url else str(mirror)
    result = fetch_gutenberg(35232, base=base, cache_dir=tmp_path, **FAST)
    # The mirror's catalog records the SHA-256 of each file's bytes.
    assert result.sha256 == _catalog_sha(mirror, 35232)
    assert result.path.read_bytes() == (mirror / "cache/epub/35232/pg35232.txt").read_bytes()
    # The URL names the mirror's file (symbolic links in the path may or may not be resolved).
    named = Path(urllib.parse.urlparse(result.url).path)
    assert named.resolve() == (mirror / "cache/epub/35232/pg35232.txt").resolve()
    with pytest.raises(DownloadError, match="not in the local mirror"):
        fetch_gutenberg(999999, base=base, cache_dir=tmp_path, **FAST)


def test_lock_round_trip(tmp_path):
    path = tmp_path / "sub" / "gutenberg.lock.json"
    assert read_lock(path) == {}
    lock = {"61": {"sha256": "b" * 64, "url": "u61"}, 18: {"sha256": "a" * 64, "url": "u18"}}
    write_lock(path, lock)
    text = path.read_text(encoding="utf-8")
    assert list(json.loads(text)) == ["18", "61"]  # sorted keys, stringified
    assert read_lock(path) == {"18": {"sha256": "a" * 64, "url": "u18"},
                               "61": {"sha256": "b" * 64, "url": "u61"}}
    assert sorted(p.name for p in path.parent.iterdir()) == ["gutenberg.lock.json"]
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DownloadError, match="not valid JSON"):
        read_lock(path)
    path.write_text('{"18": "abc"}', encoding="utf-8")
    with pytest.raises(DownloadError, match="must map each book number"):
        read_lock(path)


@pytest.mark.parametrize("kwargs, name", [
    ({"book": 0}, "book"),
    ({"book": "18"}, "book"),
    ({"book": True}, "book"),
    ({"base": "ftp://mirror.example/"}, "base"),
    ({"retries": -1}, "retries"),
    ({"backoff": -0.5}, "backoff"),
    ({"max_bytes": 0}, "max_bytes"),
])
def test_bad_arguments_are_named(tmp_path, kwargs, name):
    args = {"book": 18, "base": "http://127.0.0.1:9/", **kwargs}
    with pytest.raises(ValueError, match=name):
        fetch_gutenberg(args.pop("book"), cache_dir=tmp_path, **args)


def test_refused_connection_fails_after_retries(tmp_path):
    with socket.socket() as sock:  # a port that nothing listens on once the socket is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(DownloadError, match=r"book 18 from http://127\.0\.0\.1:\d+/cache/epub/18/"
                                            r"pg18\.txt after 3 attempts"):
        fetch_gutenberg(18, base=f"http://127.0.0.1:{port}/", cache_dir=tmp_path, **FAST)
    assert _cache_files(tmp_path) == []

