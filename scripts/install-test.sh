#!/usr/bin/env bash
# The .deb as a shop owner meets it: installed with apt, the installed app
# started from its menu entry's command for a new user under Xvfb (its window
# opens, it creates its database in the app-data folder), the installed
# `courtesy info` reads that database, a .csv opened through the desktop
# entry (`gio open`) brings the app up on the Import screen with that file,
# and after the package is removed the user's data is still there.
# Usage: scripts/install-test.sh PACKAGE.deb
set -euo pipefail
deb="$(realpath "$1")"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
work="$(mktemp -d)"
cleanup() {
  pkill -f /usr/bin/courtesy-app 2>/dev/null || true
  if dpkg-query -W -f='${Status}' courtesy 2>/dev/null | grep -q "install ok installed"; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq courtesy >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "installing $(basename "$deb")"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
for f in /usr/bin/courtesy-app /usr/bin/courtesy /usr/share/applications/Courtesy.desktop \
  /usr/share/icons/hicolor/128x128/apps/courtesy-app.png; do
  [ -e "$f" ] || fail "the package did not install $f"
done
desktop-file-validate /usr/share/applications/Courtesy.desktop || fail "the desktop entry is not valid"
grep -q '^MimeType=.*text/csv' /usr/share/applications/Courtesy.desktop || fail "the desktop entry does not open .csv"
echo "ok: installed the app, the courtesy command, the icon and a valid desktop entry for .csv and .json"

# A new user: their own home, app-data and config folders.
export HOME="$work/home"
mkdir -p "$HOME"
unset XDG_DATA_HOME XDG_CONFIG_HOME COURTESY_DB
export COURTESY_NO_KEYCHAIN=1
db="$HOME/.local/share/courtesy/courtesy.sqlite"

cat >"$work/session.sh" <<'SESSION'
set -euo pipefail
fail() { echo "FAIL: $*" >&2; exit 1; }
# Waits up to $2 seconds for the command $1 to succeed.
wait_for() {
  local i
  for ((i = 0; i < $2 * 4; i++)); do eval "$1" >/dev/null 2>&1 && return 0; sleep 0.25; done
  return 1
}
# The command the menu entry runs, with no file.
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/Courtesy.desktop)
${exec_line% %F} >"$WORK/app.log" 2>&1 &
app=$!
wait_for "xdotool search --onlyvisible --name '^Courtesy$'" 60 || { cat "$WORK/app.log" >&2; fail "the installed app's window did not open"; }
wait_for "test -s '$DB'" 30 || fail "the app did not create its database at $DB"
echo "ok: the installed app opened its window and created $DB"
info=$(/usr/bin/courtesy info)
echo "$info" | grep -q "schema:    version" || fail "courtesy info did not read the database: $info"
echo "$info" | grep -q "$DB" || fail "courtesy info looked elsewhere: $info"
echo "ok: the installed courtesy info reads the same database"
kill "$app"; wait "$app" 2>/dev/null || true

# "Open with Courtesy" on a downloaded export.
csv="$WORK/orders_export.csv"
printf 'Name,Email,Financial Status,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price\n#1001,anna@example.com,paid,59.00,2026-11-01 10:00:00 +0100,1,Herbata,59.00\n' >"$csv"
xdg-mime default Courtesy.desktop text/csv
[ "$(xdg-mime query default text/csv)" = "Courtesy.desktop" ] || fail "Courtesy is not the .csv handler"
gio open "$csv"
wait_for "xdotool search --onlyvisible --name 'orders_export.csv'" 60 || {
  xdotool search --onlyvisible --name Courtesy getwindowname %@ >&2 || true
  fail "opening the .csv did not bring Courtesy up on the Import screen with it"
}
echo "ok: opening orders_export.csv through the desktop entry shows it on the Import screen ($(xdotool search --onlyvisible --name 'orders_export.csv' getwindowname))"
pkill -f /usr/bin/courtesy-app || true
SESSION
WORK="$work" DB="$db" xvfb-run -a --server-args="-screen 0 1280x800x24" \
  dbus-run-session -- bash "$work/session.sh"

echo "removing the package"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq courtesy >/dev/null
[ ! -e /usr/bin/courtesy-app ] || fail "the app is still installed"
[ -s "$db" ] || fail "removing the package took the user's database"
echo "ok: the package is gone and $db stayed"
