"""The DuckDB store: schema, migrations, one-writer locking, per-article transactions.

Layout and publication are in `segments.py`: the live database file is a small catalog
whose views (articles, figures, events) read immutable Parquet segment files. What an
ingest costs depends on what it adds, not on the size of the database.

Concurrency. DuckDB allows one read-write process OR many read-only processes on a
file, never both, so nobody ever writes the live file in place:

1. `open_writer` takes an exclusive `flock` on `<db>.lock`. A second writer waits up
   to `wait` seconds, then fails naming the process that holds it.
2. It removes the staging files of writers that died, and yields a connection to its own
   staging database `<db>.tmp-<pid>`, where the session's new rows wait (in tables named
   like the live ones) and the live catalog is attached read-only as `live`.
3. Every FLUSH_ARTICLES articles, and at the end, the staged rows become a new segment
   (Parquet, fsynced) and a new catalog naming it is renamed over the live path (atomic).
   On an exception or a kill, nothing since the last publication is visible, and the
   files it left are removed by the next writer.

Readers (the dashboard, the scorer, anyone's `duckdb.connect(db, read_only=True)`) open the
live catalog and query the views. A reader that opened an older catalog keeps a consistent
snapshot; `db_version` changes after each publication (new inode), which tells it to reopen.
Compaction (`compact.py`) merges small segments in the background by the same publication.
"""
from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import shutil
from pathlib import Path
from typing import Iterator

from . import rows, schema, segments
from .csvsafe import cell as _safe_cell
from .errors import StoreBusy

ARTICLE_COLS = rows.names("articles")
FIGURE_COLS = rows.names("figures")
EVENT_COLS = rows.names("events")
PLACE_COLS = rows.names("places")

# Staged articles that make one segment: bounds the staging file and how much a killed
# ingest has to redo; bigger segments mean fewer files for readers to open.
FLUSH_ARTICLES = int(os.environ.get("FRONTLINE_FLUSH_ARTICLES", "25000"))

# DuckDB's buffer pool defaults to 80% of RAM and keeps what the load wrote cached: cap it
# (it spills to disk when it needs more).
WRITER_MEMORY = os.environ.get("FRONTLINE_WRITER_MEMORY", "512MB")


# --- schema -----------------------------------------------------------------

def schema_version(con) -> int:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except Exception as e:   # duckdb.CatalogException, without importing duckdb here
        if type(e).__name__ == "CatalogException":
            return 0
        raise
    return int(row[0]) if row else 0


def init_schema(con) -> None:
    """Create missing tables, then apply MIGRATIONS from the stored version forward
    (on native tables: an old database being converted, or a staging copy)."""
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
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND table_name = ?", [name]).fetchone()[0])


# --- readers ----------------------------------------------------------------

_readers: list = []    # (inode, connection) opened by connect_read in this process


def connect_read(db_path):
    """A read-only connection to the live catalog (a consistent snapshot until closed).
    If the database was moved with its segments folder, the views are re-pointed in
    this connection (the next writer fixes them in the file).

    Like any `duckdb.connect(path)`, this returns the instance the process already has open
    on the path if there is one: close a connection before reopening a newer version."""
    import duckdb
    db = Path(db_path)
    ino = os.stat(db).st_ino
    con = duckdb.connect(str(db), read_only=True)
    with contextlib.suppress(duckdb.Error):
        con.execute("SET parquet_metadata_cache = true")   # footers parsed once per file, not per query
    if segments.is_catalog(con):
        cat = segments.read_catalog(con)
        if cat.meta.get("path") not in (None, str(db.resolve())):
            shapes = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE "
                                                "'\\_shape\\_%' ESCAPE '\\'").fetchall()}
            for t in [t for t in segments.SEGMENT_TABLES if f"_shape_{t}" in shapes]:
                con.execute(segments.view_sql(db, t, cat).replace("CREATE OR REPLACE VIEW", "CREATE TEMP VIEW", 1))
    _readers[:] = [(ino, c) for ino, c in _readers if _is_open(c)]
    _readers.append((ino, con))
    return con


