"""Tests for wordprint.clustering.pca and wordprint.clustering.kmedoids: PCA with loadings, k-medoids (FasterPAM), score curves."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from wordprint.clustering.pca import PCAResult, loading_rows, pca, top_loadings
from wordprint.evaluate.grid import score_series
from wordprint.clustering.kmedoids import k_medoids


def table(seed: int = 0, n: int = 12, words: int = 8) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.dirichlet(np.ones(words) * 3, size=n) * 0.5  # relative frequencies


# --- PCA -----------------------------------------------------------------------------------------


def test_correlation_pca_explains_the_eigenvalues_of_the_correlation_matrix():
    # stylo's PCR = prcomp(scale = TRUE): eigen-decomposition of the correlation matrix.
    X = table()
    eig = np.sort(np.linalg.eigvalsh(np.corrcoef(X, rowvar=False)))[::-1]
    result = pca(X)
    np.testing.assert_allclose(result.explained, eig[: len(result.explained)] / eig.sum(),
                               atol=1e-12)
    assert result.scaling == "correlation"


def test_covariance_pca_explains_the_eigenvalues_of_the_covariance_matrix():
    # stylo's PCV = prcomp(x): eigen-decomposition of the covariance matrix.
    X = table(1)
    eig = np.sort(np.linalg.eigvalsh(np.cov(X, rowvar=False)))[::-1]
    result = pca(X, scaling="covariance")
    np.testing.assert_allclose(result.explained, eig[: len(result.explained)] / eig.sum(),
                               atol=1e-12)
    # Scores are the centred table projected on the loadings (R's x = scale(X) %*% rotation).
    np.testing.assert_allclose(result.scores, (X - X.mean(axis=0)) @ result.loadings,
                               atol=1e-12)


def test_loadings_are_orthonormal_and_scores_reconstruct_the_z_scores():
    X = table(2)
    result = pca(X)
    k = result.loadings.shape[1]
    np.testing.assert_allclose(result.loadings.T @ result.loadings, np.eye(k), atol=1e-10)
    Z = (X - X.mean(axis=0)) / X.std(axis=0, ddof=1)
    np.testing.assert_allclose(result.scores @ result.loadings.T, Z, atol=1e-10)


def test_signs_are_deterministic_and_follow_the_documents():
    X = table(3)
    result = pca(X)
    extreme = np.abs(result.scores).argmax(axis=0)
    assert np.all(result.scores[extreme, range(result.scores.shape[1])] > 0)
    # Shuffling the documents shuffles the scores and changes no sign.
    perm = np.random.default_rng(0).permutation(len(X))
    shuffled = pca(X[perm])
    np.testing.assert_allclose(shuffled.scores, result.scores[perm], atol=1e-10)
    np.testing.assert_allclose(shuffled.loadings, result.loadings, atol=1e-10)


def test_a_constant_word_gets_no_loading_and_no_nan():
    X = table(4)
    X[:, 2] = 0.01
    result = pca(X, n_components=3)
    assert np.all(np.isfinite(result.scores)) and np.all(np.isfinite(result.loadings))
    np.testing.assert_allclose(result.loadings[2], 0.0, atol=1e-10)


def test_pca_checks_its_arguments():
    with pytest.raises(ValueError, match="scaling"):
        pca(table(), scaling="z")
    with pytest.raises(ValueError, match="n_components"):
        pca(table(), n_components=99)
    with pytest.raises(ValueError, match="at least 2 documents"):
        pca(np.ones((1, 4)))
    with pytest.raises(ValueError, match="finite"):
        pca(np.array([[0.1, np.nan], [0.2, 0.1]]))


def test_top_loadings_and_loading_rows_by_hand():
    L = np.array([[0.1, 0.0, 9.0], [0.6, 0.8, 0.0], [0.0, -0.5, 0.0], [-0.3, 0.4, 0.0]])
    # Lengths in the PC1-PC2 plane: 0.1, 1.0, 0.5, 0.5 (tie: the earlier word first).
    assert top_loadings(L, n=3) == [1, 2, 3]
    assert top_loadings(L, n=1, components=(0, 2)) == [0]
    result = PCAResult(np.zeros((2, 3)), L, np.array([0.5, 0.3, 0.2]), "correlation")
    header, rows = loading_rows(["the", "of", "and", "to"], result)
    assert header == ["word", "pc1", "pc2"]
    assert rows[1] == ["of", 0.6, 0.8]


# --- k-medoids -----------------------------------------------------------------------------------


def blobs(sizes=(4, 5, 3), seed=0):
    rng = np.random.default_rng(seed)
    centres = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
    x = np.vstack([rng.normal(c, 0.5, size=(s, 2)) for c, s in zip(centres, sizes)])
    labels = np.repeat(np.arange(len(sizes)), sizes)
    D = np.sqrt(((x[:, None] - x[None]) ** 2).sum(-1))
    return D, labels


def brute_force_loss(D: np.ndarray, k: int) -> float:
    return min(D[:, list(m)].min(axis=1).sum() for m in combinations(range(len(D)), k))


def test_k_medoids_by_hand():
    # Two pairs far apart; each pair's medoid is either member, the loss is 1 + 1.
    D = np.array([[0, 1, 9, 9], [1, 0, 9, 9], [9, 9, 0, 1], [9, 9, 1, 0]], dtype=float)
    result = k_medoids(D, k=2)
    assert result.clusters.tolist() == [1, 1, 2, 2]
    assert result.loss == 2.0
    assert set(result.medoids[:1]) <= {0, 1} and set(result.medoids[1:]) <= {2, 3}


def test_k_medoids_medoid_minimises_the_distances_in_its_cluster():
    # Three points on a line at 0, 1, 5 plus a far one: the medoid of {0, 1, 5} is the
    # point at 1 (distances 1 + 0 + 4 = 5, against 0 + 1 + 5 = 6 and 5 + 4 + 0 = 9).
    x = np.array([0.0, 1.0, 5.0, 100.0])
    D = np.abs(np.subtract.outer(x, x))
    result = k_medoids(D, k=2)
    assert result.clusters.tolist() == [1, 1, 1, 2]
    assert result.medoids.tolist() == [1, 3]
    assert result.loss == 5.0


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_k_medoids_recovers_separated_groups_with_the_optimal_loss(seed):
    D, labels = blobs(seed=seed)
    result = k_medoids(D, k=3, seed=seed)
    assert adjusted_rand_score(labels, result.clusters) == 1.0
    assert result.loss == pytest.approx(brute_force_loss(D, 3))
    assert result.clusters[0] == 1  # numbered by first document


def test_k_medoids_is_reproducible():
    D, _ = blobs(sizes=(6, 6, 6), seed=5)
    noisy = D + np.random.default_rng(1).uniform(0, 3, D.shape)
    noisy = (noisy + noisy.T) / 2
    np.fill_diagonal(noisy, 0)
    for init in ("build", "random"):
        a = k_medoids(noisy, k=4, seed=7, init=init)
        b = k_medoids(noisy, k=4, seed=7, init=init)
        assert a.clusters.tolist() == b.clusters.tolist() and a.loss == b.loss


def test_k_medoids_edge_cases_and_errors():
    D, _ = blobs()
    n = len(D)
    every = k_medoids(D, k=n)
    assert every.clusters.tolist() == list(range(1, n + 1)) and every.loss == 0.0
    assert k_medoids(D, k=1).clusters.tolist() == [1] * n
    with pytest.raises(ValueError, match="k must be"):
        k_medoids(D, k=0)
    with pytest.raises(ValueError, match="square"):
        k_medoids(D[:3], k=2)
    with pytest.raises(ValueError, match="init"):
        k_medoids(D, k=2, init="lab")


# --- score curves --------------------------------------------------------------------------------


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


def test_biplot_rows_documents_then_strongest_words():
    from wordprint.clustering.pca import biplot_rows

    X = table(seed=3)
    result = pca(X)
    words = [f"w{j}" for j in range(X.shape[1])]
    header, rows = biplot_rows([f"d{i}" for i in range(12)], ["g"] * 12, words, result,
                               n_loadings=3)
    assert header == ["kind", "name", "group", "pc1", "pc2"]
    assert [r[0] for r in rows] == ["document"] * 12 + ["word"] * 3
    assert rows[0][3:] == pytest.approx(result.scores[0, :2].tolist())
    drawn = [words.index(r[1]) for r in rows[12:]]
    assert drawn == top_loadings(result.loadings, n=3)
    lengths = [np.hypot(*result.loadings[j, :2]) for j in drawn]
    assert lengths == sorted(lengths, reverse=True)
