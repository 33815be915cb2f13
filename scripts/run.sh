#!/usr/bin/env bash
# Runs LunaPoint on http://localhost:5080 with the embedded SQLite default, installing what is missing.
# Extra arguments go to the host:   scripts/run.sh --urls http://127.0.0.1:5099
# Settings also come from the environment: ConnectionStrings__Postgres, LunaPoint__DataDir, LunaPoint__ModelsDir.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lp_require_dotnet
lp_require_runtime_packages
lp_require_models "${LunaPoint__ModelsDir:-$lp_root/models}"

cd "$lp_root"
lp_log "starting LunaPoint (data: ${LunaPoint__DataDir:-./data}, database: ${ConnectionStrings__Postgres:+PostgreSQL}${ConnectionStrings__Postgres:-embedded SQLite})"
exec dotnet run --project "$lp_root/LunaPoint.Host" -p:FetchFaceModels=false -- "$@"
