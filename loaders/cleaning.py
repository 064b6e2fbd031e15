"""Page furniture removal: keep the article, drop what the page put around it.

Rules work line by line (one paragraph a line) and are general phrase lists and
shapes, never a particular article's sentences:

- appeal blocks ("A Message from ...", "Dear readers", "support us"): dropped from
  the heading to the block's end ("Remind me later", or the last appeal-like line);
- link lists ("READ MORE", "ALSO READ:", "Related:"): the heading and the
  headline-like lines (short, no final full stop) right after it;
- photo captions and credits ("... Ukraine, on Monday. AP", "REUTERS/Name",
  "Photo: ...", "(Photo by ...)"), bylines and reporting credits, share bars,
  newsletter boxes, weather widgets, cookie notices, ad markers.

Conservative: a line with quotation marks or a reporting verb ("said", "told") is
article prose and is never taken for a caption, credit or byline. A headline-like
first line becomes the title; a leading dateline ("KYIV, April 10 (Reuters) -") is
lifted out as metadata so it is not read as a place claim.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass
class Cleaned:
    text: str                 # article body: furniture removed, title and dateline lifted out
    title: str | None         # given title, else a headline-like first line
    dateline: str | None      # "KYIV, April 10 (Reuters) -" as written, or None
    removed: list[str]        # the furniture lines/fragments dropped, for tests and debugging


def _rx(*alternatives: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


class _Rules:
    """Line patterns split by anchor, because one regex mixing anchored and floating
    alternatives is tried at every position of every (long) line: `start` patterns
    match at the line's start, `tail` patterns search only its last characters."""

    def __init__(self, start=(), tail=(), tail_chars: int = 160):
        self.start = _rx(*start) if start else None
        self.tail = _rx(*tail) if tail else None
        self.tail_chars = tail_chars

    def search(self, line: str) -> bool:
        return bool((self.start and self.start.match(line))
                    or (self.tail and self.tail.search(line[-self.tail_chars:])))


AGENCIES = (r"AP|AFP|Reuters|REUTERS|EPA(?:-EFE)?|EFE|Getty Images|Anadolu(?: Agency)?|TASS|"
            r"RIA Novosti|Sputnik|Ukrinform|UNIAN|Xinhua|Shutterstock|Handout|Pool|dpa|"
            r"Associated Press|SIPA|NurPhoto|Bloomberg|Alamy")
MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DASH = r"(?:-{1,2}|\u2013|\u2014)"

# Reporting verbs and quotes mark real article prose.
_PROSE = re.compile(
    r"[\"\u201c\u201d\u00ab\u00bb\u201e]|\b(?:said|says|say|told|tells|stated|states|added|adds|"
    r"reported|reports|according to|announced|claimed|claims|wrote|writes|confirmed|estimated|"
    r"warned|declared)\b", re.IGNORECASE)

# -- appeals ------------------------------------------------------------------------
_APPEAL_HEAD = _Rules(start=(
    r"an? (?:message|note|word) from\b.{0,60}$",
    r"dear (?:readers?|friends|subscribers|supporters)\b",
    r"(?:please )?support (?:us|our (?:work|journalism|newsroom)|independent (?:journalism|media))\b",
    r"(?:become|join us as) an? (?:member|supporter|patron|subscriber)\b",
    r"(?:we|you) (?:need|rely on) (?:your|reader) (?:help|support)\b",
))
_APPEAL_END = _Rules(start=(r"remind me later\.?$", r"(?:maybe|not now|no thanks|continue reading)\.?$",
                           r"close\.?$"))
_APPEAL_WORDS = _rx(r"\b(?:we|our|us|you|your|yours)\b", r"\bdonat", r"\bcontribut", r"\bsupport",
                    r"\bsubscri", r"\bjournalis", r"\bmembers?hip\b", r"\bpaywall\b")
# Single lines that are appeals wherever they stand.
_APPEAL_LINE = _Rules(start=(
    r"(?:please )?(?:donate|support us|subscribe|contribute)(?: now| today)?[.!]?$",
    r"remind me later\.?$",
    r"(?:support|fund) (?:independent|our) (?:journalism|reporting|work)\b.{0,80}$",
    r"make an? (?:one-off|one-time|monthly|yearly|recurring) (?:donation|contribution|payment)\b.{0,80}$",
))

