"""ingest(): formats end to end, idempotence, replacement, failures that do not stop a batch."""
from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from loaders import pipeline
from loaders.ingest import ingest

from conftest import ARTICLE, FIXTURES, NOW, SAMPLES, build_db, query, table_rows, write

TABLES = ("articles", "figures", "events", "places", "meta")


def copy_samples(tmp_path):
    return shutil.copytree(SAMPLES, tmp_path / "articles")


def test_samples_load_into_the_contract_tables(sample_db):
    rows = query(sample_db, "SELECT doc_id, published, published_how, outlet FROM articles ORDER BY doc_id")
    assert rows == [
        ("000_0dabb76494d345aa", dt.date(2024, 10, 8), "given", "Reuters"),
        ("001_25ede7228fdafa9b", dt.date(2024, 10, 9), "given", "Reuters"),
        ("002_847ebad0b789be72", dt.date(2023, 3, 7), "given", "The Moscow Times"),
        ("003_e80530d7726bb50a", dt.date(2023, 3, 1), "given", "Reuters"),
        ("004_685030874ad2494d", dt.date(2023, 3, 13), "given", None),
    ]


def test_stored_article_keeps_cleaned_and_original_text_and_provenance(sample_db):
    (row,) = query(sample_db, "SELECT text, original_text, dateline, content_hash, source_path, fmt, loaded_at "
                              "FROM articles WHERE doc_id = '002_847ebad0b789be72'")
    text, original, dateline, h, path, fmt, loaded_at = row
    assert "Dear readers" not in text and "Dear readers" in original
    assert path.endswith("002_847ebad0b789be72.txt") and fmt == "txt" and loaded_at == NOW
    assert h.endswith(":" + pipeline.EXTRACTOR_VERSION)


def test_ingesting_the_same_files_twice_changes_no_row(tmp_path):
    db = build_db(tmp_path, now=NOW)
    before = {t: table_rows(db, t) for t in TABLES}
    report = ingest([SAMPLES], db, now=NOW + dt.timedelta(hours=5), progress=False)
    assert (report.loaded, report.unchanged, report.replaced, report.failed) == (0, 5, 0, [])
    assert {t: table_rows(db, t) for t in TABLES} == before


def test_changed_content_replaces_only_that_article(tmp_path):
    src = copy_samples(tmp_path)
    db = build_db(tmp_path, paths=[src], now=NOW)
    target = src / "003_e80530d7726bb50a.txt"
    target.write_text(target.read_text() + "\nUkraine said 12 civilians were evacuated on Thursday.\n")
    later = NOW + dt.timedelta(days=1)
    report = ingest([src], db, now=later, progress=False)
    assert (report.loaded, report.unchanged, report.replaced) == (0, 4, 1)
    rows = dict(query(db, "SELECT doc_id, loaded_at FROM articles"))
    assert rows.pop("003_e80530d7726bb50a") == later
    assert set(rows.values()) == {NOW}
    (text,) = query(db, "SELECT text FROM articles WHERE doc_id = '003_e80530d7726bb50a'")[0]
    assert text.endswith("12 civilians were evacuated on Thursday.")


def test_new_extractor_version_re_extracts_unchanged_files(tmp_path, monkeypatch):
    db = build_db(tmp_path, now=NOW)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", pipeline.EXTRACTOR_VERSION + "-next")
    report = ingest([SAMPLES], db, now=NOW, progress=False)
    assert report.replaced == 5


@pytest.mark.parametrize("name, content, fmt, doc_ids", [
    ("a.txt", ARTICLE, "txt", ["a"]),
    ("b.md", "# Kupiansk shelled\n\n" + ARTICLE, "md", ["b"]),
    ("kupiansk.html", (FIXTURES / "kupiansk.html").read_text(), "html", ["kupiansk"]),
    ("one.json", {"id": "j1", "text": ARTICLE, "published": "2024-05-14"}, "json", ["j1"]),
    ("list.json", [{"id": "j1", "text": ARTICLE}, {"id": "j2", "text": ARTICLE}], "json", ["j1", "j2"]),
    ("feed.jsonl", json.dumps({"id": "l1", "text": ARTICLE}) + "\nnot json\n"
     + json.dumps({"id": "l3", "text": ARTICLE}) + "\n", "jsonl", ["l1", "l3"]),
])
def test_every_input_format_loads_into_articles(tmp_path, name, content, fmt, doc_ids):
    path = write(tmp_path / "in", name, content)
    report = ingest([path], tmp_path / "x.duckdb", now=NOW, progress=False)
    assert report.loaded == len(doc_ids)
    assert query(tmp_path / "x.duckdb", "SELECT doc_id, fmt FROM articles ORDER BY doc_id") == [
        (d, fmt) for d in doc_ids]
    if fmt == "jsonl":
        assert report.failed == [(f"{path}:2", "invalid JSON (Expecting value at column 1) \u2014 fix the line or remove it")]


