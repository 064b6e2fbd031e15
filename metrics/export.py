"""CSV snapshots: the filtered view and every table, stamped, formula-safe, with a dictionary."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile

import pandas as pd

from .db import cached, query
from .filters import Filters, figure_where

TABLES = ("articles", "figures", "events", "places", "meta")
EAGER_ROWS = 20_000   # up to this many rows in all, downloads are built with the page
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

DICTIONARY = {
    ("view", "*"): "The filtered figures as shown on the Evidence page, joined to their article.",
    ("articles", "doc_id"): "Article id (file name or record id).",
    ("articles", "published"): "Publication date; published_how says given, inferred or unknown.",
    ("articles", "main_place"): "The city the article is mostly about.",
    ("articles", "text"): "Cleaned article text; figure and event offsets index into it.",
    ("articles", "loaded_at"): "When the article was loaded (UTC).",
    ("figures", "kind"): "What is counted: killed, wounded, population_remaining, distance_km, ...",
    ("figures", "value"): "The number claimed (null for a range without a point value).",
    ("figures", "value_low"): "Lower end of a range or vague amount.",
    ("figures", "value_high"): "Upper end of a range or vague amount.",
    ("figures", "qualifier"): "exact, more_than (lower bound), less_than (upper bound), approx, range, vague.",
    ("figures", "unit"): "people, count, km or percent.",
    ("figures", "subject_side"): "Whose people or losses the number is about.",
    ("figures", "claimant_side"): "Who says so: ukraine, russia, third_party or unattributed.",
    ("figures", "period_start"): "Start of the period the number covers (null: cumulative to date).",
    ("figures", "figure_date"): "Date the number refers to: period end, else statement date, else publication.",
    ("figures", "sentence"): "The sentence the number was read from.",
    ("figures", "span_start"): "Offset of the number's words in the article text.",
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
    ("figures", "figure_id"): "Stable id of the figure.",
    ("figures", "doc_id"): "The article the figure was read from.",
    ("figures", "claimant"): "Who is quoted as the source of the number, as written.",
    ("figures", "place"): "Place the number is about (null: the article's main place applies).",
    ("figures", "period_end"): "End of the period the number covers.",
    ("figures", "period_text"): "The period as written ('since August', 'last week').",
    ("figures", "date_precision"): "day, week, month or year.",
    ("figures", "sentence_start"): "Offset of the sentence in the article text.",
    ("figures", "span_end"): "End offset of the number's words in the article text.",
    ("figures", "number_text"): "The number's words exactly as written.",
    ("events", "event_id"): "Stable id of the event.",
    ("events", "doc_id"): "The article the event was read from.",
    ("events", "event_date"): "When it happened, as precise as date_precision says.",
    ("events", "place"): "Where it happened.",
    ("events", "claimant"): "Who reports it, as written.",
    ("events", "claimant_side"): "Side of who reports it.",
    ("events", "sentence"): "The sentence the event was read from.",
    ("events", "trigger"): "The words that signal the event.",
    ("places", "kind"): "city, town, village, oblast, country or region.",
    ("places", "oblast"): "The oblast the place is in.",
    ("places", "lat"): "Latitude (degrees north).",
    ("places", "lon"): "Longitude (degrees east).",
    ("places", "population"): "Pre-war population from the gazetteer.",
    ("meta", "value"): "Value of the fact.",
}


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_datetime64_any_dtype(s):
            continue
        out[col] = s.map(lambda x: "'" + x if isinstance(x, str) and x.startswith(FORMULA_START) else x)
    return out


def to_csv(df: pd.DataFrame, bom: bool = False) -> bytes:
    df = df.copy()
    for col in df.columns:  # 1100.0 -> 1100 when a float column holds only whole numbers
        s = df[col]
        if pd.api.types.is_float_dtype(s) and s.notna().any() and (s.dropna() % 1 == 0).all() \
                and s.abs().max() < 2**53:
            df[col] = s.astype("Int64")
    text = neutralise(df).to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig" if bom else "utf-8")


# What identifies each table's content. Figures and events are a pure function of their
# article's content hash (which includes the extractor version), so the articles' hashes
# identify them too; hashing their full rows cost half a second on 800k figures.
_CONTENT = {"articles": "hash(t.doc_id, t.content_hash)", "figures": "hash(t.figure_id)",
            "events": "hash(t.event_id)", "places": "hash(t)"}


@cached
def content_hash(db) -> str:
    """A digest of what the database holds (row contents, not file layout)."""
    h = hashlib.sha256()
    for t in TABLES:
        expr = _CONTENT.get(t, "hash(t)")
        row = query(db, f"SELECT count(*) AS n, coalesce(bit_xor({expr}), 0) AS x FROM {t} t").iloc[0]
        h.update(f"{t}:{int(row['n'])}:{int(row['x'])};".encode())
    return h.hexdigest()[:16]


def stamp(db, f: Filters, now: dt.datetime | None = None) -> dict:
    """The snapshot stamp: content hash + filters + time, and an id hashed from all three."""
    now = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    meta = {"db_content_hash": content_hash(db), "filters": f.describe(),
            "created_utc": now.isoformat()}
    meta["snapshot_id"] = hashlib.sha256(json.dumps(meta, sort_keys=True).encode()).hexdigest()[:12]
    return meta


@cached
def view(db, f: Filters) -> pd.DataFrame:
    """The current filtered view: every matching figure with its article's title, outlet, date, link."""
    where, params = figure_where(f)
    return query(db, f"""
        SELECT f.figure_id, f.kind, f.value, f.value_low, f.value_high, f.qualifier, f.unit,
               f.subject_side, f.claimant, f.claimant_side, coalesce(f.place, a.main_place) AS city,
               f.period_start, f.period_end, coalesce(f.figure_date, a.published) AS date,
               f.number_text, f.sentence, a.doc_id, a.title, a.outlet, a.published, a.url
        FROM figures f JOIN articles a USING (doc_id) {where}
        ORDER BY date NULLS LAST, f.figure_id""", params)


