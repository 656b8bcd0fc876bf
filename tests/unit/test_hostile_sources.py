"""Hostile sources, downloads and caches (issue #20), the cases a function settles: one test per
case, each asserting the message.

HTML error pages and cut-off or trickling downloads are never pinned; texts in another script's
legacy encoding are refused, not read as gibberish; a cache entry is used only for the content
and settings it was written for, and a damaged one is built again; a full disk is one line. The
cases a workflow run shows are in tests/workflow/test_hostile_sources.py; docs/guide/bad-input.md
("Guarantees: sources, downloads and caches") lists them all.
"""

import codecs
import errno
import gzip
import os
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.support import PROFILE_SETTINGS
from wordprint.corpus.documents import Document
from wordprint.count.profile import DocumentError, profile_document
from wordprint.io.catalog import CatalogError, parse_catalog
from wordprint.io.download import DownloadError, fetch_gutenberg
from wordprint.io.files import write_json_array
from wordprint.io.profiles import CorruptFileError, profile_shard, read_profiles
from wordprint.io.tokens import StreamedTokens, token_cache_path
from wordprint.text.decode import DecodeError, decode_text, file_kind, normalise
from wordprint.workflow import step

SETTINGS = {**PROFILE_SETTINGS, "views": ["full", "own"]}
HEADER = "id,author,title,year,group,source\n"
START = b"*** START OF THE PROJECT GUTENBERG EBOOK X ***\r\n\r\n"
END = b"*** END OF THE PROJECT GUTENBERG EBOOK X ***\r\n"
BOOK = START + b"Call me Ishmael. Some years ago, never mind how long.\r\n" * 40 + END
FAST = {"retries": 0, "backoff": 0.001, "timeout": 5.0}


