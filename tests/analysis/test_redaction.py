"""Redaction of identifying details in free text (analysis.redaction)."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.redaction import KINDS, Redaction, Replacement, redact
from tests.analysis.redaction_checks import ROOT, load_benchmark, redacted

PLACEHOLDER = re.compile(r"\[(?:" + "|".join(KINDS) + r")\]")
# Independent, simpler patterns than the redactor's: what must never survive.
EMAIL_LIKE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*\w")
UK_MOBILE_LIKE = re.compile(r"(?<!\d)(?:\+44\s?7|07)\d{3}\s?\d{6}(?!\d)")




# --- API ---------------------------------------------------------------------------------


def test_api_shapes_and_offsets_refer_to_original_text():
    text = "Call Sarah on 07700 900123."
    result = redact(text)
    assert isinstance(result, Redaction)
    assert result.text == "Call [name] on [phone]."
    assert result.changed
    assert result.replacements == (Replacement("name", 5, 10, "Sarah"), Replacement("phone", 14, 26, "07700 900123"))
    assert [text[r.start:r.end] for r in result.replacements] == ["Sarah", "07700 900123"]


def test_unchanged_text_is_returned_as_is():
    result = redact("The refuge was warm and safe.")
    assert result.text == "The refuge was warm and safe."
    assert not result.changed and result.replacements == ()


# --- each kind -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["07700 900123", "+44 7700 900123", "(020) 7946 0958", "0121-496-0000", "00 33 1 23 45 67 89",
     "+1 (555) 123-4567", "07700900123", "+447700900123", "01632 960123"],
)
def test_phone_numbers(text):
    assert redacted(f"ring {text} please") == "ring [phone] please"


def test_phone_number_does_not_swallow_a_following_count():
    assert redacted("I rang 07700 900123 3 times") == "I rang [phone] 3 times"


@pytest.mark.parametrize(
    "text",
    ["999", "101", "111", "116 123", "0808 2000 247", "0800 999 5428", "0808 801 0327", "0808 802 0321",
     "0808 802 0300", "0800 1111", "999 then press 55"],
)
def test_public_service_numbers_are_kept(text):
    assert redacted(f"I called {text} and it helped") == f"I called {text} and it helped"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("email jo.bloggs@example.com now", "email [email] now"),
        ("it was h_smith+x@company.co.uk", "it was [email]"),
        ("my email is sarah dot k at gmail dot com", "my email is [email]"),
    ],
)
def test_emails(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("see https://example.com/page?x=1.", "see [link]."),
        ("at www.x.com today", "at [link] today"),
        ("on facebook.com/john.smith.9", "on [link]"),
        ("he is @danny_b_1985 online", "he is [handle] online"),
        ("I found it on gov.uk and nhs.uk", "I found it on gov.uk and nhs.uk"),
        ("the womensaid.org.uk chat", "the womensaid.org.uk chat"),
    ],
)
def test_links_and_handles(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He lives at 12 Acacia Avenue now", "He lives at [address] now"),
        ("moved to flat 3, 45 High Street", "moved to [address]"),
        ("Flat 12 Victoria Court has no lift", "[address] has no lift"),
        ("he lives on Rosewood Close now", "he lives on [place] now"),
        ("the office on the High Street", "the office on the High Street"),
        ("5 minutes down the road", "5 minutes down the road"),
        ("2 miles down the lane", "2 miles down the lane"),
    ],
)
def test_addresses(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("postcode SW1A 1AA", "postcode [postcode]"),
        ("sent to m1 1ae by mistake", "sent to [postcode] by mistake"),
        ("I live in LS6 now", "I live in [postcode] now"),
        ("the CF10 area", "the [postcode] area"),
        ("my postcode is B15", "my postcode is [postcode]"),
        ("the M6 was shut", "the M6 was shut"),
        ("I took the A1 north", "I took the A1 north"),
    ],
)
def test_postcodes(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("born 12/03/1985", "born [date]"),
        ("on 3rd March 1990", "on [date]"),
        ("DOB 1.2.88", "DOB [date]"),
        ("March 3rd, 2021", "[date]"),
        ("the 5th of November", "the [date]"),
        ("born in March 1979", "born in [date]"),
        ("last week in March", "last week in March"),
        ("since April 2021", "since April 2021"),
        ("open 24/7", "open 24/7"),
        ("in 2019 on Monday", "in 2019 on Monday"),
        ("I left in May", "I left in May"),
    ],
)
def test_dates(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("reg AB12 CDE", "reg [vehicle]"),
        ("a van KX65 ZTR", "a van [vehicle]"),
        ("his old P123 ABC", "his old [vehicle]"),
        ("plate ABC 123D", "plate [vehicle]"),
        ("registration is ab12cde", "registration is [vehicle]"),
    ],
)
def test_vehicle_registrations(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("crime ref 1234567", "crime ref [number]"),
        ("crime number 13/45678/22", "crime number [number]"),
        ("NHS number 485 777 3456", "NHS number [number]"),
        ("at 10:30 it cost £1,200", "at 10:30 it cost £1,200"),
        ("£120000 debt", "£120000 debt"),
        ("3 children in 2019", "3 children in 2019"),
    ],
)
def test_reference_numbers_but_not_money_times_or_counts(text, expected):
    assert redacted(text) == expected


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my ex dave kept calling", "my ex [name] kept calling"),
        ("i told sarah", "i told [name]"),
        ("my worker Jo was amazing", "my worker [name] was amazing"),
        ("Mrs Khan, PC Smith and Dr Patel", "[name], [name] and [name]"),
        ("mrs begum noticed", "[name] noticed"),
        ("Sarah Jones rang", "[name] rang"),
        ("Sarah's mum", "[name]'s mum"),
        ("my ex-husband Tomasz", "my ex-husband [name]"),
        ("his name is Kyle Brown", "his name is [name]"),
    ],
)
def test_names(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("My ex Will turned up", "My ex [name] turned up"),
        ("I will call Refuge", "I will call Refuge"),
        ("He (Will) said no", "He ([name]) said no"),
        ("I lost hope", "I lost hope"),
        ("Hope was all I had", "Hope was all I had"),
        ("Grace from Women's Aid rang", "[name] from Women's Aid rang"),
        ("By God's grace I am safe", "By God's grace I am safe"),
        ("He told Frank at the pub", "He told [name] at the pub"),
        ("To be frank, it was bad", "To be frank, it was bad"),
        ("the worker called Summer", "the worker called [name]"),
        ("in the summer holidays", "in the summer holidays"),
        ("Mark Jones hit me", "[name] hit me"),
        ("the Sky TV box", "the Sky TV box"),
        ("The Hope Centre", "The Hope Centre"),
    ],
)
def test_names_that_are_also_words_need_context(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Refuge and the police", "Citizens Advice", "Women's Aid", "IDVA", "MARAC", "Samaritans",
        "Social Services", "A&E", "GP", "CAB", "Victoria station", "the hospital",
        "the General Hospital", "Clare's Law", "on Monday in March", "the Freedom Programme",
    ],
)
def test_services_and_places_are_kept(text):
    assert redacted(f"I went to {text} today") == f"I went to {text} today"


@pytest.mark.parametrize(
    "text, expected",
    [
        # A town after a word that places someone there is a place (the gazetteer, towns.txt) ...
        ("We live near Accrington now.", "We live near [place] now."),
        ("She grew up in Great Harwood.", "She grew up in [place]."),
        ("I was born in Lahore.", "I was born in [place]."),
        ("I moved from Cardiff to Merthyr Tydfil.", "I moved from [place] to [place]."),
        ("They found me at Morrisons in Burnley.", "They found me at [place]."),
        ("He was waiting outside Primark in Merry Hill.", "He was waiting outside [place]."),
        # ... but a service there keeps its name, and a station stays. A local service's town says where the
        # writer lives (round 35: every stranger since round 32 marked it), so the town goes and the service stays.
        ("Citizens Advice in Blackburn helped.", "Citizens Advice in [place] helped."),
        ("Blackpool police were brilliant.", "[place] police were brilliant."),
        ("I went to Victoria station.", "I went to Victoria station."),
        ("We met at Blackburn Crown Court.", "We met at [place] Crown Court."),
        # Estates and named venues; a ward number alone is kept (round 19).
        ("We moved to the Beeches estate.", "We moved to the [place]."),
        ("My mum lives on the Shadsworth Estate.", "My mum lives on the [place]."),
        ("He followed me through Blackburn Shopping Centre.", "He followed me through [place]."),
        ("I was on Ward 12 for a week.", "I was on Ward 12 for a week."),  # a ward number alone (round 19)
        # A refuge's or venue's own name tells where someone stays or can be found.
        ("The Tuesday drop in at Hope House saved me.", "The Tuesday drop in at [place] saved me."),
    ],
)
def test_towns_estates_venues_and_wards(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The police gave me a crime number, 06/12345/25, and never rang back.",
         "The police gave me a crime number, [number], and never rang back."),
        ("My housing application is HA/2024/00789.", "My housing application is [number]."),
        ("Incident 1234 was when he broke the door.", "Incident [number] was when he broke the door."),
        ("It happened on 12/03 after the hearing.", "It happened on [date] after the hearing."),
        ("He came round 12/03 and again 5/11.", "He came round [date] and again [date]."),
        # Years, scores, fractions and opening hours are not references or dates.
        ("The incident in 2019 was the worst.", "The incident in 2019 was the worst."),
        ("I give them 10/10 and 9/10 for the food, open 24/7.",
         "I give them 10/10 and 9/10 for the food, open 24/7."),
        ("Half 1/2 the time nobody answered.", "Half 1/2 the time nobody answered."),
    ],
)
def test_reference_number_and_date_shapes(text, expected):
    assert redacted(text) == expected


def test_a_family_name_written_first_joins_the_name_after_it():
    assert redacted("My neighbour Xu Ming called the police.") == "My neighbour [name] called the police."
    assert redacted("Liu Yang at the takeaway let me use the phone.") == "[name] at the takeaway let me use the phone."
    assert redacted("Oh Sarah was great.") == "Oh [name] was great."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Will said he would sort the locks.", "[name] said he would sort the locks."),
        ("May told me about the refuge.", "[name] told me about the refuge."),
        ("Will it end? I said no.", "Will it end? I said no."),
        ("Hope helped me through it.", "Hope helped me through it."),
        ("He still drinks at the Dog and Partridge every Friday.", "He still drinks at the [place] every Friday."),
        ("They put me in a B&B on Preston New Road.", "They put me in a B&B on [place]."),
        ("Our case number at court is BL25P00981.", "Our case number at court is [number]."),
        ("I caught the bus from Accrington bus station.", "I caught the bus from Accrington bus station."),
    ],
)
def test_fresh_set_misses_stay_fixed(text, expected):
    assert redacted(text) == expected


# --- issue 12: every name, in every script ---------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Małgorzata Wiśniewska helped me", "[name] helped me"),
        ("I spoke to Łukasz, Zoltán, Jiří and Ştefan", "I spoke to [name], [name], [name] and [name]"),
        ("Stefan and Malgorzata came", "[name] and [name] came"),
        ("Nguyen Van An was my neighbour", "[name] was my neighbour"),
        ("my friend Li Na said it was fine", "my friend [name] said it was fine"),
        ("Jaspreet and Ananya from the group", "[name] and [name] from the group"),
        ("Chidi and Hodan looked after us", "[name] and [name] looked after us"),
    ],
)
def test_names_from_every_community(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my husband احمد hit me", "my husband [name] hit me"),
        ("میرا شوہر عمران مجھے مارتا ہے", "میرا شوہر [name] مجھے مارتا ہے"),
        ("her name is ਜਸਪ੍ਰੀਤ ਕੌਰ and she helped", "her name is [name] and she helped"),
        ("my sister নুসরাত came with me", "my sister [name] came with me"),
        ("the worker 王秀英 was kind", "the worker [name] was kind"),
        ("my neighbour राहुल called the police", "my neighbour [name] called the police"),
        ("Alhamdulillah, الحمد لله I am safe now", "Alhamdulillah, الحمد لله I am safe now"),
    ],
)
def test_names_in_other_scripts(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("dazza hit me again", "[name] hit me again"),
        ("darren smith came round", "[name] came round"),
        ("my son kacper is scared", "my son [name] is scared"),
        ("May was my IDVA and she was great", "[name] was my IDVA and she was great"),
        ("Will, my caseworker, rang every week", "[name], my caseworker, rang every week"),
        ("I will never go back and I left in May", "I will never go back and I left in May"),
        ("my ex Darren and his brother", "my ex [name] and his brother"),
        ("from the refuge, Sue, sorted it", "from the refuge, [name], sorted it"),
        ("then I met Pryzmovic at court", "then I met [name] at court"),
    ],
)
def test_lower_case_names_nicknames_and_context(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("DOB 12.03.85", "DOB [date]"),
        ("Born 03/04/1985 in Leeds", "Born [date] in [place]"),
        ("St Mary's Primary was good to him", "[place] was good to him"),
        ("he is at Bradwell Primary, year 2", "he is at [place], year 2"),
        ("he works at Tesco on the High Street", "he works at [place]"),
        ("he is a bouncer at Pryzm", "he is a bouncer at [place]"),
        ("The refuge is on Station Road", "The refuge is on [place]"),
        ("I live at 5 Maes yr Haf now", "I live at [address] now"),
        ("she moved to Heol y Felin", "she moved to [place]"),
        ("he is on snap as dazzaboy_99", "he is on snap as [handle]"),
        ("his insta is jay.b.x", "his insta is [handle]"),
        ("call her on +48 512 345 678", "call her on [phone]"),
        ("my mum in Romania is +40 721 234 567", "my mum in Romania is [phone]"),
        ("NI number QQ 12 34 56 C", "NI number [number]"),
        ("Station Road is where the refuge is", "[place] is where the refuge is"),
        ("The Station Road refuge was lovely", "The [place] refuge was lovely"),
        ("me and my boyfriend jordan split up", "me and my boyfriend [name] split up"),
    ],
)
def test_dates_places_handles_and_numbers_from_the_issue(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I got off at Victoria station", "the IDVA Service was brilliant", "he drove a red Corsa at us",
        "Women's Aid and the Men's Advice Line", "I had covid19 in the refuge", "we went to France in May",
        "the Freedom Programme taught me a lot", "I will ring the police",
    ],
)
def test_ordinary_words_and_services_are_kept(text):
    assert redacted(text) == text


def test_restore_puts_chosen_words_back_and_keeps_the_rest():
    result = redact("Will, my caseworker, rang Sarah on 07700 900123.")
    assert result.text == "[name], my caseworker, rang [name] on [phone]."
    assert [r.original for r in result.replacements] == ["Will", "Sarah", "07700 900123"]
    restored = result.restore([0])
    assert restored.text == "Will, my caseworker, rang [name] on [phone]."
    assert [r.original for r in restored.replacements] == ["Sarah", "07700 900123"]
    assert result.restore([]).text == result.text
    assert result.restore([0, 1, 2]).text == "Will, my caseworker, rang Sarah on 07700 900123."
    with pytest.raises(IndexError):
        result.restore([3])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["Sarah", "07700 900123", "dazza hit me", "Łukasz", "احمد", "x"]),
                          st.text(max_size=8)), max_size=12).map(" ".join))
def test_property_restoring_everything_gives_the_original(text):
    result = redact(text)
    assert result.restore(range(len(result.replacements))).text == text


# --- robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00", "\x00Sarah\x00", "😀" * 50, "مرحبا سارة 07700 900123", "e\u0301" * 30, "\u202e07700900123",
     "[name]", "@", "@@@", "a@b", "0" * 40, "+" * 30, "(((((", "\n\n\t"],
)
def test_odd_inputs_never_raise(text):
    result = redact(text)
    assert isinstance(result.text, str)
    assert redact(result.text).text == result.text


def test_twice_the_largest_request_is_handled():
    """The web app refuses a request over 64 KB (MAX_CONTENT_LENGTH), so no answer it
    redacts is longer; twice that is redacted whole (a megabyte took 16 s of a test worker)."""
    text = ("My ex dave rang 07700 900123 about 12 Acacia Avenue. " * 2600)[:128 * 1024]
    result = redact(text)
    assert "07700" not in result.text and "dave" not in result.text


# Realistic fragments mixed with arbitrary text give hypothesis something to combine.
FRAGMENTS = st.sampled_from(
    [
        "Sarah", "my ex", "dave", "Will", "Hope", "called", "Mrs", "Khan", "07700 900123", "+44", "0808 2000 247",
        "jo@x.com", "www.x.com", "@jo", "12", "Acacia Avenue", "flat 3,", "SW1A 1AA", "LS6", "in", "born",
        "12/03/1985", "3rd March", "AB12 CDE", "crime ref", "1234567", "£1,200", "10:30", "the", "police", ".",
        ",", "(", ")", "\n", "[name]", "[phone]", "at", "dot", "com", "said", "St", "Street", "my worker",
    ]
)
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=25).map(" ".join)


@pytest.mark.parametrize(("text", "expected"), [
    ("$ 0808 2000 247 07700 900123", "$ [number]"),  # found by the property below: "money" hid a mobile
    ("paid $ 4500 then £1,200", "paid $ 4500 then £1,200"),
])
def test_a_currency_sign_hides_only_a_sum_of_money(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sarah07700 900123 rang", "[handle] [number] rang"),
    ("Sarah0 0808 2000 247", "[name][phone]"),
    ("0808 2000 247 0Sarah", "0808 2000 247 0[name]"),
])
def test_a_number_glued_to_a_name_is_redacted_the_first_time(text, expected):
    """Found by the property below: the number was found only once the name
    before it had become "[name]", so redacting twice changed the text."""
    once = redact(text).text
    assert once == expected and redact(once).text == once


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_property_never_raises_and_is_idempotent(text):
    once = redact(text)
    assert redact(once.text).text == once.text


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_property_no_email_or_mobile_survives(text):
    out = redact(text).text
    assert not EMAIL_LIKE.search(out)
    assert not UK_MOBILE_LIKE.search(out)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_property_replacements_are_ordered_and_rebuild_the_text(text):
    result = redact(text)
    position, pieces = 0, []
    for replacement in result.replacements:
        assert replacement.kind in KINDS
        assert position <= replacement.start < replacement.end <= len(text)
        pieces += [text[position:replacement.start], f"[{replacement.kind}]"]
        position = replacement.end
    pieces.append(text[position:])
    assert "".join(pieces) == result.text


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_property_existing_placeholders_are_preserved(text):
    out = redact(text).text
    assert len(PLACEHOLDER.findall(out)) >= len(PLACEHOLDER.findall(text))


# --- corpus ---------------------------------------------------------------------------------------


def test_corpus_meets_the_benchmark_thresholds():
    benchmark = load_benchmark()
    examples = benchmark.load_corpus()
    assert len(examples) >= 300
    for section in ("dev", "heldout"):
        report = benchmark.evaluate([e for e in examples if e.section == section])
        assert report["recall"] >= 0.95, (section, report["recall"])
        assert report["leak_free_recall"] >= 0.95, (section, report["leak_free_recall"])
        assert report["precision"] >= 0.9, (section, report["precision"])


def test_issue_12_corpus_items_removed_and_words_kept():
    """Tuned-on figures (the rules were written with this corpus in view): a regression
    guard, not a result. The fresh corpus, written after freezing, is reported by the benchmark."""
    benchmark = load_benchmark()
    rows = benchmark.load_rows(benchmark.TUNED)
    assert len(rows) >= 200
    report = benchmark.score(rows)
    assert report["recall"] >= 0.95 and report["kept_rate"] >= 0.95, report["misses"]
    assert set(report["by_kind"]) >= {"name", "place", "date", "phone", "email", "handle", "postcode"}
    assert {"Arabic", "Gurmukhi", "Bengali", "Han", "Devanagari"} <= set(report["by_script"])


def test_heldout_scoring_is_lenient_on_labels_and_strict_on_leaks(tmp_path):
    benchmark = load_benchmark()
    heldout = tmp_path / "heldout.tsv"
    heldout.write_text(
        "lang\tinput\texpected\n"
        "en\tBorn 03/04/1985 at home\tBorn [date] at home\n"  # removed, right label
        "en\tMy ex Darren works at Pryzm\tMy ex [name] works at [workplace]\n"  # removed, other label
        "en\tI saw the red Corsa\tI saw the red Corsa\n", encoding="utf-8")
    report = benchmark.score(benchmark.load_rows(heldout))
    assert (report["items"], report["recall"], report["label_accuracy"]) == (3, 1.0, round(2 / 3, 4))
    assert report["kept_rate"] == 1.0
    bad = tmp_path / "bad.tsv"
    bad.write_text("input\texpected\nx\ty\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lang<TAB>input<TAB>expected"):
        benchmark.load_rows(bad)


def test_a_partly_removed_item_counts_as_left():
    benchmark = load_benchmark()
    assert benchmark.items_of("Born 03/04/1985", "Born [date]") == [("date", 5, 15)]
    assert benchmark.script_of("ਜਸਪ੍ਰੀਤ") == "Gurmukhi" and benchmark.script_of("王伟") == "Han"


def test_places_numbers_and_names_corpus_stays_above_the_goal():
    """redaction_dev3.tsv (tuned-on): towns, estates, venues, reference numbers, names of
    every origin and words that look like names."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.DEV3))
    assert report["recall"] >= 0.95 and report["kept_rate"] >= 0.99, report["misses"]
    assert report["by_kind"]["place"]["recall"] >= 0.9 and report["by_kind"]["number"]["recall"] == 1.0


