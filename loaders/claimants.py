"""Who claims a statement: rules over reporting verbs, quotes and an actor dictionary.

An *attribution* is a speaker plus the stretch of the sentence their reporting
verb governs:
  - "X said (that) CLAUSE"        -> governs what follows the verb
  - "CLAUSE, X said [on Monday]"  -> governs what precedes the speaker
  - "according to X", "X's statement", "a report by X" -> the whole sentence
A number is attributed only when it falls inside a governed stretch, so
"Bakhmut had 70,000 people, and officials say 4,000 remain" gives the 70,000 to
nobody. Pronouns and anaphora ("He added", "the report stated", "Mr. Kyrylenko")
are resolved against earlier sentences. Sides come from data/reference/actors.csv,
then from general rules (a Ukrainian/Russian/Western word in the speaker).

Modules: actors.py (dictionary and sides), speech.py (one sentence), this file
(across sentences, and the public `attribute`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import CIVIL_ROLE, LOCAL_ROLE, OCCUPIED, actor_side, find_actors, is_outlet, lookup
from .document import Doc
from .speech import (_ADJUNCT, ANAPHORA, COLLECTIVE as _COLLECTIVE, INSTITUTION_WORDS, MEDIA_COLLECTIVES, PRONOUNS, TITLES,
                     Attribution, _appositive_of, clean_name, inside_quote, sentence_attributions, starts_quote)


@dataclass(frozen=True)
class Claimant:
    name: str           # as named in the text ("Volodymyr Zelensky", "the Ukrainian military")
    side: str           # ukraine, russia, third_party
    start: int          # offsets into the article text (ctx.text); -1 when carried over
    end: int
    carried: bool = False   # not named here: the speaker the discourse carries (discourse.py)


def how(c: Claimant | None) -> str:
    """stated (named in the sentence), context (carried from elsewhere), default (nobody)."""
    if c is None:
        return "default"
    return "stated" if c.start >= 0 and not c.carried else "context"


# --- resolution across sentences --------------------------------------------

def _sentence_attrs_cached(ctx: Doc, i: int) -> list[Attribution]:
    return ctx.attributions(i)


def _full_name(ctx: Doc, name: str, before: int) -> str:
    """'Kyrylenko' or 'Mr. Kyrylenko' -> 'Pavlo Kyrylenko' when named so earlier."""
    base = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|President|Governor|Gov|Mayor|General|Minister)\.?\s+(?!Staff\b)", "", name)
    if " " in base or not base[:1].isupper():
        return name if base == name else base
    first = ctx.first_name_before(base, before)
    if first and first.lower().rstrip(".") not in TITLES:
        return f"{first} {base}"
    a = lookup(base)
    if a is not None and a.kind == "person":
        return a.name
    return base


_PERSON_MENTION = re.compile(r"\b[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’-]+){1,2}\b")


def _last_person(ctx: Doc, i: int) -> tuple[str, str] | None:
    """The most recent named person in sentences before i (for "he"/"she")."""
    for j in range(i - 1, max(-1, i - 5), -1):
        text = ctx.sentences[j].text
        found = None
        for s, e, a in find_actors(text):
            if a.kind == "person":
                found = (_full_name(ctx, text[s:e], ctx.sentences[j].start + s), a.side)
        for m in _PERSON_MENTION.finditer(text):
            if found:
                break
            a = lookup(m.group())
            if a is not None and a.kind == "person":
                found = (m.group(), a.side)
            elif found is None or m.start() > 0:
                words = m.group().split()
                if words[0].lower() not in TITLES and not INSTITUTION_WORDS.search(m.group()) \
                        and not any(w.lower() in TITLES for w in words):
                    # an unknown "Firstname Lastname" only when introduced with a role
                    if _ROLE_BEFORE_NAME.search(text, 0, m.start()) \
                            or re.match(r",\s+(?:a|an|the)\s", text[m.end():]) \
                            or _role_comma(text, m.start(), m.end()):
                        found = (m.group(), None)
        # prefer the attributed speaker of that sentence when it is one person
        for a in reversed(_sentence_attrs_cached(ctx, j)):
            if a.pronoun or INSTITUTION_WORDS.search(a.raw) or ANAPHORA.match(a.raw):
                continue
            k = lookup(a.name)
            if k is not None and k.kind != "person":
                continue
            if k is None and re.search(r"\b(?:officials|authorities|analysts|sources|people|"
                                       r"residents|soldiers|troops|bloggers|experts)\b", a.raw, re.I):
                continue
            c = _resolve(ctx, j, a, 3)
            if c is not None:
                return c.name, c.side
        if found:
            return found
    return None


def _last_claimant(ctx: Doc, i: int, depth: int = 0) -> Claimant | None:
    for j in range(i - 1, max(-1, i - 4), -1):
        attrs = _sentence_attrs_cached(ctx, j)
        if attrs:
            if is_outlet(attrs[-1].raw):
                return None  # "Reuters reported ... According to the report, ...": the outlet's voice
            c = _resolve(ctx, j, attrs[-1], depth + 1)
            if c is not None:
                return c
    # "The ISW published an assessment. The report stated ...": a named actor
    for j in range(i - 1, max(-1, i - 3), -1):
        sent = ctx.sentences[j]
        found = None
        for s, e, a in find_actors(sent.text):
            if a.side in ("ukraine", "russia", "third_party") and a.kind != "person":
                found = (sent.text[s:e], a.side)
        if found:
            return Claimant(found[0], found[1], -1, -1)
    return None


# a sentence that ends with its speaker: '"...," the head of the region wrote.'
_SAID_LAST = re.compile(r"[,\"”]\s+[^,\"“”]{2,80}\s+(?:said|says|wrote|writes|added|adds|noted|notes|stated|reported|told\s+\w+)\s*[.!]?\s*$")


def _resolve(ctx: Doc, i: int, a: Attribution, depth: int = 0) -> Claimant | None:
    if depth > 4:
        return None
    low = a.raw.lower()
    if low in ("it", "they") and a.start > ctx.sentences[i].start and not (i and ctx.attributions(i - 1)):
        # "Ukraine's air defence shot down 15 drones, it said": the subject reporting its own defensive
        # work, when the sentence before names no speaker (else "it" is that speaker: "The Ukrainian
        # army suffered 1,300 casualties, it said" after a Russian ministry's update)
        lead = _SUBJECT_THEN_VERB.match(ctx.sentences[i].text)
        plural = bool(lead) and re.search(r"(?:forces|defen[cs]es)$", lead.group("who")) is not None
        side = actor_side(lead.group("who")) if lead and plural == (low == "they") else None
        if side:
            return Claimant(clean_name(lead.group("who")), side, -1, -1)
    if low in PRONOUNS:
        if low in ("he", "she", "him", "her"):
            # "X reported that ..., and later he specified that 12 had died": X, named before in the sentence
            same = [b for b in ctx.attributions(i) if not b.pronoun and b.end <= a.start
                    and not INSTITUTION_WORDS.search(b.raw) and not ANAPHORA.match(b.raw)]
            k = lookup(same[-1].name) if same else None
            if same and (k is None or k.kind == "person"):
                c = _resolve(ctx, i, same[-1], depth + 1)
                if c is not None:
                    return Claimant(c.name, c.side, -1, -1)
            if i > 0 and a.start == ctx.sentences[i].start:     # sentences are stripped: it opens the sentence
                # "He also added that ..." right after '"...," the head of the region wrote': that speaker
                prev = [b for b in ctx.attributions(i - 1) if not b.pronoun]
                if prev and _SAID_LAST.search(ctx.sentences[i - 1].text):
                    c = _resolve(ctx, i - 1, prev[-1], depth + 1) or _discourse_speaker(ctx, i - 1)
                    if c is not None and c.side and (lookup(c.name) is None or lookup(c.name).kind == "person") \
                            and re.match(r"(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+$", c.name):
                        return Claimant(c.name, c.side, -1, -1)
            p = _last_person(ctx, i)
            if p:
                name, side = p
                side = side or actor_side(name) or _described_side(ctx, name)
                if side:
                    return Claimant(name, side, -1, -1)
                if low in ("he", "she"):
                    return None
                # "According to him, ...": the person the report is carrying
        c = _last_claimant(ctx, i, depth)
        if c is None and low in ("him", "her"):
            c = _discourse_speaker(ctx, i)
        return Claimant(c.name, c.side, -1, -1) if c else None
    if ctx.outlet and (x := lookup(a.raw)) is not None and x.kind == "media" and not _other_outlet(ctx, a.raw):
        return None  # "Ukrinform reported" on Ukrinform's own page (or its reprint): the page's voice
    if is_outlet(a.raw):
        if _other_outlet(ctx, a.raw):
            return Claimant(clean_name(a.raw), "third_party", -1, -1)   # "BBC News reported" on another site
        return None  # "Reuters reported": the outlet's own voice
    if _COLLECTIVE.match(a.raw):
        c = _named_counters(ctx, i, bool(MEDIA_COLLECTIVES.search(a.raw)))
        if c is not None:
            return c
    elif _ROLE_ANAPHOR.match(a.raw):
        role = _ROLE_ANAPHOR.match(a.raw).group(1)
        head_of_state = role.lower().startswith("head")     # a story's one head of state, further back
        p = _last_person_in_role(ctx, i, "president" if head_of_state else role, 8 if head_of_state else 3)
        if p is not None:
            return p
    if ANAPHORA.match(a.raw):
        c = _discourse_speaker(ctx, i)      # "the ministry": the speaker the report is carrying
        if c is None or not _fits(a.raw, c):
            c = _last_claimant(ctx, i, depth)
        if c is not None:
            return Claimant(c.name, c.side, -1, -1)
    name = a.name
    if " " not in name.strip() or re.match(r"(?:Mr|Mrs|Ms|Dr|Gen|Col|President|Governor)\.?\s", name):
        name = _full_name(ctx, name, a.start)
    side = (actor_side(name) or actor_side(a.raw) or actor_side(a.appos)
            or _local_side(a.raw, ctx, a.start) or _local_side(a.appos, ctx, a.start)
            or _described_side(ctx, name))
    if side is None:
        return None
    return Claimant(name, side, a.start, a.end)




_SUBJECT_THEN_VERB = re.compile(r"(?P<who>(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}?(?:[\w'’-]+\s+){0,3}?"
                                r"(?:defen[cs]es?|forces|military|army|ministry|Ministry|Staff|staff|command|air\s+force|navy|"
                                r"guard|service|Service))\s+(?:has\s+|have\s+|had\s+)?(?:shot\s+down|downed|destroyed|intercepted|"
                                r"repelled|repulsed|neutrali[sz]ed|released|published|issued|posted|reported|announced)\b")
_ROLE_ANAPHOR = re.compile(r"^the\s+(?:regional\s+|local\s+|defen[cs]e\s+|foreign\s+|top\s+)?"
                           r"(president|minister|governor|mayor|commander|general|spokes(?:man|woman|person)|"
                           r"envoy|ambassador|chief|prosecutor|ombudsman|advis[eo]r|head\s+of\s+(?:the\s+)?state)"
                           r"(?:\s+(?:to|of)\s+the\s+(?:[\w-]+\s+){0,2}?(?:minister|ministry|president|governor|mayor|"
                           r"head|chief|administration))?$", re.I)   # "the adviser to the minister"


_PERSON_ANAPHOR = re.compile(r"\b(?:official|spokes(?:man|woman|person)|governor|mayor|commander|president|minister|"
                             r"general|blogger)$|^(?:his|her)\s", re.I)


def _discourse_speaker(ctx: Doc, i: int) -> Claimant | None:
    partial = ctx._memo.get("carrying")
    if partial is not None:     # discourse.carried_speakers is running: what it knows so far
        return partial[i] if i < len(partial) else None
    return ctx.carried[i]


def _fits(anaphor: str, c: Claimant) -> bool:
    """'the governor' refers back to a person, 'the ministry' or 'the report' to a body."""
    person = bool(re.fullmatch(r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+", c.name)) and \
        not INSTITUTION_WORDS.search(c.name)
    return person == bool(_PERSON_ANAPHOR.search(anaphor))


def _last_person_in_role(ctx: Doc, i: int, role: str, back: int = 3) -> Claimant | None:
    """'The minister said' after 'Defence Minister Sergei Shoigu ...': the nearest earlier
    person (`back` - 1 sentences back at most; a story's one president further) written with
    that role next to their name."""
    for j in range(i - 1, max(-1, i - back), -1):
        sent = ctx.sentences[j]
        best = None
        for s, e, a in find_actors(sent.text):
            if a.kind != "person" or a.side not in ("ukraine", "russia", "third_party"):
                continue
            near = sent.text[max(0, s - 60):min(len(sent.text), e + 80)]
            if re.search(r"\b" + re.escape(role) + r"\b", near, re.I):
                best = Claimant(_full_name(ctx, sent.text[s:e], sent.start + e), a.side, -1, -1)
        if best is None:
            # a speaker the dictionary lacks, introduced with the role: "NAME, adviser to the minister, said"
            for a in ctx.attributions(j):
                if a.pronoun or not re.search(r"\b" + re.escape(role) + r"\b", a.appos or "", re.I):
                    continue
                c = _resolve(ctx, j, a)
                if c is not None and re.fullmatch(r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+", c.name):
                    best = Claimant(c.name, c.side, -1, -1)
        if best is not None:
            return best
    return None


def _named_counters(ctx: Doc, i: int, media_only: bool = False) -> Claimant | None:
    """'The journalists identified ...' after 'Mediazona and the BBC Russian Service have
    counted ...': the independent institutions or media (not people, not wire outlets, not
    a side's officials) named in the nearest earlier sentence that names any, as one claimant
    when they share a side. Journalists and outlets are media only."""
    for j in range(i - 1, max(-1, i - 4), -1):
        sent = ctx.sentences[j]
        found = [(s, e, a) for s, e, a in find_actors(sent.text)
                 if (a.kind == "media" if media_only else
                     (a.kind == "media" or (a.kind == "institution" and a.side == "third_party")))
                 and a.side in ("ukraine", "russia", "third_party")]
        if not found:
            continue
        sides = {a.side for _, _, a in found}
        if len(sides) != 1:
            return None  # counters of different sides: no single claimant
        s, e = found[0][0], found[0][1]
        for s2, e2, _ in found[1:]:
            if re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+together\s+with)\s+(?:the\s+)?", sent.text[e:s2]):
                e = e2
            else:
                break
        return Claimant(sent.text[s:e], sides.pop(), -1, -1)
    return None


_ROLE_RUN = re.compile(
    r"((?:(?:[A-Z][\w'’.-]*|of|the|for|in|[a-z]+-installed|[a-z]+-appointed|regional|military|top|"
    r"deputy|chief|spokes(?:man|woman|person)|governor|mayor|minister|commander|head|official|"
    r"prosecutor|adviser|aide|envoy|ambassador|general|officer|director|secretary|analyst)\s+){1,10})$")


def _descriptions(text: str, s: int, e: int) -> list[str]:
    """Roles written around a person's name at text[s:e]: an appositive ('NAME, a Ukrainian
    medic,' / 'NAME, Russia's envoy,'), 'ROLE, NAME,' and a title run ('Pentagon spokesman NAME')."""
    # take in a first name before a surname
    m = re.search(r"(?:\b[A-Z][a-z'’-]+\s+){1,2}$", text[max(0, s - 40):s])
    if m and not any(w.lower() in TITLES for w in m.group().split()):
        s -= len(m.group())
    out = []
    appos = _appositive_of(text, s, e)
    if appos:
        out.append(appos)
    run = _ROLE_RUN.search(text[max(0, s - 120):s])
    if run:
        out.append(run.group(1))
    elif (role := _role_comma(text, s, e)):
        out.append(role)     # "The head of the city administration, NAME, said"
    return out


def _role_comma(text: str, s: int, e: int) -> str | None:
    """ "The head of the city military administration, NAME, said": a person's role opening the
    clause, the name in commas after it. Returns the role."""
    lead = _ROLE_COMMA.search(text, max(0, s - 120), s)
    if lead and text[e:e + 1] == "," and _PERSON_ROLE.search(lead.group("role")):
        return lead.group("role")
    return None


_PERSON_ROLES = r"spokes\w+|governor|commander|mayor|minister|president|official|chief|head|leader|aide|adviser"
_PERSON_ROLE = re.compile(rf"\b(?:{_PERSON_ROLES})\b", re.I)
_ROLE_BEFORE_NAME = re.compile(rf"(?:{_PERSON_ROLES}|analyst)\s+$", re.I)    # "spokesman NAME", "analyst NAME"
# a role opening its clause, then the name in commas: "The head of the city military administration, NAME,"
_ROLE_COMMA = re.compile(r"(?:^|(?<=[.;:]\s)|(?<=\n))(?P<role>(?:[Tt]he\s+)?(?:[\w'’-]+\s+){0,8}?[\w'’-]+),\s+$")


def _described_side(ctx: Doc, name: str) -> str | None:
    """A person named without a role here, but described elsewhere in the article:
    "Ivan Petrenko, a Ukrainian medic," / "military spokesman Ivan Petrenko" /
    "the Ukrainian governor of the Kherson region, Mykola Tkachenko,"."""
    surname = name.split()[-1] if name and name[:1].isupper() else ""
    if len(surname) < 3 or INSTITUTION_WORDS.search(name):
        return None
    key = ("described", surname)
    if key not in ctx._memo:
        ctx._memo[key] = None
        for start in ctx.word_positions(surname):
            end = start + len(surname)
            for desc in _descriptions(ctx.text, start, end):
                side = actor_side(desc) or _local_side(desc, ctx, start)
                if side:
                    ctx._memo[key] = side
                    break
            if ctx._memo[key]:
                break
    return ctx._memo[key]


def _local_side(raw: str, ctx: Doc, at: int) -> str | None:
    """A speaker with no nationality: local authorities and militaries default to
    Ukraine, or Russia when all the places that situate them are Russian or long occupied
    ("officials in Belgorod"; "local officials said ... evacuated from Shebekino"; a
    Kursk-region story). Russian-installed ones were caught by actor_side already.
    Places come from the speaker phrase, then (for civil authorities: officials, mayors,
    governors) the sentence, then the article's main place."""
    bare_mod = bool(raw) and _BARE_DEFENCE_MINISTRY.search(raw) is not None
    if not raw or not (LOCAL_ROLE.search(raw) or bare_mod):
        return None
    if bare_mod and _UK_MOD_CUE.search(ctx.text):
        return "third_party"    # "the MoD said in its intelligence update": Britain's, whose updates outlets retell
    if bare_mod:
        named = [m for m in _NAMED_DEFENCE_MINISTRY.finditer(ctx.text, 0, max(0, at)) if m.group("whose")]
        if named:               # "Russian Defense Minister Sergei Shoigu ... the Defense Ministry": the same one
            whose = named[-1].group("whose").lower()
            return "russia" if whose.startswith("russia") else "ukraine" if whose.startswith("ukrain") else "third_party"
    from . import places  # local import: places is only needed for this fallback
    found = [m.name for m in places.find_places(raw)]
    if not found and CIVIL_ROLE.search(raw):
        i = ctx.sentence_at(at)
        if i is not None:
            sent = ctx.sentences[i]
            found = [m.name for m in ctx.places(i) if not places.is_metonymy(sent.text, m)]
    if not found and ctx.main_place:
        found = [m.name for m in places.find_places(ctx.main_place)]
    sides = [_place_side(n, places) for n in found]
    sides = [x for x in sides if x]
    if sides and all(x == "russia" for x in sides):
        return "russia"
    if not sides and _home_side(ctx) == "russia":
        return "russia"     # "regional authorities said" in a Russian state outlet's report
    if not sides and ctx.dateline_place and _place_side(ctx.dateline_place, places) == "russia":
        return "russia"     # "the ministry said" under a MOSCOW dateline
    return "ukraine"


