"""Grow a database by copying its articles under new ids: a big database in minutes.

    python -m bench.replicate --src bench/out/bench-n10000.duckdb --times 100 \\
        --db bench/out/bench-r1000000.duckdb

Extraction of a million generated articles takes hours on two cores; the store and the
queries only care about rows. Copy k (1..times) of every article gets the id
`<doc_id>~k`, and its figures and events get ids derived the same way; dates shift by
k*7 days modulo the corpus's span, so the copies spread over time like new reporting;
claim keys are kept for a third of the copies (the same claim reported again) and made
new for the rest. Rows are written through the real store (`store.open_writer`), one
segment per FLUSH_ARTICLES articles, and compacted by the real policy.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from loaders import compact, segments, store


def replicate(src: Path, db: Path, times: int, log=print) -> dict:
    t0 = time.perf_counter()
    with store.open_writer(db, wait=0) as w:
        w.execute(f"ATTACH {segments.sql_str(src)} AS src (READ_ONLY)")
        n_src = w.execute("SELECT count(*) FROM src.articles").fetchone()[0]
        per = max(1, store.FLUSH_ARTICLES // n_src)       # copies per segment
        for first in range(1, times + 1, per):
            ks = list(range(first, min(first + per, times + 1)))
            w.execute("CREATE OR REPLACE TEMP TABLE k AS SELECT unnest(?) AS k", [ks])
            shift = "(k * 7) % 1200"
            w.execute(f"""INSERT INTO articles BY NAME SELECT a.* REPLACE (
                              a.doc_id || '~' || k AS doc_id, a.published + {shift}::INTEGER AS published,
                              a.content_hash || '~' || k AS content_hash, NULL AS source_hash)
                          FROM src.articles a, k""")
            for t, key, day in (("figures", "figure_id", "figure_date"), ("events", "event_id", "event_date")):
                extra = (", CASE WHEN k % 3 = 0 THEN f.claim_key ELSE f.claim_key || '~' || k END AS claim_key"
                         if t == "figures" else "")
                w.execute(f"""INSERT INTO {t} BY NAME SELECT f.* REPLACE (
                                  f.{key} || '~' || k AS {key}, f.doc_id || '~' || k AS doc_id,
                                  f.{day} + {shift}::INTEGER AS {day}, f.day + {shift}::INTEGER AS day{extra})
                              FROM src.{t} f, k""")
            w.staged += n_src * len(ks)
            w.flush()
            log(f"  copies {ks[0]}..{ks[-1]} published: {n_src * ks[-1]:,} articles ({time.perf_counter() - t0:.0f} s)")
        w.execute("DETACH src")
    t1 = time.perf_counter()
    rounds = compact.compact(db, log=log)
    t2 = time.perf_counter()
    cat = segments.load_live(db)
    return {"src": str(src), "db": str(db), "times": times, "articles": sum(i["articles"] for i in cat.segments.values()),
            "write_s": round(t1 - t0, 1), "compact_s": round(t2 - t1, 1), "compaction_rounds": rounds,
            "segments": len(cat.segments)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, required=True)
    ap.add_argument("--times", type=int, required=True)
    ap.add_argument("--db", type=Path, required=True, help="new database (must not exist)")
    a = ap.parse_args(argv)
    if a.db.exists():
        ap.error(f"{a.db} exists")
    r = replicate(a.src, a.db, a.times)
    print(json.dumps(r, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
