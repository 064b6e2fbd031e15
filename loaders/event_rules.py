"""Trigger phrases, context cues and actor sides for events.py (regexes only)."""
from __future__ import annotations

import re

import ahocorasick

from .actors import find_actors
from .lexicon import REPEL
from .prefilter import Gated

_I = re.I

# (event_type, pattern). Order matters where patterns overlap: earlier wins.
TRIGGERS: list[tuple[str, re.Pattern]] = [
    ("strike", re.compile(
        # a toll told with its cause (first: its place comes after the verb): "two people died in a
        # Russian bombardment ... in X", "nine civilians were killed on Tuesday in X due to the
        # continuous firing of Russian troops", "killed in X in Russian shelling on Sunday"
        r"\b(?:killed|died|injured|wounded|hurt)\b(?=[^.;:]{0,90}?\b(?:in|by|due\s+to|as\s+a\s+result\s+of|after|during)\s+"
        r"(?:(?:a|an|the|another|continuous|continued|heavy|massive|overnight|russian|ukrainian|enemy|"
        r"(?:\w+-)?(?:missile|drone|rocket|artillery|air))\s+){0,4}(?:bombardment|shelling|strikes?|airstrikes?|"
        r"missile\s+attacks?|drone\s+attacks?|firing|bombing|barrage|attacks?\s+(?:on|by|with)|"
        r"shells?|missiles?|rockets?|drones?|bombs?|shaheds?)\b"
        r"|[^.;:]{0,90}?\b(?:overnight|last\s+night)\b)|"       # "14 people were injured in the Kharkiv region overnight"
        r"\b(?:air|missile|drone|rocket|artillery|glide[\s-]bomb|bomb|ballistic[\s-]missile|"
        r"cruise[\s-]missile|kamikaze[\s-]drone|tochka(?:-u)?|iskander(?:-m)?|kinzhal|kalibr|shahed|himars|atacms|"
        r"storm\s+shadow|grad|uragan|smerch|kh-\d+)[\s-]?(?:and\s+\w+\s+)?(?:strikes?|attacks?|barrages?|raids?)\b"
        r"(?!\s+(?:sirens?|alerts?|alarms?|warnings?|shelters?|defen[cs]es?))"
        r"|\bstrikes?\s+(?:on|against|at|in|targeting|hitting|aimed\s+at)\b|\bstruck\b|\bshelled\b|\bshelling\s+(?:of|on)\b"
        r"|\b(?:killed|wounded|injured|died|hurt)\s+(?:\w+\s+){0,3}?in\s+(?:(?:the|an?|overnight|heavy|russian|ukrainian)\s+)*shelling\s+(?:in|of|on)\b"
        r"|\b(?:shelling|artillery|drone|missile)?\s*attacks?\s+by\s+(?:[\w-]+\s+){1,3}?(?:on|against)\b"
        r"|\b(?:shelling|bombardment|bombing)\s+by\s+(?:[\w-]+\s+){1,3}?(?:on|against|of|in)\b"
        r"|\b(?:troops|forces|army|military|artillery)\s+(?:\w+\s+)?hit(?=\s+(?:the\s+)?(?:village|town|city|settlement)\s+of\b)"
        r"|\b(?:injured|wounded|killed|hurt)\s+(?:\w+\s+){0,3}?as\s+a\s+result\s+of\s+(?:\w+\s+){0,2}?(?:attacks?|shelling|strikes?)\s+by\b"
        r"|\battacks?\s+(?:carried\s+out\s+)?by\s+(?:[\w-]+\s+){0,2}?(?:shaheds?|drones?|missiles?|rockets?|uavs?)\b"
        r"|\b(?:bombed|bombarded|bombarding|bombards|bombardment\s+of|pounded|pounding)\b(?!-)"
        r"|\bshell(?:s|ing)\b(?=\s+(?:the\s+(?:\w+\s+){0,2}(?:city|town|village)\s+of\s+)?(?-i:[A-Z]))"
        r"|\b(?:launched|fired)\s+(?:[\w,-]+\s+){0,4}?(?:missiles?|drones?|rockets?|bombs?|shells?|artillery|mortars?)\s+(?:at|on|against|towards?|into)\b"
        # ("drones were destroyed": the drones were shot down, not a strike that destroyed)
        r"|\b(?:missiles?|drones?|rockets?|bombs?|shells?|strikes?|attacks|shelling|barrages?)\s+"
        r"(?:on\s+\w+\s+|(?!(?:were|was|been|are|is)\s)\w+\s+)?(?:hit|struck|slammed\s+into|(?:flew|crashed|smashed|ploughed|plowed)\s+into(?=\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+|\d+\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:buildings?|houses?|homes?|blocks?|high-rises?|apartments?|schools?|hospitals?|warehouses?|"
        r"facilit(?:y|ies)|plants?|refiner(?:y|ies)|depots?|enterprises?|stores?|shops?|offices?))|landed\s+(?:in|on)|targeted|pounded|rocked|battered|"
        r"devastated|wrecked|ravaged|destroyed|damaged)\b"
        r"|\b(?:overnight|massive|combined|aerial|large-scale|major)\s+(?:\w+\s+)?attacks?\s+(?:on|against)\b"
        # "Russian shelling during the past 24 hours killed three": a time told between cause and toll
        r"|\b(?:shelling|(?:air)?strikes?|bombardment|attacks?)\s+(?:(?:(?:during|over|in)\s+the\s+(?:past|last|previous)\s+"
        r"(?:24\s+hours|day|night)|overnight|(?:late\s+|early\s+)?on\s+\w+day)\s+)?(?:\w+\s+)?(?:killed|injured|wounded|damaged|destroyed)\b"
        r"|\b(?:hit|targeted|attacked)\b(?=[^.;]{0,60}\bwith\s+(?:[\w-]+\s+){0,2}(?:missiles?|drones?|rockets?|bombs?|artillery|shells?|"
        r"mortars?|glide\s+bombs?|multiple\s+launch\s+rocket\s+systems?|mlrs|grads?|shaheds?|uavs?)\b)"
        # "Russia attacked energy infrastructure in X": fire on buildings, not a ground assault
        r"|\battacked\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:infrastructure|facilit(?:y|ies)|kindergartens?|schools?|"
        r"hospitals?|buildings?|houses?|homes|substations?|(?:power|energy)\s+(?:plants?|grid))\b"
        r"|\bdropped\s+(?:[\w-]+\s+){0,3}?(?:bombs?|missiles?|munitions?)\s+on\b"
        r"|\bcame\s+under\s+(?:\w+\s+)?(?:fire|shelling|bombardment|missile\s+attack|drone\s+attack)\b"
        r"|\b(?:was|were|is|are|came)\s+(?:also\s+)?under\s+(?:\w+\s+)?attack\s+(?:by|from)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:drones?|missiles?|rockets?|shaheds?|uavs?|artillery|aircraft|bombs?)\b"
        r"|\b(?:was|were|been|being)?\s*(?:hit|struck|attacked)\s+by\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:missiles?|drones?|rockets?|uavs?|shaheds?|"
        r"bombs?|shells?|strikes?|airstrikes?)\b"
        r"|\b(?:fired|firing|opened\s+fire)\s+(?:(?:\d[\d,]*|[a-z]+)\s+times\s+)?(?:on|at|upon)\b|\bhit\s+(?:near|close\s+to)\b"
        r"|\b(?:blew|blown)\s+up\s+(?:the|a|an)\b"   # "Russian forces blew up the dam of the reservoir"
        r"|\bstriking\b(?=\s+(?:(?:a|an|the)\s+)?(?-i:[A-Z]))"     # "reported striking the Volgograd refinery"
        # damage told without its cause: "Four private houses were damaged in the Krasnodar Region"
        r"|\b(?:houses?|homes?|buildings?|apartment\s+blocks?|high-rises?|infrastructure|facilit(?:y|ies)|warehouses?|"
        r"enterprises?|substations?)\s+(?:\w+\s+){0,2}?(?:were|was|have\s+been|has\s+been)\s+(?:\w+\s+)?"
        r"(?:damaged|destroyed)\s+(?=in\b)"
        r"|\b(?:strike|attack|shelling|bombing|missile|drone)\s+(?:kills|killed|injures|injured|wounds|wounded|hits)\b", _I)),
    ("capture", re.compile(
        r"\b(?:(?:(?:has|have|had)\s+)?(?:took|taken|taking)\s+over(?!\s+(?:the\s+)?(?:role|post|job|command|duties|position))|"
        r"captured|recaptured|seized|liberated|retook|retaken|overran|overrun|"
        r"(?:drove|driven|pushed|kicked)\s+(?:[\w-]+\s+){0,2}?(?:troops|forces|units|militants|the\s+enemy|occupiers)\s+out\s+of|"
        r"(?:restored|returned)\s+to\s+(?:Ukrainian|Russian)\s+control|(?:returned|brought|put)(?=\s+(?-i:[A-Z])[\w'’-]+\s+(?:back\s+)?under\s+(?:our|Ukrainian|Russian|full)\s+control)|"
        r"(?:took|taken|take|taking|seized|gained|established|regained|retook|claimed)\s+(?:full\s+)?control\s+(?:of|over)|"
        r"(?:came|come|fell|fallen|passed|is\s+now|was\s+now|are\s+now|now)\s+(?:fully\s+)?under\s+(?:full\s+)?(?:Russian|Ukrainian|Moscow['\u2019]s|Kyiv['\u2019]s|its|their|our)\s+control|"
        r"(?:is|are|was|now)\s+(?:now\s+)?(?:fully\s+|firmly\s+)?in\s+(?:Russian|Ukrainian)\s+hands|"
        r"(?P<lost>lost\s+(?:full\s+)?control\s+(?:of|over))|"
        r"raised\s+(?:the|a|their|its)\s+(?:\w+\s+)?flags?\s+(?:over|above|in)|fell\s+to|(?P<fell>fell)(?=\s+(?:on|in|last|this|early|late|overnight|yesterday|after|within|days|weeks|months|at|following)\b|\s*[,.;]|$)|(?:has|have|had)\s+fallen|(?:has|have|had)\s+taken|(?:has|have|had)\s+(?:now\s+)?(?:fully\s+|completely\s+|entirely\s+)?occupied|took|"
        r"(?P<nominal>capture\s+of|recapture\s+of|fall\s+of|seizure\s+of|liberation\s+of|takeover\s+of|"
        r"capturing|seizing))\b", _I)),
    ("withdrawal", re.compile(
        r"\b(?:withdr[ae]w(?:n|al)?|withdrawing|retreat(?:ed|ing|s)?|pull(?:ed|ing)\s+(?:out|back)|"
        r"pullout|pull-out)\s+(?:(?!under\b|pressure\b)\w+\s+){0,3}?(?:from|of)\b"
        r"|\bpull(?:ed|ing|s)?\s+(?:(?:its|their|the|his|her|some|all|[\w-]+)\s+){1,3}(?:out|back)\s+(?:of|from)\b"
        r"|\bwithdrawal\s+of\s+(?:[\w-]+\s+){1,3}?(?:from|of)\b"
        r"|(?:(?<=troops\s)|(?<=forces\s)|(?<=units\s)|(?<=soldiers\s))(?:be\s+|were\s+|are\s+|had\s+been\s+|have\s+been\s+)?pulled\s+(?:out\s+|back\s+)?(?:from|of)\b"
        r"(?=\s+(?:(?-i:[A-Z])|the\s+(?:city|town|village|region|settlement)\b))"   # "ordered that troops be pulled from X"
        r"|\b(?:ordered|orders|told)\s+(?:its|their|the|all)\s+(?:[\w-]+\s+)?(?:troops|forces|units|soldiers|garrison)\s+"
        r"(?:\w+\s+){0,2}?to\s+(?:leave|withdraw\s+from|pull\s+out\s+of|retreat\s+from)\b"
        r"|\babandoned\s+(?:their|its|the)\s+(?:[\w-]+\s+){0,2}?(?:bastion|stronghold|positions?|base|hub|garrison)\s+(?:of|in|at)\b"
        r"|\b(?:withdr[ae]w(?:n|al)?|retreat(?:ed)?)\s+(?:\w+\s+){0,3}?to\b"
        r"|\b(?:abandoned|left)(?=\s+(?:the\s+(?:city|town|village)\s+of\s+)?(?-i:[A-Z])|\s+the\s+(?:[a-z-]+\s+){0,2}?(?:city|town|village|settlement)\b)"
        r"|\babandoned\s+(?:(?:their|its|the)\s+)?positions\s+(?:in|near|around)\b"
        r"|\brepositioned\s+(?:(?:in|to|within)\s+(?:some|several|certain|other|new|a\s+few)\s+(?:\w+\s+)?)?(?:in|near|around|from|outside)\b"
        r"|\brepositioned\s+to\s+(?:more\s+)?(?:favou?rable|new|better)|\b(?:pushed|forced|driven)\s+out\s+of\b|\b(?:been|were|was|are|is)\s+(?:\w+\s+)?(?:pushed|forced|driven)\s+back\s+from\b", _I)),
    ("advance", re.compile(
        r"\b(?:entered|broke\s+into|broken\s+into|pushed\s+(?:\w+\s+)?into|push(?:ed|ing)\s+(?:\w+\s+)?towards?|"
        r"(?:broke|break)\s+through\s+(?:to|into|near)|(?:broke|broken)\s+through\s+(?:[\w'-]+\s+){0,3}?(?:lines?|defen[cs]es|positions)|"
        r"(?:made|launched|mounted|began)\s+an?\s+(?:\w+\s+)?push\s+(?:toward|towards|into|on|near|in)|"
        r"(?:made|achieved|scored)\s+an?\s+(?:\w+\s+)?breakthrough\s+(?:near|in|at|around|towards?)|"
        r"(?:gained|established|secured|won)\s+(?:a\s+)?(?:\w+\s+)?foothold\s+(?:in|on|near|at|inside)|gained\s+ground|(?:made|achieved|scored|secured|posted)\s+(?:[\w-]+\s+){0,2}?(?:gains|advances|progress)|"
        r"advanc(?:ed|ing|es?)\s+(?:\w+\s+){0,2}?(?:towards?|on|into|in|near|to|around|"
        r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+of)|"
        r"(?:pushed|moved|edged|crept|inched|drawn|drew|advanced|got|gotten|come|came)\s+(?:ever\s+|even\s+|much\s+|slightly\s+)?closer\s+to(?:wards?)?|"
        r"(?:driven|drove|driving)\s+a\s+wedge|regain(?:ed|ing)?\s+(?:\w+\s+)?(?:positions|ground|territory)|closing\s+in\s+on|moved?\s+(?:closer\s+)?(?:to(?!\s+(?:capture|take|seize|encircle|surround|cut|attack|storm|occupy|block|retake|reach|secure|defend|protect|evacuate|help|support|reinforce|stop|halt|prevent|break|push|advance|launch|strike|hit)\b)|towards)|"
        r"reached\s+the\s+outskirts\s+of|incursion\s+into|crossed\s+(?:the\s+border\s+)?into|"
        r"mov(?:ed|ing|es)\s+(?:deeper|further)\s+into|mov(?:ed|ing)\s+in\s+on|"     # "moving deeper into the city of X"
        r"cross(?:ed|ing)\s+the\s+(?:state\s+)?border\s+(?:near|at|around|close\s+to))\b", _I)),
    ("assault", re.compile(
        r"\b(?:attacks?\s+(?:on|against|near|in|around|at)|attacked|attacking|assaults?\s+(?:on|against|by|in|inside|of)|"
        r"(?:tried|attempted|trying|attempting|attempts?)\s+(?:by\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?to\s+break\s+through\s+(?:the\s+)?(?:\w+\s+)?(?:defen[cs]es?|lines?|positions)\s+(?:of|near|in|at|around)|"
        # "repelled six new Ukrainian attempts to enter its western Kursk region"
        r"attempts?\s+(?:by\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?to\s+(?:enter|break\s+into|storm|advance\s+(?:on|into|near|towards?))\s+(?:its\s+|the\s+)?|"
        r"attacks?\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:successfully\s+)?(?:repelled|repulsed)|"
        # "35 Russian attacks were reported around the city"
        r"(?<!cyber\s)(?<!cyber-)attacks\s+(?:were|have\s+been)\s+(?:reported|recorded|registered)\s+(?:in|near|around|on|at|along)|"
        # "In the direction of X, Ukrainian forces repelled 24 Russian attacks."
        r"(?:repelled|repulsed|fought\s+(?:off|back)|beat\s+back|thwarted)\s+(?:[\w,-]+\s+){0,3}?(?<!cyber\s)(?:attacks|assaults)(?=\s*[.;]|\s*$)|"
        r"assaulted|storm(?:s|ed|ing)?|counter-?attack(?:ed|ing|s)?\s+(?:near|in|on|around)|fighting\s+(?:(?:was|is|has|had|have|been|raged|raging|continued|continues|continuing|"
        r"intensified|erupted|broke\s+out|flared|took\s+place|taking\s+place|under\s+way|underway|ongoing|still|now|also|"
        r"heavy|fierce|reported)\s+){0,3}(?:in|for|around|inside|near|on|from)|"
        r"fight(?:s)?\s+for|clash(?:es|ed)?\s+(?:in|near|around|on)|"
        r"(?:fierce|heavy|intense|street|bloody|ongoing)\s+battles?\s+(?:(?:are|were|is|was|have\s+been|has\s+been|continue|continued)\s+)?"
        r"(?:(?:raging|taking\s+place|under\s+way|underway|going\s+on)\s+)?(?:in|near|around|for|inside)|"
        r"battles?\s+(?:(?:are|were|is|was|have\s+been|has\s+been)\s+)?(?:raged|rage|raging|taking\s+place|took\s+place|continu\w+|erupted)\s+"
        r"(?:in|near|around|for|inside)|"
        r"offensive\s+(?:operations|actions)\s+(?:near|in|around|on|towards?)|counter-?offensives?\s+(?:near|in|around|on|towards?)|"
        r"onslaughts?\s+(?:on|against)|"
        r"(?:launched|began|started|mounted|opened|resumed|stepped\s+up)\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
        r"(?:\w+\s+){0,2}?(?:offensive|assault|counteroffensive|counter-offensive)\s+(?:on|against|in|toward|towards))", _I)),
    ("evacuation", re.compile(
        r"\b(?:evacuated\s+(?:\w+\s+){0,4}?from|evacuations?\s+(?:of|from)|evacuating\s+(?:\w+\s+){0,3}?(?:from|of|in)|evacuates\s+(?:\w+\s+){0,4}?(?:from|of|in)|"
        r"ordered\s+(?:the\s+)?(?:\w+\s+)?evacuation\s+of|evacuated|"
        # "residents of X are evacuating as the front nears": people leaving, told intransitively
        r"(?:(?<=\bare\s)|(?<=\bwere\s))evacuating(?=\s*[,.;]|\s+(?:as|after|amid|because|while|ahead|before|now|en\s+masse)\b)|"
        r"ordered\s+(?:(?:the\s+)?(?:civilians|residents|families|people|children|everyone)\s+(?:\w+\s+){0,3}?)to\s+(?:leave|evacuate|flee)|"
        r"(?:forced|ordered|told|urged|asked|advised)\s+to\s+(?:evacuate|leave)(?:\s+from)?|evacuate\s+from|"
        r"(?:told|urged|asked|advised|called\s+on)\s+(?:\w+\s+){0,3}?(?:residents|civilians|people|families|children|"
        r"everyone|parents)\s+(?:\w+\s+){0,3}?to\s+(?:leave|evacuate|flee)|"
        r"(?:declared|announced|ordered|introduced)\s+(?:a\s+|the\s+)?(?:mandatory\s+|forced\s+|compulsory\s+)?evacuation|"
        r"(?:carrying|carried|carry)\s+out\s+(?:the\s+)?evacuations?|evacuations?\s+(?:continue|continued|continues|"
        r"are\s+continuing|is\s+continuing|are\s+under\s*way|is\s+under\s*way))\b", _I)),
]
# each tried only where one of its words can begin a match (prefilter.Gated)
TRIGGERS = [(t, Gated(rx)) for t, rx in TRIGGERS]

