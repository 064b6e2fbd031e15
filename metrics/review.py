"""The review queue: figures and events whose attribution is weakest first, and the corrections.

How weak an attribution is, in this order (an honest ordering, not a score that hides why):
1. how many of who-says-so, whose-losses (acting side for events) and place were *defaulted*:
   nothing in the text said them (for place: no place at the number, so the article's main place
   stands in; for a side: none found);
2. how many were *carried from the context* (an earlier sentence, the headline, a briefing);
3. how many were decided in a way *not recorded* (rows loaded before that was tracked);
Ties: casualty figures first (the Claims page compares them), then vague or bounded numbers
before exact ones, then the newest. Every row says why it is listed, in words.
"""
from __future__ import annotations

import pandas as pd

from loaders.corrections import ID, TABLE

from .db import cached, query, rows
from .evidence import mark
from .filters import Filters, event_where, figure_where
from .style import CASUALTY_KINDS, fmt_claim

LIMIT = 500
STATUSES = {"to review": "x.review_status IS NULL", "corrected": "x.review_status = 'corrected'",
            "rejected": "x.review_status = 'rejected'", "confirmed": "x.review_status = 'confirmed'",
            "all": "TRUE"}


def _how(how: str, present: str) -> str:
    """'default' / 'context' / 'unrecorded' / 'stated' for one attribute, in SQL."""
    return f"""CASE WHEN {how} = 'analyst' THEN 'analyst'
                    WHEN NOT ({present}) THEN 'default'
                    WHEN {how} IN ('stated', 'context', 'default') THEN {how}
                    ELSE 'unrecorded' END"""


def _parts(item: str, alias: str = "x") -> dict[str, str]:
    side = "subject_side" if item == "figure" else "actor_side"
    return {
        "claimant": _how(f"{alias}.claimant_how", f"{alias}.claimant_side <> 'unattributed' "
                         f"OR {alias}.claimant_how IN ('stated', 'context')"),
        "side": _how(f"{alias}.side_how", f"{alias}.{side} IS NOT NULL"),
        "place": _how(f"{alias}.place_how", f"{alias}.place IS NOT NULL"),
    }


# Defaulted and carried-from-context attributes are named; "not recorded" only orders the rows
# (the extractor does not record it for every attribute yet, and naming it on every row is noise).
WHY_WORDS = {
    "claimant": {"default": "no claimant", "context": "claimant from context"},
    "side": {"default": "{side} not said", "context": "{side} from context"},
    "place": {"default": "no place", "context": "place from context"},
}


def _queue_sql(item: str, f: Filters, status: str) -> tuple[str, list]:
    t, rid = TABLE[item], ID[item]
    if item == "figure":
        where, params = figure_where(f, alias="x")
        kind, words, date, side = "x.kind", "x.number_text", "coalesce(x.figure_date, a.published)", "x.subject_side"
        casualty = f"x.kind IN ({', '.join(repr(k) for k in CASUALTY_KINDS)})"
        exact = "x.qualifier = 'exact'"
        extra = "x.qualifier, x.value, x.value_low, x.value_high"
    else:
        where, params = event_where(f, alias="x")
        kind, words, date, side = "x.event_type", "x.trigger", "coalesce(x.event_date, a.published)", "x.actor_side"
        casualty, exact = "FALSE", "TRUE"
        extra = "NULL AS qualifier, NULL AS value, NULL AS value_low, NULL AS value_high"
    parts = _parts(item)
    hows = ", ".join(f"{sql} AS how_{name}" for name, sql in parts.items())
    count = lambda code: " + ".join(f"(how_{n} = '{code}')::INT" for n in parts)  # noqa: E731
    sql = f"""
        WITH q AS (
            SELECT x.{rid} AS id, '{item}' AS item, {kind} AS what, {extra}, {side} AS side, x.claimant,
                   x.claimant_side, coalesce(x.place, a.main_place) AS city, {date} AS date, x.sentence,
                   x.span_start - x.sentence_start AS rel_start, x.span_end - x.sentence_start AS rel_end,
                   {words} AS words, a.outlet, a.title, x.review_status, x.review_note, x.corrected_fields,
                   {casualty} AS casualty, {exact} AS exact, {hows}
            FROM {t}_all x JOIN articles a USING (doc_id) {where} AND {STATUSES[status]})
        SELECT *, {count('default')} AS defaulted, {count('context')} AS contextual,
               {count('unrecorded')} AS unrecorded
        FROM q"""
    return sql, params


