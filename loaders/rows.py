"""Extracted articles -> compact Arrow tables, the unit workers send and the store writes.

A worker turns its chunk of articles into three Arrow tables (articles, figures, events)
with the precomputed query columns (city, day, outlet) filled in. Arrow tables pickle as
a few flat buffers, so the parent process neither unpickles dataclasses nor converts rows
one value at a time: it only concatenates and hands them to DuckDB.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import schema

_TYPES = {"VARCHAR": "string", "DOUBLE": "float64", "INTEGER": "int32", "BIGINT": "int64",
          "DATE": "date32", "TIMESTAMP": "timestamp[us]", "BOOLEAN": "bool"}
_COLUMN = re.compile(r"^\s*(\w+)\s+(VARCHAR|DOUBLE|INTEGER|BIGINT|DATE|TIMESTAMP|BOOLEAN)\b", re.M)


def columns(table: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of a table, in DDL order, read from schema.TABLES."""
    return _COLUMN.findall(schema.TABLES[table])


def names(table: str) -> list[str]:
    return [c for c, _ in columns(table)]


_SCHEMAS: dict = {}


def arrow_schema(table: str):
    import pyarrow as pa
    if table not in _SCHEMAS:
        _SCHEMAS[table] = pa.schema([(c, pa.type_for_alias(_TYPES[t])) for c, t in columns(table)])
    return _SCHEMAS[table]


SMALL = 20000   # rows up to which a table built in this process stays Python tuples (see PyRows)


class PyRows:
    """A few rows as Python tuples, with the bits of the pyarrow.Table interface the store
    uses. Building Arrow arrays from Python objects imports pandas (about a second), which
    a one-article ingest should not pay."""

    def __init__(self, table: str, rows: list[tuple]):
        self.table, self.rows = table, rows
        self.column_names = names(table)

    @property
    def num_rows(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> "_Column":
        i = self.column_names.index(name)
        return _Column([r[i] for r in self.rows])

    def where_doc(self, keep: set) -> "PyRows":
        i = self.column_names.index("doc_id")
        return PyRows(self.table, [r for r in self.rows if r[i] in keep])

    def to_arrow(self):
        return _arrow(self.table, self.rows)


class _Column(list):
    def to_pylist(self) -> list:
        return list(self)


def _arrow(table: str, rows: list[tuple]):
    import pyarrow as pa
    sch = arrow_schema(table)
    cols = list(zip(*rows)) if rows else [()] * len(sch)
    return pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(cols, sch)], schema=sch)


def _filter(t, keep: set):
    if isinstance(t, PyRows):
        return t.where_doc(keep)
    import pyarrow as pa
    import pyarrow.compute as pc
    return t.filter(pc.is_in(t.column("doc_id"), value_set=pa.array(sorted(keep), pa.string())))


@dataclass
class Batch:
    """Rows of whole articles: `articles` has one row per article, in the order of `where`."""
    articles: object                      # pyarrow.Table
    figures: object
    events: object
    where: list[str] = field(default_factory=list)   # source of each article, for messages

    def __len__(self) -> int:
        return self.articles.num_rows

    @property
    def doc_ids(self) -> list[str]:
        return self.articles.column("doc_id").to_pylist()

    def only(self, doc_ids) -> "Batch":
        """The rows of these articles only."""
        wanted = set(doc_ids)
        return Batch(_filter(self.articles, wanted), _filter(self.figures, wanted), _filter(self.events, wanted),
                     [w for w, d in zip(self.where, self.doc_ids) if d in wanted])

    def split(self) -> list["Batch"]:
        """One batch per article (to find the one that cannot be stored)."""
        return [self.only([d]) for d in self.doc_ids]


def concat(batches: list[Batch]) -> Batch:
    if len(batches) == 1:
        return batches[0]
    return Batch(*(_concat(t, [getattr(b, t) for b in batches]) for t in ("articles", "figures", "events")),
                 where=[w for b in batches for w in b.where])


def _concat(table: str, parts: list):
    if all(isinstance(p, PyRows) for p in parts):
        return _table(table, [r for p in parts for r in p.rows])
    import pyarrow as pa
    return pa.concat_tables([p.to_arrow() if isinstance(p, PyRows) else p for p in parts])


def _table(table: str, rows: list[tuple], arrow: bool | None = None):
    """Arrow for many rows (workers always: it is what crosses the process boundary cheaply)."""
    if arrow is False or (arrow is None and len(rows) <= SMALL):
        return PyRows(table, rows)
    return _arrow(table, rows)


def _unique(rows: list[tuple]) -> list[tuple]:
    """First row per id (column 0): the same mention found twice is stored once."""
    seen: set = set()
    return [r for r in rows if not (r[0] in seen or seen.add(r[0]))]


def batch(items, where: list[str] | None = None, source_hashes: list[str | None] | None = None,
          arrow: bool | None = None) -> Batch:
    """Rows of `Extracted` items (with the precomputed city/day/outlet columns): Arrow
    tables, or PyRows for small tables unless `arrow` says."""
    acols, fcols, ecols = names("articles"), names("figures"), names("events")
    arts, figs, evs = [], [], []
    for i, x in enumerate(items):
        a = dict(vars(x.article))
        a["source_hash"] = source_hashes[i] if source_hashes else a.get("source_hash")
        arts.append(tuple(a.get(c) for c in acols))
        main, pub, outlet = x.article.main_place, x.article.published, x.article.outlet
        fs = []
        for f in x.figures:
            d = vars(f)
            d = {**d, "city": f.place or main, "day": f.figure_date or pub, "outlet": outlet}
            fs.append(tuple(d.get(c) for c in fcols))
        figs += _unique(fs)
        es = []
        for e in x.events:
            d = vars(e)
            d = {**d, "city": e.place or main, "day": e.event_date or pub, "outlet": outlet}
            es.append(tuple(d.get(c) for c in ecols))
        evs += _unique(es)
    return Batch(_table("articles", arts, arrow), _table("figures", figs, arrow), _table("events", evs, arrow),
                 list(where) if where is not None else [x.article.source_path for x in items])
