"""Running consultations: old addresses kept for redirects, staff email alerts,
the first-response alert marker, and the group members' single-use codes, which
replace the one code the whole group shared for feedback summaries

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 21:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'consultation_old_slug',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=80), nullable=False),
        sa.Column('consultation_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('slug'),
    )
    with op.batch_alter_table('consultation_old_slug', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_old_slug_consultation_id'), ['consultation_id'],
                              unique=False)
    op.create_table(
        'group_member_code',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('scope', sa.String(length=80), nullable=False),
        sa.Column('lookup', sa.String(length=64), nullable=False),
        sa.Column('issued_on', sa.Date(), nullable=False),
        sa.Column('issued_by_id', sa.Integer(), nullable=True),
        sa.Column('used_on', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['issued_by_id'], ['staff_user.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('lookup'),
    )
    with op.batch_alter_table('group_member_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_member_code_scope'), ['scope'], unique=False)
        batch_op.create_index(batch_op.f('ix_group_member_code_issued_by_id'), ['issued_by_id'], unique=False)
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('first_response_alerted', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_alerts', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.drop_table('group_access_code')
    # Consultations that already have answers were announced before alerts existed.
    op.execute("UPDATE consultation SET first_response_alerted = true WHERE id IN "
               "(SELECT consultation_id FROM consultation_response)")


def downgrade():
    op.create_table(
        'group_access_code',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code_hash', sa.String(length=200), nullable=False),
        sa.Column('issued_on', sa.Date(), nullable=False),
        sa.Column('issued_by_id', sa.Integer(), nullable=True),
        sa.Column('code_failures', sa.Integer(), server_default='0', nullable=False),
        sa.Column('code_stopped_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['issued_by_id'], ['staff_user.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('group_access_code', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_group_access_code_issued_by_id'), ['issued_by_id'], unique=False)
    with op.batch_alter_table('staff_user', schema=None) as batch_op:
        batch_op.drop_column('email_alerts')
    with op.batch_alter_table('consultation', schema=None) as batch_op:
        batch_op.drop_column('first_response_alerted')
    with op.batch_alter_table('group_member_code', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_group_member_code_issued_by_id'))
        batch_op.drop_index(batch_op.f('ix_group_member_code_scope'))
    op.drop_table('group_member_code')
    with op.batch_alter_table('consultation_old_slug', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_old_slug_consultation_id'))
    op.drop_table('consultation_old_slug')
