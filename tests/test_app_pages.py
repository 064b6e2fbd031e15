"""Every page rendered with AppTest on a database built by the real loader from the sample
articles plus one hostile article (formula title and outlet, a <script> in the text)."""
from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from conftest import ROOT, SAMPLES, build_db
from metrics import db as mdb
from csv_expect import expected_cell as cell

APP = str(ROOT / "app.py")
HOSTILE = {"id": "hostile-1", "title": "=HYPERLINK(\"http://evil.example\",\"click\")", "source": "@Evil Wire",
           "published": "2024-10-10", "url": "https://example.org/hostile-1",
           "text": "TORETSK — Russia's defence ministry said on Thursday that more than 1,100 Ukrainian soldiers "
                   "had been killed near Toretsk over the past week. <script>alert('x')</script> Ukraine's "
                   "General Staff said 250 Russian troops were killed in the area on Wednesday."}


@pytest.fixture(scope="module")
def app_db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pages")
    extra = tmp / "hostile.jsonl"
    extra.write_text(json.dumps(HOSTILE) + "\n")
    yield build_db(tmp, paths=[SAMPLES, extra])
    mdb.close_all()


@pytest.fixture()
def downloads(monkeypatch):
    """Bytes of every file the app hands to the media store, by file name."""
    seen = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def capture(self, data, mimetype, kind, filename=None):
        if isinstance(data, bytes) and filename:
            seen[filename] = data
        return original(self, data, mimetype, kind, filename)
    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    return seen


