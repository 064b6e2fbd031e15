"""Load: upload article files and run the same ingest as the CLI, with its per-file report."""
import streamlit as st

from metrics import db as mdb
from metrics import upload
from pages._shared import current, plain

db, _ = current()
st.title("Load articles")
st.markdown(f"Upload {', '.join(upload.ALLOWED)} files (up to {upload.MAX_BYTES // 2**20} MB each). "
            f"They are saved under `uploads/` in the data folder with safe names and loaded into "
            f"`{db}` exactly as `python -m loaders ingest` would. The dashboard keeps working "
            "while a load runs and shows the new data when it finishes.")
files = st.file_uploader("Article files", type=list(upload.ALLOWED), accept_multiple_files=True,
                         key="uploads")
if st.button("Load", type="primary", disabled=not files, key="load_btn"):
    folder, saved, rejected = upload.save([(u.name, u.getvalue()) for u in files], mdb.data_dir(db))
    for name, why in rejected:
        st.error(f"{plain(name)}: {plain(why)}")
    if saved:
        with st.spinner(f"Loading {len(saved)} file(s)…"):
            try:
                report, rows = upload.load(saved, db)
            except Exception as e:  # the writer lock is busy, disk full, ...: say so, keep the app up
                st.error(f"Load failed: {plain(e)}")
            else:
                st.session_state["last_report"] = (report.summary(), rows)
if "last_report" in st.session_state:
    summary, rows = st.session_state["last_report"]
    st.subheader("Report")
    st.dataframe(rows, hide_index=True, key="report_table")
    st.code(summary, language=None)
