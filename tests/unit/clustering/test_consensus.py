"""Tests for wordprint.clustering.consensus: bootstrap consensus trees, Newick, consensus networks."""

from __future__ import annotations

import re

import numpy as np
import pytest
from scipy.cluster.hierarchy import linkage

from wordprint.clustering.consensus import (
    Clade,
    ConsensusTree,
    clade_children,
    clade_rows,
    consensus_tree,
    link_strengths,
    neighbour_links,
    network_edges,
    network_nodes,
    newick,
)

LEAVES = ["A", "B", "C", "D", "E"]
# SciPy linkage rows: (left, right, height, size); row r creates node 5 + r.
# T1 = (((A,B),C),(D,E)): 5 = AB, 6 = DE, 7 = ABC, root = 7 + 6.
T1 = np.array([[0, 1, 1, 2], [3, 4, 1, 2], [5, 2, 2, 3], [7, 6, 3, 5]], dtype=float)
# T3 = (((A,C),B),(D,E)): 5 = AC, 6 = DE, 7 = ACB.
T3 = np.array([[0, 2, 1, 2], [3, 4, 1, 2], [5, 1, 2, 3], [7, 6, 3, 5]], dtype=float)


def clades_of(tree: ConsensusTree) -> dict[str, float]:
    return {"".join(tree.leaves[i] for i in sorted(c.members)): c.support for c in tree.clades}


def test_three_trees_two_agree_unrooted():
    # Splits (stored as the side without A): T1 has AB|CDE -> CDE and ABC|DE -> DE; T3 has
    # AC|BDE -> BDE and DE. Over T1, T1, T3: CDE 2/3, DE 3/3, BDE 1/3 (dropped).
    tree = consensus_tree([T1, T1, T3], LEAVES)
    assert clades_of(tree) == {"CDE": pytest.approx(2 / 3), "DE": 1.0}
    assert tree.n_trees == 3 and not tree.rooted and tree.p == 0.5
    assert newick(tree) == "(A,B,(C,(D,E)100)67);"


def test_three_trees_two_agree_rooted():
    # Rooted clades: T1 has AB, ABC, DE; T3 has AC, ABC, DE. AB 2/3, ABC 3/3, DE 3/3.
    tree = consensus_tree([T1, T1, T3], LEAVES, rooted=True)
    assert clades_of(tree) == {"ABC": 1.0, "AB": pytest.approx(2 / 3), "DE": 1.0}
    assert newick(tree) == "(((A,B)67,C)100,(D,E)100);"


def test_strict_consensus_keeps_only_clades_in_every_tree():
    tree = consensus_tree([T1, T1, T3], LEAVES, p=1.0)
    assert clades_of(tree) == {"DE": 1.0}
    assert newick(tree, support="none") == "(A,B,C,(D,E));"


def test_half_of_the_trees_is_not_a_majority():
    # Two trees: CDE is in one of two. ape sets p = 0.5 to 0.5000001 so it is dropped.
    tree = consensus_tree([T1, T3], LEAVES, p=0.5)
    assert clades_of(tree) == {"DE": 1.0}


def test_share_threshold_allows_for_rounding():
    # CDE in 7 of 10 trees at p = 0.7 (0.7 * 10 = 7.000000000000001 in floating point).
    tree = consensus_tree([T1] * 7 + [T3] * 3, LEAVES, p=0.7)
    assert clades_of(tree)["CDE"] == pytest.approx(0.7)
    tree = consensus_tree([T1] * 6 + [T3] * 4, LEAVES, p=0.7)
    assert "CDE" not in clades_of(tree)


def test_where_the_root_falls_does_not_matter_unrooted():
    # ((A,B),(C,(D,E))) and (((A,B),C),(D,E)) are the same unrooted tree.
    other = np.array([[0, 1, 1, 2], [3, 4, 1, 2], [2, 6, 2, 3], [5, 7, 3, 5]], dtype=float)
    assert clades_of(consensus_tree([T1, other], LEAVES)) == {"CDE": 1.0, "DE": 1.0}
    # Rooted, they disagree about ABC versus CDE.
    assert clades_of(consensus_tree([T1, other], LEAVES, rooted=True)) == {"AB": 1.0, "DE": 1.0}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_consensus_of_identical_trees_is_the_tree(seed):
    rng = np.random.default_rng(seed)
    n = 12
    z = linkage(rng.normal(size=(n, 4)), "average")
    names = [f"d{i}" for i in range(n)]
    rooted = consensus_tree([z, z, z], names, rooted=True)
    # A rooted binary tree on n leaves has n - 2 clades besides the root and the leaves.
    assert len(rooted.clades) == n - 2
    assert all(c.support == 1.0 for c in rooted.clades)
    members = [frozenset(np.flatnonzero(_leaf_mask(z, k))) for k in range(n - 2)]
    assert {c.members for c in rooted.clades} == set(members)
    # Unrooted: n - 3 splits (the root's two edges are one).
    assert len(consensus_tree([z], names).clades) == n - 3


