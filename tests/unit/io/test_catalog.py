from pathlib import Path

import pytest

from tests.support import REPO
from wordprint.io.catalog import CatalogError, parse_catalog, read_catalog, sotu_path

HEADER = "id,author,title,year,group,source\n"


def write(tmp_path: Path, body: str, name: str = "catalog.csv") -> Path:
    (tmp_path / "texts").mkdir(exist_ok=True)
    (tmp_path / "texts" / "a.txt").write_text("Some words here.")
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_local_and_sotu_sources_resolve(tmp_path):
    path = write(tmp_path, HEADER + "a,A,T,2000,g,texts/a.txt\nk,JFK,SOTU,1961,D,sotu:1961-Kennedy-1\n")
    docs = read_catalog(path)
    assert [d.kind for d in docs] == ["file", "sotu"]
    assert docs[0].path == (tmp_path / "texts" / "a.txt").resolve()
    assert docs[1].path == sotu_path("1961-Kennedy-1") and docs[1].path.is_file()


def test_extra_columns_are_kept_as_labels(tmp_path):
    path = write(tmp_path, "id,author,title,year,group,source,party\na,A,T,2000,g,texts/a.txt,X\n")
    (doc,) = read_catalog(path)
    assert doc.field("party") == "X" and doc.field("author") == "A"


def test_spreadsheet_export_with_bom_and_semicolons(tmp_path):
    path = write(tmp_path, "\ufeffid;author;title;year;group;source\na;A;T;2000;g;texts/a.txt\n")
    assert read_catalog(path)[0].id == "a"


@pytest.mark.parametrize(
    "row, expected",
    [
        ("m,A,T,2000,g,texts/missing.txt", "row 3 (id 'm'), column 'source': the file 'texts/missing.txt' does not exist"),
        ("b/c,A,T,2000,g,texts/a.txt", "row 3, column 'id': 'b/c' is not a safe document id"),
        ("..,A,T,2000,g,texts/a.txt", "row 3, column 'id': '..' is not a safe document id"),
        ("has space,A,T,2000,g,texts/a.txt", "'has space' is not a safe document id"),
        ("x,A,T,2000,g,ftp:thing", "unknown source kind 'ftp'"),
        ("x,A,T,2000,g,sotu:1800-Nobody-9", "the sotu package has no address '1800-Nobody-9'"),
        ("x,A,T,2000,g,gutenberg:abc", "is not a Project Gutenberg book number"),
        ("a,A,T,2000,g,texts/a.txt", "'a' repeats row 2"),
        ("x,A,T,2000,g,", "column 'source' is empty"),
    ],
)
def test_bad_rows_name_the_row_and_the_fix(tmp_path, row, expected):
    path = write(tmp_path, HEADER + "a,A,T,2000,g,texts/a.txt\n" + row + "\n")
    with pytest.raises(CatalogError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        read_catalog(path)


def test_empty_file_is_refused(tmp_path):
    path = write(tmp_path, HEADER + "a,A,T,2000,g,texts/empty.txt\n")
    (tmp_path / "texts" / "empty.txt").write_bytes(b"")
    with pytest.raises(CatalogError, match="'texts/empty.txt' is empty"):
        read_catalog(path)


def test_missing_column(tmp_path):
    with pytest.raises(CatalogError, match="lacks the column\\(s\\) group"):
        parse_catalog("id,author,title,year,source\na,A,T,1,x.txt\n", folder=tmp_path)


def test_missing_catalog_file(tmp_path):
    with pytest.raises(CatalogError, match="does not exist. Set 'catalog' in the config"):
        read_catalog(tmp_path / "nope.csv")


def test_shipped_catalogs_are_valid():
    default = read_catalog(REPO / "corpus" / "catalog.csv")
    assert default[0].id == "dawsey-2018" and default[0].group == "essay"
    assert len(default) == 29
    authors = [d.author for d in default[1:]]
    assert all(authors.count(a) == 2 for a in authors)  # two addresses per president
    assert len(read_catalog(REPO / "corpus" / "sotu-all.csv")) == 250
