"""City: casualty claims over time, population before vs remaining, events, distances, and every
figure with its sentence. Kinds and sides each get their own panel; every chart says how many
undated rows it leaves out, and any point or row opens its sentence."""
import streamlit as st

from metrics import city, claim_charts, views
from metrics.overview import NO_PLACE, options
from metrics.style import WORDS, event_label, fmt_num, kind_label
from pages import _provenance as prov
from pages._shared import (CLAIM_PX, KIND_PX, RATE_PX, clicked, current, filter_note,
                           on_click, plain, provenance, sides, undated_note, window)

CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"]}

db, f = current()
st.title("City")
filter_note(f)
choices = [c for c in (list(f.city) or options(db)["city"]) if c != NO_PLACE]
if not choices:
    st.info("No city is named in the loaded articles yet.")
    st.stop()
wanted = st.query_params.get("place")          # the map's click, or a shared link
if wanted in choices and st.session_state.get("_place_seen") != wanted:
    st.session_state["city_pick"] = wanted
    st.session_state["_place_seen"] = wanted
if st.session_state.get("city_pick") not in choices:
    st.session_state.pop("city_pick", None)
name = st.selectbox("City", choices, key="city_pick", help=WORDS["city"][1])
if st.query_params.get("place") != name:
    st.query_params["place"] = name
agg = window().agg

about = city.info(db, name)
facts = [x for x in (about.get("kind"), f"in {about['oblast']}" if about.get("oblast") else None) if x]
pop = about.get("population")
line = " ".join(facts) or "not in the gazetteer"
if pop:
    line += f" · pre-war population {fmt_num(pop)} (gazetteer)"
st.caption(f"{plain(name)}: {plain(line)}.")


def chart(fig, key: str) -> str | None:
    """Draw a chart whose points open their sentence; returns the clicked claim, if any."""
    st.plotly_chart(fig, key=key, on_select=on_click(key), selection_mode="points", config=CHART_CONFIG)
    return clicked(key)


# --- casualties ---------------------------------------------------------------------------------
st.subheader("Casualty claims over time")
kinds = city.casualty_kinds(db, f, name)
if not kinds:
    st.info(f"No casualty claims about {plain(name)} match these filters.")
else:
    kind = st.segmented_control("What is counted", kinds, format_func=kind_label, key="city_kind", required=True,
                                default=kinds[0])
    kind = kind if kind in kinds else kinds[0]
    fig, info = views.city_casualties(db, f, name, kind, agg)
    n_undated = city.undated(db, f, name, (kind,), f.subject_side)
    if fig is None:
        st.info(f"No dated {kind_label(kind).lower()} claims about {plain(name)}.")
    else:
        st.caption(claim_charts.GLYPH_KEY)
        cid = chart(fig, f"city_cas_{kind}")
        st.caption("One point per claim: a number repeated by several reports is one point (hover shows how "
                   "many); claims on the same day and value are set side by side. Lines join each side's "
                   "totals to date. Click a point for its sentence."
                   + (f" Grouped: the latest claim per {info['grouped_by']} is shown." if info["grouped_by"] else ""))
        if cid:
            provenance(db, city.mclaims.claim_figures(db, city._city_filters(f, name), (kind,), cid), key="city_cas_prov",
                       city=name)
    undated_note(n_undated, f)

# --- population ---------------------------------------------------------------------------------
st.subheader("Population: before the war and remaining")
pop_fig = views.city_population(db, f, name)
n_undated = city.undated(db, f, name, city.POPULATION)
if pop_fig is None:
    st.info(f"No dated population figures for {plain(name)}.")
else:
    cid = chart(pop_fig, "city_population")
    if cid:
        provenance(db, city.mclaims.claim_figures(db, city._city_filters(f, name), city.POPULATION, cid),
                   key="city_pop_prov", city=name)
undated_note(n_undated, f, "population figure")

# --- events -------------------------------------------------------------------------------------
st.subheader("Events")
evs = city.events(db, f, name)
n_ev = city.event_count(db, f, name)
if evs.empty:
    st.info(f"No events recorded for {plain(name)}.")
