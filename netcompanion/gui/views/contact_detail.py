"""The detail pane of one contact: every field editable, card images, encounters and interactions."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netcompanion.core.errors import ConflictError
from netcompanion.core.rules.health import trust_text
from netcompanion.core.services import Services
from netcompanion.core.services.contacts import contact_label
from netcompanion.core.store.card_store import card_image_path
from netcompanion.gui.card_preview import image_from_file
from netcompanion.gui.form_codec import join_phones, join_values, split_phones, split_values
from netcompanion.gui.operation import Operation
from netcompanion.gui.widgets import compact_combo, local_day, plain_label

PHOTO_SIDE = 96  # pixels: the contact's picture beside the name

TIERS = [("Inner circle", "inner"), ("Warm", "warm"), ("Acquaintance", "acquaintance"), ("Noise", "noise")]
LINE_FIELDS = [("full_name", "Name"), ("title", "Title"), ("company", "Company"), ("linkedin", "LinkedIn"),
               ("birthday", "Birthday"), ("anniversary", "Anniversary")]
ADDRESS_FIELDS = [("address_street", "Street"), ("address_postcode", "Postcode"), ("address_locality", "City"),
                  ("address_region", "Region"), ("address_country", "Country")]
LIST_FIELDS = [("emails", "E-mails"), ("phones", "Phones"), ("websites", "Web sites")]
TEXT_FIELDS = [("address", "Address"), ("notes", "Notes"), ("interests", "Interests"),
               ("needs", "Needs"), ("offers", "Offers")]
TRUST_FIELDS = [("influence", "Influence (1-5)", 5), ("credibility", "Credibility", 10),
                ("reliability", "Reliability", 10), ("intimacy", "Intimacy", 10),
                ("self_orientation", "Self-orientation", 10)]


def _spin(maximum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    spin.setSpecialValueText("–")  # 0 means "not given"
    return spin


def _text_box(height: int = 54) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    return box


class ContactDetail(QWidget):
    """Shows one contact and saves the user's edits through the contacts service."""

    saved = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.contact_id: int | None = None
        self.loaded_at: datetime | None = None  # the contact's updated_at when the form was filled
        self.heading = plain_label("", "pageTitle")
        self.subtitle = plain_label("", "hint", wrap=True)
        self.card_image = QLabel()
        self.card_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo = QLabel()
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines = {name: QLineEdit() for name, _ in (*LINE_FIELDS, *ADDRESS_FIELDS)}
        for name in ("birthday", "anniversary"):
            self.lines[name].setPlaceholderText("YYYY-MM-DD, or --MM-DD without the year")
        self.unchecked = plain_label("", "hint", wrap=True)
        self.lists = {name: QLineEdit() for name, _ in LIST_FIELDS}
        for name, box in self.lists.items():
            box.setPlaceholderText("several values separated by ;" if name != "phones" else "+4930123456 (mobile); …")
        self.texts = {name: _text_box() for name, _ in TEXT_FIELDS}
        self.tier = compact_combo(QComboBox(), 10)
        for label, value in TIERS:
            self.tier.addItem(label, value)
        self.trust = {name: _spin(maximum) for name, _, maximum in TRUST_FIELDS}
        self.trust_estimate = plain_label("", "hint")
        self.history = QListWidget()
        self.history.setMinimumHeight(90)
        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("primary")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setToolTip("Save the changes (Ctrl+S)")
        self.revert_button = QPushButton("Revert")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(lambda: self.show_contact(self.contact_id))
        self._build()
        self.show_contact(None)

    def _build(self) -> None:
        form = QFormLayout()
        for name, label in LINE_FIELDS:
            form.addRow(label, self.lines[name])
        for name, label in LIST_FIELDS:
            form.addRow(label, self.lists[name])
        form.addRow("", self.unchecked)
        form.addRow("Tier", self.tier)
        for name, label in TEXT_FIELDS:
            form.addRow(label, self.texts[name])
            if name == "address":
                for part, part_label in ADDRESS_FIELDS:
                    form.addRow(part_label, self.lines[part])
        for name, label, _ in TRUST_FIELDS:
            form.addRow(label, self.trust[name])
        form.addRow("Trust", self.trust_estimate)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.heading)
        column.addWidget(self.subtitle)
        column.addWidget(self.photo)
        column.addWidget(self.card_image)
        column.addLayout(form)
        column.addWidget(plain_label("Encounters and interactions", "cardTitle"))
        column.addWidget(self.history)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def show_contact(self, contact_id: int | None) -> None:
        """Load `contact_id` into the form (None empties it)."""
        self.contact_id = contact_id
        enabled = contact_id is not None
        for widget in (*self.lines.values(), *self.lists.values(), *self.texts.values(), *self.trust.values(),
                       self.tier, self.save_button, self.revert_button):
            widget.setEnabled(enabled)
        self.history.clear()
        self.card_image.clear()
        self.photo.clear()
        self.unchecked.setText("")
        if contact_id is None:
            self.heading.setText("No contact selected")
            self.subtitle.setText("Pick a contact in the table.")
            return
        contact = self.services.contacts.get(contact_id)
        self.loaded_at = contact.updated_at
        self.heading.setText(contact_label(contact))
        goals = ", ".join(g.name for g in contact.goals) or "no goal yet"
        self.subtitle.setText(f"{goals} · added {local_day(contact.created_at)} from {contact.source}")
        for name in self.lines:
            self.lines[name].setText(getattr(contact, name))
        unchecked = [e.address for e in contact.emails if not e.checked] + [p.e164 for p in contact.phones
                                                                            if not p.checked]
        if unchecked:
            self.unchecked.setText("Not checked, kept as typed (they do not read as an e-mail or a number): "
                                   + "; ".join(unchecked))
        self.lists["emails"].setText(join_values(e.address for e in contact.emails))
        self.lists["phones"].setText(join_phones((p.e164, p.kind) for p in contact.phones))
        self.lists["websites"].setText(join_values(contact.websites))
        for name, _ in TEXT_FIELDS:
            self.texts[name].setPlainText(getattr(contact, name))
        self.tier.setCurrentIndex(max(0, self.tier.findData(contact.tier)))
        for name, _, _ in TRUST_FIELDS:
            self.trust[name].setValue(getattr(contact, name) or 0)
        self.trust_estimate.setText(trust_text(contact.credibility, contact.reliability, contact.intimacy,
                                               contact.self_orientation))
        self._show_photo(contact_id)
        self._show_card(contact_id)
        self._show_history(contact_id)

    def _show_photo(self, contact_id: int) -> None:
        photo = self.services.contacts.photo(contact_id)
        if photo is None:
            return
        pixmap = QPixmap()
        if pixmap.loadFromData(photo[0]):
            self.photo.setPixmap(pixmap.scaled(PHOTO_SIDE, PHOTO_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))

    def _show_card(self, contact_id: int) -> None:
        images = self.services.cards.images_for(contact_id)
        if not images:
            return
        pixmap = QPixmap.fromImage(image_from_file(card_image_path(images[0].file_name)))
        if not pixmap.isNull():
            self.card_image.setPixmap(pixmap.scaledToWidth(min(420, pixmap.width()),
                                                           Qt.TransformationMode.SmoothTransformation))

    def _show_history(self, contact_id: int) -> None:
        entries = []
        for encounter in self.services.encounters.for_contact(contact_id):
            where = encounter.event.name if encounter.event else "met"
            entries.append((encounter.met_at, f"{local_day(encounter.met_at)}  {where}: {encounter.detail or '(no detail)'}"))
        for change in self.services.contacts.history(contact_id):
            entries.append((change.changed_at, f"{local_day(change.changed_at)}  {change.field.replace('_', ' ')} "
                                               f"was {change.old_value!r} (now {change.new_value!r})"))
        for interaction in self.services.interactions.for_contact(contact_id):
            entries.append((interaction.happened_at,
                            f"{local_day(interaction.happened_at)}  {interaction.channel}: {interaction.summary}"))
        for _, text in sorted(entries, key=lambda e: e[0], reverse=True):
            self.history.addItem(text)
        if not entries:
            self.history.addItem("Nothing yet.")

    def changes(self) -> dict[str, object]:
        """The form's values as `ContactService.update` takes them."""
        values: dict[str, object] = {name: box.text() for name, box in self.lines.items()}
        values.update({name: box.toPlainText() for name, box in self.texts.items()})
        values["emails"] = split_values(self.lists["emails"].text())
        values["websites"] = split_values(self.lists["websites"].text())
        values["phones"] = split_phones(self.lists["phones"].text())
        values["tier"] = self.tier.currentData()
        values.update({name: spin.value() or None for name, spin in self.trust.items()})
        return values

    def _overwrite_after_conflict(self, message: str) -> bool:
        return _ask_overwrite(self, message)

    def save(self) -> None:
        """Store the form's values in the background; the form shows what is stored once it is."""
        if self.contact_id is not None:
            self._write(self.contact_id, self.loaded_at, self.changes())

    def _write(self, contact_id: int, expected: datetime | None, values: dict[str, object]) -> None:
        contacts = self.services.contacts
        Operation(self, "Cannot save the contact",
                  lambda: contacts.update(contact_id, expected_updated_at=expected, **values)) \
            .success(lambda _contact: self._saved(contact_id)) \
            .on(ConflictError, lambda exc: self._conflicted(contact_id, values, exc)).run()

    def _saved(self, contact_id: int) -> None:
        self.saved.emit(contact_id)
        if self.contact_id == contact_id:
            self.show_contact(contact_id)

    def _conflicted(self, contact_id: int, values: dict[str, object], error: ConflictError) -> None:
        """Changed elsewhere since the form was filled: save over it, or show what is stored now."""
        if self._overwrite_after_conflict(str(error)):
            self._write(contact_id, None, values)
        elif self.contact_id == contact_id:
            self.show_contact(contact_id)


def _ask_overwrite(parent: QWidget, message: str) -> bool:
    """'Changed elsewhere': True to save over it, False to reload and lose this form's edits."""
    box = QMessageBox(QMessageBox.Icon.Question, "Changed elsewhere", f"{message}.\n\nReload it (your edits "
                      "here are dropped) or save your version over it?", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    reload_button = box.addButton("Reload", QMessageBox.ButtonRole.RejectRole)
    overwrite = box.addButton("Save mine", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(reload_button)
    box.exec()
    return box.clickedButton() is overwrite
