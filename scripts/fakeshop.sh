#!/usr/bin/env bash
# Sourced by the scripts that sync from the fake shop (scripts/sync-crash-test.sh,
# bench/sync/run.sh). `start_fakeshop DIR ARGS...` starts `$FAKESHOP serve ARGS` on
# 127.0.0.1 with its port file and log in DIR, waits (at most 300 s) until it
# listens, and sets FAKESHOP_PID and FAKESHOP_URL. The caller defines `die` and
# stops the server.
start_fakeshop() {
  local dir=$1
  shift
  rm -f "$dir/port"
  "$FAKESHOP" serve "$@" --port-file "$dir/port" >"$dir/fakeshop.log" 2>&1 &
  FAKESHOP_PID=$!
  for _ in $(seq 1 3000); do
    [ -s "$dir/port" ] && break
    kill -0 "$FAKESHOP_PID" 2>/dev/null || die "the fake shop did not start: $(cat "$dir/fakeshop.log")"
    sleep 0.1
  done
  [ -s "$dir/port" ] || die "the fake shop did not listen within 300 s"
  FAKESHOP_URL="http://127.0.0.1:$(cat "$dir/port")"
}