# A cheap first pass (substring tests, much faster than one big regex): a sentence without
# any of these stems has no trigger above.
STEMS = {
    "strike": ("strike", "struck", "rocked", "bombard", "shell", "bomb", "pound", "missile", "drone", "rocket", "hit", "dropped",
               "under", "raid", "barrage", "fired", "firing", "opened fire", "launched", "attack", "blew up",
               "blown up", "overnight", "damaged", "destroyed", "striking"),
    "capture": ("captur", "seiz", "liberat", "retook", "retaken", "overr", "control", "fell", "fallen",
                "took", "taken", "fall", "takeover", "flag", "occupied", "hands", "came under", "come under", "out of"),
    "withdrawal": ("withdr", "retreat", "pull", "abandon", "left", "leave", "out of", "reposition", "back from"),
    "advance": ("advanc", "enter", "push", "broke", "break", "gain", "regain", "wedge", "closing", "move", "moving", "reach",
                "incursion", "crossed", "progress", "closer", "crossing", "foothold"),
    "assault": ("attack", "assault", "storm", "fight", "clash", "offensive", "battle", "onslaught", "break through", "attempt"),
    "evacuation": ("evacuat", "ordered", "leave", "flee"),
}


def _stem_scan():
    a = ahocorasick.Automaton()
    for stem in {s for stems in STEMS.values() for s in stems}:
        a.add_word(stem, frozenset(t for t, stems in STEMS.items() if stem in stems))
    a.make_automaton()
    return a


