"""Sentiment on domestic-abuse feedback: service failures without negative
words, arrests that read as violence, abuse described beside praise, mixed,
suggested and non-answers (issue 13, part 4)."""

import numpy as np
import pytest

from analysis.judgement import clauses, is_non_answer, judge
from analysis.sentiment import (
    JUDGED_FLOOR,
    NEUTRAL_BAND,
    SentimentScorer,
    _best_cuts,
    _plain_failures,
    default_scorer,
    judged,
    rating,
)
from analysis.text import question_kind

ELSE = "Is there anything else you want to tell us?"


def labels(pairs: list[tuple[str, str | None]]) -> list[str]:
    return [s.label for s in default_scorer().predict([t for t, _ in pairs], [q for _, q in pairs])]


@pytest.mark.parametrize("text", [
    "Nobody called back",
    "I rang the police three times and nothing happens",
    "The refuge was full so I went back to my mum's",
    "The court let him cross-examine me",
    "Nobody asked if it was safe for me to talk",
    "I was told I didn't meet the threshold for support",
    "Passed from pillar to post for months",
    "Stop closing the cases so fast",
])
def test_service_failures_without_negative_words_are_negative(text):
    assert labels([(text, ELSE)]) == ["negative"]


@pytest.mark.parametrize("text", [
    "The police came straight away and arrested him that night",
    "He hit me but the police were brilliant",
    "She believed me and kept me updated the whole way",
])
def test_service_successes_are_positive_whatever_the_abuse(text):
    assert labels([(text, "What helped?")]) == ["positive"]


def test_mixed_suggested_and_non_answers_are_neutral():
    assert labels([
        ("My solicitor was brilliant but it still took two years which is far too long", ELSE),
        ("A number that doesn't show up on the phone bill", "What would make it easier to ask for help?"),
        ("no idea sorry", ELSE),
        ("asdfghjk", ELSE),
    ]) == ["neutral"] * 4


def test_nhs_style_answers_keep_their_reading():
    assert labels([
        ("Nothing, it was perfect", "How could we improve?"),
        ("Staff were rude and I waited hours", "FFT Why?"),
        ("They have never let me down", "FFT Why?"),
        ("Listen to me when I tell you it hurts", "How could we improve?"),
    ]) == ["positive", "negative", "positive", "negative"]


def test_compound_is_centred_on_neutral():
    scores = default_scorer().predict(["no idea", "Nobody called back", "arrested him"], [ELSE, ELSE, ELSE])
    assert scores[0].compound == 0.0
    assert scores[1].compound < -NEUTRAL_BAND < NEUTRAL_BAND < scores[2].compound


def test_abuse_clauses_are_set_apart_only_beside_a_service_judgement():
    assert judge("He hit me. But the police were brilliant").scored_text == "but the police were brilliant"
    alone = "I'm scared he'll kill my kids to punish me"
    assert judge(alone).scored_text == alone


def test_negated_or_asked_successes_do_not_count():
    assert judge("Nobody believed me").successes == 0
    assert judge("Nobody believed me").failures == 1
    assert judge("The midwife asked if I felt safe at home").successes == 0


def test_clauses_split_on_sentences_and_contrast():
    assert clauses("Great staff, but nobody called back. Still waiting") == [
        "Great staff", "nobody called back.", "Still waiting"]


def test_non_answers():
    assert is_non_answer("Dunno") and is_non_answer("no thanks!") and is_non_answer("sdfghjk")
    assert not is_non_answer("Nobody called") and not is_non_answer("Thanks")


def test_proposals_are_neutral_except_as_answers_to_what_could_be_better():
    # The whole of a dev answer both coders read as neutral (3 and 3); its first
    # sentence alone the learned layer of 2026-12-06 reads as a complaint.
    wish = ("I wish somebody had told me about economic abuse earlier. "
            "I thought him taking my wages was just how our marriage worked")
    assert judge(wish).suggests and not judge("They told me it would be an hour").suggests
    assert labels([(wish, ELSE), ("I wish there was a group for dads", ELSE)]) == ["neutral", "neutral"]


def test_nothing_reads_by_the_question():
    assert labels([
        ("No", ELSE),
        ("nothing helped to be honest. I got myself out", "What helped?"),
        ("Nothing", "How could we improve?"),
    ]) == ["neutral", "negative", "positive"]


