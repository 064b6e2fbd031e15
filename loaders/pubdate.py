"""Infer an article's publication date from everything the page offers when no metadata gives it.

Two kinds of evidence, combined:

- Days (pubdate's own clues): a date in the URL (urldates.py), a "Published"/"Updated" stamp,
  a date prefix ("date 2025-01-06 ..."), a dateline ("KYIV, April 10 (Reuters)", "Nov. 9
  (UPI)"), explicit dates in the text ("March 8, 2023", "2023-03-08", "02/03/2023"), year-less
  days that a weekday or the other evidence pins to a year ("late on Monday (Oct 7)"). News
  reports the latest day it covers, so the latest credible day wins; a stamp the body
  contradicts (a stale site header) loses.
- Windows: ranges the date must lie in, each with a likeliest day: a month-only stamp
  ("date 2023-10"), the war's clock (warclock.py: "day 500 of the war", "almost three years
  since the invasion", a General Staff loss total), the reference timeline (timeline.py: "Russia
  claimed Kurakhove on Monday", "last month Russia declared victory in Mariupol"), bounds
  ("since Feb. 24, 2022", "the period to 31 May 2025"). They are intersected, strongest first;
  one that contradicts the stronger ones is dropped.

A day inside the windows is the answer (precision day). A day far before them is background
(the invasion date in an article about 2025) and is dropped. Without a day, a narrow window
gives its likeliest day, a weekday the text names picks the day inside a week, and the width
sets the precision (day, week, month). Nothing after `today`; nothing pinned: None (unknown).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import sentences, timeline, warclock
from .datewords import (
    DAY_MONTH, DAY_RE, ISO_DATE, MONTH_DAY, MONTH_RE, NUMERIC_DATE, WAR_START_YEAR, WEEKDAY_RE, YEAR_RE, Window,
    day_number, month_end, month_number, safe_date, weekday_number, years_with_weekday,
)
from .urldates import url_date, url_timestamp

D = dt.timedelta

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
# A date that ends or starts a period the article looks back on ("since Feb. 24, 2022", "the
# period from 1 December 2024 to 31 May 2025"): the article is no older than it.
PERIOD_EDGE = re.compile(
    rf"(?i)(?:\bsince|\bfrom\b[^.;]{{1,40}}?\bto|\bbetween\b[^.;]{{1,40}}?\band|\bthrough)\W+(?:on\W+)?$|"
    rf"(?:{MONTH_RE}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_RE})(?:,?\s+\d{{4}})?\s*(?:[-\u2013\u2014]|to|until|till|through)\s*$")
# Legal and document references ("Law No. 2849-X of March 31, 2023") date the document, not news.
DOCUMENT_REF = re.compile(r"(?i)\b(?:No\.?|Nr\.?|#)\s*[\w/.-]+\s+(?:of|dated|from)\s+$|\b(?:law|decree|resolution|order|"
                          r"regulation|act)\b[^.;]{0,60}\b(?:of|dated)\s+$")
WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{WEEKDAY_RE})\s*[,(]?\s*$")
WEEKDAY_AFTER = re.compile(rf"^\s*\(?(?P<wd>{WEEKDAY_RE})\)?")
YEAR_WORD = re.compile(rf"\b(?P<year>{YEAR_RE})\b")
WEEKDAY_WORD = re.compile(rf"\b({WEEKDAY_RE})\b")
SAID_WEEKDAY = re.compile(rf"\b(?:said|says|told\s+\w+|announced|reported|stated|published|released|issued|posted)\s+(?:(?:late|early)\s+)?"
                          rf"(?:on\s+)?({WEEKDAY_RE})\b")
# "the agency's statement, published today, Monday": the day of writing is a Monday
TODAY_WEEKDAY = re.compile(rf"(?i)\btoday,?\s*\(?(?P<a>{WEEKDAY_RE})\b|\b(?P<b>{WEEKDAY_RE}),?\s+today\b|"
                           rf"\btoday\s+is\s+(?P<c>{WEEKDAY_RE})\b")
# "over the past 24 hours, from 08:00 on August 28 to 08:00 on Monday": that Monday is August 29
DAY_TO_WEEKDAY = re.compile(
    rf"(?i)\bfrom\s+(?:[\d:.]+\s*(?:a\.?m\.?|p\.?m\.?)?\s+on\s+)?(?P<month>{MONTH_RE})\s+(?P<day>{DAY_RE})\s+(?:to|till|until)\s+"
    rf"(?:[\d:.]+\s*(?:a\.?m\.?|p\.?m\.?)?\s+on\s+)?(?P<wd>{WEEKDAY_RE})\b")
PAST_DAY = re.compile(r"(?i)\b(?:24\s+hours|past\s+day|previous\s+day|last\s+day)\b")
FULL_SCALE_YEAR = 2022
FULL_SCALE = re.compile(r"(?i)\bfull[\s-]scale\s+(?:invasion|war)\b")
DATELINE_IN_TEXT = re.compile(
    rf"^(?:[A-Z][A-Za-z .'\-]{{1,40}}[,.](?:\s+[A-Z][a-z]+,)?\s+)?{MONTH_RE}\s+\d{{1,2}}\s*"
    rf"\((?!{WEEKDAY_RE})[A-Z][A-Za-z.\- ]{{1,25}}\)")
DATELINE_LINES = 3
HEADER_HINT = re.compile(r"(?i)\b(?:published|updated|posted|last\s+modified|\d{1,2}:\d{2})\b")
# A month without a day, as a stamp: "date 2023-10 ...", "Published: October 2023"
MONTH_STAMP = re.compile(
    rf"(?i)^\s*(?:(?:date|dated|published|posted|updated)\s*:?\s*)?(?:(?P<y>20\d\d)-(?P<m>0[1-9]|1[0-2])(?![-\d])|"
    rf"(?:(?:date|dated|published|posted|updated)\s*:?\s*)(?P<month>{MONTH_RE}),?\s+(?P<y2>20\d\d)\b)")
# A full date as the very first words of the page: "date 2025-01-06 The Russian Defence ..."
DATE_PREFIX = re.compile(r"(?i)^\s*(?:date|dated|published|posted|updated)?\s*:?\s*(?P<iso>20\d\d-[01]\d-[0-3]\d)\b")
HEADER_LINES = 4          # a page header: its first lines, stamps and short widgets
WIDGET_CHARS = 24
NEAR_DAYS = 3             # a day this close to the windows agrees with them
WEEK, MONTH = 10, 45      # widest windows given as week / month precision


@dataclass(frozen=True)
class Clue:
    month: int
    day: int
    year: int | None
    weekday: int | None
    start: int            # offset in the text searched
    header: bool          # in the page header (before the body), e.g. a site date stamp
    alt: tuple[int, int] | None = None   # the other reading of an ambiguous 02/03/2023 (month, day)


@dataclass(frozen=True)
class Inference:
    date: dt.date
    precision: str        # day, week, month
    why: str              # the evidence, for review ("url", "stamp", "timeline: capture Lyman ...")


@dataclass(frozen=True)
class Span:
    """The windows intersected: where the date lies and the likeliest day in it."""
    lo: dt.date
    hi: dt.date
    best: dt.date | None
    why: str
    firm_lo: dt.date          # the bounds from firm windows only (strength 2 and up)
    firm_hi: dt.date

    @property
    def days(self) -> int:
        return (self.hi - self.lo).days


def infer(text: str, dateline: str | None, today: dt.date, header: str | None = None,
          url: str | None = None, title: str | None = None) -> dt.date | None:
    found = infer_full(text, dateline, today, header, url, title)
    return found.date if found else None


def infer_full(text: str, dateline: str | None, today: dt.date, header: str | None = None,
               url: str | None = None, title: str | None = None, main_place: str | None = None) -> Inference | None:
    """`header`: lines cleaning lifted off the page (title, bylines, stamps); only the ones that
    look like a date stamp ("Published: 19 February 2024", "Sat 17 Feb 2024 08.03 GMT") count.
    `url`: the page address; `title`: the headline, read for news of timeline events;
    `main_place`: the story's place, which "the city" in a sentence means."""
    text = _blank_captions(_drop_date_lists(_drop_clock(text or "")))
    from_url = url_date(url, today)
    if from_url and from_url.precision == "day" and from_url.alt is None:
        return Inference(from_url.date, "day", "url")
    body_at = _body_start(text)
    body = text[body_at:]
    if not dateline:
        dateline = _dateline_in_text(body)
    stamp_lines = [line for line in (header or "").split("\n") if _is_stamp(line)]
    floor = _year_floor(body, today)   # a stale header year is no floor
    span = _span(_windows(text, body, header, title, from_url, today, url, main_place), floor, today)
    dateline_clues = _clues(dateline, header=False) if dateline else []
    clues = dateline_clues + _clues("\n".join(stamp_lines), header=True) + _clues(text[:body_at], header=True)
    if m := DATE_PREFIX.match(body):
        clues += _clues(m.group("iso"), header=True)
    clues += _clues(body, header=False)
    found = _day(clues, dateline_clues, body, span, floor, today, from_url)
    # a day well before what the stamps, the timeline or the war's clock firmly say is background;
    # one well after them is a stale site widget ("Sunday, October 1, 2023" above a 2022 story)
    if found is not None and span.firm_lo - D(days=NEAR_DAYS) <= found <= span.firm_hi + D(days=NEAR_DAYS):
        return Inference(found, "day", "text dates")
    return _estimate(span, text, today)


