"""Dates in article text: the publication date, and the points in time sentences name.

Everything relative resolves against the publication date: "on Monday" is the last Monday on
or before it (a Monday article's "on Monday" is that day), "on Dec. 30" in a January article is
the previous December; a date a forecast governs ("will meet on Friday", "next Monday") is the
next one after it and is marked future. Each result keeps an honest precision: day, week,
month or year. The publication-date inference lives in pubdate.py, the periods figures cover
in periods.py (re-exported here: dates.find_period, dates.count_days).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import pubdate
from .datewords import (  # noqa: F401  (NUM, NUMBER_WORDS: names other modules knew here)
    MONTHS, DAY_RE, MONTH_RE, NUM, NUMBER_WORDS, WEEKDAY_RE, YEAR_RE, add_months, day_number, last_month_day,
    last_month_start, last_weekday, month_number, next_month_day, next_weekday, number, safe_date,
    weekday_number, words_of,
)
from .periods import Period, count_days, find_period, find_periods  # noqa: F401  (the figure and event code use them here)

D = dt.timedelta
_DIGIT = re.compile(r"\d")
_num = number   # the name figures.py and events.py knew


@dataclass(frozen=True)
class DateMention:
    """A point in time named in a sentence ("on Monday", "last week", "on Nov. 11")."""
    date: dt.date
    precision: str
    text: str
    start: int
    end: int
    future: bool = False    # after publication: a plan or forecast ("will meet on Friday")


@dataclass(frozen=True)
class Publication:
    date: dt.date | None
    how: str                # given (metadata), inferred (from the page), unknown
    precision: str | None   # day, week, month for an inferred date; day when given; None when unknown
    why: str = ""           # the evidence of an inferred date ("url", "timeline: capture Lyman ...")


def publication(given: dt.date | None, text: str, dateline: str | None, today: dt.date,
                header: str | None = None, url: str | None = None, title: str | None = None,
                main_place: str | None = None) -> Publication:
    """The publication date: metadata wins, else inferred from the page (pubdate.py), else unknown.

    `header`: page lines cleaning lifted off the text (title, removed furniture), whose date
    stamps ("Published: 19 February 2024") are clues like a dateline; `url`: the page address
    (`/2024/12/21/`); `title`: the headline, read for news of reference-timeline events;
    `main_place`: the story's place ("the city" in a sentence telling a timeline event)."""
    if given is not None:
        return Publication(given, "given", "day")
    found = pubdate.infer_full(text or "", dateline, today, header, url, title, main_place)
    if found is None:
        return Publication(None, "unknown", None)
    return Publication(found.date, "inferred", found.precision, found.why)


def publication_date(given: dt.date | None, text: str, dateline: str | None, today: dt.date,
                     header: str | None = None, url: str | None = None,
                     title: str | None = None) -> tuple[dt.date | None, str]:
    """(published, published_how) of `publication`, for callers that need no precision."""
    p = publication(given, text, dateline, today, header, url, title)
    return p.date, p.how


# --- points in time -------------------------------------------------------------------------

WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTH_WORDS = set(MONTHS)
FIXED_WORDS = {"yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "overnight",
               "weekend", "week", "month", "year", "recent", "past", "last"}
RELATIVE_WORDS = {"previous", "preceding", "before", "next", "following", "same", "that"}
TIME_WORDS = {"evening", "morning", "afternoon", "night", "dawn", "midnight", "noon"}

# A weekday, optionally with its calendar day: "late on Monday (Oct 7)", "Tuesday night".
WEEKDAY_MENTION = re.compile(
    rf"(?:\b(?i:late|early)\s+)?(?:\b(?i:on)\s+)?(?:\b(?i:(?P<rel>last|this|next|past|coming))\s+)?"
    rf"\b(?P<wd>{WEEKDAY_RE})(?:\s+(?i:night|morning|evening|afternoon))?"
    rf"(?:\s*\(?,?\s*(?P<month>{MONTH_RE})\s+(?P<day>{DAY_RE})\)?)?")
