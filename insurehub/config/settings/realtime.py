"""Realtime: the event streams' replay and ordering, outbox redispatch, webhooks."""

from .reader import env
from .tasks import CELERY_BEAT_SCHEDULE

REALTIME_REPLAY_WINDOW_HOURS = env.int("REALTIME_REPLAY_WINDOW_HOURS", 24)
REALTIME_REPLAY_MAX_EVENTS = env.int("REALTIME_REPLAY_MAX_EVENTS", 1000)
REALTIME_HEARTBEAT_SECONDS = env.int("REALTIME_HEARTBEAT_SECONDS", 25)
REALTIME_MAX_FRAME_BYTES = env.int("REALTIME_MAX_FRAME_BYTES", 64 * 1024)
# Events go out in id order (realtime/stream.py). How long a later event waits for a lower id
# whose transaction is still open (PostgreSQL) before it goes out without it; the lower one is
# then sent late, when it commits.
REALTIME_ORDER_WAIT_SECONDS = env.float("REALTIME_ORDER_WAIT_SECONDS", 3.0)
# Events queued for one socket before it is closed with 1013 (it resumes with ?since=).
REALTIME_SOCKET_BACKLOG = env.int("REALTIME_SOCKET_BACKLOG", 1000)
# Events the channel layer did not take (Redis down) are swept again by the process that sent them,
# from this delay doubling up to the maximum, and at once when another event goes through
# (realtime/redispatch.py); the periodic dispatcher below remains for what a dead process left.
REALTIME_REDISPATCH_FIRST_SECONDS = env.float("REALTIME_REDISPATCH_FIRST_SECONDS", 0.5)
REALTIME_REDISPATCH_MAX_SECONDS = env.float("REALTIME_REDISPATCH_MAX_SECONDS", 5.0)
CELERY_BEAT_SCHEDULE["realtime-dispatch-pending-outbox"] = {
    "task": "insurehub.realtime.tasks.outbox_dispatch_pending",
    "schedule": 30.0,
}
CELERY_BEAT_SCHEDULE["realtime-webhooks-deliver-due"] = {
    "task": "insurehub.realtime.tasks.webhooks_deliver_due",
    "schedule": 15.0,
}
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", 5.0)
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", 12)
WEBHOOK_RETRY_BASE_SECONDS = env.int("WEBHOOK_RETRY_BASE_SECONDS", 10)
WEBHOOK_RETRY_MAX_SECONDS = env.int("WEBHOOK_RETRY_MAX_SECONDS", 3600)