# -- link lists ------------------------------------------------------------------------
_LINK_HEAD = re.compile(
    r"^(?:read (?:more|also|next)|also read|see also|watch (?:more|also|next)|also watch|related(?: (?:stories|articles|news|coverage|content|reading))?|"
    r"more (?:on this(?: story)?|from [\w .]{1,30}|stories|news)|recommended(?: stories)?|"
    r"you (?:may|might) (?:also )?(?:like|be interested in)|most (?:read|popular)|trending(?: now)?|"
    r"latest (?:news|stories)|top stories|editor'?s picks|what to read next|further reading|more about|latest(?=\s*$))"
    r"\s*(?P<sep>[:\-\u2013\u2014|>\u00bb]?)\s*(?P<rest>.*)$",
    re.IGNORECASE)

# -- captions and credits -------------------------------------------------------------------
_CAPTION = _Rules(tail=(
    rf"[.!?]\s*(?-i:{AGENCIES})(?: Photo)?(?:\s*(?:/|via)\s*[\w .'\-/]{{1,60}})?\.?$",   # "... on Monday. AP"
    r"\b(?:REUTERS|AFP|AP|EPA)/[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}(?:/File Photo)?\.?$",
    rf"\((?:{AGENCIES})? ?Photo(?:graph)?(?: by|:|/)[^)]*\)\.?$",
    # "... in Kherson on November 19, 2022 [Roman Hrytsyna/AP]", "[File: Vadim Ghirda/AP]"
    rf"\[(?:File(?: photo)?:\s*)?[^\[\]]{{0,60}}/\s*(?:{AGENCIES})\]\.?$",
    # the AP's caption ending: "... after fighting in Kharkiv, Ukraine, Sunday, Feb. 27, 2022."
    r",\s+(?:(?:eastern|western|northern|southern|central|northeastern|southeastern)\s+)?(?:Ukraine|Russia),\s+"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+"
    rf"{MONTHS}\s+\d{{1,2}},\s+\d{{4}}\.?(?:\s*\([^()]{{0,60}}\))?$",
), start=(
    r"(?:file )?photo(?:graph)?s?(?: by|:)\s",
    r"(?:image|picture|video|illustration)(?: caption)?:\s",
    r"(?:photo|image) (?:credit|source)s?:?\s",
    r"credits?:\s",
    r"\u00a9\s?\S",
    rf"(?:{AGENCIES})(?: Photo)?/[\w .'\-]+$",
))
_CREDIT = _Rules(start=(
    r"\(?(?:additional )?(?:reporting|writing|editing|compiled|research|graphics?) by\b[^()]*\)?\.?$",
    r"(?:by|words by|text by)\s+(?-i:[A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]+|and|&|de|van|von|der)){0,6}"
    rf"(?:\s*(?:,|\||{DASH}|for|in)\s*[A-Z][\w '\-]{{0,40}})?)$",
    rf"(?:{AGENCIES}|The Associated Press|Agence France-Presse|Staff and agencies|Agencies)\.?$",
    r"our standards:",
    r"(?:published|updated|last updated|posted|first published)(?: on| at)?:?\s.{0,60}\d.{0,30}$",
    r"\d+\s*min(?:ute)?s? read$",
    r"listen to (?:this|the) (?:article|story)\b.{0,40}$",
))
_TRAILING_CREDIT = re.compile(
    r"\s*\((?:additional )?(?:reporting|writing|editing) by [^()]*\)\s*$", re.IGNORECASE)
# a link glued to the end of a paragraph: "... residential building.Read also: One killed in ..."
_TRAILING_LINK = re.compile(r"(?<=[.!?\"\u201d])\s*(?:Read also|Also read|Read more|See also):\s*[^.!?]{5,160}$")

# -- boxes, widgets, bars -------------------------------------------------------------------
_SHARE_WORDS = {"share", "shares", "this", "article", "story", "on", "via", "facebook", "twitter", "x",
                "telegram", "whatsapp", "email", "e-mail", "mail", "copy", "link", "print", "linkedin",
                "reddit", "viber", "messenger", "pinterest", "tweet", "bluesky", "threads", "save",
                "comments", "comment", "flipboard", "vk", "ok"}
