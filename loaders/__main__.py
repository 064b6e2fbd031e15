"""Command line: python -m loaders ingest|export|stats. Thin wrapper over the library."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DEFAULT_DB = "data/frontline.duckdb"


def _db_default() -> str:
    return os.environ.get("FRONTLINE_DB") or DEFAULT_DB


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m loaders", description="Frontline article loader")
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("ingest", help="load article files or folders into the database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", default=_db_default(), help="DuckDB file (default: $FRONTLINE_DB or %(default)s)")
    p.add_argument("--manifest", help="CSV or JSONL with doc_id/id/doc/file, published, source, url, title")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="extraction processes (default: one per CPU, here %(default)s)")
    p.add_argument("--wait", type=float, default=60.0, help="seconds to wait for another writer")
    p.add_argument("--timeout", type=float, default=10.0,
                   help="CPU seconds one article's extraction may take (0: no limit; default %(default)s)")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    p = sub.add_parser("export", help="write every table to CSV or Parquet files")
    p.add_argument("--db", default=_db_default())
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--format", choices=("csv", "parquet"), default="csv")

    p = sub.add_parser("stats", help="row counts, figures by kind and side, date range")
    p.add_argument("--db", default=_db_default())

    args = ap.parse_args(argv)
    return {"ingest": _ingest, "export": _export, "stats": _stats}[args.cmd](args)


def _ingest(args) -> int:
    from .errors import StoreBusy
    from .ingest import ingest

    try:
        report = ingest(args.paths, args.db, manifest=args.manifest, workers=args.workers,
                        progress=False if args.no_progress else None, wait=args.wait,
                        timeout=args.timeout or None)
    except StoreBusy as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"error: could not write {args.db}: {e}", file=sys.stderr)
        return 2
    print(report.summary())
    if report.ok == 0:
        print("error: nothing loaded" + ("" if report.failed else " (no article files found)"),
              file=sys.stderr)
        return 1
    return 0


def _need_db(path: str) -> bool:
    if not Path(path).exists():
        print(f"error: {path} does not exist; run `python -m loaders ingest data/articles --db {path}`",
              file=sys.stderr)
        return False
    return True


def _export(args) -> int:
    from .store import export
    if not _need_db(args.db):
        return 1
    for f in export(args.db, args.out, args.format):
        print(f)
    return 0


def _stats(args) -> int:
    from .store import stats
    if not _need_db(args.db):
        return 1
    print(stats(args.db))
    return 0


if __name__ == "__main__":
    sys.exit(main())
