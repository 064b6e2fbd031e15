"""Dated battlefield events from sentences: assault, advance, capture, withdrawal, strike,
evacuation.

A trigger phrase ("attacks on", "entered", "fall of", "withdrawal from") counts only when a
named place is its object in the same clause, and when the clause reports it as happened: a
plan, forecast, hypothesis ("would let Moscow", "in their bid to"), denial or negation is not
an event. Dates resolve with dates.find_dates against the publication date; one event told
in several sentences is one row.

Decisions:
- A claim is an event, carrying its claimant ("Russia's defence ministry said its troops had
  taken full control of X" -> capture, claimant side russia). A denial is not: "Ukraine denied
  that X had fallen" adds nothing, and does not remove the claim told before it; the timeline
  shows the claim with its claimant and readers weigh it.
- An order is dated when given and counts as the event it orders: "ordered troops to withdraw
  from X on Saturday" -> withdrawal at X that day (orders to withdraw are carried out).
- "the city", "the eastern town", "the settlement" stand for the article's main place
  (ctx.main_place) when the sentence names no other settlement.
- An event whose nearest date lies after publication is a plan or schedule, not news; one
  dated more than BACKGROUND_DAYS before publication is background.
- A telling dated by its statement ("have withdrawn from X, the military said Wednesday") and
  one dated by the deed ("completed their withdrawal on Tuesday") are one event; the deed's
  date stands.
"""
from __future__ import annotations

import datetime as dt
import dataclasses
import re

from . import claimants, dates, places
from .event_rules import (
    ANAPHOR, ATTEMPT_BEFORE, AXIS, AXIS_AFTER, BARE_VERB, CLAUSE_END, COORDINATED, GROUND_BEFORE,
    HAPPENED_BEFORE, INFINITIVE_AND, INFRASTRUCTURE, INTENT_BEFORE, LEAD_PLACE, MODAL_AFTER,
    NEGATION_BEFORE, NOMINAL, NOT_A_TARGET, NOT_TERRITORY, OBJECT_NP, OWN_OBJECT, PEOPLE_SUBJECT,
    PEOPLE_PARTICIPLE, PLACE_BEFORE_OK, REFERENCE_BEFORE, RELATIVE_BEFORE, SINCE_BEFORE, STATE_TRIGGER, STRIKE_CUE, WITH_FIRE,
    SUBJECT_GAP, TAKE, TAKES_OBJECT, TIGHT, TRIGGERS, TROOPS_BEFORE, WEAPON_SUBJECT, actor_side,
    trigger_types,
)
from .document import Doc
from .model import Event, Sentence

D = dt.timedelta
NOT_EVENT_PLACES = {"country"}
# How far apart two tellings of one event may be dated: day-precise dates must agree.
TOLERANCE = {"day": 0, "week": 7, "month": 31, "year": 366}
RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# An event dated this long before publication is background ("Russia seized Crimea in 2014",
# "since it took Bakhmut in May 2023"), not news of the article: not a row of its timeline.
BACKGROUND_DAYS = 60
SETTLEMENT_KINDS = {"city", "town", "village"}
TAKE_IDIOM = re.compile(r"^\s*(?:part|place|office|note|power|over|aim|shelter|refuge|cover|time)\b", re.I)
# "the Dnipro River", "the Kakhovka reservoir": water, not the town of that name
NOT_A_PLACE_AFTER = re.compile(r"\s+(?:river|reservoir|dam|bay|estuary|delta|basin|agglomeration|districts)\b", re.I)
UNKNOWN_SETTLEMENT = re.compile(r"\b(?:village|town|city|settlement|hamlet)\s+of\s+[A-Z]|"
                                r"\b[A-Z][\w'\u2019-]+,?\s+(?:in|of)\s+(?:the\s+)?(?:[a-z]+\s+)?$")
# A capture of positions or ground near X is an advance near X, not X taken.
PARTIAL_OBJECT = re.compile(r"\b(?:positions?|ground|territory|lines|trenches|streets|areas|heights|"
                            r"strongholds?(?!\s+(?:town\s+|city\s+)?of\b)|footholds?|bridgeheads?|part\s+of|parts\s+of)\b", re.I)
LONG_AGO = re.compile(r"\b(?:\w+-(?:month|year|week)(?:-long)?|months-long|years-long|weeks-long|long-running|"
                      r"protracted)\s+(?:\w+\s+)?$", re.I)
# "for the past five weeks as Russian forces pounded X", "it has been a month since the enemy
# started storming X": a campaign told by its length, not a dated event
CAMPAIGN = re.compile(r"\b(?:past|last|previous)\s+(?:[\w-]+\s+){0,2}(?:weeks|months|years)\b|"
                      r"\b(?:been|for)\s+(?:a|an|one|two|three|four|five|six|several|many|\d+)\s+(?:weeks?|months?|years?)\s+"
                      r"since\b", re.I)
# Between a trigger and a date in another clause: punctuation (not the colon of a time), brackets.
CLAUSE_CROSS = re.compile(r"[;!?\"\u201c\u201d()]|[.:](?!\d)")
REGION_OF_CITY = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|settlement|hub)\s+of\s", re.I)
HABITUAL = re.compile(r"\b(?:regular|regularly|daily|every\s+(?:day|night|week)|constant|constantly|routinely|repeatedly|steadily|steady|gradually|"
                      r"almost\s+every|each\s+(?:day|night)|"
                      r"(?:for|over|during|much\s+of)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:\w+\s+)?(?:weeks|months|year)|"
                      # "attacks on X have intensified since ...": a trend, not a happening
                      r"(?:have|has|had)\s+(?:\w+\s+)?(?:intensified|increased|escalated|multiplied|become\s+more\s+frequent))\b", re.I)
