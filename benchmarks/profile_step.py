"""Where the cold pass spends its time: cProfile of the per-document step, and job start-up.

1. ``cProfile`` of what the per-document jobs do, in one process, over the 26 British fiction
   novels, with the repository's config settings: the ``count_shard`` jobs
   (``wordprint.io.profiles.profile_shard``: read, decode, strip, split quotations, normalise,
   tokenise, count, cache write, and the shard file's ``write_json``), the ``sentence_model``
   job (the corpus's Punkt model) and the ``describe_shard`` jobs
   (``wordprint.io.profiles.describe_shard``: tokens read back, Punkt sentences, vocabulary
   statistics and their bootstrap intervals). Time is broken down by stage (cumulative times
   of the stage's function) and the top functions are listed.
2. Snakemake job start-up: a throw-away workflow of N trivial ``script:`` jobs (each imports
   ``wordprint.workflow.step`` as the real scripts do and writes one line), run with ``--cores 1`` at
   N = 2 and N = 12; the per-job cost is the difference / 10.
3. Import times of what each job imports (``python -c "import ..."``, minus bare start-up).

    python benchmarks/profile_step.py [--top 25]

Prints everything; updates the ``profile_step`` section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import common
import yaml

from wordprint.text import sentences
from wordprint.io.catalog import read_catalog
from wordprint.io.files import write_json
from wordprint.io.profiles import describe_shard, profile_shard
from wordprint.count.profile import clean_document
from wordprint.workflow.settings import describe_settings, profile_settings

# Stage -> (file suffix, function name) whose cumulative time is the stage's.
STAGES = {
    "decode bytes": ("wordprint/text/decode.py", "decode_text"),
    "strip Gutenberg header/licence": ("wordprint/text/gutenberg.py", "strip_gutenberg"),
    "split quotations (views)": ("wordprint/text/quotes.py", "split_quotations"),
    "normalise Unicode": ("wordprint/text/decode.py", "normalise"),
    "tokens + counts (`count.token_ids`, once per view)": ("wordprint/count/tokens.py", "token_ids"),
    "sorted counts (`profile_view` itself)": ("wordprint/count/profile.py", "profile_view"),
    "Punkt model of the corpus (`sentences.train_model`, once)":
        ("wordprint/text/sentences.py", "train_model"),
    "sentence lengths (`tokenize.sentence_lengths`, once per view)":
        ("wordprint/text/tokenize.py", "sentence_lengths"),
    "  of which Punkt splitting": ("nltk/tokenize/punkt.py", "span_tokenize"),
    "  of which Punkt's boundary decisions (computed, not remembered)":
        ("nltk/tokenize/punkt.py", "text_contains_sentbreak"),
    "vocabulary statistics and intervals (`describe.describe_view`)":
        ("wordprint/describe/views.py", "describe_view"),
    "  of which bootstrap intervals": ("wordprint/uncertainty/vocabulary.py", "_intervals_of_ids"),
    "token cache read back (`read_tokens`)": ("wordprint/io/tokens.py", "read_tokens"),
    "emptiness checks (`tokenize.has_words`)": ("wordprint/text/tokenize.py", "has_words"),
    "JSON + gzip + fsync (`write_json`: caches + shard files, compact)": ("wordprint/io/files.py",
                                                               "write_json"),
    "token cache (`write_tokens`: numpy arrays + fsync)": ("wordprint/io/tokens.py",
                                                          "write_tokens"),
}

JOB_SCRIPT = """\
import wordprint.workflow.step  # the import every wordprint script makes
from pathlib import Path
Path(snakemake.output[0]).write_text("done\\n")
"""

SNAKEFILE = """\
rule all:
    input:
        expand("out/{i}.txt", i=range(config["jobs"])),


rule job:
    output:
        "out/{i}.txt",
    script:
        "job.py"
