"""Importing and exporting contacts from the GUI: the background jobs and the file dialogs."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from netcompanion.core.services import Services
from netcompanion.core.services.activity_log import ActivityReport
from netcompanion.core.services.import_report import ImportReport
from netcompanion.gui.i18n import tr
from netcompanion.gui.widgets import plain_label
from netcompanion.gui.worker import Job, run_in_background

EXPORT_FILTERS = {"vCard (*.vcf)": ("vcard", "google"), "Google Contacts CSV (*.csv)": ("csv", "google"),
                  "Outlook CSV (*.csv)": ("csv", "outlook"), "HubSpot contacts CSV (*.csv)": ("csv", "hubspot"),
                  "Salesforce contacts CSV (*.csv)": ("csv", "salesforce")}


def import_job(job: Job, services: Services, path: str) -> ImportReport | ActivityReport:
    from netcompanion.interop.activity_import import activity_kind, import_activity_file
    from netcompanion.interop.importer import import_file  # vobject and friends: load on first use

    if activity_kind(path):  # a calendar or a mailbox: meetings and e-mails logged, no contact added
        return import_activity_file(services, path)

    def progress(done: int, total: int) -> None:
        job.check()  # a cancel raises here and the whole import is rolled back
        job.report(done, total, f"{done} of {total} contacts")

    return import_file(services, path, progress=progress)


def export_job(job: Job, services: Services, fmt: str, csv_format: str, path: str, ids: list[int]) -> int:
    from netcompanion.interop.exporter import export_contacts, write_export  # icalendar, vobject: on first use

    content, count = export_contacts(services, fmt, csv_format=csv_format, contact_ids=ids)
    write_export(path, content)
    return count


def _cancel_first(job_holder: list[Job]) -> None:
    if job_holder:
        job_holder[0].cancel()


def _close_then(dialog: QProgressDialog, on_finished: Callable[[object], None]) -> None:
    dialog.reset()
    on_finished(None)


def _progress_dialog(parent: QWidget, title: str, job_holder: list[Job]) -> QProgressDialog:
    dialog = QProgressDialog(title, tr("Cancel"), 0, 0, parent)
    dialog.setLabel(plain_label(title))  # the title holds a file name: text, never markup
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(lambda: _cancel_first(job_holder))
    return dialog


def start_import(parent: QWidget, services: Services, path: str, on_finished) -> Job:  # noqa: ANN001
    """Import `path` in the background with a cancellable progress dialog; report at the end."""
    holder: list[Job] = []
    dialog = _progress_dialog(parent, tr("Importing {file}…").format(file=Path(path).name), holder)

    def done(report: ImportReport | ActivityReport) -> None:
        dialog.reset()
        box = QMessageBox(QMessageBox.Icon.Information, "Import", report.summary(), QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDetailedText("\n".join(report.lines()) if isinstance(report, ActivityReport) else "\n".join(
            f"line {e.line}: {e.outcome} {e.name} {e.reason}".strip() for e in report.entries))
        box.open()
        on_finished(report)

    def failed(message: str) -> None:
        dialog.reset()
        box = QMessageBox(QMessageBox.Icon.Warning, "Import", f"Nothing was imported.\n\n{message}",
                          QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()
        on_finished(None)

    def progress(done_count: int, total: int, message: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done_count)
        dialog.setLabelText(message)

    job = run_in_background(import_job, services, path, on_done=done, on_error=failed, on_progress=progress,
                            on_cancel=lambda: _close_then(dialog, on_finished))
    holder.append(job)
    return job


def pick_and_export(parent: QWidget, services: Services, ids: list[int], on_finished) -> Job | None:  # noqa: ANN001
    """Ask for a file and a format, then export the contacts `ids` in the background."""
    path, chosen = QFileDialog.getSaveFileName(parent, "Export contacts", str(Path.home() / "contacts.vcf"),
                                               ";;".join(EXPORT_FILTERS))
    if not path:
        return None
    fmt, csv_format = EXPORT_FILTERS.get(chosen, ("vcard", "google"))
    return run_in_background(export_job, services, fmt, csv_format, path, ids,
                             on_done=lambda count: on_finished(
                                 tr("Exported {count} contacts to {path}").format(count=count, path=path)),
                             on_error=lambda message: on_finished(tr("The export failed: {reason}").format(reason=message)))
