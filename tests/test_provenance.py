"""Provenance: figure metadata naming the job, and the run record's parts."""

import json
import subprocess
from types import SimpleNamespace

import pytest
from matplotlib.figure import Figure
from PIL import Image

import wordprint
from wordprint.io import provenance
from wordprint.workflow import provenance as workflow_provenance
from wordprint.io.figures import save_figure


class Named(dict):
    """Stands in for Snakemake's Namedlist: iterable values, items() by name."""

    def __iter__(self):
        return iter(self.values())


def job(**params):
    return SimpleNamespace(
        rule="plot_maps",
        input=Named(a="results/tables/x.csv", b="results/tables/y.csv"),
        wildcards=Named(measure="burrows", mfw="100"),
        params=Named(params),
        config={"mfw": [100], "measures": ["burrows"]},
    )


def test_job_metadata_names_rule_settings_inputs_and_config(tmp_path):
    meta = workflow_provenance.job_metadata(job(linkage="ward.D", catalog=["x" * 3000]), tmp_path)
    assert meta["wordprint:rule"] == "plot_maps"
    assert meta["wordprint:wildcards"] == "measure=burrows, mfw=100"
    assert meta["wordprint:inputs"] == "results/tables/x.csv\nresults/tables/y.csv"
    settings = meta["wordprint:settings"].split("; ")
    assert settings[0] == "linkage=ward.D"
    assert settings[1].startswith("catalog=sha256:") and settings[1].endswith("(3004 characters)")
    assert meta["wordprint:config-sha256"] == provenance.config_digest(
        {"measures": ["burrows"], "mfw": [100]}  # key order does not matter
    )
    assert meta["wordprint:version"] == wordprint.__version__
    assert meta["wordprint:revision"] == "unknown"  # tmp_path is no git checkout


def test_config_digest_changes_with_any_setting():
    assert provenance.config_digest({"mfw": [100]}) != provenance.config_digest({"mfw": [200]})


def test_revision_marks_uncommitted_changes(tmp_path):
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "a.txt").write_text("one")
    subprocess.run([*git, "add", "a.txt"], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    assert provenance.revision(tmp_path) == head.strip()
    (tmp_path / "a.txt").write_text("two")
    assert provenance.revision(tmp_path) == head.strip() + "+dirty"


def test_stamped_figures_carry_the_job_in_png_svg_and_pdf(tmp_path):
    provenance.stamp_figures({"wordprint:rule": "plot_maps", "wordprint:mfw": "100"})
    try:
        fig = Figure(figsize=(2, 2))
        fig.add_subplot().plot([0, 1])
        save_figure(fig, tmp_path / "f", formats=("png", "svg", "pdf"), metadata={"Title": "t"})
    finally:
        provenance.stamp_figures({})
    with Image.open(tmp_path / "f.png") as png:
        assert png.text["wordprint:rule"] == "plot_maps" and png.text["Title"] == "t"
    svg = (tmp_path / "f.svg").read_text()
    assert "wordprint:rule: plot_maps" in svg and "<dc:title>t</dc:title>" in svg
    assert b"wordprint:rule: plot_maps" in (tmp_path / "f.pdf").read_bytes()


def test_run_record_lists_what_varies_and_writes_atomically(tmp_path):
    record = workflow_provenance.run_record(
        config={"mfw": [100]}, workflow_folder=tmp_path, documents=[{"id": "a"}], jobs=[]
    )
    assert record["varying_fields"] == ["written", "jobs[].started", "jobs[].finished"]
    assert record["config_sha256"] == provenance.config_digest({"mfw": [100]})
    assert set(record["software"]) >= {"python", "wordprint", "numpy", "snakemake"}
    provenance.write_record(tmp_path / "p.json", record)
    assert json.loads((tmp_path / "p.json").read_text()) == record
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"]  # no temporary file left


@pytest.mark.parametrize("seconds, text", [(0, "1970-01-01T00:00:00+00:00"),
                                           (1795738606.5, "2026-11-27T00:16:46+00:00")])
def test_utc_time(seconds, text):
    assert provenance.utc_time(seconds) == text
