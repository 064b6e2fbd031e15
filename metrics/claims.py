"""Claims: figures grouped so a number repeated by several reports counts once.

A claim is one claim key (figures.claim_key: kind, sides, qualifier, value/bounds, place,
period). Its reports are the articles that carry it. Bounds stay honest: more_than -> a
lower bound only, less_than -> an upper bound only, range -> an interval, vague -> an
interval flagged vague. A claim covers either a stated period ("last week", "1-10 October")
or is a total to date; per-day rates exist only for stated periods and keep the bound.
A claim's date is its figure's date (the date the number refers to; else the article's
publication date); a claim with neither is undated and every chart says how many it drops.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import duckdb
import numpy as np
import pandas as pd

from .db import SOURCE, cached, query
from .filters import Filters, figure_where
from .style import (CASUALTY_KINDS, fmt_claim, fmt_day, fmt_period, fmt_rate, side_label, side_rank,
                    whose_label)

CLAIM_LIMIT = 1000   # rows a claims table shows; counts come from SQL, not from this list
MAX_POINTS = 400     # points an over-time chart draws before it groups by a coarser period: more
                     # is unreadable in one panel, and each point costs the browser drawing time
SENTENCE_POINTS = 600   # up to this many points, hovers carry each claim's sentence (one more scan)
MATRIX_CITIES = 60   # cities in the side-by-side matrix (busiest first)
RECENT_DAYS = 120   # claims' sentences within this many days of each other: looked up newest first
HINT_CITIES = 4      # sentences of figures from up to this many cities are looked up by city, else by date


def _figures(f: Filters, kinds: tuple[str, ...]) -> tuple[str, list]:
    """Matching figures, only the columns claims need (no sentences: a claim's sentence is
    fetched for the few claims a view shows, see `details`), with the claim key `ck` (stored at
    extraction; rows loaded before that column existed fall back to a hash of the claim's
    columns), the city and the date `d`: the figure's precomputed columns, no join."""
    where, params = figure_where(f)
    if kinds:
        where += " AND f.kind IN (SELECT unnest(?))"
        params.append(list(kinds))
    source = figure_source(f)
    # figures_by_kind stores the key (segments.CK_SQL), so a filter on it reaches the scan
    ck = "f.ck" if source == "figures_by_kind" else """coalesce(nullif(f.claim_key, ''), CAST(hash(f.kind,
                    f.subject_side, f.claimant_side, f.qualifier, f.value, f.value_low, f.value_high, f.city,
                    f.period_start, f.period_end) AS VARCHAR))"""
    return f"""
        SELECT f.figure_id, f.doc_id, f.kind, f.subject_side, f.claimant_side, f.claimant, f.qualifier,
               f.value, f.value_low, f.value_high, f.unit, f.period_start, f.period_end, f.period_text,
               f.city, f.outlet, f.day AS d, {ck} AS ck
        FROM {source} f {where}""", params


def figure_source(f: Filters) -> str:
    """Which copy of the (corrected) figures to scan: stored sorted by city, a city filter skips
    the other cities' row groups; without one, `figures_by_kind` (sorted by kind, newest first:
    loaders/segments.py) skips the other kinds'. Both hold the same rows."""
    return "figures" if f.city else "figures_by_kind"


def claim_table(db, f: Filters) -> str | None:
    """The stored per-claim rows that give `f`'s claims exactly (loaders/segments.py): `per_claim`
    when nothing but kind and sides narrows them (each part of the claim key, so they select whole
    claims), `per_claim_outlet` for an outlet filter; None for a city (figures are stored by city:
    those rows are few) or a time window (a claim's counts and dates within it are not stored),
    and when reading the rows would cost more than grouping the figures (`claims_stored`)."""
    if f.city or f.start or f.end or not claims_stored(db):
        return None
    return "per_claim_outlet" if f.outlet else "per_claim"


@cached
def claims_stored(db) -> bool:
    """segments.claims_stored of the catalog this reader has open: its per-claim rows are cheap to
    read (one segment holds most figures; the rest are merged when the reader opens)."""
    from loaders import segments
    cat = _catalog(db)
    return cat is not None and segments.claims_stored(cat)


@cached
def cells_stored(db) -> bool:
    """segments.cells_stored of the catalog this reader has open: the matrix's cells are stored."""
    from loaders import segments
    cat = _catalog(db)
    return cat is not None and segments.cells_stored(cat)


