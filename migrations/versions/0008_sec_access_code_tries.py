"""Access codes count tries and stop after too many wrong ones

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 18:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    # Existing codes start with no tries counted and keep working.
    for table in ('consultation', 'group_access_code'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('code_failures', sa.Integer(), nullable=False, server_default='0'))
            batch_op.add_column(sa.Column('code_stopped_at', sa.DateTime(), nullable=True))


def downgrade():
    for table in ('group_access_code', 'consultation'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('code_stopped_at')
            batch_op.drop_column('code_failures')
