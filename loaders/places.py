"""Gazetteer lookups over the bundled data/reference/places.csv.

Matching works on tokens, not one giant regex: every name and alias becomes a
tuple of tokens in a dict, and a scan tries the longest tuple first at each
capitalised token. That is linear in the text and fast enough for 100k articles.

Matching is case-sensitive on purpose ("Lyman" the town, not a common word);
all-caps words (datelines, headlines) fall back to a case-insensitive lookup.
Adjectives ("Ukrainian", "Crimean") are simply not in the gazetteer.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PLACES_CSV = Path(__file__).resolve().parent.parent / "data" / "reference" / "places.csv"
SETTLEMENTS = ("city", "town", "village")
REGION_WORDS = ("region", "province", "oblast", "territory", "regional")

# A word or a single other character. A hyphen joins only a lowercase part
# ("Kyiv-based" is one token, so not a place), while "Bakhmut-Chasiv Yar" and
# "Niu-York" split so each capitalised part can match.
_TOKEN = re.compile(r"[^\W\d_]+(?:(?:-(?=[a-z\u00df-\u00ff\u0430-\u044f])|['’](?=[^\W\d_]))[^\W\d_]+)*|\S")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class PlaceMention:
    start: int          # offsets into the string given to find_places
    end: int
    name: str           # canonical name ("Bakhmut", "Donetsk Oblast")
    kind: str           # city, town, village, oblast, country, region
    oblast: str | None


def _norm(tok: str) -> str:
    return _POSSESSIVE.sub("", tok.replace("’", "'"))


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _key(name: str) -> tuple[str, ...]:
    return tuple(_norm(t) for _, _, t in _tokens(name))


class _Index:
    def __init__(self, path: Path):
        self.rows: dict[str, dict] = {}
        self.exact: dict[tuple[str, ...], str] = {}
        self.folded: dict[tuple[str, ...], str] = {}
        self.oblast_base: dict[str, str] = {}   # "Donetsk" -> "Donetsk Oblast"
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                row = {
                    "name": r["name"].strip(), "kind": r["kind"].strip(),
                    "oblast": r.get("oblast", "").strip() or None,
                    "country": r.get("country", "").strip() or None,
                    "lat": float(r["lat"]) if r.get("lat") else None,
                    "lon": float(r["lon"]) if r.get("lon") else None,
                    "population": int(float(r["population"])) if r.get("population") else None,
                }
                name = row["name"]
                if not name or name in self.rows:
                    continue
                self.rows[name] = row
                names = [name] + [a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()]
                for n in names:
                    for variant in self._variants(n, row["kind"]):
                        self._add(variant, name)
        self.max_len = max(len(k) for k in self.exact)
        self.firsts = {k[0] for k in self.exact}

    def _variants(self, n: str, kind: str) -> list[str]:
        out = [n]
        words = n.split()
        if kind == "oblast" and len(words) > 1 and words[-1].lower() in REGION_WORDS:
            base = " ".join(words[:-1])
            out = [f"{base} {w}" for rw in REGION_WORDS for w in (rw, rw.capitalize())]
            out.append(n)
        return out

    def _add(self, variant: str, name: str) -> None:
        key = _key(variant)
        if not key:
            return
        # first row wins: an alias never silently re-points an earlier name
        self.exact.setdefault(key, name)
        self.folded.setdefault(tuple(t.lower() for t in key), name)
        words = variant.split()
        if len(words) > 1 and words[-1].lower() == "region":
            self.oblast_base.setdefault(" ".join(words[:-1]), name)


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index(PLACES_CSV)


def _mention(idx: _Index, start: int, end: int, name: str) -> PlaceMention:
    row = idx.rows[name]
    return PlaceMention(start, end, name, row["kind"], row["oblast"])


def _scan(text: str) -> list[PlaceMention]:
    idx = _index()
    toks = _tokens(text)
    norm = [_norm(t) for _, _, t in toks]
    out: list[PlaceMention] = []
    i, n = 0, len(toks)
    while i < n:
        first = norm[i]
        if first not in idx.firsts and not (first.isupper() and len(first) >= 4):
            i += 1
            continue
        hit = None
        for size in range(min(idx.max_len, n - i), 0, -1):
            key = tuple(norm[i:i + size])
            name = idx.exact.get(key)
            if name is None and size == 1 and first.isupper() and len(first) >= 4:
                name = idx.folded.get((first.lower(),))   # "KYIV" in a dateline or headline
            if name is not None:
                hit = (size, name)
                break
        if hit and _org_name(toks, norm, i, hit[0]):
            i += hit[0]  # "The Moscow Times", "Dynamo Kyiv": an organisation, not a place
            continue
        if hit:
            size, name = hit
            last = toks[i + size - 1]
            end = last[0] + len(_norm(last[2]))  # drop a possessive "'s" from the span
            out.append(_mention(idx, toks[i][0], end, name))
            i += size
        else:
            i += 1
    return out


# Words that turn a place name into an organisation's name.
_ORG_AFTER = {"Times", "Independent", "Post", "Journal", "Herald", "Insider", "Tribune", "Pravda",
              "Declaration", "Format", "Protocol", "Protocols", "Agreements", "Accords", "Patriarchate",
              "Metro", "Express", "Dynamo"}
_ORG_BEFORE = {"Dynamo", "Shakhtar", "Zorya", "Metalist", "Spartak", "CSKA", "Lokomotiv", "Chornomorets"}


def _org_name(toks, norm, i: int, size: int) -> bool:
    nxt = norm[i + size] if i + size < len(norm) else ""
    prev = norm[i - 1] if i > 0 else ""
    if nxt in _ORG_AFTER or prev in _ORG_BEFORE:
        return True
    # "School of Economics", "Security Forum" after Kyiv
    after = " ".join(norm[i + size:i + size + 3])
    return after.startswith(("School of", "Security Forum", "Independent", "Post"))


_PLURAL_REGION = re.compile(r"\s+(?:regions|provinces|oblasts|Regions|Provinces|Oblasts)\b")
_REGIONS_OF = re.compile(r"\b(?:regions|provinces|oblasts|region|province|oblast)\s+of\s+(?:the\s+)?$", re.I)
_LIST_SEP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)$")


def _to_oblast(idx: _Index, m: PlaceMention, surface: str) -> PlaceMention:
    ob = idx.oblast_base.get(surface)
    if ob and m.kind in SETTLEMENTS:
        return _mention(idx, m.start, m.end, ob)
    return m


def _regions(text: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """'Donetsk and Luhansk regions', 'the regions of Kharkiv and Sumy' name oblasts."""
    idx = _index()
    out = list(found)
    i = 0
    while i < len(out):
        j = i  # extend a list "A, B and C"
        while j + 1 < len(out) and _LIST_SEP.match(text[out[j].end:out[j + 1].start]):
            j += 1
        after = _PLURAL_REGION.match(text, out[j].end)
        before = _REGIONS_OF.search(text[max(0, out[i].start - 40):out[i].start])
        if after or before:
            for k in range(i, j + 1):
                out[k] = _to_oblast(idx, out[k], _norm(text[out[k].start:out[k].end]))
        i = j + 1
    return out


def find_places(text: str) -> list[PlaceMention]:
    """Every gazetteer place named in text, longest name first, in text order."""
    if not text:
        return []
    return list(_find_cached(text))


@lru_cache(maxsize=4096)
def _find_cached(text: str) -> tuple[PlaceMention, ...]:
    # figure, event and main-place code ask about the same sentences repeatedly
    return tuple(_regions(text, _scan(text)))


def canonical(name: str) -> str | None:
    """The canonical name for a name or alias ("Artemivsk" -> "Bakhmut"), else None."""
    if not name:
        return None
    idx = _index()
    s = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.I)
    key = _key(s)
    return idx.exact.get(key) or idx.folded.get(tuple(t.lower() for t in key))


def place_info(name: str) -> dict | None:
    """The gazetteer row (name, kind, oblast, country, lat, lon, population) of a name or alias."""
    c = canonical(name)
    return dict(_index().rows[c]) if c else None


def gazetteer() -> list[dict]:
    """All places: name, kind, oblast, country, lat, lon, population."""
    return [dict(r) for r in _index().rows.values()]


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
    r"say|says|said|claim|claims|claimed|deny|denies|denied|insist|insists|insisted|accuse|accused|"
    r"accuses|blame|blamed|blames|launch|launched|launches|send|sent|sends|want|wants|wanted|"
    r"respond|responded|responds|warn|warned|warns|threaten|threatened|threatens|reject|rejected|"
    r"rejects|announce|announced|announces|demand|demanded|demands|sign|signed|agree|agreed|"
    r"agrees|refuse|refused|refuses|hope|hopes|hoped|plan|plans|planned|seek|seeks|sought|"
    r"consider|considers|considered|call|called|calls|report|reported|reports|state|stated|"
    r"confirm|confirmed|confirms|admit|admitted|admits|acknowledge|acknowledged|vow|vowed|vows|"
    r"urge|urged|urges|ask|asked|asks|argue|argued|argues|maintain|maintains|maintained|"
    r"mobilised|mobilized|annexed|invaded|ordered|decided|intends|retaliate|retaliated|"
    r"condemn|condemned|condemns|welcome|welcomed|welcomes|expect|expects|expected|"
    r"believe|believes|believed|denounce|denounced|summoned|expelled|recalled|imposed|"
    r"needs|needed|must|will|would|cannot|can't|won't|does|did|do"
)
_METONYMY_AFTER = re.compile(
    r"^(?:['’]s\s+(?:\w+\s+)?(?:" + _ACTOR_NOUNS + r")\b"
    r"|\s+(?:(?:has|have|had|is|was|also|now|then|again|repeatedly|previously|long|not|never|"
    r"already|since|been|has\s+been|had\s+been)\s+)*(?:" + _POLITICAL_VERBS + r")\b)")


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
    if re.search(r"\b(?:between|pro-|anti-|according\s+to)\s*(?:\w+\s+and\s+)?$", before):
        return True
    # "ties with Moscow", "talks with Kyiv": relations, not places
    return bool(re.search(r"\b(?:ties|talks|relations|negotiations|deal|dialogue)\s+with\s+$", before))


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


def find_places_in(sentences) -> list[PlaceMention]:
    """find_places over a whole text, from its sentences (model.Sentence): the figure and
    event rules scan each sentence anyway, so these scans are cache hits, not a second pass."""
    out = []
    for s in sentences:
        out += [PlaceMention(m.start + s.start, m.end + s.start, m.name, m.kind, m.oblast)
                for m in find_places(s.text)]
    return out


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
    for m in (find_places_in(sentences) if sentences is not None else find_places(text or "")):
        if m.kind not in SETTLEMENTS or is_metonymy(text, m):
            continue
        scores[m.name] = scores.get(m.name, 0) + (2 if m.start < lead_end else 1)
        first_at.setdefault(m.name, m.start)
    if not scores:
        return None
    ranked = sorted(scores, key=lambda n: (-scores[n], n not in in_title, first_at[n]))
    best = ranked[0]
    if scores[best] < 2:
        return None
    if len(ranked) > 1 and scores[ranked[1]] == scores[best] and (best in in_title) == (ranked[1] in in_title):
        return None  # a tie: unclear
    return best


def _lead_end(text: str) -> int:
    """End of the first two sentences (or 400 characters)."""
    ends = [m.end() for m in re.finditer(r"[.!?][\"'”’]?(?:\s|$)", text[:1200])]
    return ends[1] if len(ends) > 1 else min(len(text), 400)
