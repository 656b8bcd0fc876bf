"""Separate quoted material and editorial apparatus from an author's own words.

A review essay quotes the book it reviews; counted as they stand, the reviewer's profile carries
the reviewed author's vocabulary. :func:`split_quotations` gives three views of a document:

- ``full``: the text as given;
- ``own``: the author's own words, without quoted passages, footnote markers (``[12]``),
  citation parentheticals (``(TRB, 76)``, ``(218)``, ``(ibid., 45)``, ``(120-122)``) and a
  trailing notes section (a "Notes"/"Endnotes"/"References" heading followed by numbered notes);
- ``quoted``: the quoted passages only, one per line.

In ``own``, the runs of spaces that removals leave behind are collapsed. A notes section is
apparatus like the markers that point to it: the notes are the author's words, but citations of
titles, pages and archives, not prose, so they are removed from ``own`` and reported (heading,
characters, words); ``notes="keep"`` keeps them. A parenthesised bare number is taken for a page
citation unless it looks like a year, so list labels such as ``(1)`` go too (they hold no
words). Block quotations set off only by indentation, with no quotation marks, are not detected.

How quotations are found
------------------------
Quotations are read paragraph by paragraph (paragraphs are separated by blank lines; a single
line break inside a paragraph is only a wrapped line). The primary marks are double quotes
(curly ``“ ”`` or straight ``"``); single quotes (``‘ ’`` or ``'``) inside them are nested
quotations and stay part of the outer one, so apostrophes (``Trotsky’s``, ``workers’``,
``’90s``, ``don't``) never open or close anything. A straight quote opens when it follows a
space or an opening bracket and closes before a space or punctuation; one standing between
two spaces is a ditto mark. Texts set in British style (single quotes outside, double inside)
are recognised by ``primary="auto"``: it picks the style whose opening marks are more frequent.

Nothing can swallow the rest of a document: a quotation must close within its paragraph (the
one exception is the convention where a quotation running over several paragraphs reopens
each of them), must not be longer than ``max_quote_words``, and a closing mark with nothing
open is ignored. Each of these cases keeps the text as own words and adds a warning to the
report, with the line number.

Short quotations (scare quotes)
-------------------------------
A quoted term of one to three words ("degenerated workers’ state", "gravedigger") is still the
quoted author's vocabulary: in the Dawsey essay nearly every such term is Trotsky's, with a
page citation. Left in ``own``, these terms would make the reviewer look like the reviewed
author on exactly the distinctive words stylometry relies on, so by default
(``short_quotes="quoted"``) they count as quotations. ``short_quotes="own"`` keeps them as own
words (for authors who use quotation marks ironically); the report counts them either way.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

# Words as in wordprint.text.tokenize's "words" pattern, with the curly apostrophe as well.
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:['\-][A-Za-z]+)*")  # the same words in ASCII text
_WORD_CHAR = re.compile(r"[^\W\d_]|['’\-]")  # the characters a word is made of
_LABEL_RUN = re.compile(rb"([\x01-\xff])\1*")  # a run of one non-zero label

# Character labels: which view a character belongs to (0 = own words).
_OWN, _CITATION, _MARKER, _QUOTATION, _NOTES = range(5)
_CATEGORY = {
    _CITATION: "citations",
    _MARKER: "footnote_markers",
    _QUOTATION: "quotations",
    _NOTES: "notes_section",
}

# Quotation styles by name: the curly opening and closing marks, and the straight mark.
QUOTE_STYLES: dict[str, tuple[str, str, str]] = {
    "double": ("“", "”", '"'),
    "single": ("‘", "’", "'"),
}
_OTHER = {"double": "single", "single": "double"}

_OPEN_BEFORE = set("([{<—–-/“‘„«_*")  # after these, a straight quote opens
_CLOSE_AFTER = set(".,;:!?)]}>—–-…”’»_*")  # before these, a straight quote closes
_ELISION = re.compile(r"(?:\d\ds?|tis|twas|em|n|cause|til)\b", re.IGNORECASE)  # '90s, 'tis

# "[12]", "[3a]", or superscript digits after a character that is not a space or a digit (the
# lookbehind follows the first superscript, so that both branches begin with a character the
# search can skip to).
_FOOTNOTE_MARKER = re.compile(r"\[\d{1,3}[a-z]?\]|[¹²³⁰⁴-⁹](?<=[^\s\d][¹²³⁰⁴-⁹])[¹²³⁰⁴-⁹]*")
# Spaces other than line breaks at the end of a line (before "\n" or "\r\n") or at the start
# of one (after "\n"); written with the first space outside the alternation, for the same reason.
_LINE_END_SPACES = re.compile(r"[^\S\r\n](?:[^\S\r\n]*(?=\r?\n)|(?<=\n[^\S\r\n])[^\S\r\n]*)")
_PAGE = r"\d{1,4}[a-z]?(?:\s*[-–]\s*\d{1,4}[a-z]?)?(?:\s*ff?\.?)?"
_PAGES = rf"{_PAGE}(?:\s*[,;]\s*{_PAGE})*"
_CITATION_RE = re.compile(
    r"\(\s*(?:"
    rf"(?P<pp>pp?\.\s*)?(?P<bare>{_PAGES})"  # (218), (120-122), (15, 192, 206), (p. 45)
    rf"|(?:[Ii]bid|[Ii]d|[Oo]p\.\s*cit|[Ll]oc\.\s*cit)\.?(?:\s*[,:]?\s*(?:pp?\.\s*)?{_PAGES})?"
    rf"|[A-Z]{{2,6}}\s*[,:]?\s*(?:pp?\.\s*)?{_PAGES}"  # sigla: (TRB, 76), (WLT 118)
    r"|[A-Z][A-Za-z'’\-]+(?:\s+(?:and|&)\s+[A-Z][A-Za-z'’\-]+)?(?:\s+et\s+al\.)?,?\s+\d{4}[a-z]?"
    rf"\s*[,:]\s*(?:pp?\.\s*)?{_PAGES}"  # author-year-page: (Deutscher 1963, 267)
    r")\s*\)"
)
_YEAR = re.compile(r"^(?:1\d|20)\d\d(?:\s*[-–]\s*\d{2,4})?$")  # (1906), (1918-21) are dates
_NOTES_HEADING = re.compile(
    r"^[ \t]*(?:notes|endnotes|end\s+notes|footnotes|references|works\s+cited|bibliography)"
    r"[ \t]*:?[ \t\r]*$",
    re.IGNORECASE | re.MULTILINE,
)
_NOTE_START = re.compile(r"\s*(?:\[\d{1,3}\]|\d{1,3}[.)]?\s|\^\d|[¹²³⁰⁴-⁹]+)")
_MAX_WARNINGS = 20


@dataclass(frozen=True)
class QuoteSplit:
    """The views of one document and the report of what separates them.

    ``spans`` lists the quotations removed from ``own`` as ``(start, end)`` offsets into
    ``full``, quote marks included.
    """

    full: str
    own: str
    quoted: str
    report: dict
    spans: tuple[tuple[int, int], ...] = ()


# Each ASCII letter read as "a", an apostrophe or hyphen as "-", any other byte as a space.
_ASCII_CLASSES = bytes(
    ord("a") if chr(b).isascii() and chr(b).isalpha() else ord("-") if chr(b) in "'-" else ord(" ")
    for b in range(256)
)


def _ascii_words(text: str) -> int:
    """``len(_ASCII_WORD.findall(text))`` for ASCII ``text``, counted without building the list.

    A word starts at a letter after a gap, or after an apostrophe or hyphen that does not join
    two letters (it follows a gap or another one): in the text read as letters "a", joiners "-"
    and gaps " ", after a leading gap, the counts of " a", " -a" and "--a". Four times faster
    than ``findall`` on a novel, which matters because every document's full and own text is
    counted for the report.
    """
    classes = b" " + text.encode("ascii").translate(_ASCII_CLASSES)
    return classes.count(b" a") + classes.count(b" -a") + classes.count(b"--a")


def _words(
    text: str, pos: int = 0, endpos: int | None = None, *, word: re.Pattern[str] = _WORD
) -> int:
    """Number of words in ``text[pos:endpos]``: those starting there when ``pos`` starts a word
    or a gap. ``word`` may be ``_ASCII_WORD`` when ``text`` is ASCII."""
    if word is _ASCII_WORD:
        return _ascii_words(text[pos:endpos])
    return len(word.findall(text, pos, len(text) if endpos is None else endpos))


def _words_starting_in(
    text: str, start: int, end: int, *, word: re.Pattern[str] = _WORD
) -> int:
    """Number of the words of ``text`` (found in the whole text) that start in [start, end).

    Words are runs of word characters (``_WORD_CHAR``), so the words found from the start of
    the run of word characters around ``start`` are those of the whole text. A search cut off
    at ``end`` may shorten the last word, but not move where it starts.
    """
    back = start
    while back > 0 and _WORD_CHAR.match(text, back - 1):
        back -= 1
    found = _words(text, back, end, word=word)
    return found - _words(text, back, start, word=word) if back < start else found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the runs of text between blank lines."""
    out, pos = [], 0
    for gap in re.finditer(r"\n[ \t\r]*\n", text):
        if text[pos : gap.start()].strip():
            out.append((pos, gap.start()))
        pos = gap.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def _classify(text: str, i: int, lo: int, hi: int, style: str) -> str | None:
    """'open', 'close', 'either' or None (not a quotation mark) for the mark at ``i``."""
    opening, closing, straight = QUOTE_STYLES[style]
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isspace() and nxt.isspace():
        return None  # a ditto mark
    if ch == opening:
        return "open"
    if ch == closing:
        if style == "single" and (nxt.isalnum() or prev.isspace()):
            return None  # Trotsky’s, ’90s: an apostrophe
        return "close"
    if ch != straight:
        return None
    if style == "single":
        if prev.isalnum() and nxt.isalnum():
            return None  # don't
        if _ELISION.match(text, i + 1, hi):
            return None  # '90s, 'tis
    left = prev.isspace() or prev in _OPEN_BEFORE
    right = nxt.isspace() or nxt in _CLOSE_AFTER
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


