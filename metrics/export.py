"""Exports an analyst can cite: the filtered figures and events, every table, the corrections and
a data dictionary, as CSV (alone or zipped with a JSON stamp) or as one .xlsx workbook.

Every file goes through loaders.csvsafe (text a spreadsheet would run as a formula is made
inert), whole numbers are written as integers, CSVs carry a UTF-8 BOM so Excel reads them
right, and every file carries the snapshot id: a hash of the database's content (corrections
included) and the filters only, so the same data and filters give the same id on every run.
Values are as the pages show them: corrections applied, rejected rows left out, corrected rows
marked (`review_status`, `corrected_fields`, `review_note`)."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile

import numpy as np
import pandas as pd

from loaders import csvsafe

from .db import cached, query
from .db import rows as mdb_rows
from .filters import Filters, event_where, figure_where

TABLES = ("articles", "figures", "events", "corrections", "places", "meta")
EAGER_ROWS = 20_000   # up to this many rows in all, downloads are built with the page
XLSX_MAX_ROWS = 200_000   # rows per sheet; beyond this the zip of CSVs is the way
XLSX_MAX_CELL = 32_767    # characters Excel keeps in a cell
FILTER_WORDS = {"city": "City", "claimant_side": "Who says so", "subject_side": "Whose losses",
                "kind": "Kind of figure", "outlet": "Outlet", "start": "From", "end": "To"}
REVIEW_NOTE = ("review_status is 'corrected' (an analyst changed the columns named in corrected_fields; "
               "the values shown are the corrected ones, the originals are in the corrections table) or "
               "'confirmed' (checked, unchanged); rows an analyst rejected are left out.")

DICTIONARY = {
    ("figures (filtered)", "*"): "The figures matching the filters, joined to their article (sheet Figures).",
    ("events (filtered)", "*"): "The events matching the filters, joined to their article (sheet Events).",
    ("articles", "doc_id"): "Article id (file name or record id).",
    ("articles", "published"): "Publication date; published_how says given, inferred or unknown.",
    ("articles", "published_precision"): "How precise an inferred publication date is: day, week or month.",
    ("articles", "main_place"): "The city the article is mostly about.",
    ("articles", "text"): "Cleaned article text; figure and event offsets index into it.",
    ("articles", "loaded_at"): "When the article was loaded (UTC).",
    ("figures", "kind"): "What is counted: killed, wounded, population_remaining, distance_km, ...",
    ("figures", "value"): "The number claimed (empty for a range without a point value).",
    ("figures", "value_low"): "Lower end of a range or vague amount.",
    ("figures", "value_high"): "Upper end of a range or vague amount.",
    ("figures", "qualifier"): "exact, more_than (lower bound), less_than (upper bound), approx, range, vague.",
    ("figures", "unit"): "people, count, km or percent.",
    ("figures", "subject_side"): "Whose losses or people the number is about.",
    ("figures", "claimant_side"): "Who says so: ukraine, russia, third_party or unattributed.",
    ("figures", "period_start"): "Start of the period the number covers (empty: a total to date).",
    ("figures", "figure_date"): "Date the number refers to: period end, else statement date, else publication.",
    ("figures", "sentence"): "The sentence the number was read from.",
    ("figures", "span_start"): "Offset of the number's words in the article text.",
    ("figures", "claim_key"): "One claim however often it is repeated (same kind, sides, bounds, place, period).",
    ("figures", "claimant_how"): "How the claimant was decided: stated, context, default, or analyst.",
    ("figures", "side_how"): "How whose losses was decided: stated, context, default, or analyst.",
    ("figures", "place_how"): "How the place was decided: stated, context, default, or analyst.",
    ("events", "event_type"): "assault, advance, capture, withdrawal, strike or evacuation.",
    ("events", "actor_side"): "The side that acted.",
    ("places", "name"): "Gazetteer name; lat/lon give the map position.",
    ("meta", "key"): "Database facts such as schema_version.",
    ("articles", "title"): "Headline as given or found in the file.",
    ("articles", "outlet"): "Publisher or wire (from metadata).",
    ("articles", "url"): "Link to the original article, when known.",
    ("articles", "published_how"): "given (metadata), inferred (from the text) or unknown.",
    ("articles", "dateline"): "The dateline as printed (e.g. 'KYIV, April 10 (Reuters) -').",
    ("articles", "dateline_place"): "Canonical place of the dateline (where it was filed, not a claim).",
    ("articles", "original_text"): "The input as read (HTML or JSON record), for audit.",
    ("articles", "content_hash"): "Hash of the input plus extractor version; unchanged inputs are skipped.",
    ("articles", "source_path"): "File the article came from.",
    ("articles", "fmt"): "Input format: txt, md, html, json, jsonl.",
    ("figures", "figure_id"): "Id of the figure (changes when its article is re-extracted).",
    ("figures", "doc_id"): "The article the figure was read from.",
    ("figures", "claimant"): "Who is quoted as the source of the number, as written.",
    ("figures", "place"): "Place the number is about (empty: the article's main place applies).",
    ("figures", "period_end"): "End of the period the number covers.",
    ("figures", "period_text"): "The period as written ('since August', 'last week').",
    ("figures", "date_precision"): "day, week, month or year.",
    ("figures", "sentence_start"): "Offset of the sentence in the article text.",
    ("figures", "span_end"): "End offset of the number's words in the article text.",
    ("figures", "number_text"): "The number's words exactly as written.",
    ("figures", "review_status"): REVIEW_NOTE,
    ("figures", "corrected_fields"): "The columns an analyst corrected on this row.",
    ("figures", "review_note"): "The analyst's note.",
    ("figures", "correction_id"): "The correction applied to this row (see the corrections table).",
    ("events", "event_id"): "Id of the event (changes when its article is re-extracted).",
    ("events", "doc_id"): "The article the event was read from.",
    ("events", "event_date"): "When it happened, as precise as date_precision says.",
    ("events", "place"): "Where it happened.",
    ("events", "claimant"): "Who reports it, as written.",
    ("events", "claimant_side"): "Side of who reports it.",
    ("events", "sentence"): "The sentence the event was read from.",
    ("events", "trigger"): "The words that signal the event.",
    ("events", "review_status"): REVIEW_NOTE,
    ("events", "corrected_fields"): "The columns an analyst corrected on this row.",
    ("corrections", "action"): "correct (values changed), reject (row left out) or confirm (checked as read).",
    ("corrections", "state"): "applied (matched to a row), orphaned (its row is gone after a re-ingest; "
                              "kept, applied again if the row returns) or superseded (another correction "
                              "applies to the same row).",
    ("corrections", "words"): "The number's or event's words the correction was made on.",
    ("corrections", "sentence"): "The sentence the correction was made on; with doc_id and words it finds "
                                 "the row again after a re-extraction.",
    ("corrections", "fields"): "The columns the correction sets (set_* hold the new values).",
    ("corrections", "original"): "Those columns as extracted, when the correction was made (JSON).",
    ("corrections", "matched_id"): "The figure_id / event_id it applies to now.",
    ("places", "kind"): "city, town, village, oblast, country or region.",
    ("places", "oblast"): "The oblast the place is in.",
    ("places", "lat"): "Latitude (degrees north).",
    ("places", "lon"): "Longitude (degrees east).",
    ("places", "population"): "Pre-war population from the gazetteer.",
    ("meta", "value"): "Value of the fact.",
    ("*", "snapshot_id"): "The snapshot this file belongs to (same data and filters, same id).",
}


# --- the stamp ------------------------------------------------------------------------------

# What identifies each table's content. Figures and events are a pure function of their
# article's content hash (which includes the extractor version), so the articles' hashes
# identify them too; hashing their full rows cost half a second on 800k figures. Corrections
# are hashed whole: they change what the views show.
_CONTENT = {"articles": "hash(t.doc_id, t.content_hash)", "figures": "hash(t.figure_id)",
            "events": "hash(t.event_id)", "places": "hash(t)", "meta": "hash(t)",
            "corrections": "hash(t.correction_id, t.action, t.fields, t.set_kind, t.set_value, t.set_value_low, "
                           "t.set_value_high, t.set_qualifier, t.set_claimant, t.set_claimant_side, t.set_side, "
                           "t.set_place, t.set_date, t.note, t.state, t.matched_id)"}


@cached
def content_hash(db) -> str:
    """A digest of what the database holds (row contents, not file layout)."""
    h = hashlib.sha256()
    stored = _stored_digests(db)
    for t in TABLES:
        if t in stored:
            # as the row below has always been read: count and digest in one row of float64 (pandas'
            # common type), which keeps the digest's top 53 bits; kept so stamps stay the same
            n, x = (float(v) for v in stored[t])
        else:
            source = {"figures": "figures_raw", "events": "events_raw"}.get(t, t)
            row = query(db, f"SELECT count(*) AS n, coalesce(bit_xor({_CONTENT[t]}), 0) AS x FROM {source} t").iloc[0]
            n, x = row["n"], row["x"]
        h.update(f"{t}:{int(n)}:{int(x)};".encode())
    return h.hexdigest()[:16]


def _stored_digests(db) -> dict[str, tuple[int, int]]:
    """(rows, bit_xor of row hashes) of articles, figures and events from the digests each
    segment keeps in the catalog (loaders/segments.DIGESTS: the same hashes as _CONTENT), less
    those of its replaced articles' rows, instead of hashing every row. Tables of segments
    without digests (published before they existed) are left out: hashed row by row."""
    from pathlib import Path

    from loaders import segments

    from .db import SOURCE
    have = set(query(db, "SELECT column_name FROM information_schema.columns WHERE table_catalog = ? "
                         "AND table_name = '_segments'", [SOURCE])["column_name"])
    out = {}
    for t, expr in segments.DIGESTS.items():
        if f"{t}_digest" not in have:
            return {}
        segs = mdb_rows(db, f"SELECT segment, {t} AS n, {t}_digest AS x FROM {SOURCE}._segments WHERE {t} > 0")
        if any(s["x"] is None for s in segs):
            continue
        n, x = sum(s["n"] for s in segs), 0
        for s in segs:
            x ^= int(s["x"])
        dead = [s["segment"] for s in segs if mdb_rows(db, f"SELECT 1 FROM {SOURCE}._tombstones WHERE segment = ? LIMIT 1",
                                                        [s["segment"]])]
        for seg in dead:
            path = segments.seg_path(Path(db), seg, t)
            r = mdb_rows(db, f"""SELECT count(*) AS n, coalesce(bit_xor({expr}), 0) AS x
                FROM read_parquet({segments.sql_str(path)})
                WHERE doc_id IN (SELECT doc_id FROM {SOURCE}._tombstones WHERE segment = ?)""", [seg])[0]
            n, x = n - r["n"], x ^ int(r["x"])
        out[t] = (n, x)
    return out


def filters_text(f: Filters) -> str:
    """The filters in words: 'City: Toretsk · Who says so: Russia' (or 'no filters')."""
    from .style import kind_label, side_label
    say = {"claimant_side": side_label, "subject_side": side_label, "kind": kind_label}
    parts = [f"{FILTER_WORDS.get(k, k)}: " + (", ".join(say.get(k, str)(x) for x in v) if isinstance(v, list) else v)
             for k, v in f.describe().items()]
    return " · ".join(parts) if parts else "no filters"


@cached
def _facts(db, f: Filters) -> dict:
    fw, fp = figure_where(f)
    ew, ep = event_where(f)
    row = query(db, f"""SELECT (SELECT count(*) FROM figures f {fw}) AS figures,
                               (SELECT count(*) FROM events e {ew}) AS events,
                               (SELECT count(*) FROM articles) AS articles,
                               (SELECT max(loaded_at) FROM articles) AS loaded,
                               (SELECT count(*) FROM corrections WHERE state = 'applied') AS corrections""",
                fp + ep).iloc[0]
    loaded = row["loaded"]
    return {"figures": int(row["figures"]), "events": int(row["events"]), "articles": int(row["articles"]),
            "corrections_applied": int(row["corrections"]),
            "data_loaded_utc": None if pd.isna(loaded) else pd.Timestamp(loaded).isoformat(timespec="seconds")}


def stamp(db, f: Filters, now: dt.datetime | None = None) -> dict:
    """The snapshot stamp. The id hashes the database content and the filters only; the export
    time is recorded beside it, not in it."""
    content = content_hash(db)
    sid = hashlib.sha256(json.dumps({"db_content_hash": content, "filters": f.describe()},
                                    sort_keys=True).encode()).hexdigest()[:12]
    now = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    facts = _facts(db, f)
    words = filters_text(f)
    loaded = (facts["data_loaded_utc"] or "")[:10] or "unknown"
    scope = "no filters" if f.is_empty() else f"filtered by {words}"
    citation = (f"Frontline snapshot {sid}: {facts['figures']:,} figures and {facts['events']:,} events "
                f"({scope}) from {facts['articles']:,} articles loaded up to {loaded}, "
                f"{facts['corrections_applied']:,} analyst corrections applied; database content {content}.")
    return {"snapshot_id": sid, "db_content_hash": content, "filters": f.describe(), "filters_text": words,
            **facts, "citation": citation, "exported_utc": now.isoformat()}


# --- frames -------------------------------------------------------------------------------

_JOIN = "a.title, a.outlet, a.published, a.published_how, a.url"


@cached
def view(db, f: Filters) -> pd.DataFrame:
    """The filtered figures: every matching figure with its sentence, words and article."""
    where, params = figure_where(f)
    return query(db, f"""
        SELECT f.figure_id, f.kind, f.value, f.value_low, f.value_high, f.qualifier, f.unit,
               f.subject_side, f.claimant, f.claimant_side, coalesce(f.place, a.main_place) AS city,
               f.period_start, f.period_end, coalesce(f.figure_date, a.published) AS date,
               f.number_text, f.sentence, f.claimant_how, f.side_how, f.place_how,
               f.review_status, f.corrected_fields, f.review_note, a.doc_id, {_JOIN}
        FROM figures f JOIN articles a USING (doc_id) {where}
        ORDER BY date NULLS LAST, f.figure_id""", params)


@cached
def view_events(db, f: Filters) -> pd.DataFrame:
    """The filtered events, the same way."""
    where, params = event_where(f)
    return query(db, f"""
        SELECT e.event_id, e.event_type, coalesce(e.event_date, a.published) AS date, e.date_precision,
               coalesce(e.place, a.main_place) AS city, e.actor_side, e.claimant, e.claimant_side,
               e.trigger, e.sentence, e.claimant_how, e.side_how, e.place_how,
               e.review_status, e.corrected_fields, e.review_note, a.doc_id, {_JOIN}
        FROM events e JOIN articles a USING (doc_id) {where}
        ORDER BY date NULLS LAST, e.event_id""", params)


@cached
def view_count(db, f: Filters) -> int:
    return _facts(db, f)["figures"]


_ORDER = {"articles": "doc_id", "figures": "figure_id", "events": "event_id", "places": "name", "meta": "key",
          "corrections": "correction_id"}


@cached
def table(db, name: str) -> pd.DataFrame:
    if name not in TABLES:  # never a user-chosen identifier in SQL
        raise ValueError(f"unknown table {name!r}")
    return query(db, f"SELECT * FROM {name} ORDER BY {_ORDER[name]}")


@cached
def row_counts(db) -> dict[str, int]:
    return {t: int(query(db, f"SELECT count(*) AS n FROM {t}")["n"].iloc[0]) for t in TABLES}


@cached
def dictionary(db) -> pd.DataFrame:
    """Every column of every exported table (as the pages read them) with its meaning."""
    cols = query(db, """SELECT table_name AS "table", column_name AS "column", data_type AS type
                        FROM information_schema.columns
                        WHERE table_catalog = current_database() AND table_name IN (SELECT unnest(?))
                        ORDER BY list_position(?, table_name), ordinal_position""", [list(TABLES), list(TABLES)])
    # events share the figures' wording for the columns both have
    cols["meaning"] = [DICTIONARY.get((t, c)) or (DICTIONARY.get(("figures", c), "") if t == "events" else "")
                       for t, c in zip(cols["table"], cols["column"])]
    top = pd.DataFrame([{"table": t, "column": "*", "type": "", "meaning": DICTIONARY[(t, "*")]}
                        for t in ("figures (filtered)", "events (filtered)")]
                       + [{"table": "every file", "column": "snapshot_id", "type": "VARCHAR",
                           "meaning": DICTIONARY[("*", "snapshot_id")]}])
    return pd.concat([top, cols], ignore_index=True)


# --- writers ---------------------------------------------------------------------------------

def _plain_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Whole-number float columns as integers (11000, not 11000.0); lists as 'a, b' text."""
    df = df.copy()
    for col in df.columns:
        s = df[col]
        if pd.api.types.is_float_dtype(s) and s.notna().any():
            whole = (s % 1 == 0) & (s.abs() < 2**53)
            if whole[s.notna()].all():
                df[col] = s.astype("Int64")
            elif whole.any():   # 1100 and 19.3 in one column: each as written
                df[col] = pd.Series([int(v) if w else (None if v != v else v) for v, w in zip(s, whole)],
                                    index=s.index, dtype=object)
        elif s.dtype == object and s.map(_is_list).any():
            df[col] = s.map(lambda x: ", ".join(map(str, x)) if _is_list(x) else x)
    return df


