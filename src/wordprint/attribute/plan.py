"""Who is known, who is questioned: the attribution stage's plan for a corpus.

The classifiers (:mod:`wordprint.attribute.classify`), General Impostors
(:mod:`wordprint.attribute.verification`) and rolling Delta (:mod:`wordprint.attribute.rolling`)
work on feature tables. :func:`plan_attribution` decides, from the catalog, which documents they
see in which role; :func:`split_samples` picks those rows out of an MFW table.

Roles
-----
The catalog column ``role`` (``role_column``) says what each document is for: ``known``
documents train the classifiers and are cross-validated, labelled by ``label_column`` (the
author); ``questioned`` documents are attributed; any other value (``joint``, ``unknown``,
empty) leaves the document out of both. A catalog without the column makes every document
known. Ids listed in ``questioned`` are questioned whatever the column says, so a catalog
without roles can still ask about one text.

Known samples are the ``full`` view of known documents (every segment of it when texts are
sampled); questioned samples are the views in ``views`` of questioned documents. A known
document's other views never train: its own words are nearly the same text as its full view.

References
----------
Mosteller, F. & Wallace, D. L. (1964). Inference and Disputed Authorship: The Federalist.
Addison-Wesley.

Koppel, M. & Winter, Y. (2014). Determining if two documents are written by the same author.
Journal of the Association for Information Science and Technology 65(1), 178-187.

Eder, M. (2016). Rolling stylometry. Digital Scholarship in the Humanities 31(3), 457-469.

Eder, M., Rybicki, J. & Kestemont, M. (2016). Stylometry with R: a package for computational
text analysis. The R Journal 8(1), 107-121.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from wordprint.corpus.documents import Document
from wordprint.corpus.samples import document_id, view_of
from wordprint.count.profile import DocumentError


@dataclass(frozen=True)
class AttributionSettings:
    """What the attribution stage is asked to do (the defaults are the workflow config's
    ``attribution`` block, see config/README.md)."""

    enabled: bool | Literal["auto"] = "auto"  # auto: when the catalog has roles or questioned
    role_column: str = "role"
    questioned: tuple[str, ...] = ()  # document ids questioned whatever their role
    views: tuple[str, ...] = ("full",)  # views of questioned documents that are attributed
    min_documents: int = 2  # known documents an author needs to be cross-validated
    impostors: bool = True  # verify the questioned samples with General Impostors
    candidates: tuple[str, ...] = ()  # authors verified (none: every known author)
    impostors_mfw: int | None = None  # the MFW setting verified on (None: the run's choice)
    rolling: tuple[str, ...] = ()  # documents rolled along
    rolling_candidates: tuple[str, ...] = ()  # (none: every known author)
    rolling_view: str = "full"
    rolling_mfw: int | None = None


@dataclass(frozen=True)
class Plan:
    """What the attribution stage does with a corpus (see :func:`plan_attribution`)."""

    enabled: bool
    roles: dict[str, str] = field(default_factory=dict)  # document id -> known / questioned / ...
    labels: dict[str, str] = field(default_factory=dict)  # known document id -> label (author)
    questioned: tuple[str, ...] = ()  # questioned document ids, catalog order
    views: tuple[str, ...] = ("full",)  # views of questioned documents that are attributed
    candidates: tuple[str, ...] = ()  # authors each questioned sample is verified against
    impostors: bool = False
    rolling: tuple[str, ...] = ()  # documents rolled along
    rolling_candidates: tuple[str, ...] = ()
    rolling_references: tuple[str, ...] = ()  # known documents of the rolling candidates

    @property
    def palette(self) -> list[str]:
        """Every known author, candidates first: the colour order of the stage's figures."""
        authors = sorted(set(self.labels.values()))
        return list(dict.fromkeys([*self.candidates, *self.rolling_candidates, *authors]))


