"""Sentence embeddings that run offline on numpy alone.

The model is a static embedding (one vector per word piece, averaged over a
text) distilled with model2vec from all-MiniLM-L6-v2 by
``scripts/make_embedding_model.py`` and shipped, quantised to int8, as
``analysis/data/embedding_vectors.npz`` with its word-piece vocabulary in
``analysis/data/embedding_vocab.txt`` (provenance and licence: README.md,
"Theming model"). Nothing is downloaded: the files are package data.

The tokeniser is BERT's uncased WordPiece, which the distilled model keeps:
lower-case, strip accents, split on whitespace and punctuation, then the
longest known piece first. It gave the original tokenizer's pieces on 1,617
of 1,620 answers checked; it also splits off symbols that BERT leaves glued
to a word ("good🙂"), which keeps the word instead of losing it as unknown.
It is written here so running needs neither torch nor the Rust tokenizers
package; each distinct word is split once (cached).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Protocol

import numpy as np

VOCAB_FILE = "embedding_vocab.txt"
VECTORS_FILE = "embedding_vectors.npz"
# Texts are cut at this many word pieces, as the model2vec encoder does.
MAX_PIECES = 512
_MAX_WORD_CHARS = 100


# BERT's CJK ideographs: each is a word of its own (its tokenizer spaces them out).
_CJK = ("\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ceaf"
        "\U0002f800-\U0002fa1f")
# One CJK ideograph, a run of other letters and digits, or one other visible
# character: BERT's split on whitespace and punctuation, as one compiled
# pattern (a character-by-character loop in Python cost ~1 CPU-second per
# 1,000 answers).
_WORDS = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+|[^\s]", re.UNICODE)


def _kept(char: str) -> bool:
    category = unicodedata.category(char)
    return category != "Mn" and (char.isspace() or not category.startswith("C"))


def basic_words(text: str) -> list[str]:
    """BERT's basic (uncased) tokeniser: words and single punctuation marks."""
    text = text.lower()
    if not text.isascii():
        # Accents off, control characters out, as BERT's uncased model does.
        text = "".join(c for c in unicodedata.normalize("NFD", text) if _kept(c))
    return _WORDS.findall(text)


class Embedder(Protocol):
    """Anything that gives (texts x dim) unit vectors."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class WordPieces:
    """BERT's uncased WordPiece over a vocabulary; each distinct word is split once."""

    def __init__(self, vocab: Sequence[str], unk: str = "[UNK]") -> None:
        self.index = {piece: i for i, piece in enumerate(vocab)}
        self.unk_id = self.index.get(unk)
        self._pieces = lru_cache(maxsize=200_000)(self._word_pieces)

    def _word_pieces(self, word: str) -> tuple[int, ...]:
        """Greedy longest-match WordPiece; an unknown word gives no pieces."""
        if len(word) > _MAX_WORD_CHARS:
            return ()
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.index:
                    ids.append(self.index[piece])
                    break
                end -= 1
            else:
                return ()
            start = end
        return tuple(ids)

    def ids(self, text: str, limit: int = MAX_PIECES, keep_unknown: bool = False) -> list[int]:
        """The text's first ``limit`` piece ids. An unknown word is dropped, as
        the static encoder drops BERT's [UNK], unless ``keep_unknown``."""
        ids: list[int] = []
        for word in basic_words(text):
            pieces = self._pieces(word)
            if not pieces and keep_unknown:
                pieces = (self.unk_id,)
            ids.extend(pieces)
            if len(ids) >= limit:
                break
        return ids[:limit]


class StaticEmbedder:
    """Mean of word-piece vectors, L2-normalised; rows of ``encode`` are unit length."""

    def __init__(self, vocab: Sequence[str], vectors: np.ndarray, unk: str = "[UNK]") -> None:
        if len(vocab) != len(vectors):
            raise ValueError("the vocabulary and the vectors differ in length")
        self.pieces = WordPieces(vocab, unk)
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self.dim = self.vectors.shape[1]

    def piece_ids(self, text: str) -> list[int]:
        return self.pieces.ids(text)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(texts x dim) unit vectors; a text with no known piece gives zeros."""
        pieces = [self.piece_ids(t) for t in texts]
        counts = np.fromiter((len(p) for p in pieces), dtype=np.intp, count=len(pieces))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        filled = counts > 0
        if filled.any():
            flat = np.fromiter((i for p in pieces for i in p), dtype=np.intp, count=int(counts.sum()))
            starts = np.concatenate([[0], np.cumsum(counts)[:-1]])[filled]
            # One pass over all pieces: per-text sums, then the mean.
            out[filled] = np.add.reduceat(self.vectors[flat], starts, axis=0) / counts[filled, None]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


def dequantise(quantised: np.ndarray, scales: np.ndarray) -> np.ndarray:
    return quantised.astype(np.float32) * scales[:, None].astype(np.float32)


@lru_cache(maxsize=1)
def default_embedder() -> StaticEmbedder:
    """The shipped model, loaded once per process (about 8 MB of int8 data)."""
    data = resources.files("analysis.data")
    vocab = data.joinpath(VOCAB_FILE).read_text("utf-8").split("\n")
    with data.joinpath(VECTORS_FILE).open("rb") as handle, np.load(handle, allow_pickle=False) as npz:
        vectors = dequantise(npz["vectors"], npz["scales"])
    return StaticEmbedder(vocab[: len(vectors)], vectors)
