"""Helpers of the safety tests: filling a database, and reading it back with plain sqlite3."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from netcompanion.core.services import ContactFields, Services


def person(n: int, tag: str = "p") -> ContactFields:
    """A contact with two e-mails and two phones, all derived from `n` (so completeness can be checked)."""
    return ContactFields(full_name=f"Person {tag}{n}", company=f"Firm {n % 7}",
                         emails=[f"{tag}{n}@one.example", f"{tag}{n}@two.example"],
                         phones=[(f"+1 415 555 {n % 10000:04d}", "work"), (f"+1 212 555 {n % 10000:04d}", "mobile")])


def add_people(services: Services, count: int, tag: str = "p") -> None:
    for n in range(count):
        services.contacts.add(person(n, tag))


def contact_parts(db_file: Path) -> dict[str, tuple[int, int]]:
    """{full name: (e-mails, phones)} of every contact in the SQLite file, read without NetCompanion."""
    with closing(sqlite3.connect(db_file)) as connection:
        rows = connection.execute(
            "SELECT c.full_name, (SELECT count(*) FROM contactemail e WHERE e.contact_id = c.id),"
            " (SELECT count(*) FROM contactphone p WHERE p.contact_id = c.id) FROM contact c").fetchall()
    return {name: (emails, phones) for name, emails, phones in rows}


def integrity(db_file: Path) -> str:
    with closing(sqlite3.connect(db_file)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def damage(db_file: Path) -> None:
    """Overwrite the middle of the file (table pages, not the header) with garbage."""
    data = bytearray(db_file.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, page):
        data[start:start + 200] = b"\xa5" * 200
    db_file.write_bytes(bytes(data))


@pytest.fixture
def filled(services: Services) -> Services:
    """The services over a database holding 20 complete contacts."""
    add_people(services, 20)
    return services
