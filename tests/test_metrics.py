"""Metrics on a small hand-made database (tests/test_metrics_synth.py) with known claims."""
from __future__ import annotations

import csv
import io
import datetime as dt
import zipfile

import pandas as pd
import pytest

import test_metrics_synth as synth
from metrics import city, claims, db as mdb, evidence, export, overview, upload
from metrics.filters import Filters

F = Filters()


@pytest.fixture()
def db(tmp_path):
    path = synth.make_db(tmp_path / "synth.duckdb")
    yield str(path)
    mdb.close_all()


def one(df, **eq):
    for k, v in eq.items():
        df = df[df[k] == v]
    assert len(df) == 1, df
    return df.iloc[0]


def test_repeated_claim_is_one_claim_with_its_reports(db):
    c = claims.claims(db, F)
    row = one(c, kind="killed", claimant_side="russia", subject_side="ukraine")
    assert row["reports"] == 2 and row["outlet_count"] == 2
    assert row["outlets"] == "=Evil Outlet, Reuters"
    rep = claims.reports(db, tuple(row["figure_ids"]))
    assert set(rep["doc_id"]) == {"d1", "d2"}
    assert len(c) == 6   # 7 figures, one repeated


def test_bounds_are_honest(db):
    c = claims.claims(db, F)
    more = one(c, qualifier="more_than")
    assert more["low"] == 1100 and pd.isna(more["high"]) and more["bound"] == "lower bound"
    assert more["claim"] == "≥ 1,100"
    less = one(c, qualifier="less_than")
    assert pd.isna(less["low"]) and less["high"] == 5000 and less["bound"] == "upper bound"
    rng = one(c, qualifier="range")
    assert (rng["low"], rng["high"], rng["point"]) == (200, 300, 250) and rng["claim"] == "200–300"
    vague = one(c, qualifier="vague")
    assert (vague["low"], vague["high"], vague["bound"]) == (24, 99, "vague")
    assert "vague" in vague["claim"]


def test_per_day_only_where_period_is_known(db):
    c = claims.claims(db, F)
    rng = one(c, qualifier="range")
    assert rng["basis"] == "for a stated period" and rng["days"] == 10 and rng["per_day"] == 25
    assert rng["per_day_text"] == "20–30/day" and rng["period"] == "1–10 Oct 2024"
    assert c[c["qualifier"] != "range"]["per_day"].isna().all()
    assert (c[c["qualifier"] != "range"]["per_day_text"] == "").all()
    assert set(c[c["qualifier"] != "range"]["basis"]) == {"total to date"}
    r = claims.rates(db, F)
    assert list(r["per_day"]) == [25]


def test_matrix_keeps_the_latest_claim_per_city_kind_and_side_pair(db):
    m = claims.matrix(db, F)
    assert len(m) == 3
    assert set(zip(m["city"], m["subject_side"], m["claimant_side"])) == {
        ("Toretsk", "ukraine", "russia"), ("Toretsk", "russia", "ukraine"), ("Pokrovsk", "civilian", "unattributed")}
    # the repeated Russian claim: one claim, two reports, latest report date
    ru = one(m, claimant_side="russia")
    assert ru["reports"] == 2 and str(ru["last_reported"])[:10] == "2024-10-09"


def test_filters_narrow_and_are_parameters(db):
    assert len(claims.claims(db, Filters(city=("Pokrovsk",)))) == 2
    assert len(claims.claims(db, Filters(claimant_side=("ukraine",)))) == 1
    assert len(claims.claims(db, Filters(outlet=("AP",)))) == 2
    assert len(claims.claims(db, Filters(start=dt.date(2024, 10, 9), end=dt.date(2024, 10, 10)))) == 2
    hostile = "x' OR 1=1 --"
    for fl in (Filters(city=(hostile,)), Filters(outlet=(hostile,)), Filters(kind=(hostile,))):
        assert claims.claims(db, fl).empty
        assert overview.counts(db, fl)["figures"] == 0
    assert evidence.search(db, F, "'; DROP TABLE figures; --").empty
    assert len(evidence.search(db, F, "")) == 9


def test_filters_round_trip_through_query_params():
    f = Filters(city=("Toretsk", "Pokrovsk"), start=dt.date(2024, 1, 2), kind=("killed",))
    assert Filters.from_params(f.to_params()) == f
    assert Filters.from_params({"start": "not a date", "city": ["A"]}) == Filters(city=("A",))


