"""The DuckDB store: schema versions, per-article transactions, the single-writer publish."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from loaders import pipeline, schema, store
from loaders.errors import StoreBusy
from loaders.model import Document, Event, Figure

from conftest import NOW, ROOT, query, table_rows


def extracted(doc_id: str, text: str = "Two people were wounded in Kupiansk, the governor said.", n_figures=2):
    x = pipeline.extract(Document(doc_id=doc_id, text=text, source_path=f"{doc_id}.txt", fmt="txt"), now=NOW)
    x.figures = [Figure(doc_id=doc_id, kind="wounded", value=2.0 + i, value_low=None, value_high=None,
                        qualifier="exact", unit="people", subject_side="civilian", claimant="governor",
                        claimant_side="ukraine", place="Kupiansk", sentence=text, sentence_start=0,
                        span_start=0, span_end=3, number_text="Two", figure_id=f"{doc_id}-f{i}")
                 for i in range(n_figures)]
    x.events = [Event(doc_id=doc_id, event_type="strike", event_date=dt.date(2024, 5, 14), date_precision="day",
                      place="Kupiansk", actor_side="russia", claimant=None, claimant_side="unattributed",
                      sentence=text, sentence_start=0, span_start=10, span_end=17, trigger="wounded",
                      event_id=f"{doc_id}-e")]
    return x


def counts(db: Path, doc_id: str) -> tuple[int, int, int]:
    return tuple(query(db, f"SELECT count(*) FROM {t} WHERE doc_id = ?", [doc_id])[0][0]
                 for t in ("articles", "figures", "events"))


def test_new_database_has_every_table_and_stores_the_schema_version(tmp_path):
    db = tmp_path / "x.duckdb"
    with store.open_writer(db):
        pass
    tables = {r[0] for r in query(db, "SELECT table_name FROM information_schema.tables")}
    assert tables >= {"meta", "articles", "figures", "events", "places"}
    assert query(db, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(schema.SCHEMA_VERSION),)]


def test_older_database_is_migrated_forward(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    with store.open_writer(db) as con:
        store.write_article(con, extracted("a"))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, schema.SCHEMA_VERSION,
                        ["ALTER TABLE articles ADD COLUMN language VARCHAR DEFAULT 'en'"])
    with store.open_writer(db):
        pass
    assert query(db, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(schema.SCHEMA_VERSION),)]
    assert query(db, "SELECT doc_id, language FROM articles") == [("a", "en")]


def test_write_article_reports_loaded_then_unchanged_then_replaced(tmp_path):
    db = tmp_path / "x.duckdb"
    with store.open_writer(db) as con:
        assert store.write_article(con, extracted("a")) == "loaded"
        assert store.write_article(con, extracted("a")) == "unchanged"
        assert store.write_article(con, extracted("a", "Three people were killed.", n_figures=1)) == "replaced"
    assert counts(db, "a") == (1, 1, 1)
    assert query(db, "SELECT text FROM articles") == [("Three people were killed.",)]


def test_unchanged_article_keeps_its_original_load_time(tmp_path):
    db = tmp_path / "x.duckdb"
    first = extracted("a")
    with store.open_writer(db) as con:
        store.write_article(con, first)
    later = extracted("a")
    later.article = dataclasses.replace(later.article, loaded_at=NOW + dt.timedelta(days=3))
    with store.open_writer(db) as con:
        assert store.write_article(con, later) == "unchanged"
    assert query(db, "SELECT loaded_at FROM articles") == [(NOW,)]


def test_exception_in_the_middle_of_an_article_leaves_no_partial_rows(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    with store.open_writer(db) as con:
        store.write_article(con, extracted("good"))
        store.write_article(con, extracted("old", "One person was killed."))
        real_insert = store._insert

        def insert_then_fail(con, table, data):
            real_insert(con, table, data)         # the article row is in...
            if table == "figures":
                raise RuntimeError("disk full")   # ...and then the write dies

        monkeypatch.setattr(store, "_insert", insert_then_fail)
        with pytest.raises(RuntimeError, match="disk full"):
            store.write_article(con, extracted("new"))
        with pytest.raises(RuntimeError, match="disk full"):
            store.write_article(con, extracted("old", "Two people were killed."))  # a failed replacement
        monkeypatch.setattr(store, "_insert", real_insert)
    assert counts(db, "new") == (0, 0, 0)
    assert counts(db, "good") == (1, 2, 1)
    assert counts(db, "old") == (1, 2, 1)   # the old version survives a failed replacement
    assert query(db, "SELECT text FROM articles WHERE doc_id = 'old'") == [("One person was killed.",)]


def test_failed_write_session_leaves_the_live_file_untouched_and_no_temp_files(tmp_path):
    db = tmp_path / "x.duckdb"
    with store.open_writer(db) as con:
        store.write_article(con, extracted("a"))
    before = (db.read_bytes(), store.db_version(db))
    with pytest.raises(KeyboardInterrupt):
        with store.open_writer(db) as con:
            store.write_article(con, extracted("b"))
            raise KeyboardInterrupt
    assert (db.read_bytes(), store.db_version(db)) == before
    assert list(tmp_path.glob("x.duckdb.tmp-*")) == []


def test_temp_file_of_a_killed_writer_is_removed_by_the_next_writer(tmp_path):
    db = tmp_path / "x.duckdb"
    stale = Path(f"{db}.tmp-999999")
    stale.write_bytes(b"half-written")
    with store.open_writer(db) as con:
        store.write_article(con, extracted("a"))
    assert not stale.exists()
    assert counts(db, "a") == (1, 2, 1)


HOLD_LOCK = textwrap.dedent("""
    import sys, time
    from loaders import store
    with store.open_writer(sys.argv[1]):
        print("locked", flush=True)
        time.sleep(30)