def _is_list(x) -> bool:
    return isinstance(x, (list, tuple, np.ndarray))


def to_csv(df: pd.DataFrame, bom: bool = False, snapshot_id: str | None = None) -> bytes:
    """CSV bytes: neutralised, integers as integers, the snapshot id as the last column.
    The pages ask for the BOM (Excel-ready) unless the user unticks it; library callers opt in."""
    df = _plain_frame(df)
    if snapshot_id:
        df["snapshot_id"] = snapshot_id
    text = csvsafe.neutralise_frame(df).to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig" if bom else "utf-8")


neutralise = csvsafe.neutralise_frame   # the one function (loaders/csvsafe.py), under its old name here


def _label(name: str, config) -> str:
    if isinstance(config, str):
        return config
    if isinstance(config, dict) and config.get("label"):
        return str(config["label"])
    return name


def table_csv(shown: pd.DataFrame, meta: dict, labels: dict | None = None, bom: bool = True) -> bytes:
    """A page's table as shown (headers as on the page), for that table's own download button."""
    labels = labels or {}
    out = shown.rename(columns={c: _label(c, labels.get(c)) for c in shown.columns})
    return to_csv(out, bom, meta["snapshot_id"])


def readme(meta: dict) -> str:
    return "\n".join([
        f"Frontline data snapshot {meta['snapshot_id']}", "",
        "Cite as:", meta["citation"], "",
        f"Filters: {meta['filters_text']}",
        f"Exported: {meta['exported_utc']} (UTC)", "",
        "Every number is a claim as an outlet reported it; each row keeps the sentence it was read",
        "from and its article (title, outlet, date, link). " + REVIEW_NOTE,
        "Text cells that a spreadsheet would run as a formula start with an apostrophe.",
        "data_dictionary.csv explains every column; snapshot.json holds this stamp.", ""])


