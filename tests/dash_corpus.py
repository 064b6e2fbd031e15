"""A database for the dashboard tests: many cities, sides, qualifiers, undated figures and
hostile text, built by the real loader.

(No tests here.) 72 articles from the bench generator (bench/generate.py: 40 front-line
places, every kind, qualifier and claimant side) over four months of 2024, every ninth without
a publication date (their figures are undated unless the text dates them), plus hand-written
articles whose title, outlet, quoted source and sentences carry markup and formula strings
that must show as plain text everywhere.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from bench import generate as gen

N_GENERATED = 72
START, DAYS = dt.date(2024, 1, 1), 120
INJECT_LINK = '<a href="https://evil.example/x">click me</a>'
INJECT_BOLD = "<b>Bold Wire</b>"

HOSTILE = [
    {"id": "hostile-link", "title": INJECT_LINK, "source": INJECT_BOLD, "published": "2024-04-20",
     "url": "https://example.org/hostile-link",
     "text": "TORETSK — Russia's defence ministry said on Thursday that more than 1,100 Ukrainian soldiers "
             f"had been killed near Toretsk over the past week. {INJECT_LINK} <b>bold</b> "
             "Ukraine's General Staff said 250 Russian troops were killed near Toretsk on Wednesday."},
    {"id": "hostile-formula", "title": '=HYPERLINK("http://evil.example","click")', "source": "@Evil Wire",
     "published": "2024-04-22", "url": "https://example.org/hostile-formula",
     "text": "POKROVSK — Officials said about 6,000 residents remain in Pokrovsk <i>tonight</i>, which is "
             "8 km from the front line <script>alert('x')</script>, after 60,000 lived there before the war. "
             "Ukraine's military said fewer than 40 civilians were wounded in Pokrovsk in the past 24 hours."},
    {"id": "undated-hand", "title": "Report with no date", "source": "Undated Wire",
     "text": "KUPIANSK — Ukraine's General Staff said 300 Russian soldiers were killed near Kupiansk. "
             "Russia's defence ministry said between 200 and 300 Ukrainian troops were wounded near Kupiansk."},
]


def records() -> list[dict]:
    out = []
    for i in range(N_GENERATED):
        art, title, _ = gen.build(11, i, START, DAYS)
        rec = gen.record(art, title)
        if i % 9 == 4:
            del rec["published"]
        out.append(rec)
    return out + HOSTILE


def write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "dash.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records()), encoding="utf-8")
    return path


def build(folder: Path) -> Path:
    """The database, built with the CLI's library call."""
    from conftest import build_db
    return build_db(folder, paths=[write(folder)], name="dash.duckdb")