_STEM_SCAN = _stem_scan()


def trigger_types(text: str) -> set[str]:
    """Event types whose trigger stems occur in the text (one Aho-Corasick pass over it:
    much faster than running every trigger regex over every sentence)."""
    found: set[str] = set()
    for _, types in _STEM_SCAN.iter(text.lower()):
        found |= types
    return found

# Verbs whose place must follow closely ("took the town of X", not "took part in talks on X").
TIGHT = re.compile(r"^(?:took|taken|has\s+taken|have\s+taken|had\s+taken|left|struck|abandoned|evacuated|"
                   r"attacked|attacking|storm\w*|entered|pounded|hit)$", _I)
# A noun phrase leading to the place: "the outskirts of the eastern Ukraine frontline city of".
OBJECT_NP = re.compile(r"^\s*(?:(?:one|some|several|parts?|much|most|all)\s+of\s+)?(?:(?:the|a|an|its|their|part\s+of\s+the)\s+)?(?:[\w'-]+\s+){0,3}?(?:outskirts|centre|center|"
                       r"edge|suburbs?|districts?|parts?|area|areas|positions|village|town|city|settlement|"
                       r"region|province|oblast|control)\s+(?:of|in|near|around|over)\s+(?:the\s+)?"
                       r"(?:[\w'-]+\s+){0,5}?(?:(?:city|town|village|settlement|hub|stronghold|bastion)\s+of\s+)?$", _I)
