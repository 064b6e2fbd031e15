"""A reference timeline of key war events, and the publication-date windows its mentions imply.

`data/reference/timeline.csv` holds dated facts (captures of cities, major strikes, offensives,
each with its source). A sentence that tells one of them ("Russian troops have abandoned
Lyman, Moscow said on Saturday", "last month Russia declared victory in Mariupol", "a week
after the fall of Avdiivka") bounds the day the article was written:

- told as news (a day word in the sentence, or told in the headline or lead): from the event
  to a few days after it; a weekday named beside it picks the day;
- with an offset ("a week after", "two months after", "the first anniversary of"): that far on;
- with a calendar word ("last month", "earlier this month", "last week", "last September"):
  the matching period after the event;
- told any other way as a fact: no earlier than the event.

Forecasts, attempts and conditionals ("could fall", "trying to capture") say nothing. A place
that changed hands twice (Kherson) is told apart by who took it; an event the sentence does
not identify uniquely only ever gives the safe bound, never a day.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import places, sentences
from .datewords import (
    MONTH_RE, NUM, WEEKDAY_RE, Window, add_months, add_years, month_end, month_number, next_weekday, number,
    weekday_number,
)
from .prefilter import FOLDS, Gated, needs as _needs

TIMELINE_CSV = Path(__file__).resolve().parent.parent / "data" / "reference" / "timeline.csv"
EVENTS = ("capture", "withdrawal", "strike", "offensive", "other")
WAR_BEGAN = 2014
SIDES = ("russia", "ukraine", "")
D = dt.timedelta


class TimelineError(ValueError):
    """A row of the timeline file that cannot be used, with the file, line and reason."""


@dataclass(frozen=True)
class Entry:
    date: dt.date
    event: str                    # capture, withdrawal, strike, offensive, other
    places: tuple[str, ...]       # any of these names; empty: the words alone identify it
    side: str                     # who took the place / struck / withdrew; "" when disputed
    words: re.Pattern | None      # what else the sentence must say ("dam", "station")
    source: str

    @property
    def label(self) -> str:
        where = f" {self.places[0]}" if self.places else ""
        return f"{self.event}{where} {self.date.isoformat()}"


@lru_cache(maxsize=1)
def entries(path: Path = TIMELINE_CSV) -> tuple[Entry, ...]:
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            out.append(_entry(row, path, line))
    return tuple(out)


def _entry(row: dict, path: Path, line: int) -> Entry:
    def bad(reason: str) -> TimelineError:
        return TimelineError(f"{path}: line {line}: {reason}")
    if row.get(None):
        raise bad("more fields than the header names (quote a pattern that holds a comma)")
    try:
        date = dt.date.fromisoformat((row.get("date") or "").strip())
    except ValueError:
        raise bad(f"unreadable date {row.get('date')!r}") from None
    event, side = (row.get("event") or "").strip(), (row.get("side") or "").strip()
    if event not in EVENTS:
        raise bad(f"event {event!r} is not one of {', '.join(EVENTS)}")
    if side not in SIDES:
        raise bad(f"side {side!r} is not russia, ukraine or empty")
    names = tuple(n.strip() for n in (row.get("place") or "").split("|") if n.strip())
    words = (row.get("words") or "").strip()
    if not names and not words:
        raise bad("needs a place or words to recognise the event")
    if event in ("offensive", "other") and not words:
        raise bad(f"an '{event}' event needs words to recognise it")
    try:
        rx = re.compile(words, re.I) if words else None
    except re.error as e:
        raise bad(f"words is not a valid pattern ({e})") from None
    return Entry(date, event, names, side, rx, (row.get("source") or "").strip())


# --- telling an event -----------------------------------------------------------------------

# Verbs and nouns of each kind of event; a withdrawal by one side is a capture by the other.
_CAPTURE = (r"captur\w*|seiz\w*|\btook\b|\btaken\b|\btakes?\b|\bfall\s+of\b|\bfell\b|\bhas\s+fallen\b|liberat\w*|"
            r"\bretook\b|\bretak\w*|recaptur\w*|regain\w*|reclaim\w*|conquer\w*|\boverr[au]n\b|\bentered\b|"
            r"raised\s+(?:the|its|their)\s+flags?|\bcontrol\s+(?:of|over)\b|declared\s+victory|claimed\s+victory")
_WITHDRAW = r"withdr[ae]w\w*|withdrawal|retreat\w*|pull(?:ed|s|ing)?\s+(?:out|back)|pull-?out|abandon\w*"
_LEAVE = r"\bleave\b|\bleft\b(?!\s+(?:bank|side|flank|wing|behind|hand))|\bleaving\b"   # troops only: residents leave too
_TAKE_IDIOM = re.compile(r"(?i)\s+(?:(?:heavy|significant|serious|huge|big|mounting|more)\s+)?(?:casualties|losses|part|place|"
                         r"note|steps|measures|action|prisoners?|captives?|hostages?|shelter|refuge|cover|time|over\s+as)\b")
_TROOPS = re.compile(r"(?i)\b(?:troops|forces|units|soldiers|army|military|defenders|garrison|servicemen)\b")
_STRIKE = (r"strik\w*|struck|\bhit\b|\bhits\b|attack\w*|missiles?|rockets?|bomb\w*|shell\w*|explo\w*|blast\w*|"
           r"drones?|\bkill\w*|destroy\w*|damag\w*|airstrikes?|\bfired\b")
_OFFENSIVE = (r"offensive|incursion|counter-?offensive|operation|invasion|invad\w*|push\w*|advance\w*|assault\w*|"
              r"launch\w*|cross-border|crossed")
FAMILY = {
    "capture": re.compile(rf"(?i)(?P<take>{_CAPTURE})|(?P<give>{_WITHDRAW})|(?P<leave>{_LEAVE})"),
    "withdrawal": re.compile(rf"(?i)(?P<give>{_WITHDRAW})|(?P<leave>{_LEAVE})"),
    "strike": re.compile(rf"(?i){_STRIKE}"),
    "offensive": re.compile(rf"(?i){_OFFENSIVE}"),
}
# Just before the verb: not (yet) a fact.
HYPOTHETICAL = re.compile(
    r"(?i)\b(?:could|would|might|(?-i:may)|will|shall|if|unless|whether|threat\w*|plans?|planned|planning|aims?|aimed|"
    r"aiming|attempt\w*|try|tries|trying|tried|bid|seek\w*|fight\w*|battl\w*|struggl\w*|storm\w*|efforts?|"
    r"goal|objective|intend\w*|intent\w*|commit\w*|determin\w*|vow\w*|pledg\w*|prepar\w*|ahead\s+of|prevent\w*|"
    r"avoid\w*|risk\w*|fears?|hopes?|not|never|no\s+longer|yet\s+to|failed|fail\w*|closing\s+in|encircl\w*|"
    r"approach\w*|press\w*\s+(?:on|toward)|push\w*\s+(?:on|toward|to)|rumou?r\w*|possible|potential|likely|"
    r"probabl\w*|imminent|looming|expected|speculat\w*|limited|partial|tactical|bracing|brace)\b[^.;]{0,40}$|"
    r"\bto\s+$")
# "capturing Bakhmut will allow ...": a gerund is a fact only after "after", "since", "by"
GERUND = re.compile(r"(?i)ing$")
GERUND_FACT = re.compile(r"(?i)\b(?:after|since|following|by|for|from|on)\s+$")
RUSSIA = r"Russia\w*|Moscow|Kremlin|Wagner|Putin|Shoigu|Prigozhin|Gerasimov|Belousov|occupiers|invaders|DPR|LPR"
UKRAINE = r"Ukrain\w*|Kyiv|Kiev|Zelensk\w*|Syrsk\w*|Zaluzhn\w*|AFU|ZSU|Khortytsia"
_SIDE = re.compile(rf"(?i)\b(?:(?P<ru>{RUSSIA})|(?P<ua>{UKRAINE}))\b(?:['’]s?)?(?P<org>\s+(?:troops|forces|army|military|"
                   rf"units|soldiers|servicemen|defenders|marines|paratroopers|fighters|defen[cs]e\s+ministry|"
                   rf"ministry\s+of\s+defen[cs]e|MoD|General\s+Staff|command|mercenaries))?")
_LOCATIVE = re.compile(r"(?i)\b(?:in|of|into|from|to|across|eastern|southern|northern|western|central)\s+(?:the\s+)?$")

# --- how the sentence places the article in time, relative to the event -----------------------

_DAY_WORD = re.compile(
    rf"(?i)\b(?P<today>today|tonight|this\s+morning|this\s+afternoon|this\s+evening|overnight|earlier\s+today)\b|"
    rf"\b(?P<yesterday>yesterday|last\s+night)\b|"
    rf"(?<!\w)(?:on\s+|late\s+|early\s+)?(?<!last\s)(?<!next\s)(?P<wd>{WEEKDAY_RE})(?:['’]s)?\b")
_SAID = re.compile(r"(?i)\b(?:said|says|claimed|claims|announced|reported|confirmed|stated|told|declared|"
                   r"admitted|acknowledged)\b[^.;,]{0,12}$")
_RECENT_EVENT = re.compile(r"(?i)\b(?:recent|latest)\s+(?:[\w-]+\s+){0,3}$")   # the adjective on the event noun
_RECENT = re.compile(r"(?i)\b(?:recent(?:ly)?|latest|just|new(?:ly)?|fresh)\b")
_OFFSET = re.compile(
    rf"(?i)\b(?P<q>(?:just|only|barely|about|nearly|almost|more\s+than|over|less\s+than)\s+)?(?P<n>{NUM}|\d+)"
    rf"\s+(?P<unit>hour|day|week|month|year)s?\s+(?P<rel>after|since|following)\b|"
    rf"\b(?P<bare>hours|days|weeks|months)\s+(?:after|since|following)\b")
_AGO = re.compile(rf"(?i)\b(?P<n>{NUM}|\d+)\s+(?P<unit>day|week|month|year)s?\s+ago\b")
_ANNIVERSARY = re.compile(
    r"(?i)\b(?P<n>first|second|third|fourth|fifth|\d{1,2}(?:st|nd|rd|th)|one-year|two-year|three-year|four-year|"
    r"five-year)\s+anniversary\b|\b(?:a|one)\s+year\s+(?:since|after)\b")
_CALENDAR = re.compile(
    r"(?i)\b(?P<rel>last|earlier\s+this|this|so\s+far\s+this|late\s+last|early\s+last)\s+"
    r"(?P<unit>week|month|year|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b")
# the event dated in the sentence itself: "captured Bakhmut in May 2023", "on Feb. 17, 2024"
_DATED = re.compile(
    r"(?i)\b(?:in|on|by|since|during)\s+(?:early\s+|late\s+|mid-?)?(?:(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?|\d{1,2}\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|(?:19|20)\d\d\b)")
# present and perfect tenses of news: "Russia claims capture of X", "troops have withdrawn"
_NEWS_VERB = re.compile(
    r"(?i)\b(?:has|have|is|are|says?|claims?|announces?|confirms?|reports?|kills?|strikes?|hits?|captures?|takes?|"
    r"seizes?|withdraws?|retreats?|orders?|launches?|enters?|falls?|liberates?|recaptures?|retakes?|pulls?|"
    r"abandons?|flee|flees|evacuates?)\b")
_SINCE = re.compile(r"(?i)\b(?:since|ever\s+since|after)\b")
# A sentence that dates the event itself ("in May 2023", "on Oct. 5") or tells it as history
# is not news, whatever tense it uses.
_BACKGROUND = re.compile(
    rf"(?i)\b(?:19|20)\d\d\b|\b{MONTH_RE}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH_RE}|\bin\s+(?:early\s+|late\s+|mid-?)?{MONTH_RE}|"
    rf"\bago\b|\banniversary\b|\bearlier\s+(?:this|in\s+the)\s+(?:year|war)|\bat\s+the\s+(?:start|beginning)\b|"
    rf"\bsince\b|\bafter\s+the\b|\bwhen\b|\bhistory\b|\bonce\b|^(?:how|why|what|who|inside|analysis|explainer|"
    rf"lessons|remembering|opinion)\b|\b(?:lessons|legacy|aftermath|looking\s+back|a\s+look\s+back)\b")
LEAD_SENTENCES = 2         # of at least LEAD_WORDS words: bylines and "Date:" lines do not count
LEAD_WORDS = 6
DAY_WORD_NEAR = 150        # a day word this close to the verb tells when the event happened
_GLUED = re.compile(r"(?<=[a-z\u2019\u201d][.!?])(?=[A-Z][a-z])")
_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}


@dataclass(frozen=True)
class Mention:
    entry: Entry
    sentence: str
    at: int                # offset of the verb or noun in the sentence
    lead: bool             # in the headline or the first sentences


def anchors(text: str, title: str | None, today: dt.date, main_place: str | None = None) -> list[Window]:
    """Publication windows from every timeline event the headline or text tells, and upper
    bounds from places it tells as still fought over ("the plant, besieged for weeks").
    `main_place`: the story's place, which "the city" means in a sentence that names none."""
    out: list[Window] = []
    story = main_place if main_place in _index()[0] else None   # only a place some entry has
    for sentence, lead in _sentences(text, title):
        if not (_may_tell(sentence) or story and _THE_TOWN.search(sentence)):
            continue   # names no timeline place and none of its events' words: most sentences
        for group in _mentions(sentence, lead, story):
            w = _window(group, today)
            if w is not None:
                out.append(w)
        out += _still_contested(sentence, today)
    return out


