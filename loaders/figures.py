"""Figures from sentences: which numbers count casualties, people, attacks, strikes,
equipment, distances or territory, and whose they are.

For every quantity `numbers.find_numbers` finds in a sentence we read three things:
the words before it ("killed 12", "repelled 85"), the noun phrase after it ("Russian
soldiers", "attacks", "tanks") and the verb after that ("were injured", "remain").
A small decision table (`_kind`) turns those into a kind or into nothing: a number
whose kind no rule can decide is skipped, because a wrong number on a casualty chart
is worse than a missing one. Side, place and period are then looked up; when they
cannot be decided the figure is kept with NULL.

The words themselves live in `lexicon.py`.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from . import claimants, coref, dates, places
from . import lexicon as L
from .document import Doc
from .model import Figure, Sentence
from .numbers import POP_COMPOUND, Quantity, find_numbers
from .prefilter import Gated

PEOPLE_KINDS = {"killed", "wounded", "killed_or_wounded", "captured", "missing",
                "population_prewar", "population_remaining", "evacuated"}
# Descriptions of a place rather than claims about the war: the outlet's own voice unless a
# speaker is named with them, so a speaker carried from earlier sentences does not take them.
BACKGROUND_KINDS = {"population_prewar", "distance_km", "territory_pct"}
CASUALTY_KINDS = {"killed", "wounded", "killed_or_wounded", "captured", "missing"}
UNITS = {"attacks": "count", "strikes": "count", "equipment_lost": "count",
         "distance_km": "km", "territory_pct": "percent"}
KM = {"km": 1.0, "mi": 1.609344, "m": 0.001}


def _alt(items) -> str:
    return "|".join(items)


_I = re.IGNORECASE
_NOUN_ORDER = ("equipment", "munition", "strike", "attack", "military", "civilian", "demonym", "neutral", "trap")
_NOUNS = {c: re.compile(r"(?:%s)\b" % _alt(L.NOUNS[c]), _I) for c in _NOUN_ORDER}
# every class at once: most words are no noun of any class, and one failed match is cheaper than nine
_ANY_NOUN = re.compile(r"(?:%s)\b" % "|".join(_alt(L.NOUNS[c]) for c in _NOUN_ORDER), _I)
_TOKEN = re.compile(r"\s*([A-Za-z][\w'’/-]*|\S)")
# Noun classes a noun may be followed by in one compound ("elderly civilians", "MLRS attacks").
_COMPOUND = {"equipment": ("attack", "strike"), "munition": ("attack", "strike"), "trap": ("strike",),
             "civilian": ("civilian", "military"), "military": ("military",),
             "neutral": ("civilian", "military", "attack", "strike", "equipment", "munition")}
_NP_STOP = re.compile(
    r"(?:in|on|at|near|from|to|by|with|for|during|since|after|before|and|or|but|who|which|that|whom|whose"
    r"|were|was|have|has|had|are|is|will|would|could|may|might|as|than|into|across|over|under|amid"
    r"|while|when|where|said|says|according|per|including|among|out|each|every|a|an|this|last|next|overnight"
    r"|yesterday|today|earlier|later|so|too|also|again)$", _I)
_OF_DET = re.compile(r"of\s+(?:its|their|our|his|her|the|those|these|whom)\b", _I)

_AFTER = re.compile(
    r"(?:\s*(?:(?:%s)\b|(?<=\s)[–—-](?=\s)|\s[–—]\s[^–—.;]{1,80}?\s[–—]|,\s*(?:including|among\s+them|most\s+of\s+them|most|mostly|many\s+of\s+them)\s+(?:[^,.;]|(?<=\d)[,.](?=\d{3})){1,60},|,|[\"”](?=\s)|"
    r"(?:who|that|which)\s+[^.;]{1,80}?(?=\s*,?\s+(?:were|was|have|has|had|are|is)\s)|"
    # "959 troops holed up in the plant have surrendered", "40 soldiers based in the town were killed"
    r"(?:holed\s+up|based|stationed|deployed|serving|fighting|entrenched|encircled|surrounded|launched|fired|sent|heading|flying)"
    r"\s+(?:in|at|on|near|inside|around|from|towards?|over|into)\s+"
    r"[^.;,]{1,50}?(?=\s+(?:were|was|have|has|had|are|is)\s)|(?:in|near|at|on|from|across|of)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?(?:\s+(?:region|oblast|province|district))?|(?:in|from|of|at|near)\s+(?:his|her|their|its|our|the|a|these|those|this|that)\s+(?:[\w-]+\s+){0,2}?[\w-]+))*\s*(?:%s)"
    % (L.AFTER_FILLER, _alt(f"(?P<{k}>(?:{_alt(v)})\\b)" for k, v in L.AFTER)), _I)
_AFTER_KINDS = [k for k, _ in L.AFTER]
_VERB_START = re.compile(r"(?:%s)\b" % _alt(_alt(v) for _, v in L.AFTER), _I)
_BEFORE = re.compile(
    r"\b(?:%s)(?:\s+(?:%s))*\s*$" % (_alt(f"(?P<{k}>{_alt(v)})" for k, v in L.BEFORE), L.BEFORE_FILLER), _I)
_BEFORE_KINDS = [k for k, _ in L.BEFORE]
# "launched from Ukraine", "heading towards the capital": where munitions were going, before their verb
_MUNITION_ROUTE = r"(?:\s+(?:launched|fired|sent|heading|flying)\s+(?:from|at|towards?|over|into|by)\s+[^.;,]{1,40}?(?=\s+(?:were|was|have|had)\s))?"
_EQUIP_LOSS_AFTER = re.compile(
    r"(?:\s+and\s+other\s+(?:[\w-]+\s+){0,2}?[\w-]+)?"     # "1,600 tanks and other armored vehicles destroyed"
    + _MUNITION_ROUTE +     # "19 drones launched from Ukraine were destroyed"
    r"\s*(?:(?:were|was|have|has|had|been|reportedly|also|all|,|[a-z]+ed\s+(?:and|or))\s+)*(?:destroyed|lost|damaged|knocked\s+out"
    r"|captured|seized|hit|disabled|abandoned|written\s+off|taken\s+out|neutrali[sz]ed)\b", _I)
# "..., of which 40 were shot down", "19 drones launched from Ukraine were shot down"
_SHOT_DOWN_AFTER = re.compile(_MUNITION_ROUTE + r"\s*(?:,\s*)?(?:of\s+which|(?:which\s+|that\s+)?(?:were|was|have\s+been|had\s+been|"
                              r"could\s+be|could\s+have\s+been))\s+(?:\w+\s+)?(?:%s)" % L.SHOT_DOWN, _I)
# "54 armoured vehicles, including seven tanks, had been destroyed": a list shares the loss verb
_SHARED_LOSS = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as|including)\s+[^.;:]{1,60}?\s(?:were|was|have|has|had)\s+"
                          r"(?:also\s+)?(?:been\s+)?(?:reportedly\s+|also\s+)?(?:destroyed|lost|damaged|knocked\s+out|captured|disabled)\b", _I)
_LOSS_VERB = re.compile(r"\b(?:(?:lost|lose|loses|losing)(?!\s+(?:control|contact|track|power|communications?|connection|signal)\b)|losses|loss|destroyed|destroying|knocked\s+out|captured|damaged|shot\s+down|"
                        r"eliminated|eliminating|neutrali[sz]ed|wiped\s+out|"
                        r"shooting\s+down|downed|downing|sank|sunk|sinking)\b", _I)
# "shot down a Russian Su-34 and two helicopters": a loss verb heads a list the number closes
_EQUIP_VERB_LIST = re.compile(r"\b(?:destroyed|destroying|shot\s+down|downed|sank|sunk|knocked\s+out|lost|disabled)\s+"
                              r"(?:[A-Za-z][\w'’-]*\s+){0,5}[A-Za-z][\w'’-]*(?:\s*,|\s+and)\s*$", _I)
_CIVILIANS_NAMED = re.compile(r"\b(?:civilians?|residents|inhabitants|locals|children|population|villagers)\b", _I)
_CIVILIAN_WORD = re.compile(r"\b(?:civilians?|people|residents|children|inhabitants)\b", _I)
_LOSS_NOUN = re.compile(r"\b(?:losses|casualties|fatalities|deaths|death\s+toll|casualty\s+toll|toll)\b", _I)
_LOSS_ONLY = re.compile(r"\b(?:lost|losses|loss|lose|loses|losing|suffered)\b", _I)
_STRIKE_MOD = re.compile(r"\b(?:%s)\b" % L.STRIKE_MODIFIERS, _I)
_TIMES = re.compile(r"^\s+times\b", _I)
_TIMES_VERB = re.compile(r"\b(?:%s)\b" % L.TIMES_VERBS, _I)
_LAUNCH = re.compile(r"\b(?:launch(?:ed|ing|es)?|fire[sd]?|firing|attack(?:ed|s)|struck|hit|targeted|pounded|used|using|"
                     r"drop(?:s|ped|ping)?|sent)\b", _I)
_STRIKE_AFTER = re.compile(L.STRIKE_AFTER, _I)
_SUBSET_SHOT = re.compile(r"\s*(?:of\s+them\s+|of\s+which\s+)?(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:%s)" % L.SHOT_DOWN, _I)
_DRONE = re.compile(r"\b(?:drones?|uavs?|unmanned|shaheds?|gerans?|lancets?|orlans?)\b", _I)
_SHOT_DOWN = re.compile(r"\b(?:%s)\b" % L.SHOT_DOWN, _I)
_SWAP = re.compile(r"\b(?:%s)" % L.SWAP, _I)
_PRISONER = re.compile(r"(?:prisoners?|pows?|captives?)\b", _I)
_PREWAR = re.compile(L.PREWAR, _I)
_REMAINING = re.compile(L.REMAINING, _I)
_CONTROL = re.compile(r"\b(?:%s)\b" % L.CONTROL, _I)
_TERRITORY = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:%s)\b" % L.TERRITORY_OBJECT)
_TERRITORY_NOT = re.compile(r"^\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:%s)\b" % L.TERRITORY_NOT, _I)
# ("range" of a weapon, but not a firing range "located 30 km from" a city)
_DIST_NOT = re.compile(r"\b(?:(?<!military )(?<!firing )(?<!training )range(?!\s*(?:,\s*)?(?:is\s+|was\s+)?(?:located|situated|lies|sits))|long|length|stretch(?:es|ed|ing)?|wide|width|altitude|height|radius|deep|depth|area(?!\s+around)|zone)\b", _I)
_DIST_NOT_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:-?long|stretch|wide|range|radius|area|zone|front\s+line\b(?!\s*[,.]))", _I)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s|\(|\)|,\s+(?:while|whereas)\b(?!\s+\w+ing\b)", re.I)
_SIDE = re.compile(r"\b(?:%s)(?![\w-])" % _alt(f"(?P<{k}>{_alt(v)})" for k, v in L.SIDE_WORDS.items()), _I)
_ADJ_SIDE = re.compile(r"(?:russian|ukrainian|pro-russian|russian[-\s]backed)$", _I)
_AGENT_AFTER = re.compile(r"^\s+(?:[\w'’-]+\s+)?(?:%s)\b" % L.AGENT_NOUNS, _I)
_NOT_AGENT_AFTER = re.compile(r"^(?:\s|-)*(?:%s)" % L.NOT_AGENT_AFTER, _I)
_TARGET_BEFORE = re.compile(
    r"\b(?:on|against|at|toward|towards|targeting|into|of|attacked|attacking|struck|striking|shelled|shelling|hit|"
    r"hitting|bombed|bombing|pounded|pounding|targeted|invaded|invading)\s+(?:the\s+)?(?:(?:positions|areas|concentrations?|"
    r"units|defen[cs]es|lines|troops|forces)\s+(?:of\s+)?(?:the\s+)?)*$", _I)
_PLACE_PREP = re.compile(r"\b(?:in|near|around|outside|at|of|inside|into|for|across|over|towards?|on|from)\s+(?:the\s+)?"
                         r"(?:(?:Russia|Ukraine)['’]s\s+)?"      # "on Russia's Kursk Region"
                         r"(?:(?:town|city|village|region|oblast|province|settlement|district|entire|whole|frontline|front-line|"
                         r"eastern|western|southern|northern|besieged|embattled|ruined|industrial|strategic|key)\s+(?:of\s+)?)*$", _I)
_TITLE_BEFORE = re.compile(r"(?:governor|mayor|head|chief|leader|ruler|administration|spokes(?:person|man|woman)|commander|police|"
                           r"council|prosecutor|ombudsman|official)s?\s+(?:of\s+)?(?:the\s+)?$", _I)
_TITLE_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:regional\s+|military\s+|city\s+)*(?:governor|mayor|officials?|authorities|"
                          r"administration|prosecutors?|police|council|military\s+administration|head|chief|said|says|stated|states|announced|"
                          r"claims?|claimed|reported|forces|troops|army|"
                          r"military(?!\s+(?:range|base|training|academy|camp|airfield|unit|hospital|school|site|facility|"
                          r"installation|compound|barracks|town))|'s|’s|(?:state\s+)?emergency\s+services?|"
                          r"air\s+force|navy|general\s+staff|(?:defen[cs]e\s+|interior\s+|foreign\s+)?ministry|"
                          r"border\s+(?:guard|service)|national\s+(?:guard|police)|security\s+service)\b", _I)
_DIRECTION_OF = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?"
                           r"(?:(?:[\w-]+\s+)?(?:city|town|village|settlement)\s+of\s+)?$", _I)   # "west of the Russian-held city of X"
# "... 73% of its land", "80 per cent of the area": a share of a place named earlier in the sentence
_SHARE_OF_IT = re.compile(r"\s*(?:per\s*cent|percent)?\s+of\s+(?:its|the|this|that)\s+(?:[a-z]+\s+)?"
                          r"(?:land|territory|area|region|oblast|province)\b", re.I)
_SECTOR_AFTER = re.compile(r"\s+(?:direction|sector|axis)s?\b", re.I)
# "Donetsk territory", "Donetsk, a region in Ukraine's southeast": the oblast, not its capital
_NAMES_REGION = re.compile(r"^(?:\s+(?:region|oblast|province|territory)\b|,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:region|oblast|province)\b)", _I)
# The figure is about no one place: never use a place for it.
_NO_PLACE = re.compile(r"\belsewhere\b|\bnationwide\b|\bacross\s+(?:the\s+)?(?:country|ukraine|russia)\b|"
                       r"\b(?:whole|entire)\s+(?:front|country)\b|\bsections\s+of\s+the\s+front\b|"
                       r"\balong\s+the\s+(?:entire\s+|whole\s+)?front(?:\s+line|line)?\b(?!\s+(?:city|town|village))|"
                       r"\bon\s+(?:all|several|various|different)\s+(?:sections|parts|axes|directions|fronts)\b", _I)
# A war-wide total: do not fall back to the article's main city.
_WAR_WIDE = re.compile(r"\bsince\s+the\s+(?:start|beginning|outset)\s+of\s+(?:the|its|russia'?s?|moscow'?s?)\s+"
                       r"(?:" + L.WAR_SCALE + r"\s+)?(?:war|invasion|conflict)|\bsince\s+(?:russia|moscow)\b|\bin\s+the\s+war\b|"
                       r"\b" + L.WAR_SCALE + r"\s+invasion\b|\bsince\s+(?:february\s+)?2022\b|\bsince\s+2014\b|\bin\s+total\b|"
                       r"\boverall\b|\bso\s+far\s+in\s+the\b|\bsince\s+the\s+war\s+began\b|\bof\s+the\s+war\b", _I)

# Slow patterns most windows cannot match: tried only where a word they need occurs.
_BEFORE, _AFTER, _TITLE_BEFORE, _WAR_WIDE = map(Gated, (_BEFORE, _AFTER, _TITLE_BEFORE, _WAR_WIDE))
_SIDE_SCAN = Gated(_SIDE)      # for scans of a stretch; single words test _SIDE itself


_NOT_NOUNS = frozenset("this thus plus less towards afterwards always perhaps sometimes besides whereas "
                       "nevertheless overseas elsewhere nowadays yesterday today tonight overnight".split())


@dataclass
class _Read:
    """What the words around one quantity say."""
    head: str | None          # noun class after the number
    head_text: str
    mods: str                 # words between the number and the head noun
    np_end: int               # offset (sentence) where the noun phrase ends
    after: str | None         # kind-ish verb after the noun phrase
    before: str | None        # verb class before the number
    before_start: int
    colon: str | None = None  # "losses: N ..." heading a list
    unknown: bool = False     # an unknown noun follows the number and no known one
    loss_after: bool = False  # "... were destroyed" after an equipment noun phrase


def extract_figures(ctx: Doc) -> list[Figure]:
    out: list[Figure] = []
    last: dict = {}     # sentence index and side of the last casualty figure ("60 others were wounded")
    tally = None        # the header of a line-per-item list being read ("Russian losses:")
    for i, sent in enumerate(ctx.sentences):
        tally = _tally_state(sent.text, i, tally)
        out.extend(_sentence_figures(ctx, i, sent, last, tally if tally and tally["i"] < i else None))
    coref.unify_mentions(out)
    coref.fill_sides(ctx, out)
    coref.fill_places(ctx, out)
    coref.unify_mentions(out)      # sides and places filled from context spread to the other mentions
    return out


# --- line-per-item tallies: "Russian losses since the invasion:" then "* 10,268 tanks",
# "aircraft - 369", "artillery systems: 24,148" on lines of their own --------------------------
_TALLY_HEAD = re.compile(r"\b(?:losses|casualties|lost|destroyed|shot\s+down|downed|eliminated|liquidated|"
                         r"neutrali[sz]ed|killed|wounded|injured)\b", _I)
_TALLY_ITEM = re.compile(r"^\s*(?:[*•·▪‣◦–—-]\s*|\d+[.)]\s+)?(?P<noun>[A-Za-z][\w\s'’/()-]{0,60}?)?\s*"
                         r"(?:[-–—:=]\s*)?(?:(?:about|around|over|more\s+than|up\s+to|nearly|some)\s+)?$", _I)
_HELD_BY_SIDE = re.compile(r"\b(Russian|Ukrainian|Moscow|Kyiv)(?:-|\s+)(?:controlled|occupied|held)\b", _I)
TALLY_LINE = 100      # an item is a short line; prose ends the list


def _tally_state(text: str, i: int, tally: dict | None) -> dict | None:
    """The header the sentence opens (a line ending in ':' that names losses or control), the
    one it continues as a short item line, or None."""
    stripped = text.rstrip()
    if stripped.endswith(":") and (_TALLY_HEAD.search(stripped) or _CONTROL.search(stripped)):
        cm = _COLON_LIST.search(stripped)
        kind = {"killed": "killed", "wounded": "wounded"}.get(cm.lastgroup if cm else "", "killed_or_wounded")
        return {"i": i, "last": i, "text": stripped, "colon": kind,
                "control": bool(_CONTROL.search(stripped)) and not _TALLY_HEAD.search(stripped)}
    if tally and tally["last"] == i - 1 and len(stripped) <= TALLY_LINE:
        tally["last"] = i
        return tally
    return None


_LABEL_LINE = re.compile(r"^\s*(?:[*•·▪‣◦–—-]\s*)?(?P<label>[A-Z][\w'’ -]{1,40}?)\s*(?:[-–—:]|\s[-–—]\s)\s*(?:about\s+|around\s+)?$")


def _labelled_region(ctx: Doc, i: int, t: str, q: Quantity, tally: dict) -> str | None:
    """ "Kherson — 72%" under a control header: the place the line's label names, as the region
    when the header speaks of regions."""
    m = _LABEL_LINE.match(t[:q.start])
    if not m:
        return None
    found = [p for p in ctx.places(i) if p.start < m.end("label") and p.end > m.start("label")]
    if not found:
        return None
    p = found[0]
    if p.kind not in ("oblast", "region") and p.oblast and re.search(r"\b(?:regions?|oblasts?|provinces?)\b", tally["text"], _I):
        return p.oblast
    return p.name


def _header_side(tally: dict, cside: str) -> str | None:
    """Whose losses a header names: the side word before its loss word ("Russian losses:", "the
    enemy's losses, as reported by the Ukrainian military:" is the enemy's, not the reporter's),
    else one just after it ("losses of the Russian army:"); whose control for a control header."""
    h = tally["text"]
    if tally["control"]:
        held = _HELD_BY_SIDE.search(h)
        if held:
            return "russia" if held.group(1).lower() in ("russian", "moscow") else "ukraine"
        if re.search(r"\boccup", h, _I) and not _side_terms(h, 0, len(h), cside):
            return "russia"     # "the occupation by region": in this war, Russia's
    terms = [x for x in _side_terms(h, 0, len(h), cside) if x[2] != "target"]
    loss = _TALLY_HEAD.search(h)
    if loss is None:
        return next((x[1] for x in terms if x[1]), None)
    before = [x for x in terms if x[0] < loss.start()]
    if before:
        return before[-1][1]
    after = [x for x in terms if loss.end() <= x[0] <= loss.end() + 30]
    return after[0][1] if after else None


def _tallied(t: str, q: Quantity, r: _Read, tally: dict) -> _Read:
    """An item under a loss header: the header's kind, and the noun before the number when the
    line reads 'aircraft - 369'."""
    if tally["control"]:
        return r
    head, head_text = r.head, r.head_text
    if head is None:
        m = _TALLY_ITEM.match(t[:q.start])
        noun = (m.group("noun") or "").strip() if m else ""
        for cls in _NOUN_ORDER if noun else ():
            if _NOUNS[cls].fullmatch(noun):
                head, head_text = cls, noun
                break
    return dataclasses.replace(r, head=head, head_text=head_text, colon=r.colon or tally["colon"])


def _sentence_figures(ctx: Doc, i: int, sent: Sentence, last: dict, tally: dict | None = None) -> list[Figure]:
    qs = find_numbers(sent.text)
    if not qs:
        return []
    live = [q for q in qs if q.trap is None]
    if not live:
        return []
    figs: list[Figure] = []
    carried: list[Figure] = []      # figures whose claimant the discourse carried in
    prev: tuple[Quantity, str, str | None] | None = None   # (quantity, kind, side) of the last figure
    mentions = None
    reads = _reads(sent.text, live)
    continued_place = last.get("place") if last.get("fig_i") == i - 1 and _ANOTHER.match(sent.text) else None
    item_kind = _place_item_kind(ctx, i, last)
    if tally is not None:
        reads = [_tallied(sent.text, q, r, tally) for q, r in zip(live, reads)]
    for n, q in enumerate(live):
        lo = live[n - 1].end if n > 0 else 0
        if n > 0 and _converted(sent.text, live[n - 1], q) and not _km_restates(live[n - 1], q):
            continue
        if n > 0 and _km_restates(live[n - 1], q) and q.qualifier == "exact" and live[n - 1].qualifier != "exact":
            q = dataclasses.replace(q, qualifier=live[n - 1].qualifier, low=live[n - 1].low and q.value,
                                    high=live[n - 1].high and q.value)   # "roughly 15 miles (24 km)"
        if n + 1 < len(live) and _converted(sent.text, q, live[n + 1]) and _km_restates(q, live[n + 1]):
            continue    # "15 miles (24 km)": the kilometres the page gives, not our conversion
        before_q = [x for x in qs if x.end <= q.start]
        if before_q and before_q[-1].unit == "area" and re.fullmatch(
                r"(?:\s*(?:sq\.?|square)\s*(?:kilomet(?:er|re)s?|km|miles?|mi)|\s*km2|\s*hectares?)?\s*[(\[]\s*"
                r"(?:about|around|some|roughly|nearly|almost)?\s*", sent.text[before_q[-1].end:q.start], _I):
            continue    # "1,250 square kilometers (483 miles)": the same area restated
        if _historical(sent.text, q):
            continue    # "at Iwo Jima almost 7,000 Marines were killed": another war, told for comparison
        r = reads[n]
        if prev is not None and prev[0] is live[n - 1] and _OF_NEXT.fullmatch(sent.text, prev[0].end, q.start) \
                and not (prev[1] == "equipment_lost" and r.head == "munition") \
                and not _WHOLE_TOLL.match(sent.text, q.end):
            if prev[1] == "population_remaining" and r.head in (None, "civilian", "neutral"):
                kind = "population_prewar"      # "4,000 of the 70,000 residents remain": the town as it was
            else:
                continue    # "20 of the 25 soldiers": 25 is the whole the 20 were counted from
                            # (but "shot down 23 of 28 drones": the 28 were launched, and "three
                            # of the 22 injured are children": the 22 are a toll of their own)
        else:
            kind = _kind(sent.text, q, r, lo, prev)
        if kind is None and "released" in (r.after, r.before) and r.head in _PEOPLE_HEADS \
                and _CAME_HOME.match(sent.text, r.np_end) and _swap_story(ctx, i):
            kind = "captured"   # "... in a prisoner swap. 88 people returned home": the swap's count
        if kind is None and prev is not None and prev[1] == "captured" and r.head in _PEOPLE_HEADS \
                and re.fullmatch(r"\s+(?:for|in\s+exchange\s+for)\s+", sent.text[prev[3].np_end:q.start], _I):
            kind = "captured"   # "185 Ukrainian POWs for 185 Russian soldiers": both sides of the swap
        if kind == "captured" and re.match(r"\s+(?:newly\s+)?captured\s+(?:settlements|villages|towns|localities|positions|areas|"
                                           r"territories|cities)\b", sent.text[q.end:], _I):
            kind = None         # "the three captured settlements": places taken, not prisoners
        if kind == "equipment_lost" and _CIVIL_VEHICLE.fullmatch(r.head_text.strip()) and not _SIDE.search(sent.text) \
                and not _MILITARY_CONTEXT.search(sent.text) and not (prev is not None and prev[1] == "equipment_lost"):
            kind = None         # "About 40 cars were damaged" by a rocket: civilian property, not hardware lost
        if kind == "captured" and _RECRUITED_PRISONERS.match(sent.text, q.end):
            kind = None         # "14,500 recruited prisoners": convicts sent to fight, not prisoners of war
        if kind == "population_remaining" and _LIVING_THEN_MOVED.match(sent.text, q.end):
            kind = "evacuated"  # "493 people, including 299 children, living in X were evacuated"
        inherited, part = None, False
        if kind == "=previous":        # "this figure rose to 7,000": the figure told before
            inherited = last.get("fig") if not figs else (figs[-1].kind, figs[-1].subject_side)
            kind = inherited[0] if inherited else None
        if kind is None and r.head in ("equipment", "military") and last.get("fig_i") == i - 1 \
                and _BREAKDOWN.match(sent.text):
            # "... destroyed 21 pieces of equipment. This includes 2 tanks and 11 armoured
            # vehicles": the breakdown of the total told just before, of its kind and side
            k, sd = last["fig"]
            if (k == "equipment_lost") == (r.head == "equipment") and (k == "equipment_lost" or k in CASUALTY_KINDS):
                kind, inherited = k, (k, sd)
        if kind is None and r.head == "equipment" and not figs and last.get("fig_i") == i - 1 \
                and last["fig"][0] == "equipment_lost" and _TOTAL_OF.search(sent.text, max(0, q.start - 30), q.start):
            # "... have destroyed 227 aircraft since February. "In total, 227 aircraft, 134
            # helicopters, ..." he added": the full list of the losses told just before
            kind, inherited = "equipment_lost", last["fig"]
        if kind is None and q.unit == "percent" and prev is not None and prev[1] == "territory_pct" and re.search(
                r"\b(?:against|compared\s+(?:with|to)|up\s+from|down\s+from|versus|vs\.?)\s+(?:about\s+|around\s+|some\s+)?$",
                sent.text[prev[0].end:q.start], _I):
            kind, inherited = "territory_pct", ("territory_pct", prev[2])   # "70 percent of the region, against 59 percent"
        if kind == "territory_pct" and prev is not None and prev[1] == "territory_pct" and not inherited:
            inherited = ("territory_pct", prev[2])      # "controlled 93% of its land in June but now owns 73%"
        if kind is None and tally is not None and tally["control"] and q.unit == "percent" \
                and _TERRITORY.match(sent.text, q.end) and not _TERRITORY_NOT.match(sent.text[q.end:q.end + 60]):
            kind = "territory_pct"      # "Regions under Russian control:" then "about 75% of Kherson"
        label_place = None
        if kind is None and tally is not None and tally["control"] and q.unit == "percent" and n == 0 \
                and (label_place := _labelled_region(ctx, i, sent.text, q, tally)):
            kind = "territory_pct"      # "The occupation by region is as follows:" then "Kherson — 72% (-)"
        if kind is None and prev is not None and prev[1] in _PLACE_PARTS and r.head in (None, "civilian") \
                and _LOCATIVE_AFTER.match(sent.text, r.np_end if r.head else q.end) \
                and _PART_GAP.fullmatch(sent.text, prev[3].np_end if prev[3].head else prev[0].end, q.start):
            # "6,000 people remain in the zone, including 1,400 in the city of X", "7,000 live
            # in X: 4,000 on the left bank and 3,000 on the right": the total's parts by place
            kind, inherited, part = prev[1], (prev[1], prev[2]), True
        if kind is None and r.head is None and prev is not None and prev[1] == "equipment_lost" \
                and _OVER_REGION.match(sent.text, q.end) and _PART_GAP.fullmatch(sent.text, prev[0].end, q.start):
            # "24 drones: 12 were destroyed over the Moscow region, seven over Belgorod": the total's parts by place
            kind, inherited, part = prev[1], (prev[1], prev[2]), True
        elif kind is None and r.head is None and prev is None and last.get("fig_i") == i - 1 \
                and last["fig"][0] == "equipment_lost" and (o := _OVER_REGION.match(sent.text, q.end)) and o.group("verb"):
            # "Some 45 drones were destroyed, the ministry said. It said 11 were destroyed over the
            # Moscow region, 23 over the Bryansk region": the parts, a sentence after the total
            kind, inherited, part = "equipment_lost", last["fig"], True
        item_place = None
        if kind is None and r.head in (None, "civilian", "neutral"):
            if item_kind:
                kind, inherited = item_kind, (item_kind, last["fig"][1])   # a line "in Pokrovsk, about 11,500 adults;"
            elif prev is not None and prev[1] in _PLACE_PARTS and \
                    (item_place := _place_item(ctx, i, sent.text.rfind(";", 0, q.start))):
                kind, inherited = prev[1], (prev[1], prev[2])   # "...; in Pokrovsk, about 11,500 adults; in ..."
        if kind is None:
            continue
        if kind in ("population_prewar", "population_remaining") and (q.value or q.high or 0) > 3_500_000:
            continue        # "Ukraine's population of 38 million": a country, not a town
        if kind in ("population_prewar", "population_remaining", "evacuated") and prev is not None \
                and re.search(r",\s*including\s+$", sent.text[prev[0].end:q.start][-20:], _I) \
                and not _LOCATIVE_AFTER.match(sent.text, r.np_end if r.head else q.end):
            continue        # "7,000 people, including 500 children, remain": a part of the figure before
        at = sent.start + q.start
        # background facts in the outlet's voice carry no speaker; inside a quote they are the speaker's
        quoted = ctx.in_quote(i, at)
        claimant = _claimant(ctx, i, at, kind not in BACKGROUND_KINDS or quoted or label_place is not None)
        geo_at = live[n - 1].start if n > 0 and _km_restates(live[n - 1], q) else q.start
        if kind == "distance_km" and ((_GEO_DESCRIBED.search(sent.text, max(0, geo_at - 80), geo_at)
                                       and not _TO_THE_FIGHTING.match(sent.text, q.end))
                                      or _FRONT_LENGTH.match(sent.text, q.end)):
            claimant = None     # "Vinnytsia, a city 268 km southwest of Kyiv", "the 1,000-km front": geography
        if kind == "population_prewar" and not quoted and _POP_DESCRIBED.search(sent.text, max(0, q.start - 90), q.start):
            claimant = None     # "the ministry announced the fall of X, which had around 5,000 residents": the outlet's aside
        cside = claimant.side if claimant else "unattributed"
        voice = cside
        if cside == "unattributed" and _ENEMY_WORD.search(sent.text):
            voice = _outlet_side(ctx) or cside     # "the enemy fired 287 times" in a Ukrainian outlet's own voice
        side = _side(kind, sent.text, q, r, lo, voice, prev)
        side_how = "stated" if side else None
        shot_at = _shot_at(sent.text, live[n - 1].start if n > 0 else q.start, cside) \
            if r.head == "munition" and kind in ("strikes", "equipment_lost") else None
        if shot_at and (kind == "equipment_lost" or n > 0 and _OF_NEXT.fullmatch(sent.text, live[n - 1].end, q.start)):
            # "Ukraine's air force downed 3 of 8 missiles and 40 of 55 drones", "Russian air defence
            # shot down 247 drones": the munitions were sent by the side the shooter shot at
            side, side_how = shot_at, "context"
        if side is None and kind in ("strikes", "attacks") and cside in ("ukraine", "russia") \
                and _OUR_SIDE_HIT.search(sent.text):
            side, side_how = _opp(cside), "context"     # "Our positions were shelled 535 times", a Ukrainian says
        if side is None and tally is not None:
            side = _header_side(tally, cside)
            side_how = "context" if side else None
        if side is None and inherited:
            side, side_how = inherited[1], "context"
        if side is None and r.head == "neutral" and kind in CASUALTY_KINDS and prev is None and i > 0:
            side = last.get("side") if last.get("i") == i - 1 else None
            side_how = "context" if side else None
        if side is None and kind in CASUALTY_KINDS and r.head in (None, "neutral", "military") \
                and not _SIDE.search(sent.text) and not _CIVILIAN_WORD.search(sent.text):
            # "... lost 70,000 soldiers killed. In the past year alone, 27,300 deaths were recorded"
            k = last.get(kind)
            if k and k[0] >= i - 1:
                side, side_how = k[1], "context"
        if mentions is None:
            mentions = ctx.places(i)
        # "350 miles (560km) south-east of": the pair sits where its first number starts
        q_at = dataclasses.replace(q, start=geo_at) if geo_at != q.start else q
        place, place_how = _place(ctx, sent.text, q_at, kind, mentions, claimant, sent.start)
        if item_place or label_place:
            place, place_how = item_place or label_place, "stated"      # the item's own place, not a later one
        if place is None and part and figs:
            place, place_how = figs[-1].place, "context"   # "1,300 remain in X, with 700 still in the town"
        if place_how in ("default", None) and continued_place:
            place, place_how = continued_place, "context"   # "... killed 405 in the Kherson region. Another 1,705 were injured."
        if kind == "strikes" and side is None and place:
            # "four missile strikes in Lviv": whoever fired at a town one side holds is the other
            side = _opp(claimants._place_side(place, places))
            side_how = "context" if side else None
        figs.append(_figure(ctx, sent, q, kind, side, claimant, cside, place))
        figs[-1].side_how = side_how if side is not None else None
        figs[-1].place_how = place_how
        last["fig"], last["fig_i"], last["place"] = (kind, side), i, figs[-1].place
        if claimant is not None and claimant.carried and not quoted and label_place is None:
            carried.append(figs[-1])
        prev = (q, kind, side, r)
        if kind in CASUALTY_KINDS:
            last.update(i=i, side=side)
            if side is not None:
                last[kind] = (i, side)
    if any(f.kind in BACKGROUND_KINDS for f in figs) or (carried and _EARLIER_EVENT.search(sent.text)):
        # a sentence that describes a place ("Before the invasion 70,000 people lived there,
        # now a few thousand remain") or recalls an earlier attack ("At least 44 people were
        # killed last month when a missile hit ...") is the outlet's narrative, not the carried speaker's
        for f in carried:
            f.claimant, f.claimant_side, f.claimant_how = None, "unattributed", "default"
    return figs


# the speaker's own side as the target: "our positions were shelled", "attacks on our troops"
_OUR_NOUN = (r"our\s+(?:[\w-]+\s+)?(?:positions|troops|forces|defenders|units|soldiers|lines|brigade|cities|towns|villages|"
             r"settlements|territory|communities)\b")
_OUR_SIDE_HIT = re.compile(r"\b(?:on|at|against|targeting|targeted|shelled|attacked|struck|hit|bombed)\s+" + _OUR_NOUN +
                           r"|\b" + _OUR_NOUN + r"\s+(?:were|was|have\s+been|has\s+been|are|is|came|come)\s+(?:\w+\s+)?"
                           r"(?:shelled|attacked|struck|hit|targeted|bombed|under)\b", _I)
# A distance that describes where a place lies, in an appositive or relative clause: nobody's claim
_GEO_DESCRIBED = re.compile(
    r"(?:(?-i:[A-Z])[\w'\u2019-]+\s*,\s*(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:city|town|village|settlement|hub|port|plant|"
    r"base|community)\s+)?|\b(?:which|that)\s+(?:is|lies|sits)\s+(?:located\s+|situated\s+)?|\b(?:located|situated|lying)\s+)"
    r"(?:(?:some|about|roughly|around|just|only|approximately|nearly|almost|less\s+than|more\s+than|up\s+to)\s+)*$", _I)
# A pre-war population told in a relative clause or appositive on a place: the outlet's description
_POP_DESCRIBED = re.compile(r"(?-i:[A-Z])[\w'\u2019-]+\s*,\s*(?:(?:which|that|where)\s+(?:once\s+)?(?:had|was\s+home\s+to|counted|"
                            r"housed|numbered)|(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:city|town|village|settlement)\s+(?:of|with|that\s+had|"
                            r"which\s+had|once\s+home\s+to|home\s+to))\b[^.;:]{0,40}$", _I)
# the distance to the fighting is a claim about the war, not geography: "located about 15 km from heavy fighting"
_TO_THE_FIGHTING = re.compile(r"\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?|mi)?\s*(?:\([^)]{0,20}\)\s*)?(?:away\s+)?"
                              r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:from|of|to)\s+"
                              r"(?:the\s+)?(?:heavy\s+|fierce\s+|intense\s+)?(?:fighting|front|front[\s-]?line|frontline|combat|"
                              r"(?:russian|ukrainian|enemy)\s+(?:troops|forces|positions))\b", _I)
_FRONT_LENGTH = re.compile(r"\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?|mi)?\s*(?:\([^)]{0,20}\)\s*)?(?:-?\s*long\s+)?"
                           r"(?:front|front[\s-]?line|frontline|border|line\s+of\s+contact)\b", _I)
_OF_TYPES = re.compile(r"\s+of\s+(?:various|different|all|several|many|other)\s+(?:types|kinds|models|sorts|calib(?:re|er)s)\b", _I)
# "enemy losses over the day amounted to 609 people and 21 units of equipment": a tally of losses
_LOSSES_CAME_TO = re.compile(r"\blosses\b[^.;:]{0,120}?\b(?:amounted\s+to|totall?ed|reached|stood\s+at|came\s+to|were|"
                             r"included?|comprised)\s+(?:[^.;:]{0,100}?(?:,|\band\b)\s*)?$", _I)
_PLACE_PARTS = ("population_remaining", "population_prewar", "evacuated")
# "... 16,000 civilians remain in five towns;" then a line per town: "in Pokrovsk, about 11,500 adults;"
_PLACE_ITEM = re.compile(r"\s*(?:[*•·–—-]\s*)?(?:in|at)\s+(?:the\s+)?(?:(?:city|town|village|hromada)\s+of\s+)?"
                         r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*(?:,|:|\s[–—-])\s*")


def _place_item_kind(ctx: Doc, i: int, last: dict) -> str | None:
    """The kind a line of a per-place list counts: a line opening with "in <place>," right after a
    line ending in ';' or ':' whose figure counts the people of places."""
    if i == 0 or last.get("fig_i") != i - 1 or last["fig"][0] not in _PLACE_PARTS:
        return None
    if not ctx.sentences[i - 1].text.rstrip().endswith((";", ":")):
        return None
    return last["fig"][0] if _place_item(ctx, i, 0) else None


def _place_item(ctx: Doc, i: int, at: int) -> str | None:
    """The place of the list item sentence i goes on with at `at` ("in <place>, ...", `at` at a ';')."""
    if at < 0:
        return None
    m = _PLACE_ITEM.match(ctx.sentences[i].text, at + (ctx.sentences[i].text[at:at + 1] == ";"))
    return next((p.name for p in ctx.places(i) if m and p.start == m.start("place")), None)
_LOCATIVE_AFTER = re.compile(r"\s+(?:(?:people|residents|civilians)\s+)?(?:(?:and|,)\s+[\d,.]+\s+[a-z]+\s+)?"
                             r"(?:still\s+)?(?:in|on|from|at)\s+(?:the\s+)?"
                             r"(?:city|town|village|hromada|community|left|right|[A-Z])", _I)
_OVER_REGION = re.compile(r"\s+(?P<verb>(?:were|was)\s+(?:\w+\s+)?(?:" + L.SHOT_DOWN + r")\s+)?"
                          r"(?:over|in|above)\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?-i:[A-Z])", _I)
_PART_GAP = re.compile(r"[^.;]{0,120}?(?:,\s*(?:including|of\s+(?:them|whom|which))|:|,?\s+with|,?\s+and|,)\s*", _I)
# A sentence that breaks down the figure before it: "This includes ...", "Among them ..."
_BREAKDOWN = re.compile(r"\s*(?:(?:this|these|they|that|those|the\s+(?:losses|total|figure|number))\s+"
                        r"(?:includes?|included|comprises?|comprised|consists?\s+of|consisted\s+of|were|are)|"
                        r"among\s+(?:them|these|those|the\s+losses)|of\s+(?:these|them|those)|including)\b", _I)
_TOTAL_OF = re.compile(r"(?:\ba\s+total\s+of|\bin\s+total,?|\baltogether,?|\boverall,?)\s*$", _I)
_PEOPLE_HEADS = {None, "military", "civilian", "demonym", "neutral"}
_LIST_SEP = re.compile(r"(?:\s+(?:and|or)\s+other\s+(?:[\w-]+\s+){0,3}?[\w-]+)?"      # "tanks and other armoured vehicles"
                       r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+|plus\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+)"
                       r"(?:(?:an?|one)\s+[\w-]+(?:\s+[\w-]+){0,3}?\s*,\s*(?:and\s+)?)*")


def _reads(t: str, live: list[Quantity]) -> list[_Read]:
    """What the words around each number say; then a list shares its verb: "13,000 people and
    94 children still remain", "651 aircraft, 283 helicopters ... have been destroyed"."""
    reads = []
    for n, q in enumerate(live):
        nxt = live[n + 1].start if n + 1 < len(live) else len(t)
        lo = live[n - 1].end if n > 0 else 0
        reads.append(_read(t, q, lo, nxt, live[n + 1] if n + 1 < len(live) else None))
    for n in range(len(live) - 2, -1, -1):
        r, r2 = reads[n], reads[n + 1]
        if r.head is None and not r.unknown and r2.head is not None and r2.head != "trap" \
                and re.fullmatch(r"\s+(?:and|or)\s+", t[live[n].end:live[n + 1].start]):
            # "1,520 and 1,517 systems destroyed", "12 and 15 soldiers were killed": one noun for both
            reads[n] = dataclasses.replace(r2, before=r.before, before_start=r.before_start, colon=r.colon)
            continue
        if not r.head or not r2.head or not _LIST_SEP.fullmatch(t, r.np_end, live[n + 1].start):
            continue
        people = r.head in _PEOPLE_HEADS and r2.head in _PEOPLE_HEADS
        things = r.head in ("equipment", "munition") and r2.head in ("equipment", "munition")
        if people and r.after is None and r2.after is not None:
            r.after = r2.after
        if things and not r.loss_after and r2.loss_after:
            r.loss_after = True
    return reads


def _km_restates(a: Quantity, b: Quantity) -> bool:
    return a.unit == "mi" and b.unit == "km"


def _converted(t: str, a: Quantity, b: Quantity) -> bool:
    """b restates a in other units: "3 kilometers (2 miles)", "10 miles (16 km)"."""
    return a.unit is not None and b.unit is not None and re.fullmatch(
        r"\s*[\w-]*\s*(?:\(|[—–]|\s-\s|/)\s*(?:about|around|some|roughly)?\s*", t[a.end:b.start]) is not None


# --- reading the words around a number ---------------------------------------------------------

def _read(t: str, q: Quantity, lo: int, hi: int, nxt: Quantity | None = None) -> _Read:
    m = _OF_THE_DEAD.match(t, q.end)
    if m:
        return _read_of_dead(t, q, m, lo)
    m = _OF_DEAD_BEFORE.search(t, max(lo, q.start - 80), q.start)
    if m and _OF_DEAD_IS.match(t, q.end):
        return _read_of_dead(t, q, m, lo, at=q.end)
    r = _read_one(t, q, lo, hi)
    if r.head is None and r.after is None and nxt is not None and _OF_POPULATION.fullmatch(t, q.end, nxt.start):
        # "only 11,000 of the pre-war population of 60,000 remain"
        m = _AFTER.match(t, nxt.end, min(len(t), nxt.end + 90))
        if m and m.lastgroup == "population_remaining":
            return _Read(None, "", "", q.end, "population_remaining", r.before, r.before_start)
    if r.head in (None, "trap") and r.after is None and nxt is not None \
            and _OF_NEXT.fullmatch(t, q.end, nxt.start):       # (trap: "of the town's 17,000")
        # "5 of its 31 tanks", "23 of 28 drones": the noun comes after the second number
        peek = _read_one(t, nxt, nxt.start, len(t))
        after = peek.after
        if after == "lived" and _REMAINED_LATER.match(t, peek.np_end, min(len(t), peek.np_end + 90)):
            after = "population_remaining"  # "3,000 of the 17,000 residents who lived there before the war remained"
        return _Read(peek.head, peek.head_text, peek.mods, peek.np_end, after, r.before, r.before_start,
                     r.colon, peek.unknown)
    return r


_REMAINED_LATER = re.compile(r"[^.;:]*?\b(?:remain(?:ed|s)?|stayed|are\s+(?:still\s+)?left|were\s+(?:still\s+)?left)\b", _I)
# "212 of the dead were children", "30 of the injured": the noun after "of the" is the kind.
_OF_THE_DEAD = re.compile(r"\s+of\s+(?:the|those)\s+(?:(?:[\w-]+\s+){0,2}?(?:people\s+|civilians\s+|soldiers\s+))?"
                          r"(?:(?P<killed>dead|killed|deceased|fatalities)|(?P<wounded>injured|wounded|hurt))\b(?!\s+(?:and|or)\b)", _I)
# "Of those killed, 41 were Ukrainian soldiers"
_OF_DEAD_BEFORE = re.compile(r"\b(?:of|among)\s+(?:the|those)\s+(?:(?:people|civilians|soldiers)\s+)?"
                             r"(?:(?P<killed>dead|killed|deceased)|(?P<wounded>injured|wounded))\b[^,.;:\d]{0,40},\s*$", _I)
_SPEAKS = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:said|say|says|told|tell|stated|added|claimed|claim|reported|believe|"
                     r"believes|estimated|estimate|wrote|spoke|interviewed)\b", _I)