def _zip(meta: dict, members: list[tuple[str, bytes | str]]) -> bytes:
    """A zip whose bytes depend only on its members and the stamp: every entry is dated with the
    stamp's export time, not the clock, so rebuilding the same snapshot (a rerun of the page)
    gives the same file, and the same download address."""
    when = dt.datetime.fromisoformat(meta["exported_utc"]).timetuple()[:6]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def _head(meta: dict, bom: bool) -> list[tuple[str, bytes | str]]:
    sid = meta["snapshot_id"]
    return [(f"README_{sid}.txt", readme(meta).encode("utf-8-sig" if bom else "utf-8")),
            (f"snapshot_{sid}.json", json.dumps(meta, indent=2, ensure_ascii=False))]


def zip_all(db, f: Filters, meta: dict, bom: bool = True) -> bytes:
    sid = meta["snapshot_id"]
    return _zip(meta, [*_head(meta, bom),
                       (f"figures_filtered_{sid}.csv", to_csv(view(db, f), bom, sid)),
                       (f"events_filtered_{sid}.csv", to_csv(view_events(db, f), bom, sid)),
                       *[(f"{t}_{sid}.csv", to_csv(table(db, t), bom, sid)) for t in TABLES],
                       (f"data_dictionary_{sid}.csv", to_csv(dictionary(db), bom, sid))])


