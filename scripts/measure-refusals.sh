#!/usr/bin/env bash
# Measures two step-4 security properties on a throwaway SQLite host on loopback (needs a Debug build:
# dotnet build LunaPoint.Host):
#   1. refused token requests cost the same for unknown, existing, locked and disabled users
#      (medians of interleaved requests; a fast path would let an attacker tell them apart);
#   2. 5,000 junk bearer/API-key requests write a handful of aggregated audit rows, not 5,000.
# Usage: scripts/measure-refusals.sh [PORT]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port="${1:-5191}"
base="http://127.0.0.1:$port"
work="$(mktemp -d /tmp/lunapoint-refusals.XXXXXX)"
LunaPoint__DataDir="$work/data" LunaPoint__AdminPassword='Measure-Admin-Pass-1' LunaPoint__Auth__SignInPermitsPerMinute=100000 \
  dotnet LunaPoint.Host/bin/Debug/net10.0/LunaPoint.Host.dll --urls "$base" --contentRoot "$PWD" >"$work/host.log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null; wait $host 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 240); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.5; done

python3 - "$base" "$work/data" <<'PY'
import glob, http.client, json, sqlite3, statistics, sys, time, urllib.parse
base, data = sys.argv[1], sys.argv[2]
u = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(u.hostname, u.port)

def call(method, path, body=None, headers=None):
    h = {"content-type": "application/json", **(headers or {})}
    conn.request(method, path, json.dumps(body) if body is not None else None, h)
    r = conn.getresponse()
    return r.status, r.read()

token = json.loads(call("POST", "/api/v1/auth/token", {"userName": "admin", "password": "Measure-Admin-Pass-1"})[1])["accessToken"]
admin = {"authorization": "Bearer " + token}
ids = {}
for name in ("existing", "locked", "disabled"):
    ids[name] = json.loads(call("POST", "/api/v1/users", {"userName": name, "password": "Measure-User-Pass-1", "role": "Viewer"}, admin)[1])["id"]
call("PATCH", f"/api/v1/users/{ids['disabled']}", {"disabled": True}, admin)
for _ in range(6):
    call("POST", "/api/v1/auth/token", {"userName": "locked", "password": "wrong-password-1"})

samples = {k: [] for k in ("unknown", "existing", "locked", "disabled")}
for _ in range(60):
    for kind in samples:
        name = "nobody-here" if kind == "unknown" else kind
        t = time.perf_counter()
        call("POST", "/api/v1/auth/token", {"userName": name, "password": "wrong-password-1"})
        samples[kind].append((time.perf_counter() - t) * 1000)
medians = {k: round(statistics.median(v), 1) for k, v in samples.items()}
print("refused token request, median ms:", medians, "max/min ratio %.2f" % (max(medians.values()) / min(medians.values())))

statuses = {}
for i in range(5000):
    h = {"authorization": f"Bearer junk.{i}.x"} if i % 2 else {"X-Api-Key": f"lp_abcdef_{i}"}
    s, _ = call("GET", "/api/v1/streams", headers=h)
    statuses[s] = statuses.get(s, 0) + 1
time.sleep(3)  # the audit writer flushes its counts every second or so
db = sqlite3.connect([f for f in glob.glob(data + "/*.db") if "auth" in f][0])
rows = db.execute("select action, count(*), sum(count) from audit_log where succeeded = 0 and action in ('api-key.rejected', 'token.rejected', 'credentials.throttled') group by action").fetchall()
print("5000 junk credentials:", statuses, "audit rows (action, rows, summed count):", rows)
print(json.dumps({"refusalMedianMs": medians, "junkStatuses": statuses, "auditRows": sum(r[1] for r in rows)}))
PY