def test_overview(db):
    c = overview.counts(db, F)
    assert (c["articles"], c["figures"], c["events"], c["claims"], c["settlements"], c["outlets"]) == (5, 7, 2, 6, 2, 4)
    assert c["unknown_dates"] == 1 and c["first_date"] == dt.date(2024, 10, 8)
    pts = overview.map_points(db, F)
    assert list(pts["name"]) == ["Toretsk", "Pokrovsk"] and list(pts["activity"]) == [6, 3]
    tl = overview.timeline(db, F)
    assert (tl["figures"] + tl["events"]).sum() == 9 - 2  # 7 figures + 2 events, less the 2 undated ones
    assert overview.undated(db, F) == {"figures": 2, "events": 0}
    xs, ys = overview.outlines()
    assert len(xs) > 1000 and all(x is None or 22 < x < 41 for x in xs)


def test_city(db):
    # both population figures are undated: no chart points, counted as undated, listed in the table
    assert city.population(db, F, "Toretsk").empty
    assert city.undated(db, F, "Toretsk", city.POPULATION) == 2
    assert city.gazetteer_population(db, "Toretsk") == 30000
    table = city.figures(db, F, "Toretsk")
    assert set(table.loc[table["date"].isna(), "dated_by"]) == {"no date known"}
    assert list(city.distances(db, F, "Pokrovsk")["point"]) == [10]
    assert len(city.events(db, F, "Toretsk")) == 1
    assert len(city.figures(db, F, "Toretsk")) == 5
    cas = city.casualties(db, F, "Toretsk", "killed")
    assert set(cas["kind"]) == {"killed"} and len(cas) == 2   # the repeated claim is one point


def test_city_figure_table_is_the_newest_rows_and_the_count_is_all(db, monkeypatch):
    monkeypatch.setattr(city, "LIMIT", 2)
    rows = city.figures(db, F, "Toretsk")
    assert city.figure_count(db, F, "Toretsk") == 5
    assert len(rows) == 2
    dated = [d for d in rows["date"] if d is not None and d == d]
    assert dated == sorted(dated, reverse=True)
    # sections query their own kinds, so the cap never hides population or casualty rows
    assert len(city.casualties(db, F, "Toretsk", "killed")) == 2
    assert len(city.casualties(db, F, "Toretsk")) == 2      # every casualty kind: only killed here


def test_evidence_marks_the_number_as_plain_text(db):
    rows = evidence.search(db, F, "Toretsk", ("figures",))
    assert "Russia said «more than 1,100» Ukrainian soldiers were killed near Toretsk." in set(rows["evidence"])
    script = evidence.search(db, F, "<script>")
    assert script["sentence"].str.contains("<script>alert(1)</script>", regex=False).all()
    assert evidence.mark("abc 10 km", 99, 100, "10 km") == "abc «10 km»"


def test_neutralise_formulas_keeps_numbers():
    df = pd.DataFrame({"t": ["=1+1", "+x", "-y", "@z", "\tq", "\rr", "ok", None], "n": [1.0, -2, 3, 4, 5, 6, 7, 8],
                       "x": [0.5, -1, 2, 3, 4, 5, 6, None]})
    out = export.neutralise(df)
    assert list(out["t"][:7]) == ["'=1+1", "'+x", "'-y", "'@z", "'\tq", "'\rr", "ok"]
    assert list(out["n"]) == list(df["n"]) and out["x"].dtype == float
    raw = export.to_csv(df)
    assert not raw.startswith(b"\xef\xbb\xbf") and export.to_csv(df, bom=True).startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode())))
    assert rows[1] == ["'=1+1", "1", "0.5"] and rows[2] == ["'+x", "-2", "-1"]   # whole numbers stay whole
    assert rows[8] == ["", "8", ""]


