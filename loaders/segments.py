"""The live database: a small catalog file over immutable Parquet segment files.

For a database `DB` (e.g. data/frontline.duckdb):

    DB                        the catalog, a small DuckDB file: tables meta, places, _segments,
                              _tombstones, and views articles / figures / events over the segments
    DB.segments/<id>/         one segment: articles.parquet, figures.parquet, events.parquet and
                              files derived from them (claim_reports, figures_by_kind, evidence,
                              facets), written once, never changed, deleted only when no reader
                              can see it (a segment written before a derived file existed gets it
                              added by compaction, published like any change: compact.derive)
    DB.segments/retired/      catalogs replaced by a newer one, kept while a reader holds them
    DB.publish.lock           one catalog publication at a time (held for well under a second)

Publishing is the only change readers ever see: the new catalog is written to a temporary
file, fsynced, and renamed over DB (atomic on POSIX). A reader that opened the old catalog
keeps a consistent snapshot: its views name the segment files it needs, and those stay on
disk while the old catalog is open (DuckDB holds a shared POSIX lock on every file it opens
read-only; `collect_garbage` deletes a retired catalog and the segments only it referenced
once nobody holds that lock).

A replaced article is hidden, not rewritten: a tombstone (segment, doc_id) drops its rows
from that segment's part of each view until compaction rewrites the segment without them.
Every live article has its rows in exactly one segment.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from . import rows
from .errors import StoreBusy

DATA_TABLES = ("articles", "figures", "events")      # written by ingests
# files of a segment: the data tables, then those derived from them at write time
SEGMENT_TABLES = DATA_TABLES + ("claim_reports", "figures_by_kind", "evidence", "facets", "per_claim",
                                "per_claim_outlet", "matrix_cells")

# Copies of a segment's rows in another order, for queries the city order cannot serve.
# Figures and events are sorted by city (City pages skip other cities' row groups). Corrections
# apply on top of both copies in the reader's views (loaders/corrections.py).
# figures_by_kind: the columns the claims queries read, sorted by kind and newest first: a
# kind's rows are contiguous, so its min/max statistics skip the other kinds.
BY_KIND_COLS = ("figure_id", "doc_id", "kind", "subject_side", "claimant_side", "claimant", "qualifier",
                "value", "value_low", "value_high", "unit", "period_start", "period_end", "period_text",
                "city", "outlet", "day", "ck")
# ck: the claim key the claims queries group by, stored so their filters on it reach the scan
# (rows loaded before claim keys existed fall back to a hash of the claim's columns)
CK_COLS = ("kind", "subject_side", "claimant_side", "qualifier", "value", "value_low", "value_high", "city",
           "period_start", "period_end")


def ck_sql(alias: str = "") -> str:
    p = f"{alias}." if alias else ""
    return f"coalesce(nullif({p}claim_key, ''), CAST(hash({', '.join(p + c for c in CK_COLS)}) AS VARCHAR))"


CK_SQL = ck_sql()


def by_kind_select() -> str:
    """figures_by_kind's columns from a relation with figures' columns."""
    return ", ".join(CK_SQL + " AS ck" if c == "ck" else c for c in BY_KIND_COLS)
# evidence: figures and events as the Evidence page lists them, newest first: the newest rows
# that match (with or without search text) are found in the first row groups, the rest skipped.
EVIDENCE_FIGURES = """SELECT 'figure' AS item, figure_id AS id, doc_id, kind AS what, qualifier, value, value_low,
    value_high, subject_side AS side, claimant, claimant_side, city, day, outlet, sentence,
    span_start - sentence_start AS rel_start, span_end - sentence_start AS rel_end, number_text AS words"""
EVIDENCE_EVENTS = """SELECT 'event' AS item, event_id AS id, doc_id, event_type AS what, NULL::VARCHAR AS qualifier,
    NULL::DOUBLE AS value, NULL::DOUBLE AS value_low, NULL::DOUBLE AS value_high, actor_side AS side, claimant,
    claimant_side, city, day, outlet, sentence, span_start - sentence_start AS rel_start,
    span_end - sentence_start AS rel_end, trigger AS words"""
# facets: how many rows hold each value of the columns the sidebar offers (and each date), per
# segment: the options are these summed (a segment's replaced articles' rows subtracted, and
# corrections applied on top in the reader's view) instead of grouping every row.
FACETS = (("figures", "city"), ("events", "city"), ("articles", "main_place"), ("figures", "claimant_side"),
          ("events", "claimant_side"), ("figures", "subject_side"), ("figures", "kind"), ("articles", "outlet"),
          ("articles", "published"), ("figures", "figure_date"), ("events", "event_date"))
FACET_DATES = ("published", "figure_date", "event_date")
ORDER = {"articles": "", "figures_by_kind": "kind, day DESC NULLS LAST, figure_id",
         "evidence": "day DESC NULLS LAST, id", "facets": "dim, label, day",
         "per_claim": "kind, last_reported DESC NULLS LAST, ck",
         "per_claim_outlet": "outlet, kind, last_reported DESC NULLS LAST, ck",
         "matrix_cells": "kind, city, claimant_side, subject_side"}   # else city, day
DERIVED_FROM = {"claim_reports": ("figures",), "figures_by_kind": ("figures",), "evidence": ("figures", "events"),
                "facets": ("articles", "figures", "events"), "per_claim": ("figures",),
                "per_claim_outlet": ("figures",), "matrix_cells": ("figures",)}
# rows from other files (matrix_cells from per_claim: written after it)
DERIVED = ("figures_by_kind", "evidence", "facets", "per_claim", "per_claim_outlet", "matrix_cells")

# per_claim: one row per claim key of the segment with what the claims queries aggregate from its
# figures (counts, first and last day, first and newest figure, its outlets, quoted sources and
# figure ids), sorted by kind and newest first; per_claim_outlet the same per claim and outlet (an
# outlet filter reads that outlet's rows). Each is a partial aggregate: a claim reported in several
# segments (or outlets) merges by `CLAIM_MERGE` (sums, min/max, arg-min/max, list unions: a report
# is one article, which lives in one segment and has one outlet). Rows of replaced articles and
# analysts' corrections are taken out by re-aggregating the keys they touch (view_sql, corrections).
# Kind, sides and city are part of the key (segments.CK_SQL, pipeline.assign_claim_keys), so the
# filters on them select whole claims.
CLAIM_GROUP = ("ck", "kind", "subject_side", "claimant_side", "city")
# Reading the per-claim rows pays when the largest segment holds this share of the figures: the
# other segments' rows are merged with its rows of the same claims (in the app's reader, once
# when it opens), which with several segments of a size costs more than grouping the figures.
STORED_SHARE = 0.75
CLAIM_BY = {"per_claim": CLAIM_GROUP, "per_claim_outlet": CLAIM_GROUP + ("outlet",)}
CLAIM_SAME = ("qualifier", "value", "value_low", "value_high", "period_start", "period_end", "period_text", "unit")
NO_DAY, NO_DAY_LAST = "DATE '9999-12-31'", "DATE '0001-01-01'"


def claim_partials_sql(table: str, figures: str) -> str:
    """per_claim / per_claim_outlet rows of a relation with figures_by_kind's columns (day, ck)."""
    by = ", ".join(CLAIM_BY[table])
    same = ", ".join(f"any_value({c}) AS {c}" for c in CLAIM_SAME)
    return f"""(SELECT {by}, {same}, count(*) AS figures, count(DISTINCT doc_id) AS reports,
        count(DISTINCT doc_id) FILTER (WHERE day IS NOT NULL) AS dated_reports,
        min(day) AS first_reported, max(day) AS last_reported,
        arg_min(figure_id, (coalesce(day, {NO_DAY}), figure_id)) AS figure_id,
        arg_max(figure_id, (coalesce(day, {NO_DAY_LAST}), figure_id)) AS latest_figure,
        min(claimant) FILTER (WHERE day IS NOT NULL) AS dated_claimant,
        coalesce(list(DISTINCT outlet) FILTER (WHERE outlet IS NOT NULL), []::VARCHAR[]) AS outlets,
        coalesce(list(DISTINCT claimant) FILTER (WHERE claimant IS NOT NULL), []::VARCHAR[]) AS claimants,
        list(figure_id) AS figure_ids
        FROM {figures} GROUP BY {by})"""


