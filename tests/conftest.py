"""Shared test factory: build a real DuckDB database from real article files.

`build_db(tmp_path, paths=..., manifest=...)` runs the same library call the CLI
uses; fixtures below are thin wrappers around it. Knobs (workers, now, wait,
progress) pass straight to `loaders.ingest.ingest`.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "articles"
FIXTURES = ROOT / "tests" / "fixtures"
NOW = dt.datetime(2026, 1, 2, 3, 4, 5)


def build_db(tmp_path: Path, paths=None, manifest=None, name: str = "frontline.duckdb", **knobs) -> Path:
    from loaders.ingest import ingest

    db = Path(tmp_path) / name
    knobs.setdefault("progress", False)
    report = ingest([Path(p) for p in (paths or [SAMPLES])], db, manifest=manifest, **knobs)
    assert report.loaded + report.unchanged + report.replaced > 0, report.failed
    return db


def table_rows(db: Path, table: str, columns: str = "*") -> list[tuple]:
    """Every row of a table, sorted, for comparing whole databases."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(con.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)
    finally:
        con.close()


def query(db: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def write(folder: Path, name: str, content) -> Path:
    """Write a text (str), bytes, or JSON (dict/list) file and return its path."""
    p = Path(folder) / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        p.write_bytes(content)
    elif isinstance(content, (dict, list)):
        p.write_text(json.dumps(content), encoding="utf-8")
    else:
        p.write_text(content, encoding="utf-8")
    return p


ARTICLE = ("Russian forces shelled the town of Kupiansk on Tuesday, regional governor Oleh Syniehubov said.\n"
           "Two people were wounded and a school was damaged, he said on Telegram.\n")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The bundled sample articles, loaded once per test session. Do not write to it."""
    return build_db(tmp_path_factory.mktemp("samples"), now=NOW)


@pytest.fixture
def now() -> dt.datetime:
    return NOW
