"""Review: the figures and events whose attribution is weakest, first; correct, reject or confirm
one with a note; see every correction (orphaned ones too); share corrections as a file.

Corrections are written through the database's single-writer lock (loaders/corrections.py), so
they wait for a running ingest and survive every later one. /review?figure=<id> (or ?event=<id>)
opens one row."""
import datetime as dt

import streamlit as st

from loaders import corrections as corr
from loaders.errors import StoreBusy
from loaders.model import CLAIMANT_SIDES, EVENT_TYPES, FIGURE_KINDS, QUALIFIERS, SIDES
from metrics import export, review
from metrics.style import CASUALTY_KINDS, fmt_num, kind_label, side_label
from pages import _provenance as prov
from pages._shared import current, filter_note, plain, sides

db, f = current()
st.title("Review")
filter_note(f)
st.markdown("Numbers and events whose attribution is **weakest come first**: those where nothing in the "
            "text said who says so, whose losses or where (defaulted), then those carried from the context, "
            "then those whose method was not recorded. Select a row to read its source and correct it. "
            "A correction changes what every page, chart and export shows, and is kept through re-loads.")

QUALIFIER_WORDS = {"exact": "exactly", "more_than": "more than (at least)", "less_than": "fewer than (at most)",
                   "approx": "about", "range": "a range (low to high)", "vague": "vague (e.g. 'dozens')"}
STATUS_WORDS = {"to review": "Not reviewed yet", "corrected": "Corrected", "rejected": "Rejected",
                "confirmed": "Confirmed as read", "all": "All"}

for name, value in list(st.session_state.get("review_flash", {}).items()):
    getattr(st, name)(value)
st.session_state["review_flash"] = {}

linked = next(((i, st.query_params[i]) for i in ("figure", "event") if st.query_params.get(i)), None)
c1, c2 = st.columns([1, 2])
item = c1.segmented_control("Rows", ["figure", "event"], default=linked[0] if linked else "figure",
                            format_func=lambda i: "Figures" if i == "figure" else "Events",
                            key="rv_item", required=True) or "figure"
counts = review.queue_counts(db, item, f)
status = c2.selectbox("Show", list(review.STATUSES), key="rv_status",
                      format_func=lambda s: f"{STATUS_WORDS[s]} ({fmt_num(counts[s])})")

q = review.queue(db, item, f, status)
shown = f"the first {fmt_num(len(q))}" if counts[status] > len(q) else "all"
st.caption(f"{fmt_num(counts[status])} row(s); {shown} listed, weakest first. "
           f"{fmt_num(counts['weak'])} not yet reviewed have at least one attribution defaulted.")


def flash(kind: str, text: str) -> None:
    st.session_state.setdefault("review_flash", {})[kind] = text


def write(action, *args, **kwargs) -> bool:
    """Run one write; say plainly what went wrong and keep the page."""
    try:
        action(*args, **kwargs)
    except corr.CorrectionError as e:
        st.error("Not saved: " + "; ".join(plain(p) for p in e.problems) + ".")
    except StoreBusy:
        st.error("Not saved: the database is being written by another process (probably an ingest). "
                 "Try again when it has finished; your entries are still in the form.")
    except OSError as e:
        st.error(f"Not saved: the database could not be written ({plain(e.strerror or e)}).")
    else:
        return True
    return False