@pytest.mark.parametrize(
    "text, expected",
    [
        # A town wherever it stands, in lower case after a cue, and in other languages' prepositions.
        ("Wigan is where he grew up.", "[place] is where he grew up."),
        ("I had to leave Stockport with nothing.", "I had to leave [place] with nothing."),
        ("we moved to rochdale last year", "we moved to [place] last year"),
        ("I got the bus to Ashton every day.", "I got the bus to [place] every day."),
        ("W Manchesterze nikt mi nie pomógł.", "W [place] nikt mi nie pomógł."),
        ("Ne-am mutat din Oldham.", "Ne-am mutat din [place]."),
        ("Symudon ni o Bontypridd.", "Symudon ni o [place]."),
        # ... but not a town that is also a lower-case word; a town's local services keep the service (round 35).
        ("I had a long bath and a cry.", "I had a long bath and a cry."),
        ("Leeds police were useless and so was Wigan council.",
         "[place] police were useless and so was [place] council."),
        ("Heckmondwike police station was where I finally reported it.",
         "[place] police station was where I finally reported it."),
        # Round 15 changed this: a prison by name tells where someone is held ("HMP Leicester" -> [place]).
        ("I was sent to HMP Leicester.", "I was sent to [place]."),
        # Streets, schools, surgeries and estates in lower case; saints' schools.
        ("he parks on brook street most nights", "he parks on [place] most nights"),
        ("my son is at broadfield primary", "my son is at [place]"),
        ("my mum is still on the langley estate", "my mum is still on the [place]"),
        ("my daughter is in year 4 at st josephs", "my daughter is in year 4 at [place]"),
        ("She goes to a primary school near us.", "She goes to a primary school near us."),
        ("I went to St Mary's hospital.", "I went to [place]."),  # a named hospital (round 19)
        # Named venues by kind: GP surgeries, refuges, pubs, care homes.
        ("I'm registered at Ridgeway Surgery.", "I'm registered at [place]."),
        ("We stayed at Jasmine House for six months.", "We stayed at [place] for six months."),
        ("We were moved to a refuge called the Haven.", "We were moved to a refuge called the [place]."),
        ("He drinks at the Golden Lion every night.", "He drinks at the [place] every night."),
        ("The Oakwood High teachers knew.", "The [place] teachers knew."),
        ("I had an appointment for Day Surgery.", "I had an appointment for Day Surgery."),
        ("We went to the Women's Centre every Tuesday.", "We went to the Women's Centre every Tuesday."),
        ("My GP surgery was really supportive.", "My GP surgery was really supportive."),
    ],
)
def test_places_in_ordinary_sentences(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Urdu, Bengali and Gurmukhi answers: who did it, relations, titles, "name", Sikh names.
        ("کاشف نے مجھے دھمکی دی", "[name] نے مجھے دھمکی دی"),
        ("میرے شوہر کا نام راشد ہے", "میرے شوہر کا نام [name] ہے"),
        ("زاہد صاحب نے کہا", "[name] صاحب نے کہا"),
        ("پولیس نے میری بات سنی", "پولیس نے میری بات سنی"),
        ("তানভীরের ভাই আমাকে অনুসরণ করে", "[name] ভাই আমাকে অনুসরণ করে"),
        ("ওর নাম জাহিদ", "ওর নাম [name]"),
        ("ਬਲਵਿੰਦਰ ਸਿੰਘ ਮੇਰਾ ਪਿੱਛਾ ਕਰਦਾ ਹੈ", "[name] [name] ਮੇਰਾ ਪਿੱਛਾ ਕਰਦਾ ਹੈ"),
        ("ਪੁਲਿਸ ਨੇ ਮੇਰੀ ਗੱਲ ਸੁਣੀ", "ਪੁਲਿਸ ਨੇ ਮੇਰੀ ਗੱਲ ਸੁਣੀ"),
        ("ہم اب بریڈفورڈ میں رہتے ہیں", "ہم اب [place] میں رہتے ہیں"),
        # Polish and Romanian names with case endings, relations before a lower-case name.
        ("Kasię zabrał do swojej matki.", "[name] zabrał do swojej matki."),
        ("Pawłowi nic nie zrobili.", "[name] nic nie zrobili."),
        ("Boję się, że Mariusza wypuszczą.", "Boję się, że [name] wypuszczą."),
        ("mój mąż mariusz mnie bije", "mój mąż [name] mnie bije"),
        ("L-am lăsat pe Florin acasă.", "L-am lăsat pe [name] acasă."),
    ],
)
def test_names_in_other_scripts_and_with_case_endings(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Neighbourhoods and estates the town list lacks, in any case; two capitalised words after "in".
        ("We lived in Harehills for six years.", "We lived in [place] for six years."),
        ("my cousin in sparkhill took me in", "my cousin in [place] took me in"),
        ("bingley is too small, he'd find me", "[place] is too small, he'd find me"),
        ("We live in Fitton Hill now.", "We live in [place] now."),
        # Streets without a number: after "of", and "X New Road" in lower case.
        ("We were at the top of Beech Hill.", "We were at the top of [place]."),
        ("I was walking down chorley new road", "I was walking down [place]"),
        # Schools: Welsh-medium, Catholic, a college named for its town.
        ("She goes to Ysgol Gymraeg Bro Ogwr.", "She goes to [place]."),
        ("the kids moved to ysgol y graig", "the kids moved to [place]"),
        ("She started at Our Lady of Lourdes in September.", "She started at [place] in September."),
        ("My eldest is at Bradford College.", "My eldest is at [place]."),
        # Workplaces: a chain after a work word, a taxi firm, a club's door; a public body stays.
        ("He's a warehouse operative at Amazon Doncaster.", "He's a warehouse operative at [place]."),
        ("My ex drives for Amber Cars.", "My ex drives for [place]."),
        ("He does the doors at Revolution on a Saturday.", "He does the doors at [place] on a Saturday."),
        ("She works at Oceana on Fridays.", "She works at [place] on Fridays."),
        ("My husband has a takeaway called Shah's Spice.", "My husband has a takeaway called [place]."),
        ("The nurse at A&E photographed my injuries.", "The nurse at A&E photographed my injuries."),
        # Pubs, community centres and places of worship by their names.
        ("They all go to the Dog and Gun on a Friday.", "They all go to the [place] on a Friday."),
        ("I met him at the Irish Centre.", "I met him at the [place]."),
        ("Everyone at Jamia Masjid knows his family.", "Everyone at [place] knows his family."),
        # Urdu, Panjabi and Bengali: the place before "in"/"from" and a verb, or a listed place.
        ("وہ ہیلی فیکس میں کام کرتا ہے۔", "وہ [place] میں کام کرتا ہے۔"),
        ("ہم میرپور سے ہیں۔", "ہم [place] سے ہیں۔"),
        ("ਅਸੀਂ ਜਲੰਧਰ ਤੋਂ ਹਾਂ।", "ਅਸੀਂ [place] ਤੋਂ ਹਾਂ।"),
        ("আমি টাওয়ার হ্যামলেটসে থাকি।", "আমি [place] থাকি।"),
        ("সে ওল্ডহ্যামে কাজ করে।", "সে [place] কাজ করে।"),
        ("میں گھر میں رہتی ہوں۔", "میں گھر میں رہتی ہوں۔"),
        # Welsh names of Welsh towns.
        ("Symudon ni i Abertawe ar ôl y lloches.", "Symudon ni i [place] ar ôl y lloches."),
    ],
)
def test_neighbourhoods_schools_workplaces_and_places_in_other_scripts(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my husband shamim took my passport", "my husband [name] took my passport"),
        ("my daughter's dad lee hasn't paid a penny", "my daughter's dad [name] hasn't paid a penny"),
        ("wojtek pił codziennie i bił mnie", "[name] pił codziennie i bił mnie"),
        ("everyone calls him smithy", "everyone calls him [name]"),
        ("Big Al is his brother.", "Big [name] is his brother."),
        ("Dafydd ap Iorwerth is his full name.", "[name] is his full name."),
        ("my ex harjinder still texts me", "my ex [name] still texts me"),
    ],
)
def test_names_after_relations_nicknames_and_joined_names(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I waited at Accident and Emergency for nine hours.",
        "He was sent to Anger Management but never went.",
        "We were in Temporary Accommodation for two years.",
        "I was referred to Early Help by the school.",
        "They said it would be heard at Family Court in June.",
        "I'm from Poland and my English is not good.",
        "She said I could call at Christmas if I needed to.",
        "My ex-husband works as a porter at the hospital.",
    ],
)
def test_services_and_ordinary_phrases_after_place_words_are_kept(text):
    assert redacted(text) == text