def track_reader(db_path, con) -> None:
    """Register a connection that reads the live catalog some other way (attached), so a
    writer in this process keeps the files it reads (POSIX locks cannot show it its own)."""
    _readers[:] = [(ino, c) for ino, c in _readers if _is_open(c)]
    _readers.append((os.stat(db_path).st_ino, con))


def _is_open(con) -> bool:
    try:
        con.execute("SELECT 1")
        return True
    except Exception:
        return False


def read_here() -> set[int]:
    """Inodes of catalogs this process still reads (POSIX locks cannot show them to us)."""
    _readers[:] = [(ino, c) for ino, c in _readers if _is_open(c)]
    return {ino for ino, _ in _readers}


def db_version(db_path) -> tuple[int, int, int] | None:
    """(inode, mtime_ns, size) of the live file; changes whenever a writer publishes."""
    try:
        st = os.stat(db_path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


# --- the writer ---------------------------------------------------------------

class Writer:
    """A write session: the staging connection plus what the session has decided.

    Passed wherever a connection was passed before (`con.execute(...)` goes to the staging
    database, where articles/figures/events hold this session's unpublished rows, places
    and meta what the next catalog will hold, and `live` is the live catalog)."""

    def __init__(self, db: Path, con):
        self.db, self.con = db, con
        self.known: dict[str, str | None] = {}   # doc_id -> source_hash, live or staged
        self.replaced_live: set[str] = set()     # live docs whose rows the next publication hides
        self.staged = 0
        self.rewrite_all = False                 # a migration: the next catalog drops every old segment
        self.must_publish = False
        self.printed: tuple = ()                 # fingerprint() of what the live catalog holds
        self.seq = 0
        self.data = ""                           # where the live data tables are read (see attach_live)
        self.live_ino: int | None = None
        # the live catalog's alias here (not the staging file's own name, which DuckDB
        # derives from the file name: a database called live.duckdb stages as "live")
        self.live = "live" if con.execute("SELECT current_database()").fetchone()[0] != "live" else "live_catalog"

    def __getattr__(self, name):
        return getattr(self.con, name)

    def execute(self, *a, **k):
        return self.con.execute(*a, **k)

    # -- the live catalog, attached read-only
    def attach_live(self) -> bool:
        if self.con.execute("SELECT count(*) FROM duckdb_databases() WHERE database_name = ?",
                            [self.live]).fetchone()[0]:
            self.con.execute(f"DETACH {self.live}")
        self.live_ino = segments.inode(self.db)
        if self.live_ino is None:
            return False
        self.con.execute(f"ATTACH {segments.sql_str(self.db)} AS {self.live} (READ_ONLY)")
        self.data = self.live
        if segments.is_catalog(self.con, self.live):
            cat = segments.read_catalog(self.con, self.live)
            if cat.meta.get("path") not in (None, str(self.db.resolve())):
                # moved with its segments: read them where they are now
                self.con.execute("CREATE SCHEMA IF NOT EXISTS _moved")
                for t in segments.DATA_TABLES:
                    self.con.execute(segments.view_sql(self.db, t, cat, ref=f"{self.live}.", name=f"_moved.{t}"))
                self.data = "_moved"
        return True

    def stored(self, doc_ids: list[str]) -> dict[str, tuple]:
        """doc_id -> (content_hash, source_hash) of the stored version (staged or live)."""
        if not doc_ids:
            return {}
        if self.live_ino is not None and segments.inode(self.db) != self.live_ino:
            self.attach_live()   # a compaction published: read the segments that are live now
        found = {d: (h, s) for d, h, s in self.con.execute(
            "SELECT doc_id, content_hash, source_hash FROM articles WHERE doc_id IN (SELECT unnest(?))",
            [doc_ids]).fetchall()}
        live = [d for d in doc_ids if d not in found and d in self.known and d not in self.replaced_live]
        if live:
            found.update({d: (h, s) for d, h, s in self.con.execute(
                f"SELECT doc_id, content_hash, source_hash FROM {self.data}.articles WHERE doc_id IN (SELECT unnest(?))",
                [live]).fetchall()})
        return found

    # -- publication
    def fingerprint(self) -> tuple:
        """Of the catalog tables (meta, places, feed state...): a change means publishing."""
        here = {r[0] for r in self.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()}
        return tuple(self.con.execute(f"SELECT count(*), bit_xor(hash(x)) FROM {t} x").fetchone()
                     if t in here else None for t in segments.catalog_tables())

    def flush(self) -> None:
        """Staged rows -> a new segment; publish a catalog naming it (if anything changed)."""
        if not (self.staged or self.replaced_live or self.must_publish or self.rewrite_all
                or self.fingerprint() != self.printed):
            return
        seg = None
        if self.staged:
            self.seq += 1
            seg = segments.new_segment_id(self.seq)
            info = write_segment(self.con, self.db, seg, {
                **{t: t for t in segments.DATA_TABLES},
                "claim_reports": "(" + segments.CLAIM_REPORTS_SQL.format(figures="figures") + ")",
                **{t: segments.derived_sql(t, "figures", "events", "articles")
                   for t in segments.DERIVED}})
        with segments.publish_lock(self.db):
            cat = segments.load_live(self.db) or segments.Catalog()
            retiring = sorted(cat.segments)
            cat.meta.update({k: v for k, v in self.con.execute("SELECT key, value FROM meta").fetchall()
                             if k not in ("generation", "path")})
            if self.rewrite_all:
                cat.segments, cat.tombstones = {}, set()
            elif self.replaced_live:
                cat.tombstones |= locate(self.con, self.db, cat, sorted(self.replaced_live))
            if seg:
                info["seq"] = max([i["seq"] for i in cat.segments.values()] + [0]) + 1
                cat.segments[seg] = info
            segments.publish(self.con, self.db, cat, retiring, source="", shapes="")
            segments.published(seg)
            segments.collect_garbage(self.db, cat, reading=read_here() | {self.live_ino})
        self.attach_live()
        for t in segments.DATA_TABLES:
            self.con.execute(f"DELETE FROM {t}")
        self.con.execute("CHECKPOINT")
        self.staged, self.replaced_live = 0, set()
        self.rewrite_all = self.must_publish = False
        self.printed = self.fingerprint()


def write_segment(con, db: Path, seg: str, sources: dict[str, str]) -> dict:
    """COPY each table's rows (`sources`: table -> SQL relation) to segment `seg`; fsynced."""
    d = segments.seg_dir(db) / seg
    d.mkdir(parents=True)
    info = {"bytes": 0}
    for t in segments.SEGMENT_TABLES:
        path = segments.seg_path(db, seg, t)
        # figures and events sorted by city and day: the filters every page uses, so row
        # groups of other cities are skipped on their min/max statistics (figures_by_kind: by kind)
        order = segments.ORDER.get(t, "city, day")
        order = f" ORDER BY {order}" if order else ""
        # articles carry whole texts (~10 KB a row): smaller row groups keep a reader's or a
        # merge's decoding buffers small. Figures in groups of 16,384 rows: a city's rows span
        # a few groups, so a city filter reads a few instead of all (3x less CPU at 100k)
        rg = 5000 if t == "articles" else 16384
        src = sources[t]
        if t == "matrix_cells" and "per_claim" in info:   # from the claims just written, not the figures again
            src = segments.cells_sql(f"read_parquet({segments.sql_str(segments.seg_path(db, seg, 'per_claim'))})")
        con.execute(f"COPY (SELECT * FROM {src}{order}) TO {segments.sql_str(path)} "
                    f"(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {rg})")
        info[t] = con.execute(f"SELECT count(*) FROM read_parquet({segments.sql_str(path)})").fetchone()[0]
        if t in segments.DIGESTS:
            info[f"{t}_digest"] = segments.digest(con, f"read_parquet({segments.sql_str(path)})", t)
        info["bytes"] += path.stat().st_size
        segments.fsync(path)
    segments.fsync(d, directory=True)
    segments.fsync(d.parent, directory=True)
    return info


def locate(con, db: Path, cat: segments.Catalog, doc_ids: list[str]) -> set[tuple[str, str]]:
    """(segment, doc_id) where each of these docs' live rows are in `cat`."""
    files = [segments.seg_path(db, s, "articles") for s, i in cat.segments.items() if i["articles"]]
    if not files or not doc_ids:
        return set()
    lst = ", ".join(segments.sql_str(f) for f in files)
    found = con.execute(f"""
        SELECT parse_filename(parse_dirpath(filename)), doc_id FROM read_parquet([{lst}], filename = true)
        WHERE doc_id IN (SELECT unnest(?))""", [doc_ids]).fetchall()
    return {(s, d) for s, d in found} - cat.tombstones


def _staging_ddl(table: str) -> str:
    # no PRIMARY KEY on staged data tables: the writer checks ids itself, and ART
    # indexes make bulk appends several times slower
    ddl = schema.TABLES[table]
    return re.sub(r"\s+PRIMARY KEY", "", ddl) if table in segments.DATA_TABLES else ddl


def _remove_stale(db: Path) -> None:
    """Staging and catalog files of writers that are gone."""
    for stale in glob.glob(glob.escape(str(db)) + ".tmp-*"):
        m = re.search(r"\.tmp-(\d+)", stale)
        if m and segments.pid_alive(int(m.group(1))) and int(m.group(1)) != os.getpid():
            continue
        if os.path.isdir(stale):     # DuckDB's spill folder of a staging database
            shutil.rmtree(stale, ignore_errors=True)
            continue
        with contextlib.suppress(FileNotFoundError):
            os.remove(stale)


def _writer_lock(db: Path, wait: float):
    """The one-ingest-at-a-time lock (`<db>.lock`); StoreBusy names the holder."""
    return segments.flock(Path(f"{db}.lock"), wait, f"{db} is being written by {{holder}} (waited {{wait:g}}s); "
                          "wait for that ingest to finish or pass a longer --wait")


@contextlib.contextmanager
def open_writer(db_path, wait: float = 60.0) -> Iterator[Writer]:
    """A write session on `db_path`, published atomically (in steps of FLUSH_ARTICLES)."""
    import duckdb
    db = Path(db_path)
    db.parent.mkdir(parents=True, exist_ok=True)
    lock = _writer_lock(db, wait)
    with contextlib.ExitStack() as stack:
        stack.enter_context(lock)
        _remove_stale(db)
        tmp = Path(f"{db}.tmp-{os.getpid()}")
        opened = []

        def cleanup():
            # registered before the file exists, and the files go even when closing is
            # interrupted (a second Ctrl-C): a stopped session leaves no staging file behind
            try:
                for c in opened:
                    with contextlib.suppress(Exception):
                        c.close()
            finally:
                for leftover in (tmp, Path(f"{tmp}.wal")):
                    leftover.unlink(missing_ok=True)
        stack.callback(cleanup)
        con = duckdb.connect(str(tmp), config={"memory_limit": WRITER_MEMORY})
        opened.append(con)
        con.execute("SET enable_progress_bar = false")   # DuckDB would draw bars on the CLI's output
        con.execute("SET preserve_insertion_order = false")   # lets big copies stream and spill
        w = Writer(db, con)
        _prepare(w, stack)
        yield w
        w.flush()


def _prepare(w: Writer, stack) -> bool:
    """Staging tables, and the live state: fresh, current, or to be migrated."""
    con, db, L = w.con, w.db, w.live
    live = w.attach_live()
    is_cat = live and segments.is_catalog(con, L)
    version = schema_version_of(con, L) if live else 0
    if live and (not is_cat or version < schema.SCHEMA_VERSION):
        # Older layout or schema: materialise everything here, apply the SQL migrations to
        # native tables, and publish it as one new segment that replaces all the old ones.
        stack.enter_context(segments.flock(Path(f"{db}.compact.lock"), 600,
                                           f"{db}: a compaction by {{holder}} did not finish in {{wait:g}} s"))
        for t in segments.catalog_tables():
            con.execute(schema.TABLES[t])
            if _has_table_in(con, L, t):
                con.execute(f"INSERT INTO {t} BY NAME SELECT * FROM {L}.{t}")
        for t in segments.DATA_TABLES:
            if _has_table_in(con, L, t):
                con.execute(f"CREATE TABLE {t} AS SELECT * FROM {w.data}.{t}")
        init_schema(con)
        w.rewrite_all = True
        w.staged = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    else:
        for t in (*segments.catalog_tables(), *segments.DATA_TABLES):
            con.execute(_staging_ddl(t))
            if is_cat and t in segments.DATA_TABLES:
                for name, typ in segments.extra_columns(con, f"{L}._shape_{t}", t):
                    con.execute(f'ALTER TABLE {t} ADD COLUMN "{name}" {typ}')
        if is_cat:
            for t in segments.catalog_tables():
                if _has_table_in(con, L, t):
                    con.execute(f"INSERT INTO {t} BY NAME SELECT * FROM {L}.{t}")
            if segments.read_catalog(con, L).meta.get("path") != str(db.resolve()):
                w.must_publish = True    # moved: rewrite the views' paths
        else:
            w.must_publish = True        # a new database: publish even if nothing is written
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(schema.SCHEMA_VERSION)])
    con.execute("INSERT OR REPLACE INTO meta VALUES ('store', ?)", [segments.FORMAT])
    w.printed = w.fingerprint()
    src = "articles" if w.rewrite_all else (f"{w.data}.articles" if is_cat else None)
    if src:
        w.known = dict(con.execute(f"SELECT doc_id, source_hash FROM {src}").fetchall())
    return True


