#!/usr/bin/env bash
# Installs what is missing, builds, fills the database with the demo shop if it is
# empty, and starts Courtesy. The database is the OS app-data one unless --db PATH
# or COURTESY_DB says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./target/debug/courtesy "$@" demo --if-empty
exec ./target/debug/courtesy-app "$@"
