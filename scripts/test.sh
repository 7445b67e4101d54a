#!/usr/bin/env bash
# Install everything (as scripts/install.sh --test), run ruff and mypy, then the whole test suite, without a display.
# The database tests run on SQLite and on a PostgreSQL server started here (scripts/test_postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
export QT_QPA_PLATFORM=offscreen
source scripts/test_postgres.sh
trap stop_test_postgres EXIT
start_test_postgres
# The gates first: lint and types take seconds, and their failures say more than a test's.
.venv/bin/ruff check .
.venv/bin/mypy
status=0
.venv/bin/python -m pytest -q -p no:cacheprovider "$@" || status=$?
exit "$status"
