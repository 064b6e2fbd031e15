"""The real app in headless Chromium: every page renders, charts draw, a CSV downloads with the
database's rows, new articles appear after a load. Screenshots go to tests/artifacts/."""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from conftest import ROOT, SAMPLES, build_db
from csv_expect import expected_cell

CHROMIUM = "/usr/bin/chromium"
# --disable-dev-shm-usage: a container's /dev/shm is often 64 MB, too small for Chromium's
# shared memory under load; with this flag it uses /tmp instead.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
ART = ROOT / "tests" / "artifacts"
PAGES = {"overview": "", "city": "city", "claims": "claims", "evidence": "evidence", "review": "review",
         "data": "data", "load": "load"}

pytestmark = [pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
              pytest.mark.timeout(240)]

HOSTILE = {"id": "hostile-1", "title": "=HYPERLINK(\"http://evil.example\",\"click\")",
           "source": "@Evil Wire", "published": "2024-10-10", "url": "https://example.org/hostile-1",
           "text": "TORETSK — Russia's defence ministry said on Thursday that more than 1,100 Ukrainian "
                   "soldiers had been killed near Toretsk over the past week. <script>alert('x')</script> "
                   "Ukraine's General Staff said 250 Russian troops were killed in the area on Wednesday."}
UPLOADED = {"id": "uploaded-1", "title": "Uploaded in the browser", "source": "Upload Wire",
            "published": "2024-10-12", "text": "KHARKIV — Officials said 14 people were wounded in Kharkiv."}
LATER = {"id": "later-1", "title": "Later report from Pokrovsk", "source": "Browser Test Wire",
         "published": "2024-11-02", "text": "POKROVSK — Officials said about 7,000 residents remain in "
         "Pokrovsk, which is 8 km from the front line, after 60,000 lived there before the war."}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {server_log(proc)}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not become healthy: {server_log(proc)}")