def correction_form(item: str, row_id: str) -> None:
    raw, now = review.raw_row(db, item, row_id), review.current_row(db, item, row_id)
    if raw is None:
        return
    key = f"fix_{item}_{row_id}"
    st.markdown("**Correct this row**: change what was read wrong and save, reject the row if it is not "
                f"a real {'figure' if item == 'figure' else 'event'}, or confirm it as read.")
    changes: dict = {}
    with st.form(key, border=True):
        if item == "figure":
            a, b = st.columns(2)
            changes["kind"] = a.selectbox("Kind", FIGURE_KINDS, index=FIGURE_KINDS.index(now["kind"]),
                                          format_func=kind_label, key=f"{key}_kind")
            changes["qualifier"] = b.selectbox("How the number is said", QUALIFIERS,
                                               index=QUALIFIERS.index(now["qualifier"]),
                                               format_func=QUALIFIER_WORDS.get, key=f"{key}_q")
            a, b, c = st.columns(3)
            changes["value"] = a.number_input("Value", min_value=0.0, value=now["value"], step=1.0,
                                              format="%g", key=f"{key}_v")
            changes["value_low"] = b.number_input("Low end", min_value=0.0, value=now["value_low"], step=1.0,
                                                  format="%g", key=f"{key}_lo", help="For a range or a vague amount")
            changes["value_high"] = c.number_input("High end", min_value=0.0, value=now["value_high"], step=1.0,
                                                   format="%g", key=f"{key}_hi", help="For a range or a vague amount")
            side_label_text = "Whose losses" if now["kind"] in CASUALTY_KINDS else "About whom"
            side_col, date_col = "subject_side", "figure_date"
        else:
            a, = st.columns(1)
            changes["event_type"] = a.selectbox("Event", EVENT_TYPES, index=EVENT_TYPES.index(now["event_type"]),
                                                format_func=kind_label, key=f"{key}_kind")
            side_col, side_label_text, date_col = "actor_side", "Acting side", "event_date"
        a, b, c = st.columns(3)
        changes["claimant"] = a.text_input("Claimant (as written)", value=now["claimant"] or "", key=f"{key}_cl")
        changes["claimant_side"] = b.selectbox("Who says so", CLAIMANT_SIDES,
                                               index=CLAIMANT_SIDES.index(now["claimant_side"]),
                                               format_func=side_label, key=f"{key}_cs")
        opts = [None, *SIDES]
        changes[side_col] = c.selectbox(side_label_text, opts, index=opts.index(now[side_col]),
                                        format_func=lambda s: "not said" if s is None else side_label(s),
                                        key=f"{key}_side")
        a, b = st.columns(2)
        places = review.places(db)
        if now["place"] and now["place"] not in places:
            places = [now["place"], *places]
        changes["place"] = a.selectbox("Place (pick one, or type a new name)", places,
                                       index=places.index(now["place"]) if now["place"] else None,
                                       accept_new_options=True, placeholder="no place at the number",
                                       key=f"{key}_place")
        changes[date_col] = b.date_input("Date", value=now[date_col], min_value=corr.EARLIEST,
                                         max_value=dt.date.today() + dt.timedelta(days=1), format="YYYY-MM-DD",
                                         key=f"{key}_date")
        note = st.text_area("Note (why; a rejection needs one)", value=now.get("review_note") or "",
                            key=f"{key}_note", max_chars=corr.MAX_NOTE)
        author = st.text_input("Your name or initials (optional, kept with the correction)",
                               value=st.session_state.get("rv_author", ""), key=f"{key}_author")
        buttons = st.container(horizontal=True)
        save = buttons.form_submit_button("Save correction", type="primary")
        reject = buttons.form_submit_button("Reject the row")
        confirm = buttons.form_submit_button("Confirm as read")
    if not (save or reject or confirm):
        if now.get("correction_id") and st.button("Remove the correction (show the row as read)",
                                                  key=f"{key}_undo"):
            if write(corr.delete, db, [now["correction_id"]]):
                flash("success", "Correction removed.")
                st.rerun()
        return
    st.session_state["rv_author"] = author
    action = "correct" if save else "reject" if reject else "confirm"
    try:
        c = corr.make(item, raw, action, changes, note=note, author=author,
                      correction_id=now.get("correction_id") or "")
    except corr.CorrectionError as e:
        st.error("Not saved: " + "; ".join(plain(p) for p in e.problems) + ".")
        return
    if write(corr.save, db, c):
        flash("success", {"correct": "Correction saved: every page and export now shows it.",
                          "reject": "Row rejected: it is left out of every page and export.",
                          "confirm": "Row confirmed as read."}[action])
        st.rerun()


if q.empty:
    st.info("No rows with this status match the filters.")
    pick = None
