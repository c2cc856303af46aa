"""Redaction after round 38's survivor review, who typed on a phone as survivors do: a
street with its type abbreviated ("parked on Church St now") and a name in lower case
after thanks ("thanks to mohammed") went through to the check page and would have been
stored. Written for these tests, each beside the look-alike that must stay."""

from __future__ import annotations

import pytest

from analysis.redaction import redact


@pytest.mark.parametrize(("text", "expected"), [
    ("he sits outside on Church St every night", "he sits outside on [place] every night"),
    ("my ex drives past Rose Cl most days", "my ex drives past [place] most days"),
    ("the flat on Station Rd.", "the flat on [place]."),
    ("we lived off Elm Gr, then moved", "we lived off [place], then moved"),
    ("she was waiting at Kings Ave when I came out", "she was waiting at [place] when I came out"),
    ("he parks on Mill Ln. I saw him", "he parks on [place]. I saw him"),
])
def test_an_abbreviated_street_is_a_place(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize("text", [
    "the refuge on High St was clean",  # a high street is shared by a whole town
    "the bus stops on Main St and it is always late",
])
def test_a_shared_street_stays(text):
    assert redact(text).text == text


def test_a_saint_or_a_doctor_before_a_name_is_no_street():
    assert redact("my son goes to St Mary's Primary").text == "my son goes to [place]"
    assert redact("on Tuesday Dr Khan saw me").text == "on Tuesday [name] saw me"


@pytest.mark.parametrize(("text", "expected"), [
    ("The outreach worker was lovely, thanks to mohammed.", "The outreach worker was lovely, thanks to [name]."),
    ("big shout out to jo at the hub", "big shout out to [name] at the hub"),
    ("so grateful to aisha for everything", "so grateful to [name] for everything"),
])
def test_a_lower_case_name_after_thanks_is_a_name(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize("text", ["thanks to god I got out", "thanks to will power alone", "grateful to the refuge"])
def test_thanks_to_a_word_keeps_it(text):
    assert redact(text).text == text
