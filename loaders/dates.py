"""Dates in article text: the publication date, relative dates and the periods figures cover.

Everything relative resolves against the publication date: "on Monday" is the last Monday on
or before it (a Monday article's "on Monday" is that day), "on Dec. 30" in a January article is
the previous December. Each result keeps an honest precision: day, week, month or year.
The publication-date inference itself lives in pubdate.py.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import pubdate
from .datewords import (
    MONTHS, DAY_RE, MONTH_RE, WEEKDAY_RE, YEAR_RE, add_months, day_number, last_month_day,
    last_month_start, last_weekday, month_end, month_number, safe_date, weekday_number,
)

D = dt.timedelta


@dataclass(frozen=True)
class Period:
    start: dt.date | None
    end: dt.date | None
    precision: str          # day, week, month, year
    text: str               # the words, e.g. "over the past day"
    span_start: int         # offsets into the string given to find_period
    span_end: int


@dataclass(frozen=True)
class DateMention:
    """A point in time named in a sentence ("on Monday", "last week", "on Nov. 11")."""
    date: dt.date
    precision: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Publication:
    date: dt.date | None
    how: str                # given (metadata), inferred (from the page), unknown
    precision: str | None   # day, week, month for an inferred date; day when given; None when unknown
    why: str = ""           # the evidence of an inferred date ("url", "timeline: capture Lyman ...")


def publication(given: dt.date | None, text: str, dateline: str | None, today: dt.date,
                header: str | None = None, url: str | None = None, title: str | None = None) -> Publication:
    """The publication date: metadata wins, else inferred from the page (pubdate.py), else unknown.

    `header`: page lines cleaning lifted off the text (title, removed furniture), whose date
    stamps ("Published: 19 February 2024") are clues like a dateline; `url`: the page address
    (`/2024/12/21/`); `title`: the headline, read for news of reference-timeline events."""
    if given is not None:
        return Publication(given, "given", "day")
    found = pubdate.infer_full(text or "", dateline, today, header, url, title)
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

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "few": 3, "several": 5, "couple of": 2, "a couple of": 2, "a few": 3}
NUM = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a\s+)?few|several|(?:a\s+)?couple\s+of)"


def _num(word: str) -> int:
    word = re.sub(r"\s+", " ", word.lower().strip())
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, NUMBER_WORDS.get(word.split()[-1], 3))


# A cheap first pass over the sentence's words decides which regexes can match at all
# (the regexes are slow on long sentences; most sentences name no date).
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTH_WORDS = set(MONTHS)
FIXED_WORDS = {"yesterday", "today", "tonight", "morning", "night", "overnight", "weekend", "week", "month",
               "year", "recent", "past", "last"}
SPAN_WORDS = {"past", "last", "previous"}
CALENDAR_WORDS = {"week", "month", "year", "recent", "fighting"}


def _words(sentence: str) -> set[str]:
    return set(_WORD.findall(sentence.lower()))
# A weekday, optionally with its calendar day: "late on Monday (Oct 7)", "Tuesday night".
WEEKDAY_MENTION = re.compile(
    rf"(?:\b(?i:late|early)\s+)?(?:\b(?i:on)\s+)?(?:\b(?i:(?P<rel>last|this|next|past))\s+)?"
    rf"\b(?P<wd>{WEEKDAY_RE})(?:\s+(?i:night|morning|evening|afternoon))?"
    rf"(?:\s*\(?,?\s*(?P<month>{MONTH_RE})\s+(?P<day>{DAY_RE})\)?)?")
EXPLICIT_DAY = re.compile(
    rf"\b(?:(?P<month>{MONTH_RE})\s+(?P<day>{DAY_RE})|(?P<day2>{DAY_RE})\s+(?P<month2>{MONTH_RE}))"
    rf"(?![\w-])(?:,?\s+(?P<year>{YEAR_RE})\b)?")
MONTH_ONLY = re.compile(
    rf"\b(?i:in|during|throughout|early|mid|late|in\s+early|in\s+late|in\s+mid)[\s-]+(?P<month>{MONTH_RE})"
    rf"(?!\s*\d{{1,2}}\b)(?:,?\s+(?P<year>{YEAR_RE}))?")
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
    r"(?i)\b(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|tonight|this\s+morning|"
    r"last\s+night|overnight|(?:over|at|during)\s+the\s+weekend|(?:this|last)\s+weekend|"
    r"(?:earlier\s+|later\s+)?this\s+week|last\s+week|(?:earlier\s+|later\s+)?this\s+month|"
    r"last\s+month|(?:earlier\s+|later\s+)?this\s+year|last\s+year|in\s+recent\s+days|"
    r"(?:in|over)\s+the\s+(?:past|last)\s+(?:few|several|couple\s+of)\s+days)\b")
NIGHT_OF_DAY = re.compile(rf"\s*,?\s*(?:(?i:on|into|to|from|of)\s+)?(?:(?i:the\s+night\s+of)\s+)?(?:{WEEKDAY_RE}|{MONTH_RE}\s+\d)")
AGO = re.compile(rf"(?i)\b(?P<lt>less\s+than\s+|more\s+than\s+|about\s+|nearly\s+|almost\s+)?"
                 rf"(?P<n>{NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<how>ago|earlier)\b")


def find_dates(sentence: str, published: dt.date | None) -> list[DateMention]:
    """Every point in time the sentence names, resolved against the publication date."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    words = _words(sentence)
    digits = _DIGIT.search(sentence) is not None
    months = bool(words & MONTH_WORDS)

    def add(d: dt.date | None, precision: str, m: re.Match) -> None:
        if d is None:
            return
        s, e = m.span()
        if any(s < b and a < e for a, b in taken):
            return
        taken.append((s, e))
        out.append(DateMention(d, precision, sentence[s:e].strip(), s, e))

    for m in WEEKDAY_MENTION.finditer(sentence) if words & WEEKDAY_WORDS else ():
        add(_weekday_date(m, published), "day", m)
    for m in EXPLICIT_DAY.finditer(sentence) if digits and months else ():
        month = month_number(m.group("month") or m.group("month2"))
        day = day_number(m.group("day") or m.group("day2"))
        if m.group("year"):
            add(safe_date(int(m.group("year")), month, day), "day", m)
        elif published:
            add(last_month_day(month, day, published), "day", m)
    for m in FIXED.finditer(sentence) if words & FIXED_WORDS else ():
        if published:
            if m.group("w").lower() in ("overnight", "last night", "tonight") and \
                    NIGHT_OF_DAY.match(sentence, m.end()):
                continue   # "overnight on Friday", "overnight into Saturday": the day says when
            d, precision = _fixed(m.group("w").lower(), published)
            add(d, precision, m)
    for m in AGO.finditer(sentence) if {"ago", "earlier"} & words else ():
        if published:
            add(*_ago(m, published), m)
    for m in MONTH_ONLY.finditer(sentence) if months else ():
        month = month_number(m.group("month"))
        if m.group("year"):
            add(dt.date(int(m.group("year")), month, 1), "month", m)
        elif published:
            add(last_month_start(month, published), "month", m)
    for m in SEASON.finditer(sentence) if words & SEASON_WORDS else ():
        if m.group("s").lower() == "fall" and not (m.group("rel") or m.group("year") or
                                                   re.match(r"(?i)(?:in|during|over|through|since|by)\b", m.group(0))):
            continue    # "the town could fall", "the fall of Bakhmut"
        add(_season(m, published), "month", m)
    for m in YEAR_ONLY.finditer(sentence) if digits else ():
        year = int(m.group("year"))
        if published is None or year <= published.year:
            add(dt.date(year, 1, 1), "year", m)
    out.sort(key=lambda x: x.start)
    return out


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


