"""RSS and Atom feeds from a local site on 127.0.0.1: entries fetched once, state in the database."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from conftest import ROOT, query, write
from loaders.feeds import MAX_ATTEMPTS, Feeds, expand, parse
from loaders.fetch import Fetcher
from loaders.ingest import ingest
from webserver import Resp, Site, atom, loopback_guard, rss

ARTICLES = ["/news/kharkiv-strike", "/live/pokrovsk", "/world/2024/05/16/toretsk-assaults.html"]


@pytest.fixture
def site(monkeypatch):
    loopback_guard(monkeypatch)
    s = Site(slow=6.0)
    yield s
    s.close()


def run(db, specs, **kw):
    with Fetcher(timeout=2.0, retries=0, **kw) as f:
        feeds = Feeds(specs, f)
        report = ingest([], db, extra=[feeds], progress=False)
    return report, feeds


def state(db):
    return {key: (outcome, retry, attempts) for key, outcome, retry, attempts in
            query(db, "SELECT entry_key, outcome, retry, attempts FROM feed_entries")}


def test_rss_and_atom_entries_load_with_their_title_and_date(site, tmp_path):
    db = tmp_path / "f.duckdb"
    report, feeds = run(db, [site.url("/feeds/rss.xml"), site.url("/feeds/atom.xml")])
    assert report.loaded == 3
    assert dict(report.failed) == {
        site.url("/missing"): "HTTP 404 Not Found — check the address",
        site.url("/slow"): "timed out (no answer within 2 s, 1 tries) — try again later"}
    arts = {src: (title, published, how) for src, title, published, how in
            query(db, "SELECT source_path, title, published, published_how FROM articles")}
    assert arts == {site.url("/news/kharkiv-strike"): ("Kharkiv strike wounds 14", dt.date(2024, 5, 13), "given"),
                    site.url("/live/pokrovsk"): ("Three killed in Pokrovsk", dt.date(2024, 5, 18), "given"),
                    site.url(ARTICLES[2]): ("Toretsk assaults repelled", dt.date(2024, 5, 16), "given")}
    assert state(db) == {"front-1": ("loaded", False, 1), "front-2": ("loaded", False, 1),
                         "front-3": ("failed", False, 1),                # a 404 is not tried again
                         "urn:front:toretsk": ("loaded", False, 1), "urn:front:slow": ("failed", True, 1)}
    assert feeds.notes == [f"feed {site.url('/feeds/rss.xml')}: 3 entries, 3 new (Front Wire RSS)",
                           f"feed {site.url('/feeds/atom.xml')}: 2 entries, 2 new (Front Atom)"]
    assert query(db, "SELECT feed, title, status FROM feeds ORDER BY feed") == [
        (site.url("/feeds/atom.xml"), "Front Atom", "ok"), (site.url("/feeds/rss.xml"), "Front Wire RSS", "ok")]


def test_only_unseen_entries_are_fetched_and_passing_failures_are_retried(site, tmp_path):
    db = tmp_path / "f.duckdb"
    feeds = [site.url("/feeds/rss.xml"), site.url("/feeds/atom.xml")]
    run(db, feeds)
    before = {p: site.hits(p) for p in [*ARTICLES, "/missing", "/slow"]}
    articles = query(db, "SELECT * FROM articles ORDER BY doc_id")
    report, notes = run(db, feeds)
    after = {p: site.hits(p) for p in before}
    assert {p: after[p] - before[p] for p in before} == {**{p: 0 for p in before}, "/slow": 1}
    assert report.loaded == report.unchanged == report.replaced == 0 and len(report.failed) == 1
    assert query(db, "SELECT * FROM articles ORDER BY doc_id") == articles
    assert state(db)["urn:front:slow"] == ("failed", True, 2)
    for _ in range(MAX_ATTEMPTS):
        run(db, feeds)
    assert site.hits("/slow") == before["/slow"] + MAX_ATTEMPTS - 1     # given up after MAX_ATTEMPTS
    assert state(db)["urn:front:slow"] == ("failed", True, MAX_ATTEMPTS)
    # a new entry in the feed is the only page fetched
    site.pages["/feeds/rss.xml"] = Resp(rss(site.base, [
        ("front-4", "/world/2024/05/16/toretsk-assaults.html", "Toretsk, again", "Tue, 21 May 2024 07:00:00 GMT"),
        ("front-1", "/news/kharkiv-strike", "Kharkiv strike wounds 14", "Mon, 13 May 2024 07:00:00 GMT")]),
        ctype="application/rss+xml")
    hits = site.hits(ARTICLES[2])
    report, _ = run(db, [site.url("/feeds/rss.xml")])
    assert site.hits(ARTICLES[2]) == hits + 1 and site.hits("/news/kharkiv-strike") == before["/news/kharkiv-strike"]
    assert report.replaced == 1        # the same page, now with the newer entry's title and date
    assert state(db)["front-4"] == ("replaced", False, 1)


def test_conditional_get_skips_an_unchanged_feed(site, tmp_path):
    db = tmp_path / "f.duckdb"
    r = site.pages["/feeds/rss.xml"]
    site.pages["/feeds/rss.xml"] = Resp(r.body, ctype=r.ctype, headers=(("ETag", '"v1"'),))
    run(db, [site.url("/feeds/rss.xml")])
    report, feeds = run(db, [site.url("/feeds/rss.xml")])
    assert feeds.notes == [f"feed {site.url('/feeds/rss.xml')}: not modified since the last run"]
    assert query(db, "SELECT etag, status, title FROM feeds") == [('"v1"', "not modified", "Front Wire RSS")]
    assert report.failed == [] and report.ok == 0


def test_feed_files_lists_and_opml(site, tmp_path):
    folder = tmp_path / "feeds"
    write(folder, "local.xml", atom(site.base, [("urn:local:1", "/live/pokrovsk", "Pokrovsk", "2024-05-18T10:00:00Z")]))
    write(folder, "list.txt", f"# my feeds\n{site.url('/feeds/rss.xml')}\nlocal.xml\n")
    write(folder, "reader.opml", f'<?xml version="1.0"?><opml version="2.0"><body><outline text="x">'
                                 f'<outline text="Front" xmlUrl="{site.url("/feeds/atom.xml")}"/></outline></body></opml>')
    got, errors = expand([str(folder / "list.txt"), str(folder / "reader.opml"), str(folder / "nope.xml")])
    assert got == [site.url("/feeds/rss.xml"), str((folder / "local.xml").resolve()), site.url("/feeds/atom.xml")]
    assert [(e.path, e.reason) for e in errors] == [(str(folder / "nope.xml"), "no such feed file")]
    db = tmp_path / "f.duckdb"
    report, _ = run(db, [str(folder / "local.xml")])
    assert report.loaded == 1
    assert query(db, "SELECT feed, entry_key, outcome FROM feed_entries") == [
        (str((folder / "local.xml").resolve()), "urn:local:1", "loaded")]


def test_not_a_feed_and_a_missing_feed_are_reported(site, tmp_path):
    report, feeds = run(tmp_path / "f.duckdb", [site.url("/news/kharkiv-strike"), site.url("/feeds/none.xml"),
                                                 site.url("/photo.png"), site.url("/feeds/atom.xml")])
    failed = dict(report.failed)
    assert failed[site.url("/news/kharkiv-strike")].startswith("not an RSS or Atom feed")
    assert failed[site.url("/feeds/none.xml")].startswith("HTTP 404")
    assert failed[site.url("/photo.png")].startswith("not a feed (image/png)")
    assert report.loaded == 1       # the good feed beside them still loads


def test_parse_keeps_ids_links_titles_and_dates():
    data = rss("https://w.example", [("g1", "/a", "A &amp; <b>B</b>", "Mon, 13 May 2024 07:00:00 GMT"),
                                     ("g2", "/b", "Future", "Mon, 13 May 2099 07:00:00 GMT")])
    data = data.replace("</channel>", "<item><title>No link</title></item></channel>").encode()
    title, entries = parse(data, "https://w.example/rss")
    assert title == "Front Wire RSS"
    assert [(e.key, e.link, e.title, e.published) for e in entries] == [
        ("g1", "https://w.example/a", "A & B", dt.date(2024, 5, 13)), ("g2", "https://w.example/b", "Future", None),
        ("entry 3: No link", None, "No link", None)]
    with pytest.raises(Exception, match="not an RSS or Atom feed"):
        parse(b"<html><body><p>hello</p></body></html>", "x")


def test_cli_feed_offline_leaves_entries_unseen_for_a_later_run(site, tmp_path):
    feed = write(tmp_path, "local.xml", atom(site.base, [("urn:l:1", "/news/kharkiv-strike", "K", "2024-05-13T10:00:00Z")]))
    db = tmp_path / "c.duckdb"
    cmd = [sys.executable, "-m", "loaders", "feed", str(feed), "--db", str(db), "--no-progress", "--workers", "1",
           "--fetch-timeout", "2", "--retries", "0"]
    r = subprocess.run(cmd + ["--offline"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "not fetched: fetching is off (--offline)" in r.stdout
    assert site.requests == [] and query(db, "SELECT count(*) FROM feed_entries") == [(0,)]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "1 entries, 1 new" in r.stdout and "loaded 1" in r.stdout, r.stdout + r.stderr
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "1 entries, 0 new" in r.stdout and "loaded 0" in r.stdout, r.stdout + r.stderr


def test_a_version_4_database_gains_the_feed_tables(tmp_path):
    import duckdb
    from loaders import schema, store
    db = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(db))
    for name, ddl in schema.TABLES.items():
        if not name.startswith("feed"):
            con.execute(ddl)
    con.execute("INSERT INTO meta VALUES ('schema_version', '4')")
    con.close()
    with store.open_writer(db):
        pass
    assert query(db, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(schema.SCHEMA_VERSION),)]
    assert query(db, "SELECT count(*) FROM feeds") == query(db, "SELECT count(*) FROM feed_entries") == [(0,)]


def test_an_entry_without_a_link_is_reported_once(site, tmp_path):
    feed = write(tmp_path, "f.xml", rss(site.base, [("g1", "/live/pokrovsk", "Pokrovsk", "Sat, 18 May 2024 10:00:00 GMT")])
                 .replace("</channel>", "<item><title>Briefing only</title><description>x</description></item></channel>"))
    db = tmp_path / "f.duckdb"
    report, _ = run(db, [str(feed)])
    assert report.loaded == 1
    assert report.failed == [(str(feed.resolve()), "entry 'entry 2: Briefing only' has no link — the feed must link each entry")]
    report, _ = run(db, [str(feed)])
    assert report.failed == [] and report.ok == 0
    assert ("entry 2: Briefing only", "failed", False, 1) in query(
        db, "SELECT entry_key, outcome, retry, attempts FROM feed_entries")


def test_a_page_in_two_feeds_or_also_pasted_is_fetched_once(site, tmp_path):
    site.pages["/feeds/world.xml"] = Resp(rss(site.base, [
        ("w-1", "/live/pokrovsk?utm_source=world", "Pokrovsk (world)", "Sat, 18 May 2024 10:00:00 GMT"),
        ("w-2", "/news/kharkiv-strike", "Kharkiv (world)", "Mon, 13 May 2024 07:00:00 GMT")]), ctype="application/rss+xml")
    db = tmp_path / "c.duckdb"
    cmd = [sys.executable, "-m", "loaders", "ingest", site.url("/news/kharkiv-strike"),
           "--feed", site.url("/feeds/rss.xml"), "--feed", site.url("/feeds/world.xml"), "--db", str(db),
           "--no-progress", "--workers", "1", "--fetch-timeout", "2", "--retries", "0"]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "loaded 2, unchanged 0, replaced 0, failed 1" in r.stdout          # kharkiv, pokrovsk; the 404
    assert site.hits("/news/kharkiv-strike") == 1
    assert sum(1 for p, _ in site.requests if p.startswith("/live/pokrovsk")) == 1
    assert sorted(query(db, "SELECT entry_key, outcome FROM feed_entries")) == [
        ("front-1", "loaded"), ("front-2", "loaded"), ("front-3", "failed"), ("w-1", "loaded"), ("w-2", "loaded")]