# "fleeing amid drone attacks": the backdrop, not a happening
ONGOING_BEFORE = re.compile(r"\b(?:amid|amidst)\s+(?:[\w-]+\s+){0,3}$", re.I)
BACKGROUND_WAR = re.compile(r"\b(?:early|earlier)\s+in\s+the\s+(?:full[-\s]scale\s+)?(?:war|invasion|conflict)\b|"
                            r"^\W*(?:at\s+that\s+time|back\s+then|in\s+those\s+(?:days|years))\b|"
                            r"\bat\s+the\s+(?:start|beginning|outset)\s+of\s+(?:the|a|its)\s+(?:full[-\s]scale\s+)?(?:war|invasion)\b|"
                            r"\bin\s+the\s+(?:first|early)\s+(?:days|weeks|months)\s+of\s+(?:the|a|its)\s+(?:full[-\s]scale\s+)?(?:war|invasion)\b", re.I)
UNNAMED_PLACES = re.compile(r"\b(?:villages|settlements|towns|positions|areas|localities)\b|"
                            r"\b(?:another|one\s+more|a|one)\s+(?:\w+\s+)?(?:village|settlement|town|locality)\s+in\b", re.I)


_WITH_FIRE_NEAR = re.compile(r"\bwith\s+(?:[\w'’“”\"-]+\s+){0,5}?(?:drones?|missiles?|rockets?|bombs?|shells?|artillery|"
                             r"shaheds?|uavs?|unmanned\s+aerial\s+vehicles?)\b(?![^.;]*\bwith\b)", re.I)
FROM_A_BUILDING = re.compile(r"\s*(?:from\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:building|house|apartment|block|home|"
                             r"dormitory|hospital|school|shelter|rubble|ruins)\b", re.I)
WHERE_CLAUSE = re.compile(r"(?:,\s*[\w\s'’-]{1,30}?)?,?\s+where\b[^.;:]{0,100}", re.I)
FAILED_BEFORE = re.compile(r"\b(?:unsuccessfully|vainly|tried\s+to|trying\s+to|try\s+to|attempted\s+to|attempting\s+to|"
                           r"sought\s+to|failed\s+to)\s+(?:\w+\s+)?$", re.I)
_EVACUEES_OF = re.compile(r"\b(?:residents|people|civilians|children|inhabitants|families|villagers|patients)\s+"
                          r"(?:(?:living|staying)\s+)?(?:of|from|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?$", re.I)
_PASSIVE_GAP = re.compile(r"[^.;:]{0,60}?\b(?:have|has|had|were|was|are|is)\s+(?:already\s+|now\s+|so\s+far\s+)?"
                          r"(?:been\s+)?(?:being\s+)?", re.I)
_SUBJECT_LEAVES = re.compile(r"evacuat(?:ed|ing)\b|(?:forced|ordered|told|urged|asked|advised)\s+to\b", re.I)
EVACUEES = re.compile(r"\s+(?:residents|people|families|civilians|children|villagers|locals|pensioners)\b", re.I)


def extract_events(ctx: Doc) -> list[Event]:
    out: list[Event] = []
    said: list[bool] = []     # dated by the statement ("the military said Wednesday"), not the deed
    placeless: list[tuple[str, dt.date]] = []
    by_key: dict[tuple, list[int]] = {}   # (type, place) -> indexes in out: _same needs both equal
    for i, sent in enumerate(ctx.sentences):
        for ev, by_statement in _sentence_events(ctx, i, sent, placeless):
            key = (ev.event_type, ev.place)
            k = next((k for k in by_key.get(key, ()) if _same(ev, out[k], by_statement or said[k])), None)
            if k is None:
                by_key.setdefault(key, []).append(len(out))
                out.append(ev)
                said.append(by_statement)
                continue
            old = out[k]
            better = RANK[ev.date_precision or "year"] < RANK[old.date_precision or "year"] or (
                ev.date_precision == old.date_precision and said[k] and not by_statement)
            if better:
                # the telling with the most precise date, the deed's own date over the
                # statement's, stands for the event
                if ev.actor_side is None:
                    ev.actor_side = old.actor_side
                out[k], said[k] = ev, by_statement
            elif old.actor_side is None:
                old.actor_side = ev.actor_side
    _refine_dates(out, placeless)
    return _without_region_repeats(_without_strike_retold(out))


_PARTICIPLE_ASIDE = re.compile(r",\s+(?:[a-z]+ed|taken|seized|held|overrun)\b[^,;]*$")


def _without_strike_retold(out: list[Event]) -> list[Event]:
    """ "A missile struck Kharkiv ... This attack on Kharkiv is a war crime": an "attack on" a
    place the story has a strike on, with no ground force in its clause, is that strike."""
    strikes = [ev for ev in out if ev.event_type == "strike"]
    if not strikes:
        return out
    keep = []
    for ev in out:
        if ev.event_type == "assault" and re.match(r"(?i)attacks?\s+(?:on|against)$", ev.trigger) and any(
                st.place == ev.place and _same(dataclasses.replace(ev, event_type="strike"), st) for st in strikes) \
                and not GROUND_BEFORE.search(_clause_before(ev.sentence, ev.span_start - ev.sentence_start)):
            continue
        keep.append(ev)
    return keep


# a region's own tally ("shelled Kherson region 89 times over the past day") is its own event
_REGION_WIDE = re.compile(r"\b\d[\d,]*\s+(?:times|attacks|shellings|strikes)\b", re.I)


