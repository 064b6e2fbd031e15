"""The one formula neutralisation every CSV (and XLSX) the project writes goes through.

A spreadsheet runs a text cell starting with = + - @ (or a tab / carriage return that hides
one) as a formula: `=HYPERLINK("http://evil.example","click")` in an article title would be a
live link in Excel. Such text gets a leading apostrophe, which spreadsheets read as "this is
text". Numbers, dates and empty cells are never touched.
"""
from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_formula(value) -> bool:
    """True for text a spreadsheet would run as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralise(value):
    """One cell: formula-like text gets a leading apostrophe; anything else is returned as is."""
    return "'" + value if is_formula(value) else value


def restore(value):
    """Undo `neutralise` on text read back from one of our CSVs (an import)."""
    if isinstance(value, str) and value.startswith("'") and is_formula(value[1:]):
        return value[1:]
    return value


def neutralise_frame(df):
    """A copy of a pandas DataFrame with every text cell neutralised; numeric and date
    columns keep their types."""
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_datetime64_any_dtype(s):
            continue
        # built as object: map() would re-infer, turning a mixed 1100 / 19.3 column back to 1100.0
        out[col] = pd.Series([neutralise(x) for x in s], index=s.index, dtype=object)
    return out
