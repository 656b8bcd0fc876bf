"""The evaluation grid (wordprint.evaluate.grid): a row of scores per setting, the score lines
and curves of its figure."""

import numpy as np
import pytest

from wordprint.clustering.scores import SCORES
from wordprint.corpus.samples import Sample
from wordprint.evaluate.grid import (
    GRID_COLUMNS,
    evaluation_grid,
    score_lines,
    score_series,
    view_grid,
    with_feature_set,
)
from wordprint.corpus.documents import Document
from wordprint.corpus.samples import samples
from wordprint.features.mfw import feature_table
from tests.support import quoting_corpus


def test_grid_rows_and_perfect_scores():
    rng = np.random.default_rng(0)
    centres = rng.uniform(0.01, 0.05, size=(3, 40))
    table = np.vstack([c + rng.normal(0, 0.0005, size=(3, 40)) for c in centres]).clip(0)
    labels = [a for a in "abc" for _ in range(3)]
    header, rows = evaluation_grid(
        {"words": table},
        labels=labels,
        keep=[True] * 9,
        documents=[f"d{i}" for i in range(9)],
        mfw=[10, 40, 100],
        measures=["cosine_delta", "minmax"],
        normalisations=["none", "clamp"],
        methods=["ward.D", "kmedoids"],
        k=3,
    )
    assert header == list(GRID_COLUMNS) and header[-len(SCORES):] == list(SCORES)
    # 3 mfw x (2 measures with none + cosine_delta with clamp) x 2 methods
    assert len(rows) == 3 * 3 * 2
    col = {h: i for i, h in enumerate(header)}
    assert all(r[col["ari"]] == 1.0 and r[col["nn_accuracy"]] == 1.0 for r in rows)
    assert {r[col["features"]] for r in rows if r[col["mfw"]] == 100} == {40}


def test_grid_scores_only_kept_samples():
    table = np.array([[0.3, 0.1], [0.31, 0.1], [0.1, 0.3], [0.1, 0.31], [0.2, 0.2]])
    header, rows = evaluation_grid(
        {"words": table}, labels=list("aabbc"), keep=[True, True, True, True, False],
        documents=list("vwxyz"), mfw=[2], measures=["cosine"], k=2,
    )
    assert dict(zip(header, rows[0]))["k"] == 2


def test_score_lines_picks_one_method():
    header = ["feature_set", "normalisation", "measure", "mfw", "method", "ari"]
    rows = [
        ["words", "none", "burrows", "100", "ward.D", "0.5"],
        ["words", "none", "burrows", "100", "kmedoids", "0.7"],
        ["char:3", "none", "burrows", "100", "ward.D", "0.9"],
    ]
    lines = score_lines(header, rows)
    assert lines == {"measure": ["burrows (words)", "burrows (char:3)"], "mfw": [100, 100],
                     "ari": [0.5, 0.9]}
    assert score_lines(header, rows, method="kmedoids")["ari"] == [0.7]
    with pytest.raises(ValueError, match="column"):
        score_lines(header[:-1], [r[:-1] for r in rows])


def test_with_feature_set_swaps_counts():
    doc = Document("a", "A", "t", "1", "g", "texts/a.txt", "file", "texts/a.txt")
    sample = Sample("a", doc, "full", {"x": 2}, 2)
    profiles = {"a": {"views": {"full": {"features": {"char:2": {"ab": 3, "bc": 1}}}}}}
    (swapped,) = with_feature_set([sample], profiles, "char:2")
    assert swapped.counts == {"ab": 3, "bc": 1} and swapped.tokens == 4
    assert with_feature_set([sample], profiles, "words") == [sample]
    with pytest.raises(ValueError, match="features"):
        with_feature_set([sample], profiles, "word:2")


def test_score_series_shapes_a_scores_table():
    t = {
        "measure": ["cosine_delta", "burrows", "cosine_delta", "burrows", "cosine_delta"],
        "mfw": [1000, 100, 100, 1000, 500],
        "ari": [1.0, 0.4, 0.7, 0.8, 0.9],
    }
    series = score_series(t)
    assert list(series) == ["cosine_delta", "burrows"]  # order of first appearance
    xs, ys = series["cosine_delta"]
    assert xs.tolist() == [100, 500, 1000] and ys.tolist() == [0.7, 0.9, 1.0]


