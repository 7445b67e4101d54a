"""relationship engine: user settings, reminder anchors, queue indexes, one introduction per pair

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("interaction") as batch_op:
        batch_op.create_index("ix_interaction_contact_happened", ["contact_id", "happened_at"], unique=False)
    with op.batch_alter_table("contact") as batch_op:
        batch_op.create_index("ix_contact_updated_at", ["updated_at"], unique=False)
    with op.batch_alter_table("followup") as batch_op:
        batch_op.add_column(sa.Column("anchor_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index("ix_followup_status_due", ["status", "due_at"], unique=False)
    _drop_duplicate_introductions()
    with op.batch_alter_table("introduction") as batch_op:
        batch_op.create_unique_constraint("uq_introduction_pair", ["contact_a_id", "contact_b_id"])


def _drop_duplicate_introductions() -> None:
    """Keep the first row of each pair, so that the unique constraint can be added to old data."""
    introduction = sa.table("introduction", sa.column("id", sa.Integer), sa.column("contact_a_id", sa.Integer),
                            sa.column("contact_b_id", sa.Integer))
    keep = (sa.select(sa.func.min(introduction.c.id))
            .group_by(introduction.c.contact_a_id, introduction.c.contact_b_id).scalar_subquery())
    op.get_bind().execute(introduction.delete().where(introduction.c.id.not_in(keep)))


def downgrade() -> None:
    with op.batch_alter_table("introduction") as batch_op:
        batch_op.drop_constraint("uq_introduction_pair", type_="unique")
    with op.batch_alter_table("followup") as batch_op:
        batch_op.drop_index("ix_followup_status_due")
        batch_op.drop_column("anchor_at")
    with op.batch_alter_table("contact") as batch_op:
        batch_op.drop_index("ix_contact_updated_at")
    with op.batch_alter_table("interaction") as batch_op:
        batch_op.drop_index("ix_interaction_contact_happened")
    op.drop_table("setting")
