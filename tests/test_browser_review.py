"""Provenance, review and exports in the real app in headless Chromium, on a database of 60 generated
articles plus the samples and hostile articles (formula-like titles and outlets; analysts' corrections
add formula-like claimants, places and notes): every number opens its sentence; a correction made in
the browser survives a re-ingest with changed texts and new rules, and an export/import of the
corrections file; every download is neutralised and carries the snapshot id shown on the page."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from conftest import SAMPLES, build_db
from test_browser import ARGS, ART, CHROMIUM, server_log, start_app, stop_app

pytestmark = [pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
              pytest.mark.timeout(600)]

FORMULA = ("=", "+", "-", "@", "\t", "\r")
INJECT = ['=HYPERLINK("http://evil.example","click")', "+Evil", "-2+3", "@Evil Wire", "\tTabbed", "\rReturned"]
HOSTILE = [{"id": f"hostile-{i}", "title": f"{t} headline", "source": t, "published": "2024-10-1%d" % i,
            "url": f"https://example.org/hostile-{i}",
            "text": f"TORETSK — Russia's defence ministry said on Thursday that more than {1100 + i} Ukrainian "
                    f"soldiers had been killed near Toretsk over the past week.\nUkraine's General Staff said "
                    f"{250 + i} Russian troops were killed in the area on Wednesday.\nAbout {40 + i} people were "
                    "wounded."} for i, t in enumerate(INJECT)]


def hostile_file(folder: Path, texts: dict | None = None) -> Path:
    p = folder / "hostile.jsonl"
    p.write_text("".join(json.dumps({**r, **({"text": texts[r["id"]]} if texts and r["id"] in texts else {})}) + "\n"
                         for r in HOSTILE), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from bench import generate
    tmp = tmp_path_factory.mktemp("review_browser")
    corpus = generate.generate(60, out=tmp / "gen", quiet=True)
    parts = [corpus / k for k in ("txt", "html", "json", "jsonl") if (corpus / k).exists()]
    db = build_db(tmp, paths=[SAMPLES, *parts, hostile_file(tmp)])
    proc, url = start_app(db, tmp / "streamlit.log")
    try:
        yield url, db, tmp, parts, proc
    finally:
        stop_app(proc)


@pytest.fixture(scope="module")
def page(app):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        ctx = b.new_context(viewport={"width": 1400, "height": 2000}, accept_downloads=True)
        pg = ctx.new_page()
        dialogs = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        # what went wrong, when a download does not start
        pg.problems = []
        pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text[:300]}"))
        pg.on("requestfailed", lambda r: pg.problems.append(f"failed: {r.url} {r.failure}"))
        pg.on("response", lambda r: r.status >= 400 and "/_stcore/" not in r.url
              and pg.problems.append(f"HTTP {r.status}: {r.url}"))
        pg.media = []        # every request for a file the app serves, with its outcome
        pg.on("request", lambda r: "/media/" in r.url and pg.media.append(f"request {r.url.rsplit('/', 1)[1]}"))
        pg.on("requestfinished", lambda r: "/media/" in r.url and pg.media.append(f"finished {r.url.rsplit('/', 1)[1]}"))
        pg.server_log = lambda: server_log(app[4])
        yield pg
        assert not dialogs, dialogs
        b.close()


def rows(db, sql, params=()):
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]
    finally:
        con.close()


def settle(page, title: str) -> None:
    page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
    page.wait_for_timeout(300)
    page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"] [data-testid=\"stStatusWidgetRunningIcon\"]')",
        timeout=60_000)
    page.wait_for_timeout(700)
    for e in page.locator('[data-testid="stException"]').all():
        raise AssertionError(e.inner_text())


def visit(page, url, path, title):
    page.goto(f"{url}/{path}", wait_until="domcontentloaded")
    settle(page, title)


def squash(text: str) -> str:
    return " ".join(text.split())


def check_panel(page, box: str, sentence: str, words: str) -> None:
    """The provenance box holds the whole sentence, with exactly the number's words marked."""
    panel = page.locator(f".st-key-{box}")
    panel.wait_for(timeout=60_000)
    quote = panel.locator("blockquote").first
    assert squash(sentence) in squash(quote.inner_text())
    marked = [squash(t) for t in quote.locator("strong").all_inner_texts()]
    assert squash(words) in marked, (words, marked)


def check_csv(raw: bytes, sid: str, name: str) -> list[dict]:
    assert raw.startswith(b"\xef\xbb\xbf"), f"{name}: no BOM"
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0][-1] == "snapshot_id", name
    for r in table[1:]:
        assert r[-1] == sid, (name, r[-1])
        for cell in r:
            if cell.startswith(FORMULA):
                float(cell)     # only a number (a longitude of -25.3) may start like a formula
    return [dict(zip(table[0], r)) for r in table[1:]]


def idle(page) -> None:
    page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"] [data-testid=\"stStatusWidgetRunningIcon\"]')",
        timeout=60_000)


