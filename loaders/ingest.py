"""Files -> DuckDB: read sources, extract (in worker processes), write with one writer.

The stream is never held in memory as a whole: documents flow from `sources.read`
through `pipeline.extract` (a Pool when workers > 1, with a bounded number of
documents in flight) into batched, transactional writes in this process.

An input whose raw content (and the rules) did not change since it was stored is skipped
before it is parsed or extracted: `source_hash` digests what was read. Workers extract
chunks of documents and send back compact Arrow rows (`rows.Batch`), so this process
only reads, hashes and appends.

Inputs other than files (web pages, feed entries: loaders.fetch, loaders.feeds) come in
as `extra` objects: `start(con)` reads what they need from the writer's database and
returns their Documents/LoadErrors (consumed lazily, maybe in another thread, so it must
not touch `con`); optional `record(where, outcome, reason)` hears each item's outcome and
`finish(con)` writes their own state in the same publish as the articles.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import itertools
import multiprocessing as mp
import os
import signal
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import pipeline, places, rows, sources, store
from .errors import LoadError, StoreWriteError
from .model import Document, Extracted

TIMEOUT = 10.0       # CPU seconds of extraction per article; a normal one needs ~0.05
BATCH = 1000         # articles per write transaction (fast path; bigger is faster)
CHUNKSIZE = 16       # documents per worker task: one Arrow batch back per chunk; small enough
                     # that a slow article does not hold up many others
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
    not_saved: str | None = None   # why the database could not be written, and what it holds

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
        counts = (f"loaded {self.loaded}, unchanged {self.unchanged}, "
                  f"replaced {self.replaced}, failed {len(self.failed)}")
        if self.not_saved:
            lines = [f"{self.db}: NOT SAVED ({self.not_saved})", f"  before the stop: {counts}"]
        else:
            lines = [f"{self.db}: {counts}"]
        lines += [f"  FAILED {where}: {reason}" for where, reason in self.failed]
        return "\n".join(lines)


def _where(doc: Document) -> str:
    return f"{doc.source_path}:{doc.line}" if doc.line is not None else doc.source_path


_READER_VERSION: str | None = None


def _reader_version() -> str:
    """A digest of the code that turns files into documents: when it changes, the same
    bytes may read differently, so nothing is skipped as unchanged."""
    global _READER_VERSION
    if _READER_VERSION is None:
        _READER_VERSION = hashlib.sha256(Path(sources.__file__).read_bytes()).hexdigest()[:12]
    return _READER_VERSION


def source_hash(doc: Document) -> str:
    """Digest of a document as read (before HTML parsing or extraction) plus the reader and
    rule versions: equal digests give equal rows, so the document can be skipped."""
    h = hashlib.sha256()
    for part in (doc.fmt, doc.text, doc.original, doc.title, doc.outlet, doc.url,
                 doc.published.isoformat() if doc.published else None,
                 _reader_version(), pipeline.EXTRACTOR_VERSION):
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:32]


# --- extraction (runs in workers) ------------------------------------------------

_NOW: dt.datetime | None = None
_TIMEOUT: float | None = TIMEOUT


def _init_worker(now: dt.datetime | None, timeout: float | None = TIMEOUT, worker: bool = True) -> None:
    global _NOW, _TIMEOUT
    _NOW, _TIMEOUT = now, timeout
    places.warm()   # the gazetteer loads once, outside any article's CPU limit (forks inherit it)
    if worker:
        # a worker's gazetteer and rules live as long as it does: keep the cyclic collector from
        # walking them again on every collection (about 8% of extraction time)
        gc.freeze()


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
        # the innermost frame of a real file with a line, below the signal handler (generated code
        # such as a dataclass __init__ reads "<string>", and a frame stopped between lines has none)
        frames = traceback.extract_tb(e.__traceback__)[:-1]
        frame = next((f for f in reversed(frames) if f.filename.endswith(".py") and f.lineno), frames[-1])
        return where, None, (f"extraction took over {_TIMEOUT:g} s of CPU (stopped in "
                             f"{Path(frame.filename).name}:{frame.lineno}) \u2014 a pathological text, "
                             "or a slow rule to report")
    except LoadError as e:
        return where, None, e.reason + (f" \u2014 {e.fix}" if e.fix else "")
    except Exception as e:  # one article's bug is that article's failure, not the batch's
        frame = traceback.extract_tb(e.__traceback__)[-1]
        at = f"{Path(frame.filename).name}:{frame.lineno}"
        return where, None, f"extraction failed: {type(e).__name__}: {e} (at {at})"


def _extract_chunk(chunk: list[tuple[Document, str]]) -> tuple[rows.Batch | None, list[tuple[str, str]], int]:
    """(Arrow rows of the articles that extracted, (where, error) of those that did not, count)."""
    done, wheres, hashes, errors = [], [], [], []
    for doc, digest in chunk:
        where, extracted, error = _extract(doc)
        if error:
            errors.append((where, error))
        else:
            done.append(extracted)
            wheres.append(where)
            hashes.append(digest)
    in_worker = mp.current_process().name != "MainProcess"   # Arrow is what crosses processes cheaply
    return (rows.batch(done, wheres, hashes, arrow=True if in_worker else None) if done else None), errors, len(chunk)


def _documents(paths, manifest, report: IngestReport, known: dict[str, str | None],
               extra: Iterable = (), stored: dict[str, tuple] | None = None,
               today: dt.date | None = None) -> Iterator[tuple]:
    """(document, source digest) for every document that needs extracting."""
    seen: dict[str, str] = {}
    items = itertools.chain(sources.read(paths, manifest=manifest, defer_html=True, today=today) if paths else (),
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
        digest = source_hash(item)    # of the input as read, before stored metadata fills its gaps
        if known.get(item.doc_id) == digest:
            report.count("unchanged", _where(item))   # same input, same rules: skip parsing and extraction
            continue
        _keep_stored_metadata(item, (stored or {}).get(item.doc_id))
        yield item, digest


# Metadata an article was stored with that a re-load without its manifest does not give:
# kept, so loading one file again does not wipe its date or outlet. Only metadata
# (a date `given`, not one inferred from the text, which re-extraction finds again).
_STORED_METADATA = ("SELECT doc_id, outlet, url, CASE WHEN published_how = 'given' THEN published END "
                    "FROM {t} WHERE outlet IS NOT NULL OR url IS NOT NULL OR published_how = 'given'")


def _stored_metadata(con) -> dict[str, tuple]:
    tables = ["articles"] + ([f"{con.data}.articles"] if getattr(con, "data", "") else [])
    out: dict[str, tuple] = {}
    for t in reversed(tables):   # staged rows (this session's) win over live ones
        out.update({r[0]: r[1:] for r in con.execute(_STORED_METADATA.format(t=t)).fetchall()})
    return out


def _keep_stored_metadata(doc: Document, stored: tuple | None) -> None:
    if stored is None:
        return
    for name, value in zip(("outlet", "url", "published"), stored):
        if getattr(doc, name) is None and value is not None:
            setattr(doc, name, value)


def _chunks(docs: Iterator[tuple], size: int, limit: threading.Semaphore | None) -> Iterator[list]:
    chunk: list = []
    for d in docs:
        chunk.append(d)
        if len(chunk) >= size:
            if limit is not None:
                limit.acquire()
            yield chunk
            chunk = []
    if chunk:
        if limit is not None:
            limit.acquire()
        yield chunk


def _pool(workers: int, now, timeout):
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    return ctx.Pool(workers, initializer=_init_worker, initargs=(now, timeout))


def _extracted_stream(paths, manifest, report, pool, workers: int, known, extra=(), stored=None,
                      today=None) -> Iterator[tuple]:
    if pool is None:
        yield from map(_extract_chunk, _chunks(_documents(paths, manifest, report, known, extra, stored, today),
                                               CHUNKSIZE, None))
        return
    # Pool.imap pulls its input eagerly; the semaphore bounds chunks in flight.
    bound = max(1, workers * IN_FLIGHT // CHUNKSIZE)
    limit = threading.Semaphore(bound)
    stop = threading.Event()

    def feed():
        for chunk in _chunks(_documents(paths, manifest, report, known, extra, stored, today), CHUNKSIZE, limit):
            if stop.is_set():
                return
            yield chunk

    try:
        for result in pool.imap(_extract_chunk, feed()):
            limit.release()
            yield result
    finally:
        # On an early exit, unblock the feeder so the pool can shut down.
        stop.set()
        limit.release(bound + 1)


def ingest(paths: Iterable, db, manifest=None, workers: int = 1, progress: bool | None = None,
           wait: float = 60.0, now: dt.datetime | None = None,
           timeout: float | None = TIMEOUT, compact: bool = True, extra: Iterable = (),
           on_item: Callable[[str, str, str | None], None] | None = None) -> IngestReport:
    """Load articles from files/folders (and `extra` inputs, see above) into the DuckDB file
    `db`. See IngestReport; `on_item` hears each item's outcome as it finishes.

    `timeout`: CPU seconds one article's extraction may take before it is reported as
    failed (None: no limit). `compact`: after publishing, merge small segments (inline when
    cheap, else in a detached background process); False leaves it to `python -m loaders compact`."""
    from tqdm import tqdm

    from . import compact as compaction

    extra = list(extra)
    listeners = [x.record for x in extra if hasattr(x, "record")] + ([on_item] if on_item else [])
    report = IngestReport(db=str(db), on_item=(lambda *a: [f(*a) for f in listeners]) if listeners else None)
    paths = list(paths)
    if workers > 1 and not extra and _small(paths):
        workers = 1   # starting workers costs more than a few articles take
    _init_worker(now, timeout, worker=False)
    today = (now or dt.datetime.now(dt.timezone.utc)).date()
    before = store.db_version(db)
    phase = "opening the database"
    try:
        with contextlib.ExitStack() as stack:
            # Fork the workers before DuckDB starts its threads in this process.
            pool = stack.enter_context(_pool(workers, now, timeout)) if workers > 1 else None
            con = stack.enter_context(store.open_writer(db, wait=wait))
            phase = "writing articles"
            inputs = [x.start(con) for x in extra]
            stream = _extracted_stream(paths, manifest, report, pool, workers, con.known, inputs,
                                       _stored_metadata(con), today)
            stack.callback(stream.close)   # first thing on the way out: stop feeding the pool
            bar = stack.enter_context(tqdm(desc="ingest", unit="article", mininterval=1.0,
                                           disable=(None if progress is None else not progress)))
            pending: list[rows.Batch] = []
            size = 0
            for batch, errors, n in stream:
                for where, error in errors:
                    report.fail(where, error)
                bar.update(n)
                if batch is not None:
                    pending.append(batch)
                    size += len(batch)
                if size >= BATCH:
                    _write(con, rows.concat(pending), report)
                    pending, size = [], 0
            if pending:
                _write(con, rows.concat(pending), report)
            for x in extra:
                if hasattr(x, "finish"):
                    x.finish(con)
            store.refresh_places(con)
            phase = "saving the database"
    except Exception as e:
        reason = store.disk_error(e)
        if reason is None:
            raise
        kept = ("the database is as it was" if store.db_version(db) == before else
                f"the database holds what was saved before the stop (every {store.FLUSH_ARTICLES:,} articles)")
        report.not_saved = f"{reason} while {phase}; {kept}"
        raise StoreWriteError(f"could not write {db}: {reason} (while {phase}); {kept} \u2014 free some "
                              "space (or fix the disk) and run the ingest again", report) from e
    if compact:
        try:
            compaction.after_ingest(db)
        except Exception as e:   # the load is published; merging files is an optimisation for later
            if _interrupted(e):
                raise KeyboardInterrupt from e   # DuckDB turned a Ctrl-C into an error: the user asked to stop
            print(f"warning: {db}: compaction failed ({type(e).__name__}: {e}); run `python -m loaders "
                  f"compact --db {db}` to retry", file=sys.stderr)
    return report


def _interrupted(e: BaseException) -> bool:
    """DuckDB answers a Ctrl-C during a query with 'Query interrupted' (the KeyboardInterrupt is
    gone by then)."""
    return type(e).__name__ == "InterruptException" or "query interrupted" in str(e).lower()


SMALL_INPUT = 1 << 20   # bytes of input (a few hundred articles) below which one process extracts:
                        # starting workers (each builds Arrow rows: a pandas import) costs more


def _small(paths: list) -> bool:
    total = 0
    for p in paths:
        try:
            if os.path.isdir(p):
                for root, _, files in os.walk(p):
                    for name in files:
                        total += os.stat(os.path.join(root, name)).st_size
                        if total >= SMALL_INPUT:
                            return False
            else:
                total += os.stat(p).st_size
        except OSError:
            continue
        if total >= SMALL_INPUT:
            return False
    return True


def _write(con, batch: rows.Batch, report: IngestReport) -> None:
    try:
        outcomes = store.write_batch(con, batch)
    except Exception as e:
        if store.disk_error(e):
            raise   # the disk, not an article: stop the run (see ingest)
        # Something in the batch failed and nothing of it was written: retry one by one
        # so only the bad article is reported.
        for one in batch.split():
            try:
                report.count(store.write_batch(con, one)[0], one.where[0])
            except Exception as e:
                if store.disk_error(e):
                    raise
                report.fail(one.where[0], f"could not store: {type(e).__name__}: {e}")
        return
    for where, outcome in zip(batch.where, outcomes):
        report.count(outcome, where)
