"""Decoding and Unicode normalisation of raw document bytes.

Texts arrive as UTF-8 (with or without a byte-order mark), UTF-16 with a BOM, or legacy 8-bit
encodings; the encoding used is always reported so a fallback is never silent.
"""

from __future__ import annotations

import codecs
import unicodedata

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
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
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


def decode(raw: bytes) -> tuple[str, str]:
    """Decode raw bytes, returning ``(text, encoding)``.

    UTF-16 and UTF-8 byte-order marks are honoured; otherwise strict UTF-8 is tried and
    Windows-1252 (a superset of Latin-1's printable range) is the fallback, which the caller
    records. NUL bytes outside UTF-16 mean a binary file.

    Examples
    --------
    >>> decode("Trotsky’s".encode("utf-8"))
    ('Trotsky’s', 'utf-8')
    >>> decode("café".encode("latin-1"))
    ('café', 'cp1252')
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if b"\x00" in raw:
        raise DecodeError("it contains NUL bytes, so it is a binary file rather than plain text")
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    # cp1252 leaves five bytes undefined; Latin-1 decodes every byte.
    return raw.decode("latin-1"), "latin-1"


def normalise(text: str) -> str:
    """NFC, straight quotes and apostrophes, ASCII hyphens for dashes, ``\\n`` line ends.

    Examples
    --------
    >>> normalise("“Workers’ state”\\r\\n—Trotsky")
    '"Workers\\' state"\\n-Trotsky'
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_FOLD)