def download(page, name: str) -> tuple[str, bytes]:
    """Click a download button once (the app idle, the button enabled) and read the file. When no
    download starts, fail with what the browser and the server saw."""
    button = page.get_by_role("button", name=name, exact=True)
    idle(page)
    button.wait_for(timeout=60_000)
    assert button.is_enabled(), f"{name}: disabled"
    seen, asked = len(page.problems), len(page.media)
    try:
        with page.expect_download(timeout=120_000) as dl:
            button.click()
        path = dl.value.path()
    except Exception as e:
        errors = page.locator('[data-testid="stDownloadButtonError"]').all_inner_texts()
        raise AssertionError(f"{name}: no download ({type(e).__name__}: {str(e)[:300]}); button errors "
                             f"{errors}; browser {page.problems[seen:]}; files asked for {page.media[asked:]}; server log:\n"
                             f"{page.server_log()}") from e
    assert dl.value.failure() is None, (name, dl.value.failure(), page.problems[seen:])
    return dl.value.suggested_filename, Path(path).read_bytes()


def test_provenance_review_and_exports(app, page):
    url, db, tmp, parts, _ = app
    ART.mkdir(parents=True, exist_ok=True)
    n = rows(db, "SELECT count(*) AS n FROM articles")[0]["n"]
    assert n >= 60

    # 1. every number traceable: a sample of figures of every kind opens its sentence, number marked
    sample = rows(db, """SELECT figure_id, sentence, number_text FROM (
                           SELECT *, row_number() OVER (PARTITION BY kind ORDER BY figure_id) AS k FROM figures)
                         WHERE k = 1 ORDER BY kind""")
    assert len(sample) >= 8
    for r in sample:
        visit(page, url, f"evidence?figure={r['figure_id']}", "Evidence")
        check_panel(page, "prov_linked", r["sentence"], r["number_text"])
    page.screenshot(path=str(ART / "provenance_linked.png"), full_page=True)

    # 2. selecting a row in the Evidence grid opens the same view for that row
    visit(page, url, "evidence", "Evidence")
    grid = page.locator(".st-key-evidence_table [data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    grid.locator('[id^="glide-cell-"]').first.wait_for(state="attached", timeout=60_000)   # the grid has drawn
    for _ in range(5):   # its canvas takes clicks a moment after it draws: retry on a busy machine
        page.wait_for_timeout(1500)
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)     # the first row's selection box
        settle(page, "Evidence")
        if page.locator(".st-key-prov_evidence_table").count():
            break
    from metrics import db as mdb
    from metrics import evidence
    from metrics.filters import Filters
    first = evidence.search(str(db), Filters()).iloc[0]
    mdb.close_all()
    check_panel(page, "prov_evidence_table", first["sentence"], first["words"])
    # the grid's own download icon is off: only the neutralised buttons export
    grid.hover()
    page.wait_for_timeout(300)
    assert page.get_by_role("button", name="Download as CSV").count() == 0
    name, raw = download(page, "Download this table (CSV)")
    sid_shown = name.rsplit("_", 1)[1][:-4]
    check_csv(raw, sid_shown, name)

    # 3. a correction made in the browser, with formula-like text in it
    target = rows(db, "SELECT * FROM figures WHERE doc_id = 'hostile-0' AND number_text = '250'")
    assert target, "the extraction no longer reads '250' in hostile-0"
    fid = target[0]["figure_id"]
    visit(page, url, f"review?figure={fid}", "Review")
    form = page.locator('[data-testid="stForm"]')
    form.get_by_label("Value", exact=True).fill("253")
    form.get_by_label("Claimant (as written)").fill(INJECT[0])
    form.get_by_label("Note (why; a rejection needs one)").fill("@note: the briefing says 253")
    form.get_by_role("button", name="Save correction").click()
    page.get_by_text("Correction saved").wait_for(timeout=60_000)
    settle(page, "Review")
    page.screenshot(path=str(ART / "review_saved.png"), full_page=True)
    saved = rows(db, "SELECT * FROM corrections")
    assert [(c["action"], c["set_value"], c["set_claimant"]) for c in saved] == [("correct", 253.0, INJECT[0])]
    visit(page, url, f"evidence?figure={fid}", "Evidence")
    text = page.locator(".st-key-prov_linked").inner_text()
    assert "253" in text and "Corrected by" in text
    assert INJECT[0] in text                                     # the formula claimant, as text
    links = page.locator(".st-key-prov_linked a").evaluate_all("els => els.map(e => e.href)")
    outside = [link for link in links if not link.startswith(url)]   # the app's own anchors and pages aside
    assert outside == ["https://example.org/hostile-0"], links      # the article's link, nothing from its text

    # 4. re-ingest with changed texts and new rules: the correction finds its number again
    import loaders.figures as rules
    from loaders import pipeline
    from loaders.ingest import ingest
    texts = {r["id"]: "An editor's note added on top.\n" + r["text"] for r in HOSTILE}
    original, version = rules.extract_figures, pipeline.EXTRACTOR_VERSION

    def new_rules(ctx):
        out = original(ctx)
        for f in out:
            if f.kind == "killed":
                f.kind = "killed_or_wounded"
        return out
    rules.extract_figures, pipeline.EXTRACTOR_VERSION = new_rules, "browser-rules"
    try:
        report = ingest([SAMPLES, *parts, hostile_file(tmp, texts)], db, progress=False)
    finally:
        rules.extract_figures, pipeline.EXTRACTOR_VERSION = original, version
    assert report.replaced >= len(HOSTILE)
    moved = rows(db, "SELECT figure_id, kind FROM figures WHERE doc_id = 'hostile-0' AND number_text = '250'")
    assert moved[0]["figure_id"] != fid and moved[0]["kind"] == "killed_or_wounded"
    visit(page, url, f"evidence?figure={moved[0]['figure_id']}", "Evidence")
    text = page.locator(".st-key-prov_linked").inner_text()
    assert "253" in text and "Corrected by" in text

    # 5. export the corrections, lose them, import the file: back and applied
    visit(page, url, "review", "Review")
    from metrics import export
    sid_now = export.stamp(str(db), Filters())["snapshot_id"]
    mdb.close_all()
    name, shared = download(page, "Corrections (JSON)")
    assert sid_now in name and json.loads(shared)["snapshot_id"] == sid_now
    assert json.loads(shared)["corrections"][0]["changes"]["value"] == 253
    name, raw = download(page, "Corrections (CSV)")
    assert sid_now in name
    (fix,) = check_csv(raw, sid_now, name)                       # neutralised, stamped
    assert (fix["set_claimant"], fix["note"]) == ("'" + INJECT[0], "'@note: the briefing says 253")
    from loaders import corrections
    corrections.delete(db, [saved[0]["correction_id"]])
    visit(page, url, f"evidence?figure={moved[0]['figure_id']}", "Evidence")
    assert "Corrected by" not in page.locator(".st-key-prov_linked").inner_text()
    visit(page, url, "review", "Review")
    upload = tmp / "team corrections.json"
    upload.write_bytes(shared)
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(upload))
    page.get_by_role("button", name="Import", exact=True).wait_for(timeout=15_000)
    page.get_by_role("button", name="Import", exact=True).click()
    page.get_by_text("1 added").wait_for(timeout=60_000)
    settle(page, "Review")
    assert rows(db, "SELECT count(*) AS n FROM corrections")[0]["n"] == 1
    visit(page, url, f"evidence?figure={moved[0]['figure_id']}", "Evidence")
    assert "Corrected by" in page.locator(".st-key-prov_linked").inner_text()

    # 6. every download on the Data page: neutralised, stamped with the id the page shows
    visit(page, url, "data", "Data")
    sid = page.locator("main code").first.inner_text().strip()
    assert len(sid) == 12 and sid in page.locator('[data-testid="stCode"]').first.inner_text()
    page.screenshot(path=str(ART / "data_page.png"), full_page=True)
    for button in ["Figures (CSV)", "Events (CSV)", "articles.csv", "figures.csv", "events.csv", "corrections.csv",
                   "places.csv", "meta.csv", "Data dictionary (CSV)"]:
        name, raw = download(page, button)
        assert sid in name, (button, name)
        got = check_csv(raw, sid, name)
        if button == "Figures (CSV)":
            fixed = next(r for r in got if r["figure_id"] == moved[0]["figure_id"])
            assert (fixed["value"], fixed["claimant"], fixed["review_status"]) == ("253", "'" + INJECT[0], "corrected")
            assert fixed["review_note"] == "'@note: the briefing says 253"
            titles = {r["title"] for r in got}
            assert "'" + INJECT[0] + " headline" in titles
        if button == "articles.csv":
            outlets = {r["outlet"] for r in got}
            assert {"'@Evil Wire", "'+Evil", "'-2+3"} <= outlets
    for button in ["CSV files + stamp (zip)", "Everything (zip)"]:
        # Chromium asks before a page's further downloads that come without a fresh click (a
        # file built on the click arrives after it) and headless Chromium never answers: a
        # page visit per file, as a user who allowed "multiple downloads" would get them
        visit(page, url, "data", "Data")
        name, raw = download(page, button)
        z = zipfile.ZipFile(io.BytesIO(raw))
        assert all(sid in n for n in z.namelist()), z.namelist()
        assert json.loads(z.read(f"snapshot_{sid}.json"))["snapshot_id"] == sid
        for member in z.namelist():
            if member.endswith(".csv"):
                check_csv(z.read(member), sid, member)
    visit(page, url, "data", "Data")
    name, raw = download(page, "Workbook (.xlsx)")
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(raw))
    assert sid in name and wb.sheetnames[0] == "About this snapshot"
    assert {r[0].value: r[1].value for r in wb["About this snapshot"].iter_rows()}["Snapshot id"] == sid
    for ws in wb.worksheets:
        for r in ws.iter_rows():
            for c in r:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str) and c.value.startswith(FORMULA):
                    assert c.quotePrefix, (ws.title, c.coordinate, c.value)
    # the same data and filters: the same id after a reload
    visit(page, url, "data", "Data")
    assert page.locator("main code").first.inner_text().strip() == sid

    # 7. the Review page lists weakest first and shows no exception with filters from a link
    visit(page, url, "review?claimant_side=unattributed", "Review")
    page.screenshot(path=str(ART / "review_filtered.png"), full_page=True)
