#!/usr/bin/env bash
# The browser the end-to-end tests drive: Debian's Chromium (Playwright cannot download its own
# build from these machines). Installs it with apt-get when run as root and it is missing;
# otherwise says what to run. Quick and quiet when it is there. Used by `make e2e`.
set -euo pipefail

chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "${CHROMIUM:-}" ]; then
    echo "e2e-browser: installing chromium (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
else
    echo "e2e-browser: no Chromium at $chromium. Run: sudo apt-get install chromium (or set CHROMIUM to a Chromium binary)"
fi
