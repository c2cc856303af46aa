"""Free text records the language it is written in, staff can add an English working translation, and
consultation answers keep the words their writer put back

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 21:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('feedback_response', schema=None) as batch_op:
        # An ISO 639-1 code ("pl") detected offline from the free text; "" when unknown or none.
        batch_op.add_column(sa.Column('text_language', sa.String(length=8), nullable=False, server_default=''))
        # {field: English text} written by staff; encrypted like the text it translates
        # (webapp.crypto.EncryptedJSON stores Text).
        batch_op.add_column(sa.Column('working_translations', sa.Text(), nullable=True))
    with op.batch_alter_table('consultation_answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('text_language', sa.String(length=8), nullable=False, server_default=''))
        # Encrypted like the answer it translates (webapp.crypto.EncryptedText stores Text).
        batch_op.add_column(sa.Column('working_translation', sa.Text(), nullable=False, server_default=''))
        # Words the writer put back on the check page, for staff to check (encrypted like the answer).
        batch_op.add_column(sa.Column('restored_words', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('consultation_answer', schema=None) as batch_op:
        batch_op.drop_column('restored_words')
        batch_op.drop_column('working_translation')
        batch_op.drop_column('text_language')
    with op.batch_alter_table('feedback_response', schema=None) as batch_op:
        batch_op.drop_column('working_translations')
        batch_op.drop_column('text_language')
