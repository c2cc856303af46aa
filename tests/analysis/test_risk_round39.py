"""Danger now, round 39: a stranger's probe of 130 answers (70 danger, 60 safe, 27 in 16
other languages) was scored once at 0da1ac2 before it was read: recall 0.957, precision
0.905. It missed a car behind the writer day after day, a partner locking him out and
hiding his medication, and a threat to kill in Tigrinya (no list read Ge'ez script); it
flagged being trapped by a process, being watched by social services, help opening a bank
account, an abuser deported, and (the reader) a prison sentence with years left, a release
date years off, and a Spanish answer whose restraining order is kept. "Behind me" was
read as "all behind me" wherever it stood. The phrases below are written for these tests."""

from __future__ import annotations

from analysis import risk, risk_reader
from analysis.risk import read_rules
from tests.analysis.risk_checks import phrase_tests

DANGER = [
    # A car behind or following, day after day (no longer read as "all behind me").
    ("en", "stalking_with_fear", "the same silver van has been following me to work four mornings in a row"),
    ("en", "stalking_with_fear", "a car was behind me again tonight after nursery, I think it's his mate's"),
    # Medication hidden with the illness named; being locked out of the home.
    ("en", "trapped_or_controlled_now", "my partner has been hiding my epilepsy tablets again so I have fits"),
    ("en", "trapped_or_controlled_now", "she keeps locking me out of the house when she's been drinking"),
    ("en", "trapped_or_controlled_now", "he locked me and the baby out in the rain last night"),
    # Deportation as his threat, and a release date close by.
    ("en", "trapped_or_controlled_now", "he says he'll get me deported if I tell anyone"),
    ("en", "imminent_contact", "his release date is next week and he's already messaging me"),
    # Being watched by his family is still stalking.
    ("en", "stalking_with_fear", "I'm being watched by his cousins every time I leave the house"),
    # Tigrinya: he said he will kill the children; he strangled me yesterday.
    ("ti", "threat_to_kill_or_harm", "ንደቀይ ክቐትሎም እዩ ኢሉ።"),
    ("ti", "strangulation", "ትማሊ ክሳደይ ሓኒቑኒ።"),
]

SAFE = [
    # Behind the writer without repetition, and the past put behind.
    ("en", "my friend's car was behind me all the way to the refuge so I wouldn't get lost"),
    ("en", "the worst of it is behind me and the kids are settled"),
    # The writer hiding her own medication; locking herself out.
    ("en", "I was hiding my HIV meds from my flatmates because of the stigma"),
    ("en", "I locked myself out of the flat and the refuge had a spare key"),
    # A process, services' scrutiny, a service's help with money.
    ("en", "We felt trapped by the court process for almost a year"),
    ("en", "It felt like I was being monitored by the health visitor more than he was"),
    ("en", "my IDVA helped me set up a new bank account and I'm paying my own bills now"),
    # His removal done, his sentence still running, a release years off.
    ("en", "my ex was deported last spring and I finally sleep at night"),
    ("en", "he was moved to a different prison and has three years left to serve"),
    ("en", "his release date is 2029 so I have time to plan where we'll live"),
    # Tigrinya: he does not kill; three years ago he threatened, now I am safe.
    ("ti", "ሰብኣየይ ኣይቐትለክን እዩ ኢሉ ይቕሬታ ሓቲቱ።"),
    ("ti", "ቅድሚ ሰለስተ ዓመት ክቐትለኪ እየ ኢሉኒ ነይሩ፣ ሕጂ ድሕንቲ እየ።"),
]

test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)


def test_the_reader_leaves_an_answer_its_own_language_tells_as_over(monkeypatch):
    # The English frames cannot read Spanish: the Spanish list's past and safe-now stop the reader too.
    monkeypatch.setattr(risk_reader, "probability", lambda _: 1.0)
    over = read_rules("Él está en la cárcel y ahora vivimos tranquilas, gracias a la trabajadora social")
    assert not over.assessment.flagged and over.backstop is None
    assert not risk.second_look(over).flagged
    # The same answer without the past is still read.
    now = read_rules("Él sigue mandándome mensajes y la trabajadora social no contesta")
    assert not now.assessment.flagged
    assert risk.second_look(now).flagged
    # An English answer the backstop reads is judged by the English frames alone, whatever Spanish it quotes.
    english = read_rules("my neighbour from Madrid keeps saying hace años over and over, the kids laugh at it")
    assert not english.assessment.flagged and english.backstop is not None
    assert risk.second_look(english).flagged