# A site header's weather and today's date ("34.1 C" over "Sunday, October 1, 2023"): the day
# the page was fetched, not the day the story was written.
CLOCK_WIDGET = re.compile(r"\A(?:[^\n]{0,24}\n){0,2}?\s*-?\d{1,2}(?:[.,]\d)?\s*°?\s*[CF]\s*\n(?P<date>[^\n]{6,40})\n")


# A list of other stories with their times ("Trump / 22 Nov 2024 2:47 PM GMT", "Ukraine / 16 Aug
# 2023"): a widget; its dates say when the page was fetched, not when the story was written.
_FULL_DATE_LINE = re.compile(rf"(?i)\b\d{{1,2}}\s+{MONTH_RE}\.?,?\s+20\d\d\b|\b{MONTH_RE}\.?\s+\d{{1,2}},?\s+20\d\d\b|\b20\d\d-\d\d-\d\d\b")
DATE_LIST_LINES = 3


def _drop_date_lists(text: str) -> str:
    lines = text.split("\n")
    dated = [k for k, line in enumerate(lines[:60]) if len(line) <= 120 and _FULL_DATE_LINE.search(line)]
    runs, run = [], []
    for k in dated:           # dated short lines close together (a blank or title line between them)
        if run and k - run[-1] > 2:
            runs.append(run)
            run = []
        run.append(k)
    runs.append(run)
    drop = {k for r in runs if len(r) >= DATE_LIST_LINES
            and len({_FULL_DATE_LINE.search(lines[k]).group(0) for k in r}) >= 2 for k in r}
    return "\n".join(line for k, line in enumerate(lines) if k not in drop) if drop else text