def claim_merge_sql(table: str, parts: str, by: tuple[str, ...] | None = None) -> str:
    """Partial rows (`parts`) of the same claims merged into one row per claim (per `by`)."""
    by_ = ", ".join(by or CLAIM_BY[table])
    same = ", ".join(f"any_value({c}) AS {c}" for c in CLAIM_SAME)
    return f"""(SELECT {by_}, {same}, sum(figures)::BIGINT AS figures, sum(reports)::BIGINT AS reports,
        sum(dated_reports)::BIGINT AS dated_reports, min(first_reported) AS first_reported,
        max(last_reported) AS last_reported,
        arg_min(figure_id, (coalesce(first_reported, {NO_DAY}), figure_id)) AS figure_id,
        arg_max(latest_figure, (coalesce(last_reported, {NO_DAY_LAST}), latest_figure)) AS latest_figure,
        min(dated_claimant) AS dated_claimant, list_distinct(flatten(list(outlets))) AS outlets,
        list_distinct(flatten(list(claimants))) AS claimants, flatten(list(figure_ids)) AS figure_ids
        FROM {parts} GROUP BY {by_})"""


# matrix_cells: the side-by-side matrix's cells of a segment (metrics.claims.matrix), from its
# per_claim rows: per city x kind x who says so x whose losses, the claims' figures summed and the
# newest claim (latest last report, then newest figure) with what the matrix shows of it. A claim
# lies in one cell (the cell's columns are part of its key), so a cell is exact for the catalog
# as long as no other segment, replaced article or correction touches a claim of it; the views
# re-aggregate those cells from the merged per_claim rows (cells_view_sql, corrections).
CELL_GROUP = ("city", "kind", "claimant_side", "subject_side")
CELL_ROW = ("ck", "qualifier", "value", "value_low", "value_high", "period_start", "period_end", "period_text",
            "reports", "first_reported", "last_reported", "figure_id", "latest_figure")


