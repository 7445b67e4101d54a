"""The domain layer: tables, the database, and the services that do every read and write.

Nothing in here imports Qt; the GUI and the CLI call the services in `netcompanion.core.services`.
"""
