"""Pure extraction speed: articles per second per core, beside a digit-regex ceiling.

    python -m bench.extract [PATH ...] [--n 2000] [--repeat 1]

PATH: article files or folders in any format the loaders read (real articles give the real
figure; the project keeps none, so point it at your own, e.g. a JSONL of news articles).
Without PATH a corpus of --n generated articles is used (bench/generate.py). Each article is
read and completed (HTML parsed) first, outside the timing; then `pipeline.extract` runs once
per article in this one process, timed in CPU seconds. "Cold" means every article is new to
the process: the per-text caches (places, dates) start empty for each one, as in an ingest of
new articles; the rules and the gazetteer are loaded before timing, as in a worker. The ceiling
is the same loop running only `re.findall(r"\\d+", text)`: the cost of touching the text.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from . import generate as gen


def documents(paths: list[Path], n: int):
    from loaders import sources
    if not paths:
        corpus = gen.generate(n, 7, gen.DEFAULT_OUT, quiet=True)
        paths = [corpus]
    docs = []
    for item in sources.read(paths):
        if hasattr(item, "text"):
            docs.append(sources.complete(item))
        if len(docs) >= n:
            break
    return docs


def run(paths: list[Path], n: int, repeat: int = 1) -> dict:
    from loaders import pipeline, places
    docs = documents(paths, n)
    places.warm() if hasattr(places, "warm") else None
    import gc
    pipeline.extract(docs[0])                     # rules compiled, gazetteer loaded: as in a worker
    caches = _caches()                            # before the freeze: frozen objects are not listed
    gc.freeze()                                   # as loaders.ingest does once the gazetteer is loaded
    digits = re.compile(r"\d+")
    t = time.process_time()
    for _ in range(repeat):
        for d in docs:
            digits.findall(d.text)
    ceiling = (time.process_time() - t) / (repeat * len(docs))
    best = None
    for _ in range(repeat):
        for c in caches:
            c.cache_clear()
        t = time.process_time()
        for d in docs:
            pipeline.extract(d)
        per = (time.process_time() - t) / len(docs)
        best = per if best is None else min(best, per)
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    return {"articles": len(docs), "words_per_article": round(words), "ms_per_article": round(best * 1000, 3),
            "articles_per_s_per_core": round(1 / best, 1), "digit_regex_articles_per_s": round(1 / ceiling),
            "source": ", ".join(map(str, paths)) or f"generated n={n}"}


def _caches() -> list:
    """The per-text memo caches of the loaders, to empty so every article is extracted cold."""
    import functools
    import gc
    return [obj for obj in gc.get_objects()
            if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "").startswith("loaders")
            and obj.cache_info().maxsize is not None and obj.cache_info().maxsize > 1]


def report(r: dict) -> str:
    return (f"extraction on {r['articles']} articles ({r['words_per_article']} words each, {r['source']}): "
            f"{r['ms_per_article']} ms CPU per article = {r['articles_per_s_per_core']} articles/s per core; "
            f"digit-regex ceiling {r['digit_regex_articles_per_s']:,} articles/s")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.extract", description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=1, help="runs (the best one is reported)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    r = run(a.paths, a.n, a.repeat)
    print(json.dumps(r) if a.json else report(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
