"""Encrypt what is derived from respondents' content: choice answers, risk
categories, emergent theme names and terms

The columns become TEXT holding Fernet tokens (webapp/crypto.py). Rows already
stored are encrypted here when the app's keys are at hand, as they are under
`flask db upgrade`; without them (offline SQL) they stay as they were until
`flask --app webapp rotate-key` encrypts them, and Heard refuses to read them
until then rather than show them unencrypted.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 18:40:00

"""
import json
import re

from alembic import op
import sqlalchemy as sa
from flask import current_app, has_app_context


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

TOKEN = re.compile(r"^gAAAAA[A-Za-z0-9_-]{90,}={0,2}$")
# (table, column, was JSON)
COLUMNS = (
    ('consultation_answer', 'values', True),
    ('consultation_response', 'risk_categories', False),
    ('feedback_response', 'risk_categories', False),
    ('theme_emergent', 'name', False),
    ('theme_emergent', 'terms', True),
)


def upgrade():
    for table_name, column_name, was_json in COLUMNS:
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            if was_json:
                batch_op.alter_column(column_name, existing_type=sa.JSON(), type_=sa.Text(),
                                      postgresql_using=f'"{column_name}"::text')
            else:
                batch_op.alter_column(column_name, existing_type=sa.String(length=200), type_=sa.Text())
    fernet = current_app.extensions.get("heard_fernet") if has_app_context() else None
    if fernet is not None:
        for table_name, column_name, was_json in COLUMNS:
            _encrypt_rows(fernet, table_name, column_name, was_json)


def _encrypt_rows(fernet, table_name: str, column_name: str, was_json: bool) -> None:
    """Encrypt every stored value on the migration's own connection (another
    connection would wait for this transaction's table locks)."""
    bind = op.get_bind()
    raw = sa.table(table_name, sa.column('id', sa.BigInteger), sa.column(column_name, sa.Text))
    value = raw.c[column_name]
    rows = bind.execute(sa.select(raw.c.id, value).where(value.is_not(None), value != '')).all()
    changes = []
    for row_id, stored in rows:
        if TOKEN.match(stored):
            continue
        plain = json.dumps(json.loads(stored), separators=(",", ":")) if was_json else stored
        changes.append({"row_id": row_id, "token": fernet.encrypt(plain.encode("utf-8")).decode("ascii")})
    if changes:
        bind.execute(sa.update(raw).where(raw.c.id == sa.bindparam("row_id"))
                     .values({column_name: sa.bindparam("token")}), changes)


def downgrade():
    # Only valid while the columns hold plain text (types only; tokens stay tokens).
    for table_name, column_name, was_json in reversed(COLUMNS):
        with op.batch_alter_table(table_name, schema=None) as batch_op:
            if was_json:
                batch_op.alter_column(column_name, existing_type=sa.Text(), type_=sa.JSON(),
                                      postgresql_using=f'"{column_name}"::json')
            else:
                batch_op.alter_column(column_name, existing_type=sa.Text(), type_=sa.String(length=200))
