"""The one style of every figure, and the pieces every figure shares.

Every figure of :mod:`wordprint.plot` is created by :func:`new_figure` (object API, Agg
canvas, no pyplot state) and finished by :func:`finish`; saving lives in
:mod:`wordprint.io.figures`. The style is defined once, in :data:`STYLE`, and applied through
:func:`style_context` (or globally, for a notebook, with :func:`apply_style`):

- **Colours**: the Okabe--Ito palette of 8 colours, distinguishable under the common forms of
  colour-vision deficiency (Okabe & Ito 2008; Wong 2011). :func:`group_colours` maps the
  *sorted* unique group names to the palette in order, so every figure of a run gives a group
  the same colour. With more than 8 groups the colours repeat and the marker shape changes
  (:func:`group_markers`), so every group keeps a distinct colour + shape pair (64 pairs).
- **Text**: DejaVu Sans (ships with matplotlib), 8 pt body, 7 pt ticks and legends, sized to be
  read at print size in a single column (3.5 in) or across two columns (7 in); choose with
  ``column=``. Text drawn in a group colour is darkened (same hue) until it reaches a 4.5:1
  contrast with white (WCAG 2.1), so light colours such as yellow stay legible.
- **Plain text**: catalog and config values (labels, groups, titles) are drawn as written: a
  figure of :func:`new_figure` turns matplotlib's mathtext off for every text holding a ``$``
  whenever it is drawn (:func:`plain_text`; text measured before that, as a map's labels, is
  made plain where it is measured), so ``$5 and $10`` is not typeset as maths and ``$x^$``
  cannot crash a figure. Only the tick labels matplotlib writes itself
  (``$\\mathdefault{10^{2}}$`` on a log axis) stay maths.
- **Determinism**: ``svg.hashsalt`` is fixed and SVG text is written as paths
  (``svg.fonttype = "path"``): the file is the same bytes on every machine and renders the
  same in every viewer, with no dependence on installed fonts. PDF embeds the TrueType font
  (``pdf.fonttype = 42``) for editors that need live text. Layouts use matplotlib's
  constrained layout, never ``bbox_inches="tight"``, so the page size is what the code says;
  each builder resolves the layout once and freezes it (see :func:`finish`).

Besides the style, the pieces the figures share: the group legend (:func:`group_legend`), the
group colour strip (:func:`group_strip`) and the checks of the arguments every figure takes.

References
----------
Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): How to make figures and presentations
that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
Wong, B. (2011). Points of view: Color blindness. *Nature Methods* 8(6), 441.
W3C (2018). Web Content Accessibility Guidelines (WCAG) 2.1, success criterion 1.4.3 (contrast).
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Literal

import matplotlib as mpl
import numpy as np
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import ListedColormap, to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

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

#: One marker per line; with the 8 Okabe--Ito colours, 8 x 12 distinct line styles.
LINE_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">", "h", "p")

#: Grid lines, and the two font sizes (body; ticks, legends and labels).
GRID_COLOUR = "#DDDDDD"
FONT_BODY = 8.0
FONT_SMALL = 7.0

#: The one place where the figure style is set. Applied by :func:`style_context`.
STYLE: dict[str, object] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": FONT_BODY,
    "axes.titlesize": FONT_BODY + 1,
    "axes.labelsize": FONT_BODY,
    "figure.titlesize": FONT_BODY + 1,
    "xtick.labelsize": FONT_SMALL,
    "ytick.labelsize": FONT_SMALL,
    "legend.fontsize": FONT_SMALL,
    "legend.title_fontsize": FONT_SMALL,
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


def sorted_groups(groups: Sequence[str]) -> list[str]:
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
    return {g: OKABE_ITO[i % len(OKABE_ITO)] for i, g in enumerate(sorted_groups(groups))}


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
    return {g: MARKERS[(i // n) % len(MARKERS)] for i, g in enumerate(sorted_groups(groups))}


def _relative_luminance(rgb: Sequence[float]) -> float:
    # WCAG 2.1 relative luminance of an sRGB colour.
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def text_colour(colour: str, *, min_contrast: float = 4.5) -> str:
    """Darken ``colour`` (keeping its hue) until text in it has ``min_contrast`` on white."""
    rgb = np.array(to_rgb(colour))
    for _ in range(40):
        if 1.05 / (_relative_luminance(rgb) + 0.05) >= min_contrast:
            break
        rgb = rgb * 0.95
    return "#{:02X}{:02X}{:02X}".format(*(int(round(c * 255)) for c in rgb))


def group_legend(fig: Figure, groups: Sequence[str], *, strip: bool, title: str = "") -> None:
    """The figure's header: the title above one legend of groups (sorted), above the panels.

    The title is the legend's title: constrained layout reserves the top margin for the
    larger of a suptitle and an outside legend, not their sum, so the two would overlap.
    """
    names = sorted_groups(groups)
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
# Checks, figure creation, group strips
# ---------------------------------------------------------------------------------------------


def check_column(column: str) -> float:
    if column not in COLUMN_WIDTHS:
        raise ValueError(f"column must be one of {sorted(COLUMN_WIDTHS)}, got {column!r}")
    return COLUMN_WIDTHS[column]


def check_labels_groups(labels: Sequence[str], groups: Sequence[str], n: int) -> None:
    if n == 0:
        raise ValueError("a figure needs at least one document; got none")
    if len(labels) != n:
        raise ValueError(f"labels has {len(labels)} entries, expected {n} (one per document)")
    if len(groups) != n:
        raise ValueError(f"groups has {len(groups)} entries, expected {n} (one per document)")


class _PlainTextFigure(Figure):
    """A figure whose texts are made plain (:func:`plain_text`) whenever it is drawn or laid
    out, so no code path reaches mathtext with a catalog's ``$``."""

    def draw(self, renderer):  # noqa: D102 (Figure.draw)
        plain_text(self)
        return super().draw(renderer)


