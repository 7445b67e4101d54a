"""Word lists, line features, the line-role model and the check list."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import numpy as np
import pytest

from netcompanion.ocr import lexicon
from netcompanion.ocr.check import field_support, fields_to_check
from netcompanion.ocr.engines import OcrLine
from netcompanion.ocr.extract import extract_fields
from netcompanion.ocr.layout import build_lines
from netcompanion.ocr.line_features import FEATURE_NAMES, CardContext, line_features
from netcompanion.ocr.line_roles import ROLES, RoleModel, load_model
from netcompanion.ocr.parse_names import email_name_match
from netcompanion.ocr.result import Phone, ScanResult
from tests.ocr.cardkit import fields_from_lines


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reader must not use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_lists_load_from_package_data_without_network(no_network: None) -> None:
    lexicon.word_list.cache_clear()
    for name in lexicon.LISTS:
        assert len(lexicon.word_list(name)) > 100
    assert lexicon.word_list("given_names") is lexicon.word_list("given_names")  # loaded once
    with pytest.raises(KeyError):
        lexicon.word_list("passwords")


def test_list_hits_for_names_places_and_legal_forms() -> None:
    assert lexicon.given_share("Maria Schmidt") == 1.0 or lexicon.family_share("Maria Schmidt") == 1.0
    assert lexicon.given_share("Maria") == 1.0
    assert lexicon.family_share("Schmidt") == 1.0
    assert lexicon.given_share("Quarterly Revenue Report") < 0.5
    assert lexicon.place_share("Hong Kong") == 1.0
    assert lexicon.place_share("Berlin, Germany") == 1.0
    assert lexicon.place_share("Senior Engineer") == 0.0
    assert lexicon.has_legal_form("Acme Widgets GmbH")
    assert lexicon.has_legal_form("Nordlys Konsult AB")
    assert lexicon.has_legal_form("Zentrix Solutions Pvt. Ltd.")
    assert not lexicon.has_legal_form("GmbH")  # a form alone names no company
    assert not lexicon.has_legal_form("Head of Partnerships")


def _card_lines() -> list:
    return build_lines([
        OcrLine("Maria Schmidt", (40, 20, 420, 80), 0.97),
        OcrLine("Head of Procurement", (40, 90, 400, 120), 0.96),
        OcrLine("Nordwerk Maschinenbau GmbH", (40, 300, 600, 340), 0.95),
        OcrLine("maria.schmidt@nordwerk.de", (40, 400, 500, 430), 0.96),
    ])


def test_features_describe_each_line_in_a_fixed_order() -> None:
    lines = _card_lines()
    ctx = CardContext(lines, lines[:3], ["maria.schmidt"], ["nordwerk"])
    rows = [line_features(ln, ctx) for ln in lines[:3]]
    assert all(len(r) == len(FEATURE_NAMES) for r in rows)
    f = {n: i for i, n in enumerate(FEATURE_NAMES)}
    name, title, firm = rows
    assert name[f["tallest"]] == 1.0 and title[f["tallest"]] == 0.0
    assert name[f["email_match"]] >= 0.9 and firm[f["email_match"]] == 0.0
    assert firm[f["domain_match"]] >= 0.9
    assert firm[f["legal_form"]] == 1.0 and name[f["legal_form"]] == 0.0
    assert title[f["title_score"]] > 0.5 and name[f["title_next"]] > 0.5
    assert name[f["given_share"]] > 0


def test_the_shipped_model_loads_once_offline_and_gives_probabilities(no_network: None) -> None:
    load_model.cache_clear()
    model = load_model()
    assert model is not None and load_model() is model
    lines = _card_lines()
    ctx = CardContext(lines, lines[:3], ["maria.schmidt"], ["nordwerk"])
    probs = model.probabilities([line_features(ln, ctx) for ln in lines[:3]])
    assert probs.shape == (3, len(ROLES))
    assert np.allclose(probs.sum(axis=1), 1.0)
    role = [ROLES[i] for i in probs.argmax(axis=1)]
    assert role == ["name", "title", "company"]
    data = Path(__file__).resolve().parents[2] / "netcompanion" / "ocr" / "data" / "line_roles.json"
    assert data.stat().st_size < 300_000


def test_a_model_for_other_features_is_refused() -> None:
    d = load_model().to_json()  # type: ignore[union-attr]
    d["features"] = list(d["features"])[:-1]  # type: ignore[index]
    with pytest.raises(ValueError, match="retrain"):
        RoleModel.from_json(json.loads(json.dumps(d)))


def test_decoder_picks_one_name_the_title_beside_it_and_the_company() -> None:
    v = fields_from_lines(("Nordwerk Maschinenbau GmbH", (40, 10, 700, 90)),
                          ("Maria Schmidt", (40, 260, 380, 300)),
                          ("Head of Procurement", (40, 305, 380, 330)),
                          ("Industriestr. 5, 70565 Stuttgart", (40, 420, 520, 445)),
                          ("maria.schmidt@nordwerk.de", (40, 460, 460, 485)), region="DE")
    assert v["full_name"] == "Maria Schmidt"
    assert v["title"] == "Head of Procurement"
    assert v["company"] == "Nordwerk Maschinenbau GmbH"
    assert "Stuttgart" in str(v["address"])


def test_an_organisation_line_above_the_street_is_the_company_not_the_address() -> None:
    v = fields_from_lines(("Dr. Asha Verma", (40, 20, 420, 70)),
                          ("Associate Professor", (40, 80, 380, 110)),
                          ("Department of Civil Engineering", (40, 300, 560, 330)),
                          ("Lakeside Institute of Technology", (40, 335, 600, 370)),
                          ("Kandi, Sangareddy - 502285, Telangana, INDIA", (40, 375, 700, 405)),
                          region="IN")
    assert v["company"] == "Lakeside Institute of Technology"
    assert "Institute" not in str(v["address"]) and "502285" in str(v["address"])


@pytest.mark.parametrize("local", ["jdoe", "john.doe", "doej", "john_doe", "johnd"])
def test_the_e_mail_local_part_spells_the_name(local: str) -> None:
    assert email_name_match("John Doe", [local]) >= 0.7


def test_an_unrelated_local_part_does_not_spell_the_name() -> None:
    assert email_name_match("John Doe", ["sales"]) == 0.0


def _result(**kw: object) -> ScanResult:
    res = ScanResult(source="card.jpg", **kw)  # type: ignore[arg-type]
    res.confidence = {"phones": 0.95, "address": 0.9, **res.confidence}
    return res


def test_check_lists_weak_fields_and_spares_corroborated_ones() -> None:
    fields = extract_fields(_card_lines(), "DE")
    res = _result(full_name="Maria Schmidt", company="Nordwerk Maschinenbau GmbH",
                  emails=["maria.schmidt@nordwerk.de"], websites=["nordwerk.de"],
                  phones=[Phone("+4971112345678", "work")])
    support = field_support(res, fields)
    assert support["full_name"] >= 0.9 and support["company"] >= 0.9  # e-mail and domain agree
    assert support["websites"] == 1.0  # the e-mail's host
    assert "full_name" not in fields_to_check(res, fields)
    assert "websites" not in fields_to_check(res, fields)
    # a website no e-mail shares has less support; a phone that is no valid number is listed
    res.websites = ["unrelated-example.org"]
    res.phones = [Phone("+4912", "work")]
    assert field_support(res, fields)["websites"] < 1.0
    listed = fields_to_check(res, fields)
    assert "phones" in listed
    # an empty field is never listed; a field the QR code carried needs no check
    res.websites = []
    listed = fields_to_check(res, fields, from_qr={"phones"})
    assert "websites" not in listed and "phones" not in listed


def test_a_missed_number_in_the_text_puts_phones_on_the_list() -> None:
    fields = extract_fields(_card_lines(), "DE")
    res = _result(phones=[Phone("+4971112345678", "work")],
                  raw_text="Tel +49 711 12345678\nFax +49 711 98765432")
    assert field_support(res, fields)["phones"] < 0.87


def test_an_e_mail_cut_short_or_with_a_stray_first_letter_is_doubted() -> None:
    fields = extract_fields(_card_lines(), "US")
    good = _result(full_name="Mei Chen", emails=["mchen@orbit.com"], raw_text="mchen@orbit.com")
    assert field_support(good, fields)["emails"] == 1.0
    stray = _result(full_name="Mei Chen", emails=["emchen@orbit.com"], raw_text="emchen@orbit.com")
    cut = _result(emails=["gears@gmail.com"], raw_text="chains&gears@gmail.com")
    glued = _result(emails=["ana@gmail.comdirector"], raw_text="ana@gmail.comdirector")
    for res in (stray, cut, glued):
        assert "emails" in fields_to_check(res, fields)


def test_a_rendered_card_read_end_to_end_carries_its_check_list(card_en_result) -> None:
    data = card_en_result.to_json()
    assert isinstance(data["check"], list)
    assert set(data["check"]) <= {"full_name", "title", "company", "emails", "phones",
                                  "websites", "address"}
    for name in data["check"]:
        assert data[name]  # only fields with a value are listed
    # the name spelled by the e-mail's local part and the firm spelled by the domain need no check
    assert "Doe" in data["full_name"]
    assert "full_name" not in data["check"] and "company" not in data["check"]
    assert ScanResult.from_json(data).check == data["check"]


def test_synthetic_cards_are_the_same_for_the_same_seed(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    import synth_cards

    for run in ("a", "b"):
        synth_cards.main([str(tmp_path / run), "--count", "3", "--seed", "7"])
    for name in ("synth_0000.png", "synth_0002.png", "labels.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    labels = [json.loads(x) for x in (tmp_path / "a" / "labels.jsonl").read_text().splitlines()]
    assert len(labels) == 3 and all(x["full_name"] and x["emails"] for x in labels)
