"""Files -> DuckDB: read sources, extract (in worker processes), write with one writer.

The stream is never held in memory as a whole: documents flow from `sources.read`
through `pipeline.extract` (a Pool when workers > 1, with a bounded number of
documents in flight) into batched, transactional writes in this process.

Inputs other than files (web pages, feed entries: loaders.fetch, loaders.feeds) come in
as `extra` objects: `start(con)` reads what they need from the writer's database and
returns their Documents/LoadErrors (consumed lazily, maybe in another thread, so it must
not touch `con`); optional `record(where, outcome, reason)` hears each item's outcome and
`finish(con)` writes their own state in the same publish as the articles.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import multiprocessing as mp
import signal
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import pipeline, places, sources, store
from .errors import LoadError
from .model import Document, Extracted

TIMEOUT = 10.0       # CPU seconds of extraction per article; a normal one needs ~0.05
BATCH = 1000         # articles per write transaction (fast path; bigger is faster)
CHUNKSIZE = 1        # documents per worker task: IPC costs ~0.1 ms, an article ~50 ms,
                     # and bigger chunks put slow articles in one queue
IN_FLIGHT = 64       # documents read ahead per worker


@dataclass
class IngestReport:
    loaded: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)   # (path[:line], reason)
    db: str = ""
    # (where, outcome, reason) as each item finishes: loaded/unchanged/replaced/failed
    on_item: Callable[[str, str, str | None], None] | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> int:
        return self.loaded + self.unchanged + self.replaced

    def count(self, outcome: str, where: str | None = None) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        if self.on_item:
            self.on_item(where, outcome, None)

    def fail(self, where: str, reason: str) -> None:
        self.failed.append((where, reason))
        if self.on_item:
            self.on_item(where, "failed", reason)

    def summary(self) -> str:
        lines = [f"{self.db}: loaded {self.loaded}, unchanged {self.unchanged}, "
                 f"replaced {self.replaced}, failed {len(self.failed)}"]
        lines += [f"  FAILED {where}: {reason}" for where, reason in self.failed]
        return "\n".join(lines)


def _where(doc: Document) -> str:
    return f"{doc.source_path}:{doc.line}" if doc.line is not None else doc.source_path


# --- extraction (runs in workers) ------------------------------------------------

_NOW: dt.datetime | None = None
_TIMEOUT: float | None = TIMEOUT


def _init_worker(now: dt.datetime | None, timeout: float | None = TIMEOUT) -> None:
    global _NOW, _TIMEOUT
    _NOW, _TIMEOUT = now, timeout
    places.warm()   # the gazetteer loads once, outside any article's CPU limit (forks inherit it)


class ExtractionTimeout(BaseException):
    """A BaseException, like KeyboardInterrupt: rule code that catches Exception to keep
    going must not swallow it."""


def _on_cpu_limit(signum, frame):
    raise ExtractionTimeout


@contextlib.contextmanager
def _cpu_limit(seconds: float | None):
    """Interrupt one article's extraction after `seconds` of CPU time (not wall time, so a
    busy machine does not fail good articles). Only where signals work: a main thread."""
    usable = bool(seconds) and hasattr(signal, "ITIMER_VIRTUAL") \
        and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    old = signal.signal(signal.SIGVTALRM, _on_cpu_limit)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds, 0.5)   # and again every 0.5 s if swallowed
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, old)


def _extract(doc: Document) -> tuple[str, Extracted | None, str | None]:
    """(where, extracted, error). Only `where` travels back with the result, not the doc."""
    where = _where(doc)
    try:
        with _cpu_limit(_TIMEOUT):
            doc = sources.complete(doc)   # HTML is parsed here, in the worker
            return where, pipeline.extract(doc, now=_NOW), None
    except ExtractionTimeout as e:
        frame = traceback.extract_tb(e.__traceback__)[-2]
        return where, None, (f"extraction took over {_TIMEOUT:g} s of CPU (stopped in "
                             f"{Path(frame.filename).name}:{frame.lineno}) \u2014 a pathological text, "
                             "or a slow rule to report")
    except LoadError as e:
        return where, None, e.reason + (f" \u2014 {e.fix}" if e.fix else "")
    except Exception as e:  # one article's bug is that article's failure, not the batch's
        frame = traceback.extract_tb(e.__traceback__)[-1]
        at = f"{Path(frame.filename).name}:{frame.lineno}"
        return where, None, f"extraction failed: {type(e).__name__}: {e} (at {at})"


def _documents(paths, manifest, report: IngestReport, limit: threading.Semaphore | None,
               known: dict[str, str], extra: Iterable = ()) -> Iterator[Document]:
    seen: dict[str, str] = {}
    items = itertools.chain(sources.read(paths, manifest=manifest, defer_html=True) if paths else (),
                            *extra)
    for item in items:
        if isinstance(item, LoadError):
            report.fail(item.where, f"{item.reason}" + (f" \u2014 {item.fix}" if item.fix else ""))
            continue
        if item.doc_id in seen:
            report.fail(_where(item), f"duplicate doc_id {item.doc_id!r} (also {seen[item.doc_id]})"
                        " \u2014 rename one file or give the records distinct ids")
            continue
        seen[item.doc_id] = _where(item)
        stored = known.get(item.doc_id)
        if stored and item.text and stored == f"{pipeline.content_hash(item)}:{pipeline.EXTRACTOR_VERSION}":
            report.count("unchanged", _where(item))   # same content, same rules: skip extraction entirely
            continue
        if limit is not None:
            limit.acquire()
        yield item


def _pool(workers: int, now, timeout):
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    return ctx.Pool(workers, initializer=_init_worker, initargs=(now, timeout))


def _extracted_stream(paths, manifest, report, pool, workers: int, known, extra=()) -> Iterator[tuple]:
    if pool is None:
        yield from map(_extract, _documents(paths, manifest, report, None, known, extra))
        return
    # Pool.imap pulls its input eagerly; the semaphore bounds documents in flight.
    bound = workers * max(IN_FLIGHT, CHUNKSIZE)
    limit = threading.Semaphore(bound)
    stop = threading.Event()

    def feed():
        for doc in _documents(paths, manifest, report, limit, known, extra):
            if stop.is_set():
                return
            yield doc

    try:
        for result in pool.imap(_extract, feed(), chunksize=CHUNKSIZE):
            limit.release()
            yield result
    finally:
        # On an early exit, unblock the feeder so the pool can shut down.
        stop.set()
        limit.release(bound + 1)


def ingest(paths: Iterable, db, manifest=None, workers: int = 1, progress: bool | None = None,
           wait: float = 60.0, now: dt.datetime | None = None,
           timeout: float | None = TIMEOUT, extra: Iterable = (),
           on_item: Callable[[str, str, str | None], None] | None = None) -> IngestReport:
    """Load articles from files/folders (and `extra` inputs, see above) into the DuckDB file
    `db`. See IngestReport; `on_item` hears each item's outcome as it finishes.

    `timeout`: CPU seconds one article's extraction may take before it is reported as
    failed (None: no limit)."""
    from tqdm import tqdm

    extra = list(extra)
    listeners = [x.record for x in extra if hasattr(x, "record")] + ([on_item] if on_item else [])
    report = IngestReport(db=str(db), on_item=(lambda *a: [f(*a) for f in listeners]) if listeners else None)
    _init_worker(now, timeout)
    with contextlib.ExitStack() as stack:
        # Fork the workers before DuckDB starts its threads in this process.
        pool = stack.enter_context(_pool(workers, now, timeout)) if workers > 1 else None
        con = stack.enter_context(store.open_writer(db, wait=wait))
        known = dict(con.execute("SELECT doc_id, content_hash FROM articles").fetchall())
        inputs = [x.start(con) for x in extra]
        stream = _extracted_stream(list(paths), manifest, report, pool, workers, known, inputs)
        stack.callback(stream.close)   # first thing on the way out: stop feeding the pool
        bar = stack.enter_context(tqdm(stream, desc="ingest", unit="article", mininterval=1.0,
                                       disable=(None if progress is None else not progress)))
        batch: list[tuple[str, Extracted]] = []
        for where, extracted, error in bar:
            if error:
                report.fail(where, error)
                continue
            batch.append((where, extracted))
            if len(batch) >= BATCH:
                _write(con, batch, report)
                batch = []
        _write(con, batch, report)
        for x in extra:
            if hasattr(x, "finish"):
                x.finish(con)
        store.refresh_places(con)
    return report


def _write(con, batch: list[tuple[str, Extracted]], report: IngestReport) -> None:
    if not batch:
        return
    try:
        outcomes = store.write_batch(con, [x for _, x in batch])
    except Exception:
        # Something in the batch failed and nothing of it was written: retry one by one
        # so only the bad article is reported.
        for where, x in batch:
            try:
                report.count(store.write_article(con, x), where)
            except Exception as e:
                report.fail(where, f"could not store: {type(e).__name__}: {e}")
        return
    for (where, _), outcome in zip(batch, outcomes):
        report.count(outcome, where)
