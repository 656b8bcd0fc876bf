"""Attribution: who wrote the questioned texts, and rolling Delta along one text.

An author keeps one colour and marker in both figures (and across the run, with ``palette``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from wordprint.plot.style import (
    FONT_SMALL,
    GRID_COLOUR,
    LINE_MARKERS,
    OKABE_ITO,
    STYLE,
    Column,
    check_column,
    finish,
    interp_font,
    new_figure,
    style_context,
    text_colour,
)

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
    colours = {a: text_colour(OKABE_ITO[k], min_contrast=3.0) for a, k in index.items()}
    markers = {a: LINE_MARKERS[order.index(a) % len(LINE_MARKERS)] for a in drawn}
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
    width = check_column(column)
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
    font = interp_font(n, few=12, many=60, big=FONT_SMALL, small=5.5)
    y = np.arange(n)
    with style_context():
        fig = new_figure(width, max(1.8, n * font * 2.3 / 72 + 1.4))
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
        ax.grid(True, axis="x", color=GRID_COLOUR, linewidth=0.4)
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
            ax2.grid(True, axis="x", color=GRID_COLOUR, linewidth=0.4)
            ax2.set_axisbelow(True)
        handles = [Line2D([], [], linestyle="none", marker="s" if not verify else markers[a],
                          markersize=6, markerfacecolor=colours[a], markeredgecolor="white",
                          markeredgewidth=0.4, label=a) for a in authors]
        per_col = 0.45 + 0.065 * max(min(len(a), 40) for a in authors)
        fig.legend(handles=handles, loc="outside upper center",
                   ncols=max(1, min(len(handles), int(width // per_col))), handletextpad=0.3,
                   columnspacing=1.2, borderaxespad=0.2, title=title or None,
                   title_fontproperties={"size": STYLE["figure.titlesize"]})
        return finish(fig)


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

    width = check_column(column)
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
        fig = new_figure(width, width * (0.5 if column == "double" else 0.75) + 0.5)
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
        ax.grid(True, color=GRID_COLOUR, linewidth=0.4)
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
        return finish(fig)