def cells_sql(claims: str) -> str:
    """matrix_cells rows of a relation of per_claim rows (one row per claim)."""
    by = ", ".join(CELL_GROUP)
    row = ", ".join(f"{c} := {c}" for c in CELL_ROW)
    return f"""(SELECT {by}, figures, unnest(c) FROM (SELECT {by}, sum(figures)::BIGINT AS figures,
        arg_max(struct_pack({row}), (coalesce(last_reported, {NO_DAY_LAST}), latest_figure)) AS c
        FROM {claims} GROUP BY {by}))"""


def cells_on(a: str, b: str) -> str:
    """Join condition on the cell's columns (any may be NULL: no place named, no side)."""
    return " AND ".join(f"{a}.{c} IS NOT DISTINCT FROM {b}.{c}" for c in CELL_GROUP)


# Per segment and data table, stored in the catalog: bit_xor of these row hashes (the snapshot
# stamp's content digest, metrics/export.py, which must hash the same expressions). XOR undoes
# itself, so a segment's live digest is its stored one XOR that of its tombstoned rows.
DIGESTS = {"articles": "hash(doc_id, content_hash)", "figures": "hash(figure_id)", "events": "hash(event_id)"}


def digest(con, relation: str, table: str) -> int:
    return con.execute(f"SELECT coalesce(bit_xor({DIGESTS[table]}), 0) FROM {relation}").fetchone()[0]


def facets_sql(sources: dict[str, str], sign: int = 1) -> str:
    """Facet rows (dim, label, day, n) of relations of figures / events / articles (those given):
    `label` the value (of a text column), `day` the date (of a date column)."""
    parts = []
    for t, col in FACETS:
        if t in sources:
            label, day = ("NULL::VARCHAR", col) if col in FACET_DATES else (col, "NULL::DATE")
            parts.append(f"SELECT '{t}.{col}' AS dim, {label} AS label, {day} AS day, ({sign} * count(*))::BIGINT AS n "
                         f"FROM {sources[t]} GROUP BY ALL")
    return "(" + " UNION ALL ".join(parts) + ")"


def derived_sql(table: str, figures: str, events: str, articles: str | None = None) -> str:
    """The rows of a derived copy (figures_by_kind, evidence, facets) from relations of figures,
    events (and articles) (unordered; write_segment sorts)."""
    if table == "figures_by_kind":
        return f"(SELECT {by_kind_select()} FROM {figures})"
    if table == "evidence":
        return f"({EVIDENCE_FIGURES} FROM {figures} UNION ALL BY NAME {EVIDENCE_EVENTS} FROM {events})"
    if table == "facets":
        return facets_sql({"figures": figures, "events": events, "articles": articles or "_shape_articles"})
    if table in CLAIM_BY:
        return claim_partials_sql(table, f"(SELECT {by_kind_select()} FROM {figures})")
    if table == "matrix_cells":
        return cells_sql(derived_sql("per_claim", figures, events))
    raise ValueError(table)


def underived(info: dict, table: str) -> bool:
    """A segment published before this derived copy existed (readers derive its rows as they read)."""
    return not info.get(table) and any(info.get(t, 0) > 0 for t in DERIVED_FROM[table])


# claim_reports of the figures in `figures` (a relation): one row per claim and article
CLAIM_REPORTS_SQL = """
    SELECT coalesce(nullif(claim_key, ''), figure_id) AS claim_key, doc_id, any_value(kind) AS kind,
           any_value(subject_side) AS subject_side, any_value(claimant_side) AS claimant_side,
           any_value(qualifier) AS qualifier, any_value(value) AS value, any_value(value_low) AS value_low,
           any_value(value_high) AS value_high, any_value(unit) AS unit,
           first(city ORDER BY place IS NULL, span_start) AS city,
           first(period_start ORDER BY period_end IS NULL, span_start) AS period_start,
           first(period_end ORDER BY period_end IS NULL, span_start) AS period_end,
           first(period_text ORDER BY period_end IS NULL, span_start) AS period_text,
           first(claimant ORDER BY claimant IS NULL, span_start) AS claimant,
           any_value(outlet) AS outlet, max(day) AS day, count(*)::INTEGER AS mentions
    FROM {figures} GROUP BY 1, 2"""

