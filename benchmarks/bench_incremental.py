"""Adding one text: the warm rerun against the cold run, on 26 and 260 novels.

For each size, the workflow runs cold (empty folder, repository config, ``--cores 2``), one more
novel is added to the catalog (a fresh replica: distinct bytes, so it must be profiled), and the
workflow runs again. The rerun should count and describe only the new text (one shard job
each; the shard's other documents come from the cache) and redo the corpus-wide steps.

    python benchmarks/bench_incremental.py [--sizes 26 260]

Prints cold and warm wall times and the ratio warm / cold; target for 260 texts: <= 10%.
"""

from __future__ import annotations

import argparse
import math

import common


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[26, 260])
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-results", action="store_true")
    args = parser.parse_args()
    info = common.machine_info()
    common.print_machine(info)
    folder = common.scratch("incremental")
    lines = [
        "## Incremental: adding one text, warm rerun vs cold run",
        "",
        common.machine_lines(info),
        "",
        ("`python benchmarks/bench_incremental.py`: cold run of the workflow on N novels "
        "(British fiction, replicated under distinct ids beyond 26), then one novel added to the "
        "catalog (a new replica of Emma, 160k words) and the workflow rerun, repository config "
        "without comparisons. Target: warm <= 10% of cold at 260 texts."),
        "",
        ("| texts | cold | warm (+1 text) | warm / cold | jobs rerun | count / describe jobs "
        "| Punkt model retrained | other processes' CPU, cold / warm |"),
        "|---|---|---|---|---|---|---|---|",
    ]
    for size in args.sizes:
        copies = math.ceil(size / 26)
        catalog = common.make_corpus(folder / f"n{size}" / "corpus", copies=copies, limit=size)
        workdir = common.make_workdir(folder / f"n{size}" / "run")
        cold = common.measure(common.snakemake_command(workdir, catalog))
        added = common.add_text(catalog, replica=copies + 1, index=0)
        warm = common.measure(common.snakemake_command(workdir, catalog))
        stats = common.job_stats(warm.stdout + warm.stderr)
        ratio = warm.seconds / cold.seconds
        count, describe = warm.jobs.get("count_shard", []), warm.jobs.get("describe_shard", [])
        print(f"{size} texts: cold {cold.seconds:.1f} s, warm (+{added}) {warm.seconds:.1f} s, "
              f"ratio {ratio:.1%}; jobs rerun {stats.get('total')}, count_shard "
              f"{stats.get('count_shard')}, describe_shard {stats.get('describe_shard')}",
              flush=True)
        for row in common.job_table(warm.jobs, warm.job_peaks)[2:]:
            print("  " + row)
        lines.append(
            f"| {size} | {cold.seconds:.1f} s | {warm.seconds:.1f} s | **{ratio:.1%}** | "
            f"{stats.get('total', '?')} | {len(count)} job, {sum(count):.1f} s / {len(describe)} "
            f"job, {sum(describe):.1f} s | {'yes' if stats.get('sentence_model') else 'no'} | "
            f"{cold.other_cpu:.2f} / {warm.other_cpu:.2f} cores |"
        )
        last_warm = warm
    lines += ["", ("The corpus's Punkt model learns from the 5 documents whose ids come first in "
              "SHA-256 order: a new text joins that sample, and every document's vocabulary "
              "statistics are then computed again, with chance 5 / (N + 1) (`sentences.py`).")]
    lines += ["", f"Jobs of the last warm rerun ({args.sizes[-1]} + 1 texts):", "",
              *common.job_table(last_warm.jobs, last_warm.job_peaks)]
    if not args.no_results:
        common.update_results("bench_incremental", "\n".join(lines))
    common.cleanup(folder, keep=args.keep)


if __name__ == "__main__":
    main()
