"""Alembic environment: runs migrations on the connection handed over by `core.database`."""
from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import netcompanion.core.store.models  # noqa: F401  (registers the tables on SQLModel.metadata)

target_metadata = SQLModel.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` run by hand during development: use NETCOMPANION_DB
    from sqlalchemy import create_engine

    from netcompanion.core.settings import database_url

    connection = create_engine(database_url()).connect()

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