def _without_region_repeats(out: list[Event]) -> list[Event]:
    """ "Russians launched six glide bombs at the Kharkiv region" beside "a bomb struck Kharkiv"
    the same day: the oblast-wide telling repeats the settlement's event, so it goes."""
    def oblast(name):
        info = places.place_info(name)
        return info and info["kind"] != "oblast" and info["oblast"]
    keep = []
    for ev in out:
        if ev.place and ev.place.endswith(" Oblast") and not _REGION_WIDE.search(ev.sentence) and any(
                o is not ev and oblast(o.place) == ev.place and _same(ev, o, places_too=False) for o in out):
            continue
        keep.append(ev)
    return keep


def _refine_dates(out: list[Event], placeless: list[tuple[str, dt.date]]) -> None:
    """ "The death toll from a missile strike on Dnipro rose to 40 on Monday ... The strike on
    Saturday was ...": a telling without a place but with its own day ("the strike on
    Saturday", "Saturday's strike") dates the article's one event of that type, when it is a
    few days earlier than the date the event got from its sentence."""
    for event_type, day in placeless:
        same = [ev for ev in out if ev.event_type == event_type]
        if len(same) != 1 or same[0].event_date is None:
            continue
        ev = same[0]
        back = (ev.event_date - day).days
        if 0 < back <= (7 if ev.date_precision == "week" else 3):
            ev.event_date, ev.date_precision = day, "day"


def _same(a: Event, b: Event, statement: bool = False, places_too: bool = True) -> bool:
    """One happening told twice: same type and place, dates within the coarser precision (a
    day more when one telling is dated by the statement that reports it)."""
    if a.event_type != b.event_type or (places_too and a.place != b.place):
        return False
    if a.actor_side and b.actor_side and a.actor_side != b.actor_side:
        return False   # Russian and Ukrainian withdrawals from one town are two events
    if a.event_date is None or b.event_date is None:
        return a.event_date == b.event_date
    slack = max(TOLERANCE.get(a.date_precision or "day", 1), TOLERANCE.get(b.date_precision or "day", 1))
    return abs((a.event_date - b.event_date).days) <= slack + (1 if statement else 0)


