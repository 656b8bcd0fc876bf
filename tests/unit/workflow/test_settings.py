"""The config -> settings translation of the workflow (wordprint.workflow.settings)."""

import copy

import pytest
import yaml
from snakemake.utils import validate

from tests.support import REPO
from wordprint.corpus.documents import Document
from wordprint.workflow.settings import SettingsError, run_settings

SCHEMA = str(REPO / "workflow/schemas/config.schema.yaml")


def config(**changes):
    """The schema's defaults for a catalog, with ``changes`` (validated as the workflow does)."""
    settings = {"catalog": "corpus/mine.csv", **copy.deepcopy(changes)}
    validate(settings, schema=SCHEMA)  # fills in the schema's defaults
    return settings


def documents(authors=("austen", "austen", "bronte", "eliot", "eliot")):
    return [Document(id=f"d{i}", author=a, title=f"t{i}", year="1850", group=a,
                     source=f"d{i}.txt", kind="file", locator=f"d{i}.txt")
            for i, a in enumerate(authors)]


def test_defaults_give_the_report_setting_nearest_500_mfw_and_a_cluster_per_label():
    run = run_settings(config(mfw=[100, 400, 1000]), documents())
    assert run.report_mfw == 400 and run.report_measure == run.measures[-1]
    assert run.clusters == 3  # auto: one cluster per author
    assert run.map_settings == {"measure": [run.report_measure], "mfw": [400]}
    assert sorted(d.id for shard in run.shards.values() for d in shard) == [f"d{i}" for i in range(5)]
    assert all(len(shard) == 4 and shard.isdigit() for shard in run.shards)


def test_ranges_expand_and_the_largest_table_serves_the_others():
    run = run_settings(config(mfw_range={"min": 100, "max": 300, "step": 100},
                              consensus={"mfw": {"min": 100, "max": 1000, "step": 450}}),
                       documents())
    assert run.mfw == [100, 200, 300]
    assert run.consensus["mfw"] == [100, 550, 1000]
    assert run.word_table_mfw == 1000 and run.table_mfw == [100, 200, 300, 1000]


def test_an_analysis_left_out_asks_for_no_larger_table():
    run = run_settings(config(mfw=[100], analyses=["maps"],
                              consensus={"mfw": [5000]}), documents())
    assert run.word_table_mfw == 100 and run.when("consensus", ["x"]) == []
    assert run.when("maps", ["x"]) == ["x"]


@pytest.mark.parametrize("changes, named", [
    ({"mfw": [100], "report": {"mfw": 500}}, "report.mfw is 500"),
    ({"report": {"measure": "eder"}, "measures": ["burrows"]}, "report.measure is 'eder'"),
    ({"label_column": "school"}, "label_column is 'school'"),
    ({"tokenizer": {"pattern": "[a-"}}, "'tokenizer.pattern'"),
    ({"features": ["words", "char:3"], "sampling": {"method": "consecutive", "size": 500}},
     "features"),
    ({"robustness": {"measures": ["cosine"], "normalisations": ["clamp"]}}, "'robustness'"),
])
def test_settings_that_cannot_work_together_name_the_key(changes, named):
    with pytest.raises(SettingsError, match="^wordprint: config") as error:
        run_settings(config(**changes), documents())
    assert named in str(error.value)


def test_fewer_than_three_documents_is_refused_with_the_fix():
    with pytest.raises(SettingsError, match="lists 2 document.*Add documents"):
        run_settings(config(), documents(("a", "b")))


def test_the_shipped_analyses_translate():
    for path in sorted((REPO / "config").glob("*.yaml")):
        settings = yaml.safe_load(path.read_text())
        run = run_settings(config(**{k: v for k, v in settings.items() if k != "catalog"}),
                           documents())
        assert run.mfw and run.report_mfw in run.mfw, path.name


def test_clusters_auto_counts_the_known_labels_only():
    # Issue #19: a questioned document (author "unknown") is no author to recover: it is
    # neither a cluster of its own nor scored; nor is a joint one, which attribution leaves out.
    docs = [Document(id=d.id, author=d.author, title=d.title, year=d.year, group=d.group,
                     source=d.source, kind=d.kind, locator=d.locator,
                     extra={"role": "known"}) for d in documents()]
    docs += [Document(id=i, author=a, title=i, year="1850", group="x", source=f"{i}.txt",
                      kind="file", locator=f"{i}.txt", extra={"role": role})
             for i, a, role in [("q1", "unknown", "questioned"), ("q2", "disputed", "Questioned"),
                                ("j", "austen and eliot", "joint")]]
    run = run_settings(config(), docs)
    assert run.clusters == 3 and run.known == [f"d{i}" for i in range(5)]
    # A catalog without roles: every document is known, but those attribution.questioned names.
    plain = documents(("austen", "austen", "bronte", "eliot", "unknown"))
    run = run_settings(config(attribution={"questioned": ["d4"]}), plain)
    assert run.clusters == 3 and "d4" not in run.known
    assert run_settings(config(), plain).clusters == 4  # no role, nothing questioned
    with pytest.raises(SettingsError, match="marks no document 'known'"):
        run_settings(config(), [Document(**{**vars(d), "extra": {"role": "questioned"}})
                                for d in plain])
