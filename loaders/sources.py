"""Read article files into `Document`s: txt/md, html/htm, json, jsonl, plus manifests.

`read(paths, manifest=None)` yields a `Document` per article or a `LoadError` per
bad input, so one bad file never stops a batch. Folders are walked recursively in
sorted order (loaders.files: symlinked folders followed once, special files refused
unopened, reads capped); hidden files and manifests are skipped. A `manifest.csv` or
`manifest.jsonl` inside a folder supplies metadata (published, source, url, title)
for the files under it; an explicit manifest overrides those field by field. A
manifest row that matches no article is reported.

Metadata is read strictly: dates only as ISO (YYYY-MM-DD), not in the future; fields
are strings (an id may be a whole number), never the repr of a list or an object.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from . import files, jsonsplit
from .errors import LoadError
from .model import Document

TEXT_EXT = {".txt": "txt", ".md": "md", ".markdown": "md"}
HTML_EXT = {".html": "html", ".htm": "html", ".xhtml": "html"}
RECORD_EXT = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
ARTICLE_EXT = {**TEXT_EXT, **HTML_EXT, **RECORD_EXT}
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
# Skipped silently inside folders: clearly not articles (page assets, media, databases).
NOT_ARTICLES = {
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".avif",
    ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".webm", ".mov", ".avi",
    ".css", ".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot",
    ".duckdb", ".wal", ".lock", ".parquet", ".sqlite", ".db", ".pyc", ".py", ".log", ".tmp",
    ".bak", ".swp", ".ds_store",
}
KEY_FIELDS = ("doc_id", "id", "doc", "file")
FIELDS = {"published": ("published", "date"), "outlet": ("source", "outlet", "wire"),
          "url": ("url",), "title": ("title",)}


class Meta(dict):
    """doc_id -> metadata fields, plus where each key's rows are (to report unmatched rows)."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, list[tuple[str, int | None, str]]] = {}   # key -> (manifest, line, as written)


# --- walking ------------------------------------------------------------------

def read(paths: Iterable, manifest=None, defer_html: bool = False,
         today: dt.date | None = None) -> Iterator[Document | LoadError]:
    """Documents and LoadErrors in file order.

    With defer_html, HTML is not parsed here: such documents have text "" and the raw
    page (or record) in `original`, and `complete(doc)` parses them later, e.g. in a
    worker process (trafilatura is the slowest part of reading). `today` bounds the
    publication dates metadata may give (default: the real today).
    """
    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    today = today or dt.date.today()
    meta = Meta()
    for p in paths:
        for m in _auto_manifests(p):
            yield from _merge_manifest(meta, m, today)
    if manifest is not None:
        yield from _merge_manifest(meta, Path(manifest), today)
    seen: set[str] = set()    # ids of every article input met, loaded or not
    for p in paths:
        if p.is_dir():
            for f in files.walk(p):
                if isinstance(f, LoadError):
                    yield f
                    continue
                ext = f.suffix.lower()
                if f.name in MANIFEST_NAMES:
                    continue
                if ext in ARTICLE_EXT:
                    yield from _read_file(f, meta, defer_html, today, seen)
                elif not (ext in NOT_ARTICLES or ".duckdb" in f.name):
                    yield _unknown_type(f)  # maybe an article we cannot read: say so
        elif p.exists() or p.is_symlink():
            if p.name in MANIFEST_NAMES:
                continue
            if p.suffix.lower() not in ARTICLE_EXT:
                yield _unknown_type(p)
                continue
            yield from _read_file(p, meta, defer_html, today, seen)
        else:
            yield LoadError(p, "no such file or folder", fix="check the path")
    yield from _unmatched(meta, seen)


def _unknown_type(p: Path) -> LoadError:
    if p.suffix.lower() in (".csv", ".tsv"):
        return LoadError(p, "a table, not an article", fix="name a manifest manifest.csv or pass --manifest")
    return LoadError(p, f"unknown file type '{p.suffix or '(none)'}'",
                     fix="save articles as .txt, .md, .html, .json or .jsonl")


def _auto_manifests(p: Path) -> list[Path]:
    if not p.is_dir():
        return []
    return [f for f in files.walk(p) if isinstance(f, Path) and f.name in MANIFEST_NAMES]


MAX_UNMATCHED = 10   # rows reported one by one per manifest; more are counted in one line


