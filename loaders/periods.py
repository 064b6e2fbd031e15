"""Periods a figure covers: "over the past day", "since August", "in February alone",
"beginning March 6", "last week", "since the start of the full-scale invasion".

Everything resolves against the publication date; a period that starts after it is a plan,
not a count, and is skipped.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .datewords import (
    DAY_RE, MONTH_RE, MONTHS, NUM, YEAR_RE, add_months, day_number, last_month_day, last_month_start, month_end,
    month_number, number, safe_date, words_of,
)

D = dt.timedelta
SPAN_WORDS = {"past", "last", "previous"}
CALENDAR_WORDS = {"week", "month", "year", "recent", "fighting"}
MONTH_WORDS = set(MONTHS)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Period:
    start: dt.date | None
    end: dt.date | None
    precision: str          # day, week, month, year
    text: str               # the words, e.g. "over the past day"
    span_start: int         # offsets into the string given to find_period
    span_end: int



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
    words = words_of(sentence)
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
    n = number(n_word) if n_word else 1
    vague = bool(n_word) and not n_word.strip().isdigit() and number(n_word) in (3, 5) and \
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
    n, unit = number(n_word), unit.lower().rstrip("s")
    days = n * {"day": 1, "week": 7, "month": 30}.get(unit, 1)
    return max(1, days - max(1, days // 2) + 1) if less_than and unit != "day" else days
