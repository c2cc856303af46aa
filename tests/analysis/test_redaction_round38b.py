"""Redaction, round 38b: a second stranger's held-out set (230 items, removed 0.917, kept 0.994) was scored after
round 38, and its misses read. Each fix is tested here on new sentences, with the look-alike beside it: the word
that must stay, and the name or place that must still go."""

from __future__ import annotations

import pytest

from analysis.redaction.lexicon import key, lexicon
from tests.analysis.redaction_checks import exact_and_stable, load_benchmark, redacted

# --- 1. Everyday words kept -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # Lithuanian "Tai" (that) and "Kai" (when), Portuguese "Ela" (she) and "Uma" (a) opening a sentence of an answer
    # in that language: words, though listed names elsewhere.
    ("Policija atvažiavo vėlai. Tai buvo jau trečias kartas, kai jis mane sumušė.",
     "Policija atvažiavo vėlai. Tai buvo jau trečias kartas, kai jis mane sumušė."),
    ("Kai jis išėjo, aš paskambinau policijai ir jie atvažiavo po valandos.",
     "Kai jis išėjo, aš paskambinau policijai ir jie atvažiavo po valandos."),
    ("Minha vizinha chamou a polícia. Ela viu tudo pela janela do quarto.",
     "Minha vizinha chamou a polícia. Ela viu tudo pela janela do quarto."),
    ("Uma amiga me levou ao abrigo e ficou comigo a noite toda.",
     "Uma amiga me levou ao abrigo e ficou comigo a noite toda."),
    # In an English answer, or in another language's answer, the same word opening a sentence is a person.
    ("Tai from the refuge rang me back the same day.", "[name] from the refuge rang me back the same day."),
    ("Ela told me about the helpline and came with me to the GP.",
     "[name] told me about the helpline and came with me to the GP."),
    ("Ela bana çok yardım etti, sığınma evine götürdü.", "[name] bana çok yardım etti, sığınma evine götürdü."),
])
def test_a_common_word_opening_a_sentence_in_its_language_is_no_name(text, expected):
    exact_and_stable(text, expected)


def test_the_languages_frequent_words_are_listed_with_their_word_names():
    lex = lexicon()
    assert {"tai", "kai"} <= lex.everyday_word_names["lt"]
    assert {"ela", "uma"} <= lex.everyday_word_names["pt"]
    assert "buvo" in lex.language_words["lt"]
    # A name English uses often is none of them ("Adam" is also Turkish "man").
    assert "adam" not in lex.everyday_word_names["tr"]


@pytest.mark.parametrize(("text", "expected"), [
    # Welsh: "Dywedodd" (said), "Mae" (is), "Gogledd" (north) are words; a police force's or a county council's Welsh
    # name is kept whole, as "North Wales Police" is.
    ("Dywedodd y cyfreithiwr fod popeth yn iawn, ond mae'r plant yn dal yn ofnus.",
     "Dywedodd y cyfreithiwr fod popeth yn iawn, ond mae'r plant yn dal yn ofnus."),
    ("Mae Heddlu De Cymru wedi bod yn dda gyda fi a'r plant.",
     "Mae Heddlu De Cymru wedi bod yn dda gyda fi a'r plant."),
    ("Gogledd Cymru yw ein cartref ni ers blynyddoedd, ond does dim lloches yn agos.",
     "Gogledd Cymru yw ein cartref ni ers blynyddoedd, ond does dim lloches yn agos."),
    ("Roedd y gweithiwr yn garedig. Mae Cyngor Sir Penfro wedi helpu gyda'r tŷ.",
     "Roedd y gweithiwr yn garedig. Mae Cyngor Sir Penfro wedi helpu gyda'r tŷ."),
    # A name after a relation still goes.
    ("Mae fy mrawd Dafydd yn byw gyda ni nawr.", "Mae fy mrawd [name] yn byw gyda ni nawr."),
])
def test_welsh_everyday_words_and_public_bodies_stay(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Persian: a verb with "not" after a role ("the social worker did not come") is no name; a name there goes.
    ("مددکار نیامد و من تنها ماندم.", "مددکار نیامد و من تنها ماندم."),
    ("مددکار مریم آمد و با من حرف زد.", "مددکار [name] آمد و با من حرف زد."),
    # Panjabi: "the school lady did" after "-wala" names nobody; a sister's name before the ergative goes.
    ("ਸਕੂਲ ਵਾਲੀ ਬੀਬੀ ਨੇ ਮੇਰੀ ਬਹੁਤ ਮਦਦ ਕੀਤੀ।", "ਸਕੂਲ ਵਾਲੀ ਬੀਬੀ ਨੇ ਮੇਰੀ ਬਹੁਤ ਮਦਦ ਕੀਤੀ।"),
    ("ਮੇਰੀ ਭੈਣ ਹਰਪ੍ਰੀਤ ਨੇ ਪੁਲਿਸ ਨੂੰ ਫ਼ੋਨ ਕੀਤਾ।", "ਮੇਰੀ ਭੈਣ [name] ਨੇ ਪੁਲਿਸ ਨੂੰ ਫ਼ੋਨ ਕੀਤਾ।"),
    # Arabic: a word with nunation ("كثيراً" a lot, "لطيفاً" kind) after a name or a role is no name.
    ("ساعدني المحامي سامي كثيراً في المحكمة.", "ساعدني المحامي [name] كثيراً في المحكمة."),
    ("كان الموظف لطيفاً معي وشرح كل شيء.", "كان الموظف لطيفاً معي وشرح كل شيء."),
    # Turkish: "my doctor" before a title is no name; a name after "my husband" goes.
    ("Doktorum Bayan Wilson beni dikkatle dinledi.", "Doktorum [name] beni dikkatle dinledi."),
    ("Kocam Ahmet beni her gün tehdit ediyor.", "Kocam [name] beni her gün tehdit ediyor."),
])
def test_words_around_names_in_other_scripts_and_turkish_stay(text, expected):
    exact_and_stable(text, expected)


