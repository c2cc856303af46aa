"""Danger now, round 19 (issue 12 part 1): arson threats, being found again after moving,
a child smothered, someone watching the home, an emergency now, going back to him,
forced marriage of a young person abroad; Arabic, Somali and Portuguese lists; and the
false alarms of idioms, negated intent, resolved pasts, forms and a refuge's locks, and of
spelling correction applied to words of another language ("arestat" is no "raped")."""

from __future__ import annotations

import sys
from pathlib import Path

from analysis.risk import normalise
from tests.analysis.risk_checks import phrase_tests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.risk import evaluate, load_labelled  # noqa: E402

CORPUS = Path(__file__).parent / "corpora" / "risk_dev_r19.tsv"

DANGER = [
    ("en", "threat_to_kill_or_harm", "he says he will set fire to the house while we're asleep"),
    ("en", "imminent_contact", "he knows which school my daughter goes to now"),
    ("en", "imminent_contact", "he's been texting my new number since yesterday"),
    ("en", "strangulation", "he pushed a pillow over my son's face"),
    ("en", "imminent_contact", "a car has been parked outside the refuge every night this week"),
    ("en", "trapped_or_controlled_now", "my sister is on the floor and he won't let me call an ambulance"),
    ("en", "feeling_unsafe_now", "he hasn't hurt me today yet"),
    ("en", "child_at_risk", "my parents have booked flights and say I'm getting married in Pakistan, I'm 15"),
    ("bn", "child_at_risk", "amar abba bolse amake desh e niye biye dibe"),
    ("ur", "child_at_risk", "abbu kehte hain pakistan mein shadi kara denge"),
    ("pa", "child_at_risk", "mere mape menu India le ke viah kar dena chahunde"),
    ("ro", "child_at_risk", "vor s-o mărite pe fata mea în țară"),
    ("ar", "threat_to_kill_or_harm", "زوجي قال راح يقتلني الليلة"),
    ("ar", "strangulation", "خنقني وما قدرت أتنفس"),
    ("ar", "weapons", "معه سكين في السيارة"),
    ("ar", "imminent_contact", "طلع من السجن وعرف بيتي الجديد"),
    ("ar", "trapped_or_controlled_now", "أخذ جوازي وما يخليني أطلع"),
    ("ar", "suicidal", "ما عاد فيني أكمل هيك"),
    ("ar", "child_at_risk", "يضرب الأطفال كل ليلة"),
    ("so", "threat_to_kill_or_harm", "wuxuu yiri waan ku dilayaa caawa"),
    ("so", "strangulation", "wuu i ceejiyay shalay"),
    ("so", "weapons", "mindi ayuu sitaa"),
    ("so", "suicidal", "waxaan rabaa inaan is dilo"),
    ("so", "trapped_or_controlled_now", "baasaboorkayga ayuu iga qaatay"),
    ("pt", "threat_to_kill_or_harm", "ele disse que me vai matar amanhã"),
    ("pt", "strangulation", "apertou-me o pescoço com força"),
    ("pt", "weapons", "ele puxou uma faca"),
    ("pt", "imminent_contact", "ele saiu da cadeia e sabe a minha morada nova"),
    ("pt", "suicidal", "os meus filhos ficavam melhor sem mim"),
    ("pt", "trapped_or_controlled_now", "ele não me deixa sair de casa sozinha"),
    # "Your last Christmas" is a threat, not a time long ago ("last Christmas").
    ("en", "threat_to_kill_or_harm", "he messaged me to say make the most of your last christmas"),
    # Romanised Panjabi: papers hidden, and "wapis" as well as "wapas".
    ("pa", "trapped_or_controlled_now", "ohne mere kagaz chupa leya te kehnda pind wapis bhej denge"),
]

SAFE = [
    ("en", "Last christmas he hit me but he has been in prison since and I am safe."),
    ("en", "I could have strangled the receptionist, she was so rude to me"),
    ("en", "I'm not going to hurt myself, I just want someone to talk to"),
    ("cy", "dw i ddim yn mynd i wneud niwed i fi fy hun"),
    ("pl", "nie chcę sobie zrobić krzywdy, potrzebuję tylko wsparcia"),
    ("en", "there was a question about weapons on the form that I didn't understand"),
    ("en", "my son was at risk back then but he's thriving now"),
    ("en", "the panic alarm in the refuge made me feel safe at night"),
    ("ro", "poliția l-a arestat și acum e la închisoare"),
    ("ar", "الموظفين ساعدوني كثير والسكن نظيف"),
    ("ar", "ما راح أأذي نفسي، بس تعبانة"),
    ("so", "shaqaalaha way i caawiyeen, aad baan ugu mahadcelinayaa"),
    ("pt", "não vou fazer mal a mim mesma, só quero ajuda com a casa"),
    ("pt", "a técnica foi muito simpática e ajudou-me com os papéis"),
    ("en", "The helpline worker called me mate, which was nice."),
]


test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)


def test_spelling_is_not_corrected_in_text_of_another_language():
    assert "arestat" in normalise("poliția l-a arestat pe fostul meu soț ieri seara")
    assert "demora demais" in normalise("a casa nova demora demais e ninguém responde")
    assert "strangled" in normalise("he strangeled me last night")  # English still corrected


def test_round19_corpus_holds_its_tuned_figures():
    report = evaluate(load_labelled(CORPUS))
    assert report.recall >= 0.98 and report.precision >= 0.95, report.summary()
