"""Crashes and concurrent writers, through the real CLI in subprocesses.

- An ingest killed with SIGKILL while it writes leaves a database that opens and is
  consistent (no partial article, no orphan figure), and running it again completes the
  load with nothing duplicated: the result equals a clean load of the same files.
- Two ingests at once: the second waits (and then sees the first one's data) or fails
  with a clear message; neither corrupts anything; readers keep working meanwhile.

Corpora come from bench/generate.py (a few hundred articles, txt + JSONL).
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "articles"
NOW = dt.datetime(2026, 1, 2, 3, 4, 5)
psutil = pytest.importorskip("psutil")
N = 600   # enough that the first write batch (256 articles) lands well before the end


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from bench.generate import generate
    root = generate(N, seed=11, target=tmp_path_factory.mktemp("corpus") / "c",
                    mix={"txt": 60, "jsonl": 40}, quiet=True)
    return root


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """A clean, uninterrupted load of the samples then the corpus."""
    from loaders.ingest import ingest
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    ingest([SAMPLES], db, progress=False, now=NOW)
    r = ingest(paths(corpus), db, progress=False, now=NOW, workers=2)
    assert r.loaded == N and not r.failed, r.summary()
    return db


def paths(corpus: Path) -> list[Path]:
    return [corpus / "txt", corpus / "jsonl"]


def rows(db: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


FIG_COLS = ("figure_id, doc_id, kind, value, value_low, value_high, qualifier, subject_side, claimant, "
            "claimant_side, place, span_start, span_end, number_text")
EV_COLS = "event_id, doc_id, event_type, event_date, place, actor_side, span_start, span_end"


def snapshot(db: Path) -> dict:
    return {
        "articles": sorted(rows(db, "SELECT doc_id, content_hash, text FROM articles")),
        "figures": sorted(rows(db, f"SELECT {FIG_COLS} FROM figures"), key=repr),
        "events": sorted(rows(db, f"SELECT {EV_COLS} FROM events"), key=repr),
    }


def assert_consistent(db: Path) -> None:
    """Opens; no orphan rows; no duplicate ids; every span reproduces its words."""
    assert rows(db, "SELECT count(*) FROM figures WHERE doc_id NOT IN (SELECT doc_id FROM articles)")[0][0] == 0
    assert rows(db, "SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM articles)")[0][0] == 0
    for table, key in (("articles", "doc_id"), ("figures", "figure_id"), ("events", "event_id")):
        n, distinct = rows(db, f"SELECT count(*), count(DISTINCT {key}) FROM {table}")[0]
        assert n == distinct, f"duplicate {key} in {table}"
    bad = rows(db, """SELECT f.figure_id FROM figures f JOIN articles a USING (doc_id)
                      WHERE substr(a.text, f.span_start + 1, f.span_end - f.span_start) <> f.number_text""")
    assert not bad, bad[:5]


def assert_whole_articles(db: Path, reference: Path) -> None:
    """Every article present has exactly the figures and events a clean load gives it."""
    docs = [d for (d,) in rows(db, "SELECT doc_id FROM articles")]
    if not docs:
        return
    for cols, table in ((FIG_COLS, "figures"), (EV_COLS, "events")):
        q = f"SELECT {cols} FROM {table} WHERE doc_id IN (SELECT unnest(?)) "
        got = sorted(rows(db, q, [docs]), key=repr)
        want = sorted(rows(reference, q, [docs]), key=repr)
        assert got == want, f"{table} of the stored articles differ from a clean load (partial article?)"


def start_cli(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "loaders", "ingest", *args, "--no-progress"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


def wait_for(pred, timeout: float, what: str) -> None:
    t0 = time.monotonic()
    while not pred():
        assert time.monotonic() - t0 < timeout, f"timed out waiting for {what}"
        time.sleep(0.02)


def writing_started(db: Path, proc: subprocess.Popen) -> bool:
    """The writer holds its private copy and has written rows to it (WAL or grown file)."""
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.communicate()[0]}"
    tmps = [Path(p) for p in glob.glob(glob.escape(str(db)) + ".tmp-*") if not p.endswith(".wal")]
    base = db.stat().st_size if db.exists() else 0
    for t in tmps:
        wal = Path(f"{t}.wal")
        if (wal.exists() and wal.stat().st_size > 0) or (t.exists() and t.stat().st_size > base):
            return True
    return False


def kill_tree(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def test_sigkill_mid_ingest_then_rerun(tmp_path, corpus, reference):
    from loaders.ingest import ingest

    db = tmp_path / "live.duckdb"
    ingest([SAMPLES], db, progress=False, now=NOW)
    before = snapshot(db)

    proc = start_cli([*map(str, paths(corpus)), "--db", str(db), "--workers", "2"])
    try:
        wait_for(lambda: writing_started(db, proc), 90, "the ingest to start writing")
        time.sleep(0.1)
        children = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)           # the parent only, as the OOM killer would
        proc.wait(timeout=10)
        # the worker processes must not outlive their parent for long
        gone, alive = psutil.wait_procs(children, timeout=10)
    finally:
        kill_tree(proc)
    for p in alive:
        p.kill()
    assert proc.returncode == -signal.SIGKILL

    # the live database opens, is consistent, and holds no partial article
    assert_consistent(db)
    assert_whole_articles(db, reference)
    after_kill = snapshot(db)
    assert {d for d, *_ in before["articles"]} <= {d for d, *_ in after_kill["articles"]}

    # running it again completes the load, nothing duplicated: same as a clean load
    r = ingest(paths(corpus), db, progress=False, now=NOW, workers=2)
    assert not r.failed, r.summary()
    assert r.loaded + r.unchanged + r.replaced == N
    assert_consistent(db)
    assert snapshot(db) == snapshot(reference)
    assert not glob.glob(glob.escape(str(db)) + ".tmp-*"), "stale writer copies left behind"

    # and once more: nothing changes
    r = ingest(paths(corpus), db, progress=False, now=NOW, workers=2)
    assert (r.loaded, r.replaced, r.unchanged) == (0, 0, N), r.summary()
    assert snapshot(db) == snapshot(reference)

    assert not alive, (f"{len(alive)} extraction worker(s) still running 10 s after their ingest was "
                       "SIGKILLed (orphaned Pool workers)")


def test_two_ingests_at_once_second_fails_clearly(tmp_path, corpus, reference):
    db = tmp_path / "two.duckdb"
    # the whole corpus: on a loaded machine the refused ingest's start-up (imports) must not
    # outlast the first ingest, or there is no lock left to refuse it
    first = start_cli([*map(str, paths(corpus)), "--db", str(db), "--workers", "1"])
    try:
        wait_for(lambda: bool(glob.glob(glob.escape(str(db)) + ".tmp-*")) or first.poll() is not None, 60,
                 "the first ingest to take the writer lock")
        assert first.poll() is None, first.communicate()[0]
        second = subprocess.run([sys.executable, "-m", "loaders", "ingest", str(SAMPLES), "--db", str(db),
                                 "--wait", "0", "--no-progress"], cwd=ROOT, capture_output=True, text=True,
                                timeout=60)
        out = second.stdout + second.stderr
        assert second.returncode != 0, out
        assert "Traceback" not in out
        assert str(db) in out or db.name in out, out
        assert str(first.pid) in out, f"the message should name the writing process {first.pid}: {out}"
        # a reader can still open the live file while the first one writes
        if db.exists():
            rows(db, "SELECT count(*) FROM articles")
        out_first, _ = first.communicate(timeout=180)
    finally:
        kill_tree(first)
    assert first.returncode == 0, out_first
    assert_consistent(db)
    ids = {d for (d,) in rows(db, "SELECT doc_id FROM articles")}
    assert ids and all(d.startswith("syn-") for d in ids), "the refused ingest wrote something"
    assert_whole_articles(db, reference)


def test_two_ingests_at_once_second_waits_and_keeps_both(tmp_path, corpus, reference):
    db = tmp_path / "wait.duckdb"
    first = start_cli([str(corpus / "jsonl"), "--db", str(db), "--workers", "1"])
    try:
        wait_for(lambda: bool(glob.glob(glob.escape(str(db)) + ".tmp-*")) or first.poll() is not None, 60,
                 "the first ingest to take the writer lock")
        assert first.poll() is None, first.communicate()[0]
        second = start_cli([str(SAMPLES), "--db", str(db), "--wait", "180"])
        out_first, _ = first.communicate(timeout=180)
        out_second, _ = second.communicate(timeout=180)
    finally:
        kill_tree(first)
        if "second" in locals():
            kill_tree(second)
    assert first.returncode == 0, out_first
    assert second.returncode == 0, out_second
    assert_consistent(db)
    # the waiting writer started from the first one's published file: nothing lost
    ids = {d for (d,) in rows(db, "SELECT doc_id FROM articles")}
    n_jsonl = sum(1 for f in (corpus / "jsonl").glob("*.jsonl") for line in f.open() if line.strip())
    assert len([d for d in ids if d.startswith("syn-")]) == n_jsonl
    assert len(ids) == n_jsonl + len(list(SAMPLES.glob("*.txt")))
    assert_whole_articles(db, reference)