# A photo caption with its credit ("... in Volgograd, on July 11, 2022. Alexandr Kulikov/AP Photo"):
# the day the photo was taken, often an archive one, not the story's.
_CAPTION_CREDIT = re.compile(r"(?im)^[^\n]{0,400}?(?:/\s*(?:AP|AFP|Reuters|Getty\s+Images|EPA|Anadolu)(?:\s+Photo)?|"
                             r"\bAP\s+Photo|\(Photo[^)\n]{0,60}\)|\bPhoto(?:\s+by)?:\s*[^\n]{0,60}|via\s+Getty\s+Images|"
                             r"Getty\s+Images|\(Credits?:\s*[^)\n]{0,40}\))\s*\.?\s*$")


def _blank_captions(text: str) -> str:
    """Caption lines become spaces (offsets kept), so their dates anchor nothing."""
    if "photo" not in text.lower() and "getty" not in text.lower() and "credit" not in text.lower():
        return text
    return _CAPTION_CREDIT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _drop_clock(text: str) -> str:
    m = CLOCK_WIDGET.match(text)
    return text[m.end():] if m and _only_date(m.group("date")) else text


def _dateline_in_text(body: str) -> str | None:
    """A dateline left in the text ("Geneva, May 10 (EFE).-", "Nov. 9 (UPI) --") on one of the
    first lines, after a kicker or a repeated headline."""
    for line in body.split("\n")[:DATELINE_LINES]:
        if m := DATELINE_IN_TEXT.match(line):
            return m.group(0)
    return None


