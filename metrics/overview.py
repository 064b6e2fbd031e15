"""Overview: headline counts, the activity timeline, the map's places and frames, sidebar options."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .claims import claims
from .db import cached, query
from .filters import Filters, article_where, event_where, figure_where

OUTLINES = Path(__file__).resolve().parent.parent / "data" / "reference" / "ukraine_oblasts.geojson"
# gazetteer kinds that are settlements (the gazetteer may add finer ones)
SETTLEMENTS = ("city", "town", "village", "settlement", "urban-type settlement", "hamlet")
REGIONS = ("oblast", "region", "raion", "district", "hromada")
TIMELINE_CITIES = 40     # rows of the timeline heatmap (busiest first)
MAX_FRAMES = 60          # frames of the map's play-through before it groups by a coarser period
NO_PLACE = "(no place named)"


@cached
def place_columns(db) -> frozenset:
    """The places table's columns (the gazetteer may add `approximate`, `country`, ...)."""
    return frozenset(query(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'places'")
                     ["column_name"])


def _activity(f: Filters, by_day: str | None = None) -> tuple[str, list]:
    """Figures and events per place (a figure's place, else its article's main place), as one
    relation (name, [bucket,] figures, events)."""
    fw, fp = figure_where(f)
    ew, ep = event_where(f)
    day_f = f", date_trunc('{by_day}', f.day) AS bucket" if by_day else ""
    day_e = f", date_trunc('{by_day}', e.day)" if by_day else ""
    keep = " AND bucket IS NOT NULL" if by_day else ""
    return f"""
        SELECT * FROM (
            SELECT f.city AS name{day_f}, count(*) AS figures, 0 AS events
            FROM figures f {fw} GROUP BY ALL
            UNION ALL
            SELECT e.city{day_e}, 0, count(*)
            FROM events e {ew} GROUP BY ALL) t WHERE TRUE{keep}""", fp + ep


@cached
def counts(db, f: Filters) -> dict:
    """The Overview's headline counts, in one query."""
    from .claims import _claim_rows, _figures, claim_table
    aw, ap = article_where(f)
    fw, fp = figure_where(f)
    ew, ep = event_where(f)
    if claim_table(db, f):   # one stored row per claim: no distinct count of millions of keys
        rows, cp = _claim_rows(db, f, ())
        figs = f"SELECT coalesce(sum(figures), 0)::BIGINT AS figures, count(*) AS claims FROM ({rows})"
    else:
        claims_base, cp = _figures(f, ())
        figs = f"SELECT count(*) AS figures, count(DISTINCT hash(ck)) AS claims FROM ({claims_base})"
    # settlements named as the place of a figure or event (not an article's main place, which
    # may be where it was filed, e.g. Moscow), and not oblasts, regions or countries
    r = query(db, f"""
        WITH arts AS (
            SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets,
                   count(*) FILTER (WHERE published IS NULL OR published_how = 'unknown') AS unknown_dates,
                   count(*) FILTER (WHERE published_how = 'inferred') AS inferred_dates,
                   min(published) AS first_date, max(published) AS last_date, max(loaded_at) AS last_load
            FROM articles a {aw}),
        figs AS ({figs}),
        evs AS (SELECT count(*) AS events FROM events e {ew}),
        named AS (SELECT DISTINCT f.place AS name FROM figures f {fw}
                  UNION SELECT DISTINCT e.place FROM events e {ew}),
        places AS (SELECT count(*) FILTER (WHERE p.kind IN (SELECT unnest(?))) AS settlements,
                          count(*) FILTER (WHERE p.kind IN (SELECT unnest(?))) AS regions
                   FROM named JOIN places p USING (name))
        SELECT * FROM arts, figs, evs, places""",
              [*ap, *cp, *ep, *fp, *ep, list(SETTLEMENTS), list(REGIONS)]).iloc[0]
    return {
        "articles": int(r["articles"]), "outlets": int(r["outlets"]), "figures": int(r["figures"]),
        "events": int(r["events"]), "claims": int(r["claims"]), "settlements": int(r["settlements"]),
        "regions": int(r["regions"]), "unknown_dates": int(r["unknown_dates"]),
        "inferred_dates": int(r["inferred_dates"]), "first_date": _date(r["first_date"]),
        "last_date": _date(r["last_date"]),
        "last_load": None if pd.isna(r["last_load"]) else pd.Timestamp(r["last_load"]),
    }


def _date(x):
    return None if pd.isna(x) else pd.Timestamp(x).date()


@cached
def timeline(db, f: Filters, agg: str = "week") -> pd.DataFrame:
    """Figures and events per period (week or month) and place, for the busiest places."""
    act, params = _activity(f, agg if agg in ("week", "month") else "week")
    df = query(db, f"""
        WITH t AS (SELECT coalesce(name, '{NO_PLACE}') AS city, bucket, sum(figures) AS figures,
                          sum(events) AS events FROM ({act}) GROUP BY ALL),
             top AS (SELECT city, sum(figures + events) AS total FROM t GROUP BY city
                     ORDER BY total DESC, city LIMIT {TIMELINE_CITIES})
        SELECT t.*, top.total, (SELECT count(DISTINCT city) FROM t) AS all_cities
        FROM t JOIN top USING (city) ORDER BY top.total DESC, city, bucket""", params)
    df["figures"] = df["figures"].astype(int)
    df["events"] = df["events"].astype(int)
    return df


@cached
def undated(db, f: Filters) -> dict:
    """Figures and events with no date at all (matching every other filter)."""
    import dataclasses
    g = dataclasses.replace(f, start=None, end=None)
    fw, fp = figure_where(g)
    ew, ep = event_where(g)
    row = query(db, f"""
        SELECT (SELECT count(*) FROM figures f {fw} AND f.day IS NULL) AS figures,
               (SELECT count(*) FROM events e {ew} AND e.day IS NULL) AS events""", fp + ep).iloc[0]
    return {"figures": int(row["figures"]), "events": int(row["events"])}


@cached
def map_points(db, f: Filters) -> pd.DataFrame:
    """Gazetteer places with coordinates, with how many figures and events are about them;
    `settlement` tells villages, towns and cities from oblasts and regions."""
    act, params = _activity(f)
    approx = "coalesce(p.approximate, FALSE)" if "approximate" in place_columns(db) else "FALSE"
    df = query(db, f"""
        SELECT p.name, p.kind, p.oblast, p.lat, p.lon, p.population, {approx} AS approximate,
               sum(t.figures)::BIGINT AS figures, sum(t.events)::BIGINT AS events,
               (sum(t.figures) + sum(t.events))::BIGINT AS activity
        FROM ({act}) t JOIN places p USING (name)
        WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL AND p.kind != 'country'
        GROUP BY ALL ORDER BY activity DESC, p.name""", params)
    df["settlement"] = df["kind"].isin(SETTLEMENTS)
    return df


@cached
def map_frames(db, f: Filters, agg: str = "week") -> tuple[pd.DataFrame, str]:
    """Events per period and settlement, with the acting side that did most of them, for the
    map's play-through. Periods coarsen (week -> month -> quarter -> year) until there are at
    most MAX_FRAMES. Returns the rows and the period used."""
    ew, ep = event_where(f)
    # the distinct days first (a few thousand), then the periods they fall in: 7x less work
    sizes = query(db, f"""
        SELECT {", ".join(f"count(DISTINCT date_trunc('{u}', d)) AS {u}"
                          for u in ("week", "month", "quarter", "year"))}
        FROM (SELECT DISTINCT e.day AS d FROM events e {ew})""", ep).iloc[0]
    units = ["week", "month", "quarter", "year"]
    start = units.index(agg) if agg in units else 0
    unit = next((u for u in units[start:] if sizes[u] <= MAX_FRAMES), "year")
    df = query(db, f"""
        SELECT date_trunc('{unit}', e.day) AS bucket, e.city AS name,
               coalesce(e.actor_side, 'unknown') AS actor_side, e.event_type, count(*) AS n
        FROM events e {ew} AND e.day IS NOT NULL AND e.city IS NOT NULL
        GROUP BY ALL""", ep)
    return df, unit


@lru_cache(maxsize=1)
def geojson() -> dict:
    """The shipped oblast outlines (feature id = the gazetteer's oblast name)."""
    try:
        return json.loads(OUTLINES.read_text())
    except (OSError, ValueError):
        return {"type": "FeatureCollection", "features": []}


@lru_cache(maxsize=1)
def outlines() -> tuple[tuple, tuple]:
    """Oblast outlines as one lon/lat path with None breaks (drawn as a single line trace)."""
    xs, ys = [], []
    for feat in geojson()["features"]:
        for poly in feat["geometry"]["coordinates"]:
            for ring in poly:
                xs += [p[0] for p in ring] + [None]
                ys += [p[1] for p in ring] + [None]
    return tuple(xs), tuple(ys)


@cached
def latest_claims(db, f: Filters, n: int = 10) -> pd.DataFrame:
    return claims(db, f, (), n)


@cached
def options(db) -> dict[str, list]:
    """Values the sidebar offers (from the whole database, not the filtered view): from `facets`,
    the counts of each value that every segment keeps (loaders/segments.py), corrections applied."""
    def col(sql):
        return [x for x in query(db, sql).iloc[:, 0].tolist() if x is not None and x == x]
    if "facets" not in _views(db):
        return _options_scanned(db)
    # per column and value: rows holding it now (a segment's replaced rows and corrected rows
    # come in with negative counts)
    live = "(SELECT dim, label, day, sum(n) AS n FROM facets GROUP BY ALL HAVING sum(n) > 0)"
    bounds = query(db, f"SELECT min(day) AS lo, max(day) AS hi FROM {live}").iloc[0]
    dims = lambda *names: ", ".join(f"'{n}'" for n in names)   # noqa: E731
    return {
        "city": col(f"""SELECT label FROM {live} WHERE dim IN ({dims('figures.city', 'events.city',
            'articles.main_place')}) AND label IS NOT NULL GROUP BY label ORDER BY sum(n) DESC, label"""),
        "claimant_side": col(f"SELECT DISTINCT label FROM {live} WHERE dim IN "
                             f"({dims('figures.claimant_side', 'events.claimant_side')}) ORDER BY 1"),
        "subject_side": col(f"SELECT label FROM {live} WHERE dim = 'figures.subject_side' AND label IS NOT NULL "
                            "ORDER BY 1"),
        "kind": col(f"SELECT label FROM {live} WHERE dim = 'figures.kind' ORDER BY 1"),
        "outlet": col(f"SELECT label FROM {live} WHERE dim = 'articles.outlet' AND label IS NOT NULL ORDER BY 1"),
        "min_date": _date(bounds["lo"]), "max_date": _date(bounds["hi"]),
    }


@cached
def _views(db) -> frozenset:
    return frozenset(query(db, "SELECT view_name FROM duckdb_views() WHERE database_name = current_database()")
                     ["view_name"])


def _options_scanned(db) -> dict[str, list]:
    """`options` from every row (a database opened without the reader's views)."""
    def col(sql):
        return [x for x in query(db, sql).iloc[:, 0].tolist() if x is not None and x == x]
    bounds = query(db, """
        SELECT min(d) AS lo, max(d) AS hi FROM (
            SELECT published AS d FROM articles UNION ALL SELECT figure_date FROM figures
            UNION ALL SELECT event_date FROM events)""").iloc[0]
    return {
        "city": col("""SELECT city FROM (
            SELECT city FROM figures UNION ALL SELECT city FROM events
            UNION ALL SELECT main_place FROM articles) t
            WHERE city IS NOT NULL GROUP BY city ORDER BY count(*) DESC, city"""),
        "claimant_side": col("SELECT DISTINCT claimant_side FROM figures UNION SELECT DISTINCT claimant_side FROM events ORDER BY 1"),
        "subject_side": col("SELECT DISTINCT subject_side FROM figures WHERE subject_side IS NOT NULL ORDER BY 1"),
        "kind": col("SELECT DISTINCT kind FROM figures ORDER BY 1"),
        "outlet": col("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1"),
        "min_date": _date(bounds["lo"]), "max_date": _date(bounds["hi"]),
    }
