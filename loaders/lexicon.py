"""Phrase dictionaries for figures: what a number counts, whose it is, what it is not.

Plain lists of lower-case regex fragments, longest first where one contains another.
Extend a list to teach the extractor a new wording (see docs/extraction.md); the
figures module compiles them once at import.
"""
from __future__ import annotations

# --- what the noun after a number is -----------------------------------------------------
# Nouns are matched whole-word, case-insensitive, optionally plural where written "s?".
NOUNS = {
    "military": [
        r"service\s*members?", r"servicem[ae]n", r"service\s*people", r"military\s+personnel", r"personnel", r"soldiers?",
        r"solders?",   # a common misspelling of soldiers
        r"sergeants?", r"corporals?", r"lieutenants?", r"privates", r"sailors?", r"seamen", r"pilots?",
        r"generals", r"colonels?", r"majors", r"captains", r"admirals?",
        r"troopers?",
        r"assault\s+(?:troops?|troopers?|infantry(?:men)?|soldiers?|fighters?|servicemen)",   # people, not assaults
        r"troops?", r"fighters?", r"mercenar(?:y|ies)", r"militants?", r"marines?", r"paratroopers?",
        r"conscripts?", r"recruits?", r"mobilised\s+men", r"defenders?", r"combatants?", r"infantrymen",
        r"officers?", r"commanders?", r"sappers?", r"servicewomen", r"occupiers?", r"invaders?", r"orcs?", r"warriors",
        r"prisoners\s+of\s+war", r"pows?", r"prisoners?", r"captives?", r"militiam[ae]n",
        r"national\s+guardsmen", r"border\s+guards?", r"guardsmen",
    ],
    "civilian": [
        r"civilians?", r"people", r"folks", r"persons?", r"residents?", r"inhabitants?", r"locals", r"villagers?",
        r"children", r"child", r"kids?", r"minors?", r"teenagers?", r"babies", r"infants?", r"women",
        r"elderly", r"pensioners?", r"citizens?", r"woman", r"passengers?", r"workers?", r"medics?",
        r"rescuers?", r"first\s+responders", r"journalists?", r"volunteers?", r"patients?",
        r"refugees", r"evacuees", r"participants", r"attendees", r"guests", r"visitors", r"shoppers",
        r"customers", r"worshippers", r"spectators", r"diners", r"police\s+officers?", r"policem[ae]n", r"firefighters?", r"doctors?", r"nurses?",
        r"miners?", r"farmers?", r"students?", r"pupils?", r"teachers?", r"passers-?by", r"motorists?",
        r"drivers?", r"employees?", r"staff", r"aid\s+workers?", r"humanitarian\s+workers?", r"relatives",
        r"residents", r"adults?", r"family\s+members", r"members\s+of\s+(?:a|the|one)\s+family", r"girls?", r"boys?", r"teens?", r"toddlers?", r"grandmothers?", r"mothers?",
    ],
    # Say nothing about whose: take the side of the figure before ("12 soldiers and 3 others").
    "neutral": [r"others", r"more", r"victims?", r"individuals", r"men", r"man", r"of\s+them", r"in\s+total", r"in\s+all"],
    "demonym": [r"ukrainians", r"russians"],
    "attack": [
        r"assault\s+attempts?", r"attack\s+attempts?", r"storming\s+attempts?", r"offensive\s+actions?",
        r"waves?\s+of\s+(?:attacks|assaults)",
        r"offensive\s+operations?", r"counter-?attacks?", r"counter-?offensives?",
        r"attempts?\s+(?:by\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?to\s+(?:advance|break\s+through|storm|attack|break\s+into|enter|push\s+through)", r"attacks?", r"assaults?", r"combat\s+clashes", r"combat\s+engagements?",
        r"clashes", r"engagements", r"firefights", r"ground\s+attacks?",
    ],
    "strike": [
        r"air\s*strikes?", r"missile\s+strikes?", r"drone\s+strikes?", r"artillery\s+strikes?",
        r"rocket\s+strikes?", r"strikes?", r"shellings?", r"bombardments?", r"air\s+raids?", r"bombings?",
        r"salvos?", r"barrages?", r"cases\s+of\s+(?:[\w-]+\s+)?(?:shelling|bombing|bombardment|strikes?|air\s+strikes?)", r"sorties", r"(?:artillery\s+)?fire\s+missions", r"firing\s+missions",
    ],
    "munition": [
        r"cruise\s+missiles?", r"ballistic\s+missiles?", r"missiles?", r"rockets?",
        r"shaheds?(?:-type)?\s+(?:one-way\s+)?(?:attack|kamikaze|strike)\s+(?:drones?|uavs?|unmanned\s+aerial\s+vehicles)",
        r"(?:attack|kamikaze|shahed|strike|combat|explosive)\s+(?:drones?|uavs?|unmanned\s+aerial\s+vehicles)", r"drones?", r"shaheds?", r"uavs?", r"unmanned\s+aerial\s+vehicles?",
        r"(?:guided|glide|aerial|cluster)\s+bombs?", r"bombs?", r"(?:artillery|mortar|tank)\s+(?:shells?|rounds?)",
        r"shells?", r"projectiles?", r"munitions?",
    ],
    "equipment": [
        r"armou?red\s+personnel\s+carriers?", r"infantry\s+fighting\s+vehicles?",
        r"himars(?:\s+(?:launchers?|systems?|units))?", r"(?:missile\s+|rocket\s+)?launch(?:er|ing)\s+systems?",
        r"air\s+defen[cs]e\s+(?:systems?|launchers?|batteries|complexes)", r"(?:missile|patriot|artillery)\s+batteries",
        r"anti-aircraft\s+(?:missile\s+)?systems?", r"launchers?", r"fighter\s+jets?", r"landing\s+ships?",
        r"(?:ground-?\s?)?attack\s+(?:aircraft|helicopters?|jets?|planes?)",
        r"(?:pieces|units|items)\s+of\s+(?:[\w-]+\s+){0,2}?(?:equipment|armaments?|weaponry|weapons|hardware|materiel)",
        r"(?:units\s+of\s+)?(?:weapons|armaments)(?:\s+and\s+(?:military\s+)?equipment)?",
        r"(?:military\s+|combat\s+)?(?:equipment|hardware|armou?red)\s+units",
        r"rocket\s+artillery(?:\s+(?:launchers?|systems?|pieces?))?",
        r"field\s+artillery(?:\s+and\s+mortar\s+(?:guns|systems)|\s+(?:guns|pieces|systems))?",     # the Russian MoD's tally line
        r"electronic\s+warfare\s+(?:stations?|systems?|complex(?:es)?)", r"(?:field\s+|artillery\s+|anti-tank\s+)?guns", r"(?:field\s+)?(?:artillery\s+)?cannons",
        r"armou?red\s+personnel\s+vehicles?", r"(?:rocket\s+|multiple\s+rocket\s+)?salvo\s+(?:fire\s+)?systems?",
        r"armou?red\s+(?:combat\s+)?vehicles?", r"military\s+vehicles?", r"troop-carrying\s+(?:[\w-]+\s+){0,2}?vehicles?",
        r"(?:infantry\s+|armou?red\s+)?fighting\s+vehicles?", r"tanks?", r"apcs?", r"ifvs?", r"acvs?", r"afvs?",
        r"bmps?", r"btrs?", r"(?:field\s+)?artillery\s+(?:systems?|pieces?|guns?|mounts?|installations?)",
        r"(?:missile|rocket)\s+(?:systems?|complex(?:es)?)", r"howitzers?", r"mortars?",
        r"multiple\s+(?:launch\s+)?rocket\s+(?:launchers?|systems?)", r"mlrs", r"rocket\s+launchers?",
        r"air\s+defen[cs]e\s+systems?", r"anti-aircraft\s+systems?", r"aircraft", r"warplanes?",
        r"(?:fighter\s+)?jets?", r"planes?", r"(?:air|aero)planes?", r"submarines?", r"helicopters?", r"warships?", r"ships?", r"vessels?",
        r"(?:units\s+of\s+)?motor\s+vehicles?", r"automobiles?", r"motor\s*cycles?", r"pick-?ups?",
        r"boats?", r"vehicles?", r"trucks?", r"radars?", r"watercraft", r"atgms?", r"cars",
        r"(?:pieces|units)\s+of\s+(?:[\w-]+\s+){0,3}?(?:equipment|hardware|weapons)",
    ],
    # Counted things that are never figures.
    "trap": [
        r"villages?", r"settlements?", r"towns?", r"cities", r"city", r"localities", r"hamlets?",
        r"regions?", r"oblasts?", r"provinces?", r"districts?", r"areas?", r"communities", r"countries",
        r"nations?", r"states?", r"battalions?", r"brigades?", r"regiments?", r"divisions?", r"companies",
        r"units?", r"platoons?", r"squads?", r"groups?", r"buildings?", r"houses?", r"homes?",
        r"apartments?", r"apartment\s+(?:blocks?|buildings?)", r"flats?", r"schools?", r"hospitals?",
        r"bridges?", r"churches?", r"substations?", r"plants?", r"facilities", r"points?", r"votes?",
        r"pages?", r"hectares?", r"acres?", r"tons?", r"tonnes?", r"kilograms?", r"kg", r"litres?",
        r"liters?", r"steps?", r"positions?", r"sectors?", r"directions?", r"fronts?", r"lines?",
        r"packages?", r"sanctions?", r"rounds\s+of\s+(?:talks|sanctions)", r"times", r"years?", r"months?",
        r"weeks?", r"days?", r"hours?", r"decades?", r"names?", r"articles?", r"posts?", r"videos?",
        r"photos?", r"images?", r"cases?", r"crimes?", r"charges?", r"percent", r"objects?", r"targets?",
        r"members", r"leaders", r"ministers", r"delegates", r"reporters", r"satellites?", r"waves\s+of\s+(?:[\w-]+\s+)?(?:attacks|strikes)",
        r"(?:prisoners?|pows?)(?:[\s-]+of[\s-]+war)?\s+(?:exchanges?|swaps?)", r"exchanges", r"swaps",
    ],
}

