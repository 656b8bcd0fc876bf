"""The `wordprint` command (wordprint.cli): `wordprint new` makes a folder of texts an analysis."""

import csv

import pytest

from tests.support import write_texts
from wordprint.cli import main, new_analysis
from wordprint.io.catalog import CatalogError


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
