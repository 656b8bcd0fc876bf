"""Save figures: byte-deterministic, atomic, with provenance metadata.

:func:`save_figure` writes ``<stem>.png`` (300 dpi), ``<stem>.svg`` and, on request,
``<stem>.pdf``. The same figure gives the same bytes on every run: no dates, no
version-stamped ``Software``/``Creator``/``Producer`` fields, a fixed SVG hash salt and the
figure style of :mod:`wordprint.plot`. Every file is first written to a temporary file in the
target folder and moved into place with :func:`os.replace` only when all formats have been
written, so a failure leaves neither a partial file nor a half-updated set of files.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from wordprint.io.provenance import figure_stamp

if TYPE_CHECKING:  # pragma: no cover - matplotlib is imported by the jobs that draw
    from matplotlib.figure import Figure

__all__ = ["DPI", "FORMATS", "figure_metadata", "save_figure", "use_formats"]

FigureFormat = Literal["png", "svg", "pdf"]

#: Raster resolution of PNG output (and of images embedded in vector output).
DPI = 300

#: What the files say made them: no version, so an upgrade does not change the bytes (the
#: versions belong in the provenance record, passed in ``metadata``).
_MAKER = "wordprint"

# Dublin Core fields that matplotlib's SVG writer accepts; anything else goes to Description.
_SVG_KEYS = frozenset(
    {
        "Title", "Coverage", "Date", "Description", "Identifier", "Language", "Relation",
        "Source", "Creator", "Contributor", "Publisher", "Rights", "Keywords",
    }
)
# PDF document-information keys; anything else goes to Subject.
_PDF_KEYS = frozenset({"Title", "Author", "Subject", "Keywords", "Creator", "Producer"})


def _folded(meta: Mapping[str, str], known: frozenset[str], into: str) -> dict[str, str]:
    """Keep ``known`` keys, and append the others to field ``into`` as ``key: value`` lines."""
    out = {k: v for k, v in meta.items() if k in known}
    extra = [f"{k}: {v}" for k, v in meta.items() if k not in known]
    if extra:
        out[into] = "\n".join(([out[into]] if into in out else []) + extra)
    return out


def _png_metadata(meta: Mapping[str, str]) -> dict[str, str | None]:
    # Every key becomes a PNG tEXt chunk (iTXt when the value is not Latin-1).
    return {"Software": _MAKER, **meta}


def _svg_metadata(meta: Mapping[str, str]) -> dict[str, str | None]:
    return {"Creator": _MAKER, "Date": None, **_folded(meta, _SVG_KEYS, "Description")}


def _pdf_metadata(meta: Mapping[str, str]) -> dict[str, str | None]:
    return {
        "Creator": _MAKER,
        "Producer": "matplotlib",
        "CreationDate": None,
        "ModDate": None,
        **_folded(meta, _PDF_KEYS, "Subject"),
    }


#: Format name -> function building matplotlib's ``metadata`` argument for it.
FORMATS: dict[str, Callable[[Mapping[str, str]], dict[str, str | None]]] = {
    "png": _png_metadata,
    "svg": _svg_metadata,
    "pdf": _pdf_metadata,
}


#: The formats :func:`save_figure` writes when not told: those of the run (:func:`use_formats`).
_run_formats: tuple[FigureFormat, ...] = ("png", "svg", "pdf")


def use_formats(formats: Sequence[FigureFormat]) -> None:
    """Make ``formats`` the default of :func:`save_figure` (a workflow job: the config's
    ``figure_formats``)."""
    global _run_formats
    _run_formats = tuple(formats)


def _check_metadata(metadata: Mapping[str, str] | None) -> dict[str, str]:
    if metadata is None:
        return {}
    out: dict[str, str] = {}
    for key, value in metadata.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise ValueError(
                f"metadata must map str to str, got {key!r}: {type(value).__name__}"
            )
        # PNG keywords: 1-79 Latin-1 characters, no leading/trailing/double spaces.
        try:
            key.encode("latin-1")
        except UnicodeEncodeError:
            raise ValueError(f"metadata key {key!r} must be Latin-1 text (a PNG keyword)") from None
        if not 1 <= len(key) <= 79 or key != key.strip() or "  " in key:
            raise ValueError(
                f"metadata key {key!r} must be 1-79 characters without leading, trailing or "
                "double spaces (a PNG keyword)"
            )
        out[key] = value
    return out


def save_figure(
    fig: Figure,
    stem: Path,
    *,
    formats: Sequence[FigureFormat] | None = None,
    metadata: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write ``fig`` as ``<stem>.<format>`` for each format, deterministically and atomically.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure (e.g. from :mod:`wordprint.plot`).
    stem : Path
        Output path without the format suffix; ``results/fig/dendrogram`` gives
        ``results/fig/dendrogram.png`` and ``.svg``. The folder is created if needed.
    formats : sequence of {"png", "svg", "pdf"}, optional
        Formats to write (default: those set by :func:`use_formats`, at first all three). PNG
        is rendered at 300 dpi.
    metadata : mapping of str to str, optional
        Provenance strings (e.g. ``{"Title": ..., "wordprint:config": ...}``). PNG: one text
        chunk per key. SVG: Dublin Core fields (Title, Description, Source, ...) as themselves,
        every other key as a ``key: value`` line of ``dc:description``. PDF: the
        document-information keys as themselves, others as lines of ``Subject``.

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.

    Raises
    ------
    ValueError
        For an unknown or repeated format, or metadata that is not str -> str with PNG-valid
        keys; checked before anything is written.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> _ = fig.add_subplot().plot([0, 1])
    >>> save_figure(fig, Path(tmp) / "line", metadata={"Source": "example"})  # doctest: +SKIP
    [PosixPath('.../line.png'), PosixPath('.../line.svg')]
    """
    formats = _run_formats if formats is None else formats
    fmts = [str(f).lower() for f in formats]
    unknown = [f for f in fmts if f not in FORMATS]
    if not fmts or unknown:
        raise ValueError(
            f"formats must be a non-empty selection of {sorted(FORMATS)}, got {list(formats)!r}"
        )
    if len(set(fmts)) != len(fmts):
        raise ValueError(f"formats must not repeat a format, got {list(formats)!r}")
    # The job's provenance (set by wordprint.workflow.step.run), then the figure's own fields.
    meta = _check_metadata({**figure_stamp(), **(metadata or {})})

    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    targets = [stem.with_name(f"{stem.name}.{f}") for f in fmts]
    temps: list[Path] = []
    from wordprint.plot import style_context

    try:
        with style_context():
            for fmt, target in zip(fmts, targets):
                # Same folder as the target, so os.replace is an atomic rename.
                tmp = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
                temps.append(tmp)
                with open(tmp, "xb") as handle:
                    fig.savefig(
                        handle,
                        format=fmt,
                        dpi=DPI,
                        metadata=FORMATS[fmt](meta),
                        bbox_inches=None,
                        facecolor="white",
                    )
        for tmp, target in zip(temps, targets):
            os.replace(tmp, target)
    except BaseException:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        raise
    return targets


def figure_metadata(path: str | Path) -> dict[str, str]:
    """The text fields of a PNG figure: the provenance :func:`save_figure` wrote into it."""
    from PIL import Image  # Pillow comes with matplotlib

    with Image.open(path) as image:
        return dict(image.text)
