"""Page furniture removal, titles and datelines: real sample lines and realistic cases."""
from __future__ import annotations

import pytest

from loaders import cleaning
from loaders.cleaning import clean, normalise

from conftest import SAMPLES

BODY = ("Russian forces shelled the town of Kupiansk on Tuesday, wounding two civilians, "
        "regional governor Oleh Syniehubov said.\n"
        "The town had a pre-war population of about 27,000.")


def sample(stem_prefix: str) -> str:
    (path,) = SAMPLES.glob(f"{stem_prefix}_*.txt")
    return path.read_text(encoding="utf-8")


# --- the bundled samples --------------------------------------------------------------

@pytest.mark.parametrize("prefix, furniture", [
    ("000", ["ALSO READ: Russia launches major drone attack on Ukraine, damages residential buildings"]),
    ("001", ["(Reporting by Yuliia Dysa; Writing by Dan Peleschuk; Editing by Philippa Fletcher)"]),
    ("002", ["A Message from The Moscow Times:", "Dear readers,", "Remind me later."]),
    ("003", ["READ MORE", "Putin signs law to suspend Russia's participation in arms treaty",
             "Blinken wraps up Central Asia tour before G20 talks in India",
             "A view of the town of Bakhmut, Donetsk region, Ukraine. AP",
             "Medics render first aid to a wounded Ukrainian soldier near Bakhmut, Donetsk region, Ukraine, on Monday. AP",
             "Reuters"]),
])
def test_sample_furniture_is_removed_from_the_text(prefix, furniture):
    c = clean(sample(prefix))
    for line in furniture:
        assert line in c.removed
        assert line not in c.text.split("\n")


def test_sample_donation_appeal_is_dropped_to_its_end_including_money_amounts():
    c = clean(sample("002"))
    assert "$2" not in c.text and "Moscow Times" not in c.text
    assert c.text.endswith("around 4,000 civilians remain in the town, which has been virtually flattened.")
    assert len(c.removed) == 8


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_sample_article_sentences_are_all_kept(prefix):
    """Every line that is not listed as furniture survives, word for word."""
    raw = sample(prefix)
    c = clean(raw)
    kept = set(c.text.split("\n"))
    for line in normalise(raw).split("\n"):
        if line in c.removed or line == c.title:
            continue
        assert line in kept or (c.dateline and line.startswith(c.dateline)), line


@pytest.mark.parametrize("line", [
    "Reuters was not able to verify battlefield reports.",
    "Ukrainian officials say around 4,000 civilians remain in the town, which has been virtually flattened.",
    "Both sides have said the Bakhmut battle has cost a significant number of troops, but neither gave figures.",
])
def test_sample_lines_that_resemble_furniture_are_kept(line):
    assert line in clean("\n".join(sample(p) for p in ("002", "003"))).text.split("\n")


@pytest.mark.parametrize("prefix, title, dateline", [
    ("000", None, "KYIV \u2014"),
    ("001", "Ukraine reports fierce fighting in Toretsk as Russia steps up pressure", "(Reuters) -"),
    ("002", None, None),
    ("004", None, None),
])
def test_sample_titles_and_datelines_are_lifted_out(prefix, title, dateline):
    c = clean(sample(prefix))
    assert (c.title, c.dateline) == (title, dateline)
    assert not c.text.startswith(("KYIV", "(Reuters)"))


# --- realistic furniture written for these tests ---------------------------------------------

