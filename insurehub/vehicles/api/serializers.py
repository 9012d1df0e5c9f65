from decimal import Decimal

from rest_framework import serializers

from insurehub.core.serializers import MoneyField, StrictSerializer
from insurehub.vehicles.models import Vehicle


class VehicleOutputSerializer(serializers.ModelSerializer):
    estimated_value = MoneyField()

    class Meta:
        model = Vehicle
        fields = [
            "id",
            "owner",
            "registration",
            "vin",
            "make",
            "model",
            "year",
            "colour",
            "estimated_value",
            "currency",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class VehicleInputSerializer(StrictSerializer):
    owner = serializers.UUIDField(required=False, help_text="Staff only: the customer who owns it.")
    registration = serializers.CharField(max_length=20)
    vin = serializers.CharField(max_length=24)
    make = serializers.CharField(max_length=64)
    model = serializers.CharField(max_length=64)
    year = serializers.IntegerField(min_value=1900, max_value=2100)
    colour = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")
    estimated_value = MoneyField(min_value=Decimal("0.01"))


class VehicleUpdateSerializer(StrictSerializer):
    registration = serializers.CharField(max_length=20, required=False)
    vin = serializers.CharField(max_length=24, required=False)
    make = serializers.CharField(max_length=64, required=False)
    model = serializers.CharField(max_length=64, required=False)
    year = serializers.IntegerField(min_value=1900, max_value=2100, required=False)
    colour = serializers.CharField(max_length=32, required=False, allow_blank=True)
    estimated_value = MoneyField(min_value=Decimal("0.01"), required=False)
