"""Dashboard benchmark: every metrics function the pages call, and every page, on a big database.

    python -m bench.queries [--db bench/out/bench-n100000.duckdb] [--reps 5] [--no-pages]

For each public metrics function the pages call, with typical filter sets (none; the
busiest city; that city over one year; Ukrainian claims of killed; one outlet), it times
the *uncached* call (the metrics result cache is emptied before every call, the DuckDB
connection is kept: this is the cost of a first view of a filter; a repeat view is a
dictionary lookup) and prints p50/p95 over reps x filter sets. Then it renders each page
with `streamlit.testing.v1.AppTest`: cold (caches and connection dropped first; "page" is
the page's own run; AppTest always starts on the default page, so "total" is Overview's
first render plus this page: an upper bound for a deep link)
and warm (same session, second run). Results also go to `bench/out/queries-<db>.json`.

Beside wall times it gives each call's CPU time (all threads of this process): on a machine
shared with other jobs wall time grows with their load, CPU time much less; the load
average over the run is printed too.

Targets: p95 < 250 ms per query; every page < 2 s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

from . import generate as gen

os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")   # before streamlit is imported
ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "city", "claims", "evidence", "data", "load"]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def raw(fn):
    return getattr(fn, "__wrapped__", fn)


def filter_sets(db: str):
    from metrics import db as mdb
    from metrics.filters import Filters
    top = mdb.query(db, """SELECT city, count(*) AS n FROM figures WHERE city IS NOT NULL
                           GROUP BY 1 ORDER BY n DESC LIMIT 1""")
    city = top["city"].iloc[0] if len(top) else "Bakhmut"
    outlet = mdb.query(db, "SELECT outlet, count(*) n FROM articles WHERE outlet IS NOT NULL "
                           "GROUP BY 1 ORDER BY n DESC LIMIT 1")
    outlet = outlet["outlet"].iloc[0] if len(outlet) else "Reuters"
    last = mdb.query(db, "SELECT max(published) AS d FROM articles")["d"].iloc[0]
    last = (last.date() if hasattr(last, "date") else last) or dt.date(2025, 1, 1)
    return city, {
        "none": Filters(),
        "city": Filters(city=(city,)),
        "city+year": Filters(city=(city,), start=last - dt.timedelta(days=365), end=last),
        "ua-killed": Filters(claimant_side=("ukraine",), kind=("killed",)),
        "outlet": Filters(outlet=(outlet,)),
    }


def calls(db: str, city: str, f):
    """(name, thunk) for every metrics function the pages call, as the pages call them."""
    from metrics import city as mcity
    from metrics import claims, evidence, export, overview
    out = [
        ("overview.counts", lambda: raw(overview.counts)(db, f)),
        ("overview.timeline", lambda: raw(overview.timeline)(db, f, "week")),
        ("overview.undated", lambda: raw(overview.undated)(db, f)),
        ("overview.map_points", lambda: raw(overview.map_points)(db, f)),
        ("overview.map_frames", lambda: raw(overview.map_frames)(db, f, "week")),
        ("overview.latest_claims", lambda: raw(overview.latest_claims)(db, f)),
        ("overview.options", lambda: raw(overview.options)(db)),
        ("city.casualty_kinds", lambda: _uncached(mcity.casualty_kinds, db, f, city)),
        ("city.casualties", lambda: _uncached(mcity.casualties, db, f, city, "killed")),
        ("city.population", lambda: _uncached(mcity.population, db, f, city)),
        ("city.events", lambda: raw(mcity.events)(db, f, city)),
        ("city.event_count", lambda: raw(mcity.event_count)(db, f, city)),
        ("city.distances", lambda: _uncached(mcity.distances, db, f, city)),
        ("city.figures", lambda: _uncached(mcity.figures, db, f, city)),
        ("city.figure_count", lambda: raw(mcity.figure_count)(db, f, city)),
        ("city.undated", lambda: _uncached(mcity.undated, db, f, city, ("killed",))),
        ("city.info", lambda: raw(mcity.info)(db, city)),
        ("claims.casualty_kinds_present", lambda: raw(claims.casualty_kinds_present)(db, f)),
        ("claims.matrix", lambda: raw(claims.matrix)(db, f)),
        ("claims.undated", lambda: raw(claims.undated)(db, f, ("killed",))),
        ("claims.over_time", lambda: raw(claims.over_time)(db, f, "killed", "week")),
        ("claims.claims", lambda: raw(claims.claims)(db, f, ("killed",))),
        ("claims.count", lambda: raw(claims.count)(db, f, ("killed",))),
        ("claims.claim_figures", lambda: raw(claims.claim_figures)(db, f, ("killed",), _claim_ids(db, f)[1])),
        ("claims.reports", lambda: raw(claims.reports)(db, *_claim_ids(db, f)[::2])),
        ("evidence.search", lambda: raw(evidence.search)(db, f, "", ("figures", "events"))),
        ("evidence.search[text]", lambda: raw(evidence.search)(db, f, "killed", ("figures", "events"))),
        ("export.stamp", lambda: _uncached_stamp(db, f)),
        ("export.view_count", lambda: raw(export.view_count)(db, f)),
        ("export.row_counts", lambda: raw(export.row_counts)(db)),
        ("export.dictionary", lambda: raw(export.dictionary)(db)),
    ]
    if _has_claims(db):
        out += store_probes(db, f)
    return out


def _has_claims(db) -> bool:
    from metrics import db as mdb
    return bool(mdb.query(db, "SELECT count(*) AS n FROM duckdb_views() WHERE view_name = 'claims'")["n"].iloc[0])


def _where(f, subject: bool = True) -> tuple[str, list]:
    """The sidebar filters on the precomputed columns (city, day, outlet): no join."""
    where, params = ["TRUE"], []
    for col, vals in (("city", f.city), ("claimant_side", f.claimant_side), ("outlet", f.outlet),
                      *((("subject_side", f.subject_side), ("kind", f.kind)) if subject else ())):
        if vals:
            where.append(f"{col} IN (SELECT unnest(?))")
            params.append(list(vals))
    if f.start:
        where.append("day >= ?")
        params.append(f.start)
    if f.end:
        where.append("day <= ?")
        params.append(f.end)
    return "WHERE " + " AND ".join(where), params


def store_probes(db, f) -> list:
    """What the precomputed columns and tables give the later query rewrite (issue 15): the
    same questions as claims.claims/count, city.figures and evidence text search, asked of
    claim_reports and of figures' own city/day/outlet columns."""
    from metrics import db as mdb
    w, p = _where(f)
    return [
        ("store.claims_newest", lambda: mdb.query(db, f"""
            SELECT claim_key, any_value(kind) AS kind, any_value(value) AS value, arg_min(city, day) AS city,
                   count(*) AS reports, count(DISTINCT outlet) AS outlets, max(day) AS last_reported
            FROM claim_reports {w} GROUP BY claim_key ORDER BY last_reported DESC NULLS LAST LIMIT 5000""", p)),
        ("store.claims_count", lambda: mdb.query(db, f"SELECT count(DISTINCT claim_key) AS claims, count(*) AS "
                                                     f"reports FROM claim_reports {w}", p)),
        ("store.city_figures", lambda: mdb.query(db, f"""
            SELECT figure_id, kind, value, value_low, value_high, qualifier, claimant, claimant_side, city, day,
                   sentence, outlet FROM figures {w} ORDER BY day DESC NULLS LAST LIMIT 5000""", p)),
        ("store.evidence_text", lambda: mdb.query(db, f"""
            SELECT figure_id, kind, sentence, claimant, outlet, city, day FROM figures {w}
              AND (sentence ILIKE ? OR claimant ILIKE ? OR outlet ILIKE ?)
            ORDER BY day DESC NULLS LAST LIMIT 2000""", p + ["%killed%"] * 3)),
    ]


