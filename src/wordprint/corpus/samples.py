"""The corpus as analysed: catalog documents joined with their per-document profiles.

A *sample* is one view of one document, or a segment of it, and is a row of every corpus-wide
table. Its id is the document id, then the view when it is not ``full``, then the segment
number when the text is sampled: ``dawsey``, ``dawsey (own)``, ``Trotsky_1918 [3]``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import re
from dataclasses import dataclass
from typing import Any

from wordprint.corpus.documents import Document
from wordprint.uncertainty import VOCABULARY_INTERVALS, interval_columns
from wordprint.describe.vocabulary import PROFILE_KEYS

# The columns of results/tables/vocabulary.csv: every statistic of a vocabulary profile.
VOCABULARY_COLUMNS = PROFILE_KEYS


@dataclass(frozen=True)
class Sample:
    id: str
    document: Document
    view: str
    counts: Mapping[str, int]
    tokens: int
    segment: int | None = None  # 1, 2, ... when the text is cut into samples
    segments: Sequence[Mapping[str, int]] = ()  # counts of consecutive segments, if profiled


def sample_id(document_id: str, view: str = "full", segment: int | None = None) -> str:
    """``"dawsey"``, ``"dawsey (own)"``, ``"dawsey (own) [2]"``."""
    label = document_id if view == "full" else f"{document_id} ({view})"
    return label if segment is None else f"{label} [{segment}]"


_SAMPLE_ID = re.compile(r"^(?P<doc>.+?)(?: \((?P<view>[a-z]+)\))?(?: \[(?P<segment>\d+)\])?$")


def samples(
    documents: Sequence[Document],
    profiles: Mapping[str, Any],
    *,
    views: Sequence[str] = ("full",),
    min_quoted_share: float = 0.0,
    min_cited: float = 0.0,
) -> list[Sample]:
    """Samples in catalog order, one per document and view.

    The quotation views (``own``, ``quoted``) are included for documents with at least
    ``min_quoted_share`` of their words inside quotations whose quotations look like citations:
    at least ``min_cited`` citations and footnote markers per quoted passage
    (:func:`cited_share_of`; a novel's dialogue cites nothing). A document must have a view
    at all (``notes`` only TEI documents with notes have).
    """
    result = []
    for document in documents:
        profile = profiles[document.id]
        quotes_kept = (
            quoted_share_of(profile) >= min_quoted_share
            and cited_share_of(profile) >= min_cited
        )
        for view in views:
            data = profile["views"].get(view)
            if data is None or (view in ("own", "quoted") and not quotes_kept):
                continue
            result.append(
                Sample(
                    sample_id(document.id, view),
                    document,
                    view,
                    data["counts"],
                    data["tokens"],
                    segments=data.get("segments", ()),
                )
            )
    return result


def quoted_share_of(profile: Mapping[str, Any]) -> float:
    """The share of a document's words inside quotations (0 when they were not split)."""
    return (profile["cleaning"]["quotations"] or {}).get("quoted_share", 0.0)


def cited_share_of(profile: Mapping[str, Any]) -> float:
    """Citation parentheticals and footnote markers per quoted passage of a document (0 without
    quotations): how much its quotations look like quoted sources rather than dialogue.

    Examples
    --------
    >>> removed = {"citations": {"count": 3}, "footnote_markers": {"count": 1}}
    >>> cited_share_of({"cleaning": {"quotations": {"quoted_spans": 8, "removed": removed}}})
    0.5
    """
    quotations = profile["cleaning"]["quotations"] or {}
    spans = quotations.get("quoted_spans", 0)
    if not spans:
        return 0.0
    removed = quotations["removed"]
    return (removed["citations"]["count"] + removed["footnote_markers"]["count"]) / spans


def vocabulary_rows(
    corpus: Sequence[Sample], profiles: Mapping[str, Any], descriptions: Mapping[str, Any]
) -> tuple[list[str], list[list]]:
    """One row per sample: catalog fields, encoding, and the vocabulary statistics.

    ``profiles`` are the documents' counting profiles, ``descriptions`` their vocabulary
    statistics (:func:`wordprint.io.profiles.describe_shard`), both by document id.

    Each statistic of :data:`wordprint.uncertainty.VOCABULARY_INTERVALS` is followed by its
    bootstrap interval, ``<statistic>_low`` and ``<statistic>_high`` (None, an empty cell,
    where the profile has none: see :func:`wordprint.uncertainty.vocabulary_intervals`).
    """
    statistics = [
        name
        for column in VOCABULARY_COLUMNS
        for name in (
            (column, *interval_columns(column)) if column in VOCABULARY_INTERVALS else (column,)
        )
    ]
    header = ["id", "document", "view", "author", "title", "year", "group", "encoding"]
    header += statistics
    rows = []
    for s in corpus:
        d = s.document
        encoding = profiles[d.id]["cleaning"]["encoding"]
        described = descriptions[d.id]["views"][s.view]
        values = dict(described["stats"])
        intervals = described.get("intervals", {})
        for column in VOCABULARY_INTERVALS:
            low, high = intervals.get(column) or (None, None)
            values.update(zip(interval_columns(column), (low, high)))
        rows.append(
            [
                s.id,
                d.id,
                s.view,
                d.author,
                d.title,
                d.year,
                d.group,
                encoding,
                *(values[c] for c in statistics),
            ]
        )
    return header, rows


def label_of(sample: Sample, column: str) -> str:
    """The sample's value in a catalog column (used as the known label for scoring)."""
    return sample.document.field(column)


def document_id(sample: str) -> str:
    """The document a sample id belongs to: ``"dawsey (own) [2]"`` -> ``"dawsey"``."""
    return _SAMPLE_ID.match(sample)["doc"]


def view_of(sample: str) -> str:
    """The view a sample id names: ``"dawsey (own)"`` -> ``"own"``, ``"dawsey"`` -> ``"full"``."""
    return _SAMPLE_ID.match(sample)["view"] or "full"


def documents_of(samples: Sequence[str], documents: Sequence[Document]) -> list[Document]:
    """The catalog document of each sample id (the rows of a table read back from a file)."""
    by_id = {d.id: d for d in documents}
    return [by_id[document_id(sample)] for sample in samples]


CLEANING_COLUMNS = (
    "id",
    "encoding",
    "gutenberg_stripped",
    "gutenberg_chars_removed",
    "quoted_spans",
    "quoted_share",
    "cited_share",
    "quotation_words",
    "citations",
    "footnote_markers",
    "notes_section_words",
    "warnings",
)


def cleaning_rows(
    documents: Sequence[Document], profiles: Mapping[str, Any]
) -> tuple[list[str], list[list]]:
    """One row per document: what cleaning removed, and its warnings (joined with ' | ').

    The quotation columns are empty where quotations were not split (a run of ``full`` views).
    """
    rows = []
    for d in documents:
        c = profiles[d.id]["cleaning"]
        g, q = c["gutenberg"], c["quotations"]
        if q is None:
            quotations = [None] * 7
        else:
            removed = q["removed"]
            quotations = [
                q["quoted_spans"],
                q["quoted_share"],
                cited_share_of(profiles[d.id]),
                removed["quotations"]["words"],
                removed["citations"]["count"],
                removed["footnote_markers"]["count"],
                removed["notes_section"]["words"],
            ]
        rows.append(
            [
                d.id,
                c["encoding"],
                g["stripped"],
                g["head_chars_removed"] + g["tail_chars_removed"],
                *quotations,
                " | ".join(c["warnings"]),
            ]
        )
    return list(CLEANING_COLUMNS), rows
