"""The group's comments keep the words their writer put back, for staff to check

Revision ID: 0022_consult
Revises: 0021
Create Date: 2026-12-05 01:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022_consult'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('group_comment', schema=None) as batch_op:
        # "kind<TAB>word" a line, encrypted like the comment (webapp.crypto.EncryptedText stores Text).
        batch_op.add_column(sa.Column('restored_words', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('group_comment', schema=None) as batch_op:
        batch_op.drop_column('restored_words')
