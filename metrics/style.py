"""One look everywhere: plain words, side colours, bound signs, honest number formatting."""
from __future__ import annotations

import math

import pandas as pd

# Colour-blind-safe (Okabe-Ito); the same side is the same colour on every chart.
SIDE_COLORS = {
    "ukraine": "#0072B2",       # blue
    "russia": "#D55E00",        # vermillion
    "civilian": "#009E73",      # green
    "third_party": "#7F7F7F",   # grey
    "unattributed": "#CC79A7",  # purple
    "unknown": "#BBBBBB",
}
SIDE_LABELS = {
    "ukraine": "Ukraine", "russia": "Russia", "civilian": "Civilians",
    "third_party": "Third party", "unattributed": "Not attributed", "unknown": "Unknown",
}
# "Whose losses": the side the number is about, as a possessive
WHOSE = {"ukraine": "Ukraine's losses", "russia": "Russia's losses", "civilian": "Civilian losses",
         "third_party": "Third-party losses", "unattributed": "Losses, side not stated",
         "unknown": "Losses, side not stated"}
SIDE_ORDER = ["ukraine", "russia", "civilian", "third_party", "unattributed", "unknown"]
ITEM_COLORS = {"figures": "#332288", "events": "#DDCC77"}

# The words the pages use for columns and filters, with what they mean (tooltips)
WORDS = {
    "claimant_side": ("Who says so", "The side of the person or body the report quotes for the number "
                      "(e.g. Ukraine's General Staff = Ukraine). 'Not attributed' = the report names no source."),
    "subject_side": ("Whose losses", "The side the number is about: whose soldiers, civilians or equipment."),
    "kind": ("What is counted", "Killed, wounded, captured, attacks, distances, population ..."),
    "city": ("City", "The place a number or event is about; when the sentence names none, the place the "
                     "article is mainly about."),
    "outlet": ("Outlet", "The publication that carried the report."),
    "claimant": ("Quoted source", "The person or body the report quotes, as written."),
    "claim": ("Claim", "The number as claimed. ≥ more than (a lower bound) · ≤ fewer than (an upper bound) · "
                       "~ about · a–b a range · 'vague' for words like 'dozens'."),
    "basis": ("Covers", "A total to date (everything up to the report) or a count for a stated period "
                        "('last week', '1–10 October')."),
    "per_day": ("Per day", "Only for counts with a stated period: the claim divided by the period's days, "
                           "keeping its bound (≥ stays ≥). Never for totals to date."),
    "reports": ("Reports", "How many articles carry this claim. A number repeated by several reports is "
                           "one claim."),
    "actor_side": ("Acting side", "The side that attacked, advanced, captured or withdrew."),
}

CASUALTY_KINDS = ("killed", "wounded", "killed_or_wounded", "captured", "missing")
KIND_LABELS = {
    "killed": "Killed", "wounded": "Wounded", "killed_or_wounded": "Killed or wounded",
    "captured": "Captured", "missing": "Missing", "attacks": "Attacks", "strikes": "Strikes",
    "equipment_lost": "Equipment lost", "evacuated": "Evacuated", "distance_km": "Distance (km)",
    "territory_pct": "Territory (%)", "population_prewar": "Population before the war",
    "population_remaining": "Population remaining",
}
EVENT_LABELS = {"assault": "Assault", "advance": "Advance", "capture": "Capture", "withdrawal": "Withdrawal",
                "strike": "Strike", "evacuation": "Evacuation"}
KIND_UNITS = {"distance_km": "km", "territory_pct": "%", "attacks": "attacks",
              "strikes": "strikes", "equipment_lost": "items"}
SIGNS = {"more_than": "≥", "less_than": "≤", "approx": "~"}
BOUND_WORDS = {"exact": "exact", "more_than": "more than (lower bound)", "less_than": "fewer than (upper bound)",
               "approx": "about", "range": "range", "vague": "vague amount"}


def _key(side) -> str:
    return "unknown" if _nan(side) or not side else str(side)


def side_label(side) -> str:
    side = _key(side)
    return SIDE_LABELS.get(side, side.replace("_", " ").title())


def whose_label(side) -> str:
    """"Ukraine's losses", "Civilians' losses"."""
    side = _key(side)
    return WHOSE.get(side, f"{side_label(side)} losses")


def side_color(side) -> str:
    return SIDE_COLORS.get(_key(side), SIDE_COLORS["unknown"])


def side_rank(side) -> int:
    side = _key(side)
    return SIDE_ORDER.index(side) if side in SIDE_ORDER else len(SIDE_ORDER)


def color_map(label: bool = True) -> dict:
    """For plotly's color_discrete_map, keyed by label (default) or raw side."""
    return {(side_label(k) if label else k): v for k, v in SIDE_COLORS.items()}


