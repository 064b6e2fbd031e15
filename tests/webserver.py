"""A local web site for the fetch, feed and Load-page tests: 127.0.0.1 only, in a thread.

`Site()` serves articles in three outlets' markup, redirects, a 404, a slow page, binaries,
a 30 MB page (announced, and streamed without a length), a robots.txt-disallowed page, a
paywalled page, a script-only shell, a flaky page (503 twice), an RSS and an Atom feed.
It records every request (path, User-Agent) and the most requests it served at once per
path prefix. Pages can be added or changed while it runs (`site.pages[path] = ...`).
"""
from __future__ import annotations

import http.server
import threading
import time
from dataclasses import dataclass


@dataclass
class Resp:
    body: bytes | str = b""
    status: int = 200
    ctype: str = "text/html; charset=utf-8"
    headers: tuple = ()
    delay: float = 0.0          # seconds before answering
    length: bool = True         # send Content-Length


def _p(*paras: str) -> str:
    return "\n".join(f"<p>{x}</p>" for x in paras)


KHARKIV = [
    "KHARKIV, May 13 — A Russian missile struck a nine-storey apartment block in Kharkiv on Monday "
    "morning, wounding 14 people, regional governor Oleh Syniehubov said on Telegram.",
    "Two of the wounded were children, he said, and rescuers were still searching the rubble of the "
    "upper floors in the afternoon, where the fire had spread across three flats.",
    "The city's mayor, Ihor Terekhov, said the strike also damaged a kindergarten and several shops "
    "near the block, and that heating would be restored to the district within two days.",
    "Kharkiv, the second-largest city in Ukraine, lies about 30 kilometres from the Russian border "
    "and has been hit almost daily by missiles and glide bombs since the spring.",
]
TORETSK = [
    "TORETSK — Ukraine's General Staff said on Thursday that its troops had repelled 27 Russian "
    "assaults near Toretsk over the past day, in one of the heaviest days of fighting there this month.",
    "The military said 310 Russian soldiers were killed or wounded along the eastern front in the "
    "same period, a figure that could not be independently verified.",
    "Russia's defence ministry said its forces had improved their positions west of the town and "
    "claimed to have destroyed four Ukrainian armoured vehicles during the fighting.",
    "Local officials said about 1,200 civilians remained in Toretsk, down from roughly 30,000 "
    "before the full-scale invasion, and that evacuation buses were leaving twice a week.",
]
POKROVSK = [
    "POKROVSK — Three people were killed and nine wounded when Russian glide bombs hit the centre "
    "of Pokrovsk on Saturday, the head of the Donetsk regional administration, Vadym Filashkin, said.",
    "Filashkin said the bombs damaged a market, a bank branch and eleven private houses, and urged the "
    "remaining residents to leave for safer parts of the region while trains were still running.",
    "Ukrainian commanders said Russian forces had advanced to within eight kilometres of the city "
    "over the past month, pressing towards the road that links it with Kostiantynivka.",
    "Aid workers said the number of people leaving Pokrovsk each day had doubled in a week, with "
    "most heading west to Dnipro and Pavlohrad, past the sign reading «Покровськ».",
]


def outlet_a(title: str, date: str, paras: list[str]) -> str:
    """A regional daily: <article>, <time datetime>, Open Graph tags, a related-links box."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} | Kharkiv Daily</title>
<meta property="og:site_name" content="Kharkiv Daily"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T09:15:00+03:00"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Olena Koval</p><time datetime="{date}">{date}</time>
{_p(*paras)}</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Power cuts return to the city</a></li></ul></aside></main>
<footer>&copy; Kharkiv Daily. All rights reserved.</footer></body></html>"""


