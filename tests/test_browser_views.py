"""The Overview, City and Claims pages in real headless Chromium, on 75 articles about 40 places
(tests/dash_corpus.py: every side and qualifier, undated reports, markup in titles, outlets,
quoted sources and sentences). At 1400 and 800 px wide: no exception, no chart text box
overlapping another, markup only ever as text; a matrix cell and a chart point open the
sentence that holds their number; rates keep their bound; the map works offline and a click
on a place opens its City page; the time presets narrow the pages and say what they drop."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import dash_corpus
from conftest import ROOT
from test_browser import ARGS, CHROMIUM, browser, start_app, stop_app  # noqa: F401  (fixture)

pytestmark = [pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
              pytest.mark.timeout(600)]
ART = ROOT / "tests" / "artifacts"
PATHS = {"overview": "", "city": "city", "claims": "claims", "evidence": "evidence", "review": "review",
         "data": "data", "load": "load"}
TITLES = {"overview": "Overview", "city": "City", "claims": "Claims", "evidence": "Evidence", "review": "Review",
          "data": "Data", "load": "Load articles"}
CHARTS = {"overview": 2, "city": 3, "claims": 1, "evidence": 0, "review": 0, "data": 0, "load": 0}

# Script finished, nothing stale, every Plotly chart drawn (a map: its canvas has a size).
DONE = """(minCharts) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')) return false;
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  if (plots.length < minCharts) return false;
  return plots.every(p => p.querySelector('.main-svg') &&
    (!p.querySelector('.maplibregl-canvas') || p.querySelector('.maplibregl-canvas').width > 0));
}"""

# Every pair of visible SVG text boxes in one chart that overlap by more than a pixel each way.
OVERLAPS = """() => {
  const out = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot, pi) => {
    const boxes = [];
    plot.querySelectorAll('svg.main-svg text').forEach(t => {
      if (t.closest('.hoverlayer')) return;
      const txt = (t.textContent || '').trim();
      const st = getComputedStyle(t);
      if (!txt || st.display === 'none' || st.visibility === 'hidden' || st.opacity === '0') return;
      if (/rgba\\(0, 0, 0, 0\\)/.test(st.fill) || parseFloat(st.fontSize) < 2) return;   // drawn invisible
      const r = t.getBoundingClientRect();
      if (r.width >= 1 && r.height >= 1) boxes.push({txt, l: r.left, r: r.right, t: r.top, b: r.bottom});
    });
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      if (w > 1 && h > 1) out.push([pi, a.txt.slice(0, 50), b.txt.slice(0, 50)]);
    }
  });
  return out;
}"""

# Links Plotly would have made from markup in a chart's text (there must be none).
LINKS_IN_CHARTS = "() => document.querySelectorAll('.js-plotly-plot svg a, .js-plotly-plot .hoverlayer a').length"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("views")
    db = dash_corpus.build(tmp)
    proc, url = start_app(db, tmp / "streamlit.log")
    try:
        yield url, db
    finally:
        stop_app(proc)


@pytest.fixture()
def page(server, browser):   # noqa: F811
    url = server[0]
    ctx = browser.new_context(viewport={"width": 1400, "height": 1600})
    pg = ctx.new_page()
    pg.outside = []
    pg.on("request", lambda r: None if r.url.startswith((url, "data:", "blob:")) else pg.outside.append(r.url))
    yield pg
    ctx.close()


def settle(pg, name: str, charts: int | None = None) -> None:
    pg.get_by_role("heading", name=TITLES[name]).first.wait_for(timeout=120_000)
    pg.wait_for_function(DONE, arg=CHARTS[name] if charts is None else charts, timeout=120_000, polling=100)
    pg.wait_for_timeout(600)
    errors = pg.locator('[data-testid="stException"]').all_inner_texts()
    assert not errors, errors[0][:2000]


def open_page(pg, url: str, name: str, query: str = "") -> None:
    pg.goto(f"{url}/{PATHS[name]}{query}", wait_until="domcontentloaded")
    settle(pg, name)


@pytest.mark.parametrize("width", [1400, 800])
def test_pages_draw_without_overlapping_text(server, page, width):
    url, _ = server
    ART.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 1600})
    for name in PATHS:                        # every page, charts or not
        open_page(page, url, name)
        page.mouse.wheel(0, 20_000)          # every chart scrolled into view once
        page.wait_for_timeout(500)
        page.mouse.wheel(0, -20_000)
        assert page.evaluate(OVERLAPS) == [], name
        assert page.evaluate(LINKS_IN_CHARTS) == 0, name
        page.screenshot(path=str(ART / f"view_{name}_{width}.png"), full_page=True)
    assert not page.outside, f"the page fetched from outside: {page.outside[:5]}"


def hover_text(pg, needle: str) -> str:
    """Hover the first chart point whose hover text (as Plotly holds it) contains `needle`,
    and return what the browser shows in the hover box."""
    pos = pg.evaluate("""(needle) => {
      for (const gd of document.querySelectorAll('.js-plotly-plot')) {
        for (const trace of gd.querySelectorAll('.scatterlayer .trace')) {
          const cd = trace.__data__; if (!cd || !cd[0] || !cd[0].trace) continue;
          const tr = cd[0].trace, texts = tr.hovertext || [];
          const points = trace.querySelectorAll('.points path.point');
          for (let i = 0; i < texts.length && i < points.length; i++) {
            if (String(texts[i]).includes(needle)) {
              points[i].scrollIntoView({block: 'center'});
              const r = points[i].getBoundingClientRect();
              return {x: r.left + r.width / 2, y: r.top + r.height / 2};
            }
          }
        }
      }
      return null; }""", needle)
    assert pos, f"no chart point with {needle!r}"
    pg.mouse.move(pos["x"] + 1, pos["y"] + 1)
    pg.mouse.move(pos["x"], pos["y"])
    pg.wait_for_function("() => [...document.querySelectorAll('.hoverlayer')].some(h => h.textContent.trim())",
                         timeout=10_000)
    return " ".join(h.text_content() for h in pg.locator(".hoverlayer").all())


def test_markup_in_the_data_is_text_in_hovers(server, page):
    url, _ = server
    open_page(page, url, "claims", "?city=Toretsk")
    shown = hover_text(page, "&lt;b&gt;bold&lt;/b&gt;")
    assert "<b>bold</b>" in shown or "</a> <b>bold</b>" in shown, shown       # the characters, as written
    assert page.evaluate(LINKS_IN_CHARTS) == 0
    # the hover also carries the sentence the number comes from
    assert "killed near Toretsk" in shown


def test_a_matrix_cell_opens_the_sentence_with_its_number(server, page):
    url, _ = server
    open_page(page, url, "claims")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    # the grid draws its cells a moment after it mounts (longer on a busy machine): wait for them
    first = page.wait_for_function("""() => { const g = document.querySelector('[data-testid="stDataFrame"]');
        const cells = [...g.querySelectorAll('[id^="glide-cell-"]')];
        if (!cells.length) return null;
        const c = cells.find(c => /^glide-cell-([2-9]|\\d\\d)-0$/.test(c.id) && c.textContent.trim());
        return c ? [c.id, c.textContent] : 'none'; }""", timeout=60_000, polling=200).json_value()
    assert first != "none", "the first city has no claim"
    col = int(first[0].split("-")[2])
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 30, box["y"] + 35 + 17)      # first row, first column
    page.get_by_text("Select a claim in the row").wait_for(timeout=60_000)
    settle(page, "claims")
    for _ in range(col):
        page.keyboard.press("ArrowRight")
    panel = page.locator(".st-key-prov_matrix_prov")
    panel.wait_for(timeout=60_000)
    settle(page, "claims")
    # the provenance panel quotes the sentence with the number marked (bold on orange)
    marked = panel.locator("blockquote strong").first.inner_text()
    number = re.match(r"[≥≤~]?\s?([\d,]+)", first[1]).group(1)
    assert number in marked.replace(" ", "") or number.replace(",", "") in marked.replace(",", ""), (first[1], marked)


def test_a_chart_point_opens_its_reports(server, page):
    url, _ = server
    open_page(page, url, "claims", "?city=Kupiansk")
    pos = page.evaluate("""() => { const p = document.querySelector('.js-plotly-plot .scatterlayer .points path.point');
        p.scrollIntoView({block: 'center'}); const r = p.getBoundingClientRect();
        return {x: r.left + r.width / 2, y: r.top + r.height / 2}; }""")
    page.mouse.click(pos["x"], pos["y"])
    panel = page.locator(".st-key-prov_chart_prov")
    panel.wait_for(timeout=60_000)
    settle(page, "claims")
    assert "How this was read" in panel.inner_text()          # the full provenance panel
    assert panel.locator("blockquote strong").count() >= 1     # the number marked in its sentence


# A grid as {header: cell text} rows (the rows it has drawn).
GRID = """(g) => {
    const heads = [...g.querySelectorAll('[role=columnheader]')].map(h => h.textContent.trim());
    const byRow = {};
    let maxCol = -1;
    g.querySelectorAll('[id^="glide-cell-"]').forEach(c => { const [, , col, row] = c.id.split('-');
        maxCol = Math.max(maxCol, +col); (byRow[row] = byRow[row] || {})[+col] = c.textContent; });
    const skip = maxCol + 1 - heads.length;          // a selection box column has no header text
    return Object.values(byRow).map(r => Object.fromEntries(heads.map((h, i) => [h, r[i + skip] || ''])));
}"""


def check_rate(row: dict) -> None:
    """A rate only for a stated period, carrying the claim's bound; whole numbers from 10 up."""
    claim, rate, covers = row["Claim"], row["Per day"], row.get("Covers", "")
    if not rate:
        return
    assert not covers.startswith("total"), row                  # nothing per day for a total to date
    assert re.fullmatch(r"[≥≤~]? ?[\d,.]+(–[\d,.]+)?/day( \(vague\))?", rate), row
    if claim[:1] in "≥≤":
        assert rate.startswith(claim[:1]), row
    if claim.startswith("~") or "(vague)" in claim:
        assert rate.startswith("~") or "–" in rate, row
    if "(vague)" in claim:
        assert rate.endswith("(vague)"), row
    for n in re.findall(r"[\d,.]+", rate):
        assert "." not in n or float(n.replace(",", "")) < 10, row  # 137/day, never 137.5/day