def _sentence_events(ctx: Doc, i: int, sent: Sentence,
                     placeless: list | None = None) -> list[tuple[Event, bool]]:
    text = sent.text
    types = trigger_types(text)
    if not types:
        return []
    hits = []
    for event_type, rx in TRIGGERS:
        for m in rx.finditer(text) if event_type in types else ():
            if not any(m.start() < e and s < m.end() for _, s, e, _ in hits):
                hits.append((event_type, m.start(), m.end(), m))
    if not hits:
        return []
    hits.sort(key=lambda h: h[1])
    mentions = [p for p in ctx.places(i) if p.kind not in NOT_EVENT_PLACES
                and not _metonymy(text, p) and not NOT_A_PLACE_AFTER.match(text, p.end)]
    mentions = _with_anaphors(text, mentions, ctx.main_place,
                              ctx.sentences[i - 1].text if i > 0 else "")
    mentions = _with_region_anaphor(ctx, text, mentions)
    # "a strike on a village near Odesa": the oblast, not Odesa
    near = {p.start for p in mentions if places.near_not_in(text, p)
            or places.raion_not_town(text, p, lists=False)}     # "Sumy district": not Sumy
    mentions = [places.PlaceMention(p.start, p.end, p.oblast, "oblast", None) if p.start in near else p
                for p in mentions]
    found_dates = dates.find_dates(text, ctx.published)
    out = []
    for n, (event_type, start, end, m) in enumerate(hits):
        next_start = hits[n + 1][1] if n + 1 < len(hits) else len(text)
        event_type = _reported(text, start, end, m, event_type)
        if event_type is None:
            continue
        targets = _object_places(text, start, end, next_start, mentions, m, event_type)
        if not targets and event_type in ("strike", "assault", "evacuation"):
            # "dead in Bilohorivka, eastern Ukraine, where a plane dropped a bomb on a school"
            where = [p for p in mentions if p.end <= start and WHERE_CLAUSE.fullmatch(text, p.end, start)]
            targets = [where[-1].name] if where else []
        if not targets and event_type == "evacuation" and _SUBJECT_LEAVES.match(m.group(0)):
            # "Some 300 residents of the Russian city of Belgorod have been evacuated", "civilians in
            # X have been urged to leave", "residents of X are evacuating": the subject's place
            owner = [p for p in mentions if p.end <= start and _EVACUEES_OF.search(text, max(0, p.start - 80), p.start)
                     and _PASSIVE_GAP.fullmatch(text, p.end, start)]
            targets = [owner[-1].name] if owner else []
            if not owner and m.group(0).lower() == "evacuating":
                continue      # "people are evacuating, but slowly": a process, unless its residents' town is named
        if not targets and event_type in ("strike", "evacuation") and _at_main_place(ctx, text, event_type, m, end,
                                                                                      next_start, mentions):
            targets = [ctx.main_place]      # "a missile struck the cafe", "evacuations continue today"
        if not targets:
            if placeless is not None and ctx.published:
                own = _own_day(text, start, end, found_dates, ctx.published)
                if own:
                    placeless.append((event_type, own))
            continue
        if event_type in ("capture", "advance", "withdrawal") and near and any(
                p.start in near and p.name == targets[0] for p in mentions):
            continue          # "captured a village near Pokrovsk": an unnamed village, no place to put it
        if TAKES_OBJECT.match(m.group(0)) and (PEOPLE_SUBJECT.search(_clause_before(text, start)[-40:]) or (
                m.group(0).lower() == "captured" and PEOPLE_PARTICIPLE.search(text, max(0, start - 30), start)
                and re.match(r"\s+(?:in|near|at|during|by|on|while|after|outside|around)\b", text[end:]))):
            continue          # "114 Russian fighters were captured in X": prisoners, not territory
        if event_type == "evacuation" and re.match(r"(?i)evacuated\b", m.group(0)) and (re.search(
                r"(?i)\b(?:for|of|the|to|with|among|newly|recently|internally)\s+$", text[max(0, start - 15):start])
                or re.match(r"\W*$", text[:start]) and EVACUEES.match(text, start + len("evacuated"))):
            continue          # "housing for evacuated families", "Evacuated residents say": who they are
        dest = next((p for p in mentions if p.name == targets[0] and p.start >= end), None) if targets else None
        if event_type == "evacuation" and dest is not None and re.search(
                r"\b(?:to|towards|into|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", text[end:dest.start]):
            # "families have been evacuated to the Zakarpattia region": where they went, not where from
            targets = [ctx.main_place] if ctx.main_place and ctx.main_place != targets[0] else []
            if not targets:
                continue
        if event_type == "evacuation" and FROM_A_BUILDING.match(text, end):
            continue          # "400 residents were evacuated from a building struck by a missile": a rescue
        if re.match(r"(?i)left|abandoned", m.group(0)) and not TROOPS_BEFORE.search(_clause_before(text, start)):
            continue          # "residents have left X" is not a withdrawal
        if event_type in ("advance", "capture") and FAILED_BEFORE.search(_clause_before(text, start)[-40:]):
            event_type = "assault"    # "the occupiers unsuccessfully advanced near X": an attack that failed
        if event_type == "assault" and WEAPON_SUBJECT.search(_clause_before(text, start)[-40:]):
            event_type = "strike"     # "Russian drones attacked Odesa": an air strike
        if event_type == "assault" and _attack_is_strike(text, start, end, m, targets):
            event_type = "strike"
        elif event_type == "strike" and _ATTACKED_HOMES.match(m.group(0)) \
                and not _WITH_FIRE_NEAR.search(text, end, end + 120) and GROUND_BEFORE.search(_clause_before(text, start)):
            event_type = "assault"    # "Russian assault groups attacked houses on the outskirts of X": on foot
        where = text.find(targets[0], end)
        if event_type == "capture" and TAKES_OBJECT.match(m.group(0)) and where > end and \
                PARTIAL_OBJECT.search(text, end, where):
            event_type = "advance"    # "recaptured positions near X", "seized part of X"
        if HABITUAL.search(text, end, min(len(text), end + 60)) or HABITUAL.search(_clause_before(text, start)[-30:]) \
                or ONGOING_BEFORE.search(_clause_before(text, start)[-50:]):
            continue          # "Russian attacks on X regularly kill", "X is shelled daily": a pattern, not an event
        bg = BACKGROUND_WAR.search(text)
        if bg and not (bg.start() > end and _PARTICIPLE_ASIDE.search(text, end, bg.start())):
            continue          # "Russia took the city early in the full-scale invasion": history (in the trigger's
                              # clause, not an aside on its place: "withdrew from Kherson, occupied in the first days ...")
        if _future(text, start, end, found_dates, ctx.published):
            continue          # "the evacuation is scheduled for Sept. 1, 2024": a plan
        event_date, precision = _event_date(text, start, end, found_dates, ctx.published)
        by_statement = _statement_dated(text, start, end, found_dates, ctx.published)
        if event_date and ctx.published and (ctx.published - event_date).days > BACKGROUND_DAYS:
            continue          # older than the story
        if CAMPAIGN.search(text, max(0, start - 90), start):
            continue          # a campaign told by its length
        if LONG_AGO.search(_clause_before(text, start)[-40:]):
            continue          # "the nine-month fight for Bakhmut": a whole campaign, not a dated event
        claimant = claimants.attribute(ctx, i, at=sent.start + start)
        side = actor_side(text, start, end, event_type, m)
        for place in targets:
            out.append((Event(
                doc_id=ctx.doc_id, event_type=event_type, event_date=event_date,
                date_precision=precision if event_date else None, place=place,
                actor_side=side,
                claimant=claimant.name if claimant else None,
                claimant_side=claimant.side if claimant else "unattributed",
                sentence=text, sentence_start=sent.start, span_start=sent.start + start,
                span_end=sent.start + end, trigger=text[start:end],
                claimant_how=claimants.how(claimant)), by_statement))
    return out


# Objects of a strike that stand in the article's place: a building, a site, "nearby".
FACILITY = re.compile(r"^\s*(?:(?:the|a|an|its|his|her|their|one\s+of\s+the)\s+)?(?:[\w'-]+\s+){0,3}?(?:cafe|café|restaurant|shop|"
                      r"store|market|supermarket|shopping\s+(?:centre|center|mall)|mall|house|home|building|block|school|"
                      r"hospital|clinic|station|stop|church|theatre|theater|hotel|office|factory|plant|warehouse|"
                      r"yard|street|square|park|bus|train|car|district|neighbou?rhood)s?\b|^\s*nearby\b", re.I)


# Strike triggers that take the struck thing as their object.
STRIKES_OBJECT = re.compile(r"(?:struck|hit|fired\s+(?:on|at|upon)|opened\s+fire\s+on|shelled|pounded|bombed|"
                            r"strikes?\s+(?:on|against|at|in)|hit\s+(?:near|close\s+to))$", re.I)


def _at_main_place(ctx: Doc, text: str, event_type: str, m: re.Match, end: int, stop: int, mentions) -> bool:
    """A strike on a building ("a missile struck the cafe", "hit near her house") or an evacuation
    told without a place ("evacuations continue today"), in an article about one settlement
    that the sentence does not leave for another place."""
    if not ctx.main_place or mentions:
        return False
    info = places.place_info(ctx.main_place) or {}
    if info.get("kind") not in SETTLEMENT_KINDS:
        return False
    rest = text[end:stop]
    if event_type == "evacuation":
        return not re.search(r"\b(?:abroad|overseas|to\s+(?:europe|poland|germany))\b", rest, re.I)
    return bool(STRIKES_OBJECT.search(m.group(0)) and FACILITY.match(rest))


