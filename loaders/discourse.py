"""Who is speaking across sentences and paragraphs.

A report keeps its speaker until another takes over: "The General Staff reported on
Sunday ... In the Pokrovsk direction, Ukrainian forces repelled 24 attacks ... Near
Toretsk, nine." The sentences after the first name nobody, yet every number in them is the
General Staff's. This module computes, once per document, the speaker each sentence inherits
from its context, by four rules:

1. Carry forward: a speaker named in a sentence stays the speaker of the following sentences
   (across paragraphs) until another speaker is named, the outlet speaks in its own name
   ("Reuters reported", "As the agency reported earlier"), or a heading line breaks the text.
2. Back-reference: "The General Staff announced this", "X reported this on Facebook", "This
   was reported by X" hand the speaker back to the sentences before it in its paragraph, or
   to the previous paragraph when it opens its own.
3. Headline: "Seven killed in Kharkiv - governor", "..., Kyiv says", "Zelensky: ..." make the
   headline's speaker the speaker of the lead paragraph and of lines repeating the headline.
4. Nothing else: a sentence before any speaker is the outlet's own voice.

A sentence that names a speaker but whose stretch does not cover a number ("Bakhmut had
70,000 people, and officials say 4,000 remain") keeps that decision (claimants.attribute);
only sentences with no speaker of their own read the carried one.
"""
from __future__ import annotations

import re

from . import places
from .actors import actor_side, find_actors, is_outlet, lookup
from .prefilter import Gated
from .speech import _BY_TAIL, MADE_STATEMENT, THIS_BY as _THIS_BY, _speaker_noun, _speakerish

BACK_REF_SPAN = 8     # sentences a back-reference ("announced this") may reach
# "announced this", "reported this on Telegram", "said so", "confirmed it"
_BACK_REF = re.compile(
    r"\b(?:said|says|announced|announces|reported|reports|stated|states|wrote|writes|noted|notes|"
    r"confirmed|confirms|posted|claimed|claims|informed|declared|told\s+(?:reporters|journalists|\w+)\s+about)\s+"
    r"(?:this|so|that|it|about\s+(?:this|it))\b(?!\s+(?:was|were|is|are|had|has|have|would|will|the|a|an|\w+ed)\b)"
    r"|\b(?!made\s+the\b)" + MADE_STATEMENT + r"\b(?![^.;]*[:\"“])", re.I)    # ("made the statement" names no earlier one)

# The outlet speaking in its own name: its own earlier reporting, a cross-reference.
_OUTLET_VOICE = re.compile(
    r"^\s*(?:As\s+(?:\S+\s+){0,4}?(?:earlier\s+|previously\s+)?reported|Earlier,?\s+(?:\S+\s+){0,4}?reported|"
    r"(?:Read|See)\s+(?:also|more)\b|Related\b)", re.I)

# Headline attributions: "... - General Staff", "..., Kyiv says", "Zelensky: ...", "..., says X"
_TITLE_DASH = re.compile(r"\s[–—-]\s*(?P<who>[A-Z][^–—:|]{1,60}?)\s*$")
_TITLE_SAYS = re.compile(r",\s*(?P<who>[^,]{2,60}?)\s+(?:says?|said|claims?|reports?|confirms?)\s*$", re.I)
_TITLE_SAYS_X = re.compile(r",?\s+(?i:says?|said|claims?|reports?)\s+(?P<who>[A-Z][^,]{1,60}?)\s*$")
_TITLE_COLON = re.compile(r"^(?P<who>[A-Z][\w .'’-]{1,40}):\s+\S")
# Headline words that are no speaker: events, page sections, media labels.
_NOT_SPEAKER = re.compile(
    r"\b(?:strikes?|attacks?|shelling|war|battle|offensive|invasion|explosions?|blasts?|fire|photos?|"
    r"videos?|live|updates?|analysis|opinion|explainer|maps?|timeline|in\s+pictures|watch|day\s+\d+)\b", re.I)
_CAPITAL_SIDE = {"kyiv": "ukraine", "kiev": "ukraine", "moscow": "russia", "kremlin": "russia"}
# tried only where a word they need occurs
_BACK_REF = Gated(_BACK_REF)