def schema_version_of(con, alias: str) -> int:
    if not _has_table_in(con, alias, "meta"):
        return 0
    row = con.execute(f"SELECT value FROM {alias}.meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def _has_table_in(con, alias: str, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = ? AND table_name = ?",
                            [alias, name]).fetchone()[0]) or bool(con.execute(
        "SELECT count(*) FROM duckdb_views() WHERE database_name = ? AND view_name = ?", [alias, name]).fetchone()[0])


# --- writing articles -----------------------------------------------------------

def stored_hashes(con: Writer, doc_ids: list[str]) -> dict[str, str]:
    return {d: h for d, (h, _) in con.stored(list(doc_ids)).items()}


def write_article(con: Writer, extracted) -> str:
    """Write one article in one transaction: 'loaded', 'unchanged' or 'replaced'."""
    return write_batch(con, [extracted])[0]


def write_batch(con: Writer, items) -> list[str]:
    """Write many articles in one transaction; same outcomes as `write_article`, in order.

    `items`: `Extracted` objects or a `rows.Batch`. All or nothing: on an error nothing
    of the batch is written and the error is raised (the caller retries article by article
    to isolate the bad one). An article stored with the same content and rules is
    'unchanged' and keeps its rows and load time."""
    batch = items if isinstance(items, rows.Batch) else rows.batch(items)
    ids = batch.doc_ids
    hashes = batch.articles.column("content_hash").to_pylist()
    sources = batch.articles.column("source_hash").to_pylist()
    old = con.stored(ids)
    outcomes, todo, refresh = [], [], []
    for d, h, s in zip(ids, hashes, sources):
        if d in old and old[d][0] == h:
            outcomes.append("unchanged")
            if s and old[d][1] != s:
                refresh.append((d, s))    # same content from different raw input: remember the new digest
        else:
            outcomes.append("loaded" if d not in old else "replaced")
            todo.append(d)
    if not todo and not refresh:
        return outcomes
    staged = _staged_ids(con, [d for d in ids if d in old])
    fresh_refresh = [r for r in refresh if r[0] not in staged]
    con.execute("BEGIN TRANSACTION")
    try:
        again = sorted(d for d in todo if d in staged)     # replaced before this session published it
        if again:
            for t in segments.DATA_TABLES:
                con.execute(f"DELETE FROM {t} WHERE doc_id IN (SELECT unnest(?))", [again])
        if todo:
            _insert_batch(con, batch.only(todo) if len(todo) < len(ids) else batch)
        _copy_live(con, fresh_refresh)
        if len(fresh_refresh) < len(refresh):
            con.execute("UPDATE articles SET source_hash = s.h FROM (SELECT unnest(?) AS d, unnest(?) AS h) s "
                        "WHERE doc_id = s.d", [[d for d, _ in refresh], [h for _, h in refresh]])
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise
    newly = [d for d in todo if d not in staged] + [d for d, _ in fresh_refresh]
    con.replaced_live.update(d for d in newly if d in old)
    con.staged += len(newly)
    con.known.update(dict(zip(ids, sources)))
    if con.staged >= FLUSH_ARTICLES:
        con.flush()
    return outcomes


