import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.classify import ThemeClassifier
from analysis.codebook import default_codebook
from analysis.emergent import EmergentThemes
from analysis.suppression import suppress

TRAIN = [
    ("The driver was late and I waited two hours", ["access"]),
    ("Waiting times are too long", ["access"]),
    ("Ambulance took ages to arrive", ["access"]),
    ("Staff were kind and caring", ["staff"]),
    ("Lovely friendly nurses", ["staff"]),
    ("The doctor was rude", ["staff"]),
    ("Nobody told me what would happen next", ["communication"]),
    ("Kept informed throughout, clear explanations", ["communication"]),
    ("Waited ages and the staff were rude", ["access", "staff"]),
    ("No updates and a long wait", ["access", "communication"]),
] * 3


def test_classifier_learns_and_gives_every_text_that_says_something_a_label():
    model = ThemeClassifier(char_ngrams=False).fit([t for t, _ in TRAIN], [c for _, c in TRAIN])
    predicted = model.predict(["waited hours for the ambulance", "kind staff", "the parking", "🙂", "N/A."])
    assert "access" in predicted[0] and "staff" in predicted[1]
    assert predicted[2] and predicted[3] == predicted[4] == []
    proba = model.predict_proba(["kind staff"])
    assert proba.shape == (1, 3) and ((0 <= proba) & (proba <= 1)).all()


def test_nb_scaling_weights_words_by_how_much_they_favour_the_label():
    from scipy import sparse

    from analysis.classify import _NBSVM

    # Columns: a word only in positives, a word only in negatives, a word in both.
    X = sparse.csr_matrix([[1, 0, 1], [1, 0, 1], [0, 1, 1], [0, 1, 1]], dtype=float)
    model = _NBSVM(C=1.0, random_state=0).fit(X, np.array([1, 1, 0, 0]))
    ratio = model.ratio_.diagonal()
    assert ratio[0] > 0 > ratio[1] and abs(ratio[2]) < 1e-9
    assert model.decision_function(X[:1])[0] > 0 > model.decision_function(X[2:3])[0]



def test_nb_scaling_lets_a_rare_themes_telling_word_stand_out():
    from scipy import sparse

    from analysis.classify import _NBSVM

    # Two positives among 42 texts share a word at a typical TF-IDF weight (0.2)
    # that no other text has; every text has a common word at the same weight.
    telling = [0.2, 0.2] + [0.0] * 40
    X = sparse.csr_matrix(np.column_stack([telling, np.full(42, 0.2)]))
    ratio = _NBSVM(C=1.0, random_state=0).fit(X, np.array([1, 1] + [0] * 40)).ratio_.diagonal()
    # Add-one smoothing of weights this small held the word's odds to 5 times.
    assert ratio[0] > np.log(10) and ratio[1] < 0

def test_codebook_prior_covers_codes_without_examples():
    model = ThemeClassifier(char_ngrams=False, codebook=default_codebook()).fit(
        [t for t, _ in TRAIN], [c for _, c in TRAIN]
    )
    [labels] = model.predict(["The police never came when I called"])
    assert "police" in labels


def test_suggest_next_returns_distinct_uncoded_indices():
    model = ThemeClassifier(char_ngrams=False).fit([t for t, _ in TRAIN], [c for _, c in TRAIN])
    pool = ["kind staff", "waited hours", "parking was hard", "the food", "ok"]
    chosen = model.suggest_next(pool, 3)
    assert len(chosen) == len(set(chosen)) == 3 and all(0 <= i < len(pool) for i in chosen)


def test_emergent_themes_are_reproducible_and_quoted():
    texts = ["the parking was terrible", "parking spaces too few", "no parking at the hub",
             "cold coffee in reception", "coffee machine broken", "the coffee was awful"] * 4
    first = EmergentThemes(n_themes=2, random_state=3).fit(texts)
    second = EmergentThemes(n_themes=2, random_state=3).fit(texts)
    assert first.themes_ == second.themes_
    assert {t.name.split(",")[0].split()[0] for t in first.themes_} & {"parking", "coffee"}
    assert all(t.exemplars for t in first.themes_)


