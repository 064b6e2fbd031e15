"""Claims: figures grouped so a number repeated by several reports counts once.

A claim is (kind, subject side, claimant side, qualifier, value/bounds, place, period).
Its reports are the articles that carry it. Bounds are kept honest:
more_than -> lower bound only, less_than -> upper bound only, range -> interval,
vague -> interval (or point) flagged vague. Per-day rates only where the period is known.
"""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from .db import cached, query
from .filters import Filters, figure_where
from .style import CASUALTY_KINDS, fmt_claim, side_label

KEY = ["kind", "subject_side", "claimant_side", "qualifier", "value", "value_low", "value_high",
       "city", "period_start", "period_end"]


@cached
def claims(db, f: Filters, kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per distinct claim, newest first, with its reports counted and listed."""
    where, params = figure_where(f)
    if kinds:
        where += " AND f.kind IN (SELECT unnest(?))"
        params.append(list(kinds))
    df = query(db, f"""
        SELECT f.kind, f.subject_side, f.claimant_side, f.qualifier, f.value, f.value_low,
               f.value_high, coalesce(f.place, a.main_place) AS city, f.period_start, f.period_end,
               any_value(f.period_text) AS period_text, any_value(f.unit) AS unit,
               count(DISTINCT f.doc_id) AS reports,
               count(DISTINCT a.outlet) AS outlet_count,
               string_agg(DISTINCT a.outlet, ', ' ORDER BY a.outlet) AS outlets,
               string_agg(DISTINCT f.claimant, '; ' ORDER BY f.claimant) AS claimants,
               min(coalesce(f.figure_date, a.published)) AS first_reported,
               max(coalesce(f.figure_date, a.published)) AS last_reported,
               arg_max(f.sentence, coalesce(f.figure_date, a.published)) AS sentence,
               list(f.figure_id ORDER BY f.figure_id) AS figure_ids
        FROM figures f JOIN articles a USING (doc_id)
        {where}
        GROUP BY ALL
        ORDER BY last_reported DESC NULLS LAST, reports DESC, kind""", params)
    return add_bounds(df)


def add_bounds(df: pd.DataFrame) -> pd.DataFrame:
    """low/high/point for charts, plain-language text, basis and per-day rate."""
    df = df.copy()
    df["claim_id"] = [_claim_id(r) for r in df[KEY].itertuples(index=False)]
    q = df["qualifier"].fillna("exact")
    v, lo, hi = df["value"], df["value_low"], df["value_high"]
    point = v.fillna(lo).fillna(hi)
    low = pd.Series(np.where(q.isin(["range", "vague"]), lo.fillna(point), point), index=df.index)
    high = pd.Series(np.where(q.isin(["range", "vague"]), hi.fillna(point), point), index=df.index)
    low = low.where(q != "less_than")     # "fewer than N": no lower bound claimed
    high = high.where(q != "more_than")   # "more than N": no upper bound claimed
    point = point.where(~q.isin(["range"]) | v.notna(), (lo + hi) / 2)
    df["low"], df["high"], df["point"] = low.astype(float), high.astype(float), point.astype(float)
    df["bound"] = q.map({"more_than": "lower bound", "less_than": "upper bound",
                         "range": "interval", "vague": "vague"}).fillna("point")
    df["claim"] = [fmt_claim(*r) for r in zip(q, v, lo, hi)]
    known = df["period_start"].notna() & df["period_end"].notna()
    days = (pd.to_datetime(df["period_end"]) - pd.to_datetime(df["period_start"])).dt.days + 1
    df["days"] = days.where(known).astype("Float64")
    df["per_day"] = (df["point"] / df["days"]).where(known & (df["days"] > 0)).astype(float)
    df["basis"] = np.where(known, "per period", "cumulative (to date)")
    df["period"] = [_period(r) for r in df[["period_start", "period_end", "period_text",
                                            "last_reported"]].itertuples(index=False)]
    df["subject"] = df["subject_side"].map(side_label)
    df["claimant_label"] = df["claimant_side"].map(side_label)
    return df


def _claim_id(row) -> str:
    return hashlib.sha1("|".join("" if pd.isna(x) else str(x) for x in row).encode()).hexdigest()[:12]


def _day(x) -> str:
    return pd.Timestamp(x).strftime("%d %b %Y") if pd.notna(x) else "?"


def _period(r) -> str:
    start, end, text, last = r
    if pd.notna(start) and pd.notna(end):
        return f"{_day(start)} – {_day(end)}"
    if pd.notna(start):
        return f"since {_day(start)}"
    return f"to date, as of {_day(end if pd.notna(end) else last)}"


@cached
def reports(db, claim: tuple) -> pd.DataFrame:
    """The articles that carry one claim: pass the claim's figure_ids as a tuple."""
    return query(db, """
        SELECT a.title, a.outlet, a.published, a.url, f.claimant, f.sentence, f.number_text,
               f.doc_id, f.figure_id
        FROM figures f JOIN articles a USING (doc_id)
        WHERE f.figure_id IN (SELECT unnest(?))
        ORDER BY a.published, a.outlet""", [list(claim)])


@cached
def compare(db, f: Filters, kind: str = "killed") -> pd.DataFrame:
    """Side-by-side data: per subject side x claimant side x city x basis, the latest claim
    (most reports on ties). Other claims stay in `claims()`; this is what the bars draw."""
    df = claims(db, f, (kind,))
    if df.empty:
        return df
    df = df.sort_values(["last_reported", "reports"], ascending=False, na_position="last")
    df["city"] = df["city"].fillna("(no place)")
    df["subject_side"] = df["subject_side"].fillna("unknown")
    df["subject"] = df["subject_side"].map(side_label)
    keys = ["subject_side", "claimant_side", "city", "basis"]
    if (df["basis"] == "per period").any():
        keys.append("period")
    return df.groupby(keys, dropna=False, sort=False).head(1).reset_index(drop=True)


@cached
def rates(db, f: Filters) -> pd.DataFrame:
    """Per-day rates of casualty claims whose period is known."""
    df = claims(db, f, CASUALTY_KINDS)
    return df[df["per_day"].notna()].reset_index(drop=True)


def casualty_kinds_present(db, f: Filters) -> list[str]:
    df = claims(db, f, CASUALTY_KINDS)
    return [k for k in CASUALTY_KINDS if k in set(df["kind"])]
