from rest_framework import serializers

from insurehub.notifications.models import Notification


class NotificationOutputSerializer(serializers.ModelSerializer):
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "topic", "kind", "title", "body", "link", "data", "read", "read_at", "created_at"]
        read_only_fields = fields

    def get_read(self, obj) -> bool:
        return obj.read_at is not None


class ReadAllOutputSerializer(serializers.Serializer):
    marked_read = serializers.IntegerField()
