from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm

from insurehub.users.models import NotificationPreference, User


class UserCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "role", "department")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = UserCreationForm
    form = UserEditForm
    ordering = ["email"]
    list_display = ["email", "name", "role", "department", "certification_level", "is_active", "last_login"]
    list_filter = ["role", "department", "is_active", "email_verified", "phone_verified", "certification_level"]
    search_fields = ["email", "name", "phone"]
    readonly_fields = ["last_login", "created_at", "updated_at", "tokens_valid_after"]
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


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "channel", "topic", "enabled"]
    list_filter = ["channel", "topic", "enabled"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
