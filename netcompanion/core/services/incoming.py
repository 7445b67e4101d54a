"""The one way in for a contact: the typed record of a contact on its way in, and the one cleaning
policy that scan, file import and manual entry share.

The policy (`clean_fields`):
- an e-mail address is stripped and its domain lower-cased; a phone number is read as E.164 in the
  country of the contact's own address, else of its other numbers written with a country code,
  else the country most of the file's numbers are in, else the home region;
- a value that does not read as an e-mail or a number at all stays in its field as typed, listed
  in `unchecked` (stored with `checked=False`) and warned about: nothing is dropped or moved;
- the same value twice is kept once; an unknown phone kind becomes "other".
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TypedDict

import phonenumbers

from netcompanion.core import settings
from netcompanion.core.enums import PhoneKind, Source, Tier
from netcompanion.core.errors import ValidationError
from netcompanion.core.validation import email_address, phone_e164
from netcompanion.countries import country_code, country_of_address

_KINDS = frozenset(k.value for k in PhoneKind)

MAX_PHOTO_BYTES = 256 * 1024
"""A contact's picture (a vCard PHOTO) larger than this is not kept (a warning says so)."""


@dataclass
class ContactFields:
    """What is known of a person before it is stored: typed by the user, read off a card or imported.

    `phones` holds (number, kind) pairs; numbers may be E.164 or national (read in `region`, the
    caller's default country). After `clean_fields`, `emails` and `phones` hold normalised values,
    and the ones that would not read, as typed, also in `unchecked`.
    """

    full_name: str = ""
    given_name: str = ""
    family_name: str = ""
    title: str = ""
    company: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[tuple[str, str]] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    address: str = ""
    address_street: str = ""
    address_locality: str = ""
    address_region: str = ""
    address_postcode: str = ""
    address_country: str = ""
    birthday: str = ""
    anniversary: str = ""
    linkedin: str = ""
    notes: str = ""
    interests: str = ""
    their_goals: str = ""
    needs: str = ""
    offers: str = ""
    tags: list[str] = field(default_factory=list)
    tier: str = Tier.ACQUAINTANCE.value
    source: str = Source.MANUAL.value
    region: str = ""
    photo: bytes = b""
    photo_mime: str = ""
    unchecked: list[str] = field(default_factory=list)
    cleaned: bool = False  # set by `clean_fields`, so that cleaning twice costs nothing

    def label(self) -> str:
        """How a report names this person: the name, else the company, e-mail or phone."""
        name = self.full_name or " ".join(p for p in (self.given_name, self.family_name) if p)
        return (name or self.company or (self.emails[0] if self.emails else "")
                or (self.phones[0][0] if self.phones else "") or "(no name)")

    def reachable(self) -> bool:
        """True when the person can be recognised or reached: a name, a company, an e-mail or a phone."""
        return any(v.strip() for v in (self.full_name, self.given_name, self.family_name, self.company)) or any(
            e.strip() for e in self.emails) or any(n.strip() for n, _ in self.phones)


ADDRESS_PARTS = ("address_street", "address_locality", "address_region", "address_postcode", "address_country")

NEEDS_ONE_WAY = "a contact needs a name, a company, an e-mail or a phone"


class ScanPhone(TypedDict):
    """One phone of the scan contract."""

    e164: str
    kind: str


class ScanContact(TypedDict, total=False):
    """One object of `netcompanion scan --json` (docs/architecture.md, the scan contract)."""

    source: str
    full_name: str
    given_name: str
    family_name: str
    title: str
    company: str
    emails: list[str]
    phones: list[ScanPhone]
    websites: list[str]
    address: str
    linkedin: str
    confidence: dict[str, float]
    check: list[str]
    raw_text: str
    error: str | None
    region: str
    contact_id: int


@dataclass
class IncomingContact:
    """A contact read from a file, before it is matched: its fields, its categories (goal names
    or free tags), where in the file it was, and what was odd about it."""

    fields: ContactFields
    categories: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    line: int = 0
    warnings: list[str] = field(default_factory=list)
    skip_reason: str = ""
    as_of: datetime | None = None  # when it was written (vCard REV, else the file's time): newer data updates

    @property
    def label(self) -> str:
        """How the report names this contact."""
        return self.fields.label()


def number_region(number: str) -> str:
    """The country of a number written with its country code ("+47 ..."), else ""."""
    text = number.strip()
    if not text.startswith("+"):
        return ""
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(text, None))
    except phonenumbers.NumberParseException:
        return ""
    return region if region and region != "ZZ" else ""


def own_region(fields: ContactFields) -> str:
    """The country the contact's own data points at: its address, else its numbers written with a
    country code; "" when neither says."""
    known = phonenumbers.SUPPORTED_REGIONS
    region = country_code(fields.address_country, known) or country_of_address(fields.address, known)
    if region:
        return region
    return next((r for number, _ in fields.phones if (r := number_region(number))), "")


def majority_region(records: Iterable[ContactFields]) -> str:
    """The country most numbers of a file are in (those written with a country code), or ""."""
    counts: Counter[str] = Counter()
    for fields in records:
        for number, _kind in fields.phones:
            region = number_region(number)
            if region:
                counts[region] += 1
    return counts.most_common(1)[0][0] if counts else ""


def clean_fields(fields: ContactFields, *, file_region: str = "") -> tuple[ContactFields, list[str]]:
    """`fields` cleaned by the policy of this module, and a warning for each value kept unchecked."""
    if fields.cleaned:
        return fields, []
    warnings: list[str] = []
    unchecked = list(fields.unchecked)
    emails: list[str] = []
    for raw in fields.emails:
        text = raw.strip()
        if not text:
            continue
        try:
            value = email_address(text)
        except ValidationError:
            value = text
            if value not in unchecked:
                unchecked.append(value)
                warnings.append(f"{text!r} does not read as an e-mail address; kept as typed, marked unchecked")
        if value.lower() not in {e.lower() for e in emails}:
            emails.append(value)
    region = own_region(fields) or file_region or fields.region or settings.home_region()
    phones: list[tuple[str, str]] = []
    for raw, kind in fields.phones:
        text = raw.strip()
        if not text:
            continue
        try:
            value = phone_e164(text, region)
        except ValidationError:
            value = text
            if value not in unchecked:
                unchecked.append(value)
                warnings.append(f"{text!r} does not read as a phone number; kept as typed, marked unchecked")
        clean_kind = (kind or "").strip().lower()
        if clean_kind not in _KINDS:
            if clean_kind:
                warnings.append(f"phone kind {kind!r} is not one of {', '.join(sorted(_KINDS))}; "
                                f"{text} kept as other")
            clean_kind = PhoneKind.OTHER.value
        if value not in {v for v, _ in phones}:
            phones.append((value, clean_kind))
    photo = fields.photo
    if len(photo) > MAX_PHOTO_BYTES:
        warnings.append(f"the photo ({len(photo) // 1024} KB) is larger than the {MAX_PHOTO_BYTES // 1024} KB "
                        "a contact's picture may be; not kept")
        photo = b""
    cleaned = replace(fields, emails=emails, phones=phones, region=region, unchecked=unchecked, photo=photo,
                      cleaned=True)
    return cleaned, warnings
