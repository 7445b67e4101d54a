"""`netcompanion export` and `netcompanion import` as a user runs them: a real process, real files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run
from tests.interop.helpers import FIXTURES

pytestmark = pytest.mark.slow  # each command is a new Python process


def test_export_then_import_into_another_database(db_path: Path, tmp_path: Path) -> None:
    run("demo", db=db_path)
    vcf, csv_file, ics = tmp_path / "all.vcf", tmp_path / "all.csv", tmp_path / "f.ics"
    assert "exported 40 contacts" in run("export", "vcard", str(vcf), "--vcard-version", "4.0", db=db_path).stderr
    run("export", "csv", str(csv_file), "--csv-format", "outlook", "--goal", "investor", db=db_path)
    run("export", "ics", str(ics), "--ics-kind", "event", db=db_path)
    assert "BEGIN:VEVENT" in ics.read_text()
    other = tmp_path / "other.db"
    report = json.loads(run("import", str(vcf), "--json", db=other).stdout)
    assert (report["format"], report["added"], report["skipped"]) == ("vcard", 40, 0)
    assert report["entries"][0]["line"] == 1 and report["entries"][0]["outcome"] == "added"
    text = run("import", str(csv_file), db=other).stdout
    assert text.startswith(f"{csv_file} (csv-outlook, UTF-8): 0 added, 0 merged,") and "0 skipped" in text
    out = run("export", "vcard", "-", "--goal", "mentor", db=other).stdout
    assert out.startswith("BEGIN:VCARD") and out.count("BEGIN:VCARD") == out.count("END:VCARD") > 0


def test_import_with_mapping_event_and_goal(db_path: Path, tmp_path: Path) -> None:
    run("events", "add", "Fintech Forum", "--goal", "client", db=db_path)
    path = tmp_path / "list.csv"
    path.write_text("Who,Org\nAda Lovelace,Engines\n", encoding="utf-8")
    out = run("import", str(path), "--map", "name=Who", "--map", "company=Org", "--event", "Fintech Forum",
              "--goal", "mentor", db=db_path).stdout
    assert "1 added" in out
    [ada] = json.loads(run("contacts", "list", "--json", "--event", "Fintech Forum", db=db_path).stdout)
    assert ada["company"] == "Engines" and ada["goals"] == ["mentor"]


def test_skips_are_listed_with_their_line(db_path: Path) -> None:
    out = run("import", str(FIXTURES / "linkedin_connections.csv"), db=db_path).stdout
    assert "3 added, 0 merged, 0 unchanged, 1 skipped" in out
    assert "line 7: skipped (no name): the row has no name, company, e-mail or phone" in out


def test_broken_files_exit_1_with_the_line_and_no_traceback(db_path: Path, tmp_path: Path) -> None:
    result = run("import", str(FIXTURES / "broken_truncated.vcf"), db=db_path, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "broken_truncated.vcf, line 6: the card that begins here has no END:VCARD" in result.stderr
    huge = tmp_path / "huge.vcf"
    with huge.open("wb") as handle:
        handle.truncate(101 * 1024 * 1024)
    result = run("import", str(huge), db=db_path, check=False)
    assert result.returncode == 1 and "the file is 101 MB, more than the 64 MB an import accepts" in result.stderr
    result = run("import", str(tmp_path / "list.csv"), "--map", "name", db=db_path, check=False)
    assert result.returncode == 1 and "write it as OURS=THEIRS" in result.stderr
    assert json.loads(run("contacts", "list", "--json", db=db_path).stdout) == []
    assert run("export", "pdf", "x.pdf", db=db_path, check=False).returncode == 2
