#!/usr/bin/env bash
# Import benchmark: `courtesy import` of a 1,000,000-line Shopify orders export
# against two flat baselines over the same file, side by side:
#
#   courtesy import     the release CLI into a fresh database (merging customers,
#                       orders, lines, phones, addresses, search index, stats)
#   sqlite3 .import     `sqlite3 new.db ".import --csv FILE flat"`: every row
#                       into one flat table, nothing parsed or merged
#   python csv+sqlite3  bench/import/python_flat.py: csv.reader + executemany
#                       into a flat table with one column per header cell
#   sqlite INSERT..SELECT
#                       the floor: sqlite3 writes the very rows courtesy wrote
#                       into a fresh database with the same schema
#                       (tables, indexes, triggers, search index; taken from
#                       courtesy's database) under the app writer's pragmas,
#                       `INSERT INTO t SELECT * FROM src.t` for every non-empty
#                       table (parents before children) plus the search index,
#                       in one transaction from the attached courtesy database.
#                       No parsing, no merging: what SQLite alone needs to store
#                       this import on this machine. Its row counts must equal
#                       courtesy's (the script fails otherwise).
#
# For each: wall time, lines/s (data rows of the file per second of wall time),
# peak RSS (`/usr/bin/time -v`, "Maximum resident set size"), CPU time and the
# size of the database written. Targets for courtesy: >= 100,000 lines/s and
# <= 150 MB peak RSS, printed with PASS/FAIL. The report also goes to
# bench/out/import.txt.
#
#   bash bench/import/run.sh
#
# Environment: BENCH_LINES (1000000), BENCH_SEED (1), COURTESY_BIN (skip the
# release build and use this binary), BENCH_WORK (target/tmp/import-bench; the
# generated CSV is kept there and reused while the generator is unchanged),
# BENCH_REPORT (bench/out/import.txt).
# Exits 0 whether or not the targets are met (the report says); 1 when a
# contender fails to run or the floor's row counts differ from courtesy's.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

LINES=${BENCH_LINES:-1000000}
SEED=${BENCH_SEED:-1}
WORK=${BENCH_WORK:-$ROOT/target/tmp/import-bench}
OUT_DIR=$ROOT/bench/out
REPORT=${BENCH_REPORT:-$OUT_DIR/import.txt}
TARGET_RATE=100000
TARGET_RSS_MB=150

die() { echo "error: $*" >&2; exit 1; }
now() { date +%s.%N; }

command -v sqlite3 >/dev/null || die "sqlite3 is missing (bash scripts/install-deps.sh installs it)"
command -v python3 >/dev/null || die "python3 is missing"
bash bench/gnu-time.sh

mkdir -p "$WORK" "$OUT_DIR"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# -- the file: reused while the generator and its arguments are the same --------------
gen_id=$(sha256sum scripts/make-shopify-orders.py | cut -c1-8)
CSV=$WORK/shopify-orders-$LINES-seed$SEED-gen$gen_id.csv
if [ -s "$CSV" ]; then
  csv_note="reused"
else
  echo "== generating $CSV"
  rm -f "$WORK"/shopify-orders-"$LINES"-seed"$SEED"-gen*.csv
  python3 scripts/make-shopify-orders.py "$LINES" "$CSV.partial" --seed "$SEED"
  mv "$CSV.partial" "$CSV"
  csv_note="generated"
fi
csv_mb=$(du -m "$CSV" | cut -f1)

# -- the binary -------------------------------------------------------------------------
if [ -n "${COURTESY_BIN:-}" ]; then
  BIN=$COURTESY_BIN
  bin_note="COURTESY_BIN"
else
  bin_note=""
  echo "== building courtesy-cli (release)"
  cargo build -q --release -p courtesy-cli
  BIN=$ROOT/target/release/courtesy
fi
[ -x "$BIN" ] || die "$BIN is not an executable"

# Warm the page cache so no contender pays for the first read of the file.
cat "$CSV" >/dev/null

# Size in MB of a database with its WAL, if any.
db_mb() {
  local f total=0
  for f in "$1" "$1"-wal; do
    [ -e "$f" ] && total=$(( total + $(stat -c %s "$f") ))
  done
  awk -v b="$total" 'BEGIN { printf "%.0f", b / 1048576 }'
}

# measure NAME DB CMD... : runs CMD under /usr/bin/time -v; sets M_WALL (s),
# M_RSS (MB), M_CPU (user+sys s), M_DB (MB written), and keeps its output.
measure() {
  local name=$1 db=$2
  shift 2
  rm -f "$db" "$db"-wal "$db"-shm "$db"-journal
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
  M_DB=$(db_mb "$db")
  awk 'NR <= 8 { print "   " $0 }' "$log"
}

declare -A WALL RSS CPU DBMB
run() { # key name db cmd...
  local key=$1
  shift
  measure "$@"
  WALL[$key]=$M_WALL RSS[$key]=$M_RSS CPU[$key]=$M_CPU DBMB[$key]=$M_DB
}

