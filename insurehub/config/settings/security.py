"""HTTPS, cookies, headers, trusted proxies, and the production refusal of stand-in providers."""

from .api import REST_FRAMEWORK
from .base import DEBUG, DJANGO_ENV, TESTING
from .reader import env

SESSION_COOKIE_SECURE = not (DEBUG or TESTING) and env.bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# X-Forwarded-For is believed only from our own proxies (core/client_address.py): TRUSTED_PROXIES,
# addresses or CIDR networks ("10.0.0.0/8,192.0.2.10"), or else NUM_PROXIES = how many proxies
# append to it. Neither set: the header is ignored (uvicorn's FORWARDED_ALLOW_IPS decides REMOTE_ADDR).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
NUM_PROXIES = REST_FRAMEWORK["NUM_PROXIES"]
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", not (DEBUG or TESTING or DJANGO_ENV == "development"))
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 0 if (DEBUG or TESTING) else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
# Production refuses stand-in providers (card sandbox, Daraja sandbox or a local stand-in, console
# SMS and e-mail, missing keys): the process stops at start-up naming the variables
# (insurehub/core/stand_ins.py). ALLOW_SANDBOX_PROVIDERS=1 lets a staging deployment start with
# them (logged, and reported by `check --deploy`); never set it where real customers pay.
ALLOW_SANDBOX_PROVIDERS = env.bool("ALLOW_SANDBOX_PROVIDERS", False)
# Routes where a caller plays the provider (the card sandbox's settle) exist outside production
# only, whatever ALLOW_SANDBOX_PROVIDERS says: on staging, pay by card with Stripe's test keys.
SANDBOX_ROUTES = DJANGO_ENV != "production"
