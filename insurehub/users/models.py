"""Users, their roles, and what they want to be told about."""

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from insurehub.core.encryption import blind_index
from insurehub.core.fields import EncryptedDateField, EncryptedTextField
from insurehub.core.models import BaseModel
from insurehub.core.roles import Department, Role
from insurehub.core.validators import validate_phone
from insurehub.users import auth_cache

MAX_CERTIFICATION_LEVEL = 5


class Language(models.TextChoices):
    """The languages the web application speaks (its message catalogue, web/src/lib/i18n)."""

    ENGLISH = "en", "English"
    SWAHILI = "sw", "Kiswahili"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("Users need an email address.")
        role = fields.setdefault("role", Role.CUSTOMER)
        fields.setdefault("is_staff", role == Role.ADMIN)
        fields.setdefault("is_superuser", role == Role.ADMIN)
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(role=Role.ADMIN, is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(BaseModel, AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True, max_length=254)
    name = models.CharField(max_length=150, blank=True)
    # Personal data: encrypted at rest; the *_hash blind indexes make them searchable.
    phone = EncryptedTextField(blank=True, default="", max_length=32, validators=[validate_phone])
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    national_id = EncryptedTextField(blank=True, default="", max_length=32)
    national_id_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    date_of_birth = EncryptedDateField(null=True, blank=True)
    address = EncryptedTextField(blank=True, default="", max_length=500)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CUSTOMER, db_index=True)
    department = models.CharField(max_length=32, choices=Department.choices, blank=True, db_index=True)
    certification_level = models.PositiveSmallIntegerField(
        default=0, validators=[MinValueValidator(0), MaxValueValidator(MAX_CERTIFICATION_LEVEL)]
    )
    # The language the user chose for the web application; theirs wherever they sign in.
    language = models.CharField(max_length=8, choices=Language.choices, default=Language.ENGLISH)
    email_verified = models.BooleanField(default=False)
    phone_verified = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May log in to the Django admin site.")
    # Tokens issued before this instant are refused (set on password change and deactivation).
    tokens_valid_after = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["email"]
        indexes = [models.Index(fields=["role", "department"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="users_user_role_valid"),
            models.CheckConstraint(
                condition=models.Q(certification_level__lte=MAX_CERTIFICATION_LEVEL),
                name="users_user_certification_level_range",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = (self.email or "").strip().lower()
        if self.role in (Role.AGENT, Role.ASSESSOR, Role.SUPERVISOR) and not self.department:
            raise ValidationError({"department": "Agents, assessors and supervisors belong to a department."})
        if self.role == Role.CUSTOMER and (self.department or self.certification_level):
            raise ValidationError({"role": "Customers have no department or certification level."})

    def save(self, *args, **kwargs):
        self.phone_hash = blind_index(self.phone, purpose="phone")
        self.national_id_hash = blind_index(self.national_id, purpose="national_id")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            extra = {"phone": "phone_hash", "national_id": "national_id_hash"}
            kwargs["update_fields"] = {*update_fields, *(extra[f] for f in update_fields if f in extra)}
        super().save(*args, **kwargs)
        # Role, department, deactivation, tokens_valid_after...: every process's cached copy of
        # this user (the one requests authenticate with) is stale from the next request on.
        auth_cache.user_changed(self.pk)

    def delete(self, *args, **kwargs):
        user_id = self.pk
        result = super().delete(*args, **kwargs)
        auth_cache.user_changed(user_id)
        return result

    @property
    def is_staff_role(self) -> bool:
        return self.role != Role.CUSTOMER


class NotificationChannel(models.TextChoices):
    IN_APP = "in_app", "In-app"
    EMAIL = "email", "Email"
    SMS = "sms", "SMS"


class NotificationTopic(models.TextChoices):
    CLAIM_UPDATES = "claim_updates", "Claim updates"
    ASSESSMENT_UPDATES = "assessment_updates", "Assessment updates"
    PAYMENTS = "payments", "Payments and receipts"
    POLICY_RENEWALS = "policy_renewals", "Policy renewals and expiry"
    DOCUMENTS = "documents", "Documents"
    ASSIGNMENTS = "assignments", "Work assigned to me"
    ALERTS = "alerts", "Alerts"
    SECURITY = "security", "Security (sign-ins, password changes)"
    MARKETING = "marketing", "Offers and news"


# What a user gets when they have never set a preference.
DEFAULT_PREFERENCES: dict[tuple[str, str], bool] = {
    (channel, topic): not (topic == NotificationTopic.MARKETING or channel == NotificationChannel.SMS)
    or (topic == NotificationTopic.SECURITY)
    for channel in NotificationChannel.values
    for topic in NotificationTopic.values
}


class NotificationPreference(BaseModel):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notification_preferences")
    channel = models.CharField(max_length=16, choices=NotificationChannel.choices)
    topic = models.CharField(max_length=32, choices=NotificationTopic.choices)
    enabled = models.BooleanField(default=True)

    class Meta:
        ordering = ["channel", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["user", "channel", "topic"], name="users_notificationpref_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.channel}/{self.topic}={'on' if self.enabled else 'off'}"


class AccountTokenPurpose(models.TextChoices):
    RESET_PASSWORD = "reset_password", "Password reset"
    VERIFY_EMAIL = "verify_email", "E-mail verification"
    VERIFY_PHONE = "verify_phone", "Phone verification"
    CHANGE_EMAIL = "change_email", "Change of e-mail"
    UNLOCK = "unlock", "Unlock after a lockout"


class AccountToken(BaseModel):
    """A single-use secret sent to the user (a link's token or an SMS code). Only a keyed hash
    is stored; `used_at` is set once, by a conditional update, so a token works at most once.
    `target` is the address the secret was sent to (the new address for a change of e-mail, the
    number for a phone code): a token proves control of that address and of no other."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="account_tokens")
    purpose = models.CharField(max_length=16, choices=AccountTokenPurpose.choices)
    token_hash = models.CharField(max_length=64, db_index=True)
    target = EncryptedTextField(blank=True, default="", max_length=254)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "purpose", "used_at"], name="users_token_open")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(purpose__in=AccountTokenPurpose.values), name="users_accounttoken_purpose_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} for {self.user_id} ({'used' if self.used_at else 'open'})"