def test_quotes_skip_a_quote_that_repeats_one_already_chosen():
    from scipy import sparse

    from analysis.emergent import nearest_quotes
    from analysis.text import near_duplicate

    base = "Follow up after support ends. One phone call months later would mean a lot."
    texts = [base, base + " More help with debts too.", "The refuge staff believed me from the first day."]
    assert near_duplicate(texts[0], texts[1]) and not near_duplicate(texts[0], texts[2])
    X = sparse.csr_matrix(np.array([[1.0], [0.9], [0.5]]))
    assert nearest_quotes(X, texts, np.array([1.0]), n=3, max_chars=200) == (texts[0], texts[2])


def _determined(table, result) -> set[tuple[int, int]]:
    """Cells recoverable from published values (independent check via null space)."""
    values = np.array(table, dtype=float)
    n_rows, n_cols = values.shape
    unknown = [("c", r, c) for r in range(n_rows) for c in range(n_cols) if result.cells[r][c]]
    unknown += [("r", r, 0) for r in range(n_rows) if result.row_totals[r]]
    unknown += [("k", 0, c) for c in range(n_cols) if result.column_totals[c]]
    if not unknown:
        return set()
    A = np.zeros((n_rows + n_cols + 2, len(unknown)))  # grand-total rows last
    for i, (kind, r, c) in enumerate(unknown):
        if kind == "c":
            A[r, i] = A[n_rows + c, i] = 1
        elif kind == "r":
            A[r, i], A[-2, i] = -1, 1
        else:
            A[n_rows + c, i], A[-1, i] = -1, 1
    if result.grand_total:
        A = A[:-2]
    _, s, vt = np.linalg.svd(A)
    null = vt[(s > 1e-9).sum():]
    return {
        (r, c) for i, (kind, r, c) in enumerate(unknown)
        if kind == "c" and (len(null) == 0 or np.allclose(null[:, i], 0))
    }


tables = st.integers(1, 4).flatmap(
    lambda cols: st.lists(st.lists(st.integers(0, 12), min_size=cols, max_size=cols),
                          min_size=1, max_size=4)
)


@settings(max_examples=60, deadline=None)
@given(tables)
def test_suppression_withholds_small_cells_and_prevents_subtraction(table):
    result = suppress(table, k=5)
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            if 0 < value < 5:
                assert result.cells[r][c]
    assert not _determined(table, result)


def test_suppression_leaves_large_cells():
    result = suppress([[10, 20], [30, 40]])
    assert not any(any(row) for row in result.cells)


DA_CODED = [
    ("The refuge had no space for us", ["housing"]),
    ("Council put us in a B&B for months", ["housing"]),
    ("My IDVA came to court with me", ["advocacy", "justice"]),
    ("The police took hours to come", ["police", "access"]),
    ("Nobody told me what would happen next", ["information"]),
    ("The judge let him question me", ["justice"]),
    ("My worker got me a panic alarm", ["advocacy", "safety"]),
    ("I had to wait months for counselling", ["mental-health", "access"]),
]


def test_a_few_coded_examples_keep_the_codebook_prior():
    """With a handful of examples the codebook still decides unseen themes,
    and the thresholds stay the prior's: no label is put on everything."""
    from analysis.semantic import ASSIGN_AT

    model = ThemeClassifier(codebook=default_codebook()).fit(
        [t for t, _ in DA_CODED], [c for _, c in DA_CODED])
    assert np.allclose(model.thresholds_, ASSIGN_AT)
    predicted = model.predict(["The cops arrested him that night", "My kids' school was brilliant",
                               "I wanted to end my life and the crisis team came"])
    assert "police" in predicted[0] and "children" in predicted[1] and "mental-health" in predicted[2]
    assert max(len(p) for p in predicted) <= 3


def test_threshold_guard_refuses_labelling_everything():
    """A label with few positives among many texts keeps the prior's threshold,
    and no learned threshold predicts far more than the coded share."""
    rng = np.random.default_rng(0)
    texts = [f"visit number {i} was {rng.choice(['fine', 'ok', 'good', 'slow'])}" for i in range(60)]
    labels = [["general"] if i % 10 else ["general", "rare"] for i in range(60)]
    model = ThemeClassifier(char_ngrams=False).fit(texts, labels)
    proba = model.predict_proba(texts)
    share = (proba >= model.thresholds_).mean(axis=0)
    rare = model.classes_.index("rare")
    assert share[rare] <= 3 * 0.1 + 1e-9


