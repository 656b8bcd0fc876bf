"""Hostile and broken inputs, the cases a function settles: one test per case, each asserting
the exact outcome.

Each case either stops with one message naming the document or key and the fix, or ends in a
documented recovery or degenerate result. The cases only a workflow run shows (the message on
the console of a real `snakemake` run, results left intact) are in
tests/workflow/test_hostile_inputs.py; docs/guide/bad-input.md lists them all. Cases covered
elsewhere: download failures in tests/unit/io/test_download.py, an empty comparison group at the
workflow level in tests/workflow/test_workflow.py, a SIGKILL mid-run in
tests/workflow/test_crash_safety.py, markup in the report in tests/workflow/test_report_safety.py.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import PROFILE_SETTINGS, REPO, zip_bytes
from tests.support import federalist_paper as paper
from wordprint.compare.sides import ComparisonError, resolve_comparisons
from wordprint.count.profile import DocumentError, profile_document
from wordprint.io.catalog import CatalogError, read_catalog
from wordprint.text import quotes, tokenize
from wordprint.text.decode import decode_text

SETTINGS = {**PROFILE_SETTINGS, "views": ["full", "own"]}
HEADER = "id,author,title,year,group,source\n"


# --- Encodings ---------------------------------------------------------------------------------


def test_latin1_is_read_as_windows_1252_and_reported():
    profile = profile_document("Ça coûte déjà cher.".encode("latin-1"), doc_id="d",
                               settings=SETTINGS)
    assert list(profile["views"]["full"]["counts"]) == ["cher", "coûte", "déjà", "ça"]
    assert profile["cleaning"]["encoding"] == "cp1252"
    assert profile["cleaning"]["warnings"] == ["not valid UTF-8: decoded as cp1252"]


def test_invalid_utf8_bytes_are_reported_with_their_place():
    # A stray byte and a multibyte sequence cut short, in an otherwise UTF-8 text.
    raw = "déjà vu ".encode() + b"\xff and \xc3 end"
    decoded = decode_text(raw)
    assert decoded.text == "déjà vu ÿ and Ã end"
    assert decoded.warnings[0].startswith("mixed encodings: 2 byte(s) are not UTF-8 (the first at "
                                          "byte 10)")


def test_nul_bytes_are_refused():
    with pytest.raises(DocumentError) as err:
        profile_document(b"Some text\x00\x00 with NUL bytes.", doc_id="nul", settings=SETTINGS)
    assert str(err.value) == (
        "document 'nul': cannot be read as text: it contains NUL bytes (the first at byte 9), so "
        "it is a binary file rather than plain text (or UTF-16 without a byte-order mark). Save "
        "it as plain text (UTF-8) or fix its 'source' in the catalog."
    )


# --- Shapes ------------------------------------------------------------------------------------


def test_one_50_mb_line():
    """A 50 MB document without a line break is profiled like any other.

    Each 1,000-byte unit has 10 words, 4 of them in a quotation; numbers are not words. (The
    cost of 50 MB of prose on one line, about 1.5 minutes and 1.5 GB, is in the README.)
    """
    head, tail = "Smith and Jones wrote \u201cthe long word ", "\u201d at last, 1999; and "
    filler = "x" * (1000 - len(head.encode()) - len(tail.encode()))
    raw = ((head + filler + tail) * 50_000).encode()
    assert len(raw) == 50_000_000 and b"\n" not in raw
    profile = profile_document(raw, doc_id="line", settings=SETTINGS)
    full, own = profile["views"]["full"], profile["views"]["own"]
    assert full["tokens"] == 550_000 and own["tokens"] == 350_000
    assert own["counts"] == {"and": 100_000, **{w: 50_000 for w in ("at", "jones", "last",
                                                                    "smith", "wrote")}}
    assert profile["cleaning"]["quotations"]["quoted_spans"] == 50_000
    assert profile["cleaning"]["warnings"] == []


def test_no_wall_clock_limit_on_the_named_patterns_and_punkt(monkeypatch, shared):
    """nltk bounds every regular expression by a wall-clock limit (5 s): a document of about
    10 MB failed, or not, depending on the machine. With the limit next to nothing, the named
    patterns and Punkt give the same results; a pattern from the config keeps the limit."""
    redos = pytest.importorskip("nltk.redos")
    text = "\n\n".join(paper(shared, n) for n in (10, 14, 15, 51))
    expected = tokenize.words(text), tokenize.sentence_lengths(text)
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 1e-9)
    assert (tokenize.words(text), tokenize.sentence_lengths(text)) == expected
    with pytest.raises(DocumentError) as err:
        profile_document(text.encode(), doc_id="d", settings={**SETTINGS, "pattern": r"\w+"})
    assert str(err.value) == (
        f"document 'd': the config's tokenizer pattern '\\\\w+' ran into nltk's time limit on "
        f"this text ({len(text):,} characters): it may backtrack catastrophically. Simplify it, "
        "or use 'words' or 'letters'."
    )


def test_quotation_splitter_stays_linear(monkeypatch):
    """Stray quotation marks and many notes headings on one line cost one pass each."""
    calls = {"line": 0, "paragraphs": 0}
    line, paragraphs = quotes._line, quotes._paragraphs

    def counted(name, function):
        def wrapper(*args):
            calls[name] += 1
            return function(*args)
        return wrapper

    monkeypatch.setattr(quotes, "_line", counted("line", line))
    monkeypatch.setattr(quotes, "_paragraphs", counted("paragraphs", paragraphs))
    split = quotes.split_quotations("\u201cword " * 100_000)  # 100,000 quotations never closed
    assert calls["line"] == 20  # one per warning shown, not one per mark
    assert split.report["warnings"][-1] == "... and 99980 more"
    calls.update(line=0, paragraphs=0)
    # 3,000 "Notes" headings; only the third last is followed by mostly (3 of 5) numbered notes.
    block = "Notes\n\n1. A note.\n\n"
    split = quotes.split_quotations("Prose words.\n\n" * 3000 + block * 3000)
    assert calls["paragraphs"] == 4  # quote style (2), notes, quotations: not one per heading
    assert split.report["removed"]["notes_section"]["chars"] == len(block * 3)


@pytest.mark.parametrize("raw", [b"1 2 3 1788 2024\n42", b"!!! ... ??? -- ;; ** ()"],
                         ids=["numbers", "punctuation"])
def test_all_numbers_or_all_punctuation_is_refused(raw):
    with pytest.raises(DocumentError) as err:
        profile_document(raw, doc_id="signs", settings=SETTINGS)
    assert str(err.value) == (
        "document 'signs': its text has no words after cleaning (empty, whitespace, numbers or "
        "punctuation only). Check the file or remove its row."
    )


# --- Catalog -----------------------------------------------------------------------------------


def catalog_at(tmp_path: Path, text: str, *, encoding: str = "utf-8") -> Path:
    (tmp_path / "texts").mkdir(exist_ok=True)
    (tmp_path / "texts" / "a.txt").write_text("Some words of a text.", encoding="utf-8")
    path = tmp_path / "catalog.csv"
    path.write_bytes(text.encode(encoding))
    return path


def refused(tmp_path: Path, text: str) -> str:
    with pytest.raises(CatalogError) as err:
        read_catalog(catalog_at(tmp_path, text))
    return str(err.value)


@pytest.mark.parametrize("second, message", [
    ("a", "catalog row 3, column 'id': 'a' repeats row 2. Ids must be unique: rename one of "
          "them."),
    ("A", "catalog row 3, column 'id': 'A' differs from 'a' (row 2) only in upper and lower "
          "case, which file names on Windows and macOS do not tell apart. Rename one of them."),
], ids=["same", "case-only"])
def test_duplicate_ids(tmp_path, second, message):
    assert refused(tmp_path, HEADER + "a,A,T,1,g,texts/a.txt\n" + second + ",B,T,1,g,texts/a.txt\n"
                   ) == message


@pytest.mark.parametrize("doc_id", ["a/b", "..", "a..b", "has space", "caf\u00e9", ".hidden"],
                         ids=["slash", "dotdot", "inner-dotdot", "space", "non-ascii", "dot"])
def test_unsafe_ids(tmp_path, doc_id):
    assert refused(tmp_path, HEADER + f"{doc_id},A,T,1,g,texts/a.txt\n") == (
        f"catalog row 2, column 'id': {doc_id!r} is not a safe document id. Use letters, digits, "
        "'.', '_' and '-' only (no spaces, slashes or '..'), starting with a letter or digit."
    )


def test_missing_column(tmp_path):
    assert refused(tmp_path, "id,author,title,year,source\na,A,T,1,texts/a.txt\n") == (
        "the catalog lacks the column(s) group. Its header must contain id, author, title, year, "
        "group, source (found: id, author, title, year, source)."
    )


def test_extra_column_is_kept_as_a_label(tmp_path):
    path = catalog_at(tmp_path, "id,author,title,year,group,source,party\na,A,T,1,g,texts/a.txt,"
                                "Whig\n")
    assert read_catalog(path)[0].field("party") == "Whig"


def test_row_with_more_fields_than_the_header(tmp_path):
    # A title with a comma, not quoted: every later value would shift one column.
    assert refused(tmp_path, HEADER + "a,A,Title, with a comma,1,g,texts/a.txt\n") == (
        "catalog row 2 has 7 fields, but the header has 6: a value contains the delimiter ','. "
        "Put that value in double quotes."
    )


def test_repeated_column(tmp_path):
    assert refused(tmp_path, "id,author,title,year,group,source,author\na,A,T,1,g,texts/a.txt,B\n"
                   ) == ("the catalog's header names the column(s) author more than once. Rename "
                         "or remove the repeats.")


def test_unknown_source_kind(tmp_path):
    assert refused(tmp_path, HEADER + "a,A,T,1,g,ftp:server/a.txt\n") == (
        "catalog row 2 (id 'a'), column 'source': unknown source kind 'ftp' in 'ftp:server/a.txt'."
        " Known kinds: file, sotu, gutenberg (a plain relative path means a local file)."
    )


@pytest.mark.parametrize("source", ["../outside.txt", "texts/../../outside.txt",
                                    "{folder}/outside.txt", "file:../outside.txt"],
                         ids=["dotdot", "inner-dotdot", "absolute", "file-prefix"])
def test_source_outside_the_catalog_folder(tmp_path, source):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (tmp_path / "outside.txt").write_text("Words from elsewhere.", encoding="utf-8")
    source = source.format(folder=tmp_path)
    relative = source.removeprefix("file:")
    with pytest.raises(CatalogError) as err:
        read_catalog(catalog_at(folder, HEADER + f"a,A,T,1,g,{source}\n"))
    assert str(err.value) == (
        f"catalog row 2 (id 'a'), column 'source': {relative!r} is outside the catalog's folder "
        f"{folder.resolve()}. Move the file into that folder (e.g. texts/) and give its path from "
        "there, or set 'allow_outside_catalog: true' in the config to read files from anywhere."
    )
    allowed = read_catalog(catalog_at(folder, HEADER + f"a,A,T,1,g,{source}\n"), allow_outside=True)
    assert allowed[0].path == (tmp_path / "outside.txt").resolve()


@pytest.mark.parametrize("text, encoding", [
    ("\ufeffid;author;title;year;group;source\na;A;T;1;g;texts/a.txt\n", "utf-8"),
    ("id\tauthor\ttitle\tyear\tgroup\tsource\r\na\tA\tT\t1\tg\ttexts/a.txt\r\n", "utf-16"),
    ("id;author;title;year;group;source\na;Sieyès;T;1;g;texts/a.txt\n", "cp1252"),
], ids=["bom-semicolons", "utf16-tabs", "windows-1252"])
def test_spreadsheet_exports(tmp_path, text, encoding):
    """A BOM and semicolons (Excel, many locales), UTF-16 with tabs ("Unicode text"), cp1252."""
    (doc,) = read_catalog(catalog_at(tmp_path, text, encoding=encoding))
    assert (doc.id, doc.source) == ("a", "texts/a.txt")
    assert doc.author in ("A", "Sieyès")


def test_spreadsheet_file_instead_of_csv(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_bytes(zip_bytes())  # an .xlsx is a ZIP file
    with pytest.raises(CatalogError) as err:
        read_catalog(path)
    assert str(err.value) == (
        f"the catalog {str(path)!r} cannot be read as text: it is a ZIP file (Word .docx, "
        "OpenDocument and EPUB files are ZIP files too), not plain text. Export it from the "
        "spreadsheet as CSV (UTF-8)."
    )


# --- Config ------------------------------------------------------------------------------------


def test_empty_comparison_group():
    documents = read_catalog(REPO / "corpus/catalog.csv")
    spec = [{"name": "x", "target": {"group": "essay"}, "reference": {"group": "Whig"}}]
    with pytest.raises(ComparisonError) as err:
        resolve_comparisons(spec, documents, views=["full"], catalog="corpus/catalog.csv")
    assert str(err.value).startswith(
        "comparison 'x', reference: the group 'Whig' has no documents in the catalog "
        "corpus/catalog.csv. Its groups are: Democratic, Republican, essay. Fix the group in "
        "the config's comparisons, or add documents of that group to the catalog."
    )


# --- A bug, not a user's mistake ---------------------------------------------------------------


def test_unexpected_failure_is_one_line_on_the_console(tmp_path):
    """A failure that is not a user's mistake (a bug) shows one line; the traceback is logged."""
    script = tmp_path / "step.py"
    log = tmp_path / "step.log"
    script.write_text(
        "from wordprint.workflow.step import run\n"
        "def main():\n    raise KeyError('no such column')\n"
        f"run(main, log_path={str(log)!r})\n",
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr == (
        "wordprint: this step failed unexpectedly (KeyError: 'no such column'). The traceback is "
        f"in {log}; please report it with that file.\n"
    )
    assert "Traceback (most recent call last)" in log.read_text("utf-8")
