"""Analysts' corrections of figures and events: checked, stored beside the data, matched again
to their rows after every re-ingest, shared as files.

Storage. One row per corrected figure or event in the `corrections` table of the database
itself, written only through `store.open_writer` (the single-writer lock and the atomic
publish every ingest uses). Ingests never write that table, so corrections outlive them.

Anchoring. A figure's id hashes its kind and offsets, so a change of rules or of the article
text gives the same number a new id. A correction therefore keeps what survives such a change:
the article (`doc_id`), the number's words (`words`) and the sentence they are in, plus the id
and offsets it had. `install_views` matches each correction to today's row: same id and
sentence first, then the same words in the same sentence (or a sentence that contains it, when
sentence splitting changed), then the same sentence with overlapping words. A correction that
matches nothing is `orphaned`: still listed, never dropped, and applied again if its row returns.

Reading. `install_views` builds, in a reader's own catalog, views named like the tables
(uncorrected rows straight from the table, so filters reach its scan, plus the few corrected rows
from a small table built when the reader opens):
`figures` and `events` carry the corrections (rejected rows left out) and four columns that
mark them (`review_status`, `corrected_fields`, `review_note`, `correction_id`);
`figures_all`/`events_all` keep rejected rows; `figures_raw`/`events_raw` are the rows as
extracted; `corrections` adds each correction's `state` and `matched_id`.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import math
from dataclasses import dataclass, field

from . import csvsafe, store
from .model import CLAIMANT_SIDES, EVENT_TYPES, FIGURE_KINDS, QUALIFIERS, SIDES

ITEMS = ("figure", "event")
ACTIONS = ("correct", "reject", "confirm")
STATUS = {"correct": "corrected", "reject": "rejected", "confirm": "confirmed"}

# row column -> corrections column, per item
FIELDS = {
    "figure": {"kind": "set_kind", "value": "set_value", "value_low": "set_value_low",
               "value_high": "set_value_high", "qualifier": "set_qualifier", "unit": "set_unit",
               "claimant": "set_claimant", "claimant_side": "set_claimant_side",
               "subject_side": "set_side", "place": "set_place", "figure_date": "set_date"},
    "event": {"event_type": "set_kind", "claimant": "set_claimant", "claimant_side": "set_claimant_side",
              "actor_side": "set_side", "place": "set_place", "event_date": "set_date"},
}
TABLE = {"figure": "figures", "event": "events"}
ID = {"figure": "figure_id", "event": "event_id"}
KIND = {"figure": "kind", "event": "event_type"}
WORDS = {"figure": "number_text", "event": "trigger"}
DATE = {"figure": "figure_date", "event": "event_date"}
SIDE = {"figure": "subject_side", "event": "actor_side"}
# a figure's claim is these columns (pipeline.assign_claim_keys): changing one gives a new key
CLAIM_FIELDS = ("kind", "value", "value_low", "value_high", "qualifier", "subject_side", "claimant_side", "place")
UNITS = {"attacks": "count", "strikes": "count", "equipment_lost": "count",   # = loaders/figures.UNITS
         "distance_km": "km", "territory_pct": "percent"}
EARLIEST = dt.date(1991, 8, 24)
MAX_TEXT = 500
MAX_NOTE = 4000
MAX_FILE = 20 * 2**20
COLUMNS = ["correction_id", "item", "action", "row_id", "doc_id", "kind", "words", "sentence",
           "span_start", "span_end", "sentence_start", "fields", *sorted(set(FIELDS["figure"].values())),
           "original", "note", "author", "created_at", "updated_at"]


class CorrectionError(ValueError):
    """A correction that cannot be stored; `problems` says each reason in plain words."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass
class Correction:
    item: str                       # figure, event
    action: str                     # correct, reject, confirm
    row_id: str                     # figure_id / event_id it was made on (or last matched)
    doc_id: str
    kind: str                       # kind / event_type as extracted
    words: str                      # number_text / trigger as written
    sentence: str
    span_start: int | None = None
    span_end: int | None = None
    sentence_start: int | None = None
    changes: dict = field(default_factory=dict)    # row column -> new value
    original: dict = field(default_factory=dict)   # those columns as extracted
    note: str | None = None
    author: str | None = None
    correction_id: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    def __post_init__(self):
        if not self.correction_id:
            self.correction_id = anchor_id(self.item, self.doc_id, self.kind, self.words, self.sentence,
                                           self.span_start)


def anchor_id(item, doc_id, kind, words, sentence, span_start) -> str:
    """The same row corrected in two copies of a database gets the same id, so an import
    merges the two instead of listing both."""
    raw = "\x1f".join(map(str, ("correction", item, doc_id, kind, words, sentence, span_start)))
    return hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


# --- checking -------------------------------------------------------------------------

