"""The war as a clock: what its length, anniversaries and running tallies say about when a
text was written.

- War days: "day 500 of the war", "on the 1,000th day of the full-scale invasion", "after
  100 days of war" (24 February 2022 is day 1).
- Its length: "two years since the full-scale invasion", "the almost three-year war", "18
  months into the invasion", "now in its fourth year", "the war's third anniversary",
  "the invasion on February 24 this year".
- The Ukrainian General Staff's running total of Russian personnel losses ("overall losses
  since the start of the invasion reached 666,340 personnel"), against the dated totals in
  `data/reference/general_staff_losses.csv`.

Each gives a window with an honest width: "almost three years" is a few months before the
third anniversary, "day 500" is one day. Counts about another war ("since 2014", "eight
years") are skipped.
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from .datewords import Window, add_months, add_years, number
from .prefilter import Gated

INVASION = dt.date(2022, 2, 24)
LOSSES_CSV = Path(__file__).resolve().parent.parent / "data" / "reference" / "general_staff_losses.csv"
D = dt.timedelta

_WAR = r"(?:the\s+|this\s+|Russia['’]s\s+|Moscow['’]s\s+|its\s+)?(?:full[\s-]scale\s+|all-out\s+)?(?:war|invasion|conflict)"
_COUNT = r"\d{1,3}(?:,\d{3})+|\d+"
_QUAL = r"(?P<q>more\s+than|over|almost|nearly|close\s+to|about|around|some|roughly|just\s+over|just\s+under|exactly)\s+"
WAR_DAY = re.compile(
    rf"(?i)\bday\s+(?P<n1>{_COUNT})\s+of\s+{_WAR}|\b(?P<n2>{_COUNT})(?:st|nd|rd|th)\s+day\s+of\s+{_WAR}|"
    rf"(?:{_QUAL})?\b(?P<n3>{_COUNT})\s+days\s+(?:of|into|since(?:\s+the\s+(?:start|beginning)\s+of)?)\s+{_WAR}")
_NUM_WORD = (r"\d+(?:\.5|-1/2|\s*½)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
             r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|a")
WAR_LENGTH = re.compile(
    rf"(?i)(?:{_QUAL})?\b(?:(?P<n>{_NUM_WORD})(?:\s+and\s+a\s+half)?[\s-]+)?(?P<unit>year|month)s?"
    rf"(?:[\s-]+(?:old|long))?(?:\s+(?:since|after|into|of)(?:\s+the\s+(?:start|beginning)\s+of)?)?\s+{_WAR}")
_ORDINAL = r"first|second|third|fourth|fifth|sixth|\d(?:st|nd|rd|th)"
WAR_YEAR = re.compile(
    rf"(?i)\b(?P<ord>{_ORDINAL})\s+year\s+of\s+{_WAR}|\b(?:war|invasion|conflict)\b[^.;]{{0,60}}?\b(?:now\s+in|entered|"
    rf"enters|entering|into)\s+its\s+(?P<ord2>{_ORDINAL})\s+year")
ANNIVERSARY = re.compile(
    rf"(?i)(?P<pre>\b(?:set\s+to\s+reach|will\s+mark|ahead\s+of|approach\w*|nearing|on\s+the\s+eve\s+of|marks?|marked|"
    rf"marking|passed|reached|on)\s+)?(?:the\s+|its\s+|the\s+war['’]s\s+)?(?:(?P<ord>{_ORDINAL})\s+anniversary|"
    rf"(?P<n>one|two|three|four|five|\d)-year\s+(?:anniversary|milestone|mark))"
    rf"(?P<of>\s+of\s+(?:the\s+(?:start|beginning|outbreak|launch)\s+of\s+)?(?:the\s+)?[\"\u201c]?{_WAR})?(?P<other>\s+of\b)?")
# "the invasion on February 24 this year", "since its invasion in February" (no year: that one)
THIS_YEAR = re.compile(r"(?i)\b(?:invasion|invaded|war)\b[^.;]{0,40}?\b(?:February|Feb\.?)\s+(?:24,?\s+)?this\s+year\b|"
                       r"\b(?:February|Feb\.?)\s+24,?\s+this\s+year\b")
NO_YEAR = re.compile(r"(?i)\b(?:invasion|invaded)\s+(?:in|on|of|since)\s+(?:late\s+)?February(?:\s+24)?\b(?!,?\s*(?:\d|last|this))|"
                     r"\b(?:the\s+)?February\s+24\s+invasion\b")
# tried only in sentences holding a word they need (most hold none)
WAR_DAY, WAR_LENGTH, ANNIVERSARY = map(Gated, (WAR_DAY, WAR_LENGTH, ANNIVERSARY))
_DIGIT = re.compile(r"\d")
OTHER_WAR = Gated(re.compile(r"(?i)\b2014\b|\bDonbas\s+war\b|\bWorld\s+War\b|\bsince\s+2014\b"))


def windows(text: str, today: dt.date) -> list[Window]:
    """Every war-clock window the text states."""
    out: list[Window] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text or ""):
        low = sentence.lower()
        if not sentence or OTHER_WAR.search(sentence):
            continue
        if "war" in low or "invasion" in low or "conflict" in low or "invaded" in low:
            out += _war_days(sentence) + _war_length(sentence) + _anniversaries(sentence) + _this_year(sentence)
        if _DIGIT.search(sentence):
            out += _tallies(sentence)
    return [w for w in out if w.lo <= today and w.lo <= w.hi]


def _count(s: str) -> int:
    return int(s.replace(",", ""))


def _war_days(sentence: str) -> list[Window]:
    out = []
    for m in WAR_DAY.finditer(sentence):
        n = _count(m.group("n1") or m.group("n2") or m.group("n3"))
        if n < 2:
            continue
        day = INVASION + D(days=n - 1)
        q = (m.group("q") or "").lower()
        slack = max(7, n // 10)
        if q.startswith(("more", "over", "just over")):
            out.append(Window(day, day + D(days=slack), day, f"war day {n}+", 2))
        elif q.startswith(("almost", "nearly", "close", "just under")):
            out.append(Window(day - D(days=slack), day, day, f"war day ~{n}", 2))
        elif q:
            out.append(Window(day - D(days=slack), day + D(days=slack), day, f"war day ~{n}", 1))
        else:
            out.append(Window(day, day + D(days=1), day, f"war day {n}", 3))
    return out


def _length(n_word: str) -> float:
    w = re.sub(r"\s+", " ", n_word.lower()).replace("-1/2", ".5").replace("½", ".5").replace(" ", "")
    if "andahalf" in w:
        return number(w.replace("andahalf", "")) + 0.5
    try:
        return float(w)
    except ValueError:
        return float(number(n_word))


def _war_length(sentence: str) -> list[Window]:
    out = []
    for m in WAR_LENGTH.finditer(sentence):
        if re.search(r"(?i)(?:years|months)[\s-]+long", m.group(0)) or (
                m.group("n") is None and not re.search(r"(?i)(?:year|month)-long", m.group(0))):
            continue   # "years of war", "a months-long war" say no length; "a year-long war" does
        n_word = m.group("n") or "1"
        n = _length(n_word) + (0.5 if "and a half" in m.group(0).lower() and "half" not in n_word else 0)
        months = round(n * 12) if m.group("unit").lower() == "year" else round(n)
        if not 1 <= months <= 240:
            continue
        mark = add_months(INVASION, months) + D(days=INVASION.day - 1)
        q = (m.group("q") or "").lower()
        why = f"{m.group(0).strip()}"
        year = m.group("unit").lower() == "year"
        if q.startswith(("more", "over", "just over")):
            out.append(Window(mark, mark + D(days=180 if year else 31), mark + D(days=30 if year else 7), why, 2))
        elif q.startswith(("almost", "nearly", "close", "just under")):
            out.append(Window(mark - D(days=180 if year else 31), mark, mark - D(days=30 if year else 7), why, 2))
        elif q == "exactly":
            out.append(Window(mark - D(days=1), mark + D(days=1), mark, why, 3))
        else:
            # "two years since the invasion" is said around the anniversary and for a while after
            out.append(Window(mark - D(days=45 if year else 15), mark + D(days=330 if year else 30), mark, why, 1))
    for m in WAR_YEAR.finditer(sentence):
        k = number(m.group("ord") or m.group("ord2"))
        start = add_years(INVASION, k - 1)
        out.append(Window(start, add_years(INVASION, k) - D(days=1), start + D(days=182), f"year {k} of the war", 2))
    return out


def _anniversaries(sentence: str) -> list[Window]:
    out = []
    for m in ANNIVERSARY.finditer(sentence):
        if (m.group("other") and not m.group("of")) or not (m.group("of") or re.search(r"(?i)\b(?:war|invasion)\b", sentence)):
            continue   # the anniversary of something else ("of the liberation of Kherson")
        k = number(m.group("ord") or m.group("n"))
        day = add_years(INVASION, k)
        pre = (m.group("pre") or "").lower()
        why = f"anniversary {k} of the invasion"
        if pre.startswith("on the eve"):
            out.append(Window(day - D(days=3), day - D(days=1), day - D(days=1), why, 3))   # the day before
        elif re.match(r"(?:set|will|ahead|approach|nearing)", pre):
            out.append(Window(day - D(days=60), day - D(days=1), day - D(days=14), why, 2))
        elif pre:
            out.append(Window(day - D(days=1), day + D(days=2), day, why, 3))
        else:
            out.append(Window(day - D(days=30), day + D(days=30), day, why, 1))
    return out


def _this_year(sentence: str) -> list[Window]:
    if THIS_YEAR.search(sentence):
        return [Window(INVASION, dt.date(2022, 12, 31), dt.date(2022, 8, 1), "invasion 'this year'", 3)]
    if NO_YEAR.search(sentence):
        return [Window(INVASION, add_years(INVASION, 1) - D(days=1), dt.date(2022, 8, 1),
                       "invasion in February, no year", 1)]
    return []


# --- the General Staff's running total -----------------------------------------------------

TALLY = re.compile(
    r"(?<![\d,.])(?P<n>\d{1,3}(?:[,\s\u202f]\d{3})+|\d{5,7})\s+(?:(?:Russian|enemy)\s+)?(?:personnel|troops|soldiers|servicemen|"
    r"military\s+personnel|invaders|occupiers)\b")
CUMULATIVE = re.compile(r"(?i)\b(?:since\s+the\s+(?:start|beginning)|since\s+(?:February|Feb\.?)\s+24|since\s+the\s+"
                        r"full[\s-]scale|overall|in\s+total|total(?:led|s)?|to\s+date|altogether|cumulative)\b")
# whose losses: Russia's (the General Staff's tally), never Ukraine's (Moscow's claims about Kyiv)
RUSSIAN_LOSSES = re.compile(
    r"(?i)\bRussia(?:n|['’]s)?\s+(?:\w+\s+){0,3}(?:loss(?:es)?|lost)\b|\b(?:loss(?:es)?|lost)\s+(?:\w+\s+){0,3}"
    r"(?:Russia|Russian|enemy)\b|\b(?:enemy|occupiers['’]?|invaders['’]?)\s+(?:\w+\s+)?los[st]|\b(?:Russian|enemy)\s+"
    r"(?:troops|personnel|soldiers|servicemen)\b|\bRussia\s+(?:has\s+|had\s+)?lost\b")
UKRAINIAN_LOSSES = re.compile(
    r"(?i)\bUkrain(?:e|ian)(?:['’]s)?\s+(?:\w+\s+){0,2}(?:loss(?:es)?|lost)\b|\b(?:Kyiv|AFU)(?:['’]s)?\s+(?:\w+\s+)?"
    r"(?:loss(?:es)?|lost)\b|\bUkrainian\s+(?:troops|soldiers|servicemen|personnel)\b")
NOT_EXACT = re.compile(r"(?i)\b(?:more\s+than|over|nearly|almost|about|around|approximately|some|roughly|up\s+to|"
                       r"at\s+least|estimated|an\s+estimated)\s+$")
CUMULATIVE = Gated(CUMULATIVE)


@lru_cache(maxsize=1)
def _losses(path: Path = LOSSES_CSV) -> tuple[tuple[int, dt.date], ...]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = [(int(r["personnel"]), dt.date.fromisoformat(r["date"])) for r in csv.DictReader(f)]
    rows.sort()
    return tuple(rows)


def tally_date(total: int) -> dt.date | None:
    """The day the General Staff's total of Russian personnel losses reached `total`,
    interpolated between the dated totals; None outside them."""
    rows = _losses()
    values = [v for v, _ in rows]
    i = bisect.bisect_left(values, total)
    if i == 0 or i >= len(rows):
        return rows[i][1] if i < len(rows) and rows[i][0] == total else None
    (v0, d0), (v1, d1) = rows[i - 1], rows[i]
    return d0 + D(days=round((total - v0) * (d1 - d0).days / (v1 - v0)))


def _tallies(sentence: str) -> list[Window]:
    if not (CUMULATIVE.search(sentence) and RUSSIAN_LOSSES.search(sentence)) or UKRAINIAN_LOSSES.search(sentence):
        return []
    out = []
    for m in TALLY.finditer(sentence):
        before = sentence[max(0, m.start() - 40):m.start()]
        if NOT_EXACT.search(before):
            continue
        total = int(re.sub(r"\D", "", m.group("n")))
        if total % 1000 == 0 or total < 10000:
            continue   # a rounded figure is no day's tally
        day = tally_date(total)
        if day is not None:
            out.append(Window(day - D(days=1), day + D(days=3), day, f"General Staff tally {total:,}", 2))
    return out
