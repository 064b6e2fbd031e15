"""Text that reaches Plotly: every label, hover text, tick, legend name and annotation goes
through `plain()`.

Plotly reads a subset of HTML in every text it draws (`<a href>`, `<b>`, `<br>`,
`<span style>`, entities). Article text, outlets, claimant names and place names are data,
so they are escaped: `<a href="...">` shows as those characters, never as a link. The
charts add their own markup (`<br>`, `<b>`) only around text that `plain()` has escaped.
"""
from __future__ import annotations

import html
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
_SPACE = re.compile(r"\s+")
BR = "<br>"


def plain(value, limit: int | None = None) -> str:
    """Any value as inert Plotly text: entities and tags escaped, control characters and
    line breaks collapsed to spaces, cut to `limit` characters (with an ellipsis)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    s = _SPACE.sub(" ", _CONTROL.sub(" ", str(value))).strip()
    if limit and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return html.escape(s, quote=False)


def lines(*parts) -> str:
    """Escaped parts joined by line breaks; empty parts are left out."""
    return BR.join(p for p in (plain(x) for x in parts) if p)


def bold(value, limit: int | None = None) -> str:
    return f"<b>{plain(value, limit)}</b>"


def wrap(value, width: int = 60, max_lines: int = 4) -> str:
    """Long text (a sentence in a hover box) broken into lines of about `width` characters."""
    s = _SPACE.sub(" ", _CONTROL.sub(" ", "" if value is None else str(value))).strip()
    out, line = [], ""
    for word in s.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
            if len(out) == max_lines:
                break
        else:
            line = f"{line} {word}" if line else word
    else:
        if line:
            out.append(line)
    text = BR.join(html.escape(x, quote=False) for x in out[:max_lines])
    if len(out) == max_lines and sum(len(x) + 1 for x in out) < len(s):
        text += "…"
    return text


TAG = re.compile(r"<(/?)([a-zA-Z]+)[^>]*>")
OURS = {"br", "b"}


def markup_tags(text: str) -> set[str]:
    """The tags Plotly would read in `text` (for tests: only <br> and <b> may appear)."""
    return {m.group(2).lower() for m in TAG.finditer(text or "")}