def _missing(v) -> bool:
    """None, NaN, NaT, pd.NA or blank text."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return True
    try:
        return bool(v != v)
    except (TypeError, ValueError):
        return True


def _text(v, what: str, problems: list[str], limit: int = MAX_TEXT) -> str | None:
    if _missing(v):
        return None
    if not isinstance(v, str):
        problems.append(f"{what} must be text")
        return None
    v = " ".join(v.split())
    if len(v) > limit:
        problems.append(f"{what} is longer than {limit} characters")
    return v


def _number(v, what: str, problems: list[str]) -> float | None:
    if _missing(v):
        return None
    try:
        x = float(str(v).replace(",", "")) if isinstance(v, str) else float(v)
    except (TypeError, ValueError):
        problems.append(f"{what} is not a number: {v!r}")
        return None
    if isinstance(v, bool) or not math.isfinite(x) or x < 0:
        problems.append(f"{what} must be a number of zero or more, not {v!r}")
        return None
    return x


def _date(v, what: str, problems: list[str], today: dt.date | None = None) -> dt.date | None:
    if _missing(v):
        return None
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, str):
        try:
            v = dt.date.fromisoformat(v.strip())
        except ValueError:
            problems.append(f"{what} is not a date in the form YYYY-MM-DD: {v!r}")
            return None
    if not isinstance(v, dt.date):
        problems.append(f"{what} is not a date: {v!r}")
        return None
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    if not EARLIEST <= v <= latest:
        problems.append(f"{what} {v.isoformat()} is outside {EARLIEST.isoformat()} .. {latest.isoformat()}")
        return None
    return v


def _choice(v, allowed, what: str, problems: list[str], optional: bool = True):
    if _missing(v):
        if not optional:
            problems.append(f"{what} is required")
        return None
    if v not in allowed:
        problems.append(f"{what} must be one of {', '.join(allowed)}, not {v!r}")
        return None
    return v


def clean_changes(item: str, changes: dict, today: dt.date | None = None) -> dict:
    """Each changed column checked and normalised (raises CorrectionError)."""
    problems: list[str] = []
    allowed = FIELDS.get(item)
    if allowed is None:
        raise CorrectionError([f"item must be figure or event, not {item!r}"])
    out = {}
    for col, v in changes.items():
        if col not in allowed:
            problems.append(f"{col!r} cannot be corrected on {item}s")
        elif col in ("kind", "event_type"):
            out[col] = _choice(v, FIGURE_KINDS if item == "figure" else EVENT_TYPES, "kind", problems, False)
        elif col == "qualifier":
            out[col] = _choice(v, QUALIFIERS, "qualifier", problems, False)
        elif col == "unit":
            out[col] = _choice(v, ("people", "count", "km", "percent"), "unit", problems)
        elif col in ("value", "value_low", "value_high"):
            out[col] = _number(v, col.replace("_", " "), problems)
        elif col == "claimant_side":
            out[col] = _choice(v, CLAIMANT_SIDES, "who says so", problems, False)
        elif col in ("subject_side", "actor_side"):
            out[col] = _choice(v, SIDES, "whose losses" if col == "subject_side" else "acting side", problems)
        elif col in ("claimant", "place"):
            out[col] = _text(v, col, problems)
        elif col in ("figure_date", "event_date"):
            out[col] = _date(v, "date", problems, today)
    if problems:
        raise CorrectionError(problems)
    if item == "figure" and "kind" in out:
        out.setdefault("unit", UNITS.get(out["kind"], "people"))
    return out


def check_figure_values(row: dict) -> list[str]:
    """The corrected figure must still say a number in a way the pages can draw."""
    q, v, lo, hi = (row.get(k) for k in ("qualifier", "value", "value_low", "value_high"))
    v, lo, hi = (None if _missing(x) else x for x in (v, lo, hi))
    if q in ("exact", "approx", "more_than", "less_than") and v is None:
        return [f"a {q.replace('_', ' ')} figure needs a value"]
    if q == "range" and (lo is None or hi is None):
        return ["a range needs its low and high ends"]
    if q == "vague" and v is None and (lo is None or hi is None):
        return ["a vague figure needs a value or low and high ends"]
    if lo is not None and hi is not None and lo > hi:
        return ["the low end is above the high end"]
    if row.get("kind") == "territory_pct" and any(x is not None and x > 100 for x in (v, lo, hi)):
        return ["a share of territory cannot be above 100 %"]
    return []


def make(item: str, row: dict, action: str, changes: dict | None = None, note: str | None = None,
         author: str | None = None, correction_id: str = "", today: dt.date | None = None) -> Correction:
    """A checked correction of one row as extracted (a dict of the raw row's columns).

    `changes` maps row columns to new values; values equal to the extracted ones are dropped.
    A rejection needs a note; a correction needs at least one real change."""
    if action not in ACTIONS:
        raise CorrectionError([f"action must be one of {', '.join(ACTIONS)}"])
    problems: list[str] = []
    note = _text(note, "note", problems, MAX_NOTE)
    author = _text(author, "name", problems, 100)
    if problems:
        raise CorrectionError(problems)
    cleaned = clean_changes(item, changes or {}, today) if action == "correct" else {}
    real = {k: v for k, v in cleaned.items() if not _same(v, row.get(k))}
    if action == "correct":
        if not real:
            raise CorrectionError(["nothing differs from what was read; use Confirm to mark it checked"])
        if item == "figure":
            problems = check_figure_values({**row, **real})
            if problems:
                raise CorrectionError(problems)
    if action == "reject" and not note:
        raise CorrectionError(["say in the note why the row is wrong"])
    return Correction(
        item=item, action=action, row_id=row[ID[item]], doc_id=row["doc_id"], kind=row[KIND[item]],
        words=row[WORDS[item]], sentence=row["sentence"], span_start=_int(row.get("span_start")),
        span_end=_int(row.get("span_end")), sentence_start=_int(row.get("sentence_start")),
        changes=real, original={k: _plain(row.get(k)) for k in real}, note=note, author=author,
        correction_id=correction_id)


def _same(a, b) -> bool:
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    if isinstance(a, float) and isinstance(b, (int, float)):
        return a == float(b)
    if isinstance(b, dt.datetime):      # a pandas Timestamp for a DATE column
        b = b.date()
    return a == b


def _int(v) -> int | None:
    return None if _missing(v) else int(v)


def _plain(v):
    """JSON-ready: dates as ISO text, NaN as null."""
    if _missing(v):
        return None
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if hasattr(v, "item"):      # numpy scalars
        v = v.item()
    return v


# --- storing ---------------------------------------------------------------------------

def _row(c: Correction) -> dict:
    cols = FIELDS[c.item]
    out = {k: None for k in COLUMNS}
    out.update(correction_id=c.correction_id, item=c.item, action=c.action, row_id=c.row_id,
               doc_id=c.doc_id, kind=c.kind, words=c.words, sentence=c.sentence,
               span_start=c.span_start, span_end=c.span_end, sentence_start=c.sentence_start,
               fields=sorted(c.changes), original=json.dumps(c.original, sort_keys=True, default=str),
               note=c.note, author=c.author, created_at=c.created_at, updated_at=c.updated_at)
    for k, v in c.changes.items():
        out[cols[k]] = v
    return out


def _upsert(con, items: list[Correction]) -> None:
    if not items:
        return
    now = _now()
    ids = [c.correction_id for c in items]
    created = dict(con.execute("SELECT correction_id, created_at FROM corrections "
                               "WHERE correction_id IN (SELECT unnest(?))", [ids]).fetchall())
    rows = []
    for c in items:
        c.created_at = created.get(c.correction_id) or c.created_at or now
        c.updated_at = c.updated_at or now
        r = _row(c)
        rows.append(tuple(r[k] for k in COLUMNS))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM corrections WHERE correction_id IN (SELECT unnest(?))", [ids])
        con.executemany(f"INSERT INTO corrections ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                        rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def save(db, items: list[Correction] | Correction, wait: float = 15.0) -> None:
    """Store corrections (a new one, or a new version of one with the same id) through the
    single writer: waits up to `wait` seconds for a running ingest, then raises StoreBusy."""
    items = [items] if isinstance(items, Correction) else list(items)
    for c in items:
        c.updated_at = _now()
    with store.open_writer(db, wait=wait) as con:
        _upsert(con, items)


def delete(db, correction_ids: list[str], wait: float = 15.0) -> int:
    """Remove corrections by id (the row shows as extracted again). Returns how many went."""
    with store.open_writer(db, wait=wait) as con:
        n = con.execute("SELECT count(*) FROM corrections WHERE correction_id IN (SELECT unnest(?))",
                        [list(correction_ids)]).fetchone()[0]
        con.execute("DELETE FROM corrections WHERE correction_id IN (SELECT unnest(?))", [list(correction_ids)])
    return int(n)


# --- files: share corrections with a team -------------------------------------------------

FORMAT = "frontline-corrections"


def from_record(r: dict) -> Correction:
    """A correction from a stored row or a file record (either set_* columns or `changes`)."""
    problems: list[str] = []
    item = r.get("item")
    if item not in ITEMS:
        raise CorrectionError([f"item must be figure or event, not {item!r}"])
    action = r.get("action")
    if action not in ACTIONS:
        raise CorrectionError([f"action must be one of {', '.join(ACTIONS)}, not {action!r}"])
    for k in ("doc_id", "kind", "words", "sentence", "row_id"):
        if not isinstance(r.get(k), str) or not r.get(k):
            problems.append(f"{k} is missing")
    if problems:
        raise CorrectionError(problems)
    changes = r.get("changes")
    if changes is None:
        names = r.get("fields") or []
        if isinstance(names, str):
            names = [n.strip() for n in names.replace(",", ";").split(";") if n.strip()]
        cols = FIELDS[item]
        changes = {n: r.get(cols[n]) if n in cols else None for n in names}
        bad = [n for n in names if n not in cols]
        if bad:
            raise CorrectionError([f"{', '.join(bad)} cannot be corrected on {item}s"])
    if not isinstance(changes, dict):
        raise CorrectionError(["changes must be an object of column: value"])
    changes = clean_changes(item, changes) if action == "correct" else {}
    original = r.get("original") or {}
    if isinstance(original, str):
        try:
            original = json.loads(original)
        except ValueError:
            raise CorrectionError(["original is not JSON"]) from None
    note = _text(r.get("note"), "note", problems, MAX_NOTE)
    author = _text(r.get("author"), "name", problems, 100)
    created, updated = _stamp(r.get("created_at"), problems), _stamp(r.get("updated_at"), problems)
    if problems:
        raise CorrectionError(problems)
    return Correction(item=item, action=action, row_id=r["row_id"], doc_id=r["doc_id"], kind=r["kind"],
                      words=r["words"], sentence=r["sentence"], span_start=_maybe_int(r.get("span_start")),
                      span_end=_maybe_int(r.get("span_end")), sentence_start=_maybe_int(r.get("sentence_start")),
                      changes=changes, original=original if isinstance(original, dict) else {},
                      note=note, author=author, correction_id=str(r.get("correction_id") or ""),
                      created_at=created, updated_at=updated)


def _maybe_int(v) -> int | None:
    if _missing(v):
        return None
    try:
        return int(float(v))
    except (TypeError, ValueError):
        raise CorrectionError([f"offset is not a whole number: {v!r}"]) from None


def _stamp(v, problems: list[str]) -> dt.datetime | None:
    if _missing(v):
        return None
    if isinstance(v, dt.datetime):
        return v.replace(tzinfo=None)
    try:
        t = dt.datetime.fromisoformat(str(v).strip())
    except ValueError:
        problems.append(f"not a time: {v!r}")
        return None
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return t


def read_all(con) -> list[Correction]:
    """Every stored correction (on a writer connection or a reader with the views)."""
    cur = con.execute(f"SELECT {', '.join(COLUMNS)} FROM corrections ORDER BY correction_id")
    return [from_record(dict(zip(COLUMNS, r))) for r in cur.fetchall()]


def _record(c: Correction) -> dict:
    return {"correction_id": c.correction_id, "item": c.item, "action": c.action, "doc_id": c.doc_id,
            "row_id": c.row_id, "kind": c.kind, "words": c.words, "sentence": c.sentence,
            "span_start": c.span_start, "span_end": c.span_end, "sentence_start": c.sentence_start,
            "changes": {k: _plain(v) for k, v in sorted(c.changes.items())}, "original": c.original,
            "note": c.note, "author": c.author,
            "created_at": c.created_at.isoformat() if c.created_at else None,
            "updated_at": c.updated_at.isoformat() if c.updated_at else None}


def dump_json(items: list[Correction], meta: dict | None = None) -> bytes:
    doc = {"format": FORMAT, "version": 1, **(meta or {}), "corrections": [_record(c) for c in items]}
    return json.dumps(doc, indent=1, ensure_ascii=False).encode("utf-8")


CSV_COLUMNS = ["correction_id", "item", "action", "doc_id", "row_id", "kind", "words", "sentence",
               "span_start", "span_end", "sentence_start", "fields", *sorted(set(FIELDS["figure"].values())),
               "original", "note", "author", "created_at", "updated_at"]


def dump_csv(items: list[Correction], snapshot_id: str | None = None) -> bytes:
    """One row a correction, spreadsheet-safe, UTF-8 with BOM (Excel reads it right); with a
    snapshot id, as the last column (an import ignores it)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS + (["snapshot_id"] if snapshot_id else []))
    for c in items:
        r = _row(c)
        r["fields"] = ";".join(r["fields"])
        for k in ("created_at", "updated_at"):
            r[k] = r[k].isoformat() if r[k] else None
        w.writerow(["" if r[k] is None else csvsafe.neutralise(_csv_cell(r[k])) for k in CSV_COLUMNS]
                   + ([snapshot_id] if snapshot_id else []))
    return buf.getvalue().encode("utf-8-sig")


