"""Encryption of personal data at rest: AES-GCM sealed values, key rotation, blind indexes."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from insurehub.core import encryption
from insurehub.core.encryption import DecryptionError, blind_index, decrypt, encrypt, generate_key
from insurehub.users.models import User

KEY_A = generate_key()
KEY_B = generate_key()


def raw_row(user, *columns):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(columns)} FROM users_user WHERE id = %s",  # noqa: S608 - test-only, fixed names
            [user.pk.hex if connection.vendor == "sqlite" else user.pk],
        )
        return cursor.fetchone()


def test_round_trip_and_binding_to_the_column(settings):
    settings.FIELD_ENCRYPTION_KEYS = f"a:{KEY_A}"
    sealed = encrypt("+254711000001", context="users.user.phone")
    assert sealed.startswith("enc1:a:") and "254711" not in sealed
    assert decrypt(sealed, context="users.user.phone") == "+254711000001"
    assert encrypt("+254711000001", context="users.user.phone") != sealed  # random nonce
    with pytest.raises(DecryptionError):
        decrypt(sealed, context="users.user.national_id")  # copied into another column
    tampered = sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB")
    with pytest.raises(DecryptionError):
        decrypt(tampered, context="users.user.phone")


def test_unknown_key_id_is_a_clear_error(settings):
    settings.FIELD_ENCRYPTION_KEYS = f"a:{KEY_A}"
    sealed = encrypt("x", context="c")
    settings.FIELD_ENCRYPTION_KEYS = f"b:{KEY_B}"
    with pytest.raises(DecryptionError, match="no key 'a'"):
        decrypt(sealed, context="c")


@pytest.mark.parametrize("spec", ["nokey", "a:short", "a:" + "!" * 43, ",,"])
def test_malformed_key_ring_is_refused(settings, spec):
    settings.FIELD_ENCRYPTION_KEYS = spec
    with pytest.raises(ImproperlyConfigured):
        encryption.key_ring()


def test_production_requires_keys(settings):
    settings.FIELD_ENCRYPTION_KEYS = ""
    settings.DJANGO_ENV, settings.DEBUG = "production", False
    with pytest.raises(ImproperlyConfigured):
        encryption.key_ring()


@pytest.mark.django_db
def test_personal_fields_are_sealed_in_the_database_and_searchable_by_hash(settings, make_user):
    settings.FIELD_ENCRYPTION_KEYS = f"a:{KEY_A}"
    user = make_user(phone="+254 711 000 001", national_id="12345678", date_of_birth=datetime.date(1990, 5, 17))
    phone, national_id, dob = raw_row(user, "phone", "national_id", "date_of_birth")
    assert all(value.startswith("enc1:a:") for value in (phone, national_id, dob))
    user.refresh_from_db()
    assert (user.phone, user.national_id, user.date_of_birth) == (
        "+254 711 000 001",
        "12345678",
        datetime.date(1990, 5, 17),
    )
    found = User.objects.get(phone_hash=blind_index("+254711000001", purpose="phone"))
    assert found.pk == user.pk
    assert User.objects.filter(national_id_hash=blind_index("12345678", purpose="national_id")).count() == 1


@pytest.mark.django_db
def test_rotation_re_encrypts_under_the_new_key_and_resumes(settings, make_user):
    settings.FIELD_ENCRYPTION_KEYS = f"a:{KEY_A}"
    users = [make_user(phone=f"+2547110000{n:02d}") for n in range(7)]
    settings.FIELD_ENCRYPTION_KEYS = f"b:{KEY_B},a:{KEY_A}"  # new key first, old still decrypts
    call_command("rotate_field_keys", "--batch-size=3")
    for user in users:
        assert raw_row(user, "phone")[0].startswith("enc1:b:")
    settings.FIELD_ENCRYPTION_KEYS = f"b:{KEY_B}"  # the old key can now be retired
    assert sorted(u.phone for u in User.objects.filter(pk__in=[u.pk for u in users])) == sorted(u.phone for u in users)
    call_command("rotate_field_keys")  # nothing left to do: idempotent


def test_encrypted_json_survives_full_clean():
    from insurehub.core.fields import EncryptedJSONField

    field = EncryptedJSONField(null=True, blank=True)
    value = {"gps": {"lat": -1.26, "lon": 36.8}, "camera": "Pixel"}
    assert field.clean(value, None) == value
    assert field.to_python('{"a": 1}') == {"a": 1}


@pytest.mark.parametrize("keys", ["", "k1:not-base64!!", "k1:c2hvcnQ"])
def test_production_process_refuses_to_start_without_good_keys(keys):
    """A real process start (a subprocess importing Django) fails with a clear message."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 50,
        "FIELD_ENCRYPTION_KEYS": keys,
        "DATABASE_URL": "sqlite:///:memory:",
        "DEBUG": "0",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='insurehub.config.settings'; django.setup()",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr
