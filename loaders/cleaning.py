"""Page furniture removal (stub: owned by the loaders work, issue 2)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Cleaned:
    text: str                 # article body: furniture removed, title and dateline lifted out
    title: str | None         # given title, else a headline-like first line
    dateline: str | None      # "KYIV, April 10 (Reuters) -" as written, or None
    removed: list[str]        # the furniture lines/fragments dropped, for tests and debugging


def clean(text: str, title: str | None = None) -> Cleaned:
    return Cleaned(text=text.strip(), title=title, dateline=None, removed=[])
