"""What every page needs from app.py: the database path, the filters and time window, plain-word
filter notes, the 'undated rows not shown' note and the selected-row -> provenance call."""
from __future__ import annotations

import re

import streamlit as st

from metrics.filters import Filters, Window
from metrics.style import WORDS, fmt_num, kind_label, side_label

NUM = st.column_config.NumberColumn(format="localized")
DAY = st.column_config.DateColumn(format="YYYY-MM-DD")
LINK = st.column_config.LinkColumn(display_text="open")
# Column widths (px) that show a claim ("200–999 (vague)"), a rate ("100–500/day (vague)") and
# what is counted ("Population before the war") whole; a grid does not wrap its cells.
CLAIM_PX, RATE_PX, KIND_PX = 125, 150, 175


def current():
    ensure_app()
    return st.session_state["db"], st.session_state.get("filters", Filters())


def window() -> Window:
    return st.session_state.get("window") or Window()


def ensure_app() -> None:
    """A deep link (/claims?city=...) that is the first request a fresh server sees is run by
    Streamlit's legacy pages/ mode, which skips app.py (so no sidebar, no DB). Switch that mode
    off and rerun: app.py then runs and routes to the same page with the same query params."""
    if "db" not in st.session_state:
        from streamlit.runtime.pages_manager import PagesManager
        PagesManager.uses_pages_directory = False
        st.rerun()


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
# Streamlit linkifies the rendered text (escapes and entities do not stop it): URLs, e-mail
# addresses and bare domains go into code spans, where nothing is linked or parsed.
_LINKISH = re.compile(r"(?i)(?:\b[a-z][a-z0-9+.-]*://[a-z0-9\[][^\s<>\"'`]*|\bwww\.[^\s<>\"'`]+|[^\s<>@()\[\]]+@[^\s<>@]+\.[a-z]{2,}\b"
                      r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b(?:/[^\s<>\"'`]*)?)")


def _code(text: str) -> str:
    fence = "`" * (max((len(r) for r in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def plain(value) -> str:
    """Text from the data (outlets, titles, file names, shared-link values) made inert for
    Streamlit's Markdown: "[Donate](https://evil.example)" shows as written, not as a link."""
    text, out, at = str(value), [], 0
    for m in _LINKISH.finditer(text):
        if m.start() < at:
            continue
        link = m.group().rstrip(".,;:!?)]")   # "(see evil.example)." ends the link before ")."
        out += [_MD_SPECIAL.sub(r"\\\1", text[at:m.start()]), _code(link)]
        at = m.start() + len(link)
    out.append(_MD_SPECIAL.sub(r"\\\1", text[at:]))
    return "".join(out)


FORMAT = {"claimant_side": side_label, "subject_side": side_label, "kind": kind_label}


def filter_note(f: Filters) -> None:
    """'Filtered by Who says so: Russia · Outlet: Reuters · Dates: the 30 days to 9 Oct 2024'."""
    parts = []
    for key in ("city", "claimant_side", "subject_side", "kind", "outlet"):
        values = getattr(f, key)
        if values:
            fmt = FORMAT.get(key, str)
            parts.append(f"{WORDS[key][0]}: {plain(', '.join(fmt(v) for v in values))}")
    win = window()
    if f.start or f.end:
        lo, hi = st.session_state.get("data_bounds", (None, None))
        parts.append(f"Dates: {plain(win.describe(lo, hi) if win.period != 'custom' else _range(f))}")
    if parts:
        st.caption("Filtered by " + " · ".join(parts) + " (sidebar; the link keeps them).")


def _range(f: Filters) -> str:
    a = f"{f.start.day} {f.start:%b %Y}" if f.start else "the start"
    b = f"{f.end.day} {f.end:%b %Y}" if f.end else "the latest date"
    return f"{a} – {b}"


def undated_note(n: int, f: Filters, what: str = "claim") -> None:
    """Say how many rows a chart leaves out because they have no date."""
    if n:
        where = ("so no time window includes them" if (f.start or f.end)
                 else "they are in the tables below, not on the chart")
        st.caption(f"{fmt_num(n)} undated {what}{'s' if n != 1 else ''} not shown: no date is known for "
                   f"{'them' if n != 1 else 'it'} ({where}).")


def sides(df, *cols):
    """Raw side codes -> readable labels for display."""
    df = df.copy()
    for c in cols:
        if c in df:
            df[c] = df[c].map(side_label)
    return df


def on_click(key: str):
    """on_select callback for a chart: keep the clicked point's first customdata value at once.
    A redraw right after a click sends an empty selection, which would win if the page read
    the selection later in its script."""
    def keep():
        points = st.session_state.get(key, {}).get("selection", {}).get("points", [])
        if points and points[0].get("customdata"):
            st.session_state[f"_clicked_{key}"] = points[0]["customdata"][0]
    return keep


def clicked(key: str, pop: bool = False):
    """The value `on_click(key)` kept: the last point clicked in that chart, or None."""
    return st.session_state.pop(f"_clicked_{key}", None) if pop else st.session_state.get(f"_clicked_{key}")


def provenance(db, figure_ids: tuple = (), key: str = "prov", city=None) -> None:
    """Selected matrix cell, chart point or claim row -> where its number comes from: the
    provenance panel (pages/_provenance.py) of its first report, and, when several reports
    carry the claim, a table of them whose rows open theirs. `city`, the claim's, narrows the
    look-up of its figures (metrics.claims.reports)."""
    from pages import _provenance as prov
    if not figure_ids:
        return
    from metrics import claims as mclaims
    rep = mclaims.reports(db, tuple(figure_ids), city if isinstance(city, str) else None)
    if rep.empty:
        st.info("That claim is no longer in the database (it was re-extracted or removed).")
        return
    prov.panel(db, "figure", rep["figure_id"].iloc[0], key=key)
    if len(rep) > 1:
        st.caption(f"{len(rep)} reports carry this claim; select one to read it.")
        prov.table(rep.assign(published=rep["published"].astype(str)), key=f"{key}_reports",
                   columns=["published", "outlet", "title", "claimant", "sentence"], hint=False,
                   download=None, column_config={"published": "Published", "outlet": "Outlet", "title": "Title",
                                                 "claimant": "Quoted source", "sentence": "Sentence"})