@pytest.mark.parametrize("text", [
    "Oh yeah the police were SO helpful, took them 6 hours to turn up",
    "Great, brilliant, they gave him unsupervised contact. Thanks a lot",
    "Ha. Helped. That's a good one",
])
def test_sarcastic_praise_is_negative(text):
    assert judge(text).sarcastic
    assert labels([(text, "What helped?")]) == ["negative"]


@pytest.mark.parametrize("text", [
    "The counselling wasn't helpful at all",
    "Wouldn't say anyone helped",
    "Not the police. They came out and gave him a lift to his mates",
    "They promised a call from the ISVA and it never came",
    "Couldnt get in. Full every time I rang",
])
def test_negated_or_withheld_praise_is_negative(text):
    assert labels([(text, "What helped?")]) == ["negative"]


def test_domestic_abuse_coders_read_mixed_lukewarm_and_proposals_as_neutral():
    better = "What could be better?"
    pairs = [
        ("The IDVA was lovely but the housing side was a nightmare", "What helped?"),
        ("It was ok I guess", "What did you think of the refuge?"),
        ("The police were fine I suppose. Did what they had to", "What helped?"),
        ("More male workers", better),
        ("Let us self refer without going through the police first", better),
    ]
    assert labels(pairs) == ["neutral"] * len(pairs)
    # A proposal that is also a complaint stays one.
    assert labels([("Stop asking me why I didn't leave", better)]) == ["negative"]


def test_nhs_coding_keeps_proposals_as_complaints():
    scorer = SentimentScorer.from_dict(default_scorer().to_dict())
    assert not scorer.domestic_abuse_coding
    assert [s.label for s in scorer.predict(["More call handlers"], ["How could we improve?"])] == ["negative"]


def test_neutral_band_is_chosen_on_domestic_abuse_answers_alone():
    # NHS-style answers coded by their thrust, domestic-abuse ones coded
    # neutral when mildly critical: the band for domestic-abuse coding widens
    # towards the negative side, the NHS reading keeps the fixed band.
    nhs = [("Staff were lovely and kind", 1), ("Rude and late", 5), ("The wait was a bit long", 4),
           ("Fine, nothing special", 3)] * 6
    da = [("The wait was a bit long", 3), ("She believed me", 1), ("Nobody called back", 5),
          ("The room was a bit cold", 3)] * 6
    texts = [t for t, _ in nhs + da]
    scorer = SentimentScorer(domestic_abuse_coding=True).fit(
        texts, [None] * len(texts), [r for _, r in nhs + da], [1.0] * len(nhs) + [3.0] * len(da),
        [False] * len(nhs) + [True] * len(da))
    assert scorer.band_[0] < -NEUTRAL_BAND
    assert SentimentScorer.from_dict(scorer.to_dict()).band_ == scorer.band_
    plain = SentimentScorer().fit(texts, [None] * len(texts), [r for _, r in nhs + da])
    assert plain.band_ == (-NEUTRAL_BAND, NEUTRAL_BAND)


def _fit_domestic_abuse(da: list[tuple[str, int]]) -> SentimentScorer:
    nhs = [("Staff were lovely and kind", 1), ("Rude and late", 5), ("Fine, nothing special", 3)] * 6
    texts = [t for t, _ in nhs + da]
    return SentimentScorer(domestic_abuse_coding=True).fit(
        texts, [None] * len(texts), [r for _, r in nhs + da], [1.0] * len(nhs) + [3.0] * len(da),
        [False] * len(nhs) + [True] * len(da))


def test_the_learned_layers_learn_from_the_text_predict_reads():
    # predict reads an answer without the clauses that only describe the
    # abuse: words found only there are never read, so none is learned.
    scorer = _fit_domestic_abuse([("He hit me and smashed the phone. But the police were brilliant", 1),
                                  ("He strangled me. The officer was rude", 5), ("The IDVA was ok", 3)] * 3)
    assert {"police", "brilliant", "rude", "officer", "idva"} <= set(scorer.vocabulary_)
    assert not {"hit", "smashed", "strangled", "phone"} & set(scorer.vocabulary_)
    assert scorer.score(["He hit me. But the police were brilliant"])[0] == pytest.approx(
        scorer.score(["But the police were brilliant"])[0])


