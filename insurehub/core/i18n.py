"""The server's words in the customer's language: English and Kiswahili, as the web app
(web/src/lib/i18n). Each app keeps its own catalogue next to what it says, a dict of message
keys to `{"en": ..., "sw": ...}` with `{placeholders}`; `say()` picks the recipient's language
(English when a text or language is missing) and `catalogue_problems()` is the check a test runs
over every catalogue: both languages, the same placeholders."""

import datetime
import string
from collections.abc import Mapping

from insurehub.core.money import format_money

ENGLISH = "en"
SWAHILI = "sw"
LANGUAGES = (ENGLISH, SWAHILI)

Catalogue = Mapping[str, Mapping[str, str]]

MONTHS = {
    ENGLISH: (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    SWAHILI: (
        "Januari", "Februari", "Machi", "Aprili", "Mei", "Juni",
        "Julai", "Agosti", "Septemba", "Oktoba", "Novemba", "Desemba",
    ),
}  # fmt: skip


def language_of(user) -> str:
    """The language a user chose (users.User.language); English for anyone else."""
    language = getattr(user, "language", "") or ENGLISH
    return language if language in LANGUAGES else ENGLISH


def say(catalogue: Catalogue, key: str, language: str, /, **values) -> str:
    """The text `key` of `catalogue` in `language` (English if it has none), filled with `values`."""
    texts = catalogue[key]
    return (texts.get(language) or texts[ENGLISH]).format(**values)


def money(amount, currency: str, language: str) -> str:
    """An amount as the reader writes it: `KES 52,500.00` (the currency code reads the same in both)."""
    return format_money(amount, currency)


def date(value: datetime.date, language: str) -> str:
    """A calendar day in words: `29 November 2026`, `29 Novemba 2026`."""
    months = MONTHS.get(language, MONTHS[ENGLISH])
    return f"{value.day} {months[value.month - 1]} {value.year}"


def datetime_utc(value: datetime.datetime, language: str) -> str:
    """A moment, in UTC: `29 November 2026, 14:30 UTC` / `29 Novemba 2026, saa 14:30 UTC`."""
    value = value.astimezone(datetime.UTC)
    clock = value.strftime("%H:%M")
    return f"{date(value.date(), language)}, {'saa ' if language == SWAHILI else ''}{clock} UTC"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def catalogue_problems(catalogue: Catalogue) -> list[str]:
    """What is wrong with a catalogue: a key without a text in every language, an empty text, or
    texts of one key with different placeholders. Empty when it is whole."""
    problems = []
    for key, texts in catalogue.items():
        missing = [language for language in LANGUAGES if not (texts.get(language) or "").strip()]
        if missing:
            problems.append(f"{key}: no text in {', '.join(missing)}")
            continue
        names = {language: _placeholders(texts[language]) for language in LANGUAGES}
        if len({frozenset(found) for found in names.values()}) > 1:
            problems.append(f"{key}: placeholders differ {names}")
    return problems
