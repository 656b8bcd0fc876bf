"""Hostile values in what goes out (issue #20), in a workflow run: one test per case, each
asserting the exact outcome on the console of a real `snakemake` run, and for a refused input
that every earlier result is left as it was. docs/guide/bad-input.md ("Guarantees: outputs,
paths and configs") lists the cases; those a function settles are in
tests/unit/test_hostile_outputs.py.
"""

import csv
import shutil
from pathlib import Path

import pytest
import yaml

from tests.support import federalist_paper as paper
from tests.workflow.test_hostile_inputs import make_project, snapshot, stops_before_any_job

FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture(scope="module")
def base(tmp_path_factory, shared, workflow) -> Path:
    """Groups '{A}', '$x^$', '$5 and $10' and an author that is a spreadsheet formula; a
    comparison of the group '{A}'."""
    documents = {f"fed{n:02d}": (author, paper(shared, n).encode())
                 for n, author in ((1, "Hamilton"), (6, "Hamilton"), (10, FORMULA), (14, FORMULA))}
    root = make_project(tmp_path_factory.mktemp("outputs"), documents,
                        comparisons=[{"name": "braces", "target": {"group": "{A}"},
                                      "reference": {"rest": True}}])
    catalog = root / "corpus/catalog.csv"
    with open(catalog, newline="", encoding="utf-8") as fh:
        table = list(csv.reader(fh))
    for row, group in zip(table[1:], ("{A}", "$x^$", "$5 and $10", "$5 and $10")):
        row[4] = group
    with open(catalog, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(table)
    run = workflow.run(root, "--cores", "2")
    assert run.returncode == 0, run.stderr[-3000:]
    return root


def copy_of(base: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(base, root, symlinks=True)
    return root


def set_config(root: Path, **changes) -> None:
    path = root / "config/config.yaml"
    settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    settings.update(changes)
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")


def stops_keeping_every_result(run, root: Path, before: dict[str, str], message: str) -> None:
    assert run.returncode == 1
    assert message in run.stderr, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert snapshot(root) == before


# --- 10. Braces and dollars in catalog values --------------------------------------------------


def test_braces_in_a_group_compare_without_a_wildcard_error(base):
    results = base / "results/default"
    assert (results / "tables/keyness/braces.csv").is_file()
    assert (results / "figures/keyness/braces.png").is_file()


def test_dollars_in_groups_draw_the_maps_and_the_pca(base):
    figures = base / "results/default/figures"
    assert (figures / "pca/mfw20.png").stat().st_size > 10_000
    assert (figures / "mds/cosine_delta_mfw20.png").stat().st_size > 10_000
    assert (figures / "heatmap/cosine_delta_mfw20.png").stat().st_size > 10_000


# --- 8. Spreadsheet formulas in tables ---------------------------------------------------------


def test_a_formula_label_is_written_as_text_and_reported_as_written(base):
    results = base / "results/default"
    with open(results / "tables/clusters/cosine_delta_mfw20.csv", newline="") as fh:
        labels = {row["id"]: row["label"] for row in csv.DictReader(fh)}
    assert labels == {"fed01": "Hamilton", "fed06": "Hamilton", "fed10": "'" + FORMULA,
                      "fed14": "'" + FORMULA}
    report = (results / "report.html").read_text(encoding="utf-8")
    shown = "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"
    assert f"<td>fed10</td><td>full</td><td>$5 and $10</td><td>{shown}</td>" in report
    assert "<td>&#x27;=HYPERLINK" not in report  # read back without the added quote


# --- 6. One author ------------------------------------------------------------------------------


def test_one_author_warns_at_the_end_of_the_run(tmp_path, shared, workflow):
    documents = {f"fed{n:02d}": ("Hamilton", paper(shared, n).encode()) for n in (1, 6, 11)}
    root = make_project(tmp_path / "one", documents)
    run = workflow.run(root, "--cores", "2")
    assert run.returncode == 0, run.stderr[-3000:]
    warning = (
        "every scored document has the same 'author' ('Hamilton'): the flat clusters are 1 and "
        "their scores (ARI 1.0) say nothing about authorship. Add documents by other authors, or "
        "name another column in label_column."
    )
    assert f"wordprint: warning: {warning}" in run.stderr
    report = (root / "results/default/report.html").read_text(encoding="utf-8")
    assert f"Warning: {warning}".replace("'", "&#x27;") in report


# --- 7. Links out of the corpus folder ---------------------------------------------------------


def test_a_link_out_of_the_corpus_folder_stops_the_run_and_keeps_every_result(
        base, tmp_path, workflow):
    root = copy_of(base, tmp_path)
    before = snapshot(root)
    secret = tmp_path / "diary.txt"
    secret.write_text("my secret words " * 100)
    (root / "corpus/texts/diary.txt").symlink_to(secret)
    with open(root / "corpus/catalog.csv", "a", encoding="utf-8") as fh:
        fh.write("diary,Hamilton,Diary,1788,Hamilton,texts/diary.txt\n")
    run = workflow.run(root, "--cores", "2")
    stops_keeping_every_result(
        run, root, before,
        "wordprint: catalog row 6 (id 'diary'), column 'source': 'texts/diary.txt' is a symbolic "
        f"link to a file outside the catalog's folder {root / 'corpus'}. Copy the file into that "
        "folder in place of the link, or set 'allow_outside_catalog: true' in the config to read "
        "files from anywhere.",
    )


# --- 9. Paths out of the project ---------------------------------------------------------------


def test_a_cache_outside_the_project_stops_the_run_and_keeps_every_result(
        base, tmp_path, workflow):
    root = copy_of(base, tmp_path)
    before = snapshot(root)
    set_config(root, cache="../cache")
    run = workflow.run(root, "--cores", "2")
    stops_keeping_every_result(
        run, root, before,
        f"wordprint: config cache is '../cache', which is outside the project folder {root}, "
        "and wordprint writes there. Give a path inside the project, or list the folder holding "
        "it in config allowed_paths.",
    )
    assert not (tmp_path / "cache").exists()


# --- 11. Configs that pass the schema and crash late -------------------------------------------


def test_a_comparison_name_ending_in_a_line_break_stops_the_run_and_keeps_every_result(
        base, tmp_path, workflow):
    root = copy_of(base, tmp_path)
    before = snapshot(root)
    set_config(root, comparisons=[{"name": "braces\n", "target": {"group": "{A}"},
                                   "reference": {"rest": True}}])
    run = workflow.run(root, "--cores", "2")
    stops_keeping_every_result(
        run, root, before,
        "wordprint: config comparisons[0].name is 'braces\\n', but it becomes part of file "
        "names: use letters, digits, '.', '_' and '-' only (no spaces or line breaks), starting "
        "with a letter or digit.",
    )


def test_views_of_quotations_alone_stop_the_run_and_keep_every_result(base, tmp_path, workflow):
    root = copy_of(base, tmp_path)
    before = snapshot(root)
    set_config(root, views=["quoted"])
    run = workflow.run(root, "--cores", "2")
    stops_keeping_every_result(
        run, root, before,
        "wordprint: config views is ['quoted']: those views hold only the documents with enough "
        "quotations (or notes), possibly none, but the tables, trees and maps need every "
        "document. Add full or own to views.",
    )