def kind_label(kind: str | None) -> str:
    if not kind:
        return ""
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def event_label(kind: str | None) -> str:
    return EVENT_LABELS.get(kind or "", (kind or "").replace("_", " ").capitalize())


def unit_of(kind: str | None) -> str:
    return KIND_UNITS.get(kind or "", "people")


def fmt_num(x) -> str:
    """1100.0 -> '1,100'; 2.5 -> '2.5'; None/NaN -> ''. Whole numbers never get decimals."""
    if _nan(x):
        return ""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return str(x)
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:,.1f}" if abs(x) >= 10 else f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_claim(qualifier: str | None, value, low=None, high=None) -> str:
    """The claimed number with its bound sign: '≥ 1,100', '≤ 5,000', '~6,000', '200–300',
    '24–99 (vague)'. The sign is the claim's own: 'more than 1,100' is a lower bound."""
    q = qualifier or "exact"
    if q == "range" or (q == "vague" and not _nan(low) and not _nan(high)):
        text = f"{fmt_num(low)}–{fmt_num(high)}"
        return text + (" (vague)" if q == "vague" else "")
    v = fmt_num(value if not _nan(value) else (low if not _nan(low) else high))
    if q == "vague":
        return f"{v} (vague)"
    if q == "approx":
        return f"~{v}"
    return f"{SIGNS[q]} {v}" if q in SIGNS else v


def _rate_num(x: float, how: str) -> tuple[str, bool]:
    """A per-day number: whole above 10, one decimal below; rounded the safe way for a bound
    (down for 'at least', up for 'at most'). Returns the text and whether it was rounded."""
    digits = 0 if abs(x) >= 10 else 1
    scale = 10 ** digits
    r = {"floor": math.floor, "ceil": math.ceil}.get(how, round)(x * scale) / scale
    return fmt_num(r), not math.isclose(r, x, rel_tol=1e-9, abs_tol=1e-12)


def fmt_rate(qualifier: str | None, value, low, high, days) -> str:
    """A claim over a stated period as a rate that keeps its bound: 'more than 1,100 in 8 days'
    -> '≥ 137/day'; 'fewer than 1,000 in 7 days' -> '≤ 143/day'; '200–300 in 10 days' ->
    '20–30/day'; an exact 1,100 in 8 days -> '~138/day' (an average, so rounded shows as ~).
    Empty when there is no stated period (a total to date has no honest rate)."""
    if _nan(days) or not days or days <= 0:
        return ""
    q = qualifier or "exact"
    if q in ("range", "vague") and not _nan(low) and not _nan(high):
        a, _ = _rate_num(float(low) / days, "floor")
        b, _ = _rate_num(float(high) / days, "ceil")
        text = f"{a}–{b}/day" if a != b else f"~{a}/day"
        return text + (" (vague)" if q == "vague" else "")
    v = value if not _nan(value) else (low if not _nan(low) else high)
    if _nan(v):
        return ""
    how = {"more_than": "floor", "less_than": "ceil"}.get(q, "round")
    text, rounded = _rate_num(float(v) / days, how)
    if q in SIGNS:
        return f"{SIGNS[q]} {text}/day" if q != "approx" else f"~{text}/day"
    if q == "vague":
        return f"~{text}/day (vague)"
    return f"~{text}/day" if rounded else f"{text}/day"


def fmt_day(d, precision: str | None = None) -> str:
    """'13 Mar 2023'; a month-precise date shows as 'Mar 2023', a week as 'week of 6 Mar 2023'."""
    if _nan(d):
        return ""
    d = pd.Timestamp(d)
    if precision == "month":
        return f"{d:%b %Y}"
    if precision == "year":
        return f"{d:%Y}"
    text = f"{d.day} {d:%b %Y}"
    return f"week of {text}" if precision == "week" else text


def fmt_published(d, how: str | None, precision: str | None = None) -> str:
    """A publication date as a reader should take it: '9 Oct 2024', '9 Oct 2024 (inferred from
    the text)', 'unknown'."""
    if _nan(d):
        return "unknown"
    text = fmt_day(d, precision if how == "inferred" else None)
    return f"{text} (inferred from the text)" if how == "inferred" else text


def fmt_period(start, end, text=None) -> str:
    """'6–13 Mar 2023', '28 Feb – 1 Mar 2023', 'since 1 Oct 2024'."""
    if _nan(start) and _nan(end):
        return ""
    if _nan(end):
        return f"since {fmt_day(start)}"
    if _nan(start):
        return f"to {fmt_day(end)}"
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    if s == e:
        return fmt_day(e)
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {e:%b %Y}"
    if s.year == e.year:
        return f"{s.day} {s:%b} – {e.day} {e:%b %Y}"
    return f"{fmt_day(s)} – {fmt_day(e)}"


def _nan(x) -> bool:
    try:
        return x is None or bool(x != x)   # NaN; pd.NA raises and counts as missing
    except (TypeError, ValueError):
        return True
