"""Contacts service on a real SQLite file: storing, finding, editing, and refusing bad input."""
from __future__ import annotations

import pytest

from netcompanion.core.errors import NotFoundError, ValidationError
from netcompanion.core.services import ContactFields, contact_to_dict


def jane(**overrides) -> ContactFields:
    values = dict(full_name="Dr. Jane Q. Doe, PhD", title="VP of Engineering", company="Acme Robotics GmbH",
                  emails=["Jane@ACME.de"], phones=[("030 1234567", "work"), ("+49 171 1234567", "mobile")],
                  websites=["acme.de"], address="Torstraße 1, 10119 Berlin", region="DE")
    values.update(overrides)
    return ContactFields(**values)


def test_add_normalises_names_emails_and_phones(services) -> None:
    contact = services.contacts.add(jane(), goals=["investor"])
    data = contact_to_dict(contact)
    assert (data["given_name"], data["family_name"]) == ("Jane", "Doe")
    assert data["emails"] == ["Jane@acme.de"]
    assert data["phones"] == [{"e164": "+49301234567", "kind": "work"}, {"e164": "+491711234567", "kind": "mobile"}]
    assert data["goals"] == ["investor"]
    assert services.contacts.get(contact.id).company == "Acme Robotics GmbH"


def test_national_numbers_are_read_in_the_home_region_by_default(services) -> None:
    contact = services.contacts.add(ContactFields(full_name="Sam Lee", phones=[("(415) 555-0132", "mobile")]))
    assert contact.phones[0].e164 == "+14155550132"


def test_duplicate_emails_and_phones_are_kept_once(services) -> None:
    contact = services.contacts.add(jane(emails=["a@b.com", "A@B.COM"], phones=[("+4930123456", "work"),
                                                                               ("030 123456", "fax")]))
    assert len(contact.emails) == 1 and len(contact.phones) == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (ContactFields(), "needs a name, a company, an e-mail or a phone"),
        (ContactFields(full_name="Bob", birthday="31.02.1980"), "birthday"),
        (ContactFields(full_name="Bob", tier="best friends"), "tier"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored(services, fields, message) -> None:
    with pytest.raises(ValidationError, match=message):
        services.contacts.add(fields)
    assert services.contacts.list(include_archived=True) == []


@pytest.mark.parametrize(
    ("fields", "kept"),
    [
        (ContactFields(full_name="Bob", phones=[("12", "work")]), [("12", False)]),
        (ContactFields(full_name="Bob", phones=[("call me maybe", "work")]), [("call me maybe", False)]),
        (ContactFields(full_name="Bob", phones=[("+1 415 555 0132", "pager")]), [("+14155550132", True)]),
    ],
)
def test_an_unreadable_number_typed_by_hand_is_kept_as_typed_and_marked_unchecked(services, fields, kept) -> None:
    contact = services.contacts.add(fields)
    assert [(p.e164, p.checked) for p in contact.phones] == kept
    assert contact.phones[0].kind == ("work" if kept[0][0] != "+14155550132" else "other")


def test_an_email_only_contact_is_stored_and_shown_by_its_address(services) -> None:
    from netcompanion.core.services.contacts import contact_label

    contact = services.contacts.add(ContactFields(emails=["bob at example", "kari@nordmann.no"]))
    assert [(e.address, e.checked) for e in contact.emails] == [("bob at example", False), ("kari@nordmann.no", True)]
    assert contact.full_name == "" and contact_label(contact) == "kari@nordmann.no"
    [row] = services.contact_table.rows()
    assert row.label == "kari@nordmann.no"  # the table shows the address that reads as one


def test_unknown_goal_is_refused_and_nothing_stored(services) -> None:
    with pytest.raises(ValidationError, match="unknown goal 'astronaut'"):
        services.contacts.add(jane(), goals=["astronaut"])
    assert services.contacts.list() == []


def test_list_filters_by_goal_event_tier_and_search(services) -> None:
    services.events.add("Web Summit", "investor", start="2026-11-10T09:00", end="2026-11-12T18:00")
    a = services.contacts.add(jane(tier="warm"), goals=["investor"], event="web summit", detail="seed rounds")
    b = services.contacts.add(ContactFields(full_name="Ravi Kumar", company="Blue Fin Foods", notes="loves sailing"),
                              goals=["client"])
    assert [c.id for c in services.contacts.list(goal="investor")] == [a.id]
    assert [c.id for c in services.contacts.list(goal="Client")] == [b.id]
    assert [c.id for c in services.contacts.list(event="Web Summit")] == [a.id]
    assert [c.id for c in services.contacts.list(tier="warm")] == [a.id]
    assert [c.id for c in services.contacts.list(search="SAILING")] == [b.id]
    assert [c.id for c in services.contacts.list(search="jane acme")] == [a.id]
    assert services.contacts.list(search="jane sailing") == []
    assert services.contacts.list(search="100%_") == []
    with pytest.raises(NotFoundError):
        services.contacts.list(event="No Such Event")


def test_update_archive_and_delete(services) -> None:
    contact = services.contacts.add(jane())
    updated = services.contacts.update(contact.id, title="CTO", phones=[("+1 212 555 0100", "mobile")],
                                       tier="inner", credibility=8, notes="met at the airport")
    assert updated.title == "CTO" and [p.e164 for p in updated.phones] == ["+12125550100"]
    assert services.contacts.list(search="airport")
    with pytest.raises(ValidationError, match="between 1 and 10"):
        services.contacts.update(contact.id, intimacy=11)
    with pytest.raises(ValidationError, match="no field"):
        services.contacts.update(contact.id, shoe_size=44)
    assert services.contacts.get(contact.id).intimacy is None  # the failed edit changed nothing

    assert services.contacts.set_archived([contact.id]) == 1
    assert services.contacts.list() == [] and services.contacts.list(include_archived=True)
    services.contacts.delete(contact.id)
    with pytest.raises(NotFoundError):
        services.contacts.get(contact.id)


def test_custom_goal(services) -> None:
    goal = services.goals.add("Press & Media")
    assert goal.key == "press-media"
    contact = services.contacts.add(jane(), goals=["press & media"])
    assert [g.key for g in contact.goals] == ["press-media"]
    with pytest.raises(ValidationError, match="exists already"):
        services.goals.add("press media")


def test_replacing_phones_and_emails_twice_keeps_only_the_new_ones(services) -> None:
    contact = services.contacts.add(jane())
    services.contacts.update(contact.id, phones=[("+1 212 555 0100", "mobile")], emails=["j@new.io"])
    updated = services.contacts.update(contact.id, phones=[("+1 212 555 0101", "fax"), ("+1 212 555 0100", "mobile")])
    assert [(p.e164, p.kind) for p in updated.phones] == [("+12125550101", "fax"), ("+12125550100", "mobile")]
    assert [e.address for e in services.contacts.get(contact.id).emails] == ["j@new.io"]


def test_an_edit_made_elsewhere_is_not_overwritten_silently(services) -> None:
    from netcompanion.core.errors import ConflictError

    contact = services.contacts.add(jane())
    opened_at = contact.updated_at
    services.contacts.update(contact.id, title="CTO")  # another window saves first
    with pytest.raises(ConflictError, match="changed elsewhere"):
        services.contacts.update(contact.id, expected_updated_at=opened_at, title="CEO")
    assert services.contacts.get(contact.id).title == "CTO"
