"""The document model: one cleaned article and the layers extractors read.

Like spaCy's Doc, a `Doc` is built once per article and every layer is computed once, on
first use, then shared: paragraphs, the numbers and places of each sentence, who speaks in
each sentence, and the speaker the discourse carries into each sentence (discourse.py).
Extractors (figures.py, events.py) are small readers of these layers; none of them rescans
the text another one has scanned. A Doc is a pure function of the article, so extraction
stays testable alone and can run in any worker.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .model import Sentence


@dataclass(eq=False)
class Doc:
    doc_id: str
    text: str                       # cleaned text; all offsets index into it
    sentences: list[Sentence]
    published: dt.date | None
    title: str | None = None
    main_place: str | None = None
    dateline_place: str | None = None
    url: str | None = None
    outlet: str | None = None
    _memo: dict = field(default_factory=dict, repr=False)

    # --- structure -------------------------------------------------------------------------

    @cached_property
    def paragraph_of(self) -> list[int]:
        """Paragraph index of each sentence: articles arrive one paragraph a line."""
        out, para, prev_end = [], 0, None
        for s in self.sentences:
            if prev_end is not None and "\n" in self.text[prev_end:s.start]:
                para += 1
            out.append(para)
            prev_end = s.end
        return out

    def paragraph(self, i: int) -> tuple[int, int]:
        """(first, last + 1) sentence indexes of sentence i's paragraph."""
        p = self.paragraph_of
        lo = i
        while lo > 0 and p[lo - 1] == p[i]:
            lo -= 1
        hi = i + 1
        while hi < len(p) and p[hi] == p[i]:
            hi += 1
        return lo, hi

    def sentence_at(self, offset: int) -> int | None:
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return None

    # --- per-sentence layers (computed once) ----------------------------------------------------

    def numbers(self, i: int):
        """Quantities in sentence i (offsets relative to the sentence)."""
        key = ("numbers", i)
        if key not in self._memo:
            from .numbers import find_numbers
            self._memo[key] = find_numbers(self.sentences[i].text)
        return self._memo[key]

    def places(self, i: int):
        """Gazetteer places named in sentence i (offsets relative to the sentence)."""
        key = ("places", i)
        if key not in self._memo:
            from . import places
            try:
                self._memo[key] = list(places.find_places(self.sentences[i].text) or [])
            except Exception:       # a gazetteer bug must not lose the article
                self._memo[key] = []
        return self._memo[key]

    def attributions(self, i: int):
        """Speakers inside sentence i and the stretch each governs (speech.py)."""
        key = ("attributions", i)
        if key not in self._memo:
            from .speech import sentence_attributions
            s = self.sentences[i]
            self._memo[key] = sentence_attributions(s.text, s.start)
        return self._memo[key]

    @cached_property
    def carried(self):
        """The speaker the discourse carries into each sentence (discourse.py)."""
        from .discourse import carried_speakers
        return carried_speakers(self)
