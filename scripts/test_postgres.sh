# Sourced by scripts/test.sh: a throwaway PostgreSQL server for the tests that run on both databases.
#
# start_test_postgres installs PostgreSQL from Debian's packages when it is missing (as root),
# creates a cluster in a temporary folder, starts it on a free port of 127.0.0.1 with a role and
# password of its own, and exports NETCOMPANION_TEST_PG_URL (the admin URL on which the tests
# create their databases). stop_test_postgres stops it and removes the folder. A URL already in
# NETCOMPANION_TEST_PG_URL is used as it is. When no server can be had (not root and PostgreSQL not
# installed) it says so and the PostgreSQL tests are skipped; under CI=true that fails the run.

NETCOMPANION_PG_DIR=""

_pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
  elif command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  fi
}

_pg_skip() {
  echo "test_postgres.sh: $1; the PostgreSQL tests are skipped" >&2
  if [ "${CI:-}" = "true" ]; then
    echo "test_postgres.sh: CI must run them: failing" >&2
    return 1
  fi
  return 0
}

start_test_postgres() {
  if [ -n "${NETCOMPANION_TEST_PG_URL:-}" ]; then
    echo "test_postgres.sh: using the server in NETCOMPANION_TEST_PG_URL"
    return 0
  fi
  local bindir
  bindir=$(_pg_bindir)
  if [ -z "$bindir" ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      _pg_skip "PostgreSQL is not installed (apt-get install postgresql)"
      return
    fi
    echo "test_postgres.sh: installing PostgreSQL from the Debian packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir=$(_pg_bindir)
    [ -n "$bindir" ] || { _pg_skip "PostgreSQL did not install"; return; }
  fi

  # initdb refuses to run as root: as root the server runs as the `postgres` user of the package
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { _pg_skip "no postgres user to run the server as"; return; }
    run_as=(runuser -u postgres --)
  fi
  NETCOMPANION_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/netcompanion-pg.XXXXXX")
  chmod 755 "$NETCOMPANION_PG_DIR"
  local password port
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  printf '%s\n' "$password" > "$NETCOMPANION_PG_DIR/password"
  [ ${#run_as[@]} -eq 0 ] || chown -R postgres "$NETCOMPANION_PG_DIR"

  if ! "${run_as[@]}" "$bindir/initdb" -D "$NETCOMPANION_PG_DIR/data" -U netcompanion \
      --pwfile="$NETCOMPANION_PG_DIR/password" --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$NETCOMPANION_PG_DIR/initdb.log" 2>&1; then
    cat "$NETCOMPANION_PG_DIR/initdb.log" >&2
    _pg_skip "initdb failed"
    return
  fi
  rm -f "$NETCOMPANION_PG_DIR/password"
  # a test server: durability is not needed, speed is
  local options="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$NETCOMPANION_PG_DIR"
  options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  if ! "${run_as[@]}" "$bindir/pg_ctl" -D "$NETCOMPANION_PG_DIR/data" -l "$NETCOMPANION_PG_DIR/server.log" \
      -o "$options" -w -t 60 start >/dev/null; then
    cat "$NETCOMPANION_PG_DIR/server.log" >&2
    _pg_skip "the PostgreSQL server did not start"
    return
  fi
  export NETCOMPANION_TEST_PG_URL="postgresql+psycopg://netcompanion:${password}@127.0.0.1:${port}/postgres"
  echo "test_postgres.sh: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_test_postgres() {
  [ -n "$NETCOMPANION_PG_DIR" ] || return 0
  local bindir run_as=()
  bindir=$(_pg_bindir)
  [ "$(id -u)" -ne 0 ] || run_as=(runuser -u postgres --)
  "${run_as[@]}" "$bindir/pg_ctl" -D "$NETCOMPANION_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$NETCOMPANION_PG_DIR"
  NETCOMPANION_PG_DIR=""
}