EXPLICIT_DAY = re.compile(
    rf"\b(?:(?P<month>{MONTH_RE})\s+(?P<day>{DAY_RE})|(?<!\d[:.])(?P<day2>{DAY_RE})\s+(?:of\s+)?(?P<month2>{MONTH_RE}))"
    rf"(?![\w-])(?:,?\s+(?P<year>{YEAR_RE})\b)?")
# "on the night of Oct. 28-29", "the night of Saturday to Sunday", "the night of 28 to 29 October":
# the second day, when the strikes of a night are reported
NIGHT_OF = re.compile(
    rf"(?i)\b(?:on\s+|during\s+|overnight\s+)?the\s+night\s+(?:of|from)\s+(?:(?P<wd1>{WEEKDAY_RE})\s+(?:to|into|and)\s+"
    rf"(?P<wd2>{WEEKDAY_RE})|(?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})\s*(?:[-\u2013/]|to|into|and)\s*(?:(?P<m2>{MONTH_RE})\s+)?"
    rf"(?P<d2>\d{{1,2}})|(?P<d3>\d{{1,2}})\s*(?:[-\u2013/]|to|into|and)\s*(?P<d4>\d{{1,2}})\s+(?:of\s+)?(?P<m3>{MONTH_RE}))"
    rf"(?:,?\s+(?P<year>{YEAR_RE})\b)?")
ORDINAL_DAY = re.compile(r"(?i)\b(?:on|since|by)\s+the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:anniversary|day|"
                         r"brigade|battalion|regiment|division|corps|army|birthday|century|time|floor|round|session))")
# "early June", "mid-June", "late June": a third of the month, told as its middle day
_PART_OF_MONTH = {"early": 5, "mid": 15, "late": 25}


_PART_PHRASES = {"beginning": "early", "start": "early", "first": "early", "middle": "mid", "end": "late", "last": "late"}


def _part_word(phrase: str) -> str:
    w = re.match(r"(?i)\s*(?:in\s+|during\s+)?(early|mid|late)\b", phrase)
    if w:
        return w.group(1).lower()
    # "at the beginning of April", "in the first days of June", "at the end of May"
    w = re.match(r"(?i)\s*(?:at|by|in|until|since)\s+the\s+(?:very\s+)?(beginning|start|first|middle|end|last)\b", phrase)
    return _PART_PHRASES[w.group(1).lower()] if w else ""


MONTH_ONLY = re.compile(
    rf"\b(?i:in|during|throughout|early|mid|late|in\s+early|in\s+late|in\s+mid|(?:in|during|since|after|before)\s+the|by\s+the|"
    rf"(?:at|by|in|until|since)\s+the\s+(?:very\s+)?(?:beginning|start|middle|end|(?:first|last)\s+(?:days|weeks?))\s+of)[\s-]+(?P<month>{MONTH_RE})"
    rf"(?!\s*\d{{1,2}}\b)(?:,?\s+(?P<year>{YEAR_RE}))?")
LAST_MONTH_NAME = re.compile(r"(?i)\b(?:last|this\s+past)\s+(?P<month>January|February|March|April|May|June|July|August|"
                             r"September|October|November|December)\b")
YEAR_ONLY = re.compile(rf"\b(?i:in|during)\s+(?:(?i:early|late|mid)[\s-]+)?(?P<year>{YEAR_RE})\b(?!\s*-)")

# Seasons: "last summer", "in the autumn of 2022", "winter 2023". "fall" only after a
# determiner, and never "the fall of <Place>".
SEASON_WORDS = {"spring", "summer", "autumn", "fall", "winter"}
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
SEASON = re.compile(
    r"(?i)\b(?:(?P<rel>last|this|next|past)\s+|(?:in|during|over|through|throughout|since|by)\s+(?:the\s+)?"
    r"(?:(?:early|late)\s+)?|(?:early|late)\s+)?"
    r"(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d))?\b(?!\s+of\s+[A-Z])")

