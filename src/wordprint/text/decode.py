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
        # Zero-width characters join or split nothing in a word: "t\u200dhe" is "the".
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
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


# What may come before an HTML page's first element: a byte-order mark, whitespace, comments,
# an XML declaration and a DOCTYPE.
_PREAMBLE = re.compile(rb"(?:\s+|<!--.*?-->|<\?xml[^>]*>|<!doctype[^>]*>)*", re.DOTALL)
_HTML_START = re.compile(rb"<(?:html|head|body|title|meta)[\s>/]")
# The elements of an HTML page's frame: a page has at least two of them.
_HTML_MARKERS = (b"<html", b"<head", b"<body", b"<title", b"<meta", b"</html", b"</head",
                 b"</body", b"</title")


def looks_like_html(head: bytes) -> bool:
    """Whether ``head`` (a file's first few KB) is an HTML page: a DOCTYPE ``html``, or an
    element ``<html>``, ``<head>``, ``<body>``, ``<title>`` or ``<meta>`` first after any
    byte-order mark, whitespace, comments and XML declaration, with at least one other element
    of a page's frame (so a text beginning "<html> is a tag" is text).

    >>> looks_like_html(b"<!-- error -->\\n<head><title>503</title></head>")
    True
    >>> looks_like_html(b"<html> is a tag that opens a page."), looks_like_html(b"Call me")
    (False, False)
    """
    head = head[:4096].lower()
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    preamble = _PREAMBLE.match(head)
    if re.search(rb"<!doctype\s+html", head[: preamble.end()]):
        return True
    rest = head[preamble.end():]
    if not _HTML_START.match(rest):
        return False
    return sum(marker in rest for marker in _HTML_MARKERS) >= 2


def file_kind(head: bytes) -> str | None:
    """What non-text format the bytes ``head`` (a file's first bytes, up to 4 KB) begin, if any.

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
    if looks_like_html(head):
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


_ASCII_LETTER = re.compile(rb"[A-Za-z]")
_HIGH = re.compile(rb"[\x80-\xff]")
#: Fewer bytes above 0x7f than this never make a text "another legacy encoding".
MOJIBAKE_MIN_BYTES = 16


def _refuse_other_legacy(raw: bytes) -> None:
    """Refuse a text that is not UTF-8 and would be mojibake as Windows-1252.

    A Western European text in Windows-1252 or Latin-1 is mostly ASCII letters with an accented
    one here and there. Russian in windows-1251, Greek in windows-1253, Chinese in GBK or
    Japanese in Shift-JIS has most of its letters above 0x7f: read as Windows-1252 it would be
    runs of "Ðåêà" counted as words. Telling those encodings apart reliably needs more than the
    standard library, so such a text is refused (with the fix: save it as UTF-8), not guessed.
    """
    high = len(_HIGH.findall(raw))
    if high >= MOJIBAKE_MIN_BYTES and high > len(_ASCII_LETTER.findall(raw)):
        raise DecodeError(
            f"it is not UTF-8, and {high:,} of its bytes are above 0x7f, more than its ASCII "
            "letters: it is in a legacy encoding of another script (such as Cyrillic "
            "windows-1251, Greek windows-1253 or Chinese GBK), which read as Windows-1252 would "
            "be gibberish. Save it as UTF-8"
        )


def decode_text(raw: bytes) -> Decoded:
    """Decode raw bytes, saying which encoding was used and warning about any fallback.

    UTF-16 and UTF-8 byte-order marks are honoured. Without one, strict UTF-8 is tried. A text
    that is UTF-8 except for some bytes (mixed encodings, stray invalid bytes) keeps its UTF-8
    and reads each other byte as Windows-1252 (encoding ``utf-8+cp1252``, with a warning naming
    the first byte); a text without any UTF-8 is read as Windows-1252 (a superset of Latin-1's
    printable range) or, where that fails, Latin-1, unless most of its letters would then be
    accented ones: a text in another script's legacy encoding (windows-1251, GBK, ...) is
    refused with :class:`DecodeError` rather than read as gibberish. UTF-32 with a BOM is read
    too. Files in a binary format (PDF, ZIP, PNG, ...:
    see ``SIGNATURES``) and files with NUL bytes outside UTF-16 are refused with
    :class:`DecodeError`.

    Examples
    --------
    >>> decode_text("café".encode("latin-1"))
    Decoded(text='café', encoding='cp1252', warnings=('not valid UTF-8: decoded as cp1252',))
    >>> decode_text("naïve ".encode() + "café".encode("latin-1")).text
    'naïve café'
    """
    # The UTF-32 little-endian mark begins with the UTF-16 one: UTF-32 first.
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        try:
            text = raw.decode("utf-32")
        except UnicodeDecodeError as err:
            raise DecodeError(
                f"it starts with a UTF-32 byte-order mark but is not valid UTF-32 at byte "
                f"{err.start} ({err.reason}): the file may be cut off"
            ) from None
        return Decoded(text, "utf-32", ("not valid UTF-8: decoded as utf-32",))
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
    # After a UTF-8 mark only an HTML page can follow (the signatures are binary formats').
    kind = ("an HTML page" if looks_like_html(raw[:4096]) else None) if bom else file_kind(
        raw[:4096]
    )
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
        # GBK and Shift-JIS byte pairs are sometimes valid UTF-8 too: most are not.
        count = len(_ESCAPED.findall(text))
        if count >= MOJIBAKE_MIN_BYTES and count > len(_UTF8_CHAR.findall(text)) + len(
            _ASCII_LETTER.findall(raw)
        ):
            _refuse_other_legacy(raw)
        return _mixed(text, escaped, encoding=encoding, skipped=3 if bom else 0)
    _refuse_other_legacy(raw)
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