def new_figure(width: float, height: float) -> Figure:
    fig = _PlainTextFigure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)  # Agg canvas: text extents can be measured without pyplot
    fig.get_layout_engine().set(w_pad=0.04, h_pad=0.04, wspace=0.02, hspace=0.02)
    return fig


# The tick labels of a log axis: the only mathtext a figure of wordprint draws.
_MATPLOTLIB_MATH = re.compile(r"\$\\mathdefault\{[^$]*\}\$")


def plain_text(fig: Figure) -> None:
    """Draw every text of ``fig`` holding a ``$`` as written, not as mathtext.

    Texts come from catalogs and configs (``$5 and $10``, a group ``$x^$``); matplotlib
    would typeset them as maths or fail to draw the figure. Called by :func:`finish`.

    >>> fig = new_figure(1, 1)
    >>> title = fig.suptitle("$x^$")
    >>> plain_text(fig); title.get_parse_math()
    False
    """
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        value = text.get_text()
        if "$" in value and not _MATPLOTLIB_MATH.fullmatch(value):
            text.set_parse_math(False)


def finish(fig: Figure) -> Figure:
    """Resolve the layout once, then freeze it.

    Texts holding a ``$`` are first made plain (:func:`plain_text`).

    The layout is computed inside the style context, so lazily created ticks take this
    style whatever the rcParams are when the figure is saved. It is then frozen: the
    constrained-layout solver (kiwisolver) orders its variables by memory address, so its
    last floating-point bits change from one process to the next, and those bits leak into
    SVG clip-path ids. Rounded, fixed axes positions make the saved bytes reproducible.
    """
    plain_text(fig)
    fig.draw_without_rendering()
    for ax in fig.axes:
        bounds = ax.get_position(original=True).bounds
        ax.set_position([round(v, 6) for v in bounds])
    fig.set_layout_engine("none")
    return fig


def interp_font(n: int, *, few: int, many: int, big: float, small: float) -> float:
    """Font size falling linearly from ``big`` at ``few`` items to ``small`` at ``many``."""
    if n <= few:
        return big
    if n >= many:
        return small
    return round(big - (big - small) * (n - few) / (many - few), 2)


def group_strip(
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