def _csv_cell(v):
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def parse_file(data: bytes, name: str = "") -> tuple[list[Correction], list[tuple[str, str]]]:
    """Corrections from a JSON or CSV file we wrote (or a team mate edited). Returns the good
    ones and (where, why) for each bad record; a file that cannot be read at all raises."""
    if len(data) > MAX_FILE:
        raise CorrectionError([f"{name or 'the file'} is over {MAX_FILE // 2**20} MB"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CorrectionError([f"{name or 'the file'} is not UTF-8 text"]) from None
    stripped = text.lstrip()
    records: list[tuple[str, dict]]
    if name.lower().endswith(".json") or stripped.startswith("{"):
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError) as e:
            raise CorrectionError([f"{name or 'the file'} is not valid JSON: {e}"]) from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("corrections"), list):
            raise CorrectionError([f"{name or 'the file'} is not a Frontline corrections file "
                                   f"(expected \"format\": \"{FORMAT}\" and a \"corrections\" list)"])
        records = [(f"record {i + 1}", r) for i, r in enumerate(doc["corrections"])]
    else:
        reader = csv.DictReader(io.StringIO(text))
        missing = {"item", "action", "doc_id", "kind", "words", "sentence"} - set(reader.fieldnames or ())
        if missing:
            raise CorrectionError([f"{name or 'the file'} is not a corrections CSV (missing {', '.join(sorted(missing))})"])
        records = [(f"line {i + 2}", {k: csvsafe.restore(v) if v != "" else None for k, v in r.items() if k})
                   for i, r in enumerate(reader)]
    good, bad = [], []
    for where, r in records:
        if not isinstance(r, dict):
            bad.append((where, "not an object"))
            continue
        try:
            good.append(from_record(r))
        except CorrectionError as e:
            bad.append((where, str(e)))
    return good, bad


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_newer: int = 0          # ours was edited later than the file's: ours stays
    failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.kept_newer:
            parts.append(f"{self.kept_newer} kept (ours is newer)")
        if self.failed:
            parts.append(f"{len(self.failed)} not read")
        return ", ".join(parts)