def test_sixth_dev_corpus_stays_above_the_goal():
    """redaction_dev6.tsv (tuned-on): neighbourhoods, streets, schools, workplaces, venues, places
    in other scripts, names of every community."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.DEV6))
    assert report["sentences"] >= 200
    assert report["recall"] >= 0.95 and report["kept_rate"] >= 0.98, report["misses"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Misses of the set written after the freeze at 2bbb23d, fixed since.
        ("My son goes to Ysgol Bro Edern and he's doing well.", "My son goes to [place] and he's doing well."),
        ("everyone in goldthorpe knows his family", "everyone in [place] knows his family"),
        ("He turned up at Holy Family school shouting.", "He turned up at [place] shouting."),
        ("my brother in law kashif follows me", "my brother in law [name] follows me"),
        ("dean threw my phone in the canal", "[name] threw my phone in the canal"),
        ("I couldn't afford the train to London.", "I couldn't afford the train to [place]."),
        ("He was charged at the Magistrates' Court in June.", "He was charged at the Magistrates' Court in June."),
        # A misspelt word after "in" is no place; an ordinary phrase stays.
        ("I couldn't find help anywere in the morning", "I couldn't find help anywere in the morning"),
        ("we went to the driving school in town", "we went to the driving school in town"),
        ("mark said it was fine", "mark said it was fine"),
    ],
)
def test_fresh_set_after_the_freeze_misses_stay_fixed(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Misses of the set written after the freeze at 539a990, fixed since.
        ("I'm from Galway and I've no family over here.", "I'm from [place] and I've no family over here."),
        ("he does deliveries out of the Wakefield depot", "he does deliveries out of the [place] depot"),
        ("He's on the committee at Suffa Tul Islam mosque.", "He's on the committee at [place]."),
        ("my husband abdul hannan beat me", "my husband [name] beat me"),
        ("Sadia Islam was my IDVA.", "[name] was my IDVA."),
        ("My husband Huang Jian controlled everything.", "My husband [name] controlled everything."),
        ("Blessing from the church gave me somewhere to stay.", "[name] from the church gave me somewhere to stay."),
    ],
)
def test_second_fresh_set_misses_stay_fixed(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Misses of the set written after the freeze at 9fe43b6, fixed since.
        ("Sgt Parkinson took it seriously.", "[name] took it seriously."),
        ("Mr Bolton from the school rang.", "[name] from the school rang."),
        ("He drives a cab for Premier Cars.", "He drives a cab for [place]."),
        ("The hearing is on Friday with Mrs May.", "The hearing is on Friday with Mrs May."),
    ],
)
def test_third_fresh_set_misses_stay_fixed(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Misses of the set written after the freeze at ea810fb, fixed since.
        ("We lived in Newton Heath for nine years.", "We lived in [place] for nine years."),
        ("I fled to my cousin's in Ellesmere Port.", "I fled to my cousin's in [place]."),
        ("he turned up at st edmund campion school", "he turned up at [place]"),
        ("Both kids are at Oasis Academy Shirley Park.", "Both kids are at [place]."),
        ("They go to Guru Nanak Gurdwara on Soho Road.", "They go to [place]."),
        ("Ruby is my youngest.", "[name] is my youngest."),
        ("My GP referred me to Talking Therapies.", "My GP referred me to Talking Therapies."),
    ],
)
def test_fourth_fresh_set_misses_stay_fixed(text, expected):
    assert redacted(text) == expected


# --- round 11: dates in every shape, reference numbers, places, names in every script ------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It started on 3rd March when he came back.", "It started on [date] when he came back."),
        ("The first time was March 3rd 1985.", "The first time was [date]."),
        ("My date of birth is 12.03.85.", "My date of birth is [date]."),
        ("I was born 03/04/1985.", "I was born [date]."),
        ("My daughter was born 4/7/90.", "My daughter was born [date]."),
        ("DOB 1.2.1979", "DOB [date]"),
        ("dob 7/9/92", "dob [date]"),
        # A day of the month alone names a day (the writer's month is implied).
        ("He turned up on the 14th and kicked the door in.", "He turned up on the [date] and kicked the door in."),
        ("It was last Tuesday the 9th, just after school.", "It was last Tuesday the [date], just after school."),
        ("Court is on Monday 18th.", "Court is on Monday [date]."),
        ("Between the 3rd and the 10th he sent 400 texts.", "Between the [date] and the [date] he sent 400 texts."),
        ("He broke in on Sunday the 21st while we slept.", "He broke in on Sunday the [date] while we slept."),
        ("She was born on the twelfth of March.", "She was born on the [date]."),
        ("It was the weekend of the 14th-15th June.", "It was the weekend of the [date]."),
        ("From 3 to 7 April I was in hospital.", "From [date] I was in hospital."),
        ("the 2nd of may was the worst night", "the [date] was the worst night"),
        ("I was attacked on Christmas Day 2019.", "I was attacked on [date]."),
        ("incident number 0456 of 12th, if that helps", "incident number [number] of [date], if that helps"),
        # Welsh, Polish, Romanian; Urdu, Bengali and Gurmukhi month names, with their own digits too.
        ("Digwyddodd hyn ar 3 Mawrth.", "Digwyddodd hyn ar [date]."),
        ("Roedd yr achos llys ar 5ed o Fehefin.", "Roedd yr achos llys ar [date]."),
        ("To było 12 marca 2023 roku.", "To było [date] roku."),
        ("S-a întâmplat pe 5 martie.", "S-a întâmplat pe [date]."),
        ("میری تاریخ پیدائش 12 مارچ 1990 ہے۔", "میری تاریخ پیدائش [date] ہے۔"),
        ("আমার জন্ম ৫ মার্চ ১৯৮৯।", "আমার জন্ম [date]।"),
        ("ਮੇਰਾ ਜਨਮ 14 ਅਪ੍ਰੈਲ 1985 ਨੂੰ ਹੋਇਆ।", "ਮੇਰਾ ਜਨਮ [date] ਨੂੰ ਹੋਇਆ।"),
    ],
)
def test_dates_in_every_shape_and_language(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A year, a month, a weekday, a month and year, an ordinal that counts: not a date.
        "I left him in 2019 and it was the best thing I did.", "Every Tuesday he would go drinking.",
        "By June 2021 I had my own place.", "We live on the 2nd floor now.",
        "I went back to him on the 3rd time he begged.", "It was the 1st of many times he did it.",
        "The outreach van comes on the 1st and 15th of each month.", "I rated them 7/10 and 24/7 support is key.",
        "Daeth yr heddlu ar ddydd Mawrth.", "În martie a fost cel mai rău.", "I left on Valentine's Day.",
        "Christmas is always hard for us.", "The first refuge was in a village and the second in a town.",
    ],
)
def test_years_months_weekdays_and_counting_ordinals_are_kept(text):
    assert redacted(text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The CAD number was 2345.", "The CAD number was [number]."),
        ("They gave me CAD 2345 for the call.", "They gave me CAD [number] for the call."),
        ("police log 1123 of 04/06 says he was there", "police log [number] of [date] says he was there"),
        ("My NHS number is 943 476 5919.", "My NHS number is [number]."),
        ("His National Insurance is AB123456C.", "His National Insurance is [number]."),
        ("case no. ZE12345 at the family court", "case no. [number] at the family court"),
        ("The case number at the family court is MA23P01234.", "The case number at the family court is [number]."),
        ("My court case is FD24P00567 at the family court.", "My court case is [number] at the family court."),
        ("It was a white van, reg number KX 19 ABC.", "It was a white van, reg number [vehicle]."),
        ("He drives a grey Vauxhall, plate BD19 FGH.", "He drives a grey Vauxhall, plate [vehicle]."),
    ],
)
def test_reference_numbers_and_plates(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She's in year 3 at Holy Trinity.", "She's in year 3 at [place]."),
        ("He plays for Heaton Mersey Football Club.", "He plays for [place]."),
        ("We lived in Tŷ Gwyn on Stryd Fawr.", "We lived in [place] on [place]."),
        ("Our address is Flat 2, 17 Ffordd y Parc.", "Our address is [address]."),
        ("he works at kfc on the high street", "he works at [place] on the high street"),
        ("my kids go to ladybarn primary", "my kids go to [place]"),
        ("The kids go to St Margaret's C of E.", "The kids go to [place]."),
        # Hospitals are kept, also as a workplace; a chain without its branch is no place.
        ("She was a nurse at Wythenshawe Hospital.", "She was a nurse at [place]."),
        ("He's a porter at Salford Royal.", "He's a porter at Salford Royal."),
        ("I stayed at a Travelodge for two nights.", "I stayed at a Travelodge for two nights."),
        ("he goes to a local primary", "he goes to a local primary"),
        # Places in Bengali, Urdu and Gurmukhi script.
        ("আমি বার্মিংহামে একটা রিফিউজে আছি।", "আমি [place] একটা রিফিউজে আছি।"),
        ("ہم مانچسٹر کے لانگسائٹ علاقے میں رہتے ہیں۔", "ہم [place] کے [place] علاقے میں رہتے ہیں۔"),
        ("ہم اپنے علاقے میں رہتے ہیں۔", "ہم اپنے علاقے میں رہتے ہیں۔"),
        ("ਉਹ ਗ੍ਰੇਵਜ਼ੈਂਡ ਦੇ ਗੁਰਦੁਆਰੇ ਜਾਂਦਾ ਹੈ।", "ਉਹ [place] ਦੇ ਗੁਰਦੁਆਰੇ ਜਾਂਦਾ ਹੈ।"),
        ("ਉਹ ਪਿੰਡ ਦੇ ਸਕੂਲ ਜਾਂਦਾ ਹੈ।", "ਉਹ ਪਿੰਡ ਦੇ ਸਕੂਲ ਜਾਂਦਾ ਹੈ।"),
        ("ਬੱਚੇ ਸੇਂਟ ਪੌਲਜ਼ ਸਕੂਲ ਜਾਂਦੇ ਹਨ।", "ਬੱਚੇ [place] ਜਾਂਦੇ ਹਨ।"),
    ],
)
def test_schools_clubs_workplaces_and_places_in_other_scripts(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ਮੇਰੀ ਵਰਕਰ ਸਾਰਾ ਬਹੁਤ ਚੰਗੀ ਸੀ।", "ਮੇਰੀ ਵਰਕਰ [name] ਬਹੁਤ ਚੰਗੀ ਸੀ।"),
        ("ਮੇਰਾ ਬੇਟਾ ਅਮਨ ਸਿਰਫ਼ ਪੰਜ ਸਾਲ ਦਾ ਹੈ।", "ਮੇਰਾ ਬੇਟਾ [name] ਸਿਰਫ਼ ਪੰਜ ਸਾਲ ਦਾ ਹੈ।"),
        ("ਮੇਰਾ ਪਤੀ ਹਮੇਸ਼ਾ ਸ਼ਰਾਬ ਪੀਂਦਾ ਹੈ।", "ਮੇਰਾ ਪਤੀ ਹਮੇਸ਼ਾ ਸ਼ਰਾਬ ਪੀਂਦਾ ਹੈ।"),
        ("ਪੁਲਿਸ ਵਾਲਿਆਂ ਨੇ ਮੇਰੀ ਗੱਲ ਨਹੀਂ ਸੁਣੀ।", "ਪੁਲਿਸ ਵਾਲਿਆਂ ਨੇ ਮੇਰੀ ਗੱਲ ਨਹੀਂ ਸੁਣੀ।"),
        ("ਉਸਨੇ ਮੈਨੂੰ ਘਰੋਂ ਕੱਢਿਆ।", "ਉਸਨੇ ਮੈਨੂੰ ਘਰੋਂ ਕੱਢਿਆ।"),
        ("আমার স্বামী জাহিদ হাসান আমাকে মারত।", "আমার স্বামী [name] [name] আমাকে মারত।"),
        ("আমার মেয়ে ফারহানা স্কুলে যায়।", "আমার মেয়ে [name] স্কুলে যায়।"),
        ("میری سہیلی نازیہ نے مدد کی۔", "میری سہیلی [name] نے مدد کی۔"),
        ("i told my worker jo about it", "i told my worker [name] about it"),
        ("the worker, sue, was lovely", "the worker, [name], was lovely"),
        ("I'd like to thank jade from the hub", "I'd like to thank [name] from the hub"),
        ("He called me a liar in front of Grace.", "He called me a liar in front of [name]."),
        ("i went round to jess's house to hide", "i went round to [name]'s house to hide"),
        ("Rob stole my bank card.", "[name] stole my bank card."),
        ("They rob you blind at that place.", "They rob you blind at that place."),
        ("My nan's house was my safe place.", "My nan's house was my safe place."),
    ],
)
def test_names_after_relations_in_every_script_and_in_lower_case(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Misses of the set written after the freeze at 11fd2d5, fixed since.
        ("I've got an appointment Weds 12th.", "I've got an appointment Weds [date]."),
        ("The DVPO was made at Tameside Magistrates.", "The DVPO was made at [place]."),  # round 35: a place
        ("He hangs around the Stag's Head.", "He hangs around the [place]."),
        ("I saw a nurse at Stepping Hill Hospital.", "I saw a nurse at [place]."),
        ("I waited at Oxford Road station.", "I waited at Oxford Road station."),
        ("we lived on moss lane east", "we lived on [place]"),
        ("I live in hope that he changes.", "I live in hope that he changes."),
    ],
)
def test_second_fresh_set_of_round_11_misses_stay_fixed(text, expected):
    assert redacted(text) == expected


def test_round_11_corpora_stay_above_the_goal():
    """redaction_dev11.tsv and redaction_fresh11.tsv (tuned-on): dates, numbers, places, scripts."""
    benchmark = load_benchmark()
    for path in (benchmark.DEV11, benchmark.FRESH11, benchmark.FRESH12):
        report = benchmark.score(benchmark.load_rows(path))
        assert report["recall"] >= 0.98 and report["kept_rate"] >= 0.985, report["misses"]
    assert benchmark.score(benchmark.load_rows(benchmark.DEV11))["sentences"] >= 200


@pytest.mark.parametrize(
    "text, expected",
    [
        # Dates: a two-digit year, Polish "-go", ranges in Polish and Romanian, a day and month after "on"
        # in four languages, a police log's day, "of this month", feasts with a year.
        ("He was charged on 4 Jan 23.", "He was charged on [date]."),
        ("on 4 May 23 people came", "on 4 May 23 people came".replace("May 23", "[date]")),
        ("Pobił mnie 3-go marca.", "Pobił mnie [date]."),
        ("To się stało w nocy z 7 na 8 listopada.", "To się stało w nocy z [date]."),
        ("Am fugit în noaptea de 14 spre 15 mai.", "Am fugit în noaptea de [date]."),
        ("It happened on 03.04 just before Easter.", "It happened on [date] just before Easter."),
        ("Dnia 5.06 przyszedł pijany.", "Dnia [date] przyszedł pijany."),
        ("He came home at 9.30 on Friday.", "He came home at 9.30 on Friday."),
        ("They gave me log 1234 of 12/3.", "They gave me log [number] of [date]."),
        ("On the 2nd of this month he found me.", "On the [date] of this month he found me."),
        ("It was the 3rd when he came back.", "It was the [date] when he came back."),
        ("It was the 3rd time he'd strangled me.", "It was the 3rd time he'd strangled me."),
        ("He hit me on Xmas Eve 2020.", "He hit me on [date]."),
        ("I was born in 85 and married at 19.", "I was born in 85 and married at 19."),
        # Reference numbers: a force's prefixes, Polish court signatures, cues in Polish and Romanian.
        ("Reference number: MPS/CR/3345672", "Reference number: [number]"),
        ("The ref they gave me was WY-2024-118876.", "The ref they gave me was [number]."),
        ("Numer sprawy to II K 123/24.", "Numer sprawy to [number]."),
        ("Sprawa ma sygnaturę III RC 456/23.", "Sprawa ma sygnaturę [number]."),
        ("The claim reference is UC 7765 4432 1.", "The claim reference is [number]."),
        ("We were together from 1990-2005.", "We were together from 1990-2005."),
        # Polish and Romanian streets, schools and villages; a village by name; a chain's branch by its town.
        ("Mieszkałam na ul. Długiej w Gdańsku.", "Mieszkałam na [place] w [place]."),
        ("Mieszkam przy ulicy Kościuszki 5.", "Mieszkam przy [address]."),
        ("Syn chodzi do Szkoły Podstawowej nr 12.", "Syn chodzi do [place]."),
        ("Locuiesc pe Bulevardul Decebal nr. 9, bl. A2, ap. 14.", "Locuiesc pe [address]."),
        ("Fata mea merge la Școala Gimnazială nr. 5.", "Fata mea merge la [place]."),
        ("Am stat la bunica în satul Vulturești.", "Am stat la bunica în satul [place]."),
        ("Poszłam do szkoły. Szkoła była daleko.", "Poszłam do szkoły. Szkoła była daleko."),
        ("I grew up in a village called Little Snoring.", "I grew up in a village called [place]."),
        ("Roedd e'n gweithio yn Tesco Caerfyrddin.", "Roedd e'n gweithio yn [place]."),
        ("He follows me from the Spar on Kingsway.", "He follows me from the Spar on [place]."),
        ("i was on deansgate", "i was on [place]"),
        ("we drove down the motorway", "we drove down the motorway"),
        # Handles after "username", mobiles in threes, Welsh words and frequent Polish words are no names.
        ("His username is x.danny.x", "His username is [handle]"),
        ("I can handle it", "I can handle it"),
        ("Dzwonił z numeru 512 345 678.", "Dzwonił z numeru [phone]."),
        ("Roedd Cymorth i Ferched yn wych.", "Roedd Cymorth i Ferched yn wych."),
        ("Boję się Jarka.", "Boję się [name]."),
        ("Mai am încă frică de el.", "Mai am încă frică de el."),
        ("My sister Mai rang me.", "My sister [name] rang me."),
        ("We flew with Ryanair to get away.", "We flew with Ryanair to get away."),
        ("My mam and nan were there.", "My mam and nan were there."),
    ],
)
def test_round_14_dates_numbers_foreign_places_and_words_to_keep(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Misses of redaction_fresh14.tsv (scored once at a4b5a96), fixed since: tuned-on now.
        ("my ex husband lee would check my phone", "my ex husband [name] would check my phone"),
        ("Numer zgłoszenia na policji: 55/2024/KPP.", "Numer zgłoszenia na policji: [number]."),
        ("Avem dosar penal nr. 2231/P/2023.", "Avem dosar penal nr. [number]."),
        ("He had three Staffies in the flat.", "He had three Staffies in the flat."),
        ("Roedd Heddlu Dyfed-Powys yn dda iawn.", "Roedd Heddlu Dyfed-Powys yn dda iawn."),
        # Misses of redaction_fresh14b.tsv (scored once at e8db6ad), fixed since.
        ("Pisał do mnie wczoraj.", "Pisał do mnie wczoraj."),
        ("My kids go to St Bede's Catholic Juniors.", "My kids go to [place]."),
    ],
)
def test_round_14_fresh_set_misses_stay_fixed(text, expected):
    assert redacted(text) == expected


def test_round_14_development_set_stays_above_the_goal():
    """redaction_dev14.tsv (tuned-on): the weak kinds of round 13's held-out set and 80 words to keep."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.DEV14))
    assert report["sentences"] >= 240
    assert report["recall"] >= 0.98 and report["kept_rate"] >= 0.99, report["misses"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Round 15: a postcode's shape whatever its area, in any case, with or without the space.
        ("Our old postcode was AD3 8LX.", "Our old postcode was [postcode]."),
        ("He lives at 14 Mill Lane, Kelsford KL4 9RT now.", "He lives at [address], [place] [postcode] now."),
        ("the refuge is in kl49rt i think", "the refuge is in [postcode] i think"),
        ("He bought a PS5 2TB with my money.", "He bought a PS5 2TB with my money."),
        ("We drove up the M6 and the A34.", "We drove up the M6 and the A34."),
        # A place found inside a capitalised run takes the whole run; prisons; unknown places after strong cues.
        ("I was placed at Kelsford Homes when I was nine.", "I was placed at [place] when I was nine."),
        ("She is at Pelham Road Women's Refuge now.", "She is at [place] now."),
        ("We stayed at the Kelsford Road Travelodge.", "We stayed at the [place]."),
        ("Kelsford Homes put me in a flat.", "[place] put me in a flat."),
        ("The kids went to Moorside Foster Care.", "The kids went to [place]."),
        ("He is in HMP Kelsford until March.", "He is in [place] until March."),
        ("I was born in Port Haddon.", "I was born in [place]."),
        ("I live in Wexley Cross now.", "I live in [place] now."),
        ("Lucrez la Fairway Packing din 2019.", "Lucrez la [place] din 2019."),
        ("Mój mąż pracuje w firmie Harlow Fresh.", "Mój mąż pracuje w firmie [place]."),
        ("She moved to Leeds Women's Aid for support.", "She moved to [place] Women's Aid for support."),
        ("We took the train from Leeds station.", "We took the train from Leeds station."),
        ("We got a letter from Adult Social Care.", "We got a letter from Adult Social Care."),
        ("The Freedom Programme at the Family Hub helped.", "The Freedom Programme at the Family Hub helped."),
        ("I went to the Magistrates' Court and the police station.",
         "I went to the Magistrates' Court and the police station."),
        # Lower-case names after hyphenated relations; words that are names before what a person does.
        ("ex-husband lee kept the car", "ex-husband [name] kept the car"),
        ("my step-dad bill used to hit mum", "my step-dad [name] used to hit mum"),
        ("Rose helped me fill in the forms.", "[name] helped me fill in the forms."),
        ("Grace ran the group every Tuesday.", "[name] ran the group every Tuesday."),
        ("Faith kept me going.", "Faith kept me going."),
        ("Hope is all I have left.", "Hope is all I have left."),
        ("My son is doing his GCSEs.", "My son is doing his GCSEs."),
        # Romanised Bengali, Urdu and Panjabi: everyday words are no names; kinship words stay outside.
        ("Amar shami amake marto.", "Amar shami amake marto."),
        ("amar jonmo tarikh 12 march", "amar jonmo tarikh [date]"),
        ("Mera shohar Imran mujhe ghar se nikalta tha.", "Mera shohar [name] mujhe ghar se nikalta tha."),
        ("Sada ghar, saddi zindagi, sab khatam.", "Sada ghar, saddi zindagi, sab khatam."),
        ("Amar hit me last night.", "[name] hit me last night."),
        # Plates of any country after a word for them; handles right after a network's name.
        ("Mașina lui are numărul B 123 XYZ.", "Mașina lui are numărul [vehicle]."),
        ("Samochód ma rejestrację WX 12345.", "Samochód ma rejestrację [vehicle]."),
        ("his reg is KL 4455 ZT", "his reg is [vehicle]"),
        ("Am sunat la numărul 112.", "Am sunat la numărul 112."),
        ("facebook jamal.uddin.92 is him", "facebook [handle] is him"),
        ("his insta: x_y", "his insta: [handle]"),
        ("He was on facebook all night.", "He was on facebook all night."),
    ],
)
def test_round_15_postcodes_runs_relations_romanised_words_plates_handles(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Misses of redaction_fresh15.tsv (scored once at 3cbcf40), fixed since: tuned-on now.
        ("Will my ex find out where I am?", "Will my ex find out where I am?"),
        ("Will, my caseworker, rang me.", "[name], my caseworker, rang me."),
        ("We ended up at Brookhaven Lodge B&B for two nights.", "We ended up at [place] for two nights."),
        ("My boy was placed with Larkspur Fostering for a year.", "My boy was placed with [place] for a year."),
        ("We had to leave Brenton Vale at night.", "We had to leave [place] at night."),
        ("He parks outside the Co-op every night.", "He parks outside the Co-op every night."),
        ("He followed me from Kelmore bus station.", "He followed me from Kelmore bus station."),
        ("her ex-partner tony set fire to the bins", "her ex-partner [name] set fire to the bins"),
        ("Ma profil na facebooku jako marek.z.1985.", "Ma profil na facebooku jako [handle]."),
        ("Hum Bradford mein rehte the, ab kahin aur hain.", "Hum [place] mein rehte the, ab kahin aur hain."),
        ("Asi Ballowfield vich rehnde haan.", "Asi [place] vich rehnde haan."),
        ("I used to go to Westhoughton library to get away.", "I used to go to [place] to get away."),
        # Misses of redaction_fresh15b.tsv (scored once at 206844d), fixed since.
        ("The letter went to 4 Sorrel Way, Penhallow, PX2 9RD.", "The letter went to [address], [place], [postcode]."),
        ("Sebastian ma auto na numerach PZ 8812K.", "[name] ma auto na numerach [vehicle]."),
        ("Pomogli mi w Citizens Advice.", "Pomogli mi w Citizens Advice."),
        ("we were in block c2 4th floor", "we were in block c2 4th floor"),
    ],
)
def test_round_15_fresh_set_misses_stay_fixed(text, expected):
    assert redacted(text) == expected


