"""The run lock (wordprint.workflow.runlock): a run claims its folder, clears only what a dead
run left (Snakemake's stale locks, the files it marked unfinished). A run killed mid-way and
resumed is tests/workflow/test_crash_safety.py."""

from wordprint.workflow.runlock import claim_folder


def test_claim_folder_clears_only_stale_locks(tmp_path):
    locks = tmp_path / ".snakemake" / "locks"
    locks.mkdir(parents=True)
    (locks / "0.input.lock").write_text("x\n")
    claim = claim_folder(tmp_path / ".snakemake")
    assert claim is not None and not locks.exists()
    locks.mkdir()
    assert claim_folder(tmp_path / ".snakemake") is None  # this process's claim is still open
    assert locks.exists()
    claim.close()
    assert claim_folder(tmp_path / ".snakemake") is not None


def test_claim_folder_removes_what_a_dead_run_left_incomplete(tmp_path):
    from base64 import urlsafe_b64encode

    (tmp_path / "results").mkdir()
    half = tmp_path / "results" / "half.csv"
    half.write_text("a,b\n1")
    marks = tmp_path / ".snakemake" / "incomplete"
    marks.mkdir(parents=True)
    (marks / urlsafe_b64encode(b"results/half.csv").decode()).write_text("{}")
    (marks / urlsafe_b64encode(b"../outside.csv").decode()).write_text("{}")
    (tmp_path.parent / "outside.csv").write_text("kept")
    claim = claim_folder(tmp_path / ".snakemake")
    assert not half.exists()
    assert sorted(p.name for p in marks.iterdir()) == [urlsafe_b64encode(b"../outside.csv").decode()]
    assert (tmp_path.parent / "outside.csv").read_text() == "kept"
    claim.close()
