"""Moderators mark a consultation response as checked, so the queue can show what is left

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 18:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    # Responses already stored start unchecked: nobody has marked them yet.
    with op.batch_alter_table('consultation_response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('checked', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('consultation_response', schema=None) as batch_op:
        batch_op.drop_column('checked')
