# InsureHub: `make run` to try it, `make test` to test it. Needs only Python 3.11+.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/insurehub
PYTEST_ARGS ?=

.PHONY: install system-deps manage prepare run serve migrate seed test test-postgres api-conformance lint format check security lock bench loadtest clean web web-dev web-check e2e

$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

install: $(BIN)/.installed

# ClamAV and Tesseract (apt-get as root, else the one command to run) and the local EICAR signature
# database where freshclam's is missing; quiet and quick when all is there.
system-deps:
	@bash scripts/system-deps.sh

# Any management command with the .venv and DJANGO_ENV=development (as bin/manage):
# make manage ARGS="create_user --email a@example.test --password ... --role agent --department motor"
manage: install
	DJANGO_ENV=$${DJANGO_ENV:-development} $(BIN)/python manage.py $(ARGS)

migrate: install
	DJANGO_ENV=development $(BIN)/python manage.py migrate --noinput

seed: migrate system-deps
	DJANGO_ENV=development $(BIN)/python manage.py seed_demo

# The demo database and the web app's build are independent: made side by side.
prepare:
	@$(MAKE) --no-print-directory -j2 seed web

run: prepare
	@echo ""
	@echo "  InsureHub is starting on http://127.0.0.1:$(PORT)"
	@echo "  The web application: http://127.0.0.1:$(PORT)/ (sign in as the agent, assessor, supervisor or admin)"
	@echo "  API docs (Swagger UI): http://127.0.0.1:$(PORT)/api/docs/   ReDoc: /api/redoc/   schema: /api/schema/"
	@echo "  Demo logins (password: insurehub-demo):"
	@echo "    admin@insurehub.test       admin"
	@echo "    supervisor@insurehub.test  supervisor (motor)"
	@echo "    agent@insurehub.test       agent (motor)"
	@echo "    assessor@insurehub.test    assessor (motor, level 3)"
	@echo "    customer@insurehub.test    customer"
	@echo "    customer2@insurehub.test   customer"
	@echo ""
	@DJANGO_ENV=development DEBUG=$${DEBUG:-1} $(BIN)/python manage.py capabilities
	@echo ""
	@echo "  M-Pesa pays through a local Daraja stand-in (unless MPESA_BASE_URL is set); a phone number ending"
	@echo "  1032 cancels, 0001 lacks funds, 1037 is unreachable, 9999 loses the callback (the status query settles it)"
	@echo ""
	DJANGO_ENV=development DEBUG=$${DEBUG:-1} PORT=$(PORT) HOST=127.0.0.1 INSUREHUB_PYTHON=$(BIN)/python \
		bash scripts/serve.sh

test: install system-deps
	DJANGO_ENV=test $(BIN)/pytest -n 2 $(PYTEST_ARGS)

test-postgres: install system-deps
	DJANGO_ENV=test DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 $(PYTEST_ARGS)

# The API against its own OpenAPI schema (Schemathesis in-process, as the demo agent and customer; part of
# make test with 10 generated examples per operation). Deeper: make api-conformance EXAMPLES=200
EXAMPLES ?= 10
api-conformance: install
	DJANGO_ENV=test SCHEMATHESIS_MAX_EXAMPLES=$(EXAMPLES) $(BIN)/pytest -n 2 -p no:randomly \
		insurehub/core/tests/test_api_conformance.py $(PYTEST_ARGS)

# ruff, the layer contracts (pyproject.toml [tool.importlinter]; docs/architecture.md "Layers"), then
# mypy over core and the money paths (pyproject.toml [tool.mypy]; its plugin loads the test settings).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	DJANGO_ENV=test $(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	DJANGO_ENV=test $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_ENV=test $(BIN)/python manage.py check
	DJANGO_ENV=test $(BIN)/python manage.py spectacular --validate --fail-on-warn --file /dev/null

