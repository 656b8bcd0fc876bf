"""TEI XML documents: the text of the ``<body>``, the notes apart, the metadata of the header.

Most literary corpora are kept as TEI (the Text Encoding Initiative's XML; ELTeC, the
European Literary Text Collection, is level-1 TEI). :func:`read_tei` turns one TEI file into
plain text as the rest of wordprint reads it:

- the text is the ``<body>`` of the ``<text>`` (``front`` and ``back`` matter on request);
  paragraphs, verse lines and other blocks end with a blank line, the whitespace of the XML's
  indentation is collapsed;
- ``<note>`` elements (editors' and authors' notes) are left out of the text and kept apart,
  as the document's ``notes`` (a view of their own, as ``quoted`` is);
- chapter headings (``<head>``), running heads and page furniture (``<fw>``) are left out;
- the header is never text: ``metadata`` holds its author (life dates removed), title,
  year (of the first edition, else the print source, else the header's date) and language
  (``xml:lang`` of the root, else ``langUsage``).

Parsing is safe for files received from others: no DTD is loaded and no entity resolved, a
document declaring entities or a DOCTYPE is refused (the "billion laughs" and external entity
attacks live there), nothing is fetched from the network, and files above ``max_bytes`` are
refused before parsing. Every refusal is a :class:`TeiError` naming the document and the fix.

References
----------
TEI Consortium (2023). TEI P5: Guidelines for Electronic Text Encoding and Interchange.
https://tei-c.org/guidelines/p5/

Burnard, L., Schöch, C. & Odebrecht, C. (2021). In search of comity: TEI for distant reading.
Journal of the Text Encoding Initiative 14.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "DEFAULT_MAX_BYTES", "TeiDocument", "TeiError", "is_tei", "read_tei", "read_tei_header",
    "tei_language",
]

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: TEI files larger than this are refused (the longest ELTeC novels are about 5 MB).
DEFAULT_MAX_BYTES = 200_000_000
#: Elements whose text never reaches the document's text.
LEFT_OUT = {"note", "head", "fw", "teiHeader"}
#: Elements that end with a paragraph break.
BLOCKS = {"p", "l", "lg", "head", "div", "sp", "speaker", "quote", "list", "item", "label",
          "table", "row", "closer", "opener", "salute", "signed", "dateline", "epigraph",
          "trailer", "byline", "argument", "ab", "note"}
_LIFE_DATES = re.compile(r"\s*\((?:\d{3,4}|\?)?\s*[-–]\s*(?:\d{3,4}|\?)?\)\s*$")
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")
_YEAR = re.compile(r"\b[12]\d{3}\b")


class TeiError(ValueError):
    """A TEI file wordprint cannot read; the message names the document and the fix."""


@dataclass(frozen=True)
class TeiDocument:
    """The text, the notes and the header's metadata of one TEI file."""

    text: str
    notes: str
    metadata: dict[str, str] = field(default_factory=dict)


def is_tei(raw: bytes) -> bool:
    """Whether ``raw`` looks like TEI XML (its first 2,000 bytes name the TEI namespace or a
    ``<TEI`` root).

    >>> is_tei(b'<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0">'), is_tei(b"TEI")
    (True, False)
    """
    head = raw[:2000].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and (b"tei-c.org/ns" in head or b"<TEI" in head)


_ROOT_LANG = re.compile(rb"<TEI\b[^>]*?\sxml:lang=[\"']([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)[\"']")


def tei_language(path: Path) -> str:
    """The ``xml:lang`` of a TEI file's root, read from its first 8 KB without parsing it
    ("" when the file is not TEI or names no language): cheap enough for the catalog to fill
    in each TEI document's language.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(suffix=".xml") as fh:
    ...     _ = fh.write(b'<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="de">')
    ...     _ = fh.flush()
    ...     tei_language(Path(fh.name))
    'de'
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return ""
    found = _ROOT_LANG.search(head) if is_tei(head) else None
    return found.group(1).decode("ascii") if found else ""


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _clean(parts: list[str]) -> str:
    """Joined text with the XML's whitespace collapsed and blocks separated by a blank line."""
    blocks = (_SPACES.sub(" ", block).strip() for block in "".join(parts).split("\x00"))
    return "\n\n".join(block for block in blocks if block)


def _walk(element, text: list[str], notes: list[str]) -> None:
    """Append the text of ``element``'s content to ``text`` (notes to ``notes``), blocks
    closed by a NUL mark that :func:`_clean` turns into a paragraph break."""
    for child in element:
        name = _local(child.tag)
        if name == "note":
            inner: list[str] = []
            _walk_all(child, inner)
            notes.append("".join(inner) + "\x00")
        elif name not in LEFT_OUT and name:
            if child.text:
                text.append(child.text)
            _walk(child, text, notes)
            if name in BLOCKS:
                text.append("\x00")
        if child.tail:
            text.append(child.tail)


def _walk_all(element, out: list[str]) -> None:
    """All the text inside ``element`` (a note), nested notes included."""
    if element.text:
        out.append(element.text)
    for child in element:
        if _local(child.tag):
            _walk_all(child, out)
        if child.tail:
            out.append(child.tail)


def _first_text(root, path: str) -> str:
    found = root.find(path)
    if found is None:
        return ""
    return _SPACES.sub(" ", "".join(found.itertext())).strip()


