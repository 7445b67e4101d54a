"""'Start at login': the XDG autostart entry ($XDG_CONFIG_HOME/autostart/netcompanion.desktop).

A leaf module (no Qt, no database): the GUI's settings and `netcompanion reminders set
start_at_login on|off` both switch it.
"""
from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

ENTRY_NAME = "netcompanion.desktop"


def autostart_file() -> Path:
    """Where the desktop (GNOME, KDE, Xfce…) looks for programs to start at login."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / ENTRY_NAME


def launch_command() -> str:
    """How the entry starts the app: the installed command when there is one, else this Python."""
    return f"{shlex.quote(sys.executable)} -m netcompanion gui"


def entry_text(command: str) -> str:
    return ("[Desktop Entry]\nType=Application\nName=NetCompanion\n"
            "Comment=Follow-up reminders for the people you met\n"
            f"Exec={command}\nIcon=netcompanion\nTerminal=false\nX-GNOME-Autostart-enabled=true\n")


def set_autostart(enabled: bool, command: str | None = None) -> Path:
    """Write (enabled) or remove the autostart entry; returns its path."""
    path = autostart_file()
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(entry_text(command or launch_command()), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
    return path


def autostart_enabled() -> bool:
    return autostart_file().is_file()
