"""How well settings do: a score against the number of MFW, and the robustness map."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure

from wordprint.plot.style import (
    FONT_SMALL,
    GRID_COLOUR,
    LINE_MARKERS,
    OKABE_ITO,
    STYLE,
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

# ---------------------------------------------------------------------------------------------
# Scores against the number of MFW
# ---------------------------------------------------------------------------------------------

#: Axis titles of the cluster-quality scores (wordprint.clustering.scores.cluster_scores)
#: and of the attribution's cross-validated scores (wordprint.attribute).
SCORE_LABELS: dict[str, str] = {
    "ari": "Adjusted Rand index",
    "homogeneity": "Homogeneity",
    "completeness": "Completeness",
    "v_measure": "V-measure",
    "purity": "Purity",
    "nn_accuracy": "Nearest-neighbour accuracy",
    "accuracy": "Cross-validated accuracy",
    "macro_f1": "Macro-averaged F1",
    "macro_precision": "Macro-averaged precision",
    "macro_recall": "Macro-averaged recall",
}


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
    from wordprint.evaluate.grid import score_series  # groups the rows into one curve per measure

    width = check_column(column)
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
        fig = new_figure(width, (3.2 if column == "double" else 2.4) + legend_in)
        ax = fig.add_subplot()
        handles = []
        span = np.log10(xs_all.max() / xs_all.min()) if log_x else xs_all.max() - xs_all.min()
        step = (1 / 40 if log_x else max(span, 1.0) / 150) if len(series) > 1 else 0.0
        for k, (name, (xs, ys)) in enumerate(series.items()):
            shift = step * (k - (len(series) - 1) / 2)
            xs = xs * 10**shift if log_x else xs + shift
            # Okabe-Ito hues, darkened where needed to a 3:1 contrast with white (WCAG 2.1,
            # non-text graphics), so the yellow and sky-blue lines stay visible.
            colour = text_colour(OKABE_ITO[k % len(OKABE_ITO)], min_contrast=3.0)
            style = "-" if k < len(OKABE_ITO) else (0, (4, 2))
            (line,) = ax.plot(
                xs, ys, color=colour, linestyle=style, linewidth=1.0,
                marker=LINE_MARKERS[k % len(LINE_MARKERS)], markersize=4.0,
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
        ax.grid(True, color=GRID_COLOUR, linewidth=0.4)
        ax.set_axisbelow(True)
        fig.legend(
            handles=handles, loc="outside upper center", ncols=ncols,
            handlelength=2.4, handletextpad=0.4, columnspacing=1.2, borderaxespad=0.2,
            title=title or None, title_fontproperties={"size": STYLE["figure.titlesize"]},
        )
        return finish(fig)


# ---------------------------------------------------------------------------------------------
# Robustness map
# ---------------------------------------------------------------------------------------------

_FRAGILE_SHADE = "#EEEEEE"  # the fragile zone of each panel


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
    width = check_column(column)
    n = len(documents)
    check_labels_groups(documents, groups, n)
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
    names = sorted_groups(groups)
    colours, markers = group_colours(names), group_markers(names)
    fragile = {name: np.isfinite(arr) & (arr < threshold) for name, arr in values.items()}
    rows_mode = n <= max_tick_labels
    if rows_mode:
        font = interp_font(n, few=30, many=60, big=FONT_SMALL, small=5.5)
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
        fig = new_figure(width, panel_h + 1.25 + (0.25 if title else 0.0))
        axes = fig.subplots(1, k, sharey=True, squeeze=False)[0]
        golden = (math.sqrt(5) - 1) / 2
        for ax, (name, arr) in zip(axes, values.items()):
            ax.axvspan(-0.04, threshold, color=_FRAGILE_SHADE, linewidth=0, zorder=0)
            ax.axvline(threshold, color="#555555", linewidth=0.6, linestyle=(0, (3, 2)), zorder=1)
            if rows_mode:
                y = np.arange(n, dtype=float)
                ax.yaxis.grid(True, color=GRID_COLOUR, linewidth=0.3)
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
                    ring = text_colour(colour, min_contrast=3.0)
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
            ax.grid(True, axis="x", color=GRID_COLOUR, linewidth=0.4)
            ax.set_axisbelow(True)
            counted_docs = int(np.isfinite(arr).sum())
            ax.set_title(f"{name}: {int(fragile[name].sum())} of {counted_docs} fragile", pad=12)
            zones = ax.secondary_xaxis("top")
            zones.set_xticks([threshold / 2, (1 + threshold) / 2], labels=["fragile", "robust"])
            zones.tick_params(length=0, pad=1, labelsize=FONT_SMALL - 0.5, labelcolor="#444444")
            zones.spines["top"].set_visible(False)
        first = axes[0]
        if rows_mode:
            first.set_ylim(n - 0.5, -0.5)
            first.set_yticks(range(n), labels=[str(d) for d in documents], fontsize=font)
            weak = np.any(np.vstack(list(fragile.values())), axis=0)
            for tick, g, is_weak in zip(first.get_yticklabels(), groups, weak):
                tick.set_color(text_colour(colours[g]))
                if is_weak:
                    tick.set_fontweight("bold")
        else:
            size = Counter(groups)
            first.set_ylim(len(names) - 0.5, -0.5)
            first.set_yticks(range(len(names)), labels=[f"{g} ({size[g]})" for g in names])
            for tick, g in zip(first.get_yticklabels(), names):
                tick.set_color(text_colour(colours[g]))
        for ax in axes:
            ax.tick_params(axis="y", length=0)
        group_legend(fig, names, strip=False, title=title)
        return finish(fig)
