"""The HTML report's building blocks: cut or whole cells, anchors, contents, escaping."""

from wordprint.report.html import Section, Table, anchor, render_report, with_intervals

REFERENCE = ("Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary "
             "detection. Computational Linguistics 32(4), 485-525.")


def page(*tables):
    return render_report(title="t", sections=[Section("Methods & more", "", tables)], settings={})


def test_long_cells_are_cut_unless_the_table_shows_them_whole():
    escaped = REFERENCE.replace("&", "&amp;")
    cut = page(Table("c", ["reference"], [[REFERENCE]]))
    assert f"<td>{escaped}</td>" not in cut and f'title="{escaped}"' in cut
    whole = page(Table("c", ["reference"], [[REFERENCE]], whole=True))
    assert f"<td>{escaped}</td>" in whole


def test_sections_get_anchors_listed_in_the_contents():
    assert anchor("Distances and clusters") == "distances-and-clusters"
    html = page(Table("c", ["a"], [["1"]]))
    assert '<h2 id="methods-more">Methods &amp; more</h2>' in html
    assert '<li><a href="#methods-more">Methods &amp; more</a></li>' in html


def test_intervals_join_their_statistic_in_one_cell():
    table = Table("c", ["id", "mattr", "mattr_low", "mattr_high"],
                  [["a", "0.5634", "0.55", "0.575"], ["b", "0.5", "", ""]])
    shown = with_intervals(table)
    assert list(shown.header) == ["id", "mattr [CI]"]
    assert shown.rows == [["a", "0.5634 [0.55, 0.575]"], ["b", "0.5"]]
