"""The hostile project: a corpus, catalog and config carrying HTML and script payloads.

Its run (the ``hostile_run`` fixture of ``tests/workflow/conftest.py``, once per session) is the
report checked in test_report_safety.py and test_report_browser.py, and the uninterrupted
reference of test_crash_safety.py.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml

from tests.support import REPO

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium (/usr/bin/chromium) is not installed: apt-get install -y chromium",
)

# Each payload, if it ran, would leave a marker that its own text does not contain ("ran12",
# "img34", ...); all lower case, since the tokenizer lower-cases the text.
SCRIPT = "<script>document.title='ran'+1+2</script>"
IMAGE = "<img src=x onerror=document.body.id='img'+3+4>"
LABEL = "<img src=x onerror=document.body.id='lbl'+5+6>"
TITLE = "<script>document.title='cfg'+7+8</script>"
MARKERS = ["ran12", "img34", "lbl56", "cfg78"]

PAPERS = {1: "Hamilton", 6: "Hamilton", 10: "Madison", 14: "Madison"}


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
