"""Trees: the dendrogram of a clustering and the bootstrap consensus tree.

Both are drawn left to right, leaves aligned on the right in their group's colour beside a
group strip, with the same height and font rules.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from scipy.cluster import hierarchy

from wordprint.plot.style import (
    GRID_COLOUR,
    Column,
    check_column,
    check_labels_groups,
    finish,
    group_colours,
    group_legend,
    group_strip,
    interp_font,
    new_figure,
    sorted_groups,
    style_context,
    text_colour,
)

_TREE_COLOUR = "#333333"


def _leaf_strip(strip_ax, leaf_labels, leaf_groups, names, colours, font: float) -> None:
    """The group strip beside a tree's leaves, each leaf labelled in its group's colour."""
    group_strip(strip_ax, leaf_groups, names, vertical=True)
    strip_ax.set_xticks([])
    strip_ax.yaxis.tick_right()
    strip_ax.set_yticks(range(len(leaf_labels)), labels=leaf_labels, fontsize=font)
    strip_ax.tick_params(axis="y", pad=2)
    for tick, g in zip(strip_ax.get_yticklabels(), leaf_groups):
        tick.set_color(text_colour(colours[g]))


# ---------------------------------------------------------------------------------------------
# Dendrogram
# ---------------------------------------------------------------------------------------------


def merge_height_label(measure: str, linkage: str) -> str:
    """What a dendrogram's height axis shows: a distance for single, complete and average
    linkage, Ward's criterion (the growth of the within-cluster sum of squares, Ward 1963) for
    ``ward.D`` and ``ward.D2``, which is not a distance between the documents.

    Examples
    --------
    >>> merge_height_label("Cosine Delta", "ward.D")
    'Ward merge height (Cosine Delta, ward.D)'
    >>> merge_height_label("Cosine Delta", "average")
    'Cosine Delta (average linkage)'
    """
    if linkage.startswith("ward"):
        return f"Ward merge height ({measure}, {linkage})"
    return f"{measure} ({linkage} linkage)"


def dendrogram_figure(
    linkage_matrix: np.ndarray,
    labels: Sequence[str],
    groups: Sequence[str],
    *,
    title: str,
    distance_label: str,
    column: Column = "double",
) -> Figure:
    """Horizontal dendrogram with leaf labels and a colour bar by group.

    The root is on the left and the leaves on the right, read top to bottom in the
    clustering's leaf order; beside the leaves a strip shows each document's group colour,
    and the leaf labels (every leaf is labelled) are drawn in the group colour. The figure
    height grows with the number of leaves and the label font shrinks from 7 pt (up to 30
    leaves) to 5 pt (200 leaves and more), so labels never overlap: 250 leaves give a figure
    about 26 in tall, meant to be zoomed in a PDF or split across pages.

    Parameters
    ----------
    linkage_matrix : ndarray of shape (n - 1, 4)
        A SciPy linkage matrix (:func:`scipy.cluster.hierarchy.linkage`).
    labels, groups : sequence of str, length n
        Leaf label and group of each document, in the linkage matrix's original order.
    title : str
        Figure title; ``""`` for none (captions usually carry it in a paper).
    distance_label : str
        The x-axis label, naming the distance and linkage, e.g.
        ``"Cosine Delta (Ward.D linkage)"``.
    column : {"double", "single"}
        Page width: 7 in (two columns) or 3.5 in (one column).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from scipy.cluster.hierarchy import linkage
    >>> Z = linkage([[0.0], [1.0], [5.0]], method="average")
    >>> fig = dendrogram_figure(Z, ["a", "b", "c"], ["x", "x", "y"],
    ...                         title="", distance_label="Euclidean (average linkage)")
    >>> [t.get_text() for t in fig.axes[1].get_yticklabels()]
    ['c', 'a', 'b']

    References
    ----------
    Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for
    computational text analysis. *The R Journal* 8(1), 107-121 (horizontal dendrograms with
    group-coloured labels).
    """
    width = check_column(column)
    z = np.asarray(linkage_matrix, dtype=float)
    try:
        hierarchy.is_valid_linkage(z, throw=True, name="linkage_matrix")
    except (TypeError, ValueError) as err:
        raise ValueError(f"linkage_matrix is not a valid SciPy linkage matrix: {err}") from err
    n = z.shape[0] + 1
    check_labels_groups(labels, groups, n)

    info = hierarchy.dendrogram(z, no_plot=True)
    leaves = [int(i) for i in info["leaves"]]
    leaf_labels = [str(labels[i]) for i in leaves]
    leaf_groups = [str(groups[i]) for i in leaves]
    names = sorted_groups(groups)
    colours = group_colours(names)

    font = interp_font(n, few=30, many=200, big=7.0, small=5.0)
    pitch = font * 1.5 / 72  # inches per leaf
    height = max(2.6, n * pitch + 1.3)
    with style_context():
        fig = new_figure(width, height)
        strip_in = 0.09
        label_in = 0.15 + max(len(x) for x in leaf_labels) * font * 0.6 / 72
        gs = fig.add_gridspec(1, 2, width_ratios=[max(width - label_in - 0.4, 1.0), strip_in])
        tree_ax = fig.add_subplot(gs[0, 0])
        strip_ax = fig.add_subplot(gs[0, 1])

        # SciPy puts leaf k at 5 + 10 k; map to k so the tree and strip share coordinates.
        segments = [
            np.column_stack([d, (np.asarray(i) - 5.0) / 10.0])
            for i, d in zip(info["icoord"], info["dcoord"])
        ]
        tree_ax.add_collection(
            LineCollection(segments, colors=_TREE_COLOUR, linewidths=0.7, capstyle="butt")
        )
        top = float(np.max(z[:, 2])) if n > 1 else 1.0
        tree_ax.set_xlim(top * 1.04 if top > 0 else 1.0, 0.0)  # root left, leaves right
        for ax in (tree_ax, strip_ax):
            ax.set_ylim(n - 0.5, -0.5)  # first leaf at the top, as in the heatmap
        tree_ax.spines[["left", "top", "right"]].set_visible(False)
        tree_ax.tick_params(left=False, labelleft=False)
        tree_ax.set_xlabel(distance_label)
        tree_ax.xaxis.grid(True, color=GRID_COLOUR, linewidth=0.4)
        if height > 9:  # a tall tree gets its distance scale at the top as well
            tree_ax.tick_params(axis="x", top=True, labeltop=True)
            tree_ax.spines["top"].set_visible(True)
        tree_ax.set_axisbelow(True)

        _leaf_strip(strip_ax, leaf_labels, leaf_groups, names, colours, font)

        group_legend(fig, names, strip=True, title=title)
        return finish(fig)


# ---------------------------------------------------------------------------------------------
# Consensus tree
# ---------------------------------------------------------------------------------------------


def _display_clades(
    n: int, clades: list[frozenset[int]], support: list[float], rooted: bool
) -> tuple[list[frozenset[int]], list[float | None], float | None]:
    """Clades to draw as a rooted tree, their support labels and the root's label.

    An unrooted tree is drawn from its most balanced split (the one whose smaller side is
    largest; ties by support, then by the order given): its two sides become the root's
    children and its support is written at the root; every other split is drawn as the side
    that lies within one of the two halves.
    """
    if rooted or not clades:
        return clades, list(support), None
    best = max(range(len(clades)), key=lambda k: (min(len(clades[k]), n - len(clades[k])),
                                                  support[k], -k))
    half = clades[best]
    other = frozenset(range(n)) - half
    shown: list[frozenset[int]] = []
    values: list[float | None] = []
    for k, c in enumerate(clades):
        if k == best:
            continue
        side = c if (c <= half or c <= other) else frozenset(range(n)) - c
        shown.append(side)
        values.append(support[k])
    for side in (half, other):
        if len(side) > 1:
            shown.append(side)
            values.append(None)
    return shown, values, support[best]


def consensus_tree_figure(
    clades: Sequence[Sequence[int]],
    support: Sequence[float],
    labels: Sequence[str],
    groups: Sequence[str],
    *,
    rooted: bool = False,
    title: str = "",
    note: str = "",
    column: Column = "double",
) -> Figure:
    """Cladogram of a bootstrap consensus tree with support values, leaves coloured by group.

    The tree is drawn left to right with the leaves aligned on the right, as the dendrograms
    (:func:`dendrogram_figure`): every leaf labelled in its group's colour beside a group
    strip, the same height and font rules. Branch lengths carry no meaning (a cladogram);
    each group of documents is labelled with the percentage of trees that have it. Groups
    that no majority of trees agrees on are drawn as multifurcations. An unrooted consensus
    (stylo's default) is drawn from its most balanced split, whose support is written at the
    root; any other root would do as well.

    Parameters
    ----------
    clades : sequence of sequences of int
        The consensus clades as document indices (compatible: nested or disjoint), e.g.
        ``[sorted(c.members) for c in tree.clades]`` of :func:`wordprint.clustering.consensus.consensus_tree`.
    support : sequence of float
        Share of trees (0-1) with each clade.
    labels, groups : sequence of str, length n
        Leaf label and group of each document.
    rooted : bool
        Whether the clades are rooted clades (True) or unrooted splits (False).
    title : str
        Figure title; ``""`` for none.
    note : str
        A line below the tree naming the settings, e.g.
        ``"Cosine Delta, 100-1000 MFW, consensus strength 0.5"``.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = consensus_tree_figure([[2, 3], [0, 1, 2, 3]], [0.67, 1.0], list("abcde"),
    ...                             ["x", "x", "y", "y", "z"], rooted=True)
    >>> [t.get_text() for t in fig.axes[1].get_yticklabels()]
    ['e', 'a', 'b', 'c', 'd']

    References
    ----------
    Eder, M. (2017). Visualization in stylometry: cluster analysis using networks. *Digital
    Scholarship in the Humanities* 32(1), 50-64.
    Margush, T. & McMorris, F. R. (1981). Consensus n-trees. *Bulletin of Mathematical
    Biology* 43(2), 239-244.
    """
    from wordprint.clustering.consensus import clade_children  # the tree structure of nested clades

    width = check_column(column)
    n = len(labels)
    check_labels_groups(labels, groups, n)
    if len(support) != len(clades):
        raise ValueError(f"support has {len(support)} entries, expected {len(clades)}")
    sets = [frozenset(int(i) for i in c) for c in clades]
    shown, values, root_value = _display_clades(n, sets, [float(s) for s in support], rooted)
    kids, direct = clade_children(n, shown)  # raises ValueError on conflicting clades
    root = len(shown)
    size = [len(c) for c in shown] + [n]

    # Depth-first leaf order, smaller subtrees first (a ladderised tree), leaves then clades.
    order: list[int] = []
    y: dict[int, float] = {}  # internal nodes by index, leaves as -(leaf + 1)
    height: dict[int, int] = {}

    def visit(node: int) -> None:
        items = [(1, min([i]), -(i + 1)) for i in direct[node]]
        items += [(size[k], min(shown[k]), k) for k in kids[node]]
        child_y, child_h = [], []
        for _, _, item in sorted(items):
            if item < 0:
                y[item] = float(len(order))
                order.append(-item - 1)
                height[item] = 0
            else:
                visit(item)
            child_y.append(y[item])
            child_h.append(height[item])
        y[node] = (min(child_y) + max(child_y)) / 2
        height[node] = 1 + max(child_h)

    visit(root)
    top = height[root]
    segments = []
    for node in range(root + 1):
        x = top - height[node]
        children = [-(i + 1) for i in direct[node]] + list(kids[node])
        ys = [y[c] for c in children]
        segments.append([(x, min(ys)), (x, max(ys))])
        segments += [[(x, y[c]), (top - height[c], y[c])] for c in children]
    segments.append([(-0.25, y[root]), (0.0, y[root])])  # a stub for the root

    leaf_labels = [str(labels[i]) for i in order]
    leaf_groups = [str(groups[i]) for i in order]
    names = sorted_groups(groups)
    colours = group_colours(names)
    font = interp_font(n, few=30, many=200, big=7.0, small=5.0)
    pitch = font * 1.5 / 72
    fig_height = max(2.6, n * pitch + 1.5)
    with style_context():
        fig = new_figure(width, fig_height)
        label_in = 0.15 + max(len(s) for s in leaf_labels) * font * 0.6 / 72
        gs = fig.add_gridspec(1, 2, width_ratios=[max(width - label_in - 0.4, 1.0), 0.09])
        tree_ax, strip_ax = fig.add_subplot(gs[0, 0]), fig.add_subplot(gs[0, 1])
        tree_ax.add_collection(
            LineCollection(segments, colors=_TREE_COLOUR, linewidths=0.7, capstyle="projecting")
        )
        tree_ax.set_xlim(-0.3, top + 0.05)
        for ax in (tree_ax, strip_ax):
            ax.set_ylim(n - 0.5, -0.5)
        support_font = min(font, 6.0)
        px = {"textcoords": "offset points", "fontsize": support_font, "color": "#555555"}
        for k in range(root):
            if values[k] is not None:
                tree_ax.annotate(f"{math.floor(100 * values[k] + 0.5)}",
                                 xy=(top - height[k], y[k]), xytext=(-1.5, 1.0),
                                 ha="right", va="bottom", **px)
        if root_value is not None:
            tree_ax.annotate(f"{math.floor(100 * root_value + 0.5)}", xy=(0.0, y[root]),
                             xytext=(1.5, 1.0), ha="left", va="bottom", **px)
        tree_ax.spines[["left", "top", "right", "bottom"]].set_visible(False)
        tree_ax.tick_params(left=False, labelleft=False, bottom=False, labelbottom=False)
        explain = "Numbers: % of trees that have the group"
        if not rooted:
            explain += " (unrooted tree, drawn from its most balanced split)"
        tree_ax.set_xlabel(f"{note}\n{explain}" if note else explain)

        _leaf_strip(strip_ax, leaf_labels, leaf_groups, names, colours, font)
        group_legend(fig, names, strip=True, title=title)
        return finish(fig)


def dendrogram(
    tree,
    *,
    groups=None,
    labels=None,
    title: str = "",
    column: Column = "double",
) -> Figure:
    """The dendrogram of a notebook's tree (:class:`wordprint.api.Tree`).

    ``groups`` and ``labels`` colour and name the leaves: a mapping or pandas Series by
    document id (e.g. ``corpus.authors``) or a sequence in the tree's order; by default every
    leaf is named by its id and all share one group. The height axis says what the merges
    measure (:func:`merge_height_label`). See :func:`dendrogram_figure`.

    Examples
    --------
    >>> import wordprint
    >>> corpus = wordprint.from_texts({"a": "the cat the hat", "b": "a dog the", "c": "the dog"})
    >>> tree = wordprint.cluster(wordprint.delta(corpus.mfw(4), "burrows"))
    >>> dendrogram(tree, groups=corpus.authors).axes[0].get_xlabel()
    'Ward merge height (Classic Delta, ward.D)'
    """

    def by_id(values, default):
        if values is None:
            return [default(i) for i in tree.ids]
        if hasattr(values, "keys") or hasattr(values, "index") and not isinstance(values, list):
            return [str(values[i]) for i in tree.ids]
        return [str(v) for v in values]

    return dendrogram_figure(
        tree.linkage,
        by_id(labels, str),
        by_id(groups, lambda _: "documents"),
        title=title,
        distance_label=merge_height_label(tree.measure, tree.method),
        column=column,
    )
