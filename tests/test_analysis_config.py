"""Which analysis a run is (wordprint.workflow.analysis), a folder as a catalog
(wordprint.io.folder) and the `wordprint new` command (wordprint.cli)."""

import csv
from pathlib import Path

import pytest

from wordprint.cli import main, new_analysis
from wordprint.io.catalog import CatalogError, read_catalog
from wordprint.io.folder import catalog_row, folder_catalog
from wordprint.workflow.analysis import analysis_config, analysis_name, remove_stale, stale_files

DEMO = {"analysis": "default", "catalog": "corpus/catalog.csv", "comparisons": [{"name": "x"}],
        "report": {"title": "The demo", "mfw": 500}}


def test_the_default_analysis_is_its_file_and_the_overrides():
    config, is_default = analysis_config(DEMO, [], {"mfw": [100], "report": {"measure": "burrows"}})
    assert is_default and config["comparisons"] == [{"name": "x"}]
    assert config["report"] == {"title": "The demo", "mfw": 500, "measure": "burrows"}
    assert analysis_name(config, config_files=[], is_default=True) == "default"
    # the same catalog given again is still the default analysis
    assert analysis_config(DEMO, [], {"catalog": "corpus/catalog.csv"})[1]


@pytest.mark.parametrize("files, overrides, name", [
    ([], {"catalog": "texts/mine.csv"}, "mine"),
    ([{"catalog": "corpus/federalist.csv"}], {}, "federalist"),
    ([{"analysis": "austen", "catalog": "a/catalog.csv"}], {"mfw": [300]}, "austen"),
])
def test_another_catalog_or_config_file_takes_nothing_of_the_demo(files, overrides, name):
    config, is_default = analysis_config(DEMO, files, overrides)
    assert not is_default
    assert "comparisons" not in config and "report" not in config  # the schema's defaults
    config_files = ["config/federalist.yaml"] if files else []
    assert analysis_name(config, config_files=config_files, is_default=False) == name


@pytest.mark.parametrize("name", ["../up", "a b", "", "x\n"])
def test_an_analysis_name_is_a_folder_name(name):
    if not name:
        # an empty name is no name: the catalog's is taken
        assert analysis_name({"analysis": "", "catalog": "c.csv"}, config_files=[],
                             is_default=False) == "c"
        return
    with pytest.raises(ValueError, match="names a folder"):
        analysis_name({"analysis": name}, config_files=[], is_default=False)


def test_a_catalog_name_outside_the_allowed_characters_is_made_safe():
    assert analysis_name({"catalog": "my texts (v2).csv"}, config_files=[],
                         is_default=False) == "my-texts-v2-"


def test_stale_files_are_those_no_job_makes(tmp_path):
    for name in ("keep.csv", "figures/old/a.png", "figures/new/b.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    planned = {str(tmp_path / "keep.csv"), str(tmp_path / "figures/new/b.png")}
    stale = stale_files(tmp_path, planned)
    assert stale == [tmp_path / "figures/old/a.png"]
    remove_stale(tmp_path, stale)
    assert not (tmp_path / "figures/old").exists() and (tmp_path / "figures/new/b.png").exists()


def test_stylo_file_names_give_author_and_title():
    row = catalog_row(Path("Eliot_The_Mill_on_the_Floss.txt"))
    assert (row["id"], row["author"], row["title"], row["group"]) == (
        "Eliot_The_Mill_on_the_Floss", "Eliot", "The Mill on the Floss", "Eliot")
    # the fallback: no underscore, the whole name is the author (as stylo's class)
    assert catalog_row(Path("emma.txt"))["author"] == "emma"
    # characters an id cannot hold become '-'
    assert catalog_row(Path("Brontë_Jane Eyre.txt"))["id"] == "Bront-_Jane-Eyre"


def write_texts(folder: Path, names) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text("Some words of a text. And a sentence more.\n")


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


def test_wordprint_new_writes_a_catalog_and_a_minimal_config(tmp_path, capsys):
    texts = tmp_path / "novels"
    write_texts(texts, ["Austen_Emma.txt", "Austen_Pride.txt", "Eliot_Mill.txt"])
    assert main(["new", str(texts), "--config-dir", str(tmp_path / "config")]) == 0
    config = (tmp_path / "config" / "novels.yaml").read_text()
    keys = [line.split(":")[0] for line in config.splitlines() if not line.startswith("#")]
    assert keys == ["analysis", "catalog"]  # only what differs from the defaults
    assert "analysis: novels" in config and f"catalog: {texts.as_posix()}/catalog.csv" in config
    with open(texts / "catalog.csv", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 3
    out = capsys.readouterr().out
    assert "3 texts" in out and "snakemake --cores all --configfile" in out
    # nothing is overwritten without --force; a bad name is refused
    assert main(["new", str(texts), "--config-dir", str(tmp_path / "config")]) == 1
    assert "exists already" in capsys.readouterr().err
    with pytest.raises(CatalogError, match="names a folder"):
        new_analysis(texts, name="a/b", config_dir=tmp_path, force=True)