def merge(db, items: list[Correction], wait: float = 15.0) -> ImportReport:
    """Import: a correction new to this database is added; one we hold is replaced only by a
    version edited later (so two analysts' files can be imported in any order)."""
    report = ImportReport()
    with store.open_writer(db, wait=wait) as con:
        have = {c.correction_id: c for c in read_all(con)}
        todo = []
        for c in items:
            mine = have.get(c.correction_id)
            if mine is None:
                report.added += 1
            elif _record(mine) == _record(c):
                report.unchanged += 1
                continue
            elif mine.updated_at and c.updated_at and mine.updated_at > c.updated_at:
                report.kept_newer += 1
                continue
            else:
                report.updated += 1
            todo.append(c)
        _upsert(con, todo)
    return report


# --- reading: views that apply the corrections ----------------------------------------------

def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(con, catalog: str, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_catalog = ? AND table_schema = 'main' "
        "AND table_name = ? ORDER BY ordinal_position", [catalog, table]).fetchall()]


def _match_sql(src: str, item: str) -> str:
    """Each correction of `item` -> the row it applies to now, and its state."""
    t, rid, kind, words = f"{src}.main.{TABLE[item]}", ID[item], KIND[item], WORDS[item]
    return f"""
        WITH c AS (SELECT * FROM {src}.main.corrections WHERE item = '{item}'),
        cand AS (
            SELECT c.correction_id, c.updated_at, r.{rid} AS rid,
                   r.{words} = c.words AS same_words,
                   r.sentence = c.sentence AS same_sentence,
                   r.{rid} = c.row_id AS same_id,
                   r.{kind} = c.kind AS same_kind,
                   abs((r.span_start - r.sentence_start) - coalesce(c.span_start - c.sentence_start, 0)) AS drift
            FROM c JOIN {t} r ON r.doc_id = c.doc_id AND (
                (r.{words} = c.words AND (r.{rid} = c.row_id OR r.sentence = c.sentence
                                          OR contains(c.sentence, r.sentence) OR contains(r.sentence, c.sentence)))
                OR (r.sentence = c.sentence
                    AND r.span_start - r.sentence_start < c.span_end - c.sentence_start
                    AND c.span_start - c.sentence_start < r.span_end - r.sentence_start))),
        best AS (
            SELECT * FROM cand QUALIFY row_number() OVER (PARTITION BY correction_id ORDER BY
                same_words DESC, (same_id AND same_sentence) DESC, same_sentence DESC, same_id DESC,
                same_kind DESC, drift, rid) = 1),
        won AS (
            SELECT *, row_number() OVER (PARTITION BY rid ORDER BY (same_id AND same_sentence) DESC,
                                         updated_at DESC, correction_id) AS n FROM best)
        SELECT c.correction_id, '{item}' AS item, w.rid AS matched_id,
               CASE WHEN w.rid IS NULL THEN 'orphaned' WHEN w.n = 1 THEN 'applied' ELSE 'superseded' END AS state
        FROM c LEFT JOIN won w USING (correction_id)"""


