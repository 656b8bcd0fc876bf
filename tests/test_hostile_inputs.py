"""Hostile and broken inputs: one test per case, each asserting the exact outcome.

Each case either stops with one message naming the document or key and the fix (checked on
the console of a real `snakemake` run where the user would see it, never a Python traceback),
or ends in a documented recovery or degenerate result; a failing document leaves every result
already computed intact. The README's "What happens with bad input" lists the cases. Cases
covered elsewhere: download failures in tests/test_download.py, an empty comparison group at
the workflow level in tests/test_workflow.py, a SIGKILL mid-run in tests/test_crash_safety.py,
markup in the report in tests/test_report_safety.py.
"""

import codecs
import csv
import hashlib
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from wordprint.text import quotes

from wordprint.text import tokenize
from wordprint.compare.sides import ComparisonError, resolve_comparisons
from wordprint.io.catalog import CatalogError, read_catalog
from wordprint.count.profile import DocumentError, profile_document
from wordprint.text.decode import DecodeError, decode_text

REPO = Path(__file__).resolve().parents[1]
SETTINGS = {
    "pattern": "words",
    "lowercase": True,
    "mattr_window": 50,
    "mtld_threshold": 0.72,
    "views": ["full", "own"],
    "short_quotes": "quoted",
    "segment_size": 0,
}
HEADER = "id,author,title,year,group,source\n"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>Some words</w:document>")
    return buffer.getvalue()


def snakemake(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "snakemake", "--snakefile", str(REPO / "Snakefile"),
               "--directory", str(workdir), "--cores", "2", *args]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=900)


def paper(shared: Path, number: int) -> str:
    return (shared / f"corpora/federalist/texts/federalist_{number:02d}.txt").read_text("utf-8")


