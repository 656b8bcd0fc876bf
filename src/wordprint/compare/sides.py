"""Corpus comparison: two sides of a corpus, and the tables that say how their words differ.

A *comparison* sets a **target** against a **reference**. Each side is a catalog group, one or
more documents, or (the reference only) the rest of the corpus, in one view (``full``, ``own``
or ``quoted``). :func:`resolve_comparisons` checks the config's comparisons against the catalog
before any job runs; :func:`analyse` then builds every table of one comparison from the
documents' profiles (word counts) and token sequences:

- **keyness** (:func:`keyness_table`): every statistic of :func:`wordprint.compare.keyness.keyness`,
  p-values adjusted over all terms tested, a ``significant`` flag, and Gries's DP of each term
  within each side;
- **Zeta** (:func:`zeta_table`): Craig's Zeta on equal-size segments;
- **KWIC** (:func:`kwic_rows`) and **collocations** (:func:`collocation_rows`) of the top key
  terms, each read in the side where it is key;
- **vocabulary overlap** (:func:`overlap_row`).

Tables are dicts of equal-length columns (numpy arrays or lists); :func:`table_rows` turns one
into a CSV header and rows with plain Python values and no NaN.

Where we differ
---------------
- **Parts for DP.** A side of two or more documents (or views) uses them as its parts, as Gries
  (2008) does; a side of one text uses its consecutive segments of ``segment_size`` tokens
  (the last, shorter one included: DP weighs parts by size). DP is left empty where the term
  does not occur on that side (it is undefined there).
- **Which terms are tested.** Terms used fewer than ``min_freq`` times on both sides together
  are left out of the table and of the p-value adjustment: with Holm's correction over a few
  thousand terms they could never reach significance, and leaving them out of the family makes
  the test of the others less strict (Rayson & Garside 2000 filter the same way).
- **Collocations** are counted as nltk's ``BigramCollocationFinder.from_words`` counts them
  (see :func:`wordprint.compare.concordance.collocations`), but only for pairs that contain one of the
  terms asked for and never across a document boundary, so that a side of a million tokens
  costs one pass per term rather than one finder per term.

References
----------
Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling. Workshop on
Comparing Corpora, ACL 2000, 1-6.

Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora. International Journal of
Corpus Linguistics 13(4), 403-437.

Craig, H. & Kinney, A. F. (eds.) (2009). Shakespeare, Computers, and the Mystery of Authorship.
Cambridge University Press.

Hardie, A. (2014). Log Ratio: an informal introduction. ESRC Centre for Corpus Approaches to
Social Science (CASS), Lancaster University.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypedDict

import numpy as np

from wordprint.compare.concordance import kwic, vocabulary_growth, vocabulary_overlap
from wordprint.corpus.samples import document_id, sample_id, view_of
from wordprint.compare.dispersion import dp
from wordprint.io.catalog import SAFE_ID, Document
from wordprint.compare.keyness import P_ADJUSTMENTS, adjust_p_values, keyness
from wordprint.workflow.params import escaped_repr
from wordprint.count.profile import VIEWS, DocumentError, numbered_counts
from wordprint.text.tokenize import TokenIds
from wordprint.uncertainty import UncertaintySettings, interval_columns, log_ratio_intervals
from wordprint.compare.zeta import segment_tokens, segments_of_texts, zeta

Table = dict[str, Any]
SideKind = Literal["group", "document", "rest"]
SortStatistic = Literal["log_likelihood", "chi_square", "log_ratio", "log_odds_z", "log_odds_dirichlet"]

SIDE_KINDS: tuple[str, ...] = ("group", "document", "rest")
REST_LABEL = "the rest of the corpus"


class ComparisonError(DocumentError):
    """A comparison the config asks for but the corpus cannot give; the message says the fix.

    A :class:`~wordprint.count.profile.DocumentError`, so that a workflow step reports it as a
    user's mistake (one line naming the comparison), not as a traceback.
    """


class KeynessSettings(TypedDict):
    """The config's ``keyness`` block (see config/README.md)."""

    min_freq: int
    alpha: float
    correction: str  # a key of wordprint.compare.keyness.P_ADJUSTMENTS
    sort_by: str  # a key of SORT_STATISTICS
    top: int
    segment_size: int
    collocation_window: int
    collocates: int
    kwic_lines: int
    kwic_context: int