_BARE_DEFENCE_MINISTRY = re.compile(r"^(?:the\s+)?(?:(?:head|chief|spokes(?:man|woman|person))\s+of\s+the\s+)?"
                                    r"(?:Ministry\s+of\s+Defen[cs]e|MoD|defen[cs]e\s+ministry)$", re.I)
_NAMED_DEFENCE_MINISTRY = re.compile(r"\b(?P<whose>Russian|Russia['’]s|Ukrainian|Ukraine['’]s|British|Britain['’]s|UK|U\.K\.)\s+"
                                     r"(?:Defen[cs]e\s+Minist(?:ry|er)|Ministry\s+of\s+Defen[cs]e)", re.I)
_UK_MOD_CUE = re.compile(r"\b(?:intelligence\s+update|Defence\s+Intelligence|British\s+(?:defen[cs]e\s+)?(?:ministry|intelligence)|"
                         r"UK\s+(?:defen[cs]e\s+)?(?:ministry|intelligence|MoD))\b", re.I)


def _home_side(ctx: Doc) -> str | None:
    """The side of the outlet that published the article, when it is a state or national
    outlet of a belligerent (actors.csv: TASS, RIA Novosti, Ukrinform ...)."""
    if not ctx.outlet:
        return None
    a = lookup(ctx.outlet)
    return a.side if a is not None and a.kind in ("media", "outlet") and a.side in ("russia", "ukraine") else None


