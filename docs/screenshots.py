"""Screenshots of every page of the dashboard (the README shows the main ones), taken from the
real app in headless Chromium.

    .venv/bin/python docs/screenshots.py [--db FILE] [--out docs/img] [--widths 1400,800] [--n 80]

Without --db it builds a demonstration database in a temporary folder: the bundled sample
articles plus --n articles from the deterministic bench generator (bench/generate.py), and two
analyst corrections (one corrected number, one rejected row) so the Review page has something to
show. It then starts `streamlit run app.py` on a free loopback port, opens each page once its
charts have drawn and writes docs/img/<page>.png at 1400 px and <page>-800.png at 800 px (full
page). Needs /usr/bin/chromium and playwright.
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROMIUM = "/usr/bin/chromium"
# --disable-dev-shm-usage: a container's /dev/shm is often 64 MB, too small for Chromium's
# shared memory under load; with this flag it uses /tmp instead.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def demo_db(folder: Path, n: int = 80) -> Path:
    """Samples + generated articles, loaded by the real loader, with two corrections."""
    from bench import generate
    from loaders import corrections
    from loaders.ingest import ingest
    from metrics import db as mdb

    corpus = generate.generate(n, out=folder / "gen", quiet=True)
    db = folder / "demo.duckdb"
    parts = [ROOT / "data" / "articles"] + [corpus / k for k in ("txt", "html", "json", "jsonl") if (corpus / k).exists()]
    ingest(parts, db, progress=False)
    weak = mdb.rows(db, """SELECT * FROM figures_raw WHERE kind = 'killed' AND claimant_how = 'default'
                           ORDER BY figure_id LIMIT 2""")
    if len(weak) == 2:
        corrections.save(db, corrections.make("figure", weak[0], "correct", {"claimant_side": "ukraine",
                         "claimant": "Ukraine's General Staff"}, note="The paragraph before credits the General Staff.",
                         author="AB"))
        corrections.save(db, corrections.make("figure", weak[1], "reject", note="A casualty count from 2022 "
                                              "quoted as background, not a new claim.", author="AB"))
    mdb.close_all()
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path):
    port = free_port()
    env = {**os.environ, "FRONTLINE_DB": str(db), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise TimeoutError("streamlit did not start")


# Script finished, nothing stale, every Plotly chart drawn (the map: its canvas has a size).
DRAWN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')) return false;
  return [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg') &&
    (!p.querySelector('.maplibregl-canvas') || p.querySelector('.maplibregl-canvas').width > 0));
}"""


def settle(page, title: str) -> None:
    page.get_by_role("heading", name=title).first.wait_for(timeout=120_000)
    page.wait_for_function(DRAWN, timeout=120_000, polling=200)
    page.wait_for_timeout(1200)
    errors = page.locator('[data-testid="stException"]').all_inner_texts()
    if errors:
        raise RuntimeError(f"{title}: {errors[0][:500]}")


def shoot(db: Path, out: Path, widths: dict[int, str]) -> list[Path]:
    """Every page at each width; `widths` maps a width to its file-name suffix."""
    from playwright.sync_api import sync_playwright
    from metrics import db as mdb

    linked = mdb.rows(db, """SELECT figure_id FROM figures WHERE kind = 'killed' AND claimant_how = 'stated'
                             ORDER BY length(sentence) DESC, figure_id LIMIT 1""")
    weak = mdb.rows(db, """SELECT figure_id FROM figures WHERE review_status IS NULL AND claimant_how = 'default'
                           ORDER BY figure_id LIMIT 1""")
    mdb.close_all()
    pages = [("overview", "", "Overview"), ("city", "city", "City"), ("claims", "claims", "Claims"),
             ("evidence", f"evidence?figure={linked[0]['figure_id']}" if linked else "evidence", "Evidence"),
             ("review", f"review?figure={weak[0]['figure_id']}" if weak else "review", "Review"),
             ("data", "data", "Data"), ("load", "load", "Load articles")]
    out.mkdir(parents=True, exist_ok=True)
    proc, url = serve(db)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for width, suffix in widths.items():
                ctx = browser.new_context(viewport={"width": width, "height": 1000}, device_scale_factor=1)
                written += _shoot_pages(ctx.new_page(), url, pages, out, width, suffix)
                ctx.close()
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return written


def _shoot_pages(page, url: str, pages: list, out: Path, width: int, suffix: str) -> list[Path]:
    written = []
    for name, path, title in pages:
        page.set_viewport_size({"width": width, "height": 1000})
        page.goto(f"{url}/{path}", wait_until="domcontentloaded")
        settle(page, title)
        # the app scrolls inside its main block: grow the window to the content, then shoot
        measure = ("Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], "
                   "[data-testid=\"stMainBlockContainer\"]')].map(e => e.scrollHeight), 800)")
        height = 0
        for _ in range(5):   # until the page stops growing (grids and charts mount late)
            now = int(page.evaluate(measure))
            if now <= height:
                break
            height = now
            page.set_viewport_size({"width": width, "height": min(height + 40, 12000)})
            page.wait_for_timeout(1200)
        settle(page, title)
        target = out / f"{name}{suffix}.png"
        page.screenshot(path=str(target), full_page=True)
        written.append(target)
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="database to show (default: build a demonstration one)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    ap.add_argument("--widths", default="1400,800",
                    help="window widths; the first gives <page>.png, the others <page>-<width>.png")
    ap.add_argument("--n", type=int, default=80, help="generated articles in the demonstration database")
    a = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="frontline-shots-") as tmp:
        db = a.db or demo_db(Path(tmp), a.n)
        widths = [int(w) for w in a.widths.split(",") if w.strip()]
        for path in shoot(db, a.out, {w: "" if i == 0 else f"-{w}" for i, w in enumerate(widths)}):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
