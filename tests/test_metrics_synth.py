"""A small hand-made database for metrics tests, written through the real store.

(No tests here: a helper that the pytest name pattern keeps beside the metrics tests.)
Used where a test needs known claims (bounds, repeats, periods) that extraction from
the sample articles may or may not produce yet. Pages are tested on the real sample DB.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from loaders import pipeline, store
from loaders.model import Article, Event, Extracted, Figure

D = dt.date


def article(doc_id, outlet, published, title, text, main_place="Toretsk"):
    return Article(doc_id=doc_id, title=title, outlet=outlet, url=f"https://example.org/{doc_id}",
                   published=published, published_how="given" if published else "unknown",
                   dateline=None, dateline_place=None, main_place=main_place, text=text,
                   original_text=text, content_hash=doc_id, source_path=f"{doc_id}.txt", fmt="txt",
                   loaded_at=dt.datetime(2026, 1, 1, 12, 0))


def figure(doc_id, text, words, kind, value, qualifier="exact", subject="ukraine", claimant_side="russia",
           place="Toretsk", low=None, high=None, period=(None, None), fdate=None, n=0, unit="people"):
    start = text.index(words)
    return Figure(doc_id=doc_id, kind=kind, value=value, value_low=low, value_high=high,
                  qualifier=qualifier, unit=unit, subject_side=subject, claimant=claimant_side.title(),
                  claimant_side=claimant_side, place=place, sentence=text, sentence_start=0,
                  span_start=start, span_end=start + len(words), number_text=words,
                  period_start=period[0], period_end=period[1], figure_date=fdate,
                  figure_id=f"{doc_id}-f{n}")


def docs() -> list[Extracted]:
    t1 = "Russia said more than 1,100 Ukrainian soldiers were killed near Toretsk."
    t2 = "Moscow claimed more than 1,100 Ukrainian soldiers were killed near Toretsk."
    t3 = "Kyiv said between 200 and 300 Russian troops were killed from 1 to 10 October."
    t4 = "=HYPERLINK(\"x\") Officials said fewer than 5,000 of the 30,000 residents remain."
    t5 = "Pokrovsk, 10 km from the front, was shelled; <script>alert(1)</script> dozens killed."
    a1 = article("d1", "Reuters", D(2024, 10, 8), "Toretsk battle", t1)
    a2 = article("d2", "=Evil Outlet", D(2024, 10, 9), "-2+3 headline", t2)
    a3 = article("d3", "Kyiv Independent", D(2024, 10, 11), "Losses", t3)
    a4 = article("d4", "Reuters", None, "@Population", t4)
    a5 = article("d5", "AP", D(2024, 11, 1), "<b>Pokrovsk</b>", t5, main_place="Pokrovsk")
    return [
        Extracted(a1, [figure("d1", t1, "more than 1,100", "killed", 1100, "more_than",
                              fdate=D(2024, 10, 8))],
                  [Event("d1", "assault", D(2024, 10, 7), "day", "Toretsk", "russia", "Ukraine",
                         "ukraine", t1, 0, 0, 6, "Russia", "d1-e0")]),
        Extracted(a2, [figure("d2", t2, "more than 1,100", "killed", 1100, "more_than",
                              fdate=D(2024, 10, 9))]),
        Extracted(a3, [figure("d3", t3, "between 200 and 300", "killed", None, "range", subject="russia",
                              claimant_side="ukraine", low=200, high=300,
                              period=(D(2024, 10, 1), D(2024, 10, 10)), fdate=D(2024, 10, 10))]),
        Extracted(a4, [figure("d4", t4, "fewer than 5,000", "population_remaining", 5000, "less_than",
                              subject="civilian", claimant_side="unattributed", fdate=None),
                       figure("d4", t4, "30,000", "population_prewar", 30000, subject="civilian",
                              claimant_side="unattributed", n=1)]),
        Extracted(a5, [figure("d5", t5, "10 km", "distance_km", 10, place="Pokrovsk", subject=None,
                              claimant_side="unattributed", unit="km", fdate=D(2024, 11, 1)),
                       figure("d5", t5, "dozens", "killed", None, "vague", subject="civilian",
                              claimant_side="unattributed", place="Pokrovsk", low=24, high=99,
                              fdate=D(2024, 11, 1), n=1)],
                  [Event("d5", "strike", D(2024, 11, 1), "day", "Pokrovsk", "russia", None,
                         "unattributed", t5, 0, 27, 34, "shelled", "d5-e0")]),
    ]


PLACES = [("Toretsk", "city", "Donetsk Oblast", 48.398, 37.847, 30000),
          ("Pokrovsk", "city", "Donetsk Oblast", 48.282, 37.176, 60000)]


def make_db(path: Path, items: list[Extracted] | None = None) -> Path:
    items = items if items is not None else docs()
    for x in items:   # the claim keys the pipeline would give these figures
        pipeline.assign_claim_keys(x.figures, x.article.main_place)
    with store.open_writer(path) as con:
        store.write_batch(con, items)
        con.execute("DELETE FROM places")
        con.executemany("INSERT INTO places (name, kind, oblast, lat, lon, population) VALUES (?, ?, ?, ?, ?, ?)", PLACES)
    return Path(path)
