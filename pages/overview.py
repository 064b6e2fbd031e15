"""Overview: headline counts, activity timeline, map, latest claims."""
import streamlit as st

from metrics import charts, overview
from metrics.style import fmt_num, kind_label
from pages._shared import current, filter_note, sides

db, f = current()
st.title("Overview")
filter_note(f)
c = overview.counts(db, f)

cols = st.columns(5)
for col, (label, key) in zip(cols, [("Articles", "articles"), ("Figures", "figures"), ("Claims", "claims"),
                                     ("Cities", "cities"), ("Outlets", "outlets")]):
    col.metric(label, fmt_num(c[key]))
dates = (f"Articles published {c['first_date']:%d %b %Y} – {c['last_date']:%d %b %Y}"
         if c["first_date"] else "No publication dates known")
load = f"last load {c['last_load']:%d %b %Y %H:%M} UTC" if c["last_load"] is not None else "never loaded"
st.caption(f"{dates} · {load} · {fmt_num(c['events'])} events · "
           f"{fmt_num(c['unknown_dates'])} article(s) with unknown publication date, "
           f"{fmt_num(c['inferred_dates'])} with a date inferred from the text. "
           "A claim is one number from one side; repeats across reports count once.")

tl = overview.timeline(db, f)
if tl.empty:
    st.info("No dated figures or events match these filters.")
else:
    st.plotly_chart(charts.timeline(tl), key="timeline")

points = overview.map_points(db, f)
st.plotly_chart(charts.place_map(points), key="map")
if points.empty:
    st.caption("No mentioned place has coordinates in the gazetteer yet; the outlines still show the oblasts.")
else:
    st.caption("Oblast outlines: simplified GADM admin-1 boundaries shipped with the app (works offline).")

st.subheader("Latest claims")
latest = overview.latest_claims(db, f, 10)
if latest.empty:
    st.info("No claims match these filters.")
else:
    show = sides(latest, "subject_side", "claimant_side").assign(kind=latest["kind"].map(kind_label))
    st.dataframe(show[["last_reported", "claim", "kind", "subject_side", "claimant_side", "city",
                       "basis", "period", "reports", "outlets"]],
                 hide_index=True, placeholder="–", key="latest_claims",
                 column_config={"last_reported": st.column_config.DateColumn("Reported", format="YYYY-MM-DD"),
                                "claim": "Claim", "kind": "Kind", "subject_side": "About",
                                "claimant_side": "Claimant", "city": "City", "basis": "Basis",
                                "period": "Period", "reports": st.column_config.NumberColumn("Reports"),
                                "outlets": "Outlets"})
