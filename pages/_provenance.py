"""Provenance for every number, as a component any page can use.

    from pages import _provenance as prov
    prov.table(df, key="figures_table", columns=[...], column_config={...})   # figure_id in df
    prov.table(df, key="events_table", item="event", columns=[...])           # event_id in df
    prov.table(df, key="mixed", item_col="item", id_col="id", columns=[...])  # both kinds
    prov.panel(db, "figure", figure_id)                                       # one row, no table

`table` shows the grid with single-row selection; picking a row opens `panel` below it: the
full sentence with the number marked, its paragraph, the article's title, outlet, date (marked
when inferred), link, how claimant / side / place were decided, and any correction. It also
adds a download of the table as shown, through the same neutralised, stamped export as the
Data page (the grid's own download icon is switched off in .streamlit/config.toml).

A row can be linked to: /evidence?figure=<figure_id> (or ?event=<event_id>) opens its panel.
Article text reaches the page only as escaped Markdown (pages._shared.plain), never as HTML.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from metrics import export, provenance
from metrics.style import CASUALTY_KINDS, fmt_claim, fmt_num, kind_label, side_label
from pages._shared import current, plain

ITEM_ID = {"figure": "figure_id", "event": "event_id"}
FIELD_WORDS = {"kind": "kind", "event_type": "event", "value": "value", "value_low": "low end",
               "value_high": "high end", "qualifier": "qualifier", "unit": "unit", "claimant": "claimant",
               "claimant_side": "who says so", "subject_side": "whose losses", "actor_side": "acting side",
               "place": "place", "figure_date": "date", "event_date": "date"}


def _md(text) -> str:
    return plain(" ".join(str(text).split()))


def _parts_md(parts: list[provenance.Part]) -> str:
    """Escaped Markdown: the number bold on an orange background, the rest of its sentence on
    grey (background directives, not emphasis, so punctuation next to the number cannot break
    the markup). Whitespace at the ends of a marked run is moved outside it."""
    out = ""
    for p in parts:
        t = p.text.replace("\n", " ")
        core = t.strip()
        if not p.mark or not core:
            out += plain(t)
            continue
        lead, trail = t[:len(t) - len(t.lstrip())], t[len(t.rstrip()):]
        body = plain(core)
        out += lead + (f":orange-background[**{body}**]" if p.mark == "number" else f":gray-background[{body}]") + trail
    return out


def _value(col: str, v) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "none"
    if col in ("claimant_side", "subject_side", "actor_side"):
        return side_label(v)
    if col in ("kind", "event_type"):
        return kind_label(v)
    if isinstance(v, (int, float)):
        return fmt_num(v)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    return str(v).replace("_", " ")


def headline(p: provenance.Provenance) -> str:
    r = p.row
    if p.item == "figure":
        claim = fmt_claim(r.get("qualifier"), r.get("value"), r.get("value_low"), r.get("value_high"))
        whose = side_label(r.get("subject_side")) if r.get("subject_side") else "not said"
        about = "whose losses" if r.get("kind") in CASUALTY_KINDS else "about whom"
        return (f"{kind_label(r.get('kind')).capitalize()}: {claim} · {about}: {whose} · "
                f"who says so: {side_label(r.get('claimant_side'))}")
    actor = side_label(r.get("actor_side")) if r.get("actor_side") else "not said"
    return (f"{kind_label(r.get('event_type')).capitalize()} · acting side: {actor} · "
            f"who says so: {side_label(r.get('claimant_side'))}")


def safe_link(url) -> str | None:
    """Only web links are clickable; anything else (javascript:, data:, file:) shows as text."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else None


