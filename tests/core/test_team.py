"""A team on one database: who owns each encounter and follow-up, whose items the queue shows, and
two people saving the same card at once (on a SQLite file and on a real PostgreSQL server)."""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from netcompanion.core.services import ContactFields, Services, open_services
from tests.cli_runner import run

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def team(db_url: str) -> Iterator[tuple[Services, Services]]:
    """Alice's and Bob's services over the same database, as two team members' apps."""
    alice, bob = open_services(db_url, user="alice"), open_services(db_url, user="bob")
    yield alice, bob
    alice.db.dispose()
    bob.db.dispose()


def met(services: Services, name: str, event: str | None = None, when: datetime = NOW - timedelta(hours=2)):
    """A contact `services`' user met (at `event`), with the conversation detail."""
    contact = services.contacts.add(ContactFields(full_name=name))
    services.encounters.add(contact.id, event=event, detail=f"talked with {name}", met_at=when)
    return contact


def names(items) -> list[str]:  # noqa: ANN001
    return sorted(item.contact_name for item in items)


def test_each_member_sees_their_own_items_and_those_of_nobody(team) -> None:
    alice, bob = team
    met(alice, "Ann Alpha")
    met(bob, "Ben Beta")
    nobody = alice.contacts.add(ContactFields(full_name="Nina Nobody", tier="inner", notes="old friend"))
    alice.interactions.log(nobody.id, "email", "", NOW - timedelta(days=40))  # her reminder is due, never met

    assert names(alice.followups.queue(now=NOW)) == ["Ann Alpha", "Nina Nobody"]
    assert names(bob.followups.queue(now=NOW)) == ["Ben Beta", "Nina Nobody"]
    everyone = alice.followups.queue(now=NOW, everyone=True)
    assert {(i.contact_name, i.owner) for i in everyone} == {("Ann Alpha", "alice"), ("Ben Beta", "bob"),
                                                              ("Nina Nobody", "")}
    [ann] = alice.contacts.list(search="ann alpha")
    assert [e.owner for e in alice.encounters.for_contact(ann.id)] == ["alice"]

    [ben_item] = [i for i in bob.followups.queue(now=NOW) if i.contact_name == "Ben Beta"]
    bob.followups.mark_done(ben_item.id, now=NOW)
    assert alice.followups.done_count_since(NOW - timedelta(hours=1)) == 0
    assert bob.followups.done_count_since(NOW - timedelta(hours=1)) == 1
    assert alice.followups.done_count_since(NOW - timedelta(hours=1), everyone=True) == 1


def test_keep_in_touch_reminder_belongs_to_whoever_met_the_contact_last(team) -> None:
    alice, bob = team
    contact = alice.contacts.add(ContactFields(full_name="Kim Keep", tier="inner", notes="x"))
    alice.encounters.add(contact.id, detail="first coffee", met_at=NOW - timedelta(days=80))
    bob.encounters.add(contact.id, detail="second coffee", met_at=NOW - timedelta(days=60))
    for item in alice.followups.queue(now=NOW, include_all=True, everyone=True):
        alice.followups.mark_done(item.id, now=NOW - timedelta(days=59))  # both 24-hour follow-ups done
    later = NOW + timedelta(days=5)  # 30 days (inner) after the last touch have passed
    assert names(alice.followups.queue(now=later)) == []
    [reminder] = bob.followups.queue(now=later)
    assert reminder.kind == "keep_in_touch" and reminder.owner == "bob"


def test_introduction_follow_ups_belong_to_who_accepted_it(team) -> None:
    alice, bob = team
    offerer = alice.contacts.add(ContactFields(full_name="Olga Offer", offers="cold storage warehouses"))
    needer = alice.contacts.add(ContactFields(full_name="Ned Need", needs="cold storage warehouses"))
    bob.network.accept_introduction(offerer.id, needer.id, now=NOW)
    assert [i.kind for i in bob.followups.queue(now=NOW)] == ["introduction", "introduction"]
    assert alice.followups.queue(now=NOW) == []


def test_cli_followups_shows_the_users_own_items_or_everyones(team, db_url: str) -> None:
    alice, _bob = team
    met(alice, "Ann Alpha", when=datetime.now(timezone.utc) - timedelta(hours=1))
    assert json.loads(run("followups", "--json", db=db_url).stdout) == []  # the CLI's user is "tester"
    [item] = json.loads(run("followups", "--json", "--everyone", db=db_url).stdout)
    assert item["contact"] == "Ann Alpha" and item["owner"] == "alice"
    assert "alice" in run("followups", "--everyone", db=db_url).stdout


def card_image(folder: Path, name: str) -> Path:
    """A small real PNG file (its bytes differ per name, so each card has its own stored image)."""
    import cv2
    import numpy as np

    image = np.full((60, 100, 3), 255, np.uint8)
    cv2.putText(image, name[:6], (2, 35), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (0, 0, 0), 1)
    path = folder / f"{name}.png"
    cv2.imwrite(str(path), image)
    return path


def test_two_members_saving_the_same_card_at_once_make_one_contact(team, tmp_path: Path) -> None:
    alice, bob = team
    alice.events.add("Logistics Expo", "client", start="2026-03-01T09:00Z", end="2026-03-02T17:00Z")
    people = [("Jane Whitfield", "Northwind Logistics"), ("Omar Haddad", "Cedar Freight"),
              ("Lea Novak", "Adriatic Ports"), ("Raj Patel", "Monsoon Cold Chain")]
    cards = [{"full_name": name, "company": company, "emails": [f"{name.split()[0].lower()}@example.com"],
              "raw_text": f"{name}\n{company}"} for name, company in people]
    rounds = len(cards)
    errors: list[BaseException] = []

    def save_all(services: Services, start: threading.Barrier) -> None:
        try:
            for n, card in enumerate(cards):
                image = card_image(tmp_path, f"{services.user}-{n}")
                start.wait(timeout=30)  # both save the same card at the same moment
                services.cards.save_scan(card, image, event="Logistics Expo", detail=f"{services.user} talked")
        except BaseException as exc:  # noqa: BLE001 (reported by the test below)
            errors.append(exc)

    barrier = threading.Barrier(2)
    threads = [threading.Thread(target=save_all, args=(s, barrier)) for s in (alice, bob)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    contacts = alice.contacts.list()
    assert sorted(c.full_name for c in contacts) == sorted(card["full_name"] for card in cards)
    for contact in contacts:
        assert sorted(e.owner for e in alice.encounters.for_contact(contact.id)) == ["alice", "bob"]
        assert len(alice.cards.images_for(contact.id)) == 2
    assert len(alice.followups.queue(now=NOW, include_all=True)) == rounds  # a 24-hour follow-up each
    assert len(bob.followups.queue(now=NOW, include_all=True)) == rounds


def test_a_card_saved_as_a_new_person_is_not_merged(team, tmp_path: Path) -> None:
    alice, bob = team
    card = {"full_name": "Sam Lee", "company": "Acme", "emails": ["sam@acme.example"]}
    first = alice.cards.save_scan(card, card_image(tmp_path, "sam1"))
    assert bob.cards.save_scan(card, card_image(tmp_path, "sam2")).id == first.id  # the same person: merged
    other = bob.cards.save_scan(card, card_image(tmp_path, "sam3"), new_person=True)  # the user said they differ
    assert other.id != first.id and len(alice.contacts.list()) == 2
