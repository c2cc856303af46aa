"""Danger words in the other languages' lists (analysis.risk_languages): Welsh, Polish, Urdu, Panjabi, Romanian,
Bengali, Arabic, Somali, Portuguese, Turkish, Spanish, Lithuanian, Hindi, Persian, Tigrinya, Ukrainian, Tamil,
Chinese, Kurdish (Sorani), Gujarati and Amharic."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.risk import assess, assess_rules
from analysis.risk_languages import LANGUAGES, assess_languages, fold
from tests.analysis.risk_checks import assert_left_alone

# risk_welsh.tsv: Welsh as written in Wales, every category, with past, course and service negatives;
# risk_languages_<code>.tsv: the rows each later list was written with.
CORPORA = [Path(__file__).parent / "corpora" / name for name in ("risk_languages.tsv", "risk_welsh.tsv")] + sorted(
    (Path(__file__).parent / "corpora").glob("risk_languages_*.tsv"))


def _rows() -> list[tuple[str, bool, str, str]]:
    rows = []
    for corpus in CORPORA:
        lines = [line for line in corpus.read_text("utf-8").splitlines() if line and not line.startswith("#")]
        for line in lines[1:]:
            flagged, category, language, text = line.split("\t")
            rows.append((language, flagged == "1", category, text))
    return rows


ROWS = _rows()


def test_every_offered_language_has_positive_and_negative_rows():
    for language in LANGUAGES:
        labels = {flagged for lang, flagged, _, _ in ROWS if lang == language}
        assert labels == {True, False}, language


@pytest.mark.parametrize("language, flagged, category, text", ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_language_rows(language, flagged, category, text):
    given = assess(text, language)
    assert given.flagged == flagged, given
    if flagged:
        assert category in given.categories, given
    # With no language given every list is read, with the same verdict.
    assert assess(text).flagged == flagged


@pytest.mark.parametrize(
    "text, language",
    [
        ("Zabije cie", "pl"),  # no diacritics, as typed on many phones
        ("ZABIJĘ CIĘ", "pl"),
        ("ma omoara", "ro"),
        ("mă omoară", "ro"),
        ("Mae e'n fy nilyn i", "cy"),
        ("mujhe dar lag raha hai", "ur"),  # romanised Urdu
        ("ਉਹ ਮੈਨੂੰ ਮਾਰ ਦੇਵੇਗਾ", "pa"),
        # "Never" agrees with a negation that is itself the danger ("I never feel safe").
        ("nigdy nie czuję się bezpiecznie w domu", "pl"),
    ],
)
def test_spellings_people_type(text, language):
    assert assess(text, language).flagged


@pytest.mark.parametrize(
    "text, language",
    [
        ("Nigdy mi nie groził", "pl"),  # negation before
        ("সে আমাকে মারে না", "bn"),  # Bengali negation after the verb
        ("ਉਹ ਮੇਰੇ ਨਾਲ ਚੰਗਾ ਹੈ", "pa"),  # "ਨਾ" inside "ਨਾਲ" is not a negation, and nothing to flag
        ("Na kursie mówili o duszeniu", "pl"),  # a course
        ("Kiedyś się go bałam, ale to było wiele lat temu.", "pl"),  # long past
    ],
)
def test_frames_in_other_languages(text, language):
    assert_left_alone(text, language)


def test_a_given_language_narrows_the_lists_and_english_always_runs():
    polish = "Boję się go"
    assert assess(polish, "pl").flagged
    assert not assess_rules(polish, "cy").flagged  # the lists; the reader may still read "afraid of him"
    assert not assess_rules(polish, "en").flagged
    # People mix languages: English danger is found whatever language is given.
    assert assess("he said he would kill me", "pl").flagged


def test_english_words_in_other_lists_do_not_fire_on_english_text():
    # Words shared with English ("strangulation", "rape", "deport") are left to the English
    # rules, which know courses, services and the past.
    for text in ["The Freedom Programme taught us about strangulation", "Rape Crisis were brilliant",
                 "My husband was deported last year, now I am free"]:
        assert not assess_languages(text), text


def test_fold_drops_marks_people_leave_out():
    assert fold("Zabiję, ŁÓDŹ", "pl") == "zabije, lodz"
    assert fold("ştefan şi ţară", "ro") == "stefan si tara"
    assert fold("ي ك", "ur") == "ی ک"
    assert fold("ਜ਼ਬਰਦਸਤੀ", "pa") == "ਜਬਰਦਸਤੀ"


@pytest.mark.parametrize(
    "category, text",
    [
        ("threat_to_kill_or_harm", "bygythiodd fy lladd"),
        ("threat_to_kill_or_harm", "mae o am fy nghuro i heno"),
        ("strangulation", "gafaelodd yn fy ngwddf"),
        ("strangulation", "mi wnaeth o fy nhagu i"),
        ("weapons", "mae gynno fo gyllell"),
        ("weapons", "mae gyda fe wn yn y car"),
        ("imminent_contact", "mae o tu allan i'r ty rwan"),
        ("stalking_with_fear", "mae e'n fy nilyn i ac mae ofn arna i"),
        ("child_at_risk", "mae e'n taro'r plant"),
        ("suicidal", "dw i'n meddwl am ladd fy hun"),
        ("sexual_violence_recent", "treisiodd fi neithiwr"),
        ("trapped_or_controlled_now", "mae e wedi cloi fi yn y ty"),
        ("third_party_in_danger", "mae fy chwaer mewn perygl"),
        ("feeling_unsafe_now", "dw i ddim yn teimlo'n saff"),
    ],
)
def test_welsh_danger_in_every_category(category, text):
    found = assess(text, "cy")
    assert found.flagged and category in found.categories, found


@pytest.mark.parametrize(
    "text",
    [
        "roedd e'n arfer fy mygwth ond mae yn y carchar nawr a dw i'n saff",  # past, safe now
        "Roedd e'n arfer fy nilyn i ond mae gorchymyn llys nawr a dw i'n saff",
        "Roedd y daflen am drais rhywiol yn glir",  # a leaflet, mutated (taflen -> daflen)
        "Roedd y cwrs am dagu yn ddefnyddiol iawn",
        "Mae angen mwy o arian ar gyfer lloches yn y polisi newydd",
        "wn i ddim pryd mae'r cwrs nesaf",  # "wn" is "I know" here, not a gun
        "Ces i help i gael fy mhasbort yn ol",
    ],
)
def test_welsh_hard_negatives(text):
    assert not assess(text, "cy").flagged, assess(text, "cy")


def test_welsh_mutations_are_expanded_once_per_word():
    # ~word in the Welsh list matches the radical and its soft, nasal and aspirate forms.
    for text in ["cyllell", "gyllell", "nghyllell", "chyllell"]:
        assert assess(f"mae ganddo {text}", "cy").flagged, text
    for text in ["fy lladd", "ei ladd", "wedi fy nladd"]:
        assert assess(f"mae e'n mynd i {text}", "cy").flagged, text


# Round 35: Arabic and Persian typed in Latin letters (Arabizi, Finglish) are read by the `romanised` sections of their
# lists on every text ("ar-latn", "fa-latn"); their words must never fire on English or another Latin language.
@pytest.mark.parametrize(
    "text",
    [
        "We went to the Lebanese restaurant, the hummus was amazing and Jay bought a lightsaber for his son",
        "It felt safer for the children in Oman than in Iran, so we stayed there all summer",
        "The bra was on sale, hon, and the gay couple next door brought us a cake",
        "Sakina and Khan had a mocha in Hamra, then Rachel drove them home",
        "Pedimos algo en la barra del bar y luego fuimos a casa",  # Spanish "barra"
        "Kocamın silahı yok, sadece bağırıyor",  # Turkish "silah" is Turkish's own
        "Karibu nyumbani, chakula ni tayari",  # Swahili "chakula"
        "Wspięłam się po drabinie, żeby umyć okno",  # Polish "drabina"
        "My husband was deported last year, now I am free",
    ],
)
def test_romanised_arabic_and_persian_do_not_fire_on_other_latin_text(text):
    assert not [hit for hit in assess_languages(text) if hit.language.endswith("-latn")], text


@pytest.mark.parametrize(
    "text, language",
    [
        ("ra7 yi2telni iza 3eref weyn ana", "ar"),  # Levantine
        ("howa hay2tolni", "ar"),  # Egyptian
        ("bygtilni", "ar"),  # Gulf
        ("KHAYFEEEE KTIIIIR, huwe wa2ef barra", "ar"),  # held-down letters read twice
        ("mikhan mano bebaran Iran", "fa"),
        ("mikoshamet", "fa"),
    ],
)
def test_romanised_arabic_and_persian_flag(text, language):
    assert assess(text, language).flagged


@pytest.mark.parametrize(
    "text",
    [
        # Safe answers the lists leave alone (the reader may still need retraining on some of them).
        "ajbarni el mudir a3mel overtime kel el jem3a",  # "forced me" to work overtime: a weak cue alone
        "ma 3ando sla7 w 3omro ma hadadni",  # negated
        "akhad el wlad 3al madrase w rje3 3al shoghl",  # took the children to school
        "huwe barra el balad halla2 w ma fi tawasol beinatna",  # abroad, no contact
        "bas su2al: iza tele3 men el 7abs, bikhabrouni el police?",  # a question about his release
        "khayfe ktir men el court hearing, ma ba3ref shu bado ysir bel iqama",  # fear of a process
        "kenet khayfe menno ktir bas halla2 ana mni7a w 3ayshe ma3 ahli",  # afraid then, fine now
        "shoharam hichvaght dast roo man boland nakarde",
        "chand sal pish kotakam mizad, alan dar amanam va azad",
        "az dadgah kheili mitarsam, nemidoonam ghazi harfamo bavar mikone ya na",
        "khoda margam bede, che ghadr khaste am",
        "mikhan mano bebaran doktor baraye check-up",
        "cocuklar icin mum yakariz her aksam",
        "hakimin bana inanmamasindan korkuyorum, ifade vermek zor",
        "eskiden bogazimi sikardi ama mahkeme 5 yil hapis verdi, simdi huzurluyum",
    ],
)
def test_round35_safe_answers_leave_the_lists_alone(text):
    assert not assess_languages(text), text


def test_romanised_text_is_folded_with_held_down_letters_read_twice():
    assert fold("KHAYFEEEE ktiiiir", "ar-latn") == "khayfee ktiir"
    assert fold("majboooram", "fa-latn") == "majbooram"
