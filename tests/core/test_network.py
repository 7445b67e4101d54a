"""Relationship health: introductions, capacity, pruning, trust, strength and event results."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from netcompanion.core.errors import ValidationError
from netcompanion.core.rules import health
from netcompanion.core.rules.cadence import ContactSnapshot
from netcompanion.core.rules.introductions import Person, suggest_introductions
from netcompanion.core.services import ContactFields

UTC = timezone.utc
NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)


def add(services, name: str, **fields):
    return services.contacts.add(ContactFields(full_name=name, **fields))


def test_introduction_suggested_with_both_sides_and_the_matching_words() -> None:
    people = [Person(1, "Ola Offer", "payment integrations for marketplaces", "", "Lumen"),
              Person(2, "Ned Need", "", "logistics platforms to embed payments", "Brightline"),
              Person(3, "Sam Same", "", "payment integration", "Lumen"),  # same company: no
              Person(4, "Nobody", "", "nothing in particular", "Other")]
    [suggestion] = suggest_introductions(people)
    assert (suggestion.offerer.name, suggestion.needer.name) == ("Ola Offer", "Ned Need")
    assert suggestion.words == ["payment ~ payments"]
    assert suggest_introductions(people, exclude={(1, 2)}) == []


def test_accepted_introduction_becomes_a_follow_up_for_each_side(services) -> None:
    ola = add(services, "Ola Offer", company="Lumen", offers="payment integrations", notes="x")
    ned = add(services, "Ned Need", company="Brightline", needs="embedded payments", notes="x")
    [suggestion] = services.network.suggest_introductions()
    assert suggestion.offerer.id == ola.id and suggestion.needer.id == ned.id
    intro = services.network.accept_introduction(ola.id, ned.id, now=NOW)
    assert intro.status == "accepted"
    items = services.followups.queue(now=NOW)
    assert sorted(i.contact_name for i in items) == ["Ned Need", "Ola Offer"]
    assert all(i.kind == "introduction" and "Introduce Ola Offer to Ned Need" in i.reason for i in items)
    assert "payment" in items[0].reason and items[0].draft
    assert services.network.suggest_introductions() == []  # never suggested twice
    with pytest.raises(ValidationError, match="accepted already"):
        services.network.accept_introduction(ned.id, ola.id)
    for item in items:
        services.followups.mark_done(item.id, now=NOW)
    with services.db.transaction() as session:
        from netcompanion.core.store.models import Introduction

        assert session.get(Introduction, intro.id).status == "done"


def test_declined_introduction_is_not_suggested_again(services) -> None:
    ola = add(services, "Ola Offer", offers="seed funding for logistics startups")
    ned = add(services, "Ned Need", needs="logistics investors")
    services.network.decline_introduction(ola.id, ned.id)
    assert services.network.suggest_introductions() == []
    with pytest.raises(ValidationError, match="two different contacts"):
        services.network.accept_introduction(ola.id, ola.id)


def test_capacity_over_budget_names_the_weakest_relationships(services) -> None:
    strong = add(services, "Strong Inner", tier="inner", notes="x")
    for days in range(5, 360, 20):
        services.interactions.log(strong.id, "call", "", NOW - timedelta(days=days))
    weak = [add(services, f"Weak Inner {n}", tier="inner", notes="x") for n in range(4)]
    services.preferences.set_number("weekly_budget", 1)
    services.preferences.set_number("inner_circle_size", 3)
    report = services.network.capacity(now=NOW)
    assert report.over_budget and "spreading yourself thin" in report.message
    assert report.weekly_load == pytest.approx(5 * 7 / 30)
    assert report.inner_circle == 5 and report.to_dict()["inner_circle_over"] is True
    moved = [m.contact_id for m in report.moves]
    assert strong.id not in moved and set(moved) <= {w.id for w in weak} and moved
    assert all(m.to_tier == "warm" for m in report.moves)
    services.preferences.set_number("weekly_budget", 15)
    assert not services.network.capacity(now=NOW).over_budget


def test_pruning_suggests_silent_unknown_acquaintances_and_noise(services) -> None:
    old = NOW - timedelta(days=400)
    silent = add(services, "Silent Noise", tier="noise")
    add(services, "Written About", tier="noise", notes="my neighbour")
    warm = add(services, "Warm Silent", tier="warm")
    talked = add(services, "Talked Recently", tier="acquaintance")
    services.interactions.log(talked.id, "call", "", NOW - timedelta(days=20))
    for contact in (silent, warm, talked):
        services.interactions.log(contact.id, "email", "", old)
    later = datetime.now(UTC) + timedelta(days=400)  # the contacts themselves were added today
    names = {s.full_name for s in services.network.prune_candidates(now=later)}
    assert "Silent Noise" in names and "Written About" not in names and "Warm Silent" not in names


def test_trust_is_shown_only_with_all_inputs_and_strength_grows_with_contact() -> None:
    assert health.trust_estimate(8, 7, 6, 3) == 7.0
    assert health.trust_estimate(8, 7, None, 3) is None
    base = dict(full_name="X", given_name="X", created_at=NOW - timedelta(days=800))
    cold = ContactSnapshot(id=1, tier="acquaintance", **base)
    hot = ContactSnapshot(id=2, tier="inner", last_interaction=NOW - timedelta(days=2), interactions_last_year=12, **base)
    assert health.strength(cold, NOW) == 10 and health.strength(hot, NOW) == 100


def test_relationships_show_trust_when_given(services) -> None:
    contact = add(services, "Tina Trust", tier="warm")
    services.contacts.update(contact.id, credibility=9, reliability=8, intimacy=4, self_orientation=3)
    add(services, "No Inputs")
    rows = {r.name: r for r in services.network.relationships(now=NOW)}
    assert rows["Tina Trust"].trust == 7.0 and rows["No Inputs"].trust is None
    assert rows["Tina Trust"].cadence_days == 90 and rows["Tina Trust"].to_dict()["tier"] == "warm"


def test_event_results_within_24h_and_still_warm_after_90_days(services) -> None:
    services.events.add("Summit", "investor", start="2026-01-10T09:00Z", end="2026-01-10T18:00Z", target_count=3)
    services.events.add("Meetup", "investor", start="2026-02-10T09:00Z", end="2026-02-10T18:00Z")
    kept, lost, late = add(services, "Kept Warm"), add(services, "Went Cold"), add(services, "Late Reply")
    for contact in (kept, lost, late):
        services.encounters.add(contact.id, event="Summit", detail="x", met_at=datetime(2026, 1, 10, 12, tzinfo=UTC))
    items = {i.contact_name: i for i in services.followups.queue(now=datetime(2026, 1, 11, tzinfo=UTC))}
    services.followups.mark_done(items["Kept Warm"].id, now=datetime(2026, 1, 11, 9, tzinfo=UTC))
    services.followups.mark_done(items["Went Cold"].id, now=datetime(2026, 1, 11, 10, tzinfo=UTC))
    services.followups.mark_done(items["Late Reply"].id, now=datetime(2026, 1, 14, tzinfo=UTC))
    services.interactions.log(kept.id, "call", "quarterly", datetime(2026, 3, 20, tzinfo=UTC))
    results = {r.name: r for r in services.network.event_results(now=NOW)}
    summit = results["Summit"]
    assert (summit.contacts_met, summit.followups, summit.followups_within_24h) == (3, 3, 2)
    assert summit.warm_share == pytest.approx(0.33)
    assert results["Meetup"].to_dict()["warm_after_90_days"] is None  # nobody met there
    assert services.network.event_results(now=datetime(2026, 3, 1, tzinfo=UTC))[-1].warm_share is None  # too early
    [investor] = services.network.goal_results(now=NOW)
    assert investor.goal == "investor" and investor.contacts_met == 3 and investor.target_count == 3


def test_network_report_has_every_section(services) -> None:
    add(services, "Ola Offer", offers="payment integrations")
    add(services, "Ned Need", needs="payments")
    report = services.network.report(now=NOW)
    assert set(report) == {"tiers", "capacity", "pruning", "pruning_total", "introductions", "events", "goals"}
    assert report["tiers"]["acquaintance"] == 2 and report["introductions"][0]["words"]
    assert set(report["capacity"]) >= {"weekly_load", "budget", "over_budget", "message", "move_down"}
