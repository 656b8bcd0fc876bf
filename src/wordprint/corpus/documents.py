"""A document of the corpus: one catalog row, its source resolved (:class:`Document`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["REQUIRED_COLUMNS", "Document"]

REQUIRED_COLUMNS = ("id", "author", "title", "year", "group", "source")


@dataclass(frozen=True)
class Document:
    """One catalog row, with its source resolved."""

    id: str
    author: str
    title: str
    year: str
    group: str
    source: str
    kind: str
    locator: str  # a file path for file/sotu sources, the book number for gutenberg
    extra: dict[str, str] = field(default_factory=dict)

    def field(self, name: str) -> str:
        """The value of a catalog column, standard or extra."""
        if name in REQUIRED_COLUMNS:
            return getattr(self, name)
        return self.extra.get(name, "")

    @property
    def path(self) -> Path | None:
        """The local file holding the raw text, when there is one before any download."""
        return Path(self.locator) if self.kind in ("file", "sotu") else None
