"""Danger now, round 41: a stranger's probe of 141 answers (76 danger, 65 safe, 38 in 24 other languages) was scored
once at 6c83e4a before it was read: recall 0.947, precision 0.935 (rules alone 0.882 and 0.944). It missed a grown son's
"he'll make sure I don't see christmas" (a veiled threat no pattern read, and "my late husband used to" later in the
sentence read as the far past), a Sorani Kurdish threat to kill (no list), a Ukrainian "he is already on his way to me"
and a Romanian neighbour screaming with blows heard now; the rules alone also missed "handsy with his belt", a Tamil
"beats my son", and Pashto, Albanian and Vietnamese answers (no lists: the reader caught them). It flagged blunt
kitchen knives, "suppose a woman's husband keeps her passport", a suicidal year told as over ("in a really good
place now"), a tracker the police removed with an indefinite order, and (the reader) "would anyone take a man
seriously if he rang". The phrases below are written for these tests."""

from __future__ import annotations

from analysis import risk, risk_reader
from analysis.risk import assess_rules, read_rules
from tests.analysis.risk_checks import phrase_tests

DANGER = [
    # Making sure the writer does not live to see a day; a late parent's habit is no far past for a threat made now.
    ("en", "threat_to_kill_or_harm",
     "my dad is 70 and lives with me, this morning he said he'd make sure I never see my next birthday"),
    ("en", "threat_to_kill_or_harm",
     "she told me last night she'll make sure I don't see the new year, "
     "she looked at me the way my late mother used to"),
    # Handy with his fists or belt.
    ("en", "threat_to_kill_or_harm", "he's handy with his fists when he's had a drink and he's on the beer tonight"),
    # A "good place" told before a danger now; a tracker removed but another put on; an order he ignores.
    ("en", "suicidal", "I was in a really good place last year but now I'm suicidal again"),
    ("en", "stalking_with_fear", "found a tracker on my car yesterday, police removed it but he's put another one on"),
    ("en", "imminent_contact", "the restraining order is indefinite but he still turns up at my work every night"),
    # The writer's own husband and passport, supposed: still the writer's.
    ("en", "trapped_or_controlled_now", "suppose my husband keeps my passport, can I still get help?"),
    # Kurdish (Sorani): my husband says if I go to my mother's he will kill me.
    ("ku", "threat_to_kill_or_harm", "مێردەکەم دەڵێت ئەگەر بچمە لای دایکم دەمکوژێت"),
    # Russian and Ukrainian: he is already on his way to me.
    ("uk", "imminent_contact", "Он сказал, что уже едет ко мне, я боюсь открывать."),
    ("uk", "imminent_contact", "Мій колишній щойно подзвонив: він вже їде до мене."),
    # Romanian: slaps heard through the wall and the woman next door screaming.
    ("ro", "third_party_in_danger", "Se aud palme prin perete și femeia de alături urlă."),
    # Tamil: he beats my daughter every day.
    ("ta", "child_at_risk", "அவன் என் மகளை தினமும் அடிக்கிறான்."),
]

SAFE = [
    # A late husband's past; not seeing adverts.
    ("en", "my late husband used to hit me"),
    ("en", "I'll make sure I don't see the christmas adverts until december, they upset me"),
    # Kitchen knives: blunt, or to be bought new.
    ("en", "could the refuge get some new kitchen knives, ours are falling apart"),
    ("en", "the bread knife in our kitchen is so blunt it squashes the loaf"),
    # Over: a permanent order after a conviction; a very good place now after a past.
    ("en", "he was convicted and the non-molestation order is permanent, I feel like I can breathe"),
    ("en", "I'm in a very good place now after the counselling, I was self-harming last spring"),
    # A supposition about anyone; a question whether the police believe anyone.
    ("en", "supposing someone's partner takes her phone and won't let her out, who does she call? "
           "asking for a training day"),
    ("en", "do the police believe a woman who rings a second time? my cousin says they didn't for her"),
    ("en", "my dad was handy with a paintbrush, he did the whole house"),
    # Kurdish: years ago he wanted to kill me, now I am somewhere safe.
    ("ku", "ساڵ لەمەوبەر دەیویست بمکوژێت، ئێستا لە شوێنێکی سەلامەتدام."),
    # Ukrainian: mum is on her way; he is not coming, he lives in another city.
    ("uk", "Мама вже їде до мене, ми разом підемо до юриста."),
    ("uk", "Він не їде до мене, він живе в іншому місті."),
    # Tamil: he did not beat my son, but he shouted.
    ("ta", "அவர் என் மகனை அடிக்கவில்லை, ஆனால் கத்தினார்."),
]

test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)


def test_romanian_blows_need_screaming_and_no_hammer():
    # The rules leave a hammer next door and children screaming at play; the reader (not retrained) still flags both,
    # as it did before this round: left for its next retraining.
    assert not assess_rules("Se aud lovituri de ciocan de la vecini și copiii țipă de bucurie.").flagged
    assert not assess_rules("Copiii țipă în curte, se joacă.").flagged
    assert assess_rules("Vecinul urlă la ea și se aud bubuituri chiar acum.").flagged


def test_the_reader_leaves_a_question_whether_anyone_is_heard(monkeypatch):
    monkeypatch.setattr(risk_reader, "probability", lambda _: 1.0)
    # Whether the service would take a man, or anyone, seriously: the reader is not asked.
    man = read_rules("would anyone take a man seriously if he phoned the helpline? my mate says no")
    assert not man.assessment.flagged
    assert not risk.second_look(man).flagged
    # "Would anyone believe me": the writer, not anyone (the rules already read this one).
    assert not risk._ASKS_IF_ANYONE_IS_HEARD.search("would anyone believe me if i told them what goes on at home")
    # A danger the rules read beside the question is still flagged.
    assert assess_rules("would the police believe a man? she keeps turning up outside my flat").flagged
