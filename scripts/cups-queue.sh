#!/usr/bin/env bash
# A real CUPS print queue for tests: starts the CUPS scheduler when it is not
# running and adds a cups-pdf queue (a printer that writes each job as a PDF
# file into a fresh folder). Prints that folder's path on its last line.
#
#   OUT=$(bash scripts/cups-queue.sh | tail -n 1)
#
# Needs root or sudo for cupsd and lpadmin (the packages come from
# scripts/install-deps.sh). Environment: PRINT_QUEUE (CourtesyTest).
set -euo pipefail
export PATH="/usr/sbin:$PATH"
QUEUE=${PRINT_QUEUE:-CourtesyTest}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
fail() { echo "FAIL: $*" >&2; exit 1; }

for tool in cupsd lpadmin lpstat; do
  command -v "$tool" >/dev/null || fail "$tool is missing (bash scripts/install-deps.sh installs it)"
done
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd
[ -f "$PPD" ] || fail "$PPD is missing (package printer-driver-cups-pdf)"

# The scheduler: no systemd here, so start it by hand when it is not answering.
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  $SUDO cupsd
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
fi
lpstat -r | grep -q "is running" || fail "the CUPS scheduler did not start"
echo "ok: CUPS scheduler running" >&2

# cups-pdf writes to ~/PDF of the submitting user by default; a fixed folder
# per run makes the printed file easy to find.
OUT=$(mktemp -d /tmp/courtesy-print-XXXXXX)
chmod 0777 "$OUT"
CONF=/etc/cups/cups-pdf.conf
$SUDO sed -i '/^Out /d' "$CONF" 2>/dev/null || true
echo "Out $OUT" | $SUDO tee -a "$CONF" >/dev/null
$SUDO lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPD" 2>/dev/null
$SUDO cupsenable "$QUEUE" 2>/dev/null || true
$SUDO cupsaccept "$QUEUE" 2>/dev/null || true
lpstat -p "$QUEUE" >/dev/null || fail "the queue $QUEUE was not created"
echo "ok: queue $QUEUE (cups-pdf) ready, output in $OUT" >&2
echo "$OUT"
