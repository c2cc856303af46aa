"""Theming from the codebook alone, and the shipped embedding model (offline:
conftest.py makes any network access fail)."""

from importlib import resources

import numpy as np
import pytest

from analysis import semantic
from analysis.codebook import default_codebook, parse_codebook
from analysis.embedding import StaticEmbedder, basic_words, default_embedder
from analysis.semantic import (
    ASSIGN_AT,
    FEATURES,
    AnswerTerms,
    CodebookPrior,
    Weights,
    answer_terms,
    choose,
    clauses,
    says_nothing,
)
from analysis.text import stems


@pytest.fixture(scope="module")
def prior():
    return CodebookPrior(default_codebook())


def default_codebook_text():
    return resources.files("analysis.data").joinpath("default_codebook.yaml").read_text("utf-8")


def themes(prior, text):
    [row] = choose(prior.proba([text]), prior.evidence([text]))
    return {prior.codebook.codes[j] for j in np.nonzero(row)[0]}


def test_shipped_model_loads_offline_and_embeds_meaning():
    model = default_embedder()
    vectors = model.encode(["the refuge was full", "there was no space in the shelter", "I love my garden", ""])
    assert vectors.shape == (4, model.dim) and model.dim == 256
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1, atol=1e-5)
    assert not vectors[3].any()  # nothing to embed
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_word_pieces_follow_bert_uncased():
    assert basic_words("Héllo, WORLD!! don't") == ["hello", ",", "world", "!", "!", "don", "'", "t"]
    model = StaticEmbedder(["[UNK]", "un", "##believ", "##able", "able"], np.eye(5, 3))
    assert model.piece_ids("Unbelievable able zzz") == [1, 2, 3, 4]  # "zzz" is unknown: dropped


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("My council housing officer was brilliant and got me moved", {"housing"}, {"police"}),
    ("The hostel was cold and damp", {"housing"}, {"staff-attitude"}),
    ("I felt judged the moment I walked in", {"believed"}, {"justice"}),
    ("I've had suicidal thoughts since I left him", {"mental-health"}, set()),
    ("Some days I don't want to be here any more", {"mental-health"}, set()),
    ("Honestly I think we'd all be better off if I was dead, better off dead", {"mental-health"}, set()),
    ("The cops turned up and took him away", {"police"}, set()),
    ("There was no space in any shelter", {"housing"}, set()),
    # ("told" is no information phrase; the answers model still gives this information
    # 0.39, though it cut information's wrong calls from 21 to 13 over 1,002 answers.)
    ("He told me he would find me", {"safety"}, set()),
    # Themes said by meaning, without the theme's words.
    ("He still controls the money even now, I have to ask him for everything", {"money"}, set()),
    ("I was passed from pillar to post and nobody would take my case", {"joined-up"}, set()),
    ("They never got an interpreter so my son had to explain it all", {"inclusion"}, set()),
    ("Some nights I think the kids would be better off without me", {"mental-health"}, set()),
    # Themes coders apply by what the answer implies (issue 13, part 1: recall), in words
    # that are not the codebook's examples.
    ("Every shelter we phoned said they had no space", {"housing", "access"}, set()),
    ("The worker met me at the school gates so he wouldnt know I was getting help", {"safety"}, set()),
    ("The 999 operator told me to calm down and stop shouting", {"staff-attitude"}, set()),
    ("They took his word over mine because he was calm and I was crying", {"believed"}, set()),
    ("Months on the list and still waiting to hear about counselling", {"access", "mental-health"}, set()),
    ("The solicitor didn't charge for the first appointment", {"money", "justice"}, set()),
    # Generic words that once misfired.
    ("The staff were lovely and the hostel was warm", {"housing"}, {"safety"}),
    ("I had to wait in the waiting room with my son", {"children"}, {"inclusion"}),
    # Phrases whose stems are common words' (issue 13 round 5), and violence denied.
    ("I didn't know it was abuse because he never hit me", {"awareness"}, {"safety", "perpetrators"}),
    ("my best friend rang them for me", set(), {"staff-attitude"}),
    ("I opened an account at a different bank so he could not see it", {"money"}, {"perpetrators"}),
    ("He was in the house the whole time I was on the phone", set(), {"housing"}),
    ("Any kind of help would do, even a phone call", set(), {"staff-attitude"}),
])
def test_codebook_themes_by_meaning_not_only_words(prior, text, expected, not_expected):
    found = themes(prior, text)
    assert expected <= found and not (not_expected & found)


@pytest.mark.parametrize("text", ["Nothing.", "nothing!!", "n/a", "N/A", "No comment", "no thanks",
                                  "nothing tbh", "Thanks", "", "🙂", "Don't know", "honestly nothing", "ok",
                                  "Thank you all", "thanks for doing this", "All fine", "everything was good"])
def test_answers_that_say_nothing_get_no_theme(prior, text):
    assert says_nothing(text) and not themes(prior, text)


def test_things_worth_saying_are_not_nothing():
    assert not says_nothing("Nothing helped until I found the refuge")
    assert not says_nothing("Nobody called back")


