"""One look everywhere: side colours, labels, number formatting."""
from __future__ import annotations

import math

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
    "third_party": "Third party", "unattributed": "Unattributed", "unknown": "Unknown",
}
ITEM_COLORS = {"figures": "#332288", "events": "#DDCC77"}

CASUALTY_KINDS = ("killed", "wounded", "killed_or_wounded", "captured", "missing")
UNIT_LABELS = {"people": "people", "count": "count", "km": "km", "percent": "%"}
KIND_UNITS = {"distance_km": "km", "territory_pct": "%", "attacks": "attacks",
              "strikes": "strikes", "equipment_lost": "items"}


def side_label(side) -> str:
    side = "unknown" if _nan(side) or not side else side
    return SIDE_LABELS.get(side, str(side).replace("_", " ").title())


def side_color(side) -> str:
    side = "unknown" if _nan(side) or not side else side
    return SIDE_COLORS.get(side, SIDE_COLORS["unknown"])


def color_map(label: bool = True) -> dict:
    """For plotly's color_discrete_map, keyed by label (default) or raw side."""
    return {(side_label(k) if label else k): v for k, v in SIDE_COLORS.items()}


def kind_label(kind: str | None) -> str:
    return (kind or "").replace("_", " ").replace("km", "(km)").replace("pct", "(%)")


def unit_of(kind: str | None) -> str:
    return KIND_UNITS.get(kind or "", "people")


def fmt_num(x) -> str:
    """1100.0 -> '1,100'; 2.5 -> '2.5'; None/NaN -> ''."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    try:
        x = float(x)
    except (TypeError, ValueError):
        return str(x)
    if x.is_integer():
        return f"{int(x):,}"
    return f"{x:,.1f}" if abs(x) >= 10 else f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_claim(qualifier: str | None, value, low, high) -> str:
    """How a person would say the claimed number: 'more than 1,100', '1,000–2,000'."""
    q = qualifier or "exact"
    if q == "range" or (q == "vague" and low is not None and high is not None and not _nan(low)):
        text = f"{fmt_num(low)}–{fmt_num(high)}"
        return text + (" (vague)" if q == "vague" else "")
    v = fmt_num(value if not _nan(value) else (low if not _nan(low) else high))
    return {"more_than": f"more than {v}", "less_than": f"fewer than {v}",
            "approx": f"about {v}", "vague": f"{v} (vague)"}.get(q, v)


def _nan(x) -> bool:
    try:
        return x is None or bool(x != x)   # NaN; pd.NA raises and counts as missing
    except (TypeError, ValueError):
        return True
