"""Vocabulary statistics per document: small multiples of dot plots or strip plots."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from wordprint.plot.style import (
    FONT_BODY,
    FONT_SMALL,
    GRID_COLOUR,
    Column,
    check_column,
    check_labels_groups,
    finish,
    group_colours,
    group_legend,
    group_markers,
    interp_font,
    new_figure,
    sorted_groups,
    style_context,
    text_colour,
)

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
    width = check_column(column)
    n = len(ids)
    check_labels_groups(ids, groups, n)
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
    names = sorted_groups(groups)
    colours, markers = group_colours(names), group_markers(names)
    k = len(values)
    ncols = min(k, 4 if column == "double" else 2)
    nrows = math.ceil(k / ncols)
    rows_mode = n <= max_tick_labels

    if rows_mode:
        font = interp_font(n, few=30, many=60, big=FONT_SMALL, small=5.5)
        panel_h = max(1.2, n * font * 1.5 / 72)
    else:
        panel_h = max(1.3, 0.45 * len(names) + 0.4)
    label_room = 1.2 if rows_mode else 0.2 + 0.065 * max(len(g) for g in names)
    label_chars = max(10, int((width - label_room) / ncols * 72 / (0.6 * FONT_BODY)))
    with style_context():
        fig = new_figure(width, nrows * (panel_h + 0.45) + 0.55 + (0.25 if title else 0.0))
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
            ax.grid(True, axis="x", color=GRID_COLOUR, linewidth=0.4)
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
                    tick.set_color(text_colour(colours[str(groups[i])]))
        else:
            first.set_ylim(len(names) - 0.5, -0.5)
            first.set_yticks(range(len(names)), labels=names)
            for row in axes:
                for tick, g in zip(row[0].get_yticklabels(), names):
                    tick.set_color(text_colour(colours[g]))
        for row in axes:
            for ax in row[1:]:
                ax.tick_params(axis="y", left=False)
            row[0].tick_params(axis="y", length=0)
        group_legend(fig, names, strip=False, title=title)
        if note:
            fig.supxlabel(textwrap.fill(note, width=int(width * 72 / (0.55 * FONT_SMALL))),
                          fontsize=FONT_SMALL, color="#444444")
        return finish(fig)


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
        whisker = [text_colour(colours[g]) for g in row_groups]
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
