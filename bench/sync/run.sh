#!/usr/bin/env bash
# Sync benchmark: `courtesy sync` of 100,000 orders from a fake shop on
# 127.0.0.1 (courtesy-fakeshop) against `courtesy import` of the very same
# orders as a file, side by side:
#
#   shopify sync        first sync of a Shopify connection: the bulk export of
#                       customers, then of orders, each streamed as JSONL and
#                       written 1,000 records a page
#   woocommerce sync    first sync of a WooCommerce connection: customers, then
#                       orders, 100 a page over REST v3
#   woocommerce import  the peer: `courtesy import` of the same orders as one
#                       WooCommerce JSON export (`courtesy-fakeshop woo-export`
#                       with the server's --orders, --seed and --now)
#
# Each into a fresh database. For each: wall time, CPU time of the courtesy
# process alone (user + sys from `/usr/bin/time -v`; the fake shop is another
# process and is not counted), orders/s (orders / wall), peak RSS ("Maximum
# resident set size") and, for the syncs, the requests sent and the seconds
# waited for the shop as `courtesy sync` reports them, and the fake shop's own
# CPU time while it served the sync (from /proc; the same machine's cores, and
# the main part of the wall time the sync spends waiting). Every database must end
# with exactly BENCH_ORDERS orders (checked with sqlite3).
#
# Targets, printed with PASS/FAIL: each sync's own time (CPU seconds of the
# courtesy process: the shop's work and the waiting left out) within 1.5x the
# file import's, and each sync's peak RSS <= 150 MB. The wall-time ratio is
# printed too, for information: the fake shop runs on the same machine and its
# work (building pages, serving JSONL) competes with courtesy's for the cores.
# The fake shop builds its bulk JSONL on the first request for it; the script
# asks for both files once before the runs, so that is not timed.
# The report also goes to bench/out/sync.txt.
#
#   bash bench/sync/run.sh
#
# Environment: BENCH_ORDERS (100000), BENCH_SEED (7, the fake shop's generator
# seed), COURTESY_BIN and FAKESHOP_BIN (skip the release build and use these
# binaries; FAKESHOP_BIN defaults to courtesy-fakeshop beside COURTESY_BIN),
# BENCH_WORK (target/tmp/sync-bench; the export file is kept there and reused
# while the fake shop's binary and arguments are the same), BENCH_REPORT
# (bench/out/sync.txt).
# Exits 0 whether or not the targets are met (the report says); 1 when a
# contender fails to run or a database does not hold exactly BENCH_ORDERS orders.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

ORDERS=${BENCH_ORDERS:-100000}
SEED=${BENCH_SEED:-7}
NOW=2026-11-30T12:00:00Z
WORK=${BENCH_WORK:-$ROOT/target/tmp/sync-bench}
OUT_DIR=$ROOT/bench/out
REPORT=${BENCH_REPORT:-$OUT_DIR/sync.txt}
TARGET_CPU_RATIO=1.5
TARGET_RSS_MB=150
# The fake shop's credentials (its defaults), given as a headless desk gives them.
export COURTESY_NO_KEYCHAIN=1
export COURTESY_WC_KEY=ck_fake0000000000000000000000000000000000
export COURTESY_WC_SECRET=cs_fake0000000000000000000000000000000000
export COURTESY_SHOPIFY_TOKEN=shpat_fake000000000000000000000000

die() { echo "error: $*" >&2; exit 1; }
now() { date +%s.%N; }

server=""
# shellcheck disable=SC2317 # (run by the EXIT trap)
finish() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
}
trap finish EXIT

command -v sqlite3 >/dev/null || die "sqlite3 is missing (bash scripts/install-deps.sh installs it)"
command -v curl >/dev/null || die "curl is missing"
bash bench/gnu-time.sh

mkdir -p "$WORK" "$OUT_DIR"

# -- the binaries -----------------------------------------------------------------------
if [ -n "${COURTESY_BIN:-}" ]; then
  BIN=$COURTESY_BIN
  bin_note="COURTESY_BIN"
else
  bin_note=""
  echo "== building courtesy-cli and courtesy-fakeshop (release)"
  cargo build -q --release -p courtesy-cli -p courtesy-fakeshop
  BIN=$ROOT/target/release/courtesy
