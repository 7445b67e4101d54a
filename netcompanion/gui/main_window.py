"""The main window. Until the full app lands it lists the contacts and today's follow-ups."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from netcompanion import APP_NAME
from netcompanion.core.services import Services

CONTACT_COLUMNS = ["Name", "Title", "Company", "Goals", "Tier"]


class MainWindow(QMainWindow):
    """The app's one main window."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.setWindowTitle(APP_NAME)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.contacts_model = QStandardItemModel(0, len(CONTACT_COLUMNS), self)
        self.contacts_model.setHorizontalHeaderLabels(CONTACT_COLUMNS)
        self.table = QTableView()
        self.table.setModel(self.contacts_model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout()
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.resize(1000, 650)
        self.restore_state()
        self.refresh()

    def refresh(self) -> None:
        """Reload contacts and the follow-up count from the services."""
        contacts = self.services.contacts.list()
        self.contacts_model.removeRows(0, self.contacts_model.rowCount())
        for contact in contacts:
            cells = [contact.full_name, contact.title, contact.company,
                     ", ".join(g.name for g in contact.goals), contact.tier]
            self.contacts_model.appendRow([QStandardItem(text) for text in cells])
        self.table.resizeColumnsToContents()
        due = len(self.services.followups.open_items())
        self.summary.setText(f"{len(contacts)} contacts · {due} follow-ups open")

    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