def _catalog(db):
    from loaders import segments
    try:
        rows = query(db, f"SELECT * FROM {SOURCE}._segments")
    except duckdb.Error:      # not a segment catalog
        return None
    return segments.Catalog(segments={r["segment"]: {k: v for k, v in r.items() if v == v and v is not None}
                                      for r in rows.to_dict("records")})


def _claim_rows(db, f: Filters, kinds: tuple[str, ...]) -> tuple[str, list]:
    """One row per matching claim, with what `_figures` + CLAIM_COLS would aggregate (figures, reports,
    dated_reports, first/last_reported, figure_id, latest_figure, dated_claimant, outlets, claimants,
    figure_ids), from `claim_table(db, f)`."""
    from loaders.segments import CLAIM_GROUP, claim_merge_sql
    table = claim_table(db, f)
    where, params = ["TRUE"], []
    for col, vals in (("kind", f.kind), ("kind", kinds), ("claimant_side", f.claimant_side),
                      ("subject_side", f.subject_side), ("outlet", f.outlet)):
        if vals:
            where.append(f"{col} IN (SELECT unnest(?))")
            params.append(list(vals))
    rel = f"SELECT * FROM {table} WHERE {' AND '.join(where)}"
    if table == "per_claim_outlet" and len(f.outlet) > 1:    # a claim's rows of several outlets: merged
        rel = f"SELECT * FROM {claim_merge_sql(table, f'({rel})', CLAIM_GROUP)}"
    return rel, params


# CLAIM_COLS from a per-claim row (`_claim_rows`)
ROW_COLS = """
        ck AS claim_id, kind, subject_side, claimant_side, qualifier, value, value_low, value_high, city,
        period_start, period_end, period_text, reports, first_reported, last_reported, figure_id"""
ROW_DETAILS = f"""{ROW_COLS}, unit, len(outlets) AS outlet_count,
        CASE WHEN len(outlets) > 0 THEN array_to_string(list_sort(outlets), ', ') END AS outlets,
        CASE WHEN len(claimants) > 0 THEN array_to_string(list_sort(claimants), '; ') END AS claimants,
        latest_figure, list_sort(figure_ids) AS figure_ids"""


# one row per claim key. Every column but the dates, reports and figure is part of the key,
# so any value of it is the value; the claim's figure is its first report's.
CLAIM_COLS = """
        ck AS claim_id, any_value(kind) AS kind, any_value(subject_side) AS subject_side,
        any_value(claimant_side) AS claimant_side, any_value(qualifier) AS qualifier,
        any_value(value) AS value, any_value(value_low) AS value_low, any_value(value_high) AS value_high,
        any_value(city) AS city, any_value(period_start) AS period_start, any_value(period_end) AS period_end,
        any_value(period_text) AS period_text, count(DISTINCT doc_id) AS reports,
        min(d) AS first_reported, max(d) AS last_reported,
        arg_min(figure_id, (coalesce(d, DATE '9999-12-31'), figure_id)) AS figure_id"""

DETAILS = f"""
        SELECT {CLAIM_COLS}, any_value(unit) AS unit,
               count(DISTINCT outlet) AS outlet_count,
               string_agg(DISTINCT outlet, ', ' ORDER BY outlet) AS outlets,
               string_agg(DISTINCT claimant, '; ' ORDER BY claimant) AS claimants,
               arg_max(figure_id, (coalesce(d, DATE '0001-01-01'), figure_id)) AS latest_figure,
               list(figure_id ORDER BY figure_id) AS figure_ids
        FROM b WHERE ck IN (SELECT ck FROM picked) AND kind IN (SELECT kind FROM picked)
        GROUP BY ck"""


@cached
def details(db, figure_ids: tuple, cities: tuple | None = None, since=None, recent: bool = False) -> pd.DataFrame:
    """Sentence, quoted source and the number's place in the sentence, for a few figures.
    `cities`, the figures' cities if known, lets the scan skip other cities' row groups
    (figures are stored sorted by city, then day); else `since`, a date the figures are on or
    after, lets it skip each city's older row groups, or, when `recent` (the figures are all of
    the last few months), read only the newest row groups of `evidence` (stored newest first).
    An id not found that way is looked up everywhere."""
    sql = """
        SELECT figure_id, claimant, sentence, number_text, span_start - sentence_start AS rel_start,
               span_end - sentence_start AS rel_end
        FROM figures WHERE figure_id IN (SELECT unnest(?))"""
    if cities is None and since is None:
        return query(db, sql, [list(figure_ids)])
    if cities is None and recent:
        df = query(db, """SELECT id AS figure_id, claimant, sentence, words AS number_text, rel_start, rel_end
                          FROM evidence WHERE item = 'figure' AND day >= ? AND id IN (SELECT unnest(?))""",
                   [since, list(figure_ids)])
    elif cities is None:
        df = query(db, sql + " AND day >= ?", [list(figure_ids), since])
    else:
        df = query(db, sql + " AND city IN (SELECT unnest(?))", [list(figure_ids), list(cities)])
    rest = tuple(sorted(set(figure_ids) - set(df["figure_id"])))
    if not rest:
        return df
    more = details(db, rest)
    return more if df.empty else pd.concat([df, more], ignore_index=True)


