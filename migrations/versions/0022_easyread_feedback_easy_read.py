"""Easy Read: each feedback and consultation response records whether it came
through an Easy Read version, so the board can see Easy Read responses separately;
a consultation question has the Easy Read wording staff write for it

Revision ID: 0022_easyread
Revises: 0021
Create Date: 2026-12-05 00:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022_easyread'
down_revision = '0022_consult'
branch_labels = None
depends_on = None


TABLES = ('feedback_response', 'consultation_response')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('easy_read', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('consultation_question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('easy_read_text', sa.String(length=400), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('easy_read_hint', sa.String(length=600), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('consultation_question', schema=None) as batch_op:
        batch_op.drop_column('easy_read_hint')
        batch_op.drop_column('easy_read_text')
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('easy_read')