def test_probabilities_are_probabilities_and_follow_meaning(prior):
    p = prior.proba(["The refuge gave us a flat", "The judge let him cross examine me"])
    assert ((0 <= p) & (p <= 1)).all()
    codes = list(prior.codebook.codes)
    assert p[0, codes.index("housing")] > 0.8 > p[0, codes.index("justice")]
    assert p[1, codes.index("justice")] > 0.8 > p[1, codes.index("housing")]


def test_a_partnerships_own_theme_works_from_its_examples():
    codebook = parse_codebook("""
themes:
  - code: online
    label: Online abuse
    description: Abuse through phones, social media and tracking apps.
    include: [online]
    examples:
      - He kept logging into my instagram and messaging my friends
      - He put a tracking app on my phone
  - code: housing
    label: Housing
    description: Refuge and somewhere to live.
    include: [refuge]
    examples: [The refuge was full]
""")
    assert codebook.themes[0].examples[1] == "He put a tracking app on my phone"
    [row] = CodebookPrior(codebook).proba(["he hacked my facebook and read all my messages"])
    assert row[0] > ASSIGN_AT > row[1]


def test_choose_takes_the_best_theme_on_weaker_evidence_and_at_most_three():
    proba = np.array([
        [0.15, 0.05, 0.02, 0.0],   # weak but clear best: taken
        [0.08, 0.05, 0.02, 0.0],   # no theme has evidence: none
        [0.6, 0.27, 0.12, 0.0],    # the second from SECOND_AT, the third only from ASSIGN_AT
        [0.9, 0.8, 0.7, 0.6],      # never more than three
    ])
    assert choose(proba).tolist() == [
        [True, False, False, False],
        [False, False, False, False],
        [True, True, False, False],
        [True, True, True, False],
    ]


def test_the_weak_best_theme_needs_evidence_of_its_own():
    proba = np.array([[0.15, 0.05], [0.15, 0.05], [0.35, 0.05]])
    evidence = np.array([[True, False], [False, True], [False, True]])
    assert choose(proba, evidence).tolist() == [[True, False], [False, False], [True, False]]


def test_an_answer_with_no_evidence_for_any_theme_needs_a_higher_probability():
    proba = np.array([[0.35, 0.05], [0.45, 0.3], [0.55, 0.05]])
    evidence = np.zeros_like(proba, dtype=bool)
    assert choose(proba, evidence).tolist() == [[False, False], [False, False], [True, False]]
    assert choose(proba).tolist() == [[True, False], [True, True], [True, False]]


@pytest.mark.parametrize("text", ["asdf", "test test", "lol", "Can I have a biscuit?", "My cat is called Tom.",
                                  "123", "07700 900123", "?!", "..."])
def test_off_topic_and_empty_answers_get_no_theme(prior, text):
    assert not themes(prior, text)


def test_no_letters_no_probability_and_no_lift_without_content_words(prior):
    assert not prior.proba(["123", "£50 ..."]).any()
    # Stopwords only: the answers model reads nothing of substance, so only the codebook counts.
    [with_model], [alone] = prior.proba(["it was me"]), CodebookPrior(prior.codebook, answers_model=False).proba(
        ["it was me"])
    assert np.allclose(with_model, alone) and (with_model < ASSIGN_AT).all()


def test_weak_on_topic_answers_keep_their_best_theme(prior):
    # From the codebook alone (as a partnership's own themes are read) the best theme is
    # below ASSIGN_AT, with a word close to one of the theme's phrases: it is kept.
    text = "Make sure he goes on a course, not just me"
    alone = CodebookPrior(prior.codebook, answers_model=False)
    assert alone.proba([text]).max() < ASSIGN_AT
    assert "perpetrators" in themes(alone, text)
    assert "perpetrators" in themes(prior, text)
    assert "access" in themes(prior, "texting. i could never have said it out loud")


def test_an_answer_with_several_themes_gets_each():
    found = themes(CodebookPrior(default_codebook()), "The refuge was lovely but he found the address and turned up, "
                          "and the police took hours to come")
    assert {"housing", "safety", "police"} <= found


def test_clauses_split_an_answer_that_says_several_things():
    assert clauses("The refuge was lovely but he found the address. Police took hours") == [
        "The refuge was lovely", "he found the address", "Police took hours"]
    assert clauses("The refuge was lovely") == []  # one clause: the whole answer is enough
    assert clauses("Thanks, the refuge was lovely") == []  # "Thanks" is too short to count


def test_weights_need_one_number_per_feature():
    with pytest.raises(ValueError, match="one number per feature"):
        CodebookPrior(default_codebook(), weights=Weights(coef=(1.0,) * (len(FEATURES) - 1)))


