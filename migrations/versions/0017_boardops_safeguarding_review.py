"""Safeguarding reviews: staff record that a flagged response or group comment was reviewed

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 21:20:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('safeguarding_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=60), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['staff_user.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ref')
    )
    with op.batch_alter_table('safeguarding_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_review_reviewed_by_id'), ['reviewed_by_id'], unique=False)


def downgrade():
    with op.batch_alter_table('safeguarding_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguarding_review_reviewed_by_id'))
    op.drop_table('safeguarding_review')