def _weekday_date(m: re.Match, published: dt.date | None) -> dt.date | None:
    if m.group("month"):
        month, day = month_number(m.group("month")), day_number(m.group("day"))
        if published:
            return last_month_day(month, day, published)
        return None
    if published is None or (m.group("rel") or "").lower() == "next":
        return None
    d = last_weekday(weekday_number(m.group("wd")), published)
    if (m.group("rel") or "").lower() == "last" and d == published:
        d -= D(days=7)
    return d


def _fixed(w: str, pub: dt.date) -> tuple[dt.date, str]:
    w = re.sub(r"\s+", " ", w)
    monday = pub - D(days=pub.weekday())
    if w == "the day before yesterday":
        return pub - D(days=2), "day"
    if w in ("yesterday", "last night"):
        return pub - D(days=1), "day"
    if w in ("today", "tonight", "this morning", "overnight"):
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


def _ago(m: re.Match, pub: dt.date) -> tuple[dt.date, str]:
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
    found = [x for x in find_dates(sentence, published) if x.date <= (published or dt.date.max)]
    if not found:
        return None
    for verb in SPEECH.finditer(sentence):
        near = [x for x in found if 0 <= x.start - verb.end() <= 12 or 0 <= verb.start() - x.end <= 3]
        if near:
            return near[0].date, near[0].precision
    days = [x for x in found if x.precision == "day"]
    best = days[0] if days else found[0]
    return best.date, best.precision


