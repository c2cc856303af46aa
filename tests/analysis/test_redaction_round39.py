"""Redaction, round 39: a stranger's held-out set (330 items, removed 0.933, kept 0.995) was scored at 0da1ac2, and
its misses read. Each fix is tested here on new sentences, with the look-alike beside it: the word that must stay,
and the name, place, date or number that must still go."""

from __future__ import annotations

import pytest

from analysis.redaction.lexicon import lexicon
from tests.analysis.redaction_checks import exact_and_stable, load_benchmark, redacted

# --- 1. Names after titles, initials and cues -------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # Cantonese family names that wordfreq holds as English words are family names after a title.
    ("Mrs Yeung at the GP surgery believed me straight away.", "[name] at the GP surgery believed me straight away."),
    ("the housing officer, Mr Tsang, lost my forms twice", "the housing officer, [name], lost my forms twice"),
    # A title before a word that names no one stays.
    ("he played Mr Nice Guy in front of the social worker", "he played Mr Nice Guy in front of the social worker"),
    # "Mr and Mrs" before a family name: the couple's name goes, the first title with no name stays.
    ("Mr and Mrs Okonkwo next door heard everything", "Mr and [name] next door heard everything"),
    ("they were Mr and Mrs Perfect to everyone else", "they were Mr and Mrs Perfect to everyone else"),
    # Initials after a title's initial are the name, dots and all.
    ("I am writing for Miss A.B., who cannot write in English.",
     "I am writing for [name], who cannot write in English."),
    ("he moved to the U.K. after we married", "he moved to the U.K. after we married"),
])
def test_names_after_titles(text, expected):
    exact_and_stable(text, expected)


def test_cantonese_family_names_are_listed():
    lex = lexicon()
    assert {"lau", "cheung", "leung", "yeung", "tsang", "chow"} <= lex.surnames
    assert not lex.is_ordinary("cheung")


@pytest.mark.parametrize(("text", "expected"), [
    # A family name that is a word, after a first name that follows a word only a person follows.
    ("the police told me about Shane Fox and his record", "the police told me about [name] and his record"),
    ("I was scared of Wayne Hardy for years", "I was scared of [name] for years"),
    # A month after the first name is no family name.
    ("I told them about Jodie in April", "I told them about [name] in April"),
    # A law named after a person, typed without its "'s", stays; a family name "Law" with its capital goes.
    ("the officer told me about Sarah law and how to apply", "the officer told me about Sarah law and how to apply"),
    ("his brother Craig Law kept driving past", "his brother [name] kept driving past"),
    # A word-name in lower case praised before "who" is one of the staff.
    ("everyone at the hub was kind, esp faith who came to court",
     "everyone at the hub was kind, esp [name] who came to court"),
    ("the lawyers were fine, especially the ones who phoned back",
     "the lawyers were fine, especially the ones who phoned back"),
])
def test_names_after_a_cue(text, expected):
    exact_and_stable(text, expected)


# --- 2. Places in English ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # A pub after a part of it.
    ("he punched me in the car park of the Dog and Partridge", "he punched me in the car park of the [place]"),
    ("the car park of the hospital was full", "the car park of the hospital was full"),
    # A town before a local group or area, even after "the".
    ("someone in the Skelmersdale community page named me", "someone in the [place] community page named me"),
    ("we moved out of the Blackburn area last spring", "we moved out of the [place] area last spring"),
    ("the Polish community here helped me find a lawyer", "the Polish community here helped me find a lawyer"),
    ("the whole area knows him", "the whole area knows him"),
])
def test_places_in_english(text, expected):
    exact_and_stable(text, expected)


