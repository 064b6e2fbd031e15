"""The whole benchmark in one command: generate, ingest end to end, score, query, render pages.

    python -m bench [--n 100000] [--workers N] [--reps 5] [--no-pages] [--reuse-db]
    bench/run.sh   [same options]

Prints the ingest figures (articles/s, MB/s, peak RSS, DB size, time shares, extraction
P/R on the planted gold) and the dashboard figures (p50/p95 per metrics function, page
render times), and writes them to bench/out/*.json. See docs/performance.md.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import generate as gen
from . import ingest as bingest
from . import queries as bqueries


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles (default 100,000; 10,000 for a quick run)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--reps", type=int, default=5, help="repetitions per query and filter set")
    ap.add_argument("--no-pages", action="store_true", help="skip the AppTest page renders")
    ap.add_argument("--reuse-db", action="store_true", help="skip the ingest when the database exists")
    ap.add_argument("--out", type=Path, default=gen.DEFAULT_OUT)
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    db = a.out / f"bench-n{a.n}.duckdb"
    if not (a.reuse_db and db.exists()):
        r = bingest.run(a.n, a.workers, a.seed, a.out, quiet=True)
        print(bingest.report(r), flush=True)
    q = bqueries.run(db, a.reps, not a.no_pages, a.out)
    print(bqueries.report(q))
    return 0


if __name__ == "__main__":
    sys.exit(main())