ORDER = "defaulted DESC, contextual DESC, unrecorded DESC, casualty DESC, exact, date DESC NULLS LAST, id"


@cached
def queue(db, item: str, f: Filters, status: str = "to review", limit: int = LIMIT) -> pd.DataFrame:
    """The rows to review, weakest attribution first (see the module docstring)."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    sql, params = _queue_sql(item, f, status)
    df = query(db, f"{sql} ORDER BY {ORDER} LIMIT ?", params + [int(limit)])
    side_word = "side" if item == "figure" else "actor"   # short: the column is narrow on a laptop
    why = []
    for r in df.itertuples():
        bits = [WHY_WORDS[n][getattr(r, f"how_{n}")].format(side=side_word)
                for n in ("claimant", "side", "place") if getattr(r, f"how_{n}") in WHY_WORDS[n]]
        unknown = any(getattr(r, f"how_{n}") == "unrecorded" for n in ("claimant", "side", "place"))
        why.append("; ".join(bits) if bits else "how some were decided is not recorded" if unknown
                   else "all stated in the sentence")
    df["why"] = why
    df["evidence"] = [mark(*r) for r in zip(df["sentence"], df["rel_start"], df["rel_end"], df["words"])]
    df["number"] = [fmt_claim(q, v, lo, hi) if item == "figure" else w
                    for q, v, lo, hi, w in zip(df["qualifier"], df["value"], df["value_low"], df["value_high"],
                                               df["words"])]
    return df


@cached
def queue_counts(db, item: str, f: Filters) -> dict[str, int]:
    """How many rows each status holds under the filters."""
    sql, params = _queue_sql(item, f, "all")
    got = query(db, f"""SELECT count(*) FILTER (WHERE review_status IS NULL) AS "to review",
                               count(*) FILTER (WHERE review_status = 'corrected') AS corrected,
                               count(*) FILTER (WHERE review_status = 'rejected') AS rejected,
                               count(*) FILTER (WHERE review_status = 'confirmed') AS confirmed,
                               count(*) AS "all",
                               count(*) FILTER (WHERE review_status IS NULL AND defaulted > 0) AS weak
                        FROM ({sql})""", params).iloc[0]
    return {k: int(v) for k, v in got.items()}


def raw_row(db, item: str, row_id: str) -> dict | None:
    """The row as extracted (what a correction is made against), as plain Python values."""
    got = rows(db, f"SELECT * FROM {TABLE[item]}_raw WHERE {ID[item]} = ?", [row_id])
    return got[0] if got else None


def current_row(db, item: str, row_id: str) -> dict | None:
    """The row as the pages show it (corrections applied; rejected rows too)."""
    got = rows(db, f"SELECT * FROM {TABLE[item]}_all WHERE {ID[item]} = ?", [row_id])
    return got[0] if got else None


@cached
def corrections(db) -> pd.DataFrame:
    """Every correction with its state, newest first; orphaned ones first of all."""
    return query(db, """
        SELECT correction_id, state, item, action, kind, words, sentence, doc_id, fields, note, author,
               updated_at, matched_id
        FROM corrections
        ORDER BY state = 'applied', updated_at DESC, correction_id""")


def correction_records(db) -> list[dict]:
    """Every stored correction as a record (loaders.corrections.from_record reads it back)."""
    from loaders.corrections import COLUMNS
    return rows(db, f"SELECT {', '.join(COLUMNS)} FROM corrections ORDER BY correction_id")


@cached
def places(db) -> list[str]:
    """Place names an analyst can pick: the gazetteer's and every place the data names."""
    df = query(db, """SELECT name FROM places UNION SELECT place FROM figures_raw WHERE place IS NOT NULL
                      UNION SELECT place FROM events_raw WHERE place IS NOT NULL
                      UNION SELECT main_place FROM articles WHERE main_place IS NOT NULL ORDER BY 1""")
    return [p for p in df.iloc[:, 0].tolist() if p]