""")


def test_second_writer_waits_then_fails_naming_the_process_that_holds_the_lock(tmp_path):
    db = tmp_path / "x.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(StoreBusy) as err:
            with store.open_writer(db, wait=0.5):
                pass
        assert time.monotonic() - started >= 0.5
        assert f"process {holder.pid}" in str(err.value) and str(db) in str(err.value)
    finally:
        holder.kill()
        holder.wait()
    with store.open_writer(db, wait=5):   # a killed holder releases the lock
        pass


def test_reader_keeps_a_snapshot_while_a_writer_publishes_and_sees_a_new_version(tmp_path):
    db = tmp_path / "x.duckdb"
    with store.open_writer(db) as con:
        store.write_article(con, extracted("a"))
    v1 = store.db_version(db)
    reader = store.connect_read(db)
    with store.open_writer(db, wait=1) as con:      # not blocked by the open reader
        store.write_article(con, extracted("b"))
    assert reader.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    reader.close()
    assert store.db_version(db) != v1
    with store.connect_read(db) as fresh:
        assert fresh.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    with pytest.raises(duckdb.Error):
        with store.connect_read(db) as ro:
            ro.execute("DELETE FROM articles")


def test_batch_write_is_all_or_nothing(tmp_path):
    db = tmp_path / "x.duckdb"
    bad = extracted("bad")
    bad.article = dataclasses.replace(bad.article, text=None)   # NOT NULL violation
    with store.open_writer(db) as con:
        with pytest.raises(duckdb.Error):
            store.write_batch(con, [extracted("a"), bad, extracted("c")])
        assert store.write_batch(con, [extracted("a"), extracted("c")]) == ["loaded", "loaded"]
    assert table_rows(db, "articles", "doc_id") == [("a",), ("c",)]


@pytest.mark.parametrize("gazetteer", [
    lambda: [{"name": "Kupiansk", "kind": "city", "oblast": "Kharkiv Oblast", "lat": 49.71, "lon": 37.62,
              "population": 27000},
             {"name": "Kupiansk", "kind": "city"},   # an alias row listed twice keeps the first
             {"name": "Bakhmut", "kind": "city"}],   # a settlement the data does not name
    lambda: [type("P", (), {"name": "Kupiansk", "kind": "city", "oblast": "Kharkiv Oblast", "lat": 49.71,
                            "lon": 37.62, "population": 27000})()],
])
def test_places_table_is_refreshed_from_the_gazetteer_when_one_exists(tmp_path, monkeypatch, gazetteer):
    from loaders import places
    monkeypatch.setattr(places, "gazetteer", gazetteer, raising=False)
    db = tmp_path / "x.duckdb"
    for _ in range(2):
        with store.open_writer(db) as con:
            store.write_article(con, extracted("a"))
            store.refresh_places(con)
    assert query(db, "SELECT name, kind, oblast, lat, lon, population FROM places") == \
        [("Kupiansk", "city", "Kharkiv Oblast", 49.71, 37.62, 27000)]


def test_places_table_holds_the_named_villages_with_how_exact_their_points_are(tmp_path):
    db = tmp_path / "x.duckdb"
    x = extracted("a", "Shelling hit Kupiansk and the village of Hlushkivka.")
    x.events[0].place = "Hlushkivka"
    with store.open_writer(db) as con:
        store.write_article(con, x)
        store.refresh_places(con)
    rows = {r[0]: r[1:] for r in query(
        db, "SELECT name, common_name, kind, oblast, country, approximate, coords FROM places")}
    assert rows["Kupiansk"] == ("Kupiansk", "city", "Kharkiv Oblast", "UA", False, "exact")
    assert rows["Hlushkivka"][1:5] == ("village", "Kharkiv Oblast", "UA", True)   # its hromada's centre
    assert rows["Donetsk Oblast"][1] == "oblast" and rows["Ukraine"][1] == "country"
    assert not any(r[1] in ("city", "town", "village") for n, r in rows.items() if n not in ("Kupiansk", "Hlushkivka"))


def test_export_writes_one_file_per_table_and_stats_counts_rows(tmp_path):
    db = tmp_path / "x.duckdb"
    with store.open_writer(db) as con:
        store.write_article(con, extracted("a"))
    for fmt in ("csv", "parquet"):
        files = store.export(db, tmp_path / fmt, fmt)
        assert sorted(f.name for f in files) == sorted(f"{t}.{fmt}" for t in store.TABLES)
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path}/parquet/figures.parquet'").fetchall() == [(2,)]
    assert (tmp_path / "csv" / "articles.csv").read_text().startswith("doc_id,title,")
    s = store.stats(db)
    assert "figures          2" in s and "wounded" in s and "2024" not in s.split("published")[0]


def test_version_1_database_loses_its_slow_indexes_and_keeps_its_rows(tmp_path):
    db = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(db))
    for name, ddl in schema.TABLES.items():
        con.execute(ddl.replace("figure_id VARCHAR NOT NULL", "figure_id VARCHAR PRIMARY KEY")
                       .replace("event_id VARCHAR NOT NULL", "event_id VARCHAR PRIMARY KEY"))
    con.execute("CREATE INDEX figures_doc ON figures(doc_id)")
    con.execute("CREATE INDEX events_doc ON events(doc_id)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    store._insert_articles(con, [extracted("old")])
    con.close()
    with store.open_writer(db) as con:
        store.write_article(con, extracted("a"))
    assert query(db, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(schema.SCHEMA_VERSION),)]
    assert query(db, "SELECT index_name FROM duckdb_indexes()") == []
    # the data tables are now views over segment files: no index or key slows their loading
    assert query(db, "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' "
                     "AND (table_name LIKE '%figures' OR table_name LIKE '%events')") == []
    assert query(db, "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1") == [
        ("articles",), ("claim_reports",), ("claims",), ("events",), ("evidence",), ("facets",), ("figures",),
        ("figures_by_kind",), ("matrix_cells",), ("per_claim",), ("per_claim_outlet",)]
    assert counts(db, "a") == (1, 2, 1)
    assert counts(db, "old") == (1, 2, 1)


def test_the_same_figure_found_twice_is_stored_once(tmp_path):
    db = tmp_path / "x.duckdb"
    x = extracted("a")
    x.figures.append(dataclasses.replace(x.figures[0]))
    with store.open_writer(db) as con:
        store.write_article(con, x)
    assert counts(db, "a") == (1, 2, 1)
