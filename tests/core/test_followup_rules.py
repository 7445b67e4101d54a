"""The follow-up rules, pure and through the services, on real SQLite files with fixed clocks."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from netcompanion.core.errors import ValidationError
from netcompanion.core.rules import followup_rules as rules
from netcompanion.core.services import ContactFields

UTC = timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETCOMPANION_TZ", "Europe/Berlin")


def add(services, name: str, **fields):
    return services.contacts.add(ContactFields(full_name=name, **fields))


def queue(services, now=NOW, **kwargs):
    return services.followups.queue(now=now, zone=BERLIN, **kwargs)


# --- the 24-hour follow-up -------------------------------------------------------------------

def test_encounter_at_2359_before_dst_change_is_due_2359_the_next_evening() -> None:
    met = datetime(2026, 3, 28, 23, 59, tzinfo=BERLIN)  # clocks go forward at 02:00 on the 29th
    due = rules.post_event_due(met, None, None, BERLIN)
    assert due.astimezone(BERLIN) == datetime(2026, 3, 29, 23, 59, tzinfo=BERLIN)
    assert due - met == timedelta(hours=23)  # the local day had 23 hours
    autumn = rules.post_event_due(datetime(2026, 10, 24, 23, 59, tzinfo=BERLIN), None, None, BERLIN)
    assert autumn.astimezone(BERLIN).strftime("%d %H:%M") == "25 23:59"


def test_dst_encounter_through_the_service_is_due_today_not_tomorrow(services) -> None:
    contact = add(services, "Lena Fischer")
    services.encounters.add(contact.id, detail="sailing", met_at=datetime(2026, 3, 28, 22, 59, tzinfo=UTC))
    sunday_evening = datetime(2026, 3, 29, 20, 0, tzinfo=UTC)  # 22:00 in Berlin
    [item] = queue(services, now=sunday_evening)
    assert item.due_at == datetime(2026, 3, 29, 21, 59, tzinfo=UTC) and item.due_label == "due today 23:59"
    assert not item.overdue


def test_met_during_an_event_is_due_a_day_after_its_end_and_moves_with_the_event(services) -> None:
    event = services.events.add("Expo", "client", start="2026-06-01T09:00+02:00", end="2026-06-03T18:00+02:00")
    contact = add(services, "Ana Ruiz")
    services.encounters.add(contact.id, event="Expo", detail="wants a pilot",
                            met_at=datetime(2026, 6, 2, 10, 0, tzinfo=UTC))
    other = add(services, "Bo Li")
    services.encounters.add(other.id, event="Expo", detail="x", met_at=datetime(2026, 6, 2, 11, 0, tzinfo=UTC))
    [done] = [i for i in queue(services, now=datetime(2026, 6, 2, tzinfo=UTC)) if i.contact_id == other.id]
    services.followups.mark_done(done.id, now=datetime(2026, 6, 3, tzinfo=UTC))
    [item] = queue(services, now=datetime(2026, 6, 3, tzinfo=UTC))
    assert item.due_at == datetime(2026, 6, 4, 16, 0, tzinfo=UTC) and item.event == "Expo"
    services.events.update(event.id, end="2026-06-04T18:00+02:00")
    [moved] = queue(services, now=datetime(2026, 6, 3, tzinfo=UTC))
    assert moved.id == item.id and moved.due_at == datetime(2026, 6, 5, 16, 0, tzinfo=UTC)
    finished = services.followups.open_items(now=datetime(2027, 1, 1, tzinfo=UTC))
    assert [f.id for f, _ in finished] == [item.id]  # the done item was not touched


def test_overdue_items_stay_at_the_top_marked_by_how_late(services) -> None:
    early, late = add(services, "Early Bird"), add(services, "Late Comer")
    services.encounters.add(late.id, detail="b", met_at=NOW - timedelta(hours=3))
    services.encounters.add(early.id, detail="a", met_at=NOW - timedelta(days=4))
    items = queue(services)
    assert [i.contact_name for i in items] == ["Early Bird", "Late Comer"]
    assert items[0].overdue and items[0].due_label == "3 days late" and items[0].late_seconds == 3 * 86400
    assert not items[1].overdue and items[1].due_label.startswith("due Tue")


def test_missing_detail_asks_for_it(services) -> None:
    contact = add(services, "Ana Ruiz")
    services.encounters.add(contact.id, event=None, detail="", met_at=NOW - timedelta(hours=1))
    services.encounters.add(contact.id, detail="", met_at=NOW - timedelta(hours=2))
    for item in queue(services):
        assert item.needs_detail and item.draft == "" and "Add the conversation detail" in item.reason
        assert item.to_dict()["needs_detail"] is True


def test_adding_the_missing_detail_writes_the_draft(services) -> None:
    services.events.add("Expo", "client", start="2026-06-14T09:00Z", end="2026-06-14T18:00Z")
    contact = add(services, "Ana Ruiz")
    services.encounters.add(contact.id, event="Expo", met_at=datetime(2026, 6, 14, 10, tzinfo=UTC))
    [item] = queue(services)
    services.followups.set_detail(item.id, "  wants a pilot in Q3 ")
    [item] = queue(services)
    assert not item.needs_detail and "wants a pilot in Q3" in item.draft and "Expo" in item.draft
    assert services.encounters.for_contact(contact.id)[0].detail == "wants a pilot in Q3"
    with pytest.raises(ValidationError, match="must not be empty"):
        services.followups.set_detail(item.id, " ")
    services.interactions.log(contact.id, "email", "", NOW - timedelta(days=400))
    other = add(services, "Ina Inner", tier="inner", notes="x")
    services.interactions.log(other.id, "email", "", NOW - timedelta(days=40))
    [reminder] = [i for i in queue(services) if i.kind == "keep_in_touch"]
    with pytest.raises(ValidationError, match="not a 24-hour follow-up"):
        services.followups.set_detail(reminder.id, "x")


def test_contact_met_at_two_events_gets_one_follow_up_per_event(services) -> None:
    services.events.add("Alpha Summit", "investor", start="2026-06-01T09:00Z", end="2026-06-01T18:00Z")
    services.events.add("Beta Expo", "client", start="2026-06-10T09:00Z", end="2026-06-10T18:00Z")
    contact = add(services, "Mia Wong")
    services.encounters.add(contact.id, event="Alpha Summit", detail="fund II", met_at=datetime(2026, 6, 1, 10, tzinfo=UTC))
    services.encounters.add(contact.id, event="Beta Expo", detail="pilot", met_at=datetime(2026, 6, 10, 10, tzinfo=UTC))
    items = queue(services)
    assert sorted(i.event for i in items) == ["Alpha Summit", "Beta Expo"]
    assert all(i.kind == "post_event" for i in items)  # no keep-in-touch on top of them
    assert {g.key for g in services.contacts.get(contact.id).goals} == {"investor", "client"}
    services.followups.mark_done(items[0].id, now=NOW)
    assert [i.event for i in queue(services)] == [items[1].event]
    results = {r.name: r for r in services.network.event_results(now=NOW)}
    assert results["Alpha Summit"].contacts_met == results["Beta Expo"].contacts_met == 1


# --- done, snooze, dismiss ---------------------------------------------------------------------

def test_snoozed_item_whose_contact_is_then_archived_stays_away(services) -> None:
    contact = add(services, "Ana Ruiz", notes="met at the Rotterdam meetup", tier="inner")
    services.encounters.add(contact.id, detail="boats", met_at=NOW - timedelta(days=2))
    [item] = queue(services)
    services.followups.snooze(item.id, "2d", now=NOW)
    services.contacts.set_archived([contact.id])
    later = NOW + timedelta(days=90)
    assert queue(services, now=later) == [] and queue(services, now=later, include_all=True) == []
    assert services.network.capacity(now=later).open_items_this_week == 0
    assert services.network.capacity(now=later).keep_in_touch_load == 0
    services.contacts.set_archived([contact.id], archived=False)
    [back] = queue(services, now=later)
    assert back.id == item.id and back.status == "snoozed"  # restored: the same item, nothing duplicated


def test_snooze_refuses_the_past_and_done_is_final(services) -> None:
    contact = add(services, "Ana Ruiz")
    services.encounters.add(contact.id, detail="x", met_at=NOW - timedelta(days=1))
    [item] = queue(services)
    with pytest.raises(ValidationError, match="in the future"):
        services.followups.snooze(item.id, "2020-01-01", now=NOW)
    services.followups.mark_done(item.id, channel="call", summary="called her", now=NOW)
    with pytest.raises(ValidationError, match="done already"):
        services.followups.dismiss(item.id)
    [interaction] = services.interactions.for_contact(contact.id)
    assert interaction.channel == "call" and interaction.summary == "called her"


# --- keep in touch ------------------------------------------------------------------------------

def test_keep_in_touch_cadence_by_tier_from_the_last_interaction_of_any_kind(services) -> None:
    inner = add(services, "Ina Inner", tier="inner", interests="sailing")
    warm = add(services, "Walt Warm", tier="warm", notes="ex-colleague")
    noise = add(services, "Nils Noise", tier="noise", notes="spam")
    for contact in (inner, warm, noise):
        services.interactions.log(contact.id, "call", "catch-up", NOW - timedelta(days=40))
    [item] = queue(services)
    assert (item.contact_name, item.kind) == ("Ina Inner", "keep_in_touch")
    assert "every 30 days" in item.reason and "sailing" in item.reason and "sailing" in item.draft
    assert item.due_label == "10 days late"
    # a call logged another way restarts the clock: the reminder is done, and the next is 30 days on
    services.interactions.log(inner.id, "call", "called", NOW - timedelta(hours=1))
    assert queue(services) == []
    assert services.followups.next_keep_in_touch(inner.id, now=NOW, zone=BERLIN) == NOW - timedelta(hours=1) + timedelta(days=30)
    assert services.followups.next_keep_in_touch(noise.id, now=NOW, zone=BERLIN) is None
    assert [i.contact_name for i in queue(services, now=NOW + timedelta(days=60))] == ["Ina Inner", "Walt Warm"]


def test_ticking_a_reminder_logs_it_and_schedules_the_next_one_never_twice(services) -> None:
    contact = add(services, "Ina Inner", tier="inner", notes="x")
    services.interactions.log(contact.id, "email", "", NOW - timedelta(days=31))
    first = queue(services)
    assert len(first) == 1 and len(queue(services)) == 1  # building the queue again adds nothing
    services.followups.mark_done(first[0].id, now=NOW)
    assert services.followups.next_keep_in_touch(contact.id, now=NOW) == NOW + timedelta(days=30)
    assert queue(services, now=NOW + timedelta(days=29)) == []
    [second] = queue(services, now=NOW + timedelta(days=31))
    assert second.id != first[0].id


def test_dismissed_reminder_skips_one_round(services) -> None:
    contact = add(services, "Ina Inner", tier="inner", notes="x")
    services.interactions.log(contact.id, "email", "", NOW - timedelta(days=31))
    [item] = queue(services)
    services.followups.dismiss(item.id, now=NOW)
    assert queue(services) == [] and queue(services, now=NOW + timedelta(days=29)) == []
    assert len(queue(services, now=NOW + timedelta(days=30, hours=1))) == 1


def test_cadence_overridden_per_contact_and_per_goal(services) -> None:
    own = add(services, "Own Cadence", tier="acquaintance", notes="x")
    services.contacts.update(own.id, cadence_days=7)
    investor = services.contacts.add(ContactFields(full_name="Ivy Investor", tier="acquaintance", notes="x"),
                                     goals=["investor"])
    plain = add(services, "Plain Acquaintance", tier="acquaintance", notes="x")
    for contact in (own, investor, plain):
        services.interactions.log(contact.id, "email", "", NOW - timedelta(days=20))
    assert [i.contact_name for i in queue(services)] == ["Own Cadence"]
    services.preferences.set_goal_cadence("investor", "acquaintance", 14)
    assert sorted(i.contact_name for i in queue(services)) == ["Ivy Investor", "Own Cadence"]
    services.preferences.set_tier_cadence("acquaintance", None)
    assert services.followups.next_keep_in_touch(plain.id, now=NOW) is None
    with pytest.raises(ValidationError, match="between 1 and 3650"):
        services.preferences.set_tier_cadence("warm", 99999)


# --- reintroductions ----------------------------------------------------------------------------

def test_reintroductions_come_a_few_a_week(services) -> None:
    nobodies = [add(services, f"Nobody {n}", company=f"Co {n}") for n in range(5)]
    add(services, "Known Person", notes="my old boss")
    add(services, "Noise Person", tier="noise")
    items = queue(services)
    assert len(items) == 3 and all(i.kind == "reintroduce" for i in items)
    assert "where do we know each other from" in items[0].reason.lower()
    assert len(queue(services, now=NOW + timedelta(days=3))) == 3  # the same three, no flood
    for item in items:
        services.followups.dismiss(item.id, now=NOW)
    week_later = queue(services, now=NOW + timedelta(days=7, hours=1))
    assert len(week_later) == 2 and {i.contact_id for i in week_later} <= {c.id for c in nobodies}
    assert not {i.contact_id for i in week_later} & {i.contact_id for i in items}


def test_reintroduce_per_week_is_a_setting(services) -> None:
    for n in range(4):
        add(services, f"Nobody {n}")
    services.preferences.set_number("reintroduce_per_week", 1)
    assert len(queue(services)) == 1
    with pytest.raises(ValidationError, match="unknown setting"):
        services.preferences.set_number("coffee_per_day", 3)


# --- pure helpers --------------------------------------------------------------------------------

def test_cadence_precedence_and_lateness_labels() -> None:
    assert rules.cadence_days("warm", None, [], None) == 90
    assert rules.cadence_days("warm", 10, [{"warm": 200}], None) == 10
    assert rules.cadence_days("warm", None, [{"warm": 200}, {"warm": 60}], None) == 60
    assert rules.cadence_days("noise", None, [], None) is None
    assert rules.cadence_days("warm", None, [], {"warm": 45}) == 45
    now = datetime(2026, 1, 10, 12, tzinfo=UTC)
    assert rules.lateness(now - timedelta(hours=5), now, UTC).label == "5 hours late"
    assert rules.lateness(now - timedelta(days=1), now, UTC).label == "1 day late"
    assert rules.lateness(now + timedelta(hours=2), now, UTC).label == "due today 14:00"
    assert rules.reintroductions_allowed(5, 3) == 0
    assert rules.next_tier_down("warm") == "acquaintance" and rules.next_tier_down("noise") is None


def test_queue_sees_changes_made_by_another_process(services, db_url: str) -> None:
    from netcompanion.core.services import open_services

    contact = add(services, "Ina Inner", tier="inner", notes="x")
    services.interactions.log(contact.id, "email", "", NOW - timedelta(days=31))
    assert len(queue(services)) == 1 and len(queue(services)) == 1
    other = open_services(db_url)
    try:
        other.interactions.log(contact.id, "call", "", NOW - timedelta(minutes=5))
        assert queue(services) == []
        other.encounters.add(contact.id, detail="x", met_at=NOW - timedelta(days=40))
        [item] = queue(services)
        assert item.kind == "post_event"
        other.followups.dismiss(item.id, now=NOW)  # nothing open any more: the cadence counts again
        [reminder] = queue(services, now=NOW + timedelta(days=31))
        assert reminder.kind == "keep_in_touch"
    finally:
        other.db.dispose()


def test_upgrade_from_0002_keeps_one_introduction_per_pair(empty_db_url: str) -> None:
    from netcompanion.core.store.database import Database
    from netcompanion.core.store.migrations import head_revision

    old = Database.open(empty_db_url, migrate=False)
    old.upgrade("0002")
    with old.engine.begin() as connection:
        for name in ("A", "B"):
            connection.exec_driver_sql(
                "INSERT INTO contact (full_name, given_name, family_name, title, company, websites, address, linkedin,"
                " notes, interests, their_goals, needs, offers, tags, tier, archived, source, search_text, created_at,"
                f" updated_at) VALUES ('{name}', '', '', '', '', '[]', '', '', '', '', '', '', '', '[]', 'warm', false,"
                " 'manual', '', '2025-01-01 10:00:00', '2025-01-01 10:00:00')")
        for status in ("suggested", "accepted"):
            connection.exec_driver_sql("INSERT INTO introduction (contact_a_id, contact_b_id, reason, status, created_at)"
                                       f" VALUES (1, 2, '', '{status}', '2025-01-02 10:00:00')")
    old.dispose()
    upgraded = Database.open(empty_db_url)
    assert upgraded.current_revision() == head_revision()
    with upgraded.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT status FROM introduction").all() == [("suggested",)]
    upgraded.dispose()


# --- the checklist's sections ------------------------------------------------------------------

def _by_rule(items, now):
    """The reference: `queue(include_all=True)` split by `rules.checklist_bounds`, order kept."""
    split = {title: [] for title in rules.CHECKLIST_SECTIONS}
    for item in items:
        for title, start, end in rules.checklist_bounds(now, BERLIN):
            if (start is None or item.due_at >= start) and item.due_at < end:
                split[title].append(item.id)
    return split


def test_checklist_sections_page_the_queue_in_its_order(services, db_url: str) -> None:
    from netcompanion.core.services import open_services

    bob = open_services(db_url, user="bob")
    try:
        for number in range(40):
            mine = number % 5 != 0
            contact = add(services if mine else bob, f"Person {number:02}", tier=("inner", "warm", "acquaintance")[number % 3])
            if number % 4 == 0:
                services.contacts.tag_goals(contact.id, ["investor"])
            if number % 3 == 0:  # a keep-in-touch reminder, long overdue
                services.interactions.log(contact.id, "call", happened_at=NOW - timedelta(days=400 + number))
            else:  # a 24-hour follow-up: overdue, due later today or tomorrow
                (services if mine else bob).encounters.add(contact.id, detail=f"talk {number}",
                                                           met_at=NOW - timedelta(hours=3 * number))
        archived = add(services, "Gone Away")
        services.encounters.add(archived.id, detail="x", met_at=NOW - timedelta(days=2))
        services.contacts.set_archived([archived.id])
        everything = queue(services, include_all=True, everyone=True)
        for item in everything[1::6]:  # some come back later this week, one beyond it
            services.followups.snooze(item.id, NOW + timedelta(days=1 + item.id % 7), now=NOW)
        for item in everything[2::6]:  # and some later today
            services.followups.snooze(item.id, NOW + timedelta(hours=1 + item.id % 8), now=NOW)
    finally:
        bob.db.dispose()

    for now in (NOW, NOW + timedelta(hours=20)):
        for options in ({}, {"everyone": True}, {"goal": "investor"}):
            expected = _by_rule(queue(services, now=now, include_all=True, **options), now)
            assert sum(map(len, expected.values())) > (3 if options.get("goal") else 10)
            if now == NOW and not options:
                assert all(expected.values()), expected  # every section has items to page
            full = services.followups.checklist(now=now, zone=BERLIN, **options)
            assert {s.title: [i.id for i in s.items] for s in full} == expected
            paged = services.followups.checklist(now=now, zone=BERLIN, limit=4, complete={"Today"}, **options)
            for section in paged:
                assert section.count == len(expected[section.title])
                wanted = expected[section.title] if section.title == "Today" else expected[section.title][:4]
                assert [i.id for i in section.items] == wanted
                assert section.complete == (len(section.items) == section.count)
    assert "Gone Away" not in {i.contact_name for s in full for i in s.items}


def test_what_was_just_created_shows_first_until_an_hour_has_passed(services) -> None:
    from sqlalchemy import update

    from netcompanion.core.clock import utcnow
    from netcompanion.core.store.models import FollowUp

    now = utcnow()
    for number in range(6):  # older follow-ups, long overdue
        services.encounters.add(add(services, f"Earlier {number}").id, detail="x",
                                met_at=now - timedelta(days=30 + number))
    with services.db.transaction() as session:
        session.execute(update(FollowUp).values(created_at=now - timedelta(days=20)))
    just_met = add(services, "Just Met")
    services.encounters.add(just_met.id, detail="y", met_at=now - timedelta(days=3))  # overdue, created now
    [overdue, *_] = services.followups.checklist(now=now + timedelta(minutes=1), zone=BERLIN, limit=4)
    assert overdue.count == 7 and overdue.items[0].contact_name == "Just Met"  # not behind "Show all"
    assert queue(services, now=now + timedelta(minutes=1), include_all=True)[0].contact_name == "Just Met"
    [overdue, *_] = services.followups.checklist(now=now + timedelta(hours=2), zone=BERLIN, limit=4)
    assert "Just Met" not in [item.contact_name for item in overdue.items]  # by lateness again: the least late
