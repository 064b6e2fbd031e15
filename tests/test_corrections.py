"""Analysts' corrections: applied by the reader views to every page's data and every export, kept
through re-ingests, re-extraction after rule changes, and export/import between databases.

Databases are built by the real loader from articles written for these tests."""
from __future__ import annotations

import csv
import io
import json
import threading
import time
import zipfile

import pytest

from conftest import build_db, query
from loaders import corrections as corr
from loaders import figures as figure_rules
from loaders import pipeline, schema, store
from loaders.errors import StoreBusy
from metrics import claims, export
from metrics import db as mdb
from metrics.filters import Filters

ART1 = ("TORETSK — Russia's defence ministry said on Thursday that more than 1,100 Ukrainian soldiers had been "
        "killed near Toretsk over the past week.\nUkraine's General Staff said 250 Russian troops were killed "
        "in the area on Wednesday.\nRussian forces captured the village of Nelipivka on Tuesday, the ministry "
        "said.\nAbout 40 people were wounded.")
ART2 = ("POKROVSK — Officials said about 7,000 residents remain in Pokrovsk, which is 8 km from the front line.\n"
        "The regional governor said 14 civilians were wounded in shelling of Pokrovsk on Friday.\n"
        "Dozens of soldiers were killed.")
HYPERLINK = '=HYPERLINK("http://evil.example","click")'


def records(text1=ART1, text2=ART2):
    return [{"id": "rv-1", "title": "Fighting near Toretsk", "source": "Test Wire", "published": "2024-10-10",
             "url": "https://example.org/rv-1", "text": text1},
            {"id": "rv-2", "title": "Pokrovsk under fire", "source": "Other Wire", "published": "2024-10-12",
             "url": "https://example.org/rv-2", "text": text2}]


def write_jsonl(folder, recs, name="articles.jsonl"):
    p = folder / name
    p.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return p


@pytest.fixture
def db(tmp_path):
    src = write_jsonl(tmp_path, records())
    path = build_db(tmp_path, paths=[src])
    yield path
    mdb.close_all()


def ingest(tmp_path, db, recs, name="articles.jsonl"):
    from loaders.ingest import ingest as run
    mdb.close_all()
    return run([write_jsonl(tmp_path, recs, name)], db, progress=False)


def raw(db, words, item="figure"):
    t, w = ("figures_raw", "number_text") if item == "figure" else ("events_raw", "trigger")
    got = mdb.rows(db, f"SELECT * FROM {t} WHERE {w} = ?", [words])
    assert len(got) == 1, (words, got)
    return got[0]


def shown(db, words, table="figures"):
    col = "number_text" if table.startswith("figures") else "trigger"
    return mdb.rows(db, f"SELECT * FROM {table} WHERE {col} = ?", [words])


def test_a_correction_is_what_every_reader_sees(db):
    row = raw(db, "About 40")
    assert row["kind"] == "wounded" and row["claimant_side"] != "third_party"
    c = corr.make("figure", row, "correct", {"kind": "killed", "value": 41, "claimant_side": "third_party",
                                             "claimant": "Local officials", "subject_side": "ukraine"},
                  note="The next paragraph credits local officials.", author="AB")
    assert set(c.changes) == {"kind", "value", "claimant_side", "claimant", "subject_side"}  # unit stays people
    corr.save(db, c)
    [now] = shown(db, "About 40")
    assert (now["kind"], now["value"], now["claimant_side"], now["claimant"]) == ("killed", 41.0, "third_party",
                                                                                  "Local officials")
    assert now["review_status"] == "corrected" and now["corrected_fields"] == \
        "claimant, claimant_side, kind, subject_side, value"
    assert now["claimant_how"] == "analyst" and now["side_how"] == "analyst"
    assert now["claim_key"] != row["claim_key"]          # a different claim now
    # the extraction stays as it was, beside the correction
    assert raw(db, "About 40")["kind"] == "wounded"
    assert query(db, "SELECT kind FROM figures WHERE number_text = 'About 40'") == [("wounded",)]
    # pages and exports read the corrected row
    killed = claims.claims(db, Filters(), ("killed",))
    assert 41.0 in set(killed["value"])
    view = export.view(db, Filters(kind=("killed",)))
    assert view.loc[view["number_text"] == "About 40", "review_status"].tolist() == ["corrected"]