# one row per claim, from its reports
CLAIMS_VIEW = """CREATE OR REPLACE VIEW claims AS
    SELECT claim_key, any_value(kind) AS kind, any_value(subject_side) AS subject_side,
           any_value(claimant_side) AS claimant_side, any_value(qualifier) AS qualifier,
           any_value(value) AS value, any_value(value_low) AS value_low, any_value(value_high) AS value_high,
           any_value(unit) AS unit, arg_min(city, day) AS city, arg_min(period_start, day) AS period_start,
           arg_min(period_end, day) AS period_end, count(*) AS reports, count(DISTINCT outlet) AS outlets,
           min(day) AS first_reported, max(day) AS last_reported, sum(mentions) AS mentions
    FROM claim_reports GROUP BY claim_key"""
FORMAT = "segments-1"          # meta 'store': how the catalog lays out its data
RETIRED_GRACE = 2.0            # s: a reader opens a file and then locks it; never race that gap


def seg_dir(db: Path) -> Path:
    return Path(f"{db}.segments")


def seg_path(db: Path, segment: str, table: str) -> Path:
    return seg_dir(db) / segment / f"{table}.parquet"


def sql_str(s) -> str:
    return "'" + str(s).replace("'", "''") + "'"


@dataclass
class Catalog:
    """What a catalog file says (the places rows stay in DuckDB; see `write_catalog`)."""
    meta: dict[str, str] = field(default_factory=dict)
    segments: dict[str, dict] = field(default_factory=dict)    # id -> {articles, figures, events, bytes, seq}
    tombstones: set[tuple[str, str]] = field(default_factory=set)

    @property
    def generation(self) -> int:
        return int(self.meta.get("generation", "0"))

    def files(self, db: Path) -> set[Path]:
        return {seg_path(db, s, t) for s in self.segments for t in SEGMENT_TABLES}


def is_catalog(con, alias: str | None = None) -> bool:
    alias = alias or con.execute("SELECT current_database()").fetchone()[0]
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = ? "
                            "AND table_name = '_segments'", [alias]).fetchone()[0])


def read_catalog(con, alias: str = "main") -> Catalog:
    """The catalog in `alias` (an attached database, or the connection's own)."""
    q = lambda sql: con.execute(sql.replace("$", alias)).fetchall()  # noqa: E731
    cat = Catalog(meta=dict(q("SELECT key, value FROM $.meta")))
    res = con.execute(f"SELECT * FROM {alias}._segments")
    names = [d[0] for d in res.description]
    for r in res.fetchall():   # catalogs written before the sorted copies and digests lack their columns
        info = dict(zip(names, r))
        seg = info.pop("segment")
        cat.segments[seg] = {k: v if k.endswith("_digest") else v or 0 for k, v in info.items()}
    cat.tombstones = set(q("SELECT segment, doc_id FROM $._tombstones"))
    return cat


# --- the catalog file ----------------------------------------------------------------

CATALOG_TABLES = {
    "_segments": """CREATE TABLE _segments (segment VARCHAR PRIMARY KEY, seq BIGINT, articles BIGINT,
                    figures BIGINT, events BIGINT, claim_reports BIGINT, bytes BIGINT, figures_by_kind BIGINT,
                    evidence BIGINT, facets BIGINT, articles_digest UBIGINT, figures_digest UBIGINT,
                    events_digest UBIGINT, per_claim BIGINT, per_claim_outlet BIGINT,
                    matrix_cells BIGINT)""",
    "_tombstones": "CREATE TABLE _tombstones (segment VARCHAR, doc_id VARCHAR)",
}


def _shape_ddl(table: str) -> str:
    """An empty table with the current columns: views start from it, so every column
    exists with its type even before (or in segments written before) it was added."""
    from . import schema
    if table in DERIVED:
        rel = derived_sql(table, "_shape_figures", "_shape_events", "_shape_articles")
        return f"CREATE TABLE _shape_{table} AS SELECT * FROM {rel} LIMIT 0"
    return schema.TABLES[table].replace(f"CREATE TABLE IF NOT EXISTS {table}", f"CREATE TABLE _shape_{table}")


def clean_files(db: Path, table: str, cat: Catalog) -> list[Path]:
    """The files of `table` that a view reads whole (segments without tombstones), in order."""
    dead = {s for s, _ in cat.tombstones}
    order = sorted(cat.segments, key=lambda s: cat.segments[s]["seq"])
    return [seg_path(db.resolve(), s, table) for s in order if s not in dead and cat.segments[s].get(table, 0) > 0]


