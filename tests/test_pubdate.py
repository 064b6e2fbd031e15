"""Publication dates inferred from everything a page offers (loaders/pubdate.py, urldates.py):
the URL, stamps, date prefixes, datelines, text dates, the war's clock and the reference
timeline, combined into a date with an honest precision, or unknown."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from loaders import dates, urldates
from tests.conftest import build_db, query, write

D = dt.date
TODAY = D(2026, 11, 21)


# --- dates in URLs ---------------------------------------------------------------------------

URLS = [
    ("slashes", "https://example.org/world/2024/12/21/troops-advance/", D(2024, 12, 21), "day", None),
    ("iso_in_slug", "https://example.org/news/2024-10-08-glide-bombs-hit-kharkiv", D(2024, 10, 8), "day", None),
    ("compact", "https://example.org/20230104/toll-rises-1106022684.html", D(2023, 1, 4), "day", None),
    ("compact_inside_slug", "https://example.org/world/siege-leaves-a-city-asking-why-20220408-p5ac0d.html",
     D(2022, 4, 8), "day", None),
    ("month_name", "https://archive.example.org/2025/Jan/27/NEWS/page.shtml", D(2025, 1, 27), "day", None),
    ("query", "https://example.org/news/world.php?yyyy=2022&mm=04&dd=13&nav_id=1", D(2022, 4, 13), "day", None),
    ("day_first_when_unambiguous", "https://example.org/news/25/03/2023/story", D(2023, 3, 25), "day", None),
    ("either_order", "https://example.org/news/07/06/2023/story", D(2023, 6, 7), "day", D(2023, 7, 6)),
    ("month_only", "https://example.org/world/2022/10/zelensky-speaks/", D(2022, 10, 1), "month", None),
]


@pytest.mark.parametrize("name,url,day,precision,alt", URLS, ids=[u[0] for u in URLS])
def test_url_dates(name, url, day, precision, alt):
    assert urldates.url_date(url, TODAY) == urldates.UrlDate(day, precision, alt)


@pytest.mark.parametrize("url", [
    "https://example.org/news/general/1106022684.html",      # an id, not a date
    "https://example.org/2027/01/05/future-story",            # after today
    "https://example.org/1999/01/05/old-story",                # before 2000
    "https://2024-10-08.example.org/story",                    # the host is not read
    None, "", "not a url at all",
])
def test_urls_without_a_date(url):
    assert urldates.url_date(url, TODAY) is None


# --- stamps, prefixes and datelines -----------------------------------------------------------

def pub(text, header=None, url=None, title=None, dateline=None, today=TODAY):
    return dates.publication(None, text, dateline, today, header=header, url=url, title=title)


@pytest.mark.parametrize("url,day", [
    ("https://news.example.org/news/people-missing-after-attack-on-1716669514.html", D(2024, 5, 25)),
    ("https://example.org/world/strike-on-the-city-1716669514/", D(2024, 5, 25)),
    # ids that only look like times: before 2014, after today, or not closing the slug
    ("https://example.org/20230104/toll-rises-1106022684.html", None),
    ("https://example.org/news/story-1999999999.html", None),
    ("https://example.org/1716669514/residents-remain-in-the-town", None),
])
def test_unix_time_closing_a_slug(url, day):
    assert urldates.url_timestamp(url, TODAY) == day


def test_a_unix_time_in_the_url_dates_a_page_the_text_does_not_contradict():
    url = "https://news.example.org/news/people-missing-after-attack-on-1716669514.html"
    p = pub("Rescuers searched the ruins of the store.", url=url)
    assert (p.date, p.precision, p.why) == (D(2024, 5, 25), "day", "Unix time in the URL")
    # the text says the story is of another year: the ten digits were an id
    assert pub("Russian forces have captured Lysychansk, the defence ministry said on Sunday.", url=url).how \
        == "unknown"


def test_url_date_wins_and_is_day_precise():
    p = pub("Shelling went on for a third night.", url="https://example.org/2025/04/22/odesa-drones")
    assert (p.date, p.how, p.precision, p.why) == (D(2025, 4, 22), "inferred", "day", "url")


def test_ambiguous_url_takes_the_reading_the_text_supports():
    text = "Rescuers worked through the night after the strike on June 6, 2023, officials said."
    assert pub(text, url="https://example.org/news/07/06/2023/story").date == D(2023, 6, 7)


def test_month_only_stamp_gives_the_middle_of_the_month():
    p = pub("date 2023-10 Russian forces kept up assaults along the whole front, the General Staff said.")
    assert (p.date, p.precision) == (D(2023, 10, 15), "month")


def test_month_stamp_gives_a_yearless_day_its_year():
    text = "date 2022-06 Rescuers searched the rubble on June 27, officials said on Monday."
    assert (pub(text).date, pub(text).precision) == (D(2022, 6, 27), "day")


def test_published_month_in_the_header():
    p = pub("Troops held their positions.", header="Published: October 2023")
    assert (p.date, p.precision) == (D(2023, 10, 15), "month")


def test_iso_date_prefix_is_a_stamp():
    assert pub("date 2025-01-06 The defence ministry said troops advanced.").date == D(2025, 1, 6)


def test_dateline_after_a_kicker_line():
    text = ("World News\nAthens, May 10 (EFE).- Monitors said Tuesday that shelling went on. A siege of the steel plant "
            "in Mariupol that has been besieged for weeks continues.")
    # May 10 was a Tuesday in 2022 and a Wednesday in 2023; the still-besieged plant rules out 2023
    assert pub(text).date == D(2022, 5, 10)


def test_dateline_without_a_city():
    text = "Nov. 9 (UPI) -- Moscow ordered its troops Wednesday to leave Kherson. Officials said Wednesday it was over."
    assert (pub(text).date, pub(text).precision) == (D(2022, 11, 9), "day")


def test_dateline_weekday_that_fits_two_years_is_unknown():
    text = "Odesa. Nov. 10 (Agency) - Officials said on Thursday that shelling went on."
    assert pub(text).date is None


def test_report_period_formula_pins_the_year():
    text = ("The agency's statement, published today, Monday, says: over the past 24 hours, from 8:00 on "
            "August 28 to 8:00 on Monday, two civilians were wounded.")
    assert (pub(text).date, pub(text).precision) == (D(2022, 8, 29), "day")


def test_stale_site_widget_loses_to_the_story():
    text = ("21.3 C\nSunday, October 1, 2023\nShelling of a market\nSome context first. Earlier this week the "
            "occupation authorities announced referendums on joining Russia in Donetsk and Luhansk. "
            "Shells landed near the market on Thursday, the mayor said.")
    assert pub(text).date == D(2022, 9, 22)


def test_a_date_beside_the_weather_is_the_sites_clock_not_a_stamp():
    story = "Shelling of a market\nShells landed near the market on Thursday, the mayor said."
    assert pub("21.3 C\nSunday, October 1, 2023\n" + story).how == "unknown"
    assert pub("-4 °C\nMonday, 4 March 2024\n" + story).how == "unknown"
    # the same date line without the weather is the page's own stamp
    assert pub("Sunday, October 1, 2023\n" + story).date == D(2023, 10, 1)


# --- background, plans and references are no publication date -------------------------------

TRAPS = [
    ("legal_reference",
     "Materials follow the Law on Media No. 2849-IX of March 31, 2023. Drones hit the city overnight.", None),
    ("period_end_is_only_a_bound",
     "The report covers the period from 1 December 2024 to 31 May 2025. Civilian deaths rose.", None),
    ("dash_period_end", "It covers February 1 \u2013 July 31, 2023, and counts 1,000 civilian deaths.", None),
    ("invasion_date_in_a_later_story",
     "Russia invaded on Feb. 24, 2022. Last month Russia's troops took Vuhledar after a long battle.",
     D(2024, 11, 15)),
    ("forecast_is_no_report", "Talks will be held in Istanbul on May 16, 2025, the ministry said.", None),
    ("future_is_no_report", "The offensive is planned for March 8, 2027.", None),
]


@pytest.mark.parametrize("name,text,want", TRAPS, ids=[t[0] for t in TRAPS])
def test_traps(name, text, want):
    assert pub(text).date == want


# --- the war itself --------------------------------------------------------------------------

WAR = [
    # (name, title, text, date, precision)
    ("war_day", None, "Kyiv woke to sirens on day 500 of the war.", D(2023, 7, 8), "day"),
    ("anniversary_and_weekday", None,
     "Crowds gathered on Saturday as Ukraine marked the second anniversary of the full-scale invasion.",
     D(2024, 2, 24), "day"),
    ("timeline_news_with_weekday", None,
     "Some context. Russian troops have left Lyman, the defence ministry in Moscow said on Saturday.",
     D(2022, 10, 1), "day"),
    ("timeline_last_month", None,
     "Some context. Last month, Russia declared victory in its siege of Mariupol.", D(2022, 6, 15), "month"),
    ("timeline_headline", "Missile strike on Kramatorsk railway station kills dozens", "Rescuers are at work.",
     D(2022, 4, 8), "week"),
    ("timeline_gives_a_yearless_day_its_year", "Ukrainian forces withdraw from Avdiivka",
     "Early on February 17, the commander announced the decision.", D(2024, 2, 17), "day"),
    ("general_staff_tally", None,
     "Russia's overall losses since the start of the invasion reached 412,370 personnel, the General Staff said.",
     D(2024, 2, 28), "week"),
    ("weekday_picks_the_day_in_a_week", None,
     "Some context. A week after the fall of Avdiivka, officials said on Monday that the line held.",
     D(2024, 2, 26), "day"),
]


@pytest.mark.parametrize("name,title,text,day,precision", WAR, ids=[w[0] for w in WAR])
def test_dates_from_the_war_itself(name, title, text, day, precision):
    p = pub(text, title=title)
    assert (p.date, p.how, p.precision) == (day, "inferred", precision)


def test_two_events_told_as_news_months_apart_leave_the_date_unknown():
    # a wrong date is worse than none: the text contradicts itself (or one reading is wrong)
    one = "Some context first. Russian forces have captured Lysychansk, the defence ministry said on Sunday."
    assert pub(one).date == D(2022, 7, 3)
    both = one + " Elsewhere, Ukrainian troops entered Kherson yesterday, crowds cheering them."
    assert pub(both).how == "unknown"


def test_an_event_told_as_news_far_from_the_war_s_clock_leaves_the_date_unknown():
    # the incursion of August 2024 told in a story the war's clock puts in its fourth year
    one = "Ukraine launched a surprise incursion into the Kursk region on Tuesday, officials said."
    assert pub(one).how == "inferred"
    clocked = one + " Civilians have been killed throughout the three-year conflict."
    assert pub(clocked).how == "unknown"


def test_a_photo_caption_s_date_does_not_give_the_story_s_year():
    text = ("Soldiers march at a memorial in Volgograd, Russia, on July 11, 2022. Ivan Petrov/AP Photo\n"
            "Russia has suffered more casualties, a U.S. official said.\n"
            "The figure was given to reporters on Oct. 9 at the Pentagon.")
    assert pub(text).how == "unknown"       # an archive photo's day anchors no yearless day
    plain = text.replace(" Ivan Petrov/AP Photo", "")
    assert pub(plain).date == D(2022, 10, 9)  # a dated line in the story itself still does


def test_a_yearless_day_in_the_lead_takes_the_one_war_year_of_its_weekday():
    text = ("A Russian bomb attack on Wednesday killed 13 people in the city. The strikes, at 4 p.m. on Jan. 8, "
            "hit a plant.")
    assert pub(text).date == D(2025, 1, 8)          # Jan. 8 was a Wednesday only in 2025 of the war years
    # a start point is no story day, nor a day further down the story
    assert pub("Troops have taken 100 villages since they crossed the border on August 6, the general said "
               "on Tuesday. Fighting goes on.").how == "unknown"
    assert pub("Drones hit the city on Tuesday. Officials said the toll rose. Later, on March 3, more strikes "
               "came.").how == "unknown"


def test_the_weekday_a_report_was_published_follows_its_latest_date():
    text = ("The update, published on Saturday, said losses fell in July. A photo shows a howitzer on July 31, "
            "2024, near the front.")
    assert pub(text).date == D(2024, 8, 3)


def test_a_holiday_is_a_yearless_day():
    text = ("A ballistic missile struck an apartment building in the city on Tuesday, killing one person. Officials "
            "denounced the Christmas Eve attack on the city.")
    assert pub(text).date == D(2024, 12, 24)      # the one war year whose Christmas Eve was a Tuesday


def test_the_eve_of_an_anniversary_of_the_start_of_the_invasion_is_the_day_before():
    text = ("On the eve of the second anniversary of the start of the \u201cfull-scale invasion of Ukraine\u201d, the "
            "UN mission published a report.")
    assert pub(text).date == D(2024, 2, 23)


def test_a_list_of_other_stories_with_their_times_is_no_stamp():
    widget = "\n".join(["Markets rally again 24 Nov 2024 3:45 AM GMT", "Election news", "22 Nov 2024 2:47 PM GMT",
                        "Health care", "20 Nov 2024 5:00 AM GMT", "Ukraine", "16 Aug 2023 5:46 AM GMT"])
    story = "\nRussian forces seize a village\nRussian forces have taken the village, the ministry said."
    assert pub(widget + story).how == "unknown"
    # one stamp at the top is still the page's own
    assert pub("Published 24 Nov 2024 3:45 AM GMT" + story).date == D(2024, 11, 24)


def test_a_dateline_whose_weekdays_fit_two_years_is_unknown():
    text = ("Missiles struck the city twice on Monday night, killing nine people. The president said on Tuesday "
            "that 82 people were wounded. Rescue work ended on Tuesday.")
    assert pub(text, dateline="POKROVSK, Ukraine, Aug 7 (Reuters)").how == "unknown"


def test_a_day_well_before_the_wars_clock_is_history():
    text = ("This is the third evacuation that Russia has conducted in the 14 months of war. Between October 18 and "
            "November 8, people left the city. On November 11, 2022, Ukraine regained control of the city.")
    p = pub(text)
    assert p.date != D(2022, 11, 11) and (p.date is None or p.date >= D(2023, 4, 1))


def test_a_loose_window_alone_is_too_wide_to_date():
    # "two years since" spans a year: the article can be dated no closer than that
    assert pub("It has been two years since the full-scale invasion.").date is None


def test_windows_never_give_a_date_after_today():
    text = "Some context. Russian troops have left Lyman, the defence ministry in Moscow said on Saturday."
    assert pub(text, today=D(2022, 9, 1)).date is None


# --- as users load pages --------------------------------------------------------------------

def test_ingest_stores_the_inferred_date_its_precision_and_how(tmp_path):
    rows = [
        {"id": "u1", "url": "https://example.org/2024/12/21/front-report", "text": "Shelling continued for days."},
        {"id": "m1", "text": "date 2023-10 Russian forces kept attacking along the front, the General Staff said."},
        {"id": "g1", "published": "2024-05-14", "text": "Shelling continued for days."},
        {"id": "n1", "text": "Shelling continued for days, officials said."},
    ]
    path = write(tmp_path, "pages.jsonl", "\n".join(json.dumps(r) for r in rows))
    db = build_db(tmp_path, paths=[path])
    got = query(db, "SELECT doc_id, published, published_how, published_precision FROM articles ORDER BY doc_id")
    assert got == [("g1", D(2024, 5, 14), "given", "day"), ("m1", D(2023, 10, 15), "inferred", "month"),
                   ("n1", None, "unknown", None), ("u1", D(2024, 12, 21), "inferred", "day")]
