"""Redaction, round 38: a stranger's held-out set (274 items, removed 0.839, kept 0.990) was scored once, and
its misses read. Each fix is tested here on new sentences, with the look-alike that must stay beside it."""

from __future__ import annotations

import pytest

from tests.analysis.redaction_checks import exact_and_stable, load_benchmark, redacted

# --- 1. Ordinary words kept -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # A hyphen joining letters makes one word: "x-ray" is no network "x" and its user.
    ("the nurse x-rayed both ankles and said nothing", "the nurse x-rayed both ankles and said nothing"),
    ("I needed two x-rays after he pushed me", "I needed two x-rays after he pushed me"),
    ("she was a bit snap-happy with her phone", "she was a bit snap-happy with her phone"),
    # The network with its user still goes.
    ("he messages me on x - dazzler_77 is his name", "he messages me on x - [handle] is his name"),
    ("his snap is kaz.b.99", "his snap is [handle]"),
])
def test_a_hyphened_word_is_no_network_handle(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Bengali: a verb before the danda that ends the sentence is a word, not a name ("the lawyer did not come.").
    ("আমার উকিল আসেনি।", "আমার উকিল আসেনি।"),
    ("কাল রাতে পুলিশ আসেনি।", "কাল রাতে পুলিশ আসেনি।"),
    # A name before the danda goes, and the danda stays.
    ("আমার বোনের নাম রুমানা।", "আমার বোনের নাম [name]।"),
    ("मेरी बहन का नाम सुनीता है।", "मेरी बहन का नाम [name] है।"),
])
def test_the_danda_is_no_part_of_a_word(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Bengali: an everyday noun with a case ending before "school" is no place ("my children's school",
    # "the women's school").
    ("ওরা আমার বাচ্চাদের স্কুলে খবর দিয়েছে", "ওরা আমার বাচ্চাদের স্কুলে খবর দিয়েছে"),
    ("মহিলাদের স্কুলে ক্লাস হয়", "মহিলাদের স্কুলে ক্লাস হয়"),
    # A town with a case ending still goes.
    ("আমার ছেলে ওল্ডহ্যামের স্কুলে পড়ে", "আমার ছেলে [place] স্কুলে পড়ে"),
])
def test_a_bengali_everyday_word_with_an_ending_is_no_place(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Arabic: a listed name that is a frequent word ("هادئ" calm, "أفضل" better, "أكبر" bigger) needs a person's cue.
    ("قال الجيران إنه شخص هادئ جدا", "قال الجيران إنه شخص هادئ جدا"),
    ("الملجأ أفضل من البيت", "الملجأ أفضل من البيت"),
    ("أولادي أكبر الآن", "أولادي أكبر الآن"),
    # After a relation or a title it is the name.
    ("أخي أشرف اتصل بالشرطة", "أخي [name] اتصل بالشرطة"),
    ("صديقي أكبر ساعدني", "صديقي [name] ساعدني"),
])
def test_an_arabic_word_that_is_a_name_needs_a_cue(text, expected):
    exact_and_stable(text, expected)


# --- 2. Chinese -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # Dates: year, month and day, or month and day, in digits or characters; a month with its year stays.
    ("他2023年11月20日又来了", "他[date]又来了"),
    ("12月3号那天警察没来", "[date]那天警察没来"),
    ("十月二十一日我搬走了", "[date]我搬走了"),
    ("2023年11月我搬家了", "2023年11月我搬家了"),
    ("他3个月没给孩子钱", "他3个月没给孩子钱"),
    # Handles, emails and codes touch the characters around them.
    ("他用@wang_lei88给我发信息", "他用[handle]给我发信息"),
    ("我的邮箱是mei.chen@qq.com，谢谢", "我的邮箱是[email]，谢谢"),
    ("法院的文件号是FD23P01234吗", "法院的文件号是[number]吗"),
    # A name in Latin letters inside Chinese is a name; a shop in Latin letters is not.
    ("社工Sarah帮我找了律师", "社工[name]帮我找了律师"),
    ("我在Tesco工作了三年", "我在Tesco工作了三年"),
])
def test_chinese_dates_handles_codes_and_latin_names(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A family name before a title is a name; the title stays.
    ("我去找张医生，他很好", "我去找[name]医生，他很好"),
    ("一位刘律师帮了我很多", "一位[name]律师帮了我很多"),
    ("陈警官来得很快", "[name]警官来得很快"),
    # The title alone, or after a word that is no family name, stays.
    ("那位医生很好，和医生谈了以后我好多了", "那位医生很好，和医生谈了以后我好多了"),
    ("警官说这不归他们管", "警官说这不归他们管"),
    # After a relation, a word that goes on with the sentence is no part of the name.
    ("我丈夫王伟经常打我", "我丈夫[name]经常打我"),
    ("我前夫刘洋已经搬走了", "我前夫[name]已经搬走了"),
    ("我丈夫王小明打我", "我丈夫[name]打我"),
])
def test_chinese_titles_and_where_a_name_ends(text, expected):
    exact_and_stable(text, expected)


