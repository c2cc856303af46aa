"""Access codes for the service-user group: three short everyday words, e.g.
``otter-lantern-plum``, easy to read out in a group session and to type (any
case, spaces or hyphens). 391 words make about 60 million codes. Staff see a new
code once; only its salted scrypt hash is stored. Used by group consultations
(their review and answering); each member of the group gets a single-use code
of the same kind for the group's view of a summary (`member_code_lookup`).

A code cannot be walked: every try is counted against the code itself before it
is compared (one UPDATE … RETURNING, committed at once, so parallel tries see
each other), and after MAX_WRONG_TRIES wrong ones in a row the code stops
working until staff issue a new one; staff see that on their pages and in the
audit log. Wrong codes are also throttled per visitor in their own bucket
(`ACCESS_CODE_RATE_LIMIT`), never the respondents' one."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from functools import cache
from importlib import resources

from flask import current_app, has_app_context
from sqlalchemy import update

from webapp.extensions import db, utcnow

WORDS_IN_A_CODE = 3
MAX_WRONG_TRIES = 10
# scrypt's cost: 16 MiB and about 40 ms a hash, so that a stolen hash is slow to
# guess. An app's ACCESS_CODE_SCRYPT_N replaces it: only tests set one, lower.
SCRYPT_N = 2**14


@cache
def code_words() -> tuple[str, ...]:
    text = resources.files("webapp").joinpath("data/access-code-words.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def new_access_code() -> str:
    """Three words from the list, e.g. otter-lantern-plum."""
    return "-".join(secrets.choice(code_words()) for _ in range(WORDS_IN_A_CODE))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def member_code_lookup(code: str) -> str:
    """How a group member's single-use code is found without keeping it: an
    HMAC of the code keyed with the app's SECRET_KEY, so the database alone
    cannot be searched for codes. (A code shared by the whole group is one row,
    so it keeps a salted hash instead; a member's code is looked up among many.)"""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, b"group-member:" + normalise_code(code).encode(), hashlib.sha256).hexdigest()


def hash_access_code(code: str, salt: str | None = None, n: int | None = None) -> str:
    """`n$salt$hex` with scrypt. The cost is kept with the hash, so a hash made
    under one configuration (a test's cheap one, a script's default) still
    matches under another."""
    salt = salt or secrets.token_hex(8)
    n = n or _scrypt_n()
    digest = hashlib.scrypt(normalise_code(code).encode(), salt=salt.encode(), n=n, r=8, p=1)
    return f"{n}${salt}${digest.hex()}"


def _scrypt_n() -> int:
    """SCRYPT_N, unless the app lowers it (never raises it); outside an app (a
    script hashing a code for a server's database), SCRYPT_N."""
    configured = current_app.config.get("ACCESS_CODE_SCRYPT_N", SCRYPT_N) if has_app_context() else SCRYPT_N
    return min(configured, SCRYPT_N)  # a higher cost would be refused when the code is checked


def access_code_matches(code: str, stored: str) -> bool:
    """Compare with a stored hash, `n$salt$hex` or the older `salt$hex` (made
    with SCRYPT_N)."""
    parts = (stored or "").split("$")
    if len(parts) == 2:
        parts = [str(SCRYPT_N), *parts]
    if len(parts) != 3 or not _valid_cost(parts[0]) or not normalise_code(code):
        return False
    n, salt, digest = parts
    expected = hash_access_code(code, salt, int(n)).rsplit("$", 1)[1]
    return hmac.compare_digest(expected, digest)


def _valid_cost(n: str) -> bool:
    """scrypt takes a power of two; anything else is not a hash Heard made."""
    return n.isascii() and n.isdigit() and 1 < int(n) <= SCRYPT_N and int(n) & (int(n) - 1) == 0


@dataclass(frozen=True)
class CodeCheck:
    """What one try at a code came to. `just_stopped`: this try stopped the code
    (the caller audits it, once)."""

    ok: bool
    stopped: bool = False
    just_stopped: bool = False


def check_counted(row, code: str, stored: str) -> CodeCheck:
    """Count a try at the code kept on `row` (a model with `code_failures` and
    `code_stopped_at`), then compare it. Commits the count at once."""
    model = type(row)
    counted = db.session.execute(
        update(model).where(model.id == row.id, model.code_stopped_at.is_(None))
        .values(code_failures=model.code_failures + 1).returning(model.code_failures)
        .execution_options(synchronize_session=False)).scalar_one_or_none()
    db.session.commit()
    if counted is None:
        return CodeCheck(False, stopped=True)
    if counted <= MAX_WRONG_TRIES and access_code_matches(code, stored):
        _store(update(model).where(model.id == row.id).values(code_failures=0))
        return CodeCheck(True)
    if counted < MAX_WRONG_TRIES:
        return CodeCheck(False)
    stopped_now = _store(update(model).where(model.id == row.id, model.code_stopped_at.is_(None))
                         .values(code_stopped_at=utcnow()))
    return CodeCheck(False, stopped=True, just_stopped=stopped_now == 1)


def _store(statement) -> int:
    changed = db.session.execute(statement.execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    return changed
