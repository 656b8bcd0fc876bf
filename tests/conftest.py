import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# CI clones the repo with a read-only copy of shared/ beside it.
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared data folder {SHARED} is missing (it must sit beside the repo)")
    return SHARED


class Workflow:
    """Runs the real workflow (the repository's Snakefile) in a folder, and reads its plans."""

    def run(self, workdir: Path, *args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "snakemake", "--snakefile", str(REPO / "Snakefile"),
                   "--directory", str(workdir), *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=900)

    @staticmethod
    def jobs(output: str) -> dict[str, int]:
        """Snakemake's 'Job stats' table (of a run or a dry run): rule -> number of jobs."""
        counts = {}
        for line in output.split("Job stats:")[-1].splitlines()[3:]:
            parts = line.split()
            if len(parts) != 2 or not parts[1].isdigit():
                break
            if parts[0] != "total":
                counts[parts[0]] = int(parts[1])
        return counts


@pytest.fixture(scope="session")
def workflow() -> Workflow:
    return Workflow()
