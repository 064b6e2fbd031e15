"""Quantities in text: digits, number words, ranges, qualifiers, vague amounts, fractions.

`find_numbers(text)` returns every quantity with character offsets covering the
qualifier and number words ("more than 1,100", "between 50 and 70", "just under a
fifth"). Things that look like numbers but are not amounts (years, dates, times,
ages, durations, model and unit numbers, ordinals, money) are returned with `trap`
set so callers can skip them; text such as ",000" or absurd values is dropped.

Number words go through the number-parser package (cached: the same few phrases
repeat across articles), behind a regex so plain digits never touch it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

MAX_VALUE = 1e9   # anything larger is broken text, not a war figure


@dataclass(frozen=True)
class Quantity:
    start: int                 # offsets into the text, qualifier and number words included
    end: int
    value: float | None        # None for ranges and vague amounts
    low: float | None
    high: float | None
    qualifier: str             # exact, more_than, less_than, approx, range, vague
    text: str                  # text[start:end]
    unit: str | None = None    # percent, km, mi, m (metres), money, area, speed
    trap: str | None = None    # year, date, time, age, duration, model, ordinal, money


# --- number words -------------------------------------------------------------------------
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = r"(?:%s)" % "|".join(sorted(_UNITS + _TENS, key=len, reverse=True))
_SCALE_WORD = r"(?:hundred|thousand|million|billion)"
# "two hundred and twenty", "twenty-five", "one thousand", "a dozen", "half a million"
_WN = _WORD + r"(?:[\s-]+" + _WORD + r")?"
_SC = r"(?:\s+(?:dozen|" + _SCALE_WORD + r"))+"
_WORDNUM = (
    r"(?:half\s+a\s+(?:million|dozen)"
    r"|an?\s+(?:dozen|hundred|thousand|million)(?:" + _SC + r")?(?:(?:\s+and)?\s+" + _WN + r"(?:" + _SC + r")?)*"
    r"|" + _WN + r"(?:" + _SC + r"(?:(?:\s+and)?\s+" + _WN + r"(?:" + _SC + r")?)*)?)"
)

_FRACTIONS = {
    "a half": 50.0, "one half": 50.0, "half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "a fifth": 20.0, "one fifth": 20.0,
    "a tenth": 10.0, "one tenth": 10.0, "two thirds": 200 / 3, "three quarters": 75.0,
    "two fifths": 40.0, "three fifths": 60.0, "four fifths": 80.0,
}
_FRACTION = r"(?:(?:a|one|two|three|four)[\s-]+(?:half|third|thirds|quarter|quarters|fifth|fifths|tenth)|half)(?!\s+(?:a|an)\s)"

# "one and a half thousand", "a quarter of a million": a count, not a share
_SCALED_FRACTION = (r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half"
                    r"|(?:a|one|three)\s+quarters?\s+of\s+an?|half\s+of\s+an?)\s+(?:hundred|thousand|million|billion)")
_SCALED_PARTS = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}


def _scaled_fraction_value(words: str) -> float:
    toks = words.lower().split()
    scale = _SCALES[toks[-1]]
    if "and" in toks:                   # "two and a half thousand"
        whole = 1.0 if toks[0] in ("a", "an") else _UNIT_VALUE[toks[0]]
        return (whole + 0.5) * scale
    if toks[0] == "half":               # "half of a million"
        return 0.5 * scale
    return _SCALED_PARTS[toks[1]] * scale   # "a quarter of a million", "three quarters of a million"


# --- vague amounts: (low, high) ------------------------------------------------------------
_VAGUE = [
    (r"hundreds\s+of\s+thousands", 200_000, 999_999),
    (r"tens\s+of\s+thousands", 20_000, 99_999),
    (r"(?:a\s+few|several|some)\s+million", 2_000_000, 9_999_999),
    (r"(?:a\s+few|several)\s+thousand", 2_000, 9_999),
    (r"(?:a\s+few|several)\s+hundred", 200, 999),
    (r"(?:a\s+few|several)\s+dozen", 24, 99),
    (r"millions", 2_000_000, 9_999_999),
    (r"thousands", 2_000, 9_999),
    (r"hundreds", 200, 999),
    (r"dozens", 24, 99),
]
_VAGUE_RE = "|".join(f"(?P<v{i}>{p})" for i, (p, _, _) in enumerate(_VAGUE))

# --- digits -------------------------------------------------------------------------------
_DIGITS = (r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"          # 1,100  1,100.5
           r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d]|[,.]\d)"  # 1 100 (narrow/thin/nbsp too)
           r"|[1-9]\d{0,2}(?:\.\d{3}){2,}(?![\d])"      # 1.100.000
           r"|(?P<dotk>[1-9]\d{0,2}\.\d{3})(?![\d])"        # 1.100: 1100 or 1.1? ambiguous
           r"|\d+(?:\.\d+)?)")                          # 1100  1.5
# Whole things after "1.026": the dot groups thousands, as European pages write them.
_COUNTED_AFTER = re.compile(
    r"\s+(?:[A-Za-z][\w'\u2019-]*\s+){0,2}?(?:soldiers|troops|servicemen|servicemembers|marines|fighters|militants|"
    r"mercenaries|people|persons|civilians|residents|inhabitants|children|men|women|prisoners|POWs|defenders|"
    r"tanks|vehicles|drones|UAVs|missiles|shells|rockets|bombs|attacks|strikes|homes|houses|buildings)\b",
    re.IGNORECASE)
_SCALE_SUFFIX = (r"(?:\s*(?:million|billion|thousand|hundred|mln|bn)\b"
                 r"|(?:k|m|bn)\b)")
_SCALE_VALUES = {"million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
                 "thousand": 1e3, "k": 1e3, "hundred": 1e2}

# Not a number of its own: an exponent or power ("1e+5", "10^100": the "5" and "100"),
# a digit group after an apostrophe ("1'000"). Signs are checked in _atom.
_ATOM = re.compile(
    r"(?<![\w,.:/\u2019'$€£₴₽^])(?<!\^\s)(?<![A-Za-z]-)(?<!\d[eE][+-])(?:"
    r"(?P<vague>" + _VAGUE_RE + r")"
    r"|(?P<digits>" + _DIGITS + r")(?P<dscale>" + _SCALE_SUFFIX + r")?"
    r"|(?P<scaledfrac>" + _SCALED_FRACTION + r")"
    r"|(?P<repeat>twice|thrice)"
    r"|(?P<frac>" + _FRACTION + r")"
    r"|(?P<words>" + _WORDNUM + r")"
    r")(?:(?![\w])(?![.,'\u2019]\d)(?!\s*\^)|(?=kms?\b))",
    re.IGNORECASE)
# A sign before a number ("-5 killed", "+5"): not a count, so the number is not read rather
# than read without its sign. "Su-25" and "20-30" are not signs: a letter or digit precedes.
_SIGNS = "-+\u2212"

# A fast pre-check: no digit and no number word, nothing to do (a set lookup beats a regex
# alternation of words tried at every position).
_DIGIT = re.compile(r"\d")
_LOWER_WORD = re.compile(r"[a-z]+")
_NUMBER_WORDS = frozenset(_UNITS + _TENS + "dozen dozens hundred hundreds thousand thousands million millions "
                          "billion half third thirds quarter quarters fifth fifths tenth twice thrice".split())

# --- qualifiers ---------------------------------------------------------------------------
_QUAL_BEFORE = [
    # "handed over 195 prisoners", "turned over 40 bodies": a phrasal verb, not "more than"
    ("more_than", r"more\s+than|(?<!handed\s)(?<!hand\s)(?<!hands\s)(?<!handing\s)(?<!turned\s)(?<!turn\s)(?<!turns\s)"
                  r"(?<!turning\s)(?<!passed\s)(?<!passing\s)(?<!pass\s)over|at\s+least|in\s+excess\s+of|upwards\s+of|no\s+(?:fewer|less)\s+than"
                  r"|just\s+over|well\s+over|a\s+little\s+over|slightly\s+more\s+than|above|exceeding"
                  r"|a\s+minimum\s+of|not\s+less\s+than"),
    ("less_than", r"up\s+to|nearly|almost|just\s+under|just\s+below|fewer\s+than|less\s+than|under|close\s+to"
                  r"|at\s+most|no\s+more\s+than|not\s+more\s+than|as\s+many\s+as|just\s+shy\s+of|below"
                  r"|a\s+maximum\s+of"),
    ("approx", r"about|around|some|roughly|approximately|an\s+estimated|estimated|approx\.|circa|an\s+approximate"
               r"|more\s+or\s+less|give\s+or\s+take"),
]
_QUAL_RE = re.compile(
    r"(?:^|(?<=[\s(\"'\u201c]))(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _QUAL_BEFORE) + r")\s+$",
    re.IGNORECASE)
_QUAL_AFTER = re.compile(r"^(?:\s+or\s+(?P<more>more|so)\b|(?P<plus>\+|-plus\b))", re.IGNORECASE)

_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
_RANGE_MID = re.compile(r"^\s*(?:-|–|—|to)\s*$|^\s+or\s+$", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:^|(?<=\W))(?P<w>between|from)\s+$", re.IGNORECASE)
_AND_TO = {"between": re.compile(r"^\s+and\s+$", re.IGNORECASE),
           "from": re.compile(r"^\s*(?:to|-|–|—)\s*$", re.IGNORECASE)}

# --- what follows / precedes: units and traps ---------------------------------------------
_PERCENT = re.compile(r"^\s*(?:%|per\s?cent\b|pct\b)", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"^(?:-|\s)*(?:(?P<area>square\s+(?:kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?)|sq\.?\s*(?:km|mi)\b|km2\b|km²)"
    r"|(?P<speed>(?:km|kilomet(?:er|re)s?)\s*(?:/|per\s+)h(?:our)?\b|kph\b|mph\b|miles\s+(?:an|per)\s+hour)"
    r"|(?P<km>km\b|kms\b|kilomet(?:er|re)s?\b)"
    r"|(?P<mi>miles?\b)"
    r"|(?P<m>met(?:er|re)s?\b)"
    r"|(?P<money>(?:us\s+)?dollars?\b|euros?\b|pounds?\s+sterling|hryvnias?\b|hryvnia\b|uah\b|usd\b|eur\b"
    r"|roubles?\b|rubles?\b|yuan\b))",
    re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:[$€£₴₽]|\b(?:US\$|USD|EUR|UAH|RUB)\s?)$")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# "June 23", and the second day of "between June 23 and 24", "June 23-24", "June 23 to 25"
_DATE_BEFORE = re.compile(r"\b" + _MONTH + r"\.?\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:and|to|-|–|—|through|or)\s*)?$",
                          re.IGNORECASE)
_DATE_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^(?::\d{2}|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|cet\b|eet\b|hrs\b|o'clock|local\s+time))",
                         re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?:\baged|\bage(?:\s+of)?|\bages)\s+(?:between\s+|from\s+)?(?:(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
                         r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+|"
                         r"\s*[-–]\s*|\s+to\s+))*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^(?:-|\s)(?:years?|months?)[-\s]old\b|^-year-old", re.IGNORECASE)
_NAME_AGE = re.compile(r"[A-Za-z]+,\s+$")      # "Olena Petrenko, 62, said", "the pilot, 31, died"
_DURATION_AFTER = re.compile(
    r"^(?:-|\s+)(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|nights?"
    r"|(?:-|\s)?hour|-day|-week|-month|-year)\b", re.IGNORECASE)
_MODEL_BEFORE = re.compile(r"(?:[A-Za-z]{1,6}-|[A-Za-z]|\bNo\.?\s|#)$")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
# "one" as a pronoun or article, not a count: "one of the deadliest", "no one", "the one missile",
# "one side", "one day", "one another", "one by one".
_ONE_AFTER = re.compile(r"^(?:\s+(?:of|side|sides|another|by\s+one|day|time|point|way|hand|thing|or\s+(?:the\s+)?other)\b"
                        r"|(?:'s|’s)\b)", re.IGNORECASE)
# "as a result of which one person was killed": "one" before a person counts, whatever precedes it
_ONE_COUNTED = re.compile(r"\s+(?:more\s+)?(?:person|civilian|man|woman|child|soldier|serviceman|servicemember|resident|"
                          r"boy|girl|teenager|pensioner|employee|worker|rescuer)\b", re.IGNORECASE)
_ONE_BEFORE = re.compile(r"(?:\b(?:no|the|any|every|each|which|such|someone|anyone|for)\s+)$", re.IGNORECASE)
# Ratios are not amounts: "seven soldiers for every Ukrainian", "three to one", "one in five", "10:1".
_SMALL = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)"
_RATIO_AFTER = re.compile(r"^(?:\s+[A-Za-z][\w'’-]*){0,3}?\s+(?:for|to|out\s+of)\s+(?:every|each)\b"
                          r"|^(?:\s*[-–]\s*|\s+to\s+|-to-)(?:one|1)\b(?![\d,.]|[ \u00a0\u202f]\d{3}\b|\s+(?:hundred|thousand|million))"
                          r"|^\s*:\s*1\b", re.IGNORECASE)
_ONE_RATIO_AFTER = re.compile(r"^\s+(?:in|out\s+of)\s+(?:every\s+)?" + _SMALL + r"\b", re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"(?:\b(?:for|to|in|out\s+of)\s+(?:every|each)\s+|\b(?:one|1)\s+(?:in|out\s+of)\s+)$", re.IGNORECASE)
_TO_ONE_BEFORE = re.compile(r"\b" + _SMALL + r"(?:\s*[-–]\s*|\s+to\s+|-to-)$", re.IGNORECASE)
# "a 70,000-person city": a compound that is the town's population
POP_COMPOUND = re.compile(r"-(?:person|people|resident|inhabitant)s?\s+(?:city|town|village|settlement|community|hromada)\b",
                          re.IGNORECASE)
_YEAR_OK_AFTER = re.compile(
    r"^\s+(?:people|persons|civilians|residents|soldiers|troops|servicemen|attacks|strikes|drones|missiles"
    r"|killed|dead|wounded|injured|tanks|km|kilomet|ukrainians|russians|prisoners|pows|captives|children|occupiers)", re.IGNORECASE)


def find_numbers(text: str) -> list[Quantity]:
    """All quantities in `text`, in order. Never raises."""
    if not text or not (_DIGIT.search(text) or not _NUMBER_WORDS.isdisjoint(_LOWER_WORD.findall(text.lower()))):
        return []
    try:
        return _joined_scales(text, _find(text))
    except Exception:  # pragma: no cover - a bad article must not stop an ingest
        return []


_MILLION_END = re.compile(r"(?:million|mln|billion)$", re.IGNORECASE)
_THOUSAND_PART = re.compile(r"\d{1,3}\s+thousand", re.IGNORECASE)


def _joined_scales(text: str, qs: list[Quantity]) -> list[Quantity]:
    """ "1 million 355 thousand" (Ukrainian and Russian usage) is one number, 1,355,000."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev is not None and prev.value is not None and q.value is not None and q.qualifier == "exact" \
                and not prev.trap and not q.trap and _MILLION_END.search(prev.text) \
                and _THOUSAND_PART.fullmatch(q.text) and text[prev.end:q.start] == " ":
            v = prev.value + q.value
            out[-1] = Quantity(prev.start, q.end, v, v if prev.low is not None else None,
                               v if prev.high is not None else None, prev.qualifier, text[prev.start:q.end],
                               prev.unit, None)
            continue
        out.append(q)
    return out


