"""The Scan place: drop or pick card images, read them in the background, review and save each.

Cards are read one after the other on a worker thread with the engine loaded once; each card
enters the inbox as soon as it is read. The review form saves with Enter and moves to the next card.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core import settings
from netcompanion.core.clock import utcnow
from netcompanion.core.services import Services
from netcompanion.core.store.models import Contact
from netcompanion.gui.card_preview import image_from_array, image_from_file, outlined
from netcompanion.gui.form_codec import join_phones, join_values, split_phones, split_values
from netcompanion.gui.operation import Operation
from netcompanion.gui.widgets import (
    AdaptiveSplitter,
    card_frame,
    compact_combo,
    fill_combo,
    plain_label,
    plain_tooltip,
    show_error,
)
from netcompanion.gui.worker import Cancelled, Job, run_in_background
from netcompanion.ocr.image_files import IMAGE_SUFFIXES

LOW_CONFIDENCE = 0.6
CARD_PREVIEW_HEIGHT = 300
FORM_FIELDS = [("full_name", "Name"), ("title", "Title"), ("company", "Company"), ("emails", "E-mails"),
               ("phones", "Phones"), ("websites", "Web sites"), ("address", "Address"), ("linkedin", "LinkedIn")]
STATUS_MARK = {"read": "●", "failed": "✖", "saving": "…", "saved": "✔", "skipped": "–", "merged": "✔"}


@dataclass
class ScanItem:
    """One card in the inbox: its file, what the reader made of it, and where it stands."""

    path: Path
    scan: dict[str, Any] = field(default_factory=dict)
    card_image: Any = None  # the upright, flattened card (numpy RGB) the boxes refer to
    status: str = "read"
    contact_id: int | None = None

    @property
    def label(self) -> str:
        name = self.scan.get("full_name") or self.scan.get("company") or self.path.name
        return f"{STATUS_MARK.get(self.status, '')}  {name}"


#: QSettings key of the script chosen in Scan
SCRIPT_SETTING = "scan/script"


def read_cards_job(job: Job, paths: list[str], region: str, lang: str | None = None) -> int:
    """Read `paths` one by one in the card reader process, handing each result to the GUI as it
    is done (worker thread). Cancel stops the card being read at once. `lang`: the Tesseract
    languages of the script chosen in Scan, None for the built-in reader."""
    from netcompanion.ocr.reader_process import ReadCancelled, shared_reader

    reader = shared_reader()
    for number, path in enumerate(paths, start=1):
        job.check()
        starting = "" if reader.running else " (starting the card reader)"
        job.report(number - 1, len(paths), f"Reading {Path(path).name}{starting}")
        try:
            result = reader.read(path, region, cancelled=lambda: job.is_cancelled, lang=lang)
        except ReadCancelled:
            raise Cancelled from None
        job.emit_item((path, result.to_json(), result.card_image))
    job.report(len(paths), len(paths), "Done")
    return len(paths)


def start_reader_job(job: Job) -> str | None:
    """Start the card reader process and wait for its models; returns why it cannot start, if so."""
    from netcompanion.ocr.reader_process import shared_reader

    return shared_reader().wait_ready()


class ScanView(QWidget):
    """Scan inbox and review."""

    status = Signal(str)
    contacts_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.items: list[ScanItem] = []
        self.job: Job | None = None
        self.current: ScanItem | None = None
        self._reader_starting = False
        self.setAcceptDrops(True)
        self.event_combo, self.goal_combo = compact_combo(QComboBox(), 14), compact_combo(QComboBox(), 8)
        self.event_combo.currentIndexChanged.connect(self._event_changed)
        self.script_combo = self._script_combo()
        self.add_button = QPushButton("Add cards…")
        self.add_button.setObjectName("primary")
        self.add_button.setShortcut("Ctrl+O")
        self.add_button.setToolTip("Pick card images to read (Ctrl+O); you can also drop files or folders here")
        self.add_button.clicked.connect(self.pick_files)
        self.folder_button = QPushButton("Add folder…")
        self.folder_button.clicked.connect(self.pick_folder)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress_label = plain_label("", "hint")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.inbox = QListWidget()
        self.inbox.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long names end in "…"
        self.inbox.currentRowChanged.connect(self._open_row)
        self.image_label = QLabel("Drop card photos or scans here, or press Ctrl+O.")
        self.image_label.setTextFormat(Qt.TextFormat.PlainText)  # it shows a file's error, with its name
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setMinimumHeight(CARD_PREVIEW_HEIGHT + 8)
        self.fields = {name: QLineEdit() for name, _ in FORM_FIELDS}
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(54)
        self.address.setTabChangesFocus(True)
        self.detail = QLineEdit()
        self.detail.setPlaceholderText("The one thing you talked about, for the follow-up")
        self.match_label = plain_label("", "hint", wrap=True)
        self.merge_button = QPushButton("Merge into existing")
        self.merge_button.setVisible(False)
        self.merge_button.clicked.connect(self.merge_current)
        self.save_button = QPushButton("Save and next  ⏎")
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save_current)
        self.skip_button = QPushButton("Skip")
        self.skip_button.clicked.connect(self.skip_current)
        self.raw_text = QPlainTextEdit()
        self.raw_text.setReadOnly(True)
        self.raw_text.setFixedHeight(80)
        self._match_id: int | None = None
        self._wire_enter_keys()
        self._build()
        self._set_review_enabled(False)

    # layout
    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(plain_label("Scan", "pageTitle"))
        top.addStretch(1)
        top.addWidget(self.folder_button)
        top.addWidget(self.add_button)
        choices = QHBoxLayout()  # a row of its own: the page stays narrow enough for a small screen
        for label, combo, stretch in (("Event", self.event_combo, 2), ("Goal", self.goal_combo, 1),
                                      ("Script", self.script_combo, 1)):
            buddy = QLabel(label)
            buddy.setBuddy(combo)
            choices.addWidget(buddy)
            choices.addWidget(combo, stretch)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.progress_label)
        progress.addWidget(self.cancel_button)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(plain_label("Inbox", "cardTitle"))
        left_column.addWidget(self.inbox)
        form = QFormLayout()
        for name, label in FORM_FIELDS:
            form.addRow(label, self.address if name == "address" else self.fields[name])
        buttons = QVBoxLayout()  # pinned under the card: the match offer, the detail, the actions
        match_row = QHBoxLayout()
        match_row.addWidget(self.match_label, 1)
        match_row.addWidget(self.merge_button)
        detail_row = QHBoxLayout()
        detail_row.addWidget(QLabel("Conversation"))
        detail_row.addWidget(self.detail, 1)
        detail_row.addWidget(self.skip_button)
        detail_row.addWidget(self.save_button)
        buttons.addLayout(match_row)
        buttons.addLayout(detail_row)
        review = QWidget()
        review_column = QVBoxLayout(review)
        drop = card_frame("dropZone")
        drop_layout = QVBoxLayout(drop)
        drop_layout.addWidget(self.image_label)
        review_column.addWidget(drop)
        review_column.addLayout(form)
        review_column.addWidget(plain_label("What the reader saw", "hint"))
        review_column.addWidget(self.raw_text)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(review)
        right = QWidget()
        right_column = QVBoxLayout(right)  # the buttons stay in view however small the window
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(scroll, 1)
        right_column.addLayout(buttons)
        splitter = AdaptiveSplitter(left, right, stretch=(1, 3))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(choices)
        layout.addLayout(progress)
        layout.addWidget(splitter, 1)

    def _script_combo(self) -> QComboBox:
        """The scripts cards can be read in: the built-in reader's, and each script a Tesseract
        pack is installed for (the others are listed, greyed, with the pack to install). The
        choice is kept between runs."""
        from netcompanion.ocr.engines import OTHER_SCRIPTS, script_languages, tesseract_languages

        combo = compact_combo(QComboBox(), 10)
        combo.addItem("Latin, Chinese, Japanese, Korean", "")
        installed = tesseract_languages()
        for script, codes in OTHER_SCRIPTS.items():
            lang = script_languages(script, installed)
            combo.addItem(script, lang or "")
            if lang is None:
                item = combo.model().item(combo.count() - 1)  # type: ignore[attr-defined]
                item.setEnabled(False)
                item.setToolTip(f"Install the Tesseract pack tesseract-ocr-{codes[0]} to read {script} cards")
        index = combo.findText(str(QSettings().value(SCRIPT_SETTING, "") or ""))
        if index > 0 and combo.itemData(index):
            combo.setCurrentIndex(index)
        combo.setToolTip("The script of the cards: other scripts than the built-in ones are read with Tesseract")
        combo.currentIndexChanged.connect(
            lambda _index: QSettings().setValue(SCRIPT_SETTING, combo.currentText() if combo.currentIndex() else ""))
        return combo

    def _wire_enter_keys(self) -> None:
        self.fields["full_name"].returnPressed.connect(self.detail.setFocus)
        for name, box in self.fields.items():
            if name != "full_name":
                box.returnPressed.connect(self.save_current)
        self.detail.returnPressed.connect(self.save_current)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.start_reader()

    def start_reader(self) -> None:
        """Have the card reader process load its models while the user picks cards."""
        from netcompanion.ocr.reader_process import shared_reader  # a light module: no models here

        if self._reader_starting or shared_reader().running:
            return
        self._reader_starting = True
        run_in_background(start_reader_job, on_done=self._reader_started, on_error=self._reader_started,
                          user_work=False, owner=self)

    def _reader_started(self, error: str | None) -> None:
        self._reader_starting = False
        self.status.emit(f"The card reader cannot start: {error}" if error else "Card reader ready")

    # events and goals
    def refresh(self) -> None:
        events = self.services.events.list()
        fill_combo(self.event_combo, [(e.name, e.id) for e, _ in events], ("No event", None))
        if self.event_combo.currentIndex() == 0 and events and self.event_combo.property("defaulted") is None:
            now = utcnow()  # cards come from the event that started last, not from an upcoming one
            started = [e for e, _ in events if e.starts_at is not None and e.starts_at <= now]
            default = started[0] if started else events[-1][0]
            self.event_combo.setCurrentIndex(self.event_combo.findData(default.id))
            self.event_combo.setProperty("defaulted", True)
        fill_combo(self.goal_combo, [(g.name, g.key) for g in self.services.goals.list()], ("No goal", ""))
        self._event_changed()

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        for row, item in enumerate(self.items):
            haystack = " ".join(str(v) for v in item.scan.values() if isinstance(v, str)).casefold()
            self.inbox.item(row).setHidden(not all(w in haystack for w in words))

    def _event_changed(self) -> None:
        event_id = self.event_combo.currentData()
        if event_id is None:
            return
        event = self.services.events.get(event_id)
        if event.goal is not None:
            index = self.goal_combo.findData(event.goal.key)
            if index >= 0:
                self.goal_combo.setCurrentIndex(index)

    # adding cards
    def pick_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_SUFFIXES))
        files, _ = QFileDialog.getOpenFileNames(self, "Card images", str(Path.home()),
                                                f"Images ({patterns});;All files (*)")
        if files:
            self.add_paths(files)

    def pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder of card images", str(Path.home()))
        if folder:
            self.add_paths([folder])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def add_paths(self, paths: list[str]) -> None:
        """Read the images in `paths` (folders are expanded) in the background."""
        if self.job is not None and self.job.running:
            show_error(self, "Scanning", "Cards are being read; wait for them or cancel first.")
            return
        from netcompanion.ocr.image_files import expand_paths

        files = expand_paths(paths)
        if not files:
            show_error(self, "Scanning", "No card images there.")
            return
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        for widget in (self.progress, self.cancel_button):
            widget.setVisible(True)
        self.job = run_in_background(read_cards_job, files, settings.home_region(),
                                     self.script_combo.currentData() or None, on_item=self._card_read, on_progress=self._progress,
                                     on_done=self._finished, on_error=self._failed, on_cancel=self._cancelled)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.progress_label.setText("Cancelling…")

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setValue(done)
        self.progress_label.setText(f"{done} of {total} · {message}")

    def _card_read(self, value: tuple[str, dict[str, Any], Any]) -> None:
        path, scan, card_image = value
        item = ScanItem(Path(path), scan, card_image, "failed" if scan.get("error") else "read")
        self.items.append(item)
        entry = QListWidgetItem(item.label)
        entry.setToolTip(plain_tooltip(scan.get("error") or str(item.path)))
        self.inbox.addItem(entry)
        if self.current is None:
            self.inbox.setCurrentRow(len(self.items) - 1)

    def _finished(self, count: int) -> None:
        self._end_job(f"Read {count} card{'' if count == 1 else 's'}")

    def _failed(self, message: str) -> None:
        self._end_job("Reading stopped")
        show_error(self, "Scanning", message)

    def _cancelled(self) -> None:
        self._end_job("Cancelled")

    def _end_job(self, message: str) -> None:
        for widget in (self.progress, self.cancel_button):
            widget.setVisible(False)
        self.progress_label.setText(message)
        self.status.emit(message)

    # review
    def _open_row(self, row: int) -> None:
        self.current = self.items[row] if 0 <= row < len(self.items) else None
        item = self.current
        if item is None:
            self._set_review_enabled(False)
            return
        scan = item.scan
        low = fields_to_check(scan)
        for name, box in self.fields.items():
            box.setText(_field_text(scan, name))
            _mark(box, name in low and bool(box.text()))
        self.address.setPlainText(scan.get("address") or "")
        _mark(self.address, "address" in low and bool(self.address.toPlainText()))
        self.detail.clear()
        self.raw_text.setPlainText(scan.get("error") or scan.get("raw_text") or "")
        self._show_image(item, low)
        editable = item.status in ("read", "failed")
        self._set_review_enabled(editable)
        self._offer_merge(item)
        if editable:
            self.fields["full_name"].setFocus()
            self.fields["full_name"].selectAll()

    def _show_image(self, item: ScanItem, low: set[str]) -> None:
        image = image_from_array(item.card_image) if item.card_image is not None else image_from_file(item.path)
        if image.isNull():
            self.image_label.setText(item.scan.get("error") or "This image cannot be shown.")
            return
        fit_height = int(CARD_PREVIEW_HEIGHT * image.width() / max(1, image.height()))  # the whole card shows
        width = max(160, min(640, self.image_label.width() - 20, fit_height))
        self.image_label.setPixmap(outlined(image, item.scan.get("boxes") or {}, low, width))

    def _offer_merge(self, item: ScanItem) -> None:
        """When the card is someone already stored (or a planned target's contact), offer to merge."""
        self._match_id = None
        self.merge_button.setVisible(False)
        self.match_label.clear()
        if item.status != "read":
            return
        found = self.services.cards.find_existing(self.form_scan(), settings.home_region())
        if found is not None:
            contact, reason = found
            self._match_id = contact.id
            self.match_label.setText(f"Already in your contacts: {contact.full_name or contact.company} ({reason}).")
            self.merge_button.setVisible(True)

    def _set_review_enabled(self, enabled: bool) -> None:
        for widget in (*self.fields.values(), self.address, self.detail, self.save_button, self.skip_button):
            widget.setEnabled(enabled)

    def form_scan(self) -> dict[str, Any]:
        """The reviewed card as a scan dict (the reader's output with the user's corrections)."""
        scan = dict(self.current.scan) if self.current else {}
        for name in ("full_name", "title", "company", "linkedin"):
            scan[name] = self.fields[name].text().strip()
        scan["given_name"] = scan["family_name"] = ""  # re-derived from the (maybe corrected) name
        scan["emails"] = split_values(self.fields["emails"].text())
        scan["websites"] = split_values(self.fields["websites"].text())
        scan["phones"] = [{"e164": number, "kind": kind} for number, kind in split_phones(self.fields["phones"].text())]
        scan["address"] = self.address.toPlainText().strip()
        return scan

    def save_current(self) -> None:
        item = self.current
        if item is None or item.status not in ("read", "failed"):
            return
        cards, scan, where = self.services.cards, self.form_scan(), self._where_met()
        new_person = self._match_id is not None  # offered a merge, the user chose a new contact
        self._store(item, "saved", "Cannot save this card",
                    lambda: cards.save_scan(scan, item.path, **where, new_person=new_person),
                    lambda contact: f"Saved {contact.full_name or contact.company}")

    def merge_current(self) -> None:
        item, match_id = self.current, self._match_id
        if item is None or match_id is None:
            return
        cards, scan, where = self.services.cards, self.form_scan(), self._where_met()
        self._store(item, "merged", "Cannot merge this card", lambda: cards.merge_scan(match_id, scan, item.path, **where),
                    lambda _contact: "Merged into the existing contact")

    def _where_met(self) -> dict[str, Any]:
        """The event, goal, conversation detail and region the reviewed card is saved with."""
        goal = self.goal_combo.currentData()
        return dict(event=self.event_combo.currentData(), goals=[goal] if goal else [], detail=self.detail.text(),
                    region=settings.home_region())

    def _store(self, item: ScanItem, status: str, title: str, write: Callable[[], Contact],
               said: Callable[[Contact], str]) -> None:
        """Store the card in the background and open the next one at once; when it cannot be
        stored, the message names why and the card is opened again as it was."""
        before, item.status = item.status, "saving"
        self._next()

        def stored(contact: Contact) -> None:
            item.status, item.contact_id = status, contact.id
            self._relabel(item)
            self.status.emit(said(contact))
            self.contacts_changed.emit()

        def refused(_error: Exception) -> None:
            item.status = before
            self._relabel(item)
            if item in self.items:
                self.inbox.setCurrentRow(self.items.index(item))

        Operation(self, title, write).success(stored).failure(refused).run()

    def _relabel(self, item: ScanItem) -> None:
        if item in self.items:
            self.inbox.item(self.items.index(item)).setText(item.label)

    def skip_current(self) -> None:
        if self.current is not None:
            self.current.status = "skipped"
            self._next()

    def _next(self) -> None:
        row = self.inbox.currentRow()
        if 0 <= row < len(self.items):
            self.inbox.item(row).setText(self.items[row].label)
        pending = [i for i, item in enumerate(self.items) if item.status in ("read", "failed")]
        later = [i for i in pending if i > row] or pending
        if later:
            self.inbox.setCurrentRow(later[0])
        else:
            self._open_row(row)
            self.status.emit("Every card in the inbox is reviewed")

    def pending_count(self) -> int:
        return sum(1 for item in self.items if item.status in ("read", "failed"))


def fields_to_check(scan: dict[str, Any]) -> set[str]:
    """The fields the review highlights: the reader's ``check`` list; a scan stored before the
    reader made one falls back to its low confidences."""
    if "check" in scan:
        return set(scan.get("check") or [])
    return {name for name, value in (scan.get("confidence") or {}).items() if value < LOW_CONFIDENCE}


def _mark(box: QWidget, on: bool) -> None:
    box.setProperty("lowConfidence", on)
    box.style().unpolish(box)
    box.style().polish(box)


def _field_text(scan: dict[str, Any], name: str) -> str:
    value = scan.get(name)
    if name == "phones":
        return join_phones((p.get("e164", ""), p.get("kind", "work")) for p in value or [])
    if isinstance(value, list):
        return join_values(value)
    return value or ""

