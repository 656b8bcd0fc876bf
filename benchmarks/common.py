"""Shared helpers of the benchmark scripts.

- :func:`machine_info`: cores, memory, CPU, Python and package versions, the repo's commit.
- :func:`measure`: run a command, wall time and peak RSS of its whole process tree (sampled with
  psutil every 0.1 s, summed over the children), and the wall time of each Snakemake ``script:``
  job, by script name.
- :func:`make_corpus`: a catalog of the British fiction novels (26 novels, 11 authors) in a
  temporary folder, optionally replicated with distinct ids.
- :func:`make_workdir` / :func:`snakemake_command`: a wordprint run in a temporary folder.
- :func:`update_results`: replace this script's section of ``benchmarks/RESULTS.md``.

Nothing here writes inside the repository except ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import psutil
import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FICTION = SHARED / "corpora" / "british-fiction"
RESULTS = REPO / "benchmarks" / "RESULTS.md"

PACKAGES = ("wordprint", "snakemake", "numpy", "scipy", "scikit-learn", "nltk", "matplotlib",
            "pandas", "psutil")


# -- machine -------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    """What the numbers depend on: hardware, Python, package versions, the code's commit."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "-"
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src",
                                "workflow", "Snakefile"], capture_output=True, text=True,
                               check=False).stdout
        commit += " (+ uncommitted changes)" if dirty.strip() else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "-"
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "load_1min": round(os.getloadavg()[0], 2),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": versions,
        "commit": commit,
    }


def machine_lines(info: dict[str, Any]) -> str:
    """Machine info as a short markdown paragraph."""
    versions = ", ".join(f"{k} {v}" for k, v in info["versions"].items())
    return (
        f"Run {info['date']} at commit {info['commit']}. Machine: {info['cpu']}, "
        f"{info['cores']} cores ({info['usable_cores']} usable), {info['memory_gib']} GiB memory, "
        f"load {info['load_1min']} at start; {info['os']}; Python {info['python']}; {versions}."
    )


def print_machine(info: dict[str, Any]) -> None:
    print(machine_lines(info))
    print()


# -- measuring -----------------------------------------------------------------------------------

# Snakemake writes each script: job's script to .snakemake/scripts/tmp<random>.<name>.py.
SCRIPT_JOB = re.compile(r"\.snakemake/scripts/tmp[^/.]+\.([A-Za-z0-9_]+)\.py$")


@dataclass
class Measured:
    """Wall time, peak RSS of the process tree, and per-script job times of one command."""

    seconds: float
    peak_rss: int  # bytes
    returncode: int
    jobs: dict[str, list[float]] = field(default_factory=dict)  # script name -> job wall times
    stdout: str = ""
    stderr: str = ""
    other_cpu: float = 0.0  # mean cores busy with processes outside the tree (a noisy machine)
    job_peaks: dict[str, int] = field(default_factory=dict)  # script name -> largest job RSS
    at_peak: list[tuple[str, int]] = field(default_factory=list)  # processes at the peak, RSS

    def peak_parts(self, *, top: int = 4) -> str:
        """The largest processes at the tree's peak, e.g. 'neighbours 619 + python 180 MiB'."""
        return " + ".join(f"{name} {rss / 2**20:.0f}" for name, rss in self.at_peak[:top]) + " MiB"

    @property
    def peak_mib(self) -> float:
        return self.peak_rss / 2**20


def _tree(process: psutil.Process) -> list[psutil.Process]:
    try:
        return [process, *process.children(recursive=True)]
    except psutil.Error:
        return [process]