def _rollback(con) -> None:
    """Roll back, keeping the error that got us here: after a failed write (a full disk)
    DuckDB may refuse the rollback too, and its "cannot rollback" would hide the cause."""
    try:
        con.execute("ROLLBACK")
    except Exception:
        pass


# Storage failures: the disk, not the data, is at fault, so no article is to blame and
# the run stops. DuckDB reports them as text, so its messages are matched too.
_DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EFBIG}
_DISK_MESSAGES = ("No space left on device", "Disk quota exceeded", "Read-only file system",
                  "Input/output error", "File too large")


def disk_error(exc: BaseException | None) -> str | None:
    """The storage reason ("No space left on device") when `exc` is a storage failure."""
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno in _DISK_ERRNOS:
            return exc.strerror or os.strerror(exc.errno)
        if type(exc).__module__.split(".")[0] in ("duckdb", "_duckdb"):
            found = next((m for m in _DISK_MESSAGES if m.lower() in str(exc).lower()), None)
            if found:
                return found
        exc = exc.__cause__ or exc.__context__
    return None


def _staged_ids(con: Writer, ids: list[str]) -> set[str]:
    return {d for (d,) in con.execute("SELECT doc_id FROM articles WHERE doc_id IN (SELECT unnest(?))",
                                      [ids]).fetchall()}


