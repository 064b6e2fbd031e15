"""Extraction precision/recall of a database against the generator's planted gold.

The matching rules are those of ../shared/eval/score.py (copied, not imported: the
project never reads ../shared): a system figure matches a gold figure of the same doc
and kind when the values agree within 0.5% (for ranges, both bounds); system rows are
grouped on (doc, kind, value, value_low, value_high, subject_side) first; precision =
matched groups / groups, recall = matched required gold / required gold. Events match
on doc, event_type and place with the date within date_tol days.

One deliberate difference, because vague amounts have no agreed bounds: a planted
*optional* vague amount ("dozens of", "a few thousand") also accepts any system figure
of the same doc and kind whose qualifier is `vague`. Optional gold is never required,
so this only keeps such rows from counting against precision.

Work is per document (dicts keyed by doc), so 100,000 articles score in seconds.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import duckdb


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def value_matches(s, g):
    if g.get("qualifier") == "range" or g.get("value") is None:
        if close(s["value_low"], g.get("low")) and close(s["value_high"], g.get("high")):
            return True
        return bool(g.get("optional")) and g.get("qualifier") == "vague" and s.get("qualifier") == "vague"
    return any(v is not None and close(v, g["value"]) for v in (s["value"], s["value_low"], s["value_high"]))


def accepts(want, got):
    if want == "*":
        return True
    options = want if isinstance(want, list) else [want]
    norm = lambda x: None if x is None else str(x).strip().lower()  # noqa: E731
    return norm(got) in {norm(o) for o in options}


def _as_date(v):
    if v is None or (isinstance(v, dt.date) and not isinstance(v, dt.datetime)):
        return v
    if isinstance(v, dt.datetime):
        return v.date()
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _rows(con, sql):
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def score(db: Path, corpus: Path, examples: int = 0) -> dict:
    gold_fig, gold_ev = defaultdict(list), defaultdict(list)
    with open(Path(corpus) / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            (gold_fig if "kind" in g else gold_ev)[g["doc"]].append(g)
    docs = {}
    with open(Path(corpus) / "docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs[d["doc"]] = d
    con = duckdb.connect(str(db), read_only=True)
    try:
        sys_fig = defaultdict(dict)
        for r in _rows(con, "SELECT doc_id, kind, value, value_low, value_high, qualifier, subject_side, "
                            "claimant_side, place, sentence FROM figures"):
            if r["doc_id"] in docs:
                key = (r["kind"], r["value"], r["value_low"], r["value_high"], r["subject_side"])
                sys_fig[r["doc_id"]].setdefault(key, r)
        sys_ev = defaultdict(list)
        try:
            for r in _rows(con, "SELECT doc_id, event_type, event_date, place, actor_side FROM events"):
                if r["doc_id"] in docs:
                    sys_ev[r["doc_id"]].append(r)
        except duckdb.Error:
            pass
        published = dict(con.execute("SELECT doc_id, published FROM articles").fetchall())
    finally:
        con.close()

    n_sys = n_sys_matched = n_req = n_req_hit = 0
    attr = {"subject_side": [0, 0], "claimant_side": [0, 0], "place": [0, 0]}
    by_kind = defaultdict(lambda: [0, 0, 0, 0])   # required, hit, system, system matched
    missed, spurious = [], []
    for doc in docs:
        golds = gold_fig.get(doc, [])
        system = list(sys_fig.get(doc, {}).values())
        n_sys += len(system)
        matched_sys, matched_gold = set(), set()
        for gi, g in enumerate(golds):
            for si, s in enumerate(system):
                if si in matched_sys or s["kind"] != g["kind"]:
                    continue
                if value_matches(s, g):
                    matched_sys.add(si)
                    matched_gold.add(gi)
                    for f in attr:
                        if g.get(f) != "*":
                            attr[f][1] += 1
                            attr[f][0] += accepts(g.get(f), s[f])
                    break
        for si, s in enumerate(system):
            if si not in matched_sys and any(s["kind"] == g["kind"] and g.get("optional") and value_matches(s, g)
                                             for g in golds):
                matched_sys.add(si)
        n_sys_matched += len(matched_sys)
        for si, s in enumerate(system):
            by_kind[s["kind"]][2] += 1
            by_kind[s["kind"]][3] += si in matched_sys
            if si not in matched_sys and len(spurious) < examples:
                spurious.append(f"{doc} {s['kind']} {s['value']} [{s['value_low']}, {s['value_high']}] :: {s['sentence'][:160]}")
        for gi, g in enumerate(golds):
            if g.get("optional"):
                continue
            n_req += 1
            by_kind[g["kind"]][0] += 1
            if gi in matched_gold:
                n_req_hit += 1
                by_kind[g["kind"]][1] += 1
            elif len(missed) < examples:
                missed.append(f"{doc} {g['kind']} {g.get('value') or (g.get('low'), g.get('high'))} :: {g['quote'][:160]}")

    ev_req = ev_hit = 0
    ev_sys = sum(len(v) for v in sys_ev.values())
    for doc, golds in gold_ev.items():
        rows = sys_ev.get(doc, [])
        used = set()
        for g in golds:
            ev_req += 1
            want = dt.date.fromisoformat(g["date"])
            for si, s in enumerate(rows):
                if si in used or s["event_type"] != g["event"] or not accepts(g["place"], s["place"]):
                    continue
                got = _as_date(s["event_date"])
                if got is not None and abs((got - want).days) <= g.get("date_tol", 0):
                    used.add(si)
                    ev_hit += 1
                    break
    pub_ok = sum(1 for d, meta in docs.items()
                 if _as_date(published.get(d)) == dt.date.fromisoformat(meta["published"]))
    p = n_sys_matched / n_sys if n_sys else 0.0
    r = n_req_hit / n_req if n_req else 0.0
    out = {
        "articles_in_db": sum(1 for d in docs if d in published),
        "articles_expected": len(docs),
        "figures_gold": n_req, "figures_system": n_sys,
        "figures_precision": round(p, 3), "figures_recall": round(r, 3),
        "figures_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        **{f"{k}_accuracy": round(v[0] / v[1], 3) if v[1] else None for k, v in attr.items()},
        "events_gold": ev_req, "events_system": ev_sys,
        "events_recall": round(ev_hit / ev_req, 3) if ev_req else None,
        "published_accuracy": round(pub_ok / len(docs), 3) if docs else None,
        "by_kind": {k: {"recall": round(v[1] / v[0], 3) if v[0] else None,
                        "precision": round(v[3] / v[2], 3) if v[2] else None,
                        "gold": v[0], "system": v[2]} for k, v in sorted(by_kind.items())},
    }
    if examples:
        out["missed_examples"] = missed
        out["spurious_examples"] = spurious
    return out


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description="score a database against a generated corpus's gold")
    ap.add_argument("--db", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--examples", type=int, default=10)
    a = ap.parse_args()
    print(json.dumps(score(Path(a.db), Path(a.corpus), a.examples), indent=1))
