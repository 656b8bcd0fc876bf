"""The distance heatmap: documents in clustering order, group strips along both axes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure

from wordprint.plot.style import (
    FONT_SMALL,
    Column,
    check_column,
    check_labels_groups,
    finish,
    group_colours,
    group_legend,
    group_strip,
    new_figure,
    sorted_groups,
    style_context,
    text_colour,
)

_DIAGONAL_COLOUR = "#D9D9D9"  # a heatmap's diagonal: no colour of the scale


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
    width = check_column(column)
    if cmap not in ("viridis", "cividis"):
        raise ValueError(f"cmap must be one of ['cividis', 'viridis'], got {cmap!r}")
    d = np.asarray(distance_matrix, dtype=float)
    if d.ndim != 2 or d.shape[0] != d.shape[1]:
        raise ValueError(f"distance_matrix must be square, got shape {d.shape}")
    n = d.shape[0]
    check_labels_groups(labels, groups, n)
    perm = [int(i) for i in order]
    if sorted(perm) != list(range(n)):
        raise ValueError(f"order must be a permutation of range({n})")

    shown = d[np.ix_(perm, perm)]
    row_labels = [str(labels[i]) for i in perm]
    row_groups = [str(groups[i]) for i in perm]
    names = sorted_groups(groups)
    colours = group_colours(names)

    longest = max((len(x) for x in row_labels), default=0)

    def room(font_pt: float) -> float:  # inches taken by tick labels of this size
        return 0.15 + longest * font_pt * 0.6 / 72

    cell_pt = (width - room(FONT_SMALL) - 0.9) * 72 / max(n, 1)
    font = min(FONT_SMALL, round(0.8 * cell_pt, 1))
    ticks = n <= max_tick_labels and font >= 4.0
    label_room = room(font) if ticks else 0.25
    # Heatmap side: the page width less labels and colour bar, but no huge cells for few docs.
    side = min(width - label_room - 0.9, max(2.2, 0.32 * n))
    strip_in = 0.09
    with style_context():
        height = side + label_room + 0.85 + (0.25 if title else 0.0)
        fig = new_figure(min(width, side + label_room + 1.0), height)
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
        group_strip(left, row_groups, names, vertical=True)
        left.set_ylim(n - 0.5, -0.5)
        left.set_xticks([])
        group_strip(topstrip, row_groups, names, vertical=False)
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
                    tick.set_color(text_colour(colours[g]))
        else:
            left.set_yticks([])
            ax.set_xticks([])
            axis_name = f"{n} documents (clustering order)"
        ax.set_xlabel(axis_name)
        left.set_ylabel(axis_name)
        cbar = fig.colorbar(image, cax=cax)
        cbar.set_label(measure_label)
        cbar.outline.set_linewidth(0.4)
        group_legend(fig, names, strip=True, title=title)
        return finish(fig)
