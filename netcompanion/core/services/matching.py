"""Finding the stored contact an incoming one (a card, a file's row, a contact of the same
database) is: the same e-mail address or phone number makes it certain; a close name at the same
company, or the very same name with nothing else to go by, makes it only possible (listed for
review, never merged by itself)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlmodel import Session, col, select

from netcompanion.core.search import fold
from netcompanion.core.services.contacts import CONTACT_LOADS
from netcompanion.core.services.incoming import ContactFields, clean_fields
from netcompanion.core.store.models import Contact, ContactEmail, ContactPhone

NAME_SIMILARITY = 88
"""rapidfuzz token-sort ratio (0-100) from which two names at the same company may be one person."""

MATCHING_TURN = "contact matching"  # `Database.take_turns` name of every find-or-create of contacts

_LEGAL_FORMS = re.compile(
    r"\b(inc|llc|ltd|limited|gmbh|ag|sa|sas|sarl|srl|spa|bv|nv|plc|corp|corporation|co|company|kg|oy|ab|as|"
    r"pty|pvt|ooo|ооо|zao|oao)\b")


def company_key(company: str) -> str:
    """A company name folded, without its legal form: "Acme GmbH" and "ACME" give "acme"."""
    return " ".join(_LEGAL_FORMS.sub(" ", fold(company).replace(".", " ")).split())


def name_key(full_name: str, given: str = "", family: str = "") -> str:
    """A person's name folded for comparison."""
    return fold(full_name or f"{given} {family}").replace(".", " ").strip()


@dataclass
class Match:
    """An existing contact an incoming one matches, why, and whether that is certain (a shared
    e-mail or phone) or only possible (a close name)."""

    contact: Contact
    reason: str
    certain: bool = True

    @property
    def contact_id(self) -> int | None:
        return self.contact.id


Ref = Contact | int
"""A contact in the matcher: its id once stored, the object itself while it is new."""


def _ref_key(ref: Ref) -> tuple[str, int]:
    if isinstance(ref, int):
        return ("id", ref)
    return ("id", ref.id) if ref.id is not None else ("new", id(ref))


def _settled(ref: Ref) -> Ref:
    return ref.id if isinstance(ref, Contact) and ref.id is not None else ref


