#!/usr/bin/env bash
# The rendered forms checked with real programs: LibreOffice opens the
# annotated workbook and converts it headless (tests/render.rs, required
# here), and headless Chromium checks the sample's page (browser-check.sh).
# Installs Debian's libreoffice-calc-nogui and chromium where missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null 2>&1; then
    echo "== installing LibreOffice Calc"
    apt-get update
    apt-get install -y libreoffice-calc-nogui
fi

echo "== the workbook converted by LibreOffice"
CCHC_REQUIRE_LIBREOFFICE=1 cargo test --all-features --test render -- libreoffice

echo "== the page in Chromium"
bash .ci/browser-check.sh
