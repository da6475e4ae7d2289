#!/usr/bin/env bash
# Crash test of `courtesy sync`: kills the sync with SIGKILL at random moments
# against a fake shop on 127.0.0.1 holding 20,000 orders, re-runs it each time,
# lets it finish, and checks that the database is intact and holds exactly what
# one clean sync gives: nothing lost, nothing duplicated.
#
#   bash scripts/sync-crash-test.sh
#
# For each platform (WooCommerce's pages, then Shopify's bulk export):
# 1. syncs the fake shop once into a reference database (timed: T);
# 2. into a second database: starts `courtesy sync`, kills it with SIGKILL
#    after a random delay in [0.1 s, T], and starts it again, until
#    SYNC_CRASH_KILLS (10) kills have landed on a running sync (a run that
#    finished before its kill is followed by `sync --full`, so later kills
#    land in a whole pass again); then syncs to completion;
# 3. checks the crashed database: PRAGMA integrity_check and
#    foreign_key_check, the search index's integrity-check, no duplicate
#    customers (e-mail, shop id), orders or order lines, and the same content
#    as the reference: every order with its buyer, every line, every
#    customer with their figures, their shop ids, phones, addresses and
#    search rows, and the calls queued; each killed run that had begun
#    recorded as interrupted, none left marked running.
#
# Prints the kill times and a PASS/FAIL table; the last line is
# `sync crash test: N passed, 0 failed` (exit status 1 on any failure).
#
# Environment: COURTESY_BIN and FAKESHOP_BIN (skip the build, use these
# binaries), SYNC_CRASH_ORDERS (20000), SYNC_CRASH_KILLS (10), SYNC_CRASH_SEED
# (random kill delays; printed, so a run can be repeated), SYNC_CRASH_KINDS
# ("woocommerce shopify"), SYNC_CRASH_WORK (target/tmp/sync-crash-test).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

ORDERS=${SYNC_CRASH_ORDERS:-20000}
KILLS=${SYNC_CRASH_KILLS:-10}
SEED=${SYNC_CRASH_SEED:-$(( $(date +%s) % 100000 ))}
KINDS=${SYNC_CRASH_KINDS:-woocommerce shopify}
WORK=${SYNC_CRASH_WORK:-$ROOT/target/tmp/sync-crash-test}
# The fake shop's credentials (its defaults), given as a headless desk gives them.
export COURTESY_NO_KEYCHAIN=1
export COURTESY_WC_KEY=ck_fake0000000000000000000000000000000000
export COURTESY_WC_SECRET=cs_fake0000000000000000000000000000000000
export COURTESY_SHOPIFY_TOKEN=shpat_fake000000000000000000000000

passed=0
failed=0
child=""
server=""
summary_printed=""

# shellcheck disable=SC2317 # (run by the EXIT trap)
finish() {
  local status=$?
  for p in $child $server; do
    if kill -0 "$p" 2>/dev/null; then
      kill -KILL "$p" 2>/dev/null || true
      wait "$p" 2>/dev/null || true
    fi
  done
  if [ -z "$summary_printed" ]; then
    echo "FAIL: the sync crash test stopped before its checks (status $status)"
    echo "sync crash test: $passed passed, $((failed + 1)) failed"
    exit 1
  fi
}
trap finish EXIT

