"""Where NetCompanion keeps its files and which settings come from the environment.

All paths go through here (platformdirs), so the rest of the code never builds one by hand.
`NETCOMPANION_HOME` moves the whole data folder (tests and portable installs use it);
`NETCOMPANION_DB` names another database (a file path or a SQLAlchemy URL).
"""
from __future__ import annotations

import hashlib
import locale
import os
import re
from pathlib import Path

import platformdirs

from netcompanion.core.errors import DatabaseError

APP_DIR_NAME = "netcompanion"
DB_FILE_NAME = "netcompanion.db"


def _private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by the user only, and return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        path.chmod(0o700)
    except OSError:  # a folder we do not own (e.g. a shared mount): leave it as it is
        pass
    return path


def data_dir() -> Path:
    """The folder holding the database, card images and backups."""
    override = os.environ.get("NETCOMPANION_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    return _private_dir(base.expanduser())


def use_data_dir(path: Path) -> None:
    """Move the data folder (and the default database with it) to `path` for the rest of this process.

    The self-test uses it to run on a throwaway folder, never on the user's data.
    """
    os.environ["NETCOMPANION_HOME"] = str(path)
    os.environ.pop("NETCOMPANION_DB", None)


def cards_dir() -> Path:
    """The folder where card images are copied under their content-hash names."""
    return _private_dir(data_dir() / "cards")


def backups_dir() -> Path:
    """The folder holding automatic and manual database backups."""
    return _private_dir(data_dir() / "backups")


def database_backups_dir(db_file: Path) -> Path:
    """The folder holding the backups of the SQLite file `db_file`.

    The default database uses the backups folder itself; any other file gets a subfolder named
    after it (its stem plus a hash of its full path), so the backups of two databases never mix.
    """
    db_file = Path(db_file).expanduser().resolve()
    if db_file == (data_dir() / DB_FILE_NAME).resolve():
        return backups_dir()
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", db_file.stem)[:40] or "database"
    tag = hashlib.sha256(str(db_file).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return _private_dir(backups_dir() / f"{stem}-{tag}")


SUPPORTED_SCHEMES = ("sqlite", "postgresql+psycopg")
"""The database URLs NetCompanion opens (`postgres://` and `postgresql://` are read as the second)."""
_POSTGRES_ALIASES = ("postgres", "postgresql")


def database_url(override: str | None = None) -> str:
    """The SQLAlchemy URL of the database to open.

    `override` (from `--db`) wins over `NETCOMPANION_DB`, which wins over the default file in
    the data folder. Either may be a URL or a plain file path. `postgres://` and `postgresql://`
    (as hosting services write them) are read as `postgresql+psycopg://`, the driver installed;
    any other scheme is refused with a message naming the ones that work (never the password).
    """
    value = override or os.environ.get("NETCOMPANION_DB") or str(data_dir() / DB_FILE_NAME)
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    scheme, rest = value.split("://", 1)
    if scheme.lower() in _POSTGRES_ALIASES:
        value = f"postgresql+psycopg://{rest}"
    elif scheme.lower() not in SUPPORTED_SCHEMES:
        raise DatabaseError(
            f"cannot open the database {redact_url(value)}: the kind {scheme!r} is not supported. NetCompanion "
            "opens a SQLite file (a path, or sqlite:///path) or a PostgreSQL server "
            "(postgresql://user@host/name, also written postgres:// or postgresql+psycopg://).")
    from sqlalchemy.engine import make_url  # (here: the window shows before SQLAlchemy is loaded)
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(value)
    except (ArgumentError, ValueError):  # their messages quote the whole URL, password and all
        raise DatabaseError(f"cannot open the database {redact_url(value)}: this is not a database URL "
                            "(e.g. postgresql://user@host/name or sqlite:///path/to/file.db).") from None
    return value


def redact_url(url: str) -> str:
    """`url` with its password replaced by `***`, for messages and logs (even a URL SQLAlchemy cannot
    parse: everything between the first `:` after the scheme and the last `@` goes)."""
    scheme, sep, rest = url.partition("://")
    userinfo, at, host = rest.rpartition("@")
    if not sep or not at or ":" not in userinfo:
        return url
    return f"{scheme}://{userinfo.split(':', 1)[0]}:***@{host}"


def home_region() -> str:
    """The user's home region (ISO 3166 alpha-2) for phone numbers printed without a country code:
    `NETCOMPANION_REGION`, else the country of the locale, else US. The one helper the GUI, the
    CLI (`scan`, `import`) and the services ask."""
    import phonenumbers

    override = os.environ.get("NETCOMPANION_REGION", "").strip().upper()
    if override in phonenumbers.SUPPORTED_REGIONS:
        return override
    try:
        names = [locale.getlocale()[0], os.environ.get("LC_ALL"), os.environ.get("LANG")]
    except ValueError:  # an unparsable locale only means no locale
        names = [os.environ.get("LC_ALL"), os.environ.get("LANG")]
    for name in names:
        if name and ("_" in name or "-" in name):
            country = name.replace("-", "_").split("_", 1)[1][:2].upper()
            if country in phonenumbers.SUPPORTED_REGIONS:
                return country
    return "US"


def current_user() -> str:
    """The name recorded as owner of follow-ups and encounters (`NETCOMPANION_USER`, else the OS user)."""
    import getpass

    return os.environ.get("NETCOMPANION_USER") or getpass.getuser()


FEED_FILE_NAME = "followups.ics"


def feed_file() -> Path:
    """The calendar feed of the open follow-ups, at a fixed place in the data folder (a calendar
    program subscribes to it once as a local calendar)."""
    return data_dir() / FEED_FILE_NAME
