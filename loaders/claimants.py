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
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import Context

ACTORS_CSV = Path(__file__).resolve().parent.parent / "data" / "reference" / "actors.csv"


@dataclass(frozen=True)
class Claimant:
    name: str           # as named in the text ("Volodymyr Zelensky", "the Ukrainian military")
    side: str           # ukraine, russia, third_party
    start: int          # offsets into the article text (ctx.text); -1 when carried over
    end: int


# --- actor dictionary -----------------------------------------------------

@dataclass(frozen=True)
class _Actor:
    name: str
    side: str       # ukraine, russia, third_party, outlet
    kind: str       # person, institution, media, outlet


@lru_cache(maxsize=1)
def _actors() -> tuple[dict[str, _Actor], re.Pattern, dict[str, set[str]]]:
    """(folded alias -> actor, one regex over all folded aliases, acronym spellings).
    Acronyms ("UN", "WHO", "AP", "US") must match in capitals, or "who"/"us" would."""
    table: dict[str, _Actor] = {}
    acronyms: dict[str, set[str]] = {}
    mixed: set[str] = set()  # keys also spelled in lower case ("Tass"): no capitals needed
    with open(ACTORS_CSV, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            a = _Actor(r["name"].strip(), r["side"].strip(), (r.get("kind") or "").strip())
            for n in [a.name] + [x.strip() for x in (r.get("aliases") or "").split("|")]:
                if n:
                    key = _fold(n)
                    table.setdefault(key, a)
                    core = re.sub(r"^the\s+", "", n.replace("’", "'").strip(), flags=re.I)
                    if not any(c.islower() for c in core):
                        acronyms.setdefault(key, set()).add(core)
                    else:
                        mixed.add(key)
    for key in mixed:
        acronyms.pop(key, None)
    alts = sorted(table, key=len, reverse=True)
    pat = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")
    return table, pat, acronyms


def _fold(s: str) -> str:
    s = s.replace("’", "'").strip()
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    return s.lower()


def _find_actors(text: str) -> list[tuple[int, int, _Actor]]:
    """Dictionary actors named in text, as (start, end, actor), left to right."""
    table, pat, acronyms = _actors()
    norm = text.replace("’", "'")
    out = []
    for m in pat.finditer(norm.lower()):
        key = m.group()
        if key in acronyms and norm[m.start():m.end()] not in acronyms[key]:
            continue  # "who", "us": not WHO, US
        out.append((m.start(), m.end(), table[key]))
    return out


def _lookup(name: str) -> _Actor | None:
    """The dictionary actor named in `name`, longest alias first ("Ukrainian
    President Volodymyr Zelensky" -> Zelensky)."""
    table, _, acronyms = _actors()
    folded = _fold(name)
    if folded in table:
        core = re.sub(r"^the\s+", "", name.replace("’", "'").strip(), flags=re.I)
        if folded not in acronyms or core in acronyms[folded]:
            return table[folded]
    best = None
    for s, e, a in _find_actors(name):
        if best is None or e - s > best[0]:
            best = (e - s, a)
    return best[1] if best else None


# General rules, checked in order: a Russian-installed official is Russian even
# though the word "Ukrainian" may also appear.
_RUSSIA = re.compile(
    r"\b(?:russian-installed|russia-installed|moscow-installed|kremlin-installed|russian-appointed|"
    r"moscow-appointed|kremlin-appointed|russian-backed|moscow-backed|russia-backed|pro-russian|pro-moscow|"
    r"separatists?|occupation|occupying|self-proclaimed|dpr|lpr|donetsk people's republic|"
    r"luhansk people's republic|chechen|wagner|kremlin|state\s+(?:media|television|tv|news\s+agency))\b", re.I)
_NATION = re.compile(
    r"\b(?P<ua>ukrainian|ukraine(?:'s)?|kyiv(?:'s)?|kiev(?:'s)?)\b"
    r"|\b(?P<ru>russian|russia(?:'s)?|moscow(?:'s)?)\b"
    r"|(?P<tp>\b(?:(?-i:U\.S\.|US|UK|U\.K\.|NATO|Nato|UN|U\.N\.|EU|G7|G20|IMF|West)|american|british|"
    r"britain(?:'s)?|united nations|western|european|german|french|polish|estonian|latvian|lithuanian|finnish|"
    r"swedish|norwegian|danish|dutch|canadian|israeli|turkish|chinese|pentagon|white house|"
    r"south\s+korea(?:n|'s)?|north\s+korea(?:n|'s)?|japan(?:ese|'s)?|ital(?:y's|ian)|spanish|czech|romanian|"
    r"moldovan|hungarian|slovak|bulgarian|georgian|indian|iranian|belarusian|swiss|austrian|"
    r"australian|kazakh|world\s+bank|unesco|unicef|ohchr|unhcr|iaea|icrc|"
    r"germany(?:'s)?|france(?:'s)?|poland(?:'s)?|china(?:'s)?|iran(?:'s)?|belarus(?:'s)?|turkey(?:'s)?|"
    r"britain|washington|london|paris|berlin|warsaw|brussels|beijing|"
    r"analysts?|experts?|think[- ]tank|institute|monitors?|researchers?|observers?|"
    r"independent|international|humanitarian|aid (?:groups?|agencies|workers))\b)", re.I)
# Unqualified local authorities in English-language war reporting are, by a wide
# margin, the Ukrainian ones (Russian-installed ones are named as such).
_LOCAL = re.compile(
    r"\b(?:regional|governor|mayor|administration|authorities|officials?|police|prosecutors?|"
    r"emergency services?|rescuers|general staff|military|army|armed forces|air force|navy|"
    r"commanders?|soldiers?|servicem[ae]n|troops|brigade|battalion|spokes(?:man|woman|person)|"
    r"ministry|ombudsman|border guards?|national guard|president|prime minister|command)\b", re.I)


def actor_side(name: str) -> str | None:
    """ukraine / russia / third_party for a named actor, or None when unknown."""
    if not name:
        return None
    a = _lookup(name)
    if a is not None and a.kind != "outlet":
        return a.side if a.side in ("ukraine", "russia", "third_party") else None
    if a is not None and _is_outlet(name):
        return None
    s = name.replace("’", "'")
    if _RUSSIA.search(s):
        return "russia"
    m = _NATION.search(s)
    if m:
        return "ukraine" if m.group("ua") else "russia" if m.group("ru") else "third_party"
    return None


def _is_outlet(name: str) -> bool:
    """The outlet itself ("Reuters", "an Associated Press tally"), not someone it interviewed."""
    core = re.sub(r"^(?:an?|the)\s+", "", name.strip(), flags=re.I)
    core = re.sub(r"\s+(?:tally|count|analysis|investigation|calculations?|review|estimate|reporters?|"
                  r"journalists?|correspondents?)$", "", core, flags=re.I)
    a = _lookup(core) if _fold(core) in _actors()[0] else None
    return a is not None and a.kind == "outlet"


# --- finding attributions in one sentence ----------------------------------

_VERBS = (
    r"said|says|say|saying|stated|states|state|told|tells|tell|reported|reports|report|"
    r"claimed|claims|claim|estimated|estimates|estimate|believe|believes|believed|added|adds|"
    r"wrote|writes|write|announced|announces|announce|confirmed|confirms|noted|notes|posted|"
    r"posts|assessed|assesses|assess|warned|warns|acknowledged|admitted|admits|insisted|"
    r"alleged|alleges|declared|indicated|revealed|put|puts|counted|counts|recorded|records|"
    r"verified|verifies|documented|documents|registered|informed|explained|cited|citing|"
    r"put|puts|reckons|reckoned|calculated|calculates|suggested|suggests|identified|"
    r"tallied|show|shows|showed|found|finds|concluded|concludes|"
    r"think|thinks|thought"
)
_VERB = re.compile(r"\b(?:(?:has|have|had|was|were|is|also|later|earlier|previously|separately)\s+)*(" + _VERBS + r")\b")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
_POSS_DOC = re.compile(
    r"(?P<who>(?:[A-Z][\w.'’-]*\s+){0,6}?[A-Z][\w.-]*|the\s+[\w\s'’-]{2,60}?)['’]s?\s+"
    r"(?:latest\s+|daily\s+|nightly\s+|evening\s+|morning\s+|weekly\s+|new\s+|own\s+|official\s+|"
    r"most\s+recent\s+|regular\s+|intelligence\s+|video\s+)*"
    r"(?:statement|report|estimate|estimates|figures?|count|tally|data|assessment|update|"
    r"briefing|address|bulletin|summary|calculations?|account|post)\b")
_BY_DOC = re.compile(
    r"\b(?:statement|report|estimate|estimates|figures|data|count|tally|assessment|update|"
    r"briefing|analysis|calculations?|information)\s+(?:by|from|of)\s+(?P<who>(?:the\s+)?[A-Z][^,.;:()\"“”]{1,80})")
_GIVEN_BY = re.compile(
    r"\b(?:released|published|provided|issued|compiled|given|confirmed|collected|gathered)\s+by\s+"
    r"(?P<who>(?:the\s+)?[A-Z][^,.;:()\"“”]{1,80})")
_CITING = re.compile(r"\b(?:citing|cited by|quoted by|quoting)\s+(?P<who>(?:the\s+)?[A-Za-z][^,.;:()\"“”]{1,80})")

_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# Anaphoric descriptions resolved to an earlier speaker.
_ANAPHORA = re.compile(
    r"^(?:the|this|that)\s+(?:(?:same|latest|daily|new|regional|local|military)\s+)*"
    r"(?:report|statement|ministry|agency|official|officials|spokes(?:man|woman|person)|governor|"
    r"institute|think[- ]tank|update|assessment|post|mayor|general|"
    r"commander|president|minister|military|army|monitors?|mission|"
    r"blogger|bloggers|channel)$", re.I)
_TITLES = {
    "president", "prime", "minister", "defence", "defense", "foreign", "gen", "general", "col",
    "colonel", "lt", "lieutenant", "mr", "mrs", "ms", "dr", "governor", "gov", "mayor",
    "commander", "chief", "spokesman", "spokeswoman", "spokesperson", "secretary", "chancellor",
    "adviser", "advisor", "aide", "ambassador", "head", "deputy", "senator", "sen", "rep", "sgt",
    "capt", "captain", "major", "maj", "admiral", "adm", "brig", "brigadier", "lieut", "gen.", "presidential", "ukrainian", "russian",
    "us", "u.s.", "british", "american", "french", "german", "regional", "military", "army",
    "ombudsman", "kremlin", "pentagon", "nato", "un", "u.n.", "state", "press", "director",
    "intelligence", "chairman", "speaker", "leader", "mercenary", "wagner", "chechen", "top",
    "former", "acting", "interim", "first", "supreme", "armed", "forces", "navy", "air", "force",
    "border", "guard", "national", "security", "council", "official", "officer", "lawmaker",
    "mp", "sergeant", "corporal", "private", "soldier", "analyst", "expert", "historian",
    "blogger", "journalist", "correspondent", "envoy", "diplomat", "pope", "kyiv", "moscow",
    "ukraine", "russia", "ukraine's", "russia's", "kyiv's", "moscow's",
}
_INSTITUTION_WORDS = re.compile(
    r"\b(?:Ministry|Staff|Institute|Forces|Force|Group|Command|Service|Agency|Office|Council|"
    r"Administration|Department|Army|Navy|Guard|Brigade|Battalion|Corps|Directorate|Committee|"
    r"Mission|Nations|Union|Organization|Organisation|Court|Watch|International|Cross|School|"
    r"Center|Centre|Times|News|Post|Journal|Agency|Republic|Federation|Kremlin|Pentagon|House|"
    r"Department|Mediazona|Meduza|TASS|RIA|Interfax|Reuters|ISW|NATO|UN|OHCHR|HUR|GUR|SBU|FSB|"
    r"Oryx|Rybar|Wagner)\b")
# Adjuncts allowed between a post-posed verb and the end of its clause.
_ADJ_WORD = (r"(?:\s+(?!(?:that|it|they|he|she|we|i|there|had|has|have|was|were|is|are|would|will|"
             r"could|its|their|his|her)\b)[\w'’.-]+)")
_ADJUNCT = re.compile(
    r"^(?:\s*(?:,\s*)?(?:(?:late|early)\s+)?(?:on|in|at|during|via|through|over|to|from|by|"
    r"earlier|later|last|this|yesterday|today|tonight|overnight|separately|also|without|"
    r"citing)\b" + _ADJ_WORD + r"{0,7}"
    r"|\s*(?:Reuters|AFP|AP|the\s+Associated\s+Press|reporters|journalists|the\s+BBC|CNN|"
    r"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})(?=\s*(?:[,.;]|$|\s+(?:on|in|at|late|early|during)\b)))*"
    r"\s*(?:[,.;\"”]|$)")
_SUBJECT_STOP = re.compile(
    r"(?:^|[,;:\"“”(]|\s[–—-]\s|\b(?:that|and|but|while|as|because|after|when|where|which|who|"
    r"although|though|since|if|whereas|yet|so)\s)", re.I)
_LEAD_JUNK = re.compile(
    r"^(?:\s*(?:and|but|also|however|meanwhile|separately|earlier|later|now|then|still|"
    r"in\s+addition|moreover|yet|so|both|in|on|at|from|by|under|per)\b,?)+\s*", re.I)
_LEAD_TIME = re.compile(
    r"^(?:(?:late|early|earlier|later)\s+)?(?:on\s+|last\s+|this\s+|next\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|night|"
    r"morning|evening|afternoon|today|yesterday|overnight)\b,?\s*", re.I)
_DOC_BY = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:\w+\s+){0,2}?(?:report|statement|estimates?|assessment|analysis|update|count|"
    r"tally|study|survey|investigation|briefing|data|figures|information|calculations?)\s+(?:by|from|of)\s+", re.I)
