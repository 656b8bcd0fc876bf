"""Run one workflow step: log to the rule's log file, turn a user's mistake into one clear line.

Scripts under ``workflow/scripts/`` wrap their few lines in :func:`run`, so a bad document or
setting stops the job with a message naming it and the fix (on the console and in the log),
not with a traceback. Anything else (a bug) is one line on the console too, its traceback in
the log. A step that succeeds says so in one line on the console: what it did (the text its
function returns, if any) and how long it took.
"""

from __future__ import annotations

import errno
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from wordprint.io.catalog import CatalogError
from wordprint.io.download import DownloadError
from wordprint.io.figures import use_formats
from wordprint.io.provenance import stamp_figures
from wordprint.workflow.provenance import job_metadata
from wordprint.count.profile import DocumentError

# The mistakes a researcher can make and fix; everything else is a bug and keeps its traceback.
USER_ERRORS: tuple[type[Exception], ...] = (CatalogError, DocumentError, DownloadError)
# A full disk or an exhausted quota: the machine's problem, not the step's.
FULL = (errno.ENOSPC, errno.EDQUOT)


def _full_disk(err: BaseException) -> OSError | None:
    """The "no space left" error behind ``err`` (itself, or its cause or context), if any."""
    seen = 0
    while err is not None and seen < 10:
        if isinstance(err, OSError) and err.errno in FULL:
            return err
        err, seen = err.__cause__ or err.__context__, seen + 1
    return None


def _full_disk_message(err: OSError, job) -> str:
    where = err.filename or (", ".join(str(o) for o in job.output) if job is not None else "")
    space = "the disk quota is used up" if err.errno == errno.EDQUOT else "the disk is full"
    return (
        f"wordprint: {space} writing {where or 'its output'}. Nothing half-written was kept; "
        "free some space (or move 'cache' and the results to a larger disk) and rerun."
    )


def run(step: Callable[[], str | None], *, log_path: str | None) -> None:
    console = sys.stderr
    handlers: list[logging.Handler] = [logging.StreamHandler(console)]
    if log_path:
        handlers = [logging.FileHandler(log_path, mode="w", encoding="utf-8")]
    logging.basicConfig(
        level=logging.INFO,
        handlers=handlers,
        force=True,
        format="%(asctime)s %(levelname)s %(message)s",
    )
    # A log file on a full disk must not print "--- Logging error ---" for every line.
    logging.raiseExceptions = False
    # PDF output subsets fonts with fontTools, which logs hundreds of lines at INFO.
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    # The script's Snakemake job (the `snakemake` object in its globals) signs its figures.
    job = getattr(step, "__globals__", {}).get("snakemake")
    if job is not None:
        stamp_figures(job_metadata(job, Path(job.scriptdir).parents[1]))
        use_formats(job.config.get("figure_formats", ("png", "svg", "pdf")))
    started = time.perf_counter()
    try:
        done = step()
    except USER_ERRORS as err:
        logging.error("%s", err)
        print(f"wordprint: {err}", file=console)
        sys.exit(1)
    except Exception as err:
        full = _full_disk(err)
        if full is not None:
            logging.error("%s", full)
            print(_full_disk_message(full, job), file=console)
            sys.exit(1)
        logging.exception("step failed")
        if not log_path:
            raise
        # A bug or an input not handled yet: one line on the console, the traceback in the log.
        print(
            f"wordprint: this step failed unexpectedly ({type(err).__name__}: {err}). The "
            f"traceback is in {log_path}; please report it with that file.",
            file=console,
        )
        sys.exit(1)
    seconds = time.perf_counter() - started
    logging.info("done in %.1f s: %s", seconds, done or "")
    if job is not None:
        wildcards = ", ".join(str(v) for _, v in job.wildcards.items())
        name = f"{job.rule} {wildcards}" if wildcards else str(job.rule)
        print(f"wordprint: {name}: {done or 'done'} ({seconds:.1f} s)", file=console)
