"""Remove Project Gutenberg headers, licence text and producer notes from an e-text.

A Project Gutenberg file wraps the work in boilerplate: a header (title, licence summary,
release date), a start marker, producer credits, sometimes a transcriber's note, then the work,
then an end line, an end marker and the full licence. :func:`strip_gutenberg` returns the work
alone, as one contiguous slice of the input, and a report of what it found and removed.

Markers recognised (case, spacing and the number of asterisks may vary; a marker may wrap onto
a second line):

- start, new style: ``*** START OF THE PROJECT GUTENBERG EBOOK <TITLE> ***`` (also ``THIS``,
  ``ETEXT``, ``COPYRIGHTED``, no asterisks);
- start, old style: the end of the old licence block, ``*END*THE SMALL PRINT! FOR PUBLIC
  DOMAIN ETEXTS*Ver.04.29.93*END*`` (also ``*END THE SMALL PRINT!``);
- end: ``*** END OF THE PROJECT GUTENBERG EBOOK <TITLE> ***`` and the line before it,
  ``End of the Project Gutenberg EBook of <title>`` / ``End of Project Gutenberg's <title>``.

Inside the markers, credits right after the start (``Produced by``, ``E-text prepared by``,
``Transcribed by``, notes about page images or the HTML version) and clearly marked
transcriber's notes (boxed, bracketed or under a "Transcriber's note" heading) at the start or
at the very end of the work are removed too. Front matter that belongs to the printed book
(title page, contents, index, publisher's advertisements) is kept.
"""

from __future__ import annotations

import re

# --- markers (one line each; the inventory follows c-w/gutenberg's TEXT_START/END_MARKERS) ---
_START_NEW = re.compile(
    r"^[ \t]*\**[ \t]*START\s+OF\s+(?:THE\s+|THIS\s+)?(?:COPYRIGHTED\s+)?PROJECT\s+GUTENBERG",
    re.IGNORECASE,
)
_START_OLD = re.compile(r"^[ \t]*\**[ \t]*END\*?[ \t]*THE\s+SMALL\s+PRINT", re.IGNORECASE)
# "*** END OF THE PROJECT GUTENBERG EBOOK", "End of the Project Gutenberg EBook of ...",
# "End of Project Gutenberg's ...", "END OF THIS PROJECT GUTENBERG EBOOK" (no asterisks).
_END = re.compile(
    r"^[ \t]*(\**)[ \t]*END\s+OF\s+(?:THE\s+|THIS\s+)?(?:COPYRIGHTED\s+)?PROJECT\s+GUTENBERG",
    re.IGNORECASE,
)

# --- producer credits and e-text notes right after the start marker ---
_PRODUCER_START = re.compile(
    r"^(?:produced\s+by|e-?text\s+prepared\s+by|prepared\s+by|transcribed\s+(?:by|from)"
    r"|typed\s+by|scanned\s+by|proofread\s+by|html\s+version\s+by"
    r"|this\s+e-?(?:text|book)\s+was\s+(?:prepared|produced|created)\s+by"
    r"|this\s+project\s+gutenberg\s+e-?(?:text|book)\s+was\s+prepared\s+by)",
    re.IGNORECASE,
)
_PRODUCER_PHRASE = re.compile(
    r"project\s+gutenberg|gutenberg\.(?:org|net)|pgdp\.net|distributed\s+proofread"
    r"|images\s+of\s+the\s+original\s+pages|images\s+generously\s+made\s+available"
    r"|internet\s+archive|google\s+print\s+project|google\s+books\s+library",
    re.IGNORECASE,
)
# A transcriber's (or e-text redactor's) note, possibly inside a box or brackets.
_NOTE_HEADING = re.compile(
    r"^(?:transcriber|redactor|e-?text\s+editor)['’]?s?['’]?\s+notes?\b"
    r"|^typographical\s+errors\s+corrected",
    re.IGNORECASE,
)
_BOX_CHARS = " \t|│┃+┌┐└┘─━-=*[]"
_RULE = re.compile(r"^[ \t]*[+┌└|│]?[-─━=]{5,}[+┐┘|│]?[ \t]*$")
_SEPARATOR = re.compile(r"^[ \t*]*$")  # blank or "*       *       *"

