#!/usr/bin/env bash
# Adds a migration to one module for both providers, so PostgreSQL and SQLite never drift apart.
#   scripts/add-migration.sh Streams AddStreamSettings
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="${1:?usage: scripts/add-migration.sh <Module> <MigrationName>}"
name="${2:?usage: scripts/add-migration.sh <Module> <MigrationName>}"
project="$root/Modules/$module/LunaPoint.Modules.$module/LunaPoint.Modules.$module.csproj"
[ -f "$project" ] || { echo "no module project at $project" >&2; exit 2; }
cd "$root"
dotnet tool restore >/dev/null
dotnet build "$root/LunaPoint.Host" -p:FetchFaceModels=false -v q >/dev/null
for provider in Postgres Sqlite; do
  dotnet ef migrations add "$name" --no-build \
    --project "$project" --startup-project "$root/LunaPoint.Host" \
    --context "${provider}${module}DbContext" \
    --output-dir "Data/Migrations/$provider"
done
# Module implementation types stay internal (architecture tests); EF finds internal migrations too.
sed -i -E 's/^(\s*)public (partial class|class)/\1internal \2/' \
  "$root/Modules/$module/LunaPoint.Modules.$module/Data/Migrations/"*/*.cs
