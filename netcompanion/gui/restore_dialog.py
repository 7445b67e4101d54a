"""The database cannot be opened: one dialog says why and offers to restore its latest backup.

It shows the reason, and when the file itself is unusable and a backup exists, the backup's date
and path with what restoring does; "Restore this backup" is the user's confirmation. The restore
is one core call (`restore_and_open`), run off the GUI thread through `Operation`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from netcompanion import APP_NAME
from netcompanion.core.errors import NetCompanionError, UnusableDatabaseError
from netcompanion.gui.operation import Operation, error_text
from netcompanion.gui.widgets import plain_label, show_error

if TYPE_CHECKING:
    from netcompanion.core.services import Services
    from netcompanion.core.store.backup import BackupInfo


def latest_backup_of(db_url: str | None) -> BackupInfo | None:
    """The newest backup of the SQLite database `db_url` names, if there is one to offer."""
    from netcompanion.core.store import backup

    try:
        return backup.latest_backup(backup.sqlite_file(db_url))
    except (NetCompanionError, OSError):
        return None


class RestoreDialog(QDialog):
    """Why the database cannot be opened, and (when there is one) its latest backup to restore.

    After `exec()`, `services` holds the restored database's services, or None when the database
    stays closed (the user closed the dialog, or the restore was refused with a message).
    """

    def __init__(self, error: NetCompanionError, latest: BackupInfo | None, db_url: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.latest, self.db_url = latest, db_url
        self.services: Services | None = None
        self.reason = plain_label(f"The database cannot be opened.\n\n{error}", wrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        self.restore_button = None
        if latest is not None:
            layout.addWidget(plain_label(
                f"The latest backup was made {latest.created_at:%Y-%m-%d %H:%M} UTC:\n{latest.path}\n\n"
                "Restoring it replaces the database; the current database is kept as a backup first.",
                "hint", wrap=True))
            self.restore_button = self.buttons.addButton("Restore this backup", QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.clicked.connect(self.restore)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)  # restoring is a choice
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def restore(self) -> None:
        from netcompanion.core.services import restore_and_open

        if self.latest is None:
            return
        source, db_url = self.latest.path, self.db_url
        self.buttons.setEnabled(False)
        Operation(self, APP_NAME, lambda: restore_and_open(source, db_url)).success(self._restored) \
            .on(NetCompanionError, self._refused).on(OSError, self._refused).run()

    def _restored(self, services: Services) -> None:
        self.services = services
        self.accept()

    def _refused(self, error: Exception) -> None:
        show_error(self, APP_NAME, f"The backup could not be restored.\n\n{error_text(error)}")
        self.reject()


def offer_restore(error: NetCompanionError, db_url: str | None, parent: QWidget | None = None) -> Services | None:
    """Say why the database cannot be opened, offer its latest backup when the file itself is
    unusable, and return the restored database's services (None: it stays closed)."""
    latest = latest_backup_of(db_url) if isinstance(error, UnusableDatabaseError) else None
    dialog = RestoreDialog(error, latest, db_url, parent)
    dialog.exec()
    return dialog.services
