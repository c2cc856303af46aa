"""Words the writer put back after Heard redacted them, for staff to check in moderation

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 19:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    # Encrypted like the free text it comes from (webapp.crypto.EncryptedText stores Text).
    with op.batch_alter_table('feedback_response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('restored_words', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('feedback_response', schema=None) as batch_op:
        batch_op.drop_column('restored_words')
