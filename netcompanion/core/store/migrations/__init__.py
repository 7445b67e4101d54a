"""Alembic migrations of the NetCompanion schema (versions/), run by `core.database`.

`SCHEMA_HEAD` names the newest one, so that opening an up-to-date database needs no Alembic at
all; a test checks that it matches the scripts. Adding a migration means updating it.
"""
from __future__ import annotations

SCHEMA_HEAD = "0004"
