"""Split one book into documents at its headings (essays, letters, chapters).

:func:`split_at_headings` cuts a text at every line that matches a heading pattern and returns
(heading, body) pairs. A heading often opens a block of front matter that must not reach the
body: in the Federalist Papers (Project Gutenberg #18) each paper opens with its number, title,
newspaper and date, **the author's name** and the salutation "To the People of the State of
New York:"; left in, the name would leak the answer to any attribution. So
``drop_lines_after_heading`` takes a number of non-blank lines to drop, or a regular
expression for the last line of the block (dropped with everything before it); a section
where that line is missing is an error, never a silent leak.

A book may repeat a heading (#18 prints No. 70 twice, "two slightly different versions", each
copy preceded by that editor's note, which ``drop_lines`` removes): ``duplicates`` keeps every
copy, the first, the last, or raises; :func:`duplicate_headings` reports them. For #18 keep the
first: the two copies differ in one phrase, where the second reads "good se se," for "good
sense,". Headings are compared by the pattern's first
group when it has one (the paper number), else by the whole heading line.

Text before the first heading (a title page) is not returned. Lines may end in LF or CRLF.
Strip a Gutenberg header and licence first (:func:`wordprint.text.gutenberg.strip_gutenberg`), or
the licence ends up in the last document.

References
----------
Mosteller, F. & Wallace, D. L. (1964). Inference and Disputed Authorship: The Federalist.
Addison-Wesley.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Literal

Duplicates = Literal["keep", "first", "last", "error"]

FEDERALIST: dict[str, str] = {
    # "FEDERALIST No. 2", also "FEDERALIST. No. 1" (Nos. 1, 7, 63, 81 in #18)
    "pattern": r"^FEDERALIST\.?\s+No\.\s*(\d+)\s*$",
    # the salutation ends the heading block ("York." once, in No. 15)
    "drop_lines_after_heading": r"^\s*To the People of the State of New York\s*[:.]?\s*$",
    # the editor's note printed before each of the two copies of No. 70
    "drop_lines": r"^\*There are two slightly different versions of No\. \d+ included here\.\s*$",
}
"""Options of :func:`split_at_headings` for the Federalist Papers as in Gutenberg eBook #18."""


def split_at_headings(
    text: str,
    *,
    pattern: str,
    drop_lines_after_heading: int | str = 0,
    drop_lines: str | None = None,
    duplicates: Duplicates = "keep",
) -> list[tuple[str, str]]:
    """Split ``text`` at lines matching ``pattern``; return (heading, body) pairs in order.

    Parameters
    ----------
    text : str
        The book.
    pattern : str
        A regular expression matched against each line (without its line ending), e.g.
        ``r"^CHAPTER [IVXLC]+\\.?$"``. Its first group, if any, names the document for
        ``duplicates``.
    drop_lines_after_heading : int or str
        An int drops that many non-blank lines after the heading; a str is a regular
        expression for the last line of the heading block: it and every line before it are
        dropped, and a section without such a line raises ``ValueError``.
    drop_lines : str, optional
        A regular expression for lines to remove from every body (an editor's note).
    duplicates : {"keep", "first", "last", "error"}
        What to do when a heading (its first group) occurs more than once.

    Returns
    -------
    list of (str, str)
        The heading line (stripped) and the body, without leading and trailing blank lines.

    References
    ----------
    Mosteller, F. & Wallace, D. L. (1964). Inference and Disputed Authorship: The Federalist.
    Addison-Wesley.

    Examples
    --------
    >>> book = "Title\\n\\nNo. 1\\nby X\\n\\nFirst text.\\n\\nNo. 2\\nby Y\\nSecond.\\n"
    >>> split_at_headings(book, pattern=r"^No\\. (\\d+)$", drop_lines_after_heading=1)
    [('No. 1', 'First text.'), ('No. 2', 'Second.')]
    """
    heading_re = _compile(pattern, "pattern")
    if isinstance(drop_lines_after_heading, str):
        block_end = _compile(drop_lines_after_heading, "drop_lines_after_heading")
        n_drop = 0
    elif (
        isinstance(drop_lines_after_heading, int)
        and not isinstance(drop_lines_after_heading, bool)
        and drop_lines_after_heading >= 0
    ):
        block_end, n_drop = None, drop_lines_after_heading
    else:
        raise ValueError(
            "drop_lines_after_heading must be a number of lines (0 or more) or a regular "
            f"expression, got {drop_lines_after_heading!r}"
        )
    drop_re = _compile(drop_lines, "drop_lines") if drop_lines is not None else None
    if duplicates not in ("keep", "first", "last", "error"):
        raise ValueError(
            f"unknown duplicates {duplicates!r}; choose one of keep, first, last, error"
        )
    lines = text.splitlines(keepends=True)
    heads = [i for i, line in enumerate(lines) if heading_re.search(line.rstrip("\r\n"))]
    sections = []
    for h, start in enumerate(heads):
        end = heads[h + 1] if h + 1 < len(heads) else len(lines)
        line = lines[start].rstrip("\r\n")
        body = _drop_block(lines[start + 1 : end], block_end, n_drop, line.strip(), start + 1)
        if drop_re is not None:
            body = [b for b in body if not drop_re.search(b.rstrip("\r\n"))]
        sections.append((_key(heading_re, line), line.strip(), "".join(body).strip()))
    return _resolve(sections, duplicates)