def with_sentences(db, df: pd.DataFrame, col: str = "figure_id") -> pd.DataFrame:
    """Add each claim's sentence (that of figure `col`) and quoted source."""
    if df.empty:
        return df.assign(claimant=None, sentence=None, number_text=None, rel_start=None, rel_end=None)
    cities, since, recent = None, None, False
    if "city" in df and df["city"].notna().all() and df["city"].nunique() <= HINT_CITIES:
        cities = tuple(sorted(set(df["city"])))
    elif col == "figure_id" and "first_reported" in df and df["first_reported"].notna().any():
        first = pd.to_datetime(df["first_reported"])   # a claim's figure is its first report's
        since = first.min().date()
        # over a few months the newest-first copy reads least (3-4x less at 100,000 articles); over
        # longer each city's rows from that date on (2x less at 1,000,000)
        recent = (first.max() - first.min()).days <= RECENT_DAYS
    d = details(db, tuple(sorted(set(df[col].dropna()))), cities, since, recent)
    return df.drop(columns=[c for c in ("claimant",) if c in df]).merge(
        d.rename(columns={"figure_id": col}), on=col, how="left")


@cached
def claims(db, f: Filters, kinds: tuple[str, ...] = (), limit: int = CLAIM_LIMIT) -> pd.DataFrame:
    """Distinct claims, newest first (at most `limit`), with their reports counted and listed.
    Two steps: the claim keys of the newest figures (a claim's newest report is its newest
    figure), then details aggregated for those keys only."""
    base, params = _figures(f, kinds)
    newest = f"""
        WITH b AS NOT MATERIALIZED ({base}),   -- read twice, each time filtered: never copied whole
             -- ties by key: the same claims every run; a constant limit lets DuckDB plan a top-N when it
             -- is small (the Overview's newest claims), whose running cutoff date skips older row groups
             -- of figures_by_kind (stored newest first per kind)
             newest AS (SELECT ck, d, kind FROM b ORDER BY d DESC NULLS LAST, ck LIMIT {int(limit) * 20}),
             -- a claim key includes the kind, so the picked claims' kinds narrow the second scan
             -- (figures_by_kind skips other kinds' row groups)
             picked AS (SELECT ck, any_value(kind) AS kind, max(d) AS d FROM newest GROUP BY ck
                        ORDER BY max(d) DESC NULLS LAST, count(*) DESC, ck LIMIT {int(limit)})"""
    order = "ORDER BY last_reported DESC NULLS LAST, reports DESC, kind, claim_id"
    if claim_table(db, f) is None:
        df = query(db, f"{newest} {DETAILS} {order}", params)
        return add_bounds(df)
    # the picked claims' rows, stored (newest first within a kind: a picked claim was last reported
    # on or after the oldest picked figure's date, so the other row groups are skipped)
    picked = query(db, f"{newest} SELECT ck, d FROM picked", params)
    rows, rp = _claim_rows(db, f, kinds)
    since = None if picked.empty or picked["d"].isna().any() else pd.Timestamp(picked["d"].min()).date()
    cut = " AND last_reported >= ?" if since else ""
    df = query(db, f"SELECT {ROW_DETAILS} FROM ({rows}) WHERE ck IN (SELECT unnest(?)){cut} {order}",
               rp + [list(picked["ck"])] + ([since] if since else []))
    return add_bounds(df)


@cached
def count(db, f: Filters, kinds: tuple[str, ...] = (), reports: bool = True) -> dict:
    """How many distinct claims, and how many reports (distinct claim x article) of them."""
    if claim_table(db, f):    # one stored row per claim, with its reports counted
        rows, params = _claim_rows(db, f, kinds)
        rep = "coalesce(sum(reports), 0)::BIGINT" if reports else "NULL"
        row = query(db, f"SELECT count(*) AS claims, {rep} AS reports FROM ({rows})", params)
    else:
        base, params = _figures(f, kinds)
        # distinct 64-bit hashes instead of the key strings: several times faster, and a collision
        # among a million keys has odds of about 1 in 10^7
        rep = "count(DISTINCT hash(ck, doc_id))" if reports else "NULL"
        row = query(db, f"SELECT count(DISTINCT hash(ck)) AS claims, {rep} AS reports FROM ({base})", params)
    n = row["reports"].iloc[0]
    return {"claims": int(row["claims"].iloc[0]), "reports": None if pd.isna(n) else int(n)}


