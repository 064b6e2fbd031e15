"""Plotly figures from metrics DataFrames. Offline: plain cartesian axes only (no geo scope,
which fetches topojson from a CDN; no tiles). Plotly.js itself ships inside Streamlit."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from .overview import outlines
from .style import ITEM_COLORS, color_map, fmt_num, kind_label, side_color, side_label, unit_of

LAYOUT = dict(margin=dict(l=10, r=10, t=40, b=10), legend_title_text="", separators=".,")
BOUND_PATTERNS = {"point": "", "interval": "", "lower bound": "/", "upper bound": "\\", "vague": "."}


def _errors(df: pd.DataFrame) -> pd.DataFrame:
    """Error-bar lengths from low/high around point; open bounds get no bar on that side."""
    df = df.copy()
    df["err_up"] = (df["high"] - df["point"]).clip(lower=0)
    df["err_down"] = (df["point"] - df["low"]).clip(lower=0)
    return df


def timeline(df: pd.DataFrame) -> go.Figure:
    fig = px.scatter(df, x="day", y="city", size="n", color="item", color_discrete_map=ITEM_COLORS,
                     size_max=24, labels={"day": "Date", "city": "City", "n": "Mentions (count)",
                                          "item": ""},
                     title="Figures and events reported, by day and city")
    fig.update_layout(**LAYOUT)
    fig.update_yaxes(title="City")
    return fig


def place_map(points: pd.DataFrame) -> go.Figure:
    xs, ys = outlines()
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=list(xs), y=list(ys), mode="lines", line=dict(color="#9aa0a6", width=0.8),
                             hoverinfo="skip", name="Oblast borders", showlegend=False))
    if not points.empty:
        size = 8 + 30 * np.sqrt(points["activity"] / max(points["activity"].max(), 1))
        text = [f"<b>{n}</b><br>{fmt_num(fc)} figures, {fmt_num(ec)} events"
                for n, fc, ec in zip(points["name"], points["figures"], points["events"])]
        labels = [n if i < 8 else "" for i, n in enumerate(points["name"])]  # busiest 8 named
        fig.add_trace(go.Scatter(x=points["lon"], y=points["lat"], mode="markers+text",
                                 text=labels, textposition="middle right", textfont=dict(size=10),
                                 hovertext=text,
                                 hoverinfo="text", name="Places",
                                 marker=dict(size=size, color="#332288", opacity=0.7,
                                             line=dict(color="white", width=1))))
    fig.update_layout(**LAYOUT, title="Places mentioned, sized by figures + events", height=520,
                      showlegend=False, plot_bgcolor="#f7f7f7")
    fig.update_xaxes(title="Longitude (°E)", range=[22, 40.5], showgrid=False, zeroline=False)
    # 1° of latitude is ~1.5x longer than 1° of longitude at 48°N
    fig.update_yaxes(title="Latitude (°N)", range=[44.2, 52.5], scaleanchor="x", scaleratio=1.5,
                     showgrid=False, zeroline=False)
    return fig


def _dates(fig: go.Figure, dates: pd.Series) -> None:
    """Day-level ticks, and at least a two-week window so one date doesn't zoom to milliseconds."""
    d = pd.to_datetime(dates.dropna())
    if d.empty:
        return
    lo, hi = d.min(), d.max()
    if hi - lo < pd.Timedelta(days=14):
        mid = lo + (hi - lo) / 2
        lo, hi = mid - pd.Timedelta(days=7), mid + pd.Timedelta(days=7)
    fig.update_xaxes(tickformat="%d %b %Y", range=[lo - pd.Timedelta(days=1), hi + pd.Timedelta(days=1)])


def claims_over_time(df: pd.DataFrame, title: str, unit: str = "people", symbol: str = "bound") -> go.Figure:
    """Claims as points with bounds over time, one colour per claimant side."""
    df = _errors(df[df["date"].notna()])
    df = df.assign(who=df["claimant_side"].map(side_label),
                   what=df["kind"].map(kind_label) + " · " + df["subject_side"].map(side_label))
    symbols = ({"lower bound": "triangle-up", "upper bound": "triangle-down", "point": "circle",
                "interval": "diamond", "vague": "circle-open"} if symbol == "bound" else None)
    fig = px.scatter(df, x="date", y="point", color="who", symbol=symbol, color_discrete_map=color_map(),
                     error_y="err_up", error_y_minus="err_down", hover_name="claim",
                     hover_data={"what": True, "claimant": True, "outlet": True, "who": False,
                                 "err_up": False, "err_down": False, "point": False},
                     symbol_map=symbols or {},
                     labels={"date": "Date", "point": f"Claimed ({unit})", "who": "Claimant",
                             "bound": "Bound", "measure": "Population"}, title=title)
    fig.update_traces(marker=dict(size=11))
    fig.update_layout(**LAYOUT)
    fig.update_yaxes(rangemode="tozero", separatethousands=True)
    _dates(fig, df["date"])
    return fig


