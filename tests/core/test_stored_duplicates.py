"""Duplicates already stored: found over the whole database, merged with what belongs to them,
and the merge undone (issue 19, item 4)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from netcompanion.core.errors import NotFoundError
from netcompanion.core.services import ContactFields
from netcompanion.core.store.models import CardImage, ContactPhoto
from tests.cli_runner import run


def _pair(services):
    services.events.add("Slush", "investor", start="2026-11-20T09:00", end="2026-11-21T18:00")
    ada = services.contacts.add(ContactFields(full_name="Ada Lovelace", company="Analytical Engines Ltd",
                                              title="", emails=["ada@engines.example"]), goals=["investor"])
    twin = services.contacts.add(ContactFields(full_name="A. Lovelace", company="Analytical Engines",
                                               title="Mathematician", emails=["ADA@engines.example", "ada@home.example"],
                                               phones=[("+44 20 7946 0000", "work")], tags=["poetry"]),
                                 goals=["mentor"], event="Slush", detail="talked about the difference engine")
    services.interactions.log(twin.id, "call", "first call")
    with services.db.transaction() as session:
        session.add(CardImage(contact_id=twin.id, sha256="0" * 64, file_name="x.jpg"))
        session.add(ContactPhoto(contact_id=twin.id, mime="image/png", data=b"\x89PNG fake"))
    other = services.contacts.add(ContactFields(full_name="Ada Lovelace", company="Analytical Engines",
                                                emails=["countess@other.example"]))
    stranger = services.contacts.add(ContactFields(full_name="Charles Babbage", company="Analytical Engines"))
    return ada, twin, other, stranger


def test_pairs_are_found_over_the_whole_database(services) -> None:
    ada, twin, other, stranger = _pair(services)
    found = [(p.a, p.b, p.reason, p.certain) for p in services.duplicates.find()]
    assert (ada.id, twin.id, "same e-mail ada@engines.example", True) in found
    assert (ada.id, other.id, "similar name at Analytical Engines Ltd", False) in found  # possible only
    assert not any(stranger.id in (a, b) for a, b, _, _ in found)
    assert [certain for *_, certain in found] == sorted((c for *_, c in found), reverse=True)  # certain first


def test_a_stored_pair_is_merged_with_what_belongs_to_it_and_the_merge_is_undone(services) -> None:
    ada, twin, _other, _stranger = _pair(services)
    before = {"ada": services.contacts.get(ada.id), "twin": services.contacts.get(twin.id)}
    merged = services.duplicates.merge(ada.id, twin.id, take=["company"])
    assert (merged.full_name, merged.company, merged.title) == ("Ada Lovelace", "Analytical Engines", "Mathematician")
    assert [e.address for e in merged.emails] == ["ada@engines.example", "ada@home.example"]
    assert [p.e164 for p in merged.phones] == ["+442079460000"] and merged.tags == ["poetry"]
    assert sorted(g.key for g in merged.goals) == ["investor", "mentor"]
    assert [e.detail for e in services.encounters.for_contact(ada.id)] == ["talked about the difference engine"]
    assert [i.summary for i in services.interactions.for_contact(ada.id)] == ["first call"]
    assert [f.contact_id for f, _ in services.followups.open_items()] == [ada.id]
    assert [c.file_name for c in services.cards.images_for(ada.id)] == ["x.jpg"]
    assert services.contacts.photo(ada.id) == (b"\x89PNG fake", "image/png")
    with pytest.raises(NotFoundError):
        services.contacts.get(twin.id)

    kept, restored = services.duplicates.undo_merge(ada.id)
    for name, contact in (("ada", kept), ("twin", restored)):
        was = before[name]
        assert (contact.id, contact.full_name, contact.company, contact.title, contact.tags) == (
            was.id, was.full_name, was.company, was.title, was.tags)
        assert [e.address for e in contact.emails] == [e.address for e in was.emails]
        assert sorted(g.key for g in contact.goals) == sorted(g.key for g in was.goals)
    assert services.encounters.for_contact(ada.id) == [] and len(services.encounters.for_contact(twin.id)) == 1
    assert [i.summary for i in services.interactions.for_contact(twin.id)] == ["first call"]
    assert [c.file_name for c in services.cards.images_for(twin.id)] == ["x.jpg"]
    assert services.contacts.photo(ada.id) is None and services.contacts.photo(twin.id) is not None
    with pytest.raises(NotFoundError, match="no merge to undo"):
        services.duplicates.undo_merge(ada.id)


def test_the_cli_lists_merges_and_unmerges(db_path: Path) -> None:
    run("contacts", "add", "--name", "Kari Nordmann", "--company", "Equinor", "--email", "kari@equinor.example",
        db=db_path)
    run("contacts", "add", "--company", "Equinor", "--email", "KARI@equinor.example", "--phone", "+47 915 51 000",
        db=db_path)
    [pair] = json.loads(run("contacts", "duplicates", "--json", db=db_path).stdout)
    assert (pair["a"], pair["b"], pair["certain"], pair["reason"]) == (1, 2, True, "same e-mail kari@equinor.example")
    assert "same person" in run("contacts", "duplicates", db=db_path).stdout
    merged = json.loads(run("contacts", "merge", "1", "2", "--json", db=db_path).stdout)
    assert merged["phones"] == [{"e164": "+4791551000", "kind": "work"}]
    assert json.loads(run("contacts", "duplicates", "--json", db=db_path).stdout) == []
    assert "is back" in run("contacts", "unmerge", "1", db=db_path).stdout
    assert len(json.loads(run("contacts", "list", "--json", db=db_path).stdout)) == 2
    failed = run("contacts", "merge", "1", "1", db=db_path, check=False)
    assert failed.returncode == 1 and "cannot be merged with itself" in failed.stderr
