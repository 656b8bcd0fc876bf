"""Hierarchical clustering (wordprint.clustering.hierarchy): R's linkages, the flat clusters."""

import itertools

import numpy as np
import pytest
from scipy.spatial.distance import pdist, squareform

from wordprint.clustering.hierarchy import cluster_analysis, hierarchical, merge_rows


def ward_d_reference(D):
    """R's hclust(method = "ward.D"), written out naively: Lance-Williams on unsquared d."""
    D = D.astype(float).copy()
    active = {i: 1 for i in range(len(D))}
    index = {i: i for i in range(len(D))}  # cluster label -> row of D
    heights, next_label = [], len(D)
    while len(active) > 1:
        a, b = min(itertools.combinations(active, 2), key=lambda p: D[index[p[0]], index[p[1]]])
        ia, ib, na, nb = index[a], index[b], active[a], active[b]
        heights.append(D[ia, ib])
        for c in active:
            if c in (a, b):
                continue
            ic, nc = index[c], active[c]
            d = ((na + nc) * D[ia, ic] + (nb + nc) * D[ib, ic] - nc * D[ia, ib]) / (na + nb + nc)
            D[ia, ic] = D[ic, ia] = d
        del active[a], active[b]
        active[next_label], index[next_label] = na + nb, ia
        next_label += 1
    return np.array(heights)


def test_ward_d_matches_the_lance_williams_definition():
    rng = np.random.default_rng(1)
    D = squareform(pdist(rng.random((9, 4)), "cityblock"))
    np.testing.assert_allclose(hierarchical(D, method="ward.D")[:, 2], ward_d_reference(D))


def test_ward_d2_is_scipy_ward():
    rng = np.random.default_rng(2)
    X = rng.random((7, 3))
    from scipy.cluster.hierarchy import linkage

    np.testing.assert_allclose(hierarchical(squareform(pdist(X)), method="ward.D2"), linkage(X, "ward"))


def test_unknown_linkage():
    with pytest.raises(ValueError, match="unknown linkage 'median'"):
        hierarchical(np.zeros((2, 2)), method="median")


def test_cluster_analysis_two_obvious_groups():
    X = np.array([[0, 0], [0, 0.1], [5, 5], [5, 5.1]])
    result = cluster_analysis(squareform(pdist(X)), method="average", k=2)
    assert result["clusters"][0] == result["clusters"][1] != result["clusters"][2]
    assert sorted(result["leaf_position"]) == [0, 1, 2, 3]
    header, rows = merge_rows(["a", "b", "c", "d"], result["linkage"])
    assert rows[-1][0] == "merge_3" and {rows[0][1], rows[0][2]} in ({"a", "b"}, {"c", "d"})
