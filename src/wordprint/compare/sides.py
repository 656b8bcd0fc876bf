"""The two sides of a corpus comparison: which samples each holds, and their counts.

A *comparison* sets a **target** against a **reference**. Each side is a catalog group, one or
more documents, or (the reference only) the rest of the corpus, in one view (``full``, ``own``
or ``quoted``). :func:`resolve_comparisons` checks the comparisons asked for against the catalog
before any job runs; :func:`side_data` then sums each side's counts from the documents'
profiles and cuts it into the parts that Gries's DP is computed over
(:mod:`wordprint.compare.tables`).

Where we differ
---------------
- **Parts for DP.** A side of two or more documents (or views) uses them as its parts, as Gries
  (2008) does; a side of one text uses its consecutive segments of ``segment_size`` tokens
  (the last, shorter one included: DP weighs parts by size).

References
----------
Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora. International Journal of
Corpus Linguistics 13(4), 403-437.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from wordprint.compare.zeta import segment_tokens
from wordprint.corpus.documents import Document
from wordprint.corpus.samples import document_id, sample_id, view_of
from wordprint.count.profile import VIEWS, DocumentError, numbered_counts
from wordprint.io.catalog import SAFE_ID
from wordprint.text.tokenize import TokenIds

SideKind = Literal["group", "document", "rest"]

SIDE_KINDS: tuple[str, ...] = ("group", "document", "rest")
REST_LABEL = "the rest of the corpus"


class ComparisonError(DocumentError):
    """A comparison the config asks for but the corpus cannot give; the message says the fix.

    A :class:`~wordprint.count.profile.DocumentError`, so that a workflow step reports it as a
    user's mistake (one line naming the comparison), not as a traceback.
    """


# --- sides and comparisons ----------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One side of a comparison: its label, how it was chosen, and its samples (document, view)."""

    label: str
    kind: SideKind
    samples: tuple[tuple[str, str], ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d for d, _ in self.samples))

    @property
    def sample_ids(self) -> tuple[str, ...]:
        return tuple(sample_id(d, v) for d, v in self.samples)


@dataclass(frozen=True)
class Comparison:
    """A named comparison: its target side against its reference side."""

    name: str
    target: Side
    reference: Side

    @property
    def documents(self) -> tuple[str, ...]:
        """Every document either side reads, target first, each once."""
        return tuple(dict.fromkeys(self.target.documents + self.reference.documents))


def _side(
    name: str,
    role: str,
    spec: Mapping[str, Any],
    documents: Sequence[Document],
    *,
    views: Sequence[str],
    catalog: str,
    other: Side | None,
) -> Side:
    where = f"comparison {name!r}, {role}"
    chosen = [k for k in SIDE_KINDS if k in spec]
    if len(chosen) != 1:
        got = " and ".join(chosen) if chosen else "none of them"
        raise ComparisonError(
            f"{where}: give exactly one of 'group', 'document' or 'rest' (got {got}), "
            "e.g. {group: essay}, {document: dawsey-2018, view: own} or {rest: true}."
        )
    kind = chosen[0]
    view = spec.get("view", "full")
    if view not in VIEWS:
        raise ComparisonError(f"{where}: view {view!r} is not one of {', '.join(VIEWS)}.")
    if view not in views:
        raise ComparisonError(
            f"{where}: asks for the {view!r} view, but the config's views are {list(views)}. "
            f"Add {view!r} to 'views' or compare another view."
        )
    if kind == "group":
        group = str(spec["group"])
        ids = [d.id for d in documents if d.group == group]
        if not ids:
            known = ", ".join(sorted({d.group for d in documents}))
            raise ComparisonError(
                f"{where}: the group {group!r} has no documents in the catalog {catalog}. "
                f"Its groups are: {known}. Fix the group in the config's comparisons, or "
                "add documents of that group to the catalog."
            )
        label = group if view == "full" else f"{group} ({view})"
    elif kind == "document":
        wanted = spec["document"]
        wanted = [wanted] if isinstance(wanted, str) else list(wanted)
        known_ids = {d.id for d in documents}
        for doc in wanted:
            if doc not in known_ids:
                raise ComparisonError(
                    f"{where}: the catalog {catalog} has no document {doc!r}. Use a catalog "
                    "id (the 'id' column), or a group with {group: ...}."
                )
        ids = [d.id for d in documents if d.id in set(wanted)]
        label = sample_id(ids[0], view) if len(ids) == 1 else f"{len(ids)} documents"
    else:
        if role != "reference":
            raise ComparisonError(
                f"{where}: 'rest' can only be the reference (the corpus without the target)."
            )
        if spec["rest"] is not True:
            raise ComparisonError(f"{where}: write {{rest: true}} for the rest of the corpus.")
        taken = set(other.documents) if other else set()
        ids = [d.id for d in documents if d.id not in taken]
        if not ids:
            raise ComparisonError(
                f"{where}: the target takes every document of the catalog {catalog}, so the "
                "rest of the corpus is empty. Compare with a group or a document instead."
            )
        label = REST_LABEL if view == "full" else f"{REST_LABEL} ({view})"
    return Side(str(spec.get("label") or label), kind, tuple((d, view) for d in ids))


