"""Web pages by URL: a local site on 127.0.0.1 (tests/webserver.py) serves articles in three
outlets' markup and every kind of failure; the real fetcher and the real ingest load them."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from conftest import ROOT, query, table_rows, write
from loaders.fetch import Fetcher, Pages, normalise, read_url_list, url_doc_id
from loaders.ingest import ingest
from webserver import KHARKIV, Resp, Site, loopback_guard, outlet_a

GOOD = ["/news/kharkiv-strike", "/world/2024/05/16/toretsk-assaults.html", "/live/pokrovsk"]


@pytest.fixture
def site(monkeypatch):
    loopback_guard(monkeypatch)
    s = Site(slow=6.0)
    yield s
    s.close()


def fetcher(**kw) -> Fetcher:
    kw = {"timeout": 2.0, "retries": 0, "backoff": 0.01, **kw}
    return Fetcher(**kw)


def load(db, urls, **kw):
    with fetcher(**kw) as f:
        return ingest([], db, extra=[Pages(urls, f)], progress=False)


def test_articles_in_three_outlets_markup_load_like_html_files(site, tmp_path):
    db = tmp_path / "f.duckdb"
    report = load(db, [site.url(p) for p in GOOD])
    assert (report.loaded, report.failed) == (3, [])
    rows = {r[0]: r[1:] for r in query(db, "SELECT doc_id, title, outlet, url, published, published_how, "
                                           "source_path, fmt, original_text, text FROM articles")}
    host = site.base.split("://")[1]
    assert set(rows) == {host + p for p in GOOD}
    k = rows[host + "/news/kharkiv-strike"]
    assert k[:7] == ("Missile strike on Kharkiv wounds 14", "Kharkiv Daily", site.url("/news/kharkiv-strike"),
                     __import__("datetime").date(2024, 5, 13), "given", site.url("/news/kharkiv-strike"), "html")
    assert k[7] == site.pages["/news/kharkiv-strike"].body          # the raw page is kept
    assert "wounding 14 people" in k[8] and "All rights reserved" not in k[8] and "Power cuts" not in k[8]
    t = rows[host + "/world/2024/05/16/toretsk-assaults.html"]
    assert (t[0], t[1], str(t[3])) == ("Ukraine says it repelled 27 assaults near Toretsk", "Eastern Wire", "2024-05-16")
    assert "Share this story" not in t[8]
    p = rows[host + "/live/pokrovsk"]
    assert str(p[3]) == "2024-05-18" and "«Покровськ»" in p[8]          # windows-1251 decoded as declared
    assert "Покровськ" in p[7] and "Sign up" not in p[8]
    figures = set(query(db, "SELECT doc_id, kind, value FROM figures"))
    assert {(host + "/news/kharkiv-strike", "wounded", 14.0), (host + "/live/pokrovsk", "killed", 3.0),
            (host + GOOD[1], "attacks", 27.0)} <= figures
    agents = {ua for _, ua in site.requests}
    assert len(agents) == 1 and agents.pop().startswith("Frontline/")


def test_redirects_are_followed_and_both_urls_kept(site, tmp_path):
    db = tmp_path / "f.duckdb"
    report = load(db, [site.url("/old/kharkiv")])          # 301 -> 302 -> the page, with ?utm_source
    assert report.loaded == 1
    [(doc_id, url, source)] = query(db, "SELECT doc_id, url, source_path FROM articles")
    assert url == site.url("/news/kharkiv-strike") and source == site.url("/old/kharkiv")   # no ?utm_source
    assert doc_id == site.base.split("://")[1] + "/news/kharkiv-strike"
    before = table_rows(db, "articles")
    # the same page by its own address is the same article, unchanged
    again = load(db, [site.url("/news/kharkiv-strike")])
    assert (again.unchanged, again.loaded, again.replaced) == (1, 0, 0)
    assert table_rows(db, "articles") == before


def test_every_failure_is_reported_with_its_url_and_the_rest_load(site, tmp_path):
    db = tmp_path / "f.duckdb"
    bad = {
        "/missing": r"^HTTP 404 Not Found — check the address$",
        "/slow": r"^timed out \(no answer within 2 s, 1 tries\)",
        "/photo.png": r"^not HTML \(image/png\)",
        "/binary-as-html": r"^not HTML \(binary",
        "/notes.txt": r"^not HTML \(text/plain\)",
        "/huge": r"^too large \(30.0 MB > 10 MB limit, by Content-Length\)",
        "/huge-stream": r"^too large \(over 10 MB limit\)",
        "/private/secret": r"^disallowed by robots.txt",
        "/to-private": r"^disallowed by robots.txt",             # a redirect into a disallowed path
        "/paywall": r"^paywalled",
        "/shell": r"^no article text found",
        "/loop/a": r"^more than 10 redirects",
    }
    urls = [site.url(p) for p in bad] + [site.url(GOOD[0]), "ftp://example.invalid/x", "not a url",
                                         "http://example.invalid:port/"]
    started = time.monotonic()
    report = load(db, urls)
    assert time.monotonic() - started < 30
    assert report.loaded == 1
    failed = dict(report.failed)
    for path, pattern in bad.items():
        assert __import__("re").search(pattern, failed[site.url(path)]), (path, failed[site.url(path)])
    assert "not an http(s) URL" in failed["ftp://example.invalid/x"] and "not an http(s) URL" in failed["not a url"]
    assert failed["http://example.invalid:port/"].startswith("not a valid URL")
    assert len(report.failed) == len(bad) + 3
    assert site.hits("/private/secret") == 0                      # robots.txt is obeyed, not just reported
    assert site.hits("/robots.txt") == 1                          # read once per host


def test_transient_errors_are_retried_with_backoff(site, tmp_path):
    db = tmp_path / "f.duckdb"
    report = load(db, [site.url("/flaky")], retries=2)           # 503, 503, then the page
    assert report.loaded == 1 and site.hits("/flaky") == 3
    site.counts.clear()
    report = load(tmp_path / "g.duckdb", [site.url("/flaky")], retries=1)
    assert report.failed == [(site.url("/flaky"), "HTTP 503 Service Unavailable — try again later")]
    assert site.hits("/flaky") == 5                              # 3 before, 2 tries now


@pytest.mark.parametrize("per_host", [2, 3])
def test_at_most_n_requests_per_host_at_a_time(site, tmp_path, per_host):
    for i in range(6):
        site.pages[f"/burst/{i}"] = Resp(outlet_a(f"Burst {i}", "2024-05-01", [f"Item {i}. " + KHARKIV[0]]), delay=1.0)
    with fetcher(per_host=per_host, workers=6, timeout=5) as f:
        got = dict(f.map([site.url(f"/burst/{i}") for i in range(6)]))
    assert all(p.status == 200 for p in got.values())
    assert site.peak["/burst"] == per_host


def test_robots_crawl_delay_and_unavailable_robots(site, tmp_path):
    site.pages["/robots.txt"] = Resp("User-agent: Frontline\nCrawl-delay: 1\nDisallow: /live/\n", ctype="text/plain")
    with fetcher(workers=4) as f:
        got = dict(f.map([site.url(p) for p in GOOD]))
    assert "disallowed by robots.txt" in got[site.url("/live/pokrovsk")].reason   # rules for our token
    times = sorted(t for p, t in site.times if p in GOOD)
    assert len(times) == 2 and times[1] - times[0] >= 0.95
    # RFC 9309: a robots.txt that answers 5xx means nothing may be fetched (and it is worth a retry)
    other = Site()
    try:
        other.pages["/robots.txt"] = Resp("down", status=500, ctype="text/plain")
        with fetcher() as f:
            [(_, err)] = list(f.map([other.url(GOOD[0])]))
        assert "robots.txt unavailable (HTTP 500)" in err.reason and err.transient
        assert other.hits(GOOD[0]) == 0
    finally:
        other.close()


def test_reloading_unchanged_urls_changes_nothing_and_a_changed_page_is_replaced(site, tmp_path):
    db = tmp_path / "f.duckdb"
    assert load(db, [site.url(p) for p in GOOD]).loaded == 3
    tables = {t: table_rows(db, t) for t in ("articles", "figures", "events")}
    again = load(db, [site.url(p) for p in GOOD])
    assert (again.loaded, again.unchanged, again.replaced) == (0, 3, 0)
    assert {t: table_rows(db, t) for t in tables} == tables
    site.pages["/news/kharkiv-strike"] = Resp(outlet_a("Missile strike on Kharkiv wounds 16", "2024-05-13",
                                                       [KHARKIV[0].replace("14", "16"), *KHARKIV[1:]]))
    changed = load(db, [site.url(p) for p in GOOD])
    assert (changed.replaced, changed.unchanged) == (1, 2)
    assert (site.base.split("://")[1] + "/news/kharkiv-strike", "wounded", 16.0) in set(
        query(db, "SELECT doc_id, kind, value FROM figures"))


def test_offline_and_public_only_refuse_without_a_request(site, tmp_path):
    report = load(tmp_path / "f.duckdb", [site.url(GOOD[0])], offline=True)
    assert report.failed == [(site.url(GOOD[0]), "not fetched: fetching is off (--offline)")]
    report = load(tmp_path / "f.duckdb", [site.url(GOOD[0])], block_private=True)
    assert "refused: 127.0.0.1 is a local or private address" in report.failed[0][1]
    assert site.requests == []


def test_urls_are_normalised_into_stable_doc_ids():
    assert normalise("HTTPS://News.Example.COM:443/a/b?utm_source=x&b=2&a=1#top") == "https://news.example.com/a/b?a=1&b=2"
    assert normalise("http://example.com:8080") == "http://example.com:8080/"
    assert url_doc_id("https://example.com/a?fbclid=1") == url_doc_id("http://EXAMPLE.com/a#x") == "example.com/a"
    assert url_doc_id("http://user:secret@[2001:DB8::1]:8080/a") == "[2001:db8::1]:8080/a"   # no credentials
    with pytest.raises(ValueError):
        normalise("http://example.com:port/")
    long = url_doc_id("https://example.com/" + "x" * 500)
    assert len(long) == 200 and long != url_doc_id("https://example.com/" + "x" * 499)


def test_url_lists_plain_and_csv(tmp_path):
    plain = write(tmp_path, "urls.txt", "# my links\nhttps://a.example/1\n\n  https://a.example/2  \n")
    assert read_url_list(plain) == ["https://a.example/1", "https://a.example/2"]
    table = write(tmp_path, "links.csv", "title,URL\nOne,https://a.example/1\nTwo,\nThree,https://a.example/3\n")
    assert read_url_list(table) == ["https://a.example/1", "https://a.example/3"]
    with pytest.raises(Exception, match="no url column"):
        read_url_list(write(tmp_path, "bad.csv", "title,when\nOne,today\n"))


def run_cli(*args, db):
    return subprocess.run([sys.executable, "-m", "loaders", *args, "--db", str(db), "--no-progress",
                           "--fetch-timeout", "2", "--retries", "0", "--workers", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_cli_mixes_paths_urls_and_url_lists(site, tmp_path):
    art = write(tmp_path / "in", "local.txt", "KYIV — Officials said 12 people were wounded in Kharkiv on Tuesday.\n")
    urls = write(tmp_path, "urls.csv", f"url,note\n{site.url(GOOD[1])},wire\n{site.url('/missing')},gone\n")
    db = tmp_path / "c.duckdb"
    r = run_cli("ingest", str(art), site.url(GOOD[0]), "--urls", str(urls), "--urls", str(tmp_path / "nope.txt"),
                "--json", db=db)
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    items = {e["where"]: e["outcome"] for e in events if e["event"] == "item"}
    assert items == {str(art): "loaded", site.url(GOOD[0]): "loaded", site.url(GOOD[1]): "loaded",
                     site.url("/missing"): "failed", str(tmp_path / "nope.txt"): "failed"}
    summary = events[-1]
    assert summary["event"] == "summary" and summary["loaded"] == 3 and len(summary["failed"]) == 2
    # --offline: the files load, every URL is reported and nothing is requested
    n = len(site.requests)
    r = run_cli("ingest", str(art), site.url("/live/pokrovsk"), "--offline", db=tmp_path / "o.duckdb")
    assert r.returncode == 0 and "loaded 1" in r.stdout
    assert f"FAILED {site.url('/live/pokrovsk')}: not fetched: fetching is off (--offline)" in r.stdout
    assert len(site.requests) == n


def test_nothing_is_fetched_unless_asked(site, tmp_path):
    """A local HTML file full of links to the site loads without one request to it."""
    page = outlet_a("Links", "2024-05-01", KHARKIV).replace(
        "<main>", f'<main><link rel="canonical" href="{site.url("/canon")}"><img src="{site.url("/photo.png")}">'
                  f'<a href="{site.url(GOOD[1])}">more</a>')
    art = write(tmp_path / "in", "links.html", page)
    r = run_cli("ingest", str(art), db=tmp_path / "n.duckdb")
    assert r.returncode == 0, r.stderr
    assert site.requests == []


def test_a_compressed_page_is_capped_by_its_inflated_size(site, tmp_path):
    import gzip
    bomb = gzip.compress(b"<html><body><p>" + b"casualties " * (2 * 2**20) + b"</p></body></html>")
    site.pages["/bomb"] = Resp(bomb, headers=(("Content-Encoding", "gzip"),))
    site.pages["/small-gzip"] = Resp(gzip.compress(site.pages[GOOD[0]].body.encode()),
                                     headers=(("Content-Encoding", "gzip"),))
    assert len(bomb) < 2**20                        # its Content-Length is well under the limit
    report = load(tmp_path / "f.duckdb", [site.url("/bomb"), site.url("/small-gzip")])
    assert report.failed == [(site.url("/bomb"), "too large (over 10 MB limit) — save the article text and load the file")]
    assert report.loaded == 1


def test_utf16_pages_decode_and_binary_never_does(site, tmp_path):
    site.pages["/utf16"] = Resp(site.pages[GOOD[0]].body.encode("utf-16"), ctype="text/html; charset=utf-16")
    site.pages["/binary-utf8"] = Resp(b"\x00\x01\x02\x03" * 4000, ctype="text/html; charset=utf-8")
    report = load(tmp_path / "f.duckdb", [site.url("/utf16"), site.url("/binary-utf8")])
    assert report.loaded == 1 and [w for w, _ in report.failed] == [site.url("/binary-utf8")]
    assert "wounding 14 people" in query(tmp_path / "f.duckdb", "SELECT text FROM articles")[0][0]