fi
FAKESHOP=${FAKESHOP_BIN:-$(dirname "$BIN")/courtesy-fakeshop}
[ -x "$BIN" ] || die "$BIN is not an executable"
[ -x "$FAKESHOP" ] || die "no courtesy-fakeshop binary at $FAKESHOP (set FAKESHOP_BIN)"

# -- the export file: reused while the fake shop and its arguments are the same -------
shop_id=$(sha256sum "$FAKESHOP" | cut -c1-8)
EXPORT=$WORK/woo-orders-$ORDERS-seed$SEED-shop$shop_id.json
if [ -s "$EXPORT" ]; then
  export_note="reused"
else
  echo "== writing $EXPORT"
  rm -f "$WORK"/woo-orders-"$ORDERS"-seed"$SEED"-shop*.json
  "$FAKESHOP" woo-export --orders "$ORDERS" --seed "$SEED" --now "$NOW" -o "$EXPORT.partial" >/dev/null
  mv "$EXPORT.partial" "$EXPORT"
  export_note="written"
fi
export_mb=$(du -m "$EXPORT" | cut -f1)

# -- the fake shop ----------------------------------------------------------------------
echo "== fake shop: $ORDERS orders"
# shellcheck source=scripts/fakeshop.sh
source "$ROOT/scripts/fakeshop.sh"
start_fakeshop "$WORK" --orders "$ORDERS" --seed "$SEED" --now "$NOW"
server=$FAKESHOP_PID
URL=$FAKESHOP_URL
sed 's/^/   /' "$WORK/fakeshop.log"
# The bulk exports' JSONL is built on its first request: build it now, untimed.
for n in 1 2; do
  curl -sSf -o /dev/null -H "X-Shopify-Access-Token: $COURTESY_SHOPIFY_TOKEN" "$URL/bulk/$n.jsonl" \
    || die "the fake shop did not serve /bulk/$n.jsonl"
done
bulk_mb=$(curl -sSf -H "X-Shopify-Access-Token: $COURTESY_SHOPIFY_TOKEN" "$URL/bulk/2.jsonl" | wc -c \
  | awk '{ printf "%.0f", $1 / 1048576 }')

# Warm the page cache so the import does not pay for the first read of the file.
cat "$EXPORT" >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# measure NAME CMD... : runs CMD under /usr/bin/time -v; sets M_WALL (s), M_RSS
# (MB), M_CPU (user+sys s of CMD and its children) and keeps its output.
measure() {
  local name=$1
  shift
  local t0 t1 log=$WORK/$name.log tv=$WORK/$name.time
  echo "== $name"
  t0=$(now)
  if ! /usr/bin/time -v -o "$tv" "$@" >"$log" 2>&1; then
    cat "$log" >&2
    die "$name failed"
  fi
  t1=$(now)
  M_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  M_RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tv")
  M_CPU=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$tv")
  awk 'NR <= 8 { print "   " $0 }' "$log"
}

# CPU seconds (user + sys) the fake shop has used so far.
TICKS=$(getconf CLK_TCK)
shop_cpu() { awk -v t="$TICKS" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / t }' "/proc/$server/stat"; }

fresh_db() { rm -f "$1" "$1"-wal "$1"-shm "$1"-journal; }

declare -A WALL RSS CPU REQ WAITED SHOPCPU COUNTS
run_sync() { # key kind
  local key=$1 kind=$2 db=$WORK/$1.sqlite line c0
  fresh_db "$db"
  "$BIN" --db "$db" shop add "$kind" Shop --url "$URL" >/dev/null || die "could not add the $kind shop"
  c0=$(shop_cpu)
  measure "$key-sync" "$BIN" --db "$db" sync -q
  SHOPCPU[$key]=$(awk -v a="$c0" -v b="$(shop_cpu)" 'BEGIN { printf "%.2f", b - a }')
  # "Synced Shop in 12.3 s (finished): 1002 requests, 0.0 s waited for the shop."
  line=$(grep -m1 '^Synced ' "$WORK/$key-sync.log") || die "$key: no summary line in the sync's output"
  case $line in
    *"(finished)"*) ;;
    *) die "$key: the sync did not finish: $line" ;;
  esac
  REQ[$key]=$(sed -E 's/.*: ([0-9]+) requests, .*/\1/' <<<"$line")
  WAITED[$key]=$(sed -E 's/.* requests, ([0-9.]+) s waited.*/\1/' <<<"$line")
  WALL[$key]=$M_WALL RSS[$key]=$M_RSS CPU[$key]=$M_CPU
}

