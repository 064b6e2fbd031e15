"""Evidence: every figure and event, searchable; select one to read its sentence in full with its
article. /evidence?figure=<id> (or ?event=<id>) opens one row's source directly: other pages
link here. Article text reaches the page only as grid cells or escaped Markdown, never as HTML."""
import streamlit as st

from metrics import evidence
from metrics.style import fmt_num, kind_label
from pages import _provenance as prov
from pages._shared import current, filter_note, sides

db, f = current()
st.title("Evidence")
filter_note(f)

for item in ("figure", "event"):
    wanted = st.query_params.get(item)
    if wanted:
        st.subheader("The source of one " + ("number" if item == "figure" else "event"))
        prov.panel(db, item, wanted, key="linked")
        break

c1, c2 = st.columns([3, 1])
text = c1.text_input("Search sentences, titles, outlets and claimants", key="ev_search")
items = c2.multiselect("Show", ["figures", "events"], default=["figures", "events"], key="ev_items")
rows = evidence.search(db, f, text, tuple(items))
more = f" (the first {fmt_num(evidence.LIMIT)})" if len(rows) >= evidence.LIMIT else ""
st.caption(f"{fmt_num(len(rows))} row(s){more}, newest first. The number or the event's words are marked "
           "«like this» in the sentence.")
if rows.empty:
    st.info("Nothing matches.")
else:
    show = sides(rows, "side", "claimant_side").assign(
        what=rows["what"].map(kind_label),
        review=rows["review_status"].fillna(""))
    prov.table(show, key="evidence_table", item_col="item", id_col="id", height=560, download="evidence",
               columns=["number", "what", "evidence", "side", "claimant_side", "claimant", "city", "date",
                        "outlet", "title", "review", "item"],
               column_config={"evidence": st.column_config.TextColumn("Sentence", width="large"),
                              "number": "Number", "item": "Row", "what": "What",
                              "side": "Whose losses / acting side", "claimant_side": "Who says so",
                              "claimant": "Claimant", "city": "Place",
                              "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                              "title": "Title", "outlet": "Outlet", "review": "Review"})