_SHARE_CUES = {"facebook", "twitter", "telegram", "whatsapp", "link", "linkedin", "reddit", "email", "tweet"}
_BOX = _Rules(start=(
    r"sign up (?:for|to)\b.{0,160}$",
    r"subscribe to (?:our|the)\b.{0,120}$",
    r"(?:get|receive) (?:our|the) .{0,60}(?:newsletter|briefing|in your inbox)\b.{0,80}$",
    r"enter your e-?mail(?: address)?\b.{0,60}$",
    r"by (?:signing up|subscribing|clicking)\b.{0,200}(?:privacy|terms)\b.*$",
    r"(?:accept|reject|allow) (?:all|cookies)\b.{0,40}$",
    r"(?:manage|cookie) (?:preferences|settings)\.?$",
    r"(?:privacy policy|terms of (?:use|service))\.?$",
    r"(?:skip )?advertisement\.?$",
    r"(?:sponsored(?: content)?|story continues below(?: advertisement)?|scroll to continue)\.?$",
    r"(?:weather|humidity|wind|sunrise|sunset|feels like)\b[^.]{0,40}$",
    r"[^.]{0,40}-?\d{1,3}\s?\u00b0\s?[CF]\b[^.]{0,30}$",
    r"(?:tags|topics|filed under)\s*:\s.{0,200}$",
    r"(?:advertisement|advert|ad)\s*[:\-]?\s*$",
    # a gallery's controls and counter: "Previous slide Next slide Fullscreen mode", "1 / 12"
    r"(?:previous|next|prev) (?:slide|image|photo|picture)\b.{0,80}$",
    r"(?:fullscreen|full screen|exit full ?screen)(?: mode)?\.?$",
    r"\d{1,2}\s*/?\s*\d{1,2}$",
))
# Floating patterns, tried only on short lines that contain their keyword.
_NEWSLETTER = _rx(r"\bnewsletter\b.{0,80}\b(?:inbox|sign up|subscribe)\b",
                  r"\b(?:to|in) your inbox\b", r"[.!?]\s*(?:subscribe|sign up)(?: now| here)?\.?$")
_COOKIES = _rx(r"\bcookies?\b.{0,200}\b(?:accept|consent|settings|policy|preferences|agree)\b")


# -- datelines --------------------------------------------------------------------------------
_DATE = rf"(?:{MONTHS}\s+\d{{1,2}}(?:,?\s*\d{{4}})?|\d{{1,2}}\s+{MONTHS}(?:\s+\d{{4}})?)"
_PLACE_PART = r"[A-Z][\w'.\-]*(?:[ \-][A-Z][\w'.\-]*){0,3}"
_DATELINE = re.compile(
    rf"^(?P<dl>"
    rf"(?:{_PLACE_PART}(?:,\s*{_PLACE_PART})*(?:,\s*{_DATE})?\s*)?\((?:{AGENCIES})\)\s*{DASH}"  # (Reuters) -
    rf"|[A-Z][A-Z'.\-]+(?:[ \-][A-Z][A-Z'.\-]+){{0,3}}(?:,\s*{_PLACE_PART})*(?:,\s*{_DATE})?\s*{DASH}"  # KYIV —
    # "MOSCOW (Reuters) -Russian forces ...": an agency's dash may touch the first word
    rf")(?:\s+(?=\S)|(?<=\)\s[-–—])(?=[A-Z])|(?<=\)[-–—])(?=[A-Z]))")

_TERMINAL = re.compile(r"[.!?:;,][\"'\u201d\u2019)\]]*$|[\"\u201d]$")
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00d0\u00d1\u00e2][\u0080-\u00bf\u0152-\u2122]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# The runs _SPACES.sub(" ") changes (two or more, or one that is not a plain space): same
# text out, without rewriting every single space of the article.
_SPACE_RUNS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
                         r"(?:[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+|(?<=[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]))")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


# Sentences glued by a lost space ("the mayor said.The head of ..."): a lowercase word, a full
# stop, a capitalised word. Not "U.S.", "Censor.NET" or "ukrinform.ua" (no capital after, or
# capitals before).
_GLUED = re.compile(r"(\b(?:[a-z]{2,}|\d{1,4})[.!?][\"”’]?)([A-Z][a-z]{1,})")
_GLUED_HINT = re.compile(r"[.!?][\"”’]?[A-Z][a-z]")     # what every _GLUED match holds: a fast scan


def _unglue(m: re.Match) -> str:
    start = max(m.string.rfind(" ", 0, m.start()), m.string.rfind("\n", 0, m.start())) + 1
    if re.search(r"www|/|@", m.string[start:m.start()]):
        return m.group(0)       # an address, not two sentences
    return m.group(1) + " " + m.group(2)


