"""Know whether another run is alive in a working folder, so a killed run's leftovers can go.

Snakemake marks a working folder as locked with plain files (``.snakemake/locks/``) and marks
the outputs of running jobs as incomplete; a run killed with SIGKILL cannot remove either, so
the next plain ``snakemake`` refuses to start. Each wordprint run also holds an exclusive
``flock`` on ``.snakemake/wordprint.lock`` for as long as it lives. The kernel releases such a
lock when its process dies, however it dies, so a run that obtains it knows no other run is
alive here: Snakemake's locks are then stale, and files marked incomplete were being written by
a dead run and must be made again: they are deleted with their marks, so Snakemake remakes
them (as ``--unlock`` and ``--rerun-incomplete`` would).
"""

from __future__ import annotations

import binascii
import fcntl
import shutil
from base64 import urlsafe_b64decode
from pathlib import Path
from typing import IO

__all__ = ["claim_folder"]


def claim_folder(snakemake_folder: Path) -> IO[bytes] | None:
    """Take the run lock of a working folder, clearing stale Snakemake locks if it is free.

    Parameters
    ----------
    snakemake_folder : Path
        The run's ``.snakemake`` folder (created if missing).

    Returns
    -------
    file object or None
        The open lock file, which must stay referenced for the whole run (closing it, or the
        process ending, releases the lock); ``None`` when another live run holds the lock, in
        which case nothing is touched and Snakemake's own lock check refuses this run.
    """
    snakemake_folder.mkdir(parents=True, exist_ok=True)
    handle = open(snakemake_folder / "wordprint.lock", "ab")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    shutil.rmtree(snakemake_folder / "locks", ignore_errors=True)
    _remove_incomplete(snakemake_folder / "incomplete", snakemake_folder.parent)
    return handle


def _remove_incomplete(marks: Path, workdir: Path) -> None:
    """Delete each file a dead run marked incomplete, and its mark.

    Snakemake names a mark after the URL-safe base64 of the file's path, cut into pieces of a
    file name's length, every piece but the last prefixed with ``@``. A mark that names no file
    inside the working folder is left alone (Snakemake then explains what to do).
    """
    if not marks.is_dir():
        return
    for mark in sorted(p for p in marks.rglob("*") if p.is_file()):
        pieces = mark.relative_to(marks).parts
        encoded = "".join(piece.removeprefix("@") for piece in pieces)
        try:
            name = urlsafe_b64decode(encoded).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        path = Path(name)
        if not name or path.is_absolute() or ".." in path.parts:
            continue
        (workdir / path).unlink(missing_ok=True)
        mark.unlink()
