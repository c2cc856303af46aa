"""Each report part's last released figures, kept until at least k of the
responses behind them change (webapp.revisions)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'released_part',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('population', sa.Text(), nullable=False),
        sa.Column('part', sa.String(length=200), nullable=False),
        sa.Column('state', sa.Text(), nullable=False),
        sa.Column('figures', sa.Text(), nullable=False),
        sa.Column('released_on', sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('population', 'part', name='uq_released_part'),
    )


def downgrade():
    op.drop_table('released_part')
