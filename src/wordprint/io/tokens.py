"""Documents' tokens re-read from their files one document at a time, for corpus-wide bootstraps."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from wordprint.compare import sample_tokens
from wordprint.corpus import sample_id


class StreamedTokens(Mapping[str, list[str]]):
    """:func:`wordprint.compare.sample_tokens` of files, holding one document at a time.

    ``sources`` maps document ids to their raw files, ``samples`` lists the (document, view)
    pairs wanted. A document is read, cleaned and tokenised when one of its views is first
    asked for, and only the latest document's views are kept: read in document order, a
    corpus of any size holds one text in memory (the neighbours' bootstrap held every text of
    the corpus at once: 945 MiB for the 26 novels of British fiction, 7.9 GiB for 260).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_bytes(b'He said "no way" to them.')
    >>> settings = {"pattern": "words", "lowercase": True, "short_quotes": "quoted"}
    >>> tokens = StreamedTokens({"a": folder / "a.txt"}, [("a", "full"), ("a", "own")],
    ...                         settings=settings)
    >>> list(tokens), tokens["a (own)"]
    (['a', 'a (own)'], ['he', 'said', 'to', 'them'])
    """

    def __init__(
        self,
        sources: Mapping[str, str | Path],
        samples: Sequence[tuple[str, str]],
        *,
        settings: Mapping[str, Any],
        parts: Mapping[str, str] | None = None,
    ) -> None:
        self._sources, self._settings, self._parts = sources, settings, parts or {}
        self._samples = {sample_id(doc, view): (doc, view) for doc, view in samples}
        self._document: str | None = None
        self._tokens: dict[str, list[str]] = {}

    def __getitem__(self, key: str) -> list[str]:
        doc, _ = self._samples[key]
        if doc != self._document:
            self._tokens = {}  # let the previous text go before reading the next
            self._tokens = sample_tokens(
                {doc: Path(self._sources[doc]).read_bytes()},
                [s for s in self._samples.values() if s[0] == doc],
                settings=self._settings,
                parts=self._parts,
            )
            self._document = doc
        return self._tokens[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._samples)

    def __len__(self) -> int:
        return len(self._samples)
