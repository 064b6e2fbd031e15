"""Publication dates, relative dates and periods (stub: owned by issue 4)."""
from __future__ import annotations

import datetime as dt


def publication_date(given: dt.date | None, text: str, dateline: str | None,
                     today: dt.date) -> tuple[dt.date | None, str]:
    """(published, published_how): metadata wins, else inferred from text, else unknown."""
    if given is not None:
        return given, "given"
    return None, "unknown"
