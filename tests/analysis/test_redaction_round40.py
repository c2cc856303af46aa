"""Redaction, round 40: a stranger's held-out set (318 items, removed 0.915, kept 0.994) was scored at 19141f0, and
its misses read. Each fix is tested here on new sentences, with the look-alike beside it: the word that must stay,
and the name, place, date or number that must still go."""

from __future__ import annotations

import pytest

from analysis.redaction.lexicon import lexicon
from tests.analysis.redaction_checks import exact_and_stable, load_benchmark

# --- 1. Other languages -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # Gujarati: a town as Devanagari spells it, alone or with its ending (which stays); everyday words stay.
    ("અમે લેસ્ટરમાં રહીએ છીએ અને મારી દીકરી શાળાએ જાય છે.", "અમે [place]માં રહીએ છીએ અને મારી દીકરી શાળાએ જાય છે."),
    ("મારી બહેન વેમ્બલીથી આવી.", "મારી બહેન [place]થી આવી."),
    ("અમે ઘરમાં રહેતા હતા અને બહેન પણ ત્યાં હતી.", "અમે ઘરમાં રહેતા હતા અને બહેન પણ ત્યાં હતી."),
    # "-ben" joined to a name is a name; "elder brother" is kin, no name.
    ("મારી નણંદ હંસાબેન મને રોજ ધમકાવતી.", "મારી નણંદ [name] મને રોજ ધમકાવતી."),
    ("મારા મોટાભાઈ મને લેવા આવ્યા.", "મારા મોટાભાઈ મને લેવા આવ્યા."),
])
def test_gujarati_towns_and_names(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A capitalised Russian or Ukrainian word inside a sentence: a name, or a place after "in", "to".
    ("Мой сосед Кевин слышал всё и вызвал полицию.", "Мой сосед [name] слышал всё и вызвал полицию."),
    ("Мы два года жили в Лидсе, потом переехали.", "Мы два года жили в [place], потом переехали."),
    ("Нас переселили до Бредфорда, а там допомогли.", "Нас переселили до [place], а там допомогли."),
    # An organisation's adjective, a country, God and the polite "You" stay.
    ("Я звернулася в Кризовий центр, і мені допомогли.", "Я звернулася в Кризовий центр, і мені допомогли."),
    ("Ми приїхали з України, і Бог нас беріг.", "Ми приїхали з України, і Бог нас беріг."),
    ("Дякую Вам за все, що ви зробили.", "Дякую Вам за все, що ви зробили."),
])
def test_cyrillic_capitals(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # "Former" between a relation and the name, in Kurdish Sorani and Tigrinya; a relation before a verb stays.
    ("ژنەکەی پێشووم شیلان هەموو شتێکی برد", "ژنەکەی پێشووم [name] هەموو شتێکی برد"),
    ("ሰበይተይ ነበር ሳባ ገንዘበይ ወሲዳ።", "ሰበይተይ ነበር [name] ገንዘበይ ወሲዳ።"),
    ("هاوڕێکەم زۆر یارمەتی دام", "هاوڕێکەم زۆر یارمەتی دام"),
    # Arabic "and" joined to a title; the title before a verb names no one.
    ("جاءت الشرطة والشرطية ديفيز إلى البيت.", "جاءت الشرطة والشرطية [name] إلى البيت."),
    ("والشرطية قالت إن القضية طويلة.", "والشرطية قالت إن القضية طويلة."),
    # Tamil: a school by its name; a state school and a primary school stay; a common name after a relation.
    ("என் மகன் பிரிம்ரோஸ் பள்ளிக்கு போகிறான்.", "என் மகன் [place] பள்ளிக்கு போகிறான்."),
    ("என் மகன் அரசு பள்ளிக்கு போகிறான்.", "என் மகன் அரசு பள்ளிக்கு போகிறான்."),
    ("அவன் ஆரம்பப் பள்ளியில் படிக்கிறான்.", "அவன் ஆரம்பப் பள்ளியில் படிக்கிறான்."),
    ("என் கணவர் சரவணன் என்னை மிரட்டினார்.", "என் கணவர் [name] என்னை மிரட்டினார்."),
    # Persian "Street" and "Avenue" in an address.
    ("آدرس خانه ما ۳۰ ایست اونیو بود.", "آدرس خانه ما [address] بود."),
])
def test_names_and_places_in_other_scripts(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A family name between a role and its title; the role and title alone stay.
    ("护士刘小姐每天来看我。", "护士[name]小姐每天来看我。"),
    ("护士小姐每天来看我。", "护士小姐每天来看我。"),
    # A restaurant by its name; "that restaurant" stays.
    ("我以前在好味饭店打工。", "我以前在[place]打工。"),
    ("我不想去那家饭店。", "我不想去那家饭店。"),
    # A handle touching Chinese characters.
    ("他的抖音号是xiaolong_88，我已经拉黑了。", "他的抖音号是[handle]，我已经拉黑了。"),
])
def test_chinese_titles_restaurants_and_handles(text, expected):
    exact_and_stable(text, expected)