# Modifiers before "attacks" that make them strikes ("drone attacks", "missile attacks").
STRIKE_MODIFIERS = (r"drone|missile|air|aerial|artillery|rocket|shelling|bomb|mortar|kamikaze|airstrike|glide\s+bomb|"
                    r"mlrs|himars|grad|multiple[\s-]+(?:launch\s+)?rocket|rocket[\s-]+launcher|tank|cannon|"
                    r"fpv|uav|shahed|loitering|guided[\s-]+bomb")

# --- verbs after the noun phrase: "... were killed", "... remain" ---------------------------
# Checked in this order; the first that matches wins.
AFTER = [
    ("killed_or_wounded", [
        r"(?:were\s+|been\s+)?(?:either\s+)?killed\s+(?:or|and|and/or)\s+(?:were\s+|been\s+)?(?:wounded|injured)",
        r"(?:were\s+|been\s+)?(?:wounded|injured)\s+(?:or|and)\s+(?:were\s+|been\s+)?killed",
        r"dead\s+(?:or|and)\s+(?:wounded|injured)", r"(?:wounded|injured)\s+(?:or|and)\s+dead", r"died\s+or\s+(?:were\s+|been\s+|was\s+)?(?:wounded|injured)",
        r"killed/wounded", r"casualties", r"losses", r"put\s+out\s+of\s+action", r"out\s+of\s+action",
        # a side's "eliminated" / "liquidated" counts its enemy's dead and wounded together
        r"eliminated", r"liquidated", r"neutrali[sz]ed",
    ]),
    ("killed", [
        r"(?:suffered|sustained|received)\s+(?:lethal|fatal|mortal)\s+(?:wounds|injuries)",
        r"(?:are|were)\s+(?:irretrievable|irrecoverable)\b",      # "of these, 22,200 are irretrievable"
        r"(?:were|was|have\s+been|had\s+been)\s+blown\s+up\s+by\s+(?:an?\s+)?(?:sea\s+|land\s+|anti-\w+\s+)?mines?",
        r"killed", r"got\s+killed", r"(?:\([^()]{1,20}\)\s+)?(?:irreparable|irrecoverable|irretrievable)\s+losses", r"dead", r"died", r"(?:are|is|were|was|be)\s+dying", r"slain", r"perished", r"lost\s+their\s+lives", r"deaths?",
        r"fatalities", r"fatally\s+(?:wounded|injured|shot)", r"shot\s+dead", r"executed", r"kia\b", r"bodies", r"were\s+buried", r"(?:had|have|has)\s+been\s+buried", r"lost\s+their\s+life",
        r"(?:feared|presumed|believed|reported|confirmed)\s+(?:to\s+(?:be|have\s+been)\s+)?(?:dead|killed)",
    ]),
    ("wounded", [
        r"remain(?:s|ed)?\s+(?:in\s+hospital|hospitali[sz]ed|in\s+(?:a\s+)?(?:critical|serious|grave)\s+condition)",
        r"(?:are|were)\s+sanitary\s+losses",        # the Russian military's word for the wounded
        r"(?:are\s+|were\s+|is\s+|was\s+)?in\s+(?:a\s+)?(?:critical|serious|grave|severe|stable|moderate)\s+condition",
        r"wounded", r"injured", r"hurt", r"got\s+(?:injured|wounded|hurt)", r"hospitali[sz]ed", r"injuries", r"wounds", r"in\s+hospital",
        # "44 victims received outpatient care", "382 patients in hospitals, who suffered from attacks"
        r"(?:received|receiving|needed|required|sought|are\s+receiving|were\s+given)\s+(?:(?:outpatient|medical|hospital|first)\s+"
        r"(?:care|treatment|aid|help|assistance)|care|treatment)",
        r"in\s+(?:\w+\s+)?hospitals?,?\s+who\s+(?:suffered|were\s+(?:injured|wounded|hurt))",
        r"(?:were|was|have\s+been|had\s+been)\s+(?:admitted|taken|rushed|brought)\s+to\s+(?:an?\s+|the\s+)?(?:local\s+)?hospitals?",
        r"(?:suffered|sustained|received)\s+(?:\w+\s+){0,2}?(?:injuries|wounds)",
        # "two people suffered a concussion and lacerations"
        r"(?:suffered|sustained|received)\s+(?:an?\s+)?(?:\w+\s+)?(?:concussions?|contusions?|lacerations|burns|fractures|"
        r"shrapnel\s+wounds|blast\s+injuries|acute\s+stress\s+reactions?)",
        r"with\s+(?:\w+\s+)?(?:injuries|wounds)\b",
        r"(?:applied|turned)\s+(?:to\s+(?:doctors|hospitals?|medics)\s+)?for\s+medical\s+(?:care|help|aid|assistance)",          # "among them were 80 with injuries"
    ]),
    ("captured", [
        r"remain(?:s|ed)?\s+in\s+(?:\w+\s+)?captivity", r"(?:are|were)\s+(?:still\s+)?(?:being\s+)?held\s+(?:captive|prisoner)",
        r"(?:being\s+)?held\s+(?:in\s+(?:[\w'’-]+\s+){0,2}?(?:captivity|prisons?|detention|custody)\b|as\s+(?:prisoners|pows|captives)"
        r"|by\s+(?:the\s+)?(?:russian\s+|ukrainian\s+)?(?:russia|ukraine|moscow|kyiv|russians|ukrainians|forces|troops|military|army))",
        r"captured", r"taken\s+prisoner", r"taken\s+captive", r"surrendered", r"held\s+captive",
        r"held\s+prisoner", r"prisoners?\s+of\s+war", r"prisoners", r"pows\b", r"in\s+captivity",
    ]),
    # prisoners coming home in a swap: counted as prisoners (only where the sentence speaks of a
    # swap or captivity; "residents returned" is not this)
    ("released", [r"(?:had\s+been\s+|have\s+been\s+|has\s+been\s+|were\s+|was\s+)?(?:freed|released|returned|exchanged|"
                  r"swapped|repatriated|brought\s+(?:back\s+)?home|brought\s+back|came\s+home|handed\s+over)"]),
    ("missing", [r"(?:remain(?:ed|s)?|are\s+still|were\s+still|still|went|gone|go)\s+(?:missing|unaccounted\s+for)", r"missing", r"unaccounted\s+for",
                 # people buried in a struck building: missing until found ("believed to be trapped")
                 r"(?:(?:are|were|is|was)\s+)?(?:still\s+)?(?:believed|thought|feared|said)\s+to\s+(?:be|have\s+been)\s+(?:still\s+)?trapped",
                 r"(?:are|were|is|was)\s+(?:officially\s+)?listed\s+as\s+missing",
                 r"(?:are|were|is|was)\s+(?:(?:currently|still|now|officially)\s+)?(?:considered|regarded\s+as|deemed|counted\s+as)\s+missing",
                 r"(?:registered|recorded|reported|declared)\s+as\s+missing",
                 r"(?:have|has|had)\s+been\s+trapped\s+(?:in|inside|under|beneath)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?"
                 r"(?:basements?|cellars?|rubble|debris|ruins|collapsed)",
                 r"(?:are|were|is|was|remain(?:ed|s)?)\s+[\"“]?(?:(?:still|most|very|likely|probably|possibly)\s+)*(?:trapped\s+)?"
                 r"(?:under|beneath)\s+(?:the\s+)?(?:rubble|debris|ruins)"]),
    ("population_remaining", [
        r"(?:are|were|remain|remained|is|was)\s+(?:still\s+)?trapped\s+(?:in|inside|within)",
        r"remain(?:ed|s|ing)?\b", r"still\s+live[sd]?\b", r"still\s+living", r"continue\s+to\s+live",
        r"(?:are|were)\s+still\s+(?:in|there|living)", r"(?:are|were|is|was)\s+still\s+(?:staying|sheltering|hiding)\s+(?:in|at|on)\b", r"stay(?:ed)?\s+(?:in|behind)",
        r"trapped\s+in\s+(?:the\s+)?(?:city|town|village|besieged|encircled|(?-i:[A-Z])[\w'’-]*)",
        r"left\s+in\s+(?:the\s+)?(?:city|town|village)", r"are\s+left\b", r"sheltering",
        r"live\s+(?:there|in\s+the\s+(?:city|town|village))\s+now", r"still\s+reside",
        r"(?:be|are|is|were)\s+still\s+(?:in|at|there)\b", r"still\s+be\s+(?:in|at|there)\b",
        r"liv(?:e|es|ing)\s+(?:in|there|on)\b", r"(?:need|needs|have|has|remain|are\s+yet|is\s+yet)\s+to\s+be\s+evacuated",
        r"continue\s+to\s+(?:survive|stay|reside|shelter)\b",
        r"(?:have|has|had)\s+not\s+(?:yet\s+)?(?:fled|left|evacuated|been\s+evacuated)\b",
        r"(?:decided|chose|choose|opted|preferred|prefer)\s+to\s+(?:remain|stay)\b",
        r"(?:are\s+|were\s+|is\s+)?(?:still\s+)?refus(?:e|es|ed|ing)\s+to\s+(?:leave|evacuate|be\s+evacuated)\b",
        r"(?:have|has|had)\s+(?:yet\s+)?to\s+(?:flee|leave|evacuate)\b",
    ]),
    ("evacuated", [
        r"(?:must|will\s+(?:have|need)\s+to|(?:have|has|had|need|needed)\s+to|(?:were|was|are|is|have\s+been|had\s+been)\s+"
        r"(?:being\s+)?(?:ordered|told|urged|instructed|forced|asked)\s+to|(?:are|is|were)\s+(?:due|set|expected)\s+to|will|would)"
        r"\s+(?:leave|evacuate|be\s+evacuated|be\s+relocated)",
        r"evacuated", r"fled", r"left\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]+\s+)?(?:city|town|village|area|region|frontline|front\s+line)",
        r"(?:are|were|is|was)\s+(?:now\s+)?leaving\b",
        r"relocated", r"departed\b", r"were\s+moved\s+out",
        # "21,300 people moved to safer areas", "120,000 residents have already been moved"
        r"(?:were\s+|have\s+been\s+|has\s+been\s+|had\s+been\s+)?(?:already\s+)?moved\s+to\s+(?:safer|safe|secure)\s+"
        r"(?:areas|places|regions|conditions|territor(?:y|ies)|locations|parts)",
        r"(?:have|has|had)\s+(?:already\s+)?been\s+moved\b(?!\s+(?:to\s+tears|by))",
        r"left\s+(?=(?:yesterday|today|overnight|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this\s+week|last\s+week)\b)", r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+taken\s+out\b(?!\s+(?:from\s+)?(?:under|of)\s+the\s+(?:rubble|debris|ruins))",
        r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+taken\s+(?:away\s+)?from\s+(?:the\s+)?(?:[\w()-]+\s+){0,3}?(?:bank|city|town|village|region|area|zone|district)\b", r"were\s+taken\s+to\s+safety", r"(?:have|has|had)\s+(?:already\s+|now\s+|since\s+|all\s+)?left\b",
        # "50 people leave every day", "up to a hundred used to leave in a day"
        r"(?:used\s+to\s+)?(?:leave|leaving)\s+(?:(?:on\s+)?average\s+)?(?:(?:every|each|per|a)\s+day|daily|in\s+a\s+day)\b",
        r"left\s+(?-i:[A-Z])[\w'’-]+\s+for\b",       # "100 residents left Kherson for Khmelnytskyi"
        r"mov(?:e|ed|es)\s+to\s+(?:temporary\s+)?(?:accommodation|reception|evacuation)\s+(?:centers|centres|points)",
        r"(?:are|were|is|was)\s+(?:now\s+)?(?:found|staying|housed|accommodated|sheltered|placed)\s+in\s+(?:\w+\s+)?"
        r"(?:reception|accommodation|evacuation|temporary\s+accommodation)\s+(?:centers|centres|points|facilities)",
        r"to\s+safety\b", r"(?:managed|were\s+able|was\s+able|have\s+been\s+able)\s+to\s+(?:leave|flee|evacuate|get\s+out)\b",
        # "more than 350,000 people were rescued from the areas of hostilities"
        r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+rescued\s+from\s+(?:the\s+)?(?:areas?|zones?|territor(?:y|ies)|"
        r"frontline|front\s+line|combat|occupied|besieged|encircled)",
    ]),
    # "170 civilians from Mariupol arrived in Zaporizhzhia": evacuees where the sentence tells an evacuation
    ("arrived", [r"(?:have\s+|has\s+|had\s+)?(?:safely\s+)?arrived\s+(?:safely\s+)?(?:in|at)\s+(?:the\s+)?(?=(?-i:[A-Z]))"]),
    # "17,000 Ukrainian fighters being lost": losses of soldiers (never of a bare number)
    ("lost_people", [r"(?:being|been|were|was)\s+lost\b", r"lost\s+(?=(?:in|on|during|over|per|a|each|every)\s)"]),
    ("lived", [r"lived\b", r"used\s+to\s+live", r"were\s+living", r"had\s+lived", r"resided"]),
]
# Words allowed between the noun phrase and that verb.
AFTER_FILLER = (
    r"who|that|have|has|had|were|was|are|is|been|being|be|reportedly|allegedly|also|now|still|so\s+far"
    r"|already|later|then|all|of\s+them|confirmed|(?:believed|thought|said|expected|estimated|reported|known)\s+to(?:\s+(?:have|be))?"
    r"|reported|severely|seriously|critically|lightly|slightly|badly|mortally|currently|likely|probably"
    r"|possibly|may|might|could|can|would|must|only|just|today|now|\w+ly"
    r"|in\s+total|in\s+all|altogether|overall|more|others?|other|combined|respectively|,|–|—|-"
    r"|and\s+(?:civilians|soldiers|servicemen|others|children|women|men|sergeants|officers|privates|corporals|"
    r"commanders|medics|volunteers)"
)

# --- verbs before the number: "killed 12", "repelled 85" -------------------------------------
BEFORE = [
    ("killed_or_wounded", [r"killed\s+or\s+wounded", r"killed\s+and\s+wounded", r"killed\s+or\s+injured",
                           r"casualties\s+(?:of|at|to|stand\s+at|stood\s+at|number(?:ed)?|total(?:led)?)",
                           r"losses\s+of", r"(?:suffered\s+)?(?:a\s+)?loss\s+of", r"(?:losses|casualties|casualty\s+(?:figures|numbers|count|toll))\b[\w\s'’.,-]{0,110}?\b(?:amounted\s+to|stood\s+at|totall?ed|totall?ing|reached|reaching|hitting|(?:in\s+)?the\s+range\s+of|were|included|include|including|to|"
                           r"surpassed|exceeded|topped|passed|hit|at|approaching|approached|nearing|neared|was|is)",
                           r"casualty\s+toll\s+(?:of|to|at)", r"put\s+out\s+of\s+action",
                           r"casualty\s+rate\s+(?:of|at)(?:\s+(?:about|around|some|over|more\s+than))?",
                           r"neutrali[sz]ed", r"neutrali[sz]ing", r"eliminated", r"eliminating", r"liquidated"]),
    ("killed", [r"(?:fatalities|deaths)\s+(?:(?:are|were|is|was|have\s+been|has\s+been)\s+)?(?:now\s+)?(?:estimated|put|reckoned|"
                r"assessed|numbered|stand|stood|totall?ed|reached)(?:\s+(?:at|to))?", r"killed", r"killings?\s+of", r"killing", r"kills", r"kill", r"slain", r"executed", r"executing", r"shot\s+dead", r"bodies\s+of", r"slew", r"slaying", r"(?:death|casualty)\s+toll\b[\w\s,'’-]{0,150}?\b(?:to|at|of|is|was|reached|stood|stands|hit)",
                r"toll\s+(?:(?:has|had|have)\s+)?(?:(?:rose|risen|climbed|jumped|increased|grown|grew|surged|mounted|stood|stands|now\s+stands)\s+)?(?:to|of|at)",
                r"toll\s+(?:(?:has|had|have)\s+)?(?:reached|hit|passed|surpassed|exceeded|topped)",
                r"deaths?\s+of", r"among\s+the\s+dead\s+(?:were|are)", r"killed:", r"dead:", r"claimed\s+the\s+lives\s+of",
                r"claiming\s+the\s+lives\s+of", r"the\s+lives\s+of",
                r"(?:number|tally|count)\s+of\s+(?:\w+\s+){0,2}?(?:dead|killed|deaths|fatalities|people\s+killed)\b[^.;]{0,90}?(?:\b(?:to|at|is|was|reached|stands|stood)|\s(?:--|[–—]))"]),
    ("wounded", [r"(?:number|tally|count)\s+of\s+(?:\w+\s+){0,2}?(?:wounded|injured|injuries)\b[^.;]{0,90}?(?:\b(?:to|at|is|was|reached|stands|stood)|\s(?:--|[–—]))",
                 r"injury\s+toll\s+(?:(?:has|had|have)\s+)?(?:(?:rose|risen|climbed|increased|grew|grown|stood|stands|now\s+stands|reached)\s+)?(?:to|of|at)",
                 r"injuries\s+to",
                 r"wounded", r"wounding", r"wounds", r"injured", r"injuring", r"injures", r"injure", r"hurt", r"hurting",
                 r"among\s+the\s+(?:wounded|injured)\s+(?:were|are)", r"wounded:", r"injured:"]),
    ("captured", [r"(?:the\s+)?capture\s+of", r"captured", r"capturing", r"took", r"taken", r"detained", r"taking", r"holding", r"holds", r"held", r"capture"]),
    ("released", [r"freed", r"freeing", r"released", r"releasing", r"returned", r"returning", r"return", r"exchanged", r"exchanging",
                  r"swapped", r"repatriated", r"(?:exchange|swap|release|return)\s+of", r"(?:brought|bringing|bring|brings)\s+(?:back\s+)?home",
                  r"(?:brought|bringing|bring|brings)\s+back", r"(?:got|gets|received|receives)"]),
    ("evacuated", [r"evacuated", r"evacuating", r"evacuate", r"evacuation\s+of", r"helped\s+evacuate",
                   r"helped\s+to\s+evacuate", r"moved\s+out"]),
    ("repelled", [r"repelled", r"repulsed", r"repelling", r"repulsing", r"fended\s+off", r"fending\s+off",
                  r"beat\s+back", r"beaten\s+back", r"thwarted", r"fought\s+off", r"repel", r"foiled",
                  r"stopped", r"halted", r"rebuffed"]),
    ("launched", [r"launched", r"launching", r"fired", r"firing", r"carried\s+out", r"conducted", r"made",
                  r"mounted", r"dropped", r"used", r"attacked\s+(?:\w+\s+){0,4}?with", r"struck\s+(?:\w+\s+){0,4}?with",
                  r"recorded", r"registered", r"there\s+(?:were|have\s+been)", r"saw", r"faced", r"endured"]),
    ("destroyed", [r"destroyed", r"destroying", r"destroy", r"destruction\s+of", r"knocked\s+out", r"damaged", r"hit", r"disabled", r"shot\s+down",
                   r"shooting\s+down", r"downed", r"downing", r"sank", r"sunk", r"sinking"]),
    ("lost", [r"lost", r"losing", r"loses", r"lose", r"suffered", r"suffering", r"losses\s+(?:of|at|to)",
              r"losses\s+(?:include|included|including)", r"written\s+off"]),
    ("pop_now", [r"there\s+(?:are|were|remain|remained)(?:\s+(?:currently|still|now|only|just))*",
                 # "the number of civilian residents in X has doubled ..., reaching more than"
                 r"(?:number|count)\s+of\s+(?:\w+\s+){0,2}?(?:residents|inhabitants|civilians|people\s+living)\b[^.;\d]{0,140}?"
                 r"\b(?:reaching|reached|is\s+now|now\s+stands\s+at|stands\s+at|(?:rose|risen|grown|grew|fell|fallen|dropped)\s+to)",
                 # "a surge of returnees has driven the population of nearby X up to"
                 r"(?:driven|pushed|brought|lifted|raised|swelled)\s+the\s+population\s+of\s+(?:[\w'’-]+\s+){1,3}?(?:back\s+)?(?:to\s+)?",r"(?:has\s+|had\s+)?(?:dwindled|fallen|dropped|shrunk|shrank|declined|plummeted|fell|emptied(?:\s+out)?)\s+to",
                 r"(?:now|currently|today)\s+(?:only\s+)?(?:has|have|houses|counts)",
                 # an official counting their own town: "in X itself, we still have 1,800 residents"
                 r"\bwe\s+(?:(?:still|now|currently|also|only|just)\s+)*have"]),
    # "Siversk had about 11,000 residents" (a kind only with residents as the noun; see figures._kind)
    ("town_had", [r"(?-i:[A-Z])[\w'’-]+\s+(?:had|has)"]),
    ("population", [r"population\s+as", r"population\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:(?:was|is|has\s+been|had\s+been)\s+(?:now\s+)?estimated\s+at|was|is|stood\s+at|numbered|had\s+been)",
                    r"population\s+(?:of|was|is|stood\s+at|numbered|has\s+(?:fallen|dropped|shrunk)\s+to"
                    r"|(?:fell|dropped|shrank)\s+to)", r"home\s+to", r"(?:city|town|village)\s+of",
                    r"inhabited\s+by", r"population:"]),
]
BEFORE_FILLER = (r"a\s+total\s+of|a\s+further|another|an\s+additional|the|some|only|just|nearly|all|still|a\s+little|a\s+bit|"
                 r"probably|possibly|likely|reportedly|allegedly|"
                 # "neutralized the majority of the mercenaries, specifically 5,800 fighters"
                 r"(?:the\s+)?(?:majority|most|bulk|rest)\s+of\s+[^,.;:]{1,60},?[\"”’]?,?\s*(?:specifically|namely|that\s+is)|"
                 r"an?\s+(?:staggering|record|whopping|massive|huge|estimated|reported|further|additional)")

# After "attacks": "attacks from MLRS", "attacks with drones" are strikes, not ground attacks.
# "attacks with the support of aviation" are ground attacks all the same.
STRIKE_AFTER = (r"\s+(?:from|with|by|using|involving)\s+(?:the\s+)?(?:(?!(?:support|help|backing|cover)\b)[\w-]+\s+){0,2}?(?:mlrs|himars|grads?|"
                r"multiple[\s-]+(?:launch\s+)?rocket|rocket\s+launchers?|artillery|mortars?|tanks?|drones?|uavs?|"
                r"missiles?|rockets?|aircraft|aviation|bombs?|shaheds?)\b"
                # "30 attacks have damaged port infrastructure": what was hit from afar, not assaulted
                r"|\s+(?:have\s+|has\s+|had\s+)?(?:damaged|destroyed|hit|struck)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
                r"(?:infrastructure|facilit(?:y|ies)|homes?|houses?|buildings?|ports?|terminals?|warehouses?|"
                r"substations?|power\s+(?:plants?|stations?|lines?)|hospitals?|schools?|apartments?)\b"
                # "19 attacks at communities along the border", "400 attacks on the territory of the region":
                # fire on places, not ground assaults (those are told "in the X direction", "on positions")
                # ("attacks on the settlement of Robotyne" name one place: a ground assault)
                r"|\s+(?:at|on|against)\s+(?:the\s+)?(?:(?!positions)[\w'’-]+\s+){0,2}?(?:(?:communit(?:y|ies)|settlements?|localit(?:y|ies))"
                r"(?!\s+of\s+(?-i:[A-Z]))|territory|residential|civilian|border\s+(?:areas?|villages|regions?)|(?:region|oblast)\b)"
                # "carried out 89 attacks, firing 382 shells": the attacks were fire
                r"|\s*,\s*(?:firing|using|launching|dropping)\s+"
                # "two attacks on Russia's energy infrastructure": hit from afar
                r"|\s+on\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:energy|power|oil|gas|fuel|port|military)\s+(?:infrastructure|facilit(?:y|ies)|"
                r"plants?|stations?|depots?|refiner(?:y|ies)|sites?)\b")

# Verbs that hit something a number of times: "shelled the city 20 times".
TIMES_VERBS = (r"shell(?:ed|ing|s)|fired|firing|opened\s+fire|struck|strik(?:e|ing)|hit|bomb(?:ed|ing)|fired\s+(?:on|at)|target(?:ed|ing)|pounded|"
               r"attack(?:ed|ing)?|storm(?:ed|ing)?|assault(?:ed|ing)?")

# Shoot-downs are not strikes that landed and not a loss the gold counts: skip them.
SHOT_DOWN = r"shot\s+down|downed|intercepted|destroyed|neutrali[sz]ed|repelled|shooting\s+down|downing"
# Prisoner swaps count people returned, not people captured.
SWAP = r"swap|exchange|returned|released|freed|repatriated|handed\s+over|came\s+home|brought\s+home"

# Population cues.
WAR_SCALE = r"(?:full|large)[-\s]scale"      # "the full-scale / large-scale invasion"
PREWAR = (r"pre-?war|prewar|(?:at|by)\s+the\s+(?:very\s+)?(?:beginning|start|outset)\s+of\s+the\s+(?:" + WAR_SCALE + r"\s+)?(?:war|invasion)"
          r"|before\s+the\s+(?:" + WAR_SCALE + r"\s+)?(?:war|invasion|conflict|fighting|occupation|"
          r"russian\s+invasion|start\s+of)|pre-invasion|before\s+(?:russia|moscow)|before\s+202[2-4]|before\s+2014|pre-?conflict"
          r"|prior\s+to\s+the|once\b|used\s+to|formerly|previously|had\s+a\s+population|peacetime|was\s+home\s+to")
REMAINING = (r"\bnow\b|currently|remain|still|\bleft\b|today|has\s+(?:fallen|dropped|shrunk)|(?:fell|dropped|shrank)"
             r"|down\s+to|only\b")

# Territory: a share with a control verb, of a land.
CONTROL = (r"control(?:s|led|ling)?|occup(?:y|ies|ied|ying|ation)|hold(?:s|ing)?|held|owns?|owned|captured|seized|taken|"
           r"took|retaken|liberated|recaptured|under\s+(?:russian|ukrainian)\s+control")
TERRITORY_OBJECT = (r"territory|territories|land|ukraine|the\s+country|the\s+city|the\s+town|the\s+region|the\s+oblast"
                    r"|the\s+area|the\s+district|the\s+community|the\s+hromada|city|town|village"
                    r"|the\s+province|donbas|the\s+donbas|[A-Z][\w'-]+")
TERRITORY_NOT = (r"flooded|affected|damaged|destroyed|burned|mined|contaminated|"
                 r"buildings?|housing|homes|houses|infrastructure|energy|power|electricity|population|voters"
                 r"|respondents|people|gdp|budget|economy|exports?|imports?|grid|generation|capacity|stock"
                 r"|forces|troops|casualties|losses|the\s+vote|ballots|residents|children|apartments?")

# --- sides --------------------------------------------------------------------------------
SIDE_WORDS = {
    "russia": [r"russian[-\s]backed", r"pro-russian", r"russians?", r"russia(?:'s|’s)?", r"moscow(?:'s|’s)?",
               r"kremlin(?:'s|’s)?", r"wagner(?:'s|’s)?", r"occupiers?", r"occupying", r"invaders?", r"invading",
               r"orcs?", r"separatists?", r"chechens?", r"kadyrovites", r"putin(?:'s|’s)", r"dpr", r"lpr",
               # "the occupants fired 376 times" (a translation of окупанти), never "the car's occupants were hurt"
               r"occupants(?=\s+(?:have\s+|had\s+|also\s+)?(?:fired|shelled|struck|attacked|launched|dropped|hit|carried\s+out|"
               r"targeted|used|shot|stormed|advanced|tried|attempted)\b)",
               r"(?-i:RF)(?:'s|’s)?"],
    "ukraine": [r"ukrainians?", r"ukraine(?:'s|’s)?", r"kyiv(?:'s|’s)?", r"kiev(?:'s|’s)?", r"zelensk\w*(?:'s|’s)",
                r"azov", r"(?-i:AFU|ZSU)(?:'s|’s)?"],     # the Armed Forces of Ukraine, as Russian sources abbreviate them
    "enemy": [r"enemy(?:'s|’s)?", r"adversary(?:'s|’s)?", r"opponent(?:'s|’s)?", r"aggressor(?:'s|’s)?"],
    "own": [r"our", r"we"],
}
# Words that make a side term an agent ("Russian forces", "Russia") rather than a place or
# a target ("the Ukrainian-held town", "Ukrainian territory").
# Verbs of fending an attack off: the attacks counted after them are the other side's
REPEL = r"repel\w*|repuls\w*|fend\w*\s+off|fought\s+off|fighting\s+off|beat\w*\s+back|thwart\w*"
AGENT_NOUNS = (r"forces|troops|army|military|soldiers|servicemen|units|aircraft|aviation|air\s+force|artillery|"
               r"drones|jets|warplanes|navy|fleet|defen[cs]es|defenders|fighters|mercenaries|gunners|pilots|"
               r"brigade|marines|paratroopers|commanders|side|group|occupants|occupiers|invaders|invasion\s+forces")
NOT_AGENT_AFTER = r"-held|-controlled|-occupied|territory|territories|land|soil|border|city|town|village|positions|region|people|civilians"

# Other wars, named when a figure is told for comparison ("more than the Soviet Union lost in
# Afghanistan"): a number in their clause is not a claim about this war.
OTHER_WARS = (r"world\s+war\s+(?:i{1,2}|one|two|1|2)|ww\s?(?:i{1,2}|1|2)|(?:first|second)\s+world\s+war|iwo\s+jima|"
              r"normandy|d-day|stalingrad|the\s+somme|vietnam(?:\s+war)?|korean\s+war|(?:soviet|ussr)[\w\s'’-]{0,40}?afghanistan|"
              r"afghan\s+war|war\s+in\s+afghanistan|in\s+afghanistan|chechen\s+wars?|wars?\s+in\s+chechnya|iraq\s+war|war\s+in\s+iraq|gulf\s+war|"
              r"napoleonic|crimean\s+war\s+of\s+18\d\d|gettysburg|pearl\s+harbor|hiroshima|nagasaki")