# --- 3. Dates and reference numbers -----------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # Bengali ordinals of the day: 1লা, 2রা, 4ঠা, 5ই, 19শে.
    ("১লা মার্চ থেকে আমি রিফিউজে আছি", "[date] থেকে আমি রিফিউজে আছি"),
    ("শুনানি ছিল ২১শে জুন", "শুনানি ছিল [date]"),
    ("৫ই দিন পরে সে ফিরে এল", "৫ই দিন পরে সে ফিরে এল"),
    # A day and month of two digits after another language's "on", "since", "only on".
    ("Wezwanie przyszło dopiero 21.02, za późno.", "Wezwanie przyszło dopiero [date], za późno."),
    ("Mieszkam tu od 03.09 i nikt nie pomógł.", "Mieszkam tu od [date] i nikt nie pomógł."),
    ("Audierea a fost mutată din 12.05 fără să mă anunțe.", "Audierea a fost mutată din [date] fără să mă anunțe."),
    # A time or a price stays.
    ("Spotkanie jest o 14.05 i trwa od 10.05 do 12.30.", "Spotkanie jest o 14.05 i trwa od 10.05 do 12.30."),
    ("Bilet kosztował na 12.10 zł więcej.", "Bilet kosztował na 12.10 zł więcej."),
    ("I want to do 10.05 now", "I want to do 10.05 now"),
])
def test_bengali_ordinals_and_day_month_in_other_languages(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("Policijos pranešimo numeris LT-40921, prašau", "Policijos pranešimo numeris [number], prašau"),
    ("O número do processo é 44821/23.", "O número do processo é [number]."),
    ("Mi expediente AB-2231 sigue abierto", "Mi expediente [number] sigue abierto"),
    ("Dosya numarası 2024/5512 olan dava", "Dosya numarası [number] olan dava"),
    ("我的报案号是77120，可是没人管", "我的报案号是[number]，可是没人管"),
    # A helpline's short number after "número" stays, and so does a count.
    ("Liguei para o número 190 duas vezes", "Liguei para o número 190 duas vezes"),
    ("numeris 5 buvo mano", "numeris 5 buvo mano"),
])
def test_a_reference_after_another_languages_word_for_number(text, expected):
    exact_and_stable(text, expected)


# --- 4. Towns in lower case, misspelt, after an address -----------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # A police officer works in a town, as a court stands in one; a town that is also a word stays elsewhere.
    ("his uncle is a copper in bath so nobody listens", "his uncle is a copper in [place] so nobody listens"),
    ("her dad is a police officer in hull", "her dad is a police officer in [place]"),
    ("the hull of the boat was rotten", "the hull of the boat was rotten"),
    ("the officer in charge never rang", "the officer in charge never rang"),
    # After police talk, a town before "station" is the police station; a train's station stays.
    ("the cops were useless so i went to doncaster station myself",
     "the cops were useless so i went to [place] station myself"),
    ("i got the train to doncaster station and the police met me",
     "i got the train to doncaster station and the police met me"),
    ("we waited at doncaster station for hours", "we waited at doncaster station for hours"),
    # "Of" in romanised Urdu between a town and its police.
    ("oldham ki police ne kuch nahi kiya", "[place] ki police ne kuch nahi kiya"),
    ("meri behen ki police se baat hui", "meri behen ki police se baat hui"),
])
def test_lower_case_towns_by_their_cue(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("we moved to nottinghm last year", "we moved to [place] last year"),
    ("the hearing at sheffeild crown court took all day", "the hearing at [place] crown court took all day"),
    ("stayed in a b&b in stockprt for a week", "stayed in a b&b in [place] for a week"),
    # A misspelt English word stays.
    ("he was in hospitl for a week", "he was in hospitl for a week"),
    ("i went to schol late", "i went to schol late"),
])
def test_a_misspelt_town_after_a_cue(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("send it to 7 hazel court, tadcaster please", "send it to [address], [place] please"),
    ("post goes to flat 2, 19 elm road, oak lane, rotherham now",
     "post goes to [address], [place], [place] now"),
    ("i lived at 14 Birch Grove, and he knew it", "i lived at [address], and he knew it"),
    # A date is hidden as an address is: a town that is a word after it stays a word.
    ("On 3rd March, reading the letter, I cried", "On [date], reading the letter, I cried"),
])
def test_a_street_or_town_after_an_address(text, expected):
    exact_and_stable(text, expected)