def test_neutral_model_reads_domestic_abuse_coders_neutral_from_their_words():
    # "Some ... good some not" is neutral to these coders whatever its
    # compound; plain facts of what a service did are not.
    da = [("Some sessions good some not", 3), ("Some workers good some not", 3), ("Some days good some not", 3),
          ("She came to every hearing", 1), ("She rang every week", 1), ("Nobody came", 5),
          ("They lost my forms", 5)] * 4
    scorer = _fit_domestic_abuse(da)
    assert scorer.neutral_coef_ is not None
    texts = ["Some weeks good some not", "She came every week", "Nobody rang"]
    result = scorer.predict(texts)
    assert [s.label for s in result] == ["neutral", "positive", "negative"]
    # The compound agrees with the label: inside the band only when neutral.
    assert [abs(s.compound) < NEUTRAL_BAND for s in result] == [True, False, False]
    rebuilt = SentimentScorer.from_dict(scorer.to_dict())
    rebuilt.domestic_abuse_coding = True
    assert rebuilt.predict(texts) == result


def test_without_both_readings_among_domestic_abuse_answers_the_band_alone_reads_them():
    scorer = _fit_domestic_abuse([("She believed me", 1), ("Nobody called back", 5)] * 6)
    assert scorer.neutral_coef_ is None
    assert "neutral_coef" not in scorer.to_dict()
    assert SentimentScorer.from_dict(scorer.to_dict()).neutral_coef_ is None


def test_smoothed_cut_points_keep_clear_of_a_cliff():
    # Two negatives at -0.21 and four neutrals at -0.19: the single best cut
    # squeezes between them (and just above the six neutrals at 0), where a
    # new writer's slightly different scores would fall on the wrong side;
    # smoothed, the cuts stand two grid steps or more from both clusters.
    grid = np.linspace(-0.5, 0.5, 41)
    score = np.array([-0.4] * 10 + [-0.21] * 2 + [-0.19] * 4 + [0.0] * 6 + [0.4] * 10)
    target = np.array([-1.0] * 12 + [0.0] * 10 + [1.0] * 10)
    weight = np.ones(len(score))
    lo, hi = _best_cuts(score, target, weight, grid)
    assert (round(lo, 3), round(hi, 3)) == (-0.2, 0.025)
    lo, hi = _best_cuts(score, target, weight, grid, smooth=5)
    assert lo <= -0.25 and 0.05 <= hi < 0.4


def test_wished_for_successes_do_not_count_and_told_successes_are_no_complaint():
    assert judge("If the police had believed me the first time I wouldnt of waited").successes == 0
    assert judge("I wish she had listened to me").successes == 0
    assert labels([
        ("the police came within 10 minutes and arrested him. first time i slept properly in years", "What helped?"),
        ("none of them to be honest", "What helped?"),
        ("nothing. it was a disaster from start to finish", "What worked well?"),
    ]) == ["positive", "negative", "negative"]


@pytest.mark.parametrize("text", [
    "The GP listened when nobody else would",
    "my key worker explained the court order, no one else had bothered",
    "She went through the safety plan with me, nobody had done that before",
    "They asked which language I wanted. Nobody has ever asked me that",
    "my idva never once gave up on me",
    "You didn't give up on us",
    "the officer stayed on it for a year and never let it drop",
])
def test_praise_by_contrast_with_others_or_before_is_a_success_not_a_failure(text):
    # The failure named is someone else's: the service did what they had not.
    reading = judge(text)
    assert (reading.failures, reading.successes) == (0, 1)


@pytest.mark.parametrize("text", [
    "The police were no help and nobody else rang me back either",
    "Nobody ever asked me if I was ok",
    "nobody rang back",
])
def test_a_failure_shared_with_others_stays_a_failure(text):
    assert (judge(text).failures, judge(text).successes) == (1, 0)


def test_praise_told_beside_a_fault_is_mixed_even_answering_what_could_be_better():
    # "good"/"nice" praise too; a fault may carry no negative word ("not so much",
    # "isn't"); praise told as how someone was is no request, whatever the question.
    better = "What could be better?"
    assert labels([
        ("the worker was fab but I only got six sessions and needed more", better),
        ("staff were lovely but the waiting list is far too long", better),
        ("the idva was great, the police not so much", "What helped?"),
        ("The response was quick but the follow up wasnt", "What did you think of the police?"),
        ("cafcass were good. the magistrates didnt understand anything", "Tell us about your experience"),
    ]) == ["neutral"] * 5
    # A request for praise still reads as a complaint.
    assert labels([("Listen to me when I tell you it hurts", "How could we improve?")]) == ["negative"]


