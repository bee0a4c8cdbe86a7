#!/usr/bin/env bash
# vnplan's two entry points on a fresh Debian machine with Python 3.11:
#   bash run.sh demo   — set up, then process the bundled sample corpus (corpus/seeds) into out/
#   bash run.sh test   — set up, then run the test suite
# Set-up is idempotent: system packages via apt-get (as root, or with sudo), Python packages
# from pyproject.toml into .venv.
set -euo pipefail
cd "$(dirname "$0")"

SYSTEM_PACKAGES=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng fonts-dejavu-core)
PYTHON=${PYTHON:-python3}

setup_system() {
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "run.sh: installing system packages: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_python() {
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
  fi
  local stamp=.venv/.vnplan-installed
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e '.[dev]'
    touch "$stamp"
  fi
}

setup() {
  setup_system
  setup_python
}

case "${1:-}" in
  demo)
    setup
    .venv/bin/vnplan extract corpus/seeds -o out/json
    echo "JSON written to out/json/ (one file per document; check them with: .venv/bin/vnplan validate out/json/*.json)"
    ;;
  test)
    setup
    .venv/bin/python -m pytest -q "${@:2}"
    ;;
  setup)
    setup
    ;;
  *)
    echo "usage: bash run.sh demo|test|setup" >&2
    exit 2
    ;;
esac
