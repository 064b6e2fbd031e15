"""Render bench/out/*.json as the markdown tables of docs/performance.md.

    python -m bench.markdown [--n 100000] [--out bench/out]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import generate as gen


def ingest_table(r: dict) -> str:
    x = r.get("extraction") or {}
    sh, s = r["stage_share"], r["stage_seconds"]
    rows = [
        ("articles", f"{r['n']:,} ({r['corpus_mb']} MB; {r.get('rows', {}).get('figures', 0):,} figures, "
                     f"{r.get('rows', {}).get('events', 0):,} events stored)"),
        ("workers", f"{r['workers']} (on {r['cpu_count']} cores; load average {r.get('load_average', 0):.1f} at start)"),
        ("wall time", f"{r['wall_s']:,.1f} s"),
        ("throughput", f"{r['articles_per_s']:,.0f} articles/s, {r['mb_per_s']:.2f} MB/s"),
        ("peak RSS (process tree)", f"{r['peak_rss_mb']:,} MB (parent alone {r.get('peak_rss_parent_mb', 0):,} MB)"),
        ("database size", f"{r['db_mb']:,} MB"),
        ("time in stages (summed)", ", ".join(f"{k} {s[k]:,.1f} s ({sh[k]:.1%})" for k in s)),
        ("extraction by stage (CPU s)", ", ".join(f"{k} {v:,.1f}" for k, v in r["extraction_detail"].items())),
        ("outcome", f"loaded {r['loaded']:,}, failed {r['failed']}"),
    ]
    if r.get("rerun"):
        rr = r["rerun"]
        rows.append(("rerun, same files", f"{rr['wall_s']:.1f} s, unchanged {rr['unchanged']:,}, loaded {rr['loaded']}"))
    if x:
        rows += [
            ("figures P / R / F1", f"{x['figures_precision']:.3f} / {x['figures_recall']:.3f} / {x['figures_f1']:.3f} "
                                   f"({x['figures_system']:,} system groups, {x['figures_gold']:,} required gold)"),
            ("subject / claimant side, place", f"{x['subject_side_accuracy']} / {x['claimant_side_accuracy']} / "
                                               f"{x['place_accuracy']}"),
            ("events recall, published dates", f"{x['events_recall']}, {x['published_accuracy']}"),
        ]
    return "| measure | value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)


def queries_table(q: dict) -> str:
    out = ["| function | p50 ms | p95 ms | max ms | target p95 < 250 ms |", "|---|---:|---:|---:|---|"]
    for name in sorted(k for k in q["q"]["queries"] if "@" not in k):
        v = q["q"]["queries"][name]
        out.append(f"| `{name}` | {v['p50_ms']:,.1f} | {v['p95_ms']:,.1f} | {v['max_ms']:,.1f} | "
                   f"{'holds' if v['p95_ms'] < 250 else 'MISSES by %.2fx' % (v['p95_ms'] / 250)} |")
    for name, e in q["q"]["errors"].items():
        out.append(f"| `{name}` | error | | | {e[:120]} |")
    if q.get("pages"):
        out += ["", "| page | cold (page's own run) | cold, Overview first then this page | warm | "
                    "target < 2 s (on the cold page) |", "|---|---:|---:|---:|---|"]
        for page, v in q["pages"].items():
            worst = v["cold_s"]
            out.append(f"| {page} | {v['cold_s']:.2f} s | {v['total_s']:.2f} s | {v['warm_s']:.2f} s | "
                       f"{'holds' if worst < 2 else 'MISSES by %.2fx' % (worst / 2)}"
                       f"{' (error: ' + v['error'][:80] + ')' if v.get('error') else ''} |")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=gen.DEFAULT_OUT)
    a = ap.parse_args(argv)
    ing = a.out / f"ingest-n{a.n}.json"
    qry = a.out / f"queries-bench-n{a.n}.json"
    if ing.exists():
        print(f"### Ingest, {a.n:,} articles\n\n" + ingest_table(json.loads(ing.read_text())) + "\n")
    if qry.exists():
        q = json.loads(qry.read_text())
        print(f"### Dashboard on {q['rows']['articles']:,} articles / {q['rows']['figures']:,} figures "
              f"(busiest city {q['q']['city']}; {q['reps']} reps x 5 filter sets, uncached)\n\n"
              + queries_table(q) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
