"""Frontline dashboard: navigation, shared sidebar filters (mirrored in the URL), empty-DB help.

Run: FRONTLINE_DB=data/frontline.duckdb streamlit run app.py
Read-only (no Load page, for serving to others; docs/security.md):
     FRONTLINE_READONLY=1 streamlit run app.py   (or: streamlit run app.py -- --read-only)
"""
from __future__ import annotations

import datetime as dt
import os
import sys

import streamlit as st

from metrics import db as mdb
from metrics.filters import LIST_FIELDS, Filters
from metrics.overview import options
from metrics.style import kind_label, side_label

st.set_page_config(page_title="Frontline", layout="wide")  # default favicon: a material icon would be fetched online

DB = mdb.db_path()
st.session_state["db"] = str(DB)
READ_ONLY = os.environ.get("FRONTLINE_READONLY", "").strip().lower() in ("1", "true", "yes", "on") \
    or "--read-only" in sys.argv[1:]
LABELS = {"city": "City", "claimant_side": "Claimant side", "subject_side": "Subject side",
          "kind": "Kind of figure", "outlet": "Outlet"}
FORMAT = {"claimant_side": side_label, "subject_side": side_label, "kind": kind_label}


def sidebar(opts: dict) -> Filters:
    """Widgets seeded once from the URL; every run writes the chosen filters back to the URL."""
    if "_seeded" not in st.session_state:
        seed = Filters.from_params(st.query_params)
        for f in LIST_FIELDS:
            st.session_state[f"flt_{f}"] = [v for v in getattr(seed, f) if v in opts[f]]
        lo, hi = opts["min_date"], opts["max_date"]
        if lo and hi:
            st.session_state["flt_dates"] = (max(seed.start or lo, lo), min(seed.end or hi, hi))
        st.session_state["_seeded"] = True
    st.sidebar.header("Filters")
    chosen = {}
    for f in LIST_FIELDS:
        chosen[f] = tuple(st.sidebar.multiselect(
            LABELS[f], opts[f], key=f"flt_{f}", format_func=FORMAT.get(f, str), placeholder="All"))
    start = end = None
    lo, hi = opts["min_date"], opts["max_date"]
    if lo and hi:
        # an untouched range follows the data when new articles widen it
        cur, seen = st.session_state.get("flt_dates"), st.session_state.get("_range_seen")
        if cur is None or (seen is not None and tuple(cur) == seen):
            st.session_state["flt_dates"] = (lo, hi)
        elif len(cur) == 2:   # keep a chosen range, inside the data's dates (a 1-tuple is mid-pick)
            a, b = cur
            st.session_state["flt_dates"] = (min(max(a, lo), hi), max(min(b, hi), lo))
        st.session_state["_range_seen"] = (lo, hi)
        picked = st.sidebar.date_input("Date range", min_value=lo, max_value=hi, key="flt_dates")
        if isinstance(picked, (tuple, list)) and len(picked) == 2:
            start = picked[0] if picked[0] > lo else None
            end = picked[1] if picked[1] < hi else None
    flt = Filters(start=start, end=end, **chosen)
    sync_url(flt)
    if not flt.is_empty():
        st.sidebar.caption("This view's link (the address bar) keeps these filters.")
    return flt


def sync_url(flt: Filters) -> None:
    """Write only the filter keys, and only when they differ (other params are left alone)."""
    want = {k: (v if isinstance(v, list) else [v]) for k, v in flt.to_params().items()}
    for key in (*LIST_FIELDS, "start", "end"):
        have = st.query_params.get_all(key)
        if have != want.get(key, []):
            if key in want:
                st.query_params[key] = want[key]
            elif key in st.query_params:
                del st.query_params[key]


def empty_page():
    status = mdb.status(DB)
    st.title("Frontline")
    if READ_ONLY:   # shown to others: no server paths, no loading instructions they cannot follow
        if status.startswith("broken"):
            st.error("The database could not be read. Ask whoever runs this dashboard to check it.")
        else:
            st.info("No articles loaded yet. This dashboard is read-only: articles are loaded by "
                    "whoever runs it.")
        return
    if status.startswith("broken"):
        st.error(f"The database at `{DB}` could not be read: {status[8:]}")
    else:
        st.info(f"No articles loaded yet (database: `{DB}`).")
    st.markdown(
        "Load articles (txt, html, json, jsonl) in either of two ways:\n\n"
        "1. **In the browser:** open the **Load** page in the menu and upload files.\n"
        "2. **From a terminal:**")
    st.code(f"python -m loaders ingest data/articles --db {DB}", language="bash")
    st.markdown("Then reload this page. Set `FRONTLINE_DB` to use another database file.")


PAGES = {
    "overview": st.Page("pages/overview.py", title="Overview", default=True),
    "city": st.Page("pages/city.py", title="City"),
    "claims": st.Page("pages/claims.py", title="Claims"),
    "evidence": st.Page("pages/evidence.py", title="Evidence"),
    "review": st.Page("pages/review.py", title="Review"),
    "data": st.Page("pages/data.py", title="Data"),
    "load": st.Page("pages/load.py", title="Load"),
}

WRITING_PAGES = ("load", "review")   # pages that write to the database
if READ_ONLY:
    for key in WRITING_PAGES:
        PAGES.pop(key, None)   # not in the navigation, so not reachable by their URLs either

if mdb.status(DB) == "ok":
    st.session_state["filters"] = sidebar(options(str(DB)))
    page = st.navigation(list(PAGES.values()))
else:
    st.session_state["filters"] = Filters()
    page = st.navigation([st.Page(empty_page, title="Welcome", default=True)]
                         + ([PAGES["load"]] if "load" in PAGES else []))
page.run()
