"""Overview: headline counts, the activity timeline, the map's points, and sidebar options."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .claims import claims
from .claims import count as claim_count
from .db import cached, query
from .filters import Filters, article_where, event_where, figure_where

OUTLINES = Path(__file__).resolve().parent.parent / "data" / "reference" / "ukraine_oblasts.geojson"


@cached
def counts(db, f: Filters) -> dict:
    aw, ap = article_where(f)
    fw, fp = figure_where(f)
    ew, ep = event_where(f)
    a = query(db, f"""
        SELECT count(*) AS articles, count(DISTINCT outlet) AS outlets,
               count(*) FILTER (WHERE published IS NULL OR published_how = 'unknown') AS unknown_dates,
               count(*) FILTER (WHERE published_how = 'inferred') AS inferred_dates,
               min(published) AS first_date, max(published) AS last_date,
               max(loaded_at) AS last_load
        FROM articles a {aw}""", ap).iloc[0]
    fig = query(db, f"SELECT count(*) AS n FROM figures f JOIN articles a USING (doc_id) {fw}", fp)
    ev = query(db, f"SELECT count(*) AS n FROM events e JOIN articles a USING (doc_id) {ew}", ep)
    cities = query(db, f"""
        SELECT count(DISTINCT city) AS n FROM (
            SELECT coalesce(f.place, a.main_place) AS city FROM figures f JOIN articles a USING (doc_id) {fw}
            UNION ALL
            SELECT coalesce(e.place, a.main_place) FROM events e JOIN articles a USING (doc_id) {ew}) t
        WHERE city IS NOT NULL""", fp + ep)
    return {
        "articles": int(a["articles"]), "outlets": int(a["outlets"]),
        "figures": int(fig["n"].iloc[0]), "events": int(ev["n"].iloc[0]),
        "claims": claim_count(db, f, (), False)["claims"], "cities": int(cities["n"].iloc[0]),
        "unknown_dates": int(a["unknown_dates"]), "inferred_dates": int(a["inferred_dates"]),
        "first_date": _date(a["first_date"]), "last_date": _date(a["last_date"]),
        "last_load": None if pd.isna(a["last_load"]) else pd.Timestamp(a["last_load"]),
    }


def _date(x):
    return None if pd.isna(x) else pd.Timestamp(x).date()


@cached
def timeline(db, f: Filters) -> pd.DataFrame:
    """Figures and events per day and city (place, else the article's main place)."""
    fw, fp = figure_where(f)
    ew, ep = event_where(f)
    return query(db, f"""
        SELECT day, coalesce(city, '(no place)') AS city, item, count(*) AS n FROM (
            SELECT coalesce(f.figure_date, a.published) AS day, coalesce(f.place, a.main_place) AS city,
                   'figures' AS item FROM figures f JOIN articles a USING (doc_id) {fw}
            UNION ALL
            SELECT coalesce(e.event_date, a.published), coalesce(e.place, a.main_place), 'events'
            FROM events e JOIN articles a USING (doc_id) {ew}) t
        WHERE day IS NOT NULL
        GROUP BY ALL ORDER BY day, city, item""", fp + ep)


@cached
def map_points(db, f: Filters) -> pd.DataFrame:
    """Gazetteer places with coordinates, sized by how many figures and events mention them."""
    fw, fp = figure_where(f)
    ew, ep = event_where(f)
    return query(db, f"""
        WITH act AS (
            SELECT coalesce(f.place, a.main_place) AS name, 1 AS fig, 0 AS ev
            FROM figures f JOIN articles a USING (doc_id) {fw}
            UNION ALL
            SELECT coalesce(e.place, a.main_place), 0, 1 FROM events e JOIN articles a USING (doc_id) {ew})
        SELECT p.name, p.kind, p.oblast, p.lat, p.lon, p.population,
               sum(act.fig)::BIGINT AS figures, sum(act.ev)::BIGINT AS events,
               (sum(act.fig) + sum(act.ev))::BIGINT AS activity
        FROM act JOIN places p ON p.name = act.name
        WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL
        GROUP BY ALL ORDER BY activity DESC""", fp + ep)


@lru_cache(maxsize=1)
def outlines() -> tuple[tuple, tuple]:
    """Oblast outlines as one lon/lat path with None breaks (drawn as a single line trace)."""
    try:
        data = json.loads(OUTLINES.read_text())
    except (OSError, ValueError):
        return (), ()
    xs, ys = [], []
    for feat in data["features"]:
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
    """Values the sidebar offers (from the whole database, not the filtered view)."""
    def col(sql):
        return [x for x in query(db, sql).iloc[:, 0].tolist() if x is not None and x == x]
    bounds = query(db, """
        SELECT min(d) AS lo, max(d) AS hi FROM (
            SELECT published AS d FROM articles UNION ALL SELECT figure_date FROM figures
            UNION ALL SELECT event_date FROM events)""").iloc[0]
    return {
        "city": col("""SELECT city FROM (
            SELECT coalesce(f.place, a.main_place) AS city FROM figures f JOIN articles a USING (doc_id)
            UNION ALL SELECT coalesce(e.place, a.main_place) FROM events e JOIN articles a USING (doc_id)
            UNION ALL SELECT main_place FROM articles) t
            WHERE city IS NOT NULL GROUP BY city ORDER BY count(*) DESC, city"""),
        "claimant_side": col("SELECT DISTINCT claimant_side FROM figures UNION SELECT DISTINCT claimant_side FROM events ORDER BY 1"),
        "subject_side": col("SELECT DISTINCT subject_side FROM figures WHERE subject_side IS NOT NULL ORDER BY 1"),
        "kind": col("SELECT DISTINCT kind FROM figures ORDER BY 1"),
        "outlet": col("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1"),
        "min_date": _date(bounds["lo"]), "max_date": _date(bounds["hi"]),
    }