AXIS_AFTER = re.compile(r"['\u2019]?s?\s+(?:sector|direction|axis|front|salient)s?\b"
                        r"|(?:\s*,\s*(?-i:[A-Z])[\w'\u2019-]+){0,4}\s*,?\s+and\s+(?-i:[A-Z])[\w'\u2019-]+\s+(?:sectors|directions|axes|fronts)\b", _I)
# Between two coordinated places: "X and Y", "X, Y and Z", "X in the northeast and around Y".
COORDINATED = re.compile(r"^(?:\s+in\s+the\s+\w+)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:(?:in|near|around|on|at)\s+)?"
                         r"(?:the\s+(?:\w+\s+)?(?:village|town|city)\s+of\s+)?$", _I)
# A sentence that opens on its place: "In Kherson, ...", "In the southern Kherson region, ..."
LEAD_PLACE = re.compile(r"^[\"“‘]?(?:In|Near|Around|Outside|At|On\s+the\s+outskirts\s+of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?"
                        r"[A-Z][\w'\u2019-]+(?:\s+(?:region|oblast|province|Oblast))?,")
AXIS = re.compile(r"\bdirections?\b|\baxis\b|\bsector\b", _I)
REFERENCE_BEFORE = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|"
                              r"north-east|north-west|south-east|south-west)(?:ern)?\s+of\s+(?:the\s+(?:capital|city|town)\s*,?\s+)?$|"
                              r"\bkm\s+(?:from|of)\s+$|"
                              r"\b(?:kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:from|of)\s+$", _I)