_OF_DEAD_IS = re.compile(r"\s*,?\s*(?:were|are|was|is|included|include)\s+(?:all\s+|also\s+)?", _I)


def _read_of_dead(t: str, q: Quantity, m: re.Match, lo: int, at: int | None = None) -> _Read:
    """ "N of the dead were children": killed, counted as what the verb says they were."""
    kind = m.lastgroup
    at = m.end() if at is None else at
    head, head_text, np_end = "neutral", "", at
    v = _OF_DEAD_IS.match(t, at)
    if v:
        pos = v.end()
        while True:      # skip up to three modifiers: "were Ukrainian soldiers", "were young children"
            best = None
            for cls in ("military", "civilian", "demonym"):
                n = _NOUNS[cls].match(t, pos)
                if n and (best is None or n.end() > best[1].end()):
                    best = (cls, n)
            if best or pos - v.end() > 40:
                break
            tok = _TOKEN.match(t, pos)
            if not tok or not tok.group(1)[0].isalpha():
                break
            pos = tok.end()
            pos += len(t[pos:]) - len(t[pos:].lstrip())
        if best:
            head, head_text, np_end = best[0], best[1].group(0), best[1].end()
    b = _BEFORE.search(t, max(lo, q.start - 90), q.start) if at == m.end() else None
    before = next(k for k in _BEFORE_KINDS if b.group(k) is not None) if b else None
    return _Read(head, head_text, "", np_end, kind, before, b.start() if b else q.start)


