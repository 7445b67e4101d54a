"""From the card's text lines to contact fields: one reader per field family, in the order in
which each uses up the lines the next must not take."""
from __future__ import annotations

from .address_block import read_address
from .card_region import card_region
from .contact_fields import drop_glued_label, read_contacts
from .fields import Fields
from .layout import Line
from .people_fields import read_people
from .phone_fields import read_phones
from .scanner_marks import drop_scanner_marks

__all__ = ["Fields", "extract_fields"]


def extract_fields(lines: list[Line], default_region: str = "US", learned: bool = True) -> Fields:
    """Decide which line holds which field and parse the values (``learned``: let the line-role
    model weigh in; off to train it or to compare with the rules alone)."""
    out = Fields()
    drop_scanner_marks(lines)
    emails, websites = read_contacts(lines, out)
    out.region = card_region(lines, default_region)
    read_phones(lines, out)
    read_address(lines, out)
    read_people(lines, out, emails, websites, learned)
    drop_glued_label(out)
    return out
