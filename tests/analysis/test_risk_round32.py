"""Danger now, round 32: a stranger's probe of 70 answers (its twin scored once before it was read) showed
false alarms on an idiom and a supposition, and every Turkish row missed; lists for Turkish,
Spanish, Lithuanian, Hindi and Persian followed (their rows: risk_languages_<code>.tsv). Here:
what the round changed beside those lists, and the misses of its second and third probes."""

from __future__ import annotations

from analysis.risk_languages import assess_languages, blank_denied
from tests.analysis.risk_checks import phrase_tests

DANGER = [
    ("en", "suicidal", "i could kill myself laughing at the group but some days i want to kill myself"),
    ("en", "imminent_contact", "he found out where i live and is outside"),
    ("pl", "feeling_unsafe_now", "nigdy nie czuję się bezpiecznie w domu, on wraca jutro"),
    ("pt", "feeling_unsafe_now", "socorro! ele está a bater na porta"),
    ("ar", "weapons", "كان معه موس وهددني"),
    ("tr", "feeling_unsafe_now",
     "Sığınma evinde yer yok dediler. Bu gece eve dönmek zorundayım, o çok sarhoş ve korkuyorum."),
    # The second and third probes' misses, read after each was scored once.
    ("en", "stalking_with_fear", "text from unknown number. means hes found the new place. refuge moved me 4 days ago"),
    ("en", "strangulation",
     "Practice nurse here. Patient seen with fingertip bruising on her neck, partner did it last night."),
    ("tr", "imminent_contact", "Eski kocam bugün çocukların okulunun önündeydi. Yarın yine gelecek, biliyorum."),
    ("ro", "stalking_with_fear", "fostul o urmareste de la munca si ieri a asteptat-o in fata casei"),
    ("es", "stalking_with_fear", "su pareja la vigila con una app en el móvil y siempre sabe dónde está"),
    ("hi", "trapped_or_controlled_now", "मैं अभी बच्चों के साथ एक कमरे में बंद हूँ।"),
    ("hi", "threat_to_kill_or_harm", "कल उन्होंने कहा कि मेरी बेटी को भी नहीं छोड़ेंगे"),
    # A worker "followed me up"; he followed me up the stairs.
    ("en", "stalking_with_fear", "he followed me up the stairs and grabbed me"),
]

SAFE = [
    ("en", "i kill myself laughing at the group on a wednesday, the peer support ladies are the best"),
    ("en", "if he ever did find out where i live id want to know the police would come fast. right now hes in "
           "scotland with no idea and the marker on my address gives me peace of mind"),
    ("es", "mi compañera Socorro me atendió y fue un amor"),
    ("pt", "a minha colega Maria do Socorro ajudou-me com os papéis"),
    ("es", "En el taller hablamos de estrangulamiento y de las amenazas, muy útil"),
    ("en", "my manager will kill me if im late again because of these appointments lol"),
    ("en", "The IDVA followed me up every week like clockwork, I never once felt alone."),
    ("en", "i thought i was going to die of nerves but the usher got me a screen"),
    ("en", "the stalking advocate showed me how to keep a diary and what to report"),
    ("pt", "A formação sobre violência doméstica foi excelente, aprendi sobre os sinais de estrangulamento."),
    ("pl", "Boję się zeznawać w sądzie w przyszłym miesiącu. Czy można zza parawanu?"),
    ("cy", "mae ofn arna i y bydd y cyngor yn colli fy ffurflen eto"),
]

test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)


def test_arabic_weapon_words_are_whole_words():
    # "فرد" is a gun in the Levant but "an individual" everywhere; "موس" (razor) is inside "موسيقى" and
    # Persian "موسسه"; Persian "فردا" is "tomorrow".
    for text in ["كل فرد له حق", "فردا میام", "موسسه خیلی خوب بود", "الموسيقى في المجموعة جميلة"]:
        assert not assess_languages(text, ("ar",)), text


def test_script_only_lists_need_a_letter_of_their_script():
    # The danda "।" is Panjabi's and Bengali's too: it does not make a text Hindi.
    assert not assess_languages("ਉਹ ਚੰਗਾ ਹੈ।", ("hi",))
    assert assess_languages("वो मुझे मार डालेगा", ("hi",))


def test_a_denied_phrase_of_a_list_is_blanked_for_the_reader():
    assert blank_denied("dw i ddim eisiau marw, dw i eisiau byw").split() == ["dw", "i", "ddim", ",", "dw", "i",
                                                                            "eisiau", "byw"]
    assert blank_denied("he said he would kill me") == "he said he would kill me"  # English is the rules' own
