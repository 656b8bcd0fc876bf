"""wordprint in a notebook: from a folder of texts to a tree in a few calls.

    >>> import wordprint
    >>> corpus = wordprint.read_folder("texts/")             # doctest: +SKIP
    >>> table = corpus.mfw(500)                              # doctest: +SKIP
    >>> tree = wordprint.cluster(wordprint.delta(table, "cosine"), linkage="ward")  # doctest: +SKIP

Every table is a pandas object indexed by document id. The steps are the workflow's own (the
same cleaning, tokens, MFW selection, measures and linkages), so a notebook and a workflow run
on the same texts and settings give the same numbers; the workflow adds caching, provenance,
uncertainty and the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from wordprint.clustering.hierarchy import LINKAGES, flat_clusters, hierarchical, leaf_order
from wordprint.clustering.scores import cluster_scores
from wordprint.corpus.documents import Document
from wordprint.count.profile import document_settings, profile_document
from wordprint.features.mfw import feature_table
from wordprint.io.catalog import parse_catalog
from wordprint.io.catalog import read_catalog as read_catalog_rows
from wordprint.io.download import fetch_gutenberg
from wordprint.io.folder import folder_catalog
from wordprint.measures.distances import MEASURES
from wordprint.measures.normalised import normalised_distances

__all__ = [
    "DELTAS",
    "Corpus",
    "Tokens",
    "Tree",
    "cluster",
    "delta",
    "distance",
    "from_texts",
    "read_catalog",
    "read_folder",
]

#: Delta measures by their short names (as pydelta and stylo call them) -> wordprint's measure.
DELTAS = {
    "burrows": "burrows",  # Burrows 2002, stylo's "delta"
    "cosine": "cosine_delta",  # Smith & Aldridge 2011, stylo's "wurzburg"
    "eder": "eder",
    "eder_simple": "eder_simple",
    "argamon": "argamon_linear",  # Argamon 2008, pydelta's "linear"
    "argamon_quadratic": "argamon_quadratic",
}


@dataclass(frozen=True)
class Tokens:
    """How words are found, as the config's ``tokenizer`` and ``language``: the pattern
    (``words``, ``letters`` or a regular expression), lowercasing, the corpus's language (for
    documents that name none; a TEI file's ``xml:lang`` names its own) and the language options
    (``auto``: the language's preset; see :mod:`wordprint.text.language`)."""

    pattern: str = "words"
    lowercase: bool = True
    language: str = "en"
    elisions: str = "auto"
    sharp_s: str = "auto"
    latin: str = "auto"
    script: str = "auto"

    def profile_settings(self) -> dict[str, Any]:
        options = {"elisions": self.elisions, "sharp_s": self.sharp_s, "latin": self.latin,
                   "script": self.script}
        return {"pattern": self.pattern, "lowercase": self.lowercase, "views": ["full"],
                "short_quotes": "quoted", "segment_size": 0,
                "languages": {"default": self.language, "by_language": {},
                              "tokenizer": {k: v for k, v in options.items() if v != "auto"}}}


@dataclass(frozen=True)
class Corpus:
    """Documents with their word counts (of the whole cleaned text), in catalog order."""

    documents: tuple[Document, ...]
    counts: Mapping[str, Mapping[str, int]]  # document id -> word -> count
    totals: Mapping[str, int]  # document id -> number of tokens
    cleaning: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.documents)

    def __repr__(self) -> str:
        authors = len(set(self.authors))
        return f"<Corpus: {len(self)} documents, {authors} authors, {sum(self.totals.values())} tokens>"

    @property
    def ids(self) -> list[str]:
        return [d.id for d in self.documents]

    def column(self, name: str) -> pd.Series:
        """A catalog column (author, title, year, group or an extra one) by document id."""
        return pd.Series([d.field(name) for d in self.documents], index=self.ids, name=name)

    @property
    def authors(self) -> pd.Series:
        return self.column("author")

    @property
    def groups(self) -> pd.Series:
        return self.column("group")

    @property
    def metadata(self) -> pd.DataFrame:
        """The catalog as a table indexed by document id."""
        columns = ["author", "title", "year", "group"]
        return pd.DataFrame({c: self.column(c) for c in columns}).rename_axis("id")

    def mfw(
        self,
        n: int = 500,
        *,
        culling: float = 0.0,
        start_at: int = 0,
        drop_pronouns: bool = False,
        function_words: bool = False,
    ) -> pd.DataFrame:
        """Relative frequencies of the ``n`` most frequent words: documents x words.

        Words are ranked by mean relative frequency (each document weighs the same, as stylo),
        culled (``culling``: a word is kept when at least that share of the documents use it,
        stylo's culling / 100; Hoover 2004), optionally without pronouns or limited to function
        words, skipping ``start_at`` top words; each count is divided by the document's token
        total. See :func:`wordprint.features.mfw.feature_table`.
        """
        words, table = feature_table(
            [self.counts[i] for i in self.ids],
            totals=[self.totals[i] for i in self.ids],
            n=n,
            culling=culling,
            start_at=start_at,
            drop_pronouns=drop_pronouns,
            only_function_words=function_words,
        )
        return pd.DataFrame(table, index=pd.Index(self.ids, name="id"), columns=words)


