"""The release ledger: every count Heard has shown, by population and figure,
so a new release is checked against all of them (differencing)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 18:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'released_figure',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('population', sa.Text(), nullable=False),
        sa.Column('figure', sa.String(length=500), nullable=False),
        sa.Column('value', sa.Integer(), nullable=False),
        sa.Column('released_on', sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('population', 'figure', 'value', name='uq_released_figure'),
    )
    op.create_index('ix_released_figure_figure', 'released_figure', ['figure'], unique=False)


def downgrade():
    op.drop_index('ix_released_figure_figure', table_name='released_figure')
    op.drop_table('released_figure')
