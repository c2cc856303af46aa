"""Danger categories on co-production review comments and group comments

Revision ID: 0007_risk
Revises: 0006
Create Date: 2026-12-04 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007_risk'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    # Comments already stored were not assessed: they keep no categories.
    for table in ('consultation_review_comment', 'group_comment'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('risk_categories', sa.String(length=200), nullable=False,
                                          server_default=''))


def downgrade():
    for table in ('consultation_review_comment', 'group_comment'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('risk_categories')
