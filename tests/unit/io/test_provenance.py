"""Provenance (wordprint.io.provenance): the config's digest, the code's revision, figures
stamped with their job, times in UTC. What a workflow job records is
tests/unit/workflow/test_provenance.py."""

import subprocess

import pytest
from matplotlib.figure import Figure
from PIL import Image

from wordprint.io import provenance
from wordprint.io.figures import save_figure


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


@pytest.mark.parametrize("seconds, text", [(0, "1970-01-01T00:00:00+00:00"),
                                           (1795738606.5, "2026-11-27T00:16:46+00:00")])
def test_utc_time(seconds, text):
    assert provenance.utc_time(seconds) == text
