"""interaction source key: the calendar UID / Message-ID an imported interaction came from, in its own column

Until now the key was the last line of the summary ("\n[source: KEY]"); it moves to
`interaction.source_key` (the line leaves the summary), and a unique index on (contact_id,
source_key) keeps the guarantee that importing a file again logs nothing twice.

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import hashlib
import re

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

KEY_LINE = re.compile(r"\n\[source: (.+)\]\Z")
KEY_LENGTH = 500


def _stored_key(key: str) -> str:
    """As `ActivityLogService` stores a key: as it is, or hashed when longer than the column."""
    if len(key) <= KEY_LENGTH:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("interaction") as batch_op:
        batch_op.add_column(sa.Column("source_key", sqlmodel.sql.sqltypes.AutoString(length=KEY_LENGTH),
                                      nullable=True))
    interaction = sa.table("interaction", sa.column("id", sa.Integer), sa.column("contact_id", sa.Integer),
                           sa.column("summary", sa.Text), sa.column("source_key", sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(interaction.c.id, interaction.c.contact_id, interaction.c.summary)
                              .where(interaction.c.summary.contains("\n[source: "))
                              .order_by(interaction.c.id)).all()
    seen: set[tuple[int, str]] = set()
    for row_id, contact_id, summary in rows:
        match = KEY_LINE.search(summary)
        if match is None:
            continue
        key = _stored_key(match.group(1))
        first = (contact_id, key) not in seen  # a key logged twice keeps it on the first row only
        seen.add((contact_id, key))
        connection.execute(interaction.update().where(interaction.c.id == row_id).values(
            summary=summary[:match.start()], source_key=key if first else None))
    op.create_index("ix_interaction_contact_source", "interaction", ["contact_id", "source_key"], unique=True)


def downgrade() -> None:
    interaction = sa.table("interaction", sa.column("id", sa.Integer), sa.column("summary", sa.Text),
                           sa.column("source_key", sa.String))
    connection = op.get_bind()
    for row_id, summary, key in connection.execute(sa.select(interaction.c.id, interaction.c.summary,
                                                              interaction.c.source_key)
                                                    .where(interaction.c.source_key.is_not(None))).all():
        connection.execute(interaction.update().where(interaction.c.id == row_id).values(
            summary=f"{summary}\n[source: {key}]"))
    op.drop_index("ix_interaction_contact_source", table_name="interaction")
    with op.batch_alter_table("interaction") as batch_op:
        batch_op.drop_column("source_key")
