"""The HTML report in a real browser: headless Chromium loads it with no console message, every
image decoded, and a click on a column heading sorts its table.

The report is the one of the session's reference run (tests/test_report_safety.py), loaded in an
iframe of a small test page that reports what it finds into its own DOM.
"""

import re
import subprocess
import pytest

from test_report_safety import CHROMIUM, needs_chromium, reference_run

PROBE = """<!DOCTYPE html><html><head><title>probe</title></head><body>
<iframe id="report" src="{report}" style="width:1200px;height:800px"></iframe>
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
  document.body.insertAdjacentHTML("beforeend",
    "<p id='images'>" + decoded.length + "/" + images.length + "</p>" +
    "<p id='sorted'>" + rows + "|" + up + "|" + down + "</p>");
}});
</script></body></html>
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, shared):
    report = reference_run(tmp_path_factory, shared) / "results" / "default" / "report.html"
    folder = tmp_path_factory.mktemp("browser")
    probe = folder / "probe.html"
    probe.write_text(PROBE.format(report=report.as_uri()), encoding="utf-8")
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={folder / 'profile'}",
        "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=5000", "--dump-dom", probe.as_uri(),
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    return report, run.stdout, run.stderr


@needs_chromium
def test_report_logs_nothing_to_the_console(rendered):
    _, _, log = rendered
    assert [line for line in log.splitlines() if ":CONSOLE" in line] == []


@needs_chromium
def test_every_image_of_the_report_loads(rendered):
    report, dom, _ = rendered
    found = re.search(r"<p id=\"images\">(\d+)/(\d+)</p>", dom)
    assert found, dom[-2000:]
    loaded, total = map(int, found.groups())
    html = report.read_text(encoding="utf-8")
    assert total == html.count("<img src=\"data:image/png;base64,") >= 5
    assert loaded == total


@needs_chromium
def test_a_click_on_a_heading_sorts_the_table(rendered):
    _, dom, _ = rendered
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

