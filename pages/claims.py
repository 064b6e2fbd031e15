"""Claims: what each side says about each side's losses, side by side, with honest bounds."""
import streamlit as st

from metrics import charts, claims
from metrics.style import CASUALTY_KINDS, fmt_num, kind_label
from pages._shared import current, filter_note, sides

db, f = current()
st.title("Claims")
filter_note(f)
present = claims.casualty_kinds_present(db, f)
if not present:
    st.info("No casualty claims match these filters.")
    st.stop()
kind = st.selectbox("Figure", present, format_func=kind_label, key="claims_kind")

st.markdown(
    "Bars show the **latest** claim per city and period for each claimant; colour = who claims, "
    "panel = whose losses. Hatched `/` bars are **lower bounds** (\"more than N\"), `\\` bars are "
    "**upper bounds** (\"fewer than N\"), whiskers span **ranges**, dotted bars are **vague**. "
    "Labels under each bar say whether a number is a **cumulative total to date** or a count "
    "**for a stated period**.")
cmp = claims.compare(db, f, kind)
st.plotly_chart(charts.compare(cmp, kind), key="compare_chart")
if cmp["city"].nunique() >= claims.MAX_CITIES:
    st.caption(f"Bars for the {claims.MAX_CITIES} cities with the most reports; pick cities in the sidebar to compare others.")

rates = claims.rates(db, f, kind)
if rates.empty:
    st.caption("No per-day rate: none of these claims states its period.")
else:
    st.plotly_chart(charts.rates(rates), key="rates_chart")

st.subheader(f"All {kind_label(kind)} claims")
allc = claims.claims(db, f, (kind,))
total = claims.count(db, f, (kind,))
shown = f" (newest {fmt_num(len(allc))} shown)" if total["claims"] > len(allc) else ""
st.caption(f"{fmt_num(total['claims'])} distinct claim(s) from {fmt_num(total['reports'])} report(s){shown}. "
           "A number repeated by several articles or outlets is one claim with N reports.")
show = sides(allc, "subject_side", "claimant_side")
st.dataframe(show[["claim", "subject_side", "claimant_side", "claimants", "city", "basis", "period",
                   "per_day", "reports", "outlets", "first_reported", "last_reported"]],
             hide_index=True, placeholder="–", key="claims_table",
             column_config={"claim": "Claim", "subject_side": "About", "claimant_side": "Claimant side",
                            "claimants": "Claimants", "city": "City", "basis": "Basis", "period": "Period",
                            "per_day": st.column_config.NumberColumn("Per day", format="localized"),
                            "reports": st.column_config.NumberColumn("Reports"), "outlets": "Outlets",
                            "first_reported": st.column_config.DateColumn("First", format="YYYY-MM-DD"),
                            "last_reported": st.column_config.DateColumn("Last", format="YYYY-MM-DD")})

labels = {r.claim_id: f"{r.claim} · {r.subject} by {r.claimant_label} · {r.city or '(no place)'} · "
                      f"{r.reports} report(s)" for r in allc.itertuples()}
pick = st.selectbox("Show the reports behind a claim", list(labels), format_func=labels.get, key="claim_pick")
ids = tuple(allc.loc[allc["claim_id"] == pick, "figure_ids"].iloc[0])
rep = claims.reports(db, ids)
st.dataframe(rep[["published", "outlet", "title", "claimant", "sentence", "url"]], hide_index=True, placeholder="–",
             key="reports_table",
             column_config={"published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
                            "outlet": "Outlet", "title": "Title", "claimant": "Claimant",
                            "sentence": "Sentence", "url": st.column_config.LinkColumn("Link", display_text="open")})