_EVACUATION_TOLD = re.compile(r"\b(?:evacu\w+|convoys?|buses|humanitarian\s+corridors?|fled|fleeing)\b|\bfrom\s+(?-i:[A-Z])", _I)
_OF_POPULATION = re.compile(r"\s+(?:out\s+)?of\s+(?:the|its|a)\s+(?:(?:pre-?war|pre-?conflict|pre-?invasion|original|former|peacetime|"
                            r"urban|total|estimated)\s+){0,3}population\s+of\s+(?:about|around|some|roughly|nearly|almost|more\s+than|over)?\s*", _I)
# "three Lancet drones, two Zala UAVs and one Supercam drone were shot down": counted items to the verb
_ITEM = (r"(?:(?:about|around|over|nearly|up\s+to|more\s+than|some|another)\s+)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|"
         r"eight|nine|ten|eleven|twelve)\s+[^.;:,\d]{1,45}?")
_COMMA_LIST = re.compile(r"(?:\s*,\s*%s)*\s*,?\s+and\s+%s" % (_ITEM, _ITEM), _I)
_LIST_SHOT = re.compile(_COMMA_LIST.pattern + r"\s+(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:%s)" % L.SHOT_DOWN, _I)
_AND_LIST = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as|along\s+with|plus)\s+", _I)
_INCLUDING = re.compile(r",\s*(?:including|among\s+them|most\s+of\s+them)\b", _I)
_INSERTED = re.compile(r",\s*(?:according\s+to|citing|as\s+reported\s+by)\s+[^,.;:]{1,90},\s*$", _I)
_WHOLE_TOLL = re.compile(r"\s+(?:people\s+|civilians\s+)?(?:injured|wounded|dead|killed|hurt)\b(?!\s+(?:and|or)\b)", _I)
_WEAPON_ATTACK = re.compile(r"\b(?:drones?|uavs?|missiles?|rockets?|artillery|mortars?|shaheds?|air|aerial|kamikaze|fpv)\s+attacks?\b"
                            r"|\battacked\s+(?:\w+\s+)?(?:by|with)\s+(?:[\w-]+\s+)?(?:drones?|uavs?|missiles?|rockets?|artillery|"
                            r"mortars?|shaheds?|aircraft)\b", _I)
_IN_CARE = re.compile(r"\s+(?:still\s+)?in\s+(?:intensive\s+care|(?:the\s+)?hospitals?|(?:a\s+)?(?:critical|serious|grave)\s+condition)\b", _I)
_TOLL_IN = re.compile(r"\b(?:death|casualty|injury)\s+toll\s+(?:(?:from|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?)?(?:in|on|at)\s+"
                      r"(?:the\s+)?(?:[\w-]+\s+){0,2}?$", _I)
_LIST_COLON = re.compile(r"(?<!\d):(?!\d)")     # a list's colon, not a clock's (14:30)


def _shot_at(t: str, end: int, cside: str) -> str | None:
    """The side whose munitions a shoot-down before `end` brought down: the other side of the
    shooter named with its side ("Russian air defence systems shot down"), or of the speaker when
    the shooter is their own unnamed air defence ("the military's air defenses shot down",
    told by the Ukrainian air force)."""
    if (found := list(_SHOOTER.finditer(t, 0, end))):
        m = found[-1]       # the shoot-down nearest the number, not an earlier clause's
        return _opp("ukraine" if m.group("side").lower().startswith(("ukrain", "kyiv")) else "russia")
    if cside in ("ukraine", "russia") and _OWN_AD_SHOT.search(t, 0, end):
        return _opp(cside)
    return None


_OWN_AD_SHOT = re.compile(r"\b(?:air\s+defen[cs]es?|air\s+defen[cs]e\s+(?:forces|systems|units|crews)|mobile\s+fire\s+groups)\s+"
                          r"(?:have\s+|has\s+|had\s+)?(?:" + L.SHOT_DOWN + r")\b", _I)
_SHOOTER = re.compile(r"\b(?P<side>Ukraine['’]s|Ukrainian|Russia['’]s|Russian|Kyiv['’]s|Moscow['’]s)\s+(?:[\w-]+\s+){0,3}?"
                      r"(?:(?:said|says|reported|claimed)\s+(?:that\s+)?(?:it|they)\s+)?"     # "Ukraine's air force said it shot down"
                      r"(?:has\s+|have\s+|had\s+)?(?:" + L.SHOT_DOWN + r")\b", _I)
_OF_NEXT = re.compile(r"\s+(?:out\s+)?of\s+(?:its|their|the|his|our|all|about|some|around)?\s*"
                      r"(?:(?:town|city|village|region|community)['’]s\s+)?(?:(?:pre-?war|pre-?conflict|pre-?invasion|original|former|peacetime|urban|total)\s+){0,2}", _I)
_COLON_LIST = re.compile(r"(?P<kw>losses|casualties)[^.;:]{0,60}:\s*$|(?P<killed>killed|dead|deaths)[^.;:]{0,40}:\s*$"
                         r"|(?P<wounded>wounded|injured)[^.;:]{0,40}:\s*$", _I)


_DASH_ASIDE = re.compile(r"\s*[—–]\s*[^—–.;]{2,80}?\s*[—–]|\s+-\s+[^—–.;-]{2,80}?\s+-(?=\s)|\s*\((?:including|among\s+them|of\s+whom)\b[^()]{2,80}\)")
_SIDE_PAIR = re.compile(r"\s*(?:Ukrainian|Russian)\s+(?:and|or)\s+(?=(?:Ukrainian|Russian)\b)", _I)


_LOSS_HEAD = re.compile(r"(?P<mods>(?:\s+(?:Russian|Ukrainian|Russia['’]s|Ukraine['’]s|enemy|military|troop|combat|battlefield|army|"
                        r"soldier|servicemen|permanent|irrecoverable|irreversible|total|combined|overall|confirmed))+)"
                        r"\s+(?P<noun>(?:dead|killed|wounded|injured)\s+(?:or|and)\s+(?:dead|killed|wounded|injured)|"
                        r"fatalities|deaths|casualties|dead|wounded|injured)\b"
                        r"(?!\s+(?:prisoners|pows|soldiers|servicem[ae]n|troops|fighters|civilians|people|children|men|women))")
_MILITARY_MOD = re.compile(r"\b(?:Russian|Ukrainian|Russia['’]s|Ukraine['’]s|enemy|military|troop|combat|battlefield|army|soldier|"
                           r"servicemen)\b")


def _read_one(t: str, q: Quantity, lo: int, hi: int) -> _Read:
    end = min(hi, q.end + 120)
    pos = q.end
    head, head_text, np_end = None, "", q.end
    words, unknown, more = 0, False, None
    while pos < end and words < 6:
        pair = _SIDE_PAIR.match(t, pos, end)
        if pair:        # "500,000 Ukrainian and Russian troops": both sides' soldiers
            pos = pair.end()
            words += 1
            continue
        m_of = _OF_DET.match(t, pos + len(t[pos:end]) - len(t[pos:end].lstrip()))
        stripped = pos + len(t[pos:end]) - len(t[pos:end].lstrip())
        if m_of and m_of.end() <= end:
            pos = m_of.end()
            words += 1
            continue
        best = None
        for cls in _NOUN_ORDER if _ANY_NOUN.match(t, stripped, end) else ():
            m = _NOUNS[cls].match(t, stripped, end)
            if m and (best is None or m.end() > best[1].end()):
                best = (cls, m)
        if best and best[0] == "neutral" and best[1].group(0).lower() == "more" and more is None:
            more = best         # "9 more Russian artillery systems": the noun after "more" is the head
            pos = best[1].end()
            words += 1
            continue
        if best:
            head, head_text, np_end = best[0], best[1].group(0), best[1].end()
            # a compound's last noun is its head: "MLRS attacks", "drone strikes", "elderly civilians"
            while True:
                ws = np_end + len(t[np_end:end]) - len(t[np_end:end].lstrip())
                if ws == np_end:
                    break
                follow = _COMPOUND.get(head, ())
                m2 = next(((cls, m2) for cls in follow if (m2 := _NOUNS[cls].match(t, ws, end))), None)
                if not m2:
                    break
                head, head_text, np_end = m2[0], m2[1].group(0), m2[1].end()
            of_types = _OF_TYPES.match(t, np_end, end)
            if of_types:
                np_end = of_types.end()     # "230 UAVs of various types were destroyed"
            break
        if _VERB_START.match(t, stripped, end):
            break
        tok = _TOKEN.match(t, pos, end)
        if not tok or not tok.group(1)[0].isalpha() or _NP_STOP.match(tok.group(1)):
            break
        w = tok.group(1)
        if not _SIDE.fullmatch(w) and w.lower() not in _NOT_NOUNS and (w[0].isupper() or re.search(r"[^su]s$", w) and len(w) > 3):
            unknown = True      # "killed 40 Palestinians": a noun the lexicon does not know
        pos = tok.end()
        words += 1
    if head is None and more is not None:
        head, head_text, np_end = more[0], more[1].group(0), more[1].end()
    if head is None and (ln := _LOSS_HEAD.match(t, q.end, end)):
        # "250,000 Russian military fatalities": the loss noun after its modifiers is the head
        head = "military" if _MILITARY_MOD.search(ln.group("mods")) else "neutral"
        head_text, np_end = ln.group("noun"), ln.end()
        noun = ln.group("noun").lower()
        ln_kind = "killed" if noun in ("fatalities", "deaths", "dead") else \
            "wounded" if noun in ("wounded", "injured") else "killed_or_wounded"     # "wounded or dead" too
        return _Read(head, head_text, t[q.end:np_end], np_end, ln_kind, None, q.start, None, False, False)
    mods = t[q.end:np_end] if head else ""
    after = None
    # "at least 10 others — including four children — were injured": the verb after the aside
    aside = _DASH_ASIDE.match(t, np_end) if head or t[np_end:np_end + 3].lstrip().startswith("(") else None
    at = aside.end() if aside else np_end
    m = _AFTER.match(t, at, min(len(t), at + 90))
    if m and m.start(m.lastgroup) > hi and not (aside and hi < aside.end()) and not _INCLUDING.match(t, np_end) \
            and not (head and (_AND_LIST.fullmatch(t, np_end, hi)
                               or _COMMA_LIST.fullmatch(t, np_end, m.start(m.lastgroup)))):
        # the verb belongs to the next number: "17,000 killed, 30,000 injured"; but it is shared
        # by a plain list of nouns: "27 armoured vehicles and five tanks had been destroyed"
        m = None
    if m and _OBJECT_NEXT.match(t, m.end()):
        m = None    # "killed 661 children, wounded 2,203": the verb takes the next number as its object
    if m:
        after = next(k for k in _AFTER_KINDS if m.group(k) is not None)
    before, bstart = None, q.start
    window_lo = max(lo, q.start - 180)
    seg = t[window_lo:q.start]
    br = _CLAUSE_BREAK.search(seg[::-1])
    if br:
        window_lo = q.start - br.start()
    m = _BEFORE.search(t, window_lo, q.start)
    if not m and (ins := _INSERTED.search(t, max(lo, q.start - 200), q.start)):
        # "the attack injured, according to local authorities, at least 14 people": the verb
        # before the inserted source
        seg = t[max(lo, ins.start() - 180):ins.start()]
        br2 = _CLAUSE_BREAK.search(seg[::-1])
        m = _BEFORE.search(t, ins.start() - br2.start() if br2 else max(lo, ins.start() - 180), ins.start())
    if m:
        before = next(k for k in _BEFORE_KINDS if m.group(k) is not None)
        bstart = m.start()
    elif br and t[window_lo - 1:window_lo] == ";" and (m := _semicolon_list_verb(t, window_lo, q.start)):
        # "Ukraine lost 185 servicemen and a tank in zone X; over 225 troops in zone Y; and up to
        # 220 servicemen ...": the first clause's verb heads every clause of the list
        before, bstart = next(k for k in _BEFORE_KINDS if m.group(k) is not None), m.start()
    elif br and (pp := _POPULATIONS_PAREN.search(t, max(lo, window_lo - 40), window_lo)):
        before, bstart = "population", pp.start()   # "prewar populations (220,000 for X, 110,000 for Y)"
    elif br and re.search(r"[–—]\s*$|--\s*$", t[max(lo, window_lo - 3):window_lo]) and \
            (m := _BEFORE.search(t, max(lo, window_lo - 180), q.start)):
        # "the number of dead soldiers — 31 000": only a phrase that ends in the dash reaches over it
        before, bstart = next(k for k in _BEFORE_KINDS if m.group(k) is not None), m.start()
    colon = None
    if br and t[window_lo - 1:window_lo] == ":" and lo < window_lo:
        # "Russian losses over the past day: 1,340 personnel, 9 tanks"
        cm = _COLON_LIST.search(t, max(lo, window_lo - 80), window_lo)
        if cm:
            colon = {"kw": "killed_or_wounded"}.get(cm.lastgroup, cm.lastgroup)
    loss_after = head in ("equipment", "munition") and bool(
        _EQUIP_LOSS_AFTER.match(t, np_end) or _SHARED_LOSS.match(t, np_end))
    return _Read(head, head_text, mods, np_end, after, before, bstart, colon, unknown and head is None, loss_after)


_LIST_CLAUSE_OPEN = re.compile(r"\s*(?:and\s+)?(?:(?:up\s+to|over|more\s+than|about|around|nearly|almost|at\s+least)\s+)?$", _I)
_LIST_HEAD = re.compile(r"\b(?P<verb>lost|destroyed|eliminated|neutrali[sz]ed|killed)\s+(?:(?:up\s+to|over|more\s+than|about|around|"
                        r"nearly|almost|at\s+least)\s+)?(?=\d)", _I)


