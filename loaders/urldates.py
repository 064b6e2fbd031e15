"""Publication dates that news sites write into their URLs.

`/2024/12/21/slug`, `/2024-10-08-slug`, `/20230104/slug`, `-20220408-p5ac0d.html`,
`/2025/Jan/27/`, `?yyyy=2022&mm=04&dd=13`, `/news/07/06/2023/` (day and month in either order),
and month-only paths such as `/2022/10/slug`. `url_timestamp` reads a Unix time closing a slug
(`...-on-1716669514.html`), which some sites write instead of a date. htmldate reads only the first of these shapes,
so the rest are matched here. Only the path and query are read, never the host, and a date
after `today` or before 2000 is no date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .datewords import month_number, safe_date

_SEP = r"[/_.-]"
_YMD = re.compile(rf"(?<![\d])(?P<y>20\d\d){_SEP}(?P<m>0?[1-9]|1[0-2]){_SEP}(?P<d>0?[1-9]|[12]\d|3[01])(?!\d)")
_COMPACT = re.compile(r"(?<![\d])(?P<y>20[0-3]\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
_Y_MON_D = re.compile(r"(?i)(?<![\d])(?P<y>20\d\d)/(?P<mon>[a-z]{3,9})/(?P<d>0?[1-9]|[12]\d|3[01])(?!\d)")
_QUERY = re.compile(r"(?i)\b(?:yyyy|year|y)=(?P<y>20\d\d)\b.*?\b(?:mm|month|m)=(?P<m>\d{1,2})\b.*?\b(?:dd|day|d)=(?P<d>\d{1,2})\b")
_DMY = re.compile(r"(?<![\d])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>20\d\d)(?!\d)")
_YM = re.compile(r"/(?P<y>20\d\d)/(?P<m>0?[1-9]|1[0-2])/(?!\d)")
# ten digits closing a slug: "-1716669514.html", "-1716669514/"; a Unix time only when it falls in
# the years news of this war can have (older ones are article ids: Sputnik's 1106022684 is 2005)
_UNIX = re.compile(r"[-_](?P<ts>1\d{9})(?:\.html?|/)?$")
UNIX_FROM = dt.date(2014, 1, 1)


@dataclass(frozen=True)
class UrlDate:
    date: dt.date
    precision: str                    # day, or month (the first of the month)
    alt: dt.date | None = None        # the other reading of /07/06/2023/


def url_date(url: str | None, today: dt.date) -> UrlDate | None:
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    where = f"{parts.path}?{parts.query}" if parts.query else parts.path
    if not where:
        return None

    def ok(d: dt.date | None) -> bool:
        return d is not None and dt.date(2000, 1, 1) <= d <= today

    for rx in (_YMD, _QUERY, _COMPACT):
        for m in rx.finditer(where):
            d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
            if ok(d):
                return UrlDate(d, "day")
    for m in _Y_MON_D.finditer(where):
        month = month_number(m["mon"])
        d = safe_date(int(m["y"]), month, int(m["d"])) if month else None
        if ok(d):
            return UrlDate(d, "day")
    for m in _DMY.finditer(where):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        first, second = safe_date(y, b, a), safe_date(y, a, b)      # day-first, month-first
        readings = [d for d in (first, second) if ok(d)]
        if len(readings) == 1 or (len(readings) == 2 and readings[0] == readings[1]):
            return UrlDate(readings[0], "day")
        if len(readings) == 2:
            return UrlDate(readings[0], "day", alt=readings[1])
    for m in _YM.finditer(where):
        d = safe_date(int(m["y"]), int(m["m"]), 1)
        if ok(d):
            return UrlDate(d, "month")
    return None


def url_timestamp(url: str | None, today: dt.date) -> dt.date | None:
    """The UTC day of a Unix time closing the URL's path, or None."""
    if not url:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    m = _UNIX.search(path)
    if not m:
        return None
    day = dt.datetime.fromtimestamp(int(m["ts"]), dt.timezone.utc).date()
    return day if UNIX_FROM <= day <= today else None