def test_a_label_with_some_positives_is_cut_at_its_coded_share():
    """A label under COMMON_SHARE of the coded answers, with between
    MIN_POSITIVES_FOR_SHARE and MIN_POSITIVES_FOR_THRESHOLD positives, is cut
    where its training texts (out of fold) are assigned it as often as they
    were coded with it; with fewer it keeps the prior's threshold."""
    from analysis.classify import COMMON_SHARE, MIN_POSITIVES_FOR_SHARE, SHARE_MATCH_RANGE
    from analysis.semantic import ASSIGN_AT

    rng = np.random.default_rng(1)
    labels = [["general", "staff"] if i % 24 == 0 else ["general"] if i % 61 else ["general", "rare"]
              for i in range(240)]
    # Staff answers mostly name a nurse, and now and then others do too.
    texts = [f"the {'nurse' if ('staff' in row) != (i % 50 == 1) else rng.choice(['porter', 'driver'])} was "
             f"{rng.choice(['kind', 'quick', 'late'])} on visit {i}" for i, row in enumerate(labels)]
    model = ThemeClassifier(char_ngrams=False).fit(texts, labels)
    staff, rare = model.classes_.index("staff"), model.classes_.index("rare")
    assert model.positives_[staff] >= MIN_POSITIVES_FOR_SHARE > model.positives_[rare]
    assert model.positives_[staff] / len(texts) < COMMON_SHARE
    assert model.thresholds_[rare] == ASSIGN_AT
    assert SHARE_MATCH_RANGE[0] <= model.thresholds_[staff] <= SHARE_MATCH_RANGE[1]
    assert model.thresholds_[staff] != ASSIGN_AT
    share = (model.predict_proba(texts) >= model.thresholds_).mean(axis=0)
    assert abs(share[staff] - 10 / 240) <= 0.03


def test_common_labels_share_one_cut_off():
    """Labels on at least COMMON_SHARE of the coded answers are cut at
    COMMON_CUT once they have MIN_POSITIVES_FOR_SHARE positives, however
    easy or hard each is to tell; a rarer one keeps a cut-off of its own."""
    from analysis.classify import COMMON_CUT

    rng = np.random.default_rng(4)
    texts, labels = [], []
    for i in range(200):
        if i % 25 == 0:  # 8 of 200: rarer than COMMON_SHARE
            texts.append(f"the {rng.choice(['lunch', 'tea'])} on visit {i}")
            labels.append(["food"])
        elif i % 2:
            texts.append(f"the {rng.choice(['nurse', 'doctor'])} on visit {i}")
            labels.append(["staff"])
        else:  # half of these in words no other answer uses: a hard theme
            texts.append(f"the {rng.choice(['wait', 'queue']) if i % 4 else f'thing{i}'} on visit {i}")
            labels.append(["access"])
    model = ThemeClassifier(char_ngrams=False).fit(texts, labels)
    staff, access, food = (model.classes_.index(c) for c in ("staff", "access", "food"))
    assert model.thresholds_[staff] == model.thresholds_[access] == COMMON_CUT
    assert model.positives_[food] == 8 and model.thresholds_[food] != COMMON_CUT
    # Under CALIBRATED_FROM coded, self-taught answers do not make up the number.
    few = ThemeClassifier(char_ngrams=False).fit(texts[:40], labels[:40], uncoded=texts[40:])
    assert few.self_taught_ >= 10
    assert few.thresholds_[staff] != COMMON_CUT and few.thresholds_[access] != COMMON_CUT