def test_arabic_keys_leave_out_short_vowels():
    assert key("كثيراً") == key("كثيرا")
    assert "كثيرا" in lexicon().foreign_words


@pytest.mark.parametrize(("text", "expected"), [
    # A feast is a day of the year, not a place; a two-word place still goes.
    ("We had a huge row on Boxing Day and he threw the tree at me.",
     "We had a huge row on Boxing Day and he threw the tree at me."),
    ("He always gets worse around Bonfire Night.", "He always gets worse around Bonfire Night."),
    ("She moved to Kings Heath after the court case.", "She moved to [place] after the court case."),
])
def test_a_feast_day_is_no_place(text, expected):
    exact_and_stable(text, expected)


# --- 2. Welsh dates in words ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Cafodd e ei arestio ar y pedwerydd o Fehefin ond roedd e allan erbyn y bore.",
     "Cafodd e ei arestio ar y [date] ond roedd e allan erbyn y bore."),
    ("Mae'r gwrandawiad nesaf ar yr unfed ar ddeg o Dachwedd.", "Mae'r gwrandawiad nesaf ar yr [date]."),
    ("Roedd y llys ar y trydydd o Ebrill.", "Roedd y llys ar y [date]."),
    # An ordinal that counts, and a month alone, stay.
    ("Fi oedd y trydydd o bump o blant yn y teulu.", "Fi oedd y trydydd o bump o blant yn y teulu."),
    ("Symudon ni ym mis Ebrill.", "Symudon ni ym mis Ebrill."),
])
def test_welsh_dates_in_words(text, expected):
    exact_and_stable(text, expected)


# --- 3. Romanised Urdu: a listed name before "ke paas" ------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("mere saare kagzaat imran ke paas hain, woh wapas nahi de raha",
     "mere saare kagzaat [name] ke paas hain, woh wapas nahi de raha"),
    ("bachay nadia ke ghar hain", "bachay [name] ke ghar hain"),
    # "Everyone has" stays.
    ("ab sab ke paas mera naya number hai", "ab sab ke paas mera naya number hai"),
])
def test_romanised_urdu_name_before_ke_paas(text, expected):
    exact_and_stable(text, expected)


# --- 4. A town's police station, with the force by its short name -------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("GMP kept me waiting at Stockport station for four hours with the kids.",
     "GMP kept me waiting at [place] station for four hours with the kids."),
    ("PSNI came out but I had to go down to Newry station to give a statement.",
     "PSNI came out but I had to go down to [place] station to give a statement."),
    # "Police" alone, or a train, leaves a railway station.
    ("The police met me at Leeds station when I got off the train.",
     "The police met me at Leeds station when I got off the train."),
    ("the police came and I went to Victoria station", "the police came and I went to Victoria station"),
])
def test_a_town_station_with_the_force_named(text, expected):
    exact_and_stable(text, expected)


def test_round_38b_rows_of_the_dev_corpus_are_exact():
    """redaction_dev38.tsv's last 17 rows (round 38b, tuned-on) are checked with the rest by test_redaction_round38;
    here they are counted, so none is dropped unnoticed."""
    benchmark = load_benchmark()
    rows = benchmark.load_rows(benchmark.DEV38)
    assert len(rows) >= 61
    wrong = [(row.text, redacted(row.text), row.expected) for row in rows[-17:] if redacted(row.text) != row.expected]
    assert not wrong, wrong
