"""Maps of the documents: the MDS map (groups inside their convex hulls) and the PCA biplot."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from scipy.spatial import ConvexHull, QhullError

from wordprint.plot.labels import LABEL_BOX, label_points, place_and_annotate
from wordprint.plot.style import (
    FONT_SMALL,
    GRID_COLOUR,
    Column,
    check_column,
    check_labels_groups,
    finish,
    group_colours,
    group_legend,
    group_markers,
    new_figure,
    sorted_groups,
    style_context,
    text_colour,
)

_LOADING_COLOUR = "#555555"  # the bars of the word loadings


# ---------------------------------------------------------------------------------------------
# MDS map
# ---------------------------------------------------------------------------------------------


def mds_figure(
    coords: np.ndarray,
    labels: Sequence[str],
    groups: Sequence[str],
    *,
    title: str,
    axis_labels: tuple[str, str],
    column: Column = "double",
    max_labels: int = 40,
    hulls: bool = True,
) -> Figure:
    """A 2-D map (MDS or PCA scores): points coloured and shaped by group, each group of three
    or more documents inside its convex hull (lightly filled, outlined in the group's colour)
    when the groups separate (:func:`groups_separate`); overlapping hulls would hide the
    points, so then there are none.

    Up to ``max_labels`` documents (default 40) every point carries its label, placed by a
    small deterministic algorithm (candidate positions around each point, greedy placement
    then local improvement) that keeps labels off each other, off other markers and inside
    the axes; a thin grey leader line joins a label that had to move away from its point.
    Above ``max_labels``, labels would bury the points, so the map shows groups only (colour
    and shape) and no numbered key either (a key of hundreds of entries cannot be read): the
    coordinates of every document belong in the data table saved beside the figure. The
    axes have equal scale, as distances on an MDS map are compared in every direction.

    Parameters
    ----------
    coords : ndarray of shape (n, 2)
        Document coordinates.
    labels, groups : sequence of str, length n
        Point label and group of each document.
    title : str
        Figure title; ``""`` for none.
    axis_labels : tuple of str
        x and y axis labels, e.g. ``("MDS dimension 1", "MDS dimension 2")`` or
        ``("PC1 (23.1 %)", "PC2 (11.0 %)")``.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.
    max_labels : int
        Largest number of documents that get per-point labels.
    hulls : bool
        Draw the convex hull of each group with at least three documents not on one line, if
        no two hulls overlap.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = mds_figure([[0, 0], [1, 0], [0, 1]], ["a", "b", "c"], ["x", "y", "y"],
    ...                  title="", axis_labels=("Dimension 1", "Dimension 2"))
    >>> len(fig.legends[0].get_texts())
    2

    References
    ----------
    Kruskal, J. B. (1964). Multidimensional scaling by optimizing goodness of fit to a
    nonmetric hypothesis. *Psychometrika* 29(1), 1-27.
    Christensen, J., Marks, J. & Shieber, S. (1995). An empirical study of algorithms for
    point-feature label placement. *ACM Transactions on Graphics* 14(3), 203-232.
    """
    width = check_column(column)
    xy = np.asarray(coords, dtype=float)
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise ValueError(f"coords must have shape (n, 2), got {xy.shape}")
    if not np.all(np.isfinite(xy)):
        raise ValueError("coords must be finite (no NaN or inf)")
    n = xy.shape[0]
    check_labels_groups(labels, groups, n)
    if len(axis_labels) != 2:
        raise ValueError(f"axis_labels must be two strings (x, y), got {axis_labels!r}")
    if max_labels < 0:
        raise ValueError(f"max_labels must be >= 0, got {max_labels}")

    names = sorted_groups(groups)
    colours, markers = group_colours(names), group_markers(names)
    labelled = n <= max_labels
    size = 30.0 if labelled else 16.0
    groups_arr = np.array([str(g) for g in groups], dtype=object)
    hulls = hulls and groups_separate(xy, groups)
    with style_context():
        fig = new_figure(width, width * (0.85 if column == "double" else 1.05))
        ax = fig.add_subplot()
        edges = []
        for g in names:
            sel = groups_arr == g
            if hulls:
                edges.extend(_hull(ax, xy[sel], colours[g]))
            ax.scatter(
                xy[sel, 0],
                xy[sel, 1],
                s=size,
                marker=markers[g],
                c=colours[g],
                edgecolors="white",
                linewidths=0.4,
                alpha=0.95 if labelled else 0.85,
                label=g,
                zorder=3,
            )
        ax.set_xlabel(axis_labels[0])
        ax.set_ylabel(axis_labels[1])
        ax.grid(True, color=GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        ax.margins(0.12 if labelled else 0.05)  # room for labels at the edges
        ax.set_aspect("equal", adjustable="datalim")
        group_legend(fig, names, strip=False, title=title)
        if labelled and n > 0:
            label_points(
                fig,
                ax,
                xy,
                [str(s) for s in labels],
                [colours[str(g)] for g in groups],
                lines=np.array(edges).reshape(-1, 4),
            )
        return finish(fig)


def _hull_corners(xy: np.ndarray) -> np.ndarray | None:
    """The corners of the convex hull of ``xy``, in order; None without an area (fewer than
    three points, or all on one line)."""
    if len(xy) < 3:
        return None
    try:
        return xy[ConvexHull(xy).vertices]
    except QhullError:
        return None


def groups_separate(xy: np.ndarray, groups: Sequence[str]) -> bool:
    """Whether no two groups' convex hulls overlap (a hull holds no point of another group,
    no two hull outlines cross): only then do hulls show groups rather than hide them.

    Examples
    --------
    >>> square = [[0, 0], [1, 0], [0, 1], [1, 1]]
    >>> groups_separate(np.array(square + [[5, 5], [6, 5], [5, 6]]), list("aaaabbb"))
    True
    >>> groups_separate(np.array(square + [[0.5, 0.5], [6, 5], [5, 6]]), list("aaaabbb"))
    False
    """
    from matplotlib.path import Path as MplPath

    xy = np.asarray(xy, dtype=float)
    arr = np.array([str(g) for g in groups], dtype=object)
    names = sorted(set(arr))
    shapes = {}
    for g in names:
        corners = _hull_corners(xy[arr == g])
        if corners is not None:
            shapes[g] = MplPath(np.vstack([corners, corners[:1]]), closed=True)
    for g, shape in shapes.items():
        others = xy[arr != g]
        if len(others) and shape.contains_points(others).any():
            return False
        for h, other in shapes.items():
            if h > g and shape.intersects_path(other, filled=True):
                return False
    return True


def _hull(ax: Axes, xy: np.ndarray, colour: str) -> list[np.ndarray]:
    """Draw the convex hull of ``xy`` on ``ax`` if it has an area (a light fill, an outline);
    return its edges as rows x0, y0, x1, y1 (none without a hull)."""
    corners = _hull_corners(xy)
    if corners is None:
        return []
    ax.fill(*corners.T, facecolor=colour, alpha=0.10, edgecolor="none", zorder=1)
    ax.fill(*corners.T, facecolor="none", edgecolor=colour, alpha=0.7, linewidth=0.6, zorder=2)
    return [np.concatenate([a, b]) for a, b in zip(corners, np.roll(corners, -1, axis=0))]


# ---------------------------------------------------------------------------------------------
# PCA biplot
# ---------------------------------------------------------------------------------------------


def pca_biplot_figure(
    scores: np.ndarray,
    loadings: np.ndarray,
    words: Sequence[str],
    labels: Sequence[str],
    groups: Sequence[str],
    *,
    explained: Sequence[float],
    n_loadings: int = 12,
    title: str = "",
    column: Column = "double",
    max_labels: int | None = None,
) -> Figure:
    """PCA biplot: the documents' scores, and beside them the words that make each axis.

    The documents are drawn as in :func:`mds_figure` (colour and shape by group), each
    labelled up to ``max_labels`` documents (default 40 across two columns, 20 in a single
    column, where longer lists of labels bury the points); above that only groups are shown.
    The words are drawn apart (beside the documents on a two-column page, below them on a
    single column), one bar chart per component: the words with the largest loadings on PC1
    and on PC2 (``n_loadings`` in all, half each, at least three), each bar the word's
    loading, so a document lies towards the positive end of an axis when it uses the words
    with positive bars more. Drawn as arrows over the documents, such loadings piled their
    labels up in the middle of the map (most point the same way) and squeezed the documents
    to its edges. Dashed lines mark the origin, as in stylo's PCA plots.

    Parameters
    ----------
    scores : ndarray of shape (n, >= 2)
        Document scores; the first two columns are drawn (:func:`wordprint.clustering.pca.pca`).
    loadings : ndarray of shape (n_words, >= 2)
        Word loadings (eigenvectors), one row per word of ``words``.
    words : sequence of str
        The words (features) in the order of ``loadings``.
    labels, groups : sequence of str, length n
        Label and group of each document.
    explained : sequence of float
        Share of variance of each component (at least two), for the axis titles.
    n_loadings : int
        How many word arrows to draw (0 for none).
    title : str
        Figure title; ``""`` for none.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.
    max_labels : int, optional
        Largest number of documents that get per-point labels (default 40, or 20 when
        ``column="single"``).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = pca_biplot_figure([[1, 0], [-1, 0.5], [0, -0.5]], [[0.8, 0.6], [-0.6, 0.8]],
    ...                         ["the", "of"], ["a", "b", "c"], ["x", "y", "y"],
    ...                         explained=[0.7, 0.3], n_loadings=2)
    >>> fig.axes[0].get_xlabel()
    'PC1 (70.0 %)'

    References
    ----------
    Gabriel, K. R. (1971). The biplot graphic display of matrices with application to
    principal component analysis. *Biometrika* 58(3), 453-467.
    Binongo, J. N. G. & Smith, M. W. A. (1999). The application of principal component
    analysis to stylometry. *Literary and Linguistic Computing* 14(4), 445-466.
    """
    width = check_column(column)
    S = np.asarray(scores, dtype=float)
    L = np.asarray(loadings, dtype=float)
    if S.ndim != 2 or S.shape[1] < 2:
        raise ValueError(f"scores must have shape (n, >= 2), got {S.shape}")
    if L.ndim != 2 or L.shape[1] < 2 or L.shape[0] != len(words):
        raise ValueError(
            f"loadings must have shape ({len(words)}, >= 2), one row per word; got {L.shape}"
        )
    if not (np.all(np.isfinite(S[:, :2])) and np.all(np.isfinite(L[:, :2]))):
        raise ValueError("scores and loadings must be finite (no NaN or inf)")
    if len(explained) < 2:
        raise ValueError(f"explained must give at least two shares, got {len(explained)}")
    if n_loadings < 0:
        raise ValueError(f"n_loadings must be >= 0, got {n_loadings}")
    if max_labels is None:
        max_labels = 40 if column == "double" else 20
    if max_labels < 0:
        raise ValueError(f"max_labels must be >= 0, got {max_labels}")
    n = S.shape[0]
    check_labels_groups(labels, groups, n)
    xy, L2 = S[:, :2], L[:, :2]
    per_axis = min(max(3, n_loadings // 2), len(L2)) if n_loadings else 0

    names = sorted_groups(groups)
    colours, markers = group_colours(names), group_markers(names)
    labelled = n <= max_labels
    groups_arr = np.array([str(g) for g in groups], dtype=object)
    single = column == "single"
    axis_titles = (f"PC1 ({100 * float(explained[0]):.1f} %)",
                   f"PC2 ({100 * float(explained[1]):.1f} %)")
    with style_context():
        if single:  # the words below the documents
            fig = new_figure(width, width * (1.05 + (0.9 if per_axis else 0.0)))
            grid = fig.add_gridspec(3, 1, height_ratios=[2.4, 1, 1]) if per_axis else None
            ax = fig.add_subplot(grid[0] if grid else 111)
            word_axes = [fig.add_subplot(grid[1]), fig.add_subplot(grid[2])] if grid else []
        else:  # the words beside the documents
            fig = new_figure(width, width * 0.78)
            grid = fig.add_gridspec(2, 2, width_ratios=[2.1, 1]) if per_axis else None
            ax = fig.add_subplot(grid[:, 0] if grid else 111)
            word_axes = [fig.add_subplot(grid[0, 1]), fig.add_subplot(grid[1, 1])] if grid else []
        for line in (ax.axhline, ax.axvline):
            line(0, color="#999999", linewidth=0.5, linestyle=(0, (3, 3)), zorder=1)
        for g in names:
            sel = groups_arr == g
            ax.scatter(xy[sel, 0], xy[sel, 1], s=30.0 if labelled else 16.0, marker=markers[g],
                       c=colours[g], edgecolors="white", linewidths=0.4, label=g, zorder=3)
        ax.set_xlabel(axis_titles[0])
        ax.set_ylabel(axis_titles[1])
        ax.grid(True, color=GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        ax.margins(0.12)
        group_legend(fig, names, strip=False, title=title)
        font = FONT_SMALL - (0.5 if n > 30 else 0) - (0.5 if single else 0)
        for k, words_ax in enumerate(word_axes):  # the words that make PC1, then PC2
            strongest = np.argsort(-np.abs(L2[:, k]), kind="stable")[:per_axis]
            shown = strongest[np.argsort(L2[strongest, k], kind="stable")]
            values = L2[shown, k]
            words_ax.barh(range(len(shown)), values, height=0.6, color=_LOADING_COLOUR,
                          zorder=2)
            words_ax.set_yticks(range(len(shown)), labels=[str(words[i]) for i in shown],
                                fontsize=font, fontstyle="italic")
            words_ax.axvline(0, color="#999999", linewidth=0.5, zorder=1)
            reach = float(np.abs(values).max()) or 1.0
            words_ax.set_xlim(-1.1 * reach, 1.1 * reach)
            words_ax.set_title(f"Words that make {axis_titles[k].split()[0]}", loc="left",
                               fontsize=FONT_SMALL)
            words_ax.tick_params(axis="x", labelsize=FONT_SMALL - 1)
            words_ax.xaxis.grid(True, color=GRID_COLOUR, linewidth=0.4)
            words_ax.set_axisbelow(True)
            if k == len(word_axes) - 1:
                words_ax.set_xlabel("loading")
        if labelled and n:
            styles = [
                {"fontsize": font, "color": text_colour(colours[str(g)]), "bbox": LABEL_BOX}
                for g in groups
            ]
            place_and_annotate(fig, ax, xy, [str(s) for s in labels], styles)
        return finish(fig)
