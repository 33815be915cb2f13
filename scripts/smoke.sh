#!/usr/bin/env bash
# Starts LunaPoint with scripts/run.sh on a free port with settings from the environment, waits for
# /health/ready, checks the data directory and a 404 problem, then stops it with SIGTERM and expects a
# clean exit. Used by scripts/test.sh; runs alone too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(mktemp -d /tmp/lunapoint-smoke.XXXXXX)"
port=$((20000 + RANDOM % 40000))
log="$data/host.log"
fail() { echo "smoke: $*" >&2; tail -n 30 "$log" >&2 || true; exit 1; }

LunaPoint__DataDir="$data" setsid "$root/scripts/run.sh" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
pid=$!
trap 'kill -KILL -- -$pid 2>/dev/null || true; rm -rf "$data"' EXIT

ready=""
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || fail "the host exited before it was ready"
  sleep 0.5
done
[ -n "$ready" ] || fail "/health/ready did not answer 200 within 120 s"

for schema in streams detection events licensing clementine_auth notifications; do
  [ -f "$data/$schema.db" ] || fail "LunaPoint__DataDir was not honoured: $data/$schema.db is missing"
done
type="$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "http://127.0.0.1:$port/api/nope")"
[ "$type" = "404 application/problem+json" ] || fail "/api/nope answered '$type'"

kill -TERM -- -"$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$pid" 2>/dev/null && fail "the host did not stop within 30 s of SIGTERM"
grep -q "Application is shutting down" "$log" || fail "the host did not shut down gracefully"
echo "smoke: scripts/run.sh came up ready on port $port, honoured LunaPoint__DataDir and stopped cleanly"
