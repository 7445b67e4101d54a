"""Running the real `netcompanion` command in a subprocess, as the CLI tests do."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run(*args: str, db: Path | str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`netcompanion --db DB ARGS...` (DB a file or a database URL); with `check`, a non-zero exit fails the test with its stderr."""
    result = subprocess.run([sys.executable, "-m", "netcompanion", "--db", str(db), *args],
                            capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result
