#!/usr/bin/env bash
# System packages the documents app uses (ClamAV, Tesseract) and a local virus-signature
# database that detects the EICAR test file: freshclam cannot reach its mirrors from CI, and
# Debian's packages ship no signatures. Production keeps real signatures current with
# freshclam (see README). Safe to run again; skips the install quietly when not root or no apt.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(clamav clamav-daemon tesseract-ocr tesseract-ocr-eng)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "not installing ${missing[*]} (needs root and apt-get); the tests that need them will skip"
    fi
fi

# The local signature database: an MD5 of the whole 68-byte EICAR file, and a body signature
# that also finds it inside a larger file or an archive member.
db="${CLAMAV_DB_DIR:-var/clamav-db}"
mkdir -p "$db"
eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
printf '44d88612fea8a8f36de82e1278abb02f:68:Local.EICAR.MD5\n' > "$db/local.hdb"
printf 'Local.EICAR.Body:0:*:%s\n' "$(printf '%s' "$eicar" | od -An -tx1 -v | tr -d ' \n')" > "$db/local.ndb"
echo "ClamAV signature database: $db"