def test_view_csv_matches_the_database_row_by_row(db):
    got = list(csv.DictReader(io.StringIO(export.to_csv(export.view(db, F)).decode())))
    con = mdb.query(db, "SELECT f.figure_id, a.title, a.outlet, f.value FROM figures f JOIN articles a USING (doc_id) "
                        "ORDER BY coalesce(f.figure_date, a.published) NULLS LAST, f.figure_id")
    assert [r["figure_id"] for r in got] == list(con["figure_id"])
    for r, (_, want) in zip(got, con.iterrows()):
        title = want["title"]
        assert r["title"] == ("'" + title if title[0] in "=+-@" else title)
        assert r["outlet"] == ("'" + want["outlet"] if want["outlet"][0] in "=+-@" else want["outlet"])
        assert (r["value"] == "") if pd.isna(want["value"]) else float(r["value"]) == want["value"]
    assert any(r["title"] == "'-2+3 headline" and r["outlet"] == "'=Evil Outlet" for r in got)


def test_snapshot_stamp_and_zip(db):
    a = export.stamp(db, F, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    b = export.stamp(db, Filters(city=("Toretsk",)), dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    assert a["db_content_hash"] == b["db_content_hash"] and a["snapshot_id"] != b["snapshot_id"]
    z = zipfile.ZipFile(io.BytesIO(export.zip_all(db, F, a)))
    sid = a["snapshot_id"]
    assert {f"{t}_{sid}.csv" for t in export.TABLES} | {f"figures_filtered_{sid}.csv", f"events_filtered_{sid}.csv",
                                                         f"data_dictionary_{sid}.csv", f"snapshot_{sid}.json",
                                                         f"README_{sid}.txt"} == set(z.namelist())
    assert a["snapshot_id"] == export.stamp(db, F, dt.datetime(2027, 5, 5, tzinfo=dt.timezone.utc))["snapshot_id"]
    dic = export.dictionary(db)
    assert {"articles", "figures", "events"} <= set(dic["table"])


def test_cache_follows_the_database_version(tmp_path):
    path = synth.make_db(tmp_path / "v.duckdb", synth.docs()[:2])
    try:
        assert overview.counts(str(path), F)["articles"] == 2
        h1 = export.content_hash(str(path))
        synth.make_db(path, synth.docs()[2:])     # writer copies, writes and swaps the file
        assert overview.counts(str(path), F)["articles"] == 5
        assert export.content_hash(str(path)) != h1
    finally:
        mdb.close_all()


def test_status_of_missing_and_empty_databases(tmp_path):
    assert mdb.status(tmp_path / "none.duckdb") == "missing"
    empty = synth.make_db(tmp_path / "e.duckdb", [])
    assert mdb.status(empty) == "empty"
    mdb.close_all()


def test_upload_names_are_safe(tmp_path):
    taken = set()
    assert upload.safe_name("../../etc/passwd.txt", taken) == "passwd.txt"
    assert upload.safe_name("..\\..\\x y;rm -rf.JSONL", taken) == "x_y_rm_-rf.jsonl"
    assert upload.safe_name("passwd.txt", taken) == "passwd_2.txt"
    assert upload.safe_name(".hidden.html") == "hidden.html"
    with pytest.raises(ValueError):
        upload.safe_name("evil.py")
    folder, saved, rejected = upload.save(
        [("a.txt", b"x"), ("../b.txt", b"y"), ("big.txt", b"z" * (upload.MAX_BYTES + 1)), ("c.exe", b"")],
        tmp_path)
    assert folder.parent == tmp_path / "uploads"
    assert [p.name for p in saved] == ["a.txt", "b.txt"] and all(p.parent == folder for p in saved)
    assert [n for n, _ in rejected] == ["big.txt", "c.exe"]


def test_upload_goes_through_the_real_loader(tmp_path):
    import json
    db = tmp_path / "data" / "frontline.duckdb"
    rec = {"id": "up-1", "title": "Uploaded", "source": "Upload Wire", "published": "2024-05-01",
           "text": "KYIV — Officials said 12 people were wounded in Kharkiv on Tuesday."}
    folder, saved, rejected = upload.save(
        [("../../evil name.jsonl", (json.dumps(rec) + "\n").encode()), ("bad.json", b"{not json")],
        mdb.data_dir(db))
    assert folder.parent == db.parent / "uploads" and not rejected
    report, rows = upload.load(saved, db)
    try:
        assert list(rows["input"]) == ["evil_name.jsonl", "bad.json"]
        assert list(rows["result"]) == ["loaded", "failed"] and "JSON" in rows["details"][1]
        assert report.loaded == 1
        assert list(mdb.query(db, "SELECT doc_id FROM articles")["doc_id"]) == ["up-1"]
    finally:
        mdb.close_all()