def start_app(db: Path, log: Path, args: tuple = (), env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`streamlit run app.py` on `db`, its output going to the file `log`. Never to a pipe
    nobody reads: once a pipe's buffer (64 KB) is full, the server blocks on its next log line
    and every request after it hangs (a download that never starts, a page that never loads)."""
    port = free_port()
    out = open(log, "w", encoding="utf-8")
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             *args],
            cwd=ROOT, env={**os.environ, "FRONTLINE_DB": str(db), "PYTHONUNBUFFERED": "1", **(env or {})},
            stdout=out, stderr=subprocess.STDOUT, text=True)
    finally:
        out.close()          # the child has its own descriptor
    proc.log = Path(log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
    except BaseException:
        stop_app(proc)
        raise
    return proc, url


def server_log(proc, tail: int = 4000) -> str:
    log = getattr(proc, "log", None)
    if log is None or not log.exists():
        return ""
    return log.read_text(encoding="utf-8", errors="replace")[-tail:]


def stop_app(proc) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    extra = tmp / "hostile.jsonl"
    extra.write_text(json.dumps(HOSTILE) + "\n")
    db = build_db(tmp, paths=[SAMPLES, extra])
    proc, url = start_app(db, tmp / "streamlit.log")
    try:
        yield url, db, tmp
    finally:
        stop_app(proc)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def settle(page, title: str) -> None:
    """Wait until the page script has run: the title is there and Streamlit is idle."""
    page.get_by_role("heading", name=title).first.wait_for(timeout=30_000)
    page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"] [data-testid=\"stStatusWidgetRunningIcon\"]')",
        timeout=30_000)
    page.wait_for_timeout(800)  # let plotly finish drawing
    for e in page.locator('[data-testid="stException"]').all():
        raise AssertionError(e.inner_text())


def open_page(page, url: str, name: str, title: str, charts: int = 0, query: str = "", shot: str = ""):
    page.goto(f"{url}/{PAGES[name]}{query}", wait_until="domcontentloaded")
    settle(page, title)
    for grid in page.locator('[data-testid="stDataFrame"]').all():
        grid.scroll_into_view_if_needed()   # the grid paints its canvas once it has been in view
        page.wait_for_timeout(300)
    page.mouse.wheel(0, -10_000)
    page.wait_for_timeout(500)
    if charts:  # plotly draws its svg after the element mounts
        page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}",
                               timeout=20_000)
    page.screenshot(path=str(ART / f"{shot or name}.png"), full_page=True)


def db_rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql)
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        con.close()



def test_every_page_in_chromium(server, browser):
    url, db, tmp = server
    ART.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1400, "height": 2400}, accept_downloads=True)
    page = ctx.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    outside = []
    page.on("request", lambda r: None if r.url.startswith((url, "data:", "blob:")) else outside.append(r.url))

    # a shared link is the very first request this fresh server sees: filters come from the URL
    open_page(page, url, "claims", "Claims", query="?claimant_side=russia&outlet=Reuters", shot="claims_shared_link")
    chosen = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').all_inner_texts()
    assert "Russia" in chosen[1] and "Reuters" in chosen[4], chosen
    assert "Filtered by Who says so: Russia · Outlet: Reuters" in page.locator("main").inner_text()
    assert "claimant_side=russia" in page.url

    open_page(page, url, "overview", "Overview", charts=2)
    assert page.locator(".js-plotly-plot .main-svg").count() >= 2, "timeline/map did not draw"
    assert page.locator(".js-plotly-plot .maplibregl-canvas").count() == 1      # the map
    assert page.locator(".js-plotly-plot .heatmaplayer").count() >= 1          # the timeline
    n_articles = db_rows(db, "SELECT count(*) FROM articles")[1][0][0]
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text().replace(",", "") == str(n_articles)

    for name, title in [("city", "City"), ("claims", "Claims"), ("evidence", "Evidence")]:
        open_page(page, url, name, title)
    # a rerun keeps the sidebar filters and the page
    page.get_by_label("Search sentences, titles, outlets and claimants").fill("Toretsk")
    page.keyboard.press("Enter")
    page.wait_for_timeout(1500)
    settle(page, "Evidence")
    assert page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').count() == 5

    open_page(page, url, "load", "Load articles")
    upload = tmp / "upload src"
    upload.mkdir(exist_ok=True)
    (upload / "uploaded report.jsonl").write_text(json.dumps(UPLOADED) + "\n")
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(upload / "uploaded report.jsonl"))
    page.wait_for_function("document.querySelector('main').innerText.includes('.jsonl')", timeout=15_000)
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Load", exact=True).click()
    page.get_by_role("heading", name="Report").wait_for(timeout=60_000)
    settle(page, "Load articles")
    assert "loaded 1" in page.locator('[data-testid="stCode"]').inner_text()
    page.screenshot(path=str(ART / "load_report.png"), full_page=True)
    assert (db.parent / "uploads").is_dir()
    assert any(p.name == "uploaded_report.jsonl" for p in (db.parent / "uploads").rglob("*"))
    n_articles += 1
    # a <script> in an article is text, never markup
    assert page.evaluate("[...document.scripts].filter(s => s.textContent.includes(\"alert('x')\")).length") == 0

    open_page(page, url, "data", "Data")
    with page.expect_download() as dl:
        page.get_by_role("button", name="articles.csv").click()
    body = Path(dl.value.path()).read_text(encoding="utf-8-sig")
    assert dl.value.suggested_filename.startswith("articles_") and dl.value.suggested_filename.endswith(".csv")
    got = list(csv.reader(io.StringIO(body)))
    cols, rows = db_rows(db, "SELECT * FROM articles ORDER BY doc_id")
    assert got[0] == cols + ["snapshot_id"] and len(got) == len(rows) + 1
    for line, row in zip(got[1:], rows):
        for name, cell, value in zip(cols, line, row):
            if name == "loaded_at":
                assert cell.startswith(str(value)[:19])
            else:
                assert cell == expected_cell(value), (name, cell, value)
    hostile = next(line for line in got[1:] if line[0] == "hostile-1")
    assert hostile[cols.index("title")].startswith("'=HYPERLINK") and hostile[cols.index("outlet")] == "'@Evil Wire"

    with page.expect_download() as dl:
        page.get_by_role("button", name="Figures (CSV)").click()
    view = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8-sig"))))
    _, fig_ids = db_rows(db, "SELECT figure_id FROM figures ORDER BY figure_id")
    assert sorted(r["figure_id"] for r in view) == [r[0] for r in fig_ids]

    # live reload: load another article with the CLI while the app is open, reload, see it
    later = tmp / "later.jsonl"
    later.write_text(json.dumps(LATER) + "\n")
    subprocess.run([sys.executable, "-m", "loaders", "ingest", str(later), "--db", str(db), "--no-progress"],
                   cwd=ROOT, check=True, capture_output=True, timeout=120)
    # same browser session (sidebar link, no reload): the untouched date range must widen to
    # the new article's date, or the filter would hide it
    page.locator('[data-testid="stSidebarNav"] a', has_text="Overview").click()
    settle(page, "Overview")
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text().replace(",", "") == str(n_articles + 1)
    page.screenshot(path=str(ART / "overview_after_load.png"), full_page=True)

    assert not dialogs, dialogs
    assert not outside, f"the page fetched from outside: {outside[:5]}"
    ctx.close()
