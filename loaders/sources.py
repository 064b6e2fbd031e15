"""Read article files into `Document`s: txt/md, html/htm, json, jsonl, plus manifests.

`read(paths, manifest=None)` yields a `Document` per article or a `LoadError` per
bad input, so one bad file never stops a batch. Folders are walked recursively in
sorted order; hidden files and manifests are skipped. A `manifest.csv` or
`manifest.jsonl` inside a folder supplies metadata (published, source, url, title)
for the files under it; an explicit manifest overrides those field by field.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Iterable, Iterator

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

Meta = dict[str, dict]


# --- walking ------------------------------------------------------------------

def read(paths: Iterable, manifest=None, defer_html: bool = False) -> Iterator[Document | LoadError]:
    """Documents and LoadErrors in file order.

    With defer_html, HTML is not parsed here: such documents have text "" and the raw
    page (or record) in `original`, and `complete(doc)` parses them later, e.g. in a
    worker process (trafilatura is the slowest part of reading).
    """
    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    meta: Meta = {}
    for p in paths:
        for m in _auto_manifests(p):
            yield from _merge_manifest(meta, m)
    if manifest is not None:
        yield from _merge_manifest(meta, Path(manifest))
    for p in paths:
        if p.is_dir():
            for f in _walk(p):
                ext = f.suffix.lower()
                if ext in ARTICLE_EXT:
                    yield from _read_file(f, meta, defer_html)
                elif not (ext in NOT_ARTICLES or ".duckdb" in f.name):
                    yield _unknown_type(f)  # maybe an article we cannot read: say so
        elif p.exists():
            if p.name in MANIFEST_NAMES:
                continue
            if p.suffix.lower() not in ARTICLE_EXT:
                yield _unknown_type(p)
                continue
            yield from _read_file(p, meta, defer_html)
        else:
            yield LoadError(p, "no such file or folder", fix="check the path")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name in MANIFEST_NAMES:
                continue
            yield Path(root) / name


def _unknown_type(p: Path) -> LoadError:
    if p.suffix.lower() in (".csv", ".tsv"):
        return LoadError(p, "a table, not an article", fix="name a manifest manifest.csv or pass --manifest")
    return LoadError(p, f"unknown file type '{p.suffix or '(none)'}'",
                     fix="save articles as .txt, .md, .html, .json or .jsonl")


def _auto_manifests(p: Path) -> list[Path]:
    if not p.is_dir():
        return []
    found = []
    for root, dirs, files in os.walk(p):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / n for n in MANIFEST_NAMES if n in files]
    return found


# --- manifests ------------------------------------------------------------------

def _merge_manifest(meta: Meta, path: Path) -> Iterator[LoadError]:
    try:
        rows = list(_manifest_rows(path))
    except LoadError as e:
        yield e
        return
    except OSError as e:
        yield LoadError(path, f"cannot read manifest ({e.strerror})", fix="check the path")
        return
    for line, row in rows:
        if isinstance(row, LoadError):
            yield row
            continue
        row = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        key_field = next((k for k in KEY_FIELDS if _value(row.get(k))), None)
        if key_field is None:
            yield LoadError(path, "row has no doc_id, id, doc or file", line=line,
                            fix="add one of those columns")
            continue
        key = _value(row[key_field])
        if key_field == "file":
            key = Path(key).stem
        fields, bad = _metadata(row, path, line)
        if bad:
            yield bad
        meta.setdefault(key, {}).update(fields)


def _manifest_rows(path: Path):
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or not set(f.strip().lower() for f in reader.fieldnames) & set(KEY_FIELDS):
            raise LoadError(path, "manifest has no doc_id, id, doc or file column",
                            line=1, fix="add a header row naming one of them")
        for row in reader:
            yield reader.line_num, row
    else:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                yield n, LoadError(path, f"invalid JSON ({e.msg})", line=n, fix="fix the line or remove it")
                continue
            if not isinstance(row, dict):
                yield n, LoadError(path, "expected a JSON object", line=n, fix="one object per line")
                continue
            yield n, row


def _metadata(row: dict, path: Path, line: int | None) -> tuple[dict, LoadError | None]:
    """The metadata fields (FIELDS) of a manifest row or a JSON record. An unreadable date is
    left out and returned as the error; the caller reports it (manifest) or fails the record."""
    out, bad = {}, None
    for field, names in FIELDS.items():
        v = next((_value(row.get(n)) for n in names if _value(row.get(n))), None)
        if v is None:
            continue
        if field == "published":
            v = parse_date(v)
            if v is None:
                bad = LoadError(path, f"unreadable published date {row.get('published')!r}",
                                line=line, fix="write dates as YYYY-MM-DD")
                continue
        out[field] = v
    return out, bad


def _value(v) -> str | None:
    if v is None:
        return None
    v = str(v).strip()
    return v or None


def parse_date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        from dateutil import parser
        return parser.parse(s).date()
    except (ValueError, OverflowError, TypeError):
        return None


def _apply_meta(doc: Document, meta: Meta) -> Document:
    for field, v in meta.get(doc.doc_id, {}).items():
        setattr(doc, field, v)
    return doc


# --- files ------------------------------------------------------------------------

MAX_ARTICLE_MB = 10     # one article (a text/HTML file, a JSONL line); real ones are < 1 MB
MAX_JSON_MB = 200       # a .json file is parsed whole; bigger collections belong in JSONL


def _too_big(path: Path, size: int, limit_mb: int, line: int | None = None, what: str = "file") -> LoadError:
    return LoadError(path, f"{what} too large ({size / 2**20:.1f} MB > {limit_mb} MB limit)", line=line,
                     fix="split it, or keep only the article text" if what != "JSON file"
                     else "write the records as JSONL, one a line")


def _read_file(path: Path, meta: Meta, defer_html: bool = False) -> Iterator[Document | LoadError]:
    ext = path.suffix.lower()
    try:
        size = path.stat().st_size
        if ext in RECORD_EXT and ext != ".json":
            yield from _read_jsonl(path, meta, defer_html)
            return
        limit = MAX_JSON_MB if ext == ".json" else MAX_ARTICLE_MB
        if size > limit * 2**20:
            yield _too_big(path, size, limit, what="JSON file" if ext == ".json" else "file")
            return
        data = path.read_bytes()
    except OSError as e:
        yield LoadError(path, f"cannot read file ({e.strerror})", fix="check permissions")
        return
    try:
        text = decode(data)
    except ValueError as e:
        yield LoadError(path, str(e), fix="only text, HTML and JSON files can be loaded")
        return
    if not text.strip():
        yield LoadError(path, "empty", fix="remove the file or add the article text")
        return
    if ext in TEXT_EXT:
        yield _apply_meta(Document(doc_id=path.stem, text=text, source_path=str(path),
                                   fmt=TEXT_EXT[ext]), meta)
    elif ext in HTML_EXT and defer_html:
        yield _apply_meta(Document(doc_id=path.stem, text="", source_path=str(path), fmt="html",
                                   original=text), meta)
    elif ext in HTML_EXT:
        try:
            doc = from_html(text, doc_id=path.stem, source_path=str(path))
        except LoadError as e:
            yield e
            return
        yield _apply_meta(doc, meta)
    else:
        yield from _read_json(path, text, meta, defer_html)


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
    res = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = (getattr(res, "text", None) or "").strip() if res is not None else ""
    if not text:
        text = (trafilatura.html2txt(html) or "").strip()
    if not text:
        raise LoadError(source_path, "no article text found in the HTML",
                        fix="check the page has the article body, not only a script shell")
    published = None
    try:
        import htmldate
        published = parse_date(htmldate.find_date(html, extensive_search=False, original_date=True))
    except Exception:  # htmldate is best-effort metadata; the text still loads
        published = None
    if published is None and res is not None:
        published = parse_date(getattr(res, "date", None))
    return Document(doc_id=doc_id, text=text, source_path=source_path, fmt=fmt, original=html,
                    title=_value(getattr(res, "title", None)),
                    outlet=_value(getattr(res, "sitename", None)),
                    url=_value(getattr(res, "url", None)), published=published)


def _record(rec, path: Path, fmt: str, default_id: str, line: int | None, original: str,
            defer_html: bool = False) -> Document:
    if not isinstance(rec, dict):
        raise LoadError(path, "expected a JSON object (a record)", line=line,
                        fix="write {\"id\": ..., \"text\": ...}")
    rec = {str(k).lower(): v for k, v in rec.items()}
    doc_id = _value(rec.get("id")) or _value(rec.get("doc_id")) or default_id
    text, html = rec.get("text"), rec.get("html")
    for name, v in (("text", text), ("html", html)):
        if v is not None and not isinstance(v, str):
            raise LoadError(path, f"record {doc_id!r}: \"{name}\" is a {type(v).__name__}, not a string",
                            line=line, fix=f"put the article as one string in \"{name}\"")
    if _value(text):
        doc = Document(doc_id=doc_id, text=str(text), source_path=str(path), fmt=fmt, original=original)
    elif _value(html) and defer_html:
        doc = Document(doc_id=doc_id, text="", source_path=str(path), fmt=fmt, original=original)
    elif _value(html):
        doc = from_html(str(html), doc_id=doc_id, source_path=str(path), fmt=fmt)
        doc.original = original
    else:
        raise LoadError(path, f"record {doc_id!r} has no text or html", line=line,
                        fix="add a \"text\" field")
    doc.line = line
    fields, bad = _metadata(rec, path, line)
    if bad:
        raise bad
    for field, v in fields.items():
        setattr(doc, field, v)
    return doc


def _read_json(path: Path, text: str, meta: Meta, defer_html: bool) -> Iterator[Document | LoadError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield LoadError(path, f"invalid JSON ({e.msg})", line=e.lineno, fix="fix the file")
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield LoadError(path, "empty (no records)", fix="add records or remove the file")
        return
    for i, rec in enumerate(records, 1):
        default = path.stem if not isinstance(data, list) else f"{path.stem}-{i}"
        try:
            doc = _record(rec, path, "json", default, None, json.dumps(rec, ensure_ascii=False), defer_html)
        except LoadError as e:
            if isinstance(data, list):
                e.reason = f"record {i}: {e.reason}"
            yield e
            continue
        yield _apply_meta(doc, meta)


def _read_jsonl(path: Path, meta: Meta, defer_html: bool) -> Iterator[Document | LoadError]:
    """Streamed line by line (split on b"\\n" only: JSON strings may hold U+2028)."""
    records = 0
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if len(raw) > MAX_ARTICLE_MB * 2**20:
                yield _too_big(path, len(raw), MAX_ARTICLE_MB, line=n, what="line")
                continue
            if not raw.strip():
                continue
            records += 1
            try:
                line = decode(raw).lstrip("\ufeff").rstrip("\r\n")
                rec = json.loads(line)
            except ValueError as e:   # JSONDecodeError is a ValueError, so is undecodable bytes
                msg = f"{e.msg} at column {e.colno}" if isinstance(e, json.JSONDecodeError) else str(e)
                yield LoadError(path, f"invalid JSON ({msg})", line=n, fix="fix the line or remove it")
                continue
            try:
                yield _apply_meta(_record(rec, path, "jsonl", f"{path.stem}-{n}", n, line, defer_html), meta)
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
        rec = {str(k).lower(): v for k, v in json.loads(doc.original).items()}
        html = str(rec.get("html") or "")
    page = from_html(html, doc_id=doc.doc_id, source_path=doc.source_path, fmt=doc.fmt)
    doc.text = page.text
    for field in ("title", "outlet", "url", "published"):
        if getattr(doc, field) is None:
            setattr(doc, field, getattr(page, field))
    return doc
