"""HTTP fetching for web pages and feeds: polite, bounded, and every failure a clear reason.

One `Fetcher` per run. It sends a User-Agent naming Frontline, follows redirects itself
(so robots.txt, the private-address guard and the per-host limit apply to every hop),
reads robots.txt once per host (urllib.robotparser; Crawl-delay honoured, capped), runs
at most `per_host` requests to a host at a time, retries connection errors, timeouts,
429 and 5xx with exponential backoff (urllib3 Retry, Retry-After capped), and caps a
body by Content-Length before reading and by counting while streaming.

`pages(urls, fetcher)` turns URLs into `Document`s the ingest parses exactly like HTML
files (`sources.complete`), or `LoadError`s naming the URL and the reason.
"""
from __future__ import annotations

import collections
import concurrent.futures as cf
import hashlib
import ipaddress
import re
import socket
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from typing import Iterable, Iterator
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from .errors import LoadError
from .model import Document
from .sources import MAX_ARTICLE_MB, decode

USER_AGENT = "Frontline/1.0 (war-reporting figures loader; fetches pages a user listed)"
ROBOTS_AGENT = "Frontline"              # the product token robots.txt rules name
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json", "text/html", "text/plain")   # servers mislabel feeds
ROBOTS_MAX_BYTES = 500 * 1024           # RFC 9309: at least 500 KiB must be parsed
MAX_CRAWL_DELAY = 10.0                  # seconds; a larger robots.txt Crawl-delay is capped
MAX_REDIRECTS = 10
TRANSIENT_STATUS = (408, 425, 429, 500, 502, 503, 504)


class FetchError(LoadError):
    """A URL that could not be fetched. `transient`: worth trying again later (timeouts,
    connection errors, 429, 5xx), as opposed to a 404 or a page that is not HTML."""

    def __init__(self, url: str, reason: str, fix: str | None = None, transient: bool = False):
        super().__init__(url, reason, fix=fix)
        self.transient = transient

    def __reduce__(self):
        return (FetchError, (self.path, self.reason, self.fix, self.transient))


