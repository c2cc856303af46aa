import pytest

from analysis.codebook import CodebookError, _phrase_key, default_codebook, parse_codebook


def test_default_codebook_has_product_codes():
    codes = set(default_codebook().codes)
    assert {"believed", "police", "housing", "peer-support", "inclusion"} <= codes
    assert len(codes) == 19


# Words that appear in answers about every theme: as phrases they misfired
# ("the hostel was cold" -> staff kindness, "waiting room" -> access).
GENERIC = {"staff", "worker", "home", "wait", "told", "family", "support", "he was", "group",
           "appointment", "kind", "lovely", "community", "language", "course", "programme", "hearing",
           "risk", "fear", "normal", "aware", "signs", "bank", "cost", "my head", "trauma",
           # Phrases match on stems, so a word whose stem is one of these misfires as they do:
           # "kindness" on "kind of", "evenings" on "even though", "accountable" on "bank
           # account", "savings" on "saved my life", "abuser" on "abuse", "grant" on "granted",
           # "caring" on "social care", "friendly" on "my friend", "housing" on "the house",
           # "judges" on "didn't judge", "tracking" on "keep track".
           "even", "account", "saved", "abuse", "granted", "care", "friend", "house", "judge", "track"}
# ("drinking" is kept, though its stem is "drink": complex-needs excludes "me a drink".)


def test_default_codebook_has_no_generic_one_word_phrases():
    phrases = {_phrase_key(p) for theme in default_codebook().themes for p in theme.include}
    assert not phrases & {_phrase_key(g) for g in GENERIC}


def test_default_codebook_ships_varied_examples_for_every_theme():
    for theme in default_codebook().themes:
        assert len(theme.examples) >= 12, theme.code
        assert len(set(theme.examples)) == len(theme.examples), theme.code


def test_matching_explains_itself():
    [matches] = default_codebook().match(["The police officer listened to me and believed me"])
    by_code = {m.code: m.matched for m in matches}
    assert "believed" in by_code and "believed" in by_code["believed"]
    assert "police" in by_code


def test_exclude_phrase_blocks_theme():
    codebook = parse_codebook(
        "themes:\n  - code: money\n    label: Money\n    include: [work]\n    exclude: [social work]\n"
    )
    assert codebook.match(["I lost my work"])[0][0].code == "money"
    assert codebook.match(["the social worker"]) == [[]]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("themes: [", "not valid YAML"),
        ("foo: 1", "'themes' list"),
        ("themes:\n  - label: x", "no 'code'"),
        ("themes:\n  - code: a\n  - code: a", "duplicate"),
        ("themes:\n  - code: a\n    include: word", "must be a list"),
    ],
)
def test_bad_codebooks_name_the_problem(text, problem):
    with pytest.raises(CodebookError, match=problem):
        parse_codebook(text)
