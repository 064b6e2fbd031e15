"""Compaction: merge segments so readers open few files and replaced rows go away.

Policy (size-tiered, like an LSM tree): a segment's tier is log_FANOUT of its live
articles. When a tier holds FANOUT segments they are merged into one of the next tier,
so each article is rewritten about log_FANOUT(N) times in its life and a database
holds at most (FANOUT - 1) segments per tier. A segment that is mostly replaced
articles is rewritten too; one with nothing live left is simply dropped.

Compaction never blocks an ingest: it holds only `<db>.compact.lock` (one compactor at
a time) while it reads its inputs, which are immutable, and writes the merged segment.
Then, under the short publication lock, it swaps inputs for output in the catalog that is
live *then*; tombstones an ingest added meanwhile to an input move to the output, which
holds those rows. A kill at any point leaves the live catalog whole; the unpublished
output is removed by the next garbage collection.
"""
from __future__ import annotations

import contextlib
import math
import os
import subprocess
import sys
import time
from pathlib import Path

from . import segments

FANOUT = 8
DEAD_SHARE = 0.5                     # rewrite a segment once this share of its articles is replaced
INLINE_BYTES = 64 * 2**20            # an ingest compacts this much itself; more goes to a background process


def _live(cat: segments.Catalog) -> dict[str, int]:
    dead: dict[str, int] = {}
    for s, _ in cat.tombstones:
        dead[s] = dead.get(s, 0) + 1
    return {s: max(i["articles"] - dead.get(s, 0), 0) for s, i in cat.segments.items()}


def plan(cat: segments.Catalog) -> tuple[list[str], list[str]]:
    """(segments to drop: nothing live, segments to merge into one), either may be empty."""
    live = _live(cat)
    drop = sorted(s for s, n in live.items() if n == 0)
    tiers: dict[int, list[str]] = {}
    for s, n in live.items():
        if n:
            tiers.setdefault(int(math.log(n, FANOUT)), []).append(s)
    for tier in sorted(tiers):
        if len(tiers[tier]) >= FANOUT:
            return drop, sorted(tiers[tier], key=lambda s: cat.segments[s]["seq"])
    dirty = [s for s, n in live.items() if n and 1 - n / max(cat.segments[s]["articles"], 1) >= DEAD_SHARE]
    if dirty:
        # a mostly-replaced segment joins the others of its tier (or is rewritten alone)
        t = int(math.log(live[dirty[0]], FANOUT))
        return drop, sorted(tiers[t], key=lambda s: cat.segments[s]["seq"])
    return drop, []


def pending(db) -> tuple[int, int]:
    """(segments compaction would touch, their bytes) on the live catalog."""
    cat = segments.load_live(Path(db))
    if cat is None:
        return 0, 0
    drop, merge = plan(cat)
    todo = sorted((set(merge) | set(underived(cat))) - set(drop))
    return len(drop) + len(todo), sum(cat.segments[s]["bytes"] for s in todo)


DERIVED = segments.DERIVED   # compaction writes them for segments published without


def underived(cat: segments.Catalog) -> list[str]:
    """Segments published before the derived copies or the digests existed (readers derive the
    copies' rows as they read; the stamp hashes their rows)."""
    return sorted(s for s, i in cat.segments.items() if any(segments.underived(i, t) for t in DERIVED)
                  or _undigested(i))


def _undigested(info: dict) -> list[str]:
    return [t for t in segments.DIGESTS if info.get(t, 0) > 0 and info.get(f"{t}_digest") is None]


