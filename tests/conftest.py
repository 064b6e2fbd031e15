"""Shared test factory: build a real DuckDB database from real article files.

`build_db(tmp_path, paths=..., manifest=...)` runs the same library call the CLI
uses; fixtures below are thin wrappers around it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "articles"


def build_db(tmp_path: Path, paths=None, manifest=None, name: str = "frontline.duckdb", **knobs) -> Path:
    from loaders.ingest import ingest

    db = Path(tmp_path) / name
    report = ingest([Path(p) for p in (paths or [SAMPLES])], db, manifest=manifest, **knobs)
    assert report.loaded + report.unchanged + report.replaced > 0, report.failed
    return db


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The bundled sample articles, loaded once per test session. Do not write to it."""
    return build_db(tmp_path_factory.mktemp("samples"))
