"""Load: upload files, paste page addresses or give a feed; the CLI's ingest runs in a subprocess
(with its CPU limit per article) and reports every item."""
import time

import streamlit as st

from metrics import db as mdb
from metrics import upload
from pages._shared import current, plain

db, _ = current()
st.title("Load articles")
web = not upload.offline()
st.markdown(f"Upload {', '.join(upload.ALLOWED)} files (up to {upload.MAX_BYTES // 2**20} MB each)"
            + (", paste web page addresses, or give a news feed" if web else "")
            + f". Everything is loaded into `{db}` exactly as `python -m loaders ingest` would, in a "
            "separate process; the dashboard keeps working while a load runs and shows the new data "
            "when it finishes.")
files = st.file_uploader("Article files", type=list(upload.ALLOWED), accept_multiple_files=True,
                         key="uploads")
urls_text, feed = "", ""
if web:
    urls_text = st.text_area("Web page addresses, one a line", key="urls", height=120,
                             placeholder="https://www.example.com/news/2024/05/13/article")
    feed = st.text_input("News feed address (RSS or Atom)", key="feed",
                         placeholder="https://www.example.com/rss.xml").strip()
    st.caption("Pages are fetched politely (robots.txt is obeyed, a few requests at a time per site) and "
               "parsed like saved HTML files; a feed loads only the entries not loaded before.")
else:
    st.caption("Fetching from the web is off on this server (FRONTLINE_OFFLINE).")

running = st.session_state.get("load_job")
if st.button("Load", type="primary", disabled=bool(running) or not (files or urls_text.strip() or feed),
             key="load_btn"):
    problems = []
    saved = []
    if files:
        _, saved, rejected = upload.save([(u.name, u.getvalue()) for u in files], mdb.data_dir(db))
        problems += rejected
    urls, bad = upload.parse_urls(urls_text)
    problems += bad
    feeds = [feed] if feed else []
    if feed and not feed.lower().startswith(("http://", "https://")):
        problems.append((feed, "a feed address starts with http:// or https://"))
        feeds = []
    for name, why in problems:
        st.error(f"{plain(name)}: {plain(why)}")
    if saved or urls or feeds:
        st.session_state.pop("last_report", None)
        running = st.session_state["load_job"] = upload.start(db, saved, urls, feeds)

if running:
    # Followed across reruns: the job lives in the session, its output in a file.
    bar = st.progress(0.0, text="Starting the loader…")
    while True:
        finished = running.done
        running.poll()
        done, known = running.progress()
        last = running.items()[-1] if running.items() else None
        where = str(last["where"]).replace("`", "'") if last else ""   # a code span: never a link
        text = f"{done} of {known} input(s) done" + (f" — last: `{where}`: {last['outcome']}" if last else "")
        bar.progress(min(done / known, 1.0) if known else 0.0, text=text)
        if finished:
            break
        time.sleep(0.2)
    del st.session_state["load_job"]
    try:
        report, rows = running.result()
    except RuntimeError as e:   # the writer lock is busy, disk full, ...: say so, keep the app up
        st.error(f"Load failed: {plain(e)}")
    else:
        st.session_state["last_report"] = (report.summary(), rows)
    bar.empty()

if "last_report" in st.session_state:
    summary, rows = st.session_state["last_report"]
    st.subheader("Report")
    st.dataframe(rows, hide_index=True, key="report_table")
    st.code(summary, language=None)
