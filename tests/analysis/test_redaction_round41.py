"""Redaction, round 41: a stranger's held-out set (341 items, removed 0.950, kept 0.992) was scored at 6c83e4a, and
its misses read. Each fix is tested here on new sentences, with the look-alike beside it: the word that must stay,
and the name, place or date that must still go."""

from __future__ import annotations

import pytest

from tests.analysis.redaction_checks import exact_and_stable, load_benchmark

# --- 1. Other languages -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # Ukrainian and Russian months in the genitive after a day; the same word without a day stays.
    ("Суд призначили на 3 квітня, а він прийшов 28 лютого.", "Суд призначили на [date], а він прийшов [date]."),
    ("Меня выселили 12 октября 2023 года.", "Меня выселили [date] года."),
    ("У березні було холодно, і він був лютий.", "У березні було холодно, і він був лютий."),
])
def test_cyrillic_months(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Pashto letters read as the Urdu ones the lists hold: a town, and a second name after a first name.
    ("زه په بریډفورډ کې اوسیږم.", "زه په [place] کې اوسیږم."),
    ("زما ورور محمد ګل راته زنګ وواهه.", "زما ورور [name] [name] راته زنګ وواهه."),
    # A word opening the sentence before "my" and a relation ("X is my brother"); "this", "he" stay.
    ("پلوشه زما خور ده او ما سره مرسته کوي.", "[name] زما خور ده او ما سره مرسته کوي."),
    ("دا زما خور ده او ما سره مرسته کوي.", "دا زما خور ده او ما سره مرسته کوي."),
    ("هغه زما ورور دی.", "هغه زما ورور دی."),
])
def test_pashto(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A listed first name before a Gujarati ending of a person: the ending stays; "the police" with it stays.
    ("સુનીતાએ મને બચાવી.", "[name]એ મને બચાવી."),
    ("મેં રમેશને બધું કહ્યું.", "મેં [name]ને બધું કહ્યું."),
    ("મેં પોલીસને બધું કહ્યું.", "મેં પોલીસને બધું કહ્યું."),
])
def test_gujarati_names_with_endings(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A town Ge'ez spells with other vowels than the list ("ሼፊልድ" for "ሸፊልድ").
    ("አሁን የምንኖረው ሼፊልድ ነው።", "አሁን የምንኖረው [place] ነው።"),
    # A word-name ("foundation") opening the sentence before what a person does to "me"; what a thing does stays.
    ("መሰረት ደበደበችኝ።", "[name] ደበደበችኝ።"),
    ("መሰረት በጣም ጠቀመኝ።", "መሰረት በጣም ጠቀመኝ።"),
])
def test_geez(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A Welsh hospital by its name; the hospital in lower case stays.
    ("Es i i Ysbyty Glan Clwyd ar ôl iddo fy nharo.", "Es i i [place] ar ôl iddo fy nharo."),
    ("Es i i'r ysbyty ar ôl iddo fy nharo.", "Es i i'r ysbyty ar ôl iddo fy nharo."),
])
def test_welsh_hospitals(text, expected):
    exact_and_stable(text, expected)


# --- 2. English ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # A word-name followed by its own word: the name, then the verb; a question stays.
    ("Will will take the car if i leave", "[name] will take the car if i leave"),
    ("Will you tell me if he gets bail", "Will you tell me if he gets bail"),
    # "has been my carer", with "carer" a role; a season's "been" stays.
    ("Mark's been my carer since the stroke and he takes my pension", "[name]'s been my carer since the stroke and he "
     "takes my pension"),
    ("Spring's been hard since he left", "Spring's been hard since he left"),
    ("my carer Frank takes my bank card", "my carer [name] takes my bank card"),
    # A neighbour doing what a person does, even a very common word; a neighbour's house stays.
    ("Bill next door heard the screaming", "[name] next door heard the screaming"),
    ("Bill next door is always late", "Bill next door is always late"),
    # Debt taken out in the writer's name, with a pronoun after; a firm taking money stays.
    ("Sky took out two phones in my name and she never paid", "[name] took out two phones in my name and she never "
     "paid"),
    ("Sky took £60 out of my account and he laughed", "Sky took £60 out of my account and he laughed"),
])
def test_word_names_by_their_use(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A relation written without its apostrophe, and a word before a family name after a relation.
    ("my sisters husband Rusty Doherty threatened me", "my sisters husband [name] threatened me"),
    ("my husbands brother Kevin watches me", "my husbands brother [name] watches me"),
    ("my parents friend will help", "my parents friend will help"),
])
def test_relations_without_apostrophes(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A town named by a common word where a town stands; the word stays.
    ("we moved to Deal last year", "we moved to [place] last year"),
    ("it was a big deal for me", "it was a big deal for me"),
    # A town that is a word, ending an address; the word going on stays.
    ("she lives at 4 mill lane, sandwich", "she lives at [address], [place]"),
    ("she lives at 4 mill lane, alone", "she lives at [address], alone"),
    # A common by its name; the Common Room and common law stay.
    ("Tooting Common is where he waits for me", "[place] is where he waits for me"),
    ("we met in the Common Room", "we met in the Common Room"),
    ("English Common Law says so", "English Common Law says so"),
    # Pubs named for sailors and sportsmen; a sailor and the Little Mermaid stay.
    ("he drinks in the Old Mariners most nights", "he drinks in the [place] most nights"),
    ("my dad was a sailor in the navy", "my dad was a sailor in the navy"),
    ("we watched the Little Mermaid", "we watched the Little Mermaid"),
])
def test_english_places(text, expected):
    exact_and_stable(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # A name carried on over a shorter find that ends after it (found by the property test): nothing is left to a
    # second redaction. A title before the name in lower case stays out of it.
    ("Mrs Khan Sarah Sarah rang", "[name] rang"),
    ("it was pc gareth jones who came", "it was pc [name] who came"),
])
def test_a_name_carried_on(text, expected):
    exact_and_stable(text, expected)


# --- 3. The stranger's set --------------------------------------------------------------------------


def test_round_41_strangers_set_stays_fixed():
    """redaction_fresh41.tsv (tuned-on since): what is left are the writer's conventions, not leaks (titles outside
    [name], "Parc Eglos in Helston" as one place, "Calan DVS" a service taken as a place)."""
    benchmark = load_benchmark()
    report = benchmark.score(benchmark.load_rows(benchmark.FRESH41[0]))
    assert report["recall"] >= 0.995 and report["kept_rate"] >= 0.99, report["misses"]