_TRAIL_JUNK = re.compile(
    r"(?:\s+(?:also|later|earlier|previously|separately|had|has|have|was|were|is|would|will|"
    r"could|on\s+\w+day|late\s+on\s+\w+day|(?:near|in|at|outside|from)\s+the\s+\w+))+\s*$", re.I)


@dataclass(frozen=True)
class _Attribution:
    name: str           # the speaker as written, cleaned of titles
    raw: str            # the subject as written
    start: int          # offsets of the speaker in ctx.text
    end: int
    gov_start: int      # the governed stretch, offsets in ctx.text
    gov_end: int
    pronoun: bool = False
    appos: str = ""     # ", a spokesperson for the Luhansk group": a clue to the side


def _sentence_attributions(text: str, offset: int) -> list[_Attribution]:
    out: list[_Attribution] = []
    n = len(text)
    for m in _ACCORDING.finditer(text):
        who = _np_after(text, m.end())
        if who:
            s, e = who
            out.append(_make(text, offset, s, e, 0, n))
    for m in _POSS_DOC.finditer(text):
        who = m.group("who")
        s = m.start("who")
        trimmed = _clean_subject(who)
        if trimmed and _speakerish(trimmed):
            s += who.find(trimmed)
            out.append(_make(text, offset, s, s + len(trimmed), 0, n))
    for rx in (_BY_DOC, _GIVEN_BY, _CITING):
        for m in rx.finditer(text):
            who = _np_after(text, m.start("who"))
            if who:
                out.append(_make(text, offset, who[0], who[1], 0, n))
    for m in _VERB.finditer(text):
        a = _verb_attribution(text, offset, m)
        if a is not None:
            out.append(a)
    # drop attributions nested in another one's speaker ("Ukraine's military" and "Ukraine")
    out = [a for a in out if not any(b is not a and b.start <= a.start and a.end <= b.end
                                     and (b.end - b.start) > (a.end - a.start) for b in out)]
    # '"We estimate 500 dead," he said': the speaker is "he", not the quoted "we"
    outside = [a for a in out if not _inside_quote(text, a.start - offset)]
    if outside and len(outside) < len(out):
        out = outside
    return sorted(out, key=lambda a: a.start)


