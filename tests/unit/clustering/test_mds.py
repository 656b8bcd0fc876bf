"""Classical multidimensional scaling (wordprint.clustering.mds)."""

import numpy as np
from scipy.spatial.distance import pdist, squareform

from wordprint.clustering.mds import classical_mds


def test_classical_mds_recovers_a_line():
    x = np.array([0.0, 1.0, 3.0, 6.0])
    coords = classical_mds(np.abs(x[:, None] - x[None, :]))
    np.testing.assert_allclose(squareform(pdist(coords[:, :1])), np.abs(x[:, None] - x[None, :]), atol=1e-9)
    assert np.abs(coords[:, 0]).argmax() == coords[:, 0].argmax()  # oriented: largest is positive


def test_classical_mds_equals_scikit_learns_classical_mds():
    from sklearn.manifold import ClassicalMDS

    rng = np.random.default_rng(3)
    D = squareform(pdist(rng.normal(size=(30, 12)), "cityblock"))  # not Euclidean: like Delta
    ours = classical_mds(D)
    theirs = ClassicalMDS(n_components=2, metric="precomputed").fit_transform(D)
    np.testing.assert_allclose(np.abs(ours), np.abs(theirs), atol=1e-9)  # up to axis signs
    assert ours.shape == (30, 2)