def test_round_15_development_set_stays_above_the_goal():
    """redaction_dev15.tsv (tuned-on): the six gaps of round 15 and the words to keep beside them."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.DEV15))
    assert report["sentences"] >= 150
    assert report["recall"] >= 0.98 and report["kept_rate"] >= 0.99, report["misses"]


def test_importing_redaction_compiles_nothing_and_loads_no_heavy_module():
    """The web app imports analysis.redaction at start-up: patterns compile on first use, and
    ``regex`` and ``phonenumbers`` are imported then, not at import."""
    import subprocess

    code = ("import sys, analysis.redaction as r, analysis.redaction.patterns as p; "
            "print('regex' in sys.modules, 'phonenumbers' in sys.modules, type(p._DATE_PATTERNS[2]).__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["False", "False", "LazyPattern"]
    assert redacted("Call me on 07700 900123 on 3 March") == "Call me on [phone] on [date]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Round 16: named centres, nurseries, hubs, academies and surgeries, in any case; kinds and
        # national services stay.
        ("My counsellor at Sunflower Centre believed me.", "My counsellor at [place] believed me."),
        ("Staff at Kelsby Women's Centre helped me.", "Staff at [place] helped me."),
        ("She goes to little acorns nursery.", "She goes to [place]."),
        ("the nurse at castle view surgery noticed", "the nurse at [place] noticed"),
        ("I went to the Rape Crisis Centre twice.", "I went to the Rape Crisis Centre twice."),
        ("The Freedom Programme at Brookside Children's Centre saved me.",
         "The Freedom Programme at [place] saved me."),
        ("We were put up in the Premier Inn in Reading.", "We were put up in the [place]."),
        ("The vicar at St Michael and All Angels helped.", "The vicar at [place] helped."),
        # Welsh streets after a house number, and everyday Welsh words.
        ("Roedden ni'n byw yn 3 Bryn Teg.", "Roedden ni'n byw yn [address]."),
        ("Doedd dim gwasanaeth yn Gymraeg.", "Doedd dim gwasanaeth yn Gymraeg."),
        ("Cymorth i Fenywod oedd yn help mawr.", "Cymorth i Fenywod oedd yn help mawr."),
        # Lower-case names after relations in several languages; an officer after a rank.
        ("My little boy jack still has nightmares.", "My little boy [name] still has nightmares."),
        ("jade at citizens advice sorted my benefits.", "[name] at citizens advice sorted my benefits."),
        ("O meu filho davi tem medo dele.", "O meu filho [name] tem medo dele."),
        ("Fiica mea maria are nouă ani.", "Fiica mea [name] are nouă ani."),
        ("Wiilkayga Cabdi wuu baqayaa.", "Wiilkayga [name] wuu baqayaa."),
        ("The family liaison officer PC Dobbs kept me updated.", "The family liaison officer [name] kept me updated."),
        # Dates in Portuguese, Somali, Arabic (both month sets, Eastern Arabic digits) and the Bengali calendar.
        ("Ele me bateu no dia 14 de novembro.", "Ele me bateu no dia [date]."),
        ("Wuxuu i garaacay 12 Oktoobar.", "Wuxuu i garaacay [date]."),
        ("ضربني يوم ٥ أيار.", "ضربني يوم [date]."),
        ("المحكمة في ٣ مايو.", "المحكمة في [date]."),
        ("১০ বৈশাখ সে আমাকে মেরেছিল।", "[date] সে আমাকে মেরেছিল।"),
        # Addresses and schools in other scripts.
        ("ہم ۱۲ کنگ روڈ پر رہتے تھے۔", "ہم [address] پر رہتے تھے۔"),
        ("আমরা ২৪ গ্রিন রোড এ থাকতাম।", "আমরা [address] এ থাকতাম।"),
        ("كنا نسكن في ١٢ شارع الملك.", "كنا نسكن في [address]."),
        ("میرا بیٹا گرین لین پرائمری اسکول میں پڑھتا ہے۔", "میرا بیٹا [place] میں پڑھتا ہے۔"),
        ("ابني يدرس في مدرسة النور الابتدائية.", "ابني يدرس في [place]."),
        # Words to keep: soaps, clubs after "supports", dog breeds, a role starting a sentence, Arabic
        # words after a relation, a Bengali word with vowel signs.
        ("We watch Coronation Street together.", "We watch Coronation Street together."),
        ("we used to live on coronation street", "we used to live on [place]"),
        ("He supports Liverpool and gets violent when they lose.",
         "He supports Liverpool and gets violent when they lose."),
        ("We had a Jack Russell who barked.", "We had a Jack Russell who barked."),
        ("Doctor said the bruises were old.", "Doctor said the bruises were old."),
        ("زوجي السابق يهددني كل يوم.", "زوجي السابق يهددني كل يوم."),
        ("أختي ساعدتني كثيرا.", "أختي ساعدتني كثيرا."),
        ("اس کا نام قیصر ہے", "اس کا نام [name] ہے"),
        ("পুলিশ পাঁচ মিনিটে এসেছিল।", "পুলিশ পাঁচ মিনিটে এসেছিল।"),
        # Misses of redaction_fresh16.tsv (scored once at 946d2aa), fixed since.
        ("ابنتي تذهب إلى المدرسة كل يوم.", "ابنتي تذهب إلى المدرسة كل يوم."),
        ("আমরা ১২ স্টেশন রোডে থাকতাম।", "আমরা [address] থাকতাম।"),
    ],
)
def test_round_16_rules(text, expected):
    assert redacted(text) == expected


def test_no_redaction_splits_a_letter_from_its_vowel_signs():
    """A span never starts or ends inside a grapheme cluster (a letter and its combining marks)."""
    from analysis.redaction import _splits_a_letter

    word = "মিনিটে"
    assert _splits_a_letter(word, 2, 6) and _splits_a_letter(word, 0, 1)
    assert not _splits_a_letter(word, 0, 6)


def test_round_16_development_set_stays_above_the_goal():
    """redaction_dev16.tsv (tuned-on): the gaps of round 16 and the words to keep beside them."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.DEV16))
    assert report["sentences"] >= 150
    assert report["recall"] >= 0.98 and report["kept_rate"] >= 0.99, report["misses"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Round 17: initials after a title or a relation; relations people type ("my nan", "my fella").
        ("Mr K from housing never called back", "[name] from housing never called back"),
        ("his cousin T. was the one who followed me", "his cousin [name] was the one who followed me"),
        ("my nan pat took us in", "my nan [name] took us in"),
        ("my fella dean took my card", "my fella [name] took my card"),
        ("my fella said sorry again", "my fella said sorry again"),
        ("my nan will help with the kids", "my nan will help with the kids"),
        ("Paddy is his best mate", "Paddy is his best mate"),
        # Surnames with a capital inside; a given name after a short family name even when it is a word.
        ("my partner at the time, Callum MacLeod, broke my arm", "my partner at the time, [name], broke my arm"),
        ("my husband Li Jun hid my visa papers", "my husband [name] hid my visa papers"),
        # Somali relations that start a sentence are no names; Vietnamese "tôi" (I) is no name.
        ("Ninkeyga Cabdi wuu i garaacay.", "Ninkeyga [name] wuu i garaacay."),
        ("chồng tôi Tuấn đánh tôi", "chồng tôi [name] đánh tôi"),
        # Chinese: places by the list, a pet name after a relation, a school by its name.
        ("我住在曼彻斯特", "我住在[place]"),
        ("我女儿小美在圣约翰小学上学", "我女儿[name]在[place]上学"),
        ("我儿子在这个学校很开心", "我儿子在这个学校很开心"),
        # Addresses after "number"/"no.", Scottish flat positions, a street named by its kind, Welsh farms.
        ("he lives at no. 14 on Elm Grove", "he lives at [address]"),
        ("we were at number 7 Maes y Coed", "we were at [address]"),
        ("He still lives at 3/2 14 Kelvin Street.", "He still lives at [address]."),
        ("we lived at flat 2/1, 88 Dumbarton Road", "we lived at [address]"),
        ("his address is 18 The Crescent", "his address is [address]"),
        ("At 10 the house was quiet.", "At 10 the house was quiet."),
        ("he drinks in the Tyn y Coed most nights", "he drinks in the [place] most nights"),
        # A saint's school after the word for school in other languages; Arabic "Saint John".
        ("Meu filho estuda na escola Saint Mary's.", "Meu filho estuda na escola [place]."),
        ("ابني يوسف في مدرسة سانت جون", "ابني [name] في [place]"),
        # Lower-case "5th may" is a date unless "may" goes on as a verb.
        ("it was 5th may", "it was [date]"),
        ("the 2nd may be better", "the 2nd may be better"),
        # Kept: the jobcentre, a nursery or college by its kind, a Bengali "came late", a Portuguese verb.
        ("She works at the Job Centre.", "She works at the Job Centre."),
        ("My son is at Nursery.", "My son is at Nursery."),
        ("পুলিশ দেরি করে এসেছিল", "পুলিশ দেরি করে এসেছিল"),
        ("Moro em Great Yarmouth com os meus filhos.", "Moro em [place] com os meus filhos."),
        ("The kids love Peppa Pig and Bluey.", "The kids love Peppa Pig and Bluey."),
        # A one-word street after a house number; a year is no house number.
        ("21 Kingsway is his mums house", "[address] is his mums house"),
        ("in 2019 The Crescent was being rebuilt", "in 2019 The Crescent was being rebuilt"),
        # A day and month after "between"; a night across two days.
        ("it was between 2/3 and the weekend", "it was between [date] and the weekend"),
        ("the night of 4/5 Jan", "the night of [date]"),
        ("he took 1/2 of it", "he took 1/2 of it"),
        # An unlisted town in lower case with an English place ending, after a cue.
        ("we moved to kelsborough last year", "we moved to [place] last year"),
    ],
)
def test_round_17_rules(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Misses of redaction_fresh17.tsv (scored once at 06ef0e1), fixed since: a town after a police rank is
        # a surname, a gate is a street, "Central station" is public, a Vietnamese middle name, Arabic Birmingham.
        ("the officer who came, PC Haworth, was dismissive", "the officer who came, [name], was dismissive"),
        ("my auntie jo let us sleep on her floor", "my auntie [name] let us sleep on her floor"),
        ("my address is flat 5, 18 Lancaster Gate", "my address is [address]"),
        ("I waited at Cardiff Central station.", "I waited at Cardiff Central station."),
        ("Chồng tôi là Lê Văn Nam.", "Chồng tôi là [name]."),
        ("أعيش الآن في برمنغهام", "أعيش الآن في [place]"),
        ("my ex will let me know", "my ex will let me know"),
    ],
)
def test_round_17_fresh_set_misses_stay_fixed(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize("text", ["I rang The Surgery today.", "Our Surgery was closed.", "The Centre", "Our Hub"])
def test_a_venue_kind_with_no_name_is_kept_and_never_raises(text):
    """A kind after "The" or "Our" names no venue: once an IndexError that lost the writer's answer."""
    assert redacted(text) == text


def test_round_17_development_set_stays_above_the_goal():
    """redaction_dev17.tsv (tuned-on): relations, initials, every community's names, addresses, words to keep."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.DEV17))
    assert report["sentences"] >= 200
    assert report["recall"] >= 0.96 and report["kept_rate"] >= 0.99, report["misses"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Round 18: a name beside its role, even a name that is a word, and only there.
        ("Dawn the family support worker came round.", "[name] the family support worker came round."),
        ("Will the receptionist walked me out.", "[name] the receptionist walked me out."),
        ("Will the officer ring me back", "Will the officer ring me back"),
        ("Will the court let him see the kids?", "Will the court let him see the kids?"),
        ("Grace on reception gave me a leaflet.", "[name] on reception gave me a leaflet."),
        ("the lady at housing, carol, was lovely", "the lady at housing, [name], was lovely"),
        ("the officer, will, took my statement", "the officer, [name], took my statement"),
        ("My worker will ring me tomorrow.", "My worker will ring me tomorrow."),
        # Nicknames after "goes by", "known as", "called her".
        ("He goes by Tiny but he is huge.", "He goes by [name] but he is huge."),
        ("everyone knows him as Tank", "everyone knows him as [name]"),
        ("Time goes by so slowly in the refuge.", "Time goes by so slowly in the refuge."),
        # East Asian names that are English words, in a name's place only.
        ("Long and his brother came to the flat.", "[name] and his brother came to the flat."),
        ("My partner Sang locked me in the bedroom.", "My partner [name] locked me in the bedroom."),
        ("He sang to me when he was sorry.", "He sang to me when he was sorry."),
        ("It took a long time to feel safe.", "It took a long time to feel safe."),
        # Laws named after a person, Welsh months, shops as things.
        ("my friend told me about claire's law", "my friend told me about claire's law"),
        ("sarah's law did not cover my case", "sarah's law did not cover my case"),
        ("Symudais i'r lloches ym mis Mai.", "Symudais i'r lloches ym mis Mai."),
        ("They gave me a Marks and Spencer voucher.", "They gave me a Marks and Spencer voucher."),
        ("We met in a Costa in Wigan.", "We met in a Costa in [place]."),
        ("I lost my job at the Tesco in Bury.", "I lost my job at the [place]."),
        # A building by its name where someone goes; a service's name that is a word stays.
        ("He followed me into the Harbour Centre.", "He followed me into the [place]."),
        ("The Rose Centre runs a group for older women.", "The Rose Centre runs a group for older women."),
    ],
)
def test_round_18_roles_nicknames_laws_and_shops(text, expected):
    assert redacted(text) == expected


def test_round_18_development_set_stays_above_its_figures():
    """redaction_dev18.tsv (tuned-on): names beside roles, nicknames, venues, words to keep."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.DEV18))
    assert report["sentences"] >= 150
    assert report["recall"] >= 0.95 and report["kept_rate"] >= 0.99, report["misses"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("people on the estate call him Mad Dog", "people on the estate call him [name]"),
        ("His nickname is Bones.", "His nickname is [name]."),
        ("the lady from housing, Joy, rang me back", "the lady from housing, [name], rang me back"),
        ("Gadawais i fe fis Mai diwethaf.", "Gadawais i fe fis Mai diwethaf."),
        ("আমি এখন রিফিউজে থাকি।", "আমি এখন রিফিউজে থাকি।"),
        ("রিফিউজ আমাকে অনেক সাহায্য করেছে।", "রিফিউজ আমাকে অনেক সাহায্য করেছে।"),
        ("I waited four hours in A&E at the Royal.", "I waited four hours in A&E at the Royal."),
    ],
)
def test_round_18_nicknames_of_two_words_and_service_words_in_other_scripts(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Misses of redaction_fresh18.tsv (scored once at 1835ceb), fixed since: a role of three words with a
        # possessive, a pub with a public building's word, a Vietnamese "is named".
        ("Hope the children's social worker came to the school.",
         "[name] the children's social worker came to the school."),
        ("He sits in the Crown and Anchor all day.", "He sits in the [place] all day."),
        ("I went to the Magistrates and Crown court.", "I went to the Magistrates and Crown court."),
        ("Chồng tôi tên là Long, anh ấy đánh tôi.", "Chồng tôi tên là [name], anh ấy đánh tôi."),
    ],
)
def test_round_18_fresh_set_misses_stay_fixed(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Round 19 (issue 12): a local public building by its own name locates a person, the whole name goes.
        ("I was taken to St Helier Hospital by ambulance.", "I was taken to [place] by ambulance."),
        ("She works at Wythenshawe Hospital.", "She works at [place]."),
        ("They kept me in the Royal Oldham Hospital for two nights.", "They kept me in the [place] for two nights."),
        ("I gave birth at the Royal Gwent last year.", "I gave birth at the [place] last year."),
        ("I waited in A&E at Queen's Hospital for hours.", "I waited in A&E at [place] for hours."),
        ("Sandwell Hospital rang me back.", "[place] rang me back."),
        ("Yesterday Sandwell Hospital rang me back.", "Yesterday [place] rang me back."),
        ("Leeds General Infirmary were great.", "[place] were great."),
        ("We met at Ashton Town Hall.", "We met at [place]."),
        ("I use the computers at Leigh Library.", "I use the computers at [place]."),
        ("Bolton Jobcentre sanctioned me.", "[place] sanctioned me."),
        ("He waits outside Chorley Leisure Centre.", "He waits outside [place]."),
        # The kind alone, a ward number, national bodies, stations and courts stay.
        ("I was on Ward 7 for a week.", "I was on Ward 7 for a week."),
        ("The hospital was kind and A&E was quick.", "The hospital was kind and A&E was quick."),
        ("I went to the General Hospital and then the library.",
         "I went to the General Hospital and then the library."),
        ("I waited at the Royal with my son.", "I waited at the Royal with my son."),
        ("The Royal Mail lost my letter.", "The Royal Mail lost my letter."),
        ("The jobcentre and Jobcentre Plus were no help.", "The jobcentre and Jobcentre Plus were no help."),
        ("I went to the walk in centre.", "I went to the walk in centre."),
        ("The NHS, Citizens Advice and the IDVA Service helped.",
         "The NHS, Citizens Advice and the IDVA Service helped."),
        ("I got the train from Victoria station.", "I got the train from Victoria station."),
        ("The Children's Hospital had a play worker.", "The Children's Hospital had a play worker."),
    ],
)
def test_round_19_named_public_buildings_are_places(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("and theres no group nearby", "and theres no group nearby"),
        ("thats when hes at his worst, whats the point", "thats when hes at his worst, whats the point"),
        ("im scared shes going to see him, ive told them, id rather move",
         "im scared shes going to see him, ive told them, id rather move"),
        ("he wont stop and i cant sleep, they didnt come, it isnt fair",
         "he wont stop and i cant sleep, they didnt come, it isnt fair"),
        ("Theres nobody I trust. Lets be honest.", "Theres nobody I trust. Lets be honest."),
        ("I saw Dr Whitfield at the surgery.", "I saw [name] at the surgery."),
        ("Dr Bright signed me off work.", "[name] signed me off work."),
        ("مجھے امید کا کوئی نور نظر نہیں آتا", "مجھے امید کا کوئی نور نظر نہیں آتا"),
        ("ہیلپ لائن نے میری بات سنی۔", "ہیلپ لائن نے میری بات سنی۔"),
        ("میرا شوہر عمران مجھے مارتا تھا", "میرا شوہر [name] مجھے مارتا تھا"),
        ("foi uma vitória para mim", "foi uma vitória para mim"),
        ("A minha filha Vitória tem seis anos.", "A minha filha [name] tem seis anos."),
    ],
)
def test_round_19_contractions_titles_and_words_of_other_languages(text, expected):
    assert redacted(text) == expected