def test_rejected_rows_leave_every_page_but_stay_reviewable(db):
    row = raw(db, "Dozens")
    with pytest.raises(corr.CorrectionError, match="note"):
        corr.make("figure", row, "reject")
    corr.save(db, corr.make("figure", row, "reject", note="Background, not a claim."))
    assert shown(db, "Dozens") == []
    assert shown(db, "Dozens", "figures_all")[0]["review_status"] == "rejected"
    n = query(db, "SELECT count(*) FROM figures")[0][0]
    assert export.view_count(db, Filters()) == n - 1
    assert "Dozens" not in set(export.table(db, "figures")["number_text"])


def test_events_can_be_corrected(db):
    row = raw(db, "captured", "event")
    assert row["claimant_side"] == "ukraine"      # "the ministry said": read wrong
    corr.save(db, corr.make("event", row, "correct", {"claimant_side": "russia", "place": "Nelipivka"},
                            note="The ministry is Russia's (first sentence)."))
    [now] = shown(db, "captured", "events")
    assert now["claimant_side"] == "russia" and now["review_status"] == "corrected"
    assert now["corrected_fields"] == "claimant_side"       # the place was already Nelipivka
    events = export.view_events(db, Filters())
    assert events.loc[events["trigger"] == "captured", "claimant_side"].tolist() == ["russia"]


def test_checks_say_what_is_wrong(db):
    row = raw(db, "more than 1,100")
    for changes, words in [({}, "nothing differs"), ({"kind": "killed"}, "nothing differs"),
                           ({"qualifier": "range"}, "low and high"), ({"subject_side": "martians"}, "whose losses"),
                           ({"value": -5}, "zero or more"), ({"figure_date": "2099-01-01"}, "outside"),
                           ({"value_low": 10, "value_high": 5, "qualifier": "range", "value": None}, "above the high"),
                           ({"sentence": "x"}, "cannot be corrected")]:
        with pytest.raises(corr.CorrectionError, match=words):
            corr.make("figure", row, "correct", changes)


def test_ingests_keep_corrections_and_rule_changes_find_their_rows_again(db, tmp_path, monkeypatch):
    fix = corr.make("figure", raw(db, "250"), "correct", {"value": 260, "place": "Toretsk"}, note="typo")
    rej = corr.make("figure", raw(db, "Dozens"), "reject", note="background")
    ev = corr.make("event", raw(db, "captured", "event"), "correct", {"claimant_side": "russia"})
    corr.save(db, [fix, rej, ev])
    old_ids = {raw(db, w)["figure_id"] for w in ("250", "Dozens")}

    # 1. the same articles again: nothing changes
    report = ingest(tmp_path, db, records())
    assert report.unchanged == 2
    assert shown(db, "250")[0]["value"] == 260 and shown(db, "Dozens") == []

    # 2. the articles changed upstream (a new first line): every offset and id moves
    report = ingest(tmp_path, db, records("A new line of background.\n" + ART1, "Updated.\n" + ART2))
    assert report.replaced == 2
    assert {raw(db, w)["figure_id"] for w in ("250", "Dozens")}.isdisjoint(old_ids)
    assert shown(db, "250")[0]["value"] == 260 and shown(db, "Dozens") == []
    assert shown(db, "captured", "events")[0]["claimant_side"] == "russia"
    states = dict(query(db, "SELECT correction_id, action FROM corrections"))
    assert len(states) == 3                                  # the ingest never touched the table
    got = mdb.rows(db, "SELECT state, matched_id FROM corrections WHERE correction_id = ?", [fix.correction_id])
    assert got == [{"state": "applied", "matched_id": raw(db, "250")["figure_id"]}]

    # 3. new rules: killed is read as killed_or_wounded (kind is part of the id) -> re-extraction
    original = figure_rules.extract_figures

    def new_rules(ctx):
        out = original(ctx)
        for f in out:
            if f.kind == "killed":
                f.kind = "killed_or_wounded"
        return out
    monkeypatch.setattr(figure_rules, "extract_figures", new_rules)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "rules-changed")
    report = ingest(tmp_path, db, records("A new line of background.\n" + ART1, "Updated.\n" + ART2))
    assert report.replaced == 2
    assert raw(db, "250")["kind"] == "killed_or_wounded"
    assert shown(db, "250")[0]["value"] == 260 and shown(db, "Dozens") == []

    # 4. rules that no longer read the number at all: the correction is orphaned, listed, not lost
    def drop_250(ctx):
        return [f for f in new_rules(ctx) if f.number_text != "250"]
    monkeypatch.setattr(figure_rules, "extract_figures", drop_250)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "rules-dropped")
    ingest(tmp_path, db, records("A new line of background.\n" + ART1, "Updated.\n" + ART2))
    assert query(db, "SELECT count(*) FROM figures WHERE number_text = '250'") == [(0,)]
    got = mdb.rows(db, "SELECT state, matched_id, words, sentence FROM corrections WHERE correction_id = ?",
                   [fix.correction_id])
    assert got[0]["state"] == "orphaned" and got[0]["matched_id"] is None
    assert got[0]["words"] == "250" and "General Staff" in got[0]["sentence"]
    assert len(export.table(db, "corrections")) == 3

    # 5. the number is back: so is the correction
    monkeypatch.setattr(figure_rules, "extract_figures", original)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "rules-restored")
    ingest(tmp_path, db, records())
    assert shown(db, "250")[0]["value"] == 260
    assert mdb.rows(db, "SELECT state FROM corrections WHERE correction_id = ?", [fix.correction_id]) == \
        [{"state": "applied"}]


