"""Vocabulary growth curves: types against tokens, one line per text, coloured by group."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from wordprint.plot.labels import LABEL_BOX, place_and_annotate
from wordprint.plot.style import (
    FONT_SMALL,
    GRID_COLOUR,
    STYLE,
    Column,
    check_column,
    check_labels_groups,
    finish,
    group_colours,
    new_figure,
    sorted_groups,
    style_context,
    text_colour,
)

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
    width = check_column(column)
    n = len(curves)
    check_labels_groups(labels, groups, n)
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
    all_names = sorted_groups(list(palette) if palette is not None else groups)
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
        fig = new_figure(width, width * (0.62 if column == "double" else 0.85))
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
        ax.grid(True, color=GRID_COLOUR, linewidth=0.4)
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
            styles = [{"fontsize": FONT_SMALL - 0.5,
                       "color": text_colour(colours[str(groups[k])]), "bbox": LABEL_BOX}
                      for k in labelled]
            place_and_annotate(fig, ax, ends, [str(labels[k]) for k in labelled], styles)
        return finish(fig)
