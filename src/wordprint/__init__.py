"""wordprint: reproducible corpus comparison and stylometry.

In a notebook::

    import wordprint

    corpus = wordprint.read_folder("texts/")          # Author_Title.txt files, as stylo names them
    table = corpus.mfw(500)                           # relative frequencies: documents x words
    distances = wordprint.delta(table, "cosine")      # Cosine Delta (Smith & Aldridge 2011)
    tree = wordprint.cluster(distances, linkage="ward")
    wordprint.plot.dendrogram(tree, groups=corpus.authors)

The stages, in the order the data flows: :mod:`wordprint.text` (decoding, cleaning, tokens),
:mod:`wordprint.count`, :mod:`wordprint.describe` (vocabulary statistics),
:mod:`wordprint.corpus`, :mod:`wordprint.features` (MFW tables), :mod:`wordprint.measures`
(Delta and other distances), :mod:`wordprint.clustering`, :mod:`wordprint.compare` (keyness, Zeta),
:mod:`wordprint.attribute`, :mod:`wordprint.evaluate`, :mod:`wordprint.uncertainty`,
:mod:`wordprint.plot` and :mod:`wordprint.report`; :mod:`wordprint.io` reads and writes files.
:mod:`wordprint.workflow` is the Snakemake workflow's runtime, never needed in a notebook.
"""

__version__ = "0.1.0"

# The notebook names are imported when first used (PEP 562), so that a workflow step importing
# one module of the library does not pay for pandas and matplotlib.
_API = ("DELTAS", "Corpus", "Tokens", "Tree", "cluster", "delta", "distance", "from_texts",
        "read_catalog", "read_folder")


def __getattr__(name: str):
    import importlib

    if name in _API:
        return getattr(importlib.import_module("wordprint.api"), name)
    if name == "plot":
        return importlib.import_module("wordprint.plot")
    raise AttributeError(f"module 'wordprint' has no attribute {name!r}")


__all__ = [
    "DELTAS",
    "Corpus",
    "Tokens",
    "Tree",
    "__version__",
    "cluster",
    "delta",
    "distance",
    "from_texts",
    "plot",
    "read_catalog",
    "read_folder",
]