def test_domestic_abuse_phrases_without_sentiment_words():
    assert labels([
        ("Felt like a number", "What could be better?"),
        ("It's a postcode lottery", ELSE),
        ("Not being treated like a liar when you do", "What would make it easier to ask for help?"),
    ]) == ["negative"] * 3
    assert labels([
        ("The judge told him off in court. I felt seen", "Tell us about your experience"),
        ("I finally felt heard", "What did you think of the police?"),
    ]) == ["positive"] * 2


@pytest.mark.parametrize("text", [
    "I feel like services only care if there is a bruise",
    "My worker left and the new one hasnt been in touch",
    "The staff treated us like we were the problem",
    "Social services made me feel like it was my fault",
    "If the GP hadnt laughed it off the first time",
    "the council lost my forms",
    "I had to chase them every single week",
])
def test_faults_told_without_negative_words_are_negative(text):
    assert labels([(text, ELSE)]) == ["negative"]


def test_only_a_failure_told_is_beyond_the_neutral_model():
    # Both name a fault the rules find; only the first tells it (the second proposes), so
    # only the first is not the neutral model's to overrule.
    found = [judge(t) for t in ("My worker left and the new one hasnt been in touch",
                                "Shorter waiting lists for counselling")]
    assert [j.failures > 0 for j in found] == [True, True]
    assert _plain_failures(found, np.array([-0.5, -0.5])).tolist() == [True, False]


@pytest.mark.parametrize("text", [
    "The worker never once made me feel like it was my fault",
    "Staff never made me feel like a burden",
    "nobody made me feel stupid",
    "no one judged me, first time in years",
    "No one ever made me feel like it was my fault",
    "nobody blamed me",
])
def test_a_fault_denied_is_praise(text):
    assert labels([(text, "What did you think of the refuge?")]) == ["positive"]


@pytest.mark.parametrize("text", ["my mum", "not being judged", "Knowing I could just turn up on a tuesday"])
def test_naming_what_helped_is_praise(text):
    assert labels([(text, "What helped?")]) == ["positive"]


@pytest.mark.parametrize("text", ["the leaflet I guess", "nothing really", "not sure yet", "nowt u did was useful",
                                  "honestly cant think of anything", "dim byd a dweud y gwir"])
def test_hedged_or_nothing_answers_to_what_helped_are_not_lifted_to_praise(text):
    assert judged(0.0, judge(text), "What helped?", domestic_abuse_coding=True) <= 0.0


def test_naming_what_helped_is_read_as_praise_only_in_domestic_abuse_coding():
    assert judged(0.0, judge("my mum"), "What helped?", domestic_abuse_coding=True) == JUDGED_FLOOR
    assert judged(0.0, judge("my mum"), "What helped?", domestic_abuse_coding=False) == 0.0


@pytest.mark.parametrize("text", [
    "They fitted a new lock on the back door the next morning",
    "Special measures were in place and I never had to see him",
    "My IDVA phoned me back within twenty minutes",
    "They found us a room in a refuge that evening",
    "The officer stayed with me until my sister arrived",
    "She talked me through the whole court process",
])
def test_service_acts_told_without_praise_words_are_successes(text):
    assert judge(text.lower()).successes >= 1
    assert labels([(text, ELSE)]) == ["positive"]


@pytest.mark.parametrize("text", [
    "My support worker went on leave and was never replaced",
    "The charges were dropped",
    "Police gave me a crime number and that was it",
    "I never heard back from the housing team",
    "The children's worker didn't turn up twice",
])
def test_service_acts_failed_told_without_negative_words_are_failures(text):
    assert judge(text.lower()).failures >= 1
    assert labels([(text, ELSE)]) == ["negative"]


@pytest.mark.parametrize("text", [
    "They never fitted the new locks",
    "Nobody rang me back within the week",
    "I'm waiting for them to fit the door alarm",
    "They said they'd find us a room in a refuge",
])
def test_service_acts_negated_awaited_or_promised_are_no_success(text):
    assert judge(text.lower()).successes == 0


def test_yes_or_no_to_a_verdict_question_is_the_verdict():
    recommend = "Would you recommend this service to someone in your position?"
    assert labels([
        ("Yes, she phoned every week", recommend),
        ("No. Three months for a first appointment", recommend),
        ("Not really, he was sat right outside", "Did you feel safe at the hearing?"),
        ("Yes, though the waiting was awful", recommend),
        ("No", "Is there anything else you want to tell us?"),
    ]) == ["positive", "negative", "negative", "neutral", "neutral"]