# A place told, in the present, as still besieged or fought for: the article predates its fall.
ONGOING = re.compile(
    r"(?i)\b(?:has|have)\s+been\s+(?:\w+\s+){0,2}(?:besieged|encircled|surrounded|blockaded|under\s+siege)|"
    r"\b(?:is|are|remains?|still)\s+(?:\w+\s+){0,2}(?:besieged|encircled|surrounded|blockaded|under\s+siege)|"
    r"\b(?:is|are|has\s+been|have\s+been)\s+(?:trying|attempting|seeking|fighting|struggling)\s+to\s+(?:capture|take|"
    r"seize|encircle|storm|surround|gain\s+control)|\b(?:battle|fight(?:ing)?|struggle)\s+for\s+(?:the\s+)?(?:\w+\s+){0,3}"
    r"(?:continues?|rages?|goes\s+on|is\s+ongoing)|\bstill\s+(?:at|in|inside|holding|defending)\b|"
    r"\b(?:is|are|keeps?|continues?\s+(?:to\s+)?|still)\s*defending\b")
ONGOING_NEAR = 90


_ONGOING_HINT = re.compile(r"(?i)besieg|encircl|surround|siege|blockad|trying|attempting|seeking|fighting|"
                           r"struggl|battle|fight|still|defending")