def test_default_themes_ship_an_answers_model_that_finds_implied_themes():
    codebook = default_codebook()
    with_model, alone = CodebookPrior(codebook), CodebookPrior(codebook, answers_model=False)
    assert len(with_model.learned) == len(codebook.themes) and not len(alone.learned)
    safety = list(codebook.codes).index("safety")
    text = ["They sent the appointment text to our shared ipad"]  # his reading it: safety, in no phrase
    assert alone.proba(text)[0, safety] < ASSIGN_AT <= with_model.proba(text)[0, safety]
    assert says_nothing("n/a") and not with_model.proba(["n/a"]).any()


def test_answer_terms_rebuild_the_tfidf_the_answers_model_was_fitted_on():
    from sklearn.feature_extraction.text import TfidfVectorizer

    coded = ["The refuge was full", "Nobody rang me back", "the refuge staff rang me back twice"]
    tfidf = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(coded)
    vocabulary = AnswerTerms(tuple(tfidf.get_feature_names_out()), tfidf.idf_)
    texts = ["Refuge refuge, REFUGE was full!", "a text with no known word", "rang me back"]
    assert np.allclose(answer_terms(texts, vocabulary).toarray(), tfidf.transform(texts).toarray(), atol=1e-6)


def test_the_answers_model_reads_the_answers_words():
    prior = CodebookPrior(default_codebook())
    assert len(prior.vocabulary.terms) > 1000 and "refuge" in prior.vocabulary.terms
    assert prior.learned_coef.shape[1] == prior.embedder.dim + len(prior.vocabulary.terms) + 1


def test_the_answers_model_learns_only_english_words():
    """A handful of coded Welsh answers made "yn wych" ("was great") evidence of mental
    health: words of other languages are left to the embedding and the codebook."""
    from analysis.redaction.lexicon import lexicon

    ordinary = lexicon().is_ordinary
    terms = CodebookPrior(default_codebook()).vocabulary.terms
    assert all(all(map(ordinary, term.split())) for term in terms)
    assert {"roedd", "yn wych"}.isdisjoint(terms) and {"idva", "refuge"} <= set(terms)


def test_the_answers_model_is_only_for_the_themes_it_was_learned_for():
    text = default_codebook_text().replace(
        "description: Feeling safe or unsafe from him,", "description: Our own safety theme,")
    prior = CodebookPrior(parse_codebook(text))
    safety = list(prior.codebook.codes).index("safety")
    assert safety not in prior.learned and len(prior.learned) == len(prior.codebook.themes) - 1


def test_another_answers_model_can_stand_in_for_the_shipped_one():
    """Benchmarks score a writer's answers with the model refitted without them: the
    prior takes any ``AnswersModel``, for the themes whose fingerprint it holds, and
    leaves the others exactly the codebook's."""
    from analysis.semantic import AnswersModel, shipped_answers_model, theme_fingerprint

    codebook = default_codebook()
    safety = list(codebook.codes).index("safety")
    dim = default_embedder().dim
    coef = np.zeros(dim + 2, dtype=np.float32)
    coef[dim] = 8.0  # its one term, "ipad"
    own = AnswersModel(AnswerTerms(("ipad",), np.ones(1, dtype=np.float32)),
                       {theme_fingerprint(codebook.themes[safety]): (coef, -4.0)})
    prior, alone = CodebookPrior(codebook, answers_model=own), CodebookPrior(codebook, answers_model=False)
    assert prior.learned.tolist() == [safety]
    texts = ["They sent the letter to our shared ipad", "They sent the letter to my sister"]
    p, q = prior.proba(texts), alone.proba(texts)
    assert p[0, safety] > 0.8 > q[0, safety] and p[1, safety] < q[1, safety]
    others = [j for j in range(len(codebook.themes)) if j != safety]
    assert np.allclose(p[:, others], q[:, others])
    shipped = shipped_answers_model()
    arrays = {"fingerprints": np.array(list(shipped.themes)), "terms": np.array(shipped.vocabulary.terms),
              "idf": shipped.vocabulary.idf, "coef": np.array([c for c, _ in shipped.themes.values()]),
              "intercept": np.array([b for _, b in shipped.themes.values()])}
    rebuilt = CodebookPrior(codebook, answers_model=AnswersModel.from_arrays(arrays))
    assert np.allclose(rebuilt.proba(texts), CodebookPrior(codebook).proba(texts))


def test_probabilities_and_evidence_together_are_each_alone(prior, monkeypatch):
    texts = ["The refuge was lovely but he found the address", "cops never came", "lol", "nothing",
             "The judge made me feel judged"]
    questions = ["What did you think of the refuge?", None, None, "Anything else?", None]
    monkeypatch.setattr(semantic, "BLOCK", 3)  # across a block's edge
    proba, evidence = prior.proba_and_evidence(texts, questions=questions)
    assert np.array_equal(proba, prior.proba(texts, questions=questions))
    # Evidence as it was worked out on its own: a phrase of the theme, or a word near one
    # unless an exclude phrase blocks it.
    hits = prior.codebook.phrase_hits([stems(t) for t in texts])
    word = np.where(prior.codebook.blocked(hits), 0.0, prior.word_closeness(texts))
    assert np.array_equal(evidence, (prior.codebook.assign(hits).toarray() > 0) | (word >= semantic.EVIDENCE_AT))