@cached
def view_count(db, f: Filters) -> int:
    where, params = figure_where(f)
    return int(query(db, f"SELECT count(*) AS n FROM figures f JOIN articles a USING (doc_id) {where}",
                     params)["n"].iloc[0])


@cached
def table(db, name: str) -> pd.DataFrame:
    if name not in TABLES:  # never a user-chosen identifier in SQL
        raise ValueError(f"unknown table {name!r}")
    order = {"articles": "doc_id", "figures": "figure_id", "events": "event_id",
             "places": "name", "meta": "key"}[name]
    return query(db, f"SELECT * FROM {name} ORDER BY {order}")


@cached
def row_counts(db) -> dict[str, int]:
    return {t: int(query(db, f"SELECT count(*) AS n FROM {t}")["n"].iloc[0]) for t in TABLES}


@cached
def dictionary(db) -> pd.DataFrame:
    cols = query(db, """SELECT table_name AS "table", column_name AS "column", data_type AS type
                        FROM information_schema.columns WHERE table_name IN (SELECT unnest(?))
                        ORDER BY table_name, ordinal_position""", [list(TABLES)])
    cols["meaning"] = [DICTIONARY.get((t, c), "") for t, c in zip(cols["table"], cols["column"])]
    top = pd.DataFrame([{"table": "view", "column": "*", "type": "",
                         "meaning": DICTIONARY[("view", "*")]}])
    return pd.concat([top, cols], ignore_index=True)


def zip_all(db, f: Filters, meta: dict, bom: bool = False) -> bytes:
    sid = meta["snapshot_id"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"view_{sid}.csv", to_csv(view(db, f), bom))
        for t in TABLES:
            z.writestr(f"{t}_{sid}.csv", to_csv(table(db, t), bom))
        z.writestr(f"data_dictionary_{sid}.csv", to_csv(dictionary(db), bom))
        z.writestr(f"snapshot_{sid}.json", json.dumps(meta, indent=2))
    return buf.getvalue()
