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
