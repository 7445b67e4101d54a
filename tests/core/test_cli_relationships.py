"""`netcompanion followups`, `plan` and `network` as a user runs them: real processes, a real file."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run


@pytest.fixture
def demo_db(db_url: str) -> str:
    run("demo", db=db_url)
    return db_url


def test_followups_list_done_snooze_dismiss(demo_db: str) -> None:
    items = json.loads(run("followups", "--json", db=demo_db).stdout)
    assert items and set(items[0]) >= {"id", "kind", "status", "contact_id", "contact", "due_at", "overdue",
                                       "late_seconds", "due", "reason", "draft", "needs_detail", "event"}
    overdue = [i["overdue"] for i in items]
    assert overdue == sorted(overdue, reverse=True)  # overdue items at the top
    first, second, third = items[0]["id"], items[1]["id"], items[2]["id"]
    done = json.loads(run("followups", "done", str(first), "--channel", "call", "--json", db=demo_db).stdout)
    assert done["status"] == "done" and done["id"] == first
    snoozed = json.loads(run("followups", "snooze", str(second), "--until", "3d", "--json", db=demo_db).stdout)
    assert snoozed["status"] == "snoozed"
    assert "dismissed" in run("followups", "dismiss", str(third), db=demo_db).stdout
    left = {i["id"] for i in json.loads(run("followups", "--json", db=demo_db).stdout)}
    assert not left & {first, second, third}
    assert second in {i["id"] for i in json.loads(run("followups", "--all", "--json", db=demo_db).stdout)}
    again = run("followups", "done", str(first), db=demo_db, check=False)
    assert again.returncode == 1 and "done already" in again.stderr
    investors = json.loads(run("followups", "--goal", "investor", "--json", "--all", db=demo_db).stdout)
    assert {i["id"] for i in investors} < {i["id"] for i in json.loads(run("followups", "--all", "--json", db=demo_db).stdout)}
    assert run("followups", "snooze", str(third + 1000), db=demo_db, check=False).returncode == 1


@pytest.mark.sqlite_only  # the planning service runs on both in test_planning.py; this is the CLI
def test_plan_with_an_attendee_list(db_url: str, tmp_path: Path) -> None:
    run("events", "add", "Web Summit", "--goal", "investor", "--start", "2026-11-10", db=db_url)
    csv = tmp_path / "attendees.csv"
    csv.write_text("Name,Job Title,Company,Email,Bio\n"
                   "Tom Baker,Software Engineer,Acme,tom@acme.io,\n"
                   "Jane Doe,General Partner,Fjord Capital,jane@fjord.vc,seed rounds in logistics\n", encoding="utf-8")
    data = json.loads(run("plan", "Web Summit", "--attendees", str(csv), "--json", "--save", "1",
                          "--why", "logistics fund", db=db_url).stdout)
    assert set(data) == {"event", "profile", "attendees", "total", "targets"}
    top = data["attendees"][0]
    assert top["name"] == "Jane Doe" and top["score"] > 0 and top["reasons"]
    assert [t["name"] for t in data["targets"]] == ["Jane Doe"] and data["targets"][0]["why"] == "logistics fund"
    text = run("plan", "Web Summit", db=db_url).stdout
    assert "targets (0/1 met)" in text
    engineers = json.loads(run("plan", "Web Summit", "--attendees", str(csv), "--keyword", "engineer=5", "--json",
                               db=db_url).stdout)
    assert engineers["profile"] == {"engineer": 5.0} and engineers["attendees"][0]["name"] == "Tom Baker"
    bad = run("plan", "Web Summit", "--keyword", "engineer", db=db_url, check=False)
    assert bad.returncode == 1 and "NAME=VALUE" in bad.stderr
    assert run("plan", "Nope", db=db_url, check=False).returncode == 1


@pytest.mark.sqlite_only  # the network service runs on both in test_network.py; this is the CLI
def test_network_report_and_settings(demo_db: str) -> None:
    report = json.loads(run("network", "--json", db=demo_db).stdout)
    assert set(report) >= {"tiers", "capacity", "pruning", "introductions", "events", "goals"}
    assert len(report["events"]) == 3 and report["introductions"]
    run("network", "set", "weekly_budget", "200", db=demo_db)
    assert json.loads(run("network", "--json", db=demo_db).stdout)["capacity"]["budget"] == 200
    suggestion = report["introductions"][0]
    out = run("network", "introduce", str(suggestion["offerer"]["id"]), str(suggestion["needer"]["id"]), db=demo_db)
    assert "accepted" in out.stdout
    kinds = [i["kind"] for i in json.loads(run("followups", "--json", db=demo_db).stdout)]
    assert kinds.count("introduction") == 2
    assert "tiers:" in run("network", db=demo_db).stdout
    assert run("network", "set", "weekly_budget", "0", db=demo_db, check=False).returncode == 1
    assert "every 60 days" in run("network", "cadence", "warm", "60", "--goal", "investor", db=demo_db).stdout
    assert "never" in run("network", "cadence", "acquaintance", "0", db=demo_db).stdout