_CLAIM_IDS: dict = {}


def _claim_ids(db, f):
    """The figure ids, claim id and city of the first claim the Claims page lists (computed once)."""
    if f not in _CLAIM_IDS:
        from metrics import claims
        df = claims.claims(db, f, ("killed",))
        _CLAIM_IDS[f] = ((tuple(df["figure_ids"].iloc[0]), df["claim_id"].iloc[0], df["city"].iloc[0]) if len(df)
                         else (("none",), "none", None))
    return _CLAIM_IDS[f]


def _uncached(fn, db, *args):
    """City sections that call cached metrics inside: drop the whole cache first."""
    from metrics import db as mdb
    with mdb._lock:
        mdb._cache.clear()
    return fn(db, *args)


def _uncached_stamp(db, f):
    from metrics import db as mdb
    from metrics import export
    with mdb._lock:
        for k in [k for k in mdb._cache if k[0].endswith("content_hash")]:
            del mdb._cache[k]
    return export.stamp(db, f)


def bench_queries(db: str, reps: int, only: tuple[str, ...] = ()) -> dict:
    from metrics import db as mdb
    city, sets = filter_sets(db)
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    loads: list[float] = []
    errors: dict[str, str] = {}
    # one untimed pass warms the connection and the OS page cache
    def calls_(f):
        return [(n, t) for n, t in calls(db, city, f) if not only or n in only]
    for fname, f in sets.items():
        for name, thunk in calls_(f):
            try:
                thunk()
            except Exception as e:  # a broken function is a finding, not a crash of the benchmark
                errors[name] = f"{type(e).__name__}: {e}"[:300]
    for _ in range(reps):
        for fname, f in sets.items():
            for name, thunk in calls_(f):
                if name in errors:
                    continue
                if name.startswith("claims.re") or name == "claims.claim_figures":
                    _claim_ids(db, f)           # the ids come from the claims table, not timed
                with mdb._lock:
                    mdb._cache.clear()
                t, c = time.perf_counter(), time.process_time()
                thunk()
                dt_ = time.perf_counter() - t
                cpu.setdefault(name, []).append(time.process_time() - c)
                loads.append(os.getloadavg()[0])
                times.setdefault(name, []).append(dt_)
                times.setdefault(f"{name} @{fname}", []).append(dt_)
    mdb.close_all()
    rows = {}
    for name, xs in times.items():
        rows[name] = {"p50_ms": round(pct(xs, 0.5) * 1000, 1), "p95_ms": round(pct(xs, 0.95) * 1000, 1),
                      "max_ms": round(max(xs) * 1000, 1), "n": len(xs)}
        if name in cpu:   # CPU of all the process's threads: does not grow with other jobs' load
            rows[name].update(cpu_p50_ms=round(pct(cpu[name], 0.5) * 1000, 1),
                              cpu_p95_ms=round(pct(cpu[name], 0.95) * 1000, 1))
    return {"load_average": [round(min(loads), 1), round(statistics.median(loads), 1), round(max(loads), 1)]
            if loads else None, "city": city, "filters": {k: v.describe() for k, v in sets.items()}, "queries": rows,
            "errors": errors}


