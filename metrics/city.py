"""One city: casualty claims over time, population before vs remaining, events, distances and
every figure. Charts and tables use one date: the date a figure refers to, else its article's
publication date ("dated" means that date is known); an undated row is listed in the tables
and counted in each chart's note."""
from __future__ import annotations

import dataclasses

import pandas as pd

from . import claims as mclaims
from .claims import add_bounds
from .db import cached, query
from .filters import Filters, event_where, figure_where
from .style import CASUALTY_KINDS, side_label

FIGURE_COLS = """f.figure_id, f.doc_id, f.kind, f.value, f.value_low, f.value_high, f.qualifier, f.unit,
    f.subject_side, f.claimant, f.claimant_side, f.city,
    f.period_start, f.period_end, f.period_text,
    f.day AS date, f.figure_date, f.sentence, f.number_text"""
ARTICLE_COLS = "a.title, a.outlet, a.published, a.published_how, a.url"
POPULATION = ("population_prewar", "population_remaining")
LIMIT = 1000   # figure rows the "every figure" table gets; figure_count() says how many there are


def _city_filters(f: Filters, city: str) -> Filters:
    return dataclasses.replace(f, city=(city,))


def _section(f: Filters, kinds: tuple[str, ...], subjects: tuple[str, ...] = ()) -> Filters:
    """A section's own kinds (population and distances ignore the kind and whose-losses filters)."""
    return dataclasses.replace(f, kind=tuple(kinds), subject_side=tuple(subjects))


def dated_by(figure_date, published, how) -> str:
    """Where a row's date comes from, in words (the same rule for charts and tables)."""
    if figure_date is None or figure_date != figure_date:
        return "no date known"
    if published is not None and published == published and pd.Timestamp(figure_date) == pd.Timestamp(published):
        return "publication date (inferred from the text)" if how == "inferred" else "publication date"
    return "stated in the report"


@cached
def _city_figures(db, f: Filters, city: str, limit: int | None = None) -> pd.DataFrame:
    """A city's figures for one section: each section asks only for its kinds, because a busy
    city has tens of thousands of figures with their sentences. With `limit`, the newest."""
    where, params = figure_where(_city_filters(f, city))
    order = "date DESC NULLS LAST" if limit else "date NULLS LAST"
    tail = f" LIMIT {int(limit)}" if limit else ""
    # pick the rows on the figures' own columns, then join their articles (title, url)
    df = query(db, f"""
        WITH picked AS (SELECT {FIGURE_COLS} FROM figures f {where} ORDER BY {order}, f.kind, f.figure_id{tail})
        SELECT picked.*, {ARTICLE_COLS} FROM picked JOIN articles a USING (doc_id)
        ORDER BY {order}, picked.kind, picked.figure_id""", params)
    out = add_bounds(df.assign(last_reported=df["date"])).drop(columns=["last_reported"])
    out["dated_by"] = [dated_by(d, p, h) for d, p, h in zip(out["figure_date"], out["published"], out["published_how"])]
    return out


def figures(db, f: Filters, city: str, kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every figure about the city (its place, else the article's main place), with its
    sentence: the newest LIMIT of them (figure_count tells the total)."""
    return _city_figures(db, _section(f, kinds or f.kind, f.subject_side), city, LIMIT)


@cached
def figure_count(db, f: Filters, city: str, kinds: tuple[str, ...] = ()) -> int:
    where, params = figure_where(_city_filters(_section(f, kinds or f.kind, f.subject_side), city))
    return int(query(db, f"SELECT count(*) AS n FROM figures f {where}",
                     params)["n"].iloc[0])


@cached
def info(db, city: str) -> dict:
    """What the gazetteer says about a place (kind, oblast, pre-war population)."""
    row = query(db, "SELECT kind, oblast, population FROM places WHERE name = ?", [city])
    if row.empty:
        return {}
    r = row.iloc[0]
    return {"kind": r["kind"], "oblast": None if pd.isna(r["oblast"]) else r["oblast"],
            "population": None if pd.isna(r["population"]) else int(r["population"])}


def gazetteer_population(db, city: str) -> int | None:
    return info(db, city).get("population")


def casualty_kinds(db, f: Filters, city: str) -> list[str]:
    kinds = tuple(k for k in CASUALTY_KINDS if not f.kind or k in f.kind)
    if not kinds:
        return []
    return mclaims.casualty_kinds_present(db, _section(_city_filters(f, city), kinds, f.subject_side))


def casualties(db, f: Filters, city: str, kind: str | None = None, agg: str = "week") -> pd.DataFrame:
    """The city's casualty claims (of one kind, else of every casualty kind the filters allow),
    one row per claim (repeats are one claim); `attrs["info"]` says if they were grouped."""
    kinds = (kind,) if kind else tuple(k for k in CASUALTY_KINDS if not f.kind or k in f.kind) or ("none",)
    df, info = mclaims.over_time(db, _section(_city_filters(f, city), kinds, f.subject_side), kinds, agg)
    df.attrs["info"] = info
    return df


def population(db, f: Filters, city: str) -> pd.DataFrame:
    """Pre-war and remaining population claims, one row per claim."""
    return mclaims.over_time(db, _section(_city_filters(f, city), POPULATION), POPULATION)[0]


def distances(db, f: Filters, city: str) -> pd.DataFrame:
    """Distance claims with their sentences (the chart labels each with what it is measured to)."""
    df = mclaims.over_time(db, _section(_city_filters(f, city), ("distance_km",)), "distance_km")[0]
    if len(df) and df["sentence"].isna().all():
        df = mclaims.with_sentences(db, df.drop(columns=["sentence", "number_text", "rel_start", "rel_end"]))
    return df


def undated(db, f: Filters, city: str, kinds: tuple[str, ...], subjects: tuple[str, ...] = ()) -> int:
    return mclaims.undated(db, _section(_city_filters(f, city), kinds, subjects), kinds)


@cached
def events(db, f: Filters, city: str) -> pd.DataFrame:
    where, params = event_where(_city_filters(f, city))
    df = query(db, f"""
        WITH picked AS (
            SELECT e.event_id, e.doc_id, e.event_type, e.day AS date, e.event_date, e.date_precision, e.city,
                   e.actor_side, e.claimant, e.claimant_side, e.sentence, e.trigger
            FROM events e {where} ORDER BY date DESC NULLS LAST, e.event_id LIMIT {LIMIT})
        SELECT picked.* EXCLUDE (doc_id), a.title, a.outlet, a.published, a.published_how, a.url
        FROM picked JOIN articles a USING (doc_id) ORDER BY date DESC NULLS LAST, event_id""", params)
    df["actor"] = df["actor_side"].map(side_label)
    df["dated_by"] = [dated_by(d, p, h) for d, p, h in zip(df["event_date"].where(df["event_date"].notna(), df["published"]),
                                                           df["published"], df["published_how"])]
    return df


@cached
def event_count(db, f: Filters, city: str) -> dict:
    where, params = event_where(dataclasses.replace(_city_filters(f, city), start=None, end=None))
    dated_where, dparams = event_where(_city_filters(f, city))
    row = query(db, f"""
        SELECT (SELECT count(*) FROM events e {dated_where}) AS shown,
               (SELECT count(*) FROM events e {where} AND e.day IS NULL) AS undated""", dparams + params).iloc[0]
    return {"events": int(row["shown"]), "undated": int(row["undated"])}
