"""Which analysis a run is (wordprint.workflow.analysis): its config, its name (a folder), the
outputs it no longer makes. A folder as a catalog is tests/unit/io/test_folder.py, the
`wordprint new` command tests/unit/test_cli.py."""

import pytest

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
