"""Read-only access to the live database, cached against its version, with corrections applied.

The loader never writes the live file in place: it publishes a new catalog file and
`os.replace`s it over the live path (loaders/segments.py; docs/store.md). So (inode, mtime,
size) of the live path identifies its content; when it changes we drop the old connection and
every cached result, and reopen.

A reader is an in-memory DuckDB with the live catalog attached read-only as `live`, and views
named like the tables in front of it (loaders/corrections.install_views): queries here read
`figures` and `events` by name and get the analysts' corrections applied, rejected rows left
out. Views live in the in-memory catalog, so every cursor of the connection sees them.
"""
from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict
from pathlib import Path

import duckdb
import pandas as pd

from loaders import corrections, store

DEFAULT_DB = "data/frontline.duckdb"
_lock = threading.RLock()
_idle = threading.Condition(_lock)      # signalled when a query on a connection ends
_busy: dict[str, int] = {}               # queries running per database path
_cons: dict[str, tuple[tuple, duckdb.DuckDBPyConnection]] = {}
_cache: OrderedDict = OrderedDict()
_running: dict[tuple, threading.Event] = {}   # cached calls being computed
CACHE_SIZE = 256


def db_path() -> Path:
    return Path(os.environ.get("FRONTLINE_DB") or DEFAULT_DB)


def data_dir(db: Path | None = None) -> Path:
    return Path(db or db_path()).resolve().parent


def version(db) -> tuple | None:
    return store.db_version(db)


def _connection(db: str, ver: tuple) -> duckdb.DuckDBPyConnection:
    held = _cons.get(db)
    if held and held[0] == ver:
        return held[1]
    if held:
        # close first: DuckDB caches open databases by path inside a process. Queries still
        # running on the old file finish first (they read the snapshot they started on).
        while _busy.get(db):
            _idle.wait()
        held = _cons.get(db)
        if held and held[0] == ver:
            return held[1]
        if held:
            held[1].close()
            del _cons[db]
    con = open_reader(db)
    _cons[db] = (ver, con)
    return con


SOURCE = "live"   # the attached database file's catalog name inside a reader


def open_reader(db) -> duckdb.DuckDBPyConnection:
    """The live file attached read-only, behind the corrections views."""
    con = duckdb.connect(":memory:")
    try:
        path = str(db).replace("'", "''")
        con.execute(f"ATTACH '{path}' AS {SOURCE} (READ_ONLY)")
        # segment files never change: parse each Parquet footer once, not on every query
        con.execute("SET parquet_metadata_cache = true")
        corrections.install_views(con, SOURCE)
        store.track_reader(db, con)     # a correction saved from this process keeps its files
    except BaseException:
        con.close()
        raise
    return con


def query(db, sql: str, params: list | tuple = ()) -> pd.DataFrame:
    """Run one parameterised query on the live database (no caching here). Queries from
    several sessions run at once, each on its own cursor; the lock only guards opening."""
    db = str(db)
    with _lock:
        ver = version(db)
        if ver is None:
            raise FileNotFoundError(db)
        cur = _connection(db, ver).cursor()
        _busy[db] = _busy.get(db, 0) + 1
    try:
        return cur.execute(sql, list(params)).df()
    finally:
        cur.close()
        with _lock:
            _busy[db] -= 1
            _idle.notify_all()


def rows(db, sql: str, params: list | tuple = ()) -> list[dict]:
    """Like `query`, as dicts of plain Python values (dates as datetime.date)."""
    db = str(db)
    with _lock:
        ver = version(db)
        if ver is None:
            raise FileNotFoundError(db)
        cur = _connection(db, ver).cursor()
        try:
            res = cur.execute(sql, list(params))
            names = [d[0] for d in res.description]
            return [dict(zip(names, r)) for r in res.fetchall()]
        finally:
            cur.close()


def cached(fn):
    """Memoise fn(db, *args) on (db version, args). Args must be hashable. A call that finds
    the same call already running (another session, the warm-up) waits for its result."""
    @functools.wraps(fn)
    def wrapper(db, *args, **kwargs):
        key = (fn.__qualname__, str(db), version(db), args, tuple(sorted(kwargs.items())))
        while True:
            with _lock:
                if key in _cache:
                    _cache.move_to_end(key)
                    hit = _cache[key]
                    return hit.copy() if isinstance(hit, pd.DataFrame) else hit
                running = _running.get(key)
                if running is None:
                    running = _running[key] = threading.Event()
                    break
            running.wait()       # then look again (if that call failed, this one runs)
        try:
            value = fn(db, *args, **kwargs)
            with _lock:
                _cache[key] = value
                while len(_cache) > CACHE_SIZE:
                    _cache.popitem(last=False)
        finally:
            with _lock:
                _running.pop(key, None)
            running.set()
        return value.copy() if isinstance(value, pd.DataFrame) else value
    return wrapper


def status(db) -> str:
    """'missing', 'empty' (no articles yet), 'ok' or 'broken: <why>'."""
    if version(db) is None:
        return "missing"
    try:
        n = query(db, "SELECT count(*) AS n FROM articles")["n"].iloc[0]
    except duckdb.CatalogException:
        return "empty"
    except duckdb.Error as e:
        return f"broken: {e}"
    return "ok" if n else "empty"


def close_all() -> None:
    with _lock:
        while any(_busy.values()):        # let running queries end first
            _idle.wait()
        for _, con in _cons.values():
            con.close()
        _cons.clear()
        _cache.clear()
