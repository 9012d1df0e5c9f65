"""What a customer is told of their policy, in their language (TEXTS, English and Kiswahili,
core.i18n; a policy is "bima" as in the web app). Each function returns the `title`, `body` and
`link` of a notify() call."""

from insurehub.core import i18n, web_links
from insurehub.policies.models import Policy

TEXTS: dict[str, dict[str, str]] = {
    "policy.activated.title": {
        "en": "Your policy {number} is now active.",
        "sw": "Bima yako {number} sasa inatumika.",
    },
    "policy.activated.body": {
        "en": "You are covered from {start} to {end}.",
        "sw": "Umelindwa kuanzia {start} hadi {end}.",
    },
}


def activated(policy: Policy) -> dict:
    language = i18n.language_of(policy.customer)
    return {
        "title": i18n.say(TEXTS, "policy.activated.title", language, number=policy.policy_number),
        "body": i18n.say(
            TEXTS,
            "policy.activated.body",
            language,
            start=i18n.date(policy.start_date, language),
            end=i18n.date(policy.end_date, language),
        ),
        "link": web_links.policy_page(policy.pk),
    }
