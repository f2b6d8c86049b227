# Sourced by the class tests and the class benchmark: a throw-away
# PostgreSQL cluster in a temporary folder, listening only on a Unix socket
# there, with password (SCRAM) authentication for every role, so the tests
# use credentials the way a real class server does.
#
#   class_server_start DIR   initdb in DIR/data, start it; sets CLASS_SOCKET,
#                            CLASS_PORT and CLASS_PGPASS (a 0600 password file).
#   class_server_stop        stops it (call it from an EXIT trap).
#   class_sql ROLE SQL...    runs SQL as ROLE with psql (ON_ERROR_STOP).
#   class_add_role ROLE PASSWORD [GROUP]   a login role, its password filed.
#
# PostgreSQL refuses to run as root, so as root the cluster belongs to the
# `postgres` user that Debian's package creates.

class_pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] || { echo "class-server: no PostgreSQL server found" >&2; return 1; }
    echo "$dir"
}

class_as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

class_server_start() {
    local dir=$1 bin
    bin=$(class_pg_bindir) || return 1
    CLASS_DIR=$dir
    CLASS_BIN=$bin
    CLASS_SOCKET=$dir/socket
    CLASS_PGPASS=$dir/pgpass
    CLASS_PORT=${CLASS_PORT:-$((20000 + RANDOM % 40000))}
    mkdir -p "$dir/data" "$CLASS_SOCKET"
    # The server's user must reach its folders inside the test's scratch.
    chmod 711 "$(dirname "$dir")"
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/data" "$CLASS_SOCKET"
    chmod 700 "$dir/data"
    local admin_password
    admin_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$admin_password" >"$dir/admin.pw"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/admin.pw"
    class_as_owner "$bin/initdb" -D "$dir/data" -U admin --pwfile="$dir/admin.pw" --auth=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    rm -f "$dir/admin.pw"
    : >"$CLASS_PGPASS"
    chmod 600 "$CLASS_PGPASS"
    printf '*:*:*:admin:%s\n' "$admin_password" >>"$CLASS_PGPASS"
    class_server_resume || { cat "$dir/data/server.log" >&2; return 1; }
    export PGPASSFILE=$CLASS_PGPASS
    PGPASSFILE=$CLASS_PGPASS psql -X -q -v ON_ERROR_STOP=1 -h "$CLASS_SOCKET" -p "$CLASS_PORT" -U admin -d postgres \
        -c "CREATE DATABASE jatta" >/dev/null
}

# Starts the stopped cluster again (also after class_server_stop).
class_server_resume() {
    class_as_owner "$CLASS_BIN/pg_ctl" -D "$CLASS_DIR/data" -l "$CLASS_DIR/data/server.log" -w \
        -o "-k $CLASS_SOCKET -p $CLASS_PORT -c listen_addresses=127.0.0.1 -c fsync=off ${CLASS_SERVER_OPTIONS:-}" \
        start >/dev/null || return 1
    CLASS_SERVER_RUNNING=1
}

class_server_stop() {
    [ -n "${CLASS_SERVER_RUNNING:-}" ] || return 0
    class_as_owner "$CLASS_BIN/pg_ctl" -D "$CLASS_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    CLASS_SERVER_RUNNING=
}

class_sql() {
    local role=$1
    shift
    PGPASSFILE=$CLASS_PGPASS psql -X -q -v ON_ERROR_STOP=1 -At -h "$CLASS_SOCKET" -p "$CLASS_PORT" -U "$role" -d jatta "$@"
}

class_add_role() {
    local role=$1 password=$2 group=${3:-}
    class_sql admin -c "CREATE ROLE \"$role\" LOGIN PASSWORD '$password'" >/dev/null
    [ -n "$group" ] && class_sql admin -c "GRANT $group TO \"$role\"" >/dev/null
    printf '*:*:*:%s:%s\n' "$role" "$password" >>"$CLASS_PGPASS"
}

# The URL a role uses to reach the class database over the socket.
class_url() {
    printf 'postgresql://%s@/jatta?host=%s&port=%s&sslmode=disable%s' "$1" "$CLASS_SOCKET" "$CLASS_PORT" "${2:+&class=$2}"
}

# The same over loopback TCP, with an sslmode.
class_tcp_url() {
    printf 'postgresql://%s@127.0.0.1:%s/jatta?sslmode=%s%s' "$1" "$CLASS_PORT" "$3" "${2:+&class=$2}"
}