def _unmatched(meta: Meta, seen: set[str]) -> Iterator[LoadError]:
    """Manifest rows whose article was not among the inputs: a misspelt id or a missing
    file would otherwise leave that article's metadata unknown without a word."""
    by_manifest: dict[str, list[tuple[int | None, str]]] = {}
    for key, rows in meta.rows.items():
        if key not in seen:
            for path, line, written in rows:
                by_manifest.setdefault(path, []).append((line, written))
    for path, rows in by_manifest.items():
        rows.sort(key=lambda r: (r[0] or 0))
        for line, written in rows[:MAX_UNMATCHED]:
            yield LoadError(path, f"no article {written!r} among the inputs; this row was not used",
                            line=line, fix="check the id or file name, or load that file too")
        if len(rows) > MAX_UNMATCHED:
            yield LoadError(path, f"{len(rows) - MAX_UNMATCHED} more rows match no article among the "
                            f"inputs (lines {', '.join(str(r[0]) for r in rows[MAX_UNMATCHED:][:20])}"
                            f"{', ...' if len(rows) > MAX_UNMATCHED + 20 else ''})",
                            fix="check the ids or file names, or load those files too")


# --- manifests ------------------------------------------------------------------

MAX_MANIFEST_MB = 64


def _merge_manifest(meta: Meta, path: Path, today: dt.date) -> Iterator[LoadError]:
    try:
        rows = list(_manifest_rows(path))
    except LoadError as e:
        yield e
        return
    for line, row in rows:
        if isinstance(row, LoadError):
            yield row
            continue
        row = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        try:
            key_field = next((k for k in KEY_FIELDS if _text(row, k, ids=True)), None)
        except FieldType as e:
            yield LoadError(path, str(e), line=line, fix="write the id as a string")
            continue
        if key_field is None:
            yield LoadError(path, "row has no doc_id, id, doc or file", line=line,
                            fix="add one of those columns")
            continue
        written = _text(row, key_field, ids=True)
        key = Path(written).stem if key_field == "file" else written
        fields, bad = _metadata(row, path, line, today)
        yield from bad
        meta.setdefault(key, {}).update(fields)
        meta.rows.setdefault(key, []).append((str(path), line, written))


def _manifest_rows(path: Path):
    data = files.read_capped(path, MAX_MANIFEST_MB * 2**20, what="manifest",
                             fix="split it into smaller manifests")
    text = data.decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        try:
            if not reader.fieldnames or not set(f.strip().lower() for f in reader.fieldnames) & set(KEY_FIELDS):
                raise LoadError(path, "manifest has no doc_id, id, doc or file column",
                                line=1, fix="add a header row naming one of them")
            for row in reader:
                yield reader.line_num, row
        except csv.Error as e:   # e.g. a cell over the csv module's field size limit
            yield reader.line_num, LoadError(path, f"unreadable CSV ({e}); the rest of this manifest "
                                             "was not read", line=reader.line_num, fix="fix the row")
    else:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = parse_json(line, path, n)
            except LoadError as e:
                yield n, e
                continue
            if not isinstance(row, dict):
                yield n, LoadError(path, "expected a JSON object", line=n, fix="one object per line")
                continue
            yield n, row


class FieldType(ValueError):
    """A metadata field that is not a string (say a list or an object)."""


_KINDS = {dict: "an object", list: "a list", bool: "true/false", float: "a number", int: "a number"}


def _text(row: dict, name: str, ids: bool = False) -> str | None:
    """A field as stripped text; None when absent or blank. Only strings (and, for ids,
    whole numbers) are text: anything else raises FieldType rather than storing a repr."""
    v = row.get(name)
    if v is None:
        return None
    if ids and isinstance(v, int) and not isinstance(v, bool):
        v = str(v)
    if not isinstance(v, str):
        raise FieldType(f"\"{name}\" is {_KINDS.get(type(v), type(v).__name__)}, not a string")
    return v.strip() or None


def _metadata(row: dict, path: Path, line: int | None,
              today: dt.date | None = None) -> tuple[dict, list[LoadError]]:
    """The metadata fields (FIELDS) of a manifest row or a JSON record, and the errors of
    the fields left out (unreadable dates, wrong types): the caller reports those
    (manifest) or fails the record."""
    out, bad = {}, []
    for field, names in FIELDS.items():
        for name in names:
            try:
                v = _text(row, name)
            except FieldType as e:
                bad.append(LoadError(path, str(e), line=line, fix=f"write \"{name}\" as a string"))
                break
            if v is None:
                continue
            if field == "published":
                v, why = check_date(v, today)
                if why:
                    bad.append(LoadError(path, f"unreadable published date {row.get(name)!r}: {why}", line=line,
                                         fix="write dates as YYYY-MM-DD (ISO), e.g. 2024-03-05"))
                    break
            out[field] = v
            break
    return out, bad


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# a full ISO timestamp is as unambiguous as a date: its date part is taken
_ISO_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?"
                           r"(?:Z|[+-]\d{2}(?::?\d{2})?)?", re.I)