# --- 5. Tamil ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # A name after a relation or a title, before an honorific, or with a case ending.
    ("என் மனைவி கவிதா வீட்டில் இல்லை", "என் மனைவி [name] வீட்டில் இல்லை"),
    ("என் முன்னாள் கணவர் தினேஷ் என்னை மிரட்டுகிறார்", "என் முன்னாள் கணவர் [name] என்னை மிரட்டுகிறார்"),
    ("திருமதி பிரேமா உதவினார்", "திருமதி [name] உதவினார்"),
    ("மீனா அக்கா என்னுடன் நீதிமன்றம் வந்தார்", "[name] அக்கா என்னுடன் நீதிமன்றம் வந்தார்"),
    ("நான் சுரேஷிடம் எல்லாம் சொன்னேன்", "நான் [name] எல்லாம் சொன்னேன்"),
    ("கவிதாவுக்கு போன் செய்தேன்", "[name] போன் செய்தேன்"),
    # After a relation or a role, a frequent word or a verb is none; kin alone stays.
    ("என் கணவர் அடித்தார்", "என் கணவர் அடித்தார்"),
    ("மருத்துவர் மிகவும் அன்பாக பேசினார்", "மருத்துவர் மிகவும் அன்பாக பேசினார்"),
    ("என் அம்மா என்னுடன் இருந்தார்", "என் அம்மா என்னுடன் இருந்தார்"),
    # Names that are everyday words need a cue: "good", "hour", "king".
    ("அவர் நல்ல மனிதர், இரண்டு மணி நேரம் காத்திருந்தேன்", "அவர் நல்ல மனிதர், இரண்டு மணி நேரம் காத்திருந்தேன்"),
    ("என் தம்பி ராஜா உதவினான்", "என் தம்பி [name] உதவினான்"),
])
def test_tamil_names(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # UK towns as Tamil writes them, also with an ending of place.
    ("நாங்கள் வெம்பிளியில் வசிக்கிறோம்", "நாங்கள் [place] வசிக்கிறோம்"),
    ("கிராய்டன் காவல் நிலையம் உதவவில்லை", "[place] காவல் நிலையம் உதவவில்லை"),
    ("அவன் ஈஸ்ட் ஹாம் பக்கம் வருவான்", "அவன் [place] பக்கம் வருவான்"),
    ("நான் லண்டனிலிருந்து வந்தேன்", "நான் [place] வந்தேன்"),
    ("அம்மா ஹாரோவில் இருக்கிறார்", "அம்மா [place] இருக்கிறார்"),
    # Everyday words stay.
    ("காவல் நிலையத்தில் யாரும் தமிழ் பேசவில்லை", "காவல் நிலையத்தில் யாரும் தமிழ் பேசவில்லை"),
])
def test_tamil_towns(text, expected):
    exact_and_stable(text, expected)


# --- 6. Turkish typed without apostrophes ---------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # A listed name with a case ending after kin; a verb after a lower-case name is no family name.
    ("ablam zeyneple konuştum, o da polisi aradı", "ablam [name] konuştum, o da polisi aradı"),
    ("oğlum mehmeti okuldan aldım", "oğlum [name] okuldan aldım"),
    ("kocam hasan geldi ve bağırdı", "kocam [name] geldi ve bağırdı"),
    ("annem kapıyı açmadı", "annem kapıyı açmadı"),
    # A town with an ending joined to it, in any case.
    ("sonra leicesterdan taşındık", "sonra [place] taşındık"),
    ("şimdi Boltonda oturuyorum", "şimdi [place] oturuyorum"),
    ("evde kaldım, marketten ekmek aldım, hastanede bekledim",
     "evde kaldım, marketten ekmek aldım, hastanede bekledim"),
])
def test_turkish_names_and_towns_with_joined_endings(text, expected):
    exact_and_stable(text, expected)


def test_round_38_cases_are_exact():
    """redaction_dev38.tsv (tuned-on): every fix above in new sentences, English and nine other languages, each with
    the look-alike that stays; and redacting the expected text again changes nothing."""
    benchmark = load_benchmark()
    rows = benchmark.load_rows(benchmark.DEV38)
    assert len(rows) >= 40
    wrong = [(row.text, redacted(row.text), row.expected) for row in rows if redacted(row.text) != row.expected]
    assert not wrong, wrong
    again = [row.expected for row in rows if redacted(row.expected) != row.expected]
    assert not again, again