else:
    ev_fig = views.city_events(db, f, name, agg)
    if ev_fig is not None:
        st.plotly_chart(ev_fig, key="city_events", config=CHART_CONFIG)
        st.caption(f"Events per {agg}: one row per kind of event and acting side; the bigger the dot, the more "
                   "events. Select a row of the table for its sentence.")
    show = sides(evs, "actor_side", "claimant_side").assign(event_type=evs["event_type"].map(event_label))
    prov.table(
        show, item="event", key="city_events_table", download="events",
        columns=["date", "dated_by", "event_type", "actor_side", "claimant_side", "claimant", "sentence", "outlet"],
        column_config={"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                       "dated_by": st.column_config.TextColumn("Dated by", help="Where the date comes from"),
                       "event_type": "Event",
                       "actor_side": st.column_config.TextColumn(WORDS["actor_side"][0], help=WORDS["actor_side"][1]),
                       "claimant_side": st.column_config.TextColumn(WORDS["claimant_side"][0],
                                                                    help=WORDS["claimant_side"][1]),
                       "claimant": "Quoted source", "sentence": "Sentence", "outlet": "Outlet"})
    if n_ev["events"] > len(evs):
        st.caption(f"The newest {fmt_num(len(evs))} of {fmt_num(n_ev['events'])} events are listed.")
undated_note(n_ev["undated"] if (f.start or f.end) or evs.empty else int(evs["date"].isna().sum()), f, "event")

# --- distances ----------------------------------------------------------------------------------
st.subheader("Distances mentioned")
dist = views.city_distances(db, f, name)
if dist is None:
    st.info(f"No dated distances mentioned for {plain(name)}.")
else:
    cid = chart(dist, "city_distances")
    st.caption("Each distance is labelled with what it is measured to, in the report's own words.")
    if cid:
        provenance(db, city.mclaims.claim_figures(db, city._city_filters(f, name), ("distance_km",), cid),
                   key="city_dist_prov", city=name)
undated_note(city.undated(db, f, name, ("distance_km",)), f, "distance")

# --- every figure -------------------------------------------------------------------------------
st.subheader(f"Every figure about {plain(name)}")
allf = city.figures(db, f, name)
total = city.figure_count(db, f, name)
st.caption(f"{fmt_num(total)} figure(s)" + (f"; the newest {fmt_num(len(allf))} are listed, all of them are in "
                                              "the Data page's download." if total > len(allf) else ".")
           )
show = sides(allf, "claimant_side").assign(kind=allf["kind"].map(kind_label))
prov.table(
    show, key="figures_table", download="figures",
    columns=["date", "dated_by", "kind", "claim", "period", "per_day_text", "subject", "claimant_side", "claimant",
             "sentence", "outlet", "url"],
    column_config={"date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                   "dated_by": st.column_config.TextColumn("Dated by", help="Where the date comes from"),
                   "kind": st.column_config.TextColumn(WORDS["kind"][0], help=WORDS["kind"][1], width=KIND_PX),
                   "claim": st.column_config.TextColumn(WORDS["claim"][0], help=WORDS["claim"][1], width=CLAIM_PX),
                   "subject": st.column_config.TextColumn(WORDS["subject_side"][0], help=WORDS["subject_side"][1]),
                   "claimant_side": st.column_config.TextColumn(WORDS["claimant_side"][0],
                                                                help=WORDS["claimant_side"][1]),
                   "claimant": st.column_config.TextColumn("Quoted source", help=WORDS["claimant"][1]),
                   "period": st.column_config.TextColumn(WORDS["basis"][0], help=WORDS["basis"][1]),
                   "per_day_text": st.column_config.TextColumn(WORDS["per_day"][0], help=WORDS["per_day"][1],
                                                               width=RATE_PX),
                   "sentence": "Sentence", "outlet": "Outlet",
                   "url": st.column_config.LinkColumn("Link", display_text="open")})
