"""contacts that lose nothing: unchecked e-mails and phones, structured address, dates, history, photo

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_ADDRESS_AND_DATES = ("address_street", "address_locality", "address_region", "address_postcode",
                      "address_country")


def upgrade() -> None:
    with op.batch_alter_table("contact") as batch_op:
        for name in _ADDRESS_AND_DATES:
            batch_op.add_column(sa.Column(name, sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                          server_default=""))
        for name in ("birthday", "anniversary"):
            batch_op.add_column(sa.Column(name, sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False,
                                          server_default=""))
    with op.batch_alter_table("contactemail") as batch_op:
        batch_op.add_column(sa.Column("checked", sa.Boolean(), nullable=False, server_default=sa.true()))
    with op.batch_alter_table("contactphone") as batch_op:
        batch_op.add_column(sa.Column("checked", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.alter_column("e164", existing_type=sqlmodel.sql.sqltypes.AutoString(length=20),
                              type_=sqlmodel.sql.sqltypes.AutoString(length=64), existing_nullable=False)
    op.create_table(
        "contacthistory",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_contacthistory_contact_id", "contacthistory", ["contact_id"], unique=False)
    op.create_table(
        "contactphoto",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("mime", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id"),
    )


def downgrade() -> None:
    op.drop_table("contactphoto")
    op.drop_index("ix_contacthistory_contact_id", table_name="contacthistory")
    op.drop_table("contacthistory")
    with op.batch_alter_table("contactphone") as batch_op:
        batch_op.alter_column("e164", existing_type=sqlmodel.sql.sqltypes.AutoString(length=64),
                              type_=sqlmodel.sql.sqltypes.AutoString(length=20), existing_nullable=False)
        batch_op.drop_column("checked")
    with op.batch_alter_table("contactemail") as batch_op:
        batch_op.drop_column("checked")
    with op.batch_alter_table("contact") as batch_op:
        for name in (*_ADDRESS_AND_DATES, "birthday", "anniversary"):
            batch_op.drop_column(name)