def normalise(text: str) -> str:
    """Unicode NFC, mojibake repaired, spaces collapsed, one non-empty paragraph a line."""
    text = _CONTROL.sub("", text)
    if _MOJIBAKE.search(text):
        # cp1252 has no byte 0x9D, so a mis-decoded closing quote (E2 80 9D) arrives as
        # "â€" plus a replacement character that ftfy cannot guess back.
        text = text.replace("\u00e2\u20ac\ufffd", "\u201d")
        import ftfy
        text = ftfy.fix_text(text, config=ftfy.TextFixerConfig(
            uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
            unescape_html=False, explain=False))
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _SPACE_RUNS.sub(" ", text)     # whole text at once: neither crosses a line
    if _GLUED_HINT.search(text):
        text = _GLUED.sub(_unglue, text)
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# An editor's insertion inside a quotation: "more than 120,000 [people] were evacuated", "50,000
# out of [a pre-war population of] 320,000 remain". Its words belong to the sentence; its brackets
# break every phrase read across them.
# a number in scare quotes ('suffered “around 776,090” casualties'): the quotes are no speech
_QUOTED_NUMBER = re.compile(r"[“\"]((?:(?:about|around|over|more\s+than|up\s+to|nearly|almost|some|at\s+least|roughly|only)\s+)?"
                            r"\d[\d,.]*(?:\s+(?:thousand|million|billion))?)[”\"]", re.I)
_EDITORIAL = re.compile(r"\[(?=[^\[\]\n]{0,80}[A-Za-z])([^\[\]\n]{1,80})\]")


def reading_copy(text: str) -> str:
    """`text` with the brackets of editorial insertions blanked: the same length and offsets,
    so what is read from it points into `text` (which is what is stored and shown)."""
    if "[" in text:
        text = _EDITORIAL.sub(lambda m: " " + m.group(1) + " ", text)
    if "“" in text or '"' in text:
        text = _QUOTED_NUMBER.sub(lambda m: " " + m.group(1) + " ", text)
    return text


def is_prose(line: str) -> bool:
    return bool(_PROSE.search(line))


def is_headline(line: str) -> bool:
    """Short, capitalised, no closing full stop: a headline, not a paragraph."""
    words = line.split()
    return (2 <= len(words) <= 25 and len(line) <= 160 and not _TERMINAL.search(line)
            and (line[0].isupper() or line[0].isdigit()) and not _CUT_OFF.search(line))


# A line ending like this was cut mid-sentence (hard wrapping), not a headline.
_CUT_OFF = re.compile(r"(?:,|\b(?:which|who|that|and|or|the|a|an|of|to|in|on|at|for|with|by|from|as|but|its|their))$", re.I)


def _is_share_bar(line: str) -> bool:
    tokens = [t for t in re.split(r"[\s|/\u2022\u00b7,]+", line.lower()) if t]
    return bool(tokens) and len(tokens) <= 12 and all(t.strip(":") in _SHARE_WORDS for t in tokens) \
        and any(t.startswith("share") or t in _SHARE_CUES for t in tokens)


def _furniture(line: str) -> bool:
    """A single line that is page furniture wherever it stands."""
    if _APPEAL_LINE.search(line) or _BOX.search(line) or _AD_LABEL.match(line):
        return True
    if len(line) <= 300:
        low = line.lower()
        if ("cookie" in low and _COOKIES.search(line)) or (
                ("newsletter" in low or "inbox" in low or "subscribe" in low or "sign up" in low)
                and _NEWSLETTER.search(line) and not is_prose(line)):
            return True
        if len(line) <= 120 and _is_share_bar(line):
            return True
    return bool(_CAPTION.search(line) or _CREDIT.search(line)) and not is_prose(line)


def _appeal_end(lines: list[str], i: int) -> int:
    """Index after the appeal block that starts at line i."""
    j = i + 1
    while j < len(lines):
        if _APPEAL_END.search(lines[j]):
            return j + 1
        if not (_APPEAL_WORDS.search(lines[j]) or _furniture(lines[j])):
            return j
        j += 1
    return j


def _link_list_end(lines: list[str], i: int) -> int:
    j, titles = i + 1, 0
    while j < len(lines) and titles < 8:
        if _LINK_STAMP.match(lines[j]):     # "20:09, 18.02.2025" under each title
            j += 1
            continue
        if not is_headline(lines[j]) or _LINK_HEAD.match(lines[j]):
            break
        j += 1
        titles += 1
    return j


_AD_LABEL = re.compile(r"^\s*(?:advertising|advertisement|ad|sponsored(?:\s+content)?|promoted(?:\s+content)?)\s*$", re.I)
# the time and date a news site prints under each linked title
_LINK_STAMP = re.compile(r"^\s*(?:\d{1,2}:\d{2},?\s+\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+\d{1,2}:\d{2})\s*$")


def _link_title(m: re.Match) -> bool:
    """'Read also: One killed, one injured in strikes on Kharkiv region': after a "read also" label
    and its colon, one short line is the title of another article, however it is capitalised."""
    label = m.group(0)[:m.start("sep")].strip().lower()
    rest = m["rest"]
    return label in ("read also", "also read", "see also", "read more") and m["sep"] == ":" \
        and len(rest) <= 160 and not re.search(r"[.!?]\s+[A-Z]", rest)