def test_a_catch_all_label_goes_beside_another_only_where_it_is_the_more_probable():
    """A label the coded answers nearly always have alone (CATCH_ALL_ALONE),
    like the NHS coders' "general", is left off a text given a more probable
    label, but kept beside a less probable one and on its own; other labels
    are never left off. With fewer than CALIBRATED_FROM coded there is none."""
    from analysis.classify import CALIBRATED_FROM

    coded = ([(f"a good service on visit {i}", ["general"]) for i in range(30)]
             + [(f"a kind nurse on visit {i}", ["staff"]) for i in range(20)]
             + [(f"a kind nurse but a long wait on visit {i}", ["staff", "access"]) for i in range(10)])
    assert len(coded) >= CALIBRATED_FROM
    model = ThemeClassifier(char_ngrams=False).fit([t for t, _ in coded], [c for _, c in coded])
    general, staff, access = (model.classes_.index(c) for c in ("general", "staff", "access"))
    assert model.catch_all_[general] and not model.catch_all_[staff] and not model.catch_all_[access]
    proba = np.zeros((4, len(model.classes_)))
    proba[0, [general, staff]] = 0.9, 0.5
    proba[1, [general, staff]] = 0.5, 0.9
    proba[2, general] = 0.5
    proba[3, [staff, access]] = 0.9, 0.5
    chosen = model.assign(["a", "b", "c", "d"], proba)
    assert chosen[0, general] and chosen[0, staff]
    assert not chosen[1, general] and chosen[1, staff]
    assert chosen[2, general]
    assert chosen[3, staff] and chosen[3, access]
    # ``decide`` without ``assign`` (as ``python -m analysis classify`` calls it) leaves it off too.
    assert model.decide(proba)[1] == ["staff"]
    few = ThemeClassifier(char_ngrams=False).fit([t for t, _ in coded[::2]], [c for _, c in coded[::2]])
    assert len(coded[::2]) < CALIBRATED_FROM and not few.catch_all_.any()


def test_the_combiner_learns_from_coded_answers_alone(monkeypatch):
    """Self-taught answers teach the signals, but from CALIBRATED_FROM coded
    answers the combiner and the cut-offs are fitted on the coded ones alone:
    the self-taught are those the signals were surest of, and would teach the
    combiner to trust them more than they earn. With fewer coded, it takes
    what it can get."""
    import analysis.classify as classify

    seen = []
    fit_combiners = classify._fit_label_combiners
    monkeypatch.setattr(classify, "_fit_label_combiners",
                        lambda inputs, Y: seen.append(len(Y)) or fit_combiners(inputs, Y))
    coded = [(f"{t} on visit {i}", c) for i, (t, c) in enumerate(TRAIN * 2)]
    assert len(coded) >= classify.CALIBRATED_FROM
    model = ThemeClassifier(char_ngrams=False).fit([t for t, _ in coded], [c for _, c in coded], uncoded=UNCODED)
    assert model.self_taught_ > 0
    assert seen == [len(coded), len(coded)]
    seen.clear()
    few = ThemeClassifier(char_ngrams=False).fit([t for t, _ in TRAIN[:10]], [c for _, c in TRAIN[:10]],
                                                 uncoded=UNCODED)
    assert seen == [10, 10 + few.self_taught_] and few.self_taught_ > 0


def test_a_rare_label_is_cut_low_enough_to_reach_its_coded_share():
    """A theme coded on under 1 % of answers seldom gets a calibrated
    probability of 0.1 even where it applies: its share-matched cut-off may
    go below 0.1 (to ten times its share) so it is assigned near its coded
    share; a commoner theme keeps the floor of 0.1."""
    from analysis.classify import SHARE_MATCH_RANGE, _share_matching

    rng = np.random.default_rng(2)
    Y = np.zeros((1000, 3), dtype=int)
    Y[:8, 0] = 1  # rare: 0.8 % of answers
    Y[:50, 1] = 1  # 5 %, its probabilities as low as the rare one's
    Y[:300, 2] = 1  # common: 30 %
    low = np.where(Y[:, 0] == 1, rng.uniform(0.085, 0.095, 1000), rng.uniform(0, 0.05, 1000))
    fitted = np.column_stack([low, np.where(Y[:, 1] == 1, rng.uniform(0.06, 0.09, 1000), low),
                              np.where(Y[:, 2] == 1, rng.uniform(0.4, 0.9, 1000), rng.uniform(0, 0.3, 1000))])
    cut = _share_matching(fitted, Y)
    assert 0.08 <= cut[0] < SHARE_MATCH_RANGE[0]
    assert (fitted[:, 0] >= cut[0]).sum() == 8
    assert cut[1] == SHARE_MATCH_RANGE[0]
    assert 0.3 <= cut[2] <= 0.4


