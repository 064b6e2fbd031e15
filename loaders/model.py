"""Plain data passed between the loader stages.

Sources yield `Document`s; `pipeline.extract` turns one into an `Extracted`
(an article row, figure rows, event rows); `store` writes those. Every stage
in between is a pure function over these types.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

SIDES = ("ukraine", "russia", "civilian", "third_party")
CLAIMANT_SIDES = ("ukraine", "russia", "third_party", "unattributed")
QUALIFIERS = ("exact", "more_than", "less_than", "approx", "range", "vague")
FIGURE_KINDS = (
    "killed", "wounded", "killed_or_wounded", "captured", "missing",
    "population_prewar", "population_remaining", "evacuated", "attacks", "strikes",
    "equipment_lost", "distance_km", "territory_pct",
)
EVENT_TYPES = ("assault", "advance", "capture", "withdrawal", "strike", "evacuation")
PRECISIONS = ("day", "week", "month", "year")


@dataclass
class Document:
    """One article as a source read it, before cleaning or extraction."""
    doc_id: str
    text: str                       # article text (HTML already reduced to main text)
    source_path: str
    fmt: str                        # txt, md, html, json, jsonl
    original: str | None = None     # raw input when it differs from text (HTML, JSON record)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None  # from metadata only; None lets dates infer it
    line: int | None = None         # line number in a JSONL file


@dataclass(frozen=True)
class Sentence:
    start: int   # character offsets into the cleaned article text
    end: int
    text: str


@dataclass
class Article:
    doc_id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    published_how: str             # given, inferred, unknown
    dateline: str | None           # "KYIV, April 10 (Reuters) -" kept as metadata
    dateline_place: str | None     # canonical place of the dateline (not a claim)
    main_place: str | None         # the city the article is mostly about
    text: str                      # cleaned text; all spans index into this
    original_text: str
    content_hash: str
    source_path: str
    fmt: str
    loaded_at: dt.datetime | None = None
    published_precision: str | None = None   # day, week, month (how sure an inferred date is)


# How an attribute was decided, for review: named in the sentence itself, carried from
# the context (an earlier sentence, the paragraph, the headline, the briefing), or a default.
HOW = ("stated", "context", "default")


@dataclass
class Figure:
    doc_id: str
    kind: str
    value: float | None
    value_low: float | None
    value_high: float | None
    qualifier: str
    unit: str                      # people, count, km, percent
    subject_side: str | None
    claimant: str | None
    claimant_side: str
    place: str | None
    sentence: str
    sentence_start: int
    span_start: int                # the number's words, offsets into Article.text
    span_end: int
    number_text: str               # Article.text[span_start:span_end]
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    period_text: str | None = None
    figure_date: dt.date | None = None   # period end, else statement date, else published
    date_precision: str | None = None
    figure_id: str = ""
    # One claim, however often it is repeated: same kind, sides, bounds, place and period.
    # Mentions of one number inside an article share the key of its first full telling.
    claim_key: str = ""
    claimant_how: str | None = None      # stated, context, default (HOW)
    side_how: str | None = None
    place_how: str | None = None


@dataclass
class Event:
    doc_id: str
    event_type: str
    event_date: dt.date | None
    date_precision: str | None
    place: str | None
    actor_side: str | None
    claimant: str | None
    claimant_side: str
    sentence: str
    sentence_start: int
    span_start: int                # the trigger words, offsets into Article.text
    span_end: int
    trigger: str
    event_id: str = ""
    claimant_how: str | None = None
    side_how: str | None = None          # how actor_side was decided
    place_how: str | None = None


@dataclass
class Extracted:
    article: Article
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
