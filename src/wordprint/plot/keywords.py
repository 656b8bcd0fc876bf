"""The words that tell two sides of a corpus apart: keyness bars and the Zeta map.

Each side is drawn in its own colour (:func:`side_colours`), the same in both figures.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from wordprint.plot.labels import LABEL_BOX, place_and_annotate
from wordprint.plot.style import (
    FONT_SMALL,
    GRID_COLOUR,
    OKABE_ITO,
    STYLE,
    Column,
    check_column,
    finish,
    group_colours,
    interp_font,
    new_figure,
    style_context,
    text_colour,
)

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
    """A header legend of the two sides' colours (and the open bar), as :func:`group_legend`."""
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
        :func:`wordprint.compare.tables.keyness_table`, in display order within each side.
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
    width = check_column(column)
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
    font = interp_font(n, few=30, many=80, big=FONT_SMALL, small=5.5)
    pitch = font * 1.7 / 72
    with style_context():
        fig = new_figure(width, max(2.2, n * pitch + 1.5))
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
                fontsize=font, color=text_colour(colour), annotation_clip=False,
            ))
        ax.axvline(0, color="#333333", linewidth=0.6, zorder=4)
        if 0 < n_target < n:
            ax.axhline(n_target - 0.2, color="#AAAAAA", linewidth=0.5, linestyle=(0, (2, 2)))
        ax.set_ylim(y[-1] + 0.7, -0.7)
        ax.tick_params(axis="y", left=False, labelleft=False)
        ax.spines["left"].set_visible(False)
        ax.grid(True, axis="x", color=GRID_COLOUR, linewidth=0.4)
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
        return finish(fig)


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
        Which words to label (e.g. :func:`wordprint.compare.tables.extremes` of the zeta column).
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
    width = check_column(column)
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
        fig = new_figure(width, width * (0.9 if column == "double" else 1.1))
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
        ax.grid(True, color=GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        _side_legend(fig, [f"marks {target_label}", f"marks {reference_label}"], title=title,
                     colours=colours)
        if len(picked):
            font = FONT_SMALL - (0.5 if len(picked) > 30 else 0.0)
            styles = [{"fontsize": font, "color": text_colour(c), "bbox": LABEL_BOX}
                      for c in point_colours]
            place_and_annotate(fig, ax, np.column_stack([x[picked], yv[picked]]),
                                [str(terms[i]) for i in picked], styles)
        return finish(fig)
