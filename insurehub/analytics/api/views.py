from datetime import timedelta

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from insurehub.analytics import permissions
from insurehub.analytics.selectors import activity_summary
from insurehub.core.serializers import StrictSerializer

MAX_RANGE = timedelta(days=366)


class SummaryQuerySerializer(StrictSerializer):
    """?from=&to= (ISO 8601, default: the last 30 days) and optionally ?user=<id>."""

    locals()["from"] = serializers.DateTimeField(required=False)
    locals()["to"] = serializers.DateTimeField(required=False)
    user = serializers.UUIDField(required=False)

    def validate(self, attrs):
        now = timezone.now()
        end = attrs.get("to") or now
        start = attrs.get("from") or end - timedelta(days=30)
        if start >= end:
            raise serializers.ValidationError({"from": "`from` must be before `to`."})
        if end - start > MAX_RANGE:
            raise serializers.ValidationError({"from": "The range may span at most 366 days."})
        return {"start": start, "end": end, "user_id": attrs.get("user")}


class DaySerializer(serializers.Serializer):
    day = serializers.DateField()
    actions = serializers.IntegerField()
    users = serializers.IntegerField()


class UserSummarySerializer(serializers.Serializer):
    user = serializers.UUIDField()
    email = serializers.EmailField()
    role = serializers.CharField()
    actions = serializers.IntegerField()
    last_active = serializers.DateTimeField()


class ActionSerializer(serializers.Serializer):
    action = serializers.CharField()
    count = serializers.IntegerField()


class SummarySerializer(serializers.Serializer):
    per_day = DaySerializer(many=True)
    per_user = UserSummarySerializer(many=True)
    per_action = ActionSerializer(many=True)


class ActivitySummaryApi(APIView):
    permission_classes = [permissions.ReadsActivity]

    @extend_schema(parameters=[SummaryQuerySerializer], responses={200: SummarySerializer}, tags=["analytics"])
    def get(self, request):
        """Summarise user activity over a period.

        Counts of recorded user actions between `from` and `to` (ISO 8601; by default the last
        30 days, at most 366 days), optionally for one `user`: per day (actions and distinct
        users), per user (the 200 most active, with their last action) and per action.

        Access: admins.

        Errors: 400 `validation_error` (`from` not before `to`, a range over 366 days, an unknown
        parameter); 403 `permission_denied` for any other role.
        """
        query = SummaryQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        return Response(SummarySerializer(activity_summary(**query.validated_data)).data)