def _busy() -> float:
    """CPU seconds the whole machine has been busy (all processes) since boot."""
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def _children_cpu() -> float:
    """CPU seconds of this process's finished (waited-for) descendants."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(command: Sequence[str], *, cwd: str | Path | None = None, interval: float = 0.1,
            check: bool = True) -> Measured:
    """Run ``command``; its wall time and the peak of the summed RSS of its process tree.

    The tree is sampled every ``interval`` seconds, so a child that lives less than that may be
    missed; the peak is a lower bound to within one sample. Snakemake ``script:`` jobs are
    recognised by their command line and timed from first to last sighting (+ one interval).
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        popen = subprocess.Popen(list(map(str, command)), cwd=cwd, stdout=out, stderr=err)
        root = psutil.Process(popen.pid)
        busy_start = _busy()
        ours_start = _children_cpu()
        peak = 0
        at_peak: list[tuple[str, int]] = []  # (process, RSS) when the tree was largest
        # (pid, create time) -> [name, first, last, largest RSS]
        seen: dict[tuple[int, float], list] = {}
        while popen.poll() is None:
            now = time.perf_counter()
            total = 0
            parts = []
            for proc in _tree(root):
                try:
                    rss = proc.memory_info().rss
                    total += rss
                    key = (proc.pid, proc.create_time())
                    if key not in seen:
                        match = None
                        for arg in proc.cmdline():
                            match = SCRIPT_JOB.search(arg) or match
                        seen[key] = [match.group(1) if match else None, now, now, 0]
                    seen[key][2] = now
                    seen[key][3] = max(seen[key][3], rss)
                    parts.append((seen[key][0] or proc.name(), rss))
                except psutil.Error:
                    continue  # ended between listing and reading
            if total > peak:
                peak, at_peak = total, parts
            time.sleep(interval)
        seconds = time.perf_counter() - start
        # The tree's CPU time: every process of it has been waited for by now.
        other = max(0.0, _busy() - busy_start - (_children_cpu() - ours_start)) / seconds
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    jobs: dict[str, list[float]] = defaultdict(list)
    peaks: dict[str, int] = defaultdict(int)
    for name, first, last, rss in seen.values():
        if name:
            jobs[name].append(last - first + interval)
            peaks[name] = max(peaks[name], rss)
    result = Measured(seconds, peak, popen.returncode, dict(jobs), stdout, stderr, other,
                      dict(peaks), sorted(at_peak, key=lambda p: -p[1]))
    if check and popen.returncode != 0:
        raise RuntimeError(
            f"command failed ({popen.returncode}): {' '.join(map(str, command))}\n"
            f"{stderr[-4000:]}"
        )
    return result


def timed(function: Callable[[], Any], *, repeats: int = 3) -> tuple[float, Any]:
    """Median wall time of ``function()`` over ``repeats`` calls, and its last result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


# -- corpora -------------------------------------------------------------------------------------


def fiction_rows() -> list[dict[str, str]]:
    """The rows of British fiction's metadata.csv (26 novels).

    ``WORDPRINT_BENCH_NOVELS=k`` in the environment keeps the k shortest novels only: a quick
    check that a script runs, not a measurement.
    """
    with open(FICTION / "metadata.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    keep = os.environ.get("WORDPRINT_BENCH_NOVELS")
    if keep:
        shortest = sorted(rows, key=lambda r: int(r["n_words"]))[: int(keep)]
        rows = [r for r in rows if r in shortest]
    return rows


def fiction_files() -> list[Path]:
    return [FICTION / row["file"] for row in fiction_rows()]


def _place(source: Path, target: Path, replica: int) -> None:
    """Replica 0 is a symlink; replica r > 0 a copy with r extra trailing line breaks.

    The per-document cache is keyed by content, so byte-identical replicas (symlinks) would be
    served from the cache instead of being profiled. r trailing line breaks give each replica a
    distinct SHA-256 and the same tokens, sentences and counts.
    """
    if replica == 0:
        target.symlink_to(source)
    else:
        target.write_bytes(source.read_bytes() + b"\r\n" * replica)


def make_corpus(folder: str | Path, *, copies: int = 1, limit: int | None = None) -> Path:
    """A catalog of British fiction replicated ``copies`` times, optionally cut to ``limit`` rows.

    Ids are the metadata ids (first copy) and ``<id>.r<k>`` (copy k); author is the label and
    the group. Texts go to ``folder/texts`` (see :func:`_place`); returns the catalog's path.
    """
    folder = Path(folder)
    (folder / "texts").mkdir(parents=True, exist_ok=True)
    rows = [["id", "author", "title", "year", "group", "source"]]
    for replica in range(copies):
        for row in fiction_rows():
            if limit is not None and len(rows) - 1 >= limit:
                break
            doc_id = row["id"] if replica == 0 else f"{row['id']}.r{replica}"
            name = f"{doc_id}.txt"
            _place(FICTION / row["file"], folder / "texts" / name, replica)
            rows.append([doc_id, row["author"], row["title"], row["year"], row["author"],
                         f"texts/{name}"])
    catalog = folder / "catalog.csv"
    with open(catalog, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return catalog


def add_text(catalog: str | Path, *, replica: int, index: int = 0) -> str:
    """Append one more novel to ``catalog`` (metadata row ``index``, as copy ``replica``)."""
    catalog = Path(catalog)
    row = fiction_rows()[index]
    doc_id = f"{row['id']}.r{replica}"
    _place(FICTION / row["file"], catalog.parent / "texts" / f"{doc_id}.txt", replica)
    with open(catalog, "a", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow([doc_id, row["author"], row["title"], row["year"], row["author"],
                                 f"texts/{doc_id}.txt"])
    return doc_id


def catalog_size(catalog: str | Path) -> int:
    with open(catalog, newline="", encoding="utf-8-sig") as fh:
        return sum(1 for _ in csv.DictReader(fh))


# -- workflow runs -------------------------------------------------------------------------------


def make_workdir(folder: str | Path, *, config_file: str = "config.yaml", **overrides: Any) -> Path:
    """A run folder with ``config/config.yaml``: the repo's ``config/<config_file>``, with
    top-level keys overridden.

    The repo's corpus comparisons name the default corpus's groups and documents, so they are
    dropped (``comparisons: []``): the benchmarks time the stylometry pass. The corpus's texts
    are links to the shared corpus (:func:`_place`), outside the catalog's folder, hence
    ``allow_outside_catalog: true``.
    """
    folder = Path(folder)
    (folder / "config").mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((REPO / "config" / config_file).read_text())
    config.update({"comparisons": [], "allow_outside_catalog": True, **overrides})
    (folder / "config" / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    return folder


def snakemake_command(workdir: str | Path, catalog: str | Path, *, cores: int = 2,
                      extra: Sequence[str] = ()) -> list[str]:
    """The wordprint workflow in ``workdir`` on ``catalog`` (absolute path), with the folder's
    ``config/config.yaml`` (:func:`make_workdir`) as the analysis's config file."""
    return [sys.executable, "-m", "snakemake", "--snakefile", str(REPO / "Snakefile"),
            "--directory", str(workdir), "--cores", str(cores),
            "--configfile", str(Path(workdir) / "config" / "config.yaml"), "--config",
            f"catalog={Path(catalog).resolve()}", *extra]


