#!/usr/bin/env bash
# Regenerates ui/src/lib/bindings.ts from the Rust types.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_BINDINGS=1 cargo test -q -p courtesy-app --lib bindings::
echo "wrote ui/src/lib/bindings.ts"