def test_html_article_stores_page_metadata_and_the_raw_page(tmp_path):
    db = build_db(tmp_path, paths=[FIXTURES / "kupiansk.html"], now=NOW)
    (row,) = query(db, "SELECT title, outlet, url, published, published_how, text, original_text FROM articles")
    title, outlet, url, published, how, text, original = row
    assert (title, outlet, published, how) == ("Russian shelling wounds two in Kupiansk", "Example News",
                                               dt.date(2024, 5, 14), "given")
    assert url.endswith("/kupiansk-shelling")
    assert text.startswith("Russian forces shelled the town of Kupiansk")   # repeated headline dropped
    assert "<script>" in original


def test_bad_files_in_a_batch_are_reported_by_name_and_the_rest_loads(tmp_path):
    src = copy_samples(tmp_path)
    write(src, "broken.txt", bytes(range(256)) * 8)
    write(src, "blank.md", "")
    report = ingest([src], tmp_path / "x.duckdb", now=NOW, progress=False)
    assert report.loaded == 5
    assert sorted((w.rsplit("/", 1)[-1], r.split(" \u2014")[0]) for w, r in report.failed) == [
        ("blank.md", "empty"), ("broken.txt", "not text (binary or unknown encoding)")]
    assert "FAILED" in report.summary() and "broken.txt" in report.summary()


@pytest.mark.parametrize("workers", [1, 2])
def test_exception_inside_extraction_fails_only_that_article(tmp_path, monkeypatch, workers):
    real = pipeline.extract

    def flaky(doc, now=None):
        if doc.doc_id.startswith("002"):
            raise ValueError("regex blew up")
        return real(doc, now=now)

    monkeypatch.setattr(pipeline, "extract", flaky)
    report = ingest([SAMPLES], tmp_path / "x.duckdb", now=NOW, workers=workers, progress=False)
    assert report.loaded == 4
    ((where, reason),) = report.failed
    assert where.endswith("002_847ebad0b789be72.txt")
    assert reason.startswith("extraction failed: ValueError: regex blew up")


def test_exception_while_storing_one_article_does_not_lose_the_others(tmp_path, monkeypatch):
    from loaders import store
    real = store._insert_batch

    def fail_on_003(con, batch):
        real(con, batch)   # the rows are in, then the write fails
        if any(d.startswith("003") for d in batch.doc_ids):
            raise RuntimeError("constraint violated")

    monkeypatch.setattr(store, "_insert_batch", fail_on_003)
    db = tmp_path / "x.duckdb"
    report = ingest([SAMPLES], db, now=NOW, progress=False)
    assert report.loaded == 4 and len(report.failed) == 1
    assert "003_e80530d7726bb50a" in report.failed[0][0] and "constraint violated" in report.failed[0][1]
    assert query(db, "SELECT count(*) FROM articles WHERE doc_id LIKE '003%'") == [(0,)]


def test_worker_processes_give_the_same_database_as_one_process(tmp_path):
    one = build_db(tmp_path, name="one.duckdb", now=NOW)
    two = build_db(tmp_path, name="two.duckdb", now=NOW, workers=2)
    for t in ("articles", "figures", "events"):
        assert table_rows(one, t) == table_rows(two, t)


def test_duplicate_doc_ids_in_one_run_are_reported(tmp_path):
    write(tmp_path / "in/a", "story.txt", ARTICLE)
    write(tmp_path / "in/b", "story.txt", ARTICLE + "More.\n")
    report = ingest([tmp_path / "in"], tmp_path / "x.duckdb", now=NOW, progress=False)
    assert report.loaded == 1
    ((where, reason),) = report.failed
    assert where.endswith("b/story.txt") and "duplicate doc_id 'story'" in reason


def test_summary_lists_counts_and_each_failure():
    from loaders.ingest import IngestReport
    r = IngestReport(loaded=3, unchanged=1, replaced=2, failed=[("x.jsonl:4", "invalid JSON")], db="f.duckdb")
    assert r.summary() == ("f.duckdb: loaded 3, unchanged 1, replaced 2, failed 1\n"
                           "  FAILED x.jsonl:4: invalid JSON")


@pytest.mark.parametrize("progress, shown", [(True, True), (False, False)])
def test_progress_bar_goes_to_stderr_only_when_asked(tmp_path, capsys, progress, shown):
    ingest([SAMPLES], tmp_path / "x.duckdb", now=NOW, progress=progress)
    out, err = capsys.readouterr()
    assert out == ""
    assert ("5article" in err) is shown