@dataclass
class Page:
    url: str            # as given
    final_url: str      # after redirects
    status: int
    content_type: str
    body: bytes
    charset: str | None = None
    headers: dict = field(default_factory=dict)

    def text(self) -> str:
        """The body as text: the declared charset, else a <meta charset>, else detected.
        Raises ValueError for binary data (whatever charset the server claims)."""
        nuls = self.body.count(b"\x00") > max(1, len(self.body) // 100)
        for enc in (self.charset, _meta_charset(self.body)):
            wide = bool(enc) and enc.lower().replace("-", "").replace("_", "").startswith(("utf16", "utf32"))
            if enc and (wide or not nuls):
                try:
                    return self.body.decode(enc)
                except (LookupError, UnicodeDecodeError):
                    continue
        return decode(self.body)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _meta_charset(body: bytes) -> str | None:
    m = _META_CHARSET.search(body[:4096])
    return m.group(1).decode("ascii") if m else None


def is_url(s: str) -> bool:
    return bool(re.match(r"(?i)https?://[^\s/]+", str(s).strip()))


# --- URL identity ---------------------------------------------------------------

TRACKING = re.compile(r"(?i)^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|ocid|cmpid|"
                      r"ns_(mchannel|source|campaign|linkname|fee)|at_(medium|campaign|custom\d*))$")
MAX_ID = 200


def normalise(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no user name or
    password, no fragment, no tracking parameters (utm_*, fbclid, ...), the other query
    parameters sorted. Raises ValueError for an unparseable URL (a bad port or IPv6 host)."""
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not TRACKING.match(k)))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def url_doc_id(url: str) -> str:
    """A stable, readable doc_id for a page: its normalised URL without the scheme (http and
    https are one page); a very long one is cut and keeps a digest of the rest."""
    n = normalise(url)
    doc_id = n.split("://", 1)[1]
    if len(doc_id) > MAX_ID:
        doc_id = doc_id[:MAX_ID - 13] + "~" + hashlib.sha1(n.encode()).hexdigest()[:12]
    return doc_id


# --- the fetcher ------------------------------------------------------------------

class _Host:
    """Per-host state: a slot semaphore, robots rules, and the Crawl-delay clock."""

    def __init__(self, slots: int):
        self.slots = threading.BoundedSemaphore(slots)
        self.lock = threading.Lock()
        self.robots: urllib.robotparser.RobotFileParser | FetchError | None = None
        self.delay = 0.0
        self.next_at = 0.0

    def wait_turn(self) -> None:
        if not self.delay:
            return
        with self.lock:
            now = time.monotonic()
            at = max(now, self.next_at)
            self.next_at = at + self.delay
        if at > now:
            time.sleep(at - now)


class Fetcher:
    """A polite HTTP client. Thread-safe; `close()` (or `with`) when done.

    timeout: seconds to connect and between bytes, and (x3) for a whole body.
    retries: extra tries after a connection error, timeout, 429 or 5xx (backoff * 2**n s).
    per_host: requests at a time to one host; workers: requests at a time in all.
    max_bytes: body cap. block_private: refuse hosts that resolve to loopback, private or
    link-local addresses (for a server fetching what browser users paste).
    """

    def __init__(self, *, timeout: float = 20.0, retries: int = 2, backoff: float = 1.0,
                 per_host: int = 2, workers: int = 8, max_bytes: int = MAX_ARTICLE_MB * 2**20,
                 user_agent: str = USER_AGENT, robots: bool = True, offline: bool = False,
                 block_private: bool = False, retry_after_max: float = 30.0):
        self.timeout, self.per_host, self.workers = timeout, max(1, per_host), max(1, workers)
        self.max_bytes, self.user_agent, self.use_robots = max_bytes, user_agent, robots
        self.offline, self.block_private = offline, block_private
        self.retries, self.backoff, self.retry_after_max = retries, backoff, retry_after_max
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self._local = threading.local()
        self._sessions: list = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        with self._lock:
            for s in self._sessions:
                s.close()
            self._sessions.clear()

    def _session(self):
        """One requests.Session per thread (Session is not documented as thread-safe)."""
        s = getattr(self._local, "session", None)
        if s is None:
            import requests
            from requests.adapters import HTTPAdapter
            from urllib3.util.retry import Retry
            retry = Retry(total=self.retries, connect=self.retries, read=self.retries,
                          status=self.retries, other=0, redirect=False, raise_on_redirect=False,
                          raise_on_status=False, status_forcelist=TRANSIENT_STATUS,
                          allowed_methods=frozenset({"GET", "HEAD"}), backoff_factor=self.backoff,
                          backoff_max=max(self.backoff * 8, 1), backoff_jitter=self.backoff / 4,
                          respect_retry_after_header=True, retry_after_max=int(self.retry_after_max))
            s = requests.Session()
            adapter = HTTPAdapter(max_retries=retry, pool_maxsize=self.workers)
            s.mount("http://", adapter)
            s.mount("https://", adapter)
            s.headers.update({"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"})
            s.trust_env = True          # HTTP(S)_PROXY and NO_PROXY as the user set them
            self._local.session = s
            with self._lock:
                self._sessions.append(s)
        return s

    def _host(self, url: str) -> _Host:
        p = urlsplit(url)
        key = f"{p.scheme}://{p.netloc}".lower()
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.per_host)
            return self._hosts[key]

    # -- one URL -------------------------------------------------------------------

    def get(self, url: str, accept: tuple[str, ...] = HTML_TYPES, headers: dict | None = None) -> Page:
        """Fetch one URL, following redirects. Raises FetchError."""
        if self.offline:   # transient: a later run with fetching on may load it
            raise FetchError(url, "not fetched: fetching is off (--offline)", transient=True)
        current = url.strip()
        for _ in range(MAX_REDIRECTS + 1):
            self._check_target(url, current)
            host = self._host(current)
            if self.use_robots:
                self._check_robots(url, current, host)
            with host.slots:
                host.wait_turn()
                resp = self._request(url, current, headers)
                try:
                    if resp.is_redirect:
                        target = resp.headers.get("Location", "")
                        if not target:
                            raise FetchError(url, f"HTTP {resp.status_code} redirect without a Location")
                        current = urljoin(current, target)
                        continue
                    if resp.status_code == 304:     # the conditional GET's "nothing new"
                        return Page(url, current, 304, "", b"", headers=dict(resp.headers))
                    return self._read(url, current, resp, accept)
                finally:
                    resp.close()
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects (a redirect loop?)",
                         fix="open the URL in a browser and use the address it ends at")

    def _check_target(self, url: str, current: str) -> None:
        p = urlsplit(current)
        if p.scheme.lower() not in ("http", "https") or not p.hostname:
            raise FetchError(url, f"not an http(s) URL: {current!r}", fix="give addresses starting http:// or https://")
        if not self.block_private:
            return
        try:
            infos = socket.getaddrinfo(p.hostname, p.port or (443 if p.scheme == "https" else 80),
                                       type=socket.SOCK_STREAM)
        except OSError as e:
            raise FetchError(url, f"cannot resolve {p.hostname} ({e.strerror or e})", transient=True) from None
        for *_, sockaddr in infos:
            ip = ipaddress.ip_address(sockaddr[0].split("%")[0])
            if not ip.is_global:
                raise FetchError(url, f"refused: {p.hostname} is a local or private address ({ip})",
                                 fix="this server only fetches public web addresses")

    def _request(self, url: str, current: str, headers: dict | None):
        import requests
        from urllib3.exceptions import MaxRetryError, NewConnectionError, ReadTimeoutError
        try:
            return self._session().get(current, headers=headers, stream=True, allow_redirects=False,
                                       timeout=(self.timeout, self.timeout))
        except requests.exceptions.Timeout:
            raise FetchError(url, f"timed out (no answer within {self.timeout:g} s, {self.retries + 1} "
                             "tries)", fix="try again later", transient=True) from None
        except requests.exceptions.ConnectionError as e:
            inner = e.args[0] if e.args else e
            if isinstance(inner, MaxRetryError):
                inner = inner.reason
            if isinstance(inner, ReadTimeoutError):
                raise FetchError(url, f"timed out (no answer within {self.timeout:g} s, {self.retries + 1} "
                                 "tries)", fix="try again later", transient=True) from None
            why = "connection refused" if isinstance(inner, NewConnectionError) and "refused" in str(inner) \
                else _short(inner)
            raise FetchError(url, f"could not connect ({why})", fix="check the address, or try again later",
                             transient=True) from None
        except requests.exceptions.RequestException as e:
            raise FetchError(url, f"request failed ({_short(e)})") from None

    def _read(self, url: str, current: str, resp, accept: tuple[str, ...]) -> Page:
        import requests
        status = resp.status_code
        if status >= 400:
            reason = f"HTTP {status} {resp.reason or ''}".strip()
            transient = status in TRANSIENT_STATUS
            fix = ("try again later" if transient else
                   "check the address" if status in (404, 410) else
                   "the site refuses this request (login or paywall?)" if status in (401, 402, 403) else None)
            raise FetchError(url, reason, fix=fix, transient=transient)
        ctype, charset = _content_type(resp.headers.get("Content-Type", ""))
        if ctype and ctype not in accept:
            raise FetchError(url, f"not HTML ({ctype})" if accept == HTML_TYPES else f"not a feed ({ctype})",
                             fix="give the address of a web page" if accept == HTML_TYPES
                             else "give the address of an RSS or Atom feed")
        length = resp.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(url, f"too large ({int(length) / 2**20:.1f} MB > {self.max_bytes / 2**20:g} MB "
                             "limit, by Content-Length)", fix="save the article text and load the file")
        body = bytearray()
        deadline = time.monotonic() + 3 * self.timeout
        try:
            for chunk in resp.iter_content(64 * 1024):
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError(url, f"too large (over {self.max_bytes / 2**20:g} MB limit)",
                                     fix="save the article text and load the file")
                if time.monotonic() > deadline:
                    raise FetchError(url, f"too slow (body not complete after {3 * self.timeout:g} s)",
                                     fix="try again later", transient=True)
        except requests.exceptions.RequestException as e:
            raise FetchError(url, f"connection broke while reading ({_short(e)})", fix="try again later",
                             transient=True) from None
        if not ctype and not _looks_like_markup(body):
            raise FetchError(url, "not HTML (no content type, and the body is not markup)",
                             fix="give the address of a web page")
        return Page(url=url, final_url=current, status=status, content_type=ctype or "", body=bytes(body),
                    charset=charset, headers=dict(resp.headers))

    # -- robots.txt ----------------------------------------------------------------

    def _check_robots(self, url: str, current: str, host: _Host) -> None:
        with host.lock:
            if host.robots is None:
                host.robots = self._load_robots(current)
                if isinstance(host.robots, urllib.robotparser.RobotFileParser):
                    delay = host.robots.crawl_delay(ROBOTS_AGENT)
                    host.delay = min(float(delay or 0), MAX_CRAWL_DELAY)
            rules = host.robots
        if isinstance(rules, FetchError):
            raise FetchError(url, rules.reason, fix=rules.fix, transient=rules.transient)
        if not rules.can_fetch(ROBOTS_AGENT, current):
            raise FetchError(url, f"disallowed by robots.txt ({_origin(current)}/robots.txt)",
                             fix="the site asks robots not to fetch this page; save it from a browser "
                                 "and load the file")

    def _load_robots(self, page_url: str):
        """RFC 9309: 4xx means no rules; 5xx or no answer means everything is disallowed.
        Up to five redirects are followed, each checked like a page hop."""
        robots_url = _origin(page_url) + "/robots.txt"
        rules = urllib.robotparser.RobotFileParser(robots_url)
        try:
            for _ in range(6):
                self._check_target(page_url, robots_url)
                resp = self._request(page_url, robots_url, None)   # timeouts, refusals: FetchError
                try:
                    if resp.is_redirect:
                        robots_url = urljoin(robots_url, resp.headers["Location"])
                        continue
                    if resp.status_code >= 500 or resp.status_code == 429:
                        return FetchError(page_url, f"robots.txt unavailable (HTTP {resp.status_code}); "
                                          "not fetched", fix="try again later", transient=True)
                    if resp.status_code >= 400:
                        rules.allow_all = True
                        return rules
                    body = resp.raw.read(ROBOTS_MAX_BYTES, decode_content=True) or b""
                    break
                finally:
                    resp.close()
            else:
                rules.allow_all = True     # RFC 9309: too many redirects counts as "unavailable" (4xx)
                return rules
        except FetchError as e:
            return e
        except Exception as e:  # noqa: BLE001 - any failure to read robots.txt means "do not fetch"
            return FetchError(page_url, f"robots.txt unreachable ({_short(e)}); not fetched",
                              fix="try again later", transient=True)
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return rules

    # -- many URLs -----------------------------------------------------------------

    def map(self, urls: Iterable[str], accept: tuple[str, ...] = HTML_TYPES,
            headers: dict[str, dict] | None = None) -> Iterator[tuple[str, Page | FetchError]]:
        """(url, Page or FetchError) in input order, `workers` fetches at a time; at most
        2 x workers bodies are held, so a long list streams. Threads start on first next().
        `headers`: extra request headers by URL (a conditional GET)."""
        window = 2 * self.workers
        pool = cf.ThreadPoolExecutor(self.workers, thread_name_prefix="fetch")
        pending: collections.deque = collections.deque()
        try:
            for url in urls:
                pending.append((url, pool.submit(self._get_or_error, url, accept, (headers or {}).get(url))))
                if len(pending) >= window:
                    u, f = pending.popleft()
                    yield u, f.result()
            while pending:
                u, f = pending.popleft()
                yield u, f.result()
        finally:
            # On Ctrl-C or an early stop, do not wait here for fetches in flight (each ends
            # by its own timeout); queued ones never start.
            pool.shutdown(wait=not pending, cancel_futures=True)

    def _get_or_error(self, url: str, accept, headers=None):
        try:
            return self.get(url, accept, headers)
        except FetchError as e:
            return e
        except Exception as e:  # noqa: BLE001 - one URL's surprise is that URL's failure
            return FetchError(url, f"fetch failed: {type(e).__name__}: {_short(e)}")


def _origin(url: str) -> str:
    p = urlsplit(url)
    return f"{p.scheme}://{p.netloc}"


def _content_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    charset = next((p.split("=", 1)[1].strip("\"' ") for p in parts[1:] if p.lower().startswith("charset=")), None)
    return parts[0].lower(), charset or None


def _looks_like_markup(body: bytes) -> bool:
    return body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _short(e: object) -> str:
    s = str(e)
    m = re.search(r"\[Errno -?\d+\] ([^')\]]+)", s)
    if m:
        return m.group(1)
    return s if len(s) <= 160 else s[:157] + "..."


# --- pages -> documents ---------------------------------------------------------------

def document(page: Page, **meta) -> Document | FetchError:
    """A fetched page as a Document the ingest parses like an HTML file (text "" until
    `sources.complete` runs in a worker): doc_id from the final URL, the URL given as its
    source, the final URL (normalised) as `url`, the raw page as `original`. `meta` (title, published,
    outlet) wins over what the page says."""
    try:
        html = page.text()
    except ValueError as e:
        return FetchError(page.url, f"not HTML (binary, or text in an unknown encoding: {e})",
                          fix="give the address of a web page")
    if not html.strip():
        return FetchError(page.url, "empty page", fix="check the address")
    if paywalled(html):
        return FetchError(page.url, "paywalled: the page says it is for subscribers and holds no article "
                          "text", fix="save the article from a logged-in browser and load the file")
    try:
        doc_id, final = url_doc_id(page.final_url), normalise(page.final_url)
    except ValueError as e:
        return FetchError(page.url, f"redirected to an invalid URL {page.final_url!r} ({e})")
    doc = Document(doc_id=doc_id, text="", source_path=page.url, fmt="html", original=html, url=final)
    for k, v in meta.items():
        if v is not None:
            setattr(doc, k, v)
    return doc


_FREE = re.compile(r"""["']?isAccessibleForFree["']?\s*(?::|content\s*=)\s*["']?\s*false""", re.I)
PAYWALL_MIN_WORDS = 150


def paywalled(html: str) -> bool:
    """The publisher marks the page as not free (schema.org isAccessibleForFree=false) and its
    article body (what a reader without a subscription gets) is a teaser of few words."""
    if not _FREE.search(html[:500_000]):
        return False
    import lxml.html
    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - unparseable: let the normal parser report it
        return False
    for bad in tree.xpath("//script|//style|//noscript|//template|//nav|//header|//footer|//aside|//form"):
        bad.drop_tree()
    body = tree.xpath("//*[@itemprop='articleBody']") or tree.xpath("//article") or [tree]
    words = sum(len(b.text_content().split()) for b in body)
    return words < PAYWALL_MIN_WORDS


class Seen:
    """The pages of one run, shared by its inputs (pasted URLs, feeds): each page is fetched
    once. `alias[url]` names the URL whose outcome another URL of the same page shares."""

    def __init__(self):
        self.given: dict[str, str] = {}      # doc_id of a URL as given -> first URL
        self.landed: dict[str, str] = {}     # doc_id after redirects -> first URL
        self.alias: dict[str, str] = {}

    def outcome_of(self, url: str) -> str:
        return self.alias.get(url, url)


def pages(urls: Iterable[str], fetcher: Fetcher, meta: dict[str, dict] | None = None,
          seen: Seen | None = None, repeats: str = "report") -> Iterator[Document | LoadError]:
    """Fetch URLs (each page once) into Documents or errors, in order. A URL of a page already
    met in this run (listed twice, a tracking parameter, a redirect to the same page) is
    reported (`repeats="report"`, for a user's list) or shares the first one's outcome
    (`repeats="alias"`, for feed entries, which repeat across feeds)."""
    seen = seen if seen is not None else Seen()
    unique = []
    for url in urls:
        url = url.strip()
        if not is_url(url):
            yield FetchError(url, "not an http(s) URL", fix="give addresses starting http:// or https://")
            continue
        try:
            key = url_doc_id(url)
        except ValueError as e:
            yield FetchError(url, f"not a valid URL ({e})", fix="check the address")
            continue
        if key in seen.given:
            if repeats == "alias":
                seen.alias[url] = seen.given[key]
            else:
                yield FetchError(url, f"listed twice (same page as {seen.given[key]})", fix="list each page once")
            continue
        seen.given[key] = url
        unique.append(url)
    for url, got in fetcher.map(unique):
        if isinstance(got, FetchError):
            yield got
            continue
        doc = document(got, **(meta or {}).get(url, {}))
        if isinstance(doc, Document):
            first = seen.landed.get(doc.doc_id)
            if first is not None:
                if repeats == "alias":
                    seen.alias[url] = first
                else:
                    yield FetchError(url, f"same page as {first} (both lead to {got.final_url})",
                                     fix="list each page once")
                continue
            seen.landed[doc.doc_id] = url
        yield doc


class Pages:
    """Web pages as an ingest input (see loaders.ingest): `ingest([], db, extra=[Pages(urls, f)])`.
    `errors` (e.g. unreadable URL lists) are reported with the pages."""

    def __init__(self, urls: Iterable[str], fetcher: Fetcher, errors: Iterable[LoadError] = (),
                 seen: Seen | None = None):
        self.urls, self.fetcher, self.errors, self.seen = list(urls), fetcher, list(errors), seen

    def start(self, con) -> Iterator[Document | LoadError]:
        yield from self.errors
        if self.urls:
            yield from pages(self.urls, self.fetcher, seen=self.seen)


def read_url_list(path) -> list[str]:
    """URLs from a file: one a line (blank lines and # comments skipped), or a CSV whose
    header has a url (or link) column."""
    import csv
    import io
    from pathlib import Path
    from .files import read_capped   # a FIFO or /dev/zero named as the list is refused, not read
    text = read_capped(Path(path), 64 * 2**20, what="URL list").decode("utf-8-sig", errors="replace")
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    if not is_url(first) and ("," in first or "\t" in first or ";" in first):
        dialect = csv.Sniffer().sniff(first, delimiters=",\t;")
        reader = csv.DictReader(io.StringIO(text), dialect=dialect)
        cols = {c.strip().lower(): c for c in reader.fieldnames or [] if c}
        col = next((cols[k] for k in ("url", "link", "href", "address") if k in cols), None)
        if col is None:
            raise LoadError(path, "CSV has no url column", line=1, fix="name the column holding addresses 'url'")
        return [row[col].strip() for row in reader if (row.get(col) or "").strip()]
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
