"""`netcompanion drafts ...`: the draft templates per follow-up kind (and goal), languages, previews."""
from __future__ import annotations

import argparse
import sys

from netcompanion.cli.common import services_from
from netcompanion.core.errors import ValidationError
from netcompanion.core.rules.templates import KINDS, LANGUAGES, PLACEHOLDERS
from netcompanion.user_files import UserFileError, read_user_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "drafts", help="edit the draft templates and languages",
        description="The templates the follow-up drafts are written from, per kind (" + ", ".join(KINDS)
        + ") and optionally per goal, in " + ", ".join(LANGUAGES) + ". Placeholders: "
        + ", ".join("{" + p + "}" for p in PLACEHOLDERS) + ".")
    commands = parser.add_subparsers(dest="action", required=True)
    for verb, text in (("show", "print the template a kind uses"), ("preview", "the draft a template makes"),
                       ("set", "store your own template"), ("reset", "go back to the shipped template")):
        sub = commands.add_parser(verb, help=text, description=text[0].upper() + text[1:] + ".")
        sub.add_argument("kind", choices=KINDS)
        sub.add_argument("--lang", choices=LANGUAGES, help="the language (default: yours)")
        sub.add_argument("--goal", help="the template for contacts of this goal")
        if verb == "set":
            source = sub.add_mutually_exclusive_group(required=True)
            source.add_argument("--text", help="the template")
            source.add_argument("--file", help="a text file holding the template")
        if verb == "preview":
            sub.add_argument("--detail", help="the conversation detail, as you would write it in the mail")
    language = commands.add_parser("language", help="your language, or a contact's",
                                   description="Set the language drafts are written in: yours (the default "
                                   "for every contact) or, with --contact, one contact's ('default' to clear).")
    language.add_argument("lang", choices=[*LANGUAGES, "default"])
    language.add_argument("--contact", type=int, help="the contact's id")
    intro = commands.add_parser("introduction-mail", help="the mail introducing both sides of an introduction",
                                description="Print the mail that introduces both sides of an introduction to "
                                "each other (its id is the introduction_id of its follow-ups in `followups list "
                                "--json`). Send it once both said yes to the opt-in drafts.")
    intro.add_argument("introduction", type=int, help="the introduction's id")
    name = commands.add_parser("my-name", help="the name signed under the drafts",
                               description="Set the name signed under the drafts ({my_name}).")
    name.add_argument("name")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    drafts = services_from(args).drafts
    if args.action == "language":
        if args.contact is not None:
            drafts.set_contact_language(args.contact, None if args.lang == "default" else args.lang)
            print(f"drafts to contact {args.contact}: {args.lang}")
        else:
            drafts.set_language("en" if args.lang == "default" else args.lang)
            print(f"your language: {args.lang}")
        return 0
    if args.action == "introduction-mail":
        mail = drafts.introduction_mail_draft(args.introduction)
        if not mail.both_asked:
            print("not both asked yet: tick both opt-in follow-ups done first", file=sys.stderr)
        print(f"To: {', '.join(mail.addresses) or '(no e-mail address)'}\n\n{mail.text}")
        return 0
    if args.action == "my-name":
        drafts.set_my_name(args.name)
        print(f"drafts are signed {args.name!r}")
        return 0
    where = {"lang": args.lang, "goal": args.goal}
    if args.action == "set":
        text = args.text if args.text is not None else _read_template(args.file)
        drafts.set_template(args.kind, text, **where)
        print(drafts.preview(args.kind, **where))
    elif args.action == "reset":
        drafts.reset_template(args.kind, **where)
        print(f"{args.kind}: back to the shipped template")
    elif args.action == "show":
        print(drafts.template(args.kind, **where))
    else:
        values = {"detail": args.detail} if args.detail else None
        print(drafts.preview(args.kind, values=values, **where))
    return 0


def _read_template(path: str) -> str:
    try:
        return read_user_file(path, 64 * 1024).decode("utf-8")
    except UserFileError as exc:
        raise ValidationError(str(exc)) from None
    except UnicodeDecodeError:
        raise ValidationError(f"{path} is not UTF-8 text") from None
