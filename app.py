"""Frontline dashboard: navigation, shared sidebar filters and time controls (mirrored in the
URL), empty-DB help.

Run: FRONTLINE_DB=data/frontline.duckdb streamlit run app.py
Read-only (no Load page, for serving to others; docs/security.md):
     FRONTLINE_READONLY=1 streamlit run app.py   (or: streamlit run app.py -- --read-only)
"""
from __future__ import annotations

import os
import sys

import streamlit as st

from metrics import db as mdb
from metrics import warm
from metrics.filters import AGGS, LIST_FIELDS, PRESET_LABELS, WINDOW_KEYS, Filters, Window
from metrics.overview import options
from metrics.style import WORDS, kind_label, side_label

st.set_page_config(page_title="Frontline", layout="wide")  # default favicon: a material icon would be fetched online

DB = mdb.db_path()
st.session_state["db"] = str(DB)
READ_ONLY = os.environ.get("FRONTLINE_READONLY", "").strip().lower() in ("1", "true", "yes", "on") \
    or "--read-only" in sys.argv[1:]
FORMAT = {"claimant_side": side_label, "subject_side": side_label, "kind": kind_label}
ORDER = ("city", "claimant_side", "subject_side", "kind", "outlet")


def sidebar(opts: dict) -> Filters:
    """Widgets seeded once from the URL; every run writes the chosen filters back to the URL."""
    lo, hi = opts["min_date"], opts["max_date"]
    if "_seeded" not in st.session_state:
        seed = Filters.from_params(st.query_params)
        win = Window.from_params(st.query_params)
        for f in LIST_FIELDS:
            st.session_state[f"flt_{f}"] = [v for v in getattr(seed, f) if v in opts[f]]
        st.session_state["flt_period"] = win.period
        st.session_state["flt_agg"] = win.agg
        if lo and hi:
            if win.asof:
                st.session_state["flt_asof"] = min(max(win.asof, lo), hi)
            st.session_state["flt_dates"] = (max(win.start or lo, lo), min(win.end or hi, hi))
        st.session_state["_seeded"] = True
    st.sidebar.header("Filters")
    chosen = {}
    for f in ORDER:
        label, help_text = WORDS[f]
        chosen[f] = tuple(st.sidebar.multiselect(
            label, opts[f], key=f"flt_{f}", format_func=FORMAT.get(f, str), placeholder="All", help=help_text))
    window = time_controls(lo, hi)
    start, end = window.bounds(lo, hi)
    flt = Filters(start=start, end=end, **chosen)
    st.session_state["window"] = window
    st.session_state["data_bounds"] = (lo, hi)
    sync_url(flt, window)
    if not flt.is_empty() or window.to_params():
        st.sidebar.caption("This view's link (the address bar) keeps these filters.")
    return flt


def time_controls(lo, hi) -> Window:
    """Presets ending on an 'as of' date, or a custom range; and weekly or monthly counts."""
    st.sidebar.subheader("Time")
    period = st.sidebar.segmented_control(
        "Show", list(PRESET_LABELS), format_func=PRESET_LABELS.get, key="flt_period", required=True,
        help="Which dates the pages count: the last 7, 30 or 90 days up to the 'as of' date, all dates, "
             "or a range you pick. A figure's date is the date it refers to, else its article's "
             "publication date; figures with no date at all are left out of any narrower window "
             "(each chart says how many).") or "all"
    asof = start = end = None
    if lo and hi:
        if period == "custom":
            cur, seen = st.session_state.get("flt_dates"), st.session_state.get("_range_seen")
            # an untouched range follows the data when new articles widen it
            if cur is None or (seen is not None and tuple(cur) == seen):
                st.session_state["flt_dates"] = (lo, hi)
            elif len(cur) == 2:   # keep a chosen range inside the data's dates (a 1-tuple is mid-pick)
                a, b = cur
                st.session_state["flt_dates"] = (min(max(a, lo), hi), max(min(b, hi), lo))
            st.session_state["_range_seen"] = (lo, hi)
            picked = st.sidebar.date_input("Dates", min_value=lo, max_value=hi, key="flt_dates",
                                           format="YYYY-MM-DD")
            if isinstance(picked, (tuple, list)) and len(picked) == 2:
                start, end = picked
        else:
            cur, seen = st.session_state.get("flt_asof"), st.session_state.get("_asof_seen")
            if cur is None or cur == seen or not (lo <= cur <= hi):
                st.session_state["flt_asof"] = hi     # untouched: the latest date, even after a load
            st.session_state["_asof_seen"] = hi
            asof = st.sidebar.date_input(
                "As of", min_value=lo, max_value=hi, key="flt_asof", format="YYYY-MM-DD",
                help="The last day shown. Latest claims and totals are as they stood on this day.")
            asof = None if asof == hi else asof
    agg = st.sidebar.segmented_control(
        "Group counts by", list(AGGS), format_func=AGGS.get, key="flt_agg", required=True,
        help="How charts bin counts over time (the timeline, the map's play-through, events).") or "week"
    return Window(period=period, asof=asof, start=start, end=end, agg=agg)


def sync_url(flt: Filters, window: Window) -> None:
    """Write only the filter keys, and only when they differ (other params are left alone)."""
    want = {k: (v if isinstance(v, list) else [v]) for k, v in flt.to_params().items()}
    if window.period != "custom":      # start/end follow from period + as of
        want.pop("start", None)
        want.pop("end", None)
    want.update({k: [v] for k, v in window.to_params().items()})
    for key in (*LIST_FIELDS, "start", "end", *WINDOW_KEYS):
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

ready = mdb.status(DB) == "ok"
if ready:
    st.session_state["filters"] = sidebar(options(str(DB)))
    page = st.navigation(list(PAGES.values()))
else:
    st.session_state["filters"] = Filters()
    st.session_state["window"] = Window()
    page = st.navigation([st.Page(empty_page, title="Welcome", default=True)]
                         + ([PAGES["load"]] if "load" in PAGES else []))
page.run()
if ready:
    warm.start(str(DB))     # the other pages' default views, in the background, once per version