def _make(text, offset, s, e, gs, ge, pronoun=False) -> _Attribution:
    raw = text[s:e]
    m = re.match(r",\s+((?:a|an|the|who|[a-z])[^,.;:\"“”]{2,100})", text[e:])
    appos = m.group(1) if m else ""
    return _Attribution(_display_name(raw), raw, offset + s, offset + e, offset + gs, offset + ge,
                        pronoun, appos)


_NP = re.compile(
    r"[^,.;:()\"“”]+?(?=\s*(?:[,;:()\"“”]|\.(?:\s|$)|$|\s+(?:that|who|which|on\s+\w+day|"
    r"in\s+(?:a|an|its|his|her|their)\s|late|earlier|as|while|and\s+(?:the|a)\s|"
    r"(?:has\s+|have\s+|had\s+)?(?:said|says|say|stated|told|tells|reported|claimed|estimated|believes?|"
    r"believed|added|adds|wrote|writes|announced|confirmed|noted|warned|acknowledged|admitted|"
    r"insisted|alleged|declared|revealed|counted|recorded|verified|documented|registered)\b)))")


def _np_after(text: str, i: int) -> tuple[int, int] | None:
    """The noun phrase starting at i, up to a comma, clause word or end."""
    m = _NP.match(text, i)
    if not m:
        return None
    # keep dotted abbreviations inside ("U.S. officials", "Mr. Haidai")
    s, e = i, m.end()
    while e < len(text) and text[e] == "." and re.match(r"\.\s*[A-Z]?[\w.]*", text[e:]) and \
            re.search(r"(?:\b[A-Z]|\bMr|\bMs|\bMrs|\bDr|\bGen|\bCol|\bSt|\bLt)$", text[s:e]):
        m2 = re.match(r"\.[^,.;:()\"“”]*?(?=\s*(?:[,;:()\"“”]|\.(?:\s|$)|$))", text[e:])
        if not m2:
            break
        e += m2.end()
    np = text[s:e].strip()
    if not np or len(np.split()) > 12:
        return None
    lead = text[s:e].find(np)
    cleaned = _clean_subject(np)
    if not cleaned or not _speakerish(cleaned):
        return None
    start = s + lead + np.find(cleaned)
    return start, start + len(cleaned)


