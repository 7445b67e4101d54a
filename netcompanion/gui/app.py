"""Starting the desktop app: the QApplication, the database, first-run demo data, the main window."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from netcompanion import APP_ID, APP_NAME, __version__
from netcompanion.core.demo import fill_demo
from netcompanion.core.errors import NetCompanionError
from netcompanion.core.services import Services, open_services
from netcompanion.gui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with the names QSettings and the desktop use."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app  # type: ignore[return-value]


def run_app(db_url: str | None = None, offer_demo: bool = True) -> int:
    """Open the main window over the database and run the event loop; returns the exit status."""
    app = create_application()
    try:
        services = open_services(db_url)
    except NetCompanionError as exc:
        QMessageBox.critical(None, APP_NAME, f"The database cannot be opened.\n\n{exc}")
        return 1
    if offer_demo and services.is_empty():
        fill_demo(services)
    window = MainWindow(services)
    window.show()
    return app.exec()


def open_main_window(services: Services) -> MainWindow:
    """A shown main window over `services` (for tests and the self-test)."""
    create_application()
    window = MainWindow(services)
    window.show()
    return window
