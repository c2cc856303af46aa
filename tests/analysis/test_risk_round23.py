"""Danger now, round 23 (issue 12 part 1): recent strangulation told by the injury ("sore
where he squeezed it"), control now (permission to eat or wash, food kept back), a suicide
plan with means and a time but no pills named, goodbyes told sideways, being sent abroad to
be left there or a girl taken to be cut or married, in English and other languages; and the
false alarms of a wait that "nearly killed me", control that is over, a teacher taking a
phone, training on FGM, threats read out in court."""

from __future__ import annotations

from tests.analysis.risk_checks import phrase_tests

DANGER = [
    ("en", "strangulation", "my neck is still tender from where he gripped it on monday"),
    ("en", "trapped_or_controlled_now", "I have to ask his permission to have a bath"),
    ("en", "trapped_or_controlled_now", "he keeps the food locked away and we go hungry"),
    ("en", "suicidal", "when they're all in bed I'll swallow everything in the medicine cabinet"),
    ("en", "suicidal", "told my brother bye, he doesn't know why I was so quiet, it's better this way"),
    ("en", "trapped_or_controlled_now", "they plan to fly me back and leave me there"),
    ("en", "child_at_risk", "my sister-in-law wants our daughter taken home to have her cut"),
    ("ar", "suicidal", "تركت رسالة وداع على الطاولة"),
    ("ar", "child_at_risk", "يريدون ختان ابنتي في الصيف"),
    ("ur", "strangulation", "اس نے کل میری گردن دبا دی"),
    ("ur", "trapped_or_controlled_now", "woh mujhe gaon chhod ke aayenge"),
    ("bn", "trapped_or_controlled_now", "শাশুড়ি আমাকে খেতে দেয় না"),
    ("so", "child_at_risk", "gabadhayda yar waxay rabaan in la gudo"),
    ("pa", "trapped_or_controlled_now", "ਮੈਨੂੰ ਪਿੰਡ ਭੇਜ ਕੇ ਉੱਥੇ ਛੱਡ ਦੇਣਗੇ"),
    ("pl", "suicidal", "zostawiłam list pożegnalny"),
]

SAFE = [
    ("en", "the queue was murder and the forms are the death of me"),
    ("en", "in the old days he took my phone, now nobody touches it"),
    ("en", "the teacher took my son's phone because he was on it in class"),
    ("en", "I had tonsillitis and couldn't swallow for days"),
    ("cy", "roedd y ciw bron â'n lladd i"),
    ("pt", "quase me matou a espera"),
    ("ro", "m-a omorât așteptarea"),
    ("pl", "czekanie mnie prawie zabiło"),
    ("ar", "كتبت رسالة وداع لزميلتي في العمل"),
]


test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)
