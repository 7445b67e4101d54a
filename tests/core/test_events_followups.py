"""Events, encounters and the 24-hour follow-up they create."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from netcompanion.core.errors import NotFoundError, ValidationError
from netcompanion.core.services import ContactFields, event_to_dict

UTC = timezone.utc


def test_add_and_list_events(services) -> None:
    event = services.events.add("Web Summit", "Investor", start="2026-11-10T09:00+01:00",
                                end="2026-11-12T18:00+01:00", target_count=3, location="Lisbon")
    assert event.starts_at == datetime(2026, 11, 10, 8, 0, tzinfo=UTC)
    data = event_to_dict(event)
    assert data["goal"] == "investor" and data["target_count"] == 3
    services.events.add("Older", "client", start="2025-01-01")
    assert [e.name for e, _ in services.events.list()] == ["Web Summit", "Older"]
    assert services.events.get("web summit").id == event.id


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (dict(name="  ", goal="investor"), "event name must not be empty"),
        (dict(name="X", goal="astronaut"), "unknown goal"),
        (dict(name="X", goal="client", start="next tuesday"), "not a date"),
        (dict(name="X", goal="client", start="2026-05-02", end="2026-05-01"), "end before it starts"),
        (dict(name="X", goal="client", target_count=-1), "between 0 and 1000"),
    ],
)
def test_bad_events_are_refused(services, kwargs, message) -> None:
    with pytest.raises(ValidationError, match=message):
        args = dict(kwargs)  # the same dict serves the run on each database
        services.events.add(args.pop("name"), args.pop("goal"), **args)
    assert services.events.list() == []


def test_encounter_during_event_is_followed_up_24h_after_its_end(services) -> None:
    services.events.add("Expo", "client", start="2026-03-01T09:00Z", end="2026-03-02T17:00Z")
    contact = services.contacts.add(ContactFields(full_name="Lena Fischer"))
    services.encounters.add(contact.id, event="Expo", detail="wants a pilot in Q3",
                            met_at=datetime(2026, 3, 1, 11, 0, tzinfo=UTC))
    [(item, who)] = services.followups.open_items(now=datetime(2026, 3, 10, tzinfo=UTC))
    assert who.id == contact.id
    assert item.due_at == datetime(2026, 3, 3, 17, 0, tzinfo=UTC)
    assert "Expo" in item.draft and "wants a pilot in Q3" in item.draft and item.draft.startswith("Hi Lena")
    assert [g.key for g in services.contacts.get(contact.id).goals] == ["client"]  # the event's goal


def test_encounter_without_detail_asks_for_it_instead_of_a_generic_note(services) -> None:
    services.events.add("Expo", "client", start="2026-03-01T09:00Z", end="2026-03-02T17:00Z")
    contact = services.contacts.add(ContactFields(full_name="Lena Fischer"))
    services.encounters.add(contact.id, event="Expo", met_at=datetime(2026, 3, 1, 11, 0, tzinfo=UTC))
    [(item, _)] = services.followups.open_items(now=datetime(2026, 3, 10, tzinfo=UTC))
    assert item.draft == "" and "Add the conversation detail" in item.reason


def test_done_logs_an_interaction_snooze_hides_and_dismiss_is_final(services) -> None:
    contact = services.contacts.add(ContactFields(full_name="Lena Fischer"))
    services.encounters.add(contact.id, detail="sailing", met_at=datetime(2026, 3, 1, tzinfo=UTC))
    services.encounters.add(contact.id, detail="tennis", met_at=datetime(2026, 3, 5, tzinfo=UTC))
    now = datetime(2026, 3, 10, tzinfo=UTC)
    first, second = (item for item, _ in services.followups.open_items(now=now))
    services.followups.mark_done(first.id, now=now)
    [interaction] = services.interactions.for_contact(contact.id)
    assert interaction.followup_id == first.id and interaction.channel == "email"
    services.followups.snooze(second.id, now + timedelta(days=1))
    assert services.followups.open_items(now=now) == []
    assert [i.id for i, _ in services.followups.open_items(now=now + timedelta(days=2))] == [second.id]
    services.followups.dismiss(second.id)
    with pytest.raises(ValidationError, match="dismissed already"):
        services.followups.mark_done(second.id)
    with pytest.raises(NotFoundError):
        services.followups.dismiss(999)


def test_archived_contacts_leave_the_queue(services) -> None:
    contact = services.contacts.add(ContactFields(full_name="Lena Fischer"))
    services.encounters.add(contact.id, detail="x", met_at=datetime(2026, 3, 1, tzinfo=UTC))
    services.contacts.set_archived([contact.id])
    assert services.followups.open_items(now=datetime(2026, 4, 1, tzinfo=UTC)) == []


def test_update_event_validates(services) -> None:
    event = services.events.add("Expo", "client", start="2026-03-01T09:00Z")
    assert services.events.update(event.id, goal="mentor", target_count=4).goal.key == "mentor"
    with pytest.raises(ValidationError, match="end before it starts"):
        services.events.update(event.id, end="2026-02-01T00:00Z")