def _with_anaphors(text: str, mentions: list, main_place: str | None, previous: str = "") -> list:
    """ "withdrew from the city", "fighting inside the town": when the article is about one
    settlement and the sentence names no other, "the city/town/village/settlement" is it.
    When the noun is too small for the main place (a "town" in an article about a city) and
    the sentence before names a settlement it fits, that one is meant ("fighting continued
    around Soledar. ... troops were still fighting in the town")."""
    if not main_place or any(p.kind in SETTLEMENT_KINDS and p.name != main_place for p in mentions):
        return mentions
    low = text.lower()
    if not any(w in low for w in ("city", "town", "village", "settlement")):
        return mentions
    extra = []
    for a in ANAPHOR.finditer(text):
        if any(p.start < a.end() and a.start() < p.end for p in mentions):
            continue
        name = _antecedent(a.group(0).split()[-1].lower(), main_place, previous)
        extra.append(places.PlaceMention(a.start(), a.end(), name, "city", None))
    return sorted(mentions + extra, key=lambda p: p.start) if extra else mentions


_TITLE_AFTER = re.compile(r"\s+(?:regional\s+|military\s+|state\s+)*(?:governor|administration|head|police|council|"
                          r"authorities|prosecutor|officials?)\b", re.I)
_REGION_ANAPHOR = re.compile(r"\bthe\s+(?:(?-i:[a-z][a-z-]*)\s+)?(?:region|oblast|province)\b(?!['’])", re.I)


def _with_region_anaphor(ctx: Doc, text: str, mentions: list) -> list:
    """ "Russian forces shelled the region 54 times, ... Kherson Oblast Governor X reported": the
    region the speaker's title names, when the sentence names no other region."""
    if "region" not in text and "oblast" not in text.lower() and "province" not in text:
        return mentions
    oblasts = [p for p in mentions if p.kind in ("oblast", "region")]
    titled = [p for p in oblasts if _TITLE_AFTER.match(text, p.end)]      # "Kherson Oblast Governor X"
    if len(titled) < len(oblasts):
        return mentions
    region = titled[0].name if titled else None
    if not region:
        return mentions
    extra = [places.PlaceMention(a.start(), a.end(), region, "oblast", None) for a in _REGION_ANAPHOR.finditer(text)
             if not any(p.start < a.end() and a.start() < p.end for p in mentions)]
    return sorted(mentions + extra, key=lambda p: p.start) if extra else mentions


def _antecedent(noun: str, main_place: str, previous: str) -> str:
    if noun == "settlement" or not previous:
        return main_place
    info = getattr(places, "place_info", None)
    main_kind = (info(main_place) or {}).get("kind") if info else None
    size = {"village": 0, "town": 1, "city": 2}
    if main_kind not in size or size[noun] >= size[main_kind]:
        return main_place     # reporters call towns cities, seldom a city a town or village
    fits = [p for p in places.find_places(previous) if p.kind == noun and p.name != main_place]
    return fits[-1].name if fits else main_place


NIGHT_OR_CLOCK = re.compile(r"(?i)\b(?:night|overnight|nighttime|pre-?dawn)\b|\b(?:around|at|about)\s+\d{1,2}[:.]\d{2}\b")


_FIRE_ON_PLACES = re.compile(r"\s+(?:the\s+)?(?:(?!positions)[\w'’-]+\s+){0,2}?(?:(?:communit(?:y|ies)|settlements?|localit(?:y|ies))"
                             r"(?!\s+of\s+(?-i:[A-Z]))|territory\s+of|residential|civilian|border\s+(?:areas?|villages|regions?))\b", re.I)


_ATTACKED_HOMES = re.compile(r"attacked\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:houses?|homes|buildings?)\b", re.I)


def _attack_is_strike(text: str, start: int, end: int, m: re.Match, targets: list[str]) -> bool:
    """ "a Ukrainian attack on the Russian city of Belgorod", "an attack on Dnipro killed
    three": an attack on a place with no ground force in its clause, told with civilian harm
    or a target in Russia, is a strike; so is an attack on a power plant or depot in X."""
    where = text.find(targets[0], end) if targets else -1
    if where > end and INFRASTRUCTURE.search(text, end, where):
        return True
    info = places.place_info(targets[0]) if targets else None
    if info and info.get("kind") in places.SETTLEMENTS and info.get("front") == 0 \
            and not GROUND_BEFORE.search(_clause_before(text, start)):
        return True     # "another enemy attack on Kyiv": no ground war ever reached it, so from the air
    if WITH_FIRE.match(text, where + len(targets[0])) if where >= end else _WITH_FIRE_NEAR.search(text, end, end + 120):
        return True     # "attacked Kyiv with nearly 30 drones", "attacked the Sumy Region with two missiles"
    if re.fullmatch(r"(?i)attacked", m.group(0)) and NIGHT_OR_CLOCK.search(text) \
            and not GROUND_BEFORE.search(_clause_before(text, start)) and targets \
            and (places.place_info(targets[0]) or {}).get("kind") == "city":
        return True     # "On the night of July 20, the enemy attacked Mykolaiv": a city hit at night or to the minute
    if re.match(r"(?i)attacks?\s+(?:on|against|at)$", m.group(0)) and _FIRE_ON_PLACES.match(text, m.end()) \
            and not re.search(r"(?i)\b(?:repel|repuls|fend|fought\s+off|beat\s+back|thwart)", _clause_before(text, start)):
        return True     # "19 attacks at communities along the border", "attacks on the territory of the region"
    if not re.match(r"(?i)(?:attacks?|assaults?)\s+(?:on|against|in)$", m.group(0)):
        return False
    before = _clause_before(text, start)
    if GROUND_BEFORE.search(before):
        return False
    return bool(STRIKE_CUE.search(text))


