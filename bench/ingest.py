"""End-to-end ingest benchmark on a generated corpus.

    python -m bench.ingest --n 10000 [--workers N] [--seed 7] [--out bench/out] [--cli]

Generates (or reuses) `bench/out/corpus-n<N>-s<seed>/`, loads it into a fresh
`bench/out/bench-n<N>.duckdb` with the real `loaders.ingest.ingest` (the library call
the CLI makes) and prints articles/s, MB/s, peak RSS of the whole process tree, the
database size, where the time goes, and extraction precision/recall against the
planted gold. Results are also written to `bench/out/ingest-n<N>.json`.

Time shares come from timing wrappers installed around the stage functions the ingest
calls (`sources.read`, `pipeline.extract` and its stages, `store.write_batch`,
`store.open_writer`); worker processes add their extraction time to shared counters.
Reading and writing run in the parent, extraction in the workers, so the stages overlap:
the shares are of summed stage time, not of wall time. `--cli` instead times the real
command (`python -m loaders ingest ... --workers N`) as a subprocess, without shares.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing as mp
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

from . import generate as gen
from .score import score

ROOT = Path(__file__).resolve().parent.parent
EXTRACT_STAGES = [("cleaning", "clean"), ("sentences", "split"), ("dates", "publication_date"),
                  ("places", "main_place"), ("places", "dateline_place"),
                  ("figures", "extract_figures"), ("events", "extract_events")]


class PeakRSS:
    """Samples RSS of this process plus all its descendants every `interval` seconds."""

    def __init__(self, pid: int | None = None, interval: float = 0.2):
        self.proc = psutil.Process(pid or os.getpid())
        self.interval = interval
        self.peak = 0
        self.peak_parent = 0
        self.peak_children = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _sample(self):
        total = kids = 0
        try:
            total = self.proc.memory_info().rss
            self.peak_parent = max(self.peak_parent, total)
            for c in self.proc.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    r = c.memory_info().rss
                    total += r
                    kids += 1
        except psutil.Error:
            return
        self.peak = max(self.peak, total)
        self.peak_children = max(self.peak_children, kids)

    def _run(self):
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()
        self._sample()


class Timers:
    """Cumulative seconds per stage; shared with forked workers through an mp.Array."""

    NAMES = ["read", "extract", "write", "publish", "open"] + [f"extract.{m}.{f}" for m, f in EXTRACT_STAGES]

    def __init__(self):
        self.arr = mp.get_context("fork").Array("d", len(self.NAMES))
        self.idx = {n: i for i, n in enumerate(self.NAMES)}

    def add(self, name: str, seconds: float) -> None:
        with self.arr.get_lock():
            self.arr[self.idx[name]] += seconds

    def get(self) -> dict[str, float]:
        return {n: self.arr[i] for n, i in self.idx.items()}


def instrument(timers: Timers):
    """Wrap the stage functions the ingest calls. Returns an undo function."""
    import importlib

    from loaders import pipeline, sources, store

    undo = []

    def patch(mod, name, new):
        old = getattr(mod, name)
        setattr(mod, name, new(old))
        undo.append((mod, name, old))

    def timed_read(orig):
        def read(*a, **k):
            it = iter(orig(*a, **k))
            while True:
                t = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    timers.add("read", time.perf_counter() - t)
                    return
                timers.add("read", time.perf_counter() - t)
                yield item
        return read

    def timed(name):
        def wrap(orig):
            def f(*a, **k):
                t = time.perf_counter()
                try:
                    return orig(*a, **k)
                finally:
                    timers.add(name, time.perf_counter() - t)
            return f
        return wrap

    def timed_writer(orig):
        @contextlib.contextmanager
        def open_writer(*a, **k):
            t = time.perf_counter()
            cm = orig(*a, **k)
            con = cm.__enter__()
            timers.add("open", time.perf_counter() - t)
            try:
                yield con
            except BaseException:
                if not cm.__exit__(*sys.exc_info()):
                    raise
            else:
                t = time.perf_counter()
                cm.__exit__(None, None, None)
                timers.add("publish", time.perf_counter() - t)
        return open_writer

    patch(sources, "read", timed_read)
    patch(pipeline, "extract", timed("extract"))
    patch(store, "write_batch", timed("write"))
    patch(store, "open_writer", timed_writer)
    for modname, fname in EXTRACT_STAGES:
        mod = importlib.import_module(f"loaders.{modname}")
        if hasattr(mod, fname):
            patch(mod, fname, timed(f"extract.{modname}.{fname}"))

    def restore():
        for mod, name, old in reversed(undo):
            setattr(mod, name, old)
    return restore


def commit() -> str:
    """The code version measured: git HEAD, or $FRONTLINE_COMMIT for an exported snapshot."""
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10)
        if out.returncode == 0:
            return out.stdout.strip()
    except OSError:
        pass
    return os.environ.get("FRONTLINE_COMMIT", "unknown")


def db_size(db: Path) -> int:
    """The catalog file plus its segment files."""
    files = [db, Path(f"{db}.wal")]
    seg = Path(f"{db}.segments")
    if seg.exists():
        files += [p for p in seg.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files if p.exists())


def remove_db(db: Path) -> None:
    import shutil
    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)
    shutil.rmtree(Path(f"{db}.segments"), ignore_errors=True)


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: unlike wall time, it does not
    grow when other jobs share the cores."""
    t = psutil.Process().cpu_times()
    return t.user + t.system + t.children_user + t.children_system