def test_round_19_development_set_stays_above_its_figures():
    """redaction_dev19.tsv (tuned-on): named public buildings, generic ones kept, contractions, "Dr"."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.DEV19))
    assert report["sentences"] >= 60
    assert report["recall"] >= 0.95 and report["kept_rate"] >= 0.99, report["misses"]


@pytest.mark.parametrize(("text", "expected"), [
    ("my ex Darren Law hit me", "my ex [name] hit me"),  # a surname, not a law
    ("my solicitor told me about Clare's Law", "my solicitor told me about Clare's Law"),
    ("sarahs law did not cover me", "sarahs law did not cover me"),
])
def test_a_law_is_named_with_a_possessive_and_a_person_called_law_is_not_kept(text, expected):
    assert redact(text).text == expected


# --- round 20: the last review's leftovers ---------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # A capitalised word opening a sentence before "Hospital" names no hospital; a name or town still does.
    ("Leaving Hospital was hard.", "Leaving Hospital was hard."),
    ("Visiting Hospital is hard for me.", "Visiting Hospital is hard for me."),
    ("Hope Hospital discharged me.", "[place] discharged me."),
    ("Bolton Hospital was full.", "[place] was full."),
    # A flat number in the Scottish form is an address, not a day and month.
    ("He lives on 3/4 Station Road.", "He lives on [address]."),
    ("we were at 12a Church Street", "we were at [address]"),
    ("Flat 2, Mill Lane is where he is", "[address] is where he is"),
    ("He turned up on 3/4 and again on 5/4.", "He turned up on [date] and again on [date]."),
    # A surname that is a word, after a first name or a title; a law by its possessive stays.
    ("He works with Tom Law.", "He works with [name]."),
    ("Mr Law said no.", "[name] said no."),
    ("my ex darren law", "my ex [name]"),
    ("I applied under Sarah's Law.", "I applied under Sarah's Law."),
    ("The Family Law courts were slow.", "The Family Law courts were slow."),
    # A modal opening a question is no first name: the name after it goes alone.
    ("Will Sarah be there?", "Will [name] be there?"),
    ("Who reads this? Will Grace still be my worker?", "Who reads this? Will [name] still be my worker?"),
    ("Is it safe? Will they tell him?", "Is it safe? Will they tell him?"),
    ("What now? Will said no.", "What now? [name] said no."),
    ("Will, my caseworker, rang.", "[name], my caseworker, rang."),
    # Pubs as phones type them; a body is no pub.
    ("we drank at the red lion every friday", "we drank at the [place] every friday"),
    ("he was always down the kings arms", "he was always down the [place]"),
    ("meet me at the queen's head", "meet me at the [place]"),
    ("bruises on the upper arms and in the head", "bruises on the upper arms and in the head"),
    ("we got a room at the holiday inn", "we got a room at the holiday inn"),
    # A place named for someone, by the land's shape.
    ("We went to Robin Hood's Bay for a week.", "We went to [place] for a week."),
    # Everyday Portuguese words that are also names elsewhere, with a name after a relation still taken.
    ("Sair de casa foi difícil.", "Sair de casa foi difícil."),
    ("Não consegui sair de casa um dia sem ele.", "Não consegui sair de casa um dia sem ele."),
    ("Minha filha Dia tem 5 anos.", "Minha filha [name] tem 5 anos."),
])
def test_round_20_review_leftovers(text, expected):
    assert redacted(text) == expected


def test_police_ranks_are_one_list_for_names_and_places():
    from analysis.redaction import names, places
    from analysis.redaction.lexicon import POLICE_RANKS
    for rank in POLICE_RANKS:
        assert places._TITLE_JUST_BEFORE.search(f"at {rank} ")
        assert names._TITLE.match(f"{rank} Dobbs")
    assert redacted("DCI Moss took my statement in Wigan.") == "[name] took my statement in [place]."


@pytest.mark.parametrize(
    "text",
    ["\u200fزوجي أحمد\u200e hit me", "\u202bمرحبا\u202c Sarah", "?!?!...,,,;;", "--- *** ---", "👍👍 💔 😭😭😭",
     "my ex 😡 Darren 😡 Law", "ਮੇਰਾ ਪਤੀ Gurpreet ने 李娜 Nguyễn Văn An", "\ufeffSarah\u200b Jones", "Ⓢⓐⓡⓐⓗ",
     "Robin Hood's", "3/4", "Flat", "Will?", "the red", "A" * 20000, "Ab " * 20000, "Mr " * 5000],
)
def test_odd_inputs_of_every_script_and_length_never_raise(text):
    result = redact(text)
    assert redact(result.text).text == result.text


def test_one_long_capitalised_word_costs_linear_time():
    import time
    started = time.process_time()
    redact("A" * 60_000)
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize(("text", "expected"), [
    # A nickname in quotes after a relation, even a word; a quoted word elsewhere stays.
    ('my ex "Tank" is known to police', 'my ex "[name]" is known to police'),
    ("his mate ‘Bullet’ was there", "his mate ‘[name]’ was there"),
    ('my ex said "Never" and left', 'my ex said "Never" and left'),
    # Welsh "Mae" (is) before a name or a word of a Welsh sentence is no name; "Thi Lan" still is one.
    ("Mae Llinos yn fy helpu gyda'r plant.", "Mae [name] yn fy helpu gyda'r plant."),
    ("Mae Cymorth i Fenywod wedi bod yn wych.", "Mae Cymorth i Fenywod wedi bod yn wych."),
    ("Thi Lan at the nail bar gave me the number.", "[name] at the nail bar gave me the number."),
    # A verb opening a sentence is no part of a venue's name.
    ("Moving House twice in a year broke me", "Moving House twice in a year broke me"),
    ("Finding Hope House was luck.", "Finding [place] was luck."),
    # A shop in a named shopping centre is one place; a court by its town stays.
    ("i did shifts at Costa in the Trafford Centre", "i did shifts at [place]"),
    ("he works at Asda in the Morning", "he works at [place] in the Morning"),
    ("the hearing was at Manchester Civil Justice Centre", "the hearing was at [place]"),  # round 35: its town
    # Hospitals by their own name in lower case, by their town alone, by a possessive; their kind stays.
    ("they took me to wythenshawe hospital", "they took me to [place]"),
    ("i went to leigh library to use the computer", "i went to [place] to use the computer"),
    ("i was taken to the general hospital", "i was taken to the general hospital"),
    ("he was in a mental hospital", "he was in a mental hospital"),
    ("He's a porter at the Northern General", "He's a porter at the [place]"),
    ("I was in Leeds General for two days", "I was in [place] for two days"),
    ("The Attorney General said no", "The Attorney General said no"),
    ("I went to the General", "I went to the General"),
    ("He's a nurse at St James's in Leeds", "He's a nurse at [place]"),
    ("I was treated at Addenbrooke's for a month", "I was treated at [place] for a month"),
    ("the midwife at Queen Elizabeth's was lovely", "the midwife at [place] was lovely"),
    ("we went to McDonald's for tea", "we went to McDonald's for tea"),
    ("I stayed at Sarah's for a week", "I stayed at [name]'s for a week"),
    ("My kids go to Our Lady's.", "My kids go to [place]."),
])
def test_round_20_general_weaknesses(text, expected):
    assert redacted(text) == expected


def test_round_20_development_set_stays_above_its_figures():
    """redaction_dev20.tsv (tuned-on): strangers' voices, names of every community, places, numbers."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.DEV20))
    assert report["sentences"] >= 200
    assert report["recall"] >= 0.97 and report["kept_rate"] >= 0.99, report["misses"]


