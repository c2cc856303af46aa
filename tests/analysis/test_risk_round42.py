"""Danger now, round 42: a stranger's probe of 152 answers (81 danger, 71 safe, 50 in 29 other languages) was scored
once at a0d396d before it was read: recall 0.914, precision 0.925 (rules alone 0.815 and 0.971). English recall was
0.982: it missed only a father fetching the children today who "said they wont be coming back to me". The other six
misses were in languages the lists did not read or read too little: Sorani strangling ("ملی گرتم", he took me by the
neck), a Persian husband smashing things now, Amharic strangling and Gujarati ending oneself (no lists), and Kurmanji
and Pashto answers about a sister beaten now (no lists yet). The phrases below are written for these tests."""

from __future__ import annotations

import pytest

from analysis.risk import assess, assess_rules
from tests.analysis.risk_checks import phrase_tests

DANGER = [
    # Taking the children: they will not be coming back to the writer.
    ("en", "child_at_risk", "he's got the kids this weekend and he told me they're never coming back to me"),
    ("en", "child_at_risk", "my ex texted that the baby isn't coming back to you ever, he's at the airport"),
    # Kurdish (Sorani): he grabbed my throat; he strangled me and my breath was cut off.
    ("ku", "strangulation", "باوکم قوڕگمی گرت و نەمتوانی هاوار بکەم"),
    ("ku", "strangulation", "مێردەکەم خنکاندمی، هەناسەم بڕا"),
    # Persian: he is smashing the dishes now and I am shaking.
    ("fa", "feeling_unsafe_now", "همسرم داره ظرفا رو می‌شکنه و من دارم می‌لرزم"),
    # Amharic: he says he will kill me; Gujarati: he pressed my throat.
    ("am", "threat_to_kill_or_harm", "ልጆቹን ከወሰድሽ እገድልሻለሁ አለኝ።"),
    ("gu", "strangulation", "મારા પતિએ મારું ગળું દબાવ્યું, હું ખૂબ ડરી ગઈ છું."),
]

SAFE = [
    # Coming back to school, or back on Sunday; a club closed.
    ("en", "he said the kids are not coming back to school after half term because we're moving to my mum's"),
    ("en", "the teacher said the kids wont be coming back to that club, it closed"),
    # Sorani: setting off on the road (the neck in an idiom).
    ("ku", "بابم ملی ڕێگای گرتەبەر بۆ هەولێر"),
    # Persian: my heart is breaking (an idiom).
    ("fa", "دلم داره می‌شکنه از این همه انتظار"),
    # Amharic: he will not kill me; years ago he beat me, now I am well. Gujarati: I will not end myself.
    ("am", "እሱ አይገድለኝም፣ ግን ልጆቹን ማየት እፈልጋለሁ።"),
    ("gu", "હું મારી જાતને ખતમ નહીં કરું, મારા બાળકો માટે જીવીશ."),
]

test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)


def test_the_rules_leave_children_back_on_sunday_and_a_mended_door():
    # The reader (not retrained) flags both, as it did before this round: left for its next retraining.
    assert not assess_rules("my ex said the kids won't be back till sunday as they're at his mum's").flagged
    assert not assess_rules("شوهرم در شکسته رو درست کرد").flagged


def test_the_new_lists_read_their_own_script_only():
    # Gujarati and Amharic words written in another script are not theirs to read.
    assert not assess_rules("khatam kari daish nahi, hu thik chhu").flagged
    assert assess_rules("ትናንት ማታ አንቆ ያዘኝ").flagged


@pytest.mark.xfail(strict=True, reason="the reader (not retrained since round 39) reads some everyday Gujarati as "
                                       "danger at 0.68; left for its next retraining")
def test_the_reader_leaves_everyday_gujarati():
    assert not assess("ડૉક્ટર ખૂબ સારા હતા અને મારી વાત સાંભળી.", "gu").flagged
