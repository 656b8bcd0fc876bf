"""How well clusters and neighbours match the labels (wordprint.clustering.scores)."""

import numpy as np
import pytest

from wordprint.clustering.scores import cluster_scores, nearest_neighbour_accuracy, purity


def test_scores():
    labels = ["x", "x", "y", "y"]
    assert cluster_scores(labels, [1, 1, 2, 2]) == pytest.approx(
        {"ari": 1, "homogeneity": 1, "completeness": 1, "v_measure": 1, "purity": 1}
    )
    # one cluster: majority label covers 2 of 4
    assert purity(labels, [1, 1, 1, 1]) == 0.5
    assert cluster_scores(labels, [1, 1, 1, 1])["ari"] == 0
    D = np.array([[0, 1, 5, 5], [1, 0, 5, 5], [5, 5, 0, 9], [5, 5, 9, 0]], dtype=float)
    # c's and d's nearest neighbours are a (label x): 2 of 4 right
    assert nearest_neighbour_accuracy(D, labels) == 0.5


def test_nearest_neighbour_skips_samples_of_the_same_document():
    # a1 and a2 are segments of one text; without them, a1's nearest is b (other label)
    D = np.array([[0, 1, 2, 9], [1, 0, 9, 2], [2, 9, 0, 9], [9, 2, 9, 0]], dtype=float)
    labels = ["A", "A", "B", "C"]
    assert nearest_neighbour_accuracy(D, labels) == 0.5
    assert nearest_neighbour_accuracy(D, labels, documents=["a", "a", "b", "c"]) == 0.0
