"""Markup in every text a chart can show, in real headless Chromium.

The dashboard corpus (tests/dash_corpus.py) carries tags in titles, outlets and sentences; on top,
analysts' corrections (an imported corrections file may hold anything) set a place and a claimant
to markup, so the place becomes a city: a timeline row, a direct label, a hover line. On the
Overview, City and Claims pages every chart's drawn text (ticks, labels, legends, annotations)
and the hover boxes show the tags as characters: no link, no bold or italic made from the data.
"""
from __future__ import annotations

import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

import dash_corpus
from conftest import ROOT
from test_browser import ARGS, CHROMIUM, free_port, wait_healthy
from test_browser_views import DONE, LINKS_IN_CHARTS, hover_text

pytestmark = [pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
              pytest.mark.timeout(600)]

PLACE = '<a href="https://evil.example/x">Evil</a><b>ville</b>'
CLAIMANT = '<i>Quoted</i> <a href="https://evil.example/y">source</a>'
# Words that only appear inside markup: wherever one is drawn, its tags must be drawn with it.
INSIDE = {"ville": "<b>ville</b>", "Quoted": "<i>Quoted</i>", "source</a>": "source</a>",
          "click me": ">click me</a>", "Bold Wire": "<b>Bold Wire</b>", "tonight": "<i>tonight</i>",
          "alert(": "<script>alert("}

# Every text Plotly drew in a chart (not the hover layer): ticks, labels, legends, annotations.
DRAWN = """() => [...document.querySelectorAll('.js-plotly-plot svg.main-svg text')]
  .filter(t => !t.closest('.hoverlayer')).map(t => t.textContent)"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from loaders import corrections as corr
    from metrics import db as mdb
    from metrics import review
    tmp = tmp_path_factory.mktemp("hostile_views")
    db = dash_corpus.build(tmp)
    try:
        # the two killed figures of the Toretsk article, the population and distance figures of the
        # Pokrovsk one and an event: moved to a place written as markup, with a claimant as markup
        rows = mdb.rows(str(db), """SELECT figure_id FROM figures_raw
                                     WHERE doc_id IN ('hostile-link', 'hostile-formula') ORDER BY figure_id""")
        items = [corr.make("figure", review.raw_row(str(db), "figure", r["figure_id"]), "correct",
                           {"place": PLACE, "claimant": CLAIMANT}, note="moved", author="test") for r in rows]
        event = mdb.rows(str(db), "SELECT event_id FROM events_raw ORDER BY event_id LIMIT 1")[0]
        items.append(corr.make("event", review.raw_row(str(db), "event", event["event_id"]), "correct",
                               {"place": PLACE}, note="moved", author="test"))
        corr.save(db, items)
    finally:
        mdb.close_all()
    assert len(items) >= 5
    port = free_port()
    env = {**os.environ, "FRONTLINE_DB": str(db), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def page(server):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        ctx = b.new_context(viewport={"width": 1400, "height": 1600})
        pg = ctx.new_page()
        dialogs = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        yield pg
        assert not dialogs, dialogs      # no script from the data ever ran
        b.close()


def visit(pg, url: str, path: str, title: str, charts: int) -> list[str]:
    """Open a page, wait for its charts; returns the text drawn in them."""
    pg.goto(f"{url}/{path}", wait_until="domcontentloaded")
    pg.get_by_role("heading", name=title).first.wait_for(timeout=120_000)
    pg.wait_for_function(DONE, arg=charts, timeout=120_000, polling=100)
    pg.wait_for_timeout(600)
    errors = pg.locator('[data-testid="stException"]').all_inner_texts()
    assert not errors, errors[0][:2000]
    assert pg.evaluate(LINKS_IN_CHARTS) == 0, path
    return pg.evaluate(DRAWN)


def as_text(texts: list[str], where: str) -> None:
    """Every drawn word that only exists inside markup is drawn with its tags."""
    for t in texts:
        for word, tagged in INSIDE.items():
            if word in t:
                assert tagged in t, (where, t)


def hover(pg, needle: str, where: str) -> str:
    shown = hover_text(pg, needle)
    as_text([shown], where)
    assert pg.evaluate(LINKS_IN_CHARTS) == 0, where
    return shown


def test_markup_in_places_claimants_and_sentences_is_text_in_every_chart(server, page):
    url = server
    escaped_place = '&lt;a href="https://evil.example/x"&gt;Evil'

    # Overview: the map and the busiest places' timeline; then the place alone, a timeline row
    as_text(visit(page, url, "", "Overview", 2), "overview")
    drawn = visit(page, url, "?city=" + urllib.parse.quote(PLACE), "Overview", 2)
    as_text(drawn, "overview, one place")
    assert PLACE in drawn, "the place written as markup is not a timeline row"

    # City: casualties, population, events and distances of the place, their sentences in the hovers
    drawn = visit(page, url, "city?place=" + urllib.parse.quote(PLACE), "City", 4)
    as_text(drawn, "city")
    assert "Distances mentioned · km" in drawn and "Population remaining · people" in drawn, drawn
    shown = hover(page, escaped_place, "city hover")
    assert PLACE in shown and CLAIMANT in shown, shown
    shown = hover(page, "&lt;i&gt;tonight", "city population hover")
    assert "<i>tonight</i>" in shown, shown
    shown = hover(page, "&lt;script&gt;", "city distance hover")
    assert "<script>alert('x')</script>" in shown, shown

    # Claims: every claim as a point (the place labels its own); then the place alone
    drawn = visit(page, url, "claims", "Claims", 1)
    as_text(drawn, "claims")
    shown = hover(page, escaped_place, "claims hover")
    assert PLACE in shown and CLAIMANT in shown, shown
    drawn = visit(page, url, "claims?city=" + urllib.parse.quote(PLACE), "Claims", 1)
    as_text(drawn, "claims, one place")
    hover(page, escaped_place, "claims hover, one place")
