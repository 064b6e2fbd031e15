"""Claims: figures grouped so a number repeated by several reports counts once.

A claim is (kind, subject side, claimant side, qualifier, value/bounds, place, period).
Its reports are the articles that carry it. Bounds are kept honest:
more_than -> lower bound only, less_than -> upper bound only, range -> interval,
vague -> interval (or point) flagged vague. Per-day rates only where the period is known.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .db import cached, query
from .filters import Filters, figure_where
from .style import CASUALTY_KINDS, fmt_claim, side_label

KEY = ["kind", "subject_side", "claimant_side", "qualifier", "value", "value_low", "value_high",
       "city", "period_start", "period_end"]


MAX_CITIES = 8       # bars for the busiest cities only; filter by city to see others
CLAIM_LIMIT = 5000   # rows a table shows; counts come from SQL, not from this list


def _figures(f: Filters, kinds: tuple[str, ...]) -> tuple[str, list]:
    """Matching figures with their claim key `ck`, stored at extraction (figures.claim_key:
    repeats of one number inside an article and across outlets share it); rows loaded
    before that column existed fall back to a hash of the claim's columns (KEY)."""
    where, params = figure_where(f)
    if kinds:
        where += " AND f.kind IN (SELECT unnest(?))"
        params.append(list(kinds))
    return f"""
        SELECT f.*, coalesce(f.place, a.main_place) AS city, a.outlet,
               coalesce(f.figure_date, a.published) AS d,
               coalesce(nullif(f.claim_key, ''), CAST(hash(f.kind, f.subject_side, f.claimant_side, f.qualifier,
                    f.value, f.value_low, f.value_high, coalesce(f.place, a.main_place), f.period_start,
                    f.period_end) AS VARCHAR)) AS ck
        FROM figures f JOIN articles a USING (doc_id) {where}""", params


DETAILS = """
        SELECT ck AS claim_id, any_value(kind) AS kind, any_value(subject_side) AS subject_side,
               any_value(claimant_side) AS claimant_side, any_value(qualifier) AS qualifier,
               any_value(value) AS value, any_value(value_low) AS value_low,
               any_value(value_high) AS value_high,
               -- a claim told twice in one article: its place and period are the first stated
               first(city ORDER BY place IS NULL, span_start) AS city,
               first(period_start ORDER BY period_end IS NULL, span_start) AS period_start,
               first(period_end ORDER BY period_end IS NULL, span_start) AS period_end,
               first(period_text ORDER BY period_end IS NULL, span_start) AS period_text,
               any_value(unit) AS unit,
               count(DISTINCT doc_id) AS reports, count(DISTINCT outlet) AS outlet_count,
               string_agg(DISTINCT outlet, ', ' ORDER BY outlet) AS outlets,
               string_agg(DISTINCT claimant, '; ' ORDER BY claimant) AS claimants,
               min(d) AS first_reported, max(d) AS last_reported, arg_max(sentence, d) AS sentence,
               list(figure_id ORDER BY figure_id) AS figure_ids
        FROM b WHERE ck IN (SELECT ck FROM picked)
        GROUP BY ck"""


@cached
def claims(db, f: Filters, kinds: tuple[str, ...] = (), limit: int = CLAIM_LIMIT) -> pd.DataFrame:
    """Distinct claims, newest first (at most `limit`), with their reports counted and listed.
    Two steps: the claim keys of the newest figures (a claim's newest report is its newest
    figure), then details aggregated for those keys only."""
    base, params = _figures(f, kinds)
    df = query(db, f"""
        WITH b AS ({base}),
             newest AS (SELECT ck, d FROM b ORDER BY d DESC NULLS LAST LIMIT ?),
             picked AS (SELECT ck FROM newest GROUP BY ck ORDER BY max(d) DESC NULLS LAST, count(*) DESC LIMIT ?)
        {DETAILS}
        ORDER BY last_reported DESC NULLS LAST, reports DESC, kind""", params + [int(limit) * 20, int(limit)])
    return add_bounds(df)


@cached
def count(db, f: Filters, kinds: tuple[str, ...] = (), reports: bool = True) -> dict:
    """How many distinct claims, and how many reports (distinct claim x article) of them."""
    base, params = _figures(f, kinds)
    rep = "count(DISTINCT hash(ck, doc_id))" if reports else "NULL"
    row = query(db, f"SELECT count(DISTINCT ck) AS claims, {rep} AS reports FROM ({base})", params)
    n = row["reports"].iloc[0]
    return {"claims": int(row["claims"].iloc[0]), "reports": None if pd.isna(n) else int(n)}