def view_sql(db: Path, table: str, cat: Catalog, ref: str = "", name: str | None = None,
             columns: list[str] | None = None) -> str:
    """CREATE VIEW for one data table; `ref` qualifies the catalog tables it reads
    (e.g. "live." when the catalog is attached under that name). `columns`: the shape's
    columns, when every clean file is known to hold all of them with the shape's types: the
    view then reads the files alone (a union with the empty shape table keeps DuckDB from
    answering count(*) from Parquet metadata and from pushing some filters into the scan)."""
    if table in CLAIM_BY:
        return f"CREATE OR REPLACE VIEW {name or table} AS " + claim_view_sql(db, table, cat, ref)
    if table == "matrix_cells":
        return f"CREATE OR REPLACE VIEW {name or table} AS " + cells_view_sql(db, cat, ref)
    dead = {s for s, _ in cat.tombstones}
    order = sorted(cat.segments, key=lambda s: cat.segments[s]["seq"])
    parts = [f"SELECT * FROM {ref}_shape_{table}"]
    if columns and clean_files(db, table, cat):
        parts = []
    path = lambda s, t: sql_str(seg_path(db.resolve(), s, t))   # noqa: E731
    gone = lambda s: f"(SELECT doc_id FROM {ref}_tombstones WHERE segment = {sql_str(s)})"   # noqa: E731
    if table in DERIVED:
        # segments written before it existed (until compaction derives their file): from their data
        for s in [s for s in order if underived(cat.segments[s], table)]:
            where = f" WHERE doc_id NOT IN {gone(s)}" if s in dead else ""
            src = {t: f"(SELECT * FROM read_parquet({path(s, t)}){where})"
                   if cat.segments[s].get(t, 0) > 0 else f"{ref}_shape_{t}" for t in DATA_TABLES}
            parts.append(f"SELECT * FROM {derived_sql(table, src['figures'], src['events'], src['articles'])}")
    if table == "facets":
        # a segment's facets count its replaced articles' rows too: subtract theirs (read by doc_id)
        for s in [s for s in order if s in dead and cat.segments[s].get(table, 0) > 0]:
            src = {t: f"(SELECT * FROM read_parquet({path(s, t)}) WHERE doc_id IN {gone(s)})"
                   for t in DATA_TABLES if cat.segments[s].get(t, 0) > 0}
            parts.append(f"SELECT * FROM read_parquet({path(s, table)}) UNION ALL SELECT * FROM {facets_sql(src, -1)}")
    clean = [s for s in order if s not in dead and cat.segments[s].get(table, 0) > 0]
    if clean:
        files = ", ".join(path(s, table) for s in clean)
        cols = ", ".join(f'"{c}"' for c in columns) if columns and not parts else "*"
        parts.append(f"SELECT {cols} FROM read_parquet([{files}], union_by_name = true)")
    for s in order:
        if s in dead and cat.segments[s].get(table, 0) > 0 and table != "facets":
            parts.append(f"SELECT * FROM read_parquet({path(s, table)}) WHERE doc_id NOT IN {gone(s)}")
    return f"CREATE OR REPLACE VIEW {name or table} AS " + " UNION ALL BY NAME ".join(parts)


def claims_stored(cat: Catalog) -> bool:
    """Whether the per-claim rows are the cheap way to the claims (STORED_SHARE): every segment
    with figures has its files, and the largest holds that share of the figures."""
    figs = [i.get("figures", 0) for i in cat.segments.values()]
    missing = any(i.get("figures", 0) > 0 and not (i.get("per_claim") and i.get("per_claim_outlet"))
                  for i in cat.segments.values())
    return sum(figs) > 0 and not missing and max(figs) >= STORED_SHARE * sum(figs)


def cells_stored(cat: Catalog) -> bool:
    """Whether the matrix reads `matrix_cells`: when the claims queries read the per-claim rows
    (claims_stored) and the largest segment, whose cells the view reads as stored, has them."""
    figs = {s: i.get("figures", 0) for s, i in cat.segments.items()}
    big = max(figs, key=lambda s: (figs[s], cat.segments[s]["seq"]), default=None)
    return claims_stored(cat) and bool(cat.segments[big].get("matrix_cells"))


def claim_view_sql(db: Path, table: str, cat: Catalog, ref: str = "", keep=None) -> str:
    """One row per claim (per claim and outlet) over the segments' partial rows. A segment with
    replaced articles: its stored rows for the keys those articles do not touch, plus the touched
    keys re-aggregated from its live figures; a segment written before the file existed: its
    rows from its figures. Several segments: the largest one's rows whose key no other segment
    holds are read as they are, the rest merged (CLAIM_MERGE).
    `keep(name, sql)`: how a relation computed from the immutable files is kept: inline (the
    catalog's view computes it at every query), or as a table the app's reader builds once when it
    opens (corrections.install_views), which returns its name."""
    keep = keep or (lambda name, sql: f"({sql})")
    parts, big, _ = _claim_parts(db, table, cat, ref, keep)
    if not parts:
        return f"SELECT * FROM {ref}_shape_{table}"
    if len(parts) == 1:
        return next(iter(parts.values()))
    rest = "(" + " UNION ALL BY NAME ".join(f"({p})" for s, p in parts.items() if s != big) + ")"
    by = ("ck",) + CLAIM_BY[table][len(CLAIM_GROUP):]
    on = " AND ".join(f"b.{c} IS NOT DISTINCT FROM r.{c}" if c == "outlet" else f"b.{c} = r.{c}" for c in by)
    keys = keep(f"{table}_shared_keys", f"SELECT DISTINCT {', '.join(by)} FROM {rest}")
    shared = keep(f"{table}_shared", "SELECT * FROM " + claim_merge_sql(
        table, f"(SELECT b.* FROM ({parts[big]}) b SEMI JOIN {keys} r ON {on} UNION ALL BY NAME SELECT * FROM {rest})"))
    return f"SELECT b.* FROM ({parts[big]}) b ANTI JOIN {keys} r ON {on} UNION ALL BY NAME SELECT * FROM {shared}"


