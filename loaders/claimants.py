"""Who claims a figure (stub: owned by the places/claimants work, issue 3)."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Context


@dataclass(frozen=True)
class Claimant:
    name: str           # as named in the text ("Volodymyr Zelensky", "the Ukrainian military")
    side: str           # ukraine, russia, third_party
    start: int          # offsets into the article text (ctx.text); -1 when carried over
    end: int


def attribute(ctx: Context, sentence_index: int, at: int | None = None) -> Claimant | None:
    """The claimant of a statement in ctx.sentences[sentence_index]; `at` is an offset in
    ctx.text of the number or trigger, for sentences with several speakers.
    None means nobody is said to claim it (the outlet's own voice: unattributed)."""
    return None


def actor_side(name: str) -> str | None:
    """ukraine / russia / third_party for a named actor, or None when unknown."""
    return None