def _verb_attribution(text: str, offset: int, m: re.Match) -> _Attribution | None:
    vstart, vend = m.start(), m.end()
    verb = m.group(1).lower()
    before = text[:vstart]
    after = text[vend:]
    # inverted: '"...," said Bobovnikova, a spokesperson' / '..., said the governor'
    if re.search(r"[,\"”’]\s*$", before) and re.match(r"\s+(?:[A-Z]|the\s|a\s|an\s|one\s)", after):
        who = _np_after(text, vend + len(after) - len(after.lstrip()))
        if who and verb in ("said", "says", "added", "wrote", "stated", "claimed", "reported", "noted"):
            s, e = who
            named = re.match(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})(?=\s*[,.;]|\s*$)", text[e:])
            if named and re.match(r"(?:the|a|an)\s", text[s:e]):
                s, e = e + named.start(1), e + named.end(1)
            # the quote or clause before it is governed; so is a following quote
            return _make(text, offset, s, e, 0, vstart) if not _has_quote_after(text, e) else \
                _make(text, offset, s, e, 0, len(text))
    if re.search(r"(?:\bnot|n't|\bnever|\bdeclined\s+to|\brefused\s+to|\bunable\s+to|\bfailed\s+to)\s+$",
                 text[:vstart], re.I):
        return None  # "did not say", "declined to say": no claim
    noun = re.search(r"\b(?:a|an|the|its|his|her|their|this|that)\s+((?:[\w-]+\s+){0,2})$", text[:vstart], re.I)
    if verb in _NOUN_TOO and noun and not (noun.group(1).strip() and (
            _speaker_noun(noun.group(1)) or noun.group(1)[:1].isupper() or _lookup(noun.group(1)))):
        return None  # "published its quarterly report": a noun; "the ministry reports": a verb
    if verb == "estimated" and re.search(r"\b(?:an|the)\s+$", text[:vstart], re.I):
        return None  # "an estimated 300 troops"
    if verb in _NOUN_TOO and re.search(r"\b(?:a|an|the|its|his|her|their|this|that|latest|new|daily|"
                                       r"weekly|recent|morning|evening|official|intelligence|media|"
                                       r"initial|first|earlier|previous)\s+$", text[:vstart], re.I):
        return None  # "in a report last month": a noun, not a verb
    subj = _subject_before(text, vstart)
    if subj is None:
        return None
    if re.search(r"\b(?:said|says|stated|told|claimed|announced|wrote|added|published|released|issued)\b",
                 text[subj[0]:subj[1]]):
        return None  # a speaker never contains another reporting verb
    s, e = subj
    if verb in ("citing", "cited", "saying", "put", "puts", "report", "state", "think", "thought", "documents",
                "records", "counts", "estimate", "claim", "tell", "write", "assess", "announce"):
        # ambiguous forms: only with an obvious speaker ("officials estimate", "they claim")
        if not (actor_side(text[s:e]) or _speaker_noun(text[s:e]) or text[s:e].lower() in _PRONOUNS):
            return None
    if verb in _FINDINGS and not re.search(
            r"\b(?:report|study|investigation|analysis|assessment|count|survey|review|mission|"
            r"monitors|researchers|it|they)\b", text[s:e], re.I):
        return None  # "troops found 12 bodies" is an event; "the report found" is a claim
    raw = text[s:e]
    pronoun = raw.lower() in _PRONOUNS
    tail = text[vend:]
    if verb in _NEEDS_COMPLEMENT and not _speech_complement(verb, tail):
        return None  # "Russia added 30,000 troops" is not speech
    if verb in ("told", "tells", "tell"):
        tail = re.sub(r"^\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|^\s+(?:reporters|journalists|"
                      r"a\s+\w+(?:\s+\w+)?|an\s+\w+(?:\s+\w+)?|the\s+\w+(?:\s+\w+)?|parliament|lawmakers)",
                      "", tail, count=1)
    if verb not in ("put", "puts") and _ADJUNCT.match(tail) and _clause_start(text, s) > 0:
        # post-posed: "CLAUSE, X said on Monday[, as ...]" governs what precedes X
        gov_end = s
        g2 = re.search(r"\b(?:adding|and\s+added|noting)\b", tail)
        if g2:
            return _make(text, offset, s, e, 0, len(text), pronoun)
        return _make(text, offset, s, e, 0, gov_end, pronoun)
    return _make(text, offset, s, e, vend, len(text), pronoun)