def _leaf_mask(z: np.ndarray, row: int) -> np.ndarray:
    n = len(z) + 1
    masks = [np.eye(n, dtype=bool)[i] for i in range(n)]
    for left, right, *_ in z:
        masks.append(masks[int(left)] | masks[int(right)])
    return masks[n + row]


def test_clade_rows():
    tree = consensus_tree([T1, T1, T3], LEAVES)
    header, rows = clade_rows(tree)
    assert header == ["clade", "support", "size", "members"]
    assert rows == [[1, pytest.approx(2 / 3), 3, "C; D; E"], [2, 1.0, 2, "D; E"]]


def test_clade_children_structure_and_conflicts():
    kids, leaves = clade_children(5, [frozenset({2, 3, 4}), frozenset({3, 4})])
    assert kids == [[1], [], [0]]  # clade 0 holds clade 1; the root (last) holds clade 0
    assert leaves == [[2], [3, 4], [0, 1]]
    with pytest.raises(ValueError, match="overlap"):
        clade_children(4, [frozenset({0, 1}), frozenset({1, 2})])
    with pytest.raises(ValueError, match="outside"):
        clade_children(3, [frozenset({2, 5})])


@pytest.mark.parametrize(
    "kwargs, match",
    [({"p": 0.4}, "p"), ({"p": 1.1}, "p")],
)
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        consensus_tree([T1], LEAVES, **kwargs)


def test_linkages_must_match_the_leaves():
    with pytest.raises(ValueError, match="leaves"):
        consensus_tree([T1], LEAVES[:4])
    with pytest.raises(ValueError, match="linkages"):
        consensus_tree([], LEAVES)
    with pytest.raises(ValueError, match=r"linkages\[1\]"):
        consensus_tree([T1, T1[:, :3]], LEAVES)


# --- Newick ------------------------------------------------------------------------------------

_TOKEN = re.compile(r"'(?:[^']|'')*'|[(),;]|[^(),;']+")


def parse_newick(text: str) -> tuple[list[str], dict[frozenset[str], str]]:
    """A minimal Newick reader (quoted labels, internal labels, no branch lengths): the leaf
    names in order and, for every internal node but the root, its leaf set and label."""
    assert text.endswith(";")
    tokens = _TOKEN.findall(text)
    assert "".join(tokens) == text, "the tokens cover the whole string"
    pos = 0
    leaves: list[str] = []
    internal: dict[frozenset[str], str] = {}

    def label() -> str:
        nonlocal pos
        tok = tokens[pos] if pos < len(tokens) else ""
        if tok in ("(", ")", ",", ";", ""):
            return ""
        pos += 1
        return tok[1:-1].replace("''", "'") if tok.startswith("'") else tok.replace("_", " ")

    def node() -> frozenset[str]:
        nonlocal pos
        if tokens[pos] == "(":
            pos += 1
            members = node()
            while tokens[pos] == ",":
                pos += 1
                members |= node()
            assert tokens[pos] == ")"
            pos += 1
            internal[members] = label()
            return members
        name = label()
        leaves.append(name)
        return frozenset([name])

    root = node()
    assert tokens[pos] == ";" and pos == len(tokens) - 1
    internal.pop(root)
    return leaves, internal


def test_newick_round_trip_keeps_clades_and_supports():
    rng = np.random.default_rng(4)
    x = rng.normal(size=(9, 5))
    names = ["Trotsky 1937", "Lenin's State", "Marx_Capital", "a(b)", "c,d", "e:f", "g;h",
             "plain-id.1", "[x]"]
    trees = [linkage(x[:, : k + 2], "average") for k in range(4)]
    tree = consensus_tree(trees, names)
    leaves, internal = parse_newick(newick(tree))
    assert sorted(leaves) == sorted(names)
    expected = {
        frozenset(names[i] for i in c.members): str(round(100 * c.support)) for c in tree.clades
    }
    assert internal == expected


def test_newick_quotes_what_it_must():
    tree = ConsensusTree(("it's", "a b", "c_d", "ok-1.2"), (), False, 1, 0.5)
    assert newick(tree) == "('it''s','a b','c_d',ok-1.2);"