def _semicolon_list_verb(t: str, clause_lo: int, qstart: int):
    """The loss verb opening the first of a run of ';' clauses that each begin with a number."""
    if not _LIST_CLAUSE_OPEN.fullmatch(t, clause_lo, qstart):
        return None
    first_lo = 0
    for stop in reversed([m.start() for m in _SEMICOLON.finditer(t, 0, clause_lo - 1)]):
        if not _NUMBER_OPENS.match(t, stop + 1, clause_lo):
            first_lo = stop + 1      # the clause after this ';' is the list's first: it holds the verb
            break
    head = _LIST_HEAD.search(t, first_lo, clause_lo)
    return _BEFORE.search(t, head.start(), head.end("verb")) if head else None


_SEMICOLON = re.compile(";")
_NUMBER_OPENS = re.compile(r"\s*(?:and\s+)?(?:(?:up\s+to|over|more\s+than|about|around|nearly|almost|at\s+least)\s+)?\d", _I)


# (not "the deadliest conflict since World War II": that dates a superlative of this war)
_HISTORICAL = Gated(re.compile(r"(?<!since )(?<!since the )(?<!after )\b(?:%s)\b" % L.OTHER_WARS, _I))
_THIS_WAR = re.compile(r"\b(?:ukrain\w*|kyiv|kiev|donbas+|invasion|special\s+military\s+operation|kremlin|moscow|"
                       r"putin|zelensk\w*|russia['’]s\s+war|since\s+(?:the\s+start|february|2022))", _I)
_REL_CLAUSE = re.compile(r"(?:[,;:(]|\b(?:where|when|in\s+which|during\s+which))\s*[^,;:()]*$", _I)


def _historical(t: str, q: Quantity) -> bool:
    """A number about another war, told for comparison: the war is named in the number's own
    clause, just before a relative clause that holds it ("Afghanistan, where about 15,000
    died"), or anywhere in a sentence that does not speak of this war."""
    if not _HISTORICAL.search(t):
        return False
    cut = _REL_CLAUSE.search(t, 0, q.start)
    start = cut.start() if cut else 0
    end = q.end + (re.search(r"[,;:()]|$", t[q.end:]).start())
    if _HISTORICAL.search(t, max(0, start - 60), end):
        return True
    return not _THIS_WAR.search(t)


_POPULATIONS_PAREN = re.compile(r"\bpopulations?\s*\($", _I)


def _clause_start(t: str, pos: int, lo: int = 0) -> int:
    cut = lo
    for m in _CLAUSE_BREAK.finditer(t, lo, pos):
        cut = m.end()
    return cut


def _kind(t: str, q: Quantity, r: _Read, lo: int, prev) -> str | None:
    if q.unit in ("money", "area", "speed"):
        return None
    if q.unit in KM:
        return _distance_ok(t, q)
    if q.unit == "percent":
        return _territory_ok(t, q)
    if r.head is None and t[q.start:q.end].lower() in ("twice", "thrice"):
        r = dataclasses.replace(r, head="trap", head_text="times")     # "attacked twice": two times
    if r.head == "trap":
        if r.head_text.lower() == "times" and _TIMES_VERB.search(t, _clause_start(t, q.start, lo), q.start):
            verb = _TIMES_VERB.findall(t[_clause_start(t, q.start, lo):q.start])[-1].lower()
            if re.match(r"attack", verb) and _ATTACKED_A_LAND.search(t, _clause_start(t, q.start, lo), q.start):
                return "strikes"    # "attacked the Donetsk People's Republic nine times": fire on a land, not assaults
            if re.match(r"attack", verb) and _WEAPON_ATTACK.search(t, _clause_start(t, q.start, lo), q.start):
                return "strikes"    # "came under drone attack five times", "was attacked by drones three times"
            return "attacks" if re.match(r"attack|storm|assault", verb) else "strikes"
        return None
    if r.head is None and prev is not None and prev[1] == "strikes" and _DRONE.search(prev[3].head_text) \
            and _SUBSET_SHOT.match(t, r.np_end) is not None:
        return "equipment_lost"     # "96 drones ..., of which 62 were shot down": the 62 are lost drones
    if r.head is None and (p := _PAREN_KIND.search(t, max(lo, q.start - 30), q.start)):
        # "suffered heavy casualties (around 30,000)": the number in brackets after its noun
        return {"casualties": "killed_or_wounded", "losses": "killed_or_wounded", "deaths": "killed",
                "dead": "killed", "wounded": "wounded", "injured": "wounded"}[p.group(1).lower()]
    if r.head is None and _LIVES.match(t, q.end) and _LIVES_LOST.search(t, max(lo, q.start - 40), q.start):
        return "killed"             # "resulting in the loss of at least 13 lives", "claimed 9 lives"
    if _PERSONS_LIVES.match(t, q.end) and _LIVES_LOST.search(t, max(lo, q.start - 40), q.start):
        return "killed"             # "claiming one person's life", "took 12 people's lives"
    if r.head is None and POP_COMPOUND.match(t, q.end):
        return _population(t, q, lo, default="population_prewar")     # "what was once a 70,000-person city"
    people = r.head in (None, "military", "civilian", "demonym", "neutral")
    a, b = r.after, r.before
    if r.head == "equipment":
        if b in ("destroyed", "lost", "captured") or r.loss_after or r.colon == "killed_or_wounded" \
                or _ALL_SHOT_DOWN.search(t, r.np_end, min(len(t), r.np_end + 120)):
            return "equipment_lost"
        if b in ("killed", "killed_or_wounded") and _WRECKED.search(t, max(lo, q.start - 40), q.start):
            return "equipment_lost"     # "eliminated 914 units of equipment", "neutralized ... 7 vehicles"
        if b == "killed_or_wounded" and _LOSS_OF.search(t, max(lo, q.start - 40), q.start):
            return "equipment_lost"     # "the loss of three more MLRS"
        if prev is not None and prev[1] in ("killed_or_wounded", "killed", "equipment_lost") and _listed(t, prev[0], q) \
                and (_LOSS_VERB.search(t, 0, q.start) or _LOSS_NOUN.search(t, 0, q.start)):
            return "equipment_lost"     # "lost 1,340 soldiers, 9 tanks and 27 artillery systems"
        if prev is not None and prev[1] == "equipment_lost" and (_listed(t, prev[0], q) or _broken_down(t, prev[0], q)):
            return "equipment_lost"
        if _EQUIP_VERB_LIST.search(t, max(lo, q.start - 80), q.start) or _LOSSES_CAME_TO.search(t, max(0, q.start - 200), q.start):
            return "equipment_lost"
        if _COST_HARDWARE.search(t, max(0, q.start - 250), q.start):
            return "equipment_lost"     # "the fighting cost Kyiv much hardware, including 12 warplanes"
        return None
    if r.head == "attack":
        if _STRIKE_MOD.search(r.mods):
            return "strikes"
        if r.before == "repelled" or _REPELLED_BEFORE.search(t, _clause_start(t, q.start, lo), q.start):
            return "attacks"    # "repelled 14 attacks on the settlements": ground assaults fended off
        if _STRIKE_AFTER.match(t, r.np_end) or _ON_SETTLEMENTS.match(t, r.np_end):
            return "strikes"    # "567 attacks across 16 settlements": fire on towns, not ground assaults
        return "attacks"
    if r.head == "strike":
        return "strikes"
    if r.head == "munition":
        window = t[_clause_start(t, q.start):q.start]
        if prev is not None and prev[1] == "strikes" and re.search(r"\b(?:involving|using|with|including)\b",
                                                                   t[prev[0].end:q.start], _I):
            return None          # "40 air strikes involving 60 guided bombs": the strikes were counted
        if (prev is None or prev[1] == "equipment_lost") and lo > 0 and _OF_NEXT.fullmatch(t, lo, q.start) and (_SHOT_DOWN.search(window) or re.match(
                r"\s*(?:,\s*)?(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:%s)" % L.SHOT_DOWN, t[r.np_end:r.np_end + 60], _I)):
            return "strikes"     # "shot down 57 of 98 drones", "55 of the 90 drones were shot down": 98, 90 were launched
        drone = _DRONE.search(r.head_text) is not None
        if drone and _ALL_SHOT_DOWN.search(t, r.np_end, min(len(t), r.np_end + 120)):
            return "equipment_lost"     # "attacked with eight drones ..., all drones were shot down"
        if drone and _LIST_SHOT.match(t, r.np_end):
            return "equipment_lost"     # "three Lancet drones, two Zala UAVs and one Orlan were shot down"
        if _SHOT_DOWN.search(window) or _SHOT_DOWN.match(t[r.np_end:r.np_end + 40].lstrip()) \
                or _SHOT_DOWN_AFTER.match(t[r.np_end:r.np_end + 110]) or r.loss_after:
            # a drone shot down is a lost aircraft; a missile or bomb shot down is not a loss
            return "equipment_lost" if drone else None
        if drone and (b in ("destroyed", "lost") or r.colon == "killed_or_wounded"
                      or _LOSSES_CAME_TO.search(t, max(0, q.start - 200), q.start) or (prev is not None and prev[1] == "equipment_lost"
                                                      and (_listed(t, prev[0], q) or _broken_down(t, prev[0], q)))):
            return "equipment_lost"     # "lost ... 10 tanks and 180 UAVs"
        if b == "launched" or _LAUNCH.search(window) or re.search(
                r"^[^.;:]{0,60}?\b(?:were|was|have\s+been|had\s+been)\s+(?:launched|fired)\b", t[r.np_end:r.np_end + 90], _I) \
                or re.match(r"\s+(?:launched|fired)\s+(?:at|on|into|by)\b", t[r.np_end:r.np_end + 30], _I):
            return "strikes"
        return None
    if r.head == "military" and _PRISONER.search(r.head_text) and b not in ("killed", "wounded", "killed_or_wounded") \
            and a not in ("killed", "wounded", "killed_or_wounded", "missing"):
        if a in (None, "captured", "released"):
            return "captured"       # prisoners held, taken, or coming home in a swap
    if "released" in (a, b) and _SWAP_CONTEXT.search(t) and r.head in ("military", "civilian", "neutral", "demonym", None) \
            and not _REMAINS.search(t, max(0, q.start - 40), min(len(t), r.np_end + 40)):
        return "captured"           # "144 soldiers had been freed in a prisoner swap": prisoners of war
    if not people or r.unknown:
        return None
    if r.head is not None and _SPEAKS.match(t, r.np_end):
        return None     # "one commander said", "two officials told Reuters": speakers, not a count
    if r.head in (None, "civilian", "neutral") and _POP_FELL_FROM.search(t, _clause_start(t, q.start), q.start):
        return "population_prewar"
    if r.head in (None, "civilian", "neutral") and prev is not None and prev[1] == "population_prewar" \
            and _FELL_TO.fullmatch(t, prev[0].end, q.start) \
            and _POP_FELL_FROM.search(t, _clause_start(t, prev[0].start), prev[0].start):
        return "population_remaining"
    if b == "population" and r.head in (None, "civilian", "neutral") and a not in ("population_remaining", "lived"):
        # "once home to 70,000 people, was captured", "population of 300,000 fled": the
        # verb after belongs to the place, the number to its population
        return _population(t, q, lo, default="population_prewar")
    if r.head is None and _EQUIP_LOSSES.search(t, max(lo, q.start - 90), q.start):
        return "equipment_lost"     # "the highest tank losses for Russia, totaling 428"
    if a == "lost_people":
        return "killed_or_wounded" if r.head in ("military", "demonym") else None
    # a verb right after the noun phrase: "1,500 Russian soldiers were wounded"
    if a in CASUALTY_KINDS:
        return a
    if a == "evacuated" and re.search(r"\b(?:abroad|overseas|to\s+(?:europe|poland|germany|other\s+countries))\b",
                                      t[r.np_end:r.np_end + 80], _I):
        return None     # refugees leaving the country, not an evacuation from a place
    if a == "population_remaining" and b == "population" and _PREWAR.search(t, r.before_start - 30 if r.before_start > 30 else 0, q.start):
        return "population_prewar"      # "of the pre-war population of 60,000 remain": remain is the other number's
    if a == "arrived":
        return "evacuated" if r.head in ("civilian", "neutral", "demonym") and _EVACUATION_TOLD.search(t) else None
    if a in ("population_remaining", "evacuated"):
        return a if r.head in (None, "civilian", "neutral", "demonym") else None
    if r.head in (None, "civilian") and a is None and re.match(r"\s*(?:,\s*)?(?:before|prior\s+to)\b", t[r.np_end:r.np_end + 20], _I) \
            and _PREWAR.search(t[r.np_end:r.np_end + 60]):
        return "population_prewar"     # "which had 32,000 residents before the invasion"
    if a == "lived":
        return _population(t, q, lo, default="population_prewar") if r.head in (None, "civilian", "neutral") else None
    if r.head in (None, "neutral") and b in ("lost", "destroyed") and prev is not None and prev[1] == "equipment_lost" \
            and r.head_text.strip().lower() in ("", "in total", "in all"):
        return "equipment_lost"     # "the loss of 9 guns means the army has lost 2,300 in total": guns too
    # a verb before the number: "killed 12", "evacuated 200 residents"
    if b in ("killed", "wounded", "killed_or_wounded"):
        return b
    if b == "evacuated":
        return "evacuated" if r.head in (None, "civilian", "neutral", "demonym") else None
    if b == "captured":
        return "captured" if r.head in ("military", "demonym") else None
    if b == "lost":
        if r.head == "civilian" and r.head_text.lower() in ("people", "persons") \
                and _STATE_LOST.search(t, max(lo, q.start - 90), q.start):
            return "killed_or_wounded"      # "Ukraine lost 66 thousand people": an army's losses
        return "killed_or_wounded" if r.head in ("military", None, "neutral") else None
    if b == "destroyed" and r.head == "military" and not _PRISONER.search(r.head_text):
        return "killed"     # "destroyed up to 80 Ukrainian servicemen": the Russian MoD's word for killed
    if r.colon and r.head in ("military", "neutral", None):
        return r.colon
    if b == "repelled" and r.head is None:
        return "attacks"
    if b == "launched" and r.head == "civilian" and re.match(r"there\s", t[r.before_start:q.start], _I):
        b = "pop_now"       # "there were 4,000 children in the zone": people, not attacks launched
    if b == "pop_now" and _IN_CARE.match(t, r.np_end if r.head else q.end):
        return "wounded"    # "now there are three people in intensive care": patients, not residents
    if b == "pop_now" and r.head in (None, "civilian", "neutral") and (
            re.search(r"\b(?:population|residents|inhabitants|people)\b", t[_clause_start(t, q.start):q.start], _I)
            or r.head_text.lower() in ("residents", "inhabitants", "people", "civilians", "locals")
            or (r.head_text.lower() == "children" and re.search(r"\b(?:now|currently|still|only)\b", t[r.before_start:q.start], _I))
            or _STILL_THERE.match(t, r.np_end)
            or (r.head is None and re.match(r"\s+(?:left|remaining)\b", t[r.np_end:r.np_end + 12], _I))):
        return "population_remaining"     # "the population has dwindled to about 7,000", "there are only 1,500 left"
    if b == "population":
        return _population(t, q, lo, default="population_prewar")
    if b == "town_had" and r.head_text.lower() in ("residents", "inhabitants", "people", "civilians"):
        return _population(t, q, lo, default="population_remaining")   # "Before the invasion, Siversk had 11,000 residents"
    if r.head is None and prev is not None and (
            (_CONTINUES.fullmatch(t, prev[0].end, q.start) and _ELLIPSIS_NEXT.match(t, q.end))
            or (_CONTINUES_COMMA.fullmatch(t, prev[0].end, q.start) and _ELLIPSIS_PREP.match(t, q.end))):
        return prev[1]      # "over 35,000 in July, escalating to 38,130", "eight in Kyiv, and 10 across the country"
    if r.head is None and prev is not None and prev[1] in ("attacks", "strikes", "killed", "wounded") \
            and _LABELLED_NEXT.fullmatch(t, prev[0].end, q.start):
        return prev[1]      # "25 attacks in the Avdiivka direction, in the Marinka one - 40"
    if r.head is None and prev is not None and prev[1] == "equipment_lost" and _OVER_A_PLACE.match(t, q.end) \
            and (_broken_down(t, prev[0], q) or _listed(t, prev[0], q)):
        return "equipment_lost"     # "destroyed 172 drones: 110 over the territory of the Bryansk Region, 20 over ..."
    if r.head is None and prev is not None and prev[1] == "captured" and re.match(r"\s+each\b", t[q.end:q.end + 6]):
        return "captured"   # "exchanging 214 people in total, 107 each"
    if r.head in (None, "civilian", "neutral") and a is None and prev is not None \
            and prev[1] in ("population_prewar", "population_remaining") and _NOW_IT_IS.fullmatch(t, prev[0].end, q.start):
        return "population_remaining"   # "the population was about 300 thousand, now it is about 50 thousand"
    if r.head is None and (no := _NUMBER_OF_TO.search(t, max(0, q.start - 150), q.start)):
        # "The number of Russian attacks in the Pokrovsk direction increased to eight"
        return next(k for k, v in no.groupdict().items() if v)
    if r.head is None and b is None and _SAME_FIGURE.search(t, max(0, q.start - 120), q.start) and prev is None:
        return "=previous"  # "By March, this figure increased to 7,000": the doc's previous figure
    if r.head is None and (tt := _TOTAL_TO.search(t, max(0, q.start - 150), q.start)):
        # "..., bringing the total to 146,000", "This takes the number of tanks lost to 3,300":
        # the running total of the figure just told, or of what the total names
        named = _TOTAL_NAMES.search(tt.group(0))
        if named:
            return next(k for k, v in named.groupdict().items() if v)
        return prev[1] if prev is not None else "=previous"
    # inside a list: "killed 12 civilians and three soldiers", "including three children"
    if prev is not None and prev[1] in CASUALTY_KINDS | {"evacuated"} and r.head is not None \
            and _listed(t, prev[0], q):
        return prev[1]
    # a part of the figure before: "85 attacks ..., including 26 near Lysivka"
    # (not of a number between them that is no figure: "18 residents were rescued, including two")
    if prev is not None and r.head in (None, "neutral") and prev[1] in CASUALTY_KINDS | {"attacks", "strikes"} \
            and _subset(t, prev[0], q) and not _NUMBER_BETWEEN.search(t, prev[0].end, q.start):
        return prev[1]
    return None


# Between a figure and a bare number that goes on with it.
_RISE = (r"(?:(?:then\s+|later\s+)?(?:rising|rose|risen|increasing|increased|escalating|climbing|growing|jumping|up|"
         r"falling|dropping)\s+(?:to\s+)?|(?:down|up)\s+from\s+(?:a\s+(?:\w+\s+)?(?:high|peak|low|record)\s+of\s+)?)")
_CONTINUES = re.compile(r"[^.;:]{0,40}?(?:(?:,\s*|\s+)and\s+%s?|,\s*%s)(?:(?:about|around|some|nearly|almost|over|"
                        r"more\s+than|at\s+least)\s+)?" % (_RISE, _RISE), _I)
# "7,000 people live in X, 4,000 on the left bank": a comma, then the number and where
_CONTINUES_COMMA = re.compile(r"[^.;:]{0,60}?,\s*(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least)\s+)?", _I)
_ELLIPSIS_PREP = re.compile(r"\s+(?:each\s+)?(?:in|on|at|across|from|near|inside|outside|for)\s", _I)
# What may follow a bare number that goes on with the figure before: a place, a time, the end.
_ELLIPSIS_NEXT = re.compile(r"\s*(?:[,.;)]|$|(?:in|on|at|across|over|by|during|since|from|alone|so\s+far|this|last|"
                            r"per|a\s+day|daily|each|every|respectively|nationwide|elsewhere)\b)", _I)
# "this figure increased to 7,000", "the number has risen to 600-700", "the toll reached"
_SAME_FIGURE = re.compile(r"\b(?:this|that|the)\s+(?:figure|number|tally|count|total)\b[^.;\d]{0,50}?\b(?:increased|rose|risen|"
                          r"grew|grown|reached|climbed|jumped|fell|fallen|dropped|decreased|stood|stands|surged|went\s+up)"
                          r"\s+(?:to|at)\s+(?:about|around|some|nearly|almost|over|more\s+than)?\s*$", _I)
# "tank losses ... totaling 428", "equipment losses reached 40"
_EQUIP_LOSSES = re.compile(r"\b(?:tank|armou?red\s+vehicle|vehicle|artillery|equipment|aircraft|helicopter|drone|uav)\s+losses\b"
                           r"[^.;:\d]{0,50}?\b(?:totall?ing|totall?ed|reached|reaching|stood\s+at|of|at|to|hit|hitting|were|was)\s*$", _I)