def compact(db, max_rounds: int = 100, log=None) -> int:
    """Run compaction rounds until the policy is satisfied. Returns rounds done; 0 when
    another compactor is running (it will do the work)."""
    db = Path(db)
    fd = segments.try_flock(Path(f"{db}.compact.lock"))
    if fd is None:
        return 0
    try:
        rounds = 0
        while rounds < max_rounds:
            cat = segments.load_live(db)
            from .schema import SCHEMA_VERSION
            if cat is None or cat.meta.get("schema_version") != str(SCHEMA_VERSION):
                break   # an older layout: the next writer migrates it first
            drop, merge = plan(cat)
            if not drop and not merge:
                if underived(cat):
                    derive(db, cat)
                break
            t = time.perf_counter()
            _round(db, cat, drop, merge)
            rounds += 1
            if log:
                log(f"compacted {len(merge)} segments, dropped {len(drop)} in {time.perf_counter() - t:.1f} s")
        return rounds
    finally:
        os.close(fd)


def derive(db: Path, snapshot: segments.Catalog) -> None:
    """Write the derived copies (segments.DERIVED_FROM) that segments published before them lack,
    beside their other files, and their digests, then publish a catalog naming them. Until that publication no
    catalog names a new file, so a kill leaves nothing visible (the next run writes it again);
    no file a catalog names is changed."""
    import duckdb
    from .store import WRITER_MEMORY, read_here
    con = duckdb.connect(config={"memory_limit": WRITER_MEMORY})
    con.execute("SET enable_progress_bar = false")
    con.execute("SET preserve_insertion_order = false")
    try:
        done: dict[tuple[str, str], tuple[int, int]] = {}
        digests: dict[tuple[str, str], int] = {}
        for s in underived(snapshot):
            info = snapshot.segments[s]
            src = {t: f"read_parquet({segments.sql_str(segments.seg_path(db, s, t))})" if info.get(t, 0) > 0
                   else f"(SELECT * FROM {derived_shape(t)})" for t in segments.DATA_TABLES}
            for t in [t for t in DERIVED if segments.underived(info, t)]:
                path = segments.seg_path(db, s, t)
                for stale in path.parent.glob(path.name + ".tmp-*"):      # of a killed run
                    pid = stale.name.rsplit("-", 1)[-1]
                    if pid.isdigit() and not segments.pid_alive(int(pid)):
                        stale.unlink(missing_ok=True)
                tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
                rel = segments.derived_sql(t, src['figures'], src['events'], src['articles'])
                by_kind = segments.seg_path(db, s, "figures_by_kind")
                if t in segments.CLAIM_BY and by_kind.exists():   # its claim keys are computed already
                    rel = segments.claim_partials_sql(t, f"read_parquet({segments.sql_str(by_kind)})")
                per_claim = segments.seg_path(db, s, "per_claim")
                if t == "matrix_cells" and per_claim.exists():     # published, or derived just above
                    rel = segments.cells_sql(f"read_parquet({segments.sql_str(per_claim)})")
                con.execute(f"COPY (SELECT * FROM {rel} "
                            f"ORDER BY {segments.ORDER[t]}) TO {segments.sql_str(tmp)} "
                            "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 16384)")
                n = con.execute(f"SELECT count(*) FROM read_parquet({segments.sql_str(tmp)})").fetchone()[0]
                segments.fsync(tmp)
                os.replace(tmp, path)
                segments.fsync(path.parent, directory=True)
                done[(s, t)] = (n, path.stat().st_size)
            for t in _undigested(info):
                digests[(s, t)] = segments.digest(con, f"read_parquet({segments.sql_str(segments.seg_path(db, s, t))})", t)
        with segments.publish_lock(db):
            cat = segments.load_live(db)
            if cat is None:
                return
            retiring = sorted(cat.segments)
            for (s, t), (n, size) in done.items():
                if s in cat.segments and not cat.segments[s].get(t):
                    cat.segments[s][t] = n
                    cat.segments[s]["bytes"] += size
            for (s, t), x in digests.items():
                if s in cat.segments and cat.segments[s].get(f"{t}_digest") is None:
                    cat.segments[s][f"{t}_digest"] = x
            con.execute(f"ATTACH {segments.sql_str(db)} AS live (READ_ONLY)")
            segments.publish(con, db, cat, retiring, source="live.", shapes="live._shape_")
            con.execute("DETACH live")
            segments.collect_garbage(db, cat, reading=read_here())
    finally:
        con.close()


