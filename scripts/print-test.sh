#!/usr/bin/env bash
# Printing test through a real CUPS queue: starts the CUPS scheduler when it is
# not running, adds a cups-pdf queue (a printer that writes each job as a PDF
# file), prints a packing slip to it with `courtesy slips --print QUEUE`, and
# checks that
#   1. the printed file arrives (within PRINT_WAIT seconds),
#   2. it is the slip: the same page size, the same picture page by page (the
#      printed file and the slip rendered by pdftoppm differ in under 1% of
#      pixels), its barcode decodes (zbarimg) to the order number, and the
#      slip's text (pdftotext) carries the order number, every line's name and
#      SKU and the ship-to city. (cups-pdf turns every job into PostScript and
#      back, which keeps the picture but not the text layer of embedded CID
#      fonts, so the text is read from the slip and the print compared with it
#      as a picture.) The slip saved with `-o` afterwards says COPY;
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

for tool in lpstat pdftotext pdftoppm zbarimg compare convert identify sqlite3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (bash scripts/install-deps.sh installs it)"
done

if [ -z "${COURTESY_BIN:-}" ]; then
  cargo build -q -p courtesy-cli
  COURTESY_BIN=${CARGO_TARGET_DIR:-$PWD/target}/debug/courtesy
fi

# The scheduler and the cups-pdf queue (the folder its files go to comes last).
OUT=$(PRINT_QUEUE="$QUEUE" bash scripts/cups-queue.sh | tail -n 1) || fail "no CUPS queue (see above)"
[ -d "$OUT" ] || fail "no CUPS queue (see above)"
ok "queue $QUEUE (cups-pdf) ready, output in $OUT"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB=$WORK/shop.sqlite
"$COURTESY_BIN" --db "$DB" demo --bare --seed 7 --customers 200 --orders 600 >/dev/null

q() { sqlite3 -separator $'\t' "$DB" "$1"; }
# A waiting order (paid if there is one) with the most lines and no gift message.
ORDER_ID=$(q "SELECT o.id FROM orders o WHERE o.status IN ('paid','open','fulfilled') AND o.gift_message = ''
              ORDER BY o.status = 'paid' DESC, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) DESC, o.id
              LIMIT 1")
[ -n "$ORDER_ID" ] || fail "the demo shop has no paid, open or fulfilled order"
STATUS=$(q "SELECT status FROM orders WHERE id = $ORDER_ID")
NUMBER=$(q "SELECT number FROM orders WHERE id = $ORDER_ID")
CITY=$(q "SELECT ship_city FROM orders WHERE id = $ORDER_ID")

# The slip as it is before printing: rendered from a copy of the database, so
# that rendering it logs nothing in the one that prints.
sqlite3 "$DB" ".backup '$WORK/reference.sqlite'"
"$COURTESY_BIN" --db "$WORK/reference.sqlite" slips --status "$STATUS" --order "$NUMBER" --size a6 -o "$WORK/slip.pdf" >/dev/null

"$COURTESY_BIN" --db "$DB" slips --status "$STATUS" --order "$NUMBER" --size a6 --print "$QUEUE" | tee "$WORK/print.out"
grep -q "sent to $QUEUE" "$WORK/print.out" || fail "courtesy slips did not report the job"

PRINTED=""
for _ in $(seq $((WAIT * 5))); do
  PRINTED=$(find "$OUT" -name '*.pdf' -size +1k 2>/dev/null | head -n 1)
  [ -n "$PRINTED" ] && ! pgrep -f "cups-pdf" >/dev/null && break
  sleep 0.2