@pytest.mark.parametrize("text", [
    "I had no idea they changed the locks",  # "no idea" denies nothing
    "The council sent a locksmith the same day",
])
def test_service_acts_after_words_that_deny_nothing_are_successes(text):
    assert judge(text.lower()).successes >= 1


@pytest.mark.parametrize("text", [
    "He paid a locksmith to get into my flat",
    "He emailed me back within the hour saying sorry",
    "I watched it on a screen at his house",
])
def test_the_abusers_acts_and_any_screen_are_no_service_success(text):
    assert judge(text.lower()).successes == 0


def test_only_a_yes_or_no_question_takes_a_yes_or_no_as_its_verdict():
    open_question = "What would you recommend to improve the service?"
    recommend = "Would you recommend us to a friend?"
    assert labels([("100% yes, she phoned every week", recommend),
                   ("No, it was all fine really", open_question)]) == ["positive", "positive"]


@pytest.mark.parametrize("text", [
    "Hard to say, I only went twice",
    "Not sure, I only used it once",
    "too early to tell",
    "I only spoke to her twice so I cant really say",
    "Better than nothing",
])
def test_answers_that_cannot_judge_read_as_lukewarm(text):
    assert judge(text).lukewarm


@pytest.mark.parametrize("text", [
    "Not sure anything helped",
    "I don't know who to ring for her",
    "I can't say enough good things about her",
    "Can't say enough good things about them",
    "Not sure I'd be alive without her",
    "Dunno what I'd do without the group",
    "Better than I expected. Warm and clean",
])
def test_answers_that_say_something_are_not_read_as_unable_to_judge(text):
    assert not judge(text).lukewarm


@pytest.mark.parametrize("text", [
    "Can't say enough good things about them", "Cant thank her enough", "Couldn't fault them"])
def test_praise_too_great_for_words_is_praise(text):
    assert labels([(text, "Is there anything else you want to tell us?")]) == ["positive"]


RATE = "Out of 10, how would you rate us, and why?"


@pytest.mark.parametrize(("text", "label"), [
    ("10. Every single person I met treated me like I was worth helping", "positive"),
    ("7", "positive"),
    ("6 - the staff were great but getting in took far too long", "neutral"),
    ("2/10. Lost my file twice", "negative"),
    ("4 out of 10. Kind people, broken system", "negative"),
    ("3 stars. The group was good, the one to one never happened", "neutral"),
])
def test_a_score_asked_for_is_the_verdict(text, label):
    assert labels([(text, RATE)]) == [label]


def test_a_number_that_is_no_score_is_read_by_its_words():
    assert rating("10 weeks was far too long to wait", RATE) is None
    assert rating("12 because", RATE) is None
    assert rating("8 because my worker was great", "What helped?") is None
    assert rating("2 workers came out and were brilliant", RATE) is None
    assert rating("1 thing I'd change is the waiting list", RATE) is None
    assert rating("4. Waited a month", "How satisfied were you, on a scale of 0 to 10?") == pytest.approx(-1 / 3)
    assert rating("4. Waited a month", "How many times did you ring before someone answered?") is None
    assert labels([("2 workers came out and were brilliant", "How would you rate the support you got?")]) == [
        "positive"]


@pytest.mark.parametrize("question", [
    "On a scale of 1 to 5, how would you rate the support?",
    "How would you rate the support from 1 (poor) to 5 (excellent)?",
    "Rate us 1-5",
    # A scale named asks for a score without "rate" or "score".
    "On a scale of 1 to 5, how satisfied were you with the outreach team?",
    "From 1-5, how safe did you feel in the refuge?",
])
def test_a_five_point_scale_is_read_out_of_five(question):
    assert labels([("4", question), ("5", question), ("3", question), ("1", question)]) == [
        "positive", "positive", "neutral", "negative"]


def test_questions_about_keeping_someone_safe_or_whether_anything_helped():
    """"Keep you safe" asks for help wanted, not for what to keep; "Is there
    anything that helped?" asks what helped, not for a verdict."""
    assert question_kind("What would help keep you safe?") != "good"
    assert question_kind("What should we keep doing?") == "good"
    assert question_kind("Is there anything that helped?") == "good"
    assert labels([("More refuge spaces", "What would help keep you safe?")]) == ["neutral"]


def test_answers_to_whether_something_helped_are_read_by_their_words():
    question = "Was the interpreter helpful?"
    assert labels([("Interpreter came late so the appointment was only 20 minutes", question)]) == ["negative"]