def add_bounds(df: pd.DataFrame) -> pd.DataFrame:
    """low/high/point for charts, plain-language text, basis and per-day rate."""
    df = df.copy()
    q = df["qualifier"].fillna("exact")
    v, lo, hi = df["value"], df["value_low"], df["value_high"]
    point = v.fillna(lo).fillna(hi)
    low = pd.Series(np.where(q.isin(["range", "vague"]), lo.fillna(point), point), index=df.index)
    high = pd.Series(np.where(q.isin(["range", "vague"]), hi.fillna(point), point), index=df.index)
    low = low.where(q != "less_than")     # "fewer than N": no lower bound claimed
    high = high.where(q != "more_than")   # "more than N": no upper bound claimed
    point = point.where(~q.isin(["range", "vague"]) | v.notna() | lo.isna() | hi.isna(), (lo + hi) / 2)
    df["low"], df["high"], df["point"] = low.astype(float), high.astype(float), point.astype(float)
    df["bound"] = q.map({"more_than": "lower bound", "less_than": "upper bound",
                         "range": "interval", "vague": "vague"}).fillna("point")
    df["claim"] = [fmt_claim(*r) for r in zip(q, v, lo, hi)]
    known = df["period_start"].notna() & df["period_end"].notna()
    days = (pd.to_datetime(df["period_end"]) - pd.to_datetime(df["period_start"])).dt.days + 1
    df["days"] = days.where(known).astype("Float64")
    df["per_day"] = (df["point"] / df["days"]).where(known & (df["days"] > 0)).astype(float)
    df["basis"] = np.where(known, "per period", "cumulative (to date)")
    df["period"] = _periods(df)
    df["subject"] = df["subject_side"].map(side_label)
    df["claimant_label"] = df["claimant_side"].map(side_label)
    return df


def _days(x: pd.Series) -> pd.Series:
    return pd.to_datetime(x).dt.strftime("%d %b %Y").fillna("?")


def _periods(df: pd.DataFrame) -> pd.Series:
    """'01 Oct 2024 – 10 Oct 2024', 'since 01 Oct 2024' or 'to date, as of 09 Oct 2024'."""
    start, end = df["period_start"], df["period_end"]
    asof = _days(end.where(end.notna(), df["last_reported"]))
    out = "to date, as of " + asof
    out = out.where(start.isna(), "since " + _days(start))
    return out.where(start.isna() | end.isna(), _days(start) + " – " + _days(end))


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
    """Side-by-side data: per subject side x claimant side x city x period, the latest claim
    (most reports on ties), for the busiest cities. Other claims stay in `claims()`."""
    base, params = _figures(f, (kind,))
    df = query(db, f"""
        WITH b AS ({base}),
        keys AS (
            SELECT ck, any_value(subject_side) AS s, any_value(claimant_side) AS c, any_value(city) AS city,
                   any_value(period_start) AS ps, any_value(period_end) AS pe, max(d) AS last, count(*) AS n
            FROM b GROUP BY ck),
        busiest AS (SELECT city FROM keys GROUP BY city ORDER BY sum(n) DESC LIMIT ?),
        picked AS (
            SELECT ck FROM keys SEMI JOIN busiest ON keys.city IS NOT DISTINCT FROM busiest.city
            QUALIFY row_number() OVER (PARTITION BY s, c, city, ps, pe
                                       ORDER BY last DESC NULLS LAST, n DESC) = 1)
        {DETAILS}
        ORDER BY city, subject_side, claimant_side, period_start NULLS FIRST""", [*params, MAX_CITIES])
    df = add_bounds(df)
    df["city"] = df["city"].fillna("(no place)")
    df["subject_side"] = df["subject_side"].fillna("unknown")
    df["subject"] = df["subject_side"].map(side_label)
    return df


@cached
def rates(db, f: Filters, kind: str = "killed") -> pd.DataFrame:
    """Per-day rates of the compared claims whose period is known."""
    df = compare(db, f, kind)
    return df[df["per_day"].notna()].reset_index(drop=True)


@cached
def casualty_kinds_present(db, f: Filters) -> list[str]:
    where, params = figure_where(f)
    found = set(query(db, f"SELECT DISTINCT f.kind FROM figures f JOIN articles a USING (doc_id) {where}",
                      params)["kind"])
    return [k for k in CASUALTY_KINDS if k in found]
