"""What a CSV export cell must read for a database value, written independently of
metrics/export.py so tests can check the export row by row (no tests here)."""
from __future__ import annotations

# A spreadsheet runs text starting with these as a formula: the export prefixes an apostrophe.
FORMULA = tuple("=+-@\t\r")


def expected_cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return "'" + v if v.startswith(FORMULA) else v
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)