_ONGOING_HINT = Gated(_ONGOING_HINT)


def _still_contested(sentence: str, today: dt.date) -> list[Window]:
    out = []
    if not _ONGOING_HINT.search(sentence):      # one Aho-Corasick pass (prefilter.Gated)
        return out
    for m in ONGOING.finditer(sentence):
        spans = {name: (a, b) for name, a, b in _places_named(sentence)
                 if abs(a - m.start()) <= ONGOING_NEAR or abs(m.end() - b) <= ONGOING_NEAR}
        falls = [e for e in entries() if e.event == "capture" and e.side == "russia" and set(e.places) & set(spans)]
        if len(falls) == 1 and falls[0].date <= today:
            e = falls[0]
            out.append(Window(dt.date(WAR_BEGAN, 1, 1), e.date + D(days=2), e.date, f"before the fall: {e.label}", 2, True))
    return out


def _sentences(text: str, title: str | None):
    if title and title.strip():
        yield title.strip(), True
    n = 0
    for s in sentences.split(text or ""):
        # pages that lost the space after a full stop ("on Tuesday.Russia has seen")
        for part in _GLUED.split(s.text):
            yield part, n < LEAD_SENTENCES
            n += len(part.split()) >= LEAD_WORDS


# "the city", "the embattled eastern town": the story's place, unless another is named after it
_THE_TOWN = re.compile(r"(?i)\bthe\s+(?:(?-i:[a-z][a-z-]*)\s+){0,2}?(?:city|town|village)\b(?!\s+(?:of|council|hall|"
                       r"authorities|administration|mayor|officials)\b)")