def _claim_parts(db: Path, table: str, cat: Catalog, ref: str, keep) -> tuple[dict[str, str], str | None, dict]:
    """(each segment's rows of `table` as claim_view_sql reads them, the largest segment, each
    segment's figures_by_kind relation)."""
    dead = {s for s, _ in cat.tombstones}
    order = sorted(cat.segments, key=lambda s: cat.segments[s]["seq"])
    path = lambda s, t: sql_str(seg_path(db.resolve(), s, t))   # noqa: E731
    gone = lambda s: f"(SELECT doc_id FROM {ref}_tombstones WHERE segment = {sql_str(s)})"   # noqa: E731
    parts: dict[str, str] = {}
    figures: dict[str, str] = {}
    for n, s in enumerate(s for s in order if cat.segments[s].get("figures", 0) > 0):
        info = cat.segments[s]
        figs = figures[s] = (f"read_parquet({path(s, 'figures_by_kind')})" if info.get("figures_by_kind", 0) > 0
                             else f"(SELECT {by_kind_select()} FROM read_parquet({path(s, 'figures')}))")
        if not info.get(table):
            live = f" WHERE doc_id NOT IN {gone(s)}" if s in dead else ""
            parts[s] = f"SELECT * FROM {claim_partials_sql(table, f'(SELECT * FROM {figs}{live})')}"
        elif s in dead:
            touched = keep(f"claims_dead_keys_{n}", f"SELECT DISTINCT ck FROM {figs} WHERE doc_id IN {gone(s)}")
            again = keep(f"{table}_dead_{n}", "SELECT * FROM " + claim_partials_sql(
                table, f"(SELECT * FROM {figs} WHERE ck IN (SELECT ck FROM {touched}) AND doc_id NOT IN {gone(s)})"))
            parts[s] = (f"SELECT * FROM read_parquet({path(s, table)}) WHERE ck NOT IN (SELECT ck FROM {touched}) "
                        f"UNION ALL BY NAME SELECT * FROM {again}")
        else:
            parts[s] = f"SELECT * FROM read_parquet({path(s, table)})"
    big = max(parts, key=lambda s: (cat.segments[s]["figures"], cat.segments[s]["seq"])) if parts else None
    return parts, big, figures


def cells_view_sql(db: Path, cat: Catalog, ref: str = "", keep=None) -> str:
    """matrix_cells over the segments: the largest segment's cells as stored, except the cells that
    other segments' claims, or its replaced articles' figures, fall in: those re-aggregated from the
    merged per_claim rows (claim_view_sql). Without the largest segment's file, every cell from them.
    `keep` as for claim_view_sql."""
    keep = keep or (lambda name, sql: f"({sql})")
    claims = claim_view_sql(db, "per_claim", cat, ref, keep)
    parts, big, figures = _claim_parts(db, "per_claim", cat, ref, keep)
    if big is None:
        return f"SELECT * FROM {ref}_shape_matrix_cells"
    if not cat.segments[big].get("matrix_cells"):
        return f"SELECT * FROM {cells_sql(f'({claims})')}"
    by = ", ".join(CELL_GROUP)
    touched = [f"SELECT {by} FROM ({p})" for s, p in parts.items() if s != big]
    if big in {s for s, _ in cat.tombstones}:
        touched.append(f"SELECT {by} FROM {figures[big]} WHERE doc_id IN "
                       f"(SELECT doc_id FROM {ref}_tombstones WHERE segment = {sql_str(big)})")
    stored = f"SELECT * FROM read_parquet({sql_str(seg_path(db.resolve(), big, 'matrix_cells'))})"
    if not touched:
        return stored
    groups = keep("matrix_cells_touched", f"SELECT DISTINCT {by} FROM ({' UNION ALL '.join(touched)})")
    again = keep("matrix_cells_again", "SELECT * FROM " + cells_sql(
        f"(SELECT c.* FROM ({claims}) c SEMI JOIN {groups} g ON {cells_on('c', 'g')})"))
    return (f"SELECT s.* FROM ({stored}) s ANTI JOIN {groups} g ON {cells_on('s', 'g')} "
            f"UNION ALL BY NAME SELECT * FROM {again}")


