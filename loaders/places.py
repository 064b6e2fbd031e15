"""Gazetteer lookups (stub: owned by the places/claimants work, issue 3)."""
from __future__ import annotations


def dateline_place(dateline: str | None) -> str | None:
    return None


def main_place(text: str, title: str | None) -> str | None:
    return None
