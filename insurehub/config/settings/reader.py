"""The settings' typed environment reader: django-environ's `Env`, with the project's rules.

    env.str("NAME", default)    env.int("NAME", 5)    env.float("NAME", 0.5)
    env.bool("NAME", False)     env.list("NAME", default=["a", "b"])   (comma-separated)

Each returns the default as given when the variable is unset, and a value of its type otherwise.
Three rules differ from django-environ's own, and keep what the settings have always meant:
- an empty variable (NAME=) is unset: the default applies (a blank line in an .env file or a
  compose file's `NAME: ""` changes nothing);
- values are taken literally: no `$OTHER` proxying (a secret starting with `$` stays itself);
- booleans are true for 1/true/yes/on (any case), false for anything else; lists drop blank items
  and strip spaces; floats are Python's float() (no locale clean-up).
A value that does not parse stops the process naming the variable (ImproperlyConfigured), and a
variable read without a default must be set.
"""

from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

_KINDS = {int: "an integer", float: "a number", bool: "a boolean", list: "a comma-separated list"}


class Env(environ.Env):
    BOOLEAN_TRUE_STRINGS = ("1", "true", "yes", "on")

    def get_value(self, var: str, cast: Any = None, default: Any = environ.Env.NOTSET, parse_default: bool = False):
        raw = self.ENVIRON.get(var)
        if raw is None or raw == "":
            if default is self.NOTSET:
                raise ImproperlyConfigured(f"Set the {var} environment variable.")
            return default
        try:
            return self.parse_value(raw, cast)
        except (TypeError, ValueError) as exc:
            kind = _KINDS.get(cast, "a valid value") if isinstance(cast, type) else "a valid value"
            raise ImproperlyConfigured(f"{var}={raw!r} is not {kind}.") from exc

    @classmethod
    def parse_value(cls, value: str, cast: Any) -> Any:
        if cast is bool:
            return value.strip().lower() in cls.BOOLEAN_TRUE_STRINGS
        if cast is float:
            return float(value)
        if cast is list:
            return [item.strip() for item in value.split(",") if item.strip()]
        return super().parse_value(value, cast)


env = Env()
