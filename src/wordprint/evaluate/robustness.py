"""The robustness map: does a document's answer survive other reasonable settings?

A stylometric result is a result *of one setting*: a number of most frequent words (MFW), a
distance measure, a normalisation of the feature vectors and a text (the whole document, or
only its own words). Rybicki & Eder (2011) showed how much the answers move with the number of
MFW, and Eder's bootstrap consensus tree (Eder 2013, 2017; stylo's ``consensus.strength``)
keeps only the groupings that most settings agree on. This module asks the same question of
each document's two main conclusions in the report:

- ``nearest``: the label (the catalog's ``label_column``, e.g. the author) of its nearest other
  document, the answer of leave-one-out nearest-neighbour attribution (Burrows 2002);
- ``cluster``: its cluster-mates, the other documents in its flat cluster when the tree is cut
  into ``k`` clusters, as the report's dendrogram and cluster table give them.

The **reference answer** is the one in the reference setting (the report's MFW and measure,
no normalisation, the ``full`` view). It **holds** in another setting when:

- ``nearest``: the nearest other document has the same label;
- ``cluster``: the cluster-mates are largely the same: their Jaccard index (documents in both
  clusters / documents in either) is at least ``min_jaccard``, 0.5 by default, so at least
  half of the company is shared. A document alone in its cluster in both settings holds.
  Cluster numbers are arbitrary from one tree to the next, but the documents a text is
  grouped with are not, so cluster-mates are what can be compared across settings; a
  threshold below 1 keeps one newcomer in a large cluster from counting as a change of
  company, while a document that moves to another group (or is joined by as many documents as
  it had) does not hold.

Each **setting** is one MFW x measure x normalisation combination of the grid and one view of
the document: a document with quotations is checked in each of its views (its own words, and
its quotations when analysed), one without in its ``full`` view only, so its count of settings
is smaller. Its other documents are always the whole texts (the ``full`` view samples of other
documents), so only the text being checked changes with the view. The ``full`` answers come
from the ``full`` samples alone (their own z-scores and tree, and with ``reference_table``
their own MFW), so they are those of a run without other views; the answers of another view
place its samples among every sample, as the report's dendrogram does. When the texts are cut
into samples (``sampling``) each sample is one more setting, and the reference answer is the
most common one of the document's ``full`` samples.

The ``nearest`` answer is the label of the nearest *known* document (``known``): a questioned
document's label (``unknown``, ``disputed``) is no author to be near; questioned documents
can still be cluster-mates.

A conclusion's **share** is the share of settings in which it holds; it is **robust** when the
share is at least ``threshold`` (0.75 by default: in three settings out of four), otherwise
**fragile**. The table also gives the answer most often found instead (``alternative``).

References
----------
Burrows, J. (2002). 'Delta': a measure of stylistic difference and a guide to likely
authorship. Literary and Linguistic Computing 17(3), 267-287.

Eder, M. (2013). Computational stylistics and biblical translation: how reliable can a
dendrogram be? In T. Piotrowski & Ł. Grabowski (eds.), The Translator and the Computer,
155-170. Wrocław: WSF Press.

Eder, M. (2017). Visualization in stylometry: cluster analysis using networks. Digital
Scholarship in the Humanities 32(1), 50-64.

Jaccard, P. (1912). The distribution of the flora in the alpine zone. New Phytologist 11(2),
37-50.

Rybicki, J. & Eder, M. (2011). Deeper Delta across genres and languages: do we really need the
most frequent words? Literary and Linguistic Computing 26(3), 315-321.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from wordprint.clustering.methods import cluster_labels
from wordprint.features.mfw import feature_table
from wordprint.measures.normalised import applicable, normalised_distances

if TYPE_CHECKING:  # pragma: no cover
    from wordprint.corpus.samples import Sample

#: The conclusions checked, in table order, with a short description for figures and reports.
CONCLUSIONS: dict[str, str] = {
    "nearest": "the label of its nearest other document",
    "cluster": "its cluster-mates (the other documents in its flat cluster)",
}

#: The columns of :func:`robustness_rows` (``results/tables/robustness.csv``).
COLUMNS = (
    "document",
    "label",
    "conclusion",
    "reference",
    "share",
    "holds",
    "settings",
    "views",
    "status",
    "alternative",
)

#: How an empty set of cluster-mates (a document alone in its cluster) is written.
ALONE = "(alone)"
#: How a missing nearest document (no other document to compare with) is written.
NONE = "(none)"

Answers = dict[str, list[Hashable]]


def jaccard(a: frozenset | set, b: frozenset | set) -> float:
    """Jaccard index |a ∩ b| / |a ∪ b| of two sets; 1.0 when both are empty.

    Examples
    --------
    >>> jaccard({"x", "y"}, {"y", "z"}), jaccard(set(), set()), jaccard({"x"}, set())
    (0.3333333333333333, 1.0, 0.0)

    References
    ----------
    Jaccard, P. (1912). The distribution of the flora in the alpine zone. New Phytologist
    11(2), 37-50.
    """
    union = len(set(a) | set(b))
    return 1.0 if union == 0 else len(set(a) & set(b)) / union


def setting_answers(
    distances: np.ndarray,
    *,
    documents: Sequence[str],
    labels: Sequence[str],
    candidates: Sequence[bool] | None = None,
    known: Sequence[bool] | None = None,
    k: int,
    linkage: str = "ward.D",
) -> Answers:
    """Both conclusions for every sample in one setting (one distance matrix).

    Parameters
    ----------
    distances : ndarray, samples x samples
        The setting's distance matrix over every sample clustered.
    documents, labels : sequences, one entry per sample
        The document each sample belongs to, and its label (e.g. the author).
    candidates : sequence of bool, optional
        The samples that can be a nearest neighbour or a cluster-mate (the other documents'
        ``full`` views); default every sample. Samples of the same document never are.
    known : sequence of bool, optional
        The samples whose label is known (not a questioned document's): only they can be the
        nearest neighbour, whose label is the answer; default every sample.
    k : int
        The number of flat clusters the tree is cut into (all samples are clustered).
    linkage : str
        A clustering method of :data:`wordprint.clustering.methods.METHODS` (``ward.D`` as the report).

    Returns
    -------
    dict
        ``"nearest"``: per sample the label of the nearest candidate of another document
        (:data:`NONE` without one); ``"cluster"``: per sample the frozenset of the other
        documents with a candidate in its flat cluster.

    Examples
    --------
    >>> D = np.array([[0, 1, 4, 5], [1, 0, 4, 5], [4, 4, 0, 2], [5, 5, 2, 0]], dtype=float)
    >>> answers = setting_answers(D, documents=list("abcd"), labels=list("AABB"), k=2)
    >>> answers["nearest"], [sorted(m) for m in answers["cluster"]]
    (['A', 'A', 'B', 'B'], [['b'], ['a'], ['d'], ['c']])
    """
    D = np.array(distances, dtype=float)
    n = len(D)
    if D.shape != (n, n) or len(documents) != n or len(labels) != n:
        raise ValueError(
            f"distances must be square with one document and label per sample: {D.shape}, "
            f"{len(documents)} documents, {len(labels)} labels"
        )
    usable = np.ones(n, dtype=bool) if candidates is None else np.asarray(candidates, dtype=bool)
    labelled = np.ones(n, dtype=bool) if known is None else np.asarray(known, dtype=bool)
    docs = np.asarray(documents, dtype=object)
    clusters = cluster_labels(D, method=linkage, k=k) if n > 1 else np.ones(n, dtype=int)
    masked = D.copy()
    masked[:, ~(usable & labelled)] = np.inf
    masked[docs[:, None] == docs[None, :]] = np.inf
    nearest: list[Hashable] = []
    mates: list[Hashable] = []
    for i in range(n):
        j = int(np.argmin(masked[i]))
        nearest.append(str(labels[j]) if np.isfinite(masked[i, j]) else NONE)
        same = (clusters == clusters[i]) & usable & (docs != docs[i])
        mates.append(frozenset(str(d) for d in docs[same]))
    return {"nearest": nearest, "cluster": mates}


def answer_text(answer: Hashable) -> str:
    """An answer as the table writes it: a label, or cluster-mates joined by ``"; "``.

    Examples
    --------
    >>> answer_text("Madison"), answer_text(frozenset({"fed10", "fed14"})), answer_text(frozenset())
    ('Madison', 'fed10; fed14', '(alone)')
    """
    if isinstance(answer, frozenset):
        return "; ".join(sorted(answer)) if answer else ALONE
    return str(answer)


def _holds(conclusion: str, reference: Hashable, answer: Hashable, min_jaccard: float) -> bool:
    if conclusion == "cluster":
        return jaccard(reference, answer) >= min_jaccard
    return answer == reference


def _most_common(answers: Sequence[Hashable]) -> Hashable:
    # The most frequent answer; ties go to the one seen first (sample order, then settings).
    counts = Counter(answers)
    return max(counts, key=lambda a: (counts[a], -answers.index(a)))


def robustness_rows(
    reference: Answers,
    grid: Sequence[Answers],
    *,
    documents: Sequence[str],
    views: Sequence[str],
    labels: Sequence[str],
    reference_view: str = "full",
    threshold: float = 0.75,
    min_jaccard: float = 0.5,
) -> tuple[list[str], list[list]]:
    """One row per document and conclusion: the reference answer and how often it holds.

    Parameters
    ----------
    reference : dict
        :func:`setting_answers` of the reference setting.
    grid : sequence of dict
        :func:`setting_answers` of every setting of the grid (the reference setting included
        if it is one of them: it then counts as one of the settings).
    documents, views, labels : sequences, one entry per sample
        Each sample's document, view and label, in the order of the answers.
    reference_view : str
        The view whose answers are the reference (``full``). A document without a sample in
        it is left out.
    threshold : float
        A conclusion is ``robust`` when its share is at least this, otherwise ``fragile``.
    min_jaccard : float
        The cluster-mates of a setting must have at least this Jaccard index with the
        reference's for the ``cluster`` conclusion to hold.

    Returns
    -------
    (header, rows)
        Columns :data:`COLUMNS`: ``share`` = ``holds`` / ``settings``, where the settings are
        every grid setting times every sample of the document (each view; each segment when
        texts are sampled); ``views`` lists the views counted; ``alternative`` is the answer
        found most often where the reference does not hold (empty when it always holds).

    References
    ----------
    Eder, M. (2017). Visualization in stylometry: cluster analysis using networks. Digital
    Scholarship in the Humanities 32(1), 50-64.

    Examples
    --------
    >>> ref = {"nearest": ["A", "B", "A"], "cluster": [frozenset()] * 3}
    >>> other = {"nearest": ["B", "B", "A"], "cluster": [frozenset()] * 3}
    >>> header, rows = robustness_rows(ref, [ref, ref, ref, other], documents=list("xyz"),
    ...     views=["full"] * 3, labels=list("ABB"))
    >>> [r[:9] for r in rows if r[2] == "nearest"][0]
    ['x', 'A', 'nearest', 'A', 0.75, 3, 4, 'full', 'robust']
    """
    if not 0 <= threshold <= 1 or not 0 <= min_jaccard <= 1:
        raise ValueError(
            f"threshold and min_jaccard must lie between 0 and 1, got {threshold}, {min_jaccard}"
        )
    n = len(documents)
    named = [("reference", reference), *((f"grid[{i}]", g) for i, g in enumerate(grid))]
    for name, answers in named:
        for conclusion in CONCLUSIONS:
            if len(answers.get(conclusion, ())) != n:
                raise ValueError(f"{name} needs {n} {conclusion!r} answers, one per sample")
    if len(views) != n or len(labels) != n:
        raise ValueError(f"views and labels need {n} entries, one per sample")
    order = list(dict.fromkeys(documents))
    rows = []
    for document in order:
        mine = [i for i in range(n) if documents[i] == document]
        anchors = [i for i in mine if views[i] == reference_view]
        if not anchors:
            continue
        counted = ", ".join(dict.fromkeys(views[i] for i in mine))
        for conclusion in CONCLUSIONS:
            answer = _most_common([reference[conclusion][i] for i in anchors])
            found = [g[conclusion][i] for g in grid for i in mine]
            misses = [a for a in found if not _holds(conclusion, answer, a, min_jaccard)]
            holds = len(found) - len(misses)
            share = holds / len(found) if found else float("nan")
            rows.append(
                [
                    document,
                    str(labels[anchors[0]]),
                    conclusion,
                    answer_text(answer),
                    share,
                    holds,
                    len(found),
                    counted,
                    "robust" if found and share >= threshold else "fragile",
                    answer_text(_most_common(misses)) if misses else "",
                ]
            )
    return list(COLUMNS), rows


def view_table(
    corpus: Sequence[Sample], ids: Sequence[str], *, n: int, selection: Mapping[str, Any]
) -> np.ndarray:
    """The word table of one view's samples alone: their ``n`` most frequent words ranked on
    them (:func:`~wordprint.features.mfw.feature_table` with ``selection``), as a run of that
    view only has it. ``ids`` are the rows the mixed word table holds for the view, which the
    samples must be, in order.
    """
    if [s.id for s in corpus] != list(ids):
        raise ValueError("the profiles' samples are not the word table's")
    _, table = feature_table([s.counts for s in corpus], totals=[s.tokens for s in corpus], n=n,
                             **selection)
    return table


def grid_settings(
    mfw: Sequence[int], measures: Sequence[str], normalisations: Sequence[str]
) -> list[tuple[int, str, str]]:
    """The grid's settings (MFW, measure, normalisation), pairs :func:`applicable` rejects left out.

    Examples
    --------
    >>> grid_settings([100, 500], ["burrows", "minmax"], ["none", "clamp"])
    [(100, 'burrows', 'none'), (100, 'burrows', 'clamp'), (100, 'minmax', 'none'), \
(500, 'burrows', 'none'), (500, 'burrows', 'clamp'), (500, 'minmax', 'none')]
    """
    return [
        (int(n), m, z)
        for n in mfw
        for m in measures
        for z in normalisations
        if applicable(m, z)
    ]


def robustness_map(
    table: np.ndarray,
    *,
    settings: Sequence[tuple[int, str, str]],
    reference: tuple[int, str, str],
    documents: Sequence[str],
    views: Sequence[str],
    labels: Sequence[str],
    known: Sequence[bool] | None = None,
    reference_view: str = "full",
    reference_table: np.ndarray | None = None,
    k: int,
    linkage: str = "ward.D",
    threshold: float = 0.75,
    min_jaccard: float = 0.5,
) -> tuple[list[str], list[list]]:
    """The robustness table of a feature table over a grid of settings (see the module notes).

    Parameters
    ----------
    table : ndarray, samples x features
        Relative frequencies at the largest MFW setting, columns in rank order
        (:func:`wordprint.features.mfw.feature_table`); a setting of ``n`` MFW uses the first ``n``
        columns, as the workflow's MFW tables.
    reference_table : ndarray, optional
        The same of the ``reference_view`` samples alone (in table order), their MFW ranked on
        them alone: the answers of that view come from it. Default: those rows of ``table``
        (their own z-scores and tree, the MFW of every view).
    known : sequence of bool, optional
        Per sample, whether its label is known (see :func:`setting_answers`); default all.
    settings : sequence of (mfw, measure, normalisation)
        The grid (:func:`grid_settings`).
    reference : (mfw, measure, normalisation)
        The reference setting: the report's MFW and measure, normalisation ``none``.
    documents, views, labels : sequences, one entry per sample (row of ``table``)
        Each sample's document, view and label.
    reference_view : str
        The view of the reference answers and of the documents compared with (``full``).
    k, linkage : int, str
        The flat clusters: the tree (``linkage``) cut into ``k`` clusters, as in the report.
    threshold, min_jaccard : float
        See :func:`robustness_rows`.

    Returns
    -------
    (header, rows)
        As :func:`robustness_rows`.

    Examples
    --------
    >>> X = np.array([[0.30, 0.10, 0.20], [0.31, 0.11, 0.19], [0.10, 0.30, 0.21],
    ...               [0.11, 0.31, 0.22]])
    >>> header, rows = robustness_map(X, settings=[(2, "cosine", "none"), (3, "cosine", "none")],
    ...     reference=(3, "cosine", "none"), documents=list("wxyz"), views=["full"] * 4,
    ...     labels=list("AABB"), k=2)
    >>> [(r[0], r[2], r[3], r[4]) for r in rows][:2]
    [('w', 'nearest', 'A', 1.0), ('w', 'cluster', 'x', 1.0)]
    """
    X = np.asarray(table, dtype=float)
    known = [True] * len(X) if known is None else list(known)
    candidates = [v == reference_view for v in views]
    own = [i for i, v in enumerate(views) if v == reference_view]  # the reference view's rows
    R = X[own] if reference_table is None else np.asarray(reference_table, dtype=float)
    if len(R) != len(own):
        raise ValueError(
            f"reference_table needs one row per {reference_view!r} sample ({len(own)}), got "
            f"{len(R)}"
        )
    mixed = len(own) < len(X)  # other views: placed among every sample

    def answers(setting: tuple[int, str, str]) -> Answers:
        n, measure, normalisation = setting
        alone: Answers = {conclusion: [] for conclusion in CONCLUSIONS}
        if own:
            D = normalised_distances(R[:, :n], measure=measure, normalisation=normalisation)
            alone = setting_answers(
                D, documents=[documents[i] for i in own], labels=[labels[i] for i in own],
                known=[known[i] for i in own], k=k, linkage=linkage,
            )  # fmt: skip
        if not mixed:
            return alone
        D = normalised_distances(X[:, :n], measure=measure, normalisation=normalisation)
        found = setting_answers(
            D, documents=documents, labels=labels, candidates=candidates, known=known, k=k,
            linkage=linkage,
        )  # fmt: skip
        for conclusion in CONCLUSIONS:
            for position, i in enumerate(own):
                found[conclusion][i] = alone[conclusion][position]
        return found

    grid = {tuple(s): answers(tuple(s)) for s in settings}
    if not grid:
        raise ValueError("the grid has no settings (no measure takes any of the normalisations)")
    reference = tuple(reference)
    anchor = grid[reference] if reference in grid else answers(reference)
    return robustness_rows(
        anchor,
        list(grid.values()),
        documents=documents,
        views=views,
        labels=labels,
        reference_view=reference_view,
        threshold=threshold,
        min_jaccard=min_jaccard,
    )


def figure_rows(
    header: Sequence[str], rows: Sequence[Sequence[object]]
) -> tuple[list[str], dict[str, list[float]], list[int]]:
    """The table's documents in the figure's order, with their share per conclusion.

    The least robust document first: sorted by its lowest share, then its mean share, then
    table order, so the fragile findings come to the top of the figure.

    Returns
    -------
    (documents, shares, settings)
        ``shares[conclusion]`` holds one share per document (NaN where the table has none);
        ``settings`` the number of settings per document.

    Examples
    --------
    >>> header = ["document", "conclusion", "share", "settings"]
    >>> rows = [["a", "nearest", 1.0, 4], ["a", "cluster", 1.0, 4],
    ...         ["b", "nearest", 0.5, 8], ["b", "cluster", 1.0, 8]]
    >>> figure_rows(header, rows)
    (['b', 'a'], {'nearest': [0.5, 1.0], 'cluster': [1.0, 1.0]}, [8, 4])
    """
    col = {name: i for i, name in enumerate(header)}
    table: dict[str, dict[str, float]] = {}
    settings: dict[str, int] = {}
    for r in rows:
        document = str(r[col["document"]])
        table.setdefault(document, {})[str(r[col["conclusion"]])] = float(r[col["share"]])
        settings[document] = int(r[col["settings"]])
    conclusions = [c for c in CONCLUSIONS if any(c in v for v in table.values())]
    position = {d: i for i, d in enumerate(table)}

    def key(document: str) -> tuple[float, float, int]:
        values = [v for v in table[document].values() if np.isfinite(v)] or [1.0]
        return (min(values), float(np.mean(values)), position[document])

    order = sorted(table, key=key)
    shares = {c: [table[d].get(c, float("nan")) for d in order] for c in conclusions}
    return order, shares, [settings[d] for d in order]
