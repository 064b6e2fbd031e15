"""RSS and Atom feeds as an ingest input: each new entry's page fetched and loaded.

A feed is a URL, a local feed file, or a list of feeds (a text file with one feed URL or
path a line, or an OPML export from a feed reader). Entries are parsed by feedparser;
each entry's link is fetched like any URL (loaders.fetch) with the entry's title and date
as metadata. The `feeds` and `feed_entries` tables remember every entry a feed listed, so
the next run fetches only new ones, plus earlier failures with a passing cause (timeout,
5xx) up to MAX_ATTEMPTS. The state is written in the same publish as the articles, so a
killed run forgets nothing it loaded and remembers nothing it did not.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import LoadError
from .fetch import FEED_TYPES, Fetcher, FetchError, Seen, is_url, normalise, pages
from .model import Document

MAX_ATTEMPTS = 3
MAX_FEED_MB = 10


@dataclass
class Entry:
    feed: str
    key: str
    link: str | None
    title: str | None
    published: dt.date | None


def expand(specs: Iterable[str]) -> tuple[list[str], list[LoadError]]:
    """Feed URLs and feed files; a feed-list file (lines or OPML) becomes the feeds it lists."""
    out, errors = [], []
    for spec in specs:
        spec = str(spec).strip()
        if not spec:
            continue
        if is_url(spec):
            try:
                normalise(spec)
            except ValueError as e:
                errors.append(LoadError(spec, f"not a valid URL ({e})", fix="check the address"))
                continue
            out.append(spec)
            continue
        path = Path(spec)
        if not path.is_file():
            errors.append(LoadError(spec, "no such feed file", fix="give a feed URL, a feed file or a feed list"))
            continue
        try:
            head = path.open("rb").read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
        except OSError as e:
            errors.append(LoadError(spec, f"cannot read ({e.strerror})"))
            continue
        if head.startswith(b"<") and not re.search(rb"<opml[\s>]", head):
            out.append(str(path.resolve()))          # a feed file itself
            continue
        try:
            listed = _opml(path) if head.startswith(b"<") else _lines(path)
        except (OSError, ValueError) as e:
            errors.append(LoadError(spec, f"unreadable feed list ({e})", fix="one feed URL or path a line, or OPML"))
            continue
        if not listed:
            errors.append(LoadError(spec, "feed list names no feeds", fix="one feed URL or path a line"))
        for item in listed:   # a relative path in a list is relative to the list
            if is_url(item):
                try:
                    normalise(item)
                except ValueError as e:
                    errors.append(LoadError(spec, f"lists an invalid URL {item!r} ({e})"))
                    continue
            out.append(item if is_url(item) else str((path.parent / item).resolve()))
    return out, errors


def _lines(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _opml(path: Path) -> list[str]:
    import lxml.etree as et
    parser = et.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = et.parse(str(path), parser).getroot()
    return [o.get("xmlUrl").strip() for o in root.iter("outline") if (o.get("xmlUrl") or "").strip()]


def _date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        with warnings.catch_warnings():   # feedparser warns when it maps updated to published
            warnings.simplefilter("ignore", DeprecationWarning)
            t = entry.get(key)
        if t:
            try:
                d = dt.date(t.tm_year, t.tm_mon, t.tm_mday)
            except ValueError:
                continue
            if d <= dt.date.today() + dt.timedelta(days=1):   # a future date is a feed's error
                return d
    return None


def _title(entry) -> str | None:
    t = re.sub(r"<[^>]+>", "", html.unescape(entry.get("title") or "")).strip()
    return re.sub(r"\s+", " ", t) or None


def parse(data: bytes, feed: str) -> tuple[str | None, list[Entry]]:
    """(feed title, entries) of an RSS or Atom document. Raises LoadError if it is not one."""
    import feedparser
    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": feed}
                              if is_url(feed) else None)   # a stream: feedparser must never open anything
    if not parsed.entries and (parsed.bozo or not parsed.version):
        why = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or \
            str(parsed.get("bozo_exception") or "no RSS or Atom elements")
        raise LoadError(feed, f"not an RSS or Atom feed ({why})", fix="give the address of the feed itself")
    entries = []
    for i, e in enumerate(parsed.entries, 1):
        link = (e.get("link") or "").strip() or None
        key = (e.get("id") or "").strip() or link or f"entry {i}: {_title(e) or '(untitled)'}"
        entries.append(Entry(feed=feed, key=key, link=link, title=_title(e), published=_date(e)))
    return _title(parsed.feed) if parsed.get("feed") else None, entries


class Feeds:
    """An ingest input (see loaders.ingest): feeds -> pages of their unseen entries."""

    def __init__(self, specs: Iterable[str], fetcher: Fetcher, now: dt.datetime | None = None,
                 max_attempts: int = MAX_ATTEMPTS, seen: Seen | None = None):
        """`seen`: shared with the run's other web inputs, so a page is fetched once."""
        self.specs, self.fetcher, self.max_attempts = list(specs), fetcher, max_attempts
        self.seen = seen if seen is not None else Seen()
        self.now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        self.notes: list[str] = []           # one line per feed, for the CLI
        self._entries: list[Entry] = []      # entries tried in this run
        self._feeds: dict[str, tuple] = {}   # feed -> (title, etag, modified, status)
        self._outcomes: dict[str, tuple[str, str | None]] = {}
        self._transient: set[str] = set()
        self._state: dict[tuple[str, str], tuple] = {}
        self._conditional: dict[str, tuple] = {}
        self._retry: list[tuple] = []
        self._titles: dict[str, str | None] = {}
        self._offline: set[str] = set()      # links not fetched because fetching is off: stay unseen

    # -- ingest protocol ------------------------------------------------------------

    def start(self, con) -> Iterator[Document | LoadError]:
        self._state = {(f, k): (attempts, retry, first_seen) for f, k, attempts, retry, first_seen in con.execute(
            "SELECT feed, entry_key, attempts, retry, first_seen FROM feed_entries").fetchall()}
        self._conditional = {f: (etag, modified) for f, etag, modified in con.execute(
            "SELECT feed, etag, modified FROM feeds").fetchall()}
        self._titles = dict(con.execute("SELECT feed, title FROM feeds").fetchall())
        self._retry = con.execute(
            "SELECT feed, entry_key, link, title, published FROM feed_entries "
            "WHERE retry AND attempts < ? AND link IS NOT NULL", [self.max_attempts]).fetchall()
        return self._documents()

    def record(self, where: str | None, outcome: str, reason: str | None) -> None:
        if where is not None:
            self._outcomes[where] = (outcome, reason)

    def finish(self, con) -> None:
        for feed, (title, etag, modified, status) in self._feeds.items():
            con.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?, ?, ?)",
                        [feed, title, etag, modified, self.now, status])
        rows = []
        for e in self._entries:
            if self.seen.outcome_of(e.link or "") in self._offline:
                continue
            outcome, reason = ("failed", "entry has no link") if e.link is None else \
                self._outcomes.get(self.seen.outcome_of(e.link), ("failed", "not loaded"))
            attempts, _, first_seen = self._state.get((e.feed, e.key), (0, False, self.now))
            retry = outcome == "failed" and self.seen.outcome_of(e.link or "") in self._transient
            rows.append([e.feed, e.key, e.link, e.title, e.published, outcome, reason, retry,
                         attempts + 1, first_seen, self.now])
        if rows:
            con.executemany("INSERT OR REPLACE INTO feed_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    # -- reading feeds ---------------------------------------------------------------

    def _documents(self) -> Iterator[Document | LoadError]:
        feeds, errors = expand(self.specs)
        yield from errors
        todo: dict[str, Entry] = {}          # link -> first entry naming it (fetched once)
        for feed, got in self._fetch_feeds(feeds):
            if isinstance(got, LoadError):
                yield got
                continue
            title, entries = got
            new = [e for e in entries if (e.feed, e.key) not in self._state]
            self.notes.append(f"feed {feed}: {len(entries)} entries, {len(new)} new"
                              + (f" ({title})" if title else ""))
            for e in new:
                self._entries.append(e)
                if e.link is None:
                    yield LoadError(feed, f"entry {e.key!r} has no link", fix="the feed must link each entry")
                else:
                    todo.setdefault(e.link, e)
        listed = {(e.feed, e.key) for e in self._entries}
        for feed, key, link, title, published in self._retry:
            if (feed, key) in listed:
                continue
            e = Entry(feed, key, link, title, published)
            self._entries.append(e)
            todo.setdefault(link, e)
        if todo:
            meta = {link: {"title": e.title, "published": e.published} for link, e in todo.items()}
            for item in pages(list(todo), self.fetcher, meta=meta, seen=self.seen, repeats="alias"):
                if isinstance(item, FetchError) and item.transient:
                    self._transient.add(item.path)
                    if self.fetcher.offline:
                        self._offline.add(item.path)
                yield item

    def _fetch_feeds(self, feeds: list[str]) -> Iterator[tuple[str, tuple | LoadError]]:
        urls = [f for f in feeds if is_url(f)]
        keys = {u: normalise(u) for u in urls}
        fetched = {}
        if urls:
            headers = {}
            for u in urls:
                etag, modified = self._conditional.get(keys[u], (None, None))
                headers[u] = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified)) if v}
            fetched = dict(self.fetcher.map(urls, FEED_TYPES, headers=headers))
        for f in feeds:
            key = keys.get(f, f)
            if key in self._feeds:
                continue    # listed twice
            if f in fetched:
                got = fetched[f]
                if isinstance(got, LoadError):
                    if not self.fetcher.offline:
                        self._feeds[key] = (None, *self._conditional.get(key, (None, None)), f"failed: {got.reason}")
                    yield f, got
                    continue
                if got.status == 304:
                    old = self._conditional.get(key, (None, None))
                    self._feeds[key] = (self._titles.get(key), *old, "not modified")
                    self.notes.append(f"feed {f}: not modified since the last run")
                    continue
                    continue
                data, etag, modified = got.body, got.headers.get("ETag"), got.headers.get("Last-Modified")
            else:
                try:
                    path = Path(f)
                    if path.stat().st_size > MAX_FEED_MB * 2**20:
                        raise LoadError(f, f"feed file too large (> {MAX_FEED_MB} MB)")
                    data, etag, modified = path.read_bytes(), None, None
                except OSError as e:
                    yield f, LoadError(f, f"cannot read feed file ({e.strerror})")
                    continue
                except LoadError as e:
                    yield f, e
                    continue
            try:
                title, entries = parse(data, key)
            except LoadError as e:
                self._feeds[key] = (None, None, None, f"failed: {e.reason}")
                yield f, LoadError(f, e.reason, fix=e.fix)
                continue
            self._feeds[key] = (title, etag, modified, "ok")
            yield f, (title, entries)