# Simple relative words -> (days back, precision); weekend/week handled by code below.
FIXED = re.compile(
    r"(?i)\b(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|this\s+morning|"
    r"this\s+afternoon|this\s+evening|earlier\s+today|later\s+today|"
    r"last\s+night|overnight|(?:over|at|during)\s+the\s+weekend|(?:this|last)\s+weekend|"
    r"(?:earlier\s+|later\s+)?this\s+week|last\s+week|(?:earlier\s+|later\s+)?this\s+month|"
    r"last\s+month|(?:earlier\s+|later\s+)?this\s+year|last\s+year|in\s+recent\s+days|next\s+(?:week|month|year)|"
    r"(?:in|over)\s+the\s+(?:past|last)\s+(?:few|several|couple\s+of)\s+days)\b")
NIGHT_OF_DAY = re.compile(rf"\s*,?\s*(?:(?i:on|into|to|from|of)\s+)?(?:(?i:the\s+night\s+of)\s+)?(?:{WEEKDAY_RE}|{MONTH_RE}\s+\d)")
AGO = re.compile(rf"(?i)\b(?P<lt>less\s+than\s+|more\s+than\s+|about\s+|nearly\s+|almost\s+)?"
                 rf"(?:(?P<n>{NUM})\s+(?P<unit>day|week|month|year)s?|(?P<bare>days|weeks))\s+(?P<how>ago|earlier)\b")
# Days told relative to another day of the sentence (or of the text around it).
RELATIVE_DAY = re.compile(
    r"(?i)\b(?:on\s+)?(?:the\s+(?P<back>previous|preceding)\s+day|the\s+day\s+before(?!\s+yesterday)|the\s+night\s+before|"
    r"the\s+(?P<on>next|following)\s+(?:day|morning)|(?P<same>that|the\s+same)\s+day)\b")
TIME_OF_DAY = re.compile(r"(?i)\b(?:(?:in|during)\s+the\s+(?:early\s+|late\s+)?(?:evening|morning|afternoon|night)|"
                         r"at\s+(?:dawn|night|noon|midnight)|in\s+the\s+early\s+hours)\b(?!\s+of\b)")
# A forecast governs the date after it in the same clause: "talks will resume on Friday".
FORECAST = re.compile(
    r"(?i)\b(?:will|shall|won['’]t|['’]ll|(?:is|are)\s+(?:due|set|scheduled|expected|slated|going|planned|"
    r"to\s+be)|(?:is|are)\s+to|plans?\s+to|planning\s+to|planned\s+for|scheduled\s+for|slated\s+for|set\s+for|"
    r"intends?\s+to|upcoming|ahead\s+of)\b")
CLAUSE_START = re.compile(r"[.;:!?\"\u201c\u201d]")


def find_dates(sentence: str, published: dt.date | None, context: dt.date | None = None) -> list[DateMention]:
    """Every point in time the sentence names, resolved against the publication date.

    Past forms are the last such day on or before publication ("on Monday", "on Dec. 30",
    "last May"); a date a forecast governs ("will meet on Friday", "next Monday", "tomorrow")
    is the next one after it and is marked `future`. `context`: the day the surrounding text
    is about, for "the previous day" and "in the evening" in a sentence naming no day itself."""
    return list(_find_dates(sentence, published, context))