def test_a_changed_span_in_the_same_sentence_still_matches(db, tmp_path, monkeypatch):
    corr.save(db, corr.make("figure", raw(db, "more than 1,100"), "correct", {"value": 1200}, note="x"))
    original = figure_rules.extract_figures

    def narrower(ctx):   # new rules keep only the digits as the number's words
        out = original(ctx)
        for f in out:
            if f.number_text == "more than 1,100":
                f.span_start += len("more than ")
                f.number_text = ctx.text[f.span_start:f.span_end]
        return out
    monkeypatch.setattr(figure_rules, "extract_figures", narrower)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "narrower")
    ingest(tmp_path, db, records())
    assert shown(db, "1,100")[0]["value"] == 1200


def test_two_corrections_of_one_row_the_later_applies(db):
    row = raw(db, "14")
    first = corr.make("figure", row, "correct", {"value": 15})
    corr.save(db, first)
    second = corr.Correction(**{**first.__dict__, "correction_id": "someone-else", "changes": {"value": 16},
                                "span_start": None, "updated_at": None})
    corr.save(db, second)
    assert shown(db, "14")[0]["value"] == 16
    states = dict(query(db, "SELECT correction_id, 'x' FROM corrections"))
    assert len(states) == 2
    assert mdb.rows(db, "SELECT state FROM corrections WHERE correction_id = ?", [first.correction_id]) == \
        [{"state": "superseded"}]


def test_export_and_import_between_two_databases(db, tmp_path):
    corr.save(db, [corr.make("figure", raw(db, "About 40"), "correct",
                             {"claimant": HYPERLINK, "claimant_side": "third_party", "value": 42},
                             note="@analyst said so", author="-AB"),
                   corr.make("figure", raw(db, "Dozens"), "reject", note="+background"),
                   corr.make("event", raw(db, "captured", "event"), "confirm")])
    con = store.connect_read(db)
    items = corr.read_all(con)
    con.close()
    assert len(items) == 3
    # as the Review page writes them: stamped with the snapshot they were made on
    as_json, as_csv = corr.dump_json(items, {"snapshot_id": "abc123def456"}), corr.dump_csv(items, "abc123def456")
    rows = list(csv.reader(io.StringIO(as_csv.decode("utf-8-sig"))))
    assert rows[0][-1] == "snapshot_id" and {r[-1] for r in rows[1:]} == {"abc123def456"}
    flat = [c for r in rows for c in r]
    assert "'" + HYPERLINK in flat and "'@analyst said so" in flat and "'+background" in flat and "'-AB" in flat
    assert as_csv.startswith(b"\xef\xbb\xbf")

    for blob, name in [(as_json, "c.json"), (as_csv, "c.csv")]:
        other = build_db(tmp_path / name, paths=[write_jsonl(tmp_path, records(), f"{name}.jsonl")])
        good, bad = corr.parse_file(blob, name)
        assert bad == [] and len(good) == 3
        report = corr.merge(other, good)
        assert (report.added, report.updated, report.unchanged) == (3, 0, 0)
        [now] = shown(other, "About 40")
        assert (now["claimant"], now["value"], now["review_note"]) == (HYPERLINK, 42, "@analyst said so")
        assert shown(other, "Dozens") == []
        assert shown(other, "captured", "events")[0]["review_status"] == "confirmed"
        again = corr.merge(other, corr.parse_file(blob, name)[0])
        assert (again.added, again.unchanged) == (0, 3)
        mdb.close_all()


