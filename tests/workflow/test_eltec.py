"""The shipped ELTeC analyses (config/eltec-fra.yaml, config/eltec-deu.yaml): French and German
novels read as TEI from a folder, whose authors Cosine Delta with Ward recovers at 300, 500 and
1,000 MFW (ARI 1.0, docs/tutorials/eltec.md)."""

import csv

import pytest

from tests.support import REPO


@pytest.mark.parametrize("language, novels, authors", [("fra", 30, 10), ("deu", 27, 9)])
def test_the_eltec_analysis_recovers_every_author(language, novels, authors, shared, workflow,
                                                  tmp_path):
    # The config names ../shared/corpora/eltec-<lang>/tei, as in the repository's layout.
    (tmp_path / "shared").symlink_to(shared)
    project = tmp_path / "project"
    (project / "config").mkdir(parents=True)
    run = workflow.run(project, "--cores", "2", "--configfile",
                       str(REPO / f"config/eltec-{language}.yaml"))
    assert run.returncode == 0, run.stderr[-3000:]
    results = project / "results" / f"eltec-{language}"
    with open(results / "tables/cluster_scores.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cosine_ward = {int(r["mfw"]): r for r in rows
                   if r["measure"] == "cosine_delta" and r["method"] == "ward.D"
                   and r["view"] == "full" and r["normalisation"] == "none"}
    for mfw in (300, 500, 1000):
        assert float(cosine_ward[mfw]["ari"]) == 1.0, (mfw, cosine_ward[mfw])
        assert float(cosine_ward[mfw]["nn_accuracy"]) == 1.0
        assert int(cosine_ward[mfw]["k"]) == authors
    with open(results / "tables/cleaning.csv", newline="") as fh:
        cleaning = list(csv.DictReader(fh))
    assert len(cleaning) == novels and {r["encoding"] for r in cleaning} == {"TEI XML"}
    assert (results / "report.html").is_file()