def written_bytes() -> int:
    """Bytes this process has caused to be written to storage (Linux /proc/self/io)."""
    try:
        return psutil.Process().io_counters().write_bytes
    except (psutil.Error, AttributeError):
        return 0


def add(db: Path, n: int, add_n: int, seed: int, out: Path, workers: int) -> dict:
    """Ingest `add_n` new articles (indexes n.. of the same generator) into the existing
    database: the incremental cost, which should not depend on the database's size."""
    from loaders import compact
    from loaders.ingest import ingest
    corpus = gen.generate(add_n, seed, out, quiet=True, first=n)
    paths = [corpus / d for d in ("txt", "html", "json", "jsonl") if (corpus / d).exists()]
    size0, w0, t, c = db_size(db), written_bytes(), time.perf_counter(), cpu_seconds()
    rep = ingest(paths, db, workers=workers, progress=False, compact=False)
    ingest_s = time.perf_counter() - t
    w1 = written_bytes()
    t = time.perf_counter()
    how = compact.after_ingest(db)
    compact_s = time.perf_counter() - t
    return {"articles": add_n, "db_mb_before": round(size0 / 2**20, 1), "wall_s": round(ingest_s + compact_s, 2),
            "ingest_s": round(ingest_s, 2), "compaction": how, "compaction_s": round(compact_s, 2),
            "written_mb": round((written_bytes() - w0) / 2**20, 1), "written_ingest_mb": round((w1 - w0) / 2**20, 1),
            "cpu_s": round(cpu_seconds() - c, 2),
            "loaded": rep.loaded, "failed": len(rep.failed), "load_average": os.getloadavg()[0]}


def counts(db: Path) -> dict:
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "figures", "events", "places")}
    finally:
        con.close()