def complete_columns(con, db: Path, table: str, cat: Catalog) -> list[str] | None:
    """The columns of `_shape_<table>` (in the connection's current catalog) if every clean file
    of the table holds each of them with the same type; else None (the view keeps the shape)."""
    files = clean_files(db, table, cat)
    if not files:
        return None
    shape = con.execute(f"DESCRIBE _shape_{table}").fetchall()
    lst = "[" + ", ".join(sql_str(f) for f in files) + "]"
    names = con.execute(f"SELECT file_name, list(name) FROM parquet_schema({lst}) GROUP BY 1").fetchall()
    if len(names) < len(files) or any({c for c, *_ in shape} - set(n) for _, n in names):
        return None
    types = dict((r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet({lst}, union_by_name = true)"
                                                   ).fetchall())
    if any(types.get(c) != ty for c, ty, *_ in shape):
        return None
    return [c for c, *_ in shape]


def extra_columns(con, relation: str, table: str) -> list[tuple[str, str]]:
    """Columns of `relation` that the DDL of `table` lacks (added by a migration step only)."""
    known = set(rows.names(table))
    return [(r[0], r[1]) for r in con.execute(f"DESCRIBE {relation}").fetchall() if r[0] not in known]


def catalog_tables() -> list[str]:
    """The small tables the catalog itself holds (meta, places, feed state...): every table
    of the schema that is not segment data."""
    from . import schema
    return [t for t in schema.TABLES if t not in SEGMENT_TABLES]


def write_catalog(con, path: Path, db: Path, cat: Catalog, source: str, shapes: str) -> None:
    """A complete catalog file at `path` (fsynced), written through `con` (the writer's or
    compactor's connection, so rows are copied by DuckDB, not through Python). `source`:
    prefix of the relations whose rows become the catalog tables (meta is `cat.meta`);
    `shapes`: prefix of relations
    (shapes + "articles", ...) whose columns beyond the DDL the views keep."""
    from . import schema
    path.unlink(missing_ok=True)
    name = con.execute("SELECT current_database()").fetchone()[0]
    here = '"' + name.replace('"', '""') + '"'    # named after the file: may hold any character
    src_db = source.split(".")[0] if "." in source else name
    source = source if "." in source else f"{here}.{source}"
    shapes = shapes if "." in shapes else f"{here}.{shapes}"
    con.execute(f"ATTACH {sql_str(path)} AS _newcat")
    try:
        con.execute("USE _newcat")     # the views' names must resolve inside the catalog itself
        try:
            for t in catalog_tables():
                con.execute(schema.TABLES[t])
            for ddl in CATALOG_TABLES.values():
                con.execute(ddl)
            for t in SEGMENT_TABLES:
                con.execute(_shape_ddl(t))
                for name, typ in (extra_columns(con, f"{shapes}{t}", t) if t in DATA_TABLES else []):
                    con.execute(f'ALTER TABLE _shape_{t} ADD COLUMN "{name}" {typ}')
            meta = sorted(cat.meta.items())
            con.execute("INSERT INTO meta SELECT unnest(?), unnest(?)", [[k for k, _ in meta], [v for _, v in meta]])
            segs = sorted(cat.segments.items())
            if segs:
                keys = ("seq", "articles", "figures", "events", "claim_reports", "bytes", "figures_by_kind", "evidence",
                        "facets", "per_claim", "per_claim_outlet", "matrix_cells")
                digests = tuple(f"{t}_digest" for t in DIGESTS)
                con.execute(f"INSERT INTO _segments (segment, {', '.join(keys + digests)}) "
                            f"SELECT {', '.join(['unnest(?)'] * (len(keys) + 1))}, "
                            + ", ".join(["unnest(?)::UBIGINT"] * len(digests)),
                            [[s for s, _ in segs]] + [[i.get(k, 0) for _, i in segs] for k in keys]
                            + [[None if i.get(k) is None else str(i[k]) for _, i in segs] for k in digests])
            if cat.tombstones:
                dead = sorted(cat.tombstones)
                con.execute("INSERT INTO _tombstones SELECT unnest(?), unnest(?)",
                            [[s for s, _ in dead], [d for _, d in dead]])
            for t in catalog_tables():
                if t != "meta" and con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = ? "
                                               "AND table_name = ?", [src_db, t]).fetchone()[0]:
                    cols = ", ".join(rows.names(t))
                    con.execute(f"INSERT INTO {t} ({cols}) SELECT {cols} FROM {source}{t}")
            for t in SEGMENT_TABLES:
                con.execute(view_sql(db, t, cat, columns=None if t in CLAIM_BY or t == "matrix_cells"
                                     else complete_columns(con, db, t, cat)))
            con.execute(CLAIMS_VIEW)
        finally:
            con.execute(f"USE {here}")
        con.execute("CHECKPOINT _newcat")
    finally:
        con.execute("DETACH _newcat")
    fsync(path)


# --- files, locks ---------------------------------------------------------------------

def fsync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        pid = os.read(fd, 64).decode().strip()
    except OSError:
        pid = ""
    return f"process {pid}" if pid else "another process"