OLDEST = dt.date(1900, 1, 1)
FUTURE_SLACK = dt.timedelta(days=1)   # time zones: a date a day ahead of ours is today somewhere


def check_date(value, today: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """(date, None) for an ISO date (YYYY-MM-DD, or an ISO timestamp's date) between 1900 and
    tomorrow, else (None, why). Nothing looser: '10', '2024', 'March' or '12/11/2024'
    would each be a guess (which day? which month? US or European?)."""
    if isinstance(value, dt.datetime):
        d = value.date()
    elif isinstance(value, dt.date):
        d = value
    else:
        s = str(value).strip()
        m = _ISO_DATE.fullmatch(s) or _ISO_DATETIME.fullmatch(s)
        if m is None:
            return None, "not a YYYY-MM-DD date"
        try:
            d = dt.date.fromisoformat(s[:10])
        except ValueError:
            return None, "no such day"
    today = today or dt.date.today()
    if d > today + FUTURE_SLACK:
        return None, f"in the future (today is {today.isoformat()})"
    if d < OLDEST:
        return None, f"before {OLDEST.year}"
    return d, None


def parse_date(value, today: dt.date | None = None) -> dt.date | None:
    """A strict ISO date, or None (see check_date)."""
    if value is None or value == "":
        return None
    return check_date(value, today)[0]


def _apply_meta(doc: Document, meta: Meta) -> Document:
    for field, v in meta.get(doc.doc_id, {}).items():
        setattr(doc, field, v)
    return doc


# --- files ------------------------------------------------------------------------

MAX_ARTICLE_MB = 10     # one article (a text/HTML file, a JSONL line, a JSON record); real ones are < 1 MB


def _article_limit() -> int:
    return int(MAX_ARTICLE_MB * 2**20)


def _read_file(path: Path, meta: Meta, defer_html: bool = False, today: dt.date | None = None,
               seen: set[str] | None = None) -> Iterator[Document | LoadError]:
    ext = path.suffix.lower()
    seen = set() if seen is None else seen
    seen.add(path.stem)   # a manifest row naming this file is used, even if the file fails
    if ext in RECORD_EXT:
        yield from (_read_json if ext == ".json" else _read_jsonl)(path, meta, defer_html, today, seen)
        return
    try:
        data = files.read_capped(path, _article_limit())
    except LoadError as e:
        yield e
        return
    text = _decoded(path, data)
    if isinstance(text, LoadError):
        yield text
        return
    if ext in TEXT_EXT:
        yield _apply_meta(Document(doc_id=path.stem, text=text, source_path=str(path),
                                   fmt=TEXT_EXT[ext]), meta)
    elif ext in HTML_EXT and defer_html:
        yield _apply_meta(Document(doc_id=path.stem, text="", source_path=str(path), fmt="html",
                                   original=text), meta)
    else:
        try:
            doc = from_html(text, doc_id=path.stem, source_path=str(path))
        except LoadError as e:
            yield e
            return
        yield _apply_meta(doc, meta)


def decode(data: bytes) -> str:
    """Bytes -> str: UTF-8 (or UTF-16 with a BOM), else the detected legacy encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.count(b"\x00") > max(1, len(data) // 100):
        raise ValueError("not text (binary: NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    matches = list(from_bytes(data))
    if not matches:
        raise ValueError("not text (binary or unknown encoding)")
    # Short texts fit several code pages equally well; prefer the common ones.
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least + 0.02]
    best = min(tied, key=lambda m: COMMON_ENCODINGS.index(m.encoding)
               if m.encoding in COMMON_ENCODINGS else len(COMMON_ENCODINGS))
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise ValueError("not text (binary or unknown encoding)")
    return text


COMMON_ENCODINGS = ["cp1252", "cp1251", "latin_1", "iso8859_15", "koi8_r", "koi8_u", "cp1250",
                    "iso8859_2", "iso8859_5", "mac_cyrillic", "cp866"]


def _control_ratio(text: str) -> float:
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f" or 0x7f <= ord(c) < 0xa0)
    return bad / max(1, len(text))


def from_html(html: str, doc_id: str, source_path: str, fmt: str = "html") -> Document:
    """Main text and metadata of an HTML page (trafilatura), publication date via htmldate."""
    import trafilatura

    from . import htmlprep
    page = htmlprep.prepare(html)   # no noscript/template text; nesting lxml can hold
    res = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = (getattr(res, "text", None) or "").strip() if res is not None else ""
    if not text:
        text = (trafilatura.html2txt(page) or "").strip()
    if not text:
        raise LoadError(source_path, "no article text found in the HTML",
                        fix="check the page has the article body, not only a script shell")
    published = None
    try:
        import htmldate
        published = parse_date(htmldate.find_date(page, extensive_search=False, original_date=True))
    except Exception:  # htmldate is best-effort metadata; the text still loads
        published = None
    if published is None and res is not None:
        published = parse_date(getattr(res, "date", None))
    return Document(doc_id=doc_id, text=text, source_path=source_path, fmt=fmt, original=html,
                    title=_page_value(res, "title"), outlet=_page_value(res, "sitename"),
                    url=_page_value(res, "url"), published=published)


def _page_value(res, name: str) -> str | None:
    v = getattr(res, name, None)
    return v.strip() or None if isinstance(v, str) else None


def parse_json(text: str, path, line: int | None = None, fix: str = "fix the line or remove it"):
    """json.loads, with every failure a LoadError naming the place: invalid JSON, and
    nesting deeper than the parser's recursion limit (a RecursionError otherwise)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        where = f" at column {e.colno}" if line is not None else ""
        raise LoadError(path, f"invalid JSON ({e.msg}{where})", line=line if line is not None else e.lineno,
                        fix=fix) from None
    except RecursionError:
        raise LoadError(path, "JSON nested too deeply (over about 1,000 levels)", line=line,
                        fix="records are flat objects: \"id\", \"title\", \"text\", ...") from None


def _record(rec, path: Path, fmt: str, default_id: str, line: int | None, original: str,
            defer_html: bool = False, today: dt.date | None = None, seen: set[str] | None = None) -> Document:
    if not isinstance(rec, dict):
        raise LoadError(path, "expected a JSON object (a record)", line=line,
                        fix="write {\"id\": ..., \"text\": ...}")
    rec = {str(k).lower(): v for k, v in rec.items()}
    try:
        doc_id = _text(rec, "id", ids=True) or _text(rec, "doc_id", ids=True) or default_id
    except FieldType as e:
        raise LoadError(path, f"record id: {e}", line=line, fix="write the id as a string") from None
    if seen is not None:
        seen.add(doc_id)
    text, html = rec.get("text"), rec.get("html")
    for name, v in (("text", text), ("html", html)):
        if v is not None and not isinstance(v, str):
            raise LoadError(path, f"record {doc_id!r}: \"{name}\" is a {type(v).__name__}, not a string",
                            line=line, fix=f"put the article as one string in \"{name}\"")
    if text and text.strip():
        doc = Document(doc_id=doc_id, text=text, source_path=str(path), fmt=fmt, original=original)
    elif html and html.strip() and defer_html:
        doc = Document(doc_id=doc_id, text="", source_path=str(path), fmt=fmt, original=original)
    elif html and html.strip():
        doc = from_html(html, doc_id=doc_id, source_path=str(path), fmt=fmt)
        doc.original = original
    else:
        raise LoadError(path, f"record {doc_id!r} has no text or html", line=line,
                        fix="add a \"text\" field")
    doc.line = line
    fields, bad = _metadata(rec, path, line, today)
    if bad:
        bad[0].reason = f"record {doc_id!r}: {bad[0].reason}"
        raise bad[0]
    for field, v in fields.items():
        setattr(doc, field, v)
    return doc


def _decoded(path, data: bytes) -> str | LoadError:
    """The file's text, or why it has none (binary, empty)."""
    try:
        text = decode(data)
    except ValueError as e:
        return LoadError(path, str(e), fix="only text, HTML and JSON files can be loaded")
    if not text.strip():
        return LoadError(path, "empty", fix="remove the file or add the article text")
    return text


def _read_json(path: Path, meta: Meta, defer_html: bool, today=None, seen=None) -> Iterator[Document | LoadError]:
    """One record, or a list of records read one at a time (loaders.jsonsplit): a list
    file may be any size, each record up to MAX_ARTICLE_MB."""
    try:
        fh = files.open_regular(path)
    except LoadError as e:
        yield e
        return
    with fh:
        head = fh.read(4)
        fh.seek(0)
        if not head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in head:
            try:
                yield from _read_json_list(path, fh, meta, defer_html, today, seen)
                return
            except jsonsplit.NotAList:
                fh.seek(0)
            except ValueError as e:   # the list itself is broken (its good records loaded)
                yield LoadError(path, f"invalid JSON ({e})", fix="fix the file")
                return
            except OSError as e:
                yield LoadError(path, f"cannot read file ({e.strerror})", fix="check the disk")
                return
        # one record (or UTF-16, or not JSON at all): it must fit the article limit
        size = os.fstat(fh.fileno()).st_size
        if size > _article_limit():
            yield files.too_big(path, size, _article_limit(), what="JSON record",
                                fix="one article a record; several records belong in a list or JSONL")
            return
        data = fh.read(_article_limit() + 1)
    if len(data) > _article_limit():
        yield files.too_big(path, len(data), _article_limit(), what="JSON record")
        return
    text = _decoded(path, data)
    if isinstance(text, LoadError):
        yield text
        return
    try:
        data = parse_json(text, path, fix="fix the file")
    except LoadError as e:
        yield e
        return
    records = data if isinstance(data, list) else [data]   # a UTF-16 list is parsed whole
    if not records:
        yield LoadError(path, "empty (no records)", fix="add records or remove the file")
        return
    for i, rec in enumerate(records, 1):
        default = path.stem if not isinstance(data, list) else f"{path.stem}-{i}"
        original = text if not isinstance(data, list) else json.dumps(rec, ensure_ascii=False)
        try:
            doc = _record(rec, path, "json", default, None, original, defer_html, today, seen)
        except LoadError as e:
            if isinstance(data, list):
                e.reason = f"record {i}: {e.reason}"
            yield e
            continue
        yield _apply_meta(doc, meta)


def _read_json_list(path, fh, meta, defer_html, today, seen) -> Iterator[Document | LoadError]:
    count = 0
    for el in jsonsplit.elements(fh, _article_limit()):
        count += 1
        try:
            if el.data is None:
                raise files.too_big(path, el.size, _article_limit(), line=el.line, what="record",
                                    fix="one article a record")
            try:
                text = decode(el.data)
            except ValueError as e:
                raise LoadError(path, str(e), line=el.line, fix="only text, HTML and JSON files can be loaded")
            rec = parse_json(text, path, el.line, fix="fix the record or remove it")
            # records of a list keep line None: `where` names the file, reasons the record
            doc = _record(rec, path, "json", f"{path.stem}-{el.index}", None, text.strip(),
                          defer_html, today, seen)
        except LoadError as e:
            e.reason = f"record {el.index}: {e.reason}"
            e.line = e.line if e.line is not None else el.line
            yield e
            continue
        yield _apply_meta(doc, meta)
    if count == 0:
        yield LoadError(path, "empty (no records)", fix="add records or remove the file")


def _read_jsonl(path: Path, meta: Meta, defer_html: bool, today=None, seen=None) -> Iterator[Document | LoadError]:
    """Streamed line by line (split on b"\\n" only: JSON strings may hold U+2028); no line
    is read past MAX_ARTICLE_MB."""
    records = 0
    try:
        fh = files.open_regular(path)
    except LoadError as e:
        yield e
        return
    with fh:
        n = 0
        while True:
            try:
                raw, size = files.read_line(fh, _article_limit())
            except OSError as e:
                yield LoadError(path, f"cannot read file ({e.strerror})", line=n + 1, fix="check the disk")
                return
            if raw == b"" and size == 0:
                break
            n += 1
            if raw is None:
                records += 1
                yield files.too_big(path, size, _article_limit(), line=n, what="line")
                continue
            if not raw.strip():
                continue
            records += 1
            try:
                try:
                    line = decode(raw).lstrip("\ufeff").rstrip("\r\n")
                except ValueError as e:
                    raise LoadError(path, f"invalid JSON ({e})", line=n, fix="fix the line or remove it")
                rec = parse_json(line, path, n)
                yield _apply_meta(_record(rec, path, "jsonl", f"{path.stem}-{n}", n, line, defer_html,
                                          today, seen), meta)
            except LoadError as e:
                yield e
    if records == 0:
        yield LoadError(path, "empty", fix="remove the file or add one JSON record a line")


def complete(doc: Document) -> Document:
    """Parse the HTML of a document read with defer_html; fields already set win."""
    if doc.text or doc.original is None:
        return doc
    if doc.fmt == "html":
        html = doc.original
    else:
        rec = {str(k).lower(): v for k, v in parse_json(doc.original, doc.source_path, doc.line).items()}
        html = rec.get("html") if isinstance(rec.get("html"), str) else ""
    page = from_html(html, doc_id=doc.doc_id, source_path=doc.source_path, fmt=doc.fmt)
    doc.text = page.text
    for field in ("title", "outlet", "url", "published"):
        if getattr(doc, field) is None:
            setattr(doc, field, getattr(page, field))
    return doc
