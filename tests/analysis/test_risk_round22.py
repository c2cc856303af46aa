"""Danger now, round 22 (issue 12 part 1), from the seventeenth held-out set's misses: only a
pet or the children keeping me here, waiting to die, appointments cancelled as no longer
needed, my funeral a relief, "tonight's the night"; Bengali "no use in living" and a child
beaten, Romanian "if I weren't", seen by my work, romanised Urdu "came to my work"; and the
false alarms of a school play, hidden presents, a knife for cooking, a mother visiting."""

from __future__ import annotations

from tests.analysis.risk_checks import phrase_tests

DANGER = [
    ("en", "suicidal", "if it wasn't for my kids I'd be gone by now"),
    ("en", "suicidal", "the only thing keeping me here is my cat"),
    ("en", "suicidal", "honestly I'm just waiting for it all to end"),
    ("en", "suicidal", "I stopped my prescriptions because I won't need them"),
    ("en", "suicidal", "I think about my funeral and feel peaceful"),
    ("en", "suicidal", "tonight's the night, I've decided"),
    ("bn", "suicidal", "বেঁচে থাকার কোনো মানে নেই"),
    ("bn", "child_at_risk", "ও মেয়েটাকে রোজ মারে"),
    ("ro", "suicidal", "mai bine să n-aș mai exista"),
    ("ro", "imminent_contact", "l-am zărit lângă școala copiilor"),
    ("ur", "imminent_contact", "woh school tak aa gaya"),
]

SAFE = [
    ("en", "he turned up at the nativity and behaved himself"),
    ("en", "I'm hiding the birthday presents in the wardrobe"),
    ("en", "I need a new knife for chopping veg, mine broke"),
    ("en", "my sister asked where I live now so she can send a card"),
]


test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)