def panel(db, item: str, row_id: str, key: str = "", review_link: bool = True) -> provenance.Provenance | None:
    """The provenance of one figure or event, in a bordered box."""
    p = provenance.lookup(db, item, row_id)
    box = st.container(border=True, key=f"prov_{key or item}")
    if p is None:
        box.warning("This row is not in the database any more: its article was re-loaded or re-extracted "
                    "since the link was made. Search for its sentence on the Evidence page.")
        return None
    box.markdown(f"##### {_md(headline(p))}")
    if p.rejected:
        box.warning(f"An analyst rejected this row: {_md(p.row.get('review_note') or 'no note')}. "
                    "It is left out of every page, chart and export.")
    box.markdown(f"> {_parts_md(p.sentence)}")
    box.caption("The sentence, with the number marked." if item == "figure"
                else "The sentence, with the words that signal the event marked.")
    if any(not part.mark and part.text.strip() for part in p.paragraph):   # more than the sentence alone
        with box.expander("Paragraph" + (" (shortened around the sentence)" if p.paragraph_cut else ""),
                          expanded=True):
            st.markdown(_parts_md(p.paragraph))
    a = p.article
    pub = a.get("published")
    date = pub.isoformat() if pub else "date unknown"
    if pub and a.get("published_how") == "inferred":
        prec = a.get("published_precision")
        date += f" (inferred from the text{', to the ' + prec if prec else ''})"
    bits = [f"**{_md(a.get('title') or 'untitled')}**", _md(a.get("outlet") or "outlet unknown"), _md(date)]
    link = safe_link(a.get("url"))
    if link:
        bits.append(f"[open the article]({link.replace(')', '%29').replace(' ', '%20')})")
    elif a.get("url"):
        bits.append("link: " + _md(a["url"]))
    box.markdown(" · ".join(bits))
    source = str(a.get("source_path") or "").replace("\\", "/").rsplit("/", 1)[-1]   # the name, not a server path
    box.caption(f"Article {_md(a.get('doc_id'))}" + (f" · file {_md(source)}" if source else ""))
    lines = [f"- **{w}**: {_md(v)} — {_md(how)}" for w, v, how in p.decided]
    box.markdown("**How this was read**\n\n" + "\n".join(lines))
    if p.correction and p.row.get("review_status") == "corrected":
        was = provenance.original_values(p)
        changes = "; ".join(f"{FIELD_WORDS.get(c, c)} {_md(_value(c, was.get(c, w)))} → {_md(_value(c, n))}"
                            for c, w, n in p.changed if c != "unit")
        who = p.correction.get("author")
        box.info(f"Corrected by {_md(who) if who else 'an analyst'} on "
                 f"{p.correction['updated_at']:%Y-%m-%d}: {changes or 'no field changed'}."
                 + (f" Note: {_md(p.correction['note'])}" if p.correction.get("note") else ""))
    elif p.row.get("review_status") == "confirmed":
        box.success("An analyst checked this row and confirmed it as read."
                    + (f" Note: {_md(p.row['review_note'])}" if p.row.get("review_note") else ""))
    if review_link:
        box.page_link("pages/review.py", label="Correct, reject or confirm this row on the Review page",
                      query_params={item: row_id})
    return p


def selected_id(df: pd.DataFrame, state, id_col: str, item_col: str | None, item: str) -> tuple[str, str] | None:
    rows = getattr(getattr(state, "selection", None), "rows", None) or []
    if not rows or rows[0] >= len(df):
        return None
    r = df.iloc[rows[0]]
    return (r[item_col] if item_col else item), r[id_col]


def table(df: pd.DataFrame, *, key: str, columns: list[str] | None = None, column_config: dict | None = None,
          item: str = "figure", id_col: str | None = None, item_col: str | None = None,
          height: int | str = "auto", download: str | None = "table", hint: bool = True,
          review_link: bool = True):
    """A grid whose rows open their provenance; returns the (item, id) selected, or None.

    `download`: a file-name stem for a safe CSV of the table as shown (None: no button)."""
    db, f = current()
    id_col = id_col or ITEM_ID[item]
    shown = df[columns] if columns else df
    state = st.dataframe(shown, hide_index=True, placeholder="–", key=key, height=height,
                         column_config=column_config, on_select="rerun", selection_mode="single-row")
    if hint and len(df):
        st.caption("Select a row (the box at its left) to read its sentence in full with its article.")
    pick = selected_id(df, state, id_col, item_col, item)
    if download and len(df):
        meta = export.stamp(db, f)
        data = export.table_csv(shown, meta, labels=column_config)
        st.download_button("Download this table (CSV)", data, file_name=f"{download}_{meta['snapshot_id']}.csv",
                           mime="text/csv", key=f"{key}_dl", on_click="ignore")
    if pick:
        panel(db, pick[0], pick[1], key=key, review_link=review_link)
    return pick