@contextlib.contextmanager
def flock(path: Path, wait: float, what: str) -> Iterator[None]:
    """An exclusive flock on `path`, waiting up to `wait` s; StoreBusy names the holder."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + max(wait, 0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusy(what.format(holder=_holder(fd), wait=wait)) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)   # releases the flock


def try_flock(path: Path):
    """A held exclusive flock (an fd to close), or None if someone else holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd


def in_use(path: Path) -> bool:
    """Does any process hold a DuckDB lock (shared or exclusive POSIX lock) on this file?"""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except FileNotFoundError:
        return None


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


UNPUBLISHED: set[str] = set()    # segments this process is writing and has not published yet


def new_segment_id(seq: int) -> str:
    """Unique without coordination: writers create segments before they hold the publish lock.
    Registered as unpublished until `published` (GC never deletes those)."""
    seg = f"s{seq:07d}-{os.getpid()}-{time.time_ns() % 10**9:09d}"
    UNPUBLISHED.add(seg)
    return seg


def published(seg: str | None) -> None:
    UNPUBLISHED.discard(seg)


def segment_pid(segment: str) -> int | None:
    try:
        return int(segment.split("-")[1])
    except (IndexError, ValueError):
        return None


# --- publication -------------------------------------------------------------------------

def publish_lock(db: Path, wait: float = 600.0):
    return flock(Path(f"{db}.publish.lock"), wait,
                 f"{db}: could not publish: {{holder}} held the publication lock for {{wait:g}} s")


def load_live(db: Path) -> Catalog | None:
    """The live catalog, or None when `db` does not exist or is not a segment catalog."""
    import duckdb
    if not db.exists():
        return None
    # ATTACH in a fresh in-memory instance: duckdb.connect(path) would return an instance this
    # process already has open on the path, which may still be a replaced (old) catalog
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {sql_str(db)} AS c (READ_ONLY)")
        return read_catalog(con, "c") if is_catalog(con, "c") else None
    finally:
        con.close()


def publish(con, db: Path, cat: Catalog, retiring: list[str], source: str, shapes: str) -> None:
    """Make `cat` the live catalog. Call with the publish lock held.

    Order (a kill between any two steps leaves the old or the new catalog live, whole):
    write tmp catalog + fsync -> hard-link the live catalog into retired/ -> rename tmp over
    DB -> fsync the directory. Retiring keeps the old inode reachable so garbage collection
    can tell when its last reader is gone."""
    for stale in db.parent.glob(glob.escape(db.name) + ".tmp-*-catalog"):   # of killed publishers
        pid = stale.name[len(db.name) + 5:].split("-")[0]
        if pid.isdigit() and not pid_alive(int(pid)):
            stale.unlink(missing_ok=True)
    tmp = Path(f"{db}.tmp-{os.getpid()}-catalog")
    cat.meta["path"] = str(db.resolve())
    cat.meta["generation"] = str(cat.generation + 1)
    write_catalog(con, tmp, db, cat, source, shapes)
    if db.exists():
        retired = seg_dir(db) / "retired"
        retired.mkdir(parents=True, exist_ok=True)
        name = retired / f"{time.time_ns()}-{os.getpid()}"
        Path(f"{name}.json").write_text(json.dumps(sorted(retiring)))
        with contextlib.suppress(FileExistsError):
            os.link(db, f"{name}.duckdb")
        fsync(retired, directory=True)
    os.replace(tmp, db)
    fsync(db.parent, directory=True)


def collect_garbage(db: Path, catalog: Catalog, reading: set[int] = frozenset(),
                    busy_segments: set[str] = frozenset()) -> int:
    """Delete retired catalogs nobody reads any more, then every segment directory no catalog
    (live, or retired and still read) names, except unpublished ones of running writers.
    `reading`: inodes this process itself reads (its own POSIX locks do not show).
    Call with the publish lock held. Returns the number of segments deleted."""
    import shutil
    root = seg_dir(db)
    if not root.exists():
        return 0
    keep = set(catalog.segments) | set(busy_segments)
    retired = root / "retired"
    now = time.time()
    if retired.exists():
        for meta in sorted(retired.glob("*.json")):
            cat_file = meta.with_suffix(".duckdb")
            young = now - meta.stat().st_mtime < RETIRED_GRACE
            mine = cat_file.exists() and cat_file.stat().st_ino in reading
            if young or mine or in_use(cat_file):
                try:
                    keep |= set(json.loads(meta.read_text()))
                except (OSError, ValueError):
                    keep |= {p.name for p in root.iterdir()}   # unreadable: keep everything
                continue
            cat_file.unlink(missing_ok=True)
            meta.unlink(missing_ok=True)
    deleted = 0
    for d in root.iterdir():
        if not d.is_dir() or d.name == "retired" or d.name in keep or d.name in UNPUBLISHED:
            continue
        pid = segment_pid(d.name)
        if pid is not None and pid != os.getpid() and pid_alive(pid):
            continue   # a running writer or compactor has not published it yet
        shutil.rmtree(d, ignore_errors=True)
        deleted += 1
    return deleted