run_sync shopify shopify
run_sync woo woocommerce
fresh_db "$WORK/import.sqlite"
measure "woo-import" "$BIN" --db "$WORK/import.sqlite" import --quiet "$EXPORT"
WALL[import]=$M_WALL RSS[import]=$M_RSS CPU[import]=$M_CPU REQ[import]="-" WAITED[import]="-" SHOPCPU[import]="-"

# -- every database holds exactly the shop's orders -------------------------------------
bad=""
for key in shopify woo import; do
  db=$WORK/$key.sqlite
  n=$(sqlite3 "$db" "SELECT count(*) FROM orders")
  COUNTS[$key]=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM orders) || ' orders, ' ||
    (SELECT count(*) FROM order_lines) || ' lines, ' || (SELECT count(*) FROM customers) || ' customers'")
  [ "$n" = "$ORDERS" ] || bad="$bad $key:$n"
done

rate() { awk -v n="$ORDERS" -v t="$1" 'BEGIN { printf "%.0f", n / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v lim="$2" 'BEGIN { print (v <= lim) ? "PASS" : "FAIL" }'; }
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=""
if [ -n "$(GIT_OPTIONAL_LOCKS=0 git status --porcelain --untracked-files=no -- crates src-tauri Cargo.toml Cargo.lock 2>/dev/null || true)" ]; then
  dirty=" + uncommitted changes"
fi
label() {
  case $1 in
    shopify) echo "shopify sync (bulk)" ;;
    woo) echo "woocommerce sync" ;;
    import) echo "woocommerce import" ;;
  esac
}

{
  echo "Courtesy sync benchmark: $ORDERS orders from a fake shop on 127.0.0.1, against importing them from a file"
  echo "fake shop: $FAKESHOP (seed $SEED, now $NOW; bulk orders JSONL $bulk_mb MB, built before the runs)"
  echo "file: $EXPORT ($export_mb MB, $export_note)"
  echo "binary: $BIN (${bin_note:-release build of commit $commit$dirty})"
  echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average before the runs: $load_before (other work on the machine skews the figures)"
  echo
  printf '%-20s %8s %8s %10s %12s %9s %9s %11s\n' "" "wall s" "CPU s" "orders/s" "peak RSS MB" "requests" "waited s" "shop CPU s"
  for key in shopify woo import; do
    printf '%-20s %8s %8s %10s %12s %9s %9s %11s\n' "$(label $key)" "${WALL[$key]}" "${CPU[$key]}" \
      "$(rate "${WALL[$key]}")" "${RSS[$key]}" "${REQ[$key]}" "${WAITED[$key]}" "${SHOPCPU[$key]}"
  done
  echo
  for key in shopify woo import; do
    printf '%-20s %s\n' "$(label $key):" "${COUNTS[$key]}"
  done
  echo "CPU s: the courtesy process alone (user + sys); the fake shop's work is not in it (shop CPU s:"
  echo "  what the fake shop used meanwhile; waited s: what courtesy waited for the shop's rate limit)."
  echo "The syncs read the shop's customers too (a pass of their own); the import reads the orders only."
  for key in shopify woo; do
    echo "$(label $key) vs the import: $(ratio "${CPU[$key]}" "${CPU[import]}")x the CPU time," \
      "$(ratio "${WALL[$key]}" "${WALL[import]}")x the wall time (wall: for information)"
  done
  echo
  echo "targets (each sync)"
  for key in shopify woo; do
    r=$(ratio "${CPU[$key]}" "${CPU[import]}")
    printf '  %-48s %-12s %s\n' "$(label $key): CPU <= ${TARGET_CPU_RATIO}x the import's" "${r}x" \
      "$(verdict "$r" "$TARGET_CPU_RATIO")"
    printf '  %-48s %-12s %s\n' "$(label $key): peak RSS <= $TARGET_RSS_MB MB" "${RSS[$key]} MB" \
      "$(verdict "${RSS[$key]}" "$TARGET_RSS_MB")"
  done
  if [ -n "$bad" ]; then
    echo
    echo "FAIL: every database must hold $ORDERS orders; found${bad}"
  fi
} | tee "$REPORT"
echo
echo "report written to ${REPORT#"$ROOT"/}"
[ -z "$bad" ] || exit 1
