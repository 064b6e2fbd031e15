"""Figures from sentences (stub: owned by issue 3)."""
from __future__ import annotations

from .model import Context, Figure


def extract_figures(ctx: Context) -> list[Figure]:
    return []
