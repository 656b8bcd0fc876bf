"""Flat clustering methods of the evaluation grid (wordprint.clustering.methods)."""

import numpy as np
import pytest

from wordprint.clustering.methods import METHODS, cluster_labels


def test_cluster_methods_find_two_obvious_groups():
    D = np.array([[0, 1, 9, 9], [1, 0, 9, 9], [9, 9, 0, 1], [9, 9, 1, 0]], dtype=float)
    for method in METHODS:
        labels = cluster_labels(D, method=method, k=2)
        assert labels[0] == labels[1] != labels[2] == labels[3], method
    with pytest.raises(ValueError, match="method"):
        cluster_labels(D, method="ward", k=2)
