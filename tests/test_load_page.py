"""The Load page in AppTest: files, pasted addresses and a feed go through the CLI in a
subprocess (its CPU limit per article applies), with a per-item report. Web pages come
from a local site on 127.0.0.1."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT, query
from loaders import segments
from metrics import db as mdb
from metrics import upload
from webserver import Site

APP = str(ROOT / "app.py")
GOOD = "KYIV — Officials said 12 people were wounded in Kharkiv on Tuesday, the regional governor said.\n"


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def load_page(db, monkeypatch) -> AppTest:
    monkeypatch.setenv("FRONTLINE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/load.py").run()
    assert not at.exception and at.title[0].value == "Load articles"
    return at


def report(at, errors: int = 0) -> dict[str, tuple[str, str]]:
    assert len(at.error) == errors and not at.exception, [e.value for e in [*at.error, *at.exception]]
    df = at.dataframe[0].value
    return {r.input: (r.result, r.details) for r in df.itertuples()}


def test_files_urls_and_a_feed_load_with_a_report_per_item(tmp_path, monkeypatch, site):
    monkeypatch.setenv("FRONTLINE_FETCH_PRIVATE", "1")
    db = tmp_path / "data" / "frontline.duckdb"
    at = load_page(db, monkeypatch)
    at.file_uploader(key="uploads").set_value([("note.txt", GOOD.encode(), "text/plain"),
                                               ("broken.json", b"{not json", "application/json")])
    pasted = f"{site.url('/world/2024/05/16/toretsk-assaults.html')}\n{site.url('/missing')}, not-a-url\n"
    at.text_area(key="urls").set_value(pasted)
    at.text_input(key="feed").set_value(site.url("/feeds/rss.xml"))
    at.run()
    at.button(key="load_btn").click().run()
    try:
        assert not at.exception, [e.value for e in at.exception]
        assert [e.value.replace("\\", "") for e in at.error] == ["not-a-url: not a web address (http:// or https://)"]
        got = report(at, errors=1)
        assert got[site.url("/world/2024/05/16/toretsk-assaults.html")] == ("loaded", "")
        # pasted, and listed by the feed: fetched once, one row
        assert got[site.url("/missing")] == ("failed", "HTTP 404 Not Found — check the address")
        assert site.hits("/missing") == 1
        assert got["note.txt"] == ("loaded", "") and got["broken.json"][0] == "failed"
        assert "invalid JSON" in got["broken.json"][1]
        # the feed's entries report as their own rows
        assert got[site.url("/news/kharkiv-strike")] == ("loaded", "")
        assert got[site.url("/live/pokrovsk")] == ("loaded", "")
        assert got[site.url("/feeds/rss.xml")] == ("read", "3 entries, 3 new (Front Wire RSS)")
        assert "loaded 4" in at.code[0].value
        assert query(db, "SELECT count(*) FROM articles") == [(4,)]
        assert sorted(query(db, "SELECT entry_key, outcome FROM feed_entries")) == [
            ("front-1", "loaded"), ("front-2", "loaded"), ("front-3", "failed")]
    finally:
        mdb.close_all()


def test_a_pathological_upload_is_stopped_by_the_cpu_limit(tmp_path, monkeypatch):
    """A 4 MB article on one line, figure-dense (about 25 s of extraction), uploaded with
    two good files: the CPU limit of the loader's subprocess stops it, its row says so, the good
    files load, and the writer lock is free again (another load can start at once)."""
    # well above a normal article (0.05 s, plus the first one's loading of tables), far below
    # this one; a busy machine inflates CPU time too
    monkeypatch.setenv("FRONTLINE_LOAD_TIMEOUT", "3")
    db = tmp_path / "data" / "frontline.duckdb"
    sentence = ("Russian shelling killed 14 people in Kharkiv on Tuesday and more than 120 civilians were "
                "evacuated from Kupiansk, the regional governor said. ")
    line = (sentence * (2**22 // len(sentence) + 1))[:2**22]          # one line, no paragraph break
    other = "BAKHMUT \u2014 Ukraine's General Staff said 250 Russian troops were killed near Bakhmut on Monday.\n"
    at = load_page(db, monkeypatch)
    at.file_uploader(key="uploads").set_value([("good.txt", GOOD.encode(), "text/plain"),
                                               ("one-line.txt", line.encode(), "text/plain"),
                                               ("other.txt", other.encode(), "text/plain")])
    at.run()
    at.button(key="load_btn").click().run()
    try:
        got = report(at)
        assert got["good.txt"] == ("loaded", "") and got["other.txt"] == ("loaded", ""), got
        result, details = got["one-line.txt"]
        assert result == "failed"
        assert re.fullmatch(r"extraction took over 3 s of CPU \(stopped in \w+\.py:\d+\) \u2014 a pathological "
                            r"text, or a slow rule to report", details), details
        assert "loaded 2" in at.code[0].value and "failed 1" in at.code[0].value, at.code[0].value
        assert sorted(query(db, "SELECT doc_id FROM articles")) == [("good",), ("other",)]
        assert query(db, "SELECT count(*) FROM figures WHERE doc_id = 'one-line'") == [(0,)]
        # the loader is gone and its lock free: the next load need not wait
        assert "load_job" not in at.session_state
        fd = segments.try_flock(Path(f"{db}.lock"))
        assert fd is not None, "the writer lock is still held after the load"
        os.close(fd)
        assert not list(db.parent.glob(db.name + ".tmp-*"))
        at.file_uploader(key="uploads").set_value([("again.txt", GOOD.replace("12", "13").encode(), "text/plain")])
        at.run()
        at.button(key="load_btn").click().run()
        again = report(at)
        assert again["again.txt"] == ("loaded", ""), again
    finally:
        mdb.close_all()


def test_pasted_local_addresses_are_refused_by_default(tmp_path, monkeypatch, site):
    monkeypatch.delenv("FRONTLINE_FETCH_PRIVATE", raising=False)
    at = load_page(tmp_path / "data" / "frontline.duckdb", monkeypatch)
    at.text_area(key="urls").set_value(site.url("/news/kharkiv-strike"))
    at.run()
    at.button(key="load_btn").click().run()
    got = report(at)
    assert got[site.url("/news/kharkiv-strike")][1].startswith("refused: 127.0.0.1 is a local or private address")
    assert site.requests == []


def test_an_offline_server_offers_no_web_inputs(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTLINE_OFFLINE", "1")
    at = load_page(tmp_path / "frontline.duckdb", monkeypatch)
    assert not at.text_area and not at.text_input
    assert any("Fetching from the web is off" in c.value for c in at.caption)


def test_parse_urls_from_a_pasted_column():
    urls, rejected = upload.parse_urls("https://a.example/1\n https://a.example/2 , https://a.example/1\nfoo\n")
    assert urls == ["https://a.example/1", "https://a.example/2"]
    assert rejected == [("foo", "not a web address (http:// or https://)")]