TAKE = re.compile(r"^(?:took|taken|(?:has|have|had)\s+taken)$", _I)

TAKES_OBJECT = re.compile(r"^(?:captured|recaptured|seized|took|taken|(?:has|have|had)\s+taken|retook|lost\s+(?:full\s+)?control\s+(?:of|over)|"
                          r"retaken|struck|hit|abandoned|left)$", _I)
# "left"/"abandoned" are a withdrawal only when troops do it, not fleeing residents.
TROOPS_BEFORE = re.compile(r"\b(?:forces|troops|units|soldiers|army|military|brigades?|battalions?|"
                           r"defenders|garrison|servicemen|fighters)\b[^,;]*$", _I)
# Objects that make "struck"/"hit" an idiom, not fire on a place ("struck a deal in X").
NOT_A_TARGET = re.compile(r"\b(?:deal|agreement|balance|tone|chord|note|blow|image|imagination|attention|"
                          r"record|nerve|home|pay\s+dirt|gold|jackpot)\b", _I)
# Objects that make "captured"/"seized"/"struck" something other than territory.
NOT_TERRITORY = re.compile(
    r"\b(?:soldiers|troops|servicemen|prisoners|POWs|fighters|mercenaries|men|people|civilians|"
    r"weapons|equipment|tanks?|vehicles?|ammunition|documents|ships?|vessels?|grain|assets|aircraft|planes?|"
    r"helicopters?|cars?|trucks?|situation|narrative|"
    r"deal|agreement|balance|tone|chord|note|blow|image|imagination|attention)\b", _I)

PEOPLE_SUBJECT = re.compile(r"\b(?:soldiers|troops|servicemen|prisoners|fighters|mercenaries|men|people|defenders|"
                            r"marines|personnel|civilians|residents|Ukrainians|Russians|^\s*(?-i:They|He|She|We))\s+(?:\w+\s+)?"
                            r"(?:were|was|had\s+been|have\s+been|being)\s+$", _I)
# "defenders captured in Mariupol": people taken, told by a participle right after them
PEOPLE_PARTICIPLE = re.compile(r"\b(?:defenders|soldiers|servicemen|fighters|marines|personnel|prisoners|troops)\s+$", _I)

# A state told of its subject ("X is now in Russian hands", "X, a town of 5,000, fell"): the
# place must be that subject, not a place people come from ("Ukrainians from Mariupol are ...").
STATE_TRIGGER = re.compile(r".*(?:hands|control)$|fell$", _I)
SUBJECT_GAP = re.compile(r"^(?:['’]s\s+\w+)?\s*(?:,(?:[^,;]|(?<=\d),(?=\d)){1,60},\s*)?(?:(?:is|are|was|were|has|have|had|been|now|fully|"
                         r"firmly|finally|reportedly|effectively|also)\s+)*$", _I)
# Triggers whose place may come before them ("Bakhmut fell to", "Avdiivka was captured").
PLACE_BEFORE_OK = re.compile(r"^(?:(?:came|come|fell|fallen|passed|is\s+now|was\s+now|are\s+now|now|restored|returned)\s+.*\s+control|.*\s+hands|captured|recaptured|seized|liberated|retaken|overrun|fell\s+to|"
                             r"(?:has|have|had)\s+fallen|attacked|shelled|struck|bombed|"
                             r"evacuated|abandoned|came\s+under\s+.*|(?:was|were|is|are)\s+(?:also\s+)?under\s+.*|ordered\s+.*\bto\s+(?:leave|evacuate|flee)|"
                             r"(?:(?:was|were|been|being)\s+)?(?:hit|struck|attacked)\s+by\s+.*)$", _I)
# Before a nominal trigger: a commemoration or a start point, not news ("the anniversary of
# the liberation of X", "a year since the capture of X").
SINCE_BEFORE = re.compile(r"\b(?:anniversary|anniversaries|since|commemorat\w*|remembrance)\b(?:\s+[\w'\u2019-]+){0,3}?\s*$", _I)
# The article's main place told without its name: "the city", "the embattled eastern town".
ANAPHOR = re.compile(r"\bthe\s+(?:(?-i:[a-z][a-z-]*)\s+){0,2}?(?:city|town|village|settlement)\b"
                     r"(?!\s+(?:of|council|hall|authorities|administration|mayor|officials|centre\s+of)\b)", _I)
# A ground attack stays an assault; an attack that kills civilians or hits a city in Russia is
# a strike ("a Ukrainian attack on the Russian city of Belgorod", "an attack on Dnipro killed three").
STRIKE_CUE = re.compile(r"\b(?:killed|killing|kills|injured|injuring|wounded|wounding|dead|damaged|damaging|casualt\w*|fatalit\w*|injuries|"
                        r"deadl\w+|rescuers?|rescue\s+operations?|search\s+operations?|rubble|debris|"
                        r"destroyed|civilians?|residential|apartment|homes|power|energy|infrastructure|overnight|"
                        r"aftermath|charred|burned-out|pre-?dawn|missiles?|rockets?|glide\s+bombs?)\b"
                        r"|\bRussian\s+(?:border\s+)?(?:city|town|region|village)\b", _I)
# "attacking a power plant in X", "struck an oil depot in X": a target that only fire reaches
INFRASTRUCTURE = re.compile(r"\b(?:power\s+(?:plant|station|grid|lines?)|plants?|refiner(?:y|ies)|depots?|"
                            r"infrastructure|grid|substations?|airfields?|air\s+bases?|ports?|railway|station|"
                            r"bridges?|buildings?|factory|factories|facilit(?:y|ies)|warehouses?|terminals?|"
                            r"(?:hyper|super)?markets?|shopping\s+(?:cent(?:re|er)|mall)|malls?|hospitals?|clinics?|"
                            r"schools?|kindergartens?|churche?s?|cafes?|restaurants?|hotels?|apartment\s+blocks?)\b", _I)
