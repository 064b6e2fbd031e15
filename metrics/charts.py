"""Plotly figures for the Overview timeline and the City page. Offline: no geo scope (it fetches
topojson from a CDN), no tiles; the map is metrics/place_map.py, claims over time are
metrics/claim_charts.py. Every text from the data goes through chart_text.plain."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import claim_charts
from .chart_text import BR, bold, plain, wrap
from .plotfig import figure
from .style import event_label, fmt_day, fmt_num, side_color, side_label

FONT = dict(size=11)
LAYOUT = dict(separators=".,", hoverlabel=dict(align="left"), font=dict(size=12), showlegend=False)
ROW = 22              # pixels per timeline row: every city keeps its label


def _period(d, agg: str) -> str:
    return f"week of {fmt_day(d)}" if agg == "week" else f"{pd.Timestamp(d):%B %Y}"


def timeline(df: pd.DataFrame, agg: str = "week") -> go.Figure:
    """Figures and events per period and place: a heatmap, one labelled row per place (the
    busiest first), so every place keeps its name however many there are."""
    cities = list(dict.fromkeys(df["city"]))
    freq = "W-MON" if agg == "week" else "MS"
    lo, hi = pd.Timestamp(df["bucket"].min()), pd.Timestamp(df["bucket"].max())
    buckets = pd.date_range(lo, hi, freq=freq) if lo != hi else pd.DatetimeIndex([lo])
    if len(buckets) == 0 or buckets[0] != lo:
        buckets = pd.DatetimeIndex([lo]).append(buckets)
    grid = df.assign(bucket=pd.to_datetime(df["bucket"]))
    fig_ = grid.pivot_table(index="city", columns="bucket", values="figures", aggfunc="sum")
    ev_ = grid.pivot_table(index="city", columns="bucket", values="events", aggfunc="sum")
    fig_ = fig_.reindex(index=cities, columns=buckets).fillna(0).astype(int)
    ev_ = ev_.reindex(index=cities, columns=buckets).fillna(0).astype(int)
    z = (fig_ + ev_).to_numpy()
    names = [plain(c) for c in cities]
    # hover from a template over per-cell counts, not a string per cell: 50 places x 3 years of
    # weeks is 7,800 cells, and their strings were most of a megabyte for the browser to parse
    period = "week of %{x|%-d %b %Y}" if agg == "week" else "%{x|%B %Y}"
    n = len(cities)
    heat = dict(type="heatmap", x=buckets, y=names, z=np.where(z > 0, z, np.nan),
                customdata=np.dstack([fig_.to_numpy(), ev_.to_numpy()]), hoverongaps=False,
                hovertemplate=f"<b>%{{y}}</b> · {period}<br>%{{customdata[0]:,}} figures · "
                              "%{customdata[1]:,} events<extra></extra>",
                colorscale=[[0, "#dadaeb"], [1, "#3f007d"]], xgap=1, ygap=1, showscale=True,
                colorbar=dict(title=dict(text="figures + events", side="right", font=FONT), thickness=10,
                              len=min(1, 260 / (n * ROW + 60)), y=1, yanchor="top", tickfont=FONT))
    layout = dict(LAYOUT, height=70 + ROW * n, margin=dict(l=10, r=10, t=10, b=40), plot_bgcolor="#ffffff",
                  yaxis=dict(type="category", categoryorder="array", categoryarray=names, autorange="reversed",
                             tickfont=FONT, showgrid=False, zeroline=False, automargin=True, fixedrange=True),
                  xaxis=dict(type="date", tickformat="%-d %b %Y" if agg == "week" else "%b %Y", tickfont=FONT,
                             showgrid=False))
    return figure([heat], layout)


# --- City page --------------------------------------------------------------------------------

def population(df: pd.DataFrame, gazetteer: int | None) -> go.Figure:
    """Population claims: before the war and remaining in their own panels, colour = who says
    so, with the gazetteer's pre-war figure as a dotted line."""
    order = [k for k in ("population_prewar", "population_remaining") if k in set(df["kind"])]
    titles = {"population_prewar": "Population before the war", "population_remaining": "Population remaining"}

    def panels(d):
        return d["kind"], [(k, f"{bold(titles[k])} · {plain('people')}") for k in order]
    refs = {"population_prewar": (gazetteer, f"gazetteer (pre-war): {fmt_num(gazetteer)}")} if gazetteer else None
    return claim_charts.over_time(df, panels=panels, refs=refs, label_city=False)