def _find(text: str) -> list[Quantity]:
    atoms = [a for a in (_atom(m) for m in _ATOM.finditer(text)) if a is not None]
    out: list[Quantity] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        # "between 50 and 70", "from 50 to 70", "20,000-30,000", "12-13,000", "two or three"
        if i + 1 < len(atoms) and a["kind"] in ("digits", "words") and atoms[i + 1]["kind"] == a["kind"] \
                or i + 1 < len(atoms) and {a["kind"], atoms[i + 1]["kind"]} == {"digits", "words"}:
            b = atoms[i + 1]
            mid = text[a["end"]:b["start"]]
            lead = _BETWEEN.search(text, max(0, a["start"] - 12), a["start"])
            joined = None
            if lead and _AND_TO[lead.group("w").lower()].match(mid):
                joined = (lead.start(), lead.group("w").lower())
            elif _RANGE_MID.match(mid) and not (mid.strip().lower() == "or" and a["kind"] == "digits"
                                                and not _shortened_or(a, b)) \
                    and not (mid.strip().lower() == "to" and _BY_BEFORE.search(text, max(0, a["start"] - 6), a["start"])):
                # (not "rose by 3 to 15": a change and the new total)
                joined = (None, mid.strip().lower())
            if joined is not None:
                q = _range(text, a, b, joined[0])
                if q is not None:
                    out.append(q)
                    i += 2
                    continue
        q = _single(text, a)
        if q is not None:
            out.append(q)
        i += 1
    return out


