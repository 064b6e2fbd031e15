"""What a CSV export cell must read for a database value, written independently of
loaders/csvsafe.py so tests can check exports row by row (no tests here). The rule is
the one docs/security.md states."""
from __future__ import annotations

# A spreadsheet runs text starting with these as a formula (ASCII and full-width forms,
# and tab/CR before one): the export prefixes an apostrophe. Leading blanks do not hide one.
FORMULA = tuple("=+-@\t\r") + ("\uff1d", "\uff0b", "\uff0d", "\uff20")
BLANKS = " \n\u00a0\u3000"


def is_formula(text: str) -> bool:
    return text.startswith(FORMULA) or text.lstrip(BLANKS).startswith(FORMULA)


def expected_cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return "'" + v if is_formula(v) else v
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