def test_score_series_refuses_duplicates_and_missing_columns():
    t = {"measure": ["a", "a"], "mfw": [100, 100], "ari": [0.1, 0.2]}
    with pytest.raises(ValueError, match="filter"):
        score_series(t)
    with pytest.raises(ValueError, match="v_measure"):
        score_series(t, score="v_measure")


def _document(i, author, role="known"):
    return Document(i, author, i, "1900", author, f"{i}.txt", "file", f"{i}.txt", {"role": role})


def test_questioned_documents_are_clustered_but_neither_scored_nor_counted_in_k():
    # Issue #19: a questioned text (author "unknown") counted as a label of its own: in k with
    # clusters: auto and in ARI and nearest-neighbour accuracy. Two authors, two texts each,
    # and a questioned text nearest to author a's.
    counts = [{"x": 9, "y": 1}, {"x": 8, "y": 2}, {"x": 1, "y": 9}, {"x": 2, "y": 8},
              {"x": 7, "y": 3}]
    docs = [_document(i, a) for i, a in [("a1", "a"), ("a2", "a"), ("b1", "b"), ("b2", "b")]]
    docs.append(_document("q", "unknown", "questioned"))
    corpus = [Sample(d.id, d, "full", c, 10) for d, c in zip(docs, counts)]
    header, rows = view_grid(corpus, label_column="author", known=["a1", "a2", "b1", "b2"],
                             mfw=[2], measures=["cosine"], methods=["ward.D", "kmedoids"])
    for row in rows:
        found = dict(zip(header, row))
        assert (found["k"], found["ari"], found["nn_accuracy"]) == (2, 1.0, 1.0)
    # k "auto" of the grid itself counts the scored labels only.
    table = np.array([[c["x"] / 10, c["y"] / 10] for c in counts])
    header, rows = evaluation_grid({"words": table}, labels=[d.author for d in docs],
                                   keep=[True] * 4 + [False], documents=[d.id for d in docs],
                                   mfw=[2], measures=["cosine"], k="auto")
    assert dict(zip(header, rows[0]))["k"] == 2


def test_each_view_is_scored_on_its_own_samples(small_corpus):
    # Issue #19: with views [full, own] the grid z-scored and clustered the full and own
    # samples together and scored the full ones; a "full" row must be that of a run of the
    # full view alone: its MFW, z-scores and trees of the full samples only.
    docs, profiles = quoting_corpus(small_corpus)
    settings = dict(label_column="author", mfw=[10, 20, 50], measures=["burrows", "cosine_delta"],
                    normalisations=["none", "l2"], methods=["ward.D", "kmedoids"])
    both = samples(docs, profiles, views=["full", "own"])
    assert {s.view for s in both} == {"full", "own"}
    header, rows = view_grid(both, **settings)
    _, alone = view_grid(samples(docs, profiles, views=["full"]), **settings)
    view = header.index("view")
    assert [r for r in rows if r[view] == "full"] == alone and len(alone) == 3 * 4 * 2
    assert len([r for r in rows if r[view] == "own"]) == len(alone)  # own words on their own
    # The leak it replaces: one table (MFW ranked on both views), full rows scored, differs.
    _, table = feature_table([s.counts for s in both], totals=[s.tokens for s in both], n=50)
    _, mixed = evaluation_grid(
        {"words": table}, labels=[s.document.author for s in both],
        keep=[s.view == "full" for s in both], documents=[s.document.id for s in both], k=3,
        **{k: v for k, v in settings.items() if k != "label_column"},
    )  # fmt: skip
    assert mixed != alone


def test_score_lines_draw_the_full_view():
    header = ["view", "feature_set", "normalisation", "measure", "mfw", "method", "ari"]
    rows = [["full", "words", "none", "burrows", 100, "ward.D", 0.5],
            ["own", "words", "none", "burrows", 100, "ward.D", 0.9]]
    assert score_lines(header, rows)["ari"] == [0.5]
    assert score_lines(header, rows, view="own")["ari"] == [0.9]