@pytest.mark.timeout(120)
def test_interrupted_parallel_ingest_stops_cleanly_and_leaves_the_database_untouched(tmp_path, monkeypatch):
    from loaders import ingest as ingest_mod, store
    for i in range(300):
        write(tmp_path / "in", f"a{i:03}.txt", f"Article {i}. Two people were wounded, officials said.\n")
    db = build_db(tmp_path, paths=[SAMPLES], now=NOW)
    before = table_rows(db, "articles")
    monkeypatch.setattr(ingest_mod, "BATCH", 1)
    calls = []

    def interrupt(con, items):
        calls.append(len(items))
        if len(calls) == 3:
            raise KeyboardInterrupt
        return ["loaded"] * len(items)

    monkeypatch.setattr(store, "write_batch", interrupt)
    with pytest.raises(KeyboardInterrupt):
        ingest([tmp_path / "in"], db, now=NOW, workers=2, progress=False)
    assert table_rows(db, "articles") == before
    assert list(tmp_path.glob("*.tmp-*")) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_unchanged_articles_are_not_extracted_again(tmp_path, monkeypatch, workers):
    db = build_db(tmp_path, paths=[SAMPLES, FIXTURES / "kupiansk.html"], now=NOW)
    before = {t: table_rows(db, t) for t in TABLES}
    seen = []

    def spy(doc, now=None):
        seen.append(doc.doc_id)
        raise AssertionError(f"{doc.doc_id} extracted again")

    monkeypatch.setattr(pipeline, "extract", spy)
    report = ingest([SAMPLES], db, now=NOW, workers=workers, progress=False)
    assert (report.unchanged, report.failed) == (5, [])
    assert {t: table_rows(db, t) for t in TABLES} == before


def test_html_that_breaks_the_parser_fails_only_that_page(tmp_path, monkeypatch):
    from loaders import sources

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(sources, "from_html", broken)
    write(tmp_path / "in", "page.html", (FIXTURES / "kupiansk.html").read_text())
    write(tmp_path / "in", "story.txt", ARTICLE)
    report = ingest([tmp_path / "in"], tmp_path / "x.duckdb", now=NOW, progress=False)
    assert report.loaded == 1
    ((where, reason),) = report.failed
    assert where.endswith("page.html") and "RecursionError" in reason


@pytest.mark.parametrize("workers", [1, 2])
def test_article_whose_extraction_spins_is_stopped_and_reported_the_rest_loads(tmp_path, monkeypatch, workers):
    real = pipeline.extract

    def spin(doc, now=None):
        if doc.doc_id.startswith("003"):
            while True:   # a pathological rule: burns CPU forever
                pass
        return real(doc, now=now)

    monkeypatch.setattr(pipeline, "extract", spin)
    report = ingest([SAMPLES], tmp_path / "x.duckdb", now=NOW, workers=workers, progress=False, timeout=0.5)
    assert report.loaded == 4
    ((where, reason),) = report.failed
    assert where.endswith("003_e80530d7726bb50a.txt")
    assert reason.startswith("extraction took over 0.5 s of CPU (stopped in test_ingest.py:")


def test_cpu_limit_is_not_swallowed_by_rule_code_that_catches_exceptions(tmp_path, monkeypatch):
    real = pipeline.extract

    def stubborn(doc, now=None):
        if doc.doc_id.startswith("003"):
            while True:
                try:
                    while True:
                        pass
                except Exception:   # "a bad rule must not stop the article"
                    continue
        return real(doc, now=now)

    monkeypatch.setattr(pipeline, "extract", stubborn)
    report = ingest([SAMPLES], tmp_path / "x.duckdb", now=NOW, progress=False, timeout=0.3)
    assert report.loaded == 4 and "over 0.3 s of CPU" in report.failed[0][1]


def test_a_duckdb_query_stopped_by_ctrl_c_is_recognised_as_a_stop():
    """DuckDB reports an interrupted query as an error of its own; the ingest must treat it as the
    user's Ctrl-C (a watcher that swallowed it would never stop)."""
    import threading
    import duckdb
    from loaders.ingest import _interrupted
    con = duckdb.connect()
    timer = threading.Timer(0.3, con.interrupt)
    timer.start()
    with pytest.raises(Exception) as caught:
        con.execute("SELECT count(*) FROM range(100000000000) a, range(10) b").fetchall()
    timer.cancel()
    assert _interrupted(caught.value)
    assert not _interrupted(RuntimeError("IO Error: No space left on device"))