# bandit over the code (tests and the test helpers are left out: throwaway credentials, asserts);
# pip-audit over requirements.lock: a finding fails; a vulnerability service that cannot be reached
# from this machine is a skip with one line saying so (scripts/audit_dependencies.py decides).
security: install
	$(BIN)/bandit -q -r insurehub -x '*/tests/*,insurehub/core/testing.py'
	$(BIN)/python scripts/audit_dependencies.py requirements.lock

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

bench: install
	@for f in bench/bench_*.py; do echo "== $$f"; DJANGO_ENV=test $(BIN)/python $$f || exit 1; done

# The whole set in one table (issue #16): PostgreSQL at 1,000,000 claims (database insurehub_table, seeded once),
# bare SQL and bare WSGI/ASGI apps as the same run's baselines, wrk against the shipped server, the in-process
# and realtime benches. BENCH_ARGS="--quick" for 50,000 claims and short runs; "--readme" rewrites README.md's table.
BENCH_ARGS ?=
.PHONY: bench-table
bench-table: install
	$(BIN)/python bench/table.py $(BENCH_ARGS)

# Locust runs in its own venv (gevent cannot share a process with the rest of the stack).
# Start a server first (make run, or on PostgreSQL); LOAD_USERS / LOAD_TIME / LOAD_HOST override.
LOAD_USERS ?= 60
LOAD_TIME  ?= 60s
LOAD_HOST  ?= http://127.0.0.1:$(PORT)
.venv-load/.installed: bench/locust/requirements.lock
	$(PYTHON) -m venv .venv-load
	.venv-load/bin/python -m pip install --quiet --require-hashes -r bench/locust/requirements.lock
	touch $@

loadtest: .venv-load/.installed
	.venv-load/bin/locust -f bench/locust/locustfile.py --headless -u $(LOAD_USERS) -r 10 -t $(LOAD_TIME) \
		--host $(LOAD_HOST) --only-summary

# --- the web application (web/: React + TypeScript + Vite; needs Node.js 20+, see web/README.md) ------
# `make web` builds web/dist only when its sources changed (npm ci only when package-lock.json did);
# Django serves the result at / (core/web_app.py).
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html web/package.json \
	web/vite.config.ts web/tsconfig.json

web/node_modules/.installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

# Built aside and swapped in, one build at a time: a server already serving web/dist never sees
# a half-written build.
web/dist/index.html: web/node_modules/.installed $(WEB_SOURCES)
	cd web && flock .build.lock sh -c 'npx vite build --outDir .dist-build --emptyOutDir \
		&& rm -rf .dist-old && { [ ! -d dist ] || mv dist .dist-old; } && mv .dist-build dist && rm -rf .dist-old'
	touch $@

web: web/dist/index.html

# Vite's dev server (hot reload) with /api and /ws proxied to the Django server on PORT (`make run`).
web-dev: web/node_modules/.installed
	@echo "  The web app with hot reload: http://127.0.0.1:5173 (API: http://127.0.0.1:$(PORT), start it with make run)"
	cd web && INSUREHUB_API=http://127.0.0.1:$(PORT) npx vite

# Type check, lint (with the feature boundaries), unit tests, and the API types current with the schema.
web-check: install web/node_modules/.installed
	cd web && npm run typecheck
	cd web && npm run lint
	cd web && npm test
	cd web && INSUREHUB_PYTHON=$(abspath $(BIN)/python) npm run check:api-types

# Browser tests (Playwright) in Debian's Chromium against a real server on a seeded database.
E2E_ARGS ?=
e2e: install web system-deps
	@bash scripts/e2e-browser.sh
	@if [ -x "$${CHROMIUM:-/usr/bin/chromium}" ]; then \
		cd web && INSUREHUB_PYTHON=$(abspath $(BIN)/python) npx playwright test $(E2E_ARGS); \
	else \
		echo "e2e skipped: no Chromium at $${CHROMIUM:-/usr/bin/chromium} (run scripts/e2e-browser.sh as root, or set CHROMIUM)"; \
	fi

clean:
	rm -rf $(VENV) .venv-load var db.sqlite3 db.sqlite3-wal db.sqlite3-shm web/node_modules web/dist