def _claim_key_sql(merged: dict[str, str]) -> str:
    """pipeline.stable_id('claim', kind, subject, claimant_side, value, low, high, place, period)
    in SQL (Python's str(): None -> 'None', 1100.0 -> '1100.0'), for a corrected figure."""
    parts = ["'claim'"] + [f"coalesce(CAST({merged[c]} AS VARCHAR), 'None')" for c in
                           ("kind", "subject_side", "claimant_side", "value", "value_low", "value_high")]
    parts.append(f"coalesce(CAST(coalesce({merged['place']}, a.main_place) AS VARCHAR), 'None')")
    parts += [f"coalesce(CAST(r.{c} AS VARCHAR), 'None')" for c in ("period_start", "period_end")]
    return f"substr(sha1(concat_ws(chr(31), {', '.join(parts)})), 1, 16)"


def _fix_sql(src: str, item: str, raw_cols: list[str]) -> str:
    """The applied corrections of `item`, one row per corrected row, with the values to show."""
    t, rid = f"{src}.main.{TABLE[item]}", ID[item]
    merged = {col: (f"CASE WHEN list_contains(c.fields, '{col}') THEN c.{setc} ELSE r.{col} END"
                    if col in raw_cols else f"c.{setc}") for col, setc in FIELDS[item].items()}
    extra = ""
    if item == "figure" and "claim_key" in raw_cols:
        changed = ", ".join(f"'{c}'" for c in CLAIM_FIELDS)
        extra = (f", CASE WHEN list_has_any(c.fields, [{changed}]) THEN {_claim_key_sql(merged)} "
                 f"ELSE r.claim_key END AS new_claim_key")
    # the precomputed query columns (schema 8) follow a corrected place or date
    if "city" in raw_cols:
        extra += f", coalesce({merged['place']}, a.main_place) AS new_city"
    if "day" in raw_cols:
        extra += f", coalesce({merged[DATE[item]]}, a.published) AS new_day"
    # the claim key as extracted: its claim's per-claim rows are re-aggregated (segments.py)
    if item == "figure" and {"claim_key", "city"} <= set(raw_cols):
        from .segments import ck_sql
        extra += f", {ck_sql('r')} AS raw_ck"
    # the row's values as extracted, for the columns the sidebar counts (facets, segments.py)
    from .segments import FACETS
    extra += "".join(f", r.{c} AS raw_{c}" for t, c in FACETS if t == TABLE[item] and c in raw_cols)
    return f"""
        SELECT m.matched_id AS rid, c.correction_id, c.action, c.fields, c.note,
               {', '.join(f'{v} AS new_{k}' for k, v in merged.items())}{extra}
        FROM match_{item} m JOIN {src}.main.corrections c USING (correction_id)
        JOIN {t} r ON r.{rid} = m.matched_id JOIN {src}.main.articles a ON a.doc_id = r.doc_id
        WHERE m.state = 'applied'"""


