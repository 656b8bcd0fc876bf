"""The HTML report in a real browser: headless Chromium loads it with no console message, every
image decoded, a click on a column heading sorts its table, the findings come first, and at
1280 and 800 pixels wide no table or figure is wider than the page (screenshots of both widths
are kept with the test's files).

The report is the one of the session's hostile run (the `hostile_run` fixture of
tests/workflow/conftest.py, checked by tests/workflow/test_report_safety.py), loaded in an
iframe of a small test page that reports what it finds into its own DOM.
"""

import re
import subprocess

import pytest

from tests.workflow.hostile import CHROMIUM, needs_chromium

PROBE = """<!DOCTYPE html><html><head><title>probe</title></head><body>
<iframe id="report" src="{report}" style="width:{width}px;height:800px;border:0"></iframe>
<script>
document.getElementById("report").addEventListener("load", function () {{
  var page = this.contentDocument;
  var images = Array.prototype.slice.call(page.images);
  var decoded = images.filter(function (i) {{ return i.complete && i.naturalWidth > 0; }});
  var th = page.querySelector("#vocabulary ~ div table th:nth-child(1)");
  var table = th.closest("table");
  var first = function () {{ return table.tBodies[0].rows[0].cells[0].textContent; }};
  var rows = table.tBodies[0].rows.length;
  th.click();
  var up = first();
  th.click();
  var down = first();
  var width = page.documentElement.clientWidth;
  var boxes = Array.prototype.slice.call(page.querySelectorAll("div.scroll, figure, pre"));
  var wide = boxes.filter(function (b) {{ return b.getBoundingClientRect().right > width + 1; }});
  var first_heading = page.querySelector("h2").textContent;
  document.body.insertAdjacentHTML("beforeend",
    "<p id='images'>" + decoded.length + "/" + images.length + "</p>" +
    "<p id='sorted'>" + rows + "|" + up + "|" + down + "</p>" +
    "<p id='width'>" + page.documentElement.scrollWidth + "|" + width + "|" + wide.length +
    "|" + boxes.length + "</p><p id='first'>" + first_heading + "</p>");
}});
</script></body></html>
"""


def chromium(folder, *args):
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={folder / 'profile'}",
        "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0", *args,
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    return run


@pytest.fixture(scope="module", params=[1280, 800])
def rendered(request, tmp_path_factory, hostile_run):
    width = request.param
    report = hostile_run / "results" / "default" / "report.html"
    folder = tmp_path_factory.mktemp(f"browser{width}")
    probe = folder / "probe.html"
    probe.write_text(PROBE.format(report=report.as_uri(), width=width), encoding="utf-8")
    run = chromium(folder, "--virtual-time-budget=5000", "--dump-dom", probe.as_uri())
    # The first screen of the report at this width, kept for a person to look at.
    chromium(folder, f"--window-size={width},900", "--hide-scrollbars",
             f"--screenshot={folder / f'report-{width}px.png'}", report.as_uri())
    return report, run.stdout, run.stderr, folder / f"report-{width}px.png"


@needs_chromium
def test_report_logs_nothing_to_the_console(rendered):
    _, _, log, _ = rendered
    assert [line for line in log.splitlines() if ":CONSOLE" in line] == []


@needs_chromium
def test_every_image_of_the_report_loads(rendered):
    report, dom, _, _ = rendered
    found = re.search(r"<p id=\"images\">(\d+)/(\d+)</p>", dom)
    assert found, dom[-2000:]
    loaded, total = map(int, found.groups())
    html = report.read_text(encoding="utf-8")
    assert total == html.count("<img src=\"data:image/png;base64,") >= 5
    assert loaded == total


@needs_chromium
def test_a_click_on_a_heading_sorts_the_table(rendered):
    _, dom, _, _ = rendered
    found = re.search(r"<p id=\"sorted\">(\d+)\|(.*?)\|(.*?)</p>", dom)
    assert found, dom[-2000:]
    rows, up, down = found.groups()
    assert int(rows) >= 5
    assert up < down  # ids ascending, then descending


@needs_chromium
def test_a_console_error_would_be_seen(tmp_path):
    """Control for the console check: a page that logs and fails is caught."""
    page = tmp_path / "bad.html"
    page.write_text("<!DOCTYPE html><title>t</title><script>console.log('x'); nope();</script>")
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
               "--dump-dom", page.as_uri()]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert len([line for line in run.stderr.splitlines() if ":CONSOLE" in line]) == 2


@needs_chromium
def test_the_findings_come_first_and_nothing_is_wider_than_the_page(rendered):
    _, dom, _, screenshot = rendered
    assert re.search(r"<p id=\"first\">Findings</p>", dom), dom[-2000:]
    found = re.search(r"<p id=\"width\">(\d+)\|(\d+)\|(\d+)\|(\d+)</p>", dom)
    assert found, dom[-2000:]
    page, viewport, wide, boxes = map(int, found.groups())
    assert page <= viewport and wide == 0 and boxes >= 10
    assert screenshot.stat().st_size > 10_000  # a screenshot with something on it
