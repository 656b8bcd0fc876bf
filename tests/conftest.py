import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO, SHARED

WORKFLOW_TESTS = Path(__file__).resolve().parent / "workflow"


def stage(item: pytest.Item) -> int:
    """0: a plain unit test, 1: it reads the test corpora, 2: it runs the workflow."""
    if item.get_closest_marker("workflow"):
        return 2
    return 1 if item.get_closest_marker("corpora") else 0


@pytest.hookimpl(tryfirst=True)  # before -m deselects by these marks
def pytest_collection_modifyitems(items):
    """Every test under tests/workflow/ is marked `workflow`, every test that asks for the
    `shared` fixture (itself or through another fixture) `corpora`. Then the fast tests first:
    the plain unit tests, those reading the corpora, the workflow runs, so a failing unit test
    is reported before the workflow runs start."""
    for item in items:
        if WORKFLOW_TESTS in item.path.parents:
            item.add_marker(pytest.mark.workflow)
        if "shared" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.corpora)
    items.sort(key=stage)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The test corpora (../shared beside the repository); a test asking for them is marked
    `corpora` and fails, never skips, when the folder is missing."""
    if not SHARED.is_dir():
        pytest.fail(f"the shared data folder {SHARED} is missing (it must sit beside the repo)")
    return SHARED


@pytest.fixture(scope="session")
def lee(shared):
    """stylo's `lee` data set (corpora/stylo-lee-freqs/SOURCE.md in the test corpora): the ids
    of 28 novels by 8 American authors and their relative frequencies of the 3,000 most frequent
    words, in percent as stylo gives them (a read-only array)."""
    import csv

    import numpy as np

    path = shared / "corpora" / "stylo-lee-freqs" / "relative_frequencies_3000mfw.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[1:]
    table = np.array([[float(v) for v in row[1:]] for row in rows])
    table.setflags(write=False)
    return [row[0] for row in rows], table


class Workflow:
    """Runs the real workflow (the repository's Snakefile) in a folder, and reads its plans."""

    @staticmethod
    def command(workdir: Path, *args: str) -> list[str]:
        """The snakemake command line; a target goes first in ``args`` (before --config)."""
        return [sys.executable, "-m", "snakemake", "--snakefile", str(REPO / "Snakefile"),
                "--directory", str(workdir), *args]

    def run(self, workdir: Path, *args: str, timeout: float = 900,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(self.command(workdir, *args), capture_output=True, text=True,
                              timeout=timeout, cwd=cwd)

    def start(self, workdir: Path, *args: str) -> subprocess.Popen:
        """The workflow started in its own process group (to be killed whole), output dropped."""
        return subprocess.Popen(self.command(workdir, *args), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)

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


# A small corpus made here, so unit tests need nothing outside the repository: three authors,
# two texts each, drawn from each author's own word frequencies (a fixed seed).
AUTHORS = {
    "Ames": {"the": 9, "of": 6, "and": 3, "upon": 3, "whilst": 2, "shall": 1},
    "Birch": {"the": 6, "and": 9, "of": 2, "but": 4, "very": 3, "quite": 2},
    "Crane": {"the": 7, "of": 3, "and": 4, "which": 5, "thus": 3, "indeed": 2},
}
COMMON = ["house", "river", "road", "letter", "morning", "garden", "window", "door", "friend"]


def small_texts(words: int = 1500) -> dict[str, str]:
    """``Author_Title`` -> text: each author's function words at their own rates among nouns."""
    import numpy as np

    rng = np.random.default_rng(7)
    texts = {}
    for author, habits in AUTHORS.items():
        vocabulary = [*habits, *COMMON]
        weights = np.array([*habits.values(), *[2] * len(COMMON)], dtype=float)
        for title in ("One", "Two"):
            drawn = rng.choice(vocabulary, size=words, p=weights / weights.sum())
            sentences = [" ".join(drawn[i : i + 12]).capitalize() + "." for i in range(0, words, 12)]
            texts[f"{author}_{title}"] = " ".join(sentences)
    return texts


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    """A folder of six texts by three authors, named Author_Title.txt as stylo names them."""
    folder = tmp_path_factory.mktemp("small_corpus")
    for name, text in small_texts().items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder
