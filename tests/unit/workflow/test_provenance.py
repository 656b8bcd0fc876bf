"""Provenance of a workflow run (wordprint.workflow.provenance): a job's metadata naming its
rule, settings, inputs and config, and the run record."""

import json
from types import SimpleNamespace

import wordprint
from wordprint.io import provenance
from wordprint.workflow import provenance as workflow_provenance


class Named(dict):
    """Stands in for Snakemake's Namedlist: iterable values, items() by name."""

    def __iter__(self):
        return iter(self.values())


def job(**params):
    return SimpleNamespace(
        rule="plot_maps",
        input=Named(a="results/tables/x.csv", b="results/tables/y.csv"),
        wildcards=Named(measure="burrows", mfw="100"),
        params=Named(params),
        config={"mfw": [100], "measures": ["burrows"]},
    )


def test_job_metadata_names_rule_settings_inputs_and_config(tmp_path):
    meta = workflow_provenance.job_metadata(job(linkage="ward.D", catalog=["x" * 3000]), tmp_path)
    assert meta["wordprint:rule"] == "plot_maps"
    assert meta["wordprint:wildcards"] == "measure=burrows, mfw=100"
    assert meta["wordprint:inputs"] == "results/tables/x.csv\nresults/tables/y.csv"
    settings = meta["wordprint:settings"].split("; ")
    assert settings[0] == "linkage=ward.D"
    assert settings[1].startswith("catalog=sha256:") and settings[1].endswith("(3004 characters)")
    assert meta["wordprint:config-sha256"] == provenance.config_digest(
        {"measures": ["burrows"], "mfw": [100]}  # key order does not matter
    )
    assert meta["wordprint:version"] == wordprint.__version__
    assert meta["wordprint:revision"] == "unknown"  # tmp_path is no git checkout


def test_run_record_lists_what_varies_and_writes_atomically(tmp_path):
    record = workflow_provenance.run_record(
        config={"mfw": [100]}, workflow_folder=tmp_path, documents=[{"id": "a"}], jobs=[]
    )
    assert record["varying_fields"] == ["written", "jobs[].started", "jobs[].finished"]
    assert record["config_sha256"] == provenance.config_digest({"mfw": [100]})
    assert set(record["software"]) >= {"python", "wordprint", "numpy", "snakemake"}
    provenance.write_record(tmp_path / "p.json", record)
    assert json.loads((tmp_path / "p.json").read_text()) == record
    assert [p.name for p in tmp_path.iterdir()] == ["p.json"]  # no temporary file left
