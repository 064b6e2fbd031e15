"""The actor dictionary (data/reference/actors.csv) and the side of a speaker.

A speaker's side comes from the dictionary first (any alias inside the speaker
phrase, longest first, so "Ukrainian President Volodymyr Zelensky" finds
Zelensky), then from general rules: Russian-installed and the like -> russia,
the first nationality word, and Western/UN/analyst words -> third_party.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .prefilter import Gated

ACTORS_CSV = Path(__file__).resolve().parent.parent / "data" / "reference" / "actors.csv"


@dataclass(frozen=True)
class Actor:
    name: str
    side: str       # ukraine, russia, third_party, outlet
    kind: str       # person, institution, media, outlet


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Actor], Gated, dict[str, set[str]]]:
    """(folded alias -> actor, one regex over all folded aliases, acronym spellings).
    Acronyms ("UN", "WHO", "AP", "US") must match in capitals, or "who"/"us" would."""
    table: dict[str, Actor] = {}
    acronyms: dict[str, set[str]] = {}
    mixed: set[str] = set()  # keys also spelled in lower case ("Tass"): no capitals needed
    with open(ACTORS_CSV, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            a = Actor(r["name"].strip(), r["side"].strip(), (r.get("kind") or "").strip())
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
    # tried only where an alias begins (one Aho-Corasick pass), not at every position
    pat = Gated(re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])"))
    return table, pat, acronyms


def _fold(s: str) -> str:
    s = s.replace("’", "'").strip()
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    return s.lower()


def find_actors(text: str) -> list[tuple[int, int, Actor]]:
    """Dictionary actors named in text, as (start, end, actor), left to right."""
    table, pat, acronyms = _table()
    norm = text.replace("’", "'")
    low = norm.lower()
    out = []
    for m in pat.finditer(low, low=low):
        key = m.group()
        if key in acronyms and norm[m.start():m.end()] not in acronyms[key]:
            continue  # "who", "us": not WHO, US
        a = table[key]
        if a.kind == "person" and " " not in key and _other_first_name(norm, m.start(), a):
            continue  # "Olena Kovalenko" is not Andriy Kovalenko
        out.append((m.start(), m.end(), a))
    return out


_NOT_FIRST_NAME = {
    "president", "minister", "governor", "gov", "mayor", "general", "gen", "colonel", "col", "lt",
    "lieutenant", "major", "captain", "capt", "commander", "chief", "spokesman", "spokeswoman",
    "spokesperson", "secretary", "chancellor", "adviser", "advisor", "aide", "ambassador", "head",
    "deputy", "director", "chairman", "speaker", "leader", "envoy", "mr", "mrs", "ms", "dr", "sen",
    "senator", "prime", "premier", "pope", "prosecutor", "ombudsman", "sergeant", "sgt", "admiral",
    "the", "a", "an", "and", "but", "as", "on", "in", "at", "by", "for", "with", "when", "while",
    "if", "yesterday", "today", "meanwhile", "however", "also", "then", "now", "later", "earlier",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "according",
    "ukrainian", "russian", "american", "british", "french", "german", "chechen", "belarusian",
    "polish", "turkish", "hungarian", "kremlin", "pentagon", "nato", "wagner", "brig", "rank",
    "defence", "defense", "foreign", "military", "army", "regional", "acting", "former", "told",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "speaking", "asked", "instead", "still", "since", "after",
    "before", "during", "from", "to", "of", "said", "says", "both", "only", "even", "ex",
}


def _other_first_name(norm: str, start: int, actor: Actor) -> bool:
    """A capitalised word right before a surname alias that is neither a title nor the
    actor's own first name: a different person with the same surname."""
    m = re.search(r"(?<![\w.'-])([A-Z][a-z'-]+)\s+$", norm[max(0, start - 30):start])
    if not m:
        return False
    word = m.group(1)
    if word.lower() in _NOT_FIRST_NAME or word.endswith("'s"):
        return False
    own = {_translit_key(w) for w in re.split(r"[\s|]+", actor.name)}
    return _translit_key(word) not in own and not _alias_words(actor).intersection({word.lower()})


def _translit_key(word: str) -> str:
    """One key for the romanisations of a name: Vadym/Vadim, Oleksiy/Oleksii, Yevhen/Evgen."""
    w = word.lower().replace("'", "").replace("’", "")
    for a, b in (("kh", "h"), ("g", "h"), ("j", "i"), ("y", "i")):
        w = w.replace(a, b)
    return re.sub(r"i+", "i", w).replace("ie", "e")