@pytest.mark.parametrize(("text", "expected"), [
    # Hospitals by their town and "royal" as phones type them; the royal mail and royal blue stay.
    ("i was rushed into salford royal", "i was rushed into [place]"),
    ("they kept me in the royal liverpool overnight", "they kept me in the [place] overnight"),
    ("the royal mail lost it, a royal blue coat", "the royal mail lost it, a royal blue coat"),
    # A town before "refuge" tells where she stays, and so does one before a local branch (round 36).
    ("Stockport refuge were amazing", "[place] refuge were amazing"),
    ("Leeds Women's Aid helped me", "[place] Women's Aid helped me"),
    # Lower-case names: after "of", "left"..., kin said as a title, between commas, slang relations, and a
    # family name that is no word of any list.
    ("i'm scared of ifeanyi", "i'm scared of [name]"),
    ("i left bogdan in 2020", "i left [name] in 2020"),
    ("i stayed with nana joy", "i stayed with nana [name]"),
    ("auntie pat took us in", "auntie [name] took us in"),
    ("my boyf jordan smashed the tv", "my boyf [name] smashed the tv"),
    ("the lad i was seeing, callum, hit me", "the lad i was seeing, [name], hit me"),
    ("nguyen hit me again", "[name] hit me again"),
    ("i met xiang at college", "i met [name] at college"),
    ("my aunt may come", "my aunt may come"),
    ("i did it for me, for love, for them", "i did it for me, for love, for them"),
])
def test_round_20_hospitals_refuges_and_lower_case_names(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Chồng tôi là Hùng.", "Chồng tôi là [name]."),  # Vietnamese: "my husband is Hùng"
    ("Chồng cũ của tôi Tuấn đánh tôi.", "Chồng cũ của tôi [name] đánh tôi."),
    ("A minha filha Grace tem 3 anos.", "A minha filha [name] tem 3 anos."),
])
def test_round_20_names_after_relations_in_other_languages(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Round 20's fresh set's errors, fixed after it was scored (tuned-on since).
    ("The lady from Age UK, Pauline, rang.", "The lady from Age UK, [name], rang."),
    ("The injunction was granted at Derby Family Court.", "The injunction was granted at [place] Family Court."),
    ("I moved into flat 4 at 19 Castle Street in March.", "I moved into [address] in March."),
    ("i told the teacher miss okafor and she reported it", "i told the teacher [name] and she reported it"),
    ("i miss home and i miss jamal", "i miss home and i miss [name]"),
    ("Nie mam nikogo w Anglii, żyję w Wielkiej Brytanii.", "Nie mam nikogo w Anglii, żyję w Wielkiej Brytanii."),
    ("Mieszkam w Bradfordzie.", "Mieszkam w [place]."),
    ("Ninkaygii Xasan wuxuu iga qaatay baasaboorka.", "Ninkaygii [name] wuxuu iga qaatay baasaboorka."),
    ("i was in the Queen Elizabeth in Gateshead for 3 days", "i was in the [place] in [place] for 3 days"),
    ("God save the Queen", "God save the Queen"),
    ("school (st aidans) didnt do nothing", "school ([place]) didnt do nothing"),
])
def test_round_20_fresh_set_errors_stay_fixed(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Issue 12 part 2: a first name's initial belongs to the name, its dot too unless it ends the sentence.
    ("big thanks to Karen T from the outreach team", "big thanks to [name] from the outreach team"),
    ("Joanne M. was my support worker for a year", "[name] was my support worker for a year"),
    ("I spoke to Priya K. She was kind", "I spoke to [name]. She was kind"),
    ("Karen A and me went", "[name] A and me went"),
])
def test_a_first_name_takes_its_initial(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # After a relation and a first name, a family name that is also a word.
    ("my ex Gary Whitfield has breached the order", "my ex [name] has breached the order"),
    ("her husband Dean Marsh rang", "her husband [name] rang"),
    ("my son Jack Russell", "my son Jack Russell"),
    ("my brother Tom English lessons", "my brother [name] English lessons"),
])
def test_a_relation_and_first_name_take_the_surname(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A first name that is a word, opening the sentence, before a role or the service where the person works.
    ("Will at the jobcentre was kind to me", "[name] at the jobcentre was kind to me"),
    ("May in the housing team sorted my bid", "[name] in the housing team sorted my bid"),
    ("Sunny the interpreter was patient", "[name] the interpreter was patient"),
    ("Bob the caretaker at the refuge fixed the lock", "[name] the caretaker at the refuge fixed the lock"),
    ("Will the interpreter be there?", "Will the interpreter be there?"),
    ("May in the summer we moved", "May in the summer we moved"),
    ("Hope in the future is all I have", "Hope in the future is all I have"),
    # A visit and a pronoun later in the sentence: a person.
    ("Dawn came out at dawn when the police rang her", "[name] came out at dawn when the police rang her"),
    ("May went back to her flat", "May went back to her flat"),
])
def test_a_word_name_before_a_role_or_a_service(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A virtue before a team, office or post is the virtue, unless what a person does follows.
    ("Patience in the housing office is thin.", "Patience in the housing office is thin."),
    ("Patience on the helpline is short", "Patience on the helpline is short"),
    ("Faith in the police team is gone.", "Faith in the police team is gone."),
    ("Faith on reception at the GP spotted my bruises.", "[name] on reception at the GP spotted my bruises."),
    ("Faith on the helpline said she would call", "[name] on the helpline said she would call"),
    ("Grace on reception was lovely", "[name] on reception was lovely"),
    ("Comfort on the helpline stayed on until I stopped shaking.",
     "[name] on the helpline stayed on until I stopped shaking."),
])
def test_a_virtue_before_a_team_is_a_word(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A season comes round as a month does.
    ("Summer came round and she finally got a flat.", "Summer came round and she finally got a flat."),
    ("Winter came round and he moved out.", "Winter came round and he moved out."),
    ("Spring came round and she finally got a flat.", "Spring came round and she finally got a flat."),
    ("Autumn came round and she finally got a flat.", "Autumn came round and she finally got a flat."),
    # A word-name that is also a verb, before "the <role>" without a comma: a name only with a past verb after.
    ("Hope the interpreter comes next time.", "Hope the interpreter comes next time."),
    ("Love the new counsellor.", "Love the new counsellor."),
    ("Hope the social worker came to the school.", "[name] the social worker came to the school."),
    ("Hope the children's worker came round.", "[name] the children's worker came round."),
    ("Hope, the interpreter, was kind", "[name], the interpreter, was kind"),
    ("Mark the officer who came out was gentle", "[name] the officer who came out was gentle"),
    ("Will the officer who came be there?", "Will the officer who came be there?"),
    # A word for a child before a relative is the child.
    ("Baby's dad never pays.", "Baby's dad never pays."),
    ("the kid's dad never pays", "the kid's dad never pays"),
    # A title, initials with dots and a family name are one name.
    ("Dr. A. Khan saw me", "[name] saw me"),
    ("Dr I. Khan saw me", "[name] saw me"),
    ("Dr A.B. Khan's letter came", "[name]'s letter came"),
    ("I saw Dr A. The nurse was nice", "I saw [name]. The nurse was nice"),
])
def test_seasons_verbs_child_words_and_titled_initials(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A capitalised nickname after a relation, before what a person does.
    ("his mate Tank came round", "his mate [name] came round"),
    ("my mate Chopper has a van", "my mate [name] has a van"),
    ("my son Autistic and ADHD", "my son Autistic and ADHD"),
    ("I told my mum Everything", "I told my mum Everything"),
    # A lower-case word in no English list, opening a sentence before a service.
    ("caz from the recovery cafe is the reason im here", "[name] from the recovery cafe is the reason im here"),
    ("lol from the refuge", "lol from the refuge"),
])
def test_nicknames_after_a_relation_or_before_a_service(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A word-name with a possessive before a relative: only a person has a mum.
    ("Dean's mum keeps turning up", "[name]'s mum keeps turning up"),
    ("we saw Rose's sister at the shop", "we saw [name]'s sister at the shop"),
    ("the Dean's office called", "the Dean's office called"),
])
def test_a_word_name_before_a_relative_is_a_name(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A home named "The <plural>" after a word that goes there, a farm by its name, a church by its saint.
    ("the counsellor at The Cedars was kind", "the counsellor at [place] was kind"),
    ("I rang The Samaritans", "I rang The Samaritans"),
    ("I read it in The Times", "I read it in The Times"),
    ("I worked at Hillside Farm for two years", "I worked at [place] for two years"),
    ("eu trabalhava na Brookside Farm", "eu trabalhava na [place]"),
    ("we read Animal Farm at school", "we read Animal Farm at school"),
    ("we took the kids to the City Farm", "we took the kids to the City Farm"),
    ("she goes to St Mary's church every sunday", "she goes to [place] every sunday"),
    ("we met at st peters chapel", "we met at [place]"),
])
def test_named_homes_farms_and_saints_churches_are_places(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Welsh terraces, courts and paths by the word before their name.
    ("I live at 3 Rhes y Capel now", "I live at [address] now"),
    ("Mae hi'n byw yn 7 Teras Gwalia", "Mae hi'n byw yn [address]"),
    ("we moved to 12 Cwrt y Felin", "we moved to [address]"),
    ("he lives on Rhes y Capel", "he lives on [place]"),
])
def test_welsh_terraces_and_courts_are_addresses(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Other scripts: a word after a title, "بی بی" with its name, a Latin name opening a Bengali sentence,
    # a mosque or gurdwara by its name.
    ("میں ڈاکٹر ملک کے پاس گئی", "میں ڈاکٹر [name] کے پاس گئی"),
    ("میں ڈاکٹر کے پاس گئی", "میں ڈاکٹر کے پاس گئی"),
    ("فاطمہ بی بی نے میری مدد کی", "[name] نے میری مدد کی"),
    ("Rima আমার বন্ধু, সে আমাকে সাহায্য করেছে", "[name] আমার বন্ধু, সে আমাকে সাহায্য করেছে"),
    ("ذهبت إلى مسجد النور يوم الجمعة", "ذهبت إلى [place] يوم الجمعة"),
    ("وہ مسجد میں نماز پڑھتا ہے", "وہ مسجد میں نماز پڑھتا ہے"),
    ("ਅਸੀਂ ਗੁਰੂ ਨਾਨਕ ਗੁਰਦੁਆਰਾ ਜਾਂਦੇ ਹਾਂ", "ਅਸੀਂ [place] ਜਾਂਦੇ ਹਾਂ"),
    ("ਅਸੀਂ ਹਰ ਐਤਵਾਰ ਗੁਰਦੁਆਰੇ ਜਾਂਦੇ ਹਾਂ", "ਅਸੀਂ ਹਰ ਐਤਵਾਰ ਗੁਰਦੁਆਰੇ ਜਾਂਦੇ ਹਾਂ"),
])
def test_titles_honorifics_and_places_of_worship_in_other_scripts(text, expected):
    assert redacted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A stranger's answer of 2026-12-06 kept "Jo" at the start of a sentence: a name
        # that is also a word is a person before "who" or praised bare.
        ("Jo who does my mornings noticed before I did.", "[name] who does my mornings noticed before I did."),
        ("Jo was amazing", "[name] was amazing"),
        ("Pat was a star.", "[name] was a star."),
        ("Grace who ran the group believed me.", "[name] who ran the group believed me."),
        ("Hope was all I had.", "Hope was all I had."),
        ("Summer was lovely at the refuge.", "Summer was lovely at the refuge."),
        ("Doctor who saw me was kind.", "Doctor who saw me was kind."),
        ("Those who helped were kind.", "Those who helped were kind."),
        ("Jo, who runs the group, is lovely.", "[name], who runs the group, is lovely."),
        ("Jo's amazing.", "[name]'s amazing."),
        ("May who runs the art group is lovely", "[name] who runs the art group is lovely"),
        ("Jo has been so helpful.", "[name] has been so helpful."),
        # A virtue is a name when praised as only a person is; a feeling is never "a gem".
        ("Joy was a gem", "[name] was a gem"),
        ("Patience was such a gem at the desk.", "[name] was such a gem at the desk."),
        ("Hope was a lifeline.", "Hope was a lifeline."),
        ("Faith was my rock.", "Faith was my rock."),
        ("Love is a saint's gift.", "Love is a saint's gift."),
        # Words for a person, and common words, are not names before "who" or praise.
        ("Man who answered the phone was rude.", "Man who answered the phone was rude."),
        ("Son who is 12 saw everything.", "Son who is 12 saw everything."),
        ("Art was amazing, it helped me relax.", "Art was amazing, it helped me relax."),
        ("Yoga was brilliant.", "Yoga was brilliant."),
    ],
)
def test_a_name_that_is_a_word_starts_a_sentence_before_who_or_praise(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Round 32's stranger's set: a name before "the <role> at the <place>" and a past verb,
        # a faith leader's title at a sentence's start, and a family's shop as a workplace.
        ("Pat the receptionist at the GP clocked something was wrong.",
         "[name] the receptionist at the GP clocked something was wrong."),
        ("Will the receptionist at the GP be told?", "Will the receptionist at the GP be told?"),
        ("Pastor said to pray and stay.", "Pastor said to pray and stay."),
        ("Imam told me to go back to him.", "Imam told me to go back to him."),
        ("My pastor, John, helped me.", "My pastor, [name], helped me."),
        ("He turned up at my work, Bellingham's Bakery, three times.",
         "He turned up at my work, [place], three times."),
        ("I work at Patel's Newsagents on the corner.", "I work at [place] on the corner."),
        ("Sainsbury's Cafe was where we met the worker.", "Sainsbury's Cafe was where we met the worker."),
        ("The Women's Kitchen project fed us.", "The Women's Kitchen project fed us."),
        # Its second set, read after scoring: a saint's school in apposition, a word-name before "and his
        # colleague" or named by "it was ... who", a first name before a second name in Bengali script,
        # and charities and a language taken for names.
        ("My daughter's school, St Teilo's, let her change her name.",
         "My daughter's school, [place], let her change her name."),
        ("Will and his colleague came to the house.", "[name] and his colleague came to the house."),
        ("Honestly it was Sky who got me through it.", "Honestly it was [name] who got me through it."),
        ("It was Man who answered.", "It was Man who answered."),
        ("আমার কেসওয়ার্কার শাহানা বেগম আমাকে ফোন করতেন।", "আমার কেসওয়ার্কার [name] [name] আমাকে ফোন করতেন।"),
        ("Ffion from Bawso and Delroy at StepChange were brilliant.",
         "[name] from Bawso and [name] at StepChange were brilliant."),
        ("Polis hemen geldi ama kimse Türkçe konuşmuyordu.", "Polis hemen geldi ama kimse Türkçe konuşmuyordu."),
        # Its third set: Turkish dates and towns with a case ending, a lower-case word-name after a role and
        # before what a person does, a facilitator, and text-speak "woz" after a name.
        ("Polise 3 Mart günü bildirdim, duruşma 14 Şubat'ta.", "Polise [date] günü bildirdim, duruşma [date]'ta."),
        ("Enfield'deki belediye hiç yardımcı olmadı.", "[place]'deki belediye hiç yardımcı olmadı."),
        ("the youth worker sky was the only adult who listened",
         "the youth worker [name] was the only adult who listened"),
        ("my ex will find out", "my ex will find out"),
        ("Jo the Freedom Programme facilitator was lovely.", "[name] the Freedom Programme facilitator was lovely."),
        ("ma worker jen woz gr8", "ma worker [name] woz gr8"),
        ("THE SOCIAL WORKER DAWN TOLD MY EX.", "THE SOCIAL WORKER [name] TOLD MY EX."),
        ("MY WORKER WILL CALL ME", "MY WORKER WILL CALL ME"),
    ],
)
def test_round_32_strangers_sets(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A listed place of two words in Bengali script after an odd number of words (round 32's set).
        ("আমি টাওয়ার হ্যামলেটস-এ থাকি", "আমি [place]-এ থাকি"),
        # A pair never starts inside a word: "وزیراعظم" (prime minister) holds no "اعظم گڑھ".
        ("میرے وزیراعظم گڑھ", "میرے وزیراعظم گڑھ"),
        ("রুমানা আপা আমাকে টাওয়ার হ্যামলেটস-এর শেল্টারে নিয়ে গেছেন।", "[name] আপা আমাকে [place]-এর শেল্টারে নিয়ে গেছেন।"),
        ("میں ہیلی فیکس میں رہتی ہوں", "میں [place] میں رہتی ہوں"),
    ],
)
def test_a_listed_place_of_two_words_in_script_is_found_wherever_it_starts(text, expected):
    assert redact(text).text == expected


