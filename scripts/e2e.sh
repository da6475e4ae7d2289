#!/usr/bin/env bash
# Drives the real app: node:test + WebdriverIO -> tauri-driver -> WebKitWebDriver, under Xvfb.
# Expects scripts/build.sh to have run. E2E_SCREENSHOT_DIR=dir saves screenshots.
# Starts a cups-pdf print queue (scripts/cups-queue.sh) for the tests that print.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export APP_BIN="$PWD/target/debug/courtesy-app" CLI_BIN="$PWD/target/debug/courtesy"
export FAKESHOP_BIN="$PWD/target/debug/courtesy-fakeshop"
# Shop secrets stay in the app's memory: the tests never touch a real keychain.
export COURTESY_NO_KEYCHAIN=1
# A real print queue (cups-pdf) for the tests that print; its files land in PRINT_OUT.
export PRINT_QUEUE=${PRINT_QUEUE:-CourtesyTest}
PRINT_OUT=$(bash scripts/cups-queue.sh | tail -n 1)
export PRINT_OUT
cd e2e
log="${TMPDIR:-/tmp}/tauri-driver-e2e.log"
rm -f "$log"
if ! xvfb-run -a --server-args="-screen 0 1440x900x24" \
  node --test --test-concurrency=1 customers.test.mjs first-start.test.mjs settings.test.mjs import.test.mjs dispatch.test.mjs dispatch-language.test.mjs calls.test.mjs gifts.test.mjs shop-sync.test.mjs several-desks.test.mjs customer-care.test.mjs welcome.test.mjs; then
  echo "== the last lines tauri-driver, WebKitWebDriver and the app printed ($log)"
  tail -n 60 "$log" 2>/dev/null || true
  exit 1
fi