die() { echo "error: $*" >&2; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

command -v sqlite3 >/dev/null || die "sqlite3 is missing (bash scripts/install-deps.sh installs it)"
if [ -z "${COURTESY_BIN:-}" ]; then
  echo "== building courtesy-cli and courtesy-fakeshop (debug)"
  cargo build -q -p courtesy-cli -p courtesy-fakeshop
fi
BIN=${COURTESY_BIN:-$ROOT/target/debug/courtesy}
# The fake shop beside the CLI (scripts/build.sh builds both), else built here.
FAKESHOP=${FAKESHOP_BIN:-$(dirname "$BIN")/courtesy-fakeshop}
if [ ! -x "$FAKESHOP" ]; then
  echo "== building courtesy-fakeshop (debug)"
  cargo build -q -p courtesy-fakeshop
  FAKESHOP=$ROOT/target/debug/courtesy-fakeshop
fi
[ -x "$BIN" ] || die "no courtesy binary at $BIN"
[ -x "$FAKESHOP" ] || die "no courtesy-fakeshop binary at $FAKESHOP"

rm -rf "$WORK"
mkdir -p "$WORK"
echo "== fake shop: $ORDERS orders"
# shellcheck source=scripts/fakeshop.sh
source "$ROOT/scripts/fakeshop.sh"
start_fakeshop "$WORK" --orders "$ORDERS" --now 2026-11-30T12:00:00Z
server=$FAKESHOP_PID
URL=$FAKESHOP_URL
cat "$WORK/fakeshop.log"

RANDOM=$SEED
echo "kill delays from seed $SEED (SYNC_CRASH_SEED=$SEED repeats them)"

# A database with one connection to the fake shop.
connect() { # DB KIND
  COURTESY_DB=$1 "$BIN" shop add "$2" Shop --url "$URL" >/dev/null
}

# One check: NAME, then a command whose output must equal the reference's.
same() { # NAME SQL
  local name=$1 sql=$2 a b
  a=$(sqlite3 "$REF" "$sql" | sha256sum)
  b=$(sqlite3 "$DB" "$sql" | sha256sum)
  if [ "$a" = "$b" ]; then
    printf '  PASS  %-44s %s\n' "$name" "$(sqlite3 "$DB" "SELECT count(*) FROM ($sql)") rows"
    passed=$((passed + 1))
  else
    printf '  FAIL  %-44s reference %s rows, crashed %s rows\n' "$name" \
      "$(sqlite3 "$REF" "SELECT count(*) FROM ($sql)")" "$(sqlite3 "$DB" "SELECT count(*) FROM ($sql)")"
    diff <(sqlite3 "$REF" "$sql") <(sqlite3 "$DB" "$sql") | head -6 | sed 's/^/        /'
    failed=$((failed + 1))
  fi
}

expect() { # NAME SQL WANT
  local got
  got=$(sqlite3 "$DB" "$2")
  if [ "$got" = "$3" ]; then
    printf '  PASS  %-44s %s\n' "$1" "$got"
    passed=$((passed + 1))
  else
    printf '  FAIL  %-44s got %s, want %s\n' "$1" "$got" "$3"
    failed=$((failed + 1))
  fi
}

for KIND in $KINDS; do
  REF=$WORK/$KIND-reference.sqlite
  DB=$WORK/$KIND-crashed.sqlite
  echo
  echo "== $KIND: reference sync"
  connect "$REF" "$KIND"
  t0=$(now)
  COURTESY_DB=$REF "$BIN" sync -q >"$WORK/$KIND-reference.log" 2>&1 || { cat "$WORK/$KIND-reference.log"; die "the reference sync failed"; }
  T=$(since "$t0")
  echo "   one clean sync: $T s"
  T_MS=$(awk -v t="$T" 'BEGIN { printf "%d", t * 1000 }')

  echo "== $KIND: $KILLS kills"
  connect "$DB" "$KIND"
  landed=0 tries=0 full=""
  while [ "$landed" -lt "$KILLS" ] && [ "$tries" -lt $((KILLS * 4)) ]; do
    tries=$((tries + 1))
    delay_ms=$(( 100 + (RANDOM * 32768 + RANDOM) % (T_MS > 100 ? T_MS : 101) ))
    COURTESY_DB=$DB "$BIN" sync -q $full >>"$WORK/$KIND-crashed.log" 2>&1 &
    child=$!
    sleep "$(awk -v m="$delay_ms" 'BEGIN { printf "%.3f", m / 1000 }')"
    if kill -KILL "$child" 2>/dev/null; then
      wait "$child" 2>/dev/null || true
      landed=$((landed + 1)) full=""
      printf '   kill %2d after %5d ms\n' "$landed" "$delay_ms"
    else
      wait "$child" || die "a sync failed: $(tail -3 "$WORK/$KIND-crashed.log")"
      full="--full"
      printf '   (run finished before its kill at %d ms; the next one reads the whole shop again)\n' "$delay_ms"
    fi
    child=""
  done
  [ "$landed" -ge "$KILLS" ] || die "only $landed of $KILLS kills landed on a running sync"
  COURTESY_DB=$DB "$BIN" sync -q >>"$WORK/$KIND-crashed.log" 2>&1 || die "the last sync failed: $(tail -3 "$WORK/$KIND-crashed.log")"

  echo "== $KIND: checks"
  expect "integrity_check" "PRAGMA integrity_check" "ok"
  expect "foreign_key_check" "SELECT count(*) FROM pragma_foreign_key_check" "0"
  expect "search index integrity-check" \
    "INSERT INTO customer_search(customer_search) VALUES ('integrity-check'); SELECT 'ok'" "ok"
  expect "no customer twice by e-mail" \
    "SELECT count(*) FROM (SELECT email FROM customers WHERE email IS NOT NULL GROUP BY email HAVING count(*) > 1)" "0"
  expect "no shop id on two customers" \
    "SELECT count(*) FROM (SELECT source, external_id FROM customer_external_ids GROUP BY 1, 2 HAVING count(*) > 1)" "0"
  expect "no order twice" \
    "SELECT count(*) FROM (SELECT source, external_id FROM orders GROUP BY 1, 2 HAVING count(*) > 1)" "0"
  expect "every order of the shop is in" "SELECT count(*) FROM orders" "$ORDERS"
  expect "the last run finished" \
    "SELECT status FROM import_runs WHERE connection_id IS NOT NULL ORDER BY id DESC LIMIT 1" "finished"
  # A kill before the run was recorded leaves no run behind; every other
  # killed run is recorded as interrupted.
  expect "every killed run is recorded as interrupted" \
    "SELECT count(*) FROM import_runs WHERE status <> 'finished'
       AND NOT (status = 'failed' AND failure LIKE '%shop.interrupted%')" "0"
  expect "interrupted runs: some, at most one a kill" \
    "SELECT count(*) BETWEEN 1 AND $KILLS FROM import_runs WHERE failure LIKE '%shop.interrupted%'" "1"
  expect "no run is left marked running" \
    "SELECT count(*) FROM import_runs WHERE status = 'running'" "0"
  same "orders and their buyers" \
    "SELECT o.source, o.external_id, o.number, o.status, o.placed_at, o.paid_at, o.fulfilled_at,
            o.delivered_at, o.currency, o.subtotal_minor, o.shipping_minor, o.discount_minor,
            o.tax_minor, o.total_minor, o.refunded_minor, o.shipping_method, o.ship_name,
            o.ship_line1, o.ship_postal_code, o.ship_city, o.ship_country, o.customer_note,
            o.gift_message, o.discount_codes, o.carrier, o.tracking_number, o.in_transit_at,
            o.expected_at, c.email, c.first_name, c.last_name
     FROM orders o LEFT JOIN customers c ON c.id = o.customer_id ORDER BY o.source, o.external_id"
  same "order lines" \
    "SELECT o.external_id, l.position, l.sku, l.name, l.variant, l.quantity, l.unit_price_minor
     FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY o.external_id, l.position"
  same "customers and their figures" \
    "SELECT email, first_name, middle_name, last_name, company, language, country, notes,
            do_not_call, order_count, last_order_at
     FROM customers ORDER BY email, first_name, last_name, last_order_at"
  same "customers' shop ids" \
    "SELECT c.email, c.last_name, x.source, x.external_id FROM customer_external_ids x
     JOIN customers c ON c.id = x.customer_id ORDER BY x.source, x.external_id"
  same "phones" \
    "SELECT c.email, c.last_name, p.position, p.kind, p.raw, p.e164, p.national_digits
     FROM customer_phones p JOIN customers c ON c.id = p.customer_id ORDER BY 1, 2, 3, 5"
  same "addresses" \
    "SELECT c.email, c.last_name, a.kind, a.line1, a.postal_code, a.city, a.country
     FROM customer_addresses a JOIN customers c ON c.id = a.customer_id ORDER BY 1, 2, 3, 4, 5"
  same "search rows" \
    "SELECT c.email, c.last_name, s.name, s.contact, s.orders FROM customer_search s
     JOIN customers c ON c.id = s.rowid ORDER BY 1, 2, 3, 4, 5"
  expect "a search row for every customer" \
    "SELECT (SELECT count(*) FROM customer_search) = (SELECT count(*) FROM customers)" "1"
  same "calls queued" \
    "SELECT c.email, c.last_name, k.reason, k.status FROM calls k JOIN customers c ON c.id = k.customer_id
     ORDER BY 1, 2, 3, 4"
done

summary_printed=1
echo
echo "sync crash test: $passed passed, $failed failed ($(printf '%s' "$KINDS" | wc -w) platforms, $KILLS kills each)"
[ "$failed" -eq 0 ]
