"""Danger-now detection in free text (analysis.risk)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.risk import CATEGORIES, RiskAssessment, assess, categories, vocabulary_fingerprint
from tests.analysis.risk_checks import assert_left_alone

ROOT = Path(__file__).resolve().parents[2]


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("benchmark_risk", ROOT / "benchmarks" / "risk.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_api_shape():
    result = assess("He said he'd kill me and he keeps a knife under the bed.")
    assert isinstance(result, RiskAssessment)
    assert result.flagged
    assert result.categories == ("threat_to_kill_or_harm", "weapons")
    assert result.matches and all(isinstance(m, str) for m in result.matches)
    assert assess("The refuge was lovely.") == RiskAssessment(False, (), ())


def test_categories_are_the_documented_ones():
    assert set(categories()) == set(CATEGORIES) == {
        "threat_to_kill_or_harm", "strangulation", "weapons", "imminent_contact", "stalking_with_fear",
        "child_at_risk", "suicidal", "sexual_violence_recent", "trapped_or_controlled_now",
        "third_party_in_danger", "feeling_unsafe_now",
    }
    # Stored comma-joined in a 200-character column.
    assert len(",".join(CATEGORIES)) <= 200


@pytest.mark.parametrize(
    "text, category",
    [
        ("he said he'd kill me", "threat_to_kill_or_harm"),
        ("he said next time I won't wake up", "threat_to_kill_or_harm"),
        ("if I leave he'll make sure I regret it", "threat_to_kill_or_harm"),
        ("he keeps saying he'll burn the house down with us in it", "threat_to_kill_or_harm"),
        ("He put a hand over my mouth and nose until I blacked out", "strangulation"),
        ("he had me by the throat on sunday", "strangulation"),
        ("cant breathe when he does it", "strangulation"),
        ("he's got a knife", "weapons"),
        ("there's a shotgun in the house and he's talking about using it", "weapons"),
        ("he's parked outside my flat right now", "imminent_contact"),
        ("he gets out of prison next week whether I like it or not", "imminent_contact"),
        ("he's found me again, that's the third move", "imminent_contact"),
        ("writing this while he's in the shower", "imminent_contact"),
        ("he follows me to work every day and I'm terrified", "stalking_with_fear"),
        ("my baby isn't safe with him", "child_at_risk"),
        ("I'm 14 and my stepdad hits me", "child_at_risk"),
        ("My mum drinks and her boyfriend hits her. I'm 14.", "child_at_risk"),
        ("i wanna die", "suicidal"),
        ("I'm going to take all my tablets tonight", "suicidal"),
        ("No one would miss me if I was gone", "suicidal"),
        ("he raped me last week", "sexual_violence_recent"),
        ("he forces me to have sex when he's been drinking", "sexual_violence_recent"),
        ("he has my passport and I'm not allowed out", "trapped_or_controlled_now"),
        ("he says he will send me back to my country if I leave", "trapped_or_controlled_now"),
        ("my sister's husband has threatened to kill her", "third_party_in_danger"),
        ("I hear the woman next door screaming every night", "third_party_in_danger"),
        ("I'm not safe", "feeling_unsafe_now"),
        ("I don't feel safe in my own home", "feeling_unsafe_now"),
    ],
)
def test_flags_each_category(text, category):
    result = assess(text)
    assert result.flagged and category in result.categories, result


@pytest.mark.parametrize(
    "text, category",
    [
        ("he threatend to kil me agen last nite", "threat_to_kill_or_harm"),
        ("he chocked me till i past out", "strangulation"),
        ("he strangeled me on saterday", "strangulation"),
        ("he had his hands rond my throte", "strangulation"),
        ("he pulld a knif on me", "weapons"),
        ("i feel sucidal all the time", "suicidal"),
        ("hes outsid the hous now", "imminent_contact"),
        ("he wont let me leav the hous", "trapped_or_controlled_now"),
        ("HE SAID HE’D KILL ME", "threat_to_kill_or_harm"),
        ("kms honestly", "suicidal"),
    ],
)
def test_misspellings_text_speak_and_capitals(text, category):
    result = assess(text)
    assert result.flagged and category in result.categories, result


@pytest.mark.parametrize(
    "text",
    [
        "the staf were grate",  # not "stab"
        "the bill was paid and the will was read",  # not "kill"
        "the rate of referrals went up",  # not "rape"
        "I had to pick up my pills from the pharmacy",
        "the worker found me a flat near my mum",
    ],
)
def test_ordinary_words_are_not_corrected_into_danger(text):
    assert_left_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        # negation
        "he never threatened to kill me, it was more about control",
        "no weapons were involved",
        "I don't think he would ever use a weapon",
        "I was not in danger, I just needed advice",
        "I've never felt unsafe at the refuge",
        # long ago, and said to be over
        "He used to threaten me all the time but that was ten years ago. I'm remarried and happy now.",
        "Years ago he put his hands round my neck. He's been in prison for a long time and I've moved on.",
        "I used to feel suicidal but the group got me through it",
        "I self-harmed as a teenager but not for many years",
        # educational or reported
        "the Freedom Programme taught us about strangulation",
        "In the training we learned about the DASH checklist, which asks about threats to kill and weapons",
        "the knife crime talk at school",
        "the worker asked about suicide in a gentle way",
        # figures of speech and services
        "the wait was killing me",
        "I could have killed for a cup of tea",
        "it was dead easy",
        "Rape Crisis were brilliant",
        "I choked up telling her",
        "I felt like I was choking on all the paperwork",
        "the sexual violence team were kind",
        "my worker helped me with housing",
    ],
)
def test_negation_past_education_and_figures_of_speech_are_not_flagged(text):
    assert_left_alone(text)


@pytest.mark.parametrize(
    "text",
    [
        # a negation in another clause hides nothing
        "He never hit me but he said he would kill me",
        "He didn't hit me, he choked me.",
        "The police didn't take it seriously when he strangled me",
        # the past is tied to now
        "He threatened to kill me years ago and went to prison. He was released in the summer and the threats "
        "have started again.",
        "It was years ago that he first pulled a knife on me. He still has it and he still gets it out.",
        "The course taught us that strangulation is a warning sign. That's exactly what he did on Friday.",
        "He was convicted in 2020 but he's out now and he's been seen on my road.",
        "Everyone thinks it's over because I left, but I'm not safe, he knows where the kids go to school.",
        # a strong danger told in the past, with no sign it is over, stays flagged
        "He strangled me.",
        # violence told in the present tense is happening now
        "wife hits me with whatever's to hand",
        # "teach me a lesson" is a threat, not a lesson about abuse
        "He dangled my son over the balcony to teach me a lesson",
        # indirect threats and danger told sideways
        "He said this Christmas will be my last",
        "I go quiet when he comes home so he doesn't start",
        "he's been released early and my address is on the old court papers",
    ],
)
def test_recall_comes_first(text):
    assert assess(text).flagged, text


def test_real_word_list_was_made_for_this_lexicon():
    header = (ROOT / "analysis" / "data" / "risk_real_words.txt").read_text("utf-8").splitlines()[:3]
    assert f"# lexicon: {vocabulary_fingerprint()}" in header, "run benchmarks/risk_real_words.py"


def test_other_languages_basic_words():
    assert assess("Mae e wedi dweud y bydd e'n fy lladd i").flagged
    assert assess("Boję się go, nie jestem bezpieczna w domu.").flagged
    assert not assess("Diolch am y cymorth gyda'r tai.").flagged


def test_matches_are_the_outermost_phrases_in_order():
    result = assess("He's outside now and he has got a knife")
    assert result.matches == ("he's outside", "has got a knife")


@pytest.mark.parametrize(
    "text", ["", "\x00", "😀" * 100, "e\u0301" * 50, "مرحبا", "kill " * 100_000, "\u202ehe said he'd kill me"]
)
def test_odd_inputs_never_raise(text):
    assert isinstance(assess(text), RiskAssessment)


def test_rejects_non_strings():
    with pytest.raises(TypeError):
        assess(None)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_property_never_raises_and_is_deterministic(text):
    assert assess(text) == assess(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
       st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_property_a_clear_threat_is_found_in_any_surrounding_text(before, after):
    result = assess(f"{before}. He said he would kill me. {after}")
    assert result.flagged and "threat_to_kill_or_harm" in result.categories


def test_the_team_corpus_meets_the_targets():
    benchmark = _load_benchmark()
    corpus = [e for path in sorted(benchmark.CORPUS_DIR.glob("*.tsv")) for e in benchmark.load_labelled(path)]
    assert sum(e.flagged for e in corpus) >= 400 and sum(not e.flagged for e in corpus) >= 400
    report = benchmark.evaluate(corpus)
    # Tuned on: these guard against regressions, they are not results.
    assert report.recall >= 0.95, report.errors
    assert report.precision >= 0.9, report.errors


def test_the_earlier_corpus_still_passes():
    benchmark = _load_benchmark()
    report = benchmark.evaluate(benchmark.load_earlier_corpus())
    assert report.recall >= 0.95 and report.precision >= 0.85, report.errors


def test_heldout_format_is_read(tmp_path):
    benchmark = _load_benchmark()
    path = tmp_path / "format-probe.tsv"
    path.write_text("flagged\tcategory\tlanguage\ttext\n1\tsuicidal\ten\ti wanna die\n0\t\ten\tlovely staff\n"
                    "1\tthreat-to-kill\ten\the said he'd kill me\n", "utf-8")
    examples = benchmark.load_labelled(path)
    assert [(e.flagged, e.category) for e in examples] == [
        (True, "suicidal"), (False, ""), (True, "threat_to_kill_or_harm")]
    report = benchmark.evaluate(examples)
    assert (report.recall, report.precision) == (1.0, 1.0)
    # Only this file's section: "heldout" alone would score every committed held-out corpus too.
    assert benchmark.main(["--heldout", str(path), "--only", "format-probe"]) == 0


@pytest.mark.parametrize(
    "text, category",
    [
        ("he said he would put me in a wheelchair", "threat_to_kill_or_harm"),
        ("my husband says he will throw me off the balcony", "threat_to_kill_or_harm"),
        ("you wont get out of this house alive, thats what he said", "threat_to_kill_or_harm"),
        ("he held me under the water in the bath", "strangulation"),
        ("he covered my face with a pillow till i stopped fighting", "strangulation"),
        ("he smashed a glass and held it to my face", "weapons"),
        ("they let him out and he's living round the corner from me", "imminent_contact"),
        ("I think his mate has told him where I am", "imminent_contact"),
        ("i keep finding notes on my car and I know they're from him", "stalking_with_fear"),
        ("my 2 year old has bruises on his back after his dads weekend", "child_at_risk"),
        ("ive saved up my tablets", "suicidal"),
        ("whats the point anymore", "suicidal"),
        ("sometimes i think my kids would be better with out me", "suicidal"),
        ("he controls every penny and i have to ask for money for pads", "trapped_or_controlled_now"),
        ("I haven't told anyone he makes me have sex after he's been drinking", "sexual_violence_recent"),
    ],
)
def test_round_four_concepts(text, category):
    result = assess(text)
    assert result.flagged and category in result.categories, result


@pytest.mark.parametrize(
    "text",
    [
        "my son has a toy gun and the staff made a fuss",
        "I'd die of embarrassment if anyone from work saw me going in",
        "the counsellor asked if I ever felt unsafe and I said no",
        "the counsellor helped me with the flashbacks of when he choked me, I'm out and safe now",
        "My ex threatened to take the kids abroad back in 2019 but the court put an order on and he's stuck to it",
        "He used to go through my phone every night. I have my own phone and my own bank account now",
    ],
)
def test_round_four_safe_texts(text):
    assert not assess(text).flagged, assess(text)


def test_backstop_flags_danger_no_rule_names_and_respects_frames():
    # No rule holds these words; the learned backstop does, and says which words moved it.
    text = "im in bits, hes took everything and i dont know what hes capable of"
    result = assess(text)
    assert result.flagged and len(result.categories) == 1 and result.categories[0] in CATEGORIES and result.matches
    # The same words told as long past, or as a course, are left alone.
    assert not assess(f"years ago {text}").flagged
    assert not assess(f"on the course: {text}").flagged


def test_backstop_matches_scikit_learn_and_was_made_from_the_committed_corpora():
    spec = importlib.util.spec_from_file_location("risk_model_builder", ROOT / "benchmarks" / "risk_model.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    made = builder.train(builder.labelled_rows_with_categories())
    rows = builder.labelled_rows()
    shipped = json.loads((ROOT / "analysis" / "data" / "risk_model.json").read_text("utf-8"))
    assert made["texts"] == shipped["texts"] == len(rows), "run benchmarks/risk_model.py"
    assert made["bias"] == pytest.approx(shipped["bias"], abs=1e-4)
    assert set(made["terms"]) == set(shipped["terms"])
    assert made["categories"] == shipped["categories"] == sorted(CATEGORIES)
    # The pure-Python scorer gives scikit-learn's probabilities.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from analysis.risk import MODEL_TOKEN, model_probability, normalise

    texts = [normalise(t) for t, _ in rows]
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), min_df=builder.MIN_DF, sublinear_tf=True,
                                 token_pattern=MODEL_TOKEN, lowercase=False)
    model = LogisticRegression(C=builder.C, max_iter=5000, class_weight="balanced")
    model.fit(vectoriser.fit_transform(texts), [f for _, f in rows])
    sample = texts[::50]
    expected = model.predict_proba(vectoriser.transform(sample))[:, 1]
    assert [round(model_probability(t), 4) for t in sample] == [round(p, 4) for p in expected]


@pytest.mark.parametrize(
    "text, category",
    [
        ("everyone would be happier if I just wasn't here", "suicidal"),
        ("tonight i'm going to take everything in the cupboard", "suicidal"),
    ],
)
def test_backstop_names_a_category_no_rule_saw(text, category):
    assert assess(text).categories == (category,)


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Since court I cant stop thinking about ending it. I havent told my counsellor.", True),
        ("I can't stop thinking about killing myself", True),
        ("cannot stop thinking about ending my life", True),
        ("I never stopped thinking about ending it", True),
        ("I still haven't stopped wanting to die", True),
        ("I can not stop wanting to die", True),
        ("nobody helped me stop self-harming", True),
        ("the group helped me stop self harming", False),
        ("The counsellor helped me stop thinking about ending it", False),
        ("I stopped thinking about ending it after the group", False),
    ],
)
def test_not_being_able_to_stop_thinking_of_suicide_is_the_danger_not_its_end(text, flagged):
    """"Can't stop thinking about ending it" once read as "stopped thinking about
    it", as if the thought had gone (found in a stranger's set written 2026-12-06)."""
    assert assess(text).flagged is flagged


