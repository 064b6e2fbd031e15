"""A deterministic synthetic corpus of war reporting, with the figures it planted.

    python -m bench.generate --n 10000 [--seed 7] [--out bench/out] [--mix txt=50,html=15,json=10,jsonl=25]

Writes `<out>/corpus-n<N>-s<seed>/`:

- `txt/NNN/*.txt` plus `txt/manifest.csv` (published, source, url; the first line of a
  text file is its headline, Reuters pieces open with a dateline),
- `html/NNN/*.html` (full pages: scripts, nav, share bars, figure captions, READ MORE
  asides, footers),
- `json/*.json` (one record, or a list of records),
- `jsonl/*.jsonl` (500 records a file),
- `gold.jsonl`: one line per planted figure (`doc`, `kind`, `value`, `low`, `high`,
  `qualifier`, `subject_side`, `claimant`, `claimant_side`, `place`, `quote`, `optional`)
  and per planted event (`doc`, `event`, `date`, `date_tol`, `place`, `actor_side`),
  in the shape of ../shared/eval's gold files,
- `docs.jsonl`: `doc`, `published`, `source`, `fmt`,
- `corpus.json`: what was generated (n, seed, mix, bytes, counts).

Article i depends only on (seed, i), so the first 10,000 articles of a 100,000 corpus
are the 10,000 corpus. Articles are 2-6 KB: a headline, paragraphs of filler reporting
(no numbers), 4-12 planted figures in varied phrasings, 1-3 planted events, traps that
are *not* figures (years, dates, ages, Su-25, 93rd Brigade, money, durations, counts of
villages, calibres, road numbers, share of buildings destroyed) and page furniture whose
numbers are not figures either (READ MORE lists, donation appeals, photo captions,
newsletter boxes, bylines).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import html as htmlmod
import json
import os
import random
import sys
import time
from pathlib import Path

GENERATOR_VERSION = "4"
DEFAULT_OUT = Path(__file__).resolve().parent / "out"
DEFAULT_MIX = {"txt": 50, "html": 15, "json": 10, "jsonl": 25}
JSONL_PER_FILE = 500
FILES_PER_DIR = 1000

# --- vocabulary -------------------------------------------------------------------

OUTLETS = [
    ("Reuters", "reuters.com"), ("Associated Press", "apnews.com"), ("AFP", "afp.com"),
    ("The Kyiv Independent", "kyivindependent.com"), ("The Moscow Times", "themoscowtimes.com"),
    ("BBC News", "bbc.com"), ("The Guardian", "theguardian.com"), ("Al Jazeera", "aljazeera.com"),
    ("Ukrainska Pravda", "pravda.com.ua"), ("Meduza", "meduza.io"), ("Kyiv Post", "kyivpost.com"),
    ("Radio Free Europe/Radio Liberty", "rferl.org"), ("Euronews", "euronews.com"),
    ("The New Voice of Ukraine", "english.nv.ua"), ("Deutsche Welle", "dw.com"),
    ("CNN", "cnn.com"), ("France 24", "france24.com"), ("The Independent", "independent.co.uk"),
    ("Novaya Gazeta Europe", "novayagazeta.eu"), ("Politico Europe", "politico.eu"),
]

# canonical name, kind, oblast, spelling variants seen in reporting
PLACES = [
    ("Bakhmut", "city", "Donetsk Oblast", ["Artemivsk", "Artyomovsk"]),
    ("Toretsk", "city", "Donetsk Oblast", ["Dzerzhinsk"]),
    ("Chasiv Yar", "town", "Donetsk Oblast", []),
    ("Vuhledar", "town", "Donetsk Oblast", ["Ugledar"]),
    ("Avdiivka", "city", "Donetsk Oblast", ["Avdeyevka"]),
    ("Pokrovsk", "city", "Donetsk Oblast", ["Krasnoarmeysk"]),
    ("Marinka", "town", "Donetsk Oblast", ["Maryinka"]),
    ("Kramatorsk", "city", "Donetsk Oblast", []),
    ("Sloviansk", "city", "Donetsk Oblast", ["Slavyansk"]),
    ("Kostiantynivka", "city", "Donetsk Oblast", ["Konstantinovka"]),
    ("Soledar", "town", "Donetsk Oblast", []),
    ("Siversk", "town", "Donetsk Oblast", []),
    ("Kurakhove", "town", "Donetsk Oblast", ["Kurakhovo"]),
    ("Selydove", "town", "Donetsk Oblast", []),
    ("Myrnohrad", "town", "Donetsk Oblast", ["Dimitrov"]),
    ("Lyman", "town", "Donetsk Oblast", []),
    ("Mariupol", "city", "Donetsk Oblast", []),
    ("Sievierodonetsk", "city", "Luhansk Oblast", ["Severodonetsk", "Syevyerodonetsk"]),
    ("Lysychansk", "city", "Luhansk Oblast", []),
    ("Kreminna", "town", "Luhansk Oblast", []),
    ("Kupiansk", "city", "Kharkiv Oblast", ["Kupyansk"]),
    ("Vovchansk", "town", "Kharkiv Oblast", ["Volchansk"]),
    ("Kharkiv", "city", "Kharkiv Oblast", ["Kharkov"]),
    ("Izium", "city", "Kharkiv Oblast", ["Izyum"]),
    ("Kherson", "city", "Kherson Oblast", []),
    ("Zaporizhzhia", "city", "Zaporizhzhia Oblast", ["Zaporozhye"]),
    ("Orikhiv", "town", "Zaporizhzhia Oblast", []),
    ("Huliaipole", "town", "Zaporizhzhia Oblast", ["Gulyaipole"]),
    ("Robotyne", "village", "Zaporizhzhia Oblast", ["Rabotino"]),
    ("Krynky", "village", "Kherson Oblast", []),
    ("Klishchiivka", "village", "Donetsk Oblast", []),
    ("Andriivka", "village", "Donetsk Oblast", []),
    ("Novomykhailivka", "village", "Donetsk Oblast", []),
    ("Ivanivske", "village", "Donetsk Oblast", []),
    ("Krasnohorivka", "town", "Donetsk Oblast", []),
    ("Niu-York", "town", "Donetsk Oblast", ["New York"]),
    ("Synkivka", "village", "Kharkiv Oblast", []),
    ("Staromaiorske", "village", "Donetsk Oblast", []),
    ("Sumy", "city", "Sumy Oblast", []),
    ("Nikopol", "city", "Dnipropetrovsk Oblast", []),
]
OBLASTS = ["Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson", "Sumy", "Dnipropetrovsk"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# name as written, canonical claimant, side, is a person (for "He added that ...")
CLAIMANTS = {
    "ukraine": [
        ("Ukrainian President Volodymyr Zelensky", "Volodymyr Zelensky", True),
        ("President Volodymyr Zelenskiy", "Volodymyr Zelensky", True),
        ("the General Staff of Ukraine's armed forces", "General Staff of the Armed Forces of Ukraine", False),
        ("Ukraine's military", "Ukrainian military", False),
        ("Serhiy Cherevatyi, a spokesperson for Ukraine's eastern group of forces", "Serhiy Cherevatyi", True),
        ("Pavlo Kyrylenko, the governor of Donetsk region", "Pavlo Kyrylenko", True),
        ("Vadym Filashkin, the regional governor", "Vadym Filashkin", True),
        ("Kharkiv regional governor Oleh Syniehubov", "Oleh Syniehubov", True),
        ("Ukrainian officials", "Ukrainian officials", False),
        ("Colonel General Oleksandr Syrskyi", "Oleksandr Syrskyi", True),
        ("the regional military administration", "regional military administration", False),
        ("Ukraine's defence ministry", "Ministry of Defence of Ukraine", False),
    ],
    "russia": [
        ("the Russian Ministry of Defense", "Russian Ministry of Defense", False),
        ("Russia's defence ministry", "Russian Ministry of Defense", False),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", True),
        ("Yevgeny Prigozhin, the founder of the Wagner group", "Yevgeny Prigozhin", True),
        ("Denis Pushilin, the Russian-installed head of Donetsk region", "Denis Pushilin", True),
        ("Russian Defence Minister Sergei Shoigu", "Sergei Shoigu", True),
        ("Moscow", "Moscow", False),
        ("the Kremlin", "the Kremlin", False),
        ("Vladimir Saldo, the Moscow-installed governor of Kherson region", "Vladimir Saldo", True),
    ],
    "third_party": [
        ("the Institute for the Study of War", "Institute for the Study of War", False),
        ("the UN human rights monitoring mission in Ukraine", "UN Human Rights Monitoring Mission", False),
        ("British military intelligence", "UK Ministry of Defence", False),
        ("Western officials", "Western officials", False),
        ("U.S. officials", "U.S. officials", False),
        ("a senior NATO official", "NATO", True),
        ("the International Committee of the Red Cross", "ICRC", False),
        ("the Pentagon", "Pentagon", False),
    ],
}
SAY = ["said", "said on {wd}", "reported", "said in a statement", "told reporters", "claimed",
       "said late on {wd}", "wrote on Telegram", "said in its daily update", "estimated"]

SUBJECTS = {
    "russia": ["Russian soldiers", "Russian troops", "Russian servicemen", "Wagner fighters",
               "Russian fighters", "Russian paratroopers"],
    "ukraine": ["Ukrainian soldiers", "Ukrainian troops", "Ukrainian servicemen",
                "Ukrainian marines", "Ukrainian fighters"],
    "civilian": ["civilians", "people", "residents", "children", "local residents"],
}
ADJ = {"russia": "Russian", "ukraine": "Ukrainian"}
OTHER = {"russia": "ukraine", "ukraine": "russia"}

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
                8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 15: "fifteen",
                20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}

# --- numbers ------------------------------------------------------------------------


def fmt_num(rng: random.Random, v: int, allow_words: bool = True) -> str:
    if allow_words and v in NUMBER_WORDS and rng.random() < 0.5:
        return NUMBER_WORDS[v]
    if v >= 1_000_000 and v % 100_000 == 0:
        m = v / 1_000_000
        return f"{m:g} million"
    if v >= 1000 and rng.random() < 0.08:
        return f"{v:,}".replace(",", " ")          # "1 100" (thin-space style)
    return f"{v:,}"


def _round_value(rng: random.Random, lo: int, hi: int) -> int:
    v = rng.randint(lo, hi)
    if v >= 10_000:
        v = round(v, -3)
    elif v >= 1000:
        v = round(v, -2)
    elif v >= 200:
        v = round(v, -1)
    return max(v, 1)


QUAL = {
    "more_than": ["more than", "over", "at least"],
    "less_than": ["up to", "nearly", "almost", "just under"],
    "approx": ["about", "around", "some", "roughly", "approximately"],
}
VAGUE = [("dozens of", 24, 99), ("hundreds of", 200, 999), ("several hundred", 200, 900),
         ("a few thousand", 2000, 9999), ("thousands of", 2000, 9999),
         ("tens of thousands of", 20000, 99999)]


def number_phrase(rng: random.Random, lo: int, hi: int, qualifiers=("exact", "more_than", "less_than",
                                                                       "approx", "range", "vague"),
                  allow_words: bool = True):
    """(phrase, gold dict) for a number of people/things between lo and hi."""
    weights = {"exact": 40, "more_than": 18, "less_than": 8, "approx": 14, "range": 10, "vague": 5}
    q = rng.choices(qualifiers, [weights[x] for x in qualifiers])[0]
    if q == "vague":
        word, vlo, vhi = rng.choice([x for x in VAGUE if x[1] <= max(hi, 30)] or VAGUE[:1])
        return word, {"value": None, "low": vlo, "high": vhi, "qualifier": "vague", "optional": True}
    if q == "range":
        a = _round_value(rng, lo, hi)
        b = _round_value(rng, a + 1, max(int(a * 1.6), a + 2))
        if b <= a:
            b = a + 1
        style = rng.random()
        if style < 0.4 and a >= 1000:
            phrase = f"{a:,}-{b:,}"
        elif style < 0.55 and a >= 1000:
            phrase = f"{a:,}\u2013{b:,}"
        elif style < 0.8:
            phrase = f"between {fmt_num(rng, a, False)} and {fmt_num(rng, b, False)}"
        else:
            phrase = f"{fmt_num(rng, a, False)} to {fmt_num(rng, b, False)}"
        return phrase, {"value": None, "low": a, "high": b, "qualifier": "range"}
    v = _round_value(rng, lo, hi)
    n = fmt_num(rng, v, allow_words)
    if q == "exact":
        return n, {"value": v, "low": None, "high": None, "qualifier": "exact"}
    word = rng.choice(QUAL[q])
    low = v if q == "more_than" else None
    high = v if q == "less_than" else None
    return f"{word} {n}", {"value": v, "low": low, "high": high, "qualifier": q}


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# --- the article ---------------------------------------------------------------------


class Article:
    def __init__(self, rng: random.Random, doc_id: str, published: dt.date, place, outlet):
        self.rng = rng
        self.doc_id = doc_id
        self.published = published
        self.place = place          # (canonical, kind, oblast, aliases)
        self.outlet = outlet
        self.paras: list[str] = []
        self.gold: list[dict] = []
        self.last_person = None     # (written, canonical, side) for "He added that ..."
        self.planted: set = set()
        self._fillers: list = []

    # names
    def place_name(self, p=None) -> str:
        p = p or self.place
        if p[3] and self.rng.random() < 0.12:
            return self.rng.choice(p[3])
        return p[0]

    def other_place(self):
        return self.rng.choice(PLACES)

    def weekday_back(self) -> tuple[str, dt.date]:
        back = self.rng.randint(1, 5)
        d = self.published - dt.timedelta(days=back)
        return WEEKDAYS[d.weekday()], d

    def claimant(self, side: str | None = None):
        side = side or self.rng.choices(["ukraine", "russia", "third_party"], [55, 30, 15])[0]
        written, canonical, person = self.rng.choice(CLAIMANTS[side])
        return written, canonical, side, person

    # figures --------------------------------------------------------------------------
    def figure(self) -> None:
        rng = self.rng
        kind = rng.choices(
            ["killed", "wounded", "killed_or_wounded", "captured", "missing", "population_prewar",
             "population_remaining", "evacuated", "attacks", "strikes", "equipment_lost",
             "distance_km", "territory_pct"],
            [18, 14, 9, 5, 3, 6, 6, 7, 10, 7, 6, 5, 3])[0]
        attributed = rng.random() < 0.75
        cl = self.claimant() if attributed else None
        carry = (attributed and self.last_person is not None and rng.random() < 0.25)
        if carry:
            cl = self.last_person
        core, g = getattr(self, "_" + kind)(cl)
        if core is None:
            return
        wd, _ = self.weekday_back()
        if cl is None:
            sentence = cap(core) + "."
            g.update(claimant=None, claimant_side="unattributed")
        else:
            written, canonical, side, person = cl
            if carry:
                sentence = rng.choice(["He added that {c}.", "The statement added that {c}.",
                                       "He also said {c}."]).format(c=core)
                if not person:
                    sentence = f"It added that {core}."
            else:
                say = rng.choice(SAY).format(wd=wd)
                if person:
                    say = say.replace("its daily update", "his daily update")
                if "," in written:      # an apposition: "X, the governor, said"
                    written += ","
                form = rng.random()
                if form < 0.3:
                    sentence = f"{cap(core)}, {written} {say}."
                elif form < 0.55:
                    sentence = f"According to {written.rstrip(',')}, {core}."
                elif form < 0.8:
                    sentence = f"{cap(written)} {say} that {core}."
                else:
                    sentence = f"{cap(core)}, according to {written.rstrip(',')}."
            g.update(claimant=canonical, claimant_side=side)
            self.last_person = cl if person or carry else None
        key = (kind, g.get("value"), g.get("low"), g.get("high"))
        if key in self.planted:     # the scorer counts a repeated figure once; plant each once
            return
        self.planted.add(key)
        g.update(doc=self.doc_id, kind=kind, quote=sentence)
        g.setdefault("optional", False)
        self.paras.append(sentence)
        self.gold.append(g)

    def _where(self):
        """(phrase, canonical place or '*')."""
        r = self.rng.random()
        if r < 0.45:
            p = self.place
        elif r < 0.75:
            p = self.other_place()
        elif r < 0.85:
            ob = self.rng.choice(OBLASTS)
            return f"in the {ob} region", f"{ob} Oblast"
        else:
            return "", "*"
        name = self.place_name(p)
        prep = self.rng.choice(["in", "near", "in and around", "on the outskirts of", "in the area of"])
        return f"{prep} {name}", p[0]

    def _period(self) -> str:
        return self.rng.choice(["", "", "over the past day", "in the past 24 hours", "since the start of the month",
                                "in the past week", "over the weekend", "in the past few days", "last month"])

    def _subject(self, side: str, cl) -> str:
        if side in ("russia", "ukraine") and cl is not None and cl[2] == OTHER[side] and self.rng.random() < 0.3:
            return self.rng.choice(["enemy soldiers", "enemy troops", "enemy servicemen"])
        return self.rng.choice(SUBJECTS[side])

    def _casualty(self, cl, kind, verbs, sides=("russia", "ukraine", "civilian"), lohi=(2, 2500)):
        rng = self.rng
        side = rng.choice(sides)
        lo, hi = lohi if side != "civilian" else (1, 60)
        phrase, g = number_phrase(rng, lo, hi)
        subj = self._subject(side, cl)
        where, place = self._where()
        verb = rng.choice(verbs)
        bits = [phrase, subj, verb, where, self._period()]
        core = " ".join(b for b in bits if b)
        g.update(subject_side=side, place=place)
        return core, g

    def _killed(self, cl):
        if self.rng.random() < 0.2 and cl is not None and cl[2] in ("ukraine", "russia"):
            # "Ukrainian forces killed 300 Russian soldiers near X"
            side = OTHER[cl[2]]
            phrase, g = number_phrase(self.rng, 10, 1500)
            where, place = self._where()
            core = f"{ADJ[cl[2]]} forces killed {phrase} {self._subject(side, cl)} {where}".strip()
            g.update(subject_side=side, place=place)
            return core, g
        return self._casualty(cl, "killed", ["were killed", "have been killed", "died", "have died",
                                             "were slain", "lost their lives", "were killed in shelling"])

    def _wounded(self, cl):
        return self._casualty(cl, "wounded", ["were wounded", "were injured", "have been wounded",
                                              "were severely wounded", "were hurt"])

    def _killed_or_wounded(self, cl):
        rng = self.rng
        if rng.random() < 0.35:
            side = rng.choice(["russia", "ukraine"])
            phrase, g = number_phrase(rng, 100, 30000)
            where, place = self._where()
            loser = "Ukrainian forces" if side == "ukraine" else "Russia"
            core = rng.choice([f"{ADJ[side]} forces have suffered {phrase} casualties {where}",
                               f"{loser} lost {phrase} troops {where}",
                               f"{ADJ[side]} losses {where} stood at {phrase} killed and wounded"]).strip()
            g.update(subject_side=side, place=place)
            return core, g
        return self._casualty(cl, "killed_or_wounded", ["were killed or wounded", "have died or been injured",
                                                        "were killed or injured"],
                              sides=("russia", "ukraine", "civilian"), lohi=(10, 30000))

    def _captured(self, cl):
        return self._casualty(cl, "captured", ["were taken prisoner", "have surrendered",
                                               "were captured"], sides=("russia", "ukraine"), lohi=(2, 400))

    def _missing(self, cl):
        return self._casualty(cl, "missing", ["are still missing", "remain missing",
                                              "were reported missing"], lohi=(2, 300))

    def _population_prewar(self, cl):
        rng = self.rng
        p = self.place if rng.random() < 0.7 else self.other_place()
        phrase, g = number_phrase(rng, 3000, 400000, ("exact", "approx", "more_than"), allow_words=False)
        name = self.place_name(p)
        core = rng.choice([
            f"{name}, which had a pre-war population of {phrase}, has been largely destroyed",
            f"before the invasion, {phrase} people lived in {name}",
            f"{name} had a population of {phrase} before the war",
            f"the pre-war population of {name} was {phrase}",
        ])
        g.update(subject_side="civilian", place=p[0])
        return core, g

    def _population_remaining(self, cl):
        rng = self.rng
        p = self.place if rng.random() < 0.7 else self.other_place()
        phrase, g = number_phrase(rng, 100, 20000, ("exact", "approx", "more_than", "less_than", "vague"),
                                  allow_words=False)
        name = self.place_name(p)
        core = rng.choice([
            f"{phrase} civilians remain in {name}",
            f"{phrase} residents are still living in {name}",
            f"{phrase} people are still trapped in {name}",
            f"only {phrase} residents remain in {name}",
        ])
        g.update(subject_side="civilian", place=p[0])
        return core, g

    def _evacuated(self, cl):
        rng = self.rng
        p = self.place if rng.random() < 0.6 else self.other_place()
        phrase, g = number_phrase(rng, 10, 15000, allow_words=False)
        name = self.place_name(p)
        core = rng.choice([
            f"{phrase} residents were evacuated from {name}",
            f"authorities evacuated {phrase} people from {name}",
            f"{phrase} civilians, including children, have left {name}",
            f"rescuers evacuated {phrase} people from {name} {self._period()}".strip(),
        ])
        g.update(subject_side="civilian", place=p[0])
        return core, g

    def _attacks(self, cl):
        rng = self.rng
        side = "russia" if rng.random() < 0.8 else "ukraine"
        phrase, g = number_phrase(rng, 3, 150, ("exact", "more_than", "approx"))
        where, place = self._where()
        defender = ADJ[OTHER[side]]
        core = rng.choice([
            f"{defender} forces repelled {phrase} {ADJ[side]} attacks {where} {self._period()}",
            f"{phrase} {ADJ[side]} assaults were repelled {where} {self._period()}",
            f"{ADJ[side]} forces launched {phrase} attacks {where} {self._period()}",
        ]).strip()
        core = " ".join(core.split())
        g.update(subject_side=side, place=place)
        return core, g

    def _strikes(self, cl):
        rng = self.rng
        side = "russia" if rng.random() < 0.75 else "ukraine"
        phrase, g = number_phrase(rng, 2, 120, ("exact", "more_than", "approx"))
        where, place = self._where()
        if place == "*" or not where.startswith("in "):
            where, place = f"on {self.place_name()}", self.place[0]
        core = rng.choice([
            f"{ADJ[side]} aircraft launched {phrase} air strikes {where}",
            f"{ADJ[side]} forces carried out {phrase} missile strikes {where}",
            f"{ADJ[side]} forces shelled {where.split(' ', 1)[1]} {phrase} times {self._period()}",
            f"{ADJ[side]} troops launched {phrase} drone strikes {where}",
        ]).strip()
        g.update(subject_side=side, place=place)
        return core, g

    def _equipment_lost(self, cl):
        rng = self.rng
        side = rng.choice(["russia", "ukraine"])
        phrase, g = number_phrase(rng, 2, 80, ("exact", "more_than", "approx"))
        what = rng.choice(["tanks", "armoured vehicles", "artillery systems", "infantry fighting vehicles",
                           "armoured personnel carriers", "howitzers"])
        where, place = self._where()
        core = rng.choice([
            f"{ADJ[OTHER[side]]} forces destroyed {phrase} {ADJ[side]} {what} {where}",
            f"{phrase} {ADJ[side]} {what} were destroyed {where}",
        ]).strip()
        g.update(subject_side=side, place=place)
        return core, g

    def _distance_km(self, cl):
        rng = self.rng
        p = self.other_place()
        v = rng.choice([2, 3, 5, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60])
        unit = rng.choices(["kilometers", "kilometres", "km", "miles"], [35, 30, 20, 15])[0]
        n = fmt_num(rng, v, unit != "km")
        km = round(v * 1.609344, 2) if unit == "miles" else v
        q = "exact"
        qual = ""
        if rng.random() < 0.3:
            qual, q = rng.choice([("about ", "approx"), ("some ", "approx"), ("less than ", "less_than")])
        name = self.place_name(p)
        core = rng.choice([
            f"the town of {name}, {qual}{n} {unit} west of the front line, is under constant fire",
            f"{name} lies {qual}{n} {unit} from the front line",
            f"Russian troops are now {qual}{n} {unit} from {name}",
        ])
        g = {"value": km, "low": None, "high": km if q == "less_than" else None, "qualifier": q,
             "subject_side": None, "place": p[0]}
        return core, g

    def _territory_pct(self, cl):
        rng = self.rng
        if rng.random() < 0.5:
            v = rng.choice([17, 18, 19, 20, 22])
            core = f"Russia now controls about {v}% of Ukraine's territory"
            return core, {"value": v, "low": None, "high": None, "qualifier": "approx",
                          "subject_side": "russia", "place": "*"}
        v = rng.choice([40, 50, 60, 70, 75, 80, 85, 90])
        side = rng.choice(["russia", "ukraine"])
        name = self.place_name()
        who = "Russian forces" if side == "russia" else "Ukrainian troops"
        core = f"{who} control {v} percent of {name}"
        return core, {"value": v, "low": None, "high": None, "qualifier": "exact",
                      "subject_side": side, "place": self.place[0]}

    # events -----------------------------------------------------------------------------
    def event(self) -> None:
        rng = self.rng
        wd, date = self.weekday_back()
        p = self.place if rng.random() < 0.5 else self.other_place()
        name = self.place_name(p)
        side = "russia" if rng.random() < 0.7 else "ukraine"
        a = ADJ[side]
        etype, text = rng.choice([
            ("capture", f"{a} forces captured {name} on {wd}, {self.claimant(side)[0]} said."),
            ("assault", f"{a} troops stormed positions near {name} on {wd}."),
            ("advance", f"{a} forces advanced towards {name} on {wd}, according to {self.claimant('third_party')[0]}."),
            ("withdrawal", f"{ADJ[OTHER[side]]} forces withdrew from {name} on {wd} to avoid encirclement."),
            ("strike", f"A {a} missile struck {name} on {wd}, damaging the railway station."),
            ("evacuation", f"Authorities ordered the evacuation of families with children from {name} on {wd}."),
        ])
        actor = OTHER[side] if etype == "withdrawal" else side
        if etype == "evacuation":
            actor = "ukraine"
        self.paras.append(text)
        self.gold.append({"doc": self.doc_id, "event": etype, "date": date.isoformat(), "date_tol": 1,
                          "place": p[0], "actor_side": actor, "quote": text, "optional": False})

    # traps (not figures) ------------------------------------------------------------------
    def trap(self) -> str:
        rng = self.rng
        name = self.place_name()
        y = rng.choice([2014, 2015, 2016, 2022, 2023])
        m = rng.choice(MONTHS)
        return rng.choice([
            f"{name} has been close to the front line since {y}.",
            f"Russia launched its full-scale invasion on February 24, 2022.",
            f"The offensive began on {m} {rng.randint(1, 28)}, {self.published.year}, after weeks of shelling.",
            f"Oleksandr, {rng.randint(24, 78)}, a retired miner, said he had no plans to leave.",
            f"A {rng.randint(30, 80)}-year-old woman said she had spent the winter in a basement.",
            f"Russian Su-25 and Su-34 jets have been dropping glide bombs on the town.",
            f"Soldiers of the {rng.choice(['93rd', '24th', '3rd', '47th', '110th', '72nd'])} Brigade have held the line there for months.",
            f"The United States announced a new ${rng.choice([1.2, 2.5, 400, 325])} {rng.choice(['billion', 'million'])} military aid package.",
            f"Russia claimed to have taken {rng.choice(['two', 'three', 'four', 'five'])} villages in the area this month.",
            f"The fighting has gone on for {rng.randint(2, 14)} months without a pause.",
            f"Ukraine is short of 155mm artillery shells, commanders say.",
            f"The T-0504 road and the H-20 highway are within range of Russian artillery.",
            f"About {rng.choice([70, 80, 90])}% of buildings in {name} have been destroyed or damaged.",
            f"Ukraine expects to receive its first F-16 fighter jets and more HIMARS launchers this year.",
            f"The town covers an area of {rng.randint(20, 90)} square kilometres.",
            f"Sirens sounded at 3 a.m. and again shortly after 10:30.",
            f"The {rng.choice(['1st', '2nd', '3rd'])} Army Corps has been redeployed to the {rng.choice(OBLASTS)} region.",
            f"Units of the 2nd Battalion and the 155th Marine Brigade rotated out in {m}.",
            f"Ukraine's 24 regions have been under martial law since {y}.",
        ])

    # filler (no numbers) --------------------------------------------------------------------
    def filler(self) -> str:
        if not self._fillers:
            self._fillers = self._filler_pool()
            self.rng.shuffle(self._fillers)
        return self._fillers.pop()

    def _filler_pool(self) -> list[str]:
        rng = self.rng
        name = self.place_name()
        other = self.other_place()[0]
        ob = rng.choice(OBLASTS)
        cw = self.claimant()[0]
        return [
            f"The situation around {name} remains difficult, {cw} said.",
            f"Reuters could not independently verify the battlefield reports.",
            f"Neither side's claims could be independently confirmed.",
            f"Moscow says it is fighting a special military operation to protect Russian speakers; Kyiv and the West call it an unprovoked war of aggression.",
            f"Military analysts say the capture of {name} would open the road to {other}.",
            f"Residents who stayed behind described constant shelling and long queues for water.",
            f"{cap(cw)} said the enemy was trying to break through the defences with small infantry groups.",
            f"The town's central square and the hospital were badly damaged.",
            f"Volunteers have been delivering bread, medicine and generators to the remaining residents.",
            f"The {ob} region has seen some of the heaviest fighting of the war.",
            f"Ukrainian commanders say their strategy is to wear down Russian forces before a counteroffensive.",
            f"Pro-Russian military bloggers said fighting continued on the outskirts of {name}.",
            f"The Kremlin did not immediately respond to a request for comment.",
            f"Electricity and water supplies to {name} have been cut for weeks.",
            f"Satellite images show widespread destruction in the eastern districts of {name}.",
            f"Ukraine has pleaded with its Western allies for more air defence systems and artillery ammunition.",
            f"Russian forces have been advancing slowly towards {other}, taking village by village.",
            f"A local official said the evacuation buses would keep running as long as it was safe.",
            f"Western officials say both sides are suffering heavy losses in the battle.",
            f"The road linking {name} and {other} is under fire from Russian drones.",
            f"Humanitarian groups warned that conditions for civilians were deteriorating fast.",
            f"Many of those who remain are elderly people who say they have nowhere else to go.",
            f"Ukraine's military said the situation on the front line was tense but under control.",
            f"The battle for {name} has become a symbol of resistance for Ukrainians.",
            f"Russia's defence ministry said its forces had improved their positions along the front.",
            f"Analysts said the terrain around {name} favoured the defenders.",
            f"Shops, schools and the railway station in {name} have been closed since the spring.",
            f"In {other}, air raid sirens sounded through the night.",
            f"Officials urged residents to leave while the roads remained open.",
            f"The governor said rescuers were still searching the rubble.",
        ]

    # furniture (page clutter; its numbers are not figures) -------------------------------------
    def furniture(self, fmt: str) -> list[str]:
        rng = self.rng
        name = self.place_name()
        wd, _ = self.weekday_back()
        kind = rng.choice(["readmore", "alsoread", "donation", "caption", "newsletter", "credits", "share"])
        if kind == "readmore":
            return ["READ MORE:",
                    f"Russia launches {rng.randint(40, 150)} drones at Kyiv overnight",
                    f"{rng.randint(3, 9)} things to know about the battle for {name}",
                    f"Ukraine war latest: {rng.randint(2, 30)} killed in strike on {self.other_place()[0]}"]
        if kind == "alsoread":
            return [f"ALSO READ: Russian strike kills {rng.randint(2, 20)} in {self.other_place()[0]}, officials say"]
        if kind == "donation":
            return [f"A Message from {self.outlet[0]}:", "Dear readers,",
                    "We are facing unprecedented challenges. Independent journalism needs your help.",
                    f"If you can, please support us monthly starting from just ${rng.choice([2, 5, 10])}. "
                    f"More than {rng.choice([10, 25, 40])},000 readers already do.",
                    "Remind me later."]
        if kind == "caption":
            return [f"Rescuers work at the site of a Russian missile strike that killed {rng.randint(2, 25)} people "
                    f"in {name}, Ukraine, on {wd}. {rng.choice(['AP', 'REUTERS/Stringer', 'AP Photo/Libkos', 'AFP'])}"]
        if kind == "newsletter":
            return ["Sign up for our daily newsletter",
                    f"Get the {rng.randint(5, 10)} most important stories delivered to your inbox every morning. Subscribe"]
        if kind == "credits":
            return [f"Reporting by Olena Harmash and Max Hunder; Editing by {rng.choice(['Nick Macfie', 'Gareth Jones', 'Alex Richardson'])}",
                    "Our Standards: The Thomson Reuters Trust Principles."]
        return ["Share on Facebook", "Share on X", "Copy link"]


def headline(rng: random.Random, art: Article) -> str:
    name = art.place_name()
    return rng.choice([
        f"Russia steps up assault on {name} as Ukraine rushes in reinforcements",
        f"Ukraine says it repelled attacks around {name}",
        f"Fierce fighting for {name} as civilians flee",
        f"Battle for {name}: what we know",
        f"Kyiv vows to hold {name} despite heavy losses",
        f"Russian forces press towards {name}, officials say",
        f"Residents of {name} endure relentless shelling",
    ])


def build(seed: int, i: int, start: dt.date, days: int) -> tuple[Article, str, list[str]]:
    rng = random.Random(seed * 1_000_003 + i)
    doc_id = f"syn-{i:07d}"
    published = start + dt.timedelta(days=rng.randrange(days))
    art = Article(rng, doc_id, published, rng.choice(PLACES), rng.choice(OUTLETS))
    title = headline(rng, art)
    target = rng.randint(2000, 6000)
    n_fig = rng.randint(4, 12)
    n_ev = rng.randint(1, 3)
    n_trap = rng.randint(1, 3)
    plan = ["f"] * n_fig + ["e"] * n_ev + ["t"] * n_trap
    rng.shuffle(plan)
    furniture_at = rng.randrange(len(plan) + 1) if rng.random() < 0.6 else None
    traps: list[str] = []
    size = 0
    for k, step in enumerate(plan):
        if k == furniture_at:
            art.paras.extend(art.furniture("any"))
            art.last_person = None
        if step == "f":
            art.figure()
        elif step == "e":
            art.event()
            art.last_person = None
        else:
            traps.append(art.trap())
            art.paras.append(traps[-1])
            art.last_person = None
        # filler between, so articles read like articles and reach their size
        size = sum(len(p) + 1 for p in art.paras)
        remaining = len(plan) - k
        want = (target - size) // max(remaining, 1)
        fill = []
        while want > 80 and rng.random() < 0.92:
            s = art.filler()
            fill.append(s)
            want -= len(s)
        if fill:
            art.paras.append(" ".join(fill[:2]))
            art.paras.extend(fill[2:])
            art.last_person = None
    if furniture_at == len(plan):
        art.paras.extend(art.furniture("any"))
    return art, title, traps


# --- formats ----------------------------------------------------------------------------

def dateline(art: Article) -> str:
    city = art.rng.choice(["KYIV", "KRAMATORSK", "KHARKIV", "ZAPORIZHZHIA", "DNIPRO", "MOSCOW"])
    d = art.published
    if art.outlet[0] == "Reuters":
        return f"{city}, {MONTHS[d.month - 1]} {d.day} (Reuters) - "
    return f"{city} \u2014 "


def as_text(art: Article, title: str) -> str:
    paras = list(art.paras)
    if art.rng.random() < 0.5:
        paras[0] = dateline(art) + paras[0]
    return title + "\n" + "\n".join(paras) + "\n"


def as_html(art: Article, title: str) -> str:
    e = htmlmod.escape
    rng = art.rng
    outlet, domain = art.outlet
    url = f"https://www.{domain}/world/europe/{art.doc_id}"
    body = []
    i = 0
    paras = art.paras
    while i < len(paras):
        p = paras[i]
        if p.startswith(("READ MORE", "ALSO READ")) or p.startswith("A Message from") or p.startswith("Sign up"):
            block = [p]
            i += 1
            while i < len(paras) and not any(p2 in paras[i] for p2 in (".",)) and len(block) < 6:
                block.append(paras[i])
                i += 1
            body.append('<aside class="related"><h3>' + e(block[0]) + "</h3><ul>" +
                        "".join(f'<li><a href="/news/{k}">{e(b)}</a></li>' for k, b in enumerate(block[1:])) +
                        "</ul></aside>")
            continue
        if " on " in p and p.rstrip().endswith(("AP", "REUTERS/Stringer", "AP Photo/Libkos", "AFP")):
            body.append(f'<figure><img src="/img/{art.doc_id}.jpg" alt=""><figcaption>{e(p)}</figcaption></figure>')
        else:
            body.append(f"<p>{e(p)}</p>")
        i += 1
    d = art.published.isoformat()
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ("World", "Europe", "Ukraine", "Business", "Opinion"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(title)} | {e(outlet)}</title>
<meta property="og:title" content="{e(title)}">
<meta property="og:site_name" content="{e(outlet)}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{d}T{rng.randint(5, 22):02d}:{rng.randint(0, 59):02d}:00Z">
<link rel="canonical" href="{url}">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}};gtag('js',new Date());var ads={{slots:[1,2,3]}};</script>
<style>body{{font-family:serif}} .ad{{height:250px}}</style>
</head><body>
<header><nav><ul>{nav}</ul></nav><div class="ad">Advertisement</div></header>
<main><article>
<h1>{e(title)}</h1>
<p class="byline">By Staff Reporter</p><time datetime="{d}">{MONTHS[art.published.month - 1]} {art.published.day}, {art.published.year}</time>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
{chr(10).join(body)}
</article></main>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Top 10 stories of the week</a></li><li><a href="/b">Live: war in Ukraine, day 400</a></li></ol></aside>
<footer><p>&copy; {art.published.year} {e(outlet)}. All rights reserved.</p><iframe src="https://ads.example/frame"></iframe></footer>
<script src="/static/app.js"></script><script>var t=setTimeout(function(){{}},1000);</script>
</body></html>
"""


