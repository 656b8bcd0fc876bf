"""The whole stylometry pass, cold: wordprint's workflow against the obvious scikit-learn script.

wordprint: the real workflow (``snakemake --cores 2``) in an empty temporary folder (no cache, no
results), with the repository's config (MFW 100, 300, 500, 1000 x Classic and Cosine Delta,
ward.D, cluster scores, dendrogram/MDS/heatmap figures as PNG + SVG + CSV, vocabulary
statistics, the HTML report). Baseline: ``baseline_sklearn.py`` (same 4 x 2 settings, Ward,
8 dendrogram PNGs) in one process. Both are timed as whole processes, with the peak of the
summed RSS of their process trees, on British fiction and on each ``--catalog`` given.

    python benchmarks/bench_pass.py [--catalog CATALOG ...] [--repeats N] [--shards N ...]

Prints the times, peaks and the ratios wordprint / baseline, and the wall time of each kind of
Snakemake job; updates the ``bench_pass`` section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import common


def run_pair(catalog: Path, folder: Path, *, repeats: int, shards: int | None) -> dict:
    """Baseline and wordprint, ``repeats`` times each, alternating; medians."""
    base, wp = [], []
    for i in range(repeats):
        base.append(common.measure([sys.executable, str(Path(__file__).parent / "baseline_sklearn.py"),
                                    "--catalog", str(catalog), "--out", str(folder / f"sk{i}")]))
        overrides = {} if shards is None else {"shards": shards}
        workdir = common.make_workdir(folder / f"wp{i}", **overrides)
        wp.append(common.measure(common.snakemake_command(workdir, catalog)))
        print(f"  repeat {i + 1}: baseline {base[-1].seconds:.1f} s, wordprint {wp[-1].seconds:.1f} s",
              flush=True)
    median = lambda runs, attr: statistics.median(getattr(r, attr) for r in runs)
    return {
        "base_s": median(base, "seconds"), "base_mib": median(base, "peak_mib"),
        "wp_s": median(wp, "seconds"), "wp_mib": median(wp, "peak_mib"),
        "other": max(r.other_cpu for r in base + wp),
        "jobs": wp[-1].jobs, "peaks": wp[-1].job_peaks, "ari": common.cluster_scores(folder / f"wp{repeats - 1}"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalog", type=Path, nargs="*", default=[],
                        help="further catalogs to run (wordprint catalog CSV files)")
    parser.add_argument("--repeats", type=int, default=1, help="runs of each (median)")
    parser.add_argument("--shards", type=int, nargs="*", default=[],
                        help="also run wordprint on British fiction with these shard counts")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    parser.add_argument("--no-results", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args()
    info = common.machine_info()
    common.print_machine(info)

    folder = common.scratch("pass")
    fiction = common.make_corpus(folder / "fiction")
    corpora = [("British fiction (26 novels)", fiction, None)]
    corpora += [(f"{c} ({common.catalog_size(c)} documents)", c.resolve(), None) for c in args.catalog]
    corpora += [(f"British fiction, shards: {n}", fiction, n) for n in args.shards]
    lines = [
        "## Whole pass, cold: wordprint workflow vs the scikit-learn script",
        "",
        common.machine_lines(info),
        "",
        ("`python benchmarks/bench_pass.py` (median of "
        f"{args.repeats} run{'s' if args.repeats > 1 else ''}). wordprint: `snakemake --cores 2` "
        "in an empty folder, the repository's config (4 MFW settings x Classic and Cosine "
        "Delta, ward.D, cluster scores, dendrogram + MDS + heatmap as PNG/SVG/PDF/CSV, vocabulary "
        "statistics, views full + own, HTML report). Baseline: `baseline_sklearn.py` (the same "
        "8 settings, Ward, 8 dendrogram PNGs, one process)."),
        "",
        ("| corpus | baseline | wordprint | time ratio | baseline peak | wordprint peak | peak ratio "
        "| other processes' CPU (max) |"),
        "|---|---|---|---|---|---|---|---|",
    ]
    details = []
    for i, (label, catalog, shards) in enumerate(corpora):
        print(f"{label}:", flush=True)
        r = run_pair(catalog, folder / f"run{i}", repeats=args.repeats, shards=shards)
        ratio, mem = r["wp_s"] / r["base_s"], r["wp_mib"] / r["base_mib"]
        print(f"  baseline {r['base_s']:.1f} s, {r['base_mib']:.0f} MiB; wordprint "
              f"{r['wp_s']:.1f} s, {r['wp_mib']:.0f} MiB; ratio time {ratio:.1f}x, peak {mem:.2f}x")
        lines.append(f"| {label} | {r['base_s']:.1f} s | {r['wp_s']:.1f} s | **{ratio:.1f}x** | "
                     f"{r['base_mib']:.0f} MiB | {r['wp_mib']:.0f} MiB | {mem:.2f}x | "
                     f"{r['other']:.2f} cores |")
        ari = ", ".join(f"{m} {n}: {a[:5]}" for (m, n), a in sorted(r["ari"].items(), key=lambda kv: (kv[0][0], int(kv[0][1]))))
        details += ["", (f"**{label}**: wordprint's Snakemake jobs (wall time of each job, "
                    "from first to last sighting of its process; largest RSS of one job):"), "",
                    *common.job_table(r["jobs"], r["peaks"]), "", f"wordprint ARI (k = authors): {ari}."]
        for row in common.job_table(r["jobs"], r["peaks"])[2:]:
            print("  " + row)
    lines += details
    lines += ["", "Ratios above 1 mean wordprint is slower / uses more memory than the baseline."]
    if not args.no_results:
        common.update_results("bench_pass", "\n".join(lines))
    common.cleanup(folder, keep=args.keep)


if __name__ == "__main__":
    main()
