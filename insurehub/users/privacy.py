"""The users app's part of GDPR export and erasure."""

from django.utils import timezone

from insurehub.users.models import User


def export(user: User) -> dict:
    return {
        "profile": {
            "id": str(user.pk),
            "email": user.email,
            "name": user.name,
            "phone": user.phone,
            "national_id": user.national_id,
            "date_of_birth": user.date_of_birth.isoformat() if user.date_of_birth else None,
            "address": user.address,
            "role": user.role,
            "department": user.department,
            "language": user.language,
            "email_verified": user.email_verified,
            "phone_verified": user.phone_verified,
            "created_at": user.created_at.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "notification_preferences": [
            {"channel": p.channel, "topic": p.topic, "enabled": p.enabled} for p in user.notification_preferences.all()
        ],
    }


def erase(user: User) -> dict:
    """Pseudonymise the account: records the law requires us to keep (policies, claims,
    payments, the audit log) stay linked to this row, which no longer says who it was."""
    from insurehub.users.services import _revoke_sessions

    pseudonym = f"erased-{user.pk.hex[:16]}@erased.invalid"
    user.email = pseudonym
    user.name = ""
    user.phone = ""
    user.national_id = ""
    user.date_of_birth = None
    user.address = ""
    user.email_verified = user.phone_verified = False
    user.is_active = False
    user.set_unusable_password()
    user.save()
    _revoke_sessions(user)
    deleted, _ = user.notification_preferences.all().delete()
    user.account_tokens.all().delete()  # they hold the old addresses (encrypted) and nothing worth keeping
    return {"pseudonym": pseudonym, "erased_at": timezone.now().isoformat(), "preferences_deleted": deleted}
