"""Web and folder loading figures, all on this machine (a site on 127.0.0.1):

    python -m bench.web [--pages 120] [--latency 0.05]

Prints: pages/s fetching and loading N article pages whose server answers after `latency`
seconds, at 2 and 8 requests per host (and the most requests the site saw at once); the
time to re-load them unchanged; the dashboard's subprocess overhead (one small upload via
metrics.upload vs the same ingest in-process); and watch latency (a file finished -> its
article published) with the default 2 s quiet period.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from webserver import KHARKIV, POKROVSK, TORETSK, Resp, Site, outlet_a  # noqa: E402

from loaders.fetch import Fetcher, Pages  # noqa: E402
from loaders.ingest import ingest  # noqa: E402


def _site(n: int, latency: float) -> tuple[Site, list[str]]:
    site = Site()
    paras = KHARKIV + TORETSK + POKROVSK
    urls = []
    for i in range(n):
        body = [f"Report {i}: " + paras[i % len(paras)], *paras[(i + 1) % len(paras):][:3]]
        site.pages[f"/p/{i}"] = Resp(outlet_a(f"Report {i}", "2024-05-13", body), delay=latency)
        urls.append(site.url(f"/p/{i}"))
    return site, urls


def fetch_figures(n: int, latency: float) -> list[str]:
    out = []
    for per_host in (2, 8):
        site, urls = _site(n, latency)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                db = Path(tmp) / "w.duckdb"
                t = time.perf_counter()
                with Fetcher(per_host=per_host, workers=8) as f:
                    r = ingest([], db, extra=[Pages(urls, f)], progress=False)
                first = time.perf_counter() - t
                t = time.perf_counter()
                with Fetcher(per_host=per_host, workers=8) as f:
                    again = ingest([], db, extra=[Pages(urls, f)], progress=False)
                second = time.perf_counter() - t
            out.append(f"{n} pages, {latency * 1000:.0f} ms server latency, {per_host} per host: "
                       f"{first:.1f} s ({n / first:.1f} pages/s, loaded {r.loaded}, failed {len(r.failed)}); "
                       f"unchanged re-load {second:.1f} s ({again.unchanged} unchanged); "
                       f"peak requests at once {site.peak.get('/p')}")
        finally:
            site.close()
    return out


def subprocess_overhead() -> str:
    from metrics import upload
    with tempfile.TemporaryDirectory() as tmp:
        art = Path(tmp) / "one.txt"
        art.write_text("KYIV — Officials said 12 people were wounded in Kharkiv on Tuesday.\n")
        t = time.perf_counter()
        ingest([art], Path(tmp) / "a.duckdb", progress=False)
        inproc = time.perf_counter() - t
        t = time.perf_counter()
        upload.load([art], Path(tmp) / "b.duckdb")
        sub = time.perf_counter() - t
    return f"one small upload: in-process ingest {inproc:.2f} s, dashboard subprocess {sub:.2f} s"


def watch_latency(quiet: float = 2.0, files: int = 5) -> str:
    from loaders.watch import Watcher
    import io
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "in", Path(tmp) / "w.duckdb"
        folder.mkdir()
        done: dict[str, float] = {}
        w = Watcher(folder, db, quiet=quiet, out=io.StringIO(), progress=False,
                    on_batch=lambda paths, r: done.update({p.name: time.perf_counter() for p in paths}))
        stop = threading.Event()
        th = threading.Thread(target=w.run, args=(stop,), daemon=True)
        th.start()
        while not done:     # the first load of the (empty) folder
            time.sleep(0.05)
        lat = []
        for i in range(files):
            name = f"f{i}.txt"
            (folder / name).write_text(f"KHARKIV — A strike wounded {i + 2} people in Kharkiv on Monday.\n")
            t = time.perf_counter()
            while name not in done:
                time.sleep(0.01)
            lat.append(done[name] - t)
        stop.set()
        th.join(10)
    lat.sort()
    return (f"watch, quiet {quiet:g} s: file written -> published in {lat[len(lat) // 2]:.2f} s median, "
            f"{lat[-1]:.2f} s max ({files} files)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.web", description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--latency", type=float, default=0.05)
    a = ap.parse_args(argv)
    for line in fetch_figures(a.pages, a.latency):
        print(line, flush=True)
    print(subprocess_overhead(), flush=True)
    print(watch_latency(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
