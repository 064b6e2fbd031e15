"""Document-level decisions about figures, after each sentence has been read.

- `unify_mentions`: one number told twice (headline and body, lead and quote) is one figure;
  its mentions share what any of them states.
- `fill_sides`: whose losses, when the sentence of a figure does not say: the losses the
  sentences around it are about ("Three civilians were killed ... Four more were wounded"),
  the people a strike on a town hurts ("the attack on Kyiv left four dead"), and the enemy of
  a belligerent who reports attacks or strikes with no attacker named (a General Staff
  briefing counts the other side's attacks).

Every filled value is marked in `side_how`/`claimant_how`/`place_how` as "context" (carried
from other sentences) or "default" (a rule's best guess), so a reviewer sees it is inferred.
"""
from __future__ import annotations

import re

from .model import Figure
from .prefilter import Gated

PARAGRAPH_LOOKBACK = 6      # sentences back a paragraph's place is looked for
CASUALTY_KINDS = {"killed", "wounded", "killed_or_wounded", "missing"}
_OPP = {"russia": "ukraine", "ukraine": "russia"}
_SIDE_WORD = re.compile(
    r"\b(?:russian|russia|ukrainian|ukraine|kyiv|kiev|moscow|enemy|occupiers?|invaders?|wagner|"
    r"separatists?|our|we|own|their|its)\b", re.I)
_MILITARY = re.compile(
    r"\b(?:soldiers?|troops|servicem[ae]n|service\s*members?|personnel|fighters?|marines?|paratroopers?|"
    r"mercenar(?:y|ies)|militants?|conscripts?|officers?|defenders?|combatants?|prisoners?|pows?|army|military|"
    r"brigade|battalion|units?|positions|front(?:\s*line)?|combat)\b", re.I)
# A strike on a place: what it kills, unless soldiers are named, is civilians.
_STRIKE = re.compile(
    r"\b(?:missiles?|drones?|rockets?|shahed|glide\s+bombs?|guided\s+(?:aerial\s+)?bombs?|bombs?|air\s*strikes?|"
    r"strikes?|struck|shelling|shelled|bombardment|barrage|airstrike|attack\s+on|attacks\s+on|hit)\b", re.I)
_MILITARY, _STRIKE = Gated(_MILITARY), Gated(_STRIKE)      # tried only where a word they need occurs


_HOW_RANK = {"stated": 0, "context": 1, "default": 2, None: 3}


_BOTH_SIDES = re.compile(r"\b(?:each|both\s+sides|from\s+both|for\s+(?:the\s+same|an\s+equal)\s+number)\b", re.I)


def unify_mentions(figs: list[Figure]) -> None:
    """One number told twice is one figure: "Seven killed in Kharkiv" (headline) and "Seven
    people were killed, the governor said" (body). Mentions of the same kind and bounds share
    what any of them states: a side, a claimant, a place. Only gaps are filled; two mentions
    that disagree (two places, two sides) stay two figures."""
    groups: dict[tuple, list[Figure]] = {}
    for f in figs:
        groups.setdefault((f.kind, f.value, f.value_low, f.value_high), []).append(f)
    for fs in groups.values():
        if len(fs) < 2:
            continue
        sides = {f.subject_side for f in fs if f.subject_side is not None}
        if len(sides) == 1:
            side = sides.pop()
            for f in fs:
                # a swap returns the same count to each side: "150 servicemen each" stays both sides'
                if f.subject_side is None and not (f.kind == "captured" and _BOTH_SIDES.search(f.sentence)):
                    f.subject_side, f.side_how = side, "context"
        named = [f for f in fs if f.claimant_side != "unattributed"]
        if named and len({f.claimant_side for f in named}) == 1:
            best = min(named, key=lambda f: _HOW_RANK.get(f.claimant_how, 3))
            for f in fs:
                if f.claimant_side == "unattributed":
                    f.claimant, f.claimant_side, f.claimant_how = best.claimant, best.claimant_side, "context"
        placed = {f.place for f in fs if f.place is not None}
        if len(placed) == 1:
            place = placed.pop()
            for f in fs:
                if f.place is None:
                    f.place, f.place_how = place, "context"


