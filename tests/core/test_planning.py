"""Planning before an event: ranking attendees with reasons, editable profiles, targets met by a card."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from netcompanion.core.errors import ValidationError
from netcompanion.core.rules.attendee_fit import rank_attendees, same_person, score_attendee
from netcompanion.core.services import ContactFields

UTC = timezone.utc
ATTENDEES = [
    {"name": "Jane Doe", "title": "General Partner", "company": "Fjord Capital", "email": "jane@fjord.vc",
     "bio": "Leads seed rounds in logistics"},
    {"name": "Tom Baker", "title": "Software Engineer", "company": "Acme", "email": "", "bio": ""},
    {"name": "Ravi Iyer", "title": "Head of Procurement", "company": "Solara Retail", "email": "", "bio": "grocery retail"},
    {"name": "Ada Park", "title": "Angel investor", "company": "", "email": "", "bio": "invests in fintech"},
]


def test_investor_ranking_comes_with_its_reasons() -> None:
    ranked = rank_attendees(ATTENDEES, "investor")
    assert [r.attendee["name"] for r in ranked][:2] == ["Ada Park", "Jane Doe"]
    assert ranked[0].fit.reasons == ["Invests: Angel investor, an angel investor (+6)",
                                     "Says they invest: 'invests' in the bio (+2)"]
    assert ranked[1].fit.reasons == ["Invests: General Partner at Fjord Capital, a venture fund (+6)"]
    assert ranked[-1].fit.score <= 0


def test_a_keyword_profile_adds_its_words() -> None:
    fit = score_attendee({"title": "Software Engineer"}, "client", profile={"software": 5})
    assert fit.score == 5 and fit.reasons == ["The title mentions 'software' (+5)"]
    assert score_attendee({"title": "Partnerships Lead"}, "client", profile={"partner": 3}).reasons[-1:] != [
        "The title mentions 'partner' (+3)"]  # 'partner' does not find 'partnerships'


def test_fuzzy_same_person() -> None:
    assert same_person("Jane Q. Doe", "Fjord Capital GmbH", "Jane Doe", "Fjord Capital")
    assert same_person("Jon Smith", "", "John Smith", "", "j@x.io", "J@X.io")
    assert not same_person("Jane Doe", "Fjord Capital", "Jane Doe", "Acme Robotics")
    assert not same_person("Jane Doe", "", "Janet Dow", "")


def test_rank_event_attendees_and_mark_existing_contacts(services) -> None:
    services.events.add("Web Summit", "investor", start="2026-11-10T09:00Z", end="2026-11-12T18:00Z")
    known = services.contacts.add(ContactFields(full_name="Jane Doe", company="Fjord Capital", tier="warm"))
    ranked = services.planning.rank("Web Summit", ATTENDEES)
    jane = next(r for r in ranked if r.attendee["name"] == "Jane Doe")
    assert jane.contact_id == known.id and jane.contact_tier == "warm" and jane.contact_last is None
    assert jane.to_dict()["reasons"] and [r.contact_id for r in ranked].count(None) == 3
    ranked_contacts = services.planning.rank("Web Summit")  # no list: the user's own contacts
    assert [r.attendee["name"] for r in ranked_contacts] == ["Jane Doe"]


def test_rank_my_contacts_reads_them_like_attendees(services) -> None:
    services.events.add("Seed Summit", "investor", start="2026-11-10T09:00Z")
    angel = services.contacts.add(ContactFields(full_name="Ada Park", title="Business angel",
                                                offers="invests in B2B SaaS and mentors founders"))
    founder = services.contacts.add(ContactFields(full_name="Ben Turner", title="CEO & Co-founder", company="ParcelPal",
                                                  needs="investors for our seed round"))
    ir = services.contacts.add(ContactFields(full_name="Ruth Adams", title="Investor Relations Manager",
                                             company="Tidewater Shipping plc"))
    ranked = {r.contact_id: r for r in services.planning.rank("Seed Summit")}
    assert ranked[angel.id].fit.score > 0 > ranked[founder.id].fit.score
    assert "raising" in ranked[founder.id].fit.reading.intents
    assert ranked[ir.id].fit.reasons[0].startswith("Not an investor: investor relations")


def test_profiles_are_editable_and_client_uses_target_industries(services) -> None:
    services.events.add("Retail Expo", "client", start="2026-05-01T09:00Z")
    services.preferences.set_target_industries(["grocery"])
    top = services.planning.rank("Retail Expo", ATTENDEES)[0]
    assert top.attendee["name"] == "Ravi Iyer"  # grocery is retail, in every language
    assert top.fit.reasons[0] == "In retail, which you sell to: 'retail' in the company (+3)"
    services.preferences.set_planning_profile("client", {"Software": 10})
    assert services.planning.rank("Retail Expo", ATTENDEES)[0].attendee["name"] == "Tom Baker"
    assert services.planning.profile("Retail Expo")["software"] == 10
    with pytest.raises(ValidationError, match="between 0.1 and 10"):
        services.preferences.set_planning_profile("client", {"ceo": 50})
    services.preferences.set_planning_profile("client", {})  # back to the reading alone
    assert services.planning.profile("Retail Expo") == {}


def test_custom_goal_profile_from_its_name(services) -> None:
    services.goals.add("Press", "journalists and editors")
    services.events.add("Media Day", "press", start="2026-05-01T09:00Z")
    ranked = services.planning.rank("Media Day", [{"name": "Eve", "title": "Editor", "company": "Daily"},
                                                  {"name": "Bob", "title": "CTO", "company": "X"}])
    assert ranked[0].attendee["name"] == "Eve"


def test_targets_keep_their_why_and_are_met_when_the_card_is_scanned(services, tmp_path: Path) -> None:
    event = services.events.add("Web Summit", "investor", start="2026-11-10T09:00Z", end="2026-11-12T18:00Z",
                                target_count=2)
    targets = services.planning.add_targets("Web Summit", ATTENDEES[:2], why="led two seed rounds in logistics")
    assert len(targets) == 2 and targets[0].fit_reasons
    assert services.planning.add_targets("Web Summit", [ATTENDEES[0]]) == []  # not planned twice
    services.planning.update_target(targets[0].id, research_notes="Fund II closed", talking_points="our pilot")
    scan = {"full_name": "Jane Q. Doe", "company": "Fjord Capital GmbH", "emails": ["jane.doe@fjord.vc"]}
    image = tmp_path / "card.png"
    image.write_bytes(b"\x89PNG fake card")
    contact = services.cards.save_scan(scan, image, event="Web Summit", detail="Fund II")
    jane = next(t for t in services.planning.targets(event.id) if t.name == "Jane Doe")
    assert jane.status == "met" and jane.contact_id == contact.id and jane.research_notes == "Fund II closed"
    [encounter] = services.encounters.for_contact(contact.id)
    assert encounter.target_id == jane.id
    [result] = [r for r in services.network.event_results(now=datetime(2027, 1, 1, tzinfo=UTC)) if r.event_id == event.id]
    assert (result.targets_met, result.targets_planned, result.cards_scanned) == (1, 2, 1)
    with pytest.raises(ValidationError, match="target status"):
        services.planning.update_target(jane.id, status="maybe")
