#!/usr/bin/env bash
# Slip benchmark: 1,000 A6 packing slips (three lines each, a Code 128 barcode,
# DejaVu Sans embedded, deterministic data in English, Polish, Russian and Finnish)
# rendered into one PDF by three renderers, side by side:
#
#   courtesy-slip   `cargo bench -p courtesy-slip --bench slips` (release): the
#                   crate's `render`, vector barcode, fonts subset with allsorts
#   ReportLab       bench/slips/reportlab_slips.py: canvas drawing, reportlab's
#                   Code128 widget, TTF subsetting
#   WeasyPrint      bench/slips/weasyprint_slips.py: one HTML document, inline SVG
#                   bars, @font-face
#
# The Rust bench writes the slips as JSON; the Python renderers read that file.
# For each: wall time of the render (as each renderer reports it), wall time and
# peak RSS of the whole process (`/usr/bin/time -v`), PDF size and pages, and
# whether zbarimg reads the first slip's barcode. Targets for courtesy-slip:
# render <= 1 s and peak RSS <= 150 MB, printed with PASS/FAIL. The report also
# goes to bench/out/slips.txt. Not part of the test run.
#
#   bash bench/slips/run.sh
#
# Installs what it needs when missing (Debian packages python3-reportlab,
# weasyprint, time, poppler-utils, zbar-tools). Environment: BENCH_WORK
# (target/tmp/slips-bench), BENCH_REPORT (bench/out/slips.txt).
# Exits 0 whether or not the targets are met (the report says); 1 when a renderer
# fails to run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

WORK=${BENCH_WORK:-$ROOT/target/tmp/slips-bench}
OUT_DIR=$ROOT/bench/out
REPORT=${BENCH_REPORT:-$OUT_DIR/slips.txt}
FONTS=$ROOT/crates/slip/fonts
PYTHON=/usr/bin/python3

die() { echo "error: $*" >&2; exit 1; }

# -- what the run needs -------------------------------------------------------------
need=()
[ -x /usr/bin/time ] || need+=(time)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
command -v zbarimg >/dev/null || need+=(zbar-tools)
[ -x "$PYTHON" ] || need+=(python3)
if [ -x "$PYTHON" ]; then
  "$PYTHON" -c "import reportlab" 2>/dev/null || need+=(python3-reportlab)
  "$PYTHON" -c "import weasyprint" 2>/dev/null || need+=(weasyprint)
else
  need+=(python3-reportlab weasyprint)
fi
if ((${#need[@]})); then
  echo "installing ${need[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

mkdir -p "$WORK" "$OUT_DIR"
rm -f "$WORK"/slips*.pdf "$WORK"/slips.json
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# Runs "$@" under /usr/bin/time -v; leaves its output in $WORK/$name.out and the
# time report in $WORK/$name.time.
timed() {
  local name=$1; shift
  if ! /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; then
    cat "$WORK/$name.out" "$WORK/$name.err" >&2
    die "$name failed"
  fi
}
wall_of() { # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23" -> seconds
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$WORK/$1.time"
}
rss_of() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/$1.time"; }
result_of() { sed -n "s/.*$2=\([0-9.]*\).*/\1/p" "$WORK/$1.out" | head -1; }
pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
scan_of() {
  pdftoppm -r 200 -gray -png -singlefile -f 1 -l 1 "$1" "$WORK/scan" &&
    zbarimg -q --raw -Sdisable -Scode128.enable "$WORK/scan.png" 2>/dev/null | head -1 || true
}

# -- courtesy-slip ----------------------------------------------------------------
echo "== building and running the courtesy-slip bench (release)"
cargo bench -q -p courtesy-slip --bench slips --no-run
timed courtesy cargo bench -q -p courtesy-slip --bench slips -- --dir "$WORK"
cat "$WORK/courtesy.out"
[ -s "$WORK/slips.json" ] || die "the bench wrote no slips.json"

# -- the same slips with ReportLab and WeasyPrint -----------------------------------
echo "== ReportLab"
timed reportlab "$PYTHON" bench/slips/reportlab_slips.py "$WORK/slips.json" "$WORK/slips-reportlab.pdf" "$FONTS"
echo "== WeasyPrint"
timed weasyprint "$PYTHON" bench/slips/weasyprint_slips.py "$WORK/slips.json" "$WORK/slips-weasyprint.pdf" "$FONTS"

# -- report -----------------------------------------------------------------------
cr_wall=$(result_of courtesy wall_s)
cr_rss=$(result_of courtesy rss_mb)
cr_cpu=$(result_of courtesy cpu_s)
rl_wall=$(result_of reportlab render_s)
wp_wall=$(result_of weasyprint render_s)
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 <= t + 0) ? "PASS" : "FAIL" }'; }
row() { # name render_s process_s rss_mb pdf
  printf '%-16s %9s %10s %12s %9s %7s  %s\n' "$1" "$2" "$3" "$4" "$(( $(stat -c %s "$5") / 1024 ))" "$(pages_of "$5")" "$(scan_of "$5")"
}
{
  echo "Slip benchmark: 1000 A6 packing slips, 3 lines each, Code 128, DejaVu Sans embedded, one PDF"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "machine: $(nproc) cores, $(uname -m); Python $("$PYTHON" -c 'import platform; print(platform.python_version())'),"\
       "ReportLab $("$PYTHON" -c 'import reportlab; print(reportlab.Version)'),"\
       "WeasyPrint $("$PYTHON" -c 'import weasyprint; print(weasyprint.__version__)')"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average before the runs: $load_before (other work on the machine skews the figures)"
  echo
  printf '%-16s %9s %10s %12s %9s %7s  %s\n' "" "render s" "process s" "peak RSS MB" "PDF kB" "pages" "first barcode"
  row "courtesy-slip" "$cr_wall" "$(wall_of courtesy)" "$cr_rss" "$WORK/slips-courtesy.pdf"
  row "ReportLab" "$rl_wall" "$(wall_of reportlab)" "$(rss_of reportlab)" "$WORK/slips-reportlab.pdf"
  row "WeasyPrint" "$wp_wall" "$(wall_of weasyprint)" "$(rss_of weasyprint)" "$WORK/slips-weasyprint.pdf"
  echo
  echo "render s: the renderer's own clock around reading the data, laying out and writing the PDF"
  echo "  (courtesy-slip: the first of three renders in one process, fonts read cold; its on-CPU"
  echo "  time for that render was $cr_cpu s, what the wall time would be on an idle core)."
  echo "process s, peak RSS: /usr/bin/time -v of the whole process; courtesy-slip's RSS is its own"
  echo "  VmHWM (the process also renders twice more and holds the data), its process time is cargo's."
  echo
  echo "targets (courtesy-slip)"
  printf '  render <= 1 s               %-8s %s\n' "$cr_wall s" "$(verdict "$cr_wall" 1)"
  printf '  peak RSS <= 150 MB          %-8s %s\n' "$cr_rss MB" "$(verdict "$cr_rss" 150)"
} | tee "$REPORT"
echo "report written to $REPORT"