def sql(db, q, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(q, params)
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        con.close()


def page(db, monkeypatch, name=None, query=None) -> AppTest:
    monkeypatch.setenv("FRONTLINE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    if query:
        at.query_params.update(query)
    at.run()
    if name:
        at.switch_page(f"pages/{name}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def charts(at):
    return at.get("plotly_chart")


def no_html(at):
    """No element may render article text as HTML."""
    for md in at.markdown:
        assert not md.proto.allow_html, md.value


def test_overview(app_db, monkeypatch):
    at = page(app_db, monkeypatch)
    assert at.title[0].value == "Overview"
    n = sql(app_db, "SELECT count(*) FROM articles")[1][0][0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == f"{n:,}"
    assert metrics["Figures"] == f"{sql(app_db, 'SELECT count(*) FROM figures')[1][0][0]:,}"
    assert len(charts(at)) >= 1          # the map always draws (outlines ship with the app)
    assert any("unknown publication date" in c.value for c in at.caption)
    no_html(at)


def test_city(app_db, monkeypatch):
    at = page(app_db, monkeypatch, "city")
    assert at.title[0].value == "City"
    cities = at.selectbox(key="city_pick").options if at.get("selectbox") else []
    if not cities:
        pytest.skip("extraction found no city yet")
    name = at.selectbox(key="city_pick").value
    n = sql(app_db, """SELECT count(*) FROM figures f JOIN articles a USING (doc_id)
                       WHERE coalesce(f.place, a.main_place) = ?""", [name])[1][0][0]
    table = at.dataframe[-1].value         # "Every figure about <city>" comes last
    assert len(table) == n and {"sentence", "claim", "url"} <= set(table.columns)
    no_html(at)


def test_claims(app_db, monkeypatch):
    at = page(app_db, monkeypatch, "claims")
    assert at.title[0].value == "Claims"
    killed = sql(app_db, "SELECT count(*) FROM figures WHERE kind IN ('killed','wounded','killed_or_wounded','captured','missing')")[1][0][0]
    if not killed:
        assert "No casualty claims" in at.info[0].value
        return
    assert len(charts(at)) >= 1
    kind = at.selectbox(key="claims_kind").value
    # one row per stored claim key (repeats inside an article and across outlets share one)
    distinct = sql(app_db, "SELECT count(DISTINCT claim_key) FROM figures WHERE kind = ?", [kind])[1][0][0]
    claims_table, reports_table = (d.value for d in at.dataframe)
    assert len(claims_table) == distinct
    assert claims_table["reports"].sum() >= distinct
    assert len(reports_table) >= 1 and "sentence" in reports_table.columns
    no_html(at)


def test_evidence_shows_script_as_text(app_db, monkeypatch):
    at = page(app_db, monkeypatch, "evidence")
    rows = sql(app_db, "SELECT (SELECT count(*) FROM figures) + (SELECT count(*) FROM events)")[1][0][0]
    df = at.dataframe[0].value if at.dataframe else None
    assert (df is None and rows == 0) or len(df) == min(rows, 2000)
    at.text_input(key="ev_search").input("HYPERLINK").run()
    assert not at.exception
    hits = sql(app_db, """SELECT count(*) FROM figures f JOIN articles a USING (doc_id) WHERE a.title ILIKE '%HYPERLINK%'""")[1][0][0] \
        + sql(app_db, """SELECT count(*) FROM events e JOIN articles a USING (doc_id) WHERE a.title ILIKE '%HYPERLINK%'""")[1][0][0]
    if hits:
        df = at.dataframe[0].value
        assert len(df) == hits and set(df["title"]) == {HOSTILE["title"]}
        assert df["evidence"].str.contains("«").all()
    no_html(at)


def parse(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


MARKS = ["review_status", "corrected_fields", "review_note", "correction_id"]


def test_data_csvs_match_the_database_row_by_row(app_db, monkeypatch, downloads):
    at = page(app_db, monkeypatch, "data")
    assert at.title[0].value == "Data"
    sid = next(n for n in downloads if n.startswith("figures_filtered_"))[len("figures_filtered_"):-4]
    for table, key in [("articles", "doc_id"), ("figures", "figure_id"), ("events", "event_id"),
                       ("places", "name"), ("meta", "key")]:
        raw = downloads[f"{table}_{sid}.csv"]
        assert raw.startswith(b"\xef\xbb\xbf"), "Excel-ready (BOM) by default"
        got = parse(raw)
        cols, rows = sql(app_db, f"SELECT * FROM {table} ORDER BY {key}")
        marks = MARKS if table in ("figures", "events") else []
        assert got[0] == cols + marks + ["snapshot_id"] and len(got) == len(rows) + 1, table
        for line, row in zip(got[1:], rows):
            assert line[-1] == sid
            assert line[len(cols):-1] == [""] * len(marks)     # nothing corrected in this database
            for c, text, value in zip(cols, line, row):
                if c == "loaded_at":
                    assert text.startswith(str(value)[:19])
                elif isinstance(value, float):
                    assert float(text) == value
                    assert not (value.is_integer() and "." in text), (table, c, text)   # 45, not 45.0
                else:
                    assert text == cell(value), (table, c, text, value)
    arts = parse(downloads[f"articles_{sid}.csv"])
    hostile = next(r for r in arts if r[0] == "hostile-1")
    assert hostile[arts[0].index("title")] == "'" + HOSTILE["title"]
    assert hostile[arts[0].index("outlet")] == "'@Evil Wire"
    view = parse(downloads[f"figures_filtered_{sid}.csv"])
    ids = sql(app_db, "SELECT figure_id FROM figures ORDER BY figure_id")[1]
    assert sorted(r[0] for r in view[1:]) == [i[0] for i in ids]
    events = parse(downloads[f"events_filtered_{sid}.csv"])
    ids = sql(app_db, "SELECT event_id FROM events ORDER BY event_id")[1]
    assert sorted(r[0] for r in events[1:]) == [i[0] for i in ids]
    assert sid in at.code[0].value and "Frontline snapshot" in at.code[0].value   # the citation line
    assert not any(c.language == "json" for c in at.code)                        # no raw JSON on the page

    # the same data and filters give the same id on the next run
    downloads.clear()
    at.checkbox(key="csv_bom").uncheck().run()
    assert f"figures_filtered_{sid}.csv" in downloads
    assert not any(b.startswith(b"\xef\xbb\xbf") for n, b in downloads.items() if n.endswith(".csv"))


def test_filtered_view_from_the_url(app_db, monkeypatch, downloads):
    outlets = sql(app_db, "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1")[1]
    outlet = outlets[0][0]
    page(app_db, monkeypatch, "data")
    unfiltered = next(n for n in downloads if n.startswith("figures_filtered_"))
    downloads.clear()
    at = page(app_db, monkeypatch, query={"outlet": outlet})
    assert at.multiselect(key="flt_outlet").value == [outlet]
    at.switch_page("pages/data.py").run()
    assert f"Outlet: {outlet}" in at.markdown[0].value.replace("\\", "")
    name = next(n for n in downloads if n.startswith("figures_filtered_"))
    assert name != unfiltered                      # other filters, another snapshot
    view = parse(downloads[name])
    n = sql(app_db, "SELECT count(*) FROM figures f JOIN articles a USING (doc_id) WHERE a.outlet = ?", [outlet])[1][0][0]
    assert len(view) - 1 == n
    # a value that is not in the database is dropped, never sent anywhere as SQL
    at = page(app_db, monkeypatch, query={"outlet": "x' OR 1=1 --"})
    assert at.multiselect(key="flt_outlet").value == []


def test_load_page_uploads_through_the_loader(tmp_path, monkeypatch):
    db = build_db(tmp_path)
    at = page(db, monkeypatch, "load")
    assert at.title[0].value == "Load articles"
    assert at.button(key="load_btn").disabled   # nothing uploaded yet


def test_empty_database_explains_how_to_load(tmp_path, monkeypatch):
    at = page(tmp_path / "missing.duckdb", monkeypatch)
    assert at.title[0].value == "Frontline"
    assert "No articles loaded yet" in at.info[0].value
    assert "python -m loaders ingest" in at.code[0].value
    at.switch_page("pages/load.py").run()
    assert not at.exception and at.title[0].value == "Load articles"


# --- provenance and review ---------------------------------------------------------------------

@pytest.fixture()
def review_db(tmp_path):
    """A database of its own: these tests write corrections."""
    extra = tmp_path / "hostile.jsonl"
    extra.write_text(json.dumps(HOSTILE) + "\n")
    yield build_db(tmp_path, paths=[SAMPLES, extra])
    mdb.close_all()


def texts(at):
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def test_evidence_link_opens_the_full_sentence_with_its_article(app_db, monkeypatch):
    _, rows = sql(app_db, """SELECT f.figure_id, f.number_text, f.sentence, a.title FROM figures f
                             JOIN articles a USING (doc_id) WHERE a.doc_id = 'hostile-1' ORDER BY span_start""")
    fid, words, sentence, title = rows[0]
    at = page(app_db, monkeypatch, query={"figure": fid})
    at.switch_page("pages/evidence.py").run()
    assert not at.exception
    body = texts(at).replace("\\", "").replace("`", "")
    assert f":orange-background[**{words}**]" in body          # the number, marked
    assert sentence.split(words)[1].strip()[:30] in body      # the whole sentence, not a cut
    assert title in body                                      # the formula title, shown as text
    assert "published" not in body or "2024-10-10" in body
    assert "Who says so" in body and "stated in the sentence" in body
    no_html(at)


def test_evidence_row_selection_opens_its_provenance(app_db, monkeypatch):
    at = page(app_db, monkeypatch, "evidence")
    table = at.dataframe[0].value
    at.session_state["evidence_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    body = texts(at).replace("\\", "").replace("`", "")
    first = table.iloc[0]
    inner = first["evidence"].split("«")[1].split("»")[0]
    assert f"**{inner}**" in body
    assert "How this was read" in body


def test_review_lists_weakest_first_and_saves_a_correction(review_db, monkeypatch, downloads):
    at = page(review_db, monkeypatch, "review")
    q = at.dataframe[0].value
    assert len(q) > 0 and "why" in q.columns
    # more attributes defaulted first, then more carried from the context
    weakness = [(sum(w.count(p) for p in ("nobody credited", "not said", "no place")), w.count("from context"))
                for w in q["why"]]
    assert weakness == sorted(weakness, reverse=True), weakness[:20]
    assert weakness[0][0] >= 1
    fid = sql(review_db, "SELECT figure_id FROM figures WHERE doc_id = 'hostile-1' ORDER BY span_start")[1][0][0]
    at = page(review_db, monkeypatch, query={"figure": fid})
    at.switch_page("pages/review.py").run()
    key = f"fix_figure_{fid}"
    at.number_input(key=f"{key}_v").set_value(1234.0)
    at.text_input(key=f"{key}_cl").input('=HYPERLINK("http://evil.example","x")')
    at.text_area(key=f"{key}_note").input("Checked against the ministry's statement.")
    at.button(key=f"FormSubmitter:{key}-Save correction").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    mdb.close_all()
    got = sql(review_db, "SELECT action, fields, set_value, set_claimant FROM corrections")[1]
    assert got == [("correct", ["claimant", "value"], 1234.0, '=HYPERLINK("http://evil.example","x")')]
    assert any("Correction saved" in s.value for s in at.success)
    # the Data page's exports show it, marked, neutralised
    downloads.clear()
    at.switch_page("pages/data.py").run()
    view = parse(downloads[next(n for n in downloads if n.startswith("figures_filtered_"))])
    head = view[0]
    row = next(r for r in view[1:] if r[0] == fid)
    assert row[head.index("value")] == "1234" and row[head.index("review_status")] == "corrected"
    assert row[head.index("claimant")].startswith("'=HYPERLINK")


def test_review_rejects_only_with_a_note_and_exports_corrections(review_db, monkeypatch, downloads):
    fid = sql(review_db, "SELECT figure_id FROM figures ORDER BY figure_id")[1][0][0]
    at = page(review_db, monkeypatch, query={"figure": fid})
    at.switch_page("pages/review.py").run()
    key = f"fix_figure_{fid}"
    at.button(key=f"FormSubmitter:{key}-Reject the row").click().run()
    assert any("note" in e.value for e in at.error)
    at.text_area(key=f"{key}_note").input("Not a casualty figure.")
    at.button(key=f"FormSubmitter:{key}-Reject the row").click().run()
    assert not at.error, [e.value for e in at.error]
    mdb.close_all()
    assert sql(review_db, "SELECT action FROM corrections")[1] == [("reject",)]
    assert sql(review_db, "SELECT count(*) FROM figures WHERE figure_id = ?", [fid])[1] == [(1,)]  # data kept
    downloads.clear()
    at = page(review_db, monkeypatch, "review")
    shared = json.loads(downloads["frontline_corrections.json"])
    assert shared["format"] == "frontline-corrections" and shared["corrections"][0]["action"] == "reject"
    assert downloads["frontline_corrections.csv"].startswith(b"\xef\xbb\xbf")
    at.selectbox(key="rv_status").set_value("rejected").run()
    words = sql(review_db, "SELECT number_text FROM figures WHERE figure_id = ?", [fid])[1][0][0]
    rejected = at.dataframe[0].value
    assert len(rejected) == 1 and f"«{words}»" in rejected["evidence"].iloc[0]
