#!/bin/bash
# A throwaway PostgreSQL cluster for the test suites, on 127.0.0.1 only.
#   postgres.sh start DIR   initdb + start in DIR, write the connection URL to DIR/url
#   postgres.sh stop DIR    stop it and delete DIR
# Trust authentication for the user "onestop" on loopback and fsync off: test data only.
# As root (CI), initdb refuses to run, so the cluster belongs to the "postgres" user.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
cmd=$1
dir=$(realpath -m "$2")

bindir=""
for candidate in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
  if [[ -x $candidate/initdb ]]; then bindir=$candidate; break; fi
done

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_cluster() {
  if [[ -n $bindir && -f $dir/data/postmaster.pid ]]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [[ -f $dir/sock-elsewhere ]]; then rm -rf "$(cat "$dir/sock-elsewhere")"; fi
  rm -rf "$dir"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_cluster() {
  if [[ -z $bindir ]]; then
    echo "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin:" \
         "apt-get install postgresql (see deploy/debian-packages.txt)" >&2
    exit 1
  fi
  stop_cluster  # a cluster left behind by an interrupted run
  mkdir -p "$dir/data" "$dir/sock"
  chmod 700 "$dir/data"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || { echo "running as root needs the 'postgres' user (package postgresql)" >&2; exit 1; }
    chown -R postgres: "$dir"
  fi
  # The socket path must fit in sun_path (108 bytes); fall back to a short private directory.
  local sock=$dir/sock
  if (( ${#sock} > 90 )); then
    sock=$(mktemp -d /tmp/onestop-pg.XXXXXX)
    [[ $(id -u) -eq 0 ]] && chown postgres: "$sock"
    echo "$sock" > "$dir/sock-elsewhere"
  fi

  as_owner "$bindir/initdb" -D "$dir/data" -U onestop --auth=trust --encoding=UTF8 --locale=C \
    --no-sync --no-instructions >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<HBA
local all onestop trust
host  all onestop 127.0.0.1/32 trust
HBA

  local attempt port
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + RANDOM % 40000 ))
    port_in_use "$port" && continue
    as_owner tee "$dir/data/postgresql.auto.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 32MB
CONF
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start >/dev/null 2>&1; then
      echo "postgresql://onestop@127.0.0.1:$port/postgres" > "$dir/url"
      echo "PostgreSQL test server on 127.0.0.1:$port, data in $dir/data"
      return 0
    fi
    # Most likely someone took the port between the check and the bind: try another.
    echo "attempt $attempt on port $port failed:" >&2
    tail -n 3 "$dir/server.log" >&2 || true
  done
  echo "could not start PostgreSQL; see $dir/server.log" >&2
  exit 1
}

case $cmd in
  start) start_cluster ;;
  stop) stop_cluster ;;
  *) usage ;;
esac
