"""Text from the corpus, the catalog and the config never becomes markup or code.

One workflow run on a corpus whose catalog fields, text and config carry HTML and script
payloads; `results/report.html` is rendered in headless Chromium and no payload may run. The
same run is the uninterrupted reference of tests/workflow/test_crash_safety.py (the
`hostile_run` fixture of tests/workflow/conftest.py; the project is tests/workflow/hostile.py).
Related: hostile ids are refused before they can name a file (test_ids_cannot_name_files_
outside_results below); a download larger than the limit is refused
(tests/unit/io/test_download.py::test_text_larger_than_max_bytes_is_refused).
"""

import shutil
import subprocess
from pathlib import Path

from tests.support import REPO
from tests.workflow.hostile import CHROMIUM, IMAGE, LABEL, MARKERS, SCRIPT, TITLE, needs_chromium


def render(html: Path, profile: Path) -> str:
    """The DOM of ``html`` after loading it in headless Chromium, scripts and images included."""
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", "--virtual-time-budget=3000",
        "--dump-dom", html.as_uri(),
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


@needs_chromium
def test_the_renderer_would_see_a_payload_that_ran(tmp_path):
    """Control: the same payloads, not escaped, do run and leave their markers."""
    page = tmp_path / "live.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>t</title></head><body>{SCRIPT}{IMAGE}"
                    "</body></html>")
    dom = render(page, tmp_path / "profile")
    assert "<title>ran12</title>" in dom and 'id="img34"' in dom


@needs_chromium
def test_no_payload_runs_in_the_report(hostile_run, tmp_path):
    dom = render(hostile_run / "results" / "default" / "report.html", tmp_path / "profile")
    assert "<h2 id=\"comparison\">Comparison</h2>" in dom  # the whole page was rendered
    for marker in MARKERS:
        assert marker not in dom, marker
    # The page title is the config's title, as text.
    assert "<title>&lt;script&gt;document.title='cfg'+7+8&lt;/script&gt;</title>" in dom


@needs_chromium
def test_snakemakes_own_report_runs_no_payload(hostile_run, tmp_path, workflow):
    """Snakemake shows each job's params in a <script> element unescaped: ours print markup
    escaped (wordprint.workflow.params), so a title holding '</script>' cannot end it."""
    report = tmp_path / "snakemake-report.html"
    run = workflow.run(hostile_run, "--cores", "2", "--report", str(report))
    assert run.returncode == 0, run.stderr[-2000:]
    dom = render(report, tmp_path / "profile")
    assert [m for m in MARKERS if m in dom] == []


def test_payloads_are_shown_as_text(hostile_run):
    html = (hostile_run / "results" / "default" / "report.html").read_text(encoding="utf-8")
    escaped = {p: p.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#x27;")
               for p in (SCRIPT, IMAGE, LABEL, TITLE)}
    for payload, text in escaped.items():
        assert payload not in html, payload
    # The catalog's author and title, in the table of documents.
    assert f"<tr><td>hostile</td><td>{escaped[IMAGE]}</td><td>{escaped[SCRIPT]}</td>" in html
    # The comparison's label, in the headings of its tables.
    assert f"Terms most key in {escaped[LABEL]}" in html
    # The text's markup survives tokenisation (\S+) as key terms and in lines in context.
    kwic = (hostile_run / "results/default/tables/kwic/hostile-vs-rest.csv").read_text(encoding="utf-8")
    assert SCRIPT in kwic
    assert f"<td>{escaped[SCRIPT]}</td>" in html
    assert "<script" not in html.split("</head>", 1)[1]  # no script element in the body
    assert "<img src=x" not in html


def test_ids_cannot_name_files_outside_results(tmp_path, workflow):
    """An id becomes part of file names (rolling_<id>.csv): unsafe ids stop the run at once."""
    root = tmp_path / "project"
    (root / "corpus" / "texts").mkdir(parents=True)
    (root / "corpus" / "texts" / "a.txt").write_text("Some words of a text.", encoding="utf-8")
    rows = "id,author,title,year,group,source\n../../escape,A,T,2000,g,texts/a.txt\n"
    (root / "corpus" / "catalog.csv").write_text(rows, encoding="utf-8")
    (root / "config").mkdir()
    shutil.copy(REPO / "config" / "config.yaml", root / "config" / "config.yaml")
    run = workflow.run(root, "--cores", "2", "--config", "comparisons=[]", timeout=300)
    assert run.returncode == 1
    assert (
        "wordprint: catalog row 2, column 'id': '../../escape' is not a safe document id. Use "
        "letters, digits, '.', '_' and '-' only (no spaces, slashes or '..'), starting with a "
        "letter or digit."
    ) in run.stderr
    assert "Traceback" not in run.stderr
    assert not any((root / d).exists() for d in ("results", "resources", "logs"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]  # nothing beside it
