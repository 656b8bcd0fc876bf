"""Hostile sources and damaged files in a workflow run (issue #20): one test per case, each
asserting the message on the console of a real `snakemake` run and that no earlier result was
lost or changed.

The cases a function settles are in tests/unit/test_hostile_sources.py; docs/guide/bad-input.md
("Guarantees: sources, downloads and caches") lists them all.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.workflow.test_hostile_inputs import (
    make_project,
    rows,
    snapshot,
    stops_before_any_job,
    three_papers,
)

CHINESE = "我们是朋友。这是一个很长的句子，用来说明分词。他说：明天见。".encode() * 20
UNSEGMENTED = (
    "most of its letters are Chinese or Japanese characters, which the word pattern cannot "
    "split into words: each clause would count as one word. Set the document's 'language' "
    "(catalog column or config) to zh or ja, or 'tokenizer.script: characters'"
)


@pytest.fixture(scope="module")
def base(tmp_path_factory, shared, workflow):
    """Three Federalist papers and a Chinese text without a language setting, run whole."""
    documents = {**three_papers(shared), "chinese": ("Nobody", CHINESE)}
    root = make_project(tmp_path_factory.mktemp("sources"), documents)
    run = workflow.run(root, "--cores", "2")
    assert run.returncode == 0, run.stderr[-3000:]
    return root, run


def test_chinese_without_language_is_warned_on_the_console_and_in_the_cleaning_table(base):
    root, run = base
    assert f"wordprint: warning: document chinese: {UNSEGMENTED}" in run.stderr
    cleaning = {r["id"]: r for r in rows(root / "results/default/tables/cleaning.csv")}
    assert UNSEGMENTED in cleaning["chinese"]["warnings"]
    assert "Chinese" not in cleaning["fed01"]["warnings"]


def test_document_over_max_document_bytes_stops_before_any_job(tmp_path, shared, workflow):
    root = make_project(tmp_path, three_papers(shared), max_document_bytes=5000)
    size = (root / "corpus/texts/fed01.txt").stat().st_size
    stops_before_any_job(
        workflow.run(root, "--cores", "2"), root,
        f"wordprint: catalog row 2 (id 'fed01'), column 'source': the file 'texts/fed01.txt' has "
        f"{size:,} bytes, more than the limit of 5,000 (config 'max_document_bytes'). Split it "
        "into several documents, or raise 'max_document_bytes' if it really is one text.",
    )


def test_truncated_result_shard_is_made_again_and_nothing_else_changes(tmp_path, base,
                                                                      workflow):
    root = tmp_path / "project"
    shutil.copytree(base[0], root, symlinks=True)
    shard = sorted((root / "results/default/counts").glob("shard-*.json.gz"))[0]
    before = snapshot(root)
    shard.write_bytes(shard.read_bytes()[:30])  # cut off, as by a crash or a full disk
    run = workflow.run(root, "--cores", "2")
    # Snakemake sees the file changed since its job wrote it and runs that job again; the job
    # serves its documents from the cache, and every later result comes out as before.
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    times = "results/default/provenance.json"  # the run's times (its varying_fields)
    after = snapshot(root)
    assert {k: v for k, v in after.items() if k != times} == {
        k: v for k, v in before.items() if k != times
    }