def filtered_zip(db, f: Filters, meta: dict, bom: bool = True) -> bytes:
    """The filtered figures and events with the stamp: a small citable bundle."""
    sid = meta["snapshot_id"]
    return _zip(meta, [*_head(meta, bom),
                       (f"figures_filtered_{sid}.csv", to_csv(view(db, f), bom, sid)),
                       (f"events_filtered_{sid}.csv", to_csv(view_events(db, f), bom, sid)),
                       (f"data_dictionary_{sid}.csv", to_csv(dictionary(db), bom, sid))])


def xlsx(db, f: Filters, meta: dict) -> bytes:
    """One workbook: 'About this snapshot', the filtered Figures and Events, the Corrections and
    the Dictionary. Text is always stored as text (never a formula); formula-like text is also
    marked with Excel's quote prefix, the spreadsheet form of the CSV files' apostrophe."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    bold = Font(bold=True)

    def cell(ws, v, header: bool = False):
        if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
            return WriteOnlyCell(ws, value=None)
        if _is_list(v):
            v = ", ".join(map(str, v))
        elif isinstance(v, np.generic):
            v = v.item()
        if isinstance(v, pd.Timestamp):
            v = v.to_pydatetime()
        if isinstance(v, str):
            text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", v)
            if len(text) > XLSX_MAX_CELL:
                text = text[:XLSX_MAX_CELL - 30] + " [cut: see the CSV export]"
            c = WriteOnlyCell(ws, value=text)
            c.data_type = "s"                     # never a formula, whatever it starts with
            c.quotePrefix = csvsafe.is_formula(text)
        else:
            c = WriteOnlyCell(ws, value=v)
            if isinstance(v, dt.datetime):
                c.number_format = "yyyy-mm-dd hh:mm:ss"
            elif isinstance(v, dt.date):
                c.number_format = "yyyy-mm-dd"
        if header:
            c.font = bold
        return c

    def sheet(title: str, df: pd.DataFrame, widths: dict | None = None):
        ws = wb.create_sheet(title)
        df = _plain_frame(df).head(XLSX_MAX_ROWS)
        df["snapshot_id"] = meta["snapshot_id"]
        for col, width in (widths or {}).items():
            if col in df.columns:
                letter = _column_letter(list(df.columns).index(col) + 1)
                ws.column_dimensions[letter].width = width
        ws.freeze_panes = "A2"
        ws.append([cell(ws, c, header=True) for c in df.columns])
        for row in df.itertuples(index=False, name=None):
            ws.append([cell(ws, v) for v in row])

    about = wb.create_sheet("About this snapshot")
    about.column_dimensions["A"].width = 26
    about.column_dimensions["B"].width = 110
    facts = [("Snapshot id", meta["snapshot_id"]), ("Cite as", meta["citation"]),
             ("Filters", meta["filters_text"]), ("Figures (filtered)", meta["figures"]),
             ("Events (filtered)", meta["events"]), ("Articles loaded", meta["articles"]),
             ("Analyst corrections applied", meta["corrections_applied"]),
             ("Data loaded up to (UTC)", meta["data_loaded_utc"]), ("Exported (UTC)", meta["exported_utc"]),
             ("Database content hash", meta["db_content_hash"]),
             ("Corrections", REVIEW_NOTE),
             ("Formulas", "Text is stored as text; cells that would read as a formula are quote-prefixed."),
             ("Filters (exact)", json.dumps(meta["filters"], ensure_ascii=False))]
    for k, v in facts:
        about.append([cell(about, k, header=True), cell(about, v)])
    n_fig, n_ev = meta["figures"], meta["events"]
    if max(n_fig, n_ev) > XLSX_MAX_ROWS:
        about.append([cell(about, "Note", header=True),
                      cell(about, f"Sheets hold the first {XLSX_MAX_ROWS:,} rows; the zip of CSVs has them all.")])
    wide = {"sentence": 90, "title": 40, "review_note": 40, "claimant": 28}
    sheet("Figures", view(db, f), wide)
    sheet("Events", view_events(db, f), wide)
    sheet("Corrections", table(db, "corrections"), wide)
    sheet("Dictionary", dictionary(db), {"meaning": 100})
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl dates the file (docProps/core.xml) and its zip entries by the clock: date them by
    # the stamp instead, so the same snapshot gives the same bytes
    from openpyxl.xml.functions import tostring
    wb.properties.created = wb.properties.modified = \
        dt.datetime.fromisoformat(meta["exported_utc"]).replace(tzinfo=None)
    core = tostring(wb.properties.to_tree())
    with zipfile.ZipFile(buf) as z:
        return _zip(meta, [(i.filename, core if i.filename == "docProps/core.xml" else z.read(i))
                           for i in z.infolist()])


def _column_letter(i: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(i)