def _metadata(root) -> dict[str, str]:
    header = f"{TEI}teiHeader/{TEI}fileDesc"
    author = _LIFE_DATES.sub("", _first_text(root, f"{header}/{TEI}titleStmt/{TEI}author"))
    year = ""
    for kind in ("firstEdition", "printSource", "digitalSource"):  # the first edition's year
        bibl = root.find(f"{header}/{TEI}sourceDesc/{TEI}bibl[@type='{kind}']")
        date = bibl.find(f".//{TEI}date") if bibl is not None else None
        if date is None:
            continue
        found = _YEAR.search(date.get("when") or "".join(date.itertext()))
        if found:
            year = found.group(0)
            break
    language = root.get(XML_LANG) or ""
    if not language:
        used = root.find(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}langUsage/{TEI}language")
        language = used.get("ident", "") if used is not None else ""
    return {
        "author": author,
        "title": _first_text(root, f"{header}/{TEI}titleStmt/{TEI}title"),
        "year": year,
        "language": language,
    }


# Never a DTD, an entity or the network, whatever the file asks for.
_SAFE = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
             huge_tree=False, remove_comments=True, remove_pis=True)


def _refuse_declarations(head: bytes, doc_id: str) -> None:
    if re.search(rb"<!(?:DOCTYPE|ENTITY)", head):
        raise TeiError(
            f"document {doc_id!r}: the TEI file declares a DOCTYPE or entities, which wordprint "
            "does not load (they can expand without limit or read other files). Remove the "
            "declaration, or resolve the entities with your XML editor first."
        )


def _not_well_formed(doc_id: str, err: Exception) -> TeiError:
    return TeiError(
        f"document {doc_id!r}: not well-formed XML ({err}). Fix the file (an XML editor "
        "shows where), or give its plain text instead."
    )


def _parse(raw: bytes, doc_id: str):
    from lxml import etree  # imported here: only TEI documents need it

    _refuse_declarations(raw[:100_000], doc_id)
    try:
        return etree.fromstring(raw, parser=etree.XMLParser(**_SAFE))
    except etree.XMLSyntaxError as err:
        raise _not_well_formed(doc_id, err) from None


def read_tei_header(path: Path, *, doc_id: str = "") -> dict[str, str]:
    """The metadata of a TEI file's header (author, title, year, language; see
    :func:`read_tei`), read up to the end of the ``<teiHeader>`` only: a folder of novels
    becomes a catalog in milliseconds."""
    from lxml import etree

    doc_id = doc_id or path.stem
    with open(path, "rb") as fh:
        _refuse_declarations(fh.read(100_000), doc_id)
    root = None
    try:
        for _, element in etree.iterparse(str(path), events=("end",), tag=f"{TEI}teiHeader",
                                          **_SAFE):
            root = element.getparent()
            break
    except etree.XMLSyntaxError as err:
        raise _not_well_formed(doc_id, err) from None
    if root is None:
        raise TeiError(
            f"document {doc_id!r}: the TEI file has no <teiHeader> in the TEI namespace. Give "
            "a TEI file, or its plain text and a catalog row naming its author and title."
        )
    return _metadata(root)


def read_tei(
    raw: bytes,
    *,
    doc_id: str,
    front: bool = False,
    back: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> TeiDocument:
    """The text of a TEI file's ``<body>`` (with ``front`` and ``back`` matter when asked),
    its notes apart and its header's metadata (see the module notes).

    >>> tei = '''<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="fr"><teiHeader>
    ... <fileDesc><titleStmt><title>Un conte</title><author>Sand, George (1804-1876)</author>
    ... </titleStmt></fileDesc></teiHeader><text><body><div><head>I.</head>
    ... <p>Il  était<note>Une note.</note> une fois,</p><p>la fin.</p></div></body></text></TEI>'''
    >>> document = read_tei(tei.encode(), doc_id="conte")
    >>> document.text, document.notes
    ('Il était une fois,\\n\\nla fin.', 'Une note.')
    >>> document.metadata["author"], document.metadata["language"]
    ('Sand, George', 'fr')
    """
    if len(raw) > max_bytes:
        raise TeiError(
            f"document {doc_id!r}: the TEI file has {len(raw):,} bytes, more than the limit of "
            f"{max_bytes:,}. Split it into smaller documents."
        )
    root = _parse(raw, doc_id)
    if _local(root.tag) == "teiCorpus":
        raise TeiError(
            f"document {doc_id!r}: a teiCorpus holds several texts; give each <TEI> as a file "
            "of its own."
        )
    text_element = root.find(f"{TEI}text")
    body = text_element.find(f"{TEI}body") if text_element is not None else None
    if body is None:
        raise TeiError(
            f"document {doc_id!r}: the TEI file has no <text><body> (the TEI namespace "
            "http://www.tei-c.org/ns/1.0 is needed too). Give a TEI file with its text in "
            "<body>, or its plain text."
        )
    text: list[str] = []
    notes: list[str] = []
    for part, wanted in (("front", front), ("body", True), ("back", back)):
        element = text_element.find(f"{TEI}{part}")
        if element is not None and wanted:
            _walk(element, text, notes)
            text.append("\x00")
        elif element is not None:  # notes in the matter left out still count as notes
            _walk(element, [], notes)
    return TeiDocument(_clean(text), _clean(notes), _metadata(root))