def _day(clues: list[Clue], dateline_clues: list[Clue], body: str, span: Span, floor: int, today: dt.date,
         from_url) -> dt.date | None:
    """The publication day the day clues give, or None."""
    if from_url and from_url.alt is not None:
        # /07/06/2023/: the reading inside the windows or nearest the text's own days
        readings = [d for d in (from_url.date, from_url.alt) if span.lo - D(days=NEAR_DAYS) <= d <= span.hi]
        if len(readings) == 1:
            return readings[0]
        clues = clues + [Clue(from_url.date.month, from_url.date.day, from_url.date.year, None, 0, True,
                              alt=(from_url.alt.month, from_url.alt.day))]
    if not clues:
        return None
    window = (span.lo, span.hi) if span.days < 400 else None
    firm = (span.firm_lo, span.firm_hi)
    full = [d for c in clues if c.year and c.alt is None for d in [_resolve(c, None, floor, today, window)] if d]
    anchor = max(full) if full else None
    usual = _today_weekday(body)
    usual = usual if usual is not None else _usual_weekday(body)
    dated = []
    for c in clues:
        d = _resolve(c, anchor, floor, today, window)
        if d is None and c in dateline_clues and c.year is None and c.weekday is None and usual is not None:
            # "KYIV, April 10 (Reuters)" + "said on Monday": the one war year in which April 10
            # was that Monday, or the Tuesday after it (wires file the next day too); weaker than
            # a weekday written beside the day, so the year must be unique
            year = _dateline_year(c.month, c.day, usual, floor, today, firm)
            # the other weekdays the story names must not fit another year ("Aug 7" + "on Monday
            # night" + "said on Tuesday": Monday fits 2023, Tuesday's next day 2024)
            others = {_dateline_year(c.month, c.day, wd, floor, today, firm) for wd in _weekdays_named(body)} - {None}
            d = safe_date(year, c.month, c.day) if year and others <= {year} else None
        if d is None and not c.header and c not in dateline_clues and c.year is None and c.weekday is None:
            d = _lead_day(c, body, floor, today)
        if d is not None:
            dated.append((c, d))
    if not dated:
        return None
    dl = [d for c, d in dated if c in dateline_clues]
    header = [d for c, d in dated if c.header and c not in dateline_clues]
    in_body = [d for c, d in dated if not c.header and c not in dateline_clues]
    latest_body = max(in_body) if in_body else None
    found = None
    for stamp in (dl, header):
        if stamp and found is None:
            d = max(stamp)
            # a stamp agrees with the body when the body's latest day is just before it
            if latest_body is None or D(days=-1) <= d - latest_body <= D(days=7):
                found = d
    if found is None and latest_body:
        found = _report_day(latest_body, body, today)
        if found < span.lo - D(days=NEAR_DAYS):
            # a day of the story's text well before every window the text gives, firm or not, is
            # history: "in the 14 months of war ... On November 11, Ukraine regained the city"
            return None
    # an article that speaks of 2024 was not written in 2022: the date is background
    return found if found and found.year >= floor else None


# The story's own day, told in its first sentences: "An attack on Wednesday killed 13 ... The
# strikes, at 4 p.m. on Jan. 8, ...": the one war year in which Jan. 8 was a Wednesday.
LEAD_SENTENCES_FOR_DAY = 2
_NOT_THE_STORY_DAY = re.compile(r"(?i)\b(?:since|after|before|until|till|invaded|invasion|began|begun|started|anniversary|"
                                r"from|between)\b[^.;]{0,100}$")


