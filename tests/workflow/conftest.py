"""Fixtures of the workflow runs (every test under tests/workflow/ is marked `workflow` by
tests/conftest.py; `workflow` and `shared` are fixtures of tests/conftest.py)."""

from pathlib import Path

import pytest

from tests.workflow.hostile import make_project


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory, shared, workflow) -> Path:
    """The hostile project (tests/workflow/hostile.py), run once per test session: its report
    is checked by test_report_safety.py and test_report_browser.py, its files are the
    uninterrupted reference of test_crash_safety.py."""
    root = make_project(tmp_path_factory.mktemp("hostile-report-run"), shared)
    run = workflow.run(root, "--cores", "2")
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    return root
