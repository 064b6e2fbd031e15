"""The segment store: publication, replacement, compaction, garbage collection, crashes.

The crash tests run a real write (an ingest session publishing a segment, or a compaction)
in a subprocess that SIGKILLs itself at the n-th filesystem step (every mkdir, fsync, link,
rename, unlink and rmtree the store makes), for every n. After each kill the live database
must open, hold whole articles only, equal the state before or after the write, and a
following write must succeed and leave no orphan files.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from loaders import compact, segments, store

from conftest import NOW, ROOT, query
from test_store import extracted

TEXT = "Two people were wounded in Kupiansk, the governor said."
CHANGED = "Three people were killed in Kupiansk, the governor said."


def write(db: Path, *docs: tuple[str, str]) -> None:
    with store.open_writer(db) as con:
        store.write_batch(con, [extracted(d, t) for d, t in docs])


def content(db: Path) -> dict:
    """Everything a reader sees, as plain rows (through a plain read-only connection), with the
    sorted copies of figures and events the queries read (figures_by_kind, evidence)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
        return {t: sorted(con.execute(f"SELECT * EXCLUDE (loaded_at) FROM {t}" if t == "articles"
                                      else FACETS if t == "facets" else CLAIMS.format(t=t) if t in segments.CLAIM_BY
                                      else f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in ("articles", "figures", "events", "figures_by_kind", "evidence", "facets", "per_claim",
                          "per_claim_outlet", "matrix_cells")
                if t in views}   # a catalog from before the copies has none
    finally:
        con.close()


FACETS = "SELECT dim, label, day, sum(n) FROM facets GROUP BY ALL HAVING sum(n) <> 0"
# per-claim rows with their lists sorted (a merge of partial rows concatenates lists in any order)
CLAIMS = ("SELECT * REPLACE (list_sort(outlets) AS outlets, list_sort(claimants) AS claimants, "
          "list_sort(figure_ids) AS figure_ids) FROM {t}")


def copies_match(db: Path) -> None:
    """The sorted copies hold exactly the live figures and events."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        for copy, plain in (
                (f"SELECT {', '.join(segments.BY_KIND_COLS)} FROM figures_by_kind",
                 f"SELECT {segments.by_kind_select()} FROM figures"),
                ("SELECT * FROM evidence", f"SELECT * FROM {segments.derived_sql('evidence', 'figures', 'events')}"),
                (FACETS, "SELECT dim, label, day, n FROM "
                         + segments.derived_sql("facets", "figures", "events", "articles")),
                *((CLAIMS.format(t=t), CLAIMS.format(t=segments.derived_sql(t, "figures", "events")))
                  for t in segments.CLAIM_BY),
                # the matrix's cells: as grouping the live figures' claims gives them
                ("SELECT * FROM matrix_cells",
                 "SELECT * FROM " + segments.derived_sql("matrix_cells", "figures", "events"))):
            a = sorted(con.execute(copy).fetchall(), key=repr)
            assert a == sorted(con.execute(plain).fetchall(), key=repr), copy
            assert a, copy
    finally:
        con.close()


def strip_copies(db: Path) -> None:
    """Make the live catalog look like one written before the sorted copies existed: no
    figures_by_kind / evidence columns, shapes or views, no digests, and no such files."""
    con = duckdb.connect(str(db))
    try:
        for t in compact.DERIVED:
            con.execute(f"DROP VIEW {t}")
            con.execute(f"DROP TABLE _shape_{t}")
            con.execute(f"ALTER TABLE _segments DROP COLUMN {t}")
        for t in segments.DIGESTS:
            con.execute(f"ALTER TABLE _segments DROP COLUMN {t}_digest")
    finally:
        con.close()
    for t in compact.DERIVED:
        for f in segments.seg_dir(db).glob(f"*/{t}.parquet"):
            f.unlink()


def catalog(db: Path) -> segments.Catalog:
    return segments.load_live(db)


def seg_dirs(db: Path) -> set[str]:
    root = segments.seg_dir(db)
    return {p.name for p in root.iterdir() if p.is_dir() and p.name != "retired"} if root.exists() else set()


def assert_whole(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    try:
        for t in ("figures", "events"):
            assert con.execute(f"SELECT count(*) FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM articles)"
                               ).fetchone() == (0,), f"orphan {t}"
        n, distinct = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM articles").fetchone()
        assert n == distinct, "an article is visible twice"
        for t, key in (("figures", "figure_id"), ("events", "event_id")):
            n, distinct = con.execute(f"SELECT count(*), count(DISTINCT {key}) FROM {t}").fetchone()
            assert n == distinct, f"duplicate {key}"
    finally:
        con.close()


# --- publication and replacement ---------------------------------------------------------

def test_each_write_session_adds_one_segment_and_replacements_hide_the_old_rows(tmp_path):
    db = tmp_path / "x.duckdb"
    write(db, ("a", TEXT), ("b", TEXT))
    write(db, ("c", TEXT))
    assert len(catalog(db).segments) == 2
    write(db, ("a", CHANGED))                      # a lives in the first segment: tombstoned there
    cat = catalog(db)
    assert len(cat.segments) == 3 and len(cat.tombstones) == 1
    assert query(db, "SELECT doc_id, text FROM articles ORDER BY 1") == [("a", CHANGED), ("b", TEXT), ("c", TEXT)]
    assert query(db, "SELECT DISTINCT sentence FROM figures WHERE doc_id = 'a'") == [(CHANGED,)]
    assert_whole(db)


def test_unchanged_rewrite_publishes_nothing(tmp_path):
    db = tmp_path / "x.duckdb"
    write(db, ("a", TEXT))
    version = store.db_version(db)
    with store.open_writer(db) as con:
        assert store.write_article(con, extracted("a")) == "unchanged"
    assert store.db_version(db) == version


def test_a_long_session_publishes_a_segment_every_flush_and_readers_see_them(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "FLUSH_ARTICLES", 3)
    db = tmp_path / "x.duckdb"
    with store.open_writer(db) as con:
        for i in range(7):
            store.write_article(con, extracted(f"d{i}"))
            if i == 4:
                # the first three are published while the session goes on
                assert query(db, "SELECT count(*) FROM articles") == [(3,)]
        store.write_article(con, extracted("d1", CHANGED))   # published earlier in this session
    assert query(db, "SELECT count(*) FROM articles") == [(7,)]
    assert query(db, "SELECT text FROM articles WHERE doc_id = 'd1'") == [(CHANGED,)]
    assert len(catalog(db).segments) == 3
    assert_whole(db)


def test_database_moved_with_its_segments_still_reads(tmp_path):
    db = tmp_path / "a" / "x.duckdb"
    write(db, ("a", TEXT))
    moved = tmp_path / "b"
    (tmp_path / "a").rename(moved)
    con = store.connect_read(moved / "x.duckdb")     # the app's reader re-points its views
    assert con.execute("SELECT doc_id FROM articles").fetchall() == [("a",)]
    con.close()
    write(moved / "x.duckdb", ("b", TEXT))           # and the next writer fixes the file
    assert query(moved / "x.duckdb", "SELECT count(*) FROM articles") == [(2,)]


def test_native_database_is_converted_to_segments_keeping_its_rows(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    from loaders import schema
    for ddl in schema.TABLES.values():
        con.execute(ddl)
    con.execute("ALTER TABLE articles DROP COLUMN source_hash")
    for t in ("figures", "events"):
        for c in ("city", "day", "outlet"):
            con.execute(f"ALTER TABLE {t} DROP COLUMN {c}")
    con.execute("INSERT INTO meta VALUES ('schema_version', '4')")
    x = extracted("old")
    for t, rows_ in (("articles", [x.article]), ("figures", x.figures), ("events", x.events)):
        cols = [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall()]
        con.executemany(f"INSERT INTO {t} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                        [tuple(getattr(r, c) for c in cols) for r in rows_])
    con.close()
    write(db, ("new", TEXT))
    assert query(db, "SELECT value FROM meta WHERE key = 'store'") == [(segments.FORMAT,)]
    assert query(db, "SELECT doc_id FROM articles ORDER BY 1") == [("new",), ("old",)]
    # the precomputed columns are filled for the converted rows too
    assert query(db, "SELECT DISTINCT city, outlet IS NULL FROM figures WHERE doc_id = 'old'") == [("Kupiansk", True)]
    assert query(db, "SELECT count(*) FROM figures f JOIN articles a USING (doc_id) "
                     "WHERE f.day IS DISTINCT FROM coalesce(f.figure_date, a.published)") == [(0,)]


# --- compaction -----------------------------------------------------------------------------

def many_segments(db: Path, n: int = compact.FANOUT) -> None:
    for i in range(n):
        write(db, (f"d{i}", TEXT))


def test_compaction_merges_a_full_tier_into_one_segment_with_the_same_content(tmp_path):
    db = tmp_path / "x.duckdb"
    many_segments(db)
    write(db, ("d2", CHANGED))          # a tombstone in one of the inputs
    before = content(db)
    assert len(catalog(db).segments) == compact.FANOUT + 1
    assert compact.compact(db) >= 1
    cat = catalog(db)
    assert len(cat.segments) == 1 and not cat.tombstones   # the emptied segment is dropped, 8 merged
    assert content(db) == before
    for meta in (segments.seg_dir(db) / "retired").glob("*.json"):
        os.utime(meta, (0, 0))                   # past the grace period
    write(db, ("late", TEXT))                    # the next publication deletes what nobody reads
    assert seg_dirs(db) == set(catalog(db).segments)
    assert_whole(db)


def test_a_replacement_published_during_compaction_moves_to_the_merged_segment(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    many_segments(db)
    real = store.write_segment
    done = []

    def replace_meanwhile(con, db_, seg, sources):
        info = real(con, db_, seg, sources)
        if not done:
            done.append(seg)
            write(db, ("d5", CHANGED))           # an ingest publishes while the merge is written
        return info

    monkeypatch.setattr(store, "write_segment", replace_meanwhile)
    compact.compact(db, max_rounds=1)
    monkeypatch.setattr(store, "write_segment", real)
    assert query(db, "SELECT text FROM articles WHERE doc_id = 'd5'") == [(CHANGED,)]
    assert query(db, "SELECT count(*) FROM articles") == [(compact.FANOUT,)]
    assert_whole(db)


def test_a_reader_in_another_process_keeps_its_snapshot_through_compaction(tmp_path):
    db = tmp_path / "x.duckdb"
    many_segments(db)
    old = seg_dirs(db)
    reader = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys, duckdb
        con = duckdb.connect(sys.argv[1], read_only=True)
        print(con.execute("SELECT count(*) FROM figures").fetchone()[0], flush=True)
        sys.stdin.readline()
        print(con.execute("SELECT count(*) FROM figures").fetchone()[0], flush=True)
    """), str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        first = reader.stdout.readline().strip()
        os.utime(next(segments.seg_dir(db).glob("retired/*.json"), db), (0, 0)) \
            if (segments.seg_dir(db) / "retired").exists() else None
        compact.compact(db)
        assert old <= seg_dirs(db), "segments the open reader needs were deleted"
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == first
    finally:
        reader.kill()
        reader.wait()
    for meta in (segments.seg_dir(db) / "retired").glob("*.json"):
        os.utime(meta, (0, 0))                      # past the grace period
    write(db, ("late", TEXT))                       # the next publication collects them
    assert seg_dirs(db) == set(catalog(db).segments)


def test_an_in_process_reader_keeps_its_snapshot_through_compaction(tmp_path):
    db = tmp_path / "x.duckdb"
    many_segments(db)
    reader = store.connect_read(db)
    n = reader.execute("SELECT count(*) FROM figures").fetchone()
    for meta in (segments.seg_dir(db) / "retired").glob("*.json"):
        os.utime(meta, (0, 0))
    compact.compact(db)
    assert reader.execute("SELECT count(*) FROM figures").fetchone() == n
    reader.close()


# --- kills at every filesystem step ---------------------------------------------------------

CRASH = textwrap.dedent("""
    import os, shutil, signal, sys
    sys.path.insert(0, sys.argv[4])
    from loaders import compact, store
    from test_store import extracted
    n, count = int(sys.argv[2]), [0]
    def step(fn):
        def wrapped(*a, **k):
            count[0] += 1
            if count[0] == n:
                os.kill(os.getpid(), signal.SIGKILL)
            return fn(*a, **k)
        return wrapped
    for mod, name in ((os, "replace"), (os, "rename"), (os, "link"), (os, "fsync"), (os, "unlink"),
                      (os, "remove"), (os, "mkdir"), (shutil, "rmtree")):
        setattr(mod, name, step(getattr(mod, name)))
    db = sys.argv[1]
    if sys.argv[3] == "derive":
        compact.compact(db)
    elif sys.argv[3] == "ingest":
        with store.open_writer(db) as con:
            store.write_batch(con, [extracted("d1", "Three people were killed in Kupiansk, the governor said."),
                                    extracted("new1"), extracted("new2")])
    else:
        compact.compact(db)
    print("steps", count[0])
""")


def run_crash(db: Path, n: int, what: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CRASH, str(db), str(n), what, str(ROOT / "tests")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def base(db: Path, what: str = "") -> None:
    if what == "derive":          # segments from before the sorted copies: compaction derives them
        many_segments(db, 3)
        write(db, ("d1", CHANGED))
        strip_copies(db)
        return
    many_segments(db)
    write(db, ("d3", CHANGED))    # one tombstone


def age_retired(db: Path) -> None:
    """Put retired catalogs past their grace period (their readers are gone)."""
    for meta in (segments.seg_dir(db) / "retired").glob("*.json"):
        os.utime(meta, (0, 0))


def the_write(db: Path, what: str) -> None:
    """What the crash script does, in this process."""
    if what == "ingest":
        write(db, ("d1", "Three people were killed in Kupiansk, the governor said."), ("new1", TEXT), ("new2", TEXT))
    else:
        compact.compact(db)


@pytest.mark.timeout(900)
@pytest.mark.parametrize("what", ["ingest", "compaction", "derive"])
def test_a_kill_at_any_step_of_publication_leaves_the_live_data_whole(tmp_path, what):
    import shutil
    db = tmp_path / "work" / "x.duckdb"
    base(db, what)
    template = tmp_path / "template"
    shutil.copytree(db.parent, template)          # restored to the same path before every kill
    before = content(db)
    done = run_crash(db, 0, what)
    assert done.returncode == 0, done.stderr
    steps = int(done.stdout.split()[-1])
    after = content(db)
    copies_match(db)
    assert steps >= 8, done.stdout
    if what == "compaction":
        assert after == before and len(catalog(db).segments) < compact.FANOUT
    elif what == "derive":         # the same rows, now with the copies beside them
        assert {t: after[t] for t in before} == before and compact.pending(db) == (0, 0)
        copies_match(db)
    else:
        assert after != before
    for n in range(1, steps + 1):
        shutil.rmtree(db.parent)
        shutil.copytree(template, db.parent)
        r = run_crash(db, n, what)
        assert r.returncode == -9, f"step {n}: {r.stdout} {r.stderr}"
        assert_whole(db)
        assert content(db) in (before, after), f"killed at step {n}: neither the old nor the new state"
        if "evidence" in content(db):          # the derived files (matrix cells too) hold the live rows
            copies_match(db)
        # the next writer finishes the job and leaves nothing behind
        age_retired(db)
        the_write(db, what)
        assert content(db) == after, f"after a kill at step {n}"
        assert not list(db.parent.glob("x.duckdb.tmp-*")), f"step {n}: staging files left"
        age_retired(db)
        write(db, ("final", TEXT))                   # a publication collects any orphan segment
        assert seg_dirs(db) == set(catalog(db).segments), f"step {n}: orphan segments left"


def test_sorted_copies_are_written_with_each_segment_and_follow_replacements_and_compaction(tmp_path):
    db = tmp_path / "x.duckdb"
    many_segments(db)
    assert all(i["figures_by_kind"] == i["figures"] and i["evidence"] == i["figures"] + i["events"] and i["facets"]
               for i in catalog(db).segments.values())
    write(db, ("d0", CHANGED), ("e", TEXT))             # a tombstone, and a segment beside it
    copies_match(db)
    from metrics import db as mdb
    from metrics import overview
    mdb.close_all()                                     # the sidebar's options: from facets, as from every row
    assert overview.options.__wrapped__(str(db)) == overview._options_scanned(str(db))
    assert "Kupiansk" in overview.options.__wrapped__(str(db))["city"]
    mdb.close_all()
    compact.compact(db)
    assert len(catalog(db).segments) == 1
    copies_match(db)
    order = duckdb.connect().execute(f"""SELECT kind, day FROM read_parquet(
        {segments.sql_str(segments.seg_path(db, next(iter(catalog(db).segments)), 'figures_by_kind'))})""").fetchall()
    assert order == sorted(order, key=lambda r: r[0])   # by kind: a kind's rows are contiguous


def test_segments_written_before_the_sorted_copies_are_read_the_same_and_compaction_derives_them(tmp_path):
    db = tmp_path / "x.duckdb"
    many_segments(db, 3)
    write(db, ("d1", CHANGED))
    want = content(db)
    strip_copies(db)
    assert segments.read_catalog(duckdb.connect(str(db), read_only=True)).segments   # old _segments columns
    # the app's reader: the copies come from figures and events while the files are missing
    from metrics import db as mdb
    mdb.close_all()
    got = [tuple(r.values()) for r in mdb.rows(db, "SELECT * EXCLUDE (review_status) FROM evidence")]
    assert sorted(got, key=repr) == want["evidence"]
    mdb.close_all()
    write(db, ("d2", CHANGED))                # a writer publishes a current catalog: derived as read
    copies_match(db)
    assert compact.pending(db)[0] >= 2        # the older segments lack the files
    now = content(db)
    compact.compact(db)
    assert compact.pending(db) == (0, 0)
    assert all(i["figures_by_kind"] and i["evidence"] and i["facets"] for i in catalog(db).segments.values())
    assert all(segments.seg_path(db, s, t).exists() for s in catalog(db).segments for t in compact.DERIVED)
    assert content(db) == now
    copies_match(db)
    assert_whole(db)


def stamp_both_ways(db: Path, monkeypatch) -> tuple[str, str, dict]:
    """The snapshot stamp's content digest from the catalog's digests, and from every row."""
    from metrics import db as mdb
    from metrics import export
    mdb.close_all()
    stored = export._stored_digests(str(db))
    fast = export.content_hash.__wrapped__(str(db))
    with monkeypatch.context() as m:
        m.setattr(export, "_stored_digests", lambda db: {})
        slow = export.content_hash.__wrapped__(str(db))
    mdb.close_all()
    return fast, slow, stored


def test_the_stamp_from_the_catalogs_digests_equals_hashing_every_row(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    many_segments(db, 3)
    write(db, ("d1", CHANGED), ("e", TEXT))          # a tombstone: its rows' hashes are taken out
    fast, slow, stored = stamp_both_ways(db, monkeypatch)
    assert fast == slow and set(stored) == {"articles", "figures", "events"}
    assert stored["articles"][0] == 4
    strip_copies(db)                                  # segments without digests: hashed row by row
    assert stamp_both_ways(db, monkeypatch)[:2] == (slow, slow)
    write(db, ("f", TEXT))
    fast, slow, stored = stamp_both_ways(db, monkeypatch)
    assert fast == slow and not stored.get("figures")
    compact.compact(db)                               # derives the digests of the older segments
    fast2, slow2, stored = stamp_both_ways(db, monkeypatch)
    assert fast2 == slow2 and set(stored) == {"articles", "figures", "events"}


def test_claim_reports_are_written_with_each_segment_and_follow_replacements_and_compaction(tmp_path):
    db = tmp_path / "x.duckdb"
    many_segments(db)                                   # 8 articles, 2 figures each: 16 claims
    assert query(db, "SELECT count(*), sum(mentions) FROM claim_reports") == [(16, 16)]
    write(db, ("d0", CHANGED))
    # one report per claim and article, from the live figures only
    want = query(db, """SELECT coalesce(nullif(claim_key, ''), figure_id), doc_id, count(*) FROM figures
                        GROUP BY ALL ORDER BY ALL""")
    got = query(db, "SELECT claim_key, doc_id, mentions FROM claim_reports ORDER BY ALL")
    assert got == want
    compact.compact(db)
    assert query(db, "SELECT claim_key, doc_id, mentions FROM claim_reports ORDER BY ALL") == want
    (n, reports), = query(db, "SELECT count(*), sum(reports) FROM claims")
    assert reports == len(want) and n == len({k for k, _, _ in want})


def test_a_database_name_with_odd_characters_works(tmp_path):
    db = tmp_path / "my data-1 'x'.duckdb"     # DuckDB names the staging database after the file
    write(db, ("a", TEXT))
    write(db, ("a", CHANGED), ("b", TEXT))
    assert query(db, "SELECT doc_id, text FROM articles ORDER BY 1") == [("a", CHANGED), ("b", TEXT)]


def test_big_merges_run_in_a_detached_compactor_process(tmp_path):
    import time
    db = tmp_path / "x.duckdb"
    many_segments(db)
    before = content(db)
    assert compact.after_ingest(db, background=True) == "background"
    deadline = time.monotonic() + 120
    while len(catalog(db).segments) > 1:
        assert time.monotonic() < deadline, (segments.seg_dir(db) / "compact.log").read_text()
        time.sleep(0.2)
    assert content(db) == before
    assert_whole(db)


def test_matrix_cells_follow_a_replacement_in_the_largest_segment(tmp_path, monkeypatch):
    """The largest segment's stored cells are read as they are but for the cells its replaced
    articles' figures lay in (re-aggregated), here a cell no other segment's claims fall in."""
    import dataclasses
    import pandas as pd
    from metrics import db as mdb
    db = tmp_path / "x.duckdb"
    write(db, ("a", TEXT), ("b", TEXT), ("c", TEXT))     # a, b and c report the same two claims
    x = extracted("a", CHANGED)
    x.figures = [dataclasses.replace(f, kind="killed") for f in x.figures]    # a's figures now in another cell
    with store.open_writer(db) as con:
        store.write_batch(con, [x])
    cat = catalog(db)
    big = max(cat.segments, key=lambda s: cat.segments[s]["figures"])
    assert {s for s, _ in cat.tombstones} == {big} and len(cat.segments) == 2
    copies_match(db)                                     # the catalog's own view
    monkeypatch.setattr(segments, "STORED_SHARE", 0.0)   # the app's reader: re-aggregated once when it opens
    mdb.close_all()
    got = mdb.query(db, "SELECT * FROM matrix_cells ORDER BY ALL")
    want = mdb.query(db, "SELECT * FROM " + segments.derived_sql("matrix_cells", "figures", "events") + " ORDER BY ALL")
    pd.testing.assert_frame_equal(got, want)
    assert sorted(zip(got["kind"], got["reports"])) == [("killed", 1), ("wounded", 2)]
    assert mdb.query(db, "SELECT count(*) AS n FROM matrix_cells_touched")["n"].iloc[0] == 2
    mdb.close_all()
