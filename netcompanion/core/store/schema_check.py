"""Whether a SQLite file holds our schema: its tables and columns against the ones our migrations make.

A revision number alone proves nothing (a file with one table `contact(x)` can claim `0004`), so a
file to be restored is compared, table by table and column by column, with a throwaway database
the migrations build at the same revision (built once per revision and process).
"""
from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from functools import lru_cache
from pathlib import Path

from netcompanion.core.store.sqlite_files import connect

Schema = dict[str, frozenset[str]]
"""{table: its column names}, without SQLite's own tables."""

_SHOWN = 5  # names listed in a message


def schema_of(connection: sqlite3.Connection) -> Schema:
    """The tables and columns of the database on `connection`."""
    tables = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")]
    return {table: frozenset(row[0] for row in connection.execute("SELECT name FROM pragma_table_info(?)", (table,)))
            for table in tables}


@lru_cache(maxsize=8)
def expected_schema(revision: str) -> Schema:
    """The tables and columns our migrations make up to `revision` (a known one)."""
    from netcompanion.core.store.database import Database

    with tempfile.TemporaryDirectory(prefix="netcompanion-schema-") as folder:
        path = Path(folder) / "schema.db"
        db = Database.open(f"sqlite:///{path}", migrate=False)
        try:
            db.upgrade(revision)
        finally:
            db.dispose()
        with closing(connect(path, read_only=True)) as connection:
            return schema_of(connection)


def _names(names: set[str]) -> str:
    shown = sorted(names)[:_SHOWN]
    text = ", ".join(name if len(name) <= 40 else f"{name[:40]}…" for name in shown)
    return text + (f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else "")


def schema_differences(found: Schema, expected: Schema) -> list[str]:
    """What differs between the `found` schema and the `expected` one, in words; empty when they match."""
    problems = []
    if missing := set(expected) - set(found):
        problems.append(f"missing tables: {_names(missing)}")
    if extra := set(found) - set(expected):
        problems.append(f"tables NetCompanion does not make: {_names(extra)}")
    for table in sorted(set(found) & set(expected)):
        if missing_columns := expected[table] - found[table]:
            problems.append(f"table {table} lacks {_names(set(missing_columns))}")
        if extra_columns := found[table] - expected[table]:
            problems.append(f"table {table} has unknown columns {_names(set(extra_columns))}")
    return problems
