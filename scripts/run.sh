#!/usr/bin/env bash
# Runs LunaPoint on http://localhost:5080 with the embedded SQLite default, installing what is missing.
# Extra arguments go to the host:   scripts/run.sh --urls http://127.0.0.1:5099
# Settings also come from the environment: ConnectionStrings__Postgres, LunaPoint__DataDir, LunaPoint__ModelsDir.
# scripts/run.sh --demo also makes a looping video of real face photos (once, into .cache/demo) and has
# the host analyse it as a stream named "Demo": faces tracked in the first minute, no camera needed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

demo=0
args=()
url=http://localhost:5080
for arg in "$@"; do
  if [ "$arg" = "--demo" ]; then demo=1; else args+=("$arg"); fi
  # The first address given with --urls, for the line that says where to look.
  if [ "${previous:-}" = "--urls" ]; then url="${arg%%;*}"; fi
  previous="$arg"
done

lp_require_dotnet
lp_require_runtime_packages
lp_require_models "${LunaPoint__ModelsDir:-$lp_root/models}"

# 30 s of 1280x720 at 25 fps: six real face photos (faces 120-250 px) cross a gray frame one or two at a
# time, in two lanes; the frame is empty at both ends, so the endless stream loops without a jump.
lp_make_demo_video() {
  local media="$1" out="$2" partial="$2.partial.mp4" lanes=(10 370) inputs=() filter="" last="0:v" i=0
  # photo, crop (w:h:x:y or empty), scaled size, lane, from, to, direction (1: left to right)
  local shots=(
    "julia_facedetect_sample.jpg|300:340:130:50|300:340|0|0|9|1"
    "lbp_yale.jpg|166:190:0:0|298:340|1|2|11|0"
    "faceDetection.png||340:340|0|10|19|0"
    "astronaut.png|240:260:95:10|314:340|1|12|21|1"
    "face_swapped.jpg||340:340|0|20|29|1"
    "lbp_yale.jpg|166:190:332:0|298:340|1|21|29.5|0"
  )
  for shot in "${shots[@]}"; do
    IFS='|' read -r photo crop size lane from to ltr <<<"$shot"
    inputs+=(-loop 1 -i "$media/$photo")
    local path="(W+w)*(t-$from)/($to-$from)"
    local x; if [ "$ltr" = 1 ]; then x="-w+$path"; else x="W-$path"; fi
    filter+="[$((i + 1)):v]${crop:+crop=$crop,}scale=$size[p$i];"
    filter+="[$last][p$i]overlay=x='$x':y=${lanes[$lane]}:enable='between(t,$from,$to)':shortest=1[v$i];"
    last="v$i"; i=$((i + 1))
  done
  filter+="[$last]format=yuv420p[out]"
  mkdir -p "$(dirname "$out")"
  lp_log "making the demo video $out (once, about a minute)"
  ffmpeg -hide_banner -nostdin -loglevel error -y -f lavfi -i "color=c=0x808890:s=1280x720:r=25" "${inputs[@]}" \
    -filter_complex "$filter" -map "[out]" -t 30 -r 25 -c:v libx264 -preset veryfast -g 25 -pix_fmt yuv420p \
    -movflags +faststart "$partial"
  mv "$partial" "$out"
}

if [ "$demo" -eq 1 ]; then
  lp_require_test_media "$lp_root/.cache/test-media"
  video="$lp_root/.cache/demo/demo.mp4"
  [ -f "$video" ] || lp_make_demo_video "$lp_root/.cache/test-media" "$video"
  export LunaPoint__Demo__Source="$video"
  lp_log "demo: open $url/streams and sign in as admin (password: LunaPoint__AdminPassword if set, else the one-time password logged below at first start); the stream \"Demo\" shows tracked faces"
fi

cd "$lp_root"
lp_log "starting LunaPoint (data: ${LunaPoint__DataDir:-./data}, database: ${ConnectionStrings__Postgres:+PostgreSQL}${ConnectionStrings__Postgres:-embedded SQLite})"
exec dotnet run --project "$lp_root/LunaPoint.Host" -p:FetchFaceModels=false -- "${args[@]}"
