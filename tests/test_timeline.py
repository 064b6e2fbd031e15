"""The reference timeline (data/reference/timeline.csv, loaders/timeline.py): the file itself,
and the publication windows that telling one of its events gives."""
from __future__ import annotations

import csv
import datetime as dt

import pytest

from loaders import places, timeline

D = dt.date
TODAY = D(2026, 11, 21)


# --- the data --------------------------------------------------------------------------------

def test_every_entry_is_dated_sourced_and_recognisable():
    rows = list(csv.DictReader(open(timeline.TIMELINE_CSV, encoding="utf-8")))
    assert len(rows) == len(timeline.entries()) >= 40
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates), "keep the file in date order so it stays easy to edit"
    for e in timeline.entries():
        assert e.source, e
        assert D(2014, 1, 1) <= e.date <= TODAY
        assert e.places or e.words is not None


def test_timeline_places_are_gazetteer_names_or_recognised_by_the_file():
    # a place the gazetteer does not know is still found by its own name
    for e in timeline.entries():
        for name in e.places:
            assert places.canonical(name) in (name, None), (name, places.canonical(name))


BAD_ROWS = [
    ("2022-13-01,capture,Kherson,russia,,src,", "unreadable date"),
    ("2022-11-11,liberation,Kherson,ukraine,,src,", "event 'liberation'"),
    ("2022-11-11,capture,Kherson,kyiv,,src,", "side 'kyiv'"),
    ("2022-11-11,capture,,ukraine,,src,", "needs a place or words"),
    ("2022-11-11,other,Kherson,ukraine,,src,", "needs words"),
    ("2022-11-11,strike,Kherson,ukraine,a{0,3},src,notes", "more fields"),
    ("2022-11-11,strike,Kherson,ukraine,(unclosed,src,", "not a valid pattern"),
]


@pytest.mark.parametrize("row,reason", BAD_ROWS, ids=[r[1] for r in BAD_ROWS])
def test_a_bad_row_names_the_file_line_and_reason(tmp_path, row, reason):
    path = tmp_path / "timeline.csv"
    path.write_text("date,event,place,side,words,source,notes\n2022-03-02,capture,Kherson,russia,,ok,\n" + row + "\n")
    with pytest.raises(timeline.TimelineError) as err:
        timeline.entries.__wrapped__(path)
    assert str(path) in str(err.value) and "line 3" in str(err.value) and reason in str(err.value)


# --- windows from telling an event -------------------------------------------------------------

def windows(text: str, title: str | None = None, today: dt.date = TODAY, bounds: bool = False):
    found = timeline.anchors(text, title, today)
    return [(w.lo, w.hi, w.best) for w in found if bounds or not w.bound_only]


