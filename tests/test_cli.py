"""python -m loaders, run as a user runs it (subprocess)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from loaders.schema import SCHEMA_VERSION

from conftest import ROOT, SAMPLES, query, write


def cli(*args, env=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "loaders", *map(str, args)], cwd=cwd, text=True,
                          capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_ingest_loads_the_samples_and_a_second_run_changes_nothing(tmp_path):
    db = tmp_path / "x.duckdb"
    first = cli("ingest", "data/articles", "--db", db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"{db}: loaded 5, unchanged 0, replaced 0, failed 0")
    rows = query(db, "SELECT * FROM articles ORDER BY doc_id")
    second = cli("ingest", "data/articles", "--db", db)
    assert second.returncode == 0 and "loaded 0, unchanged 5, replaced 0, failed 0" in second.stdout
    assert query(db, "SELECT * FROM articles ORDER BY doc_id") == rows


def test_bad_file_in_a_batch_is_named_and_the_exit_status_is_zero(tmp_path):
    bad = write(tmp_path, "bad.jsonl", '{"id": "x", "text": "Two people were wounded."}\n{oops\n')
    r = cli("ingest", SAMPLES, bad, "--db", tmp_path / "x.duckdb", "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert "loaded 6, unchanged 0, replaced 0, failed 1" in r.stdout
    assert f"FAILED {bad}:2: invalid JSON" in r.stdout


@pytest.mark.parametrize("inputs", [["nope.txt"], ["empty.txt"]])
def test_exit_status_is_non_zero_when_nothing_loads(tmp_path, inputs):
    write(tmp_path, "empty.txt", "")
    r = cli("ingest", *[tmp_path / i for i in inputs], "--db", tmp_path / "x.duckdb")
    assert r.returncode == 1
    assert "failed 1" in r.stdout and "nothing loaded" in r.stderr


def test_exit_status_is_non_zero_when_the_database_cannot_be_written(tmp_path):
    blocker = write(tmp_path, "file", "not a folder")
    r = cli("ingest", SAMPLES, "--db", blocker / "x.duckdb")
    assert r.returncode == 2 and "could not write" in r.stderr


def test_db_defaults_to_the_frontline_db_environment_variable(tmp_path):
    db = tmp_path / "env.duckdb"
    r = cli("ingest", SAMPLES, env={"FRONTLINE_DB": str(db)})
    assert r.returncode == 0 and db.exists()
    s = cli("stats", env={"FRONTLINE_DB": str(db)})
    assert s.returncode == 0 and "articles         5" in s.stdout


def test_manifest_option_overrides_the_folder_manifest(tmp_path):
    m = write(tmp_path, "m.csv", "file,published,source\n004_685030874ad2494d.txt,2023-03-14,Kyiv Post\n")
    db = tmp_path / "x.duckdb"
    assert cli("ingest", SAMPLES, "--db", db, "--manifest", m).returncode == 0
    assert query(db, "SELECT published::VARCHAR, outlet FROM articles WHERE doc_id LIKE '004%'") == [
        ("2023-03-14", "Kyiv Post")]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_writes_one_file_per_table(tmp_path, fmt):
    db = tmp_path / "x.duckdb"
    cli("ingest", SAMPLES, "--db", db)
    r = cli("export", "--db", db, "--out", tmp_path / "out", "--format", fmt)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{t}.{fmt}" for t in ("articles", "figures", "events", "places"))
    if fmt == "csv":
        assert len((tmp_path / "out" / "articles.csv").read_text().splitlines()) > 5


def test_stats_reports_counts_and_date_range(tmp_path):
    db = tmp_path / "x.duckdb"
    cli("ingest", SAMPLES, "--db", db)
    r = cli("stats", "--db", db)
    assert r.returncode == 0
    assert f"schema_version {SCHEMA_VERSION}" in r.stdout and "articles         5" in r.stdout
    assert "published 2023-03-01 .. 2024-10-09 (0 unknown)" in r.stdout


@pytest.mark.parametrize("cmd", [["stats"], ["export", "--out", "out"]])
def test_read_commands_on_a_missing_database_say_how_to_build_it(tmp_path, cmd):
    r = cli(*cmd, "--db", tmp_path / "missing.duckdb", cwd=tmp_path)
    assert r.returncode == 1 and "python -m loaders ingest" in r.stderr


def test_busy_database_fails_with_a_message_naming_the_writer(tmp_path):
    db = tmp_path / "x.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import sys,time\nfrom loaders import store\n"
                               "with store.open_writer(sys.argv[1]):\n print('locked', flush=True); time.sleep(30)",
                               str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        r = cli("ingest", SAMPLES, "--db", db, "--wait", "0.2")
        assert r.returncode == 2 and f"being written by process {holder.pid}" in r.stderr
    finally:
        holder.kill()
        holder.wait()
