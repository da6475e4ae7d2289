#!/usr/bin/env bash
# Rebuilds the README screenshot (docs/customers.png) from the demo shop under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export PATH="$HOME/.cargo/bin:$PATH"
export APP_BIN="$PWD/target/debug/courtesy-app" CLI_BIN="$PWD/target/debug/courtesy"
mkdir -p docs
cd e2e
xvfb-run -a --server-args="-screen 0 1440x900x24" node screenshots.mjs "$PWD/../docs"
