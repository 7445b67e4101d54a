"""The main window: navigation between the five places, one search field, status bar, shortcuts."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netcompanion import APP_NAME, __version__
from netcompanion.gui.i18n import tr, tr_noop
from netcompanion.gui.operation import Operation, pending_writes
from netcompanion.gui.unsaved import kept_count
from netcompanion.gui.views.place import Place
from netcompanion.gui.wheel_guard import install_wheel_guard
from netcompanion.gui.widgets import card_frame, plain_label
from netcompanion.gui.worker import running_jobs

if TYPE_CHECKING:
    from netcompanion.core.services import Services
    from netcompanion.gui.settings_dialog import SettingsDialog
    from netcompanion.gui.tray import TrayController
    from netcompanion.gui.views.contacts_view import ContactsView
    from netcompanion.gui.views.events_view import EventsView
    from netcompanion.gui.views.network_view import NetworkView
    from netcompanion.gui.views.planning_tab import PlanningTab
    from netcompanion.gui.views.scan_view import ScanView
    from netcompanion.gui.views.today_view import TodayView

TITLE_BAR_ROOM = 40  # px a window manager's frame may add above the window
PLACES = ["Today", "Scan", "Contacts", "Events", "Network"]  # shown as tr(place)
_PLACE_NAMES = (tr_noop("Today"), tr_noop("Scan"), tr_noop("Contacts"), tr_noop("Events"), tr_noop("Network"))


def settle(view: Place) -> bool:
    """Save the edits of a place's form before the user leaves it (see `Place`); True to go on."""
    settle_edits = getattr(view, "settle", None)
    return bool(settle_edits()) if settle_edits is not None else True


