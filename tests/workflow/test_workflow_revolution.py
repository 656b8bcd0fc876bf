"""The revolution analysis end to end, downloading its 30 books from the local Gutenberg mirror."""

import csv
import json
import shutil
from pathlib import Path

import pytest

from tests.support import REPO


def run_revolution(workflow, workdir: Path, shared: Path, *config: str, target: str = ""):
    """The revolution analysis, reduced (reduced.yaml), from the local Gutenberg mirror."""
    return workflow.run(
        workdir, *([target] if target else []), "--cores", "2",
        "--configfile", str(REPO / "config/revolution.yaml"), str(workdir / "reduced.yaml"),
        "--config", f"gutenberg_mirror={shared / 'corpora/gutenberg'}", *config,
        timeout=1200,
    )  # fmt: skip


@pytest.fixture(scope="module")
def revolution(tmp_path_factory, shared, workflow):
    root = tmp_path_factory.mktemp("revolution")
    shutil.copytree(REPO / "corpus", root / "corpus")
    (root / "config").mkdir()
    # Fewer settings than the shipped analysis keep the test short; the corpus is the same.
    config = (REPO / "config/config.yaml").read_text()
    (root / "config/config.yaml").write_text(config)
    (root / "reduced.yaml").write_text(
        "mfw: [300]\nmeasures: [cosine_delta]\nreport: {mfw: 300, measure: cosine_delta, "
        "title: revolution}\n"
    )
    run = run_revolution(workflow, root, shared, "shards=2")
    assert run.returncode == 0, run.stderr[-3000:]
    return root


def test_every_book_is_downloaded_pinned_and_stripped(revolution):
    lock = json.loads((revolution / "corpus/revolution.lock.json").read_text())
    assert len(lock) == 30 and all(len(entry["sha256"]) == 64 for entry in lock.values())
    cleaning = json.loads((revolution / "results/revolution/cleaning.json").read_text())
    books = {k: v for k, v in cleaning.items() if k != "dawsey-2018"}
    assert len(books) == 30 and all(v["gutenberg"]["stripped"] for v in books.values())
    assert not cleaning["dawsey-2018"]["gutenberg"]["stripped"]
    assert not list(revolution.glob("corpus/*.flock"))  # no lock residue beside the catalog


def test_the_essay_is_analysed_in_its_views(revolution):
    with open(revolution / "results/revolution/tables/vocabulary.csv") as fh:
        ids = [row["id"] for row in csv.DictReader(fh)]
    assert {"dawsey-2018", "dawsey-2018 (own)", "dawsey-2018 (quoted)"} <= set(ids)
    with open(revolution / "results/revolution/tables/neighbours.csv") as fh:
        rows = [r for r in csv.DictReader(fh) if r["sample"] == "dawsey-2018 (quoted)"]
    # The quoted passages are mostly Trotsky's: their nearest book is one of his.
    assert rows[0]["neighbour"].startswith("Trotsky_")
    with open(revolution / "results/revolution/tables/short_samples.csv") as fh:
        short = {row["id"] for row in csv.DictReader(fh)}
    assert "dawsey-2018 (quoted)" in short  # 835 words, below the 3,000-word sample size
    html = (revolution / "results/revolution/report.html").read_text()
    assert "Own words and quotations" in html


def test_a_changed_download_is_refused(revolution, shared, workflow):
    lock_path = revolution / "corpus/revolution.lock.json"
    lock = json.loads(lock_path.read_text())
    lock["61"]["sha256"] = "0" * 64  # as if the Manifesto had been pinned from another edition
    lock_path.write_text(json.dumps(lock))
    (revolution / "resources/gutenberg/pg61.txt").unlink()
    run = run_revolution(workflow, revolution, shared, "shards=2",
                         target="resources/gutenberg/pg61.txt")
    assert run.returncode != 0
    assert "Project Gutenberg book 61" in run.stderr and "lock records 0000" in run.stderr
    assert not (revolution / "resources/gutenberg/pg61.txt").exists()
