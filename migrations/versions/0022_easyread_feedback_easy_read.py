"""Easy Read: each feedback response records whether it came through the Easy
Read version of the journey, so the board can see Easy Read responses separately

Revision ID: 0022_easyread
Revises: 0021
Create Date: 2026-12-05 00:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022_easyread'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('feedback_response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('easy_read', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('feedback_response', schema=None) as batch_op:
        batch_op.drop_column('easy_read')
