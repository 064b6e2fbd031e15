"""Skip a slow pattern where it cannot match: the words every match of it contains.

Many rules are alternations of words with wide gaps (".{0,110}?"), tried at every position of
a window; most windows hold none of their words. `needs(rx)` reads the words off the pattern
itself, so a rule stays one readable regex and its prefilter can never fall out of step with
it. `Gated(rx)` is rx with that test in front: one Aho-Corasick pass over the lowercased
window, then the regex only where a needed word occurs. Results are exactly rx's.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

# Characters re.IGNORECASE matches to an ASCII letter though str.lower() does not give it.
FOLDS = re.compile("[\u0130\u0131\u017f]")


@lru_cache(maxsize=None)
def needs(rx: re.Pattern) -> tuple[str, ...] | None:
    """Lowercase ASCII strings one of which every match of `rx` contains ("wagner" for
    "mutiny.{0,80}Wagner|Wagner.{0,80}mutiny"), or None when the pattern does not say: a
    sentence without any of them need not be searched (the patterns are slow, .{0,80})."""
    from re import _constants as c
    from re import _parser

    def seq(items) -> set[str] | None:
        found, run = [], []
        for op, av in list(items) + [(None, None)]:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            if run:
                found.append({"".join(run).lower()})
                run = []
            sub = None
            if op is c.SUBPATTERN:
                sub = seq(av[-1])
            elif op is c.BRANCH:
                subs = [seq(b) for b in av[1]]
                sub = set().union(*subs) if all(subs) else None
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                sub = seq(av[2])
            if sub:
                found.append(sub)
        return max(found, key=lambda ws: min(map(len, ws)), default=None)
    try:
        words = seq(_parser.parse(rx.pattern, rx.flags))
    except Exception:      # a private module: without it every sentence is searched, as before
        return None
    return tuple(sorted(words)) if words and all(w.isascii() and w.strip() for w in words) else None


@lru_cache(maxsize=None)
def starts(rx: re.Pattern) -> tuple[str, ...] | None:
    """Lowercase ASCII strings every match of `rx` begins with (after zero-width tests such as
    \\b), or None when the pattern does not say: a match can start only where one of them
    occurs, so a search need not try every position."""
    from re import _constants as c
    from re import _parser

    def zero_width(items) -> bool:          # "(?:^|(?<=\\s))": tests, no characters
        return all(op in (c.AT, c.ASSERT, c.ASSERT_NOT)
                   or op is c.SUBPATTERN and zero_width(av[-1])
                   or op is c.BRANCH and all(zero_width(b) for b in av[1]) for op, av in items)

    def lead(items) -> set[str] | None:     # None: unknown, or the items may match empty
        items, acc = list(items), set()
        for k, (op, av) in enumerate(items):
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT) or op in (c.SUBPATTERN, c.BRANCH) and zero_width([(op, av)]):
                continue
            if op is c.LITERAL:
                run = []
                for op2, av2 in items[k:]:
                    if op2 is not c.LITERAL:
                        break
                    run.append(chr(av2))
                return acc | {"".join(run).lower()}
            if op is c.SUBPATTERN:
                sub = lead(av[-1])
                return None if sub is None else acc | sub
            if op is c.BRANCH:
                subs = [lead(b) for b in av[1]]
                return None if any(x is None for x in subs) else acc.union(*subs)
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                sub = lead(av[2])
                if sub is None:
                    return None
                if av[0] >= 1:
                    return acc | sub
                acc |= sub          # optional: the match may also begin with what follows
                continue
            return None
        return None
    try:
        found = lead(_parser.parse(rx.pattern, rx.flags))
    except Exception:      # a private module: without it every position is tried, as before
        return None
    # under IGNORECASE a non-ASCII letter may match one its lowercase does not show ("µ", "μ")
    exact_case = not rx.flags & re.IGNORECASE and "(?i" not in rx.pattern
    return tuple(sorted(found)) if found and all(w and (w.isascii() or exact_case) for w in found) else None


def automaton(words) -> ahocorasick.Automaton:
    """Words -> an automaton whose hits are (end offset, len(word) - 1)."""
    a = ahocorasick.Automaton()
    for w in words:
        a.add_word(w, len(w) - 1)
    a.make_automaton()
    return a


_NONE, _ALL = object(), object()     # Gated._plan: no match can be there / try everywhere


class Gated:
    """`rx` behind its needed-words test; search, match and finditer return what rx's would.
    `low`, when given, is the window (text[pos:endpos]) already lowercased."""

    def __init__(self, rx: re.Pattern, also: tuple[str, ...] = ()):
        self.rx = rx
        self.words = needs(rx)
        # `also`: lowercase strings one of which every match holds too, where the pattern says
        # so in a way needs() does not read (a character class: "['’]s")
        self.also = also
        # only under IGNORECASE can a character outside the lowercased words match them
        self._folds = bool(rx.flags & re.IGNORECASE)
        # a few words: `in` tests; many: one automaton pass
        self._scan = automaton(self.words) if self.words and len(self.words) > 6 else None
        # where a match can begin: search tries those places only
        lead = starts(rx)
        self._lead = automaton(lead) if lead else None

    def possible(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None) -> bool:
        """False only when no match of rx can lie inside text[pos:endpos]."""
        return self._plan(text, pos, endpos, low) is not _NONE

    def _plan(self, text: str, pos: int, endpos: int | None, low: str | None):
        """_NONE: rx cannot match in text[pos:endpos]; _ALL: try it as usual; else the offsets
        in text, in order, where a match may begin."""
        if self.words is None and not self.also and self._lead is None:
            return _ALL
        window = text[pos:endpos] if pos or endpos is not None else text
        # a character IGNORECASE folds though lowercasing does not show it, or one whose
        # lowercase moves the offsets after it (U+0130)
        folded = (self._folds or self._lead is not None) and not window.isascii() \
            and FOLDS.search(window) is not None
        if folded and self._folds:
            return _ALL
        if low is None:
            low = window.lower()
        if self.also and not any(w in low for w in self.also):
            return _NONE
        if self._lead is not None and not folded:
            # every match begins with a lead word: where none occurs, none can
            return sorted({pos + end - n for end, n in self._lead.iter(low)}) or _NONE
        return _ALL if self.words is None or self._has_words(low) else _NONE

    def _has_words(self, low: str) -> bool:
        if self._scan is None:
            return any(w in low for w in self.words)
        return next(self._scan.iter(low), None) is not None

    def search(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None):
        plan = self._plan(text, pos, endpos, low)
        if plan is _NONE:
            return None
        end = len(text) if endpos is None else endpos
        if plan is _ALL:
            return self.rx.search(text, pos, end)
        for p in plan:              # the leftmost place rx matches at is search's answer
            m = self.rx.match(text, p, end)
            if m:
                return m
        return None

    def match(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None):
        if not self.possible(text, pos, endpos, low):
            return None
        return self.rx.match(text, pos, len(text) if endpos is None else endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None):
        if not self.possible(text, pos, endpos, low):
            return None
        return self.rx.fullmatch(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None):
        plan = self._plan(text, pos, endpos, low)
        if plan is _NONE:
            return iter(())
        end = len(text) if endpos is None else endpos
        if plan is _ALL:
            return self.rx.finditer(text, pos, end)
        return self._from(text, plan, end)

    def _from(self, text: str, at: list[int], end: int):
        last = -1
        for p in at:                # as finditer: leftmost first, the next one after its end
            if p < last:
                continue
            m = self.rx.match(text, p, end)
            if m:
                yield m
                last = m.end()      # never empty: a match begins with a word

    def __getattr__(self, name):        # pattern, flags, groupindex: the pattern's own
        if name == "rx":                # not set yet (copy, pickle): no endless lookup
            raise AttributeError(name)
        return getattr(self.rx, name)