_LOCATING = re.compile(r"(?i)(?:\bin|\bof|,)\s+(?:the\s+)?$")


def _mentions(sentence: str, lead: bool, story: str | None = None) -> list[list[Mention]]:
    """The timeline events the sentence tells, grouped by what it says (one group per verb):
    a group of several entries is an event the sentence cannot tell apart (two bridge attacks).
    `story`: the article's place, named in a sentence that names no place by "the city"."""
    named = _places_named(sentence)
    by_place, placeless = _index()
    if story and not any(name in by_place for name, _, _ in named):
        named += [(story, m.start(), m.end()) for m in _THE_TOWN.finditer(sentence)]
    candidates = [e for name in {n for n, _, _ in named} for e in by_place.get(name, ())] + list(placeless)
    by_verb: dict[int, list[tuple[Entry, str | None]]] = {}
    regional: set[Entry] = set()      # named only by an oblast that locates a town ("X in the Y region")
    low, plain = sentence.lower(), not FOLDS.search(sentence)
    for e in dict.fromkeys(candidates):
        if e.words is not None and not _search(e.words, sentence, low, plain):
            continue
        hits = [(name, a, b) for name, a, b in named if name in e.places]
        at = _told(e, sentence, [(a, b) for _, a, b in hits])
        if at is not None:
            by_verb.setdefault(at[0], []).append((e, at[1]))
            if hits and all(name.endswith(" Oblast") and _LOCATING.search(sentence[max(0, a - 12):a])
                            for name, a, _ in hits):
                regional.add(e)
    groups = []
    for at, found in by_verb.items():
        # "recaptured Sudzha in the Kursk region": the town's event, not the region's
        if any(e not in regional for e, _ in found):
            found = [(e, g) for e, g in found if e not in regional]
        # an entry named by its own words beats a place alone ("ordered to leave Kherson": the order)
        if any(e.words for e, _ in found):
            found = [(e, g) for e, g in found if e.words]
        gainer = next((g for _, g in found if g), None)
        if gainer:
            found = [(e, g) for e, g in found if not e.side or e.event != "capture" or e.side == gainer]
        if found:
            groups.append([Mention(e, sentence, at, lead) for e, _ in found])
    return groups


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, tuple[Entry, ...]], tuple[Entry, ...]]:
    """Entries by place name, and the entries with no place."""
    by_place: dict[str, list[Entry]] = {}
    for e in entries():
        for name in e.places:
            by_place.setdefault(name, []).append(e)
    return {k: tuple(v) for k, v in by_place.items()}, tuple(e for e in entries() if not e.places)


