"""Time the extraction of one article written on a single line (no paragraph breaks).

    python -m bench.longline [--sizes 100000,200000,1000000] [--dense]

Prints CPU seconds for the sentence splitter alone and for the whole extraction
(`pipeline.extract`, what an ingest worker runs) at each size. The text is synthetic
reporting from bench.generate (its articles' paragraphs joined into one line), so the
figures per KB are those of the benchmark corpus; --dense adds the worst case, a line
that states a figure in every sentence. The per-article CPU limit of an ingest
(`--timeout`, 10 s) must be a guard, not the normal path: the target is a 1 MB line
in under 5 s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import time

from loaders import pipeline, sentences
from loaders.model import Document

from . import generate as gen

DENSE = ("Russian forces shelled Kupiansk on Tuesday and more than 120 civilians were evacuated, "
         "regional governor Oleh Syniehubov said. Two people were wounded in the attack. ")


def prose(size: int) -> str:
    """`size` characters of benchmark-corpus paragraphs joined into one line."""
    paras, i = [], 0
    while sum(len(p) + 1 for p in paras) < size:
        art, _, _ = gen.build(7, i, dt.date(2023, 1, 1), 700)
        paras += art.paras
        i += 1
    return " ".join(paras)[:size]


def dense(size: int) -> str:
    return (DENSE * (size // len(DENSE) + 1))[:size]


def cpu(fn) -> tuple[float, object]:
    t = time.process_time()
    result = fn()
    return time.process_time() - t, result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.longline", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,200000,1000000", help="characters per line, comma-separated")
    ap.add_argument("--dense", action="store_true", help="also a line with a figure in every sentence")
    args = ap.parse_args(argv)
    now = dt.datetime(2025, 1, 1)
    kinds = [("prose", prose)] + ([("dense", dense)] if args.dense else [])
    print(f"{'text':<6} {'chars':>9} {'split s':>8} {'extract s':>10} {'figures':>8} {'events':>7}")
    for name, make in kinds:
        for size in (int(s) for s in args.sizes.split(",")):
            line = make(size)
            split_s, sents = cpu(lambda: sentences.split(line))
            doc = Document(doc_id=f"{name}-{size}", text="A long report\n" + line + "\n",
                           source_path="bench", fmt="txt")
            extract_s, x = cpu(lambda: pipeline.extract(doc, now=now))
            print(f"{name:<6} {size:>9,} {split_s:>8.2f} {extract_s:>10.2f} {len(x.figures):>8} {len(x.events):>7}",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