_UNIT = re.compile(r"^\s*(?:km|kilomet(?:er|re)s?|miles?|mi)\b[\s,]*", re.I)
_CUT = re.compile(r"[,;.:()\u2014\u2013]|\s-\s")


def distance_label(sentence: str, rel_end: int, words: int = 6) -> str:
    """What a distance is measured to, from the words after the number: '7 kilometres from
    Kupiansk, ...' -> 'from Kupiansk'; 'five kilometres west of the front line' -> 'west of
    the front line'. Empty when the sentence says nothing after it."""
    if not isinstance(sentence, str) or rel_end is None or rel_end != rel_end:
        return ""
    tail = _UNIT.sub("", sentence[int(rel_end):])
    tail = _CUT.split(tail, maxsplit=1)[0].strip()
    return " ".join(tail.split()[:words])


def distances(df: pd.DataFrame) -> go.Figure:
    """Distances mentioned over time (km), labelled with what they are measured to."""
    df = df.copy()
    df["to"] = [distance_label(s, e) or "(distance)" for s, e in zip(df["sentence"], df["rel_end"])]
    df["claim"] = [f"{c} km" for c in df["claim"]]
    df["hover"] = [f"{bold(c)} {plain(t)}{BR}{plain(side_label(s))} says"
                   + (f" ({plain(w, 60)})" if isinstance(w, str) else "")
                   + f"{BR}{plain(fmt_day(d))}{BR}{BR}“{wrap(sen, 70, 3)}”"
                   for c, t, s, w, d, sen in zip(df["claim"], df["to"], df["claimant_side"], df["claimant"],
                                                 df["date"], df["sentence"])]

    def panels(d):
        return pd.Series("km", index=d.index), [("km", f"{bold('Distances mentioned')} · {plain('km')}")]
    return claim_charts.over_time(df, panels=panels, label_city=False, second_line="to")


def events(df: pd.DataFrame, agg: str = "week") -> go.Figure:
    """Events per period as bubbles, one row per event type and acting side (both named on the
    axis, not only on hover), size = how many."""
    d = df[df["date"].notna()].copy()
    d["bucket"] = pd.to_datetime(d["date"]).dt.to_period("W-SUN" if agg == "week" else "M").dt.start_time
    d["actor_side"] = d["actor_side"].fillna("unknown")
    g = d.groupby(["event_type", "actor_side", "bucket"]).size().rename("n").reset_index()
    rows = sorted({(t, s) for t, s in zip(g["event_type"], g["actor_side"])},
                  key=lambda k: (event_label(k[0]), side_label(k[1])))
    g["row"] = [rows.index((t, s)) for t, s in zip(g["event_type"], g["actor_side"])]
    biggest = max(int(g["n"].max()), 1)
    traces = []
    for side in sorted(g["actor_side"].unique(), key=side_label):
        s = g[g["actor_side"] == side]
        traces.append(dict(
            type="scatter", x=s["bucket"], y=s["row"], mode="markers", name=plain(side_label(side)),
            marker=dict(size=7 + 17 * np.sqrt(s["n"] / biggest), color=side_color(side), opacity=0.85,
                        line=dict(width=0)),
            hovertext=[f"{bold(event_label(t))} by {plain(side_label(side))}{BR}{plain(_period(b, agg))}: "
                       f"{fmt_num(n)} event{'s' if n != 1 else ''}" for t, b, n in zip(s["event_type"], s["bucket"], s["n"])],
            hoverinfo="text"))
    labels = [plain(f"{event_label(t)} · by {side_label(s)}") for t, s in rows]
    lo, hi = g["bucket"].min(), g["bucket"].max()
    # room for the biggest dot (24 px) at either end, however long the span
    pad = max(pd.Timedelta(days=10 if agg == "week" else 20), (hi - lo) * 0.03)
    layout = dict(LAYOUT, height=90 + 30 * len(rows), margin=dict(l=10, r=10, t=10, b=40),
                  yaxis=dict(tickmode="array", tickvals=list(range(len(rows))), ticktext=labels,
                             range=[len(rows) - 0.5, -0.5], tickfont=FONT, automargin=True, showgrid=True,
                             zeroline=False),
                  xaxis=dict(type="date", range=[lo - pad, hi + pad], tickformat="%-d %b %Y", tickfont=FONT))
    return figure(traces, layout)
