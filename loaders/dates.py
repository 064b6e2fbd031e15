"""Publication dates, relative dates and periods (stub: owned by issue 4)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    start: dt.date | None
    end: dt.date | None
    precision: str          # day, week, month, year
    text: str               # the words, e.g. "over the past day"
    span_start: int         # offsets into the string given to find_period
    span_end: int


def publication_date(given: dt.date | None, text: str, dateline: str | None,
                     today: dt.date) -> tuple[dt.date | None, str]:
    """(published, published_how): metadata wins, else inferred from text, else unknown."""
    if given is not None:
        return given, "given"
    return None, "unknown"


def find_period(sentence: str, published: dt.date | None) -> Period | None:
    """The period a figure in this sentence covers ("over the past day", "since August")."""
    return None


def statement_date(sentence: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    """(date, precision) of the reported statement or happening ("said on Monday")."""
    return None
