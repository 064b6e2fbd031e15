"""sentences.split: boundaries, abbreviations, quotes, spans, and over-long 'sentences'."""
from __future__ import annotations

import pytest

from loaders import sentences


@pytest.mark.parametrize("text,want", [
    ("Russia attacked Bakhmut. Ukraine repelled it.", ["Russia attacked Bakhmut.", "Ukraine repelled it."]),
    ("Mr. Kyrylenko said four people were injured. He added more.",
     ["Mr. Kyrylenko said four people were injured.", "He added more."]),
    ("Col. Gen. Oleksandr Syrskyi spoke. Troops held.", ["Col. Gen. Oleksandr Syrskyi spoke.", "Troops held."]),
    ("A U.S. official said so. Kyiv agreed.", ["A U.S. official said so.", "Kyiv agreed."]),
    ("It happened on Nov. 13 near Kherson. Then calm.", ["It happened on Nov. 13 near Kherson.", "Then calm."]),
    ('"Bakhmut will fall." The soldier said it on Monday.', ['"Bakhmut will fall."', "The soldier said it on Monday."]),
    ("First paragraph without a stop\nSecond paragraph.", ["First paragraph without a stop", "Second paragraph."]),
    ("Casualties rose to 1,100. 220 more died later.", ["Casualties rose to 1,100.", "220 more died later."]),
    ("He was hit at 3 p.m. yesterday in Kharkiv.", ["He was hit at 3 p.m. yesterday in Kharkiv."]),
    ("Losses rose in 2024.[1] The General Staff said so.[12] Analysts agreed.",
     ["Losses rose in 2024.[1]", "The General Staff said so.[12]", "Analysts agreed."]),
], ids=["plain", "mr", "military-titles", "dotted-acronym", "month-abbreviation", "quote-then-attribution",
        "lines-are-boundaries", "number-starts-next", "time-abbreviation", "footnote-after-the-stop"])
def test_split(text, want):
    got = sentences.split(text)
    assert [s.text for s in got] == want
    assert all(text[s.start:s.end] == s.text for s in got)


def test_over_long_sentence_is_cut_at_clause_breaks_and_spans_stay_exact():
    text = "Officials said " + ", ".join(f"{i} people were wounded in Kherson" for i in range(1, 400)) + "."
    got = sentences.split(text)
    assert len(got) > 10
    assert all(len(s.text) <= sentences.MAX_CHARS for s in got)
    assert all(text[s.start:s.end] == s.text for s in got)
    assert all(s.text.endswith(("Kherson,", ".")) for s in got)   # cut after a comma, never mid-word


def test_over_long_text_without_any_break_is_cut_hard():
    text = "x" * (3 * sentences.MAX_CHARS + 5)
    got = sentences.split(text)
    assert [len(s.text) for s in got] == [sentences.MAX_CHARS] * 3 + [5]
    assert "".join(s.text for s in got) == text
