"""Encrypted free text: columns that now hold Fernet tokens become TEXT

Only types change here. A migration cannot know the encryption keys, so text
stored before this revision stays as it was until
`flask --app webapp rotate-key` encrypts it (see README, Encryption and
retention); until then Heard refuses to read it rather than show it unencrypted.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 16:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    # A token is ~1.4x the text plus ~100 characters: 200 characters is too few.
    with op.batch_alter_table('feedback_response', schema=None) as batch_op:
        batch_op.alter_column('other_service', existing_type=sa.String(length=200), type_=sa.Text(),
                              existing_nullable=False)
    # JSON holding quotes becomes one encrypted JSON document.
    with op.batch_alter_table('theme_run', schema=None) as batch_op:
        batch_op.alter_column('report', existing_type=sa.JSON(), type_=sa.Text(), existing_nullable=True,
                              postgresql_using='report::text')


def downgrade():
    # Only valid while the columns hold plain text (i.e. before rotate-key ran).
    with op.batch_alter_table('theme_run', schema=None) as batch_op:
        batch_op.alter_column('report', existing_type=sa.Text(), type_=sa.JSON(), existing_nullable=True,
                              postgresql_using='report::json')
    with op.batch_alter_table('feedback_response', schema=None) as batch_op:
        batch_op.alter_column('other_service', existing_type=sa.Text(), type_=sa.String(length=200),
                              existing_nullable=False)
