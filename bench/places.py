"""Gazetteer figures: index load time, scan speed, and (by hand) the evaluation gold places.

    python -m bench.places                      # load and scan speed on generated articles
    python -m bench.places --gold ../shared/eval/dev-a --gold ../shared/eval/dev-b

Speed: every article is scanned twice from a cold cache, once whole (`find_places`) and
once sentence by sentence as the pipeline does (`find_places_in`, document-level
resolution included), and the time is given per 2,000 characters.

`--gold DIR` reads DIR/articles.jsonl and DIR/gold.jsonl (evaluation data: this is run by
hand and nothing of it is stored) and checks that every place the gold names for a figure
or an event is a gazetteer name (`canonical(name) == name`) and is found, under that name,
in the article: near the quote first, else anywhere in it. It lists the ones that are not.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from pathlib import Path

from loaders import places, sentences


def _generated(n: int) -> list[str]:
    from bench import generate as gen
    out = []
    for i in range(n):
        art, title, _ = gen.build(7, i, dt.date(2024, 1, 1), 365)
        out.append(gen.as_text(art, title))
    return out


def _clear() -> None:
    places._find_cached.cache_clear()
    places._hits_cached.cache_clear()


def speed(texts: list[str]) -> dict:
    splits = [sentences.split(t) for t in texts]
    chars = sum(len(t) for t in texts)
    res = {}
    for label, fn in (("whole text", lambda k: places.find_places(texts[k])),
                      ("by sentence", lambda k: places.find_places_in(splits[k]))):
        runs, cpu = [], []
        for _ in range(3):
            _clear()
            t, c = time.perf_counter(), time.process_time()
            for k in range(len(texts)):
                fn(k)
            runs.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        best, best_cpu = min(runs), min(cpu)
        # CPU time as well: on a shared machine the wall clock also counts other processes
        res[label] = {"ms_per_2000_chars": 1000 * best / chars * 2000,
                      "cpu_ms_per_2000_chars": 1000 * best_cpu / chars * 2000,
                      "ms_per_article": 1000 * best / len(texts), "mb_per_s": chars / best / 1e6}
    return res


def _options(p) -> list[str]:
    return [x for x in (p if isinstance(p, list) else [p]) if x and x != "*"]


def gold_check(dirs: list[Path]) -> list[str]:
    problems, total = [], 0
    for d in dirs:
        arts = {}
        for line in open(d / "articles.jsonl", encoding="utf-8"):
            r = json.loads(line)
            arts[r["id"]] = r["text"]
        for line in open(d / "gold.jsonl", encoding="utf-8"):
            g = json.loads(line)
            opts = _options(g.get("place"))
            if not opts:
                continue
            total += 1
            text = arts[g["doc"]]
            names = [places.canonical(o) for o in opts]
            if not any(n == o for n, o in zip(names, opts)):
                problems.append(f"{d.name}/{g['doc']}: {opts} not a gazetteer name ({names})")
                continue
            found = places.find_places_in(sentences.split(text))
            at = text.find(g.get("quote", "")[:60]) if g.get("quote") else -1
            near = {m.name for m in found if at >= 0 and at - 300 <= m.start <= at + len(g["quote"]) + 300}
            anywhere = {m.name for m in found}
            wanted = {o.lower() for o in opts}
            if not wanted & {x.lower() for x in near | anywhere}:
                problems.append(f"{d.name}/{g['doc']}: {opts} not found in the article ({g.get('quote', '')[:70]!r})")
            elif at >= 0 and not wanted & {x.lower() for x in near}:
                problems.append(f"{d.name}/{g['doc']}: {opts} found, but not near the quote {g['quote'][:70]!r}")
    print(f"gold places checked: {total}; problems: {len(problems)}")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.places", description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="generated articles for the speed figures")
    ap.add_argument("--gold", type=Path, action="append", default=[], help="an evaluation folder (by hand)")
    a = ap.parse_args(argv)
    t, c = time.perf_counter(), time.process_time()
    idx = places._index()
    print(f"index: {len(idx.entries):,} entries, {len(idx.surfaces):,} spellings, "
          f"loaded in {time.perf_counter() - t:.2f} s ({time.process_time() - c:.2f} s CPU)")
    texts = _generated(a.n)
    print(f"speed on {len(texts)} generated articles "
          f"(median {statistics.median(len(x) for x in texts):,.0f} characters):")
    for label, r in speed(texts).items():
        print(f"  {label:12s} {r['ms_per_2000_chars']:.3f} ms per 2,000 characters "
              f"({r['cpu_ms_per_2000_chars']:.3f} ms CPU), {r['ms_per_article']:.3f} ms per article, "
              f"{r['mb_per_s']:.1f} MB/s")
    if a.gold:
        real = [json.loads(x)["text"] for d in a.gold for x in open(d / "articles.jsonl", encoding="utf-8")]
        print(f"speed on {len(real)} real articles (median {statistics.median(len(x) for x in real):,.0f} characters):")
        for label, r in speed(real).items():
            print(f"  {label:12s} {r['ms_per_2000_chars']:.3f} ms per 2,000 characters "
                  f"({r['cpu_ms_per_2000_chars']:.3f} ms CPU), {r['ms_per_article']:.3f} ms per article")
        for p in gold_check(a.gold):
            print("  " + p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
