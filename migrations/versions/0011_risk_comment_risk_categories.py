"""Danger categories on co-production review comments and group comments

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    # Comments already stored were not assessed: they keep no categories.
    for table in ('consultation_review_comment', 'group_comment'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            # Encrypted like every value derived from what people wrote (webapp/crypto.py);
            # the empty string is stored as it is.
            batch_op.add_column(sa.Column('risk_categories', sa.Text(), nullable=False, server_default=''))


def downgrade():
    for table in ('consultation_review_comment', 'group_comment'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('risk_categories')