# --- periods ------------------------------------------------------------------------------

PAST_SPAN = re.compile(
    rf"(?i)\b(?:(?:over|in|during|for|within)\s+)?(?:(?:the\s+)?(?:past|previous)\s+|the\s+last\s+|"
    rf"last\s+(?=(?:{NUM}|24)\s))(?:(?P<n>{NUM})\s+)?(?P<unit>day|24\s+hours|twenty-four\s+hours|night|week|month|year)s?\b")
SINCE = re.compile(
    rf"\b(?i:since)\s+(?:(?i:the\s+(?:start|beginning)\s+of)\s+)?(?:(?P<month>{MONTH_RE})"
    rf"(?:\s+(?P<day>{DAY_RE})(?![\w-]))?(?:,?\s+(?P<year>{YEAR_RE}))?|(?P<yonly>{YEAR_RE})\b|"
    rf"(?P<thisyear>(?i:the\s+year|this\s+year))|(?P<invasion>(?i:the\s+(?:start\s+of\s+(?:the\s+)?)?"
    rf"(?:full[\s-]scale\s+|russian\s+)?invasion)))")
BEGINNING = re.compile(
    rf"\b(?i:beginning|starting|from|between)\s+(?:(?i:on)\s+)?(?P<month>{MONTH_RE})\s+(?P<day>{DAY_RE})"
    rf"(?![\w-])(?:,?\s+(?P<year>{YEAR_RE}))?(?:\s*(?i:to|until|through|and|-|\u2013)\s*"
    rf"(?:(?P<month2>{MONTH_RE})\s+)?(?P<day2>{DAY_RE})(?![\w-]))?")
IN_MONTH = re.compile(
    rf"\b(?i:in|during|throughout|for)\s+(?:(?i:the\s+month\s+of)\s+)?(?P<month>{MONTH_RE})"
    rf"(?!\s*\d{{1,2}}\b)(?:,?\s+(?P<year>{YEAR_RE}))?(?:\s+(?i:alone))?")
CALENDAR = re.compile(
    r"(?i)\b(?:(?:so\s+far|earlier)\s+)?(?P<w>this\s+week|last\s+week|this\s+month|last\s+month|"
    r"this\s+year|last\s+year|(?:in|during|over)\s+(?:the|a)\s+month\s+of\s+fighting|"
    r"(?:in|within)\s+(?:less\s+than|under)\s+a\s+week|in\s+recent\s+days)\b")
INVASION_START = dt.date(2022, 2, 24)


