"""The ``netcompanion scan`` contract: JSON Lines in input order, errors, exit status."""
from __future__ import annotations

import json

import pytest

from netcompanion.cli import scan

CONTRACT_KEYS = {"source", "full_name", "given_name", "family_name", "title", "company", "emails",
                 "phones", "websites", "address", "linkedin", "confidence", "raw_text", "error"}


@pytest.fixture(scope="module")
def cards(tmp_path_factory, card_en):
    d = tmp_path_factory.mktemp("cards")
    a = d / "b_first.png"
    card_en.save(a)
    bad = d / "a_broken.jpg"
    bad.write_text("not a card")
    return d, a, bad


def test_json_lines_in_input_order_with_error_object(cards, capsys, ppocr):
    d, good, bad = cards
    rc = scan.main(["scan", "--json", "--region", "US", "--workers", "1", str(good), str(bad)])
    out = capsys.readouterr().out.splitlines()
    assert rc == 1  # one image failed
    recs = [json.loads(ln) for ln in out]
    assert [r["source"] for r in recs] == [str(good), str(bad)]
    assert CONTRACT_KEYS <= set(recs[0]) and CONTRACT_KEYS <= set(recs[1])
    assert recs[0]["error"] is None and recs[0]["emails"] == ["jane.doe@acme-robotics.de"]
    assert {"e164": "+491701234567", "kind": "mobile"} in recs[0]["phones"]
    assert recs[1]["error"] and recs[1]["full_name"] == "" and recs[1]["phones"] == []
    assert all(0.0 <= v <= 1.0 for v in recs[0]["confidence"].values())


def test_all_good_exits_0_and_summary(cards, capsys, ppocr):
    _, good, _ = cards
    rc = scan.main(["scan", "--region", "DE", "--workers", "1", str(good)])
    out = capsys.readouterr().out
    assert rc == 0
    assert "Jane Q. Doe" in out and "+491701234567 (mobile)" in out


def test_folder_is_expanded_sorted(cards, capsys, ppocr):
    d, good, bad = cards
    rc = scan.main(["scan", "--json", "--workers", "1", str(d)])
    recs = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert rc == 1
    assert [r["source"] for r in recs] == [str(bad), str(good)]


@pytest.mark.parametrize("argv", [["scan", "/no/such/card.jpg"],
                                  ["scan", "--region", "XX", "x"],
                                  ])
def test_bad_usage_exits_2(argv, capsys, cards):
    if argv[-1] == "x":
        argv[-1] = str(cards[1])
    assert scan.main(argv) == 2
    assert "netcompanion scan:" in capsys.readouterr().err


def test_bad_option_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        scan.main(["scan", "--engine", "magic", "x.jpg"])
    assert exc.value.code == 2


def test_batch_uses_worker_processes_in_order(cards, card_en, tmp_path):
    from netcompanion.ocr.reader import read_cards

    d, good, bad = cards
    second = tmp_path / "second.png"
    card_en.rotate(180).save(second)
    res = list(read_cards([good, bad, second], region="US", workers=2))
    assert [r.source for r in res] == [str(good), str(bad), str(second)]
    assert res[0].full_name == res[2].full_name == "Jane Q. Doe"
    assert res[1].error
