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


def figure_where(f: Filters, alias: str = "f", art: str = "a") -> tuple[str, list]:
    """WHERE clause (always starts with 'WHERE') for figures joined to articles."""
    where, params = ["TRUE"], []
    _in(f"coalesce({alias}.place, {art}.main_place)", f.city, where, params)
    _in(f"{alias}.claimant_side", f.claimant_side, where, params)
    _in(f"{alias}.subject_side", f.subject_side, where, params)
    _in(f"{alias}.kind", f.kind, where, params)
    _in(f"{art}.outlet", f.outlet, where, params)
    _dates(f"coalesce({alias}.figure_date, {art}.published)", f, where, params)
    return "WHERE " + " AND ".join(where), params


def event_where(f: Filters, alias: str = "e", art: str = "a") -> tuple[str, list]:
    """Events have no kind or subject side: those two filters narrow figures only."""
    where, params = ["TRUE"], []
    _in(f"coalesce({alias}.place, {art}.main_place)", f.city, where, params)
    _in(f"{alias}.claimant_side", f.claimant_side, where, params)
    _in(f"{art}.outlet", f.outlet, where, params)
    _dates(f"coalesce({alias}.event_date, {art}.published)", f, where, params)
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