def outlet_b(title: str, date: str, paras: list[str]) -> str:
    """A wire service: JSON-LD NewsArticle, a div.story-body with itemprop=articleBody."""
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title} - Eastern Wire</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}",
"datePublished":"{date}T06:00:00Z","publisher":{{"@type":"Organization","name":"Eastern Wire"}}}}</script></head>
<body><div id="top"><div class="logo">Eastern Wire</div><ul class="menu"><li>World</li><li>Business</li></ul></div>
<div class="story"><h1 class="headline">{title}</h1><div class="dateline">{date}</div>
<div class="story-body" itemprop="articleBody">{_p(*paras)}</div>
<div class="share">Share this story: Facebook Twitter Email</div></div>
<div id="footer">Eastern Wire, Contact us, Terms of use</div></body></html>"""


def outlet_c(title: str, date: str, paras: list[str]) -> str:
    """A broadcaster's site: a plain <main>, headings, a newsletter box, a date in the text."""
    return f"""<!DOCTYPE html><html><head><title>{title}</title><meta name="date" content="{date}">
<meta name="author" content="Newsroom"></head><body>
<div class="topbar">Live TV | Radio | Weather</div>
<main id="content"><h1>{title}</h1><div class="meta">Published {date}</div>
<div class="text">{_p(*paras)}</div>
<div class="newsletter">Sign up for our morning briefing. Enter your email.</div></main>
<div class="bottom">Broadcasting since 1991</div></body></html>"""


PAYWALL = """<!doctype html><html><head><title>Inside the battle for Chasiv Yar | Premium Times</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Inside the battle for Chasiv Yar","isAccessibleForFree":false,
"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".paywalled"}}</script></head>
<body><article><h1>Inside the battle for Chasiv Yar</h1>
<p>Soldiers on both sides describe the fight for the hilltop town as the hardest of the year.</p>
<div class="paywalled"><p>Subscribe to continue reading. Already a subscriber? Log in.</p></div>
</article></body></html>"""

SHELL = """<!doctype html><html><head><title></title><script src="/app.js"></script></head>
<body><div id="root"></div><script>window.boot()</script></body></html>"""

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def rss(base: str, items: list[tuple[str, str, str, str]]) -> str:
    """items: (guid, path, title, RFC 822 date)."""
    body = "".join(f"<item><title>{t}</title><link>{base}{p}</link><guid isPermaLink=\"false\">{g}</guid>"
                   f"<pubDate>{d}</pubDate><description>Summary of {t}</description></item>"
                   for g, p, t, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Front Wire RSS</title>'
            f"<link>{base}/</link><description>Latest</description>{body}</channel></rss>")


