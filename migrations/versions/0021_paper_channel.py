"""Paper and assisted entry: each response's channel (online, paper form,
assisted in person, by phone, interpreter-assisted) and an interpreter's language

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04 22:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

TABLES = ('feedback_response', 'consultation_response')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('channel', sa.String(length=20), nullable=False, server_default='online'))
            batch_op.add_column(sa.Column('channel_language', sa.String(length=40), nullable=False,
                                          server_default=''))


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('channel_language')
            batch_op.drop_column('channel')
