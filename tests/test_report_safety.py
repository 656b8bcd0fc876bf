"""Text from the corpus, the catalog and the config never becomes markup or code.

One workflow run on a corpus whose catalog fields, text and config carry HTML and script
payloads; `results/report.html` is rendered in headless Chromium and no payload may run. The
same run is the uninterrupted reference of tests/test_crash_safety.py (`reference_run`).
Related: hostile ids are refused before they can name a file (test_ids_cannot_name_files_
outside_results below); a download larger than the limit is refused
(tests/test_download.py::test_text_larger_than_max_bytes_is_refused).
"""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")

# Each payload, if it ran, would leave a marker that its own text does not contain ("ran12",
# "img34", ...); all lower case, since the tokenizer lower-cases the text.
SCRIPT = "<script>document.title='ran'+1+2</script>"
IMAGE = "<img src=x onerror=document.body.id='img'+3+4>"
LABEL = "<img src=x onerror=document.body.id='lbl'+5+6>"
TITLE = "<script>document.title='cfg'+7+8</script>"
MARKERS = ["ran12", "img34", "lbl56", "cfg78"]

PAPERS = {1: "Hamilton", 6: "Hamilton", 10: "Madison", 14: "Madison"}


def snakemake(workdir: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "snakemake", "--snakefile", str(REPO / "Snakefile"),
               "--directory", str(workdir), "--cores", "2", *args]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def hostile_text(shared: Path) -> bytes:
    """A Federalist paper with both payloads in every paragraph (so they become key terms)."""
    paper = (shared / "corpora/federalist/texts/federalist_51.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in paper.split("\n\n") if p.strip()]
    return "\n\n".join(f"{p} {SCRIPT} and {IMAGE} again." for p in paragraphs).encode()


def make_project(root: Path, shared: Path) -> Path:
    """A small corpus with a hostile document, catalog row, comparison label and report title.

    The tokenizer is ``\\S+`` so that markup survives tokenisation and reaches the key terms
    and the keyword-in-context lines of the report.
    """
    texts = root / "corpus" / "texts"
    texts.mkdir(parents=True)
    rows = [["id", "author", "title", "year", "group", "source"]]
    for number, author in PAPERS.items():
        name = f"federalist_{number:02d}.txt"
        shutil.copy(shared / "corpora/federalist/texts" / name, texts / name)
        rows.append([f"fed{number:02d}", author, f"No. {number}", "1788", author, f"texts/{name}"])
    (texts / "hostile.txt").write_bytes(hostile_text(shared))
    rows.append(["hostile", IMAGE, SCRIPT, "2024", "Madison", "texts/hostile.txt"])
    with open(root / "corpus" / "catalog.csv", "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text(encoding="utf-8"))
    config.update(
        catalog="corpus/catalog.csv",
        shards=2,
        mfw=[20],
        measures=["cosine_delta"],
        tokenizer={"pattern": r"\S+", "lowercase": True},
        comparisons=[
            {
                "name": "hostile-vs-rest",
                "target": {"document": "hostile"},
                "reference": {"rest": True, "label": LABEL},
            }
        ],
        report={"title": TITLE, "mfw": 20, "measure": "cosine_delta"},
    )
    (root / "config").mkdir()
    (root / "config" / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def reference_run(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """The hostile project, run once per test session (shared with tests/test_crash_safety.py)."""
    root = tmp_path_factory.getbasetemp() / "hostile-report-run"
    done = root / ".run-finished"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        make_project(root, shared)
        run = snakemake(root)
        assert run.returncode == 0, run.stderr[-3000:]
        assert "Traceback" not in run.stderr
        done.touch()
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory, shared) -> Path:
    return reference_run(tmp_path_factory, shared)


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


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium (/usr/bin/chromium) is not installed: apt-get install -y chromium",
)


@needs_chromium
def test_the_renderer_would_see_a_payload_that_ran(tmp_path):
    """Control: the same payloads, not escaped, do run and leave their markers."""
    page = tmp_path / "live.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>t</title></head><body>{SCRIPT}{IMAGE}"
                    "</body></html>")
    dom = render(page, tmp_path / "profile")
    assert "<title>ran12</title>" in dom and 'id="img34"' in dom


@needs_chromium
def test_no_payload_runs_in_the_report(project, tmp_path):
    dom = render(project / "results" / "default" / "report.html", tmp_path / "profile")
    assert "<h2 id=\"comparison\">Comparison</h2>" in dom  # the whole page was rendered
    for marker in MARKERS:
        assert marker not in dom, marker
    # The page title is the config's title, as text.
    assert "<title>&lt;script&gt;document.title='cfg'+7+8&lt;/script&gt;</title>" in dom


@needs_chromium
def test_snakemakes_own_report_runs_no_payload(project, tmp_path):
    """Snakemake shows each job's params in a <script> element unescaped: ours print markup
    escaped (wordprint.workflow.params), so a title holding '</script>' cannot end it."""
    report = tmp_path / "snakemake-report.html"
    run = snakemake(project, "--report", str(report))
    assert run.returncode == 0, run.stderr[-2000:]
    dom = render(report, tmp_path / "profile")
    assert [m for m in MARKERS if m in dom] == []


def test_payloads_are_shown_as_text(project):
    html = (project / "results" / "default" / "report.html").read_text(encoding="utf-8")
    escaped = {p: p.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#x27;")
               for p in (SCRIPT, IMAGE, LABEL, TITLE)}
    for payload, text in escaped.items():
        assert payload not in html, payload
    # The catalog's author and title, in the table of documents.
    assert f"<tr><td>hostile</td><td>{escaped[IMAGE]}</td><td>{escaped[SCRIPT]}</td>" in html
    # The comparison's label, in the headings of its tables.
    assert f"Terms most key in {escaped[LABEL]}" in html
    # The text's markup survives tokenisation (\S+) as key terms and in lines in context.
    kwic = (project / "results/default/tables/kwic/hostile-vs-rest.csv").read_text(encoding="utf-8")
    assert SCRIPT in kwic
    assert f"<td>{escaped[SCRIPT]}</td>" in html
    assert "<script" not in html.split("</head>", 1)[1]  # no script element in the body
    assert "<img src=x" not in html


def test_ids_cannot_name_files_outside_results(tmp_path):
    """An id becomes part of file names (rolling_<id>.csv): unsafe ids stop the run at once."""
    root = tmp_path / "project"
    (root / "corpus" / "texts").mkdir(parents=True)
    (root / "corpus" / "texts" / "a.txt").write_text("Some words of a text.", encoding="utf-8")
    rows = "id,author,title,year,group,source\n../../escape,A,T,2000,g,texts/a.txt\n"
    (root / "corpus" / "catalog.csv").write_text(rows, encoding="utf-8")
    (root / "config").mkdir()
    shutil.copy(REPO / "config" / "config.yaml", root / "config" / "config.yaml")
    run = snakemake(root, "--config", "comparisons=[]", timeout=300)
    assert run.returncode == 1
    assert (
        "wordprint: catalog row 2, column 'id': '../../escape' is not a safe document id. Use "
        "letters, digits, '.', '_' and '-' only (no spaces, slashes or '..'), starting with a "
        "letter or digit."
    ) in run.stderr
    assert "Traceback" not in run.stderr
    assert not any((root / d).exists() for d in ("results", "resources", "logs"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]  # nothing beside it
