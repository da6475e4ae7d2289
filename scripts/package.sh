#!/usr/bin/env bash
# Packages the app already built by scripts/build.sh (or, with --release, by a
# release build) as a .deb and an .rpm: the app with its icon, a desktop entry
# that opens .csv and .json exports for import, and the `courtesy` command
# beside it in /usr/bin. Prints the packages' paths.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=debug
flag=(--debug)
if [ "${1:-}" = "--release" ]; then
  profile=release
  flag=()
fi
cli="$PWD/target/$profile/courtesy"
[ -x "$cli" ] || { echo "error: $cli is not built (run scripts/build.sh first)" >&2; exit 1; }
files="{\"/usr/bin/courtesy\":\"$cli\"}"
config="{\"bundle\":{\"linux\":{\"deb\":{\"files\":$files},\"rpm\":{\"files\":$files}}}}"
rm -rf "target/$profile/bundle/deb" "target/$profile/bundle/rpm"
npm --prefix ui run --silent tauri -- bundle "${flag[@]}" --ci --bundles deb,rpm \
  --features custom-protocol --config "$config" >&2
ls "$PWD"/target/"$profile"/bundle/deb/*.deb "$PWD"/target/"$profile"/bundle/rpm/*.rpm