def population(df: pd.DataFrame, gazetteer: int | None) -> go.Figure:
    fig = claims_over_time(df, "Population: before the war (squares) vs remaining (circles)", symbol="measure")
    for tr in fig.data:
        tr.marker.symbol = "square" if "before the war" in (tr.name or "") else "circle"
    if gazetteer:
        fig.add_hline(y=gazetteer, line_dash="dot", line_color="#555",
                      annotation_text=f"gazetteer population {fmt_num(gazetteer)}")
    return fig


def compare(df: pd.DataFrame, kind: str) -> go.Figure:
    """Bars per city/period, grouped by claimant side, one panel per subject side.
    Hatched bars are one-sided bounds: '/' = at least (more than), '\\' = at most."""
    df = _errors(df)
    df["where"] = df["city"] + "<br>" + df["period"]
    unit = unit_of(kind)
    fig = px.bar(df, x="where", y="point", color="claimant_label", facet_col="subject",
                 barmode="group", error_y="err_up", error_y_minus="err_down", text="claim",
                 pattern_shape="bound", pattern_shape_map=BOUND_PATTERNS,
                 color_discrete_map=color_map(),
                 hover_data={"reports": True, "outlets": True, "basis": True, "where": False},
                 labels={"point": f"Claimed {kind_label(kind)} ({unit})", "claimant_label": "Claimant",
                         "where": "City and period", "subject": "Whose", "bound": "Bound",
                         "reports": "Reports"},
                 title=f"Claimed {kind_label(kind)}: what each side says (cumulative totals and per-period counts are labelled under each bar)")
    fig.update_traces(textposition="outside", cliponaxis=False, textfont_size=11)
    fig.update_layout(**LAYOUT, height=500, uniformtext_minsize=9)
    top = pd.concat([df["high"], df["point"]]).max()
    fig.update_yaxes(separatethousands=True, range=[0, (top if top == top and top > 0 else 1) * 1.18])
    fig.update_xaxes(matches=None)   # each panel lists only its own cities and periods
    fig.for_each_annotation(lambda a: a.update(text=a.text.replace("Whose=", "About: ")))
    return fig


def rates(df: pd.DataFrame) -> go.Figure:
    df = df.assign(where=df["city"].fillna("(no place)") + "<br>" + df["period"],
                   who=df["claimant_side"].map(side_label))
    fig = px.bar(df, x="where", y="per_day", color="who", barmode="group", facet_col="subject",
                 color_discrete_map=color_map(), text=df["per_day"].map(fmt_num),
                 labels={"per_day": "Per day (people/day)", "where": "City and period", "who": "Claimant"},
                 title="Per-day rates (only claims with a known period)")
    fig.update_layout(**LAYOUT)
    fig.update_xaxes(matches=None)
    fig.for_each_annotation(lambda a: a.update(text=a.text.replace("subject=", "About: ")))
    return fig


def events_timeline(df: pd.DataFrame) -> go.Figure:
    df = df[df["date"].notna()].assign(actor=df["actor_side"].map(side_label))
    fig = px.scatter(df, x="date", y="event_type", color="actor", color_discrete_map=color_map(),
                     hover_name="trigger", hover_data={"outlet": True, "actor": False},
                     labels={"date": "Date", "event_type": "Event", "actor": "Acting side"},
                     title="Events")
    fig.update_traces(marker=dict(size=12))
    fig.update_layout(**LAYOUT, height=160 + 40 * df["event_type"].nunique())
    _dates(fig, df["date"])
    return fig


def distances(df: pd.DataFrame) -> go.Figure:
    df = df.assign(label=df["sentence"].str.slice(0, 60) + "…")
    fig = px.bar(df, x="point", y="label", orientation="h", color_discrete_sequence=[side_color(None)],
                 text=df["claim"] + " km", labels={"point": "Distance (km)", "label": ""},
                 title="Distances mentioned")
    fig.update_layout(**LAYOUT, height=max(200, 60 + 30 * len(df)))
    return fig