@lru_cache(maxsize=4096)    # a sentence is read for its figures, its events and its statement date
def _find_dates(sentence: str, published: dt.date | None, context: dt.date | None) -> tuple[DateMention, ...]:
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    words = words_of(sentence)
    digits = _DIGIT.search(sentence) is not None
    months = bool(words & MONTH_WORDS)

    def add(d: dt.date | None, precision: str, m: re.Match, future: bool = False) -> None:
        if d is None:
            return
        s, e = m.span()
        if any(s < b and a < e for a, b in taken):
            return
        taken.append((s, e))
        out.append(DateMention(d, precision, sentence[s:e].strip(), s, e, future or (published is not None and d > published)))

    def ahead(m: re.Match) -> bool:
        return published is not None and _forecast(sentence, m.start())

    for m in NIGHT_OF.finditer(sentence) if "night" in words else ():
        add(_night_of(m, published), "day", m)
    for m in WEEKDAY_MENTION.finditer(sentence) if words & WEEKDAY_WORDS else ():
        add(_weekday_date(m, published, ahead(m)), "day", m)
    for m in EXPLICIT_DAY.finditer(sentence) if digits and months else ():
        month = month_number(m.group("month") or m.group("month2"))
        day = day_number(m.group("day") or m.group("day2"))
        if m.group("year"):
            add(safe_date(int(m.group("year")), month, day), "day", m)
        elif published:
            add(next_month_day(month, day, published) if ahead(m) else last_month_day(month, day, published), "day", m)
    for m in ORDINAL_DAY.finditer(sentence) if digits and published else ():
        add(_ordinal_day(int(m.group("d")), published), "day", m)
    for m in FIXED.finditer(sentence) if words & FIXED_WORDS else ():
        if published:
            w = re.sub(r"\s+", " ", m.group("w").lower())
            if w in ("overnight", "last night", "tonight") and NIGHT_OF_DAY.match(sentence, m.end()):
                continue   # "overnight on Friday", "overnight into Saturday": the day says when
            if w == "tomorrow":
                add(published + D(days=1), "day", m, True)
            elif w.startswith(("next ", "later this")):
                add(*_ahead(w, published), m, True)
            else:
                add(*_fixed(w, published), m)
    for m in AGO.finditer(sentence) if {"ago", "earlier"} & words else ():
        if published:
            add(*_ago(m, published), m)
    for m in LAST_MONTH_NAME.finditer(sentence) if months and published else ():
        add(_last_named_month(month_number(m.group("month")), published), "month", m)
    for m in MONTH_ONLY.finditer(sentence) if months else ():
        month = month_number(m.group("month"))
        if m.group("year"):
            start = dt.date(int(m.group("year")), month, 1)
        elif published:
            start = _next_month_start(month, published) if ahead(m) else last_month_start(month, published)
        else:
            continue
        part = _PART_OF_MONTH.get(_part_word(m.group(0)))
        day = start.replace(day=part) if part else None
        if day and (published is None or day <= published or ahead(m)):
            add(day, "week", m)          # "late June": the 25th, give or take a week
        else:
            add(start, "month", m)
    for m in SEASON.finditer(sentence) if words & SEASON_WORDS else ():
        if m.group("s").lower() == "fall" and not (m.group("rel") or m.group("year") or
                                                   re.match(r"(?i)(?:in|during|over|through|since|by)\b", m.group(0))):
            continue    # "the town could fall", "the fall of Bakhmut"
        add(_season(m, published), "month", m)
    for m in YEAR_ONLY.finditer(sentence) if digits else ():
        year = int(m.group("year"))
        if published is None or year <= published.year:
            add(dt.date(year, 1, 1), "year", m)
    # second pass: days told relative to the days found ("the previous day", "in the evening")
    days = sorted((x for x in out if x.precision == "day" and not x.future), key=lambda x: x.start)
    for m in RELATIVE_DAY.finditer(sentence) if words & RELATIVE_WORDS else ():
        base = _base_day(days, m.start(), context, published)
        if base is not None:
            shift = -1 if (m.group("back") or "before" in m.group(0).lower()) else 1 if m.group("on") else 0
            if base is published and shift == 0 and context is None:
                continue   # "that day" with nothing to point at
            d = base + D(days=shift) if shift or base is not published else base
            if base is published and shift == 1:
                continue   # "the next day" after the day of writing is not told as past
            add(d, "day", m)
    for m in TIME_OF_DAY.finditer(sentence) if words & TIME_WORDS else ():
        if any(abs(x.start - m.end()) <= 30 or abs(m.start() - x.end) <= 30 for x in days):
            continue   # "on Sunday in the evening": the day already says when
        base = _base_day(days, m.start(), context, published, nearest=True)
        if base is not None:
            add(base, "day", m)
    out.sort(key=lambda x: x.start)
    return tuple(out)


