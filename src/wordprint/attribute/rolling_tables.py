"""Rolling Delta along one document of a corpus: its text, the references, the table.

:func:`rolled_text` reads one view of a document as the profiles read it, with the token spans
of its quotations (:func:`quotation_token_spans`); :func:`reference_windows` cuts the reference
texts as stylo's ``rolling.delta()`` does; :func:`rolling_table` runs
:func:`wordprint.attribute.rolling.rolling_delta` along the text and lays out one row per
window; :func:`rolling_plot_rows` is what the figure draws.

References
----------
Rybicki, J., Hoover, D. L. & Kestemont, M. (2014). Collaborative authorship: Conrad, Ford and
rolling delta. Literary and Linguistic Computing 29(3), 422-431.

Eder, M. (2016). Rolling stylometry. Digital Scholarship in the Humanities 31(3), 457-469.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import numpy as np

from wordprint.attribute.rolling import (
    AuthorDistance,
    char_spans_to_token_spans,
    rolling_delta,
    token_offsets,
)
from wordprint.count.profile import DocumentError, clean_document
from wordprint.text.language import LanguageOptions
from wordprint.measures.distances import MeasureName
from wordprint.text.quotes import split_quotations
from wordprint.text.tokenize import words


def quotation_token_spans(
    text: str, *, pattern: str = "words", short_quotes: Literal["quoted", "own"] = "quoted"
) -> list[tuple[int, int]]:
    """Token spans (first, last + 1) of the quotations in ``text``, for marking a rolling plot.

    Quotations are found by :func:`wordprint.text.quotes.split_quotations` (with the run's
    ``short_quotes`` choice) and mapped onto the tokens of :func:`wordprint.text.tokenize.words`
    with the same ``pattern``; quotations holding no token are dropped.

    References
    ----------
    Eder, M. (2016). Rolling stylometry. Digital Scholarship in the Humanities 31(3), 457-469.

    Examples
    --------
    >>> quotation_token_spans('He said "this is no way to live" and left.')
    [(2, 8)]
    """
    spans = split_quotations(text, short_quotes=short_quotes).spans
    mapped = char_spans_to_token_spans(spans, token_offsets(text, pattern=pattern))
    return [(a, b) for a, b in mapped if b > a]


def rolled_text(
    raw: bytes,
    *,
    doc_id: str,
    settings: Mapping[str, Any],
    view: Literal["full", "own", "quoted"] = "full",
    part: str = "",
) -> tuple[list[str], list[tuple[int, int]]]:
    """Tokens of one view of a document, cleaned as the profiles are, and its quotation spans.

    ``settings`` are the document's profile settings (``pattern``, ``lowercase``,
    ``short_quotes``, ``split`` and, from :func:`wordprint.count.profile.document_settings`,
    its ``part`` and ``language``). Quotation spans (:func:`quotation_token_spans`) are found in the ``full``
    view only; the other views have none to show.

    Examples
    --------
    >>> rolled_text(b'He said "no more of this" and left.', doc_id="d",
    ...             settings={"pattern": "words", "lowercase": True, "short_quotes": "quoted"})
    (['he', 'said', 'no', 'more', 'of', 'this', 'and', 'left'], [(2, 6)])
    """
    texts, _ = clean_document(
        raw, doc_id=doc_id, short_quotes=settings.get("short_quotes", "quoted"),
        part=settings.get("part", part), split=settings.get("split"),
        language=LanguageOptions(**settings.get("language", {})), tei=settings.get("tei"),
    )
    pattern = settings.get("pattern", "words")
    tokens = words(texts[view], pattern=pattern, lowercase=settings.get("lowercase", True))
    spans = []
    if view == "full":
        spans = quotation_token_spans(
            texts[view], pattern=pattern, short_quotes=settings.get("short_quotes", "quoted")
        )
    return tokens, spans


def reference_windows(
    tokens: Sequence[str], features: Sequence[str], *, size: int
) -> np.ndarray:
    """Relative frequencies of ``features`` in consecutive windows of ``size`` tokens.

    As stylo's ``rolling.delta()`` cuts its reference texts; the tail shorter than a window
    is left out, and a text shorter than one window is one sample of its own length.

    Examples
    --------
    >>> reference_windows("a b a b a".split(), ["a", "b"], size=2).tolist()
    [[0.5, 0.5], [0.5, 0.5]]
    >>> reference_windows("a a b".split(), ["a", "b"], size=5).round(2).tolist()
    [[0.67, 0.33]]
    """
    if not tokens:
        raise ValueError("a reference text has no tokens")
    index = {w: j for j, w in enumerate(features)}
    codes = np.array([index.get(t, len(features)) for t in tokens], dtype=np.int64)
    if len(tokens) < size:
        return (np.bincount(codes, minlength=len(features) + 1)[:-1] / len(tokens))[None, :]
    starts = range(0, len(tokens) - size + 1, size)
    table = [np.bincount(codes[a : a + size], minlength=len(features) + 1)[:-1] for a in starts]
    return np.vstack(table) / float(size)


def rolling_table(
    tokens: Sequence[str],
    features: Sequence[str],
    references: Mapping[str, Sequence[str]],
    reference_labels: Mapping[str, str],
    *,
    doc_id: str,
    size: int,
    step: int,
    measure: MeasureName = "burrows",
    to: AuthorDistance = "centroid",
    spans: Sequence[tuple[int, int]] = (),
) -> dict[str, Any]:
    """Rolling Delta along one text, each window's share of quoted tokens, and the spans.

    ``references`` maps each reference document to its tokens and ``reference_labels`` to
    its author; they are cut by :func:`reference_windows`. The windows of the text are compared
    with every author by :func:`wordprint.attribute.rolling.rolling_delta`. ``spans`` are quotation token
    spans (:func:`quotation_token_spans`).

    Returns
    -------
    dict
        ``authors``, ``rows`` (one per window: ``window``, ``start``, ``end``, ``middle``,
        ``quoted_share``, ``nearest``, then one distance column per author),
        ``reference_windows`` (per author) and ``spans``.

    Raises
    ------
    DocumentError
        When the text is shorter than one window.

    References
    ----------
    Rybicki, J., Hoover, D. L. & Kestemont, M. (2014). Collaborative authorship: Conrad, Ford
    and rolling delta. Literary and Linguistic Computing 29(3), 422-431.

    Examples
    --------
    >>> refs = {"a1": "x x y x".split() * 5, "b1": "y y x y".split() * 5}
    >>> out = rolling_table("x x x y y y y y".split(), ["x", "y"], refs, {"a1": "A", "b1": "B"},
    ...                     doc_id="t", size=4, step=4, measure="manhattan")
    >>> [r["nearest"] for r in out["rows"]]
    ['A', 'B']
    """
    if len(tokens) < size:
        raise DocumentError(
            f"document {doc_id!r} has {len(tokens)} tokens, fewer than one rolling window of "
            f"{size}; lower attribution.rolling.size or roll along a longer document"
        )
    tables, labels = [], []
    for doc, toks in references.items():
        table = reference_windows(toks, features, size=size)
        tables.append(table)
        labels += [reference_labels[doc]] * len(table)
    result = rolling_delta(
        tokens, features, np.vstack(tables), labels, size=size, step=step, measure=measure, to=to
    )
    quoted = np.zeros(len(tokens), dtype=bool)
    for a, b in spans:
        quoted[a:b] = True
    authors = result["authors"]
    rows = []
    for w, (a, b) in enumerate(zip(result["start"], result["end"])):
        distances = result["distances"][w]
        rows.append(
            {
                "window": w + 1,
                "start": int(a),
                "end": int(b),
                "middle": float(result["middle"][w]),
                "quoted_share": float(quoted[a:b].mean()),
                "nearest": authors[int(np.argmin(distances))],
                **{author: float(d) for author, d in zip(authors, distances)},
            }
        )
    return {
        "authors": authors,
        "rows": rows,
        "reference_windows": dict(Counter(labels)),
        "spans": [tuple(map(int, s)) for s in spans],
    }


def rolling_plot_rows(result: Mapping[str, Any]) -> list[dict]:
    """The plotted data of a rolling figure, long: one row per curve point and per span.

    Examples
    --------
    >>> rolling_plot_rows({"authors": ["A"], "rows": [{"middle": 2.0, "A": 0.5}],
    ...                    "spans": [(1, 3)]})
    [{'layer': 'distance', 'author': 'A', 'x': 2.0, 'x_end': None, 'y': 0.5}, \
{'layer': 'quotation', 'author': '', 'x': 1, 'x_end': 3, 'y': None}]
    """
    out = [
        {"layer": "distance", "author": a, "x": r["middle"], "x_end": None, "y": r[a]}
        for a in result["authors"]
        for r in result["rows"]
    ]
    out += [
        {"layer": "quotation", "author": "", "x": a, "x_end": b, "y": None}
        for a, b in result["spans"]
    ]
    return out
