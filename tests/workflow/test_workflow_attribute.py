"""The attribution stage end to end: the Federalist Papers from the local Gutenberg mirror."""

import csv
from pathlib import Path

import pytest

from tests.support import REPO

# Fewer settings than the shipped analysis keep the test short; the corpus and roles are the same.
REDUCED = """
shards: 2
mfw: [100, 300]
measures: [cosine_delta]
comparisons: []
report: {mfw: 300, measure: cosine_delta, title: federalist}
attribution:
  impostors: {mfw: 300, iterations: 30}
  rolling: {documents: [federalist-19], mfw: 100, size: 1000, step: 250}
"""


def run_federalist(workflow, workdir: Path, shared: Path, *extra: str):
    """The Federalist analysis, reduced (reduced.yaml), from the local Gutenberg mirror."""
    return workflow.run(
        workdir, "--cores", "2",
        "--configfile", str(REPO / "config/federalist.yaml"), str(workdir / "reduced.yaml"),
        "--config", f"catalog={REPO / 'corpus/federalist.csv'}",
        f"gutenberg_mirror={shared / 'corpora/gutenberg'}",
        f"gutenberg_lock={workdir / 'lock.json'}", *extra,
    )  # fmt: skip


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def federalist(tmp_path_factory, shared, workflow):
    root = tmp_path_factory.mktemp("federalist")
    (root / "config").mkdir()
    (root / "config/config.yaml").write_text((REPO / "config/config.yaml").read_text())
    (root / "reduced.yaml").write_text(REDUCED)
    run = run_federalist(workflow, root, shared)
    assert run.returncode == 0, run.stderr[-3000:]
    return root / "results" / "federalist"


def catalog() -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in rows(REPO / "corpus/federalist.csv")}


def test_cross_validation_on_the_known_papers_only(federalist):
    tables = federalist / "tables/attribution"
    scores = rows(tables / "crossval.csv")
    assert {(r["classifier"], r["mfw"]) for r in scores} == {
        (c, n) for c in ("delta", "delta_centroid", "svm", "nsc") for n in ("100", "300")}
    # 70 known papers: 51 Hamilton, 14 Madison, 5 Jay.
    assert {(r["samples"], r["authors"]) for r in scores} == {("70", "3")}
    assert all(float(r["accuracy"]) > 0.85 for r in scores)
    known = {i for i, r in catalog().items() if r["role"] == "known"}
    assert {r["id"] for r in rows(tables / "predictions.csv")} == known
    confusion = rows(tables / "confusion.csv")
    assert len(confusion) == 8 * 9
    assert sum(int(r["count"]) for r in confusion) == 8 * 70


def test_the_disputed_papers_go_to_madison_as_mosteller_and_wallace_found(federalist):
    tables = federalist / "tables/attribution"
    disputed = {i: r["mosteller_wallace"] for i, r in catalog().items()
                if r["role"] == "questioned"}
    assert len(disputed) == 12
    questioned = rows(tables / "questioned.csv")
    assert len(questioned) == 12 * 4 * 2 and {r["id"] for r in questioned} == set(disputed)
    majority = {r["id"]: r["author"] for r in rows(tables / "questioned_summary.csv")
                if r["majority"] == "True"}
    assert majority == disputed  # and the joint papers 18-20 are neither trained on nor attributed


def test_impostors_are_calibrated_on_the_known_papers(federalist):
    tables = federalist / "tables/attribution"
    verified = rows(tables / "impostors.csv")
    assert len(verified) == 12 * 2 and {r["candidate"] for r in verified} == {"Hamilton", "Madison"}
    assert {r["answer"] for r in verified} <= {"yes", "no", "unanswered"}
    score = {(r["id"], r["candidate"]): float(r["score"]) for r in verified}
    papers = {i for i, _ in score}
    assert sum(score[(i, "Madison")] > score[(i, "Hamilton")] for i in papers) >= 9
    calibration = {(r["calibration"], r["evaluation"]): r
                   for r in rows(tables / "impostors_calibration.csv")}
    held_out = calibration[("grey_zone", "held_out")]
    assert float(held_out["auc"]) > 0.9 and float(held_out["c_at_1"]) > 0.85
    p1, p2 = float(held_out["p1"]), float(held_out["p2"])
    for r in verified:  # the answers follow the grey zone, never flipped
        s = float(r["score"])
        assert r["answer"] == ("no" if s < p1 else "yes" if s > p2 else "unanswered")
    # 70 known papers verified against the 3 authors with two or more known papers.
    assert len(rows(tables / "impostors_known.csv")) == 70 * 3


def test_rolling_delta_and_figures(federalist):
    rolling = rows(federalist / "tables/attribution/rolling_federalist-19.csv")
    # 2,040 tokens, windows of 1,000 every 250: starts 0, 250, ..., 1000.
    assert [int(r["start"]) for r in rolling] == [0, 250, 500, 750, 1000]
    assert {r["nearest"] for r in rolling} <= {"Hamilton", "Madison"}
    figures = federalist / "figures/attribution"
    for stem in ("accuracy", "questioned", "rolling_federalist-19"):
        for ext in ("png", "svg", "csv"):
            assert (figures / f"{stem}.{ext}").stat().st_size > 0
    plotted = rows(figures / "questioned.csv")
    assert {r["panel"] for r in plotted} == {"attribution", "impostors", "grey_zone"}
    html = (federalist / "report.html").read_text()
    assert "<h2 id=\"attribution\">Attribution</h2>" in html and "General Impostors verification" in html


def test_only_the_known_papers_are_scored_and_counted_in_k(federalist):
    # Issue #19: with clusters: auto the 12 disputed papers ("disputed") and the 3 joint ones
    # ("Hamilton and Madison") counted as labels: k was 5 and they were scored. Only the 70
    # known papers by 3 authors are: k = 3 in the grid, the trees and the report.
    scores = rows(federalist / "tables/cluster_scores.csv")
    assert scores and {r["k"] for r in scores} == {"3"}
    for path in (federalist / "tables/clusters").glob("*.csv"):
        clusters = rows(path)
        assert len(clusters) == 85 and len({r["cluster"] for r in clusters}) == 3, path.name
    html = (federalist / "report.html").read_text()
    assert "70 texts by 3 different authors" in html and "15 further texts" in html
    nearest = {r["reference"] for r in rows(federalist / "tables/robustness.csv")
               if r["conclusion"] == "nearest"}
    assert nearest <= {"Hamilton", "Madison", "Jay"}


def test_a_bad_attribution_setting_stops_before_any_job(tmp_path, shared, workflow):
    (tmp_path / "config").mkdir()
    (tmp_path / "config/config.yaml").write_text((REPO / "config/config.yaml").read_text())
    # A candidate without known papers.
    (tmp_path / "reduced.yaml").write_text(REDUCED.replace(
        "impostors: {mfw: 300, iterations: 30}", "impostors: {candidates: [Jefferson]}"))
    run = run_federalist(workflow, tmp_path, shared, "--dry-run")
    assert run.returncode != 0
    assert "config 'attribution': attribution.impostors.candidates names ['Jefferson']" in (
        run.stderr + run.stdout)
    assert not (tmp_path / "results").exists()