def test_a_label_few_coded_answers_have_is_not_given_to_many():
    """A label with under MIN_POSITIVES_FOR_SHARE positives is cut so that at
    most FEW_POSITIVES_SHARE_RATIO x (positives + 1) / coded of the training
    texts get it, however high its (codebook) probabilities run; a label with
    enough positives is left to its other cut-offs."""
    from analysis.classify import FEW_POSITIVES_SHARE_RATIO, MIN_POSITIVES_FOR_SHARE

    model = ThemeClassifier()
    model.positives_ = np.array([0.0, 1.0, MIN_POSITIVES_FOR_SHARE])
    Y = np.zeros((200, 3), dtype=int)
    Y[:1, 1] = 1
    Y[:MIN_POSITIVES_FOR_SHARE, 2] = 1
    fitted = np.tile(np.linspace(0.2, 0.6, 200)[:, None], (1, 3))  # a prior calling it on half the texts
    cut = model._few_positives_cap(fitted, Y)
    for j, positives in enumerate((0, 1)):
        assert (fitted[:, j] >= cut[j]).mean() <= FEW_POSITIVES_SHARE_RATIO * (positives + 1) / 200 + 0.005
    assert cut[2] == 0.0


def test_each_label_weighs_the_signal_that_serves_it():
    """The combiner is fitted per label, pulled towards the pooled one: a
    label that only the SVM predicts leans on the SVM, one that only the
    embedding model predicts leans on that."""
    from analysis.classify import _fit_label_combiners

    rng = np.random.default_rng(3)
    n = 400
    Y = rng.integers(0, 2, (n, 2))
    inputs = rng.normal(0, 1, (n, 2, 7))
    inputs[:, 0, 2] = 3 * (2 * Y[:, 0] - 1) + rng.normal(0, 1, n)  # the SVM's input
    inputs[:, 1, 4] = 3 * (2 * Y[:, 1] - 1) + rng.normal(0, 1, n)  # the embedding model's
    weights = _fit_label_combiners(inputs, Y)
    assert weights.shape == (2, 8)
    assert weights[0, 2] > weights[1, 2] and weights[1, 4] > weights[0, 4]


def test_learning_from_examples_the_codebook_does_not_know():
    """Coded examples teach a label the codebook lacks, from its neighbours."""
    coded = DA_CODED + [("He hacked my instagram", ["online"]), ("He tracked me through an app", ["online"]),
                        ("He read my messages on facebook", ["online"])]
    model = ThemeClassifier(codebook=default_codebook()).fit([t for t, _ in coded], [c for _, c in coded])
    [labels] = model.predict(["he kept messaging me on instagram"])
    assert "online" in labels


def test_code_next_skips_nothing_answers_repeats_and_coded_texts():
    from analysis.classify import choose_to_code, word_key

    pool = ["Nothing.", "nothing!!", "N/A", "The refuge was full", "the refuge was FULL!!",
            "The police never came", "My IDVA was brilliant", "The police never came.",
            "Housing officer ignored me"]
    proba = np.full((len(pool), 3), 0.4)
    vectors = np.eye(len(pool))
    chosen = choose_to_code(pool, proba, 0.4, np.zeros(3), vectors, 20,
                            coded_texts=["Housing officer ignored me!", "n/a"])
    texts = [pool[i] for i in chosen]
    assert len({word_key(t) for t in texts}) == len(texts) == 3
    assert {word_key(t) for t in texts} == {"the refuge was full", "the police never came", "my idva was brilliant"}
    # While no coded answer says nothing, the commonest one that does comes last, once.
    chosen = choose_to_code(pool, proba, 0.4, np.zeros(3), vectors, 20, coded_texts=["Housing officer ignored me!"])
    assert len(chosen) == 4 and pool[chosen[-1]] == "Nothing."


def test_answers_that_say_nothing_are_filed_as_staff_filed_them():
    """Until one is coded, an answer that says nothing gets no theme; after,
    the themes staff gave the coded ones."""
    texts = [t for t, _ in TRAIN] + ["Nothing.", "none"]
    labels = [c for _, c in TRAIN] + [["staff"], ["staff"]]
    model = ThemeClassifier(char_ngrams=False).fit(texts, labels)
    [nothing] = model.predict(["nothing at all"])
    assert nothing == ["staff"]
    model = ThemeClassifier(char_ngrams=False).fit([t for t, _ in TRAIN], [c for _, c in TRAIN])
    assert model.predict(["nothing at all"]) == [[]]