@lru_cache(maxsize=1)
def _quick() -> tuple[frozenset[str], tuple[re.Pattern, ...]]:
    """A cheap first test: the first words of every timeline place and its gazetteer aliases,
    and the patterns of the events that have no place."""
    names = {n for e in entries() for n in e.places}
    names |= {s for n in list(names) for s in places.spellings(n)}
    # "the Donbas": its second word, or every sentence with "the" would pass
    firsts = frozenset(w for n in names for w in _WORDS.findall(re.sub(r"(?i)^the\s+(?=\S)", "", n).lower())[:1])
    return firsts, tuple(e.words for e in entries() if not e.places and e.words is not None)


def _may_tell(sentence: str) -> bool:
    firsts, placeless = _quick()
    low = sentence.lower()
    if firsts & set(_WORDS.findall(low)):
        return True
    plain = not FOLDS.search(sentence)
    return any(_search(rx, sentence, low, plain) for rx in placeless)


def _search(rx: re.Pattern, sentence: str, low: str, plain: bool) -> re.Match | None:
    """rx.search(sentence), skipped when the sentence (`low`: lowercased; `plain`: no
    character FOLDS lists, so lowercase containment is exact) lacks every word rx needs."""
    needs = _needs(rx)
    if plain and needs and not any(w in low for w in needs):
        return None
    return rx.search(sentence)