def test_rates_in_every_table_keep_their_bound(server, page):
    url, _ = server
    page.set_viewport_size({"width": 2400, "height": 1600})   # grids draw only the columns in view
    checked = {}
    for name in ("overview", "city", "claims"):
        open_page(page, url, name)
        rows = []
        for grid in page.locator('[data-testid="stDataFrame"]').all():
            grid.scroll_into_view_if_needed()     # a grid draws its cells once it is in view
            grid.locator('[id^="glide-cell-"]').first.wait_for(state="attached", timeout=30_000)
            rows += [r for r in grid.evaluate(GRID) if "Per day" in r and "Claim" in r]
        assert rows, f"{name}: no table with claims and rates"
        for r in rows:
            check_rate(r)
        checked[name] = sum(1 for r in rows if r["Per day"])
    assert checked["claims"] and sum(checked.values()) >= 3, checked   # some rates were there to check


def select_first_row(pg, name: str, grid_key: str, panel_key: str):
    """Tick the first row's selection box of a grid; returns the provenance panel it opens."""
    grid = pg.locator(f".st-key-{grid_key} [data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    grid.locator('[id^="glide-cell-"]').first.wait_for(state="attached", timeout=60_000)   # the grid has drawn
    panel = pg.locator(f".st-key-{panel_key}")
    for _ in range(5):   # its canvas takes clicks a moment after it draws: retry on a busy machine
        pg.wait_for_timeout(1500)
        box = grid.bounding_box()
        pg.mouse.click(box["x"] + 18, box["y"] + 35 + 17)
        settle(pg, name)
        if panel.count():
            break
    return panel


@pytest.mark.parametrize("name,grid,panel", [("overview", "latest_claims", "prov_latest_prov"),
                                             ("city", "figures_table", "prov_figures_table"),
                                             ("claims", "claims_table", "prov_table_prov")])
def test_a_table_row_opens_its_sentence(server, page, name, grid, panel):
    """The numbers in each page's table trace to their sentence, with the number marked."""
    url, _ = server
    open_page(page, url, name)
    box = select_first_row(page, name, grid, panel)
    box.get_by_text("How this was read").wait_for(timeout=60_000)    # the full provenance panel
    assert box.locator("blockquote strong").count() >= 1      # the number marked in its sentence


def test_map_is_offline_plays_and_a_click_opens_the_city(server, page):
    url, _ = server
    open_page(page, url, "overview")
    info = page.evaluate("""() => {
        const gd = [...document.querySelectorAll('.js-plotly-plot')].find(g => g._fullLayout && g._fullLayout.map);
        const m = gd._fullLayout.map._subplot.map, canvas = gd.querySelector('.maplibregl-canvas').getBoundingClientRect();
        const tr = gd._fullData.find(t => t.name && t.name.startsWith('Cities'));
        const pt = m.project([tr.lon[0], tr.lat[0]]);
        return {name: tr.customdata[0][0], x: canvas.left + pt.x, y: canvas.top + pt.y,
                slider: gd.querySelector('.slider-group') !== null}; }""")
    assert info["slider"]
    before = page.locator(".js-plotly-plot .slider-group > text.slider-label").first.text_content()
    page.get_by_text("▶ Play").first.click()
    page.wait_for_timeout(2500)
    after = page.locator(".js-plotly-plot .slider-group > text.slider-label").first.text_content()
    assert before.startswith("Events in") and after != before
    page.get_by_text("❚❚ Pause").first.click()
    page.mouse.move(info["x"], info["y"])
    page.wait_for_function("() => [...document.querySelectorAll('.hoverlayer')].some(h => h.textContent.trim())",
                           timeout=10_000)
    assert info["name"] in page.locator(".hoverlayer").first.text_content()
    page.mouse.click(info["x"], info["y"])
    page.wait_for_url(re.compile(r"/city\?.*place="), timeout=60_000)
    settle(page, "city")
    assert f"{info['name']}: " in page.locator("main").inner_text()      # the page is about that place
    assert not page.outside, page.outside[:5]


def test_time_presets_narrow_the_pages_and_say_what_they_drop(server, page):
    url, db = server
    open_page(page, url, "claims")
    page.locator("[data-testid=stSidebar] button", has_text="30 days").first.click()
    page.wait_for_url(re.compile(r"period=30d"), timeout=60_000)
    settle(page, "claims")
    main = page.locator("main").inner_text()
    assert "Dates: the 30 days to" in main
    assert re.search(r"\d+ undated claims? not shown: .*no time window", main.replace("\n", " "))
    page.locator("[data-testid=stSidebar] button", has_text="Month").first.click()
    page.wait_for_url(re.compile(r"agg=month"), timeout=60_000)
    settle(page, "claims")
    # the same window on the other pages: each says what it counts and what it leaves out
    for name in ("overview", "city"):
        open_page(page, url, name, "?period=30d&agg=month")
        main = page.locator("main").inner_text().replace("\n", " ")
        assert "Dates: the 30 days to" in main, name
        if name == "overview":
            assert re.search(r"\d+ undated figure\(s\) and \d+ undated event\(s\) not shown", main), main[:2000]
