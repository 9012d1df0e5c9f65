"""Serializer bases shared by every app."""

from collections.abc import Mapping

from rest_framework import serializers


class StrictFieldsMixin:
    """Refuse unknown and read-only fields instead of silently dropping them, so that a
    request can never believe it set something it did not (e.g. a customer sending `role`)."""

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            errors = {}
            for name in data:
                field = self.fields.get(name)
                if field is None:
                    errors[name] = [serializers.ErrorDetail("Unknown field.", code="unknown_field")]
                elif field.read_only:
                    errors[name] = [serializers.ErrorDetail("This field is read-only.", code="read_only")]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


class StrictSerializer(StrictFieldsMixin, serializers.Serializer):
    pass


class StrictModelSerializer(StrictFieldsMixin, serializers.ModelSerializer):
    pass


class NullWhenEmptyMixin:
    """An optional formatted text (a URL, an e-mail address) answered as null when empty: "" is not a URI
    nor an address, so the schema's format would not hold. Read-only."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return super().to_representation(value) if value else None


class OptionalURLField(NullWhenEmptyMixin, serializers.URLField):
    pass


class OptionalEmailField(NullWhenEmptyMixin, serializers.EmailField):
    pass


class MoneyField(serializers.DecimalField):
    """Money as a decimal string with two places (never a float)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("coerce_to_string", True)
        super().__init__(**kwargs)