_LOSS_OF = re.compile(r"\bloss(?:es)?\s+of\s+(?:(?:a\s+)?further\s+|another\s+|an\s+additional\s+)?$", _I)
_TOTAL_NAMES = re.compile(r"\b(?:(?P<captured>prisoners|pows|captives)|(?P<killed>dead|killed|deaths|fatalities)|"
                          r"(?P<wounded>wounded|injured))\b", _I)
# the verbs of a running total: "bringing the total to", "which takes the number ... to"
_RAISES = r"bring(?:s|ing)?|brought|tak(?:es|ing)|took|rais(?:es|ed|ing)|push(?:es|ed|ing)|lift(?:s|ed|ing)"
_TOTAL_TO = re.compile(r"\b(?:%s)\s+(?:the|its|their|our|his|her)\s+(?:overall\s+|total\s+|running\s+)?"
                       r"(?:total|number|tally|count|toll|figure)\b[^.;:\d]{0,80}?\s+to\s+(?:about|around|roughly|some|nearly|"
                       r"almost|over|more\s+than|at\s+least)?\s*$" % _RAISES, _I)
_RUNNING = re.compile(r"\b(?:%s|increasing)\b" % _RAISES, _I)
# "the number of (Russian) attacks near X has increased to": what the count names
_NUMBER_OF_TO = re.compile(
    r"\b(?:number|count|tally|toll)\s+of\s+(?:(?:russian|ukrainian|enemy|such|the)\s+)*(?:(?P<attacks>attacks|assaults|"
    r"clashes|combat\s+engagements|storming\s+attempts)|(?P<killed>dead|killed|deaths|fatalities)|(?P<wounded>wounded|injured)|"
    r"(?P<captured>prisoners|pows|captives))\b[^.;:\d]{0,60}?\s+(?:has\s+|have\s+|had\s+)?(?:(?:increased|rose|risen|grew|grown|"
    r"reached|climbed|jumped|went\s+up)\s+(?:to|by(?!\s+\S+\s+to\b)|by\s+\S+\s+to)|(?:could|may|might|will|would)\s+(?:reach|exceed|top)|reached|exceeded|topped)\s+"
    r"(?:about|around|roughly|some|nearly|almost|over|more\s+than|at\s+least)?\s*$", _I)
_SUBSET_GAP = re.compile(r"(?:,|\s[—–])\s*(?:including|among\s+them|among\s+whom)\s+$", _I)


def _subset(t: str, a: Quantity, b: Quantity) -> bool:
    """b is a part of a: "4,500 troops had been killed in the region, including 1,200 near Pokrovsk"."""
    gap = t[a.end:b.start]
    return len(gap) < 150 and bool(_SUBSET_GAP.search(gap)) and not re.search(r"[;:]", gap) \
        and not re.match(r"[^,.;]{0,30}?\b(?:%s)" % L.SHOT_DOWN, t[b.end:b.end + 40], _I)


_KILLER_VERB = re.compile(r"(?:eliminat|neutrali[sz]|liquidat|put\s+out\s+of\s+action)", _I)   # "eliminated N": the agent's enemy
_WRECKED = re.compile(r"\b(?:eliminat|neutrali[sz]|liquidat)\w*\s+(?:[^.;:]{0,30}?)$", _I)
_LIST_GAP = re.compile(r"(?:,|\band\b|\bincluding\b|\bof\s+whom\b|\bamong\s+them\b|\bplus\b|\bas\s+well\s+as\b)\s*$", _I)


def _joined(t: str, a: Quantity, b: Quantity) -> bool:
    gap = t[a.end:b.start]
    return len(gap) < 60 and bool(re.search(r",|\band\b|\bincluding\b", gap)) \
        and not re.search(r"[;:]|\bsaid\b|,\s+(?:while|whereas)\b(?!\s+\w+ing\b)", gap, _I)


_OWN_PLACE_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,5}?(?:over|in|near|around|at|outside|for)\s+(?:the\s+)?"
                              r"(?:(?:city|town|village|region|territory)\s+of\s+(?:the\s+)?)?", _I)
_LAUNCHED_THESE = re.compile(r"\b(?:launched|fired|sent)\s+(?:[\w-]+\s+){0,3}?$"
                             r"|\b(?:attacked|struck|targeted|hit)\s+[^,.;]{0,60}?\bwith\s+(?:[\w-]+\s+){0,2}?$", _I)
_ATTACKED_A_LAND = re.compile(r"\battack(?:ed|s|ing)?\s+(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?(?:[A-Z][\w'’-]*\s+){0,3}"
                              r"(?:Republic|Region|Oblast|region|oblast|territory|city|town)\b", )
_ALL_SHOT_DOWN = re.compile(r"[,;]\s*(?:and\s+)?all\s+(?:of\s+them|(?:the\s+|of\s+the\s+)?(?:drones|uavs|unmanned\s+aerial\s+vehicles))?\s*"
                            r"(?:were|have\s+been|had\s+been)\s+(?:successfully\s+)?(?:%s)" % L.SHOT_DOWN, _I)
_EARLIER_EVENT = re.compile(r"\b(?:last\s+(?:month|year)|in\s+(?:early\s+|mid-?|late\s+)?(?:January|February|March|April|June|July|"
                            r"August|September|October|November|December)\b|earlier\s+this\s+(?:month|year)|"
                            r"(?:a|one|two|three|several)\s+(?:months?|years?)\s+ago|one\s+of\s+the\s+deadliest)", _I)
_ANOTHER = re.compile(r"\s*[\"“]?(?:Another|A\s+further|An\s+additional|Also,?)\b")
_OVER_A_PLACE = re.compile(r"\s+(?:each\s+)?(?:over|above)\s+(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?(?-i:[A-Z])", _I)
_BREAKDOWN_GAP = re.compile(r"[^.;:\d]{0,80}:\s*[\"“]?\s*", _I)


def _broken_down(t: str, a: Quantity, b: Quantity) -> bool:
    """b opens a breakdown of a after a colon: "destroyed 337 drones: 91 over X region, ..."
    (a part is smaller than its total)."""
    whole, part = a.value or a.low or a.high, b.value or b.high or b.low
    return whole is not None and part is not None and part < whole \
        and _BREAKDOWN_GAP.fullmatch(t, a.end, b.start) is not None


def _listed(t: str, a: Quantity, b: Quantity) -> bool:
    """b follows a in a list: "12 tanks, five armoured vehicles and", "230 residents, including 40"."""
    gap = t[a.end:b.start]
    return len(gap) < 60 and bool(_LIST_GAP.search(gap)) and not re.search(r"[;:]|\bsaid\b", gap)


_NEXT_QUANTITY_CUE = re.compile(r"\b(?:now|currently|still|only)\s+(?:has|have|had|houses|counts|numbers)?\s*(?:only\s+|just\s+|about\s+)?"
                                r"(?:\d|a\s+few|several|some|hundreds|dozens|thousands)", _I)


# "there are currently 1,200 children in these settlements": people still in the places
_STILL_THERE = re.compile(r"\s+(?:still\s+)?(?:living\s+)?in\s+(?:the|these|this|those)\s+(?:[\w-]+\s+){0,2}?(?:settlements?|city|town|village|"
                          r"communit(?:y|ies)|areas?|districts?|hromadas?|localities|zone)\b", _I)
# "the population has fallen from 320,000 to just under 50,000", "dropped from 30,000 before the
# war to about 2,000": the first number is what there was, the one after "to" what is left.
_POP_FELL_FROM = re.compile(r"\b(?:population|residents|inhabitants|number\s+of\s+(?:\w+\s+)?(?:people|residents|inhabitants|civilians))\b"
                            r"[^.;\d]{0,80}?\b(?:has\s+|had\s+|have\s+)?(?:fallen|fell|dropped|shrunk|shrank|decreased|declined|"
                            r"plummeted|dwindled|gone\s+down|went\s+down|been\s+reduced|reduced)\s+(?:sharply\s+|dramatically\s+)?"
                            r"(?:since\s+[^.;,]{1,30}?\s+)?from\s+$", _I)
_FELL_TO = re.compile(r"\s*(?:people|residents|inhabitants|civilians)?\s*(?:,?\s*(?:before|at|in|since|prior\s+to)\s+[^.;\d]{1,40}?)?"
                      r",?\s+(?:down\s+)?to\s*", _I)
_NOW_IT_IS = re.compile(r"\s*(?:people|residents|inhabitants)?\s*(?:[,;–—-]\s*)?(?:and\s+|but\s+|while\s+)?"
                        r"(?:now|today|currently)\s*,?\s*(?:it\s+|there\s+|the\s+figure\s+|the\s+number\s+)?"
                        r"(?:is|are|stands\s+at|has\s+(?:fallen|dropped|shrunk)\s+to|is\s+down\s+to)?\s*", _I)


# "struck a city in central Ukraine": the story's place, left unnamed
_A_TOWN_IN_COUNTRY = re.compile(r"\b(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:city|town|village|base|range|training\s+ground)\s+in\s+"
                                r"(?:\w+\s+)?(?:Ukraine|Russia)\b")
# ", in the Marinka - 40", "; near Toretsk: 12": another place's number after a label
_LABELS_NUMBER = re.compile(r"(?:\s+(?:direction|axis|sector|area|one))?\s*[-–—:]\s*(?:about\s+|over\s+|some\s+)?\d")
_LABELLED_NEXT = re.compile(r"[^.;:\d]{0,60}?[,;]\s*(?:and\s+)?(?:in|on|near|around|at)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+"
                            r"(?:\s+(?:direction|axis|sector|area|one))?\s*[-–—:]\s*(?:about\s+|over\s+|some\s+)?", _I)


def _population(t: str, q: Quantity, lo: int, default: str | None = None) -> str | None:
    left = t[lo:q.start]
    right = t[q.end:q.end + 80]
    pre_l = [m.end() for m in _PREWAR.finditer(left)]
    rem_l = [m.end() for m in _REMAINING.finditer(left)]
    for m in _POP_YEAR.finditer(left):      # "In August 2022, the population ... was 2,500": wartime
        y, by, month = int(m.group("y")), m.group("p").lower() in ("by", "before"), (m.group("m") or "").lower()
        if y < 2022 or (y == 2022 and by):
            pre_l.append(m.end())           # "In 2021 ...", "By 2022, 18,000 lived here"
        elif y > 2022 or month[:3] in ("mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"):
            rem_l.append(m.end())
    m = _NEXT_QUANTITY_CUE.search(right)
    if m:
        right = right[:m.start()]       # "a town of 20,000 that now has a few hundred": "now" is theirs
    if _PREWAR.search(right) and not _REMAINING.match(right.lstrip()):
        return "population_prewar"
    if pre_l or rem_l:
        # the nearest cue before the number decides ("out of a pre-war population of 60,000")
        return "population_prewar" if max(pre_l, default=-1) > max(rem_l, default=-1) else "population_remaining"
    if _PREWAR.search(t):
        return "population_prewar"
    if _REMAINING.search(right):
        return "population_remaining"
    return default


_POP_YEAR = re.compile(r"\b(?P<p>(?i:in|by|before|as\s+of|since))\s+(?:(?:early|late|mid-?)\s*)?(?:(?P<m>[A-Z][a-z]+)\s+)?(?P<y>20[12]\d)\b")
_FROM_SOMETHING = re.compile(r"\s*(?:\([^)]{0,25}\)\s*)?(?:away|from|off|short\s+of|to\s+the|of\s+the|behind|ahead|"
                             r"(?:north|south|east|west)\w*)\b", _I)


def _distance_ok(t: str, q: Quantity) -> str | None:
    before = t[max(0, q.start - 25):q.start]
    after = t[q.end:q.end + 40]
    after = re.sub(r"^\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?)\b", "", after, flags=_I)
    if re.match(r"\s*(?:\([^)]{0,25}\)\s*)?away\s+from\b", after, _I):
        return "distance_km"    # "located 400-500 metres away from the positions"
    if _DIST_NOT.search(before) or _DIST_NOT_AFTER.match(after) or re.match(r"^\s*(?:/|per\b)", after, _I):
        return None
    if q.unit == "m" and not _FROM_SOMETHING.match(after):
        return None     # "the water rose by 5 meters", "level reached 12 metres": no distance to a place
    return "distance_km"


_OF_A_TOWN = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:city|town|village)\b", _I)


def _territory_ok(t: str, q: Quantity) -> str | None:
    after = t[q.end:q.end + 60]
    tm = _TERRITORY.match(after)
    if _TERRITORY_NOT.match(after) and not (tm and _OF_A_TOWN.match(after)):
        return None     # "90% of the damaged buildings"; but "80% of the damaged city"
    window = t[max(0, q.start - 90):q.end + 60]
    if not _CONTROL.search(window):
        return None
    if _TERRITORY.match(after):
        return "territory_pct"
    if not re.match(r"\s+of\b", after) and _CONTROL_JUST_BEFORE.search(t, max(0, q.start - 40), q.start) \
            and _SIDE.search(window) and not _SHARE_NOT_LAND.match(after):
        return "territory_pct"      # "Russia now holds 73%", "after controlling 51.5% in mid-December, Russian forces"
    return None


_SHARE_NOT_LAND = re.compile(r"\s+(?:in\s+(?:the\s+)?(?:polls?|surveys?|ratings?|elections?|votes?)|stakes?|shares?|support|"
                             r"approval|interest|market)\b", _I)
# a control verb right before the share: its object is the place the text is about
_CONTROL_JUST_BEFORE = re.compile(r"\b(?:%s)\s+(?:(?:only|just|already|now|still)\s+)?$" % L.CONTROL, _I)


# --- sides --------------------------------------------------------------------------------------

def _opp(side: str | None) -> str | None:
    return {"russia": "ukraine", "ukraine": "russia"}.get(side or "")


def _term_side(m: re.Match, cside: str) -> str | None:
    if m.group("russia"):
        return "russia"
    if m.group("ukraine"):
        return "ukraine"
    own = cside if cside in ("russia", "ukraine") else None
    if m.group("enemy"):
        return _opp(own)
    return own


def _side_terms(t: str, lo: int, hi: int, cside: str) -> list[tuple[int, str | None, str]]:
    """(position, side, role) of side words in t[lo:hi]; role is agent, target or other."""
    out = []
    if cside in ("russia", "ukraine"):
        # "its forces", "our troops", "we": the speaker's own side acting
        for m in _OWN_AGENT.finditer(t, lo, hi):
            out.append((m.start(), cside, "agent"))
    for m in _SIDE_SCAN.finditer(t, lo, hi):
        side = _term_side(m, cside)
        after = t[m.end():m.end() + 40]
        word = m.group(0)
        if _TARGET_BEFORE.search(t, max(0, m.start() - 60), m.start()) \
                and not _FORCES_OF.search(t, max(0, m.start() - 30), m.start()):
            role = "target"     # (but "the Armed Forces of Ukraine" are Ukraine's)
        elif (c := _COUNTED_BEFORE.search(t[max(0, m.start() - 24):m.start()])) and not _MONTH_BEFORE.search(
                t[max(0, m.start() - 24 + c.start() - 12):max(0, m.start() - 24) + c.start()]):
            role = "other"        # "killed 300 Ukrainian servicemen": the counted, not the actor
        elif _SPEAKER_AFTER.match(t, m.end()):
            role = "speaker"      # "Russia's Defence Ministry said ...": who talks, not who acts
        elif _NOT_AGENT_AFTER.match(after):
            role = "other"
        elif _ADJ_SIDE.search(word):
            role = "agent" if _AGENT_AFTER.match(after) else "other"
        elif re.search(r"\b(?:in|of|from|across|to|for|into|with|by)\s+(?:the\s+)?(?:(?:eastern|western|southern|northern|"
                       r"central|north-?eastern|north-?western|south-?eastern|south-?western|occupied)\s+)?$",
                       t[max(0, m.start() - 30):m.start()], _I) \
                and not _FORCES_OF.search(t, max(0, m.start() - 30), m.start()):
            role = "other"      # "in eastern Ukraine", but not "the Armed Forces of Ukraine"
        else:
            role = "agent"
        out.append((m.start(), side, role))
    out.sort()
    return out


# A count right before a side word ("300 Ukrainian servicemen"), not a date ("on November 12
# that Russian forces ...") nor a number ending a clause.
_FORCES_OF = re.compile(r"\b(?:forces|army|military|troops|navy|ministry|government|president|command)\s+of\s+(?:the\s+)?$", _I)
_COUNTED_BEFORE = re.compile(
    r"(?<![\w,])(?!(?:19|20)\d\d\b)\d[\d,.]*\s+(?:(?!(?:that|and|as|when|while|but|which|who|after|before|"
    r"since|because|where|said|says)\b)[a-z][\w-]*\s+)?$")
_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", _I)
_OWN_AGENT = re.compile(r"\b(?:its|our|their)\s+(?:own\s+)?(?:forces|troops|units|military|army|air\s+defen[cs]es|defenders|"
                        r"soldiers|fighters|aircraft|artillery|drones|navy|air\s+force)\b|\bwe\b", _I)
_SPEAKER_AFTER = re.compile(
    r"(?:'s|’s)?(?:\s+(?:[A-Z][\w'’-]*|defen[cs]e|foreign|interior|general|military|armed|forces|ministry|staff|"
    r"of|for|on|the|and|officials?|authorities|spokes\w+|today|yesterday|again|also|later|earlier|has|have|had)){0,6}?\s+(?:said|says|claimed|claims|stated|states|reported|"
    r"reports|told|announced|estimated|estimates|believes?|added|wrote|write|writes|described|describes|"
    r"(?:raised|updated|revised|increased|lowered)\s+(?:the|its|their)\s+(?:\w+\s+)?toll)\b")


def _mods_side(text: str, cside: str) -> str | None:
    for m in _SIDE_SCAN.finditer(text):
        s = _term_side(m, cside)
        if s:
            return s
    return None


def _side(kind: str, t: str, q: Quantity, r: _Read, lo: int, cside: str, prev) -> str | None:
    if r.head == "civilian" and r.head_text.lower() in ("people", "persons") and prev is not None \
            and kind in CASUALTY_KINDS and prev[1] in CASUALTY_KINDS and prev[2] in ("ukraine", "russia") \
            and _LOSS_NOUN.search(t, prev[0].end, q.start) and not _CIVILIANS_NAMED.search(t, prev[0].end, q.start):
        return prev[2]      # "Kyiv lost 383,000 soldiers, and its losses in the offensive were 159,000 people"
    side = _side_rules(kind, t, q, r, lo, cside, prev)
    if side is None and prev is not None and prev[1] == kind and (
            _listed(t, prev[0], q) or _subset(t, prev[0], q) or _RUNNING.search(t, prev[0].end, q.start)):
        return prev[2]     # "145 Shahed drones and three ballistic missiles", "..., bringing to 900 the number"
    if side is None and (kind in CASUALTY_KINDS or kind == "equipment_lost") and r.before \
            and r.before_start < _clause_start(t, q.start, lo) and t.rfind(";", r.before_start, q.start) >= 0:
        # a ';' list headed by "Ukraine lost ...": whose losses is the subject of that verb
        subject = [x for x in _side_terms(t, _clause_start(t, r.before_start), r.before_start, cside)
                   if x[1] and x[2] != "speaker"]
        if subject:
            return subject[-1][1]
    return side


