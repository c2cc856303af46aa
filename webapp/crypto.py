"""Encryption at rest for respondent free text.

Columns typed `EncryptedText` or `EncryptedJSON` hold Fernet tokens (AES-128-CBC
with HMAC-SHA256; a fresh IV per value, so equal texts never look equal). Keys
come from ``HEARD_ENCRYPTION_KEYS``: comma-separated Fernet keys, newest first.
New values are encrypted with the newest key; any listed key can read. To rotate:
put a new key first, keep the old one after it, run
``flask --app webapp rotate-key``, then drop the old key.

Empty strings are stored empty (so "answered or not" filters still work in SQL);
every other value is a token. Ciphertext cannot be compared, grouped or searched
in SQL, so comparing an encrypted column with anything but "" raises
`EncryptedColumnError` rather than silently matching nothing.

A value that is not a token (text stored before encryption) is never read as
if it were: reading it raises `DecryptionError`. ``rotate-key`` encrypts such
values, so it is also the one-off step after upgrading to encryption.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy import BigInteger, Text, bindparam, column, select, table, update
from sqlalchemy.sql import operators
from sqlalchemy.types import TypeDecorator

from webapp.audit import record_event
from webapp.config import GENERATE_COMMAND, KEY_ENV, ConfigurationError, key_problem
from webapp.extensions import db

# Every Fernet token starts with version byte 0x80, "gAAAAA" in urlsafe base64.
_TOKEN = re.compile(r"^gAAAAA[A-Za-z0-9_-]{90,}={0,2}$")
BATCH = 500


class DecryptionError(RuntimeError):
    """A stored value no configured key can read (or text stored before encryption)."""


class EncryptedColumnError(TypeError):
    """SQL cannot compare ciphertext: filter or group such columns in Python."""


def development_key(path: Path) -> str:
    """The development key, made once and kept (owner-only) in `path`, so data
    written by `make run` stays readable across restarts."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    spare = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(spare, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(Fernet.generate_key().decode() + "\n")
    try:
        os.link(spare, path)  # atomic: two starting processes end up with one key
    except FileExistsError:
        pass
    finally:
        spare.unlink()
    return path.read_text().strip()


def init_app(app: Flask) -> None:
    keys = list(app.config.get("ENCRYPTION_KEYS") or ())
    key_file = app.config.get("ENCRYPTION_KEY_FILE")
    if not keys and key_file:
        keys = [development_key(Path(key_file))]
    problem = key_problem(keys)
    if problem:
        raise ConfigurationError(f"Heard will not start: {problem}. Generate a key with {GENERATE_COMMAND}")
    app.config["ENCRYPTION_KEYS"] = keys
    app.extensions["heard_fernet"] = MultiFernet([Fernet(key) for key in keys])
    app.extensions["heard_fernet_newest"] = Fernet(keys[0])


@click.command("rotate-key")
@click.option("--batch", default=BATCH, show_default=True, help="Rows per transaction.")
@with_appcontext
def rotate_key_command(batch: int) -> None:
    """Re-encrypt every encrypted column with the newest key (and encrypt any
    text stored before encryption). Safe to run again."""
    report = rotate_all(batch)
    for name, counts in report.columns.items():
        click.echo(f"{name}: " + ", ".join(f"{counts[kind]} {kind}" for kind in OUTCOMES))
    click.echo("Total: " + ", ".join(f"{report.total[kind]} {kind}" for kind in OUTCOMES))
    record_event("encryption.rotate_key", user=None,
                 detail=", ".join(f"{report.total[kind]} {kind}" for kind in OUTCOMES))
    db.session.commit()
    if report.total["unreadable"]:
        raise click.ClickException(
            f"{report.total['unreadable']} values could not be decrypted with any key in {KEY_ENV}. "
            "Put the key they were written with back in the list (after the newest) and run again.")


def _fernet() -> MultiFernet:
    return current_app.extensions["heard_fernet"]


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError) as error:
        hint = ("it was stored before encryption: run `flask --app webapp rotate-key`"
                if not _TOKEN.match(token) else f"no key in {KEY_ENV} can read it")
        raise DecryptionError(f"An encrypted value cannot be read: {hint}.") from error


