"""Themes gain example answers, compared with responses by meaning

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 18:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('theme_code', schema=None) as batch_op:
        batch_op.add_column(sa.Column('examples', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
    # Themes seeded from the default codebook get its examples, so theming by
    # meaning works for a partnership that upgrades as well as a new one.
    from analysis.codebook import default_codebook

    theme_code = sa.table('theme_code', sa.column('code', sa.String), sa.column('examples', sa.JSON))
    for theme in default_codebook().themes:
        op.execute(theme_code.update().where(theme_code.c.code == theme.code)
                   .values(examples=list(theme.examples)))


def downgrade():
    with op.batch_alter_table('theme_code', schema=None) as batch_op:
        batch_op.drop_column('examples')