@pytest.mark.parametrize("furniture", [
    # captions and photo credits
    "A Ukrainian serviceman fires a howitzer towards Russian positions near Bakhmut, Ukraine, March 5, 2023. REUTERS/Alex Babenko",
    "FILE PHOTO: Smoke rises over the city of Avdiivka, Ukraine. REUTERS/Stringer/File Photo",
    "Firefighters work at the site of a Russian missile strike in Kharkiv, Ukraine, on Sunday. AFP",
    "Residents walk past a destroyed building in Chasiv Yar on Friday. Anadolu Agency via Getty Images",
    "Ukrainian soldiers ride an armoured vehicle near Toretsk (AP Photo/Evgeniy Maloletka)",
    "Photo: Ukrainian Armed Forces General Staff",
    "(Photo by Genya Savilov / AFP)",
    "Image caption: A damaged apartment block in Pokrovsk",
    "\u00a9 Ministry of Defence of Ukraine",
    # bylines and credits
    "By Tom Balmforth and Olena Harmash",
    "By Pavel Polityuk, Reuters",
    "(Additional reporting by Lidia Kelly in Melbourne; Editing by Mark Heinrich)",
    "Reporting by Max Hunder; Editing by Alex Richardson",
    "AFP",
    "The Associated Press",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Updated: 14 May 2024 10:32",
    "4 min read",
    # share bars, newsletters, cookies, weather, ads
    "Share this article",
    "Share on Facebook | Share on Twitter | Email",
    "Facebook Twitter Telegram WhatsApp Copy link",
    "Sign up for our Ukraine war briefing newsletter",
    "Subscribe to our daily newsletter",
    "Enter your email address",
    "We use cookies to give you the best experience. By continuing you accept our cookie policy.",
    "Accept all cookies",
    "Kyiv 12\u00b0C Partly cloudy",
    "Humidity: 80%",
    "Advertisement",
    "Story continues below advertisement",
    "Support independent journalism from Ukraine",
    "Smoke rises over a damaged apartment block after shelling in Izium, eastern Ukraine, Monday, March 7, 2022.",
    # photo-gallery controls and counters
    "Previous slide Next slide Fullscreen mode",
    "Previous slide Next slide Fullscreen mode Regional Military Administration / Telegram",
    "1 4",
    "3 / 12",
])
def test_written_furniture_lines_are_dropped_and_the_article_kept(furniture):
    c = clean(f"{BODY}\n{furniture}\nOfficials said repairs would take weeks.")
    assert furniture in c.removed
    assert c.text == BODY + "\nOfficials said repairs would take weeks."


@pytest.mark.parametrize("heading", ["READ MORE", "Read also:", "Related:", "Related stories", "ALSO READ",
                                     "More on this story", "You may also like"])
def test_link_list_heading_and_its_headlines_are_dropped_up_to_the_next_paragraph(heading):
    text = (f"{BODY}\n{heading}\nZelensky visits front-line troops in Avdiivka\n"
            "EU agrees new sanctions package against Moscow\n"
            "The governor said 1,200 people had been evacuated from the district since Friday.")
    c = clean(text)
    assert c.text == BODY + "\nThe governor said 1,200 people had been evacuated from the district since Friday."
    assert "EU agrees new sanctions package against Moscow" in c.removed


@pytest.mark.parametrize("line", ["Read also: Russian drones hit energy facilities in Odesa region",
                                  "READ MORE: Ukraine says it downed 30 drones overnight",
                                  "Related: Kharkiv residents shelter in metro stations"])
def test_inline_link_headline_is_dropped(line):
    c = clean(f"{BODY}\n{line}")
    assert c.text == BODY and line in c.removed


@pytest.mark.parametrize("appeal", [
    ["A Message from The Kyiv Independent:", "Dear readers, we rely on you.",
     "Your support keeps our reporters at the front. Please become a member today.", "Remind me later."],
    ["Dear readers,", "We are an independent newsroom and we need your help to keep reporting.",
     "Donate now"],
    ["Support our journalism", "Every contribution, however big or small, powers our reporting. Thank you."],
])
def test_appeal_blocks_are_dropped_to_their_end(appeal):
    c = clean("\n".join([BODY, *appeal, "Russia said it had shot down 12 drones over Belgorod."]))
    assert c.text == BODY + "\nRussia said it had shot down 12 drones over Belgorod."
    assert c.removed == appeal


def test_appeal_at_the_end_of_a_page_is_dropped_to_the_end():
    appeal = ["Dear readers,", "Our journalists work in a war zone.", "Please support us with $5 a month."]
    c = clean("\n".join([BODY, *appeal]))
    assert c.text == BODY and c.removed == appeal


@pytest.mark.parametrize("prose", [
    # captions need the credit shape AND no reporting language or quotes
    "The town was shelled again on Monday, officials said. AP",
    "\"We are holding the line,\" a commander near Bakhmut told AP.",
    "Reuters could not independently verify the report.",
    "By Monday, Russian troops had advanced two kilometres, the ministry said.",
    "By Ukrainian estimates, 500 Russian soldiers died in the assault.",
    "The photo, taken on Sunday, shows a destroyed bridge near Kupiansk.",
    "Dear readers of the regional paper were told to leave, the governor said.",
    "Share prices of Russian defence firms rose 4% on Monday.",
    "We will not give up Bakhmut, the commander said.",
    "Related strikes hit Kharkiv and Sumy overnight, officials said.",
])
def test_article_sentences_that_resemble_furniture_are_kept(prose):
    c = clean(f"{BODY}\n{prose}")
    assert c.text == f"{BODY}\n{prose}"
    assert c.removed == []


# --- titles, datelines and normalisation -------------------------------------------------------

