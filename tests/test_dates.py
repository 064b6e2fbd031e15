"""Publication dates, relative dates and periods (loaders/dates.py, loaders/pubdate.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from loaders import dates

D = dt.date
TODAY = D(2026, 11, 21)


# --- publication date --------------------------------------------------------------------

PUBLICATION = [
    # (name, text, dateline, expected date, expected how)
    ("weekday_pins_year_of_yearless_day",
     "Russian forces entered the town, the military said late on Monday (Oct 7). Moscow "
     "launched its full-scale invasion in February 2022.", None, D(2024, 10, 7), "inferred"),
    ("weekday_comma_form_pins_year",
     "Officials said on Wednesday, March 1, that shelling had intensified.", None, D(2023, 3, 1), "inferred"),
    ("weekday_year_respects_years_named_in_text",
     "On Thursday, Feb. 24, troops crossed the border, ending eight years of war since 2014.",
     None, D(2022, 2, 24), "inferred"),
    ("explicit_month_day_year", "The strike on Dnipro on March 8, 2023 killed five people.",
     None, D(2023, 3, 8), "inferred"),
    ("explicit_day_month_year", "Officials said on 8 March 2023 that five people were killed.",
     None, D(2023, 3, 8), "inferred"),
    ("iso_date", "Posted 2023-03-08. Five people were killed in Kherson.", None, D(2023, 3, 8), "inferred"),
    ("numeric_day_first_when_day_over_twelve", "Report of 25/03/2023: shelling continued.",
     None, D(2023, 3, 25), "inferred"),
    ("numeric_month_first_when_day_over_twelve", "Report of 03/25/2023: shelling continued.",
     None, D(2023, 3, 25), "inferred"),
    ("numeric_ambiguous_alone_is_unknown", "Report of 02/03/2023: shelling continued.",
     None, None, "unknown"),
    ("numeric_ambiguous_resolved_by_other_clue",
     "On March 1, 2023 the siege tightened. Report of 02/03/2023: shelling continued.",
     None, D(2023, 3, 2), "inferred"),
    ("latest_reported_day_wins_over_background",
     "On Feb. 24, 2022, Russia invaded Ukraine. On March 8, 2023, a strike hit Kherson.",
     None, D(2023, 3, 8), "inferred"),
    ("yearless_day_takes_year_from_full_date",
     "Ukraine said on Nov. 11, 2022 that troops entered Kherson. On Nov. 13 crowds gathered in the square.",
     None, D(2022, 11, 13), "inferred"),
    ("yearless_day_alone_stays_unknown", "Crowds gathered in Kherson on Nov. 13 to greet troops.",
     None, None, "unknown"),
    ("dateline_takes_year_from_body",
     "Officials said a strike on April 8, 2023 killed two people.", "KYIV, April 10 (Reuters) -",
     D(2023, 4, 10), "inferred"),
    ("dateline_year_from_usual_weekday",
     "Officials said on Monday that Russian forces shelled Kherson, 18 months into the full-scale invasion.",
     "KYIV, April 10 (Reuters) -", D(2023, 4, 10), "inferred"),
    ("dateline_left_in_text_counts",
     "KYIV, April 10 (Reuters) - Officials said on Monday that a strike hit Kherson. The full-scale invasion "
     "began in 2022.", None, D(2023, 4, 10), "inferred"),
    ("dateline_may_be_the_day_after_the_usual_weekday",
     "Troops stormed positions near Bakhmut on Thursday, officials said of the full-scale invasion's front.",
     "KYIV, September 2 (Reuters) -", D(2022, 9, 2), "inferred"),
    ("dateline_weekday_year_prefers_the_full_scale_war",
     "Officials said on Monday that a strike hit Kherson.", "KYIV, April 10 (Reuters) -",
     D(2023, 4, 10), "inferred"),
    ("dateline_weekday_year_falls_back_to_the_day_after",
     "Officials said on Tuesday that a strike hit Kherson.", "KYIV, April 10 (Reuters) -",
     D(2024, 4, 10), "inferred"),
    ("dateline_without_a_weekday_is_unknown",
     "Officials said a strike hit Kherson.", "KYIV, April 10 (Reuters) -", None, "unknown"),
    ("plan_years_do_not_raise_the_floor",
     "Officials said on Monday (Oct 7) they aim to rebuild by 2025. The war began in 2022.", None,
     D(2024, 10, 7), "inferred"),
    # April 10 was a Sunday in 2022 and a Monday in 2023: written the same day or the next, both fit
    ("dateline_weekday_same_day_and_next_day_years_differ_is_unknown",
     "Officials said a strike killed two people on Sunday.", "KYIV, April 10 (Reuters) -", None, "unknown"),
    ("stale_header_loses_to_body",
     "Updated 5 January 2021\nRussian forces shelled Kherson on March 8, 2023, officials said.",
     None, D(2023, 3, 8), "inferred"),
    ("agreeing_header_stamp_wins",
     "Published March 9, 2023\nRussian forces shelled Kherson on March 8, 2023, officials said.",
     None, D(2023, 3, 9), "inferred"),
    ("header_far_after_body_is_a_crawl_stamp",
     "Saturday, November 21, 2026\nRussian forces shelled Kherson on March 8, 2023, officials said.",
     None, D(2023, 3, 8), "inferred"),
    ("future_date_rejected", "The offensive began on March 8, 2027, officials said.", None, None, "unknown"),
    ("scheduled_date_is_not_a_report",
     "Shelling hit Kherson on March 8, 2023. Talks are scheduled for March 20, 2023.",
     None, D(2023, 3, 8), "inferred"),
    ("invasion_date_is_background",
     "Russia invaded Ukraine on Feb. 24, 2022. Troops shelled Kherson on Monday.", None, None, "unknown"),
    ("planned_meeting_date_is_not_a_report",
     "Shelling hit Kherson on June 20, 2024. Leaders will meet in Washington on July 9, 2024.",
     None, D(2024, 6, 20), "inferred"),
    ("start_of_something_is_not_the_report_day",
     "The offensive began on June 4, 2023, after weeks of shelling. Troops advanced on Monday.",
     None, None, "unknown"),
    ("period_start_is_not_a_report", "Since Feb. 24, 2022, millions have fled the country.",
     None, None, "unknown"),
    ("guardian_style_header_line",
     "Sat 17 Feb 2024 08.03 GMT\nUkraine said on Saturday its troops withdrew from Avdiivka.",
     None, D(2024, 2, 17), "inferred"),
    ("report_title_line_with_date",
     "Russian Offensive Campaign Assessment, February 19, 2024\nRussian forces advanced on February 18.",
     None, D(2024, 2, 19), "inferred"),
    ("statements_dated_after_the_explicit_event_day",
     "Avdiivka fell on Feb. 17, 2024. Officials said on Tuesday that troops had regrouped.",
     None, D(2024, 2, 20), "inferred"),
    ("statements_on_the_explicit_day_keep_it",
     "Avdiivka fell on Feb. 17, 2024, officials said on Saturday.", None, D(2024, 2, 17), "inferred"),
    ("statements_long_after_are_not_moved_to",
     "Avdiivka fell on Feb. 17, 2024. Officials said on Friday that troops had regrouped.",
     None, D(2024, 2, 17), "inferred"),
    ("explicit_date_older_than_years_named_is_background",
     "On Sept. 30, 2022, Putin annexed four regions. Fighting in 2024 has focused on Pokrovsk.",
     None, None, "unknown"),
    ("no_date_at_all_is_unknown",
     "Russian forces attacked Bakhmut on Wednesday, the Ukrainian military said.", None, None, "unknown"),
    ("empty_text_is_unknown", "", None, None, "unknown"),
]


@pytest.mark.parametrize("name,text,dateline,want,how", PUBLICATION, ids=[c[0] for c in PUBLICATION])
def test_publication_date_inferred_from_text(name, text, dateline, want, how):
    assert dates.publication_date(given=None, text=text, dateline=dateline, today=TODAY) == (want, how)


HEADERS = [
    # (name, header lines lifted by cleaning, text, expected)
    ("published_stamp", "Published: 19 February 2024", "Russian forces captured Avdiivka on Saturday.",
     D(2024, 2, 19)),
    ("stamp_lifted_as_title", "Sat 17 Feb 2024 08.03 GMT", "Ukraine said on Saturday its troops withdrew.",
     D(2024, 2, 17)),
    ("link_list_dates_are_not_stamps", "READ MORE\nRussia strikes Kyiv as talks stall, March 3, 2025 analysis",
     "Russian forces shelled the town on Saturday.", None),
    ("stale_stamp_loses_to_body", "Updated 5 January 2021", "Shelling hit Kherson on March 8, 2023.",
     D(2023, 3, 8)),
]


@pytest.mark.parametrize("name,header,text,want", HEADERS, ids=[c[0] for c in HEADERS])
def test_header_stamps_lifted_by_cleaning(name, header, text, want):
    assert dates.publication_date(None, text, None, TODAY, header=header)[0] == want


def test_stamp_lines_before_a_dateline_in_text():
    text = ("February 19, 2024 4:46 PM GMT+1 Updated 2 hours ago\n"
            "KYIV, Feb 19 (Reuters) - Russian forces captured Avdiivka on Saturday.")
    assert dates.publication_date(None, text, None, TODAY) == (D(2024, 2, 19), "inferred")


def test_metadata_date_wins_over_text():
    got = dates.publication_date(given=D(2024, 1, 2), text="On March 8, 2023, shelling hit Kherson.",
                                 dateline=None, today=TODAY)
    assert got == (D(2024, 1, 2), "given")


def test_weekday_year_never_in_future_of_today():
    # Oct 7 is a Monday in 2019 and 2024; with today in 2020 only 2019 is possible
    got = dates.publication_date(None, "Troops advanced, officials said on Monday (Oct 7).", None, D(2020, 1, 1))
    assert got == (D(2019, 10, 7), "inferred")


# --- statement dates (points in time) ------------------------------------------------------

STATEMENTS = [
    # (name, sentence, published, expected (date, precision) or None)
    ("weekday_before_publication", "The military said on Monday that attacks continued.",
     D(2023, 3, 7), (D(2023, 3, 6), "day")),
    ("same_weekday_is_publication_day", "Kyiv's military said late on Wednesday.",
     D(2024, 10, 9), (D(2024, 10, 9), "day")),
    ("weekday_night_across_month_boundary", "The military said in a statement on Tuesday night.",
     D(2023, 3, 1), (D(2023, 2, 28), "day")),
    ("weekday_across_year_boundary", "Officials said on Saturday that two drones were downed.",
     D(2023, 1, 3), (D(2022, 12, 31), "day")),
    ("bare_late_weekday", "Zelensky said in his evening address late Monday.",
     D(2023, 3, 7), (D(2023, 3, 6), "day")),
    ("yesterday_across_month", "The governor said yesterday that power was restored.",
     D(2023, 3, 1), (D(2023, 2, 28), "day")),
    ("yesterday_leap_day", "The governor said yesterday that power was restored.",
     D(2024, 3, 1), (D(2024, 2, 29), "day")),
    ("last_week", "The town was shelled last week, officials said.", D(2023, 3, 7), (D(2023, 2, 28), "week")),
    ("over_the_weekend_is_last_sunday", "An institute said over the weekend that troops withdrew.",
     D(2023, 3, 7), (D(2023, 3, 5), "week")),
    ("earlier_this_month", "Officials said earlier this month that the road was cut.",
     D(2023, 3, 20), (D(2023, 3, 1), "month")),
    ("month_day_same_year", "Ukraine said on Nov. 11 that its troops had entered the city.",
     D(2022, 11, 14), (D(2022, 11, 11), "day")),
    ("month_day_previous_year", "The mayor said on Dec. 30 that shelling had stopped.",
     D(2023, 1, 3), (D(2022, 12, 30), "day")),
    ("day_month_previous_year", "The mayor said on 30 December that shelling had stopped.",
     D(2023, 1, 3), (D(2022, 12, 30), "day")),
    ("explicit_full_date_without_publication", "The mayor said on March 8, 2022 that the city held.",
     None, (D(2022, 3, 8), "day")),
    ("last_month_across_year", "Power was cut last month, the utility said.", D(2023, 1, 10), (D(2022, 12, 1), "month")),
    ("this_year", "This year the city lost half its people.", D(2023, 5, 10), (D(2023, 1, 1), "year")),
    ("days_ago", "The bridge was hit two days ago, officials said.", D(2023, 3, 1), (D(2023, 2, 27), "day")),
    ("speech_date_preferred", "Officials said on Monday that four people were killed on Sunday.",
     D(2023, 3, 7), (D(2023, 3, 6), "day")),
    ("in_month_is_month_precise", "In February, the front barely moved.", D(2023, 3, 7), (D(2023, 2, 1), "month")),
    ("relative_without_publication_is_none", "The military said on Monday.", None, None),
    ("next_weekday_is_not_a_past_date", "Leaders will meet next Monday.", D(2023, 3, 7), None),
    ("no_date", "The military said attacks continued.", D(2023, 3, 7), None),
    ("days_before_an_event_is_not_a_date", "Shelling stopped two days before the vote.", D(2023, 3, 7), None),
    ("possessive_weekday", "Monday's strike on Dnipro killed five.", D(2023, 3, 8), (D(2023, 3, 6), "day")),
]


@pytest.mark.parametrize("name,sentence,published,want", STATEMENTS, ids=[c[0] for c in STATEMENTS])
def test_statement_date(name, sentence, published, want):
    assert dates.statement_date(sentence, published) == want


# --- periods -------------------------------------------------------------------------------

PERIODS = [
    # (name, sentence, published, (start, end, precision) or None)
    ("past_day", "Russia said it had killed 220 soldiers over the past day.", D(2023, 3, 13),
     (D(2023, 3, 12), D(2023, 3, 13), "day")),
    ("past_24_hours_across_year", "Troops repelled 85 attacks in the past 24 hours.", D(2023, 1, 1),
     (D(2022, 12, 31), D(2023, 1, 1), "day")),
    ("past_few_days_is_week_precise", "More than 1,100 soldiers died in the past few days.", D(2023, 3, 13),
     (D(2023, 3, 10), D(2023, 3, 13), "week")),
    ("past_two_weeks", "Forty civilians were killed over the past two weeks.", D(2023, 3, 13),
     (D(2023, 2, 27), D(2023, 3, 13), "week")),
    ("last_24_hours", "Five were wounded in the last 24 hours.", D(2023, 3, 1),
     (D(2023, 2, 28), D(2023, 3, 1), "day")),
    ("since_month_this_year", "Russia has been advancing since August.", D(2024, 10, 8),
     (D(2024, 8, 1), D(2024, 10, 8), "month")),
    ("since_month_previous_year", "Since December, 40 civilians have died.", D(2023, 3, 7),
     (D(2022, 12, 1), D(2023, 3, 7), "month")),
    ("since_day", "Since Aug. 6, troops have taken 1,000 square km.", D(2024, 9, 1),
     (D(2024, 8, 6), D(2024, 9, 1), "day")),
    ("since_year", "Since 2014, 14,000 people had been killed.", D(2022, 2, 1),
     (D(2014, 1, 1), D(2022, 2, 1), "year")),
    ("since_invasion", "Since the start of the full-scale invasion, 10,000 civilians died.", D(2024, 1, 1),
     (D(2022, 2, 24), D(2024, 1, 1), "day")),
    ("month_alone_leap_year", "In February alone, 500 soldiers were killed.", D(2024, 3, 10),
     (D(2024, 2, 1), D(2024, 2, 29), "month")),
    ("month_alone_common_year", "In February alone, 500 soldiers were killed.", D(2023, 3, 10),
     (D(2023, 2, 1), D(2023, 2, 28), "month")),
    ("month_previous_year", "During December, 300 drones were launched.", D(2023, 1, 5),
     (D(2022, 12, 1), D(2022, 12, 31), "month")),
    ("current_month_ends_at_publication", "In March, 90 strikes hit the city.", D(2023, 3, 10),
     (D(2023, 3, 1), D(2023, 3, 10), "month")),
    ("beginning_day_wins_over_vague_week", "In less than a week, beginning March 6, we killed 1,100.",
     D(2023, 3, 13), (D(2023, 3, 6), D(2023, 3, 13), "day")),
    ("starting_day_previous_year", "Starting Dec. 28, 300 missiles were fired.", D(2023, 1, 3),
     (D(2022, 12, 28), D(2023, 1, 3), "day")),
    ("from_to_across_year", "From Dec. 28 to Jan. 3, 300 missiles were fired.", D(2023, 1, 5),
     (D(2022, 12, 28), D(2023, 1, 3), "day")),
    ("month_of_fighting", "In the month of fighting, 3,000 soldiers died.", D(2023, 3, 31),
     (D(2023, 3, 1), D(2023, 3, 31), "month")),
    ("last_month_across_year", "Last month 200 civilians were killed.", D(2023, 1, 10),
     (D(2022, 12, 1), D(2022, 12, 31), "month")),
    ("this_year_so_far", "So far this year 9,000 were killed.", D(2023, 5, 2),
     (D(2023, 1, 1), D(2023, 5, 2), "year")),
    ("last_week_is_previous_calendar_week", "Last week 40 strikes hit Kharkiv.", D(2023, 3, 8),
     (D(2023, 2, 27), D(2023, 3, 5), "week")),
    ("explicit_month_year_without_publication", "In February 2023, 500 were killed.", None,
     (D(2023, 2, 1), D(2023, 2, 28), "month")),
    ("no_period", "Russian forces shelled the city, killing two.", D(2023, 3, 7), None),
]


@pytest.mark.parametrize("name,sentence,published,want", PERIODS, ids=[c[0] for c in PERIODS])
def test_find_period(name, sentence, published, want):
    got = dates.find_period(sentence, published)
    assert (None if got is None else (got.start, got.end, got.precision)) == want


def test_period_span_points_at_its_words():
    s = "Troops repelled 85 attacks over the past day, the military said."
    p = dates.find_period(s, D(2023, 3, 1))
    assert s[p.span_start:p.span_end] == p.text == "over the past day"


def test_find_dates_lists_each_mention_once_in_order():
    found = dates.find_dates("Shelling on Sunday killed two; officials said on Monday (March 6).", D(2023, 3, 7))
    assert [(x.date, x.precision) for x in found] == [(D(2023, 3, 5), "day"), (D(2023, 3, 6), "day")]


def test_dates_before_the_war_are_not_publication_dates():
    assert dates.publication_date(None, "Victory Day marks May 9, 1945.", None, TODAY) == (None, "unknown")


# --- never crash, never resolve past the anchor ------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

WORDS = st.sampled_from([
    "on", "Monday", "late", "since", "August", "in", "February", "alone", "past", "day", "few", "days",
    "beginning", "March", "6", "Dec.", "30", "2023", "02/03/2023", "yesterday", "last", "week", "month",
    "over", "the", "weekend", "ago", "two", "from", "to", "Jan.", "3", "(Oct", "7)", "said", ",", "29",
    "Feb.", "31", "this", "year", "next", "Sunday", "night", "of", "fighting", "between", "and",
])
SENTENCES = st.lists(WORDS, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(SENTENCES, st.dates(min_value=D(2014, 1, 1), max_value=D(2026, 12, 31)))
def test_relative_dates_never_pass_publication(sentence, published):
    found = dates.statement_date(sentence, published)
    assert found is None or found[0] <= published
    period = dates.find_period(sentence, published)
    if period is not None:
        assert period.start <= published and period.precision in ("day", "week", "month", "year")
        assert sentence[period.span_start:period.span_end] == period.text


@settings(max_examples=200, deadline=None)
@given(SENTENCES, st.dates(min_value=D(2015, 1, 1), max_value=D(2026, 12, 31)))
def test_publication_never_after_today(text, today):
    got, how = dates.publication_date(None, text, None, today)
    assert (got is None and how == "unknown") or (got <= today and how == "inferred")


# Event dates: relative words resolve to the last such day on or before publication, across
# month and year boundaries; never after publication. Published Sat 2023-12-23 unless given.
EVENT_DAYS = [
    ("friday_in_a_saturday_article", "Troops advanced on Friday.", D(2023, 12, 23), [(D(2023, 12, 22), "day")]),
    ("late_on_friday", "Troops advanced late on Friday.", D(2023, 12, 23), [(D(2023, 12, 22), "day")]),
    ("friday_night", "Drones struck Odesa on Friday night.", D(2023, 12, 23), [(D(2023, 12, 22), "day")]),
    ("same_weekday_is_publication_day", "Troops advanced on Saturday.", D(2023, 12, 23), [(D(2023, 12, 23), "day")]),
    ("last_saturday_on_a_saturday", "Troops advanced last Saturday.", D(2023, 12, 23), [(D(2023, 12, 16), "day")]),
    ("sunday_across_year_boundary", "Shelling hit Kherson on Sunday.", D(2024, 1, 2), [(D(2023, 12, 31), "day")]),
    ("tuesday_across_year_boundary", "Shelling hit Kherson on Tuesday.", D(2024, 1, 1), [(D(2023, 12, 26), "day")]),
    ("yearless_day_in_january_is_last_december", "Missiles struck Kyiv on Dec. 29.", D(2024, 1, 2),
     [(D(2023, 12, 29), "day")]),
    ("weekday_across_month_boundary", "Troops withdrew on Wednesday.", D(2024, 3, 2), [(D(2024, 2, 28), "day")]),
    ("weekday_with_its_day", "Troops entered the town on Sunday (Dec. 17).", D(2023, 12, 23), [(D(2023, 12, 17), "day")]),
    ("overnight_on_a_weekday_is_that_day", "Drones struck Odesa overnight on Friday.", D(2023, 12, 23),
     [(D(2023, 12, 22), "day")]),
    ("overnight_alone_is_publication_day", "Drones struck Odesa overnight.", D(2023, 12, 23),
     [(D(2023, 12, 23), "day")]),
    ("yesterday_on_the_first_of_a_month", "Troops withdrew yesterday.", D(2024, 3, 1), [(D(2024, 2, 29), "day")]),
    # seasons: the middle month, with month precision
    ("last_summer_from_spring", "Ukraine seized the town last summer.", D(2025, 3, 13), [(D(2024, 7, 1), "month")]),
    ("last_summer_from_autumn_is_this_years", "Russia took the village last summer.", D(2024, 10, 20),
     [(D(2024, 7, 1), "month")]),
    ("last_summer_inside_summer_is_the_one_before", "Troops left last summer.", D(2024, 7, 20),
     [(D(2023, 7, 1), "month")]),
    ("season_with_year", "Russia captured the town in the summer of 2022.", D(2025, 3, 13), [(D(2022, 7, 1), "month")]),
    ("this_winter_across_the_new_year", "Strikes hit Kharkiv this winter.", D(2025, 2, 10), [(D(2025, 1, 1), "month")]),
    ("fall_with_a_determiner", "Kyiv retook the area last fall.", D(2023, 3, 1), [(D(2022, 10, 1), "month")]),
    ("fall_as_a_verb_is_no_date", "The town could fall within weeks.", D(2023, 3, 1), []),
    ("the_fall_of_a_place_is_no_date", "After the fall of Bakhmut, troops regrouped.", D(2023, 6, 1), []),
    ("next_summer_is_no_past_date", "Kyiv plans a push next summer.", D(2023, 3, 1), []),
    ("late_month_is_its_last_third", "A late May strike hit the depot.", D(2023, 6, 12), [(D(2023, 5, 25), "week")]),
    ("mid_month", "Shelling in mid-April damaged the school.", D(2023, 6, 12), [(D(2023, 4, 15), "week")]),
    ("late_this_month_not_yet_over", "Shelling in late June was the heaviest.", D(2023, 6, 12), [(D(2023, 6, 1), "month")]),
    ("the_month_and_year_before_a_noun", "Liberated in the September 2022 counteroffensive, the town is a target.",
     D(2023, 12, 16), [(D(2022, 9, 1), "month")]),
    ("clock_time_is_not_a_day", "Sirens sounded at 21:05 December 31 and again at 06.30.", D(2023, 1, 2),
     [(D(2022, 12, 31), "day")]),
]


@pytest.mark.parametrize("name,sentence,published,want", EVENT_DAYS, ids=[c[0] for c in EVENT_DAYS])
def test_event_day_resolution(name, sentence, published, want):
    got = [(x.date, x.precision) for x in dates.find_dates(sentence, published)]
    assert got == want
    assert all(d <= published for d, _ in got)


# --- every relative form the event code meets, published on Tuesday 2023-10-31 --------------

TUE = D(2023, 10, 31)
FORMS = [
    ("on_weekday", "Russian troops attacked the village on Tuesday.", [(D(2023, 10, 31), "day")]),
    ("overnight", "Drones hit the port overnight.", [(D(2023, 10, 31), "day")]),
    ("yesterday", "The governor said yesterday that the bridge was hit.", [(D(2023, 10, 30), "day")]),
    ("last_week", "Troops pushed forward last week.", [(D(2023, 10, 24), "week")]),
    ("last_week_opening_the_sentence", "Last week, troops pushed forward near the river.", [(D(2023, 10, 24), "week")]),
    ("month_day", "A missile struck the depot on March 3.", [(D(2023, 3, 3), "day")]),
    ("earlier_this_month", "The depot burned earlier this month.", [(D(2023, 10, 1), "month")]),
    ("last_named_month", "Russia seized the village last May.", [(D(2023, 5, 1), "month")]),
    ("last_named_month_is_never_this_month", "The town fell last October.", [(D(2022, 10, 1), "month")]),
    ("since_a_day", "Assaults on the town have gone on since October 10.", [(D(2023, 10, 10), "day")]),
    ("early_on_weekday", "Drones struck the capital early on Sunday.", [(D(2023, 10, 29), "day")]),
    ("night_of_two_days", "Drones struck the capital on the night of Oct. 28-29.", [(D(2023, 10, 29), "day")]),
    ("night_of_two_weekdays", "Missiles hit the city on the night of Saturday to Sunday.", [(D(2023, 10, 29), "day")]),
    ("night_of_day_first", "Missiles hit the city on the night of 29 to 30 October.", [(D(2023, 10, 30), "day")]),
    ("weekday_with_its_day", "Troops pulled back on Saturday (Oct 28).", [(D(2023, 10, 28), "day")]),
    ("previous_day_counts_from_the_day_named",
     "On Sunday the governor said 12 soldiers had died the previous day.", [(D(2023, 10, 29), "day"),
                                                                             (D(2023, 10, 28), "day")]),
    ("previous_day_alone_counts_from_publication", "On the previous day, 133 soldiers were killed.",
     [(D(2023, 10, 30), "day")]),
    ("the_next_day", "Troops entered the town on Thursday and raised a flag the next day.",
     [(D(2023, 10, 26), "day"), (D(2023, 10, 27), "day")]),
    ("days_ago", "The strike came two days ago.", [(D(2023, 10, 29), "day")]),
    ("bare_days_ago", "The strike came days ago.", [(D(2023, 10, 28), "week")]),
    ("in_the_evening_is_publication_day", "The strike came in the evening.", [(D(2023, 10, 31), "day")]),
    ("in_the_evening_of_a_day_named_elsewhere", "On Sunday, after a calm day, drones came in the evening.",
     [(D(2023, 10, 29), "day"), (D(2023, 10, 29), "day")]),
    ("in_the_evening_beside_its_day_is_that_day", "Drones came on Sunday in the evening.", [(D(2023, 10, 29), "day")]),
    ("evening_of_an_explicit_day", "The strike came in the evening of October 29.", [(D(2023, 10, 29), "day")]),
    ("on_the_ordinal", "The town fell on the 28th.", [(D(2023, 10, 28), "day")]),
    ("ordinal_of_last_month", "The town fell on the 30th, officials said.", [(D(2023, 10, 30), "day")]),
    ("ordinal_is_not_a_unit", "The 28th brigade held the line.", []),
    ("this_afternoon", "Sirens sounded this afternoon.", [(D(2023, 10, 31), "day")]),
]


@pytest.mark.parametrize("name,sentence,want", FORMS, ids=[f[0] for f in FORMS])
def test_relative_forms(name, sentence, want):
    assert [(x.date, x.precision) for x in dates.find_dates(sentence, TUE)] == want


def test_the_previous_day_counts_from_the_context_day():
    found = dates.find_dates("On the previous day alone, 133 soldiers were killed.", TUE, context=D(2023, 10, 25))
    assert [(x.date, x.precision) for x in found] == [(D(2023, 10, 24), "day")]


# Forecasts resolve forward and are marked future, so event code can tell a plan from news.
FORECASTS = [
    ("will_on_weekday", "Talks will be held on Friday.", D(2023, 11, 3)),
    ("next_weekday", "Leaders meet next Monday.", D(2023, 11, 6)),
    ("will_on_month_day", "The offensive will start on March 3.", D(2024, 3, 3)),
    ("scheduled_for", "A vote is scheduled for Nov. 5.", D(2023, 11, 5)),
    ("tomorrow", "The convoy leaves tomorrow.", D(2023, 11, 1)),
    ("will_in_month", "Deliveries will begin in March.", D(2024, 3, 1)),
    ("next_week", "A new aid package is expected next week.", D(2023, 11, 6)),
    ("later_this_month", "The talks resume later this month.", D(2023, 11, 1)),
    ("next_year", "Kyiv hopes to rebuild the bridge next year.", D(2024, 1, 1)),
]


@pytest.mark.parametrize("name,sentence,day", FORECASTS, ids=[f[0] for f in FORECASTS])
def test_forecasts_are_future(name, sentence, day):
    (x,) = dates.find_dates(sentence, TUE)
    assert (x.date, x.future) == (day, True) and x.date > TUE
    assert dates.statement_date(sentence, TUE) is None


def test_a_statement_about_a_forecast_keeps_its_own_past_day():
    found = dates.find_dates("The minister said on Monday that talks will resume on Friday.", TUE)
    assert [(x.date, x.future) for x in found] == [(D(2023, 10, 30), False), (D(2023, 11, 3), True)]
    assert dates.statement_date("The minister said on Monday that talks will resume on Friday.", TUE) == \
        (D(2023, 10, 30), "day")


def test_background_date_keeps_its_year():
    (x,) = dates.find_dates("Russia invaded Ukraine on Feb. 24, 2022, and the town fell soon after.", TUE)
    assert (x.date, x.future) == (D(2022, 2, 24), False)


# event_date: the date of the happening at a trigger, for the event code.

def test_event_date_is_the_mention_nearest_the_trigger():
    s = "The governor said on Monday that Russian drones struck the depot on Sunday."
    at = s.index("struck")
    got = dates.event_date(s, at, at + len("struck"), TUE)
    assert (got.date, got.precision, got.text) == (D(2023, 10, 29), "day", "on Sunday")


def test_event_date_prefers_its_own_clause():
    s = "Talks stalled on Monday; troops withdrew from the village in the evening of October 29."
    at = s.index("withdrew")
    assert dates.event_date(s, at, at + 8, TUE).date == D(2023, 10, 29)


def test_event_date_of_a_forecast_is_future():
    s = "Russian troops will attack the town on Friday, a commander warned."
    at = s.index("attack")
    got = dates.event_date(s, at, at + 6, TUE)
    assert got.future and got.date == D(2023, 11, 3)


def test_event_date_without_a_date_is_none():
    assert dates.event_date("Russian troops attacked the town.", 0, 10, TUE) is None


@pytest.mark.parametrize("phrase,day", [
    ("at the beginning of April 2022", 5), ("at the start of April 2022", 5), ("at the end of April 2022", 25),
    ("in the first days of April 2022", 5), ("in early April 2022", 5),
])
def test_the_beginning_or_end_of_a_month_is_its_early_or_late_part(phrase, day):
    (x,) = dates.find_dates(f"The region was liberated {phrase}.", TUE)
    assert (x.date, x.precision) == (D(2022, 4, day), "week")
