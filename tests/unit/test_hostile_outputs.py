"""Hostile values in what goes out (issue #20): labels that score nothing, links out of the corpus
folder, spreadsheet formulas in tables, mathtext in figures, configs that pass the schema but
cannot work. One test per case, each asserting the exact outcome; docs/guide/bad-input.md
("Guarantees: outputs, paths and configs") lists them. The cases only a workflow run shows are in
tests/workflow/test_hostile_outputs.py.
"""

import copy
import csv
import io

import numpy as np
import pytest
from snakemake.utils import validate

from tests.support import REPO
from wordprint.corpus.documents import Document
from wordprint.io.catalog import CatalogError, read_catalog
from wordprint.io.files import read_csv, write_csv
from wordprint.plot.heatmap import heatmap_figure
from wordprint.workflow.settings import SettingsError, run_settings

SCHEMA = str(REPO / "workflow/schemas/config.schema.yaml")
HEADER = "id,author,title,year,group,source\n"


def config(**changes):
    """The schema's defaults for a catalog, with ``changes`` (validated as the workflow does)."""
    settings = {"catalog": "corpus/mine.csv", **copy.deepcopy(changes)}
    validate(settings, schema=SCHEMA)  # fills in the schema's defaults
    return settings


def documents(authors=("austen", "austen", "bronte", "eliot", "eliot")):
    return [Document(id=f"d{i}", author=a, title=f"t{i}", year="1850", group=a or "none",
                     source=f"d{i}.txt", kind="file", locator=f"d{i}.txt")
            for i, a in enumerate(authors)]


# --- 6. Labels that score nothing --------------------------------------------------------------


def test_one_author_warns_that_the_scores_say_nothing():
    run = run_settings(config(), documents(("austen",) * 4))
    assert run.clusters == 1
    assert run.warnings == (
        "every scored document has the same 'author' ('austen'): the flat clusters are 1 and "
        "their scores (ARI 1.0) say nothing about authorship. Add documents by other authors, "
        "or name another column in label_column.",
    )


def test_empty_labels_are_left_out_of_the_scores_with_a_warning():
    run = run_settings(config(), documents(("austen", "", "bronte", "eliot", " ")))
    assert run.known == ["d0", "d2", "d3"] and run.clusters == 3
    assert run.warnings == (
        "2 document(s) have an empty 'author' in the catalog (d1, d4): they are clustered and "
        "drawn, but left out of the cluster scores. Fill in their 'author' to score them.",
    )


def test_more_clusters_than_documents_are_refused():
    with pytest.raises(SettingsError) as err:
        run_settings(config(clusters=100), documents())
    assert str(err.value) == (
        "wordprint: config clusters is 100, but the catalog lists 5 documents, and a tree of 5 "
        "leaves cuts into at most 5 clusters. Set clusters to at most 5, or 'auto' (the number "
        "of labels)."
    )


# --- 7. Links out of the corpus folder ---------------------------------------------------------


@pytest.fixture
def outside(tmp_path):
    secret = tmp_path / "home" / "diary.txt"
    secret.parent.mkdir()
    secret.write_text("my secret words " * 50)
    corpus = tmp_path / "corpus"
    (corpus / "texts").mkdir(parents=True)
    for name in ("a", "b", "c"):
        (corpus / "texts" / f"{name}.txt").write_text(f"the text of {name} " * 50)
    return corpus, secret


def test_a_link_in_the_catalog_folder_to_a_file_outside_is_refused(outside):
    corpus, secret = outside
    (corpus / "texts" / "d.txt").symlink_to(secret)
    (corpus / "catalog.csv").write_text(
        HEADER + "".join(f"{n},A,t,1,g,texts/{n}.txt\n" for n in "abcd"))
    with pytest.raises(CatalogError) as err:
        read_catalog(corpus / "catalog.csv")
    assert str(err.value) == (
        "catalog row 5 (id 'd'), column 'source': 'texts/d.txt' is a symbolic link to a file "
        f"outside the catalog's folder {corpus}. Copy the file into that folder in place of the "
        "link, or set 'allow_outside_catalog: true' in the config to read files from anywhere."
    )
    allowed = read_catalog(corpus / "catalog.csv", allow_outside=True)
    assert allowed[-1].locator == str(secret)


def test_a_link_in_a_folder_catalog_to_a_file_outside_is_refused(outside):
    corpus, secret = outside
    (corpus / "texts" / "d.txt").symlink_to(secret)
    with pytest.raises(CatalogError) as err:
        read_catalog(corpus / "texts")
    assert str(err.value) == (
        f"file 'd.txt' is a symbolic link to a file outside the folder {corpus / 'texts'}. Copy "
        "the file into the folder in place of the link, or set 'allow_outside_catalog: true' in "
        "the config to read files from anywhere."
    )
    assert len(read_catalog(corpus / "texts", allow_outside=True)) == 4


def test_a_link_inside_the_catalog_folder_is_still_read(outside):
    corpus, _ = outside
    (corpus / "texts" / "d.txt").symlink_to(corpus / "texts" / "a.txt")
    (corpus / "catalog.csv").write_text(
        HEADER + "".join(f"{n},A,t,1,g,texts/{n}.txt\n" for n in "abcd"))
    assert read_catalog(corpus / "catalog.csv")[-1].locator == str(corpus / "texts" / "a.txt")