WHEN_YEAR = re.compile(r"\b(?:in|since|by|of)\s+(?:(?:early|late|mid|the\s+spring\s+of|the\s+summer\s+of|the\s+autumn\s+of|"
                       r"the\s+fall\s+of|the\s+winter\s+of)\s+)?(?P<y>(?:19|20)\d\d)\s*,?\s+when\b[^.;]*$", re.I)
SAID_BEFORE = re.compile(r"\b(?:said|says|told(?:\s+[A-Z][\w.]*){0,3}|reported|announced|stated|added|confirmed|"
                         r"wrote|claimed)\s+(?:(?:late|early)\s+)?(?:on\s+)?$")


SAID_AFTER = re.compile(r",?\s+(?:said|says|told|reported|announced|stated|claimed|confirmed)\b")


def _statement_dated(text: str, start: int, end: int, found, published: dt.date | None) -> bool:
    """The date nearest the trigger belongs to a speech verb ("the military said Wednesday")."""
    found = [x for x in found if published is None or x.date <= published]
    if not found or RELATIVE_BEFORE.search(text[max(0, start - 45):start]):
        return False      # "a week after the fall of X": counted back from the statement day
    best = min(found, key=lambda x: min(abs(x.start - end), abs(start - x.end)))
    # "the military said Wednesday", "Ukraine on Friday said it has liberated X"
    return bool(SAID_BEFORE.search(text, max(0, best.start - 40), best.start) or SAID_AFTER.match(text, best.end))


def _own_day(text: str, start: int, end: int, found, published: dt.date) -> dt.date | None:
    """A day written right next to the trigger: "the strike on Saturday", "Saturday's attack"."""
    for x in found:
        if x.precision == "day" and x.date <= published and (
                -3 <= x.start - end <= 4 or re.fullmatch(r"['\u2019]s\s+(?:[\w-]+\s+){0,2}", text[x.end:start])):
            return x.date
    return None


def _future(text: str, start: int, end: int, found, published: dt.date | None) -> bool:
    """The date nearest the trigger lies after publication: a plan or schedule, not news."""
    if not found or published is None:
        return False
    best = min(found, key=lambda x: min(abs(x.start - end), abs(start - x.end)))
    return best.date > published


def _metonymy(text: str, mention) -> bool:
    """ "Kyiv's forces", "Moscow said": a capital standing for a government is not a place."""
    check = getattr(places, "is_metonymy", None)
    if check is not None:
        return bool(check(text, mention))
    return bool(re.match(r"(?:'s|\u2019s)\s|\s+(?:said|says|claimed|denied|reported)\b", text[mention.end:]))


def _clause_before(text: str, start: int) -> str:
    """The words before the trigger back to the clause start."""
    cut = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    return text[cut:start]


def _reported(text: str, start: int, end: int, m: re.Match, event_type: str) -> str | None:
    """The event type when the clause reports the trigger as happened, else None."""
    before = _clause_before(text, start)
    near = before[-60:]
    if NEGATION_BEFORE.search(near):
        return None
    word = re.match(r"[A-Za-z]*", text[start:]).group(0)
    if word.endswith("ed") and re.search(r"(?i)\b(?:the|its|their|recently|newly|all|these|those)\s+$", near) \
            and re.match(r"\s+(?:settlements|villages|territor(?:y|ies)|areas|towns|lands?|regions|positions)\b",
                         text[start + len(word):], re.I):
        return None   # "among the recaptured settlements were X": a description, not the telling of an event
    if re.search(r"(?i)\belsewhere\b", text[end:end + 40]):
        return None   # "made progress elsewhere in the region": no one place
    if BARE_VERB.fullmatch(word) and INFINITIVE_AND.search(before[-90:]):
        return None   # "in an attempt to breach the defences and advance to X": a plan
    if event_type in ("assault", "advance", "capture") and ATTEMPT_BEFORE.search(near):
        return "assault"      # "attempted to storm X", "tried to advance on X": an assault that failed
    if re.search(r"(?i)\b(?:close\s+to|near\s+to|on\s+the\s+(?:verge|brink)\s+of|poised\s+to)\s*$", near):
        return None   # "close to seizing control of X": not yet
    if event_type == "capture" and re.match(r"(?i)liberated\s+(?:settlements|villages|towns|territories|areas|lands|cities)\b",
                                            text[start:start + 40]):
        return None   # "other liberated settlements in the region": a description
    if INTENT_BEFORE.search(near):
        done = HAPPENED_BEFORE.search(near[-45:])
        # "continue to advance" happened; "may be forced to retreat" did not
        if not done or INTENT_BEFORE.search(near[:len(near) - 45 + done.start()] if len(near) > 45
                                            else near[:done.start()]):
            return None
    if re.search(r"\b(?:biggest|largest|worst|deadliest|heaviest|first|most\s+\w+|greatest)\b[^,;]*\bsince\s+"
                 r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}$", before[-90:], re.I):
        return None   # "the biggest gain since a lightning counteroffensive in X": an earlier event, a yardstick
    if (m.groupdict().get("nominal") or NOMINAL.match(text, start)) and SINCE_BEFORE.search(before[-50:]) \
            and not RELATIVE_BEFORE.search(text[max(0, start - 45):start]):
        return None   # "the anniversary of the liberation of X", "a year since the capture of X"
    if m.groupdict().get("nominal") or NOMINAL.match(text, start):
        # "The fall of X ... would let Moscow", "Capturing X would allow": a hypothesis
        rest = text[end:]
        if MODAL_AFTER.search(rest) and not RELATIVE_BEFORE.search(text[max(0, start - 40):start]):
            return None
    return event_type


