"""Consultations in several languages: the languages a consultation is offered
in, its strings translated one by one (each keeping the English it translates),
and the language each response was given in

Revision ID: 0022_langs
Revises: 0021
Create Date: 2026-12-05 00:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022_langs'
down_revision = '0022_easyread'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'consultation_translation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('consultation_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=8), nullable=False),
        sa.Column('page_id', sa.Integer(), nullable=True),
        sa.Column('question_id', sa.Integer(), nullable=True),
        sa.Column('field', sa.String(length=20), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['page_id'], ['consultation_page.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['question_id'], ['consultation_question.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('consultation_translation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_translation_consultation_id'), ['consultation_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_consultation_translation_page_id'), ['page_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consultation_translation_question_id'), ['question_id'], unique=False)
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('languages', sa.String(length=60), nullable=False, server_default=''))
    with op.batch_alter_table('consultation_response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=False, server_default='en'))
        batch_op.create_index(batch_op.f('ix_consultation_response_language'), ['language'], unique=False)


def downgrade():
    with op.batch_alter_table('consultation_response', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_response_language'))
        batch_op.drop_column('language')
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.drop_column('languages')
    with op.batch_alter_table('consultation_translation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_translation_question_id'))
        batch_op.drop_index(batch_op.f('ix_consultation_translation_page_id'))
        batch_op.drop_index(batch_op.f('ix_consultation_translation_consultation_id'))
    op.drop_table('consultation_translation')
