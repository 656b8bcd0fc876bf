"""Every distance measure on 100 documents x 5,000 MFW, against scipy's ``pdist`` (cityblock).

The table is random but realistic: each document's relative frequencies are a Dirichlet draw
whose concentration follows Zipf's law over the 5,000 words (seeded, so every run times the
same numbers), columns in rank order. Each ``wordprint.measures.distances.distance_matrix`` measure and
the baseline ``scipy.spatial.distance.pdist(X, "cityblock")`` are timed in the same process,
median of ``--repeats`` runs.

    python benchmarks/bench_distances.py [--documents 100] [--words 5000] [--repeats 5]

Prints seconds per measure and the ratio to the baseline; updates the ``bench_distances``
section of RESULTS.md.
"""

from __future__ import annotations

import argparse

import common
import numpy as np
from scipy.spatial.distance import pdist

from wordprint.measures.distances import MEASURES, distance_matrix


def zipf_table(documents: int, words: int, *, seed: int = 20181201) -> np.ndarray:
    """Documents x words relative frequencies: Dirichlet(alpha ~ 1/rank), columns by rank."""
    rng = np.random.default_rng(seed)
    alpha = 2000.0 / np.arange(1, words + 1)  # a text of a few thousand tokens per draw
    X = rng.dirichlet(alpha, size=documents)
    return X[:, np.argsort(-X.mean(axis=0), kind="stable")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-results", action="store_true")
    args = parser.parse_args()
    info = common.machine_info()
    common.print_machine(info)
    X = zipf_table(args.documents, args.words)

    base, _ = common.timed(lambda: pdist(X, "cityblock"), repeats=args.repeats)
    print(f"baseline pdist cityblock: {base * 1e3:.1f} ms")
    lines = [
        "## Distances: every measure vs `scipy.spatial.distance.pdist(X, \"cityblock\")`",
        "",
        common.machine_lines(info),
        "",
        f"`python benchmarks/bench_distances.py`: {args.documents} documents x {args.words:,} MFW "
        f"(seeded Zipf-Dirichlet relative frequencies), median of {args.repeats} runs. wordprint "
        "returns the full symmetric matrix (pdist the condensed half) and includes its "
        "normalisation (z-scores, Laplace spreads...).",
        "",
        f"| measure | seconds | ratio to pdist cityblock ({base * 1e3:.1f} ms) |",
        "|---|---|---|",
        f"| pdist cityblock (baseline) | {base:.4f} | 1.0x |",
    ]
    for name in MEASURES:
        seconds, D = common.timed(lambda: distance_matrix(X, measure=name), repeats=args.repeats)
        assert D.shape == (args.documents, args.documents) and np.isfinite(D).all()
        print(f"{name}: {seconds * 1e3:.1f} ms, ratio {seconds / base:.1f}x", flush=True)
        lines.append(f"| {name} | {seconds:.4f} | **{seconds / base:.1f}x** |")
    if not args.no_results:
        common.update_results("bench_distances", "\n".join(lines))


if __name__ == "__main__":
    main()
