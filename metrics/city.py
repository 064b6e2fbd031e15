"""One city: population before vs remaining, casualty claims over time, events, distances, figures."""
from __future__ import annotations

import pandas as pd

from .claims import add_bounds
from .db import cached, query
from .filters import Filters, event_where, figure_where
from .style import CASUALTY_KINDS, side_label

FIGURE_COLS = """f.figure_id, f.doc_id, f.kind, f.value, f.value_low, f.value_high, f.qualifier, f.unit,
    f.subject_side, f.claimant, f.claimant_side, coalesce(f.place, a.main_place) AS city,
    f.period_start, f.period_end, f.period_text,
    coalesce(f.figure_date, a.published) AS date, f.sentence, f.number_text,
    a.title, a.outlet, a.published, a.url"""


def _city_filters(f: Filters, city: str) -> Filters:
    return Filters(city=(city,), start=f.start, end=f.end, claimant_side=f.claimant_side,
                   subject_side=f.subject_side, kind=f.kind, outlet=f.outlet)


def _relaxed(f: Filters) -> Filters:
    """Population and distance figures ignore the kind and subject-side filters."""
    return Filters(start=f.start, end=f.end, claimant_side=f.claimant_side, outlet=f.outlet)


@cached
def _city_figures(db, f: Filters, city: str) -> pd.DataFrame:
    """One query per city and filter set; the sections below are slices of it."""
    where, params = figure_where(_city_filters(f, city))
    df = query(db, f"SELECT {FIGURE_COLS} FROM figures f JOIN articles a USING (doc_id) {where} "
                   "ORDER BY date NULLS LAST, f.kind, f.figure_id", params)
    return _bounded(df)


def _slice(df: pd.DataFrame, kinds=None, subjects=()) -> pd.DataFrame:
    if kinds is not None:
        df = df[df["kind"].isin(kinds)]
    if subjects:
        df = df[df["subject_side"].isin(subjects)]
    return df.reset_index(drop=True)


def figures(db, f: Filters, city: str, kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every figure about the city (its place, else the article's main place), with its sentence."""
    allf = _city_figures(db, _relaxed(f), city)
    return _slice(allf, kinds or f.kind or None, f.subject_side)


def _bounded(df: pd.DataFrame) -> pd.DataFrame:
    out = add_bounds(df.assign(last_reported=df["date"]))
    return out.drop(columns=["last_reported"])


def population(db, f: Filters, city: str) -> pd.DataFrame:
    """Pre-war vs remaining population claims by date and claimant, plus the gazetteer's figure."""
    df = _slice(_city_figures(db, _relaxed(f), city), ("population_prewar", "population_remaining"))
    df["measure"] = df["kind"].map({"population_prewar": "before the war",
                                    "population_remaining": "remaining"})
    df.attrs["gazetteer_population"] = gazetteer_population(db, city)
    return df


@cached
def gazetteer_population(db, city: str) -> int | None:
    gaz = query(db, "SELECT population FROM places WHERE name = ? AND population IS NOT NULL", [city])
    return None if gaz.empty else int(gaz["population"].iloc[0])


def casualties(db, f: Filters, city: str) -> pd.DataFrame:
    kinds = tuple(k for k in CASUALTY_KINDS if not f.kind or k in f.kind)
    return _slice(_city_figures(db, _relaxed(f), city), kinds, f.subject_side)


def distances(db, f: Filters, city: str) -> pd.DataFrame:
    return _slice(_city_figures(db, _relaxed(f), city), ("distance_km",))


@cached
def events(db, f: Filters, city: str) -> pd.DataFrame:
    where, params = event_where(_city_filters(f, city))
    df = query(db, f"""
        SELECT e.event_id, e.event_type, coalesce(e.event_date, a.published) AS date, e.date_precision,
               coalesce(e.place, a.main_place) AS city, e.actor_side, e.claimant, e.claimant_side,
               e.sentence, e.trigger, a.title, a.outlet, a.published, a.url
        FROM events e JOIN articles a USING (doc_id) {where}
        ORDER BY date NULLS LAST""", params)
    df["actor"] = df["actor_side"].map(side_label)
    return df