class _PlainComparisonsOnly(TypeDecorator.Comparator):
    """Allows `== ""`, `!= ""` and IS NULL tests; refuses comparisons that would
    silently compare ciphertext."""

    _refused = {operators.eq, operators.ne, operators.lt, operators.le, operators.gt, operators.ge,
                operators.like_op, operators.not_like_op, operators.ilike_op, operators.not_ilike_op,
                operators.in_op, operators.not_in_op, operators.between_op, operators.contains_op,
                operators.startswith_op, operators.endswith_op, operators.match_op,
                operators.regexp_match_op}

    def operate(self, op, *other, **kwargs):
        if op in self._refused and not (op in (operators.eq, operators.ne) and _is_blank(other)):
            raise EncryptedColumnError(
                f"{self.expr} is encrypted: SQL cannot compare it. Filter or count it in Python.")
        return super().operate(op, *other, **kwargs)


def _is_blank(other: tuple) -> bool:
    return len(other) == 1 and (other[0] is None or (isinstance(other[0], str) and other[0] == ""))


class EncryptedText(TypeDecorator):
    """A string stored as a Fernet token in a TEXT column ("" stays "")."""

    impl = Text
    cache_ok = True
    comparator_factory = _PlainComparisonsOnly

    def process_bind_param(self, value, dialect):
        return value if value in (None, "") else encrypt(value)

    def process_result_value(self, value, dialect):
        return value if value in (None, "") else decrypt(value)


class EncryptedJSON(TypeDecorator):
    """A JSON value serialised, then stored as a Fernet token in a TEXT column."""

    impl = Text
    cache_ok = True
    comparator_factory = _PlainComparisonsOnly

    def process_bind_param(self, value, dialect):
        return None if value is None else encrypt(json.dumps(value, separators=(",", ":")))

    def process_result_value(self, value, dialect):
        return None if value is None else json.loads(decrypt(value))


# Rotation -------------------------------------------------------------------------------

OUTCOMES = ("re-encrypted", "encrypted (were plain text)", "already current", "unreadable")


@dataclass
class RotationReport:
    columns: dict[str, Counter] = field(default_factory=dict)
    total: Counter = field(default_factory=Counter)


def encrypted_columns() -> list[tuple[str, str]]:
    """(table, column) for every encrypted column in the models."""
    return [(tbl.name, col.name) for tbl in db.metadata.sorted_tables for col in tbl.columns
            if isinstance(col.type, (EncryptedText, EncryptedJSON))]


def rotate_all(batch: int = BATCH) -> RotationReport:
    report = RotationReport()
    for table_name, column_name in encrypted_columns():
        counts = rotate_column(table_name, column_name, batch)
        report.columns[f"{table_name}.{column_name}"] = counts
        report.total.update(counts)
    for kind in OUTCOMES:
        report.total.setdefault(kind, 0)
    return report


def rotate_column(table_name: str, column_name: str, batch: int = BATCH) -> Counter:
    """Rewrite one column's stored tokens with the newest key, one committed
    batch at a time, reading and writing the raw TEXT (not the decrypted value)."""
    raw = table(table_name, column("id", BigInteger), column(column_name, Text))  # random ids are 53-bit
    value = raw.c[column_name]
    rewrite = update(raw).where(raw.c.id == bindparam("row_id")).values({column_name: bindparam("token")})
    counts = Counter({kind: 0 for kind in OUTCOMES})
    last_id = 0
    while True:
        rows = db.session.execute(select(raw.c.id, value).where(raw.c.id > last_id, value.is_not(None),
                                                                  value != "")
                                  .order_by(raw.c.id).limit(batch)).all()
        if not rows:
            return counts
        changes = []
        for row_id, stored in rows:
            outcome, token = _rotated(stored)
            counts[outcome] += 1
            if token:
                changes.append({"row_id": row_id, "token": token})
        if changes:
            db.session.execute(rewrite, changes)
        db.session.commit()
        last_id = rows[-1][0]


def _rotated(stored: str) -> tuple[str, str | None]:
    """(outcome, new token or None when the stored value stays as it is)."""
    newest: Fernet = current_app.extensions["heard_fernet_newest"]
    data = stored.encode("utf-8")
    if not _TOKEN.match(stored):
        return "encrypted (were plain text)", _fernet().encrypt(data).decode("ascii")
    try:
        newest.decrypt(data)
        return "already current", None
    except InvalidToken:
        pass
    try:
        return "re-encrypted", _fernet().rotate(data).decode("ascii")
    except InvalidToken:
        return "unreadable", None
