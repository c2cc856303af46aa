"""Co-production decisions keep their history: a revised decision is a new row

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 18:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'consultation_review_decision',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('comment_id', sa.Integer(), nullable=False),
        sa.Column('decision', sa.String(length=20), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('decided_on', sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(['comment_id'], ['consultation_review_comment.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('consultation_review_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_review_decision_comment_id'), ['comment_id'],
                              unique=False)
    # Decisions made before there was a history become its first entry.
    op.execute(
        "INSERT INTO consultation_review_decision (comment_id, decision, reason, decided_on) "
        "SELECT id, status, reason, created_on FROM consultation_review_comment WHERE status != 'pending'")


def downgrade():
    with op.batch_alter_table('consultation_review_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_review_decision_comment_id'))
    op.drop_table('consultation_review_decision')