def _lead_day(c: Clue, body: str, floor: int, today: dt.date) -> dt.date | None:
    lead = sentences.split(body[:1200])[:LEAD_SENTENCES_FOR_DAY]
    lead_end = lead[-1].end if lead else 0
    if c.start >= lead_end or _NOT_THE_STORY_DAY.search(body, max(0, c.start - 120), c.start):
        return None
    days = {weekday_number(m.group(1)) for m in WEEKDAY_WORD.finditer(body, 0, lead_end)
            if not re.search(r"(?i)\b(?:next|this|every|last)\s+$", body[max(0, m.start() - 8):m.start()])}
    if len(days) != 1:
        return None
    years = [y for y in years_with_weekday(c.month, c.day, days.pop(), max(floor, FULL_SCALE_YEAR), today.year)
             if (d := safe_date(y, c.month, c.day)) and d <= today]
    return safe_date(years[0], c.month, c.day) if len(years) == 1 else None


def _estimate(span: Span, text: str, today: dt.date) -> Inference | None:
    """The likeliest day of a narrow enough span, a weekday the text names picking the day."""
    if span.best is None or span.days > MONTH:
        return None
    day, precision = span.best, "day" if span.days <= 2 else "week" if span.days <= WEEK else "month"
    weekday = _today_weekday(text)
    weekday = weekday if weekday is not None else _usual_weekday(text)
    if weekday is not None and 2 < span.days <= 13:   # a stated day ("claimed on Monday") is already pinned
        picks = [span.lo + D(days=i) for i in range(span.days + 1) if (span.lo + D(days=i)).weekday() == weekday]
        if picks:
            day = min(picks, key=lambda d: (d < span.best, abs((d - span.best).days)))
            precision = "day"
    return Inference(min(day, today), precision, span.why)


# --- windows --------------------------------------------------------------------------------

def _windows(text: str, body: str, header: str | None, title: str | None, from_url, today: dt.date,
             url: str | None = None, main_place: str | None = None) -> list[Window]:
    out: list[Window] = []
    for line in [text.split("\n", 1)[0], *(header or "").split("\n")]:
        if m := MONTH_STAMP.match(line):
            year = int(m.group("y") or m.group("y2"))
            month = int(m.group("m")) if m.group("m") else month_number(m.group("month"))
            out.append(_month_window(year, month, "month stamp", 3))
    if from_url and from_url.precision == "month":
        out.append(_month_window(from_url.date.year, from_url.date.month, "month in the URL", 3))
    if stamp := url_timestamp(url, today):
        # firm, not final: ten digits may be an article id that only looks like a time
        out.append(Window(stamp - D(days=1), stamp + D(days=1), stamp, "Unix time in the URL", 2, False))
    out += timeline.anchors(body, title, today, main_place)
    out += warclock.windows("\n".join(filter(None, [title, body])), today)
    out += _period_edges(body, today)
    return [w for w in out if w.lo <= today]


def _month_window(year: int, month: int, why: str, strength: int) -> Window:
    end = month_end(year, month)
    return Window(dt.date(year, month, 1), end, dt.date(year, month, 15), why, strength)


def _period_edges(body: str, today: dt.date) -> list[Window]:
    """'since Feb. 24, 2022', 'from 1 December 2024 to 31 May 2025': no earlier than the date."""
    out = []
    for rx in (MONTH_DAY, DAY_MONTH, ISO_DATE):
        for m in rx.finditer(body):
            if not m.group("year"):
                continue
            before = body[max(0, m.start() - 60):m.start()]
            if not PERIOD_EDGE.search(before) or NOT_REPORTED_CLAUSE.search(body[max(0, m.start() - 80):m.start()]):
                continue
            month = int(m.group("month")) if rx is ISO_DATE else month_number(m.group("month"))
            d = safe_date(int(m.group("year")), month, day_number(m.group("day")))
            if d and WAR_START_YEAR <= d.year and d <= today:
                out.append(Window(d, today, d, f"period edge {d.isoformat()}", 2, True))
    return out


CLASH_GAP_DAYS = 90


