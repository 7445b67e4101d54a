"""The main window: navigation between the five places, one search field, status bar, shortcuts."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netcompanion import APP_NAME, __version__
from netcompanion.gui.operation import Operation
from netcompanion.gui.views.place import Place
from netcompanion.gui.widgets import card_frame, plain_label
from netcompanion.gui.worker import running_jobs

if TYPE_CHECKING:
    from netcompanion.core.services import Services
    from netcompanion.gui.tray import TrayController
    from netcompanion.gui.views.contacts_view import ContactsView
    from netcompanion.gui.views.events_view import EventsView
    from netcompanion.gui.views.network_view import NetworkView
    from netcompanion.gui.views.planning_tab import PlanningTab
    from netcompanion.gui.views.scan_view import ScanView
    from netcompanion.gui.views.today_view import TodayView

PLACES = ["Today", "Scan", "Contacts", "Events", "Network"]


class MainWindow(QMainWindow):
    """The app's main window, holding one view per place.

    It can be shown before the database is open (`services=None`): the window appears at once with
    an "Opening your network…" page, and `attach(services)` builds the five views when the
    database is ready, so starting the app never waits for the database layer to load.
    """

    attached = Signal()

    def __init__(self, services: Services | None = None, offer_demo: bool = True) -> None:
        super().__init__()
        self.offer_demo = offer_demo
        self.services: Services | None = None
        self.views: list[Place] = []
        self.tray_controller: TrayController | None = None  # set once the database is open (gui/tray.py)
        self.setWindowTitle(APP_NAME)
        self.stack = QStackedWidget()
        self.opening = plain_label("Opening your network…", "hint")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.addItems(PLACES)
        self.navigation.currentRowChanged.connect(self.go_to)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo)
        self._undo: Callable[[], None] | None = None
        self.welcome = self._welcome_banner()
        self._build()
        self._shortcuts()
        self.resize(1200, 760)
        self._restore_geometry()
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """Build the views over the open database and show the place the user was last in."""
        from netcompanion.gui.views.contacts_view import ContactsView
        from netcompanion.gui.views.events_view import EventsView
        from netcompanion.gui.views.network_view import NetworkView
        from netcompanion.gui.views.planning_tab import PlanningTab
        from netcompanion.gui.views.scan_view import ScanView
        from netcompanion.gui.views.today_view import TodayView

        self.services = services
        self.today: TodayView = TodayView(services)
        self.scan: ScanView = ScanView(services)
        self.contacts: ContactsView = ContactsView(services)
        self.events: EventsView = EventsView(services)
        self.planning: PlanningTab = PlanningTab(services)
        self.planning.status.connect(self.show_status)
        self.events.add_tab(self.planning, "Plan")
        self.network: NetworkView = NetworkView(services)
        for view in (self.today, self.scan, self.contacts, self.events, self.network):
            self.stack.addWidget(view)
            if hasattr(view, "status"):
                view.status.connect(self.show_status)
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        self.views = [self.today, self.scan, self.contacts, self.events, self.network]
        self._connect_views()
        self.welcome.setVisible(self.offer_demo and services.is_empty())
        self._restore_place()
        self.attached.emit()

    def _build(self) -> None:
        header = QHBoxLayout()
        header.addStretch(1)
        header.addWidget(self.search, 2)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addLayout(header)
        column.addWidget(self.welcome)
        column.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(right, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.undo_button)

    def _welcome_banner(self) -> QFrame:
        """On an empty database: load the demo network in one click, or start empty."""
        banner = card_frame("card")
        row = QHBoxLayout(banner)
        row.addWidget(plain_label("Welcome to NetCompanion. Your database is empty: try it with a demo network of "
                                  "three events and forty contacts, or start with your own cards.", wrap=True), 1)
        demo = QPushButton("Load demo data")
        demo.setObjectName("primary")
        demo.clicked.connect(self.load_demo)
        empty = QPushButton("Start empty")
        empty.clicked.connect(lambda: banner.setVisible(False))
        row.addWidget(empty)
        row.addWidget(demo)
        banner.setVisible(False)  # shown by `attach` when the database is empty
        return banner

    def load_demo(self) -> None:
        """Fill the empty database with the demo network in the background, then show it."""
        from netcompanion.demo import fill_demo

        if self.services is None:
            return
        services = self.services
        self.welcome.setEnabled(False)
        Operation(self, "Demo data", lambda: fill_demo(services)).success(lambda _: self._demo_loaded()) \
            .failure(lambda _: self.welcome.setEnabled(True)).run()

    def _demo_loaded(self) -> None:
        self.welcome.setVisible(False)
        self.refresh_current()
        self.show_status("Demo data loaded")

    def _connect_views(self) -> None:
        self.contacts.undoable.connect(self.offer_undo)
        self.scan.contacts_changed.connect(self._data_changed)
        self.events.events_changed.connect(self._data_changed)
        self.today.changed.connect(self._data_changed)

    def _shortcuts(self) -> None:
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence("Escape"), self.search, lambda: self.search.clear())
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh_current)
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo)
        for number in range(len(PLACES)):
            QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self, lambda n=number: self.navigation.setCurrentRow(n))
        checklist = QAction("Follow-up checklist window", self)
        checklist.setShortcut("Ctrl+Shift+T")
        checklist.triggered.connect(self._open_checklist_window)
        self.addAction(checklist)
        quit_action = QAction("Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)
        about = QAction("About", self)
        about.setShortcut("F1")
        about.triggered.connect(self._about)
        self.addAction(about)

    def _open_checklist_window(self) -> None:
        if self.views:  # not while the database is still opening
            self.today.open_checklist_window()

    # navigation and search
    def go_to(self, row: int) -> None:
        if not 0 <= row < len(self.views):
            return  # also while the database is opening: `attach` shows the chosen place
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
            return
        self.stack.setCurrentIndex(row)
        view = self.views[row]
        view.refresh()
        if self.search.text():
            view.set_search(self.search.text())
        self.show_status(PLACES[row])

    def scan_cards(self, paths: list[str]) -> None:
        """Open the Scan place and read the card images (or folders of them) in `paths`."""
        self.navigation.setCurrentRow(PLACES.index("Scan"))
        self.scan.add_paths(paths)

    def current_view(self) -> Place | None:
        return self.views[self.stack.currentIndex()] if self.views else None

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        if (view := self.current_view()) is not None:
            view.set_search(text)

    def refresh_current(self) -> None:
        if (view := self.current_view()) is not None:
            view.refresh()

    def _data_changed(self) -> None:
        self.today.refresh_counts()

    # status and undo
    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def offer_undo(self, message: str, undo: Callable[[], None]) -> None:
        self._undo = undo
        self.show_status(f"{message} — Ctrl+Z undoes it")
        self.undo_button.setVisible(True)
        QTimer.singleShot(30_000, self._forget_undo)

    def undo(self) -> None:
        if self._undo is not None:
            undo, self._undo = self._undo, None
            undo()
            self.undo_button.setVisible(False)
            self.show_status("Undone")

    def _forget_undo(self) -> None:
        self._undo = None
        self.undo_button.setVisible(False)

    def _about(self) -> None:
        QMessageBox.about(self, APP_NAME, f"{APP_NAME} {__version__}\nA few relationships that are followed up "
                          "beat a thousand business cards.")

    # window state
    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _restore_place(self) -> None:
        """The place chosen while the database was opening, else the one the app was closed in."""
        place = self.navigation.currentRow()
        if place < 0:
            stored = QSettings().value("main_window/place", 0, type=int)
            place = stored if isinstance(stored, int) and 0 <= stored < len(PLACES) else 0
            self.navigation.setCurrentRow(place)
        else:
            self.go_to(place)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.views:  # still opening the database: nothing to lose
            super().closeEvent(event)
            return
        if self.tray_controller is not None and self.tray_controller.keep_on_close():  # kept in the tray
            event.ignore()
            return
        if running_jobs() and QMessageBox.question(
                self, APP_NAME, "Work is still running in the background (reading cards or an import). Quit anyway?"
        ) != QMessageBox.StandardButton.Yes:
            event.ignore()
            return
        if self.scan.pending_count() and QMessageBox.question(
                self, APP_NAME, f"{self.scan.pending_count()} scanned cards are not saved yet. Quit anyway?"
        ) != QMessageBox.StandardButton.Yes:
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/place", self.stack.currentIndex())
        self.today.close_checklist_window()
        super().closeEvent(event)