def undated_filters(f: Filters) -> Filters:
    return dataclasses.replace(f, start=None, end=None)


@cached
def undated(db, f: Filters, kinds: tuple[str, ...] = ()) -> int:
    """Claims with no date at all (no figure date, no publication date) that match every other
    filter: no chart can place them, and no time window includes them."""
    base, params = _figures(undated_filters(f), kinds)
    return int(query(db, f"SELECT count(DISTINCT ck) AS n FROM ({base}) WHERE d IS NULL", params)["n"].iloc[0])


def add_bounds(df: pd.DataFrame) -> pd.DataFrame:
    """low/high/point for charts, the claim as said ('≥ 1,100'), what it covers, the rate."""
    df = df.copy()
    q = df["qualifier"].fillna("exact")
    v, lo, hi = df["value"].astype(float), df["value_low"].astype(float), df["value_high"].astype(float)
    point = v.fillna(lo).fillna(hi)
    interval = q.isin(["range", "vague"])
    low = pd.Series(np.where(interval, lo.fillna(point), point), index=df.index)
    high = pd.Series(np.where(interval, hi.fillna(point), point), index=df.index)
    low = low.where(q != "less_than")     # "fewer than N": no lower bound claimed
    high = high.where(q != "more_than")   # "more than N": no upper bound claimed
    point = point.where(~interval | v.notna() | lo.isna() | hi.isna(), (lo + hi) / 2)
    df["low"], df["high"], df["point"] = low.astype(float), high.astype(float), point.astype(float)
    df["bound"] = q.map({"more_than": "lower bound", "less_than": "upper bound",
                         "range": "interval", "vague": "vague"}).fillna("point")
    df["claim"] = [fmt_claim(*r) for r in zip(q, v, lo, hi)]
    # a stated period has both ends ("last week", "1-10 October", "since 6 March" up to the report)
    stated = df["period_start"].notna() & df["period_end"].notna()
    days = (pd.to_datetime(df["period_end"]) - pd.to_datetime(df["period_start"])).dt.days + 1
    df["stated_period"] = stated
    df["days"] = days.where(stated & (days > 0)).astype("Float64")
    df["per_day"] = (df["point"] / df["days"].astype(float)).where(df["days"].notna()).astype(float)
    df["per_day_text"] = [fmt_rate(qq, vv, ll, hh, dd) if s else ""
                          for qq, vv, ll, hh, dd, s in zip(q, v, lo, hi, df["days"], stated)]
    df["basis"] = np.where(stated, "for a stated period", "total to date")
    df["period"] = _covers(df, stated)
    df["subject"] = df["subject_side"].map(whose_label)
    df["claimant_label"] = df["claimant_side"].map(side_label)
    return df


def _covers(df: pd.DataFrame, stated: pd.Series) -> list[str]:
    """'6–13 Mar 2023' for a stated period; 'total as of 13 Mar 2023' otherwise; a total since a
    start date says so ('total since 1 Oct 2024, as of 9 Oct 2024')."""
    asof = df["period_end"].where(df["period_end"].notna(), df["last_reported"])
    out = []
    for s, ps, pe, a in zip(stated, df["period_start"], df["period_end"], asof):
        if s:
            out.append(fmt_period(ps, pe))
        elif ps is not None and ps == ps:
            out.append(f"total since {fmt_day(ps)}" + (f", as of {fmt_day(a)}" if a == a and a is not None else ""))
        else:
            out.append(f"total as of {fmt_day(a)}" if a is not None and a == a else "total, undated")
    return out


