"""Danger now, round 38: a stranger's probe of 130 answers (70 danger, 60 safe, 25 in
other languages) was scored once at 3b91662 before it was read: recall 0.943, precision
0.930. It missed a misspelt threat to burn the house down, someone heard round the house
at night, a carer's client with fresh bruises and a neighbour heard being beaten (in
Somali); a second stranger's 200 answers showed rule slips that flagged ordinary
feedback ("couldn't get legal aid" as strangulation, walking into a building as
suicidal). The phrases below are written for these tests."""

from __future__ import annotations

from tests.analysis.risk_checks import phrase_tests

DANGER = [
    ("en", "threat_to_kill_or_harm", "he told me hes going to bern the flat down with me and the kids inside"),
    ("en", "stalking_with_fear", "I keep hearing someone in the garden after dark and I know it's him"),
    ("en", "stalking_with_fear", "saw a man by the gate three times this week, every night about 11"),
    ("en", "third_party_in_danger", "My neighbour's wife came out with new bruises this morning, he shouts all night"),
    ("en", "third_party_in_danger", "a resident I support has fresh marks again today and her son won't leave"),
    ("en", "trapped_or_controlled_now", "he changed every password so now I cant get into the bank app at all"),
    ("en", "strangulation", "he had me by the collar and I couldnt get any air"),
    ("so", "third_party_in_danger", "Waxaan maqlayaa garaacis guriga xigta, haweeneyda ayaa qeylinaysa"),
    # Round 38b: a second probe (120 answers), scored once at 326d0fa: its one miss.
    ("ro", "imminent_contact", "Tocmai l-am văzut în fața blocului și acum sună la interfon întruna"),
]

SAFE = [
    # Not breath: help that could not be had, or a door that would not open.
    ("en", "We couldn't get legal aid and the solicitor wanted two thousand pounds"),
    ("en", "I couldnt get out much because of my knee, so the worker came to me"),
    # A building, a question of whose job safety is, devotion, nothing happening.
    ("en", "It was hard to walk into the office with the charity's name over the door"),
    ("en", "Why is it down to me to keep myself safe when he is the one doing it?"),
    ("en", "I would die for my support worker, she is brilliant"),
    ("en", "Just asking about the group times, there's nothing going on with me at the moment"),
    # A professional who kept asking, the benefits system, money put beyond his reach.
    ("en", "I said no when the midwife first asked but she kept asking kindly and I told her"),
    ("en", "I'm stuck in the benefits system now, not with him"),
    ("en", "The advocate helped me open my own account so he can't get my wages any more"),
    # Round 38b's false alarms that a figure of speech or a past told as over explains.
    ("en", "We felt like prisoners in the hostel, no visitors and a 9pm curfew"),
    ("en", "Honestly my IDVA is a proper weapon, she got everything sorted"),
    ("en", "Stuck in a never-ending cycle with the housing list"),
    ("ur", "Mera shohar mujhe dhamki deta tha, ab talaq ho gayi hai aur main apne bachon ke saath theek hoon"),
]

test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)