# Oblasts held in part by each side since 2022: their authorities may be either side's, so
# the oblast alone does not tell ("regional authorities in the Donetsk region")
SPLIT_OBLASTS = frozenset({"Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"})


def _place_side(name: str, places) -> str | None:
    info = places.place_info(name)
    if not info or name in SPLIT_OBLASTS:
        return None
    if info.get("country") == "RU" or name in OCCUPIED or info.get("oblast") in OCCUPIED:
        return "russia"
    return "ukraine" if info.get("country") == "UA" else None


# --- public entry point ------------------------------------------------------

_UNNAMED_SOURCE = re.compile(r"\baccording\s+to\s+(?:(?:media|news|press|unconfirmed|local|some|several|other|various|"
                             r"initial|early|preliminary)\s+)*(?:reports|sources|accounts)\b", re.I)



def attribute(ctx: Doc, sentence_index: int, at: int | None = None, carry: bool = True) -> Claimant | None:
    """The claimant of a statement in ctx.sentences[sentence_index]; `at` is an offset in
    ctx.text of the number or trigger, for sentences with several speakers.
    None means nobody is said to claim it (the outlet's own voice: unattributed).
    `carry=False` ignores the speaker the discourse carries (background facts)."""
    if not 0 <= sentence_index < len(ctx.sentences):
        return None
    sent = ctx.sentences[sentence_index]
    attrs = _sentence_attrs_cached(ctx, sentence_index)
    if attrs:
        chosen = _choose(attrs, at)
        if chosen is not None:
            return _resolve(ctx, sentence_index, chosen)
        if at is not None and not inside_quote(sent.text, at - sent.start):
            return None
    # a quote with no speaker in this sentence
    c = _quote_speaker(ctx, sentence_index, at)
    if c is None and not attrs and _UNNAMED_SOURCE.search(sent.text):
        return None     # "..., according to reports": sourced, but to nobody the article names
    if c is None and not attrs and carry:
        c = ctx.carried[sentence_index]     # the speaker the discourse carries (discourse.py)
    return c