def _marked_sql(src: str, item: str, raw_cols: list[str]) -> str:
    """The corrected rows, whole: raw columns with the corrections applied, and the marks."""
    t, rid = f"{src}.main.{TABLE[item]}", ID[item]
    fields = FIELDS[item]
    side_fields = {"claimant_how": ("claimant", "claimant_side"), "side_how": (SIDE[item],),
                   "place_how": ("place",)}
    cols = []
    for col in raw_cols:
        if col in fields:
            cols.append(f"x.new_{col} AS {col}")
        elif col in ("city", "day"):
            cols.append(f"x.new_{col} AS {col}")
        elif col == "claim_key" and item == "figure":
            cols.append("coalesce(x.new_claim_key, r.claim_key) AS claim_key")
        elif col == "date_precision":
            cols.append(f"CASE WHEN list_contains(x.fields, '{DATE[item]}') THEN 'day' ELSE r.date_precision END "
                        "AS date_precision")
        elif col in side_fields:   # an analyst decided it: say so where "how" is shown
            names = ", ".join(f"'{n}'" for n in side_fields[col])
            cols.append(f"CASE WHEN list_has_any(x.fields, [{names}]) THEN 'analyst' ELSE r.{col} END AS {col}")
        else:
            cols.append(f"r.{col}")
    cols += ["CASE x.action WHEN 'correct' THEN 'corrected' WHEN 'reject' THEN 'rejected' "
             "WHEN 'confirm' THEN 'confirmed' END AS review_status",
             "nullif(array_to_string(x.fields, ', '), '') AS corrected_fields",
             "x.note AS review_note", "x.correction_id"]
    return f"SELECT {', '.join(cols)} FROM fix_{item} x JOIN {t} r ON r.{rid} = x.rid"


MARKS = ("NULL::VARCHAR AS review_status, NULL::VARCHAR AS corrected_fields, NULL::VARCHAR AS review_note, "
         "NULL::VARCHAR AS correction_id")


def _views(src: str, item: str, any_fix: bool) -> tuple[str, str]:
    """(the _all view, the view pages read). Uncorrected rows come straight from the table, so
    filters reach its scan; the few corrected rows come from a small table built at open."""
    t, rid = f"{src}.main.{TABLE[item]}", ID[item]
    if not any_fix:
        plain = f"SELECT r.*, {MARKS} FROM {t} r"
        return plain, plain
    rest = f"SELECT r.*, {MARKS} FROM {t} r WHERE r.{rid} NOT IN (SELECT rid FROM fix_{item})"
    return (f"{rest} UNION ALL SELECT * FROM marked_{item}",
            f"{rest} UNION ALL SELECT * FROM marked_{item} WHERE review_status <> 'rejected'")


