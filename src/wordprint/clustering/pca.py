"""Principal components of the MFW table: documents' scores and words' loadings (stylo's PCR/PCV).

**PCA** follows stylo's two flavours (``stylo(analysis.type = "PCR")`` and ``"PCV"``, both
R's ``prcomp`` on the relative-frequency table):

- ``scaling="correlation"`` (stylo's PCR, the default): every word is z-scored first
  (``prcomp(scale = TRUE)``), so each weighs the same however frequent it is;
- ``scaling="covariance"`` (stylo's PCV): the frequencies are only centred
  (``prcomp(x)``), so the most frequent words dominate.

Scores are the documents' coordinates (R's ``x``), loadings the unit-length eigenvectors (R's
``rotation``, one row per word), ``explained`` each component's share of the total variance
(stylo's ``pca.var.exp`` / 100). Eigenvectors have no sign of their own; each component is
oriented so that the document with the largest absolute score is positive (as
:func:`wordprint.clustering.mds.classical_mds`; a component without variance by its largest loading),
which makes maps reproducible. A word that does not
vary gets z-score 0 (R's ``prcomp(scale = TRUE)`` stops with an error instead).

References
----------
Evert, S., Proisl, T., Jannidis, F., Reger, I., Pielström, S., Schöch, C. & Vitt, T. (2017).
Understanding and explaining Delta measures for authorship attribution. Digital Scholarship
in the Humanities 32(suppl. 2), ii4-ii16.

Kaufman, L. & Rousseeuw, P. J. (1990). Finding Groups in Data: An Introduction to Cluster
Analysis, chapter 2. New York: Wiley.

Schubert, E. & Rousseeuw, P. J. (2021). Fast and eager k-medoids clustering: O(k) runtime
improvement of the PAM, CLARA, and CLARANS algorithms. Information Systems 101, 101804.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from wordprint.measures.distances import z_score

Scaling = Literal["correlation", "covariance"]


def _centred(X: np.ndarray) -> np.ndarray:
    return X - X.mean(axis=0)


#: stylo's PCA flavours: how the relative-frequency table is prepared.
SCALINGS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "correlation": z_score,  # stylo's PCR: prcomp(scale = TRUE)
    "covariance": _centred,  # stylo's PCV: prcomp()
}


@dataclass(frozen=True)
class PCAResult:
    """Scores (documents x components), loadings (words x components), explained shares."""

    scores: np.ndarray
    loadings: np.ndarray
    explained: np.ndarray
    scaling: str


def pca(
    table: np.ndarray, *, scaling: Scaling = "correlation", n_components: int | None = None
) -> PCAResult:
    """Principal components of a documents x words table of relative frequencies.

    Parameters
    ----------
    table : ndarray of shape (n_documents, n_words)
        Relative frequencies (:func:`wordprint.features.mfw.relative_frequencies`).
    scaling : {"correlation", "covariance"}
        z-score each word first (stylo's PCR, default) or only centre (stylo's PCV).
    n_components : int, optional
        How many components to keep; default all (at most min(n_documents, n_words)).

    Returns
    -------
    PCAResult
        ``scores`` (n_documents x k), ``loadings`` (n_words x k, unit eigenvectors),
        ``explained`` (k shares of the total variance, all components summing to 1).

    References
    ----------
    Binongo, J. N. G. & Smith, M. W. A. (1999). The application of principal component
    analysis to stylometry. Literary and Linguistic Computing 14(4), 445-466.

    Examples
    --------
    >>> X = np.array([[0.0, 0.3], [0.1, 0.2], [0.3, 0.0]])  # three points on a line
    >>> result = pca(X, scaling="covariance")
    >>> result.explained.round(6).tolist(), result.scores[:, 0].round(6).tolist()
    ([1.0, 0.0], [-0.188562, -0.04714, 0.235702])
    """
    if scaling not in SCALINGS:
        raise ValueError(f"scaling must be one of {sorted(SCALINGS)}, got {scaling!r}")
    X = np.asarray(table, dtype=float)
    if X.ndim != 2 or X.shape[0] < 2 or X.shape[1] < 1:
        raise ValueError(
            f"table must be documents x words with at least 2 documents, got shape {X.shape}"
        )
    if not np.all(np.isfinite(X)):
        raise ValueError("table must be finite (no NaN or inf)")
    most = min(X.shape)
    k = most if n_components is None else n_components
    if not 1 <= k <= most:
        raise ValueError(f"n_components must be between 1 and {most}, got {n_components}")
    prepared = SCALINGS[scaling](X)
    from sklearn.decomposition import PCA  # imported here: most jobs using maps never need it

    model = PCA(n_components=k, svd_solver="full").fit(prepared)
    scores = model.transform(prepared)
    loadings = model.components_.T
    explained = model.explained_variance_ratio_
    if not np.isfinite(explained).all():  # every word constant: no variance to explain
        explained = np.zeros(k)
    # Orient each component: the document with the largest |score| is positive; a component
    # without variance (all scores ~0, e.g. rows that sum to a constant) by its largest loading.
    by_score = np.sign(scores[np.abs(scores).argmax(axis=0), range(k)])
    by_loading = np.sign(loadings[np.abs(loadings).argmax(axis=0), range(k)])
    flat = np.abs(scores).max(axis=0) <= 1e-9 * max(np.abs(prepared).max(), 1e-300)
    signs = np.where(flat, by_loading, by_score)
    signs[signs == 0] = 1.0
    return PCAResult(scores * signs, loadings * signs, explained, scaling)


def top_loadings(
    loadings: np.ndarray, *, n: int, components: tuple[int, int] = (0, 1)
) -> list[int]:
    """Indices of the ``n`` words with the longest loading vectors in the plane of two components.

    These are the words a biplot shows as arrows. Ties go to the earlier word (higher MFW rank).

    Examples
    --------
    >>> top_loadings(np.array([[0.1, 0.0], [0.6, 0.8], [0.0, -0.5]]), n=2)
    [1, 2]
    """
    L = np.asarray(loadings, dtype=float)
    length = np.hypot(L[:, components[0]], L[:, components[1]])
    return [int(i) for i in np.argsort(-length, kind="stable")[: max(n, 0)]]


def loading_rows(
    words: Sequence[str], result: PCAResult, *, components: int = 2
) -> tuple[list[str], list[list]]:
    """The word loadings as a table: one row per word, columns ``pc1``, ``pc2``, ...

    Examples
    --------
    >>> r = PCAResult(np.zeros((2, 1)), np.array([[0.6], [-0.8]]), np.array([1.0]), "covariance")
    >>> loading_rows(["the", "of"], r, components=1)
    (['word', 'pc1'], [['the', 0.6], ['of', -0.8]])
    """
    k = min(components, result.loadings.shape[1])
    header = ["word", *(f"pc{j + 1}" for j in range(k))]
    rows = [[w, *(float(v) for v in row[:k])] for w, row in zip(words, result.loadings)]
    return header, rows


def biplot_rows(
    ids: Sequence[str],
    groups: Sequence[str],
    words: Sequence[str],
    result: PCAResult,
    *,
    n_loadings: int = 12,
) -> tuple[list[str], list[list]]:
    """The data of a PCA biplot as one table: the documents' scores, then the drawn loadings.

    Columns ``kind`` (``document`` or ``word``), ``name``, ``group`` (empty for words), ``pc1``,
    ``pc2``: document scores, and the unit loadings of the ``n_loadings`` words with the
    longest loading vectors (:func:`top_loadings`), strongest first, as the figure draws them.

    Examples
    --------
    >>> r = PCAResult(np.array([[1.0, 0.0], [-1.0, 0.0]]), np.array([[0.6, 0.8], [0.1, 0.0]]),
    ...               np.array([1.0, 0.0]), "covariance")
    >>> biplot_rows(["a", "b"], ["x", "y"], ["the", "of"], r, n_loadings=1)[1]
    [['document', 'a', 'x', 1.0, 0.0], ['document', 'b', 'y', -1.0, 0.0], ['word', 'the', '', 0.6, 0.8]]
    """
    if result.scores.shape[1] < 2:
        raise ValueError("a biplot needs at least two components")
    if len(ids) != len(groups) or len(ids) != result.scores.shape[0]:
        raise ValueError("ids and groups must have one entry per document of the PCA")
    header = ["kind", "name", "group", "pc1", "pc2"]
    rows: list[list] = [
        ["document", i, g, float(x), float(y)]
        for i, g, (x, y) in zip(ids, groups, result.scores[:, :2])
    ]
    for j in top_loadings(result.loadings, n=n_loadings):
        rows.append(["word", words[j], "", *(float(v) for v in result.loadings[j, :2])])
    return header, rows