def _copy_live(con: Writer, pairs: list[tuple[str, str]]) -> None:
    """Re-stage live articles unchanged but for their source digest (e.g. after a migration)."""
    if not pairs:
        return
    ids, hs = [p[0] for p in pairs], [p[1] for p in pairs]
    con.execute(f"""INSERT INTO articles BY NAME SELECT a.* REPLACE (s.h AS source_hash)
                    FROM {con.data}.articles a JOIN (SELECT unnest(?) AS d, unnest(?) AS h) s ON a.doc_id = s.d""",
                [ids, hs])
    for t in ("figures", "events"):
        con.execute(f"INSERT INTO {t} BY NAME SELECT * FROM {con.data}.{t} WHERE doc_id IN (SELECT unnest(?))",
                    [ids])


def _insert_batch(con, batch: rows.Batch) -> None:
    """Append a batch's rows to the staged tables (Arrow in, no per-row round trips)."""
    for t in segments.DATA_TABLES:
        if getattr(batch, t).num_rows:
            _insert(con, t, getattr(batch, t))


def _insert(con, table: str, data) -> None:
    view = f"_new_{table}"
    if isinstance(data, rows.PyRows):
        # Python rows (this process extracted them): numpy object columns, which DuckDB scans
        # without the pandas import that building Arrow arrays from Python objects costs
        import numpy as np
        cols = data.column_names
        arrays = {c: np.empty(data.num_rows, dtype=object) for c in cols}
        for i, c in enumerate(cols):
            arrays[c][:] = [r[i] for r in data.rows]
        data = arrays
    con.register(view, data)
    try:
        cols = ", ".join(data.column_names if hasattr(data, "column_names") else data)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {view}")
    finally:
        con.unregister(view)


