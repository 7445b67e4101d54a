#!/usr/bin/env bash
# Build the one-folder desktop bundle with PyInstaller: dist/netcompanion/netcompanion.
#   bash packaging/build.sh                # into dist/ (build files in build/pyinstaller)
#   bash packaging/build.sh --dist DIR     # into DIR/netcompanion
# Uses the project's .venv (made by scripts/install.sh) and installs PyInstaller into it when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=dist
if [ "${1:-}" = "--dist" ]; then
  dist=${2:?packaging/build.sh: --dist needs a folder}
fi

[ -x .venv/bin/python ] || bash scripts/install.sh
if ! .venv/bin/python -c "import PyInstaller" 2>/dev/null; then
  echo "build.sh: installing PyInstaller into .venv"
  .venv/bin/python -m pip install -q "pyinstaller>=6.10"
fi
command -v objdump >/dev/null || { echo "build.sh: PyInstaller needs objdump (apt-get install binutils)" >&2; exit 1; }
command -v tesseract >/dev/null || { echo "build.sh: the bundle carries tesseract: apt-get install tesseract-ocr" >&2; exit 1; }

start=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --log-level ${PYI_LOG_LEVEL:-WARN} \
  --distpath "$dist" --workpath build/pyinstaller packaging/netcompanion.spec
echo "build.sh: built $dist/netcompanion in $(( $(date +%s) - start )) s, $(du -sh "$dist/netcompanion" | cut -f1)"
echo "build.sh: check it with: QT_QPA_PLATFORM=offscreen $dist/netcompanion/netcompanion gui --self-test"