run courtesy "courtesy-import" "$WORK/courtesy.sqlite" \
  "$BIN" --db "$WORK/courtesy.sqlite" import --quiet "$CSV"
courtesy_counts=$(sqlite3 "$WORK/courtesy.sqlite" "SELECT (SELECT count(*) FROM customers) || ' customers, ' ||
  (SELECT count(*) FROM orders) || ' orders, ' || (SELECT count(*) FROM order_lines) || ' lines, ' ||
  (SELECT count(*) FROM customer_phones) || ' phones'")
run sqlite "sqlite3-import" "$WORK/sqlite-flat.sqlite" \
  sqlite3 "$WORK/sqlite-flat.sqlite" ".import --csv $CSV flat"
sqlite_rows=$(sqlite3 "$WORK/sqlite-flat.sqlite" "SELECT count(*) FROM flat")
run python "python-csv-sqlite3" "$WORK/python-flat.sqlite" \
  python3 bench/import/python_flat.py "$CSV" "$WORK/python-flat.sqlite"
python_rows=$(sqlite3 "$WORK/python-flat.sqlite" "SELECT count(*) FROM flat")

# -- the floor: SQLite writing courtesy's own rows into the same schema -----------------
# Double-quotes an SQL identifier.
qid() { local s=${1//\"/\"\"}; printf '"%s"' "$s"; }

# Tables of SRC that hold data: ordinary tables, not sqlite_* internals, not the
# virtual tables and not their shadow tables (customer_search_data, _idx,
# _content, _docsize, _config: the CREATE VIRTUAL TABLE makes those).
ORDINARY_TABLES="SELECT name, rowid AS ord FROM sqlite_master m
  WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
    AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
    AND NOT EXISTS (SELECT 1 FROM sqlite_master v
      WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
        AND m.name IN (v.name || '_data', v.name || '_idx', v.name || '_content',
                       v.name || '_docsize', v.name || '_config'))"

# floor_sql SRC OUT: writes to OUT the script that builds the floor database:
# the app writer's pragmas, SRC's schema (minus internals and FTS shadow tables,
# in creation order so triggers follow their tables), then one transaction that
# copies every non-empty table from the attached SRC, parents before children
# (ordered by depth in the foreign-key graph), and every virtual table
# (the search index) by rowid and columns.
floor_sql() {
  local src=$1 out=$2 t d cols n=0
  {
    echo ".bail on"
    echo ".output /dev/null"
    echo "PRAGMA journal_mode=WAL;"
    echo "PRAGMA synchronous=NORMAL;"
    echo "PRAGMA foreign_keys=ON;"
    echo "PRAGMA cache_size=-32768;"
    echo "PRAGMA wal_autocheckpoint=10000;"
    echo "PRAGMA user_version=$(sqlite3 "$src" "PRAGMA user_version");"
    sqlite3 "$src" "SELECT sql || ';' FROM sqlite_master m
      WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
        AND (type <> 'table' OR name IN (SELECT name FROM ($ORDINARY_TABLES))
             OR sql LIKE 'CREATE VIRTUAL TABLE%')
      ORDER BY rowid"
    echo "ATTACH DATABASE '${src//\'/\'\'}' AS src;"
    echo "BEGIN;"
  } >"$out"
  # Parents before children: a table's depth is the longest foreign-key path
  # to a table that references no other (self-references do not count).
  local order
  order=$(sqlite3 "$src" "WITH RECURSIVE
      t AS ($ORDINARY_TABLES),
      fk(child, parent) AS (SELECT DISTINCT t.name, f.\"table\" FROM t, pragma_foreign_key_list(t.name) f
        WHERE f.\"table\" <> t.name),
      depth(name, d) AS (SELECT name, 0 FROM t
        UNION SELECT fk.child, depth.d + 1 FROM depth JOIN fk ON fk.parent = depth.name WHERE depth.d < 64)
    SELECT t.name || '|' || max(depth.d) FROM t JOIN depth USING (name) GROUP BY t.name ORDER BY max(depth.d), t.ord")
  [ -n "$order" ] || die "no tables found in $src"
  FLOOR_TABLES=()
  while IFS='|' read -r t d; do
    [ "$d" -lt 64 ] || die "foreign keys of $src form a cycle through $t"
    [ "$(sqlite3 "$src" "SELECT EXISTS (SELECT 1 FROM $(qid "$t"))")" = 1 ] || continue
    if [ "$t" = call_queue_stale ]; then
      # The triggers fill it in the floor as they did in the app; keep whatever
      # courtesy left in it too.
      echo "INSERT OR IGNORE INTO $(qid "$t") SELECT * FROM src.$(qid "$t");" >>"$out"
    else
      echo "INSERT INTO $(qid "$t") SELECT * FROM src.$(qid "$t");" >>"$out"
      FLOOR_TABLES+=("$t")
    fi
    n=$((n + 1))
  done <<<"$order"
  # The search index (and any other virtual table): rowid and its columns.
  while IFS= read -r t; do
    [ -n "$t" ] || continue
    cols=$(sqlite3 "$src" "SELECT group_concat('\"' || replace(name, '\"', '\"\"') || '\"', ', ')
      FROM pragma_table_info('${t//\'/\'\'}')")
    [ -n "$cols" ] || die "no columns found for the virtual table $t"
    echo "INSERT INTO $(qid "$t")(rowid, $cols) SELECT rowid, $cols FROM src.$(qid "$t");" >>"$out"
    FLOOR_TABLES+=("$t")
    n=$((n + 1))
  done < <(sqlite3 "$src" "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid")
  echo "COMMIT;" >>"$out"
  FLOOR_COPIED=$n
}

floor_sql "$WORK/courtesy.sqlite" "$WORK/floor.sql"
run floor "sqlite-insert-select" "$WORK/floor.sqlite" \
  sqlite3 "$WORK/floor.sqlite" ".read $WORK/floor.sql"
# The floor must hold exactly the rows courtesy wrote.
for t in "${FLOOR_TABLES[@]}"; do
  a=$(sqlite3 "$WORK/courtesy.sqlite" "SELECT count(*) FROM $(qid "$t")")
  b=$(sqlite3 "$WORK/floor.sqlite" "SELECT count(*) FROM $(qid "$t")")
  [ "$a" = "$b" ] || die "the floor database has $b rows in $t, courtesy's has $a"
done
floor_counts=$(sqlite3 "$WORK/floor.sqlite" "SELECT (SELECT count(*) FROM customers) || ' customers, ' ||
  (SELECT count(*) FROM orders) || ' orders, ' || (SELECT count(*) FROM order_lines) || ' lines, ' ||
  (SELECT count(*) FROM customer_phones) || ' phones'")
[ "$floor_counts" = "$courtesy_counts" ] || die "the floor database holds $floor_counts, courtesy's $courtesy_counts"

rate() { awk -v n="$LINES" -v t="$1" 'BEGIN { printf "%.0f", n / t }'; }
verdict() { awk -v v="$1" -v lim="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= lim : v <= lim; print ok ? "PASS" : "FAIL" }'; }

c_rate=$(rate "${WALL[courtesy]}")
rate_verdict=$(verdict "$c_rate" "$TARGET_RATE" ">=")
rss_verdict=$(verdict "${RSS[courtesy]}" "$TARGET_RSS_MB" "<=")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
dirty=""
if [ -n "$(GIT_OPTIONAL_LOCKS=0 git status --porcelain --untracked-files=no -- crates src-tauri Cargo.toml Cargo.lock 2>/dev/null || true)" ]; then
  dirty=" + uncommitted changes"
fi

{
  echo "Courtesy import benchmark: $LINES lines of a Shopify orders export"
  echo "file: $CSV ($csv_mb MB, $csv_note; seed $SEED)"
  echo "binary: $BIN (${bin_note:-release build of commit $commit$dirty})"
  echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), sqlite3 CLI $(sqlite3 --version | cut -d' ' -f1), $(python3 --version)"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average before the runs: $load_before (other work on the machine skews the figures)"
  echo
  printf '%-22s %10s %12s %12s %10s %9s\n' "" "wall s" "lines/s" "peak RSS MB" "CPU s" "db MB"
  for key in courtesy sqlite python floor; do
    case $key in
      courtesy) label="courtesy import" ;;
      sqlite) label="sqlite3 .import" ;;
      python) label="python csv+sqlite3" ;;
      floor) label="sqlite INSERT..SELECT" ;;
    esac
    printf '%-22s %10s %12s %12s %10s %9s\n' "$label" "${WALL[$key]}" "$(rate "${WALL[$key]}")" "${RSS[$key]}" "${CPU[$key]}" "${DBMB[$key]}"
  done
  echo
  echo "courtesy wrote: $courtesy_counts"
  echo "flat tables: sqlite3 $sqlite_rows rows, python $python_rows rows"
  echo "sqlite INSERT..SELECT: SQLite writing courtesy's own rows ($FLOOR_COPIED tables) into the same schema"
  echo "  (indexes, triggers, search index) from an attached copy, in one transaction: the floor"
  echo "  of any import into this schema on this machine (sqlite3 CLI, not the app's bundled SQLite)"
  echo "courtesy vs sqlite3 .import: $(awk -v a="${WALL[courtesy]}" -v b="${WALL[sqlite]}" 'BEGIN { printf "%.1fx", a / b }') the wall time"
  echo "courtesy vs the floor: $(awk -v a="${WALL[courtesy]}" -v b="${WALL[floor]}" 'BEGIN { printf "%.1fx", a / b }') the wall time"
  echo
  echo "targets (courtesy import)"
  printf '  %-28s %-16s %s\n' "lines/s >= $TARGET_RATE" "$c_rate" "$rate_verdict"
  printf '  %-28s %-16s %s\n' "peak RSS <= $TARGET_RSS_MB MB" "${RSS[courtesy]} MB" "$rss_verdict"
} | tee "$REPORT"
echo
echo "report written to ${REPORT#"$ROOT"/}"