# Transcriber's notes are looked for at the end only in this final share of the work.
_TAIL_SHARE = 0.15


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, content) of each line; ``end`` excludes the line break."""
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        out.append((pos, pos + len(content), content))
        pos += len(raw)
    return out


def _paragraphs(lines: list[tuple[int, int, str]], lo: int, hi: int) -> list[tuple[int, int, int]]:
    """Runs of non-blank lines in ``lines[lo:hi]``: (first line, last line, blank lines before)."""
    paras, first, blanks = [], None, 0
    for i in range(lo, hi):
        blank = not lines[i][2].strip()
        if first is None and not blank:
            first, gap = i, blanks
        elif first is not None and blank:
            paras.append((first, i - 1, gap))
            first, blanks = None, 0
        if blank:
            blanks += 1
    if first is not None:
        paras.append((first, hi - 1, gap))
    return paras


def _note_kind(lines: list[tuple[int, int, str]], first: int, last: int) -> str | None:
    """'box', 'bracket' or 'heading' when the paragraph opens a transcriber's note."""
    head = [lines[i][2] for i in range(first, min(last, first + 1) + 1)]
    for content in head:
        if _NOTE_HEADING.match(content.strip(_BOX_CHARS)):
            if _RULE.match(head[0]) or head[0].lstrip().startswith(("|", "│", "┌", "+")):
                return "box"
            if head[0].lstrip().startswith("["):
                return "bracket"
            return "heading"
    return None


def _note_end(lines, paras: list[tuple[int, int, int]], k: int, kind: str) -> int:
    """Index of the last paragraph of the note that opens at ``paras[k]``."""
    for j in range(k, min(len(paras), k + 30)):
        first, last, gap = paras[j]
        if j > k and kind == "heading" and gap >= 2:
            return j - 1  # a wider gap ends a note made of paragraphs
        if kind == "bracket" and lines[last][2].rstrip().endswith("]"):
            return j
        if kind == "box" and _RULE.match(lines[last][2]) and (j > k or last > first):
            return j
    return k  # no clear end: remove the opening paragraph only


def _after_wrapped_marker(lines: list[tuple[int, int, str]], i: int) -> int:
    """First line after an asterisked marker whose title may wrap onto the next line or two:
    ``*** START OF ... EBOOK THE CONDITION OF`` / ``THE WORKING-CLASS***``."""
    content = lines[i][2]
    tail = content[content.upper().find("GUTENBERG") :]
    if "***" in tail or not content.lstrip().startswith("*"):
        return i + 1
    for j in range(i + 1, min(i + 3, len(lines))):
        nxt = lines[j][2].strip()
        if not nxt:
            break
        if nxt.endswith("*"):
            return j + 1
    return i + 1


def _find_start(lines) -> tuple[int, str, int] | None:
    """(line index of the first body line, style, marker line index) of the last start marker."""
    found = None
    for i, (_, _, content) in enumerate(lines):
        if _END.match(content) and found is not None:
            break  # a start marker after the end of the work is not one
        if _START_NEW.match(content):
            found = (_after_wrapped_marker(lines, i), "new", i)
        elif _START_OLD.match(content):
            found = (i + 1, "old", i)
    return found