def duplicate_headings(text: str, *, pattern: str) -> dict[str, int]:
    """Headings (their first group, else the line) that occur more than once, with counts.

    References
    ----------
    Mosteller, F. & Wallace, D. L. (1964). Inference and Disputed Authorship: The Federalist.
    Addison-Wesley.

    Examples
    --------
    >>> duplicate_headings("No. 1\\na\\nNo. 2\\nb\\nNo. 2\\nc", pattern=r"^No\\. (\\d+)$")
    {'2': 2}
    """
    heading_re = _compile(pattern, "pattern")
    counts = Counter(
        _key(heading_re, line) for line in text.splitlines() if heading_re.search(line)
    )
    return {key: n for key, n in counts.items() if n > 1}


def _resolve(sections: list[tuple[str, str, str]], duplicates: str) -> list[tuple[str, str]]:
    counts = Counter(key for key, _, _ in sections)
    repeated = [key for key, n in counts.items() if n > 1]
    if repeated and duplicates == "error":
        raise ValueError(
            f"headings occur more than once: {', '.join(repeated)}; pass duplicates='first', "
            "'last' or 'keep'"
        )
    if duplicates in ("keep", "error"):
        return [(heading, body) for _, heading, body in sections]
    chosen: dict[str, int] = {}
    for i, (key, _, _) in enumerate(sections):
        if duplicates == "last" or key not in chosen:
            chosen[key] = i
    keep = sorted(chosen.values())  # in book order, at the kept copy's place
    return [(sections[i][1], sections[i][2]) for i in keep]


def _drop_block(
    body: list[str], block_end: re.Pattern | None, n_drop: int, heading: str, line_no: int
) -> list[str]:
    if block_end is None:
        return _drop_nonblank(body, n_drop)
    for j, line in enumerate(body):
        if block_end.search(line.rstrip("\r\n")):
            return body[j + 1 :]
    raise ValueError(
        f"section {heading!r} (line {line_no}) has no line matching drop_lines_after_heading "
        f"{block_end.pattern!r}; its heading block would stay in the body"
    )


def _drop_nonblank(lines: list[str], n: int) -> list[str]:
    for j, line in enumerate(lines):
        if n == 0:
            return lines[j:]
        if line.strip():
            n -= 1
    return []


def _key(heading_re: re.Pattern, heading: str) -> str:
    match = heading_re.search(heading)
    return match.group(1) if match and heading_re.groups else heading.strip()


def _compile(pattern: str, name: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise ValueError(f"{name} is not a valid regular expression: {error}") from None


# Named splitting options a config can refer to (``split: federalist``).
PRESETS: dict[str, dict[str, str]] = {"federalist": FEDERALIST}


def book_part(text: str, part: str, *, pattern: str, **options: Any) -> str:
    """The body of the section of ``text`` whose heading's key is ``part``.

    The key is the heading's first captured group (``"10"`` for ``FEDERALIST No. 10``), or the
    whole heading line when the pattern captures nothing. A repeated heading keeps its first
    copy. Raises ``KeyError`` naming the parts that exist.

    Examples
    --------
    >>> book_part("No. 1\\nfirst\\nNo. 2\\nsecond\\n", "2", pattern=r"^No\\. (\\d+)$")
    'second'
    """
    heading_re = _compile(pattern, "pattern")
    sections = split_at_headings(text, pattern=pattern, duplicates="first", **options)
    bodies = {_key(heading_re, heading): body for heading, body in sections}
    if part not in bodies:
        found = ", ".join(list(bodies)[:10]) + (" ..." if len(bodies) > 10 else "")
        raise KeyError(f"no part {part!r} among the {len(bodies)} found ({found or 'none'})")
    return bodies[part]