# --- 3. Other languages -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # Portuguese and Spanish short titles with the name; the word in full without one stays.
    ("Falei com a Sra. Pereira na câmara.", "Falei com a [name] na câmara."),
    ("El Sr. Ortega no me creyó.", "El [name] no me creyó."),
    ("A senhora da câmara não me ligou.", "A senhora da câmara não me ligou."),
    # Tigrinya "my husband" in its commoner spelling before an unlisted name; a word after it stays.
    ("ሰብኣየይ ገብረሂወት ኣብ ገዛ ኣይነበረን።", "ሰብኣየይ [name] ኣብ ገዛ ኣይነበረን።"),
    # English names as Urdu writes them; "-wala" before the ergative names nobody.
    ("سوشل ورکر ہیلن نے مجھے فون کیا۔", "سوشل ورکر [name] نے مجھے فون کیا۔"),
    ("کونسل والے نے جواب نہیں دیا۔", "کونسل والے نے جواب نہیں دیا۔"),
    # Arabic "and" joined to a name that is also a word, after a name; the word alone stays.
    ("جاءت معي سلمى ومنى إلى الشرطة.", "جاءت معي [name] [name] إلى الشرطة."),
    ("منى الأطفال أن يعيشوا بسلام.", "منى الأطفال أن يعيشوا بسلام."),
    # A Persian word GeoNames holds as a town ("اوست", Ossett) stays; a town goes.
    ("ماشین مال اوست ولی من پول دادم.", "ماشین مال اوست ولی من پول دادم."),
])
def test_names_and_words_in_other_languages(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Neighbourhoods in Urdu and Bengali script, "-town" joined onto a name in Arabic.
    ("میری بہن سمال ہیتھ میں رہتی ہے۔", "میری بہن [place] میں رہتی ہے۔"),
    ("আমরা বেথনাল গ্রিন থেকে চলে এসেছি।", "আমরা [place] থেকে চলে এসেছি।"),
    ("انتقلنا إلى كوينزتاون السنة الماضية.", "انتقلنا إلى [place] السنة الماضية."),
    ("انتقلنا إلى بيت جديد السنة الماضية.", "انتقلنا إلى بيت جديد السنة الماضية."),
    # A lettered reference with five digits; a count per day stays.
    ("Xafiiska wuxuu i siiyay tixraac LDS/HX/40917.", "Xafiiska wuxuu i siiyay tixraac [number]."),
    ("the line is open 24/7 and the wait was 10/15 minutes", "the line is open 24/7 and the wait was 10/15 minutes"),
])
def test_places_and_references_in_other_languages(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Tamil: the month first or the day first; a month alone stays.
    ("ஜூலை 22 அன்று நான் வீட்டை விட்டு வெளியேறினேன்.", "[date] அன்று நான் வீட்டை விட்டு வெளியேறினேன்."),
    ("3 டிசம்பர் அன்று காவல்துறை வந்தது.", "[date] அன்று காவல்துறை வந்தது."),
    ("ஜூலை மாதம் முழுவதும் நான் பயந்தேன்.", "ஜூலை மாதம் முழுவதும் நான் பயந்தேன்."),
    # The day before the word for "date" in romanised Urdu, Urdu and Panjabi; years and counts stay.
    ("usne 21 tarikh ko phir dhamki di", "usne [date] ko phir dhamki di"),
    ("meri 20 tareekh ko hearing hai", "meri [date] ko hearing hai"),
    ("ਉਹ 8 ਤਾਰੀਖ ਨੂੰ ਘਰ ਆਇਆ।", "ਉਹ [date] ਨੂੰ ਘਰ ਆਇਆ।"),
    ("main 4 saal se akeli hoon", "main 4 saal se akeli hoon"),
])
def test_dates_in_other_languages(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A foreign name spelt by sound before a title; a nation, or a title after an ordinary word, stays.
    ("我跟帕特尔医生说了他打我的事。", "我跟[name]医生说了他打我的事。"),
    ("威尔士警察帮我找到了住处。", "威尔士警察帮我找到了住处。"),
    ("学校的老师很关心我的孩子。", "学校的老师很关心我的孩子。"),
    # A school named for a saint in traditional characters; Christmas and "the child's school" stay.
    ("她每天去聖瑪麗中學接女兒。", "她每天去[place]接女兒。"),
    ("聖誕節前他把我趕出家門。", "聖誕節前他把我趕出家門。"),
    ("他在女兒的學校門口等我。", "他在女兒的學校門口等我。"),
    # A plate touching Chinese characters; a sentence about the car stays.
    ("他开的车车牌是YX21KLM我记下来了。", "他开的车车牌是[vehicle]我记下来了。"),
    ("他开的车是黑色的。", "他开的车是黑色的。"),
])
def test_chinese_names_schools_and_plates(text, expected):
    exact_and_stable(text, expected)


# --- 4. The corpora -------------------------------------------------------------------------------


def test_round_39_dev_corpus_is_exact():
    """redaction_dev39.tsv (tuned-on): every row as expected, and redacting the expected text changes nothing."""
    benchmark = load_benchmark()
    rows = benchmark.load_rows(benchmark.DEV39)
    assert len(rows) >= 47
    wrong = [(row.text, redacted(row.text), row.expected) for row in rows if redacted(row.text) != row.expected]
    assert not wrong, wrong
    again = [row.expected for row in rows if redacted(row.expected) != row.expected]
    assert not again, again


def test_round_39_strangers_set_stays_fixed():
    """redaction_fresh39.tsv (tuned-on since): what is left are the stranger's choices the policy does not share (a
    sheriff court's town alone, "the Broadway" as a street every town has, titles inside [name])."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.FRESH39[0]))
    assert report["recall"] >= 0.99 and report["kept_rate"] >= 0.995, report["misses"]


@pytest.mark.parametrize(("text", "expected"), [
    # "That lady", "a woman" before the ergative: a person described, nobody named (Urdu, Gurmukhi, Hindi).
    ("اس خاتون نے میری پوری بات سنی", "اس خاتون نے میری پوری بات سنی"),
    ("ਇੱਕ ਔਰਤ ਨੇ ਫ਼ੋਨ ਚੁੱਕਿਆ", "ਇੱਕ ਔਰਤ ਨੇ ਫ਼ੋਨ ਚੁੱਕਿਆ"),
    ("उस औरत ने मेरी मदद की", "उस औरत ने मेरी मदद की"),
    # A name before the ergative still goes, after a relation too.
    ("رضوانہ نے میری مدد کی", "[name] نے میری مدد کی"),
    ("میری بہن عظمت نے پولیس کو بلایا", "میری بہن [name] نے پولیس کو بلایا"),
])
def test_a_person_described_before_the_ergative_is_no_name(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Somali "ima" (not... me) and "soo" (towards the speaker) in lower case are words, not a name and a family name.
    ("qofna ima soo wicin markii aan u baahnaa", "qofna ima soo wicin markii aan u baahnaa"),
    ("waxay ii soo direen warqad", "waxay ii soo direen warqad"),
    # After a relation, or capitalised, they are still names.
    ("my ex soo hit me in front of the kids", "my ex [name] hit me in front of the kids"),
    ("Ima from the refuge helped me move", "[name] from the refuge helped me move"),
])
def test_somali_words_that_are_also_names(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A misspelt verb after a relation, before "me" or "us", is what the relation did, not a name (final check).
    ("my ex strangeld me last nite", "my ex strangeld me last nite"),
    ("my partner chokd me wen i tried to leave", "my partner chokd me wen i tried to leave"),
    # An unlisted name after a relation still goes, before what the person did.
    ("my husband shamim hit me", "my husband [name] hit me"),
])
def test_a_misspelt_verb_after_a_relation_is_no_name(text, expected):
    exact_and_stable(text, expected)