def test_round_33_script_cases_are_exact():
    """redaction_dev33_scripts.tsv (tuned-on): names after titles in Urdu, Bengali, Gurmukhi, Devanagari, Arabic and
    Persian script, places, Persian dates, and everyday words that are names, days or feasts, which stay."""
    benchmark = load_benchmark()
    rows = benchmark.load_rows(benchmark.DEV33)
    assert len(rows) >= 90
    wrong = [(row.text, redacted(row.text), row.expected) for row in rows if redacted(row.text) != row.expected]
    assert not wrong, wrong


def test_round_34_other_language_cases_are_exact():
    """redaction_dev34_multi.tsv (tuned-on): words that are names or feasts in other languages ("Soledad", "Umut",
    "Nadolig", "Kalėdas") kept as words and removed as names, towns after a word of another language or with a Turkish
    or Lithuanian ending, Arabic prefixes on names, Persian Gregorian dates, English schools after a foreign
    "school"."""
    benchmark = load_benchmark()
    rows = benchmark.load_rows(benchmark.DEV34_MULTI)
    assert len(rows) >= 50
    wrong = [(row.text, redacted(row.text), row.expected) for row in rows if redacted(row.text) != row.expected]
    assert not wrong, wrong


def test_round_35_other_language_cases_are_exact():
    """redaction_dev35_multi.tsv (tuned-on): word-names, feasts, countries and God in other languages ("Kalina",
    "Aydın", "Omid", "dydd Iau", "Pohela Boishakh", "Türkiye'de", "Alle") kept as words and removed as names; devotions
    before "do" ("Simran karna"), Somali "I am not", Portuguese verbs in "-ei", everyday Turkish, Spanish and Portuguese
    words that name lists hold ("Kocam beni", "hasta", "durante"); South Asian honorifics ("Jassi veer"), naming words
    ("al que le dicen Flaco"), Lithuanian genitives before kin ("Tomo brolis"), hyphenated case endings ("[name]-er"),
    house numbers after the street ("na Station Road 42"), hospitals and schools after a foreign kind ("no hospital
    [place]", "مدرسة [place]", "مستشفى سانت [...]"), Arabic kunyas and family names, and Persian "آقا" after a name."""
    benchmark = load_benchmark()
    rows = benchmark.load_rows(benchmark.DEV35_MULTI)
    assert len(rows) >= 75
    wrong = [(row.text, redacted(row.text), row.expected) for row in rows if redacted(row.text) != row.expected]
    assert not wrong, wrong