_FINDINGS = {"found", "finds", "concluded", "concludes"}
_NOUN_TOO = {"report", "reports", "estimate", "estimates", "claim", "claims", "state", "states", "put",
             "count", "counts", "records", "documents", "posts", "notes", "tells"}
_NEEDS_COMPLEMENT = {"added", "adds", "posted", "posts", "noted", "notes", "put", "puts", "counted",
                     "counts", "cited", "informed", "explained", "documented", "documents",
                     "recorded", "records", "registered", "revealed", "indicated", "suggested",
                     "suggests", "think", "thinks", "thought", "believe", "believes", "believed"}


def _speech_complement(verb: str, tail: str) -> bool:
    if verb in ("put", "puts"):
        return bool(re.match(r"\s+(?:the|its|their|his|her)?\s*(?:\w+\s+){0,3}?at\b", tail))
    if verb in ("counted", "counts", "documented", "documents", "recorded", "records", "registered",
                "believe", "believes", "believed", "think", "thinks", "thought"):
        return True  # their objects are the claim itself ("has recorded 10,000 deaths")
    t = re.sub(r"^\s*(?:(?:late\s+|early\s+)?on\s+\w+|in\s+(?:a|an|its|his|her|their)\s+[\w\s-]{1,40}?(?=\s+that|,|$)|"
               r"on\s+(?:Telegram|X|Twitter|Facebook|television|TV)|to\s+reporters|earlier|later|overnight)", "", tail)
    return bool(re.match(r"\s*(?:that\b|[,:;.\"“”]|$)", t))


def _has_quote_after(text: str, i: int) -> bool:
    return bool(re.search(r"[\"“]", text[i:]))


def _clause_start(text: str, s: int) -> int:
    """How much reported material precedes the speaker: 0 when the speaker opens
    the sentence (after an introductory phrase like "In Kyiv,")."""
    head = text[:s].rstrip()
    if not head:
        return 0
    # an introductory adverbial only: "On Monday,", "In Luhansk, further east,"
    if re.fullmatch(r"(?:(?:On|In|At|Late|Early|Earlier|Later|Meanwhile|Separately|Also|However|"
                    r"Elsewhere|Further|Speaking|Overnight|Last|This|Since|After|During|From|"
                    r"Near|Outside|Further\s+east|Further\s+south)\b[^,\"“”]{0,60},\s*)+", head + " "):
        return 0
    return len(head)


