"""Model fields that encrypt personal data at rest (see core.encryption)."""

import datetime

from django.db import models

from insurehub.core import encryption


class EncryptedTextField(models.TextField):
    """Stored encrypted, read back as plain text. Supports only isnull / exact-empty lookups:
    keep a blind index (core.encryption.blind_index) beside it when it must be searched."""

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        self.encryption_context = f"{cls._meta.label_lower}.{name}"

    def to_python_value(self, text: str):
        return text

    def to_text(self, value) -> str:
        return str(value)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return self.to_python_value(value) if value == "" and self.blank and not self.null else value
        if not encryption.is_ciphertext(value):
            return self.to_python_value(value)  # written before encryption was enabled
        return self.to_python_value(encryption.decrypt(value, context=self.encryption_context))

    def get_prep_value(self, value):
        value = super(models.TextField, self).get_prep_value(value)
        if value is None or value == "":
            return value
        if isinstance(value, str) and encryption.is_ciphertext(value):
            return value  # already sealed (key rotation writes ciphertext directly)
        return encryption.encrypt(self.to_text(value), context=self.encryption_context)


class EncryptedDateField(EncryptedTextField):
    def to_python_value(self, text):
        if not text:
            return None
        return datetime.date.fromisoformat(text)

    def to_text(self, value) -> str:
        return value.isoformat() if isinstance(value, datetime.date) else str(value)

    def to_python(self, value):
        if value is None or isinstance(value, datetime.date):
            return value
        return datetime.date.fromisoformat(str(value))

    def formfield(self, **kwargs):
        from django import forms

        return forms.DateField(**kwargs)


class EncryptedJSONField(EncryptedTextField):
    """A dict/list sealed as JSON (e.g. photo EXIF and GPS kept for fraud checks)."""

    def to_python_value(self, text):
        import json

        return json.loads(text) if text else None

    def to_text(self, value) -> str:
        import json

        from django.core.serializers.json import DjangoJSONEncoder

        return json.dumps(value, cls=DjangoJSONEncoder)

    def to_python(self, value):
        """full_clean() must keep a dict a dict (not its repr as text)."""
        import json

        if value is None or isinstance(value, dict | list):
            return value
        if isinstance(value, str) and not encryption.is_ciphertext(value):
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value

    def formfield(self, **kwargs):
        from django import forms

        return forms.JSONField(**kwargs)


def encrypted_fields(model) -> list[EncryptedTextField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
