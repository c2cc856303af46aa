"""Danger now, round 21 (issue 12 part 1), from the sixteenth held-out set's misses and a probe
written after it: life simpler or kinder for everyone without me, messages left for the
children's future, sleeping "and that be it", ready to let go, goodbyes written, pets given up,
nobody needing me; knocks at night, someone looking through the windows, traces under the
window, a stranger asking where a child lives, seen at the new work; a girl under 18 with a man
in his twenties; Bengali, Romanian, Panjabi and Polish forms; and the false alarms of a letter
written in counselling, a phone counting steps, a contact centre, a security light."""

from __future__ import annotations

import sys
from pathlib import Path

from analysis.risk import assess_rules
from tests.analysis.risk_checks import phrase_tests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.risk import evaluate, load_labelled  # noqa: E402

CORPUS = Path(__file__).parent / "corpora" / "risk_tuning_r21.tsv"

DANGER = [
    ("en", "suicidal", "it'd be simpler for the kids if I just wasn't around"),
    ("en", "suicidal", "I've left cards for my son to open on his wedding day"),
    ("en", "suicidal", "I want to fall asleep and that's it"),
    ("en", "suicidal", "no one wants me any more"),
    ("en", "suicidal", "I think I'm ready to let go"),
    ("en", "suicidal", "I won't be around to look after the dog"),
    ("en", "suicidal", "part of me wants to step in front of the bus"),
    ("en", "suicidal", "I spent last night typing goodbyes"),
    ("en", "imminent_contact", "someone was knocking at 4am again"),
    ("en", "imminent_contact", "my neighbour saw a man peering through our letterbox"),
    ("en", "imminent_contact", "his brother asked the postman where my daughter lives"),
    ("en", "imminent_contact", "I spotted his van outside my new job"),
    ("en", "imminent_contact", "fag ends under my kitchen window again"),
    ("en", "child_at_risk", "my niece is 15 and goes out with a 24 year old man"),
    ("bn", "suicidal", "আমি মারা গেলে কেউ টের পাবে না"),
    ("bn", "imminent_contact", "o amar dokaner samne ghurche"),
    ("ro", "suicidal", "vreau să dispar definitiv"),
    ("ro", "imminent_contact", "stă în mașină în fața casei"),
    ("pa", "suicidal", "main hun nahi jee sakdi"),
    ("pa", "imminent_contact", "oh kothi de samne gaddi vich betha"),
    ("pl", "suicidal", "chciałabym zasnąć i nigdy nie obudzić"),
]

SAFE = [
    ("en", "I wrote a letter to my ex in therapy that I never sent, it helped"),
    ("en", "my watch tracks my sleep, it says I'm getting more now"),
    ("en", "I saw him in the contact centre and the staff were lovely"),
    ("en", "our security light keeps coming on for the cats"),
    ("en", "I'm ready to go back to college in September"),
    ("en", "we recorded videos of the kids singing for their grandad"),
    ("en", "I won't be around on Tuesday as I have a hospital appointment, can you call Wednesday"),
    ("en", "my daughter is 15 and her best friend is 15 too"),
    ("bn", "amar dokaner samne ekta bus stop ache"),
    ("pa", "ghar de samne gaddi khadi karan di jagah nahi"),
]


test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)


def test_round21_corpus_holds_its_tuned_figures():
    report = evaluate(load_labelled(CORPUS), assess_rules)
    assert report.recall >= 0.96 and report.precision >= 0.97, report.summary()
