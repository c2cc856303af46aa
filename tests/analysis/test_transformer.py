"""The transformer behind theming's learned layer, run on numpy: it gives what
sentence-transformers gives on the same weights, from files inside a package
(no download: the conftest blocks the network), and each text is encoded once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from analysis.transformer import MAX_PIECES, Remembered, default_transformer

REFERENCE = Path(__file__).parent / "data" / "minilm_reference.npz"


@pytest.fixture(scope="module")
def reference() -> tuple[list[str], np.ndarray]:
    with np.load(REFERENCE) as data:
        return [str(t) for t in data["texts"]], data["vectors"]


def test_it_matches_sentence_transformers_on_every_reference_text(reference):
    texts, expected = reference
    vectors = default_transformer().encode(texts)
    assert vectors.shape == (len(texts), 384)
    assert np.abs(vectors - expected).max() < 1e-5


def test_a_long_answer_is_cut_where_the_model_cuts_it(reference):
    texts, _ = reference
    longest = max(texts, key=len)
    assert len(default_transformer().piece_ids(longest)) == MAX_PIECES


def test_an_answer_comes_out_the_same_whatever_it_is_batched_with(reference):
    texts, _ = reference
    alone = default_transformer().encode([texts[0]])
    with_longer = default_transformer().encode([texts[0], texts[-1], texts[3]])
    assert np.abs(alone[0] - with_longer[0]).max() < 1e-5


def test_vectors_are_unit_length_and_close_for_close_meanings():
    kind, kinder, court = default_transformer().encode([
        "The refuge staff were kind to me", "Staff at the refuge were lovely and caring",
        "The court date kept being moved"])
    assert np.allclose([np.linalg.norm(v) for v in (kind, kinder, court)], 1.0, atol=1e-5)
    assert kind @ kinder > kind @ court + 0.2


class CountingEncoder:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen.extend(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_remembered_encodes_each_distinct_text_once():
    counting = CountingEncoder()
    remembered = Remembered(counting)
    first = remembered.encode(["a", "bb", "a"])
    again = remembered.encode(["bb", "ccc"])
    assert counting.seen == ["a", "bb", "ccc"]
    assert first.tolist() == [[1, 1], [2, 1], [1, 1]] and again.tolist() == [[2, 1], [3, 1]]


def test_remembered_uses_vectors_it_is_given_and_notes_only_what_it_worked_out():
    counting = CountingEncoder()
    remembered = Remembered(counting, note_fresh=True)
    remembered.remember(["kept"], np.array([[9.0, 9.0]], dtype=np.float32))
    assert remembered.encode(["kept", "new"]).tolist() == [[9, 9], [3, 1]]
    assert counting.seen == ["new"] and list(remembered.fresh) == ["new"]


def test_remembered_forgets_the_oldest_past_its_limit():
    counting = CountingEncoder()
    remembered = Remembered(counting, limit=2)
    remembered.encode(["a", "b", "c"])
    remembered.encode(["a"])
    assert counting.seen == ["a", "b", "c", "a"]


def test_an_empty_list_gives_an_empty_matrix():
    assert Remembered(CountingEncoder()).encode([]).shape[0] == 0
    assert default_transformer().encode([]).shape == (0, 384)
