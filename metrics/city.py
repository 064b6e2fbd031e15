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


LIMIT = 5000   # figure rows the "every figure" table gets; figure_count() says how many there are


@cached
def _city_figures(db, f: Filters, city: str, limit: int | None = None) -> pd.DataFrame:
    """A city's figures for one section: each section asks only for its kinds, because a busy
    city has tens of thousands of figures with their sentences. With `limit`, the newest."""
    where, params = figure_where(_city_filters(f, city))
    order = "date DESC NULLS LAST" if limit else "date NULLS LAST"
    tail = f" LIMIT {int(limit)}" if limit else ""
    df = query(db, f"SELECT {FIGURE_COLS} FROM figures f JOIN articles a USING (doc_id) {where} "
                   f"ORDER BY {order}, f.kind, f.figure_id{tail}", params)
    return _bounded(df)


def _section(f: Filters, kinds: tuple[str, ...], subjects: tuple[str, ...] = ()) -> Filters:
    """The relaxed filters narrowed to a section's kinds (and subject sides)."""
    r = _relaxed(f)
    return Filters(start=r.start, end=r.end, claimant_side=r.claimant_side, outlet=r.outlet,
                   kind=tuple(kinds), subject_side=tuple(subjects))


def figures(db, f: Filters, city: str, kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every figure about the city (its place, else the article's main place), with its
    sentence: the newest LIMIT of them (figure_count tells the total)."""
    return _city_figures(db, _section(f, kinds or f.kind, f.subject_side), city, LIMIT)


@cached
def figure_count(db, f: Filters, city: str, kinds: tuple[str, ...] = ()) -> int:
    where, params = figure_where(_city_filters(_section(f, kinds or f.kind, f.subject_side), city))
    return int(query(db, f"SELECT count(*) AS n FROM figures f JOIN articles a USING (doc_id) {where}",
                     params)["n"].iloc[0])


def _bounded(df: pd.DataFrame) -> pd.DataFrame:
    out = add_bounds(df.assign(last_reported=df["date"]))
    return out.drop(columns=["last_reported"])


def population(db, f: Filters, city: str) -> pd.DataFrame:
    """Pre-war vs remaining population claims by date and claimant, plus the gazetteer's figure."""
    df = _city_figures(db, _section(f, ("population_prewar", "population_remaining")), city).copy()
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
    if not kinds:
        kinds = ("none",)   # a kind filter with no casualty kind: no rows, not every kind
    return _city_figures(db, _section(f, kinds, f.subject_side), city)


def distances(db, f: Filters, city: str) -> pd.DataFrame:
    return _city_figures(db, _section(f, ("distance_km",)), city)


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
