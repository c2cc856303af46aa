"""Access codes for the service-user group: short human-friendly codes (a word
and four digits, e.g. ``MAPLE-4821``), easy to read out in a group session.
Staff see a new code once; only its salted scrypt hash is stored. Used by
group consultations (their review and answering), and by the group view of
feedback summaries."""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_WORDS = ("MAPLE", "RIVER", "CEDAR", "HARBOUR", "MEADOW", "ORCHARD", "WILLOW", "HEATHER",
              "BRIDGE", "LANTERN", "BIRCH", "HAZEL", "STONE", "SPRING", "FERN", "ASPEN")


def new_access_code() -> str:
    """Easy to read out in a group session: a word and four digits, e.g. MAPLE-4821."""
    return f"{secrets.choice(CODE_WORDS)}-{secrets.randbelow(10000):04d}"


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def hash_access_code(code: str, salt: str | None = None) -> str:
    """`salt$hex` with scrypt; small parameters, since codes are checked on every try."""
    salt = salt or secrets.token_hex(8)
    digest = hashlib.scrypt(normalise_code(code).encode(), salt=salt.encode(), n=2**14, r=8, p=1)
    return f"{salt}${digest.hex()}"


def access_code_matches(code: str, stored: str) -> bool:
    if not stored or "$" not in stored or not normalise_code(code):
        return False
    salt, _ = stored.split("$", 1)
    return hmac.compare_digest(hash_access_code(code, salt), stored)
