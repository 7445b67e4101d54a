"""The error interop raises for a file it cannot read: it names the file and the line."""
from __future__ import annotations

from netcompanion.core.errors import NetCompanionError


class InputFileError(NetCompanionError, ValueError):
    """A file that cannot be imported as it is: too big, not text, broken at a given line.

    `line` is 1-based (None when the problem is the whole file). Nothing is imported from a
    file that raises this error.
    """

    def __init__(self, message: str, *, source: str = "", line: int | None = None) -> None:
        self.source, self.line, self.detail = source, line, message
        where = ", ".join(part for part in (source, f"line {line}" if line else "") if part)
        super().__init__(f"{where}: {message}" if where else message)
