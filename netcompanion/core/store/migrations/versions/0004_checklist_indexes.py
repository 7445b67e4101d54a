"""checklist indexes: the Today sections are counted and paged from indexes alone

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("followup") as batch_op:
        batch_op.drop_index("ix_followup_status_due")  # a prefix of the new one
        batch_op.create_index("ix_followup_checklist", ["status", "due_at", "owner", "kind", "contact_id"],
                              unique=False)
    with op.batch_alter_table("contact") as batch_op:
        batch_op.create_index("ix_contact_live", ["id", "archived"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contact") as batch_op:
        batch_op.drop_index("ix_contact_live")
    with op.batch_alter_table("followup") as batch_op:
        batch_op.drop_index("ix_followup_checklist")
        batch_op.create_index("ix_followup_status_due", ["status", "due_at"], unique=False)
