"""One claim, however often it is told: pipeline.assign_claim_keys on real extraction."""
from __future__ import annotations

import datetime as dt

import pytest

from loaders import pipeline
from loaders.model import Document

PUB = dt.date(2023, 3, 13)


def figures_of(text: str, doc_id: str = "d", published=PUB):
    doc = Document(doc_id=doc_id, text=text, source_path=f"{doc_id}.txt", fmt="txt", published=published)
    return pipeline.extract(doc).figures


def keys(figs, kind):
    return {f.claim_key for f in figs if f.kind == kind}


def test_a_number_told_twice_in_one_article_is_one_claim():
    figs = figures_of(
        "Russia said it had killed more than 220 Ukrainian soldiers in the past day near Bakhmut.\n"
        "More than 220 Ukrainian servicemen were slain, according to the Russian Ministry of Defense.")
    killed = [f for f in figs if f.kind == "killed"]
    assert len(killed) == 2
    assert len(keys(figs, "killed")) == 1


def test_the_same_number_in_two_places_is_two_claims():
    figs = figures_of(
        "Russian shelling killed seven civilians in Kherson on Monday, the governor said.\n"
        "In Kharkiv, seven civilians were killed by a missile strike, the mayor said.")
    killed = [f for f in figs if f.kind == "killed"]
    assert {f.place for f in killed} == {"Kherson", "Kharkiv"}
    assert len(keys(figs, "killed")) == 2


@pytest.mark.parametrize("second,same", [
    ("Bakhmut had a population of about 70,000 before the war.", True),
    ("Bakhmut had a population of about 75,000 before the war.", False),
    ("Chasiv Yar had a population of about 70,000 before the war.", False),
], ids=["same_claim_other_outlet", "other_number", "other_place"])
def test_claims_match_across_articles_on_kind_sides_bounds_place_and_period(second, same):
    a = figures_of("Before the invasion, approximately 70,000 people lived in Bakhmut.", "a")
    b = figures_of(second, "b", dt.date(2023, 3, 1))
    ka, kb = keys(a, "population_prewar"), keys(b, "population_prewar")
    assert len(ka) == len(kb) == 1
    assert (ka == kb) is same


def test_every_figure_gets_a_key():
    figs = figures_of("Ukraine's military said its forces repelled 85 Russian attacks over the past day. "
                      "Seven residents were injured in Donetsk region, the governor said.")
    assert figs and all(f.claim_key for f in figs)
