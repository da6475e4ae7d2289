#!/usr/bin/env bash
# Crash test of `courtesy import`: kills the import with SIGKILL at random
# moments, re-runs it each time, lets it finish, and checks that the database is
# intact and holds exactly what one clean import gives — nothing lost, nothing
# duplicated.
#
#   bash scripts/import-crash-test.sh
#
# 1. builds `courtesy-cli` (debug) unless COURTESY_BIN names a binary;
# 2. generates a Shopify orders export with scripts/make-shopify-orders.py, sized
#    from a short calibration import so that one import takes about
#    CRASH_IMPORT_SECONDS (20 s; 50,000–300,000 lines);
# 3. imports it once into a reference database (timed: T);
# 4. into a second database: starts the import, kills it with SIGKILL after a
#    random delay (from the start, through re-reading what earlier runs
#    committed, into writing new batches; see below), and starts it again,
#    until CRASH_KILLS (10) kills have landed; then runs it to completion;
# 5. checks the crashed database: PRAGMA integrity_check and foreign_key_check,
#    the FTS5 search index's integrity-check, no duplicate orders (source +
#    external id), customers (e-mail), order lines (order + position) or phones,
#    and the same counts as the reference: customers, orders, order lines,
#    phones, addresses, search rows, sum of orders.total_minor, and the runs'
#    summed new-customer / new-order counts; the same search row and the same
#    purchases and last order for every customer; no mark of customers whose
#    search rows and figures wait to be settled.
#
# Prints the kill times and a PASS/FAIL table; the last line is
# `crash test: 1 passed, 0 failed` (or `0 passed, 1 failed`, exit status 1).
#
# Environment: COURTESY_BIN (skip the build, use this binary), CRASH_LINES (skip
# calibration), CRASH_IMPORT_SECONDS (20), CRASH_KILLS (10), CRASH_SEED (random
# kill delays; printed, so a run can be repeated), CRASH_FILE_SEED (generator
# seed, 42), CRASH_WORK (target/tmp/import-crash-test).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

KILLS=${CRASH_KILLS:-10}
TARGET_SECONDS=${CRASH_IMPORT_SECONDS:-20}
SEED=${CRASH_SEED:-$(( $(date +%s) % 100000 ))}
FILE_SEED=${CRASH_FILE_SEED:-42}
WORK=${CRASH_WORK:-$ROOT/target/tmp/import-crash-test}
# How long the store gathers an import's batches into one transaction
# (COMMIT_AFTER in crates/store/src/import_batches.rs).
COMMIT_SECONDS=2
MIN_LINES=50000
MAX_LINES=300000
CALIBRATION_LINES=10000

started=$(date +%s.%N)
child=""
summary_printed=""

# shellcheck disable=SC2317 # (run by the EXIT trap)
finish() {
  local status=$?
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -KILL "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  if [ -z "$summary_printed" ]; then
    echo "FAIL: the crash test stopped before its checks (status $status)"
    echo "crash test: 0 passed, 1 failed"
    exit 1
  fi
}
trap finish EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
die() { echo "error: $*" >&2; exit 1; }

command -v sqlite3 >/dev/null || die "sqlite3 is missing (bash scripts/install-deps.sh installs it)"
command -v python3 >/dev/null || die "python3 is missing"

if [ -n "${COURTESY_BIN:-}" ]; then
  BIN=$COURTESY_BIN
else
  echo "== building courtesy-cli (debug)"
  cargo build -q -p courtesy-cli
  BIN=$ROOT/target/debug/courtesy
fi
[ -x "$BIN" ] || die "$BIN is not an executable"

rm -rf "$WORK"
mkdir -p "$WORK"
CSV=$WORK/orders.csv
REF=$WORK/reference.sqlite
DB=$WORK/crashed.sqlite

# A clean import of FILE into DB, timed; prints the seconds it took.
timed_import() {
  local db=$1 file=$2 log=$3 t0
  t0=$(now)
  "$BIN" --db "$db" import --quiet "$file" >"$log" 2>&1 || { cat "$log" >&2; die "import of $file into $db failed"; }
  since "$t0"
}

# -- size the file ------------------------------------------------------------
if [ -n "${CRASH_LINES:-}" ]; then
  LINES=$CRASH_LINES
  echo "== file size: $LINES lines (CRASH_LINES)"
else
  python3 scripts/make-shopify-orders.py "$CALIBRATION_LINES" "$WORK/calibration.csv" --seed "$FILE_SEED" 2>/dev/null
  t=$(timed_import "$WORK/calibration.sqlite" "$WORK/calibration.csv" "$WORK/calibration.log")
  # Imports slow down as the database grows: 0.85 of the small file's rate.
  LINES=$(awk -v n="$CALIBRATION_LINES" -v t="$t" -v want="$TARGET_SECONDS" -v lo="$MIN_LINES" -v hi="$MAX_LINES" \
    'BEGIN { l = int(0.85 * n / t * want / 1000) * 1000; if (l < lo) l = lo; if (l > hi) l = hi; print l }')
  rate=$(awk -v n="$CALIBRATION_LINES" -v t="$t" 'BEGIN { printf "%.0f", n / t }')
  echo "== file size: $LINES lines (calibration: $CALIBRATION_LINES lines in $t s, $rate lines/s; aiming at ${TARGET_SECONDS} s per import)"
  rm -f "$WORK"/calibration.*
