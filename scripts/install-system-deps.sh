#!/bin/sh
# Installs what the app and its browser tests need from Debian: a CJK font (so Chinese renders
# in screenshots and word clouds) and Chromium (for the real-browser test). Skips what is present.
set -e
need=""
[ -x /usr/lib/chromium/chromium ] || need="$need chromium"
fc-list 2>/dev/null | grep -qiE "wqy|noto sans cjk|source han" || need="$need fonts-wqy-microhei"
[ -z "$need" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "ZoneLens needs:$need — install them with: sudo apt-get install$need" >&2
  exit 1
fi
echo "installing:$need"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