def find_periods(sentence: str, published: dt.date | None) -> list[Period]:
    """Every period the sentence names, in text order."""
    out: list[Period] = []
    words = _words(sentence)
    digits = _DIGIT.search(sentence) is not None
    months = bool(words & MONTH_WORDS)

    def add(start, end, precision, m):
        s, e = m.span()
        if start is None or any(s < p.span_end and p.span_start < e for p in out):
            return
        if published and start > published:
            return   # a future period ("in March" said in January) is a plan, not a count
        out.append(Period(start, end, precision, sentence[s:e].strip(), s, e))

    for m in BEGINNING.finditer(sentence) if digits and months else ():
        start = _month_day(m.group("month"), m.group("day"), m.group("year"), published)
        end = published
        if start and m.group("day2"):
            end = safe_date(start.year, month_number(m.group("month2") or m.group("month")),
                            day_number(m.group("day2")))
            if end and end < start:   # "from Dec. 28 to Jan. 3"
                end = safe_date(start.year + 1, end.month, end.day)
        add(start, end, "day", m)
    for m in SINCE.finditer(sentence) if "since" in words else ():
        if m.group("invasion"):
            add(INVASION_START, published, "day", m)
        elif m.group("yonly"):
            add(dt.date(int(m.group("yonly")), 1, 1), published, "year", m)
        elif m.group("thisyear"):
            add(dt.date(published.year, 1, 1) if published else None, published, "year", m)
        elif m.group("day"):
            add(_month_day(m.group("month"), m.group("day"), m.group("year"), published), published, "day", m)
        else:
            add(_month_start(m.group("month"), m.group("year"), published), published, "month", m)
    if published:
        for m in PAST_SPAN.finditer(sentence) if words & SPAN_WORDS else ():
            add(*_past_span(m, published), m)
        for m in CALENDAR.finditer(sentence) if words & CALENDAR_WORDS else ():
            add(*_calendar(m.group("w").lower(), published), m)
    for m in IN_MONTH.finditer(sentence) if months else ():
        start = _month_start(m.group("month"), m.group("year"), published)
        if start:
            end = month_end(start.year, start.month)
            add(start, min(end, published) if published else end, "month", m)
    out.sort(key=lambda p: p.span_start)
    return out


def find_period(sentence: str, published: dt.date | None) -> Period | None:
    """The period a figure in this sentence covers ("over the past day", "since August")."""
    found = find_periods(sentence, published)
    if not found:
        return None
    # "in less than a week, beginning March 6": the explicit start is the better answer
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    explicit = [p for p in found if BEGINNING.match(p.text) or SINCE.match(p.text)]
    return min(explicit or found, key=lambda p: (rank[p.precision], p.span_start))


def _month_day(month: str, day: str, year: str | None, pub: dt.date | None) -> dt.date | None:
    if year:
        return safe_date(int(year), month_number(month), day_number(day))
    return last_month_day(month_number(month), day_number(day), pub) if pub else None


def _month_start(month: str, year: str | None, pub: dt.date | None) -> dt.date | None:
    if year:
        return dt.date(int(year), month_number(month), 1)
    return last_month_start(month_number(month), pub) if pub else None


def _past_span(m: re.Match, pub: dt.date) -> tuple[dt.date, dt.date, str]:
    unit = m.group("unit").lower()
    n_word = m.group("n")
    n = _num(n_word) if n_word else 1
    vague = bool(n_word) and not n_word.strip().isdigit() and _num(n_word) in (3, 5) and \
        re.search(r"few|several", n_word, re.I) is not None
    if unit in ("day", "night") or "hours" in unit:
        return pub - D(days=n), pub, "week" if vague else "day"
    if unit == "week":
        return pub - D(days=7 * n), pub, "week"
    if unit == "month":
        return add_months(pub, -n).replace(day=min(pub.day, 28)), pub, "month"
    return safe_date(pub.year - n, pub.month, min(pub.day, 28)), pub, "year"


def _calendar(w: str, pub: dt.date) -> tuple[dt.date, dt.date, str]:
    w = re.sub(r"\s+", " ", w)
    monday = pub - D(days=pub.weekday())
    if w == "this week":
        return monday, pub, "week"
    if w == "last week":
        return monday - D(days=7), monday - D(days=1), "week"
    if w == "this month":
        return pub.replace(day=1), pub, "month"
    if w == "last month":
        start = add_months(pub, -1)
        return start, month_end(start.year, start.month), "month"
    if w == "this year":
        return dt.date(pub.year, 1, 1), pub, "year"
    if w == "last year":
        return dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31), "year"
    if "month of fighting" in w:
        return pub - D(days=30), pub, "month"
    if w == "in recent days":
        return pub - D(days=3), pub, "week"
    return pub - D(days=7), pub, "week"   # in less than a week


def count_days(n_word: str, unit: str, less_than: bool = False) -> int:
    """Days in "two days", "a week", "less than a week" (a few days short of it)."""
    n, unit = _num(n_word), unit.lower().rstrip("s")
    days = n * {"day": 1, "week": 7, "month": 30}.get(unit, 1)
    return max(1, days - max(1, days // 2) + 1) if less_than and unit != "day" else days