ADMIN_UNIT_AFTER = re.compile(r"\s+(?:urban\s+|rural\s+|village\s+|settlement\s+)?(?:community|municipality|"
                              r"hromada|district|raion)\b", re.I)
# between two listed places: commas and "and", a community that locates the one before, and
# names the gazetteer does not know ("X and Basiwka in the Y municipality and Z")
LIST_GAP = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+in\s+the\s+[A-Z][\w'’-]+(?:\s+[\w'’-]+)?" + ADMIN_UNIT_AFTER.pattern
                      + r"|\s*\b[A-Z][\w'’-]+)*?(?:\s*,\s*(?:and\s+)?|\s+and\s+)")


def _object_places(text: str, start: int, end: int, next_start: int, mentions, m: re.Match,
                   event_type: str = "") -> list[str]:
    # "the strategic Donbas city of Artyomovsk": the region only describes the city named after it
    mentions = [p for n, p in enumerate(mentions) if not (p.kind in ("region", "oblast") and n + 1 < len(mentions)
                and REGION_OF_CITY.match(text, p.end))]
    """The place the trigger acts on, and places coordinated with it ("fighting in X and Y")."""
    stop = min(next_start, _clause_end(text, end))
    if m.groupdict().get("fell"):
        # "Vuhledar fell on Tuesday", "the town fell": only the place just before; "prices fell
        # in Odesa", "shells fell on X" are not captures
        just = [p for p in mentions if p.end <= start and _subject(text, p)
                and re.fullmatch(r"\s*(?:finally\s+|eventually\s+)?", text[p.end:start])]
        return [just[-1].name] if just else []
    if stop < len(text) and text[stop] == ":" and UNNAMED_PLACES.search(text, end, stop) \
            and not re.search(r"[.;]", text[end:stop]):
        # "captured four villages in the border zone: X and Y, and Z": the list names them
        # the community a village is in ("X in the Khotin community") locates, it is not listed
        after = [p for p in mentions if p.start > stop and p.start < _clause_end(text, stop + 1) + 1
                 and not ADMIN_UNIT_AFTER.match(text, p.end)]
        listed = after[:1]
        for prev, p in zip(after, after[1:]):
            if not LIST_GAP.fullmatch(text, prev.end, p.start) \
                    and not re.fullmatch(r"\s+in\s+the\s+[\w\s-]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)", text[prev.end:p.start]):
                break
            listed.append(p)
        if listed:
            return list(dict.fromkeys(p.name for p in listed if p.kind in SETTLEMENT_KINDS))
    first = _object_place(text, start, end, stop, mentions, m, event_type)
    if first is None:
        return []
    if (places.place_info(first) or {}).get("kind") in ("oblast", "region"):
        listed = _listed_before(text, start, mentions, first)
        if listed:
            return listed       # "X, Y and Z in the Kherson region have been liberated": the towns
    out = [first]
    rest = [p for p in mentions if p.start >= end and p.start < stop]
    at = next((k for k, p in enumerate(rest) if p.name == first), None)
    # "a wedge between X and Y" is one event between them, not one at each
    if at is not None and not re.search(r"\bbetween\b", text[end:rest[at].start]):
        for prev, p in zip(rest[at:], rest[at + 1:]):
            if not COORDINATED.match(text[prev.end:p.start]) or _axis_after(text, p):
                break
            if p.kind == "oblast" and prev.oblast == p.name:
                continue        # "in Kremenchuk, Poltava region": the town and where it lies, one event
            if p.name not in out:
                out.append(p.name)
    return out


def _listed_before(text: str, start: int, mentions, region: str) -> list[str]:
    """The settlements a passive's subject lists before "in the <region>"."""
    before = [p for p in mentions if p.end <= start]
    k = next((k for k in range(len(before) - 1, -1, -1) if before[k].name == region), None)
    if not k or not re.fullmatch(r"\s+in\s+(?:the\s+)?", text[before[k - 1].end:before[k].start]):
        return []
    out = [before[k - 1]]
    for j in range(k - 2, -1, -1):
        if not re.fullmatch(r"\s*,\s*(?:and\s+)?|\s+and\s+", text[before[j].end:out[0].start]):
            break
        out.insert(0, before[j])
    return [p.name for p in out] if all(p.kind in SETTLEMENT_KINDS for p in out) else []


def _axis_after(text: str, p) -> bool:
    """ "the Pokrovsk sector", "the Bakhmut direction": an axis named after a town."""
    return bool(AXIS_AFTER.match(text, p.end))


