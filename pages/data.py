"""Data: the filtered figures and events and every table, as files an analyst can cite."""
import datetime as dt

import streamlit as st

from metrics import export
from metrics.style import fmt_num
from pages._shared import current, plain

db, f = current()
st.title("Data")
meta = export.stamp(db, f)
sid = meta["snapshot_id"]
# One export time per visit and snapshot: a rerun (a ticked box, a sidebar change that keeps the
# snapshot) rebuilds byte-identical files, so a button never points at a file the rerun replaced
first = st.session_state.setdefault(f"_exported_{sid}", meta["exported_utc"])
if first != meta["exported_utc"]:
    meta = export.stamp(db, f, now=dt.datetime.fromisoformat(first))
st.markdown(f"**Snapshot `{sid}`** · filters: {plain(meta['filters_text'])}")
st.caption("The snapshot id depends only on the data (corrections included) and the filters: the same "
           "data and filters give the same id, and any change gives a new one. Every file below carries "
           "it in its name and inside (a snapshot_id column, the workbook's first sheet, the zip's "
           "snapshot.json). Cite it as:")
st.code(meta["citation"], language=None, wrap_lines=True)

bom = st.checkbox("Excel-ready CSV (UTF-8 with byte-order mark)", value=True, key="csv_bom",
                  help="Excel needs the mark to read accents and dashes right; untick for tools that "
                       "do not expect it.")
small = meta["figures"] + meta["events"] <= export.EAGER_ROWS


def offer(label, make, name, mime, key, primary=False, eager=True):
    """Small files are built with the page; big ones when the button is clicked."""
    st.download_button(label, make() if eager else make, file_name=name, mime=mime, key=key,
                       on_click="ignore", type="primary" if primary else "secondary")


st.subheader("The filtered figures and events")
st.caption(f"{fmt_num(meta['figures'])} figure(s) and {fmt_num(meta['events'])} event(s) match the sidebar "
           f"filters, with {fmt_num(meta['corrections_applied'])} analyst correction(s) applied. Corrected rows "
           "are marked (review_status, corrected_fields, review_note); rejected rows are left out.")
with st.container(horizontal=True):   # wraps on a narrow screen instead of cutting labels
    offer("Workbook (.xlsx)", lambda: export.xlsx(db, f, meta), f"frontline_{sid}.xlsx",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "dl_xlsx", True, small)
    offer("CSV files + stamp (zip)", lambda: export.filtered_zip(db, f, meta, bom), f"frontline_filtered_{sid}.zip",
          "application/zip", "dl_view_zip", eager=small)
    offer("Figures (CSV)", lambda: export.to_csv(export.view(db, f), bom, sid), f"figures_filtered_{sid}.csv",
          "text/csv", "dl_view", eager=small)
    offer("Events (CSV)", lambda: export.to_csv(export.view_events(db, f), bom, sid), f"events_filtered_{sid}.csv",
          "text/csv", "dl_view_events", eager=small)
st.caption("The workbook opens with an 'About this snapshot' sheet (id, citation, filters, counts). Text that "
           "a spreadsheet would run as a formula (starting with = + - @) is stored as text: in CSV files it "
           "gets a leading apostrophe.")

st.subheader("Whole tables")
sizes = export.row_counts(db)
whole_small = sum(sizes.values()) <= export.EAGER_ROWS
st.caption("Every row of every table, not filtered: " + " · ".join(f"{t} {fmt_num(n)}" for t, n in sizes.items())
           + ". Figures and events are as the pages show them (corrections applied, rejected rows out); the "
           "corrections table lists every correction with its original values.")
with st.container(horizontal=True):
    for name in export.TABLES:
        offer(f"{name}.csv", lambda name=name: export.to_csv(export.table(db, name), bom, sid),
              f"{name}_{sid}.csv", "text/csv", f"dl_{name}", eager=whole_small)
    offer("Everything (zip)", lambda: export.zip_all(db, f, meta, bom), f"frontline_{sid}.zip", "application/zip",
          "dl_zip", eager=whole_small)

st.subheader("What each column means")
dic = export.dictionary(db)
st.dataframe(dic, hide_index=True, key="dictionary_table",
             column_config={"table": "Table", "column": "Column", "type": "Type",
                            "meaning": st.column_config.TextColumn("Meaning", width="large")})
offer("Data dictionary (CSV)", lambda: export.to_csv(dic, bom, sid), f"data_dictionary_{sid}.csv", "text/csv",
      "dl_dict")
