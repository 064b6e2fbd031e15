"""Watch a folder: load what is there, then every new or changed article file, until stopped.

OS notifications (watchdog) say which files changed; a file is loaded only after its size
and modification time have stayed the same for `quiet` seconds, so a file still being
written (a scraper's download, a slow copy) is never loaded half-way. Each batch is one
normal ingest: the writer lock is taken per batch, so the dashboard stays live and another
ingest can run in between. A file whose name is hidden (".part" downloads) or whose type
is not an article is ignored until it is renamed to one. Deleting a file does not delete
its article. A changed manifest reloads the folder (unchanged articles stay untouched).
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from .errors import LoadError, StoreBusy
from .files import read_capped
from .sources import ARTICLE_EXT, MANIFEST_NAMES

BUSY_RETRY = 5.0     # seconds before trying again when another writer holds the lock


class _Changes:
    """Paths the OS reported, with the time of the last report (thread-safe)."""

    def __init__(self, root: Path):
        self.root = root
        self.lock = threading.Lock()
        self.files: dict[Path, float] = {}
        self.manifest = False

    def add(self, path: str, new_folder: bool = False) -> None:
        p = Path(path)
        try:
            rel = p.relative_to(self.root)
        except ValueError:
            return
        if any(part.startswith(".") for part in rel.parts):
            return
        with self.lock:
            if p.name in MANIFEST_NAMES:
                self.manifest = True
            elif p.suffix.lower() in ARTICLE_EXT:
                self.files[p] = time.monotonic()
            elif new_folder:    # a folder created or moved in: its files may bring no events of their own
                for q in p.rglob("*"):
                    if q.suffix.lower() in ARTICLE_EXT and not any(s.startswith(".") for s in q.relative_to(self.root).parts):
                        self.files[q] = time.monotonic()

    def take(self) -> tuple[dict[Path, float], bool]:
        with self.lock:
            files, manifest = self.files, self.manifest
            self.files, self.manifest = {}, False
            return files, manifest


def _handler(changes: _Changes):
    from watchdog.events import FileSystemEventHandler

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.is_directory:
                if event.event_type in ("created", "moved"):
                    changes.add(getattr(event, "dest_path", "") or event.src_path, new_folder=True)
            elif event.event_type in ("created", "modified", "closed"):
                changes.add(event.src_path)
            elif event.event_type == "moved":
                changes.add(event.dest_path)
    return Handler()


def _manifests(root: Path) -> list[Path]:
    found = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        found += [Path(d) / n for n in MANIFEST_NAMES if n in files]
    return found


def _json_rows(text: str):
    """JSONL rows; a broken or too deeply nested line is skipped, not fatal to the watcher."""
    for line in text.splitlines():
        if line.strip():
            try:
                yield json.loads(line)
            except (ValueError, RecursionError):
                continue


def _merged_manifest(paths: list[Path], out: Path) -> Path:
    """Several manifests as one JSONL (later rows win field by field, as in a folder load)."""
    with out.open("w", encoding="utf-8") as fh:
        for p in paths:
            try:   # capped, and a FIFO named manifest.csv is refused rather than waited on
                text = read_capped(p, 64 * 2**20, what="manifest").decode("utf-8-sig", errors="replace")
            except (OSError, LoadError):
                continue    # removed meanwhile; the next folder reload reports what is wrong
            rows = csv.DictReader(io.StringIO(text)) if p.suffix.lower() == ".csv" else _json_rows(text)
            with contextlib.suppress(csv.Error):
                for row in rows:
                    with contextlib.suppress(TypeError, ValueError, RecursionError):
                        fh.write(json.dumps({k: v for k, v in dict(row).items() if k is not None}) + "\n")
    return out


class Watcher:
    """The loop behind `python -m loaders watch`; `run(stop)` returns when `stop` is set."""

    def __init__(self, folder, db, quiet: float = 2.0, poll: float = 0.25, polling: bool = False,
                 manifest=None, out=None, on_batch: Callable | None = None, **ingest_kwargs):
        self.root = Path(folder).resolve()
        if not self.root.is_dir():
            raise NotADirectoryError(f"{folder} is not a folder")
        self.db, self.quiet, self.poll, self.polling = db, quiet, poll, polling
        self.manifest = manifest
        self.out = out if out is not None else sys.stdout
        self.on_batch = on_batch
        self.kwargs = {"workers": 1, **ingest_kwargs}
        self.changes = _Changes(self.root)
        self.pending: dict[Path, list] = {}    # path -> [signature, stable since]

    def _say(self, text: str) -> None:
        print(f"{dt.datetime.now():%H:%M:%S} {text}", file=self.out, flush=True)

    def _ingest(self, paths: list[Path], whole: bool):
        from .ingest import ingest
        with tempfile.TemporaryDirectory(prefix="frontline-watch-") as tmp:
            manifest = self.manifest
            if not whole:   # a file alone still gets the metadata its folder's manifests give it
                found = _manifests(self.root) + ([Path(self.manifest)] if self.manifest else [])
                manifest = found[0] if len(found) == 1 else \
                    _merged_manifest(found, Path(tmp) / "manifest.jsonl") if found else None
            report = ingest([self.root] if whole else paths, self.db, manifest=manifest, **self.kwargs)
        self._say(report.summary())
        if self.on_batch:
            self.on_batch(paths if not whole else [self.root], report)
        return report

    def _ready(self, news: dict[Path, float]) -> list[Path]:
        """Pending files whose size and mtime have not changed for `quiet` seconds."""
        now = time.monotonic()
        for path, seen_at in news.items():
            entry = self.pending.setdefault(path, [None, seen_at])
            entry[1] = max(entry[1], seen_at)
        ready = []
        for path, entry in list(self.pending.items()):
            try:
                st = path.stat()
            except OSError:
                del self.pending[path]     # gone before it settled
                continue
            sig = (st.st_size, st.st_mtime_ns)
            if sig != entry[0]:
                entry[0], entry[1] = sig, now
            elif now - entry[1] >= self.quiet and path.is_file():
                ready.append(path)
        return sorted(ready)

    def run(self, stop: threading.Event | None = None) -> None:
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver
        stop = stop or threading.Event()
        observer = PollingObserver(timeout=self.poll) if self.polling else Observer()
        observer.schedule(_handler(self.changes), str(self.root), recursive=True)
        observer.start()      # before the first load: files arriving during it are not missed
        try:
            self._say(f"watching {self.root} (loading what is there first; Ctrl-C stops)")
            self._ingest([self.root], whole=True)
            self._say(f"waiting for new or changed files in {self.root}")
            reload, busy_until = False, 0.0
            while not stop.wait(self.poll):
                news, manifest = self.changes.take()
                reload = reload or manifest
                ready = self._ready(news)
                if time.monotonic() < busy_until:
                    continue
                # a reload reads every file: wait until none is still being written
                whole = reload and len(ready) == len(self.pending)
                if not (ready or whole) or (reload and not whole):
                    continue
                try:
                    self._ingest([self.root] if whole else ready, whole=whole)
                except StoreBusy as e:
                    self._say(f"{e}; trying again in {BUSY_RETRY:g} s")
                    busy_until = time.monotonic() + BUSY_RETRY
                    continue
                for p in ready:
                    self.pending.pop(p, None)
                reload = reload and not whole
        finally:
            observer.stop()
            observer.join(timeout=5)


def watch(folder, db, quiet: float = 2.0, polling: bool = False, manifest=None, **ingest_kwargs) -> int:
    """The CLI entry: runs until Ctrl-C or SIGTERM, then exits 0. The first signal stops the
    watcher once the batch being written is published (an exception raised at an arbitrary point
    inside the store's writes and locks could leave the process unable to exit); a second one
    interrupts the batch, which is then discarded whole (see loaders.store)."""
    try:
        watcher = Watcher(folder, db, quiet=quiet, polling=polling, manifest=manifest, **ingest_kwargs)
    except NotADirectoryError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(*_):
        if stop.is_set():
            raise KeyboardInterrupt     # asked twice: stop now
        stop.set()
    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        watcher.run(stop)
    except KeyboardInterrupt:
        pass
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    print("stopped", file=sys.stderr)
    return 0