_WORDS = re.compile(r"[^\W\d_]+")


def _places_named(sentence: str) -> list[tuple[str, int, int]]:
    """Gazetteer places (with their aliases), plus timeline names the gazetteer lacks."""
    found = [(p.name, p.start, p.end) for p in places.find_places(sentence)]
    found += [(m.group(1), m.start(), m.end()) for m in _names_rx().finditer(sentence)]
    return found


@lru_cache(maxsize=1)
def _names_rx() -> re.Pattern:
    # only names the gazetteer lacks: its own names are found with their aliases, and a
    # gazetteer city must not be read inside "the Kherson region"
    names = sorted({n for e in entries() for n in e.places if places.canonical(n) is None}, key=len, reverse=True)
    if not names:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")


def _told(e: Entry, sentence: str, spans: list[tuple[int, int]]) -> tuple[int, str | None] | None:
    """(offset, side that gained) of the first verb telling the entry's kind of event, as a
    fact, about the place itself (not its outskirts or a gas hub nearby)."""
    rx = e.words if e.event == "other" else FAMILY[e.event]
    for m in rx.finditer(sentence):
        if m.groupdict().get("leave") and not _TROOPS.search(sentence):
            continue
        if _TAKE_IDIOM.match(sentence, m.end()) and re.match(r"(?i)t(?:ook|aken?|akes)$", m.group(0)):
            continue    # "has taken heavy casualties", "took part in": no place taken
        before = sentence[max(0, m.start() - 60):m.start()]
        # "ordered his troops to leave Kherson": the entry's own words (the order) make it a fact
        if HYPOTHETICAL.search(before) and not (e.words is not None and e.event != "other" and e.words.search(before)):
            continue
        if GERUND.search(m.group(0)) and not GERUND_FACT.search(sentence[max(0, m.start() - 12):m.start()]):
            continue
        # an entry its own words identify ("the railway station") may sit further from its verb
        near = 120 if e.event in ("other", "offensive") or e.words is not None else NEAR
        whole = e.event in ("capture", "withdrawal")   # a strike near X is a strike on X; a capture is not
        if spans and not any(_about(sentence, m, a, b, near, whole) for a, b in spans):
            continue
        gainer = None
        actor = _actor(sentence, m.start())
        if e.event in ("capture", "withdrawal"):
            if actor and m.groupdict().get("take"):
                gainer = actor
            elif actor:
                gainer = "ukraine" if actor == "russia" else "russia"
            if e.event == "withdrawal" and actor and actor != e.side:
                continue
        elif e.side and actor and actor != e.side:
            continue   # Russia's operation in Kursk is not Ukraine's incursion there
        return m.start(), gainer
    return None


NEAR = 70
# The place is only part of what was taken or hit: "the outskirts of X", "the X gas hub".
PART_BEFORE = re.compile(
    r"(?i)\b(?:parts?|outskirts|edges?|cent(?:re|er)|districts?|neighbou?rhoods?|areas?|approaches|flanks?|"
    r"positions|villages?|settlements?|suburbs?|south|north|east|west|(?:south|north)(?:east|west))\s+"
    r"(?:of|to|in|near|around)\s+(?:the\s+)?(?:\w+\s+){0,2}$|\b(?:near|around|outside|toward|towards|beyond)\s+"
    r"(?:the\s+)?(?:\w+\s+){0,2}$")
PART_AFTER = re.compile(r"(?i)^(?:['’]s)?\s+(?:gas|railway|train|power|industrial|outskirts|district|direction|axis|"
                        r"sector|front|area)\b")


