"""contact.search_text: one folded text per contact for fast search over 10,000 contacts

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from netcompanion.core.search import build_search_text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contact") as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    contact = sa.table(
        "contact",
        sa.column("id", sa.Integer), sa.column("full_name", sa.String), sa.column("title", sa.String),
        sa.column("company", sa.String), sa.column("notes", sa.Text), sa.column("search_text", sa.Text),
    )
    email = sa.table("contactemail", sa.column("contact_id", sa.Integer), sa.column("address", sa.String))
    addresses: dict[int, list[str]] = {}
    for contact_id, address in connection.execute(sa.select(email.c.contact_id, email.c.address)):
        addresses.setdefault(contact_id, []).append(address)
    rows = connection.execute(
        sa.select(contact.c.id, contact.c.full_name, contact.c.title, contact.c.company, contact.c.notes)
    ).all()
    for row in rows:
        text = build_search_text(row.full_name, row.title, row.company, row.notes, *addresses.get(row.id, []))
        connection.execute(contact.update().where(contact.c.id == row.id).values(search_text=text))


def downgrade() -> None:
    with op.batch_alter_table("contact") as batch_op:
        batch_op.drop_column("search_text")