def test_newick_support_formats():
    tree = ConsensusTree(("a", "b", "c", "d"), (Clade(frozenset({2, 3}), 0.625),), False, 8, 0.5)
    assert newick(tree) == "(a,b,(c,d)63);"  # 62.5 % rounds half up
    assert newick(tree, support="share") == "(a,b,(c,d)0.625);"
    assert newick(tree, support="none") == "(a,b,(c,d));"
    with pytest.raises(ValueError, match="support"):
        newick(tree, support="bootstrap")


# --- consensus network ---------------------------------------------------------------------------

# Four documents on a line at 0, 1, 3 and 7.
LINE = np.abs(np.subtract.outer([0.0, 1.0, 3.0, 7.0], [0.0, 1.0, 3.0, 7.0]))


def test_neighbour_links_by_hand():
    # Row 0: nearest 1 (d=1) gets 3, then 2 (d=3) 2, then 3 (d=7) 1.
    # Row 1: 0 (1) 3, 2 (2) 2, 3 (6) 1. Row 2: 1 (2) 3, 0 (3) 2, 3 (4) 1.
    # Row 3: 2 (4) 3, 1 (6) 2, 0 (7) 1.
    expected = [[0, 3, 2, 1], [3, 0, 2, 1], [2, 3, 0, 1], [1, 2, 3, 0]]
    np.testing.assert_array_equal(neighbour_links(LINE), expected)
    np.testing.assert_array_equal(neighbour_links(LINE, neighbours=1),
                                  [[0, 1, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]])
    np.testing.assert_allclose(neighbour_links(LINE, weights="quadratic")[0], [0, 9, 4, 1])
    np.testing.assert_allclose(neighbour_links(LINE, weights="log")[0],
                               [0, np.log(4), np.log(3), np.log(2)])


def test_a_document_is_never_its_own_neighbour():
    twins = np.zeros((3, 3))  # all distances 0: ties go to the earlier document
    links = neighbour_links(twins, neighbours=1)
    assert np.all(np.diag(links) == 0)
    np.testing.assert_array_equal(links.argmax(axis=1), [1, 0, 0])


def test_link_strengths_add_up_and_edges_are_undirected_sums():
    W = link_strengths([LINE, LINE])
    np.testing.assert_array_equal(W, 2 * neighbour_links(LINE))
    header, rows = network_edges(neighbour_links(LINE))
    assert header == ["Source", "Target", "Weight", "Type"]
    # Undirected: (0,1) 3+3, (0,2) 2+2, (0,3) 1+1, (1,2) 2+3, (1,3) 1+2, (2,3) 1+3.
    assert rows == [
        [0, 1, 6, "undirected"], [0, 2, 4, "undirected"], [0, 3, 2, "undirected"],
        [1, 2, 5, "undirected"], [1, 3, 3, "undirected"], [2, 3, 4, "undirected"],
    ]
    directed = network_edges(neighbour_links(LINE, neighbours=1), directed=True)[1]
    assert directed == [[0, 1, 1, "directed"], [1, 0, 1, "directed"], [2, 1, 1, "directed"],
                        [3, 2, 1, "directed"]]


def test_network_nodes_number_groups_as_r_factors():
    header, rows = network_nodes(["d1", "d2", "d3"], ["Marx", "Engels", "Marx"])
    assert header == ["Id", "Label", "Classes", "Group"]
    assert rows == [[0, "d1", "Marx", 2], [1, "d2", "Engels", 1], [2, "d3", "Marx", 2]]


def test_network_of_separated_groups_links_within_groups():
    rng = np.random.default_rng(0)
    x = np.vstack([rng.normal(0, 0.1, (4, 3)), rng.normal(5, 0.1, (4, 3))])
    D = np.abs(x[:, None, :] - x[None, :, :]).sum(axis=2)
    W = link_strengths([D, D * 2, D ** 0.5])
    assert W[:4, 4:].sum() == 0 and W[4:, :4].sum() == 0


def test_network_arguments_are_checked():
    with pytest.raises(ValueError, match="weights"):
        neighbour_links(LINE, weights="cubic")
    with pytest.raises(ValueError, match="neighbours"):
        neighbour_links(LINE, neighbours=0)
    with pytest.raises(ValueError, match="square"):
        neighbour_links(LINE[:3])
    with pytest.raises(ValueError, match="same shape"):
        link_strengths([LINE, LINE[:3, :3]])
