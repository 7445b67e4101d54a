"""Alembic migrations of the NetCompanion schema (versions/), and what is known about them.

`SCHEMA_HEAD` names the newest one, so that opening an up-to-date database needs no Alembic at
all; a test checks that it matches the scripts. Adding a migration means updating it.
Alembic itself is imported only when a function here needs it (it is slow to import).
"""
from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

SCHEMA_HEAD = "0005"


def alembic_config() -> Config:
    """An Alembic configuration whose scripts are the ones shipped in this package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files(__name__)))
    return config


def head_revision() -> str:
    """The newest migration this version of NetCompanion knows (from the migration scripts)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    """Every migration revision this version knows."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