def _shortened_or(a: dict, b: dict) -> bool:
    """"70 or 80,000": the first number shares the second's thousands (digits joined by "or"
    are otherwise two numbers: "in 2014 or 2015")."""
    va, vb = a.get("value"), b.get("value")
    return b["kind"] == "digits" and va is not None and vb is not None and 1 <= va < 1000 <= vb \
        and vb % 1000 == 0 and va * 1000 < vb


def _atom(m: re.Match) -> dict | None:
    """One number as written, without qualifiers: value, scale, kind."""
    s, e = m.start(), m.end()
    if m.group("vague") is not None:
        for i, (_, lo, hi) in enumerate(_VAGUE):
            if m.group(f"v{i}") is not None:
                return {"kind": "vague", "start": s, "end": e, "low": float(lo), "high": float(hi)}
    if m.group("repeat") is not None:      # "struck the city twice": a count of times
        value = 2.0 if m.group("repeat").lower() == "twice" else 3.0
        return {"kind": "words", "start": s, "end": e, "value": value, "scaled": False, "bare": False}
    if m.group("scaledfrac") is not None:
        value = _scaled_fraction_value(re.sub(r"\s+", " ", m.group("scaledfrac")))
        return {"kind": "words", "start": s, "end": e, "value": value, "scaled": True, "bare": False}
    if m.group("frac") is not None:
        key = re.sub(r"[\s-]+", " ", m.group("frac").lower())
        val = _FRACTIONS.get(key)
        return None if val is None else {"kind": "frac", "start": s, "end": e, "value": val}
    if m.group("digits") is not None:
        raw = m.group("digits")
        if len(raw.replace(",", "").replace(".", "")) > 12:
            return None
        if _signed(m.string, s):
            return None   # "-5": not a count
        zero_led = raw[0] == "0" and raw[1:2].isdigit()   # "000", "05": a code, a date part or a broken group
        value = _digits_value(raw, has_scale=bool(m.group("dscale")))
        dotk = bool(m.group("dotk")) and not m.group("dscale")
        if dotk and _COUNTED_AFTER.match(m.string, e):
            value, dotk = float(raw.replace(".", "")), False   # "1.026 soldiers": no fraction of a soldier
        scale = 1.0
        if m.group("dscale"):
            scale = _SCALE_VALUES[m.group("dscale").strip().lower()]
        return {"kind": "digits", "start": s, "end": e, "value": value * scale, "raw": raw,
                "scaled": scale != 1.0, "bare": raw.isdigit() and not m.group("dscale"),
                "ambiguous": dotk or zero_led}
    value = _words_value(m.group("words").lower())
    if value is None:
        return None
    return {"kind": "words", "start": s, "end": e, "value": value, "scaled": value >= 100, "bare": False}