def record(art: Article, title: str) -> dict:
    outlet, domain = art.outlet
    return {"id": art.doc_id, "title": title, "source": outlet,
            "url": f"https://www.{domain}/news/{art.doc_id}", "published": art.published.isoformat(),
            "text": "\n".join(art.paras)}


def parse_mix(s: str) -> dict[str, int]:
    out = {}
    for part in s.split(","):
        k, _, v = part.partition("=")
        k = k.strip()
        if k not in DEFAULT_MIX:
            raise SystemExit(f"unknown format {k!r} in --mix (use txt, html, json, jsonl)")
        out[k] = int(v)
    return out


def corpus_dir(out: Path, n: int, seed: int, mix: dict[str, int], first: int = 0) -> Path:
    tag = "" if mix == DEFAULT_MIX else "-" + "-".join(f"{k}{v}" for k, v in mix.items())
    return Path(out) / f"corpus-n{n}-s{seed}{tag}{f'-from{first}' if first else ''}"


def generate(n: int, seed: int = 7, out: Path = DEFAULT_OUT, mix: dict[str, int] | None = None,
             force: bool = False, quiet: bool = False, target: Path | None = None, first: int = 0) -> Path:
    """Write the corpus (or reuse an identical one) and return its folder. `first`: index of
    the first article, so articles first..first+n-1 extend a corpus of `first` articles."""
    mix = dict(mix or DEFAULT_MIX)
    root = Path(target) if target else corpus_dir(out, n, seed, mix, first)
    info_path = root / "corpus.json"
    if info_path.exists() and not force:
        info = json.loads(info_path.read_text())
        if info.get("version") == GENERATOR_VERSION and info.get("n") == n and info.get("seed") == seed \
                and info.get("mix") == mix and info.get("first", 0) == first:
            return root
    if root.exists():
        import shutil
        shutil.rmtree(root)
    root.mkdir(parents=True)
    t0 = time.perf_counter()
    start, days = dt.date(2022, 3, 1), (dt.date(2025, 6, 30) - dt.date(2022, 3, 1)).days
    fmts = list(mix)
    weights = [mix[f] for f in fmts]
    fmt_rng = random.Random(seed)
    counts = {f: 0 for f in fmts}
    nbytes = 0
    n_fig = n_ev = 0
    manifest_rows = []
    jsonl_fh = None
    jsonl_count = 0
    json_pending: list[dict] = []
    json_files = 0

    def flush_json():
        nonlocal json_files, nbytes
        if not json_pending:
            return
        d = root / "json"
        d.mkdir(exist_ok=True)
        data = json_pending[0] if len(json_pending) == 1 else list(json_pending)
        name = json_pending[0]["id"] if len(json_pending) == 1 else f"batch-{json_files:05d}"
        raw = json.dumps(data, ensure_ascii=False, indent=1)
        (d / f"{name}.json").write_text(raw, encoding="utf-8")
        nbytes += len(raw.encode())
        json_files += 1
        json_pending.clear()

    with open(root / "gold.jsonl", "w", encoding="utf-8") as gold_fh, \
            open(root / "docs.jsonl", "w", encoding="utf-8") as docs_fh:
        for i in range(first, first + n):
            fmt = fmt_rng.choices(fmts, weights)[0]
            art, title, _ = build(seed, i, start, days)
            counts[fmt] += 1
            if fmt == "txt":
                d = root / "txt" / f"{counts[fmt] // FILES_PER_DIR:03d}"
                d.mkdir(parents=True, exist_ok=True)
                raw = as_text(art, title)
                (d / f"{art.doc_id}.txt").write_text(raw, encoding="utf-8")
                nbytes += len(raw.encode())
                outlet, domain = art.outlet
                manifest_rows.append((art.doc_id, art.published.isoformat(), outlet,
                                      f"https://www.{domain}/news/{art.doc_id}"))
            elif fmt == "html":
                d = root / "html" / f"{counts[fmt] // FILES_PER_DIR:03d}"
                d.mkdir(parents=True, exist_ok=True)
                raw = as_html(art, title)
                (d / f"{art.doc_id}.html").write_text(raw, encoding="utf-8")
                nbytes += len(raw.encode())
            elif fmt == "json":
                json_pending.append(record(art, title))
                if art.rng.random() < 0.6 or len(json_pending) >= 20:
                    flush_json()
            else:
                if jsonl_fh is None or jsonl_count >= JSONL_PER_FILE:
                    if jsonl_fh:
                        jsonl_fh.close()
                    (root / "jsonl").mkdir(exist_ok=True)
                    jsonl_fh = open(root / "jsonl" / f"part-{counts[fmt] // JSONL_PER_FILE:05d}.jsonl",
                                    "w", encoding="utf-8")
                    jsonl_count = 0
                raw = json.dumps(record(art, title), ensure_ascii=False) + "\n"
                jsonl_fh.write(raw)
                nbytes += len(raw.encode())
                jsonl_count += 1
            for g in art.gold:
                gold_fh.write(json.dumps(g, ensure_ascii=False) + "\n")
                if "kind" in g:
                    n_fig += 1
                else:
                    n_ev += 1
            docs_fh.write(json.dumps({"doc": art.doc_id, "published": art.published.isoformat(),
                                      "published_tol": 0, "source": art.outlet[0], "fmt": fmt}) + "\n")
            if not quiet and (i + 1) % 10000 == 0:
                print(f"  generated {i + 1:,} articles", file=sys.stderr)
        flush_json()
        if jsonl_fh:
            jsonl_fh.close()
    if manifest_rows:
        with open(root / "txt" / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["doc_id", "published", "source", "url"])
            w.writerows(manifest_rows)
    info = {"version": GENERATOR_VERSION, "n": n, "seed": seed, "mix": mix, "first": first, "counts": counts,
            "bytes": nbytes, "gold_figures": n_fig, "gold_events": n_ev,
            "seconds": round(time.perf_counter() - t0, 1)}
    info_path.write_text(json.dumps(info, indent=1))
    return root


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="parent folder (default bench/out)")
    ap.add_argument("--mix", default=",".join(f"{k}={v}" for k, v in DEFAULT_MIX.items()),
                    help="format weights, e.g. txt=50,html=15,json=10,jsonl=25")
    ap.add_argument("--force", action="store_true", help="regenerate even if an identical corpus exists")
    args = ap.parse_args(argv)
    root = generate(args.n, args.seed, args.out, parse_mix(args.mix), force=args.force)
    info = json.loads((root / "corpus.json").read_text())
    print(f"{root}: {info['n']:,} articles, {info['bytes'] / 1e6:.1f} MB, {info['gold_figures']:,} planted figures, "
          f"{info['gold_events']:,} events, formats {info['counts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
