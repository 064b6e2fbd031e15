"""Command line: python -m loaders ingest|feed|watch|export|stats. Thin wrapper over the library."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DEFAULT_DB = "data/frontline.duckdb"


def _db_default() -> str:
    return os.environ.get("FRONTLINE_DB") or DEFAULT_DB


def _load_options(p, workers: bool = True) -> None:
    p.add_argument("--db", default=_db_default(), help="DuckDB file (default: $FRONTLINE_DB or %(default)s)")
    p.add_argument("--manifest", help="CSV or JSONL with doc_id/id/doc/file, published, source, url, title")
    if workers:
        p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                       help="extraction processes (default: one per CPU, here %(default)s)")
    p.add_argument("--wait", type=float, default=60.0, help="seconds to wait for another writer")
    p.add_argument("--timeout", type=float, default=10.0,
                   help="CPU seconds one article's extraction may take (0: no limit; default %(default)s)")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def _fetch_options(p) -> None:
    g = p.add_argument_group("fetching (only for URLs and feeds given)")
    g.add_argument("--offline", action="store_true", default=bool(os.environ.get("FRONTLINE_OFFLINE")),
                   help="refuse every fetch: URLs and feed entries are reported, not fetched "
                        "(default when $FRONTLINE_OFFLINE is set)")
    g.add_argument("--fetch-timeout", type=float, default=20.0, help="seconds to connect or wait for data "
                   "(default %(default)s)")
    g.add_argument("--retries", type=int, default=2, help="tries again after a timeout, 429 or 5xx, with "
                   "backoff (default %(default)s)")
    g.add_argument("--per-host", type=int, default=2, help="requests at a time to one site (default %(default)s)")
    g.add_argument("--fetchers", type=int, default=8, help="requests at a time in all (default %(default)s)")
    g.add_argument("--public-only", action="store_true",
                   help="refuse addresses on this machine or a private network (for a shared server)")
    g.add_argument("--json", action="store_true",
                   help="print one JSON line per item as it finishes and a final summary line (for programs)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m loaders", description="Frontline article loader")
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("ingest", help="load article files, folders and web pages into the database")
    p.add_argument("paths", nargs="*", metavar="PATH|URL", help="files, folders, and http(s) page addresses")
    p.add_argument("--urls", action="append", default=[], metavar="FILE",
                   help="page addresses, one a line (or a CSV with a url column)")
    p.add_argument("--feed", action="append", default=[], metavar="FEED",
                   help="also load the new entries of an RSS/Atom feed (URL, file or feed list)")
    _load_options(p)
    _fetch_options(p)

    p = sub.add_parser("feed", help="load the new entries of RSS/Atom feeds")
    p.add_argument("feeds", nargs="+", metavar="URL|FILE",
                   help="feed URLs, feed files, or feed lists (one feed a line, or OPML)")
    _load_options(p)
    _fetch_options(p)

    p = sub.add_parser("watch", help="load a folder, then every new or changed file in it, until stopped")
    p.add_argument("folder", metavar="DIR")
    _load_options(p, workers=False)
    p.add_argument("--quiet", type=float, default=2.0,
                   help="seconds a file must stay unchanged before it is loaded (default %(default)s)")
    p.add_argument("--polling", action="store_true",
                   help="poll the folder instead of OS notifications (network file systems)")

    p = sub.add_parser("export", help="write every table to CSV or Parquet files")
    p.add_argument("--db", default=_db_default())
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--format", choices=("csv", "parquet"), default="csv")

    p = sub.add_parser("stats", help="row counts, figures by kind and side, date range")
    p.add_argument("--db", default=_db_default())

    p = sub.add_parser("compact", help="merge the database's small segment files (ingest does this by itself)")
    p.add_argument("--db", default=_db_default())

    args = ap.parse_args(argv)
    if args.cmd == "feed":
        args.paths, args.urls, args.feed = [], [], args.feeds
    return {"ingest": _ingest, "feed": _ingest, "watch": _watch, "export": _export, "stats": _stats,
            "compact": _compact}[args.cmd](args)


def _ingest(args) -> int:
    import json
    import threading

    from .errors import LoadError, StoreBusy, StoreWriteError
    from .fetch import Fetcher, Pages, Seen, is_url, read_url_list
    from .feeds import Feeds
    from .ingest import ingest

    paths = [p for p in args.paths if not is_url(p)]
    urls = [p for p in args.paths if is_url(p)]
    bad_lists = []
    for f in args.urls:
        try:
            urls += read_url_list(f)
        except LoadError as e:
            bad_lists.append(e)
        except OSError as e:
            bad_lists.append(LoadError(f, f"cannot read URL list ({e.strerror})", fix="check the path"))
    if not (paths or urls or args.feed or bad_lists):
        print("error: give files, folders, URLs, --urls FILE or --feed FEED", file=sys.stderr)
        return 2
    fetcher = Fetcher(timeout=args.fetch_timeout, retries=args.retries, per_host=args.per_host,
                      workers=args.fetchers, offline=args.offline, block_private=args.public_only)
    extra, seen = [], Seen()      # one page fetched once, whether pasted or in a feed
    if urls or bad_lists:
        extra.append(Pages(urls, fetcher, errors=bad_lists, seen=seen))
    feeds = Feeds(args.feed, fetcher, seen=seen) if args.feed else None
    if feeds:
        extra.append(feeds)
    lock = threading.Lock()

    def emit(where, outcome, reason):   # called from the reader and the writer threads
        with lock:
            print(json.dumps({"event": "item", "where": where, "outcome": outcome, "reason": reason},
                             ensure_ascii=False), flush=True)
    try:
        with fetcher:
            report = ingest(paths, args.db, manifest=args.manifest, workers=args.workers,
                            progress=False if args.no_progress or args.json else None, wait=args.wait,
                            timeout=args.timeout or None, extra=extra, on_item=emit if args.json else None)
    except StoreBusy as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except StoreWriteError as e:   # disk full and the like: the summary, then one clear line
        if not args.json:          # (--json: no summary event, so the caller shows the error line)
            print(e.report.summary())
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"error: could not write {args.db}: {e}", file=sys.stderr)
        return 2
    notes = feeds.notes if feeds else []
    if args.json:
        print(json.dumps({"event": "summary", "db": report.db, "loaded": report.loaded,
                          "unchanged": report.unchanged, "replaced": report.replaced,
                          "failed": report.failed, "notes": notes}, ensure_ascii=False), flush=True)
    else:
        for note in notes:
            print(note)
        print(report.summary())
    if report.ok == 0 and (report.failed or not feeds):
        print("error: nothing loaded" + ("" if report.failed else " (no article files found)"),
              file=sys.stderr)
        return 1
    return 0


def _watch(args) -> int:
    from .errors import StoreBusy
    from .watch import watch
    try:
        return watch(args.folder, args.db, quiet=args.quiet, polling=args.polling, manifest=args.manifest,
                     wait=args.wait, timeout=args.timeout or None,
                     progress=False if args.no_progress else None)
    except StoreBusy as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


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
    try:
        files = export(args.db, args.out, args.format)
    except OSError as e:
        print(f"error: could not write {args.out}: {e.strerror or e}", file=sys.stderr)
        return 2
    for f in files:
        print(f)
    return 0


def _stats(args) -> int:
    from .store import stats
    if not _need_db(args.db):
        return 1
    print(stats(args.db))
    return 0


def _compact(args) -> int:
    from .compact import compact
    if not _need_db(args.db):
        return 1
    rounds = compact(args.db, log=print)
    print(f"{args.db}: {rounds} compaction round(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