def _forecast(sentence: str, at: int) -> bool:
    """A forecast word rules the date at `at`: in its clause, before it, with no reporting verb
    between ("will resume on Friday", not "will resume, he said on Monday")."""
    clause_start = max((m.end() for m in CLAUSE_START.finditer(sentence, 0, at)), default=0)
    cues = list(FORECAST.finditer(sentence, clause_start, at))
    if not cues:
        return bool(re.search(r"(?i)\b(?:next|coming)\s+$", sentence[max(0, at - 8):at]))
    return not SPEECH.search(sentence, cues[-1].end(), at)


def _base_day(days: list[DateMention], at: int, context: dt.date | None, published: dt.date | None,
              nearest: bool = False) -> dt.date | None:
    """The day a relative day counts from: the last day named before it in the sentence (any
    day named, for a time of day), else the context day, else publication."""
    before = [x for x in days if x.end <= at]
    if before:
        return before[-1].date
    if nearest and days:
        return min(days, key=lambda x: abs(x.start - at)).date
    return context or published


def _night_of(m: re.Match, published: dt.date | None) -> dt.date | None:
    if m.group("wd2"):
        return last_weekday(weekday_number(m.group("wd2")), published) if published else None
    if m.group("d2"):
        month, day = month_number(m.group("m2") or m.group("m1")), int(m.group("d2"))
        if m.group("m2") is None and int(m.group("d2")) < int(m.group("d1")):
            month = month % 12 + 1      # "the night of Jan. 31-1"
    else:
        month, day = month_number(m.group("m3")), int(m.group("d4"))
    if m.group("year"):
        return safe_date(int(m.group("year")), month, day)
    return last_month_day(month, day, published) if published else None


def _ordinal_day(day: int, pub: dt.date) -> dt.date | None:
    """'on the 28th': that day of this month, or of the last month that has it."""
    for back in range(3):
        start = add_months(pub.replace(day=1), -back)
        d = safe_date(start.year, start.month, day)
        if d and d <= pub:
            return d
    return None


def _last_named_month(month: int, pub: dt.date) -> dt.date:
    """'last May': the latest May before the current month."""
    year = pub.year if month < pub.month else pub.year - 1
    return dt.date(year, month, 1)


def _next_month_start(month: int, pub: dt.date) -> dt.date:
    year = pub.year if month > pub.month else pub.year + 1
    return dt.date(year, month, 1)


def _season(m: re.Match, published: dt.date | None) -> dt.date | None:
    """The middle month of the season meant: with a year, that one; "next", none; else the
    latest that has begun by publication ("last" skips the one publication falls in)."""
    first = SEASON_START[m.group("s").lower()]
    rel = (m.group("rel") or "").lower()
    if m.group("year"):
        return add_months(dt.date(int(m.group("year")), first, 1), 1)
    if published is None or rel == "next":
        return None
    start = dt.date(published.year, first, 1)
    if start > published:
        start = dt.date(published.year - 1, first, 1)
    if rel in ("last", "past") and (published - start).days < 92:
        start = dt.date(start.year - 1, first, 1)   # we are in it: "last summer" is the one before
    middle = add_months(start, 1)
    return middle if middle <= published else start


def _weekday_date(m: re.Match, published: dt.date | None, ahead: bool = False) -> dt.date | None:
    """The last such weekday on or before publication; for a forecast ("will meet on Friday",
    "next Monday") the first one after it."""
    rel = (m.group("rel") or "").lower()
    if m.group("month"):
        month, day = month_number(m.group("month")), day_number(m.group("day"))
        if published is None:
            return None
        return next_month_day(month, day, published) if ahead or rel in ("next", "coming") \
            else last_month_day(month, day, published)
    if published is None:
        return None
    wd = weekday_number(m.group("wd"))
    if ahead or rel in ("next", "coming"):
        return next_weekday(wd, published + D(days=1))
    d = last_weekday(wd, published)
    if rel == "last" and d == published:
        d -= D(days=7)
    return d


