"""The five places of the main window, one module each, plus the dialogs they open."""