@cached
def reports(db, claim: tuple, city: str | None = None) -> pd.DataFrame:
    """The articles that carry one claim: pass the claim's figure_ids as a tuple, and its city when
    known (a claim's figures share it: the scan reads that city's row groups instead of every
    figure's id; an id not found there is looked up everywhere). The figures' articles are found
    by their ids first, so the join does not read every article."""
    where, params, docs = "figure_id IN (SELECT unnest(?))", [list(claim)], "TRUE"
    if city:
        found = query(db, f"SELECT doc_id FROM figures WHERE {where} AND city = ?", params + [city])
        if len(found) >= len(set(claim)):
            where, docs = where + " AND city = ?", "doc_id = ANY(?::VARCHAR[])"
            params += [city, sorted(set(found["doc_id"]))]
    return query(db, f"""
        SELECT a.title, a.outlet, a.published, a.published_how, a.published_precision, a.url,
               f.claimant, f.claimant_side, f.subject_side, f.sentence, f.number_text,
               f.span_start - f.sentence_start AS rel_start, f.span_end - f.sentence_start AS rel_end,
               f.claimant_how, f.side_how, f.place_how, f.doc_id, f.figure_id
        FROM (SELECT * FROM figures WHERE {where}) f JOIN (SELECT * FROM articles WHERE {docs}) a USING (doc_id)
        ORDER BY a.published NULLS LAST, a.outlet, f.figure_id""", params)


@cached
def claim_figures(db, f: Filters, kinds: tuple[str, ...], claim_id: str) -> tuple:
    """The figure ids behind one claim as a view shows it (same filters), for the provenance
    of a chart point, matrix cell or table row."""
    base, params = _figures(f, kinds)
    df = query(db, f"SELECT figure_id FROM ({base}) WHERE ck = ? ORDER BY d NULLS LAST, figure_id",
               [*params, claim_id])
    return tuple(df["figure_id"])


# --- side by side: kind x (who says so x whose losses), per city --------------------------------

MATRIX_ROW = ("qualifier", "value", "value_low", "value_high", "period_start", "period_end", "period_text", "reports",
              "first_reported", "last_reported", "figure_id")   # ROW_COLS but the key's cell columns


@cached
def matrix(db, f: Filters, kinds: tuple[str, ...] = CASUALTY_KINDS) -> pd.DataFrame:
    """The latest claim per city x kind x who says so x whose losses (the newest report; the
    figure id breaks ties), for the busiest MATRIX_CITIES cities. Long form; `matrix_table`
    pivots it."""
    busiest = """
        busiest AS (SELECT city, sum(n) AS city_reports FROM latest GROUP BY city
                    ORDER BY city_reports DESC, city LIMIT ?),
        cells AS (SELECT latest.*, busiest.city_reports FROM latest
                  JOIN busiest ON latest.city IS NOT DISTINCT FROM busiest.city)"""
    if claim_table(db, f) == "per_claim" and cells_stored(db):
        # the stored cells (loaders/segments.py: matrix_cells): kind and sides select whole cells
        where, params = ["TRUE"], []
        for col, vals in (("kind", f.kind), ("kind", kinds), ("claimant_side", f.claimant_side),
                          ("subject_side", f.subject_side)):
            if vals:
                where.append(f"{col} IN (SELECT unnest(?))")
                params.append(list(vals))
        row = ", ".join(("ck AS claim_id",) + MATRIX_ROW)
        df = query(db, f"""
            WITH latest AS (SELECT * FROM matrix_cells WHERE {' AND '.join(where)}),
            busiest AS (SELECT city, sum(figures) AS city_reports FROM latest GROUP BY city
                        ORDER BY city_reports DESC, city LIMIT ?)
            SELECT {row}, latest.city, kind, claimant_side, subject_side, city_reports
            FROM latest JOIN busiest ON latest.city IS NOT DISTINCT FROM busiest.city""", [*params, MATRIX_CITIES])
    elif claim_table(db, f):
        # from one row per claim: its figures counted, its newest figure, and the newest claim's
        # row carried along by the aggregate that picks it (a second scan for them cost more)
        base, params = _claim_rows(db, f, kinds)
        row = ", ".join(f"{c} := {c}" for c in MATRIX_ROW)
        df = query(db, f"""
            WITH latest AS (SELECT city, kind AS k, claimant_side AS cs, subject_side AS ss, sum(figures)::BIGINT AS n,
                                   arg_max(struct_pack(claim_id := ck, {row}),
                                           (coalesce(last_reported, DATE '0001-01-01'), latest_figure)) AS c
                            FROM ({base}) GROUP BY ALL),
            {busiest}
            SELECT unnest(c), city, k AS kind, cs AS claimant_side, ss AS subject_side, city_reports
            FROM cells""", [*params, MATRIX_CITIES])
    else:
        base, params = _figures(f, kinds)
        df = query(db, f"""
            WITH b AS NOT MATERIALIZED ({base}),
            latest AS (SELECT city, kind AS k, claimant_side AS cs, subject_side AS ss, count(*) AS n,
                              arg_max(ck, (coalesce(d, DATE '0001-01-01'), figure_id)) AS ck
                       FROM b GROUP BY ALL),
            {busiest},
            c AS (SELECT {CLAIM_COLS} FROM b WHERE ck IN (SELECT ck FROM cells) GROUP BY ck)
            SELECT c.* EXCLUDE (city, kind, claimant_side, subject_side), cells.city, cells.k AS kind,
                   cells.cs AS claimant_side, cells.ss AS subject_side, cells.city_reports
            FROM cells JOIN c ON c.claim_id = cells.ck""", [*params, MATRIX_CITIES])
    df = add_bounds(df)
    df["city"] = df["city"].fillna("(no place named)")
    return df


def compare(db, f: Filters, kind: str = "killed") -> pd.DataFrame:
    """The side-by-side view for one kind: the latest claim per city x who says so x whose
    losses (the matrix's rows of that kind)."""
    m = matrix(db, f, (kind,))
    return m[m["kind"] == kind].reset_index(drop=True)


def matrix_column(claimant_side, subject_side) -> str:
    return f"{side_label(claimant_side)} says · {whose_label(subject_side)}"


def matrix_cell(row) -> str:
    """'≥ 1,100 total · 13 Mar 2023' or '250 in 6–13 Mar 2023'."""
    if row["stated_period"]:
        return f"{row['claim']} in {row['period']}"
    when = fmt_day(row["last_reported"]) or "undated"
    return f"{row['claim']} total · {when}"


def matrix_table(long: pd.DataFrame, kind_label) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(cells, ids): rows city x kind (busiest city first, kinds in their usual order), one
    column per who-says-so x whose-losses pair present (belligerents first). `ids` holds each
    cell's claim id at the same position, for turning a selected cell into its provenance."""
    if long.empty:
        return pd.DataFrame(), pd.DataFrame()
    long = long.copy()
    long["col"] = [matrix_column(c, s) for c, s in zip(long["claimant_side"], long["subject_side"])]
    long["cell"] = [f"{c} in {p}" if st else f"{c} total · {fmt_day(d) or 'undated'}"
                    for c, p, st, d in zip(long["claim"], long["period"], long["stated_period"], long["last_reported"])]
    pairs = (long.groupby("col").agg(c=("claimant_side", "first"), s=("subject_side", "first"),
                                     n=("reports", "sum")).reset_index())
    belligerent = pairs["c"].isin(["russia", "ukraine"]) & pairs["s"].isin(["russia", "ukraine"])
    pairs = pairs.assign(b=~belligerent, cr=pairs["c"].map(side_rank), sr=pairs["s"].map(side_rank),
                         own=pairs["c"] == pairs["s"])
    cols = list(pairs.sort_values(["b", "own", "cr", "sr"])["col"])
    order = {k: i for i, k in enumerate(CASUALTY_KINDS)}
    cities = (long.groupby("city")["city_reports"].first().sort_values(ascending=False, kind="stable"))
    long["city_rank"] = long["city"].map({c: i for i, c in enumerate(cities.index)})
    long["kind_rank"] = long["kind"].map(lambda k: order.get(k, len(order)))
    cells = long.pivot_table(index=["city_rank", "city", "kind_rank", "kind"], columns="col", values="cell",
                             aggfunc="first")
    ids = long.pivot_table(index=["city_rank", "city", "kind_rank", "kind"], columns="col", values="claim_id",
                           aggfunc="first")
    cells, ids = cells.reindex(columns=cols).sort_index(), ids.reindex(columns=cols).sort_index()
    cells = cells.reset_index().drop(columns=["city_rank", "kind_rank"])
    ids = ids.reset_index().drop(columns=["city_rank", "kind_rank"])
    cells["kind"] = cells["kind"].map(kind_label)
    cells.columns.name = ids.columns.name = None
    return cells.rename(columns={"city": "City", "kind": "What"}), ids


# --- over time: one chart per kind --------------------------------------------------------------

BUCKETS = ("week", "month", "quarter", "year")