_MARK_RE = {
    name: re.compile("[" + re.escape("".join(marks)) + "]") for name, marks in QUOTE_STYLES.items()
}


def _marks(text: str, lo: int, hi: int, style: str) -> list[tuple[int, str]]:
    """The quotation marks of ``style`` in ``text[lo:hi]``, classified."""
    out = []
    for m in _MARK_RE[style].finditer(text, lo, hi):
        kind = _classify(text, m.start(), lo, hi, style)
        if kind:
            out.append((m.start(), kind))
    return out


def _lead(text: str, lo: int, hi: int) -> int:
    """Offset of the first non-blank character of ``text[lo:hi]``."""
    return lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())


def _choose_style(text: str) -> str:
    counts = {}
    for style in QUOTE_STYLES:
        counts[style] = sum(
            1 for lo, hi in _paragraphs(text) for _, k in _marks(text, lo, hi, style) if k == "open"
        )
    return "single" if counts["single"] > 2 * counts["double"] else "double"


def _notes_section(text: str) -> tuple[int, str] | None:
    """Start and heading of a trailing notes section made of numbered notes, if any."""
    headings = [h for h in _NOTES_HEADING.finditer(text) if h.start() >= len(text) // 2]
    if not headings:
        return None
    # The paragraphs after a heading are the rest of its own paragraph and every later one:
    # count the numbered ones once, from the end, so that many headings stay linear.
    paras = _paragraphs(text)
    starts = [lo for lo, _ in paras]
    numbered_after = [0] * (len(paras) + 1)
    for k in range(len(paras) - 1, -1, -1):
        numbered_after[k] = numbered_after[k + 1] + bool(_NOTE_START.match(text, paras[k][0]))
    for heading in headings:
        k = bisect.bisect_right(starts, heading.start()) - 1  # the heading's paragraph
        rest = text[heading.end() : paras[k][1]].strip() != ""
        count = len(paras) - k - 1 + rest
        if not count:
            continue
        first = _NOTE_START.match(text, heading.end() if rest else paras[k + 1][0])
        numbered = numbered_after[k + 1] + (rest and bool(_NOTE_START.match(text, heading.end())))
        # Notes run to the end: the first paragraph and most of the others are numbered.
        if first and numbered >= 0.6 * count:
            return heading.start(), heading.group().strip()
    return None


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _near(text: str, pos: int) -> str:
    """A short, one-line excerpt around ``pos`` for a warning."""
    return "'" + re.sub(r"\s+", " ", text[max(0, pos - 30) : pos + 30]).strip() + "'"


def split_quotations(
    text: str,
    *,
    primary: Literal["auto", "double", "single"] = "auto",
    short_quotes: Literal["quoted", "own"] = "quoted",
    short_max_words: int = 3,
    max_quote_words: int = 500,
    apparatus: Literal["remove", "keep"] = "remove",
    notes: Literal["remove", "keep"] = "remove",
) -> QuoteSplit:
    """Split a document into its full text, the author's own words and the quoted passages.

    Parameters
    ----------
    text : str
        The document (curly or straight quotes; run it before or after
        :func:`wordprint.text.decode.normalise`, the result is the same).
    primary : {"auto", "double", "single"}
        The outer quotation marks; "auto" picks the style whose opening marks are more frequent
        (single only when it has more than twice as many).
    short_quotes : {"quoted", "own"}
        Where quotations of at most ``short_max_words`` words (scare quotes, quoted terms) go.
    short_max_words : int
        The largest quotation, in words, that counts as short.
    max_quote_words : int
        A longer span between quote marks is taken for a missing mark: kept as own words, with
        a warning.
    apparatus : {"remove", "keep"}
        Remove footnote markers and citation parentheticals from ``own`` (and from ``quoted``).
        A parenthesised year such as ``(1906)`` or ``(1918-21)`` is not a citation.
    notes : {"remove", "keep"}
        Remove a trailing notes section (a heading such as "Notes" in the second half of the
        document, followed to the end by numbered notes) from ``own``.

    Returns
    -------
    QuoteSplit
        ``full``, ``own``, ``quoted`` (one quotation per line), ``spans`` and ``report``: the
        style used, ``chars`` and ``words`` of each view, ``removed`` (chars and words per
        category: quotations, footnote_markers, citations, notes_section), ``quoted_spans``,
        ``short_quotes``, ``nested_quotes``, ``continued_quotes``, ``quoted_share`` (quoted words
        / words of the full text) and ``warnings``. Words are runs of letters with inner
        apostrophes or hyphens, as in :mod:`wordprint.text.tokenize`; numbers are not words.

    References
    ----------
    Mahlberg, M., Stockwell, P., de Joode, J., Smith, C. & O'Donnell, M. B. (2016). CLiC
    Dickens: novel uses of concordances for the integration of corpus stylistics and cognitive
    poetics. Corpora 11(3), 433-463. (Quote / non-quote regions, there for fiction; the
    separation of quoted voice from an author's profile follows the same idea.)

    Examples
    --------
    >>> s = split_quotations('He wrote that “the old party is dead” (TRB, 76).[3] We agree.')
    >>> s.own
    'He wrote that . We agree.'
    >>> s.quoted
    'the old party is dead'
    >>> s.report["removed"]["citations"]["count"], s.report["removed"]["footnote_markers"]["count"]
    (1, 1)
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, not {type(text).__name__}")
    choices = {
        "primary": (primary, ("auto", *QUOTE_STYLES)),
        "short_quotes": (short_quotes, ("quoted", "own")),
        "apparatus": (apparatus, ("remove", "keep")),
        "notes": (notes, ("remove", "keep")),
    }
    for name, (value, allowed) in choices.items():
        if value not in allowed:
            allowed_text = ", ".join(map(repr, allowed))
            raise ValueError(f"{name} must be one of {allowed_text}, not {value!r}")
    for name, value, least in (
        ("short_max_words", short_max_words, 0),
        ("max_quote_words", max_quote_words, 1),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise ValueError(f"{name} must be an integer >= {least}, not {value!r}")

    style = _choose_style(text) if primary == "auto" else primary
    word = _ASCII_WORD if text.isascii() else _WORD  # the same words, found faster
    labels = bytearray(len(text))
    warnings: list[str] = []
    n_warnings = 0

    def warn(pos: int, message: str) -> None:
        # Only the first _MAX_WARNINGS are written out: each one counts the lines up to ``pos``,
        # and a text full of stray marks would make that quadratic.
        nonlocal n_warnings
        n_warnings += 1
        if n_warnings <= _MAX_WARNINGS:
            warnings.append(f"line {_line(text, pos)}: " + message.format(near=_near(text, pos)))
    report: dict = {
        "primary": style,
        "quoted_spans": 0,
        "nested_quotes": 0,
        "continued_quotes": 0,
        "short_quotes": {"count": 0, "words": 0, "treated_as": short_quotes},
    }

    # A trailing notes section is apparatus as a whole.
    section = _notes_section(text) if notes == "remove" else None
    body_end = section[0] if section else len(text)

    # Quotations, paragraph by paragraph.
    spans: list[tuple[int, int]] = []
    open_ended: set[int] = set()  # starts of quotations continued in the next paragraph
    paras = _paragraphs(text[:body_end])
    other = _OTHER[style]
    for p, (lo, hi) in enumerate(paras):
        marks = _marks(text, lo, hi, style)
        start = None
        found: list[tuple[int, int]] = []
        for i, kind in marks:
            if start is None and kind in ("open", "either"):
                start = i
            elif start is not None and kind in ("close", "either"):
                found.append((start, i + 1))
                start = None
            elif kind == "open":  # a second opening: the first one never closed
                warn(
                    start,
                    "a quotation opened near {near} is not closed before the next opening "
                    "mark; kept as own words",
                )
                start = i
            elif style == "double":  # a closing mark with nothing open
                warn(i, "a closing quotation mark with nothing open, near {near}; ignored")
        if start is not None:
            # The convention for a quotation over several paragraphs: each one reopens it.
            continued = False
            if p + 1 < len(paras):
                j = _lead(text, *paras[p + 1])
                continued = _classify(text, j, *paras[p + 1], style) in ("open", "either") and (
                    text[j] in QUOTE_STYLES[style]
                )
            if continued:
                found.append((start, hi))
                open_ended.add(start)
                report["continued_quotes"] += 1
            else:
                warn(
                    start,
                    "a quotation opened near {near} is not closed within its paragraph; "
                    "kept as own words",
                )
        for a, b in found:
            n_words = _words(text, a, b, word=word)
            if n_words > max_quote_words:
                warn(
                    a,
                    f"a quotation of {n_words} words near {{near}} is longer than "
                    f"max_quote_words={max_quote_words}; taken for a missing mark, kept as own "
                    "words",
                )
                continue
            if n_words <= short_max_words:
                report["short_quotes"]["count"] += 1
                report["short_quotes"]["words"] += n_words
                if short_quotes == "own":
                    continue
            spans.append((a, b))
            report["nested_quotes"] += sum(
                1 for _, k in _marks(text, a + 1, b - 1, other) if k == "open"
            )

    for a, b in spans:
        labels[a:b] = bytes([_QUOTATION]) * (b - a)
    counts = {"citations": 0, "footnote_markers": 0}
    if apparatus == "remove":
        for m in _CITATION_RE.finditer(text, 0, body_end):
            bare = m.group("bare")
            if bare and not m.group("pp") and _YEAR.match(bare.strip()):
                continue  # a date, not a page
            labels[m.start() : m.end()] = bytes([_CITATION]) * (m.end() - m.start())
            counts["citations"] += 1
        for m in _FOOTNOTE_MARKER.finditer(text, 0, body_end):
            labels[m.start() : m.end()] = bytes([_MARKER]) * (m.end() - m.start())
            counts["footnote_markers"] += 1
    if section:
        labels[section[0] :] = bytes([_NOTES]) * (len(text) - section[0])

    # The views.
    own_parts: list[str] = []
    for m in re.finditer(rb"\x00+", bytes(labels)):
        part = text[m.start() : m.end()]
        if own_parts and not own_parts[-1][-1].isspace() and not part[0].isspace():
            own_parts.append(" ")  # "word“quote”word" must not become one word
        own_parts.append(part)
    own = "".join(own_parts)
    # Removals leave runs of spaces behind: collapse them, and trim line ends and starts.
    own = re.sub(r"[^\S\r\n]{2,}", " ", own)
    own = _LINE_END_SPACES.sub("", own).strip()
    quoted_lines = []
    for a, b in spans:
        b -= a not in open_ended  # the closing mark
        inner = " ".join(
            text[a + 1 + m.start() : a + 1 + m.end()]
            for m in re.finditer(rb"\x03+", bytes(labels[a + 1 : b]))
        )
        quoted_lines.append(" ".join(inner.split()))  # runs of white space as one space
    quoted = "\n".join(quoted_lines)

    removed = {name: {"chars": 0, "words": 0} for name in _CATEGORY.values()}
    for code, name in _CATEGORY.items():
        removed[name]["chars"] = labels.count(code)
    # Words are counted where they start: runs of one label, each counted on its own.
    for run in _LABEL_RUN.finditer(labels):
        name = _CATEGORY[run.group()[0]]
        removed[name]["words"] += _words_starting_in(text, run.start(), run.end(), word=word)
    removed["quotations"]["spans"] = len(spans)
    removed["citations"]["count"] = counts["citations"]
    removed["footnote_markers"]["count"] = counts["footnote_markers"]
    removed["notes_section"]["heading"] = section[1] if section else None

    full_words = _words(text, word=word)
    quoted_words = _words(quoted, word=word)  # ASCII when the text is
    if n_warnings > _MAX_WARNINGS:
        warnings.append(f"... and {n_warnings - _MAX_WARNINGS} more")
    report.update(
        {
            "chars": {"full": len(text), "own": len(own), "quoted": len(quoted)},
            "words": {"full": full_words, "own": _words(own, word=word), "quoted": quoted_words},
            "removed": removed,
            "quoted_spans": len(spans),
            "quoted_share": quoted_words / full_words if full_words else 0.0,
            "warnings": warnings,
        }
    )
    return QuoteSplit(full=text, own=own, quoted=quoted, report=report, spans=tuple(spans))
