"""The `netcompanion` command as a user runs it: a real process, a real database file."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from netcompanion.cli import build_parser
from tests.cli_runner import run


def test_demo_then_contacts_list_json(db_path: Path) -> None:
    assert "40 contacts" in run("demo", db=db_path).stdout
    contacts = json.loads(run("contacts", "list", "--json", db=db_path).stdout)
    assert len(contacts) == 40
    assert set(contacts[0]) >= {"id", "full_name", "given_name", "family_name", "title", "company", "emails",
                                "phones", "websites", "address", "linkedin", "goals", "tier", "archived"}
    investors = json.loads(run("contacts", "list", "--json", "--goal", "investor", db=db_path).stdout)
    assert investors and all("investor" in c["goals"] for c in investors)
    assert "already" in run("demo", db=db_path).stdout  # a second demo does not pile up


def test_events_and_contacts_add_then_list(db_path: Path) -> None:
    run("events", "add", "Web Summit", "--goal", "investor", "--start", "2026-11-10T09:00",
        "--end", "2026-11-12T18:00", "--target", "3", "--location", "Lisbon", db=db_path)
    [event] = json.loads(run("events", "list", "--json", db=db_path).stdout)
    assert event["name"] == "Web Summit" and event["goal"] == "investor" and event["target_count"] == 3
    run("contacts", "add", "--name", "Jane Doe", "--company", "Acme", "--email", "jane@acme.io",
        "--phone", "mobile:+1 415 555 0132", "--event", "Web Summit", "--goal", "investor",
        "--detail", "their fund led two seed rounds in logistics", db=db_path)
    [contact] = json.loads(run("contacts", "list", "--json", "--event", "Web Summit", db=db_path).stdout)
    assert contact["phones"] == [{"e164": "+14155550132", "kind": "mobile"}]
    assert json.loads(run("contacts", "list", "--json", "--search", "nobody", db=db_path).stdout) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("events", "add", "", "--goal", "investor"), "event name must not be empty"),
        (("events", "add", "X", "--goal", "astronaut"), "unknown goal"),
        (("contacts", "add", "--company", "Acme", "--birthday", "31.02.1980"), "not a date"),
        (("contacts", "list", "--event", "Nope"), "no event named"),
    ],
)
def test_bad_input_exits_1_with_a_message(db_path: Path, args, message) -> None:
    result = run(*args, db=db_path, check=False)
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr


def test_bad_usage_exits_2(db_path: Path) -> None:
    assert run("events", "add", "X", db=db_path, check=False).returncode == 2  # --goal missing


def _all_parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _all_parsers(sub)


def test_every_command_has_help() -> None:
    parsers = list(_all_parsers(build_parser()))
    assert len(parsers) >= 8
    for parser in parsers:
        assert parser.format_help().strip()
        assert parser.description, parser.prog
