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
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from . import places as _places
from .model import Sentence
from .numbers import find_numbers
from .speech import sentence_attributions


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
_NAME_GAP = re.compile(r"\s+|\s+[A-Z]\.\s+")
_FIRST_NAME = re.compile(r"[A-Z][a-z'’]+")
_PLACE_WORDS = re.compile(r"(?:the\s+)?(?:city|town|village|region|oblast|district|province|area)?", re.I)


# after a region's name: the office that runs it
_REGIONAL_ROLE = re.compile(r"(?:['’]s)?(?:\s+(?:Regional|Oblast|regional|oblast))?\s+(?:(?:Military\s+|State\s+|military\s+|state\s+)?"
                            r"(?:Administration|administration)|(?:region(?:al)?\s+|oblast\s+|Region\s+|Oblast\s+)?[Gg]overnor)\b")
_QUOTE_MARK = re.compile('[“”"]')

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
    main_region: str | None = None  # the oblast an article about no one town is about
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

    @cached_property
    def _paragraph_bounds(self) -> list[tuple[int, int]]:
        # computed once: walking out from each sentence made a one-line article quadratic
        bounds: list[tuple[int, int]] = []
        for i, p in enumerate(self.paragraph_of):
            if p == len(bounds):
                bounds.append((i, i + 1))
            else:
                bounds[p] = (bounds[p][0], i + 1)
        return bounds

    def paragraph(self, i: int) -> tuple[int, int]:
        """(first, last + 1) sentence indexes of sentence i's paragraph."""
        return self._paragraph_bounds[self.paragraph_of[i]]

    def heading(self, i: int) -> bool:
        """A line of its own that is no statement: a sub-heading or a question."""
        lo, hi = self.paragraph(i)
        if hi - lo != 1:
            return False
        t = self.sentences[i].text.rstrip()
        if t.endswith("?"):
            return True
        return not re.search(r"[.!\"”:;]$", t) and len(t.split()) <= 14 and not re.search(r"\d", t)

    def heading_place(self, i: int) -> str | None:
        """A heading that only names a place ("Kyiv", "Kharkiv region") -> that place."""
        if not self.heading(i):
            return None
        ms = self.places(i)
        if len(ms) != 1:
            return None
        t = self.sentences[i].text
        rest = (t[:ms[0].start] + " " + t[ms[0].end:]).strip(" -–—:\t\n")
        if rest and not _PLACE_WORDS.fullmatch(rest):
            return None
        return ms[0].name

    def in_quote(self, i: int, offset: int) -> bool:
        """Whether offset (in self.text, inside sentence i) lies in a quotation opened earlier
        in its paragraph: a speaker's words, though this sentence names nobody."""
        marks, opened = self._quote_marks[self.paragraph_of[i]]
        k = bisect_right(marks, offset - 1)
        return opened[k - 1] if k else False

    @cached_property
    def _quote_marks(self) -> list[tuple[list[int], list[bool]]]:
        """Per paragraph: the offsets of its quote marks and whether a quotation is open after
        each ("“" opens, "”" closes, '"' toggles, as speech.inside_quote reads them)."""
        out = []
        for lo, hi in self._paragraph_bounds:
            start, end = self.sentences[lo].start, self.sentences[hi - 1].end
            marks, opened, state = [], [], False
            for m in _QUOTE_MARK.finditer(self.text, start, end):
                ch = m.group()
                state = True if ch == "“" else False if ch == "”" else not state
                marks.append(m.start())
                opened.append(state)
            out.append((marks, opened))
        return out

    @cached_property
    def section_place(self) -> list[str | None]:
        """For each sentence, the place the heading above it names ("Kyiv region" over the
        paragraphs about the region), until another heading; None elsewhere."""
        out, cur = [], None
        for i in range(len(self.sentences)):
            if self.heading(i):
                cur = self.heading_place(i)
                out.append(None)
            else:
                out.append(cur)
        return out

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> int | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None

    # --- names (one scan of the text, looked up by surname) --------------------------------

    @cached_property
    def _capitalised(self) -> dict[str, list[tuple[int, str | None]]]:
        """Every capitalised word -> [(offset, the capitalised word before it or None)]."""
        out: dict[str, list[tuple[int, str | None]]] = {}
        prev_end, prev_word = -10, None
        for m in _CAPITALISED.finditer(self.text):
            gap = self.text[prev_end:m.start()]
            before = prev_word if prev_end > 0 and _NAME_GAP.fullmatch(gap) else None
            out.setdefault(m.group(), []).append((m.start(), before))
            prev_end, prev_word = m.end(), m.group()
        return out

    def word_positions(self, word: str) -> list[int]:
        return [p for p, _ in self._capitalised.get(word, ())]

    def first_name_before(self, surname: str, before: int) -> str | None:
        """'Kyrylenko' named in full earlier ('Pavlo Kyrylenko') -> 'Pavlo'."""
        found = None
        for pos, first in self._capitalised.get(surname, ()):
            if pos >= before:
                break
            if first and _FIRST_NAME.fullmatch(first):
                found = first
        return found

    @cached_property
    def title_region(self) -> str | None:
        """The one oblast the headline names as a region ("Russians shell Kherson region 119 times")."""
        try:
            found = {m.name for m in _places.find_places(self.title or "") if m.kind == "oblast"}
        except Exception:
            return None
        return found.pop() if len(found) == 1 else None

    def official_region(self, name: str) -> str | None:
        """The oblast a speaker runs, when the text introduces them so ("Oleksandr Prokudin, the
        head of the Kherson Regional Military Administration", "Kharkiv governor Oleh Syniehubov"):
        their figures without a place of their own are that region's."""
        key = ("official_region", name)
        if key in self._memo:
            return self._memo[key]
        found = None
        parts = (name or "").split()
        surname = parts[-1] if parts else ""
        if surname[:1].isupper() and len(surname) > 2:
            for pos in self.word_positions(surname):
                i = self.sentence_at(pos)
                if i is None:
                    continue
                s = self.sentences[i]
                at = pos - s.start      # the sentence's places (computed once), near the name
                regions = {m.name if m.kind == "oblast" else m.oblast for m in self.places(i)
                           if abs(m.start - at) <= 120 and (m.kind == "oblast" or m.oblast == f"{m.name} Oblast")
                           and _REGIONAL_ROLE.match(s.text, m.end)}
                if len(regions) == 1:
                    found = regions.pop()
                    break
        self._memo[key] = found
        return found

    # --- per-sentence layers (computed once) ----------------------------------------------------

    def numbers(self, i: int):
        """Quantities in sentence i (offsets relative to the sentence)."""
        key = ("numbers", i)
        if key not in self._memo:
            self._memo[key] = find_numbers(self.sentences[i].text)
        return self._memo[key]

    def places(self, i: int):
        """Gazetteer places named in sentence i (offsets relative to the sentence)."""
        key = ("places", i)
        if key not in self._memo:
            try:
                self._memo[key] = list(_places.find_places(self.sentences[i].text) or [])
            except Exception:       # a gazetteer bug must not lose the article
                self._memo[key] = []
        return self._memo[key]

    def attributions(self, i: int):
        """Speakers inside sentence i and the stretch each governs (speech.py)."""
        key = ("attributions", i)
        if key not in self._memo:
            s = self.sentences[i]
            self._memo[key] = sentence_attributions(s.text, s.start)
        return self._memo[key]

    @cached_property
    def carried(self):
        """The speaker the discourse carries into each sentence (discourse.py)."""
        from .discourse import carried_speakers
        return carried_speakers(self)
