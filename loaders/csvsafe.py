"""Spreadsheet-safe cells: the one rule every CSV or XLSX Frontline writes goes through.

Article text is written by strangers. A spreadsheet runs a cell that starts with "=",
"+", "-" or "@" as a formula (`=HYPERLINK("https://evil.example","click")`, `+cmd|...`,
`@SUM(...)`), and a leading tab or carriage return can hide such a start. The contract
(docs/security.md):

- `is_formula(v)`: v is text whose first character is a trigger (TRIGGERS: = + - @, tab,
  carriage return, and the full-width ＝ ＋ － ＠), or whose first character after
  leading blanks (space, newline, no-break or ideographic space) is one.
- `neutralise(v)` (also `cell`): such text gets a single leading apostrophe ("'"), which
  spreadsheets read as "this is text"; so does text that starts with apostrophes before a
  trigger ("'=1"), so that `restore` gives it back exactly. Nothing else changes: other text
  is byte for byte the same, and non-text values (numbers, dates, None) pass through, so -5 as a number
  stays a number and "-5" as text becomes "'-5".
- `restore(v)` undoes it on text read back from one of our CSVs (an import).
- `row(values)` for a row; `neutralise_frame(df)` (also `frame`) for every text cell of a
  DataFrame.
- XLSX: text is always written as a string cell, never a formula: either `neutralise(v)`,
  or the text itself with the cell's quotePrefix set when `is_formula(v)`.

Standard library only at import: metrics imports this without the loaders' dependencies.
"""
from __future__ import annotations

from typing import Any, Iterable

# ASCII triggers, their full-width forms (some spreadsheets read those as formulas too),
# and the control characters that can come before a formula.
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
FORMULA_START = TRIGGERS
PREFIX = "'"
_BLANKS = " \n\u00a0\u3000"
_TRIGGER_CHARS = frozenset(TRIGGERS)
_BLANK_CHARS = frozenset(_BLANKS)


def is_formula(value: Any) -> bool:
    """True for text a spreadsheet would run as a formula."""
    if not isinstance(value, str):
        return False
    first = value[:1]
    if first in _TRIGGER_CHARS:
        return True
    return first in _BLANK_CHARS and value.lstrip(_BLANKS)[:1] in _TRIGGER_CHARS


def _needs_prefix(value: Any) -> bool:
    """A formula, or text that already starts with apostrophes before one ("'=1"): without its
    own apostrophe the latter would read back as a neutralised "=1"."""
    return is_formula(value) or (isinstance(value, str) and value.startswith(PREFIX)
                                 and is_formula(value.lstrip(PREFIX)))


def neutralise(value: Any) -> Any:
    """`value` made safe for a spreadsheet cell (see the module contract)."""
    return PREFIX + value if _needs_prefix(value) else value


cell = neutralise


def restore(value: Any) -> Any:
    """Undo `neutralise` on text read back from one of our CSVs."""
    if isinstance(value, str) and value.startswith(PREFIX) and _needs_prefix(value[1:]):
        return value[1:]
    return value


def row(values: Iterable[Any]) -> list[Any]:
    return [neutralise(v) for v in values]


def neutralise_frame(df):
    """A copy of the pandas DataFrame `df` with every text cell neutralised; numeric and
    date columns keep their types."""
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_datetime64_any_dtype(s):
            continue
        # built as object: map() would re-infer, turning a mixed 1100 / 19.3 column into 1100.0
        out[col] = pd.Series([neutralise(x) for x in s], index=s.index, dtype=object)
    return out


frame = neutralise_frame
