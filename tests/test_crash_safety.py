"""A run killed with SIGKILL resumes, and its results are the bytes of an uninterrupted run.

Every output and cache entry is written to a temporary file and renamed into place, so a kill
leaves finished files or none, never half a file. What a kill does leave is Snakemake's own
bookkeeping: the lock of the working folder and the marks of the jobs it was running. As the
README says ("What happens with bad input"), the next run needs `snakemake --unlock`, then
`snakemake --cores all --rerun-incomplete`; the plain command says so instead of running.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from test_report_safety import REPO, make_project, reference_run, snakemake


def files(root: Path) -> dict[str, bytes]:
    """Every result and cache file under ``root``, without the hidden temporary files."""
    found = {}
    for folder in ("results", "resources/cache"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                found[str(path.relative_to(root))] = path.read_bytes()
    return found


def start_and_kill(root: Path) -> None:
    """Start the workflow and SIGKILL its whole process group once a shard's profiles exist."""
    command = [sys.executable, "-m", "snakemake", "--snakefile", str(REPO / "Snakefile"),
               "--directory", str(root), "--cores", "2"]  # fmt: skip
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 600
    try:
        while not list((root / "results" / "profiles").glob("shard-*.json.gz")):
            assert process.poll() is None, "the run ended before a shard was written"
            assert time.monotonic() < deadline, "no shard written in 10 minutes"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # snakemake and every job it started
        process.wait(timeout=60)


def test_killed_run_resumes_to_identical_results(tmp_path_factory, shared, tmp_path):
    reference = reference_run(tmp_path_factory, shared)
    root = make_project(tmp_path / "killed", shared)
    start_and_kill(root)
    assert not (root / "results" / "report.html").exists()  # killed mid-run indeed

    # The plain command refuses, pointing to the interrupted jobs (or, had none been running at
    # the kill, to the lock).
    plain = snakemake(root)
    assert plain.returncode == 1
    assert "--rerun-incomplete" in plain.stderr or "--unlock" in plain.stderr
    assert "Traceback" not in plain.stderr

    unlock = snakemake(root, "--unlock")
    assert unlock.returncode == 0, unlock.stderr[-3000:]
    resumed = snakemake(root, "--rerun-incomplete")
    assert resumed.returncode == 0, resumed.stderr[-3000:]

    expected, got = files(reference), files(root)
    assert len(expected) > 40
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []
