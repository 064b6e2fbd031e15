"""Gazetteer lookups: every settlement of Ukraine and of Russia's border oblasts.

The data is data/reference/gazetteer.tsv.gz, built once by data/reference/build_gazetteer.py
from the KATOTTG classifier, GeoNames and the curated data/reference/places.csv (see
docs/dictionaries.md). Each entry has a unique `key` and a plain `name`: 119 villages are
called Ivanivka, one of them (the most prominent) has the key "Ivanivka", the others keys
such as "Ivanivka (Kharkiv Oblast)". Mentions carry the plain name (what figures and events
store) and the key of the entry the text most likely means (for the map).

Matching is one pass of an Aho-Corasick automaton over the text folded to lowercase with
every non-alphanumeric character turned into a space; names are stored with a space on
each side, so only whole words match. A hit then has to have the case of a known spelling
("Lyman", not "lyman"; all-caps headlines also match). Names that are also English words,
given names or foreign places ("Terny", "Vesele", "Bar", "Volodymyr") count only in place
context: "the village of Vesele", "near Terny", a list of places, "Vesele, Donetsk Oblast".
"""
from __future__ import annotations

import gzip
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"
GAZETTEER = REFERENCE / "gazetteer.tsv.gz"
PLACES_CSV = REFERENCE / "places.csv"   # the curated layer, already merged into GAZETTEER
SETTLEMENTS = ("city", "town", "village")
REGION_WORDS = ("region", "province", "oblast", "territory", "regional")
APPROXIMATE = ("hromada", "raion")     # coordinates of an administrative centre, not the place


# "a village near the port city of Odesa": the place named only locates an unnamed one
_A_VILLAGE_NEAR = re.compile(r"\ban?\s+(?:[\w-]+\s+)?(?:village|settlement|hamlet|suburb)s?\s+(?:near|outside|close\s+to|"
                             r"not\s+far\s+from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:city|town)\s+of\s+)?$", re.I)


def near_not_in(text: str, m: "PlaceMention") -> bool:
    """A settlement named as the landmark of an unnamed one, so only its oblast is known."""
    return m.kind in SETTLEMENTS and bool(m.oblast) and _A_VILLAGE_NEAR.search(text, max(0, m.start - 80), m.start) is not None


def raion_not_town(text: str, m: "PlaceMention", lists: bool = True) -> bool:
    """A raion named after an oblast's capital ("Sumy district": the villages around Sumy, not the
    city) or, with `lists`, one of several raions at once ("Chuhuiv, Kharkiv and Bohodukhiv
    districts of Kharkiv region"): only the oblast is a place we hold. A raion named after a
    smaller town stands for that town ("the Kupiansk district"); "Velyka Pysarivka, Okhtyrka
    district" is a village and its raion; a city's own district ("the Kyiv district of Odesa")
    is no raion."""
    if m.kind not in SETTLEMENTS or not m.oblast:
        return False
    r = _TOWN_RAION.match(text, m.end)
    if r is None:
        return False
    plural = r.group("word").lower().endswith("s")
    if lists and plural and (r.group("list") or _LISTED_BEFORE.search(text, max(0, m.start - 40), m.start)):
        return True
    return (plural or not r.group("list")) and m.oblast == f"{m.name} Oblast"


# the earlier towns of a list of raions, up to its last: "Chuhuiv, Kharkiv and Bohodukhiv districts"
_LISTED_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’-]+\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
_TOWN_RAION = re.compile(r"(?P<list>(?:\s*,\s*(?-i:[A-Z])[\w'’-]+)*(?:\s*,?\s+and\s+(?-i:[A-Z])[\w'’-]+)?)"
                         r"\s+(?P<word>districts|raions|district|raion)\b"
                         r"(?!\s+(?:of|in)\s+(?:the\s+city\s+of\s+)?(?-i:[A-Z])[\w'’-]++(?!\s+(?:region|oblast|province)))", re.I)


@dataclass(frozen=True)
class PlaceMention:
    start: int          # offsets into the string given to find_places
    end: int
    name: str           # plain name, what figures and events store ("Bakhmut", "Ivanivka")
    kind: str           # city, town, village, oblast, country, region
    oblast: str | None
    key: str = ""       # the gazetteer entry meant ("Ivanivka (Kharkiv Oblast)"); place_info(key)


# --- text folding -----------------------------------------------------------------------

def _tables() -> tuple[dict, dict]:
    """Per-character maps that keep offsets: letters and digits to lowercase without accents
    (and with case, for the case check), everything else to a space."""
    low, case = {}, {}
    for cp in range(0x2070):
        c = chr(cp)
        if c.isalnum():
            base = unicodedata.normalize("NFKD", c)[0] if cp < 0x250 else c
            if not base.isalnum():
                base = c
            lower = base.lower() if len(base.lower()) == 1 else base
            low[cp], case[cp] = lower, base
        else:
            low[cp] = case[cp] = " "
    return low, case


_LOW, _CASE = _tables()


def _word_key(s: str) -> str:
    """The automaton key of a name: folded, with a space on each side (whole words only)."""
    return " " + s.translate(_CASE).strip().lower() + " "


# --- the index --------------------------------------------------------------------------

class _Entry:
    __slots__ = ("key", "name", "kind", "oblast", "raion", "hromada", "country", "lat", "lon",
                 "coords", "population", "front", "weak", "primary", "lower_ok", "cell")

    def info(self) -> dict:
        return {"name": self.key, "common_name": self.name, "kind": self.kind, "oblast": self.oblast,
                "raion": self.raion, "hromada": self.hromada, "country": self.country,
                "lat": self.lat, "lon": self.lon, "population": self.population,
                "approximate": self.coords in APPROXIMATE if self.lat is not None else None,
                "coords": self.coords or None, "front": self.front}


class _Index:
    def __init__(self, path: Path):
        self.entries: list[_Entry] = []
        self.by_key: dict[str, int] = {}
        # word key -> [(entry, case form, is_variant, weak)]: a variant is a derived spelling
        # (GeoNames, BGN, Russian-style), ranked below names and curated aliases
        self.surfaces: dict[str, list[tuple[int, str, bool, bool]]] = {}
        self.oblast_base: dict[str, str] = {}   # "Donetsk" -> "Donetsk Oblast"
        self._seen: set[tuple[int, str]] = set()
        with gzip.open(path, "rt", encoding="utf-8") as f:
            lines = f.read().split("\n")
        cols = lines[0].split("\t")
        at = {c: n for n, c in enumerate(cols)}
        for line in lines[1:]:
            if line:
                self._add_entry(line.split("\t"), at)
        del self._seen
        self.automaton = ahocorasick.Automaton()
        for k in sorted(self.surfaces):   # sorted insertion builds the trie several times faster
            self.automaton.add_word(k, k)
        self.automaton.make_automaton()

    def _add_entry(self, r: list[str], at: dict[str, int]) -> None:
        e = _Entry()
        e.key, e.name, e.kind = r[at["key"]], r[at["name"]], r[at["kind"]]
        e.oblast, e.raion = r[at["oblast"]] or None, r[at["raion"]] or None
        e.hromada, e.country = r[at["hromada"]] or None, r[at["country"]] or None
        lat, lon, pop = r[at["lat"]], r[at["lon"]], r[at["population"]]
        e.lat = float(lat) if lat else None
        e.lon = float(lon) if lon else None
        e.coords = r[at["coords"]]
        e.population = int(pop) if pop else None
        e.front = int(r[at["front"]] or 0)
        e.weak = r[at["weak"]] == "1"
        e.primary = e.key == e.name
        e.lower_ok = e.kind == "city" and (e.population or 0) >= 200000 and not e.weak
        e.cell = (int(e.lat * 2), int(e.lon * 1.5)) if e.lat is not None else None   # ~55 km cells
        i = len(self.entries)
        self.entries.append(e)
        self.by_key[e.key] = i
        self._add_surface(e.name, i, False, e.weak)
        aliases = r[at["aliases"]]
        for a in aliases.split("|") if aliases else ():
            if e.kind == "oblast":
                words = a.split()
                if len(words) > 1 and words[-1].lower() in REGION_WORDS:
                    self._add_surface(" ".join(words[:-1] + [words[-1].capitalize()]), i, False, False)
                    if words[-1].lower() == "regional":     # "Odesa's regional administration"
                        self._add_surface(" ".join(words[:-1]) + "'s regional", i, False, False)
                    if words[-1].lower() == "region":
                        self.oblast_base.setdefault(" ".join(words[:-1]), e.name)
            self._add_surface(a, i, False, False)   # curated: as good as the name
        variants = r[at["variants"]]
        for a in variants.split("|") if variants else ():
            self._add_surface(a, i, True, False)
        weak = r[at["weak_aliases"]]
        for a in weak.split("|") if weak else ():
            self._add_surface(a, i, True, True)

    def _add_surface(self, surface: str, i: int, alias: bool, weak: bool) -> None:
        case = surface.translate(_CASE).strip()
        if len(case) <= 1 or (i, case) in self._seen:
            return
        self._seen.add((i, case))
        key = " " + case.lower() + " "
        group = self.surfaces.get(key)
        if group is None:
            self.surfaces[key] = [(i, case, alias, weak)]
        else:
            group.append((i, case, alias, weak))

    def lookup(self, surface: str) -> list[tuple[int, str, bool, bool]]:
        return self.surfaces.get(_word_key(surface), [])


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index(GAZETTEER)


def warm() -> None:
    """Load the gazetteer now (about 0.5 s of CPU) rather than inside the first article's
    extraction, where it would count against that article's CPU limit. The spelling index
    (`_skeletons`, 0.5 s) is left to first need: a small ingest should not pay for it."""
    _index()


# --- scanning ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    cands: tuple[tuple[int, bool], ...]   # (entry, matched through an alias)
    weak: bool                            # only weak names matched: needs place context


@lru_cache(maxsize=None)
def _cap_words(s: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))


def _case_ok(form: str, case: str) -> bool:
    """`form` (a span through _CASE) is written as the spelling `case`, or in Title Case,
    or in capitals (a headline, a dateline)."""
    return form == case or form == _cap_words(case) or (form.isupper() and sum(c.isalpha() for c in form) >= 4)


@lru_cache(maxsize=65536)
def _cands(key: str, form: str) -> tuple[tuple[tuple[int, bool], ...], bool]:
    """The entries a written form can mean, (entry, through an alias) each, and whether
    only weak names matched. Big cities also match in lowercase ("kyiv")."""
    idx = _index()
    cands, strong = [], False
    low = form.islower()
    for i, case, alias, weak in idx.surfaces[key]:
        if _case_ok(form, case) or (low and idx.entries[i].lower_ok and not alias):
            cands.append((i, alias, weak))
            strong = strong or not weak
    cands = [(i, a) for i, a, w in cands if not strong or not w]   # a strong meaning wins
    return tuple(dict.fromkeys(cands)), not strong


def _raw_hits(text: str) -> list[_Hit]:
    idx = _index()
    folded = " " + text.translate(_LOW) + " "
    hits = []
    n = len(text)
    for end, key in idx.automaton.iter(folded):
        # folded[end] is the key's closing space; the text offsets are one less
        start, stop = end - len(key) + 1, end - 1
        if stop < n - 1 and text[stop] == "-" and text[stop + 1].islower():
            continue    # "Kyiv-based", "Moscow-backed": an adjective
        cands, weak = _cands(key, text[start:stop].translate(_CASE))
        if cands:
            hits.append(_Hit(start, stop, cands, weak))
    return _longest(hits)


def _longest(hits: list[_Hit]) -> list[_Hit]:
    """Leftmost-longest, non-overlapping ("Nova Kakhovka", not "Kakhovka")."""
    hits.sort(key=lambda h: (h.start, -h.end))
    out, last = [], -1
    for h in hits:
        if h.start >= last:
            out.append(h)
            last = h.end
        elif out and h.start == out[-1].start and h.end > out[-1].end:
            out[-1] = h
    return out


# Words that turn a place name into an organisation's name.
_ORG_AFTER = {"Times", "Independent", "Post", "Journal", "Herald", "Insider", "Tribune", "Pravda",
              "Declaration", "Format", "Protocol", "Protocols", "Agreements", "Accords", "Patriarchate",
              "Metro", "Express", "Dynamo"}
_ORG_BEFORE = {"Dynamo", "Shakhtar", "Zorya", "Metalist", "Spartak", "CSKA", "Lokomotiv", "Chornomorets"}
_NEXT_WORD = re.compile(r"(?:['’]s)?\s+([A-Z][\w.]*(?:\s+of)?)")
_PREV_WORD = re.compile(r"([A-Z][\w]*)\s+$")


# A vehicle or gun named after a place ("Kozak armoured vehicles", "Bogdana howitzers")
_MODEL_AFTER = re.compile(r"(?:-\d+)?\s+(?:armou?red\s+(?:combat\s+|fighting\s+|personnel\s+)?(?:vehicles?|cars?|carriers?)|"
                          r"infantry\s+fighting\s+vehicles?|(?:self-propelled\s+)?howitzers?|"
                          r"tanks?(?!\s+(?:plant|factory|works|repair|school|brigade|division|regiment|army|corps))|(?:rocket\s+)?launchers?|"
                          r"MRAPs?|APCs?|IFVs?|armou?red\s+personnel\s+carriers?)\b", re.I)


_COUNTED_BEFORE = re.compile(r"(?:\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|of))\s+$", re.I)


def _org_name(text: str, h: _Hit) -> bool:
    nxt = _NEXT_WORD.match(text, h.end)
    prev = _PREV_WORD.search(text, max(0, h.start - 20), h.start)
    if prev and prev.group(1) in _ORG_BEFORE:
        return True
    if not nxt:
        return False
    word = nxt.group(1)
    return word.split()[0] in _ORG_AFTER or text.startswith(("School of", "Security Forum"), nxt.start(1))


_CONTEXT_WORDS = (
    r"in|near|outside|around|at|from|to|toward|towards|into|of|by|past|beyond|through|across|via|"
    r"between|behind|inside|captured|capture|capturing|took|taken|take|taking|seized|seize|seizing|"
    r"liberated|liberate|liberating|liberation|recaptured|retook|retaken|occupied|entered|stormed|"
    r"storming|attacked|shelled|shelling|struck|hit|reached|reaching|approaching|encircled|surrounded|"
    r"abandoned|defended|defending|village|villages|town|towns|city|settlement|settlements|hamlet|hamlets")
_PLACE_BEFORE = re.compile(
    r"\b(?:%s)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:village|town|settlement|hamlet|city)\s+(?:of\s+)?)?$" % _CONTEXT_WORDS,
    re.I)
_CONTEXT_WORD = re.compile(_CONTEXT_WORDS, re.I)
_ARTICLES = {"The", "A", "An", "This", "That"}
# "Terny, Donetsk Oblast", "Terny (Donetsk region)", "Terny village"; not "Police in the
# Kharkiv region", which is English either way
_PLACE_AFTER = re.compile(
    r"(?:\s*,\s*(?:in\s+)?(?:the\s+)?|\s*\(\s*)[A-Z][\w'’-]+\s+"
    r"(?:[Oo]blast|[Rr]egion|[Pp]rovince|[Rr]aion|[Dd]istrict)\b|\s+(?:village|settlement|hamlet)\b")
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)$")
_QUALIFIER_WORDS = {"Oblast", "Region", "Province", "Raion", "District", "Village", "Settlement"}


def _weak_ok(text: str, h: _Hit) -> bool | None:
    """True in place context; None when only a neighbouring place in a list can tell."""
    nxt = re.match(r"\s+([A-Z][a-z]+)", text[h.end:h.end + 30])
    if nxt and nxt.group(1) not in _QUALIFIER_WORDS:
        return False    # "Volodymyr Zelensky", "Human Rights Watch": a name, not a place
    prev = _PREV_WORD.search(text, max(0, h.start - 30), h.start)
    if prev and not _CONTEXT_WORD.fullmatch(prev.group(1)) and prev.group(1) not in _ARTICLES:
        return False    # "the National Police", "Taras Shevchenko"
    if _PLACE_BEFORE.search(text, max(0, h.start - 60), h.start) or _PLACE_AFTER.match(text, h.end):
        return True
    return None


def _filter(text: str, hits: list[_Hit]) -> list[_Hit]:
    idx = _index()
    keep: list[_Hit | None] = []
    pending = []
    for h in hits:
        if _org_name(text, h):
            continue    # "The Moscow Times", "Dynamo Kyiv"
        if _MODEL_AFTER.match(text, h.end) and _COUNTED_BEFORE.search(text, max(0, h.start - 16), h.start):
            continue    # "two Kozak armoured vehicles": a model's name, counted
        if not h.weak:
            keep.append(h)
            continue
        ok = _weak_ok(text, h)
        if ok:
            keep.append(h)
        elif ok is None:
            pending.append(h)
    # "near Novoselivka, Stelmakhivka and Terny": a weak name listed with places
    changed = True
    while pending and changed:
        changed = False
        for h in list(pending):
            for k in keep:
                if (idx.entries[k.cands[0][0]].kind in SETTLEMENTS and
                        (k.end <= h.start and _LIST_SEP.fullmatch(text, k.end, h.start) or
                         h.end <= k.start and _LIST_SEP.fullmatch(text, h.end, k.start))):
                    keep.append(h)
                    pending.remove(h)
                    changed = True
                    break
    return sorted(keep, key=lambda h: h.start)


def _hits(text: str) -> tuple[_Hit, ...]:
    return tuple(_filter(text, _raw_hits(text)))


_hits_cached = lru_cache(maxsize=4096)(_hits)


# --- choosing the entry -----------------------------------------------------------------

CAPITALS_FAR = {"Kyiv", "Moscow", "Minsk", "Warsaw", "Washington", "London", "Paris", "Berlin", "Brussels"}
_QUAL_AFTER = re.compile(r"(?:['’]s)?\s*(?:,\s*(?:in\s+)?|\(\s*|\s+in\s+)(?:the\s+)?$")
_QUAL_BEFORE = re.compile(r"(?:\s+(?:region|oblast|province|Region|Oblast|Province))?['’]s\s+(?:[\w-]+\s+){0,2}$"
                          r"|\s+(?:village|town|settlement|hamlet)\s+of\s+$")
_RAION_AFTER = re.compile(r"(?:['’]s)?\s*(?:,\s*(?:in\s+)?|\(\s*|\s+in\s+)(?:the\s+)?([A-Z][\w'’-]+)\s+(?:[Rr]aion|[Dd]istrict)\b")


def _km(a: _Entry, b: _Entry) -> float:
    # equirectangular: within a few hundred km the error is far below a village's size
    dy = a.lat - b.lat
    dx = (a.lon - b.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 111.2 * math.hypot(dx, dy)


def _nearness(e: _Entry, grid: dict) -> int:
    """0 when another place of the text lies within 30 km of e, 1 within 100 km, else 2."""
    if e.cell is None:
        return 2
    y, x = e.cell
    best = 2
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for a in grid.get((y + dy, x + dx), ()):
                if a is not e:
                    d = _km(e, a)
                    if d <= 30:
                        return 0
                    if d <= 100:
                        best = 1
    return best


def _qualifiers(text: str, hits: list[_Hit], n: int) -> set[str]:
    """Oblasts and raions written right at hit n: "Ivanivka, Donetsk Oblast", "Ivanivka
    (Kharkiv region)", "Kharkiv region's Ivanivka", "the Donetsk village of Ivanivka",
    "Ivanivka in the Bakhmut district"."""
    idx = _index()
    h, out = hits[n], set()

    def oblast_of(k: _Hit) -> str | None:
        e = idx.entries[k.cands[0][0]]
        if e.kind == "oblast":
            return e.name
        return idx.oblast_base.get(" ".join(text[k.start:k.end].split()))

    if n + 1 < len(hits) and _QUAL_AFTER.fullmatch(text, h.end, hits[n + 1].start):
        ob = oblast_of(hits[n + 1])
        if ob and idx.entries[hits[n + 1].cands[0][0]].kind == "oblast":
            out.add(ob)
    if n > 0 and _QUAL_BEFORE.fullmatch(text, hits[n - 1].end, h.start):
        ob = oblast_of(hits[n - 1])
        if ob:
            out.add(ob)
    raion = _RAION_AFTER.match(text, h.end)
    if raion:
        word = raion.group(1)
        out.add(word if word.endswith(("skyi", "tskyi", "zkyi")) else _raion_of(word))
    return {q for q in out if q}


def _raion_of(town: str) -> str | None:
    idx = _index()
    for i, _, alias, _ in idx.lookup(town):
        e = idx.entries[i]
        if not alias and e.primary and e.raion:
            return e.raion.removesuffix(" Raion")
    return None


def _choose(text: str, hits: list[_Hit]) -> list[PlaceMention]:
    """One entry per hit: the oblast or raion written next to it; a name or curated alias
    over a derived spelling (Mykolaiv the city, not a Mykolaivka GeoNames also calls
    Mykolaiv; Krasny Liman the old name of Lyman); oblasts named in the text; closeness to
    the text's other places; the front line; the most prominent entry of the name;
    population."""
    idx = _index()
    E = idx.entries
    named = {E[h.cands[0][0]].name for h in hits if len(h.cands) == 1 and E[h.cands[0][0]].kind == "oblast"}
    grid: dict[tuple[int, int], list[_Entry]] = {}
    for h in hits:
        a = E[h.cands[0][0]]
        if len({c[0] for c in h.cands}) == 1 and a.kind in SETTLEMENTS and a.cell and a.name not in CAPITALS_FAR:
            grid.setdefault(a.cell, {})[id(a)] = a    # once each: a long text names a town many times
    grid = {cell: list(found.values()) for cell, found in grid.items()}
    memo: dict[tuple, tuple[int, bool]] = {}
    out = []
    for n, h in enumerate(hits):
        if len(h.cands) == 1:
            best = h.cands[0]
        else:
            quals = frozenset(_qualifiers(text, hits, n))
            best = memo.get((h.cands, quals))
            if best is None:
                def score(c, quals=quals):
                    e = E[c[0]]
                    qual = 0 if not quals or e.oblast in quals or (e.raion or "").removesuffix(" Raion") in quals else 1
                    return (qual, c[1], e.oblast not in named, _nearness(e, grid), -e.front, not e.primary,
                            -(e.population or 0), e.key)
                best = memo[(h.cands, quals)] = min(h.cands, key=score)
        e = E[best[0]]
        out.append(PlaceMention(h.start, h.end, e.name, e.kind, e.oblast, e.key))
    return out


# --- region phrasings -------------------------------------------------------------------

_PLURAL_REGION = re.compile(r"\s+(?:regions|provinces|oblasts|Regions|Provinces|Oblasts)\b")
_REGIONS_OF = re.compile(r"\b(?:regions|provinces|oblasts|region|province|oblast)\s+of\s+(?:the\s+)?$", re.I)
_DEEP_INTO = re.compile(r"\b(?:deep|deeper|further|incursion|thrust)\s+(?:into|inside)\s+(?:the\s+)?$"
                        r"|(?:%|\bper\s*cent|\bpercent)\s+of\s+(?:the\s+)?$", re.I)
# "the Kursk direction", "the Zaporizhzhia axis": a front named after an oblast's capital runs through the oblast
_REGION_AFTER = re.compile(r"\s+(?:incursion|offensive|operation|salient|border\s+(?:region|area|province)|direction|axis|sector|front)\b"
                           r"|\s+(?:and|or)\s+(?:Donetsk|Luhansk)\b(?!['’]s\s+(?:mayor|city))", re.I)
_DONBAS_PAIR = re.compile(r"\s+(?:and|or)\s+$")
# "an operation in Kursk", "troops swept into Kursk": Ukraine's forces in a Russian border region
_MILITARY_INTO = re.compile(r"\b(?:operation|offensive|incursion|raids?|fighting|troops|forces|advanced|advancing|push(?:ed|ing)?|"
                            r"swept|moved|marched|crossed|broke|foray|assault)\s+(?:[\w-]+\s+){0,2}?(?:in|into|inside)\s+(?:the\s+)?$", re.I)
# "the Kharkiv town of Vovchansk", "the Donetsk salt-mining city, which": the oblast's name
# used as an adjective before a settlement noun (not "the Kherson city council")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_SETTLEMENT_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:city|town|village|settlement|hamlet)(?:\s+of\b|\s*,|\s+(?:that|which|where)\b)")


# "Ukraine's Kharikv region": a region's name one slip away from an oblast's (letters swapped,
# one dropped or doubled), before "region"/"oblast" and named nowhere else in the sentence
_TYPO_REGION = re.compile(r"\b(?P<w>[A-Z][a-z]{4,})\s+(?:region|oblast|province)\b")


def _misspelt_regions(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    from rapidfuzz.distance import DamerauLevenshtein
    idx = _index()
    out = []
    for m in _TYPO_REGION.finditer(text):
        w = m.group("w")
        if w in idx.oblast_base or any(f.start <= m.start() < f.end for f in found):
            continue
        close = [b for b in idx.oblast_base if " " not in b and b[0] == w[0] and abs(len(b) - len(w)) <= 1
                 and DamerauLevenshtein.distance(b.lower(), w.lower()) == 1]
        if len(close) == 1:
            e = idx.entries[idx.by_key[idx.oblast_base[close[0]]]]
            out.append(PlaceMention(m.start("w"), m.end("w"), e.name, e.kind, e.oblast, e.key))
    return out


def _to_oblast(idx: _Index, m: PlaceMention, surface: str) -> PlaceMention:
    e = idx.entries[idx.by_key[idx.oblast_base[surface]]]
    return PlaceMention(m.start, m.end, e.name, e.kind, e.oblast, e.key)


_ONE_REGION_AFTER = re.compile(r"\s+(?:region|oblast|province)\b(?!\s+of\b)", re.I)


def _named_oblast(idx: _Index, text: str, m: PlaceMention) -> PlaceMention:
    """ "the Mykolayiv region", "Zaporozhye province": any spelling of a city an oblast is
    named after, followed by a region word, is the oblast."""
    if m.kind not in SETTLEMENTS or not m.oblast or m.oblast != f"{m.name} Oblast" \
            or not _ONE_REGION_AFTER.match(text, m.end):
        return m
    k = idx.by_key.get(m.oblast)
    if k is None:
        return m
    e = idx.entries[k]
    return PlaceMention(m.start, m.end, e.name, e.kind, e.oblast, e.key)


def _regions(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """A city that shares its name with an oblast names the oblast in 'Donetsk and Luhansk
    regions', 'the regions of Kharkiv and Sumy', 'deep into Kursk', 'the Kursk incursion',
    'Russia's Kursk border region', '80% of Donetsk', 'the Kharkiv town of Vovchansk', and
    in the pair 'Donetsk and Luhansk'."""
    if not found:
        return found
    idx = _index()
    found = [_named_oblast(idx, text, m) for m in found]
    surface = {k: text[m.start:m.end] for k, m in enumerate(found) if m.kind in SETTLEMENTS}
    bases = [k for k, sf in surface.items() if sf in idx.oblast_base]
    if not bases:
        return found
    out = list(found)
    for k in bases:
        i = j = k    # the list "A, B and C" around it
        while i > 0 and _LIST_SEP.fullmatch(text, out[i - 1].end, out[i].start):
            i -= 1
        while j + 1 < len(out) and _LIST_SEP.fullmatch(text, out[j].end, out[j + 1].start):
            j += 1
        m = out[k]
        pair = {surface.get(i), surface.get(j)} == {"Donetsk", "Luhansk"} and j == i + 1 and \
            _DONBAS_PAIR.fullmatch(text, out[i].end, out[j].start)
        if (_PLURAL_REGION.match(text, out[j].end) or _REGIONS_OF.search(text, max(0, out[i].start - 40), out[i].start)
                or _DEEP_INTO.search(text, max(0, out[i].start - 30), out[i].start) or pair
                or (_THE_BEFORE.search(text, max(0, m.start - 5), m.start) and _SETTLEMENT_AFTER.match(text, m.end))
                or (_REGION_AFTER.match(text, m.end) and not _DONBAS_PAIR.match(text, m.end))
                or (_MILITARY_INTO.search(text, max(0, out[i].start - 60), out[i].start)
                    and (idx.entries[idx.by_key[m.key]].country if m.key in idx.by_key else None) == "RU")):
            out[k] = _to_oblast(idx, m, surface[k])
    return out


# --- public API -------------------------------------------------------------------------

def find_places(text: str) -> list[PlaceMention]:
    """Every gazetteer place named in text, longest name first, in text order; an ambiguous
    name ("Ivanivka") resolved with what this text says around it."""
    if not text:
        return []
    return list(_find_cached(text))


@lru_cache(maxsize=4096)
def _find_cached(text: str) -> tuple[PlaceMention, ...]:
    # figure, event and main-place code ask about the same sentences repeatedly
    hits = list(_hits_cached(text))
    settlements, long_names = _SOUND_CUE.search(text) is not None, _LONG_NAME.search(text) is not None
    if settlements or long_names:
        hits = sorted(hits + _sounded(text, hits, settlements, long_names), key=lambda h: h.start)
    found = [m for m in _regions(text, _choose(text, hits)) if not _water(text, m) and not _surname(text, m)
             and not _first_word_only(text, m)]
    if _TYPO_REGION.search(text):
        found = sorted(found + _misspelt_regions(text, found), key=lambda m: m.start)
    found = [m for k, m in enumerate(found) if not (k and _locating_district(text, found[k - 1], m))]
    return tuple(_district_lists(text, found))


# plural district names not followed by their region ("... districts of Kharkiv region" keeps its towns:
# the region is named anyway)
_DISTRICTS_AFTER = re.compile(r"\s+(?:districts|raions|rayons)\b(?!\s+(?:of|in)\s+(?:the\s+)?(?-i:[A-Z]))", re.I)


def _district_lists(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """'settlements in Bohodukhiv, Kharkiv, Chuhuiv and Izium districts': the names are districts,
    whose towns the text does not mean; together they are the oblast they lie in."""
    if not found or "istricts" not in text and "aions" not in text and "ayons" not in text:
        return found
    idx = _index()
    out = list(found)
    for j, m in enumerate(found):
        if not _DISTRICTS_AFTER.match(text, m.end) or m.kind not in SETTLEMENTS or not m.oblast:
            continue
        i = j
        while i > 0 and _LIST_SEP.fullmatch(text, found[i - 1].end, found[i].start):
            i -= 1
        run = found[i:j + 1]
        if len(run) < 2 or any(x.kind not in SETTLEMENTS or x.oblast != m.oblast for x in run):
            continue
        k = idx.by_key.get(m.oblast)
        if k is None:
            continue
        e = idx.entries[k]
        for n in range(i, j + 1):
            out[n] = PlaceMention(found[n].start, found[n].end, e.name, e.kind, e.oblast, e.key)
    return out


# --- other spellings of a settlement ---------------------------------------------------------
# Russian-side copy spells Ukrainian villages from their Russian names ("Gatishche" for Hatyshche,
# "Oleynikovo" for Oliinykove, "Krakhmalnoye" for Krokhmalne). Named as settlements ("the villages
# of A, B and C", "liberated the village of X") and absent from the gazetteer, a name is matched on
# its consonant skeleton: the letters both transliterations keep.
_SOUND_CUE = re.compile(r"(?i)\b(?:villages?|settlements?|hamlets?|localit(?:y|ies))\s+of\s+(?-i:[A-Z])")
_NAME = r"[A-Z][a-z'’-]{2,}(?:\s+[A-Z][a-z'’-]{2,})?"
_SETTLEMENTS_OF = re.compile(r"\b(?i:villages?|settlements?|hamlets?|localit(?:y|ies))\s+of\s+(?P<list>%s(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)%s){0,8})"
                             % (_NAME, _NAME))
_LIST_NAME = re.compile(_NAME)
# a long capitalised word, taken only after a lower-case word that expects a place (not after a title)
_LONG_NAME = re.compile(r"(?<![\w-])(?P<w>[A-Z][a-z'’]{7,})(?![\w-])")
_PLACE_CONTEXT = frozenset(_CONTEXT_WORDS.split("|")) | {"the"}
_DIGRAPHS = (("shch", "Q"), ("sch", "Q"), ("zh", "Z"), ("kh", "X"), ("ch", "C"), ("ts", "C"), ("sh", "S"), ("h", "g"))
_VOWELS = re.compile(r"[aeiouyj'’\s-]+")
_DOUBLES = re.compile(r"(.)\1+")


def _fold_digraphs(name: str) -> str:
    s = name.translate(_CASE).lower()
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    return s


_mapped = lru_cache(maxsize=65536)(_fold_digraphs)


@lru_cache(maxsize=65536)
def _pattern(name: str) -> str:
    """Consonants with each run of vowels as one mark: "Oleynikovo" and "Oliinykove" agree."""
    return _DOUBLES.sub(r"\1", re.sub(r"[aeiouyj]+", "V", re.sub(r"['’\s-]+", "", _mapped(name))))


def _skeleton(name: str, fold=_mapped) -> str:
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", fold(name)))


@lru_cache(maxsize=1)
def _skeletons() -> dict[str, tuple[int, ...]]:
    idx = _index()
    out: dict[str, set[int]] = {}
    for key, group in idx.surfaces.items():
        for i, case, _alias, weak in group:
            e = idx.entries[i]
            if not weak and e.kind in SETTLEMENTS and e.country in ("UA", "RU", None):
                sk = _skeleton(case, _fold_digraphs)     # not through the per-text cache
                if len(sk) >= 3:
                    out.setdefault(sk, set()).add(i)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _sounded(text: str, hits: list[_Hit], settlements: bool = True, long_names: bool = True) -> list[_Hit]:
    from rapidfuzz.distance import Levenshtein
    taken = [(h.start, h.end) for h in hits]
    E = _index().entries

    def close(w: str, cands) -> tuple[int, ...]:
        form = _pattern(w)      # the vowels may differ, not most of the word ("Smith" is no Samotuhy)
        return tuple(i for i in cands if Levenshtein.normalized_similarity(form, _pattern(E[i].name)) >= 0.8)

    out = []
    for m in _SETTLEMENTS_OF.finditer(text) if settlements else ():
        for w in _LIST_NAME.finditer(text, m.start("list"), m.end("list")):
            if any(a < w.end() and w.start() < b for a, b in taken):
                continue
            cands = close(w.group(), _skeletons().get(_skeleton(w.group()), ()))
            if m.group(0)[:4].lower() in ("vill", "haml"):
                cands = tuple(i for i in cands if E[i].kind != "city")   # "the village of Stariy" is no Stryi
            # one word is not a two-word name's first half ("Stariy" is no Staryi Yar)
            cands = tuple(i for i in cands if len(E[i].name.split()) <= len(w.group().split()))
            if cands and len(cands) <= 40:
                out.append(_Hit(w.start(), w.end(), tuple((i, True) for i in cands), False))
                taken.append((w.start(), w.end()))
    # a long name anywhere, misspelt or transliterated another way ("Sievjerodonetsk"): a town of
    # some size only, whose long skeleton hardly collides with anything else
    for w in _LONG_NAME.finditer(text) if long_names else ():
        st, en = w.start("w"), w.end("w")
        before = text[max(0, st - 16):st].split()
        if not before or before[-1] not in _PLACE_CONTEXT:
            continue    # only where a place is expected: "of Siverodonetsk", not "says Oleksandra"
        if any(a < en and st < b for a, b in taken) or _NEXT_NAME.match(text, en):
            continue    # "Oleksandr Syrskyi", "Ukrainska Pravda": a person's or a paper's
        sk = _skeleton(w.group("w"))
        if len(sk) < 5:
            continue
        cands = close(w.group("w"), [i for i in _skeletons().get(sk, ()) if (E[i].population or 0) >= 10000])
        if len(cands) == 1:
            out.append(_Hit(w.start("w"), w.end("w"), ((cands[0], True),), False))
    return out


# "near Novy Put" (a Russian village the gazetteer lacks): "Novy" alone is a Luhansk village's
# name, but a generic first word followed by another name is the start of a longer one
_GENERIC_FIRST = {"novyi", "novy", "nova", "nove", "novi", "velyka", "velykyi", "velyke", "mala", "malyi", "male",
                  "stara", "staryi", "stare", "chervona", "chervonyi", "zelena", "zelenyi", "krasnyi", "krasny",
                  "bila", "bilyi", "vesela", "veselyi", "sukhyi", "suha", "verkhnii", "nyzhnii"}
_NEXT_NAME = re.compile(r"\s+(?!(?:Oblast|Region|Raion|District|Hromada|Village|Town|City)\b)[A-Z][a-z]")


def _first_word_only(text: str, m: PlaceMention) -> bool:
    return text[m.start:m.end].lower() in _GENERIC_FIRST and bool(_NEXT_NAME.match(text, m.end))


# "Chasiv Yar, Bakhmut District": the district after a town only says where the town lies
# (the gazetteer holds no districts; "the Bilopillia district" alone still names Bilopillia)
_DISTRICT_AFTER = re.compile(r"\s+(?:district|raion|rayon)\b", re.I)


def _locating_district(text: str, before: PlaceMention, m: PlaceMention) -> bool:
    return m.kind in SETTLEMENTS and before.kind in SETTLEMENTS and bool(_DISTRICT_AFTER.match(text, m.end)) \
        and re.fullmatch(r",\s*", text[before.end:m.start]) is not None


# "the Dnipro River", "the left bank of the Dnipro", "across the Dnipro": the river, not the city
_RIVER_AFTER = re.compile(r"['’]?s?\s+(?:river|reservoir|dam|bay|estuary|delta|basin|valley|lagoon|spit)\b", re.I)
_RIVER_BEFORE = re.compile(r"\b(?:(?:left|right|east|west|eastern|western|opposite|other)\s+(?:\([^()]{1,20}\)\s+)?bank\s+of|across|along|"
                           r"crossing\s+of|crossed)\s+(?:the\s+)?$", re.I)


# "Odesa mayor Gennadiy Trukhanov": a surname that is also a village's name (Trukhaniv)
_TITLE_AND_NAME = re.compile(r"\b(?:mayor|governor|head|chief|minister|commander|spokes(?:man|woman|person)|president|"
                             r"general|deputy|adviser|advisor|official|lawmaker|MP|ambassador|envoy|colonel|lieutenant|"
                             r"ombudsman|prosecutor)\s+(?-i:[A-Z][a-z'’]+)\s+$", re.I)


def _surname(text: str, m: PlaceMention) -> bool:
    return m.kind in SETTLEMENTS and bool(_TITLE_AND_NAME.search(text, max(0, m.start - 60), m.start))


def _water(text: str, m: PlaceMention) -> bool:
    if m.name not in _RIVER_NAMES:
        return False
    return bool(_RIVER_AFTER.match(text, m.end) or _RIVER_BEFORE.search(text, max(0, m.start - 30), m.start))


# Settlements named like the rivers they stand on.
_RIVER_NAMES = frozenset({"Dnipro", "Donets", "Oskil", "Inhulets", "Desna", "Psel", "Vorskla", "Sula", "Siverskyi Donets",
                          "Dniester", "Danube", "Bug", "Southern Bug", "Kalmius", "Samara", "Oril", "Seim", "Sudzha"})


def resolve(text: str, sentences=None) -> list[PlaceMention]:
    """The places of a whole document, each ambiguous name resolved with the whole text: the
    oblasts it names and the other places it mentions ("Ivanivka" in a story about Kupiansk
    is the Kharkiv one). With `sentences` (model.Sentence, offsets into text) the cached
    per-sentence scans are reused, so this is not a second pass."""
    if not text:
        return []
    if sentences is None:
        return find_places(text)
    sentences = sorted(sentences, key=lambda s: s.start)
    hits = [_Hit(h.start + s.start, h.end + s.start, h.cands, h.weak)
            for s in sentences for h in _hits_cached(s.text)]
    out, chosen, k = [], _choose(text, hits), 0
    for s in sentences:   # region phrasings stay inside their sentence
        local = []
        while k < len(chosen) and chosen[k].start < s.end:
            m = chosen[k]
            local.append(PlaceMention(m.start - s.start, m.end - s.start, m.name, m.kind, m.oblast, m.key))
            k += 1
        if local:
            out += [PlaceMention(m.start + s.start, m.end + s.start, m.name, m.kind, m.oblast, m.key)
                    for m in _regions(s.text, local) if not _water(s.text, m) and not _surname(s.text, m)]
    return out


def find_places_in(sentences) -> list[PlaceMention]:
    """The places of a whole text from its sentences (model.Sentence), resolved at document
    level: the figure and event rules scan each sentence anyway, so these scans are cache
    hits, not a second pass."""
    sentences = list(sentences)
    if not sentences:
        return []
    parts, at = [], 0
    for s in sorted(sentences, key=lambda s: s.start):   # the text back from its sentences
        if s.start >= at:
            parts += [" " * (s.start - at), s.text]
            at = s.start + len(s.text)
    return resolve("".join(parts), sentences)


def _best(cands) -> int | None:
    idx = _index()
    if not cands:
        return None
    return min(cands, key=lambda c: (c[2], c[3], not idx.entries[c[0]].primary, -idx.entries[c[0]].front,
                                     -(idx.entries[c[0]].population or 0), idx.entries[c[0]].key))[0]


def canonical(name: str) -> str | None:
    """The plain name for a name, alias or key ("Artemivsk" -> "Bakhmut"; a key such as
    "Ivanivka (Kharkiv Oblast)" stays itself), else None."""
    if not name:
        return None
    idx = _index()
    s = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.I)
    if s in idx.by_key:
        return s
    cands = idx.lookup(s)
    form = s.translate(_CASE)
    exact = [c for c in cands if _case_ok(form, c[1])]
    best = _best(exact or cands)
    return idx.entries[best].name if best is not None else None


def place_info(name: str) -> dict | None:
    """The gazetteer entry of a key, name or alias: name (the key), common_name, kind, oblast,
    raion, hromada, country, lat, lon, population, approximate, coords, front."""
    if not name:
        return None
    idx = _index()
    i = idx.by_key.get(name)
    if i is None:
        c = canonical(name)
        i = idx.by_key.get(c) if c else None
    return idx.entries[i].info() if i is not None else None


@lru_cache(maxsize=1)
def _spellings() -> dict[str, tuple[str, ...]]:
    idx = _index()
    out: dict[str, list[str]] = {}
    for group in idx.surfaces.values():
        for i, case, _, _ in group:
            out.setdefault(idx.entries[i].name, []).append(case)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def spellings(name: str) -> tuple[str, ...]:
    """Every spelling the gazetteer matches for the places called `name` ("Olenivka" ->
    "Olenivka", "Olenovka", ...), with punctuation as spaces; () for an unknown name."""
    return _spellings().get(name, ())


def gazetteer() -> list[dict]:
    """Every entry, as place_info gives it; `name` is the unique key."""
    return [e.info() for e in _index().entries]


# --- metonymy -------------------------------------------------------------

# Seats of government whose name often stands for the government itself.
CAPITALS = {"Kyiv", "Moscow", "Washington", "Minsk", "London", "Paris", "Berlin", "Beijing",
            "Tehran", "Pyongyang", "Warsaw", "Brussels", "Ankara", "Budapest"}
_ACTOR_NOUNS = (
    r"forces|troops|military|army|armed\s+forces|soldiers|government|officials|leadership|"
    r"allies|partners|war|invasion|offensive|counteroffensive|counter-offensive|campaign|"
    r"defen[cs]e\s+ministry|ministry|authorities|regime|position|demands|claims|losses|"
    r"drones|missiles|strikes|attacks|commanders|generals|diplomats|envoy|ambassador|"
    r"intelligence|propaganda|plans?|aims|goals|strategy|efforts|decision|response|side"
)
_POLITICAL_VERBS = (
    r"say|says|said|swap|swaps|swapped|exchange|exchanges|exchanged|returned|handed|each|claim|claims|claimed|deny|denies|denied|insist|insists|insisted|accuse|accused|"
    r"accuses|blame|blamed|blames|launch|launched|launches|send|sent|sends|want|wants|wanted|"
    r"respond|responded|responds|warn|warned|warns|threaten|threatened|threatens|reject|rejected|"
    r"rejects|announce|announced|announces|demand|demanded|demands|sign|signed|agree|agreed|"
    r"agrees|refuse|refused|refuses|hope|hopes|hoped|plan|plans|planned|seek|seeks|sought|"
    r"consider|considers|considered|call|called|calls|report|reported|reports|state|stated|"
    r"confirm|confirmed|confirms|admit|admitted|admits|acknowledge|acknowledged|vow|vowed|vows|"
    r"assert|asserted|asserts|declare|declared|declares|allege|alleged|alleges|"
    r"urge|urged|urges|ask|asked|asks|argue|argued|argues|maintain|maintains|maintained|"
    r"mobilised|mobilized|annexed|invaded|ordered|decided|intends|retaliate|retaliated|"
    r"condemn|condemned|condemns|welcome|welcomed|welcomes|expect|expects|expected|"
    r"believe|believes|believed|denounce|denounced|summoned|expelled|recalled|imposed|"
    r"needs|needed|must|will|would|cannot|can't|won't|does|did|do|hasn't|haven't|hadn't|didn't|doesn't|"
    r"isn't|wasn't|has\s+not|have\s+not|did\s+not|does\s+not"
)
_METONYMY_AFTER = re.compile(
    r"^(?:['’]s\s+(?:\w+\s+)?(?:" + _ACTOR_NOUNS + r")\b"
    r"|\s+(?:troops|forces|regime|servicemen|soldiers|militants|army|military|government|authorities)\b"
    r"|\s+(?:(?:has|have|had|is|was|also|now|then|again|repeatedly|previously|long|not|never|"
    r"already|since|been|has\s+been|had\s+been)\s+)*(?:" + _POLITICAL_VERBS + r")\b"
    # "Kiev lost more than 400 servicepeople": the army's losses, not the city's
    r"|\s+(?:has\s+|have\s+|had\s+)?(?:lost|loses|suffered)\s+(?:(?:more\s+than|over|up\s+to|about|around|nearly|almost|at\s+least)\s+)?\d)")


def is_metonymy(text: str, mention: PlaceMention) -> bool:
    """True when a capital or country stands for its government or army
    ("Moscow's forces", "Kyiv said", "talks between Moscow and Kyiv"), so figure and
    event code should not use it as the place of what happened."""
    if mention.name not in CAPITALS and mention.kind != "country":
        return False
    after = text[mention.end:mention.end + 80]
    if _METONYMY_AFTER.match(after):
        return True
    # "Both Kyiv and Moscow have been accused": a pair of capitals as the subject
    pair = re.match(r"\s+(?:and|or)\s+([A-Z][\w]+)", after)
    if pair and (pair.group(1) in CAPITALS or canonical(pair.group(1)) in CAPITALS) and \
            _METONYMY_AFTER.match(after[pair.end():]):
        return True
    pre_pair = re.search(r"\b([A-Z][\w]+)\s+(?:and|or)\s+$", text[max(0, mention.start - 30):mention.start])
    if pre_pair and canonical(pre_pair.group(1)) in CAPITALS and _METONYMY_AFTER.match(after):
        return True
    before = text[max(0, mention.start - 40):mention.start]
    if re.search(r"\b(?:between|pro-|anti-|according\s+to|cost|costing)\s*(?:\w+\s+and\s+)?$", before):
        return True
    # "ties with Moscow", "talks with Kyiv": relations, not places
    return bool(re.search(r"\b(?:ties|talks|relations|negotiations|deal|dialogue|swaps?|exchanges?)\s+with\s+$", before))


# --- article-level helpers ------------------------------------------------

_DATELINE_LEAD = re.compile(r"^\s*(?:near|outside|on the outskirts of|in)\s+", re.I)


def dateline_place(dateline: str | None) -> str | None:
    """'KYIV, April 10 (Reuters) -' -> 'Kyiv'; the place before the first comma or bracket."""
    if not dateline:
        return None
    head = re.split(r"[,(\u2014\u2013]|\s-\s", dateline, maxsplit=1)[0]
    head = _DATELINE_LEAD.sub("", head).strip(" .-:/")
    if not head:
        return None
    name = canonical(head)
    if name:
        return name
    # "BAKHMUT FRONT LINE", "SLOVIANSK/KYIV": try the leading words
    words = head.replace("/", " / ").split()
    for size in range(len(words) - 1, 0, -1):
        name = canonical(" ".join(words[:size]))
        if name:
            return name
    # "ON THE FRONT LINE NEAR BAKHMUT": any place named in it
    found = find_places(" ".join(w.capitalize() if w.isupper() else w for w in words))
    return found[0].name if found else None


def main_place(text: str, title: str | None, sentences=None) -> str | None:
    """The town or city an article is mostly about: the most-mentioned settlement,
    counting title mentions three times and the opening sentences twice, skipping
    capitals used for their governments. None when no settlement stands out."""
    scores: dict[str, float] = {}
    first_at: dict[str, int] = {}
    in_title: set[str] = set()
    if title:
        for m in find_places(title):
            if m.kind in SETTLEMENTS and not is_metonymy(title, m):
                scores[m.name] = scores.get(m.name, 0) + 3
                in_title.add(m.name)
                first_at.setdefault(m.name, -1)
    lead_end = _lead_end(text or "")
    regions: dict[str, int] = {}     # mentions of each oblast, and of each settlement, unweighted
    told: dict[str, int] = {}
    for m in (find_places_in(sentences) if sentences is not None else find_places(text or "")):
        if m.kind == "oblast" and not _OFFICE_AFTER.match(text or "", m.end):
            regions[m.name] = regions.get(m.name, 0) + 1     # not "the Poltava Regional Prosecutor's Office"
        if m.kind not in SETTLEMENTS or is_metonymy(text, m) or _dateline(text or "", m):
            continue    # "MOSCOW, October 13. /TASS/": where the wire filed from, not the story's place
        scores[m.name] = scores.get(m.name, 0) + (2 if m.start < lead_end else 1)
        told[m.name] = told.get(m.name, 0) + 1
        first_at.setdefault(m.name, m.start)
    if not scores:
        return None
    ranked = sorted(scores, key=lambda n: (-scores[n], n not in in_title, first_at[n]))
    best = ranked[0]
    if scores[best] < 2:
        # "an operation in Kursk ... the Kursk region ... Kursk": the region, named most ways
        return f"{best} Oblast" if regions.get(f"{best} Oblast", 0) >= 2 and best not in in_title else None
    if len(ranked) > 1 and scores[ranked[1]] == scores[best] and (best in in_title) == (ranked[1] in in_title):
        return None  # a tie: unclear
    region = f"{best} Oblast"
    if best not in in_title and regions.get(region, 0) >= max(2, told.get(best, 0)):
        return region    # "the Kursk region" told as often as bare "Kursk": the story is the region's
    return best


_DATELINE_AFTER = re.compile(r"(?:,\s*(?:Ukraine|Russia))?,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
                             r"(?:,?\s+\d{4})?\s*(?:[.(/]|\s[-–—])")
def _dateline(text: str, m: PlaceMention) -> bool:
    """'MOSCOW, October 13. /TASS/' opening a line: a dateline ('in Kherson, Ukraine, June 7, 2023.' in a
    caption is not)."""
    opens = re.search(r"(?:^|\n)(?:date\s+\d{4}-\d\d-\d\d\s+)?$", text[max(0, m.start - 20):m.start])
    return bool(opens or text[m.start:m.end].isupper()) and bool(_DATELINE_AFTER.match(text, m.end))


_OFFICE_AFTER = re.compile(r"(?:\s+(?:Oblast|Region|Regional|State|Military|Civil|Police|Prosecutor['’ʼ]?s?))*\s+"
                           r"(?:Administration|Prosecutor|Police|Council|Department|Office|Directorate|Court|Governor)(?![a-z])")


def _lead_end(text: str) -> int:
    """End of the first two sentences (or 400 characters)."""
    ends = [m.end() for m in re.finditer(r"[.!?][\"'”’]?(?:\s|$)", text[:1200])]
    return ends[1] if len(ends) > 1 else min(len(text), 400)
