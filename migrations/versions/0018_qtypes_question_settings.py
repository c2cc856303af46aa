"""More question types: a settings column for what a kind needs beyond its
options, the "Other (please specify)" text of an answer, and room for a page
condition's several answers ("is one of")

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 21:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('consultation_page', schema=None) as batch_op:
        batch_op.alter_column('show_if_value', existing_type=sa.String(length=200), type_=sa.Text(),
                              existing_nullable=False)
    with op.batch_alter_table('consultation_question', schema=None) as batch_op:
        batch_op.add_column(sa.Column('settings', sa.JSON(), nullable=True))
    # Encrypted like the free text it is (webapp.crypto.EncryptedText stores Text); empty for older answers.
    with op.batch_alter_table('consultation_answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('other_text', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('consultation_answer', schema=None) as batch_op:
        batch_op.drop_column('other_text')
    with op.batch_alter_table('consultation_question', schema=None) as batch_op:
        batch_op.drop_column('settings')
    with op.batch_alter_table('consultation_page', schema=None) as batch_op:
        batch_op.alter_column('show_if_value', existing_type=sa.Text(), type_=sa.String(length=200),
                              existing_nullable=False)
