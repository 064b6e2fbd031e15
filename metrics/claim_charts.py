"""Claims over time: one chart per kind of figure, drawn so a reader cannot misread a bound.

- x is the date a claim refers to; y is the number claimed.
- Colour = who says so. One panel per whose losses and per what the number covers: totals to
  date and counts for a stated period never share a panel, let alone a line.
- Bounds are drawn as bounds: "more than N" is an arrow up from N, "fewer than N" an arrow
  down, a range a vertical bar from low to high (dotted when vague), "about N" a hollow
  dot, an exact number a filled dot. A count for a stated period also gets a horizontal bar
  over the days it covers.
- A log scale when a panel's numbers span orders of magnitude (said in the panel title).
- Repeats of one claim are one point; different claims on the same day and value are
  nudged apart so none hides another.
- Direct labels instead of a legend: the latest claim of each side, in its colour, in the
  margin right of its panel, spread so they never overlap (metrics/labels.py), with a thin
  leader to its point. A legend would wrap unpredictably on a narrow screen; the glyph key
  is GLYPH_KEY, shown as text above the chart.
All text from the data goes through chart_text.plain.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .chart_text import BR, bold, plain, wrap
from .labels import spread
from .plotfig import figure
from .style import fmt_day, fmt_num, side_color, side_label, side_rank, whose_label

GLYPHS = {  # qualifier -> (marker symbol, legend text)
    "exact": ("circle", "exact"),
    "approx": ("circle-open", "about (~)"),
    "more_than": ("arrow-bar-up", "more than (≥)"),
    "less_than": ("arrow-bar-down", "fewer than (≤)"),
    "range": ("line-ew", "range (low–high bar)"),
    "vague": ("line-ew-open", "vague (dotted bar)"),
}
GLYPH_KEY = ("● exact · ○ about (~) · ▲ with a bar: more than (≥, a lower bound) · ▼ with a bar: fewer than "
             "(≤, an upper bound) · │ a range from low to high (dotted when the words are vague, e.g. 'dozens') · "
             "— under a count: the days it covers. Colour = who says so; each side is named at the right.")
ROW_PX = 190         # height of one panel
GAP_PX = 44          # between panels: the next panel's title sits here
TOP_PX = 6           # no legend: every side present in a panel is named by its direct label
TITLE_PX = 24        # band at the top of the plot area for the first panel's title
BOTTOM_PX = 44       # date ticks
LABEL_PX = 160       # right margin for direct labels
LABEL_CHARS = 24     # per label line: "Not attributed: ≥ 86,000", "Russia: 200–999 (vague)" whole
# Date ticks as long as their spacing needs ("1 Feb 2024" for days and weeks, "Feb 2024" for
# months, "2024" for years): shorter labels fit a narrow panel without overlapping.
DATE_TICKS = [dict(dtickrange=[None, "M1"], value="%-d %b %Y"), dict(dtickrange=["M1", "M12"], value="%b %Y"),
              dict(dtickrange=["M12", None], value="%Y")]
LINE_PX = 21         # one label line (11 px font; its box is ~17 px); the key's wrapping may
                     # squeeze panels a few per cent, so this keeps a margin
LOG_SPAN = 30        # max/min ratio from which a panel uses a log scale
FONT = dict(size=11)
LAYOUT = dict(separators=".,", hoverlabel=dict(align="left"), font=dict(size=12))


def _rows(df: pd.DataFrame) -> list[tuple[str, bool]]:
    """(whose losses, stated period?) panels present, Ukraine first, totals before periods."""
    keys = {(s if isinstance(s, str) else "unknown", bool(p)) for s, p in zip(df["subject_side"], df["stated_period"])}
    return sorted(keys, key=lambda k: (side_rank(k[0]), k[1]))


def _scale(values: pd.Series) -> tuple[str, list[float]]:
    """'log' or 'linear', and the axis range (log ranges in log10 units, as Plotly wants)."""
    v = values.dropna().astype(float)
    v = v[np.isfinite(v)]
    if v.empty:
        return "linear", [0, 1]
    lo, hi = float(v.min()), float(v.max())
    if lo > 0 and hi / lo >= LOG_SPAN:
        return "log", [math.log10(lo) - 0.25, math.log10(hi) + 0.25]
    top = hi * 1.12 if hi > 0 else 1
    # a little room under zero lifts the '0' tick clear of the date ticks below
    return "linear", [-0.05 * top if lo >= 0 else lo * 1.12, top]


def log_ticks(rng: list[float], kind: str) -> dict:
    """Ticks at 1, 2, 5 x 10^k written in full ('2,000', not a bare '2'), for log axes."""
    if kind != "log":
        return {}
    lo, hi = math.floor(rng[0]), math.ceil(rng[1])
    step = (1, 2, 5) if hi - lo <= 3 else (1,)
    vals = [m * 10 ** k for k in range(lo, hi + 1) for m in step if rng[0] <= math.log10(m * 10 ** k) <= rng[1]]
    return dict(tickvals=vals, ticktext=[fmt_num(v) for v in vals])


def _dodge(df: pd.DataFrame, span_days: float) -> pd.Series:
    """x positions: claims sharing a panel, date and value are spread a few pixels apart."""
    step = pd.Timedelta(days=max(span_days, 14) * 0.009)
    key = [df["row"], df["date"].dt.normalize(), df["point"].round(6)]
    k = df.groupby(key, dropna=False).cumcount()
    n = df.groupby(key, dropna=False)["claim_id"].transform("size")
    return df["date"] + (k - (n - 1) / 2) * step


def _hover(df: pd.DataFrame, many_cities: bool) -> list[str]:
    out = []
    for r in df.itertuples():
        rate = f"{BR}Per day: {plain(r.per_day_text)}" if r.per_day_text else ""
        reports = f"{r.reports} reports" if r.reports != 1 else "1 report"
        sentence = f"{BR}{BR}“{wrap(r.sentence, 70, 3)}”" if isinstance(r.sentence, str) else ""
        out.append(
            f"{bold(r.claim)} {plain(whose_label(r.subject_side).lower())}{BR}"
            f"{plain(side_label(r.claimant_side))} says"
            + (f" ({plain(r.claimant, 60)})" if isinstance(r.claimant, str) else "") + BR
            + f"{plain(r.city or '(no place named)')} · {plain(r.period)}{BR}"
            + f"{reports}, first {plain(fmt_day(r.first_reported))}{rate}{sentence}")
    return out


def claim_panels(df: pd.DataFrame) -> tuple[pd.Series, list[tuple[object, str]]]:
    """Claims: one panel per whose losses x what the number covers."""
    rows = _rows(df)
    key = pd.Series([(s if isinstance(s, str) else "unknown", bool(p))
                     for s, p in zip(df["subject_side"], df["stated_period"])], index=df.index)
    titles = [(k, f"{bold(whose_label(k[0]))} · {plain('counts for a stated period' if k[1] else 'totals to date')}")
              for k in rows]
    return key, titles


def over_time(df: pd.DataFrame, unit: str = "people", follow: str | None = None,
              label_city: bool | None = None, panels=claim_panels, refs: dict | None = None,
              second_line: str | None = None) -> go.Figure:
    """Claims over time in stacked panels (see the module docstring).

    `panels(df)` gives each row's panel key and the (key, title) list in order (default: whose
    losses x totals/periods). `follow` names a city whose totals are joined by step lines per
    side (the others fade); with one city in the data it is followed by default. `refs` maps a
    panel key to (value, text): a dotted reference line (e.g. the gazetteer's population).
    `second_line` names a column for the direct labels' second line (default: the city, when
    there are several)."""
    df = df[df["date"].notna()].copy()
    traces: list[dict] = []
    if df.empty:
        return figure([], {})
    df["subject_side"] = df["subject_side"].fillna("unknown")
    df["claimant_side"] = df["claimant_side"].fillna("unknown")
    if "stated_period" not in df:
        df["stated_period"] = False
    key, titles = panels(df)
    order = [k for k, _ in titles]
    df["row"] = [order.index(k) for k in key]
    cities = df["city"].fillna("(no place named)").unique()
    if follow is None and len(cities) == 1:
        follow = cities[0]
    many_cities = len(cities) > 1 if label_city is None else label_city
    line2 = second_line or ("city" if many_cities else None)
    lo_day, hi_day = df["date"].min(), df["date"].max()
    starts = pd.to_datetime(df.loc[df["stated_period"].astype(bool), "period_start"])
    if len(starts):
        lo_day = min(lo_day, starts.min())
    span = max((hi_day - lo_day).days, 14)
    df["x"] = _dodge(df.sort_values(["date", "claimant_side", "claim_id"]), span).reindex(df.index)
    if "hover" not in df:
        df["hover"] = _hover(df, many_cities)
    # only what drawing needs, as plain Python objects: slicing a wide frame of Arrow strings
    # once per panel and side was most of the time
    keep = ["row", "claimant_side", "x", "date", "point", "low", "high", "qualifier", "period_start", "city",
            "claim_id", "hover", "reports", "claim"] + ([line2] if line2 and line2 not in ("city",) else [])
    df = df[list(dict.fromkeys(keep))].astype({"claimant_side": object, "qualifier": object, "city": object,
                                               "claim_id": object, "claim": object})

    n = len(titles)
    height = TOP_PX + TITLE_PX + BOTTOM_PX + n * ROW_PX + (n - 1) * GAP_PX
    plot_h = height - TOP_PX - BOTTOM_PX
    x_end = hi_day + pd.Timedelta(days=span * 0.03)
    layout = dict(LAYOUT, height=height, margin=dict(l=64, r=LABEL_PX, t=TOP_PX, b=BOTTOM_PX),
                  showlegend=False, hovermode="closest",
                  xaxis=dict(type="date", anchor=f"y{n if n > 1 else ''}", showgrid=True,
                             range=[lo_day - pd.Timedelta(days=span * 0.02), x_end],
                             tickformatstops=DATE_TICKS, automargin=False, tickfont=FONT,
                             nticks=4))   # a two-week tick's "14 Jan 2024" labels touch at 800 px
    annotations, shapes = [], []
    by_row = dict(tuple(df.groupby("row", sort=False)))
    for i, (k, title) in enumerate(titles):
        sub = by_row.get(i, df.iloc[0:0])
        top = plot_h - TITLE_PX - i * (ROW_PX + GAP_PX)   # pixels up from the bottom of the plot area
        dom = [(top - ROW_PX) / plot_h, top / plot_h]
        yname = "yaxis" if i == 0 else f"yaxis{i + 1}"
        yref = "y" if i == 0 else f"y{i + 1}"
        ref = (refs or {}).get(k)
        values = [sub["low"], sub["high"], sub["point"]] + ([pd.Series([ref[0]])] if ref else [])
        kind, rng = _scale(pd.concat(values))
        layout[yname] = dict(domain=dom, type=kind, range=rng, anchor="x", automargin=False, tickfont=FONT,
                             separatethousands=True, exponentformat="none", showgrid=True, zeroline=False,
                             **log_ticks(rng, kind))
        if kind == "log":
            title += f" · {plain('log scale')}"
        annotations.append(dict(text=title, xref="paper", yref="paper", x=0, y=dom[1], xanchor="left",
                                yanchor="bottom", yshift=3, showarrow=False, font=dict(size=12), align="left"))
        if ref:
            shapes.append(dict(type="line", xref="x domain", yref=yref, x0=0, x1=1, y0=ref[0], y1=ref[0],
                               line=dict(color="#555", width=1, dash="dot")))
            annotations.append(dict(text=plain(ref[1]), xref="x domain", yref=yref, x=0.01, y=_axis(ref[0], kind),
                                    xanchor="left", yanchor="bottom", showarrow=False,
                                    font=dict(size=10, color="#555")))
        _draw_row(traces, sub, yref, follow, bool(k[1]) if isinstance(k, tuple) else False)
        annotations += _direct_labels(sub, yref, kind, rng, ROW_PX, line2, x_end)
    layout["annotations"] = annotations
    layout["shapes"] = shapes
    return figure(traces, layout)


def _axis(v: float, kind: str) -> float:
    """A value in axis units (log10 on a log axis, as Plotly wants for annotations)."""
    return math.log10(v) if kind == "log" and v > 0 else v


def _draw_row(traces: list, sub: pd.DataFrame, yref: str, follow, stated: bool) -> None:
    by_side = dict(tuple(sub.groupby("claimant_side", sort=False)))
    for side in sorted(by_side, key=side_rank):
        s = by_side[side].sort_values("x")
        color = side_color(side)
        name = plain(f"{side_label(side)} says")
        faded = follow is not None
        mine = (s["city"].fillna("(no place named)") == follow) if follow is not None else pd.Series(True, index=s.index)
        # intervals: ranges solid, vague words dotted
        for q, dash in (("range", "solid"), ("vague", "dot")):
            seg = s[(s["qualifier"] == q) & s["low"].notna() & s["high"].notna()]
            if len(seg):
                xs = np.repeat(seg["x"].to_numpy(), 3).astype(object)
                ys = np.column_stack([seg["low"], seg["high"], np.full(len(seg), np.nan)]).ravel().astype(object)
                xs[2::3] = None
                ys[2::3] = None
                traces.append(dict(type="scatter", x=xs, y=ys, xaxis="x", yaxis=yref, mode="lines", hoverinfo="skip",
                                         showlegend=False, legendgroup=name,
                                         line=dict(color=color, width=2.5, dash=dash)))
        if stated:   # the days a count covers, as a bar under its value
            per = s[pd.to_datetime(s["period_start"]).notna()]
            if len(per):
                xs, ys = [], []
                for r in per.itertuples():
                    xs += [pd.Timestamp(r.period_start), r.x, None]
                    ys += [r.point, r.point, None]
                traces.append(dict(type="scatter", x=xs, y=ys, xaxis="x", yaxis=yref, mode="lines", hoverinfo="skip",
                                         showlegend=False, legendgroup=name, opacity=0.45,
                                         line=dict(color=color, width=2)))
        if follow is not None and not stated and mine.any():
            line = s[mine]
            traces.append(dict(type="scatter", x=line["x"], y=line["point"], xaxis="x", yaxis=yref, mode="lines",
                                     line=dict(color=color, width=1.6, shape="hv"), hoverinfo="skip",
                                     showlegend=False, legendgroup=name))
        symbols = [GLYPHS.get(q if isinstance(q, str) else "exact", GLYPHS["exact"])[0] for q in s["qualifier"]]
        opacity = np.where(mine, 1.0, 0.3) if faded else 1.0
        traces.append(dict(type="scatter", 
            x=s["x"], y=s["point"], xaxis="x", yaxis=yref, mode="markers", name=name, legendgroup=name,
            showlegend=False,
            marker=dict(symbol=symbols, color=color, size=10, opacity=opacity, line=dict(width=1.5, color=color)),
            customdata=np.column_stack([s["claim_id"].astype(str)]),
            hovertext=s["hover"], hoverinfo="text"))


def _direct_labels(sub: pd.DataFrame, yref: str, scale: str, rng: list[float], height: float,
                   line2: str | None, x_end) -> list[dict]:
    """The latest claim of each side, in its colour, in the margin right of the panel, with a
    thin leader to its point; a second line from column `line2` (the city, a short label)."""
    latest = sub.sort_values(["date", "reports"]).groupby("claimant_side").tail(1)
    if latest.empty:
        return []

    def px(v):   # axis value -> pixels from the panel's bottom
        return (v - rng[0]) / (rng[1] - rng[0]) * height
    wanted = [px(_axis(v, scale)) if (v > 0 or scale != "log") else 0 for v in latest["point"]]
    lines = 2 if line2 else 1
    gap = LINE_PX * lines
    placed = spread(wanted, gap, gap / 2, height - gap / 2)
    out = []
    for (_, r), y in zip(latest.iterrows(), placed):
        text = plain(f"{side_label(r['claimant_side'])}: {r['claim']}", LABEL_CHARS)
        if line2:
            second = r[line2] if isinstance(r[line2], str) else "(no place named)"
            text += BR + plain(second, LABEL_CHARS)
        out.append(dict(text=text, xref="x", yref=yref, x=r["x"], y=_axis(r["point"], scale), axref="x",
                        ayref=yref, ax=x_end, ay=rng[0] + y / height * (rng[1] - rng[0]), xanchor="left",
                        yanchor="middle", showarrow=True, arrowhead=0, arrowwidth=0.8,
                        arrowcolor="rgba(90,90,90,0.3)", standoff=6,
                        font=dict(size=11, color=side_color(r["claimant_side"])), align="left"))
    return out
