#!/usr/bin/env bash
# Install everything NetCompanion needs on Debian/Ubuntu: system packages (Tesseract, the Qt
# runtime libraries), a virtual environment in .venv, and the package itself.
#   bash scripts/install.sh          # the app
#   bash scripts/install.sh --test   # the app and the test tools
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

system_packages=(tesseract-ocr python3-venv libxcb-cursor0 libxkbcommon-x11-0 libegl1 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0
  libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core)
# the tests read Cyrillic and Greek cards through Tesseract (the Scan place's script choice)
[ -n "$extras" ] && system_packages+=(tesseract-ocr-rus tesseract-ocr-ell)
# the tests also build the desktop bundle (PyInstaller needs objdump) and validate its desktop files
# the notification tests run a real notification server (dunst) on a private session bus under Xvfb
[ -n "$extras" ] && system_packages+=(binutils desktop-file-utils appstream dunst xvfb dbus-daemon)
# the phone capture test drives the page the phone shows in a real headless Chromium
[ -n "$extras" ] && system_packages+=(chromium chromium-driver)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
elif ! command -v tesseract >/dev/null 2>&1; then
  echo "install.sh: not a Debian system; install Tesseract and the Qt xcb libraries yourself" >&2
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install.sh: installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q -e ".${extras}"
.venv/bin/python -c "import netcompanion.cli, rapidocr, onnxruntime, cv2, PySide6.QtWidgets" \
  || { echo "install.sh: the installation is incomplete (see the pip messages above)" >&2; exit 1; }
echo "install.sh: ready; run .venv/bin/netcompanion"