def _span(windows: list[Window], floor: int, today: dt.date) -> Span:
    """Intersect the windows, strongest and narrowest first; one that would leave nothing is
    dropped. The likeliest day: the latest of the narrow windows' (the article follows the last
    event it tells), else the narrowest window's; none when a firm estimate had to be dropped
    (two events told as news months apart: one reading is wrong, and a wrong date is worse
    than none)."""
    lo, hi = dt.date(floor, 1, 1), today
    used: list[Window] = []
    clash = False
    for w in sorted(windows, key=lambda w: (-w.strength, w.days)):
        nlo, nhi = max(lo, w.lo), min(hi, w.hi)
        if nlo <= nhi:
            lo, hi = nlo, nhi
            used.append(w)
        elif not w.bound_only and (w.strength >= 2 or min(abs((w.lo - hi).days), abs((lo - w.hi).days)) > CLASH_GAP_DAYS):
            clash = True    # even a weak estimate (the war's clock) months away means one reading is wrong
    firm = [w for w in used if w.strength >= 2]
    firm_lo = max([dt.date(floor, 1, 1)] + [w.lo for w in firm])
    firm_hi = min([today] + [w.hi for w in firm])
    estimates = [w for w in used if not w.bound_only]
    if not estimates or clash:
        return Span(lo, hi, None, "", firm_lo, firm_hi)
    narrow = [w for w in estimates if w.days <= 14]
    pick = max(narrow, key=lambda w: w.best) if narrow else min(estimates, key=lambda w: w.days)
    return Span(lo, hi, min(max(pick.best, lo), hi), pick.why, firm_lo, firm_hi)


# --- day clues ------------------------------------------------------------------------------

def _dateline_year(month: int, day: int, weekday: int, floor: int, today: dt.date,
                   window: tuple[dt.date, dt.date] | None = None) -> int | None:
    """The one year in which the dateline's day fell on the weekday the story names or the day
    after it (wires file the next day too), years of the full-scale war before older ones, and
    inside the window the other evidence gives. Both readings count: when the same-day reading
    and the next-day reading give different years, the text does not tell."""
    for oldest in (max(floor, FULL_SCALE_YEAR), floor):
        years = {y for wd in (weekday, (weekday + 1) % 7) for y in years_with_weekday(month, day, wd, oldest, today.year)
                 if (d := safe_date(y, month, day)) and d <= today
                 and (window is None or window[0] - D(days=1) <= d <= window[1] + D(days=1))}
        if len(years) == 1:
            return years.pop()
        if years:
            return None   # several years fit: the text does not tell
    return None


def _weekdays_named(text: str) -> set[int]:
    return {weekday_number(m.group(1)) for m in WEEKDAY_WORD.finditer(text)
            if not re.search(r"(?i)\b(?:next|this|every|last)\s+$", text[max(0, m.start() - 8):m.start()])}


def _report_day(anchor: dt.date, text: str, today: dt.date) -> dt.date:
    """A body date is often the day of the event, the statements about it come later: "Avdiivka
    fell on Feb. 17, 2024 ... officials said on Tuesday" was written on Tuesday Feb. 20. Move
    to the weekday statements are dated to when it falls just after the explicit date."""
    said = _usual_weekday(text, SAID_WEEKDAY)
    if said is None or said == anchor.weekday():
        return anchor
    later = anchor + D(days=(said - anchor.weekday()) % 7)
    return later if (later - anchor).days <= 3 and later <= today else anchor


def _body_start(text: str) -> int:
    """End of the short header lines holding a date stamp ("Updated 12:30, 5 Jan 2021 | News"),
    past page widgets before it ("34.1 C" above "Sunday, October 1, 2023")."""
    at = body = 0
    for _ in range(HEADER_LINES):
        end = text.find("\n", at)
        if end < 0:
            break
        line = text[at:end]
        if _is_stamp(line):
            body = end + 1
        elif len(line) > WIDGET_CHARS:
            break
        at = end + 1
    return body


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
             if not NOT_REPORTED.search(text[max(0, m.start() - 40):m.start()])
             and not DOCUMENT_REF.search(text[max(0, m.start() - 60):m.start()])
             and not re.match(r"\s*[-\u2013/]\s*\d", text[m.end():m.end() + 4])]   # "winter of 2025-26"
    years = [y for y in years if WAR_START_YEAR <= y <= today.year]
    if FULL_SCALE.search(text):
        years.append(2022)
    return max(years, default=WAR_START_YEAR)


