"""The DuckDB store: schema, migrations, one-writer locking, per-article transactions.

Concurrency. DuckDB allows one read-write process OR many read-only processes on a
file, never both. So a writer never opens the live file:

1. `open_writer` takes an exclusive `flock` on `<db>.lock`. A second writer waits up
   to `wait` seconds, then fails naming the process that holds it.
2. It removes stale `<db>.tmp-*` files (left by a killed writer; safe, we hold the lock),
   copies the live file to `<db>.tmp-<pid>` and yields a connection to the copy.
3. On success it checkpoints, closes, fsyncs and `os.replace`s the copy over the live
   path (atomic on POSIX). On an exception or a kill the live file is untouched.

Readers (the dashboard) open the live file with `connect_read` (read_only). A reader
that opened the old file keeps a consistent snapshot; `db_version` changes after a
write (new inode), which tells it to reopen.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import fcntl
import glob
import os
import shutil
import time
from pathlib import Path
from typing import Iterator

import duckdb

from . import schema
from .model import Event, Extracted, Figure
from .errors import StoreBusy

ARTICLE_COLS = [
    "doc_id", "title", "outlet", "url", "published", "published_how", "dateline",
    "dateline_place", "main_place", "text", "original_text", "content_hash",
    "source_path", "fmt", "loaded_at", "published_precision",
]
# id first: _unique keys on column 0
FIGURE_COLS = ["figure_id"] + [f.name for f in dataclasses.fields(Figure) if f.name != "figure_id"]
EVENT_COLS = ["event_id"] + [f.name for f in dataclasses.fields(Event) if f.name != "event_id"]
PLACE_COLS = ["name", "kind", "oblast", "lat", "lon", "population", "common_name", "raion", "country",
              "approximate", "coords"]


# --- schema -----------------------------------------------------------------

def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.CatalogException:
        return 0
    return int(row[0]) if row else 0


def init_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, then apply MIGRATIONS from the stored version forward."""
    fresh = schema_version(con) == 0 and not _has_table(con, "articles")
    for ddl in schema.TABLES.values():
        con.execute(ddl)
    for ddl in schema.INDEXES:
        con.execute(ddl)
    current = schema.SCHEMA_VERSION if fresh else max(schema_version(con), 1)
    for version in range(current + 1, schema.SCHEMA_VERSION + 1):
        for stmt in schema.MIGRATIONS.get(version, []):
            con.execute(stmt)
        current = version
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(current)])


def _has_table(con, name: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0])


# --- readers ----------------------------------------------------------------

def connect_read(db_path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db_path), read_only=True)