def _object_place(text: str, start: int, end: int, stop: int, mentions, m: re.Match, event_type: str = "") -> str | None:
    """The place the trigger acts on: named after it in the same clause, or before it for
    passives and intransitives ("Bakhmut fell", "Avdiivka was captured"), or the place a
    sentence opens with ("In Kherson, Russian shelling killed two")."""
    # "repelled 47 attacks in the Pokrovsk direction": counted attacks on an axis are fighting at its town
    axis_ok = bool(re.match(r"(?i)(?:attacks?|assaults?)\s+(?:in|near|on|along|around|at)$", m.group(0).strip()))
    after = [p for p in mentions if end <= p.start < stop and _object_gap(text[end:p.start], m)
             and (axis_ok or not _axis_after(text, p))]
    # "captured two villages in Donetsk region": the region only locates unnamed places (but
    # "fired 39 times at the settlements of Sumy Oblast" is a strike on the region)
    if event_type != "strike":
        after = [p for p in after if p.kind in SETTLEMENT_KINDS or not UNNAMED_PLACES.search(text[end:p.start])]
    # "the village of Buhruvatka in the Kharkiv region": a settlement the gazetteer lacks is the
    # object; the region after it only locates it
    after = [p for p in after if p.kind in SETTLEMENT_KINDS or not UNKNOWN_SETTLEMENT.search(text[end:p.start])]
    # "north of Bakhmut, Berkhivka": a place after "north of" is a reference point, so a place
    # named without one wins; "advanced west of Stepove" alone still places it at Stepove
    after = [p for p in after if not REFERENCE_BEFORE.search(text[end:p.start])] or after
    if after:
        return after[0].name
    trig = m.group(0).strip()
    passive_ok = not re.match(r"(?i)(?:hit|struck)\s+by\b", trig) or re.search(
        r"(?i)(?:\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?|,\s*)$", text[max(0, start - 30):start + len(m.group(0)) - len(m.group(0).lstrip())])
    # "X was allegedly struck by a missile", "the hospital in X, hit by a missile": X; "a building in
    # X struck by the missile": no telling of X's strike
    if PLACE_BEFORE_OK.search(trig) and passive_ok and not OWN_OBJECT.match(text, end):
        cut = start - len(_clause_before(text, start))
        before = [p for p in mentions if cut <= p.start and p.end <= start and start - p.end <= 40
                  and not REFERENCE_BEFORE.search(text, max(0, p.start - 40), p.start)
                  and not re.search(r"(?i)\b(?:of|near|outside)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:city|town|village)\s+of\s+$",
                                    text[max(0, p.start - 50):p.start])
                  # "X, a suburb outside Kyiv, was retaken": a place after "outside" only locates the subject
                  and (trig[:6].lower() == "evacua"       # "people in and around X were evacuated": X
                       or not re.search(r"(?i)\b(?:outside|near|around|close\s+to|beyond)\s+$", text[max(0, p.start - 12):p.start]))]
        if not before:
            # "the village of X, also located south of Y, had been retaken": X, before its appositive
            ap = [p for p in mentions if cut <= p.start and p.end <= start and
                  re.fullmatch(r",[^,;]{1,90},\s*(?:(?:had|has|have|was|were|been|is|are|now|also)\s+)*",
                               text[p.end:start])]
            before = ap[:1]
        if STATE_TRIGGER.match(m.group(0)):
            before = [p for p in before if SUBJECT_GAP.match(text[p.end:start]) and _subject(text, p)]
        if before:
            return before[-1].name
    lead = LEAD_PLACE.match(text)
    # "In Kyiv, Zelensky said ...": the place of a statement, not of what it reports
    if lead and lead.end() <= start and not dates.SPEECH.search(text, lead.end(), start):
        inside = [p for p in mentions if p.start < lead.end() and not _axis_after(text, p)]
        if inside:
            return inside[-1].name
    return None


def _subject(text: str, p) -> bool:
    """The place could be the subject of a state verb ("the town of X fell"), not the object of
    a preposition ("prices in X fell", "Ukrainians from X are now in Russian hands")."""
    if re.search(r"\b(?:city|town|village|settlement|hub|stronghold)\s+of\s+$", text[max(0, p.start - 20):p.start]):
        return True
    return not re.search(r"\b(?:from|of|near|in|to|at|around|outside)\s+$", text[max(0, p.start - 8):p.start])


def _object_gap(gap: str, m: re.Match) -> bool:
    """Words between a trigger and its place: close for verbs like "took", a noun phrase such
    as "the outskirts of the eastern city of" otherwise; an axis ("in the direction of") is
    not a place."""
    fire = re.fullmatch(r"(?i)struck|hit", m.group(0)) is not None
    if AXIS.search(gap) or (TAKES_OBJECT.match(m.group(0)) and (NOT_A_TARGET if fire else NOT_TERRITORY).search(gap)):
        return False   # "captured 20 soldiers near X", "struck a deal in X"
    if re.search(r",\s+\S+\s+(?:\S|$)", gap) and not OBJECT_NP.match(gap):
        return False   # "in the fall of 2022, Ukraine liberated Kherson": another clause
    if TAKE.match(m.group(0)):
        # "took the town of X", "took back X"; not "took part in talks in X"
        return not TAKE_IDIOM.match(gap) and (len(gap) <= 12 or bool(OBJECT_NP.match(gap)))
    if len(gap) <= 40 or OBJECT_NP.match(gap):
        return True
    return not TIGHT.search(m.group(0)) and len(gap) <= 90


def _clause_end(text: str, pos: int) -> int:
    m = CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


def _event_date(text: str, start: int, end: int, found, published: dt.date | None):
    """The date nearest the trigger; "(less than) a week after the fall of X" counts back from
    it; without any date the event is dated to publication with week precision."""
    rel = RELATIVE_BEFORE.search(text[max(0, start - 90):start])
    candidates = [x for x in found if published is None or x.date <= published]
    if candidates:
        # the nearest date in the trigger's own clause first ("on January 1 (December 31 GMT), ... fired")
        best = min(candidates, key=lambda x: (
            1 if CLAUSE_CROSS.search(text, min(start, x.end), max(end, x.start)) else 0,
            min(abs(x.start - end), abs(start - x.end))))
        anchor, precision = best.date, best.precision
    elif (when := WHEN_YEAR.search(text, max(0, start - 120), start)) and \
            (published is None or int(when.group("y")) <= published.year):
        anchor, precision = dt.date(int(when.group("y")), 1, 1), "year"   # "since 2014, when ... seized X"
    elif published:
        anchor, precision = published, "week"
    else:
        return None, None
    if rel:
        days = dates.count_days(rel.group("n"), rel.group("unit"), bool(rel.group("lt")))
        return anchor - D(days=days), "week" if rel.group("unit").lower().startswith("week") else precision
    return anchor, precision
