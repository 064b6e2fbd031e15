"""Infer an article's publication date from its text when no metadata gives it.

Clues, strongest first: the dateline ("KYIV, April 10 (Reuters)"), explicit full dates
("March 8, 2023", "2023-03-08", "02/03/2023"), year-less days that a weekday pins to a year
("late on Monday (Oct 7)" -> the war year in which Oct 7 is a Monday) or that a full date in
the same text gives a year to. News reports the latest day it covers, so the publication date
is the latest credible clue. A date stamp in the page header that the body contradicts (a
stale site header) loses; nothing after `today` counts; no clue -> None (unknown).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .datewords import (
    DAY_MONTH, ISO_DATE, MONTH_DAY, MONTH_RE, NUMERIC_DATE, WAR_START_YEAR, WEEKDAY_RE, YEAR_RE, day_number,
    month_number, safe_date, weekday_number, years_with_weekday,
)

# Words before a date that make it a plan, deadline or period start rather than a reported day.
NOT_REPORTED = re.compile(
    r"(?i)\b(?:since|until|till|by|before|through|scheduled|slated|due|expected|will|next|"
    r"planned|deadline|set\s+for|from|between|born|founded|invasion\s+(?:on|of)|began|begun|started|"
    r"starting|beginning|broke\s+out|erupted)\W+(?:on\W+)?"
    r"(?:\w+\W+)?$")
# Further back in the same sentence: a plan ("leaders will meet in Washington on July 9") or the
# start of the war ("Russia invaded Ukraine on Feb. 24, 2022") is not the day being reported.
NOT_REPORTED_CLAUSE = re.compile(
    r"(?i)\b(?:will|would|shall|is\s+due|are\s+due|is\s+set|are\s+set|scheduled|plans?\s+to|"
    r"expected\s+to|invaded|invasion|invade|annexed|annexation)\b[^.!?\n]*$")
WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{WEEKDAY_RE})\s*[,(]?\s*$")
WEEKDAY_AFTER = re.compile(rf"^\s*\(?(?P<wd>{WEEKDAY_RE})\)?")
YEAR_WORD = re.compile(rf"\b(?P<year>{YEAR_RE})\b")
WEEKDAY_WORD = re.compile(rf"\b({WEEKDAY_RE})\b")
SAID_WEEKDAY = re.compile(rf"\b(?:said|says|told\s+\w+|announced|reported|stated)\s+(?:(?:late|early)\s+)?"
                          rf"(?:on\s+)?({WEEKDAY_RE})\b")
FULL_SCALE_YEAR = 2022
FULL_SCALE = re.compile(r"(?i)\bfull[\s-]scale\s+(?:invasion|war)\b")
DATELINE_IN_TEXT = re.compile(rf"^[A-Z][A-Za-z .'\-]{{1,40}},(?:\s+[A-Z][a-z]+,)?\s+{MONTH_RE}\s+\d{{1,2}}\s*\(")
HEADER_HINT = re.compile(r"(?i)\b(?:published|updated|posted|last\s+modified|\d{1,2}:\d{2})\b")


@dataclass(frozen=True)
class Clue:
    month: int
    day: int
    year: int | None
    weekday: int | None
    start: int            # offset in the text searched
    header: bool          # in the page header (before the body), e.g. a site date stamp
    alt: tuple[int, int] | None = None   # the other reading of an ambiguous 02/03/2023 (month, day)


def infer(text: str, dateline: str | None, today: dt.date, header: str | None = None) -> dt.date | None:
    """`header`: lines cleaning lifted off the page (title, bylines, stamps); only the ones that
    look like a date stamp ("Published: 19 February 2024", "Sat 17 Feb 2024 08.03 GMT") count."""
    body_at = _body_start(text)
    if not dateline:
        m = DATELINE_IN_TEXT.match(text, body_at)
        dateline = m.group(0) if m else None
    dateline_clues = _clues(dateline, header=False) if dateline else []
    stamps = "\n".join(line for line in (header or "").split("\n") if _is_stamp(line))
    clues = dateline_clues + _clues(stamps, header=True) + _clues(text[:body_at], header=True) + \
        [c for c in _clues(text[body_at:], header=False)]
    if not clues:
        return None
    floor = _year_floor(text[body_at:], today)   # a stale header year is no floor
    full = [d for c in clues if c.year and c.alt is None for d in [_resolve(c, None, floor, today)] if d]
    anchor = max(full) if full else None
    usual = _usual_weekday(text)
    dated = []
    for c in clues:
        if c in dateline_clues and c.year is None and c.weekday is None and anchor is None and usual is not None:
            # "KYIV, April 10 (Reuters)" + "said on Monday": the one war year in which April 10
            # was that Monday, or the Tuesday after it (wires file the next day too); weaker than
            # a weekday written beside the day, so the year must be unique
            year = _dateline_year(c.month, c.day, usual, floor, today)
            d = safe_date(year, c.month, c.day) if year else None
        else:
            d = _resolve(c, anchor, floor, today)
        if d is not None:
            dated.append((c, d))
    if not dated:
        return None
    dl = [d for c, d in dated if c in dateline_clues]
    header = [d for c, d in dated if c.header and c not in dateline_clues]
    body = [d for c, d in dated if not c.header and c not in dateline_clues]
    latest_body = max(body) if body else None
    found = None
    for stamp in (dl, header):
        if stamp and found is None:
            d = max(stamp)
            # a stamp agrees with the body when the body's latest day is just before it
            if latest_body is None or dt.timedelta(days=-1) <= d - latest_body <= dt.timedelta(days=7):
                found = d
    if found is None and latest_body:
        found = _report_day(latest_body, text, today)
    # an article that speaks of 2024 was not written in 2022: the date is background
    return found if found and found.year >= floor else None


def _dateline_year(month: int, day: int, weekday: int, floor: int, today: dt.date) -> int | None:
    """The one year in which the dateline's day fell on the weekday the story names, trying the
    exact weekday before the day after it, and years of the full-scale war before older ones."""
    for oldest in (max(floor, FULL_SCALE_YEAR), floor):
        for wd in (weekday, (weekday + 1) % 7):
            years = years_with_weekday(month, day, wd, oldest, today.year)
            if len(years) == 1:
                return years[0]
            if years:
                return None   # several years fit: the text does not tell
    return None


def _report_day(anchor: dt.date, text: str, today: dt.date) -> dt.date:
    """A body date is often the day of the event, the statements about it come later: "Avdiivka
    fell on Feb. 17, 2024 ... officials said on Tuesday" was written on Tuesday Feb. 20. Move
    to the weekday statements are dated to when it falls just after the explicit date."""
    said = _usual_weekday(text, SAID_WEEKDAY)
    if said is None or said == anchor.weekday():
        return anchor
    later = anchor + dt.timedelta(days=(said - anchor.weekday()) % 7)
    return later if (later - anchor).days <= 3 and later <= today else anchor


def _body_start(text: str) -> int:
    """End of the short header lines holding a date stamp ("Updated 12:30, 5 Jan 2021 | News")."""
    at = 0
    for _ in range(3):
        end = text.find("\n", at)
        if end < 0 or not _is_stamp(text[at:end]):
            break
        at = end + 1
    return at


def _is_stamp(line: str) -> bool:
    return 0 < len(line) <= 100 and bool(HEADER_HINT.search(line) or _only_date(line)) and \
        any(rx.search(line) for rx in (MONTH_DAY, DAY_MONTH, ISO_DATE, NUMERIC_DATE))


def _only_date(line: str) -> bool:
    rest = MONTH_DAY.sub("", DAY_MONTH.sub("", NUMERIC_DATE.sub("", ISO_DATE.sub("", line))))
    return rest != line and len(re.sub(rf"[\W\d]|{WEEKDAY_RE}", "", rest)) <= 12


def _year_floor(text: str, today: dt.date) -> int:
    """No article is older than the latest past year it names (a 2024 report names 2022), nor
    than the full-scale invasion when it speaks of it. Years of plans ("by 2030") do not count."""
    years = [int(m.group("year")) for m in YEAR_WORD.finditer(text)
             if not NOT_REPORTED.search(text[max(0, m.start() - 40):m.start()])]
    years = [y for y in years if WAR_START_YEAR <= y <= today.year]
    if FULL_SCALE.search(text):
        years.append(2022)
    return max(years, default=WAR_START_YEAR)


def _usual_weekday(text: str, rx: re.Pattern | None = None) -> int | None:
    """The weekday the text names most ("said on Monday"), the report day of a wire story."""
    counts: dict[int, int] = {}
    for m in (rx or WEEKDAY_WORD).finditer(text):
        if not re.search(r"(?i)\b(?:next|this|every|last)\s+$", text[max(0, m.start() - 8):m.start()]):
            wd = weekday_number(m.group(1))
            counts[wd] = counts.get(wd, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    top = [wd for wd, n in counts.items() if n == best]
    return top[0] if len(top) == 1 else None


def _clues(text: str, header: bool) -> list[Clue]:
    out: list[Clue] = []
    spans: list[tuple[int, int]] = []

    def keep(m: re.Match, month: int | None, day: int, year: int | None, alt=None) -> None:
        s, e = m.span()
        if month is None or any(s < b and a < e for a, b in spans):
            return
        spans.append((s, e))
        if not header and (NOT_REPORTED.search(text[max(0, s - 40):s]) or
                           NOT_REPORTED_CLAUSE.search(text[max(0, s - 80):s])):
            return
        before = WEEKDAY_BEFORE.search(text[max(0, s - 14):s])
        after = WEEKDAY_AFTER.match(text[e:e + 14])
        wd = before or after
        out.append(Clue(month, day, year, weekday_number(wd.group("wd")) if wd else None, s, header, alt))

    for m in ISO_DATE.finditer(text):
        keep(m, int(m.group("month")), int(m.group("day")), int(m.group("year")))
    for m in NUMERIC_DATE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        dotted = "." in m.group(0)
        if a > 12 or (dotted and b <= 12):
            keep(m, b, a, int(m.group("year")))          # day first: 25/03/2023, 02.03.2023
        elif b > 12:
            keep(m, a, b, int(m.group("year")))          # month first: 03/25/2023
        elif a == b:
            keep(m, a, b, int(m.group("year")))
        else:
            keep(m, a, b, int(m.group("year")), alt=(b, a))   # 02/03/2023: either reading
    for rx in (MONTH_DAY, DAY_MONTH):
        for m in rx.finditer(text):
            if m.group("month").lower().rstrip(".") == "may" and rx is DAY_MONTH and not m.group("year"):
                continue   # "3 may" is more often a count and a verb
            keep(m, month_number(m.group("month")), day_number(m.group("day")),
                 int(m.group("year")) if m.group("year") else None)
    return out


def _resolve(c: Clue, anchor: dt.date | None, floor: int, today: dt.date) -> dt.date | None:
    """A calendar date for one clue, or None when it is impossible, future or ambiguous."""
    if c.year and c.year < WAR_START_YEAR:
        return None   # "May 9, 1945": history, never the day of a report on this war
    if c.year:
        readings = [(c.month, c.day)] + ([c.alt] if c.alt else [])
        dates = [d for mo, da in readings if (d := safe_date(c.year, mo, da)) and d <= today]
        if c.weekday is not None:
            dates = [d for d in dates if d.weekday() == c.weekday]
        if c.alt and len(dates) > 1:
            # ambiguous D/M: the reading closest to the other clues, else unknown
            if anchor is None:
                return None
            return min(dates, key=lambda d: abs((d - anchor).days))
        return dates[0] if dates else None
    if c.weekday is not None:
        years = years_with_weekday(c.month, c.day, c.weekday, max(floor, WAR_START_YEAR), today.year)
        dates = [d for y in years if (d := safe_date(y, c.month, c.day)) and d <= today]
        if anchor is not None:
            near = [d for d in dates if abs((d - anchor).days) <= 366]
            dates = near or dates
        return max(dates) if dates else None
    if anchor is not None:
        # a year-less day takes the year that puts it nearest the full dates of the same text
        dates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                 if (d := safe_date(y, c.month, c.day)) and d <= today]
        return min(dates, key=lambda d: abs((d - anchor).days)) if dates else None
    return None