"""


def cumulative(stats: pstats.Stats, suffix: str, name: str) -> tuple[float, int]:
    total, calls = 0.0, 0
    for (filename, _, function), (_, nc, _, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        if function == name and filename.replace("\\", "/").endswith(suffix):
            total, calls = total + ct, calls + nc
    return total, calls


# What profile_view calls besides counting and sorting.
INNER = (("wordprint/count/tokens.py", "token_ids"),)


def called_from(stats: pstats.Stats, callee: tuple[str, str], caller: tuple[str, str]) -> float:
    """Cumulative time of ``callee`` in calls made directly by ``caller``."""
    total = 0.0
    for (filename, _, function), (*_, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if function != callee[1] or not filename.replace("\\", "/").endswith(callee[0]):
            continue
        for (c_file, _, c_function), value in callers.items():
            if c_function == caller[1] and c_file.replace("\\", "/").endswith(caller[0]):
                total += value[3]
    return total


def job_startup(folder: Path) -> tuple[float, float, float]:
    """Seconds for 2 and 12 trivial script jobs (--cores 1), and the per-job cost."""
    folder.mkdir(parents=True)
    (folder / "Snakefile").write_text(SNAKEFILE)
    (folder / "job.py").write_text(JOB_SCRIPT)
    times = {}
    for n in (2, 12):
        command = [sys.executable, "-m", "snakemake", "--cores", "1", "--directory", str(folder),
                   "--snakefile", str(folder / "Snakefile"), "--config", f"jobs={n}",
                   "--forceall", "--quiet"]
        runs = []
        for _ in range(2):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            runs.append(time.perf_counter() - start)
        times[n] = min(runs)
    return times[2], times[12], (times[12] - times[2]) / 10


def figure_times(folder: Path, samples: int = 50, groups: int = 11) -> dict[str, float]:
    """Seconds to build and save (PNG 300 dpi, SVG) the three figures of one plot_maps job."""
    import numpy as np

    from wordprint import plot
    from wordprint.clustering.hierarchy import hierarchical, leaf_order
    from wordprint.clustering.mds import classical_mds
    from wordprint.io.figures import save_figure

    rng = np.random.default_rng(1)
    points = rng.normal(size=(samples, 5))
    distances = np.sqrt(((points[:, None] - points[None]) ** 2).sum(-1))
    ids = [f"Author{i % groups}_Novel{i}" for i in range(samples)]
    labels = [f"Author {i % groups}" for i in range(samples)]
    tree = hierarchical(distances, method="ward.D")
    builders = {
        "dendrogram": lambda: plot.dendrogram_figure(tree, ids, labels, title="t",
                                                     distance_label="d"),
        "mds": lambda: plot.mds_figure(classical_mds(distances), ids, labels, title="t",
                                       axis_labels=("1", "2")),
        "heatmap": lambda: plot.heatmap_figure(distances, ids, labels, order=leaf_order(tree),
                                               title="t", measure_label="d"),
    }
    times: dict[str, float] = {}
    for kind, build in builders.items():
        start = time.perf_counter()
        fig = build()
        times[f"{kind}: build"] = time.perf_counter() - start
        for fmt in ("png", "svg"):
            start = time.perf_counter()
            save_figure(fig, folder / kind, formats=(fmt,))
            times[f"{kind}: save {fmt}"] = time.perf_counter() - start
    return times


def import_time(statement: str, repeats: int = 3) -> float:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-results", action="store_true")
    args = parser.parse_args()
    info = common.machine_info()
    common.print_machine(info)

    folder = common.scratch("profile")
    catalog = common.make_corpus(folder / "corpus")
    documents = read_catalog(catalog, allow_outside=True)  # texts link to the shared corpus
    config = yaml.safe_load((common.REPO / "config/config.yaml").read_text())
    settings = profile_settings(config)
    describe = describe_settings(config)

    def step() -> None:
        profiles = list(profile_shard(documents, [d.path for d in documents],
                                      settings=settings, cache_dir=folder / "cache"))
        write_json(folder / "shard.json.gz", profiles, compact=True)
        sample = sentences.sample_documents([d.id for d in documents])
        texts = (clean_document(d.path.read_bytes(), doc_id=d.id, quotations=False)[0]["full"]
                 for d in documents if d.id in sample)
        model = sentences.train_model(sentences.training_text(texts))
        described = list(describe_shard(profiles, documents, settings=settings,
                                        describe=describe, models={"en": model},
                                        cache_dir=folder / "cache"))
        write_json(folder / "described.json.gz", described, compact=True)

    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(step)
    wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]

    lines = [
        "## Profile: where the per-document step and the jobs spend their time",
        "",
        common.machine_lines(info),
        "",
        (
            "`python benchmarks/profile_step.py`: cProfile of the per-document jobs' work "
            "(count_shard, sentence_model, describe_shard) on the 26 novels in one process "
            f"(views {', '.join(settings['views'])}), "
            f"{wall:.1f} s wall under the profiler ({total:.1f} s profiled; cProfile inflates "
            "call-heavy code such as Punkt, so read the shares, not the seconds)."
        ),
        "",
        "| stage | cumulative s | share | calls |",
        "|---|---|---|---|",
    ]
    print(f"profiled {total:.1f} s ({wall:.1f} s wall)")
    for label, (suffix, name) in STAGES.items():
        seconds, calls = cumulative(stats, suffix, name)
        if name == "profile_view":  # its own work only: counting and sorting
            seconds -= sum(called_from(stats, callee, STAGES[label][0:2]) for callee in INNER)
        print(f"{label:60s} {seconds:7.2f} s {seconds / total:6.1%} ({calls} calls)")
        lines.append(f"| {label} | {seconds:.2f} | {seconds / total:.1%} | {calls} |")

    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(args.top)
    top = buffer.getvalue()
    top = top[top.index("ncalls"):] if "ncalls" in top else top
    for prefix in {sys.prefix, sys.base_prefix}:
        top = top.replace(str(Path(prefix)), "<python>")
    top = top.replace(str(common.REPO), "<repo>")
    print(top)

    n2, n12, per_job = job_startup(folder / "jobs")
    bare = import_time("pass")
    imports = {
        "`snakemake.script` (every script job's preamble)": import_time("import snakemake.script"),
        "`wordprint.workflow.step` (every wordprint script)": import_time("import wordprint.workflow.step"),
        "`nltk.tokenize.punkt` (the sentence_model and describe_shard jobs)":
            import_time("import nltk.tokenize.punkt"),
        "`wordprint.plot` + `matplotlib.pyplot` (figure jobs)":
            import_time("import matplotlib.pyplot, wordprint.plot"),
    }
    figures = figure_times(folder / "figures")
    print(f"job start-up: 2 jobs {n2:.2f} s, 12 jobs {n12:.2f} s, per job {per_job:.2f} s")
    lines += [
        "",
        f"Top {args.top} functions by own time (tottime):",
        "",
        "```",
        textwrap.dedent(top).strip(),
        "```",
        "",
        (
            "Snakemake job start-up (a workflow of trivial `script:` jobs that import "
            f"`wordprint.workflow.step`, `--cores 1`): 2 jobs {n2:.2f} s, 12 jobs {n12:.2f} s, so "
            f"**{per_job:.2f} s per job**."
        ),
        "",
        f"| import in a fresh interpreter | seconds (bare `python -c pass`: {bare:.2f} s) |",
        "|---|---|",
    ]
    for label, seconds in imports.items():
        print(f"import {label}: {seconds - bare:.2f} s over bare start-up")
        lines.append(f"| {label} | {seconds - bare:.2f} |")
    lines += ["", ("One `plot_maps` job's figures in-process (50 samples, 11 groups, as British "
                   "fiction with its `own` views; the first figure includes matplotlib's "
                   "warm-up):"),
              "", "| figure step | seconds |", "|---|---|"]
    for label, seconds in figures.items():
        print(f"figure {label}: {seconds:.2f} s")
        lines.append(f"| {label} | {seconds:.2f} |")
    lines.append(f"| total | {sum(figures.values()):.2f} |")
    if not args.no_results:
        common.update_results("profile_step", "\n".join(lines))
    common.cleanup(folder, keep=args.keep)


if __name__ == "__main__":
    main()
