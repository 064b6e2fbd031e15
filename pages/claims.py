"""Claims: what each side says about each side's losses, side by side per city and over time,
with bounds kept honest and every number one click from its sentence."""
import streamlit as st

from metrics import claim_charts, claims, views
from metrics.style import CASUALTY_KINDS, WORDS, fmt_num, kind_label
from pages._shared import (CLAIM_PX, KIND_PX, RATE_PX, clicked, current, filter_note,
                           on_click, provenance, sides, undated_note, window)

CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"]}

db, f = current()
st.title("Claims")
filter_note(f)
present = claims.casualty_kinds_present(db, f)
if not present:
    st.info("No casualty claims match these filters.")
    st.stop()
st.caption("What each side says about each side's losses. A claim is one number from one source; "
           "the same number repeated by several reports counts once. Signs: ≥ more than (a lower bound) · "
           "≤ fewer than (an upper bound) · ~ about · a–b a range.")

# --- side by side -------------------------------------------------------------------------------
st.subheader("Side by side, by city")
long = claims.matrix(db, f)
cells, ids = claims.matrix_table(long, kind_label)
n_cities = long["city"].nunique()
st.caption(
    "Each cell is the **latest** claim by *who says so* about *whose losses*, for one city and one kind of "
    "figure: a total to date with the date it was reported, or a count with the period it covers. "
    "Empty = nobody is reported saying it. **Select a cell** to read its sentence."
    + (f" The {claims.MATRIX_CITIES} cities with the most reports are listed; pick cities in the sidebar "
       "to see others." if n_cities >= claims.MATRIX_CITIES else ""))
pair_help = "Who says so · whose losses. " + WORDS["claim"][1]
config = {"City": st.column_config.TextColumn("City", pinned=True, help=WORDS["city"][1]),
          "What": st.column_config.TextColumn("What", pinned=True, help="What the number counts")}
config.update({c: st.column_config.TextColumn(c, help=pair_help, width="medium") for c in cells.columns
               if c not in config})
picked = st.dataframe(cells, hide_index=True, key="claims_matrix", on_select="rerun", selection_mode="single-cell",
                      column_config=config, placeholder="", height=min(38 + 35 * len(cells), 460))
chosen_cells = picked.selection.get("cells", []) if picked else []
if chosen_cells:
    row, col = chosen_cells[0]
    claim_id = ids.iloc[row][col] if col in ids.columns and col not in ("City", "What") else None
    if col in ("City", "What"):
        st.caption("Select a claim in the row to read its sentence.")
    elif isinstance(claim_id, str):
        provenance(db, claims.claim_figures(db, f, CASUALTY_KINDS, claim_id), key="matrix_prov",
                   city=cells.iloc[row]["City"])
    else:
        st.caption("Nobody is reported saying this one: the cell is empty.")
undated_note(claims.undated(db, f, CASUALTY_KINDS) if (f.start or f.end) else 0, f)

# --- over time ----------------------------------------------------------------------------------
st.subheader("Over time")
kind = st.segmented_control("What is counted", present, format_func=kind_label, key="claims_kind",
                            required=True, default=present[0]) or present[0]
cities = sorted(long.loc[long["kind"] == kind, "city"].unique())
follow_default = f.city[0] if len(f.city) == 1 and f.city[0] in cities else None
follow = st.selectbox("Follow one city", [None, *cities], key="claims_follow",
                      index=([None, *cities].index(follow_default) if follow_default else 0),
                      format_func=lambda c: "No city: every claim as a point" if c is None else c,
                      help="Join one city's totals into step lines, one per side; other cities' claims fade.")
fig, info = views.claims_chart(db, f, kind, window().agg, follow)
st.caption(claim_charts.GLYPH_KEY)
if fig is None:
    st.info(f"No dated {kind_label(kind).lower()} claims match these filters.")
else:
    chart_key = f"claims_chart_{kind}"
    st.plotly_chart(fig, key=chart_key, on_select=on_click(chart_key), selection_mode="points", config=CHART_CONFIG)
    notes = []
    if info["grouped_by"]:
        notes.append(f"{fmt_num(info['claims'])} claims: to stay readable, each point is the latest claim of its "
                     f"{info['grouped_by']} for its city, side and what it covers (hover a point; the table below "
                     "lists every claim).")
    notes.append("Hover a point for its claim and sentence; click it to see every report that carries it.")
    st.caption(" ".join(notes))
    claim_id = clicked(chart_key)
    if claim_id:
        provenance(db, claims.claim_figures(db, f, (kind,), claim_id), key="chart_prov")
undated_note(claims.undated(db, f, (kind,)), f)

# --- every claim --------------------------------------------------------------------------------
st.subheader(f"Every {kind_label(kind).lower()} claim")
allc = claims.claims(db, f, (kind,))
total = claims.count(db, f, (kind,))
shown = f" (the newest {fmt_num(len(allc))} are listed)" if total["claims"] > len(allc) else ""
st.caption(f"{fmt_num(total['claims'])} distinct claim(s) from {fmt_num(total['reports'])} report(s){shown}. "
           "Select a row to see the reports behind it.")
show = sides(allc, "claimant_side").assign(last=allc["last_reported"], first=allc["first_reported"])
table = st.dataframe(
    show[["claim", "period", "per_day_text", "subject", "claimant_side", "claimants", "city", "reports", "outlets",
          "first", "last"]],
    hide_index=True, placeholder="–", key="claims_table", on_select="rerun", selection_mode="single-row",
    column_config={
        "claim": st.column_config.TextColumn(WORDS["claim"][0], help=WORDS["claim"][1], width=CLAIM_PX),
        "subject": st.column_config.TextColumn(WORDS["subject_side"][0], help=WORDS["subject_side"][1]),
        "claimant_side": st.column_config.TextColumn(WORDS["claimant_side"][0], help=WORDS["claimant_side"][1]),
        "claimants": st.column_config.TextColumn("Quoted sources", help=WORDS["claimant"][1]),
        "city": st.column_config.TextColumn("City", help=WORDS["city"][1]),
        "period": st.column_config.TextColumn(WORDS["basis"][0], help=WORDS["basis"][1]),
        "per_day_text": st.column_config.TextColumn(WORDS["per_day"][0], help=WORDS["per_day"][1],
                                                    width=RATE_PX),
        "reports": st.column_config.NumberColumn(WORDS["reports"][0], help=WORDS["reports"][1], format="%d"),
        "outlets": "Outlets",
        "first": st.column_config.DateColumn("First reported", format="YYYY-MM-DD"),
        "last": st.column_config.DateColumn("Last reported", format="YYYY-MM-DD")})
rows = table.selection.get("rows", []) if table else []
if rows:
    provenance(db, tuple(allc.iloc[rows[0]]["figure_ids"]), key="table_prov", city=allc.iloc[rows[0]]["city"])
