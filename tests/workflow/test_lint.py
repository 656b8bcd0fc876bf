"""The workflow stays clean under Snakemake's linter and snakefmt."""

import subprocess
import sys

from tests.support import REPO


def test_snakemake_lint_is_clean(workflow):
    run = workflow.run(REPO, "--lint", "--dry-run", cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]


def test_snakefmt_check_is_clean():
    run = subprocess.run([sys.executable, "-m", "snakefmt", "--check", "Snakefile", "workflow/"],
                         capture_output=True, text=True, cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
