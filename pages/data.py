"""Data: CSV snapshots of the filtered view and of each table, a zip of all, a data dictionary."""
import json

import streamlit as st

from metrics import export
from metrics.style import fmt_num
from pages._shared import current, filter_note

db, f = current()
st.title("Data")
filter_note(f)
bom = st.checkbox("Excel-friendly (UTF-8 with BOM)", key="csv_bom")
meta = export.stamp(db, f)
sid = meta["snapshot_id"]
st.markdown(f"Snapshot **`{sid}`** · database content hash `{meta['db_content_hash']}` · "
            f"made {meta['created_utc']} UTC. File names carry the snapshot id; the zip adds "
            "`snapshot_{id}.json` (filters, time, hash) and the data dictionary. Cells starting with "
            "= + - @ get a leading ' so spreadsheets show them as text.")
st.code(json.dumps(meta, indent=1), language="json")

st.subheader("Current filtered view")
n_view = export.view_count(db, f)
st.caption(f"{fmt_num(n_view)} figure row(s) matching the sidebar filters.")
make_view = (lambda: export.to_csv(export.view(db, f), bom))
st.download_button("Download filtered view (CSV)", make_view() if n_view <= export.EAGER_ROWS else make_view,
                   file_name=f"view_{sid}.csv",
                   mime="text/csv", key="dl_view", on_click="ignore")

st.subheader("Whole tables")
sizes = export.row_counts(db)
small = sum(sizes.values()) <= export.EAGER_ROWS   # small: build now; large: build on click
st.caption(" · ".join(f"{t}: {fmt_num(n)} rows" for t, n in sizes.items()))
cols = st.columns(len(export.TABLES))
for col, name in zip(cols, export.TABLES):
    make = (lambda name=name: export.to_csv(export.table(db, name), bom))
    col.download_button(f"{name}.csv", make() if small else make,
                        file_name=f"{name}_{sid}.csv", mime="text/csv", key=f"dl_{name}", on_click="ignore")
make_zip = (lambda: export.zip_all(db, f, meta, bom))
st.download_button("Download everything (zip)", make_zip() if small else make_zip,
                   file_name=f"frontline_{sid}.zip", mime="application/zip", key="dl_zip", on_click="ignore",
                   type="primary")

st.subheader("Data dictionary")
dic = export.dictionary(db)
st.download_button("data_dictionary.csv", export.to_csv(dic, bom), file_name=f"data_dictionary_{sid}.csv",
                   mime="text/csv", key="dl_dict", on_click="ignore")
st.dataframe(dic, hide_index=True, key="dictionary_table")