def carried_speakers(doc) -> list:
    """For each sentence, the Claimant its context gives it (start = end = -1), or None."""
    from .claimants import Claimant, _resolve

    n = len(doc.sentences)
    own: list = [None] * n          # the last speaker a sentence names itself
    carried: list = [None] * n

    def carry(c):
        return None if c is None else Claimant(c.name, c.side, -1, -1, True)

    # 3. the headline's speaker opens the lead
    head = _title_speaker(doc)
    cur, prose = head, False
    # while this runs, "the ministry" in sentence i resolves against the speaker known so far
    doc._memo["carrying"] = carried
    try:
        for i, s in enumerate(doc.sentences):
            if head is not None and _same_text(s.text, doc.title):
                carried[i] = carry(head)
                continue
            if doc.heading(i):
                # a heading above the first prose is page furniture, not a break; a heading
                # naming a place ("Kyiv region") opens that place's part of the same report
                if prose and doc.heading_place(i) is None:
                    cur = None
                continue
            prose = True
            if _outlet_bullet(doc, i):
                cur = None      # "- During the year, Russia killed 405 ...": the outlet's own notes
            carried[i] = carry(cur)
            outlet = False
            for a in doc.attributions(i):
                if is_outlet(a.raw) or _own_outlet(doc, a.raw):
                    outlet = True
                    continue
                c = _resolve(doc, i, a)
                if c is not None:
                    own[i] = c
            if own[i] is None and (m := _THIS_BY.match(s.text)):
                own[i] = _named(doc, i, m.group("who"), s.text[m.end():])   # "This is reported by the police": theirs from here on
            if own[i] is not None:
                cur = own[i]
            elif outlet or _OUTLET_VOICE.match(s.text):
                cur = None
    finally:
        del doc._memo["carrying"]
    # 2. back-references hand the speaker to what came before
    for i, s in enumerate(doc.sentences):
        who = None
        if own[i] is not None and _BACK_REF.search(s.text):
            who = own[i]
        else:
            m = _THIS_BY.match(s.text)
            if m:
                who = _named(doc, i, m.group("who"), s.text[m.end():])
        if who is None:
            continue
        lo, _ = doc.paragraph(i)
        targets = range(max(lo, i - BACK_REF_SPAN), i)
        if i == lo and i > 0:
            targets = range(max(doc.paragraph(i - 1)[0], i - BACK_REF_SPAN), i)
        for j in targets:
            if own[j] is None and not doc.heading(j):
                carried[j] = carry(who)
    return carried


_DASH_ITEM = re.compile(r"^\s*[-–]\s")


def _outlet_bullet(doc, i: int) -> bool:
    """The first of a run of paragraphs opening with a dash, after prose that closed with a full
    stop ("- During the year, Russia killed 405 people ..."): the outlet's background notes at the
    foot of a story, not a speaker's list (which follows a colon). Later items carry what the run
    names ("- ..., the Defense Ministry reported. - The report detailed that ...")."""
    lo, _ = doc.paragraph(i)
    if lo != i or i == 0 or not _DASH_ITEM.match(doc.sentences[i].text):
        return False
    if _DASH_ITEM.match(doc.sentences[doc.paragraph(i - 1)[0]].text):
        return False
    return not doc.sentences[i - 1].text.rstrip().endswith(":")


def _own_outlet(doc, raw: str) -> bool:
    """'Ukrinform reports', 'a Ukrinform correspondent' in Ukrinform's own article: its voice."""
    if not doc.outlet:
        return False
    own = re.sub(r"[^a-z]", "", doc.outlet.lower())
    said = re.sub(r"[^a-z]", "", raw.lower())
    return len(own) >= 3 and own in said


