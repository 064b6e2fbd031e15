"""What every page needs from app.py: the database path and the current filters."""
from __future__ import annotations

import re

import streamlit as st

from metrics.filters import Filters
from metrics.style import side_label

NUM = st.column_config.NumberColumn(format="localized")
DAY = st.column_config.DateColumn(format="YYYY-MM-DD")
LINK = st.column_config.LinkColumn(display_text="open")


def current():
    ensure_app()
    return st.session_state["db"], st.session_state.get("filters", Filters())


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


def filter_note(f: Filters) -> None:
    if not f.is_empty():
        parts = [f"{k}: {plain(', '.join(map(str, v)) if isinstance(v, list) else v)}"
                 for k, v in f.describe().items()]
        st.caption("Filtered by " + " · ".join(parts) + " (sidebar; the URL keeps them).")


def sides(df, *cols):
    """Raw side codes -> readable labels for display."""
    df = df.copy()
    for c in cols:
        if c in df:
            df[c] = df[c].map(side_label)
    return df