fi
python3 scripts/make-shopify-orders.py "$LINES" "$CSV" --seed "$FILE_SEED"

# -- reference ------------------------------------------------------------------
echo "== reference import"
T=$(timed_import "$REF" "$CSV" "$WORK/reference.log")
sed 's/^/   /' "$WORK/reference.log"
echo "   took $T s"
ref_orders=$(sqlite3 "$REF" "SELECT count(*) FROM orders")
[ "$ref_orders" -gt 0 ] || die "the reference import wrote no orders"

# -- kill, re-run, repeat ---------------------------------------------------------
echo "== killing imports into $DB (seed $SEED, $KILLS kills)"
printf '   %-4s %-9s %-9s %-30s %s\n' "run" "delay s" "outcome" "orders in db: before -> after" "runs running/finished"
kills=0
completed=0
attempt=0
kill_times=()
max_attempts=$(( KILLS * 3 ))
while [ "$kills" -lt "$KILLS" ]; do
  attempt=$(( attempt + 1 ))
  [ "$attempt" -le "$max_attempts" ] || die "only $kills of $KILLS kills landed in $max_attempts runs"
  # Read-only, so the look does not checkpoint the WAL the killed run left:
  # the next run has to recover from it.
  done_orders=$(sqlite3 -readonly "$DB" "SELECT count(*) FROM orders" 2>/dev/null || echo 0)
  # A run first settles what a killed run left (opening the database checks
  # every customer's search row and figures) and re-reads what earlier runs
  # committed (together less than half the cost of writing it), then writes
  # the rest, committing about every COMMIT_SECONDS (the store gathers batches
  # into one transaction for that long), and at the end settles the search
  # rows and figures of the customers it wrote. The kill falls at a random
  # moment from the start up to, mostly, 2.5 T / KILLS (at least three
  # commits) into the writing, so the kills spread over the whole file instead
  # of the first run writing most of it; in one run of seven, anywhere in the
  # run's expected duration (also while it settles). A run that finishes first
  # is fine: the next ones re-import the whole file and are killed while
  # re-reading it.
  delay=$(awk -v s="$SEED" -v i="$attempt" -v T="$T" -v k="$KILLS" -v done="$done_orders" -v all="$ref_orders" -v commit="$COMMIT_SECONDS" 'BEGIN {
      srand(s * 1000 + i); f = done / all; if (f > 1) f = 1
      rescan = 0.4 * f * T
      if (f >= 1) window = 0.9 * rescan
      else if (rand() < 0.15) window = rescan + (1 - f) * T
      else { w = 2.5 * T / k; if (w < 3 * commit) w = 3 * commit; window = rescan + w }
      d = rand() * window; if (d < 0.05) d = 0.05
      printf "%.2f", d }')
  "$BIN" --db "$DB" import --quiet "$CSV" >"$WORK/run-$attempt.log" 2>&1 &
  child=$!
  sleep "$delay"
  kill -KILL "$child" 2>/dev/null || true
  set +e
  wait "$child" 2>/dev/null # (no "Killed" job notice)
  rc=$?
  set -e
  child=""
  if [ "$rc" -eq 137 ]; then
    kills=$(( kills + 1 ))
    kill_times+=("$delay")
    outcome="killed"
  elif [ "$rc" -eq 0 ]; then
    completed=$(( completed + 1 ))
    outcome="finished"
  else
    cat "$WORK/run-$attempt.log" >&2
    die "run $attempt exited with status $rc"
  fi
  state=$(sqlite3 -readonly "$DB" "SELECT (SELECT count(*) FROM orders), (SELECT count(*) FROM import_runs WHERE status = 'running'), (SELECT count(*) FROM import_runs WHERE status = 'finished')" 2>/dev/null || echo "?|?|?")
  IFS='|' read -r n running finished <<<"$state"
  pct=$(awk -v n="$n" -v a="$ref_orders" 'BEGIN { if (n ~ /^[0-9]+$/) printf "%.1f", 100 * n / a; else print "?" }')
  printf '   %-4s %-9s %-9s %-30s %s\n' "$attempt" "$delay" "$outcome" "$done_orders -> $n ($pct %)" "$running/$finished"
done
echo "== final run to completion"
t_final=$(timed_import "$DB" "$CSV" "$WORK/final.log")
sed 's/^/   /' "$WORK/final.log"
echo "   took $t_final s"