def _named(doc, i: int, who: str, rest: str = ""):
    """A speaker named in a fixed frame ("This was reported by X"), resolved like any other;
    a role with its holder after it ("by the head of the regional administration, NAME") is the
    holder, on the role's side."""
    from .claimants import Claimant, _described_side, _full_name, _local_side
    who = re.sub(r"^(?:the)\s+", "the ", who.strip())
    if is_outlet(who) or _own_outlet(doc, who):
        return None     # "Source: Censor.NET": the outlet's own voice
    role = None
    for whole in (who, _cut_tail(who)):     # "... Petro Hnatenko", then "... during a telethon on Tuesday" cut
        if (held := _holder_in(whole)) is not None:
            role, who = held
            break
    else:
        who = _cut_tail(who)
    side = actor_side(who) or _described_side(doc, who) or (role and _local_side(role, doc, doc.sentences[i].start))
    holder = _HOLDER_AFTER.match(rest)
    if side is None and holder and _speaker_noun(who):
        side = _local_side(who, doc, doc.sentences[i].start)
    if side is None:
        return None
    if holder and _speaker_noun(who) and not who[:1].isupper():
        who = holder.group(1)
    return Claimant(_full_name(doc, who, doc.sentences[i].start), side, -1, -1, True)


def _cut_tail(who: str) -> str:
    tail = _BY_TAIL.search(who)
    return who[:tail.start()] if tail else who


def _holder_in(who: str) -> tuple[str | None, str] | None:
    """The person a role phrase ends on, as (role, name): a dictionary person inside it ("the
    head of Kharkiv RMA Oleh Syniehubov"; a first name before a bare surname the dictionary
    knows), or a role then an unknown name ("the head of the city administration Petro
    Hnatenko"); None when it names no one."""
    persons = [(s, e) for s, e, a in find_actors(who) if a.kind == "person"]
    if persons and persons[-1][0] > 0:
        s, e = persons[-1]
        first = re.search(r"(?-i:[A-Z][a-z][\w'’-]*)\s+$", who[:s]) if " " not in who[s:e] else None
        return None, who[first.start() if first else s:e]
    titled = _ROLE_THEN_NAME.match(who)
    if titled and _speaker_noun(titled.group(1)) and not _NOT_A_NAME.search(titled.group(2)) \
            and not places.find_places(titled.group(2)):
        return titled.group(1), titled.group(2)
    return None


_ROLE_THEN_NAME = re.compile(r"^((?:the\s+)?(?-i:[a-z])[^,]*?)\s+((?-i:[A-Z])[\w'’-]+\s+(?-i:[A-Z])[\w'’-]+)$")
_NOT_A_NAME = re.compile(r"\b(?:Region|Oblast|Province|District|Ministry|Police|Service|Administration|Council|Forces|"
                         r"Army|Staff|Guard|Command|Office|Agency|Committee|Centre|Center)\b")
_HOLDER_AFTER = re.compile(r"\s*,\s*((?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){1,2})\s*(?:[.;]?\s*$|,)")


def _title_speaker(doc):
    """The speaker a headline names, when its side can be told."""
    from .claimants import Claimant, _described_side, _full_name
    title = (doc.title or "").strip()
    if not title:
        return None
    for rx in (_TITLE_DASH, _TITLE_SAYS, _TITLE_SAYS_X, _TITLE_COLON):
        m = rx.search(title)
        if not m:
            continue
        who = m.group("who").strip(" \"“”'")
        if not who or is_outlet(who) or re.search(r"\d", who) or len(who.split()) > 8 \
                or _NOT_SPEAKER.search(who) or not _speakerish(who):
            continue        # "Russian strike on Sumy: ...", "... - photos": not a speaker
        low = who.lower()
        if rx is _TITLE_COLON and not _person_or_body(who):
            continue        # "Ukraine: death toll reaches 30" is a section label
        side = _CAPITAL_SIDE.get(low) or actor_side(who) or _described_side(doc, who)
        if side is None:
            continue
        name = who if low in _CAPITAL_SIDE else _full_name(doc, who, len(doc.text))
        return Claimant(name, side, -1, -1, True)
    return None


def _person_or_body(who: str) -> bool:
    """A person ('Zelensky', 'Oleh Syniehubov') or a speaking body ('General Staff'), not a place."""
    a = lookup(who)
    if a is not None:
        return a.kind in ("person", "institution")
    return _speaker_noun(who) or bool(re.fullmatch(r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}", who)) and \
        places_free(who)


def places_free(who: str) -> bool:
    return not places.find_places(who)


def _same_text(a: str, b: str | None) -> bool:
    if not b:
        return False
    norm = lambda x: re.sub(r"\W+", " ", x).strip().lower()  # noqa: E731
    return norm(a) == norm(b)