def resolve_comparisons(
    specs: Sequence[Mapping[str, Any]],
    documents: Sequence[Document],
    *,
    views: Sequence[str],
    catalog: str = "the catalog",
) -> dict[str, Comparison]:
    """The comparisons asked for, checked against the catalog, by name (in the order given).

    Each spec is ``{"name": ..., "target": side, "reference": side}``, a side being
    ``{"group": g}``, ``{"document": id or [ids]}`` or, for the reference only,
    ``{"rest": True}`` (every document not in the target), with an optional ``view``
    (default ``full``; must be one of the config's ``views``) and ``label``. Raises
    :class:`ComparisonError` naming the comparison and the fix for a repeated or unsafe name,
    a side that is not exactly one of group/document/rest, an unknown document, a group
    without documents, a view the run does not profile, or sides that share a sample.

    Examples
    --------
    >>> from wordprint.corpus.documents import Document
    >>> docs = [Document(i, "", "", "", g, "", "file", "") for i, g in
    ...         [("e", "essay"), ("a", "sotu"), ("b", "sotu")]]
    >>> c = resolve_comparisons([{"name": "x", "target": {"group": "essay"},
    ...                           "reference": {"rest": True}}], docs, views=["full"])["x"]
    >>> c.target.samples, c.reference.label, c.reference.documents
    ((('e', 'full'),), 'the rest of the corpus', ('a', 'b'))
    """
    result: dict[str, Comparison] = {}
    for spec in specs:
        name = str(spec.get("name", ""))
        if not SAFE_ID.match(name) or ".." in name:
            raise ComparisonError(
                f"comparison name {name!r} is not file-name safe: use letters, digits, '.', "
                "'_' and '-' only, starting with a letter or digit."
            )
        if name in result:
            raise ComparisonError(
                f"comparison name {name!r} is used twice: give each comparison its own name."
            )
        for role in ("target", "reference"):
            if not isinstance(spec.get(role), Mapping):
                raise ComparisonError(f"comparison {name!r}: it needs a {role} side.")
        kw = {"views": views, "catalog": catalog}
        target = _side(name, "target", spec["target"], documents, other=None, **kw)
        reference = _side(name, "reference", spec["reference"], documents, other=target, **kw)
        shared = set(target.samples) & set(reference.samples)
        if shared:
            listed = ", ".join(sorted(sample_id(d, v) for d, v in shared))
            raise ComparisonError(
                f"comparison {name!r}: target and reference both contain {listed}. Make the "
                "sides disjoint (another group, another view, or {rest: true})."
            )
        result[name] = Comparison(name, target, reference)
    return result


# --- the text of each sample --------------------------------------------------------------------


@dataclass(frozen=True)
class SideData:
    """What the tables need of one side: counts, token total, and its parts for DP."""

    label: str
    samples: tuple[str, ...]  # sample ids
    counts: Mapping[str, int]
    tokens: int
    parts: tuple[Mapping[str, int], ...]
    part_sizes: tuple[int, ...]
    parts_are: str  # "documents" or "segments"


def profiles_of(tokens: Mapping[str, TokenIds]) -> dict[str, Any]:
    """The counts of the samples ``tokens`` (numbered tokens by sample id, as the count step
    caches them), shaped as the documents' profiles that :func:`side_data` reads; a view without
    tokens is left out, as the count step leaves it out.

    Examples
    --------
    >>> p = profiles_of({"a": TokenIds.of(["x", "y", "x"]), "a (own)": TokenIds.of([])})
    >>> p
    {'a': {'views': {'full': {'counts': {'x': 2, 'y': 1}, 'tokens': 3}}}}
    """
    profiles: dict[str, Any] = {}
    for sample, numbered in tokens.items():
        views = profiles.setdefault(document_id(sample), {"views": {}})["views"]
        if len(numbered):
            views[view_of(sample)] = {"counts": numbered_counts(numbered), "tokens": len(numbered)}
    return profiles


def side_data(
    side: Side,
    profiles: Mapping[str, Any],
    tokens: Mapping[str, Sequence[str]],
    *,
    segment_size: int,
) -> SideData:
    """Counts of a side, summed over its samples' profiles, and its parts for DP.

    A document of a group or the rest that lacks the side's view (a ``quoted`` view needs
    quotations) is left out; a document named on its own must have it. ``tokens`` (by sample
    id) is needed for a one-sample side, whose parts are its segments of ``segment_size``.

    Examples
    --------
    >>> profiles = {"a": {"views": {"full": {"counts": {"x": 2, "y": 1}, "tokens": 3}}},
    ...             "b": {"views": {"full": {"counts": {"x": 1}, "tokens": 1}}}}
    >>> data = side_data(Side("s", "group", (("a", "full"), ("b", "full"))), profiles, {},
    ...                  segment_size=2)
    >>> dict(data.counts), data.tokens, data.part_sizes, data.parts_are
    ({'x': 3, 'y': 1}, 4, (3, 1), 'documents')
    """
    kept = []
    for doc, view in side.samples:
        if view in profiles[doc]["views"]:
            kept.append((doc, view))
        elif side.kind == "document":
            raise ComparisonError(
                f"document {doc!r} has no {view!r} view (no words there after cleaning; a "
                "'quoted' view needs quotations). Compare another view of it."
            )
    if not kept:
        raise ComparisonError(
            f"the side {side.label!r} has no document with the {side.samples[0][1]!r} view. "
            "Compare another view."
        )
    counts: Counter[str] = Counter()
    parts, sizes = [], []
    for doc, view in kept:
        data = profiles[doc]["views"][view]
        counts.update(data["counts"])
        parts.append(data["counts"])
        sizes.append(int(data["tokens"]))
    ids = tuple(sample_id(d, v) for d, v in kept)
    parts_are = "documents"
    if len(kept) == 1:
        segments, rest = segment_tokens(tokens[ids[0]], size=segment_size)
        pieces = segments + ([rest] if rest else [])
        parts, sizes = [Counter(p) for p in pieces], [len(p) for p in pieces]
        parts_are = "segments"
    return SideData(
        label=side.label,
        samples=ids,
        counts=dict(counts),
        tokens=sum(int(profiles[d]["views"][v]["tokens"]) for d, v in kept),
        parts=tuple(parts),
        part_sizes=tuple(sizes),
        parts_are=parts_are,
    )
