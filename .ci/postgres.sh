#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the team-store tests.
#   postgres.sh start   starts one (or keeps the running one) and prints the path of its env file, which exports
#                       CAIRN_TEST_PG=postgresql://cairn:<password>@127.0.0.1:<port>/postgres (a superuser)
#   postgres.sh stop    stops it and deletes its data directory; nothing to do when none is running
# Installs the Debian package "postgresql" when no pg_ctl is found. The cluster lives in a temp directory owned
# by the postgres user (the server refuses to run as root), listens on 127.0.0.1 only, on a free port, with
# password (scram-sha-256) authentication for TCP and peer authentication on its private Unix socket.
# Durability is off (fsync, synchronous_commit) unless CAIRN_PG_DURABLE=1: the data is thrown away anyway.
# Environment: CAIRN_PG_ENV (env file; default $TMPDIR/cairn-pg.env), CAIRN_PG_BINDIR (where pg_ctl is).
set -euo pipefail

env_file=${CAIRN_PG_ENV:-${TMPDIR:-/tmp}/cairn-pg.env}

log() { echo "postgres.sh: $*" >&2; }

# runs a server program as the postgres user when we are root (PostgreSQL refuses to run as root)
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# the directory holding pg_ctl: $CAIRN_PG_BINDIR, else PATH, else the newest /usr/lib/postgresql/<major>/bin
find_bindir() {
  if [ -n "${CAIRN_PG_BINDIR:-}" ] && [ -x "$CAIRN_PG_BINDIR/pg_ctl" ]; then
    echo "$CAIRN_PG_BINDIR"
    return 0
  fi
  local found
  if found=$(command -v pg_ctl 2>/dev/null) && [ -n "$found" ]; then
    dirname "$(readlink -f "$found")"
    return 0
  fi
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$found" ] && [ -x "$found/pg_ctl" ]; then
    echo "$found"
    return 0
  fi
  return 1
}

install_postgres() {
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    sudo=(sudo)
  fi
  log "no pg_ctl found; installing the Debian package postgresql"
  # no "main" cluster on port 5432: this script makes its own
  "${sudo[@]}" mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" | "${sudo[@]}" tee /etc/postgresql-common/createcluster.d/cairn-ci.conf >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

# true when something accepts TCP connections on 127.0.0.1:$1
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# the cluster recorded in the env file is up
running() {
  [ -f "$env_file" ] || return 1
  local data bindir
  data=$(sed -n 's/^export CAIRN_PG_DATA=//p' "$env_file")
  bindir=$(sed -n 's/^export CAIRN_PG_BINDIR=//p' "$env_file")
  [ -n "$data" ] && [ -d "$data" ] && [ -x "$bindir/pg_ctl" ] && as_pg "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
  if running; then
    log "already running ($(sed -n 's/^export CAIRN_PG_PORT=//p' "$env_file"))"
    echo "$env_file"
    return 0
  fi
  stop  # a stale env file or data directory from a run that did not stop
  local bindir
  if ! bindir=$(find_bindir); then
    install_postgres
    bindir=$(find_bindir) || { log "pg_ctl still missing after installing postgresql"; return 1; }
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    log "there is no postgres user to run the server as"
    return 1
  fi

  # the temp folder must be reachable by the postgres user; a private TMPDIR is not
  local parent=${TMPDIR:-/tmp}
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$parent"; then
    parent=/tmp
  fi
  local dir
  dir=$(mktemp -d "$parent/cairn-pg.XXXXXX")
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  local data=$dir/data

  local locale=(--no-locale)
  if locale -a 2>/dev/null | grep -ix 'c\.utf-\?8' >/dev/null; then
    locale=(--locale=C.UTF-8)
  fi
  as_pg "$bindir/initdb" -D "$data" -E UTF8 "${locale[@]}" --auth-local=peer --auth-host=scram-sha-256 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1; }
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$dir'"
    echo "max_connections = 200"
    echo "log_min_messages = warning"
    if [ "${CAIRN_PG_DURABLE:-0}" != 1 ]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >>"$data/postgresql.conf"

  local port="" attempt
  for attempt in 1 2 3 4 5 6 7 8; do
    local candidate=$((20000 + RANDOM % 40000))
    if port_in_use "$candidate"; then
      continue
    fi
    # -w waits until the server accepts connections; it fails when another process took the port meanwhile
    if as_pg "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -o "-p $candidate" -w -t 60 start >/dev/null; then
      port=$candidate
      break
    fi
    log "start on port $candidate failed (attempt $attempt):"
    tail -5 "$dir/server.log" >&2 || true
  done
  if [ -z "$port" ]; then
    log "could not start PostgreSQL"
    rm -rf "$dir"
    return 1
  fi
  sed -i "s/^#\?port = .*/port = $port/" "$data/postgresql.conf"

  local password
  password=$(od -An -tx1 -N18 /dev/urandom | tr -d ' \n')
  echo "CREATE ROLE cairn LOGIN SUPERUSER PASSWORD :'pw';" \
    | as_pg "$bindir/psql" -X -q -h "$dir" -p "$port" -d postgres -v ON_ERROR_STOP=1 -v pw="$password" >/dev/null

  umask 077
  cat >"$env_file" <<EOF
# written by .ci/postgres.sh start; removed by .ci/postgres.sh stop
export CAIRN_TEST_PG=postgresql://cairn:$password@127.0.0.1:$port/postgres
export CAIRN_PG_PORT=$port
export CAIRN_PG_DATA=$data
export CAIRN_PG_BINDIR=$bindir
EOF
  log "PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (data in $data)"
  echo "$env_file"
}

stop() {
  [ -f "$env_file" ] || return 0
  local data bindir
  data=$(sed -n 's/^export CAIRN_PG_DATA=//p' "$env_file")
  bindir=$(sed -n 's/^export CAIRN_PG_BINDIR=//p' "$env_file")
  if [ -n "$data" ] && [ -d "$data" ]; then
    if [ -x "$bindir/pg_ctl" ] && as_pg "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      as_pg "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
      log "stopped"
    fi
    # only ever delete a directory this script made
    case "$(dirname "$data")" in
      */cairn-pg.??????) rm -rf "$(dirname "$data")" ;;
      *) log "not deleting $data: not made by this script" ;;
    esac
  fi
  rm -f "$env_file"
}

main() {
  case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; return 2 ;;
  esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main "$@"
fi
