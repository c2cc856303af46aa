"""Danger now, round 20 (issue 12 part 1): veiled suicidal wording (better off without me,
letters and belongings left for the children, hoping not to wake, not being anyone's problem),
veiled presence (a car by the home or the school night after night, someone trying the door,
a door found open, asking which flat is hers, he was at the school gates), stalking by photo
or map, "watch yourself"; Bengali, Romanian, Panjabi, Urdu and Polish forms of the same; and
the false alarms of ordinary absences, goodbyes to staff, a friend's car, a tracker on keys,
a cold's blocked nose, waiting lists, asking what happens if, and a nurse's shift."""

from __future__ import annotations

import sys
from pathlib import Path

from analysis.risk import assess, assess_rules
from analysis.risk_languages import LANGUAGES, assess_languages
from tests.analysis.risk_checks import phrase_tests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.risk import evaluate, load_labelled  # noqa: E402

CORPUS = Path(__file__).parent / "corpora" / "risk_tuning_r20.tsv"

DANGER = [
    ("en", "suicidal", "I wish I wouldn't wake up tomorrow"),
    ("en", "suicidal", "honestly I just want to be gone"),
    ("en", "suicidal", "I've decided who gets my jewellery"),
    ("en", "suicidal", "I've left my savings for the kids in an envelope"),
    ("en", "suicidal", "they need a dad, someone other than me"),
    ("en", "suicidal", "not long now and I won't be anyone's burden"),
    ("en", "suicidal", "my boys would have a happier childhood without me"),
    ("en", "suicidal", "I'd be doing my family a favour by disappearing"),
    ("en", "suicidal", "sometimes I want to stop existing"),
    ("en", "suicidal", "i can't carry on like this much longer"),
    ("en", "imminent_contact", "a van has been sat opposite my flat four nights running"),
    ("en", "imminent_contact", "someone was rattling my back door at 2am"),
    ("en", "imminent_contact", "somebody has been in my car, the glovebox was emptied"),
    ("en", "imminent_contact", "the shed door was forced and my tools had been moved"),
    ("en", "imminent_contact", "a man asked my neighbour which number I live at"),
    ("en", "stalking_with_fear", "she was at the nursery gates this morning"),
    ("en", "imminent_contact", "my ex is back in the village"),
    ("en", "stalking_with_fear", "he posted a photo of my kids leaving school"),
    ("en", "stalking_with_fear", "he sent me a map of where my car is parked"),
    ("en", "stalking_with_fear", "he texted where I'd been for lunch today"),
    ("en", "threat_to_kill_or_harm", "he said I'd better watch my back now"),
    ("bn", "suicidal", "আমি না থাকলে ওরা শান্তিতে থাকবে"),
    ("bn", "suicidal", "amake chara sobai bhalo thakbe"),
    ("bn", "suicidal", "amar morte icche kore"),
    ("bn", "imminent_contact", "o amader notun basa khuje peyeche"),
    ("bn", "imminent_contact", "ও আমার দোকানের বাইরে বসে আছে"),
    ("ro", "suicidal", "familia ar fi mai liniștită fără mine"),
    ("ro", "imminent_contact", "mașina fostului e parcată pe strada mea"),
    ("ro", "imminent_contact", "a apărut la școala copiilor"),
    ("pa", "suicidal", "ਮੇਰੇ ਬਿਨਾਂ ਬੱਚੇ ਸੁਖੀ ਰਹਿਣਗੇ"),
    ("pa", "imminent_contact", "oh mere daftar de bahar khada si"),
    ("ur", "suicidal", "میرے بغیر سب خوش رہیں گے"),
    ("pl", "suicidal", "beze mnie byłoby im łatwiej"),
]

SAFE = [
    ("en", "I won't be around next week because I'm on holiday, please call after"),
    ("en", "we said goodbye to the staff at the refuge and cried happy tears"),
    ("en", "my mum's van was outside the house because she was helping me move"),
    ("en", "the car outside my house all week turned out to be my neighbour's"),
    ("en", "I bought an airtag for my suitcase"),
    ("en", "my son couldn't breathe through his nose with his cold"),
    ("en", "I'm trapped on the housing waiting list"),
    ("en", "what happens if he finds out my address from the court papers? I'd like to know"),
    ("en", "I'm a paramedic and I see overdoses every shift"),
    ("en", "he turned up late for contact again"),
    ("en", "can you help me with a bus pass"),
    ("en", "I can't carry on paying for taxis to the school"),
    ("en", "we sat on the cliffs and watched the sunset, lovely"),
    ("en", "I want to disappear on holiday for a week"),
    ("en", "the passport office lost my passport form"),
    ("bn", "আমি আর পারছি না এত ফর্ম নিয়ে, সাহায্য দরকার"),
    ("ro", "nu mai pot aștepta să încep serviciul nou"),
]


test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)


def test_a_negator_before_a_comma_denies_only_its_own_clause():
    assert assess_languages("nu mai pot, vreau să mor", LANGUAGES)
    assert not assess_languages("nu vreau să mor", LANGUAGES)


def test_the_same_word_twice_is_one_cue():
    assert not assess("my passport form went to the passport office").flagged
    assert assess("he keeps my passport and my bank card").flagged


def test_round20_corpus_holds_its_tuned_figures():
    report = evaluate(load_labelled(CORPUS), assess_rules)
    assert report.recall >= 0.99 and report.precision >= 0.98, report.summary()
