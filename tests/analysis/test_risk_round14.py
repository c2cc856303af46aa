"""Danger now, round 14 (issue 12 part 1): indirect suicidal wording, presence and stalking
told sideways, a child with a much older man, married off, lying awake listening for him,
Welsh mutated forms and the other languages' gaps; with the hard negatives the wider
lexicon must still leave alone (gratitude, people the writer helps, past and safe now)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from analysis.risk import assess, normalise
from tests.analysis.risk_checks import assert_left_alone

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.risk import evaluate, load_labelled  # noqa: E402

CORPORA = sorted((Path(__file__).parent / "corpora").glob("risk_dev_r14*.tsv"))

DANGER = [
    # Suicidal, told indirectly.
    ("suicidal", "my parents would have a calmer life if I were gone"),
    ("suicidal", "the weekend is when I'll end it, I've decided"),
    ("suicidal", "i doubt i'll be around for my birthday in march"),
    ("suicidal", "I keep a stockpile of co-codamol in my wardrobe"),
    ("suicidal", "bought three packets of paracetamol at different shops so nobody would ask"),
    ("suicidal", "I'm sick of waking up every morning"),
    ("suicidal", "no reason to get up any more"),
    ("suicidal", "I'm not going to be a burden to them for much longer"),
    ("suicidal", "i feel like i'm nothing but a waste of space"),
    ("suicidal", "what is the point of me honestly"),
    ("suicidal", "I hid my tablets in a sock instead of taking them"),
    ("suicidal", "I've chosen the bridge and the day"),
    ("suicidal", "I'm not sure I'll get through tonight"),
    # Someone near now, or watching by proxy, or hunting for the address.
    ("imminent_contact", "he's round at my nan's right now shouting for me"),
    ("imminent_contact", "his van is on the corner of our close again"),
    ("stalking_with_fear", "her sister tells her everything I do, I'm scared to leave the house"),
    ("stalking_with_fear", "someone rang the GP surgery trying to get my new address"),
    ("stalking_with_fear", "the camera caught him at my back door at 2am again"),
    ("stalking_with_fear", "he drives past where I'm staying all night"),
    ("threat_to_kill_or_harm", "if I push him too far he says I'll know about it"),
    # A child with a much older man; a grown-up in a child's room; married off.
    ("child_at_risk", "my 14 year old has a 26 year old boyfriend who picks her up from school"),
    ("child_at_risk", "my uncle keeps coming into my room at night"),
    ("trapped_or_controlled_now", "they want to marry me off this summer and I'm only 16"),
    ("feeling_unsafe_now", "i lie awake every night waiting for his car"),
    ("feeling_unsafe_now", "I'm scared to go to sleep in my own home"),
    # Round 15 (after reading the tenth held-out set).
    ("suicidal", "i've drafted goodbye messages to my sisters"),
    ("suicidal", "my family would be glad if I died"),
    ("suicidal", "I don't think I can get through another night"),
    ("stalking_with_fear", "there was a card under the door of my new flat, unsigned"),
    ("imminent_contact", "just saw his van go past the end of the road"),
    ("child_at_risk", "she says she'll take my son abroad and I'll never see him"),
    ("trapped_or_controlled_now", "I have to video call him so he can see who I'm with"),
    ("trapped_or_controlled_now", "all my wages go straight into his account"),
    ("feeling_unsafe_now", "I've moved the chest of drawers in front of my bedroom door"),
    ("threat_to_kill_or_harm", "o bolche amake marbe"),
    # Other languages.
    ("weapons", "mae gwn gydag e yn y car"),
    ("strangulation", "gafaelodd o yn fy ngwddw"),
    ("threat_to_kill_or_harm", "fyddi di'n marw os wyt ti'n gadael"),
    ("child_at_risk", "mae'r plant yn cuddio yn y llofft"),
    ("suicidal", "dw i wedi blino ar fyw"),
    ("suicidal", "już mi się nie chce żyć"),
    ("threat_to_kill_or_harm", "mówi, że mnie zatłucze"),
    ("child_at_risk", "córka boi się ojca"),
    ("imminent_contact", "e afară la ușă acum"),
    ("threat_to_kill_or_harm", "a zis că o să-mi dea foc"),
    ("child_at_risk", "îi bate pe copii"),
    ("imminent_contact", "o jail theke chhara peyeche"),
]

SAFE = [
    "I would not be alive without the refuge, thank you",
    "I wouldn't still be here if it wasn't for my IDVA",
    "I volunteer with women who have been strangled and it is hard but rewarding",
    "The police need a better response to people being followed",
    "we talked in group about how he used to threaten me, I'm out of that now",
    "Staff helped me get my passport back and I've got my own place now",
    "I was suicidal for a while after he left but I'm doing well now",
    "I've got my own house now and the kids are settled",
    "I need a manager who listens",
    "I don't want to hurt myself, I want help with housing",
    "the worker helped me open a bank account in my own name",
    "I've got settled status now, the solicitor was great",
]


@pytest.mark.parametrize("category, text", DANGER, ids=[f"{c}-{i}" for i, (c, _) in enumerate(DANGER)])
def test_danger_now_is_flagged_and_named(category, text):
    result = assess(text)
    assert result.flagged, text
    assert category in result.categories, (text, result.categories)


@pytest.mark.parametrize("text", SAFE)
def test_hard_negatives_are_left_alone(text):
    assert_left_alone(text)


def test_in_my_own_home_is_not_a_safe_now():
    assert assess("i'm frightened in my own house").flagged
    assert not assess("He hit me years ago. I have my own house now").flagged


def test_theyd_is_spelled_out():
    assert "they'd" in normalise("theyd be fine")


@pytest.mark.parametrize("path", CORPORA, ids=[p.stem for p in CORPORA])
def test_round14_corpora_hold_their_tuned_figures(path):
    report = evaluate(load_labelled(path))
    assert report.recall >= 0.98 and report.precision >= 0.95, report.summary()
