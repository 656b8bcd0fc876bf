"""Publication figures: one style for every figure of a run.

Every function here builds and returns a :class:`matplotlib.figure.Figure` (object API, Agg
canvas, no pyplot state); saving lives in :mod:`wordprint.io.figures`. The style is defined
once, in :data:`STYLE`, and applied through :func:`style_context` (or globally, for a
notebook, with :func:`apply_style`):

- **Colours**: the Okabe--Ito palette of 8 colours, distinguishable under the common forms of
  colour-vision deficiency (Okabe & Ito 2008; Wong 2011). :func:`group_colours` maps the
  *sorted* unique group names to the palette in order, so every figure of a run gives a group
  the same colour. With more than 8 groups the colours repeat and the marker shape changes
  (:func:`group_markers`), so every group keeps a distinct colour + shape pair (64 pairs).
- **Text**: DejaVu Sans (ships with matplotlib), 8 pt body, 7 pt ticks and legends, sized to be
  read at print size in a single column (3.5 in) or across two columns (7 in); choose with
  ``column=``. Text drawn in a group colour is darkened (same hue) until it reaches a 4.5:1
  contrast with white (WCAG 2.1), so light colours such as yellow stay legible.
- **Determinism**: ``svg.hashsalt`` is fixed and SVG text is written as paths
  (``svg.fonttype = "path"``): the file is the same bytes on every machine and renders the
  same in every viewer, with no dependence on installed fonts. PDF embeds the TrueType font
  (``pdf.fonttype = 42``) for editors that need live text. Layouts use matplotlib's
  constrained layout, never ``bbox_inches="tight"``, so the page size is what the code says;
  each builder resolves the layout once and freezes it (see ``_finish``).

References
----------
Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): How to make figures and presentations
that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
Wong, B. (2011). Points of view: Color blindness. *Nature Methods* 8(6), 441.
W3C (2018). Web Content Accessibility Guidelines (WCAG) 2.1, success criterion 1.4.3 (contrast).
"""

from __future__ import annotations

import contextlib
import math
from collections import Counter
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from typing import Literal

import matplotlib as mpl
import numpy as np
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator
from scipy.cluster import hierarchy
from scipy.spatial import ConvexHull, QhullError

__all__ = [
    "COLUMN_WIDTHS",
    "MARKERS",
    "OKABE_ITO",
    "STYLE",
    "apply_style",
    "dendrogram_figure",
    "groups_separate",
    "merge_height_label",
    "group_colours",
    "group_markers",
    "heatmap_figure",
    "mds_figure",
    "style_context",
    "vocabulary_figure",
]

Column = Literal["single", "double"]

#: Figure widths in inches for a journal's single column and full (double-column) width.
COLUMN_WIDTHS: dict[str, float] = {"single": 3.5, "double": 7.0}

#: Okabe--Ito colours, ordered so that the first groups get the most distinct hues; the
#: light yellow and black come last (yellow is faint on white, black reads as "no group").
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)

#: Marker shapes; group ``i`` gets ``MARKERS[(i // 8) % 8]``, so shapes change only when the
#: colours start to repeat.
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")

_TREE_COLOUR = "#333333"
_GRID_COLOUR = "#DDDDDD"
_DIAGONAL_COLOUR = "#D9D9D9"  # a heatmap's diagonal: no colour of the scale
_FONT_BODY = 8.0
_FONT_SMALL = 7.0

#: The one place where the figure style is set. Applied by :func:`style_context`.
STYLE: dict[str, object] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": _FONT_BODY,
    "axes.titlesize": _FONT_BODY + 1,
    "axes.labelsize": _FONT_BODY,
    "figure.titlesize": _FONT_BODY + 1,
    "xtick.labelsize": _FONT_SMALL,
    "ytick.labelsize": _FONT_SMALL,
    "legend.fontsize": _FONT_SMALL,
    "legend.title_fontsize": _FONT_SMALL,
    "legend.frameon": False,
    "axes.linewidth": 0.6,
    "axes.edgecolor": "#333333",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=list(OKABE_ITO)),
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "xtick.major.size": 3.0,
    "ytick.major.size": 3.0,
    "lines.linewidth": 0.8,
    "image.cmap": "viridis",
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.dpi": 300,
    "savefig.bbox": None,
    # Deterministic, portable vector output (see the module docstring).
    "svg.fonttype": "path",
    "svg.hashsalt": "wordprint",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
}


@contextlib.contextmanager
def style_context() -> Iterator[None]:
    """Apply :data:`STYLE` for the duration of a ``with`` block, then restore rcParams.

    Examples
    --------
    >>> with style_context():
    ...     import matplotlib as mpl
    ...     mpl.rcParams["svg.hashsalt"]
    'wordprint'
    """
    with mpl.rc_context(STYLE):
        yield


def apply_style() -> None:
    """Apply :data:`STYLE` globally (for notebooks that draw their own figures).

    Examples
    --------
    >>> apply_style()  # doctest: +SKIP
    """
    mpl.rcParams.update(STYLE)


# ---------------------------------------------------------------------------------------------
# Groups: colours, markers, legible text colours
# ---------------------------------------------------------------------------------------------


def _sorted_groups(groups: Sequence[str]) -> list[str]:
    # Largest groups first (ties by name), so the most populated groups get the most distinct
    # colours; with one list of groups per run every figure of the run agrees. A list without
    # repeats is an order already chosen (by this function): it is kept as given.
    counts = Counter(str(g) for g in groups)
    if len(counts) == len(groups):
        return [str(g) for g in groups]
    return sorted(counts, key=lambda g: (-counts[g], g))


def group_colours(groups: Sequence[str]) -> dict[str, str]:
    """Map each group name to an Okabe--Ito colour, deterministically.

    Groups ordered by size (largest first, ties by name) take the palette in order (cycling
    after 8), so the same corpus always gets the same colours whatever the order of the
    documents, and the largest groups get the most distinct hues. Pass one entry per document;
    a list of distinct names is taken as an order already chosen.

    Parameters
    ----------
    groups : sequence of str
        Group names, repeats allowed (typically one per document).

    Returns
    -------
    dict of str to str
        Group name -> hex colour.

    Examples
    --------
    >>> group_colours(["Democratic", "Republican", "essay", "Democratic", "Republican"])
    {'Democratic': '#0072B2', 'Republican': '#D55E00', 'essay': '#009E73'}

    References
    ----------
    Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): How to make figures and
    presentations that are friendly to colorblind people.
    """
    return {g: OKABE_ITO[i % len(OKABE_ITO)] for i, g in enumerate(_sorted_groups(groups))}