def _side_rules(kind: str, t: str, q: Quantity, r: _Read, lo: int, cside: str, prev) -> str | None:
    if kind in ("population_prewar", "population_remaining", "evacuated"):
        return "civilian"
    if kind == "distance_km":
        return None
    cs = _clause_start(t, q.start, lo)
    left_terms = _side_terms(t, cs, q.start, cside)
    agents = [x for x in left_terms if x[2] == "agent" and x[1]]
    if kind == "territory_pct":
        terms = [x for x in left_terms if x[2] != "target" and x[1]]
        # the holder is the clause's actor, not a side word on the land ("seized 1% of additional
        # Ukrainian territory and now controls 20%": Russia's)
        holders = [x for x in terms if x[2] == "agent"]
        if not holders and prev is not None and prev[1] == "territory_pct" and prev[2]:
            return prev[2]      # "... and now controls about 20%": the same subject
        holders = holders or terms
        if holders:
            return holders[-1][1]
        if cside in ("russia", "ukraine") and re.search(r"\b(?:his|her|their|our|its)\s+(?:own\s+)?(?:soldiers|troops|forces|"
                                                       r"fighters|units|men|army)\b", t[cs:q.start], _I):
            return cside        # "Prigozhin said his soldiers held 80% of the city": the speaker's side
        return "russia" if re.search(r"\boccup|under\s+russian\s+control", t, _I) else None
    if kind in CASUALTY_KINDS and (no := _NUMBER_OF_TO.search(t, max(0, q.start - 150), q.start)) \
            and (sm := _SIDE.search(t, no.start(), min(no.end(), no.start() + 50))):
        return _term_side(sm, cside)    # "the number of dead Russian soldiers could reach 40,000"
    if kind in CASUALTY_KINDS or kind == "equipment_lost":
        m = _SIDE_LOSSES_CAME_TO.search(t, max(lo, q.start - 200), q.start) \
            or _LOSSES_OF_SIDE_DASH.search(t, max(lo, q.start - 200), q.start)
        if m is None and (w := _SIDE_WITH_LOSSES.search(t, max(0, q.start - 160), q.start)) \
                and not any(x[2] == "agent" for x in _side_terms(t, w.end("side"), q.start, cside)):
            m = w   # (not when another side word sits between: "Ukrainian forces repelled ..., where
                    # Russian troops suffered losses of 120")
        sm = _SIDE.match(t, m.start("side")) if m else None
        if sm:
            return _term_side(sm, cside)    # "Russian losses over the day amounted to 609 people"
    np_text = t[q.end:r.np_end] if r.head else ""
    if _SIDE_PAIR.search(np_text):
        return None         # "Ukrainian and Russian troops": both sides
    if kind in CASUALTY_KINDS and (pm := re.match(r"\s*\((Ukrainian|Russian)\)", t[q.end:q.end + 14], _I)):
        return "ukraine" if pm.group(1).lower() == "ukrainian" else "russia"   # "23,367 (Ukrainian) irreparable losses"
    if kind in CASUALTY_KINDS and kind != "captured" and r.head == "civilian" and _CIVILIANS_NAMED.fullmatch(r.head_text):
        return "civilian"       # "killed 12 Ukrainian civilians": civilians, whoever's country
    s = _mods_side(np_text, cside)
    if s:
        return s
    if kind in CASUALTY_KINDS or kind == "equipment_lost":
        m = _LOSSES_OF_SIDE.search(t, cs, q.start)
        sm = _SIDE.match(t, m.start("side")) if m else None
        if sm:
            return _term_side(sm, cside)    # "casualty figures for Russian troops ... hitting 35,000"
    if kind in CASUALTY_KINDS and cs > 0 and t[:cs].rstrip().endswith(":") and not np_text \
            and (vs := list(_LOSS_VERB.finditer(t, 0, cs))):
        # "Ukraine has lost half of its army: 61,207 dead, 49,368 wounded": the list's losses are the subject's
        v = vs[-1]
        subject = [x for x in _side_terms(t, _clause_start(t, v.start()), v.start(), cside) if x[1] and x[2] != "speaker"]
        if subject:
            return subject[-1][1]
    if kind in CASUALTY_KINDS and (v := _SUFFERED_PAREN.search(t, max(lo, q.start - 80), q.start)):
        subject = [x for x in _side_terms(t, _clause_start(t, v.start(), lo), v.start(), cside) if x[1] and x[2] != "speaker"]
        if subject:
            return subject[-1][1]           # "the Ukrainian side suffered heavy casualties (around 30,000)"
    if kind in CASUALTY_KINDS and kind != "captured" and _LOSS_NOUN_AFTER.match(t, q.end) \
            and (v := _TOOK_LOSSES.search(t, cs, q.start)):
        # "Russian forces have sustained over a million casualties", "Russia suffered an average
        # of 1,140 casualties per day": whose losses is the subject of the verb
        subject = [x for x in _side_terms(t, cs, v.start(), cside) if x[1] and x[2] != "speaker"]
        if subject:
            return subject[-1][1]
    if r.head == "neutral" and kind in CASUALTY_KINDS and _CIVILIAN_LIST_AFTER.match(t, r.np_end):
        return "civilian"                   # "over 300 men, women and children"
    tail = t[r.np_end:r.np_end + 60]
    if kind in ("attacks", "strikes"):
        if (no := _NUMBER_OF_TO.search(t, max(0, q.start - 150), q.start)) and \
                (sm := _SIDE.search(t, no.start(), no.start() + 40)):
            return _term_side(sm, cside)    # "the number of Russian attacks ... increased to eight"
        # the attacker may be named before an earlier number of the same clause
        left_terms = _side_terms(t, _clause_start(t, q.start), q.start, cside)
        agents = [x for x in left_terms if x[2] == "agent" and x[1]]
        m = re.match(r"\s*(?:on|against|at|targeting)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,5}?", tail, _I)
        if m:
            sm = _SIDE.search(tail, m.end(), m.end() + 30)
            if sm and sm.start() == m.end():
                return _opp(_term_side(sm, cside))
        m = re.match(r"\s*(?:(?:launched|fired|sent|carried\s+out)\s+)?(?:by|from)\s+(?:the\s+)?"
                     r"(?:(?:assault\s+groups|units|elements|troops|forces)\s+of\s+(?:the\s+)?)?", tail, _I)
        if m:
            sm = _SIDE.match(tail, m.end())
            if sm:
                return _term_side(sm, cside)
        if (m := _OF_ATTACKERS.match(tail)) and (sm := _SIDE.match(tail, m.start("side"))):
            return _term_side(sm, cside)        # "repelled 20 attacks of Russian troops"
        if (m := _OF_TARGETS.match(tail)) and (sm := _SIDE.match(tail, m.start("side"))):
            return _opp(_term_side(sm, cside))  # "1,882 shellings of our positions": the target's enemy
        if (m := _AND_NEXT_BY.match(t, r.np_end)) and (sm := _SIDE.match(t, m.end())):
            return _term_side(sm, cside)        # "387 instances of shelling and 19 assaults by Russian forces"
        if r.before == "repelled" or _REPELLED_BEFORE.search(t, cs, q.start):
            before_verb = [x for x in agents if x[0] < r.before_start] or agents
            if before_verb:
                return _opp(before_verb[-1][1])
            return _opp(cside if cside in ("russia", "ukraine") else None)
        if agents:
            return agents[-1][1]
        targets = [x for x in left_terms if x[2] == "target" and x[1]]
        return _opp(targets[-1][1]) if targets else None
    if kind == "equipment_lost":
        if prev is not None and prev[1] == "equipment_lost" and r.before is None \
                and (_listed(t, prev[0], q) or _broken_down(t, prev[0], q)):
            return prev[2]
        if prev is not None and prev[1] in ("killed_or_wounded", "killed") and prev[2] in ("russia", "ukraine") \
                and r.before is None and _listed(t, prev[0], q):
            return prev[2]      # "neutralized 40 Ukrainian troops, six vehicles": the same side's
        if m := _COST_HARDWARE.search(t, max(0, q.start - 250), q.start):
            sm = _SIDE.match(t, m.start("whom"))
            return _term_side(sm, cside) if sm else None
        if (lv := _LAUNCHED_THESE.search(t, max(0, q.start - 60), q.start)) and not _LOSS_VERB.search(t, lv.end(), q.start):
            # "Russia launched 40 drones, which were shot down": the launcher's drones
            launchers = [x for x in _side_terms(t, _clause_start(t, lv.start()), lv.start(), cside) if x[2] == "agent" and x[1]]
            if launchers:
                return launchers[-1][1]
        verbs = list(_LOSS_VERB.finditer(t, 0, q.start))
        if verbs:
            v = verbs[-1]
            left_terms = _side_terms(t, 0, q.start, cside)
            agents = [x for x in left_terms if x[2] == "agent" and x[1]]
            if _LOSS_ONLY.match(v.group(0)):
                terms = [x for x in left_terms if x[2] != "target" and x[0] < v.start()]
                return terms[-1][1] if terms else None
            agents_before = [x for x in agents if x[0] < v.start()]
            if agents_before:
                return _opp(agents_before[-1][1])
        elif agents:
            return _opp(agents[-1][1])
        # no owner named: a belligerent's military reports the other side's losses
        # ("the Russian Defence Ministry said 54 armoured vehicles had been destroyed")
        if cside in ("russia", "ukraine") and (not verbs or not _LOSS_ONLY.match(verbs[-1].group(0))):
            return _opp(cside)
        return None
    # casualties
    if kind == "captured" and r.head_text.lower() in ("people", "persons", "individuals"):
        # "30,000 people remain in Russian captivity": the held side, civilians among them
        m = _HELD_BY.search(t, r.np_end, min(len(t), r.np_end + 80))
        sm = _SIDE.match(t, m.end()) if m else None
        if sm:
            return _opp(_term_side(sm, cside))
    if kind == "captured" and r.head != "demonym" and (home := _CAME_HOME.match(t, r.np_end)):
        # a swap's returnees are the side they come home to ("88 people returned to Ukraine")
        sm = re.search(r"\b(ukraine|russia)\b", home.group(0), _I)
        if sm:
            return sm.group(1).lower()
        if cside in ("russia", "ukraine") and not _SIDE.search(t, q.start, r.np_end):
            return cside        # "212 people came home, the ministry said": its own people
    if kind == "captured" and r.before == "released" and re.search(r"\breturn(?:ed)?\s+(?:[\w-]+\s+)?$", t[r.before_start:q.start], _I):
        to = re.match(r"\s+(?:home\s+)?to\s+(ukraine|russia)\b", t[r.np_end:r.np_end + 30], _I)
        if to:
            return to.group(1).lower()  # "Moscow returned 40 soldiers to Ukraine"
        # "Ukraine has returned 1,358 prisoners": its own or the other's; the words do not say
    if kind == "captured" and re.search(r"\beach\b", t[q.end:min(len(t), r.np_end + 60)]) \
            and not _SIDE.search(t, q.end, r.np_end):
        return None     # "150 captives released by Russia and Ukraine each": both sides' count
    if kind == "captured" and (fm := re.search(r"\bfrom\s+(?:the\s+)?(?:armed\s+forces|army|ranks|military)\s+of\s+(?:the\s+)?(?=\S)",
                                               t[r.np_end:r.np_end + 50])) and (sm := _SIDE.match(t, r.np_end + fm.end())):
        return _term_side(sm, cside)    # "150 prisoners of war from the armed forces of Ukraine"
    if kind == "captured" and (cap := re.match(r"[^.;]{0,40}?\bfrom\s+(?:the\s+)?(?=\S)", t[r.np_end:r.np_end + 60])) \
            and (sm := _SIDE.match(t, r.np_end + cap.end())) and re.match(r"\s*captivity\b", t[r.np_end + cap.end() + len(sm.group(0)):], _I):
        return _opp(_term_side(sm, cside))     # "215 prisoners of war from Russian captivity": Ukraine's
    if kind == "captured" and r.before == "released" and re.match(r"(?i)return\s+of", t[r.before_start:q.start]) \
            and cside in ("russia", "ukraine") and not _SIDE.search(t, q.start, r.np_end):
        return cside        # "Kyiv reported the return of 185 soldiers": its own people home
    if kind == "captured" and r.before == "released" and re.search(r"\bbr(?:ing|ings|inging|ought)\s+(?:back\s+)?home\s+$", t[r.before_start:q.start], _I):
        before_verb = [x for x in agents if x[0] < r.before_start]
        if before_verb:
            return before_verb[-1][1]   # "Kyiv is bringing home 120 soldiers": its own people
    if r.head == "civilian" and r.head_text.lower() in ("people", "persons") and _MILITARY_SITE.search(t):
        # "87 people were killed when Russian forces bombed a barracks": the soldiers of the struck side
        m = _BY_ATTACKER.search(t) or _ATTACKER_STRUCK.search(t)
        sm = _SIDE.match(t, m.start("side")) if m else None
        if sm:
            return _opp(_term_side(sm, cside))
    if kind == "captured" and r.head == "civilian" and not re.match(r"civilians?\b", r.head_text, _I) \
            and _SWAP_CONTEXT.search(t):
        return None             # "108 women had been released" in a swap: prisoners of war, whose the words do not say
    if r.head == "civilian" and r.head_text.lower() in ("people", "persons") and kind == "killed_or_wounded":
        # "Ukraine lost 66 thousand people", "enemy losses have exceeded 66 thousand people",
        # "they lose 300-400 people killed and wounded": an army's losses, whose the words say
        m = _STATE_LOST.search(t, max(lo, q.start - 90), q.start) or _LOSSES_REACHED.search(t, max(lo, q.start - 120), q.start)
        sm = _SIDE.match(t, m.start("side")) if m else None
        if sm and (side := _term_side(sm, cside)) in ("russia", "ukraine"):
            return side
    if r.head == "civilian" or (r.head is None and r.before and _CIVILIAN_WORD.search(t, r.before_start, q.start)):
        return "civilian"       # "12 people", "the number of people killed rose to 58"
    if r.head is None and kind in ("killed", "wounded", "killed_or_wounded") \
            and _CIVILIAN_TOLL_BEFORE.search(t, max(lo, q.start - 70), q.start):
        return "civilian"       # "33% of all civilian casualties (34 killed and 308 injured)"
    hs = _SIDE.match(r.head_text)
    if hs:
        return _term_side(hs, cside)
    if r.head in ("neutral", None) and prev is not None and prev[1] in CASUALTY_KINDS and _joined(t, prev[0], q):
        return prev[2]     # "killed 12 people and wounded 27 others"
    m = re.match(r"\s*(?:(?:casualties|losses|deaths|fatalities)\s+)?(?:that|which)?\s*", t[r.np_end:r.np_end + 60], _I)
    sm = _SIDE.match(tail, m.end())
    if sm and re.match(r"\s*(?:\w+\s+){0,2}?(?:have\s+|had\s+|has\s+)?(?:suffered|sustained|lost|incurred)\b", tail[sm.end():], _I):
        return _term_side(sm, cside)    # "1,690 casualties that Russian forces suffered"
    m = re.match(r"\s*(?:\w+\s+){0,3}?(?:among|of)\s+(?:the\s+)?", tail, _I)
    if m:
        sm = _SIDE.match(tail, m.end())
        if sm:
            return _term_side(sm, cside)
    if r.colon:
        terms = [x for x in _side_terms(t, 0, q.start, cside) if x[2] != "target"]
        return terms[-1][1] if terms else None
    loss_nouns = list(_LOSS_NOUN.finditer(t, cs, q.start))
    if loss_nouns and r.head in (None, "military", "neutral"):
        pm = _POSSESSIVE.search(t, max(0, loss_nouns[-1].start() - 40), loss_nouns[-1].start())
        if pm:
            # "Russia has lost 1,120 soldiers ..., bringing its total losses to 412,370": its = the subject
            subj = [x for x in _side_terms(t, 0, pm.start(), cside) if x[2] == "agent" and x[1]]
            if subj:
                return subj[0][1]
            if prev is not None and prev[1] == kind and prev[2]:
                return prev[2]
        # "Ukraine's losses since the start of the war stand at 43,000"
        terms = [x for x in left_terms if x[2] not in ("target", "speaker") and x[0] < loss_nouns[-1].start()]
        # an actor ("the Russian army, which fought in eastern Ukraine, faced losses") before a mere
        # location, unless the side word is on the loss noun itself ("a daily Russian death toll")
        if terms and loss_nouns[-1].start() - terms[-1][0] > 25:
            terms = [x for x in terms if x[2] == "agent"] or terms
        if terms:
            return terms[-1][1]
    if r.before in ("killed_or_wounded", "killed") and r.before_start > cs:
        # "puts the number of Russian casualties at 55,110": the side word on the loss noun
        sms = [sm for sm in _SIDE.finditer(t, max(cs, r.before_start - 40), r.before_start)
               if re.fullmatch(r"\s+(?:[\w-]+\s+)?", t[sm.end():r.before_start])]
        if sms and _LOSS_NOUN.match(t, r.before_start):
            return _term_side(sms[-1], cside)
    killer = r.before == "killed_or_wounded" and _KILLER_VERB.match(t, r.before_start) is not None
    if (r.before in ("lost", "killed_or_wounded") and not killer) or re.search(
            r"\b(?:losses|casualties|death\s+toll|dead)\s*(?:stood|were|was|of|:|at|include)?\s*$", t[cs:q.start], _I):
        # whose toll: a side named before it, not the speaker's ("the Russian ministry raised the death toll")
        terms = [x for x in left_terms if x[2] not in ("target", "speaker") and x[0] < r.before_start]
        return terms[-1][1] if terms else None
    if re.search(r"\b(?:its|their|his|her)\b", np_text, _I):
        terms = [x for x in left_terms if x[1]]
        return terms[-1][1] if terms else None
    if (r.head == "military" or killer and r.head in (None, "neutral")) \
            and r.before in ("killed", "wounded", "killed_or_wounded", "captured"):
        before_verb = [x for x in agents if x[0] < r.before_start]
        if before_verb:
            return _opp(before_verb[0][1])     # the clause's subject, not a word in a relative clause
        if (m := _BY_ATTACKER.search(t, 0, r.before_start)) and (sm := _SIDE.match(t, m.start("side"))):
            return _opp(_term_side(sm, cside))  # "an attack by Ukraine's drone killed three servicemen"
        return _opp(cside if cside in ("russia", "ukraine") else None)   # "its forces killed 300 soldiers"
    if kind == "captured":
        # "still held in Russian captivity", "held by Russia": the captives are the other side's
        m = _HELD_BY.search(t, r.np_end, min(len(t), r.np_end + 80))
        if m:
            sm = _SIDE.match(t, m.end())
            if sm:
                return _opp(_term_side(sm, cside))
    if r.head in (None, "military", "neutral"):
        # "Ukraine rarely discloses its own death toll, but Zelensky said 31,000 soldiers had been killed"
        for start in (cs, 0):       # "Russia suffered 900 casualties, while Ukraine reported 210 casualties"
            owners = {_term_side(sm, cside) for m in _OWNER.finditer(t, start) for sm in [_SIDE.match(t, m.start())] if sm}
            if len(owners) == 1:
                return owners.pop()
            if owners:
                break
    if r.head == "military":
        # "47 soldiers were missing after a Russian strike", "killed by Ukrainian shelling"
        m = _BY_ATTACKER.search(t)
        if m:
            sm = _SIDE.match(t, m.start("side"))
            if sm:
                return _opp(_term_side(sm, cside))
    return None


_OF_ATTACKERS = re.compile(r"\s*of\s+(?:the\s+)?(?P<side>\w+(?:['’]s)?)\s+(?:[\w-]+\s+)?(?:troops|forces|army|units|"
                           r"invaders|occupiers|military|soldiers|aviation|artillery)\b", _I)
_OF_TARGETS = re.compile(r"\s*of\s+(?:the\s+)?(?P<side>\w+(?:['’]s)?)\s+(?:[\w-]+\s+)?(?:positions|cities|towns|settlements|villages|"
                         r"territory|territories|infrastructure|areas|regions|communities|defen[cs]es|lines)\b", _I)
_AND_NEXT_BY = re.compile(r"\s+and\s+(?:\d[\d,.]*|[a-z]+)\s+(?:[\w-]+\s+){0,2}?(?:assaults?|attacks?|shellings?|strikes?|"
                          r"air\s+strikes?|bombardments?)\s+(?:carried\s+out\s+|launched\s+)?(?:by|from)\s+(?:the\s+)?", _I)
_LOSS_WORDS = r"(?:losses|death\s+toll|casualties|casualty\s+(?:figures|toll|numbers)|military\s+dead)\b"
_SIDE_ALT = _alt(_alt(v) for k, v in L.SIDE_WORDS.items() if k not in ("own", "enemy"))
_OWNER = re.compile(r"\b(?:%s)(?:(?:'s|’s)?\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?%s|\b[^.;]{0,40}?\b(?:its|their)\s+own\s+"
                    r"(?:[\w-]+\s+){0,2}?%s)" % (_SIDE_ALT, _LOSS_WORDS, _LOSS_WORDS), _I)
_LOSSES_OF_SIDE = re.compile(r"\b(?:losses|casualties|casualty\s+(?:figures|numbers|toll)|death\s+toll)\s+(?:for|of|among|suffered\s+by|on)\s+"
                             r"(?:the\s+)?(?P<side>%s)" % _SIDE_ALT, _I)
_CIVILIAN_TOLL_BEFORE = re.compile(r"\bcivilian\s+(?:casualties|deaths|victims|toll|losses)\b[^.;:\d]{0,40}[(:,–—-]?\s*$", _I)
_ANY_SIDE_ALT = _alt(_alt(v) for v in L.SIDE_WORDS.values())
# a state or army that lost people: "Ukraine lost", "the enemy has lost", "they lose"
_STATE_LOST = re.compile(r"(?:^|[^\w-])(?P<side>%s)(?:['’]s\s+(?:army|military|forces))?\s+(?:(?:has|have|had|already|reportedly|"
                         r"allegedly|also|may|might|could|would|likely|probably)\s+)*(?:lost|lose|loses|losing)\s+(?:(?:more\s+than|over|about|around|nearly|almost|"
                         r"up\s+to|some|at\s+least)\s+)?$" % _ANY_SIDE_ALT, _I)
