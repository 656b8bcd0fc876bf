"""Run one workflow step: log to the rule's log file, turn a user's mistake into one clear line.

Scripts under ``workflow/scripts/`` wrap their few lines in :func:`run`, so a bad document or
setting stops the job with a message naming it and the fix (on the console and in the log),
not with a traceback. Anything else (a bug) is one line on the console too, its traceback in
the log. A step that succeeds says so in one line on the console: what it did (the text its
function returns, if any) and how long it took.
"""

from __future__ import annotations

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
