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


def test_classifier_learns_and_gives_every_text_a_label():
    model = ThemeClassifier(char_ngrams=False).fit([t for t, _ in TRAIN], [c for _, c in TRAIN])
    predicted = model.predict(["waited hours for the ambulance", "kind staff", "🙂"])
    assert "access" in predicted[0] and "staff" in predicted[1]
    assert all(predicted)
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
