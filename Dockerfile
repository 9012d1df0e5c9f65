# syntax=docker/dockerfile:1.7
# InsureHub: multi-stage image. Build wheels in one stage, run as a non-root user with only
# runtime libraries (Tesseract for OCR, the ClamAV client for clamdscan; clamd runs beside).

FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY requirements.lock .
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --require-hashes -r requirements.lock

# The web application (web/): built once here; Django serves web/dist at / (insurehub/core/web_app.py).
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npx vite build

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_ENV=production \
    DJANGO_SETTINGS_MODULE=insurehub.config.settings \
    MEDIA_ROOT=/var/lib/insurehub/media STATIC_ROOT=/opt/insurehub/static
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng clamdscan libpq5 curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system insurehub && useradd --system --gid insurehub --home /opt/insurehub insurehub \
    && mkdir -p /var/lib/insurehub/media /opt/insurehub && chown -R insurehub:insurehub /var/lib/insurehub
COPY --from=build /opt/venv /opt/venv
WORKDIR /opt/insurehub
COPY --chown=insurehub:insurehub manage.py pyproject.toml ./
COPY --chown=insurehub:insurehub insurehub ./insurehub
COPY --chown=insurehub:insurehub scripts/serve.sh ./scripts/serve.sh
# docs/api.md and docs/realtime.md are the OpenAPI schema's description (insurehub/core/schema.py).
COPY --chown=insurehub:insurehub docs ./docs
COPY --from=web --chown=insurehub:insurehub /web/dist ./web/dist
# Static files (the admin's, Swagger UI's and ReDoc's) are collected into the image: hashed names and
# gzip copies that WhiteNoise serves. The keys and ALLOW_SANDBOX_PROVIDERS live for this build step
# only (it serves nothing); at run time the real values come from the environment.
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    FIELD_ENCRYPTION_KEYS=build:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA \
    FIELD_HASH_KEY=build-only BACKUP_SIGNING_KEY=build-only AUDIT_CHAIN_KEY=build-only \
    ALLOW_SANDBOX_PROVIDERS=1 LOG_LEVEL=ERROR python manage.py collectstatic --noinput -v0
USER insurehub
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
# scripts/serve.sh, the one start of the server: uvicorn, HTTP and /ws/ on one port (HTTP through
# Django's WSGI handler on THREADS threads per process, WebSockets through Channels), WORKERS processes.
# It passes --proxy-headers: X-Forwarded-Proto/For are believed only from the addresses in
# FORWARDED_ALLOW_IPS (uvicorn reads the variable itself; set it to the load balancer's addresses or
# networks). Never "*": anyone could then choose their own address and slip past the sign-in limits.
ENV FORWARDED_ALLOW_IPS=127.0.0.1 HOST=0.0.0.0 PORT=8000 WORKERS=2 THREADS=8
CMD ["bash", "scripts/serve.sh"]
