#!/usr/bin/env bash
# Installs what is missing and runs every check and test of Courtesy:
# formatting, clippy, Rust tests (nextest, incl. bindings freshness) on SQLite
# and again on a throwaway PostgreSQL cluster, the import
# and sync crash tests, the Linux packages built, installed, started and removed,
# printing through a real CUPS queue, UI type check and unit tests, and the
# end-to-end suite against the real built app under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
FEATURES=(--features courtesy-app/custom-protocol)
# Each step's heading says how long the one before it took, so growth shows.
STEP_STARTED=$SECONDS
STEP_NAME=""
step() {
  if [ -n "$STEP_NAME" ]; then
    printf '   (%s: %d s)\n' "$STEP_NAME" $((SECONDS - STEP_STARTED))
  fi
  STEP_NAME="$*" STEP_STARTED=$SECONDS
  printf '\n== %s\n' "$*"
}
trap 'step "end: $SECONDS s in all"' EXIT

step "dependencies"
bash scripts/install-deps.sh

step "UI build"
npm --prefix ui run build --silent

step "rustfmt"
cargo fmt --all --check

step "clippy"
cargo clippy --workspace --all-targets "${FEATURES[@]}" -- -D warnings

step "Rust tests (nextest)"
cargo nextest run --workspace "${FEATURES[@]}" --no-fail-fast

# The same suite with every test database on a PostgreSQL server: a cluster
# from the OS packages, started here and stopped whatever happens.
step "Rust tests on PostgreSQL (nextest)"
PG_DIR=$(mktemp -d)
pg_stop() { bash scripts/postgres.sh stop "$PG_DIR" || true; rm -rf "$PG_DIR"; }
trap 'pg_stop; step "end: $SECONDS s in all"' EXIT
COURTESY_TEST_DATABASE=$(bash scripts/postgres.sh start "$PG_DIR" | tail -n 1)
COURTESY_TEST_DATABASE=$COURTESY_TEST_DATABASE \
  cargo nextest run --workspace "${FEATURES[@]}" --no-fail-fast
pg_stop
trap 'step "end: $SECONDS s in all"' EXIT

# The app and the CLI, built with the features the tests above used, so the
# scripts below reuse those artifacts instead of building the crates again.
step "build the app and the CLI"
bash scripts/build.sh
export COURTESY_BIN="$PWD/target/debug/courtesy"

step "import crash test (SIGKILL mid-import, re-run, compare)"
bash scripts/import-crash-test.sh

step "sync crash test (SIGKILL mid-sync against a fake shop, re-run, compare)"
bash scripts/sync-crash-test.sh

# The packages come from the debug build above, not from a build of their own.
step "Linux packages (.deb, .rpm) from the built app"
packages=$(bash scripts/package.sh)
echo "$packages"

step "install the .deb, start it, open a .csv with it, remove it (the data stays)"
bash scripts/install-test.sh "$(echo "$packages" | grep '\.deb$')"

step "printing through a real CUPS queue (cups-pdf)"
bash scripts/print-test.sh

step "UI type check, and the licences list generated from the lock files"
npm --prefix ui run check --silent
node scripts/licences.mjs --check

step "UI unit tests (vitest)"
npm --prefix ui test --silent

step "end-to-end (real app under Xvfb)"
bash scripts/e2e.sh
