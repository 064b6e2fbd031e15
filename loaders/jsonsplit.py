"""Split a JSON list file into its elements without parsing the file whole.

`json.loads` of a 150 MB file holds the bytes, the text and every object at once (about
ten times the file) before a per-record limit could apply. `elements(fh, limit)` reads in
chunks and tracks only strings and bracket depth, so it holds at most one element of up
to `limit` bytes: each element of the top-level array comes back as its own bytes, with
the line it starts on, for `json.loads`. A bigger element is measured and skipped, never
held whole; brackets are counted, never recursed into, so any depth is safe here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO, Iterator

CHUNK = 1 << 20
# the rest of a string body: runs of plain bytes or escapes (possessive: no backtracking)
_STRING_BODY = re.compile(rb'(?:[^"\\]++|\\.)*+', re.S)
_STRUCTURE = re.compile(rb'["\[\]{},]')
_NOT_SPACE = re.compile(rb'[^ \t\r\n]')


@dataclass
class Element:
    index: int                 # 1-based position in the list
    line: int                  # line the element starts on
    data: bytes | None         # None when over the limit (then `size` says how big)
    size: int


class NotAList(ValueError):
    pass


def elements(fh: BinaryIO, limit: int, chunk: int = CHUNK) -> Iterator[Element]:
    """Elements of the JSON array in `fh` (which must start, after blanks and a UTF-8 BOM,
    with "["). Raises NotAList otherwise, and ValueError (naming the line) when the array
    is not closed or is followed by more than blanks. Element contents are not validated
    here: json.loads does that, one element at a time."""
    depth = 0                  # 1 inside the top-level array
    in_string = escaped = closed = False
    start_line = index = 0
    parts: list[bytes] | None = None    # the current element's bytes while under the limit
    size = -1                  # bytes of the current element in earlier chunks; -1: between elements
    lines = 1                  # line of the current chunk's first byte
    first = True
    while True:
        buf = fh.read(chunk)
        if not buf:
            break
        if first:
            buf = buf[3:] if buf.startswith(b"\xef\xbb\xbf") else buf
            m = _NOT_SPACE.search(buf)
            if m is None:
                lines += buf.count(b"\n")
                continue
            if buf[m.start()] != 0x5B:   # "["
                raise NotAList("not a JSON list")
            lines += buf.count(b"\n", 0, m.start())
            buf, first, depth = buf[m.start() + 1:], False, 1
        if closed:
            _after_list(buf, 0, lines)
            lines += buf.count(b"\n")
            continue
        i, n = 0, len(buf)
        seg = 0 if size >= 0 else None   # where the current element's bytes start in buf
        while i < n:
            if escaped:
                i, escaped = i + 1, False
                continue
            if in_string:
                i = _STRING_BODY.match(buf, i).end()
                if i >= n:
                    break
                if buf[i] == 0x5C:       # a backslash as the last byte: the escape goes on
                    i, escaped = i + 1, True
                    continue
                i, in_string = i + 1, False
                continue
            if size < 0:                 # between elements: find where the next one starts
                m = _NOT_SPACE.search(buf, i)
                if m is None:
                    break
                i = m.start()
                if buf[i] == 0x5D:       # "]": the list ends
                    depth, closed = 0, True
                    _after_list(buf, i + 1, lines)
                    break
                if buf[i] == 0x2C:
                    raise ValueError(f"a stray comma (line {_line(buf, i, lines)})")
                index += 1
                start_line = _line(buf, i, lines)
                size, seg, parts = 0, i, []
            m = _STRUCTURE.search(buf, i)
            if m is None:
                break
            i, c = m.start(), buf[m.start()]
            if c == 0x22:                # '"'
                in_string, i = True, i + 1
            elif c in (0x5B, 0x7B):      # "[" "{"
                depth, i = depth + 1, i + 1
            elif depth == 1 and c in (0x2C, 0x5D):   # "," or "]" at list level: the element ends
                yield _finish(index, start_line, parts, buf[seg:i], size + i - seg, limit)
                size, parts, seg = -1, None, None
                i += c == 0x2C           # a "]" is read again above, as the list's end
            else:                        # a closing bracket inside an element, or a ","
                depth, i = max(1, depth - (c != 0x2C)), i + 1
        if size >= 0 and seg is not None:
            size += n - seg
            if parts is not None:
                parts.append(buf[seg:])
                if size > limit:
                    parts = None         # over the limit: keep measuring, stop holding
        lines += buf.count(b"\n")
    if first:
        raise NotAList("empty")
    if not closed:
        raise ValueError(f"the list is not closed (the file ends inside it, line {lines})")


def _line(buf: bytes, pos: int, lines: int) -> int:
    return lines + buf.count(b"\n", 0, pos)


def _after_list(buf: bytes, pos: int, lines: int) -> None:
    m = _NOT_SPACE.search(buf, pos)
    if m:
        raise ValueError(f"extra data after the list (line {_line(buf, m.start(), lines)})")


def _finish(index, line, parts, tail: bytes, size: int, limit: int) -> Element:
    if parts is None or size > limit:
        return Element(index, line, None, size)
    return Element(index, line, b"".join(parts) + tail, size)
