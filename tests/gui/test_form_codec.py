"""The one-line form codec that the detail pane and the scan review share."""
from __future__ import annotations

from netcompanion.gui.form_codec import join_phones, join_values, parse_phone, split_phones, split_values


def test_lists_round_trip_through_one_line() -> None:
    values = ["ada@example.org", "ada.l@example.net"]
    assert split_values(join_values(values)) == values
    assert split_values(" a@x.org , b@y.org;; ") == ["a@x.org", "b@y.org"]


def test_a_phone_keeps_its_kind_and_brackets_that_are_part_of_the_number() -> None:
    phones = [("+4930123456", "mobile"), ("+1 (415) 555-0100", "work")]
    assert split_phones(join_phones(phones)) == phones
    assert parse_phone("+1 (415) 555-0100") == ("+1 (415) 555-0100", "work")
    assert parse_phone("+44 20 7946 0958 (Fax)") == ("+44 20 7946 0958", "fax")