def _insert_articles(con, items) -> None:
    """Rows of `Extracted` items into the tables of `con` (any connection with the schema)."""
    _insert_batch(con, rows.batch(items))


def refresh_places(con) -> int:
    """Replace the `places` table with the gazetteer entries the data names (figures,
    events, articles' main and dateline places; live and staged), plus every oblast, country
    and region: the map's points and the rows an export needs, not all 30,000 settlements.
    Publishes nothing by itself: an identical table changes nothing."""
    from . import places
    gazetteer = getattr(places, "gazetteer", None)
    if not callable(gazetteer):
        return 0
    sql = ("SELECT place FROM {p}figures UNION SELECT place FROM {p}events "
           "UNION SELECT main_place FROM {p}articles UNION SELECT dateline_place FROM {p}articles")
    named = {r[0] for r in con.execute(sql.format(p="")).fetchall()}
    if isinstance(con, Writer) and con.data:     # what is already published counts too
        named |= {r[0] for r in con.execute(sql.format(p=con.data + ".")).fetchall()}
    rows_ = []
    for p in gazetteer():
        get = p.get if isinstance(p, dict) else (lambda c, p=p: getattr(p, c, None))
        if get("name") in named or get("kind") not in ("city", "town", "village"):
            rows_.append(tuple(get(c) for c in PLACE_COLS))
    # a gazetteer may list a name twice (aliases); keep the first row
    seen, unique = set(), []
    for r in rows_:
        if r[0] and r[0] not in seen:
            seen.add(r[0])
            unique.append(r)
    before = sorted(con.execute("SELECT * FROM places").fetchall(), key=repr)
    if before == sorted(unique, key=repr):
        return len(unique)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM places")
        if unique:   # one statement: executemany costs milliseconds a row
            con.execute(f"INSERT INTO places SELECT {', '.join(['unnest(?)'] * len(PLACE_COLS))}",
                        [list(c) for c in zip(*unique)])
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise
    if isinstance(con, Writer):
        con.must_publish = True
    return len(unique)


