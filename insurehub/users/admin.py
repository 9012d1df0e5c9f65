"""Users in the admin. Changes are saved through user_update (the admin whitelist: name, phone,
role, department, certification, verification flags, active), which audits them and revokes the
sessions of a deactivated account; is_staff and is_superuser follow the role. Accounts are
deactivated, or erased through a privacy request, never deleted here."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm

from insurehub.audit.admin import AuditedModelAdmin, ReadOnlyAdmin, form_changes, fresh
from insurehub.core.admin_search import BlindIndexSearchMixin
from insurehub.users.models import AccountToken, NotificationPreference, User
from insurehub.users.services import ADMIN_EDITABLE_FIELDS, user_update


class UserCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "role", "department")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BlindIndexSearchMixin, AuditedModelAdmin, DjangoUserAdmin):
    add_form = UserCreationForm
    form = UserEditForm
    ordering = ["email"]
    list_display = ["email", "name", "role", "department", "certification_level", "is_active", "last_login"]
    list_filter = ["role", "department", "is_active", "email_verified", "phone_verified", "certification_level"]
    search_fields = ["email", "name"]
    # Phone and national id are sealed: a whole one finds its user by the blind index.
    blind_index_search = {"phone_hash": "phone", "national_id_hash": "national_id"}
    readonly_fields = [
        "email",
        "is_staff",
        "is_superuser",
        "last_login",
        "created_at",
        "updated_at",
        "tokens_valid_after",
    ]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("name", "phone", "email_verified", "phone_verified")}),
        ("Role", {"fields": ("role", "department", "certification_level")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "tokens_valid_after")}),
        ("Dates", {"fields": ("last_login", "created_at", "updated_at")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "role", "department", "password1", "password2")}),
    )
    filter_horizontal: tuple = ()

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        data = form_changes(form, ADMIN_EDITABLE_FIELDS)
        if data:
            user_update(user=fresh(obj), data=data, updated_by=request.user)


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(AuditedModelAdmin):
    list_display = ["user", "channel", "topic", "enabled"]
    list_filter = ["channel", "topic", "enabled"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]


@admin.register(AccountToken)
class AccountTokenAdmin(ReadOnlyAdmin):
    """Reset links, e-mail links and SMS codes sent: when, to whom, used or not. Only keyed hashes
    are stored, and even those are not shown."""

    list_display = ["user", "purpose", "created_at", "expires_at", "used_at", "attempts"]
    list_filter = ["purpose"]
    search_fields = ["user__email"]
    exclude = ["token_hash", "target"]
    list_select_related = ["user"]
