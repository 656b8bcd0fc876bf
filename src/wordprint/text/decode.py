"""Decoding and Unicode normalisation of raw document bytes.

Texts arrive as UTF-8 (with or without a byte-order mark), UTF-16 with a BOM, or legacy 8-bit
encodings; the encoding used is always reported so a fallback is never silent.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

# Typographic variants folded to one form so that "Trotsky’s" and "Trotsky's" count as one word.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        # A dash is punctuation, never part of a word: "still\u2014as" is two words, and an
        # ASCII hyphen there would make it one ("still-as"). Spaced, it separates them.
        "\u2012": " - ",
        "\u2013": " - ",
        "\u2014": " - ",
        "\u2015": " - ",
        "\u2e3a": " - ",
        "\u2e3b": " - ",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u00ad": None,
        "\u200b": None,
        "\ufeff": None,
    }
)


class DecodeError(ValueError):
    """Raw bytes that are not a text document."""


# File signatures ("magic numbers") of formats that are not plain text, whatever the file's
# name says: a PDF or a Word file renamed to .txt must be refused, not counted as words.
SIGNATURES: dict[bytes, str] = {
    b"%PDF-": "a PDF file",
    b"PK\x03\x04": "a ZIP file (Word .docx, OpenDocument and EPUB files are ZIP files too)",
    b"PK\x05\x06": "a ZIP file",
    b"\x89PNG\r\n\x1a\n": "a PNG file",
    b"\xff\xd8\xff": "a JPEG file",
    b"GIF87a": "a GIF file",
    b"GIF89a": "a GIF file",
    b"\x1f\x8b": "a gzip file",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "a Microsoft Office file (.doc, .xls)",
    b"{\\rtf": "an RTF file",
}


def file_kind(head: bytes) -> str | None:
    """What non-text format the bytes ``head`` (a file's first bytes) begin, if any.

    Examples
    --------
    >>> file_kind(b"%PDF-1.7 ...")
    'a PDF file'
    >>> file_kind(b"Call me Ishmael.") is None
    True
    """
    for signature, kind in SIGNATURES.items():
        if head.startswith(signature):
            return kind
    if head[:64].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    return None


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read in, and what the reader should know about it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


# Bytes that are not UTF-8 become U+DC80..U+DCFF under "surrogateescape"; in a text that is
# otherwise UTF-8 each is read as Windows-1252 (Latin-1 for the five bytes it leaves undefined).
_ESCAPED = re.compile("[\udc80-\udcff]")
_UTF8_CHAR = re.compile("[^\x00-\x7f\udc80-\udcff]")  # a character UTF-8 did decode
_LEGACY = {
    0xDC00 + b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0x100)
}


def _mixed(text: str, escaped: re.Match[str], *, encoding: str, skipped: int) -> Decoded:
    """UTF-8 text whose undecodable bytes (escaped in ``text``) are read as Windows-1252."""
    offset = skipped + len(text[: escaped.start()].encode("utf-8", errors="surrogateescape"))
    count = len(_ESCAPED.findall(text))
    return Decoded(
        text.translate(_LEGACY),
        f"{encoding}+cp1252",
        (
            f"mixed encodings: {count} byte(s) are not UTF-8 (the first at byte {offset}) and "
            "were read as Windows-1252; check those places and save the file as UTF-8",
        ),
    )


def decode_text(raw: bytes) -> Decoded:
    """Decode raw bytes, saying which encoding was used and warning about any fallback.

    UTF-16 and UTF-8 byte-order marks are honoured. Without one, strict UTF-8 is tried. A text
    that is UTF-8 except for some bytes (mixed encodings, stray invalid bytes) keeps its UTF-8
    and reads each other byte as Windows-1252 (encoding ``utf-8+cp1252``, with a warning naming
    the first byte); a text without any UTF-8 is read as Windows-1252 (a superset of Latin-1's
    printable range) or, where that fails, Latin-1. Files in a binary format (PDF, ZIP, PNG, ...:
    see ``SIGNATURES``) and files with NUL bytes outside UTF-16 are refused with
    :class:`DecodeError`.

    Examples
    --------
    >>> decode_text("café".encode("latin-1"))
    Decoded(text='café', encoding='cp1252', warnings=('not valid UTF-8: decoded as cp1252',))
    >>> decode_text("naïve ".encode() + "café".encode("latin-1")).text
    'naïve café'
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as err:
            raise DecodeError(
                f"it starts with a UTF-16 byte-order mark but is not valid UTF-16 at byte "
                f"{err.start} ({err.reason}): the file may be cut off"
            ) from None
        return Decoded(text, "utf-16", ("not valid UTF-8: decoded as utf-16",))
    bom = raw.startswith(codecs.BOM_UTF8)
    kind = None if bom else file_kind(raw[:1024])
    if kind:
        raise DecodeError(f"it is {kind}, not plain text")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise DecodeError(
            f"it contains NUL bytes (the first at byte {nul}), so it is a binary file rather "
            "than plain text (or UTF-16 without a byte-order mark)"
        )
    encoding = "utf-8-sig" if bom else "utf-8"
    text = raw[3 if bom else 0 :].decode("utf-8", errors="surrogateescape")
    escaped = _ESCAPED.search(text)
    if escaped is None:
        return Decoded(text, encoding)
    if bom or _UTF8_CHAR.search(text):
        return _mixed(text, escaped, encoding=encoding, skipped=3 if bom else 0)
    for legacy in ("cp1252", "latin-1"):  # cp1252 leaves five bytes undefined
        try:
            return Decoded(raw.decode(legacy), legacy, (f"not valid UTF-8: decoded as {legacy}",))
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")


def decode(raw: bytes) -> tuple[str, str]:
    """Decode raw bytes, returning ``(text, encoding)``; see :func:`decode_text`.

    Examples
    --------
    >>> decode("Trotsky’s".encode("utf-8"))
    ('Trotsky’s', 'utf-8')
    >>> decode("café".encode("latin-1"))
    ('café', 'cp1252')
    """
    decoded = decode_text(raw)
    return decoded.text, decoded.encoding


def normalise(text: str) -> str:
    """NFC, straight quotes and apostrophes, ASCII hyphens for hyphens, a spaced ``-`` for
    dashes (en, em, figure dashes and the horizontal bar separate words), ``\\n`` line ends.

    Examples
    --------
    >>> normalise("“Workers’ state”\\r\\n—Trotsky")
    '"Workers\\' state"\\n - Trotsky'
    >>> normalise("still—as self‐made, 1830–1848")
    'still - as self-made, 1830 - 1848'
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_FOLD)