@pytest.mark.parametrize("text, dateline, body_start", [
    ("KYIV, April 10 (Reuters) - Russian forces attacked", "KYIV, April 10 (Reuters) -", "Russian forces"),
    ("KYIV \u2014 Russian forces attacked", "KYIV \u2014", "Russian forces"),
    ("(Reuters) - Russian forces attacked", "(Reuters) -", "Russian forces"),
    ("MOSCOW (AP) \u2014 Russian forces attacked", "MOSCOW (AP) \u2014", "Russian forces"),
    ("KYIV, Ukraine (AP) \u2014 Russian forces attacked", "KYIV, Ukraine (AP) \u2014", "Russian forces"),
    ("ZAPORIZHZHIA, Ukraine, March 1 (Reuters) - Russian forces", "ZAPORIZHZHIA, Ukraine, March 1 (Reuters) -",
     "Russian forces"),
    ("NEW YORK, Oct 9 (Reuters) - The U.N. said", "NEW YORK, Oct 9 (Reuters) -", "The U.N. said"),
    ("Kyiv (AFP) - Ukraine said", "Kyiv (AFP) -", "Ukraine said"),
    ("Russian forces \u2014 backed by artillery \u2014 attacked", None, "Russian forces \u2014"),
    ("In Kyiv - the capital - sirens sounded", None, "In Kyiv"),
    ("MOSCOW (Reuters) -Russian forces attacked", "MOSCOW (Reuters) -", "Russian forces"),
    ("NATO-Russia talks stalled", None, "NATO-Russia talks"),
])
def test_leading_dateline_is_lifted_out_as_metadata(text, dateline, body_start):
    c = clean(text + " on Tuesday, officials said.")
    assert c.dateline == dateline
    assert c.text.startswith(body_start)


def test_dateline_after_a_headline_is_lifted_too():
    c = clean("Russia pounds Kharkiv with glide bombs\nKHARKIV, Ukraine, May 14 (Reuters) - Russian jets dropped bombs.")
    assert c.title == "Russia pounds Kharkiv with glide bombs"
    assert c.dateline == "KHARKIV, Ukraine, May 14 (Reuters) -"
    assert c.text == "Russian jets dropped bombs."


@pytest.mark.parametrize("text, given, title, body", [
    ("Russia pounds Kharkiv with glide bombs\n" + BODY, None, "Russia pounds Kharkiv with glide bombs", BODY),
    ("Russia pounds Kharkiv with glide bombs\n" + BODY, "Russia pounds Kharkiv with glide bombs",
     "Russia pounds Kharkiv with glide bombs", BODY),
    (BODY, "Given title", "Given title", BODY),
    (BODY, None, None, BODY),                          # first line ends with a full stop: not a headline
    ("Shelling\n" + BODY, None, None, "Shelling\n" + BODY),  # one word is not a headline
])
def test_headline_like_first_line_becomes_the_title(text, given, title, body):
    c = clean(text, title=given)
    assert (c.title, c.text) == (title, body)


@pytest.mark.parametrize("raw, expected", [
    ("Russia\u00e2\u20ac\u2122s forces advanced.", "Russia\u2019s forces advanced."),          # mojibake
    ("Cafe\u0301 in Kyiv was hit.", "Caf\u00e9 in Kyiv was hit."),                           # NFC
    ("  Two   people\u00a0were\twounded.  \n\n\n  Three were killed. ", "Two people were wounded.\nThree were killed."),
    ("Line one.\r\nLine two.\rLine three.", "Line one.\nLine two.\nLine three."),
    ("Zero\u200bwidth and soft\u00adhyphen.", "Zerowidth and softhyphen."),
    ("\u201cQuotes\u201d stay curly.", "\u201cQuotes\u201d stay curly."),
])
def test_text_is_normalised_one_paragraph_per_line(raw, expected):
    assert clean(raw).text == expected


def test_empty_text_cleans_to_empty():
    assert clean("  \n ") .text == ""


def test_appeal_that_lost_its_heading_is_dropped_back_from_its_end_marker():
    appeal = ["We are facing unprecedented challenges. Independent journalism needs your help.",
              "If you can, please support us monthly starting from just $5. More than 40,000 readers already do.",
              "Remind me later."]
    c = clean("\n".join([BODY, *appeal, "Synkivka has been close to the front line since 2014."]))
    assert c.text == BODY + "\nSynkivka has been close to the front line since 2014."
    assert c.removed == appeal