def atom(base: str, entries: list[tuple[str, str, str, str]]) -> str:
    """entries: (id, path, title, ISO date)."""
    body = "".join(f"<entry><id>{i}</id><title>{t}</title><link rel=\"alternate\" href=\"{base}{p}\"/>"
                   f"<updated>{d}</updated><published>{d}</published></entry>" for i, p, t, d in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Front Atom</title><id>urn:front</id><updated>2024-05-20T00:00:00Z</updated>{body}</feed>")


class Site:
    def __init__(self, slow: float = 2.0):
        self.requests: list[tuple[str, str]] = []       # (path, user agent)
        self.times: list[tuple[str, float]] = []        # (path, monotonic time)
        self.active: dict[str, int] = {}
        self.peak: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.server.handle_error = lambda request, address: None   # clients hang up on purpose
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.pages: dict[str, Resp] = self._pages(slow)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(1 for p, _ in self.requests if p == path)

    def _pages(self, slow: float) -> dict[str, Resp]:
        b = self.base
        return {
            "/robots.txt": Resp("User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n",
                                ctype="text/plain"),
            "/news/kharkiv-strike": Resp(outlet_a("Missile strike on Kharkiv wounds 14", "2024-05-13", KHARKIV)),
            "/world/2024/05/16/toretsk-assaults.html": Resp(
                outlet_b("Ukraine says it repelled 27 assaults near Toretsk", "2024-05-16", TORETSK)),
            "/live/pokrovsk": Resp(outlet_c("Glide bombs kill three in Pokrovsk", "2024-05-18", POKROVSK).encode("cp1251"),
                                   ctype="text/html; charset=windows-1251"),
            "/old/kharkiv": Resp(status=301, headers=(("Location", "/go/kharkiv"),)),
            "/go/kharkiv": Resp(status=302, headers=(("Location", f"{b}/news/kharkiv-strike?utm_source=rss"),)),
            "/loop/a": Resp(status=302, headers=(("Location", "/loop/b"),)),
            "/loop/b": Resp(status=302, headers=(("Location", "/loop/a"),)),
            "/to-private": Resp(status=302, headers=(("Location", "/private/secret"),)),
            "/missing": Resp("<h1>Not found</h1>", status=404),
            "/slow": Resp(outlet_a("Late page", "2024-05-01", KHARKIV), delay=slow),
            "/photo.png": Resp(PNG, ctype="image/png"),
            "/binary-as-html": Resp(PNG, ctype="text/html"),
            "/notes.txt": Resp("Plain notes, not a page.", ctype="text/plain"),
            "/huge": Resp(b"", headers=(("X-Huge", "30"),)),             # 30 MB with Content-Length
            "/huge-stream": Resp(b"", length=False, headers=(("X-Huge", "30"),)),   # no length
            "/private/secret": Resp(outlet_a("Secret", "2024-05-01", KHARKIV)),
            "/paywall": Resp(PAYWALL),
            "/shell": Resp(SHELL),
            "/flaky": Resp(outlet_b("Ukraine says it repelled 27 assaults near Toretsk", "2024-05-16", TORETSK)),
            "/feeds/rss.xml": Resp(rss(b, [
                ("front-1", "/news/kharkiv-strike", "Kharkiv strike wounds 14", "Mon, 13 May 2024 07:00:00 GMT"),
                ("front-2", "/live/pokrovsk", "Three killed in Pokrovsk", "Sat, 18 May 2024 10:00:00 GMT"),
                ("front-3", "/missing", "A story that was taken down", "Sun, 19 May 2024 10:00:00 GMT"),
            ]), ctype="application/rss+xml"),
            "/feeds/atom.xml": Resp(atom(b, [
                ("urn:front:toretsk", "/world/2024/05/16/toretsk-assaults.html", "Toretsk assaults repelled",
                 "2024-05-16T06:00:00Z"),
                ("urn:front:slow", "/slow", "A page that never comes", "2024-05-17T06:00:00Z"),
            ]), ctype="application/atom+xml"),
        }

    def _handler(self):
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):   # quiet test output
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                key = "/" + path.strip("/").split("/")[0]
                with site.lock:
                    site.requests.append((self.path, self.headers.get("User-Agent", "")))
                    site.times.append((path, time.monotonic()))
                    site.counts[path] = site.counts.get(path, 0) + 1
                    site.active[key] = site.active.get(key, 0) + 1
                    site.peak[key] = max(site.peak.get(key, 0), site.active[key])
                    n = site.counts[path]
                self._key, self._left = key, False
                try:
                    self._serve(path, n)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    self._leave()

            def _leave(self):
                """A request stops counting as active before its body is sent: the client may
                send its next request the moment the body arrives, before this thread is done."""
                if not self._left:
                    self._left = True
                    with site.lock:
                        site.active[self._key] -= 1

            def _serve(self, path: str, n: int):
                r = site.pages.get(path)
                if path == "/flaky" and n <= 2:
                    r = Resp("busy", status=503, ctype="text/plain")
                if r is None:
                    r = Resp("<h1>Not found</h1>", status=404)
                if r.delay:
                    site.stopping.wait(r.delay)
                etag = dict(r.headers).get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                body = r.body.encode() if isinstance(r.body, str) else r.body
                huge = dict(r.headers).get("X-Huge")
                self._leave()
                self.send_response(r.status)
                self.send_header("Content-Type", r.ctype)
                for k, v in r.headers:
                    self.send_header(k, v)
                if huge:
                    self._huge(int(huge) * 2**20, r.length)
                    return
                if r.length:
                    self.send_header("Content-Length", str(len(body)))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)
                if not r.length:
                    self.close_connection = True

            def _huge(self, size: int, length: bool):
                chunk = ("<p>" + "Filler text for a page far too large to be an article. " * 18 + "</p>\n").encode()
                if length:
                    self.send_header("Content-Length", str(size))
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                self.wfile.write(b"<html><body>")
                sent = 0
                while sent < size and not site.stopping.is_set():
                    self.wfile.write(chunk)
                    sent += len(chunk)

        return Handler


def loopback_guard(monkeypatch) -> None:
    """Make any in-process connection to an address other than 127.0.0.1 fail the test."""
    import socket
    real = socket.getaddrinfo

    def guarded(host, *args, **kwargs):
        h = host.decode() if isinstance(host, bytes) else str(host)
        assert h in ("127.0.0.1", "localhost"), f"a test tried to reach {h}"
        return real(host, *args, **kwargs)
    monkeypatch.setattr(socket, "getaddrinfo", guarded)