@lru_cache(maxsize=None)
def _alias_words(actor: Actor) -> frozenset:
    words = set()
    with open(ACTORS_CSV, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["name"].strip() == actor.name:
                for n in (r.get("aliases") or "").split("|"):
                    words.update(w.lower() for w in n.split())
    return frozenset(words)


@lru_cache(maxsize=8192)
def lookup(name: str) -> Actor | None:
    """The dictionary actor named in `name`, longest alias first ("Ukrainian
    President Volodymyr Zelensky" -> Zelensky)."""
    table, _, acronyms = _table()
    folded = _fold(name)
    if folded in table:
        core = re.sub(r"^the\s+", "", name.replace("’", "'").strip(), flags=re.I)
        if folded not in acronyms or core in acronyms[folded]:
            return table[folded]
    best = None
    for s, e, a in find_actors(name):
        if best is None or e - s > best[0]:
            best = (e - s, a)
    if best is None:
        # a person's surname in another romanisation: "Oleg Sinegubov" is Oleh Syniehubov
        words = re.findall(r"[A-Z][a-z'’]+", name)
        if words and len(words[-1]) >= 5 and (a := _surnames().get(_translit_key(words[-1]))):
            first = words[-2] if len(words) >= 2 else None
            if first is None or first.lower() in _NOT_FIRST_NAME or \
                    _translit_key(first) == _translit_key(a.name.split()[0]):
                return a        # not "Olena Filashkin" for Vadym Filashkin
        return None
    return best[1] if best else None


@lru_cache(maxsize=1)
def _surnames() -> dict[str, Actor]:
    """Transliteration key of each person's surname -> the person, where only one has it."""
    table = _table()[0]
    out: dict[str, Actor | None] = {}
    for a in {a for a in table.values() if a.kind == "person"}:
        key = _translit_key(a.name.split()[-1])
        if len(key) >= 5:
            out[key] = None if key in out and out[key] != a else a
    return {k: a for k, a in out.items() if a is not None}


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
    r"britain(?:'s)?|united nations|united\s+kingdom|united\s+states|western|european|german|french|polish|estonian|latvian|lithuanian|finnish|"
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
LOCAL_ROLE = re.compile(
    r"\b(?:regional|governors?|mayors?|administration|authorities|officials?|police|prosecutors?|city\s+chief|"
    r"(?:city|town|village|district)\s+council|"
    r"emergency services?|rescuers|general staff|military|army|armed forces|air force|navy|"
    r"commanders?|soldiers?|servicem[ae]n|troops|brigade|battalion|spokes(?:man|woman|person)|"
    r"ministry|minister(?=\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z]))|ombudsman|border guards?|national guard|president|prime minister|command|"
    r"operational\s+(?:headquarters|staff))\b", re.I)     # a region's crisis staff ("the operational headquarters in the Krasnodar Region")


# Civil authorities whose side follows the places around them (the military default to Ukraine).
CIVIL_ROLE = re.compile(
    r"\b(?:regional|governors?|mayors?|administration|authorities|officials?|police|prosecutors?|"
    r"(?:city|town|village|district)\s+council|emergency services?|rescuers|ombudsman)\b", re.I)
# Places held by Russia since 2014, whose unqualified local officials ("the city's mayor",
# "local authorities in Horlivka") are the Russian-installed ones. Places taken in 2022
# (Mariupol, Melitopol, Enerhodar, Sievierodonetsk...) are left out: their Ukrainian
# mayors and governors in exile are quoted at least as often.
OCCUPIED = frozenset({
    "Crimea", "Sevastopol", "Simferopol", "Kerch", "Yevpatoria", "Feodosia", "Dzhankoi", "Yalta",
    "Donetsk", "Makiivka", "Horlivka", "Yenakiieve", "Khartsyzk", "Chystiakove", "Shakhtarsk",
    "Snizhne", "Debaltseve", "Ilovaisk", "Luhansk", "Alchevsk", "Kadiivka", "Dovzhansk",
    "Khrustalnyi", "Antratsyt", "Rovenky", "Sorokyne", "Krasnyi Luch", "Stakhanov",
})


@lru_cache(maxsize=8192)
def actor_side(name: str) -> str | None:
    """ukraine / russia / third_party for a named actor, or None when unknown."""
    if not name:
        return None
    a = lookup(name)
    if a is not None and a.kind == "person":
        return a.side if a.side in ("ukraine", "russia", "third_party") else None
    if a is not None and a.kind == "outlet" and is_outlet(name):
        return None
    s = name.replace("’", "'")
    if _RUSSIA.search(s):
        return "russia"
    # the earliest clue wins: "Russia's envoy to the UN" is Russian, "the US ambassador
    # to Ukraine" American; a dictionary actor beats a nationality word at the same place
    best = None
    for st, e, act in find_actors(name):
        if act.side in ("ukraine", "russia", "third_party") and (best is None or st < best[0]):
            best = (st, act.side)
    m = _NATION.search(s)
    if m and (best is None or m.start() < best[0]):
        return "ukraine" if m.group("ua") else "russia" if m.group("ru") else "third_party"
    return best[1] if best else None


@lru_cache(maxsize=8192)
def is_outlet(name: str) -> bool:
    """The outlet itself ("Reuters", "an Associated Press tally"), not someone it interviewed."""
    core = re.sub(r"^(?:an?|the)\s+", "", name.strip(), flags=re.I)
    core = re.sub(r"\s+(?:tally|count|analysis|investigation|calculations?|review|estimate|reporters?|"
                  r"journalists?|correspondents?)$", "", core, flags=re.I)
    a = lookup(core) if _fold(core) in _table()[0] else None
    return a is not None and a.kind == "outlet"