def document_roles(
    documents: Sequence[Document], *, role_column: str = "role", questioned: Sequence[str] = ()
) -> dict[str, str]:
    """Each document's role, by id: the catalog column ``role_column`` lowercased (``known``,
    ``questioned``, anything else), ``known`` for every document of a catalog without the
    column, and ``questioned`` for the ids in ``questioned`` whatever the column says.

    Examples
    --------
    >>> docs = [Document(i, "A", "", "", "A", "x.txt", "file", "x.txt", {"role": r})
    ...         for i, r in [("a", "Known"), ("q", "questioned"), ("j", "joint"), ("e", "")]]
    >>> document_roles(docs, questioned=["a"])
    {'a': 'questioned', 'q': 'questioned', 'j': 'joint', 'e': ''}
    """
    has_column = any(role_column in d.extra for d in documents)
    return {
        d.id: "questioned" if d.id in questioned
        else d.field(role_column).strip().lower() if has_column else "known"
        for d in documents
    }


def known_documents(
    documents: Sequence[Document], *, role_column: str = "role", questioned: Sequence[str] = ()
) -> list[str]:
    """The ids of the documents whose label is known (role ``known``, see
    :func:`document_roles`), in catalog order.

    Only their labels are evidence: the attribution stage trains on them, and the flat
    clusters, nearest neighbours and ``clusters: auto`` are scored and counted on them alone.
    A questioned document (or a ``joint`` one) is still clustered and drawn, but its label
    (``unknown``, ``disputed``, ``Hamilton and Madison``) is not an author to recover.

    Examples
    --------
    >>> docs = [Document(i, a, "", "", a, "x.txt", "file", "x.txt", {"role": r})
    ...         for i, a, r in [("a", "A", "known"), ("q", "unknown", "questioned")]]
    >>> known_documents(docs), known_documents(docs, role_column="status")
    (['a'], ['a', 'q'])
    """
    roles = document_roles(documents, role_column=role_column, questioned=questioned)
    return [i for i, role in roles.items() if role == "known"]


def plan_attribution(
    documents: Sequence[Document],
    *,
    label_column: str,
    views: Sequence[str],
    mfw: Sequence[int],
    settings: AttributionSettings = AttributionSettings(),
) -> Plan:
    """Check the attribution ``settings`` against the catalog and decide what runs.

    ``enabled="auto"`` turns the stage on when the catalog has the role column or
    ``questioned`` names documents; ``True`` also cross-validates a catalog without roles
    (every document known); ``False`` turns it off. Impostors run when there are questioned
    samples and at least two authors have two or more known documents (the calibration needs
    them). ``views`` and ``mfw`` are what the run profiles and computes. Raises ``ValueError``
    naming the setting and the fix for anything the catalog cannot fill: an unknown id, an
    author without known documents, a view the run does not profile, an MFW setting the run
    does not compute.

    Examples
    --------
    >>> docs = [Document(i, a, "", "", a, "x.txt", "file", "x.txt", {"role": r})
    ...         for i, a, r in [("a1", "A", "known"), ("a2", "A", "known"),
    ...                         ("b1", "B", "known"), ("b2", "B", "known"),
    ...                         ("q", "?", "questioned"), ("j", "A and B", "joint")]]
    >>> plan = plan_attribution(docs, label_column="author", views=["full"], mfw=[100])
    >>> plan.enabled, plan.questioned, plan.candidates, plan.impostors
    (True, ('q',), ('A', 'B'), True)
    """
    s = settings
    column, ids = s.role_column, [d.id for d in documents]
    has_column = any(column in d.extra for d in documents)
    unknown = [i for i in s.questioned if i not in ids]
    if unknown:
        raise ValueError(
            f"attribution.questioned names {', '.join(map(repr, unknown))}, not in the catalog; "
            "list catalog ids"
        )
    enabled = s.enabled
    if enabled == "auto":
        enabled = has_column or bool(s.questioned)
    if not enabled:
        return Plan(enabled=False)
    roles = document_roles(documents, role_column=column, questioned=s.questioned)
    labels = {}
    for d in documents:
        if roles[d.id] == "known":
            label = d.field(label_column).strip()
            if not label:
                raise ValueError(
                    f"document {d.id!r} is known but its {label_column!r} (label_column) is "
                    "empty; fill it in or give the document another role"
                )
            labels[d.id] = label
    if len(set(labels.values())) < 2:
        raise ValueError(
            f"attribution needs known documents of at least 2 authors ({label_column!r}), got "
            f"{sorted(set(labels.values()))}; mark documents 'known' in the catalog column "
            f"{column!r} or turn the stage off with attribution.enabled: false"
        )
    per_author = Counter(labels.values())
    if sum(n >= s.min_documents for n in per_author.values()) < 2:
        raise ValueError(
            f"cross-validation needs at least 2 authors with attribution.min_documents "
            f"({s.min_documents}) or more known documents; the catalog has "
            f"{dict(sorted(per_author.items()))}. Lower min_documents or add known documents"
        )
    bad_views = [v for v in s.views if v not in views]
    if bad_views:
        raise ValueError(
            f"attribution.views names {bad_views}, which the run does not profile (config "
            f"'views' is {list(views)}); add them to 'views' or drop them"
        )
    authors = sorted(set(labels.values()))
    for key, candidates, chosen_mfw in (
        ("impostors", s.candidates, s.impostors_mfw),
        ("rolling", s.rolling_candidates, s.rolling_mfw),
    ):
        bad = [a for a in candidates if a not in authors]
        if bad:
            raise ValueError(
                f"attribution.{key}.candidates names {bad}, who have no known documents; "
                f"choose among {authors}"
            )
        if chosen_mfw is not None and chosen_mfw not in mfw:
            raise ValueError(
                f"attribution.{key}.mfw is {chosen_mfw}, which the run does not compute "
                f"(config 'mfw' is {list(mfw)}); choose one of those"
            )
    missing = [i for i in s.rolling if i not in ids]
    if missing:
        raise ValueError(
            f"attribution.rolling.documents names {', '.join(map(repr, missing))}, not in the "
            "catalog; list catalog ids"
        )
    if s.rolling_view not in views:
        raise ValueError(
            f"attribution.rolling.view is {s.rolling_view!r}, which the run does not "
            f"profile (config 'views' is {list(views)})"
        )
    questioned = tuple(i for i in ids if roles[i] == "questioned")
    calibratable = sum(n >= 2 for n in per_author.values()) >= 2
    rolling_candidates = tuple(s.rolling_candidates or authors)
    return Plan(
        enabled=True,
        roles=roles,
        labels=labels,
        questioned=questioned,
        views=tuple(s.views),
        candidates=tuple(s.candidates or authors),
        impostors=bool(s.impostors and questioned and calibratable),
        rolling=tuple(s.rolling),
        rolling_candidates=rolling_candidates,
        rolling_references=tuple(
            i for i in ids if i in labels and labels[i] in rolling_candidates
        ),
    )


