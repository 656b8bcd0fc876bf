"""One comparison from start to end (:func:`analyse`), and its tables as rows for CSV files,
figures and the report.

:func:`analyse` builds every table of one comparison from the documents' profiles (word counts)
and token sequences: the keyness and Zeta tables (:mod:`wordprint.compare.tables`) and the
reading aids (:mod:`wordprint.compare.reading`). :func:`table_rows` turns a table into a CSV
header and rows with plain Python values and no NaN; :func:`keyness_plot_rows` and
:func:`zeta_plot_rows` are what the figures draw; :func:`report_key_terms` is the report's table
of key terms in context.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from wordprint.compare.reading import collocation_rows, kwic_rows, overlap_row
from wordprint.compare.sides import Comparison, ComparisonError, SideData, side_data
from wordprint.compare.tables import (
    SortStatistic,
    Table,
    extremes,
    keyness_table,
    top_terms,
    zeta_table,
)
from wordprint.corpus.samples import sample_id
from wordprint.uncertainty import UncertaintySettings, interval_columns, log_ratio_intervals


@dataclass(frozen=True)
class KeynessSettings:
    """How the tables of a comparison are made (the defaults are those of the workflow's
    config, ``keyness``: see config/README.md)."""

    min_freq: int = 5  # terms used fewer times on both sides together are not tested
    alpha: float = 0.05  # significance level of the adjusted p-values
    correction: str = "holm"  # a key of wordprint.compare.keyness.P_ADJUSTMENTS
    sort_by: SortStatistic = "log_likelihood"  # a key of wordprint.compare.tables.SORT_STATISTICS
    top: int = 20  # key terms each way, given lines in context and collocates
    segment_size: int = 500  # tokens per Zeta segment and per DP part of a one-text side
    collocation_window: int = 4  # tokens either side of a key term
    collocates: int = 10  # kept per key term
    kwic_lines: int = 5  # per key term
    kwic_context: int = 8  # words either side


@dataclass(frozen=True)
class ComparisonResult:
    """Every table of one comparison (see :func:`analyse`)."""

    target: SideData
    reference: SideData
    keyness: Table
    zeta: Table
    zeta_segments: tuple[int, int]
    top_target: list[str]
    top_reference: list[str]
    kwic: list[dict[str, Any]]
    collocations: list[dict[str, Any]]
    overlap: dict[str, Any]


def analyse(
    comparison: Comparison,
    profiles: Mapping[str, Any],
    tokens: Mapping[str, Sequence[str]],
    *,
    settings: KeynessSettings = KeynessSettings(),
    uncertainty: UncertaintySettings | None = None,
) -> ComparisonResult:
    """All tables of one comparison, from the documents' profiles and tokens (by sample id).

    With ``uncertainty`` (the bootstrap's settings) the keyness table has ``log_ratio_low`` and
    ``log_ratio_high`` after ``log_ratio``: its block-bootstrap interval
    (:func:`wordprint.uncertainty.log_ratio_intervals`; each sample's segments resampled from
    its own stream, keyed by its sample id), empty when a side is too short to resample.

    Examples
    --------
    >>> from collections import Counter
    >>> from wordprint.compare.sides import resolve_comparisons
    >>> from wordprint.corpus.documents import Document
    >>> docs = [Document(i, "", "", "", g, "", "file", "") for i, g in [("a", "A"), ("b", "B")]]
    >>> c = resolve_comparisons([{"name": "x", "target": {"group": "A"},
    ...                           "reference": {"group": "B"}}], docs, views=["full"])["x"]
    >>> tokens = {"a": "we we we go".split(), "b": "they they they go".split()}
    >>> profiles = {d: {"views": {"full": {"counts": dict(Counter(t)), "tokens": len(t)}}}
    ...             for d, t in tokens.items()}
    >>> settings = KeynessSettings(min_freq=1, top=1, segment_size=2, collocation_window=1,
    ...                            collocates=5, kwic_lines=1, kwic_context=1)
    >>> result = analyse(c, profiles, tokens, settings=settings)
    >>> result.top_target, result.top_reference
    (['we'], ['they'])
    """
    s = settings
    target = side_data(comparison.target, profiles, tokens, segment_size=s.segment_size)
    reference = side_data(comparison.reference, profiles, tokens, segment_size=s.segment_size)
    table = keyness_table(
        target,
        reference,
        min_freq=s.min_freq,
        alpha=s.alpha,
        correction=s.correction,
        sort_by=s.sort_by,
    )
    if not table["term"]:
        raise ComparisonError(
            f"{target.label} vs {reference.label}: no term is used {s.min_freq} times on both "
            "sides together, so nothing can be tested. Lower keyness.min_freq in the config."
        )
    if uncertainty is not None:
        low, high = log_ratio_intervals(
            table["term"],
            {i: tokens[i] for i in target.samples},
            {i: tokens[i] for i in reference.samples},
            **uncertainty,
        )
        at = list(table).index("log_ratio") + 1
        items = list(table.items())
        added = list(zip(interval_columns("log_ratio"), (low, high)))
        table = dict(items[:at] + added + items[at:])
    top_t, top_r = top_terms(table, n=s.top)
    side_tokens = {
        "target": {i: tokens[i] for i in target.samples},
        "reference": {i: tokens[i] for i in reference.samples},
    }
    labels = (f"target ({target.label})", f"reference ({reference.label})")
    zeta_result, n_t, n_r = zeta_table(
        side_tokens["target"],
        side_tokens["reference"],
        size=s.segment_size,
        min_freq=s.min_freq,
        labels=labels,
    )
    lines, collocates = [], []
    sides = ((top_t, "target", target.label), (top_r, "reference", reference.label))
    for terms, role, label in sides:
        lines += kwic_rows(
            side_tokens[role], terms, lines=s.kwic_lines, context=s.kwic_context, key_in=label
        )
        collocates += collocation_rows(
            side_tokens[role],
            terms,
            window=s.collocation_window,
            limit=s.collocates,
            key_in=label,
        )
    return ComparisonResult(
        target=target,
        reference=reference,
        keyness=table,
        zeta=zeta_result,
        zeta_segments=(n_t, n_r),
        top_target=top_t,
        top_reference=top_r,
        kwic=lines,
        collocations=collocates,
        overlap=overlap_row(target, reference),
    )


# --- writing ---------------------------------------------------------------------------------------


def report_key_terms(
    keyness_rows: Sequence[Mapping[str, str]],
    kwic: Sequence[Mapping[str, str]],
    *,
    key_in: str,
    n_terms: int,
    n_lines: int,
    context: int = 6,
) -> tuple[list[str], list[list[Any]]]:
    """A report table of the top terms key in one side, each with a few lines in context.

    ``keyness_rows`` and ``kwic`` are the rows of the keyness and KWIC tables (as read back
    from CSV, dicts of strings). The term's statistics fill its first line; its further lines
    leave them blank; its ``n_lines`` lines are spread over its KWIC lines (first, last, and
    evenly between). Contexts are cut to ``context`` words each side.

    Examples
    --------
    >>> keyness_rows = [{"term": "we", "key_in": "A", "log_likelihood": "12.5",
    ...                  "log_ratio": "2.0", "p_adjusted": "0.001", "significant": "True"}]
    >>> kwic = [{"term": "we", "document": "a", "view": "full", "left": "so", "keyword": "we",
    ...          "right": "go"}]
    >>> report_key_terms(keyness_rows, kwic, key_in="A", n_terms=5, n_lines=2)[1]
    [['we', '12.5', '2.0', '0.001', 'a', 'so', 'we', 'go']]
    """
    header = ["term", "log-likelihood", "Log Ratio", "adjusted p"]
    header += ["document", "left", "keyword", "right"]
    rows = []
    terms = [r for r in keyness_rows if r["key_in"] == key_in][:n_terms]
    for r in terms:
        lines = [k for k in kwic if k["term"] == r["term"] and k.get("key_in", key_in) == key_in]
        if len(lines) > n_lines:
            lines = [lines[round(x)] for x in np.linspace(0, len(lines) - 1, n_lines)]
        stats = [r["term"], r["log_likelihood"], r["log_ratio"], r["p_adjusted"]]
        for i, k in enumerate(lines or [None]):
            cells = stats if i == 0 else ["", "", "", ""]
            if k is None:
                rows.append(cells + ["", "", "", ""])
                continue
            document = sample_id(k["document"], k.get("view", "full"))
            left = " ".join(k["left"].split()[-context:])
            right = " ".join(k["right"].split()[:context])
            rows.append(cells + [document, left, k["keyword"], right])
    return header, rows


# --- what the figures draw -------------------------------------------------------------------------

#: Most words labelled each way on a Zeta map: more crowd its corners.
ZETA_LABELS = 12


def keyness_plot_rows(table: Table, terms: Sequence[str]) -> Table:
    """The rows of a :func:`~wordprint.compare.tables.keyness_table` the keyness figure draws (``terms``, in order).

    Columns: ``term``, ``key_in``, ``sign``, ``log_ratio`` (with ``log_ratio_low`` and
    ``log_ratio_high``, its bootstrap interval, when the table has them), ``significant``, the
    sort statistic and the two frequencies: the data saved beside the figure.

    Examples
    --------
    >>> t = {"term": ["a", "b"], "key_in": ["X", "Y"], "sign": [1, -1], "log_ratio": [2.0, -1.0],
    ...      "significant": [True, False], "log_likelihood": [9.0, 4.0], "freq_target": [5, 1],
    ...      "freq_reference": [0, 4], "sorted_by": ["log_likelihood"] * 2}
    >>> keyness_plot_rows(t, ["b"])["log_ratio"]
    [-1.0]
    """
    index = {term: i for i, term in enumerate(table["term"])}
    rows = [index[t] for t in terms]
    statistic = table["sorted_by"][0] if len(table["term"]) else "log_likelihood"
    columns = ["term", "key_in", "sign", "log_ratio"]
    columns += [c for c in interval_columns("log_ratio") if c in table]
    columns += ["significant", statistic, "freq_target", "freq_reference"]
    return {c: [table[c][i] for i in rows] for c in dict.fromkeys(columns)}


def zeta_plot_rows(table: Table, *, n: int) -> Table:
    """A Zeta table with a ``labelled`` column: its ``n`` (at most :data:`ZETA_LABELS`) highest
    and lowest words, the ones the Zeta figure names.

    Examples
    --------
    >>> zeta_plot_rows({"term": ["a", "b", "c"], "zeta": [0.5, 0.0, -0.5]}, n=1)["labelled"]
    [True, False, True]
    """
    mask = extremes(table["zeta"], n=min(n, ZETA_LABELS))
    return {**{c: list(v) for c, v in table.items()}, "labelled": mask.tolist()}
