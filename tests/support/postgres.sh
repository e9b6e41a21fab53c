#!/bin/bash
# A throwaway PostgreSQL cluster for the test suites, listening on 127.0.0.1 only.
#   postgres.sh start DIR   initdb + start, then write the connection URL to DIR/url
#   postgres.sh stop DIR    stop it and delete everything it made
# Trust authentication for the user "onestop" on loopback, fsync off: test data only.
# As root (CI) initdb refuses to run, so the cluster then belongs to the "postgres" user.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
cmd=$1
dir=$(realpath -m "$2")

bindir=""
for candidate in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
  if [[ -x $candidate/initdb ]]; then bindir=$candidate; break; fi
done

as_root() { [[ $(id -u) -eq 0 ]]; }
as_owner() { if as_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

# The cluster lives in DIR unless the postgres user cannot reach it or the socket path would
# not fit in sun_path (108 bytes); then in a private directory under /tmp named in DIR/home.
home_of() { if [[ -f $dir/home ]]; then cat "$dir/home"; else echo "$dir"; fi; }

stop_cluster() {
  local home
  home=$(home_of)
  if [[ -n $bindir && -f $home/data/postmaster.pid ]]; then
    as_owner "$bindir/pg_ctl" -D "$home/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [[ $home != "$dir" ]] && rm -rf "$home"
  rm -rf "$dir"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_cluster() {
  if [[ -z $bindir ]]; then
    echo "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin:" \
         "apt-get install postgresql (see deploy/debian-packages.txt)" >&2
    exit 1
  fi
  if as_root && ! id postgres >/dev/null 2>&1; then
    echo "running as root needs the 'postgres' user (from the postgresql package)" >&2
    exit 1
  fi
  stop_cluster  # whatever an interrupted run left behind
  mkdir -p "$dir"
  local home=$dir
  as_root && chown postgres: "$dir"
  if ! as_owner test -w "$dir" || (( ${#dir} > 80 )); then
    home=$(mktemp -d /tmp/onestop-pg.XXXXXX)
    as_root && chown postgres: "$home"
    echo "$home" > "$dir/home"
  fi
  as_owner mkdir -m 700 "$home/data"
  as_owner mkdir "$home/sock"

  as_owner "$bindir/initdb" -D "$home/data" -U onestop --auth=trust --encoding=UTF8 --locale=C \
    --no-sync --no-instructions >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner tee "$home/data/pg_hba.conf" >/dev/null <<HBA
local all onestop trust
host  all onestop 127.0.0.1/32 trust
HBA

  local attempt port
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + RANDOM % 40000 ))
    port_in_use "$port" && continue
    as_owner tee "$home/data/postgresql.auto.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$home/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
shared_buffers = 32MB
CONF
    if as_owner "$bindir/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 30 start >/dev/null 2>&1; then
      echo "postgresql://onestop@127.0.0.1:$port/postgres" > "$dir/url"
      echo "PostgreSQL test server on 127.0.0.1:$port, cluster in $home"
      return 0
    fi
    # Most likely another process took the port between the check and the bind.
    echo "attempt $attempt on port $port failed:" >&2
    tail -n 3 "$home/server.log" >&2 || true
  done
  echo "could not start PostgreSQL; see $home/server.log" >&2
  exit 1
}

case $cmd in
  start) start_cluster ;;
  stop) stop_cluster ;;
  *) usage ;;
esac