def bench_pages(db: str, reps: int = 2) -> dict:
    import logging

    from streamlit.testing.v1 import AppTest
    quiet_streamlit()

    from metrics import db as mdb
    os.environ["FRONTLINE_DB"] = db
    out = {}
    for page in PAGES:
        cold, total, warm, err = [], [], [], None
        for _ in range(reps):
            mdb.close_all()
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
            t0 = time.perf_counter()
            at.run()
            t1 = time.perf_counter()
            if page != "overview":
                at.switch_page(f"pages/{page}.py").run()
            t2 = time.perf_counter()
            cold.append(t2 - t1 if page != "overview" else t1 - t0)
            total.append(t2 - t0)
            if at.exception:
                err = "; ".join(str(e.value)[:200] for e in at.exception)
            t = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - t)
        out[page] = {"cold_s": round(statistics.median(cold), 2), "cold_max_s": round(max(cold), 2),
                     "total_s": round(statistics.median(total), 2),
                     "warm_s": round(statistics.median(warm), 2), "error": err}
    mdb.close_all()
    return out


def report(r: dict) -> str:
    lines = [f"== queries on {r['db']} ({r['rows']})",
             f"   filter sets: {', '.join(r['q']['filters'])}; busiest city {r['q']['city']}; "
             f"{r['reps']} reps; uncached; load average min/median/max {r['q'].get('load_average')} "
             f"on {os.cpu_count()} cores",
             f"   {'function':34} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9} {'CPU p50':>9} {'CPU p95':>9}"
             "   (target p95 < 250 ms)"]
    q = r["q"]["queries"]
    for name in sorted(k for k in q if "@" not in k):
        v = q[name]
        flag = "  MISS" if v["p95_ms"] >= 250 else ""
        lines.append(f"   {name:34} {v['p50_ms']:9.1f} {v['p95_ms']:9.1f} {v['max_ms']:9.1f} "
                     f"{v.get('cpu_p50_ms', float('nan')):9.1f} {v.get('cpu_p95_ms', float('nan')):9.1f}{flag}")
    for name, e in r["q"]["errors"].items():
        lines.append(f"   {name:34} ERROR {e}")
    if r.get("pages"):
        lines.append(f"== pages (AppTest; cold = caches dropped; target < 2 s)")
        for page, v in r["pages"].items():
            flag = "  MISS" if v["cold_s"] >= 2 else ""
            lines.append(f"   {page:12} cold page {v['cold_s']:6.2f} s (max {v['cold_max_s']:.2f}), Overview first + page "
                         f"{v['total_s']:6.2f} s   warm {v['warm_s']:6.2f} s"
                         f"{flag}{'  ERROR ' + v['error'] if v['error'] else ''}")
    return "\n".join(lines)


