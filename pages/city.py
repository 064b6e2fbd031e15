"""City: population, casualty claims over time, events, distances, every figure with its sentence."""
import streamlit as st

from metrics import charts, city
from metrics.overview import options
from metrics.style import fmt_num, kind_label
from pages._shared import current, filter_note, plain, sides

db, f = current()
st.title("City")
filter_note(f)
choices = list(f.city) or options(db)["city"]
if not choices:
    st.info("No city is named in the loaded articles yet.")
    st.stop()
name = st.selectbox("City", choices, key="city_pick")

FIG_COLS = {"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"), "claim": "Claim",
            "kind": "Kind", "subject_side": "About", "claimant_side": "Claimant side",
            "claimant": "Claimant", "period": "Period", "basis": "Basis", "sentence": "Sentence",
            "outlet": "Outlet", "title": "Title", "url": st.column_config.LinkColumn("Link", display_text="open")}


def table(df, cols, key):
    df = sides(df, "subject_side", "claimant_side").assign(kind=df["kind"].map(kind_label))
    st.dataframe(df[cols], hide_index=True, placeholder="–", key=key,
                 column_config={k: v for k, v in FIG_COLS.items() if k in cols})


st.subheader("Population: before the war vs remaining")
pop = city.population(db, f, name)
gaz = pop.attrs.get("gazetteer_population")
if gaz:
    st.caption(f"Gazetteer (pre-war) population: {fmt_num(gaz)}.")
if pop.empty:
    st.info(f"No population figures for {plain(name)}.")
else:
    if pop["date"].notna().any():
        st.plotly_chart(charts.population(pop, gaz), key="population_chart")
    undated = int(pop["date"].isna().sum())
    if undated:
        st.caption(f"{undated} population figure(s) have no date and are listed below only.")
    table(pop.assign(kind=pop["measure"]), ["date", "kind", "claim", "claimant_side", "claimant", "outlet",
                                            "sentence"], "population_table")

st.subheader("Casualty claims over time, by claimant side")
cas = city.casualties(db, f, name)
if cas.empty or cas["date"].isna().all():
    st.info(f"No dated casualty claims for {plain(name)}.")
else:
    st.plotly_chart(charts.claims_over_time(cas, f"Casualty claims about {name} (points; ▲ = at least, ▼ = at most)"),
                    key="casualty_chart")
    st.caption("Each point is one report's number on the date it refers to; "
               "'cumulative' numbers are totals to date, 'per period' numbers cover the period shown.")

st.subheader("Events")
ev = city.events(db, f, name)
if ev.empty:
    st.info(f"No events recorded for {plain(name)}.")
else:
    if ev["date"].notna().any():
        st.plotly_chart(charts.events_timeline(ev), key="events_chart")
    st.dataframe(sides(ev, "actor_side", "claimant_side")[["date", "event_type", "actor_side", "claimant_side",
                                                           "sentence", "outlet"]],
                 hide_index=True, placeholder="–", key="events_table",
                 column_config={"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                                "event_type": "Event", "actor_side": "Acting side",
                                "claimant_side": "Claimant side", "sentence": "Sentence", "outlet": "Outlet"})

st.subheader("Distances mentioned")
dist = city.distances(db, f, name)
if dist.empty:
    st.info(f"No distances mentioned for {plain(name)}.")
else:
    st.plotly_chart(charts.distances(dist), key="distance_chart")

st.subheader(f"Every figure about {plain(name)}")
allf = city.figures(db, f, name)
total = city.figure_count(db, f, name)
st.caption(f"{fmt_num(total)} figure(s)" + (f"; the newest {fmt_num(len(allf))} are listed, all of them are in "
                                              "the Data page's CSV." if total > len(allf) else "."))
table(allf, ["date", "kind", "claim", "subject_side", "claimant_side", "claimant", "basis", "sentence",
             "outlet", "url"], "figures_table")
