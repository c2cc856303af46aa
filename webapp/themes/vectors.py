"""Each free-text answer's sentence vector, worked out once and kept.

Theming's learned layer compares answers in the transformer's space
(``analysis.transformer``), which costs about 9-15 CPU-seconds per 1,000
answers: too much to spend again on every answer at every run (100,000 would
take over a quarter of an hour). So an answer is embedded once, soon after it
is stored (``webapp.themes.runs.queue_embedding``: an RQ job, where
``REDIS_URL`` is set) or at the latest by the first theming run that learns
from coded answers, and its vector is kept encrypted like the text it comes
from.

A vector is tied to its text by a keyed digest sealed inside the ciphertext:
when the text a run reads has changed (staff added a working translation, or
words were put back), the vector is not used, and the run embeds the text
again and keeps the new vector. Retention deletes vectors with their answers,
and any vector whose answer has gone (``orphaned_refs``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from flask import current_app
from sqlalchemy import exists, select
from sqlalchemy.dialects import postgresql, sqlite

from webapp.extensions import db, random_id
from webapp.themes.models import TextVector
from webapp.themes.scope import Item, all_refs, ref_selects, resolve

if TYPE_CHECKING:
    from analysis.transformer import Remembered

# The model and the package its weights came from: other weights, other vectors.
MODEL = "all-MiniLM-L6-v2/gt-0.1.0"
# Vectors are kept as float16 (cosine similarities move by under 0.001), and a
# vector worked out in a run is rounded the same way before use, so a run
# themes alike whether its vectors were kept or new.
_DTYPE = np.float16
# Refs per SELECT … IN (…) and per upsert, and answers embedded per commit.
CHUNK = 500


def _digest(text: str) -> str:
    # Keyed, so a vector's row cannot confirm a guessed short answer.
    key = current_app.config["SECRET_KEY"].encode("utf-8")
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def seal(text: str, vector: np.ndarray) -> str:
    """The stored form: the text's digest and the vector (encrypted by the column)."""
    packed = base64.b64encode(np.asarray(vector, dtype=_DTYPE).tobytes()).decode("ascii")
    return f"{_digest(text)}:{packed}"


def unseal(sealed: str, text: str) -> np.ndarray | None:
    """The vector, if it was worked out from ``text``; else None."""
    digest, _, packed = sealed.partition(":")
    if not packed or not hmac.compare_digest(digest, _digest(text)):
        return None
    return np.frombuffer(base64.b64decode(packed), dtype=_DTYPE).astype(np.float32)


class _Rounded:
    """The transformer, its vectors rounded as they are kept."""

    def __init__(self, encoder) -> None:
        self.encoder = encoder

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.encoder.encode(texts).astype(_DTYPE).astype(np.float32)


def _theming_text(item: Item) -> str:
    from analysis.text import clean  # noqa: PLC0415 # analysis is imported only where theming runs

    return clean(item.text)


def _stored(refs: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(refs), CHUNK):
        chunk = list(refs[start:start + CHUNK])
        found.update(db.session.execute(select(TextVector.ref, TextVector.sealed).where(
            TextVector.ref.in_(chunk), TextVector.model == MODEL)).all())
    return found


def learner_for(items: Sequence[Item]) -> Remembered:
    """The transformer, already told the kept vectors of ``items`` whose text
    is unchanged; it works out the others when theming asks for them."""
    from analysis.transformer import Remembered, default_transformer  # noqa: PLC0415

    learner = Remembered(_Rounded(default_transformer()), limit=max(len(items), 1), note_fresh=True)
    stored = _stored([i.ref for i in items])
    texts, vectors = [], []
    for item in items:
        text = _theming_text(item)
        vector = unseal(stored[item.ref], text) if item.ref in stored else None
        if vector is not None:
            texts.append(text)
            vectors.append(vector)
    if texts:
        learner.remember(texts, np.vstack(vectors))
    return learner


def _upsert():
    """INSERT … ON CONFLICT (ref) DO UPDATE: a run, the job and ``embed-answers``
    may each keep a vector for the same answer, and none may fail for it."""
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(TextVector.__table__)
    return statement.on_conflict_do_update(
        index_elements=["ref"], set_={"model": statement.excluded.model, "sealed": statement.excluded.sealed})


def keep_new(learner: Remembered, items: Sequence[Item]) -> int:
    """Keep the vectors ``learner`` worked out for ``items`` (new answers, or
    changed text); returns how many. Does not commit."""
    rows = [{"id": random_id(), "ref": item.ref, "model": MODEL, "sealed": seal(text, learner.fresh[text])}
            for item in items if (text := _theming_text(item)) in learner.fresh]
    if rows:
        upsert = _upsert()
        for start in range(0, len(rows), CHUNK):
            db.session.execute(upsert, rows[start:start + CHUNK])
    return len(rows)


def embed(items: Sequence[Item]) -> int:
    """Embed ``items`` that have no current vector and keep them (commits per
    chunk); returns how many were embedded."""
    done = 0
    for start in range(0, len(items), CHUNK):
        chunk = items[start:start + CHUNK]
        learner = learner_for(chunk)
        learner.encode([_theming_text(i) for i in chunk])
        done += keep_new(learner, chunk)
        db.session.commit()
    return done


def missing_items() -> list[Item]:
    """Visible free-text answers with no vector yet (not ones whose text changed:
    a run finds those). The database compares the refs, so a job after a
    submission reads only the new answers, however many are kept."""
    refs = [ref for query in ref_selects() for ref in db.session.scalars(query.where(~exists().where(
        TextVector.ref == query.selected_columns.ref, TextVector.model == MODEL)))]
    return list(resolve(refs).values())


def orphaned_refs() -> list[str]:
    """Refs of kept vectors whose answer is gone or hidden (a job may keep one
    just after retention deleted its answer)."""
    # Compared here, not in SQL: the database cannot index refs it works out, and
    # NOT EXISTS over them took 130 s on SQLite with 19,700 vectors (a purge, not a job).
    visible = set(all_refs())
    return [ref for ref in db.session.scalars(select(TextVector.ref)) if ref not in visible]
