"""The claims side of catastrophe events: tagging a claim by hand, and an event's figures (which add
up its claims, so they live here; the paths are under /api/catastrophes/ with the events')."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.catastrophes.permissions import ReadsEventFigures
from insurehub.catastrophes.selectors import catastrophes_visible_to
from insurehub.claims import permissions, selectors, services
from insurehub.claims.api import serializers as s
from insurehub.claims.event_figures import catastrophe_figures
from insurehub.core.serializers import MoneyField, StrictSerializer


class CatastropheTagSerializer(StrictSerializer):
    event = serializers.UUIDField(allow_null=True, help_text="The event to tag the claim with; null untags it.")
    reason = serializers.CharField(max_length=500)


class EventRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = serializers.CharField()
    name = serializers.CharField()


class FiguresDaySerializer(serializers.Serializer):
    day = serializers.DateField(help_text="A UTC day.")
    claims = serializers.IntegerField(help_text="Claims filed that day.")


class CatastropheFiguresSerializer(serializers.Serializer):
    event = EventRefSerializer()
    currency = serializers.CharField(help_text="The currency of the amounts (the event's).")
    claims = serializers.IntegerField(help_text="Filed claims tagged with the event (drafts left out).")
    open = serializers.IntegerField(help_text="Of them, those still open.")
    fast_tracked = serializers.IntegerField(help_text="Of them, those fast-tracked to a desk assessor.")
    other_currency = serializers.IntegerField(help_text="Claims in another currency: counted, not summed.")
    exposure = MoneyField(help_text="The sum of the claims' estimated costs.")
    reserves = MoneyField(help_text="The open reserve: reserved less paid, on open reserves.")
    paid = MoneyField(help_text="Paid out on the claims.")
    by_day = FiguresDaySerializer(many=True)


class ClaimCatastropheApi(APIView):
    permission_classes = [permissions.ManagesClaims]

    @extend_schema(request=CatastropheTagSerializer, responses={200: s.ClaimDetailSerializer}, tags=["claims"])
    def post(self, request, claim_id):
        """Tag a claim with a catastrophe event, or untag it.

        `event`: an open event of the claim's department (moving the claim from another event), or null to
        untag it; `reason` is required. Recorded on the claim's timeline and audited. A claim untagged by
        hand is never tagged again automatically (tagging it by hand again is possible). Tagging applies
        the event's rules to an open claim: its SLA, its desk's agent when the claim has none, and the
        fast track (a desk assessor) below its limit. The same event again changes nothing.

        Access: agents, supervisors and admins who may see the claim.

        Errors: 400 `validation_error`, `reason_required`, `other_department` (another department's
        event); 403 `permission_denied` (customers, assessors); 404 `not_found` (the claim, or an event
        the caller may not see); 409 `event_closed`.
        """
        claim = get_object_or_404(selectors.claims_visible_to(request.user), pk=claim_id)
        data = CatastropheTagSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        event_id = data.validated_data["event"]
        event = get_object_or_404(catastrophes_visible_to(request.user), pk=event_id) if event_id else None
        services.claim_set_catastrophe(
            claim=claim, event=event, actor=request.user, reason=data.validated_data["reason"]
        )
        return Response(
            s.ClaimDetailSerializer(
                selectors.claim_list(request.user).get(pk=claim.pk), context={"request": request}
            ).data
        )


class CatastropheFiguresApi(APIView):
    permission_classes = [ReadsEventFigures]

    @extend_schema(responses={200: CatastropheFiguresSerializer}, tags=["catastrophes"])
    def get(self, request, event_id):
        """Show a catastrophe event's figures.

        Its claims (filed, drafts left out), how many are open and fast-tracked, and in the event's currency
        their exposure (estimated costs), open reserves and what was paid; the claims filed per UTC day.
        A fixed number of queries whatever the number of claims.

        Access: staff of the event's department; admins.

        Errors: 403 `permission_denied` (staff of other departments); 404 `not_found` (customers; an
        unknown event).
        """
        event = get_object_or_404(catastrophes_visible_to(request.user), pk=event_id)
        self.check_object_permissions(request, event)
        figures = catastrophe_figures(event)
        figures["event"] = {"id": event.pk, "code": event.code, "name": event.name}
        return Response(CatastropheFiguresSerializer(figures).data)
