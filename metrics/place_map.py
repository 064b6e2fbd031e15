"""The Overview map: a real map that needs no server. Plotly's MapLibre `scattermap` with a
style that has no tiles, sprites or fonts (so nothing is fetched), the shipped oblast outlines
as the land (choropleth traces), oblast-level mentions as shaded oblasts, settlements as points, and the
events of each week or month as frames that can be played.

MapLibre draws markers itself: only circles exist without a sprite, so a location the
gazetteer marks approximate is a ring (a white dot inside a coloured one), and regions without
an outline (e.g. Kursk Oblast, the Donbas) are large faint discs. All text goes through
chart_text.plain; labels show on hover only, so none can overlap on a dense front.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .chart_text import BR, bold, plain
from .plotfig import figure
from .style import event_label, fmt_day, fmt_num, side_color, side_label

STYLE = {"version": 8, "sources": {}, "layers": [
    {"id": "background", "type": "background", "paint": {"background-color": "#e8ecef"}}]}
LAND, BORDER, POINT, REGION = "#fbfbf8", "#8f979e", "#332288", "#a08c5b"
HEIGHT = 600
LEGEND_PX = 48     # room above the map for the legend: two lines at 11 px, three when it wraps
FRONT = dict(lat=(44.3, 52.5), lon=(22.0, 40.3))   # all of Ukraine, when nothing is mapped yet


def _size(n: pd.Series, biggest: float, lo: float = 7, hi: float = 30) -> np.ndarray:
    return lo + (hi - lo) * np.sqrt(n.astype(float) / max(float(biggest), 1.0))


def view(points: pd.DataFrame, width_px: float = 480, height_px: float = HEIGHT) -> tuple[dict, float]:
    """Centre and zoom that frame where the activity is (the 3rd-97th percentile of
    settlements weighted by mentions, plus a margin), never closer than a few oblasts. The
    map's width is the browser's: the zoom is for a narrow one (about 480 px), so a phone or
    a narrow window still sees the whole front and a wide one sees more around it."""
    pts = points[points["settlement"]] if "settlement" in points else points
    if pts.empty:
        lat, lon = FRONT["lat"], FRONT["lon"]
    else:
        w = pts["activity"].astype(float).to_numpy()
        lat = _wq(pts["lat"].to_numpy(), w, 0.03), _wq(pts["lat"].to_numpy(), w, 0.97)
        lon = _wq(pts["lon"].to_numpy(), w, 0.03), _wq(pts["lon"].to_numpy(), w, 0.97)
    lat_span = max(lat[1] - lat[0], 1.6) * 1.25
    lon_span = max(lon[1] - lon[0], 2.4) * 1.25
    centre = dict(lat=(lat[0] + lat[1]) / 2, lon=(lon[0] + lon[1]) / 2)
    stretch = 1 / math.cos(math.radians(centre["lat"]))          # Mercator at this latitude
    # MapLibre's world is 512 px wide at zoom 0
    z_lon = math.log2(width_px * 360 / (512 * lon_span))
    z_lat = math.log2(height_px * 360 / (512 * lat_span * stretch))
    return centre, max(3.5, min(z_lon, z_lat, 8.5))


def _wq(x: np.ndarray, w: np.ndarray, q: float) -> float:
    order = np.argsort(x)
    cw = np.cumsum(w[order])
    return float(x[order][min(np.searchsorted(cw, q * cw[-1]), len(x) - 1)])


def _place_hover(df: pd.DataFrame) -> list[str]:
    out = []
    for r in df.itertuples():
        kind = r.kind if isinstance(r.kind, str) else "place"
        where = f"{kind}, {r.oblast}" if isinstance(r.oblast, str) else kind
        extra = f"{BR}location approximate" if bool(r.approximate) else ""
        whole = f"{BR}(the {kind} as a whole)" if not r.settlement else ""
        click = f"{BR}Click to open its City page" if r.settlement else ""
        out.append(f"{bold(r.name)} ({plain(where)}){whole}{BR}{fmt_num(r.figures)} figures · "
                   f"{fmt_num(r.events)} events{extra}{click}")
    return out


def place_map(points: pd.DataFrame, frames: pd.DataFrame, unit: str, geojson: dict,
              coords: pd.DataFrame | None = None) -> go.Figure:
    """points: overview.map_points; frames: overview.map_frames rows (bucket, name, actor_side,
    event_type, n); coords: name -> lat/lon for frame places (default: points)."""
    outlined = [f.get("id") for f in geojson.get("features", [])]
    traces: list[dict] = []
    regions = points[~points["settlement"]]
    shaded = regions[regions["name"].isin(outlined)].set_index("name")
    # the land, its borders and oblasts mentioned as a whole: one choropleth trace (not a map
    # layer: a GeoJSON layer this size makes Streamlit drop a click's selection on redraw)
    if outlined:
        z = [int(shaded["activity"].get(n, 0)) for n in outlined]
        hover = [_place_hover(shaded.loc[[n]].reset_index())[0] if n in shaded.index
                 else f"{bold(n)}{BR}nothing reported about the oblast as a whole" for n in outlined]
        traces.append(dict(
            type="choroplethmap", geojson=geojson, locations=outlined, z=z, featureidkey="id", zmin=0,
            zmax=max(max(z), 1), showscale=False, name="Oblasts as a whole (shade: figures + events)",
            colorscale=[[0, LAND], [min(0.999, 0.5 / max(max(z), 1)), "#f4eee2"], [1, "#e2d2ac"]],
            marker=dict(line=dict(width=0.8, color=BORDER)), hovertext=hover, hoverinfo="text",
            showlegend=bool(len(shaded)), customdata=[[n] for n in outlined]))
    shaded = shaded.reset_index()
    loose = regions[~regions["name"].isin(outlined)]
    if len(loose):
        traces.append(dict(
            type="scattermap", lat=list(loose["lat"]), lon=list(loose["lon"]), mode="markers",
            name="Regions as a whole",
            marker=dict(size=list(_size(loose["activity"], points["activity"].max(), 24, 60)), color=REGION,
                        opacity=0.22),
            hovertext=_place_hover(loose), hoverinfo="text", customdata=[[n] for n in loose["name"]]))
    towns = points[points["settlement"]]
    biggest = towns["activity"].max() if len(towns) else 1
    for approx, name in ((False, "Cities, towns, villages (size: figures + events)"),
                         (True, "Location approximate")):
        sub = towns[towns["approximate"].astype(bool) == approx]
        if sub.empty:
            continue
        size = _size(sub["activity"], biggest)
        hover = _place_hover(sub)
        data = [[n] for n in sub["name"]]
        traces.append(dict(
            type="scattermap", lat=list(sub["lat"]), lon=list(sub["lon"]), mode="markers", name=name,
            customdata=data, marker=dict(size=list(size), color=POINT, opacity=0.55 if approx else 0.7),
            hovertext=hover, hoverinfo="text"))
        if approx:   # a ring: the white centre says "somewhere around here"
            traces.append(dict(
                type="scattermap", lat=list(sub["lat"]), lon=list(sub["lon"]), mode="markers", showlegend=False,
                customdata=data, marker=dict(size=list(np.maximum(size - 5, 2)), color=LAND, opacity=1),
                hovertext=hover, hoverinfo="text"))
    # the legend sits above the map, never over the points (it wraps on a narrow screen)
    centre, zoom = view(points, height_px=HEIGHT - LEGEND_PX)
    layout = dict(
        height=HEIGHT, margin=dict(l=0, r=0, t=LEGEND_PX, b=0), dragmode="pan", hovermode="closest",
        clickmode="event+select", separators=".,",
        legend=dict(orientation="h", x=0, y=1, xanchor="left", yanchor="bottom",
                    font=dict(size=11), itemclick=False, itemdoubleclick=False),
        map=dict(style=STYLE, center=centre, zoom=zoom))
    plays = _frames(traces, layout, frames, unit, coords if coords is not None else points)
    return figure(traces, layout, plays)


def _frame_label(d, unit: str) -> str:
    d = pd.Timestamp(d)
    if unit == "week":
        return f"week of {fmt_day(d)}"
    if unit == "month":
        return f"{d:%B %Y}"
    if unit == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    return f"{d.year}"


def _frames(traces: list, layout: dict, frames: pd.DataFrame, unit: str, coords: pd.DataFrame) -> list[dict]:
    """One frame per period: the settlements with events in it, coloured by the side that
    acted most there (hover lists event types and sides), sized by how many. Adds the
    latest period's trace, the Play/Pause buttons and the slider; returns the frames."""
    if frames.empty:
        return []
    xy = coords.drop_duplicates("name").set_index("name")[["lat", "lon"]]
    ev = frames[frames["name"].isin(xy.index)]
    if ev.empty:
        return []
    # per period and place: total, the side that did most, and one line per side x event type
    lines = (ev.groupby(["bucket", "name", "actor_side", "event_type"], as_index=False)["n"].sum()
             .sort_values(["bucket", "name", "n", "actor_side", "event_type"], ascending=[True, True, False, True, True]))
    lines["line"] = [f"{fmt_num(n)} × {plain(event_label(t).lower())} by {plain(side_label(s))}"
                     for n, t, s in zip(lines["n"], lines["event_type"], lines["actor_side"])]
    sides = (ev.groupby(["bucket", "name", "actor_side"], as_index=False)["n"].sum()
             .sort_values(["bucket", "name", "n", "actor_side"], ascending=[True, True, False, True])
             .drop_duplicates(["bucket", "name"]))
    per = (lines.groupby(["bucket", "name"], sort=True)
           .agg(n=("n", "sum"), detail=("line", lambda x: BR.join(list(x)[:6]))).reset_index()
           .merge(sides[["bucket", "name", "actor_side"]], on=["bucket", "name"]).join(xy, on="name"))
    biggest = per["n"].max()
    idx = len(traces)
    periods = sorted(per["bucket"].unique())
    labels = [_frame_label(p, unit) for p in periods]

    def trace(d: pd.DataFrame, label: str) -> dict:
        return dict(type="scattermap", lat=list(d["lat"]), lon=list(d["lon"]), mode="markers",
                    name="Events in the period (colour: acting side)",
                    marker=dict(size=list(_size(d["n"], biggest, 8, 26)),
                                color=[side_color(s) for s in d["actor_side"]], opacity=0.9),
                    customdata=[[n] for n in d["name"]],
                    hovertext=[f"{bold(n)} · {plain(label)}{BR}{detail}{BR}Click to open its City page"
                               for n, detail in zip(d["name"], d["detail"])], hoverinfo="text")
    groups = dict(tuple(per.groupby("bucket", sort=True)))
    frames_out = [dict(name=lab, data=[trace(groups[p], lab)], traces=[idx]) for p, lab in zip(periods, labels)]
    traces.append(frames_out[-1]["data"][0])
    play = dict(frame=dict(duration=700, redraw=True), transition=dict(duration=0), fromcurrent=True,
                mode="immediate")
    layout["updatemenus"] = [dict(
        type="buttons", direction="left", x=0.01, y=0.02, xanchor="left", yanchor="bottom", pad=dict(r=4, t=4),
        showactive=False, font=dict(size=11),
        buttons=[dict(label="▶ Play", method="animate", args=[None, play]),
                 dict(label="❚❚ Pause", method="animate",
                      args=[[None], dict(frame=dict(duration=0, redraw=False), mode="immediate")])])]
    layout["sliders"] = [dict(
        active=len(periods) - 1, x=0.2, len=0.78, y=0.02, yanchor="bottom", pad=dict(t=0, b=4),
        currentvalue=dict(prefix="Events in ", font=dict(size=12), xanchor="left"),
        # one step per period: the step names would crowd, so only the current one shows
        font=dict(size=1, color="rgba(0,0,0,0)"), ticklen=0, minorticklen=0, bgcolor="#ffffff", bordercolor=BORDER,
        steps=[dict(label=lab, method="animate", args=[[lab], dict(frame=dict(duration=0, redraw=True),
                                                                   mode="immediate")]) for lab in labels])]
    return frames_out