# --- sides and comparisons ----------------------------------------------------------------------


@escaped_repr
@dataclass(frozen=True)
class Side:
    """One side of a comparison: its label, how it was chosen, and its samples (document, view)."""

    label: str
    kind: str  # one of SIDE_KINDS
    samples: tuple[tuple[str, str], ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d for d, _ in self.samples))

    @property
    def sample_ids(self) -> tuple[str, ...]:
        return tuple(sample_id(d, v) for d, v in self.samples)


@escaped_repr
@dataclass(frozen=True)
class Comparison:
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
    """The config's comparisons, checked against the catalog, by name (in config order).

    Each spec is ``{"name": ..., "target": side, "reference": side}``, a side being
    ``{"group": g}``, ``{"document": id or [ids]}`` or, for the reference only,
    ``{"rest": True}`` (every document not in the target), with an optional ``view``
    (default ``full``; must be one of the config's ``views``) and ``label``. Raises
    :class:`ComparisonError` naming the comparison and the fix for a repeated or unsafe name,
    a side that is not exactly one of group/document/rest, an unknown document, a group
    without documents, a view the run does not profile, or sides that share a sample.

    Examples
    --------
    >>> from wordprint.io.catalog import Document
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


# --- keyness --------------------------------------------------------------------------------------


def _magnitude(column: str) -> Callable[[Table], np.ndarray]:
    return lambda table: np.abs(np.asarray(table[column], dtype=float))


#: Statistics a keyness table can be sorted by -> the strength of keyness they give each term
#: (the absolute value of signed statistics, so both directions rank together).
SORT_STATISTICS: dict[str, Callable[[Table], np.ndarray]] = {
    "log_likelihood": _magnitude("log_likelihood"),
    "chi_square": _magnitude("chi_square"),
    "log_ratio": _magnitude("log_ratio"),
    "log_odds_z": _magnitude("log_odds_z"),
    "log_odds_dirichlet": _magnitude("log_odds_dirichlet"),
}

#: Display names of the statistics, for figures and the report.
STATISTIC_LABELS: dict[str, str] = {
    "log_likelihood": "log-likelihood G2",
    "chi_square": "chi-square",
    "log_ratio": "Log Ratio",
    "log_odds_z": "log-odds z-score (informative Dirichlet prior)",
    "log_odds_dirichlet": "log-odds ratio (informative Dirichlet prior)",
}

#: Display names of the p-value adjustments.
CORRECTION_LABELS: dict[str, str] = {
    "holm": "Holm",
    "bonferroni": "Bonferroni",
    "fdr_bh": "Benjamini-Hochberg",
}


def _dispersion(side: SideData, terms: Sequence[str]) -> list[float | None]:
    if len(side.parts) < 2:  # one part: every term is as evenly spread as it can be
        return [0.0 if side.counts.get(t, 0) else None for t in terms]
    matrix = np.array([[part.get(t, 0) for t in terms] for part in side.parts], dtype=float)
    values = dp(matrix.reshape(len(side.parts), len(terms)), side.part_sizes)
    return [None if math.isnan(v) else float(v) for v in np.atleast_1d(values)]


def keyness_table(
    target: SideData,
    reference: SideData,
    *,
    min_freq: int = 5,
    alpha: float = 0.05,
    correction: str = "holm",
    sort_by: str = "log_likelihood",
) -> Table:
    """One row per term used at least ``min_freq`` times on both sides together, strongest first.

    Columns: ``rank``; ``term``; ``key_in`` (the label of the side that uses the term
    relatively more, empty for a tie); every column of :func:`wordprint.compare.keyness.keyness`
    (frequencies, per-million rates, ``sign``, ``log_likelihood`` and its ``p_value``,
    ``chi_square``, ``log_ratio``, ``percent_diff``, ``log_odds_dirichlet``, ``log_odds_z``),
    with ``p_adjusted`` (``correction`` over every row) and ``significant``
    (``p_adjusted < alpha``) after ``p_value``; ``dp_target`` and ``dp_reference`` (Gries's DP
    over each side's parts, None where the term is absent); and ``sorted_by`` and
    ``p_adjustment``, which name the settings. Rows are sorted by ``sort_by``'s strength (its
    absolute value for signed statistics), ties by term.

    References
    ----------
    Rayson, P. & Garside, R. (2000). Comparing corpora using frequency profiling. Workshop on
    Comparing Corpora, ACL 2000, 1-6.

    Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian
    Journal of Statistics 6(2), 65-70.

    Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora. International
    Journal of Corpus Linguistics 13(4), 403-437.

    Examples
    --------
    >>> t = SideData("A", ("a",), {"we": 30, "they": 2}, 1000, ({"we": 30, "they": 2},), (1000,),
    ...              "segments")
    >>> r = SideData("B", ("b",), {"we": 5, "they": 40}, 1000, ({"we": 5, "they": 40},), (1000,),
    ...              "segments")
    >>> table = keyness_table(t, r, min_freq=1)
    >>> table["term"], table["key_in"], table["significant"].tolist()
    (['they', 'we'], ['B', 'A'], [True, True])
    """
    if sort_by not in SORT_STATISTICS:
        raise ValueError(f"sort_by must be one of {sorted(SORT_STATISTICS)}, got {sort_by!r}")
    if correction not in P_ADJUSTMENTS:
        raise ValueError(f"correction must be one of {sorted(P_ADJUSTMENTS)}, got {correction!r}")
    if not 0 < alpha <= 1:
        raise ValueError(f"alpha must be in (0, 1], got {alpha}")
    if isinstance(min_freq, bool) or not isinstance(min_freq, (int, np.integer)) or min_freq < 1:
        raise ValueError(f"min_freq must be a positive integer, got {min_freq!r}")
    vocabulary = sorted(set(target.counts) | set(reference.counts))
    a = np.array([target.counts.get(t, 0) for t in vocabulary], dtype=float)
    b = np.array([reference.counts.get(t, 0) for t in vocabulary], dtype=float)
    keep = a + b >= min_freq
    terms = [t for t, k in zip(vocabulary, keep) if k]
    stats = keyness(a[keep], b[keep], target.tokens, reference.tokens, terms=terms)
    p_adjusted = adjust_p_values(stats["p_value"], method=correction)
    strength = SORT_STATISTICS[sort_by](stats)
    # Vocabulary is alphabetical, so a stable sort on -strength breaks ties by term.
    order = np.argsort(-strength, kind="stable")
    key_in = {1: target.label, -1: reference.label, 0: ""}
    n = len(terms)
    table: Table = {
        "rank": list(range(1, n + 1)),
        "term": [terms[i] for i in order],
        "key_in": [key_in[int(stats["sign"][i])] for i in order],
    }
    for column, values in stats.items():
        if column == "term":
            continue
        table[column] = np.asarray(values)[order]
        if column in ("freq_target", "freq_reference"):
            table[column] = table[column].astype(int)
        if column == "p_value":
            table["p_adjusted"] = p_adjusted[order]
            table["significant"] = p_adjusted[order] < alpha
    table["dp_target"] = _dispersion(target, table["term"])
    table["dp_reference"] = _dispersion(reference, table["term"])
    table["sorted_by"] = [sort_by] * n
    table["p_adjustment"] = [correction] * n
    return table


def top_terms(table: Table, *, n: int) -> tuple[list[str], list[str]]:
    """The first ``n`` terms key in the target and the first ``n`` key in the reference.

    ``table`` is a :func:`keyness_table`, already sorted strongest first.

    Examples
    --------
    >>> top_terms({"term": ["a", "b", "c", "d"], "sign": [1, -1, 1, 1]}, n=2)
    (['a', 'c'], ['b'])
    """
    if n < 0:
        raise ValueError(f"n must be 0 or more, got {n}")
    signs = [int(s) for s in table["sign"]]
    target = [t for t, s in zip(table["term"], signs) if s > 0][:n]
    reference = [t for t, s in zip(table["term"], signs) if s < 0][:n]
    return target, reference


# --- Zeta -----------------------------------------------------------------------------------------


def zeta_table(
    target_tokens: Mapping[str, Sequence[str]],
    reference_tokens: Mapping[str, Sequence[str]],
    *,
    size: int,
    min_freq: int = 3,
    labels: tuple[str, str] = ("target", "reference"),
) -> tuple[Table, int, int]:
    """Craig's Zeta of the two sides' texts cut into segments of ``size`` tokens.

    Returns the table of :func:`wordprint.compare.zeta.zeta` (every segment weighs the same) and the
    number of segments on each side. Raises :class:`ComparisonError` when a side has no text
    as long as one segment.

    References
    ----------
    Craig, H. & Kinney, A. F. (eds.) (2009). Shakespeare, Computers, and the Mystery of
    Authorship. Cambridge University Press.

    Examples
    --------
    >>> table, nt, nr = zeta_table({"a": "x y x z".split()}, {"b": "y w y w".split()}, size=2,
    ...                            min_freq=1)
    >>> table["term"].tolist()[:2], nt, nr
    (['x', 'z'], 2, 2)
    """
    cut = []
    for label, texts in zip(labels, (target_tokens, reference_tokens)):
        segments, _, _ = segments_of_texts(texts, size=size)
        if not segments:
            longest = max((len(t) for t in texts.values()), default=0)
            raise ComparisonError(
                f"Zeta: the {label} side has no text of {size} tokens (its longest has "
                f"{longest}). Lower keyness.segment_size in the config."
            )
        cut.append(segments)
    table = zeta(cut[0], cut[1], min_freq=min_freq)
    return table, len(cut[0]), len(cut[1])


def extremes(values: Sequence[float], *, n: int) -> np.ndarray:
    """A mask of the ``n`` highest and the ``n`` lowest values (fewer if there are fewer).

    Ties keep their order: for a Zeta table, sorted highest first, that is its first and last
    ``n`` rows.

    Examples
    --------
    >>> extremes([0.9, 0.5, 0.0, -0.2, -0.8], n=1).tolist()
    [True, False, False, False, True]
    """
    if n < 0:
        raise ValueError(f"n must be 0 or more, got {n}")
    values = np.asarray(values, dtype=float)
    order = np.argsort(-values, kind="stable")
    mask = np.zeros(values.size, dtype=bool)
    if n:
        mask[order[:n]] = True
        mask[order[-n:]] = True
    return mask


# --- reading aids ---------------------------------------------------------------------------------


def kwic_rows(
    tokens: Mapping[str, Sequence[str]],
    terms: Sequence[str],
    *,
    lines: int,
    context: int,
    key_in: str = "",
) -> list[dict[str, Any]]:
    """A few keyword-in-context lines per term, spread evenly over all its occurrences.

    ``tokens`` maps sample ids to token lists (a side's texts, in order); each term gets
    ``lines`` lines taken at evenly spaced ranks among its occurrences in all of them, so they
    come from the beginning, middle and end of the side rather than its first text.

    References
    ----------
    Sinclair, J. (1991). Corpus, Concordance, Collocation. Oxford University Press.

    Examples
    --------
    >>> rows = kwic_rows({"a": "the state the party the".split()}, ["the"], lines=2, context=1)
    >>> [(r["position"], r["left"], r["right"]) for r in rows]
    [(0, '', 'state'), (4, 'party', '')]
    """
    if lines < 1:
        raise ValueError(f"lines must be a positive number of lines, got {lines}")
    rows = []
    for term in terms:
        found = [
            (sid, line) for sid, toks in tokens.items() for line in kwic(toks, term, window=context)
        ]
        if not found:
            continue
        picks = sorted({round(x) for x in np.linspace(0, len(found) - 1, min(lines, len(found)))})
        for k in picks:
            sid, line = found[k]
            rows.append(
                {
                    "term": term,
                    "key_in": key_in,
                    "document": document_id(sid),
                    "view": view_of(sid),
                    "position": line.position,
                    "left": line.left,
                    "keyword": line.keyword,
                    "right": line.right,
                }
            )
    return rows


def collocation_rows(
    tokens: Mapping[str, Sequence[str]],
    terms: Sequence[str],
    *,
    window: int,
    min_freq: int = 2,
    limit: int | None = 10,
    key_in: str = "",
) -> list[dict[str, Any]]:
    """Collocates of each term within ``window`` tokens either side, strongest (LL) first.

    Counts and scores are those of :func:`wordprint.compare.concordance.collocations` with
    ``window_size = window + 1`` on the side's texts, except that no window spans two texts:
    a pair (x, term) is a collocate on the term's left, (term, x) on its right, kept when seen
    at least ``min_freq`` times, scored by nltk's ``likelihood_ratio`` (Dunning 1993) and
    ``pmi`` (Church & Hanks 1990, log base 2), ``limit`` per term.

    References
    ----------
    Church, K. W. & Hanks, P. (1990). Word association norms, mutual information, and
    lexicography. Computational Linguistics 16(1), 22-29.

    Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence.
    Computational Linguistics 19(1), 61-74.

    Examples
    --------
    >>> rows = collocation_rows({"a": "the soviet state and the soviet union".split()},
    ...                         ["soviet"], window=1)
    >>> [(r["collocate"], r["collocate_side"], r["frequency"]) for r in rows]
    [('the', 'left', 2)]
    """
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 1:
        raise ValueError(f"window (tokens each side) must be a positive integer, got {window!r}")
    if isinstance(min_freq, bool) or not isinstance(min_freq, (int, np.integer)) or min_freq < 1:
        raise ValueError(f"min_freq must be a positive integer, got {min_freq!r}")
    from nltk.collocations import BigramCollocationFinder  # nltk: 1.7 s, only when used
    from nltk.metrics.association import BigramAssocMeasures
    from nltk.probability import FreqDist

    unigrams = FreqDist()
    for toks in tokens.values():
        unigrams.update(toks)
    rows = []
    for term in terms:
        pairs: Counter[tuple[str, str]] = Counter()
        for toks in tokens.values():
            for i, token in enumerate(toks):
                if token != term:
                    continue
                # nltk counts (w1, w2) once for each w2 within window tokens after w1, so
                # (term, term) is counted from its first member only.
                pairs.update((term, x) for x in toks[i + 1 : i + 1 + window])
                pairs.update((x, term) for x in toks[max(0, i - window) : i] if x != term)
        kept = FreqDist({p: c for p, c in pairs.items() if c >= min_freq})
        finder = BigramCollocationFinder(unigrams, kept, window_size=window + 1)
        found = []
        for (w1, w2), count in finder.ngram_fd.items():
            right = w1 == term
            found.append(
                {
                    "term": term,
                    "key_in": key_in,
                    "collocate": w2 if right else w1,
                    "collocate_side": "right" if right else "left",
                    "frequency": int(count),
                    "log_likelihood": float(
                        finder.score_ngram(BigramAssocMeasures.likelihood_ratio, w1, w2)
                    ),
                    "pmi": float(finder.score_ngram(BigramAssocMeasures.pmi, w1, w2)),
                }
            )
        found.sort(key=lambda r: (-r["log_likelihood"], r["collocate"], r["collocate_side"]))
        rows.extend(found[:limit])
    return rows


def overlap_row(target: SideData, reference: SideData, *, top: int = 20) -> dict[str, Any]:
    """Shared and unique types of the two sides, the Jaccard index, and the most frequent
    types only one side uses (``word (count)``, joined by ``; ``).

    Types depend on text length: a side ten times longer has many more types, so compare
    Jaccard indices only between comparisons of similar sizes.

    References
    ----------
    Jaccard, P. (1912). The distribution of the flora in the alpine zone. New Phytologist
    11(2), 37-50.

    Examples
    --------
    >>> a = SideData("A", (), {"the": 3, "state": 1}, 4, (), (), "documents")
    >>> b = SideData("B", (), {"the": 2, "party": 2}, 4, (), (), "documents")
    >>> row = overlap_row(a, b)
    >>> row["shared"], row["jaccard"], row["top_only_target"]
    (1, 0.3333333333333333, 'state (1)')
    """
    overlap = vocabulary_overlap(target.counts, reference.counts)

    def most_frequent(words_: list[str], counts: Mapping[str, int]) -> str:
        ranked = sorted(words_, key=lambda w: (-counts[w], w))[:top]
        return "; ".join(f"{w} ({counts[w]})" for w in ranked)

    return {
        "target": target.label,
        "reference": reference.label,
        "tokens_target": target.tokens,
        "tokens_reference": reference.tokens,
        "types_target": len(target.counts),
        "types_reference": len(reference.counts),
        "shared": len(overlap.shared),
        "only_target": len(overlap.only_a),
        "only_reference": len(overlap.only_b),
        "jaccard": overlap.jaccard,
        "top_only_target": most_frequent(overlap.only_a, target.counts),
        "top_only_reference": most_frequent(overlap.only_b, reference.counts),
    }


def growth_rows(
    tokens: Mapping[str, Sequence[str]],
    *,
    groups: Mapping[str, str] | None = None,
    points: int = 1000,
    min_step: int = 100,
) -> list[dict[str, Any]]:
    """Vocabulary growth curves (types after every ``step`` tokens) of each sample.

    One step for all curves: ``min_step`` tokens, or more so that the longest text gives at
    most about ``points`` points. Rows: ``id`` (sample), ``document``, ``view``, ``group``
    (from ``groups``, document id -> group; empty without it), ``tokens``, ``types``.

    References
    ----------
    Baayen, R. H. (2001). Word Frequency Distributions. Kluwer Academic Publishers.

    Examples
    --------
    >>> [(r["tokens"], r["types"]) for r in growth_rows({"a": "a b a c".split()}, min_step=2)]
    [(2, 2), (4, 3)]
    """
    longest = max((len(t) for t in tokens.values()), default=0)
    step = max(min_step, math.ceil(longest / points))
    rows = []
    for sid, toks in tokens.items():
        curve = vocabulary_growth(toks, step=step)
        for n, types in zip(curve["tokens"], curve["types"]):
            rows.append(
                {
                    "id": sid,
                    "document": document_id(sid),
                    "view": view_of(sid),
                    "group": (groups or {}).get(document_id(sid), ""),
                    "tokens": int(n),
                    "types": int(types),
                }
            )
    return rows


# --- what the figures draw -------------------------------------------------------------------------

#: Most words labelled each way on a Zeta map: more crowd its corners.
ZETA_LABELS = 12


def keyness_plot_rows(table: Table, terms: Sequence[str]) -> Table:
    """The rows of a :func:`keyness_table` the keyness figure draws (``terms``, in order).

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


# --- one comparison, start to end ---------------------------------------------------------------


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
    settings: KeynessSettings,
    uncertainty: UncertaintySettings | None = None,
) -> ComparisonResult:
    """All tables of one comparison, from the documents' profiles and tokens (by sample id).

    With ``uncertainty`` (the config's block) the keyness table has ``log_ratio_low`` and
    ``log_ratio_high`` after ``log_ratio``: its block-bootstrap interval
    (:func:`wordprint.uncertainty.log_ratio_intervals`; each sample's segments resampled from
    its own stream, keyed by its sample id), empty when a side is too short to resample.

    Examples
    --------
    >>> from wordprint.io.catalog import Document
    >>> docs = [Document(i, "", "", "", g, "", "file", "") for i, g in [("a", "A"), ("b", "B")]]
    >>> c = resolve_comparisons([{"name": "x", "target": {"group": "A"},
    ...                           "reference": {"group": "B"}}], docs, views=["full"])["x"]
    >>> tokens = {"a": "we we we go".split(), "b": "they they they go".split()}
    >>> profiles = {d: {"views": {"full": {"counts": dict(Counter(t)), "tokens": len(t)}}}
    ...             for d, t in tokens.items()}
    >>> settings = dict(min_freq=1, alpha=0.05, correction="holm", sort_by="log_likelihood",
    ...                 top=1, segment_size=2, collocation_window=1, collocates=5,
    ...                 kwic_lines=1, kwic_context=1)
    >>> result = analyse(c, profiles, tokens, settings=settings)
    >>> result.top_target, result.top_reference
    (['we'], ['they'])
    """
    s = settings
    target = side_data(comparison.target, profiles, tokens, segment_size=s["segment_size"])
    reference = side_data(comparison.reference, profiles, tokens, segment_size=s["segment_size"])
    table = keyness_table(
        target,
        reference,
        min_freq=s["min_freq"],
        alpha=s["alpha"],
        correction=s["correction"],
        sort_by=s["sort_by"],
    )
    if not table["term"]:
        raise ComparisonError(
            f"{target.label} vs {reference.label}: no term is used {s['min_freq']} times on both "
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
    top_t, top_r = top_terms(table, n=s["top"])
    side_tokens = {
        "target": {i: tokens[i] for i in target.samples},
        "reference": {i: tokens[i] for i in reference.samples},
    }
    labels = (f"target ({target.label})", f"reference ({reference.label})")
    zeta_result, n_t, n_r = zeta_table(
        side_tokens["target"],
        side_tokens["reference"],
        size=s["segment_size"],
        min_freq=s["min_freq"],
        labels=labels,
    )
    lines, collocates = [], []
    sides = ((top_t, "target", target.label), (top_r, "reference", reference.label))
    for terms, role, label in sides:
        lines += kwic_rows(
            side_tokens[role], terms, lines=s["kwic_lines"], context=s["kwic_context"], key_in=label
        )
        collocates += collocation_rows(
            side_tokens[role],
            terms,
            window=s["collocation_window"],
            limit=s["collocates"],
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


def _plain(value: Any) -> Any:
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (np.floating, float)):
        value = float(value)
        return None if math.isnan(value) or math.isinf(value) else value
    return value


def table_rows(table: Table | Sequence[Mapping[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """CSV header and rows of a table (dict of columns, or list of row dicts).

    Values become plain Python (numpy scalars unwrapped); NaN and infinities become None,
    written as empty cells, so no table holds ``NaN`` or ``inf``.

    Examples
    --------
    >>> table_rows({"term": ["a", "b"], "dp": np.array([0.5, np.nan])})
    (['term', 'dp'], [['a', 0.5], ['b', None]])
    >>> table_rows([{"x": 1}])
    (['x'], [[1]])
    """
    if isinstance(table, Mapping):
        header = list(table)
        columns = [list(table[c]) for c in header]
        return header, [[_plain(v) for v in row] for row in zip(*columns)]
    rows = list(table)
    header = list(rows[0]) if rows else []
    return header, [[_plain(r[c]) for c in header] for r in rows]


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
