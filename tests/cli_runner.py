"""Running the `netcompanion` command as the CLI tests do: in this process by default.

`run` calls `netcompanion.cli.main` with the standard streams captured, which costs milliseconds
instead of the second a new Python process takes to import the app. Tests that need a real
process (a crash, a signal, the installed entry point) pass `in_process=False`.
"""
from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path


def _text_stream() -> io.TextIOWrapper:
    """A text stream with a `.buffer`, as sys.stdout has (binary exports write to it)."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)


def _read_back(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8", errors="replace")  # type: ignore[attr-defined]


def run(*args: str, db: Path | str, check: bool = True, timeout: float = 120,
        in_process: bool = True) -> subprocess.CompletedProcess[str]:
    """`netcompanion --db DB ARGS...` (DB a file or a database URL), with no standard input.

    With `check`, a non-zero exit fails the test with its stderr.
    """
    argv = ["--db", str(db), *args]
    if in_process:
        result = _run_in_process(argv)
    else:
        result = subprocess.run([sys.executable, "-m", "netcompanion", *argv],
                                capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def _run_in_process(argv: list[str]) -> subprocess.CompletedProcess[str]:
    from netcompanion.cli import main

    out, err = _text_stream(), _text_stream()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's usage errors and --help
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdin = saved_stdin
    return subprocess.CompletedProcess(["netcompanion", *argv], code, _read_back(out), _read_back(err))