def _choose(attrs: list[Attribution], at: int | None) -> Attribution | None:
    if at is None:
        return attrs[0]
    inside = [a for a in attrs if a.gov_start <= at < a.gov_end and not (a.start <= at < a.end)]
    if not inside:
        return None
    # the nearest governing speaker: the narrowest stretch, then one right after the number ("N ...,
    # according to Kyiv" binds tighter than an earlier "..., according to Russian authorities,"), then the closest
    return min(inside, key=lambda a: (a.gov_end - a.gov_start, a.start < at or _relays(a.raw), abs(at - a.start)))


def _relays(raw: str) -> bool:
    """An outlet or its report ("according to a Reuters report"): it relays, the source it relays speaks."""
    return is_outlet(raw) or any(x.kind in ("media", "outlet") for _, _, x in find_actors(raw))





def _same_line(ctx: Doc, i: int, j: int) -> bool:
    a, b = ctx.sentences[i], ctx.sentences[j]
    lo, hi = (a, b) if a.start < b.start else (b, a)
    return "\n" not in ctx.text[lo.end:hi.start]


def _bare_attribution(ctx: Doc, nxt, a: Attribution) -> bool:
    """'Russian defence minister Andrei Belousov said at a meeting on Monday.': a sentence
    that opens with its speaker and says nothing but who and when."""
    if a.start - nxt.start > 2 or re.search(r"\d", nxt.text) or a.gov_start < a.end:
        return False
    tail = ctx.text[a.gov_start:nxt.end]
    return not tail.strip(" .") or bool(_ADJUNCT.match(tail))


