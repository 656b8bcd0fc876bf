"""How wordprint's cold pass grows with the corpus: British fiction x1, x3, x10.

Each size is the 26 novels replicated under distinct ids (replica k of a novel is a copy with k
extra trailing line breaks: a distinct SHA-256, so the content-keyed cache cannot serve it, and
the same tokens). The workflow runs cold in an empty folder (repository config, ``--cores 2``).

    python benchmarks/bench_growth.py [--copies 1 3 10] [--shards N]

Prints time and peak RSS (whole process tree) per size and the ratios to x1. Targets: time
linear in the corpus (time x10 / time x1 about 10), peak at x10 <= 1.5 x peak at x1.
"""

from __future__ import annotations

import argparse

import common


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument("--shards", type=int, default=None, help="config shards (default: repo's)")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-results", action="store_true")
    args = parser.parse_args()
    info = common.machine_info()
    common.print_machine(info)
    folder = common.scratch("growth")
    runs = {}
    for copies in args.copies:
        catalog = common.make_corpus(folder / f"x{copies}" / "corpus", copies=copies)
        overrides = {} if args.shards is None else {"shards": args.shards}
        workdir = common.make_workdir(folder / f"x{copies}" / "run", **overrides)
        runs[copies] = common.measure(common.snakemake_command(workdir, catalog))
        r = runs[copies]
        print(f"x{copies}: {common.catalog_size(catalog)} texts, {r.seconds:.1f} s, "
              f"peak {r.peak_mib:.0f} MiB", flush=True)
        # Keep the x1 texts only as long as needed: x10 is 290 MB of copies.
        common.cleanup(folder / f"x{copies}" / "corpus", keep=args.keep)

    base = runs[args.copies[0]]
    lines = [
        "## Growth: the cold pass at x1, x3, x10 British fiction",
        "",
        common.machine_lines(info),
        "",
        "`python benchmarks/bench_growth.py`: wordprint's workflow, cold, repository config"
        + (f" with shards: {args.shards}" if args.shards else "")
        + ", on the 26 novels replicated under distinct ids (distinct bytes, same tokens). "
        "Targets: time linear (ratio ~ copies), peak at x10 <= 1.5 x peak at x1. Last column: "
        "mean CPU used by processes outside the run (a shared machine is noisy).",
        "",
        (f"| corpus | texts | time | time / x{args.copies[0]} | peak RSS | peak / x{args.copies[0]} "
        "| per-document jobs (count, describe): summed, longest | slowest other job "
        "| other processes' CPU |"),
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for copies, r in runs.items():
        shard = r.jobs.get("count_shard", []) + r.jobs.get("describe_shard", []) or [0.0]
        others = [(max(t), name) for name, t in r.jobs.items()
                  if name not in ("count_shard", "describe_shard")]
        slowest = max(others, default=(0.0, "-"))
        t_ratio, m_ratio = r.seconds / base.seconds, r.peak_rss / base.peak_rss
        print(f"x{copies}: time ratio {t_ratio:.2f} (linear: {copies / args.copies[0]:.0f}), "
              f"peak ratio {m_ratio:.2f}")
        lines.append(
            f"| x{copies} | {26 * copies} | {r.seconds:.1f} s | **{t_ratio:.2f}** | "
            f"{r.peak_mib:.0f} MiB | **{m_ratio:.2f}** | {sum(shard):.0f} s, {max(shard):.0f} s | "
            f"{slowest[1]} {slowest[0]:.1f} s | {r.other_cpu:.2f} cores |"
        )
    last = args.copies[-1]
    t, m = runs[last].seconds / base.seconds, runs[last].peak_rss / base.peak_rss
    linear = last / args.copies[0]
    lines += ["", (f"Time x{last} / x{args.copies[0]}: {t:.2f} (linear would be {linear:.0f}: "
              f"{'met' if t <= 1.1 * linear else 'NOT met'}). Peak x{last} / x{args.copies[0]}: "
              f"{m:.2f} (target <= 1.5: {'met' if m <= 1.5 else 'NOT met'}).")]
    lines += ["", "At each run's peak: " + "; ".join(
        f"x{copies}: {r.peak_parts()}" for copies, r in runs.items()) + "."]
    lines += ["", f"Jobs of the x{last} run:", "", *common.job_table(runs[last].jobs, runs[last].job_peaks)]
    print("\n".join(lines[2:]))
    if not args.no_results:
        common.update_results("bench_growth", "\n".join(lines))
    common.cleanup(folder, keep=args.keep)


if __name__ == "__main__":
    main()
