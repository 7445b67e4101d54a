#!/usr/bin/env bash
# Install everything (as scripts/install.sh --test) and run the whole test suite, without a display.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