class ContactMatcher:
    """Finds the stored contact an incoming one is (see the module's docstring).

    It indexes stored contacts by id (light on memory, loaded from `session` when matched) and
    contacts added during an import by the object until they have an id (`settle`). Unchecked
    e-mails and phones (kept as typed) never match."""

    def __init__(self, session: Session | None = None, contacts: Iterable[Contact] = ()) -> None:
        self._session = session
        self._emails: dict[str, Ref] = {}
        self._phones: dict[str, Ref] = {}
        self._by_company: dict[str, list[tuple[Ref, str]]] = {}
        self._by_name: dict[str, list[Ref]] = {}
        self._loaded: dict[int, Contact] = {}
        self._new: list[Contact] = []
        for contact in contacts:
            self.add(contact)

    @classmethod
    def from_session(cls, session: Session) -> ContactMatcher:
        """A matcher over every stored contact, archived ones included (three light queries)."""
        matcher = cls(session)
        emails = select(ContactEmail.address, ContactEmail.contact_id).where(ContactEmail.checked == True)  # noqa: E712
        for address, contact_id in session.exec(emails):
            matcher._emails.setdefault(address.lower(), contact_id)
        phones = select(ContactPhone.e164, ContactPhone.contact_id).where(ContactPhone.checked == True)  # noqa: E712
        for e164, contact_id in session.exec(phones):
            matcher._phones.setdefault(e164, contact_id)
        rows = session.exec(select(Contact.id, Contact.full_name, Contact.given_name, Contact.family_name,
                                   Contact.company))
        for contact_id, full_name, given, family, company in rows:
            if contact_id is not None:
                matcher._index_name(contact_id, full_name, given, family, company)
        return matcher

    def add(self, contact: Contact) -> None:
        """Make `contact` findable (again, after a merge gave it new e-mails or phones)."""
        ref: Ref = contact.id if contact.id is not None else contact
        if contact.id is None:
            self._new.append(contact)
        for email in contact.emails:
            if email.checked is not False:
                self._emails.setdefault(email.address.lower(), ref)
        for phone in contact.phones:
            if phone.checked is not False:
                self._phones.setdefault(phone.e164, ref)
        self._index_name(ref, contact.full_name, contact.given_name, contact.family_name, contact.company)

    def _index_name(self, ref: Ref, full_name: str, given: str, family: str, company: str) -> None:
        name = name_key(full_name, given, family)
        if not name:
            return
        key = _ref_key(ref)
        same_name = self._by_name.setdefault(name, [])
        if all(_ref_key(r) != key for r in same_name):
            same_name.append(ref)
        company_name = company_key(company)
        if company_name:
            at_company = self._by_company.setdefault(company_name, [])
            if all(_ref_key(r) != key or n != name for r, n in at_company):
                at_company.append((ref, name))

    def settle(self) -> None:
        """Index new contacts that have been stored by their id, so the objects can be let go."""
        for contact in self._new:
            if contact.id is None:
                continue
            for email in contact.emails:
                if self._emails.get(email.address.lower()) is contact:
                    self._emails[email.address.lower()] = contact.id
            for phone in contact.phones:
                if self._phones.get(phone.e164) is contact:
                    self._phones[phone.e164] = contact.id
            name = name_key(contact.full_name, contact.given_name, contact.family_name)
            if name in self._by_name:
                self._by_name[name] = [_settled(r) for r in self._by_name[name]]
            company = company_key(contact.company)
            if company in self._by_company:
                self._by_company[company] = [(_settled(r), n) for r, n in self._by_company[company]]
        self._new = [c for c in self._new if c.id is None]
        self._loaded.clear()

    def preload(self, refs: Iterable[Ref]) -> None:
        """Load the stored contacts among `refs` in one query (kept until `settle`), so matching a
        batch of rows does not load them one by one."""
        ids = [r for r in refs if isinstance(r, int) and r not in self._loaded]
        if ids and self._session is not None:
            query = select(Contact).where(col(Contact.id).in_(ids)).options(*CONTACT_LOADS)
            self._loaded.update((c.id, c) for c in self._session.exec(query) if c.id is not None)

    def contact(self, ref: Ref) -> Contact:
        """The contact `ref` stands for (loaded when it is stored and not loaded yet)."""
        if isinstance(ref, Contact):
            return ref
        if ref in self._loaded:
            return self._loaded[ref]
        assert self._session is not None, "a matcher over stored contacts needs their session"
        contact = self._session.get(Contact, ref, options=list(CONTACT_LOADS))
        assert contact is not None
        return contact

    def find(self, fields: ContactFields) -> Match | None:
        """The contact `fields` describes (certain or possible), or None when it is someone new."""
        found = self.find_ref(fields)
        return None if found is None else Match(self.contact(found[0]), found[1], found[2])

    def find_ref(self, fields: ContactFields) -> tuple[Ref, str, bool] | None:
        """Like `find`, without loading the contact: its id (or the new object), the reason, certain."""
        fields, _warnings = clean_fields(fields)
        for address in fields.emails:
            found = self._emails.get(address.lower()) if address not in fields.unchecked else None
            if found is not None:
                return found, f"same e-mail {address}", True
        for e164, _kind in fields.phones:
            if e164 not in fields.unchecked and e164 in self._phones:
                return self._phones[e164], f"same phone {e164}", True
        name = name_key(fields.full_name, fields.given_name, fields.family_name)
        if not name:
            return None
        company = company_key(fields.company)
        if company:
            scored = [(fuzz.token_sort_ratio(name, other), ref) for ref, other in self._by_company.get(company, [])]
            best = max(scored, key=lambda pair: pair[0], default=None)
            if best is not None and best[0] >= NAME_SIMILARITY:
                return best[1], f"similar name at {fields.company.strip()}", False
        elif len(self._by_name.get(name, [])) == 1 and not (fields.emails or fields.phones):
            return self._by_name[name][0], "same name", False
        return None