@cached
def over_time(db, f: Filters, kind: str | tuple, agg: str = "week") -> tuple[pd.DataFrame, dict]:
    """The dated claims of one kind (or a few) for the over-time chart, each at its first
    report's date. When there are more than MAX_POINTS, only the latest claim per period (agg,
    coarsened until they fit) x city x who says so x whose losses x what it covers is kept, and
    `info` says so. Sentences (for hover texts) come along when there are few enough points."""
    kinds = (kind,) if isinstance(kind, str) else tuple(kind)
    base, params = _figures(f, kinds)
    order = list(BUCKETS[BUCKETS.index(agg):] if agg in BUCKETS else BUCKETS)
    key = "city, claimant_side, subject_side, period_end IS NULL"
    # the claims with only what picking needs (k), how many groups each period would make, the
    # finest period that fits (none when every claim fits), the latest claim of each group; the
    # full columns are aggregated for the picked claims only (a tenth of the cost at 100k)
    unit = "CASE " + " ".join(f"WHEN s.{u} <= {MAX_POINTS} THEN date_trunc('{u}', k.first_reported)"
                              for u in order) + f" ELSE date_trunc('year', k.first_reported) END"
    chosen = "CASE WHEN s.claims <= {n} THEN NULL ".format(n=MAX_POINTS) + \
             " ".join(f"WHEN s.{u} <= {MAX_POINTS} THEN '{u}'" for u in order) + " ELSE 'year' END"
    if claim_table(db, f):
        df, info = _over_time_rows(db, f, kinds, order)
    else:
        claims_ = f"""b AS ({base} AND f.day IS NOT NULL),
        -- per claim and article first, then per claim: a count of rows, not count(DISTINCT doc_id),
        -- which DuckDB computes one group at a time (a third of the time at 100,000 articles)
        kd AS (SELECT ck, doc_id, min(d) AS d, any_value(city) AS city, any_value(claimant_side) AS cs,
                      any_value(subject_side) AS ss, any_value(period_end) AS pe FROM b GROUP BY ck, doc_id),
        k AS MATERIALIZED (SELECT ck AS claim_id, min(d) AS first_reported, count(*) AS reports,
                                  any_value(city) AS city, any_value(cs) AS claimant_side,
                                  any_value(ss) AS subject_side, any_value(pe) AS period_end
                           FROM kd GROUP BY ck),"""
        cols = f"{CLAIM_COLS}, min(claimant) AS claimant FROM b WHERE ck IN (SELECT claim_id FROM picked) GROUP BY ck"
        df = query(db, f"""
            WITH {claims_}
            s AS (SELECT count(*) AS claims, {", ".join(f"count(DISTINCT (date_trunc('{u}', first_reported), {key})) AS {u}"
                                                        for u in BUCKETS)} FROM k),
            -- each group's newest claim (most reports, then lowest id, on a tie): an aggregate,
            -- several times cheaper than a window over every claim
            latest AS (SELECT arg_min(k.claim_id, (DATE '9999-12-31' - k.first_reported, -k.reports, k.claim_id)) AS id
                       FROM k, s WHERE s.claims > {MAX_POINTS}
                       GROUP BY {unit}, k.city, k.claimant_side, k.subject_side, k.period_end IS NULL),
            picked AS (SELECT k.claim_id FROM k, s WHERE s.claims <= {MAX_POINTS} OR k.claim_id IN (SELECT id FROM latest)
                       ORDER BY k.first_reported DESC, k.claim_id LIMIT {MAX_POINTS}),
            c AS (SELECT {cols})
            SELECT c.*, s.claims AS total_claims, {chosen} AS grouped_by FROM c, s
            ORDER BY c.first_reported DESC, c.claim_id""", params)
        info = {"claims": int(df["total_claims"].iloc[0]) if len(df) else 0,
                "grouped_by": df["grouped_by"].iloc[0] if len(df) and isinstance(df["grouped_by"].iloc[0], str) else None}
        df = df.drop(columns=["total_claims", "grouped_by"])
    if len(df) <= SENTENCE_POINTS:
        df = with_sentences(db, df)
    else:
        df = df.assign(sentence=None, number_text=None, rel_start=None, rel_end=None)
    df = add_bounds(df)
    df["date"] = pd.to_datetime(df["first_reported"])
    return df, info


