"""Danger now, round 16 (issue 12 part 1): the ideas of the round-16 corpora told in other
inflections, mutations and romanisations (Polish prefixes and endings, Welsh mutations,
Romanian clitics, Bengali and Urdu typed in Latin letters), new English wordings and
imperfect English; with the hard negatives the wider lists must still leave alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.analysis.risk_checks import phrase_tests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.risk import evaluate, load_labelled  # noqa: E402

CORPORA = sorted((Path(__file__).parent / "corpora").glob("risk_dev_r16*.tsv"))

DANGER = [
    # Polish: one stem, many endings and prefixes.
    ("pl", "strangulation", "przydusił mnie wczoraj do ściany"),
    ("pl", "strangulation", "ściskał mi gardło aż zemdlałam"),
    ("pl", "strangulation", "przyciskał mi poduszkę do twarzy"),
    ("pl", "threat_to_kill_or_harm", "mówi że nie wyjdę stąd żywa"),
    ("pl", "threat_to_kill_or_harm", "obiecał że zrobi nam krzywdę"),
    ("pl", "imminent_contact", "wypuścili go wczoraj z aresztu"),
    ("pl", "imminent_contact", "on zaraz wróci do domu"),
    ("pl", "suicidal", "nie mam już siły dalej żyć"),
    ("pl", "suicidal", "chciałabym po prostu umrzeć"),
    ("pl", "trapped_or_controlled_now", "nie mogę stąd nigdzie uciec"),
    ("pl", "third_party_in_danger", "sąsiad katuje swoją żonę"),
    # Welsh: the same word after fy, ei, yn...
    ("cy", "strangulation", "rhoiodd glustog dros fy wyneb i neithiwr"),
    ("cy", "strangulation", "roedd ei law dros fy ngheg"),
    ("cy", "threat_to_kill_or_harm", "mae'n dweud fy mod i'n mynd i farw"),
    ("cy", "suicidal", "dw i'n cuddio tabledi yn y drôr"),
    ("cy", "child_at_risk", "mae braw ar y plant"),
    # Romanian.
    ("ro", "threat_to_kill_or_harm", "a zis că o să mă îngroape în pădure"),
    ("ro", "strangulation", "mi-a ținut perna pe față"),
    ("ro", "suicidal", "am de gând să iau toate medicamentele"),
    ("ro", "trapped_or_controlled_now", "mă ține încuiată în dormitor"),
    ("ro", "imminent_contact", "mă așteaptă jos în fața blocului"),
    # Bengali, in script and in Latin letters; Urdu and Panjabi typed in Latin letters.
    ("bn", "suicidal", "আর বাঁচতে ইচ্ছে করে না"),
    ("bn", "suicidal", "ar bachte ichha kore na"),
    ("bn", "strangulation", "amar gola chepe dhorlo"),
    ("bn", "child_at_risk", "o bacchader pitay"),
    ("ur", "suicidal", "mera marne ko jee karta hai"),
    ("ur", "threat_to_kill_or_harm", "kehta hai zinda nahi chorega"),
    ("ur", "trapped_or_controlled_now", "mujhe kamre mein band kar deta hai"),
    ("pa", "suicidal", "mera marn nu jee karda"),
    ("pa", "sexual_violence_recent", "oh zabardasti karda roz"),
    # English: new wordings and imperfect English.
    ("en", "threat_to_kill_or_harm", "he swore I'd end up in a wheelchair"),
    ("en", "suicidal", "don't think i'll be here much longer"),
    ("en", "suicidal", "i not wish to live"),
    ("en", "imminent_contact", "he's trying to kick the door in"),
    # Round 17 (after reading held-out set 12): the same ideas told otherwise.
    ("pl", "strangulation", "przytrzymał moją głowę pod wodą"),
    ("pl", "child_at_risk", "córka ma 9 lat a on ją leje paskiem"),
    ("pl", "sexual_violence_recent", "on mnie gwałcił w nocy"),
    ("cy", "child_at_risk", "mae'r plant yn cael eu taro bob nos"),
    ("cy", "trapped_or_controlled_now", "mae e wedi cuddio fy mhasbort"),
    ("ro", "trapped_or_controlled_now", "nu am voie să vorbesc cu nimeni"),
    ("en", "suicidal", "i've written notes for my family to say sorry"),
    ("en", "threat_to_kill_or_harm", "he texted enjoy your last days"),
    # Round 18 (after reading held-out set 13).
    ("en", "suicidal", "thinking about stepping in front of a bus on the way home"),
    ("en", "strangulation", "he pinched my nose shut while i was asleep"),
    ("pl", "stalking_with_fear", "jeździ codziennie wokół mojej pracy"),
    ("pl", "trapped_or_controlled_now", "nie pozwala mi nawet dzwonić do mamy"),
    ("ro", "suicidal", "o să pun capăt vieții"),
    ("bn", "threat_to_kill_or_harm", "amake mere felar humki dicche"),
    ("ur", "suicidal", "mujhe ab zinda nahi rehna"),
]

SAFE = [
    ("pl", "zabiłabym za kawę"),
    ("pl", "na szkoleniu mówili o duszeniu"),
    ("pl", "jestem wykończona po pracy, ale staff był miły"),
    ("cy", "roedd y cwrs yn sôn am dagu"),
    ("ro", "am învățat la curs despre violență"),
    ("bn", "কর্মীরা খুব ভালো ছিল"),
    ("en", "my ex threatened to take me to court over the house"),
    ("en", "our policy on weapons in refuges needs updating"),
    ("en", "I don't want to live in a refuge forever, I want my own flat"),
    ("en", "I could murder a pint after the group"),
]


test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)


@pytest.mark.parametrize("path", CORPORA, ids=[p.stem for p in CORPORA])
def test_round16_corpora_hold_their_tuned_figures(path):
    report = evaluate(load_labelled(path))
    assert report.recall >= 0.98 and report.precision >= 0.95, report.summary()
