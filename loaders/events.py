"""Events from sentences (stub: owned by issue 4)."""
from __future__ import annotations

from .model import Context, Event


def extract_events(ctx: Context) -> list[Event]:
    return []