def fill_sides(doc, figs: list[Figure]) -> None:
    """Whose losses, for casualty figures their sentence leaves open, and the attacker of
    attacks and strikes a belligerent reports without naming one."""
    index = {s.start: i for i, s in enumerate(doc.sentences)}
    story = _strike_story(doc)
    sided: list[tuple[int, int, str]] = []     # (sentence, paragraph, side) of casualty figures
    for f in figs:
        i = index.get(f.sentence_start, 0)
        para = doc.paragraph_of[i] if doc.sentences else 0
        if f.kind in CASUALTY_KINDS:
            if f.subject_side is None:
                # the sentence's own words could not tell (a side word there names the attacker
                # or a territory: "the attack by Russian forces", "on Ukrainian-held territory")
                # the last sided casualty figure, if in the same paragraph or the last two sentences
                near = [sided[-1][2]] if sided and (sided[-1][1] == para or i - sided[-1][0] <= 2) else []
                soldiers = _MILITARY.search(f.sentence)
                if near and not soldiers:       # "Two soldiers went missing": whose, it does not say
                    f.subject_side, f.side_how = near[-1], "context"
                elif not soldiers and (story or _STRIKE.search(f.sentence)):
                    f.subject_side, f.side_how = "civilian", "default"
            if f.subject_side is not None:
                sided = [(i, para, f.subject_side)]
        elif f.kind in ("attacks", "strikes") and f.subject_side is None \
                and f.claimant_side in _OPP and not _SIDE_WORD.search(f.sentence):
            # "In total, 60 combat clashes took place" in a General Staff briefing: the enemy's
            f.subject_side, f.side_how = _OPP[f.claimant_side], "default"


def _strike_story(doc) -> bool:
    """The article reports a strike on a place: its headline or lead says so, and names no
    soldiers as the dead."""
    lead_end = doc.sentences[min(2, len(doc.sentences) - 1)].end if doc.sentences else 0
    head = (doc.title or "") + " " + doc.text[:lead_end]
    return bool(_STRIKE.search(head)) and not _MILITARY.search(head)


_SHARE_OF_AREA = re.compile(r"\b(?:of|in)\s+(?:the|this|that|its)\s+(?:[\w-]+\s+)?(?:region|area|territory|oblast|province)\b", re.I)


def _fill_share(doc, index: dict, f: Figure, prev: Figure | None, places) -> Figure:
    """A territory share without its place: the share told just before it in the sentence ("controlled
    93% of its land in June but now owns 73%"), or, for "70 percent of the region", the region the
    paragraph named last."""
    if f.place is None:
        if prev is not None and prev.sentence_start == f.sentence_start and prev.place:
            f.place, f.place_how = prev.place, "context"
        elif _SHARE_OF_AREA.search(f.sentence) and (i := index.get(f.sentence_start)) is not None:
            # the region named in the sentence itself first, then in the sentences before
            # (a namesake city, "in Donetsk", stands for its region here)
            for j in [i] + list(range(i - 1, max(0, i - PARAGRAPH_LOOKBACK) - 1, -1)):
                regions = [m.name if m.kind == "oblast" else m.oblast for m in doc.places(j)
                           if m.kind == "oblast" or (m.oblast and m.oblast == f"{m.name} Oblast")]
                if regions:
                    f.place, f.place_how = regions[-1], "context"
                    break
    return f


def fill_places(doc, figs: list[Figure]) -> None:
    """Where, for figures whose sentence names no place: the place the paragraph is about so
    far ("In the Kursk region, 19 clashes took place. Russian forces launched 34 airstrikes"),
    never for a figure its sentence marks as country- or front-wide."""
    from . import places
    index = {s.start: i for i, s in enumerate(doc.sentences)}
    prev_share = None
    for f in figs:
        if f.kind == "territory_pct":
            prev_share = _fill_share(doc, index, f, prev_share, places)
            continue
        if f.place is not None or f.kind == "distance_km":
            if f.place_how == "wide":
                f.place_how = "stated"
            continue
        if f.place_how == "wide":
            f.place_how = "stated"      # the sentence says it is about no one place
            continue
        i = index.get(f.sentence_start)
        if i is None:
            continue
        lo, _ = doc.paragraph(i)
        for j in range(i - 1, max(lo, i - PARAGRAPH_LOOKBACK) - 1, -1):
            text = doc.sentences[j].text
            named = [m for m in doc.places(j) if m.kind != "country" and not places.is_metonymy(text, m)]
            if named:
                f.place, f.place_how = named[-1].name, "context"
                break
