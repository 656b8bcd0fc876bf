"""What the tests share besides fixtures: the repository's paths and a few settings.

Fixtures live in ``tests/conftest.py`` (``shared``, ``workflow``, ``small_corpus``) and
``tests/workflow/conftest.py`` (the hostile project's run). Import these with
``from tests.support import REPO, SHARED``; a test module never imports another test module.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The test corpora: CI clones the repo with a read-only copy of shared/ beside it. Tests read it
# through the `shared` fixture only, which marks them `corpora` and fails if the folder is missing.
SHARED = REPO.parent / "shared"
# The essay the repository ships (corpus/texts/): quotations, notes, a known quoted share.
ESSAY = REPO / "corpus" / "texts" / "dawsey-2018-platypus-112.txt"

# Settings of the profile step (wordprint.count.profile.profile_document) for the unit tests.
PROFILE_SETTINGS = {
    "pattern": "words",
    "lowercase": True,
    "mattr_window": 50,
    "mtld_threshold": 0.72,
    "views": ["full", "own", "quoted"],
    "short_quotes": "quoted",
    "segment_size": 0,
}

# Binary files a catalog may point to by mistake: their first bytes, and a whole small ZIP file
# (Word .docx and spreadsheets .xlsx are ZIP files).
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>Some words</w:document>")
    return buffer.getvalue()


def federalist_paper(shared: Path, number: int) -> str:
    """The text of Federalist paper ``number`` in the test corpora (``shared``: the fixture)."""
    return (shared / f"corpora/federalist/texts/federalist_{number:02d}.txt").read_text("utf-8")


def write_texts(folder: Path, names) -> None:
    """Files ``names`` in ``folder``, each a short text of two sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text("Some words of a text. And a sentence more.\n")


def quoting_corpus(folder: Path):
    """The catalog documents and counting profiles of the ``small_corpus`` texts in ``folder``,
    each text quoting 300 words of another author's in its middle, so it has the views
    ``full``, ``own`` (its author's words) and ``quoted``. Every document's role is known."""
    from wordprint.corpus.documents import Document
    from wordprint.count.profile import profile_document

    texts = {path.stem: path.read_text("utf-8") for path in sorted(folder.glob("*.txt"))}
    names = list(texts)
    documents, profiles = [], {}
    for j, name in enumerate(names):
        words, other = texts[name].split(), texts[names[(j + 2) % len(names)]].split()
        text = " ".join([*words[:600], '"' + " ".join(other[:300]) + '"', *words[600:]])
        profiles[name] = profile_document(text.encode(), doc_id=name, settings=PROFILE_SETTINGS)
        author = name.split("_")[0]
        documents.append(Document(name, author, name, "1900", author, f"{name}.txt", "file",
                                  f"{name}.txt", {"role": "known"}))
    return documents, profiles
