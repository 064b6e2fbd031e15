"""The whole pipeline over the five bundled sample articles: every figure they state,
with its side, claimant side and place, and nothing else (no years, distances of
durations, donation appeals or model numbers).

Expectations are written from reading the articles. Claimant sides rely on
loaders/claimants.py and places on loaders/places.py (main city fallback included).
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from loaders import pipeline
from loaders.model import Document

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
NOW = dt.datetime(2025, 1, 1)


def _manifest() -> dict[str, dict]:
    with open(ARTICLES / "manifest.csv", newline="", encoding="utf-8") as fh:
        return {row["doc_id"]: row for row in csv.DictReader(fh)}


def _extract(doc_id: str):
    row = _manifest()[doc_id]
    path = ARTICLES / f"{doc_id}.txt"
    doc = Document(doc_id=doc_id, text=path.read_text(encoding="utf-8"), source_path=str(path), fmt="txt",
                   title=row.get("title") or None, outlet=row.get("source") or None,
                   published=dt.date.fromisoformat(row["published"]) if row.get("published") else None)
    return pipeline.extract(doc, now=NOW)


# (kind, value, low, high, qualifier, subject_side, claimant_side, place, number_text)
EXPECTED = {
    "000_0dabb76494d345aa": [
        ("territory_pct", 20, None, 20, "less_than", "russia", "unattributed", None, "just under a fifth"),
    ],
    "001_25ede7228fdafa9b": [
        ("population_remaining", 1000, 1000, None, "more_than", "civilian", "ukraine", "Toretsk", "More than one thousand"),
        ("population_prewar", 60000, None, None, "approx", "civilian", "ukraine", "Toretsk", "around 60,000"),
    ],
    "002_847ebad0b789be72": [
        ("population_prewar", 80000, None, None, "exact", "civilian", "unattributed", "Bakhmut", "80,000"),
        ("distance_km", 10, None, None, "exact", None, "unattributed", "Chasiv Yar", "10"),
        ("population_remaining", 4000, None, None, "approx", "civilian", "ukraine", "Bakhmut", "around 4,000"),
    ],
    "003_e80530d7726bb50a": [
        ("population_prewar", 70000, None, None, "approx", "civilian", "unattributed", "Bakhmut", "about 70,000"),
        ("attacks", 85, None, None, "exact", "russia", "ukraine", None, "85"),
        ("strikes", 3, None, None, "exact", "ukraine", "ukraine", None, "three"),
    ],
    "004_685030874ad2494d": [
        ("killed", 1100, 1100, None, "more_than", "russia", "ukraine", "Bakhmut", "more than 1,100"),
        ("killed", 220, 220, None, "more_than", "ukraine", "russia", "Bakhmut", "over 220"),
        ("killed", 1100, 1100, None, "more_than", "russia", "ukraine", "Bakhmut", "over 1,100"),   # "enemy soldiers"
        ("wounded", 1500, None, None, "exact", "russia", "ukraine", "Bakhmut", "1,500"),
        ("killed", 220, 220, None, "more_than", "ukraine", "russia", "Bakhmut", "More than 220"),
        ("population_prewar", 70000, None, None, "approx", "civilian", "unattributed", "Bakhmut", "approximately 70,000"),
        ("population_remaining", None, 2000, 9999, "vague", "civilian", "unattributed", "Bakhmut", "a few thousand"),
        ("wounded", 4, None, None, "exact", "civilian", "ukraine", "Bakhmut", "four"),
        ("killed_or_wounded", None, 20000, 30000, "range", "russia", "third_party", "Bakhmut", "20,000–30,000"),
        ("wounded", 7, None, None, "exact", "civilian", "ukraine", "Donetsk Oblast", "seven"),
        ("attacks", 47, None, None, "exact", "russia", "ukraine", None, "47"),
    ],
}


def _row(f):
    return (f.kind, f.value, f.value_low, f.value_high, f.qualifier, f.subject_side, f.claimant_side, f.place,
            f.number_text)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_sample_figures_kind_and_numbers(doc_id):
    got = [_row(f) for f in _extract(doc_id).figures]
    want = [tuple(float(v) if isinstance(v, int) else v for v in w) for w in EXPECTED[doc_id]]
    assert [g[:5] + g[8:] for g in got] == [w[:5] + w[8:] for w in want]


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_sample_figures_side_claimant_place(doc_id):
    got = [_row(f) for f in _extract(doc_id).figures]
    assert [(g[0], g[8], g[5], g[6], g[7]) for g in got] == [(w[0], w[8], w[5], w[6], w[7]) for w in EXPECTED[doc_id]]


def test_sample_spans_index_the_cleaned_text():
    for doc_id in EXPECTED:
        ex = _extract(doc_id)
        for f in ex.figures:
            assert ex.article.text[f.span_start:f.span_end] == f.number_text
            assert ex.article.text[f.sentence_start:f.sentence_start + len(f.sentence)] == f.sentence
            assert f.sentence_start <= f.span_start < f.span_end <= f.sentence_start + len(f.sentence)


def test_sample_periods():
    figs = {f.number_text: f for f in _extract("004_685030874ad2494d").figures}
    assert figs["more than 1,100"].period_text            # "in the past few days"
    assert figs["more than 1,100"].figure_date is not None


def test_editorial_insertions_are_read_through_and_stored_as_written():
    text = ("KHERSON - The head of the city administration said on Monday that more than 9,000 [people] "
            "had been evacuated, and that no more than 30,000 out of [a pre-war population of] 280,000 remain.")
    ex = pipeline.extract(Document(doc_id="brackets", text=text, source_path="brackets.txt", fmt="txt",
                                   published=dt.date(2023, 5, 29)))
    got = {(f.kind, f.value or f.value_low or f.value_high) for f in ex.figures}
    assert {("evacuated", 9000), ("population_remaining", 30000), ("population_prewar", 280000)} <= got
    for f in ex.figures:        # provenance as written: brackets kept, spans index the stored text
        assert "[people]" in f.sentence
        assert ex.article.text[f.span_start:f.span_end] == f.number_text
        assert ex.article.text[f.sentence_start:f.sentence_start + len(f.sentence)] == f.sentence


def test_a_list_of_one_oblasts_districts_does_not_make_it_the_storys_region():
    text = ("Russian troops shelled settlements in the Kupiansk, Izium and Chuhuiv districts.\n"
            "Russian troops also shelled villages in Kherson region overnight.\n"
            "Over the day Kherson region came under fire 114 times.\n"
            "One person was killed, and two others were wounded.")
    ex = pipeline.extract(Document(doc_id="regions", text=text, source_path="regions.txt", fmt="txt",
                                   published=dt.date(2023, 5, 29)))
    assert ex.article is not None
    killed = [f for f in ex.figures if f.kind == "killed"]
    assert killed and killed[0].place != "Kharkiv Oblast"
