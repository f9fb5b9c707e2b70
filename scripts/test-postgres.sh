#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server from the system's packages in a temporary directory and
# prints the TEST_DATABASE_URL to use. Usage: eval "$(scripts/test-postgres.sh start)"; ... ; scripts/test-postgres.sh stop
set -euo pipefail
PGPORT="${TEST_PG_PORT:-55432}"
STATE="/tmp/cks-test-postgres-$PGPORT.dir"

bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  # Debian puts the server binaries in a versioned directory that pg_config may not name.
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    BIN="$(bindir)"
    [ -x "$BIN/initdb" ] || { echo "initdb not found; install postgresql" >&2; exit 1; }
    DIR="$(mktemp -d /tmp/cks-pg.XXXXXX)"
    [ "$(id -u)" = "0" ] && chown postgres "$DIR"
    as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
      -o "-p $PGPORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
    echo "$DIR" > "$STATE"
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    if [ -f "$STATE" ]; then
      DIR="$(cat "$STATE")"
      as_postgres "$(bindir)/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null || true
      rm -rf "$DIR" "$STATE"
    fi
    ;;
esac