@pytest.mark.parametrize("text, dateline, furniture", [
    ("KHARKIV \u2014 Share on Facebook\nShare on X\nCopy link\n" + BODY, "KHARKIV \u2014",
     ["Share on Facebook", "Share on X", "Copy link"]),
    ("KYIV (Reuters) - Reporting by Olena Harmash; Editing by Nick Macfie\n" + BODY, "KYIV (Reuters) -",
     ["Reporting by Olena Harmash; Editing by Nick Macfie"]),
])
def test_furniture_right_after_a_dateline_is_dropped(text, dateline, furniture):
    c = clean(text)
    assert (c.dateline, c.text) == (dateline, BODY)
    assert sorted(c.removed) == sorted(furniture)


@pytest.mark.parametrize("line", [
    "Rescuers work at the site of a Russian missile strike in Kramatorsk, Ukraine, on Wednesday. AP Photo/Libkos",
    "Get the 8 most important stories delivered to your inbox every morning. Subscribe",
])
def test_more_caption_and_newsletter_shapes_are_dropped(line):
    c = clean(f"{BODY}\n{line}")
    assert c.text == BODY and c.removed == [line]


@pytest.mark.parametrize("title", ["Russia pounds Kharkiv with glide bombs | Example News",
                                   "Russia pounds Kharkiv with glide bombs - Example News"])
def test_headline_repeated_before_a_page_title_suffix_is_dropped(title):
    c = clean("Russia pounds Kharkiv with glide bombs\n" + BODY, title=title)
    assert (c.title, c.text) == (title, BODY)


@pytest.mark.parametrize("raw, expected", [
    ("Kupiansk\x00 was shelled.\x07", "Kupiansk was shelled."),
    # the classic double decoding with errors="replace": the closing quote's 0x9D is lost
    ("\u00e2\u20ac\u0153We will not leave,\u00e2\u20ac\ufffd the mayor said.", "\u201cWe will not leave,\u201d the mayor said."),
])
def test_control_characters_and_lossy_mojibake_are_repaired(raw, expected):
    assert clean(raw).text == expected


# --- properties ------------------------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

PROSE = [
    "Russian forces shelled Kupiansk on Tuesday, the governor said.",
    "\u201cWe will hold the town,\u201d a commander told reporters.",
    "Ukraine's military said it repelled 47 attacks near Bakhmut over the past day.",
    "The town had a pre-war population of about 27,000.",
    "Officials say around 4,000 civilians remain in the town.",
]
FURNITURE = [
    "Share on Facebook", "READ MORE", "Sign up for our daily newsletter", "Advertisement",
    "Medics treat a wounded soldier near Bakhmut, Donetsk region, Ukraine, on Monday. AP",
    "(Reporting by Max Hunder; Editing by Alex Richardson)", "Reuters", "Photo: Reuters",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PROSE + FURNITURE), min_size=1, max_size=12))
def test_cleaning_keeps_every_prose_line_and_only_drops_whole_input_lines(lines):
    c = clean("\n".join(lines))
    kept = c.text.split("\n") if c.text else []
    assert [line for line in lines if line in PROSE] == kept
    assert all(r in lines for r in c.removed)


@pytest.mark.parametrize("raw,want", [
    ("The mayor said.The head of the republic spoke.", "The mayor said. The head of the republic spoke."),
    ("It began on Aug. 6.Zelensky confirmed it.", "It began on Aug. 6. Zelensky confirmed it."),
    # abbreviations, dotted names and addresses stay glued
    ("See ukrinform.ua and Censor.NET for the U.S.Army claim.", "See ukrinform.ua and Censor.NET for the U.S.Army claim."),
    ("Read www.example.Com or http://example.org/page.Html now.", "Read www.example.Com or http://example.org/page.Html now."),
])
def test_glued_sentences_are_split(raw, want):
    assert normalise(raw) == want


def test_hard_wrapped_lines_are_joined_into_their_sentences():
    text = ("Russia's ministry announced the capture of Kurakhove, which\n"
            "had around 18,000 residents before the war, after a long\n"
            "battle.\n"
            "A new paragraph starts here.")
    got = clean(text).text.split("\n")
    assert got == ["Russia's ministry announced the capture of Kurakhove, which had around 18,000 residents "
                   "before the war, after a long battle.", "A new paragraph starts here."]


def test_a_line_cut_after_a_month_abbreviation_goes_on_with_its_day():
    text = "The regional governor announced on Nov.\n29 that all families had left the town.\n5 people died."
    assert clean(text).text.split("\n") == [
        "The regional governor announced on Nov. 29 that all families had left the town.", "5 people died."]


@pytest.mark.parametrize("text", [
    " ", "  ", " \t", "\t ", "\t", "a \u00a0 b", "x\u3000y", "a  b\t\tc \u202f", "one two  three",
    "Kyiv,\u00a0March 3", "no spaces", "", "end \u2009", "\u2002lead",
])
def test_space_runs_change_what_collapsing_every_run_changes(text):
    assert cleaning._SPACE_RUNS.sub(" ", text) == cleaning._SPACES.sub(" ", text)


