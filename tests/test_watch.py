"""`watch DIR`: the folder's files, then new and changed ones; a file still being written waits."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, query, write
from loaders import store, watch as watch_mod
from loaders.watch import Watcher

KHARKIV = "KHARKIV — A missile strike wounded 14 people in Kharkiv on Monday, the governor said.\n"
TORETSK = "TORETSK — Ukraine's General Staff said its troops repelled 27 Russian assaults near Toretsk on Thursday.\n"


def wait_for(cond, timeout=20.0, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Running:
    def __init__(self, folder, db, **kw):
        self.batches: list[tuple[list[Path], object]] = []
        self.out = io.StringIO()
        self.watcher = Watcher(folder, db, out=self.out, on_batch=lambda paths, r: self.batches.append((paths, r)),
                               progress=False, **{"quiet": 0.5, "poll": 0.05, **kw})
        self.stop = threading.Event()
        self.error = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        wait_for(lambda: self.batches, what="the first load")

    def _run(self):
        try:
            self.watcher.run(self.stop)
        except BaseException as e:   # surfaced by close()
            self.error = e

    def batches_with(self, path: Path):
        return [r for paths, r in self.batches if Path(path).resolve() in [Path(p).resolve() for p in paths]]

    def close(self):
        self.stop.set()
        self.thread.join(10)
        assert not self.thread.is_alive() and self.error is None, self.error


@pytest.fixture
def running(tmp_path):
    started = []

    def start(folder, db, **kw):
        r = Running(folder, db, **kw)
        started.append(r)
        return r
    yield start
    for r in started:
        r.close()


@pytest.mark.parametrize("polling", [False, True], ids=["notify", "polling"])
def test_loads_the_folder_then_new_and_changed_files(tmp_path, running, polling):
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    write(folder, "kharkiv.txt", KHARKIV)
    w = running(folder, db, polling=polling)
    assert w.batches[0][1].loaded == 1
    toretsk = write(folder / "east", "toretsk.txt", TORETSK)
    wait_for(lambda: w.batches_with(toretsk), what="the new file")
    assert [r.loaded for r in w.batches_with(toretsk)] == [1]
    kharkiv = folder / "kharkiv.txt"
    kharkiv.write_text(KHARKIV.replace("14", "16"))
    wait_for(lambda: w.batches_with(kharkiv), what="the changed file")
    assert [r.replaced for r in w.batches_with(kharkiv)] == [1], [r.summary() for r in w.batches_with(kharkiv)]
    assert set(query(db, "SELECT doc_id, kind, value FROM figures WHERE kind = 'wounded'")) == {("kharkiv", "wounded", 16.0)}
    assert query(db, "SELECT count(*) FROM articles") == [(2,)]
    assert "loaded 1" in w.out.getvalue()


def test_a_half_written_file_is_loaded_only_when_complete(tmp_path, running):
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    folder.mkdir()
    w = running(folder, db, quiet=1.5)
    record = json.dumps({"id": "slow-copy", "title": "Written slowly", "published": "2024-05-16",
                         "text": TORETSK + " " + KHARKIV + " The last sentence arrived after a pause."}) + "\n"
    path = folder / "slow.jsonl"
    thirds = [record[:40], record[40:120], record[120:]]
    with path.open("w") as fh:                   # half a JSON record is invalid: loading it early would fail
        for part in thirds:
            fh.write(part)
            fh.flush()
            time.sleep(0.4)                      # well under the quiet period between writes
    wait_for(lambda: w.batches_with(path), what="the finished file")
    time.sleep(1.0)                              # and nothing more comes of it
    got = w.batches_with(path)
    assert [(r.loaded, r.failed) for r in got] == [(1, [])]
    assert all(not r.failed for _, r in w.batches)
    [(text,)] = query(db, "SELECT text FROM articles WHERE doc_id = 'slow-copy'")
    assert text.endswith("The last sentence arrived after a pause.")


def test_partial_downloads_wait_for_their_rename_and_manifests_apply(tmp_path, running):
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    write(folder, "manifest.csv", "doc_id,published,source\ntoretsk,2024-05-16,Eastern Wire\n")
    w = running(folder, db)
    part = write(folder, ".toretsk.txt.part", TORETSK)       # a browser's or scraper's temporary name
    other = write(folder, "toretsk.crdownload", TORETSK)
    time.sleep(1.0)
    assert len(w.batches) == 1 and query(db, "SELECT count(*) FROM articles") == [(0,)]
    final = folder / "toretsk.txt"
    os.rename(part, final)
    wait_for(lambda: w.batches_with(final), what="the renamed file")
    assert query(db, "SELECT doc_id, outlet, published FROM articles") == [
        ("toretsk", "Eastern Wire", __import__("datetime").date(2024, 5, 16))]
    assert other.exists() and not w.batches_with(other)


def test_a_busy_writer_delays_a_batch_instead_of_losing_it(tmp_path, running, monkeypatch):
    monkeypatch.setattr(watch_mod, "BUSY_RETRY", 0.2)
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    write(folder, "kharkiv.txt", KHARKIV)
    w = running(folder, db, wait=0.1)
    with store._writer_lock(db, wait=5):
        new = write(folder, "toretsk.txt", TORETSK)
        wait_for(lambda: "trying again" in w.out.getvalue(), what="the busy notice")
        assert not w.batches_with(new)
    wait_for(lambda: w.batches_with(new), what="the batch after the lock is free")
    assert [r.loaded for r in w.batches_with(new)] == [1]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_cli_watch_stops_cleanly_on_ctrl_c(tmp_path, sig):
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    write(folder, "kharkiv.txt", KHARKIV)
    proc = subprocess.Popen([sys.executable, "-u", "-m", "loaders", "watch", str(folder), "--db", str(db),
                             "--quiet", "0.3", "--no-progress"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        while not any("waiting for new or changed files" in x for x in lines):
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            lines.append(line)
        write(folder, "toretsk.txt", TORETSK)
        wait_for(lambda: db.exists() and query(db, "SELECT count(*) FROM articles") == [(2,)], what="the new file")
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and "stopped" in err and "Traceback" not in err
    assert not list(tmp_path.glob("w.duckdb.tmp-*"))


def test_cli_watch_needs_a_folder(tmp_path):
    r = subprocess.run([sys.executable, "-m", "loaders", "watch", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb")],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "is not a folder" in r.stderr and not (tmp_path / "x.duckdb").exists()


def test_a_new_file_gets_metadata_from_every_manifest_of_the_folder(tmp_path, running):
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    write(folder, "manifest.csv", "doc_id,source\ntoretsk,Eastern Wire\nkharkiv,Kharkiv Daily\n")
    write(folder / "east", "manifest.jsonl", json.dumps({"id": "toretsk", "published": "2024-05-16"}) + "\n")
    w = running(folder, db)
    new = write(folder / "east", "toretsk.txt", TORETSK)
    wait_for(lambda: w.batches_with(new), what="the new file")
    assert query(db, "SELECT doc_id, outlet, published FROM articles") == [
        ("toretsk", "Eastern Wire", __import__("datetime").date(2024, 5, 16))]
