"""Where one number (or event) comes from: its sentence with the words marked, the paragraph
around it, the article (title, outlet, date and how sure that date is, link), how claimant,
side and place were decided, and any analyst's correction. Pages render it with
pages/_provenance.py; everything here is plain data."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from loaders.corrections import FIELDS, ID, KIND, SIDE, TABLE, WORDS

from .db import rows

PARAGRAPH_MAX = 1500   # characters of paragraph shown around the sentence (some lines are huge)

HOW_WORDS = {"stated": "stated in the sentence", "context": "carried from the context (an earlier sentence, "
             "the headline or the briefing)", "default": "defaulted (nothing in the text says)",
             "analyst": "set by an analyst's correction"}
DATE_HOW = {"given": "given by the source's metadata", "inferred": "inferred from the text",
            "unknown": "unknown"}


@dataclass
class Part:
    """A run of text; `mark` is 'number' (the figure's words), 'sentence' or ''."""
    text: str
    mark: str = ""


@dataclass
class Provenance:
    item: str                         # figure, event
    row: dict                         # the row as pages show it (corrections applied)
    raw: dict                         # the row as extracted
    article: dict
    sentence: list[Part]
    paragraph: list[Part]
    paragraph_cut: bool               # the paragraph was shortened around the sentence
    decided: list[tuple[str, str, str]]    # (what, value, how decided)
    correction: dict | None = None
    changed: list[tuple[str, object, object]] = field(default_factory=list)   # (column, was, now)

    @property
    def rejected(self) -> bool:
        return self.row.get("review_status") == "rejected"


def _marked(text: str, start: int, end: int, mark: str = "number") -> list[Part]:
    """`text` split into before / marked / after; offsets outside the text mark nothing."""
    if not (0 <= start < end <= len(text)):
        return [Part(text)]
    return [p for p in (Part(text[:start]), Part(text[start:end], mark), Part(text[end:])) if p.text]


def sentence_parts(sentence: str, rel_start: int, rel_end: int, words: str) -> list[Part]:
    """The sentence with the words marked; if the offsets do not hold the words (an older row),
    the first occurrence of the words is marked instead."""
    s = sentence or ""
    if words and not (0 <= rel_start < rel_end <= len(s) and s[rel_start:rel_end] == words):
        i = s.find(words)
        rel_start, rel_end = (i, i + len(words)) if i >= 0 else (-1, -1)
    return _marked(s, rel_start, rel_end)


def paragraph_parts(text: str, sent_start: int, sent_end: int, span_start: int, span_end: int,
                    limit: int = PARAGRAPH_MAX) -> tuple[list[Part], bool]:
    """The paragraph (line of the cleaned text) holding the sentence: the sentence marked as
    such and the number inside it, cut to `limit` characters around the sentence."""
    if not text or not (0 <= sent_start <= span_start <= span_end <= len(text)):
        return [], False
    lo = text.rfind("\n", 0, sent_start) + 1
    hi = text.find("\n", sent_end)
    hi = len(text) if hi < 0 else hi
    cut = False
    if hi - lo > limit:
        spare = max(limit - (sent_end - sent_start), 0) // 2
        lo2, hi2 = max(lo, sent_start - spare), min(hi, sent_end + spare)
        cut = (lo2, hi2) != (lo, hi)
        lo, hi = lo2, hi2
    parts = [Part(text[lo:sent_start]), Part(text[sent_start:span_start], "sentence"),
             Part(text[span_start:span_end], "number"), Part(text[span_end:sent_end], "sentence"),
             Part(text[sent_end:hi])]
    return [p for p in parts if p.text], cut


def lookup(db, item: str, row_id: str) -> Provenance | None:
    """Everything about one figure or event (rejected ones too), or None if no such row."""
    if item not in TABLE:
        raise ValueError(f"unknown item {item!r}")
    t, rid = TABLE[item], ID[item]
    found = rows(db, f"SELECT * FROM {t}_all WHERE {rid} = ?", [row_id])
    if not found:
        return None
    row = found[0]
    raw = rows(db, f"SELECT * FROM {t}_raw WHERE {rid} = ?", [row_id])[0]
    art = rows(db, """SELECT doc_id, title, outlet, url, published, published_how, published_precision,
                             dateline, main_place, source_path, fmt, text
                      FROM articles WHERE doc_id = ?""", [row["doc_id"]])
    article = art[0] if art else {"doc_id": row["doc_id"]}
    text = article.pop("text", "") or ""
    s0, a, b = row["sentence_start"], row["span_start"], row["span_end"]
    words = row[WORDS[item]]
    sentence = sentence_parts(row["sentence"], a - s0, b - s0, words)
    s_end = s0 + len(row["sentence"] or "")
    if text[s0:s_end] == row["sentence"]:
        paragraph, cut = paragraph_parts(text, s0, s_end, a, b)
    else:   # offsets that do not fit the stored text: show no paragraph rather than a wrong one
        paragraph, cut = [], False
    corr = None
    if row.get("correction_id"):
        got = rows(db, "SELECT * FROM corrections WHERE correction_id = ?", [row["correction_id"]])
        corr = got[0] if got else None
    changed = [(col, raw.get(col), row.get(col)) for col in FIELDS[item]
               if col in raw and raw.get(col) != row.get(col)]
    return Provenance(item=item, row=row, raw=raw, article=article, sentence=sentence, paragraph=paragraph,
                      paragraph_cut=cut, decided=decided(item, row, article), correction=corr, changed=changed)


def _how(code) -> str:
    return HOW_WORDS.get(code or "", "how it was decided is not recorded")


def decided(item: str, row: dict, article: dict) -> list[tuple[str, str, str]]:
    """How each attribution was reached, in words: (what, value, how)."""
    from .style import side_label
    claimant = row.get("claimant") or "nobody named"
    out = [("Who says so", f"{claimant} ({side_label(row.get('claimant_side'))})", _how(row.get("claimant_how")))]
    side = row.get(SIDE[item])
    from .style import CASUALTY_KINDS
    label = ("Whose losses" if row.get("kind") in CASUALTY_KINDS else "About whom") if item == "figure" \
        else "Acting side"
    out.append((label, side_label(side) if side else "not said", _how(row.get("side_how"))))
    if row.get("place"):
        out.append(("Place", row["place"], _how(row.get("place_how"))))
    else:
        main = article.get("main_place")
        out.append(("Place", main or "none", "the article's main place (no place at the number)"
                    if main else "no place found in the article"))
    date_col = "figure_date" if item == "figure" else "event_date"
    when = row.get(date_col)
    pub = article.get("published")
    if when is None:
        out.append(("Date", pub.isoformat() if pub else "unknown",
                    "the publication date (no date at the number)" if pub else "no date known"))
    else:
        precision = row.get("date_precision") or "day"
        how = "set by an analyst's correction" if "date" in (row.get("corrected_fields") or "") else (
            "the end of the stated period" if item == "figure" and row.get("period_end") == when else
            "the publication date" if when == pub else "read from the text")
        out.append(("Date", f"{when.isoformat()} (to the {precision})", how))
    return out


def original_values(prov: Provenance) -> dict:
    """The corrected columns as extracted (from the correction, else the raw row)."""
    if prov.correction and prov.correction.get("original"):
        try:
            return json.loads(prov.correction["original"])
        except ValueError:
            pass
    return {c: w for c, w, _ in prov.changed}


def kind_of(prov: Provenance) -> str:
    return prov.row.get(KIND[prov.item]) or ""
