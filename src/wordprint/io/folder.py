"""A folder of texts as a catalog, named as stylo names its corpus files.

stylo reads a corpus folder and takes each file's class (its author) from the name, up to the
first underscore: ``Austen_Pride.txt`` is by Austen, title ``Pride``. :func:`folder_catalog`
does the same, so a folder prepared for stylo becomes a wordprint catalog in one step.

The fallback, for a name without an underscore (``emma.txt``): the whole name is the author and
the title, as in stylo; such a text shares its label with no other, so add an underscore or edit
the catalog's ``author`` column before scoring clusters by author.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from wordprint.io.catalog import REQUIRED_COLUMNS, SAFE_ID, CatalogError

__all__ = ["catalog_row", "folder_catalog", "TEXT_SUFFIXES"]

#: The files a folder's catalog lists.
TEXT_SUFFIXES = (".txt",)


def catalog_row(path: Path) -> dict[str, str]:
    """The catalog row of one text file, from its name (stylo's ``Author_Title.txt``).

    Examples
    --------
    >>> catalog_row(Path("texts/Austen_Pride_and_Prejudice.txt"))["title"]
    'Pride and Prejudice'
    >>> row = catalog_row(Path("emma.txt"))
    >>> row["id"], row["author"], row["title"], row["group"], row["source"]
    ('emma', 'emma', 'emma', 'emma', 'emma.txt')
    """
    stem = path.stem
    author, _, title = stem.partition("_")
    # An id is a file-name-safe name: other characters become '-'.
    doc_id = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._")
    if not doc_id or not SAFE_ID.match(doc_id):
        raise CatalogError(
            f"file {path.name!r}: no letter or digit in its name to make a document id from. "
            "Rename the file."
        )
    author = author.strip() or stem
    return {
        "id": doc_id,
        "author": author,
        "title": title.replace("_", " ").strip() or stem,
        "year": "",
        "group": author,
        "source": path.name,
    }


def folder_catalog(folder: str | Path) -> str:
    """The catalog (CSV text) of every text file directly in ``folder``, sorted by name.

    Raises :class:`CatalogError` when the folder holds fewer than 3 texts (distances and
    clusters compare at least 3) or two files give the same id.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CatalogError(f"{folder} is not a folder of texts. Name the folder that holds them.")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
    if len(files) < 3:
        raise CatalogError(
            f"{folder} holds {len(files)} text file(s) ({', '.join(TEXT_SUFFIXES)}); an analysis "
            "compares at least 3. Add texts to the folder."
        )
    rows = [catalog_row(p) for p in files]
    seen: dict[str, str] = {}
    for row in rows:
        if row["id"] in seen:
            raise CatalogError(
                f"files {seen[row['id']]!r} and {row['source']!r} both give the id "
                f"{row['id']!r}. Rename one of them."
            )
        seen[row["id"]] = row["source"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=REQUIRED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
