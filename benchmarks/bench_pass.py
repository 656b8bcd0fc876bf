"""The whole stylometry pass, cold: wordprint's workflow against the obvious scikit-learn script.

wordprint: the real workflow (``snakemake --cores 2``) in an empty temporary folder (no cache, no
results), with the lean config (``config/lean.yaml``: MFW 100, 300, 500, 1000 x Classic and
Cosine Delta, ward.D, a dendrogram PNG of each setting, wordprint's tables and HTML report; the
work of the script) and with the full default analysis (``config/config.yaml``: views full and
own, vocabulary statistics with bootstrap intervals, cluster scores, neighbours, consensus tree,
robustness, PCA, figures as PNG + SVG + PDF; comparisons left out). Baseline:
``baseline_sklearn.py`` (the same 4 x 2 settings, Ward, 8 dendrogram PNGs) in one process. Both
are timed as whole processes, with the peak of the summed RSS of their process trees, on British
fiction replicated x1, x4 and x10 (26, 104 and 260 novels).

    python benchmarks/bench_pass.py [--copies 1 4 10] [--full-copies 10] [--repeats N]

Prints the times, peaks and the ratios wordprint / baseline, and the wall time of each kind of
Snakemake job; updates the ``bench_pass`` section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import common

TARGETS = {("lean", 4): 1.0, ("lean", 10): 0.5, ("full", 10): 1.5}


def run_pair(catalog: Path, folder: Path, *, config_file: str, repeats: int) -> dict:
    """Baseline and wordprint, ``repeats`` times each, alternating; medians."""
    base, wp = [], []
    for i in range(repeats):
        base.append(common.measure([sys.executable, str(Path(__file__).parent / "baseline_sklearn.py"),
                                    "--catalog", str(catalog), "--out", str(folder / f"sk{i}")]))
        workdir = common.make_workdir(folder / f"wp{i}", config_file=config_file)
        wp.append(common.measure(common.snakemake_command(workdir, catalog)))
        print(f"  repeat {i + 1}: baseline {base[-1].seconds:.1f} s, wordprint {wp[-1].seconds:.1f} s",
              flush=True)
    median = lambda runs, attr: statistics.median(getattr(r, attr) for r in runs)
    return {
        "base_s": median(base, "seconds"), "base_mib": median(base, "peak_mib"),
        "wp_s": median(wp, "seconds"), "wp_mib": median(wp, "peak_mib"),
        "other": max(r.other_cpu for r in base + wp),
        "jobs": wp[-1].jobs, "peaks": wp[-1].job_peaks,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, nargs="*", default=[1, 4, 10],
                        help="British fiction replicated this many times, lean config")
    parser.add_argument("--full-copies", type=int, nargs="*", default=[10],
                        help="... and with the full default analysis")
    parser.add_argument("--repeats", type=int, default=1, help="runs of each (median)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    parser.add_argument("--no-results", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args()
    info = common.machine_info()
    common.print_machine(info)

    folder = common.scratch("pass")
    runs = [("lean", "lean.yaml", k) for k in args.copies]
    runs += [("full", "config.yaml", k) for k in args.full_copies]
    lines = [
        "## Whole pass, cold: wordprint workflow vs the scikit-learn script",
        "",
        common.machine_lines(info),
        "",
        ("`python benchmarks/bench_pass.py` (median of "
         f"{args.repeats} run{'s' if args.repeats > 1 else ''}): `snakemake --cores 2` in an "
         "empty folder on British fiction replicated (distinct bytes, same words). lean: "
         "`config/lean.yaml` (4 MFW x Classic and Cosine Delta, ward.D, 8 dendrogram PNGs, "
         "tables, HTML report: the script's work). full: `config/config.yaml` without its "
         "comparisons (views full + own, vocabulary statistics with bootstrap intervals, "
         "cluster scores, neighbours, consensus tree, robustness, PCA, PNG/SVG/PDF). Baseline: "
         "`baseline_sklearn.py` (the 8 settings, Ward, 8 dendrogram PNGs, one process)."),
        "",
        ("| config | texts | baseline | wordprint | time ratio | target | baseline peak | "
         "wordprint peak | peak ratio | other processes' CPU (max) |"),
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    details = []
    corpora: dict[int, Path] = {}
    for name, config_file, copies in runs:
        if copies not in corpora:
            corpora[copies] = common.make_corpus(folder / f"fiction-x{copies}", copies=copies)
        texts = common.catalog_size(corpora[copies])
        print(f"{name}, x{copies} ({texts} texts):", flush=True)
        r = run_pair(corpora[copies], folder / f"{name}-x{copies}", config_file=config_file,
                     repeats=args.repeats)
        ratio, mem = r["wp_s"] / r["base_s"], r["wp_mib"] / r["base_mib"]
        target = TARGETS.get((name, copies))
        verdict = "" if target is None else f"<= {target} ({'met' if ratio <= target else 'NOT met'})"
        print(f"  baseline {r['base_s']:.1f} s, {r['base_mib']:.0f} MiB; wordprint "
              f"{r['wp_s']:.1f} s, {r['wp_mib']:.0f} MiB; ratio time {ratio:.2f}x {verdict}, "
              f"peak {mem:.2f}x")
        lines.append(f"| {name} | {texts} | {r['base_s']:.1f} s | {r['wp_s']:.1f} s | "
                     f"**{ratio:.2f}x** | {verdict} | {r['base_mib']:.0f} MiB | "
                     f"{r['wp_mib']:.0f} MiB | {mem:.2f}x | {r['other']:.2f} cores |")
        table = common.job_table(r["jobs"], r["peaks"])
        details += ["", (f"**{name}, {texts} texts**: wordprint's Snakemake jobs (wall time of "
                    "each job, from first to last sighting of its process; largest RSS of one "
                    "job):"), "", *table]
        for row in table[2:]:
            print("  " + row)
    lines += details
    lines += ["", "Ratios above 1 mean wordprint is slower / uses more memory than the baseline."]
    if not args.no_results:
        common.update_results("bench_pass", "\n".join(lines))
    common.cleanup(folder, keep=args.keep)


if __name__ == "__main__":
    main()
