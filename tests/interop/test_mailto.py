"""mailto: links: percent-encoded UTF-8, %20 for spaces, CR LF line breaks."""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

from netcompanion.core.store.models import Contact, ContactEmail, FollowUp
from netcompanion.interop.mailto import followup_mailto, mailto_link


def test_subject_and_body_are_encoded() -> None:
    link = mailto_link(["jürgen+events@acme.de"], "Grüße & mehr?", "Hi Jürgen,\nline 2 #1 100%\r\nend")
    assert link == ("mailto:j%C3%BCrgen%2Bevents@acme.de?subject=Gr%C3%BC%C3%9Fe%20%26%20mehr%3F"
                    "&body=Hi%20J%C3%BCrgen%2C%0D%0Aline%202%20%231%20100%25%0D%0Aend")
    parts = urlsplit(link)
    assert unquote(parts.path) == "jürgen+events@acme.de"
    assert "+" not in parts.query and " " not in link


def test_several_recipients_and_cc() -> None:
    assert mailto_link(["a@x.io", "b@y.io"], cc=["c@z.io"]) == "mailto:a@x.io,b@y.io?cc=c%40z.io"
    assert mailto_link(["a@x.io"]) == "mailto:a@x.io"


def test_followup_draft() -> None:
    contact = Contact(full_name="Zoë Laurent", emails=[ContactEmail(address="zoe@rocket.fr")])
    followup = FollowUp(kind="post_event", reason_key="k", draft="Hi Zoë,\n\nGreat to meet you 🚀")
    assert followup_mailto(followup, contact) == (
        "mailto:zoe@rocket.fr?subject=Great%20to%20meet%20you"
        "&body=Hi%20Zo%C3%AB%2C%0D%0A%0D%0AGreat%20to%20meet%20you%20%F0%9F%9A%80")