def group_markers(groups: Sequence[str]) -> dict[str, str]:
    """Map each group name to a marker shape; shapes change when the colours repeat.

    Groups 0-7 (in the order of :func:`group_colours`) are circles, 8-15 squares, and so on,
    so that a group's (colour, marker) pair is unique for up to 64 groups.

    Examples
    --------
    >>> group_markers(["b", "a"])
    {'b': 'o', 'a': 'o'}
    >>> group_markers([f"g{i:02d}" for i in range(9)])["g08"]
    's'

    References
    ----------
    Wong, B. (2011). Points of view: Color blindness. *Nature Methods* 8(6), 441.
    """
    n = len(OKABE_ITO)
    return {g: MARKERS[(i // n) % len(MARKERS)] for i, g in enumerate(_sorted_groups(groups))}


def _relative_luminance(rgb: Sequence[float]) -> float:
    # WCAG 2.1 relative luminance of an sRGB colour.
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _text_colour(colour: str, *, min_contrast: float = 4.5) -> str:
    """Darken ``colour`` (keeping its hue) until text in it has ``min_contrast`` on white."""
    rgb = np.array(to_rgb(colour))
    for _ in range(40):
        if 1.05 / (_relative_luminance(rgb) + 0.05) >= min_contrast:
            break
        rgb = rgb * 0.95
    return "#{:02X}{:02X}{:02X}".format(*(int(round(c * 255)) for c in rgb))


def _legend(fig: Figure, groups: Sequence[str], *, strip: bool, title: str = "") -> None:
    """The figure's header: the title above one legend of groups (sorted), above the panels.

    The title is the legend's title: constrained layout reserves the top margin for the
    larger of a suptitle and an outside legend, not their sum, so the two would overlap.
    """
    names = _sorted_groups(groups)
    colours, markers = group_colours(names), group_markers(names)
    # A colour strip shows squares; shapes matter only once colours repeat.
    few = len(names) <= len(OKABE_ITO)
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="s" if (strip and few) else markers[g],
            markersize=6,
            markerfacecolor=colours[g],
            markeredgecolor="white" if not strip else colours[g],
            markeredgewidth=0.4,
            label=g,
        )
        for g in names
    ]
    width_in = fig.get_figwidth()
    longest = max(len(g) for g in names)
    # Fit the columns to the page: about 0.065 in per 7-pt character plus the handle.
    per_col = 0.35 + 0.065 * min(longest, 40)
    ncols = max(1, min(len(names), int(width_in // per_col)))
    fig.legend(
        handles=handles,
        loc="outside upper center",
        ncols=ncols,
        handletextpad=0.3,
        columnspacing=1.2,
        borderaxespad=0.2,
        title=title or None,
        title_fontproperties={"size": STYLE["figure.titlesize"]},
    )


# ---------------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------------


def _check_column(column: str) -> float:
    if column not in COLUMN_WIDTHS:
        raise ValueError(f"column must be one of {sorted(COLUMN_WIDTHS)}, got {column!r}")
    return COLUMN_WIDTHS[column]


def _check_labels_groups(labels: Sequence[str], groups: Sequence[str], n: int) -> None:
    if n == 0:
        raise ValueError("a figure needs at least one document; got none")
    if len(labels) != n:
        raise ValueError(f"labels has {len(labels)} entries, expected {n} (one per document)")
    if len(groups) != n:
        raise ValueError(f"groups has {len(groups)} entries, expected {n} (one per document)")


def _new_figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)  # Agg canvas: text extents can be measured without pyplot
    fig.get_layout_engine().set(w_pad=0.04, h_pad=0.04, wspace=0.02, hspace=0.02)
    return fig


def _finish(fig: Figure) -> Figure:
    """Resolve the layout once, then freeze it.

    The layout is computed inside the style context, so lazily created ticks take this
    style whatever the rcParams are when the figure is saved. It is then frozen: the
    constrained-layout solver (kiwisolver) orders its variables by memory address, so its
    last floating-point bits change from one process to the next, and those bits leak into
    SVG clip-path ids. Rounded, fixed axes positions make the saved bytes reproducible.
    """
    fig.draw_without_rendering()
    for ax in fig.axes:
        bounds = ax.get_position(original=True).bounds
        ax.set_position([round(v, 6) for v in bounds])
    fig.set_layout_engine("none")
    return fig


def _interp_font(n: int, *, few: int, many: int, big: float, small: float) -> float:
    """Font size falling linearly from ``big`` at ``few`` items to ``small`` at ``many``."""
    if n <= few:
        return big
    if n >= many:
        return small
    return round(big - (big - small) * (n - few) / (many - few), 2)


def _group_strip(
    ax: Axes, strip_groups: Sequence[str], names: Sequence[str], *, vertical: bool
) -> None:
    """Draw one colour cell per document (vector quads); add shapes if colours repeat."""
    colours, markers = group_colours(names), group_markers(names)
    code = {g: i for i, g in enumerate(names)}
    codes = np.array([code[g] for g in strip_groups], dtype=float)
    n, k = len(codes), len(names)
    cmap = ListedColormap([colours[g] for g in names])
    edges = np.arange(n + 1) - 0.5
    if vertical:
        ax.pcolormesh([0, 1], edges, codes[:, None], cmap=cmap, vmin=-0.5, vmax=k - 0.5)
        ax.set_xlim(0, 1)
    else:
        ax.pcolormesh(edges, [0, 1], codes[None, :], cmap=cmap, vmin=-0.5, vmax=k - 0.5)
        ax.set_ylim(0, 1)
    if k > len(OKABE_ITO):
        # Colours repeat: draw each group's shape on its cell (black on light colours).
        pos = np.arange(n)
        for g in names:
            sel = np.array([s == g for s in strip_groups])
            mid = np.full(sel.sum(), 0.5)
            xy = (mid, pos[sel]) if vertical else (pos[sel], mid)
            light = _relative_luminance(to_rgb(colours[g])) > 0.35
            shape_colour = "black" if light else "white"
            ax.scatter(*xy, marker=markers[g], s=6, c=shape_colour, linewidths=0, zorder=3)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)


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
    width = _check_column(column)
    z = np.asarray(linkage_matrix, dtype=float)
    try:
        hierarchy.is_valid_linkage(z, throw=True, name="linkage_matrix")
    except (TypeError, ValueError) as err:
        raise ValueError(f"linkage_matrix is not a valid SciPy linkage matrix: {err}") from err
    n = z.shape[0] + 1
    _check_labels_groups(labels, groups, n)

    info = hierarchy.dendrogram(z, no_plot=True)
    leaves = [int(i) for i in info["leaves"]]
    leaf_labels = [str(labels[i]) for i in leaves]
    leaf_groups = [str(groups[i]) for i in leaves]
    names = _sorted_groups(groups)
    colours = group_colours(names)

    font = _interp_font(n, few=30, many=200, big=7.0, small=5.0)
    pitch = font * 1.5 / 72  # inches per leaf
    height = max(2.6, n * pitch + 1.3)
    with style_context():
        fig = _new_figure(width, height)
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
        tree_ax.xaxis.grid(True, color=_GRID_COLOUR, linewidth=0.4)
        if height > 9:  # a tall tree gets its distance scale at the top as well
            tree_ax.tick_params(axis="x", top=True, labeltop=True)
            tree_ax.spines["top"].set_visible(True)
        tree_ax.set_axisbelow(True)

        _group_strip(strip_ax, leaf_groups, names, vertical=True)
        strip_ax.set_xticks([])
        strip_ax.yaxis.tick_right()
        strip_ax.set_yticks(range(n), labels=leaf_labels, fontsize=font)
        strip_ax.tick_params(axis="y", pad=2)
        for tick, g in zip(strip_ax.get_yticklabels(), leaf_groups):
            tick.set_color(_text_colour(colours[g]))

        _legend(fig, names, strip=True, title=title)
        return _finish(fig)


# ---------------------------------------------------------------------------------------------
# MDS / PCA map
# ---------------------------------------------------------------------------------------------

# Label candidates around a point, tried in this order (the cartographers' preference:
# right, left, above, below, then the diagonals, then the directions in between), each at
# growing distances ("rings").
# Ring distances in label heights: close rings first, then wider steps out to open space.
_RING_STEPS = np.array([0.0, 1.2, 2.4, 3.6, 5.0, 7.0, 9.5, 12.5, 16.0, 20.0])
_ANGLES: tuple[float, ...] = (
    0,
    180,
    90,
    270,
    45,
    135,
    315,
    225,
    22.5,
    157.5,
    337.5,
    202.5,
    67.5,
    112.5,
    292.5,
    247.5,
)


def _overlaps(boxes: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Overlap areas of each box (rows x0, y0, x1, y1) with each of ``others``: (C, m)."""
    lo = np.maximum(boxes[:, None, :2], others[None, :, :2])
    hi = np.minimum(boxes[:, None, 2:], others[None, :, 2:])
    return np.prod(np.clip(hi - lo, 0, None), axis=-1)


def _box_distances(boxes: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Distance from each box (C, 4) to each point (P, 2), 0 inside: (C, P)."""
    lo, hi = boxes[:, None, :2], boxes[:, None, 2:]
    gap = np.maximum(np.maximum(lo - pts[None], pts[None] - hi), 0)
    return np.hypot(gap[..., 0], gap[..., 1])


def _segments_hit_boxes(p: np.ndarray, q: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Whether segment p-q passes through the interior of a box (Liang-Barsky clipping).

    ``p``, ``q`` (..., 2) and ``boxes`` (..., 4) broadcast against each other.
    """
    t0 = np.zeros(np.broadcast_shapes(p.shape[:-1], boxes.shape[:-1]))
    t1 = np.ones_like(t0)
    d = q - p
    for k in (0, 1):
        lo, hi, dk, pk = boxes[..., k], boxes[..., k + 2], d[..., k], p[..., k]
        with np.errstate(divide="ignore", invalid="ignore"):
            ta, tb = (lo - pk) / dk, (hi - pk) / dk
        flat = dk == 0  # parallel to this axis: inside the slab or never
        in_slab = (pk > lo) & (pk < hi)
        t0 = np.maximum(t0, np.where(flat, np.where(in_slab, -np.inf, np.inf), np.minimum(ta, tb)))
        t1 = np.minimum(t1, np.where(flat, np.where(in_slab, np.inf, -np.inf), np.maximum(ta, tb)))
    return t0 < t1


def _crossings(p: np.ndarray, q: np.ndarray, segments: np.ndarray) -> np.ndarray:
    """For segments p[c]-q[c] (C, 2): how many of ``segments`` (m, 4) each properly crosses."""
    if len(segments) == 0:
        return np.zeros(len(p))
    a, b = segments[None, :, :2], segments[None, :, 2:]
    p, q = p[:, None, :], q[:, None, :]

    def orient(u, v, w):
        return np.sign(
            (v[..., 0] - u[..., 0]) * (w[..., 1] - u[..., 1])
            - (v[..., 1] - u[..., 1]) * (w[..., 0] - u[..., 0])
        )

    cross = (orient(p, q, a) * orient(p, q, b) < 0) & (orient(a, b, p) * orient(a, b, q) < 0)
    return cross.sum(axis=1)


def _place_labels(
    points: np.ndarray,
    sizes: np.ndarray,
    *,
    radius: float,
    bounds: tuple[float, float, float, float],
    passes: int = 10,
    lines: np.ndarray | None = None,
) -> list[tuple[float, float, str, str, int]]:
    """Deterministic point-label placement (all values in display units).

    Every label has candidate positions around its point (``_ANGLES``) at growing distances
    (``_RING_STEPS``). A candidate's cost, in label areas, ranks what a reader minds most: a
    label partly outside the axes, then a label on another label, on another point's marker,
    a leader line through a label or a marker or across another leader, a label nearer to
    another point than to its own (ambiguous), and last the distance. Labels are placed
    greedily from the most crowded point outwards, then improved by passes that move each
    label to its cheapest position given all the others (discrete gradient descent), until
    nothing moves. Line segments drawn on the map (``lines``, rows x0, y0, x1, y1: group
    hulls) are avoided too, at a lower cost than markers. Returns, per point, the offset (dx, dy) of the text anchor, its alignment
    (ha, va) and its ring (0 = beside the point; further rings get a leader line).

    References
    ----------
    Christensen, J., Marks, J. & Shieber, S. (1995). An empirical study of algorithms for
    point-feature label placement. *ACM Transactions on Graphics* 14(3), 203-232.
    """
    n = len(points)
    angles = np.radians(np.array(_ANGLES))
    rings = len(_RING_STEPS)
    ux, uy = np.tile(np.cos(angles), rings), np.tile(np.sin(angles), rings)
    ring_of = np.repeat(np.arange(rings), len(angles))
    far = ring_of > 0
    ha = np.where(ux > 0.3, "left", np.where(ux < -0.3, "right", "center"))
    va = np.where(uy > 0.3, "bottom", np.where(uy < -0.3, "top", "center"))
    fx = np.where(ha == "left", 0.0, np.where(ha == "right", 1.0, 0.5))
    fy = np.where(va == "bottom", 0.0, np.where(va == "top", 1.0, 0.5))
    margin = radius + 1.5  # keep labels a little clear of other markers
    pt_boxes = np.column_stack([points - margin, points + margin])
    x0, y0, x1, y1 = bounds
    areas = sizes[:, 0] * sizes[:, 1]

    offsets, boxes, ends, static = [], [], [], []
    for i in range(n):
        (w, h), area = sizes[i], areas[i]
        gap = radius + 2.0 + _RING_STEPS[ring_of] * h
        dx, dy = ux * gap, uy * gap
        bx0 = points[i, 0] + dx - fx * w
        by0 = points[i, 1] + dy - fy * h
        box = np.column_stack([bx0, by0, bx0 + w, by0 + h])
        # A leader runs from the point to the nearest point of its label.
        end = np.clip(points[i], box[:, :2], box[:, 2:])
        others = np.delete(pt_boxes, i, axis=0)
        inside_w = np.clip(np.minimum(box[:, 2], x1) - np.maximum(box[:, 0], x0), 0, None)
        inside_h = np.clip(np.minimum(box[:, 3], y1) - np.maximum(box[:, 1], y0), 0, None)
        outside = area - inside_w * inside_h
        cost = 4.0 * outside + 2.0 * area * (outside > 1e-6 * area)
        cost += 0.8 * area * (_overlaps(box, others) > 0).sum(axis=1)
        through = _segments_hit_boxes(points[i][None, None], end[:, None], others[None])
        cost += 0.5 * area * (through.sum(axis=1) * far)
        own = _box_distances(box, points[i : i + 1])[:, 0]
        closer = _box_distances(box, np.delete(points, i, axis=0)) < own[:, None] + 1.0
        cost += 0.3 * area * closer.any(axis=1)
        cost += 1e-3 * area * ring_of
        if lines is not None and len(lines):
            crossed = _segments_hit_boxes(lines[None, :, :2], lines[None, :, 2:], box[:, None])
            cost += 0.2 * area * crossed.sum(axis=1)
        offsets.append(np.column_stack([dx, dy]))
        boxes.append(box)
        ends.append(end)
        static.append(cost)

    def total(i: int, chosen: dict[int, int]) -> np.ndarray:
        cost = static[i].copy()
        others = [j for j in chosen if j != i]
        if not others:
            return cost
        area = areas[i]
        other_boxes = np.array([boxes[j][chosen[j]] for j in others])
        hit = _overlaps(boxes[i], other_boxes)
        cost += hit.sum(axis=1) + area * (hit > 0).sum(axis=1)
        # My leader through their labels.
        mine = _segments_hit_boxes(points[i][None, None], ends[i][:, None], other_boxes[None])
        cost += 0.5 * area * (mine.sum(axis=1) * far)
        led = [j for j in others if far[chosen[j]]]
        if led:
            segs = np.array([np.concatenate([points[j], ends[j][chosen[j]]]) for j in led])
            # Their leaders through my label, and leaders crossing.
            theirs = _segments_hit_boxes(segs[None, :, :2], segs[None, :, 2:], boxes[i][:, None])
            cost += 0.5 * area * theirs.sum(axis=1)
            starts = np.broadcast_to(points[i], ends[i].shape)
            cost += 0.5 * area * np.where(far, _crossings(starts, ends[i], segs), 0)
        return cost

    dist = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=-1)
    reach = 3.0 * float(np.max(sizes[:, 1])) + 2 * radius
    crowd = (dist < reach).sum(axis=1)
    order = sorted(range(n), key=lambda i: (-crowd[i], i))
    chosen: dict[int, int] = {}
    for i in order:
        chosen[i] = int(np.argmin(total(i, chosen)))
    for _ in range(passes):
        moved = False
        for i in order:
            cost = total(i, chosen)
            best = int(np.argmin(cost))
            if cost[best] < cost[chosen[i]] - 1e-9 * areas[i]:
                chosen[i], moved = best, True
        if not moved:
            break
    placement = []
    for i in range(n):
        c = chosen[i]
        dx, dy = float(offsets[i][c, 0]), float(offsets[i][c, 1])
        placement.append((dx, dy, str(ha[c]), str(va[c]), int(ring_of[c])))
    return placement


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
    width = _check_column(column)
    xy = np.asarray(coords, dtype=float)
    if xy.ndim != 2 or xy.shape[1] != 2:
        raise ValueError(f"coords must have shape (n, 2), got {xy.shape}")
    if not np.all(np.isfinite(xy)):
        raise ValueError("coords must be finite (no NaN or inf)")
    n = xy.shape[0]
    _check_labels_groups(labels, groups, n)
    if len(axis_labels) != 2:
        raise ValueError(f"axis_labels must be two strings (x, y), got {axis_labels!r}")
    if max_labels < 0:
        raise ValueError(f"max_labels must be >= 0, got {max_labels}")

    names = _sorted_groups(groups)
    colours, markers = group_colours(names), group_markers(names)
    labelled = n <= max_labels
    size = 30.0 if labelled else 16.0
    groups_arr = np.array([str(g) for g in groups], dtype=object)
    hulls = hulls and groups_separate(xy, groups)
    with style_context():
        fig = _new_figure(width, width * (0.85 if column == "double" else 1.05))
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
        ax.grid(True, color=_GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        ax.margins(0.12 if labelled else 0.05)  # room for labels at the edges
        ax.set_aspect("equal", adjustable="datalim")
        _legend(fig, names, strip=False, title=title)
        if labelled and n > 0:
            _label_points(
                fig,
                ax,
                xy,
                [str(s) for s in labels],
                [colours[str(g)] for g in groups],
                lines=np.array(edges).reshape(-1, 4),
            )
        return _finish(fig)


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


_LEADER = {"arrowstyle": "-", "color": "#888888", "linewidth": 0.4, "shrinkA": 0, "shrinkB": 2}


def _label_points(
    fig: Figure,
    ax: Axes,
    xy: np.ndarray,
    labels: list[str],
    colours: list[str],
    lines: np.ndarray | None = None,
) -> None:
    """Add non-overlapping labels to the points of ``ax`` (see :func:`_place_labels`), keeping
    them off the data-coordinate segments ``lines`` (rows x0, y0, x1, y1) where they can."""
    single = fig.get_figwidth() <= COLUMN_WIDTHS["single"]
    font = (_FONT_SMALL if len(labels) <= 20 else _FONT_SMALL - 0.5) - (0.5 if single else 0.0)
    fig.draw_without_rendering()  # final axes geometry and limits
    renderer = fig.canvas.get_renderer()
    px_per_pt = fig.dpi / 72.0
    texts = [fig.text(0, 0, s, fontsize=font) for s in labels]
    sizes = np.array(
        [[t.get_window_extent(renderer).width, t.get_window_extent(renderer).height] for t in texts]
    )
    for t in texts:
        t.remove()
    points = ax.transData.transform(xy)
    bbox = ax.get_window_extent(renderer)
    if lines is not None and len(lines):
        ends = ax.transData.transform(lines.reshape(-1, 2))
        lines = ends.reshape(-1, 4)
    placement = _place_labels(
        points,
        sizes,
        radius=3.0 * px_per_pt,
        bounds=(bbox.x0, bbox.y0, bbox.x1, bbox.y1),
        lines=lines,
    )
    for (x, y), s, c, (dx, dy, ha, va, ring) in zip(xy, labels, colours, placement):
        ax.annotate(
            s,
            xy=(x, y),
            xytext=(dx / px_per_pt, dy / px_per_pt),
            textcoords="offset points",
            ha=ha,
            va=va,
            fontsize=font,
            color=_text_colour(c),
            annotation_clip=False,
            arrowprops=(_LEADER if ring > 0 else None),
            zorder=4,
        ).set_in_layout(False)


# ---------------------------------------------------------------------------------------------
# Heatmap
# ---------------------------------------------------------------------------------------------


def heatmap_figure(
    distance_matrix: np.ndarray,
    labels: Sequence[str],
    groups: Sequence[str],
    *,
    order: Sequence[int],
    title: str,
    measure_label: str,
    column: Column = "double",
    max_tick_labels: int = 60,
    cmap: Literal["viridis", "cividis"] = "viridis",
) -> Figure:
    """Distance heatmap in clustering order, with group strips along both axes.

    Rows and columns follow ``order`` (the dendrogram's leaf order, first row at the top).
    A colour bar names the measure; the colormap is perceptually uniform and readable with
    colour-vision deficiency (viridis, or cividis). Up to ``max_tick_labels`` documents, and
    as long as the cells leave room for labels of at least 4 pt, every row and column is
    labelled in its group colour; beyond that only the group strips identify the documents
    (e.g. 29 documents in a single column: about 4 pt per cell, so no labels).

    Parameters
    ----------
    distance_matrix : ndarray of shape (n, n)
        Pairwise distances, in the order of ``labels``.
    labels, groups : sequence of str, length n
        Label and group of each document.
    order : sequence of int
        A permutation of ``range(n)``: the display order (e.g. dendrogram leaves).
    title : str
        Figure title; ``""`` for none.
    measure_label : str
        Colour bar label, e.g. ``"Cosine Delta"``.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.
    max_tick_labels : int
        Largest number of documents labelled on the axes.
    cmap : {"viridis", "cividis"}
        Sequential colormap.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> d = [[0, 1, 2], [1, 0, 1], [2, 1, 0]]
    >>> fig = heatmap_figure(d, ["a", "b", "c"], ["x", "x", "y"], order=[2, 0, 1],
    ...                      title="", measure_label="Burrows's Delta")
    >>> fig.axes[-1].get_ylabel()
    "Burrows's Delta"

    References
    ----------
    van der Walt, S. & Smith, N. (2015). A better default colormap for matplotlib (viridis).
    SciPy 2015 conference talk.
    Nuñez, J. R., Anderton, C. R. & Renslow, R. S. (2018). Optimizing colormaps with
    consideration for color vision deficiency to enable accurate interpretation of scientific
    data. *PLOS ONE* 13(7), e0199239.
    """
    width = _check_column(column)
    if cmap not in ("viridis", "cividis"):
        raise ValueError(f"cmap must be one of ['cividis', 'viridis'], got {cmap!r}")
    d = np.asarray(distance_matrix, dtype=float)
    if d.ndim != 2 or d.shape[0] != d.shape[1]:
        raise ValueError(f"distance_matrix must be square, got shape {d.shape}")
    n = d.shape[0]
    _check_labels_groups(labels, groups, n)
    perm = [int(i) for i in order]
    if sorted(perm) != list(range(n)):
        raise ValueError(f"order must be a permutation of range({n})")

    shown = d[np.ix_(perm, perm)]
    row_labels = [str(labels[i]) for i in perm]
    row_groups = [str(groups[i]) for i in perm]
    names = _sorted_groups(groups)
    colours = group_colours(names)

    longest = max((len(x) for x in row_labels), default=0)

    def room(font_pt: float) -> float:  # inches taken by tick labels of this size
        return 0.15 + longest * font_pt * 0.6 / 72

    cell_pt = (width - room(_FONT_SMALL) - 0.9) * 72 / max(n, 1)
    font = min(_FONT_SMALL, round(0.8 * cell_pt, 1))
    ticks = n <= max_tick_labels and font >= 4.0
    label_room = room(font) if ticks else 0.25
    # Heatmap side: the page width less labels and colour bar, but no huge cells for few docs.
    side = min(width - label_room - 0.9, max(2.2, 0.32 * n))
    strip_in = 0.09
    with style_context():
        height = side + label_room + 0.85 + (0.25 if title else 0.0)
        fig = _new_figure(min(width, side + label_room + 1.0), height)
        gs = fig.add_gridspec(
            2, 3, width_ratios=[strip_in, side, 0.12], height_ratios=[strip_in, side]
        )
        ax = fig.add_subplot(gs[1, 1])
        left = fig.add_subplot(gs[1, 0])
        topstrip = fig.add_subplot(gs[0, 1])
        cax = fig.add_subplot(gs[1, 2])

        # The diagonal (each document against itself, 0) is drawn grey and left out of the
        # colour scale, which then spans the distances between documents only.
        off_diagonal = np.ma.masked_array(shown, mask=np.eye(n, dtype=bool))
        colour_map = mpl.colormaps[cmap].with_extremes(bad=_DIAGONAL_COLOUR)
        image = ax.imshow(off_diagonal, cmap=colour_map, interpolation="nearest", aspect="auto",
                          origin="upper")
        ax.set_xlim(-0.5, n - 0.5)
        ax.set_ylim(n - 0.5, -0.5)
        for s in ax.spines.values():
            s.set_visible(False)
        _group_strip(left, row_groups, names, vertical=True)
        left.set_ylim(n - 0.5, -0.5)
        left.set_xticks([])
        _group_strip(topstrip, row_groups, names, vertical=False)
        topstrip.set_xlim(-0.5, n - 0.5)
        topstrip.set_xticks([])
        topstrip.set_yticks([])
        ax.tick_params(left=False, labelleft=False, length=0)
        axis_name = "Documents (clustering order)"
        if ticks:
            left.set_yticks(range(n), labels=row_labels, fontsize=font)
            ax.set_xticks(range(n), labels=row_labels, fontsize=font, rotation=90)
            for tick_set in (left.get_yticklabels(), ax.get_xticklabels()):
                for tick, g in zip(tick_set, row_groups):
                    tick.set_color(_text_colour(colours[g]))
        else:
            left.set_yticks([])
            ax.set_xticks([])
            axis_name = f"{n} documents (clustering order)"
        ax.set_xlabel(axis_name)
        left.set_ylabel(axis_name)
        cbar = fig.colorbar(image, cax=cax)
        cbar.set_label(measure_label)
        cbar.outline.set_linewidth(0.4)
        _legend(fig, names, strip=True, title=title)
        return _finish(fig)


# ---------------------------------------------------------------------------------------------
# Vocabulary statistics
# ---------------------------------------------------------------------------------------------


def vocabulary_figure(
    ids: Sequence[str],
    groups: Sequence[str],
    stats: Mapping[str, Sequence[float]],
    *,
    title: str,
    column: Column = "double",
    max_tick_labels: int = 60,
    intervals: Mapping[str, tuple[Sequence[float | None], Sequence[float | None]]] | None = None,
    note: str = "",
) -> Figure:
    """Small multiples of vocabulary statistics per document, coloured by group.

    One panel per statistic (in the order of ``stats``), side by side, up to 4 per row (2 in
    a single column). Up to ``max_tick_labels`` documents the panels are Cleveland dot plots
    with one labelled row per document, sorted by group then id, so a document can be read
    across panels. Above that the panels become strip plots with one band per group: every
    document is a dot (spread vertically by a fixed low-discrepancy offset, not random
    jitter), with the group median marked by a bar. Missing values (NaN) are left out. In the
    dot plots, a statistic with ``intervals`` gives each dot a horizontal whisker (the strip
    plots leave them out: dozens of overlapping whiskers hide the dots).

    Parameters
    ----------
    ids, groups : sequence of str, length n
        Document id and group.
    stats : mapping of str to sequence of float
        Statistic name (used as the panel's axis label, e.g. ``"MATTR (window 500)"``) ->
        one value per document.
    title : str
        Figure title; ``""`` for none.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.
    max_tick_labels : int
        Largest number of documents shown as labelled rows.
    intervals : mapping of str to (low, high), optional
        For some of the ``stats`` names, an interval per document (e.g. a bootstrap interval,
        :func:`wordprint.uncertainty.vocabulary_intervals`); None or NaN: no whisker.
    note : str
        A line under the panels, e.g. what the whiskers are; ``""`` for none.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = vocabulary_figure(["a", "b"], ["x", "y"], {"TTR": [0.4, 0.5]}, title="")
    >>> fig.axes[0].get_xlabel()
    'TTR'

    References
    ----------
    Cleveland, W. S. (1984). Graphical methods for data presentation: full scale breaks, dot
    charts, and multibased logging. *The American Statistician* 38(4), 270-280.
    """
    width = _check_column(column)
    n = len(ids)
    _check_labels_groups(ids, groups, n)
    if not stats:
        raise ValueError("stats must name at least one statistic")
    values: dict[str, np.ndarray] = {}
    for name, vals in stats.items():
        arr = np.asarray(vals, dtype=float)
        if arr.shape != (n,):
            raise ValueError(f"stats[{name!r}] has shape {arr.shape}, expected ({n},)")
        values[str(name)] = arr
    bounds: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for name, pair in (intervals or {}).items():
        if str(name) not in values:
            raise ValueError(f"intervals[{name!r}] names no statistic of stats")
        lo, hi = (np.array([np.nan if v is None else v for v in x], dtype=float) for x in pair)
        if lo.shape != (n,) or hi.shape != (n,):
            raise ValueError(f"intervals[{name!r}] needs {n} lows and {n} highs")
        bounds[str(name)] = (lo, hi)

    order = sorted(range(n), key=lambda i: (str(groups[i]), str(ids[i])))
    names = _sorted_groups(groups)
    colours, markers = group_colours(names), group_markers(names)
    k = len(values)
    ncols = min(k, 4 if column == "double" else 2)
    nrows = math.ceil(k / ncols)
    rows_mode = n <= max_tick_labels

    if rows_mode:
        font = _interp_font(n, few=30, many=60, big=_FONT_SMALL, small=5.5)
        panel_h = max(1.2, n * font * 1.5 / 72)
    else:
        panel_h = max(1.3, 0.45 * len(names) + 0.4)
    label_room = 1.2 if rows_mode else 0.2 + 0.065 * max(len(g) for g in names)
    label_chars = max(10, int((width - label_room) / ncols * 72 / (0.6 * _FONT_BODY)))
    with style_context():
        fig = _new_figure(width, nrows * (panel_h + 0.45) + 0.55 + (0.25 if title else 0.0))
        axes = fig.subplots(nrows, ncols, sharey=True, squeeze=False)
        for j, (name, arr) in enumerate(values.items()):
            ax = axes[j // ncols][j % ncols]
            if rows_mode:
                _dot_panel(
                    ax, arr, order, [str(groups[i]) for i in order], colours, markers,
                    interval=bounds.get(name),
                )
            else:
                _strip_panel(ax, arr, [str(g) for g in groups], names, colours, markers)
            # Constrained layout ignores how far an x label overhangs its axes: wrap it.
            ax.set_xlabel(textwrap.fill(name, width=label_chars))
            ax.grid(True, axis="x", color=_GRID_COLOUR, linewidth=0.4)
            ax.set_axisbelow(True)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4))  # narrow panels: few ticks
        for j in range(k, nrows * ncols):
            axes[j // ncols][j % ncols].set_visible(False)
        first = axes[0][0]
        if rows_mode:
            first.set_ylim(n - 0.5, -0.5)
            first.set_yticks(range(n), labels=[str(ids[i]) for i in order], fontsize=font)
            for row in axes:
                for tick, i in zip(row[0].get_yticklabels(), order):
                    tick.set_color(_text_colour(colours[str(groups[i])]))
        else:
            first.set_ylim(len(names) - 0.5, -0.5)
            first.set_yticks(range(len(names)), labels=names)
            for row in axes:
                for tick, g in zip(row[0].get_yticklabels(), names):
                    tick.set_color(_text_colour(colours[g]))
        for row in axes:
            for ax in row[1:]:
                ax.tick_params(axis="y", left=False)
            row[0].tick_params(axis="y", length=0)
        _legend(fig, names, strip=False, title=title)
        if note:
            fig.supxlabel(textwrap.fill(note, width=int(width * 72 / (0.55 * _FONT_SMALL))),
                          fontsize=_FONT_SMALL, color="#444444")
        return _finish(fig)


def _dot_panel(
    ax: Axes,
    arr: np.ndarray,
    order: Sequence[int],
    row_groups: Sequence[str],
    colours: Mapping[str, str],
    markers: Mapping[str, str],
    interval: tuple[np.ndarray, np.ndarray] | None = None,
) -> None:
    """One dot per document, one row each (rows in ``order``), with its interval as a whisker."""
    y = np.arange(len(order))
    x = arr[order]
    if interval is not None:
        lo, hi = interval[0][order], interval[1][order]
        ok = np.isfinite(lo) & np.isfinite(hi)
        whisker = [_text_colour(colours[g]) for g in row_groups]
        ax.hlines(y[ok], lo[ok], hi[ok], colors=[whisker[r] for r in np.flatnonzero(ok)],
                  linewidth=0.8, alpha=0.8, zorder=2)
    # Thin separators between groups keep the eye within a group.
    for r in range(1, len(order)):
        if row_groups[r] != row_groups[r - 1]:
            ax.axhline(r - 0.5, color="#AAAAAA", linewidth=0.5, linestyle=(0, (2, 2)))
    ax.yaxis.grid(True, color="#F0F0F0", linewidth=0.4)
    for g in sorted(set(row_groups)):
        sel = np.array([rg == g for rg in row_groups]) & np.isfinite(x)
        ax.scatter(
            x[sel],
            y[sel],
            s=14,
            marker=markers[g],
            c=colours[g],
            edgecolors="white",
            linewidths=0.3,
            zorder=3,
        )


def _strip_panel(
    ax: Axes,
    arr: np.ndarray,
    groups: Sequence[str],
    names: Sequence[str],
    colours: Mapping[str, str],
    markers: Mapping[str, str],
) -> None:
    """One band per group: every document a dot, the group median a black bar."""
    g_arr = np.array(groups, dtype=object)
    golden = (math.sqrt(5) - 1) / 2
    for row, g in enumerate(names):
        vals = arr[(g_arr == g) & np.isfinite(arr)]
        if vals.size == 0:
            continue
        # Low-discrepancy vertical offsets: deterministic, and evenly spread in the band.
        offs = ((np.arange(vals.size) * golden + 0.5) % 1.0 - 0.5) * 0.6
        ax.scatter(
            vals,
            row + offs,
            s=9,
            marker=markers[g],
            c=colours[g],
            edgecolors="none",
            alpha=0.75,
            zorder=3,
        )
        if vals.size < 2:
            continue
        med = float(np.median(vals))
        ax.plot([med, med], [row - 0.38, row + 0.38], color="black", linewidth=1.2, zorder=4)


# ---------------------------------------------------------------------------------------------
# PCA biplot
# ---------------------------------------------------------------------------------------------

_LOADING_COLOUR = "#555555"
# Labels sit on a faint white box, so that an arrow passing beneath does not cut the text.
_LABEL_BOX = {"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none",
              "alpha": 0.75}


def _place_and_annotate(
    fig: Figure,
    ax: Axes,
    xy: np.ndarray,
    labels: Sequence[str],
    styles: Sequence[Mapping[str, object]],
) -> None:
    """Labels for the points ``xy`` of ``ax``, placed together so none overlaps another
    (:func:`_place_labels`); ``styles`` gives each label's text properties (fontsize, color,
    fontstyle, ...)."""
    fig.draw_without_rendering()  # final axes geometry and limits
    renderer = fig.canvas.get_renderer()
    px_per_pt = fig.dpi / 72.0
    texts = [fig.text(0, 0, s, **style) for s, style in zip(labels, styles)]
    sizes = np.array([[t.get_window_extent(renderer).width,
                       t.get_window_extent(renderer).height] for t in texts])
    for t in texts:
        t.remove()
    bbox = ax.get_window_extent(renderer)
    placement = _place_labels(
        ax.transData.transform(xy), sizes, radius=3.0 * px_per_pt,
        bounds=(bbox.x0, bbox.y0, bbox.x1, bbox.y1),
    )
    for (x, y), s, style, (dx, dy, ha, va, ring) in zip(xy, labels, styles, placement):
        ax.annotate(
            s, xy=(x, y), xytext=(dx / px_per_pt, dy / px_per_pt), textcoords="offset points",
            ha=ha, va=va, annotation_clip=False, arrowprops=(_LEADER if ring > 0 else None),
            zorder=4, **style,
        ).set_in_layout(False)


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
        Document scores; the first two columns are drawn (:func:`wordprint.cluster.maps.pca`).
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
    width = _check_column(column)
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
    _check_labels_groups(labels, groups, n)
    xy, L2 = S[:, :2], L[:, :2]
    per_axis = min(max(3, n_loadings // 2), len(L2)) if n_loadings else 0

    names = _sorted_groups(groups)
    colours, markers = group_colours(names), group_markers(names)
    labelled = n <= max_labels
    groups_arr = np.array([str(g) for g in groups], dtype=object)
    single = column == "single"
    axis_titles = (f"PC1 ({100 * float(explained[0]):.1f} %)",
                   f"PC2 ({100 * float(explained[1]):.1f} %)")
    with style_context():
        if single:  # the words below the documents
            fig = _new_figure(width, width * (1.05 + (0.9 if per_axis else 0.0)))
            grid = fig.add_gridspec(3, 1, height_ratios=[2.4, 1, 1]) if per_axis else None
            ax = fig.add_subplot(grid[0] if grid else 111)
            word_axes = [fig.add_subplot(grid[1]), fig.add_subplot(grid[2])] if grid else []
        else:  # the words beside the documents
            fig = _new_figure(width, width * 0.78)
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
        ax.grid(True, color=_GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        ax.margins(0.12)
        _legend(fig, names, strip=False, title=title)
        font = _FONT_SMALL - (0.5 if n > 30 else 0) - (0.5 if single else 0)
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
                               fontsize=_FONT_SMALL)
            words_ax.tick_params(axis="x", labelsize=_FONT_SMALL - 1)
            words_ax.xaxis.grid(True, color=_GRID_COLOUR, linewidth=0.4)
            words_ax.set_axisbelow(True)
            if k == len(word_axes) - 1:
                words_ax.set_xlabel("loading")
        if labelled and n:
            styles = [
                {"fontsize": font, "color": _text_colour(colours[str(g)]), "bbox": _LABEL_BOX}
                for g in groups
            ]
            _place_and_annotate(fig, ax, xy, [str(s) for s in labels], styles)
        return _finish(fig)


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
        ``[sorted(c.members) for c in tree.clades]`` of :func:`wordprint.cluster.consensus.consensus_tree`.
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
    from wordprint.cluster.consensus import clade_children  # the tree structure of nested clades

    width = _check_column(column)
    n = len(labels)
    _check_labels_groups(labels, groups, n)
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
    names = _sorted_groups(groups)
    colours = group_colours(names)
    font = _interp_font(n, few=30, many=200, big=7.0, small=5.0)
    pitch = font * 1.5 / 72
    fig_height = max(2.6, n * pitch + 1.5)
    with style_context():
        fig = _new_figure(width, fig_height)
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

        _group_strip(strip_ax, leaf_groups, names, vertical=True)
        strip_ax.set_xticks([])
        strip_ax.yaxis.tick_right()
        strip_ax.set_yticks(range(n), labels=leaf_labels, fontsize=font)
        strip_ax.tick_params(axis="y", pad=2)
        for tick, g in zip(strip_ax.get_yticklabels(), leaf_groups):
            tick.set_color(_text_colour(colours[g]))
        _legend(fig, names, strip=True, title=title)
        return _finish(fig)


# ---------------------------------------------------------------------------------------------
# Scores against the number of MFW
# ---------------------------------------------------------------------------------------------

#: Axis titles of the cluster-quality scores (wordprint.cluster.hierarchy.cluster_scores).
SCORE_LABELS: dict[str, str] = {
    "ari": "Adjusted Rand index",
    "homogeneity": "Homogeneity",
    "completeness": "Completeness",
    "v_measure": "V-measure",
    "purity": "Purity",
    "nn_accuracy": "Nearest-neighbour accuracy",
}

#: One marker per line; with the 8 Okabe--Ito colours, 8 x 12 distinct line styles.
_LINE_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">", "h", "p")


def score_by_mfw_figure(
    table: Mapping[str, Sequence[object]],
    *,
    score: str = "ari",
    title: str = "",
    measure_labels: Mapping[str, str] | None = None,
    column: Column = "double",
) -> Figure:
    """A clustering score against the number of MFW, one line per distance measure.

    As Evert et al. (2017) draw it: the number of most frequent words on a logarithmic x axis
    (when the settings span a factor of 10 or more; every setting is a tick up to 12 settings,
    beyond that the 1-2-5 steps and both ends on a log axis, every k-th setting otherwise),
    the score on the y axis, one line with markers per measure. Each line has its own
    Okabe--Ito colour (darkened where needed to a 3:1 contrast with white) and marker shape,
    and lines beyond the eighth are dashed, so lines stay apart in greyscale and with
    colour-vision deficiency. Lines are dodged sideways by a small step each (a fortieth of a
    decade on a log axis, of the MFW range otherwise), so measures with the same score at
    the same MFW stay visible side by side; the ticks and the saved data keep the true MFW. The figure grows taller with the legend. Measures are listed in
    the legend in the order they first appear in the table.

    Parameters
    ----------
    table : mapping of str to sequence
        Columns ``measure``, ``mfw`` and ``score`` (a dict of lists or a pandas DataFrame),
        one row per measure and MFW setting, e.g. the cluster-scores table.
    score : str
        The column to draw: ``ari`` (default), ``v_measure``, ``purity``, ... (any column).
    title : str
        Figure title; ``""`` for none.
    measure_labels : mapping of str to str, optional
        Display names of the measures, e.g. ``{"cosine_delta": "Cosine Delta"}``.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> t = {"measure": ["burrows", "burrows", "cosine_delta", "cosine_delta"],
    ...      "mfw": [100, 1000, 100, 1000], "ari": [0.6, 0.8, 0.7, 1.0]}
    >>> fig = score_by_mfw_figure(t, measure_labels={"burrows": "Classic Delta"})
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['Classic Delta', 'cosine_delta']

    References
    ----------
    Evert, S., Proisl, T., Jannidis, F., Reger, I., Pielström, S., Schöch, C. & Vitt, T.
    (2017). Understanding and explaining Delta measures for authorship attribution. *Digital
    Scholarship in the Humanities* 32(suppl. 2), ii4-ii16.
    Hubert, L. & Arabie, P. (1985). Comparing partitions. *Journal of Classification* 2(1),
    193-218.
    """
    from wordprint.cluster.maps import score_series  # groups the rows into one curve per measure

    width = _check_column(column)
    series = score_series(table, score=score)
    if not series:
        raise ValueError("table has no rows to draw")
    shown = measure_labels or {}
    xs_all = np.concatenate([xs for xs, _ in series.values()])
    ys_all = np.concatenate([ys for _, ys in series.values()])
    if np.any(xs_all <= 0) or not np.all(np.isfinite(xs_all)):
        raise ValueError("mfw must hold positive numbers")
    finite = ys_all[np.isfinite(ys_all)]
    log_x = xs_all.max() / xs_all.min() >= 10
    names = [shown.get(name, name) for name in series]
    per_col = 0.55 + 0.06 * max(len(str(s)) for s in names)
    ncols = max(1, min(len(names), int(width // per_col)))
    legend_in = math.ceil(len(names) / ncols) * 0.17 + (0.25 if title else 0.0)
    with style_context():
        fig = _new_figure(width, (3.2 if column == "double" else 2.4) + legend_in)
        ax = fig.add_subplot()
        handles = []
        span = np.log10(xs_all.max() / xs_all.min()) if log_x else xs_all.max() - xs_all.min()
        step = (1 / 40 if log_x else max(span, 1.0) / 150) if len(series) > 1 else 0.0
        for k, (name, (xs, ys)) in enumerate(series.items()):
            shift = step * (k - (len(series) - 1) / 2)
            xs = xs * 10**shift if log_x else xs + shift
            # Okabe-Ito hues, darkened where needed to a 3:1 contrast with white (WCAG 2.1,
            # non-text graphics), so the yellow and sky-blue lines stay visible.
            colour = _text_colour(OKABE_ITO[k % len(OKABE_ITO)], min_contrast=3.0)
            style = "-" if k < len(OKABE_ITO) else (0, (4, 2))
            (line,) = ax.plot(
                xs, ys, color=colour, linestyle=style, linewidth=1.0,
                marker=_LINE_MARKERS[k % len(_LINE_MARKERS)], markersize=4.0,
                markeredgecolor="white", markeredgewidth=0.4, label=names[k], zorder=3,
            )
            handles.append(line)
        if log_x:
            ax.set_xscale("log")
        ticks = np.unique(xs_all)
        if len(ticks) > 12 and log_x:  # a long MFW range: label 1-2-5 steps and the ends
            lead = ticks / 10 ** np.floor(np.log10(ticks))
            nice = np.isin(np.round(lead, 9), (1.0, 2.0, 5.0))
            nice[[0, -1]] = True
            ticks = ticks[nice]
        elif len(ticks) > 12:  # label every k-th setting
            ticks = ticks[:: math.ceil(len(ticks) / 10)]
        if len(ticks) <= 12:
            ax.set_xticks(ticks, labels=[f"{t:g}" for t in ticks])
            ax.minorticks_off()
            if len(ticks) > (5 if column == "single" else 10):
                ax.tick_params(axis="x", labelrotation=45)
        ax.set_xlabel("Number of most frequent words (MFW)")
        ax.set_ylabel(SCORE_LABELS.get(score, score))
        if finite.size and finite.max() <= 1.0:
            low = min(0.0, float(finite.min()) - 0.05)
            ax.set_ylim(low, 1.03)
        ax.grid(True, color=_GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        fig.legend(
            handles=handles, loc="outside upper center", ncols=ncols,
            handlelength=2.4, handletextpad=0.4, columnspacing=1.2, borderaxespad=0.2,
            title=title or None, title_fontproperties={"size": STYLE["figure.titlesize"]},
        )
        return _finish(fig)


__all__ += ["consensus_tree_figure", "pca_biplot_figure", "score_by_mfw_figure"]


# ---------------------------------------------------------------------------------------------
# Corpus comparison: keyness bars, Zeta scatter, vocabulary growth
# ---------------------------------------------------------------------------------------------

#: Colours of the two sides of a comparison (Okabe--Ito vermillion and blue), in every
#: comparison figure: the target and the reference.
SIDE_COLOURS: tuple[str, str] = (OKABE_ITO[1], OKABE_ITO[0])
#: A side made of several groups (the rest of the corpus) has no group colour of its own.
_MIXED_SIDE = "#666666"


def side_colours(target_groups: Sequence[str], reference_groups: Sequence[str],
                 all_groups: Sequence[str]) -> tuple[str, str]:
    """The colours of a comparison's two sides, as every other figure of the run colours their
    groups (:func:`group_colours` of ``all_groups``): a side whose documents are all of one
    group takes that group's colour, a mixed side dark grey. Two sides that would look alike
    take :data:`SIDE_COLOURS` instead.

    Examples
    --------
    >>> groups = ["Democratic", "Republican", "essay", "Democratic", "Republican"]
    >>> side_colours(["essay"], ["Democratic", "Republican"], groups)
    ('#009E73', '#666666')
    >>> side_colours(["Democratic"], ["Democratic"], groups) == SIDE_COLOURS
    True
    """
    palette = group_colours(all_groups)
    chosen = tuple(
        palette[str(next(iter(set(side))))] if len(set(side)) == 1 else _MIXED_SIDE
        for side in (target_groups, reference_groups)
    )
    return SIDE_COLOURS if chosen[0] == chosen[1] else chosen  # type: ignore[return-value]


def _side_legend(
    fig: Figure,
    labels: Sequence[str],
    *,
    title: str,
    open_label: str = "",
    colours: Sequence[str] = SIDE_COLOURS,
) -> None:
    """A header legend of the two sides' colours (and the open bar), as :func:`_legend`."""
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=c, edgecolor=c, label=s) for c, s in zip(colours, labels)]
    if open_label:
        handles.append(Patch(facecolor="white", edgecolor="#555555", linewidth=0.8,
                             label=open_label))
    per_col = 0.45 + 0.065 * max(min(len(h.get_label()), 60) for h in handles)
    ncols = max(1, min(len(handles), int(fig.get_figwidth() // per_col)))
    fig.legend(handles=handles, loc="outside upper center", ncols=ncols, handlelength=1.2,
               handletextpad=0.4, columnspacing=1.2, borderaxespad=0.2, title=title or None,
               title_fontproperties={"size": STYLE["figure.titlesize"]})


def keyness_figure(
    terms: Sequence[str],
    log_ratio: Sequence[float],
    sign: Sequence[int],
    significant: Sequence[bool],
    *,
    target_label: str,
    reference_label: str,
    title: str = "",
    note: str = "",
    column: Column = "double",
    low: Sequence[float | None] | None = None,
    high: Sequence[float | None] | None = None,
    colours: tuple[str, str] = SIDE_COLOURS,
) -> Figure:
    """Two-sided bar chart of key terms: the target's to the right, the reference's to the left.

    One row per term: the terms key in the target (``sign`` +1) at the top in the order
    given, then those key in the reference (``sign`` -1). The bar is the term's Log Ratio
    (Hardie 2014), the effect size: each unit doubles the ratio of relative frequencies.
    Significant terms have filled bars, the others open ones; each bar is labelled with its
    term at its outer end. Colours are the two sides' (:data:`SIDE_COLOURS`). With ``low`` and
    ``high`` each bar carries a whisker, its Log Ratio's interval, and the term sits beyond it.

    Parameters
    ----------
    terms, log_ratio, sign, significant : sequences of equal length
        The terms to draw, e.g. the top terms each way of a
        :func:`wordprint.compare.sides.keyness_table`, in display order within each side.
    low, high : sequences of float or None, optional
        An interval of each term's Log Ratio (e.g. its bootstrap interval,
        :func:`wordprint.uncertainty.log_ratio_intervals`); None or NaN: no whisker.
    target_label, reference_label : str
        The sides' names, for the legend.
    title : str
        Figure title; ``""`` for none.
    note : str
        A second line under the x axis, e.g. how terms were ranked and what is significant.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = keyness_figure(["trotsky", "we"], [11.9, -3.1], [1, -1], [True, True],
    ...                      target_label="essay", reference_label="addresses")
    >>> fig.axes[0].get_xlabel().splitlines()[0]
    'Log Ratio (log2 of the ratio of relative frequencies)'

    References
    ----------
    Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches
    to Social Science (CASS), Lancaster University.
    """
    width = _check_column(column)
    n = len(terms)
    if n == 0:
        raise ValueError("keyness_figure needs at least one term")
    for name, values in (("log_ratio", log_ratio), ("sign", sign), ("significant", significant)):
        if len(values) != n:
            raise ValueError(f"{name} has {len(values)} entries, expected {n} (one per term)")
    lr = np.asarray(log_ratio, dtype=float)
    if not np.all(np.isfinite(lr)):
        raise ValueError("log_ratio must be finite (no NaN or inf)")
    whiskers = []
    for name, values in (("low", low), ("high", high)):
        values = [np.nan] * n if values is None else values
        if len(values) != n:
            raise ValueError(f"{name} has {len(values)} entries, expected {n} (one per term)")
        whiskers.append(np.array([np.nan if v is None else v for v in values], dtype=float))
    lows, highs = whiskers
    ok = np.isfinite(lows) & np.isfinite(highs)
    # Where each bar's label goes: past the bar or its whisker, whichever reaches further out.
    ends = np.where(
        lr >= 0, np.fmax(lr, np.where(ok, highs, lr)), np.fmin(lr, np.where(ok, lows, lr))
    )
    sides = np.asarray(sign, dtype=int)
    order = [i for i in range(n) if sides[i] > 0] + [i for i in range(n) if sides[i] <= 0]
    n_target = int((sides > 0).sum())
    # Rows top to bottom, a small gap between the two sides.
    y = np.array([k + (0.6 if k >= n_target else 0.0) for k in range(n)])
    font = _interp_font(n, few=30, many=80, big=_FONT_SMALL, small=5.5)
    pitch = font * 1.7 / 72
    with style_context():
        fig = _new_figure(width, max(2.2, n * pitch + 1.5))
        ax = fig.add_subplot()
        texts = []
        for row, i in zip(y, order):
            colour = colours[0] if sides[i] > 0 else colours[1]
            filled = bool(significant[i])
            ax.barh(row, lr[i], height=0.72, color=colour if filled else "white",
                    edgecolor=colour, linewidth=0.8, zorder=3)
            outward = 1 if lr[i] >= 0 else -1
            if ok[i]:
                ax.plot([lows[i], highs[i]], [row, row], color="#222222", linewidth=0.7,
                        solid_capstyle="butt", zorder=4)
                ax.plot([lows[i]] * 2 + [np.nan] + [highs[i]] * 2,
                        [row - 0.2, row + 0.2, np.nan, row - 0.2, row + 0.2],
                        color="#222222", linewidth=0.7, zorder=4)
            texts.append(ax.annotate(
                str(terms[i]), xy=(ends[i], row), xytext=(2.5 * outward, 0),
                textcoords="offset points", ha="left" if outward > 0 else "right", va="center",
                fontsize=font, color=_text_colour(colour), annotation_clip=False,
            ))
        ax.axvline(0, color="#333333", linewidth=0.6, zorder=4)
        if 0 < n_target < n:
            ax.axhline(n_target - 0.2, color="#AAAAAA", linewidth=0.5, linestyle=(0, (2, 2)))
        ax.set_ylim(y[-1] + 0.7, -0.7)
        ax.tick_params(axis="y", left=False, labelleft=False)
        ax.spines["left"].set_visible(False)
        ax.grid(True, axis="x", color=_GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        label = "Log Ratio (log2 of the ratio of relative frequencies)"
        ax.set_xlabel(f"{label}\n{note}" if note else label)
        _side_legend(
            fig,
            [f"key in {target_label}", f"key in {reference_label}"],
            title=title,
            open_label="not significant" if not all(bool(s) for s in significant) else "",
            colours=colours,
        )
        # Widen the x range until every term fits beside its bar.
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
        widths = np.array([t.get_window_extent(renderer).width for t in texts]) + 4.0
        axes_px = ax.get_window_extent(renderer).width
        values, outer = lr[order], ends[order]
        inner_lo = float(np.min(np.where(ok, lows, lr), initial=0.0))
        inner_hi = float(np.max(np.where(ok, highs, lr), initial=0.0))
        lo, hi = min(0.0, float(outer.min()), inner_lo), max(0.0, float(outer.max()), inner_hi)
        span = (hi - lo) or 1.0
        for _ in range(6):  # a fixed point: labels take a share of the span they define
            per_px = span / axes_px
            hi = max(inner_hi, float(np.max(np.where(values >= 0, outer + widths * per_px, 0.0))))
            lo = min(inner_lo, float(np.min(np.where(values < 0, outer - widths * per_px, 0.0))))
            span = hi - lo
        ax.set_xlim(lo - 0.02 * span, hi + 0.02 * span)
        return _finish(fig)


def zeta_figure(
    terms: Sequence[str],
    p_target: Sequence[float],
    p_reference: Sequence[float],
    *,
    labelled: Sequence[bool],
    target_label: str,
    reference_label: str,
    segments: tuple[int, int] | None = None,
    title: str = "",
    column: Column = "double",
    colours: tuple[str, str] = SIDE_COLOURS,
) -> Figure:
    """Craig's Zeta as a map: each word's share of target segments against reference segments.

    As stylo's ``oppose()`` and pyzeta's type scatter: x is the proportion of target segments
    that contain the word, y the proportion of reference segments. Words on the diagonal have
    no preference; the target's markers lie towards the lower right, the reference's towards
    the upper left (Zeta = x - y). Every word is a small grey dot (words at the same place
    drawn once); the words in ``labelled`` are coloured by the side they mark and labelled,
    placed so that no label overlaps another.

    Parameters
    ----------
    terms, p_target, p_reference : sequences of equal length
        A :func:`wordprint.compare.zeta.zeta` table's columns.
    labelled : sequence of bool
        Which words to label (e.g. :func:`wordprint.compare.sides.extremes` of the zeta column).
    target_label, reference_label : str
        The sides' names, for the axes.
    segments : tuple of int, optional
        Number of segments on each side, named in the axis titles.
    title : str
        Figure title; ``""`` for none.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = zeta_figure(["war", "the", "peace"], [1.0, 1.0, 0.0], [0.0, 1.0, 1.0],
    ...                   labelled=[True, False, True], target_label="A", reference_label="B")
    >>> fig.axes[0].get_xlabel()
    'Share of A segments containing the word'

    References
    ----------
    Craig, H. & Kinney, A. F. (eds.) (2009). Shakespeare, Computers, and the Mystery of
    Authorship. Cambridge University Press.
    Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for
    computational text analysis. *The R Journal* 8(1), 107-121.
    """
    width = _check_column(column)
    n = len(terms)
    x = np.asarray(p_target, dtype=float)
    yv = np.asarray(p_reference, dtype=float)
    mask = np.asarray(labelled, dtype=bool)
    if x.shape != (n,) or yv.shape != (n,) or mask.shape != (n,):
        raise ValueError(
            f"p_target, p_reference and labelled must have one entry per term ({n}), got "
            f"{x.shape}, {yv.shape} and {mask.shape}"
        )
    if n and not (np.all((x >= 0) & (x <= 1)) and np.all((yv >= 0) & (yv <= 1))):
        raise ValueError("p_target and p_reference must be proportions between 0 and 1")
    counts = ("", "") if segments is None else tuple(f" {s:,}" for s in segments)
    with style_context():
        fig = _new_figure(width, width * (0.9 if column == "double" else 1.1))
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1], color="#999999", linewidth=0.6, linestyle=(0, (3, 3)), zorder=1)
        background = np.unique(np.column_stack([x[~mask], yv[~mask]]), axis=0)
        if len(background):
            ax.scatter(background[:, 0], background[:, 1], s=4, c="#9A9A9A", linewidths=0,
                       alpha=0.5, zorder=2)
        picked = np.flatnonzero(mask)
        point_colours = [colours[0] if x[i] >= yv[i] else colours[1] for i in picked]
        if len(picked):
            ax.scatter(x[picked], yv[picked], s=16, c=point_colours, edgecolors="white",
                       linewidths=0.4, zorder=3)
        ax.set_xlim(-0.03, 1.03)
        ax.set_ylim(-0.03, 1.03)
        ax.set_aspect("equal")
        ax.set_xlabel(f"Share of{counts[0]} {target_label} segments containing the word")
        ax.set_ylabel(f"Share of{counts[1]} {reference_label} segments containing the word")
        ax.grid(True, color=_GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        _side_legend(fig, [f"marks {target_label}", f"marks {reference_label}"], title=title,
                     colours=colours)
        if len(picked):
            font = _FONT_SMALL - (0.5 if len(picked) > 30 else 0.0)
            styles = [{"fontsize": font, "color": _text_colour(c), "bbox": _LABEL_BOX}
                      for c in point_colours]
            _place_and_annotate(fig, ax, np.column_stack([x[picked], yv[picked]]),
                                [str(terms[i]) for i in picked], styles)
        return _finish(fig)


def growth_figure(
    curves: Sequence[tuple[Sequence[float], Sequence[float]]],
    labels: Sequence[str],
    groups: Sequence[str],
    *,
    dashed: Sequence[bool] | None = None,
    palette: Sequence[str] | None = None,
    title: str = "",
    max_labels: int = 12,
    column: Column = "double",
) -> Figure:
    """Vocabulary growth curves: types against tokens, one line per text, coloured by group.

    Each curve is ``(tokens, types)``, the number of distinct words seen after each number of
    tokens (:func:`wordprint.compare.concordance.vocabulary_growth`). When the longest text is ten
    times the shortest or more, both axes are logarithmic (Heaps' law makes the curves
    near-straight lines there). Up to ``max_labels`` curves each gets its label at its end;
    with more, only the curves of groups with at most two curves are labelled (the texts the
    comparison is about, typically), the rest are told apart by group colour only.

    Parameters
    ----------
    curves : sequence of (tokens, types) pairs
        One curve per text.
    labels, groups : sequence of str
        Label and group of each curve.
    dashed : sequence of bool, optional
        Curves drawn dashed, e.g. views other than the full text.
    palette : sequence of str, optional
        The groups whose colours the run uses (e.g. every catalog group), so that a group
        keeps its colour when only some groups are drawn; default ``groups``.
    title : str
        Figure title; ``""`` for none.
    max_labels : int
        Largest number of curves that all get labels.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = growth_figure([([100, 200], [60, 100]), ([100, 150], [50, 70])], ["a", "b"],
    ...                     ["x", "y"])
    >>> fig.axes[0].get_ylabel()
    'Types (distinct words)'

    References
    ----------
    Baayen, R. H. (2001). *Word Frequency Distributions*. Kluwer Academic Publishers.
    Heaps, H. S. (1978). *Information Retrieval: Computational and Theoretical Aspects*.
    Academic Press.
    """
    width = _check_column(column)
    n = len(curves)
    _check_labels_groups(labels, groups, n)
    if dashed is not None and len(dashed) != n:
        raise ValueError(f"dashed has {len(dashed)} entries, expected {n} (one per curve)")
    arrays = []
    for k, (tok, typ) in enumerate(curves):
        tok, typ = np.asarray(tok, dtype=float), np.asarray(typ, dtype=float)
        if tok.ndim != 1 or tok.shape != typ.shape or tok.size == 0:
            raise ValueError(f"curve {k} must be two non-empty 1-D arrays of equal length")
        if np.any(tok <= 0) or np.any(typ <= 0):
            raise ValueError(f"curve {k}: tokens and types must be positive")
        arrays.append((tok, typ))
    all_names = _sorted_groups(list(palette) if palette is not None else groups)
    missing = sorted(set(map(str, groups)) - set(all_names))
    colours = group_colours(all_names + missing)
    shown = [g for g in all_names + missing if g in set(map(str, groups))]
    lengths = np.array([tok[-1] for tok, _ in arrays])
    log = lengths.max() / lengths.min() >= 10
    sizes = Counter(str(g) for g in groups)
    if n <= max_labels:
        labelled = list(range(n))
    else:
        labelled = [k for k in range(n) if sizes[str(groups[k])] <= 2][:max_labels]
    with style_context():
        fig = _new_figure(width, width * (0.62 if column == "double" else 0.85))
        ax = fig.add_subplot()
        # Many curves: the labelled ones (texts of small groups, the ones asked about) drawn
        # bold over a faint background of the others, which then read as their groups' band.
        many = n > max_labels
        for k, (tok, typ) in enumerate(arrays):
            style = (0, (4, 2)) if dashed is not None and dashed[k] else "-"
            front = k in labelled
            ax.plot(tok, typ, color=colours[str(groups[k])], linestyle=style,
                    linewidth=1.4 if many and front else (0.6 if many else 0.9),
                    alpha=0.9 if front or not many else 0.35, zorder=3 if front else 2)
        if log:
            ax.set_xscale("log")
            ax.set_yscale("log")
        ax.set_xlabel("Tokens read" + (" (log scale)" if log else ""))
        ax.set_ylabel("Types (distinct words)")
        ax.grid(True, color=_GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        ax.margins(x=0.08, y=0.05)
        handles = [
            Line2D([], [], color=colours[g], linewidth=1.4, label=g) for g in shown
        ]
        if dashed is not None and any(dashed):
            handles.append(Line2D([], [], color="#555555", linewidth=1.0, linestyle=(0, (4, 2)),
                                  label="other views (own words, quotations)"))
        per_col = 0.55 + 0.065 * max(min(len(h.get_label()), 40) for h in handles)
        fig.legend(handles=handles, loc="outside upper center",
                   ncols=max(1, min(len(handles), int(width // per_col))), handlelength=2.0,
                   handletextpad=0.4, columnspacing=1.2, borderaxespad=0.2,
                   title=title or None, title_fontproperties={"size": STYLE["figure.titlesize"]})
        if labelled:
            ends = np.array([[arrays[k][0][-1], arrays[k][1][-1]] for k in labelled])
            styles = [{"fontsize": _FONT_SMALL - 0.5,
                       "color": _text_colour(colours[str(groups[k])]), "bbox": _LABEL_BOX}
                      for k in labelled]
            _place_and_annotate(fig, ax, ends, [str(labels[k]) for k in labelled], styles)
        return _finish(fig)


__all__ += ["SIDE_COLOURS", "growth_figure", "keyness_figure", "side_colours", "zeta_figure"]


# ---------------------------------------------------------------------------------------------
# Attribution: who wrote the questioned texts, and rolling Delta along one text
# ---------------------------------------------------------------------------------------------

SCORE_LABELS.update({
    "accuracy": "Cross-validated accuracy",
    "macro_f1": "Macro-averaged F1",
    "macro_precision": "Macro-averaged precision",
    "macro_recall": "Macro-averaged recall",
})

#: Fill of the shaded stretches of a text (quotations) and of the grey zone.
_SHADE = "#E4E4E4"


def _author_styles(
    authors: Sequence[str], palette: Sequence[str] | None
) -> tuple[dict[str, str], dict[str, str]]:
    """Colour (Okabe--Ito, darkened to 3:1 on white) and marker of each author.

    Authors take their place in ``palette`` (every author of the run, in one order, so that
    an author keeps the same colour in every figure of the run), then the authors missing from
    it in the order given.
    """
    order = list(dict.fromkeys([*(palette or []), *authors]))
    drawn = [a for a in order if a in set(authors)]
    n = len(OKABE_ITO)
    # Beyond 8 authors the palette repeats; two authors drawn together never share a colour
    # while a free one is left (the later one takes the first free colour).
    used: set[int] = set()
    index: dict[str, int] = {}
    for a in drawn:
        k = order.index(a) % n
        if k in used and len(used) < n:
            k = min(set(range(n)) - used)
        used.add(k)
        index[a] = k
    colours = {a: _text_colour(OKABE_ITO[k], min_contrast=3.0) for a, k in index.items()}
    markers = {a: _LINE_MARKERS[order.index(a) % len(_LINE_MARKERS)] for a in drawn}
    return colours, markers


def attribution_figure(
    samples: Sequence[str],
    shares: Mapping[str, Sequence[float]],
    *,
    settings: int = 0,
    verification: Mapping[str, Sequence[float]] | None = None,
    grey_zone: tuple[float, float] | None = None,
    palette: Sequence[str] | None = None,
    title: str = "",
    column: Column = "double",
) -> Figure:
    """Who wrote each questioned text: the share of settings per author, and verification.

    Left panel: one stacked bar per questioned text (top to bottom in the order given), each
    segment the share of the attribution settings (classifier x MFW) that name an author.
    Right panel (with ``verification``): each candidate's General Impostors score for the text,
    one marker per candidate, with the calibrated grey zone shaded (scores inside it are left
    unanswered). Authors keep one colour and marker across both panels (and across the run's
    figures, with ``palette``); the legend lists them in the order of ``shares``, then of
    ``verification``.

    Parameters
    ----------
    samples : sequence of str
        The questioned texts (rows).
    shares : mapping of str to sequence of float
        Author -> share of settings naming that author, one value per sample (0 to 1).
    settings : int
        How many settings each bar counts, for the axis title (0: not shown).
    verification : mapping of str to sequence of float, optional
        Candidate -> impostors score per sample (NaN: not verified).
    grey_zone : (float, float), optional
        The calibrated (p1, p2), shaded in the right panel.
    palette : sequence of str, optional
        Every author of the run in colour order (see :func:`rolling_figure`).
    title : str
        Figure title; ``""`` for none.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = attribution_figure(["no. 49", "no. 50"], {"Madison": [1.0, 0.75],
    ...                          "Hamilton": [0.0, 0.25]}, settings=16,
    ...                          verification={"Madison": [0.9, 0.7], "Hamilton": [0.2, 0.5]},
    ...                          grey_zone=(0.4, 0.6))
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['Madison', 'Hamilton']

    References
    ----------
    Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for
    computational text analysis. *The R Journal* 8(1), 107-121.
    Koppel, M. & Winter, Y. (2014). Determining if two documents are written by the same
    author. *JASIST* 65(1), 178-187.
    """
    width = _check_column(column)
    n = len(samples)
    if n == 0:
        raise ValueError("attribution_figure needs at least one questioned text")
    table = {str(a): np.asarray(v, dtype=float) for a, v in shares.items()}
    checks = [("shares", table)]
    verify = None
    if verification is not None:
        verify = {str(a): np.asarray(v, dtype=float) for a, v in verification.items()}
        checks.append(("verification", verify))
    for name, values in checks:
        for author, v in values.items():
            if v.shape != (n,):
                raise ValueError(f"{name}[{author!r}] has {v.size} values, expected {n}")
            finite = v[np.isfinite(v)]
            if name == "shares" and not np.all(np.isfinite(v)):
                raise ValueError(f"shares[{author!r}] must be finite")
            if np.any((finite < 0) | (finite > 1)):
                raise ValueError(f"{name}[{author!r}] must hold values between 0 and 1")
    if grey_zone is not None and not 0 <= grey_zone[0] <= grey_zone[1] <= 1:
        raise ValueError(f"grey_zone must be (p1, p2) with 0 <= p1 <= p2 <= 1, got {grey_zone}")
    authors = list(table) + [a for a in (verify or {}) if a not in table]
    colours, markers = _author_styles(authors, palette)
    font = _interp_font(n, few=12, many=60, big=_FONT_SMALL, small=5.5)
    y = np.arange(n)
    with style_context():
        fig = _new_figure(width, max(1.8, n * font * 2.3 / 72 + 1.4))
        if verify:
            ax, ax2 = fig.subplots(1, 2, sharey=True, width_ratios=[3, 2])
        else:
            ax, ax2 = fig.add_subplot(), None
        left = np.zeros(n)
        for author, v in table.items():
            ax.barh(y, v, left=left, height=0.7, color=colours[author], edgecolor="white",
                    linewidth=0.5, zorder=3)
            left += v
        ax.set_xlim(0, 1)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_yticks(y, labels=[str(s) for s in samples], fontsize=font)
        ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0, decimals=0))
        counted = f" of the {settings}" if settings else ""
        ax.set_xlabel(f"Share{counted} settings (classifier x MFW) naming the author")
        ax.grid(True, axis="x", color=_GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        if ax2 is not None:
            if grey_zone is not None:
                ax2.axvspan(*grey_zone, color=_SHADE, zorder=1, linewidth=0)
            offsets = np.linspace(-0.18, 0.18, len(verify)) if len(verify) > 1 else [0.0]
            for k, (author, v) in enumerate(verify.items()):
                ok = np.isfinite(v)
                ax2.plot(v[ok], y[ok] + offsets[k], linestyle="none", marker=markers[author],
                         markersize=4.5, color=colours[author], markeredgecolor="white",
                         markeredgewidth=0.4, zorder=3)
            ax2.set_xlim(-0.02, 1.02)
            ax2.tick_params(axis="y", left=False)
            zone = " (grey: no answer)" if grey_zone is not None else ""
            ax2.set_xlabel(f"Impostors score{zone}")
            ax2.grid(True, axis="x", color=_GRID_COLOUR, linewidth=0.4)
            ax2.set_axisbelow(True)
        handles = [Line2D([], [], linestyle="none", marker="s" if not verify else markers[a],
                          markersize=6, markerfacecolor=colours[a], markeredgecolor="white",
                          markeredgewidth=0.4, label=a) for a in authors]
        per_col = 0.45 + 0.065 * max(min(len(a), 40) for a in authors)
        fig.legend(handles=handles, loc="outside upper center",
                   ncols=max(1, min(len(handles), int(width // per_col))), handletextpad=0.3,
                   columnspacing=1.2, borderaxespad=0.2, title=title or None,
                   title_fontproperties={"size": STYLE["figure.titlesize"]})
        return _finish(fig)


def rolling_figure(
    x: Sequence[float],
    distances: Mapping[str, Sequence[float]],
    *,
    spans: Sequence[tuple[float, float]] = (),
    span_label: str = "quotation",
    window: int | None = None,
    length: int | None = None,
    measure_label: str = "Delta",
    palette: Sequence[str] | None = None,
    title: str = "",
    column: Column = "double",
) -> Figure:
    """Rolling Delta: each author's distance to the windows of one text, along the text.

    Top panel: one line per author, the distance (lower is closer) against the position of
    the window's middle in tokens, as stylo's ``rolling.delta()`` draws it; ``spans`` (e.g.
    the text's quotations, in tokens) are shaded. Bottom strip: the nearest author of each
    window. The x axis spans the whole text (``length`` tokens), so the stretches no window is
    centred on (the first and last half window) show as such. Authors get Okabe--Ito colours
    and a marker each, so the lines stay apart without colour.

    Parameters
    ----------
    x : sequence of float
        Middle of each window, in tokens from the start of the text.
    distances : mapping of str to sequence of float
        Author -> distance of each window to the author.
    spans : sequence of (float, float)
        Stretches to shade, (start, end) in tokens.
    span_label : str
        Legend name of the shaded stretches.
    window : int, optional
        Window size in tokens, for the axis title.
    length : int, optional
        Length of the text in tokens (default: the end of the last window or span).
    measure_label : str
        Name of the distance, for the axis title.
    palette : sequence of str, optional
        Every author of the run in colour order, so that an author has the same colour in
        every figure; authors not in it follow, in the order of ``distances``.
    title : str
        Figure title; ``""`` for none.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = rolling_figure([500, 600, 700], {"A": [1.0, 0.9, 1.1], "B": [1.2, 1.0, 0.8]},
    ...                      spans=[(450, 520)], window=1000)
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['A', 'B', 'quotation']

    References
    ----------
    Rybicki, J., Hoover, D. L. & Kestemont, M. (2014). Collaborative authorship: Conrad, Ford
    and rolling delta. *Literary and Linguistic Computing* 29(3), 422-431.
    Eder, M. (2016). Rolling stylometry. *Digital Scholarship in the Humanities* 31(3),
    457-469.
    """
    from matplotlib.patches import Patch

    width = _check_column(column)
    xs = np.asarray(x, dtype=float)
    if xs.ndim != 1 or xs.size == 0:
        raise ValueError("x must hold at least one window position")
    if not distances:
        raise ValueError("distances must hold at least one author")
    curves = {str(a): np.asarray(v, dtype=float) for a, v in distances.items()}
    for author, v in curves.items():
        if v.shape != xs.shape or not np.all(np.isfinite(v)):
            raise ValueError(
                f"distances[{author!r}] must hold {xs.size} finite values, one per window"
            )
    for a, b in spans:
        if b < a:
            raise ValueError(f"a span must have start <= end, got ({a}, {b})")
    rank = {a: k for k, a in enumerate(palette or [])}
    authors = sorted(curves, key=lambda a: rank.get(a, len(rank)))  # legend in palette order
    colours, markers = _author_styles(authors, palette)
    stacked = np.vstack([curves[a] for a in authors])
    nearest = np.argmin(stacked, axis=0)
    half = (xs[1] - xs[0]) / 2 if xs.size > 1 else (window or 1) / 2
    with style_context():
        fig = _new_figure(width, width * (0.5 if column == "double" else 0.75) + 0.5)
        ax, strip = fig.subplots(2, 1, sharex=True, height_ratios=[12, 1])
        for a, b in spans:
            ax.axvspan(a, b, color=_SHADE, linewidth=0, zorder=1)
            strip.axvspan(a, b, color=_SHADE, linewidth=0, zorder=1)
        every = max(1, xs.size // 25)
        for k, author in enumerate(authors):
            ax.plot(xs, curves[author], color=colours[author], linewidth=1.0, zorder=3,
                    marker=markers[author], markersize=3.0,
                    markevery=(k % every, every), markeredgecolor="white",
                    markeredgewidth=0.3, label=author)
        ax.set_ylabel(f"{measure_label} to the author\n(lower is closer)")
        ax.grid(True, color=_GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        ax.tick_params(axis="x", labelbottom=False)
        for i, pos in enumerate(xs):
            strip.axvspan(pos - half, pos + half, ymin=0.15, ymax=0.85, linewidth=0,
                          color=colours[authors[nearest[i]]], zorder=2)
        strip.set_yticks([0.5], labels=["nearest"])
        strip.set_ylim(0, 1)
        strip.tick_params(axis="y", left=False)
        strip.spines["left"].set_visible(False)
        size = f"windows of {window:,} tokens; " if window else ""
        strip.set_xlabel(f"Position in the text (tokens; {size}each point is a window's middle)")
        end = max([xs[-1] + (window or 2 * half) / 2, *(b for _, b in spans)])
        strip.set_xlim(0, length if length else end)
        handles, _ = ax.get_legend_handles_labels()
        if spans:
            handles.append(Patch(facecolor=_SHADE, edgecolor="none", label=span_label))
        per_col = 0.6 + 0.065 * max(min(len(h.get_label()), 40) for h in handles)
        fig.legend(handles=handles, loc="outside upper center",
                   ncols=max(1, min(len(handles), int(width // per_col))), handlelength=2.0,
                   handletextpad=0.4, columnspacing=1.2, borderaxespad=0.2,
                   title=title or None, title_fontproperties={"size": STYLE["figure.titlesize"]})
        return _finish(fig)


__all__ += ["attribution_figure", "rolling_figure"]


# ---------------------------------------------------------------------------------------------
# Robustness map
# ---------------------------------------------------------------------------------------------

_FRAGILE_SHADE = "#EEEEEE"


def robustness_figure(
    documents: Sequence[str],
    groups: Sequence[str],
    shares: Mapping[str, Sequence[float]],
    *,
    threshold: float = 0.75,
    settings: Sequence[int] | None = None,
    title: str = "",
    column: Column = "double",
    max_tick_labels: int = 60,
) -> Figure:
    """The robustness map: for each document, the share of settings in which its findings hold.

    One panel per conclusion (e.g. the nearest author, the cluster-mates), side by side; the x
    axis is the share of the settings (MFW x measure x normalisation x view) in which the
    reference setting's answer holds. The zone below ``threshold`` is shaded and marked
    *fragile* above the panel; a fragile finding is drawn as an open marker (robust ones are
    filled), so it reads without colour. Up to ``max_tick_labels`` documents the panels are
    dot plots with one labelled row per document, in the order given (put the least robust
    first), labels in their group's colour and in bold when a finding is fragile. Above that
    they become strip plots with one band per group, every document a dot (spread vertically
    by a fixed low-discrepancy offset), and each panel's title counts the fragile documents.

    Parameters
    ----------
    documents, groups : sequence of str, length n
        Document id and group (colour and marker, as in every figure of the run).
    shares : mapping of str to sequence of float
        Panel title (the conclusion) -> one share (0 to 1) per document; NaN is left out.
    threshold : float
        Shares below it are fragile.
    settings : sequence of int, optional
        The number of settings behind each document's shares, for the axis title.
    title : str
        Figure title; ``""`` for none.
    column : {"double", "single"}
        Page width: 7 in or 3.5 in.
    max_tick_labels : int
        Largest number of documents shown as labelled rows.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = robustness_figure(["a", "b"], ["x", "y"], {"Nearest author": [0.5, 1.0]})
    >>> fig.axes[0].get_title()
    'Nearest author: 1 of 2 fragile'

    References
    ----------
    Eder, M. (2017). Visualization in stylometry: cluster analysis using networks. *Digital
    Scholarship in the Humanities* 32(1), 50-64.
    Rybicki, J. & Eder, M. (2011). Deeper Delta across genres and languages: do we really need
    the most frequent words? *Literary and Linguistic Computing* 26(3), 315-321.
    """
    width = _check_column(column)
    n = len(documents)
    _check_labels_groups(documents, groups, n)
    if not shares:
        raise ValueError("shares must name at least one conclusion")
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must lie in (0, 1], got {threshold}")
    values: dict[str, np.ndarray] = {}
    for name, vals in shares.items():
        arr = np.asarray(vals, dtype=float)
        if arr.shape != (n,):
            raise ValueError(f"shares[{name!r}] has shape {arr.shape}, expected ({n},)")
        if np.any((arr[np.isfinite(arr)] < 0) | (arr[np.isfinite(arr)] > 1)):
            raise ValueError(f"shares[{name!r}] must hold values between 0 and 1")
        values[str(name)] = arr
    if settings is not None and len(settings) != n:
        raise ValueError(f"settings has {len(settings)} entries, expected {n}")
    groups = [str(g) for g in groups]
    names = _sorted_groups(groups)
    colours, markers = group_colours(names), group_markers(names)
    fragile = {name: np.isfinite(arr) & (arr < threshold) for name, arr in values.items()}
    rows_mode = n <= max_tick_labels
    if rows_mode:
        font = _interp_font(n, few=30, many=60, big=_FONT_SMALL, small=5.5)
        panel_h = max(1.0, n * font * 1.5 / 72)
    else:
        panel_h = max(1.3, 0.45 * len(names) + 0.4)
    counts = sorted({int(s) for s in settings}) if settings is not None else []
    if len(counts) == 1:
        counted = f"Share of the {counts[0]} settings"
    elif counts:
        counted = f"Share of settings ({counts[0]}-{counts[-1]} per document)"
    else:
        counted = "Share of settings"
    k = len(values)
    with style_context():
        fig = _new_figure(width, panel_h + 1.25 + (0.25 if title else 0.0))
        axes = fig.subplots(1, k, sharey=True, squeeze=False)[0]
        golden = (math.sqrt(5) - 1) / 2
        for ax, (name, arr) in zip(axes, values.items()):
            ax.axvspan(-0.04, threshold, color=_FRAGILE_SHADE, linewidth=0, zorder=0)
            ax.axvline(threshold, color="#555555", linewidth=0.6, linestyle=(0, (3, 2)), zorder=1)
            if rows_mode:
                y = np.arange(n, dtype=float)
                ax.yaxis.grid(True, color=_GRID_COLOUR, linewidth=0.3)
            else:
                band = {g: r for r, g in enumerate(names)}
                seen: Counter[str] = Counter()
                y = np.empty(n)
                for i, g in enumerate(groups):
                    offset = ((seen[g] * golden + 0.5) % 1.0 - 0.5) * 0.6
                    y[i] = band[g] + offset
                    seen[g] += 1
            for g in names:
                member = np.array([gg == g for gg in groups]) & np.isfinite(arr)
                colour = colours[g]
                for is_fragile in (False, True):
                    sel = member & (fragile[name] == is_fragile)
                    if not sel.any():
                        continue
                    ring = _text_colour(colour, min_contrast=3.0)
                    ax.scatter(
                        arr[sel],
                        y[sel],
                        s=(20 if rows_mode else 14) if is_fragile else (14 if rows_mode else 9),
                        marker=markers[g],
                        facecolors="white" if is_fragile else colour,
                        edgecolors=ring if is_fragile else "white",
                        linewidths=1.0 if is_fragile else 0.3,
                        alpha=1.0 if rows_mode else 0.8,
                        zorder=4 if is_fragile else 3,
                    )
            ax.set_xlim(-0.04, 1.04)
            ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
            ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0, decimals=0))
            ax.set_xlabel(f"{counted}\nin which the reference answer holds")
            ax.grid(True, axis="x", color=_GRID_COLOUR, linewidth=0.4)
            ax.set_axisbelow(True)
            counted_docs = int(np.isfinite(arr).sum())
            ax.set_title(f"{name}: {int(fragile[name].sum())} of {counted_docs} fragile", pad=12)
            zones = ax.secondary_xaxis("top")
            zones.set_xticks([threshold / 2, (1 + threshold) / 2], labels=["fragile", "robust"])
            zones.tick_params(length=0, pad=1, labelsize=_FONT_SMALL - 0.5, labelcolor="#444444")
            zones.spines["top"].set_visible(False)
        first = axes[0]
        if rows_mode:
            first.set_ylim(n - 0.5, -0.5)
            first.set_yticks(range(n), labels=[str(d) for d in documents], fontsize=font)
            weak = np.any(np.vstack(list(fragile.values())), axis=0)
            for tick, g, is_weak in zip(first.get_yticklabels(), groups, weak):
                tick.set_color(_text_colour(colours[g]))
                if is_weak:
                    tick.set_fontweight("bold")
        else:
            size = Counter(groups)
            first.set_ylim(len(names) - 0.5, -0.5)
            first.set_yticks(range(len(names)), labels=[f"{g} ({size[g]})" for g in names])
            for tick, g in zip(first.get_yticklabels(), names):
                tick.set_color(_text_colour(colours[g]))
        for ax in axes:
            ax.tick_params(axis="y", length=0)
        _legend(fig, names, strip=False, title=title)
        return _finish(fig)


__all__ += ["robustness_figure"]
