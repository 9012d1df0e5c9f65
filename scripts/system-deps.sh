#!/usr/bin/env bash
# The system packages InsureHub's documents pipeline uses (ClamAV, Tesseract) and, where freshclam's
# signature database is missing, a local one that detects the EICAR test file: Debian's packages
# ship no signatures and freshclam cannot reach its mirrors from every machine. `make run`,
# `make test` and CI call this. Production keeps real signatures current with freshclam (README).
#
# Fast and quiet when everything is there (one dpkg query, no apt-get update). Installs what is
# missing as root with apt-get; otherwise prints the one command to run and carries on (scans
# stay fail-closed: without a scanner uploads wait as "unscanned" and are never served).
#
# --database-only: leave the packages alone, only (re)build or remove the local database.
set -euo pipefail
cd "$(dirname "$0")/.."
database_only=0
[ "${1:-}" = "--database-only" ] && database_only=1

packages=(clamav clamav-daemon tesseract-ocr tesseract-ocr-eng)
commands=(clamscan clamd tesseract)

missing=()
if [ "$database_only" -eq 1 ]; then
    :
elif command -v dpkg-query >/dev/null 2>&1; then
    installed="$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null || true)"
    for package in "${packages[@]}"; do
        grep -qx "$package install ok installed" <<<"$installed" || missing+=("$package")
    done
else
    for command in "${commands[@]}"; do
        command -v "$command" >/dev/null 2>&1 || PATH="$PATH:/usr/sbin" command -v "$command" >/dev/null 2>&1 \
            || missing+=("$command")
    done
fi

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "system-deps: installing ${missing[*]} (apt-get)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "system-deps: missing ${missing[*]}: virus scanning and OCR stay off until they are installed."
        if command -v apt-get >/dev/null 2>&1; then
            echo "  Run: sudo scripts/system-deps.sh"
        elif command -v brew >/dev/null 2>&1; then
            echo "  Run: brew install clamav tesseract && scripts/system-deps.sh"
        else
            echo "  Install ClamAV and Tesseract (with English) with your package manager, then run scripts/system-deps.sh"
        fi
    fi
fi

# clamd's scan limits (deploy/clamd-limits.conf: sizes, files, recursion, time, alert when exceeded)
# in Debian's clamd.conf, where clamav-daemon is installed and the file is ours to write: each
# directive replaced or added (clamd keeps the first value it reads). clamd applies them on restart.
clamd_conf="${CLAMD_CONF:-/etc/clamav/clamd.conf}"
if [ "$database_only" -eq 0 ] && [ -f "$clamd_conf" ] && [ -w "$clamd_conf" ]; then
    changed=0
    while read -r key value; do
        case "$key" in '' | '#'*) continue ;; esac
        if [ "$(grep "^$key " "$clamd_conf" || true)" != "$key $value" ]; then
            sed -i "/^$key /d" "$clamd_conf"
            printf '%s %s\n' "$key" "$value" >>"$clamd_conf"
            changed=1
        fi
    done <deploy/clamd-limits.conf
    if [ "$changed" -eq 1 ]; then
        echo "system-deps: scan limits of deploy/clamd-limits.conf set in $clamd_conf (restart clamav-daemon to apply)"
    fi
fi

# The local signature database, built only where freshclam's database is missing: an MD5 of the
# whole 68-byte EICAR file, and a body signature that also finds it inside a larger file or an
# archive member. Where freshclam's database exists, settings leave clamscan on it.
db="${CLAMAV_DB_DIR:-var/clamav-db}"
freshclam_db="${FRESHCLAM_DB_DIR:-/var/lib/clamav}"
if compgen -G "$freshclam_db/*.cvd" >/dev/null || compgen -G "$freshclam_db/*.cld" >/dev/null; then
    if [ -z "${CLAMAV_DB_DIR:-}" ] && [ -d "$db" ]; then
        rm -f "$db/local.hdb" "$db/local.ndb"
        rmdir "$db" 2>/dev/null || true
        echo "system-deps: freshclam's database is in $freshclam_db; the local EICAR-only database was removed"
    fi
    exit 0
fi
eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
hdb='44d88612fea8a8f36de82e1278abb02f:68:Local.EICAR.MD5'
ndb="Local.EICAR.Body:0:*:$(printf '%s' "$eicar" | od -An -tx1 -v | tr -d ' \n')"
if [ "$(cat "$db/local.hdb" 2>/dev/null)" != "$hdb" ] || [ "$(cat "$db/local.ndb" 2>/dev/null)" != "$ndb" ]; then
    mkdir -p "$db"
    printf '%s\n' "$hdb" > "$db/local.hdb"
    printf '%s\n' "$ndb" > "$db/local.ndb"
    if [ -n "${SUDO_UID:-}" ] && [ "$db" = "var/clamav-db" ]; then
        chown -R "$SUDO_UID:${SUDO_GID:-$SUDO_UID}" var  # made under sudo: leave it to the user
    fi
    echo "system-deps: local ClamAV signature database (EICAR only) in $db"
fi
