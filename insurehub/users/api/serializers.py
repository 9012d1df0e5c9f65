"""Input validation and output shape for users and auth. No business rules here."""

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from insurehub.core.roles import Department, Role
from insurehub.core.serializers import StrictModelSerializer, StrictSerializer
from insurehub.core.validators import validate_phone
from insurehub.users.models import MAX_CERTIFICATION_LEVEL, Language, NotificationChannel, NotificationTopic, User


def department_field() -> serializers.ChoiceField:
    # Declared, not generated: a generated read-only field loses allow_blank, and the schema then left
    # out the "" that customers and admins have.
    return serializers.ChoiceField(
        choices=Department.choices, allow_blank=True, read_only=True, help_text="Empty for customers and admins."
    )


class UserOutputSerializer(serializers.ModelSerializer):
    department = department_field()

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "name",
            "phone",
            "role",
            "department",
            "certification_level",
            "language",
            "email_verified",
            "phone_verified",
            "is_active",
            "last_login",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class RegisterInputSerializer(StrictSerializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
    name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    phone = serializers.CharField(
        max_length=32, required=False, allow_blank=True, default="", validators=[validate_phone]
    )
    language = serializers.ChoiceField(
        choices=Language.choices, required=False, default=Language.ENGLISH, help_text="The web application's language."
    )


class LoginInputSerializer(StrictSerializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)


class RegisteredOutputSerializer(serializers.Serializer):
    """The one answer to a registration, new address or taken."""

    detail = serializers.CharField()
    email = serializers.EmailField()


class TokenPairOutputSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()
    user = UserOutputSerializer()


class RefreshInputSerializer(StrictSerializer):
    refresh = serializers.CharField(max_length=2048)


class RefreshOutputSerializer(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


class PasswordChangeInputSerializer(StrictSerializer):
    old_password = serializers.CharField(max_length=128, trim_whitespace=False)
    new_password = serializers.CharField(max_length=128, trim_whitespace=False)


class PasswordChangeOutputSerializer(serializers.Serializer):
    detail = serializers.CharField()
    sessions_revoked = serializers.IntegerField()


@extend_schema_serializer(
    description=(
        "What a user may change about themselves (name, phone, language); every other field is read-only and refused."
    )
)
class MeUpdateInputSerializer(StrictModelSerializer):
    department = department_field()

    class Meta:
        model = User
        fields = ["name", "phone", "language", "email", "role", "department", "certification_level", "is_active"]
        read_only_fields = ["email", "role", "department", "certification_level", "is_active"]


class NotificationPreferenceSerializer(StrictSerializer):
    channel = serializers.ChoiceField(choices=NotificationChannel.choices)
    topic = serializers.ChoiceField(choices=NotificationTopic.choices)
    enabled = serializers.BooleanField()


class NotificationPreferencesInputSerializer(StrictSerializer):
    preferences = NotificationPreferenceSerializer(many=True, allow_empty=False, max_length=200)


class NotificationPreferencesOutputSerializer(serializers.Serializer):
    preferences = NotificationPreferenceSerializer(many=True)


class UserCreateInputSerializer(StrictSerializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
    role = serializers.ChoiceField(choices=Role.choices)
    name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    phone = serializers.CharField(
        max_length=32, required=False, allow_blank=True, default="", validators=[validate_phone]
    )
    department = serializers.ChoiceField(choices=Department.choices, required=False, allow_blank=True, default="")
    certification_level = serializers.IntegerField(min_value=0, max_value=MAX_CERTIFICATION_LEVEL, default=0)


class UserUpdateInputSerializer(StrictSerializer):
    name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True, validators=[validate_phone])
    role = serializers.ChoiceField(choices=Role.choices, required=False)
    department = serializers.ChoiceField(choices=Department.choices, required=False, allow_blank=True)
    certification_level = serializers.IntegerField(min_value=0, max_value=MAX_CERTIFICATION_LEVEL, required=False)
    email_verified = serializers.BooleanField(required=False)
    phone_verified = serializers.BooleanField(required=False)
    is_active = serializers.BooleanField(required=False)


class PasswordResetInputSerializer(StrictSerializer):
    email = serializers.EmailField(max_length=254)


class PasswordResetConfirmInputSerializer(StrictSerializer):
    token = serializers.CharField(max_length=128, help_text="The `token` of the link sent by e-mail.")
    password = serializers.CharField(max_length=128, trim_whitespace=False, help_text="The new password.")


class TokenInputSerializer(StrictSerializer):
    token = serializers.CharField(max_length=128, help_text="The `token` of the link sent by e-mail.")


class PhoneCodeInputSerializer(StrictSerializer):
    code = serializers.RegexField(r"^\d{6}$", max_length=6, help_text="The 6-digit code sent by SMS.")


class EmailChangeInputSerializer(StrictSerializer):
    new_email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        max_length=128, trim_whitespace=False, help_text="The current password, to confirm it is you."
    )


class DetailOutputSerializer(serializers.Serializer):
    detail = serializers.CharField()


class PasswordResetDoneOutputSerializer(serializers.Serializer):
    detail = serializers.CharField()
    sessions_revoked = serializers.IntegerField()


class EmailConfirmedOutputSerializer(serializers.Serializer):
    detail = serializers.CharField()
    email = serializers.EmailField()
    email_verified = serializers.BooleanField()
