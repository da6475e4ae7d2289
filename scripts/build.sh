#!/usr/bin/env bash
# Builds the UI and the debug binaries (desktop app with the UI embedded, and the CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
npm --prefix ui run build --silent
cargo build --workspace --exclude courtesy-startup-floor --bins --features courtesy-app/custom-protocol
