"""The needed-words gate in front of slow patterns: it skips only what cannot match."""
import re

import pytest

from loaders.prefilter import Gated, needs, starts

SENTENCES = [
    "The General Staff said on Sunday that 24 attacks were repelled near Toretsk.",
    "Russian losses over the past day stood at 1,340 personnel, the ministry reported.",
    "According to the governor, three people were killed and 12 wounded.",
    "Near Toretsk, nine.",
    "The mayor's statement gave no figures.",
    "In the morning the shelling resumed; residents sheltered in basements.",
    "CASUALTIES STOOD AT 40, OFFICIALS SAID.",
    "Caſualties ſtood at 40.",          # long s: IGNORECASE matches it to "s", str.lower() does not
    "Sıx were kılled.",                   # dotless i
    "",
]
PATTERNS = [
    re.compile(r"\b(?:casualties|losses)\s+(?:stood|were)\s+at\b", re.I),
    re.compile(r"\b(?:said|reported|stated)\b"),
    re.compile(r"\b[Aa]ccording\s+to\s+"),
    re.compile(r"(?P<who>[A-Z]\w+|the\s+\w+)['’]s\s+statement\b"),
    re.compile(r"\bsix\s+were\s+killed\b", re.I),
    re.compile(r"\d+"),                  # no word to need: always searched
    re.compile(r"\b(?:(?:has|had|was)\s+)*(said|reported|stated)\b"),     # optional words first
    re.compile(r"(?:were\s+)?(?:killed|wounded)(?:\s+or\s+wounded)?", re.I),
    re.compile(r"\bthe\s+(?:ministry|governor)|\bofficials?\b", re.I),
    re.compile(r"(?:the\s+)?(?:mayor|governor)['’]s\s+statement"),
]


def test_needs_reads_the_words_off_the_pattern():
    assert needs(re.compile(r"mutiny.{0,80}Wagner|Wagner.{0,80}mutiny")) == ("mutiny", "wagner")
    assert needs(re.compile(r"\b(?:said|reported)\s+(?:that\s+)?")) == ("reported", "said")
    assert needs(re.compile(r"\d+")) is None
    assert needs(re.compile(r"(?:killed)?\s*\d+")) is None      # an optional word is not needed


@pytest.mark.parametrize("rx", PATTERNS, ids=lambda rx: rx.pattern[:30])
def test_gated_search_match_and_finditer_equal_the_pattern(rx):
    g = Gated(rx)
    for s in SENTENCES:
        for pos, endpos in ((0, None), (5, 40), (10, len(s))):
            end = len(s) if endpos is None else endpos
            want = rx.search(s, pos, end)
            got = g.search(s, pos, endpos)
            assert (want and want.span()) == (got and got.span()), (s, pos, endpos)
            want = rx.match(s, pos, end)
            got = g.match(s, pos, endpos)
            assert (want and want.span()) == (got and got.span()), (s, pos, endpos)
            assert [m.span() for m in rx.finditer(s, pos, end)] == [m.span() for m in g.finditer(s, pos, endpos)]
        assert [m.span() for m in g.finditer(s, low=s.lower())] == [m.span() for m in rx.finditer(s)]


def test_starts_reads_where_a_match_can_begin():
    assert starts(re.compile(r"\b(?:(?:has|was)\s+)*(said|told)\b")) == ("has", "said", "told", "was")
    assert starts(re.compile(r"(?:were\s+)?killed", re.I)) == ("killed", "were")
    assert starts(re.compile(r"(?:the\s+)?\w+['’]s")) is None            # a word of any letters
    assert starts(re.compile(r"(?:said)?")) is None                       # may match empty
    assert starts(re.compile(r"(?:^|(?<=\s))(?:about|over)\s+$")) == ("about", "over")   # tests, no text
    assert starts(re.compile(r"(?:^|x)about")) is None
    assert starts(re.compile(r"(?<![\w-])(?:erdoğan|orbán)(?![\w-])")) == ("erdoğan", "orbán")
    assert starts(re.compile(r"(?:erdoğan|orbán)", re.I)) is None       # a fold lowercasing does not show


