"""Staff-written public text is a draft until marked ready: publication
states on actions and updates, and the history of edits

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    # Existing actions and updates start as drafts: their text went out unchecked
    # before, so someone with the board's or engagement role publishes them again.
    with op.batch_alter_table('board_action', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_state', sa.String(length=20), nullable=False,
                                      server_default='draft'))
        batch_op.add_column(sa.Column('published_on', sa.Date(), nullable=True))
    with op.batch_alter_table('board_action_update', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_state', sa.String(length=20), nullable=False,
                                      server_default='draft'))
    op.create_table(
        'board_action_revision',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('action_id', sa.Integer(), nullable=False),
        sa.Column('changed_on', sa.Date(), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('owner_org', sa.String(length=200), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('public_state', sa.String(length=20), nullable=False),
        sa.Column('changed_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['action_id'], ['board_action.id']),
        sa.ForeignKeyConstraint(['changed_by_id'], ['staff_user.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('board_action_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_action_revision_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_board_action_revision_changed_by_id'), ['changed_by_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('board_action_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_board_action_revision_changed_by_id'))
        batch_op.drop_index(batch_op.f('ix_board_action_revision_action_id'))
    op.drop_table('board_action_revision')
    with op.batch_alter_table('board_action_update', schema=None) as batch_op:
        batch_op.drop_column('public_state')
    with op.batch_alter_table('board_action', schema=None) as batch_op:
        batch_op.drop_column('published_on')
        batch_op.drop_column('public_state')
