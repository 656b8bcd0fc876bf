"""The evaluation grid: normalisations, clustering methods, feature selection, figure shaping."""

import numpy as np
import pytest

from wordprint.clustering.scores import SCORES
from wordprint.corpus.samples import Sample
from wordprint.measures.distances import distance_matrix, l2, z_score
from wordprint.clustering.methods import METHODS, cluster_labels
from wordprint.evaluate.grid import GRID_COLUMNS, evaluation_grid, score_lines, with_feature_set
from wordprint.features.mfw import feature_table
from wordprint.measures.normalised import NORMALISATIONS, applicable, normalised_distances
from wordprint.corpus.documents import Document

X = np.array([[0.10, 0.15, 0.02], [0.20, 0.05, 0.00], [0.30, 0.10, 0.04], [0.12, 0.14, 0.03]])


def test_none_is_the_plain_measure():
    for measure in ("burrows", "cosine_delta", "minmax", "canberra"):
        np.testing.assert_allclose(
            normalised_distances(X, measure=measure), distance_matrix(X, measure=measure)
        )


def test_clamp_by_hand():
    # Column 1: mean 0.225, sd sqrt((3 * 0.225^2 + 0.675^2) / 3) = 0.45, z = -0.5 x 3, 1.5.
    # Column 2: mean 0.175, sd sqrt((3 * 0.075^2 + 0.225^2) / 3) = 0.15, z = -0.5 x 3, 1.5.
    T = np.array([[0.0, 0.1], [0.0, 0.1], [0.0, 0.1], [0.9, 0.4]])
    Z = z_score(T)
    assert Z[3, 0] == pytest.approx(1.5)
    D = normalised_distances(T, measure="burrows", normalisation="clamp")
    # clamped: rows 0-2 = [-0.5, -0.5], row 3 = [1, 1]; Burrows = mean |diff| = 1.5
    assert D[0, 3] == pytest.approx(1.5)
    assert normalised_distances(T, measure="burrows")[0, 3] == pytest.approx(2.0)


def test_l2_on_z_scores_turns_manhattan_delta_towards_cosine():
    # Burrows's Delta on L2-normalised z-scores is mean |a - b| of unit vectors (Evert et al.).
    Zn = l2(z_score(X))
    expected = np.abs(Zn[:, None, :] - Zn[None, :, :]).mean(axis=2)
    np.testing.assert_allclose(
        normalised_distances(X, measure="burrows", normalisation="l2"), expected, atol=1e-12
    )
    # Cosine Delta ignores vector length: l2 changes nothing.
    np.testing.assert_allclose(
        normalised_distances(X, measure="cosine_delta", normalisation="l2"),
        distance_matrix(X, measure="cosine_delta"),
        atol=1e-12,
    )


def test_ternarize_and_binarize():
    D = normalised_distances(X, measure="burrows", normalisation="ternarize")
    # ternarised values are -1, 0, 1, so Burrows's Delta is a multiple of 1/3 on 3 features
    assert np.allclose(D * 3, np.round(D * 3), atol=1e-9) and D.max() > 0
    B = normalised_distances(X, measure="manhattan", normalisation="binarize")
    # presence: rows 0, 2, 3 use all three words, row 1 two of them
    assert B[0, 1] == 1 and B[0, 2] == 0


def test_z_normalisations_need_a_z_measure():
    assert not applicable("minmax", "ternarize")
    with pytest.raises(ValueError, match="z-scores"):
        normalised_distances(X, measure="cosine", normalisation="clamp")
    with pytest.raises(ValueError, match="normalisation"):
        applicable("burrows", "sqrt")


def test_every_normalisation_gives_a_distance_matrix():
    for normalisation in NORMALISATIONS:
        for measure in ("burrows", "eder", "cosine_delta", "manhattan", "minmax"):
            if not applicable(measure, normalisation):
                continue
            D = normalised_distances(X, measure=measure, normalisation=normalisation)
            assert np.allclose(D, D.T) and np.all(np.diag(D) == 0) and np.all(D >= 0)


def test_cluster_methods_find_two_obvious_groups():
    D = np.array([[0, 1, 9, 9], [1, 0, 9, 9], [9, 9, 0, 1], [9, 9, 1, 0]], dtype=float)
    for method in METHODS:
        labels = cluster_labels(D, method=method, k=2)
        assert labels[0] == labels[1] != labels[2] == labels[3], method
    with pytest.raises(ValueError, match="method"):
        cluster_labels(D, method="ward", k=2)


def test_feature_table_selection_and_prefix():
    docs = [{"the": 5, "he": 3, "war": 2}, {"the": 4, "she": 2, "of": 4}]
    words, table = feature_table(docs, totals=[10, 10], n=3, drop_pronouns=True)
    # mean shares: the 0.45, of 0.2, war 0.1 (he 0.15 and she 0.1 dropped)
    assert words == ["the", "of", "war"]
    np.testing.assert_allclose(table, [[0.5, 0.0, 0.2], [0.4, 0.4, 0.0]])
    # culling at 1.0: only words in both documents
    assert feature_table(docs, totals=[10, 10], n=5, culling=1.0)[0] == ["the"]
    assert feature_table(docs, totals=[10, 10], n=2, start_at=1)[0] == ["of", "he"]
    assert feature_table(docs, totals=[10, 10], n=5, only_function_words=True)[0] == [
        "the", "of", "he", "she"
    ]
    small = feature_table(docs, totals=[10, 10], n=2)[0]
    assert small == feature_table(docs, totals=[10, 10], n=4)[0][:2]


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
