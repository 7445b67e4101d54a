"""A newer card or file updates a job (company, title, e-mail), keeps the old values in the
contact's history and says what changed; an older one changes nothing (issue 19, item 4)."""
from __future__ import annotations

import os
from pathlib import Path

from netcompanion.core.services import ContactFields
from netcompanion.interop.importer import import_file


def _stored(services):
    return services.contacts.add(ContactFields(full_name="Kari Nordmann", title="Engineer", company="Equinor ASA",
                                               emails=["kari@equinor.example"]))


def _card(path: Path, rev: str = "") -> Path:
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kari Nordmann\r\nN:Nordmann;Kari;;;\r\nORG:Aker BP\r\n"
                    "TITLE:Head of Subsurface\r\nEMAIL;TYPE=INTERNET,WORK:kari@equinor.example\r\n"
                    "EMAIL;TYPE=INTERNET,WORK:kari.nordmann@akerbp.example\r\n"
                    + (f"REV:{rev}\r\n" if rev else "") + "END:VCARD\r\n", encoding="utf-8")
    return path


def test_a_newer_vcard_with_the_same_email_updates_the_job_and_keeps_the_old_one(tmp_path: Path, services) -> None:
    kari = _stored(services)
    report = import_file(services, _card(tmp_path / "kari.vcf"))
    [entry] = report.entries
    assert entry.outcome == "merged" and entry.reason == "same e-mail kari@equinor.example"
    assert entry.changes == ["title 'Engineer' -> 'Head of Subsurface'", "company 'Equinor ASA' -> 'Aker BP'",
                             "e-mail kari.nordmann@akerbp.example (first; kari@equinor.example kept after it)"]
    now = services.contacts.get(kari.id)
    assert (now.company, now.title) == ("Aker BP", "Head of Subsurface")
    assert [e.address for e in now.emails] == ["kari.nordmann@akerbp.example", "kari@equinor.example"]
    history = {(h.field, h.old_value, h.new_value) for h in services.contacts.history(kari.id)}
    assert history == {("title", "Engineer", "Head of Subsurface"), ("company", "Equinor ASA", "Aker BP"),
                       ("e-mail", "kari@equinor.example", "kari.nordmann@akerbp.example")}
    assert all(h.source.endswith("kari.vcf") for h in services.contacts.history(kari.id))


def test_an_older_card_changes_no_job_and_says_so(tmp_path: Path, services) -> None:
    kari = _stored(services)
    path = _card(tmp_path / "old.vcf", rev="20150101T000000Z")
    [entry] = import_file(services, path).entries
    assert entry.outcome == "merged"  # the new address is still added, after the others
    assert "kept company 'Equinor ASA' (the file, older than the contact, has 'Aker BP')" in entry.warnings
    now = services.contacts.get(kari.id)
    assert (now.company, now.title) == ("Equinor ASA", "Engineer")
    assert [e.address for e in now.emails] == ["kari@equinor.example", "kari.nordmann@akerbp.example"]
    assert services.contacts.history(kari.id) == []


def test_an_old_csv_file_by_its_time_changes_no_job(tmp_path: Path, services) -> None:
    kari = _stored(services)
    path = tmp_path / "old.csv"
    path.write_text("Name,Company,Title,Email\nKari Nordmann,Aker BP,Head of Subsurface,kari@equinor.example\n",
                    encoding="utf-8")
    os.utime(path, (1_400_000_000, 1_400_000_000))  # written in 2014
    [entry] = import_file(services, path).entries
    assert entry.outcome == "unchanged" and services.contacts.get(kari.id).company == "Equinor ASA"
