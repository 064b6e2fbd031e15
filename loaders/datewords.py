"""Calendar words and small date arithmetic shared by the date modules (dates, periods,
pubdate, timeline, warclock, urldates), and the Window a publication-date clue gives.

Plain regexes, no dateparser: the extractor runs over many articles and these
phrasings are few and regular.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
# Long names first so "Sept" wins over "Sep"; only abbreviations take a dot ("Oct.", never the
# full stop after "28 October."); "may" only as a full word (it is also a verb, callers that need
# a day next to it get that guard from the day number).
MONTH_RE = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
            r"December)(?![A-Za-z])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])\.?)")
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY_RE = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:19[0-9]{2}|20[0-9]{2})"
WAR_START_YEAR = 2014   # the war began in 2014; weekday-year inference looks no earlier

# "March 8, 2023", "Mar. 8 2023", "March 8" ; "8 March 2023", "8 March"
MONTH_DAY = re.compile(
    rf"\b(?P<month>{MONTH_RE})\s+(?P<day>{DAY_RE})\b(?!\s*(?:%|km|kilomet|mile|people|soldier))"
    rf"(?:,?\s+(?P<year>{YEAR_RE})\b)?")
# a clock time is not a day: "at 21:05 December 31" (the day is the 31st)
DAY_MONTH = re.compile(
    rf"\b(?<!\d[:.])(?P<day>{DAY_RE})\s+(?:of\s+)?(?P<month>{MONTH_RE})(?![a-z])(?:,?\s+(?P<year>{YEAR_RE})\b)?")
ISO_DATE = re.compile(r"\b(?P<year>20[0-9]{2})-(?P<month>[01][0-9])-(?P<day>[0-3][0-9])\b")
NUMERIC_DATE = re.compile(r"\b(?P<a>[0-3]?[0-9])[/.](?P<b>[0-3]?[0-9])[/.](?P<year>20[0-9]{2})\b")


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
                "twenty": 20, "thirty": 30, "few": 3, "several": 5, "couple of": 2, "a couple of": 2, "a few": 3}
NUM = (r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a\s+)?few|several|"
       r"(?:a\s+)?couple\s+of)")


def number(word: str) -> int:
    """1 for "a", 3 for "a few", 12 for "twelve"; digits as they are."""
    word = re.sub(r"\s+", " ", word.lower().strip())
    if word.isdigit():
        return int(word)
    if word.endswith(("st", "nd", "rd", "th")) and word[:-2].isdigit():
        return int(word[:-2])
    return ORDINALS.get(word) or NUMBER_WORDS.get(word, NUMBER_WORDS.get(word.split()[-1], 3))


@dataclass(frozen=True)
class Window:
    """Where a publication date must lie, from one clue: [lo, hi], and the likeliest day in it.

    `strength` ranks clues when they contradict each other (3: the text states it, 2: a
    reference-data anchor, 1: a loose reading); `bound_only` marks a bare bound ("since the
    fall of X") that says nothing about which day in the range."""
    lo: dt.date
    hi: dt.date
    best: dt.date
    why: str
    strength: int = 2
    bound_only: bool = False

    @property
    def days(self) -> int:
        return (self.hi - self.lo).days


_WORD = re.compile(r"[a-z]+")


def words_of(sentence: str) -> set[str]:
    """The lower-case words of a sentence: a cheap first pass deciding which regexes can match
    at all (the regexes are slow on long sentences; most sentences name no date)."""
    return set(_WORD.findall(sentence.lower()))


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip("."))


def day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: dt.date, n: int) -> dt.date:
    """First day of the month n months from d's month."""
    idx = d.year * 12 + d.month - 1 + n
    return dt.date(idx // 12, idx % 12 + 1, 1)


def last_weekday(weekday: int, on_or_before: dt.date) -> dt.date:
    """The last given weekday on or before a date (the same weekday is that day)."""
    return on_or_before - dt.timedelta(days=(on_or_before.weekday() - weekday) % 7)


def last_month_day(month: int, day: int, on_or_before: dt.date) -> dt.date | None:
    """The latest month/day not after the anchor: "Dec. 30" in a 2023-01-03 article is 2022."""
    for year in (on_or_before.year, on_or_before.year - 1):
        d = safe_date(year, month, day)
        if d and d <= on_or_before:
            return d
    return None


def last_month_start(month: int, on_or_before: dt.date) -> dt.date:
    """First day of the latest named month whose start is not after the anchor."""
    year = on_or_before.year if month <= on_or_before.month else on_or_before.year - 1
    return dt.date(year, month, 1)


def next_weekday(weekday: int, on_or_after: dt.date) -> dt.date:
    """The first given weekday on or after a date (the same weekday is that day)."""
    return on_or_after + dt.timedelta(days=(weekday - on_or_after.weekday()) % 7)


def next_month_day(month: int, day: int, on_or_after: dt.date) -> dt.date | None:
    """The first month/day not before the anchor: "on March 3" in a plan made in April is next year."""
    for year in (on_or_after.year, on_or_after.year + 1):
        d = safe_date(year, month, day)
        if d and d >= on_or_after:
            return d
    return None


def add_years(d: dt.date, n: int) -> dt.date:
    """The same day n years on (Feb 29 becomes Feb 28)."""
    return safe_date(d.year + n, d.month, d.day) or dt.date(d.year + n, d.month, 28)


def years_with_weekday(month: int, day: int, weekday: int, first: int, last: int) -> list[int]:
    """Years in [first, last] in which month/day falls on the weekday ("Monday (Oct 7)")."""
    out = []
    for year in range(first, last + 1):
        d = safe_date(year, month, day)
        if d and d.weekday() == weekday:
            out.append(year)
    return out
