"""The standalone HTML report: one file, images embedded, everything from the corpus escaped.

Every string that comes from a document, the catalog or the config passes through
:func:`html.escape`, so a title containing ``<script>`` is shown as text, never run. The one
script of the page is :data:`SORT_SCRIPT`, written here: a click on a column heading sorts the
table by that column.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0 1.5em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
td{max-width:40em}th{background:#f3f3f3}
td.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.9em;color:#444}pre{background:#f7f7f7;padding:1em;overflow-x:auto}
.scroll{max-height:32em;overflow:auto;margin:0 0 1.5em}.scroll table{margin:0}
.scroll thead th{position:sticky;top:0;z-index:1;box-shadow:0 1px 0 #ddd}
p.caption{font-size:.85em;color:#444;margin:.5em 0 .2em}
section.findings{background:#f6f8fb;border:1px solid #dde3ec;padding:0 1.2em 1em;margin:1em 0}
section.findings h2{margin-top:.8em}ul.files{columns:2;font-size:.85em}
th{cursor:pointer}th[aria-sort=ascending]::after{content:" \\25B2"}
th[aria-sort=descending]::after{content:" \\25BC"}
nav ol{columns:2;font-size:.95em}details.made{font-size:.8em;color:#555}
details.made dd{margin:0 0 .3em 1.5em;white-space:pre-wrap;word-break:break-all}
"""

# Sorts a table by the clicked column: numbers as numbers, text as text; a second click reverses.
SORT_SCRIPT = """
document.addEventListener("click", function (event) {
  var th = event.target.closest("th");
  if (!th) return;
  var table = th.closest("table"), body = table.tBodies[0];
  var column = Array.prototype.indexOf.call(th.parentNode.children, th);
  var up = th.getAttribute("aria-sort") !== "ascending";
  table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
  th.setAttribute("aria-sort", up ? "ascending" : "descending");
  var key = function (row) {
    var text = row.children[column] ? row.children[column].textContent : "";
    var number = parseFloat(text);
    return isNaN(number) ? text.toLowerCase() : number;
  };
  var rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (a, b) {
    var x = key(a), y = key(b);
    if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
    return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
  });
  rows.forEach(function (row) { body.appendChild(row); });
});
"""


@dataclass(frozen=True)
class Figure:
    caption: str
    png: bytes
    made: Sequence[tuple[str, str]] = ()  # the provenance the figure file carries


@dataclass(frozen=True)
class Table:
    caption: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]
    whole: bool = False  # show long cells whole (references), not cut at MAX_CELL


@dataclass(frozen=True)
class Links:
    caption: str
    paths: Sequence[str]  # relative to the report's folder


@dataclass(frozen=True)
class Section:
    title: str
    text: str = ""
    items: Sequence[Figure | Table | Links] = ()


# Longer cells (warnings, long titles) are cut in the page; the CSV tables hold them whole.
MAX_CELL = 90


def _cell(value: Any, whole: bool = False) -> str:
    if isinstance(value, float):
        return f'<td class="num">{value:.4g}</td>'
    text = str(value)
    try:
        number = float(text)
    except ValueError:
        if len(text) > MAX_CELL and not whole:
            return f'<td title="{escape(text)}">{escape(text[:MAX_CELL])}…</td>'
        return f"<td>{escape(text)}</td>"
    shown = text if text.lstrip("-").isdigit() else f"{number:.4g}"
    return f'<td class="num">{escape(shown)}</td>'


def render_table(table: Table) -> str:
    head = "".join(f"<th>{escape(str(h))}</th>" for h in table.header)
    body = "\n".join(
        "<tr>" + "".join(_cell(v, table.whole) for v in row) + "</tr>" for row in table.rows
    )
    # The caption stays above the box; a wide or long table scrolls inside it, headings on top.
    return (
        f'<p class="caption">{escape(table.caption)}</p><div class="scroll"><table>'
        f"<thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table></div>"
    )


def render_links(links: Links) -> str:
    items = "".join(
        f'<li><a href="{escape(path, quote=True)}">{escape(path)}</a></li>' for path in links.paths
    )
    return f'<p class="caption">{escape(links.caption)}</p><ul class="files">{items}</ul>'


def render_item(item: Figure | Table | Links) -> str:
    if isinstance(item, Figure):
        return render_figure(item)
    return render_links(item) if isinstance(item, Links) else render_table(item)


def render_figure(figure: Figure) -> str:
    data = base64.b64encode(figure.png).decode("ascii")
    made = ""
    if figure.made:
        fields = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in figure.made)
        made = f'<details class="made"><summary>How this figure was made</summary><dl>{fields}</dl></details>'
    return (
        f'<figure><img src="data:image/png;base64,{data}" alt="{escape(figure.caption)}">'
        f"<figcaption>{escape(figure.caption)}</figcaption>{made}</figure>"
    )


def anchor(title: str) -> str:
    """The id of a section heading: its title in lower case, words joined by '-'."""
    return "-".join("".join(c if c.isalnum() else " " for c in title.lower()).split())


def columns(table: Table, *, drop: set[str]) -> Table:
    """The table without the columns in ``drop``."""
    keep = [i for i, name in enumerate(table.header) if name not in drop]
    return Table(
        table.caption,
        [table.header[i] for i in keep],
        [[row[i] for i in keep] for row in table.rows],
    )


def with_intervals(table: Table) -> Table:
    """Each statistic with bootstrap columns <stat>_low, <stat>_high as one "v [low, high]" cell."""
    header = list(table.header)
    paired = [h for h in header if f"{h}_low" in header and f"{h}_high" in header]
    if not paired:
        return table
    at = {h: (header.index(h), header.index(f"{h}_low"), header.index(f"{h}_high")) for h in paired}
    drop = {f"{h}_{end}" for h in paired for end in ("low", "high")}

    def cell(value, low, high):
        number = lambda text: f"{float(text):.4g}"  # noqa: E731
        if not value or not low or not high:
            return value and number(value)
        return f"{number(value)} [{number(low)}, {number(high)}]"

    rows = [list(row) for row in table.rows]
    for row in rows:
        for h, (i, lo, hi) in at.items():
            row[i] = cell(row[i], row[lo], row[hi])
    names = [f"{h} [CI]" if h in at else h for h in header]
    return columns(Table(table.caption, names, rows), drop=drop)


def _render_section(section: Section) -> list[str]:
    parts = [f'<h2 id="{anchor(section.title)}">{escape(section.title)}</h2>']
    if section.text:
        parts.append(f"<p>{escape(section.text)}</p>")
    parts += [render_item(item) for item in section.items]
    return parts


def render_report(
    *,
    title: str,
    sections: Sequence[Section],
    settings: dict[str, Any],
    lead: Section | None = None,
) -> str:
    """The whole page: the ``lead`` section (the findings) first, then the contents, the
    sections, and the run's resolved ``settings`` (shown as JSON) to close it."""
    contents = "".join(
        f'<li><a href="#{anchor(s.title)}">{escape(s.title)}</a></li>' for s in sections
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{STYLE}</style>",
        f"<script>{SORT_SCRIPT}</script></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    if lead is not None:
        parts += ['<section class="findings">', *_render_section(lead), "</section>"]
    parts.append(
        f'<nav><ol>{contents}<li><a href="#configuration">Configuration</a></li></ol></nav>'
    )
    for section in sections:
        parts += _render_section(section)
    parts.append('<h2 id="configuration">Configuration</h2>')
    parts.append(f"<pre>{escape(json.dumps(settings, indent=2, sort_keys=True))}</pre>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
