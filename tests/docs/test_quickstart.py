"""The notebook quickstart (docs/quickstart.md) runs as written and reproduces the British
fiction tree: every author's novels one cluster (ARI 1.0 at 500 MFW, Cosine Delta, Ward)."""

import contextlib
import io
import re
from pathlib import Path

from tests.support import REPO

PAGE = REPO / "docs" / "quickstart.md"


def code_blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)


def test_the_page_holds_ten_lines_of_code():
    (code,) = code_blocks(PAGE)
    lines = [line for line in code.splitlines() if line.strip()]
    assert len(lines) <= 10 and "wordprint.read_folder" in code


def test_the_quickstart_reproduces_the_british_fiction_tree(shared, tmp_path, monkeypatch):
    (tmp_path / "british-fiction").symlink_to(shared / "corpora" / "british-fiction")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code_blocks(PAGE)[0], str(PAGE), "exec"), namespace)
    scores = namespace["tree"].scores(namespace["corpus"].authors)
    assert len(namespace["corpus"]) == 26 and scores["ari"] == 1.0
    assert "'ari': 1.0" in printed.getvalue()
    assert (tmp_path / "tree.png").stat().st_size > 10_000