def _counted(documents: Sequence[Document], raw: Iterable[bytes], tokens: Tokens) -> Corpus:
    settings = tokens.profile_settings()
    counts, totals, cleaning = {}, {}, {}
    for document, data in zip(documents, raw, strict=True):
        own = document_settings(settings, document)
        profile = profile_document(data, doc_id=document.id, settings=own)
        view = profile["views"]["full"]
        counts[document.id], totals[document.id] = view["counts"], view["tokens"]
        cleaning[document.id] = profile["cleaning"]
    return Corpus(tuple(documents), counts, totals, cleaning)


def _raw(document: Document, *, gutenberg_mirror: str | None, cache: Path) -> bytes:
    if document.kind == "gutenberg":
        kwargs = {"base": gutenberg_mirror} if gutenberg_mirror else {}
        return fetch_gutenberg(int(document.locator), cache_dir=cache, **kwargs).path.read_bytes()
    return Path(document.locator).read_bytes()


def read_catalog(
    path: str | Path,
    *,
    tokens: Tokens = Tokens(),
    allow_outside: bool = False,
    gutenberg_mirror: str | None = None,
    cache: str | Path = "resources",
) -> Corpus:
    """Read and count the documents of a catalog (CSV: id, author, title, year, group, source).

    Gutenberg sources are downloaded once into ``cache`` (``gutenberg_mirror``: another base,
    e.g. a local folder laid out as Gutenberg's cache). Raises
    :class:`wordprint.io.catalog.CatalogError` or :class:`wordprint.count.profile.DocumentError`
    naming the row or document and the fix.
    """
    documents = read_catalog_rows(path, allow_outside=allow_outside)
    raw = (_raw(d, gutenberg_mirror=gutenberg_mirror, cache=Path(cache)) for d in documents)
    return _counted(documents, raw, tokens)


def read_folder(folder: str | Path, *, tokens: Tokens = Tokens()) -> Corpus:
    """Read and count every ``.txt`` and TEI ``.xml`` file of ``folder``: ``Author_Title.txt``
    gives the author and the title, as stylo names its corpus files; a TEI file's header gives
    them and its language (see :mod:`wordprint.io.folder`)."""
    folder = Path(folder)
    documents = parse_catalog(folder_catalog(folder), folder=folder.resolve())
    return _counted(documents, (Path(d.locator).read_bytes() for d in documents), tokens)


def from_texts(
    texts: Mapping[str, str],
    *,
    authors: Mapping[str, str] | None = None,
    tokens: Tokens = Tokens(),
) -> Corpus:
    """A corpus of texts held in memory: document id -> text, with each document's author
    (the id when not given).

    >>> corpus = from_texts({"a": "the cat and the hat", "b": "a dog", "c": "the dog"})
    >>> corpus.mfw(2).round(2).to_dict("list")
    {'dog': [0.0, 0.5, 0.5], 'the': [0.4, 0.0, 0.5]}
    """
    authors = authors or {}
    documents = [
        Document(id=i, author=authors.get(i, i), title=i, year="", group=authors.get(i, i),
                 source="(text)", kind="text", locator="")
        for i in texts
    ]
    return _counted(documents, (texts[i].encode("utf-8") for i in texts), tokens)


def distance(table: pd.DataFrame, measure: str, *, normalisation: str = "none") -> pd.DataFrame:
    """Distances between the rows of an MFW table by a measure of
    :data:`wordprint.measures.distances.MEASURES` (``burrows``, ``cosine_delta``, ``cosine``,
    ``manhattan``, ``minmax``, ...) after a normalisation (``none``, ``l1``, ``l2``,
    ``binarize``, ``clamp``, ``ternarize``; Evert et al. 2017), as a documents x documents
    table. The measure's name is kept in ``.attrs["measure"]`` for the figures."""
    ids = list(table.index)
    matrix = normalised_distances(table.to_numpy(dtype=float), measure=measure,
                                  normalisation=normalisation)
    result = pd.DataFrame(matrix, index=pd.Index(ids, name="id"), columns=ids)
    result.attrs["measure"] = MEASURES[measure].label
    return result