# --- export and stats (read-only) ---------------------------------------------------

TABLES = ("articles", "figures", "events", "places")


def export(db_path, out_dir, fmt: str = "csv") -> list[Path]:
    """One file per table in `out_dir` (CSV with a header, or Parquet).

    CSV cells go through loaders.csvsafe (text a spreadsheet would run as a formula gets a
    leading apostrophe); Parquet is typed data for programs, written as stored."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with contextlib.closing(connect_read(db_path)) as con:
        for t in TABLES:
            target = out / f"{t}.{fmt}"
            if fmt == "parquet":
                con.execute(f"COPY (SELECT * FROM {t} ORDER BY ALL) TO {segments.sql_str(target)} (FORMAT parquet)")
            else:
                _write_csv(con.execute(f"SELECT * FROM {t} ORDER BY ALL"), target)
            written.append(target)
    return written


def _write_csv(cursor, target: Path, rows_at_once: int = 10_000) -> None:
    import csv

    with open(target, "w", encoding="utf-8", newline="") as fh:
        # CRLF rows (RFC 4180): with "\n" alone, csv would leave a field holding a bare "\r" unquoted
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow([_safe_cell(d[0]) for d in cursor.description])
        while batch := cursor.fetchmany(rows_at_once):
            w.writerows([_csv_cell(v) for v in r] for r in batch)   # None is written as ""


def _csv_cell(v):
    if v.__class__ is bool:
        return "true" if v else "false"   # as DuckDB writes them
    return _safe_cell(v)


def stats(db_path) -> str:
    with contextlib.closing(connect_read(db_path)) as con:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        lines = [f"schema_version {schema_version(con)}"]
        lines += [f"{t:<9} {q(f'SELECT count(*) FROM {t}')[0][0]:>8}" for t in TABLES]
        if segments.is_catalog(con):
            cat = segments.read_catalog(con)
            lines.append(f"segments  {len(cat.segments):>8}  ({len(cat.tombstones)} replaced articles awaiting "
                         "compaction)")
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