def split_samples(ids: Sequence[str], plan: Plan) -> dict[str, list]:
    """Rows of an MFW table (sample ids) that are known and questioned, per :class:`Plan`.

    Returns ``known`` and ``questioned`` (row indices), ``labels`` and ``documents`` of the
    known rows (for grouped cross-validation). Raises
    :class:`~wordprint.count.profile.DocumentError` when a questioned document has none of the
    views asked for.

    Examples
    --------
    >>> plan = Plan(True, {"a": "known", "b": "known", "q": "questioned"},
    ...             {"a": "A", "b": "B"}, ("q",), ("full", "own"))
    >>> split_samples(["a", "a (own)", "b", "q", "q (own)"], plan)
    {'known': [0, 2], 'labels': ['A', 'B'], 'documents': ['a', 'b'], 'questioned': [3, 4]}
    """
    known, questioned = [], []
    for i, sample in enumerate(ids):
        doc, view = document_id(sample), view_of(sample)
        role = plan.roles.get(doc, "")
        if role == "known" and view == "full":
            known.append(i)
        elif role == "questioned" and view in plan.views:
            questioned.append(i)
    missing = sorted(set(plan.questioned) - {document_id(ids[i]) for i in questioned})
    if missing:
        raise DocumentError(
            f"questioned document(s) {', '.join(map(repr, missing))} have none of the views in "
            f"attribution.views {list(plan.views)} (a view other than full exists only for "
            "documents with at least quotes.min_share of their words quoted, whose quotations "
            "cite their sources: quotes.min_cited); add full to attribution.views"
        )
    return {
        "known": known,
        "labels": [plan.labels[document_id(ids[i])] for i in known],
        "documents": [document_id(ids[i]) for i in known],
        "questioned": questioned,
    }
