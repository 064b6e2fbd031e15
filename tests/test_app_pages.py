"""Every page rendered with AppTest on a database built by the real loader from the sample
articles plus one hostile article (formula title and outlet, a <script> in the text)."""
from __future__ import annotations

import csv
import io
import json
import re

import duckdb
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from conftest import ROOT, SAMPLES, build_db
from metrics import db as mdb
from metrics import export
from metrics.filters import Filters
from csv_expect import expected_cell as cell
from metrics.style import kind_label

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


@pytest.fixture(scope="module")
def dash_db(tmp_path_factory):
    """75 articles: 40 places, every side, qualifier and kind, undated articles, hostile text."""
    import dash_corpus
    yield dash_corpus.build(tmp_path_factory.mktemp("dash"))
    mdb.close_all()


def figure_json(at, key):
    """The Plotly figure a page sent for the chart with this key."""
    for el in charts(at):
        if el.proto.id.endswith(key) or f"-{key}-" in el.proto.id or key in el.proto.id:
            return json.loads(el.proto.spec)
    raise KeyError(key)


def figure_texts(fig) -> list[str]:
    """Every string Plotly would draw or show on hover in a figure."""
    out = []

    def walk(x, k=""):
        if isinstance(x, dict):
            for kk, v in x.items():
                walk(v, kk)
        elif isinstance(x, list):
            for v in x:
                walk(v, k)
        elif isinstance(x, str) and k in ("text", "hovertext", "name", "ticktext", "label", "prefix",
                                          "y", "categoryarray"):   # a category axis draws its values
            out.append(x)
    walk(fig.get("data", []))
    walk(fig.get("layout", {}))
    walk(fig.get("frames", []))
    return out


def only_our_markup(fig):
    from metrics.chart_text import markup_tags
    for t in figure_texts(fig):
        assert markup_tags(t) <= {"br", "b"}, t


