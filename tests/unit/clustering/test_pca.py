"""Tests for wordprint.clustering.pca: PCA with loadings, the rows of the biplot."""

from __future__ import annotations

import numpy as np
import pytest

from wordprint.clustering.pca import PCAResult, loading_rows, pca, top_loadings


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
