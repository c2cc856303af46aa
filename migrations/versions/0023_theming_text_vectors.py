"""Each free-text answer's sentence vector, kept encrypted so theming embeds an
answer once (webapp.themes.vectors)

Revision ID: 0023
Revises: 0022_langs
Create Date: 2026-12-06 21:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0023'
down_revision = '0022_langs'
branch_labels = None
depends_on = None


def upgrade():
    # Answers stored before this have no vector: the first theming run that
    # learns from coded answers embeds them, or `flask --app webapp embed-answers`.
    op.create_table(
        'text_vector',
        # A random id (webapp.extensions.RandomId), as the answers have.
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('ref', sa.String(length=60), nullable=False),
        sa.Column('model', sa.String(length=40), nullable=False),
        sa.Column('sealed', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('ref'),
    )


def downgrade():
    op.drop_table('text_vector')
