#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, from the OS's own
# packages: never a system service, never a port outside this computer.
#
#   bash scripts/postgres.sh start DIR   # prints the cluster's URL on its last line
#   bash scripts/postgres.sh stop DIR
#   bash scripts/postgres.sh resume DIR  # starts a stopped cluster again, on its port
#
# `start` installs PostgreSQL (Debian/Ubuntu: postgresql and postgresql-contrib,
# for unaccent and pg_trgm) when its programs are missing; creates a cluster in
# DIR/data with `initdb` as an unprivileged user (postgres, which the package
# creates; the tests run as root in CI and PostgreSQL refuses to run as root);
# starts it listening on 127.0.0.1 only, on a free port, with a socket in DIR,
# password authentication (scram-sha-256) and fsync off (a throwaway cluster);
# and prints `postgres://courtesy:PASSWORD@127.0.0.1:PORT/postgres`. `stop`
# stops it (fast shutdown). DIR is left for the caller to remove.
set -euo pipefail

die() { echo "error: $*" >&2; exit 1; }

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

install_postgres() {
  if pg_bin >/dev/null; then return; fi
  echo "installing PostgreSQL from the OS packages" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  # The package's own cluster is not used; in a container nothing starts it.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    postgresql postgresql-contrib >&2
  pg_bin >/dev/null || die "PostgreSQL's programs are not in /usr/lib/postgresql/*/bin"
}

# Runs a PostgreSQL program as the unprivileged owner of the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local dir=$1
  install_postgres
  local bin port password
  bin=$(pg_bin)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ ! -e "$dir/data" ] || die "$dir/data exists: stop and remove the old cluster first"
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  printf '%s\n' "$password" >"$dir/password"
  chmod 600 "$dir/password"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    chown -R postgres: "$dir"
    # The owner must reach DIR through its parents.
    local up=$dir
    while [ "$up" != "/" ]; do
      up=$(dirname "$up")
      chmod o+x "$up" 2>/dev/null || true
    done
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U courtesy --pwfile="$dir/password" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  port=$(free_port)
  echo "$port" >"$dir/port"
  run_server "$dir"
  echo "postgres://courtesy:$password@127.0.0.1:$port/postgres"
}

# Starts the cluster in DIR on its port.
run_server() {
  local dir=$1 bin port
  bin=$(pg_bin)
  port=$(cat "$dir/port")
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$dir/server.log" >&2; die "the cluster did not start"; }
}

stop() {
  local dir=$1 bin
  [ -d "$dir/data" ] || return 0
  bin=$(pg_bin) || die "PostgreSQL's programs are missing"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

case "${1:-}" in
  start) [ -n "${2:-}" ] || die "usage: $0 start DIR"; start "$2" ;;
  stop) [ -n "${2:-}" ] || die "usage: $0 stop DIR"; stop "$2" ;;
  resume) [ -d "${2:-}/data" ] || die "usage: $0 resume DIR (a cluster made by start)"; run_server "$(cd "$2" && pwd)" ;;
  *) die "usage: $0 start|stop|resume DIR" ;;
esac