def run(n: int, workers: int, seed: int = 7, out: Path = gen.DEFAULT_OUT, cli: bool = False,
        db: Path | None = None, quiet: bool = False, rerun: bool = False, add_n: int = 0,
        reuse: bool = False) -> dict:
    t = time.perf_counter()
    corpus = gen.generate(n, seed, out, quiet=quiet)
    gen_s = time.perf_counter() - t
    info = json.loads((corpus / "corpus.json").read_text())
    db = Path(db or Path(out) / f"bench-n{n}.duckdb")
    paths = [corpus / d for d in ("txt", "html", "json", "jsonl") if (corpus / d).exists()]
    if reuse and db.exists():
        prev = Path(out) / f"ingest-n{n}.json"
        # a database built some other way (bench.replicate) has no ingest figures of its own
        result = json.loads(prev.read_text()) if prev.exists() else {"n": n, "db": str(db), "mode": "reused"}
        result["reused_db"] = True
        result["rerun"] = result["add"] = None
        if rerun:
            result["rerun"] = _rerun(paths, db, workers, result["wall_s"], result.get("cpu_s"))
        if add_n:
            result["add"] = add(db, n, add_n, seed, Path(out), workers)
        (Path(out) / f"ingest-n{n}.json").write_text(json.dumps(result, indent=1, default=str))
        return result
    remove_db(db)
    paths = [corpus / d for d in ("txt", "html", "json", "jsonl") if (corpus / d).exists()]
    result: dict = {"n": n, "workers": workers, "corpus": str(corpus), "db": str(db), "commit": commit(),
                    "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "load_average": os.getloadavg()[0],
                    "corpus_mb": round(info["bytes"] / 1e6, 1), "cpu_count": os.cpu_count(),
                    "generate_s": round(gen_s, 1)}
    if cli:
        cmd = [sys.executable, "-m", "loaders", "ingest", *map(str, paths), "--db", str(db),
               "--workers", str(workers), "--no-progress"]
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with PeakRSS(proc.pid) as mem:
            stdout, stderr = proc.communicate()
        wall = time.perf_counter() - t
        result.update(mode="cli", exit_code=proc.returncode, summary=stdout.splitlines()[:1],
                      stderr_tail=stderr[-2000:] if proc.returncode else "")
    else:
        from loaders.ingest import ingest
        timers = Timers()
        restore = instrument(timers)
        try:
            t, c = time.perf_counter(), cpu_seconds()
            with PeakRSS() as mem:
                report = ingest(paths, db, workers=workers, progress=not quiet)
            wall = time.perf_counter() - t
            result["cpu_s"] = round(cpu_seconds() - c, 1)
        finally:
            restore()
        st = timers.get()
        stage = {"reading": st["read"], "extraction": st["extract"],
                 "writing": st["write"] + st["publish"] + st["open"]}
        total = sum(stage.values()) or 1.0
        result.update(mode="library", loaded=report.loaded, unchanged=report.unchanged,
                      replaced=report.replaced, failed=len(report.failed),
                      failed_examples=[f"{w}: {r}" for w, r in report.failed[:5]],
                      stage_seconds={k: round(v, 1) for k, v in stage.items()},
                      stage_share={k: round(v / total, 3) for k, v in stage.items()},
                      write_detail={"write_batch_s": round(st["write"], 1), "open_copy_s": round(st["open"], 1),
                                    "checkpoint_publish_s": round(st["publish"], 1)},
                      extraction_detail={k.split(".", 1)[1]: round(v, 1) for k, v in st.items()
                                         if k.startswith("extract.")})
    result.update(wall_s=round(wall, 1), articles_per_s=round(n / wall, 1),
                  mb_per_s=round(info["bytes"] / 1e6 / wall, 2), peak_rss_mb=round(mem.peak / 2**20),
                  peak_rss_parent_mb=round(mem.peak_parent / 2**20),
                  peak_processes=mem.peak_children + 1,
                  db_mb=round(db_size(db) / 2**20, 1) if db.exists() else None)
    if rerun and db.exists():
        result["rerun"] = _rerun(paths, db, workers, result["wall_s"], result.get("cpu_s"))
    if add_n and db.exists():
        result["add"] = add(db, n, add_n, seed, Path(out), workers)
    if db.exists():
        result["rows"] = counts(db)
        t = time.perf_counter()
        result["extraction"] = score(db, corpus, examples=5)
        result["score_s"] = round(time.perf_counter() - t, 1)
    out_json = Path(out) / f"ingest-n{n}{'-cli' if cli else ''}.json"
    out_json.write_text(json.dumps(result, indent=1, default=str))
    return result


_RERUN = """import json, sys
from pathlib import Path
from loaders.ingest import ingest
a = json.loads(sys.argv[1])
r = ingest([Path(p) for p in a["paths"]], Path(a["db"]), workers=a["workers"], progress=False)
print(json.dumps({"loaded": r.loaded, "unchanged": r.unchanged, "replaced": r.replaced, "failed": len(r.failed)}))
"""


def _rerun(paths, db: Path, workers: int, fresh_s: float, fresh_cpu: float | None = None) -> dict:
    """The same files again: everything should be 'unchanged', and cheap (target < 10% of fresh).
    Run as a new process, as a user reruns a load (right after the fresh ingest in the
    benchmark's own process it measured 43 CPU-s where a new process takes 2-4)."""
    arg = json.dumps({"paths": [str(p) for p in paths], "db": str(db), "workers": workers})
    before = os.times()
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _RERUN, arg], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    with PeakRSS(proc.pid) as mem2:
        out, err = proc.communicate()
    wall = time.perf_counter() - t
    after = os.times()
    if proc.returncode:
        raise RuntimeError(f"rerun failed: {err[-2000:]}")
    rep2 = json.loads(out.strip().splitlines()[-1])
    cpu = (after.children_user + after.children_system) - (before.children_user + before.children_system)
    return {"wall_s": round(wall, 1), "share_of_fresh": round(wall / fresh_s, 3), "cpu_s": round(cpu, 1),
            "cpu_share_of_fresh": round(cpu / fresh_cpu, 3) if fresh_cpu else None, **rep2,
            "peak_rss_mb": round(mem2.peak / 2**20), "load_average": os.getloadavg()[0]}