def db_version(db_path) -> tuple[int, int, int] | None:
    """(inode, mtime_ns, size) of the live file; changes whenever a writer publishes."""
    try:
        st = os.stat(db_path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


# --- the writer ---------------------------------------------------------------

def _lock_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        pid = os.read(fd, 64).decode().strip()
    except OSError:
        pid = ""
    return f"process {pid}" if pid else "another process"


@contextlib.contextmanager
def _writer_lock(db: Path, wait: float) -> Iterator[None]:
    fd = os.open(f"{db}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + max(wait, 0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"{db} is being written by {_lock_holder(fd)} (waited {wait:g}s); "
                        "wait for that ingest to finish or pass a longer --wait") from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the flock


def _fsync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# DuckDB's buffer pool defaults to 80% of RAM and keeps what the load wrote cached: cap it,
# so a 100k-article ingest stays under 2 GB (it spills to disk when it needs more).
WRITER_MEMORY = os.environ.get("FRONTLINE_WRITER_MEMORY", "512MB")


@contextlib.contextmanager
def open_writer(db_path, wait: float = 60.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a private copy of the database, published atomically on success."""
    db = Path(db_path)
    db.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(db, wait):
        for stale in glob.glob(glob.escape(str(db)) + ".tmp-*"):
            os.remove(stale)  # we hold the lock, so no live writer owns these
        tmp = Path(f"{db}.tmp-{os.getpid()}")
        if db.exists():
            shutil.copyfile(db, tmp)
        con = duckdb.connect(str(tmp), config={"memory_limit": WRITER_MEMORY})
        try:
            init_schema(con)
            yield con
            con.execute("CHECKPOINT")
            con.close()
            _fsync(tmp)
            os.replace(tmp, db)
            _fsync(db.parent, directory=True)
        except BaseException:
            con.close()
            for leftover in (tmp, Path(f"{tmp}.wal")):
                leftover.unlink(missing_ok=True)
            raise


# --- writing articles -----------------------------------------------------------

def _article_row(x: Extracted, loaded_at: dt.datetime | None = None) -> tuple:
    a = dataclasses.replace(x.article, loaded_at=loaded_at or x.article.loaded_at)
    return tuple(getattr(a, c) for c in ARTICLE_COLS)


_ARROW_TYPES = {"VARCHAR": "string", "DOUBLE": "float64", "INTEGER": "int32", "BIGINT": "int64",
                "DATE": "date32", "TIMESTAMP": "timestamp[us]", "BOOLEAN": "bool"}


def _arrow_schema(con, table: str, cols: list[str]):
    import pyarrow as pa
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = ?", [table]).fetchall())
    return pa.schema([(c, pa.type_for_alias(_ARROW_TYPES.get(types[c], "string"))) for c in cols])


def _insert(con, table: str, cols: list[str], rows: list[tuple]) -> None:
    """Bulk insert through one Arrow table: executemany costs a round trip per row."""
    if not rows:
        return
    import pyarrow as pa
    columns = list(zip(*rows))
    data = pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in
                                 zip(columns, _arrow_schema(con, table, cols))], names=cols)
    view = f"_new_{table}"
    con.register(view, data)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM {view}")
    finally:
        con.unregister(view)


def _rows(items, cols) -> list[tuple]:
    return [tuple(getattr(i, c) for c in cols) for i in items]


def stored_hashes(con, doc_ids: list[str]) -> dict[str, str]:
    if not doc_ids:
        return {}
    return dict(con.execute(
        "SELECT doc_id, content_hash FROM articles WHERE doc_id IN (SELECT unnest(?))",
        [doc_ids]).fetchall())


def _delete_docs(con, doc_ids: list[str]) -> None:
    for table in ("figures", "events", "articles"):
        con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [doc_ids])


def _unique(rows: list[tuple]) -> list[tuple]:
    """First row per id (column 0): the same mention found twice is stored once."""
    seen: set = set()
    return [r for r in rows if not (r[0] in seen or seen.add(r[0]))]


def _insert_articles(con, items: list[Extracted]) -> None:
    _insert(con, "articles", ARTICLE_COLS, [_article_row(x) for x in items])
    _insert(con, "figures", FIGURE_COLS, _unique([r for x in items for r in _rows(x.figures, FIGURE_COLS)]))
    _insert(con, "events", EVENT_COLS, _unique([r for x in items for r in _rows(x.events, EVENT_COLS)]))


def write_article(con, extracted: Extracted) -> str:
    """Write one article in one transaction: 'loaded', 'unchanged' or 'replaced'."""
    return write_batch(con, [extracted])[0]


def write_batch(con, items: list[Extracted]) -> list[str]:
    """Write many articles in one transaction; same outcomes as `write_article`, in order.

    All or nothing: on an error nothing of the batch is written and the error is
    raised (the caller retries article by article to isolate the bad one).
    """
    old = stored_hashes(con, [x.article.doc_id for x in items])
    outcomes, todo = [], []
    for x in items:
        h = old.get(x.article.doc_id)
        if h == x.article.content_hash:
            outcomes.append("unchanged")
        else:
            outcomes.append("loaded" if h is None else "replaced")
            todo.append(x)
    if not todo:
        return outcomes
    con.execute("BEGIN TRANSACTION")
    try:
        replaced = [x.article.doc_id for x in todo if x.article.doc_id in old]
        if replaced:
            _delete_docs(con, replaced)
        _insert_articles(con, todo)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return outcomes


def refresh_places(con) -> int:
    """Replace the `places` table with the gazetteer entries the data names (figures,
    events, articles' main and dateline places), plus every oblast, country and region:
    the map's points and the rows an export needs, not all 30,000 settlements."""
    from . import places
    gazetteer = getattr(places, "gazetteer", None)
    if not callable(gazetteer):
        return 0
    named = {r[0] for r in con.execute(
        """SELECT place FROM figures UNION SELECT place FROM events
           UNION SELECT main_place FROM articles UNION SELECT dateline_place FROM articles""").fetchall()}
    rows = []
    for p in gazetteer():
        get = p.get if isinstance(p, dict) else (lambda c, p=p: getattr(p, c, None))
        if get("name") in named or get("kind") not in ("city", "town", "village"):
            rows.append(tuple(get(c) for c in PLACE_COLS))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM places")
        # a gazetteer may list a name twice (aliases); keep the first row
        seen, unique = set(), []
        for r in rows:
            if r[0] and r[0] not in seen:
                seen.add(r[0])
                unique.append(r)
        _insert(con, "places", PLACE_COLS, unique)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(unique)


# --- export and stats (read-only) ---------------------------------------------------

TABLES = ("articles", "figures", "events", "places")


def export(db_path, out_dir, fmt: str = "csv") -> list[Path]:
    """One file per table in `out_dir` (CSV with a header, or Parquet)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with contextlib.closing(connect_read(db_path)) as con:
        for t in TABLES:
            target = out / f"{t}.{fmt}"
            opts = "(FORMAT parquet)" if fmt == "parquet" else "(FORMAT csv, HEADER true)"
            con.execute(f"COPY (SELECT * FROM {t} ORDER BY ALL) TO '{_sql_str(target)}' {opts}")
            written.append(target)
    return written


def _sql_str(p: Path) -> str:
    return str(p).replace("'", "''")


def stats(db_path) -> str:
    with contextlib.closing(connect_read(db_path)) as con:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        lines = [f"schema_version {schema_version(con)}"]
        lines += [f"{t:<9} {q(f'SELECT count(*) FROM {t}')[0][0]:>8}" for t in TABLES]
        lo, hi, unknown = q("SELECT min(published), max(published), count(*) FILTER (published IS NULL) "
                            "FROM articles")[0]
        lines.append(f"published {lo} .. {hi} ({unknown} unknown)")
        lines.append("figures by kind:")
        lines += [f"  {k:<22} {n:>7}" for k, n in q(
            "SELECT kind, count(*) FROM figures GROUP BY kind ORDER BY 2 DESC, 1")]
        lines.append("figures by subject side:")
        lines += [f"  {str(k):<22} {n:>7}" for k, n in q(
            "SELECT subject_side, count(*) FROM figures GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST")]
        lines.append("figures by claimant side:")
        lines += [f"  {str(k):<22} {n:>7}" for k, n in q(
            "SELECT claimant_side, count(*) FROM figures GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST")]
        lines.append("events by type:")
        lines += [f"  {k:<22} {n:>7}" for k, n in q(
            "SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1")]
        return "\n".join(lines)
