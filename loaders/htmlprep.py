"""HTML made safe to hand to the extractor: hidden alternatives removed, nesting bounded.

- `<noscript>` and `<template>` hold what a browser does not show with scripts on
  (an "enable JavaScript" notice, markup for scripts to clone); their text is not the
  article, and their numbers must not become figures.
- libxml2 (under lxml and trafilatura) stops building the tree at 256 levels, so a page
  nested 5,000 `<div>`s deep came out with no text at all. Tags beyond MAX_DEPTH are
  dropped (their text kept), which flattens only the pathological part of a page.

One linear pass over the tags (a regex tokenizer, not a parser: it must not have the
depth limit it works around). The page is rebuilt only when something is removed.
"""
from __future__ import annotations

import re

MAX_DEPTH = 180      # open elements kept; libxml2 gives up at 256
TEXT_HEADROOM = 40   # paragraphs and headings may open this much deeper, so text keeps its breaks
TEXT_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre".split())
HIDDEN = ("noscript", "template")
# Elements with no end tag, and ones whose end tag is optional and usually left out
# (a new <p> closes the open one): neither may count as nesting.
VOID = frozenset("area base br col embed hr img input link meta param source track wbr "
                 "basefont bgsound frame keygen image isindex nextid spacer".split())
SELF_CLOSING_PEERS = frozenset("p li dt dd tr td th option optgroup rb rt rp thead tbody tfoot".split())

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"                                            # comment
    r"|<(?P<raw>script|style|textarea|title|xmp)\b[^<>]*>.*?(?:</(?P=raw)\s*>|\Z)"   # raw text
    # a tag; [^<>] and an optional ">" keep every attempt short, so the scan stays linear
    r"|<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attrs>[^<>]*)>?",
    re.S | re.I)
_HIDDEN = re.compile(r"<(?:%s)\b" % "|".join(HIDDEN), re.I)


def prepare(html: str) -> str:
    """`html` without noscript/template content and with nesting cut to MAX_DEPTH."""
    if _HIDDEN.search(html) is None and html.count("<") <= MAX_DEPTH:
        return html   # nothing to remove, and too few tags to nest too deep
    cuts: list[tuple[int, int]] = []    # (start, end) spans to remove
    stack: list[tuple[str, bool]] = []  # (name, dropped) of open elements
    kept = 0                            # open elements not dropped: the depth lxml will see
    open_by_name: dict[str, int] = {}   # so a stray end tag costs no scan of the stack
    hidden_from = None                  # start of an open noscript/template (outermost)
    hidden_depth = 0
    for m in _TOKEN.finditer(html):
        name = m.group("name")
        if name is None:
            continue                    # comment or raw-text element: no nesting
        name = name.lower()
        closing = bool(m.group("close"))
        if name in HIDDEN:
            if not closing:
                if hidden_depth == 0:
                    hidden_from = m.start()
                hidden_depth += 1
            elif hidden_depth:
                hidden_depth -= 1
                if hidden_depth == 0:
                    cuts.append((hidden_from, m.end()))
            continue
        if hidden_depth or name in VOID or m.group("attrs").rstrip().endswith("/"):
            continue
        if not closing:
            if name in SELF_CLOSING_PEERS and stack and stack[-1][0] == name:
                kept -= not stack.pop()[1]   # <p>a<p>b: the second closes the first
                open_by_name[name] -= 1
            dropped = kept >= MAX_DEPTH + (TEXT_HEADROOM if name in TEXT_BLOCKS else 0)
            stack.append((name, dropped))
            open_by_name[name] = open_by_name.get(name, 0) + 1
            if dropped:
                cuts.append((m.start(), m.end()))
            else:
                kept += 1
            continue
        # a closing tag closes the nearest open element of its name, and those inside it
        if not open_by_name.get(name):
            continue
        while True:
            open_name, dropped = stack.pop()
            open_by_name[open_name] -= 1
            kept -= not dropped
            if open_name == name:
                if dropped:
                    cuts.append((m.start(), m.end()))
                break
    if hidden_depth:
        cuts.append((hidden_from, len(html)))   # never closed: hidden to the end, as in a browser
    if not cuts:
        return html
    cuts.sort()
    out, pos = [], 0
    for start, end in cuts:
        if start < pos:     # inside a span already removed
            continue
        out.append(html[pos:start])
        # a dropped block tag still separates text, as the browser would show it
        out.append(" ")
        pos = end
    out.append(html[pos:])
    return "".join(out)