_LOSSES_REACHED = re.compile(r"(?:^|[^\w-])(?P<side>%s)\s+(?:[\w-]+\s+)?losses\b[^.;:]{0,60}?\b(?:have\s+|has\s+)?(?:exceeded|surpassed|"
                             r"topped|reached|amounted\s+to|totall?ed|stood\s+at|came\s+to|rose\s+to|grew\s+to)\s+"
                             r"(?:(?:more\s+than|over|about|around|nearly|almost|some)\s+)?$" % _ANY_SIDE_ALT, _I)
_SIDE_LOSSES_CAME_TO = re.compile(r"(?:^|[^\w-])(?P<side>%s)\s+(?:[\w-]+\s+)?losses\b[^.;:]{0,120}?\b(?:amounted\s+to|totall?ed|"
                                  r"reached|stood\s+at|came\s+to|were)\s+(?:[^.;:]{0,100}?(?:,|\band\b)\s*)?$" % _SIDE_ALT, _I)
# "Total losses of Russia in the Kursk region — 20,842 soldiers": a heading-like tally
_LOSSES_OF_SIDE_DASH = re.compile(r"\blosses\s+of\s+(?:the\s+)?(?P<side>%s)\b[^.;:\d]{0,80}?(?:\s[—–-]|:)\s*"
                                  r"(?:(?:more\s+than|over|about|around|nearly|almost|some)\s+)?$" % _SIDE_ALT, _I)
# "Ukraine attacked at seven points but with significant losses of over 1,600 men": the attacker's
# "The Russian army, which ..., has faced losses of at least 4,000 troops"; "Ukrainian forces attempted to
# cross the border, which resulted in losing around 3,000 troops"
_SIDE_WITH_LOSSES = re.compile(r"(?:^|[^\w-])(?P<side>%s)\s+(?:[\w-]+\s+){0,2}?(?:(?:attacked|advanced|tried|attempted|launched|"
                               r"stormed|assaulted|counterattacked|pushed)\b[^.;:]{0,100}?\bwith\s+(?:[\w-]+\s+){0,2}?"
                               r"(?:losses|casualties)\s+of|(?:army|forces|troops|military|units)\b[^.;:]{0,160}?\b(?:(?:faced|suffered|sustained|"
                               r"incurred)\s+(?:[\w-]+\s+){0,3}?(?:losses|casualties)\s+of|(?:resulted|resulting)\s+in\s+losing))\s+"
                               r"(?:(?:at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to)\s+)?$"
                               % _SIDE_ALT, _I)
_CIVILIAN_LIST_AFTER = re.compile(r"\s*,?\s*(?:and\s+)?(?:women|children)\b", _I)
_POSSESSIVE = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?$", _I)
_HELD_BY = re.compile(r"\b(?:in|by)\s+(?:the\s+)?(?=\S)", _I)
_MILITARY_SITE = re.compile(r"\b(?:barracks|training\s+(?:ground|range|centre|center|station|camp|base)|military\s+(?:training\s+)?(?:base|unit|academy|range|"
                            r"school|airfield|camp)|army\s+(?:base|camp)|(?:fleet|army|naval|navy|brigade|regiment|division)\s+(?:headquarters|hq)|"
                            r"air\s*base|naval\s+base|command\s+post)\b", _I)
_ATTACKER_STRUCK = re.compile(r"\b(?P<side>%s)\s+(?:[\w-]+\s+){0,2}?(?:bombed|struck|hit|shelled|attacked|fired\s+on|targeted)\b"
                              % _alt(_alt(v) for k, v in L.SIDE_WORDS.items() if k != "own"), _I)
_BY_ATTACKER = re.compile(
    r"(?:\b(?:after|in|by|during|from|amid|following|under|when|result\s+of)\s+|^\s*)(?:an?\s+|the\s+)?(?:(?:overnight|massive|massed|heavy|"
    r"deadly|latest|new|combined)\s+)?(?P<side>%s)\s+(?:[\w-]+\s+){0,2}?(?:strikes?|attacks?|shelling|missiles?|drones?|"
    r"bombardments?|air\s*strikes?|fire|raids?|barrages?|artillery|bombs?|bombing)\b"
    % _alt(_alt(v) for k, v in L.SIDE_WORDS.items() if k != "own"), _I)


# --- claimant, place, period ----------------------------------------------------------------------

_ENEMY_WORD = re.compile(r"\b(?:enemy|occupiers?|invaders?|occupation\s+forces|russists?)\b", _I)


def _outlet_side(ctx: Doc) -> str | None:
    """The side of a belligerent's outlet (Ukrinform, TASS), whose own voice calls the other side 'the enemy'."""
    from .actors import lookup
    if not ctx.outlet:
        return None
    a = lookup(re.sub(r"\s*\(.*$", "", ctx.outlet).strip())
    return a.side if a is not None and a.kind in ("media", "outlet") and a.side in ("ukraine", "russia") else None


def _claimant(ctx: Doc, i: int, at: int, carry: bool = True):
    try:
        return claimants.attribute(ctx, i, at=at, carry=carry)
    except Exception:   # a claimant bug must not lose the figure
        return None


def _places(text: str):
    try:
        return list(places.find_places(text) or [])
    except Exception:
        return []


def _canon(t: str, m) -> str | None:
    """The mention's canonical name; "Donetsk territory/region" is the oblast."""
    if m.kind not in ("oblast", "region") and m.oblast and _NAMES_REGION.match(t[m.end:m.end + 40]):
        return m.oblast
    if places.raion_not_town(t, m):
        return m.oblast     # "11 border villages of Sumy district", "Chuhuiv and Bohodukhiv districts": raions, not towns
    if m.oblast == f"{m.name} Oblast" and re.match(r"\s+area\b", t[m.end:m.end + 10], _I) \
            and re.search(r"\bthe\s+$", t[max(0, m.start - 5):m.start], _I) \
            and (places.place_info(m.name) or {}).get("country") == "RU":
        return m.oblast     # "fighting in the Kursk area": the Russian border region, not its capital
    return m.name


def _usable(t: str, m, claimant, sent_start: int) -> bool:
    if m.kind == "country":
        return False
    if m.name in ("Kyiv", "Moscow") and re.match(r"(?:'s|’s)\b", t[m.end:m.end + 3]):
        return False    # "Moscow's invasion": the state, not the city
    metonymy = getattr(places, "is_metonymy", None)
    try:
        if metonymy is not None and metonymy(t, m):
            return False
    except Exception:
        pass
    if claimant is not None and claimant.start >= 0 and claimant.start - sent_start <= m.start < claimant.end - sent_start:
        return False
    if _TITLE_BEFORE.search(t, max(0, m.start - 40), m.start) or _TITLE_AFTER.match(t[m.end:m.end + 40]):
        return False
    if re.search(r"\baccording\s+to\b[^.;,]*$", t[max(0, m.start - 80):m.start], _I) \
            and not re.search(r"\b(?:in|near|at)\s+(?:the\s+)?(?:\w+\s+)?$", t[max(0, m.start - 30):m.start], _I):
        return False
    return True



# the place a strike is told on: "struck the village of X", "a missile attack on X", "shelled X"
_STRUCK_OBJECT = re.compile(r"\b(?:struck|hit|shelled|attacked|bombed|targeted|fired\s+(?:at|on|upon)|"
                            r"(?:strikes?|attacks?|shelling|bombing)\s+(?:on|of|against))"
                            r"\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:village|town|city|settlement)\s+of\s+)?$", _I)


_FRONTED_IN = re.compile(r"\s*(?:In|At|Near)\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:village|town|city|settlement)\s+of\s+)?", _I)
_STRUCK_LATER = re.compile(r"\b(?:struck|hit|shelled|attacked|bombed|targeted|fired\s+(?:at|on)|exploded|landed)\b", _I)


def _settlement_before(ctx: Doc, sent_start: int) -> bool:
    """The sentence before names a settlement: "Russians attacked Kupiansk. The governor of the
    Kharkiv region said 3 were killed there" is Kupiansk's, not the governor's region's."""
    i = ctx.sentence_at(sent_start)
    return bool(i) and any(m.kind in places.SETTLEMENTS for m in ctx.places(i - 1))


def _struck_just_before(ctx: Doc, i: int) -> str | None:
    """The one settlement the nearest sentence before that names a place (at most three back,
    across paragraphs) tells a strike on: "Russians struck the village of X. A house caught
    fire. “Two women were killed”" is X's toll."""
    for j in range(i - 1, max(-1, i - 4), -1):
        prev = ctx.sentences[j].text
        named = [m for m in ctx.places(j) if m.kind != "country" and not places.is_metonymy(prev, m)]
        if not named:
            continue
        towns = {m.name for m in named if m.kind in places.SETTLEMENTS
                 and (_STRUCK_OBJECT.search(prev, max(0, m.start - 60), m.start)
                      # "In the village of X, Y district, a drone attacked a car."
                      or (_FRONTED_IN.fullmatch(prev, 0, m.start) and _STRUCK_LATER.search(prev, m.end)))}
        return towns.pop() if len(towns) == 1 else None
    return None


_COORD_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*")


def _respective(t: str, q: Quantity, ms):
    """ "about 1,500 and 800 residents remain in X and Y, respectively": the place in the same
    position in its list as the number in its own, when both lists are as long."""
    end = t.find("respectively", q.end)
    if end < 0:
        return None
    qs = [x for x in find_numbers(t) if x.trap is None]
    k = next((n for n, x in enumerate(qs) if x.start == q.start), None)
    if k is None:
        return None
    lo = k
    while lo > 0 and _COORD_GAP.fullmatch(t, qs[lo - 1].end, qs[lo].start):
        lo -= 1
    hi = k
    while hi + 1 < len(qs) and _COORD_GAP.fullmatch(t, qs[hi].end, qs[hi + 1].start):
        hi += 1
    listed = [m for m in ms if qs[hi].end <= m.start and m.end <= end]
    if hi == lo or len(listed) != hi - lo + 1:
        return None
    return listed[k - lo]


def _place(ctx: Doc, t: str, q: Quantity, kind: str, mentions, claimant, sent_start: int) -> tuple[str | None, str | None]:
    ms = [m for m in mentions if _usable(t, m, claimant, sent_start)]
    if kind != "distance_km":
        # "Kupiansk, 120 km east of Kharkiv, had ...": Kharkiv is only a landmark
        ms = [m for m in ms if not _DIRECTION_OF.search(t, max(0, m.start - 40), m.start)]
        # "the village of Bilozerka near Kherson": Kherson only locates the village
        ms = [m for k, m in enumerate(ms) if not (k and ms[k - 1].kind in places.SETTLEMENTS and re.fullmatch(
            r"\s*,?\s*(?:near|outside|close\s+to|not\s+far\s+from)\s+(?:the\s+(?:city|town)\s+of\s+)?", t[ms[k - 1].end:m.start], _I))]
        # "Nikopol in Dnipropetrovsk Oblast", "Pokrovsk, Donetsk region": the region only locates the town
        ms = [m for k, m in enumerate(ms) if not (k and m.kind in ("oblast", "region") and ms[k - 1].kind in places.SETTLEMENTS
                                                   and ms[k - 1].oblast == m.name and re.fullmatch(
            r"\s*(?:,|\bin|\bof)?\s*(?:the\s+)?", t[ms[k - 1].end:m.start], _I))]
        # "the city of Dobropillia in Donetsk": a town is not in another town; the name is its region's
        ms = [m for k, m in enumerate(ms) if not (k and m.kind in places.SETTLEMENTS and ms[k - 1].kind in places.SETTLEMENTS
                                                   and ms[k - 1].oblast == f"{m.name} Oblast"
                                                   and re.fullmatch(r"\s+in\s+", t[ms[k - 1].end:m.start]))]
        # "taken to hospital in Dnipro": where the wounded were brought, not where it happened
        ms = [m for m in ms if not _DESTINATION.search(t, max(0, m.start - 60), m.start)]
    here = ctx.dateline_place or ctx.main_place
    if kind == "distance_km":
        # "Chasiv Yar, 10 kilometers west of ...": the place before the number
        before = [m for m in ms if m.end <= q.start and q.start - m.end <= 40]
        if not before and here and _HERE_BEFORE.search(t, max(0, q.start - 40), q.start):
            return here, "context"      # "Officials here, about 150 kilometres north of Kyiv": the dateline's town
        if before:
            # "Uman, in Cherkasy Oblast, is 215 km south of Kyiv": the oblast only locates the town
            town = [m for m in ms if m.end <= before[-1].start and m.kind in places.SETTLEMENTS
                    and m.oblast == before[-1].name]
            if town and before[-1].kind == "oblast":
                return _canon(t, town[-1]), "stated"
            if before[-1].kind == "oblast" and ctx.main_place and _TOWN_IN_REGION.search(t, max(0, before[-1].start - 40), before[-1].start) \
                    and (places.place_info(ctx.main_place) or {}).get("oblast") == before[-1].name:
                return ctx.main_place, "context"   # "their hometown in Zaporizhzhia region, 10 km from the front"
            return _canon(t, before[-1]), "stated"
        # "The town sits 8 km from the border", "the city lies 15 miles east of Kramatorsk": the subject's
        subject = _THE_TOWN_SUBJECT.search(t, 0, q.start)
        after = [m for m in ms if m.start >= q.end and m.start - q.end <= 60]
        if after:
            lead = t[max(q.end, after[0].start - 30):after[0].start]
            if re.search(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of\s+(?:the\s+)?(?:\w+\s+)?$", lead, _I):
                appos = _THE_TOWN_APPOS.search(t, max(0, q.start - 60), q.start)
                return (ctx.main_place, "default") if subject or appos else (None, None)
            if subject:
                return ctx.main_place, "default"
            if re.search(r"\b(?:from|to|into|of|near|around|outside|in|inside)\s+(?:the\s+)?(?:[\w'’-]+\s+)?$", lead, _I):
                return _canon(t, after[0]), "stated"
        if subject or _THE_TOWN_APPOS.search(t, max(0, q.start - 60), q.start):
            return ctx.main_place, "default"    # "... hit the city, located about 40 km from the border"
        if _TO_THE_TOWN.match(t, q.end):
            return ctx.main_place, "default"       # "Russian troops are 30 km from the city"
        km = max(v for v in (q.value, q.low, q.high, 0) if v is not None) * KM.get(q.unit, 1.0)
        if km < 2 and ctx.main_place:
            return ctx.main_place, "default"       # "the crater lay 50 metres away": a spot in the story's town
        return None, None
    if kind == "territory_pct":
        after = [m for m in ms if m.start >= q.end and re.fullmatch(
            r"\s+of\s+(?:the\s+)?(?:(?:city|town|village|settlement|region)\s+of\s+(?:the\s+)?)?(?:[\w'’-]+\s+)?",
            t[q.end:m.start])]
        if after:
            return _canon(t, after[0]), "stated"
        # "in Kherson, where Russia held 93% of its land": the place the share is of, named before
        before = [m for m in ms if m.end <= q.start and m.name not in ("Kyiv", "Moscow")]
        if before and _SHARE_OF_IT.match(t, q.end):
            m = before[-1]
            if m.kind in places.SETTLEMENTS and m.oblast == f"{m.name} Oblast":
                return m.oblast, "stated"     # land is the region's, not its capital city's
            return _canon(t, m), "stated"
        return None, None
    if kind in ("population_prewar", "population_remaining"):
        # "gave Pivdenne's pre-war population as 1,404": the town whose population it is
        owner = [m for m in ms if m.end <= q.start and _POPULATION_OF_IT.match(t, m.end)
                 and q.start - m.end < 60]
        if owner:
            return _canon(t, owner[-1]), "stated"
        # "Hirnyk, a town to the south with a pre-war population of over 10,000, and Selydove":
        # the town the appositive describes
        owner = [m for m in ms if m.end <= q.start and _APPOSITIVE_POPULATION.fullmatch(t, m.end, q.start)]
        if owner:
            return _canon(t, owner[-1]), "stated"
    before_q = [m for m in ms if m.end <= q.start]
    if kind in CASUALTY_KINDS and before_q and _TOLL_IN.search(t, max(0, before_q[-1].start - 60), before_q[-1].start):
        return _canon(t, before_q[-1]), "stated"   # "the death toll in Kharkiv, the worst since March, hit 12"
    if "respectively" in t and (own := _respective(t, q, ms)) is not None:
        return _canon(t, own), "stated"     # "1,500 and 800 remain in X and Y, respectively"
    if _NO_PLACE.search(t, q.end):
        return None, "wide"     # "elsewhere in eastern Ukraine", "along the front line"
    if _REGION_AFTER.match(t, q.end) or _REGION_BEFORE.search(t, max(0, q.start - 50), q.start):
        region = _region_meant(ctx, sent_start + q.start)   # "fired 86 times at the region"
        if region:
            return region, "context"
    if not ms and (_REGION_LATER.match(t, q.end) or _REGION_EARLIER.search(t, 0, q.start)):
        # far from the number, "the region" is the story's region before the last one named
        region = ctx.main_region or _region_meant(ctx, sent_start + q.start)
        if region:
            return region, "context"
    if kind != "evacuated":
        # "a soldier from Lviv": where someone comes from, not where it happened
        ms = [m for m in ms if not _ORIGIN.search(t, max(0, m.start - 40), m.start)]
    if _NEAR_THE_TOWN.match(t, q.end):
        earlier = [m for m in ms if m.end <= q.start and m.kind in places.SETTLEMENTS]
        if earlier:      # "In Kurakhove, 1,300 remain in the community, with 700 still in the town"
            return _canon(t, earlier[-1]), "context"
        if ctx.main_place:
            return ctx.main_place, "context"    # "35 attacks were reported around the city on the edge of Donbas"
    # "In the Kharkiv direction, ... two attacks in the area of Tykhi": a front sector's name
    # yields to a place named in the sentence (it stays when it is the only one)
    colon = (c.start() if (c := _LIST_COLON.search(t, q.end, q.end + 80)) else -1) if ms else -1
    head = [m for m in ms if q.end <= m.start < colon and _OF_THE_COUNTED.fullmatch(t, q.end, m.start)]
    if head:
        # "killed 8 civilians of Donetsk region: 4 in Dolyna, 1 in Siversk": the places after the
        # colon break the total down; the one the counted noun belongs to is the total's
        ms = head
    elif colon >= 0 and all(m.start > colon for m in ms) and _NUMBER_BETWEEN.match(t[colon + 1:].lstrip(" -–•*")):
        return None, "wide"     # "24 drones: 12 over the Moscow region, 7 over Belgorod": the total is all of them
    ms = [m for m in ms if not (m.start > q.end and _LABELS_NUMBER.match(t, m.end))] or ms
    named = [m for m in ms if not _SECTOR_AFTER.match(t, m.end)]
    if named:
        ms = named
    if ms:
        preferred = [m for m in ms if _PLACE_PREP.search(t, max(0, m.start - 60), m.start)]
        pool = preferred or ms
        best = min(pool, key=lambda m: min(abs(m.start - q.end), abs(q.start - m.end)))
        if best.end <= q.start and re.search(r"[,;]|\band\b", t[best.end:q.start]):
            # "91 drones over Moscow Region, 126 drones over Kursk Region": a list item's own place
            own = [m for m in pool if m.start >= q.end and _OWN_PLACE_AFTER.fullmatch(t, q.end, m.start)]
            if own:
                best = own[0]
        name = _canon(t, best)
        if best.kind in places.SETTLEMENTS and best.oblast and places.near_not_in(t, best):
            return best.oblast, "context"   # "a strike on a village near the port city of Odesa": not Odesa itself
        if name.endswith(" Oblast"):
            # "police in Kharkiv region exhumed 59 bodies in Izium": the town, not its oblast
            inside = [m for m in ms if m.kind in places.SETTLEMENTS and m.oblast == name
                      and not _NUMBER_BETWEEN.search(t, min(q.end, m.end), max(q.start, m.start))]
            if inside:
                return _canon(t, min(inside, key=lambda m: min(abs(m.start - q.end), abs(q.start - m.end)))), "stated"
            if ctx.main_place and best.end <= q.start and _TOWN_IN_REGION.search(t, max(0, best.start - 40), best.start) \
                    and (places.place_info(ctx.main_place) or {}).get("oblast") == name:
                return ctx.main_place, "context"   # "their hometown in Zaporizhzhia region has emptied to 1,000": the story's town
        return name, "stated"
    if kind != "distance_km" and here and _HERE_AFTER.match(t, q.end):
        return here, "context"          # "12 people were killed here on Monday": the town the story is written from
    if kind != "distance_km" and _THERE_AFTER.match(t, q.end) and not _settlement_before(ctx, sent_start):
        # "The governor of the Mykolaiv region said six drones were shot down there": the place
        # the sentence named before, though it named it in the speaker's title
        named = [m for m in mentions if m.end <= q.start and m.kind != "country"]
        if named:
            return _canon(t, named[-1]), "context"
    if claimant is not None and claimant.start >= 0 and kind in CASUALTY_KINDS:
        # "Authorities in Russian-occupied Donetsk said two people died": where the speakers are
        inside = [m for m in mentions if m.kind != "country" and claimant.start - sent_start <= m.start < claimant.end - sent_start
                  and _SPEAKERS_IN.search(t, max(0, m.start - 40), m.start)]
        if inside:
            return _canon(t, inside[-1]), "context"
    if kind in CASUALTY_KINDS or kind in ("strikes", "attacks", "population_remaining", "evacuated"):
        # "..., as per reports from Odesa mayor Gennadiy Trukhanov": the town whose officials tell it
        local = [m for m in mentions if m.kind in places.SETTLEMENTS and _LOCAL_OFFICIAL_AFTER.match(t, m.end)]
        if local and len({m.name for m in local}) == 1:
            return _canon(t, local[-1]), "context"
        # "..., Kursk governor Alexander Khinstein said": the region the governor runs
        governed = {m.name if m.kind == "oblast" else m.oblast for m in mentions
                    if ((m.kind == "oblast" or m.oblast == f"{m.name} Oblast") and _GOVERNOR_AFTER.match(t, m.end))
                    # a regional office's count of people in "these settlements"; its casualties in a
                    # story about a town stay the town's (below)
                    or (kind in ("population_remaining", "evacuated") and m.kind == "oblast"
                        and _REGIONAL_OFFICE_AFTER.match(t, m.end))}
        if len(governed) == 1:
            return governed.pop(), "context"
    if ctx.main_place in ("Kyiv", "Moscow") and _THE_CAPITAL.search(t):
        return ctx.main_place, "context"    # "140 were injured across the capital" in a story about Kyiv
    if kind in CASUALTY_KINDS and ctx.main_place and _A_TOWN_IN_COUNTRY.search(t):
        return ctx.main_place, "context"    # "VINNYTSIA (AP) - Missiles struck a city in central Ukraine"
    i = ctx.sentence_at(sent_start)
    if i is not None and ctx.section_place[i] and kind not in ("distance_km", "territory_pct"):
        wide = _WAR_WIDE.search(t)
        if wide is None or wide.group().lower() in ("in total", "overall"):
            return ctx.section_place[i], "context"     # under a heading "Kyiv region": the region's part
    # a country as a location: not "the deadliest attack in Ukraine", "Ukraine's emergency services",
    # "a strike by Russia"
    countries = [m for m in mentions if m.kind == "country"
                 and not _SUPERLATIVE.search(t, max(0, m.start - 70), m.start)
                 and not re.match(r"['’]s\b", t[m.end:m.end + 3])
                 and not re.search(r"\bby\s+$", t[max(0, m.start - 4):m.start])]
    if kind in ("population_prewar", "population_remaining"):
        countries = []          # a population is a town's ("which had 12,000 people before the invasion")
    elif _NO_PLACE.search(t) or _WAR_WIDE.search(t) or any(
            m.start > q.end
            and re.search(r"\b(?:in|across|throughout|over)\s+(?:all\s+of\s+|the\s+whole\s+of\s+)?(?:\w+\s+)?$",
                          t[max(0, m.start - 30):m.start], _I) for m in countries):
        return None, "wide"     # "killed in Ukraine since 2022": a national figure
    if any(not _speaker_country(t, m) for m in countries) and not _THE_TOWN.search(t):
        return None, "wide"     # "Russia's attack on Ukraine's grid killed seven": not the main city's
    big = max(v for v in (q.value, q.low, q.high, 0) if v is not None)
    if kind in CASUALTY_KINDS and big >= 10_000 and not _THE_TOWN.search(t):
        return None, "wide"     # "31,000 Ukrainian troops had died": a war total, not this town's
    if kind in CASUALTY_KINDS and kind != "captured" and i and (struck := _struck_just_before(ctx, i)):
        return struck, "context"    # "Russians struck the village of X. ... “Two women have been killed”"
    if claimant is not None and kind in (*CASUALTY_KINDS, "strikes", "attacks", "evacuated") \
            and (region := ctx.official_region(claimant.name)) \
            and (region == ctx.title_region or (region == ctx.main_region and not ctx.main_place)):
        # a regional governor's tally with no town of its own, in a story about the region: the region's
        return region, "context"
    if kind in PEOPLE_KINDS and ctx.main_place:
        return ctx.main_place, "default"
    if ctx.main_place and kind in ("attacks", "strikes", "equipment_lost") and _ANAPHORIC_PLACE.search(t):
        return ctx.main_place, "default"    # "46 assaults in the area": the town the story is about, not its oblast
    if ctx.main_region and (kind in PEOPLE_KINDS and not ctx.main_place or kind in ("attacks", "strikes", "equipment_lost")):
        return ctx.main_region, "default"   # a story about a region (a town's is the town's own above)
    return None, None


_INSTITUTION_OF = re.compile(r"\b(?:Service|Services|Ministry|Staff|Forces|Office|Guard|Police|Prosecutor|Council|Parliament|"
                             r"President|Government|Commissioner|Ombudsman|Bank|Army|Navy|Command)\s+of\s+(?:the\s+)?$")
_SPEAKERS_IN = re.compile(r"\b(?:authorities|officials|administration|police|rescuers|emergency\s+services)\s+(?:in|of)\s+"
                          r"(?:the\s+)?(?:[\w-]+\s+)?$", _I)
_OBJECT_NEXT = re.compile(r"\s+(?:(?:more\s+than|over|at\s+least|about|around|nearly|almost|some)\s+)?\d", _I)
_SUFFERED_PAREN = re.compile(r"\b(?:suffered|sustained|took|taken|incurred)\s+(?:[\w-]+\s+){0,2}?(?:casualties|losses)\s*\(\s*$", _I)
_PAREN_KIND = re.compile(r"\b(casualties|losses|deaths|dead|wounded|injured)\s*\(\s*$", _I)
_PERSONS_LIVES = re.compile(r"\s+(?:persons?|people|civilians?|residents?|child|children|soldiers?)['’]s?\s+li(?:fe|ves)\b", _I)
_LIVES = re.compile(r"\s+(?:human\s+|civilian\s+)?lives\b", _I)
_LIVES_LOST = re.compile(r"\b(?:loss\s+of|lost|claimed|claiming|claims|cost|costing|took|taking)\s+(?:the\s+)?$", _I)
_COST_HARDWARE = re.compile(r"\bcost\s+(?P<whom>[\w'’-]+(?:\s+[\w'’-]+)?)\s+(?:[\w-]+\s+){0,5}?(?:hardware|equipment|weapons|"
                            r"weaponry|materiel|armou?r)\b[^.;]{0,20}?,?\s*(?:including|among\s+them|such\s+as)\s+[^.;]{0,160}$", _I)
_LOSS_NOUN_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:casualties|losses|deaths|fatalities|killed|dead|wounded|injured)\b", _I)
_TOOK_LOSSES = re.compile(r"\b(?:sustain(?:ed|s|ing)?|suffer(?:ed|s|ing)?|tak(?:e|es|en|ing)|took|incur(?:red|s|ring)?)\s+"
                          r"(?:(?:an?\s+)?(?:average|total|estimated)\s+(?:of\s+)?)?(?:between\s+|from\s+)?$", _I)
