"""Split cleaned article text into sentences with character offsets.

Rules over a regex, not a model: lines are always boundaries (articles arrive
one paragraph a line); inside a line we split after . ! ? (and a closing
quote) when the next word starts a sentence, except after abbreviations such
as "Mr.", "Gen.", "U.S." or "Nov.".
"""
from __future__ import annotations

import re
from functools import lru_cache

from .model import Sentence

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "gov", "sen", "rep", "pres", "st", "no", "vs", "etc", "approx", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    "jr", "sr", "inc", "ltd", "co", "corp", "dept", "km", "u.s", "u.k", "u.n", "e.u",
    "a.m", "p.m", "i.e", "e.g",
}
# A boundary candidate: terminal punctuation, optional closing quotes/brackets, then space.
# the closing marks of a sentence, with a footnote glued to it ("in 2024.[1] The ...")
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?:\[\d{1,3}\])*(?=\s+)")
_NEXT_START = re.compile(r"\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u0400-\u042f]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


# How far back a word before a dot is looked for: longer "words" are never abbreviations,
# and a bounded look keeps the splitter linear in the length of a line.
_WORD_WINDOW = 40


def _is_abbreviation(line: str, dot_at: int) -> bool:
    lo = max(0, dot_at - _WORD_WINDOW)
    m = _WORD_BEFORE.search(line, lo, dot_at)
    if not m or (m.start() == lo > 0 and re.match(r"[A-Za-z.]", line[lo - 1])):
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # single capital initials ("J. Biden") and dotted acronyms ("U.S.")
    return len(word) == 1 or bool(_DOTTED.fullmatch(word))


def split(text: str) -> list[Sentence]:
    return list(_split(text))


@lru_cache(maxsize=256)     # the extractor and the publication-date reader split the same text
def _split(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        _split_line(line, pos, out)
        pos += len(line) + 1
    return tuple(out)


def _split_line(line: str, offset: int, out: list[Sentence]) -> None:
    start = 0
    for m in _BOUNDARY.finditer(line):
        end = m.end()
        if not _NEXT_START.match(line, end):
            continue
        if line[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(line, m.start()):
            continue
        _emit(line, start, end, offset, out)
        start = end
    _emit(line, start, len(line), offset, out)


# Real sentences are shorter; a "sentence" longer than this is a table, a list or broken text,
# and rules that look around each number in it would take time growing with its square.
MAX_CHARS = 1000
_SOFT_BREAK = re.compile(r"[;,:]\s+|\s+[–—-]\s+|\s+")
_STRONG_BREAK = re.compile(r"[;,:]\s+")


def _emit(line: str, start: int, end: int, offset: int, out: list[Sentence]) -> None:
    # Offsets into `line` throughout: slicing the rest of a long chunk at every cut would
    # make a long line quadratic.
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    while end - start > MAX_CHARS:
        # cut at the last clause break (else space) before the limit, else hard at the limit
        half, limit = start + MAX_CHARS // 2, start + MAX_CHARS
        strong = [m.end() for m in _STRONG_BREAK.finditer(line, start, limit)]
        cuts = [m.end() for m in _SOFT_BREAK.finditer(line, half, limit)]
        cut = strong[-1] if strong and strong[-1] > half else (cuts[-1] if cuts else limit)
        piece_end = cut
        while piece_end > start and line[piece_end - 1].isspace():
            piece_end -= 1
        out.append(Sentence(offset + start, offset + piece_end, line[start:piece_end]))
        start = cut
        while start < end and line[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(offset + start, offset + end, line[start:end]))