def test_common_tamil_names_are_listed():
    lex = lexicon()
    assert {"செந்தில்", "சரவணன்", "பிரகாஷ்"} <= lex.first_names


# --- 2. English ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # A hall by its own name; a kind of hall stays, and a first name before "Hall" is a person.
    ("the midwives at Kelham Hall were kind", "the midwives at [place] were kind"),
    ("we had the party in the Church Hall", "we had the party in the Church Hall"),
    ("Jake Hall kept texting me", "[name] kept texting me"),
    # A building's word that is a family name, after a title.
    ("Mrs Hall from the school rang me", "[name] from the school rang me"),
    ("Ms Lane at housing was rude", "[name] at housing was rude"),
    ("the Town Hall was shut", "the Town Hall was shut"),
    # A university by its town; the Open University stays.
    ("she was at Bangor University when we met", "she was at [place] when we met"),
    ("she did a degree with the Open University", "she did a degree with the Open University"),
    # A supermarket's branch where someone is; a loyalty card stays.
    ("he was waiting outside Morrisons Hulme when i came out", "he was waiting outside [place] when i came out"),
    ("i lost my Morrisons More card", "i lost my Morrisons More card"),
])
def test_halls_universities_and_branches(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # The last of a list of places, even a town no gazetteer holds; a day ending the list stays.
    ("we moved from Leeds to Halifax then Hull then Dewsbury.",
     "we moved from [place] to [place] then [place] then [place]."),
    ("we tried Leeds then Bradford then Thursday.", "we tried [place] then [place] then Thursday."),
])
def test_the_last_of_a_list_of_places(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A word-name opening a sentence before "used to" and a deed, with "he" or "she" later; "used to be" stays.
    ("Rich used to ring me at work and he would scream", "[name] used to ring me at work and he would scream"),
    ("Bill used to come every month and it was always late", "Bill used to come every month and it was always late"),
    ("Spring used to be my favourite time", "Spring used to be my favourite time"),
    # Lower-case first names before "and their dad"; a shopping list stays.
    ("jade, kayla and their dad moved in", "[name], [name] and their dad moved in"),
    ("eggs, bread and their dad's tea", "eggs, bread and their dad's tea"),
])
def test_english_names_by_their_use(text, expected):
    exact_and_stable(text, expected)


# --- 3. The stranger's set --------------------------------------------------------------------------


def test_round_40_strangers_set_stays_fixed():
    """redaction_fresh40.tsv (tuned-on since): what is left are the stranger's choices the policy does not share or
    words read as words (a town's court or works with the town already gone, "Cardiff Crown Court"; a road number,
    "the A467", as corpora keep "the M6"; "the refuge in March" read as the month; "Will my eldest" read as a
    question; "at the Grange" a hospital by a word; titles inside [name])."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.FRESH40[0]))
    assert report["recall"] >= 0.98 and report["kept_rate"] >= 0.993, report["misses"]