def _over_time_rows(db, f: Filters, kinds: tuple, order: list) -> tuple[pd.DataFrame, dict]:
    """over_time's claims from one stored row per claim (its dated figures' first date, reports
    and quoted source): how many groups each period makes, then each group's newest claim (the
    same choice as over_time's), then the picked claims' rows, which were last reported on or
    after the oldest picked claim's first report (rows are stored newest first: the older row
    groups are skipped). Three narrow scans instead of one materialised copy of every claim."""
    rows, params = _claim_rows(db, f, kinds)
    dated = f"(SELECT * FROM ({rows}) WHERE first_reported IS NOT NULL)"
    # a claim's group (city, who says so, whose losses, stated period or not) as one 64-bit hash,
    # hashed once per claim (as count(DISTINCT hash(ck)) does for keys, two groups would need a
    # hash collision to be counted as one)
    g = "hash(city, claimant_side, subject_side, period_end IS NULL)"
    # one pass over the claims, to one row per week x month x group (a fifth to a quarter as many at
    # 1,000,000 articles; a week lies in at most two months, a month in one quarter and one year),
    # then from those: the claims and groups counted, how many groups each period makes (every period
    # makes at least as many as there are groups: when those are more than the chart draws, it groups
    # by year whatever the counts), the finest period that fits, and its cut: a group's newest claim
    # is on its latest first date, so only groups whose latest date is among the MAX_POINTS latest
    # can be drawn, and only their claims on or after the MAX_POINTS-th such date can be their newest
    per = {"week": "w", "month": "m", "quarter": "date_trunc('quarter', m)", "year": "date_trunc('year', m)"}
    fits = " ".join(f"WHEN p.{u} <= {MAX_POINTS} THEN '{u}'" for u in order)
    bucket_of = "CASE u.grouped " + " ".join(f"WHEN '{u}' THEN {b}" for u, b in per.items()) + " END"
    s = query(db, f"""
        WITH c AS MATERIALIZED (SELECT date_trunc('week', first_reported) AS w,
                                       date_trunc('month', first_reported) AS m, {g} AS g, count(*) AS n,
                                       max(first_reported) AS mx FROM {dated} GROUP BY ALL),
        s AS (SELECT coalesce(sum(n), 0) AS claims, count(DISTINCT g) AS groups FROM c),
        p AS (SELECT {", ".join(f"count(DISTINCT ({b}, g)) AS {u}" for u, b in per.items())}
              FROM c WHERE (SELECT groups FROM s) <= {MAX_POINTS}),
        u AS (SELECT CASE WHEN s.groups > {MAX_POINTS} THEN 'year' {fits} ELSE 'year' END AS grouped FROM s, p)
        SELECT s.claims, u.grouped, (SELECT min(x) FROM (SELECT max(mx) AS x FROM c, u GROUP BY {bucket_of}, g
                                                         ORDER BY x DESC LIMIT {MAX_POINTS})) AS cut
        FROM s, u""", params).iloc[0]
    n = int(s["claims"])
    pick_params = params
    if n <= MAX_POINTS:
        grouped, picked = None, f"SELECT ck AS id, first_reported AS fr FROM {dated}"
    else:
        grouped, cut = s["grouped"], s["cut"]
        bucket = f"date_trunc('{grouped}', first_reported), {g}"
        newer = f"(SELECT * FROM {dated} WHERE first_reported >= ?)"
        pick_params = params + [pd.Timestamp(cut).date()]
        picked = f"""SELECT unnest(arg_min(struct_pack(id := ck, fr := first_reported),
                                           (DATE '9999-12-31' - first_reported, -dated_reports, ck)))
                     FROM {newer} GROUP BY {bucket}"""
    picked = query(db, f"SELECT id, fr FROM ({picked}) ORDER BY fr DESC, id LIMIT {MAX_POINTS}", pick_params)
    cols = ROW_COLS.replace(" reports,", " dated_reports AS reports,")
    since = pd.Timestamp(picked["fr"].min()).date() if len(picked) else dt.date(1, 1, 1)
    df = query(db, f"""SELECT {cols}, dated_claimant AS claimant FROM ({rows}) WHERE ck IN (SELECT unnest(?))
                       AND last_reported >= ? ORDER BY first_reported DESC, claim_id""",
               params + [list(picked["id"]), since])
    return df, {"claims": n if len(df) else 0, "grouped_by": grouped if len(df) else None}


# --- per-day rates: stated periods only ---------------------------------------------------------

RATE_ROWS = 16


@cached
def rates(db, f: Filters, kind: str = "killed", n: int = RATE_ROWS) -> pd.DataFrame:
    """The newest claims with a stated period (at most `n`), with their rate per day."""
    base, params = _figures(f, (kind,))
    df = query(db, f"""
        WITH b AS ({base})
        SELECT {CLAIM_COLS} FROM b
        WHERE period_start IS NOT NULL AND period_end IS NOT NULL
        GROUP BY ck ORDER BY max(period_end) DESC, count(DISTINCT doc_id) DESC, claim_id LIMIT ?""",
               [*params, int(n)])
    df = add_bounds(df)
    return df[df["per_day"].notna()].reset_index(drop=True)


@cached
def casualty_kinds_present(db, f: Filters) -> list[str]:
    where, params = figure_where(f)
    found = set(query(db, f"SELECT DISTINCT f.kind FROM {figure_source(f)} f {where} "
                          "AND f.kind IN (SELECT unnest(?))", [*params, list(CASUALTY_KINDS)])["kind"])
    return [k for k in CASUALTY_KINDS if k in found]