def _signed(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in _SIGNS and (start == 1 or not text[start - 2].isalnum())


def _digits_value(raw: str, has_scale: bool) -> float:
    if "," in raw:
        return float(raw.replace(",", ""))
    if re.search(r"[ \u00a0\u202f\u2009]", raw):
        return float(re.sub(r"\D", "", raw))
    if raw.count(".") >= 2:
        return float(raw.replace(".", ""))
    return float(raw)


@functools.lru_cache(maxsize=4096)
def _words_value(words: str) -> float | None:
    words = re.sub(r"\s+", " ", words.strip())
    if words == "half a million":
        return 500_000.0
    if words == "half a dozen":
        return 6.0
    w = re.sub(r"^(?:an?|one) dozen", "twelve", words)
    w = re.sub(r"^(\w+) dozen$", lambda m: m.group(1) + " dozen", w)
    if w.endswith(" dozen"):
        base = _words_value(w[: -len(" dozen")])
        return None if base is None else base * 12
    w = re.sub(r"^an? ", "one ", w)
    return _english_value(w)


_UNIT_VALUE = {w: float(i) for i, w in enumerate(_UNITS)}
_TEN_VALUE = {w: float(20 + 10 * i) for i, w in enumerate(_TENS)}


def _english_value(words: str) -> float | None:
    """English number words read directly: "two hundred and twenty-five", "one thousand",
    "forty thousand", "three million"."""
    total, current, seen = 0.0, 0.0, False
    for tok in re.split(r"[\s-]+", words):
        if not tok or tok == "and":
            continue
        if tok in _UNIT_VALUE:
            current += _UNIT_VALUE[tok]
        elif tok in _TEN_VALUE:
            current += _TEN_VALUE[tok]
        elif tok == "hundred":
            current = (current or 1.0) * 100
        elif tok in _SCALES:
            total += (current or 1.0) * _SCALES[tok]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


_CAME_UNDER = re.compile(r"\b(?:came|come|comes|coming|fell|falls|fall|placed|brought|put)\s+under\s+$", re.IGNORECASE)


def _qualifier_before(text: str, start: int) -> tuple[int, str | None]:
    m = _QUAL_RE.search(text, max(0, start - 40), start)
    if m and _CAME_UNDER.search(text, max(0, start - 40), start):
        return start, None      # "the region came under 17 shelling attacks": not a bound
    if m:
        for k, _ in _QUAL_BEFORE:
            if m.group(k) is not None:
                return m.start(), k
    return start, None


# Written dates: "2025-04-15", "15.04.2022", "04/15/2023" (not "1.026", one separator).
_NUMERIC_DATE = re.compile(r"(?<![\d.,])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))(?![\d])")


_COMPOUND_ADJ = re.compile(r"-(?:storey|story|stories|floor|level|strong|member|man|men|person|day|week|month|hour|minute|"
                           r"room|bed|seat|lane|page|point|fold|stage|phase|part|round|shot|step|car|carriage|vehicle)\b", re.I)


# "attacked twice", "struck the city of Pokrovsk twice": the only "twice" that counts something
_REPEATED_ACT = re.compile(r"\b(?:attack(?:ed|s)?|struck|strikes?|shell(?:ed|s)|hit|targeted|bombed|stormed|assaulted|fired\s+(?:on|at))"
                           r"\b[^.;:,]{0,60}$", re.IGNORECASE)


def _trap(text: str, s: int, e: int, a: dict) -> str | None:
    for m in _NUMERIC_DATE.finditer(text, max(0, s - 11), min(len(text), e + 11)):
        if m.start() < e and s < m.end():
            return "date"
    before = text[max(0, s - 20):s]
    after = text[e:e + 40]
    if text[s:e].lower() in ("twice", "thrice") and not _REPEATED_ACT.search(text, max(0, s - 80), s):
        return "multiplier"     # "twice as many", "visited twice"
    if a.get("value") == 1 and text[s:e].lower() in ("one", "1"):
        if text[s:e].lower() == "one" and (_ONE_AFTER.match(after) or _ONE_BEFORE.search(before) and not _ONE_COUNTED.match(after)):
            return "pronoun"
        if _ONE_RATIO_AFTER.match(after) or _TO_ONE_BEFORE.search(before):
            return "ratio"
    if _RATIO_AFTER.match(after) or _RATIO_BEFORE.search(before):
        return "ratio"
    if a["kind"] == "digits":
        raw = a["raw"]
        if a.get("ambiguous"):
            return "ambiguous"
        if _MODEL_BEFORE.search(before):
            return "model"
        if _ORDINAL_AFTER.match(after):
            return "ordinal"
        if re.match(r"^[A-Za-z]", after) and not re.match(r"^kms?\b", after, re.IGNORECASE):
            return "model"
        if re.match(r"^[\s-]?(?:mm|millimet(?:er|re)s?)\b", after, re.IGNORECASE):
            return "model"      # "155 mm shells", "a 152-millimetre howitzer": a calibre

        if _MONEY_BEFORE.search(before):
            return "money"
        if _TIME_AFTER.match(after):
            return "time"
        if raw.isdigit() and len(raw) <= 2 and (_DATE_BEFORE.search(before) or _DATE_AFTER.match(after)):
            return "date"
        if a["bare"] and len(raw) == 4 and 1900 <= int(raw) <= 2099 and not _YEAR_OK_AFTER.match(after):
            return "year"
        if raw.isdigit() and len(raw) <= 3 and int(raw) <= 110 and _NAME_AGE.search(before) and re.match(r"^,", after):
            return "age"
    if _AGE_BEFORE.search(before) or _AGE_AFTER.match(after):
        return "age"
    if _DURATION_AFTER.match(after):
        return "duration"
    if _COMPOUND_ADJ.match(after) and not POP_COMPOUND.match(after):
        return "compound"       # "a five-storey building", "a 300-strong unit", "a two-day visit"
    return None


def _unit(text: str, e: int) -> tuple[str | None, int]:
    after = text[e:e + 40]
    m = _PERCENT.match(after)
    if m:
        return "percent", e + m.end()
    m = _UNIT_AFTER.match(after)
    if m:
        return m.lastgroup, e
    return None, e


def _make(text, start, end, value, low, high, qual, unit, trap) -> Quantity | None:
    for v in (value, low, high):
        if v is not None and not (0 <= v <= MAX_VALUE):
            return None
    return Quantity(start, end, value, low, high, qual, text[start:end], unit, trap)


def _single(text: str, a: dict) -> Quantity | None:
    s, e = a["start"], a["end"]
    if a["kind"] == "vague":      # "dozens", "a few thousand": their own bounds, no qualifier
        return _make(text, s, e, None, a["low"], a["high"], "vague", None, None)
    trap = _trap(text, s, e, a)
    unit, unit_end = _unit(text, e)
    if a["kind"] == "frac":
        unit = "percent"
    elif unit == "percent":
        e = unit_end
    if unit == "money" and trap is None:
        trap = "money"
    if trap == "money":
        unit = "money"
    qs, qual = _qualifier_before(text, s)
    v = a["value"]
    m = _QUAL_AFTER.match(text[e:e + 10])
    if qual is None and m:
        qual = "approx" if m.group("more") and m.group("more").lower() == "so" else "more_than"
        e += m.end() if m.group("plus") else 0
    if qual is None:
        return _make(text, s, e, v, None, None, "exact", unit, trap)
    if qual == "more_than":
        return _make(text, qs, e, v, v, None, qual, unit, trap)
    if qual == "less_than":
        return _make(text, qs, e, v, None, v, qual, unit, trap)
    return _make(text, qs, e, v, None, None, qual, unit, trap)


def _range(text: str, a: dict, b: dict, lead_start: int | None) -> Quantity | None:
    lo, hi = a["value"], b["value"]
    if a["kind"] == "digits" and b["kind"] == "digits" and a["bare"] and b["bare"] \
            and len(a["raw"]) == 4 and len(b["raw"]) in (2, 4) and 1900 <= lo <= 2099:
        # 2014-2022, 2022-23: years
        if len(b["raw"]) == 2:
            hi = lo // 100 * 100 + hi
        if lo >= hi:
            return None
        return _make(text, a["start"], b["end"], None, lo, hi, "range", None, "year")
    if lo * 100 <= hi and a.get("bare") and len(a["raw"]) <= 3 and (b.get("scaled") or _has_groups(b)):
        # "12-13,000", "1-2 million": the first number borrows the second's magnitude
        k = 1.0
        while lo * k * 1000 <= hi and k < 1e9:
            k *= 1000
        lo = lo * k
    if lo >= hi:
        return None
    trap = _trap(text, b["start"], b["end"], b) or _trap(text, a["start"], a["end"], a)
    s = lead_start if lead_start is not None else a["start"]
    unit, unit_end = _unit(text, b["end"])
    e = unit_end if unit == "percent" else b["end"]
    if unit == "money":
        trap = trap or "money"
    if lead_start is None:
        s, _ = _qualifier_before(text, s)
    return _make(text, s, e, None, lo, hi, "range", unit, trap)


def _has_groups(atom: dict) -> bool:
    return atom["kind"] == "digits" and ("," in atom["raw"] or " " in atom["raw"] or atom["raw"].endswith("000"))