def quiet_streamlit() -> None:
    """No 'missing ScriptRunContext' chatter from bare-mode Streamlit calls."""
    import logging
    try:
        import streamlit.logger as stlog
        from streamlit.runtime.scriptrunner_utils import script_run_context
        stlog.set_log_level("error")
        script_run_context._LOGGER.disabled = True   # AppTest resets levels; this one only nags
    except Exception:
        pass
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):
            logging.getLogger(name).setLevel(logging.ERROR)


def run(db: Path, reps: int = 5, pages: bool = True, out: Path = gen.DEFAULT_OUT, only: tuple[str, ...] = ()) -> dict:
    import duckdb
    sys.path.insert(0, str(ROOT))
    quiet_streamlit()
    con = duckdb.connect(str(db), read_only=True)
    rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "figures", "events")}
    con.close()
    r = {"db": str(db), "rows": rows, "reps": reps}
    r["q"] = bench_queries(str(db), reps, only)
    quiet_streamlit()
    if pages:
        r["pages"] = bench_pages(str(db))
    Path(out).mkdir(parents=True, exist_ok=True)
    (Path(out) / f"queries-{Path(db).stem}.json").write_text(json.dumps(r, indent=1, default=str))
    return r


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=gen.DEFAULT_OUT / "bench-n100000.duckdb")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--no-pages", action="store_true")
    ap.add_argument("--out", type=Path, default=gen.DEFAULT_OUT)
    ap.add_argument("--only", default="", help="comma-separated function names to time (default: all)")
    a = ap.parse_args(argv)
    if not a.db.exists():
        print(f"{a.db} does not exist: build it with `python -m bench.ingest --n 100000` (or pass --db)",
              file=sys.stderr)
        return 1
    r = run(a.db, a.reps, not a.no_pages, a.out, tuple(n for n in a.only.split(",") if n))
    print(report(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