def install_views(con, src: str) -> dict[str, int]:
    """Create the reader views over the tables of the attached catalog `src` in the
    connection's own (in-memory) catalog; returns how many corrections are applied/orphaned."""
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = ? AND table_schema = 'main'",
        [src]).fetchall()]
    for t in tables:
        if t not in ("figures", "events", "corrections", "figures_by_kind", "evidence", "facets", "per_claim",
                     "per_claim_outlet", "matrix_cells"):
            con.execute(f"CREATE OR REPLACE VIEW {_q(t)} AS SELECT * FROM {src}.main.{_q(t)}")
    has = "corrections" in tables and con.execute(
        f"SELECT count(*) FROM {src}.main.corrections").fetchone()[0] > 0
    counts = {"applied": 0, "orphaned": 0, "superseded": 0}
    fixed = {}
    for item in ITEMS:
        table = TABLE[item]
        if table not in tables:
            continue
        raw_cols = _columns(con, src, table)
        con.execute(f"CREATE OR REPLACE VIEW {table}_raw AS SELECT * FROM {src}.main.{table}")
        if has:
            con.execute(f"CREATE OR REPLACE TABLE match_{item} AS {_match_sql(src, item)}")
            con.execute(f"CREATE OR REPLACE TABLE fix_{item} AS {_fix_sql(src, item, raw_cols)}")
            for state, n in con.execute(f"SELECT state, count(*) FROM match_{item} GROUP BY state").fetchall():
                counts[state] += n
            any_fix = con.execute(f"SELECT count(*) FROM fix_{item}").fetchone()[0] > 0
            if any_fix:
                con.execute(f"CREATE OR REPLACE TABLE marked_{item} AS {_marked_sql(src, item, raw_cols)}")
        else:
            con.execute(f"CREATE OR REPLACE TABLE match_{item} (correction_id VARCHAR, item VARCHAR, "
                        "matched_id VARCHAR, state VARCHAR)")
            any_fix = False
        fixed[item] = any_fix
        everything, shown = _views(src, item, any_fix)
        con.execute(f"CREATE OR REPLACE VIEW {table}_all AS {everything}")
        con.execute(f"CREATE OR REPLACE VIEW {table} AS {shown}")
    _derived_views(con, src, tables, fixed)
    if "corrections" in tables:
        con.execute(f"""CREATE OR REPLACE VIEW corrections AS
            SELECT c.*, coalesce(m.state, 'orphaned') AS state, m.matched_id
            FROM {src}.main.corrections c
            LEFT JOIN (SELECT * FROM match_figure UNION ALL SELECT * FROM match_event) m USING (correction_id)""")
    else:   # an older database: no corrections yet, same columns
        cols = ", ".join(f"NULL::{_type(c)} AS {c}" for c in COLUMNS)
        con.execute(f"CREATE OR REPLACE VIEW corrections AS SELECT {cols}, NULL::VARCHAR AS state, "
                    "NULL::VARCHAR AS matched_id WHERE false")
    return counts


def _derived_views(con, src: str, tables: list[str], fixed: dict[str, bool]) -> None:
    """The copies of figures and events that segments keep in other orders (loaders/segments.py:
    `figures_by_kind` for the claims queries, `evidence` for the Evidence page), with the same
    corrections as `figures` and `events`: their rows minus corrected ones, plus those as corrected.
    A database without them (older, or not a segment catalog) gets the same rows from the views."""
    from .segments import BY_KIND_COLS, EVIDENCE_EVENTS, EVIDENCE_FIGURES, FACETS, by_kind_select, facets_sql
    if "figures_by_kind" in tables:
        sql = f"SELECT {', '.join(BY_KIND_COLS)} FROM {src}.main.figures_by_kind"
        if fixed.get("figure"):
            sql += (" WHERE figure_id NOT IN (SELECT rid FROM fix_figure) UNION ALL "
                    f"SELECT {by_kind_select()} FROM marked_figure WHERE review_status <> 'rejected'")
        con.execute(f"CREATE OR REPLACE VIEW figures_by_kind AS {sql}")
    elif "figures" in tables:
        con.execute(f"CREATE OR REPLACE VIEW figures_by_kind AS SELECT {by_kind_select()} FROM figures")
    if "evidence" in tables:
        keep = [f"(item <> '{item}' OR id NOT IN (SELECT rid FROM fix_{item}))" for item in ITEMS if fixed.get(item)]
        sql = f"SELECT *, NULL::VARCHAR AS review_status FROM {src}.main.evidence"
        sql += (" WHERE " + " AND ".join(keep)) if keep else ""
        for item, select in (("figure", EVIDENCE_FIGURES), ("event", EVIDENCE_EVENTS)):
            if fixed.get(item):
                sql += f" UNION ALL BY NAME {select}, review_status FROM marked_{item} WHERE review_status <> 'rejected'"
        con.execute(f"CREATE OR REPLACE VIEW evidence AS {sql}")
    elif "figures" in tables and "events" in tables:
        con.execute(f"CREATE OR REPLACE VIEW evidence AS {EVIDENCE_FIGURES}, review_status FROM figures "
                    f"UNION ALL BY NAME {EVIDENCE_EVENTS}, review_status FROM events")
    _claim_views(con, src, tables, fixed)
    # facets (counts per value, summed by the reader): a corrected row counts as corrected, not as read
    if "facets" in tables:
        parts = [f"SELECT * FROM {src}.main.facets"]
        for item in [i for i in ITEMS if fixed.get(i)]:
            cols = ", ".join(f"raw_{c} AS {c}" for t, c in FACETS if t == TABLE[item])
            parts.append(f"SELECT * FROM {facets_sql({TABLE[item]: f'(SELECT {cols} FROM fix_{item})'}, -1)}")
            shown = f"(SELECT * FROM marked_{item} WHERE review_status <> 'rejected')"
            parts.append(f"SELECT * FROM {facets_sql({TABLE[item]: shown})}")
        con.execute("CREATE OR REPLACE VIEW facets AS " + " UNION ALL ".join(parts))
    elif all(t in tables for t in ("figures", "events", "articles")):
        con.execute("CREATE OR REPLACE VIEW facets AS SELECT * FROM "
                    + facets_sql({t: t for t in ("figures", "events", "articles")}))


