#!/usr/bin/env bash
# Start-up figures: Courtesy on the demo shop beside an empty Tauri 2 + Svelte
# app (bench/startup/floor, its page in ui/floor) built the same way: the same
# Tauri, WebKitGTK, Vite, Svelte and build target, the same cargo profile.
#
#   first paint   from starting the process to the first screen painted (the
#                 customer list with its first rows, for Courtesy)
#   idle PSS      of the app process and its WebKit processes together, after
#                 30 s idle, under one Xvfb display
#
# Targets, printed as met/missed: Courtesy's idle PSS <= 1.1x the empty app's,
# its first paint <= 0.2 s after the empty app's. Medians of 3 starts each,
# after a warm-up start of each; a breakdown by process and by kind of memory
# shows where the difference goes. The report also goes to bench/out/startup.txt.
#
#   bash bench/startup/run.sh            # release builds, as the installers ship
#   BENCH_PROFILE=debug bash bench/startup/run.sh   # the builds CI makes
#
# Environment: BENCH_PROFILE (release), BENCH_RUNS (3), BENCH_IDLE (30 s),
# BENCH_REPORT (bench/out/startup.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"
profile="${BENCH_PROFILE:-release}"
report="${BENCH_REPORT:-bench/out/startup.txt}"
command -v Xvfb >/dev/null || bash scripts/install-deps.sh

flag=(); [ "$profile" = release ] && flag=(--release)
echo "building both pages and both apps ($profile)"
[ -d ui/node_modules ] || npm --prefix ui ci --silent --no-audit --no-fund
npm --prefix ui run build --silent >/dev/null
(cd ui && npx vite build --config vite.floor.config.ts >/dev/null)
cargo build -q "${flag[@]}" -p courtesy-app -p courtesy-startup-floor -p courtesy-cli \
  --features courtesy-app/custom-protocol,courtesy-startup-floor/custom-protocol
bin="target/$profile"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin/courtesy" --db "$work/demo.sqlite" demo >/dev/null

mkdir -p "$(dirname "$report")"
python3 bench/startup/measure.py --courtesy "$bin/courtesy-app" --floor "$bin/courtesy-startup-floor" \
  --db "$work/demo.sqlite" --runs "${BENCH_RUNS:-3}" --idle "${BENCH_IDLE:-30}" | tee "$report"