def _about(sentence: str, m: re.Match, a: int, b: int, near: int, whole: bool) -> bool:
    """The verb tells of the place itself: close to it, and (for captures) not of a part of it
    ("took the outskirts of X", "the X gas hub"); words before a place that comes first belong
    to another phrase ("west of Bakhmut, which Russia captured")."""
    if a - m.end() > near or m.start() - b > near:
        return False
    if not whole:
        return True
    part_before = m.end() <= a and PART_BEFORE.search(sentence[max(0, a - 40):a])
    return not (part_before or PART_AFTER.match(sentence[b:b + 20]))


def _actor(sentence: str, verb_at: int) -> str | None:
    """Who does the verb: the nearest side named with an army or ministry word before it, else
    the first side named that is not a location ("in eastern Ukraine")."""
    found = list(_SIDE.finditer(sentence, 0, verb_at))
    strong = [m for m in found if m.group("org")]
    if strong:
        m = strong[-1]
    else:
        plain = [m for m in found if not _LOCATIVE.search(sentence[max(0, m.start() - 20):m.start()])]
        if not plain:
            return None
        m = plain[0]
    return "russia" if m.group("ru") else "ukraine"


def _window(group: list[Mention], today: dt.date) -> Window | None:
    """The window one telling gives; a group of entries the sentence cannot tell apart gives only
    the bound that holds for all of them."""
    sentence, at, lead = group[0].sentence, group[0].at, group[0].lead
    dates = sorted(m.entry.date for m in group)
    label = "timeline: " + "/".join(m.entry.label for m in group)
    first = dates[0]
    if len(group) > 1 or first > today:
        return Window(first, today, first, label, 1, True) if first <= today else None
    d = first
    return _relative(sentence, at, lead, d, today, label)


def _relative(sentence: str, at: int, lead: bool, d: dt.date, today: dt.date, why: str) -> Window | None:
    def win(lo, hi, best, strength=2, bound=False):
        lo, hi = max(lo, d - D(days=1)), min(hi, today)
        return Window(lo, hi, min(max(best, lo), hi), why, strength, bound) if lo <= hi else None

    def near(rx: re.Pattern, before: int, after: int) -> re.Match | None:
        """The match of rx closest to the event, within `before` chars before it or `after` after."""
        found = [m for m in rx.finditer(sentence, max(0, at - before), min(len(sentence), at + after))]
        return min(found, key=lambda m: abs(m.start() - at), default=None)

    if m := near(_ANNIVERSARY, 80, 0):
        n = number(re.sub(r"-year$", "", m.group("n"))) if m.group("n") else 1
        day = add_years(d, n)
        return win(day - D(days=3), day + D(days=7), day, 3)
    if m := near(_OFFSET, 80, 0):
        return _offset_window(m, d, win)
    if m := near(_AGO, 0, 80):
        n, unit = number(m.group("n")), m.group("unit").lower()
        back = n * _UNIT_DAYS[unit]
        slack = {"day": 1, "week": 3, "month": 10, "year": 30}[unit]
        return win(d + D(days=back - slack), d + D(days=back + slack), d + D(days=back), 3)
    if near(_DATED, 40, 80):
        return win(d, today, d, 1, True)      # "captured Bakhmut in May 2023": history, a bound
    # "Earlier this week, X announced ...": a calendar phrase opening the sentence governs it all
    if m := near(_CALENDAR, 60, 80) or _CALENDAR.match(sentence):
        return _calendar_window(m, d, win)
    # a day word telling when this event happened, or when the statement telling it was made
    # ("..., Moscow said on Saturday"); not one about another event of a long sentence
    day_word = min((m for m in _DAY_WORD.finditer(sentence)
                    if abs(m.start() - at) <= DAY_WORD_NEAR or _SAID.search(sentence[max(0, m.start() - 25):m.start()])),
                   key=lambda m: abs(m.start() - at), default=None)
    if day_word and not (_SINCE.search(sentence, 0, at) and not lead):
        if day_word.group("today"):
            return win(d - D(days=1), d + D(days=1), d, 3)
        if day_word.group("yesterday"):
            return win(d, d + D(days=2), d + D(days=1), 3)
        wd = next_weekday(weekday_number(day_word.group("wd")), d - D(days=1))
        return win(wd, wd + D(days=2), wd, 3)
    if not lead and _RECENT_EVENT.search(sentence, max(0, at - 50), at):
        return win(d, d + D(days=21), d, 2)   # "after the recent missile strike on X": within weeks
    if _SINCE.search(sentence[max(0, at - 40):at]):
        return win(d, today, d, 1, True)
    if lead and not _BACKGROUND.search(sentence) and (_news_told(sentence, at) or _RECENT.search(sentence)):
        # the headline or lead tells it as news: written within days of it
        span = 14 if _RECENT.search(sentence) else 7
        return win(d, d + D(days=span), d, 2)
    return win(d, today, d, 1, True)


