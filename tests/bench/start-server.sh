# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the server benchmarks: a fresh realm-server on 127.0.0.1 with
# one user (bench@example.org), on SQLite or, with postgres=yes, on a
# throwaway PostgreSQL cluster. Needs $bin, $work and $postgres; sets
# $server_pid, $url, $login (the sign-in body) and $token, and cleans up
# on exit.
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  if [ -f "$work/pg/PG_VERSION" ]; then
    run_pg pg_ctl -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
run_pg() {
  local tool=$1; shift
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pgbin/$tool" "$@"; else "$pgbin/$tool" "$@"; fi
}
database=()
if [ "$postgres" = yes ]; then
  [ "$(id -u)" = 0 ] && chown postgres "$work"
  run_pg initdb -D "$work/pg" -U realm --auth=trust --no-sync >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  run_pg pg_ctl -D "$work/pg" -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=100" -l "$work/pg.log" -w start >/dev/null
  run_pg createdb -h 127.0.0.1 -p "$port" -U realm bench
  database=(--database "postgresql://realm@127.0.0.1:$port/bench")
fi
"$bin/realm-server" init --data "$work/data" >/dev/null
printf 'bench passphrase, long enough\n' | "$bin/realm-server" admin --data "$work/data" "${database[@]}" \
  user add bench@example.org --name Bench --password-stdin >/dev/null
"$bin/realm-server" serve --data "$work/data" --listen 127.0.0.1:0 "${database[@]}" >"$work/out" 2>/dev/null &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/out" ] && break; sleep 0.1; done
url=$(head -1 "$work/out" | sed 's/^listening on //')
login='{"email":"bench@example.org","password":"bench passphrase, long enough"}'
token=$(curl -fsS -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' -d "$login" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