def test_code_next_prefers_uncertain_rare_and_varied(monkeypatch):
    from analysis import classify
    from analysis.classify import choose_to_code

    # Uncertainty alone here: typicality (a blend, TYPICAL_WEIGHT) has its own test below.
    monkeypatch.setattr(classify, "TYPICAL_WEIGHT", 0.0)
    pool = ["a one", "a two", "b three", "c four"]
    proba = np.array([[0.41, 0.0], [0.42, 0.0], [0.05, 0.0], [0.0, 0.45]])
    vectors = np.array([[1.0, 0, 0], [0.99, 0.141, 0], [0, 1.0, 0], [0, 0, 1.0]])
    first, second = choose_to_code(pool, proba, 0.4, np.array([50.0, 0.0]), vectors, 2, random_share=0.0)
    assert first == 3  # near the threshold of the label with no examples
    assert second in (0, 1)
    picks = choose_to_code(pool, proba[:, :1], 0.4, np.zeros(1), vectors, 2, random_share=0.0)
    assert set(picks) != {0, 1}  # two wordings of one thing are not both offered first


def test_code_next_prefers_an_uncertain_text_like_many_others_to_an_outlier():
    from analysis.classify import choose_to_code

    pool = ["odd one out", "waited ages", "waited for ages", "waiting for ages", "long wait"]
    proba = np.full((len(pool), 1), 0.4)
    common = np.array([1.0, 0.0])
    vectors = np.array([[0.0, 1.0], common, common, common, common])
    assert choose_to_code(pool, proba, 0.4, np.zeros(1), vectors, 1, random_share=0.0) != [0]


def test_a_theme_with_no_coded_example_stays_exactly_the_codebooks():
    """A codebook theme no coded answer has is decided by the codebook alone,
    with the codebook's probabilities and its cut-off (raised only where the
    codebook would give it to far more answers than a theme none of the
    coded has can be on, ``_few_positives_cap``)."""
    from analysis.semantic import ASSIGN_AT, CodebookPrior

    codebook = default_codebook()
    model = ThemeClassifier(codebook=codebook).fit([t for t, _ in DA_CODED], [c for _, c in DA_CODED])
    kept = [model.classes_[j] for j in np.nonzero(model.keep_prior_)[0]]
    assert "believed" in kept and "housing" not in kept
    texts = ["Nobody believed me", "The refuge was full", "Nothing.", "It was fine"]
    questions = [None, None, None, "What did you think of the police?"]  # the question counts, as on day one
    proba = model.predict_proba(texts, questions)
    alone = CodebookPrior(codebook).proba(texts, questions=questions)
    for code in kept:
        j = model.classes_.index(code)
        assert np.allclose(proba[:, j], alone[:, list(codebook.codes).index(code)], atol=1e-6)
        assert model.thresholds_[j] >= ASSIGN_AT


def test_learning_weighs_in_as_positives_grow():
    """The learned model's share of a codebook theme's probability is 0
    without coded positives and grows with them; a theme the codebook lacks
    is learned alone. With a few positives the result stays near the
    codebook's: it moves at most the learned share of the way."""
    from analysis.semantic import CodebookPrior

    codebook = default_codebook()
    coded = DA_CODED + [("The refuge staff were kind", ["housing", "staff-attitude"]),
                        ("Temporary flat was damp", ["housing"]),
                        ("He tracked me through an app", ["online"])]
    model = ThemeClassifier(codebook=codebook).fit([t for t, _ in coded], [c for _, c in coded])
    weight = dict(zip(model.classes_, model.learned_weight(), strict=True))
    assert weight["believed"] == 0.0
    assert 0 < weight["police"] < weight["housing"] < 1  # 1 positive, then 4
    assert weight["online"] == 1.0
    texts = ["The hostel was cold and dirty", "The police never came"]
    proba = model.predict_proba(texts)
    alone = CodebookPrior(codebook).proba(texts)
    for code in ("housing", "police"):
        j, k = model.classes_.index(code), list(codebook.codes).index(code)
        assert (np.abs(proba[:, j] - alone[:, k]) <= weight[code] + 1e-9).all()


def test_code_next_steers_away_from_answers_like_those_coded():
    from analysis.classify import choose_to_code

    pool = ["the wait was long", "parking was hard"]
    proba = np.full((2, 1), 0.4)
    vectors = np.array([[1.0, 0.0], [0.0, 1.0]])
    coded_vectors = np.array([[1.0, 0.0]])
    assert choose_to_code(pool, proba, 0.4, np.zeros(1), vectors, 1, ["we waited so long"], coded_vectors,
                          random_share=0.0) == [1]


