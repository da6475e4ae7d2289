#!/usr/bin/env bash
# Printing test through a real CUPS queue: starts the CUPS scheduler when it is
# not running, adds a cups-pdf queue (a printer that writes each job as a PDF
# file), prints a packing slip to it with `courtesy slips --print QUEUE`, and
# checks that
#   1. the printed file arrives (within PRINT_WAIT seconds),
#   2. its text (pdftotext) carries the order number, every line's name and SKU
#      and the ship-to city, and is the same as the slip saved with `-o` (which,
#      printed second, differs only by its COPY mark),
#   3. the print log holds the job: a 'printer' row on the queue (copy 0), then
#      a 'file' row (copy 1),
#   4. printing to a queue that does not exist fails with a clear message and
#      logs nothing.
#
#   bash scripts/print-test.sh
#
# Needs root or sudo for cupsd and lpadmin (the packages come from
# scripts/install-deps.sh). Environment: COURTESY_BIN (the CLI; default: build
# the debug one), PRINT_QUEUE (CourtesyTest), PRINT_WAIT (60).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:/usr/sbin:$PATH"
QUEUE=${PRINT_QUEUE:-CourtesyTest}
WAIT=${PRINT_WAIT:-60}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
fail() { echo "FAIL: $*" >&2; echo "print test: 0 passed, 1 failed"; exit 1; }
ok() { echo "ok: $*"; }

for tool in cupsd lpadmin lpstat pdftotext sqlite3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (bash scripts/install-deps.sh installs it)"
done
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd
[ -f "$PPD" ] || fail "$PPD is missing (package printer-driver-cups-pdf)"

if [ -z "${COURTESY_BIN:-}" ]; then
  cargo build -q -p courtesy-cli
  COURTESY_BIN=${CARGO_TARGET_DIR:-$PWD/target}/debug/courtesy
fi

# The scheduler: no systemd here, so start it by hand when it is not answering.
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  $SUDO cupsd
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
fi
lpstat -r | grep -q "is running" || fail "the CUPS scheduler did not start"
ok "CUPS scheduler running"

# cups-pdf writes to ~/PDF of the submitting user by default; a fixed folder
# per run makes the printed file easy to find.
OUT=$(mktemp -d /tmp/courtesy-print-XXXXXX)
chmod 0777 "$OUT"
CONF=/etc/cups/cups-pdf.conf
if ! grep -q "^Out $OUT\$" "$CONF" 2>/dev/null; then
  $SUDO sed -i '/^Out /d' "$CONF"
  echo "Out $OUT" | $SUDO tee -a "$CONF" >/dev/null
fi
$SUDO lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPD" 2>/dev/null
$SUDO cupsenable "$QUEUE" 2>/dev/null || true
$SUDO cupsaccept "$QUEUE" 2>/dev/null || true
lpstat -p "$QUEUE" >/dev/null || fail "the queue $QUEUE was not created"
ok "queue $QUEUE (cups-pdf) ready, output in $OUT"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB=$WORK/shop.sqlite
"$COURTESY_BIN" --db "$DB" demo --seed 7 --customers 200 --orders 600 >/dev/null

q() { sqlite3 -separator $'\t' "$DB" "$1"; }
ORDER_ID=$(q "SELECT o.id FROM orders o WHERE o.status = 'paid' AND o.gift_message = ''
              AND (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) >= 2 ORDER BY o.id LIMIT 1")
[ -n "$ORDER_ID" ] || fail "the demo shop has no paid order with two lines"
NUMBER=$(q "SELECT number FROM orders WHERE id = $ORDER_ID")
CITY=$(q "SELECT ship_city FROM orders WHERE id = $ORDER_ID")

"$COURTESY_BIN" --db "$DB" slips --order "$NUMBER" --size a6 --print "$QUEUE" | tee "$WORK/print.out"
grep -q "sent to $QUEUE" "$WORK/print.out" || fail "courtesy slips did not report the job"

PRINTED=""
for _ in $(seq $((WAIT * 5))); do
  PRINTED=$(find "$OUT" -name '*.pdf' -size +1k 2>/dev/null | head -n 1)
  [ -n "$PRINTED" ] && ! pgrep -f "cups-pdf" >/dev/null && break
  sleep 0.2
done
[ -n "$PRINTED" ] || { lpstat -W all -o "$QUEUE" || true; tail -n 20 /var/log/cups/error_log 2>/dev/null || true; fail "no printed file arrived in $OUT within ${WAIT}s"; }
ok "the printed file arrived: $PRINTED"

pdftotext -layout "$PRINTED" "$WORK/printed.txt"
grep -qF -- "$NUMBER" "$WORK/printed.txt" || fail "the printed slip lacks the order number $NUMBER"
grep -qF -- "$CITY" "$WORK/printed.txt" || fail "the printed slip lacks the ship-to city $CITY"
while IFS=$'\t' read -r sku name; do
  # Long names wrap on an A6 slip: look for their first word and the whole SKU.
  grep -qF -- "${name%% *}" "$WORK/printed.txt" || fail "the printed slip lacks the line '$name'"
  grep -qF -- "$sku" "$WORK/printed.txt" || fail "the printed slip lacks the SKU $sku"
done < <(q "SELECT sku, name FROM order_lines WHERE order_id = $ORDER_ID")
ok "the printed text has the order number, the city and every line"

"$COURTESY_BIN" --db "$DB" slips --order "$NUMBER" --size a6 -o "$WORK/saved.pdf" >/dev/null
pdftotext -layout "$WORK/saved.pdf" "$WORK/saved.txt"
grep -qiE "copy|kopia|копия|kopio" "$WORK/saved.txt" || fail "the second slip of the order does not say COPY"
# The saved copy is the printed slip plus its COPY mark.
strip() { grep -viE "copy|kopia|копия|kopio" "$1" | tr -s ' \n' | sed '/^ *$/d'; }
if ! diff <(strip "$WORK/printed.txt") <(strip "$WORK/saved.txt") >"$WORK/diff.txt"; then
  cat "$WORK/diff.txt"
  fail "the printed slip's text differs from the slip itself"
fi
ok "the printed text matches the slip"

LOG=$(q "SELECT destination, printer, page_size, copy_number FROM slip_prints WHERE order_id = $ORDER_ID ORDER BY copy_number")
EXPECTED=$(printf 'printer\t%s\ta6\t0\nfile\t\ta6\t1' "$QUEUE")
[ "$LOG" = "$EXPECTED" ] || fail "the print log is
$LOG
expected
$EXPECTED"
ok "the print log has the printed job (copy 0) and the saved copy (copy 1)"

if "$COURTESY_BIN" --db "$DB" slips --order "$NUMBER" --print "NoSuchQueue-$$" 2>"$WORK/err.txt"; then
  fail "printing to a missing queue succeeded"
fi
grep -q "no printer called NoSuchQueue-$$" "$WORK/err.txt" || fail "unclear error: $(cat "$WORK/err.txt")"
[ "$(q "SELECT count(*) FROM slip_prints WHERE order_id = $ORDER_ID")" = 2 ] || fail "a failed print was logged"
ok "a missing printer gives a clear error and logs nothing"

echo "print test: 1 passed, 0 failed"