ANCHORS = [
    # (name, title, text, expected non-bound windows (lo, hi, best))
    ("weekday_beside_the_event_picks_the_day", None,
     "Some background first. Russian troops have left Lyman for better lines, the defence ministry in Moscow "
     "said on Saturday.", [(D(2022, 10, 1), D(2022, 10, 3), D(2022, 10, 1))]),
    ("weekday_of_the_claim", None,
     "Scene setting here. Russian forces have captured Kurakhove, the defence ministry in Moscow claimed on "
     "Monday.", [(D(2025, 1, 6), D(2025, 1, 8), D(2025, 1, 6))]),
    ("yesterday", None, "Context sentence one. Ukrainian troops entered Kherson yesterday, crowds cheering them.",
     [(D(2022, 11, 11), D(2022, 11, 13), D(2022, 11, 12))]),
    ("tonight_strike", None, "Context first. Dozens of prisoners died tonight in a blast at the Olenivka prison.",
     [(D(2022, 7, 28), D(2022, 7, 30), D(2022, 7, 29))]),
    ("headline_news", "Russia claims capture of Selydove as Kyiv stays silent", "Details are scarce.",
     [(D(2024, 10, 29), D(2024, 11, 5), D(2024, 10, 29))]),
    ("lead_news_recently", None,
     "Fighting goes on in the Kursk region, where Ukrainian troops recently made a cross-border incursion.",
     [(D(2024, 8, 6), D(2024, 8, 20), D(2024, 8, 6))]),
    ("last_month", None, "Some context. Last month, Moscow declared victory in the siege of Mariupol.",
     [(D(2022, 6, 1), D(2022, 6, 30), D(2022, 6, 15))]),
    ("last_week", None, "Some context. Last week Russia's Defence Ministry said it had retaken Sudzha.",
     [(D(2025, 3, 14), D(2025, 3, 26), D(2025, 3, 20))]),
    ("earlier_this_month", None, "Some context. Earlier this month Ukraine withdrew from Avdiivka.",
     [(D(2024, 2, 17), D(2024, 2, 29), D(2024, 2, 24))]),
    ("a_week_after", None, "Some context. A week after the fall of Avdiivka, the front moved west.",
     [(D(2024, 2, 22), D(2024, 2, 29), D(2024, 2, 24))]),
    ("two_months_after", None, "Some context. Two months after Russia captured Bakhmut, the ruins are empty.",
     [(D(2023, 7, 13), D(2023, 7, 30), D(2023, 7, 20))]),
    ("weeks_ago", None, "Some context. Russian troops took Vuhledar two weeks ago, the governor said.",
     [(D(2024, 10, 12), D(2024, 10, 18), D(2024, 10, 15))]),
    ("anniversary", None, "Some context. Wagner veterans marked the first anniversary of the fall of Bakhmut.",
     [(D(2024, 5, 17), D(2024, 5, 27), D(2024, 5, 20))]),
    ("a_place_that_changed_hands_twice_needs_a_side", None,
     "Some context. Locals marked the first anniversary of the liberation of Kherson.", []),
    ("last_named_month", "Evacuation ordered in Kupiansk, the city Ukraine recaptured last September", "Text.",
     [(D(2022, 10, 1), D(2023, 9, 30), D(2023, 3, 1))]),
    ("strike_named_by_its_words", "Missile strike on Kramatorsk railway station kills dozens", "Text.",
     [(D(2022, 4, 8), D(2022, 4, 15), D(2022, 4, 8))]),
    ("alias_of_the_place", None, "Some context. Moscow said on Saturday its forces had fully taken Artyomovsk.",
     [(D(2023, 5, 20), D(2023, 5, 22), D(2023, 5, 20))]),
    ("order_named_by_its_words_beats_the_capture", None,
     "Some context. Russia's defence minister ordered his troops on Wednesday to leave Kherson.",
     [(D(2022, 11, 9), D(2022, 11, 11), D(2022, 11, 9))]),
    ("the_side_that_gains_picks_the_entry", None,
     "Some context. Russian forces seized Kherson on Wednesday, the city's mayor said.",
     [(D(2022, 3, 2), D(2022, 3, 4), D(2022, 3, 2))]),
    # events known by what happened, not by who took a town
    ("drones_over_the_kremlin", None,
     "Some context. Two drones blew up above the Kremlin overnight, Moscow officials said on Wednesday.",
     [(D(2023, 5, 2), D(2023, 5, 4), D(2023, 5, 3))]),
    ("a_year_after_the_warrant", None,
     "Some context. A year after the ICC issued an arrest warrant for Putin, he still travels abroad.",
     [(D(2024, 3, 14), D(2024, 3, 24), D(2024, 3, 17))]),
    ("strike_on_a_named_building", "Missile strike on the House of Officers in Vinnytsia kills 20", "Text.",
     [(D(2022, 7, 14), D(2022, 7, 21), D(2022, 7, 14))]),
    ("a_summit_on_friday", None, "Some context. The two presidents met in Anchorage on Friday for a summit.",
     [(D(2025, 8, 15), D(2025, 8, 17), D(2025, 8, 15))]),
    ("a_whole_region_retaken", "Russia says it has fully retaken the Kursk region", "Text.",
     [(D(2025, 4, 26), D(2025, 5, 3), D(2025, 4, 26))]),
    ("a_recent_strike_further_down", None,
     "Officials spoke about the situation in the region. They described the work of rescuers there. Security at "
     "Kramatorsk railway station was tightened after the "
     "recent devastating missile strike.", [(D(2022, 4, 8), D(2022, 4, 29), D(2022, 4, 8))]),
    ("a_region_that_only_locates_the_town", None,
     "Some context. Last week Russia's Defence Ministry said it had retaken Sudzha in the Kursk region.",
     [(D(2025, 3, 14), D(2025, 3, 26), D(2025, 3, 20))]),
]


@pytest.mark.parametrize("name,title,text,want", ANCHORS, ids=[a[0] for a in ANCHORS])
def test_telling_a_timeline_event_gives_a_window(name, title, text, want):
    assert windows(text, title) == want


