"""Overview: headline counts, the map (click a place to open it; play the events week by week),
the activity timeline and the latest claims."""
import streamlit as st

from metrics import overview, views
from metrics.style import WORDS, fmt_day, fmt_num, kind_label
from pages._shared import CLAIM_PX, KIND_PX, RATE_PX, clicked, current, filter_note, on_click, provenance, sides, window

db, f = current()
st.title("Overview")
filter_note(f)
agg = window().agg
c = overview.counts(db, f)

cards = [("Articles", "articles", "Articles loaded that match the filters."),
         ("Figures", "figures", "Every number the articles state (a number repeated by two reports is two figures)."),
         ("Claims", "claims", "Distinct numbers: the same number from the same side about the same place and "
                              "period, however many reports repeat it, is one claim."),
         ("Settlements", "settlements", "Cities, towns and villages named as the place of a figure or event. "
                                        "Oblasts, regions and countries are not counted, nor the place an "
                                        "article was filed from."),
         ("Outlets", "outlets", "Publications the articles come from.")]
with st.container(horizontal=True, gap="medium"):   # wraps on a narrow screen instead of cutting labels
    for label, key, help_text in cards:
        st.metric(label, fmt_num(c[key]), help=help_text, width=130)
dates = (f"Articles published {c['first_date']:%d %b %Y} – {c['last_date']:%d %b %Y}"
         if c["first_date"] else "No publication dates known")
load = f"last load {c['last_load']:%d %b %Y %H:%M} UTC" if c["last_load"] is not None else "never loaded"
st.caption(f"{dates} · {load} · {fmt_num(c['events'])} events · {fmt_num(c['regions'])} oblasts or regions named · "
           f"{fmt_num(c['unknown_dates'])} article(s) with unknown publication date, "
           f"{fmt_num(c['inferred_dates'])} with a date inferred from the text.")

# --- map ----------------------------------------------------------------------------------------
st.subheader("Where")
fig, unit, n_frames, settlements, nothing = views.overview_map(db, f, agg)
st.plotly_chart(fig, key="map", on_select=on_click("map"), selection_mode="points",
                config={"displaylogo": False, "scrollZoom": True})
place = clicked("map", pop=True)
if place and place in settlements:
    st.session_state["city_pick"] = place
    st.switch_page("pages/city.py", query_params={**st.query_params.to_dict(), "place": place})
notes = ["Hover a place for its name and counts; click a settlement to open its City page; drag and scroll to move."]
if n_frames:
    notes.append(f"▶ Play shows the events {'of each ' + unit if unit else ''} in turn, coloured by the side that acted "
                 "(capture, advance, assault, strike...)" + (f"; grouped by {unit} to keep the play-through short"
                                                               if unit != agg else "") + ".")
if nothing:
    notes.append("No mentioned place has coordinates in the gazetteer yet; the outlines still show the oblasts.")
notes.append("Oblast outlines: simplified GADM boundaries shipped with the app (no map server is used).")
st.caption(" ".join(notes))

# --- timeline -----------------------------------------------------------------------------------
st.subheader("When")
tl, shown, n_all = views.overview_timeline(db, f, agg)
und = overview.undated(db, f)
if tl is None:
    st.info("No dated figures or events match these filters.")
else:
    st.plotly_chart(tl, key="timeline", config={"displaylogo": False})
    st.caption(f"Figures and events per {agg} and place (darker = more)."
               + (f" The {shown} busiest of {n_all} places; pick places in the sidebar to see others."
                  if n_all > shown else ""))
if und["figures"] or und["events"]:
    st.caption(f"{fmt_num(und['figures'])} undated figure(s) and {fmt_num(und['events'])} undated event(s) not shown: "
               "no date is known for them.")

# --- latest claims ------------------------------------------------------------------------------
st.subheader("Latest claims")
latest = overview.latest_claims(db, f, 10)
if latest.empty:
    st.info("No claims match these filters.")
else:
    show = sides(latest, "claimant_side").assign(kind=latest["kind"].map(kind_label),
                                                 last=latest["last_reported"].map(fmt_day))
    table = st.dataframe(
        show[["last", "claim", "period", "per_day_text", "kind", "subject", "claimant_side", "city", "reports",
              "outlets"]],   # a claim, what it covers and its rate side by side: the rate never scrolls away
        hide_index=True, placeholder="–", key="latest_claims", on_select="rerun", selection_mode="single-row",
        column_config={"last": "Reported",
                       "claim": st.column_config.TextColumn(WORDS["claim"][0], help=WORDS["claim"][1], width=CLAIM_PX),
                       "kind": st.column_config.TextColumn(WORDS["kind"][0], help=WORDS["kind"][1], width=KIND_PX),
                       "subject": st.column_config.TextColumn(WORDS["subject_side"][0], help=WORDS["subject_side"][1]),
                       "claimant_side": st.column_config.TextColumn(WORDS["claimant_side"][0],
                                                                    help=WORDS["claimant_side"][1]),
                       "city": "City", "period": st.column_config.TextColumn(WORDS["basis"][0], help=WORDS["basis"][1]),
                       "per_day_text": st.column_config.TextColumn(WORDS["per_day"][0], help=WORDS["per_day"][1],
                                                                   width=RATE_PX),
                       "reports": st.column_config.NumberColumn(WORDS["reports"][0], help=WORDS["reports"][1],
                                                                format="%d"),
                       "outlets": "Outlets"})
    rows = table.selection.get("rows", []) if table else []
    if rows:
        provenance(db, tuple(latest.iloc[rows[0]]["figure_ids"]), key="latest_prov", city=latest.iloc[rows[0]]["city"])