_SWAP_CONTEXT = re.compile(r"\b(?:swaps?|exchanges?|exchanged|captivity|prisoners?|pows?|captives?)\b", _I)
# People coming home, where the swap was told in the headline or just before
_CAME_HOME = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:have\s+|has\s+|had\s+|were\s+|was\s+)?(?:been\s+)?(?:returned|came|come|brought\s+back|"
                        r"brought|repatriated)\s+(?:back\s+)?(?:home(?!\s+(?:to|in)\b)|to\s+(?:ukraine|russia|their\s+(?:homeland|country|families))|"
                        r"from\s+(?:russian\s+|ukrainian\s+)?captivity|from\s+(?:the\s+)?territor(?:y|ies)\s+(?:controlled|held|occupied)\s+by)\b"
                        r"|\s+back\b"      # "each side got 195 soldiers back"
                        # "207 soldiers and civilians were returned." after the swap was told
                        r"|\s+(?:[\w-]+\s+){0,3}?(?:have\s+|has\s+|had\s+|were\s+|was\s+)(?:been\s+)?(?:returned|repatriated|freed|released)"
                        r"(?=\s*(?:[.;]|$|,\s+(?:\w+\s+){0,3}?(?:said|says|added|wrote)\b))", _I)
_SWAP_STORY = re.compile(r"\b(?:(?:prisoner|pow|captive)s?\s+(?:swaps?|exchanges?)|(?:swaps?|exchanges?|exchanged|swapped)\b[^.;]{0,60}?"
                         r"\b(?:prisoners?|pows?|captives?|servicem[ae]n|soldiers|troops|defenders)|captivity)\b", _I)


def _swap_story(ctx: Doc, i: int) -> bool:
    """A prisoner exchange told in the headline, the lead or the five sentences before."""
    if ctx.title and _SWAP_STORY.search(ctx.title):
        return True
    near = set(range(min(3, len(ctx.sentences)))) | set(range(max(0, i - 5), i + 1))
    return any(_SWAP_STORY.search(ctx.sentences[j].text) for j in near)


_REMAINS = re.compile(r"\b(?:bodies|remains|corpses)\b", _I)
_RECRUITED_PRISONERS = re.compile(r"\s+(?:recruited|former|ex-|convicted|pardoned)\s*(?:prisoners|convicts|inmates)\b", _I)
_REPELLED_BEFORE = re.compile(r"\b(?:" + L.REPEL + r")\b"
                              r"|\b(?:fought|fighting)\s+back\s+(?:[\w-]+\s+){0,2}?$", _I)   # "fought back 17 attacks", not the idiom
_ON_SETTLEMENTS = re.compile(r"\s+(?:[\w-]+\s+){0,6}?(?:on|across|against|in)\s+(?:\d+|[a-z]+)\s+(?:settlements|towns|villages|"
                            r"localities|communities|cities)\b", _I)
_CIVIL_VEHICLE = re.compile(r"(?:private\s+|civilian\s+|passenger\s+)?(?:cars?|vehicles?|trucks?|buses|bus|minibus(?:es)?|trams?|trolleybus(?:es)?)", _I)
_MILITARY_CONTEXT = re.compile(r"\b(?:enemy|troops|forces|military|army|brigade|units?|occupiers|invaders|AFU|servicemen|soldiers)\b", _I)
_LIVING_THEN_MOVED = re.compile(r"[^.;]{0,80}?\bliving\b[^.;]{0,100}?\b(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?"
                                r"(?:evacuated|relocated|moved\s+out|taken\s+out)\b", _I)
_THE_CAPITAL = re.compile(r"\b(?:in|across|on|at|over|around|near|into|towards?|hit|struck|attacked|targeted)\s+"
                          r"the\s+(?:city\s+)?capital\b(?!\s+(?:of|city\s+of)\b)", _I)
_SUPERLATIVE = re.compile(r"\b(?:deadliest|largest|biggest|worst|heaviest|bloodiest|highest|most\s+\w+)\b[^,.;:]*$", _I)
_NUMBER_BETWEEN = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)\b", _I)
# Right after the counted noun phrase: "35 attacks were reported around the city", "12 killed in the town"
_NEAR_THE_TOWN = re.compile(r"\s*(?:[\w'’-]+\s+){0,4}?(?:were|was|have\s+been|had\s+been)?\s*(?:\w+\s+)?(?:in|near|around|"
                            r"outside|inside|at|on)\s+(?:the|this|that)\s+(?:(?:frontline|front-line|embattled|besieged|"
                            r"eastern|southern|northern|western)\s+)?(?:city|town|village|settlement)\b(?!\s+of\b)", _I)
# "there" later in the number's clause, not the "there were" that introduces a count
_THERE_AFTER = re.compile(r"[^.;:!?]{0,60}?\bthere\b(?!['’]s|\s+(?:is|are|was|were|have|has|had|will|would|may|might)\b)", _I)
_HERE_BEFORE = re.compile(r"\bhere\b[^.;:!?\d]*$", _I)
_HERE_AFTER = re.compile(r"[^.;:!?]{0,40}?\b(?:killed|wounded|injured|died|hurt|hit|struck|landed|exploded|remain|remained|"
                         r"live|living|stay|stayed|evacuated|fled)\s+(?:\w+\s+)?here\b(?!['’]s|\s+to\s+stay)", _I)
_THE_TOWN_APPOS = re.compile(r"\bthe\s+(?:[\w-]+\s+)?(?:town|city|village|settlement)\s*,\s*(?:which\s+(?:is|lies)\s+)?"
                             r"(?:(?:located|situated|lying)\s+)?(?:just\s+|only\s+|some\s+|about\s+|around\s+|roughly\s+)?$", _I)
_THE_TOWN_SUBJECT = re.compile(r"^\s*(?:the|this)\s+(?:[\w-]+\s+)?(?:town|city|village|settlement)\s+(?:itself\s+)?"
                               r"(?:lies|sits|is|was|stands|(?:is\s+)?located|(?:is\s+)?situated)\b[^.;:\d]{0,50}$", _I)
_TO_THE_TOWN = re.compile(r"\s*(?:-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?)\b)?\s*(?:\(\s*[^)]{0,20}\)\s*)?"
                          r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:from|of|outside|short\s+of|away\s+from|"
                          r"to|into|toward|towards|near)\s+(?:the\s+)?(?:(?:outskirts|centre|center|edge)\s+of\s+(?:the\s+)?)?"
                          r"(?:town|city|village|settlement)\b", _I)
# "near the town", "in the city", "in the area", "in that sector": the article's main place.
# "the head of Sumy Regional Military Administration" (the place already read as the oblast)
_REGIONAL_OFFICE_AFTER = re.compile(r"\s+(?:military\s+|state\s+)?administration\b|\s+(?:RMA|OVA|ODA)\b", _I)
_GOVERNOR_AFTER = re.compile(r"['’]?s?\s+(?:(?:regional|region(?:al)?['’]s|oblast)\s+)?governor\b", _I)
_LOCAL_OFFICIAL_AFTER = re.compile(r"['’]?s?\s+(?:city\s+)?(?:mayor|city\s+council|(?:city\s+)?military\s+administration|"
                                   r"police|emergency\s+services|city\s+(?:head|authorities|officials))\b", _I)
_APPOSITIVE_POPULATION = re.compile(r",\s+(?:a|an|the)\s+[^,;()]{0,80}?\b(?:population\s+of|home\s+to|with|of)\s+"
                                    r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?", _I)
_POPULATION_OF_IT = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?population\b", _I)
_ANAPHORIC_PLACE = re.compile(r"\b(?:in|near|around|outside|at|on|for|into|inside|towards?|shelled|struck|hit|attacked|pounded|"
                              r"targeted|stormed|bombed)\s+(?:the|that|this)\s+(?:[\w-]+\s+)?"
                              r"(?:town|city|village|settlement|area|sector|direction|buildings?|barracks|"
                              r"(?:apartment|residential)\s+(?:block|building)s?)\b(?!\s+of\b)", _I)


# "the region" right at the number: "fired 86 times at the region", "shelled the region 70 times"
_REGION_WORD = r"(?:the|that|this)\s+(?:(?-i:[a-z])[\w-]*\s+)?(?:region|oblast|province)\b(?!\s+of\b)"
_REGION_AFTER = re.compile(r"\s*(?:times\s+)?(?:[\w-]+\s+){0,3}?(?:at|on|in|across|against|throughout|from|"
                           r"(?:left|fled|leave|flee|leaving|fleeing))\s+" + _REGION_WORD, _I)   # "270,000 people left the region"
_REGION_BEFORE = re.compile(r"\b(?:shelled|struck|attacked|hit|pounded|targeted|bombed|in|across|on|at)\s+" + _REGION_WORD
                            + r"\s+(?:[\w-]+\s+){0,2}?$", _I)


# "lost 660 servicemen ... since the start of clashes in the region": the sentence names no place
_REGION_EARLIER = re.compile(r"\b(?:in|across|throughout|of)\s+" + _REGION_WORD, _I)
_REGION_LATER = re.compile(r"[^.;]{0,160}?\b(?:in|across|throughout)\s+" + _REGION_WORD, _I)


def _region_meant(ctx: Doc, upto: int) -> str | None:
    """The oblast "the region" refers to: the last one named before, else the main place's."""
    try:
        i = ctx.sentence_at(upto)
        i = len(ctx.sentences) - 1 if i is None else i
        for j in range(i, -1, -1):      # the sentence's own places before the number, then earlier ones
            named = [m for m in ctx.places(j) if m.kind == "oblast" and ctx.sentences[j].start + m.start < upto]
            if named:
                return named[-1].name
        info = places.place_info(ctx.main_place) if ctx.main_place else None
    except Exception:
        return None
    return info.get("oblast") if info else None


def _speaker_country(t: str, m) -> bool:
    """'Russia stated', 'Kyiv says', 'Moscow's forces': a state acting, not a place."""
    if _TITLE_AFTER.match(t[m.end:m.end + 40]) or _INSTITUTION_OF.search(t, max(0, m.start - 50), m.start):
        return True     # also "the State Emergency Service of Ukraine", "the President of Ukraine"
    metonymy = getattr(places, "is_metonymy", None)
    try:
        return bool(metonymy and metonymy(t, m))
    except Exception:
        return False


_OF_THE_COUNTED = re.compile(r"\s+(?:[\w-]+\s+){1,2}?(?:of|in)\s+(?:the\s+)?", _I)
_ORIGIN = re.compile(r"\b(?:soldier|man|woman|men|women|native|resident|volunteer|officer|commander|fighter|boy|girl|"
                     r"mother|father|son|daughter|family|journalist|medic|teacher|pensioner|refugee|evacuee|marine|"
                     r"paratrooper|serviceman|servicemen|people|person|someone|he|she|they)s?\s+(?:originally\s+)?from\s+"
                     r"(?:the\s+)?(?:\w+\s+)?$", _I)
_ORIGIN, _OWNER = Gated(_ORIGIN), Gated(_OWNER)
# (not "taken to hospital in X": most often the town where it happened)
_DESTINATION = Gated(re.compile(
    r"\b(?:(?:transported|transferred|airlifted|moved|relocated|evacuated|resettled)\s+(?:[\w-]+\s+){0,3}?to\s+"
    r"(?:(?:a|the)\s+)?(?:(?:hospitals?|clinics?|medical\s+facilit(?:y|ies))\s+in\s+)?|"
    r"(?:taken|brought|rushed|delivered)\s+(?:[\w-]+\s+){0,3}?to\s+)(?:the\s+(?:city|town)\s+of\s+)?$", _I))
_THE_TOWN = re.compile(r"\b(?:the|this)\s+(?:[\w-]+\s+)?(?:town|city|village|settlement|battle|fight|siege)\b", _I)
_TOWN_IN_REGION = re.compile(r"\b(?:the|this|that|their|its|his|her|our)\s+(?:[\w-]+\s+)?(?:home\s*town|town|city|village|"
                             r"settlement|community)\s+(?:in|of)\s+(?:the\s+)?$", _I)


@lru_cache(maxsize=4096)    # every figure of a sentence asks: read once
def _period(text: str, published):
    try:
        p = dates.find_period(text, published)
    except Exception:
        p = None
    if p is not None:
        return p, None
    try:
        return None, dates.statement_date(text, published)
    except Exception:
        return None, None


def _figure(ctx: Doc, sent: Sentence, q: Quantity, kind: str, side, claimant, cside, place) -> Figure:
    value, low, high = q.value, q.low, q.high
    if kind == "distance_km":
        f = KM[q.unit]
        value, low, high = (None if v is None else round(v * f, 3) for v in (value, low, high))
    period, stated = _period(sent.text, ctx.published)
    s, e = sent.start + q.start, sent.start + q.end
    fig = Figure(
        doc_id=ctx.doc_id, kind=kind, value=value, value_low=low, value_high=high,
        qualifier=q.qualifier, unit=UNITS.get(kind, "people"), subject_side=side,
        claimant=claimant.name if claimant else None, claimant_side=cside, place=place,
        sentence=sent.text, sentence_start=sent.start, span_start=s, span_end=e,
        number_text=ctx.text[s:e], claimant_how=claimants.how(claimant))
    if period is not None:
        fig.period_start, fig.period_end, fig.period_text = period.start, period.end, period.text
        fig.figure_date, fig.date_precision = period.end, period.precision if period.end else None
    elif stated:
        fig.figure_date, fig.date_precision = stated
    return fig
