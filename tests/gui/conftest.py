"""GUI fixtures: a demo database and a main window over it.

On SQLite the demo data is filled once per session into a template file, and each test gets a copy
(made with SQLite's backup API), which is several times quicker than filling it again.
On PostgreSQL each test fills its own database.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from netcompanion.core.services import Services, open_services
from netcompanion.demo import fill_demo
from tests.conftest import close_after_background_work


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database holding the demo data, made once per test session."""
    folder = tmp_path_factory.mktemp("demo-template")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETCOMPANION_HOME", str(folder / "home"))
        patch.setenv("NETCOMPANION_USER", "tester")
        patch.setenv("NETCOMPANION_REGION", "US")
        path = folder / "demo.db"
        template = open_services(f"sqlite:///{path}", daily_backup=False)
        fill_demo(template)
        template.db.dispose()
    return path


@pytest.fixture
def demo_services(request: pytest.FixtureRequest, database: str, db_path: Path,
                  demo_template: Path) -> Iterator[Services]:
    if database != "sqlite":
        services: Services = request.getfixturevalue("services")
        fill_demo(services)
        yield services
        return
    with closing(sqlite3.connect(demo_template)) as source, closing(sqlite3.connect(db_path)) as target:
        source.backup(target)
    services = open_services(f"sqlite:///{db_path}", daily_backup=False)
    yield services
    close_after_background_work(services)


@pytest.fixture
def window(qtbot, demo_services):
    from netcompanion.gui.main_window import MainWindow

    main = MainWindow(demo_services)
    qtbot.addWidget(main)
    main.show()
    return main
