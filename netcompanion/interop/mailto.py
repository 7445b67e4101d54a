"""mailto: links that open a follow-up draft in the user's mail client (RFC 6068).

Everything outside the unreserved characters is percent-encoded as UTF-8, so accents, emoji,
`&`, `?`, `#` and `+` survive; spaces become %20 (not `+`) and every line break CR LF (%0D%0A),
as RFC 6068 asks.
"""
from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from netcompanion.core.enums import FollowUpKind
from netcompanion.core.store.models import Contact, FollowUp

SUBJECTS = {
    FollowUpKind.POST_EVENT.value: "Great to meet you",
    FollowUpKind.KEEP_IN_TOUCH.value: "Catching up",
    FollowUpKind.REINTRODUCE.value: "Reconnecting",
    FollowUpKind.INTRODUCTION.value: "An introduction",
}


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def mailto_link(to: Iterable[str], subject: str = "", body: str = "", cc: Iterable[str] = ()) -> str:
    """A mailto: URL to `to` with `subject` and `body` filled in."""
    addresses = ",".join(quote(a.strip(), safe="@!$'()*;=.-_~") for a in to if a.strip())
    query = [(key, value) for key, value in (("cc", ",".join(a.strip() for a in cc if a.strip())),
                                             ("subject", subject), ("body", _crlf(body))) if value]
    encoded = "&".join(f"{key}={quote(value, safe='')}" for key, value in query)
    return f"mailto:{addresses}" + (f"?{encoded}" if encoded else "")


def followup_mailto(followup: FollowUp, contact: Contact) -> str:
    """The mailto: link of a follow-up: to the contact's first e-mail, with the draft as body."""
    subject = SUBJECTS.get(followup.kind, "Following up")
    return mailto_link([e.address for e in contact.emails[:1]], subject, followup.draft)