def test_code_next_starts_with_a_fair_sample_then_mixes_one():
    """With few coded every suggestion is a random draw among the texts on
    offer (never a repeat nor a "nothing"); after, half of each batch is."""
    from analysis import classify
    from analysis.classify import choose_to_code, word_key

    rng = np.random.default_rng(1)
    pool = [f"answer number {i}" for i in range(60)] + ["Nothing.", "answer number 3!"]
    vectors = rng.normal(size=(len(pool), 8))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    # Text 0 is the most uncertain by far: a targeted pick would take it first.
    proba = np.zeros((len(pool), 1))
    proba[0] = 0.4
    warm = [choose_to_code(pool, proba, 0.4, np.zeros(1), vectors, 10, random_state=seed) for seed in range(5)]
    assert any(0 not in picks for picks in warm)  # random draws, not the targeted first pick
    for picks in warm:
        assert len(picks) == 10 and pool.index("Nothing.") == picks[-1]  # none coded says nothing yet
        assert len({word_key(pool[i]) for i in picks}) == 10
    coded = [f"coded {i}" for i in range(classify.WARM_START)]
    later = choose_to_code(pool, proba, 0.4, np.zeros(1), vectors, 10, coded + ["nothing"], random_state=0)
    assert later[0] == 0  # targeted picks come back once enough are coded
    assert len(set(later)) == 10


def test_a_theme_the_shipped_answers_model_covers_gives_way_to_coded_answers_slowly():
    """The default codebook's themes carry a model fitted on many coded answers,
    so their learned share grows with ``ANSWERS_MODEL_BLEND_AT``, not ``BLEND_AT``;
    the same theme reworded (no shipped model) gives way as fast as before."""
    from dataclasses import replace

    from analysis.classify import ANSWERS_MODEL_BLEND_AT, BLEND_AT
    from analysis.codebook import Codebook

    codebook = default_codebook()
    reworded = Codebook([replace(t, description=t.description + " Reworded.") if t.code == "police" else t
                         for t in codebook.themes])
    coded = [(t, c) for t, c in DA_CODED]
    for book, blend_at in ((codebook, ANSWERS_MODEL_BLEND_AT), (reworded, BLEND_AT)):
        model = ThemeClassifier(codebook=book, char_ngrams=False).fit([t for t, _ in coded], [c for _, c in coded])
        j = model.classes_.index("police")
        n = model.positives_[j]
        assert n > 0 and np.isclose(model.learned_weight()[j], n / (n + blend_at))


def test_labels_the_codebook_still_leads_are_decided_as_on_day_one():
    """``assign`` gives a codebook label whose learned weight is small the
    day-one rule on its own cut-off: the best theme from ``TOP_AT`` where the
    answer has evidence of it; the same rule with a raised cut-off asks more."""
    from analysis.semantic import ASSIGN_AT, TOP_AT, choose

    proba = np.array([[TOP_AT + 0.02, 0.05], [0.05, 0.03]])
    evidence = np.array([[True, True], [False, True]])
    assert choose(proba, evidence).tolist() == [[True, False], [False, False]]
    assert not choose(proba, evidence, np.array([2 * ASSIGN_AT, ASSIGN_AT]))[0, 0]
    model = ThemeClassifier(codebook=default_codebook(), char_ngrams=False).fit(
        [t for t, _ in DA_CODED], [c for _, c in DA_CODED])
    texts = ["The refuge staff were lovely", "asdf", "Nothing."]
    proba = model.predict_proba(texts)
    evidence = np.ones(proba.shape, dtype=bool)
    evidence[:, model.in_book_] = model.prior_.evidence(texts)
    assert (model.assign(texts, proba)[:2] == choose(proba, evidence, model.thresholds_)[:2]).all()
    assert not model.assign(texts, proba)[1:].any()


def test_assigned_gives_what_predict_proba_and_assign_give():
    """``assigned`` works the codebook's matches out once for both; the result
    is the same as asking for each in turn."""
    model = ThemeClassifier(codebook=default_codebook(), char_ngrams=False).fit(
        [t for t, _ in DA_CODED], [c for _, c in DA_CODED])
    texts = ["The refuge staff were lovely", "the police never rang back", "asdf", "Nothing."]
    questions = ["What was the refuge like?", None, None, None]
    chosen, proba = model.assigned(texts, questions)
    assert np.allclose(proba, model.predict_proba(texts, questions))
    assert (chosen == model.assign(texts, proba)).all()
    assert chosen[:2].any(axis=1).all()


