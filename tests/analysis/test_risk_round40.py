"""Danger now, round 40: a stranger's probe of 141 answers (74 danger, 67 safe, 33 in 19 other
languages) was scored once at 19141f0 before it was read: recall 0.946, precision 0.933 (rules
alone 0.878 and 0.956). It missed a SARC number that did not work after an assault "monday night"
(a day named, and the service in the sentence before), and answers in Chinese, Tamil and
Ukrainian (no list read their scripts); the rules alone also missed a child at home with him,
stopping on a bridge to look down, Panjabi in Urdu script ("گلا گھٹیا"), a Portuguese "next time you
won't get up" and a Spanish "he knows which school". It flagged an office losing documents and the
writer sending them again (the word backstop), "people who are being threatened" in a suggestion
about the form, a suicidal year told as over ("I'm not now"), and (the reader) two questions
about anyone in danger filling in the form. The phrases below are written for these tests."""

from __future__ import annotations

from analysis import risk, risk_reader
from analysis.risk import assess_rules, read_rules
from tests.analysis.risk_checks import phrase_tests

DANGER = [
    # A sexual assault service with the assault a day or two ago, in the next sentence.
    ("en", "sexual_violence_recent",
     "the ISVA hasn't called back. It happened on Saturday night and I don't know what to do"),
    ("en", "sexual_violence_recent", "it happened two days ago. is it too late to go to the SARC"),
    # A child left at home with him, in his care.
    ("en", "child_at_risk", "my 4 year old is at home with him while I'm at college and he drinks"),
    # Stopping again and again at a height and looking down.
    ("en", "suicidal", "I keep standing at the edge of the platform and staring down at the tracks"),
    # Panjabi in Urdu script: he strangled me.
    ("ur", "strangulation", "اوہنے میرا گلا گھٹیا تے میں ڈر گئی"),
    # Portuguese: he said next time you won't wake up; Spanish: he found out which school.
    ("pt", "threat_to_kill_or_harm", "ele gritou que na próxima vez tu não acordas"),
    ("es", "imminent_contact", "mi expareja ya sabe a qué escuela van los niños"),
    # Ukrainian, Russian, Tamil and Chinese, read now.
    ("uk", "strangulation", "Він знову душив мене вчора ввечері."),
    ("uk", "threat_to_kill_or_harm", "Он написал, что убьет меня сегодня."),
    ("ta", "threat_to_kill_or_harm", "நான் வெளியே போனால் கொல்லுவேன் என்று அவன் சொல்கிறான்."),
    ("zh", "strangulation", "他昨天掐我脖子，我现在很害怕。"),
    ("zh", "stalking_with_fear", "他下班后一直跟着我回家。"),
]

SAFE = [
    # A SARC or an ISVA with nothing recent, or long ago.
    ("en", "the SARC staff were lovely when I went there years ago"),
    ("en", "my ISVA rang on Monday about the court date, she has been brilliant"),
    # A child at home with someone else; the writer at home with him safely gone.
    ("en", "my 6 year old is at home with his nan today"),
    # A bridge for the view.
    ("en", "we stood on the bridge looking down at the boats, it was lovely"),
    ("en", "I keep stopping on the bridge to take photos of the river"),
    # Past suicidal thoughts, a time told and then told as over (a strong match survives one frame alone).
    ("en", "I was self-harming last winter but I'm not any more, the counselling helped"),
    # An office losing papers; the writer sending them in again.
    ("en", "the housing association lost my forms again and I've sent them three times"),
    ("en", "Home Office keep asking for my bank statements, I've posted my payslips twice"),
    # People in danger in general: a suggestion, a question about the form.
    ("en", "there should be a hidden option for women who are being abused"),
    ("en", "what would happen if somebody was in danger and their partner saw this page?"),
    ("en", "if a woman is living with him still, your emails could put her at risk"),
    # Portuguese: next time I won't get up so early; Spanish: nobody knows which school.
    ("pt", "na próxima vez não levanto tão cedo, estou exausta"),
    ("es", "todavía no sabe a qué colegio irá mi hija en septiembre"),
    # Ukrainian, Tamil and Chinese: negated, past, a course, thanks, figures of speech.
    ("uk", "Він ніколи мене не душив, але кричав."),
    ("uk", "Це більше ніж я очікувала, дякую."),
    ("ta", "அவர் என்னை அடிக்கவில்லை, ஆனால் கோபமாக பேசினார்."),
    ("zh", "他没有跟踪我，只是打了很多电话。"),
    ("zh", "我好想死你了，谢谢你们的帮助。"),
    ("zh", "十年前他打过我，现在我很安全。"),
]

test_danger_now_is_flagged_and_named, test_hard_negatives_are_left_alone = phrase_tests(DANGER, SAFE)


def test_people_who_threatened_the_writer_are_no_topic():
    # "People who have been threatened" is about anyone; "people who threatened to kill me" is not.
    assert assess_rules("there are people who threatened to kill me over this").flagged
    assert not assess_rules("the group is for people who have been threatened").flagged


def test_the_reader_leaves_a_supposition_about_anyone(monkeypatch):
    monkeypatch.setattr(risk_reader, "probability", lambda _: 1.0)
    # A question about anyone in danger using the form: the reader is not asked.
    anyone = read_rules("what if someone is being abused and fills this in on a shared computer")
    assert not anyone.assessment.flagged
    assert not risk.second_look(anyone).flagged
    # Someone outside the writer's house is no supposition about a victim: the reader still reads it.
    outside = read_rules("what if someone is outside my house right now")
    assert not outside.assessment.flagged
    assert risk.second_look(outside).flagged
    # Nor when the rules saw a cue above nothing: "if anyone's in danger it's me" with him at the door.
    cue = read_rules("if anyone is in danger it's me, he keeps turning up")
    assert any(score > 0 for score in cue.scores.values())
    assert risk.second_look(cue).flagged


def test_the_reader_still_flags_short_cyrillic_it_cannot_read():
    # Left as found (the reader's next retraining): the Ukrainian list does not flag the postman at the door,
    # but the reader flags short Cyrillic answers it has no words for at about 0.68.
    assert not assess_rules("Листоноша прийшов до моїх дверей з посилкою.").flagged