def _subject_before(text: str, vstart: int) -> tuple[int, int] | None:
    # blank out parentheticals, keeping offsets: "the Institute for the Study of War (ISW) said"
    head = re.sub(r"\s*\([^()]{1,60}\)", lambda m: " " * len(m.group()), text[:vstart])
    # "X, a spokesperson for Y, said": the speaker is before the appositive
    appos = None
    if re.search(r",[\"”]?\s*$", head):
        body = re.sub(r",[\"”]?\s*$", "", head)
        k = body.rfind(",")
        if k >= 0:
            piece = body[k + 1:].strip()
            if re.match(r"(?:a|an|the|who|which|its|his|her|their|[a-z0-9])", piece):
                appos = (k, body)
            elif re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,4}", piece) and (
                    _speakerish(body[:k].strip()) or _speaker_noun(body[:k])):
                # "Ukraine's top commander, Oleksandr Syrskyi, said": the name is the speaker
                start = k + 1 + (len(body[k + 1:]) - len(body[k + 1:].lstrip()))
                return start, start + len(piece)
        if appos:
            head = body[:appos[0]]
        else:
            return None
    # the clause the subject lives in starts after the last boundary
    cut, cut_word = 0, ""
    for b in _SUBJECT_STOP.finditer(head):
        cut, cut_word = b.end(), b.group().strip().lower()
    raw = head[cut:]
    if cut_word == "and":
        # "both Russia and Ukraine have reported": two speakers, no single claimant
        prev = head[:cut - 4]
        k = max((b.end() for b in _SUBJECT_STOP.finditer(prev)), default=0)
        first = _clean_subject(re.sub(r"^\s*both\s+", "", prev[k:], flags=re.I))
        if first and len(first.split()) <= 4 and _speakerish(first) and not re.search(r"\b(?:is|are|was|were|has|have|had)\b", first):
            if actor_side(first) != actor_side(_clean_subject(raw)):
                return None
    cleaned = _clean_subject(raw)
    if not cleaned or not _speakerish(cleaned):
        return None
    s = cut + raw.find(cleaned)
    return s, s + len(cleaned)


_DOC_TAIL = re.compile(
    r"['’]s?\s+(?:latest\s+|daily\s+|nightly\s+|new\s+|official\s+|video\s+|evening\s+|morning\s+|"
    r"weekly\s+|regular\s+|operational\s+|intelligence\s+|most\s+recent\s+|situation\s+)*(?:statement|report|"
    r"estimate|figures?|count|tally|data|assessment|update|briefing|address|bulletin|summary|post)$")


def _clean_subject(raw: str) -> str:
    s = raw.strip().strip("\"“”'’")
    s = _DOC_TAIL.sub("", s)
    s = _DOC_BY.sub("", s)
    s = _LEAD_TIME.sub("", s)
    s = _LEAD_JUNK.sub("", s)
    prev = None
    while prev != s:
        prev = s
        s = _TRAIL_JUNK.sub("", s).strip()
    return s.strip(" ,")


_SPEAKER_NOUN = re.compile(
    r"\b(?:officials?|military|army|ministry|spokes(?:man|woman|person|people)|governor|mayor|"
    r"administration|authorities|analysts?|experts?|staff|command|forces|commander|general|"
    r"president|minister|report|statement|agency|institute|think[- ]tank|government|sources?|"
    r"soldiers?|troops|servicem[ae]n|officer|police|prosecutors?|service|services|monitors?|"
    r"mission|estimates?|intelligence|bloggers?|correspondents?|channels?|residents?|witness(?:es)?|"
    r"observers?|diplomats?|envoy|ambassador|adviser|advisor|aide|ombudsman|chief|head|leader|"
    r"milbloggers?|war\s+correspondents?|"
    r"kremlin|pentagon|council|committee|office|journalists?|media|researchers?|group|"
    r"volunteers?|medics?|doctors?|rescuers|guards?|brigade|battalion|unit|corps|navy|"
    r"directorate|watchdog|commission|mercenar(?:y|ies)|separatists?|side|ministry|data|"
    r"the\s+(?:UN|U\.N\.|EU)|marine|marines|paratroopers?|commanders)\b", re.I)


def _speaker_noun(s: str) -> bool:
    return bool(_SPEAKER_NOUN.search(s))


def _speakerish(s: str) -> bool:
    """Looks like someone who can say something: a pronoun, a known actor, a
    speaker noun, or a short capitalised name."""
    if s.lower() in _PRONOUNS:
        return True
    words = s.split()
    if not words or len(words) > 9:
        return False
    if _lookup(s) or _speaker_noun(s) or (len(words) <= 4 and actor_side(s)):
        return True
    if _ANAPHORA.match(s):
        return True
    # a proper name: every word capitalised (allowing "of", "the", "for")
    caps = [w for w in words if w.lower() not in ("of", "the", "for", "and", "de", "von", "der")]
    return bool(caps) and all(w[:1].isupper() for w in caps) and not re.fullmatch(
        r"(?:It|This|That|There|These|Those|What|Which|Who|Some|Many|Most|All|Both|Each|One|None)", s)


_NAME_TOKEN = re.compile(r"[A-Z][\w'’-]*\.?|[a-z]+|\S")


