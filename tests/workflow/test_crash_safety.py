"""A run killed with SIGKILL resumes, and its results are the bytes of an uninterrupted run.

Every output and cache entry is written to a temporary file and renamed into place, so a kill
leaves finished files or none, never half a file. What a kill does leave is Snakemake's own
bookkeeping: the lock of the working folder and the marks of the jobs it was running. The next
plain run knows the killed run is dead (wordprint's own run lock, which the kernel releases when
a process dies, is free), clears the stale lock and makes the marked files again.
"""

import fcntl
import os
import signal
import time
from pathlib import Path

from tests.workflow.hostile import make_project


def files(root: Path) -> dict[str, bytes]:
    """Every result and cache file under ``root``, without the hidden temporary files."""
    found = {}
    for folder in ("results", "resources/cache"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                found[str(path.relative_to(root))] = path.read_bytes()
    return found


def start_and_kill(workflow, root: Path) -> None:
    """Start the workflow and SIGKILL its whole process group once a shard's profiles exist."""
    process = workflow.start(root, "--cores", "2")
    deadline = time.monotonic() + 600
    try:
        while not list((root / "results" / "default" / "counts").glob("shard-*.json.gz")):
            assert process.poll() is None, "the run ended before a shard was written"
            assert time.monotonic() < deadline, "no shard written in 10 minutes"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # snakemake and every job it started
        process.wait(timeout=60)


def test_killed_run_resumes_to_identical_results(hostile_run, shared, tmp_path, workflow):
    reference = hostile_run
    root = make_project(tmp_path / "killed", shared)
    start_and_kill(workflow, root)
    assert not (root / "results" / "default" / "report.html").exists()  # killed mid-run indeed

    # The kill left Snakemake's lock behind; the plain command resumes all the same.
    assert list((root / ".snakemake" / "locks").iterdir())
    resumed = workflow.run(root, "--cores", "2")
    assert resumed.returncode == 0, resumed.stderr[-3000:]

    expected, got = files(reference), files(root)
    assert len(expected) > 40
    assert sorted(got) == sorted(expected)
    # Only the provenance record differs: it says when each job ran.
    differ = [name for name in expected if got[name] != expected[name]]
    assert differ == ["results/default/provenance.json"]


def test_a_live_run_still_locks_its_folder(tmp_path, shared, workflow):
    """While another run holds the run lock, Snakemake's lock is honoured: nothing is started."""
    root = make_project(tmp_path / "busy", shared)
    locks = root / ".snakemake" / "locks"
    locks.mkdir(parents=True)
    (locks / "0.output.lock").write_text("results/default/report.html\n")
    with open(root / ".snakemake" / "wordprint.lock", "ab") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as the live run does
        busy = workflow.run(root, "--cores", "2")
    assert busy.returncode == 1
    assert "Directory cannot be locked" in busy.stdout + busy.stderr
    assert not (root / "results").exists()
    assert (locks / "0.output.lock").exists()  # the live run's lock is left alone
