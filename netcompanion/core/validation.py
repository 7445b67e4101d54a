"""Checks on user input, each raising `ValidationError` with a message that names the field."""
from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

import phonenumbers

from netcompanion.core.errors import ValidationError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def required_text(value: str | None, field: str, max_length: int = 500) -> str:
    """`value` stripped; an error when it is empty or longer than `max_length`."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"{field} must not be empty")
    return optional_text(text, field, max_length)


def optional_text(value: str | None, field: str, max_length: int = 20_000) -> str:
    """`value` stripped (empty when None); an error when longer than `max_length`."""
    text = (value or "").strip()
    if len(text) > max_length:
        raise ValidationError(f"{field} is too long ({len(text)} characters, at most {max_length})")
    return text


def choice(value: str, enum: type[StrEnum], field: str) -> str:
    """`value` as a member of `enum` (case-insensitive); an error listing the choices otherwise."""
    normalized = (value or "").strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return enum(normalized).value
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ValidationError(f"{field}: {value!r} is not one of {choices}") from None


def rating(value: int | None, field: str, low: int, high: int) -> int | None:
    """An optional whole number between `low` and `high`."""
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{field}: {value!r} is not a whole number") from None
    if not low <= number <= high:
        raise ValidationError(f"{field} must be between {low} and {high}, not {number}")
    return number


def email_address(value: str) -> str:
    """A plausible e-mail address, stripped and with its domain lower-cased."""
    text = (value or "").strip().strip("<>").removeprefix("mailto:")
    if not _EMAIL.match(text):
        raise ValidationError(f"{value!r} is not an e-mail address")
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def phone_e164(value: str, region: str) -> str:
    """A phone number in E.164; numbers without a country code are read in `region`."""
    text = (value or "").strip()
    try:
        number = phonenumbers.parse(text, None if text.startswith("+") else region.upper())
    except phonenumbers.NumberParseException:
        raise ValidationError(f"{value!r} is not a phone number") from None
    if not phonenumbers.is_possible_number(number):
        raise ValidationError(f"{value!r} is not a phone number (wrong length for its country)")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_DATE = re.compile(r"^(\d{4}|--|-)-?(\d{2})-?(\d{2})$")


_DAY_FIRST = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")  # 12.04.1985 (Europe)
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")  # 4/12/1985 (US), 25/12/1985 (day first)
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")  # 1985/04/12 (East Asia)


def date_value(value: str | None, field: str) -> str:
    """A date as YYYY-MM-DD, or --MM-DD without a year (vCard's 19850412, --0412 and 1985-04-12,
    12.04.1985, 1985/04/12 and 4/12/1985 month first unless the first number is above 12 read
    too); empty stays empty; an error naming `field` for anything else."""
    text = (value or "").strip()
    if re.match(r"^\d{4}-?\d{2}-?\d{2}[T ]\d", text):  # a date with a time of day: the day
        text = re.split(r"[T ]", text, maxsplit=1)[0]
    if not text:
        return ""
    for pattern, order in ((_DAY_FIRST, (3, 2, 1)), (_YEAR_FIRST, (1, 2, 3))):
        found = pattern.match(text)
        if found:
            text = "-".join(found.group(i).zfill(2) for i in order)
    found = _SLASHED.match(text)
    if found:
        first, second, year = found.groups()
        month, day = (second, first) if int(first) > 12 else (first, second)
        text = f"{year}-{month.zfill(2)}-{day.zfill(2)}"
    match = _DATE.match(text)
    if match:
        year, month, day = match.groups()
        check_year = 2000 if not year.isdigit() else int(year)  # a leap year: --02-29 is a date
        try:
            date(check_year, int(month), int(day))
        except ValueError:
            match = None
        else:
            return f"{year if year.isdigit() else '-'}-{month}-{day}"
    raise ValidationError(f"{field}: {value!r} is not a date (YYYY-MM-DD, or --MM-DD without the year)")
