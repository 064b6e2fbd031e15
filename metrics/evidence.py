"""Evidence: every figure and event, searchable, each with its sentence and the number marked."""
from __future__ import annotations

import pandas as pd

from .db import cached, query
from .filters import Filters, event_where, figure_where
from .style import fmt_claim

OPEN, CLOSE = "«", "»"   # plain text markers: safe to show anywhere, no HTML involved
LIMIT = 2000


def mark(sentence: str, rel_start: int, rel_end: int, words: str) -> str:
    """The sentence with the figure's words wrapped in «»; falls back to a text search."""
    s = sentence or ""
    if 0 <= rel_start < rel_end <= len(s) and (not words or s[rel_start:rel_end] == words):
        return s[:rel_start] + OPEN + s[rel_start:rel_end] + CLOSE + s[rel_end:]
    i = s.find(words) if words else -1
    if i >= 0:
        return s[:i] + OPEN + words + CLOSE + s[i + len(words):]
    return s


def _cutoff(db, f: Filters, items: tuple[str, ...], limit: int):
    """The date of the `limit`-th newest matching row, or None when fewer rows have a date:
    the newest `limit` rows (undated ones sort last) all lie on or after it, so the search
    reads sentences only from there (the dates alone are a fraction of the rows' bytes)."""
    parts, params = [], []
    if "figures" in items:
        fw, fp = figure_where(f)
        parts.append(f"SELECT f.day FROM figures f {fw}")
        params += fp
    if "events" in items:
        ew, ep = event_where(f)
        parts.append(f"SELECT e.day FROM events e {ew}")
        params += ep
    if not parts or limit < 1:
        return None
    row = query(db, f"SELECT day FROM ({' UNION ALL '.join(parts)}) WHERE day IS NOT NULL "
                    "ORDER BY day DESC LIMIT 1 OFFSET ?", params + [int(limit) - 1])
    return row["day"].iloc[0].date() if len(row) else None


@cached
def search(db, f: Filters, text: str = "", items: tuple[str, ...] = ("figures", "events"),
           limit: int = LIMIT) -> pd.DataFrame:
    """Figures and events matching the filters and a free-text search (sentence, title, outlet)."""
    parts, params = [], []
    like = f"%{text.strip()}%" if text and text.strip() else None
    # the outlet is on every row; only the title needs the articles (searched there once)
    titled = "doc_id IN (SELECT doc_id FROM articles WHERE title ILIKE ?)"
    # from the copy sorted newest first, unless a city narrows a text search: then the city's rows
    # (figures and events are stored by city) are fewer to read than the newest rows of every city
    if "figures" in items and not (f.city and like):
        return _newest(db, f, like, items, limit)
    since = None if like else _cutoff(db, f, items, limit)
    if "figures" in items:
        fw, fp = figure_where(f)
        if since is not None:
            fw, fp = fw + " AND f.day >= ?", fp + [since]
        if like:
            fw += f" AND (f.sentence ILIKE ? OR f.outlet ILIKE ? OR f.claimant ILIKE ? OR f.{titled})"
            fp += [like] * 4
        parts.append(f"""
            SELECT 'figure' AS item, f.figure_id AS id, f.kind AS what, f.qualifier, f.value,
                   f.value_low, f.value_high, f.subject_side AS side, f.claimant, f.claimant_side,
                   f.city, f.day AS date, f.sentence, f.span_start - f.sentence_start AS rel_start,
                   f.span_end - f.sentence_start AS rel_end, f.number_text AS words,
                   f.doc_id, f.review_status
            FROM figures f {fw}""")
        params += fp
    if "events" in items:
        ew, ep = event_where(f)
        if since is not None:
            ew, ep = ew + " AND e.day >= ?", ep + [since]
        if like:
            ew += f" AND (e.sentence ILIKE ? OR e.outlet ILIKE ? OR e.claimant ILIKE ? OR e.{titled})"
            ep += [like] * 4
        parts.append(f"""
            SELECT 'event' AS item, e.event_id AS id, e.event_type AS what, NULL AS qualifier, NULL AS value,
                   NULL AS value_low, NULL AS value_high, e.actor_side AS side, e.claimant, e.claimant_side,
                   e.city, e.day AS date, e.sentence, e.span_start - e.sentence_start AS rel_start,
                   e.span_end - e.sentence_start AS rel_end, e.trigger AS words, e.doc_id, e.review_status
            FROM events e {ew}""")
        params += ep
    if not parts:
        return pd.DataFrame()
    # the newest `limit` rows first, then their articles' columns for those rows only
    df = query(db, f"""
        WITH hits AS ({" UNION ALL ".join(parts)} ORDER BY date DESC NULLS LAST, id LIMIT ?)
        SELECT h.item, h.id, h.what, h.qualifier, h.value, h.value_low, h.value_high, h.side, h.claimant,
               h.claimant_side, h.city, h.date, h.sentence, h.rel_start, h.rel_end, h.words,
               a.title, a.outlet, a.published, a.url, a.doc_id, h.review_status
        FROM hits h JOIN articles a USING (doc_id)
        ORDER BY h.date DESC NULLS LAST, h.id""", params + [int(limit)])
    return _finish(df)


def _finish(df: pd.DataFrame) -> pd.DataFrame:
    """The sentence with the number marked, and the number as claimed."""
    df["evidence"] = [mark(*r) for r in zip(df["sentence"], df["rel_start"], df["rel_end"], df["words"])]
    df["number"] = [fmt_claim(q, v, lo, hi) if it == "figure" else ""
                    for it, q, v, lo, hi in zip(df["item"], df["qualifier"], df["value"],
                                                df["value_low"], df["value_high"])]
    return df


def _newest(db, f: Filters, like: str | None, items: tuple[str, ...], limit: int) -> pd.DataFrame:
    """`search` from `evidence`: figures and events in one copy sorted newest first
    (loaders/segments.py), so the scan stops at the first row groups that hold `limit` matches
    (DuckDB's top-N passes its running cutoff date down to the scan)."""
    where, params = event_where(f, "x")     # city, who says so, outlet, dates: on every row
    only = [(col, vals) for col, vals in (("x.side", f.subject_side), ("x.what", f.kind)) if vals]
    if only:                                # kind and whose losses narrow figures only (as figure_where)
        where += " AND (x.item = 'event' OR (" + " AND ".join(f"{c} IN (SELECT unnest(?))" for c, _ in only) + "))"
        params += [list(v) for _, v in only]
    if "events" not in items:
        where += " AND x.item = 'figure'"
    if like:
        where += (" AND (x.sentence ILIKE ? OR x.outlet ILIKE ? OR x.claimant ILIKE ? "
                  "OR x.doc_id IN (SELECT doc_id FROM articles WHERE title ILIKE ?))")
        params += [like] * 4
    df = query(db, f"""
        WITH hits AS (SELECT * FROM evidence x {where} ORDER BY x.day DESC NULLS LAST, x.id LIMIT ?)
        SELECT h.item, h.id, h.what, h.qualifier, h.value, h.value_low, h.value_high, h.side, h.claimant,
               h.claimant_side, h.city, h.day AS date, h.sentence, h.rel_start, h.rel_end, h.words,
               a.title, a.outlet, a.published, a.url, a.doc_id, h.review_status
        FROM hits h JOIN articles a USING (doc_id)
        ORDER BY h.day DESC NULLS LAST, h.id""", params + [int(limit)])
    return _finish(df)