def make_project(root: Path, documents: dict[str, tuple[str, bytes]], **config) -> Path:
    """A run folder: corpus/catalog.csv with one file per document, the repo's config reduced."""
    texts = root / "corpus" / "texts"
    texts.mkdir(parents=True)
    rows = [["id", "author", "title", "year", "group", "source"]]
    for doc_id, (author, raw) in documents.items():
        (texts / f"{doc_id}.txt").write_bytes(raw)
        rows.append([doc_id, author, f"Title of {doc_id}", "1788", author, f"texts/{doc_id}.txt"])
    with open(root / "corpus" / "catalog.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    settings = yaml.safe_load((REPO / "config" / "config.yaml").read_text(encoding="utf-8"))
    settings.update(
        catalog="corpus/catalog.csv",
        shards=2,
        mfw=[20],
        measures=["cosine_delta"],
        comparisons=[],
        report={"mfw": 20, "measure": "cosine_delta"},
    )
    settings.update(config)
    (root / "config").mkdir()
    (root / "config" / "config.yaml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    return root


def three_papers(shared: Path) -> dict[str, tuple[str, bytes]]:
    return {
        "fed01": ("Hamilton", paper(shared, 1).encode()),
        "fed10": ("Madison", paper(shared, 10).encode()),
        "fed14": ("Madison", paper(shared, 14).encode()),
    }


def stops_before_any_job(run: subprocess.CompletedProcess, root: Path, message: str) -> None:
    """The run stopped with ``message`` on the console, no traceback, nothing computed."""
    assert run.returncode == 1
    assert message in run.stderr, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert not (root / "results").exists() and not (root / "resources").exists()


def views_of(raw: bytes) -> dict:
    return profile_document(raw, doc_id="doc", settings=SETTINGS)["views"]


# --- A completed run that the failing cases below must leave intact. ---------------------------

SHORT = b"The people of the State."  # 5 words, fewer than the 20 MFW


@pytest.fixture(scope="module")
def base(tmp_path_factory, shared) -> Path:
    """Encodings, line ends, two identical documents, a short one, an MFW beyond the vocabulary."""
    fed10_cp1252 = (paper(shared, 10) + "\n\nHe called it \u201ca faction\u2019s work\u201d.\n")
    documents = {
        "fed01": ("Hamilton", codecs.BOM_UTF16_LE + paper(shared, 1).encode("utf-16-le")),
        "fed06": ("Hamilton", codecs.BOM_UTF8 + paper(shared, 6).replace("\n", "\r\n").encode()),
        "fed10": ("Madison", fed10_cp1252.encode("cp1252")),
        "fed10-copy": ("Madison", fed10_cp1252.encode("cp1252")),
        "fed14": ("Madison", paper(shared, 14).replace("\n", "\r").encode()),
        "fed15": ("Hamilton", paper(shared, 15).encode() + " naïve caf".encode() + b"\xe9 "),
        "short": ("Jay", SHORT),
    }
    root = make_project(tmp_path_factory.mktemp("base"), documents, mfw=[20, 100000])
    run = snakemake(root)
    assert run.returncode == 0, run.stderr[-3000:]
    return root


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def snapshot(root: Path) -> dict[str, str]:
    """SHA-256 of every file under results/ and resources/."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for folder in ("results", "resources")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


# --- Encodings ---------------------------------------------------------------------------------


def test_utf16_with_bom_is_read_and_reported(shared, base):
    text = paper(shared, 1)
    profile = profile_document(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), doc_id="d",
                               settings=SETTINGS)
    assert profile["views"] == views_of(text.encode())  # nothing lost in decoding
    assert profile["cleaning"]["encoding"] == "utf-16"
    assert profile["cleaning"]["warnings"][0] == "not valid UTF-8: decoded as utf-16"
    vocabulary = {r["id"]: r for r in rows(base / "results/default/tables/vocabulary.csv")}
    assert vocabulary["fed01"]["encoding"] == "utf-16"
    assert int(vocabulary["fed01"]["tokens"]) == profile["views"]["full"]["tokens"]


def test_utf8_with_bom_is_read_silently(shared, base):
    text = paper(shared, 6)
    profile = profile_document(codecs.BOM_UTF8 + text.encode(), doc_id="d", settings=SETTINGS)
    assert profile["views"] == views_of(text.encode())
    assert profile["cleaning"]["encoding"] == "utf-8-sig"
    assert profile["cleaning"]["warnings"] == []
    vocabulary = {r["id"]: r for r in rows(base / "results/default/tables/vocabulary.csv")}
    assert vocabulary["fed06"]["encoding"] == "utf-8-sig"


def test_latin1_is_read_as_windows_1252_and_reported():
    profile = profile_document("Ça coûte déjà cher.".encode("latin-1"), doc_id="d",
                               settings=SETTINGS)
    assert list(profile["views"]["full"]["counts"]) == ["cher", "coûte", "déjà", "ça"]
    assert profile["cleaning"]["encoding"] == "cp1252"
    assert profile["cleaning"]["warnings"] == ["not valid UTF-8: decoded as cp1252"]


def test_windows_1252_smart_quotes_are_quotations(base):
    raw = b"He called it \x93a degenerated workers\x92 state\x94 and left the party."
    profile = profile_document(raw, doc_id="d", settings={**SETTINGS, "views": ["own"]})
    own = profile["views"]["own"]["counts"]
    assert profile["cleaning"]["encoding"] == "cp1252"
    assert profile["cleaning"]["quotations"]["quoted_spans"] == 1
    assert "degenerated" not in own and own["party"] == 1  # the quotation left the own words
    cleaning = {r["id"]: r for r in rows(base / "results/default/tables/cleaning.csv")}
    assert cleaning["fed10"]["encoding"] == "cp1252"


def test_mixed_encodings_keep_their_utf8(base):
    raw = "Naïve words, ".encode() + "caf\xe9 au lait".encode("latin-1") + " à la carte.".encode()
    decoded = decode_text(raw)
    assert decoded.text == "Naïve words, café au lait à la carte."
    assert decoded.encoding == "utf-8+cp1252"
    assert decoded.warnings == (  # "Naïve words, caf" is 17 bytes of UTF-8
        "mixed encodings: 1 byte(s) are not UTF-8 (the first at byte 17) and were read as "
        "Windows-1252; check those places and save the file as UTF-8",
    )
    vocabulary = {r["id"]: r for r in rows(base / "results/default/tables/vocabulary.csv")}
    assert vocabulary["fed15"]["encoding"] == "utf-8+cp1252"


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


@pytest.mark.parametrize("kind, raw", [("a PDF file", PDF), ("a ZIP file", zip_bytes()),
                                       ("a PNG file", PNG)], ids=["pdf", "zip", "png"])
def test_binary_file_named_txt_is_refused_before_any_job(tmp_path, shared, kind, raw):
    documents = {**three_papers(shared), "scan": ("Nobody", raw)}
    root = make_project(tmp_path, documents)
    run = snakemake(root)
    stops_before_any_job(
        run, root,
        f"wordprint: catalog row 5 (id 'scan'), column 'source': the file 'texts/scan.txt' is "
        f"{kind}",
    )
    assert ", not plain text. Save or extract its text as a plain-text file (UTF-8) and point " \
           "'source' at that file." in run.stderr
    # The same bytes arriving by download are refused when profiled.
    with pytest.raises(DecodeError, match=f"^it is {kind}"):
        decode_text(raw)


# --- Shapes ------------------------------------------------------------------------------------


def test_zero_byte_file_is_refused_before_any_job(tmp_path, shared):
    root = make_project(tmp_path, {**three_papers(shared), "empty": ("Nobody", b"")})
    stops_before_any_job(
        snakemake(root), root,
        "wordprint: catalog row 5 (id 'empty'), column 'source': the file 'texts/empty.txt' is "
        "empty. Add the document's text or remove the row.",
    )


def test_whitespace_only_file_stops_its_shard_and_keeps_every_result(tmp_path, base):
    root = tmp_path / "project"
    shutil.copytree(base, root, symlinks=True)
    before = snapshot(root)
    (root / "corpus/texts/blank.txt").write_bytes(b" \r\n\t\n   \n")
    with open(root / "corpus/catalog.csv", "a", encoding="utf-8") as fh:
        fh.write("blank,Nobody,Blank,1788,Nobody,texts/blank.txt\n")
    run = snakemake(root)
    assert run.returncode == 1
    assert (
        "wordprint: document 'blank': its text has no words after cleaning (empty, whitespace, "
        "numbers or punctuation only). Check the file or remove its row."
    ) in run.stderr
    assert "Traceback" not in run.stderr
    after = snapshot(root)
    # Snakemake removes the failed job's output (the profiles of blank's shard); the cache still
    # holds those documents' profiles, and every other result is untouched.
    lost = sorted(set(before) - set(after))
    assert len(lost) == 1 and lost[0].startswith("results/default/counts/shard-")
    assert {k: v for k, v in before.items() if k not in lost} == {
        k: v for k, v in after.items() if k in before
    }


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


def test_crlf_and_cr_line_ends_give_the_same_profile(shared, base):
    text = paper(shared, 14)
    lf = views_of(text.encode())
    assert views_of(text.replace("\n", "\r\n").encode()) == lf
    assert views_of(text.replace("\n", "\r").encode()) == lf
    vocabulary = {r["id"]: r for r in rows(base / "results/default/tables/vocabulary.csv")}
    assert int(vocabulary["fed14"]["tokens"]) == lf["full"]["tokens"]  # CR line ends


@pytest.mark.parametrize("raw", [b"1 2 3 1788 2024\n42", b"!!! ... ??? -- ;; ** ()"],
                         ids=["numbers", "punctuation"])
def test_all_numbers_or_all_punctuation_is_refused(raw):
    with pytest.raises(DocumentError) as err:
        profile_document(raw, doc_id="signs", settings=SETTINGS)
    assert str(err.value) == (
        "document 'signs': its text has no words after cleaning (empty, whitespace, numbers or "
        "punctuation only). Check the file or remove its row."
    )


def test_document_shorter_than_the_mfw_count(base):
    short = {r["id"]: r["tokens"] for r in rows(base / "results/default/tables/short_samples.csv")}
    assert short["short"] == "5"
    table = {r["id"]: r for r in rows(base / "results/default/tables/mfw/mfw20.csv")}
    # Relative frequencies of its 5 tokens: "the" 2/5, "people", "of", "state" 1/5 each; the
    # words that are not among the corpus's 20 most frequent are simply not in the table.
    counts = {"the": 2, "people": 1, "of": 1, "state": 1}
    row = table["short"]
    assert {w: float(v) for w, v in row.items() if w != "id" and float(v)} == {
        w: n / 5 for w, n in counts.items() if w in row
    }
    assert "the" in row and "of" in row
    distances = rows(base / "results/default/tables/distances/cosine_delta_mfw20.csv")
    assert all(float(v) == float(v) for r in distances for k, v in r.items() if k != "id")


def test_single_document_corpus_stops_before_any_job(tmp_path, shared):
    root = make_project(tmp_path, {"fed01": ("Hamilton", paper(shared, 1).encode())})
    stops_before_any_job(
        snakemake(root), root,
        "wordprint: the catalog corpus/catalog.csv lists 1 document(s), but distances, clusters "
        "and the consensus tree compare documents and need at least 3. Add documents to the "
        "catalog.",
    )


def test_two_identical_documents_are_at_distance_zero(base):
    distances = {r["id"]: r for r in rows(base / "results/default/tables/distances/cosine_delta_mfw20.csv")}
    assert float(distances["fed10"]["fed10-copy"]) == 0.0
    assert float(distances["fed10"]["fed14"]) > 0
    vocabulary = {r["id"]: r for r in rows(base / "results/default/tables/vocabulary.csv")}
    same = ("tokens", "types", "mattr", "mtld", "yules_k")
    assert [vocabulary["fed10"][k] for k in same] == [vocabulary["fed10-copy"][k] for k in same]


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


def test_source_outside_the_catalog_folder_in_the_workflow(tmp_path, shared):
    root = make_project(tmp_path / "project", three_papers(shared))
    (tmp_path / "elsewhere.txt").write_text(paper(shared, 15), encoding="utf-8")
    with open(root / "corpus/catalog.csv", "a", encoding="utf-8") as fh:
        fh.write("fed15,Hamilton,No. 15,1788,Hamilton,../../elsewhere.txt\n")
    stops_before_any_job(
        snakemake(root), root,
        "wordprint: catalog row 5 (id 'fed15'), column 'source': '../../elsewhere.txt' is outside "
        "the catalog's folder",
    )
    # Allowed in the config: the run goes ahead (a dry run shows it would profile the file).
    run = snakemake(root, "--dry-run", "--config", "allow_outside_catalog=true")
    assert run.returncode == 0, run.stderr[-2000:]
    assert str((tmp_path / "elsewhere.txt").resolve()) in run.stdout + run.stderr


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


def test_malformed_yaml(tmp_path, shared):
    root = make_project(tmp_path, three_papers(shared))
    with open(root / "config/config.yaml", "a", encoding="utf-8") as fh:
        fh.write("mfw: [20\nlinkage: : ward\n")
    # Snakemake reads the config file before the workflow starts; its message says what is wrong.
    stops_before_any_job(snakemake(root), root, "Config file is not valid JSON or YAML.")


def test_config_is_data_not_code(tmp_path, shared):
    root = make_project(tmp_path, three_papers(shared))
    marker = tmp_path / "code-ran"
    with open(root / "config/config.yaml", "a", encoding="utf-8") as fh:
        fh.write(f"note: !!python/object/apply:os.system ['touch {marker}']\n")
    stops_before_any_job(snakemake(root), root, "Config file is not valid JSON or YAML.")
    assert not marker.exists()


def test_unknown_measure(tmp_path, shared):
    root = make_project(tmp_path, three_papers(shared))
    stops_before_any_job(
        snakemake(root, "--config", "measures=[cosine_delta,delta_x]"), root,
        "wordprint: config 'measures[1]': 'delta_x' is not one of ['burrows', 'cosine_delta', "
        "'argamon_linear', 'argamon_quadratic', 'eder', 'eder_simple', 'manhattan', 'euclidean', "
        "'cosine', 'canberra', 'minmax', 'entropy']. Fix it in the config file or with --config; "
        "docs/guide/configuration.md lists every key and its allowed values.",
    )


def test_unknown_key(tmp_path, shared):
    root = make_project(tmp_path, three_papers(shared), mfw_count=3)
    stops_before_any_job(
        snakemake(root), root,
        "wordprint: config (top level): Additional properties are not allowed ('mfw_count' was "
        "unexpected). Fix it in the config file or with --config;",
    )


def test_invalid_tokenizer_pattern(tmp_path, shared):
    root = make_project(tmp_path, three_papers(shared), tokenizer={"pattern": "([a-z"})
    stops_before_any_job(
        snakemake(root), root,
        "wordprint: config 'tokenizer.pattern': '([a-z' is not a usable regular expression "
        "(unterminated character set at position 5). Fix it, or use 'words' or 'letters'.",
    )


def test_mfw_larger_than_the_vocabulary(base):
    # mfw: [20, 100000]; the seven documents use fewer than 100,000 distinct words.
    header = (base / "results/default/tables/mfw/mfw100000.csv").read_text("utf-8").splitlines()[0]
    words = len(header.split(",")) - 1
    assert 1000 < words < 100_000
    log = (base / "logs/default/corpus_tables.log").read_text("utf-8")
    assert f"mfw 100000 exceeds the words left after selection: using all {words}" in log
    # clustered like every other setting (maps are drawn for the report's setting, MFW 20)
    clusters = (base / "results/default/tables/clusters/cosine_delta_mfw100000.csv").read_text("utf-8")
    assert len(clusters.splitlines()) == 8  # header + the seven documents


@pytest.mark.parametrize("setting, message", [
    ("mfw=[0]", "config 'mfw[0]': 0 is less than the minimum of 1."),
    ("mfw=[-5,100]", "config 'mfw[0]': -5 is less than the minimum of 1."),
    ("shards=0", "config 'shards': 0 is less than the minimum of 1."),
    ("clusters=-2", "config 'clusters': -2 is not valid under any of the given schemas."),
], ids=["mfw-zero", "mfw-negative", "shards-zero", "clusters-negative"])
def test_zero_or_negative_sizes(tmp_path, shared, setting, message):
    root = make_project(tmp_path, three_papers(shared))
    stops_before_any_job(snakemake(root, "--config", setting), root, f"wordprint: {message}")


def test_mfw_list_from_the_command_line(tmp_path, shared):
    """--config gives lists as strings ('mfw=[200,2000]' is ['200', '2000']); they are read."""
    root = make_project(tmp_path, three_papers(shared))
    run = snakemake(root, "--dry-run", "--config", "mfw=[20,40]")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "results/default/tables/mfw/mfw40.csv" in run.stdout + run.stderr


def test_empty_comparison_group(shared):
    documents = read_catalog(REPO / "corpus/catalog.csv")
    spec = [{"name": "x", "target": {"group": "essay"}, "reference": {"group": "Whig"}}]
    with pytest.raises(ComparisonError) as err:
        resolve_comparisons(spec, documents, views=["full"], catalog="corpus/catalog.csv")
    assert str(err.value).startswith(
        "comparison 'x', reference: the group 'Whig' has no documents in the catalog "
        "corpus/catalog.csv. Its groups are: Democratic, Republican, essay. Fix the group in "
        "the config's comparisons, or add documents of that group to the catalog."
    )


# --- Downloads (the failures themselves: tests/test_download.py) --------------------------------


def test_checksum_changed_since_the_lock(tmp_path, shared):
    mirror = tmp_path / "mirror"
    (mirror / "cache/epub/7").mkdir(parents=True)
    book = b"*** START OF THE PROJECT GUTENBERG EBOOK 7 ***\n\n" + paper(shared, 15).encode()
    (mirror / "cache/epub/7/pg7.txt").write_bytes(book)
    root = make_project(tmp_path / "project", three_papers(shared), gutenberg_mirror=str(mirror))
    with open(root / "corpus/catalog.csv", "a", encoding="utf-8") as fh:
        fh.write("pg7,Hamilton,Book 7,1788,Hamilton,gutenberg:7\n")
    lock = '{"7": {"sha256": "%s", "url": "https://www.gutenberg.org/cache/epub/7/pg7.txt"}}\n'
    (root / "corpus/catalog.lock.json").write_text(lock % ("0" * 64), encoding="utf-8")
    run = snakemake(root)
    assert run.returncode == 1
    digest, url = hashlib.sha256(book).hexdigest(), (mirror / "cache/epub/7/pg7.txt").as_uri()
    assert (
        f"wordprint: Project Gutenberg book 7 downloaded from {url} has SHA-256 {digest}, but "
        f"the lock records {'0' * 64} (from "
        "https://www.gutenberg.org/cache/epub/7/pg7.txt): the text has changed at its source or "
        "the mirror serves another edition. Nothing was cached. To accept the new text, delete "
        "the lock entry for book 7; to keep the pinned one, use a mirror that still serves it."
    ) in run.stderr
    assert "Traceback" not in run.stderr
    assert not (root / "resources/gutenberg/pg7.txt").exists()
    assert (root / "corpus/catalog.lock.json").read_text("utf-8") == lock % ("0" * 64)


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
