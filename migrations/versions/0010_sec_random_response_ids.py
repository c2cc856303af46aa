"""Responses and answers get random ids (BIGINT on PostgreSQL)

Consecutive ids kept the order people answered in. New rows get a random id
from 2**31 up (webapp/extensions.py `random_id`); rows stored before keep the
ids they have, since theming, moderation and published quotes name responses
by id. SQLite's INTEGER already holds 64 bits: nothing changes there.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 18:55:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

COLUMNS = (('feedback_response', 'id'), ('consultation_response', 'id'), ('consultation_answer', 'id'),
           ('consultation_answer', 'response_id'))


def upgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table_name, column_name in COLUMNS:
        op.alter_column(table_name, column_name, existing_type=sa.Integer(), type_=sa.BigInteger())


def downgrade():
    # Only while every id still fits in 32 bits (no response stored since the upgrade).
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table_name, column_name in reversed(COLUMNS):
        op.alter_column(table_name, column_name, existing_type=sa.BigInteger(), type_=sa.Integer())
