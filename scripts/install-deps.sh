#!/usr/bin/env bash
# Installs what building, running and testing Courtesy needs on Debian/Ubuntu,
# skipping whatever is already there: system packages, tauri-driver, cargo-nextest,
# and the npm packages of ui/ and e2e/. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

APT_PACKAGES=(
  build-essential pkg-config file curl
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev libdbus-1-dev
  xvfb xauth webkit2gtk-driver imagemagick fonts-dejavu-core dbus-x11 at-spi2-core
  sqlite3 poppler-utils zbar-tools
  xdotool xdg-utils desktop-file-utils libglib2.0-bin
  libcups2-dev cups cups-client cups-bsd printer-driver-cups-pdf ghostscript
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v cargo >/dev/null || { echo "error: Rust is not installed (https://rustup.rs), install it first" >&2; exit 1; }
command -v node >/dev/null || { echo "error: Node.js 20.19+ is not installed, install it first" >&2; exit 1; }

if ! command -v tauri-driver >/dev/null; then
  echo "installing tauri-driver"
  cargo install tauri-driver --version "^2" --locked -q
fi
if ! cargo nextest --version >/dev/null 2>&1; then
  echo "installing cargo-nextest"
  cargo install cargo-nextest --locked -q
fi

for dir in ui e2e; do
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "installing npm packages in $dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
