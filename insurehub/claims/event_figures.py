"""A catastrophe event's figures, read from its claims in three queries whatever their number:
counts and exposure, reserves and payments, and claims filed per day."""

from datetime import UTC
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncDate

from insurehub.catastrophes.models import CatastropheEvent
from insurehub.claims.models import OPEN_STATUSES, Claim, ClaimStatus, Reserve

ZERO = Decimal("0.00")


def catastrophe_figures(event: CatastropheEvent) -> dict:
    """`claims` tagged with the event (drafts left out: not filed yet), `open` among them, and money
    in the event's currency (claims in another currency are counted, not summed; `other_currency`
    says how many): `exposure` the sum of their estimated costs, `reserves` the open reserve
    (reserved less paid, open reserves only), `paid` what was paid out on them; `by_day` the claims
    filed each UTC day (by their filing time), oldest first."""
    claims = Claim.objects.filter(catastrophe=event).exclude(status=ClaimStatus.DRAFT)
    same_currency = Q(currency=event.currency)
    totals = claims.aggregate(
        claims=Count("pk"),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        fast_tracked=Count("pk", filter=Q(catastrophe_fast_track=True)),
        other_currency=Count("pk", filter=~same_currency),
        exposure=Sum("estimated_cost", filter=same_currency),
    )
    money = (
        Reserve.objects.filter(claim__catastrophe=event, currency=event.currency)
        .exclude(claim__status=ClaimStatus.DRAFT)
        .aggregate(
            reserves=Sum(F("amount") - F("paid"), filter=Q(closed_at__isnull=True)),
            paid=Sum("paid"),
        )
    )
    by_day = (
        claims.annotate(day=TruncDate("submitted_at", tzinfo=UTC))
        .values("day")
        .annotate(claims=Count("pk"))
        .order_by("day")
    )
    return {
        "event": event,
        "currency": event.currency,
        "claims": totals["claims"],
        "open": totals["open"],
        "fast_tracked": totals["fast_tracked"],
        "other_currency": totals["other_currency"],
        "exposure": totals["exposure"] or ZERO,
        "reserves": money["reserves"] or ZERO,
        "paid": money["paid"] or ZERO,
        "by_day": [{"day": row["day"], "claims": row["claims"]} for row in by_day if row["day"] is not None],
    }