def derived_shape(table: str) -> str:
    """An empty relation with `table`'s columns (figures or events), for a segment without any."""
    from . import rows
    return "(SELECT " + ", ".join(f"NULL::{ty} AS {c}" for c, ty in rows.columns(table)) + " WHERE false)"


def _round(db: Path, snapshot: segments.Catalog, drop: list[str], merge: list[str]) -> None:
    import duckdb
    from .store import WRITER_MEMORY, read_here, write_segment
    out = None
    con = duckdb.connect(config={"memory_limit": WRITER_MEMORY})
    con.execute("SET enable_progress_bar = false")
    con.execute("SET preserve_insertion_order = false")
    try:
        applied = {(s, d) for s, d in snapshot.tombstones if s in merge}
        if len(merge) > 1 or (merge and applied):
            out = segments.new_segment_id(max(snapshot.segments[s]["seq"] for s in merge))
            con.execute("CREATE TEMP TABLE dead (segment VARCHAR, doc_id VARCHAR)")
            if applied:
                con.executemany("INSERT INTO dead VALUES (?, ?)", sorted(applied))
            sources = {}
            for t in segments.SEGMENT_TABLES:
                if t in DERIVED:   # from the merged rows (older inputs lack them)
                    sources[t] = segments.derived_sql(t, sources["figures"], sources["events"], sources["articles"])
                    continue
                files = ", ".join(segments.sql_str(segments.seg_path(db, s, t)) for s in merge)
                sources[t] = (f"(SELECT * EXCLUDE (filename) FROM read_parquet([{files}], union_by_name = true, "
                              f"filename = true) r WHERE NOT EXISTS (SELECT 1 FROM dead WHERE dead.segment = "
                              f"parse_filename(parse_dirpath(r.filename)) AND dead.doc_id = r.doc_id))")
            info = write_segment(con, db, out, sources)
        elif merge:
            drop, merge = drop + [], []    # a single clean segment: nothing to do
        with segments.publish_lock(db):
            cat = segments.load_live(db)
            if cat is None or not set(drop + merge) <= set(cat.segments):
                raise RuntimeError("the catalog changed under the compactor")   # another migration
            retiring = sorted(cat.segments)
            later = {(s, d) for s, d in cat.tombstones if s in merge} - applied
            cat.tombstones = {(s, d) for s, d in cat.tombstones if s not in merge and s not in drop}
            cat.tombstones |= {(out, d) for _, d in later}
            for s in drop + merge:
                del cat.segments[s]
            if out:
                info["seq"] = max(snapshot.segments[s]["seq"] for s in merge)
                cat.segments[out] = info
            con.execute(f"ATTACH {segments.sql_str(db)} AS live (READ_ONLY)")
            segments.publish(con, db, cat, retiring, source="live.", shapes="live._shape_")
            segments.published(out)
            con.execute("DETACH live")
            segments.collect_garbage(db, cat, reading=read_here())
    except BaseException:
        if out:
            import shutil
            shutil.rmtree(segments.seg_dir(db) / out, ignore_errors=True)
            segments.published(out)
        raise
    finally:
        con.close()


def after_ingest(db, background: bool | None = None) -> str:
    """What an ingest does when it has published: nothing, compact inline (small work), or
    start a detached `python -m loaders compact` (big merges; the ingest returns at once)."""
    n, nbytes = pending(db)
    if not n:
        return "none"
    if background is None:
        background = nbytes > INLINE_BYTES
    if not background:
        compact(db)
        return "inline"
    root = Path(__file__).resolve().parent.parent
    log = open(segments.seg_dir(Path(db)) / "compact.log", "ab")
    with contextlib.closing(log):
        subprocess.Popen([sys.executable, "-m", "loaders", "compact", "--db", str(db)], cwd=root,
                         stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
    return "background"
