"""The workflow's provenance: a figure's job and the run's record, from Snakemake's own records.

The file-level pieces (digests, versions, the revision, writing the record) are in
:mod:`wordprint.io.provenance`; this module reads what Snakemake knows of a job.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import wordprint
from wordprint.io.provenance import (
    VARYING_FIELDS,
    config_digest,
    file_sha256,
    in_workdir,
    revision,
    shown_value,
    software,
    utc_time,
)

__all__ = ["job_metadata", "output_jobs", "run_record", "snakemake_record"]


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
