"""End-to-end: the evaluation grid (config/evaluation.yaml) on a small catalog of local files."""

import csv
import re
import shutil

import pytest

from tests.support import REPO

PAPERS = {1: "Hamilton", 6: "Hamilton", 10: "Madison", 14: "Madison", 2: "Jay", 3: "Jay"}


REDUCED = """shards: 2
mfw_range: {min: 50, max: 150, step: 50}
measures: [burrows, cosine_delta, minmax]
features: [words, "char:3"]
normalisations: [none, clamp]
consensus: {mfw: [50, 100, 200], measures: [burrows, cosine_delta], p: 0.5}
report: {mfw: 100, measure: cosine_delta}
"""


@pytest.fixture(scope="module")
def grid_run(tmp_path_factory, shared, workflow):
    root = tmp_path_factory.mktemp("evaluation")
    (root / "texts").mkdir()
    rows = [["id", "author", "title", "year", "group", "source"]]
    for number, author in PAPERS.items():
        name = f"federalist_{number:02d}.txt"
        shutil.copy(shared / "corpora/federalist/texts" / name, root / "texts" / name)
        rows.append([f"fed{number:02d}", author, f"No. {number}", "1788", author, f"texts/{name}"])
    with open(root / "catalog.csv", "w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    # Reduced settings on top of the shipped config (a second config file overrides the first).
    (root / "reduced.yaml").write_text(REDUCED)
    run = workflow.run(
        root, "--cores", "2",
        "--configfile", str(REPO / "config/evaluation.yaml"), str(root / "reduced.yaml"),
        "--config", "catalog=catalog.csv",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    return root / "results" / "evaluation"


def test_grid_has_a_row_per_setting(grid_run):
    with open(grid_run / "tables/cluster_scores.csv") as fh:
        rows = list(csv.DictReader(fh))
    for column in ("view", "feature_set", "normalisation", "measure", "mfw", "method", "ari",
                   "homogeneity", "completeness", "v_measure", "purity", "nn_accuracy"):
        assert column in rows[0]
    # 2 feature sets x 3 MFW x (3 measures with none + 2 z-scoring measures with clamp)
    # x 2 methods (ward.D, kmedoids); minmax takes no clamp.
    assert len(rows) == 2 * 3 * 5 * 2
    assert {r["view"] for r in rows} == {"full"}
    assert {r["method"] for r in rows} == {"ward.D", "kmedoids"}
    assert not any(r["measure"] == "minmax" and r["normalisation"] == "clamp" for r in rows)
    assert all(-1 <= float(r["ari"]) <= 1 and 0 <= float(r["nn_accuracy"]) <= 1 for r in rows)


def test_newick_parses_and_names_every_document(grid_run):
    text = (grid_run / "tables/consensus/tree.newick").read_text().strip()
    assert text.endswith(";")
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    leaves = re.findall(r"[(,]([A-Za-z0-9.\-]+)", text)
    assert sorted(leaves) == sorted(f"fed{n:02d}" for n in PAPERS)


def test_figures_and_network_exports(grid_run):
    for stem in ("figures/scores/ari_by_mfw", "figures/consensus/tree", "figures/pca/mfw100"):
        for ext in ("png", "svg", "csv"):
            assert (grid_run / f"{stem}.{ext}").stat().st_size > 0
    with open(grid_run / "tables/consensus/nodes.csv") as fh:
        nodes = list(csv.DictReader(fh))
    assert [n["Label"] for n in nodes] == [f"fed{n:02d}" for n in PAPERS]
    with open(grid_run / "tables/consensus/edges.csv") as fh:
        edges = list(csv.DictReader(fh))
    ids = {n["Id"] for n in nodes}
    assert edges and all(e["Source"] in ids and e["Target"] in ids for e in edges)
    with open(grid_run / "figures/pca/mfw100.csv") as fh:
        kinds = [r["kind"] for r in csv.DictReader(fh)]
    assert kinds.count("document") == len(PAPERS) and kinds.count("word") == 12


def test_consensus_reads_one_word_table_as_wide_as_its_largest_setting(grid_run):
    # The consensus tree takes 200 MFW, beyond the MFW range (50-150): the MFW step writes a
    # 200-word table too, and it is the table the profiles give (the consensus tree and the
    # robustness map read it instead of the profiles), with every smaller table a prefix.
    import json

    from wordprint.corpus.samples import samples
    from wordprint.features.mfw import feature_table
    from wordprint.io.catalog import read_catalog
    from wordprint.io.files import read_matrix
    from wordprint.io.profiles import read_profiles
    from wordprint.features.sampling import resample

    ids, words, table = read_matrix(grid_run / "tables/mfw/mfw200.csv")
    config = json.loads((grid_run / "provenance.json").read_text())["config"]  # as resolved
    documents = read_catalog(grid_run.parents[1] / "catalog.csv")
    profiles = read_profiles(sorted((grid_run / "counts").glob("shard-*.json.gz")))
    corpus = samples(documents, profiles, views=config["views"],
                     min_quoted_share=config["quotes"]["min_share"],
                     min_cited=config["quotes"]["min_cited"])
    corpus = resample(corpus, **{k: config["sampling"][k]
                                 for k in ("method", "size", "samples", "seed")})
    expected_words, expected = feature_table(
        [c.counts for c in corpus], totals=[c.tokens for c in corpus], n=200,
        culling=config["culling"], start_at=config["start_at"],
        drop_pronouns=config["delete_pronouns"], only_function_words=config["function_words"],
    )
    assert ids == [c.id for c in corpus]
    assert words == expected_words and len(words) == 200
    assert (table == expected).all()
    _, smaller_words, smaller = read_matrix(grid_run / "tables/mfw/mfw150.csv")
    assert smaller_words == words[:150] and (smaller == table[:, :150]).all()
