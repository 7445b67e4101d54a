"""The PySide6 desktop app. It only shows what the core services return; it never writes SQL."""
