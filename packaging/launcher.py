"""The bundle's entry point: `netcompanion` as the command line installs it, safe for worker processes."""
from __future__ import annotations

import multiprocessing
import sys

from netcompanion.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen program must catch the card reader's spawned workers here
    sys.exit(main())
