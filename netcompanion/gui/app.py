"""Starting the desktop app: the QApplication, the main window, the database, first-run demo data.

The window is shown first and the database layer is loaded and opened on a worker thread, so the
app appears at once; the views are built when the database is ready (`MainWindow.attach`).
"""
from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from netcompanion import APP_ID, APP_NAME, __version__
from netcompanion.core import settings
from netcompanion.core.errors import NetCompanionError
from netcompanion.gui.main_window import MainWindow
from netcompanion.gui.resources import app_icon, stylesheet
from netcompanion.gui.restore_dialog import offer_restore
from netcompanion.gui.worker import Job, run_in_background, wait_for_all

if TYPE_CHECKING:
    from netcompanion.core.services import Services


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, with the names QSettings and the desktop use."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setStyleSheet(stylesheet())
    return app


def run_app(db_url: str | None = None, offer_demo: bool = True, card_images: list[str] | None = None) -> int:
    """Open the main window over the database and run the event loop; returns the exit status.

    `card_images` (files or folders, as the desktop entry passes them) are read in the Scan place.
    """
    app = create_application()
    start_app(db_url, offer_demo, card_images)
    status = app.exec()
    wait_for_all()
    from netcompanion.ocr.reader_process import stop_shared_reader

    stop_shared_reader()
    return status


def start_app(db_url: str | None = None, offer_demo: bool = True,
              card_images: list[str] | None = None) -> MainWindow:
    """Show the main window now and open the database in the background; the views follow, and then
    the `card_images` (if any) are read in the Scan place."""
    window = MainWindow(offer_demo=offer_demo)
    window.show()
    run_in_background(_open_database_job, db_url,
                      on_done=lambda result: _database_opened(window, db_url, result, card_images or []),
                      on_error=lambda message: _cannot_open(window, message), user_work=False, owner=window)
    return window


def _open_database_job(job: Job, db_url: str | None) -> Services | NetCompanionError:
    """Load the database layer and open (and migrate) the database; a refusal is returned, not raised,
    so that the GUI thread can offer to restore a backup."""
    from netcompanion.core.services import open_services

    try:
        return open_services(db_url, daily_backup=False)  # the daily backup runs in the background
    except NetCompanionError as exc:
        return exc


def _database_opened(window: MainWindow, db_url: str | None, result: Services | NetCompanionError,
                     card_images: list[str]) -> None:
    services = result if not isinstance(result, NetCompanionError) else offer_restore(result, db_url, window)
    if services is None:
        window.close()
        QApplication.exit(1)
        return
    window.attach(services)
    if card_images:
        window.scan_cards(card_images)
    _after_first_list(window, lambda: _start_background_work(window, services))


def _after_first_list(window: MainWindow, start: Callable[[], None], at_latest_ms: int = 2000) -> None:
    """Call `start` once the first checklist is on screen (or after `at_latest_ms`), so that the
    daily backup does not slow down the first thing the user sees."""
    started = False

    def start_once() -> None:
        nonlocal started
        if not started:
            started = True
            start()

    window.today.loaded.connect(start_once)
    QTimer.singleShot(at_latest_ms, window, start_once)  # not at all once the window is gone


def _cannot_open(window: MainWindow, message: str) -> None:
    _message_box(QMessageBox.Icon.Critical, f"The database cannot be opened.\n\n{message}").exec()
    window.close()
    QApplication.exit(1)


def _start_background_work(window: MainWindow, services: Services) -> None:
    """Make the daily backup when one is due. (The card reader starts in its own process when the
    Scan place is opened or cards are given.)"""
    from netcompanion.gui.tray import attach_tray

    window.tray_controller = attach_tray(window, services)
    if services.db.sqlite_path is not None:
        run_in_background(_daily_backup_job, services.db.sqlite_path,
                          on_error=lambda message: window.show_status(f"The daily backup failed: {message}"),
                          user_work=False, owner=window)


def _daily_backup_job(job: Job, db_file: Path) -> None:
    from netcompanion.core.store import backup

    backup.backup_if_due(db_file)


def _message_box(icon: QMessageBox.Icon, text: str) -> QMessageBox:
    box = QMessageBox(icon, APP_NAME, text)
    box.setTextFormat(Qt.TextFormat.PlainText)  # paths and messages are text, never markup
    return box


def open_services_or_offer_restore(db_url: str | None) -> Services | None:
    """Open the database; when it cannot be opened, say why and offer to restore its latest backup.

    Returns None when the database stays closed (the user declined, or there is nothing to restore).
    """
    from netcompanion.core.services import open_services

    try:
        return open_services(db_url, daily_backup=False)  # the daily backup runs in the background
    except NetCompanionError as exc:
        return offer_restore(exc, db_url)


def run_self_test(db_url: str | None = None) -> int:
    """Open the main window, read the bundled sample card through the Scan place and with Tesseract, close.

    Runs on a throwaway data folder and window settings, never the user's (`db_url`, when given,
    names the database). Exit status 0 when the Scan place read the card with a name, an e-mail and
    a phone number and Tesseract read the same e-mail; checks an installed bundle without a person
    at the screen.
    """
    with tempfile.TemporaryDirectory(prefix="netcompanion-self-test-") as folder:
        settings.use_data_dir(Path(folder))
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, folder)
        sample = str(resources.files("netcompanion.resources") / "sample-card.jpg")
        from netcompanion.core.services import open_services

        app = create_application()
        services = open_services(db_url, daily_backup=False)
        try:
            scan = _scan_in_main_window(app, services, sample)
        finally:
            services.db.dispose()
        scan_ok = all(scan.get(field) for field in ("full_name", "emails", "phones")) and not scan.get("error")
        phones = [phone.get("e164") for phone in scan.get("phones") or []]
        print(f"self-test: scan: {'ok' if scan_ok else 'FAILED'}: {scan.get('full_name')!r} "
              f"{scan.get('emails')!r} {phones!r} {scan.get('error') or ''}".rstrip())
        tesseract_ok = scan_ok and _tesseract_reads_email(sample, scan["emails"][0])
        ok = scan_ok and tesseract_ok
        print(f"self-test: {'ok' if ok else 'FAILED'}")
        return 0 if ok else 1


def _scan_in_main_window(app: QApplication, services: Services, image: str) -> dict[str, Any]:
    """Show the main window, read `image` in its Scan place, and return the card as the inbox holds it."""
    window = MainWindow(services, offer_demo=False)
    window.show()
    window.scan_cards([image])
    deadline = time.monotonic() + 180
    while (not window.scan.items or (window.scan.job is not None and window.scan.job.running)) \
            and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    scan = window.scan.items[0].scan if window.scan.items else {"error": "no card was read within 180 s"}
    window.hide()  # not close(): closing asks about the unsaved card
    wait_for_all()
    return scan


def _tesseract_reads_email(image: str, email: str) -> bool:
    """Read `image` with Tesseract (the bundled program in the desktop bundle); True if it finds `email`."""
    from netcompanion.ocr import reader  # heavy: only imported when the self-test runs

    result = reader.read_card(image, engine="tesseract")
    ok = email in result.emails and not result.error
    print(f"self-test: tesseract: {'ok' if ok else 'FAILED'}: {result.emails!r} {result.error or ''}".rstrip())
    return ok


def open_main_window(services: Services) -> MainWindow:
    """A shown main window over `services` (for tests and the self-test)."""
    create_application()
    window = MainWindow(services)
    window.show()
    return window
