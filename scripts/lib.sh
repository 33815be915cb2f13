# Shared by scripts/run.sh and scripts/test.sh: install what is missing, or say the exact command.
# shellcheck shell=bash

lp_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lp_apt_updated=0

lp_log() { printf '\033[1m[lunapoint]\033[0m %s\n' "$*" >&2; }

# Under `set -e` a failing command ends the script without a word; say which one, and where.
set -E
trap 'lp_rc=$?; [[ $- == *e* ]] && lp_log "stopped: \"$BASH_COMMAND\" failed with exit code $lp_rc (${BASH_SOURCE[0]:-$0}:$LINENO)"' ERR

# lp_apt_install PACKAGE... : installs Debian packages as root, or stops with the command to run.
lp_apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      lp_sudo=sudo
    else
      lp_log "missing: $*. Install them, then run this script again:"
      echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends $*" >&2
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    lp_log "missing: $*. This is not a Debian/Ubuntu machine: install the equivalents of those packages by hand."
    exit 1
  fi
  if [ "$lp_apt_updated" -eq 0 ]; then
    ${lp_sudo:-} apt-get update -qq
    lp_apt_updated=1
  fi
  lp_log "installing $*"
  DEBIAN_FRONTEND=noninteractive ${lp_sudo:-} apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

lp_require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
    lp_log "the .NET 10 SDK is needed: https://learn.microsoft.com/dotnet/core/install/linux-debian"
    echo "    sudo apt-get install -y dotnet-sdk-10.0   # after adding Microsoft's package feed" >&2
    exit 1
  fi
}

# OpenCV's native library links GTK 3; network streams are read through Debian's ffmpeg.
lp_require_runtime_packages() {
  local missing=() libraries
  # Captured first: `ldconfig -p | grep -q` under pipefail fails when grep exits early and ldconfig
  # dies of SIGPIPE, which reported GTK missing when it was there.
  libraries="$(ldconfig -p 2>/dev/null || true)"
  grep 'libgtk-3\.so\.0' <<<"$libraries" >/dev/null || missing+=(libgtk-3-0)
  command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
  command -v npm >/dev/null 2>&1 || [ -f "$lp_root/models/fr_detect.onnx" ] || missing+=(nodejs npm)
  [ ${#missing[@]} -eq 0 ] || lp_apt_install "${missing[@]}"
}

# The browser tests drive Debian's Chromium; Playwright must never download a browser of its own.
lp_require_chromium() {
  command -v chromium >/dev/null 2>&1 || lp_apt_install chromium
  export LUNAPOINT_CHROMIUM="${LUNAPOINT_CHROMIUM:-$(command -v chromium)}"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
}

# The capture tests' RTSP camera stand-in (RTP over UDP only; see LunaPoint.Tests/Infrastructure/Video).
lp_require_test_servers() {
  command -v rtsp-server-perl >/dev/null 2>&1 || lp_apt_install rtsp-server-perl
}

lp_require_models() {
  "$lp_root/scripts/fetch-models.sh" "${1:-$lp_root/models}" >&2
}

# lp_require_test_media DIR : real photos and videos from Debian's opencv-doc (Apache-2.0 / BSD-3-Clause)
# and astronaut.png (public domain, one face) from Debian's python3-skimage, downloaded once into DIR.
lp_require_test_media() {
  local media="$1" debs="$lp_root/.cache/debs" extracted found f
  if [ ! -f "$media/messi5.jpg" ] || [ ! -f "$media/vtest.avi" ]; then
    lp_log "downloading test media (Debian package opencv-doc)"
    command -v apt-get >/dev/null || { lp_log "apt-get is needed to download opencv-doc"; exit 1; }
    mkdir -p "$debs" "$media"
    if ! ls "$debs"/opencv-doc_*.deb >/dev/null 2>&1; then
      if ! (cd "$debs" && apt-get download opencv-doc 2>/dev/null); then
        if [ "$(id -u)" -ne 0 ]; then
          lp_log "apt-get could not download opencv-doc (the package lists are probably not fetched yet). Run:"
          echo "    sudo apt-get update && (cd $debs && apt-get download opencv-doc)" >&2
          exit 1
        fi
        apt-get update -qq && (cd "$debs" && apt-get download opencv-doc)
      fi
    fi
    extracted="$(mktemp -d)"
    dpkg -x "$debs"/opencv-doc_*.deb "$extracted"
    for f in examples/data/vtest.avi examples/data/messi5.jpg examples/data/Megamind.avi; do
      cp "$extracted/usr/share/doc/opencv-doc/$f" "$media/"
    done
    for f in lbp_yale.jpg faceDetection.png face_swapped.jpg facereg.jpg julia_facedetect_sample.jpg; do
      found="$(find "$extracted/usr/share/doc/opencv-doc" -name "$f" -print -quit)"
      [ -n "$found" ] && cp "$found" "$media/"
    done
    rm -rf "$extracted"
  fi

  # camera.png (the cameraman, public domain) joins astronaut.png as a second person for the similarity figures.
  if [ ! -f "$media/astronaut.png" ] || [ ! -f "$media/camera.png" ]; then
    lp_log "downloading test media (Debian package python3-skimage)"
    mkdir -p "$debs" "$media"
    if ! ls "$debs"/python3-skimage_*.deb >/dev/null 2>&1; then
      (cd "$debs" && apt-get download python3-skimage) || { lp_log "apt-get could not download python3-skimage; run: sudo apt-get update"; exit 1; }
    fi
    extracted="$(mktemp -d)"
    dpkg -x "$debs"/python3-skimage_*.deb "$extracted"
    cp "$(find "$extracted" -name astronaut.png -print -quit)" "$media/"
    cp "$(find "$extracted" -name camera.png -print -quit)" "$media/"
    rm -rf "$extracted"
  fi
}