def delta(table: pd.DataFrame, measure: str = "cosine", *, normalisation: str = "none"
          ) -> pd.DataFrame:
    """Delta distances between the rows of an MFW table, by the Delta's short name
    (:data:`DELTAS`): ``cosine`` is Cosine Delta (Smith & Aldridge 2011), ``burrows`` Classic
    Delta (Burrows 2002), ``eder``, ``eder_simple``, ``argamon`` (Linear Delta) and
    ``argamon_quadratic`` (Argamon 2008). Any other name of :func:`distance` is taken as is.

    >>> table = from_texts({"a": "the cat the hat", "b": "a dog the", "c": "the dog a"}).mfw(4)
    >>> delta(table, "burrows").round(3).loc["b", "c"]
    np.float64(0.0)
    """
    return distance(table, DELTAS.get(measure, measure), normalisation=normalisation)


@dataclass(frozen=True)
class Tree:
    """A hierarchical clustering of documents: the SciPy linkage matrix, the document ids in
    its original order, the linkage method and the measure it clustered."""

    linkage: np.ndarray
    ids: tuple[str, ...]
    method: str
    measure: str = "distance"

    def clusters(self, k: int) -> pd.Series:
        """The tree cut into at most ``k`` flat clusters (numbered from 1), by document id."""
        return pd.Series(flat_clusters(self.linkage, k=min(k, len(self.ids))),
                         index=pd.Index(self.ids, name="id"), name="cluster")

    @property
    def order(self) -> list[str]:
        """The document ids in the order of the dendrogram's leaves."""
        return [self.ids[i] for i in leaf_order(self.linkage)]

    def scores(self, labels: pd.Series | Mapping[str, str], k: int | None = None
               ) -> dict[str, float]:
        """Agreement of the cut into ``k`` clusters (default: one per label) with ``labels``
        (e.g. ``corpus.authors``): ARI (Hubert & Arabie 1985), homogeneity, completeness,
        V-measure (Rosenberg & Hirschberg 2007) and purity.

        Documents without a label (left out of ``labels``, or None: questioned texts) are
        clustered but not scored, and not counted in the default ``k``.

        >>> table = from_texts({"a": "the cat the hat", "b": "the cat a hat", "c": "a dog a",
        ...                     "d": "a dog the", "q": "the dog"}).mfw(5)
        >>> tree = cluster(delta(table, "burrows"))
        >>> tree.scores({"a": "A", "b": "A", "c": "C", "d": "C", "q": None})["ari"]
        1.0
        """
        known = [i for i in self.ids if i in labels and not pd.isna(labels[i])]
        if not known:
            raise ValueError("no document of the tree has a label to score against")
        truth = [labels[i] for i in known]
        clusters = self.clusters(k or len(set(truth)))
        return cluster_scores(truth, clusters[known].tolist())


#: Linkage names a notebook may use for R's: ``ward`` is R's and stylo's ``ward.D``.
_LINKAGE_NAMES = {"ward": "ward.D"}


def cluster(distances: pd.DataFrame, *, linkage: str = "ward.D") -> Tree:
    """Hierarchical clustering of a distance table with one of R's linkages (``ward.D``, as
    stylo; ``ward.D2``, ``average``, ``complete``, ``single``; ``ward`` means ``ward.D``).

    >>> table = from_texts({"a": "the cat the hat", "b": "a dog the", "c": "the dog a"}).mfw(4)
    >>> cluster(delta(table, "burrows")).clusters(2).to_dict()  # b and c share their words
    {'a': 2, 'b': 1, 'c': 1}
    """
    method = _LINKAGE_NAMES.get(linkage, linkage)
    if method not in LINKAGES:
        raise ValueError(f"unknown linkage {linkage!r}; choose one of {', '.join(LINKAGES)}")
    if list(distances.index) != list(distances.columns):
        raise ValueError("distances must be a square table with the same ids as rows and columns")
    tree = hierarchical(distances.to_numpy(dtype=float), method=method)
    return Tree(tree, tuple(distances.index), method, distances.attrs.get("measure", "distance"))