def report(r: dict) -> str:
    if r.get("mode") == "reused":
        return "\n".join([f"== {r['db']} (reused, built elsewhere)"] + _follow_ups(r))
    lines = [f"== ingest: {r['n']:,} articles ({r['corpus_mb']} MB) with {r['workers']} workers [{r['mode']}] "
             f"at {r.get('commit')}, load average {r.get('load_average', 0):.1f} before the run",
             f"wall time          {r['wall_s']:.1f} s   (target for 100,000: < 240 s); CPU {r.get('cpu_s')} s "
             "(all processes)",
             f"throughput         {r['articles_per_s']:,.0f} articles/s   {r['mb_per_s']:.2f} MB/s",
             f"peak RSS           {r['peak_rss_mb']:,} MB over {r['peak_processes']} processes (target < 1536 MB); "
             f"parent alone {r.get('peak_rss_parent_mb', 0):,} MB",
             f"database           {r['db_mb']} MB   rows {r.get('rows')}"]
    if r["mode"] == "library":
        lines.append(f"outcome            loaded {r['loaded']:,}, unchanged {r['unchanged']}, replaced {r['replaced']}, "
                     f"failed {r['failed']}")
        for f in r["failed_examples"]:
            lines.append(f"   failed: {f}")
        s, sh = r["stage_seconds"], r["stage_share"]
        lines.append("time in stages     " + ", ".join(f"{k} {s[k]:.1f} s ({sh[k]:.0%})" for k in s)
                     + "  [summed over processes; extraction runs in parallel]")
        lines.append("  writing detail   " + ", ".join(f"{k} {v}" for k, v in r["write_detail"].items()))
        lines.append("  extraction detail " + ", ".join(f"{k} {v}" for k, v in r["extraction_detail"].items()))
    else:
        lines.append(f"exit code          {r['exit_code']}  {r.get('summary')}")
    lines += _follow_ups(r)
    x = r.get("extraction")
    if x:
        lines.append(f"extraction         figures P {x['figures_precision']:.3f}  R {x['figures_recall']:.3f}  "
                     f"F1 {x['figures_f1']:.3f}  ({x['figures_system']:,} system groups, {x['figures_gold']:,} gold)")
        lines.append(f"  attributes       subject_side {x['subject_side_accuracy']}  claimant_side "
                     f"{x['claimant_side_accuracy']}  place {x['place_accuracy']}   events recall "
                     f"{x['events_recall']}  published {x['published_accuracy']}")
        lines.append("  by kind (R/P)    " + ", ".join(f"{k} {v['recall']}/{v['precision']}"
                                                      for k, v in x["by_kind"].items()))
    return "\n".join(lines)


def _follow_ups(r: dict) -> list[str]:
    """The rerun and add lines."""
    lines = []
    if r.get("rerun"):
        rr = r["rerun"]
        lines.append(f"rerun (same files) {rr['wall_s']:.1f} s = {rr.get('share_of_fresh', 0):.1%} of the fresh ingest; "
                     f"CPU {rr.get('cpu_s')} s vs {r.get('cpu_s')} s fresh (a new process, imports included) "
                     f"(target < 10%): loaded {rr['loaded']}, unchanged {rr['unchanged']:,}, "
                     f"replaced {rr['replaced']}, failed {rr['failed']}, peak RSS {rr['peak_rss_mb']} MB, "
                     f"load average {rr.get('load_average', 0):.1f}")
    if r.get("add"):
        a = r["add"]
        lines.append(f"add {a['articles']} articles  {a['wall_s']:.2f} s, CPU {a.get('cpu_s')} s (ingest {a['ingest_s']:.2f} s, compaction "
                     f"{a['compaction']} {a['compaction_s']:.2f} s), {a['written_mb']} MB written, to a "
                     f"{a['db_mb_before']} MB database (targets < 5 s, < 50 MB); load average {a['load_average']:.1f}")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=gen.DEFAULT_OUT)
    ap.add_argument("--db", type=Path, help="database file (default bench/out/bench-n<N>.duckdb; replaced)")
    ap.add_argument("--cli", action="store_true", help="time the real CLI as a subprocess instead")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--examples", action="store_true", help="print missed/spurious figure examples")
    ap.add_argument("--rerun", action="store_true", help="then ingest the same files again (idempotence, speed)")
    ap.add_argument("--add", type=int, default=0, metavar="K",
                    help="then ingest K new articles into the database (incremental cost)")
    ap.add_argument("--reuse-db", action="store_true",
                    help="keep an existing database and its figures; only do --rerun/--add")
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    r = run(a.n, a.workers, a.seed, a.out, a.cli, a.db, a.quiet, a.rerun, a.add, a.reuse_db)
    print(report(r))
    if a.examples and r.get("extraction"):
        for k in ("missed_examples", "spurious_examples"):
            print(k)
            for e in r["extraction"].get(k, []):
                print("   ", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
