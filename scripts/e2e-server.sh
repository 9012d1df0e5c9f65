#!/usr/bin/env bash
# A real InsureHub server for the browser tests (web/playwright.config.ts starts it once per run):
# DJANGO_ENV=development on a fresh SQLite database seeded by `manage.py seed_demo`, serving the
# built web app (web/dist) and the API on 127.0.0.1:$E2E_PORT.
#
# Migrating and seeding take minutes on a busy machine, so the seeded database (and its media
# files) is kept as a template in var/e2e/template, keyed by a hash of the code that shapes it
# (the Python package without its tests, and requirements.lock). Each run starts from a fresh
# copy of it in var/e2e/run: tests never see another run's changes.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${E2E_PORT:?E2E_PORT must be set (web/playwright.config.ts sets it)}"
python="${INSUREHUB_PYTHON:-.venv/bin/python}"
root="var/e2e"
template="$root/template"
run="$root/run-$port"  # one per server: several runs may share the machine

key="$( (find insurehub -name '*.py' -not -path '*/tests/*' -print0 | sort -z | xargs -0 sha256sum; sha256sum requirements.lock) | sha256sum | cut -c1-16)"

export DJANGO_ENV=development DEBUG=0 SECURE_COOKIES=0 SECURE_SSL_REDIRECT=0
export PORT="$port" PUBLIC_BASE_URL="http://127.0.0.1:$port"
# Many sign-ins from one address in a few minutes are the tests, not an attack.
export THROTTLE_AUTH="${THROTTLE_AUTH:-10000/minute}" THROTTLE_ANON="${THROTTLE_ANON:-100000/hour}"
export LOGIN_IP_LOCKOUT_AFTER="${LOGIN_IP_LOCKOUT_AFTER:-10000}"
free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export MPESA_STANDIN_PORT="${MPESA_STANDIN_PORT:-$(free_port)}"  # the development M-Pesa stand-in

mkdir -p "$root"
exec 9>"$root/template.lock"
flock 9  # one template build at a time; the others wait for it and reuse it
if [ ! -f "$template/$key" ]; then
    echo "e2e-server: building the seeded template database (once per code change)..."
    rm -rf "$template" && mkdir -p "$template"
    DATABASE_URL="sqlite:///$PWD/$template/db.sqlite3" MEDIA_ROOT="$PWD/$template/media" \
        "$python" manage.py migrate --noinput >"$template/migrate.log" 2>&1 \
        || { tail -40 "$template/migrate.log"; exit 1; }
    DATABASE_URL="sqlite:///$PWD/$template/db.sqlite3" MEDIA_ROOT="$PWD/$template/media" \
        "$python" manage.py seed_demo >"$template/seed.log" 2>&1 \
        || { tail -40 "$template/seed.log"; exit 1; }
    touch "$template/$key"
fi
# Copied under the lock too: another run may be rebuilding the template for newer code.
rm -rf "$run" && mkdir -p "$run"
cp "$template/db.sqlite3" "$run/db.sqlite3"
[ -d "$template/media" ] && cp -r "$template/media" "$run/media"
flock -u 9
export DATABASE_URL="sqlite:///$PWD/$run/db.sqlite3" MEDIA_ROOT="$PWD/$run/media"

echo "e2e-server: http://127.0.0.1:$port (database $run/db.sqlite3, log $run/server.log)"
# The shipped server (scripts/serve.sh), one process: the stand-in and the scheduler run once.
INSUREHUB_PYTHON="$python" HOST=127.0.0.1 PORT="$port" WORKERS=1 exec bash scripts/serve.sh >"$run/server.log" 2>&1