else:
    show = sides(q, "side", "claimant_side").assign(what=q["what"].map(kind_label),
                                                    review=q["review_status"].fillna(""))
    pick = prov.table(show, key=f"review_table_{item}_{status}", item=item, id_col="id", height=420,
                      download="review", review_link=False,
                      columns=["why", "number", "what", "evidence", "side", "claimant_side", "claimant", "city",
                               "date", "outlet", "review"],
                      column_config={"why": st.column_config.TextColumn(
                          "Why listed", width="medium",
                          help="What the text did not say: no claimant (nobody named as the source), side not "
                               "said (whose losses; for events, actor not said), no place (filed under the "
                               "article's main place); "
                               "'from context' = carried from nearby sentences."),
                                     "number": "Number" if item == "figure" else "Words",
                                     "what": "Kind" if item == "figure" else "Event",
                                     "evidence": st.column_config.TextColumn("Sentence", width="large"),
                                     "side": "Whose losses" if item == "figure" else "Acting side",
                                     "claimant_side": "Who says so", "claimant": "Claimant", "city": "Place",
                                     "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                                     "outlet": "Outlet", "review": "Review"})
if pick is None and linked:
    st.subheader("The linked row")
    pick = linked if prov.panel(db, linked[0], linked[1], key="review_linked", review_link=False) else None
if pick:
    correction_form(*pick)

st.divider()
st.subheader("Corrections")
allc = review.corrections(db)
if allc.empty:
    st.caption("No corrections yet.")
else:
    lost = allc[allc["state"] != "applied"]
    st.caption(f"{fmt_num(len(allc))} correction(s); {fmt_num((allc['state'] == 'applied').sum())} applied. "
               + (f"{fmt_num((lost['state'] == 'orphaned').sum())} orphaned: their row is no longer in the data "
                  "(its article was re-loaded or re-extracted and the words are gone); they are kept and apply "
                  "again if the row returns. " if len(lost) else "")
               + "Select one to remove it.")
    shown_c = allc.assign(state=allc["state"].map({"applied": "applied", "orphaned": "orphaned: row not found",
                                                   "superseded": "superseded by a newer one"}),
                          fields=allc["fields"].map(lambda x: ", ".join(x) if x is not None else ""))
    sel = st.dataframe(shown_c[["state", "action", "item", "kind", "words", "fields", "note", "author", "updated_at",
                                "sentence"]],
                       hide_index=True, key="corrections_table", on_select="rerun", selection_mode="single-row",
                       column_config={"state": "State", "action": "Action", "item": "Row", "kind": "Kind",
                                      "words": "Words", "fields": "Changed", "note": "Note", "author": "By",
                                      "updated_at": st.column_config.DatetimeColumn("Saved (UTC)",
                                                                                    format="YYYY-MM-DD HH:mm"),
                                      "sentence": st.column_config.TextColumn("Sentence", width="large")})
    rows = sel.selection.rows if sel is not None else []
    if rows:
        chosen = allc.iloc[rows[0]]
        if st.button(f"Remove this correction ({plain(chosen['action'])} on “{plain(chosen['words'])}”)",
                     key="rv_remove"):
            if write(corr.delete, db, [chosen["correction_id"]]):
                flash("success", "Correction removed.")
                st.rerun()

st.subheader("Share corrections with your team")
st.caption("Download every correction as a file; a team mate imports it into their own database. A correction "
           "finds its row by article, words and sentence, so it applies even where ids differ; when both sides "
           "corrected the same row, the later edit wins.")
mine = review.corrections(db)
if not mine.empty:
    items = [corr.from_record(r) for r in review.correction_records(db)]
    c1 = c2 = st.container(horizontal=True)
    sid = export.stamp(db, f)["snapshot_id"]      # the snapshot the corrections were made on
    c1.download_button("Corrections (JSON)", corr.dump_json(items, {"snapshot_id": sid}),
                       file_name=f"frontline_corrections_{sid}.json", mime="application/json", key="dl_corr_json",
                       on_click="ignore")
    c2.download_button("Corrections (CSV)", corr.dump_csv(items, sid), file_name=f"frontline_corrections_{sid}.csv",
                       mime="text/csv", key="dl_corr_csv", on_click="ignore")
up = st.file_uploader("Import corrections (a .json or .csv file exported here)", type=["json", "csv"],
                      key="rv_import")
if up is not None and st.button("Import", key="rv_import_btn", type="primary"):
    try:
        good, bad = corr.parse_file(up.getvalue(), up.name)
    except corr.CorrectionError as e:
        st.error("Could not import: " + "; ".join(plain(p) for p in e.problems))
    else:
        result = {}
        if write(lambda: result.setdefault("r", corr.merge(db, good))):
            r = result["r"]
            r.failed = bad
            msg = f"Imported {plain(up.name)}: {r.summary()}."
            flash("success" if not bad else "warning", msg + "".join(
                f"\n\n- {plain(w)}: {plain(why)}" for w, why in bad[:20]))
            st.rerun()
