"""Attributions inside one sentence: who speaks and which stretch they govern.

  - "X said (that) CLAUSE"        -> governs what follows the verb
  - "CLAUSE, X said [on Monday]"  -> governs what precedes the speaker
  - "according to X", "X's statement", "a report by X" -> the whole sentence
  - '"...," said X, a spokesperson' -> the quote before the verb
Nothing here looks beyond the sentence; claimants.py resolves pronouns,
anaphora and quotes across sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .actors import _NOT_FIRST_NAME, actor_side, find_actors, is_outlet, lookup
from .prefilter import Gated, automaton


# "X made this statement": a verb of speech, and (discourse.py) a back-reference
MADE_STATEMENT = r"made\s+(?:this|these|the|such\s+an?)\s+(?:statement|announcement|remarks?|comments?|assessment)"
_VERBS = (
    r"said|says|say|saying|stated|states|state|stating|told|tells|tell|reported|reports|report|"
    r"claimed|claims|claim|claiming|estimated|estimates|estimate|believe|believes|believed|added|adds|"
    r"wrote|writes|write|announced|announces|announce|confirmed|confirms|noted|notes|note|posted|"
    r"posts|assessed|assesses|assess|warned|warns|acknowledged|admitted|admits|insisted|"
    r"alleged|alleges|declared|indicated|revealed|put|puts|counted|counts|recorded|records|"
    r"verified|verifies|documented|documents|registered|informed|explained|cited|citing|"
    r"put|puts|reckons|reckoned|calculated|calculates|suggested|suggests|suggest|identified|established|"
    r"tallied|show|shows|showed|found|finds|concluded|concludes|"
    r"accused|accuses|described|describes|"
    r"(?:raised|raises|updated|updates|revised|revises|increased|lowered|put)\s+(?:the|its|their)\s+(?:\w+\s+)?toll|"
    r"affirm|affirms|affirmed|think|thinks|thought|specified|specifies|clarified|clarifies|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|mentioned|mentions|pointed\s+out|points\s+out|published|publishes|issued|issues|"
    r"assured|assures|" + MADE_STATEMENT
)
_VERB = re.compile(r"\b(?:(?:has|have|had|was|were|is|also|later|earlier|previously|separately|further|again|then|"
                   r"additionally|subsequently|reportedly|allegedly|now)\s+)*(" + _VERBS + r")\b")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+|\b[Aa]s\s+per\s+(?:(?:the\s+)?(?:reports?|data|information|figures)\s+(?:from|of|by)\s+)?")
_POSS_DOC = re.compile(
    r"(?P<who>(?:[A-Z][\w.'’-]*\s+){0,6}?[A-Z][\w.-]*|the\s+[\w\s'’-]{2,60}?)['’]s?\s+"
    r"(?:latest\s+|daily\s+|nightly\s+|evening\s+|morning\s+|weekly\s+|new\s+|own\s+|official\s+|"
    r"most\s+recent\s+|regular\s+|intelligence\s+|video\s+)*"
    r"(?:statement|report|estimate|estimates|figures?|count|tally|data|assessment|update|"
    r"briefing|address|bulletin|summary|calculations?|account|post)\b")
_BY_DOC = re.compile(
    r"\b(?:statement|report|estimate|estimates|figures|data|count|tally|assessment|update|"
    r"briefing|analysis|calculations?|information)\s+(?:by|from|of)\s+(?P<who>(?:the\s+)?[A-Z][^,.;:()\"“”]{1,80})")
_GIVEN_BY = re.compile(
    r"\b(?:released|published|provided|issued|compiled|given|confirmed|collected|gathered)\s+by\s+"
    r"(?P<who>(?:the\s+)?[A-Z][^,.;:()\"“”]{1,80})")
_CITING = re.compile(r"\b(?:citing|cited by|quoted by|quoting)\s+(?P<who>(?:the\s+)?[A-Za-z][^,.;:()\"“”]{1,80})")

PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}   # "according to him"
# Plural or collective descriptions of counters named earlier ("the journalists" after
# "Mediazona and the BBC Russian Service"), resolved to those named actors.
COLLECTIVES = (r"journalists|reporters|outlets?|media\s+outlets?|publications?|researchers|investigators|"
               r"authors|analysts|counters|monitors|mission|organi[sz]ations?|groups|ngos?|project|team|watchdog")
COLLECTIVE = re.compile(r"^(?:the|these|those|both)\s+(?:two\s+|three\s+|independent\s+|same\s+)?(?:"
                        + COLLECTIVES + r")$", re.I)
MEDIA_COLLECTIVES = re.compile(r"\b(?:journalists|reporters|outlets?|media|publications?)$", re.I)
# Anaphoric descriptions resolved to an earlier speaker.
ANAPHORA = re.compile(
    r"^the\s+(?:region|city|oblast|town)['’]s\s+(?:head|chief|governor|mayor)$"
    r"|^the\s+head\s+of\s+the\s+(?:region|city|oblast|town|regional\s+administration|city\s+administration)$"
    r"|^the\s+head\s+of\s+(?:the\s+)?state$"
    r"|^the\s+head\s+of\s+the\s+(?:RMA|OVA|ODA|MVA|(?:regional|city|district|town|oblast)\s+(?:military\s+|state\s+)?administration)$"
    r"|^(?:the|this|that)\s+(?:(?:same|latest|daily|new|regional|local|military|lieutenant|major|colonel|brigadier|"
    r"deputy|senior|top|chief)\s+)*(?:(?-i:[a-z][a-z-]+)\s+)?"     # "the mission report", "the monitoring mission"
    r"(?:report|statement|bulletin|briefing|press\s+release|communiqu[eé]|announcement|ministry|MoD|defen[cs]e\s+ministry|agency|official|officials|spokes(?:man|woman|person)|governor|"
    r"institute|think[- ]tank|update|assessment|post|mayor|general|"
    r"commander|president|minister|military|army|monitors?|mission|"
    r"blogger|bloggers|channel)$"
    # "His office said": the office of the person the report quotes
    r"|^(?:his|her|their)\s+(?:press\s+)?(?:office|administration|spokes(?:man|woman|person)|staff|aides?|team|"
    r"service|secretary|headquarters)$", re.I)
TITLES = {
    "president", "prime", "minister", "defence", "defense", "foreign", "gen", "general", "col",
    "colonel", "lt", "lieutenant", "mr", "mrs", "ms", "dr", "governor", "gov", "mayor",
    "commander", "chief", "spokesman", "spokeswoman", "spokesperson", "secretary", "chancellor",
    "adviser", "advisor", "aide", "ambassador", "head", "deputy", "senator", "sen", "rep", "sgt",
    "capt", "captain", "major", "maj", "admiral", "adm", "brig", "brigadier", "lieut", "gen.", "presidential", "ukrainian", "russian",
    "us", "u.s.", "british", "american", "french", "german", "regional", "military", "army",
    "ombudsman", "kremlin", "pentagon", "nato", "un", "u.n.", "state", "press", "director",
    "intelligence", "chairman", "speaker", "leader", "mercenary", "wagner", "chechen", "top",
    "former", "acting", "interim", "first", "supreme", "armed", "forces", "navy", "air", "force",
    "border", "guard", "national", "security", "council", "official", "officer", "lawmaker",
    "mp", "sergeant", "corporal", "private", "soldier", "analyst", "expert", "historian",
    "blogger", "journalist", "correspondent", "envoy", "diplomat", "pope", "kyiv", "moscow",
    "ukraine", "russia", "ukraine's", "russia's", "kyiv's", "moscow's", "rank", "second", "third",
    "lieutenant-colonel", "lieutenant-general", "major-general", "colonel-general", "col.", "lt.",
    "gen", "maj.", "capt.", "sgt.", "brig.", "senior", "junior", "chief", "press", "officer",
}
INSTITUTION_WORDS = re.compile(
    r"\b(?:Ministry|Staff|Institute|Forces|Force|Group|Command|Service|Agency|Office|Council|"
    r"Administration|Department|Army|Navy|Guard|Brigade|Battalion|Corps|Directorate|Committee|"
    r"Mission|Nations|Union|Organization|Organisation|Court|Watch|International|Cross|School|"
    r"Center|Centre|Times|News|Post|Journal|Agency|Republic|Federation|Kremlin|Pentagon|House|"
    r"Department|Mediazona|Meduza|TASS|RIA|Interfax|Reuters|ISW|NATO|UN|OHCHR|HUR|GUR|SBU|FSB|"
    r"Oryx|Rybar|Wagner)\b")
# Adjuncts allowed between a post-posed verb and the end of its clause.
_ADJ_WORD = (r"(?:\s+(?!(?:that|it|they|he|she|we|i|there|had|has|have|was|were|is|are|would|will|"
             r"could|its|their|his|her)\b)[\w'’.-]+)")
_ADJUNCT = re.compile(
    r"^(?:\s*(?:,\s*)?(?:(?:late|early)\s+)?(?:on|in|at|during|via|through|over|to|from|by|"
    r"earlier|later|last|this|yesterday|today|tonight|overnight|separately|also|without|"
    r"citing)\b(?:\s+(?:his|her|their|its)\b)?" + _ADJ_WORD + r"{0,7}"     # "on his Telegram channel"
    r"|\s*(?:Reuters|AFP|AP|the\s+Associated\s+Press|reporters|journalists|the\s+BBC|CNN|"
    r"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})(?=\s*(?:[,.;]|$|\s+(?:on|in|at|late|early|during)\b)))*"
    r"\s*(?:[,.;\"”–—]|-\s|$)")      # "... 9,000 – he said – mostly the elderly"
_SUBJECT_STOP = re.compile(
    r"(?:^|[,;:\"“”(]|\s[–—-]\s|\b(?:that|and|but|while|as|because|after|when|where|which|who|"
    r"although|though|since|if|whereas|yet|so)\s)", re.I)
_LEAD_JUNK = re.compile(
    r"^(?:\s*(?:and|but|also|however|meanwhile|separately|earlier|later|now|then|still|"
    r"in\s+addition|moreover|yet|so|both|in|on|at|from|by|under|per)\b,?)+\s*", re.I)
_LEAD_TIME = re.compile(
    r"^(?:(?:late|early|earlier|later)\s+)?(?:on\s+|last\s+|this\s+|next\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|night|"
    r"morning|evening|afternoon|today|yesterday|overnight)\b,?\s*", re.I)
_DOC_BY = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:\w+\s+){0,2}?(?:report|statement|estimates?|assessment|analysis|update|count|"
    r"tally|study|survey|investigation|briefing|data|figures|information|calculations?)\s+(?:by|from|of)\s+", re.I)
_TRAIL_JUNK = re.compile(
    r"(?:\s+(?:also|later|earlier|previously|separately|today|yesterday|tonight|now|already|had|has|have|was|were|is|would|will|"
    r"could|on\s+\w+day|late\s+on\s+\w+day|(?:near|in|at|outside|from)\s+the\s+\w+|"
    r"(?:in|on|since|by)\s+(?:early\s+|late\s+|mid-?)?(?-i:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?:\s+\d{1,2})?(?:,?\s+\d{4})?))+\s*$", re.I)


@dataclass(frozen=True)
class Attribution:
    name: str           # the speaker as written, cleaned of titles
    raw: str            # the subject as written
    start: int          # offsets of the speaker in ctx.text
    end: int
    gov_start: int      # the governed stretch, offsets in ctx.text
    gov_end: int
    pronoun: bool = False
    appos: str = ""     # ", a spokesperson for the Luhansk group": a clue to the side


# Substrings one of the forms above needs (their verbs, "according", "citing", document nouns):
# a sentence with none of them names no speaker, and costs one pass of cheap tests.
_CUES = ("said", "say", "stat", "affirm", "told", "tell", "report", "claim", "estimat", "believ", "add", "wrote", "writ", "describ", "source", "quote",
         "announc", "confirm", "note", "post", "assess", "warn", "acknowledg", "admit", "insist", "alleg",
         "declar", "indicat", "reveal", "put", "count", "record", "verif", "document", "regist", "inform",
         "explain", "cit", "reckon", "calculat", "suggest", "identif", "establish", "tall", "show", "found", "find",
         "conclu", "think", "thought", "accord", "as per", "accus", "quot", "figure", "data", "update", "brief", "bulletin",
         "summar", "address", "account", "analys", "releas", "publish", "provid", "issu", "compil", "given",
         "collect", "gather", "'s ", "’s ", "toll", "specifi", "clarifi", "stress", "emphasi", "mention", "point",
         "assur", "made th", "made such")
_CUE_SCAN = automaton(_CUES)
# The patterns behind the words each needs: most sentences hold none of them.
_ACCORDING_G, _POSS_DOC_G, _VERB_G = Gated(_ACCORDING), Gated(_POSS_DOC, also=("'", "’")), Gated(_VERB)
# "This was reported by the Air Force", "This was reported in the summary of the General Staff":
# the speaker of this sentence, and (discourse.py) of the ones around it
THIS_BY = re.compile(r"^\s*(?:(?:This|That|It)\s+(?:was|has\s+been|is)\s+(?:\w+\s+)?"
                      r"(?:reported|announced|stated|said|confirmed|posted|claimed)\s+"
                      r"(?:on\s+\w+\s+)?"          # "reported on Telegram by"
                      r"(?:by|in\s+(?:a|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:summary|report|statement|update|bulletin|"
                      r"briefing|post|message|address|press\s+release)\s+(?:of|by|from)"
                      # "This was reported in the General Staff of ...": a translation of "in the office of"
                      r"|in\s+the(?=\s+(?-i:General\s+Staff|[A-Z]\w+\s+(?:Ministry|Administration|Office|Command|Service|Staff)|"
                      r"(?:Ministry|Office|Administration|Command|Service|Headquarters)\s+of)\b))\s"
                      r"|Sources?\s*:"               # "Source: NAME, head of the city administration, on air"
                      # "About this reported NAME, head of ...": a calque of Ukrainian "Про це повідомив"
                      r"|(?:About|On)\s+this,?\s+(?:was\s+|has\s+been\s+)?(?:reported|reports|said|says|informed|informs|"
                      r"announced|stated|wrote|writes)(?:\s+(?:on\s+\w+\s+)?by)?(?=\s+(?:the\s+)?(?-i:[A-Z])|\s+the\s)"
                      r"|Quotes?\s+from\s+(?=[^:.]{2,80}:))"     # "Quote from NAME: ..."
                      r"\s*(?P<who>[^,.;:]{2,200}?)(?=\s*[,.;:]|\s*$|\s+(?:who|which|that|where|while)\b)", re.I)   # never cut inside a name
_DOC_FORMS = (Gated(_BY_DOC), Gated(_GIVEN_BY), Gated(_CITING))


# "X in the bulletin released today", "X on Telegram": what trails the speaker
_BY_TAIL = re.compile(r"\s+(?:in|on|via|through|during)\s+(?:a|an|the|its|their|his|her)\b.*$|"
                      r"\s+at\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:briefing|press\s+conference|news\s+conference|meeting|telethon|"
                      r"session|forum|summit)\b.*$|\s+(?:today|yesterday|on\s+\w+day)\b.*$")


def sentence_attributions(text: str, offset: int) -> list[Attribution]:
    if _headline_case(text):
        # "Pentagon Puts Russian Casualties at 600,000": a headline's verbs in capitals
        text = _TITLE_VERB.sub(lambda m: m.group(0).lower(), text)
    # "Russians shelled X 30 times, two wounded - Lysak": a headline's speaker after its dash,
    # when nothing else in it names one
    dash = _DASH_TAIL.search(text) if not text.rstrip().endswith(".") else None
    if dash and ((a := lookup(dash.group("who"))) is None or a.kind not in ("person", "institution")):
        dash = None
    if dash:
        dash = _make(text, offset, dash.start("who"), dash.end("who"), 0, dash.start())
    low = text.lower()
    if next(_CUE_SCAN.iter(low), None) is None:
        return [dash] if dash else []
    out: list[Attribution] = []
    n = len(text)
    for m in _ACCORDING_G.finditer(text, low=low):
        who = _np_after(text, m.end())
        if who and _NO_ONES_DATA.fullmatch(text, *who):
            continue        # "according to preliminary data": whose, the sentence does not say
        if who:
            s, e = who
            if owner := _OWNERS_DATA.match(text, s, e):
                e = owner.end("who")      # "according to the governor's estimates": the governor
            out.append(_make(text, offset, s, e, 0, n))
    for m in _POSS_DOC_G.finditer(text, low=low):
        who = m.group("who")
        s = m.start("who")
        trimmed = _clean_subject(who)
        if trimmed and _speakerish(trimmed):
            s += who.find(trimmed)
            out.append(_make(text, offset, s, s + len(trimmed), 0, n))
    for rx in _DOC_FORMS:
        for m in rx.finditer(text, low=low):
            who = _np_after(text, m.start("who"))
            if who:
                out.append(_make(text, offset, who[0], who[1], 0, n))
    this_by = THIS_BY.match(text) if low.lstrip()[:3] in ("thi", "tha", "it ", "sou", "quo", "abo", "on ") else None
    if this_by:
        # "This was announced by the ministry in its bulletin, explaining that ...": the whole sentence
        s, who = this_by.start("who"), this_by.group("who").rstrip()
        tail = _BY_TAIL.search(who)
        who = who[:tail.start()] if tail else who
        if _speakerish(_clean_subject(who) or ""):
            out.append(_make(text, offset, s, s + len(who), 0, n))
    for m in _VERB_G.finditer(text, low=low):
        a = _verb_attribution(text, offset, m)
        if a is not None:
            out.append(a)
    if this_by:     # not "It" as the speaker of "It was reported by X"
        out = [a for a in out if not (a.pronoun and a.start == offset + this_by.start())]
    # one speaker read by two forms ("according to X's estimates"): once
    out = list({(a.start, a.end, a.gov_start, a.gov_end): a for a in out}.values())
    # drop attributions nested in another one's speaker ("Ukraine's military" and "Ukraine")
    out = [a for a in out if not any(b is not a and b.start <= a.start and a.end <= b.end
                                     and (b.end - b.start) > (a.end - a.start) for b in out)]
    # "Lysak wrote about this on Telegram, Ukrinform reports": the agency relays; the official speaks
    if len(out) > 1:
        relays = [a for a in out if _RELAY_TAIL.match(text, a.end - offset) and (x := lookup(a.raw)) is not None
                  and x.kind in ("media", "outlet")]
        if relays and len(relays) < len(out):
            out = [a for a in out if a not in relays]
    # '"We estimate 500 dead," he said': the speaker is "he", not the quoted "we"
    outside = [a for a in out if not inside_quote(text, a.start - offset)]
    if outside and len(outside) < len(out):
        out = outside
    if not out and dash:
        return [dash]
    return sorted(out, key=lambda a: a.start)


# a headline's " - Surname" or " — Name Surname, Head of the X Administration" at its end
_DASH_TAIL = re.compile(r"\s[-\u2013\u2014]\s+(?P<who>[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3})"
                        r"(?:,\s+[A-Za-z][^.!?,]{2,90})?\s*$")
_RELAY_TAIL = re.compile(r"\s+(?:reports|reported|writes|wrote|informs|informed|says)\s*[.,;]?\s*$")
_OWNERS_DATA = re.compile(r"(?P<who>.+?)['\u2019]s?\s+(?:own\s+|latest\s+|preliminary\s+|updated\s+)?(?:estimates?|data|figures|"
                          r"information|calculations?|words|count|tally|assessment)$")
_NO_ONES_DATA = re.compile(r"(?:the\s+)?(?:(?:preliminary|initial|early|latest|updated|official|available|current|"
                           r"unconfirmed|operational|new|most|more|very|conservative|cautious|rough|modest|optimistic|"
                           r"pessimistic|low|lower|high|higher|recent|independent|available)\s+)*"    # "the most conservative estimates"
                           r"(?:data|information|figures|estimates|statistics|numbers|calculations|counts)", re.I)
_TITLE_VERB = re.compile(r"(?<=\s)(?:Says|Said|Puts|Put|Estimates|Estimated|Claims|Claimed|Reports|Reported|Confirms|"
                         r"Confirmed|Announces|Announced|Tells|Told|Warns|Warned|Admits|Admitted)\b")


def _headline_case(text: str) -> bool:
    """Most words capitalised and no closing full stop: a headline."""
    if text.rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) < 4:
        return False
    caps = sum(w[0].isupper() for w in words if len(w) > 3)
    return caps >= 0.7 * sum(1 for w in words if len(w) > 3)


def _make(text, offset, s, e, gs, ge, pronoun=False) -> Attribution:
    raw = text[s:e]
    return Attribution(clean_name(_display_name(raw)), raw, offset + s, offset + e, offset + gs, offset + ge,
                       pronoun, _appositive_of(text, s, e))


_DOC_NOUNS = (r"(?:report|statement|post|update|bulletin|briefing|estimates?|data|figures|assessment|analysis|"
              r"tally|count|summary|message|video|address|images?|footage|review|study|survey|investigation)")
# "a Facebook post from the Ukrainian Armed Forces", "an update published by the Marine Corps"
_DOC_OF = re.compile(r"^(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,3}?" + _DOC_NOUNS +
                     r"\s+(?:(?:published|posted|released|issued|shared)\s+)?(?:by|from|of)\s+(?P<who>.+)$")
# "a UN report", "the ISW's assessment" -> the author
_DOC_AUTHOR = re.compile(r"^(?:an?|the)\s+(?P<who>(?:[A-Z][\w.&-]*\s+){1,4}?)" + _DOC_NOUNS + r"$")
# "the Ministry of Defense in the bulletin released today": the document trails the speaker
_DOC_TAIL_PHRASE = re.compile(r"\s+(?:in|via|through|on)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?" + _DOC_NOUNS + r"\b.*$")
# "Images posted to Telegram on the governor's official channel" -> the governor
_CHANNEL_OWNER = Gated(re.compile(
    r"\b(?P<who>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)['’]s?\s+(?:official\s+)?(?:telegram\s+)?(?:channel|account|page)$", re.I))
_DATA_FROM = re.compile(r"^(?:the\s+)?(?:(?:latest|preliminary|updated|official|initial|current|recent|new|last|most\s+recent)\s+)*"
                        r"(?:date|data|figures|information|numbers)\s+(?:from|of)\s+(?P<who>.+)$", re.I)
# A dateline glued to the speaker: "MOSCOW (Reuters) -Russia's Defence Ministry"
_DATELINE_HEAD = re.compile(r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Za-z .]+)?\s*\([^)]{1,40}\)\s*[-–—]+\s*")


# The string helpers below are pure and see the same speakers and sentences again and
# again (every figure of a sentence asks): memoised.
@lru_cache(maxsize=4096)
def clean_name(name: str) -> str:
    """A claimant is a clean name, never a fragment of the sentence: the author of a report,
    not the report; no dateline, no document or channel around it."""
    s = _DATELINE_HEAD.sub("", name.strip())
    for rx in (_DOC_OF, _DATA_FROM, _DOC_AUTHOR):
        m = rx.match(s)
        if m:
            s = m.group("who").strip()
    m = _CHANNEL_OWNER.search(s)
    if m and m.start() > 0:
        s = m.group("who")
    s = _DOC_TAIL_PHRASE.sub("", s)
    a = lookup(s)
    if a is not None and a.kind == "person" and len(s.split()) > 3:
        s = a.name      # "the Commander-in-Chief Valerii Zaluzhnyi of the Armed Forces"
    else:
        m = _TITLED_NAME_OF.match(s)
        if m and any(w.lower() in TITLES or "-in-" in w.lower() for w in m.group("title").split()):
            s = m.group("name")
    s = s.strip(" ,;:-")
    # "The General Staff ...", "the Russian Defence Ministry": one spelling of a proper name,
    # whether the sentence opened with it or not ("the regional governor" keeps its article)
    return _PROPER_THE.sub("", s)


_PROPER_THE = re.compile(r"^[Tt]he\s+(?=[A-Z][\w'’-]*\s+[A-Z])")


# "the Commander-in-Chief Valerii Zaluzhnyi of the Ukrainian Armed Forces": the person
_TITLED_NAME_OF = re.compile(r"^(?:the\s+)?(?P<title>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}?)\s+"
                             r"(?P<name>[A-Z][a-z'’]+\s+[A-Z][a-z'’]+)\s+of\s+(?:the\s+)?[A-Z]")


# "NAME, in turn, said": a discourse aside, not a role
_ASIDE = re.compile(r"(?i)in\s+turn|for\s+(?:his|her|their|its)\s+part|meanwhile|however|though|too|also|"
                    r"in\s+(?:his|her|their|its)\s+(?:turn|view|opinion)|likewise|in\s+response")


# "According to local authorities, at least two people died in a Russian strike": the claim, no role
_COUNT_START = re.compile(r"(?:at\s+least|more\s+than|less\s+than|fewer\s+than|about|around|some|nearly|almost|over|up\s+to|"
                          r"\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\b", re.I)


@lru_cache(maxsize=4096)
def _appositive_of(text: str, s: int, e: int) -> str:
    """The role around a speaker, a clue to their side: 'NAME, a spokesperson for Y,',
    'NAME, Ukraine's deputy minister,', or 'Russia's top prosecutor, NAME,'."""
    m = re.match(r",\s+([^,.;:\"“”]{2,100})", text[e:])
    if m:
        piece = m.group(1).strip()
        if not _VERB.match(piece) and not _CLAUSE_VERB.match(piece) and not _ASIDE.fullmatch(piece) \
                and not _COUNT_START.match(piece) \
                and (re.match(r"(?:a|an|the|who|[a-z])", piece) or _capital_appositive(piece)):
            return piece
    before = text[:s]
    if re.search(r",\s*$", before) and not re.search(r"[\"”]\s*,?\s*$", before) \
            and _name_like(text[s:e]) and (text[e:e + 1] == "," or (_VERB.match(text[e:].lstrip())
                                                                  and not _FRONTED_ADVERBIAL.match(before.lstrip()))):
        # "Russia's top prosecutor, NAME, said" and "Chairman of the regional council, NAME stated"
        body = before.rstrip()[:-1]
        k = max((b.end() for b in _SUBJECT_STOP.finditer(body)), default=0)
        piece = _LEAD_JUNK.sub("", body[k:].strip())
        if piece and len(piece.split()) <= 12 and (_capital_appositive(piece) or _speaker_noun(piece)) \
                and not _CLAUSE_VERB.search(re.sub(r"\b[\w-]+-[a-z]+ed\b", "", piece)):
            return piece
    return ""


# Where a speaker's noun phrase ends: punctuation, a dot that is no abbreviation's, a clause word, a verb.
_NP_END = (
    r"(?=\s*(?:[,;:()\"“”]|\.(?:\s|$|(?=\w))|$|\s+(?:that|who|which|on\s+\w+day|"
    r"in\s+(?:a|an|its|his|her|their)\s|late|earlier|as|while|and\s+(?:the|a)\s|with\s+reference\s+to|referring\s+to|"
    r"(?:has\s+|have\s+|had\s+)?(?:said|says|say|stated|told|tells|reported|claimed|estimated|believes?|"
    r"believed|added|adds|wrote|writes|announced|confirmed|noted|warned|acknowledged|admitted|"
    r"insisted|alleged|declared|revealed|counted|recorded|verified|documented|registered|specified|"
    r"clarified|stressed|emphasi[sz]ed)\b)\b))")
_NP = re.compile(r"[^,.;:()\"“”]+?" + _NP_END)


# the rest of a noun phrase after an inner dot, up to where _NP would stop
_NP_AFTER_DOT = re.compile(r"\.[^,.;:()\"“”]*?" + _NP_END)


def _np_after(text: str, i: int) -> tuple[int, int] | None:
    """The noun phrase starting at i, up to a comma, clause word or end."""
    m = _NP.match(text, i)
    if not m:
        return None
    # keep dotted abbreviations inside ("U.S. officials", "Mr. Haidai")
    s, e = i, m.end()
    while e < len(text) and text[e] == "." and re.match(r"\.\s*[A-Z]?[\w.]*", text[e:]) and \
            (re.search(r"(?:\b[A-Z]|\bMr|\bMs|\bMrs|\bDr|\bGen|\bCol|\bSt|\bLt)$", text[s:e])
             or text[e + 1:e + 2].isalnum()):       # one token: "Censor.NET", "ukrinform.ua"
        m2 = _NP_AFTER_DOT.match(text, e)
        if not m2:
            break
        e = m2.end()
    np = text[s:e].strip()
    if not np or len(np.split()) > 16 or (len(np.split()) > 12 and not _ends_in_name(np.split())):
        return None
    lead = text[s:e].find(np)
    if d := _DATA_FROM.match(np):
        np = d.group("who")         # "according to the latest data from local authorities"
    cleaned = _clean_subject(np)
    if not cleaned or not _speakerish(cleaned):
        return None
    start = s + lead + text[s + lead:e].find(cleaned)
    return start, start + len(cleaned)


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:(?:also|now|then|\w+ly)\s+)?$", re.I)
_NEGATED_BEFORE = Gated(re.compile(
    r"(?:\bnot|n't|\bnever|\bdeclined\s+to|\brefused\s+to|\bunable\s+to|\bfailed\s+to)\s+$", re.I))
_DET_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their|this|that)\s+((?:[\w-]+\s+){0,2})$", re.I)
def _actor_ends_at(text: str, pos: int) -> bool:
    """A dictionary actor right before pos ("British intelligence | estimates Russia has ..."):
    the word at pos is its verb, not a noun ("the mission report")."""
    window = text[max(0, pos - 80):pos]
    end = len(window.rstrip())
    return any(e == end for _, e, _ in find_actors(window))


_AN_THE_BEFORE = re.compile(r"\b(?:an|the)\s+$", re.I)
_DOC_DET_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their|this|that|latest|new|daily|weekly|recent|morning|"
                             r"evening|official|intelligence|media|initial|first|earlier|previous)\s+$", re.I)


def _verb_attribution(text: str, offset: int, m: re.Match) -> Attribution | None:
    vstart, vend = m.start(), m.end()
    verb = m.group(1).lower()
    before = text[:vstart]
    after = text[vend:]
    if _PASSIVE_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1)) \
            and verb.endswith(("ed", "id", "ld", "ote", "nd")) and not re.match(r"\s+by\b", after):
        return None  # passive: "casualty figures were also reported", "is said to": the reported thing
    # inverted: '"...," said Bobovnikova, a spokesperson' / '..., said the governor'
    if re.search(r"[,\"”’]\s*$", before) and re.match(r"\s+(?:[A-Z]|the\s|a\s|an\s|one\s|(?:local|regional|city|military|"
                                                      r"ukrainian|russian|western|emergency|police)\s)", after) \
            and not _appositive_subject(text, vstart):
        who = _np_after(text, vend + len(after) - len(after.lstrip()))
        if who and not _closes_clause(text, *who):
            who = None
        if who and re.sub(r"\s+", " ", verb) in ("said", "says", "say", "added", "wrote", "stated", "claimed", "reported", "noted",
                                                  "points out", "pointed out"):
            s, e = who
            named = re.match(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})(?=\s*[,.;]|\s*$)", text[e:])
            if named and re.match(r"(?:the|a|an)\s", text[s:e]):
                s, e = e + named.start(1), e + named.end(1)
            # the quote or clause before it is governed; so is a following quote
            return _make(text, offset, s, e, 0, vstart) if not _has_quote_after(text, e) else \
                _make(text, offset, s, e, 0, len(text))
    if verb in ("saying", "claiming", "stating") and re.search(r",\s*$", before):
        # "Zelensky spoke about the losses, claiming that ...": the sentence's subject speaks
        lead = _LEAD_SUBJECT.match(text)
        if lead is None or not _speakerish(_clean_subject(lead.group("who")) or ""):
            # "As the onslaught goes on, embattled President Volodymyr Zelenskyy has spoken ..., claiming"
            found = [x for x in _LEAD_SUBJECT.finditer(text, 0, vstart) if x.start("who") > 0
                     and re.search(r"(?:^|,\s*|\b[a-z]+\s+)$", text[:x.start("who")])]   # after a comma or a lower-case word
            lead = found[-1] if found else lead
        if lead and ";" not in text[lead.end():vstart]:
            cleaned = _clean_subject(lead.group("who"))
            if cleaned and _speakerish(cleaned) and (actor_side(cleaned) or _speaker_noun(cleaned)) \
                    and not re.fullmatch(r"(?i)(?:the\s+)?(?:russian|ukrainian|american|british|european)", cleaned):
                s = lead.start("who") + lead.group("who").find(cleaned)
                return _make(text, offset, s, s + len(cleaned), vend, len(text))
        return None
    if (rel := _WHO_BEFORE.search(text, max(0, vstart - 120), vstart)) and verb in _WHO_VERBS:
        # "... by Ukrainian President Volodymyr Zelensky, who said 2,500 soldiers had been killed"
        name = rel.group("who")
        if _speakerish(name) and (actor_side(name) or lookup(name)):
            return _make(text, offset, rel.start("who"), rel.end("who"), vend, len(text))
    if _NEGATED_BEFORE.search(text, max(0, vstart - 40), vstart):
        return None  # "did not say", "declined to say": no claim
    noun = _DET_BEFORE.search(text, max(0, vstart - 80), vstart)
    # "British intelligence estimates ...": a dictionary speaker right before makes it a verb
    known = verb in _NOUN_TOO and _actor_ends_at(text, vstart)
    if verb in ("report", "estimate", "claim", "count", "state", "update") and noun and noun.group(1).strip() \
            and not noun.group(1).strip().endswith("s"):
        return None  # "the mission report": a singular subject would say "reports"
    if verb in _NOUN_TOO and noun and not (noun.group(1).strip() and (
            _speaker_noun(noun.group(1)) or noun.group(1)[:1].isupper() or lookup(noun.group(1)))) \
            and not known:
        return None  # "published its quarterly report": a noun; "the ministry reports": a verb
    if verb in ("claimed", "claims", "claim", "claiming") and re.match(r"\s+(?:the\s+)?(?:lives|life|responsibility)\b", after, re.I):
        return None  # "the strike claimed the lives of 12", "claimed responsibility"
    if verb == "estimated" and _AN_THE_BEFORE.search(text, max(0, vstart - 8), vstart):
        return None  # "an estimated 300 troops"
    if verb in _NOUN_TOO and _DOC_DET_BEFORE.search(text, max(0, vstart - 20), vstart) \
            and not known:
        return None  # "in a report last month": a noun, not a verb
    subj = _subject_before(text, vstart)
    if subj is None:
        return None
    if re.search(r"\b(?:said|says|say|stated|told|claimed|announced|wrote|added|published|released|issued)\b",
                 text[subj[0]:subj[1]]):
        return None  # a speaker never contains another reporting verb
    s, e = subj
    if verb in ("citing", "cited", "saying", "claiming", "stating", "put", "puts", "report", "state", "think", "thought", "documents",
                "described", "describes",
                "records", "counts", "estimate", "claim", "tell", "write", "assess", "announce"):
        # ambiguous forms: only with an obvious speaker ("officials estimate", "they claim")
        if not (actor_side(text[s:e]) or _speaker_noun(text[s:e]) or text[s:e].lower() in PRONOUNS):
            return None
    if verb in _FINDINGS and not re.search(
            r"\b(?:report|study|investigation|analysis|assessment|count|survey|review|mission|"
            r"monitors|researchers|analysts|experts|project|institute|think\s+tank|intelligence|it|they)\b", text[s:e], re.I):
        return None  # "troops found 12 bodies" is an event; "the report found" is a claim
    raw = text[s:e]
    pronoun = raw.lower() in PRONOUNS
    if re.search(r"\b(?:casualties|losses|deaths|dead|troops|soldiers|servicemen|personnel|people|civilians|prisoners|"
                 r"attacks|strikes|drones|missiles|tanks|vehicles)\s*,\s*which\s+$", text[max(0, s - 40):s]):
        # "the record of 1,950 casualties, which Ukraine said Russia suffered": the antecedent is the claim
        # (its clause only: not a count told before a ';')
        return _make(text, offset, s, e, text.rfind(";", 0, s) + 1, len(text), pronoun)
    tail = text[vend:]
    if verb in _NEEDS_COMPLEMENT and not _speech_complement(verb, tail):
        return None  # "Russia added 30,000 troops" is not speech
    if verb in ("told", "tells", "tell"):
        tail = re.sub(r"^\s+(?:the\s+)?(?:(?:news|state|local|online|independent|russian|ukrainian|us|u\.s\.)\s+)*"
                      r"(?:outlet|agency|channel|broadcaster|newspaper|paper|website|portal|publication|tv|radio|television)"
                      r"(?:\s+(?:of\s+|the\s+)?[A-Z][\w.'’-]*){0,5}|"
                      r"^\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|^\s+(?:reporters|journalists|"
                      r"a\s+\w+(?:\s+\w+)?|an\s+\w+(?:\s+\w+)?|the\s+\w+(?:\s+\w+)?|parliament|lawmakers)",
                      "", tail, count=1)
    if _QUOTE_CLOSED_BEFORE.search(text, max(0, s - 6), s):
        # '"... 45 drones ...," the governor wrote on Telegram': the quote before is the claim
        # (and what follows ", adding that ...")
        adds = re.search(r"\b(?:adding|and\s+added|noting|saying)\b", text[vend:])
        return _make(text, offset, s, e, 0, len(text) if adds else s, pronoun)
    if _AS_FRONT.match(text[:s]):
        # "As the governor said, five were killed", "As the head of the district, NAME, reported,
        # ...": the clause after the verb is the claim
        return _make(text, offset, s, e, vend, len(text), pronoun)
    if verb not in ("put", "puts") and _ADJUNCT.match(tail) and _clause_start(text, s) > 0:
        # post-posed: "CLAUSE, X said on Monday[, as ...]" governs what precedes X
        gov_end = s
        # "..., officials said, killing at least three": the participle goes on with the claim
        g2 = re.search(r"\b(?:adding|and\s+added|noting)\b", tail) or re.match(
            r"[^,.;]{0,30},\s*(?:killing|injuring|wounding|leaving|destroying|damaging|after|when|as|because)\b", tail) or re.match(
            # "6,000 are left in the town itself, he said, and 11,800 in the greater area": the ellipsis goes on
            r"[^,.;]{0,30},\s*(?:and|with|while)\s+(?:(?:about|around|some|over|nearly|almost|another|a\s+further|up\s+to|"
            r"more\s+than|at\s+least)\s+)?\d[^;]*$", tail) or re.match(
            # "..., Ukraine's military said on Monday, that Ukrainian forces had repelled 102 attacks"
            r"[^,.;]{0,40},\s*that\s", tail)
        if g2:
            return _make(text, offset, s, e, 0, len(text), pronoun)
        return _make(text, offset, s, e, 0, gov_end, pronoun)
    return _make(text, offset, s, e, vend, len(text), pronoun)


# The subject opening a sentence, before its verb: "President Volodymyr Zelenskyy has spoken"
_LEAD_SUBJECT = re.compile(r"\s*(?P<who>(?:(?:[A-Z][\w.'’-]*|of|the|for|and)\s+){0,7}?[A-Z][\w.'’-]*)\s+"
                           r"(?:(?:has|have|had|was|is|also|later|earlier|on\s+[A-Z]\w+)\s+)*[a-z]+(?:ed|s|en|ke|ve|ld|nt|ote|id|ok|ew)\b")
_WHO_BEFORE = re.compile(r"(?P<who>(?:[A-Z][\w.'’-]*\s+){0,4}(?:[A-Z][\w.'’-]*|officials|analysts|experts|sources))"
                         r",\s+who\s+(?:has\s+|have\s+|had\s+|also\s+|later\s+)?$")
_WHO_VERBS = {"said", "says", "say", "claimed", "claims", "claim", "estimated", "estimates", "estimate", "reported",
              "reports", "stated", "told", "wrote", "suggest", "suggests", "suggested", "believe", "believes",
              "assess", "assesses", "assessed"}
_QUOTE_CLOSED_BEFORE = re.compile(r"[,.!?]\s*[\"\u201d]\s*$|[\"\u201d]\s*,\s*$")
_AS_FRONT = re.compile(r"^\s*(?:[Aa]s|[Ll]ike|[Jj]ust\s+as)\s+(?:(?:the|a|an)\s+[^,.;:]{1,60},\s*)?$")
_FINDINGS = {"found", "finds", "concluded", "concludes"}
_NOUN_TOO = {"report", "reports", "estimate", "estimates", "claim", "claims", "state", "states", "put",
             "count", "counts", "records", "documents", "posts", "notes", "tells"}
_NEEDS_COMPLEMENT = {"published", "publishes", "issued", "issues",
                     "added", "adds", "posted", "posts", "noted", "notes", "put", "puts", "counted",
                     "counts", "cited", "informed", "explained", "documented", "documents",
                     "recorded", "records", "registered", "revealed", "indicated", "suggested",
                     "suggests", "think", "thinks", "thought", "believe", "believes", "believed",
                     "established"}


_INFORMED_WHOM = re.compile(
    r"^\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|reporters|journalists|residents|the\s+public|"
    r"(?:the\s+)?(?:media|press|public|population|residents|journalists|correspondents?)|us|him|her|them)(?=\s+that\b)")


def _speech_complement(verb: str, tail: str) -> bool:
    if verb in ("published", "publishes", "issued", "issues"):
        # "the mission published an updated report on ...": its report is its claim
        return bool(re.match(r"\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?" + _DOC_NOUNS + r"\b", tail))
    if verb == "established":
        # "established the names of 24,000 soldiers": a count (not "established control")
        return bool(re.match(r"\s+(?:the\s+names\s+of|the\s+identities\s+of|(?:around|about|some|over|more\s+than|at\s+least)?\s*\d)", tail))
    if verb in ("put", "puts"):
        return bool(re.match(r"\s+(?:the|its|their|his|her)?\s*(?:[\w-]+\s+){0,9}?at\b(?!\s+(?:risk|stake|the\s+disposal))", tail))
    if verb in ("counted", "counts", "documented", "documents", "recorded", "records", "registered",
                "believe", "believes", "believed", "think", "thinks", "thought"):
        return True  # their objects are the claim itself ("has recorded 10,000 deaths")
    if verb in ("informed", "informs"):
        # "informed Suspilne that", "informed reporters that": whom they told, then the claim
        tail = _INFORMED_WHOM.sub("", tail, count=1)
    t = re.sub(r"^\s*(?:(?:late\s+|early\s+)?on\s+\w+|in\s+(?:a|an|its|his|her|their)\s+[\w\s-]{1,90}?(?=\s+that|,|$)|"
               r"on\s+(?:Telegram|X|Twitter|Facebook|television|TV)|to\s+reporters|earlier|later|overnight)", "", tail)
    return bool(re.match(r"\s*(?:that\b|[,:;.\"“”]|$)", t))


def _appositive_subject(text: str, vstart: int) -> bool:
    """'NAME, a spokesman for Y, said ...' / 'ROLE, NAME, said ...' opening its clause:
    the ordinary subject-verb form, not '"...," said X'."""
    head = text[:vstart]
    if not re.search(r",\s*$", head) or re.search(r"[\"”]\s*,?\s*$", head):
        return False
    subj = _subject_before(text, vstart)
    return subj is not None and _clause_start(text, subj[0]) == 0 and not _closes_quote(text[:subj[0]])


def _closes_quote(head: str) -> bool:
    return head.count('"') % 2 == 1 or "”" in head


_CLAUSE_VERB = re.compile(r"\b(?:had|has|have|was|were|is|are|will|would|could|did|[a-z]+ed)\b")


def _closes_clause(text: str, s: int, e: int) -> bool:
    """The noun phrase after an inverted verb is a speaker only when it closes the clause
    ('said Bobovnikova, a spokesperson', 'said the governor.'): no number, no verb of its own."""
    np = text[s:e]
    # participles used as adjectives are fine: "a retired general", "the newly appointed governor"
    toks = np.split()
    np_verbs = " ".join(t for k, t in enumerate(toks) if not (
        re.fullmatch(r"[\w-]+-[a-z]+ed", t) or (k > 0 and re.fullmatch(r"[a-z]+ed", t) and (
            toks[k - 1].lower() in ("a", "an", "the", "one", "another", "his", "her", "their", "its")
            or toks[k - 1].endswith("ly")))))
    if re.search(r"\d(?![\d,.]*(?:st|nd|rd|th)\b)", np) or _CLAUSE_VERB.search(np_verbs):
        return False
    rest = text[e:]
    return bool(re.match(r"\s*(?:$|[,.;:!?\"”)—–-]|\s(?:on|in|at|late|early|earlier|later|who|told|"
                         r"speaking|adding|according)\b)", rest))


def _capital_appositive(piece: str) -> bool:
    """'Ukraine's deputy minister for veterans', 'Kharkiv's regional prosecutor', 'UN
    humanitarian coordinator for Ukraine', 'Russian-installed mayor of Nova Kakhovka':
    a role (possessive, role noun or title word), not a bare name."""
    words = piece.split()
    if not words or len(words) > 14:
        return False
    if re.match(r"[A-Z][\w.-]*['’]s\s", piece):
        return True
    return bool(_SPEAKER_NOUN.search(piece) or any(w.lower().strip(".,") in _ROLE_TITLES for w in words))


_ROLE_TITLES = {"president", "minister", "governor", "mayor", "commander", "chief", "spokesman",
                "spokeswoman", "spokesperson", "secretary", "chancellor", "adviser", "advisor", "aide",
                "ambassador", "head", "deputy", "senator", "director", "chairman", "speaker", "leader",
                "envoy", "diplomat", "coordinator", "representative", "prosecutor", "ombudsman",
                "analyst", "expert", "researcher", "officer", "official", "general", "colonel"}


_RANKS = {"lieutenant", "lt", "colonel", "col", "general", "gen", "major", "maj", "captain", "capt", "sergeant", "sgt",
          "brigadier", "brig", "admiral", "adm", "lieutenant-colonel", "lieutenant-general", "major-general",
          "colonel-general", "mr", "mrs", "ms", "dr"}


@lru_cache(maxsize=4096)
def _name_like(s: str) -> bool:
    """'Olena Kovalchuk', 'Mr. Ivanov': one to four capitalised words, no role words."""
    s = s.strip()
    k = max((b.end() for b in _SUBJECT_STOP.finditer(s)), default=0)
    s = _LEAD_JUNK.sub("", _LEAD_TIME.sub("", s[k:].strip()))
    words = s.split()
    while len(words) > 1 and words[0].lower().strip(".") in _RANKS:
        words = words[1:]       # "Lieutenant Colonel Volodymyr Fitio": a rank before the name
    return 1 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w'’.-]*", w) for w in words) and not any(
        w.lower().strip(".") in _ROLE_TITLES or INSTITUTION_WORDS.fullmatch(w) for w in words)


def _has_quote_after(text: str, i: int) -> bool:
    return bool(re.search(r"[\"“]", text[i:]))


# "At least 45 soldiers were killed," is a clause, not an introductory "At dawn,"
_CLAUSE_NOT_ADVERBIAL = re.compile(r"^\s*At\s+(?:least|most)\b|\b(?:were|was|is|are|have|has|had|will|would)\s+\w", re.I)


def _clause_start(text: str, s: int) -> int:
    """How much reported material precedes the speaker: 0 when the speaker opens
    the sentence (after an introductory phrase like "In Kyiv,")."""
    head = text[:s].rstrip()
    if not head:
        return 0
    # an introductory adverbial only: "On Monday,", "In Luhansk, further east,"
    if re.fullmatch(r"(?:(?:On|In|At|Late|Early|Earlier|Later|Meanwhile|Separately|Also|However|"
                    r"Elsewhere|Further|Speaking|Writing|Posting|Commenting|Addressing|Responding|Talking|"
                    r"Overnight|Last|This|Since|After|During|From|"
                    r"Near|Outside|Further\s+east|Further\s+south)\b[^,\"“”]{0,60},\s*)+", head + " ") \
            and not _CLAUSE_NOT_ADVERBIAL.search(head):
        return 0
    return len(head)


_PARTNER = re.compile(r",\s*(?:together|along|jointly)\s+with\s+[^,;]{2,60},\s*$")


@lru_cache(maxsize=4096)
def _subject_before(text: str, vstart: int) -> tuple[int, int] | None:
    # blank out parentheticals, keeping offsets: "the Institute for the Study of War (ISW) said"
    head = re.sub(r"\s*\([^()]{1,60}\)", lambda m: " " * len(m.group()), text[:vstart])
    # "X, a media outlet, together with Y, established": X speaks; the partner is set aside
    if (partner := _PARTNER.search(head)):
        keep = "," if "," in head[:partner.start()] else " "     # an appositive before it still ends in a comma
        head = head[:partner.start()] + keep + " " * (len(partner.group()) - 1)
    # "X, a spokesperson for Y, said": the speaker is before the appositive
    appos = None
    if re.search(r",[\"”]?\s*$", head):
        body = re.sub(r",[\"”]?\s*$", "", head)
        k = body.rfind(",")
        if k >= 0:
            piece = body[k + 1:].strip()
            if re.match(r"(?:a|an|the|who|which|its|his|her|their|[a-z0-9])", piece) or (
                    _capital_appositive(piece) and _name_like(body[:k])):
                appos = (k, body)
            elif re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,4}", piece) and (
                    _speakerish(body[:k].strip()) or _speaker_noun(body[:k])):
                # "Ukraine's top commander, Oleksandr Syrskyi, said": the name is the speaker
                start = k + 1 + (len(body[k + 1:]) - len(body[k + 1:].lstrip()))
                return start, start + len(piece)
        if appos:
            head = body[:appos[0]]
        else:
            return None
    # the clause the subject lives in starts after the last boundary
    cut, cut_word = 0, ""
    for b in _SUBJECT_STOP.finditer(head):
        if b.group().strip().lower() == "and" and re.search(r"\b[A-Z][\w'’-]*\s*$", head[:b.start()]) \
                and re.match(r"[A-Z]", head[b.end():]) and re.search(r"\b(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)*$", head[:b.start()]):
            continue    # "the Joint Center for Control and Coordination of Ceasefire": one name
        cut, cut_word = b.end(), b.group().strip().lower()
    raw = head[cut:]
    if cut_word == "and":
        # "both Russia and Ukraine have reported": two speakers, no single claimant
        prev = head[:cut - 4]
        k = max((b.end() for b in _SUBJECT_STOP.finditer(prev)), default=0)
        first = _clean_subject(re.sub(r"^\s*both\s+", "", prev[k:], flags=re.I))
        if first and COLLECTIVE.fullmatch(first):
            # "The journalists and volunteers have identified ...": the counters named before
            s = k + prev[k:].find(first)
            return s, s + len(first)
        if first and len(first.split()) <= 4 and _speakerish(first) and not re.search(r"\b(?:is|are|was|were|has|have|had)\b", first):
            a, b = actor_side(first), actor_side(_clean_subject(raw))
            if a and not b and not is_outlet(_clean_subject(raw)) and _speaker_noun(_clean_subject(raw) or ""):
                s = k + prev[k:].find(first)    # "Russian officials and the defence ministry said": the side-named one
                return s, s + len(first)
            if a != b and not (a is None and is_outlet(first) or b is None and is_outlet(_clean_subject(raw))):
                return None     # (an outlet beside a counter, "BBC and Mediazona say", is one voice)
    cleaned = _clean_subject(raw)
    if not cleaned or not _speakerish(cleaned):
        return None
    s = cut + raw.find(cleaned)
    return s, s + len(cleaned)


_DOC_TAIL = re.compile(
    r"['’]s?\s+(?:latest\s+|daily\s+|nightly\s+|new\s+|official\s+|video\s+|evening\s+|morning\s+|"
    r"weekly\s+|regular\s+|operational\s+|intelligence\s+|most\s+recent\s+|situation\s+)*(?:statement|report|"
    r"estimate|figures?|count|tally|data|assessment|update|briefing|address|bulletin|summary|post|publication|message)$")


@lru_cache(maxsize=4096)
def _clean_subject(raw: str) -> str:
    s = raw.strip().strip("\"“”'’")
    s = _DOC_TAIL.sub("", s)
    s = _DOC_BY.sub("", s)
    s = _LEAD_TIME.sub("", s)
    s = _LEAD_JUNK.sub("", s)
    prev = None
    while prev != s:
        prev = s
        s = _TRAIL_JUNK.sub("", s).strip()
    return s.strip(" ,")


_SPEAKER_NOUN = re.compile(
    r"\b(?:officials?|military|army|ministry|spokes(?:man|woman|person|people)|governors?|mayors?|"
    r"administration|authorities|analysts?|experts?|staff|command|forces|commander|general|"
    r"president|minister|report|statement|agency|institute|think[- ]tank|government|sources?|"
    r"soldiers?|troops|servicem[ae]n|officer|police|prosecutors?|service|services|monitors?|"
    r"mission|estimates?|intelligence|bloggers?|correspondents?|channels?|residents?|witness(?:es)?|"
    r"observers?|diplomats?|envoy|ambassador|adviser|advisor|aide|ombudsman|chief|head|leader|"
    r"milbloggers?|war\s+correspondents?|air\s+force|air\s+defen[cs]e|prosecutor|investigators?|"
    r"lawmakers?|legislators?|parliament|MPs?|deputies|"
    r"kremlin|pentagon|council|committee|office|journalists?|media|researchers?|group|"
    r"volunteers?|medics?|doctors?|rescuers|guards?|brigade|battalion|unit|corps|navy|representatives?|militia|"
    r"directorate|watchdog|commission|mercenar(?:y|ies)|separatists?|side|ministry|data|"
    r"department|headquarters|HQ|MoD|cent(?:er|re)|"
    r"the\s+(?:UN|U\.N\.|EU)|marine|marines|paratroopers?|commanders)\b", re.I)


_NOT_A_SPEAKER_START = re.compile(
    # ("acting governor", "outgoing minister", "commanding officer" are titles, not happenings)
    r"^(?:(?!(?:acting|outgoing|incoming|presiding|ruling|governing|commanding|visiting|leading|managing|serving)\b)[a-z]+ing\b|(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)\b|according\s+to\b"
    # happenings are no speakers: "the recent advancements by Russian forces suggest otherwise"
    r"|(?:the\s+|these\s+|those\s+|such\s+)?(?:(?:recent|latest|new|further|rapid|continued|ongoing)\s+)*"
    r"(?:advance(?:ment)?s|developments|events|gains|battles|offensives|successes|setbacks|moves|actions|trends)\b)", re.I)


@lru_cache(maxsize=4096)
def _speaker_noun(s: str) -> bool:
    return bool(_SPEAKER_NOUN.search(s))


@lru_cache(maxsize=4096)
def _speakerish(s: str) -> bool:
    """Looks like someone who can say something: a pronoun, a known actor, a
    speaker noun, or a short capitalised name."""
    if s.lower() in PRONOUNS:
        return True
    if _NOT_A_SPEAKER_START.match(s):
        return False    # "agreeing with Western", "four command", "According to a UN"
    words = s.split()
    if not words or len(words) > 16:
        return False
    if len(words) > 9:
        # a long title chain is a speaker only when it ends in a capitalised name:
        # "Ukraine's Tavria Group of Forces Spokesperson Lieutenant Colonel Dmytro Ivanenko",
        # or is a body's proper name: "the Coordinating Headquarters for the Treatment of Prisoners of War"
        return _ends_in_name(words) or (_proper_name(words) and _speaker_noun(s)) or (
            # "DPR's mission at the Joint Center for Control and Coordination of Ceasefire"
            bool(re.match(r"(?:the\s+)?[A-Z][\w.]*['’]s\s", s)) and _speaker_noun(s) and actor_side(s) is not None)
    if lookup(s) or _speaker_noun(s) or (len(words) <= 4 and actor_side(s)):
        return True
    if ANAPHORA.match(s) or COLLECTIVE.match(s):
        return True
    return _proper_name(words) and not re.fullmatch(
        r"(?:It|This|That|There|These|Those|What|Which|Who|Some|Many|Most|All|Both|Each|One|None)", s)


def _proper_name(words: list[str]) -> bool:
    """Every word capitalised, allowing "of", "the", "for"."""
    caps = [w for w in words if w.lower() not in ("of", "the", "for", "and", "de", "von", "der")]
    return bool(caps) and all(w[:1].isupper() for w in caps)


def _ends_in_name(words: list[str]) -> bool:
    tail = words[-2:]
    return len(words) >= 2 and all(
        re.fullmatch(r"[A-Z][a-z'’-]+", w) and w.lower() not in TITLES
        and not INSTITUTION_WORDS.fullmatch(w) for w in tail) and not any(
        re.fullmatch(r"(?:had|has|have|was|were|is|are|will|would|could|\w+ed)", w) for w in words)


# "Commenting on the losses, NAME said", "In an interview with Russian media, NAME said": no role
_FRONTED_ADVERBIAL = re.compile(r"(?:[A-Za-z]+ing\b|(?:In|At|On|After|Before|During|Following|According|With|From|"
                                r"For|As|Asked|Speaking|Commenting|Writing)\b)")
_UNIT_WORDS = {"Region", "Oblast", "Province", "District", "City", "Republic", "Krai", "Raion", "Community", "Hromada"}


@lru_cache(maxsize=4096)
def _display_name(raw: str) -> str:
    """'Ukrainian President Volodymyr Zelensky' -> 'Volodymyr Zelensky', 'Khortytsia Group
    Spokesperson Captain Ivan Petrenko' -> 'Ivan Petrenko'; institutions, groups and
    descriptions stay as written ('the Ukrainian military', 'Russian Ministry of Defense')."""
    s = raw.strip()
    if s.lower() in PRONOUNS:
        return s
    toks = s.split()
    # the trailing run of capitalised words that are neither titles nor institution words
    run: list[str] = []
    for t in reversed(toks):
        if (t[:1].isupper() and not t.endswith(("'s", "’s")) and t.lower().rstrip(".") not in TITLES
                and not INSTITUTION_WORDS.fullmatch(t.rstrip(".,"))):
            run.insert(0, t)
        else:
            break
    lead = toks[:len(toks) - len(run)]
    if not run:
        return s
    # an office's acronym before the name ("head of Kharkiv RMA Oleh Syniehubov")
    acr = [k for k, t in enumerate(run) if len(t) > 1 and t.isupper() and t.isalpha()]
    if acr and len(run) - acr[-1] - 1 >= 2:
        return " ".join(run[acr[-1] + 1:])
    unit = [k for k, t in enumerate(run) if t.rstrip(".,") in _UNIT_WORDS]
    if unit and len(run) - unit[-1] - 1 >= 2:
        # "Governor of the Zaporozhye Region Ivan Petrenko": the name follows the place's unit word
        return " ".join(run[unit[-1] + 1:])
    if len(run) >= 3 and lead and lead[-1].lower() in ("of", "for", "in", "at"):
        # "administration of Zaporizhzhia Yevgeny Balitsky", "Commissioner for Refugees
        # Filippo Grandi": the first capitalised word closes the title, the name follows
        return " ".join(run[1:])
    name = " ".join(run)
    actor = lookup(name)
    if actor is not None and actor.kind == "person":
        while len(run) > 1 and run[0].lower() in _NOT_FIRST_NAME:
            run = run[1:]  # "In March Zelensky said"
        return " ".join(run)
    if len(run) == 1 and lead:
        return s  # "Russian Ministry of Defense", "Pope Francis": keep as written
    # "officials in Donetsk": a place after a preposition is not a name
    if lead and lead[-1].lower() in ("in", "of", "near", "from", "at", "for", "on", "to", "outside"):
        return s
    if INSTITUTION_WORDS.search(s) and not (lead and (lead[-1].lower().rstrip(".") in TITLES
                                                       or INSTITUTION_WORDS.fullmatch(lead[-1]))):
        return s
    return name

def inside_quote(text: str, pos: int) -> bool:
    if pos < 0:
        return starts_quote(text)
    opened = False
    for ch in text[:pos]:
        if ch == "“":
            opened = True
        elif ch == "”":
            opened = False
        elif ch == '"':
            opened = not opened
    return opened


_OPEN_Q = "\"“"


def starts_quote(text: str) -> bool:
    return text[:1] in _OPEN_Q or text[:1] == "'"

