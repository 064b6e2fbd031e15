"""Each page's charts, built once per database version and view (filters, city, kind, period)
and shared by every session and rerun: building a figure from its data costs more than the
cached query that feeds it, and a rerun (any click) would otherwise pay it again."""
from __future__ import annotations

from . import charts, city, claim_charts, claims, overview, place_map
from .db import cached
from .filters import Filters
from .style import unit_of


@cached
def claims_chart(db, f: Filters, kind: str, agg: str, follow: str | None):
    data, info = claims.over_time(db, f, kind, agg)
    return (claim_charts.over_time(data, unit_of(kind), follow) if len(data) else None), info


@cached
def city_casualties(db, f: Filters, name: str, kind: str, agg: str):
    data = city.casualties(db, f, name, kind, agg)
    return (claim_charts.over_time(data, unit_of(kind), follow=name) if len(data) else None), data.attrs["info"]


@cached
def city_population(db, f: Filters, name: str):
    data = city.population(db, f, name)
    return charts.population(data, city.gazetteer_population(db, name)) if len(data) else None


@cached
def city_events(db, f: Filters, name: str, agg: str):
    data = city.events(db, f, name)
    return charts.events(data, agg) if data["date"].notna().any() else None


@cached
def city_distances(db, f: Filters, name: str):
    data = city.distances(db, f, name)
    return charts.distances(data) if len(data) else None


@cached
def overview_map(db, f: Filters, agg: str):
    """The map, the period its frames use, and the settlements a click may open."""
    points = overview.map_points(db, f)
    frames, unit = overview.map_frames(db, f, agg)
    fig = place_map.place_map(points, frames, unit, overview.geojson())
    return fig, unit, len(frames), frozenset(points.loc[points["settlement"], "name"]), points.empty


@cached
def overview_timeline(db, f: Filters, agg: str):
    data = overview.timeline(db, f, agg)
    if data.empty:
        return None, 0, 0
    return charts.timeline(data, agg), data["city"].nunique(), int(data["all_cities"].iloc[0])
