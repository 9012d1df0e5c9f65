"""Cache and channel layer: Redis when REDIS_URL is set, this process's memory otherwise."""

from .reader import env

REDIS_URL = env.str("REDIS_URL", None)
# The cache degrades instead of failing requests while Redis is down or hangs (issue 14): short
# socket timeouts, then this process's memory for CACHE_RETRY_SECONDS before Redis is tried again,
# the outage logged once (insurehub/core/resilient_cache.py says what degraded means for each use).
CACHE_CONNECT_TIMEOUT_SECONDS = env.float("CACHE_CONNECT_TIMEOUT_SECONDS", 1.0)
CACHE_SOCKET_TIMEOUT_SECONDS = env.float("CACHE_SOCKET_TIMEOUT_SECONDS", 1.0)
CACHE_RETRY_SECONDS = env.float("CACHE_RETRY_SECONDS", 5.0)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "insurehub.core.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": CACHE_CONNECT_TIMEOUT_SECONDS,
                "socket_timeout": CACHE_SOCKET_TIMEOUT_SECONDS,
                "retry_seconds": CACHE_RETRY_SECONDS,
            },
        }
    }
    # channels_redis waits up to 5 s in BZPOPMIN and redis-py 8 times reads out after 5 s by
    # default: sockets died with "Timeout reading" when quiet or busy, so reads get longer. Only
    # the event streams join a group (realtime/stream.py), renewing it every minute: a crashed
    # process's channel leaves the group after 5 minutes instead of a day.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "socket_timeout": 30, "socket_connect_timeout": 5}],
                "group_expiry": 300,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "insurehub"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
