"""The manual: the docs site builds without a warning, and the README stays a short entry page.

`mkdocs build --strict` fails on a broken link or anchor, a page missing from the navigation or a
nav entry without its page, a snippet whose file is gone (`benchmarks/RESULTS.md`), and an API
page naming a module that no longer exists.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from tests.support import REPO

README = REPO / "README.md"

# The two set-up commands, byte for byte: CI (.ci/run) and readers copy them from the README.
RUN_COMMAND = "```bash\npip install -e . && snakemake --cores all --quiet rules\n```\n"
TEST_COMMAND = '```bash\npip install -e ".[test]" && pytest\n```\n'


def test_site_builds_strict(tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's banner about MkDocs 2
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
         str(REPO / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    assert (site / "index.html").is_file()
    # The API reference rendered the library's docstrings, not an empty page.
    assert "distance_matrix" in (site / "api" / "measures" / "index.html").read_text("utf-8")
    # The benchmark page holds benchmarks/RESULTS.md, not the snippet marker.
    results = (site / "guide" / "benchmark-results" / "index.html").read_text("utf-8")
    assert "--8&lt;--" not in results and "Benchmark results" in results


def test_readme_is_a_short_entry_page():
    text = README.read_text("utf-8")
    assert len(text.splitlines()) < 200
    assert RUN_COMMAND in text
    assert TEST_COMMAND in text


def test_readme_links_and_images_resolve():
    """The README's relative links (to docs/*.md) and its figure work on GitHub too."""
    text = README.read_text("utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    local = [t for t in targets if not re.match(r"[a-z]+://", t)]
    assert any(t.startswith("docs/") for t in local)
    missing = [t for t in local if not (REPO / t).exists()]
    assert not missing, f"README links to missing files: {missing}"


def test_configuration_page_names_every_key():
    """docs/guide/configuration.md documents every key of the config schema."""
    import yaml

    schema = yaml.safe_load((REPO / "workflow/schemas/config.schema.yaml").read_text("utf-8"))
    page = (REPO / "docs/guide/configuration.md").read_text("utf-8")
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_]", page))

    def leaves(node, prefix=""):
        for key, sub in (node.get("properties") or {}).items():
            if isinstance(sub, dict) and "properties" in sub:
                yield from leaves(sub, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}"

    missing = [key for key in leaves(schema)
               if key not in words and key.rsplit(".", 1)[-1] not in words]
    assert not missing, f"config keys missing from docs/guide/configuration.md: {missing}"


def test_repository_paths_named_in_the_docs_exist():
    """A file or folder of the repository named in the manual or the README is still there."""
    pages = [README, *sorted((REPO / "docs").rglob("*.md"))]
    roots = ("src/", "tests/", "workflow/", "config/", "benchmarks/", "corpus/", ".ci/")
    made_by_a_run = {"config/texts.yaml", "corpus/revolution.lock.json"}  # examples of outputs
    missing = set()
    for page in pages:
        for path in re.findall(r"`([^`\s]+)`", page.read_text("utf-8")):
            if (path.startswith(roots) and path not in made_by_a_run
                    and not re.search(r"[*<>{}]", path)):
                # A test named as `tests/x.py::test_name`: the file and the test in it.
                path, _, test = path.partition("::")
                if not (REPO / path).exists() or (
                        test and f"def {test}(" not in (REPO / path).read_text("utf-8")):
                    missing.add(f"{page.relative_to(REPO)}: {path}{'::' if test else ''}{test}")
    assert not missing, "paths named in the docs are gone:\n" + "\n".join(sorted(missing))


def test_the_guarantees_tables_and_the_hostile_suite_correspond_one_to_one():
    """Every row of the 'Guarantees: ...' tables of the bad-input page names a test, and every
    test of the hostile-input suite is named by a row (issue #20)."""
    import ast
    import re

    page = (REPO / "docs/guide/bad-input.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## Guarantees: .*?(?=^## |\Z)", page, flags=re.M | re.S)
    rows = [line for section in sections for line in section.splitlines()
            if line.startswith("| ") and not re.match(r"\| (input|Input|---)", line)]
    assert len(sections) == 2 and len(rows) >= 15
    named = set()
    for row in rows:
        tests = re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)`", row)
        assert tests, f"a guarantee names no test: {row[:120]}"
        named.update(tests)
    suite = {
        (path, node.name)
        for path in ("tests/unit/test_hostile_sources.py", "tests/unit/test_hostile_outputs.py",
                     "tests/workflow/test_hostile_sources.py",
                     "tests/workflow/test_hostile_outputs.py", "tests/unit/test_fuzz.py")
        for node in ast.parse((REPO / path).read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
    }
    assert suite - named == set(), f"tests no guarantee names: {sorted(suite - named)}"
    assert named - suite == set(), f"guarantees naming no such test: {sorted(named - suite)}"
