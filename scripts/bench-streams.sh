#!/usr/bin/env bash
# The whole-system streams benchmark (docs/benchmarks.md, "Streams"): N looping 720p HTTP sources served by
# ffmpeg, analysed by a Release host on loopback; ends with one JSON line. Arguments go to the benchmark:
#   scripts/bench-streams.sh --count 8 --seconds 60
#   scripts/bench-streams.sh --find-max --max 12 --set LunaPoint:Inference:IntraOpThreads=1
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lp_require_dotnet
lp_require_runtime_packages
lp_require_models "$lp_root/models"
if [ ! -f "$lp_root/.cache/test-media/faceDetection.png" ]; then
  lp_log "the test photos are missing: run scripts/test.sh once (it fetches Debian's opencv-doc into .cache/test-media)"
  exit 1
fi

cd "$lp_root"
exec dotnet run -c Release --project "$lp_root/LunaPoint.Benchmarks" -p:FetchFaceModels=false -- streams "$@"