class MainWindow(QMainWindow):
    """The app's main window, holding one view per place.

    It can be shown before the database is open (`services=None`): the window appears at once with
    an tr("Opening your network…") page, and `attach(services)` builds the five views when the
    database is ready, so starting the app never waits for the database layer to load.
    """

    attached = Signal()

    def __init__(self, services: Services | None = None, offer_demo: bool = True) -> None:
        super().__init__()
        install_wheel_guard()  # before any control is shown (and polished)
        self.offer_demo = offer_demo
        self.services: Services | None = None
        self.views: list[Place] = []
        self.tray_controller: TrayController | None = None  # set once the database is open (gui/tray.py)
        self.settings_dialog: SettingsDialog | None = None
        self.setWindowTitle(APP_NAME)
        self.stack = QStackedWidget()
        self.opening = plain_label(tr("Opening your network…"), "hint")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.opening)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(tr("Places"))
        self.navigation.addItems([tr(place) for place in PLACES])
        self.navigation.currentRowChanged.connect(self.go_to)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search the current place"))
        self.search.textChanged.connect(self._search_changed)
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo)
        self._undo: Callable[[], None] | None = None
        self._searches: dict[int, str] = {}  # each place's search text while the user is elsewhere
        self.welcome = self._welcome_banner()
        self._build()
        self._menus()
        self.resize(1200, 760)
        self._restore_geometry()
        self._fit_screen()
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
        self.events.add_tab(self.planning, tr("Plan"))
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
        if waiting := self.scan.pending_count():  # kept from the last run (a quit or a crash)
            self.show_status(f"{waiting} card{'' if waiting == 1 else 's'} from last time wait in the Scan inbox")
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
        row.addWidget(plain_label(tr("Welcome to NetCompanion. Your database is empty: try it with a demo network of "
                                     "three events and forty contacts, or start with your own cards."), wrap=True), 1)
        demo = QPushButton(tr("Load demo data"))
        demo.setObjectName("primary")
        demo.clicked.connect(self.load_demo)
        empty = QPushButton(tr("Start empty"))
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
        Operation(self, tr("Demo data"), lambda: fill_demo(services)).success(lambda _: self._demo_loaded()) \
            .failure(lambda _: self.welcome.setEnabled(True)).run()

    def _demo_loaded(self) -> None:
        self.welcome.setVisible(False)
        self.refresh_current()
        self.show_status(tr("Demo data loaded"))

    def _connect_views(self) -> None:
        self.contacts.undoable.connect(self.offer_undo)
        self.today.undoable.connect(self.offer_undo)
        self.scan.contacts_changed.connect(self._data_changed)
        self.events.events_changed.connect(self._data_changed)
        self.today.changed.connect(self._data_changed)

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object],
                keys: str | QKeySequence.StandardKey | list[QKeySequence] | None = None, tip: str = "") -> QAction:
        """An entry of the menu bar; its shortcut works in the whole window and shows in the menu."""
        action = QAction(text, self)
        if isinstance(keys, list):
            action.setShortcuts(keys)
        elif keys is not None:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.addAction(action)  # also while the menu bar is hidden (a desktop's global menu)
        return action

    def _menus(self) -> None:
        """File, Edit, View, Go and Help: every shortcut of the window, shown where it is found."""
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu(tr("&File"))
        self.add_cards_action = self._action(file_menu, tr("&Add cards…"), lambda: self._in_place("Scan", "pick_files"),
                                             "Ctrl+O", tr("Read card photos or scans in the Scan place"))
        self._action(file_menu, tr("Add a &folder of cards…"), lambda: self._in_place("Scan", "pick_folder"))
        self._action(file_menu, tr("Cards from my &phone…"), lambda: self._in_place("Scan", "use_phone"), "Ctrl+P",
                     tr("A QR code opens a page on your phone that sends each card photo here"))
        self._action(file_menu, tr("Cards from the &camera…"), lambda: self._in_place("Scan", "use_camera"), "Ctrl+K",
                     tr("Hold cards up to the webcam: each is taken when it is still"))
        file_menu.addSeparator()
        self._action(file_menu, tr("&Import contacts…"), lambda: self._in_place("Contacts", "pick_import_file"), "Ctrl+I",
                     tr("vCard, Google / Outlook / LinkedIn CSV, calendars and mailboxes"))
        self._action(file_menu, tr("&Export contacts…"), lambda: self._in_place("Contacts", "export_contacts"))
        self._action(file_menu, tr("&New event…"), lambda: self._in_place("Events", "add_event"), "Ctrl+E")
        # The Settings dialog's entry goes here, above Quit (`add_to_file_menu`).
        self.settings_place = file_menu.addSeparator()
        self._action(file_menu, tr("&Quit"), self.close, "Ctrl+Q")  # (the platform's Quit key is empty on some)
        edit = bar.addMenu(tr("&Edit"))
        self.undo_action = self._action(edit, tr("&Undo"), self.undo, "Ctrl+Z")
        edit.addSeparator()
        self._action(edit, tr("&Save contact"), lambda: self._if_current("Contacts", "save_contact"), "Ctrl+S")
        self._action(edit, tr("&Archive selected contacts"), lambda: self._if_current("Contacts", "archive_selected"),
                     QKeySequence.StandardKey.Delete)
        edit.addSeparator()
        self._action(edit, tr("&Find…"), self.focus_search, QKeySequence.StandardKey.Find, tr("Search the current place"))
        view = bar.addMenu(tr("&View"))
        self._action(view, tr("&Reload"), self.refresh_current, QKeySequence.StandardKey.Refresh)
        self._action(view, tr("Follow-up &checklist window"), self._open_checklist_window, "Ctrl+Shift+T",
                     tr("A small window that stays on top"))
        go = bar.addMenu(tr("&Go"))
        for number, place in enumerate(PLACES):
            self._action(go, tr(place), partial(self.navigation.setCurrentRow, number), f"Ctrl+{number + 1}")
        go.addSeparator()
        self._action(go, tr("To the &results"), self.focus_results, None, tr("From the search box: Down or Enter"))
        help_menu = bar.addMenu(tr("&Help"))
        self._action(help_menu, tr("&Keyboard shortcuts"), self.show_shortcuts,
                     [QKeySequence("F1"), QKeySequence("Ctrl+?")])
        self.help_menu = help_menu
        self._action(help_menu, tr("Open &log folder"), self.open_log_folder, None,
                     tr("The log file holds what went wrong in the background, for a bug report"))
        help_menu.addSeparator()
        self._action(help_menu, tr("&About NetCompanion"), self._about)
        self.settings_action = QAction(tr("&Settings…"), self)
        self.settings_action.setShortcut("Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.add_to_file_menu(self.settings_action)
        QShortcut(QKeySequence("Escape"), self.search, self.search.clear, context=Qt.ShortcutContext.WidgetShortcut)
        for keys in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self.search, self.focus_results, context=Qt.ShortcutContext.WidgetShortcut)

    def add_to_file_menu(self, action: QAction) -> None:
        """Put `action` (the Settings dialog's) in the File menu, above Quit."""
        self.file_menu.insertAction(self.settings_place, action)
        self.addAction(action)

    def _in_place(self, place: str, method: str) -> None:
        """Open `place` and call its `method` (a menu entry that acts in one place)."""
        if not self.views:
            return  # the database is still opening
        self.navigation.setCurrentRow(PLACES.index(place))
        getattr(self.views[PLACES.index(place)], method)()

    def _if_current(self, place: str, method: str) -> None:
        """Call the place's `method` when it is the one shown (Ctrl+S, Delete act on what is in view)."""
        if self.views and self.current_view() is self.views[PLACES.index(place)]:
            getattr(self.views[PLACES.index(place)], method)()

    def focus_results(self) -> None:
        """Move the keyboard from the search box into what the current place shows."""
        if (view := self.current_view()) is not None and hasattr(view, "focus_results"):
            view.focus_results()

    def open_log_folder(self) -> None:
        from netcompanion.core import settings

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(settings.log_dir())))

    def show_shortcuts(self) -> None:
        from netcompanion.gui.shortcut_sheet import ShortcutSheet

        ShortcutSheet(self.menuBar(), self).exec()

    def open_settings(self) -> None:
        """Show the Settings dialog (one at a time, not modal: the window stays usable)."""
        if self.services is None:
            return  # the database is still opening
        if self.settings_dialog is None:
            from netcompanion.gui.settings_dialog import SettingsDialog

            self.settings_dialog = SettingsDialog(self.services, self.tray_controller, self)
            self.settings_dialog.changed.connect(self.refresh_current)
        else:
            self.settings_dialog.use_tray(self.tray_controller)
            self.settings_dialog.load()
            self.settings_dialog.templates.refresh()
        self.settings_dialog.show()
        self.settings_dialog.raise_()
        self.settings_dialog.activateWindow()

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
        shown = self.stack.currentIndex()
        if shown != row and 0 <= shown < len(self.views) and not settle(self.views[shown]):
            self.navigation.blockSignals(True)  # the user keeps editing there
            self.navigation.setCurrentRow(shown)
            self.navigation.blockSignals(False)
            return
        if 0 <= shown < len(self.views):  # each place keeps its own search: one made in Contacts stays there
            self._searches[shown] = self.search.text()
        self.search.blockSignals(True)
        self.search.setText(self._searches.get(row, ""))
        self.search.blockSignals(False)
        self.stack.setCurrentIndex(row)
        view = self.views[row]
        view.refresh()
        if self.search.text():
            view.set_search(self.search.text())
        self.show_status(tr(PLACES[row]))

    def open_files(self, paths: list[str]) -> None:
        """A later launch handed over `paths`: come forward with fresh lists, and read the cards."""
        self.showNormal() if self.isMinimized() else self.show()
        self.raise_()
        self.activateWindow()
        if not self.views:  # still opening the database: read them once the views are there
            if paths:
                self.attached.connect(lambda: self.scan_cards(paths))
            return
        if paths:
            self.scan_cards(paths)
        else:
            self.refresh_current()

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
            self.show_status(tr("Undone"))

    def _forget_undo(self) -> None:
        self._undo = None
        self.undo_button.setVisible(False)

    def _about(self) -> None:
        QMessageBox.about(self, APP_NAME, f"{APP_NAME} {__version__}\n"
                          + tr("A few relationships that are followed up beat a thousand business cards."))

    # window state
    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _fit_screen(self) -> None:
        """Never larger than the screen's free area (a small laptop, or a size kept from a larger
        monitor), with room for the window manager's title bar, and never off its edges."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
        width = min(self.width(), free.width())
        height = min(self.height(), free.height() - TITLE_BAR_ROOM)
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, self.minimumSizeHint().width()), max(height, self.minimumSizeHint().height()))
        if not free.contains(self.frameGeometry().topLeft()):
            self.move(free.topLeft())

    def _restore_place(self) -> None:
        """The place chosen while the database was opening, else the one the app was closed in."""
        place = self.navigation.currentRow()
        if place < 0:
            stored = QSettings().value("main_window/place", 0, type=int)
            place = stored if isinstance(stored, int) and 0 <= stored < len(PLACES) else 0
            self.navigation.setCurrentRow(place)
        else:
            self.go_to(place)

    def _close_when_written(self, kept: int) -> None:
        """Quit once the writes are answered, unless the user went back to edits that were refused."""
        if pending_writes():
            QTimer.singleShot(20, lambda: self._close_when_written(kept))
        elif kept_count() == kept:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.views:  # still opening the database: nothing to lose
            super().closeEvent(event)
            return
        if self.tray_controller is not None and self.tray_controller.keep_on_close():  # kept in the tray
            event.ignore()
            return
        if not all(settle(view) for view in self.views):  # edits in a form are saved, or the user stays
            event.ignore()
            return
        if pending_writes():  # the edits just handed over are stored first: one may be refused
            event.ignore()
            self._close_when_written(kept_count())
            return
        if running_jobs() and QMessageBox.question(
                self, APP_NAME, "Work is still running in the background (reading cards or an import). Quit anyway?"
        ) != QMessageBox.StandardButton.Yes:
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/place", self.stack.currentIndex())
        self.today.close_checklist_window()
        super().closeEvent(event)