def test_import_keeps_the_later_edit_and_reports_bad_records(db):
    c = corr.make("figure", raw(db, "14"), "correct", {"value": 15})
    corr.save(db, c)
    con = store.connect_read(db)
    [mine] = corr.read_all(con)
    con.close()
    older = {**json.loads(corr.dump_json([mine]))["corrections"][0], "changes": {"value": 99},
             "updated_at": "2001-01-01T00:00:00"}
    doc = {"format": corr.FORMAT, "version": 1,
           "corrections": [older, {"item": "figure", "action": "explode"}, "nonsense",
                           {**older, "correction_id": "new-one", "changes": {"subject_side": "martians"}}]}
    good, bad = corr.parse_file(json.dumps(doc).encode(), "team.json")
    assert len(good) == 1 and [w for w, _ in bad] == ["record 2", "record 3", "record 4"]
    assert "martians" in bad[2][1]
    report = corr.merge(db, good)
    assert report.kept_newer == 1
    assert shown(db, "14")[0]["value"] == 15
    for blob in (b"not json at all {", b'{"format": "something else"}', b"\xff\xfe\x00"):
        with pytest.raises(corr.CorrectionError):
            corr.parse_file(blob, "x.json")


def test_a_running_ingest_holds_corrections_back(db):
    c = corr.make("figure", raw(db, "14"), "correct", {"value": 15})
    held, release = threading.Event(), threading.Event()

    def writer():
        with store.open_writer(db):
            held.set()
            release.wait(10)
    t = threading.Thread(target=writer)
    t.start()
    held.wait(10)
    try:
        with pytest.raises(StoreBusy):
            corr.save(db, c, wait=0.3)
    finally:
        release.set()
        t.join()
    corr.save(db, c, wait=5)
    assert shown(db, "14")[0]["value"] == 15


def test_older_database_reads_without_a_corrections_table(tmp_path):
    src = write_jsonl(tmp_path, records())
    path = build_db(tmp_path, paths=[src])
    import duckdb
    con = duckdb.connect(str(path))        # as a database from before corrections was: no such table
    con.execute("DROP TABLE corrections")
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    con.close()
    assert query(path, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'corrections'") == [(0,)]
    mdb.close_all()
    assert mdb.rows(path, "SELECT count(*) AS n FROM corrections") == [{"n": 0}]
    assert export.view_count(path, Filters()) == query(path, "SELECT count(*) FROM figures")[0][0]
    corr.save(path, corr.make("figure", raw(path, "14"), "correct", {"value": 15}))   # migrates forward
    assert query(path, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(schema.SCHEMA_VERSION),)]
    assert shown(path, "14")[0]["value"] == 15
    mdb.close_all()


def test_snapshot_id_depends_on_data_and_filters_only(db):
    a = export.stamp(db, Filters())
    b = export.stamp(db, Filters())
    assert a["snapshot_id"] == b["snapshot_id"]
    assert export.stamp(db, Filters(city=("Toretsk",)))["snapshot_id"] != a["snapshot_id"]
    corr.save(db, corr.make("figure", raw(db, "14"), "correct", {"value": 15}))
    c = export.stamp(db, Filters())
    assert c["snapshot_id"] != a["snapshot_id"] and c["corrections_applied"] == 1
    assert c["snapshot_id"] in c["citation"] and "1 analyst corrections applied" in c["citation"]