def _news_told(sentence: str, at: int) -> bool:
    """The event is told as news: a reporting or perfect verb just before it ("Russia claims
    capture of", "troops have withdrawn"), a present verb right after it ("strike kills"), or
    the event verb itself in the present ("forces withdraw from"). "Russia's capture of X has
    emboldened Moscow" tells an old event's consequences, not the event."""
    before, after = sentence[max(0, at - 30):at], sentence[at:at + 40]
    if _NEWS_VERB.search(before):
        return True
    verb = re.match(r"[\w-]+(?:\s+of)?", after)
    rest = after[verb.end():verb.end() + 14] if verb else ""
    return bool(_NEWS_VERB.match(rest.lstrip()) or (verb and _PRESENT_EVENT.fullmatch(verb.group(0))
                                                    and not re.search(r"(?i)\b(?:the|a|an|its|their|his|her)\s+$", before)))


_PRESENT_EVENT = re.compile(r"(?i)withdraws?|captures|takes|seizes|retakes|recaptures|liberates|enters|falls|kills|"
                            r"hits|abandons|pulls|retreats?|strikes")


def _offset_window(m: re.Match, d: dt.date, win) -> Window | None:
    """"a week after the fall of X": that far on from the event."""
    if m.group("bare"):
        unit = m.group("bare")[:-1].lower()
        span = {"hour": (0, 2), "day": (1, 10), "week": (7, 42), "month": (30, 330)}[unit]
        return win(d + D(days=span[0]), d + D(days=span[1] + 3), d + D(days=span[0]), 2)
    n, unit = number(m.group("n")), m.group("unit").lower()
    q = (m.group("q") or "").lower()
    if unit == "month":
        day = add_months(d, n) + D(days=d.day - 1)
    elif unit == "year":
        day = add_years(d, n)
    else:
        day = d + D(days=n * _UNIT_DAYS[unit])
    slack = {"hour": 1, "day": 1, "week": 2, "month": 7, "year": 14}[unit]
    if q.startswith(("more", "over")):
        return win(day, day + D(days=slack * 4 + 3), day + D(days=slack))
    if q.startswith(("nearly", "almost", "less")):
        return win(day - D(days=slack * 4), day + D(days=3), day - D(days=slack))
    return win(day - D(days=slack), day + D(days=slack + 3), day, 3)


def _calendar_window(m: re.Match, d: dt.date, win) -> Window | None:
    rel, unit = re.sub(r"\s+", " ", m.group("rel").lower()), m.group("unit").lower().rstrip(".")
    if unit == "week":
        if "last" in rel:
            return win(d + D(days=1), d + D(days=13), d + D(days=7))
        return win(d, d + D(days=6), d + D(days=2))
    if unit == "month":
        if "last" in rel:
            start = add_months(d, 1)
            return win(start, month_end(start.year, start.month), start + D(days=14))
        return win(d, month_end(d.year, d.month), d + D(days=7))
    if unit == "year":
        if "last" in rel:
            return win(dt.date(d.year + 1, 1, 1), dt.date(d.year + 1, 12, 31), dt.date(d.year + 1, 6, 30), 1)
        return win(d, dt.date(d.year, 12, 31), d + D(days=30), 1)
    month = month_number(unit)
    if month is None or month != d.month or "last" not in rel:
        return None
    # "re-captured it last September": written after that month, within the next year
    return win(add_months(d, 1), month_end(d.year + 1, d.month), add_months(d, 6), 1)
