"""The desktop app's log file: what went wrong in the background (failed jobs, with their
tracebacks), kept in the platform's log folder (`settings.log_dir()`), rotated so that it stays
small. Help > Open log folder shows it."""
from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from netcompanion.core import settings

LOG_FILE_NAME = "netcompanion.log"
MAX_BYTES = 1_000_000
BACKUPS_KEPT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    return settings.log_dir() / LOG_FILE_NAME


def start_log_file(level: int = logging.INFO) -> RotatingFileHandler | None:
    """Write the app's log records of `level` and above to the rotated log file (once per
    process); None when the folder cannot be written (the app runs all the same)."""
    logger = logging.getLogger("netcompanion")
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler):
            return handler
    try:
        handler = RotatingFileHandler(log_file(), maxBytes=MAX_BYTES, backupCount=BACKUPS_KEPT, encoding="utf-8",
                                      delay=True)
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write the log file: %s", exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > level:
        logger.setLevel(level)
    return handler


def stop_log_file(handler: RotatingFileHandler) -> None:
    logging.getLogger("netcompanion").removeHandler(handler)
    handler.close()