def test_actor_names_are_found_as_before():
    from loaders import actors
    _, gated, _ = actors._table()
    for s in SENTENCES + ["Turkish President Recep Tayyip Erdoğan met Viktor Orbán and the UN envoy in Kyiv.",
                          "Zelensky, Shoigu and the ISW: who said what to us"]:
        low = s.replace("’", "'").lower()
        assert [m.span() for m in gated.rx.finditer(low)] == [m.span() for m in gated.finditer(low, low=low)]
    assert [a.name for _, _, a in actors.find_actors("Viktor Orbán spoke to Erdoğan.")] == ["Viktor Orban", "Recep Tayyip Erdogan"]


def test_the_project_patterns_match_as_before():
    """Every gated pattern of the loaders, on sentences written for this test, in every window."""
    from loaders import event_rules, figures, speech
    sentences = SENTENCES + [
        "Russian forces have lost 1,340 personnel, 9 tanks and 12 artillery systems over the past day.",
        "Over the past day, the enemy has also reported killing 40 soldiers, the General Staff said.",
        "The ministry, which has repeatedly said it does not target civilians, reported 12 wounded.",
        "Three people were killed and 11 injured, Governor Oleh Syniehubov wrote on Telegram.",
        "Ukraine's military said on Monday it had repelled 24 attacks near Toretsk.",
        "The town's population plummeted from 70,000 to about 500, officials say.",
        "Russian troops captured the village of Ivanivka and advanced towards Kurakhove on Tuesday.",
        "A missile strike on Odesa hit a port; officials ordered residents to leave the area.",
        "Fighting is raging in and around Chasiv Yar; Ukraine said its forces withdrew from two villages.",
    ]
    gated = [speech._VERB_G, speech._ACCORDING_G, speech._POSS_DOC_G, *speech._DOC_FORMS,
             figures._BEFORE, figures._AFTER, event_rules.INTENT_BEFORE, event_rules.NEGATION_BEFORE,
             *(rx for _, rx in event_rules.TRIGGERS)]
    for g in gated:
        for s in sentences:
            for pos in range(0, len(s), 7):
                for endpos in (len(s), min(len(s), pos + 40)):
                    m1, m2 = g.rx.search(s, pos, endpos), g.search(s, pos, endpos)
                    assert (m1 and m1.span()) == (m2 and m2.span()), (g.rx.pattern[:40], s, pos, endpos)
                    assert [m.span() for m in g.rx.finditer(s, pos, endpos)] == \
                        [m.span() for m in g.finditer(s, pos, endpos)]


def test_folded_characters_are_searched_not_skipped():
    rx = re.compile(r"\bcasualties\s+stood\b", re.I)
    assert Gated(rx).search("Caſualties ſtood at 40.") is not None     # skipped on "caſualties" it would be lost


def test_windows_without_the_words_are_skipped():
    g = Gated(re.compile(r"\b(?:said|reported)\b"))
    assert not g.possible("Near Toretsk, nine.")
    assert g.possible("Near Toretsk, nine, officials said.")
    assert not g.possible("Near Toretsk, nine, officials said.", 0, 20)


def test_also_requires_one_more_string():
    g = Gated(re.compile(r"(?P<who>[A-Z]\w+)['’]s\s+statement\b"), also=("'", "’"))
    assert not g.possible("The statement gave no figures.")
    assert g.search("Kyiv’s statement gave no figures.").group("who") == "Kyiv"


def test_a_gated_pattern_copies_and_pickles():
    import copy
    import pickle
    g = Gated(re.compile(r"\b(?:said|told)\b"))
    for other in (copy.copy(g), copy.deepcopy(g), pickle.loads(pickle.dumps(g))):
        assert other.search("officials said so").span() == (10, 14)
        assert other.pattern == g.pattern