done
[ -n "$PRINTED" ] || { lpstat -W all -o "$QUEUE" || true; fail "no printed file arrived in $OUT within ${WAIT}s"; }
ok "the printed file arrived: $PRINTED"

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
size() { pdfinfo "$1" | awk '/^Page size:/ {printf "%.0f %.0f", $3, $5}'; }
# PPD sizes are whole points (A6: 297x419), the slip's exact (297.6x419.5).
read -r pw ph <<<"$(size "$PRINTED")"
read -r sw sh <<<"$(size "$WORK/slip.pdf")"
(( ${pw#-} - sw <= 2 && sw - pw <= 2 && ph - sh <= 2 && sh - ph <= 2 )) \
  || fail "the print is ${pw}x${ph} pt, the slip ${sw}x${sh} pt (A6 is 298x420)"
ok "the print has the slip's $(pages "$PRINTED") page(s), ${pw}x${ph} pt"

pdftoppm -r 100 -gray -png "$PRINTED" "$WORK/printed" 2>/dev/null
pdftoppm -r 100 -gray -png "$WORK/slip.pdf" "$WORK/slip"
for page in "$WORK"/slip-*.png; do
  printed_page="$WORK/printed-${page##*/slip-}"
  total=$(identify -format '%[fx:w*h]' "$page")
  # Scale the print to the slip's pixel size (they may differ by a point).
  # A light blur evens out how the two PDFs anti-alias the same glyphs: the
  # same slip then differs in ~0.1% of pixels, another order's slip in ~10%.
  convert "$printed_page" -resize "$(identify -format '%wx%h' "$page")!" -blur 0x1.5 "$printed_page"
  convert "$page" -blur 0x1.5 "$page"
  differ=$(compare -metric AE -fuzz 25% "$page" "$printed_page" null: 2>&1 || true)
  differ=${differ%% *}
  python3 -c "import sys; d, t = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if d / t < 0.01 else 1)" "$differ" "$total" \
    || fail "the print's ${page##*/} differs from the slip in $differ of $total pixels"
  ok "page ${page##*/slip-}: the print differs from the slip in $differ of $total pixels"
done
pdftoppm -r 200 -gray -png -f 1 -l 1 "$PRINTED" "$WORK/scan" 2>/dev/null
CODE=$(zbarimg --quiet --raw "$WORK"/scan-*.png 2>/dev/null | head -n 1)
[ "$CODE" = "$NUMBER" ] || fail "the printed barcode reads '$CODE', not $NUMBER"
ok "the printed barcode reads $NUMBER"

pdftotext -layout "$WORK/slip.pdf" "$WORK/slip.txt"
grep -qF -- "$NUMBER" "$WORK/slip.txt" || fail "the slip lacks the order number $NUMBER"
grep -qF -- "$CITY" "$WORK/slip.txt" || fail "the slip lacks the ship-to city $CITY"
while IFS=$'\t' read -r sku name; do
  # Long names wrap on an A6 slip: look for their first word and the whole SKU.
  grep -qF -- "${name%% *}" "$WORK/slip.txt" || fail "the slip lacks the line '$name'"
  grep -qF -- "$sku" "$WORK/slip.txt" || fail "the slip lacks the SKU $sku"
done < <(q "SELECT sku, name FROM order_lines WHERE order_id = $ORDER_ID")
ok "the printed slip's text has the order number, the city and every line"

"$COURTESY_BIN" --db "$DB" slips --status "$STATUS" --order "$NUMBER" --size a6 -o "$WORK/saved.pdf" >/dev/null
pdftotext -layout "$WORK/saved.pdf" "$WORK/saved.txt"
grep -qiE "copy|kopia|копия|kopio" "$WORK/saved.txt" || fail "the second slip of the order does not say COPY"
grep -qiE "copy|kopia|копия|kopio" "$WORK/slip.txt" && fail "the first slip of the order says COPY"
ok "the slip saved after printing says COPY, the printed one did not"

LOG=$(q "SELECT destination, printer, page_size, copy_number FROM slip_prints WHERE order_id = $ORDER_ID ORDER BY copy_number")
EXPECTED=$(printf 'printer\t%s\ta6\t0\nfile\t\ta6\t1' "$QUEUE")
[ "$LOG" = "$EXPECTED" ] || fail "the print log is
$LOG
expected
$EXPECTED"
ok "the print log has the printed job (copy 0) and the saved copy (copy 1)"

if "$COURTESY_BIN" --db "$DB" slips --status "$STATUS" --order "$NUMBER" --print "NoSuchQueue-$$" 2>"$WORK/err.txt"; then
  fail "printing to a missing queue succeeded"
fi
grep -q "no printer called NoSuchQueue-$$" "$WORK/err.txt" || fail "unclear error: $(cat "$WORK/err.txt")"
[ "$(q "SELECT count(*) FROM slip_prints WHERE order_id = $ORDER_ID")" = 2 ] || fail "a failed print was logged"
ok "a missing printer gives a clear error and logs nothing"

echo "print test: 1 passed, 0 failed"