# --- 8. Spreadsheet formulas in tables ---------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)", "+cmd|' /C calc'!A0", "-2+3",
            "\t=1", "\r=1", "'=already quoted"]


def test_formulas_are_written_as_text_and_read_back_as_written(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(path, ["label", "value"],
              [*([f, 1] for f in FORMULAS), ["-0.5", -0.5], ["'tis", 1e-05], ["plain", -2]])
    with open(path, newline="", encoding="utf-8") as fh:
        cells = [row[0] for row in csv.reader(fh)][1:]
    assert cells == ["'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(1)", "'+cmd|' /C calc'!A0",
                     "'-2+3", "'\t=1", "'\r=1", "''=already quoted", "-0.5", "'tis", "plain"]
    assert path.read_text().splitlines()[-3:] == ["-0.5,-0.5", "'tis,1e-05", "plain,-2"]
    header, rows = read_csv(path)
    assert header == ["label", "value"]
    assert [r[0] for r in rows] == [*FORMULAS, "-0.5", "'tis", "plain"]


# --- 10. Catalog text drawn as maths -----------------------------------------------------------


def test_dollars_in_labels_and_groups_are_drawn_as_written():
    d = np.array([[0, 1, 2], [1, 0, 1.5], [2, 1.5, 0]], float)
    fig = heatmap_figure(d, ["a $x^$", "b", "c"], ["$x^$", "$5 and $10", "{A}"],
                         order=[0, 1, 2], title="$5 and $10", measure_label="m")
    fig.savefig(io.BytesIO(), format="svg")  # mathtext would fail on '$x^$'
    texts = {t.get_text(): t.get_parse_math() for t in fig.findobj(lambda a: hasattr(a, "get_parse_math"))}
    assert texts["$5 and $10"] is False and texts["$x^$"] is False


# --- 11. Configs that pass the schema and crash late -------------------------------------------


def test_one_most_frequent_word_is_refused_for_the_pca_map():
    with pytest.raises(SettingsError) as err:
        run_settings(config(mfw=[1]), documents())
    assert str(err.value) == (
        "wordprint: config mfw [1]: the PCA map of 1 word has no second axis to draw. Use 2 or "
        "more most frequent words, or leave 'pca' out of analyses."
    )


def test_a_comparison_name_ending_in_a_line_break_is_refused():
    side = {"group": "austen"}
    with pytest.raises(SettingsError) as err:
        run_settings(config(comparisons=[{"name": "essay\n", "target": side,
                                          "reference": {"rest": True}}]), documents())
    assert str(err.value) == (
        "wordprint: config comparisons[0].name is 'essay\\n', but it becomes part of file names: "
        "use letters, digits, '.', '_' and '-' only (no spaces or line breaks), starting with a "
        "letter or digit."
    )


# --- 9. Paths out of the project ---------------------------------------------------------------


@pytest.mark.parametrize("cache", ["<absolute>/elsewhere/cache", "../cache", "link/cache"])
def test_a_cache_outside_the_project_is_refused(cache, tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    (project / "link").symlink_to(tmp_path)
    monkeypatch.chdir(project)
    cache = cache.replace("<absolute>", str(tmp_path))  # an absolute path outside the project
    with pytest.raises(SettingsError) as err:
        run_settings(config(cache=cache), documents())
    assert str(err.value) == (
        f"wordprint: config cache is {cache!r}, which is outside the project folder {project}, "
        "and wordprint writes there. Give a path inside the project, or list the folder holding "
        "it in config allowed_paths."
    )
    allowed = str(tmp_path) if cache.startswith("/") else ".."
    assert run_settings(config(cache=cache, allowed_paths=[allowed]), documents()).clusters == 3


def test_a_gutenberg_lock_next_to_a_catalog_outside_the_project_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    books = documents()
    books[0] = Document(id="pg18", author="austen", title="t", year="1850", group="austen",
                        source="gutenberg:18", kind="gutenberg", locator="18")
    with pytest.raises(SettingsError) as err:
        run_settings(config(catalog="../shared/mine.csv"), books)
    assert str(err.value) == (
        "wordprint: config gutenberg_lock is '../shared/mine.lock.json' (empty: next to the "
        f"catalog), which is outside the project folder {tmp_path}, and wordprint writes there. "
        "Give a path inside the project, or list the folder holding it in config allowed_paths."
    )
    # The catalog itself may lie outside (it is only read), and so may a lock elsewhere allowed.
    assert run_settings(config(catalog="../shared/mine.csv"), documents()).clusters == 3
    assert run_settings(config(catalog="../shared/mine.csv", gutenberg_lock="locks/mine.json"),
                        books).clusters == 3


def test_views_of_quotations_alone_are_refused():
    with pytest.raises(SettingsError) as err:
        run_settings(config(views=["quoted"]), documents())
    assert str(err.value) == (
        "wordprint: config views is ['quoted']: those views hold only the documents with enough "
        "quotations (or notes), possibly none, but the tables, trees and maps need every "
        "document. Add full or own to views."
    )