def _claim_views(con, src: str, tables: list[str], fixed: dict[str, bool]) -> None:
    """per_claim / per_claim_outlet (one row per claim, per claim and outlet: loaders/segments.py)
    with the corrections: the claims a correction touches (its figure's key as extracted and as
    corrected) re-aggregated from the corrected `figures_by_kind` when the reader opens, the
    other claims' rows as stored. A database without them gets them from `figures_by_kind`."""
    from .segments import CLAIM_BY, ck_sql, claim_partials_sql
    if "figures_by_kind" not in tables and "figures" not in tables:
        return
    stored = _stored_claims(con, src, tables)
    if fixed.get("figure") and "per_claim" in tables:
        con.execute(f"""CREATE OR REPLACE TABLE claim_fix_keys AS
            SELECT raw_ck AS ck FROM fix_figure WHERE raw_ck IS NOT NULL
            UNION SELECT {ck_sql()} FROM marked_figure""")
    for table in CLAIM_BY:
        if table not in tables:
            sql = f"SELECT * FROM {claim_partials_sql(table, 'figures_by_kind')}"
        elif fixed.get("figure"):
            again = "(SELECT * FROM figures_by_kind WHERE ck IN (SELECT ck FROM claim_fix_keys))"
            con.execute(f"CREATE OR REPLACE TABLE fix_{table} AS SELECT * FROM {claim_partials_sql(table, again)}")
            sql = (f"SELECT * FROM ({stored[table]}) WHERE ck NOT IN (SELECT ck FROM claim_fix_keys) "
                   f"UNION ALL BY NAME SELECT * FROM fix_{table}")
        else:
            sql = stored[table]
        con.execute(f"CREATE OR REPLACE VIEW {table} AS {sql}")
    _cell_view(con, src, tables, fixed, stored)


def _cell_view(con, src: str, tables: list[str], fixed: dict[str, bool], stored: dict[str, str]) -> None:
    """matrix_cells (the matrix's cells: loaders/segments.py) with the corrections: the cells the
    corrected claims fall in, as extracted and as corrected, re-aggregated from the corrected
    per_claim rows when the reader opens, the other cells as stored. A database without them gets
    them from per_claim."""
    from .segments import CELL_GROUP, cells_on, cells_sql
    if "matrix_cells" not in tables:
        sql = f"SELECT * FROM {cells_sql('per_claim')}"
    elif fixed.get("figure"):
        by = ", ".join(CELL_GROUP)
        # a claim row lies in one cell, that of its figures: the cells of the touched claims' rows
        # as re-aggregated (fix_per_claim), and of the corrected figures as extracted (the touched
        # claims' other figures are in fix_per_claim's rows, unchanged)
        raw = ", ".join(f"raw_{c} AS {c}" for c in CELL_GROUP)
        con.execute(f"""CREATE OR REPLACE TABLE cell_fix_groups AS SELECT DISTINCT {by} FROM (
            SELECT {by} FROM fix_per_claim UNION ALL SELECT {raw} FROM fix_figure)""")
        con.execute("CREATE OR REPLACE TABLE fix_matrix_cells AS SELECT * FROM " + cells_sql(
            f"(SELECT c.* FROM per_claim c SEMI JOIN cell_fix_groups g ON {cells_on('c', 'g')})"))
        sql = (f"SELECT s.* FROM ({stored['matrix_cells']}) s ANTI JOIN cell_fix_groups g ON {cells_on('s', 'g')} "
               "UNION ALL BY NAME SELECT * FROM fix_matrix_cells")
    else:
        sql = stored["matrix_cells"]
    con.execute(f"CREATE OR REPLACE VIEW matrix_cells AS {sql}")


def _stored_claims(con, src: str, tables: list[str]) -> dict[str, str]:
    """The catalog's per-claim rows (segments.claim_view_sql), with what its views would compute at
    every query from the immutable files (the claims that replaced articles touch, the merge of
    claims several segments hold) computed once, into tables of this reader."""
    from . import segments
    out = {t: f"SELECT * FROM {src}.main.{t}" for t in (*segments.CLAIM_BY, "matrix_cells")}
    if "per_claim" not in tables or not segments.is_catalog(con, src):
        return out
    cat = segments.read_catalog(con, src)
    if not segments.claims_stored(cat):
        return out     # the claims queries group figures (metrics.claims.claim_table): nothing to prepare
    from pathlib import Path
    db = Path(con.execute("SELECT path FROM duckdb_databases() WHERE database_name = ?", [src]).fetchone()[0])
    kept: set[str] = set()

    def keep(name: str, sql: str) -> str:
        if name not in kept:
            con.execute(f"CREATE OR REPLACE TABLE {name} AS {sql}")
            kept.add(name)
        return name
    out = {t: segments.claim_view_sql(db, t, cat, f"{src}.", keep) for t in segments.CLAIM_BY}
    if "matrix_cells" in tables:
        out["matrix_cells"] = segments.cells_view_sql(db, cat, f"{src}.", keep)
    return out


def _type(col: str) -> str:
    if col in ("set_value", "set_value_low", "set_value_high"):
        return "DOUBLE"
    if col in ("span_start", "span_end", "sentence_start"):
        return "INTEGER"
    if col == "set_date":
        return "DATE"
    if col in ("created_at", "updated_at"):
        return "TIMESTAMP"
    if col == "fields":
        return "VARCHAR[]"
    return "VARCHAR"
