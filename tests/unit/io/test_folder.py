"""A folder of texts as a catalog (wordprint.io.folder): stylo's file names give author and
title."""

from pathlib import Path

import pytest

from tests.support import write_texts
from wordprint.io.catalog import CatalogError, read_catalog
from wordprint.io.folder import catalog_row, folder_catalog


def test_stylo_file_names_give_author_and_title():
    row = catalog_row(Path("Eliot_The_Mill_on_the_Floss.txt"))
    assert (row["id"], row["author"], row["title"], row["group"]) == (
        "Eliot_The_Mill_on_the_Floss", "Eliot", "The Mill on the Floss", "Eliot")
    # the fallback: no underscore, the whole name is the author (as stylo's class)
    assert catalog_row(Path("emma.txt"))["author"] == "emma"
    # characters an id cannot hold become '-'
    assert catalog_row(Path("Brontë_Jane Eyre.txt"))["id"] == "Bront-_Jane-Eyre"


def test_a_folder_becomes_a_catalog_the_workflow_reads(tmp_path):
    write_texts(tmp_path, ["Austen_Emma.txt", "Austen_Pride.txt", "Eliot_Mill.txt", "notes.md"])
    (tmp_path / "catalog.csv").write_text(folder_catalog(tmp_path))
    documents = read_catalog(tmp_path / "catalog.csv")
    assert [d.id for d in documents] == ["Austen_Emma", "Austen_Pride", "Eliot_Mill"]
    assert [d.author for d in documents] == ["Austen", "Austen", "Eliot"]
    assert all(d.path.is_file() for d in documents)  # sources relative to the catalog


def test_a_folder_too_small_or_with_clashing_ids_is_refused(tmp_path):
    write_texts(tmp_path / "two", ["A_x.txt", "B_y.txt"])
    with pytest.raises(CatalogError, match="holds 2 text file.*at least 3"):
        folder_catalog(tmp_path / "two")
    write_texts(tmp_path / "clash", ["A-x.txt", "A x.txt", "B_y.txt"])
    with pytest.raises(CatalogError, match="both give the id .A-x."):
        folder_catalog(tmp_path / "clash")
    with pytest.raises(CatalogError, match="is not a folder"):
        folder_catalog(tmp_path / "missing")
