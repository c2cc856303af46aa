"""Danger now, round 37: a stranger's set of 200 answers (written and coded by one
writer, coded blind by a second) was scored once at 7277b49 before it was read:
8 of its 10 danger answers were flagged. The two it missed were someone still
living with him, asking to be rung only once he has gone out, and someone who is
never in a safe place to talk. The phrases below are written for these tests."""

from __future__ import annotations

from tests.analysis.risk_checks import phrase_tests

DANGER = [
    ("en", "trapped_or_controlled_now", "Please ring me back. Only ring after 10am when he has gone to work"),
    ("en", "trapped_or_controlled_now", "only call me once hes gone out, he checks my phone"),
    ("en", "trapped_or_controlled_now", "dont call when hes home please"),
    ("en", "trapped_or_controlled_now", "I'm never in a safe place to talk, he is always in the house"),
    ("en", "trapped_or_controlled_now", "im not in a safe place to talk right now"),
]

SAFE = [
    # A complaint about the service, not danger now.
    ("en", "Nobody asked if it was safe for me to talk"),
    ("en", "The centre is a safe place to talk and the staff are lovely"),
    ("en", "The worker only rang when it suited her, never when she said she would"),
    # Over, and said so.
    ("en", "Back then I was never in a safe place to talk, he checked everything. I left in 2019 and I am safe now."),
]

test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)