def test_the_same_snapshot_gives_the_same_files(db):
    """Files depend on the data, the filters and the stamp, not on the clock: the Data page
    rebuilds them on every rerun, and a changed file would move its download address."""
    import datetime as dt
    t = dt.datetime(2025, 3, 1, 12, 0, 6, tzinfo=dt.timezone.utc)
    meta = export.stamp(db, Filters(), now=t)
    first = [export.zip_all(db, Filters(), meta), export.filtered_zip(db, Filters(), meta),
             export.xlsx(db, Filters(), meta)]
    mdb.close_all()          # rebuilt from scratch, a moment later
    time.sleep(1.1)
    again = [export.zip_all(db, Filters(), meta), export.filtered_zip(db, Filters(), meta),
             export.xlsx(db, Filters(), meta)]
    assert first == again
    for blob in first:       # dated by the stamp (zip keeps even seconds), in the entries and the workbook
        assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(blob)).infolist()} == {(2025, 3, 1, 12, 0, 6)}
    from openpyxl import load_workbook
    assert load_workbook(io.BytesIO(first[2])).properties.modified == dt.datetime(2025, 3, 1, 12, 0, 6)
    later = export.stamp(db, Filters(), now=t + dt.timedelta(days=1))
    assert later["snapshot_id"] == meta["snapshot_id"]
    assert export.zip_all(db, Filters(), later) != first[0]      # the export time is in the file


def test_every_export_is_neutralised_stamped_and_marks_corrections(db):
    from openpyxl import load_workbook
    corr.save(db, corr.make("figure", raw(db, "About 40"), "correct",
                            {"claimant": HYPERLINK, "place": "+Toretsk", "value": 42}, note="-note"))
    meta = export.stamp(db, Filters())
    sid = meta["snapshot_id"]
    z = zipfile.ZipFile(io.BytesIO(export.zip_all(db, Filters(), meta)))
    names = z.namelist()
    assert all(sid in n for n in names)
    snap = json.loads(z.read(f"snapshot_{sid}.json"))
    assert snap["snapshot_id"] == sid and snap["citation"] == meta["citation"]
    for name in names:
        if not name.endswith(".csv"):
            continue
        text = z.read(name).decode("utf-8-sig")
        table = list(csv.reader(io.StringIO(text)))
        assert table[0][-1] == "snapshot_id" and all(r[-1] == sid for r in table[1:]), name
        for r in table[1:]:
            for cell in r:
                if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
                    float(cell)   # only a number may start so (a longitude of -25.3)
    figs = list(csv.DictReader(io.StringIO(z.read(f"figures_filtered_{sid}.csv").decode("utf-8-sig"))))
    row = next(r for r in figs if r["number_text"] == "About 40")
    assert (row["claimant"], row["city"], row["value"]) == ("'" + HYPERLINK, "'+Toretsk", "42")
    assert row["review_status"] == "corrected" and row["review_note"] == "'-note"
    assert all("." not in r["value"] for r in figs if r["value"])   # 1100, not 1100.0
    fixes = list(csv.DictReader(io.StringIO(z.read(f"corrections_{sid}.csv").decode("utf-8-sig"))))
    assert [r["state"] for r in fixes] == ["applied"]

    wb = load_workbook(io.BytesIO(export.xlsx(db, Filters(), meta)))
    assert wb.sheetnames[0] == "About this snapshot"
    about = {r[0].value: r[1].value for r in wb["About this snapshot"].iter_rows()}
    assert about["Snapshot id"] == sid and about["Cite as"] == meta["citation"]
    formula_like = 0
    for ws in wb.worksheets:
        for r in ws.iter_rows():
            for cell in r:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.quotePrefix, (ws.title, cell.value)
                    formula_like += 1
    assert formula_like >= 3
    header = [c.value for c in wb["Figures"][1]]
    values = [r[header.index("value")].value for r in wb["Figures"].iter_rows(min_row=2)]
    assert 42 in values and all(not isinstance(v, float) or not v.is_integer() for v in values)
