"""The war's clock (loaders/warclock.py): war days, the war's length, anniversaries and the
General Staff's running loss total, each read as a window for the publication date."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from loaders import warclock

D = dt.date
TODAY = D(2026, 11, 21)


def spans(text: str, today: dt.date = TODAY) -> list[tuple[dt.date, dt.date, dt.date]]:
    return [(w.lo, w.hi, w.best) for w in warclock.windows(text, today)]


CLOCK = [
    # (name, text, expected [(lo, hi, best)])
    ("war_day_n", "Residents of Kharkiv marked day 300 of the war in the dark.",
     [(D(2022, 12, 20), D(2022, 12, 21), D(2022, 12, 20))]),
    ("ordinal_war_day", "On the 1,000th day of the full-scale invasion, sirens sounded across the country.",
     [(D(2024, 11, 19), D(2024, 11, 20), D(2024, 11, 19))]),
    ("days_of_war_count", "After 100 days of war, the front in the south has barely moved.",
     [(D(2022, 6, 3), D(2022, 6, 4), D(2022, 6, 3))]),
    ("more_than_n_days", "More than 200 days into the war, the shelling goes on.",
     [(D(2022, 9, 11), D(2022, 10, 1), D(2022, 9, 11))]),
    ("years_since_invasion_is_loose",
     "It has been two years since the full-scale invasion, and the city still has no power.",
     [(D(2024, 1, 10), D(2025, 1, 19), D(2024, 2, 24))]),
    ("almost_n_year_war", "Officials counted losses in the nearly three-year war.",
     [(D(2024, 8, 28), D(2025, 2, 24), D(2025, 1, 25))]),
    ("more_than_n_years", "More than a year into Russia's invasion, the mayor said the city would hold.",
     [(D(2023, 2, 24), D(2023, 8, 23), D(2023, 3, 26))]),
    ("months_into", "Eighteen months into the full-scale war, the dam region is still flooded.",
     [(D(2023, 8, 9), D(2023, 9, 23), D(2023, 8, 24))]),
    ("half_year", "The 2-1/2 year war has emptied the town.",
     [(D(2024, 7, 10), D(2025, 7, 20), D(2024, 8, 24))]),
    ("year_long", "A year-long invasion has scarred the region.",
     [(D(2023, 1, 10), D(2024, 1, 20), D(2023, 2, 24))]),
    ("ordinal_year", "The war, now in its third year, keeps draining both armies.",
     [(D(2024, 2, 24), D(2025, 2, 23), D(2024, 8, 24))]),
    ("anniversary_marked", "Kyiv marked the second anniversary of the full-scale invasion with a minute of silence.",
     [(D(2024, 2, 23), D(2024, 2, 26), D(2024, 2, 24))]),
    ("anniversary_ahead", "The war is set to reach its four-year milestone next month.",
     [(D(2025, 12, 26), D(2026, 2, 23), D(2026, 2, 10))]),
    ("invasion_this_year", "The region has been shelled since the invasion began on February 24 this year.",
     [(D(2022, 2, 24), D(2022, 12, 31), D(2022, 8, 1))]),
    ("invasion_in_february_no_year", "It is the largest city taken since the invasion in February.",
     [(D(2022, 2, 24), D(2023, 2, 23), D(2022, 8, 1))]),
    # traps
    ("months_long_is_no_length", "A months-long war of attrition has worn the brigade down.", []),
    ("years_of_war_is_no_length", "Years of war have emptied the villages.", []),
    ("another_war_is_skipped", "Eight years of war in the Donbas since 2014 left 14,000 dead.", []),
    ("anniversary_of_something_else",
     "The city celebrated the first anniversary of the liberation of Kherson, a turning point of the war.", []),
    ("day_of_an_operation_is_not_a_war_day", "Day three of the operation brought new gains.", []),
    ("future_day_is_dropped", "Day 2,000 of the war will come in 2027.", []),
]


@pytest.mark.parametrize("name,text,want", CLOCK, ids=[c[0] for c in CLOCK])
def test_war_clock_windows(name, text, want):
    assert spans(text) == want


# The General Staff's running total: the day it reached the number, from the dated totals.
TALLIES = [
    ("exact_total", "Since the start of the invasion Russia has lost 412,370 personnel, the General Staff said.",
     D(2024, 2, 28)),
    ("enemy_total", "In total, the enemy has lost 160,540 troops since February 24.", D(2023, 3, 14)),
    ("total_with_other_totals", "Overall Russian losses have reached 1,095,520 personnel and 11,184 tanks.",
     D(2025, 9, 15)),
]


@pytest.mark.parametrize("name,text,day", TALLIES, ids=[t[0] for t in TALLIES])
def test_general_staff_tally_dates_the_text(name, text, day):
    (w,) = warclock.windows(text, TODAY)
    assert (w.lo, w.best, w.hi) == (day - dt.timedelta(days=1), day, day + dt.timedelta(days=3))


TALLY_TRAPS = [
    ("rounded_total", "Russia has lost more than 600,000 troops since the start of the invasion, Kyiv says."),
    ("round_thousands", "In total, the enemy has lost 500,000 personnel since the invasion began."),
    ("ukrainian_losses_claimed_by_moscow", "Moscow says Ukraine's losses since the start of the war total 95,340 soldiers."),
    ("no_running_total", "Russia lost 1,140 troops over the past day, the General Staff said."),
    ("estimate_not_tally", "Russian casualties total approximately 950,000 since the invasion, analysts estimate."),
]


@pytest.mark.parametrize("name,text", TALLY_TRAPS, ids=[t[0] for t in TALLY_TRAPS])
def test_numbers_that_are_not_the_running_total(name, text):
    assert warclock.windows(text, TODAY) == []


def test_tally_interpolates_between_dated_totals_and_stays_inside_them():
    assert warclock.tally_date(5710) == D(2022, 3, 1)
    between = warclock.tally_date(666_340)
    assert D(2024, 10, 1) < between < D(2024, 10, 15)
    assert warclock.tally_date(100) is None and warclock.tally_date(9_000_000) is None


def test_tally_after_today_is_dropped():
    text = "Since the start of the invasion Russia has lost 1,095,520 personnel, the General Staff said."
    assert warclock.windows(text, D(2025, 1, 1)) == []


WORDS = st.sampled_from([
    "day", "500", "of", "the", "war", "full-scale", "invasion", "almost", "three-year", "years", "since",
    "more", "than", "anniversary", "third", "second", "marked", "1,000th", "into", "months", "18", "now", "in",
    "its", "fourth", "year", "lost", "412,370", "personnel", "Russia", "total", "since", "the", "start",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=16).map(" ".join), st.dates(min_value=D(2022, 3, 1), max_value=D(2027, 1, 1)))
def test_windows_are_well_formed_and_never_start_after_today(text, today):
    for w in warclock.windows(text, today):
        assert w.lo <= w.hi and w.lo <= today
        assert w.lo <= w.best <= w.hi or w.bound_only