def _fixed(w: str, pub: dt.date) -> tuple[dt.date, str]:
    w = re.sub(r"\s+", " ", w)
    monday = pub - D(days=pub.weekday())
    if w == "the day before yesterday":
        return pub - D(days=2), "day"
    if w in ("yesterday", "last night"):
        return pub - D(days=1), "day"
    if w in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today", "later today",
             "overnight"):
        return pub, "day"
    if "weekend" in w:
        if w.startswith("last") or pub.weekday() < 5:
            return last_weekday(6, pub if pub.weekday() < 5 else pub - D(days=7)), "week"
        return pub, "week"
    if w == "last week":
        return pub - D(days=7), "week"
    if w.endswith("this week"):
        return monday + (pub - monday) // 2, "week"
    if w.endswith("this month"):
        return pub.replace(day=1), "month"
    if w == "last month":
        return add_months(pub, -1), "month"
    if w.endswith("this year"):
        return dt.date(pub.year, 1, 1), "year"
    if w == "last year":
        return dt.date(pub.year - 1, 1, 1), "year"
    return pub - D(days=2), "week"   # recent days, past few days


def _ahead(w: str, pub: dt.date) -> tuple[dt.date, str]:
    """'next week', 'later this month': plans, dated just after publication."""
    unit = w.split()[-1]
    if unit == "week":
        start = pub + D(days=7 - pub.weekday()) if w.startswith("next") else pub + D(days=1)
        return start, "week"
    if unit == "month":
        return (add_months(pub, 1) if w.startswith("next") else pub + D(days=1)), "month"
    return (dt.date(pub.year + 1, 1, 1) if w.startswith("next") else pub + D(days=1)), "year"


def _ago(m: re.Match, pub: dt.date) -> tuple[dt.date, str]:
    if m.group("bare"):     # "days ago", "weeks ago": a few of them
        return pub - D(days=3 if m.group("bare").lower() == "days" else 14), "week"
    n, unit = _num(m.group("n")), m.group("unit").lower()
    if (m.group("lt") or "").lower().startswith("less") and unit == "week":
        return pub - D(days=4 * n), "week"   # "less than a week ago": a few days back
    if unit == "day":
        return pub - D(days=n), "day"
    if unit == "week":
        return pub - D(days=7 * n), "week"
    if unit == "month":
        return add_months(pub, -n).replace(day=min(pub.day, 28)), "month"
    return dt.date(pub.year - n, 1, 1), "year"


SPEECH = re.compile(r"(?i)\b(?:said|says|told|reported|announced|stated|claimed|wrote|added|"
                    r"confirmed|according)\b")


def statement_date(sentence: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    """(date, precision) of the reported statement or happening ("said on Monday").

    Prefer the date next to a speech verb; else the first day-precise date; else the first."""
    found = [x for x in find_dates(sentence, published) if not x.future and x.date <= (published or dt.date.max)]
    if not found:
        return None
    for verb in SPEECH.finditer(sentence):
        near = [x for x in found if 0 <= x.start - verb.end() <= 12 or 0 <= verb.start() - x.end <= 3]
        if near:
            return near[0].date, near[0].precision
    days = [x for x in found if x.precision == "day"]
    best = days[0] if days else found[0]
    return best.date, best.precision


def event_date(sentence: str, start: int, end: int, published: dt.date | None,
               context: dt.date | None = None) -> DateMention | None:
    """The date of the happening told at sentence[start:end] (a trigger: "captured", "strike"):
    the date mention nearest it, preferring one in its own clause. A forecast's date comes back
    with `future` set ("will resume on Friday"), so the caller can tell a plan from news; None
    when the sentence names no date (the caller falls back to the publication date)."""
    found = find_dates(sentence, published, context)
    if not found:
        return None

    def distance(x: DateMention) -> tuple[int, int]:
        gap = x.start - end if x.start >= end else start - x.end if x.end <= start else 0
        lo, hi = min(start, x.start), max(end, x.end)
        return (1 if CLAUSE_START.search(sentence, lo, hi) else 0, max(gap, 0))

    return min(found, key=distance)
