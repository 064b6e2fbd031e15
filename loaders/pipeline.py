"""Document -> Extracted: the pure extraction pipeline.

No I/O here beyond reading the bundled reference dictionaries (cached), so it
can run in worker processes and be tested alone.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from . import cleaning, dates, events, figures, places, sentences
from .document import Doc
from .model import Article, Document, Extracted, Figure

_HERE = Path(__file__).resolve().parent
# Files whose content decides what extraction produces. I/O-only modules are left
# out so that changing the store or the CLI does not re-extract every article.
_NOT_RULES = {"__init__.py", "__main__.py", "errors.py", "ingest.py", "sources.py", "store.py", "schema.py",
              "fetch.py", "feeds.py", "watch.py", "rows.py", "segments.py", "compact.py",
              "corrections.py", "csvsafe.py"}   # corrections apply at read time, not at extraction


def _extractor_version() -> str:
    """A digest of the rule code and the reference dictionaries: when either changes,
    articles loaded by the older rules are re-extracted on the next ingest instead
    of being reported unchanged. Nobody has to remember to bump a number."""
    h = hashlib.sha256()
    files = sorted(p for p in _HERE.glob("*.py") if p.name not in _NOT_RULES)
    files += sorted((_HERE.parent / "data" / "reference").glob("*.csv"))
    files += sorted((_HERE.parent / "data" / "reference").glob("*.tsv.gz"))   # the gazetteer
    for path in files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


EXTRACTOR_VERSION = _extractor_version()


def content_hash(doc: Document) -> str:
    h = hashlib.sha256()
    for part in (doc.text, doc.title, doc.outlet, doc.url,
                 doc.published.isoformat() if doc.published else None):
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def stable_id(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def extract(doc: Document, now: dt.datetime | None = None) -> Extracted:
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    cleaned = cleaning.clean(doc.text, title=doc.title)
    text = cleaning.reading_copy(cleaned.text)     # what the rules read; same offsets
    sents = sentences.split(text)
    # Lines cleaning lifted off (title, furniture) may carry a "Published: ..." stamp.
    header = "\n".join(filter(None, [cleaned.title, *cleaned.removed]))
    main_place = places.main_place(text, cleaned.title, sents)
    pub = dates.publication(
        given=doc.published, text=text, dateline=cleaned.dateline, today=now.date(),
        header=header, url=doc.url, title=cleaned.title, main_place=main_place)
    published, how = pub.date, pub.how
    dateline_place = places.dateline_place(cleaned.dateline)
    ctx = Doc(doc_id=doc.doc_id, text=text, sentences=sents, published=published,
                  title=cleaned.title, main_place=main_place, dateline_place=dateline_place,
                  url=doc.url, outlet=doc.outlet)
    ctx.main_region = _main_region(ctx)
    figs = figures.extract_figures(ctx)
    evs = events.extract_events(ctx)
    for f in figs:
        if f.figure_date is None:
            f.figure_date = f.period_end or published
            f.date_precision = f.date_precision or ("day" if f.figure_date else None)
        f.figure_id = stable_id(doc.doc_id, "figure", f.kind, f.span_start, f.span_end)
    assign_claim_keys(figs, main_place)
    if text is not cleaned.text:
        _as_written(figs, evs, text, cleaned.text)
    for e in evs:
        e.event_id = stable_id(doc.doc_id, "event", e.event_type, e.place, e.span_start, e.span_end)
    article = Article(
        doc_id=doc.doc_id, title=cleaned.title, outlet=doc.outlet, url=doc.url,
        published=published, published_how=how, published_precision=pub.precision,
        dateline=cleaned.dateline,
        dateline_place=dateline_place, main_place=main_place, text=cleaned.text,
        original_text=doc.original if doc.original is not None else doc.text,
        content_hash=content_hash(doc) + ":" + EXTRACTOR_VERSION,
        source_path=doc.source_path, fmt=doc.fmt, loaded_at=now)
    return Extracted(article, figs, evs)


def _as_written(figs: list[Figure], evs: list, read: str, written: str) -> None:
    """Sentences and number words as the article wrote them (brackets back): the offsets agree."""
    def back(s: str, start: int) -> str:
        return written[start:start + len(s)] if read[start:start + len(s)] == s else s
    for f in figs:
        f.sentence = back(f.sentence, f.sentence_start)
        f.number_text = back(f.number_text, f.span_start)
    for e in evs:
        e.sentence = back(e.sentence, e.sentence_start)
        e.trigger = back(e.trigger, e.span_start)


def _main_region(ctx: Doc) -> str | None:
    """The oblast named most (at least twice, and more than any other) when no town stands out."""
    counts: dict[str, int] = {}
    for i in range(len(ctx.sentences)):
        # once a sentence: a list of its districts ("Kupiansk and Izium districts") names it once
        for name in {m.name for m in ctx.places(i) if m.kind == "oblast"}:
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def assign_claim_keys(figs: list[Figure], main_place: str | None) -> None:
    """Give every figure the key of the claim it states.

    Inside one article a number is often told twice ("more than 1,100 died in the past few
    days" ... "we killed over 1,100 enemy soldiers"): same kind, sides and bounds make one
    claim, whose place and period are the first ones stated. Two different places stay two
    claims. Across articles the key matches when kind, sides, bounds, place and period do."""
    groups: dict[tuple, list[Figure]] = {}
    for f in figs:
        groups.setdefault((f.kind, f.subject_side, f.claimant_side, f.value, f.value_low,
                           f.value_high, f.place), []).append(f)
    # mentions with no place join the one placed telling of the same number, if unique
    for k in [k for k in groups if k[-1] is None]:
        placed = [g for g in groups if g[:-1] == k[:-1] and g[-1] is not None]
        if len(placed) == 1:
            groups[placed[0]].extend(groups.pop(k))
    for (kind, subj, claimant_side, value, low, high, place), fs in groups.items():
        fs.sort(key=lambda f: f.span_start)
        period = next(((f.period_start, f.period_end) for f in fs if f.period_end), (None, None))
        key = stable_id("claim", kind, subj, claimant_side, value, low, high,
                        place or main_place, *period)
        for f in fs:
            f.claim_key = key
