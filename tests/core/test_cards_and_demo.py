"""Saving a scanned card (image under its hash, contact, encounter) and the demo network."""
from __future__ import annotations

from pathlib import Path

from netcompanion.core import settings
from netcompanion.core.store.card_store import file_sha256
from netcompanion.demo import fill_demo

SCAN = {
    "source": "in/../IMG 1.jpg", "full_name": "Ana Souza", "given_name": "Ana", "family_name": "Souza",
    "title": "Diretora Comercial", "company": "Verde Agro Ltda.", "emails": ["ana@verdeagro.com.br", "broken@"],
    "phones": [{"e164": "+5511987654321", "kind": "mobile"}, {"e164": "+999", "kind": "work"}],
    "websites": ["verdeagro.com.br"], "address": "Av. Paulista 1000, São Paulo", "linkedin": "",
    "raw_text": "Ana Souza\nDiretora Comercial", "error": None,
}


def test_save_scan_stores_image_by_hash_and_keeps_a_bad_value_marked_unchecked(services, tmp_path: Path) -> None:
    image = tmp_path / "IMG 1.jpg"
    image.write_bytes(b"\xff\xd8\xff fake jpeg bytes for storage only")
    services.events.add("Agrishow", "client", start="2026-04-28", end="2026-05-02")
    contact = services.cards.save_scan(SCAN, image, event="Agrishow", detail="needs cold storage", region="BR")
    assert contact.full_name == "Ana Souza" and contact.source == "scan"
    assert [(e.address, e.checked) for e in contact.emails] == [("ana@verdeagro.com.br", True), ("broken@", False)]
    assert [p.e164 for p in contact.phones if p.checked] == ["+5511987654321"]
    [card] = services.cards.images_for(contact.id)
    stored = settings.cards_dir() / card.file_name
    assert card.file_name == f"{file_sha256(image)}.jpg" and stored.read_bytes() == image.read_bytes()
    assert stored.stat().st_mode & 0o077 == 0 and settings.cards_dir().stat().st_mode & 0o077 == 0
    assert card.raw_text.startswith("Ana Souza") and card.scan["title"] == "Diretora Comercial"
    assert [c.id for c in services.contacts.list(event="Agrishow", goal="client")] == [contact.id]


def test_demo_fills_events_contacts_interactions_and_open_followups(services) -> None:
    assert services.is_empty()
    counts = fill_demo(services)
    assert counts["contacts"] == 40 and counts["events"] == 3 and counts["interactions"] > 20
    contacts = services.contacts.list()
    assert len(contacts) == 40
    assert {c.tier for c in contacts} >= {"inner", "warm", "acquaintance"}
    assert {g.key for c in contacts for g in c.goals} == {"investor", "client", "mentor", "partner", "hire"}
    events = services.events.list()
    assert len(events) == 3 and sum(1 for _, met in events if met) == 2
    assert services.followups.open_items()
    assert not services.is_empty()