# -- checks ---------------------------------------------------------------------------
failures=0
results=()
check() { # name, crashed value, expected value
  local verdict=PASS
  if [ "$2" != "$3" ]; then verdict=FAIL; failures=$(( failures + 1 )); fi
  results+=("$(printf '%-44s %-14s %-14s %s' "$1" "$2" "$3" "$verdict")")
}
q() { sqlite3 -batch -noheader "$1" "$2"; }

check "PRAGMA integrity_check" "$(q "$DB" 'PRAGMA integrity_check')" "ok"
check "PRAGMA foreign_key_check (rows)" "$(q "$DB" 'PRAGMA foreign_key_check' | wc -l | tr -d ' ')" "0"
check "search index (FTS5 integrity-check)" \
  "$(q "$DB" "INSERT INTO customer_search(customer_search) VALUES ('integrity-check')" >/dev/null 2>&1 && echo ok || echo broken)" "ok"
check "duplicate orders (source, external_id)" \
  "$(q "$DB" 'SELECT count(*) FROM (SELECT source, external_id, count(*) FROM orders GROUP BY source, external_id HAVING count(*) > 1)')" "0"
check "duplicate customers (email)" \
  "$(q "$DB" 'SELECT count(*) FROM (SELECT email, count(*) FROM customers WHERE email IS NOT NULL GROUP BY email HAVING count(*) > 1)')" "0"
check "duplicate order lines (order_id, position)" \
  "$(q "$DB" 'SELECT count(*) FROM (SELECT order_id, position, count(*) FROM order_lines GROUP BY order_id, position HAVING count(*) > 1)')" "0"
check "duplicate phones (customer, e164 or raw)" \
  "$(q "$DB" 'SELECT count(*) FROM (SELECT customer_id, coalesce(e164, raw), count(*) FROM customer_phones GROUP BY 1, 2 HAVING count(*) > 1)')" "0"
check "last run finished" "$(q "$DB" 'SELECT status FROM import_runs ORDER BY id DESC LIMIT 1')" "finished"

# Search rows and figures per customer, keyed by what the customer is (ids may differ).
SEARCH_ROWS="SELECT c.email, c.first_name, c.last_name, s.name, s.contact, s.orders
  FROM customers c LEFT JOIN customer_search s ON s.rowid = c.id ORDER BY 1, 2, 3, 4, 5, 6"
FIGURES="SELECT email, first_name, last_name, order_count, last_order_at FROM customers ORDER BY 1, 2, 3, 4, 5"
check "search rows, customer by customer (md5)" "$(q "$DB" "$SEARCH_ROWS" | md5sum | cut -c1-12)" "$(q "$REF" "$SEARCH_ROWS" | md5sum | cut -c1-12)"
check "purchases and last order, per customer (md5)" "$(q "$DB" "$FIGURES" | md5sum | cut -c1-12)" "$(q "$REF" "$FIGURES" | md5sum | cut -c1-12)"
check "mark of unsettled customers left" "$(q "$DB" "SELECT count(*) FROM settings WHERE key LIKE 'import.%'")" "0"

COUNTS=(
  "customers|SELECT count(*) FROM customers"
  "orders|SELECT count(*) FROM orders"
  "order_lines|SELECT count(*) FROM order_lines"
  "customer_phones|SELECT count(*) FROM customer_phones"
  "customer_addresses|SELECT count(*) FROM customer_addresses"
  "customer_search rows|SELECT count(*) FROM customer_search"
  "sum(orders.total_minor)|SELECT sum(total_minor) FROM orders"
  "sum(customers.order_count)|SELECT sum(order_count) FROM customers"
  "runs: sum(customers_new)|SELECT sum(customers_new) FROM import_runs"
  "runs: sum(orders_new)|SELECT sum(orders_new) FROM import_runs"
)
for entry in "${COUNTS[@]}"; do
  name=${entry%%|*}
  sql=${entry#*|}
  check "$name" "$(q "$DB" "$sql")" "$(q "$REF" "$sql")"
done

echo
echo "== results ($LINES lines, $ref_orders orders; reference import $T s)"
printf '   %-44s %-14s %-14s %s\n' "check" "crashed db" "expected" ""
for r in "${results[@]}"; do echo "   $r"; done
echo
echo "kills: ${#kill_times[@]} (seed $SEED) at ${kill_times[*]} s after start; $completed run(s) finished before their kill; final run $t_final s"
echo "runs recorded: $(q "$DB" "SELECT group_concat(status || ' ' || n, ', ') FROM (SELECT status, count(*) AS n FROM import_runs GROUP BY status)")"
echo "total time: $(since "$started") s"
summary_printed=1
if [ "$failures" -eq 0 ]; then
  echo "PASS: the crashed database is intact and equals the reference"
  echo "crash test: 1 passed, 0 failed"
  exit 0
fi
echo "FAIL: $failures check(s) failed; databases kept in $WORK"
echo "crash test: 0 passed, 1 failed"
exit 1
