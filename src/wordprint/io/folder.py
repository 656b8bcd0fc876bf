"""A folder of texts as a catalog, named as stylo names its corpus files.

stylo reads a corpus folder and takes each file's class (its author) from the name, up to the
first underscore: ``Austen_Pride.txt`` is by Austen, title ``Pride``. :func:`folder_catalog`
does the same, so a folder prepared for stylo becomes a wordprint catalog in one step.

The fallback, for a name without an underscore (``emma.txt``): the whole name is the author and
the title, as in stylo; such a text shares its label with no other, so add an underscore or edit
the catalog's ``author`` column before scoring clusters by author.

A TEI file (``.xml``) names itself: author, title, year and language come from its
``<teiHeader>`` (:func:`wordprint.text.tei.read_tei_header`), the file name only where the
header says nothing; the catalog then has a ``language`` column.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from wordprint.io.catalog import REQUIRED_COLUMNS, SAFE_ID, CatalogError
from wordprint.text.tei import TeiError, read_tei_header

__all__ = ["catalog_row", "folder_catalog", "TEXT_SUFFIXES"]

#: The files a folder's catalog lists: plain texts and TEI XML.
TEXT_SUFFIXES = (".txt", ".xml")


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
    row = {
        "id": doc_id,
        "author": author,
        "title": title.replace("_", " ").strip() or stem,
        "year": "",
        "group": author,
        "source": path.name,
    }
    if path.suffix.lower() == ".xml":
        try:
            header = read_tei_header(path, doc_id=doc_id)
        except TeiError as err:
            raise CatalogError(f"file {path.name!r}: {err}") from None
        row.update({k: v for k, v in header.items() if v})
        row["group"] = row["author"]
    return row


def folder_catalog(folder: str | Path, *, allow_outside: bool = False) -> str:
    """The catalog (CSV text) of every text file directly in ``folder``, sorted by name.

    Raises :class:`CatalogError` when the folder holds fewer than 3 texts (distances and
    clusters compare at least 3), two files give the same id, or (unless ``allow_outside``) a
    file is a symbolic link to a file outside the folder: its header is not read either.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CatalogError(f"{folder} is not a folder of texts. Name the folder that holds them.")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
    inside = folder.resolve()
    for path in files:
        if not allow_outside and not path.resolve().is_relative_to(inside):
            raise CatalogError(
                f"file {path.name!r} is a symbolic link to a file outside the folder {inside}. "
                "Copy the file into the folder in place of the link, or set "
                "'allow_outside_catalog: true' in the config to read files from anywhere."
            )
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
    columns = [*REQUIRED_COLUMNS, *(["language"] if any("language" in r for r in rows) else [])]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
