"""The corpus as analysed: catalog documents joined with their per-document profiles.

A *sample* is one view of one document and is a row of every corpus-wide table: the ``full``
view is labelled with the document id, other views as ``"<id> (own)"`` or ``"<id> (quoted)"``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wordprint.io.catalog import Document

VOCABULARY_COLUMNS = (
    "tokens",
    "types",
    "ttr",
    "mattr",
    "mtld",
    "yules_k",
    "hapax_share",
    "mean_word_length",
    "mean_sentence_length",
)


@dataclass(frozen=True)
class Sample:
    id: str
    document: Document
    view: str
    counts: Mapping[str, int]
    tokens: int
    stats: Mapping[str, float]


def samples(
    documents: Sequence[Document],
    profiles: Mapping[str, Any],
    *,
    views: Sequence[str] = ("full",),
    min_quoted_share: float = 0.0,
) -> list[Sample]:
    """Samples in catalog order, one per document and view.

    Views other than ``full`` are included for documents with at least ``min_quoted_share`` of
    their words inside quotations (and that have the view at all).
    """
    result = []
    for document in documents:
        profile = profiles[document.id]
        quoted_share = profile["cleaning"]["quotations"]["quoted_share"]
        for view in views:
            data = profile["views"].get(view)
            if data is None or (view != "full" and quoted_share < min_quoted_share):
                continue
            sample_id = document.id if view == "full" else f"{document.id} ({view})"
            result.append(
                Sample(sample_id, document, view, data["counts"], data["tokens"], data["stats"])
            )
    return result


def vocabulary_rows(
    corpus: Sequence[Sample], profiles: Mapping[str, Any]
) -> tuple[list[str], list[list]]:
    """One row per sample: catalog fields, encoding, and the vocabulary statistics."""
    header = [
        "id",
        "document",
        "view",
        "author",
        "title",
        "year",
        "group",
        "encoding",
        *VOCABULARY_COLUMNS,
    ]
    rows = []
    for s in corpus:
        d = s.document
        encoding = profiles[d.id]["cleaning"]["encoding"]
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
                *(s.stats[c] for c in VOCABULARY_COLUMNS),
            ]
        )
    return header, rows


def label_of(sample: Sample, column: str) -> str:
    """The sample's value in a catalog column (used as the known label for scoring)."""
    return sample.document.field(column)


def document_id(sample_id: str) -> str:
    """The document a sample id belongs to: ``"dawsey (own)"`` -> ``"dawsey"``."""
    return sample_id.split(" (", 1)[0]


def view_of(sample_id: str) -> str:
    """The view a sample id names: ``"dawsey (own)"`` -> ``"own"``, ``"dawsey"`` -> ``"full"``."""
    return sample_id.split(" (", 1)[1].rstrip(")") if " (" in sample_id else "full"