def _display_name(raw: str) -> str:
    """'Ukrainian President Volodymyr Zelensky' -> 'Volodymyr Zelensky', 'Khortytsia Group
    Spokesperson Captain Ivan Petrenko' -> 'Ivan Petrenko'; institutions, groups and
    descriptions stay as written ('the Ukrainian military', 'Russian Ministry of Defense')."""
    s = raw.strip()
    if s.lower() in _PRONOUNS:
        return s
    toks = s.split()
    # the trailing run of capitalised words that are neither titles nor institution words
    run: list[str] = []
    for t in reversed(toks):
        if (t[:1].isupper() and not t.endswith(("'s", "’s")) and t.lower().rstrip(".") not in _TITLES
                and not _INSTITUTION_WORDS.fullmatch(t.rstrip(".,"))):
            run.insert(0, t)
        else:
            break
    lead = toks[:len(toks) - len(run)]
    if not run:
        return s
    name = " ".join(run)
    actor = _lookup(name)
    if actor is not None and actor.kind == "person":
        return name
    if len(run) == 1 and lead:
        return s  # "Russian Ministry of Defense", "Pope Francis": keep as written
    # "officials in Donetsk": a place after a preposition is not a name
    if lead and lead[-1].lower() in ("in", "of", "near", "from", "at", "for", "on", "to", "outside"):
        return s
    if _INSTITUTION_WORDS.search(s) and not (lead and (lead[-1].lower().rstrip(".") in _TITLES
                                                       or _INSTITUTION_WORDS.fullmatch(lead[-1]))):
        return s
    return name


# --- resolution across sentences --------------------------------------------

def _sentence_attrs_cached(ctx: Context, i: int) -> list[_Attribution]:
    cache = _ctx_cache(ctx)
    if i not in cache:
        s = ctx.sentences[i]
        cache[i] = _sentence_attributions(s.text, s.start)
    return cache[i]


_CACHE: dict[int, tuple[str, dict]] = {}


def _ctx_cache(ctx: Context) -> dict:
    key = id(ctx)
    hit = _CACHE.get(key)
    if hit is None or hit[0] is not ctx.text:
        if len(_CACHE) > 64:
            _CACHE.clear()
        hit = (ctx.text, {})
        _CACHE[key] = hit
    return hit[1]


def _full_name(ctx: Context, name: str, before: int) -> str:
    """'Kyrylenko' or 'Mr. Kyrylenko' -> 'Pavlo Kyrylenko' when named so earlier."""
    base = re.sub(r"^(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|President|Governor|Gov|Mayor|General|Minister)\.?\s+", "", name)
    if " " in base or not base[:1].isupper():
        return name if base == name else base
    m = None
    for m in re.finditer(r"\b([A-Z][a-z'’]+(?:\s+[A-Z]\.)?)\s+" + re.escape(base) + r"\b", ctx.text[:before]):
        pass
    if m and m.group(1).lower().rstrip(".") not in _TITLES:
        return f"{m.group(1)} {base}"
    a = _lookup(base)
    if a is not None and a.kind == "person":
        return a.name
    return base


_PERSON_MENTION = re.compile(r"\b[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’-]+){1,2}\b")


def _last_person(ctx: Context, i: int) -> tuple[str, str] | None:
    """The most recent named person in sentences before i (for "he"/"she")."""
    for j in range(i - 1, max(-1, i - 5), -1):
        text = ctx.sentences[j].text
        found = None
        for s, e, a in _find_actors(text):
            if a.kind == "person":
                found = (_full_name(ctx, text[s:e], ctx.sentences[j].start + s), a.side)
        for m in _PERSON_MENTION.finditer(text):
            if found:
                break
            a = _lookup(m.group())
            if a is not None and a.kind == "person":
                found = (m.group(), a.side)
            elif found is None or m.start() > 0:
                words = m.group().split()
                if words[0].lower() not in _TITLES and not _INSTITUTION_WORDS.search(m.group()) \
                        and not any(w.lower() in _TITLES for w in words):
                    # an unknown "Firstname Lastname" only when introduced with a role
                    if re.search(r"(?:spokes\w+|governor|commander|mayor|minister|president|official|"
                                 r"chief|head|leader|aide|adviser|analyst)\s+$", text[:m.start()], re.I) \
                            or re.match(r",\s+(?:a|an|the)\s", text[m.end():]):
                        found = (m.group(), None)
        # prefer the attributed speaker of that sentence when it is one person
        for a in reversed(_sentence_attrs_cached(ctx, j)):
            if a.pronoun or _INSTITUTION_WORDS.search(a.raw) or _ANAPHORA.match(a.raw):
                continue
            k = _lookup(a.name)
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


def _last_claimant(ctx: Context, i: int, depth: int = 0) -> Claimant | None:
    for j in range(i - 1, max(-1, i - 4), -1):
        attrs = _sentence_attrs_cached(ctx, j)
        if attrs:
            c = _resolve(ctx, j, attrs[-1], depth + 1)
            if c is not None:
                return c
    # "The ISW published an assessment. The report stated ...": a named actor
    for j in range(i - 1, max(-1, i - 3), -1):
        sent = ctx.sentences[j]
        found = None
        for s, e, a in _find_actors(sent.text):
            if a.side in ("ukraine", "russia", "third_party") and a.kind != "person":
                found = (sent.text[s:e], a.side)
        if found:
            return Claimant(found[0], found[1], -1, -1)
    return None


