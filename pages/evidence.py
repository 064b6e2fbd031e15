"""Evidence: every figure and event, searchable, with the number marked «like this» in its sentence.
Article text is shown only through st.dataframe cells (plain text), never as HTML."""
import streamlit as st

from metrics import evidence
from metrics.style import fmt_num, kind_label
from pages._shared import current, filter_note, sides

db, f = current()
st.title("Evidence")
filter_note(f)
c1, c2 = st.columns([3, 1])
text = c1.text_input("Search sentences, titles, outlets and claimants", key="ev_search")
items = c2.multiselect("Show", ["figures", "events"], default=["figures", "events"], key="ev_items")
rows = evidence.search(db, f, text, tuple(items))
st.caption(f"{fmt_num(len(rows))} row(s){' (first ' + fmt_num(evidence.LIMIT) + ')' if len(rows) >= evidence.LIMIT else ''}. "
           "The number or trigger word is marked «like this».")
if rows.empty:
    st.info("Nothing matches.")
else:
    show = sides(rows, "side", "claimant_side").assign(what=rows["what"].map(kind_label))
    st.dataframe(show[["evidence", "number", "item", "what", "side", "claimant_side", "claimant", "city",
                       "date", "title", "outlet", "published", "url"]],
                 hide_index=True, placeholder="–", key="evidence_table", height=600,
                 column_config={"evidence": st.column_config.TextColumn("Sentence", width="large"),
                                "number": "Number", "item": "Type", "what": "What",
                                "side": "About / acting side", "claimant_side": "Claimant side",
                                "claimant": "Claimant", "city": "City",
                                "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                                "title": "Title", "outlet": "Outlet",
                                "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
                                "url": st.column_config.LinkColumn("Link", display_text="open")})