# --- A local HTTP server: routes of path -> (body, mode) ---------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        body, mode = self.server.routes.get(self.path, (b"not found", "404"))
        self.send_response(404 if mode == "404" else 200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        if mode == "full":
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if mode == "trickle":  # 50 bytes at a time, a pause between, until the client leaves
            try:
                for i in range(0, len(body), 50):
                    self.wfile.write(body[i : i + 50])
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self.wfile.write(body)  # "close": no Content-Length, the end is the closed connection
        self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.routes = {}
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


def _nothing_cached(cache: Path) -> bool:
    folder = cache / "gutenberg"
    return not folder.exists() or not any(folder.iterdir())


# --- 1, 15: HTML pages, detected by their structure --------------------------------------------

HTML_PAGES = {
    "comment": b"<!-- served by nginx -->\n<html><head><title>503</title></head>"
               b"<body>Service unavailable</body></html>",
    "xml-declaration": b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//'
                       b'DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">'
                       b"<body>Rate limited</body></html>",
    "head": b"\xef\xbb\xbf  \r\n<head><meta charset='utf-8'><title>Login</title></head>"
            b"<body>Please log in</body>",
}


@pytest.mark.parametrize("start", list(HTML_PAGES))
def test_html_error_page_is_refused_and_not_pinned(server, tmp_path, start):
    server.routes["/cache/epub/7/pg7.txt"] = (HTML_PAGES[start], "full")
    with pytest.raises(DownloadError) as caught:
        fetch_gutenberg(7, base=_base(server), cache_dir=tmp_path, lock={}, **FAST)
    assert str(caught.value) == (
        f"{_base(server)}cache/epub/7/pg7.txt answered with an HTML page, not the plain text of "
        "Project Gutenberg book 7 (an error, rate-limit or login page served with status 200). "
        "Nothing was cached; try again later, or use another mirror or a local folder."
    )
    assert _nothing_cached(tmp_path)
    # The same page as a local file is refused when profiled, whatever comes before <html>.
    assert file_kind(HTML_PAGES[start]) == "an HTML page"
    with pytest.raises(DecodeError, match="^it is an HTML page, not plain text$"):
        decode_text(HTML_PAGES[start])


def test_text_beginning_with_an_html_tag_is_text():
    raw = b"<html> is a tag: it opens a web page, and every page must have one."
    assert file_kind(raw) is None
    assert decode_text(raw).text == raw.decode()


def test_tei_with_an_xml_declaration_is_not_html(tmp_path):
    from wordprint.io.download import _is_html

    tei = b'<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>' \
          b"<text><body><head>I</head><p>Words.</p></body></text></TEI>"
    assert not _is_html(tei)


# --- 2: a download cut off without Content-Length ----------------------------------------------


def test_cut_off_download_without_content_length_is_refused_and_not_pinned(server, tmp_path):
    cut = BOOK[: len(BOOK) // 2]
    server.routes["/cache/epub/7/pg7.txt"] = (cut, "close")
    with pytest.raises(DownloadError) as caught:
        fetch_gutenberg(7, base=_base(server), cache_dir=tmp_path, lock={}, **FAST)
    assert str(caught.value) == (
        f"the text of Project Gutenberg book 7 from {_base(server)}cache/epub/7/pg7.txt is "
        "incomplete: it has the '*** START OF' line but not the '*** END OF' line, so the "
        f"transfer was cut off ({len(cut):,} bytes received). Nothing was cached or pinned; try "
        "again, or use another mirror or a local folder with the whole text."
    )
    assert _nothing_cached(tmp_path)
    # The whole text, also without Content-Length, is accepted and pinned.
    server.routes["/cache/epub/7/pg7.txt"] = (BOOK, "close")
    result = fetch_gutenberg(7, base=_base(server), cache_dir=tmp_path, lock={}, **FAST)
    assert result.path.read_bytes() == BOOK and "7" in result.lock


def test_truncated_file_in_a_folder_mirror_is_refused(tmp_path):
    mirror = tmp_path / "mirror" / "cache" / "epub" / "7"
    mirror.mkdir(parents=True)
    (mirror / "pg7.txt").write_bytes(BOOK[:300])
    with pytest.raises(DownloadError, match=r"is incomplete: it has the '\*\*\* START OF' line"):
        fetch_gutenberg(7, base=str(tmp_path / "mirror"), cache_dir=tmp_path / "cache", lock={})
    assert _nothing_cached(tmp_path / "cache")


# --- 14: a server trickling bytes --------------------------------------------------------------


def test_trickling_server_is_given_up_at_the_deadline(server, tmp_path):
    server.routes["/cache/epub/7/pg7.txt"] = (BOOK, "trickle")  # 2,400 bytes: ~10 s
    started = time.monotonic()
    with pytest.raises(DownloadError) as caught:
        fetch_gutenberg(7, base=_base(server), cache_dir=tmp_path, lock={}, deadline=0.5,
                        **FAST)
    assert time.monotonic() - started < 3
    message = str(caught.value)
    assert message.startswith(
        f"gave up downloading Project Gutenberg book 7 from {_base(server)}cache/epub/7/pg7.txt: "
        "it took more than 0.5 s ("
    )
    assert message.endswith(
        "bytes received), so the server is too slow or stalling. Nothing was cached; try again "
        "later, use another mirror or a local folder, or raise 'download_deadline' in the config."
    )
    assert _nothing_cached(tmp_path)


# --- 3, 4: encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom_is_read_as_utf32(codec):
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    decoded = decode_text(bom + "Call me Ishmael, naïve.".encode(codec))
    assert (decoded.text, decoded.encoding) == ("Call me Ishmael, naïve.", "utf-32")
    assert decoded.warnings == ("not valid UTF-8: decoded as utf-32",)


@pytest.mark.parametrize("text, codec", [
    ("Война и мир. Ну, князь, Генуя и Лукка стали не больше.", "cp1251"),
    ("我们是朋友，这是一个很长的句子，用来测试编码。", "gbk"),
], ids=["cp1251", "gbk"])
def test_other_legacy_encoding_is_refused_naming_the_document(text, codec):
    with pytest.raises(DocumentError) as caught:
        profile_document(text.encode(codec), doc_id="tolstoy", settings=SETTINGS)
    message = str(caught.value)
    assert message.startswith("document 'tolstoy': cannot be read as text: it is not UTF-8, and ")
    assert message.endswith(
        "of its bytes are above 0x7f, more than its ASCII letters: it is in a legacy encoding of "
        "another script (such as Cyrillic windows-1251, Greek windows-1253 or Chinese GBK), "
        "which read as Windows-1252 would be gibberish. Save it as UTF-8. Save it as plain text "
        "(UTF-8) or fix its 'source' in the catalog."
    )
    # The same text in UTF-8 is read.
    assert decode_text(text.encode()).encoding == "utf-8"


def test_western_text_in_windows_1252_is_still_read():
    decoded = decode_text("Déjà vu: l'été à Paris, café crème, naïve élève.".encode("cp1252"))
    assert decoded.encoding == "cp1252"


def test_zero_width_characters_do_not_split_words():
    assert normalise("t\u200dhe w\u200cord\u2060s a\u200bnd\ufeffit") == "the words andit"
    profile = profile_document("T\u200dhe cat and t\u200dhe dog.".encode(), doc_id="d",
                               settings=SETTINGS)
    assert profile["views"]["full"]["counts"]["the"] == 2


def test_chinese_without_language_setting_is_warned_about():
    profile = profile_document("我们是朋友。这是一个很长的句子。".encode() * 3, doc_id="d",
                               settings=SETTINGS)
    assert profile["cleaning"]["warnings"] == [
        "most of its letters are Chinese or Japanese characters, which the word pattern cannot "
        "split into words: each clause would count as one word. Set the document's 'language' "
        "(catalog column or config) to zh or ja, or 'tokenizer.script: characters'"
    ]
    split = {**SETTINGS, "language": {"script": "characters"}}
    assert profile_document("我们是朋友。".encode() * 5, doc_id="d",
                            settings=split)["cleaning"]["warnings"] == []


# --- 5, 12: the caches -------------------------------------------------------------------------


def _documents(tmp_path: Path) -> tuple[list[Document], list[Path]]:
    texts = {"ames": "The river and the road. " * 30, "birch": "A letter by the window. " * 30}
    docs, paths = [], []
    for doc_id, text in texts.items():
        path = tmp_path / f"{doc_id}.txt"
        path.write_text(text, encoding="utf-8")
        docs.append(Document(doc_id, doc_id, doc_id, "1900", doc_id, path.name, "file", str(path)))
        paths.append(path)
    return docs, paths


def _entries(cache: Path, kind: str) -> list[Path]:
    return sorted((cache / kind).rglob("*.*"))


def test_cache_entry_under_another_documents_key_is_rebuilt(tmp_path, caplog):
    docs, paths = _documents(tmp_path)
    cache = tmp_path / "cache"
    fresh = list(profile_shard(docs, paths, settings=SETTINGS, cache_dir=cache))
    ames, birch = (next(p for p in _entries(cache, "profiles") if
                        gzip.decompress(p.read_bytes()).find(f'"sha256":"{f["sha256"]}"'.encode())
                        >= 0) for f in fresh)
    shutil.copyfile(ames, birch)  # birch's entry now holds ames's profile
    caplog.set_level("INFO")
    again = list(profile_shard(docs, paths, settings=SETTINGS, cache_dir=cache))
    assert again == fresh  # not two novels at distance 0
    assert f"the cache entry {birch} is not used (it was written for other content or " \
           "settings (key " in caplog.text
    assert caplog.text.count("is not used") == 1


def test_token_cache_entry_under_another_key_is_rebuilt(tmp_path, caplog):
    docs, paths = _documents(tmp_path)
    cache = tmp_path / "cache"
    list(profile_shard(docs, paths, settings=SETTINGS, cache_dir=cache))
    import hashlib

    own = [token_cache_path(cache, hashlib.sha256(p.read_bytes()).hexdigest(), SETTINGS)
           for p in paths]
    shutil.copyfile(own[0], own[1])
    tokens = StreamedTokens({d.id: p for d, p in zip(docs, paths)}, [("birch", "full")],
                            settings=SETTINGS, cache_dir=cache)
    assert tokens["birch"][:4] == ["a", "letter", "by", "the"]
    assert tokens.from_cache == 0
    assert f"the token cache entry {own[1]} is not used (it was written under another key" \
           in caplog.text


def test_truncated_profile_cache_entry_is_rebuilt(tmp_path, caplog):
    docs, paths = _documents(tmp_path)
    cache = tmp_path / "cache"
    fresh = list(profile_shard(docs, paths, settings=SETTINGS, cache_dir=cache))
    for entry in _entries(cache, "profiles"):
        entry.write_bytes(entry.read_bytes()[:40])
    again = list(profile_shard(docs, paths, settings=SETTINGS, cache_dir=cache))
    assert again == fresh
    assert caplog.text.count("is not used (it is damaged (") == 2
    # ... and written again whole: a third run serves both from the cache.
    caplog.clear()
    assert list(profile_shard(docs, paths, settings=SETTINGS, cache_dir=cache)) == fresh
    assert "is not used" not in caplog.text


def test_truncated_token_cache_entry_is_rebuilt(tmp_path, caplog):
    docs, paths = _documents(tmp_path)
    cache = tmp_path / "cache"
    list(profile_shard(docs, paths, settings=SETTINGS, cache_dir=cache))
    for entry in _entries(cache, "tokens"):
        entry.write_bytes(entry.read_bytes()[:100])
    tokens = StreamedTokens({d.id: p for d, p in zip(docs, paths)}, [("ames", "full")],
                            settings=SETTINGS, cache_dir=cache)
    assert tokens["ames"][:3] == ["the", "river", "and"]
    assert "is not used (it is damaged (" in caplog.text


def test_truncated_result_shard_names_the_file_and_the_fix(tmp_path):
    shard = tmp_path / "shard-0000.json.gz"
    write_json_array(shard, [{"id": "a"}, {"id": "b"}], compact=True)
    shard.write_bytes(shard.read_bytes()[:15])
    with pytest.raises(CorruptFileError) as caught:
        read_profiles([shard])
    assert str(caught.value).startswith(f"the result file {shard} is damaged (")
    assert str(caught.value).endswith(
        "probably cut off by a full disk or a crash. Delete it and rerun the workflow: it is "
        "made again."
    )
    assert isinstance(caught.value, DocumentError)  # one line on the console (workflow.step)


# --- 13: a full disk ---------------------------------------------------------------------------


def test_full_disk_is_one_line(tmp_path, monkeypatch, capsys):
    from wordprint.io import files

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    target = tmp_path / "out" / "table.json"

    def write():
        files.write_json(target, {"a": 1})

    with pytest.raises(SystemExit) as caught:
        step.run(write, log_path=str(tmp_path / "step.log"))
    assert caught.value.code == 1
    err = capsys.readouterr().err
    assert err == (
        "wordprint: the disk is full writing its output. Nothing half-written was kept; free "
        "some space (or move 'cache' and the results to a larger disk) and rerun.\n"
    )
    assert list((tmp_path / "out").iterdir()) == []  # no temporary file left behind


# --- 15: a folder or a pipe as a source --------------------------------------------------------


def test_folder_as_source_is_named(tmp_path):
    (tmp_path / "texts").mkdir()
    with pytest.raises(CatalogError) as caught:
        parse_catalog(HEADER + "a,A,T,1900,A,texts\n", folder=tmp_path)
    assert str(caught.value) == (
        f"catalog row 2 (id 'a'), column 'source': 'texts' is a folder, not a file "
        f"({tmp_path / 'texts'}). Point 'source' at one text file in it, with one catalog row "
        "per file."
    )


def test_fifo_as_source_is_named(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(CatalogError) as caught:
        parse_catalog(HEADER + "a,A,T,1900,A,pipe.txt\n", folder=tmp_path)
    assert str(caught.value) == (
        f"catalog row 2 (id 'a'), column 'source': 'pipe.txt' is not a regular file (a pipe, "
        f"socket or device: {tmp_path / 'pipe.txt'}). Save the text as a file and point "
        "'source' at that file."
    )


# --- Resource limit: the size of a document ----------------------------------------------------


def test_document_over_the_size_limit_is_refused_in_the_catalog(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"words " * 100)
    with pytest.raises(CatalogError) as caught:
        parse_catalog(HEADER + "big,A,T,1900,A,big.txt\n", folder=tmp_path, max_bytes=500)
    assert str(caught.value) == (
        "catalog row 2 (id 'big'), column 'source': the file 'big.txt' has 600 bytes, more than "
        "the limit of 500 (config 'max_document_bytes'). Split it into several documents, or "
        "raise 'max_document_bytes' if it really is one text."
    )


def test_document_over_the_size_limit_is_refused_when_counted(tmp_path):
    docs, paths = _documents(tmp_path)
    with pytest.raises(DocumentError) as caught:
        list(profile_shard(docs, paths, settings=SETTINGS, cache_dir=tmp_path / "c",
                           max_bytes=100))
    assert str(caught.value) == (
        f"document 'ames': its text ({paths[0]}) has 720 bytes, more than the limit of 100 "
        "(config 'max_document_bytes'). Split it into several documents, or raise "
        "'max_document_bytes' if it really is one text."
    )
