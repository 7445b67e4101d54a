"""vCard files as Apple, Google, Android, Outlook, iOS and old macOS write them, and broken ones."""
from __future__ import annotations

from pathlib import Path

import pytest

from netcompanion.interop.errors import InputFileError
from netcompanion.interop.importer import import_file
from netcompanion.interop.vcard_read import logical_lines, read_vcards
from tests.interop.helpers import FIXTURES, comparable


def imported(services, name: str, **kwargs) -> list[dict]:
    report = import_file(services, FIXTURES / name, **kwargs)
    assert report.count("skipped") == 0, report.entries
    return [comparable(services.contacts.get(e.contact_id)) for e in report.entries]


def test_apple_contacts_3_0(services) -> None:
    hiroshi, acme = imported(services, "apple_contacts.vcf")
    assert hiroshi["full_name"] == "Dr. Hiroshi Nakamura"
    assert (hiroshi["given_name"], hiroshi["family_name"]) == ("Hiroshi", "Nakamura")
    assert hiroshi["company"] == "Kaizen Robotics K.K." and hiroshi["title"] == "Head of Research"
    assert hiroshi["emails"] == ["hiroshi@kaizen-robotics.jp", "hiro.nakamura@example.jp"]
    assert hiroshi["phones"] == [{"e164": "+819012345678", "kind": "mobile"}, {"e164": "+81312345678", "kind": "work"}]
    assert hiroshi["linkedin"] == "http://www.linkedin.com/in/hnakamura"
    assert hiroshi["websites"] == ["https://kaizen-robotics.jp"]
    assert hiroshi["address"] == "1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan"
    assert hiroshi["notes"].endswith("logistics investor.\nFollow up after Golden Week.")
    assert hiroshi["goals"] == ["partner"] and hiroshi["tags"] == ["Tokyo"]
    assert acme["full_name"] == "Acme Support" and acme["company"] == "Acme Inc."


def test_android_2_1_quoted_printable_with_soft_breaks(services) -> None:
    bjorn, jan = imported(services, "android_2_1.vcf")
    assert bjorn["full_name"] == "Björn Åström" and bjorn["family_name"] == "Åström"
    assert bjorn["company"] == "Öre Capital AB"
    assert bjorn["notes"] == ("Träffade på Slush. Letar efter B2B-SaaS;\n"
                              "investerar 500 k€-2 M€ per bolag, säger han.")
    # the national number is read in the country of the card's other number (+46), not the home region
    assert bjorn["phones"] == [{"e164": "+46701234567", "kind": "mobile"}, {"e164": "+46812345678", "kind": "work"}]
    assert jan["phones"] == [{"e164": "+48601234567", "kind": "mobile"}]


def test_outlook_2_1_cp1252_quoted_printable(services) -> None:
    [elodie] = imported(services, "outlook_2_1.vcf")
    assert elodie["full_name"] == "Élodie Dupont" and elodie["title"] == "Directrice financière"
    assert elodie["notes"] == "Rencontrée au salon « Smart Energy » ; veut un devis pour 40 sites."
    assert elodie["address"] == "12 quai Saint-Antoine, Lyon, 69002, France"
    assert {p["e164"] for p in elodie["phones"]} == {"+33478000000", "+33612345678"}


def test_ios_cr_cr_lf_line_ends(services) -> None:
    [mariana] = imported(services, "ios_crcrlf.vcf")
    assert mariana["full_name"] == "Mariana Silva" and mariana["company"] == "Nubela Pagamentos"
    assert mariana["notes"] == "Conheci no Web Summit Rio. Quer parceria com adquirentes."


def test_old_macos_utf16_without_bom(services) -> None:
    [soren] = imported(services, "macos_utf16be_nobom.vcf")
    assert soren["full_name"] == "Søren Øvergaard" and soren["goals"] == ["investor"]


def test_google_vcard_with_escaped_colons(services) -> None:
    [amara] = imported(services, "google_contacts.vcf")
    assert amara["linkedin"] == "https://www.linkedin.com/in/amaraokafor"
    assert amara["goals"] == ["investor"] and amara["tags"] == ["myContacts"]


def test_vcard_4_0_with_tel_uris() -> None:
    text = ("BEGIN:VCARD\nVERSION:4.0\nFN:Ana Lima\nN:Lima;Ana;;;\n"
            "TEL;VALUE=uri;TYPE=\"cell,voice\";PREF=1:tel:+55-11-91234-5678\n"
            "EMAIL;TYPE=work:ana@lima.br\nEND:VCARD\n")
    [ana] = read_vcards(text)
    assert ana.fields.phones == [("+55-11-91234-5678", "mobile")]


def test_folding_inside_a_multibyte_character_is_joined() -> None:
    text = "BEGIN:VCARD\nFN:J\u00fcr\n gen\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\n b=\n=3Dc\nEND:VCARD"
    assert [line.text for line in logical_lines(text)][1:3] == ["FN:J\u00fcrgen", "NOTE;ENCODING=QUOTED-PRINTABLE:a b=3Dc"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken_truncated.vcf", "line 6: the card that begins here has no END:VCARD (is the file cut short?)"),
        ("broken_garbage_line.vcf", "line 8: 'this line is not a property' is not a vCard property"),
    ],
)
def test_broken_vcards_name_the_line_and_import_nothing(services, name: str, message: str) -> None:
    with pytest.raises(InputFileError, match=message.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        import_file(services, FIXTURES / name)
    assert services.contacts.list(include_archived=True) == []


def test_a_new_card_before_the_end_of_the_previous_one(tmp_path: Path, services) -> None:
    path = tmp_path / "x.vcf"
    path.write_text("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n")
    with pytest.raises(InputFileError, match="line 3: a new card begins before the card of line 1 has ended"):
        import_file(services, path)


def test_a_card_without_a_name_is_skipped_with_the_reason(tmp_path: Path, services) -> None:
    path = tmp_path / "x.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ok\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nNOTE:only a note\nEND:VCARD\n")
    report = import_file(services, path)
    assert [(e.line, e.outcome) for e in report.entries] == [(1, "added"), (5, "skipped")]
    assert report.entries[1].reason == "a contact needs a name, a company, an e-mail or a phone"
