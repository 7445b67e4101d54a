"""NetCompanion: scan business cards into contacts, plan whom to meet, follow up every conversation."""
from __future__ import annotations

__version__ = "0.1.0"
APP_ID = "io.github.netcompanion.NetCompanion"
APP_NAME = "NetCompanion"