def test_learning_starts_from_the_answers_model_it_is_given():
    """Benchmarks pass an answers model refitted without the answers they score; with
    none, every default theme is the codebook's alone and gives way to coded answers
    as a partnership's own theme does (``BLEND_AT``)."""
    from analysis.classify import BLEND_AT
    from analysis.semantic import NO_ANSWERS_MODEL

    model = ThemeClassifier(codebook=default_codebook(), char_ngrams=False, answers_model=NO_ANSWERS_MODEL).fit(
        [t for t, _ in DA_CODED], [c for _, c in DA_CODED])
    assert not len(model.prior_.learned)
    j = model.classes_.index("police")
    n = model.positives_[j]
    assert n > 0 and np.isclose(model.learned_weight()[j], n / (n + BLEND_AT))


UNCODED = ["Waited three hours for a driver", "Waited three hours for a driver", "The nurses were so kind",
           "Nobody explained my results", "Nothing.", "The doctor was rude", "Parking was fine",
           "Long wait and rude staff", "Clear letters about my appointment"]


def _refits(monkeypatch) -> list[list[str]]:
    """The texts of each fit the classifier makes."""
    fits: list[list[str]] = []
    real = ThemeClassifier._fit

    def recording(self, texts, labels, questions, coded):
        fits.append(list(texts))
        return real(self, texts, labels, questions, coded)

    monkeypatch.setattr(ThemeClassifier, "_fit", recording)
    return fits


def test_while_few_are_coded_it_learns_again_from_the_answers_it_themes_surest(monkeypatch):
    fits = _refits(monkeypatch)
    coded = TRAIN[:10]
    model = ThemeClassifier(char_ngrams=False).fit([t for t, _ in coded], [c for _, c in coded],
                                                   uncoded=UNCODED)
    assert len(fits) == 2 and fits[1][:10] == fits[0]
    added = fits[1][10:]
    assert len(added) == model.self_taught_ == len(set(added))  # each text once, at most as many as coded
    assert 0 < len(added) <= 10
    assert "Nothing." not in added and "The doctor was rude" not in added  # says nothing; already coded
    assert model.predict(["kind nurses"])[0]


def test_self_training_stops_once_enough_answers_are_coded(monkeypatch):
    from analysis import classify

    monkeypatch.setattr(classify, "SELF_TRAINING_BELOW", 10)
    coded = TRAIN[:10]
    alone = ThemeClassifier(char_ngrams=False).fit([t for t, _ in coded], [c for _, c in coded])
    fits = _refits(monkeypatch)
    model = ThemeClassifier(char_ngrams=False).fit([t for t, _ in coded], [c for _, c in coded],
                                                   uncoded=UNCODED)
    assert len(fits) == 1 and model.self_taught_ == 0
    assert np.allclose(model.predict_proba(UNCODED), alone.predict_proba(UNCODED))


def test_no_self_training_where_the_shipped_answers_model_covers_the_codebook(monkeypatch):
    fits = _refits(monkeypatch)
    model = ThemeClassifier(codebook=default_codebook(), char_ngrams=False).fit(
        [t for t, _ in DA_CODED], [c for _, c in DA_CODED], uncoded=["The refuge was full", "Police never came"])
    assert len(fits) == 1 and model.self_taught_ == 0


def test_self_training_themes_a_sample_of_a_large_run_not_all_of_it(monkeypatch):
    from analysis import classify

    monkeypatch.setattr(classify, "SELF_TRAINING_CANDIDATES", 3)
    themed: list[int] = []
    real = ThemeClassifier.predict_proba
    monkeypatch.setattr(ThemeClassifier, "predict_proba",
                        lambda self, texts, questions=None: themed.append(len(texts)) or real(self, texts, questions))
    coded = TRAIN[:10]
    model = ThemeClassifier(char_ngrams=False).fit([t for t, _ in coded], [c for _, c in coded],
                                                   uncoded=UNCODED)
    assert themed == [3] and 0 < model.self_taught_ <= 3