def test_glued_sentences_are_still_split_after_the_fast_check():
    assert cleaning.normalise("The mayor said.The head of the region  agreed.") == \
        "The mayor said. The head of the region agreed."
    assert cleaning.normalise("Read more at ukrinform.ua and U.S. sites") == "Read more at ukrinform.ua and U.S. sites"


def test_an_agency_dateline_below_page_lines_is_lifted_too():
    text = ("Russian forces advance on a new front, state media say\n"
            "Posted on June 30, 2025\n"
            "Russian forces have captured a village, intensifying the conflict.\n"
            "MOSCOW (Reuters) -Russian forces have taken control of the first village in the region.\n"
            "Later, officials in Kyiv (AP) - declined to comment.")
    c = clean(text)
    assert c.dateline == "MOSCOW (Reuters) -"
    assert "Russian forces have taken control of the first village" in c.text and "MOSCOW" not in c.text
    assert "Kyiv (AP) - declined" in c.text       # only the first one is a dateline


def test_a_read_also_link_title_is_dropped_on_its_own_line_and_glued_to_a_paragraph():
    text = ("Two people were killed in Kharkiv on Monday, the governor said.Read also: One killed, one injured "
            "in Russian strikes on Kharkiv region\n"
            "Rescuers worked through the night.\n"
            "Read also: Three wounded in shelling of Kherson, officials say\n"
            "Read more: The army said 20 were killed. Officials disagreed about the toll.")
    c = clean(text)
    assert c.text == ("Two people were killed in Kharkiv on Monday, the governor said.\n"
                      "Rescuers worked through the night.\n"
                      "Read more: The army said 20 were killed. Officials disagreed about the toll.")
    assert "Read also: One killed, one injured in Russian strikes on Kharkiv region" in c.removed


def test_captions_ending_in_a_bracketed_photo_credit_are_dropped():
    text = ("Missiles hit Kyiv on Friday, officials said.\n"
            "Firefighters search a destroyed building after an attack in Kyiv, Ukraine [File: Jane Doe/AP]\n"
            "Smoke rises after a Russian attack in Kherson, southern Ukraine, on November 19, 2022 [John Roe/Reuters]\n"
            "More text here [see the map].")
    c = clean(text)
    assert c.text == "Missiles hit Kyiv on Friday, officials said.\nMore text here [see the map]."
    assert len(c.removed) == 2


def test_reading_copy_blanks_editorial_brackets_and_keeps_offsets():
    text = "More than 9,000 [people] were evacuated, he said [1]. See [...] and [Photo: AFP]\n[x"
    read = cleaning.reading_copy(text)
    assert len(read) == len(text)
    assert "9,000  people  were evacuated" in read
    assert "[1]" in read and "[...]" in read        # no letter inside: not an insertion
    assert "[x" in read                             # unclosed: left alone
    assert cleaning.reading_copy("no brackets") == "no brackets"


def test_a_date_stamp_glued_to_the_first_line_is_lifted_and_the_line_kept():
    c = clean(" date 2023-12-04 Guardian: Russia holds 18% of Ukraine\nThe analysis was published on Monday.")
    assert c.text.startswith("Guardian: Russia holds 18% of Ukraine\n")   # not taken as the title
    assert "date 2023-12-04" in c.removed and "date 2023" not in c.text
    assert clean("Dated documents were found.\nMore.").text.startswith("Dated documents")


def test_a_stamped_list_of_other_stories_is_dropped():
    text = ("Some 3,000 residents remain in Pokrovsk, the head of the town administration said.\n"
            "Advertising\nMORE ABOUT\nShops close in Pokrovsk\n20:09, 18.02.2025\n"
            "Some 172 invaders neutralized in Pokrovsk direction\n11:34, 17.02.2025\n"
            "LATEST\nOne civilian killed, two injured in Kharkiv region\n09:14, 06.03.2025\n")
    c = clean(text)
    assert c.text == "Some 3,000 residents remain in Pokrovsk, the head of the town administration said."
    assert "Some 172 invaders neutralized in Pokrovsk direction" in c.removed


def test_a_watch_more_link_is_furniture():
    c = clean("Three people remain in Myrnohrad, police said.\n"
              "Watch more: Enemy is 2 kilometers from the town: police call on residents to evacuate. VIDEO\n"
              "Evacuation goes on.")
    assert c.text == "Three people remain in Myrnohrad, police said.\nEvacuation goes on."