def _drop_furniture(lines: list[str], removed: list[str]) -> list[str]:
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _APPEAL_HEAD.search(line) and not is_prose(line):
            end = _appeal_end(lines, i)
        elif (m := _LINK_HEAD.match(line)) and (not m["rest"] or (m["sep"] and (is_headline(m["rest"]) or _link_title(m)))):
            end = _link_list_end(lines, i) if not m["rest"] else i + 1
        elif _furniture(line):
            end = i + 1
            if _APPEAL_END.search(line):
                # An appeal whose heading the page (or HTML extraction) lost: take back
                # the appeal-like lines just above its "Remind me later".
                back = 0
                while kept and back < 8 and _APPEAL_WORDS.search(kept[-1]) and not is_prose(kept[-1]):
                    removed.insert(len(removed) - back, kept.pop())
                    back += 1
        else:
            stripped = _TRAILING_CREDIT.sub("", line) if line.endswith(")") else line
            if ":" in stripped:
                stripped = _TRAILING_LINK.sub("", stripped)
            if stripped != line:
                removed.append(line[len(stripped):].strip())
            if stripped:
                kept.append(stripped)
            i += 1
            continue
        removed.extend(lines[i:end])
        i = end
    return kept


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().casefold()  # noqa: E731
    return norm(a) == norm(b)


def _title_prefix(line: str, title: str) -> bool:
    """'Headline' against a page title 'Headline | Outlet' or 'Headline - Outlet'."""
    m = re.match(rf"(.+?)\s*(?:\||{DASH}|:)\s*[^|]{{1,60}}$", title)
    return bool(m) and is_headline(line) and _same(line, m[1])


# A line cut mid-sentence by hard wrapping ("the fall of X, which" / "had around 5,000 residents"):
# no closing punctuation, and the next line goes on in lower case.
_OPEN_END = re.compile(r"[\w,;’'\-–—(]$")
_GOES_ON = re.compile(r"^[a-z]")


# "announced on Nov." / "29 that all families ...": a month abbreviation cannot end a sentence
_MONTH_CUT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")
_DAY_GOES_ON = re.compile(r"^\d{1,2}\b")


def _unwrap(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        # only the last characters can end a match: not a scan of the whole line
        if out and len(out[-1]) > 30 and (_GOES_ON.match(line) and _OPEN_END.search(out[-1], len(out[-1]) - 2)
                                          or _DAY_GOES_ON.match(line) and _MONTH_CUT.search(out[-1], len(out[-1]) - 6)):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return out


_DATE_STAMP_LEAD = re.compile(r"((?i:date|dated|published|posted|updated)\s*:?\s*20\d\d-[01]\d-[0-3]\d)\s+(?=\S)")


def clean(text: str, title: str | None = None) -> Cleaned:
    removed: list[str] = []
    lines = _drop_furniture(normalise(text).split("\n") if text.strip() else [], removed)
    title = normalise(title) if title and title.strip() else None
    stamped = False
    if lines and (m := _DATE_STAMP_LEAD.match(lines[0])):
        # "date 2023-12-04 The Ministry said ...": a page's date stamp glued to its first line;
        # the line stays text (a headline there may hold the only telling of a figure)
        removed.append(m.group(1))
        lines[0] = lines[0][m.end():]
        stamped = True
    # A headline repeated as the first line, or standing alone there, is the title.
    if lines and title and (_same(lines[0], title) or _title_prefix(lines[0], title)):
        removed.append(lines.pop(0))
    elif lines and title is None and not stamped and len(lines) > 1 and is_headline(lines[0]) \
            and not _DATELINE.match(lines[0]) and len(lines[0].split()) >= 3:
        title = lines.pop(0)
    dateline = None
    if lines and (m := _DATELINE.match(lines[0])):
        dateline = m["dl"].strip()
        lines[0] = lines[0][m.end():]
        lines = _drop_furniture(lines, removed)   # furniture can follow the dateline
    else:
        # "MOSCOW (Reuters) - ..." opening the first paragraph below a standfirst or page lines
        for k in range(1, min(len(lines), 8)):
            if (m := _DATELINE.match(lines[k])) and "(" in m["dl"]:
                dateline = m["dl"].strip()
                lines[k] = lines[k][m.end():]
                break
    return Cleaned(text="\n".join(_unwrap(lines)), title=title, dateline=dateline, removed=removed)