@pytest.mark.parametrize(
    "text, flagged",
    [
        # The abuser living in the home again, not with someone else.
        ("hes moved back in", True),
        ("My ex has moved back in with me and the kids", True),
        ("he's come back to live with us", True),
        ("The worker was nice but my ex husband has moved back in and I dont know what to do", True),
        ("the kids dad has moved back in", True),
        ("my ex is back living with me", True),
        ("my ex moved back in with his mum", False),
        ("she moved back in with her parents", False),
        ("my ex moved back in with the other woman", False),
        ("she's come back to live in the area and runs the group again", False),
        # Still living with him, and asking in secret; a past account or "safe now" lowers
        # the secret-asking cue, and court screens are no secret.
        ("im still living with him. i am ok today. i just want to know what my options are without him finding out",
         True),
        ("how do i get help without him knowing", True),
        ("I want to leave but without the kids dad knowing", True),
        ("he can't find out I filled this in", True),
        ("I dont want to say much on a card in case he finds it. But thank you Sam.", True),
        ("When I was still living with him the police never came", False),
        ("I left before him finding out where we went", False),
        ("I left without him knowing and the refuge was brilliant", False),
        ("They helped me plan how to leave without him finding out, and now I'm safe in my own place.", False),
        ("They put up screens so I could give evidence without him seeing me, which really helped", False),
        ("the police cant find out who did it", False),
        ("he doesnt know where i live", False),
        # "no" answering the question (asked whether safe) does not negate what follows.
        ("no he's outside now banging on the door. ive rung 999 waiting", True),
        ("nope hes at the door now", True),
        ("no hes in the house right now", True),
        ("no he isnt gone hes moved back in", True),
        ("in case he finds out i went to the group before we split i used a different name. "
         "all good now been out 2 yrs", False),
        ("no he never threatened me", False),
        ("no he doesnt know where i live", False),
    ],
)
def test_danger_told_without_a_danger_word(text, flagged):
    """Strangers' answers of 2026-12-06 that named no harm were missed: "hes moved
    back in", "im still living with him ... without him finding out", and "no he's
    outside now", read as "he's not outside"."""
    assert assess(text).flagged is flagged
