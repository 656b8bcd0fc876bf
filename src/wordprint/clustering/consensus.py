"""Bootstrap consensus trees and consensus networks over several clustering "snapshots".

One hierarchical clustering depends on its settings (number of MFW, culling, distance). Eder's
**bootstrap consensus tree** (BCT) clusters the corpus once per setting (typically an MFW range,
:func:`wordprint.features.mfw.mfw_range`) and keeps the groupings that most of those trees agree
on: a majority-rule consensus (Margush & McMorris 1981). stylo builds it with ape's
``consensus(trees, p = consensus.strength)`` (default 0.5); this module does the same:

- A clade (rooted) or split (unrooted) is kept when it occurs in at least a share ``p`` of the
  trees; for ``p = 0.5`` in more than half of them, as ape does (two clades each in exactly half
  of the trees can conflict). Any two clades that each occur in more than half of the trees
  occur together in at least one tree, so they are compatible and form a tree.
- ape's ``consensus`` treats the trees as **unrooted** by default (``rooted = FALSE``): a
  dendrogram's two root halves A | B are one split, and where the root falls does not matter.
  That is the default here too (``rooted=False``); ``rooted=True`` compares rooted clades.
- An unrooted consensus is stored, and written as Newick, rooted at the first document: each
  split is kept as the side without document 0, so the Newick root is a multifurcation that
  holds document 0 (the usual way to write an unrooted tree).
- Support values are the share of trees with the clade; Newick gets them as node labels
  (whole percentages by default).
- Where we differ from ape: the ``>= p`` test allows for rounding (ape drops a clade found in
  exactly 7 of 10 trees at p = 0.7, because 0.7 * 10 is 7.000000000000001 in floating point).

The **consensus network** (Eder 2017; stylo's ``network = TRUE``, ``stylo.network()``) links,
in every snapshot, each document to its nearest neighbour with weight 3, to the first runner-up
with 2 and the second with 1 (``linked.neighbors = 3``, ``edge.weights = "linear"``), and adds
the links up over all snapshots. :func:`network_nodes` and :func:`network_edges` give the CSV
tables that Gephi imports (stylo's ``NODES.csv`` and ``EDGES.csv``). Where we differ from
stylo: an undirected edge is one row per pair; stylo writes both i-j and j-i with the summed
weight, which Gephi's default merge (sum) then doubles.

We implement the consensus here rather than depend on Biopython or DendroPy. Biopython's
``Bio.Phylo.Consensus.majority_consensus`` (1.88) encodes each tree's clades in that tree's own
leaf order (biopython issue #3345, open), so it miscounts clades across dendrograms whose
leaves come in different orders, which is what different MFW settings produce; it also
compares rooted clades only and keeps a clade found in exactly half of the trees. DendroPy
handles unrooted splits but would be a dependency for about forty lines of set arithmetic on
SciPy linkage matrices.

References
----------
Eder, M. (2013). Computational stylistics and biblical translation: how reliable can a
dendrogram be? In T. Piotrowski & Ł. Grabowski (eds.), The Translator and the Computer,
155-170. Wrocław: WSF Press.

Eder, M. (2017). Visualization in stylometry: cluster analysis using networks. Digital
Scholarship in the Humanities 32(1), 50-64.

Margush, T. & McMorris, F. R. (1981). Consensus n-trees. Bulletin of Mathematical Biology
43(2), 239-244.

Paradis, E. & Schliep, K. (2019). ape 5.0: an environment for modern phylogenetics and
evolutionary analyses in R. Bioinformatics 35(3), 526-528.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.cluster import hierarchy


@dataclass(frozen=True)
class Clade:
    """A group of documents (indices into the leaves) and the share of trees that have it."""

    members: frozenset[int]
    support: float


@dataclass(frozen=True)
class ConsensusTree:
    """A majority-rule consensus tree.

    ``clades`` are compatible (any two are nested or disjoint), largest first; the trivial
    clades (single documents, all documents) are implicit. For an unrooted tree each split is
    stored as its side without document 0.
    """

    leaves: tuple[str, ...]
    clades: tuple[Clade, ...]
    rooted: bool
    n_trees: int
    p: float


def _clade_masks(linkage_matrix: np.ndarray, *, rooted: bool) -> set[int]:
    """The non-trivial clades (rooted) or splits (unrooted) of a tree, as leaf bit masks."""
    z = np.asarray(linkage_matrix, dtype=float)
    n = z.shape[0] + 1
    everyone = (1 << n) - 1
    masks = [1 << i for i in range(n)]
    for left, right, *_ in z:
        masks.append(masks[int(left)] | masks[int(right)])
    found = set()
    for mask in masks[n:-1]:  # internal nodes but the root
        if not rooted:
            if mask & 1:  # keep the side without document 0
                mask = everyone ^ mask
            if mask.bit_count() < 2 or mask.bit_count() > n - 2:
                continue  # a split that cuts off one document says nothing
        found.add(mask)
    return found


def _check_linkages(linkages: Sequence[np.ndarray], n: int) -> None:
    if len(linkages) == 0:
        raise ValueError("linkages must hold at least one tree")
    for k, z in enumerate(linkages):
        z = np.asarray(z, dtype=float)
        try:
            hierarchy.is_valid_linkage(z, throw=True, name=f"linkages[{k}]")
        except (TypeError, ValueError) as err:
            raise ValueError(f"linkages[{k}] is not a valid SciPy linkage matrix: {err}") from err
        if z.shape[0] + 1 != n:
            raise ValueError(
                f"linkages[{k}] clusters {z.shape[0] + 1} documents, but leaves names {n}"
            )


def consensus_tree(
    linkages: Sequence[np.ndarray],
    leaves: Sequence[str],
    *,
    p: float = 0.5,
    rooted: bool = False,
) -> ConsensusTree:
    """Majority-rule consensus of several trees over the same documents (Eder's BCT).

    Parameters
    ----------
    linkages : sequence of ndarray of shape (n - 1, 4)
        SciPy linkage matrices (:func:`wordprint.clustering.hierarchy.hierarchical`), one per setting, all
        over the same documents in the same order.
    leaves : sequence of str, length n
        Document names, in the order of the linkage matrices' leaves.
    p : float
        Consensus strength, 0.5 (majority rule, stylo's default) to 1 (strict consensus): a
        clade is kept if at least this share of the trees has it (more than half for 0.5).
    rooted : bool
        Compare rooted clades instead of unrooted splits (ape's ``rooted``; default False).

    Returns
    -------
    ConsensusTree

    References
    ----------
    Eder, M. (2017). Visualization in stylometry: cluster analysis using networks. Digital
    Scholarship in the Humanities 32(1), 50-64.
    Margush, T. & McMorris, F. R. (1981). Consensus n-trees. Bulletin of Mathematical Biology
    43(2), 239-244.

    Examples
    --------
    >>> from scipy.cluster.hierarchy import linkage
    >>> a = linkage([[0.0], [1.0], [10.0], [11.0]], "average")   # ((A,B),(C,D))
    >>> b = linkage([[0.0], [1.0], [10.0], [30.0]], "average")   # (((A,B),C),D)
    >>> tree = consensus_tree([a, a, b], ["A", "B", "C", "D"])
    >>> [(sorted(c.members), c.support) for c in tree.clades]
    [([2, 3], 1.0)]
    >>> newick(tree)
    '(A,B,(C,D)100);'
    """
    n = len(leaves)
    if n < 3:
        raise ValueError(f"a consensus tree needs at least 3 documents, got {n}")
    if not 0.5 <= p <= 1.0:
        raise ValueError(f"p (consensus strength) must be between 0.5 and 1, got {p}")
    _check_linkages(linkages, n)
    counts: Counter[int] = Counter()
    for z in linkages:
        counts.update(_clade_masks(z, rooted=rooted))
    n_trees = len(linkages)
    if p == 0.5:  # ape: more than half, so that no two kept clades conflict
        kept = [m for m, c in counts.items() if 2 * c > n_trees]
    else:
        kept = [m for m, c in counts.items() if c >= p * n_trees - 1e-9]
    kept.sort(key=lambda m: (-m.bit_count(), _members(m)))
    clades = tuple(Clade(frozenset(_members(m)), counts[m] / n_trees) for m in kept)
    return ConsensusTree(tuple(str(x) for x in leaves), clades, rooted, n_trees, float(p))


def _members(mask: int) -> list[int]:
    return [i for i in range(mask.bit_length()) if mask >> i & 1]


def clade_children(
    n_leaves: int, clades: Sequence[frozenset[int]]
) -> tuple[list[list[int]], list[list[int]]]:
    """The tree structure of compatible clades: for the root and each clade, its child clades
    (indices into ``clades``) and the leaves directly under it.

    Returns ``(child_clades, child_leaves)``, each with ``len(clades) + 1`` lists; the last
    entry is the root. Raises ``ValueError`` when two clades overlap without nesting.

    Examples
    --------
    >>> clade_children(4, [frozenset({0, 1, 2}), frozenset({0, 1})])
    ([[1], [], [0]], [[2], [0, 1], [3]])
    """
    sets = [frozenset(c) for c in clades]
    for c in sets:
        if not c or max(c) >= n_leaves or min(c) < 0:
            raise ValueError(f"clade {sorted(c)} names documents outside range({n_leaves})")
    for a in range(len(sets)):
        for b in range(a + 1, len(sets)):
            if sets[a] == sets[b]:
                raise ValueError(f"clade {sorted(sets[a])} is listed twice")
            if sets[a] & sets[b] and not (sets[a] < sets[b] or sets[b] < sets[a]):
                raise ValueError(
                    f"clades {sorted(sets[a])} and {sorted(sets[b])} overlap without nesting"
                )
    order = sorted(range(len(sets)), key=lambda k: (-len(sets[k]), sorted(sets[k])))
    root = len(sets)
    parent: dict[int, int] = {}
    for pos, k in enumerate(order):
        # Earlier clades are larger: the last one that contains k is its parent.
        supersets = [j for j in order[:pos] if sets[k] < sets[j]]
        parent[k] = supersets[-1] if supersets else root
    child_clades: list[list[int]] = [[] for _ in range(root + 1)]
    for k in order:
        child_clades[parent[k]].append(k)
    child_leaves: list[list[int]] = []
    for node in range(root + 1):
        covered = set().union(*(sets[k] for k in child_clades[node]))
        below = sets[node] if node < root else frozenset(range(n_leaves))
        child_leaves.append(sorted(below - covered))
        child_clades[node].sort(key=lambda k: min(sets[k]))
    return child_clades, child_leaves


_PLAIN_LABEL = re.compile(r"[A-Za-z0-9.\-]+")

SupportFormat = Literal["percent", "share", "none"]

_SUPPORT_FORMATS: dict[str, Callable[[float], str]] = {
    "percent": lambda s: str(math.floor(100 * s + 0.5)),
    "share": lambda s: f"{s:.4g}",
    "none": lambda s: "",
}


def _newick_label(name: str) -> str:
    # Newick reads "_" as a space and stops at ( ) [ ] ' : ; , and blanks: quote anything else.
    if _PLAIN_LABEL.fullmatch(name):
        return name
    return "'" + name.replace("'", "''") + "'"


def newick(tree: ConsensusTree, *, support: SupportFormat = "percent") -> str:
    """The consensus tree in Newick format, support values as internal node labels.

    Leaves are the document names (quoted with ``'`` when they hold characters Newick reserves,
    underscores included); there are no branch lengths. ``support`` chooses how the share of
    trees is written: whole percentages (``"percent"``, the bootstrap convention), the share
    itself (``"share"``, 4 significant digits) or nothing.

    References
    ----------
    Felsenstein, J. et al. (1986). The Newick tree format.
    https://phylipweb.github.io/phylip/newicktree.html

    Examples
    --------
    >>> t = ConsensusTree(("a", "b", "c d"), (Clade(frozenset({1, 2}), 2 / 3),), False, 3, 0.5)
    >>> newick(t), newick(t, support="share")
    ("(a,(b,'c d')67);", "(a,(b,'c d')0.6667);")
    """
    if support not in _SUPPORT_FORMATS:
        raise ValueError(f"support must be one of {sorted(_SUPPORT_FORMATS)}, got {support!r}")
    write_support = _SUPPORT_FORMATS[support]
    sets = [c.members for c in tree.clades]
    child_clades, child_leaves = clade_children(len(tree.leaves), sets)

    def node(k: int) -> str:
        parts = [(min(sets[j]), node(j)) for j in child_clades[k]]
        parts += [(i, _newick_label(tree.leaves[i])) for i in child_leaves[k]]
        inner = ",".join(text for _, text in sorted(parts))
        return f"({inner})" + (write_support(tree.clades[k].support) if k < len(sets) else "")

    return node(len(sets)) + ";"


def clade_rows(tree: ConsensusTree) -> tuple[list[str], list[list]]:
    """The consensus clades as a table: number, support share, size and member names.

    Examples
    --------
    >>> t = ConsensusTree(("a", "b", "c"), (Clade(frozenset({1, 2}), 0.75),), False, 4, 0.5)
    >>> clade_rows(t)
    (['clade', 'support', 'size', 'members'], [[1, 0.75, 2, 'b; c']])
    """
    rows = [
        [k + 1, c.support, len(c.members), "; ".join(tree.leaves[i] for i in sorted(c.members))]
        for k, c in enumerate(tree.clades)
    ]
    return ["clade", "support", "size", "members"], rows


# --- consensus network (Eder 2017) -------------------------------------------------------------

EdgeWeights = Literal["linear", "quadratic", "log"]

#: stylo's ``edge.weights``: how the k-th nearest neighbour's rank weight r is transformed.
EDGE_WEIGHTS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "linear": lambda r: r,
    "quadratic": lambda r: r**2,
    "log": lambda r: np.log(r + 1.0),
}


def neighbour_links(
    distances: np.ndarray, *, neighbours: int = 3, weights: EdgeWeights = "linear"
) -> np.ndarray:
    """One snapshot's directed links: row i gives its nearest neighbours their rank weights.

    With ``neighbours = 3`` the nearest other document gets 3, the first runner-up 2, the second
    1 (stylo's ``linked.neighbors``), transformed by ``weights`` (``linear``: as is,
    ``quadratic``: squared, ``log``: log(r + 1)). Ties go to the earlier document.

    References
    ----------
    Eder, M. (2017). Visualization in stylometry: cluster analysis using networks. Digital
    Scholarship in the Humanities 32(1), 50-64.

    Examples
    --------
    >>> D = np.array([[0, 1, 5], [1, 0, 2], [5, 2, 0]], dtype=float)
    >>> neighbour_links(D, neighbours=1).tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
    """
    if weights not in EDGE_WEIGHTS:
        raise ValueError(f"weights must be one of {sorted(EDGE_WEIGHTS)}, got {weights!r}")
    if neighbours < 1:
        raise ValueError(f"neighbours must be at least 1, got {neighbours}")
    d = np.array(distances, dtype=float)
    if d.ndim != 2 or d.shape[0] != d.shape[1]:
        raise ValueError(f"distances must be a square matrix, got shape {d.shape}")
    n = d.shape[0]
    np.fill_diagonal(d, np.inf)  # a document is not its own neighbour
    k = min(neighbours, n - 1)
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    rank_weight = EDGE_WEIGHTS[weights](np.arange(neighbours, neighbours - k, -1, dtype=float))
    links = np.zeros((n, n))
    links[np.arange(n)[:, None], nearest] = rank_weight
    return links


def link_strengths(
    distance_matrices: Sequence[np.ndarray],
    *,
    neighbours: int = 3,
    weights: EdgeWeights = "linear",
) -> np.ndarray:
    """The consensus network's directed link weights: :func:`neighbour_links` summed over the
    snapshots (one distance matrix per MFW setting, say).

    Examples
    --------
    >>> D = np.array([[0, 1, 5], [1, 0, 2], [5, 2, 0]], dtype=float)
    >>> link_strengths([D, D], neighbours=1).tolist()
    [[0.0, 2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 2.0, 0.0]]
    """
    if len(distance_matrices) == 0:
        raise ValueError("distance_matrices must hold at least one matrix")
    shapes = {np.shape(d) for d in distance_matrices}
    if len(shapes) != 1:
        raise ValueError(f"distance_matrices must all have the same shape, got {sorted(shapes)}")
    return sum(
        (neighbour_links(d, neighbours=neighbours, weights=weights) for d in distance_matrices),
        start=np.zeros(shapes.pop()),
    )


def network_nodes(ids: Sequence[str], groups: Sequence[str]) -> tuple[list[str], list[list]]:
    """Gephi's node table, as stylo writes it: Id (from 0), Label, Classes, Group (from 1).

    ``Group`` numbers the sorted group names from 1, as R's ``factor()`` does in stylo.

    Examples
    --------
    >>> network_nodes(["a", "b"], ["y", "x"])
    (['Id', 'Label', 'Classes', 'Group'], [[0, 'a', 'y', 2], [1, 'b', 'x', 1]])
    """
    if len(ids) != len(groups):
        raise ValueError(f"groups has {len(groups)} entries, expected {len(ids)} (one per id)")
    number = {g: k + 1 for k, g in enumerate(sorted(set(groups)))}
    rows = [[i, str(doc), str(g), number[g]] for i, (doc, g) in enumerate(zip(ids, groups))]
    return ["Id", "Label", "Classes", "Group"], rows


def network_edges(
    strengths: np.ndarray, *, directed: bool = False, integer_weights: bool = True
) -> tuple[list[str], list[list]]:
    """Gephi's edge table from :func:`link_strengths`: Source, Target (node Ids), Weight, Type.

    Undirected (stylo's default ``network.type``): one row per pair of documents, the weights
    of both directions added; directed: one row per link. Pairs without a link are left out.
    ``integer_weights`` writes whole numbers (right for ``linear`` and ``quadratic`` weights).

    Examples
    --------
    >>> W = np.array([[0, 3, 0], [3, 0, 0], [0, 3, 0]], dtype=float)
    >>> network_edges(W)[1]
    [[0, 1, 6, 'undirected'], [1, 2, 3, 'undirected']]
    >>> network_edges(W, directed=True)[1][:2]
    [[0, 1, 3, 'directed'], [1, 0, 3, 'directed']]
    """
    W = np.asarray(strengths, dtype=float)
    if W.ndim != 2 or W.shape[0] != W.shape[1]:
        raise ValueError(f"strengths must be a square matrix, got shape {W.shape}")
    if not directed:
        W = np.triu(W + W.T, k=1)
    kind = "directed" if directed else "undirected"
    rows = []
    for i, j in zip(*np.nonzero(W)):
        w = W[i, j]
        rows.append([int(i), int(j), int(round(w)) if integer_weights else float(w), kind])
    return ["Source", "Target", "Weight", "Type"], rows