def test_overview(app_db, monkeypatch):
    at = page(app_db, monkeypatch)
    assert at.title[0].value == "Overview"
    n = sql(app_db, "SELECT count(*) FROM articles")[1][0][0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == f"{n:,}"
    assert metrics["Figures"] == f"{sql(app_db, 'SELECT count(*) FROM figures')[1][0][0]:,}"
    # settlements named as a figure's or event's place: not oblasts, countries or "(no place)"
    towns = sql(app_db, """SELECT count(DISTINCT p.name) FROM places p WHERE p.kind IN ('city', 'town', 'village')
                           AND p.name IN (SELECT place FROM figures UNION SELECT place FROM events)""")[1][0][0]
    assert metrics["Settlements"] == f"{towns:,}"
    mp = figure_json(at, "map")
    types = {t["type"] for t in mp["data"]}
    assert "scattermap" in types and mp["layout"]["map"]["style"]["sources"] == {}
    assert "glyphs" not in mp["layout"]["map"]["style"] and "sprite" not in mp["layout"]["map"]["style"]
    # the land and borders: the shipped oblast outlines, drawn as choropleth traces (no map server)
    land = [t for t in mp["data"] if t["type"] == "choroplethmap"]
    assert land and len({loc for t in land for loc in t["locations"]}) == 27
    only_our_markup(mp)
    assert any("unknown publication date" in c.value for c in at.caption)
    no_html(at)


def test_overview_on_many_cities(dash_db, monkeypatch):
    at = page(dash_db, monkeypatch)
    tl = figure_json(at, "timeline")
    heat = tl["data"][0]
    cities = sql(dash_db, """SELECT count(DISTINCT coalesce(c, '(no place named)')) FROM (
        SELECT coalesce(f.place, a.main_place) c, coalesce(f.figure_date, a.published) d FROM figures f JOIN articles a USING (doc_id)
        UNION ALL SELECT coalesce(e.place, a.main_place), coalesce(e.event_date, a.published) FROM events e JOIN articles a USING (doc_id))
        WHERE d IS NOT NULL""")[1][0][0]
    # every row of the timeline is labelled (all of them, or the 40 busiest with a note)
    assert len(tl["layout"]["yaxis"]["categoryarray"]) == min(cities, 40) == len(heat["y"])
    mp = figure_json(at, "map")
    assert mp["frames"], "the map's events can be played"
    assert mp["layout"]["sliders"][0]["active"] == len(mp["frames"]) - 1
    only_our_markup(mp)
    only_our_markup(tl)
    undated = sql(dash_db, """SELECT count(*) FROM figures f JOIN articles a USING (doc_id)
                              WHERE coalesce(f.figure_date, a.published) IS NULL""")[1][0][0]
    assert undated and any(f"{undated:,} undated figure(s)" in c.value for c in at.caption)


def test_time_presets_come_from_the_link(dash_db, monkeypatch):
    import datetime as dt
    at = page(dash_db, monkeypatch, query={"period": "30d", "asof": "2024-03-31", "agg": "month"})
    f = at.session_state["filters"]
    assert (f.start, f.end) == (dt.date(2024, 3, 2), dt.date(2024, 3, 31))
    assert at.session_state["window"].agg == "month"
    n = sql(dash_db, """SELECT count(*) FROM figures f JOIN articles a USING (doc_id)
                        WHERE coalesce(f.figure_date, a.published) BETWEEN '2024-03-02' AND '2024-03-31'""")[1][0][0]
    assert {m.label: m.value for m in at.metric}["Figures"] == f"{n:,}"
    assert any("Filtered by Dates: the 30 days to 31 Mar 2024" in c.value for c in at.caption)
    at.switch_page("pages/claims.py").run()
    assert not at.exception
    undated = sql(dash_db, """SELECT count(DISTINCT f.claim_key) FROM figures f JOIN articles a USING (doc_id)
                              WHERE coalesce(f.figure_date, a.published) IS NULL
                              AND f.kind IN ('killed','wounded','killed_or_wounded','captured','missing')""")[1][0][0]
    assert any(c.value.startswith(f"{undated:,} undated claim") and "no time window" in c.value for c in at.caption)


def test_city(app_db, monkeypatch):
    at = page(app_db, monkeypatch, "city")
    assert at.title[0].value == "City"
    name = at.selectbox(key="city_pick").value
    n = sql(app_db, """SELECT count(*) FROM figures f JOIN articles a USING (doc_id)
                       WHERE coalesce(f.place, a.main_place) = ?""", [name])[1][0][0]
    table = at.dataframe[-1].value         # "Every figure about <city>" comes last
    assert len(table) == n and {"sentence", "claim", "url", "dated_by"} <= set(table.columns)
    for fig in (json.loads(c.proto.spec) for c in charts(at)):
        only_our_markup(fig)
    no_html(at)


def test_city_charts_one_point_per_claim_and_say_what_they_drop(dash_db, monkeypatch):
    at = page(dash_db, monkeypatch, "city")
    at.selectbox(key="city_pick").select("Kupiansk").run()   # it has an undated hand-written report
    at.session_state["city_kind"] = "killed"
    at.run()
    name, kind = at.selectbox(key="city_pick").value, "killed"
    assert name == "Kupiansk" and not at.exception
    fig = figure_json(at, f"city_cas_{kind}")
    points = [cd[0] for t in fig["data"] if t.get("mode") == "markers" for cd in t.get("customdata", [])]
    dated = sql(dash_db, """SELECT count(DISTINCT f.claim_key) FROM figures f JOIN articles a USING (doc_id)
                            WHERE coalesce(f.place, a.main_place) = ? AND f.kind = ?
                            AND coalesce(f.figure_date, a.published) IS NOT NULL""", [name, kind])[1][0][0]
    assert len(points) == len(set(points)) == dated      # every dated claim once, repeats merged
    # kind and side are on the chart, not only on hover: panel titles and direct labels
    notes = [a["text"] for a in fig["layout"]["annotations"]]
    assert any("losses" in t for t in notes) and any(":" in t for t in notes)
    # the table and the chart use the same dates: the note counts exactly the undated claims the table lists
    table = at.dataframe[-1].value
    undated = sql(dash_db, """SELECT count(DISTINCT f.claim_key) FROM figures f JOIN articles a USING (doc_id)
                              WHERE coalesce(f.place, a.main_place) = ? AND f.kind = ?
                              AND coalesce(f.figure_date, a.published) IS NULL""", [name, kind])[1][0][0]
    listed = table[(table["kind"] == kind_label(kind)) & table["date"].isna()]
    assert len(listed) >= undated
    notes = [c.value for c in at.caption if "undated claim" in c.value]
    assert (notes[0].startswith(f"{undated:,} undated claim") if undated else not notes), notes
    assert set(table.loc[table["date"].isna(), "dated_by"]) <= {"no date known"}
    assert set(table.loc[table["date"].notna(), "dated_by"]) <= {"stated in the report", "publication date",
                                                                 "publication date (inferred from the text)"}


def test_claims(app_db, monkeypatch):
    at = page(app_db, monkeypatch, "claims")
    assert at.title[0].value == "Claims"
    kind = at.session_state["claims_kind"]
    # one row per stored claim key (repeats inside an article and across outlets share one)
    distinct = sql(app_db, "SELECT count(DISTINCT claim_key) FROM figures WHERE kind = ?", [kind])[1][0][0]
    matrix, claims_table = (d.value for d in at.dataframe)
    assert len(claims_table) == distinct
    assert claims_table["reports"].sum() >= distinct
    no_html(at)


def _latest(db, city, kind, claimant, subject):
    """The latest figure of one matrix cell, straight from the database."""
    return sql(db, """
        SELECT f.qualifier, f.value, f.value_low, f.value_high, f.number_text, f.sentence,
               f.span_start - f.sentence_start, f.span_end - f.sentence_start, f.period_start, f.period_end
        FROM figures f JOIN articles a USING (doc_id)
        WHERE coalesce(f.place, a.main_place) = ? AND f.kind = ? AND f.claimant_side = ?
              AND f.subject_side IS NOT DISTINCT FROM ?
        ORDER BY coalesce(f.figure_date, a.published) DESC NULLS LAST""", [city, kind, claimant, subject])[1]


def test_claims_matrix_cells_trace_to_their_sentences(dash_db, monkeypatch):
    from metrics.style import SIDE_LABELS, fmt_claim
    at = page(dash_db, monkeypatch, "claims")
    matrix = at.dataframe[0].value
    kinds = {kind_label(k): k for k in ("killed", "wounded", "killed_or_wounded", "captured", "missing")}
    sides_ = {v: k for k, v in SIDE_LABELS.items()}
    whose = {"Ukraine's losses": "ukraine", "Russia's losses": "russia", "Civilian losses": "civilian",
             "Third-party losses": "third_party", "Losses, side not stated": None}
    checked = 0
    for _, row in matrix.iterrows():
        for col in matrix.columns[2:]:
            cell = row[col]
            if not isinstance(cell, str) or not cell:
                continue
            who, whose_ = col.split(" says · ")
            figs = _latest(dash_db, row["City"], kinds[row["What"]], sides_[who], whose[whose_])
            assert figs, (row["City"], row["What"], col)
            claim = cell.split(" total · ")[0].split(" in ")[0]
            # the cell's number is one of this cell's figures, and that figure's sentence holds it
            match = [f for f in figs if fmt_claim(f[0], f[1], f[2], f[3]) == claim]
            assert match, (cell, [fmt_claim(*f[:4]) for f in figs])
            q, v, lo, hi, words, sentence, a, b = match[0][:8]
            assert sentence[a:b] == words
            checked += 1
    assert checked >= 50


def test_claims_rates_keep_their_bound(dash_db, monkeypatch):
    at = page(dash_db, monkeypatch, "claims")
    table = at.dataframe[1].value
    rated = table[table["per_day_text"] != ""]
    assert len(rated)
    for _, r in rated.iterrows():
        assert r["period"][0].isdigit(), r["period"]         # only claims with a stated period
        sign = r["claim"][:1]
        if sign in "≥≤":
            assert r["per_day_text"].startswith(sign), (r["claim"], r["per_day_text"])
        # whole numbers from 10 up; one decimal only below 10
        for num in re.findall(r"[\d,]+(?:\.\d+)?", r["per_day_text"]):
            assert "." not in num or (float(num.replace(",", "")) < 10 and len(num.split(".")[1]) == 1), r["per_day_text"]
    totals = table[table["period"].str.startswith("total")]
    assert (totals["per_day_text"] == "").all()


def test_claims_chart_is_plain_text_and_labels_every_side(dash_db, monkeypatch):
    at = page(dash_db, monkeypatch, "claims")
    kind = at.session_state["claims_kind"]
    fig = figure_json(at, f"claims_chart_{kind}")
    only_our_markup(fig)
    hovers = [h for t in fig["data"] for h in (t.get("hovertext") or [])]
    # the claimant that carries markup in the corpus shows escaped, never as a tag
    assert any("&lt;b&gt;bold&lt;/b&gt;" in h or "&lt;/a&gt;" in h for h in hovers)
    sides_in_chart = {t["marker"]["color"] for t in fig["data"] if t.get("mode") == "markers"}
    label_colours = {a["font"]["color"] for a in fig["layout"]["annotations"] if a.get("showarrow")}
    assert sides_in_chart <= label_colours       # every colour is named by a direct label


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
    weakness = [(sum(w.count(p) for p in ("no claimant", "not said", "no place")), w.count("from context"))
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
    sid = export.stamp(str(review_db), Filters())["snapshot_id"]
    mdb.close_all()
    shared = json.loads(downloads[f"frontline_corrections_{sid}.json"])
    assert shared["format"] == "frontline-corrections" and shared["corrections"][0]["action"] == "reject"
    assert shared["snapshot_id"] == sid
    assert downloads[f"frontline_corrections_{sid}.csv"].startswith(b"\xef\xbb\xbf")
    at.selectbox(key="rv_status").set_value("rejected").run()
    words = sql(review_db, "SELECT number_text FROM figures WHERE figure_id = ?", [fid])[1][0][0]
    rejected = at.dataframe[0].value
    assert len(rejected) == 1 and f"«{words}»" in rejected["evidence"].iloc[0]
