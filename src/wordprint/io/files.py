"""Atomic, deterministic writing of tables and JSON, and reading them back.

Every output is written to a temporary file in the same folder and moved into place with
``os.replace``, so an interrupted run never leaves a half-written file that a rerun would trust.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import os
import re
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


@contextmanager
def atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file that appears at ``path`` only once it is whole (temporary file + rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are for everyone to read
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file + rename)."""
    with atomic_file(path) as fh:
        fh.write(data)


def write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _json_bytes(obj: Any, *, compact: bool = False) -> bytes:
    layout: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 1}
    return (json.dumps(obj, ensure_ascii=False, sort_keys=False, **layout) + "\n").encode("utf-8")


def write_json(path: str | Path, obj: Any, *, compact: bool = False) -> None:
    """JSON, or gzip-compressed JSON when the name ends in ``.gz`` (deterministic: mtime 0).

    ``compact``: no line breaks or spaces and the fastest compression, for caches written
    often and never read by people (a novel's tokens: 22 ms instead of 120 ms, as small).
    """
    data = _json_bytes(obj, compact=compact)
    if str(path).endswith(".gz"):
        data = gzip.compress(data, compresslevel=1 if compact else 6, mtime=0)
    atomic_write_bytes(path, data)


def write_json_array(path: str | Path, items: Iterable[Any], *, compact: bool = False) -> None:
    """:func:`write_json` of ``list(items)``, the same bytes, holding one item at a time.

    A shard of a thousand profiles is written as it is made, rather than kept whole in memory
    and serialised at the end.
    """
    # zlib's own gzip wrapper (wbits 31), as gzip.compress uses it for mtime 0: the same bytes.
    level = 1 if compact else 6
    packer = zlib.compressobj(level, zlib.DEFLATED, 31) if str(path).endswith(".gz") else None
    with atomic_file(path) as fh:

        def write(text: str) -> None:
            data = text.encode("utf-8")
            fh.write(packer.compress(data) if packer else data)

        first = True
        for item in items:
            if compact:
                write(("[" if first else ",") + json.dumps(item, ensure_ascii=False,
                                                           separators=(",", ":")))
            else:
                # An item of a list indented by one: every line one space further in (JSON
                # strings never hold a raw line break, so only the layout's breaks are replaced).
                text = json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n ")
                write(("[\n " if first else ",\n ") + text)
            first = False
        if compact:
            write("[]\n" if first else "]\n")
        else:
            write("[]\n" if first else "\n]\n")
        if packer:
            fh.write(packer.flush())


def read_json(path: str | Path) -> Any:
    data = Path(path).read_bytes()
    if str(path).endswith(".gz"):
        data = gzip.decompress(data)
    return json.loads(data)


# A text cell a spreadsheet would evaluate as a formula (OWASP, "CSV injection"): it starts with
# '=', '+', '-', '@', a tab or a carriage return, after any quotes '\'' already added. Numbers
# written as text ("-0.5", "+3", "1e-05") are numbers to a spreadsheet too, and stay as they are.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def neutral_cell(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet evaluates: a ``'`` before a would-be formula.

    :func:`read_csv` takes the ``'`` off again, so wordprint reads its own tables back as
    written.

    >>> tuple(neutral_cell(t) for t in ("=HYPERLINK(1)", "@SUM(1)", "-2+3", "-0.5", "'tis", "'=x"))
    ("'=HYPERLINK(1)", "'@SUM(1)", "'-2+3", '-0.5', "'tis", "''=x")
    """
    if _FORMULA.match(text) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _read_cell(text: str) -> str:
    return text[1:] if _ESCAPED.match(text) and not _NUMBER.fullmatch(text[1:]) else text


def _cell(value: Any) -> Any:
    # repr() is the shortest string that reads back as the same float: exact and deterministic.
    if isinstance(value, (float, np.floating)):
        return repr(float(value)) if value == value else "NaN"
    if isinstance(value, str):
        return neutral_cell(value)
    return value


def write_csv(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A CSV table with a header row; floats written exactly (shortest round-trip form).

    A text cell a spreadsheet would evaluate as a formula (a label ``=HYPERLINK(...)`` from a
    catalog) is written with a leading ``'`` (:func:`neutral_cell`); :func:`read_csv` removes it.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # The csv module quotes a cell holding '\n' but not one holding a bare '\r', which every
    # reader takes for the end of the row: such rows are written with every cell quoted.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in [header, *rows]:
        cells = [_cell(v) for v in row]
        (quoted if any(isinstance(c, str) and "\r" in c for c in cells) else writer).writerow(cells)
    write_text(path, buffer.getvalue())


def read_csv(path: str | Path) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV file written by :func:`write_csv` (the ``'`` it put before
    would-be formulas taken off)."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [[_read_cell(c) for c in row] for row in csv.reader(fh)]
    return rows[0], rows[1:]


def write_matrix(
    path: str | Path, row_ids: Sequence[str], columns: Sequence[str], matrix: np.ndarray
) -> None:
    """A labelled numeric table: first column ``id``, then one column per feature or document."""
    write_csv(path, ["id", *columns], ([r, *map(float, row)] for r, row in zip(row_ids, matrix)))


def read_matrix(path: str | Path) -> tuple[list[str], list[str], np.ndarray]:
    """Row ids, column names and values of a table written by :func:`write_matrix`."""
    header, rows = read_csv(path)
    values = np.array([[float(v) for v in row[1:]] for row in rows]).reshape(len(rows), -1)
    return [row[0] for row in rows], header[1:], values


def _plain(value: Any) -> Any:
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (np.floating, float)):
        value = float(value)
        return None if math.isnan(value) or math.isinf(value) else value
    return value


def table_rows(table: Mapping[str, Sequence[Any]] | Sequence[Mapping[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """CSV header and rows of a table (dict of columns, or list of row dicts).

    Values become plain Python (numpy scalars unwrapped); NaN and infinities become None,
    written as empty cells, so no table holds ``NaN`` or ``inf``.

    Examples
    --------
    >>> table_rows({"term": ["a", "b"], "dp": np.array([0.5, np.nan])})
    (['term', 'dp'], [['a', 0.5], ['b', None]])
    >>> table_rows([{"x": 1}])
    (['x'], [[1]])
    """
    if isinstance(table, Mapping):
        header = list(table)
        columns = [list(table[c]) for c in header]
        return header, [[_plain(v) for v in row] for row in zip(*columns)]
    rows = list(table)
    header = list(rows[0]) if rows else []
    return header, [[_plain(r[c]) for c in header] for r in rows]