# "attacked Kyiv with nearly 30 drones": only fire reaches
WITH_FIRE = re.compile(r"\W{0,3}(?:[\w'’-]+\s+){0,3}?with\s+(?:[\w'’“”\"-]+\s+){0,5}?(?:drones?|missiles?|rockets?|"
                       r"bombs?|shells?|artillery|mlrs|shaheds?|uavs?|unmanned\s+aerial\s+vehicles?)\b", _I)
GROUND_BEFORE = re.compile(r"\b(?:forces|troops|units|soldiers|infantry|assault\s+groups?|brigades?|battalions?|"
                           r"marines|paratroopers|mercenaries|armou?r|tanks|defenders|fighters)\b", _I)
# An active verb with an object of its own: the place before it is its subject, not its object
# ("troops entered Selydove and shelled the city").
OWN_OBJECT = re.compile(r"\s+(?:the|a|an|its|their|his|her|several|two|three|dozens|many)\b"
                        r"(?!\s+(?:next|following|same|day|night|week|morning|evening|previous)\b)", _I)
NOMINAL = re.compile(r"(?:capture|recapture|fall|seizure|liberation|takeover|advance|attack|assault|"
                     r"offensive|withdrawal|retreat|evacuation)\s+of\b|capturing\b|seizing\b", _I)

# Clause boundaries the object of a trigger does not cross.
CLAUSE_END = re.compile(r"\s[\u2014\u2013-]\s|[;:()\u2014]|,\s+(?=(?:which|who|while|but|although|"
                        r"as|when|after|before|since|and\s+(?:the|a|its|their)|according|said|says)\b)"
                        r"|\s(?:but|while|although|whereas)\s")

NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|no|nor|denied|denies|deny|denying|refuted|rejected\s+claims|false|"
    r"failed|failing|fail|unable|without)\b|n't)(?:\s+[\w'\u2019-]+){0,4}\s*$", _I)
INTENT_BEFORE = re.compile(
    r"\b(?:would|could|might|(?-i:may)|will|shall|can|should|must|(?<!according\s)(?<!due\s)(?<!next\s)"
    r"(?<!close\s)(?<!up\s)(?<!prior\s)(?<!addition\s)(?<!thanks\s)(?<!similar\s)to|plans?|planned|planning|aims?|aimed|"
    r"aiming|bid|attempts?|attempting|attempted|try|tries|trying|tried|wants?|wanted|intends?|"
    r"intent|seeks?|seeking|sought|threatens?|threatened|threatening|vows?|vowed|ready|preparing|"
    r"prepares|expected|expects|goal|objective|commitment|committed|quest|bracing|fears?|feared|"
    r"risk|risks|possible|potential|possibly|eventual|anticipated|imminent|prevent|prevented|stop|"
    r"halt|if|unless|whether|hopes?|hoping|hoped|push\s+to|drive\s+to|order\s+to|focused\s+on|towards?|step|"
    r"refocused\s+on|focus\s+on|staked\s+\w+\s+\w+\s+on|intent\s+on|designed|capable|concentrat\w+\s+on|"
    r"bent\s+on|set\s+on|(?:prevent|stop|deter|keep)\w*\s+(?:\w+\s+){0,2}from|"
    r"warned|warns|predicted|predicts|forecast|rumou?red|speculat\w*|hypothetical|looming|threats?|"
    r"demands?|demanded|demanding|conditions?|ultimatum|proposals?|proposed|calls?\s+for|called\s+for)\b(?:\s+\w+){0,3}\s*$", _I)
# A bare verb coordinated with an earlier infinitive: "in an attempt to breach the defences and
# advance to X", "ordered to hold and not withdraw": the plan, not what happened.
BARE_VERB = re.compile(r"(?:advance|storm|capture|take|seize|enter|attack|withdraw|retreat|push|break|"
                       r"pull|strike|shell|evacuate|recapture|retake|liberate)\b", _I)
INFINITIVE_AND = re.compile(r"\bto\s+[a-z]+\b[^,;.]{0,60}?\s(?:and|or)\s+$", _I)
ATTEMPT_BEFORE = re.compile(r"\b(?:attempted|attempts|attempting|tried|tries|trying)\s+to\s+$", _I)
# Words that say it did happen despite a cue above ("continue to advance", "managed to take").
HAPPENED_BEFORE = re.compile(r"\b(?:continues?|continued|continuing|managed|succeeded|began|begun|"
                             r"started|keeps?|kept|forced|ordered|decided)\s+(?:\w+\s+){0,2}?(?:to|in)\s*$|\bto\s+have\s+(?:\w+\s+)?$"
                             r"|\b(?:ordered|decided)\s+(?:\w+\s+){0,2}?to\s+(?:begin|start|complete|carry\s+out)\s+(?:the\s+)?$", _I)
MODAL_AFTER = re.compile(r"\b(?:would|could|might|may|will|shall|can)\b(?!\s+not\s+have)", _I)
# "(less than) a week after the fall of X", "two days after capturing X"
RELATIVE_BEFORE = re.compile(
    r"(?P<lt>less\s+than\s+|under\s+|just\s+|only\s+|barely\s+)?(?P<n>\d{1,3}|an?|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|a\s+few|several)\s+(?P<unit>days?|weeks?|months?)\s+"
    r"(?:(?:after|since|of)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,2}?"
    # "almost two weeks after Russian troops said they had captured the town": the claim's deed
    r"|after\s+(?:[\w'\u2019-]+\s+){1,3}?(?:said|claimed|announced|reported)\s+(?:that\s+)?(?:they|it|its\s+(?:troops|forces))\s+"
    r"(?:had\s+|have\s+)?)$", _I)

# Slow patterns most windows cannot match: tried only where a word they need occurs.
NEGATION_BEFORE, INTENT_BEFORE, RELATIVE_BEFORE = map(Gated, (NEGATION_BEFORE, INTENT_BEFORE, RELATIVE_BEFORE))