def strip_gutenberg(text: str) -> tuple[str, dict]:
    """Return the work inside a Project Gutenberg e-text and a report of what was removed.

    The result is a contiguous slice of ``text`` (line endings untouched), trimmed of blank and
    ``*   *   *`` separator lines at both ends. Without any marker the text is returned unchanged
    and the report says so; with only one of the two markers only that side is cut.

    Parameters
    ----------
    text : str
        The decoded e-text.

    Returns
    -------
    body : str
        The work.
    report : dict
        ``stripped`` (bool), ``style`` ("new", "old" or None), ``start_marker``, ``end_marker``
        and ``end_line`` (the marker lines found, or None), ``markers_found`` (names in document
        order: ``start:new`` or ``start:old``, ``producer``, ``transcriber-note``, ``end-line``,
        ``end-marker``),
        ``producer_notes`` (first line of each credit paragraph removed), ``transcriber_notes``
        (number of notes removed), ``head_chars_removed``, ``tail_chars_removed`` and ``note``.

    References
    ----------
    Gerlach, M. & Font-Clos, F. (2020). A standardized Project Gutenberg corpus for statistical
    analysis of natural language and quantitative linguistics. Entropy 22(1), 126. (Their
    cleaning uses the marker inventory of c-w/gutenberg ``strip_headers``, a port of
    J. Krugel's ``strip_headers.cpp``, which the markers here follow.)

    Examples
    --------
    >>> raw = ("The Project Gutenberg EBook of X\\n\\n"
    ...        "*** START OF THIS PROJECT GUTENBERG EBOOK X ***\\n\\n"
    ...        "Produced by A. Volunteer\\n\\nCall me Ishmael.\\n\\n"
    ...        "End of the Project Gutenberg EBook of X\\n\\n"
    ...        "*** END OF THIS PROJECT GUTENBERG EBOOK X ***\\n\\nlicence ...")
    >>> body, report = strip_gutenberg(raw)
    >>> body
    'Call me Ishmael.'
    >>> report["markers_found"]
    ['start:new', 'producer', 'end-line', 'end-marker']
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, not {type(text).__name__}")
    lines = _lines(text)
    report: dict = {
        "stripped": False,
        "style": None,
        "start_marker": None,
        "end_marker": None,
        "end_line": None,
        "markers_found": [],
        "producer_notes": [],
        "transcriber_notes": 0,
        "head_chars_removed": 0,
        "tail_chars_removed": 0,
        "note": "",
    }
    start = _find_start(lines)
    lo = 0
    if start is not None:
        lo, report["style"], marker = start
        report["start_marker"] = lines[marker][2].strip()
    hi = len(lines)
    end_found = False
    for i in range(lo, len(lines)):
        m = _END.match(lines[i][2])
        if m is None:
            continue
        hi, end_found = min(hi, i), True
        key = "end_marker" if m.group(1) else "end_line"
        if report[key] is None:
            report[key] = lines[i][2].strip()
        if m.group(1):
            break  # the licence follows the asterisked marker
    if start is None and not end_found:
        report["note"] = "no Project Gutenberg marker found; text returned unchanged"
        return text, report

    paras = _paragraphs(lines, lo, hi)
    # Credits and notes right after the start marker.
    if start is not None:
        k, cut = 0, None
        while k < len(paras):
            first, last, _ = paras[k]
            block = " ".join(lines[i][2].strip() for i in range(first, last + 1))
            kind = _note_kind(lines, first, last)
            if kind:
                k = _note_end(lines, paras, k, kind)
                report["transcriber_notes"] += 1
            elif _PRODUCER_START.match(block) or _PRODUCER_PHRASE.search(block):
                report["producer_notes"].append(lines[first][2].strip()[:80])
            elif not all(_SEPARATOR.match(lines[i][2]) for i in range(first, last + 1)):
                break
            else:
                k += 1
                continue  # a separator is removed only when more boilerplate follows it
            cut = k
            k += 1
        if cut is not None:
            lo = paras[cut][1] + 1
            paras = paras[cut + 1 :]
    # A transcriber's note that closes the work.
    if paras:
        tail_from = lines[paras[0][0]][0] + (1 - _TAIL_SHARE) * (
            lines[paras[-1][1]][1] - lines[paras[0][0]][0]
        )
        for k, (first, last, _) in enumerate(paras):
            if lines[first][0] < tail_from:
                continue
            kind = _note_kind(lines, first, last)
            if kind == "bracket" and not lines[paras[-1][1]][2].rstrip().endswith("]"):
                continue  # an inline bracketed note followed by more of the work
            if kind:
                hi = first
                report["transcriber_notes"] += 1
                break
    # Trim blank and separator lines at both ends.
    while lo < hi and _SEPARATOR.match(lines[lo][2]):
        lo += 1
    while hi > lo and _SEPARATOR.match(lines[hi - 1][2]):
        hi -= 1
    if lo < hi:
        begin, end = lines[lo][0], lines[hi - 1][1]
    else:  # nothing between the markers
        begin = end = lines[lo][0] if lo < len(lines) else len(text)
    report["stripped"] = True
    report["markers_found"] = (
        [f"start:{report['style']}"] * (start is not None)
        + ["producer"] * bool(report["producer_notes"])
        + ["transcriber-note"] * report["transcriber_notes"]
        + ["end-line"] * (report["end_line"] is not None)
        + ["end-marker"] * (report["end_marker"] is not None)
    )
    report["head_chars_removed"] = begin
    report["tail_chars_removed"] = len(text) - end
    if start is None:
        report["note"] = "no start marker found; only the end was cut"
    elif not end_found:
        report["note"] = "no end marker found; only the start was cut"
    return text[begin:end], report
