#!/usr/bin/env bash
# vnplan's two entry points on a fresh Debian machine with Python 3.11:
#   bash run.sh demo   — set up, then batch the bundled sample corpus (corpus/seeds) into out/json,
#                        build the dataset (out/dataset) and the review pages (out/review)
#   bash run.sh test   — set up, then run the test suite
# Set-up is idempotent: system packages via apt-get (as root, or with sudo), Python packages
# from pyproject.toml into .venv.
set -euo pipefail
cd "$(dirname "$0")"

# chromium: the review pages' browser test (Playwright drives Debian's build; no browser is downloaded)
# fonts-liberation2, fonts-texgyre: Times-like faces for the restorer's OCR training pages (tools/restore)
# libreoffice-writer-nogui: converts Word 97 (.doc), RTF and ODT to DOCX for the DOCX reader (extract/office.py)
# libreoffice-calc-nogui: converts Excel 97 (.xls) and ODS spreadsheets to XLSX for the XLSX reader
SYSTEM_PACKAGES=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng fonts-dejavu-core fonts-liberation2 fonts-texgyre chromium libreoffice-writer-nogui libreoffice-calc-nogui)
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

# ajv (npm), for the test that the schema compiles in a strict validator of another language; without
# npm that test is skipped and the Python check of its keywords still runs
setup_node() {
  command -v npm >/dev/null || return 0
  if [ ! -d tools/ajv/node_modules/ajv ] || [ tools/ajv/package-lock.json -nt tools/ajv/node_modules ]; then
    npm ci --prefix tools/ajv --no-audit --no-fund --silent
  fi
}

setup() {
  setup_system
  setup_python
  setup_node
}

case "${1:-}" in
  demo)
    setup
    .venv/bin/vnplan batch corpus/seeds -o out/json
    .venv/bin/vnplan dataset out/json -o out/dataset --compare doctors_per_10k
    .venv/bin/vnplan report out/json -o out/review
    cat <<'DONE'

Where to look:
  out/json/      one validated JSON per document (re-running skips documents already done)
  out/dataset/   documents, objectives, indicators, budgets, units, tasks, activities, warnings as
                 CSV and Parquet, all of them with views in out/dataset/vnplan.duckdb, the data
                 dictionary DATASET.md, and compare_doctors_per_10k.png/.svg
  out/review/    one HTML review page per document: open it in a browser
DONE
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
