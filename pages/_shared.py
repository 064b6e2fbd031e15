"""What every page needs from app.py: the database path and the current filters."""
from __future__ import annotations

import streamlit as st

from metrics.filters import Filters
from metrics.style import side_label

NUM = st.column_config.NumberColumn(format="localized")
DAY = st.column_config.DateColumn(format="YYYY-MM-DD")
LINK = st.column_config.LinkColumn(display_text="open")


def current():
    return st.session_state["db"], st.session_state.get("filters", Filters())


def filter_note(f: Filters) -> None:
    if not f.is_empty():
        parts = [f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
                 for k, v in f.describe().items()]
        st.caption("Filtered by " + " · ".join(parts) + " (sidebar; the URL keeps them).")


def sides(df, *cols):
    """Raw side codes -> readable labels for display."""
    df = df.copy()
    for c in cols:
        if c in df:
            df[c] = df[c].map(side_label)
    return df
