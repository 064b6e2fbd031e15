"""The app is open; articles are loaded into the same database; a rerun shows them, no restart.
Also: the app's open read connection doesn't block the loader (it writes a copy and swaps it in)."""
from __future__ import annotations

import json
import subprocess
import sys

from streamlit.testing.v1 import AppTest

from conftest import ROOT, SAMPLES, build_db
from metrics import db as mdb
from metrics import overview
from metrics.filters import Filters

NEW = [{"id": f"live-{i}", "title": f"Live report {i}", "source": "Live Wire", "published": "2024-12-0%d" % i,
        "text": f"KHARKIV — Officials said {10 + i} civilians were wounded in Kharkiv on Monday."}
       for i in (1, 2)]


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def test_new_articles_appear_without_restart(tmp_path, monkeypatch):
    db = build_db(tmp_path, paths=[SAMPLES])
    monkeypatch.setenv("FRONTLINE_DB", str(db))
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        before = int(metric(at, "Articles").replace(",", ""))
        assert "Live Wire" not in at.multiselect(key="flt_outlet").options   # sidebar choices

        # load with the library while the app holds its read connection open
        f1 = tmp_path / "live1.jsonl"
        f1.write_text(json.dumps(NEW[0]) + "\n")
        from loaders.ingest import ingest
        assert ingest([f1], db).loaded == 1
        at.run()
        assert not at.exception
        assert int(metric(at, "Articles").replace(",", "")) == before + 1
        assert "Live Wire" in overview.options(str(db))["outlet"]   # what the sidebar offers

        # and with the CLI in another process
        f2 = tmp_path / "live2.jsonl"
        f2.write_text(json.dumps(NEW[1]) + "\n")
        subprocess.run([sys.executable, "-m", "loaders", "ingest", str(f2), "--db", str(db), "--no-progress"],
                       cwd=ROOT, check=True, capture_output=True, timeout=120)
        at.run()
        assert int(metric(at, "Articles").replace(",", "")) == before + 2
        at.switch_page("pages/evidence.py").run()
        at.text_input(key="ev_search").input("Live report").run()
        shown = at.dataframe[0].value if at.dataframe else None
        n = len(mdb.query(db, "SELECT 1 FROM figures f JOIN articles a USING (doc_id) WHERE a.title LIKE 'Live report%' "
                              "UNION ALL SELECT 1 FROM events e JOIN articles a USING (doc_id) WHERE a.title LIKE 'Live report%'"))
        assert (shown is None and n == 0) or len(shown) == n
    finally:
        mdb.close_all()


def test_cached_results_follow_the_file_version(tmp_path):
    db = build_db(tmp_path, paths=[SAMPLES])
    try:
        first = overview.counts(str(db), Filters())
        assert overview.counts(str(db), Filters()) == first        # cached, same version
        f = tmp_path / "more.jsonl"
        f.write_text(json.dumps(NEW[0]) + "\n")
        v1 = mdb.version(db)
        build_db(tmp_path, paths=[f])
        assert mdb.version(db) != v1
        assert overview.counts(str(db), Filters())["articles"] == first["articles"] + 1
    finally:
        mdb.close_all()