WEAPON_SUBJECT = re.compile(r"\b(?:drones?|missiles?|rockets?|aircraft|jets|warplanes|bombers|artillery|"
                            r"shells|bombs|mortars?)\s+(?:\w+\s+)?$"
                            r"|\b(?:mortar|artillery|drone|missile|rocket|air|aerial|shelling)\s+$", _I)   # "mortar attacks were reported in X"

# --- actor side ---------------------------------------------------------------------------

FORCE_NOUN = (r"(?:forces|troops|army|military|units?|soldiers|fighters|aircraft|jets|warplanes|"
              r"drones|missiles|artillery|infantry|paratroopers|marines|brigades?|battalions?|"
              r"mercenar\w+|assault\s+groups?|defenders|servicemen|navy|air\s+force|bombers|"
              r"counteroffensive|offensive|advance|assaults?|attacks?|strikes?|shelling|"
              r"gunners|sabotage\s+groups?|tanks?|armou?r|military\s+bloggers)")
RU_WORD = r"(?:[Rr]ussian|Russia['\u2019]s|Moscow['\u2019]s|Kremlin|Wagner|Chechen|pro-Russian|Russian-backed|separatist)"
UA_WORD = r"(?:[Uu]krainian|Ukraine['\u2019]s|Kyiv['\u2019]s|Kiev['\u2019]s)"
SIDE_PHRASE = re.compile(
    rf"\b(?P<word>{RU_WORD}|{UA_WORD})\s+(?:[\w-]+\s+){{0,2}}?{FORCE_NOUN}\b(?!\s+(?:said|says|told|reported|claimed|stated)\b)"
    rf"|\b(?P<bare>Russia|Moscow|the\s+Kremlin|Wagner|Ukraine|Kyiv|Kiev)\b(?!['\u2019]s|\s+(?:said|says|told|reported|"
    rf"claimed|stated|denied|region|oblast)\b)(?=\s*(?:,|has|have|had|is|was|were|are|\w+ed\b|\w+s\b))")
BY_SIDE = re.compile(rf"^[^,.;]{{0,40}}?\bby\s+(?:the\s+)?(?:{RU_WORD}|{UA_WORD}|Russia|Ukraine|Moscow|Kyiv)", _I)
DEFENDED = re.compile(r"(?:repelled|repulsed|fought\s+(?:off|back)|beat\s+back|thwarted)\s", _I)
DEFENSIVE = re.compile(r"\b(?:" + REPEL + r"|fought\s+back|fighting\s+back|defend\w*|under)\s+(?:\w+\s+){0,3}$", _I)
ADJ_BEFORE = re.compile(rf"\b(?P<word>{RU_WORD}|{UA_WORD})\s+(?:[\w-]+\s+)?$")
PRONOUN_FORCE = re.compile(rf"\b(?:its|their|our|his|her)\s+(?:[\w-]+\s+)?{FORCE_NOUN}\b", _I)
SELF_CLAIM = re.compile(r"\b(?:(?:that\s+)?(?:it|they)(?:\s+(?:had|has|have))?|to\s+have)\s+(?:\w+\s+){0,2}$", _I)
ANY_SIDE = re.compile(rf"{RU_WORD}|{UA_WORD}|\b(?:Russia|Moscow|Kremlin|Ukraine|Kyiv|Kiev)\b")
# a Russian body saying what follows is told ("..., the Russian defence ministry said")
# (the speaker's clause right after the trigger's: not "..., a claim Moscow said was false" nor
# "..., while Russian officials said")
RU_SOURCE = re.compile(rf"[^,;]{{0,60}}?,\s*(?:the\s+|a\s+)?(?:{RU_WORD}\s+(?:[\w-]+\s+){{0,2}}?(?:ministry|military|army|officials?|"
                       rf"authorities|command|agency|news\s+agency)|Moscow|the\s+Kremlin|TASS|RIA(?:\s+Novosti)?|Interfax)\b"
                       rf"\s+(?:(?:has|had|also|later)\s+)?(?:said|says|reported|claimed|announced|stated)\b", re.I)
UKRAINE_BY_DEFAULT = re.compile(r"^(?:liberated|liberation\s+of|retook|retaken|recaptured|recapture\s+of|"
                                r"regained\s+control\s+(?:of|over))$", _I)


# "troops in eastern Ukraine": the country named as a location, not as an actor
IN_COUNTRY = re.compile(r"\b(?:in|of|across|from|into|inside|throughout)\s+(?:the\s+)?(?:(?:eastern|western|southern|northern|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western|central|occupied|war-torn)\s+)?$", _I)


def side_of(word: str) -> str:
    w = word.lower()
    return "ukraine" if w.startswith(("ukrain", "kyiv", "kiev")) else "russia"


def other(side: str) -> str:
    return "ukraine" if side == "russia" else "russia"


IMPACT = re.compile(r"\b(?:hit|hits|struck|landed|exploded|slammed)\b", _I)


FORMATION = re.compile(r"(?i)\b(?:group|grouping|battlegroup|brigade|battalion|regiment|division|corps)\b")