BOUNDS = [
    # told as history: only "no earlier than the event"
    ("past_mention", "Some context. The town lies west of Bakhmut, which Russia captured after months of fighting.",
     D(2023, 5, 20)),
    ("dated_in_the_sentence", "Some context. Russia captured Bakhmut in May 2023 after a long battle.", D(2023, 5, 20)),
    ("since", "Some context. Since the fall of Avdiivka, Russian troops have pushed west.", D(2024, 2, 17)),
    ("two_events_the_sentence_cannot_tell_apart", "Some context. Drones attacked the Crimean bridge overnight.",
     D(2022, 10, 8)),
    ("a_town_and_its_whole_region", "Some context. Moscow says it retook the whole Kursk region, Sudzha included.",
     D(2025, 3, 13)),
    ("an_old_strike_as_background", "Some context. Since the Epicentr hypermarket in Kharkiv was hit, shoppers "
     "stay away.", D(2024, 5, 25)),
]


@pytest.mark.parametrize("name,text,lo", BOUNDS, ids=[b[0] for b in BOUNDS])
def test_history_gives_only_a_lower_bound(name, text, lo):
    found = timeline.anchors(text, None, TODAY)
    assert found and all(w.bound_only for w in found)
    assert min(w.lo for w in found) == lo and max(w.hi for w in found) == TODAY


NOT_TOLD = [
    ("could_fall", "Officials warned that Pokrovsk and Kurakhove could fall within weeks."),
    ("trying_to_capture", "Russian troops are trying to capture Avdiivka from three sides."),
    ("commitment_to_capturing", "Russia reaffirmed its commitment to capturing Bakhmut."),
    ("gerund_subject", "Capturing Bakhmut will let Russia push on to Kramatorsk, the minister said."),
    ("rumoured_retreat", "Zelensky said the army would defend Bakhmut despite a rumoured retreat."),
    ("partial_withdrawal", "Analysts say Ukraine is likely conducting a limited withdrawal from Bakhmut."),
    ("outskirts", "Russian forces captured the outskirts of Vuhledar on Tuesday."),
    ("a_gas_hub_near_the_town", "Ukrainian troops took control of the Sudzha gas hub on Wednesday."),
    ("left_bank_is_no_withdrawal", "Ukrainian marines gained a foothold on the left bank in Kherson on Friday."),
    ("someone_elses_operation", "Russia's defence ministry said on Tuesday its special forces ran an operation "
                                "in the Kursk region."),
    ("capture_of_troops", "The ministry reported the capture of 100 soldiers, while Sudzha was shelled on Monday."),
    ("strike_without_its_words", "A missile hit a school in Kramatorsk on Friday."),
    ("taken_casualties_is_no_capture", "The army advanced towards Chasiv Yar but has taken heavy casualties."),
    ("self_proclaimed_is_no_annexation", "Militia of the self-proclaimed Luhansk People's Republic shelled the town "
                                         "on Sunday."),
    ("a_village_on_another_day", "Russian forces captured a village near Bakhmut on Thursday."),
]


@pytest.mark.parametrize("name,text", NOT_TOLD, ids=[n[0] for n in NOT_TOLD])
def test_forecasts_attempts_and_parts_tell_no_event(name, text):
    assert windows(text) == []


def test_a_place_still_besieged_bounds_the_date_from_above():
    text = "Some context. Hundreds remain at the steel plant in Mariupol that has been besieged for weeks."
    (w,) = timeline.anchors(text, None, TODAY)
    assert w.bound_only and w.hi == D(2022, 5, 22)


def test_headline_history_is_not_news():
    assert windows("Text.", "How Avdiivka fell: lessons from the siege") == []
    assert windows("Text.", "Avdiivka fell in February 2024. What comes next?") == []
    assert windows("Text.", "Russia's capture of Avdiivka has emboldened Moscow") == []


def test_the_city_is_the_storys_place_when_the_sentence_names_none():
    text = ("Some context first. Russia fired two missiles at the city on Tuesday evening, with one hitting a "
            "busy pizza restaurant.")
    assert windows(text) == []                                   # which city: nobody says
    found = [(w.lo, w.hi, w.best) for w in timeline.anchors(text, None, TODAY, "Kramatorsk") if not w.bound_only]
    assert found == [(D(2023, 6, 27), D(2023, 6, 29), D(2023, 6, 27))]
    # a story about a place no entry has gives nothing
    assert [w for w in timeline.anchors(text, None, TODAY, "Uman") if not w.bound_only] == []


def test_an_event_after_today_gives_nothing():
    assert timeline.anchors("Some context. Russia claimed Chasiv Yar on Thursday.", None, D(2025, 1, 1)) == []
