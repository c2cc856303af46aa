"""The language of free text, detected offline (analysis.language), and the shape-found
identifiers (phones, emails, postcodes, handles, links) removed whatever the language (issue 16, part 3)."""

from __future__ import annotations

import socket

import pytest

from analysis import language
from analysis.language import detect_language, english_name, needs_reader
from analysis.redaction import redact

SAMPLES = {
    "en": "My worker was very kind and she listened to me every week.",
    "cy": "Roedd fy ngweithiwr yn garedig iawn ac fe wrandawodd arnaf bob wythnos.",
    "pl": "Pracownica była bardzo miła i wysłuchała mnie w każdym tygodniu.",
    "ur": "میری کارکن بہت مہربان تھی اور اس نے ہر ہفتے میری بات سنی۔",
    "pa": "ਮੇਰੀ ਵਰਕਰ ਬਹੁਤ ਦਿਆਲੂ ਸੀ ਅਤੇ ਉਸਨੇ ਹਰ ਹਫ਼ਤੇ ਮੇਰੀ ਗੱਲ ਸੁਣੀ।",
    "ro": "Lucrătoarea a fost foarte amabilă și m-a ascultat în fiecare săptămână.",
    "bn": "আমার কর্মী খুব দয়ালু ছিলেন এবং প্রতি সপ্তাহে আমার কথা শুনেছিলেন।",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_each_shipped_language_is_detected(code):
    assert detect_language(SAMPLES[code]) == code


def test_english_with_a_word_of_another_language_stays_english():
    assert detect_language("The staff at the refuge were lovely, dziękuję") == "en"
    assert detect_language("My ex Łukasz Wiśniewski hit me and the refuge helped") == "en"


def test_too_little_text_is_no_guess():
    assert detect_language("ok thanks") == "" and detect_language("") == ""
    # Redaction's labels are not words of the answer.
    assert detect_language("[name] [phone] [place]") == ""


def test_only_english_and_welsh_are_read():
    assert not needs_reader("en") and not needs_reader("cy") and not needs_reader("")
    assert needs_reader("pl") and needs_reader("bn")
    assert english_name("pl") == "Polish" and english_name("pa") == "Panjabi"


def test_nothing_is_fetched_at_run_time(monkeypatch):
    """The models ship in the wheel: a detector built with the network cut still works."""
    def no_network(*args, **kwargs):
        raise AssertionError("language detection tried to open a connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    language._detector.cache_clear()
    try:
        assert detect_language(SAMPLES["ro"]) == "ro"
    finally:
        language._detector.cache_clear()


# Phone numbers, emails, postcodes, handles and links in each offered language; digits of the
# language's own script ("০৭৭০০") count as digits.
IDENTIFIERS = {
    "cy": ("Ffoniwch fi ar 07700 900123 neu e-bostiwch jo.bloggs@example.com, cod post CF10 1AA, "
           "snap: dazzaboy_99, gwefan www.myblog.example.com", "Ffoniwch fi ar [phone] neu e-bostiwch [email], "
           "cod post [postcode], snap: [handle], gwefan [link]"),
    "pl": ("Zadzwoń: +48 512 345 678 albo 07700 900123, mail ania.kowalska@example.pl, kod BB1 7DX, "
           "insta @ania_k99, strona https://example.pl/ania", "Zadzwoń: [phone] albo [phone], mail [email], "
           "kod [postcode], insta [handle], strona [link]"),
    "ro": ("Sunați la 0040 722 123 456, email maria.pop@example.ro, cod poștal M14 5RT, "
           "tiktok: maria_pop22, pagina www.example.ro/maria",
           "Sunați la [phone], email [email], cod poștal [postcode], tiktok: [handle], pagina [link]"),
    "ur": ("میرا نمبر ۰۷۷۰۰ ۹۰۰۱۲۳ ہے، ای میل ali.khan@example.com، پوسٹ کوڈ BB2 1AA، "
           "سنیپ @ali_k12", "میرا نمبر [phone] ہے، ای میل [email]، پوسٹ کوڈ [postcode]، سنیپ [handle]"),
    "pa": ("ਮੇਰਾ ਨੰਬਰ ੦੭੭੦੦ ੯੦੦੧੨੩ ਹੈ, ਈਮੇਲ preet.kaur@example.com, ਪੋਸਟਕੋਡ LS6 2QT, @preet_k99",
           "ਮੇਰਾ ਨੰਬਰ [phone] ਹੈ, ਈਮੇਲ [email], ਪੋਸਟਕੋਡ [postcode], [handle]"),
    "bn": ("আমার নম্বর ০৭৭০০ ৯০০১২৩, ইমেইল rina.begum@example.com, পোস্টকোড E1 6AN, ফেসবুক www.example.com/rina",
           "আমার নম্বর [phone], ইমেইল [email], পোস্টকোড [postcode], ফেসবুক [link]"),
}


@pytest.mark.parametrize("code", sorted(IDENTIFIERS))
def test_shaped_identifiers_are_removed_whatever_the_language(code):
    text, expected = IDENTIFIERS[code]
    assert redact(text).text == expected


def test_digits_of_other_scripts_keep_offsets_and_the_original_words():
    result = redact("نمبر ۰۷۷۰۰ ۹۰۰۱۲۳")
    [replacement] = result.replacements
    assert replacement.kind == "phone" and replacement.original == "۰۷۷۰۰ ۹۰۰۱۲۳"


@pytest.mark.parametrize(("text", "code"), [
    ("عمران خان نے کہا he wil kil me 2nite", "ur"),  # lingua alone said Romanian
    ("[name] نے کہا he wil kil me 2nite", "ur"),
    ("ਉਸਨੇ ਕਿਹਾ he will kill me", "pa"),
    ("আমাকে মেরে ফেলবে he said", "bn"),
    ("The staff were lovely, شکریہ بہت", "en"),
])
def test_a_script_only_one_language_uses_decides_a_mixed_answer(text, code):
    assert detect_language(text) == code