def actor_side(text: str, start: int, end: int, event_type: str, m: re.Match) -> str | None:
    """Who carries the event out: "by Russian troops" after the trigger, else the nearest
    force named before it in the sentence (flipped when that force fends the attack off)."""
    by = BY_SIDE.match(text[end:])
    if re.search(r"\bunder\s+(?:its|their)\s+(?:full\s+)?control\b", m.group(0)):
        # "Russia claimed the village is now under its control": the side that claims it (named
        # before the claim's verb, not the troops named after it)
        said = [v for v in re.finditer(r"\b(?:said|says|claimed|claims|reported|announced|stated)\b", text[:start])]
        owner = [x for x in ANY_SIDE.finditer(text, 0, said[0].start() if said else start)]
        return side_of(owner[-1].group(0).replace("Kremlin", "Russia")) if owner else None
    if re.search(r"(?i)\b(?:hit|struck)\s+by\b|\bunder\s+(?:\w+\s+)?(?:attack|fire|shelling|bombardment)\b", m.group(0)):
        # "Kyiv was hit by a Russian missile": the subject is the target; the sender is in the by-phrase
        sender = re.search(rf"{RU_WORD}|{UA_WORD}", m.group(0))
        return side_of(sender.group(0)) if sender else None
    if event_type == "assault" and DEFENDED.match(m.group(0)):
        # "Ukrainian forces repelled 24 Russian attacks": the attackers, named in the trigger or
        # the other side of the defenders before it
        inner = re.search(rf"{RU_WORD}|{UA_WORD}", m.group(0))
        if inner:
            return side_of(inner.group(0))
        # the defenders in the trigger's own clause ("..., where the defenders repelled 30 attacks":
        # nobody named, so no side; not the attackers named in the clause before)
        cut = max((c.end() for c in CLAUSE_END.finditer(text, 0, start)), default=0)
        cut = max([cut] + [c.end() for c in re.finditer(r",\s*(?:where|and|as|while)\b", text[:start])])
        before = [x for x in SIDE_PHRASE.finditer(text, cut) if x.end() <= start]
        if before:
            x = before[-1]
            return other(side_of(x.group("word") or x.group("bare").replace("the ", "").replace("Kremlin", "Russia")))
        return None
    if event_type == "withdrawal" and m.group(0).lower().endswith(" of"):
        of = SIDE_PHRASE.match(text, end + 1)     # "the withdrawal of Ukrainian troops from X"
        if of and of.group("word"):
            return side_of(of.group("word"))
    if m.groupdict().get("lost"):                 # "Ukraine lost control of X": Russia took it
        subject = [x for x in ANY_SIDE.finditer(text, 0, start)]
        return other(side_of(subject[-1].group(0).replace("Kremlin", "Russia"))) if subject else None
    inner_by = re.search(rf"\bby\s+(?:(?:the|its|their)\s+)?(?:{RU_WORD}|{UA_WORD}|Russia|Ukraine|Moscow|Kyiv)", m.group(0))
    if inner_by and event_type in ("strike", "assault"):   # "the shelling attack by Ukrainian troops on X",
        # "attempts by Russian forces to break through"
        return side_of(re.search(rf"{RU_WORD}|{UA_WORD}|Russia|Ukraine|Moscow|Kyiv", inner_by.group(0), _I).group(0))
    hands = re.search(r"\bin\s+(Russian|Ukrainian)\s+hands", m.group(0))
    if hands:
        return side_of(hands.group(1))
    own = re.search(r"\b(?:under|to)\s+(?:full\s+)?(Russian|Ukrainian|Moscow|Kyiv)", m.group(0))
    if own:                                        # "came under Russian control"
        return side_of(own.group(1))
    if re.search(r"\bto$", m.group(0)):          # "fell to Russian forces"
        to = SIDE_PHRASE.match(text, end + 1)
        if to:
            return side_of(to.group("word") or to.group("bare"))
    if by:
        return side_of(re.search(rf"{RU_WORD}|{UA_WORD}|Russia|Ukraine|Moscow|Kyiv", by.group(0), _I).group(0))
    adjective = ADJ_BEFORE.search(text, 0, start)
    if adjective:                                  # "a Russian missile strike on X"
        return side_of(adjective.group("word"))
    before = [x for x in SIDE_PHRASE.finditer(text) if x.end() <= start
              and not (x.group("bare") and IN_COUNTRY.search(text, max(0, x.start() - 30), x.start()))]
    pronoun = [x for x in PRONOUN_FORCE.finditer(text) if x.end() <= start]
    self_claim = SELF_CLAIM.search(text, 0, start)
    if self_claim:
        # "Russia said it had captured X", "Russia claimed to have captured X"
        owner = [x for x in ANY_SIDE.finditer(text) if x.end() <= self_claim.start()]
        if owner:
            return side_of(owner[-1].group(0).replace("Kremlin", "Russia"))
    if pronoun and (not before or pronoun[-1].start() > before[-1].end()):
        # "the ministry said its forces had captured X": the forces of the side named before
        owner = [x for x in ANY_SIDE.finditer(text) if x.end() <= pronoun[-1].start()]
        if owner:
            return side_of(owner[-1].group(0).replace("Kremlin", "Russia"))
    if before:
        x = before[-1]
        side = side_of(x.group("word") or x.group("bare").replace("the ", "").replace("Kremlin", "Russia")
                       .replace("Wagner", "Russia"))
        between = text[x.end():start]
        if event_type in ("assault", "strike") and DEFENSIVE.search(between):
            return other(side)
        if x.group("word") and re.search(r"assaults?|attacks?|strikes?|shelling|offensive|advance",
                                         x.group(0), _I) and x.end() >= start - 2:
            return side   # "Russian shelling of X": the adjective names the actor
        return side
    subject = [x for x in ANY_SIDE.finditer(text, max(0, start - 25), start)]
    if subject and not re.search(r"[,;]|\b(?:said|says|reported|reports|told|stated|announced)\b",
                                 text[subject[-1].end():start]):
        return side_of(subject[-1].group(0).replace("Kremlin", "Russia"))   # "Russia claimed control of X"
    # a fighting force the dictionary knows: "units of the 'West' grouping have liberated X" (not
    # a speaker's office: "the General Staff reported offensive actions near X")
    forces = [a for _, _, a in find_actors(text[:start]) if a.kind == "institution" and a.side in ("russia", "ukraine")
              and FORMATION.search(a.name)]
    if forces:
        return forces[-1].side
    after = SIDE_PHRASE.search(text, end)
    if event_type in ("capture",) and UKRAINE_BY_DEFAULT.match(m.group(0)):
        # "X was liberated, the Russian defence ministry said": Moscow's word for its own gains
        return "russia" if RU_SOURCE.match(text, end) else "ukraine"
    if after and event_type in ("strike", "assault", "advance") and after.start() - end < 60 and \
            re.search(r"\b(?:on|against|at|in|near|over|across|into|inside|outside|around)\s+[\w\s]*$", text[end:after.start()], _I) is None and \
            not (event_type == "strike" and IMPACT.search(m.group(0))):
        # (not "rockets hit the building where Russian servicemen were stationed": after an
        # impact verb the force named is the target's, and the sender stays unknown)
        return side_of(after.group("word") or after.group("bare"))
    return None