def job_stats(text: str) -> dict[str, int]:
    """The 'Job stats' table Snakemake prints: rule -> number of jobs."""
    counts: dict[str, int] = {}
    for line in text.split("Job stats:")[-1].splitlines()[3:]:
        parts = line.split()
        if len(parts) != 2 or not parts[1].isdigit():
            break
        counts[parts[0]] = int(parts[1])
    return counts


def job_table(jobs: dict[str, list[float]], peaks: dict[str, int] | None = None) -> list[str]:
    """Markdown rows: script, jobs, summed and longest job wall time (and largest job RSS)."""
    if peaks is None:
        rows = ["| script job | jobs | summed wall time | longest |", "|---|---|---|---|"]
    else:
        rows = ["| script job | jobs | summed wall time | longest | largest RSS of one job |",
                "|---|---|---|---|---|"]
    for name, times in sorted(jobs.items(), key=lambda kv: -sum(kv[1])):
        row = f"| {name} | {len(times)} | {sum(times):.1f} s | {max(times):.1f} s |"
        if peaks is not None:
            row += f" {peaks.get(name, 0) / 2**20:.0f} MiB |"
        rows.append(row)
    return rows


def scratch(prefix: str) -> Path:
    """A fresh temporary folder (removed by :func:`cleanup`)."""
    return Path(tempfile.mkdtemp(prefix=f"wordprint-bench-{prefix}-"))


def cleanup(folder: Path, *, keep: bool) -> None:
    if keep:
        print(f"kept {folder}")
    else:
        shutil.rmtree(folder, ignore_errors=True)


# -- RESULTS.md ----------------------------------------------------------------------------------

SECTION_ORDER = ("bench_counting", "bench_pass", "bench_growth", "bench_incremental",
                 "bench_distances", "profile_step")

HEADER = """# Benchmark results

Measured by the scripts in this folder (see `README.md`); each section is rewritten by its
script. Figures are ratios against a baseline measured in the same run, with the raw seconds
and MiB beside them. Peak memory is the summed RSS of the whole process tree, sampled every
0.1 s.
"""


def update_results(name: str, body: str) -> None:
    """Replace (or add) the section of script ``name`` in RESULTS.md, keeping the others."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else HEADER
    sections = dict(re.findall(r"<!-- (\w+):start -->\n(.*?)<!-- \1:end -->\n", text, re.DOTALL))
    sections[name] = body.rstrip() + "\n"
    order = [n for n in SECTION_ORDER if n in sections] + sorted(
        n for n in sections if n not in SECTION_ORDER)
    head = text.split("<!-- ", 1)[0] if "<!-- " in text else text
    out = head.rstrip() + "\n\n" + "\n".join(
        f"<!-- {n}:start -->\n{sections[n]}<!-- {n}:end -->\n" for n in order)
    RESULTS.write_text(out, encoding="utf-8")
    print(f"updated {RESULTS.relative_to(REPO)} ({name})")
