"""find_numbers: every number form the figures rely on, the look-alikes it must mark or
drop, and property tests that it never crashes and its spans are honest."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.numbers import find_numbers

# text, the quantity's words, value, low, high, qualifier, unit
FORMS = [
    ("digits-comma", "killed 1,100 soldiers", "1,100", 1100, None, None, "exact", None),
    ("digits-space", "about 1 100 troops", "about 1 100", 1100, None, None, "approx", None),
    ("digits-nbsp", "some 4\u00a0000 people", "some 4\u00a0000", 4000, None, None, "approx", None),
    ("digits-dots-two-groups", "1.100.000 refugees", "1.100.000", 1100000, None, None, "exact", None),
    ("digits-dot-thousands-of-people", "1.026 Ukrainian soldiers", "1.026", 1026, None, None, "exact", None),
    ("digits-dot-thousands-of-things", "more than 2.500 drones", "more than 2.500", 2500, 2500, None, "more_than", None),
    ("digits-plain", "85 attacks", "85", 85, None, None, "exact", None),
    ("decimal-million", "1.5 million people", "1.5 million", 1500000, None, None, "exact", None),
    ("k-suffix", "20k troops", "20k", 20000, None, None, "exact", None),
    ("m-suffix", "6.5m refugees", "6.5m", 6500000, None, None, "exact", None),
    ("digit-thousand", "2 thousand people", "2 thousand", 2000, None, None, "exact", None),
    ("word-one-thousand", "More than one thousand residents", "More than one thousand", 1000, 1000, None, "more_than", None),
    ("word-seven", "seven residents", "seven", 7, None, None, "exact", None),
    ("word-capital", "Ninety soldiers", "Ninety", 90, None, None, "exact", None),
    ("word-dozen", "a dozen civilians", "a dozen", 12, None, None, "exact", None),
    ("word-two-dozen", "two dozen drones", "two dozen", 24, None, None, "exact", None),
    ("word-hundred-and", "two hundred and twenty people", "two hundred and twenty", 220, None, None, "exact", None),
    ("word-hyphen", "twenty-five soldiers", "twenty-five", 25, None, None, "exact", None),
    ("word-hundred-thousand", "two hundred thousand people", "two hundred thousand", 200000, None, None, "exact", None),
    ("word-half-million", "half a million people", "half a million", 500000, None, None, "exact", None),
    ("word-a-thousand", "a thousand people", "a thousand", 1000, None, None, "exact", None),
    ("range-hyphen", "20,000-30,000 Russian soldiers", "20,000-30,000", None, 20000, 30000, "range", None),
    ("range-en-dash", "20,000–30,000 Russian soldiers", "20,000–30,000", None, 20000, 30000, "range", None),
    ("range-short-first", "12-13,000 troops", "12-13,000", None, 12000, 13000, "range", None),
    ("range-scale-word", "1-2 million people", "1-2 million", None, 1e6, 2e6, "range", None),
    ("range-between", "between 50 and 70 people", "between 50 and 70", None, 50, 70, "range", None),
    ("range-to", "50 to 70 people", "50 to 70", None, 50, 70, "range", None),
    ("range-from-to", "from 50 to 70 people", "from 50 to 70", None, 50, 70, "range", None),
    ("range-words-or", "two or three soldiers", "two or three", None, 2, 3, "range", None),
    ("q-more-than", "more than 1,100 soldiers", "more than 1,100", 1100, 1100, None, "more_than", None),
    ("q-over", "over 220 soldiers", "over 220", 220, 220, None, "more_than", None),
    ("q-at-least", "at least 14 civilians", "at least 14", 14, 14, None, "more_than", None),
    ("q-in-excess-of", "in excess of 300 troops", "in excess of 300", 300, 300, None, "more_than", None),
    ("q-no-fewer-than", "no fewer than 40 people", "no fewer than 40", 40, 40, None, "more_than", None),
    ("q-plus", "10,000-plus troops", "10,000-plus", 10000, 10000, None, "more_than", None),
    ("q-up-to", "up to 300 servicemen", "up to 300", 300, None, 300, "less_than", None),
    ("q-nearly", "nearly 200 soldiers", "nearly 200", 200, None, 200, "less_than", None),
    ("q-almost", "almost 500 residents", "almost 500", 500, None, 500, "less_than", None),
    ("q-just-under", "just under 1,000 people", "just under 1,000", 1000, None, 1000, "less_than", None),
    ("q-fewer-than", "fewer than 1,000 residents", "fewer than 1,000", 1000, None, 1000, "less_than", None),
    ("q-less-than", "less than 3 miles", "less than 3", 3, None, 3, "less_than", "mi"),
    ("q-about", "about 70,000 people", "about 70,000", 70000, None, None, "approx", None),
    ("q-around", "around 4,000 civilians", "around 4,000", 4000, None, None, "approx", None),
    ("q-some", "some 500,000 soldiers", "some 500,000", 500000, None, None, "approx", None),
    ("q-roughly", "roughly 40,000 people", "roughly 40,000", 40000, None, None, "approx", None),
    ("q-approximately", "approximately 70,000 people", "approximately 70,000", 70000, None, None, "approx", None),
    ("q-an-estimated", "an estimated 20,000 residents", "an estimated 20,000", 20000, None, None, "approx", None),
    ("vague-dozens", "dozens of people", "dozens", None, 24, 99, "vague", None),
    ("vague-hundreds", "hundreds of soldiers", "hundreds", None, 200, 999, "vague", None),
    ("vague-thousands", "thousands of civilians", "thousands", None, 2000, 9999, "vague", None),
    ("vague-tens-of-thousands", "tens of thousands of people", "tens of thousands", None, 20000, 99999, "vague", None),
    ("vague-hundreds-of-thousands", "hundreds of thousands of people", "hundreds of thousands", None, 200000, 999999, "vague", None),
    ("vague-a-few-thousand", "only a few thousand remain", "a few thousand", None, 2000, 9999, "vague", None),
    ("vague-several-hundred", "several hundred residents", "several hundred", None, 200, 999, "vague", None),
    ("fraction-fifth", "controls a fifth of Ukraine", "a fifth", 20, None, None, "exact", "percent"),
    ("fraction-just-under-fifth", "just under a fifth of Ukrainian territory", "just under a fifth", 20, None, 20, "less_than", "percent"),
    ("fraction-two-thirds", "two-thirds of the city", "two-thirds", 200 / 3, None, None, "exact", "percent"),
    ("fraction-half", "half of Vovchansk", "half", 50, None, None, "exact", "percent"),
    ("percent-sign", "about 18% of Ukraine", "about 18%", 18, None, None, "approx", "percent"),
    ("percent-word", "18 percent of the territory", "18 percent", 18, None, None, "exact", "percent"),
    ("percent-per-cent", "18 per cent of the territory", "18 per cent", 18, None, None, "exact", "percent"),
    ("unit-km", "10 kilometers west", "10", 10, None, None, "exact", "km"),
    ("unit-km-attached", "10km west", "10", 10, None, None, "exact", "km"),
    ("unit-miles", "15 miles east", "15", 15, None, None, "exact", "mi"),
    ("unit-metres", "500 metres from", "500", 500, None, None, "exact", "m"),
    ("words-one-and-a-half-thousand", "about one and a half thousand people", "about one and a half thousand",
     1500, None, None, "approx", None),
    ("words-a-quarter-of-a-million", "up to a quarter of a million troops", "up to a quarter of a million",
     250000, None, 250000, "less_than", None),
    ("words-three-quarters-of-a-million", "three quarters of a million people", "three quarters of a million",
     750000, None, None, "exact", None),
    ("one-person-after-which", "as a result of which one person was killed", "one", 1, None, None, "exact", None),
    ("words-twice-after-an-attack", "the enemy attacked twice near the village", "twice", 2, None, None, "exact", None),
    ("words-two-and-a-half-million", "two and a half million residents", "two and a half million",
     2500000, None, None, "exact", None),
    ("handed-over-is-no-more-than", "Ukraine handed over 195 prisoners", "195", 195, None, None, "exact", None),
    ("over-after-a-loss-is-more-than", "Russia lost over 300 soldiers", "over 300", 300, 300, None, "more_than", None),
]


@pytest.mark.parametrize("text,words,value,low,high,qual,unit", [p[1:] for p in FORMS], ids=[p[0] for p in FORMS])
def test_forms(text, words, value, low, high, qual, unit):
    qs = [q for q in find_numbers(text) if q.trap is None]
    assert len(qs) == 1, qs
    q = qs[0]
    assert q.text == words == text[q.start:q.end]
    for got, want in ((q.value, value), (q.low, low), (q.high, high)):
        assert (got is None and want is None) or abs(got - want) < 1e-6, q
    assert q.qualifier == qual
    assert q.unit == unit


# Things that are not amounts: find_numbers drops them or marks them with `trap`.
TRAPS = [
    ("year", "after the referendums in 2022", "year"),
    ("year-since", "a front-line city since 2014", "year"),
    ("year-range", "during the 2014-2022 period", "year"),
    ("date-month-day", "beginning March 6", "date"),
    ("date-abbrev", "late on Monday (Oct 7)", "date"),
    ("date-day-month", "on 24 February", "date"),
    ("date-iso-is-no-range", "updated 2025-04-15 at noon", "date"),
    ("compound-storey", "a nine-storey apartment block", "compound"),
    ("compound-strong", "a 300-strong assault unit", "compound"),
    ("date-slashed", "as of 04/15/2023", "date"),
    ("time-clock", "at 10:30 local time", "time"),
    ("time-am", "at 5 a.m.", "time"),
    ("age-aged", "a man aged 45", "age"),
    ("age-year-old", "a 45-year-old man", "age"),
    ("age-after-name", "Olena Petrenko, 62, said", "age"),
    ("age-after-noun", "The pilot, 31, died when his jet crashed", "age"),
    ("duration-years", "for 10 years now", "duration"),
    ("duration-hours", "over the past 24 hours", "duration"),
    ("duration-hyphen", "a three-day offensive", "duration"),
    ("money-currency-word", "5 million euros in aid", "money"),
    ("money-dollars", "100 dollars", "money"),
    ("ambiguous-dot-thousands", "the toll rose to 1.100 on Monday", "ambiguous"),
    ("ambiguous-dot-thousands-of-a-measure", "the index rose 1.025 points", "ambiguous"),
    ("pronoun-one-of-the", "one of the deadliest strikes", "pronoun"),
    ("pronoun-no-one", "no one was hurt", "pronoun"),
    ("pronoun-the-one", "the one missile that got through", "pronoun"),
    ("pronoun-one-side", "one side's claims", "pronoun"),
    ("pronoun-one-another", "fired at one another", "pronoun"),
    ("ratio-for-every", "seven soldiers for every Ukrainian", "ratio"),
    ("ratio-to-one", "outgunned three to one", "ratio"),
    ("ratio-hyphen-to-one", "a 10-to-1 advantage", "ratio"),
    ("ratio-one-in-five", "one in five residents", "ratio"),
    ("ratio-out-of-every", "nine out of every ten", "ratio"),
    ("multiplier-twice-as-many", "twice as many as last year", "multiplier"),
    ("multiplier-visited-twice", "the minister visited the town twice", "multiplier"),
]
DROPPED = [
    ("date-dotted", "posted 15.04.2022 in the evening"),
    ("date-iso-in-a-sentence", "On 2024-10-08 Russian forces struck the city"),
    ("model-su25", "Russian Su-25 fighter jets"),
    ("model-t72", "T-72 tanks"),
    ("model-m142", "HIMARS M142 launchers"),
    ("model-g20", "G20 talks"),
    ("ordinal-brigade", "the 93rd Brigade"),
    ("ordinal-day", "its 1,000th day"),
    ("money-dollar-sign", "from just $2 a month"),
    ("broken-thousands", "killed ,000 people"),
    ("absurd-big", "1000000000000 soldiers"),
    ("absurd-40-digits", "1234567890123456789012345678901234567890 soldiers"),
    ("scientific", "1e30 soldiers"),
]


@pytest.mark.parametrize("text,trap", [p[1:] for p in TRAPS], ids=[p[0] for p in TRAPS])
def test_traps_are_marked(text, trap):
    qs = find_numbers(text)
    assert qs and all(q.trap == trap for q in qs), qs


@pytest.mark.parametrize("text", [p[1] for p in DROPPED], ids=[p[0] for p in DROPPED])
def test_look_alikes_are_not_amounts(text):
    assert not [q for q in find_numbers(text) if q.trap is None and (q.value or 0) >= 1]


def test_one_as_a_count_stays():
    qs = find_numbers("one person was killed and one soldier wounded")
    assert [(q.value, q.trap) for q in qs] == [(1, None), (1, None)]
    (q,) = find_numbers("officials said that one civilian was killed")
    assert q.trap is None


def test_year_then_smaller_number_is_not_a_backwards_range():
    qs = find_numbers("2014 to 12-13,000")
    assert [(q.trap, q.low, q.high) for q in qs] == [("year", None, None), (None, 12000, 13000)]
    (q,) = find_numbers("the 2022-23 season")
    assert (q.trap, q.low, q.high) == ("year", 2022, 2023)


def test_came_under_is_not_a_bound():
    (q,) = find_numbers("the region came under 17 shelling attacks")
    assert (q.value, q.qualifier, q.text) == (17, "exact", "17")
    (q,) = find_numbers("under 17 attacks")
    assert q.qualifier == "less_than"


def test_several_quantities_in_order():
    qs = find_numbers("17,000 killed, 30,000 injured, 95 taken prisoner")
    assert [q.value for q in qs] == [17000, 30000, 95]


def test_no_numbers_is_fast_path():
    assert find_numbers("") == []
    assert find_numbers("Russian forces entered the outskirts of the city.") == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_crashes_and_spans_are_honest(text):
    for q in find_numbers(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        for v in (q.value, q.low, q.high):
            assert v is None or 0 <= v <= 1e9


_WORDS = st.sampled_from(["killed", "more than", "about", "1,100", "two hundred and", "twenty", "-", "–",
                          "between", "and", "to", "dozens", "of", "thousands", "a fifth", "%", "km", "2014",
                          "March", "6", ",000", "Su-25", "$", "9" * 40, "aged", "a few", "up to", " ", ".",
                          "1.5", "million", "k", "or", "half", "12-13,000"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14))
def test_number_soup_never_crashes(parts):
    text = " ".join(parts)
    for q in find_numbers(text):
        assert text[q.start:q.end] == q.text
        assert q.qualifier in ("exact", "more_than", "less_than", "approx", "range", "vague")
        if q.qualifier in ("range", "vague"):
            assert q.value is None and q.low is not None and q.high is not None and q.low <= q.high