def _quote_speaker(ctx: Doc, i: int, at: int | None) -> Claimant | None:
    sent = ctx.sentences[i]
    text = sent.text
    # open here, or opened by an earlier sentence of the paragraph ('"A. B 12 ... C," she said.')
    quoted = starts_quote(text) or ctx.in_quote(i, sent.start if at is None else at)
    if not quoted:
        return None
    # the quote continues into following sentences of the same paragraph and is
    # attributed right after it closes: '"A. B," he said.'
    for j in range(i + 1, min(len(ctx.sentences), i + 4)):
        if not _same_line(ctx, i, j):
            break
        nxt = ctx.sentences[j]
        close = re.search(r"[,.!?]?[\"”]\s*,?\s*", nxt.text)
        attrs = _sentence_attrs_cached(ctx, j)
        if close and attrs:
            a = attrs[0]
            if a.start - nxt.start <= close.end() + 60:
                return _resolve(ctx, j, a)
        if close:
            break
    # or the quote goes on from a previous sentence that named its speaker
    for j in range(i - 1, max(-1, i - 4), -1):
        if not _same_line(ctx, i, j):
            break
        prev = ctx.sentences[j]
        attrs = _sentence_attrs_cached(ctx, j)
        if attrs and re.search(r"[\"“”]", prev.text):
            return _resolve(ctx, j, attrs[-1])
    # a paragraph that is all quote, right after a paragraph quoting a named speaker:
    # news style for "the same speaker goes on"
    if i > 0 and re.fullmatch(r"[\"“].*[\"”]", text.strip()):
        prev = ctx.sentences[i - 1]
        attrs = _sentence_attrs_cached(ctx, i - 1)
        nxt_attrs = _sentence_attrs_cached(ctx, i + 1) if i + 1 < len(ctx.sentences) else []
        if attrs and re.search(r"[\"“”]", prev.text) and not (nxt_attrs and _same_line(ctx, i, i + 1)):
            return _resolve(ctx, i - 1, attrs[-1])
    # a following sentence that is just the attribution: '"..." He said.'
    if i + 1 < len(ctx.sentences) and _same_line(ctx, i, i + 1):
        nxt = ctx.sentences[i + 1]
        attrs = _sentence_attrs_cached(ctx, i + 1)
        if attrs and (len(nxt.text.split()) <= 8 or _bare_attribution(ctx, nxt, attrs[0])):
            return _resolve(ctx, i + 1, attrs[0])
    return None


def _other_outlet(ctx: Doc, raw: str) -> bool:
    """An outlet cited on another outlet's page ("..., BBC News reported" on a local site) is a
    third party; on its own pages, or where the page's outlet is unknown, it is the page's voice."""
    if not ctx.outlet:
        return False
    own = re.sub(r"[^a-z]", "", ctx.outlet.lower())
    said = re.sub(r"[^a-z]", "", re.sub(r"^(?:an?|the)\s+", "", raw.strip(), flags=re.I).lower())
    return len(own) >= 3 and own not in said and said not in own
