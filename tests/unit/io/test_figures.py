"""Saving figures (wordprint.io.figures): PNG, SVG and PDF with the same bytes every time and
in every process, metadata in the files, nothing written on a bad argument, no partial file."""

from __future__ import annotations

import subprocess
import sys

import pytest
from matplotlib.figure import Figure
from PIL import Image

from wordprint.io.figures import save_figure

# A heatmap of twelve documents in three groups, built by this code here and in fresh processes.
FIGURE = """\
import numpy as np
from scipy.spatial.distance import pdist, squareform

from wordprint import plot

rng = np.random.default_rng(0)
groups = [("Democratic", "Republican", "essay")[i % 3] for i in range(12)]
labels = [f"{1961 + i}-Author{i % 7}-{i // 7 + 1}" for i in range(12)]
centres = rng.normal(size=(3, 20)) * 2
x = np.array([centres[i % 3] for i in range(12)]) + rng.normal(size=(12, 20))
figure = plot.heatmap_figure(squareform(pdist(x)), labels, groups, order=range(12),
                             title="Heatmap", measure_label="Euclidean")
"""
META = {"Title": "Heatmap", "wordprint:config": "mfw=500 & culling=0.2", "Source": "a.csv"}


def small_figure() -> Figure:
    namespace: dict = {}
    exec(FIGURE, namespace)
    return namespace["figure"]


def test_save_figure_writes_png_svg_and_pdf_with_identical_bytes_twice(tmp_path):
    fig = small_figure()
    first = save_figure(fig, tmp_path / "one" / "heatmap", metadata=META)
    second = save_figure(fig, tmp_path / "two" / "heatmap", metadata=META)
    assert [p.name for p in first] == ["heatmap.png", "heatmap.svg", "heatmap.pdf"]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()
    with Image.open(first[0]) as image:
        assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)


def test_save_figure_pdf_is_deterministic_too(tmp_path):
    fig = small_figure()
    (a,) = save_figure(fig, tmp_path / "a", formats=("pdf",), metadata=META)
    (b,) = save_figure(fig, tmp_path / "b", formats=("pdf",), metadata=META)
    assert a.read_bytes() == b.read_bytes()
    assert b"CreationDate" not in a.read_bytes()


def test_save_figure_is_deterministic_across_processes(tmp_path):
    # The constrained-layout solver's last bits vary between processes; the frozen layout
    # must keep them out of the files (they showed up as SVG clip-path ids).
    outs = []
    for name in ("p1", "p2"):
        out = tmp_path / name / "fig"
        code = (FIGURE + "from pathlib import Path\nfrom wordprint.io.figures import save_figure\n"
                f"save_figure(figure, Path({str(out)!r}))\n")
        subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)
        outs.append(out)
    for suffix in (".png", ".svg"):
        a = outs[0].with_name("fig" + suffix).read_bytes()
        b = outs[1].with_name("fig" + suffix).read_bytes()
        assert a == b


def test_save_figure_metadata_in_png_text_chunks_and_svg(tmp_path):
    png, svg, _ = save_figure(small_figure(), tmp_path / "fig", metadata=META)
    with Image.open(png) as image:
        assert image.text["wordprint:config"] == "mfw=500 & culling=0.2"
        assert image.text["Title"] == "Heatmap"
        assert image.text["Software"] == "wordprint"  # no version churn
    text = svg.read_text(encoding="utf-8")
    assert "<dc:title>Heatmap</dc:title>" in text
    assert "<dc:source>a.csv</dc:source>" in text
    assert "wordprint:config: mfw=500 &amp; culling=0.2" in text
    assert "<dc:date>" not in text and "Matplotlib v" not in text


def test_save_figure_keeps_dotted_stems(tmp_path):
    paths = save_figure(small_figure(), tmp_path / "dendrogram.cosine-delta", formats=("png",))
    assert [p.name for p in paths] == ["dendrogram.cosine-delta.png"]


def test_unknown_format_raises_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="formats"):
        save_figure(small_figure(), tmp_path / "fig", formats=("png", "tiff"))
    assert list(tmp_path.iterdir()) == []


def test_bad_metadata_raises_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="metadata"):
        save_figure(small_figure(), tmp_path / "fig", metadata={"x" * 80: "too long a key"})
    with pytest.raises(ValueError, match="metadata"):
        save_figure(small_figure(), tmp_path / "fig", metadata={"n": 3})  # type: ignore[dict-item]
    assert list(tmp_path.iterdir()) == []


def test_failure_while_writing_leaves_no_partial_file_and_keeps_old_ones(tmp_path):
    fig = small_figure()
    files = save_figure(fig, tmp_path / "fig")
    old = {p: p.read_bytes() for p in files}
    real_savefig = fig.savefig

    def failing_savefig(fname, *, format, **kwargs):
        if format == "svg":
            fname.write(b"<svg partial")
            raise RuntimeError("disk full")
        return real_savefig(fname, format=format, **kwargs)

    fig.savefig = failing_savefig  # type: ignore[method-assign]
    with pytest.raises(RuntimeError, match="disk full"):
        save_figure(fig, tmp_path / "fig")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fig.pdf", "fig.png", "fig.svg"]
    assert {p: p.read_bytes() for p in files} == old
