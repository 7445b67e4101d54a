"""Errors the core raises for input it cannot accept; each message is meant for the user."""
from __future__ import annotations


class NetCompanionError(Exception):
    """Base of every error the core reports to the user with a readable message."""


class ValidationError(NetCompanionError, ValueError):
    """Input that cannot be stored: an empty name, a phone that is not a number, an unknown goal."""


class NotFoundError(NetCompanionError, LookupError):
    """A record named by the user (an event, a contact, a goal) does not exist."""


class DatabaseError(NetCompanionError):
    """The database cannot be used as it is: newer than this version, locked, corrupt, read-only."""


class UnusableDatabaseError(DatabaseError):
    """The database file itself cannot be used (damaged, or written by a newer version or another
    program): it is left untouched, and restoring a backup is the way out."""


class ConflictError(NetCompanionError):
    """A record was changed elsewhere (another window, the CLI) since the user opened it."""