_TODAY = re.compile(r"(?i)today")


def _today_weekday(text: str) -> int | None:
    # Every match holds "today", at most a weekday, a comma and blanks after its start: search
    # from there, not from the top of a long page (the pattern has no cheap first character).
    first = _TODAY.search(text)
    if first is None:
        return None
    head = text[:first.start()]
    m = TODAY_WEEKDAY.search(text, max(0, len(head.rstrip()) - len(",Wednesday")))
    return weekday_number(m.group("a") or m.group("b") or m.group("c")) if m else None


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
        before = text[max(0, s - 60):s]
        if DOCUMENT_REF.search(before):
            return
        if not header and (NOT_REPORTED.search(text[max(0, s - 40):s]) or PERIOD_EDGE.search(before) or
                           NOT_REPORTED_CLAUSE.search(text[max(0, s - 80):s])):
            return
        before = WEEKDAY_BEFORE.search(text[max(0, s - 14):s])
        after = WEEKDAY_AFTER.match(text[e:e + 14])
        wd = before or after
        out.append(Clue(month, day, year, weekday_number(wd.group("wd")) if wd else None, s, header, alt))

    for m in DAY_TO_WEEKDAY.finditer(text):
        # the period ends the day after its start: "from ... August 28 to ... Monday" over 24 hours
        sentence_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()))
        if PAST_DAY.search(text, sentence_start + 1, m.end() + 40):
            nxt = dt.date(2024, month_number(m.group("month")), day_number(m.group("day"))) + D(days=1)
            spans.append(m.span())
            out.append(Clue(nxt.month, nxt.day, None, weekday_number(m.group("wd")), m.start(), header))
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
    if not header:
        for m in HOLIDAY.finditer(text):     # "the Christmas Eve attack": a yearless day
            keep(m, *HOLIDAYS[re.sub(r"[\s’']+", " ", m.group(0).lower()).strip()], None)
    return out


# Fixed-date holidays a story may date its event by.
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "new year s eve": (12, 31),
            "new year s day": (1, 1), "orthodox christmas": (1, 7), "independence day": (8, 24)}
HOLIDAY = re.compile(r"(?i)\b(?:Christmas\s+(?:Eve|Day)|New\s+Year[’']s\s+(?:Eve|Day)|Orthodox\s+Christmas|"
                     r"(?<=Ukraine[’']s\s)Independence\s+Day)\b")


def _resolve(c: Clue, anchor: dt.date | None, floor: int, today: dt.date,
             window: tuple[dt.date, dt.date] | None = None) -> dt.date | None:
    """A calendar date for one clue, or None when it is impossible, future or ambiguous.
    `window`: where the other evidence puts the article (less than a year wide); a year-less
    day takes the one year that puts it in, or shortly before, the window."""
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

    def in_window(d: dt.date) -> bool:
        return window is not None and window[0] - D(days=31) <= d <= window[1] + D(days=1)

    if c.weekday is not None:
        years = years_with_weekday(c.month, c.day, c.weekday, max(floor, WAR_START_YEAR), today.year)
        dates = [d for y in years if (d := safe_date(y, c.month, c.day)) and d <= today]
        if window is not None and any(map(in_window, dates)):
            dates = [d for d in dates if in_window(d)]
        elif anchor is not None:
            near = [d for d in dates if abs((d - anchor).days) <= 366]
            dates = near or dates
        return max(dates) if dates else None
    if anchor is not None:
        # a year-less day takes the year that puts it nearest the full dates of the same text
        dates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                 if (d := safe_date(y, c.month, c.day)) and d <= today]
        return min(dates, key=lambda d: abs((d - anchor).days)) if dates else None
    if window is not None:
        dates = [d for y in range(window[0].year - 1, window[1].year + 1)
                 if (d := safe_date(y, c.month, c.day)) and d <= today and in_window(d)]
        return dates[0] if len(dates) == 1 else None
    return None
