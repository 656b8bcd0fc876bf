"""Measures composed with a normalisation of the z-scores (wordprint.measures.normalised)."""

import numpy as np
import pytest

from wordprint.measures.distances import distance_matrix, l2, z_score
from wordprint.measures.normalised import NORMALISATIONS, applicable, normalised_distances

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
