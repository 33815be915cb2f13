#!/usr/bin/env bash
# The whole test suite, on a clean Debian/Ubuntu machine with the .NET 10 SDK:
#   - installs what is missing (PostgreSQL server, libgtk-3-0, ffmpeg, Node.js for the models,
#     Chromium for the browser tests, rtsp-server-perl for the RTSP capture tests),
#   - fetches the face models and the test media (Debian's opencv-doc) into git-ignored folders,
#   - starts a throwaway PostgreSQL cluster on 127.0.0.1 on a free port,
#   - runs dotnet test (every host test runs on PostgreSQL and on SQLite),
#   - runs the host the way users do (scripts/run.sh) and checks it comes up ready and stops cleanly,
#   - stops the cluster; exits non-zero on any failure.
# Extra arguments go to dotnet test, e.g.  scripts/test.sh --filter "FullyQualifiedName~Architecture"
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$lp_root"
started=$(date +%s)

lp_require_dotnet
lp_require_runtime_packages
lp_require_chromium
lp_require_test_servers
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  lp_apt_install postgresql
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
lp_require_models "$lp_root/models"

# Test media: real photos and videos from Debian's opencv-doc and python3-skimage (see scripts/lib.sh).
media="$lp_root/.cache/test-media"
lp_require_test_media "$media"

# A throwaway PostgreSQL cluster, as the postgres user when we are root (initdb refuses root).
pg_dir="$(mktemp -d /tmp/lunapoint-pg.XXXXXX)"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { lp_log "no free port found for PostgreSQL"; exit 1; }

cleanup() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
export LUNAPOINT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
lp_log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

passed=0
failed=0
results="$lp_root/.cache/test-results"
rm -rf "$results"
set +e
dotnet test "$lp_root/LunaPoint.sln" -p:FetchFaceModels=false --logger "trx" --results-directory "$results" "$@" 2>&1 | tee "$lp_root/.cache/dotnet-test.log"
test_rc=${PIPESTATUS[0]}
set -e
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f))
done
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# The host as users start it: scripts/run.sh, settings from the environment, ready, then a clean stop.
if [ "$#" -eq 0 ]; then
  if "$lp_root/scripts/smoke.sh"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi

lp_log "finished in $(( $(date +%s) - started )) s"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] || exit 1