def _resolve(ctx: Context, i: int, a: _Attribution, depth: int = 0) -> Claimant | None:
    if depth > 4:
        return None
    low = a.raw.lower()
    if low in _PRONOUNS:
        if low in ("he", "she"):
            p = _last_person(ctx, i)
            if p:
                name, side = p
                side = side or actor_side(name) or _described_side(ctx, name)
                return Claimant(name, side, -1, -1) if side else None
        c = _last_claimant(ctx, i, depth)
        return Claimant(c.name, c.side, -1, -1) if c else None
    if _is_outlet(a.raw):
        return None  # "Reuters reported": the outlet's own voice
    if _ANAPHORA.match(a.raw):
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


def _described_side(ctx: Context, name: str) -> str | None:
    """A person named without a role here, but described elsewhere in the article:
    "Ivan Petrenko, a Ukrainian medic," / "military spokesman Ivan Petrenko"."""
    surname = name.split()[-1] if name and name[:1].isupper() else ""
    if len(surname) < 3 or _INSTITUTION_WORDS.search(name):
        return None
    for m in re.finditer(r"\b" + re.escape(surname) + r"\b", ctx.text):
        after = re.match(r"['’]?,\s+((?:a|an|the)\s[^,.;:\"“”]{2,100})", ctx.text[m.end():])
        role_before = re.search(r"((?:[A-Za-z'’-]+\s+){1,5})(?:[A-Z][\w'’-]+\s+)?$", ctx.text[max(0, m.start() - 60):m.start()])
        for desc in (after.group(1) if after else "", role_before.group(1) if role_before else ""):
            if desc:
                side = actor_side(desc) or _local_side(desc, ctx, m.start())
                if side:
                    return side
    return None


def _local_side(raw: str, ctx: Context, at: int) -> str | None:
    """A speaker with no nationality: local authorities and militaries default to
    Ukraine, or Russia when placed in a Russian town or the article is about one
    ("officials in Belgorod"). Russian-installed ones were caught by _RUSSIA already."""
    if not raw or not _LOCAL.search(raw):
        return None
    from . import places  # local import: places is only needed for this fallback
    found = places.find_places(raw)
    if not found and ctx.main_place:
        found = [m for m in places.find_places(ctx.main_place)]
    for m in found:
        info = places.place_info(m.name)
        if info and info.get("country") == "RU":
            return "russia"  # "officials in Belgorod", a Kursk-region story
    return "ukraine"


# --- public entry point ------------------------------------------------------

_OPEN_Q = "\"“"
_CLOSE_Q = "\"”"


def attribute(ctx: Context, sentence_index: int, at: int | None = None) -> Claimant | None:
    """The claimant of a statement in ctx.sentences[sentence_index]; `at` is an offset in
    ctx.text of the number or trigger, for sentences with several speakers.
    None means nobody is said to claim it (the outlet's own voice: unattributed)."""
    if not 0 <= sentence_index < len(ctx.sentences):
        return None
    sent = ctx.sentences[sentence_index]
    attrs = _sentence_attrs_cached(ctx, sentence_index)
    if attrs:
        chosen = _choose(attrs, at)
        if chosen is not None:
            return _resolve(ctx, sentence_index, chosen)
        if at is not None and not _inside_quote(sent.text, at - sent.start):
            return None
    # a quote with no speaker in this sentence
    return _quote_speaker(ctx, sentence_index, at)


def _choose(attrs: list[_Attribution], at: int | None) -> _Attribution | None:
    if at is None:
        return attrs[0]
    inside = [a for a in attrs if a.gov_start <= at < a.gov_end and not (a.start <= at < a.end)]
    if not inside:
        return None
    # the nearest governing speaker: the narrowest stretch, then the closest one
    return min(inside, key=lambda a: (a.gov_end - a.gov_start, abs(at - a.start)))


def _inside_quote(text: str, pos: int) -> bool:
    if pos < 0:
        return _starts_quote(text)
    opened = False
    for ch in text[:pos]:
        if ch == "“":
            opened = True
        elif ch == "”":
            opened = False
        elif ch == '"':
            opened = not opened
    return opened


def _starts_quote(text: str) -> bool:
    return text[:1] in _OPEN_Q or text[:1] == "'"


def _same_line(ctx: Context, i: int, j: int) -> bool:
    a, b = ctx.sentences[i], ctx.sentences[j]
    lo, hi = (a, b) if a.start < b.start else (b, a)
    return "\n" not in ctx.text[lo.end:hi.start]


def _quote_speaker(ctx: Context, i: int, at: int | None) -> Claimant | None:
    sent = ctx.sentences[i]
    text = sent.text
    quoted = _starts_quote(text) or (at is not None and _inside_quote(text, at - sent.start))
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
        if len(nxt.text.split()) <= 8:
            attrs = _sentence_attrs_cached(ctx, i + 1)
            if attrs:
                return _resolve(ctx, i + 1, attrs[0])
    return None

