"""Gazetteer lookups (stub: owned by the places/claimants work, issue 3)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceMention:
    start: int          # offsets into the string given to find_places
    end: int
    name: str           # canonical name ("Bakhmut", "Donetsk Oblast")
    kind: str           # city, town, village, oblast, country, region
    oblast: str | None


def find_places(text: str) -> list[PlaceMention]:
    return []


def canonical(name: str) -> str | None:
    return None


def dateline_place(dateline: str | None) -> str | None:
    return None


def main_place(text: str, title: str | None) -> str | None:
    return None