def test_round_36_other_language_cases_are_exact():
    """redaction_dev36_multi.tsv (tuned-on): Tigrinya, Amharic and Kurdish Sorani names after relations and titles
    ("ሰብኣየ [name]", "مامۆستا [name]"), their towns and dates ("بێلفاست", "3 ሰነ", "9ی ئازار") and the everyday words
    that are names there ("ئازاد" free, "ሰላም" peace); a UK town opening a sentence before a foreign word ("Boston
    policija"); titles of other languages taken with the name ("Dona Fátima", "Selin Hanım") but kept in lower case
    ("domnul [name]") and in Arabic script ("الشيخ [name]"); kunyas as one name ("Um Khalid"); "thank God" in
    Lithuanian and Romanian, Polish feasts after "w" ("w Wigilię") and cars by their model ("czarny Passat") kept;
    Ge'ez towns and a town after Spanish "a" (to)."""
    benchmark = load_benchmark()
    rows = benchmark.load_rows(benchmark.DEV36_MULTI)
    assert len(rows) >= 60
    wrong = [(row.text, redacted(row.text), row.expected) for row in rows if redacted(row.text) != row.expected]
    assert not wrong, wrong
    # A title left outside its label is no name when the text is redacted again ("domnul [name]").
    again = [row.expected for row in rows if redacted(row.expected) != row.expected]
    assert not again, again


def test_round_36_english_cases_are_exact():
    """redaction_dev36_en.tsv (tuned-on): a title before a surname at a place ("Dr Shah at Kingsmead surgery"),
    initials and nicknames by their cue ("JB from the course", "they call him Bullet"), a relation in brackets, kin
    titles, saints' schools and addresses in lower case, hyphened towns, outward codes after a town, named wards,
    halls and sites, local branches and services by their town, and look-alikes that stay ("lady at the jobcentre",
    "Labour Ward", "Web site", "Roma", "Tinder")."""
    benchmark = load_benchmark()
    rows = benchmark.load_rows(benchmark.DEV36_EN)
    assert len(rows) >= 30
    wrong = [(row.text, redacted(row.text), row.expected) for row in rows if redacted(row.text) != row.expected]
    assert not wrong, wrong


@pytest.mark.parametrize(
    "text, expected",
    [
        # Round 33's English stranger's set, read after scoring: towns named by common words where a town stands,
        # but not the words; a name before a respect word; a lower-case virtue-name after a role.
        ("the refuge in Reading was clean", "the refuge in [place] was clean"),
        ("got put in a B&B in Street near Glastonbury", "got put in a B&B in [place] near [place]"),
        ("we were in temp accom in Hope with no bus", "we were in temp accom in [place] with no bus"),
        ("Reading the letter made me cry.", "Reading the letter made me cry."),
        ("I have no hope left.", "I have no hope left."),
        ("The outreach office is on the High Street.", "The outreach office is on the High Street."),
        ("Finding Bolton House was luck.", "Finding [place] was luck."),
        ("Shahana apa at the womens centre was like a second mum",
         "[name] apa at the womens centre was like a second mum"),
        ("the social worker hope was alright tbh", "the social worker [name] was alright tbh"),
        ("the support worker will help", "the support worker will help"),
        # Two readings of one place overlap: one place, so a second redaction changes nothing.
        ("Sarah Street St Sarah Street", "[place]"),
        # Its other-language set: days of the week, apps as Polish inflects them, Lithuanian dates month first,
        # Turkish "was on" after a date.
        ("Marți am fost la GP, apoi iar în februarie.", "Marți am fost la GP, apoi iar în februarie."),
        ("Salı günü doktora gittim.", "Salı günü doktora gittim."),
        ("Mój były pisał do mnie na Instagramie mimo zakazu.", "Mój były pisał do mnie na Instagramie mimo zakazu."),
        ("Sausio 5 d. buvau teisme, o kovo 12 d. policija atvažiavo.",
         "[date] buvau teisme, o [date] policija atvažiavo."),
        ("2024 m. sausio 5-ąją jis vėl atėjo.", "[date] jis vėl atėjo."),
        ("Mahkeme 3 Nisan'daydı ama ertelendi.", "Mahkeme [date]'daydı ama ertelendi."),
    ],
)
def test_round_33_strangers_sets(text, expected):
    assert redact(text).text == expected
    assert redact(expected).text == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Round 33's third set, read after scoring: a Japanese family name after a title, a word-name who meets
        # someone, a name after "Sister", a number said aloud, and Welsh words that are no names.
        ("Ms Nakamura-Price on the duty desk was kind.", "[name] on the duty desk was kind."),
        ("Dawn met me at dawn outside the station.", "[name] met me at dawn outside the station."),
        ("Summer met my needs.", "Summer met my needs."),
        ("Sister Iman ran a women's circle.", "[name] ran a women's circle."),
        ("Father Christmas came to the refuge party.", "Father Christmas came to the refuge party."),
        ("I told her oh seven seven double oh nine hundred four five six.", "I told her [phone]."),
        ("One two three four five, the kids counted.", "One two three four five, the kids counted."),
        ("Ffoniodd Siân o'r tîm tai fi.", "Ffoniodd [name] o'r tîm tai fi."),
    ],
)
def test_round_33_third_set(text, expected):
    assert redact(text).text == expected
    assert redact(expected).text == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Round 34's English set, read after scoring: initials with dots, a Northern Ireland plate, a lower-case
        # sergeant, a possessive without its apostrophe, a neighbour, what someone said to the writer, a street named
        # by its kind after "no 12 on", and banks, charities and benefit terms that are no places or names.
        ("J.B. from the council never called.", "[name] from the council never called."),
        ("my ex (D.M.) is a prison officer", "my ex ([name]) is a prison officer"),
        ("we met at 9 A.M. at the U.K. office, D.O.B. on the form",
         "we met at 9 A.M. at the U.K. office, D.O.B. on the form"),
        ("he drives a black transit LXZ 4521", "he drives a black transit [vehicle]"),
        ("the officer who came out, sgt o'neill, laughed", "the officer who came out, [name], laughed"),
        ("the dr said i was fine", "the dr said i was fine"),
        ("kayleighs mum took me in", "[name]s mum took me in"),
        ("my mums house was the first place he looked", "my mums house was the first place he looked"),
        ("Dawn next door heard everything.", "[name] next door heard everything."),
        ("Hope next door is empty.", "Hope next door is empty."),
        ("mark said id never get the kids", "[name] said id never get the kids"),
        ("he kept turning up at no 12 on the Crescent", "he kept turning up at [address]"),
        ("at 10 the house was empty", "at 10 the house was empty"),
        ("Santander helped me open my own account.", "Santander helped me open my own account."),
        ("CAMHS, NSPCC, Barnardo's, the health visitor", "CAMHS, NSPCC, Barnardo's, the health visitor"),
        ("Nobody explained No Recourse to Public Funds to me.", "Nobody explained No Recourse to Public Funds to me."),
        # Its third set, scored after the freeze at bae806b: initials named as such, a handle of letters, dots and a
        # year, a Scottish county, feasts and everyday words of Lithuanian, Somali and Polish.
        ("please only use my kids initials, TJ and MJ, never their full names",
         "please only use my kids initials, [name] and [name], never their full names"),
        ("he made a new snapchat in my name, jess.x.o2003, so if you see that",
         "he made a new snapchat in my name, [handle], so if you see that"),
        ("originally from Fife, moved cos of him", "originally from [place], moved cos of him"),
        ("we were in the hostel over Hogmanay", "we were in the hostel over Hogmanay"),
        ("Ryte ant žolės buvo rasa. Per Kūčias jau jaučiau viltį.",
         "Ryte ant žolės buvo rasa. Per Kūčias jau jaučiau viltį."),
        ("Hadda waxaan haystaa nabad.", "Hadda waxaan haystaa nabad."),
        ("Mała rzecz, a dała mi nadzieję.", "Mała rzecz, a dała mi nadzieję."),
    ],
)
def test_round_34_english_set(text, expected):
    assert redact(text).text == expected
    assert redact(expected).text == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Round 35's English stranger's set, much of it in lower case, read after scoring. A local service's town
        # goes and the service stays, in any case, even a town that is also a word; a region's force stays.
        ("salford police didnt take it serious", "[place] police didnt take it serious"),
        ("officer at sale police station laughed at me", "officer at [place] police station laughed at me"),
        ("housing at kirklees council wouldnt move me", "housing at [place] council wouldnt move me"),
        ("waited 8 months for mcr crown court", "waited 8 months for [place] crown court"),
        ("Greater Manchester Police were good in the end", "Greater Manchester Police were good in the end"),
        ("the local police and the city council did nothing", "the local police and the city council did nothing"),
        ("went to leeds general with a broken wrist", "went to [place] general with a broken wrist"),
        # A town that is also a word where only a town stands: a court in it, a move from it.
        ("court at bury was awful", "court at [place] was awful"),
        ("magistrates in stoke wouldnt let me use a screen", "magistrates in [place] wouldnt let me use a screen"),
        ("moved from reading to a refuge and reading the leaflets helped",
         "moved from [place] to a refuge and reading the leaflets helped"),
        ("the police in general were fine", "the police in general were fine"),
        # Police ranks in lower case before a family name; "pc" is also a computer.
        ("pc dunne gave me a leaflet and left", "[name] gave me a leaflet and left"),
        ("ds patel kept me updated", "[name] kept me updated"),
        ("the police were rude esp dc r jones", "the police were rude esp [name]"),
        ("my pc crashed and pc games are all he does", "my pc crashed and pc games are all he does"),
        ("the pc said it was a civil matter", "the pc said it was a civil matter"),
        # Lower-case streets by their short forms.
        ("contact centre on albert rd is where handovers happened",
         "contact centre on [place] is where handovers happened"),
        # A word that is also a name where only a person stands.
        ("i told will everything and he told my ex", "i told [name] everything and he told my ex"),
        ("the people i told will know what to do", "the people i told will know what to do"),
        ("me and sky stayed at my nans", "me and [name] stayed at my nans"),
        ("me and mum went to the refuge", "me and mum went to the refuge"),
        ("ray next door had to ring them", "[name] next door had to ring them"),
        ("social worker precious made me feel it was my fault", "social worker [name] made me feel it was my fault"),
    ],
)
def test_round_35_english_set(text, expected):
    assert redact(text).text == expected
    assert redact(expected).text == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("میں Tesco میں کام کرتی ہوں", "میں [place] میں کام کرتی ہوں"),  # Urdu: the work word comes after
    ("وہ Sainsburys میں کام کرتا ہے", "وہ [place] میں کام کرتا ہے"),
    ("میں Asda پر کام کرتی ہوں", "میں [place] پر کام کرتی ہوں"),
    ("ਮੈਂ Tesco ਵਿੱਚ ਕੰਮ ਕਰਦੀ ਹਾਂ", "ਮੈਂ [place] ਵਿੱਚ ਕੰਮ ਕਰਦੀ ਹਾਂ"),  # Punjabi, Gurmukhi
    ("আমি Tesco তে কাজ করি", "আমি [place] তে কাজ করি"),  # Bengali
    ("আমি Tesco-তে কাজ করি", "আমি [place]-তে কাজ করি"),  # the suffix joined with a hyphen
    ("আমি Tesco-তে বাজার করি", "আমি Tesco-তে বাজার করি"),  # shopping there is no workplace
    ("Dw i'n gweithio yn Tesco", "Dw i'n gweithio yn [place]"),  # Welsh: before, as in English
    # Public employers and services are kept, as in English ("works for the NHS").
    ("میں NHS میں کام کرتی ہوں", "میں NHS میں کام کرتی ہوں"),
    ("وہ council میں کام کرتا ہے", "وہ council میں کام کرتا ہے"),
    ("আমি NHS এ কাজ করি", "আমি NHS এ কাজ করি"),
    ("وہ Tesco سے کھانا لاتا ہے", "وہ Tesco سے کھانا لاتا ہے"),  # shopping there is no workplace
])
def test_a_workplace_named_in_latin_letters_inside_another_language(text, expected):
    assert redact(text).text == expected
