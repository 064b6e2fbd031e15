"""The sidebar filters: one frozen value, to/from URL query params, to SQL with parameters."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields

LIST_FIELDS = ("city", "claimant_side", "subject_side", "kind", "outlet")


@dataclass(frozen=True)
class Filters:
    city: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    claimant_side: tuple[str, ...] = ()
    subject_side: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()

    def to_params(self) -> dict[str, list[str] | str]:
        """For st.query_params: lists stay lists (repeated keys), dates are ISO."""
        out: dict = {f: list(getattr(self, f)) for f in LIST_FIELDS if getattr(self, f)}
        if self.start:
            out["start"] = self.start.isoformat()
        if self.end:
            out["end"] = self.end.isoformat()
        return out

    @classmethod
    def from_params(cls, params) -> "Filters":
        """From st.query_params (or a dict of str / list[str]); bad values are ignored."""
        def many(key):
            if hasattr(params, "get_all"):
                vals = params.get_all(key)
            else:
                v = params.get(key, [])
                vals = v if isinstance(v, (list, tuple)) else [v]
            return tuple(dict.fromkeys(str(x) for x in vals if str(x).strip()))

        def day(key):
            v = params.get(key)
            v = v[0] if isinstance(v, (list, tuple)) and v else v
            try:
                return dt.date.fromisoformat(str(v)) if v else None
            except ValueError:
                return None
        return cls(start=day("start"), end=day("end"), **{f: many(f) for f in LIST_FIELDS})

    def describe(self) -> dict:
        d = asdict(self)
        return {k: (list(v) if isinstance(v, tuple) else (v.isoformat() if v else None))
                for k, v in d.items() if v}

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


NO_FILTERS = Filters()


def _in(col: str, values: tuple, where: list, params: list) -> None:
    if values:
        where.append(f"{col} IN (SELECT unnest(?))")
        params.append(list(values))


def figure_where(f: Filters, alias: str = "f", art: str | None = None) -> tuple[str, list]:
    """WHERE clause (always starts with 'WHERE') for figures, on their own precomputed columns
    (city = coalesce(place, article main place), day = coalesce(figure_date, published),
    outlet; stored at ingest, schema 8): no join to articles needed. `art` is accepted for
    callers that still join articles; it is not used."""
    where, params = ["TRUE"], []
    _in(f"{alias}.city", f.city, where, params)
    _in(f"{alias}.claimant_side", f.claimant_side, where, params)
    _in(f"{alias}.subject_side", f.subject_side, where, params)
    _in(f"{alias}.kind", f.kind, where, params)
    _in(f"{alias}.outlet", f.outlet, where, params)
    _dates(f"{alias}.day", f, where, params)
    return "WHERE " + " AND ".join(where), params


def event_where(f: Filters, alias: str = "e", art: str | None = None) -> tuple[str, list]:
    """Events have no kind or subject side: those two filters narrow figures only. Same
    precomputed columns as figures (day = coalesce(event_date, published))."""
    where, params = ["TRUE"], []
    _in(f"{alias}.city", f.city, where, params)
    _in(f"{alias}.claimant_side", f.claimant_side, where, params)
    _in(f"{alias}.outlet", f.outlet, where, params)
    _dates(f"{alias}.day", f, where, params)
    return "WHERE " + " AND ".join(where), params


def article_where(f: Filters, art: str = "a") -> tuple[str, list]:
    """Articles: outlet and date filter directly; city matches main place or any mention."""
    where, params = ["TRUE"], []
    if f.city:
        where.append(f"""({art}.main_place IN (SELECT unnest(?)) OR {art}.doc_id IN (
            SELECT doc_id FROM figures WHERE place IN (SELECT unnest(?))
            UNION SELECT doc_id FROM events WHERE place IN (SELECT unnest(?))))""")
        params += [list(f.city)] * 3
    _in(f"{art}.outlet", f.outlet, where, params)
    _dates(f"{art}.published", f, where, params)
    return "WHERE " + " AND ".join(where), params


def _dates(col: str, f: Filters, where: list, params: list) -> None:
    if f.start:
        where.append(f"{col} >= ?")
        params.append(f.start)
    if f.end:
        where.append(f"{col} <= ?")
        params.append(f.end)


# --- the time window: a preset length ending on an "as of" date, or a custom range ------------

PRESETS = {"7d": 7, "30d": 30, "90d": 90, "all": None}
PRESET_LABELS = {"7d": "7 days", "30d": "30 days", "90d": "90 days", "all": "All", "custom": "Custom"}
AGGS = {"week": "Week", "month": "Month"}
WINDOW_KEYS = ("period", "asof", "agg")


@dataclass(frozen=True)
class Window:
    """What the sidebar's time controls say. `bounds()` turns it into Filters.start/end.

    An end at the latest date in the data is no end at all, so undated rows stay in tables
    when nothing narrows the time; any real bound leaves them out (a row with no date
    cannot be placed inside a window), and pages say how many that is."""
    period: str = "all"              # 7d, 30d, 90d, all, custom
    asof: dt.date | None = None      # the window's last day; None = the latest date in the data
    start: dt.date | None = None     # custom range only
    end: dt.date | None = None
    agg: str = "week"                # how charts group counts: week or month

    def bounds(self, lo: dt.date | None, hi: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
        if self.period == "custom":
            start, end = self.start, self.end
        else:
            end = self.asof
            days = PRESETS.get(self.period)
            start = (end or hi) - dt.timedelta(days=days - 1) if days and (end or hi) else None
        if start and lo and start <= lo:
            start = None
        if end and hi and end >= hi:
            end = None
        return start, end

    def to_params(self) -> dict[str, str]:
        out = {}
        if self.period != "all":
            out["period"] = self.period
        if self.asof and self.period != "custom":
            out["asof"] = self.asof.isoformat()
        if self.agg != "week":
            out["agg"] = self.agg
        return out

    @classmethod
    def from_params(cls, params) -> "Window":
        """From st.query_params; a link with only start/end (older links) is a custom range."""
        def one(key):
            v = params.get(key)
            return v[0] if isinstance(v, (list, tuple)) and v else v

        def day(key):
            try:
                return dt.date.fromisoformat(str(one(key))) if one(key) else None
            except ValueError:
                return None
        period = str(one("period") or "")
        start, end = day("start"), day("end")
        if period not in PRESET_LABELS:
            period = "custom" if (start or end) else "all"
        agg = str(one("agg") or "week")
        return cls(period=period, asof=day("asof"), start=start, end=end,
                   agg=agg if agg in AGGS else "week")

    def describe(self, lo: dt.date | None = None, hi: dt.date | None = None) -> str:
        """'last 30 days to 13 Mar 2023', 'all dates', '1 Oct 2024 – 31 Oct 2024'."""
        start, end = self.bounds(lo, hi)
        if self.period == "custom":
            if not (start or end):
                return "all dates"
            return f"{_day(start) if start else 'the start'} – {_day(end) if end else 'the latest date'}"
        last = self.asof or hi
        if self.period == "all":
            return f"all dates up to {_day(last)}" if end else "all dates"
        return f"the {PRESET_LABELS[self.period]} to {_day(last)}" if last else "all dates"


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%b %Y}"
